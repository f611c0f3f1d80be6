/* test_version_gentoo.c - Gentoo (PMS) version order and comparator lists. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scheme_helpers.h"
#include "test.h"
#include "version/gentoo.h"

SCHEME_HELPERS(gentoo)

static void t_order(void)
{
	static const char *const v[] = {
		"0", "0.0", "1_alpha", "1_alpha1_p", "1_alpha2", "1_beta",
		"1_pre", "1_rc", "1_rc9", "1", "1_p", "1_p1", "1_p1-r1", "1a",
		"1b_p1", "1.0_rc1", "1.0", "1.0-r1", "1.0-r10", "1.0.0",
		"1.001", "1.01", "1.1", "1.1b", "1.2", "1.10", "2"
	};
	size_t n = sizeof v / sizeof v[0], i, j;

	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++)
			CHECK_INT(cmp(v[i], v[j]), i < j ? -1 : i > j);
}

static void t_compare(void)
{
	CHECK_INT(cmp("1.0-r0", "1.0"), 0);
	CHECK_INT(cmp("1.0_p", "1.0_p0"), 0);
	CHECK_INT(cmp("1.0_p0", "1.0"), 1);
	CHECK_INT(cmp("1.01", "1.010"), 0);
	CHECK_INT(cmp("1.01", "1.0100"), 0);
	CHECK_INT(cmp("1.1", "1.10"), -1);
	CHECK_INT(cmp("1.001000000000000000001", "1.001000000000000000002"),
		  -1);
	CHECK_INT(cmp("999999999999999999999999999999",
		      "999999999999999999999999999998"), 1);
	CHECK_INT(cmp("012", "12"), 0);
	CHECK_INT(cmp("1.0_alpha_beta", "1.0_alpha"), -1);
	CHECK_INT(cmp("1.0_alpha_p", "1.0_alpha"), 1);
	CHECK_INT(cmp("12.2b", "12.2.5"), -1);
	CHECK_INT(cmp("1-r01", "1-r1"), 0);
}

static void t_reject(void)
{
	CHECK_STR(rej("1.2.3b_alpha4_p1-r2"), "");
	CHECK_STR(rej(""), "0: unexpected");
	CHECK_STR(rej("v1"), "0: unexpected");
	CHECK_STR(rej("1."), "1: unexpected");
	CHECK_STR(rej("1.0B"), "3: unexpected");
	CHECK_STR(rej("1.0ab"), "4: unexpected");
	CHECK_STR(rej("1.0_gamma"), "4: unknown suffix");
	CHECK_STR(rej("1.0_"), "4: unknown suffix");
	CHECK_STR(rej("1.0-r"), "4: expected a revision -rN");
	CHECK_STR(rej("1.0-1"), "4: expected a revision -rN");
	CHECK_STR(rej("1.0-r1-r2"), "6: unexpected");
	CHECK_STR(rej("1.0_p1a"), "6: unexpected");
	CHECK_STR(rej("1.0 "), "3: unexpected");
}

static void t_ranges(void)
{
	CHECK_INT(in("1.3", ">=1.2 <1.4_rc1"), 1);
	CHECK_INT(in("1.4_rc1", ">=1.2 <1.4_rc1"), 0);
	CHECK_INT(in("1.4_beta", ">=1.2, <1.4_rc1"), 1);
	CHECK_INT(in("2.0-r3", "~2.0"), 1);
	CHECK_INT(in("2.0.1", "~2.0"), 0);
	CHECK_INT(in("2.0-r3", "=2.0"), 0);
	CHECK_INT(in("2.0-r0", "2.0"), 1);
	CHECK_INT(in("2.0", "!=2.0"), 0);
	CHECK_INT(in("2.0", "<1 || >=2"), 1);
	CHECK_INT(in("1.5", "<1 || >=2"), 0);
	CHECK_INT(in("1.0", "> 0.9 <= 1.0"), 1);
}

static void t_range_errors(void)
{
	CHECK_STR(rrej(">=1.2 <2 || ~3"), "");
	CHECK_STR(rrej(""), "0: empty constraint");
	CHECK_STR(rrej(">=1 ||"), "6: empty constraint");
	CHECK_STR(rrej("|| 1"), "0: empty constraint");
	CHECK_STR(rrej(">="), "2: missing version");
	CHECK_STR(rrej(">=1 | <2"), "4: missing version");
	CHECK_STR(rrej(">=1.x"), "3: unexpected");
	CHECK_STR(rrej("=1.2*"), "4: unexpected");
}

/* --- properties --- */

static unsigned long rng_state = 31337;

static unsigned rnd(unsigned n)
{
	rng_state = rng_state * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)((rng_state >> 33) % n);
}

#define NV 2500

static char pool[NV][64];
static ym_gentoo vers[NV];

static int qcmp(const void *a, const void *b)
{
	return ym_gentoo_cmp(a, b);
}

static void t_total_order(void)
{
	static const char *const comps[] = {
		"0", "1", "2", "10", "01", "010", "001", "00", "1000"
	};
	static const char *const sufs[] = { "alpha", "beta", "pre", "rc", "p" };
	size_t i, j;

	for (i = 0; i < NV; i++) {
		size_t n = 0, cap = sizeof pool[i];
		unsigned k, parts = 1 + rnd(4);

		for (k = 0; k < parts; k++)
			n += (size_t)snprintf(pool[i] + n, cap - n, "%s%s",
					      k ? "." : "", comps[rnd(9)]);
		if (rnd(4) == 0)
			pool[i][n++] = (char)('a' + rnd(3));
		for (k = rnd(3); k > 0; k--)
			n += (size_t)snprintf(pool[i] + n, cap - n, "_%s%s",
					      sufs[rnd(5)],
					      rnd(2) ? comps[rnd(4)] : "");
		if (rnd(4) == 0)
			n += (size_t)snprintf(pool[i] + n, cap - n, "-r%u",
					      rnd(3));
		pool[i][n] = '\0';
		if (ym_gentoo_parse(pool[i], n, &vers[i], NULL))
			TEST_FAIL_("rejected %s", pool[i]);
	}
	for (i = 0; i < NV; i++) {
		CHECK_INT(ym_gentoo_cmp(&vers[i], &vers[i]), 0);
		for (j = i + 1; j < NV; j += 7)
			CHECK_INT(ym_gentoo_cmp(&vers[i], &vers[j]),
				  -ym_gentoo_cmp(&vers[j], &vers[i]));
	}
	qsort(vers, NV, sizeof vers[0], qcmp);
	for (i = 0; i < NV; i++)
		for (j = i + 1; j < NV; j++)
			if (ym_gentoo_cmp(&vers[i], &vers[j]) > 0)
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
