/* test_version_pep440.c - PEP 440 parsing, ordering and specifiers. */
#include <stdbool.h>
#include <string.h>

#include "test.h"
#include "version/pep440.h"
#include "version/version.h"

#define PY YM_SCHEME_PYPI

/* -1, 0, 1, or 99 if either side is rejected. */
static int cmp(const char *a, const char *b)
{
	ym_err err = YM_ERR_INIT;
	int c = 42;

	if (ym_version_cmp(PY, a, b, &c, &err) != 0)
		return 99;
	return c;
}

/* 1 inside, 0 outside, -1 error. */
static int in(const char *v, const char *spec)
{
	ym_err err = YM_ERR_INIT;
	bool out = false;

	if (ym_range_contains(PY, v, spec, &out, &err) != 0)
		return -1;
	return out;
}

static ym_err last;

static const char *check_msg(const char *v)
{
	ym_err_clear(&last);
	if (ym_version_check(PY, v, &last) == 0)
		return "";
	return last.msg;
}

static const char *range_msg(const char *v, const char *spec)
{
	bool out;

	ym_err_clear(&last);
	if (ym_range_contains(PY, v, spec, &out, &last) == 0)
		return "";
	return last.msg;
}

/* Normalised form, or "(invalid)". */
static char norm_buf[256];

static const char *norm(const char *s)
{
	ym_pep440 v;
	ym_version_syntax syn;

	if (ym_pep440_parse(s, strlen(s), &v, &syn))
		return "(invalid)";
	ym_pep440_format(&v, norm_buf, sizeof norm_buf);
	return norm_buf;
}

static void t_order(void)
{
	static const char *const v[] = {
		"0.dev0", "0.9", "1.0.dev0", "1.0.dev1", "1.0a1.dev1",
		"1.0a1", "1.0a1+local", "1.0a1.post1.dev1", "1.0a1.post1",
		"1.0a2", "1.0b1.dev3", "1.0b1", "1.0b2.post345", "1.0rc1",
		"1.0rc2", "1.0", "1.0+abc", "1.0+abc.5", "1.0+abd",
		"1.0+0", "1.0+1.a", "1.0+5", "1.0.post1.dev1", "1.0.post1",
		"1.0.post2", "1.0.1", "1.1.dev1", "1.10", "2.0", "1!0.1",
		"1!1.0", "2!0.0.dev0"
	};
	size_t n = sizeof v / sizeof v[0], i, j;

	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++)
			CHECK_INT(cmp(v[i], v[j]), i < j ? -1 : i > j);
}

static void t_equal(void)
{
	CHECK_INT(cmp("1.0", "1.0.0"), 0);
	CHECK_INT(cmp("1", "1.0.0.0.0"), 0);
	CHECK_INT(cmp("v1.0", "1.0"), 0);
	CHECK_INT(cmp("V1.0", "0!1.0"), 0);
	CHECK_INT(cmp("01.002", "1.2"), 0);
	CHECK_INT(cmp("1.0alpha1", "1.0a1"), 0);
	CHECK_INT(cmp("1.0-beta.2", "1.0b2"), 0);
	CHECK_INT(cmp("1.0c1", "1.0rc1"), 0);
	CHECK_INT(cmp("1.0pre1", "1.0rc1"), 0);
	CHECK_INT(cmp("1.0preview_1", "1.0rc1"), 0);
	CHECK_INT(cmp("1.0RC1", "1.0rc1"), 0);
	CHECK_INT(cmp("1.0a", "1.0a0"), 0);
	CHECK_INT(cmp("1.0-1", "1.0.post1"), 0);
	CHECK_INT(cmp("1.0rev2", "1.0.post2"), 0);
	CHECK_INT(cmp("1.0-r", "1.0.post0"), 0);
	CHECK_INT(cmp("1.0dev", "1.0.dev0"), 0);
	CHECK_INT(cmp("1.0+ABC", "1.0+abc"), 0);
	CHECK_INT(cmp("1.0+a-b_c", "1.0+a.b.c"), 0);
	CHECK_INT(cmp("1.0+01", "1.0+1"), 0);
	CHECK_INT(cmp(" 1.0\t\n", "1.0"), 0);
	/* numbers beyond 64 bits */
	CHECK_INT(cmp("1.18446744073709551616", "1.18446744073709551615"),
		  1);
	CHECK_INT(cmp("18446744073709551616!0", "18446744073709551615!9"),
		  1);
	CHECK_INT(cmp("1.0.post99999999999999999999999",
		      "1.0.post100000000000000000000000"), -1);
}

static void t_normalise(void)
{
	CHECK_STR(norm("1.0"), "1.0");
	CHECK_STR(norm("v01.02.0"), "1.2.0");
	CHECK_STR(norm("0!1.0"), "1.0");
	CHECK_STR(norm("0100!0.0"), "100!0.0");
	CHECK_STR(norm("1.0.ALPHA"), "1.0a0");
	CHECK_STR(norm("1.0-c056"), "1.0rc56");
	CHECK_STR(norm("1.0a.post"), "1.0a0.post0");
	CHECK_STR(norm("1.0apost1"), "1.0a0.post1");
	CHECK_STR(norm("1.0rcdev"), "1.0rc0.dev0");
	CHECK_STR(norm("1.0-1.dev"), "1.0.post1.dev0");
	CHECK_STR(norm("1.0-r-1"), "1.0.post1");
	CHECK_STR(norm("1.1.dev09000"), "1.1.dev9000");
	CHECK_STR(norm("1.0+AbC-01_x"), "1.0+abc.1.x");
	CHECK_STR(norm("1.0+İ"), "(invalid)");
	CHECK_STR(norm("1.0a."), "1.0a0");
}

static void t_invalid(void)
{
	CHECK_STR(check_msg("1.0rc1"), "");
	CHECK_STR(check_msg("french toast"),
		  "invalid version 'french toast' at position 0: "
		  "unexpected 'f'");
	CHECK_STR(check_msg("1.0+"),
		  "invalid version '1.0+' at position 4: unexpected end");
	CHECK_STR(check_msg("1.0+a."),
		  "invalid version '1.0+a.' at position 6: unexpected end");
	CHECK_STR(check_msg("1..0"),
		  "invalid version '1..0' at position 1: unexpected '.'");
	CHECK_STR(check_msg("1.0a1-"),
		  "invalid version '1.0a1-' at position 5: unexpected '-'");
	CHECK_STR(check_msg("1.0_1"),
		  "invalid version '1.0_1' at position 3: unexpected '_'");
	CHECK_STR(check_msg("1.0 a1"),
		  "invalid version '1.0 a1' at position 4: unexpected 'a'");
	CHECK_STR(check_msg("1!"),
		  "invalid version '1!' at position 2: unexpected end");
	CHECK_STR(check_msg("1.2.x3"),
		  "invalid version '1.2.x3' at position 3: unexpected '.'");
	CHECK_STR(check_msg(""),
		  "invalid version '' at position 0: unexpected end");
}

static void t_compatible(void)
{
	/* ~=2.2 := >=2.2, ==2.* */
	CHECK_INT(in("2.2", "~=2.2"), 1);
	CHECK_INT(in("2.9.1", "~=2.2"), 1);
	CHECK_INT(in("2.1", "~=2.2"), 0);
	CHECK_INT(in("3.0", "~=2.2"), 0);
	CHECK_INT(in("3.0.dev0", "~=2.2"), 0);
	/* ~=1.4.5 := >=1.4.5, ==1.4.* */
	CHECK_INT(in("1.4.5", "~=1.4.5"), 1);
	CHECK_INT(in("1.4.99", "~=1.4.5"), 1);
	CHECK_INT(in("1.5.0", "~=1.4.5"), 0);
	CHECK_INT(in("1.4.4", "~=1.4.5"), 0);
	CHECK_INT(in("1.4.5", "~=1.4.5a4"), 1);
	CHECK_INT(in("1.4.5a3", "~=1.4.5a4"), 0);
	CHECK_INT(in("2.2.0", "~=2.2.0"), 1);
	CHECK_INT(in("2.3.0", "~=2.2.0"), 0);
	CHECK_INT(in("1!2.5", "~=2.2"), 0);
	CHECK_INT(in("1!2.5", "~=1!2.2"), 1);
	CHECK_INT(in("2022.01.02", "~=2022.01.01"), 1);
}

static void t_wildcards(void)
{
	CHECK_INT(in("1.2", "==1.2.*"), 1);
	CHECK_INT(in("1.2.0.0", "==1.2.*"), 1);
	CHECK_INT(in("1.2.5.post3", "==1.2.*"), 1);
	CHECK_INT(in("1.2a1", "==1.2.*"), 1);
	CHECK_INT(in("1.2+local", "==1.2.*"), 1);
	CHECK_INT(in("1.3", "==1.2.*"), 0);
	CHECK_INT(in("1.20", "==1.2.*"), 0);
	CHECK_INT(in("1", "==1.0.*"), 1);
	CHECK_INT(in("1.3", "!=1.2.*"), 1);
	CHECK_INT(in("1.2.7", "!=1.2.*"), 0);
	CHECK_INT(in("2!1.2", "==1.2.*"), 0);
	CHECK_INT(in("2!1.2", "==2!1.*"), 1);
}

static void t_ordered(void)
{
	/* <V excludes V's pre-releases unless V is one */
	CHECK_INT(in("1.9", "<2.0"), 1);
	CHECK_INT(in("2.0a1", "<2.0"), 0);
	CHECK_INT(in("2.0.dev1", "<2.0"), 0);
	CHECK_INT(in("2.0a1", "<2.0a2"), 1);
	CHECK_INT(in("1.0+local", "<1.0.post1"), 1);
	CHECK_INT(in("2.post1", "<2"), 0);
	/* >V excludes V's post-releases and local versions */
	CHECK_INT(in("1.0.post1", ">1.0"), 0);
	CHECK_INT(in("1.0+local", ">1.0"), 0);
	CHECK_INT(in("1.0.1", ">1.0"), 1);
	CHECK_INT(in("1.0.post2", ">1.0.post1"), 1);
	CHECK_INT(in("1.0.post1+local", ">1.0.post1"), 0);
	CHECK_INT(in("1.0a2.post0", ">1.0a1"), 1);
	CHECK_INT(in("1.0a1.post0", ">1.0a1"), 0);
	CHECK_INT(in("1.0.post0", ">1.0.dev1"), 1);
	/* <=, >= and == ignore a local label unless the spec has one */
	CHECK_INT(in("2.0+deadbeef", "<=2.0"), 1);
	CHECK_INT(in("2.0+deadbeef", ">=2.0"), 1);
	CHECK_INT(in("2.0+deadbeef", "==2.0"), 1);
	CHECK_INT(in("2.0+deadbeef", "!=2.0"), 0);
	CHECK_INT(in("2.0", "==2.0+deadbeef"), 0);
	CHECK_INT(in("2.0+deadbeef.0", "==2.0.0+deadbeef.00"), 1);
	CHECK_INT(in("2.0+deadbeef", "!=2.0+other"), 1);
	/* pre-releases match when inside the bounds (documented choice) */
	CHECK_INT(in("2.1a1", ">=2.0"), 1);
	CHECK_INT(in("1.0rc1", ">=0.9,<1.0.post1"), 1);
	/* sets */
	CHECK_INT(in("1.5", ">=1.0, <2.0, !=1.5"), 0);
	CHECK_INT(in("1.6", " >=1.0 ,<2.0,!=1.5 "), 1);
	CHECK_INT(in("1.6", ">=1.0,,<2.0"), 1);
	CHECK_INT(in("1.6", ""), 1);
	CHECK_INT(in("1.6a1", ","), 1);
	CHECK_INT(in("1.0", "== 1.0"), 1);
	CHECK_INT(in("1.0", "==v1.0"), 1);
}

static void t_arbitrary(void)
{
	CHECK_INT(in("1.0", "===1.0"), 1);
	CHECK_INT(in("1.0.0", "===1.0"), 0);
	CHECK_INT(in("FooBar", "===foobar"), 1);
	CHECK_INT(in("foobar", "===foobaz"), 0);
	/* a non-PEP 440 version is fine when only "===" looks at it */
	CHECK_STR(range_msg("foobar", "===foobar, >=1.0"),
		  "invalid version 'foobar' at position 0: unexpected 'f'");
	CHECK_STR(range_msg("foobar", ""),
		  "invalid version 'foobar' at position 0: unexpected 'f'");
}

static void t_spec_errors(void)
{
	CHECK_STR(range_msg("1.0", "2.0"),
		  "invalid range '2.0' at position 0: "
		  "expected an operator such as >=");
	CHECK_STR(range_msg("1.0", "=>2.0"),
		  "invalid range '=>2.0' at position 0: "
		  "expected an operator such as >=");
	CHECK_STR(range_msg("1.0", ">=1.0,~=1"),
		  "invalid range '>=1.0,~=1' at position 8: "
		  "'~=' needs at least two release numbers");
	CHECK_STR(range_msg("1.0", ">=1.0.*"),
		  "invalid range '>=1.0.*' at position 5: "
		  "'.*' is only allowed with == and !=");
	CHECK_STR(range_msg("1.0", "==2.0a1.*"),
		  "invalid range '==2.0a1.*' at position 7: "
		  "'.*' must follow the release segment");
	CHECK_STR(range_msg("1.0", "==1.0.*+5"),
		  "invalid range '==1.0.*+5' at position 5: "
		  "unexpected '.'");
	CHECK_STR(range_msg("1.0", "<=1.0+abc"),
		  "invalid range '<=1.0+abc' at position 5: "
		  "a local version is only allowed with == and !=");
	CHECK_STR(range_msg("1.0", "=="),
		  "invalid range '==' at position 2: unexpected end");
	CHECK_STR(range_msg("1.0", ">=1.0 <2.0"),
		  "invalid range '>=1.0 <2.0' at position 6: "
		  "unexpected '<'");
	CHECK_STR(range_msg("1.0", "===a;b"),
		  "invalid range '===a;b' at position 4: unexpected ';'");
	/* a bad range is reported before a bad version */
	CHECK_STR(range_msg("x", ">=1.0 <2.0"),
		  "invalid range '>=1.0 <2.0' at position 6: "
		  "unexpected '<'");
	CHECK_STR(range_msg("x", ">=1.0"),
		  "invalid version 'x' at position 0: unexpected 'x'");
}

int main(void)
{
	RUN(t_order);
	RUN(t_equal);
	RUN(t_normalise);
	RUN(t_invalid);
	RUN(t_compatible);
	RUN(t_wildcards);
	RUN(t_ordered);
	RUN(t_arbitrary);
	RUN(t_spec_errors);
	return test_done();
}
