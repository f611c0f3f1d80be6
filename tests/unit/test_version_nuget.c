/* test_version_nuget.c - NuGet version order and version ranges. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "version/nuget.h"
#include "version/version.h"
#include "version_order.h"

/* -1, 0, 1, or 99 if either side is rejected. */
static int cmp(const char *a, const char *b)
{
	ym_nuget x, y;
	ym_version_syntax syn;

	if (ym_nuget_parse(a, strlen(a), &x, &syn) ||
	    ym_nuget_parse(b, strlen(b), &y, &syn))
		return 99;
	return ym_nuget_cmp(&x, &y);
}

/* 1 inside, 0 outside, -1 error. */
static int in(const char *v, const char *r)
{
	ym_nuget x;
	ym_version_syntax syn;
	bool out = false;

	if (ym_nuget_parse(v, strlen(v), &x, &syn))
		return -1;
	if (ym_nuget_range_contains(r, strlen(r), &x, &out, &syn))
		return -1;
	return out;
}

/* Position where a version (range == 0) or range fails, -1 if it
 * parsed; *why gets the reason ("" for NULL). */
static long bad_at(const char *s, int range, const char **why)
{
	ym_nuget x;
	ym_version_syntax syn = { 0, NULL };
	int r;

	if (range)
		r = ym_nuget_range_contains(s, strlen(s), NULL, NULL, &syn);
	else
		r = ym_nuget_parse(s, strlen(s), &x, &syn);
	*why = syn.why ? syn.why : "";
	return r == 0 ? -1 : (long)syn.pos;
}

static void t_sorted_list(void)
{
	static const char *const v[] = {
		"0.0.0", "0.9.9.1", "1.0.0-0", "1.0.0-1", "1.0.0-9",
		"1.0.0-10", "1.0.0--", "1.0.0-A", "1.0.0-alpha",
		"1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
		"1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-beta2", "1.0.0-pre",
		"1.0.0-rc.1", "1.0.0-z", "1.0.0", "1.0.0.1-alpha",
		"1.0.0.1-pre", "1.0.0.1", "1.0.0.2", "1.0.1", "1.1", "1.10",
		"1.999.9999", "2.1.1", "10"
	};
	size_t n = sizeof v / sizeof v[0], i, j;

	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++)
			CHECK_INT(cmp(v[i], v[j]), i < j ? -1 : i > j);
}

static void t_equal(void)
{
	/* missing parts are 0, leading zeros ignored */
	CHECK_INT(cmp("1", "1.0.0.0"), 0);
	CHECK_INT(cmp("1.0", "1.0.0.0"), 0);
	CHECK_INT(cmp("1.0.01", "1.0.1.0"), 0);
	CHECK_INT(cmp("01.002.0003.00004", "1.2.3.4"), 0);
	/* labels are case-insensitive, metadata is ignored */
	CHECK_INT(cmp("1.0.0-BETA", "1.0.0-beta"), 0);
	CHECK_INT(cmp("1.0.0-BETA+AA", "1.0.0-beta+aa"), 0);
	CHECK_INT(cmp("1.0.0-BETA.X.y.5.77.0+AA",
		      "1.0.0-beta.x.y.5.77.0+aa"), 0);
	CHECK_INT(cmp("1.0.0", "1.0.0+beta"), 0);
	CHECK_INT(cmp("1.0+test", "1.0.0.0"), 0);
	CHECK_INT(cmp("1.0.0.1-1.2.A", "1.0.0.1-1.2.a+A"), 0);
	CHECK_INT(cmp("1.0.0-a+0001.x-y", "1.0.0-A"), 0);
	/* surrounding blanks */
	CHECK_INT(cmp(" 1.0 ", "1.0"), 0);
	CHECK_INT(cmp("\t1.0-beta\n", "1.0-BETA"), 0);
}

static void t_compare(void)
{
	CHECK_INT(cmp("1.0", "1.0.0.1"), -1);
	CHECK_INT(cmp("1.0+test", "1.0.0.1"), -1);
	CHECK_INT(cmp("1.0.0.1-1.2.A", "1.0.0.1-1.2.a.A+A"), -1);
	CHECK_INT(cmp("1.0.01", "1.0.1.2"), -1);
	CHECK_INT(cmp("1.0.0-beta2", "1.0.0-BETA"), 1);
	CHECK_INT(cmp("1.0.0+AA", "1.0.0-beta+aa"), 1);
	CHECK_INT(cmp("1.0.0-BETA.X.y.5.77.0+AA",
		      "1.0.0-beta.x.y.5.79.0+aa"), -1);
	CHECK_INT(cmp("1.0.0-BETA.X.y.5.79.0+AA",
		      "1.0.0-beta.x.y.5.790.0+abc"), -1);
	CHECK_INT(cmp("1.0.0-pre", "1.0.0.1-alpha"), -1);
	/* case does not decide: "B" = "b" > "a" */
	CHECK_INT(cmp("1.0.0-B", "1.0.0-a"), 1);
	CHECK_INT(cmp("1.0.0-alpha-2", "1.0.0-alpha"), 1);
	CHECK_INT(cmp("1.0.0-1a", "1.0.0-1"), 1);
	CHECK_INT(cmp("1.0.0-0a", "1.0.0-z"), -1);
	/* numbers of any length */
	CHECK_INT(cmp("999999999999999999999999999991",
		      "999999999999999999999999999999"), -1);
	CHECK_INT(cmp("999999999999999999999999999991.999999999999999999999"
		      "999999991.999999999999999999999999999991",
		      "999999999999999999999999999999.999999999999999999999"
		      "999999991.999999999999999999999999999991"), -1);
	CHECK_INT(cmp("2147483648.0", "2147483647.99"), 1);
	CHECK_INT(cmp("1.0.0-99999999999999999999",
		      "1.0.0-99999999999999999998"), 1);
	CHECK_INT(cmp("1.0.0-99999999999999999999", "1.0.0-a"), -1);
	/* "-1" is an alphanumeric label, as in SemVer */
	CHECK_INT(cmp("1.0.0--1", "1.0.0-1"), 1);
}

static void t_parse_errors(void)
{
	const char *why;

	CHECK_INT(bad_at("", 0, &why), 0);
	CHECK_STR(why, "empty version");
	CHECK_INT(bad_at("  ", 0, &why), 2);
	CHECK_STR(why, "empty version");
	CHECK_INT(bad_at("v1.0", 0, &why), 0);
	CHECK_STR(why, "");
	CHECK_INT(bad_at("1.0.", 0, &why), 4);
	CHECK_INT(bad_at("1..0", 0, &why), 2);
	CHECK_INT(bad_at(".1", 0, &why), 0);
	CHECK_INT(bad_at("1.2.3.4.5", 0, &why), 7);
	CHECK_STR(why, "more than four numbers");
	CHECK_INT(bad_at("1.0a", 0, &why), 3);
	CHECK_INT(bad_at("1.0-", 0, &why), 4);
	CHECK_INT(bad_at("1.0-01", 0, &why), 4);
	CHECK_STR(why, "leading zero in a numeric label");
	CHECK_INT(bad_at("1.0-a.00", 0, &why), 6);
	CHECK_INT(bad_at("1.0-0", 0, &why), -1);
	CHECK_INT(bad_at("1.0-0a", 0, &why), -1);
	CHECK_INT(bad_at("1.0+01", 0, &why), -1);
	CHECK_INT(bad_at("1.0-a..b", 0, &why), 6);
	CHECK_STR(why, "");
	CHECK_INT(bad_at("1.0-a.", 0, &why), 6);
	CHECK_INT(bad_at("1.0-a_b", 0, &why), 5);
	CHECK_INT(bad_at("1.0+", 0, &why), 4);
	CHECK_INT(bad_at("1.0+a+b", 0, &why), 5);
	CHECK_INT(bad_at("1.0-a+b-c.D", 0, &why), -1);
	CHECK_INT(bad_at("1. 0", 0, &why), 2);
	CHECK_INT(bad_at("1.0 -beta", 0, &why), 3);
	CHECK_INT(bad_at(" 1.0-\xc3\xa9", 0, &why), 5);
	CHECK_INT(bad_at("-1.0", 0, &why), 0);
	CHECK_INT(bad_at("+1.0", 0, &why), 0);
}

static void t_ranges(void)
{
	/* the examples of NuGet's version range documentation */
	CHECK_INT(in("1.0", "1.0"), 1);
	CHECK_INT(in("5.0", "1.0"), 1);
	CHECK_INT(in("0.9", "1.0"), 0);
	CHECK_INT(in("1.0-beta", "1.0"), 0);
	CHECK_INT(in("1.0", "[1.0,)"), 1);
	CHECK_INT(in("0.9", "[1.0,)"), 0);
	CHECK_INT(in("1.0", "(1.0,)"), 0);
	CHECK_INT(in("1.0.1", "(1.0,)"), 1);
	CHECK_INT(in("1.0.0.0", "[1.0]"), 1);
	CHECK_INT(in("1.0.0.1", "[1.0]"), 0);
	CHECK_INT(in("1.0", "(,1.0]"), 1);
	CHECK_INT(in("1.0.1", "(,1.0]"), 0);
	CHECK_INT(in("1.0", "(,1.0)"), 0);
	CHECK_INT(in("1.0-rc", "(,1.0)"), 1);
	CHECK_INT(in("1.0", "[1.0,2.0]"), 1);
	CHECK_INT(in("2.0", "[1.0,2.0]"), 1);
	CHECK_INT(in("1.0", "(1.0,2.0)"), 0);
	CHECK_INT(in("1.5", "(1.0,2.0)"), 1);
	CHECK_INT(in("2.0", "(1.0,2.0)"), 0);
	CHECK_INT(in("2.0", "[1.0,2.0)"), 0);
	CHECK_INT(in("2.0-beta", "[1.0,2.0)"), 1);
	/* metadata is ignored, blanks allowed around versions */
	CHECK_INT(in("2.0+build", "[1.0.0, 2.0.0]"), 1);
	CHECK_INT(in("1.0.0", "  [ 1.0.0 , 2.0.0 ) "), 1);
	CHECK_INT(in("1.5", "[1.0.0+x, 2.0.0+y)"), 1);
	/* univers nuget_range_from_native: >=1.0.0 <2.0.0 */
	CHECK_INT(in("0.9.9", "[1.0.0, 2.0.0)"), 0);
	CHECK_INT(in("1.0.0", "[1.0.0, 2.0.0)"), 1);
	CHECK_INT(in("1.9.9.9", "[1.0.0, 2.0.0)"), 1);
	CHECK_INT(in("2.0.0", "[1.0.0, 2.0.0)"), 0);
	/* an empty but valid range */
	CHECK_INT(in("1.0", "(1.0,1.0)"), 0);
}

static void t_range_syntax_only(void)
{
	ym_version_syntax syn;
	bool out = true;

	CHECK_INT(ym_nuget_range_contains("[1,2)", 5, NULL, &out, &syn), 0);
	CHECK(out);
	CHECK_INT(ym_nuget_range_contains("1.0", 3, NULL, NULL, &syn), 0);
}

static void t_range_errors(void)
{
	const char *why;

	CHECK_INT(bad_at("", 1, &why), 0);
	CHECK_STR(why, "empty range");
	CHECK_INT(bad_at(" ", 1, &why), 1);
	CHECK_STR(why, "empty range");
	CHECK_INT(bad_at("1.*", 1, &why), 2);
	CHECK_STR(why, "floating versions are not supported");
	CHECK_INT(bad_at("[1.0,2.*)", 1, &why), 7);
	CHECK_INT(bad_at("[1.0", 1, &why), 4);
	CHECK_STR(why, "missing ']' or ')'");
	CHECK_INT(bad_at("[1.0,2.0", 1, &why), 8);
	CHECK_INT(bad_at("[1.0]x", 1, &why), 5);
	CHECK_STR(why, "");
	CHECK_INT(bad_at("[1.0],[2.0]", 1, &why), 5);
	CHECK_INT(bad_at("[1.0,2.0,3.0]", 1, &why), 8);
	CHECK_STR(why, "more than two versions");
	CHECK_INT(bad_at("(1.0)", 1, &why), 0);
	CHECK_STR(why, "a single version must be enclosed in []");
	CHECK_INT(bad_at("[1.0)", 1, &why), 0);
	CHECK_INT(bad_at(" (1.0]", 1, &why), 1);
	CHECK_INT(bad_at("[]", 1, &why), 1);
	CHECK_STR(why, "missing version");
	CHECK_INT(bad_at("(,)", 1, &why), 2);
	CHECK_STR(why, "missing version");
	CHECK_INT(bad_at("[ , ]", 1, &why), 4);
	CHECK_INT(bad_at("[2.0,1.0]", 1, &why), 0);
	CHECK_STR(why, "upper bound below lower bound");
	CHECK_INT(bad_at("[1.0,1.0)", 1, &why), 0);
	CHECK_STR(why, "equal bounds must be both inclusive or both "
		       "exclusive");
	CHECK_INT(bad_at("(1.0,1.0]", 1, &why), 0);
	CHECK_INT(bad_at("[1.0,1.0]", 1, &why), -1);
	CHECK_INT(bad_at("[1.0,x]", 1, &why), 5);
	CHECK_INT(bad_at("[v1.0,2.0]", 1, &why), 1);
	CHECK_INT(bad_at("[1.0 ,2.0 beta]", 1, &why), 9);
	CHECK_INT(bad_at("1.0,2.0", 1, &why), 3);
	CHECK_INT(bad_at(">=1.0", 1, &why), 0);
}

/* --- total order on generated versions --- */

#define NGEN 2000
#define NTRI 160

/* NEXT(): a 32-bit random number from the generator state rs */
#define NEXT() order_xorshift32(rs)

static void append(char *out, size_t *o, const char *s)
{
	size_t n = strlen(s);

	memcpy(out + *o, s, n);
	*o += n;
	out[*o] = '\0';
}

/* At most 154 bytes, under ORDER_TEXT_MAX: cap is not needed. */
static void gen_version(char *out, size_t cap, unsigned long long *rs)
{
	static const char *const num[] = {
		"0", "00", "1", "01", "2", "10", "99999999999999999999"
	};
	static const char *const label[] = {
		"0", "1", "2", "10", "a", "A", "alpha", "Alpha", "beta", "rc",
		"-", "a-b", "1a", "x", "99999999999999999999"
	};
	size_t o = 0, n = 1 + NEXT() % 4, k;

	out[0] = '\0';
	for (k = 0; k < n; k++) {
		if (k)
			append(out, &o, ".");
		append(out, &o, num[NEXT() % 7]);
	}
	if (NEXT() % 2) {
		n = 1 + NEXT() % 3;
		for (k = 0; k < n; k++) {
			append(out, &o, k ? "." : "-");
			append(out, &o, label[NEXT() % 15]);
		}
	}
	if (NEXT() % 5 == 0)
		append(out, &o, "+meta.01");
}

#undef NEXT

static void t_total_order(void)
{
	const order_gen gen = { .make = gen_version, .seed = 88172645u,
				 .n_triples = NTRI };
	const char *why = check_total_order(YM_SCHEME_NUGET, &gen, NGEN);

	if (why)
		TEST_FAIL_("%s", why);
}

int main(void)
{
	RUN(t_sorted_list);
	RUN(t_equal);
	RUN(t_compare);
	RUN(t_parse_errors);
	RUN(t_ranges);
	RUN(t_range_syntax_only);
	RUN(t_range_errors);
	RUN(t_total_order);
	return test_done();
}
