/* test_version_pub.c - pub_semver order and pub version constraints. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scheme_helpers.h"
#include "test.h"
#include "version/pub.h"

SCHEME_HELPERS(pub)

static void t_order(void)
{
	static const char *const v[] = {
		"1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta",
		"1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1",
		"1.0.0-rc.1+build", "1.0.0", "1.0.0+1", "1.0.0+2",
		"1.0.0+2.a", "1.0.0+10", "1.0.0+a", "1.0.0+a.1", "1.0.0+b",
		"1.0.1", "1.1.0", "1.10.0", "2.0.0"
	};
	size_t n = sizeof v / sizeof v[0], i, j;

	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++)
			CHECK_INT(cmp(v[i], v[j]), i < j ? -1 : i > j);
}

static void t_compare(void)
{
	CHECK_INT(cmp("1.2.3+9a", "1.2.3+1z"), 1);
	CHECK_INT(cmp("1.2.3+900", "1.2.3+a"), -1);
	CHECK_INT(cmp("1.2.3-5-foo", "1.2.3-5-Foo"), 1);
	CHECK_INT(cmp("1.2.3-r100", "1.2.3-R2"), 1);
	CHECK_INT(cmp("1.2.3-5-foo", "1.2.3-5"), 1);
	CHECK_INT(cmp("1.2.3+build", "1.2.3+otherbuild"), -1);
	/* leading zeros are numbers' business only */
	CHECK_INT(cmp("01.2.3", "1.2.3"), 0);
	CHECK_INT(cmp("1.0.0-007", "1.0.0-7"), 0);
	CHECK_INT(cmp("1.0.0+007", "1.0.0+7"), 0);
	/* words that Dart's int.tryParse would read as numbers */
	CHECK_INT(cmp("1.0.0-0x10", "1.0.0-16"), 1);
	CHECK_INT(cmp("1.0.0--1", "1.0.0-0"), 1);
	/* accepted beyond pub_semver: v, fewer or more numbers */
	CHECK_INT(cmp("v1.2.3", "1.2.3"), 0);
	CHECK_INT(cmp("1.2", "1.2.0"), 0);
	CHECK_INT(cmp("1", "1.0.0"), 0);
	CHECK_INT(cmp("1.1.3.4.5", "1.1.3"), 1);
	CHECK_INT(cmp("1.1.3.0.0", "1.1.3"), 0);
	CHECK_INT(cmp("999999999999999999999999999991",
		      "999999999999999999999999999999"), -1);
	CHECK_INT(cmp("1.0.0-99999999999999999999",
		      "1.0.0-100000000000000000000"), -1);
}

static void t_reject(void)
{
	CHECK_STR(rej("1.2.3-alpha-.-beta+build.01-x"), "");
	CHECK_STR(rej(""), "0: unexpected");
	CHECK_STR(rej("V1.0.0"), "0: unexpected");
	CHECK_STR(rej("v"), "0: unexpected");
	CHECK_STR(rej("1..2"), "2: unexpected");
	CHECK_STR(rej("1.2."), "4: unexpected");
	CHECK_STR(rej("1.2.3-"), "6: unexpected");
	CHECK_STR(rej("1.2.3-a..b"), "8: unexpected");
	CHECK_STR(rej("1.2.3+"), "6: unexpected");
	CHECK_STR(rej("1.2.3+a+b"), "7: unexpected");
	CHECK_STR(rej("1.2.3_a"), "5: unexpected");
	CHECK_STR(rej("1.2.3 "), "5: unexpected");
	CHECK_STR(rej("1x2x3"), "1: unexpected");
	CHECK_STR(rej("1.2.3.4.5.6.7.8"), "");
	CHECK_STR(rej("1.2.3.4.5.6.7.8.9"), "16: more than 8 numbers");
}

static void t_ranges(void)
{
	CHECK_INT(in("1.2.3", "any"), 1);
	CHECK_INT(in("0.0.0-0", " any "), 1);
	CHECK_INT(in("1.2.3", "1.2.3"), 1);
	CHECK_INT(in("1.2.3+b", "1.2.3"), 0);
	CHECK_INT(in("1.5.0", ">=1.2.3 <2.0.0"), 1);
	CHECK_INT(in("1.2.3", ">=1.2.3 <2.0.0"), 1);
	CHECK_INT(in("1.2.2", ">=1.2.3 <2.0.0"), 0);
	CHECK_INT(in("2.0.0", ">=1.2.3 <2.0.0"), 0);
	CHECK_INT(in("1.5.0", ">=1.2.3<2.0.0"), 1);
	CHECK_INT(in("1.5.0", ">= 1.2.3 < 2.0.0"), 1);
	CHECK_INT(in("1.5.0", ">1.0.0 >1.2.0 <3.0.0 <=2.0.0"), 1);
	CHECK_INT(in("2.5.0", ">1.0.0 >1.2.0 <3.0.0 <=2.0.0"), 0);
	CHECK_INT(in("1.2.0", ">1.0.0 >1.2.0"), 0);
	CHECK_INT(in("1.2.0", ">=1.2.0 >1.2.0"), 0);
	/* <V excludes V's pre-releases unless V is one, has a build, or
	 * the lower bound is a pre-release of V */
	CHECK_INT(in("2.0.0-dev", ">=1.0.0 <2.0.0"), 0);
	CHECK_INT(in("2.0.0-dev", "<2.0.0"), 0);
	CHECK_INT(in("2.0.0-0", "<2.0.0"), 0);
	CHECK_INT(in("2.0.0-dev", ">=2.0.0-a <2.0.0"), 1);
	CHECK_INT(in("2.0.0-dev", ">=1.0.0-a <2.0.0"), 0);
	CHECK_INT(in("2.0.0-dev", "<2.0.0-rc"), 1);
	CHECK_INT(in("2.0.0-dev", "<2.0.0+b"), 1);
	CHECK_INT(in("2.0.0-dev", "<=2.0.0"), 1);
	/* builds order after their release */
	CHECK_INT(in("1.0.0+b", "<=1.0.0"), 0);
	CHECK_INT(in("1.0.0+b", ">1.0.0"), 1);
	/* empty intersections */
	CHECK_INT(in("1.0.0", ">1.0.0 <=1.0.0"), 0);
	CHECK_INT(in("1.0.0", ">=1.0.0 <=1.0.0"), 1);
	CHECK_INT(in("1.5.0", ">=2.0.0 <1.0.0"), 0);
	CHECK_INT(in("1.0.0", "1.0.0 2.0.0"), 0);
	/* ^: next breaking version, first pre-release excluded */
	CHECK_INT(in("1.2.3", "^1.2.3"), 1);
	CHECK_INT(in("1.9.9", "^1.2.3"), 1);
	CHECK_INT(in("2.0.0-0", "^1.2.3"), 0);
	CHECK_INT(in("1.2.2", "^1.2.3"), 0);
	CHECK_INT(in("0.1.9", "^0.1.2"), 1);
	CHECK_INT(in("0.2.0-dev", "^0.1.2"), 0);
	CHECK_INT(in("0.0.9", "^0.0.3"), 1);
	CHECK_INT(in("0.1.0", "^0.0.3"), 0);
	CHECK_INT(in("1.5.0", "^ 1.0.0-beta"), 1);
	CHECK_INT(in("1.0.0-alpha", "^1.0.0-beta"), 0);
	CHECK_INT(in("18446744073709551615.9.0",
		     "^18446744073709551615.0.0"), 1);
	CHECK_INT(in("18446744073709551616.0.0-0",
		     "^18446744073709551615.0.0"), 0);
	CHECK_INT(in("0.99999999999999999999.9", "^0.99999999999999999999.0"),
		  1);
	CHECK_INT(in("0.100000000000000000000.0", "^0.99999999999999999999.0"),
		  0);
}

static void t_range_errors(void)
{
	CHECK_STR(rrej(">=1.0.0 <2.0.0"), "");
	CHECK_STR(rrej(""), "0: empty constraint");
	CHECK_STR(rrej("  "), "2: empty constraint");
	CHECK_STR(rrej("^1.0.0 <2.0.0"), "6: \"^\" cannot be combined with "
		  "other constraints");
	CHECK_STR(rrej(">=1.0.0 ^2.0.0"), "8: unexpected");
	CHECK_STR(rrej("=1.0.0"), "0: unexpected");
	CHECK_STR(rrej("==1.0.0"), "0: unexpected");
	CHECK_STR(rrej(">="), "2: missing version");
	CHECK_STR(rrej("^"), "1: missing version");
	CHECK_STR(rrej(">=1.0.x"), "6: unexpected");
	CHECK_STR(rrej("1.0.0 || 2.0.0"), "6: unexpected");
	CHECK_STR(rrej("1.0.0, 2.0.0"), "5: unexpected");
	CHECK_STR(rrej("Any"), "0: unexpected");
	CHECK_STR(rrej("any 1.0.0"), "0: unexpected");
}

/* --- properties --- */

static unsigned long rng_state = 777;

static unsigned rnd(unsigned n)
{
	rng_state = rng_state * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)((rng_state >> 33) % n);
}

#define NV 2000

static char pool[NV][64];
static ym_pub vers[NV];

static int qcmp(const void *a, const void *b)
{
	return ym_pub_cmp(a, b);
}

static size_t idents(char *out, size_t cap)
{
	static const char *const w[] = {
		"0", "1", "2", "10", "01", "a", "b", "alpha", "A", "-", "x-1"
	};
	size_t n = 0;
	unsigned k, m = 1 + rnd(3);

	for (k = 0; k < m; k++)
		n += (size_t)snprintf(out + n, cap - n, "%s%s",
				      k ? "." : "", w[rnd(11)]);
	return n;
}

static void gen(char *out, size_t cap)
{
	size_t n = 0;
	unsigned k, parts = rnd(6) == 0 ? 1 + rnd(5) : 3;

	for (k = 0; k < parts; k++)
		n += (size_t)snprintf(out + n, cap - n, "%s%u", k ? "." : "",
				      rnd(4));
	if (rnd(2)) {
		out[n++] = '-';
		n += idents(out + n, cap - n);
	}
	if (rnd(3) == 0) {
		out[n++] = '+';
		n += idents(out + n, cap - n);
	}
	out[n] = '\0';
}

static void t_total_order(void)
{
	size_t i, j;

	for (i = 0; i < NV; i++) {
		gen(pool[i], sizeof pool[i]);
		if (ym_pub_parse(pool[i], strlen(pool[i]), &vers[i], NULL))
			TEST_FAIL_("rejected %s", pool[i]);
	}
	for (i = 0; i < NV; i++) {
		CHECK_INT(ym_pub_cmp(&vers[i], &vers[i]), 0);
		for (j = i + 1; j < NV; j += 7)
			CHECK_INT(ym_pub_cmp(&vers[i], &vers[j]),
				  -ym_pub_cmp(&vers[j], &vers[i]));
	}
	qsort(vers, NV, sizeof vers[0], qcmp);
	for (i = 0; i < NV; i++)
		for (j = i + 1; j < NV; j++)
			if (ym_pub_cmp(&vers[i], &vers[j]) > 0)
				TEST_FAIL_("not sorted at %zu, %zu", i, j);
}

int main(void)
{
	RUN(t_order);
	RUN(t_compare);
	RUN(t_reject);
	RUN(t_ranges);
	RUN(t_range_errors);
	RUN(t_total_order);
	return test_done();
}
