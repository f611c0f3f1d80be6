/* maven.c - Apache Maven versions and version ranges (see maven.h).
 *
 * Rules: the "Version Order Specification" of the Maven POM reference
 * (maven.apache.org/pom.html), checked against Maven's own
 * ComparableVersion (maven-artifact 3.8.7) and the Maven tables of
 * osv-scalibr and univers. Maven's implementation is not a total order
 * (3.8.7 orders 2.9.0.rc.1 < 2.9 < 2.9-1 < 2.9.0.rc.1), so we follow the
 * specification where the implementation disagrees with itself:
 *
 * - The text is split at '.', '-' and every change between digits and
 *   non-digits; a change counts as '-'. An empty token is 0. Letters are
 *   compared lowercased (ASCII only).
 * - Qualifiers (non-numeric tokens) are "alpha" < "beta" < "milestone" <
 *   "rc" = "cr" < "snapshot" < "" = "ga" = "final" = "release" < "sp" <
 *   any other, the others in lexical order; "a", "b", "m" directly
 *   followed by a digit are alpha, beta, milestone.
 * - Tokens order as qualifier < "-number" < ".number"; a qualifier ranks
 *   the same after '.' as after '-' (the specification's ".qualifier" =
 *   "-qualifier"; Maven 3.8.7 does this for a qualifier at the end or
 *   before a digit, as in 1.0.RC1).
 * - "Null" tokens (0, and ga/final/release) at the end are dropped, and
 *   so are those before each '-' and each qualifier: 1.0.0 = 1,
 *   1-ga-1 = 1-1, 5.0.0.RC1 = 5-rc-1.
 * - Versions compare token by token; the shorter one is padded with "",
 *   which sorts with ga: 1-alpha < 1 < 1-sp < 1-foo < 1-1 < 1.1.
 *
 * Because every version maps to one token list and lists compare
 * lexicographically over a total order of tokens, this is a total order.
 */
#include "maven.h"

#include <string.h>

#include "core/i18n.h"
#include "version/scheme_util.h"

typedef struct qual_name {
	const char *name;
	unsigned char len;
	unsigned char rank;
} qual_name;

static const qual_name qual_names[] = {
	{ "alpha", 5, YM_MAVEN_RANK_ALPHA },
	{ "beta", 4, YM_MAVEN_RANK_BETA },
	{ "milestone", 9, YM_MAVEN_RANK_MILESTONE },
	{ "rc", 2, YM_MAVEN_RANK_RC },
	{ "cr", 2, YM_MAVEN_RANK_RC },
	{ "snapshot", 8, YM_MAVEN_RANK_SNAPSHOT },
	{ "ga", 2, YM_MAVEN_RANK_RELEASE },
	{ "final", 5, YM_MAVEN_RANK_RELEASE },
	{ "release", 7, YM_MAVEN_RANK_RELEASE },
	{ "sp", 2, YM_MAVEN_RANK_SP }
};

/* What the shorter version is padded with: the empty qualifier. */
static const ym_maven_tok pad = { 0, 0, YM_MAVEN_QUAL,
				  YM_MAVEN_RANK_RELEASE };

static unsigned char lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

/* Characters allowed in a version: printable, not blank, and not one of
 * the range delimiters. Bytes >= 0x80 are letters. */
static bool is_version_char(unsigned char c)
{
	if (c <= ' ' || c == 0x7f)
		return false;
	return c != '[' && c != ']' && c != '(' && c != ')' && c != ',';
}

static int qual_rank(const char *p, size_t n, bool before_digit)
{
	size_t k, i;

	if (n == 1 && before_digit) {
		switch (lower((unsigned char)p[0])) {
		case 'a': return YM_MAVEN_RANK_ALPHA;
		case 'b': return YM_MAVEN_RANK_BETA;
		case 'm': return YM_MAVEN_RANK_MILESTONE;
		default: break;
		}
	}
	for (k = 0; k < sizeof qual_names / sizeof qual_names[0]; k++) {
		if (qual_names[k].len != n)
			continue;
		for (i = 0; i < n; i++)
			if (lower((unsigned char)p[i]) !=
			    (unsigned char)qual_names[k].name[i])
				break;
		if (i == n)
			return qual_names[k].rank;
	}
	return YM_MAVEN_RANK_OTHER;
}

static bool is_null(const ym_maven_tok *t)
{
	if (t->kind == YM_MAVEN_QUAL)
		return t->rank == YM_MAVEN_RANK_RELEASE;
	return t->len == 0;
}

static void trim(ym_maven *v)
{
	while (v->ntok > 0 && is_null(&v->tok[v->ntok - 1]))
		v->ntok--;
}

/* Appends the token s[start..end) (empty: 0). dash: it follows '-' or a
 * change from letters; before_digit: a digit follows directly. */
static int add_token(ym_maven *v, size_t start, size_t end, bool dash,
		     bool before_digit, ym_version_syntax *syn)
{
	ym_maven_tok t;
	size_t at = start;

	if (start == end || is_digit(v->s[start])) {
		while (start < end && v->s[start] == '0')
			start++;
		t.kind = dash ? YM_MAVEN_NUM_DASH : YM_MAVEN_NUM_DOT;
		t.rank = 0;
	} else {
		t.kind = YM_MAVEN_QUAL;
		t.rank = (uint8_t)qual_rank(v->s + start, end - start,
					    before_digit);
	}
	t.off = (uint16_t)start;
	t.len = (uint16_t)(end - start);
	/* trailing nulls go before each '-' and each qualifier */
	if (t.kind != YM_MAVEN_NUM_DOT)
		trim(v);
	if (v->ntok == YM_MAVEN_MAX_TOKENS)
		return fail(syn, at, N_("more than 32 parts"));
	v->tok[v->ntok++] = t;
	return 0;
}

int ym_maven_parse(const char *s, size_t len, ym_maven *out,
		   ym_version_syntax *syn)
{
	size_t i, start = 0;
	bool dash = false, any = false;

	out->s = s;
	out->ntok = 0;
	if (len == 0)
		return fail(syn, 0, N_("empty version"));
	if (len > YM_MAVEN_MAX_LEN)
		return fail(syn, YM_MAVEN_MAX_LEN,
			    N_("version longer than 65535 bytes"));
	for (i = 0; i < len; i++) {
		char c = s[i];

		if (!is_version_char((unsigned char)c))
			return fail(syn, i, NULL);
		if (c == '.' || c == '-') {
			if (add_token(out, start, i, dash, false, syn))
				return -1;
			dash = c == '-';
			start = i + 1;
			continue;
		}
		any = true;
		if (i > start && is_digit(c) != is_digit(s[i - 1])) {
			if (add_token(out, start, i, dash, is_digit(c), syn))
				return -1;
			dash = true;
			start = i;
		}
	}
	if (!any)
		return fail(syn, 0, N_("no digits or letters"));
	if (start < len && add_token(out, start, len, dash, false, syn))
		return -1;
	trim(out);
	return 0;
}

static int qual_text_cmp(const char *a, size_t an, const char *b, size_t bn)
{
	size_t i, m = an < bn ? an : bn;

	for (i = 0; i < m; i++) {
		unsigned char x = lower((unsigned char)a[i]);
		unsigned char y = lower((unsigned char)b[i]);

		if (x != y)
			return x < y ? -1 : 1;
	}
	return an < bn ? -1 : an > bn;
}

static int tok_cmp(const char *as, const ym_maven_tok *a, const char *bs,
		   const ym_maven_tok *b)
{
	int c;

	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	if (a->kind == YM_MAVEN_QUAL) {
		if (a->rank != b->rank)
			return a->rank < b->rank ? -1 : 1;
		if (a->rank != YM_MAVEN_RANK_OTHER)
			return 0;
		return qual_text_cmp(as + a->off, a->len, bs + b->off,
				     b->len);
	}
	/* digits without leading zeros: longer is larger */
	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	c = memcmp(as + a->off, bs + b->off, a->len);
	return (c > 0) - (c < 0);
}

int ym_maven_cmp(const ym_maven *a, const ym_maven *b)
{
	size_t n = a->ntok > b->ntok ? a->ntok : b->ntok, i;

	for (i = 0; i < n; i++) {
		const ym_maven_tok *x = i < a->ntok ? &a->tok[i] : &pad;
		const ym_maven_tok *y = i < b->ntok ? &b->tok[i] : &pad;
		int c = tok_cmp(a->s, x, b->s, y);

		if (c != 0)
			return c;
	}
	return 0;
}

/* --- ranges --- */

static size_t skip_blanks(const char *s, size_t len, size_t i)
{
	while (i < len && is_blank(s[i]))
		i++;
	return i;
}

/* Parses the version at range[*i..) up to a blank or delimiter; *has is
 * false when there is none. Positions in *syn are within range. */
static int parse_bound(const char *range, size_t len, size_t *i, bool *has,
		       ym_maven *v, ym_version_syntax *syn)
{
	size_t start = skip_blanks(range, len, *i), end = start;

	while (end < len && !is_blank(range[end]) && range[end] != ',' &&
	       range[end] != ']' && range[end] != ')')
		end++;
	*has = end > start;
	if (*has && ym_maven_parse(range + start, end - start, v, syn)) {
		if (syn)
			syn->pos += start;
		return -1;
	}
	*i = skip_blanks(range, len, end);
	return 0;
}

/* One set "[a,b)", "[a]", "(,b]" ... at range[*i]; sets *in when v is
 * inside it. */
static int parse_set(const char *range, size_t len, size_t *i,
		     const ym_maven *v, bool *in, ym_version_syntax *syn)
{
	size_t open = *i;
	bool lo_incl = range[open] == '[', hi_incl, has_lo, has_hi, single;
	ym_maven lo, hi;

	*i = open + 1;
	if (parse_bound(range, len, i, &has_lo, &lo, syn))
		return -1;
	single = *i >= len || range[*i] != ',';
	if (!single) {
		(*i)++;
		if (parse_bound(range, len, i, &has_hi, &hi, syn))
			return -1;
		if (*i < len && range[*i] == ',')
			return fail(syn, *i, N_("more than two bounds"));
	}
	if (*i >= len)
		return fail(syn, len, N_("missing ']' or ')'"));
	if (range[*i] != ']' && range[*i] != ')')
		return fail(syn, *i, NULL);
	hi_incl = range[*i] == ']';
	if (single) {
		if (!has_lo)
			return fail(syn, *i, N_("missing version"));
		if (!lo_incl || !hi_incl)
			return fail(syn, open, N_("a single version must be "
						  "enclosed in []"));
		has_hi = true;
		hi = lo;
	} else if (has_lo && has_hi) {
		int c = ym_maven_cmp(&lo, &hi);

		if (c > 0)
			return fail(syn, open, N_("upper bound below lower "
						  "bound"));
		if (c == 0 && !(lo_incl && hi_incl))
			return fail(syn, open, N_("equal bounds must both be "
						  "inclusive"));
	}
	(*i)++;
	if (v) {
		int c;

		*in = true;
		if (has_lo) {
			c = ym_maven_cmp(v, &lo);
			if (c < 0 || (c == 0 && !lo_incl))
				*in = false;
		}
		if (has_hi) {
			c = ym_maven_cmp(v, &hi);
			if (c > 0 || (c == 0 && !hi_incl))
				*in = false;
		}
	}
	return 0;
}

int ym_maven_range_contains(const char *range, size_t len, const ym_maven *v,
			    bool *out, ym_version_syntax *syn)
{
	size_t i = skip_blanks(range, len, 0);
	bool any = false;

	if (i >= len)
		return fail(syn, i, N_("empty range"));
	if (range[i] != '[' && range[i] != '(') {
		/* a bare version: exactly that version */
		size_t end = len;
		ym_maven want;

		while (end > i && is_blank(range[end - 1]))
			end--;
		if (ym_maven_parse(range + i, end - i, &want, syn)) {
			if (syn)
				syn->pos += i;
			return -1;
		}
		if (out && v)
			*out = ym_maven_cmp(v, &want) == 0;
		return 0;
	}
	for (;;) {
		bool in = false;

		if (parse_set(range, len, &i, v, &in, syn))
			return -1;
		any = any || in;
		i = skip_blanks(range, len, i);
		if (i >= len)
			break;
		/* Maven also takes sets without the comma between them */
		if (range[i] == ',')
			i = skip_blanks(range, len, i + 1);
		if (i >= len || (range[i] != '[' && range[i] != '('))
			return fail(syn, i, NULL);
	}
	if (out && v)
		*out = any;
	return 0;
}
