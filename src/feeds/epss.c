/* epss.c - FIRST EPSS score files into ym_epss_entry values.
 *
 * One pass over the bytes, a line at a time (memchr for the line end, a
 * plain scan for the commas); numbers are read by Clinger's fast path
 * (an exact mantissa and power of ten give the correctly rounded double)
 * and only the rare longer ones go to strtod. Nothing is allocated per
 * row but the CVE id, in the arena.
 */
#include "feeds/epss.h"

#include <locale.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/i18n.h"
#include "core/utf8.h"

enum { COL_CVE, COL_EPSS, COL_PCT, COL_N };

static const char *const col_names[COL_N] = {"cve", "epss", "percentile"};

/* Most cells a row may have; more is a malformed row. */
#define MAX_CELLS 16

typedef struct cell {
	const char *s;
	size_t n;
	long col; /* 1-based byte column */
} cell;

typedef struct ctx {
	const char *file;
	ym_arena *a;
	ym_err *err;
	const ym_feed_ctx *fc;
	const char *date;
	const char *model_version;
	int col_of[COL_N]; /* cell index of each column, -1 if absent */
	int ncols;
	long line;
	char record[32];
	bool sink_failed; /* the error came from fc->epss */
} ctx;

static int fail(ctx *c, long col, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static int fail(ctx *c, long col, const char *field, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	ym_err_setv(c->err, YM_E_INVALID, fmt, ap);
	va_end(ap);
	ym_err_at(c->err, c->file, c->line, col);
	ym_err_field(c->err, "%s", field);
	if (c->record[0])
		ym_err_record(c->err, c->record);
	return YM_E_INVALID;
}

static void warn(ctx *c, long col, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void warn(ctx *c, long col, const char *fmt, ...)
{
	if (!c->fc || !c->fc->warn)
		return;
	ym_err w = YM_ERR_INIT;
	va_list ap;
	va_start(ap, fmt);
	ym_err_setv(&w, YM_E_INVALID, fmt, ap);
	va_end(ap);
	ym_err_at(&w, c->file, c->line, col);
	ym_feed_warn(c->fc, &w);
}

static bool is_digit(char ch)
{
	return ch >= '0' && ch <= '9';
}

/* ---- numbers ---- */

static locale_t c_locale;
static pthread_once_t c_locale_once = PTHREAD_ONCE_INIT;

static void c_locale_init(void)
{
	c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
}

static const double pow10_exact[] = {
	1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
	1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
	1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

/* s[0..n) as a decimal number: [+-]digits[.digits][(e|E)[+-]digits],
 * at least one digit before the exponent. */
static bool parse_num(const char *s, size_t n, double *out)
{
	const char *p = s, *end = s + n;
	bool neg = false;
	uint64_t m = 0;
	int ndig = 0, frac = 0, ex = 0, digits = 0;
	if (p < end && (*p == '+' || *p == '-'))
		neg = *p++ == '-';
	for (; p < end && is_digit(*p); p++, digits++) {
		if (m == 0 && *p == '0')
			continue; /* leading zeros do not count */
		if (ndig < 19)
			m = m * 10 + (uint64_t)(*p - '0');
		else
			ex++; /* digits beyond 19: only for the slow path */
		ndig++;
	}
	if (p < end && *p == '.') {
		p++;
		for (; p < end && is_digit(*p); p++, digits++) {
			if (m == 0 && *p == '0') {
				frac++;
				continue;
			}
			if (ndig < 19) {
				m = m * 10 + (uint64_t)(*p - '0');
				frac++;
			}
			ndig++;
		}
	}
	if (!digits)
		return false;
	if (p < end && (*p == 'e' || *p == 'E')) {
		bool eneg = false;
		int e = 0;
		p++;
		if (p < end && (*p == '+' || *p == '-'))
			eneg = *p++ == '-';
		if (p == end || !is_digit(*p))
			return false;
		for (; p < end && is_digit(*p); p++)
			if (e < 100000)
				e = e * 10 + (*p - '0');
		ex += eneg ? -e : e;
	}
	if (p != end)
		return false;
	ex -= frac;
	if (ndig <= 19 && m <= (UINT64_C(1) << 53) && ex >= -22 && ex <= 22) {
		double d = (double)m;
		if (ex < 0)
			d /= pow10_exact[-ex];
		else
			d *= pow10_exact[ex];
		*out = neg ? -d : d;
		return true;
	}
	/* the slow path: a NUL-terminated copy for strtod, C locale */
	char buf[128];
	char *ep;
	if (n >= sizeof buf)
		return false;
	memcpy(buf, s, n);
	buf[n] = '\0';
	pthread_once(&c_locale_once, c_locale_init);
	*out = c_locale ? strtod_l(buf, &ep, c_locale) : strtod(buf, &ep);
	return ep == buf + n;
}

/* ---- identifiers and dates ---- */

static bool valid_cve(const char *s, size_t n)
{
	if (n < 13 || n > 28 || memcmp(s, "CVE-", 4) != 0 || s[8] != '-')
		return false;
	for (size_t i = 4; i < n; i++)
		if (i != 8 && !is_digit(s[i]))
			return false;
	return true;
}

/* s[0..10) is a real calendar date YYYY-MM-DD. */
static bool valid_date(const char *s)
{
	static const int mdays[] = {31, 29, 31, 30, 31, 30,
				    31, 31, 30, 31, 30, 31};
	for (int i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : !is_digit(s[i]))
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

/* The first YYYY-MM-DD date in the base name of path, or NULL. */
static const char *date_from_name(ym_arena *a, const char *path)
{
	if (!path)
		return NULL;
	/* "all.zip:epss/x.csv" names a member: its base name counts */
	const char *base = path;
	for (const char *p = path; *p; p++)
		if (*p == '/' || *p == '\\' || *p == ':')
			base = p + 1;
	size_t n = strlen(base);
	for (size_t i = 0; i + 10 <= n; i++) {
		if (i > 0 && is_digit(base[i - 1]))
			continue;
		if (i + 10 < n && is_digit(base[i + 10]))
			continue;
		if (valid_date(base + i))
			return ym_arena_strndup(a, base + i, 10);
	}
	return NULL;
}

/* ---- lines and cells ---- */

static void strip(const char **s, size_t *n)
{
	while (*n && (**s == ' ' || **s == '\t')) {
		(*s)++;
		(*n)--;
	}
	while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
		(*n)--;
	if (*n >= 2 && (*s)[0] == '"' && (*s)[*n - 1] == '"') {
		(*s)++;
		*n -= 2;
	}
}

/* Splits line[0..n) (line starts at byte column col0) at commas. Returns
 * the number of cells, MAX_CELLS + 1 when there are more. */
static int split(const char *line, size_t n, long col0, cell *cells)
{
	int k = 0;
	const char *p = line, *end = line + n;
	for (;;) {
		const char *q = p;
		while (q < end && *q != ',')
			q++;
		if (k == MAX_CELLS)
			return MAX_CELLS + 1;
		cells[k].s = p;
		cells[k].n = (size_t)(q - p);
		cells[k].col = col0 + (long)(p - line);
		strip(&cells[k].s, &cells[k].n);
		k++;
		if (q == end)
			return k;
		p = q + 1;
	}
}

/* "#model_version:v2023.03.01,score_date:2023-03-07T00:00:00+0000" */
static int read_comment(ctx *c, const char *line, size_t n, long col0)
{
	cell cells[MAX_CELLS];
	int k = split(line + 1, n - 1, col0 + 1, cells);
	if (k > MAX_CELLS)
		k = MAX_CELLS;
	for (int i = 0; i < k; i++) {
		const char *colon = memchr(cells[i].s, ':', cells[i].n);
		if (!colon)
			continue;
		const char *key = cells[i].s, *val = colon + 1;
		size_t kn = (size_t)(colon - key);
		size_t vn = cells[i].n - kn - 1;
		long vcol = cells[i].col + (long)(val - cells[i].s);
		strip(&key, &kn);
		strip(&val, &vn);
		if (kn == 13 && memcmp(key, "model_version", 13) == 0) {
			if (!vn || !ym_utf8_valid(val, vn, NULL) ||
			    memchr(val, '\0', vn)) {
				warn(c, vcol, "%s",
				     _("model_version is empty or not text; "
				       "ignored"));
				continue;
			}
			c->model_version = ym_arena_strndup(c->a, val, vn);
		} else if (kn == 10 && memcmp(key, "score_date", 10) == 0) {
			if (vn < 10 || !valid_date(val) ||
			    (vn > 10 && val[10] != 'T' && val[10] != ' ')) {
				return fail(c, vcol, "score_date",
					    _("invalid score_date '%.*s' "
					      "(expected YYYY-MM-DD...)"),
					    (int)(vn > 64 ? 64 : vn), val);
			}
			c->date = ym_arena_strndup(c->a, val, 10);
		}
	}
	return 0;
}

/* The header line: which cell holds which column. */
static int read_header(ctx *c, const cell *cells, int k, long col0)
{
	for (int i = 0; i < COL_N; i++)
		c->col_of[i] = -1;
	if (k > MAX_CELLS)
		k = MAX_CELLS;
	for (int i = 0; i < k; i++)
		for (int j = 0; j < COL_N; j++)
			if (cells[i].n == strlen(col_names[j]) &&
			    strncasecmp(cells[i].s, col_names[j],
					cells[i].n) == 0 &&
			    c->col_of[j] < 0)
				c->col_of[j] = i;
	c->ncols = k;
	if (c->col_of[COL_CVE] < 0 || c->col_of[COL_EPSS] < 0) {
		ym_err_set(c->err, YM_E_INVALID, "%s",
			   _("not an EPSS scores file: the header has no "
			     "'cve' and 'epss' columns"));
		ym_err_at(c->err, c->file, c->line, col0);
		return YM_E_INVALID;
	}
	return 0;
}

/* One data row; 0, or the code of a malformed row. */
static int read_row(ctx *c, const cell *cells, int k, long col0)
{
	ym_epss_entry e = {.date = c->date,
			   .model_version = c->model_version,
			   .percentile = -1};
	const cell *cv = &cells[c->col_of[COL_CVE]];
	c->record[0] = '\0';
	if (k != c->ncols) {
		if (k <= c->col_of[COL_CVE])
			cv = NULL;
		if (cv && valid_cve(cv->s, cv->n))
			snprintf(c->record, sizeof c->record, "%.*s",
				 (int)cv->n, cv->s);
		if (k > MAX_CELLS)
			return fail(c, col0, "",
				    _("row has more than %d cells"),
				    MAX_CELLS);
		return fail(c, col0, "", _("row has %d cells, the header %d"),
			    k, c->ncols);
	}
	if (!valid_cve(cv->s, cv->n))
		return fail(c, cv->col, "cve", _("invalid CVE id '%.*s'"),
			    (int)(cv->n > 64 ? 64 : cv->n), cv->s);
	memcpy(c->record, cv->s, cv->n);
	c->record[cv->n] = '\0';
	for (int j = COL_EPSS; j < COL_N; j++) {
		if (c->col_of[j] < 0)
			continue;
		const cell *x = &cells[c->col_of[j]];
		double d;
		if (!parse_num(x->s, x->n, &d))
			return fail(c, x->col, col_names[j],
				    _("invalid number '%.*s'"),
				    (int)(x->n > 64 ? 64 : x->n), x->s);
		if (!(d >= 0 && d <= 1))
			return fail(c, x->col, col_names[j],
				    _("%.*s is outside 0..1"),
				    (int)(x->n > 64 ? 64 : x->n), x->s);
		if (j == COL_EPSS)
			e.score = d;
		else
			e.percentile = d;
	}
	e.cve_id = ym_arena_strndup(c->a, cv->s, cv->n);
	if (!c->fc || !c->fc->epss)
		return 0;
	int rc = c->fc->epss(&e, c->fc->ctx, c->err);
	if (rc) {
		c->sink_failed = true;
		if (!c->err->code)
			ym_err_set(c->err, rc, "%s", ym_strerror(rc));
	}
	return rc;
}

int ym_epss_parse(const char *text, size_t len, const char *file,
		  ym_arena *a, const ym_feed_ctx *fc, ym_err *err)
{
	ym_err local = YM_ERR_INIT;
	ctx c = {.file = file, .a = a, .err = err ? err : &local, .fc = fc};
	cell cells[MAX_CELLS];
	const char *p = text, *end = text + len;
	bool header = false;
	int rc;
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	for (c.line = 1; p < end; c.line++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *eol = nl ? nl : end;
		const char *line = p;
		size_t n = (size_t)(eol - p);
		long col0 = 1; /* columns count from after a BOM */
		p = nl ? nl + 1 : end;
		if (n && line[n - 1] == '\r')
			n--;
		if (n == 0)
			continue;
		if (line[0] == '#') {
			if (!header && (rc = read_comment(&c, line, n, col0)))
				return rc;
			continue;
		}
		int k = split(line, n, col0, cells);
		if (!header) {
			header = true;
			if (k >= 2 && k <= 3 && cells[0].n >= 4 &&
			    memcmp(cells[0].s, "CVE-", 4) == 0) {
				/* no header: cve, epss[, percentile] */
				c.ncols = k;
				c.col_of[COL_CVE] = 0;
				c.col_of[COL_EPSS] = 1;
				c.col_of[COL_PCT] = k == 3 ? 2 : -1;
			} else {
				if ((rc = read_header(&c, cells, k, col0)))
					return rc;
				k = 0; /* not a data row */
			}
			if (!c.date)
				c.date = date_from_name(a, file);
			if (!c.date) {
				ym_err_set(c.err, YM_E_INVALID, "%s",
					   _("no score date: the file has no "
					     "score_date comment and its name "
					     "no YYYY-MM-DD date"));
				ym_err_at(c.err, file, c.line, col0);
				return YM_E_INVALID;
			}
			if (!k)
				continue;
		}
		rc = read_row(&c, cells, k, col0);
		if (rc && (c.sink_failed ||
			   (rc = ym_feed_bad_record(fc, c.err))))
			return rc;
	}
	if (!header) {
		ym_err_set(c.err, YM_E_INVALID, "%s",
			   _("not an EPSS scores file: no header and no "
			     "rows"));
		ym_err_at(c.err, file, 1, 1);
		return YM_E_INVALID;
	}
	return 0;
}
