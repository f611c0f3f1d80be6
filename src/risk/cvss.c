/* cvss.c - version detection, the strict table-driven parser shared by
 * all versions, formatting, and severity ratings. The metric tables and
 * equations live in cvss2.c, cvss3.c and cvss4.c. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "risk/cvss_int.h"

/* Longest offending text quoted in a message. */
#define QUOTE_MAX 40

static const ym_cvss_vdef *vdef(ym_cvss_version v)
{
	switch (v) {
	case YM_CVSS_V2:
		return &ym_cvss2_def;
	case YM_CVSS_V30:
		return &ym_cvss30_def;
	case YM_CVSS_V31:
		return &ym_cvss31_def;
	case YM_CVSS_V40:
		return &ym_cvss40_def;
	}
	return NULL;
}

/* Records a parse error at 1-based byte position pos (0: none). */
static int fail(ym_err *err, size_t pos, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static int fail(ym_err *err, size_t pos, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	ym_err_setv(err, YM_E_PARSE, fmt, ap);
	va_end(ap);
	if (err)
		err->column = (long)pos;
	return YM_E_PARSE;
}

static int quote_len(size_t n)
{
	return (int)(n > QUOTE_MAX ? QUOTE_MAX : n);
}

/* Index of metric name[0..n) in d, searching from hint onwards (vectors
 * are nearly always in table order, so this is one comparison), or -1. */
static int find_metric(const ym_cvss_vdef *d, const char *name, size_t n,
		       unsigned hint)
{
	if (n == 0 || n > 3)
		return -1;
	for (unsigned k = 0; k < d->n; k++) {
		unsigned i = hint + k < d->n ? hint + k : hint + k - d->n;
		const ym_cvss_mdef *m = &d->m[i];
		/* names are 1 to 3 bytes: compare inline */
		if (m->name_len == n && m->name[0] == name[0] &&
		    (n < 2 || m->name[1] == name[1]) &&
		    (n < 3 || m->name[2] == name[2]))
			return (int)i;
	}
	return -1;
}

static int find_value(const ym_cvss_mdef *m, const char *val, size_t n)
{
	for (unsigned k = 0; k < m->nval; k++) {
		/* val may hold NULs (ym_cvss_parsen): never read v past its
		 * terminator */
		const char *v = m->val[k];
		size_t j = 0;
		while (j < n && v[j] != '\0' && v[j] == val[j])
			j++;
		if (n && j == n && v[n] == '\0')
			return (int)k;
	}
	return -1;
}

/* Position of the first occurrence of metric i before end, for the
 * duplicate message (the parser does not keep positions). */
static size_t first_pos(const ym_cvss_vdef *d, const char *s,
			const char *p, const char *end, int i)
{
	const ym_cvss_mdef *m = &d->m[i];
	while (p < end) {
		const char *r = memchr(p, '/', (size_t)(end - p));
		if (!r)
			r = end;
		if ((size_t)(r - p) > m->name_len && p[m->name_len] == ':' &&
		    memcmp(p, m->name, m->name_len) == 0)
			return (size_t)(p - s) + 1;
		p = r + 1;
	}
	return 0;
}

/* "N, A, L, P" for an error message. */
static const char *value_list(const ym_cvss_mdef *m, char *buf, size_t cap)
{
	size_t len = 0;
	buf[0] = '\0';
	for (unsigned k = 0; k < m->nval && len < cap; k++) {
		int w = snprintf(buf + len, cap - len, "%s%s", k ? ", " : "",
				 m->val[k]);
		if (w < 0)
			break;
		len += (size_t)w;
	}
	return buf;
}

/* A v2 "unknown metric" that is a v3/v4 metric: the prefix is missing. */
static bool newer_metric(const char *name, size_t n)
{
	return find_metric(&ym_cvss31_def, name, n, 0) >= 0 ||
	       find_metric(&ym_cvss40_def, name, n, 0) >= 0;
}

static bool is_blank(char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/* The first blank in s[0..len) as an error, or 0 if there is none. */
static int blank_error(const char *s, size_t len, ym_err *err)
{
	for (size_t i = 0; i < len; i++)
		if (is_blank(s[i]))
			return fail(err, i + 1,
				    _("whitespace at position %zu"), i + 1);
	return 0;
}

/* Metrics of s[p - s .. end - s); s has len_all bytes in all (positions
 * in messages count from s). */
static int parse_metrics(const ym_cvss_vdef *d, const char *s,
			 size_t len_all, const char *p, const char *end,
			 ym_cvss *out, ym_err *err)
{
	const char *start = p;
	int last = -1; /* last metric seen, for the order rule */
	unsigned hint = 0;
	char list[64];

	if (p == end)
		return fail(err, (size_t)(p - s) + 1,
			    _("no metrics after the prefix at position %zu"),
			    (size_t)(p - s) + 1);
	for (;;) {
		const char *q = p, *colon = NULL, *r = p;
		/* one pass: the first ':' and the end of the component */
		for (; r < end && *r != '/'; r++) {
			if (*r == ':' && !colon)
				colon = r;
			else if (is_blank(*r))
				return blank_error(s, len_all, err);
		}
		size_t pos = (size_t)(q - s) + 1;
		if (q == r) {
			if (r == end)
				return fail(err, pos - 1,
					    _("trailing '/' at position %zu"),
					    pos - 1);
			return fail(err, pos,
				    _("empty component at position %zu"),
				    pos);
		}
		if (!colon)
			return fail(err, pos,
				    _("component '%.*s' at position %zu is "
				      "not METRIC:VALUE"),
				    quote_len((size_t)(r - q)), q, pos);
		size_t nlen = (size_t)(colon - q);
		int i = find_metric(d, q, nlen, hint);
		if (i < 0) {
			if (d == &ym_cvss2_def && newer_metric(q, nlen))
				return fail(err, pos,
					    _("metric '%.*s' at position %zu "
					      "is not a CVSS v2 metric: "
					      "missing 'CVSS:3.x/' or "
					      "'CVSS:4.0/' prefix"),
					    quote_len(nlen), q, pos);
			return fail(err, pos,
				    _("unknown metric '%.*s' at position %zu"),
				    quote_len(nlen), q, pos);
		}
		const ym_cvss_mdef *m = &d->m[i];
		if (out->v[i])
			return fail(err, pos,
				    _("duplicate metric '%s' at position %zu "
				      "(first at position %zu)"),
				    m->name, pos, first_pos(d, s, start, q, i));
		if (d->ordered && i < last)
			return fail(err, pos,
				    _("metric '%s' at position %zu is out of "
				      "order: it must come before '%s'"),
				    m->name, pos, d->m[last].name);
		size_t vlen = (size_t)(r - colon - 1);
		int k = find_value(m, colon + 1, vlen);
		if (k < 0)
			return fail(err, pos + nlen + 1,
				    _("invalid value '%.*s' for metric '%s' "
				      "at position %zu (expected %s)"),
				    quote_len(vlen), colon + 1, m->name,
				    pos + nlen + 1,
				    value_list(m, list, sizeof list));
		out->v[i] = (uint8_t)(k + 1);
		if (k + 1 != m->undef)
			out->present |= m->group;
		last = i;
		hint = (unsigned)i + 1 < d->n ? (unsigned)i + 1 : 0;
		if (r == end)
			break;
		p = r + 1;
	}
	for (unsigned i = 0; i < d->n; i++)
		if (d->m[i].group == YM_CVSS_G_BASE && !out->v[i])
			return fail(err, 0,
				    _("missing base metric '%s'"),
				    d->m[i].name);
	out->present |= YM_CVSS_G_BASE;
	return 0;
}

static int parse(const char *s, size_t len, ym_cvss *out, ym_err *err)
{
	const char *end = s + len, *p = s;
	if (len == 0)
		return fail(err, 0, _("empty CVSS vector"));
	if (len >= 5 && memcmp(s, "CVSS:", 5) == 0) {
		const char *ver = s + 5;
		const char *slash = memchr(ver, '/', (size_t)(end - ver));
		size_t vl = (size_t)((slash ? slash : end) - ver);
		if (vl == 3 && memcmp(ver, "4.0", 3) == 0)
			out->version = YM_CVSS_V40;
		else if (vl == 3 && memcmp(ver, "3.1", 3) == 0)
			out->version = YM_CVSS_V31;
		else if (vl == 3 && memcmp(ver, "3.0", 3) == 0)
			out->version = YM_CVSS_V30;
		else if (blank_error(s, len, err))
			return YM_E_PARSE;
		else
			return fail(err, 6,
				    _("unsupported CVSS version '%.*s' at "
				      "position 6 (expected 3.0, 3.1 or 4.0; "
				      "v2 vectors have no prefix)"),
				    quote_len(vl), ver);
		if (!slash)
			return fail(err, len + 1,
				    _("no metrics after the prefix at "
				      "position %zu"),
				    len + 1);
		p = slash + 1;
	} else if (len >= 4 && (s[0] | 0x20) == 'c' && (s[1] | 0x20) == 'v' &&
		   (s[2] | 0x20) == 's' && (s[3] | 0x20) == 's') {
		if (blank_error(s, len, err))
			return YM_E_PARSE;
		const char *slash = memchr(s, '/', len);
		size_t pl = (size_t)((slash ? slash : end) - s);
		return fail(err, 1,
			    _("bad prefix '%.*s' at position 1 (expected "
			      "CVSS:3.0/, CVSS:3.1/ or CVSS:4.0/)"),
			    quote_len(pl), s);
	} else {
		out->version = YM_CVSS_V2;
		if (s[0] == '(') {
			if (blank_error(s, len, err))
				return YM_E_PARSE;
			if (len < 2 || end[-1] != ')')
				return fail(err, 1,
					    _("'(' at position 1 without a "
					      "closing ')'"));
			p = s + 1;
			end--;
		}
	}
	return parse_metrics(vdef(out->version), s, len, p, end, out, err);
}

int ym_cvss_parsen(const char *s, size_t len, ym_cvss *out, ym_err *err)
{
	memset(out, 0, sizeof *out);
	int rc = parse(s, len, out, err);
	if (rc)
		memset(out, 0, sizeof *out);
	return rc;
}

int ym_cvss_parse(const char *vector, ym_cvss *out, ym_err *err)
{
	return ym_cvss_parsen(vector, strlen(vector), out, err);
}

static unsigned tenths(double x)
{
	return (unsigned)lround(x * 10.0);
}

ym_cvss_severity ym_cvss_severity_of(ym_cvss_version v, double score)
{
	unsigned t = tenths(score);
	if (v == YM_CVSS_V2)
		return t < 40 ? YM_CVSS_SEV_LOW
		       : t < 70 ? YM_CVSS_SEV_MEDIUM
				: YM_CVSS_SEV_HIGH;
	if (t == 0)
		return YM_CVSS_SEV_NONE;
	if (t < 40)
		return YM_CVSS_SEV_LOW;
	if (t < 70)
		return YM_CVSS_SEV_MEDIUM;
	if (t < 90)
		return YM_CVSS_SEV_HIGH;
	return YM_CVSS_SEV_CRITICAL;
}

void ym_cvss_score(const ym_cvss *c, ym_cvss_scores *s)
{
	bool t = c->present & YM_CVSS_G_TEMPORAL;
	bool e = c->present & YM_CVSS_G_ENVIRONMENTAL;
	memset(s, 0, sizeof *s);
	switch (c->version) {
	case YM_CVSS_V2:
		ym_cvss2_score(c, s);
		break;
	case YM_CVSS_V30:
	case YM_CVSS_V31:
		ym_cvss3_score(c, s);
		break;
	case YM_CVSS_V40:
		ym_cvss4_score(c, s);
		break;
	default:
		return;
	}
	if (c->version != YM_CVSS_V40)
		s->overall = e ? s->environmental : t ? s->temporal : s->base;
	s->nomenclature = t && e ? YM_CVSS_NOM_BTE
			  : e	 ? YM_CVSS_NOM_BE
			  : t	 ? YM_CVSS_NOM_BT
				 : YM_CVSS_NOM_B;
	s->severity = ym_cvss_severity_of(c->version, s->overall);
}

size_t ym_cvss_format(const ym_cvss *c, unsigned mask, char *buf,
		      size_t cap)
{
	const ym_cvss_vdef *d = vdef(c->version);
	size_t len = 0;
	char tmp[1];
	if (!cap) {
		buf = tmp;
		cap = 1;
	}
	buf[0] = '\0';
	if (!d)
		return 0;
#define PUT(str, n)                                                       \
	do {                                                              \
		size_t n_ = (n);                                          \
		if (len + n_ < cap)                                       \
			memcpy(buf + len, (str), n_);                     \
		else if (len < cap)                                       \
			memcpy(buf + len, (str), cap - 1 - len);          \
		len += n_;                                                \
	} while (0)
	bool sep = false;
	if (!(mask & YM_CVSS_FMT_NO_PREFIX) && d->prefix[0]) {
		/* the prefix ends in '/', which the first metric uses */
		PUT(d->prefix, strlen(d->prefix) - 1);
		sep = true;
	}
	for (unsigned i = 0; i < d->n; i++) {
		const ym_cvss_mdef *m = &d->m[i];
		uint8_t k = c->v[i];
		if (!k || k == m->undef || !(m->group & mask))
			continue;
		if (sep)
			PUT("/", 1);
		PUT(m->name, m->name_len);
		PUT(":", 1);
		PUT(m->val[k - 1], strlen(m->val[k - 1]));
		sep = true;
	}
#undef PUT
	buf[len < cap ? len : cap - 1] = '\0';
	return len;
}

const char *ym_cvss_get(const ym_cvss *c, const char *metric)
{
	const ym_cvss_vdef *d = vdef(c->version);
	if (!d)
		return NULL;
	int i = find_metric(d, metric, strlen(metric), 0);
	if (i < 0 || !c->v[i])
		return NULL;
	return d->m[i].val[c->v[i] - 1];
}

const char *ym_cvss_version_name(ym_cvss_version v)
{
	switch (v) {
	case YM_CVSS_V2:
		return "2.0";
	case YM_CVSS_V30:
		return "3.0";
	case YM_CVSS_V31:
		return "3.1";
	case YM_CVSS_V40:
		return "4.0";
	}
	return "?";
}

const char *ym_cvss_severity_name(ym_cvss_severity s)
{
	static const char *const names[] = {"None", "Low", "Medium", "High",
					    "Critical"};
	return (unsigned)s < 5 ? names[s] : "?";
}

const char *ym_cvss_nomenclature_name(ym_cvss_nomenclature n)
{
	static const char *const names[] = {"CVSS-B", "CVSS-BT", "CVSS-BE",
					    "CVSS-BTE"};
	return (unsigned)n < 4 ? names[n] : "?";
}
