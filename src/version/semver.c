/* semver.c - SemVer 2.0.0 versions and node-semver ranges (see semver.h).
 *
 * Ranges are evaluated while they are parsed: each comparator set keeps
 * three flags, so nothing is stored and nothing is allocated. The range
 * desugaring (^ ~ x-ranges, hyphens) follows node-semver 7; see
 * docs/versions.md for the places where we are stricter.
 */
#include "semver.h"

#include <string.h>

#include "core/i18n.h"
#include "version/scheme_util.h"

/* Number.MAX_SAFE_INTEGER: node-semver rejects larger numbers. */
#define MAX_SAFE "9007199254740991"
#define MAX_SAFE_LEN 16

enum { OP_NONE, OP_EQ, OP_LT, OP_LE, OP_GT, OP_GE, OP_TILDE, OP_CARET };

static const ym_semver_num num_zero = { "0", 1, false };

typedef struct parser {
	const char *s;
	size_t len;
	size_t i;
	unsigned flags;
	ym_version_syntax *syn;
} parser;

/* A range operand such as 1, 1.x, 1.2.3-beta (build dropped). */
typedef struct partial {
	int nparts;      /* components written, 1 to 3 */
	bool x[3];       /* component is x, X, * or missing */
	size_t at[3];    /* where each written component starts */
	ym_semver_num num[3];
	const char *pre;
	size_t pre_len;
} partial;

/* One comparator set while it is evaluated. */
typedef struct set_state {
	bool sat;     /* every comparator holds */
	bool pre_ok;  /* a prerelease comparator shares v's [M, m, p] */
	bool all_any; /* only "*"-like comparators so far */
} set_state;

static bool is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_ident(char c)
{
	return is_digit(c) || is_alpha(c) || c == '-';
}

static char peek(const parser *p)
{
	return p->i < p->len ? p->s[p->i] : '\0';
}

static int pfail(parser *p, size_t pos, const char *why)
{
	if (p->syn) {
		p->syn->pos = pos;
		p->syn->why = why;
	}
	return -1;
}

static size_t skip_blanks(parser *p)
{
	size_t start = p->i;

	while (p->i < p->len && is_blank(p->s[p->i]))
		p->i++;
	return p->i - start;
}

static int parse_number(parser *p, ym_semver_num *out)
{
	size_t start = p->i, n;
	const char *d;

	while (p->i < p->len && is_digit(p->s[p->i]))
		p->i++;
	n = p->i - start;
	if (n == 0)
		return pfail(p, start, NULL);
	d = p->s + start;
	if (n > 1 && *d == '0' && !(p->flags & YM_SEMVER_NPM))
		return pfail(p, start, N_("leading zero in a number"));
	while (n > 1 && *d == '0') {
		d++;
		n--;
	}
	if ((p->flags & YM_SEMVER_NPM) &&
	    (n > MAX_SAFE_LEN ||
	     (n == MAX_SAFE_LEN && memcmp(d, MAX_SAFE, n) > 0)))
		return pfail(p, start, N_("number larger than 2^53-1"));
	out->p = d;
	out->n = n;
	out->inc = false;
	return 0;
}

/* Dot-separated identifiers; prerelease numbers may not have leading
 * zeros in strict mode, build identifiers may. */
static int parse_idents(parser *p, bool build, const char **out,
			size_t *out_len)
{
	size_t start = p->i;

	for (;;) {
		size_t id = p->i;
		bool digits = true;

		while (p->i < p->len && is_ident(p->s[p->i])) {
			if (!is_digit(p->s[p->i]))
				digits = false;
			p->i++;
		}
		if (p->i == id)
			return pfail(p, id, NULL);
		if (!build && digits && p->i - id > 1 && p->s[id] == '0' &&
		    !(p->flags & YM_SEMVER_NPM))
			return pfail(p, id, N_("leading zero in a number"));
		if (peek(p) != '.')
			break;
		p->i++;
	}
	*out = p->s + start;
	*out_len = p->i - start;
	return 0;
}

/* Prerelease after the patch number: "-id", or in npm mode also "id"
 * straight after the digits, as node-semver's loose grammar allows. */
static int parse_pre(parser *p, const char **pre, size_t *pre_len)
{
	char c = peek(p);

	*pre = NULL;
	*pre_len = 0;
	if (c == '-') {
		/* loose: a '-' not followed by an identifier is itself one */
		if (!(p->flags & YM_SEMVER_NPM) ||
		    (p->i + 1 < p->len && is_ident(p->s[p->i + 1])))
			p->i++;
		return parse_idents(p, false, pre, pre_len);
	}
	if ((p->flags & YM_SEMVER_NPM) && is_alpha(c))
		return parse_idents(p, false, pre, pre_len);
	return 0;
}

static int parse_build(parser *p, const char **build, size_t *build_len)
{
	*build = NULL;
	*build_len = 0;
	if (peek(p) != '+')
		return 0;
	p->i++;
	return parse_idents(p, true, build, build_len);
}

/* Reads a run of digits at s[*i]: true when it is 1..15 digits without a
 * leading zero (always within 2^53-1, so no further check is needed). */
static bool quick_number(const char *s, size_t len, size_t *i,
			 ym_semver_num *out)
{
	size_t start = *i;
	while (*i < len && is_digit(s[*i]))
		(*i)++;
	size_t n = *i - start;
	if (n == 0 || n > 15 || (n > 1 && s[start] == '0'))
		return false;
	out->p = s + start;
	out->n = n;
	out->inc = false;
	return true;
}

int ym_semver_parse(const char *s, size_t len, unsigned flags, ym_semver *out,
		    ym_version_syntax *syn)
{
	parser p = { s, len, 0, flags, syn };

	/* most versions are plain MAJOR.MINOR.PATCH: read those in one pass
	 * and leave everything else to the full grammar below */
	size_t q = 0;
	if (quick_number(s, len, &q, &out->major) && q < len && s[q] == '.' &&
	    (++q, quick_number(s, len, &q, &out->minor)) && q < len &&
	    s[q] == '.' && (++q, quick_number(s, len, &q, &out->patch)) &&
	    q == len) {
		out->pre = out->build = NULL;
		out->pre_len = out->build_len = 0;
		return 0;
	}

	if (flags & YM_SEMVER_NPM)
		while (p.i < len &&
		       (is_blank(s[p.i]) || s[p.i] == 'v' || s[p.i] == '='))
			p.i++;
	if (parse_number(&p, &out->major))
		return -1;
	if (peek(&p) != '.')
		return pfail(&p, p.i, NULL);
	p.i++;
	if (parse_number(&p, &out->minor))
		return -1;
	if (peek(&p) != '.')
		return pfail(&p, p.i, NULL);
	p.i++;
	if (parse_number(&p, &out->patch) ||
	    parse_pre(&p, &out->pre, &out->pre_len) ||
	    parse_build(&p, &out->build, &out->build_len))
		return -1;
	if (flags & YM_SEMVER_NPM)
		skip_blanks(&p);
	if (p.i != len)
		return pfail(&p, p.i, NULL);
	return 0;
}

/* Whether b == a + 1; both without leading zeros. */
static bool is_successor(const char *a, size_t an, const char *b, size_t bn)
{
	size_t k = an, i;

	while (k > 0 && a[k - 1] == '9')
		k--;
	if (k == 0) {
		/* 99..9 + 1 = 100..0 */
		if (bn != an + 1 || b[0] != '1')
			return false;
		for (i = 1; i < bn; i++)
			if (b[i] != '0')
				return false;
		return true;
	}
	if (bn != an || memcmp(a, b, k - 1) != 0 || b[k - 1] != a[k - 1] + 1)
		return false;
	for (i = k; i < bn; i++)
		if (b[i] != '0')
			return false;
	return true;
}

/* Compares a + 1 with b. */
static int succ_cmp(const ym_semver_num *a, const ym_semver_num *b)
{
	if (ym_version_digits_cmp(a->p, a->n, b->p, b->n) >= 0)
		return 1;
	return is_successor(a->p, a->n, b->p, b->n) ? 0 : -1;
}

static int num_cmp(const ym_semver_num *a, const ym_semver_num *b)
{
	if (a->inc == b->inc) {
		/* parsed numbers carry no leading zeros: length decides, then
		 * the digits (short, so a plain loop beats memcmp) */
		if (a->n != b->n)
			return a->n < b->n ? -1 : 1;
		for (size_t k = 0; k < a->n; k++)
			if (a->p[k] != b->p[k])
				return a->p[k] < b->p[k] ? -1 : 1;
		return 0;
	}
	return a->inc ? succ_cmp(a, b) : -succ_cmp(b, a);
}

static bool all_digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!is_digit(s[i]))
			return false;
	return true;
}

/* SemVer 11.4: numeric identifiers by value and below alphanumeric ones,
 * which compare in ASCII order. */
static int ident_cmp(const char *a, size_t an, const char *b, size_t bn)
{
	bool ad = all_digits(a, an), bd = all_digits(b, bn);
	size_t m = an < bn ? an : bn;
	int c;

	if (ad && bd)
		return ym_version_digits_cmp(a, an, b, bn);
	if (ad != bd)
		return ad ? -1 : 1;
	c = memcmp(a, b, m);
	if (c != 0)
		return c < 0 ? -1 : 1;
	return an < bn ? -1 : an > bn;
}

static int pre_cmp(const ym_semver *a, const ym_semver *b)
{
	size_t i = 0, j = 0;

	if (a->pre_len == 0 || b->pre_len == 0)
		return (a->pre_len == 0) - (b->pre_len == 0);
	for (;;) {
		size_t i0 = i, j0 = j;
		int c;

		if (i >= a->pre_len || j >= b->pre_len)
			return (i < a->pre_len) - (j < b->pre_len);
		while (i < a->pre_len && a->pre[i] != '.')
			i++;
		while (j < b->pre_len && b->pre[j] != '.')
			j++;
		c = ident_cmp(a->pre + i0, i - i0, b->pre + j0, j - j0);
		if (c != 0)
			return c;
		i++;
		j++;
	}
}

static int tuple_cmp(const ym_semver *a, const ym_semver *b)
{
	int c = num_cmp(&a->major, &b->major);

	if (c == 0)
		c = num_cmp(&a->minor, &b->minor);
	if (c == 0)
		c = num_cmp(&a->patch, &b->patch);
	return c;
}

int ym_semver_cmp(const ym_semver *a, const ym_semver *b)
{
	int c = tuple_cmp(a, b);

	return c != 0 ? c : pre_cmp(a, b);
}

/* --- ranges --- */

typedef struct range_ctx {
	parser p;
	const ym_semver *v; /* NULL: syntax only */
	bool incpr;
} range_ctx;

static bool is_zero(const ym_semver_num *n)
{
	return !n->inc && n->n == 1 && n->p[0] == '0';
}

static ym_semver_num bump(ym_semver_num n)
{
	n.inc = true;
	return n;
}

static void add_comparator(range_ctx *r, set_state *st, int op,
			   ym_semver_num maj, ym_semver_num min,
			   ym_semver_num pat, const char *pre, size_t pre_len)
{
	ym_semver c;
	int d;
	bool ok;

	c.major = maj;
	c.minor = min;
	c.patch = pat;
	c.pre = pre;
	c.pre_len = pre_len;
	c.build = NULL;
	c.build_len = 0;
	/* node-semver drops ">=0.0.0" (">=0.0.0-0" with includePrerelease)
	 * as "*", which matters for its "*" and prerelease rules */
	if (op == OP_GE && is_zero(&maj) && is_zero(&min) && is_zero(&pat) &&
	    (r->incpr ? pre_len == 1 && pre[0] == '0' : pre_len == 0))
		return;
	st->all_any = false;
	if (!r->v)
		return;
	d = ym_semver_cmp(r->v, &c);
	switch (op) {
	case OP_LT: ok = d < 0; break;
	case OP_LE: ok = d <= 0; break;
	case OP_GT: ok = d > 0; break;
	case OP_GE: ok = d >= 0; break;
	default: ok = d == 0; break;
	}
	if (!ok)
		st->sat = false;
	if (pre_len > 0 && tuple_cmp(&c, r->v) == 0)
		st->pre_ok = true;
}

/* Shorthands: "<X.Y.Z-0" bounds and lower bounds that get "-0" only
 * with includePrerelease. */
static void add_lt0(range_ctx *r, set_state *st, ym_semver_num maj,
		    ym_semver_num min, ym_semver_num pat)
{
	add_comparator(r, st, OP_LT, maj, min, pat, "0", 1);
}

static void add_ge_z(range_ctx *r, set_state *st, ym_semver_num maj,
		     ym_semver_num min, ym_semver_num pat)
{
	add_comparator(r, st, OP_GE, maj, min, pat, r->incpr ? "0" : NULL,
		       r->incpr ? 1 : 0);
}

static int parse_partial(range_ctx *r, partial *pt)
{
	parser *p = &r->p;
	const char *build;
	size_t build_len;
	int k;

	/* node-semver accepts any run of v and = before a version */
	while (peek(p) == 'v' || peek(p) == '=')
		p->i++;
	pt->nparts = 0;
	for (k = 0; k < 3; k++) {
		char c;

		pt->x[k] = true;
		pt->num[k] = num_zero;
		if (k > 0) {
			if (peek(p) != '.')
				continue;
			p->i++;
		}
		pt->at[k] = p->i;
		c = peek(p);
		if (c == 'x' || c == 'X' || c == '*') {
			p->i++;
		} else {
			if (parse_number(p, &pt->num[k]))
				return -1;
			pt->x[k] = false;
		}
		pt->nparts = k + 1;
	}
	if (pt->x[0] && pt->nparts >= 2 && !pt->x[1])
		return pfail(p, pt->at[1], N_("number after a wildcard"));
	if (pt->x[1] && pt->nparts == 3 && !pt->x[2])
		return pfail(p, pt->at[2], N_("number after a wildcard"));
	pt->pre = NULL;
	pt->pre_len = 0;
	if (pt->nparts == 3 && parse_pre(p, &pt->pre, &pt->pre_len))
		return -1;
	/* build metadata is allowed (and ignored) after any partial */
	return parse_build(p, &build, &build_len);
}

/* A comparator with an operator (or none) applied to a partial, as
 * node-semver's replaceCarets/Tildes/XRanges desugar it. */
static void expand(range_ctx *r, set_state *st, int op, const partial *pt)
{
	bool xM = pt->x[0], xm = xM || pt->x[1], xp = xm || pt->x[2];
	ym_semver_num M = pt->num[0], m = pt->num[1], P = pt->num[2];
	ym_semver_num z = num_zero;

	if (xM) {
		/* ">*" and "<*" match nothing; everything else is "*" */
		if (op == OP_GT || op == OP_LT)
			add_lt0(r, st, z, z, z);
		return;
	}
	switch (op) {
	case OP_NONE:
	case OP_EQ:
	case OP_TILDE:
		if (xm) {
			add_ge_z(r, st, M, z, z);
			add_lt0(r, st, bump(M), z, z);
		} else if (xp) {
			add_ge_z(r, st, M, m, z);
			add_lt0(r, st, M, bump(m), z);
		} else if (op == OP_TILDE) {
			add_comparator(r, st, OP_GE, M, m, P, pt->pre,
				       pt->pre_len);
			add_lt0(r, st, M, bump(m), z);
		} else {
			add_comparator(r, st, OP_EQ, M, m, P, pt->pre,
				       pt->pre_len);
		}
		return;
	case OP_CARET:
		if (xm) {
			add_ge_z(r, st, M, z, z);
			add_lt0(r, st, bump(M), z, z);
		} else if (xp) {
			add_ge_z(r, st, M, m, z);
			if (is_zero(&M))
				add_lt0(r, st, M, bump(m), z);
			else
				add_lt0(r, st, bump(M), z, z);
		} else {
			add_comparator(r, st, OP_GE, M, m, P, pt->pre,
				       pt->pre_len);
			if (!is_zero(&M))
				add_lt0(r, st, bump(M), z, z);
			else if (!is_zero(&m))
				add_lt0(r, st, M, bump(m), z);
			else
				add_lt0(r, st, M, m, bump(P));
		}
		return;
	default:
		break;
	}
	if (!xp) {
		add_comparator(r, st, op, M, m, P, pt->pre, pt->pre_len);
		return;
	}
	if (xm)
		m = z;
	switch (op) {
	case OP_GT: /* >1 := >=2.0.0, >1.2 := >=1.3.0 */
		if (xm)
			add_ge_z(r, st, bump(M), z, z);
		else
			add_ge_z(r, st, M, bump(m), z);
		break;
	case OP_LE: /* <=1 := <2.0.0-0, <=1.2 := <1.3.0-0 */
		if (xm)
			add_lt0(r, st, bump(M), z, z);
		else
			add_lt0(r, st, M, bump(m), z);
		break;
	case OP_LT:
		add_lt0(r, st, M, m, z);
		break;
	default: /* OP_GE */
		add_ge_z(r, st, M, m, z);
		break;
	}
}

/* "A - B" := ">=A <=B" with partial ends widened. */
static void expand_hyphen(range_ctx *r, set_state *st, const partial *f,
			  const partial *t)
{
	ym_semver_num z = num_zero;

	if (!f->x[0]) {
		if (f->x[1])
			add_ge_z(r, st, f->num[0], z, z);
		else if (f->x[2])
			add_ge_z(r, st, f->num[0], f->num[1], z);
		else if (f->pre_len)
			add_comparator(r, st, OP_GE, f->num[0], f->num[1],
				       f->num[2], f->pre, f->pre_len);
		else
			add_ge_z(r, st, f->num[0], f->num[1], f->num[2]);
	}
	if (t->x[0])
		return;
	if (t->x[1])
		add_lt0(r, st, bump(t->num[0]), z, z);
	else if (t->x[2])
		add_lt0(r, st, t->num[0], bump(t->num[1]), z);
	else if (t->pre_len)
		add_comparator(r, st, OP_LE, t->num[0], t->num[1], t->num[2],
			       t->pre, t->pre_len);
	else if (r->incpr)
		add_lt0(r, st, t->num[0], t->num[1], bump(t->num[2]));
	else
		add_comparator(r, st, OP_LE, t->num[0], t->num[1], t->num[2],
			       NULL, 0);
}

static bool at_set_end(const parser *p)
{
	return p->i >= p->len ||
	       (p->s[p->i] == '|' && p->i + 1 < p->len &&
		p->s[p->i + 1] == '|');
}

static int parse_op(parser *p)
{
	char c = peek(p), d = p->i + 1 < p->len ? p->s[p->i + 1] : '\0';

	switch (c) {
	case '<':
	case '>':
		p->i += d == '=' ? 2 : 1;
		if (c == '<')
			return d == '=' ? OP_LE : OP_LT;
		return d == '=' ? OP_GE : OP_GT;
	case '=':
		p->i++;
		return OP_EQ;
	case '~':
		p->i += d == '>' ? 2 : 1;
		return OP_TILDE;
	case '^':
		p->i++;
		return OP_CARET;
	default:
		return OP_NONE;
	}
}

/* Tries "A - B" as the whole set; returns 1 if it was one, 0 if not (the
 * caller re-reads the set as comparators), -1 on a syntax error in B. */
static int try_hyphen(range_ctx *r, set_state *st)
{
	parser *p = &r->p;
	size_t save = p->i;
	partial f, t;
	char c = peek(p);

	if (c == '<' || c == '>' || c == '~' || c == '^' ||
	    parse_partial(r, &f) != 0)
		goto no;
	if (skip_blanks(p) == 0 || peek(p) != '-')
		goto no;
	p->i++;
	if (skip_blanks(p) == 0)
		goto no;
	if (parse_partial(r, &t))
		return -1;
	skip_blanks(p);
	if (!at_set_end(p))
		return pfail(p, p->i, NULL);
	expand_hyphen(r, st, &f, &t);
	return 1;
no:
	p->i = save;
	return 0;
}

static int parse_set(range_ctx *r, set_state *st)
{
	parser *p = &r->p;
	int h;

	skip_blanks(p);
	h = try_hyphen(r, st);
	if (h != 0)
		return h < 0 ? -1 : 0;
	for (;;) {
		partial pt;
		int op;

		skip_blanks(p);
		if (at_set_end(p))
			return 0;
		op = parse_op(p);
		skip_blanks(p);
		if (parse_partial(r, &pt))
			return -1;
		if (!at_set_end(p) && !is_blank(peek(p)))
			return pfail(p, p->i, NULL);
		expand(r, st, op, &pt);
	}
}

int ym_semver_range_contains(const char *range, size_t len, unsigned flags,
			     const ym_semver *v, bool *out,
			     ym_version_syntax *syn)
{
	range_ctx r;
	bool any_set = false, star = false;

	r.p.s = range;
	r.p.len = len;
	r.p.i = 0;
	r.p.flags = flags;
	r.p.syn = syn;
	r.v = v;
	r.incpr = (flags & YM_SEMVER_INCLUDE_PRERELEASE) != 0;
	for (;;) {
		set_state st = { true, false, true };

		if (parse_set(&r, &st))
			return -1;
		if (st.all_any)
			star = true;
		if (v && st.sat && (r.incpr || v->pre_len == 0 || st.pre_ok))
			any_set = true;
		if (r.p.i >= len)
			break;
		r.p.i += 2; /* "||" */
	}
	/* node-semver collapses a range with a "*" set to just "*", which
	 * then rejects prereleases unless includePrerelease is set */
	if (out && v)
		*out = star ? r.incpr || v->pre_len == 0 : any_set;
	return 0;
}
