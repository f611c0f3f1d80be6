/* test_version_cargo.c - Cargo versions and requirements. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "version/cargo.h"
#include "version/version.h"
#include "version_order.h"

/* -1, 0, 1, or 99 if either side is rejected. */
static int cmp(const char *a, const char *b)
{
	ym_cargo x, y;

	if (ym_cargo_parse(a, strlen(a), &x, NULL) ||
	    ym_cargo_parse(b, strlen(b), &y, NULL))
		return 99;
	return ym_cargo_cmp(&x, &y);
}

/* 1 inside, 0 outside, -1 error. */
static int in(const char *v, const char *r)
{
	ym_cargo x;
	bool out = false;

	if (ym_cargo_parse(v, strlen(v), &x, NULL) ||
	    ym_cargo_range_contains(r, strlen(r), &x, &out, NULL))
		return -1;
	return out;
}

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
	ym_cargo x;
	ym_version_syntax syn = { 0, NULL };

	return syn_str(ym_cargo_parse(v, strlen(v), &x, &syn), &syn);
}

static const char *rerr(const char *r)
{
	ym_version_syntax syn = { 0, NULL };

	return syn_str(ym_cargo_range_contains(r, strlen(r), NULL, NULL,
					       &syn), &syn);
}

static void t_versions(void)
{
	static const char *const v[] = {
		"0.0.0-0", "0.0.0", "1.0.0-alpha", "1.0.0-alpha.1",
		"1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
		"1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.10.0",
		"2.0.0", "18446744073709551616.0.0"
	};
	size_t n = sizeof v / sizeof v[0], i, j;

	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++)
			CHECK_INT(cmp(v[i], v[j]), i < j ? -1 : i > j);
	CHECK_INT(cmp("1.0.0+a", "1.0.0+b"), 0);
	CHECK_STR(verr("1.2.3-alpha.1+build.007"), "ok");
	CHECK_STR(verr("v1.2.3"), "0 -");
	CHECK_STR(verr("1.2"), "3 -");
	CHECK_STR(verr("01.2.3"), "0 leading zero in a number");
	CHECK_STR(verr("1.2.3-01"), "6 leading zero in a number");
	CHECK_STR(verr("1.2.3 "), "5 -");
	CHECK_STR(verr("1.2.3-"), "6 -");
}

static void t_caret(void)
{
	/* bare versions are caret requirements */
	CHECK_INT(in("1.2.3", "1.2.3"), 1);
	CHECK_INT(in("1.9.0", "1.2.3"), 1);
	CHECK_INT(in("2.0.0", "1.2.3"), 0);
	CHECK_INT(in("1.2.2", "^1.2.3"), 0);
	CHECK_INT(in("0.2.9", "0.2.3"), 1);
	CHECK_INT(in("0.3.0", "0.2.3"), 0);
	CHECK_INT(in("0.0.3", "^0.0.3"), 1);
	CHECK_INT(in("0.0.4", "^0.0.3"), 0);
	CHECK_INT(in("1.5.0", "^1.2"), 1);
	CHECK_INT(in("2.0.0", "^1.2"), 0);
	CHECK_INT(in("0.0.9", "^0.0"), 1);
	CHECK_INT(in("0.1.0", "^0.0"), 0);
	CHECK_INT(in("0.5.0", "^0"), 1);
	CHECK_INT(in("1.0.0", "^0"), 0);
	CHECK_INT(in("1.9.9", "^1"), 1);
	CHECK_INT(in("0.2.5", "^0.2"), 1);
	CHECK_INT(in("0.3.0", "^0.2"), 0);
	CHECK_INT(in("18446744073709551615.1.0",
		     "^18446744073709551615.0.0"), 1);
	CHECK_INT(in("18446744073709551616.0.0",
		     "^18446744073709551615.0.0"), 0);
}

static void t_tilde_ops(void)
{
	CHECK_INT(in("1.2.9", "~1.2.3"), 1);
	CHECK_INT(in("1.3.0", "~1.2.3"), 0);
	CHECK_INT(in("1.2.0", "~1.2"), 1);
	CHECK_INT(in("1.3.0", "~1.2"), 0);
	CHECK_INT(in("1.9.0", "~1"), 1);
	CHECK_INT(in("2.0.0", "~1"), 0);
	CHECK_INT(in("1.3.0", ">1.2"), 1);
	CHECK_INT(in("1.2.9", ">1.2"), 0);
	CHECK_INT(in("1.9.9", "<=1"), 1);
	CHECK_INT(in("2.0.0", "<=1"), 0);
	CHECK_INT(in("1.2.0", "<1.2.0"), 0);
	CHECK_INT(in("1.1.99", "<1.2"), 1);
	CHECK_INT(in("1.2.0", "=1.2"), 1);
	CHECK_INT(in("1.3.0", "=1.2"), 0);
	CHECK_INT(in("1.0.0", ">= 1.0.0 ,  < 2.0.0"), 1);
	CHECK_INT(in("2.0.0", ">=1.0.0,<2.0.0"), 0);
	CHECK_INT(in("1.0.0", "  >=1.0.0,<2.0.0  "), 1);
	/* build metadata is ignored */
	CHECK_INT(in("1.0.0+build", "=1.0.0"), 1);
	CHECK_INT(in("1.0.0", "=1.0.0+other"), 1);
	CHECK_INT(in("1.0.0-a+x", "=1.0.0-a+y"), 1);
}

static void t_wildcards(void)
{
	CHECK_INT(in("1.2.3", "1.2.*"), 1);
	CHECK_INT(in("1.3.0", "1.2.*"), 0);
	CHECK_INT(in("1.3.0", "1.*"), 1);
	CHECK_INT(in("1.3.0", "1.x"), 1);
	CHECK_INT(in("1.3.0", "1.X.X"), 1);
	CHECK_INT(in("2.0.0", "1.*"), 0);
	CHECK_INT(in("1.5.0", ">=1.*"), 1);
	CHECK_INT(in("0.9.0", ">=1.*"), 0);
	CHECK_INT(in("0.9.0", "<1.*"), 1);
	CHECK_INT(in("1.0.0", "<1.*"), 0);
	CHECK_INT(in("1.2.3", "*"), 1);
	CHECK_INT(in("1.2.3", " x "), 1);
	CHECK_INT(in("1.2.3", "X"), 1);
}

static void t_prerelease_rule(void)
{
	CHECK_INT(in("1.2.3-alpha", "*"), 0);
	CHECK_INT(in("1.2.3-alpha", "1.*"), 0);
	CHECK_INT(in("1.2.3-alpha", ">=1.2.3-alpha"), 1);
	CHECK_INT(in("1.2.3-beta", ">=1.2.3-alpha"), 1);
	CHECK_INT(in("1.2.4-beta", ">=1.2.3-alpha"), 0);
	CHECK_INT(in("1.2.3-beta", ">=1.2.3-alpha, <2"), 1);
	CHECK_INT(in("1.2.3-beta", "<2"), 0);
	/* the same major.minor.patch may come from any comparator */
	CHECK_INT(in("1.2.3-beta", ">=1.0.0, <=1.2.3-rc"), 1);
	CHECK_INT(in("1.2.3-alpha", "^1.2.3-beta"), 0);
	CHECK_INT(in("1.2.3-rc.1", "^1.2.3-beta"), 1);
	CHECK_INT(in("1.2.3-rc.1", "~1.2.3-beta"), 1);
	CHECK_INT(in("1.2.3", "^1.2.3-beta"), 1);
	CHECK_INT(in("0.0.1-a", "^0.0.1-a"), 1);
	CHECK_INT(in("0.0.1", "^0.0.1-a"), 1);
	CHECK_INT(in("0.0.2-a", "^0.0.1-a"), 0);
	/* partial comparators and prereleases at their own prefix */
	CHECK_INT(in("1.2.5-rc.1", ">=1.2"), 0);
	CHECK_INT(in("1.3.0-rc.1", ">1.2"), 0);
	CHECK_INT(in("1.3.0-rc.1", ">1.2, <=1.3.0-rc.2"), 1);
	CHECK_INT(in("1.2.5-alpha", ">=1.2, <=1.2.5-beta"), 0);
	CHECK_INT(in("1.2.5-alpha", ">=1.2.0, <=1.2.5-beta"), 1);
}

static void t_range_errors(void)
{
	char many[400];
	size_t n = 0;
	int k;

	CHECK_STR(rerr(""), "0 -");
	CHECK_STR(rerr("  "), "2 -");
	CHECK_STR(rerr(">="), "2 -");
	CHECK_STR(rerr(">=*"), "2 -");
	CHECK_STR(rerr("^*"), "1 -");
	CHECK_STR(rerr("*, 1.0"),
		  "0 a wildcard requirement must be the only comparator");
	CHECK_STR(rerr("1.0, *"),
		  "5 a wildcard requirement must be the only comparator");
	CHECK_STR(rerr("* 1"), "2 -");
	CHECK_STR(rerr("1.*.3"), "4 number after a wildcard");
	CHECK_STR(rerr("1.x.3"), "4 number after a wildcard");
	CHECK_STR(rerr("1.2.3 - 2"), "6 -");
	CHECK_STR(rerr("1.0,"), "4 -");
	CHECK_STR(rerr("1.0,,2"), "4 -");
	CHECK_STR(rerr("1.2-a"), "3 -");
	CHECK_STR(rerr("1.2+b"), "3 -");
	CHECK_STR(rerr("1.2.3.4"), "5 -");
	CHECK_STR(rerr("\t1.0"), "0 -");
	CHECK_STR(rerr("~>1.0"), "1 -");
	CHECK_STR(rerr("==1.0"), "1 -");
	CHECK_STR(rerr("1.0 2.0"), "4 -");
	CHECK_STR(rerr("01.0"), "0 leading zero in a number");
	CHECK_STR(rerr("1.0.0-01"), "6 leading zero in a number");
	CHECK_STR(rerr("1.2.3-"), "6 -");
	CHECK_STR(rerr("1.2.3-a..b"), "8 -");
	CHECK_STR(rerr("1.2.3+"), "6 -");
	CHECK_STR(rerr("1.2.3-a!"), "7 -");
	CHECK_STR(rerr("v1.2.3"), "0 -");
	CHECK_STR(rerr(">= 1.0 , <2 ,"), "13 -");
	CHECK_STR(rerr("1.0.0+b+c"), "7 -");
	/* 32 comparators at most */
	for (k = 0; k < 32; k++)
		n += (size_t)snprintf(many + n, sizeof many - n, "%s>=0.0.1",
				      k ? ", " : "");
	CHECK_STR(rerr(many), "ok");
	snprintf(many + n, sizeof many - n, ", <9");
	CHECK_STR(rerr(many), "288 more than 32 comparators");
	CHECK_INT(in("1.0.0", "1.0,"), -1);
}

/* --- total order on generated versions --- */

#define NGEN 1500

/* RND(n): 0 .. n-1 from the generator state s */
#define RND(n) order_xorshift64(s, n)

static void gen_version(char *out, size_t cap, unsigned long long *s)
{
	static const char *const num[] = { "0", "1", "2", "10",
					   "18446744073709551616" };
	static const char *const id[] = { "0", "1", "11", "a", "alpha",
					  "beta", "A", "-", "rc" };
	size_t n = (size_t)snprintf(out, cap, "%s.%s.%s", num[RND(5)],
				    num[RND(4)], num[RND(4)]);
	int k, ids = (int)RND(4) - 1;

	for (k = 0; k < ids; k++)
		n += (size_t)snprintf(out + n, cap - n, "%c%s",
				      k ? '.' : '-', id[RND(9)]);
	if (RND(5) == 0)
		snprintf(out + n, cap - n, "+b%u", RND(3));
}

#undef RND

static void t_total_order(void)
{
	const order_gen gen = { .make = gen_version, .text_cap = 64,
				 .seed = 88172645463325252ULL };
	const char *why = check_total_order(YM_SCHEME_CARGO, &gen, NGEN);

	if (why)
		TEST_FAIL_("%s", why);
}

int main(void)
{
	RUN(t_versions);
	RUN(t_caret);
	RUN(t_tilde_ops);
	RUN(t_wildcards);
	RUN(t_prerelease_rule);
	RUN(t_range_errors);
	RUN(t_total_order);
	return test_done();
}
