/* gentoo.c - Gentoo ebuild versions and comparator lists (see gentoo.h).
 *
 * Versions and their order follow the Package Manager Specification (PMS,
 * section 3.2 "Version Specifications" and 3.3 "Version Comparison"):
 * numeric components separated by dots, an optional lower-case letter,
 * any number of suffixes _alpha, _beta, _pre, _rc, _p each with an
 * optional number, and an optional revision -rN:
 *   - the first components compare as integers; each later pair compares
 *     as integers too, unless either starts with '0', in which case both,
 *     with trailing zeros removed, compare as strings (1.01 < 1.1, 1.001 <
 *     1.0011); more components win (5 < 5.0, 1.0 < 1.0.0);
 *   - then the letter (none < a < z), 1.1 < 1.1b < 1.1.0;
 *   - then the suffixes pairwise: _alpha < _beta < _pre < _rc < _p, equal
 *     kinds by number (none = 0); when one version has more, its next
 *     suffix decides: _p is above nothing, the others below (1.0_rc1 <
 *     1.0 < 1.0_p1);
 *   - then the revision as an integer (none = 0, so 1.0-r0 == 1.0).
 * Numbers have any length and compare exactly.
 *
 * Ranges are comparator lists as Gentoo's atom operators write them:
 * "<", "<=", "=" (or none), "!=", ">=", ">" and "~" (the same version in
 * any revision), separated by blanks or commas (all must hold), and "||"
 * between alternatives (one must hold): ">=1.2 <1.4_rc1 || ~2.0". The
 * "=V*" prefix form of atoms is not supported.
 */
#include "gentoo.h"

#include <string.h>

#include "core/i18n.h"
#include "version/scheme_util.h"

enum { S_ALPHA, S_BETA, S_PRE, S_RC, S_P };

static const char *const suffixes[] = { "alpha", "beta", "pre", "rc", "p" };

/* The suffix kind at s[i..len) (after '_'), with *n its length. */
static int suffix_at(const char *s, size_t len, size_t i, size_t *n)
{
	int k;

	/* "pre" before "p" */
	for (k = S_ALPHA; k <= S_RC; k++) {
		size_t w = strlen(suffixes[k]);

		if (len - i >= w && memcmp(s + i, suffixes[k], w) == 0) {
			*n = w;
			return k;
		}
	}
	if (i < len && s[i] == 'p') {
		*n = 1;
		return S_P;
	}
	return -1;
}

int ym_gentoo_parse(const char *s, size_t len, ym_gentoo *out,
		    ym_version_syntax *syn)
{
	size_t i = 0, start;

	memset(out, 0, sizeof *out);
	for (;;) {
		start = i;
		while (i < len && is_digit(s[i]))
			i++;
		if (i == start)
			return fail(syn, i, NULL);
		if (i + 1 >= len || s[i] != '.' || !is_digit(s[i + 1]))
			break;
		i++;
	}
	out->num = s;
	out->num_len = i;
	if (i < len && s[i] >= 'a' && s[i] <= 'z')
		out->letter = s[i++];
	start = i;
	while (i < len && s[i] == '_') {
		size_t n;

		if (suffix_at(s, len, i + 1, &n) < 0)
			return fail(syn, i + 1, N_("unknown suffix"));
		i += 1 + n;
		while (i < len && is_digit(s[i]))
			i++;
	}
	if (i > start) {
		out->suf = s + start;
		out->suf_len = i - start;
	}
	if (i < len && s[i] == '-') {
		if (i + 2 >= len || s[i + 1] != 'r' || !is_digit(s[i + 2]))
			return fail(syn, i + 1, N_("expected a revision -rN"));
		i += 2;
		out->rev = s + i;
		while (i < len && is_digit(s[i]))
			i++;
		out->rev_len = (size_t)(s + i - out->rev);
	}
	if (i != len)
		return fail(syn, i, NULL);
	return 0;
}

/* Integers given as digit strings (leading zeros ignored, "" is 0). */
static int int_cmp(const char *a, size_t an, const char *b, size_t bn)
{
	int c;

	while (an > 0 && *a == '0') {
		a++;
		an--;
	}
	while (bn > 0 && *b == '0') {
		b++;
		bn--;
	}
	if (an != bn)
		return an < bn ? -1 : 1;
	c = memcmp(a, b, an);
	return (c > 0) - (c < 0);
}

/* Strings in byte order, a prefix first. */
static int str_cmp(const char *a, size_t an, const char *b, size_t bn)
{
	int c = memcmp(a, b, an < bn ? an : bn);

	if (c != 0)
		return c < 0 ? -1 : 1;
	return (an > bn) - (an < bn);
}

/* The next dot-separated component at *i of s[0..n); false at the end. */
static bool next_comp(const char *s, size_t n, size_t *i, const char **p,
		      size_t *pn)
{
	size_t start = *i;

	if (start >= n)
		return false;
	while (*i < n && s[*i] != '.')
		(*i)++;
	*p = s + start;
	*pn = *i - start;
	(*i)++;
	return true;
}

/* PMS algorithms 3.2 and 3.3. */
static int num_cmp(const ym_gentoo *a, const ym_gentoo *b)
{
	size_t i = 0, j = 0;
	bool first = true;

	for (;;) {
		const char *p, *q;
		size_t pn, qn;
		bool ha = next_comp(a->num, a->num_len, &i, &p, &pn);
		bool hb = next_comp(b->num, b->num_len, &j, &q, &qn);
		int c;

		if (!ha || !hb)
			return ha - hb;
		if (first || (p[0] != '0' && q[0] != '0')) {
			c = int_cmp(p, pn, q, qn);
		} else {
			while (pn > 0 && p[pn - 1] == '0')
				pn--;
			while (qn > 0 && q[qn - 1] == '0')
				qn--;
			c = str_cmp(p, pn, q, qn);
		}
		if (c != 0)
			return c;
		first = false;
	}
}

/* The next suffix at *i: its kind, with its number in d[0..dn). */
static int next_suffix(const ym_gentoo *v, size_t *i, const char **d,
		       size_t *dn)
{
	size_t n = 0;
	int k;

	if (!v->suf || *i >= v->suf_len)
		return -1;
	k = suffix_at(v->suf, v->suf_len, *i + 1, &n);
	*i += 1 + n;
	*d = v->suf + *i;
	while (*i < v->suf_len && is_digit(v->suf[*i]))
		(*i)++;
	*dn = (size_t)(v->suf + *i - *d);
	return k;
}

/* PMS algorithms 3.5 and 3.6. */
static int suffix_cmp(const ym_gentoo *a, const ym_gentoo *b)
{
	size_t i = 0, j = 0;

	for (;;) {
		const char *p = NULL, *q = NULL;
		size_t pn = 0, qn = 0;
		int ka = next_suffix(a, &i, &p, &pn);
		int kb = next_suffix(b, &j, &q, &qn);
		int c;

		if (ka < 0 && kb < 0)
			return 0;
		if (ka < 0)
			return kb == S_P ? -1 : 1;
		if (kb < 0)
			return ka == S_P ? 1 : -1;
		if (ka != kb)
			return ka < kb ? -1 : 1;
		c = int_cmp(p, pn, q, qn);
		if (c != 0)
			return c;
	}
}

static int upto_rev_cmp(const ym_gentoo *a, const ym_gentoo *b)
{
	int c = num_cmp(a, b);

	if (c == 0 && a->letter != b->letter)
		c = (unsigned char)a->letter < (unsigned char)b->letter ? -1 :
									    1;
	if (c == 0)
		c = suffix_cmp(a, b);
	return c;
}

int ym_gentoo_cmp(const ym_gentoo *a, const ym_gentoo *b)
{
	int c = upto_rev_cmp(a, b);

	if (c != 0)
		return c;
	return int_cmp(a->rev ? a->rev : "", a->rev_len, b->rev ? b->rev : "",
		       b->rev_len);
}

/* --- ranges --- */

enum { OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE, OP_TILDE };

int ym_gentoo_range_contains(const char *range, size_t len,
			     const ym_gentoo *v, bool *out,
			     ym_version_syntax *syn)
{
	size_t i = 0;
	bool any = false, all = true, empty = true;

	for (;;) {
		size_t start;
		int op = OP_EQ, c;
		char a, b;
		ym_gentoo bound;
		ym_version_syntax vs;

		while (i < len && (is_blank(range[i]) || range[i] == ','))
			i++;
		if (i == len || (range[i] == '|' && i + 1 < len &&
				 range[i + 1] == '|')) {
			if (empty)
				return fail(syn, i, N_("empty constraint"));
			any = any || all;
			if (i == len)
				break;
			i += 2;
			all = true;
			empty = true;
			continue;
		}
		a = range[i];
		b = i + 1 < len ? range[i + 1] : '\0';
		if ((a == '<' || a == '>') && b == '=') {
			op = a == '<' ? OP_LE : OP_GE;
			i += 2;
		} else if (a == '<' || a == '>') {
			op = a == '<' ? OP_LT : OP_GT;
			i++;
		} else if (a == '!' && b == '=') {
			op = OP_NE;
			i += 2;
		} else if (a == '=') {
			i += b == '=' ? 2 : 1;
		} else if (a == '~') {
			op = OP_TILDE;
			i++;
		}
		while (i < len && is_blank(range[i]))
			i++;
		start = i;
		while (i < len && !is_blank(range[i]) && range[i] != ',' &&
		       range[i] != '|')
			i++;
		if (i == start)
			return fail(syn, i, N_("missing version"));
		if (ym_gentoo_parse(range + start, i - start, &bound, &vs))
			return fail(syn, start + vs.pos, vs.why);
		empty = false;
		if (!v)
			continue;
		c = op == OP_TILDE ? upto_rev_cmp(v, &bound) :
				     ym_gentoo_cmp(v, &bound);
		switch (op) {
		case OP_NE: all = all && c != 0; break;
		case OP_LT: all = all && c < 0; break;
		case OP_LE: all = all && c <= 0; break;
		case OP_GT: all = all && c > 0; break;
		case OP_GE: all = all && c >= 0; break;
		default: all = all && c == 0; break;
		}
	}
	if (out && v)
		*out = any;
	return 0;
}
