/* kev.c - the CISA KEV catalog (JSON or CSV) into ym_kev_entry values. */
#include "feeds/kev.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "core/i18n.h"
#include "core/json.h"
#include "core/map.h"
#include "core/utf8.h"

/* The entry's members, in the order of the catalog. */
enum {
	F_CVE,
	F_VENDOR,
	F_PRODUCT,
	F_NAME,
	F_ADDED,
	F_DESCRIPTION,
	F_ACTION,
	F_DUE,
	F_RANSOMWARE,
	F_NOTES,
	F_CWES,
	F_N
};

static const struct {
	const char *key;
	bool required;
} fields[F_N] = {
	{"cveID", true},
	{"vendorProject", true},
	{"product", true},
	{"vulnerabilityName", true},
	{"dateAdded", true},
	{"shortDescription", true},
	{"requiredAction", true},
	{"dueDate", true},
	{"knownRansomwareCampaignUse", false},
	{"notes", false},
	{"cwes", false},
};

/* Where a value came from, for messages. */
typedef struct pos {
	long line, col;
} pos;

typedef struct ctx {
	const char *file;
	ym_arena *a;
	ym_err *err;
	const ym_feed_ctx *fc;
	const char *catalog_version;
	char prefix[48];  /* "vulnerabilities[3]." (JSON) or "" (CSV) */
	const char *record;
	ym_map seen;      /* cveID -> 1 */
	bool sink_failed;
} ctx;

static int fail(ctx *c, pos at, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static int fail(ctx *c, pos at, const char *field, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	ym_err_setv(c->err, YM_E_INVALID, fmt, ap);
	va_end(ap);
	ym_err_at(c->err, c->file, at.line, at.col);
	ym_err_field(c->err, "%s%s", c->prefix, field);
	if (c->record)
		ym_err_record(c->err, c->record);
	return YM_E_INVALID;
}

static void warn(ctx *c, pos at, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void warn(ctx *c, pos at, const char *field, const char *fmt, ...)
{
	if (!c->fc || !c->fc->warn)
		return;
	ym_err w = YM_ERR_INIT;
	va_list ap;
	va_start(ap, fmt);
	ym_err_setv(&w, YM_E_INVALID, fmt, ap);
	va_end(ap);
	ym_err_at(&w, c->file, at.line, at.col);
	ym_err_field(&w, "%s%s", c->prefix, field);
	if (c->record)
		ym_err_record(&w, c->record);
	ym_feed_warn(c->fc, &w);
}

static bool is_digit(char ch)
{
	return ch >= '0' && ch <= '9';
}

/* CVE-YYYY-NNNN with four to nineteen digits (the catalog's pattern). */
static bool valid_cve(const char *s)
{
	if (strncmp(s, "CVE-", 4) != 0)
		return false;
	for (int i = 4; i < 8; i++)
		if (!is_digit(s[i]))
			return false;
	if (s[8] != '-')
		return false;
	size_t n = 0;
	for (const char *p = s + 9; *p; p++, n++)
		if (!is_digit(*p))
			return false;
	return n >= 4 && n <= 19;
}

/* A real calendar date written YYYY-MM-DD. */
static bool valid_date(const char *s)
{
	static const int mdays[] = {31, 29, 31, 30, 31, 30,
				    31, 31, 30, 31, 30, 31};
	for (int i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : !is_digit(s[i]))
			return false;
	if (s[10])
		return false;
	int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 +
		(s[2] - '0') * 10 + (s[3] - '0');
	int m = (s[5] - '0') * 10 + (s[6] - '0');
	int d = (s[8] - '0') * 10 + (s[9] - '0');
	if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return false;
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return !(m == 2 && d == 29 && !leap);
}

static bool valid_cwe(const char *s, size_t n)
{
	if (n < 5 || strncmp(s, "CWE-", 4) != 0)
		return false;
	for (size_t i = 4; i < n; i++)
		if (!is_digit(s[i]))
			return false;
	return true;
}

static bool space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
}

/* s without leading and trailing white space; copied into the arena
 * when copy is set or something was cut. */
static const char *trim(ym_arena *a, const char *s, bool copy)
{
	size_t n = strlen(s), b = 0;
	while (b < n && space(s[b]))
		b++;
	while (n > b && space(s[n - 1]))
		n--;
	if (!copy && b == 0 && s[n] == '\0')
		return s;
	return ym_arena_strndup(a, s + b, n - b);
}

/* Adds one CWE id to the ", "-joined list in b. */
static void add_cwe(ctx *c, ym_buf *b, const char *s, size_t n, pos at,
		    const char *field)
{
	while (n && space(*s))
		s++, n--;
	while (n && space(s[n - 1]))
		n--;
	if (!n)
		return;
	if (!valid_cwe(s, n))
		warn(c, at, field, _("'%.*s' is not a CWE id"), (int)n, s);
	if (b->len)
		ym_buf_adds(b, ", ");
	ym_buf_add(b, s, n);
}

/* The checks every entry passes, then the sink. vals[] are trimmed. */
static int finish(ctx *c, const char *vals[F_N], const pos at[F_N],
		  const char *cwes)
{
	ym_kev_entry k;
	int rc;
	for (int f = 0; f < F_N; f++)
		if (fields[f].required && (!vals[f] || !*vals[f]))
			return fail(c, at[f], fields[f].key,
				    vals[f] ? _("'%s' is empty")
					    : _("required member '%s' is "
						"missing"),
				    fields[f].key);
	if (!valid_cve(vals[F_CVE]))
		return fail(c, at[F_CVE], fields[F_CVE].key,
			    _("invalid CVE id '%s'"), vals[F_CVE]);
	static const int dates[] = {F_ADDED, F_DUE};
	for (int i = 0; i < 2; i++)
		if (!valid_date(vals[dates[i]]))
			return fail(c, at[dates[i]], fields[dates[i]].key,
				    _("invalid date '%s' (expected "
				      "YYYY-MM-DD)"), vals[dates[i]]);
	const char *rw = vals[F_RANSOMWARE];
	if (rw && *rw && strcmp(rw, "Known") != 0 && strcmp(rw, "Unknown") != 0)
		warn(c, at[F_RANSOMWARE], fields[F_RANSOMWARE].key,
		     _("unexpected value '%s' (expected Known or Unknown)"),
		     rw);
	bool found;
	ym_map_slot(&c->seen, vals[F_CVE], strlen(vals[F_CVE]), &found);
	if (found)
		warn(c, at[F_CVE], fields[F_CVE].key,
		     _("'%s' is listed more than once"), vals[F_CVE]);
	k = (ym_kev_entry){
		.cve_id = vals[F_CVE],
		.vendor = vals[F_VENDOR],
		.product = vals[F_PRODUCT],
		.name = vals[F_NAME],
		.date_added = vals[F_ADDED],
		.due_date = vals[F_DUE],
		.description = vals[F_DESCRIPTION],
		.required_action = vals[F_ACTION],
		.notes = vals[F_NOTES] && *vals[F_NOTES] ? vals[F_NOTES] : NULL,
		.ransomware = rw && *rw ? rw : NULL,
		.cwes = cwes,
		.catalog_version = c->catalog_version,
	};
	if (!c->fc || !c->fc->kev)
		return 0;
	rc = c->fc->kev(&k, c->fc->ctx, c->err);
	if (rc) {
		c->sink_failed = true;
		if (!c->err->code)
			ym_err_set(c->err, rc, "%s", ym_strerror(rc));
	}
	return rc;
}

/* After a failed entry: stop (strict, or the sink failed) or skip. */
static int after_failure(ctx *c, int rc)
{
	if (c->sink_failed)
		return rc;
	return ym_feed_bad_record(c->fc, c->err);
}

/* ---- JSON ---- */

static pos at_node(const ym_json *n)
{
	return (pos){n ? (long)n->line : 0, n ? (long)n->col : 0};
}

static int json_entry(ctx *c, const ym_json *o)
{
	const char *vals[F_N] = {NULL};
	pos at[F_N];
	const char *cwes = NULL;
	ym_buf b = YM_BUF_INIT;
	int rc = 0;
	c->record = NULL;
	if (o->type != YM_JSON_OBJECT) {
		/* the field is the entry itself: "vulnerabilities[5]" */
		c->prefix[strlen(c->prefix) - 1] = '\0';
		return fail(c, at_node(o), "", _("expected %s, got %s"),
			    _("object"), ym_json_type_name(o->type));
	}
	const char *id = ym_json_string(ym_json_get(o, "cveID"));
	if (id)
		c->record = id;
	for (int f = 0; f < F_N; f++) {
		const ym_json *v = ym_json_get(o, fields[f].key);
		at[f] = at_node(v ? v : o);
		if (!v || v->type == YM_JSON_NULL || f == F_CWES)
			continue;
		if (v->type != YM_JSON_STRING)
			return fail(c, at[f], fields[f].key,
				    _("expected %s, got %s"), _("string"),
				    ym_json_type_name(v->type));
		vals[f] = trim(c->a, v->u.str.s, false);
	}
	const ym_json *cw = ym_json_get(o, "cwes");
	if (cw && cw->type != YM_JSON_NULL) {
		if (cw->type != YM_JSON_ARRAY)
			return fail(c, at[F_CWES], "cwes",
				    _("expected %s, got %s"), _("array"),
				    ym_json_type_name(cw->type));
		for (size_t i = 0; i < cw->u.arr.n; i++) {
			const ym_json *x = cw->u.arr.items[i];
			char field[32];
			snprintf(field, sizeof field, "cwes[%zu]", i);
			if (x->type != YM_JSON_STRING) {
				rc = fail(c, at_node(x), field,
					  _("expected %s, got %s"),
					  _("string"),
					  ym_json_type_name(x->type));
				goto out;
			}
			add_cwe(c, &b, x->u.str.s, x->u.str.len, at_node(x),
				field);
		}
		if (b.len)
			cwes = ym_arena_strndup(c->a, b.ptr, b.len);
	}
	rc = finish(c, vals, at, cwes);
out:
	ym_buf_release(&b);
	return rc;
}

static int parse_json(ctx *c, const char *text, size_t len)
{
	ym_json *root = ym_json_parse(c->a, text, len, NULL, c->file, c->err);
	if (!root)
		return c->err->code ? c->err->code : YM_E_PARSE;
	const ym_json *vulns = ym_json_get(root, "vulnerabilities");
	if (root->type != YM_JSON_OBJECT || !vulns ||
	    vulns->type != YM_JSON_ARRAY) {
		const ym_json *at = vulns ? vulns : root;
		ym_err_set(c->err, YM_E_INVALID, "%s",
			   _("not a KEV catalog: no 'vulnerabilities' "
			     "array"));
		ym_err_at(c->err, c->file, (long)at->line, (long)at->col);
		return YM_E_INVALID;
	}
	const ym_json *ver = ym_json_get(root, "catalogVersion");
	if (ver && ver->type != YM_JSON_NULL && ver->type != YM_JSON_STRING) {
		fail(c, at_node(ver), "catalogVersion",
		     _("expected %s, got %s"), _("string"),
		     ym_json_type_name(ver->type));
		return YM_E_INVALID;
	}
	c->catalog_version = ver ? ym_json_string(ver) : NULL;
	if (!c->catalog_version)
		warn(c, at_node(root), "catalogVersion", "%s",
		     _("the catalog has no catalogVersion"));
	int64_t count;
	const ym_json *cn = ym_json_get(root, "count");
	if (cn && ym_json_int(cn, &count) && count != (int64_t)vulns->u.arr.n)
		warn(c, at_node(cn), "count",
		     _("count says %lld entries, the catalog has %zu"),
		     (long long)count, vulns->u.arr.n);
	for (size_t i = 0; i < vulns->u.arr.n; i++) {
		snprintf(c->prefix, sizeof c->prefix, "vulnerabilities[%zu].",
			 i);
		int rc = json_entry(c, vulns->u.arr.items[i]);
		if (rc && (rc = after_failure(c, rc)))
			return rc;
	}
	return 0;
}

/* ---- CSV (RFC 4180: quoted fields may hold commas, quotes as "" and
 * line breaks) ---- */

typedef struct csv {
	const char *p, *end;
	long line;
	const char *bol; /* first byte of the current line */
} csv;

/* Reads one field into b (unquoted). *eor: the record ended after it.
 * Fails only on broken quoting. */
static int csv_field(ctx *c, csv *r, ym_buf *b, pos *at, bool *eor)
{
	ym_buf_reset(b);
	at->line = r->line;
	at->col = (long)(r->p - r->bol) + 1;
	if (r->p < r->end && *r->p == '"') {
		r->p++;
		for (;;) {
			if (r->p >= r->end) {
				ym_err_set(c->err, YM_E_PARSE, "%s",
					   _("unterminated quoted field"));
				ym_err_at(c->err, c->file, at->line, at->col);
				return YM_E_PARSE;
			}
			char ch = *r->p++;
			if (ch == '"') {
				if (r->p < r->end && *r->p == '"') {
					ym_buf_addc(b, '"');
					r->p++;
					continue;
				}
				break;
			}
			if (ch == '\n') {
				r->line++;
				r->bol = r->p;
			}
			ym_buf_addc(b, ch);
		}
		if (r->p < r->end && *r->p != ',' && *r->p != '\n' &&
		    !(*r->p == '\r' &&
		      (r->p + 1 == r->end || r->p[1] == '\n'))) {
			ym_err_set(c->err, YM_E_PARSE, "%s",
				   _("unexpected character after a quoted "
				     "field"));
			ym_err_at(c->err, c->file, r->line,
				  (long)(r->p - r->bol) + 1);
			return YM_E_PARSE;
		}
	} else {
		const char *s = r->p;
		while (r->p < r->end && *r->p != ',' && *r->p != '\n')
			r->p++;
		size_t n = (size_t)(r->p - s);
		if (n && s[n - 1] == '\r' && (r->p == r->end || *r->p == '\n'))
			n--;
		ym_buf_add(b, s, n);
	}
	if (r->p < r->end && *r->p == '\r')
		r->p++;
	if (r->p < r->end && *r->p == ',') {
		r->p++;
		*eor = false;
		return 0;
	}
	if (r->p < r->end) { /* '\n' */
		r->p++;
		r->line++;
		r->bol = r->p;
	}
	*eor = true;
	return 0;
}

/* A line holding nothing (the end of the file included). */
static bool csv_blank(csv *r)
{
	const char *q = r->p;
	while (q < r->end && (*q == ' ' || *q == '\t' || *q == '\r'))
		q++;
	if (q < r->end && *q != '\n')
		return false;
	if (q < r->end) {
		r->line++;
		r->bol = q + 1;
		q++;
	}
	r->p = q;
	return true;
}

static int parse_csv(ctx *c, const char *text, size_t len)
{
	csv r = {.p = text, .end = text + len, .line = 1, .bol = text};
	int col_of[F_N]; /* CSV column of each member, -1 if absent */
	int ncols = 0;
	ym_buf b = YM_BUF_INIT;
	pos at;
	bool eor = false;
	int rc = 0;
	size_t bad;
	if (memchr(text, '\0', len) || !ym_utf8_valid(text, len, &bad)) {
		const char *q = memchr(text, '\0', len);
		size_t off = q ? (size_t)(q - text) : bad;
		long line = 1;
		const char *bol = text;
		for (size_t i = 0; i < off; i++)
			if (text[i] == '\n') {
				line++;
				bol = text + i + 1;
			}
		ym_err_set(c->err, YM_E_PARSE, "%s",
			   _("invalid UTF-8 or NUL byte in CSV"));
		ym_err_at(c->err, c->file, line,
			  (long)(text + off - bol) + 1);
		return YM_E_PARSE;
	}
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		r.p += 3;
		r.bol = r.p; /* columns count from after the BOM */
	}
	for (int f = 0; f < F_N; f++)
		col_of[f] = -1;
	while (r.p < r.end && csv_blank(&r))
		;
	/* the header */
	pos hdr = {r.line, 1};
	while (!eor && r.p < r.end) {
		if ((rc = csv_field(c, &r, &b, &at, &eor)))
			goto out;
		const char *name = trim(c->a, b.ptr, false);
		for (int f = 0; f < F_N; f++)
			if (strcmp(name, fields[f].key) == 0 && col_of[f] < 0)
				col_of[f] = ncols;
		ncols++;
	}
	for (int f = 0; f < F_N; f++)
		if (fields[f].required && col_of[f] < 0) {
			ym_err_set(c->err, YM_E_INVALID,
				   _("not a KEV catalog: the CSV header has "
				     "no '%s' column"), fields[f].key);
			ym_err_at(c->err, c->file, hdr.line, hdr.col);
			rc = YM_E_INVALID;
			goto out;
		}
	while (r.p < r.end) {
		const char *vals[F_N] = {NULL};
		pos fat[F_N];
		pos row = {r.line, 1};
		const char *cwes = NULL;
		int n = 0;
		if (csv_blank(&r))
			continue;
		for (int f = 0; f < F_N; f++)
			fat[f] = row;
		c->record = NULL;
		c->prefix[0] = '\0';
		eor = false;
		while (!eor) {
			if ((rc = csv_field(c, &r, &b, &at, &eor)))
				goto out;
			for (int f = 0; f < F_N; f++) {
				if (col_of[f] != n)
					continue;
				fat[f] = at;
				if (f == F_CWES) {
					ym_buf list = YM_BUF_INIT;
					const char *s = b.ptr;
					for (;;) {
						const char *e = strchr(s, ',');
						size_t k = e ? (size_t)(e - s)
							     : strlen(s);
						add_cwe(c, &list, s, k, at,
							"cwes");
						if (!e)
							break;
						s = e + 1;
					}
					if (list.len)
						cwes = ym_arena_strndup(
							c->a, list.ptr,
							list.len);
					ym_buf_release(&list);
				} else {
					vals[f] = trim(c->a, b.ptr, true);
					if (f == F_CVE && *vals[f])
						c->record = vals[f];
				}
			}
			n++;
		}
		if (n != ncols) {
			rc = fail(c, row, "",
				  _("row has %d fields, the header %d"), n,
				  ncols);
		} else {
			/* the CSV's own notes and cwes columns are optional,
			 * their cells empty when there is nothing */
			rc = finish(c, vals, fat, cwes);
		}
		if (rc && (rc = after_failure(c, rc)))
			goto out;
	}
out:
	ym_buf_release(&b);
	return rc;
}

int ym_kev_parse(const char *text, size_t len, const char *file,
		 ym_arena *a, const ym_feed_ctx *fc, ym_err *err)
{
	ym_err local = YM_ERR_INIT;
	ctx c = {.file = file, .a = a, .err = err ? err : &local, .fc = fc};
	size_t i = 0;
	int rc;
	ym_map_init(&c.seen);
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < len && space(text[i]))
		i++;
	if (i < len && text[i] == '{')
		rc = parse_json(&c, text, len);
	else if (i == len) {
		ym_err_set(c.err, YM_E_INVALID, "%s",
			   _("not a KEV catalog: the file is empty"));
		ym_err_at(c.err, file, 1, 1);
		rc = YM_E_INVALID;
	} else {
		rc = parse_csv(&c, text, len);
	}
	ym_map_release(&c.seen);
	return rc;
}
