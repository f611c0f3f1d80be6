/* gem.c - RubyGems versions and requirements (see gem.h).
 *
 * Versions follow RubyGems' Gem::Version (rubygems/version.rb, RubyGems
 * 3.x): the text must match
 *   digits ( "." [0-9A-Za-z]+ )* ( "-" [0-9A-Za-z-]+ ( "." [0-9A-Za-z-]+ )* )?
 * with blanks around it allowed; every "-" stands for the segment "pre"
 * (RubyGems rewrites "-" as ".pre."). Segments are the runs of digits and
 * the runs of letters. A version with a letter (or "-") is a prerelease.
 * Comparison uses the canonical segments: trailing zero segments are
 * dropped from the leading numeric segments and from the rest, so 1.0.a
 * equals 1.a; then segments compare pairwise, a missing one counting as
 * 0, numbers by value, letters in byte order, letters below numbers
 * (1.0.a < 1.0 < 1.0.1).
 *
 * Requirements follow Gem::Requirement#satisfied_by?: "=", "!=", ">",
 * "<", ">=", "<=" compare, "~> R" means ">= R" and, with the prerelease
 * part of the version dropped, below R's bump (R's numeric segments
 * without the last one, the new last one plus one: ~> 2.2 is below 3,
 * ~> 2.2.0 below 2.3, ~> 2 below 3). Prereleases are not filtered out
 * (that is Gem::Dependency's rule for choosing what to install).
 * RubyGems takes one comparator per string; lists here join them with
 * commas (as GitHub advisories and lockfiles write them) or blanks, and
 * sets with "||" (both as GitLab's advisory database writes them).
 */
#include "gem.h"

#include <string.h>

#include "core/i18n.h"
#include "version/scheme_util.h"

enum { OP_EQ, OP_NE, OP_GT, OP_LT, OP_GE, OP_LE, OP_PESS };

/* One segment: a run of digits, a run of letters or the "pre" of a '-'. */
typedef struct seg {
	const char *p;
	size_t n;
	bool num;
} seg;

static const seg seg_zero = { "0", 1, true };

static bool is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_alnum(char c)
{
	return is_digit(c) || is_alpha(c);
}

/* Ruby's \s. */
/* Reads the segment at or after s[*i] (dots skipped); false at the end. */
static bool scan_seg(const char *s, size_t n, size_t *i, seg *out)
{
	size_t k = *i, start;

	while (k < n && s[k] == '.')
		k++;
	if (k >= n) {
		*i = k;
		return false;
	}
	start = k;
	if (s[k] == '-') {
		out->p = "pre";
		out->n = 3;
		out->num = false;
		*i = k + 1;
		return true;
	}
	out->num = is_digit(s[k]);
	while (k < n && (out->num ? is_digit(s[k]) : is_alpha(s[k])))
		k++;
	out->p = s + start;
	out->n = k - start;
	*i = k;
	return true;
}

/* Next canonical segment of v: the leading numeric segments up to
 * num_end, then everything from str_start. */
static bool next_seg(const ym_gem *v, size_t *i, seg *out)
{
	if (*i >= v->num_end && *i < v->str_start)
		*i = v->str_start;
	return scan_seg(v->p, v->n, i, out);
}

static bool is_zero(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] != '0')
			return false;
	return true;
}

/* End of the run of letters and digits (and '-' when dash) at s[i]. */
static size_t scan_ident(const char *s, size_t n, size_t i, bool dash)
{
	while (i < n && (is_alnum(s[i]) || (dash && s[i] == '-')))
		i++;
	return i;
}

int ym_gem_parse(const char *s, size_t len, ym_gem *out,
		 ym_version_syntax *syn)
{
	size_t b = 0, e = len, i, j;
	bool dash = false;

	while (b < e && is_blank(s[b]))
		b++;
	while (e > b && is_blank(s[e - 1]))
		e--;
	if (b == e)
		return fail(syn, len, NULL);
	out->p = s + b;
	out->n = e - b;
	out->num_end = 0;
	out->str_start = out->n;
	out->prerelease = false;
	/* digits ("." alnum+)* ("-" [alnum-]+ ("." [alnum-]+)*)?; first the
	 * leading numeric segments, noting where their nonzero part ends */
	i = b;
	for (;;) {
		j = i;
		while (i < e && is_digit(s[i]))
			i++;
		if (i > j && !is_zero(s + j, i - j))
			out->num_end = i - b;
		if (i < e && is_alpha(s[i])) {
			if (j == b)
				return fail(syn, i, NULL);
			break;
		}
		if (i == j)
			return fail(syn, i, NULL);
		if (i >= e)
			return 0;
		if (s[i] == '-')
			break;
		if (s[i] != '.')
			return fail(syn, i, NULL);
		i++;
	}
	/* at the first letter or '-': the rest only needs checking */
	out->str_start = i - b;
	out->prerelease = true;
	for (;;) {
		i = scan_ident(s, e, i, dash);
		if (i >= e)
			return 0;
		if (s[i] == '-' && !dash)
			dash = true;
		else if (s[i] != '.')
			return fail(syn, i, NULL);
		i++;
		if (i >= e || !(is_alnum(s[i]) || (dash && s[i] == '-')))
			return fail(syn, i, NULL);
	}
}

static int str_cmp(const seg *a, const seg *b)
{
	size_t m = a->n < b->n ? a->n : b->n;
	int c = memcmp(a->p, b->p, m);

	if (c != 0)
		return c < 0 ? -1 : 1;
	return a->n < b->n ? -1 : a->n > b->n;
}

static int seg_cmp(const seg *a, const seg *b)
{
	if (a->num != b->num)
		return a->num ? 1 : -1;
	if (a->num)
		return ym_version_digits_cmp(a->p, a->n, b->p, b->n);
	return str_cmp(a, b);
}

int ym_gem_cmp(const ym_gem *a, const ym_gem *b)
{
	size_t i = 0, j = 0;

	if (a->n == b->n && memcmp(a->p, b->p, a->n) == 0)
		return 0;
	for (;;) {
		seg x, y;
		bool hx = next_seg(a, &i, &x), hy = next_seg(b, &j, &y);
		int c;

		if (!hx && !hy)
			return 0;
		c = seg_cmp(hx ? &x : &seg_zero, hy ? &y : &seg_zero);
		if (c != 0)
			return c;
	}
}

/* --- requirements --- */

/* Next of the leading numeric segments (before str_start). */
static bool next_num(const ym_gem *v, size_t *i, seg *out)
{
	if (*i >= v->str_start)
		return false;
	return scan_seg(v->p, v->str_start, i, out);
}

/* v.release < r.bump, as Gem::Version defines them. */
static bool release_below_bump(const ym_gem *v, const ym_gem *r)
{
	size_t i = 0, j = 0, m = 0, k, idx;
	seg x, y;

	while (next_num(r, &j, &y))
		m++;
	k = m > 1 ? m - 1 : 1;
	j = 0;
	for (idx = 0; idx < k; idx++) {
		int c;

		if (!next_num(v, &i, &x))
			x = seg_zero;
		next_num(r, &j, &y);
		c = ym_version_digits_cmp(x.p, x.n, y.p, y.n);
		if (idx + 1 < k) {
			if (c != 0)
				return c < 0;
			continue;
		}
		/* the bump ends in y + 1: x < y + 1 iff x <= y, and if
		 * x == y + 1 the rest of v cannot bring it below */
		return c <= 0;
	}
	return false;
}

typedef struct rparser {
	const char *s;
	size_t len;
	size_t i;
	ym_version_syntax *syn;
} rparser;

static size_t skip_blanks(rparser *p)
{
	size_t start = p->i;

	while (p->i < p->len && is_blank(p->s[p->i]))
		p->i++;
	return p->i - start;
}

static bool at_or(const rparser *p)
{
	return p->i + 1 < p->len && p->s[p->i] == '|' &&
	       p->s[p->i + 1] == '|';
}

static int parse_op(rparser *p)
{
	char c = p->i < p->len ? p->s[p->i] : '\0';
	char d = p->i + 1 < p->len ? p->s[p->i + 1] : '\0';

	switch (c) {
	case '=':
		p->i++;
		return OP_EQ;
	case '!':
		if (d != '=')
			return fail(p->syn, p->i + 1, NULL);
		p->i += 2;
		return OP_NE;
	case '>':
		p->i += d == '=' ? 2 : 1;
		return d == '=' ? OP_GE : OP_GT;
	case '<':
		p->i += d == '=' ? 2 : 1;
		return d == '=' ? OP_LE : OP_LT;
	case '~':
		if (d != '>')
			return fail(p->syn, p->i + 1, NULL);
		p->i += 2;
		return OP_PESS;
	default:
		return OP_EQ;
	}
}

static bool holds(int op, const ym_gem *v, const ym_gem *r)
{
	int c = ym_gem_cmp(v, r);

	switch (op) {
	case OP_NE: return c != 0;
	case OP_GT: return c > 0;
	case OP_LT: return c < 0;
	case OP_GE: return c >= 0;
	case OP_LE: return c <= 0;
	case OP_PESS: return c >= 0 && release_below_bump(v, r);
	default: return c == 0;
	}
}

/* One comparator at p->i; clears *sat when v is given and fails it. */
static int parse_comparator(rparser *p, const ym_gem *v, bool *sat)
{
	size_t start;
	ym_gem r;
	int op = parse_op(p);

	if (op < 0)
		return -1;
	skip_blanks(p);
	start = p->i;
	while (p->i < p->len &&
	       (is_alnum(p->s[p->i]) || p->s[p->i] == '.' ||
		p->s[p->i] == '-'))
		p->i++;
	if (p->i == start)
		return fail(p->syn, start, NULL);
	if (ym_gem_parse(p->s + start, p->i - start, &r, p->syn)) {
		if (p->syn)
			p->syn->pos += start;
		return -1;
	}
	if (v && !holds(op, v, &r))
		*sat = false;
	return 0;
}

int ym_gem_range_contains(const char *range, size_t len, const ym_gem *v,
			  bool *out, ym_version_syntax *syn)
{
	rparser p = { range, len, 0, syn };
	bool any = false;

	for (;;) {
		bool sat = true;

		skip_blanks(&p);
		for (;;) {
			size_t blanks;

			if (parse_comparator(&p, v, &sat))
				return -1;
			blanks = skip_blanks(&p);
			if (p.i >= len || at_or(&p))
				break;
			if (p.s[p.i] == ',') {
				p.i++;
				skip_blanks(&p);
			} else if (blanks == 0) {
				return fail(syn, p.i, NULL);
			}
		}
		if (sat)
			any = true;
		if (p.i >= len)
			break;
		p.i += 2;
	}
	if (out && v)
		*out = any;
	return 0;
}
