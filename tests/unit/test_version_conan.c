/* test_version_conan.c - Conan version order and version ranges. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scheme_helpers.h"
#include "test.h"
#include "version/conan.h"

SCHEME_HELPERS(conan)

static void t_order(void)
{
	static const char *const v[] = {
		"0-pre", "0", "1.0.0-", "1.0.0-alpha1", "1-pre1+b1",
		"1-pre2", "1", "1+b1", "1+b2", "1.0.1", "1.1-alpha.1",
		"1.1-alpha.3", "1.1-alpha.3+b1", "1.1-alpha.3+b2",
		"1.1-alpha.22", "1.1", "1.1+b1", "1.1.*", "1.1.a", "1.1.b",
		"1.2-alpha1", "1.2", "1.3", "1.3.*", "1.9", "1.10", "1.10a",
		"1.11", "1.20", "1.a", "2"
	};
	size_t n = sizeof v / sizeof v[0], i, j;

	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++)
			CHECK_INT(cmp(v[i], v[j]), i < j ? -1 : i > j);
}

static void t_compare(void)
{
	CHECK_INT(cmp("1", "1.0.0"), 0);
	CHECK_INT(cmp("1.0", "1.0.0"), 0);
	CHECK_INT(cmp("1-pre1", "1.0.0-pre1"), 0);
	CHECK_INT(cmp("1-pre1+b1", "1.0-pre1+b1"), 0);
	CHECK_INT(cmp("1+b1", "1.0+b1.0"), 0);
	CHECK_INT(cmp("1.007", "1.7"), 0);
	CHECK_INT(cmp("1.0-", "1.0-0"), 1);
	CHECK_INT(cmp("1.0+b-1", "1.0+b"), -1);
	CHECK_INT(cmp("1.0-x+b", "1.0"), -1);
	/* the last '-' starts the pre-release */
	CHECK_INT(cmp("2021-10-15", "2021-10"), 1);
	CHECK_INT(cmp("99999999999999999999", "100000000000000000000"), -1);
}

static void t_reject(void)
{
	CHECK_STR(rej("1.2.3-pre.1+build.5"), "");
	CHECK_STR(rej("cci.20230101"), "");
	CHECK_STR(rej(""), "0: unexpected");
	CHECK_STR(rej("1.0 "), "3: unexpected");
	CHECK_STR(rej("1,0"), "1: unexpected");
	CHECK_STR(rej("1|0"), "1: unexpected");
	CHECK_STR(rej(">1"), "0: unexpected");
	CHECK_STR(rej("1.0\xc3\xa9"), "3: unexpected");
}

static void t_ranges(void)
{
	CHECK_INT(in("1.9", "^1.2"), 1);
	CHECK_INT(in("2.0", "^1.2"), 0);
	CHECK_INT(in("1.5-pre", "^1.2"), 0);
	CHECK_INT(in("1.5-pre", "^1.2-"), 1);
	CHECK_INT(in("2.0-pre", "^1.2-"), 0);
	CHECK_INT(in("0.1.5", "^0.1.2"), 1);
	CHECK_INT(in("0.2", "^0.1.2"), 0);
	CHECK_INT(in("2.5.9", "~2.5.1"), 1);
	CHECK_INT(in("2.6.0", "~2.5.1"), 0);
	CHECK_INT(in("1.99", "~1"), 1);
	CHECK_INT(in("2", "~1"), 0);
	CHECK_INT(in("1.5-beta", ">1- <2.0"), 1);
	CHECK_INT(in("1.5-beta", ">1 <2.0"), 0);
	CHECK_INT(in("1.0-pre", "*, include_prerelease=True"), 1);
	CHECK_INT(in("1.0-pre", "*"), 0);
	CHECK_INT(in("1.0", "*"), 1);
	CHECK_INT(in("1.0", ""), 1);
	CHECK_INT(in("1.0-pre", ""), 0);
	CHECK_INT(in("2.1.3", "1.0.0 || 2.1.3"), 1);
	CHECK_INT(in("2.1.4", "1.0.0 || =2.1.3"), 0);
	CHECK_INT(in("3.2.5", ">1 <2.0 || ^3.2 "), 1);
	CHECK_INT(in("2.67.2", "<2.66.6||>=2.67.0 <2.67.3"), 1);
	CHECK_INT(in("2.66.6", "<2.66.6||>=2.67.0 <2.67.3"), 0);
	CHECK_INT(in("99999999999999999999.5", "^99999999999999999999.0"), 1);
	CHECK_INT(in("100000000000000000000", "^99999999999999999999.0"), 0);
}

/* "~1." and n digits. */
static char tilde_buf[200];

static const char *tilde(size_t n)
{
	memcpy(tilde_buf, "~1.", 3);
	memset(tilde_buf + 3, '7', n);
	tilde_buf[3 + n] = '\0';
	return tilde_buf;
}

static void t_range_errors(void)
{
	CHECK_STR(rrej(">1 <2.0 || ^3.2"), "");
	CHECK_STR(rrej(">="), "2: missing version");
	CHECK_STR(rrej("^0.0"), "1: no item to increment");
	CHECK_STR(rrej("^a.1"), "1: cannot increment a word");
	CHECK_STR(rrej("~1.x"), "1: cannot increment a word");
	CHECK_STR(rrej(">1 | <2"), "3: unexpected");
	CHECK_STR(rrej(">(1)"), "1: unexpected");
	/* bounds are written to 128 bytes: "1." and 123 digits fit */
	CHECK_STR(rrej(tilde(123)), "");
	CHECK_STR(rrej(tilde(124)), "1: version too long for a bound");
}

/* --- properties --- */

static unsigned long rng_state = 55;

static unsigned rnd(unsigned n)
{
	rng_state = rng_state * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)((rng_state >> 33) % n);
}

#define NV 2500

static char pool[NV][64];
static ym_conan vers[NV];

static int qcmp(const void *a, const void *b)
{
	return ym_conan_cmp(a, b);
}

static void t_total_order(void)
{
	static const char *const items[] = {
		"0", "1", "2", "9", "10", "010", "10a", "9b", "a", "b", "*",
		"", "x-y", "00"
	};
	size_t i, j;

	for (i = 0; i < NV; i++) {
		size_t n = 0, cap = sizeof pool[i];
		unsigned k, parts = 1 + rnd(3);

		for (k = 0; k < parts; k++)
			n += (size_t)snprintf(pool[i] + n, cap - n, "%s%s",
					      k ? "." : "", items[rnd(14)]);
		if (rnd(3) == 0)
			n += (size_t)snprintf(pool[i] + n, cap - n, "-%s",
					      items[rnd(14)]);
		if (rnd(4) == 0)
			n += (size_t)snprintf(pool[i] + n, cap - n, "+%s",
					      items[rnd(14)]);
		if (n == 0)
			pool[i][n++] = '0';
		pool[i][n] = '\0';
		if (ym_conan_parse(pool[i], n, &vers[i], NULL))
			TEST_FAIL_("rejected %s", pool[i]);
	}
	for (i = 0; i < NV; i++) {
		CHECK_INT(ym_conan_cmp(&vers[i], &vers[i]), 0);
		for (j = i + 1; j < NV; j += 7)
			CHECK_INT(ym_conan_cmp(&vers[i], &vers[j]),
				  -ym_conan_cmp(&vers[j], &vers[i]));
	}
	qsort(vers, NV, sizeof vers[0], qcmp);
	for (i = 0; i < NV; i++)
		for (j = i + 1; j < NV; j++)
			if (ym_conan_cmp(&vers[i], &vers[j]) > 0)
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
