/* cargo.c - Cargo versions and requirements (see cargo.h).
 *
 * Versions are SemVer 2.0.0 (semver.org), parsed and ordered by semver.c.
 * Requirements follow the Cargo book ("Specifying Dependencies") and the
 * semver crate's VersionReq, which Cargo uses:
 *   - comparators joined by commas, all of which must hold, at most 32;
 *     spaces (only U+0020) around operators and commas;
 *   - operators "^" (also no operator), "~", "=", ">", ">=", "<", "<=";
 *     the version may be partial ("1", "1.2"); a prerelease and build
 *     metadata only after a full one, build metadata ignored;
 *   - wildcards "*", "x", "X": alone they match every version; as minor or
 *     patch ("1.*", "1.2.x") they make the comparator partial, and with no
 *     operator mean "=", which for a partial version matches every version
 *     with that prefix;
 *   - ^1.2.3 := >=1.2.3, <2.0.0; ^0.2.3 := >=0.2.3, <0.3.0; ^0.0.3 :=
 *     =0.0.3; ^1.2 := >=1.2.0, <2.0.0; ^0.0 := <0.1.0; ^1 := 1.*;
 *     ~1.2.3 := >=1.2.3, <1.3.0; ~1.2 := 1.2.*; ~1 := 1.*;
 *     >1.2 := >=1.3.0; <=1 := <2.0.0 (a partial bound covers its prefix);
 *   - a version with a prerelease matches only if every comparator holds
 *     and some comparator with the same major.minor.patch has a
 *     prerelease (1.2.3-beta is in ">=1.2.3-alpha, <2", not in "<2").
 * As in the semver crate, a partial comparator never matches a version
 * with a prerelease at its own prefix (">=1.2" does not hold for
 * 1.2.5-rc.1, ">1.2" holds for 1.3.0-rc.1).
 */
#include "cargo.h"

#include "core/i18n.h"
#include "version/scheme_util.h"

enum {
	OP_CARET, OP_TILDE, OP_EXACT, OP_WILDCARD, OP_GT, OP_GE, OP_LT, OP_LE
};

/* One comparator; numbers point into the requirement text. */
typedef struct comparator {
	int op;
	ym_semver_num major, minor, patch;
	bool has_minor, has_patch;
	const char *pre;
	size_t pre_len;
} comparator;

typedef struct parser {
	const char *s;
	size_t len;
	size_t i;
	ym_version_syntax *syn;
} parser;

static char peek(const parser *p)
{
	return p->i < p->len ? p->s[p->i] : '\0';
}

static int pfail(parser *p, size_t pos, const char *why)
{
	if (p->syn) {
		p->syn->pos = pos;
		p->syn->why = why;
	}
	return -1;
}

static void skip_spaces(parser *p)
{
	while (p->i < p->len && p->s[p->i] == ' ')
		p->i++;
}

static bool is_wildcard(char c)
{
	return c == '*' || c == 'x' || c == 'X';
}

int ym_cargo_parse(const char *s, size_t len, ym_cargo *out,
		   ym_version_syntax *syn)
{
	return ym_semver_parse(s, len, 0, &out->sv, syn);
}

int ym_cargo_cmp(const ym_cargo *a, const ym_cargo *b)
{
	return ym_semver_cmp(&a->sv, &b->sv);
}

static int parse_number(parser *p, ym_semver_num *out)
{
	size_t start = p->i;

	while (p->i < p->len && is_digit(p->s[p->i]))
		p->i++;
	if (p->i == start)
		return pfail(p, start, NULL);
	if (p->i - start > 1 && p->s[start] == '0')
		return pfail(p, start, N_("leading zero in a number"));
	out->p = p->s + start;
	out->n = p->i - start;
	out->inc = false;
	return 0;
}

static int parse_op(parser *p)
{
	char c = peek(p);
	char d = p->i + 1 < p->len ? p->s[p->i + 1] : '\0';

	switch (c) {
	case '=':
		p->i++;
		return OP_EXACT;
	case '>':
		p->i += d == '=' ? 2 : 1;
		return d == '=' ? OP_GE : OP_GT;
	case '<':
		p->i += d == '=' ? 2 : 1;
		return d == '=' ? OP_LE : OP_LT;
	case '~':
		p->i++;
		return OP_TILDE;
	case '^':
		p->i++;
		return OP_CARET;
	default:
		return -1;
	}
}

/* A minor or patch component: number, or wildcard (returns 1). */
static int parse_component(parser *p, ym_semver_num *out)
{
	if (is_wildcard(peek(p))) {
		p->i++;
		return 1;
	}
	return parse_number(p, out);
}

static int parse_comparator(parser *p, comparator *c)
{
	size_t start;
	bool wild = false;
	int op = parse_op(p), r;

	c->op = op < 0 ? OP_CARET : op;
	c->has_minor = c->has_patch = false;
	c->pre = NULL;
	c->pre_len = 0;
	skip_spaces(p);
	start = p->i;
	if (is_wildcard(peek(p))) {
		size_t at = p->i;

		p->i++;
		skip_spaces(p);
		if (op < 0 && (p->i >= p->len || peek(p) == ','))
			return pfail(p, at, N_("a wildcard requirement must be "
					      "the only comparator"));
		return pfail(p, at, NULL);
	}
	if (parse_number(p, &c->major))
		return -1;
	if (peek(p) == '.') {
		p->i++;
		r = parse_component(p, &c->minor);
		if (r < 0)
			return -1;
		c->has_minor = r == 0;
		wild = r == 1;
	}
	if (peek(p) == '.') {
		size_t at = ++p->i;

		r = parse_component(p, &c->patch);
		if (r < 0)
			return -1;
		if (r == 0 && wild)
			return pfail(p, at, N_("number after a wildcard"));
		c->has_patch = r == 0;
		wild = wild || r == 1;
	}
	if (wild && op < 0)
		c->op = OP_WILDCARD;
	if (c->has_patch && (peek(p) == '-' || peek(p) == '+')) {
		/* semver.c checks the prerelease and build metadata */
		ym_semver sv;
		size_t end = p->i;

		while (end < p->len && p->s[end] != ' ' && p->s[end] != ',')
			end++;
		if (ym_semver_parse(p->s + start, end - start, 0, &sv,
				    p->syn)) {
			if (p->syn)
				p->syn->pos += start;
			return -1;
		}
		c->pre = sv.pre;
		c->pre_len = sv.pre_len;
		p->i = end;
	}
	return 0;
}

static bool num_is_zero(const ym_semver_num *n)
{
	return n->n == 1 && n->p[0] == '0';
}

static int num_cmp(const ym_semver_num *a, const ym_semver_num *b)
{
	return ym_version_digits_cmp(a->p, a->n, b->p, b->n);
}

/* v against c on the components c has (with c's prerelease when c is a
 * full version). */
static int prefix_cmp(const ym_semver *v, const comparator *c)
{
	ym_semver full;
	int d = num_cmp(&v->major, &c->major);

	if (d != 0 || !c->has_minor)
		return d;
	if (!c->has_patch)
		return num_cmp(&v->minor, &c->minor);
	full.major = c->major;
	full.minor = c->minor;
	full.patch = c->patch;
	full.pre = c->pre;
	full.pre_len = c->pre_len;
	full.build = NULL;
	full.build_len = 0;
	return ym_semver_cmp(v, &full);
}

static bool matches(const comparator *c, const ym_semver *v)
{
	bool full = c->has_patch, plain = v->pre_len == 0;
	int d = prefix_cmp(v, c);

	switch (c->op) {
	case OP_EXACT:
	case OP_WILDCARD:
		return d == 0 && (full || plain);
	case OP_GT:
		return d > 0;
	case OP_LT:
		return d < 0;
	case OP_GE:
		return d > 0 || (d == 0 && (full || plain));
	case OP_LE:
		return d < 0 || (d == 0 && (full || plain));
	case OP_TILDE:
		if (num_cmp(&v->major, &c->major) != 0)
			return false;
		if (!c->has_minor)
			return plain;
		if (num_cmp(&v->minor, &c->minor) != 0)
			return false;
		return full ? d >= 0 : plain;
	default: /* OP_CARET */
		if (num_cmp(&v->major, &c->major) != 0)
			return false;
		if (!c->has_minor)
			return true;
		if (!c->has_patch) {
			d = num_cmp(&v->minor, &c->minor);
			return num_is_zero(&c->major) ? d == 0 : d >= 0;
		}
		if (num_is_zero(&c->major)) {
			if (num_cmp(&v->minor, &c->minor) != 0)
				return false;
			if (num_is_zero(&c->minor) &&
			    num_cmp(&v->patch, &c->patch) != 0)
				return false;
		}
		return d >= 0;
	}
}

/* A comparator that lets a prerelease of v match. */
static bool pre_compatible(const comparator *c, const ym_semver *v)
{
	return c->has_patch && c->pre_len > 0 &&
	       num_cmp(&v->major, &c->major) == 0 &&
	       num_cmp(&v->minor, &c->minor) == 0 &&
	       num_cmp(&v->patch, &c->patch) == 0;
}

int ym_cargo_range_contains(const char *range, size_t len,
			    const ym_cargo *v, bool *out,
			    ym_version_syntax *syn)
{
	parser p = { range, len, 0, syn };
	bool all = true, pre_ok = false;
	int n = 0;

	skip_spaces(&p);
	if (is_wildcard(peek(&p))) {
		/* "*" alone: every version without a prerelease */
		size_t at = p.i++;

		skip_spaces(&p);
		if (p.i < len)
			return pfail(&p, peek(&p) == ',' ? at : p.i,
				    peek(&p) == ',' ?
				    N_("a wildcard requirement must be the "
				       "only comparator") : NULL);
		if (out && v)
			*out = v->sv.pre_len == 0;
		return 0;
	}
	for (;;) {
		comparator c;

		if (n == YM_CARGO_MAX_COMPARATORS)
			return pfail(&p, p.i, N_("more than 32 comparators"));
		if (parse_comparator(&p, &c))
			return -1;
		n++;
		if (v) {
			if (!matches(&c, &v->sv))
				all = false;
			if (pre_compatible(&c, &v->sv))
				pre_ok = true;
		}
		skip_spaces(&p);
		if (p.i >= len)
			break;
		if (peek(&p) != ',')
			return pfail(&p, p.i, NULL);
		p.i++;
		skip_spaces(&p);
	}
	if (out && v)
		*out = all && (v->sv.pre_len == 0 || pre_ok);
	return 0;
}
