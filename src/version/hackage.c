/* hackage.c - Cabal versions and version ranges (see hackage.h).
 *
 * Versions are Cabal's Version (Cabal-syntax Distribution.Types.Version):
 * one or more non-negative numbers separated by dots, each without
 * leading zeros and at most 9 digits long (Cabal's versionDigitParser).
 * They compare as lists: number by number, and a version that is a prefix
 * of another is lower (1.0 < 1.0.0 < 1.0.1). The deprecated "-tag"
 * suffixes that old Cabal accepted with a warning are rejected.
 *
 * Ranges follow Cabal's versionRangeParser (Cabal-syntax
 * Distribution.Types.VersionRange.Parsec): comparisons ==V, >V, >=V, <V,
 * <=V; ==V.* (>=V && <V with its last number + 1: ==1.2.* is >=1.2 &&
 * <1.3); ^>=V (>=V && <the major bound: ^>=1.2.3 is >=1.2.3 && <1.3, ^>=1
 * is >=1 && <1.1); version sets ==, ^>= { V, V } (one of them); &&
 * binding tighter than ||; parentheses; blanks anywhere between tokens;
 * and the "-any" / "-none" of cabal-version before 3.4. Parentheses nest
 * at most 64 deep.
 */
#include "hackage.h"

#include <stdint.h>
#include <string.h>

#include "core/i18n.h"
#include "version/scheme_util.h"

/* Numbers of a range operand; Cabal's are below 10^9. */
#define HMAX 64
#define MAX_DEPTH 64

/* versionDigitParser at s[*i]: stores the value in *out. */
static int digit_at(const char *s, size_t len, size_t *i, uint32_t *out,
		    ym_version_syntax *syn)
{
	size_t start = *i;
	uint32_t v = 0;

	while (*i < len && is_digit(s[*i])) {
		v = v * 10 + (uint32_t)(s[*i] - '0');
		(*i)++;
		if (*i - start > 9)
			return fail(syn, start,
				    N_("more than 9 digits in a number"));
	}
	if (*i == start)
		return fail(syn, start, NULL);
	if (*i - start > 1 && s[start] == '0')
		return fail(syn, start, N_("leading zero in a number"));
	if (out)
		*out = v;
	return 0;
}

int ym_hackage_parse(const char *s, size_t len, ym_hackage *out,
		     ym_version_syntax *syn)
{
	size_t i = 0;

	for (;;) {
		if (digit_at(s, len, &i, NULL, syn))
			return -1;
		if (i == len)
			break;
		if (s[i] != '.')
			return fail(syn, i, NULL);
		i++;
	}
	out->s = s;
	out->len = len;
	return 0;
}

/* The next number at *i; false at the end. */
static bool next_num(const ym_hackage *v, size_t *i, const char **p,
		     size_t *n)
{
	size_t start = *i;

	if (start >= v->len)
		return false;
	while (*i < v->len && v->s[*i] != '.')
		(*i)++;
	*p = v->s + start;
	*n = *i - start;
	(*i)++;
	return true;
}

int ym_hackage_cmp(const ym_hackage *a, const ym_hackage *b)
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

/* --- ranges --- */

/* A range operand (values may reach 10^9 after an increment). */
typedef struct hver {
	unsigned n;
	uint32_t c[HMAX];
} hver;

typedef struct parser {
	const char *s;
	size_t len;
	size_t i;
	int depth;
	const ym_hackage *v; /* NULL: syntax only */
	ym_version_syntax *syn;
} parser;

static void skip_blanks(parser *p)
{
	while (p->i < p->len && is_blank(p->s[p->i]))
		p->i++;
}

/* Compares the candidate with an operand. */
static int cmp_op(const ym_hackage *v, const hver *b)
{
	size_t i = 0;
	unsigned k;

	for (k = 0;; k++) {
		uint32_t x = 0;

		if (i >= v->len || k >= b->n)
			return (i < v->len) - (k < b->n);
		while (i < v->len && v->s[i] != '.')
			x = x * 10 + (uint32_t)(v->s[i++] - '0');
		i++;
		if (x != b->c[k])
			return x < b->c[k] ? -1 : 1;
	}
}

/* A version, or with wild set a "V.*" wildcard, at p->i; nowild says why
 * a wildcard is refused when wild is NULL. */
static int parse_ver(parser *p, hver *out, bool *wild, const char *nowild)
{
	out->n = 0;
	if (wild)
		*wild = false;
	for (;;) {
		if (out->n == HMAX)
			return fail(p->syn, p->i, N_("more than 64 numbers"));
		if (digit_at(p->s, p->len, &p->i, &out->c[out->n], p->syn))
			return -1;
		out->n++;
		if (p->i >= p->len || p->s[p->i] != '.')
			return 0;
		p->i++;
		if (p->i < p->len && p->s[p->i] == '*') {
			if (!wild)
				return fail(p->syn, p->i, nowild);
			p->i++;
			*wild = true;
			return 0;
		}
	}
}

enum { OP_EQ, OP_LT, OP_LE, OP_GT, OP_GE, OP_MAJOR };

static bool holds(const ym_hackage *v, int op, const hver *b, bool wild)
{
	hver up = *b;
	int c = cmp_op(v, b);

	if (wild) {
		/* ==1.2.* := >=1.2 && <1.3 */
		up.c[up.n - 1]++;
		return c >= 0 && cmp_op(v, &up) < 0;
	}
	switch (op) {
	case OP_EQ: return c == 0;
	case OP_LT: return c < 0;
	case OP_LE: return c <= 0;
	case OP_GT: return c > 0;
	case OP_GE: return c >= 0;
	default:
		/* ^>=1 := >=1 && <1.1, ^>=1.2.3 := >=1.2.3 && <1.3 */
		if (up.n == 1) {
			up.c[1] = 1;
			up.n = 2;
		} else {
			up.n = 2;
			up.c[1]++;
		}
		return c >= 0 && cmp_op(v, &up) < 0;
	}
}

/* "{ V, V }" after == or ^>=. */
static int parse_set(parser *p, int op, bool *sat)
{
	*sat = false;
	p->i++;
	for (;;) {
		hver b;

		skip_blanks(p);
		if (parse_ver(p, &b, NULL,
			      N_("wildcard in a version set")))
			return -1;
		if (p->v && holds(p->v, op, &b, false))
			*sat = true;
		skip_blanks(p);
		if (p->i < p->len && p->s[p->i] == ',') {
			p->i++;
			continue;
		}
		if (p->i < p->len && p->s[p->i] == '}') {
			p->i++;
			return 0;
		}
		return fail(p->syn, p->i, NULL);
	}
}

static int parse_prim(parser *p, bool *sat)
{
	size_t start = p->i, n;
	const char *o = p->s + p->i;
	int op;
	hver b;
	bool wild;

	if (p->len - p->i >= 4 && memcmp(o, "-any", 4) == 0) {
		p->i += 4;
		*sat = true;
		return 0;
	}
	if (p->len - p->i >= 5 && memcmp(o, "-none", 5) == 0) {
		p->i += 5;
		*sat = false;
		return 0;
	}
	while (p->i < p->len && strchr("<=>^", p->s[p->i]) && p->s[p->i])
		p->i++;
	n = p->i - start;
	if (n == 0)
		return fail(p->syn, start, NULL);
	if (n == 2 && memcmp(o, "==", 2) == 0)
		op = OP_EQ;
	else if (n == 2 && memcmp(o, ">=", 2) == 0)
		op = OP_GE;
	else if (n == 2 && memcmp(o, "<=", 2) == 0)
		op = OP_LE;
	else if (n == 1 && *o == '>')
		op = OP_GT;
	else if (n == 1 && *o == '<')
		op = OP_LT;
	else if (n == 3 && memcmp(o, "^>=", 3) == 0)
		op = OP_MAJOR;
	else
		return fail(p->syn, start, N_("unknown operator"));
	skip_blanks(p);
	if ((op == OP_EQ || op == OP_MAJOR) && p->i < p->len &&
	    p->s[p->i] == '{')
		return parse_set(p, op, sat);
	if (parse_ver(p, &b, op == OP_EQ ? &wild : NULL,
		      N_("wildcard after an operator other than ==")))
		return -1;
	*sat = p->v && holds(p->v, op, &b, op == OP_EQ && wild);
	return 0;
}

static int parse_expr(parser *p, bool *sat);

static int parse_factor(parser *p, bool *sat)
{
	if (p->i < p->len && p->s[p->i] == '(') {
		if (++p->depth > MAX_DEPTH)
			return fail(p->syn, p->i,
				    N_("parentheses nested too deeply"));
		p->i++;
		if (parse_expr(p, sat))
			return -1;
		if (p->i >= p->len || p->s[p->i] != ')')
			return fail(p->syn, p->i, NULL);
		p->i++;
		p->depth--;
		return 0;
	}
	return parse_prim(p, sat);
}

/* term := factor ("&&" term)? ; expr := term ("||" expr)? */
static int parse_expr(parser *p, bool *sat)
{
	bool any = false;

	for (;;) {
		bool all = true;

		for (;;) {
			bool f;

			skip_blanks(p);
			if (parse_factor(p, &f))
				return -1;
			all = all && f;
			skip_blanks(p);
			if (p->len - p->i < 2 || p->s[p->i] != '&' ||
			    p->s[p->i + 1] != '&')
				break;
			p->i += 2;
		}
		any = any || all;
		if (p->len - p->i < 2 || p->s[p->i] != '|' ||
		    p->s[p->i + 1] != '|')
			break;
		p->i += 2;
	}
	*sat = any;
	return 0;
}

int ym_hackage_range_contains(const char *range, size_t len,
			      const ym_hackage *v, bool *out,
			      ym_version_syntax *syn)
{
	parser p = { range, len, 0, 0, v, syn };
	bool sat;

	if (parse_expr(&p, &sat))
		return -1;
	if (p.i != len)
		return fail(syn, p.i, NULL);
	if (out && v)
		*out = sat;
	return 0;
}
