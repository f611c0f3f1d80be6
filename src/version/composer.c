/* composer.c - Packagist (Composer) versions and constraints.
 *
 * Order. Packagist versions are ordered the way osv.dev and osv-scalibr
 * order them for the OSV "Packagist" ecosystem, which is PHP's
 * version_compare() (php-src ext/standard/versioning.c) after removing a
 * leading "v" or "V":
 *   - the text is cut into runs of digits and runs of letters; '.', '-',
 *     '_', '+', '#', '/' and ':' only separate runs (1.0-rc1 is 1.0.rc.1;
 *     a version starts with a letter or digit after the "v");
 *   - runs compare pairwise: numbers by value (any length, exactly);
 *     words by the stability they start with: "dev" < "a" (alpha) < "b"
 *     (beta) < "RC" or "rc" < a number < "p" (patch, pl); any other word
 *     sorts below "dev" and equal to other unknown words; words starting
 *     the same way are equal ("a" == "alpha" == "abc");
 *   - when one version runs out, the next run of the longer one decides
 *     as if compared with a number: 1.0 < 1.0.0 < 1.0.0.1, 1.0-beta <
 *     1.0 < 1.0-p1.
 * Words match case-sensitively as in PHP ("RC" and "rc" are both release
 * candidates, "BETA" is an unknown word); unlike PHP, numbers do not
 * saturate at 2^63, and '#' only separates (PHP keeps a '#' that follows
 * a digit as a run equal to any number, which is not a total order).
 *
 * Constraints follow composer/semver 3 (VersionParser::parseConstraints
 * and Semver::satisfies): the candidate and every operand are normalised
 * as VersionParser::normalize() does (1.2 -> 1.2.0.0, 1.0b2 ->
 * 1.0.0.0-beta2, 1.x-dev -> 1.9999999.9999999.9999999-dev, dev-<branch>
 * names) and compared with the order above; "||" or "|" separate
 * alternatives, commas or blanks separate conjunctions; operators = ==
 * != <> < <= > >=, "~1.2", "^1.2", "1.0.*", "1.0 - 2.0", "*", "@dev"
 * style stability flags, "as" aliases and "#ref" suffixes. Each operand
 * desugars exactly as in VersionParser (^1.2.3 is >=1.2.3.0-dev
 * <2.0.0.0-dev, <2.0 is <2.0.0.0-dev). Dev branches only match "==" with
 * the same name (and "*"). Like MultiConstraint::create(), neighbouring
 * alternatives ">=A <B || >=B <C" are merged into ">=A <C" (which only
 * matters when one of them is empty). Where Composer cannot normalise a
 * version our grammar accepts (1.5.6d, more than four numbers, huge
 * numbers), it is compared as it is written, its leading numbers padded
 * to four, instead of failing.
 */
#include "composer.h"

#include <string.h>

#include "core/i18n.h"
#include "version/scheme_util.h"

/* Ranks of a run, in sort order; R_ABSENT stands for a missing run. */
enum {
	R_UNKNOWN, R_DEV, R_ALPHA, R_BETA, R_RC, R_ABSENT, R_NUMBER, R_PATCH
};

enum { OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE };

/* Room for a normalised version: the parts of a version, three zeros
 * padding its numbers, and a stability flag and a "dev" suffix appended
 * by a constraint. */
#define NMAX (YM_COMPOSER_MAX_PARTS + 5)

static const char nines[] = "9999999";

typedef struct npart {
	const char *p; /* digits without leading zeros, or a word */
	size_t n;
	int rank;
	bool inc;      /* a number whose value is p + 1 */
} npart;

/* A version as Composer normalises it. */
typedef struct nver {
	bool branch;      /* "dev-<name>": compares only by name */
	const char *name;
	size_t name_len;
	unsigned n;
	npart part[NMAX];
} nver;

static bool is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_sep(char c)
{
	return c == '.' || c == '-' || c == '_' || c == '+' || c == '#' ||
	       c == '/' || c == ':';
}

/* PCRE's \s. */
static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static bool ci_eq(const char *s, const char *w, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (lower(s[i]) != w[i])
			return false;
	return true;
}

/* The stability a word starts with, in any case: for the stability
 * words Composer's normalisation writes in its own spelling. */
static int word_rank(const char *w, size_t n)
{
	char a = lower(w[0]), b = n > 1 ? lower(w[1]) : 0;

	if (a == 'd' && b == 'e' && n > 2 && lower(w[2]) == 'v')
		return R_DEV;
	if (a == 'a')
		return R_ALPHA;
	if (a == 'b')
		return R_BETA;
	if (a == 'r' && b == 'c')
		return R_RC;
	if (a == 'p')
		return R_PATCH;
	return R_UNKNOWN;
}

/* The same, case-sensitively, as PHP's version_compare() ranks a word:
 * how versions compare, and words Composer copies as written (the
 * stability of an "@Beta" flag). */
static int php_rank(const char *w, size_t n)
{
	if (n >= 3 && memcmp(w, "dev", 3) == 0)
		return R_DEV;
	if (w[0] == 'a')
		return R_ALPHA;
	if (w[0] == 'b')
		return R_BETA;
	if (n >= 2 && (memcmp(w, "RC", 2) == 0 || memcmp(w, "rc", 2) == 0))
		return R_RC;
	if (w[0] == 'p')
		return R_PATCH;
	return R_UNKNOWN;
}

int ym_composer_parse(const char *s, size_t len, ym_composer *out,
		      ym_version_syntax *syn)
{
	size_t i = 0;

	out->s = s;
	out->len = len;
	out->n = 0;
	if (len > UINT32_MAX)
		return fail(syn, 0, N_("version too long"));
	if (len >= 2 && (s[0] == 'v' || s[0] == 'V') && is_digit(s[1]))
		i = 1;
	if (i >= len || !(is_digit(s[i]) || is_alpha(s[i])))
		return fail(syn, i, NULL);
	while (i < len) {
		size_t start = i;
		ym_composer_part *pt;

		if (is_sep(s[i])) {
			i++;
			continue;
		}
		if (is_digit(s[i])) {
			while (i < len && is_digit(s[i]))
				i++;
			while (i - start > 1 && s[start] == '0')
				start++;
		} else if (is_alpha(s[i])) {
			while (i < len && is_alpha(s[i]))
				i++;
		} else {
			return fail(syn, i, NULL);
		}
		if (out->n == YM_COMPOSER_MAX_PARTS)
			return fail(syn, start,
				    N_("more than 32 components"));
		pt = &out->part[out->n++];
		pt->off = (uint32_t)start;
		pt->len = (uint32_t)(i - start);
		pt->rank = (int8_t)(is_digit(s[start]) ?
				    R_NUMBER : php_rank(s + start, i - start));
	}
	return 0;
}

int ym_composer_cmp(const ym_composer *a, const ym_composer *b)
{
	unsigned n = a->n > b->n ? a->n : b->n, k;

	for (k = 0; k < n; k++) {
		int ra = k < a->n ? a->part[k].rank : R_ABSENT;
		int rb = k < b->n ? b->part[k].rank : R_ABSENT;
		const ym_composer_part *x, *y;
		int c;

		if (ra != rb)
			return ra < rb ? -1 : 1;
		if (ra != R_NUMBER)
			continue;
		x = &a->part[k];
		y = &b->part[k];
		if (x->len != y->len)
			return x->len < y->len ? -1 : 1;
		c = memcmp(a->s + x->off, b->s + y->off, x->len);
		if (c != 0)
			return c < 0 ? -1 : 1;
	}
	return 0;
}

/* --- normalised versions --- */

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

static int digits_cmp(const char *a, size_t an, const char *b, size_t bn)
{
	int c;

	if (an != bn)
		return an < bn ? -1 : 1;
	c = memcmp(a, b, an);
	return (c > 0) - (c < 0);
}

/* Compares a + 1 with b. */
static int succ_cmp(const npart *a, const npart *b)
{
	if (digits_cmp(a->p, a->n, b->p, b->n) >= 0)
		return 1;
	return is_successor(a->p, a->n, b->p, b->n) ? 0 : -1;
}

static int npart_cmp(const npart *a, const npart *b)
{
	if (a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	if (a->rank != R_NUMBER)
		return 0;
	if (a->inc == b->inc)
		return digits_cmp(a->p, a->n, b->p, b->n);
	return a->inc ? succ_cmp(a, b) : -succ_cmp(b, a);
}

static int nver_cmp(const nver *a, const nver *b)
{
	static const npart absent = { "", 0, R_ABSENT, false };
	unsigned n = a->n > b->n ? a->n : b->n, k;

	for (k = 0; k < n; k++) {
		int c = npart_cmp(k < a->n ? &a->part[k] : &absent,
				  k < b->n ? &b->part[k] : &absent);

		if (c != 0)
			return c;
	}
	return 0;
}

static bool add_part(nver *v, const char *p, size_t n, int rank, bool inc)
{
	npart *pt;

	if (v->n == NMAX)
		return false;
	if (rank == R_NUMBER)
		while (n > 1 && *p == '0') {
			p++;
			n--;
		}
	pt = &v->part[v->n++];
	pt->p = p;
	pt->n = n;
	pt->rank = rank;
	pt->inc = inc;
	return true;
}

/* Every run of digits in s[from..to) as a number. */
static bool add_numbers(nver *v, const char *s, size_t from, size_t to)
{
	size_t i = from;

	while (i < to) {
		size_t start;

		if (!is_digit(s[i])) {
			i++;
			continue;
		}
		start = i;
		while (i < to && is_digit(s[i]))
			i++;
		if (!add_part(v, s + start, i - start, R_NUMBER, false))
			return false;
	}
	return true;
}

/* A version Composer cannot normalise, as written but with its leading
 * numbers padded to four as normalize() pads them (1.5.6d is 1.5.6.0.d). */
static void from_parsed(const ym_composer *c, nver *v)
{
	unsigned k, lead = 0;

	v->branch = false;
	v->n = 0;
	while (lead < c->n && c->part[lead].rank == R_NUMBER)
		lead++;
	for (k = 0; k < c->n; k++) {
		if (k == lead && lead > 0)
			for (; lead < 4; lead++)
				add_part(v, "0", 1, R_NUMBER, false);
		add_part(v, c->s + c->part[k].off, c->part[k].len,
			 c->part[k].rank, false);
	}
	if (lead == c->n && lead > 0)
		for (; lead < 4; lead++)
			add_part(v, "0", 1, R_NUMBER, false);
}

/* --- Composer's modifier regex ---
 * [._-]?(?:(stable|beta|b|RC|alpha|a|patch|pl|p)((?:[.-]?\d+)*+)?)?
 * ([.-]?dev)? followed by the end (or "+build" where allowed). */

enum { MOD_CI, MOD_LOWERED };

typedef struct modm {
	bool has_stab;
	const char *stab;
	size_t stab_len;
	size_t nums_from, nums_to;
	bool dev;
} modm;

static const char *const stab_words[] = {
	"stable", "beta", "b", "RC", "alpha", "a", "patch", "pl", "p"
};

/* Word w at s[k..end): in MOD_CI any case; in MOD_LOWERED the text is
 * taken as lower-cased and compared exactly (so "RC" never matches). */
static bool word_at(const char *s, size_t k, size_t end, const char *w,
		    int mode)
{
	size_t n = strlen(w), i;

	if (end - k < n)
		return false;
	for (i = 0; i < n; i++)
		if (lower(s[k + i]) != (mode == MOD_CI ? lower(w[i]) : w[i]))
			return false;
	return true;
}

static bool tail_ok(const char *s, size_t k, size_t end, bool build)
{
	size_t i;

	if (k == end)
		return true;
	if (!build || s[k] != '+' || k + 1 == end)
		return false;
	for (i = k + 1; i < end; i++)
		if (is_blank(s[i]))
			return false;
	return true;
}

static bool mod_at(const char *s, size_t i, size_t end, int mode, bool build,
		   modm *m)
{
	int sep;
	size_t w;

	for (sep = 1; sep >= 0; sep--) {
		size_t j = i;

		if (sep) {
			if (j >= end || (s[j] != '.' && s[j] != '_' &&
					 s[j] != '-'))
				continue;
			j++;
		}
		for (w = 0; w <= sizeof stab_words / sizeof *stab_words;
		     w++) {
			size_t k = j;

			memset(m, 0, sizeof *m);
			if (w < sizeof stab_words / sizeof *stab_words) {
				if (!word_at(s, k, end, stab_words[w], mode))
					continue;
				m->has_stab = true;
				m->stab = s + k;
				m->stab_len = strlen(stab_words[w]);
				k += m->stab_len;
				m->nums_from = k;
				for (;;) {
					if (k < end && is_digit(s[k])) {
					} else if (k + 1 < end &&
						   (s[k] == '.' ||
						    s[k] == '-') &&
						   is_digit(s[k + 1])) {
						k++;
					} else {
						break;
					}
					while (k < end && is_digit(s[k]))
						k++;
				}
				m->nums_to = k;
			}
			if (k < end && (s[k] == '.' || s[k] == '-') &&
			    word_at(s, k + 1, end, "dev", mode)) {
				k += 4;
				m->dev = true;
			} else if (word_at(s, k, end, "dev", mode)) {
				k += 3;
				m->dev = true;
			}
			if (tail_ok(s, k, end, build))
				return true;
		}
	}
	return false;
}

/* Appends what normalize() appends for a matched modifier. */
static bool add_modifier(nver *v, const char *s, const modm *m)
{
	if (m->has_stab) {
		const char *w = m->stab;
		size_t n = m->stab_len;
		int rank;

		/* "stable" (exactly so) drops every modifier */
		if (n == 6 && memcmp(w, "stable", 6) == 0)
			return true;
		rank = ci_eq(w, "stable", n) && n == 6 ? R_UNKNOWN :
							   word_rank(w, n);
		if (!add_part(v, w, n, rank, false) ||
		    !add_numbers(v, s, m->nums_from, m->nums_to))
			return false;
	}
	if (m->dev && !add_part(v, "dev", 3, R_DEV, false))
		return false;
	return true;
}

/* ^v?(\d{1,5})(\.\d++)?(\.\d++)?(\.\d++)?<modifier>$ */
static bool norm_classical(const char *s, size_t len, nver *v)
{
	size_t i = 0, g[4][2], start;
	int ng = 0, k;
	modm m;

	if (i < len && (s[i] == 'v' || s[i] == 'V'))
		i++;
	start = i;
	while (i < len && is_digit(s[i]))
		i++;
	if (i == start || i - start > 5)
		return false;
	g[ng][0] = start;
	g[ng++][1] = i;
	while (ng < 4 && i + 1 < len && s[i] == '.' && is_digit(s[i + 1])) {
		start = ++i;
		while (i < len && is_digit(s[i]))
			i++;
		g[ng][0] = start;
		g[ng++][1] = i;
	}
	if (!mod_at(s, i, len, MOD_CI, false, &m))
		return false;
	v->n = 0;
	for (k = 0; k < 4; k++)
		if (k < ng)
			add_part(v, s + g[k][0], g[k][1] - g[k][0], R_NUMBER,
				 false);
		else
			add_part(v, "0", 1, R_NUMBER, false);
	return add_modifier(v, s, &m);
}

static bool is_dt_sep(char c)
{
	return c == '.' || c == ':' || c == '-';
}

static bool all_digits(const char *s, size_t from, size_t to)
{
	for (; from < to; from++)
		if (!is_digit(s[from]))
			return false;
	return true;
}

/* (?:[.:-]?\d{2}){n2,6}(?:[.:-]?\d{1,3})? matching s[pos..e) exactly,
 * with n2 groups already read (at least one is needed). */
static bool dt_rest(const char *s, size_t pos, size_t e, int n2)
{
	size_t q;

	if (n2 >= 1) {
		if (pos == e)
			return true;
		q = pos < e && is_dt_sep(s[pos]) ? pos + 1 : pos;
		if (q < e && e - q <= 3 && all_digits(s, q, e))
			return true;
	}
	if (n2 >= 6)
		return false;
	if (pos < e && is_dt_sep(s[pos]) && e - pos >= 3 &&
	    all_digits(s, pos + 1, pos + 3) && dt_rest(s, pos + 3, e, n2 + 1))
		return true;
	return e - pos >= 2 && all_digits(s, pos, pos + 2) &&
	       dt_rest(s, pos + 2, e, n2 + 1);
}

/* ^v?(\d{4}(?:[.:-]?\d{2}){1,6}(?:[.:-]?\d{1,3})?)<modifier>$ */
static bool norm_datetime(const char *s, size_t len, nver *v)
{
	size_t i = 0, p, e;
	modm m;

	if (i < len && (s[i] == 'v' || s[i] == 'V'))
		i++;
	p = i;
	while (p < len && (is_digit(s[p]) || is_dt_sep(s[p])))
		p++;
	/* the date part ends after a run of digits; the modifier cannot
	 * start with a digit, so only the end of each run can work */
	for (e = p; e > i; e--) {
		if (!is_digit(s[e - 1]) || (e < len && is_digit(s[e])))
			continue;
		if (e - i < 6 || !all_digits(s, i, i + 4) ||
		    !dt_rest(s, i + 4, e, 0) ||
		    !mod_at(s, e, len, MOD_CI, false, &m))
			continue;
		v->n = 0;
		return add_numbers(v, s, i, e) && add_modifier(v, s, &m);
	}
	return false;
}

/* normalizeBranch() of s[0..e), the part of "<name>[.-]?dev" before the
 * suffix, when it is numeric such as 1.2.x: the numbers with 9999999 for
 * x and for missing ones, then "dev". */
static bool norm_devbranch(const char *s, size_t e, nver *v)
{
	size_t i = 0;
	int k;

	/* ^v?(\d++)(\.(?:\d++|[xX*])){0,3}$ */
	if (i < e && (s[i] == 'v' || s[i] == 'V'))
		i++;
	v->n = 0;
	for (k = 0; k < 4; k++) {
		size_t start;

		if (i == e)
			break;
		if (k > 0) {
			if (s[i] != '.')
				return false;
			i++;
		}
		start = i;
		if (k > 0 && i < e &&
		    (s[i] == 'x' || s[i] == 'X' || s[i] == '*')) {
			i++;
			add_part(v, nines, 7, R_NUMBER, false);
			continue;
		}
		while (i < e && is_digit(s[i]))
			i++;
		if (i == start)
			return false;
		add_part(v, s + start, i - start, R_NUMBER, false);
	}
	if (i != e || v->n == 0)
		return false;
	while (v->n < 4)
		add_part(v, nines, 7, R_NUMBER, false);
	return add_part(v, "dev", 3, R_DEV, false);
}

/* (.*?)[.-]?dev$ */
static bool norm_dev_suffix(const char *s, size_t len, nver *v)
{
	size_t e;

	if (len < 3 || !ci_eq(s + len - 3, "dev", 3))
		return false;
	e = len - 3;
	if (e > 0 && (s[e - 1] == '.' || s[e - 1] == '-'))
		e--;
	return norm_devbranch(s, e, v);
}

/* VersionParser::normalize(); false where it throws. */
static bool normalize(const char *s, size_t len, nver *v)
{
	size_t j;

	v->branch = false;
	v->n = 0;
	if (len == 0)
		return false;
	if ((len == 6 && memcmp(s, "master", 6) == 0) ||
	    (len == 5 && memcmp(s, "trunk", 5) == 0) ||
	    (len == 7 && memcmp(s, "default", 7) == 0)) {
		v->branch = true;
		v->name = s;
		v->name_len = len;
		return true;
	}
	if (len >= 4 && ci_eq(s, "dev-", 4)) {
		v->branch = true;
		v->name = s + 4;
		v->name_len = len - 4;
		return true;
	}
	/* ^([^,\s+]++)\+[^\s]++$: build metadata is dropped */
	for (j = 0; j < len && s[j] != ',' && s[j] != '+' && !is_blank(s[j]);
	     j++)
		;
	if (j > 0 && j + 1 < len && s[j] == '+') {
		size_t k;

		for (k = j + 1; k < len && !is_blank(s[k]); k++)
			;
		if (k == len)
			len = j;
	}
	return norm_classical(s, len, v) || norm_datetime(s, len, v) ||
	       norm_dev_suffix(s, len, v);
}

/* normalize(s . "-dev") for an operand of the form v?N(.N){0,3}, with or
 * without "+build" (which swallows the suffix). */
static bool normalize_dev(const char *s, size_t len, bool build, nver *v)
{
	if (build)
		return normalize(s, len, v);
	v->branch = false;
	if (norm_classical(s, len, v) || norm_datetime(s, len, v))
		return add_part(v, "dev", 3, R_DEV, false);
	return norm_devbranch(s, len, v);
}

/* Normalised, or else as written (our own grammar). */
static bool normalize_or_raw(const char *s, size_t len, nver *v)
{
	ym_composer c;

	if (normalize(s, len, v))
		return true;
	if (ym_composer_parse(s, len, &c, NULL))
		return false;
	from_parsed(&c, v);
	return true;
}

/* VersionParser::parseStability() == "stable". */
static bool is_stable(const nver *v)
{
	unsigned k;

	if (v->branch)
		return false;
	for (k = 0; k < v->n; k++) {
		int r = v->part[k].rank;

		if (r == R_DEV || r == R_ALPHA || r == R_BETA || r == R_RC)
			return false;
	}
	return true;
}

/* --- constraints --- */

/* The constraints of one alternative ("||" part), as far as Composer's
 * merging of neighbouring alternatives needs them. */
typedef struct group {
	unsigned n;   /* constraints in it */
	bool all;     /* whether all hold */
	bool real[2]; /* the first two: a comparison (not "*") */
	int op[2];
	bool sat[2];
	nver b[2];
} group;

typedef struct rctx {
	const char *s;
	const nver *cand; /* NULL: syntax only */
	ym_version_syntax *syn;
	group g;          /* the alternative being read */
} rctx;

/* Constraint::versionCompare() with its rules for dev branches. */
static bool holds(const rctx *r, int op, const nver *b)
{
	const nver *a = r->cand;
	bool same;
	int c;

	if (a->branch || b->branch) {
		same = a->branch && b->branch && a->name_len == b->name_len &&
		       memcmp(a->name, b->name, a->name_len) == 0;
		if (op == OP_NE)
			return !same;
		return op == OP_EQ && same;
	}
	c = nver_cmp(a, b);
	switch (op) {
	case OP_EQ: return c == 0;
	case OP_NE: return c != 0;
	case OP_LT: return c < 0;
	case OP_LE: return c <= 0;
	case OP_GT: return c > 0;
	default: return c >= 0;
	}
}

/* One Constraint of the current alternative. */
static void emit(rctx *r, int op, const nver *b)
{
	group *g = &r->g;
	bool sat = r->cand && holds(r, op, b);

	if (g->n < 2) {
		g->real[g->n] = true;
		g->op[g->n] = op;
		g->sat[g->n] = sat;
		g->b[g->n] = *b;
	}
	g->n++;
	g->all = g->all && sat;
}

/* A MatchAllConstraint ("*"). */
static void emit_all(rctx *r)
{
	group *g = &r->g;

	if (g->n < 2) {
		g->real[g->n] = false;
		g->sat[g->n] = true;
	}
	g->n++;
}

/* The version regex of tilde, caret and hyphen ranges:
 * v?(\d++)(?:\.(\d++))?(?:\.(\d++))?(?:\.(\d++))?
 * (?:<modifier>|\.([xX*][.-]?dev))(?:\+[^\s]+)? */
typedef struct vrm {
	int ng;
	size_t g[4][2];
	bool stab, dev, xdev, build;
} vrm;

static bool match_vr(const char *s, size_t i, size_t end, vrm *m)
{
	size_t start, k;
	modm mm;

	memset(m, 0, sizeof *m);
	if (i < end && (s[i] == 'v' || s[i] == 'V'))
		i++;
	for (;;) {
		start = i;
		while (i < end && is_digit(s[i]))
			i++;
		if (i == start)
			return false;
		m->g[m->ng][0] = start;
		m->g[m->ng++][1] = i;
		if (m->ng == 4 || i + 1 >= end || s[i] != '.' ||
		    !is_digit(s[i + 1]))
			break;
		i++;
	}
	if (mod_at(s, i, end, MOD_CI, true, &mm)) {
		m->stab = mm.has_stab;
		m->dev = mm.dev;
	} else {
		/* \.[xX*][.-]?dev */
		k = i;
		if (k + 1 >= end || s[k] != '.' ||
		    (s[k + 1] != 'x' && s[k + 1] != 'X' && s[k + 1] != '*'))
			return false;
		k += 2;
		if (k < end && (s[k] == '.' || s[k] == '-'))
			k++;
		if (!word_at(s, k, end, "dev", MOD_CI) ||
		    !tail_ok(s, k + 3, end, true))
			return false;
		m->xdev = true;
	}
	for (k = i; k < end; k++)
		if (s[k] == '+')
			m->build = true;
	return true;
}

/* manipulateVersionString(): the four numbers with the one at position
 * (1-based) incremented by inc and those after it zero, then "-dev". */
static void manipulate(const char *s, const vrm *m, int position, bool inc,
		       nver *v)
{
	int k;

	v->branch = false;
	v->n = 0;
	for (k = 1; k <= 4; k++) {
		if (k > position || k > m->ng)
			add_part(v, "0", 1, R_NUMBER, false);
		else
			add_part(v, s + m->g[k - 1][0],
				 m->g[k - 1][1] - m->g[k - 1][0], R_NUMBER,
				 inc && k == position);
	}
	add_part(v, "dev", 3, R_DEV, false);
}

static bool group_is(const char *s, const vrm *m, int k, const char *t)
{
	size_t n = strlen(t);

	return k < m->ng && m->g[k][1] - m->g[k][0] == n &&
	       memcmp(s + m->g[k][0], t, n) == 0;
}

/* Range operand that must normalise: error at a otherwise. */
static int operand(rctx *r, size_t a, size_t b, nver *v)
{
	if (!normalize(r->s + a, b - a, v))
		return fail(r->syn, a, N_("invalid version"));
	return 0;
}

/* "~1.2" and "^1.2". */
static int tilde_caret(rctx *r, size_t a, size_t b, size_t vstart,
		       bool caret)
{
	const char *s = r->s;
	nver lo, hi;
	vrm m;
	int position;

	if (!match_vr(s, vstart, b, &m))
		return fail(r->syn, vstart, N_("invalid version"));
	if (!caret && s[a + 1] == '>')
		return fail(r->syn, a,
			    N_("\"~>\" is not an operator, use \"~\""));
	if (caret) {
		if (!group_is(s, &m, 0, "0") || m.ng < 2)
			position = 1;
		else if (!group_is(s, &m, 1, "0") || m.ng < 3)
			position = 2;
		else
			position = 3;
	} else {
		position = m.ng + (m.xdev ? 1 : 0);
	}
	/* normalize(text . "-dev") unless the text has a stability */
	if (!m.stab && !m.dev && !m.xdev ?
	    !normalize_dev(s + vstart, b - vstart, m.build, &lo) :
	    !normalize(s + vstart, b - vstart, &lo))
		return fail(r->syn, vstart, N_("invalid version"));
	manipulate(s, &m, caret ? position : (position > 1 ? position - 1 : 1),
		   true, &hi);
	emit(r, OP_GE, &lo);
	emit(r, OP_LT, &hi);
	return 0;
}

/* ^v?(\d++)(?:\.(\d++))?(?:\.(\d++))?(?:\.[xX*])++$ */
static void xrange(rctx *r, size_t a, size_t b, bool *matched)
{
	const char *s = r->s;
	size_t i = a, start;
	nver lo, hi;
	vrm m;
	bool zero;
	int k;

	*matched = false;
	memset(&m, 0, sizeof m);
	if (i < b && s[i] == 'v')
		i++;
	for (;;) {
		start = i;
		while (i < b && is_digit(s[i]))
			i++;
		if (i == start)
			return;
		m.g[m.ng][0] = start;
		m.g[m.ng++][1] = i;
		if (m.ng == 3 || i + 1 >= b || s[i] != '.' ||
		    !is_digit(s[i + 1]))
			break;
		i++;
	}
	if (i == b)
		return;
	while (i < b) {
		if (i + 1 >= b || s[i] != '.' ||
		    (s[i + 1] != 'x' && s[i + 1] != 'X' && s[i + 1] != '*'))
			return;
		i += 2;
	}
	*matched = true;
	manipulate(s, &m, m.ng, false, &lo);
	manipulate(s, &m, m.ng, true, &hi);
	zero = true;
	for (k = 0; k < m.ng; k++)
		zero = zero && group_is(s, &m, k, "0");
	if (!zero)
		emit(r, OP_GE, &lo);
	emit(r, OP_LT, &hi);
}

/* "from - to" (the caller found " - " at dash). */
static int hyphen(rctx *r, size_t a, size_t fe, size_t ts, size_t b,
		  const vrm *f, const vrm *t)
{
	const char *s = r->s;
	nver lo, hi;

	if (operand(r, a, fe, &lo))
		return -1;
	if (!f->stab && !f->dev && !f->xdev)
		add_part(&lo, "dev", 3, R_DEV, false);
	if (t->ng >= 3 || t->stab || t->dev || t->xdev) {
		if (operand(r, ts, b, &hi))
			return -1;
		emit(r, OP_GE, &lo);
		emit(r, OP_LE, &hi);
		return 0;
	}
	if (operand(r, ts, b, &hi))
		return -1;
	manipulate(s, t, t->ng >= 2 ? 2 : 1, true, &hi);
	emit(r, OP_GE, &lo);
	emit(r, OP_LT, &hi);
	return 0;
}

/* '/-<modifier>$/' on the lower-cased operand: whether "<" and ">="
 * leave it alone instead of appending "-dev". */
static bool ends_in_modifier(const char *s, size_t a, size_t b)
{
	modm m;
	size_t q;

	for (q = a; q < b; q++)
		if (s[q] == '-' && mod_at(s, q + 1, b, MOD_LOWERED, false, &m))
			return true;
	return false;
}

static int basic(rctx *r, size_t a, size_t b, const char *flag,
		 size_t flag_len)
{
	const char *s = r->s;
	size_t i = a;
	int op = OP_EQ;
	nver v;
	char c = i < b ? s[i] : 0, d = i + 1 < b ? s[i + 1] : 0;

	if (c == '<' && d == '>') {
		op = OP_NE;
		i += 2;
	} else if (c == '!' && d == '=') {
		op = OP_NE;
		i += 2;
	} else if (c == '>' || c == '<') {
		op = d == '=' ? (c == '>' ? OP_GE : OP_LE) :
				(c == '>' ? OP_GT : OP_LT);
		i += d == '=' ? 2 : 1;
	} else if (c == '=') {
		i += d == '=' ? 2 : 1;
	}
	while (i < b && is_blank(s[i]))
		i++;
	if (i == b)
		return fail(r->syn, i, a == b ? N_("empty constraint") :
						N_("missing version"));
	if (!normalize(s + i, b - i, &v)) {
		size_t k;
		bool plain = b - i > 4 && memcmp(s + b - 4, "-dev", 4) == 0;

		/* "foo-dev" stands for "dev-foo" */
		for (k = i; plain && k < b - 4; k++)
			plain = is_digit(s[k]) || is_alpha(s[k]) ||
				s[k] == '-' || s[k] == '.' || s[k] == '/';
		if (plain) {
			v.branch = true;
			v.name = s + i;
			v.name_len = b - 4 - i;
			v.n = 0;
		} else if (!normalize_or_raw(s + i, b - i, &v)) {
			return fail(r->syn, i, N_("invalid version"));
		}
	}
	if (op != OP_EQ && flag && is_stable(&v)) {
		add_part(&v, flag, flag_len, php_rank(flag, flag_len), false);
	} else if ((op == OP_LT || op == OP_GE) && !v.branch &&
		   !ends_in_modifier(s, i, b) &&
		   !(b - i >= 4 && memcmp(s + i, "dev-", 4) == 0)) {
		add_part(&v, "dev", 3, R_DEV, false);
	}
	emit(r, op, &v);
	return 0;
}

/* VersionParser::parseConstraint() on s[a..b), evaluated at once. */
static int constraint(rctx *r, size_t a, size_t b)
{
	static const char *const flags[] = {
		"stable", "rc", "beta", "alpha", "dev"
	};
	const char *s = r->s;
	const char *flag = NULL;
	size_t flag_len = 0, i, j, k;
	bool matched;

	/* "1.0 as 2.0": the alias is ignored */
	for (j = a; j < b && s[j] != ',' && !is_blank(s[j]); j++)
		;
	if (j > a && j < b && s[j] == ' ') {
		for (k = j; k < b && s[k] == ' '; k++)
			;
		if (b - k > 3 && s[k] == 'a' && s[k + 1] == 's' &&
		    s[k + 2] == ' ') {
			size_t m0;

			for (k += 2; k < b && s[k] == ' '; k++)
				;
			m0 = k;
			while (k < b && s[k] != ',' && !is_blank(s[k]))
				k++;
			if (k == b && k > m0)
				b = j;
		}
	}
	/* "@dev" stability flags */
	for (j = a; j < b && s[j] != ',' && !is_blank(s[j]); j++) {
		size_t f;

		if (s[j] != '@')
			continue;
		for (f = 0; f < sizeof flags / sizeof *flags; f++)
			if (b - j - 1 == strlen(flags[f]) &&
			    ci_eq(s + j + 1, flags[f], b - j - 1))
				break;
		if (f == sizeof flags / sizeof *flags)
			continue;
		if (!(b - j - 1 == 6 && memcmp(s + j + 1, "stable", 6) == 0)) {
			flag = s + j + 1;
			flag_len = b - j - 1;
		}
		if (j == a) {
			emit_all(r); /* "@dev" alone is "*" */
			return 0;
		}
		b = j;
		break;
	}
	/* "#ref" suffixes of dev versions */
	for (j = a; j < b && s[j] != ',' && s[j] != '@' && !is_blank(s[j]);
	     j++) {
		if (s[j] != '#' || j + 1 >= b)
			continue;
		if ((j - a > 4 && ci_eq(s + a, "dev-", 4)) ||
		    (j - a > 6 && ci_eq(s + j - 6, ".x-dev", 6))) {
			b = j;
			break;
		}
	}
	/* ^(v)?[xX*](\.[xX*])*$ */
	i = a;
	if (i < b && (s[i] == 'v' || s[i] == 'V'))
		i++;
	for (k = i; k < b; k += 2) {
		if (k > i && s[k - 1] != '.')
			break;
		if (s[k] != 'x' && s[k] != 'X' && s[k] != '*')
			break;
	}
	if (k >= b + 1 && b > i) {
		nver zero;

		if (i == a && b - a == 1) {
			emit_all(r);
			return 0;
		}
		zero.branch = false;
		zero.n = 0;
		for (k = 0; k < 4; k++)
			add_part(&zero, "0", 1, R_NUMBER, false);
		add_part(&zero, "dev", 3, R_DEV, false);
		emit(r, OP_GE, &zero);
		return 0;
	}
	if (s[a] == '~') {
		i = a + 1 < b && s[a + 1] == '>' ? a + 2 : a + 1;
		return tilde_caret(r, a, b, i, false);
	}
	if (s[a] == '^')
		return tilde_caret(r, a, b, a + 1, true);
	xrange(r, a, b, &matched);
	if (matched)
		return 0;
	/* "from - to" */
	for (j = a; j < b && s[j] != ' '; j++)
		;
	if (j > a && j < b) {
		for (k = j; k < b && s[k] == ' '; k++)
			;
		if (k + 1 < b && s[k] == '-' && s[k + 1] == ' ') {
			size_t ts = k + 1;
			vrm f, t;

			while (ts < b && s[ts] == ' ')
				ts++;
			if (match_vr(s, a, j, &f) && match_vr(s, ts, b, &t))
				return hyphen(r, a, j, ts, b, &f, &t);
		}
	}
	return basic(r, a, b, flag, flag_len);
}

/* The next AND separator of the OR part s[base..end) at or after from:
 * (?<!^|as|[=>< ,]) *(?<!-)[, ](?!-) *(?!,|as|$) as preg_split finds it. */
static bool and_sep(const char *s, size_t base, size_t from, size_t end,
		    size_t *ms, size_t *me)
{
	size_t p;

	for (p = from > base ? from : base + 1; p < end; p++) {
		char c = s[p - 1];
		size_t k1max = 0, k1;

		if (c == '=' || c == '>' || c == '<' || c == ' ' || c == ',')
			continue;
		if (p - base >= 2 && s[p - 2] == 'a' && c == 's')
			continue;
		while (p + k1max < end && s[p + k1max] == ' ')
			k1max++;
		for (k1 = k1max + 1; k1-- > 0;) {
			size_t q = p + k1, k2max = 0, k2;

			if (q >= end || (s[q] != ',' && s[q] != ' ') ||
			    s[q - 1] == '-' || (q + 1 < end && s[q + 1] == '-'))
				continue;
			while (q + 1 + k2max < end && s[q + 1 + k2max] == ' ')
				k2max++;
			for (k2 = k2max + 1; k2-- > 0;) {
				size_t e = q + 1 + k2;

				if (e >= end || s[e] == ',' ||
				    (e + 1 < end && s[e] == 'a' &&
				     s[e + 1] == 's'))
					continue;
				*ms = p;
				*me = e;
				return true;
			}
		}
	}
	return false;
}

/* A ">= A < B" alternative, which Composer may merge with the next. */
static bool mergeable(const group *g)
{
	return g->n == 2 && g->real[0] && g->real[1] && g->op[0] == OP_GE &&
	       (g->op[1] == OP_LT || g->op[1] == OP_LE);
}

/* The bound strings Composer compares, by value. */
static bool same_bound(const nver *a, const nver *b)
{
	if (a->branch || b->branch)
		return a->branch && b->branch && a->name_len == b->name_len &&
		       memcmp(a->name, b->name, a->name_len) == 0;
	return a->n == b->n && nver_cmp(a, b) == 0;
}

int ym_composer_range_contains(const char *range, size_t len,
			       const ym_composer *v, bool *out,
			       ym_version_syntax *syn)
{
	rctx r;
	group left;
	nver cand;
	size_t a = 0, b = len;
	bool any = false, have_left = false;

	r.s = range;
	r.syn = syn;
	r.cand = NULL;
	if (v) {
		if (!normalize(v->s, v->len, &cand))
			from_parsed(v, &cand);
		r.cand = &cand;
	}
	while (a < b && is_blank(range[a]))
		a++;
	while (b > a && is_blank(range[b - 1]))
		b--;
	for (;;) {
		size_t pe = a, ne, ms, me, seg;

		r.g.n = 0;
		r.g.all = true;
		/* \s*\|\|?\s* separates alternatives */
		while (pe < b && range[pe] != '|')
			pe++;
		ne = pe;
		while (pe > a && is_blank(range[pe - 1]))
			pe--;
		seg = a;
		while (and_sep(range, a, seg, pe, &ms, &me)) {
			if (constraint(&r, seg, ms))
				return -1;
			seg = me;
		}
		if (seg == pe)
			return fail(syn, seg, N_("empty constraint"));
		if (constraint(&r, seg, pe))
			return -1;
		/* MultiConstraint::create() turns [>= A < B] || [>= B < C]
		 * into [>= A < C], which differs when an interval is empty */
		if (have_left && mergeable(&left) && mergeable(&r.g) &&
		    left.op[1] == OP_LT && same_bound(&left.b[1], &r.g.b[0])) {
			left.op[1] = r.g.op[1];
			left.sat[1] = r.g.sat[1];
			left.b[1] = r.g.b[1];
			left.all = left.sat[0] && left.sat[1];
		} else {
			if (have_left && left.all)
				any = true;
			left = r.g;
			have_left = true;
		}
		if (ne >= b)
			break;
		ne++;
		if (ne < b && range[ne] == '|')
			ne++;
		while (ne < b && is_blank(range[ne]))
			ne++;
		a = ne;
		if (a >= b)
			return fail(syn, a, N_("empty constraint"));
	}
	if (have_left && left.all)
		any = true;
	if (out && v)
		*out = any;
	return 0;
}
