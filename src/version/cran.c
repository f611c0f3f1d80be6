/* cran.c - R package versions and comparator lists (see cran.h).
 *
 * Versions are R's package_version (base R, numeric_version(): "a
 * sequence of at least two non-negative integers separated by single '.'
 * or '-' characters", the strict form R uses for packages): 1.0, 0.3-2,
 * 1.2.3.4. They compare number by number by value (0.01 == 0.1; '.' and
 * '-' are the same), and a version that is a prefix of another is lower
 * (1.0 < 1.0-0 < 1.0.1), as R's comparison of the encoded versions does.
 *
 * Ranges are what a DESCRIPTION file writes in "Depends: pkg (>= 1.2)",
 * extended to a comma-separated list that must all hold: each item is
 * an operator (>=, >, <=, <, ==, !=; none means ==) and a version, blanks
 * anywhere between items, operators and versions.
 */
#include "cran.h"

#include <string.h>

#include "core/i18n.h"
#include "version/scheme_util.h"

int ym_cran_parse(const char *s, size_t len, ym_cran *out,
		  ym_version_syntax *syn)
{
	size_t i = 0;
	unsigned n = 0;

	for (;;) {
		size_t start = i;

		while (i < len && is_digit(s[i]))
			i++;
		if (i == start)
			return fail(syn, i, NULL);
		n++;
		if (i == len)
			break;
		if (s[i] != '.' && s[i] != '-')
			return fail(syn, i, NULL);
		i++;
	}
	if (n < 2)
		return fail(syn, len,
			    N_("a version needs at least two numbers"));
	out->s = s;
	out->len = len;
	return 0;
}

/* The next number at *i (leading zeros skipped); false at the end. */
static bool next_num(const ym_cran *v, size_t *i, const char **p, size_t *n)
{
	size_t start;

	if (*i >= v->len)
		return false;
	start = *i;
	while (*i < v->len && is_digit(v->s[*i]))
		(*i)++;
	while (*i - start > 1 && v->s[start] == '0')
		start++;
	*p = v->s + start;
	*n = *i - start;
	(*i)++;
	return true;
}

int ym_cran_cmp(const ym_cran *a, const ym_cran *b)
{
	size_t i = 0, j = 0;

	for (;;) {
		const char *p, *q;
		size_t pn, qn;
		bool ha = next_num(a, &i, &p, &pn);
		bool hb = next_num(b, &j, &q, &qn);
		int c;

		if (!ha || !hb)
			return ha - hb;
		if (pn != qn)
			return pn < qn ? -1 : 1;
		c = memcmp(p, q, pn);
		if (c != 0)
			return c < 0 ? -1 : 1;
	}
}

enum { OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE };

int ym_cran_range_contains(const char *range, size_t len, const ym_cran *v,
			   bool *out, ym_version_syntax *syn)
{
	size_t i = 0;
	bool all = true;

	for (;;) {
		size_t start;
		int op = OP_EQ, c;
		char a, b;
		ym_cran bound;
		ym_version_syntax vs;

		while (i < len && is_blank(range[i]))
			i++;
		if (i == len || range[i] == ',')
			return fail(syn, i, N_("empty constraint"));
		a = range[i];
		b = i + 1 < len ? range[i + 1] : '\0';
		if ((a == '>' || a == '<') && b == '=') {
			op = a == '>' ? OP_GE : OP_LE;
			i += 2;
		} else if (a == '>' || a == '<') {
			op = a == '>' ? OP_GT : OP_LT;
			i++;
		} else if ((a == '=' || a == '!') && b == '=') {
			op = a == '=' ? OP_EQ : OP_NE;
			i += 2;
		}
		while (i < len && is_blank(range[i]))
			i++;
		start = i;
		while (i < len && range[i] != ',' && !is_blank(range[i]))
			i++;
		if (i == start)
			return fail(syn, i, N_("missing version"));
		if (ym_cran_parse(range + start, i - start, &bound, &vs))
			return fail(syn, start + vs.pos, vs.why);
		if (v) {
			c = ym_cran_cmp(v, &bound);
			switch (op) {
			case OP_EQ: all = all && c == 0; break;
			case OP_NE: all = all && c != 0; break;
			case OP_LT: all = all && c < 0; break;
			case OP_LE: all = all && c <= 0; break;
			case OP_GT: all = all && c > 0; break;
			default: all = all && c >= 0; break;
			}
		}
		while (i < len && is_blank(range[i]))
			i++;
		if (i == len)
			break;
		if (range[i] != ',')
			return fail(syn, i, NULL);
		i++;
	}
	if (out && v)
		*out = all;
	return 0;
}
