/* test_version_hackage.c - Cabal version order and version ranges. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scheme_helpers.h"
#include "test.h"
#include "version/hackage.h"

SCHEME_HELPERS(hackage)

static void t_order(void)
{
	static const char *const v[] = {
		"0", "0.0", "0.1", "0.1.0", "0.1.0.0", "0.1.1", "0.9.22",
		"1", "1.0", "1.0.0", "1.0.1", "1.2", "1.9", "1.9.0", "1.10",
		"2", "999999999"
	};
	size_t n = sizeof v / sizeof v[0], i, j;

	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++)
			CHECK_INT(cmp(v[i], v[j]), i < j ? -1 : i > j);
}

static void t_reject(void)
{
	CHECK_STR(rej("1.2.3.4.5"), "");
	CHECK_STR(rej(""), "0: unexpected");
	CHECK_STR(rej("1."), "2: unexpected");
	CHECK_STR(rej(".1"), "0: unexpected");
	CHECK_STR(rej("1..2"), "2: unexpected");
	CHECK_STR(rej("01"), "0: leading zero in a number");
	CHECK_STR(rej("1.00"), "2: leading zero in a number");
	CHECK_STR(rej("1234567890"), "0: more than 9 digits in a number");
	CHECK_STR(rej("1.2-tag"), "3: unexpected");
	CHECK_STR(rej("v1.2"), "0: unexpected");
	CHECK_STR(rej("1.2 "), "3: unexpected");
}

static void t_ranges(void)
{
	CHECK_INT(in("1.2", ">=1.2 && <1.3"), 1);
	CHECK_INT(in("1.2.9.9", ">=1.2 && <1.3"), 1);
	CHECK_INT(in("1.3", ">=1.2 && <1.3"), 0);
	CHECK_INT(in("1.1.9", ">= 1.2&&< 1.3"), 0);
	CHECK_INT(in("1.2", ">1.2"), 0);
	CHECK_INT(in("1.2.0", ">1.2"), 1);
	CHECK_INT(in("1.2.0", "<=1.2"), 0);
	CHECK_INT(in("1.2", "==1.2"), 1);
	CHECK_INT(in("1.2.0", "==1.2"), 0);
	/* ==V.*: >=V && <V with the last number + 1 */
	CHECK_INT(in("1.2", "==1.2.*"), 1);
	CHECK_INT(in("1.2.0.7", "==1.2.*"), 1);
	CHECK_INT(in("1.3", "==1.2.*"), 0);
	CHECK_INT(in("1.1.99", "==1.2.*"), 0);
	CHECK_INT(in("1.99", "== 1.*"), 1);
	CHECK_INT(in("2", "==1.*"), 0);
	CHECK_INT(in("1000000000", "==999999999.*"), -1);
	CHECK_INT(in("999999999.5", "==999999999.*"), 1);
	/* ^>=: the major bound */
	CHECK_INT(in("1.2.3", "^>=1.2.3"), 1);
	CHECK_INT(in("1.2.9", "^>=1.2.3"), 1);
	CHECK_INT(in("1.3", "^>=1.2.3"), 0);
	CHECK_INT(in("1.2.2", "^>=1.2.3"), 0);
	CHECK_INT(in("1.0.5", "^>=1"), 1);
	CHECK_INT(in("1.1", "^>=1"), 0);
	CHECK_INT(in("1.2", "^>=1.2"), 1);
	CHECK_INT(in("1.3", "^>=1.2"), 0);
	/* sets, ||, && precedence, parentheses */
	CHECK_INT(in("1.3", "== { 1.2, 1.3 }"), 1);
	CHECK_INT(in("1.4", "=={1.2,1.3}"), 0);
	CHECK_INT(in("1.3.5", "^>= { 1.2 , 1.3 }"), 1);
	CHECK_INT(in("1.4", "^>={1.2,1.3}"), 0);
	CHECK_INT(in("3", "==1 || ==2 || ==3"), 1);
	CHECK_INT(in("2.5", ">=1 && <2 || >=2.5 && <3"), 1);
	CHECK_INT(in("2.2", ">=1 && <2 || >=2.5 && <3"), 0);
	CHECK_INT(in("0.5", ">=1 && (<2 || >3)"), 0);
	CHECK_INT(in("4", ">=1 && (<2 || >3)"), 1);
	CHECK_INT(in("4", "( ( >=1 ) )"), 1);
	/* cabal-version < 3.4 spellings */
	CHECK_INT(in("0", "-any"), 1);
	CHECK_INT(in("0", "-none"), 0);
	CHECK_INT(in("0", "<0"), 0);
	CHECK_INT(in("1.0", "-any && >=1"), 1);
}

/* ">=1" inside depth pairs of parentheses. */
static char nest_buf[300];

static const char *nested(int depth)
{
	int k, n = 0;

	for (k = 0; k < depth; k++)
		nest_buf[n++] = '(';
	memcpy(nest_buf + n, ">=1", 3);
	n += 3;
	for (k = 0; k < depth; k++)
		nest_buf[n++] = ')';
	nest_buf[n] = '\0';
	return nest_buf;
}

static void t_range_errors(void)
{
	CHECK_STR(rrej(">=1.2 && <1.3 || ==2.*"), "");
	CHECK_STR(rrej(""), "0: unexpected");
	CHECK_STR(rrej("  "), "2: unexpected");
	CHECK_STR(rrej("1.2"), "0: unexpected");
	CHECK_STR(rrej("=1.2"), "0: unknown operator");
	CHECK_STR(rrej("=>1.2"), "0: unknown operator");
	CHECK_STR(rrej(">==1.2"), "0: unknown operator");
	CHECK_STR(rrej(">=1.2.*"), "6: wildcard after an operator other "
		  "than ==");
	CHECK_STR(rrej("^>=1.*"), "5: wildcard after an operator other "
		  "than ==");
	CHECK_STR(rrej("==1.*.2"), "5: unexpected");
	CHECK_STR(rrej("==*"), "2: unexpected");
	CHECK_STR(rrej(">=1.2 &&"), "8: unexpected");
	CHECK_STR(rrej(">=1.2 & <2"), "6: unexpected");
	CHECK_STR(rrej(">=1.2 | <2"), "6: unexpected");
	CHECK_STR(rrej("(>=1.2"), "6: unexpected");
	CHECK_STR(rrej(">=1.2)"), "5: unexpected");
	CHECK_STR(rrej("==01"), "2: leading zero in a number");
	CHECK_STR(rrej("<1234567890"), "1: more than 9 digits in a number");
	CHECK_STR(rrej("=={}"), "3: unexpected");
	CHECK_STR(rrej("=={1.2,}"), "7: unexpected");
	CHECK_STR(rrej("=={1.2.*}"), "7: wildcard in a version set");
	CHECK_STR(rrej(">={1.2}"), "2: unexpected");
	CHECK_STR(rrej("-anything"), "4: unexpected");
	CHECK_STR(rrej(">=1.2-tag"), "5: unexpected");
	CHECK_STR(rrej(nested(64)), "");
	CHECK_STR(rrej(nested(65)), "64: parentheses nested too deeply");
}

/* --- properties --- */

static unsigned long rng_state = 4242;

static unsigned rnd(unsigned n)
{
	rng_state = rng_state * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)((rng_state >> 33) % n);
}

#define NV 3000

static char pool[NV][48];
static ym_hackage vers[NV];

static int qcmp(const void *a, const void *b)
{
	return ym_hackage_cmp(a, b);
}

static void t_total_order(void)
{
	size_t i, j;

	for (i = 0; i < NV; i++) {
		size_t n = 0;
		unsigned k, parts = 1 + rnd(5);

		for (k = 0; k < parts; k++)
			n += (size_t)snprintf(pool[i] + n, sizeof pool[i] - n,
					      "%s%u", k ? "." : "",
					      rnd(10) == 0 ? 999999999 :
							     rnd(12));
		if (ym_hackage_parse(pool[i], n, &vers[i], NULL))
			TEST_FAIL_("rejected %s", pool[i]);
	}
	for (i = 0; i < NV; i++) {
		CHECK_INT(ym_hackage_cmp(&vers[i], &vers[i]), 0);
		for (j = i + 1; j < NV; j += 7)
			CHECK_INT(ym_hackage_cmp(&vers[i], &vers[j]),
				  -ym_hackage_cmp(&vers[j], &vers[i]));
	}
	qsort(vers, NV, sizeof vers[0], qcmp);
	for (i = 0; i < NV; i++)
		for (j = i + 1; j < NV; j++)
			if (ym_hackage_cmp(&vers[i], &vers[j]) > 0)
				TEST_FAIL_("not sorted at %zu, %zu", i, j);
}

int main(void)
{
	RUN(t_order);
	RUN(t_reject);
	RUN(t_ranges);
	RUN(t_range_errors);
	RUN(t_total_order);
	return test_done();
}
