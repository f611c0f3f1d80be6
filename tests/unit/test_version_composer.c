/* test_version_composer.c - Packagist order and Composer constraints. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "version/composer.h"

/* -1, 0, 1, or 99 if either side is rejected. */
static int cmp(const char *a, const char *b)
{
	ym_composer x, y;

	if (ym_composer_parse(a, strlen(a), &x, NULL) ||
	    ym_composer_parse(b, strlen(b), &y, NULL))
		return 99;
	return ym_composer_cmp(&x, &y);
}

/* 1 inside, 0 outside, -1 error (version or range). */
static int in(const char *v, const char *r)
{
	ym_composer x;
	bool out = false;

	if (ym_composer_parse(v, strlen(v), &x, NULL) ||
	    ym_composer_range_contains(r, strlen(r), &x, &out, NULL))
		return -1;
	return out;
}

static char msg[128];

/* "pos: why" of a rejected version, "" if accepted. */
static const char *rej(const char *v)
{
	ym_composer x;
	ym_version_syntax syn = { 0, NULL };

	if (ym_composer_parse(v, strlen(v), &x, &syn) == 0)
		return "";
	snprintf(msg, sizeof msg, "%zu: %s", syn.pos,
		 syn.why ? syn.why : "unexpected");
	return msg;
}

/* The same for a range (syntax only). */
static const char *rrej(const char *r)
{
	ym_version_syntax syn = { 0, NULL };

	if (ym_composer_range_contains(r, strlen(r), NULL, NULL, &syn) == 0)
		return "";
	snprintf(msg, sizeof msg, "%zu: %s", syn.pos,
		 syn.why ? syn.why : "unexpected");
	return msg;
}

static void t_order(void)
{
	/* ascending, each strictly above the one before */
	static const char *const v[] = {
		"dev-foo", "1.0-foo", "1.0-dev", "1.0alpha", "1.0a1",
		"1.0-beta", "1.0b2", "1.0b10", "1.0-RC1", "1.0rc2", "1.0",
		"1.0.0", "1.0.0.1", "1.0.1", "1.0pl1", "1.0-p2", "1.1",
		"1.10", "2", "10"
	};
	size_t n = sizeof v / sizeof v[0], i, j;

	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++)
			CHECK_INT(cmp(v[i], v[j]), i < j ? -1 : i > j);
}

static void t_compare(void)
{
	/* leading v or V, separators, letters/digits boundaries */
	CHECK_INT(cmp("v1.0pl1", "1.0pl1"), 0);
	CHECK_INT(cmp("V1.0.0", "v1.0.0"), 0);
	CHECK_INT(cmp("1.0.0rc2", "1.0.0.rc2"), 0);
	CHECK_INT(cmp("1.25.0-beta2.1", "1.25.0-b.2.1"), 0);
	CHECK_INT(cmp("1.0_1", "1.0+1"), 0);
	CHECK_INT(cmp("1.0.01", "1.0.1"), 0);
	/* words: prefixes decide, case matters as in PHP */
	CHECK_INT(cmp("1.0abc", "1.0alpha"), 0);
	CHECK_INT(cmp("1.0pl", "1.0patch"), 0);
	CHECK_INT(cmp("1.0-RC1", "1.0-rc1"), 0);
	CHECK_INT(cmp("1.0-BETA", "1.0-alpha"), -1);
	CHECK_INT(cmp("1.0-BETA.1", "1.0-ALPHA.2"), -1);
	CHECK_INT(cmp("1.0-BETA.1", "1.0-ALPHA.1"), 0);
	CHECK_INT(cmp("1.0-stable", "1.0"), -1);
	CHECK_INT(cmp("1.0-foo", "1.0-bar"), -1); /* bar is a beta */
	CHECK_INT(cmp("1.0+build", "1.0"), -1);   /* so is build */
	/* '#' only separates */
	CHECK_INT(cmp("1.2.3.#", "1.2.3"), 0);
	CHECK_INT(cmp("1.2.3.#.1", "1.2.3"), 1);
	CHECK_INT(cmp("1.2.3.#.p3", "1.2.3"), 1);
	CHECK_INT(cmp("1.2.3.#.beta", "1.2.3"), -1);
	CHECK_INT(cmp("1.0-", "1.0"), 0);
	/* numbers of any length */
	CHECK_INT(cmp("999999999999999999999999999991",
		      "999999999999999999999999999999"), -1);
	CHECK_INT(cmp("18446744073709551616", "18446744073709551615"), 1);
	CHECK_INT(cmp("1.0000000000000000000000000000002", "1.2"), 0);
	/* branches */
	CHECK_INT(cmp("dev-foo", "dev-zap"), 0);
	CHECK_INT(cmp("dev-foo", "dev-bar"), -1); /* bar is a beta */
	CHECK_INT(cmp("dev-master", "0"), -1);
	CHECK_INT(cmp("dev-feature/x", "dev-feature.x"), 0);
}

static void t_reject(void)
{
	CHECK_STR(rej("1.0.0"), "");
	CHECK_STR(rej("dev-master#abc1"), "");
	CHECK_STR(rej("2010-01-02:10"), "");
	CHECK_STR(rej(""), "0: unexpected");
	CHECK_STR(rej("v"), "");     /* a word, like a branch name */
	CHECK_STR(rej("v.1"), "");
	CHECK_STR(rej("-1.0"), "0: unexpected");
	CHECK_STR(rej(".1"), "0: unexpected");
	CHECK_STR(rej(" 1.0"), "0: unexpected");
	CHECK_STR(rej("1.0 "), "3: unexpected");
	CHECK_STR(rej("1.0,2"), "3: unexpected");
	CHECK_STR(rej("1.0~1"), "3: unexpected");
	CHECK_STR(rej("1.0@dev"), "3: unexpected");
	CHECK_STR(rej("1.0\xc3\xa9"), "3: unexpected");
	CHECK_STR(rej("1.2.3.4.5.6.7.8.9.10.11.12.13.14.15.16."
		      "17.18.19.20.21.22.23.24.25.26.27.28.29.30.31.32"), "");
	CHECK_STR(rej("1.2.3.4.5.6.7.8.9.10.11.12.13.14.15.16."
		      "17.18.19.20.21.22.23.24.25.26.27.28.29.30.31.32.33"),
		  "87: more than 32 components");
}

static void t_basic(void)
{
	/* exact matches compare normalised versions: 1.0 == 1.0.0.0 */
	CHECK_INT(in("1.0.0", "1.0"), 1);
	CHECK_INT(in("1.0.0", "=1.0"), 1);
	CHECK_INT(in("1.0.0", "== 1.0.0.0"), 1);
	CHECK_INT(in("v1.0.0", "1.0"), 1);
	CHECK_INT(in("1.0.0+build", "1.0"), 1);
	CHECK_INT(in("1.0.0", "!=1.0"), 0);
	CHECK_INT(in("1.0.1", "<>1.0"), 1);
	CHECK_INT(in("1.0.0-beta2", "1.0b2"), 1);
	CHECK_INT(in("1.0.0-BETA2", "1.0.0-beta2"), 1);
	CHECK_INT(in("1.0-p1", "1.0.0-patch1"), 1);
	CHECK_INT(in("1.0.0", "1.0-stable"), 1);
	/* "<" and ">=" get "-dev": <2.0 excludes 2.0 pre-releases */
	CHECK_INT(in("2.0.0-beta", "<2.0"), 0);
	CHECK_INT(in("2.0.0-dev", "<2.0"), 0);
	CHECK_INT(in("1.9.9", "<2.0"), 1);
	CHECK_INT(in("2.0.0-dev", ">=2.0"), 1);
	CHECK_INT(in("2.0.0-beta", "<=2.0"), 1);
	CHECK_INT(in("2.0.0-beta", ">2.0"), 0);
	CHECK_INT(in("1.0.0-RC1", ">=1.0.0-RC1"), 1);
	CHECK_INT(in("1.0.0-RC1-dev", ">=1.0.0-RC1"), 1);
	CHECK_INT(in("1.0.0-beta-dev", ">=1.0-beta-dev"), 1);
	CHECK_INT(in("1.0.0-alpha", ">=1.0-beta-dev"), 0);
	/* datetime and numeric branch versions */
	CHECK_INT(in("2010-01-02", "2010.01.02"), 0); /* 2010.01.02.0 */
	CHECK_INT(in("2010-01-02", "2010-01-02"), 1);
	CHECK_INT(in("2010-01-02", ">2010.01.01"), 1);
	CHECK_INT(in("1.2.x-dev", ">=1.2.9999999"), 1);
	CHECK_INT(in("1.2.x-dev", ">=1.2.9999999.9999999"), 1);
	CHECK_INT(in("1.2.x-dev", ">1.2.9999999.9999999"), 0);
	CHECK_INT(in("1.2.x-dev", ">=1.2.9999999-dev"), 1);
	CHECK_INT(in("1.2.x-dev", "==1.2.9999999.9999999-dev"), 1);
	/* what Composer cannot normalise compares as written */
	CHECK_INT(in("1.5.6d", "=1.5.6d"), 1);
	CHECK_INT(in("1.5.7d", "=1.5.6d"), 0);
	CHECK_INT(in("1.5.6e", "=1.5.6d"), 1); /* unknown words are equal */
	CHECK_INT(in("1.2.3.4.5", "<1.2.3.4.6"), 1);
	CHECK_INT(in("1.2.3.4.5", ">=1.2.3.4.5"), 1);
	CHECK_INT(in("99999999999999999999", ">99999999999999999998"), 1);
	/* padded to four numbers as normalize() would */
	CHECK_INT(in("99999999999999999999", "99999999999999999999.0"), 1);
	CHECK_INT(in("1.5.6d", "=1.5.6.0d"), 1);
}

static void t_sugar(void)
{
	/* ~1.2 := >=1.2.0.0-dev <2.0.0.0-dev, ~1.2.3 := <1.3.0.0-dev */
	CHECK_INT(in("1.2.0-dev", "~1.2"), 1);
	CHECK_INT(in("1.9.9", "~1.2"), 1);
	CHECK_INT(in("2.0.0-alpha", "~1.2"), 0);
	CHECK_INT(in("1.1.9", "~1.2"), 0);
	CHECK_INT(in("1.2.9", "~1.2.3"), 1);
	CHECK_INT(in("1.3.0-beta", "~1.2.3"), 0);
	CHECK_INT(in("1.9.0", "~1"), 1);
	CHECK_INT(in("2.0.0", "~1"), 0);
	CHECK_INT(in("1.2.3", "~1.2.3-beta"), 1);
	CHECK_INT(in("1.2.3-alpha", "~1.2.3-beta"), 0);
	/* ~1.2.3+build: the build swallows the "-dev" suffix */
	CHECK_INT(in("1.2.3-dev", "~1.2.3+build"), 0);
	CHECK_INT(in("1.2.3", "~1.2.3+build"), 1);
	/* ~1.2.x-dev := >=1.2.9999999.9999999-dev <1.3.0.0-dev */
	CHECK_INT(in("1.2.5", "~1.2.x-dev"), 0);
	CHECK_INT(in("1.2.x-dev", "~1.2.x-dev"), 1);
	/* ^ */
	CHECK_INT(in("1.9.9", "^1.2.3"), 1);
	CHECK_INT(in("2.0.0-beta", "^1.2.3"), 0);
	CHECK_INT(in("1.2.3-dev", "^1.2.3"), 1);
	CHECK_INT(in("0.2.9", "^0.2.3"), 1);
	CHECK_INT(in("0.3.0", "^0.2.3"), 0);
	CHECK_INT(in("0.0.3", "^0.0.3"), 1);
	CHECK_INT(in("0.0.4", "^0.0.3"), 0);
	CHECK_INT(in("0.0.9", "^0.0"), 1);
	CHECK_INT(in("0.1.0", "^0.0"), 0);
	CHECK_INT(in("0.9.0", "^0"), 1);
	CHECK_INT(in("1.0.0", "^0"), 0);
	/* "00" is not "0" for Composer's caret */
	CHECK_INT(in("0.5.0", "^00.1"), 1);
	CHECK_INT(in("1.0.0", "^00.1"), 0);
	/* x-ranges */
	CHECK_INT(in("1.0.5", "1.0.*"), 1);
	CHECK_INT(in("1.0.0-dev", "1.0.*"), 1);
	CHECK_INT(in("1.1.0-dev", "1.0.*"), 0);
	CHECK_INT(in("1.9", "1.x"), 1);
	CHECK_INT(in("1.2.3.9", "1.2.3.*"), 1);
	CHECK_INT(in("0.0.0-foo", "0.*"), 1);
	CHECK_INT(in("0.0.0-foo", "00.*"), 0);
	CHECK_INT(in("0.0.0-foo", "0.0.0.0-dev"), 0);
	/* hyphen ranges */
	CHECK_INT(in("1.0.0-dev", "1.0 - 2.0"), 1);
	CHECK_INT(in("2.0.9", "1.0 - 2.0"), 1);
	CHECK_INT(in("2.1.0-dev", "1.0 - 2.0"), 0);
	CHECK_INT(in("2.0.0", "1.0 - 2.0.0"), 1);
	CHECK_INT(in("2.0.1", "1.0 - 2.0.0"), 0);
	CHECK_INT(in("2.9", "1.0 - 2"), 1);
	CHECK_INT(in("3.0.0-alpha", "1.0 - 2"), 0);
	CHECK_INT(in("1.0.0-alpha", "1.0-beta - 2"), 0);
	CHECK_INT(in("1.0.0-beta", "1.0-beta - 2"), 1);
	/* numbers beyond 64 bits are incremented exactly */
	CHECK_INT(in("18446744073709551615.9", "^18446744073709551615.0"),
		  1);
	CHECK_INT(in("18446744073709551616.0", "^18446744073709551615.0"),
		  0);
	CHECK_INT(in("99999.99999.5", "^99999.99999"), 1);
	CHECK_INT(in("100000.0.0.0", "^99999.99999"), 0);
	/* a date-like 100000 stays one number, below 100000.0.0.0-dev */
	CHECK_INT(in("100000", "^99999.99999"), 1);
}

static void t_any_flags_branches(void)
{
	CHECK_INT(in("1.0", "*"), 1);
	CHECK_INT(in("dev-foo", "*"), 1);
	CHECK_INT(in("dev-foo", "x.*"), 0);
	CHECK_INT(in("0.0.0-dev", "v*"), 1);
	CHECK_INT(in("dev-foo", "dev-foo"), 1);
	CHECK_INT(in("dev-foo", "dev-Foo"), 0);
	CHECK_INT(in("DEV-foo", "dev-foo"), 1);
	CHECK_INT(in("dev-foo", "foo-dev"), 1);
	CHECK_INT(in("dev-foo", "!=dev-bar"), 1);
	CHECK_INT(in("dev-foo", "!=dev-foo"), 0);
	CHECK_INT(in("dev-foo", ">=1.0"), 0);
	CHECK_INT(in("dev-foo", "!=1.0"), 1);
	CHECK_INT(in("dev-master", "master"), 1);
	CHECK_INT(in("master", "dev-master"), 1);
	CHECK_INT(in("dev-foo", "dev-foo#abc123"), 1);
	CHECK_INT(in("1.0.x-dev", "1.0.x-dev#abc"), 1);
	/* stability flags: ">=1.0@dev" is >=1.0.0.0-dev */
	CHECK_INT(in("1.0.0-alpha", ">=1.0@dev"), 1);
	CHECK_INT(in("1.0.0-alpha", ">=1.0@stable"), 1); /* plain >= */
	CHECK_INT(in("1.0.0-alpha", ">1.0@stable"), 0);
	CHECK_INT(in("2.0.0-alpha", "<2.0@beta"), 1);
	CHECK_INT(in("2.0.0-beta", "<2.0@beta"), 0);
	CHECK_INT(in("1.0.0-alpha", "@dev"), 1);
	CHECK_INT(in("1.0.0", "1.0@dev"), 1);
	/* "@Beta" stays as written: an unknown word below everything */
	CHECK_INT(in("1.0.0-dev", ">=1.0@Beta"), 1);
	/* aliases */
	CHECK_INT(in("1.0.0", "1.0 as 2.0"), 1);
	CHECK_INT(in("2.0.0", "1.0 as 2.0"), 0);
}

static void t_lists(void)
{
	CHECK_INT(in("1.5", ">=1.0,<2.0"), 1);
	CHECK_INT(in("1.5", ">=1.0 <2.0"), 1);
	CHECK_INT(in("1.5", ">= 1.0, < 2.0"), 1);
	CHECK_INT(in("1.5", ">=1.0 , <2.0"), 1);
	CHECK_INT(in("2.5", ">=1.0,<2.0"), 0);
	CHECK_INT(in("2.5", ">=1.0,<2.0 || >=2.5"), 1);
	CHECK_INT(in("2.5", ">=1.0,<2.0|>=2.5"), 1);
	CHECK_INT(in("3.0", "1.0 | 2.0 || 3.0"), 1);
	CHECK_INT(in("3.5", " >=1.0 <2.0 || 3.0 "), 0);
	CHECK_INT(in("5.6.1", "<5.5.40||>=5.6.0-alpha0,<5.6.15"), 1);
	CHECK_INT(in("2.0.13.1", "<2.0.12.1||>=2.0.13.0alpha,<2.0.13.2"), 1);
	CHECK_INT(in("2.7.5", ">=v2.7.0-alpha0,<=v2.7.37||"
				">=v2.8.0-alpha0,<=v2.8.30 ||>=v3.2.0-alpha0"),
		  1);
	/* Composer merges [>= A < B] || [>= B < C] into [>= A < C] */
	CHECK_INT(in("1.5", ">=1.0 <2.0 || >=2.0 <3.0"), 1);
	CHECK_INT(in("3.10.0", "3 - 11"), 1);
	CHECK_INT(in("3.10.0", "11.0-beta - 2 || 3 - 11"), 0);
	CHECK_INT(in("2.5", ">=3.0 <2.0 || >=2.0 <3.0"), 0);
	CHECK_INT(in("2.5", ">=3.0 <2.0 || >=2.0 <3.0 || >=3.0 <4.0"), 0);
	CHECK_INT(in("2.5", ">=3.0 <=2.0 || >=2.0 <3.0"), 1);
	CHECK_INT(in("2.5", ">=3.0 <2.0 || >=2.0 <3.0, !=2.6"), 1);
	CHECK_INT(in("3.0.0", "<3.0.0-stable"), 0);
	CHECK_INT(in("2.9.9", "<3.0.0-stable"), 1);
}

static void t_range_errors(void)
{
	CHECK_STR(rrej(">=1.0,<2.0||>=3"), "");
	CHECK_STR(rrej(""), "0: empty constraint");
	CHECK_STR(rrej("   "), "3: empty constraint");
	CHECK_STR(rrej("1.0 ||"), "6: empty constraint");
	CHECK_STR(rrej("|| 1.0"), "0: empty constraint");
	CHECK_STR(rrej("1.0|||2.0"), "5: empty constraint");
	CHECK_STR(rrej(">=1.0,,<2"), "2: invalid version");
	CHECK_STR(rrej("~>1.0"), "0: \"~>\" is not an operator, use \"~\"");
	CHECK_STR(rrej("~1.0.x"), "1: invalid version");
	CHECK_STR(rrej("^1.*.3"), "1: invalid version");
	CHECK_STR(rrej("1.*.3"), "0: invalid version");
	CHECK_STR(rrej(">="), "2: missing version");
	CHECK_STR(rrej(">= "), "2: missing version");
	CHECK_STR(rrej("1.0 - 2.0 - 3.0"), "0: invalid version");
	CHECK_STR(rrej("~123456789012345678901234"), "");
	CHECK_STR(rrej(">1.0 <2.0 !"), "10: invalid version");
	/* a branch name may hold anything Composer's normalize keeps */
	CHECK_STR(rrej("dev-master - 0.0.10"), "");
	CHECK_INT(in("dev-master - 0.0.10", "*"), -1);
}

/* --- properties --- */

static unsigned long rng_state = 12345;

static unsigned rnd(unsigned n)
{
	rng_state = rng_state * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)((rng_state >> 33) % n);
}

#define NV 2000

static char pool[NV][48];
static ym_composer vers[NV];

static int qcmp(const void *a, const void *b)
{
	return ym_composer_cmp(a, b);
}

static void gen(char *out, size_t cap)
{
	static const char *const words[] = {
		"dev", "a", "alpha", "b", "beta", "RC", "rc", "p", "pl",
		"patch", "foo", "stable", "BETA", "x"
	};
	static const char *const seps[] = { ".", "-", "_", "+", "", "#" };
	size_t n = 0;
	unsigned k, parts = 1 + rnd(5);

	if (rnd(8) == 0)
		n += (size_t)snprintf(out + n, cap - n, "v");
	for (k = 0; k < parts && n < cap - 12; k++) {
		if (k > 0)
			n += (size_t)snprintf(out + n, cap - n, "%s",
					      seps[rnd(6)]);
		if (rnd(4) == 0 && k > 0)
			n += (size_t)snprintf(out + n, cap - n, "%s",
					      words[rnd(14)]);
		else if (rnd(20) == 0)
			n += (size_t)snprintf(out + n, cap - n,
					      "9999999999999999999%u", rnd(10));
		else
			n += (size_t)snprintf(out + n, cap - n, "%s%u",
					      rnd(10) == 0 ? "0" : "", rnd(12));
	}
}

static void t_total_order(void)
{
	size_t i, j;

	for (i = 0; i < NV; i++) {
		gen(pool[i], sizeof pool[i]);
		if (ym_composer_parse(pool[i], strlen(pool[i]), &vers[i],
				      NULL))
			TEST_FAIL_("rejected %s", pool[i]);
	}
	for (i = 0; i < NV; i++) {
		CHECK_INT(ym_composer_cmp(&vers[i], &vers[i]), 0);
		for (j = i + 1; j < NV; j += 7)
			CHECK_INT(ym_composer_cmp(&vers[i], &vers[j]),
				  -ym_composer_cmp(&vers[j], &vers[i]));
	}
	/* after sorting, every earlier version is <= every later one, which
	 * fails for a comparison that is not transitive */
	qsort(vers, NV, sizeof vers[0], qcmp);
	for (i = 0; i < NV; i++)
		for (j = i + 1; j < NV; j++)
			if (ym_composer_cmp(&vers[i], &vers[j]) > 0)
				TEST_FAIL_("not sorted: %.*s > %.*s",
					   (int)vers[i].len, vers[i].s,
					   (int)vers[j].len, vers[j].s);
}

int main(void)
{
	RUN(t_order);
	RUN(t_compare);
	RUN(t_reject);
	RUN(t_basic);
	RUN(t_sugar);
	RUN(t_any_flags_branches);
	RUN(t_lists);
	RUN(t_range_errors);
	RUN(t_total_order);
	return test_done();
}
