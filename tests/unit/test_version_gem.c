/* test_version_gem.c - RubyGems versions and requirements. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "version/gem.h"
#include "version/version.h"
#include "version_order.h"

/* -1, 0, 1, or 99 if either side is rejected. */
static int cmp(const char *a, const char *b)
{
	ym_gem x, y;

	if (ym_gem_parse(a, strlen(a), &x, NULL) ||
	    ym_gem_parse(b, strlen(b), &y, NULL))
		return 99;
	return ym_gem_cmp(&x, &y);
}

/* 1 inside, 0 outside, -1 error. */
static int in(const char *v, const char *r)
{
	ym_gem x;
	bool out = false;

	if (ym_gem_parse(v, strlen(v), &x, NULL) ||
	    ym_gem_range_contains(r, strlen(r), &x, &out, NULL))
		return -1;
	return out;
}

/* "pos reason" of a rejection ("-" for no reason), "ok" if accepted. */
static char msg[128];

static const char *syn_str(int rc, const ym_version_syntax *syn)
{
	if (rc == 0)
		return "ok";
	snprintf(msg, sizeof msg, "%zu %s", syn->pos,
		 syn->why ? syn->why : "-");
	return msg;
}

static const char *verr(const char *v)
{
	ym_gem x;
	ym_version_syntax syn = { 0, NULL };

	return syn_str(ym_gem_parse(v, strlen(v), &x, &syn), &syn);
}

static const char *rerr(const char *r)
{
	ym_version_syntax syn = { 0, NULL };

	return syn_str(ym_gem_range_contains(r, strlen(r), NULL, NULL, &syn),
		       &syn);
}

static void t_order(void)
{
	/* sorted by Ruby 3.1's Gem::Version (RubyGems 3.3) */
	static const char *const v[] = {
		"0.a", "0", "0.0.1", "1.0.A", "1.0.a.a", "1.0.a", "1.0.a1.b",
		"1.0.a.1", "1.0.b", "1-a", "1.0.pre", "1.0-1", "1.0.rc1", "1.0",
		"1.0.1", "1.1.a", "1.1", "1.10", "2.a", "2", "2.0.0.1", "10"
	};
	size_t n = sizeof v / sizeof v[0], i, j;

	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++)
			CHECK_INT(cmp(v[i], v[j]), i < j ? -1 : i > j);
}

static void t_compare(void)
{
	/* trailing zeros, in the numeric part and after the letters */
	CHECK_INT(cmp("1", "1.0.0"), 0);
	CHECK_INT(cmp("1.0.a", "1.a"), 0);
	CHECK_INT(cmp("1.0.0.a.0", "1.a"), 0);
	CHECK_INT(cmp("1.a.0.b", "1.a.b"), 1);
	/* segments are runs of digits or letters */
	CHECK_INT(cmp("1.0.a2", "1.0.a.2"), 0);
	CHECK_INT(cmp("1.0.a10", "1.0.a9"), 1);
	CHECK_INT(cmp("1.2a", "1.2.a"), 0);
	/* '-' is ".pre." */
	CHECK_INT(cmp("1.0.0-alpha0", "1.0.0.pre.alpha"), 0);
	CHECK_INT(cmp("1-a", "1.a"), 1);
	CHECK_INT(cmp("1.0--", "1.0.pre.pre"), 0);
	CHECK_INT(cmp("1.2.4.beta", "1.2.4"), -1);
	/* letters in byte order, case-sensitive */
	CHECK_INT(cmp("1.A", "1.a"), -1);
	CHECK_INT(cmp("1.b", "1.ab"), 1);
	/* leading zeros, blanks, big numbers */
	CHECK_INT(cmp("01.002", "1.2"), 0);
	CHECK_INT(cmp(" 1.2\t\n", "1.2"), 0);
	CHECK_INT(cmp("18446744073709551616", "18446744073709551615"), 1);
	CHECK_INT(cmp("999999999999999999999999999991",
		      "999999999999999999999999999999"), -1);
	CHECK_INT(cmp("1.99999999999999999999999.a",
		      "1.99999999999999999999999.b"), -1);
	CHECK_INT(cmp("3.10", "3.2"), 1);
}

static void t_prerelease_flag(void)
{
	ym_gem g;

	CHECK(ym_gem_parse("1.0.a", 5, &g, NULL) == 0 && g.prerelease);
	CHECK(ym_gem_parse("1.0-1", 5, &g, NULL) == 0 && g.prerelease);
	CHECK(ym_gem_parse("1.0.0", 5, &g, NULL) == 0 && !g.prerelease);
}

static void t_reject(void)
{
	CHECK_STR(verr("1.2.3"), "ok");
	CHECK_STR(verr("1--"), "ok");
	CHECK_STR(verr("1.a-b-c.-d"), "ok");
	CHECK_STR(verr(""), "0 -");
	CHECK_STR(verr(" \t"), "2 -");
	CHECK_STR(verr("a"), "0 -");
	CHECK_STR(verr("v1.0"), "0 -");
	CHECK_STR(verr(".1"), "0 -");
	CHECK_STR(verr("1..2"), "2 -");
	CHECK_STR(verr("1."), "2 -");
	CHECK_STR(verr("1-"), "2 -");
	CHECK_STR(verr("1.a-"), "4 -");
	CHECK_STR(verr("1.-a"), "2 -");
	CHECK_STR(verr("1-a..b"), "4 -");
	CHECK_STR(verr("1beta"), "1 -");
	CHECK_STR(verr("1.2_3"), "3 -");
	CHECK_STR(verr("1.2.3+b"), "5 -");
	CHECK_STR(verr("1 2"), "1 -");
	CHECK_STR(verr(" 1.2 x"), "4 -");
	CHECK_STR(verr("1.\xc3\xa9"), "2 -");
}

static void t_operators(void)
{
	CHECK_INT(in("1.0.0", "= 1.0"), 1);
	CHECK_INT(in("1.0.0", "1"), 1);
	CHECK_INT(in("1.0.1", "1.0"), 0);
	CHECK_INT(in("1.0.1", "!= 1.0"), 1);
	CHECK_INT(in("1.0", "!=1.0.0"), 0);
	CHECK_INT(in("1.0.1", "> 1.0"), 1);
	CHECK_INT(in("1.0", "> 1.0"), 0);
	CHECK_INT(in("1.0.a", "< 1.0"), 1);
	CHECK_INT(in("1.0", "<= 1.0.0"), 1);
	CHECK_INT(in("0.9", ">= 1.0"), 0);
	/* prereleases are not filtered (Gem::Requirement#satisfied_by?) */
	CHECK_INT(in("2.0.0.rc1", ">= 1.0"), 1);
	CHECK_INT(in("1.0.0-alpha0", ">= 1.0.0.pre.alpha"), 1);
}

static void t_pessimistic(void)
{
	/* ~> 2.2 := >= 2.2, < 3 */
	CHECK_INT(in("2.2", "~> 2.2"), 1);
	CHECK_INT(in("2.9.9", "~> 2.2"), 1);
	CHECK_INT(in("2.1.9", "~> 2.2"), 0);
	CHECK_INT(in("3.0", "~> 2.2"), 0);
	/* with the prerelease part dropped: 2.3.a is 2.3, 3.0.a is 3.0 */
	CHECK_INT(in("2.3.a", "~> 2.2"), 1);
	CHECK_INT(in("3.0.a", "~> 2.2"), 0);
	/* ~> 2.2.0 := >= 2.2.0, < 2.3 */
	CHECK_INT(in("2.2.9", "~> 2.2.0"), 1);
	CHECK_INT(in("2.3", "~> 2.2.0"), 0);
	CHECK_INT(in("2.3.0.a", "~> 2.2.0"), 0);
	/* ~> 2 := >= 2, < 3; ~> 0 := >= 0, < 1 */
	CHECK_INT(in("2.99", "~> 2"), 1);
	CHECK_INT(in("3", "~> 2"), 0);
	CHECK_INT(in("0.9", "~> 0"), 1);
	CHECK_INT(in("1", "~> 0"), 0);
	/* prerelease operands: the bump uses the numeric part */
	CHECK_INT(in("1.0.a", "~> 1.0"), 0);
	CHECK_INT(in("1.0", "~> 1.0.a"), 1);
	CHECK_INT(in("1.0.a", "~> 1.0.a"), 1);
	CHECK_INT(in("1.9.z", "~> 1.0.a"), 1);
	CHECK_INT(in("2.a", "~> 1.0.a"), 0);
	CHECK_INT(in("1.2.4.b", "~> 1.2.3.a"), 1);
	CHECK_INT(in("1.3", "~> 1.2.3.a"), 0);
	CHECK_INT(in("1.b", "~> 1.a.2"), 1);
	CHECK_INT(in("1.9", "~> 1.a.2"), 1);
	CHECK_INT(in("2", "~> 1.a.2"), 0);
	/* bumps past 2^64 */
	CHECK_INT(in("99999999999999999999.9", "~> 99999999999999999999.1"),
		  1);
	CHECK_INT(in("100000000000000000000", "~> 99999999999999999999.1"),
		  0);
	CHECK_INT(in("100000000000000000000.a",
		     "~> 99999999999999999999.1"), 0);
	CHECK_INT(in("1.2.3", "~>1.2.3"), 1);
}

static void t_lists(void)
{
	CHECK_INT(in("1.5", ">= 1.0, < 2.0"), 1);
	CHECK_INT(in("2.0", ">= 1.0, < 2.0"), 0);
	CHECK_INT(in("2.2.5", "~> 2.2, != 2.2.4,>=2.2.1"), 1);
	CHECK_INT(in("2.2.4", "~> 2.2, != 2.2.4,>=2.2.1"), 0);
	/* GitLab's notation: blanks between comparators, "||" sets */
	CHECK_INT(in("4.0.5", ">=4.0.0 <4.1.2"), 1);
	CHECK_INT(in("3.3", "<3.4.0||>=4.0.0 <4.1.2"), 1);
	CHECK_INT(in("3.5", "<3.4.0||>=4.0.0 <4.1.2"), 0);
	CHECK_INT(in("4.1.1", "<3.4.0 || >=4.0.0 <4.1.2"), 1);
	CHECK_INT(in("1.1.0.beta", "<1.0.1||>=1.1.0.alpha0 <1.1.2"), 1);
	CHECK_INT(in("1.0.1", "<1.0.1||>=1.1.0.alpha0 <1.1.2"), 0);
	CHECK_INT(in("4.1.0.beta1", "<3.2.17 || >=4.0.0.beta <4.0.3 || "
		     "=4.1.0.beta1"), 1);
	CHECK_INT(in("1.0.0-beta", ">=1.0.0-alpha0 <1.1.1"), 1);
}

static void t_range_errors(void)
{
	CHECK_STR(rerr(">= 1.0, < 2"), "ok");
	CHECK_STR(rerr(""), "0 -");
	CHECK_STR(rerr("  "), "2 -");
	CHECK_STR(rerr(">="), "2 -");
	CHECK_STR(rerr("~ 1"), "1 -");
	CHECK_STR(rerr("!1"), "1 -");
	CHECK_STR(rerr("=> 1"), "1 -");
	CHECK_STR(rerr("== 1"), "1 -");
	CHECK_STR(rerr(">= 1.0,"), "7 -");
	CHECK_STR(rerr(">= 1.0,,2"), "7 -");
	CHECK_STR(rerr(">= 1.0 |"), "7 -");
	CHECK_STR(rerr("1.0 || "), "7 -");
	CHECK_STR(rerr("|| 1.0"), "0 -");
	CHECK_STR(rerr(">= 1..0"), "5 -");
	CHECK_STR(rerr("~> 1.0.a-"), "9 -");
	CHECK_STR(rerr("a"), "0 -");
	CHECK_STR(rerr(">= 1.0;"), "6 -");
	/* a bad range is reported even when the version is given */
	CHECK_INT(in("1.0", ">= 1.0,"), -1);
}

/* --- total order on generated versions --- */

#define NGEN 1500

/* RND(n): 0 .. n-1 from the generator state s */
#define RND(n) order_xorshift64(s, n)

static void gen_version(char *out, size_t cap, unsigned long long *s)
{
	static const char *const num[] = { "0", "1", "2", "9", "10", "00",
					   "01", "18446744073709551616" };
	static const char *const word[] = { "a", "b", "pre", "rc", "A", "Z",
					    "alpha", "ab" };
	size_t n = 0;
	int k, parts = 1 + (int)RND(5);
	bool dash = false;

	n += (size_t)snprintf(out + n, cap - n, "%s", num[RND(8)]);
	for (k = 1; k < parts && n + 24 < cap; k++) {
		unsigned r = RND(10);
		char sep = '.';

		if (r == 0 && !dash) {
			sep = '-';
			dash = true;
		}
		if (r < 6)
			n += (size_t)snprintf(out + n, cap - n, "%c%s", sep,
					      num[RND(7)]);
		else if (r < 9)
			n += (size_t)snprintf(out + n, cap - n, "%c%s", sep,
					      word[RND(8)]);
		else
			n += (size_t)snprintf(out + n, cap - n, "%c%s%s", sep,
					      word[RND(8)], num[RND(4)]);
	}
}

#undef RND

static void t_total_order(void)
{
	const order_gen gen = { .make = gen_version, .text_cap = 48,
				 .seed = 88172645463325252ULL };
	const char *why = check_total_order(YM_SCHEME_GEM, &gen, NGEN);

	if (why)
		TEST_FAIL_("%s", why);
}

int main(void)
{
	RUN(t_order);
	RUN(t_compare);
	RUN(t_prerelease_flag);
	RUN(t_reject);
	RUN(t_operators);
	RUN(t_pessimistic);
	RUN(t_lists);
	RUN(t_range_errors);
	RUN(t_total_order);
	return test_done();
}
