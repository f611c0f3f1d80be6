/* openssl.c - OpenSSL versions and affected-version lists (openssl.h).
 *
 * OpenSSL numbered its releases MAJOR.MINOR.FIX plus patch letters until
 * 1.1.1 (0.9.8za, 1.0.2zc, 1.1.1w; OpenSSL's release policy) and uses
 * SemVer from 3.0.0 on. The order is the one of the purl "vers" openssl
 * scheme as aboutcode univers implements it:
 *   - a version with a major number below 3 is a legacy version:
 *     three numbers, lower-case letters, then optionally '-' and a
 *     suffix of letters, digits, '.' and '-' (0.9.6-cvs, 0.9.7-beta3,
 *     1.0.2zc-dev); they compare by the three numbers, then a suffix
 *     starting "-alpha" or "-beta" (a pre-release) before the others,
 *     then the letters and suffix as a byte string (0.9.6 < 0.9.6-cvs <
 *     0.9.6a < 0.9.8z < 0.9.8za, 1.0.2zc < 1.0.2zc-dev < 1.0.2zd);
 *   - from 3 on a version is strict SemVer 2.0.0 (semver.c) and compares
 *     by SemVer precedence; every legacy version is below every such one.
 * Numbers have any length. Unlike univers, legacy versions are not
 * checked against the list of real OpenSSL branches (1.2.4a is accepted).
 *
 * Ranges: OpenSSL's advisories list affected versions; a range is such a
 * comma-separated list where each item is a version or blank-separated
 * comparators (=, !=, <, <=, >, >=) that must all hold, and one item must
 * hold: "1.0.1b, >=1.0.2 <1.0.2k, 3.0.0".
 */
#include "openssl.h"

#include <string.h>

#include "core/i18n.h"
#include "version/scheme_util.h"

static bool is_lower(char c)
{
	return c >= 'a' && c <= 'z';
}

static int digits_cmp(const char *a, size_t an, const char *b, size_t bn)
{
	int c;

	if (an != bn)
		return an < bn ? -1 : 1;
	c = memcmp(a, b, an);
	return (c > 0) - (c < 0);
}

int ym_openssl_parse(const char *s, size_t len, ym_openssl *out,
		     ym_version_syntax *syn)
{
	size_t i = 0, start;
	int k;

	memset(out, 0, sizeof *out);
	start = i;
	while (i < len && is_digit(s[i]))
		i++;
	if (i == start)
		return fail(syn, i, NULL);
	while (i - start > 1 && s[start] == '0')
		start++;
	if (digits_cmp(s + start, i - start, "3", 1) >= 0)
		return ym_semver_parse(s, len, 0, &out->sv, syn);
	out->legacy = true;
	for (k = 0;; k++) {
		out->n[k] = s + start;
		out->n_len[k] = i - start;
		if (k == 2)
			break;
		if (i >= len || s[i] != '.')
			return fail(syn, i, NULL);
		start = ++i;
		while (i < len && is_digit(s[i]))
			i++;
		if (i == start)
			return fail(syn, i, NULL);
		while (i - start > 1 && s[start] == '0')
			start++;
	}
	start = i;
	while (i < len && is_lower(s[i]))
		i++;
	if (i < len && s[i] == '-') {
		size_t d = ++i;

		while (i < len && (is_digit(s[i]) || is_lower(s[i]) ||
				   (s[i] >= 'A' && s[i] <= 'Z') ||
				   s[i] == '.' || s[i] == '-'))
			i++;
		if (i == d)
			return fail(syn, i, NULL);
	}
	if (i != len)
		return fail(syn, i, NULL);
	out->patch = s + start;
	out->patch_len = len - start;
	return 0;
}

static bool is_pre(const ym_openssl *v)
{
	return (v->patch_len >= 6 && memcmp(v->patch, "-alpha", 6) == 0) ||
	       (v->patch_len >= 5 && memcmp(v->patch, "-beta", 5) == 0);
}

int ym_openssl_cmp(const ym_openssl *a, const ym_openssl *b)
{
	size_t m;
	int k, c;
	bool pa, pb;

	if (a->legacy != b->legacy)
		return a->legacy ? -1 : 1;
	if (!a->legacy)
		return ym_semver_cmp(&a->sv, &b->sv);
	for (k = 0; k < 3; k++) {
		c = digits_cmp(a->n[k], a->n_len[k], b->n[k], b->n_len[k]);
		if (c != 0)
			return c;
	}
	pa = is_pre(a);
	pb = is_pre(b);
	if (pa != pb)
		return pa ? -1 : 1;
	m = a->patch_len < b->patch_len ? a->patch_len : b->patch_len;
	c = memcmp(a->patch, b->patch, m);
	if (c != 0)
		return c < 0 ? -1 : 1;
	return (a->patch_len > b->patch_len) - (a->patch_len < b->patch_len);
}

enum { OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE };

int ym_openssl_range_contains(const char *range, size_t len,
			      const ym_openssl *v, bool *out,
			      ym_version_syntax *syn)
{
	size_t i = 0;
	bool any = false, all = true, empty = true;

	for (;;) {
		size_t start;
		int op = OP_EQ, c;
		char a, b;
		ym_openssl bound;
		ym_version_syntax vs;

		while (i < len && is_blank(range[i]))
			i++;
		if (i == len || range[i] == ',') {
			if (empty)
				return fail(syn, i, N_("empty constraint"));
			any = any || all;
			if (i == len)
				break;
			i++;
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
		}
		while (i < len && is_blank(range[i]))
			i++;
		start = i;
		while (i < len && !is_blank(range[i]) && range[i] != ',')
			i++;
		if (i == start)
			return fail(syn, i, N_("missing version"));
		if (ym_openssl_parse(range + start, i - start, &bound, &vs))
			return fail(syn, start + vs.pos, vs.why);
		empty = false;
		if (!v)
			continue;
		c = ym_openssl_cmp(v, &bound);
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
