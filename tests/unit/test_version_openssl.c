/* test_version_openssl.c - OpenSSL version order and version lists. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scheme_helpers.h"
#include "test.h"
#include "version/openssl.h"

SCHEME_HELPERS(openssl)

static void t_order(void)
{
	static const char *const v[] = {
		"0.9.6", "0.9.6-cvs", "0.9.6a", "0.9.6m", "0.9.7-alpha2",
		"0.9.7-alpha3", "0.9.7-beta1", "0.9.7", "0.9.7-cvs", "0.9.7a",
		"0.9.8y", "0.9.8z", "0.9.8za", "0.9.8zh", "0.9.8ztl",
		"1.0.0", "1.0.1", "1.0.1e-fips", "1.0.1f", "1.0.2zc",
		"1.0.2zc-dev", "1.0.2zd", "1.1.1", "1.1.1ag", "1.1.1w",
		"3.0.0-alpha1", "3.0.0-beta2", "3.0.0", "3.0.1", "3.0.10",
		"3.1.0", "4.2.0"
	};
	size_t n = sizeof v / sizeof v[0], i, j;

	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++)
			CHECK_INT(cmp(v[i], v[j]), i < j ? -1 : i > j);
}

static void t_compare(void)
{
	CHECK_INT(cmp("3.0.0+build", "3.0.0"), 0);
	CHECK_INT(cmp("01.0.2a", "1.0.2a"), 0);
	CHECK_INT(cmp("1.0.10", "1.0.9z"), 1);
	CHECK_INT(cmp("2.0.0", "3.0.0-alpha1"), -1);
	CHECK_INT(cmp("18446744073709551616.0.0", "18446744073709551615.0.0"),
		  1);
}

static void t_reject(void)
{
	CHECK_STR(rej("1.0.2zc-dev"), "");
	CHECK_STR(rej(""), "0: unexpected");
	CHECK_STR(rej("1.0"), "3: unexpected");
	CHECK_STR(rej("1.0.2A"), "5: unexpected");
	CHECK_STR(rej("1.0.2-"), "6: unexpected");
	CHECK_STR(rej("1.0.2a b"), "6: unexpected");
	CHECK_STR(rej("3.0"), "3: unexpected");
	CHECK_STR(rej("3.0.0a"), "5: unexpected");
	CHECK_STR(rej("03.0.0"), "0: leading zero in a number");
}

static void t_ranges(void)
{
	CHECK_INT(in("1.0.1b", "3.0.0, 1.0.1b"), 1);
	CHECK_INT(in("1.0.1c", "3.0.0, 1.0.1b"), 0);
	CHECK_INT(in("1.0.2j", "1.0.1b, >=1.0.2 <1.0.2k, 3.0.0"), 1);
	CHECK_INT(in("1.0.2k", "1.0.1b, >=1.0.2 <1.0.2k, 3.0.0"), 0);
	CHECK_INT(in("3.0.7", ">=3.0.0 <3.0.8"), 1);
	CHECK_INT(in("1.1.1w", ">=3.0.0 <3.0.8"), 0);
	CHECK_INT(in("1.1.1w", "!=1.1.1w"), 0);
	CHECK_INT(in("0.9.8zh", "<= 0.9.8zh"), 1);
}

static void t_range_errors(void)
{
	CHECK_STR(rrej("3.0.0, 1.0.1b"), "");
	CHECK_STR(rrej(""), "0: empty constraint");
	CHECK_STR(rrej("1.0.1b,"), "7: empty constraint");
	CHECK_STR(rrej(",1.0.1b"), "0: empty constraint");
	CHECK_STR(rrej(">="), "2: missing version");
	CHECK_STR(rrej("1.0.1b || 3.0.0"), "7: unexpected");
	CHECK_STR(rrej("1.0"), "3: unexpected");
}

/* --- properties --- */

static unsigned long rng_state = 2024;

static unsigned rnd(unsigned n)
{
	rng_state = rng_state * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)((rng_state >> 33) % n);
}

#define NV 2500

static char pool[NV][48];
static ym_openssl vers[NV];

static int qcmp(const void *a, const void *b)
{
	return ym_openssl_cmp(a, b);
}

static void t_total_order(void)
{
	static const char *const tails[] = {
		"", "a", "b", "z", "za", "zb", "-cvs", "-dev", "-alpha1",
		"-beta2", "a-dev", "-fips"
	};
	static const char *const pres[] = {
		"", "-alpha1", "-alpha2", "-beta1", "+b"
	};
	size_t i, j;

	for (i = 0; i < NV; i++) {
		unsigned major = rnd(5);

		if (major >= 3)
			snprintf(pool[i], sizeof pool[i], "%u.%u.%u%s", major,
				 rnd(3), rnd(12), pres[rnd(5)]);
		else
			snprintf(pool[i], sizeof pool[i], "%u.%u.%u%s", major,
				 rnd(3), rnd(10), tails[rnd(12)]);
		if (ym_openssl_parse(pool[i], strlen(pool[i]), &vers[i], NULL))
			TEST_FAIL_("rejected %s", pool[i]);
	}
	for (i = 0; i < NV; i++) {
		CHECK_INT(ym_openssl_cmp(&vers[i], &vers[i]), 0);
		for (j = i + 1; j < NV; j += 7)
			CHECK_INT(ym_openssl_cmp(&vers[i], &vers[j]),
				  -ym_openssl_cmp(&vers[j], &vers[i]));
	}
	qsort(vers, NV, sizeof vers[0], qcmp);
	for (i = 0; i < NV; i++)
		for (j = i + 1; j < NV; j++)
			if (ym_openssl_cmp(&vers[i], &vers[j]) > 0)
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
