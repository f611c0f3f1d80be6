/* golang.c - Go module versions and ranges (see golang.h).
 *
 * Go module versions are semantic versions with a leading "v" (Go
 * Modules Reference, "Versions"; golang.org/x/mod/semver): v1.2.3,
 * v1.2.3-pre.1, v1.2.3+meta, and the shorthands vMAJOR and vMAJOR.MINOR
 * (v1 = v1.0.0, v1.2 = v1.2.0) without prerelease or build; no leading
 * zeros. Precedence is SemVer 2.0.0's (semver.c): pseudo-versions such as
 * v0.0.0-20191109021931-daa7c04131f5 are prereleases and sort by their
 * timestamp, and "+incompatible" is build metadata, ignored.
 *
 * OSV's Go ecosystem writes versions without the "v" ("1.2.3", and "0"
 * for "introduced"), so the "v" is optional; nothing else is relaxed.
 *
 * Go has no range syntax of its own; ranges here are comparator sets as
 * GitLab's advisory database writes them: ">=v1.2.0 <v1.3.0 || =v1.4.0".
 * A comparator is "=", "<", "<=", ">" or ">=" (none means "=") and a
 * version; comparators in a set are separated by blanks or a comma and
 * must all hold; sets are separated by "||", one must hold. There is no
 * prerelease rule: v1.2.0-rc.1 is in "<v1.2.0".
 */
#include "golang.h"

#include "core/i18n.h"
#include "version/scheme_util.h"

enum { OP_EQ, OP_LT, OP_LE, OP_GT, OP_GE };

static const ym_semver_num num_zero = { "0", 1, false };

/* Digits s[i..*end); fails if none or with a leading zero. */
static int read_number(const char *s, size_t len, size_t i, size_t *end,
		       ym_semver_num *out, ym_version_syntax *syn)
{
	size_t k = i;

	while (k < len && is_digit(s[k]))
		k++;
	if (k == i)
		return fail(syn, i, NULL);
	if (k - i > 1 && s[i] == '0')
		return fail(syn, i, N_("leading zero in a number"));
	out->p = s + i;
	out->n = k - i;
	out->inc = false;
	*end = k;
	return 0;
}

int ym_golang_parse(const char *s, size_t len, ym_golang *out,
		    ym_version_syntax *syn)
{
	size_t i = 0, j, k;

	out->v_prefix = len > 0 && s[0] == 'v';
	out->shorthand = false;
	if (out->v_prefix)
		i = 1;
	/* vMAJOR and vMAJOR.MINOR */
	j = i;
	while (j < len && is_digit(s[j]))
		j++;
	k = j;
	if (j < len && s[j] == '.') {
		k = j + 1;
		while (k < len && is_digit(s[k]))
			k++;
	}
	if (k == len && (j == len || k > j + 1)) {
		if (read_number(s, len, i, &j, &out->sv.major, syn))
			return -1;
		out->sv.minor = num_zero;
		if (j < len &&
		    read_number(s, len, j + 1, &k, &out->sv.minor, syn))
			return -1;
		out->sv.patch = num_zero;
		out->sv.pre = out->sv.build = NULL;
		out->sv.pre_len = out->sv.build_len = 0;
		out->shorthand = true;
		return 0;
	}
	if (ym_semver_parse(s + i, len - i, 0, &out->sv, syn)) {
		if (syn)
			syn->pos += i;
		return -1;
	}
	return 0;
}

int ym_golang_cmp(const ym_golang *a, const ym_golang *b)
{
	return ym_semver_cmp(&a->sv, &b->sv);
}

/* --- ranges --- */

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
	case '<':
		p->i += d == '=' ? 2 : 1;
		return d == '=' ? OP_LE : OP_LT;
	case '>':
		p->i += d == '=' ? 2 : 1;
		return d == '=' ? OP_GE : OP_GT;
	default:
		return OP_EQ;
	}
}

static bool is_token(char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'z') ||
	       (c >= 'A' && c <= 'Z') || c == '.' || c == '-' || c == '+';
}

static int parse_comparator(rparser *p, const ym_golang *v, bool *sat)
{
	int op = parse_op(p), d;
	size_t start;
	ym_golang r;

	skip_blanks(p);
	start = p->i;
	while (p->i < p->len && is_token(p->s[p->i]))
		p->i++;
	if (p->i == start)
		return fail(p->syn, start, NULL);
	if (ym_golang_parse(p->s + start, p->i - start, &r, p->syn)) {
		if (p->syn)
			p->syn->pos += start;
		return -1;
	}
	if (!v)
		return 0;
	d = ym_semver_cmp(&v->sv, &r.sv);
	switch (op) {
	case OP_LT: *sat = *sat && d < 0; break;
	case OP_LE: *sat = *sat && d <= 0; break;
	case OP_GT: *sat = *sat && d > 0; break;
	case OP_GE: *sat = *sat && d >= 0; break;
	default: *sat = *sat && d == 0; break;
	}
	return 0;
}

int ym_golang_range_contains(const char *range, size_t len,
			     const ym_golang *v, bool *out,
			     ym_version_syntax *syn)
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
