/* test_version_osv.c - OSV event ranges, plus the rest of version.c:
 * scheme names and mappings and the generic scheme. */
#include <stdbool.h>
#include <string.h>

#include "test.h"
#include "version/version.h"

#define I YM_OSV_INTRODUCED
#define F YM_OSV_FIXED
#define LA YM_OSV_LAST_AFFECTED
#define LIM YM_OSV_LIMIT
#define N(a) (sizeof(a) / sizeof((a)[0]))

static ym_err last;
static ym_osv_hit hit;

/* 1 affected, 0 not, -1 error (message in last). Leaves the interval in
 * hit as indexes into ev through intro_at()/close_at(). */
static int aff(ym_scheme s, const ym_osv_event *ev, size_t n,
	       const char *v)
{
	bool a = true;

	ym_err_clear(&last);
	hit.introduced = hit.closing = ev; /* must be overwritten */
	if (ym_osv_events_affect(s, ev, n, v, &a, &hit, &last) != 0)
		return -1;
	return a;
}

static long at(const ym_osv_event *ev, const ym_osv_event *e)
{
	return e ? (long)(e - ev) : -1;
}

static void t_pairs(void)
{
	static const ym_osv_event ev[] = { { I, "0" }, { F, "1.2.0" } };

	CHECK_INT(aff(YM_SCHEME_NPM, ev, N(ev), "0.0.1"), 1);
	CHECK_INT(at(ev, hit.introduced), 0);
	CHECK_INT(at(ev, hit.closing), 1);
	CHECK_INT(aff(YM_SCHEME_NPM, ev, N(ev), "1.2.0-rc.1"), 1);
	CHECK_INT(aff(YM_SCHEME_NPM, ev, N(ev), "1.2.0"), 0);
	CHECK_INT(at(ev, hit.introduced), -1);
	CHECK_INT(at(ev, hit.closing), -1);
	CHECK_INT(aff(YM_SCHEME_NPM, ev, N(ev), "v2.0.0"), 0);
}

static void t_intervals(void)
{
	/* listed out of order on purpose: evaluation sorts them */
	static const ym_osv_event ev[] = {
		{ I, "2.0" }, { F, "1.5" }, { LA, "2.3" }, { I, "1.0" },
		{ I, "3.0" }
	};

	CHECK_INT(aff(YM_SCHEME_PYPI, ev, N(ev), "0.9"), 0);
	CHECK_INT(aff(YM_SCHEME_PYPI, ev, N(ev), "1.0"), 1);
	CHECK_INT(at(ev, hit.introduced), 3);
	CHECK_INT(at(ev, hit.closing), 1);
	CHECK_INT(aff(YM_SCHEME_PYPI, ev, N(ev), "1.5rc1"), 1);
	CHECK_INT(aff(YM_SCHEME_PYPI, ev, N(ev), "1.5"), 0);
	CHECK_INT(aff(YM_SCHEME_PYPI, ev, N(ev), "1.9"), 0);
	CHECK_INT(aff(YM_SCHEME_PYPI, ev, N(ev), "2.0"), 1);
	CHECK_INT(at(ev, hit.introduced), 0);
	CHECK_INT(at(ev, hit.closing), 2);
	/* last_affected is inclusive */
	CHECK_INT(aff(YM_SCHEME_PYPI, ev, N(ev), "2.3"), 1);
	/* PEP 440 puts 2.3+local above 2.3 */
	CHECK_INT(aff(YM_SCHEME_PYPI, ev, N(ev), "2.3.0"), 1);
	CHECK_INT(aff(YM_SCHEME_PYPI, ev, N(ev), "2.3+local"), 0);
	CHECK_INT(aff(YM_SCHEME_PYPI, ev, N(ev), "2.3.post1"), 0);
	CHECK_INT(aff(YM_SCHEME_PYPI, ev, N(ev), "2.9"), 0);
	/* open-ended */
	CHECK_INT(aff(YM_SCHEME_PYPI, ev, N(ev), "3.0"), 1);
	CHECK_INT(at(ev, hit.introduced), 4);
	CHECK_INT(at(ev, hit.closing), -1);
	CHECK_INT(aff(YM_SCHEME_PYPI, ev, N(ev), "99!0"), 1);
}

static void t_repeated_introduced(void)
{
	/* the interval starts at the first introduced after the last close */
	static const ym_osv_event ev[] = {
		{ I, "1.0.0" }, { I, "1.1.0" }, { F, "2.0.0" }
	};

	CHECK_INT(aff(YM_SCHEME_SEMVER, ev, N(ev), "1.5.0"), 1);
	CHECK_INT(at(ev, hit.introduced), 0);
	CHECK_INT(at(ev, hit.closing), 2);
}

static void t_limits(void)
{
	static const ym_osv_event ev[] = {
		{ I, "0" }, { LIM, "2.0.0" }, { F, "3.0.0" }
	};
	static const ym_osv_event star[] = {
		{ I, "1.0.0" }, { LIM, "*" }
	};
	static const ym_osv_event two[] = {
		{ I, "1.0.0" }, { LIM, "1.5.0" }, { LIM, "1.2.0" }
	};

	CHECK_INT(aff(YM_SCHEME_SEMVER, ev, N(ev), "1.9.9"), 1);
	CHECK_INT(at(ev, hit.introduced), 0);
	CHECK_INT(at(ev, hit.closing), 1);
	CHECK_INT(aff(YM_SCHEME_SEMVER, ev, N(ev), "2.0.0"), 0);
	CHECK_INT(aff(YM_SCHEME_SEMVER, ev, N(ev), "2.5.0"), 0);
	CHECK_INT(aff(YM_SCHEME_SEMVER, star, N(star), "9.0.0"), 1);
	CHECK_INT(at(star, hit.closing), -1);
	CHECK_INT(aff(YM_SCHEME_SEMVER, star, N(star), "0.9.0"), 0);
	/* below any limit is enough; the nearest one closes the interval */
	CHECK_INT(aff(YM_SCHEME_SEMVER, two, N(two), "1.3.0"), 1);
	CHECK_INT(at(two, hit.closing), 1);
	CHECK_INT(aff(YM_SCHEME_SEMVER, two, N(two), "1.1.0"), 1);
	CHECK_INT(at(two, hit.closing), 2);
	CHECK_INT(aff(YM_SCHEME_SEMVER, two, N(two), "1.5.0"), 0);
}

static void t_ties(void)
{
	/* same version: list order decides, as with osv.dev's stable sort */
	static const ym_osv_event intro_first[] = {
		{ I, "1.0" }, { F, "1.0" }
	};
	static const ym_osv_event fixed_first[] = {
		{ F, "1.0" }, { I, "1.0" }
	};
	static const ym_osv_event equal_spelling[] = {
		{ I, "1.0" }, { F, "1.0.0" }, { I, "v1" }
	};

	CHECK_INT(aff(YM_SCHEME_PYPI, intro_first, 2, "1.0"), 0);
	CHECK_INT(aff(YM_SCHEME_PYPI, intro_first, 2, "2.0"), 0);
	CHECK_INT(aff(YM_SCHEME_PYPI, fixed_first, 2, "1.0"), 1);
	CHECK_INT(at(fixed_first, hit.introduced), 1);
	CHECK_INT(at(fixed_first, hit.closing), -1);
	CHECK_INT(aff(YM_SCHEME_PYPI, fixed_first, 2, "0.9"), 0);
	CHECK_INT(aff(YM_SCHEME_PYPI, equal_spelling, 3, "1.0"), 1);
	CHECK_INT(at(equal_spelling, hit.introduced), 2);
	/* introduced "0" sorts before every version, even "0.0" */
	{
		static const ym_osv_event ev[] = {
			{ F, "0.0" }, { I, "0" }
		};

		CHECK_INT(aff(YM_SCHEME_PYPI, ev, 2, "0"), 0);
		CHECK_INT(aff(YM_SCHEME_PYPI, ev, 2, "0.0.dev1"), 1);
	}
}

static void t_osv_errors(void)
{
	static const ym_osv_event bad_fixed[] = {
		{ I, "0" }, { F, "1.2.x3" }
	};
	static const ym_osv_event bad_intro[] = { { I, "v1.0.0" } };
	static const ym_osv_event bad_last[] = { { LA, "1" } };
	static const ym_osv_event bad_limit[] = {
		{ I, "0" }, { LIM, "**" }
	};
	static const ym_osv_event no_version[] = { { F, NULL } };
	static const ym_osv_event bad_kind[] = {
		{ (ym_osv_event_kind)7, "1.0.0" }
	};

	CHECK_INT(aff(YM_SCHEME_SEMVER, bad_fixed, 2, "1.0.0"), -1);
	CHECK_INT(last.code, YM_E_INVALID);
	CHECK_STR(last.msg, "invalid fixed version '1.2.x3' at position 4: "
		  "unexpected 'x'");
	CHECK_INT(at(bad_fixed, hit.introduced), -1);
	CHECK_INT(aff(YM_SCHEME_SEMVER, bad_intro, 1, "1.0.0"), -1);
	CHECK_STR(last.msg, "invalid introduced version 'v1.0.0' at "
		  "position 0: unexpected 'v'");
	CHECK_INT(aff(YM_SCHEME_SEMVER, bad_last, 1, "1.0.0"), -1);
	CHECK_STR(last.msg, "invalid last_affected version '1' at "
		  "position 1: unexpected end");
	CHECK_INT(aff(YM_SCHEME_SEMVER, bad_limit, 2, "1.0.0"), -1);
	CHECK_STR(last.msg, "invalid limit version '**' at position 0: "
		  "unexpected '*'");
	CHECK_INT(aff(YM_SCHEME_SEMVER, no_version, 1, "1.0.0"), -1);
	CHECK_STR(last.msg, "OSV event without a version");
	CHECK_INT(aff(YM_SCHEME_SEMVER, bad_kind, 1, "1.0.0"), -1);
	CHECK_STR(last.msg, "unknown OSV event kind 7");
	CHECK_INT(aff(YM_SCHEME_SEMVER, bad_fixed, 2, "1.0"), -1);
	CHECK_STR(last.msg, "invalid version '1.0' at position 3: "
		  "unexpected end");
	CHECK_INT(aff(YM_SCHEME_UNKNOWN, bad_fixed, 2, "1.0"), -1);
	CHECK_STR(last.msg, "unknown version scheme 0");
	/* no events: nothing is affected */
	CHECK_INT(aff(YM_SCHEME_SEMVER, NULL, 0, "1.0.0"), 0);
}

static void t_names(void)
{
	CHECK_INT(ym_scheme_from_name("semver"), YM_SCHEME_SEMVER);
	CHECK_INT(ym_scheme_from_name("NPM"), YM_SCHEME_NPM);
	CHECK_INT(ym_scheme_from_name("pypi"), YM_SCHEME_PYPI);
	CHECK_INT(ym_scheme_from_name("generic"), YM_SCHEME_GENERIC);
	CHECK_INT(ym_scheme_from_name("maven"), YM_SCHEME_MAVEN);
	CHECK_INT(ym_scheme_from_name("Deb"), YM_SCHEME_DEB);
	CHECK_INT(ym_scheme_from_name("cobol"), YM_SCHEME_UNKNOWN);
	CHECK_INT(ym_scheme_from_name(NULL), YM_SCHEME_UNKNOWN);
	CHECK_STR(ym_scheme_name(YM_SCHEME_SEMVER), "semver");
	CHECK_STR(ym_scheme_name(YM_SCHEME_NPM), "npm");
	CHECK_STR(ym_scheme_name(YM_SCHEME_PYPI), "pypi");
	CHECK_STR(ym_scheme_name(YM_SCHEME_GENERIC), "generic");
	CHECK_STR(ym_scheme_name(YM_SCHEME_UNKNOWN), "unknown");
	CHECK_INT(ym_scheme_for_ecosystem("npm"), YM_SCHEME_NPM);
	CHECK_INT(ym_scheme_for_ecosystem("PyPI"), YM_SCHEME_PYPI);
	CHECK_INT(ym_scheme_for_ecosystem("pypi"), YM_SCHEME_GENERIC);
	CHECK_INT(ym_scheme_for_ecosystem("NPM"), YM_SCHEME_GENERIC);
	CHECK_INT(ym_scheme_for_ecosystem("Debian:12"), YM_SCHEME_DEB);
	CHECK_INT(ym_scheme_for_ecosystem("Alpine:v3.18"), YM_SCHEME_APK);
	CHECK_INT(ym_scheme_for_ecosystem("Red Hat"), YM_SCHEME_RPM);
	CHECK_INT(ym_scheme_for_ecosystem("crates.io"), YM_SCHEME_CARGO);
	CHECK_INT(ym_scheme_for_ecosystem("Go"), YM_SCHEME_GOLANG);
	CHECK_INT(ym_scheme_for_ecosystem("Maven"), YM_SCHEME_MAVEN);
	CHECK_INT(ym_scheme_for_ecosystem("NuGet"), YM_SCHEME_NUGET);
	CHECK_INT(ym_scheme_for_ecosystem("RubyGems"), YM_SCHEME_GEM);
	CHECK_INT(ym_scheme_for_ecosystem("Debian"), YM_SCHEME_DEB);
	CHECK_INT(ym_scheme_for_ecosystem("Debianx"), YM_SCHEME_GENERIC);
	CHECK_INT(ym_scheme_for_purl_type("deb"), YM_SCHEME_DEB);
	CHECK_INT(ym_scheme_for_purl_type("golang"), YM_SCHEME_GOLANG);
	CHECK_STR(ym_scheme_name(YM_SCHEME_APK), "apk");
	CHECK_INT(ym_scheme_for_ecosystem(NULL), YM_SCHEME_GENERIC);
	CHECK_INT(ym_scheme_for_purl_type("npm"), YM_SCHEME_NPM);
	CHECK_INT(ym_scheme_for_purl_type("pypi"), YM_SCHEME_PYPI);
	CHECK_INT(ym_scheme_for_purl_type("PyPI"), YM_SCHEME_PYPI);
	CHECK_INT(ym_scheme_for_purl_type("maven"), YM_SCHEME_MAVEN);
	CHECK_INT(ym_scheme_for_purl_type("swift"), YM_SCHEME_GENERIC);
}

static int gcmp(const char *a, const char *b)
{
	ym_err err = YM_ERR_INIT;
	int c = 42;

	if (ym_version_cmp(YM_SCHEME_GENERIC, a, b, &c, &err) != 0)
		return 99;
	return c;
}

/* 1 inside, 0 outside, -1 error (message in last). */
static int gin(const char *v, const char *r)
{
	bool out = false;

	ym_err_clear(&last);
	if (ym_range_contains(YM_SCHEME_GENERIC, v, r, &out, &last) != 0)
		return -1;
	return out;
}

static void t_generic(void)
{
	static const char *const v[] = {
		"0", "1", "1.0", "1.0.0", "1.0.0a", "1.0.0b", "1.0.0z1",
		"1.0.0.1", "1.0.1", "1.2", "1.2.post1", "1.2rc1", "1.10",
		"2", "2a", "10", "18446744073709551615", "18446744073709551616"
	};
	size_t n = sizeof v / sizeof v[0], i, j;

	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++)
			CHECK_INT(gcmp(v[i], v[j]), i < j ? -1 : i > j);
	/* no notion of pre-releases: a longer version sorts later */
	CHECK_INT(gcmp("1.2rc1", "1.2"), 1);
	CHECK_INT(gcmp("2.0", "2.0.0"), -1);
	CHECK_INT(gcmp("1.0-1", "1_0+1"), 0);
	CHECK_INT(gcmp("1.01", "1.1"), 0);
	CHECK_INT(gcmp("1.0a", "1.0.a"), 0);
	CHECK_INT(gcmp("1:2.3~rc1", "1.2.3.rc1"), 0);
	CHECK_INT(gcmp("1.0B", "1.0a"), -1);
	CHECK_INT(gcmp("a", "1"), -1);
	ym_err_clear(&last);
	CHECK_INT(ym_version_check(YM_SCHEME_GENERIC, "1.0 beta", &last),
		  YM_E_INVALID);
	CHECK_STR(last.msg, "invalid version '1.0 beta' at position 3: "
		  "unexpected byte 0x20");
	CHECK_INT(ym_version_check(YM_SCHEME_GENERIC, "..", &last),
		  YM_E_INVALID);
	CHECK_STR(last.msg, "invalid version '..' at position 2: "
		  "no digits or letters");
	CHECK_INT(ym_version_check(YM_SCHEME_GENERIC, "", &last),
		  YM_E_INVALID);
	CHECK_STR(last.msg, "invalid version '' at position 0: "
		  "unexpected end");
}

static void t_generic_ranges(void)
{
	CHECK_INT(gin("1.5", ">=1.0, <2.0"), 1);
	CHECK_INT(gin("2.0", ">=1.0, <2.0"), 0);
	CHECK_INT(gin("2.0", ">= 1.0 < 2.0 || 2.0"), 1);
	CHECK_INT(gin("2.0", "==2.0"), 1);
	CHECK_INT(gin("2.0", "==2.0.0"), 0);
	CHECK_INT(gin("2.0", "2.0"), 1);
	CHECK_INT(gin("2.0", "!=2.0"), 0);
	CHECK_INT(gin("2.1", "!=2.0"), 1);
	CHECK_INT(gin("2.1", "> 2.0, <= 2.1"), 1);
	CHECK_INT(gin("2.1", "*"), 1);
	CHECK_INT(gin("2.1", "<1 || *"), 1);
	CHECK_INT(gin("2.1", "<1 ||"), -1);
	CHECK_STR(last.msg, "invalid range '<1 ||' at position 5: "
		  "empty comparator set");
	CHECK_INT(gin("2.1", ">=1.0<2"), -1);
	CHECK_STR(last.msg, "invalid range '>=1.0<2' at position 5: "
		  "unexpected '<'");
	CHECK_INT(gin("2.1", ">="), -1);
	CHECK_STR(last.msg, "invalid range '>=' at position 2: "
		  "unexpected end");
	CHECK_INT(gin("2.1", "!2"), -1);
	CHECK_STR(last.msg, "invalid range '!2' at position 0: "
		  "unexpected '!'");
	CHECK_INT(gin("2.1", "1 | 2"), -1);
	CHECK_STR(last.msg, "invalid range '1 | 2' at position 2: "
		  "unexpected '|'");
	CHECK_INT(gin("2 1", ">=1"), -1);
	CHECK_STR(last.msg, "invalid version '2 1' at position 1: "
		  "unexpected byte 0x20");
}

int main(void)
{
	RUN(t_pairs);
	RUN(t_intervals);
	RUN(t_repeated_introduced);
	RUN(t_limits);
	RUN(t_ties);
	RUN(t_osv_errors);
	RUN(t_names);
	RUN(t_generic);
	RUN(t_generic_ranges);
	return test_done();
}
