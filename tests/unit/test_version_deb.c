/* test_version_deb.c - Debian versions: parsing, dpkg ordering, relations. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "version/deb.h"
#include "version/version.h"
#include "version_order.h"

/* -1, 0, 1, or 99 if either side is rejected. */
static int cmp(const char *a, const char *b)
{
	ym_deb va, vb;

	if (ym_deb_parse(a, strlen(a), &va, NULL) ||
	    ym_deb_parse(b, strlen(b), &vb, NULL))
		return 99;
	return ym_deb_cmp(&va, &vb);
}

/* 1 inside, 0 outside, -1 error. */
static int in(const char *v, const char *r)
{
	ym_deb dv;
	bool out = false;

	if (ym_deb_parse(v, strlen(v), &dv, NULL) ||
	    ym_deb_range_contains(r, strlen(r), &dv, &out, NULL))
		return -1;
	return out;
}

/* Position of the error, -1 if accepted; *why gets the reason. */
static long bad_at(const char *v, const char **why)
{
	ym_deb d;
	ym_version_syntax syn = { 0, NULL };

	if (ym_deb_parse(v, strlen(v), &d, &syn) == 0)
		return -1;
	*why = syn.why ? syn.why : "";
	return (long)syn.pos;
}

static long range_bad_at(const char *r, const char **why)
{
	ym_version_syntax syn = { 0, NULL };
	bool out;

	if (ym_deb_range_contains(r, strlen(r), NULL, &out, &syn) == 0)
		return -1;
	*why = syn.why ? syn.why : "";
	return (long)syn.pos;
}

static void t_order(void)
{
	/* strictly ascending */
	static const char *const v[] = {
		"0~~", "0~", "0", "0a", "0+", "0.1~rc1", "0.1", "1.0~~",
		"1.0~~a", "1.0~a", "1.0~b", "1.0", "1.0-0.1", "1.0-1~bpo1",
		"1.0-1", "1.0-1+b1", "1.0-1.1", "1.0-2", "1.0-10", "1.0a",
		"1.0z", "1.0+", "1.0.1", "1.1", "1.9", "1.10", "1.10A1",
		"1.10a", "1.100", "2", "2A", "2Z", "2a", "10",
		"99999999999999999999999999", "1:0", "1:0.1", "2:0~rc1",
		"2:0", "2147483647:0"
	};
	size_t n = sizeof v / sizeof v[0], i, j;

	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++) {
			int want = i < j ? -1 : i > j;

			if (cmp(v[i], v[j]) != want)
				TEST_FAIL_("%s vs %s: %d", v[i], v[j],
					   cmp(v[i], v[j]));
		}
}

static void t_compare(void)
{
	/* tilde below everything, even the end */
	CHECK_INT(cmp("1.0~rc1", "1.0"), -1);
	CHECK_INT(cmp("1.0~rc1~git1", "1.0~rc1"), -1);
	CHECK_INT(cmp("1.0~", "1.0"), -1);
	CHECK_INT(cmp("1.0~~", "1.0~"), -1);
	/* letters below non-letters, end below letters */
	CHECK_INT(cmp("1.0a", "1.0+"), -1);
	CHECK_INT(cmp("1.0a", "1.0."), -1);
	CHECK_INT(cmp("1.0", "1.0a"), -1);
	CHECK_INT(cmp("1.0+", "1.0."), -1); /* '+' 0x2b < '.' 0x2e */
	CHECK_INT(cmp("1.0:", "1.0+"), 99); /* colon needs an epoch */
	CHECK_INT(cmp("1:1.0:", "1:1.0+"), 1);
	CHECK_INT(cmp("1.0Z", "1.0a"), -1);
	/* digit runs by value, leading zeros, empty run = 0 */
	CHECK_INT(cmp("1.09", "1.9"), 0);
	CHECK_INT(cmp("1.0", "1."), 0);
	CHECK_INT(cmp("1.0", "1.00"), 0);
	CHECK_INT(cmp("1.10", "1.9"), 1);
	CHECK_INT(cmp("18446744073709551616", "18446744073709551615"), 1);
	CHECK_INT(cmp("1.000000000000000000000000000001",
		      "1.1"), 0);
	/* epochs */
	CHECK_INT(cmp("1:0.1", "9.9"), 1);
	CHECK_INT(cmp("0:1.0", "1.0"), 0);
	CHECK_INT(cmp("00:1.0", "1.0"), 0);
	CHECK_INT(cmp("+1:1.0", "1:1.0"), 0);
	CHECK_INT(cmp("-0:1.0", "1.0"), 0);
	CHECK_INT(cmp("10:1", "9:2"), 1);
	/* revisions: absent = "0"; last hyphen splits */
	CHECK_INT(cmp("1.0", "1.0-0"), 0);
	CHECK_INT(cmp("1.0", "1.0-00"), 0);
	CHECK_INT(cmp("1.0-0", "1.0-a"), -1);
	CHECK_INT(cmp("1.0-1", "1.0-1~1"), 1);
	CHECK_INT(cmp("1-2-3", "1-2-4"), -1);
	CHECK_INT(cmp("1-2-3", "1-3"), 1); /* upstream "1-2" > "1" */
	CHECK_INT(cmp("2.7.4+reloaded2-13ubuntu1",
		      "2.7.4+reloaded2-13+deb9u1"), -1);
	CHECK_INT(cmp("1.2.3-1~deb7u1", "1.2.3-1"), -1);
	CHECK_INT(cmp("2:0.0.44-1", "2:0.0.44-nobin"), -1);
	/* blanks around the version */
	CHECK_INT(cmp(" 1.0\t", "1.0"), 0);
	/* bytes >= 0x80 between letters and punctuation */
	CHECK_INT(cmp("1\xc3\xa9", "1z"), 1);
	CHECK_INT(cmp("1\xc3\xa9", "1+"), -1);
}

static void t_parse_fields(void)
{
	ym_deb d;
	const char *s = "  3:1.2-beta-4+b1 ";

	CHECK(ym_deb_parse(s, strlen(s), &d, NULL) == 0);
	CHECK_INT(d.epoch, 3);
	CHECK_INT(d.upstream_len, 8);
	CHECK(memcmp(d.upstream, "1.2-beta", 8) == 0);
	CHECK_INT(d.revision_len, 4);
	CHECK(memcmp(d.revision, "4+b1", 4) == 0);
	CHECK(d.warn == NULL);
	s = "2147483647:1";
	CHECK(ym_deb_parse(s, strlen(s), &d, NULL) == 0);
	CHECK_INT(d.epoch, 2147483647);
	s = "1.0";
	CHECK(ym_deb_parse(s, strlen(s), &d, NULL) == 0);
	CHECK_INT(d.revision_len, 0);
	CHECK_INT(d.epoch, 0);
}

/* Accepted with a warning, as dpkg --compare-versions does. */
static void t_warnings(void)
{
	static const struct {
		const char *v;
		const char *warn;
		size_t pos;
	} w[] = {
		{ "a1.0", "version number does not start with digit", 0 },
		{ "1:~1", "version number does not start with digit", 2 },
		{ "1.0_1", "invalid character in version number", 3 },
		{ "1.0/x-1", "invalid character in version number", 3 },
		{ "1.0-1_2", "invalid character in revision number", 5 },
		{ "1:1.0-1:2", "invalid character in revision number", 7 },
		{ "1.0\xc3\xa9", "invalid character in version number", 3 },
	};
	size_t i;

	for (i = 0; i < sizeof w / sizeof w[0]; i++) {
		ym_deb d;

		CHECK(ym_deb_parse(w[i].v, strlen(w[i].v), &d, NULL) == 0);
		CHECK(d.warn != NULL);
		CHECK_STR(d.warn, w[i].warn);
		CHECK_INT(d.warn_pos, w[i].pos);
	}
	CHECK_INT(cmp("a", "1"), 1);
	CHECK_INT(cmp("~", "0"), -1);
}

static void t_reject(void)
{
	static const struct {
		const char *v;
		long pos;
		const char *why;
	} r[] = {
		{ "", 0, "version string is empty" },
		{ " \t ", 3, "version string is empty" },
		{ "1.0 2", 3, "version string has embedded spaces" },
		{ ":1", 0, "epoch in version is empty" },
		{ "a:1", 0, "epoch in version is empty" },
		{ "+:1", 1, "epoch in version is empty" },
		{ "1a:1", 1, "epoch in version is not number" },
		{ " 1 :1", 2, "version string has embedded spaces" },
		{ "-1:1", 0, "epoch in version is negative" },
		{ "2147483648:1", 0, "epoch in version is too big" },
		{ "99999999999999999999999:1", 0,
		  "epoch in version is too big" },
		{ "1:", 2, "nothing after colon in version number" },
		{ "1: ", 2, "version number is empty" },
		{ "1.0-", 4, "revision number is empty" },
		{ "1:1.0- ", 6, "revision number is empty" },
		{ "-1", 0, "version number is empty" },
		{ "1:-1", 2, "version number is empty" },
		{ "-", 1, "revision number is empty" },
	};
	size_t i;

	for (i = 0; i < sizeof r / sizeof r[0]; i++) {
		const char *why = NULL;
		long pos = bad_at(r[i].v, &why);

		if (pos != r[i].pos || !why || strcmp(why, r[i].why) != 0)
			TEST_FAIL_("'%s': %ld %s", r[i].v, pos,
				   why ? why : "(accepted)");
	}
	/* a NUL byte inside the given length */
	{
		ym_deb d;
		ym_version_syntax syn = { 0, "x" };

		CHECK(ym_deb_parse("1\0002", 3, &d, &syn) == -1);
		CHECK_INT(syn.pos, 1);
		CHECK(syn.why == NULL);
	}
}

static void t_range(void)
{
	CHECK_INT(in("1.5", ">= 1.0, << 2.0"), 1);
	CHECK_INT(in("2.0", ">= 1.0, << 2.0"), 0);
	CHECK_INT(in("2.0~rc1", ">= 1.0, << 2.0"), 1);
	CHECK_INT(in("1.0", ">= 1.0, << 2.0"), 1);
	CHECK_INT(in("1.0~b1", ">= 1.0"), 0);
	CHECK_INT(in("1.0-1", "<= 1.0-1"), 1);
	CHECK_INT(in("1.0-1", "<< 1.0-1"), 0);
	CHECK_INT(in("1.0-1", ">> 1.0"), 1);
	CHECK_INT(in("1.0", "= 1.0-0"), 1);
	CHECK_INT(in("1.0", "1.0"), 1);
	CHECK_INT(in("1:1.0", "=1.0"), 0);
	CHECK_INT(in("1:1.0", ">>9.9"), 1);
	CHECK_INT(in("1.2", "(>= 1.0), (<< 2:0)"), 1);
	CHECK_INT(in("1.2", "( >= 1.0 ),(<<1.1)"), 0);
	CHECK_INT(in("1.2", " >=1.0 , <<1.3 , >>1.1 "), 1);
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
		{ ">= 1.0, , << 2", 8, "expected a version" },
		{ "< 1.0", 0, "obsolete '<': write '<<' or '<='" },
		{ ">= 1.0, > 2", 8, "obsolete '>': write '>>' or '>='" },
		{ ">=", 2, "expected a version" },
		{ "== 1.0", 1, "" },
		{ ">= 1.0 << 2.0", 7, "" },
		{ "(>= 1.0", 7, "missing ')'" },
		{ ">= 1.0)", 6, "" },
		{ ">= 1:", 5, "nothing after colon in version number" },
		{ ">= 1.0-", 7, "revision number is empty" },
		{ "<= -1:2", 3, "epoch in version is negative" },
	};
	size_t i;

	for (i = 0; i < sizeof r / sizeof r[0]; i++) {
		const char *why = NULL;
		long pos = range_bad_at(r[i].r, &why);

		if (pos != r[i].pos || !why || strcmp(why, r[i].why) != 0)
			TEST_FAIL_("'%s': %ld %s", r[i].r, pos,
				   why ? why : "(accepted)");
	}
	/* syntax only */
	{
		ym_version_syntax syn;
		bool out = true;

		CHECK(ym_deb_range_contains(">> 1", 4, NULL, &out, &syn) == 0);
		CHECK(out); /* untouched */
	}
}

/* --- total order on random and edge versions --- */

#define NV 2500

static void t_total_order(void)
{
	static const char *const atoms[] = {
		"0", "1", "01", "9", "10", "00", "99999999999999999999",
		".", "+", "~", "~~", "-", ":", "a", "b", "Z", "rc", "~rc",
		"+b", ".0", "\xc3\xa9", "_"
	};
	static const char *const epochs[] = { "0:", "1:" };
	const order_gen gen = {
		.atoms = atoms, .n_atoms = sizeof atoms / sizeof atoms[0],
		.prefixes = epochs, .n_prefixes = 2, .max_parts = 6,
		.seed = 42, .text_cap = 48
	};
	const char *why = check_total_order(YM_SCHEME_DEB, &gen, NV);

	if (why)
		TEST_FAIL_("%s", why);
}

int main(void)
{
	RUN(t_order);
	RUN(t_compare);
	RUN(t_parse_fields);
	RUN(t_warnings);
	RUN(t_reject);
	RUN(t_range);
	RUN(t_range_reject);
	RUN(t_total_order);
	return test_done();
}
