/* pep440.c - PEP 440 versions and specifier sets (see pep440.h).
 *
 * The parser accepts exactly what pypa/packaging's Version regex accepts
 * (ASCII only), keeping pointers into the text instead of normalising it.
 * Specifiers follow packaging's SpecifierSet.contains() for a single
 * candidate, which is our question ("is THIS installed version in the
 * range?"): PEP 440 says pre-releases are excluded unless the specifier
 * names one or no other candidate exists, and with one candidate that
 * exception always applies, so pre-releases match whenever they are inside
 * the bounds. The special cases kept are the ones that shape the bounds:
 * "<V" excludes V's pre-releases unless V is one, ">V" excludes V's
 * post-releases and local versions, "==V"/"!=V"/"<=V" ignore the local
 * label unless V has one.
 */
#include "pep440.h"

#include <string.h>

#include "core/i18n.h"
#include "version/scheme_util.h"

enum {
	OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE, OP_COMPAT,
	OP_EQ_STAR, OP_NE_STAR, OP_ARBITRARY
};

static const ym_pep440_num num_zero = { "0", 1 };

typedef struct parser {
	const char *s;
	size_t len;
	size_t i;
	ym_version_syntax *syn;
} parser;

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static bool is_alnum(char c)
{
	char l = lower(c);

	return is_digit(c) || (l >= 'a' && l <= 'z');
}

/* Length of the white space character at s[i], 0 if none. packaging's \s
 * and strip() follow Python's str.isspace(), which includes \x1c-\x1f and
 * Unicode spaces (here in UTF-8). */
static size_t space_len(const char *s, size_t n, size_t i)
{
	const unsigned char *u = (const unsigned char *)s + i;
	unsigned cp;

	if (i >= n)
		return 0;
	if (u[0] == ' ' || (u[0] >= '\t' && u[0] <= '\r') ||
	    (u[0] >= 0x1c && u[0] <= 0x1f))
		return 1;
	if (n - i >= 2 && u[0] == 0xc2 && (u[1] == 0x85 || u[1] == 0xa0))
		return 2;
	if (n - i < 3 || (u[0] & 0xf0) != 0xe0 || (u[1] & 0xc0) != 0x80 ||
	    (u[2] & 0xc0) != 0x80)
		return 0;
	cp = (u[0] & 0x0fu) << 12 | (u[1] & 0x3fu) << 6 | (u[2] & 0x3fu);
	if (cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200a) || cp == 0x2028 ||
	    cp == 0x2029 || cp == 0x202f || cp == 0x205f || cp == 0x3000)
		return 3;
	return 0;
}

/* Skips white space in s[*i..end). */
static void skip_space(const char *s, size_t end, size_t *i)
{
	size_t k;

	while ((k = space_len(s, end, *i)) != 0)
		*i += k;
}

static bool is_sep(char c)
{
	return c == '-' || c == '_' || c == '.';
}

static char peek_at(const parser *p, size_t i)
{
	return i < p->len ? p->s[i] : '\0';
}

static int pfail(parser *p, size_t pos, const char *why)
{
	if (p->syn) {
		p->syn->pos = pos;
		p->syn->why = why;
	}
	return -1;
}

/* Digits at p->i (possibly none: *out stays "0"). */
static size_t read_digits(parser *p, ym_pep440_num *out)
{
	size_t start = p->i;

	while (p->i < p->len && is_digit(p->s[p->i]))
		p->i++;
	*out = num_zero;
	if (p->i > start) {
		out->p = p->s + start;
		out->n = p->i - start;
		while (out->n > 1 && *out->p == '0') {
			out->p++;
			out->n--;
		}
	}
	return p->i - start;
}

/* Case-insensitive keyword at i; returns its length or 0. */
static size_t keyword(const parser *p, size_t i, const char *kw)
{
	size_t n, k;

	if (i >= p->len || lower(p->s[i]) != kw[0])
		return 0;
	n = strlen(kw);
	if (p->len - i < n)
		return 0;
	for (k = 0; k < n; k++)
		if (lower(p->s[i + k]) != kw[k])
			return 0;
	return n;
}

/* "[-_.]? label [-_.]? digits?" for the labels of one segment, tried in
 * packaging's regex order (longest spelling first, so no backtracking is
 * needed). Returns the index of the label matched, or -1. */
static int labelled(parser *p, const char *const *labels, int nlabels,
		    ym_pep440_num *num)
{
	size_t i = p->i, n = 0;
	int k;

	if (i < p->len && is_sep(p->s[i]))
		i++;
	for (k = 0; k < nlabels; k++) {
		n = keyword(p, i, labels[k]);
		if (n)
			break;
	}
	if (k == nlabels)
		return -1;
	p->i = i + n;
	/* the separator is consumed even without digits: "1.0a." is 1.0a0 */
	if (p->i < p->len && is_sep(p->s[p->i]))
		p->i++;
	read_digits(p, num);
	return k;
}

static int parse_local(parser *p, ym_pep440 *out)
{
	size_t start = p->i;

	for (;;) {
		size_t part = p->i;

		while (p->i < p->len && is_alnum(p->s[p->i]))
			p->i++;
		if (p->i == part)
			return pfail(p, part, NULL);
		if (p->i >= p->len || !is_sep(p->s[p->i]))
			break;
		p->i++;
	}
	out->local = p->s + start;
	out->local_len = p->i - start;
	return 0;
}

static int parse_at(parser *p, ym_pep440 *out)
{
	static const char *const pre_labels[] = {
		"alpha", "a", "beta", "b", "preview", "pre", "c", "rc"
	};
	static const int pre_kinds[] = {
		YM_PEP440_PRE_A, YM_PEP440_PRE_A, YM_PEP440_PRE_B,
		YM_PEP440_PRE_B, YM_PEP440_PRE_RC, YM_PEP440_PRE_RC,
		YM_PEP440_PRE_RC, YM_PEP440_PRE_RC
	};
	static const char *const post_labels[] = { "post", "rev", "r" };
	static const char *const dev_labels[] = { "dev" };
	ym_pep440_num first;
	size_t start;
	int k;

	memset(out, 0, sizeof *out);
	out->epoch = num_zero;
	skip_space(p->s, p->len, &p->i);
	if (lower(peek_at(p, p->i)) == 'v')
		p->i++;
	start = p->i;
	if (read_digits(p, &first) == 0)
		return pfail(p, p->i, NULL);
	if (peek_at(p, p->i) == '!') {
		out->epoch = first;
		p->i++;
		start = p->i;
		if (read_digits(p, &first) == 0)
			return pfail(p, p->i, NULL);
	}
	out->nrel = 1;
	while (peek_at(p, p->i) == '.' && is_digit(peek_at(p, p->i + 1))) {
		p->i++;
		read_digits(p, &first);
		out->nrel++;
	}
	out->rel = p->s + start;
	out->rel_len = p->i - start;

	k = labelled(p, pre_labels, 8, &out->pre);
	if (k >= 0)
		out->pre_kind = pre_kinds[k];
	if (peek_at(p, p->i) == '-' && is_digit(peek_at(p, p->i + 1))) {
		/* "1.0-1" is an implicit post-release */
		p->i++;
		read_digits(p, &out->post);
		out->has_post = true;
	} else if (labelled(p, post_labels, 3, &out->post) >= 0) {
		out->has_post = true;
	}
	if (labelled(p, dev_labels, 1, &out->dev) >= 0)
		out->has_dev = true;
	if (peek_at(p, p->i) == '+') {
		p->i++;
		if (parse_local(p, out))
			return -1;
	}
	return 0;
}

int ym_pep440_parse(const char *s, size_t len, ym_pep440 *out,
		    ym_version_syntax *syn)
{
	parser p = { s, len, 0, syn };

	if (parse_at(&p, out))
		return -1;
	skip_space(s, len, &p.i);
	if (p.i != len)
		return pfail(&p, p.i, NULL);
	return 0;
}

/* Next release component at *i, or "0" past the end (trailing zeros do
 * not count: 1.0 == 1.0.0). */
static void rel_next(const ym_pep440 *v, size_t *i, const char **d,
		     size_t *n)
{
	size_t start = *i;

	if (start >= v->rel_len) {
		*d = "0";
		*n = 1;
		return;
	}
	while (*i < v->rel_len && v->rel[*i] != '.')
		(*i)++;
	*d = v->rel + start;
	*n = *i - start;
	(*i)++;
}

/* Compares the first k release components (zero-padded). */
static int rel_cmp(const ym_pep440 *a, const ym_pep440 *b, size_t k)
{
	size_t ia = 0, ib = 0, idx;

	for (idx = 0; idx < k; idx++) {
		const char *da, *db;
		size_t na, nb;
		int c;

		if (ia >= a->rel_len && ib >= b->rel_len)
			return 0;
		rel_next(a, &ia, &da, &na);
		rel_next(b, &ib, &db, &nb);
		c = ym_version_digits_cmp(da, na, db, nb);
		if (c != 0)
			return c;
	}
	return 0;
}

static int num_cmp(const ym_pep440_num *a, const ym_pep440_num *b)
{
	return ym_version_digits_cmp(a->p, a->n, b->p, b->n);
}

/* packaging's key for the pre-release slot: a dev release without pre or
 * post sorts before every pre-release (1.0.dev0 < 1.0a0), a final after. */
static int pre_rank(const ym_pep440 *v)
{
	if (v->pre_kind != YM_PEP440_PRE_NONE)
		return 1;
	return !v->has_post && v->has_dev ? 0 : 2;
}

/* Local segment parts at *i: numeric parts sort above alphanumeric ones,
 * which compare case-insensitively; a shorter prefix sorts first. */
static int local_cmp(const ym_pep440 *a, const ym_pep440 *b)
{
	size_t i = 0, j = 0;

	for (;;) {
		size_t i0 = i, j0 = j, an, bn, k;
		bool ad = true, bd = true;

		if (i >= a->local_len || j >= b->local_len)
			return (i < a->local_len) - (j < b->local_len);
		while (i < a->local_len && !is_sep(a->local[i]))
			ad &= is_digit(a->local[i++]);
		while (j < b->local_len && !is_sep(b->local[j]))
			bd &= is_digit(b->local[j++]);
		an = i - i0;
		bn = j - j0;
		if (ad && bd) {
			int c = ym_version_digits_cmp(a->local + i0, an,
						      b->local + j0, bn);

			if (c != 0)
				return c;
		} else if (ad != bd) {
			return ad ? 1 : -1;
		} else {
			for (k = 0; k < an && k < bn; k++) {
				char x = lower(a->local[i0 + k]);
				char y = lower(b->local[j0 + k]);

				if (x != y)
					return x < y ? -1 : 1;
			}
			if (an != bn)
				return an < bn ? -1 : 1;
		}
		i++;
		j++;
	}
}

/* Public part only (epoch, release, pre, post, dev). */
static int public_cmp(const ym_pep440 *a, const ym_pep440 *b)
{
	int c = num_cmp(&a->epoch, &b->epoch);
	int ra, rb;

	if (c == 0)
		c = rel_cmp(a, b, (size_t)-1);
	if (c != 0)
		return c;
	ra = pre_rank(a);
	rb = pre_rank(b);
	if (ra != rb)
		return ra < rb ? -1 : 1;
	if (ra == 1) {
		if (a->pre_kind != b->pre_kind)
			return a->pre_kind < b->pre_kind ? -1 : 1;
		c = num_cmp(&a->pre, &b->pre);
		if (c != 0)
			return c;
	}
	if (a->has_post != b->has_post)
		return a->has_post ? 1 : -1;
	if (a->has_post && (c = num_cmp(&a->post, &b->post)) != 0)
		return c;
	if (a->has_dev != b->has_dev)
		return a->has_dev ? -1 : 1;
	if (a->has_dev)
		return num_cmp(&a->dev, &b->dev);
	return 0;
}

int ym_pep440_cmp(const ym_pep440 *a, const ym_pep440 *b)
{
	int c = public_cmp(a, b);

	if (c != 0)
		return c;
	if (!a->local || !b->local)
		return (a->local != NULL) - (b->local != NULL);
	return local_cmp(a, b);
}

/* --- normalised form --- */

typedef struct out_buf {
	char *p;
	size_t cap;
	size_t len;
} out_buf;

static void put(out_buf *o, const char *s, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++, o->len++)
		if (o->len + 1 < o->cap)
			o->p[o->len] = s[k];
}

static void put_str(out_buf *o, const char *s)
{
	put(o, s, strlen(s));
}

size_t ym_pep440_format(const ym_pep440 *v, char *out, size_t cap)
{
	static const char *const pre_names[] = { "", "a", "b", "rc" };
	out_buf o = { out, cap, 0 };
	size_t i = 0;

	if (!(v->epoch.n == 1 && v->epoch.p[0] == '0')) {
		put(&o, v->epoch.p, v->epoch.n);
		put_str(&o, "!");
	}
	while (i < v->rel_len) {
		const char *d;
		size_t n;

		if (i > 0)
			put_str(&o, ".");
		rel_next(v, &i, &d, &n);
		while (n > 1 && *d == '0') {
			d++;
			n--;
		}
		put(&o, d, n);
	}
	if (v->pre_kind != YM_PEP440_PRE_NONE) {
		put_str(&o, pre_names[v->pre_kind]);
		put(&o, v->pre.p, v->pre.n);
	}
	if (v->has_post) {
		put_str(&o, ".post");
		put(&o, v->post.p, v->post.n);
	}
	if (v->has_dev) {
		put_str(&o, ".dev");
		put(&o, v->dev.p, v->dev.n);
	}
	if (v->local) {
		size_t j = 0;

		put_str(&o, "+");
		while (j < v->local_len) {
			size_t j0 = j, n;
			bool digits = true;

			while (j < v->local_len && !is_sep(v->local[j]))
				digits &= is_digit(v->local[j++]);
			n = j - j0;
			if (j0 > 0)
				put_str(&o, ".");
			if (digits) {
				while (n > 1 && v->local[j0] == '0') {
					j0++;
					n--;
				}
				put(&o, v->local + j0, n);
			} else {
				for (; j0 < j; j0++) {
					char c = lower(v->local[j0]);

					put(&o, &c, 1);
				}
			}
			j++;
		}
	}
	if (o.cap > 0)
		o.p[o.len < o.cap ? o.len : o.cap - 1] = '\0';
	return o.len;
}

/* --- specifiers --- */

/* Same epoch, release (zero-padded) and pre-release as V. */
static bool same_base_pre(const ym_pep440 *v, const ym_pep440 *V)
{
	return num_cmp(&v->epoch, &V->epoch) == 0 &&
	       rel_cmp(v, V, (size_t)-1) == 0 && v->pre_kind == V->pre_kind &&
	       (v->pre_kind == YM_PEP440_PRE_NONE ||
		num_cmp(&v->pre, &V->pre) == 0);
}

static bool spec_match(int op, const ym_pep440 *v, const ym_pep440 *V)
{
	ym_pep440 w;
	int c;

	switch (op) {
	case OP_GE:
		return ym_pep440_cmp(v, V) >= 0;
	case OP_LE:
		return public_cmp(v, V) <= 0;
	case OP_EQ:
		return V->local ? ym_pep440_cmp(v, V) == 0
				: public_cmp(v, V) == 0;
	case OP_NE:
		return !spec_match(OP_EQ, v, V);
	case OP_LT:
		/* <V is <V.dev0 unless V is a pre-release itself */
		w = *V;
		w.local = NULL;
		w.local_len = 0;
		if (w.pre_kind == YM_PEP440_PRE_NONE && !w.has_dev) {
			w.has_dev = true;
			w.dev = num_zero;
		}
		return ym_pep440_cmp(v, &w) < 0;
	case OP_GT:
		/* after V.devN or V.postN only V's local versions lie before
		 * the next release; after a final or pre-release V also its
		 * post-releases, which PEP 440 excludes */
		if (V->has_dev || V->has_post)
			return public_cmp(v, V) > 0;
		if (ym_pep440_cmp(v, V) <= 0)
			return false;
		return !(same_base_pre(v, V) && (!v->has_dev || v->has_post));
	case OP_COMPAT:
		/* ~=X.Y.Z: >=X.Y.Z, ==X.Y.* */
		if (ym_pep440_cmp(v, V) < 0 ||
		    num_cmp(&v->epoch, &V->epoch) != 0)
			return false;
		return rel_cmp(v, V, V->nrel - 1) <= 0;
	case OP_EQ_STAR:
		c = num_cmp(&v->epoch, &V->epoch);
		return c == 0 && rel_cmp(v, V, V->nrel) == 0;
	case OP_NE_STAR:
		return !spec_match(OP_EQ_STAR, v, V);
	default:
		return false;
	}
}

static bool ieq(const char *a, size_t an, const char *b, size_t bn)
{
	size_t k;

	if (an != bn)
		return false;
	for (k = 0; k < an; k++)
		if (lower(a[k]) != lower(b[k]))
			return false;
	return true;
}

static int parse_op(parser *p)
{
	static const struct {
		const char *s;
		int op;
	} ops[] = {
		{ "===", OP_ARBITRARY }, { "==", OP_EQ }, { "!=", OP_NE },
		{ "~=", OP_COMPAT }, { "<=", OP_LE }, { ">=", OP_GE },
		{ "<", OP_LT }, { ">", OP_GT }
	};
	size_t k;

	for (k = 0; k < sizeof ops / sizeof ops[0]; k++) {
		size_t n = strlen(ops[k].s);

		if (p->len - p->i >= n &&
		    memcmp(p->s + p->i, ops[k].s, n) == 0) {
			p->i += n;
			return ops[k].op;
		}
	}
	return -1;
}

/* One specifier in s[i..end); evaluates it when v is set. */
static int parse_spec(parser *p, size_t end, const ym_pep440 *v,
		      const char *vtext, size_t vlen, bool *ok,
		      bool *needs_version)
{
	size_t tok, tok_end, k;
	ym_pep440 V;
	parser sub;
	int op = parse_op(p);

	if (op < 0)
		return pfail(p, p->i, N_("expected an operator such as >="));
	skip_space(p->s, end, &p->i);
	tok = p->i;
	while (p->i < end && space_len(p->s, end, p->i) == 0)
		p->i++;
	tok_end = p->i;
	skip_space(p->s, end, &p->i);
	if (p->i != end)
		return pfail(p, p->i, NULL);
	if (op == OP_ARBITRARY) {
		/* packaging's "===" takes anything but ';' and ')' */
		for (k = tok; k < tok_end; k++)
			if (p->s[k] == ';' || p->s[k] == ')')
				return pfail(p, k, NULL);
		*ok = ieq(vtext, vlen, p->s + tok, tok_end - tok);
		return 0;
	}
	*needs_version = true;
	if (tok_end - tok >= 2 && p->s[tok_end - 1] == '*' &&
	    p->s[tok_end - 2] == '.') {
		if (op != OP_EQ && op != OP_NE)
			return pfail(p, tok_end - 2,
				    N_("'.*' is only allowed with == and !="));
		op = op == OP_EQ ? OP_EQ_STAR : OP_NE_STAR;
		tok_end -= 2;
	}
	sub.s = p->s;
	sub.len = tok_end;
	sub.i = tok;
	sub.syn = p->syn;
	if (parse_at(&sub, &V))
		return -1;
	if (sub.i != tok_end)
		return pfail(p, sub.i, NULL);
	if ((op == OP_EQ_STAR || op == OP_NE_STAR) &&
	    (V.pre_kind || V.has_post || V.has_dev || V.local))
		return pfail(p, tok_end,
			    N_("'.*' must follow the release segment"));
	if (V.local && op != OP_EQ && op != OP_NE)
		return pfail(p, (size_t)(V.local - p->s) - 1,
			    N_("a local version is only allowed with == "
			       "and !="));
	if (op == OP_COMPAT && V.nrel < 2)
		return pfail(p, tok,
			    N_("'~=' needs at least two release numbers"));
	if (v)
		*ok = spec_match(op, v, &V);
	return 0;
}

int ym_pep440_range_contains(const char *spec, size_t len,
			     const ym_pep440 *v, const char *vtext,
			     size_t vlen, bool *out, bool *needs_version,
			     ym_version_syntax *syn)
{
	parser p = { spec, len, 0, syn };
	bool all = true, any_spec = false, needs = false;

	while (p.i <= len) {
		size_t end = p.i;
		bool ok = true;

		while (end < len && spec[end] != ',')
			end++;
		skip_space(spec, end, &p.i);
		if (p.i < end) {
			any_spec = true;
			if (parse_spec(&p, end, v, vtext, vlen, &ok, &needs))
				return -1;
			if (!ok)
				all = false;
		}
		p.i = end + 1;
	}
	if (!any_spec)
		needs = true;
	if (needs_version)
		*needs_version = needs;
	if (out)
		*out = all;
	return 0;
}
