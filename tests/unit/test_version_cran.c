/* test_version_cran.c - R package_version order and comparator lists. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scheme_helpers.h"
#include "test.h"
#include "version/cran.h"

SCHEME_HELPERS(cran)

static void t_order(void)
{
	static const char *const v[] = {
		"0.0", "0.0.1", "0.1", "0.1-0", "0.1-2", "0.1.10", "0.2",
		"0.9", "0.75", "1.0", "1.0-0", "1.0.0.0", "1.0.1", "1.1",
		"2.0"
	};
	size_t n = sizeof v / sizeof v[0], i, j;

	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++)
			CHECK_INT(cmp(v[i], v[j]), i < j ? -1 : i > j);
}

static void t_compare(void)
{
	CHECK_INT(cmp("0.01", "0.1-0"), -1);
	CHECK_INT(cmp("0.01.0", "0.1-0"), 0);
	CHECK_INT(cmp("1-2-3", "1.2.3"), 0);
	CHECK_INT(cmp("3.2.0", "3.2-0"), 0);
	CHECK_INT(cmp("0.3.2.0", "0.3.2"), 1);
	CHECK_INT(cmp("1.99999999999999999999", "1.100000000000000000000"),
		  -1);
	CHECK_INT(cmp("1.000000000000000000000000000001", "1.1"), 0);
}

static void t_reject(void)
{
	CHECK_STR(rej("1.0-3"), "");
	CHECK_STR(rej(""), "0: unexpected");
	CHECK_STR(rej("1"), "1: a version needs at least two numbers");
	CHECK_STR(rej("1."), "2: unexpected");
	CHECK_STR(rej("1..0"), "2: unexpected");
	CHECK_STR(rej("1.0-"), "4: unexpected");
	CHECK_STR(rej("1.0_1"), "3: unexpected");
	CHECK_STR(rej("v1.0"), "0: unexpected");
	CHECK_STR(rej("1.0a"), "3: unexpected");
	CHECK_STR(rej(" 1.0"), "0: unexpected");
	CHECK_STR(rej("1.0 "), "3: unexpected");
	CHECK_STR(rej("-1.0"), "0: unexpected");
}

static void t_ranges(void)
{
	CHECK_INT(in("1.2", ">= 1.2, < 2.0"), 1);
	CHECK_INT(in("1.9-9", ">= 1.2, < 2.0"), 1);
	CHECK_INT(in("2.0", ">= 1.2, < 2.0"), 0);
	CHECK_INT(in("1.1.9", ">=1.2,<2.0"), 0);
	CHECK_INT(in("1.2.0", ">1.2"), 1);
	CHECK_INT(in("1.2", ">1.2"), 0);
	CHECK_INT(in("1.2", "<=1.2.0"), 1);
	CHECK_INT(in("1.2-0", "== 1.2.0"), 1);
	CHECK_INT(in("1.2", "1.2"), 1);
	CHECK_INT(in("1.2", "!= 1.2"), 0);
	CHECK_INT(in("1.3", "!=1.2 , >=1.0"), 1);
	CHECK_INT(in("0.99", "\t>= 0.9 ,< 1.0\n"), 1);
}

static void t_range_errors(void)
{
	CHECK_STR(rrej(">= 1.2, < 2.0"), "");
	CHECK_STR(rrej(""), "0: empty constraint");
	CHECK_STR(rrej(" "), "1: empty constraint");
	CHECK_STR(rrej(">=1.2,"), "6: empty constraint");
	CHECK_STR(rrej(">=1.2,,<2"), "6: empty constraint");
	CHECK_STR(rrej(">="), "2: missing version");
	CHECK_STR(rrej("=1.2"), "0: unexpected");
	CHECK_STR(rrej("=> 1.2"), "0: unexpected");
	CHECK_STR(rrej(">= 1"), "4: a version needs at least two numbers");
	CHECK_STR(rrej(">= 1.2 < 2.0"), "7: unexpected");
	CHECK_STR(rrej(">= 1.2x"), "6: unexpected");
	CHECK_STR(rrej("(>= 1.2)"), "0: unexpected");
}

/* --- properties --- */

static unsigned long rng_state = 99;

static unsigned rnd(unsigned n)
{
	rng_state = rng_state * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)((rng_state >> 33) % n);
}

#define NV 3000

static char pool[NV][48];
static ym_cran vers[NV];

static int qcmp(const void *a, const void *b)
{
	return ym_cran_cmp(a, b);
}

static void t_total_order(void)
{
	size_t i, j;

	for (i = 0; i < NV; i++) {
		size_t n = 0;
		unsigned k, parts = 2 + rnd(4);

		for (k = 0; k < parts; k++)
			n += (size_t)snprintf(pool[i] + n, sizeof pool[i] - n,
					      "%s%s%u", k ? (rnd(2) ? "." : "-")
							  : "",
					      rnd(8) == 0 ? "0" : "", rnd(4));
		if (ym_cran_parse(pool[i], n, &vers[i], NULL))
			TEST_FAIL_("rejected %s", pool[i]);
	}
	for (i = 0; i < NV; i++) {
		CHECK_INT(ym_cran_cmp(&vers[i], &vers[i]), 0);
		for (j = i + 1; j < NV; j += 7)
			CHECK_INT(ym_cran_cmp(&vers[i], &vers[j]),
				  -ym_cran_cmp(&vers[j], &vers[i]));
	}
	qsort(vers, NV, sizeof vers[0], qcmp);
	for (i = 0; i < NV; i++)
		for (j = i + 1; j < NV; j++)
			if (ym_cran_cmp(&vers[i], &vers[j]) > 0)
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
