/* conan.c - Conan versions and version ranges (see conan.h).
 *
 * Versions follow Conan 2's conans.model.version.Version (as ported by
 * aboutcode univers): Conan does not enforce SemVer, any string is a
 * version. The text after the last '+' is the build, the text before it
 * up to the last '-' the pre-release (both versions of their own, "1.0-"
 * has an empty pre-release), the rest the main part: items separated by
 * dots, an item of digits being a number (any length, 007 == 7) and
 * anything else a word. Trailing zero numbers do not count (1 == 1.0.0).
 * Order: the main items pairwise, a shorter list first; with equal main
 * items a pre-release comes first; two pre-releases compare their
 * pre-release parts; then no build before a build, builds compared as
 * versions: 1.1-alpha.3 < 1.1-alpha.22 < 1.1 < 1.1+b1 < 1.2.
 *
 * Items: numbers by value; words in byte order. Conan compares a number
 * with a word by their texts, which is not transitive (9 < 10, 10 <
 * "10a", "10a" < 9); we keep its answer where it is consistent: a word
 * below '0' ('*', '-', empty) is below every number, a word above '9'
 * (letters) above every number, and a word starting with digits sorts by
 * the value of those digits, after the number of that value (9 < 10 <
 * "10a" < 11, where Conan puts "10a" below 9). Allowed characters: any
 * printable ASCII except blanks and , | < > = ^ ~ ( ) [ ] " '.
 *
 * Ranges follow Conan's VersionRange: "||" separates alternatives, blanks
 * separate the conditions of one (all must hold); conditions are >, >=,
 * <, <=, = (or none), "*" (any), "~V" (>=V and below V with its second
 * item, or its only one, plus one), "^V" (>=V and below V with its first
 * non-zero item plus one); those upper bounds end in "-", so they exclude
 * the pre-releases of the bound (^1.2 is >=1.2 <2-). A pre-release only
 * matches an alternative with a condition ending in '-' (">1- <2") or when
 * ", include_prerelease" follows the expression. An empty range matches
 * every version that is not a pre-release.
 */
#include "conan.h"

#include <string.h>

#include "core/i18n.h"
#include "version/scheme_util.h"

/* Bounds computed by ~ and ^ are written here; longer ones are errors. */
#define BOUND_MAX 128

static bool is_vchar(char c)
{
	return c > ' ' && c < 0x7f && !strchr(",|<>=^~()[]\"'", c);
}

/* Splits s[0..len) into main, pre-release and build (no checks). */
static void split(const char *s, size_t len, ym_conan *out)
{
	size_t i;

	memset(out, 0, sizeof *out);
	for (i = len; i > 0; i--)
		if (s[i - 1] == '+')
			break;
	if (i > 0) {
		out->has_build = true;
		out->build = s + i;
		out->build_len = len - i;
		len = i - 1;
	}
	for (i = len; i > 0; i--)
		if (s[i - 1] == '-')
			break;
	if (i > 0) {
		out->has_pre = true;
		out->pre = s + i;
		out->pre_len = len - i;
		len = i - 1;
	}
	out->main = s;
	out->main_len = len;
}

int ym_conan_parse(const char *s, size_t len, ym_conan *out,
		   ym_version_syntax *syn)
{
	size_t i;

	if (len == 0)
		return fail(syn, 0, NULL);
	for (i = 0; i < len; i++)
		if (!is_vchar(s[i]))
			return fail(syn, i, NULL);
	split(s, len, out);
	return 0;
}

/* Item classes: words below '0', numbers and words starting with digits,
 * words above '9'. */
static int item_cmp(const char *a, size_t an, const char *b, size_t bn)
{
	int ca = an == 0 || a[0] < '0' ? 0 : a[0] <= '9' ? 1 : 2;
	int cb = bn == 0 || b[0] < '0' ? 0 : b[0] <= '9' ? 1 : 2;
	size_t da = 0, db = 0, m;
	int c;

	if (ca != cb)
		return ca < cb ? -1 : 1;
	if (ca == 1) {
		const char *pa = a, *pb = b;
		size_t na, nb;

		while (da < an && is_digit(a[da]))
			da++;
		while (db < bn && is_digit(b[db]))
			db++;
		na = da;
		nb = db;
		while (na > 1 && *pa == '0') {
			pa++;
			na--;
		}
		while (nb > 1 && *pb == '0') {
			pb++;
			nb--;
		}
		if (na != nb)
			return na < nb ? -1 : 1;
		c = memcmp(pa, pb, na);
		if (c != 0)
			return c < 0 ? -1 : 1;
		a += da;
		an -= da;
		b += db;
		bn -= db;
	}
	m = an < bn ? an : bn;
	c = memcmp(a, b, m);
	if (c != 0)
		return c < 0 ? -1 : 1;
	return (an > bn) - (an < bn);
}

static bool is_zero_item(const char *p, size_t n)
{
	size_t i;

	if (n == 0)
		return false;
	for (i = 0; i < n; i++)
		if (p[i] != '0')
			return false;
	return true;
}

/* Length of s[0..n) without trailing ".0" items (the first item stays). */
static size_t nonzero_len(const char *s, size_t n)
{
	for (;;) {
		size_t i = n;

		while (i > 0 && s[i - 1] != '.')
			i--;
		if (!is_zero_item(s + i, n - i))
			return n;
		if (i == 0)
			return 0;
		n = i - 1;
	}
}

/* Dot-separated item lists, trailing zeros dropped, a prefix first. An
 * empty text is one empty item, "0" no item at all. */
static int items_cmp(const char *a, size_t an, const char *b, size_t bn)
{
	size_t i = 0, j = 0;
	bool ea = an > 0 && (an = nonzero_len(a, an)) == 0;
	bool eb = bn > 0 && (bn = nonzero_len(b, bn)) == 0;

	for (;;) {
		size_t i0 = i, j0 = j;
		int c;

		if (ea || eb)
			return (!ea) - (!eb);
		while (i < an && a[i] != '.')
			i++;
		while (j < bn && b[j] != '.')
			j++;
		c = item_cmp(a + i0, i - i0, b + j0, j - j0);
		if (c != 0)
			return c;
		ea = i >= an;
		eb = j >= bn;
		i++;
		j++;
	}
}

static int version_cmp(const ym_conan *a, const ym_conan *b, int depth);

/* A pre-release or build text as a version of its own. */
static int nested_cmp(const char *a, size_t an, const char *b, size_t bn,
		      int depth)
{
	ym_conan x, y;

	split(a, an, &x);
	split(b, bn, &y);
	return version_cmp(&x, &y, depth + 1);
}

static int version_cmp(const ym_conan *a, const ym_conan *b, int depth)
{
	int c = items_cmp(a->main, a->main_len, b->main, b->main_len);

	if (c != 0)
		return c;
	if (a->has_pre != b->has_pre)
		return a->has_pre ? -1 : 1;
	if (a->has_pre && depth < 2) {
		c = nested_cmp(a->pre, a->pre_len, b->pre, b->pre_len, depth);
		if (c != 0)
			return c;
	}
	if (a->has_build != b->has_build)
		return a->has_build ? 1 : -1;
	if (a->has_build && depth < 2)
		return nested_cmp(a->build, a->build_len, b->build,
				  b->build_len, depth);
	return 0;
}

int ym_conan_cmp(const ym_conan *a, const ym_conan *b)
{
	return version_cmp(a, b, 0);
}

/* --- ranges --- */

enum { OP_EQ, OP_LT, OP_LE, OP_GT, OP_GE };

typedef struct rctx {
	const char *s;
	const ym_conan *v;
	ym_version_syntax *syn;
} rctx;

static bool holds(const ym_conan *v, int op, const ym_conan *b)
{
	int c = ym_conan_cmp(v, b);

	switch (op) {
	case OP_LT: return c < 0;
	case OP_LE: return c <= 0;
	case OP_GT: return c > 0;
	case OP_GE: return c >= 0;
	default: return c == 0;
	}
}

/* Version.upper_bound(index): the first index items, the next one plus
 * one, then "-"; written to buf. */
static int upper_bound(rctx *r, size_t at, const ym_conan *base, int index,
		       char *buf, ym_conan *out)
{
	const char *m = base->main;
	size_t n = base->main_len, i = 0, start, len = 0, k;
	int item = 0;

	for (;;) {
		start = i;
		while (i < n && m[i] != '.')
			i++;
		if (item == index)
			break;
		if (i >= n)
			return fail(r->syn, at, N_("no item to increment"));
		i++;
		item++;
	}
	for (k = start; k < i; k++)
		if (!is_digit(m[k]))
			return fail(r->syn, at,
				    N_("cannot increment a word"));
	if (i == start)
		return fail(r->syn, at, N_("cannot increment a word"));
	while (i - start > 1 && m[start] == '0')
		start++;
	if (start + (i - start) + 3 > BOUND_MAX)
		return fail(r->syn, at, N_("version too long for a bound"));
	memcpy(buf, m, start);
	len = start;
	/* start..i plus one */
	{
		size_t d = i - start, carry = 1;

		memcpy(buf + len, m + start, d);
		for (k = d; k > 0 && carry; k--) {
			if (buf[len + k - 1] == '9') {
				buf[len + k - 1] = '0';
			} else {
				buf[len + k - 1]++;
				carry = 0;
			}
		}
		if (carry) {
			memmove(buf + len + 1, buf + len, d);
			buf[len] = '1';
			d++;
		}
		len += d;
	}
	buf[len++] = '-';
	split(buf, len, out);
	return 0;
}

static int first_nonzero(const ym_conan *v)
{
	const char *m = v->main;
	size_t n = v->main_len, i = 0;
	int item = 0;

	for (;;) {
		size_t start = i;

		while (i < n && m[i] != '.')
			i++;
		if (!is_zero_item(m + start, i - start))
			return item;
		if (i >= n)
			return item + 1;
		i++;
		item++;
	}
}

static int main_items(const ym_conan *v)
{
	size_t i;
	int n = 1;

	for (i = 0; i < v->main_len; i++)
		if (v->main[i] == '.')
			n++;
	return n;
}

/* One condition s[a..b) of an alternative; *sat &= whether it holds. */
static int condition(rctx *r, size_t a, size_t b, bool *sat)
{
	const char *s = r->s;
	size_t i = a;
	int op = OP_EQ;
	char c = a < b ? s[a] : '\0';
	ym_conan bound, hi;
	char buf[BOUND_MAX];

	if (a == b || (b - a == 1 && c == '*')) {
		/* ">=0.0.0" */
		split("0.0.0", 5, &bound);
		if (r->v)
			*sat = *sat && holds(r->v, OP_GE, &bound);
		return 0;
	}
	if (c == '>' || c == '<') {
		bool eq = a + 1 < b && s[a + 1] == '=';

		op = c == '>' ? (eq ? OP_GE : OP_GT) : (eq ? OP_LE : OP_LT);
		i += eq ? 2 : 1;
	} else if (c == '^' || c == '~' || c == '=') {
		i++;
	}
	if (i == b)
		return fail(r->syn, i, N_("missing version"));
	if (ym_conan_parse(s + i, b - i, &bound, NULL)) {
		size_t k;

		for (k = i; k < b && is_vchar(s[k]); k++)
			;
		return fail(r->syn, k, NULL);
	}
	if (c == '~' || c == '^') {
		int index = c == '~' ? (main_items(&bound) > 1 ? 1 : 0) :
				       first_nonzero(&bound);

		if (upper_bound(r, i, &bound, index, buf, &hi))
			return -1;
		if (r->v)
			*sat = *sat && holds(r->v, OP_GE, &bound) &&
			       holds(r->v, OP_LT, &hi);
		return 0;
	}
	if (r->v)
		*sat = *sat && holds(r->v, op, &bound);
	return 0;
}

int ym_conan_range_contains(const char *range, size_t len,
			    const ym_conan *v, bool *out,
			    ym_version_syntax *syn)
{
	rctx r = { range, v, syn };
	size_t end = len, i, k;
	bool pre_all = false, any = false;

	/* ", include_prerelease" and other options after the first comma */
	for (i = 0; i < len; i++)
		if (range[i] == ',')
			break;
	if (i < len) {
		end = i;
		for (k = i + 1; k + 18 <= len; k++)
			if (memcmp(range + k, "include_prerelease", 18) == 0)
				pre_all = true;
	}
	i = 0;
	for (;;) {
		bool sat = true, pre = pre_all;

		for (;;) {
			size_t a, b;

			while (i < end && is_blank(range[i]))
				i++;
			if (i >= end || (range[i] == '|' && i + 1 < end &&
					 range[i + 1] == '|'))
				break;
			a = i;
			while (i < end && !is_blank(range[i]) &&
			       !(range[i] == '|' && i + 1 < end &&
				 range[i + 1] == '|'))
				i++;
			b = i;
			/* a trailing '-' lets pre-releases in */
			if (range[b - 1] == '-') {
				pre = true;
				b--;
			}
			if (condition(&r, a, b, &sat))
				return -1;
		}
		if (v && sat && (!v->has_pre || pre))
			any = true;
		if (i >= end)
			break;
		i += 2;
	}
	if (out && v)
		*out = any;
	return 0;
}
