/* test_version_maven.c - Maven version order and version ranges. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "version/maven.h"
#include "version/version.h"
#include "version_order.h"

/* -1, 0, 1, or 99 if either side is rejected. */
static int cmp(const char *a, const char *b)
{
	ym_maven x, y;
	ym_version_syntax syn;

	if (ym_maven_parse(a, strlen(a), &x, &syn) ||
	    ym_maven_parse(b, strlen(b), &y, &syn))
		return 99;
	return ym_maven_cmp(&x, &y);
}

/* 1 inside, 0 outside, -1 error. */
static int in(const char *v, const char *r)
{
	ym_maven x;
	ym_version_syntax syn;
	bool out = false;

	if (ym_maven_parse(v, strlen(v), &x, &syn))
		return -1;
	if (ym_maven_range_contains(r, strlen(r), &x, &out, &syn))
		return -1;
	return out;
}

/* Where and why a version (range == 0) or range (range == 1) fails:
 * position, or -1 if it parsed; *why gets the reason ("" for NULL). */
static long bad_at(const char *s, size_t len, int range, const char **why)
{
	ym_maven x;
	ym_version_syntax syn = { 0, NULL };
	int r;

	if (range)
		r = ym_maven_range_contains(s, len, NULL, NULL, &syn);
	else
		r = ym_maven_parse(s, len, &x, &syn);
	*why = syn.why ? syn.why : "";
	return r == 0 ? -1 : (long)syn.pos;
}

static long vbad(const char *s, const char **why)
{
	return bad_at(s, strlen(s), 0, why);
}

static long rbad(const char *s, const char **why)
{
	return bad_at(s, strlen(s), 1, why);
}

/* The "End Result Examples" of the POM reference's Version Order
 * Specification. */
static void t_spec_examples(void)
{
	CHECK_INT(cmp("1", "1.1"), -1);
	CHECK_INT(cmp("1-snapshot", "1"), -1);
	CHECK_INT(cmp("1", "1-sp"), -1);
	CHECK_INT(cmp("1-foo2", "1-foo10"), -1);
	CHECK_INT(cmp("1.foo", "1-foo"), 0);
	CHECK_INT(cmp("1-foo", "1-1"), -1);
	CHECK_INT(cmp("1-1", "1.1"), -1);
	CHECK_INT(cmp("1.ga", "1-ga"), 0);
	CHECK_INT(cmp("1-ga", "1-0"), 0);
	CHECK_INT(cmp("1-0", "1.0"), 0);
	CHECK_INT(cmp("1.0", "1"), 0);
	CHECK_INT(cmp("1-sp", "1-ga"), 1);
	CHECK_INT(cmp("1-sp.1", "1-ga.1"), 1);
	CHECK_INT(cmp("1-sp-1", "1-ga-1"), -1);
	CHECK_INT(cmp("1-ga-1", "1-1"), 0);
	CHECK_INT(cmp("1-a1", "1-alpha-1"), 0);
	/* splitting and trimming examples */
	CHECK_INT(cmp("1-1.foo-bar1baz-.1", "1-1.foo-bar-1-baz-0.1"), 0);
	CHECK_INT(cmp("1.0.0-foo.0.0", "1-foo"), 0);
	CHECK_INT(cmp("1.0.0-0.0.0", "1"), 0);
	CHECK_INT(cmp("1.", "1"), 0);
	CHECK_INT(cmp("1-", "1"), 0);
	CHECK_INT(cmp("1.final", "1"), 0);
}

static void t_sorted_list(void)
{
	static const char *const v[] = {
		"1-alpha", "1-alpha-1", "1-a2", "1-alpha.3", "1-beta",
		"1-b1", "1-milestone-1", "1-m2", "1-rc", "1-cr1", "1-RC2",
		"1-snapshot", "1", "1-sp", "1-sp-1", "1-abc", "1-foo",
		"1-foo-1", "1-foo.1", "1-zzz", "1-0.1", "1-1", "1-1.1", "1-2",
		"1.0.1", "1.1-alpha", "1.1", "1.1.1", "1.2", "1.10", "2-rc",
		"2", "10", "100.0.0"
	};
	size_t n = sizeof v / sizeof v[0], i, j;

	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++)
			CHECK_INT(cmp(v[i], v[j]), i < j ? -1 : i > j);
}

static void t_qualifiers(void)
{
	/* aliases and case */
	CHECK_INT(cmp("1cr", "1rc"), 0);
	CHECK_INT(cmp("1Cr", "1Rc"), 0);
	CHECK_INT(cmp("1a1", "1-alpha-1"), 0);
	CHECK_INT(cmp("1b2", "1-beta-2"), 0);
	CHECK_INT(cmp("1m3", "1-milestone-3"), 0);
	CHECK_INT(cmp("1m3", "1MILESTONE3"), 0);
	CHECK_INT(cmp("1X", "1x"), 0);
	CHECK_INT(cmp("1ga", "1"), 0);
	CHECK_INT(cmp("1GA", "1"), 0);
	CHECK_INT(cmp("1RELeaSE", "1"), 0);
	CHECK_INT(cmp("1FinaL", "1"), 0);
	CHECK_INT(cmp("0-final-ga", "0"), 0);
	/* a, b, m are aliases only directly before a digit */
	CHECK_INT(cmp("1-a", "1-alpha"), 1);
	CHECK_INT(cmp("1-a.1", "1-alpha.1"), 1);
	CHECK_INT(cmp("1-a", "1a"), 0);
	CHECK_INT(cmp("1-a", "1-b"), -1);
	CHECK_INT(cmp("1-c-1", "1c1"), 0);
	/* unknown qualifiers: after known ones, lexically, any case */
	CHECK_INT(cmp("1-sp", "1-abc"), -1);
	CHECK_INT(cmp("1-ABC", "1-abd"), -1);
	CHECK_INT(cmp("1-ab", "1-abc"), -1);
	CHECK_INT(cmp("1-_", "1-a"), -1);
	CHECK_INT(cmp("2.0.1-klm", "2.0.1-lmn"), -1);
	CHECK_INT(cmp("2.0.1-xyz", "2.0.1-123"), -1);
	CHECK_INT(cmp("2.0.1", "2.0.1-xyz"), -1);
	/* every qualifier is below a number */
	CHECK_INT(cmp("1-zzz", "1-0.1"), -1);
	CHECK_INT(cmp("1-sp", "1-1"), -1);
}

static void t_trimming(void)
{
	CHECK_INT(cmp("1", "1.0.0"), 0);
	CHECK_INT(cmp("1", "01"), 0);
	CHECK_INT(cmp("01", "001"), 0);
	CHECK_INT(cmp("1.1", "1.01"), 0);
	CHECK_INT(cmp("1", "1-0"), 0);
	CHECK_INT(cmp("1", "1.0-0"), 0);
	CHECK_INT(cmp("1a", "1.0.0-a"), 0);
	CHECK_INT(cmp("1.0.0x", "1-x"), 0);
	CHECK_INT(cmp("0.0.0", "0"), 0);
	CHECK_INT(cmp("0.0.0-0.0.0", "0-final-ga"), 0);
	CHECK_INT(cmp("1-0-1", "1-1"), 0);
	CHECK_INT(cmp("1.0-1", "1-1"), 0);
	CHECK_INT(cmp("1-ga.1", "1-final.1"), 0);
	CHECK_INT(cmp("1-ga.1", "1"), 1);
	CHECK_INT(cmp("1-ga.1", "1-1"), -1);
	CHECK_INT(cmp("1..1", "1.0.1"), 0);
	CHECK_INT(cmp(".1", "0.1"), 0);
	CHECK_INT(cmp("-1", "0-1"), 0);
	CHECK_INT(cmp("1.0.0", "1-1"), -1);
	CHECK_INT(cmp("2.0-1", "2.0.1"), -1);
	/* real-world spellings */
	CHECK_INT(cmp("5.2.0", "5.2.0.RELEASE"), 0);
	CHECK_INT(cmp("4.1.2", "4.1.2.Final"), 0);
	CHECK_INT(cmp("1.2.0.CR1", "1.2.0.Final"), -1);
	CHECK_INT(cmp("5.0.0.M1", "5.0.0.RC1"), -1);
	CHECK_INT(cmp("5.0.0.RC1", "5.0.0.RELEASE"), -1);
	CHECK_INT(cmp("1.0-SNAPSHOT", "1.0"), -1);
	CHECK_INT(cmp("1.0-alpha-1-SNAPSHOT", "1.0-alpha-1"), -1);
	CHECK_INT(cmp("9.3.0.RC1", "9.3.0.v20150612"), -1);
	CHECK_INT(cmp("0.0.0-2021-05-17T01-01-51-5ec03a8b", "20.0.0"), -1);
}

static void t_big_numbers(void)
{
	CHECK_INT(cmp("20190126.230843", "1234567890.12345"), -1);
	CHECK_INT(cmp("123456789012345.1H.5-beta",
		      "12345678901234567890.1H.5-beta"), -1);
	CHECK_INT(cmp("18446744073709551616", "18446744073709551615"), 1);
	CHECK_INT(cmp("1.000000000000000000000000001", "1.1"), 0);
	CHECK_INT(cmp("1.99999999999999999999999999999",
		      "1.100000000000000000000000000000"), -1);
	CHECK_INT(cmp("0000000001", "2"), -1);
}

/* Our documented choices where Maven's implementation is not a total
 * order or older Maven versions differ (docs/versions.md). */
static void t_choices(void)
{
	/* ".qualifier" ranks as "-qualifier" */
	CHECK_INT(cmp("2.0.a", "2-a"), 0);
	CHECK_INT(cmp("2.0.0.a", "2.0.a"), 0);
	CHECK_INT(cmp("2-1", "2.0.a"), 1);
	CHECK_INT(cmp("6.1.12.rc5", "6.1.12rc1"), 1);
	CHECK_INT(cmp("1.5.9.RC1", "1.5.9-RC0"), 1);
	CHECK_INT(cmp("3.5.0.Beta-1", "3.5.0-CR-2"), -1);
	CHECK_INT(cmp("1.0.RC-1", "1.0-RC-1"), 0);
	/* Maven 3.8.7 orders these in a cycle; we do not */
	CHECK_INT(cmp("2.9.0.rc.1", "2.9"), -1);
	CHECK_INT(cmp("2.9", "2.9-1"), -1);
	CHECK_INT(cmp("2.9.0.rc.1", "2.9-1"), -1);
	CHECK_INT(cmp("2.9.0.RC1", "2.9.0"), -1);
	CHECK_INT(cmp("2.9.0", "2.9.0-1"), -1);
	/* a version may start with a qualifier */
	CHECK_INT(cmp("alpha", "0-alpha"), 0);
	CHECK_INT(cmp("rc1", "1"), -1);
	/* bytes >= 0x80 are letters, compared bytewise */
	CHECK_INT(cmp("1-\xc3\xa9", "1-z"), 1);
	CHECK_INT(cmp("1_2", "1-_-2"), 0);
}

static void t_parse_errors(void)
{
	static char big[YM_MAVEN_MAX_LEN + 2];
	const char *why;

	CHECK_INT(vbad("", &why), 0);
	CHECK_STR(why, "empty version");
	CHECK_INT(vbad(" 1", &why), 0);
	CHECK_STR(why, "");
	CHECK_INT(vbad("1 ", &why), 1);
	CHECK_INT(vbad("1.0 beta", &why), 3);
	CHECK_INT(vbad("1\t", &why), 1);
	CHECK_INT(vbad("1.0\x7f", &why), 3);
	CHECK_INT(vbad("[1.0]", &why), 0);
	CHECK_INT(vbad("1,2", &why), 1);
	CHECK_INT(vbad("1)", &why), 1);
	CHECK_INT(vbad("1(2", &why), 1);
	CHECK_INT(vbad("1]", &why), 1);
	CHECK_INT(vbad(".", &why), 0);
	CHECK_STR(why, "no digits or letters");
	CHECK_INT(vbad("-.-", &why), 0);
	CHECK_STR(why, "no digits or letters");
	CHECK_INT(bad_at("1\0" "2", 3, 0, &why), 1);
	/* 33 parts: the 33rd starts at 64 */
	CHECK_INT(vbad("1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1."
		       "1.1.1.1.1.1.1", &why), 64);
	CHECK_STR(why, "more than 32 parts");
	CHECK_INT(vbad("1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1."
		       "1.1.1.1.1.1", &why), -1);
	/* trailing zeros are trimmed only at a '-' or the end */
	CHECK_INT(vbad("1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0."
		       "0.0.0.0.0.0.0", &why), 64);
	CHECK_INT(vbad("1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0."
		       "0.0.0.0.0-0.0.0.0.0", &why), -1);
	memset(big, '1', sizeof big);
	CHECK_INT(bad_at(big, YM_MAVEN_MAX_LEN, 0, &why), -1);
	CHECK_INT(bad_at(big, YM_MAVEN_MAX_LEN + 1, 0, &why),
		  YM_MAVEN_MAX_LEN);
	CHECK_STR(why, "version longer than 65535 bytes");
}

static void t_ranges(void)
{
	CHECK_INT(in("1.0", "[1.0]"), 1);
	CHECK_INT(in("1", "[1.0]"), 1);
	CHECK_INT(in("1.0.1", "[1.0]"), 0);
	CHECK_INT(in("1.0", "[1.0,2.0)"), 1);
	CHECK_INT(in("1.5", "[1.0,2.0)"), 1);
	CHECK_INT(in("2.0", "[1.0,2.0)"), 0);
	CHECK_INT(in("2.0-SNAPSHOT", "[1.0,2.0)"), 1);
	CHECK_INT(in("1.0-SNAPSHOT", "[1.0,2.0)"), 0);
	CHECK_INT(in("2.0", "[1.0,2.0]"), 1);
	CHECK_INT(in("1.0", "(1.0,2.0]"), 0);
	CHECK_INT(in("1.0.1", "(1.0,2.0]"), 1);
	CHECK_INT(in("0.1", "(,1.0]"), 1);
	CHECK_INT(in("1.0", "(,1.0]"), 1);
	CHECK_INT(in("1.0", "(,1.0)"), 0);
	CHECK_INT(in("1.1", "(,1.0]"), 0);
	CHECK_INT(in("1.2", "[1.2,)"), 1);
	CHECK_INT(in("99", "[1.2,)"), 1);
	CHECK_INT(in("1.1", "[1.2,)"), 0);
	CHECK_INT(in("1.2", "(1.2,)"), 0);
	CHECK_INT(in("0", "(,)"), 1);
	CHECK_INT(in("5", "[,]"), 1);
	/* unions */
	CHECK_INT(in("1.0", "(,1.0],[1.2,)"), 1);
	CHECK_INT(in("1.1", "(,1.0],[1.2,)"), 0);
	CHECK_INT(in("1.2", "(,1.0],[1.2,)"), 1);
	CHECK_INT(in("1.1", "(,1.1),(1.1,)"), 0);
	CHECK_INT(in("1.1.1", "(,1.1),(1.1,)"), 1);
	CHECK_INT(in("3", "[1,2] [3]"), 1);
	CHECK_INT(in("1.5", "[1.0,2.0),[1.5,3.0)"), 1);
	CHECK_INT(in("2.5", "[2.0,3.0],[1.0]"), 1);
	/* blanks */
	CHECK_INT(in("1.5", " [ 1.0 , 2.0 ) , ( 3 , ) "), 1);
	CHECK_INT(in("1.0", "[1.00,1.0]"), 1);
	/* a bare version means that version only */
	CHECK_INT(in("1.0", "1.0"), 1);
	CHECK_INT(in("1.0.0", " 1 "), 1);
	CHECK_INT(in("1.1", "1.0"), 0);
	CHECK_INT(in("0.9", "1.0"), 0);
}

static void t_range_syntax_only(void)
{
	ym_version_syntax syn;
	bool out = true;

	CHECK_INT(ym_maven_range_contains("[1,2)", 5, NULL, &out, &syn), 0);
	CHECK(out);
	CHECK_INT(ym_maven_range_contains("1.0", 3, NULL, NULL, &syn), 0);
}

static void t_range_errors(void)
{
	const char *why;

	CHECK_INT(rbad("", &why), 0);
	CHECK_STR(why, "empty range");
	CHECK_INT(rbad("   ", &why), 3);
	CHECK_STR(why, "empty range");
	CHECK_INT(rbad("[1.0", &why), 4);
	CHECK_STR(why, "missing ']' or ')'");
	CHECK_INT(rbad("[1.0,", &why), 5);
	CHECK_STR(why, "missing ']' or ')'");
	CHECK_INT(rbad("(1.0)", &why), 0);
	CHECK_STR(why, "a single version must be enclosed in []");
	CHECK_INT(rbad("[1.0)", &why), 0);
	CHECK_INT(rbad(" (1.0]", &why), 1);
	CHECK_STR(why, "a single version must be enclosed in []");
	CHECK_INT(rbad("[]", &why), 1);
	CHECK_STR(why, "missing version");
	CHECK_INT(rbad("()", &why), 1);
	CHECK_STR(why, "missing version");
	CHECK_INT(rbad("[1.0,2.0,3.0]", &why), 8);
	CHECK_STR(why, "more than two bounds");
	CHECK_INT(rbad("[2.0,1.0]", &why), 0);
	CHECK_STR(why, "upper bound below lower bound");
	CHECK_INT(rbad("[1,2],[3.0,3.0)", &why), 6);
	CHECK_STR(why, "equal bounds must both be inclusive");
	CHECK_INT(rbad("(1.0,1.0)", &why), 0);
	CHECK_INT(rbad("[1.0,1.00]", &why), -1);
	CHECK_INT(rbad("[1.0]x", &why), 5);
	CHECK_STR(why, "");
	CHECK_INT(rbad("[1.0],", &why), 6);
	CHECK_INT(rbad("[1.0],,[2.0]", &why), 6);
	CHECK_INT(rbad("[1.0],2.0", &why), 6);
	CHECK_INT(rbad("1.0,[2.0]", &why), 3);
	CHECK_INT(rbad("1.0 2.0", &why), 3);
	CHECK_INT(rbad("[1 0]", &why), 3);
	CHECK_INT(rbad("[1.0 x]", &why), 5);
	CHECK_INT(rbad("[1.0,2.0 3]", &why), 9);
	CHECK_INT(rbad("[1.0,.]", &why), 5);
	CHECK_STR(why, "no digits or letters");
	CHECK_INT(rbad("[1.0,(2.0]", &why), 5);
}

/* --- total order on generated versions --- */

#define NGEN 2000
#define NTRI 160

/* NEXT(): a 32-bit random number from the generator state rs */
#define NEXT() order_xorshift32(rs)

static void gen_version(char *out, size_t cap, unsigned long long *rs)
{
	static const char *const part[] = {
		"0", "00", "1", "01", "2", "10", "9", "99999999999999999999",
		"alpha", "A", "a", "beta", "B", "m", "milestone", "rc", "CR",
		"snapshot", "ga", "Final", "release", "sp", "foo", "x", "_", ""
	};
	static const char *const sep[] = { ".", ".", "-", "" };
	size_t n = 1 + NEXT() % 6, k, o = 0;

	for (k = 0; k < n; k++) {
		const char *s = k ? sep[NEXT() % 4] : "";
		const char *p = part[NEXT() % (sizeof part / sizeof part[0])];

		if (o + strlen(s) + strlen(p) + 1 >= cap)
			break;
		memcpy(out + o, s, strlen(s));
		o += strlen(s);
		memcpy(out + o, p, strlen(p));
		o += strlen(p);
	}
	if (o == 0 || strspn(out, ".-") == o)
		out[o++] = '7';
	out[o] = '\0';
}

#undef NEXT

static void t_total_order(void)
{
	const order_gen gen = { .make = gen_version, .text_cap = 64,
				 .seed = 2463534242u, .n_triples = NTRI };
	const char *why = check_total_order(YM_SCHEME_MAVEN, &gen, NGEN);

	if (why)
		TEST_FAIL_("%s", why);
}

int main(void)
{
	RUN(t_spec_examples);
	RUN(t_sorted_list);
	RUN(t_qualifiers);
	RUN(t_trimming);
	RUN(t_big_numbers);
	RUN(t_choices);
	RUN(t_parse_errors);
	RUN(t_ranges);
	RUN(t_range_syntax_only);
	RUN(t_range_errors);
	RUN(t_total_order);
	return test_done();
}
