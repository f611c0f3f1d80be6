/* test_version_rpm.c - RPM versions: rpmvercmp, EVR ordering, ranges. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "version/rpm.h"
#include "version/version.h"
#include "version_order.h"

/* -1, 0, 1, or 99 if either side is rejected. */
static int cmp(const char *a, const char *b)
{
	ym_rpm va, vb;

	if (ym_rpm_parse(a, strlen(a), &va, NULL) ||
	    ym_rpm_parse(b, strlen(b), &vb, NULL))
		return 99;
	return ym_rpm_cmp(&va, &vb);
}

/* rpmvercmp() on raw strings. */
static int vc(const char *a, const char *b)
{
	return ym_rpm_vercmp(a, strlen(a), b, strlen(b));
}

/* 1 inside, 0 outside, -1 error. */
static int in(const char *v, const char *r)
{
	ym_rpm rv;
	bool out = false;

	if (ym_rpm_parse(v, strlen(v), &rv, NULL) ||
	    ym_rpm_range_contains(r, strlen(r), &rv, &out, NULL))
		return -1;
	return out;
}

static void t_vercmp(void)
{
	/* from rpm's documented rules */
	CHECK_INT(vc("1.0", "1.0"), 0);
	CHECK_INT(vc("1.0", "2.0"), -1);
	CHECK_INT(vc("2.0.1", "2.0"), 1);
	CHECK_INT(vc("2.0.1a", "2.0.1"), 1);
	CHECK_INT(vc("5.5p1", "5.5p10"), -1);
	CHECK_INT(vc("10xyz", "10.1xyz"), -1);
	CHECK_INT(vc("xyz10", "xyz10.1"), -1);
	CHECK_INT(vc("xyz.4", "8"), -1); /* letters below numbers */
	CHECK_INT(vc("6.0.rc1", "6.0"), 1);
	CHECK_INT(vc("10b2", "10a1"), 1);
	CHECK_INT(vc("1.0aa", "1.0a"), 1);
	CHECK_INT(vc("10.0001", "10.1"), 0);
	CHECK_INT(vc("4.999.9", "5.0"), -1);
	CHECK_INT(vc("2_0", "2.0"), 0);
	CHECK_INT(vc("+", "_"), 0);
	CHECK_INT(vc("a+", "a_"), 0);
	CHECK_INT(vc("1.", "1"), 0);
	CHECK_INT(vc("1..0", "1.0"), 0);
	CHECK_INT(vc("1.A", "1.a"), -1); /* ASCII order */
	CHECK_INT(vc("1.1.\xce\xb1", "1.1.\xce\xb2"), 0);
	CHECK_INT(vc("1.1.\xce\xb1", "1.1.a"), -1);
	/* tilde */
	CHECK_INT(vc("1.0~rc1", "1.0"), -1);
	CHECK_INT(vc("1.0~rc1", "1.0~rc2"), -1);
	CHECK_INT(vc("1.0~rc1~git123", "1.0~rc1"), -1);
	CHECK_INT(vc("1.0~", "1.0"), -1);
	CHECK_INT(vc("~", ""), -1);
	/* caret */
	CHECK_INT(vc("1.0^", "1.0"), 1);
	CHECK_INT(vc("1.0^git1", "1.0"), 1);
	CHECK_INT(vc("1.0^git1", "1.01"), -1);
	CHECK_INT(vc("1.0^20160101", "1.0.1"), -1);
	CHECK_INT(vc("1.0^20160102", "1.0^20160101^git1"), 1);
	CHECK_INT(vc("1.0~rc1^git1", "1.0~rc1"), 1);
	CHECK_INT(vc("1.0^git1~pre", "1.0^git1"), -1);
	CHECK_INT(vc("1^a", "1a"), -1);
	CHECK_INT(vc("1^", "1~"), 1);
	/* numbers of any length */
	CHECK_INT(vc("18446744073709551616", "18446744073709551615"), 1);
	CHECK_INT(vc("000000000000000000000000000001", "1"), 0);
}

static void t_evr(void)
{
	/* ascending */
	static const char *const v[] = {
		"0.9", "1.0~rc1", "1.0~rc1-1", "1.0", "1.0-~1", "1.0-",
		"1.0-0", "1.0-1.el7", "1.0-1.el7_9", "1.0-1.el8", "1.0-2",
		"1.0-10", "1.0^git1", "1.0a", "1.0.1", "1.1", "0:1.2",
		"1:0.1", "1:0.1-1", "2:0", "99999999999999999999:0"
	};
	size_t n = sizeof v / sizeof v[0], i, j;

	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++) {
			int want = i < j ? -1 : i > j;

			if (cmp(v[i], v[j]) != want)
				TEST_FAIL_("%s vs %s: %d", v[i], v[j],
					   cmp(v[i], v[j]));
		}
	CHECK_INT(cmp("0:1.0", "1.0"), 0);
	CHECK_INT(cmp(":1.0", "1.0"), 0); /* empty epoch is 0 */
	CHECK_INT(cmp("00:1.0-1", "1.0-1"), 0);
	CHECK_INT(cmp("1-1.", "1-1"), 0);
	CHECK_INT(cmp("1-2-3", "1-2-4"), -1); /* last '-' splits */
	CHECK_INT(cmp("1-2-3", "1-3"), 1); /* version "1-2" > "1" */
	CHECK_INT(cmp("1.m+e2:1", "4.m+e1:1"), -1); /* not an epoch */
	CHECK_INT(cmp("a:1", "a.1"), 0);
	CHECK_INT(cmp("+2-n:1", "+1-n:1"), 1);
	CHECK_INT(cmp("0:3.10.0-229.el7", "0:3.10.0-229.1.2.ael7b"), -1);
}

static void t_parse_fields(void)
{
	ym_rpm r;
	const char *s = "12:1.2-3-4.el9";

	CHECK(ym_rpm_parse(s, strlen(s), &r, NULL) == 0);
	CHECK_INT(r.epoch_len, 2);
	CHECK(memcmp(r.epoch, "12", 2) == 0);
	CHECK_INT(r.version_len, 5);
	CHECK(memcmp(r.version, "1.2-3", 5) == 0);
	CHECK_INT(r.release_len, 5);
	CHECK(memcmp(r.release, "4.el9", 5) == 0);
	s = "1.0";
	CHECK(ym_rpm_parse(s, strlen(s), &r, NULL) == 0);
	CHECK(r.epoch == NULL);
	CHECK(r.release == NULL);
	s = "1.0-";
	CHECK(ym_rpm_parse(s, strlen(s), &r, NULL) == 0);
	CHECK(r.release != NULL);
	CHECK_INT(r.release_len, 0);
}

static void t_reject(void)
{
	static const struct {
		const char *v;
		long pos;
		const char *why;
	} r[] = {
		{ "", 0, "empty version" },
		{ "1:", 2, "empty version" },
		{ "-1", 0, "empty version" },
		{ "1:-1", 2, "empty version" },
		{ ":", 1, "empty version" },
		{ "1.0 ", 3, "" },
		{ " 1.0", 0, "" },
		{ "1.0\t-1", 3, "" },
		{ "1.0\x7f", 3, "" },
		{ "1.0\n", 3, "" },
	};
	size_t i;

	for (i = 0; i < sizeof r / sizeof r[0]; i++) {
		ym_rpm v;
		ym_version_syntax syn = { 0, NULL };

		if (ym_rpm_parse(r[i].v, strlen(r[i].v), &v, &syn) == 0 ||
		    (long)syn.pos != r[i].pos ||
		    strcmp(syn.why ? syn.why : "", r[i].why) != 0)
			TEST_FAIL_("'%s': %zu %s", r[i].v, syn.pos,
				   syn.why ? syn.why : "");
	}
}

static void t_range(void)
{
	CHECK_INT(in("1.5-1", ">= 1.0, < 2.0"), 1);
	CHECK_INT(in("2.0~rc1-1", ">= 1.0, < 2.0"), 1);
	CHECK_INT(in("2.0-1", ">= 1.0, < 2.0"), 0);
	CHECK_INT(in("1:0.5", "> 2.0"), 1);
	CHECK_INT(in("0.5", "> 0:0.4"), 1);
	CHECK_INT(in("1.0-1", "1.0-1"), 1);
	CHECK_INT(in("1.0-1", "== 1.0-1"), 1);
	CHECK_INT(in("1.0-1", "=< 1.0-1, => 1.0-1"), 1);
	CHECK_INT(in("1.0-2", "<= 1.0-1"), 0);
	/* a bound without a release ignores the version's release */
	CHECK_INT(in("1.0-5", "= 1.0"), 1);
	CHECK_INT(in("1.0-5", "<= 1.0"), 1);
	CHECK_INT(in("1.0-5", ">= 1.0"), 1);
	CHECK_INT(in("1.0-5", "< 1.0"), 0);
	CHECK_INT(in("1.0-5", "> 1.0"), 0);
	CHECK_INT(in("1.0-5", "= 1.0-"), 1); /* empty release: none */
	CHECK_INT(in("1.1-5", "> 1.0"), 1);
	/* a version without a release matches any release on E:V */
	CHECK_INT(in("1.0", "< 1.0-1"), 1);
	CHECK_INT(in("1.0", "> 1.0-1"), 1);
	CHECK_INT(in("1.0", "= 1.0-1"), 1);
	CHECK_INT(in("1.0", "< 1.0"), 0);
	CHECK_INT(in("1.0", "<= 1.0"), 1);
	CHECK_INT(in("1.1", "< 1.0-1"), 0);
	/* epochs: missing is 0 */
	CHECK_INT(in("1:1.0-1", "< 2.0"), 0);
	CHECK_INT(in("1.0-1", "< 1:0"), 1);
}

static void t_range_reject(void)
{
	static const struct {
		const char *r;
		long pos;
		const char *why;
	} r[] = {
		{ "", 0, "expected a version" },
		{ ">= 1.0,", 7, "expected a version" },
		{ "<", 1, "expected a version" },
		{ "<> 1.0", 1, "" },
		{ "=== 1", 2, "" },
		{ ">= 1.0 < 2.0", 7, "" },
		{ "> 1:", 4, "empty version" },
		{ "> 1.0, < -1", 9, "empty version" },
	};
	size_t i;

	for (i = 0; i < sizeof r / sizeof r[0]; i++) {
		ym_version_syntax syn = { 0, NULL };
		bool out;

		if (ym_rpm_range_contains(r[i].r, strlen(r[i].r), NULL, &out,
					  &syn) == 0 ||
		    (long)syn.pos != r[i].pos ||
		    strcmp(syn.why ? syn.why : "", r[i].why) != 0)
			TEST_FAIL_("'%s': %zu %s", r[i].r, syn.pos,
				   syn.why ? syn.why : "");
	}
}

/* --- total order on random and edge versions --- */

#define NV 2500

static void t_total_order(void)
{
	static const char *const atoms[] = {
		"0", "1", "01", "9", "10", "00", "99999999999999999999",
		".", "_", "+", "~", "~~", "^", "-", "-", ":", "a", "b", "Z",
		"rc", "~rc", "^git", ".0", "\xce\xb1"
	};
	static const char *const epochs[] = { "0:", "1:" };
	const order_gen gen = {
		.atoms = atoms, .n_atoms = sizeof atoms / sizeof atoms[0],
		.prefixes = epochs, .n_prefixes = 2, .max_parts = 6,
		.seed = 7, .text_cap = 48
	};
	const char *why = check_total_order(YM_SCHEME_RPM, &gen, NV);

	if (why)
		TEST_FAIL_("%s", why);
}

int main(void)
{
	RUN(t_vercmp);
	RUN(t_evr);
	RUN(t_parse_fields);
	RUN(t_reject);
	RUN(t_range);
	RUN(t_range_reject);
	RUN(t_total_order);
	return test_done();
}
