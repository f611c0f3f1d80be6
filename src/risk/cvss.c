/* cvss.c - version detection, the strict table-driven parser shared by
 * all versions, formatting, and severity ratings. The metric tables and
 * equations live in cvss2.c, cvss3.c and cvss4.c. */
#include <math.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
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

/* Fast path. Nearly every vector is valid, so it is first read by a
 * parser that only accepts, and gives up (-1) on anything unexpected:
 * then the general parser above reads the vector again and writes the
 * message. The fast path accepts only what parse() accepts, with the
 * same result (tests/unit/test_cvss.c checks both on every base vector
 * and on mutated vectors). Its tables are built once from the metric
 * tables of cvss2.c, cvss3.c and cvss4.c.
 * 1. The base metrics in the specification's order ("CVSS:3.1/AV:N/AC:L/
 *    PR:N/UI:N/S:U/C:H/I:H/A:H"), which is how nearly every vector is
 *    written: the fixed bytes are compared with a template 8 bytes at a
 *    time and the one-byte values read from a table per metric.
 * 2. Every other component (and base metrics in another order, v3.x) is
 *    looked up in a hash table of every valid "METRIC:VALUE" of the
 *    version, one lookup per component. */
#define FAST_BITS 9
#define FAST_MAX 7  /* longest component ("U:Amber") */
#define TPL_MAX 64  /* longest template (v4.0: 63 bytes) */
/* template sizes (fast_init checks them against the tables) */
#define TPL2_WORDS 4  /* "AV:_/AC:_/Au:_/C:_/I:_/A:_", 26 bytes */
#define TPL2_BASE 6
#define TPL3_WORDS 6  /* "CVSS:3.1/AV:_/.../A:_", 44 bytes */
#define TPL3_BASE 8
#define TPL4_WORDS 8  /* "CVSS:4.0/AV:_/.../SA:_", 63 bytes */
#define TPL4_BASE 11

/* A component of n <= 7 bytes as a key: its bytes in the low n bytes
 * (first byte lowest), n in the top byte. Never 0 (n >= 1). */
typedef struct fast_ent {
	uint64_t key;  /* 0: empty slot */
	uint8_t metric;
	uint8_t value; /* as stored in ym_cvss.v */
	uint8_t group; /* the metric's group, 0 for X / ND */
} fast_ent;

typedef struct fast_tab {
	fast_ent e[1u << FAST_BITS];
	uint32_t base_mask; /* base metrics, by metric index */
	bool ordered;
	/* the template: prefix and base metrics in order, as words at
	 * offsets 0, 8, ... (the last one ending at tpl_len) */
	unsigned tpl_len, nwords, nbase, last_base;
	uint64_t word[TPL_MAX / 8], mask[TPL_MAX / 8];
	unsigned woff[TPL_MAX / 8];
	uint8_t vpos[YM_CVSS_MAX_METRICS];  /* offset of each value byte */
	uint8_t vmetric[YM_CVSS_MAX_METRICS];
	uint8_t vidx[YM_CVSS_MAX_METRICS][256]; /* byte -> value, 0 bad */
} fast_tab;

static fast_tab fast_v2, fast_v30, fast_v31, fast_v4;
/* the tables here and the scorers' (ym_cvss2_init, ym_cvss3_init) */
static pthread_once_t fast_once = PTHREAD_ONCE_INIT;
static atomic_bool fast_ready;

static unsigned fast_hash(uint64_t key)
{
	return (unsigned)((key * 0x9e3779b97f4a7c15u) >> (64 - FAST_BITS));
}

/* bytes p[0..8), first byte lowest */
static uint64_t get8(const unsigned char *p)
{
	uint64_t w;
	memcpy(&w, p, 8);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	w = __builtin_bswap64(w);
#endif
	return w;
}

static void fast_build(fast_tab *t, const ym_cvss_vdef *d)
{
	unsigned char tpl[TPL_MAX], fixed[TPL_MAX];
	size_t n = strlen(d->prefix);
	memcpy(tpl, d->prefix, n);
	memset(fixed, 1, n);
	t->ordered = d->ordered;
	for (unsigned i = 0; i < d->n; i++) {
		const ym_cvss_mdef *m = &d->m[i];
		if (m->group == YM_CVSS_G_BASE) {
			t->base_mask |= 1u << i;
			t->last_base = i;
		}
		if (m->group == YM_CVSS_G_BASE && n != SIZE_MAX &&
		    n + m->name_len + 3 > TPL_MAX)
			n = SIZE_MAX; /* cannot happen: no template then */
		if (m->group == YM_CVSS_G_BASE && n != SIZE_MAX) {
			/* base metrics come first in every table */
			if (i)
				tpl[n] = '/', fixed[n++] = 1;
			memcpy(tpl + n, m->name, m->name_len);
			memset(fixed + n, 1, m->name_len);
			n += m->name_len;
			tpl[n] = ':', fixed[n++] = 1;
			t->vpos[t->nbase] = (uint8_t)n;
			t->vmetric[t->nbase] = (uint8_t)i;
			for (unsigned k = 0; k < m->nval; k++)
				if (strlen(m->val[k]) == 1)
					t->vidx[t->nbase][(unsigned char)
						m->val[k][0]] = (uint8_t)(k + 1);
			t->nbase++;
			tpl[n] = 0, fixed[n++] = 0;
		}
		for (unsigned k = 0; k < m->nval; k++) {
			char comp[16];
			int cn = snprintf(comp, sizeof comp, "%s:%s", m->name,
					  m->val[k]);
			if (cn < 1 || cn > FAST_MAX) /* not in the tables */
				continue;
			uint64_t key = (uint64_t)cn << 56;
			for (int j = 0; j < cn; j++)
				key |= (uint64_t)(unsigned char)comp[j]
				       << (8 * j);
			unsigned h = fast_hash(key);
			while (t->e[h].key)
				h = (h + 1) & ((1u << FAST_BITS) - 1);
			t->e[h] = (fast_ent){
				.key = key, .metric = (uint8_t)i,
				.value = (uint8_t)(k + 1),
				.group = k + 1 == m->undef ? 0 : m->group};
		}
	}
	if (n == SIZE_MAX) {
		t->tpl_len = UINT_MAX; /* never used */
		return;
	}
	t->tpl_len = (unsigned)n;
	t->nwords = (unsigned)(n + 7) / 8;
	for (unsigned w = 0; w < t->nwords; w++) {
		unsigned off = w * 8 + 8 <= n ? w * 8 : (unsigned)n - 8;
		unsigned char mk[8];
		for (unsigned j = 0; j < 8; j++)
			mk[j] = fixed[off + j] ? 0xff : 0;
		t->woff[w] = off;
		t->word[w] = get8(tpl + off);
		t->mask[w] = get8(mk);
	}
}

static void fast_init(void)
{
	_Static_assert(YM_CVSS_MAX_METRICS <= 32, "metric masks are 32 bits");
	fast_build(&fast_v2, &ym_cvss2_def);
	fast_build(&fast_v30, &ym_cvss30_def);
	fast_build(&fast_v31, &ym_cvss31_def);
	fast_build(&fast_v4, &ym_cvss40_def);
	/* a template of another size than template_of expects is never
	 * used (tpl_len beyond any vector) */
	static const struct {
		fast_tab *t;
		unsigned words, base;
	} sz[] = {{&fast_v2, TPL2_WORDS, TPL2_BASE},
		  {&fast_v30, TPL3_WORDS, TPL3_BASE},
		  {&fast_v31, TPL3_WORDS, TPL3_BASE},
		  {&fast_v4, TPL4_WORDS, TPL4_BASE}};
	for (size_t i = 0; i < sizeof sz / sizeof sz[0]; i++)
		if (sz[i].t->nwords != sz[i].words ||
		    sz[i].t->nbase != sz[i].base)
			sz[i].t->tpl_len = UINT_MAX;
	ym_cvss2_init();
	ym_cvss3_init();
	atomic_store_explicit(&fast_ready, true, memory_order_release);
}

/* pthread_once, without its call once the tables are ready */
static void fast_ensure(void)
{
	if (!atomic_load_explicit(&fast_ready, memory_order_acquire))
		pthread_once(&fast_once, fast_init);
}

/* The 8 bytes at p, first byte lowest; fewer before end, the rest 0.
 * Near end, the 8 bytes before end are loaded and shifted (begin: the
 * first byte that may be read). */
static uint64_t load8(const unsigned char *p, const unsigned char *begin,
		      const unsigned char *end)
{
	size_t left = (size_t)(end - p);
	if (left >= 8)
		return get8(p);
	if (left && end - begin >= 8)
		return get8(end - 8) >> (8 * (8 - left));
	uint64_t w = 0;
	for (size_t j = 0; j < left; j++)
		w |= (uint64_t)p[j] << (8 * j);
	return w;
}

/* Components p[0..end) after those in seen (a metric mask; last: the
 * last of them, for the order rule): 0, or -1 to let parse() decide.
 * begin: the first byte of the vector. */
static int fast_metrics(const fast_tab *t, const unsigned char *begin,
			const unsigned char *p, const unsigned char *end,
			ym_cvss *out, uint32_t seen, unsigned last)
{
	const uint64_t ones = 0x0101010101010101u, highs = ones << 7;
	unsigned present = YM_CVSS_G_BASE;
	const bool ordered = t->ordered;
	for (;;) {
		uint64_t w = load8(p, begin, end);
		/* bytes equal to '/' get their high bit set in z (exact up
		 * to the first one, which is all that is used) */
		uint64_t x = w ^ (ones * '/');
		uint64_t z = (x - ones) & ~x & highs;
		size_t n = z ? (size_t)__builtin_ctzll(z) / 8 : 8;
		size_t left = (size_t)(end - p);
		if (n > left)
			n = left;
		if (n == 0 || n > FAST_MAX)
			return -1; /* empty, or too long for any component */
		uint64_t key = (w & (~(uint64_t)0 >> (64 - 8 * n))) |
			       (uint64_t)n << 56;
		unsigned h = fast_hash(key);
		while (t->e[h].key != key) {
			if (!t->e[h].key)
				return -1;
			h = (h + 1) & ((1u << FAST_BITS) - 1);
		}
		const fast_ent *e = &t->e[h];
		unsigned i = e->metric;
		if ((seen & (1u << i)) || (ordered && i < last))
			return -1;
		seen |= 1u << i;
		last = i;
		out->v[i] = e->value;
		present |= e->group;
		p += n;
		if (p == end)
			break;
		p++; /* the '/'; a trailing one leaves an empty component */
		if (p == end)
			return -1;
	}
	if ((seen & t->base_mask) != t->base_mask)
		return -1;
	out->present = present;
	return 0;
}

/* Step 1: the template at s (len >= t->tpl_len). True if it matches
 * with valid values, which are then stored. Inlined with constant
 * nwords and nbase per version, so that the loops unroll. */
static inline __attribute__((always_inline)) bool
fast_template(const fast_tab *t, const unsigned char *s, ym_cvss *out,
	      unsigned nwords, unsigned nbase)
{
	uint64_t diff = 0;
	for (unsigned w = 0; w < nwords; w++)
		diff |= (get8(s + t->woff[w]) ^ t->word[w]) & t->mask[w];
	if (diff)
		return false;
	unsigned bad = 0;
	for (unsigned j = 0; j < nbase; j++) {
		uint8_t k = t->vidx[j][s[t->vpos[j]]];
		out->v[t->vmetric[j]] = k;
		bad |= k == 0;
	}
	return !bad;
}

static bool template_of(const fast_tab *t, const unsigned char *s,
			ym_cvss *out)
{
	switch (out->version) {
	case YM_CVSS_V2:
		return fast_template(t, s, out, TPL2_WORDS, TPL2_BASE);
	case YM_CVSS_V30:
	case YM_CVSS_V31:
		return fast_template(t, s, out, TPL3_WORDS, TPL3_BASE);
	case YM_CVSS_V40:
		return fast_template(t, s, out, TPL4_WORDS, TPL4_BASE);
	}
	return false;
}

static int fast_parse(const char *str, size_t len, ym_cvss *out)
{
	const unsigned char *s = (const unsigned char *)str, *end = s + len;
	const fast_tab *t;
	size_t skip = 0;
	fast_ensure();
	if (len > 9 && memcmp(s, "CVSS:", 5) == 0 && s[6] == '.' &&
	    s[8] == '/') {
		if (s[5] == '4' && s[7] == '0') {
			out->version = YM_CVSS_V40;
			t = &fast_v4;
		} else if (s[5] == '3' && s[7] == '1') {
			out->version = YM_CVSS_V31;
			t = &fast_v31;
		} else if (s[5] == '3' && s[7] == '0') {
			out->version = YM_CVSS_V30;
			t = &fast_v30;
		} else {
			return -1;
		}
		skip = 9;
	} else {
		if (len == 0)
			return -1;
		out->version = YM_CVSS_V2;
		t = &fast_v2;
		if (s[0] == '(') { /* NVD's form */
			if (len < 2 || end[-1] != ')')
				return -1;
			return fast_metrics(t, s, s + 1, end - 1, out, 0, 0);
		}
	}
	if (len >= t->tpl_len && template_of(t, s, out)) {
		if (len == t->tpl_len) {
			out->present = YM_CVSS_G_BASE;
			return 0;
		}
		if (s[t->tpl_len] == '/')
			return fast_metrics(t, s, s + t->tpl_len + 1, end,
					    out, t->base_mask, t->last_base);
	}
	memset(out->v, 0, sizeof out->v);
	return fast_metrics(t, s, s + skip, end, out, 0, 0);
}

int ym_cvss_parsen_ref(const char *s, size_t len, ym_cvss *out, ym_err *err)
{
	memset(out, 0, sizeof *out);
	int rc = parse(s, len, out, err);
	if (rc)
		memset(out, 0, sizeof *out);
	return rc;
}

int ym_cvss_parsen(const char *s, size_t len, ym_cvss *out, ym_err *err)
{
	memset(out, 0, sizeof *out);
	if (fast_parse(s, len, out) == 0)
		return 0;
	return ym_cvss_parsen_ref(s, len, out, err);
}

int ym_cvss_parse(const char *vector, ym_cvss *out, ym_err *err)
{
	return ym_cvss_parsen(vector, strlen(vector), out, err);
}

static unsigned tenths(double x)
{
	/* scores are tenths in [0, 10] (within binary error) */
	return x > 0 ? x < 10 ? (unsigned)(x * 10.0 + 0.5) : 100 : 0;
}

size_t ym_cvss_score_str(double score, char *buf)
{
	char *p = buf;
	double a = score < 0 ? -score : score;
	unsigned t = a < 100 ? (unsigned)(a * 10.0 + 0.5) : 1000;
	if (signbit(score)) /* as printf: "-0.0" too */
		*p++ = '-';
	if (t >= 100)
		*p++ = (char)('0' + t / 100);
	*p++ = (char)('0' + t / 10 % 10);
	*p++ = '.';
	*p++ = (char)('0' + t % 10);
	*p = '\0';
	return (size_t)(p - buf);
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
	fast_ensure();
	/* not from ym_cvss_parse (zeroed, say): the scorers index tables
	 * with the base values, so score nothing */
	if (!(c->present & YM_CVSS_G_BASE))
		return;
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
