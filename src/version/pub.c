/* pub.c - Dart pub versions and constraints (see pub.h).
 *
 * Versions follow dart-lang/pub_semver (lib/src/version.dart): SemVer
 * 2.0.0 syntax MAJOR.MINOR.PATCH[-pre][+build], identifiers of
 * [0-9A-Za-z-] separated by dots. Order (Version.compareTo): the release
 * numbers, then a pre-release before its release, pre-release identifiers
 * pairwise (numbers by value and below words, words in ASCII order, fewer
 * identifiers first), and then, unlike SemVer, build metadata: no build
 * before a build, build identifiers compared like pre-release ones
 * (1.0.0 < 1.0.0+1 < 1.0.0+a). An identifier is a number when it is all
 * digits (leading zeros allowed, 007 == 7).
 *
 * Beyond pub_semver, for version strings found in OSV data: a leading "v"
 * is ignored and one to eight release numbers are accepted, missing ones
 * counting as zero (1.2 == 1.2.0); numbers have any length. pub_semver's
 * quirks of Dart's int.tryParse are not copied: identifiers such as "0x1f"
 * or "-1" are words, and numbers above 2^63 stay numbers.
 *
 * Constraints follow VersionConstraint.parse(): "any"; "^V" alone, which
 * is >=V <N-0 where N is V's next breaking version (major + 1, or minor + 1
 * below 1.0.0); otherwise a blank-separated (or unseparated) list of
 * versions and <, <=, >, >= comparators, all of which must hold. As in
 * VersionRange, an exclusive upper bound that is not a pre-release and has
 * no build excludes its own pre-releases (<2.0.0 is <2.0.0-0) unless the
 * lower bound is a pre-release of the same version.
 */
#include "pub.h"

#include <string.h>

#include "core/i18n.h"
#include "version/scheme_util.h"

static const ym_pub_num num_zero = { "0", 1, false };

static bool is_ident(char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'z') ||
	       (c >= 'A' && c <= 'Z') || c == '-';
}

/* Dot-separated identifiers at s[*i..len); returns -1 on an empty one. */
static int parse_idents(const char *s, size_t len, size_t *i,
			ym_version_syntax *syn)
{
	for (;;) {
		size_t start = *i;

		while (*i < len && is_ident(s[*i]))
			(*i)++;
		if (*i == start)
			return fail(syn, *i, NULL);
		if (*i >= len || s[*i] != '.')
			return 0;
		(*i)++;
	}
}

int ym_pub_parse(const char *s, size_t len, ym_pub *out,
		 ym_version_syntax *syn)
{
	size_t i = 0, start;

	memset(out, 0, sizeof *out);
	if (len > 1 && s[0] == 'v' && is_digit(s[1]))
		i = 1;
	for (;;) {
		ym_pub_num *n;

		start = i;
		while (i < len && is_digit(s[i]))
			i++;
		if (i == start)
			return fail(syn, i, NULL);
		if (out->nrel == YM_PUB_MAX_REL)
			return fail(syn, start, N_("more than 8 numbers"));
		n = &out->rel[out->nrel++];
		while (i - start > 1 && s[start] == '0')
			start++;
		n->p = s + start;
		n->n = i - start;
		n->inc = false;
		if (i >= len || s[i] != '.')
			break;
		i++;
	}
	if (i < len && s[i] == '-') {
		start = ++i;
		if (parse_idents(s, len, &i, syn))
			return -1;
		out->pre = s + start;
		out->pre_len = i - start;
	}
	if (i < len && s[i] == '+') {
		start = ++i;
		if (parse_idents(s, len, &i, syn))
			return -1;
		out->build = s + start;
		out->build_len = i - start;
	}
	if (i != len)
		return fail(syn, i, NULL);
	return 0;
}

static int digits_cmp(const char *a, size_t an, const char *b, size_t bn)
{
	int c;

	if (an != bn)
		return an < bn ? -1 : 1;
	c = memcmp(a, b, an);
	return (c > 0) - (c < 0);
}

/* Whether b == a + 1 (both without leading zeros). */
static bool is_successor(const char *a, size_t an, const char *b, size_t bn)
{
	size_t k = an, i;

	while (k > 0 && a[k - 1] == '9')
		k--;
	if (k == 0) {
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
static int succ_cmp(const ym_pub_num *a, const ym_pub_num *b)
{
	if (digits_cmp(a->p, a->n, b->p, b->n) >= 0)
		return 1;
	return is_successor(a->p, a->n, b->p, b->n) ? 0 : -1;
}

static int num_cmp(const ym_pub_num *a, const ym_pub_num *b)
{
	if (a->inc == b->inc)
		return digits_cmp(a->p, a->n, b->p, b->n);
	return a->inc ? succ_cmp(a, b) : -succ_cmp(b, a);
}

static int rel_cmp(const ym_pub *a, const ym_pub *b)
{
	unsigned n = a->nrel > b->nrel ? a->nrel : b->nrel, k;

	for (k = 0; k < n; k++) {
		int c = num_cmp(k < a->nrel ? &a->rel[k] : &num_zero,
				k < b->nrel ? &b->rel[k] : &num_zero);

		if (c != 0)
			return c;
	}
	return 0;
}

static bool all_digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!is_digit(s[i]))
			return false;
	return true;
}

/* One identifier: numbers by value below words, words in byte order. */
static int ident_cmp(const char *a, size_t an, const char *b, size_t bn)
{
	bool ad = all_digits(a, an), bd = all_digits(b, bn);
	size_t m = an < bn ? an : bn;
	int c;

	if (ad && bd) {
		while (an > 1 && *a == '0') {
			a++;
			an--;
		}
		while (bn > 1 && *b == '0') {
			b++;
			bn--;
		}
		return digits_cmp(a, an, b, bn);
	}
	if (ad != bd)
		return ad ? -1 : 1;
	c = memcmp(a, b, m);
	if (c != 0)
		return c < 0 ? -1 : 1;
	return an < bn ? -1 : an > bn;
}

/* Version._compareLists over two dot-separated lists, both non-empty. */
static int list_cmp(const char *a, size_t an, const char *b, size_t bn)
{
	size_t i = 0, j = 0;

	for (;;) {
		size_t i0 = i, j0 = j;
		int c;

		if (i >= an || j >= bn)
			return (i < an) - (j < bn);
		while (i < an && a[i] != '.')
			i++;
		while (j < bn && b[j] != '.')
			j++;
		c = ident_cmp(a + i0, i - i0, b + j0, j - j0);
		if (c != 0)
			return c;
		i++;
		j++;
	}
}

int ym_pub_cmp(const ym_pub *a, const ym_pub *b)
{
	int c = rel_cmp(a, b);

	if (c != 0)
		return c;
	if (a->pre_len == 0 || b->pre_len == 0) {
		if (a->pre_len != b->pre_len)
			return a->pre_len == 0 ? 1 : -1;
	} else if ((c = list_cmp(a->pre, a->pre_len, b->pre,
				 b->pre_len)) != 0) {
		return c;
	}
	if (a->build_len == 0 || b->build_len == 0)
		return (a->build_len != 0) - (b->build_len != 0);
	return list_cmp(a->build, a->build_len, b->build, b->build_len);
}

/* --- constraints --- */

typedef struct bound {
	bool set;
	bool incl;
	ym_pub v;
} bound;

static void first_pre(ym_pub *v)
{
	v->pre = "0";
	v->pre_len = 1;
	v->build = NULL;
	v->build_len = 0;
}

/* Version.nextBreaking.firstPreRelease. */
static void next_breaking(const ym_pub *v, ym_pub *out)
{
	const ym_pub_num *maj = v->nrel > 0 ? &v->rel[0] : &num_zero;
	const ym_pub_num *min = v->nrel > 1 ? &v->rel[1] : &num_zero;

	memset(out, 0, sizeof *out);
	out->nrel = 3;
	out->rel[0] = *maj;
	out->rel[1] = num_zero;
	out->rel[2] = num_zero;
	if (maj->n == 1 && maj->p[0] == '0') {
		out->rel[1] = *min;
		out->rel[1].inc = true;
	} else {
		out->rel[0].inc = true;
	}
	first_pre(out);
}

/* A version token at *i (up to a blank or an operator). */
static int version_at(const char *s, size_t len, size_t *i, ym_pub *v,
		      ym_version_syntax *syn)
{
	size_t start = *i, k;

	while (*i < len && (is_ident(s[*i]) || s[*i] == '.' || s[*i] == '+'))
		(*i)++;
	if (*i == start)
		return fail(syn, start, N_("missing version"));
	if (ym_pub_parse(s + start, *i - start, v, syn) == 0)
		return 0;
	if (syn) {
		k = syn->pos;
		syn->pos = start + k;
	}
	return -1;
}

static bool same_release(const ym_pub *a, const ym_pub *b)
{
	return rel_cmp(a, b) == 0;
}

int ym_pub_range_contains(const char *range, size_t len, const ym_pub *v,
			  bool *out, ym_version_syntax *syn)
{
	size_t a = 0, b = len, i;
	bound lo = { false, false, { 0 } }, hi = { false, false, { 0 } };
	bool ok;

	while (a < b && is_blank(range[a]))
		a++;
	while (b > a && is_blank(range[b - 1]))
		b--;
	if (b - a == 3 && memcmp(range + a, "any", 3) == 0) {
		if (out && v)
			*out = true;
		return 0;
	}
	if (a == b)
		return fail(syn, a, N_("empty constraint"));
	i = a;
	if (range[i] == '^') {
		i++;
		while (i < b && is_blank(range[i]))
			i++;
		if (version_at(range, b, &i, &lo.v, syn))
			return -1;
		if (i != b)
			return fail(syn, i,
				    N_("\"^\" cannot be combined with other "
				       "constraints"));
		next_breaking(&lo.v, &hi.v);
		if (out && v)
			*out = ym_pub_cmp(v, &lo.v) >= 0 &&
			       ym_pub_cmp(v, &hi.v) < 0;
		return 0;
	}
	while (i < b) {
		char c = range[i];
		bound nl = { false, true, { 0 } }, nh = { false, true, { 0 } };

		if (is_blank(c)) {
			i++;
			continue;
		}
		if (c == '<' || c == '>') {
			bool eq = i + 1 < b && range[i + 1] == '=';
			bound *nb = c == '<' ? &nh : &nl;

			i += eq ? 2 : 1;
			while (i < b && is_blank(range[i]))
				i++;
			if (version_at(range, b, &i, &nb->v, syn))
				return -1;
			nb->set = true;
			nb->incl = eq;
		} else if (is_digit(c) || c == 'v') {
			if (version_at(range, b, &i, &nl.v, syn))
				return -1;
			nh.v = nl.v;
			nl.set = nh.set = true;
		} else {
			return fail(syn, i, NULL);
		}
		if (nl.set) {
			int d = lo.set ? ym_pub_cmp(&nl.v, &lo.v) : 1;

			if (d > 0)
				lo = nl;
			else if (d == 0 && !nl.incl)
				lo.incl = false;
		}
		if (nh.set) {
			int d = hi.set ? ym_pub_cmp(&nh.v, &hi.v) : -1;

			if (d < 0)
				hi = nh;
			else if (d == 0 && !nh.incl)
				hi.incl = false;
		}
	}
	if (!out || !v)
		return 0;
	if (lo.set && hi.set) {
		int d = ym_pub_cmp(&lo.v, &hi.v);

		if (d > 0 || (d == 0 && !(lo.incl && hi.incl))) {
			*out = false;
			return 0;
		}
	}
	/* VersionRange(): "<V" excludes V's pre-releases */
	if (hi.set && !hi.incl && hi.v.pre_len == 0 && hi.v.build_len == 0 &&
	    (!lo.set || lo.v.pre_len == 0 || !same_release(&lo.v, &hi.v)))
		first_pre(&hi.v);
	ok = true;
	if (lo.set) {
		int d = ym_pub_cmp(v, &lo.v);

		ok = d > 0 || (d == 0 && lo.incl);
	}
	if (ok && hi.set) {
		int d = ym_pub_cmp(v, &hi.v);

		ok = d < 0 || (d == 0 && hi.incl);
	}
	*out = ok;
	return 0;
}
