/* alpm.c - pacman's version comparison (libalpm alpm_pkg_vercmp).
 *
 * A version is [epoch:]version[-release]. Epochs, versions and releases
 * are compared segment by segment: runs of digits (numerically) or of
 * letters (byte order) separated by other characters; a longer separator
 * run is newer; digits beat letters; when one side runs out, a remaining
 * letter segment is older and anything else newer. A release is compared
 * only when both versions have one, so "1.5" equals "1.5-1" and "1.5-2"
 * although those two differ: pacman's order is not transitive there, and
 * yamori gives pacman's answers.
 */
#include "version/alpm.h"

#include <string.h>

#include "core/i18n.h"
#include "version/scheme_util.h"

static bool is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_alnum(char c)
{
	return is_digit(c) || is_alpha(c);
}

/* pacman's rpmvercmp on a[0..an) and b[0..bn). */
static int segcmp(const char *a, size_t an, const char *b, size_t bn)
{
	size_t i = 0, j = 0;
	if (an == bn && memcmp(a, b, an) == 0)
		return 0;
	while (i < an && j < bn) {
		size_t si = i, sj = j;
		while (i < an && !is_alnum(a[i]))
			i++;
		while (j < bn && !is_alnum(b[j]))
			j++;
		if (i == an || j == bn)
			break;
		/* different separator runs decide on their own */
		if (i - si != j - sj)
			return i - si < j - sj ? -1 : 1;
		size_t ei = i, ej = j;
		bool num = is_digit(a[i]);
		if (num) {
			while (ei < an && is_digit(a[ei]))
				ei++;
			while (ej < bn && is_digit(b[ej]))
				ej++;
		} else {
			while (ei < an && is_alpha(a[ei]))
				ei++;
			while (ej < bn && is_alpha(b[ej]))
				ej++;
		}
		/* a number against letters: the number is newer */
		if (ej == j)
			return num ? 1 : -1;
		int c;
		if (num) {
			c = ym_version_digits_cmp(a + i, ei - i, b + j, ej - j);
		} else {
			size_t la = ei - i, lb = ej - j;
			c = memcmp(a + i, b + j, la < lb ? la : lb);
			if (c == 0 && la != lb)
				c = la < lb ? -1 : 1;
			c = (c > 0) - (c < 0);
		}
		if (c)
			return c;
		i = ei;
		j = ej;
	}
	if (i == an && j == bn)
		return 0;
	/* a remaining letter segment never beats the end */
	if ((i == an && !is_alpha(b[j])) || (i < an && is_alpha(a[i])))
		return -1;
	return 1;
}

int ym_alpm_parse(const char *s, size_t len, ym_alpm *out,
		  ym_version_syntax *syn)
{
	memset(out, 0, sizeof *out);
	if (len == 0) {
		if (syn) {
			syn->pos = 0;
			syn->why = N_("empty version");
		}
		return -1;
	}
	for (size_t k = 0; k < len; k++) {
		if ((unsigned char)s[k] <= ' ' || s[k] == 0x7f) {
			if (syn) {
				syn->pos = k;
				syn->why = NULL;
			}
			return -1;
		}
	}
	size_t e = 0;
	while (e < len && is_digit(s[e]))
		e++;
	size_t vstart = 0;
	if (e < len && s[e] == ':') {
		out->epoch = s;
		out->epoch_len = e;
		vstart = e + 1;
	}
	size_t dash = len;
	for (size_t k = len; k > vstart; k--)
		if (s[k - 1] == '-') {
			dash = k - 1;
			break;
		}
	out->version = s + vstart;
	out->version_len = dash - vstart;
	if (dash < len) {
		out->release = s + dash + 1;
		out->release_len = len - dash - 1;
	}
	if (out->version_len == 0) {
		if (syn) {
			syn->pos = vstart;
			syn->why = N_("empty version");
		}
		return -1;
	}
	return 0;
}

int ym_alpm_cmp(const ym_alpm *a, const ym_alpm *b)
{
	const char *ea = a->epoch && a->epoch_len ? a->epoch : "0";
	const char *eb = b->epoch && b->epoch_len ? b->epoch : "0";
	size_t ean = a->epoch && a->epoch_len ? a->epoch_len : 1;
	size_t ebn = b->epoch && b->epoch_len ? b->epoch_len : 1;
	int c = segcmp(ea, ean, eb, ebn);
	if (c)
		return c;
	c = segcmp(a->version, a->version_len, b->version, b->version_len);
	if (c || !a->release || !b->release)
		return c;
	return segcmp(a->release, a->release_len, b->release, b->release_len);
}

int ym_alpm_range_contains(const char *range, size_t len, const ym_alpm *v,
			   bool *out, ym_version_syntax *syn)
{
	size_t i = 0;
	bool all = true;
	for (;;) {
		while (i < len && range[i] == ' ')
			i++;
		size_t op_at = i;
		int op = 0; /* 1 <, 2 <=, 3 =, 4 >=, 5 > */
		if (i + 1 < len && range[i] == '<' && range[i + 1] == '=')
			op = 2, i += 2;
		else if (i + 1 < len && range[i] == '>' && range[i + 1] == '=')
			op = 4, i += 2;
		else if (i < len && range[i] == '<')
			op = 1, i++;
		else if (i < len && range[i] == '>')
			op = 5, i++;
		else if (i < len && range[i] == '=')
			op = 3, i++;
		else
			op = 3;
		while (i < len && range[i] == ' ')
			i++;
		size_t vs = i;
		while (i < len && range[i] != ',' && range[i] != ' ')
			i++;
		ym_alpm bound;
		ym_version_syntax bsyn = {0, NULL};
		if (ym_alpm_parse(range + vs, i - vs, &bound, &bsyn)) {
			if (syn) {
				syn->pos = vs + bsyn.pos;
				syn->why = vs == i ? N_("expected a version")
						   : bsyn.why;
			}
			(void)op_at;
			return -1;
		}
		if (v) {
			int c = ym_alpm_cmp(v, &bound);
			bool ok = op == 1 ? c < 0 : op == 2 ? c <= 0
				: op == 3 ? c == 0 : op == 4 ? c >= 0 : c > 0;
			all = all && ok;
		}
		while (i < len && range[i] == ' ')
			i++;
		if (i == len)
			break;
		if (range[i] != ',') {
			if (syn) {
				syn->pos = i;
				syn->why = NULL;
			}
			return -1;
		}
		i++;
	}
	if (out)
		*out = all;
	return 0;
}
