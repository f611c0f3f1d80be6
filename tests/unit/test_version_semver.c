/* test_version_semver.c - SemVer 2.0.0 ordering and node-semver ranges. */
#include <stdbool.h>
#include <string.h>

#include "test.h"
#include "version/semver.h"
#include "version/version.h"

#define SV YM_SCHEME_SEMVER
#define NPM YM_SCHEME_NPM

/* -1, 0, 1, or 99 if either side is rejected. */
static int cmp(ym_scheme s, const char *a, const char *b)
{
	ym_err err = YM_ERR_INIT;
	int c = 42;

	if (ym_version_cmp(s, a, b, &c, &err) != 0)
		return 99;
	return c;
}

/* 1 inside, 0 outside, -1 error. */
static int in(ym_scheme s, const char *v, const char *r)
{
	ym_err err = YM_ERR_INIT;
	bool out = false;

	if (ym_range_contains(s, v, r, &out, &err) != 0)
		return -1;
	return out;
}

/* The message of a failed check or range test ("" if it succeeded). */
static ym_err last;

static const char *check_msg(ym_scheme s, const char *v)
{
	ym_err_clear(&last);
	if (ym_version_check(s, v, &last) == 0)
		return "";
	return last.msg;
}

static const char *range_msg(ym_scheme s, const char *v, const char *r)
{
	bool out;

	ym_err_clear(&last);
	if (ym_range_contains(s, v, r, &out, &last) == 0)
		return "";
	return last.msg;
}

/* 1 inside, 0 outside, -1 error, through semver.h with flags. */
static int in_flags(const char *v, const char *r, unsigned flags)
{
	ym_semver sv;
	ym_version_syntax syn;
	bool out = false;

	if (ym_semver_parse(v, strlen(v), flags & YM_SEMVER_NPM, &sv, &syn))
		return -1;
	if (ym_semver_range_contains(r, strlen(r), flags, &sv, &out, &syn))
		return -1;
	return out;
}

static void t_spec_order(void)
{
	static const char *const v[] = {
		"1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta",
		"1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1",
		"1.0.0", "1.0.1", "1.1.0", "1.10.0", "2.0.0"
	};
	size_t n = sizeof v / sizeof v[0], i, j;

	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++) {
			int want = i < j ? -1 : i > j;

			CHECK_INT(cmp(SV, v[i], v[j]), want);
			CHECK_INT(cmp(NPM, v[i], v[j]), want);
		}
}

static void t_compare(void)
{
	/* build metadata is ignored */
	CHECK_INT(cmp(SV, "1.0.0+a", "1.0.0+b.2"), 0);
	CHECK_INT(cmp(SV, "1.0.0-rc.1+a", "1.0.0-rc.1"), 0);
	CHECK_INT(cmp(SV, "1.0.0+a", "1.0.0-rc.1+a"), 1);
	/* identifiers: numbers below words, ASCII order, shorter first */
	CHECK_INT(cmp(SV, "1.0.0-1", "1.0.0-a"), -1);
	CHECK_INT(cmp(SV, "1.0.0-999", "1.0.0--"), -1);
	CHECK_INT(cmp(SV, "1.0.0-B", "1.0.0-a"), -1);
	CHECK_INT(cmp(SV, "1.0.0-a", "1.0.0-a.0"), -1);
	CHECK_INT(cmp(SV, "1.0.0-a-1", "1.0.0-a"), 1);
	CHECK_INT(cmp(SV, "1.0.0-1a", "1.0.0-1"), 1);
	CHECK_INT(cmp(SV, "1.0.0-0", "1.0.0-00a"), -1);
	CHECK_INT(cmp(SV, "1.2.3-r2", "1.2.3-r100"), 1);
	CHECK_INT(cmp(SV, "1.2.3-a.b.c.10.d.5", "1.2.3-a.b.c.5.d.100"), 1);
	/* numbers beyond 64 bits */
	CHECK_INT(cmp(SV, "18446744073709551616.0.0",
		      "18446744073709551615.0.0"), 1);
	CHECK_INT(cmp(SV, "0.0.99999999999999999999999999999",
		      "0.0.100000000000000000000000000000"), -1);
	CHECK_INT(cmp(SV, "1.0.0-18446744073709551616",
		      "1.0.0-18446744073709551615"), 1);
	CHECK_INT(cmp(SV, "999999999999999999999999999991.0.0",
		      "999999999999999999999999999991.0.0"), 0);
	/* npm: loose spellings */
	CHECK_INT(cmp(NPM, "v1.2.3", "1.2.3"), 0);
	CHECK_INT(cmp(NPM, "=1.2.3", " v 1.2.3 "), 0);
	CHECK_INT(cmp(NPM, "01.02.03", "1.2.3"), 0);
	CHECK_INT(cmp(NPM, "1.2.3beta", "1.2.3-beta"), 0);
	CHECK_INT(cmp(NPM, "1.2.3-01", "1.2.3-1"), 0);
	CHECK_INT(cmp(NPM, "9007199254740991.0.0", "1.0.0"), 1);
	CHECK_INT(cmp(SV, "v1.2.3", "1.2.3"), 99);
}

static void t_check(void)
{
	CHECK_STR(check_msg(SV, "1.2.3-alpha-.-beta+build.01"), "");
	CHECK_STR(check_msg(SV, "1.2.3--"), "");
	CHECK_STR(check_msg(SV, "1.2.x3"),
		  "invalid version '1.2.x3' at position 4: unexpected 'x'");
	CHECK_STR(check_msg(SV, "1.2"),
		  "invalid version '1.2' at position 3: unexpected end");
	CHECK_STR(check_msg(SV, "01.2.3"),
		  "invalid version '01.2.3' at position 0: "
		  "leading zero in a number");
	CHECK_STR(check_msg(SV, "1.2.3-01"),
		  "invalid version '1.2.3-01' at position 6: "
		  "leading zero in a number");
	CHECK_STR(check_msg(SV, "1.2.3-"),
		  "invalid version '1.2.3-' at position 6: unexpected end");
	CHECK_STR(check_msg(SV, "1.2.3-a..b"),
		  "invalid version '1.2.3-a..b' at position 8: "
		  "unexpected '.'");
	CHECK_STR(check_msg(SV, "1.2.3+"),
		  "invalid version '1.2.3+' at position 6: unexpected end");
	CHECK_STR(check_msg(SV, "1.2.3.4"),
		  "invalid version '1.2.3.4' at position 5: unexpected '.'");
	CHECK_STR(check_msg(SV, "v1.2.3"),
		  "invalid version 'v1.2.3' at position 0: unexpected 'v'");
	CHECK_STR(check_msg(SV, " 1.2.3"),
		  "invalid version ' 1.2.3' at position 0: "
		  "unexpected byte 0x20");
	CHECK_STR(check_msg(SV, ""),
		  "invalid version '' at position 0: unexpected end");
	CHECK_STR(check_msg(SV, "1.2.3beta"),
		  "invalid version '1.2.3beta' at position 5: "
		  "unexpected 'b'");
	CHECK_STR(check_msg(NPM, "1.2.3beta"), "");
	CHECK_STR(check_msg(NPM, "9007199254740992.0.0"),
		  "invalid version '9007199254740992.0.0' at position 0: "
		  "number larger than 2^53-1");
	CHECK_STR(check_msg(NPM, "1.2.x"),
		  "invalid version '1.2.x' at position 4: unexpected 'x'");
	CHECK_STR(check_msg(NPM, "hello, world"),
		  "invalid version 'hello, world' at position 0: "
		  "unexpected 'h'");
	CHECK_STR(check_msg(NPM, "1.2.3\xc3\xa9"),
		  "invalid version '1.2.3\xc3\xa9' at position 5: "
		  "unexpected byte 0xc3");
}

static void t_caret_tilde(void)
{
	/* ^0.2.3 := >=0.2.3 <0.3.0-0 */
	CHECK_INT(in(NPM, "0.2.3", "^0.2.3"), 1);
	CHECK_INT(in(NPM, "0.2.9", "^0.2.3"), 1);
	CHECK_INT(in(NPM, "0.2.2", "^0.2.3"), 0);
	CHECK_INT(in(NPM, "0.3.0", "^0.2.3"), 0);
	CHECK_INT(in(NPM, "0.3.0-0", "^0.2.3"), 0);
	/* ^1.2.3 := >=1.2.3 <2.0.0-0, ^0.0.3 := >=0.0.3 <0.0.4-0 */
	CHECK_INT(in(NPM, "1.9.9", "^1.2.3"), 1);
	CHECK_INT(in(NPM, "2.0.0", "^1.2.3"), 0);
	CHECK_INT(in(NPM, "0.0.3", "^0.0.3"), 1);
	CHECK_INT(in(NPM, "0.0.4", "^0.0.3"), 0);
	/* ^1.2 ^1 ^0.x ^0.0 */
	CHECK_INT(in(NPM, "1.2.0", "^1.2"), 1);
	CHECK_INT(in(NPM, "1.1.9", "^1.2"), 0);
	CHECK_INT(in(NPM, "1.99.0", "^1"), 1);
	CHECK_INT(in(NPM, "0.9.0", "^0.x"), 1);
	CHECK_INT(in(NPM, "1.0.0", "^0.x"), 0);
	CHECK_INT(in(NPM, "0.0.9", "^0.0"), 1);
	CHECK_INT(in(NPM, "0.1.0", "^0.0"), 0);
	CHECK_INT(in(NPM, "0.0.1", "^0.0.1-alpha"), 1);
	CHECK_INT(in(NPM, "0.0.1-beta", "^0.0.1-alpha"), 1);
	/* ~1.2.3 := >=1.2.3 <1.3.0-0, ~1.2 := ~1.2.0, ~1 := 1.x */
	CHECK_INT(in(NPM, "1.2.9", "~1.2.3"), 1);
	CHECK_INT(in(NPM, "1.3.0", "~1.2.3"), 0);
	CHECK_INT(in(NPM, "1.2.0", "~1.2"), 1);
	CHECK_INT(in(NPM, "1.3.0", "~1.2"), 0);
	CHECK_INT(in(NPM, "1.9.0", "~1"), 1);
	CHECK_INT(in(NPM, "2.0.0", "~1"), 0);
	CHECK_INT(in(NPM, "0.0.9", "~0.0.1"), 1);
	CHECK_INT(in(NPM, "0.1.0", "~0.0.1"), 0);
	CHECK_INT(in(NPM, "1.2.3", "~> 1.2"), 1);
	CHECK_INT(in(NPM, "1.0.12", "~ 1.0.3"), 1);
	CHECK_INT(in(NPM, "1.2.4", "~1.2.3-beta.2"), 1);
	CHECK_INT(in(NPM, "1.2.3-beta.4", "~1.2.3-beta.2"), 1);
	CHECK_INT(in(NPM, "1.2.4-beta.4", "~1.2.3-beta.2"), 0);
	CHECK_INT(in(NPM, "1.4.2", "^1.2 ^1"), 1);
	CHECK_INT(in(NPM, "1.0.12", "~ 1.0.3alpha"), 1);
}

static void t_xranges(void)
{
	CHECK_INT(in(NPM, "1.2.3", "*"), 1);
	CHECK_INT(in(NPM, "1.2.3", ""), 1);
	CHECK_INT(in(NPM, "1.2.3", "x"), 1);
	CHECK_INT(in(NPM, "1.2.3", ">=*"), 1);
	CHECK_INT(in(NPM, "2.1.3", "2.x.x"), 1);
	CHECK_INT(in(NPM, "3.0.0", "2.x"), 0);
	CHECK_INT(in(NPM, "1.2.3", "1.2.*"), 1);
	CHECK_INT(in(NPM, "1.3.0", "1.2.X"), 0);
	CHECK_INT(in(NPM, "2.3.1", "2.3"), 1);
	CHECK_INT(in(NPM, "2.4.1", "2.3"), 0);
	CHECK_INT(in(NPM, "2.9.9", "2"), 1);
	/* operators on partial versions */
	CHECK_INT(in(NPM, "2.0.0", ">1"), 1);
	CHECK_INT(in(NPM, "1.9.9", ">1"), 0);
	CHECK_INT(in(NPM, "1.3.0", ">1.2"), 1);
	CHECK_INT(in(NPM, "1.2.9", ">1.2"), 0);
	CHECK_INT(in(NPM, "1.9.9", "<=1"), 1);
	CHECK_INT(in(NPM, "2.0.0-0", "<=1"), 0);
	CHECK_INT(in(NPM, "1.1.1", "<1.2"), 1);
	CHECK_INT(in(NPM, "1.2.0", "<1.2"), 0);
	CHECK_INT(in(NPM, "0.7.2", "=0.7.x"), 1);
	CHECK_INT(in(NPM, "0.7.2", "<=0.7.x"), 1);
	CHECK_INT(in(NPM, "0.7.2", "<0.7.x"), 0);
	CHECK_INT(in(NPM, "1.0.0", "<X"), 0);
	CHECK_INT(in(NPM, "1.0.0", ">x"), 0);
	CHECK_INT(in(NPM, "0.0.0", ">=x"), 1);
	/* build metadata on partials is dropped */
	CHECK_INT(in(NPM, "1.5.0", ">=1.x+build <2.x.x+build"), 1);
	CHECK_INT(in(NPM, "2.0.0", ">1.x.x-alpha+build"), 1);
	CHECK_INT(in(NPM, "1.9.0", ">1.x.x-alpha+build"), 0);
}

static void t_hyphen_sets(void)
{
	CHECK_INT(in(NPM, "1.2.3", "1.0.0 - 2.0.0"), 1);
	CHECK_INT(in(NPM, "2.0.0", "1.0.0 - 2.0.0"), 1);
	CHECK_INT(in(NPM, "2.0.1", "1.0.0 - 2.0.0"), 0);
	CHECK_INT(in(NPM, "3.4.9", "1.2 - 3.4"), 1);
	CHECK_INT(in(NPM, "3.5.0", "1.2 - 3.4"), 0);
	CHECK_INT(in(NPM, "1.1.9", "1.2 - 3.4"), 0);
	CHECK_INT(in(NPM, "0.9.7", "x - 1.0.0"), 1);
	CHECK_INT(in(NPM, "9.9.7", "1.0.0 - x"), 1);
	CHECK_INT(in(NPM, "2.4.3-alpha", "1.2.3-pre+asdf - 2.4.3-pre+asdf"),
		  1);
	CHECK_INT(in(NPM, "1.2.4", "0.1.20 || 1.2.4"), 1);
	CHECK_INT(in(NPM, "1.2.3", "0.1.20 || 1.2.4"), 0);
	CHECK_INT(in(NPM, "0.0.0", ">=0.2.3 || <0.0.1"), 1);
	CHECK_INT(in(NPM, "0.2.4", ">=0.2.3||<0.0.1"), 1);
	CHECK_INT(in(NPM, "0.0.3", ">=0.2.3 || <0.0.1"), 0);
	CHECK_INT(in(NPM, "1.3.4", "||"), 1);
	CHECK_INT(in(NPM, "1.2.3", "~1.2.1 >=1.2.3 1.2.3"), 1);
	CHECK_INT(in(NPM, "1.1.0", ">=1.0.0 <1.1.0"), 0);
	CHECK_INT(in(NPM, "1.0.1", ">  1.0.0  <=\t2.0.0"), 1);
	CHECK_INT(in(NPM, "1.2.3", "=v1.2.3"), 1);
}

static void t_prerelease_rule(void)
{
	/* a prerelease only matches a set with a prerelease comparator on
	 * the same [major, minor, patch] */
	CHECK_INT(in(NPM, "1.2.3-beta", "<=1.2.3"), 0);
	CHECK_INT(in(NPM, "1.2.3-beta", "<1.2.3"), 0);
	CHECK_INT(in(NPM, "1.3.0-beta", ">1.2"), 0);
	CHECK_INT(in(NPM, "1.2.0-pre", "^1.2"), 0);
	CHECK_INT(in(NPM, "1.0.0-rc1", "*"), 0);
	CHECK_INT(in(NPM, "1.2.3-pre", "^1.2.3-alpha"), 1);
	CHECK_INT(in(NPM, "1.2.4-pre", "^1.2.3-alpha"), 0);
	CHECK_INT(in(NPM, "1.2.3-beta.2", ">1.2.3-beta.1 <1.2.4"), 1);
	CHECK_INT(in(NPM, "1.2.3-alpha", ">1.2.3-beta.1 <1.2.4"), 0);
	/* the tuple may come from any comparator of the set */
	CHECK_INT(in(NPM, "1.2.3-beta", ">=1.0.0 <=1.2.3-rc"), 1);
	/* but not from another set */
	CHECK_INT(in(NPM, "1.2.3-beta", "1.2.3-rc || >=1.0.0"), 0);
	CHECK_INT(in(NPM, "1.2.3-rc", "1.2.3-rc || >=1.0.0"), 1);
	/* node-semver: a "*" set makes the whole range "*" */
	CHECK_INT(in(NPM, "1.2.3-rc", "1.2.3-rc || *"), 0);
	CHECK_INT(in(NPM, "1.2.3-rc", "1.2.3-rc || >=0.0.0"), 0);
	CHECK_INT(in(NPM, "1.2.3-rc", "1.2.3-rc || >=0.0.1"), 1);
	/* includePrerelease (semver.h only) */
	CHECK_INT(in_flags("1.3.0-beta", "^1.2.0", YM_SEMVER_NPM |
			   YM_SEMVER_INCLUDE_PRERELEASE), 1);
	CHECK_INT(in_flags("2.0.0-pre", "1 - 2",
			   YM_SEMVER_INCLUDE_PRERELEASE), 1);
	CHECK_INT(in_flags("3.0.0-pre", "1 - 2",
			   YM_SEMVER_INCLUDE_PRERELEASE), 0);
	CHECK_INT(in_flags("1.0.0-rc1", "^1.0.0",
			   YM_SEMVER_INCLUDE_PRERELEASE), 0);
	CHECK_INT(in_flags("1.0.0-pre", "1.0 - 2",
			   YM_SEMVER_INCLUDE_PRERELEASE), 1);
	CHECK_INT(in_flags("1.0.0-pre", "1.0 - 2", 0), 0);
}

static void t_big_bounds(void)
{
	/* upper bounds computed past 2^64 still compare exactly */
	CHECK_INT(in(SV, "18446744073709551615.9.9",
		     "^18446744073709551615.0.0"), 1);
	CHECK_INT(in(SV, "18446744073709551616.0.0",
		     "^18446744073709551615.0.0"), 0);
	CHECK_INT(in(SV, "18446744073709551616.0.0-0",
		     "^18446744073709551615.0.0"), 0);
	CHECK_INT(in(SV, "99999999999999999999.99.0",
		     "~99999999999999999999.99"), 1);
	CHECK_INT(in(SV, "99999999999999999999.100.0",
		     "~99999999999999999999.99"), 0);
	CHECK_INT(in(SV, "100000000000000000000.0.0",
		     ">99999999999999999999"), 1);
	CHECK_INT(in(SV, "99999999999999999999.9.9",
		     ">99999999999999999999"), 0);
	CHECK_INT(in(SV, "9.9.9", "<=9"), 1);
	CHECK_INT(in(SV, "10.0.0", "<=9"), 0);
	CHECK_INT(in(SV, "0.0.1299", "^0.0.1299"), 1);
	CHECK_INT(in(SV, "0.0.1300", "^0.0.1299"), 0);
	CHECK_INT(in(SV, "1.2.9", "~1.1.9 || ^1.2.9"), 1);
	CHECK_INT(in(NPM, "9007199254740990.5.0",
		     "^9007199254740990.0.0"), 1);
}

static void t_range_errors(void)
{
	CHECK_STR(range_msg(NPM, "1.2.3", "1.x.5"),
		  "invalid range '1.x.5' at position 4: "
		  "number after a wildcard");
	CHECK_STR(range_msg(NPM, "1.2.3", "x.1"),
		  "invalid range 'x.1' at position 2: "
		  "number after a wildcard");
	CHECK_STR(range_msg(NPM, "1.2.3", ">=1.2.3 |"),
		  "invalid range '>=1.2.3 |' at position 8: unexpected '|'");
	CHECK_STR(range_msg(NPM, "1.2.3", "foo"),
		  "invalid range 'foo' at position 0: unexpected 'f'");
	CHECK_STR(range_msg(NPM, "1.2.3", ">="),
		  "invalid range '>=' at position 2: unexpected end");
	CHECK_STR(range_msg(NPM, "1.2.3", "1.2-beta"),
		  "invalid range '1.2-beta' at position 3: unexpected '-'");
	CHECK_STR(range_msg(NPM, "1.2.3", "1.2.3 - "),
		  "invalid range '1.2.3 - ' at position 8: unexpected end");
	CHECK_STR(range_msg(NPM, "1.2.3", "1.2.3 -2"),
		  "invalid range '1.2.3 -2' at position 6: unexpected '-'");
	CHECK_STR(range_msg(NPM, "1.2.3", "1.0.0 - 2.0.0 3.0.0"),
		  "invalid range '1.0.0 - 2.0.0 3.0.0' at position 14: "
		  "unexpected '3'");
	CHECK_STR(range_msg(NPM, "1.2.3", ">=1.0.0,<2.0.0"),
		  "invalid range '>=1.0.0,<2.0.0' at position 7: "
		  "unexpected ','");
	CHECK_STR(range_msg(SV, "1.2.3", ">=09090"),
		  "invalid range '>=09090' at position 2: "
		  "leading zero in a number");
	CHECK_STR(range_msg(NPM, "1.2.3", ">=09090"), "");
	/* a bad range is reported before a bad version */
	CHECK_STR(range_msg(NPM, "nope", "1.x.5"),
		  "invalid range '1.x.5' at position 4: "
		  "number after a wildcard");
	CHECK_STR(range_msg(NPM, "nope", "^1.0.0"),
		  "invalid version 'nope' at position 0: unexpected 'n'");
	CHECK_STR(range_msg(SV, "v1.0.0", "^1.0.0"),
		  "invalid version 'v1.0.0' at position 0: unexpected 'v'");
	CHECK_INT(in(SV, "1.0.0", "^v1.0.0"), 1);
}

int main(void)
{
	RUN(t_spec_order);
	RUN(t_compare);
	RUN(t_check);
	RUN(t_caret_tilde);
	RUN(t_xranges);
	RUN(t_hyphen_sets);
	RUN(t_prerelease_rule);
	RUN(t_big_bounds);
	RUN(t_range_errors);
	return test_done();
}
