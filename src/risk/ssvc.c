/* ssvc.c - SSVC decision tables: the strict loader of the table format
 * (docs/ssvc.md), the registry with its #from links, deciding by value
 * indexes and by names, and the SSVCv2/ vector form. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/embedded.h"
#include "core/i18n.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "risk/ssvc.h"

#define KEY_MAX 64    /* our keys and tree ids */
#define CODE_MAX 32   /* SSVC keys */
#define NAME_MAX 256  /* names */
#define LINE_MAX_ 4096
#define QUOTE_MAX 40  /* longest text quoted in a vector message */
#define DEPTH_MAX 8   /* #from links followed */

/* The shipped tables, sub-tables before the trees that use them. */
static const char *const shipped[] = {
	"ssvc/human-impact.csv",
	"ssvc/utility.csv",
	"ssvc/public-safety-impact.csv",
	"ssvc/deployer.csv",
	"ssvc/supplier.csv",
	"ssvc/coordinator-triage.csv",
	"ssvc/coordinator-publish.csv",
	"ssvc/cisa.csv",
	"ssvc/bod-26-04.csv",
};

struct ym_ssvc_registry {
	ym_arena arena;         /* every table, point, value and string */
	ym_ssvc_table **tables; /* in the order added */
	size_t n, cap;
};

/* ------------------------------------------------------------------------
 * small helpers
 */

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* Case-insensitive, with ' ', '-' and '_' alike. */
static int norm(int c)
{
	c = lower(c);
	return c == ' ' || c == '-' ? '_' : c;
}

static bool same_name(const char *a, const char *b)
{
	for (; *a && *b; a++, b++)
		if (norm((unsigned char)*a) != norm((unsigned char)*b))
			return false;
	return *a == *b;
}

static bool is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static bool is_alnum(int c)
{
	return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A tree id: [a-z0-9][a-z0-9-]* */
static bool valid_id(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > KEY_MAX || s[0] == '-')
		return false;
	for (size_t i = 0; i < n; i++)
		if (!is_digit(s[i]) && !(s[i] >= 'a' && s[i] <= 'z') &&
		    s[i] != '-')
			return false;
	return true;
}

/* Our key: [a-z0-9][a-z0-9_]* (a point key starts with a letter). */
static bool valid_key(const char *s, bool letter_first)
{
	size_t n = strlen(s);
	if (n == 0 || n > KEY_MAX || s[0] == '_' ||
	    (letter_first && is_digit(s[0])))
		return false;
	for (size_t i = 0; i < n; i++)
		if (!is_digit(s[i]) && !(s[i] >= 'a' && s[i] <= 'z') &&
		    s[i] != '_')
			return false;
	return true;
}

/* An SSVC key: alphanumerics and '_', starting and ending with an
 * alphanumeric; "T*" is allowed (CISA's Track*). */
static bool valid_code(const char *s, size_t n)
{
	if (n == 2 && s[0] == 'T' && s[1] == '*')
		return true;
	if (n == 0 || n > CODE_MAX || !is_alnum(s[0]) || !is_alnum(s[n - 1]))
		return false;
	for (size_t i = 0; i < n; i++)
		if (!is_alnum(s[i]) && s[i] != '_')
			return false;
	return true;
}

/* An SSVC namespace, loosely: a lowercase letter, then lowercase letters,
 * digits and . _ - # / $ (no ':'), 3 to 128 bytes. */
static bool valid_ns(const char *s, size_t n)
{
	if (n < 3 || n > 128 || !(s[0] >= 'a' && s[0] <= 'z'))
		return false;
	for (size_t i = 0; i < n; i++)
		if (!is_digit(s[i]) && !(s[i] >= 'a' && s[i] <= 'z') &&
		    !strchr("._-#/$", s[i]))
			return false;
	return true;
}

/* MAJOR.MINOR.PATCH, digits only. */
static bool valid_version(const char *s, size_t n)
{
	int parts = 0;
	size_t i = 0;
	if (n == 0 || n > 32)
		return false;
	for (;;) {
		size_t start = i;
		while (i < n && is_digit(s[i]))
			i++;
		if (i == start)
			return false;
		parts++;
		if (i == n)
			break;
		if (s[i] != '.')
			return false;
		i++;
	}
	return parts == 3;
}

/* A name: UTF-8 without control characters, 1 to NAME_MAX bytes. */
static bool valid_name(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > NAME_MAX || !ym_utf8_valid(s, n, NULL))
		return false;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return false;
	return s[0] != ' ' && s[n - 1] != ' ';
}

static const char *value_list(const ym_ssvc_point *p, bool codes,
			      char *buf, size_t cap)
{
	size_t len = 0;
	buf[0] = '\0';
	for (unsigned k = 0; k < p->nvalues && len < cap; k++) {
		int w = snprintf(buf + len, cap - len, "%s%s", k ? ", " : "",
				 codes ? p->values[k].code :
					 p->values[k].key);
		if (w < 0)
			break;
		len += (size_t)w;
	}
	return buf;
}

/* ------------------------------------------------------------------------
 * the table loader
 */

typedef struct pdraft {
	char key[KEY_MAX + 1];
	char ns[129], code[CODE_MAX + 1], version[33];
	char name[NAME_MAX + 1];
	char from[KEY_MAX + 1]; /* #from table id, "" if none */
	long from_line;
	long line;
	ym_ssvc_value values[YM_SSVC_MAX_VALUES];
	unsigned nvalues;
} pdraft;

typedef struct draft {
	const char *file;
	ym_arena *a;
	char id[KEY_MAX + 1];
	char ns[129], code[CODE_MAX + 1], version[33];
	char name[NAME_MAX + 1];
	char *source, *license;
	pdraft p[YM_SSVC_MAX_POINTS + 1]; /* inputs, then the outcome */
	unsigned np;      /* drafts used */
	bool has_outcome; /* p[np - 1] is the outcome */
	bool has_table;
} draft;

static int lerr(ym_err *err, const char *file, long line, const char *field,
		const char *fmt, ...) __attribute__((format(printf, 5, 6)));
static int lerr(ym_err *err, const char *file, long line, const char *field,
		const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	ym_err_setv(err, YM_E_PARSE, fmt, ap);
	va_end(ap);
	ym_err_at(err, file, line, 0);
	if (field && *field)
		ym_err_field(err, "%s", field);
	return YM_E_PARSE;
}

/* Splits "NS:CODE:VERSION" into the three buffers. */
static bool split_id(const char *s, char *ns, char *code, char *version)
{
	const char *c1 = strchr(s, ':');
	const char *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
	if (!c1 || !c2 || strchr(c2 + 1, ':'))
		return false;
	size_t nn = (size_t)(c1 - s), nc = (size_t)(c2 - c1 - 1),
	       nv = strlen(c2 + 1);
	if (!valid_ns(s, nn) || !valid_code(c1 + 1, nc) ||
	    !valid_version(c2 + 1, nv))
		return false;
	memcpy(ns, s, nn);
	ns[nn] = '\0';
	memcpy(code, c1 + 1, nc);
	code[nc] = '\0';
	memcpy(version, c2 + 1, nv);
	version[nv] = '\0';
	return true;
}

/* Cuts the first space-separated word off *rest into w (cap bytes);
 * false if there is none or it is too long. */
static bool word(char **rest, char *w, size_t cap)
{
	char *s = *rest, *sp = strchr(s, ' ');
	size_t n = sp ? (size_t)(sp - s) : strlen(s);
	if (n == 0 || n >= cap)
		return false;
	memcpy(w, s, n);
	w[n] = '\0';
	*rest = sp ? sp + 1 : s + n;
	return true;
}

/* True if two values (or two points) could be confused by a lookup. */
static bool clash(const char *k1, const char *c1, const char *n1,
		  const char *k2, const char *c2, const char *n2)
{
	const char *a[3] = {k1, c1, n1}, *b[3] = {k2, c2, n2};
	for (int i = 0; i < 3; i++)
		for (int j = 0; j < 3; j++)
			if (same_name(a[i], b[j]))
				return true;
	return false;
}

static int directive(draft *d, char *line, long ln, ym_err *err)
{
	char dir[16], w1[KEY_MAX + 1], w2[200];
	char *rest = line + 1;
	const char *f = d->file;
	if (!word(&rest, dir, sizeof dir))
		return lerr(err, f, ln, NULL, _("bad directive '%.40s'"),
			    line);
	if (strcmp(dir, "table") == 0) {
		if (d->has_table)
			return lerr(err, f, ln, "#table",
				    _("second #table line"));
		if (!word(&rest, w1, sizeof w1) || !valid_id(w1))
			return lerr(err, f, ln, "#table",
				    _("bad table id (expected lowercase "
				      "letters, digits and '-')"));
		if (!word(&rest, w2, sizeof w2) ||
		    !split_id(w2, d->ns, d->code, d->version))
			return lerr(err, f, ln, "#table",
				    _("bad SSVC id (expected "
				      "NAMESPACE:KEY:VERSION)"));
		if (!valid_name(rest))
			return lerr(err, f, ln, "#table",
				    _("missing or bad name"));
		snprintf(d->id, sizeof d->id, "%s", w1);
		snprintf(d->name, sizeof d->name, "%s", rest);
		d->has_table = true;
		return 0;
	}
	if (strcmp(dir, "source") == 0 || strcmp(dir, "license") == 0) {
		char **slot = dir[0] == 's' ? &d->source : &d->license;
		if (*slot)
			return lerr(err, f, ln, line,
				    _("second #%s line"), dir);
		if (!valid_name(rest))
			return lerr(err, f, ln, dir[0] == 's' ? "#source" :
				    "#license", _("missing or bad text"));
		*slot = ym_arena_strdup(d->a, rest);
		return 0;
	}
	if (strcmp(dir, "point") == 0 || strcmp(dir, "outcome") == 0) {
		bool outcome = dir[0] == 'o';
		const char *fld = outcome ? "#outcome" : "#point";
		if (!d->has_table)
			return lerr(err, f, ln, fld,
				    _("#table must come first"));
		if (d->has_outcome)
			return lerr(err, f, ln, fld,
				    _("#outcome must be the last decision "
				      "point"));
		if (d->np && d->p[d->np - 1].nvalues == 0)
			return lerr(err, f, d->p[d->np - 1].line,
				    d->p[d->np - 1].key,
				    _("decision point has no #value"));
		if (!outcome && d->np == YM_SSVC_MAX_POINTS)
			return lerr(err, f, ln, fld,
				    _("too many decision points (at most "
				      "%d)"), YM_SSVC_MAX_POINTS);
		pdraft *p = &d->p[d->np];
		memset(p, 0, sizeof *p);
		p->line = ln;
		if (!word(&rest, w1, sizeof w1) || !valid_key(w1, true))
			return lerr(err, f, ln, fld,
				    _("bad key (expected lowercase letters, "
				      "digits and '_')"));
		if (!word(&rest, w2, sizeof w2) ||
		    !split_id(w2, p->ns, p->code, p->version))
			return lerr(err, f, ln, w1,
				    _("bad SSVC id (expected "
				      "NAMESPACE:KEY:VERSION)"));
		if (!valid_name(rest))
			return lerr(err, f, ln, w1, _("missing or bad name"));
		snprintf(p->key, sizeof p->key, "%s", w1);
		snprintf(p->name, sizeof p->name, "%s", rest);
		for (unsigned i = 0; i < d->np; i++) {
			const pdraft *q = &d->p[i];
			if (clash(p->key, p->code, p->name, q->key, q->code,
				  q->name))
				return lerr(err, f, ln, w1,
					    _("decision point clashes with "
					      "'%s' on line %ld (same key, "
					      "code or name)"),
					    q->key, q->line);
		}
		d->np++;
		d->has_outcome = outcome;
		return 0;
	}
	if (strcmp(dir, "from") == 0) {
		pdraft *p = d->np ? &d->p[d->np - 1] : NULL;
		if (!p || d->has_outcome)
			return lerr(err, f, ln, "#from",
				    _("#from must follow a #point"));
		if (p->from[0])
			return lerr(err, f, ln, p->key, _("second #from"));
		if (!valid_id(rest))
			return lerr(err, f, ln, p->key,
				    _("bad table id in #from"));
		snprintf(p->from, sizeof p->from, "%s", rest);
		p->from_line = ln;
		return 0;
	}
	if (strcmp(dir, "value") == 0) {
		pdraft *p = d->np ? &d->p[d->np - 1] : NULL;
		if (!p)
			return lerr(err, f, ln, "#value",
				    _("#value before any #point or "
				      "#outcome"));
		if (p->nvalues == YM_SSVC_MAX_VALUES)
			return lerr(err, f, ln, p->key,
				    _("too many values (at most %d)"),
				    YM_SSVC_MAX_VALUES);
		if (!word(&rest, w1, sizeof w1) || !valid_key(w1, false))
			return lerr(err, f, ln, p->key,
				    _("bad value key (expected lowercase "
				      "letters, digits and '_')"));
		if (!word(&rest, w2, CODE_MAX + 1) ||
		    !valid_code(w2, strlen(w2)))
			return lerr(err, f, ln, p->key,
				    _("bad value code for '%s'"), w1);
		if (!valid_name(rest))
			return lerr(err, f, ln, p->key,
				    _("missing or bad name for '%s'"), w1);
		for (unsigned i = 0; i < p->nvalues; i++) {
			const ym_ssvc_value *v = &p->values[i];
			if (clash(w1, w2, rest, v->key, v->code, v->name))
				return lerr(err, f, ln, p->key,
					    _("value '%s' clashes with '%s' "
					      "(same key, code or name)"),
					    w1, v->key);
		}
		ym_ssvc_value *v = &p->values[p->nvalues++];
		v->key = ym_arena_strdup(d->a, w1);
		v->code = ym_arena_strdup(d->a, w2);
		v->name = ym_arena_strdup(d->a, rest);
		return 0;
	}
	return lerr(err, f, ln, NULL, _("unknown directive '#%s'"), dir);
}

static void point_from_draft(ym_arena *a, ym_ssvc_point *p,
			     const pdraft *q)
{
	ym_ssvc_value *v = ym_arena_alloc(a, q->nvalues * sizeof *v);
	memcpy(v, q->values, q->nvalues * sizeof *v);
	p->key = ym_arena_strdup(a, q->key);
	p->ns = ym_arena_strdup(a, q->ns);
	p->code = ym_arena_strdup(a, q->code);
	p->version = ym_arena_strdup(a, q->version);
	p->name = ym_arena_strdup(a, q->name);
	p->values = v;
	p->nvalues = q->nvalues;
	p->from = NULL;
}

/* The header line: the keys of the points, then the outcome's. */
static int header(const draft *d, const char *line, long ln, ym_err *err)
{
	const char *s = line;
	for (unsigned i = 0; i < d->np; i++) {
		const char *c = strchr(s, ',');
		size_t n = c ? (size_t)(c - s) : strlen(s);
		char col[24];
		snprintf(col, sizeof col, "column %u", i + 1);
		if (n != strlen(d->p[i].key) || memcmp(s, d->p[i].key, n))
			return lerr(err, d->file, ln, col,
				    _("header has '%.*s', expected '%s'"),
				    (int)(n > 40 ? 40 : n), s, d->p[i].key);
		if (i + 1 < d->np && !c)
			return lerr(err, d->file, ln, NULL,
				    _("header has %u columns, expected %u"),
				    i + 1, d->np);
		if (i + 1 == d->np && c)
			return lerr(err, d->file, ln, NULL,
				    _("header has more than %u columns"),
				    d->np);
		s = c ? c + 1 : s + n;
	}
	return 0;
}

typedef struct rowstate {
	uint8_t *cell;     /* outcome per cell */
	uint32_t *row;     /* row per cell */
	long *line;        /* line per cell, 0: not seen */
	uint8_t *rows;     /* value indexes in file order */
	uint32_t *stride;
	uint32_t ncells, nrows;
} rowstate;

static int data_row(const draft *d, rowstate *rs, const char *line,
		    long ln, ym_err *err)
{
	unsigned np = d->np - 1; /* inputs */
	uint8_t idx[YM_SSVC_MAX_POINTS + 1];
	const char *s = line;
	unsigned nf = 0;
	char list[512];
	for (const char *c = line; *c; c++)
		nf += *c == ',';
	if (nf + 1 != d->np)
		return lerr(err, d->file, ln, NULL,
			    _("expected %u fields, got %u"), d->np, nf + 1);
	for (unsigned i = 0; i < d->np; i++) {
		const char *c = strchr(s, ',');
		size_t n = c ? (size_t)(c - s) : strlen(s);
		const pdraft *p = &d->p[i];
		int k = -1;
		for (unsigned j = 0; j < p->nvalues; j++)
			if (strlen(p->values[j].key) == n &&
			    memcmp(p->values[j].key, s, n) == 0)
				k = (int)j;
		if (k < 0) {
			ym_ssvc_point tmp = {.values = p->values,
					     .nvalues = p->nvalues};
			return lerr(err, d->file, ln, p->key,
				    _("unknown value '%.*s' (expected %s)"),
				    (int)(n > 40 ? 40 : n), s,
				    value_list(&tmp, false, list,
					       sizeof list));
		}
		idx[i] = (uint8_t)k;
		s = c ? c + 1 : s + n;
	}
	uint32_t cell = 0;
	for (unsigned i = 0; i < np; i++)
		cell += rs->stride[i] * idx[i];
	if (rs->line[cell])
		return lerr(err, d->file, ln, NULL,
			    _("duplicate row: the same inputs as line %ld"),
			    rs->line[cell]);
	rs->line[cell] = ln;
	rs->cell[cell] = idx[np];
	rs->row[cell] = rs->nrows;
	memcpy(rs->rows + (size_t)rs->nrows * np, idx, np);
	rs->nrows++;
	return 0;
}

/* Sets up rs for the points of d (after the header). */
static int rows_begin(const draft *d, rowstate *rs, long ln, ym_err *err)
{
	unsigned np = d->np - 1;
	uint64_t n = 1;
	for (unsigned i = 0; i < np; i++) {
		n *= d->p[i].nvalues;
		if (n > YM_SSVC_MAX_CELLS)
			return lerr(err, d->file, ln, NULL,
				    _("too many combinations of values "
				      "(more than %d)"), YM_SSVC_MAX_CELLS);
	}
	rs->ncells = (uint32_t)n;
	rs->cell = ym_xcalloc(n, 1);
	rs->row = ym_xcalloc(n, sizeof *rs->row);
	rs->line = ym_xcalloc(n, sizeof *rs->line);
	rs->rows = ym_xcalloc(n * (np ? np : 1), 1);
	rs->stride = ym_xcalloc(np ? np : 1, sizeof *rs->stride);
	uint32_t w = 1;
	for (unsigned i = np; i-- > 0;) {
		rs->stride[i] = w;
		w *= d->p[i].nvalues;
	}
	return 0;
}

static void rows_release(rowstate *rs)
{
	free(rs->cell);
	free(rs->row);
	free(rs->line);
	free(rs->rows);
	free(rs->stride);
}

/* Copies a complete draft into the arena. */
static ym_ssvc_table *table_build(const draft *d, const rowstate *rs)
{
	ym_arena *a = d->a;
	unsigned np = d->np - 1;
	ym_ssvc_table *t = ym_arena_zalloc(a, sizeof *t);
	ym_ssvc_point *pts = ym_arena_zalloc(a, (np ? np : 1) * sizeof *pts);
	for (unsigned i = 0; i < np; i++)
		point_from_draft(a, &pts[i], &d->p[i]);
	point_from_draft(a, &t->outcome, &d->p[np]);
	t->id = ym_arena_strdup(a, d->id);
	t->ns = ym_arena_strdup(a, d->ns);
	t->code = ym_arena_strdup(a, d->code);
	t->version = ym_arena_strdup(a, d->version);
	t->name = ym_arena_strdup(a, d->name);
	t->source = d->source;
	t->file = ym_arena_strdup(a, d->file);
	t->points = pts;
	t->npoints = np;
	t->ncells = rs->ncells;
	uint32_t *stride = ym_arena_alloc(a, (np ? np : 1) * sizeof *stride);
	memcpy(stride, rs->stride, np * sizeof *stride);
	t->stride = stride;
	uint8_t *cell = ym_arena_alloc(a, rs->ncells);
	memcpy(cell, rs->cell, rs->ncells);
	t->cell = cell;
	uint32_t *row = ym_arena_alloc(a, rs->ncells * sizeof *row);
	memcpy(row, rs->row, rs->ncells * sizeof *row);
	t->row = row;
	size_t rb = (size_t)rs->ncells * np;
	uint8_t *rows = ym_arena_alloc(a, rb ? rb : 1);
	memcpy(rows, rs->rows, rb);
	t->rows = rows;
	return t;
}

/* The first combination without a row, as "a=x, b=y" in buf. */
static void missing_row(const draft *d, const rowstate *rs, char *buf,
			size_t cap)
{
	uint32_t c = 0;
	while (c < rs->ncells && rs->line[c])
		c++;
	size_t len = 0;
	buf[0] = '\0';
	for (unsigned i = 0; i + 1 < d->np && len < cap; i++) {
		unsigned k = (c / rs->stride[i]) % d->p[i].nvalues;
		int w = snprintf(buf + len, cap - len, "%s%s=%s",
				 i ? ", " : "", d->p[i].key,
				 d->p[i].values[k].key);
		if (w < 0)
			break;
		len += (size_t)w;
	}
}

/* Parses a table into arena a; links (#from) are left to the caller:
 * from_ids[i] and from_lines[i] get point i's. */
static int table_parse(ym_arena *a, const char *file, const char *data,
		       size_t len, ym_ssvc_table **out,
		       char from_ids[][KEY_MAX + 1], long *from_lines,
		       ym_err *err)
{
	draft *d = ym_xcalloc(1, sizeof *d);
	rowstate rs = {0};
	char line[LINE_MAX_ + 1];
	long ln = 0;
	bool in_rows = false;
	size_t pos = 0;
	int rc = 0;

	d->file = file;
	d->a = a;
	if (len == 0) {
		rc = lerr(err, file, 0, NULL, _("empty table file"));
		goto out;
	}
	while (pos < len) {
		const char *s = data + pos;
		const char *nl = memchr(s, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - s) : len - pos;
		pos += n + (nl ? 1 : 0);
		ln++;
		if (n && s[n - 1] == '\r')
			n--;
		if (n > LINE_MAX_) {
			rc = lerr(err, file, ln, NULL,
				  _("line longer than %d bytes"), LINE_MAX_);
			goto out;
		}
		if (memchr(s, '\0', n)) {
			rc = lerr(err, file, ln, NULL, _("NUL byte"));
			goto out;
		}
		memcpy(line, s, n);
		line[n] = '\0';
		if (ln == 1) {
			if (strcmp(line, "#ssvc-table 1") != 0) {
				rc = lerr(err, file, ln, NULL,
					  _("expected '#ssvc-table 1' on the "
					    "first line"));
				goto out;
			}
			continue;
		}
		if (n == 0 || strcmp(line, "#") == 0 ||
		    strncmp(line, "# ", 2) == 0)
			continue; /* blank line or comment */
		if (line[0] == '#') {
			if (in_rows) {
				rc = lerr(err, file, ln, NULL,
					  _("directive after the header "
					    "line"));
				goto out;
			}
			rc = directive(d, line, ln, err);
			if (rc)
				goto out;
			continue;
		}
		if (!in_rows) {
			if (!d->has_table) {
				rc = lerr(err, file, ln, NULL,
					  _("missing #table"));
				goto out;
			}
			if (!d->source) {
				rc = lerr(err, file, ln, NULL,
					  _("missing #source"));
				goto out;
			}
			if (!d->has_outcome) {
				rc = lerr(err, file, ln, NULL,
					  _("missing #outcome"));
				goto out;
			}
			if (d->np < 2) {
				rc = lerr(err, file, ln, NULL,
					  _("no #point before the "
					    "#outcome"));
				goto out;
			}
			if (d->p[d->np - 1].nvalues == 0) {
				rc = lerr(err, file, d->p[d->np - 1].line,
					  d->p[d->np - 1].key,
					  _("decision point has no #value"));
				goto out;
			}
			rc = header(d, line, ln, err);
			if (!rc)
				rc = rows_begin(d, &rs, ln, err);
			if (rc)
				goto out;
			in_rows = true;
			continue;
		}
		rc = data_row(d, &rs, line, ln, err);
		if (rc)
			goto out;
	}
	if (!in_rows) {
		rc = lerr(err, file, ln, NULL, _("no header line and no rows"));
		goto out;
	}
	if (rs.nrows < rs.ncells) {
		char buf[512];
		missing_row(d, &rs, buf, sizeof buf);
		rc = lerr(err, file, 0, NULL, _("no row for %s"), buf);
		goto out;
	}
	*out = table_build(d, &rs);
	for (unsigned i = 0; i + 1 < d->np; i++) {
		memcpy(from_ids[i], d->p[i].from, KEY_MAX + 1);
		from_lines[i] = d->p[i].from_line;
	}
out:
	rows_release(&rs);
	free(d);
	return rc;
}

/* ------------------------------------------------------------------------
 * scopes: every decision point a tree can be given, through its links
 */

typedef struct slot {
	const ym_ssvc_point *p;
	int val;      /* value index, -1 unset */
	bool derived; /* computed from p->from */
	bool outcome; /* the tree's own outcome */
	size_t pos;   /* vector position it was given at, 0 if none */
} slot;

typedef struct scope {
	const ym_ssvc_table *t;
	slot s[YM_SSVC_MAX_SEL];
	unsigned n;
} scope;

static int scope_key(const scope *sc, const char *key)
{
	for (unsigned i = 0; i < sc->n; i++)
		if (strcmp(sc->s[i].p->key, key) == 0)
			return (int)i;
	return -1;
}

static bool same_point(const ym_ssvc_point *a, const ym_ssvc_point *b)
{
	if (strcmp(a->ns, b->ns) || strcmp(a->code, b->code) ||
	    strcmp(a->version, b->version) || a->nvalues != b->nvalues)
		return false;
	for (unsigned k = 0; k < a->nvalues; k++)
		if (strcmp(a->values[k].code, b->values[k].code) ||
		    strcmp(a->values[k].key, b->values[k].key))
			return false;
	return true;
}

/* Adds the inputs of t (breadth first over links). Fails on a key that
 * means two decision points, or on too many. */
static int scope_add(scope *sc, const ym_ssvc_table *t, unsigned depth,
		     ym_err *err)
{
	if (depth > DEPTH_MAX)
		return ym_err_set(err, YM_E_INVALID,
				  _("#from links nested deeper than %d"),
				  DEPTH_MAX);
	for (unsigned i = 0; i < t->npoints; i++) {
		const ym_ssvc_point *p = &t->points[i];
		int j = scope_key(sc, p->key);
		if (j >= 0) {
			if (!same_point(sc->s[j].p, p))
				return ym_err_set(
					err, YM_E_INVALID,
					_("decision point '%s' of table %s "
					  "is not the '%s' of another linked "
					  "table"),
					p->key, t->id, p->key);
			continue;
		}
		if (sc->n + 1 >= YM_SSVC_MAX_SEL)
			return ym_err_set(err, YM_E_INVALID,
					  _("too many decision points through "
					    "#from links (at most %d)"),
					  YM_SSVC_MAX_SEL - 1);
		sc->s[sc->n++] = (slot){.p = p, .val = -1};
	}
	for (unsigned i = 0; i < t->npoints; i++)
		if (t->points[i].from) {
			int rc = scope_add(sc, t->points[i].from, depth + 1,
					   err);
			if (rc)
				return rc;
		}
	return 0;
}

static int scope_init(scope *sc, const ym_ssvc_table *t, ym_err *err)
{
	memset(sc, 0, sizeof *sc);
	sc->t = t;
	int rc = scope_add(sc, t, 0, err);
	if (rc)
		return rc;
	if (scope_key(sc, t->outcome.key) >= 0)
		return ym_err_set(err, YM_E_INVALID,
				  _("the outcome '%s' of table %s is also one "
				    "of its inputs"),
				  t->outcome.key, t->id);
	sc->s[sc->n++] = (slot){.p = &t->outcome, .val = -1, .outcome = true};
	return 0;
}

/* Fails if two decision points of sc could be taken for each other by
 * ym_ssvc_decide (same key, code or name). */
static int scope_clash(const scope *sc, ym_err *err)
{
	for (unsigned i = 0; i < sc->n; i++)
		for (unsigned j = i + 1; j < sc->n; j++) {
			const ym_ssvc_point *a = sc->s[i].p, *b = sc->s[j].p;
			if (clash(a->key, a->code, a->name, b->key, b->code,
				  b->name))
				return ym_err_set(err, YM_E_INVALID,
						  _("decision points '%s' and "
						    "'%s' of tree %s clash "
						    "(same key, code or "
						    "name)"),
						  a->key, b->key, sc->t->id);
		}
	return 0;
}

/* True if any input of t, or of the tables it links to, is set. */
static bool any_given(const scope *sc, const ym_ssvc_table *t,
		      unsigned depth)
{
	if (depth > DEPTH_MAX)
		return false;
	for (unsigned i = 0; i < t->npoints; i++) {
		const ym_ssvc_point *p = &t->points[i];
		int j = scope_key(sc, p->key);
		if (j >= 0 && sc->s[j].val >= 0 && !sc->s[j].derived)
			return true;
		if (p->from && any_given(sc, p->from, depth + 1))
			return true;
	}
	return false;
}

/* Decides t from the slots, deriving linked points; for_key names the
 * point being derived (NULL for the tree itself). */
static int evaluate(scope *sc, const ym_ssvc_table *t, const char *for_key,
		    unsigned depth, uint8_t *idx, int *outcome, uint32_t *row,
		    ym_err *err)
{
	for (unsigned i = 0; i < t->npoints; i++) {
		const ym_ssvc_point *p = &t->points[i];
		slot *s = &sc->s[scope_key(sc, p->key)];
		bool sub = p->from && depth < DEPTH_MAX &&
			   any_given(sc, p->from, depth + 1);
		if (sub) {
			uint8_t sidx[YM_SSVC_MAX_POINTS];
			int v = 0;
			uint32_t r = 0;
			int rc = evaluate(sc, p->from, p->key, depth + 1,
					  sidx, &v, &r, err);
			if (rc)
				return rc;
			if (s->val >= 0 && !s->derived && s->val != v)
				return ym_err_set(
					err, YM_E_INVALID,
					_("%s=%s contradicts the %s table, "
					  "which gives %s for the inputs "
					  "given"),
					p->key, p->values[s->val].key,
					p->from->id, p->values[v].key);
			if (s->val < 0) {
				s->val = v;
				s->derived = true;
			}
		}
		if (s->val < 0) {
			if (for_key)
				return ym_err_set(err, YM_E_INVALID,
						  _("missing %s (%s) to "
						    "derive %s"),
						  p->key, p->code, for_key);
			if (p->from)
				return ym_err_set(
					err, YM_E_INVALID,
					_("missing %s (%s), or the inputs "
					  "of the %s table to derive it"),
					p->key, p->code, p->from->id);
			return ym_err_set(err, YM_E_INVALID,
					  _("missing %s (%s)"), p->key,
					  p->code);
		}
		idx[i] = (uint8_t)s->val;
	}
	long c = ym_ssvc_cell(t, idx);
	*outcome = t->cell[c];
	*row = t->row[c];
	return 0;
}

/* Decides the tree of sc and fills res. */
static int finish(scope *sc, ym_ssvc_result *res, ym_err *err)
{
	const ym_ssvc_table *t = sc->t;
	int v = 0;
	uint32_t r = 0;
	memset(res, 0, sizeof *res);
	int rc = evaluate(sc, t, NULL, 0, res->idx, &v, &r, err);
	if (rc)
		return rc;
	slot *o = &sc->s[sc->n - 1];
	if (o->val >= 0 && o->val != v)
		return ym_err_set(err, YM_E_INVALID,
				  _("%s=%s contradicts the %s table, which "
				    "gives %s (row %u)"),
				  t->outcome.key, t->outcome.values[o->val].key,
				  t->id, t->outcome.values[v].key, r);
	o->val = v;
	res->table = t;
	res->outcome = v;
	res->row = r;
	for (unsigned i = 0; i < sc->n; i++) {
		const slot *s = &sc->s[i];
		if (s->val < 0)
			continue;
		res->sel[res->nsel++] = (ym_ssvc_sel){
			.point = s->p,
			.value = (uint8_t)s->val,
			.derived = s->derived,
			.is_outcome = s->outcome};
	}
	return 0;
}

/* ------------------------------------------------------------------------
 * the registry
 */

ym_ssvc_registry *ym_ssvc_registry_new(void)
{
	ym_ssvc_registry *reg = ym_xcalloc(1, sizeof *reg);
	ym_arena_init(&reg->arena, 0);
	return reg;
}

void ym_ssvc_registry_free(ym_ssvc_registry *reg)
{
	if (!reg)
		return;
	ym_arena_release(&reg->arena);
	free(reg->tables);
	free(reg);
}

const ym_ssvc_table *ym_ssvc_table_at(const ym_ssvc_registry *reg,
				      size_t i)
{
	return i < reg->n ? reg->tables[i] : NULL;
}

const ym_ssvc_table *ym_ssvc_find(const ym_ssvc_registry *reg,
				  const char *id)
{
	for (size_t i = 0; i < reg->n; i++)
		if (same_name(reg->tables[i]->id, id))
			return reg->tables[i];
	return NULL;
}

int ym_ssvc_registry_add(ym_ssvc_registry *reg, const char *file,
			 const char *data, size_t len,
			 const ym_ssvc_table **out, ym_err *err)
{
	char from[YM_SSVC_MAX_POINTS][KEY_MAX + 1];
	long from_line[YM_SSVC_MAX_POINTS];
	ym_ssvc_table *t = NULL;
	scope sc;
	int rc = table_parse(&reg->arena, file, data, len, &t, from,
			     from_line, err);
	if (rc)
		return rc;
	if (ym_ssvc_find(reg, t->id))
		return lerr(err, file, 0, "#table",
			    _("table id '%s' is already loaded"), t->id);
	for (unsigned i = 0; i < t->npoints; i++) {
		ym_ssvc_point *p = (ym_ssvc_point *)&t->points[i];
		if (!from[i][0])
			continue;
		const ym_ssvc_table *sub = ym_ssvc_find(reg, from[i]);
		if (!sub)
			return lerr(err, file, from_line[i], p->key,
				    _("#from names table '%s', which is not "
				      "loaded"), from[i]);
		if (!same_point(&sub->outcome, p))
			return lerr(err, file, from_line[i], p->key,
				    _("#from table '%s' has outcome "
				      "%s:%s:%s with other values than "
				      "this decision point"),
				    sub->id, sub->outcome.ns,
				    sub->outcome.code, sub->outcome.version);
		p->from = sub;
	}
	rc = scope_init(&sc, t, err);
	if (!rc)
		rc = scope_clash(&sc, err);
	if (rc) {
		ym_err_at(err, file, 0, 0);
		return rc;
	}
	if (reg->n == reg->cap) {
		reg->cap = reg->cap ? reg->cap * 2 : 16;
		reg->tables = ym_xrealloc(reg->tables,
					  reg->cap * sizeof *reg->tables);
	}
	reg->tables[reg->n++] = t;
	if (out)
		*out = t;
	return 0;
}

int ym_ssvc_registry_load(ym_ssvc_registry **out, ym_err *err)
{
	ym_ssvc_registry *reg = ym_ssvc_registry_new();
	*out = NULL;
	for (size_t i = 0; i < sizeof shipped / sizeof shipped[0]; i++) {
		size_t len;
		const char *data = ym_embedded(shipped[i], &len);
		if (!data) {
			ym_ssvc_registry_free(reg);
			return ym_err_set(err, YM_E_NOTFOUND,
					  _("built-in table %s is missing"),
					  shipped[i]);
		}
		int rc = ym_ssvc_registry_add(reg, shipped[i], data, len,
					      NULL, err);
		if (rc) {
			ym_ssvc_registry_free(reg);
			return rc;
		}
	}
	*out = reg;
	return 0;
}

/* ------------------------------------------------------------------------
 * deciding by names
 */

int ym_ssvc_point_index(const ym_ssvc_table *t, const char *name)
{
	for (unsigned i = 0; i < t->npoints; i++) {
		const ym_ssvc_point *p = &t->points[i];
		if (same_name(p->key, name) || same_name(p->code, name) ||
		    same_name(p->name, name))
			return (int)i;
	}
	return -1;
}

int ym_ssvc_value_index(const ym_ssvc_point *p, const char *name)
{
	for (unsigned k = 0; k < p->nvalues; k++) {
		const ym_ssvc_value *v = &p->values[k];
		if (same_name(v->key, name) || same_name(v->code, name) ||
		    same_name(v->name, name))
			return (int)k;
	}
	return -1;
}

/* The keys of sc, "a, b, c", for a message. */
static const char *scope_list(const scope *sc, char *buf, size_t cap)
{
	size_t len = 0;
	buf[0] = '\0';
	for (unsigned i = 0; i < sc->n && len < cap; i++) {
		int w = snprintf(buf + len, cap - len, "%s%s", i ? ", " : "",
				 sc->s[i].p->key);
		if (w < 0)
			break;
		len += (size_t)w;
	}
	return buf;
}

int ym_ssvc_decide(const ym_ssvc_table *t, const ym_ssvc_input *in,
		   size_t n, ym_ssvc_result *res, ym_err *err)
{
	scope sc;
	char list[1024];
	int rc = scope_init(&sc, t, err);
	if (rc)
		return rc;
	for (size_t i = 0; i < n; i++) {
		int j = -1;
		for (unsigned k = 0; k < sc.n && j < 0; k++) {
			const ym_ssvc_point *p = sc.s[k].p;
			if (same_name(p->key, in[i].point) ||
			    same_name(p->code, in[i].point) ||
			    same_name(p->name, in[i].point))
				j = (int)k;
		}
		if (j < 0)
			return ym_err_set(err, YM_E_INVALID,
					  _("unknown decision point '%.40s' "
					    "for tree %s (expected %s)"),
					  in[i].point, t->id,
					  scope_list(&sc, list, sizeof list));
		slot *s = &sc.s[j];
		if (s->val >= 0)
			return ym_err_set(err, YM_E_INVALID,
					  _("%s given twice"), s->p->key);
		int v = ym_ssvc_value_index(s->p, in[i].value);
		if (v < 0)
			return ym_err_set(err, YM_E_INVALID,
					  _("invalid value '%.40s' for %s "
					    "(expected %s)"),
					  in[i].value, s->p->key,
					  value_list(s->p, false, list,
						     sizeof list));
		s->val = v;
	}
	return finish(&sc, res, err);
}

/* ------------------------------------------------------------------------
 * the vector form
 */

static bool leap(long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* n digits at s as a number, or -1. */
static long digits(const char *s, size_t n)
{
	long v = 0;
	for (size_t i = 0; i < n; i++) {
		if (!is_digit(s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

bool ym_ssvc_is_timestamp(const char *s, size_t len)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30,
				    31, 31, 30, 31, 30, 31};
	if (len < 20 || len > 39)
		return false;
	long y = digits(s, 4), mo = digits(s + 5, 2), d = digits(s + 8, 2),
	     h = digits(s + 11, 2), mi = digits(s + 14, 2),
	     se = digits(s + 17, 2);
	if (s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != 't') ||
	    s[13] != ':' || s[16] != ':' || y < 0 || mo < 1 || mo > 12 ||
	    d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || se < 0 ||
	    se > 60)
		return false;
	if (d > mdays[mo - 1] + (mo == 2 && leap(y)))
		return false;
	size_t i = 19;
	if (s[i] == '.') {
		size_t st = ++i;
		while (i < len && is_digit(s[i]))
			i++;
		if (i == st)
			return false;
	}
	if (i == len - 1)
		return s[i] == 'Z' || s[i] == 'z';
	if (i + 6 != len || (s[i] != '+' && s[i] != '-') || s[i + 3] != ':')
		return false;
	long oh = digits(s + i + 1, 2), om = digits(s + i + 4, 2);
	return oh >= 0 && oh <= 23 && om >= 0 && om <= 59;
}

/* The left side of a selection in a vector: "E", "cisa:KEV". */
static void vec_key(const ym_ssvc_point *p, char *buf, size_t cap)
{
	if (strcmp(p->ns, "ssvc") == 0)
		snprintf(buf, cap, "%s", p->code);
	else
		snprintf(buf, cap, "%s:%s", p->ns, p->code);
}

int ym_ssvc_vector_format(const ym_ssvc_result *res, const char *timestamp,
			  ym_buf *out, ym_err *err)
{
	char keys[YM_SSVC_MAX_SEL][CODE_MAX + 140];
	unsigned order[YM_SSVC_MAX_SEL];
	if (timestamp && *timestamp &&
	    !ym_ssvc_is_timestamp(timestamp, strlen(timestamp)))
		return ym_err_set(err, YM_E_INVALID,
				  _("invalid timestamp '%.40s' (expected an "
				    "RFC 3339 date-time)"),
				  timestamp);
	for (unsigned i = 0; i < res->nsel; i++) {
		vec_key(res->sel[i].point, keys[i], sizeof keys[i]);
		unsigned j = i;
		while (j > 0 && strcmp(keys[order[j - 1]], keys[i]) > 0) {
			order[j] = order[j - 1];
			j--;
		}
		order[j] = i;
	}
	ym_buf_adds(out, "SSVCv2/");
	for (unsigned i = 0; i < res->nsel; i++) {
		const ym_ssvc_sel *s = &res->sel[order[i]];
		ym_buf_printf(out, "%s:%s/", keys[order[i]],
			      s->point->values[s->value].code);
	}
	if (timestamp && *timestamp)
		ym_buf_printf(out, "%s/", timestamp);
	return 0;
}

typedef struct vpair {
	const char *ns, *code, *version, *value; /* into vec; NULL if absent */
	size_t nns, ncode, nversion, nvalue;
	size_t pos; /* 1-based position of the component */
} vpair;

typedef struct vparsed {
	vpair p[YM_SSVC_MAX_SEL];
	unsigned n;
	const char *ts; /* timestamp, NULL if none */
	size_t nts;
} vparsed;

static int vfail(ym_err *err, int code, size_t pos, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static int vfail(ym_err *err, int code, size_t pos, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	ym_err_setv(err, code, fmt, ap);
	va_end(ap);
	if (err)
		err->column = (long)pos;
	return code;
}

static int qlen(size_t n)
{
	return (int)(n > QUOTE_MAX ? QUOTE_MAX : n);
}

/* Syntax only: prefix, components, timestamp. */
static int vector_split(const char *v, size_t len, vparsed *vp, ym_err *err)
{
	static const char prefix[] = "SSVCv2/";
	const size_t np = sizeof prefix - 1;
	memset(vp, 0, sizeof *vp);
	if (len == 0)
		return vfail(err, YM_E_PARSE, 0, _("empty SSVC vector"));
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)v[i];
		if (c == ' ' || (c >= '\t' && c <= '\r'))
			return vfail(err, YM_E_PARSE, i + 1,
				     _("whitespace at position %zu"), i + 1);
		if (c < 0x21 || c > 0x7e)
			return vfail(err, YM_E_PARSE, i + 1,
				     _("invalid byte 0x%02x at position %zu"),
				     c, i + 1);
	}
	if (len < np || memcmp(v, prefix, np) != 0) {
		if (len > 5 && memcmp(v, "SSVCv", 5) == 0) {
			const char *sl = memchr(v, '/', len);
			size_t n = sl ? (size_t)(sl - v) - 4 : len - 4;
			return vfail(err, YM_E_PARSE, 5,
				     _("unsupported SSVC vector version "
				       "'%.*s' at position 5 (expected "
				       "SSVCv2/)"),
				     qlen(n), v + 4);
		}
		return vfail(err, YM_E_PARSE, 1,
			     _("missing 'SSVCv2/' prefix at position 1"));
	}
	size_t i = np;
	if (i == len)
		return vfail(err, YM_E_PARSE, i + 1,
			     _("no decision points after the prefix at "
			       "position %zu"), i + 1);
	while (i < len) {
		const char *c = v + i;
		const char *sl = memchr(c, '/', len - i);
		size_t n = sl ? (size_t)(sl - c) : len - i;
		size_t pos = i + 1;
		i += n + (sl ? 1 : 0);
		if (n == 0)
			return vfail(err, YM_E_PARSE, pos,
				     _("empty component at position %zu"),
				     pos);
		if (vp->ts)
			return vfail(err, YM_E_PARSE, vp->ts - v + 1,
				     _("timestamp at position %zu is not the "
				       "last component"),
				     (size_t)(vp->ts - v) + 1);
		if (is_digit(c[0])) {
			bool epoch = digits(c, n > 18 ? 18 : n) >= 0 &&
				     n <= 18;
			if (!epoch && !ym_ssvc_is_timestamp(c, n))
				return vfail(err, YM_E_PARSE, pos,
					     _("invalid timestamp '%.*s' at "
					       "position %zu (expected an RFC "
					       "3339 date-time)"),
					     qlen(n), c, pos);
			vp->ts = c;
			vp->nts = n;
			continue;
		}
		const char *part[5];
		size_t plen[5], k = 0, st = 0;
		for (size_t j = 0; j <= n; j++) {
			if (j < n && c[j] != ':')
				continue;
			if (k == 4)
				return vfail(err, YM_E_PARSE, pos,
					     _("component '%.*s' at position "
					       "%zu has too many ':'"),
					     qlen(n), c, pos);
			part[k] = c + st;
			plen[k++] = j - st;
			st = j + 1;
		}
		bool empty = false;
		for (size_t j = 0; j < k; j++)
			empty |= plen[j] == 0;
		if (k < 2 || empty)
			return vfail(err, YM_E_PARSE, pos,
				     _("component '%.*s' at position %zu is "
				       "not KEY:VALUE"),
				     qlen(n), c, pos);
		if (vp->n == YM_SSVC_MAX_SEL)
			return vfail(err, YM_E_PARSE, pos,
				     _("too many components (at most %d)"),
				     YM_SSVC_MAX_SEL);
		vpair *p = &vp->p[vp->n++];
		p->pos = pos;
		p->value = part[k - 1];
		p->nvalue = plen[k - 1];
		if (k == 2) {
			p->code = part[0];
			p->ncode = plen[0];
		} else {
			p->ns = part[0];
			p->nns = plen[0];
			p->code = part[1];
			p->ncode = plen[1];
		}
		if (k == 4) {
			p->version = part[2];
			p->nversion = plen[2];
		}
	}
	if (vp->n == 0) /* only a timestamp */
		return vfail(err, YM_E_PARSE, np + 1,
			     _("no decision points after the prefix at "
			       "position %zu"), np + 1);
	return 0;
}

static bool eqn(const char *a, size_t n, const char *s)
{
	return strlen(s) == n && memcmp(a, s, n) == 0;
}

/* Maps the pairs of vp onto the slots of sc; pairs naming no slot fail
 * with the position. */
static int vector_map(scope *sc, const vparsed *vp, const char *v,
		      ym_err *err)
{
	char list[512];
	(void)v;
	for (unsigned i = 0; i < vp->n; i++) {
		const vpair *p = &vp->p[i];
		int j = -1;
		for (unsigned k = 0; k < sc->n; k++) {
			const ym_ssvc_point *q = sc->s[k].p;
			if (!eqn(p->code, p->ncode, q->code))
				continue;
			if (p->ns ? !eqn(p->ns, p->nns, q->ns) :
				    (j >= 0 && strcmp(q->ns, "ssvc") != 0))
				continue;
			j = (int)k;
		}
		int nk = (int)(p->ns ? p->nns + 1 + p->ncode : p->ncode);
		const char *kt = p->ns ? p->ns : p->code;
		if (j < 0) /* NOTFOUND: the caller may try another tree */
			return vfail(err, YM_E_NOTFOUND, p->pos,
				     _("decision point '%.*s' at position "
				       "%zu is not in tree %s"),
				     qlen((size_t)nk), kt, p->pos,
				     sc->t->id);
		slot *s = &sc->s[j];
		if (p->version && !eqn(p->version, p->nversion, s->p->version))
			return vfail(err, YM_E_INVALID, p->pos,
				     _("decision point '%.*s' at position "
				       "%zu has version %.*s; tree %s has "
				       "%s"),
				     qlen((size_t)nk), kt, p->pos,
				     qlen(p->nversion), p->version, sc->t->id,
				     s->p->version);
		if (s->val >= 0)
			return vfail(err, YM_E_INVALID, p->pos,
				     _("duplicate decision point '%.*s' at "
				       "position %zu (first at position "
				       "%zu)"),
				     qlen((size_t)nk), kt, p->pos, s->pos);
		int val = -1;
		for (unsigned k = 0; k < s->p->nvalues; k++)
			if (eqn(p->value, p->nvalue, s->p->values[k].code))
				val = (int)k;
		if (val < 0)
			return vfail(err, YM_E_INVALID, p->pos,
				     _("invalid value '%.*s' for decision "
				       "point '%.*s' at position %zu "
				       "(expected %s)"),
				     qlen(p->nvalue), p->value,
				     qlen((size_t)nk), kt, p->pos,
				     value_list(s->p, true, list,
						sizeof list));
		s->val = val;
		s->pos = p->pos;
	}
	return 0;
}

/* True if some table of reg has a decision point the pair names. */
static bool known_key(const ym_ssvc_registry *reg, const vpair *p)
{
	for (size_t i = 0; i < reg->n; i++) {
		const ym_ssvc_table *t = reg->tables[i];
		for (unsigned k = 0; k <= t->npoints; k++) {
			const ym_ssvc_point *q =
				k < t->npoints ? &t->points[k] : &t->outcome;
			if (eqn(p->code, p->ncode, q->code) &&
			    (!p->ns || eqn(p->ns, p->nns, q->ns)))
				return true;
		}
	}
	return false;
}

static void keep_ts(ym_ssvc_result *res, const vparsed *vp)
{
	if (vp->ts && vp->nts < sizeof res->timestamp) {
		memcpy(res->timestamp, vp->ts, vp->nts);
		res->timestamp[vp->nts] = '\0';
	}
}

int ym_ssvc_vector_decide(const ym_ssvc_registry *reg,
			  const ym_ssvc_table *t, const char *vec, size_t len,
			  ym_ssvc_result *res, ym_err *err)
{
	vparsed vp;
	scope sc;
	int rc = vector_split(vec, len, &vp, err);
	if (rc)
		return rc;
	if (t) {
		rc = scope_init(&sc, t, err);
		if (!rc)
			rc = vector_map(&sc, &vp, vec, err);
		if (rc == YM_E_NOTFOUND) {
			rc = YM_E_INVALID;
			if (err)
				err->code = rc;
		}
		if (!rc)
			rc = finish(&sc, res, err);
		if (!rc)
			keep_ts(res, &vp);
		return rc;
	}
	for (unsigned i = 0; i < vp.n; i++) {
		const vpair *p = &vp.p[i];
		if (!known_key(reg, p)) {
			int nk = (int)(p->ns ? p->nns + 1 + p->ncode :
					       p->ncode);
			return vfail(err, YM_E_INVALID, p->pos,
				     _("unknown decision point '%.*s' at "
				       "position %zu"),
				     qlen((size_t)nk), p->ns ? p->ns : p->code,
				     p->pos);
		}
	}
	/* every tree that takes all the keys; the one that decides wins */
	const ym_ssvc_table *found = NULL, *first_fit = NULL;
	ym_err best = YM_ERR_INIT, fit_err = YM_ERR_INIT;
	char names[512] = "";
	int nfound = 0;
	for (size_t i = 0; i < reg->n; i++) {
		ym_err e = YM_ERR_INIT;
		ym_ssvc_result r;
		if (scope_init(&sc, reg->tables[i], &e))
			continue;
		if (vector_map(&sc, &vp, vec, &e)) {
			if (e.code != YM_E_NOTFOUND && e.column > best.column)
				best = e;
			continue;
		}
		if (finish(&sc, &r, &e)) {
			if (!first_fit) {
				first_fit = reg->tables[i];
				fit_err = e;
			}
			continue;
		}
		size_t nl = strlen(names);
		snprintf(names + nl, sizeof names - nl, "%s%s",
			 nfound ? ", " : "", reg->tables[i]->id);
		if (!nfound++) {
			found = reg->tables[i];
			*res = r;
		}
	}
	if (nfound == 1) {
		keep_ts(res, &vp);
		return 0;
	}
	(void)found;
	if (nfound > 1)
		return ym_err_set(err, YM_E_INVALID,
				  _("the vector fits several trees (%s); "
				    "name the tree"),
				  names);
	if (first_fit)
		return ym_err_set(err, fit_err.code, _("tree %s: %s"),
				  first_fit->id, fit_err.msg);
	if (best.code) {
		if (err)
			*err = best;
		return best.code;
	}
	return ym_err_set(err, YM_E_INVALID,
			  _("no tree has all the decision points of the "
			    "vector"));
}
