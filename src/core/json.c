/* json.c - strict RFC 8259 parser into an arena tree, and accessors.
 *
 * One pass, no recursion: containers being filled live on an explicit
 * frame stack, so hostile nesting costs heap (bounded by max_depth), not C
 * stack. Children are collected on two scratch vectors shared by all open
 * containers and copied to the arena in one exact-size block when the
 * container closes. Small allocations come from a local bump region carved
 * out of the arena to keep the per-node cost to a pointer increment.
 */
#include "json.h"

#include <float.h>
#include <locale.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "utf8.h"
#include "xalloc.h"

#define DEFAULT_DEPTH 512
#define DEFAULT_STRING ((size_t)16 << 20)

#define ONES UINT64_C(0x0101010101010101)
#define HIGHS UINT64_C(0x8080808080808080)

/* Bump region sizes: start small for tiny documents, grow for big ones. */
#define BUMP_MIN 2048
#define BUMP_MAX (256 * 1024)
#define BUMP_DIRECT 1024 /* larger requests go straight to the arena */

typedef struct frame {
	ym_json *node;
	size_t base; /* first child's index in items or members */
} frame;

typedef struct parser {
	const char *end;
	const char *line_start;
	size_t line;
	ym_arena *a;
	char *bump, *bump_end;
	size_t bump_next;
	size_t max_depth, max_string;
	const char *filename;
	ym_err *err;
	ym_json **items;
	size_t nitems, citems;
	ym_json_member *mem;
	size_t nmem, cmem;
	frame *fr;
	size_t nfr, cfr;
	char *sb; /* unescaping scratch */
	size_t sbcap;
} parser;

/* strtod must not see the user's LC_NUMERIC (a decimal comma). */
static locale_t c_locale;
static pthread_once_t c_locale_once = PTHREAD_ONCE_INIT;

static void c_locale_init(void)
{
	c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
}

static double c_strtod(const char *s, char **endp)
{
	pthread_once(&c_locale_once, c_locale_init);
	if (c_locale)
		return strtod_l(s, endp, c_locale);
	return strtod(s, endp);
}

/* --- errors --- */

static void perr(parser *ps, const char *at, int code, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void perr(parser *ps, const char *at, int code, const char *fmt, ...)
{
	va_list ap;

	if (!ps->err)
		return;
	ym_err_clear(ps->err);
	va_start(ap, fmt);
	ym_err_setv(ps->err, code, fmt, ap);
	va_end(ap);
	ym_err_at(ps->err, ps->filename, (long)ps->line,
		  (long)(at - ps->line_start) + 1);
}

static void perr_eof(parser *ps)
{
	perr(ps, ps->end, YM_E_PARSE, "%s", _("unexpected end of input"));
}

static void perr_eof_string(parser *ps)
{
	perr(ps, ps->end, YM_E_PARSE, "%s",
	     _("unexpected end of input in string"));
}

/* Names the byte at p; non-printable bytes as hex so messages stay text. */
static void perr_char(parser *ps, const char *p)
{
	unsigned char c = (unsigned char)*p;

	if (c > 0x20 && c < 0x7f)
		perr(ps, p, YM_E_PARSE, _("unexpected character '%c'"), c);
	else
		perr(ps, p, YM_E_PARSE, _("unexpected byte 0x%02x"), c);
}

/* --- allocation --- */

static void *bump_slow(parser *ps, size_t n)
{
	if (n > BUMP_DIRECT)
		return ym_arena_alloc(ps->a, n);
	ps->bump = ym_arena_alloc(ps->a, ps->bump_next);
	ps->bump_end = ps->bump + ps->bump_next;
	if (ps->bump_next < BUMP_MAX)
		ps->bump_next *= 2;
	ps->bump += n;
	return ps->bump - n;
}

/* 8-byte aligned: enough for nodes, pointers and doubles. */
static inline void *bump(parser *ps, size_t n)
{
	char *r;

	n = (n + 7) & ~(size_t)7;
	if ((size_t)(ps->bump_end - ps->bump) < n)
		return bump_slow(ps, n);
	r = ps->bump;
	ps->bump += n;
	return r;
}

static inline char *bump_str(parser *ps, const char *s, size_t n)
{
	char *r = bump(ps, n + 1);

	memcpy(r, s, n);
	r[n] = '\0';
	return r;
}

static inline ym_json *new_node(parser *ps, const char *p)
{
	ym_json *v = bump(ps, sizeof *v);
	size_t col = (size_t)(p - ps->line_start) + 1;

	v->line = ps->line > UINT32_MAX ? UINT32_MAX : (uint32_t)ps->line;
	v->col = col > UINT32_MAX ? UINT32_MAX : (uint32_t)col;
	return v;
}

static void push_item(parser *ps, ym_json *v)
{
	if (ps->nitems == ps->citems) {
		ps->citems = ps->citems ? ps->citems * 2 : 64;
		ps->items = ym_xreallocarray(ps->items, ps->citems,
					     sizeof *ps->items);
	}
	ps->items[ps->nitems++] = v;
}

static void push_member(parser *ps, const char *key, size_t klen)
{
	ym_json_member *m;

	if (ps->nmem == ps->cmem) {
		ps->cmem = ps->cmem ? ps->cmem * 2 : 64;
		ps->mem = ym_xreallocarray(ps->mem, ps->cmem, sizeof *ps->mem);
	}
	m = &ps->mem[ps->nmem++];
	m->key = key;
	m->klen = klen;
	m->val = NULL;
}

/* --- whitespace --- */

static inline const char *skip_ws(parser *ps, const char *p)
{
	const char *end = ps->end;
	uint64_t w;

	while (p < end) {
		switch (*p) {
		case ' ':
			/* Indentation comes in runs; take 8 at a time. */
			p++;
			while (end - p >= 8) {
				memcpy(&w, p, 8);
				if (w != ONES * ' ')
					break;
				p += 8;
			}
			break;
		case '\t':
		case '\r':
			p++;
			break;
		case '\n':
			p++;
			ps->line++;
			ps->line_start = p;
			break;
		default:
			return p;
		}
	}
	return p;
}

/* --- strings --- */

/* Non-zero if any byte of w is '"', '\\' or below 0x20. Each test can
 * only misfire above a byte that truly matches, so "any" is exact. */
static inline uint64_t special(uint64_t w)
{
	uint64_t q = w ^ (ONES * '"');
	uint64_t b = w ^ (ONES * '\\');

	return (((q - ONES) & ~q) | ((b - ONES) & ~b) |
		((w - ONES * 0x20) & ~w)) & HIGHS;
}

/* Finds the first '"', '\\' or control byte in [p, lim); ORs every byte
 * passed over into *high so the caller knows whether to check UTF-8. */
static inline const char *scan_plain(const char *p, const char *lim,
				     uint64_t *high)
{
	uint64_t w, h = 0;
	unsigned char c;

	while (lim - p >= 8) {
		memcpy(&w, p, 8);
		if (special(w))
			break;
		h |= w;
		p += 8;
	}
	for (; p < lim; p++) {
		c = (unsigned char)*p;
		if (c == '"' || c == '\\' || c < 0x20)
			break;
		h |= c;
	}
	*high |= h;
	return p;
}

static bool check_utf8(parser *ps, const char *s, size_t n, uint64_t high)
{
	size_t bad;

	if (!(high & HIGHS) || ym_utf8_valid(s, n, &bad))
		return true;
	perr(ps, s + bad, YM_E_PARSE, "%s", _("invalid UTF-8 in string"));
	return false;
}

static void perr_toobig_string(parser *ps, const char *quote)
{
	perr(ps, quote, YM_E_TOOBIG, _("string longer than %zu bytes"),
	     ps->max_string);
}

static int hexval(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* Reads the 4 hex digits of a \u escape whose backslash is at p. */
static long read_u4(parser *ps, const char *p)
{
	long v = 0;
	int i, h;

	for (i = 2; i < 6; i++) {
		if (p + i >= ps->end) {
			perr_eof_string(ps);
			return -1;
		}
		h = hexval((unsigned char)p[i]);
		if (h < 0) {
			perr(ps, p, YM_E_PARSE, "%s",
			     _("invalid \\u escape in string"));
			return -1;
		}
		v = v * 16 + h;
	}
	return v;
}

static inline void sb_reserve(parser *ps, size_t need)
{
	if (need <= ps->sbcap)
		return;
	while (ps->sbcap < need)
		ps->sbcap = ps->sbcap ? ps->sbcap * 2 : 256;
	ps->sb = ym_xrealloc(ps->sb, ps->sbcap);
}

/* Decodes the escape whose backslash is at p onto sb at *len; returns the
 * position after it, or NULL with the error set. */
static const char *unescape(parser *ps, const char *quote, const char *p,
			    size_t *len)
{
	char tmp[4];
	const char *q = p + 2, *end = ps->end;
	size_t n = 1;
	long cp, lo;
	unsigned char c;

	if (p + 1 >= end) {
		perr_eof_string(ps);
		return NULL;
	}
	c = (unsigned char)p[1];
	switch (c) {
	case '"':
	case '\\':
	case '/':
		tmp[0] = (char)c;
		break;
	case 'b':
		tmp[0] = '\b';
		break;
	case 'f':
		tmp[0] = '\f';
		break;
	case 'n':
		tmp[0] = '\n';
		break;
	case 'r':
		tmp[0] = '\r';
		break;
	case 't':
		tmp[0] = '\t';
		break;
	case 'u':
		if ((cp = read_u4(ps, p)) < 0)
			return NULL;
		q = p + 6;
		if (cp >= 0xdc00 && cp <= 0xdfff)
			goto lone;
		if (cp >= 0xd800 && cp <= 0xdbff) {
			/* A high surrogate must be followed by a low one. */
			if (q == end || (q[0] == '\\' && q + 1 == end)) {
				perr_eof_string(ps);
				return NULL;
			}
			if (q[0] != '\\' || q[1] != 'u')
				goto lone;
			if ((lo = read_u4(ps, q)) < 0)
				return NULL;
			if (lo < 0xdc00 || lo > 0xdfff)
				goto lone;
			cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
			q += 6;
		}
		n = ym_utf8_encode((uint32_t)cp, tmp);
		break;
	default:
		if (c > 0x20 && c < 0x7f)
			perr(ps, p, YM_E_PARSE,
			     _("invalid escape '\\%c' in string"), c);
		else
			perr(ps, p, YM_E_PARSE,
			     _("invalid escape byte 0x%02x in string"), c);
		return NULL;
	}
	if (*len + n > ps->max_string) {
		perr_toobig_string(ps, quote);
		return NULL;
	}
	sb_reserve(ps, *len + n);
	memcpy(ps->sb + *len, tmp, n);
	*len += n;
	return q;
lone:
	perr(ps, p, YM_E_PARSE, _("lone surrogate \\u%04lx in string"), cp);
	return NULL;
}

/* Slow path for strings with escapes: p is at the first backslash, start
 * at the first content byte, quote at the opening quote. The unescaped
 * text is built in sb, which is reused for every string of the parse. */
static const char *parse_escaped(parser *ps, const char *quote,
				 const char *start, const char *p,
				 const char **out, size_t *outlen)
{
	const char *end = ps->end, *run, *lim;
	size_t len = (size_t)(p - start), n;
	uint64_t high;
	bool clipped;

	sb_reserve(ps, len + 1);
	memcpy(ps->sb, start, len);
	for (;;) {
		/* p is at a backslash */
		if (!(run = unescape(ps, quote, p, &len)))
			return NULL;
		lim = end;
		clipped = (size_t)(end - run) > ps->max_string - len;
		if (clipped)
			lim = run + (ps->max_string - len) + 1;
		high = 0;
		p = scan_plain(run, lim, &high);
		if (!check_utf8(ps, run, (size_t)(p - run), high))
			return NULL;
		if (p == lim) {
			if (clipped)
				perr_toobig_string(ps, quote);
			else
				perr_eof_string(ps);
			return NULL;
		}
		n = (size_t)(p - run);
		sb_reserve(ps, len + n);
		memcpy(ps->sb + len, run, n);
		len += n;
		if (*p == '"')
			break;
		if (*p != '\\') {
			perr(ps, p, YM_E_PARSE, "%s",
			     _("control character in string"));
			return NULL;
		}
	}
	*out = bump_str(ps, ps->sb, len);
	*outlen = len;
	return p + 1;
}

/* Parses the string whose opening quote is at p; returns the position
 * after the closing quote, or NULL on error. */
static const char *parse_string(parser *ps, const char *p, const char **out,
				size_t *outlen)
{
	const char *start = p + 1, *end = ps->end, *lim = end, *q;
	uint64_t high = 0;
	bool clipped = (size_t)(end - start) > ps->max_string;

	/* Bounding the scan makes a huge string fail after max_string
	 * bytes instead of after the whole input. */
	if (clipped)
		lim = start + ps->max_string + 1;
	q = scan_plain(start, lim, &high);
	if (q < lim && *q == '\\') {
		if (!check_utf8(ps, start, (size_t)(q - start), high))
			return NULL;
		return parse_escaped(ps, p, start, q, out, outlen);
	}
	if (!check_utf8(ps, start, (size_t)(q - start), high))
		return NULL;
	if (q == lim) {
		if (clipped)
			perr_toobig_string(ps, p);
		else
			perr_eof_string(ps);
		return NULL;
	}
	if (*q != '"') {
		perr(ps, q, YM_E_PARSE, "%s", _("control character in string"));
		return NULL;
	}
	*outlen = (size_t)(q - start);
	*out = bump_str(ps, start, *outlen);
	return q + 1;
}

/* --- numbers --- */

static const double pow10_exact[] = {
	1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

static inline bool is_digit(char c)
{
	return (unsigned char)(c - '0') < 10;
}

static const char *parse_number(parser *ps, const char *p, ym_json *v)
{
	const char *s = p, *end = ps->end;
	uint64_t m = 0;
	int ndig = 0, frac = 0;
	long ex = 0;
	bool neg = false, eneg = false, exact;
	char *raw, *ep;
	double d;

	if (*p == '-') {
		neg = true;
		p++;
	}
	if (p == end) {
		perr_eof(ps);
		return NULL;
	}
	if (*p == '0') {
		p++;
		if (p < end && is_digit(*p)) {
			perr(ps, p, YM_E_PARSE, "%s",
			     _("leading zeros are not allowed in numbers"));
			return NULL;
		}
	} else if (is_digit(*p)) {
		do {
			m = m * 10 + (uint64_t)(*p - '0');
			ndig++;
			p++;
		} while (p < end && is_digit(*p) && ndig < 19);
		while (p < end && is_digit(*p)) {
			ndig++;
			p++;
		}
	} else {
		perr(ps, p, YM_E_PARSE, "%s", _("expected digit in number"));
		return NULL;
	}
	if (p < end && *p == '.') {
		p++;
		if (p == end) {
			perr_eof(ps);
			return NULL;
		}
		if (!is_digit(*p)) {
			perr(ps, p, YM_E_PARSE, "%s",
			     _("expected digit in number"));
			return NULL;
		}
		do {
			if (ndig < 19) {
				m = m * 10 + (uint64_t)(*p - '0');
				frac++;
			}
			ndig++;
			p++;
		} while (p < end && is_digit(*p));
	}
	if (p < end && (*p == 'e' || *p == 'E')) {
		p++;
		if (p < end && (*p == '+' || *p == '-'))
			eneg = *p++ == '-';
		if (p == end) {
			perr_eof(ps);
			return NULL;
		}
		if (!is_digit(*p)) {
			perr(ps, p, YM_E_PARSE, "%s",
			     _("expected digit in number"));
			return NULL;
		}
		do {
			if (ex < 100000)
				ex = ex * 10 + (*p - '0');
			p++;
		} while (p < end && is_digit(*p));
		if (eneg)
			ex = -ex;
	}
	raw = bump_str(ps, s, (size_t)(p - s));
	v->type = YM_JSON_NUMBER;
	v->u.num.raw = raw;
	/* Clinger's fast path: an exact mantissa times an exact power of
	 * ten is one correctly rounded operation, so it equals strtod. */
	ex -= frac;
	exact = ndig <= 19 && m <= (UINT64_C(1) << 53) && ex >= -22 &&
		ex <= 22;
#if defined(FLT_EVAL_METHOD) && FLT_EVAL_METHOD != 0
	exact = false;
#endif
	if (exact) {
		d = (double)m;
		if (ex < 0)
			d /= pow10_exact[-ex];
		else
			d *= pow10_exact[ex];
		v->u.num.d = neg ? -d : d;
		return p;
	}
	d = c_strtod(raw, &ep);
	if (isinf(d)) {
		perr(ps, s, YM_E_PARSE, "%s", _("number out of range"));
		return NULL;
	}
	v->u.num.d = d;
	return p;
}

/* --- literals --- */

static const char *parse_lit(parser *ps, const char *p, const char *lit,
			     size_t n)
{
	size_t i;

	if ((size_t)(ps->end - p) >= n && memcmp(p, lit, n) == 0)
		return p + n;
	for (i = 0; i < n; i++) {
		if (p + i == ps->end) {
			perr_eof(ps);
			return NULL;
		}
		if (p[i] != lit[i])
			break;
	}
	perr_char(ps, p + i);
	return NULL;
}

/* --- the parser --- */

static ym_json *parse(parser *ps, const char *p)
{
	const char *end = ps->end, *key;
	ym_json *v;
	frame *top;
	size_t n, klen;

	p = skip_ws(ps, p);
value:
	/* p is at the first byte of a value, whitespace already skipped */
	if (p == end) {
		perr_eof(ps);
		return NULL;
	}
	v = new_node(ps, p);
	switch (*p) {
	case '{':
	case '[':
		if (ps->nfr >= ps->max_depth) {
			perr(ps, p, YM_E_TOOBIG,
			     _("nesting deeper than %zu levels"),
			     ps->max_depth);
			return NULL;
		}
		if (ps->nfr == ps->cfr) {
			ps->cfr = ps->cfr ? ps->cfr * 2 : 32;
			ps->fr = ym_xreallocarray(ps->fr, ps->cfr,
						  sizeof *ps->fr);
		}
		if (*p == '[') {
			v->type = YM_JSON_ARRAY;
			v->u.arr.items = NULL;
			v->u.arr.n = 0;
			p = skip_ws(ps, p + 1);
			if (p < end && *p == ']') {
				p++;
				break;
			}
			ps->fr[ps->nfr].node = v;
			ps->fr[ps->nfr++].base = ps->nitems;
			goto value;
		}
		v->type = YM_JSON_OBJECT;
		v->u.obj.m = NULL;
		v->u.obj.n = 0;
		p = skip_ws(ps, p + 1);
		if (p < end && *p == '}') {
			p++;
			break;
		}
		ps->fr[ps->nfr].node = v;
		ps->fr[ps->nfr++].base = ps->nmem;
		goto key;
	case '"':
		v->type = YM_JSON_STRING;
		p = parse_string(ps, p, &v->u.str.s, &v->u.str.len);
		if (!p)
			return NULL;
		break;
	case 't':
		v->type = YM_JSON_TRUE;
		if (!(p = parse_lit(ps, p, "true", 4)))
			return NULL;
		break;
	case 'f':
		v->type = YM_JSON_FALSE;
		if (!(p = parse_lit(ps, p, "false", 5)))
			return NULL;
		break;
	case 'n':
		v->type = YM_JSON_NULL;
		if (!(p = parse_lit(ps, p, "null", 4)))
			return NULL;
		break;
	case '-':
	case '0': case '1': case '2': case '3': case '4':
	case '5': case '6': case '7': case '8': case '9':
		if (!(p = parse_number(ps, p, v)))
			return NULL;
		break;
	default:
		perr_char(ps, p);
		return NULL;
	}
done:
	/* v is complete; p is just past it */
	if (ps->nfr == 0) {
		p = skip_ws(ps, p);
		if (p != end) {
			perr(ps, p, YM_E_PARSE, "%s",
			     _("trailing characters after JSON value"));
			return NULL;
		}
		return v;
	}
	top = &ps->fr[ps->nfr - 1];
	p = skip_ws(ps, p);
	if (top->node->type == YM_JSON_ARRAY) {
		push_item(ps, v);
		if (p == end) {
			perr_eof(ps);
			return NULL;
		}
		if (*p == ',') {
			p = skip_ws(ps, p + 1);
			if (p < end && *p == ']') {
				perr(ps, p, YM_E_PARSE, "%s",
				     _("trailing comma in array"));
				return NULL;
			}
			goto value;
		}
		if (*p != ']') {
			perr(ps, p, YM_E_PARSE, "%s",
			     _("expected ',' or ']' after array element"));
			return NULL;
		}
		v = top->node;
		n = ps->nitems - top->base;
		v->u.arr.items = bump(ps, n * sizeof *v->u.arr.items);
		memcpy(v->u.arr.items, ps->items + top->base,
		       n * sizeof *v->u.arr.items);
		v->u.arr.n = n;
		ps->nitems = top->base;
		ps->nfr--;
		p++;
		goto done;
	}
	ps->mem[ps->nmem - 1].val = v;
	if (p == end) {
		perr_eof(ps);
		return NULL;
	}
	if (*p == ',') {
		p = skip_ws(ps, p + 1);
		if (p < end && *p == '}') {
			perr(ps, p, YM_E_PARSE, "%s",
			     _("trailing comma in object"));
			return NULL;
		}
		goto key;
	}
	if (*p != '}') {
		perr(ps, p, YM_E_PARSE, "%s",
		     _("expected ',' or '}' after object member"));
		return NULL;
	}
	v = top->node;
	n = ps->nmem - top->base;
	v->u.obj.m = bump(ps, n * sizeof *v->u.obj.m);
	memcpy(v->u.obj.m, ps->mem + top->base, n * sizeof *v->u.obj.m);
	v->u.obj.n = n;
	ps->nmem = top->base;
	ps->nfr--;
	p++;
	goto done;
key:
	/* p is where an object key must start, whitespace skipped */
	if (p == end) {
		perr_eof(ps);
		return NULL;
	}
	if (*p != '"') {
		perr(ps, p, YM_E_PARSE, "%s",
		     _("expected string as object key"));
		return NULL;
	}
	if (!(p = parse_string(ps, p, &key, &klen)))
		return NULL;
	push_member(ps, key, klen);
	p = skip_ws(ps, p);
	if (p == end) {
		perr_eof(ps);
		return NULL;
	}
	if (*p != ':') {
		perr(ps, p, YM_E_PARSE, "%s",
		     _("expected ':' after object key"));
		return NULL;
	}
	p = skip_ws(ps, p + 1);
	goto value;
}

ym_json *ym_json_parse(ym_arena *a, const char *text, size_t len,
		       const ym_json_limits *limits, const char *filename,
		       ym_err *err)
{
	parser ps;
	ym_json *root;

	if (!text)
		text = ""; /* NULL + 0 is not valid pointer arithmetic */
	memset(&ps, 0, sizeof ps);
	ps.a = a;
	ps.end = text + len;
	ps.line = 1;
	ps.bump_next = BUMP_MIN;
	ps.max_depth = limits && limits->max_depth ? limits->max_depth
						     : DEFAULT_DEPTH;
	ps.max_string = limits && limits->max_string ? limits->max_string
						       : DEFAULT_STRING;
	ps.filename = filename;
	ps.err = err;
	/* Columns count from after the BOM, as editors show them. */
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		text += 3;
	ps.line_start = text;
	root = parse(&ps, text);
	free(ps.items);
	free(ps.mem);
	free(ps.fr);
	free(ps.sb);
	return root;
}

/* --- accessors --- */

const ym_json *ym_json_get(const ym_json *obj, const char *key)
{
	size_t klen, i;

	if (!obj || obj->type != YM_JSON_OBJECT || !key)
		return NULL;
	klen = strlen(key);
	/* Last duplicate wins, as in most JSON consumers. */
	for (i = obj->u.obj.n; i-- > 0;) {
		const ym_json_member *m = &obj->u.obj.m[i];

		if (m->klen == klen && memcmp(m->key, key, klen) == 0)
			return m->val;
	}
	return NULL;
}

const char *ym_json_string(const ym_json *v)
{
	return v && v->type == YM_JSON_STRING ? v->u.str.s : NULL;
}

bool ym_json_is(const ym_json *v, ym_json_type t)
{
	return v && v->type == t;
}

size_t ym_json_len(const ym_json *v)
{
	if (!v)
		return 0;
	if (v->type == YM_JSON_ARRAY)
		return v->u.arr.n;
	if (v->type == YM_JSON_OBJECT)
		return v->u.obj.n;
	return 0;
}

const ym_json *ym_json_at(const ym_json *arr, size_t i)
{
	if (!arr || arr->type != YM_JSON_ARRAY || i >= arr->u.arr.n)
		return NULL;
	return arr->u.arr.items[i];
}

bool ym_json_int(const ym_json *v, int64_t *out)
{
	const char *s;
	uint64_t m = 0, lim;
	bool neg;
	double d;

	if (!v || v->type != YM_JSON_NUMBER)
		return false;
	s = v->u.num.raw;
	neg = *s == '-';
	s += neg;
	/* Plain integers come from the text, exactly, not via the double. */
	if (strspn(s, "0123456789") == strlen(s)) {
		lim = neg ? (UINT64_C(1) << 63) : (UINT64_C(1) << 63) - 1;
		for (; *s; s++) {
			unsigned dig = (unsigned)(*s - '0');

			if (m > (lim - dig) / 10)
				return false;
			m = m * 10 + dig;
		}
		if (neg)
			*out = m == (UINT64_C(1) << 63) ? INT64_MIN
							 : -(int64_t)m;
		else
			*out = (int64_t)m;
		return true;
	}
	d = v->u.num.d;
	if (d != floor(d) || d < -9223372036854775808.0 ||
	    d >= 9223372036854775808.0)
		return false;
	*out = (int64_t)d;
	return true;
}

const char *ym_json_type_name(ym_json_type t)
{
	switch (t) {
	case YM_JSON_NULL:
		return "null";
	case YM_JSON_FALSE:
	case YM_JSON_TRUE:
		return _("boolean");
	case YM_JSON_NUMBER:
		return _("number");
	case YM_JSON_STRING:
		return _("string");
	case YM_JSON_ARRAY:
		return _("array");
	case YM_JSON_OBJECT:
		return _("object");
	}
	return "unknown";
}
