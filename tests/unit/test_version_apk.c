/* test_version_apk.c - Alpine apk versions: validation, order, ranges. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "version/apk.h"
#include "version/version.h"
#include "version_order.h"

/* -1, 0, 1, or 99 if either side is rejected. */
static int cmp(const char *a, const char *b)
{
	ym_apk va, vb;

	if (ym_apk_parse(a, strlen(a), &va, NULL) ||
	    ym_apk_parse(b, strlen(b), &vb, NULL))
		return 99;
	return ym_apk_cmp(&va, &vb);
}

/* 1 inside, 0 outside, -1 error. */
static int in(const char *v, const char *r)
{
	ym_apk av;
	bool out = false;

	if (ym_apk_parse(v, strlen(v), &av, NULL) ||
	    ym_apk_range_contains(r, strlen(r), &av, &out, NULL))
		return -1;
	return out;
}

static void t_order(void)
{
	/* strictly ascending */
	static const char *const v[] = {
		"0.1_alpha", "0.1_alpha1", "0.1_alpha2", "0.1_alpha_p1",
		"0.1_beta", "0.1_pre", "0.1_rc1", "0.1_rc1-r1", "0.1",
		"0.1-r1", "0.1-r9", "0.1-r10", "0.1~abc", "0.1~abc-r1",
		"0.1~abd", "0.1_cvs", "0.1_svn", "0.1_git20200101",
		"0.1_git20200102", "0.1_hg", "0.1_p1_rc1", "0.1_p1",
		"0.1_p2", "0.1a", "0.1a_p1", "0.1a1", "0.1b",
		"0.1.0", "0.1.00", "0.1.01", "0.1.1", "0.1.2", "0.1.10",
		"0.2", "1", "1.9.5", "1.9.5_p1", "1.9.5p1", "1.9.5p2",
		"1.9.5.1", "2", "10", "18446744073709551615",
		"18446744073709551616"
	};
	size_t n = sizeof v / sizeof v[0], i, j;

	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++) {
			int want = i < j ? -1 : i > j;

			if (cmp(v[i], v[j]) != want)
				TEST_FAIL_("%s vs %s: %d", v[i], v[j],
					   cmp(v[i], v[j]));
		}
	CHECK_INT(cmp("0.1_p1_rc1", "0.1_p1"), -1);
	CHECK_INT(cmp("0.1_p1_rc1", "0.1_p0"), 1);
}

static void t_compare(void)
{
	/* first number, suffix numbers and revisions by value */
	CHECK_INT(cmp("01", "1"), 0);
	CHECK_INT(cmp("1-r01", "1-r1"), 0);
	CHECK_INT(cmp("1_p01", "1_p1"), 0);
	CHECK_INT(cmp("1_rc", "1_rc0"), -1);
	/* later numbers with a leading zero compare as strings */
	CHECK_INT(cmp("1.01", "1.1"), -1);
	CHECK_INT(cmp("1.0", "1.00"), -1);
	CHECK_INT(cmp("1.010", "1.01"), 1);
	CHECK_INT(cmp("1.09", "1.1"), -1);
	CHECK_INT(cmp("1.10", "1.9"), 1);
	/* pre-release suffixes below everything, even the end */
	CHECK_INT(cmp("1.0_rc1", "1.0"), -1);
	CHECK_INT(cmp("1.0_alpha", "1.0-r0"), -1);
	CHECK_INT(cmp("1.0_rc1", "1.0~00"), -1);
	CHECK_INT(cmp("0.1.0_alpha_pre2", "0.1.0_alpha"), -1);
	/* post-release suffixes above the end */
	CHECK_INT(cmp("1.0_p1", "1.0"), 1);
	CHECK_INT(cmp("1.0_p1", "1.0-r5"), 1);
	CHECK_INT(cmp("1.0_p1", "1.0.0"), -1);
	/* a revision or hash above the end; hash above revision */
	CHECK_INT(cmp("1.0-r0", "1.0"), 1);
	CHECK_INT(cmp("1.0~0", "1.0-r100"), 1);
	/* numbers of any length */
	CHECK_INT(cmp("1.0_pre20191002222144-r0",
		      "1.0_pre20210530193627-r0"), -1);
	CHECK_INT(cmp("1.99999999999999999999999",
		      "1.100000000000000000000000"), -1);
	CHECK_INT(cmp("1-r99999999999999999999", "1-r100000000000000000000"),
		  -1);
}

static void t_reject(void)
{
	static const struct {
		const char *v;
		long pos;
		const char *why;
	} r[] = {
		{ "", 0, "a version starts with a number" },
		{ "a", 0, "a version starts with a number" },
		{ ".1", 0, "a version starts with a number" },
		{ "v1.0", 0, "a version starts with a number" },
		{ "1.", 2, "expected a number" },
		{ "1..2", 2, "expected a number" },
		{ "1-r", 3, "expected a number" },
		{ "1-", 2, "'-' must start a revision -rN" },
		{ "1-1", 2, "'-' must start a revision -rN" },
		{ "1_foo", 2, "unknown suffix (known: alpha beta pre rc cvs "
			      "svn git hg p)" },
		{ "1_", 2, "unknown suffix (known: alpha beta pre rc cvs svn "
			   "git hg p)" },
		{ "1_P1", 2, "unknown suffix (known: alpha beta pre rc cvs "
			     "svn git hg p)" },
		{ "1_pp", 2, "unknown suffix (known: alpha beta pre rc cvs "
			     "svn git hg p)" },
		{ "1~", 2, "expected a commit hash (lower-case hexadecimal)" },
		{ "1~ABC", 2, "expected a commit hash (lower-case "
			      "hexadecimal)" },
		{ "1A", 1, "" },
		{ "1.2ab", 4, "" },
		{ "1a.2", 2, "" },
		{ "1_p1a", 4, "" },
		{ "1_p1.2", 4, "" },
		{ "1-r1-r2", 4, "" },
		{ "1-r1_p1", 4, "" },
		{ "1-r1a", 4, "" },
		{ "1~ab_p1", 4, "" },
		{ "1~abg", 4, "" },
		{ "1~ab~cd", 4, "" },
		{ "1 ", 1, "" },
		{ "1+2", 1, "" },
	};
	size_t i;

	for (i = 0; i < sizeof r / sizeof r[0]; i++) {
		ym_apk v;
		ym_version_syntax syn = { 0, NULL };

		if (ym_apk_parse(r[i].v, strlen(r[i].v), &v, &syn) == 0 ||
		    (long)syn.pos != r[i].pos ||
		    strcmp(syn.why ? syn.why : "", r[i].why) != 0)
			TEST_FAIL_("'%s': %zu %s", r[i].v, syn.pos,
				   syn.why ? syn.why : "(accepted)");
	}
}

static void t_range(void)
{
	CHECK_INT(in("1.2.3-r1", ">=1.2.3, <1.2.4"), 1);
	CHECK_INT(in("1.2.4_rc1", ">=1.2.3, <1.2.4"), 1);
	CHECK_INT(in("1.2.4", ">=1.2.3, <1.2.4"), 0);
	CHECK_INT(in("1.2.3_rc1", ">= 1.2.3"), 0);
	CHECK_INT(in("1.2.3", "1.2.3"), 1);
	CHECK_INT(in("1.2.3-r0", "=1.2.3"), 0);
	CHECK_INT(in("1.2.3-r0", "<= 1.2.3-r0 , > 1.2"), 1);
	/* fuzzy: the bound's tokens are a prefix */
	CHECK_INT(in("1.2", "~1.2"), 1);
	CHECK_INT(in("1.2.5-r1", "~1.2"), 1);
	CHECK_INT(in("1.2_rc1", "~1.2"), 1);
	CHECK_INT(in("1.2a", "~=1.2"), 1);
	CHECK_INT(in("1.20", "~1.2"), 0);
	CHECK_INT(in("1.3", "~1.2"), 0);
	CHECK_INT(in("1.1", "~1.2"), 0);
	CHECK_INT(in("1", "~1.2"), 0);
	CHECK_INT(in("1.2.5", "<~1.2"), 1);
	CHECK_INT(in("1.1", "<~1.2"), 1);
	CHECK_INT(in("1.3", "<~1.2"), 0);
	CHECK_INT(in("1.2_rc1", ">~1.2"), 1);
	CHECK_INT(in("1.1", ">~1.2"), 0);
	CHECK_INT(in("2", ">~1.2"), 1);
}

static void t_range_reject(void)
{
	static const struct {
		const char *r;
		long pos;
		const char *why;
	} r[] = {
		{ "", 0, "expected a version" },
		{ ">=", 2, "expected a version" },
		{ "=>1.0", 0, "unknown operator" },
		{ "<>1", 0, "unknown operator" },
		{ "><1", 0, "unknown operator" },
		{ "==1", 0, "unknown operator" },
		{ ">=1.0,,<2", 6, "expected a version" },
		{ ">=1.0 <2", 6, "" },
		{ ">=1.x", 4, "expected a number" },
		{ "<1, >=v2", 6, "a version starts with a number" },
	};
	size_t i;

	for (i = 0; i < sizeof r / sizeof r[0]; i++) {
		ym_version_syntax syn = { 0, NULL };
		bool out;

		if (ym_apk_range_contains(r[i].r, strlen(r[i].r), NULL, &out,
					  &syn) == 0 ||
		    (long)syn.pos != r[i].pos ||
		    strcmp(syn.why ? syn.why : "", r[i].why) != 0)
			TEST_FAIL_("'%s': %zu %s", r[i].r, syn.pos,
				   syn.why ? syn.why : "(accepted)");
	}
}

/* --- total order on random and edge versions --- */

#define NV 2500

static const char *pick(unsigned long long *seed, const char *const *a,
			size_t n)
{
	return a[order_lcg(seed) % n];
}

/* At most 82 bytes: three numbers, a letter, two suffixes, ~ and -r. */
static void make_apk(char *t, size_t cap, unsigned long long *seed)
{
	static const char *const num[] = {
		"0", "1", "01", "00", "9", "10", "99999999999999999999"
	};
	static const char *const suf[] = {
		"_alpha", "_beta1", "_pre", "_rc2", "_cvs", "_svn", "_git0",
		"_hg", "_p", "_p1"
	};
	size_t len = 0, k;
	const char *parts[12];
	size_t np = 0;

	parts[np++] = pick(seed, num, 7);
	for (k = order_lcg(seed) % 3; k > 0; k--) {
		parts[np++] = ".";
		parts[np++] = pick(seed, num, 7);
	}
	if (order_lcg(seed) % 3 == 0)
		parts[np++] = order_lcg(seed) % 2 ? "a" : "b1";
	for (k = order_lcg(seed) % 3; k > 0; k--)
		parts[np++] = pick(seed, suf, 10);
	if (order_lcg(seed) % 5 == 0)
		parts[np++] = order_lcg(seed) % 2 ? "~0a" : "~f";
	if (order_lcg(seed) % 2 == 0)
		parts[np++] = order_lcg(seed) % 2 ? "-r0" : "-r1";
	for (k = 0; k < np; k++) {
		size_t pl = strlen(parts[k]);

		memcpy(t + len, parts[k], pl);
		len += pl;
	}
	t[len] = '\0';
}

static void t_total_order(void)
{
	const order_gen gen = { .make = make_apk, .seed = 99 };
	const char *why = check_total_order(YM_SCHEME_APK, &gen, NV);

	if (why)
		TEST_FAIL_("%s", why);
}

int main(void)
{
	RUN(t_order);
	RUN(t_compare);
	RUN(t_reject);
	RUN(t_range);
	RUN(t_range_reject);
	RUN(t_total_order);
	return test_done();
}
