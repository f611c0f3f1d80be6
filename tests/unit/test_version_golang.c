/* test_version_golang.c - Go module versions and comparator-set ranges. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "version/golang.h"
#include "version/version.h"
#include "version_order.h"

/* -1, 0, 1, or 99 if either side is rejected. */
static int cmp(const char *a, const char *b)
{
	ym_golang x, y;

	if (ym_golang_parse(a, strlen(a), &x, NULL) ||
	    ym_golang_parse(b, strlen(b), &y, NULL))
		return 99;
	return ym_golang_cmp(&x, &y);
}

/* 1 inside, 0 outside, -1 error. */
static int in(const char *v, const char *r)
{
	ym_golang x;
	bool out = false;

	if (ym_golang_parse(v, strlen(v), &x, NULL) ||
	    ym_golang_range_contains(r, strlen(r), &x, &out, NULL))
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
	ym_golang x;
	ym_version_syntax syn = { 0, NULL };

	return syn_str(ym_golang_parse(v, strlen(v), &x, &syn), &syn);
}

static const char *rerr(const char *r)
{
	ym_version_syntax syn = { 0, NULL };

	return syn_str(ym_golang_range_contains(r, strlen(r), NULL, NULL,
						&syn), &syn);
}

static void t_order(void)
{
	static const char *const v[] = {
		"v0.0.0-20191109021931-daa7c04131f5",
		"v0.0.0-20200101000000-000000000000", "v0.0.0", "v0.1.0",
		"v1.0.0-alpha", "v1.0.0-alpha.1", "v1.0.0-beta", "v1.0.0-rc.1",
		"v1.0.0", "v1.2.3-0.20200101000000-abcdef123456", "v1.2.3-pre",
		"v1.2.3", "v1.10.0", "v2.0.0+incompatible", "v2.1.0",
		"v18446744073709551616.0.0"
	};
	size_t n = sizeof v / sizeof v[0], i, j;

	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++)
			CHECK_INT(cmp(v[i], v[j]), i < j ? -1 : i > j);
}

static void t_forms(void)
{
	ym_golang g;

	/* shorthands, optional v, build metadata ignored */
	CHECK_INT(cmp("v1.2", "v1.2.0"), 0);
	CHECK_INT(cmp("v1", "1.0.0"), 0);
	CHECK_INT(cmp("1.2.3", "v1.2.3"), 0);
	CHECK_INT(cmp("0", "v0.0.0"), 0);
	CHECK_INT(cmp("v2.0.0+incompatible", "v2.0.0"), 0);
	CHECK_INT(cmp("v1.2.3-r100", "v1.2.3-R2"), 1);
	CHECK_INT(cmp("999999999999999999999999999991",
		      "999999999999999999999999999999"), -1);
	CHECK(ym_golang_parse("v1.2", 4, &g, NULL) == 0 && g.shorthand &&
	      g.v_prefix);
	CHECK(ym_golang_parse("1.2.3", 5, &g, NULL) == 0 && !g.shorthand &&
	      !g.v_prefix);
}

static void t_reject(void)
{
	CHECK_STR(verr("v1.2.3-pre.1+build.01"), "ok");
	CHECK_STR(verr(""), "0 -");
	CHECK_STR(verr("v"), "1 -");
	CHECK_STR(verr("v1."), "3 -");
	CHECK_STR(verr("v1..2"), "3 -");
	CHECK_STR(verr("v1.2.3.4"), "6 -");
	CHECK_STR(verr("1.1.3.4.5"), "5 -");
	CHECK_STR(verr("v01.2.3"), "1 leading zero in a number");
	CHECK_STR(verr("v1.02"), "3 leading zero in a number");
	CHECK_STR(verr("v19.03.9"), "4 leading zero in a number");
	CHECK_STR(verr("v1.2.3-01"), "7 leading zero in a number");
	CHECK_STR(verr("v1.2-pre"), "4 -");
	CHECK_STR(verr("v1.2+meta"), "4 -");
	CHECK_STR(verr("V1.2.3"), "0 -");
	CHECK_STR(verr("vv1"), "1 -");
	CHECK_STR(verr("v1.2.3-"), "7 -");
	CHECK_STR(verr("v1.2.3+"), "7 -");
	CHECK_STR(verr(" v1"), "0 -");
	CHECK_STR(verr("1.2.3 "), "5 -");
	CHECK_STR(verr("v2021-08-11"), "5 -");
}

static void t_ranges(void)
{
	CHECK_INT(in("v1.2.5", ">=v1.2.0 <v1.3.0"), 1);
	CHECK_INT(in("v1.3.0", ">=v1.2.0 <v1.3.0"), 0);
	CHECK_INT(in("1.1.9", ">=v1.2.0 <v1.3.0"), 0);
	CHECK_INT(in("v1.2.0", ">=1.2.0, <1.3.0"), 1);
	CHECK_INT(in("v1.0.0", ">= v1, <v2"), 1);
	CHECK_INT(in("v1.10.3", "<1.9.8||>=1.10.0 <1.10.4||=1.11.0"), 1);
	CHECK_INT(in("v1.11.0", "<1.9.8||>=1.10.0 <1.10.4||=1.11.0"), 1);
	CHECK_INT(in("v1.10.4", "<1.9.8||>=1.10.0 <1.10.4||=1.11.0"), 0);
	CHECK_INT(in("v1.0.0", "<=v0.1.1 || =v1.0.0"), 1);
	CHECK_INT(in("v1.0.0", "v1.0.0"), 1);
	CHECK_INT(in("v1.0.1", "v1.0.0"), 0);
	CHECK_INT(in("v0.29.0", "<=v0.29"), 1);
	CHECK_INT(in("v0.29.1", "<=v0.29"), 0);
	CHECK_INT(in("v0.2.0", ">0.1 <=0.2"), 1);
	/* no prerelease rule; pseudo-versions are prereleases */
	CHECK_INT(in("v1.2.0-rc.1", "<v1.2.0"), 1);
	CHECK_INT(in("v1.2.0-rc.1", ">=v1.2.0"), 0);
	CHECK_INT(in("v0.0.0-20201203163018-be400aefbc4c",
		     "<=v0.0.0-20201203163018-be400aefbc4c"), 1);
	CHECK_INT(in("v0.0.0-20210101000000-000000000000",
		     "<=v0.0.0-20201203163018-be400aefbc4c"), 0);
	CHECK_INT(in("v0.1.0", "<=v0.0.0-20201203163018-be400aefbc4c"), 0);
	CHECK_INT(in("v2.0.0+incompatible", "=v2.0.0"), 1);
	CHECK_INT(in("v3.0.0", ">=0"), 1);
}

static void t_range_errors(void)
{
	CHECK_STR(rerr(""), "0 -");
	CHECK_STR(rerr(">="), "2 -");
	CHECK_STR(rerr(">=v1 <"), "6 -");
	CHECK_STR(rerr("v1 ||"), "5 -");
	CHECK_STR(rerr("|| v1"), "0 -");
	CHECK_STR(rerr("~v1.2"), "0 -");
	CHECK_STR(rerr("!=v1"), "0 -");
	CHECK_STR(rerr(">=v1,,<v2"), "5 -");
	CHECK_STR(rerr(">=v1.2.x"), "7 -");
	CHECK_STR(rerr(">=v1 |"), "5 -");
	CHECK_STR(rerr(">=v1;"), "4 -");
	CHECK_STR(rerr(">=v1.2.3.4"), "8 -");
	CHECK_STR(rerr("<v19.03.11"), "5 leading zero in a number");
	CHECK_INT(in("v1.0.0", ">=v1,"), -1);
}

/* --- total order on generated versions --- */

#define NGEN 1500

/* RND(n): 0 .. n-1 from the generator state s */
#define RND(n) order_xorshift64(s, n)

static void gen_version(char *out, size_t cap, unsigned long long *s)
{
	static const char *const num[] = { "0", "1", "2", "10",
					   "18446744073709551616" };
	static const char *const id[] = { "0", "1", "11", "a", "rc", "beta",
					  "20191109021931", "daa7c04131f5" };
	const char *v = RND(2) ? "v" : "";
	size_t n;
	int k, ids;

	switch (RND(6)) {
	case 0:
		snprintf(out, cap, "%s%s", v, num[RND(5)]);
		return;
	case 1:
		snprintf(out, cap, "%s%s.%s", v, num[RND(5)], num[RND(4)]);
		return;
	default:
		break;
	}
	n = (size_t)snprintf(out, cap, "%s%s.%s.%s", v, num[RND(5)],
			     num[RND(4)], num[RND(4)]);
	ids = (int)RND(4) - 1;
	for (k = 0; k < ids; k++)
		n += (size_t)snprintf(out + n, cap - n, "%c%s",
				      k ? '.' : '-', id[RND(8)]);
	if (RND(5) == 0)
		snprintf(out + n, cap - n, "+incompatible");
}

#undef RND

static void t_total_order(void)
{
	const order_gen gen = { .make = gen_version, .text_cap = 64,
				 .seed = 88172645463325252ULL };
	const char *why = check_total_order(YM_SCHEME_GOLANG, &gen, NGEN);

	if (why)
		TEST_FAIL_("%s", why);
}

int main(void)
{
	RUN(t_order);
	RUN(t_forms);
	RUN(t_reject);
	RUN(t_ranges);
	RUN(t_range_errors);
	RUN(t_total_order);
	return test_done();
}
