/* Unit tests for risk/cvss: strict parsing and its messages, spec
 * examples, 3.0 vs 3.1 rounding, v4.0 nomenclature, formatting. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "risk/cvss.h"
#include "risk/cvss_int.h"
#include "test.h"

#define V40B "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"

/* score of the vector as written, in tenths; -1 if it does not parse */
static int score10(const char *v)
{
	ym_cvss c;
	ym_cvss_scores s;
	if (ym_cvss_parse(v, &c, NULL))
		return -1;
	ym_cvss_score(&c, &s);
	return (int)lround(s.overall * 10);
}

/* Every class of invalid vector, with its exact message. */
static void t_errors(void)
{
	static const struct {
		const char *vec, *msg;
		long col;
	} cases[] = {
		{"", "empty CVSS vector", 0},
		{"CVSS:3.1/AV:N /AC:L", "whitespace at position 14", 14},
		{" AV:N/AC:L/Au:N/C:P/I:P/A:P", "whitespace at position 1", 1},
		{"CVSS:3.2/AV:N",
		 "unsupported CVSS version '3.2' at position 6 (expected 3.0, "
		 "3.1 or 4.0; v2 vectors have no prefix)", 6},
		{"CVSS:2.0/AV:N/AC:L/Au:N/C:P/I:P/A:P",
		 "unsupported CVSS version '2.0' at position 6 (expected 3.0, "
		 "3.1 or 4.0; v2 vectors have no prefix)", 6},
		{"cvss:3.1/AV:N",
		 "bad prefix 'cvss:3.1' at position 1 (expected CVSS:3.0/, "
		 "CVSS:3.1/ or CVSS:4.0/)", 1},
		{"CVSS:3.1", "no metrics after the prefix at position 9", 9},
		{"CVSS:3.1/", "no metrics after the prefix at position 10", 10},
		{"AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
		 "metric 'PR' at position 11 is not a CVSS v2 metric: missing "
		 "'CVSS:3.x/' or 'CVSS:4.0/' prefix", 11},
		{"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/XX:Y",
		 "unknown metric 'XX' at position 46", 46},
		{"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:Q",
		 "invalid value 'Q' for metric 'A' at position 44 (expected H, "
		 "L, N)", 44},
		{"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:",
		 "invalid value '' for metric 'A' at position 44 (expected H, "
		 "L, N)", 44},
		{"CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
		 "invalid value 'X' for metric 'AV' at position 13 "
		 "(expected N, A, L, P)", 13},
		{"CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AV:L",
		 "duplicate metric 'AV' at position 46 (first at position 10)",
		 46},
		{"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H",
		 "missing base metric 'A'", 0},
		{"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/",
		 "trailing '/' at position 45", 45},
		{"CVSS:3.1/AV:N//AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
		 "empty component at position 15", 15},
		{"CVSS:3.1/AV:N/AC/PR:N/UI:N/S:U/C:H/I:H/A:H",
		 "component 'AC' at position 15 is not METRIC:VALUE", 15},
		{"CVSS:4.0/AV:N/AT:N/AC:L/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/"
		 "SA:N",
		 "metric 'AC' at position 20 is out of order: it must come "
		 "before 'AT'", 20},
		{V40B "/CR:H/E:A",
		 "metric 'E' at position 70 is out of order: it must come "
		 "before 'CR'", 70},
		{"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:S/"
		 "SA:N",
		 "invalid value 'S' for metric 'SI' at position 58 (expected "
		 "H, L, N)", 58},
		{V40B "/U:clear",
		 "invalid value 'clear' for metric 'U' at position 67 "
		 "(expected X, Clear, Green, Amber, Red)", 67},
		{"AV:N/AC:L/Au:N/C:P/I:P/A:P/RL:OF/E:F",
		 "metric 'E' at position 34 is out of order: it must come "
		 "before 'RL'", 34},
		{"AV:N/AC:L/Au:N/C:P/I:P/A:P/E:X",
		 "invalid value 'X' for metric 'E' at position 30 (expected U, "
		 "POC, F, H, ND)", 30},
		{"(AV:N/AC:L/Au:N/C:P/I:P/A:P",
		 "'(' at position 1 without a closing ')'", 1},
		{"(AV:N/AC:L/Au:N/C:P/I:P)", "missing base metric 'A'", 0},
		{"av:N/AC:L/Au:N/C:P/I:P/A:P",
		 "unknown metric 'av' at position 1", 1},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		ym_cvss c;
		ym_err err = YM_ERR_INIT;
		int rc = ym_cvss_parse(cases[i].vec, &c, &err);
		if (rc != YM_E_PARSE || strcmp(err.msg, cases[i].msg) != 0 ||
		    err.column != cases[i].col)
			fprintf(stderr, "case %zu: %s\n", i, cases[i].vec);
		CHECK_INT(rc, YM_E_PARSE);
		CHECK_STR(err.msg, cases[i].msg);
		CHECK_INT(err.column, cases[i].col);
		CHECK_INT(c.version, 0);
	}
}

/* v3.x allows any order (spec section 6; FIRST's JSON schema pattern). */
static void t_v3_any_order(void)
{
	CHECK_INT(score10("CVSS:3.1/S:U/AV:N/AC:L/PR:N/UI:N/C:H/I:H/A:H"), 98);
	CHECK_INT(score10("CVSS:3.0/S:U/AV:N/AC:L/PR:H/UI:N/C:L/I:L/A:N/"
			  "E:F/RL:X"),
		  37);
}

/* Examples from the specification documents and NVD. */
static void t_examples(void)
{
	CHECK_INT(score10("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"), 98);
	CHECK_INT(score10("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N"), 61);
	CHECK_INT(score10("CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:C/C:H/I:H/A:H"), 90);
	CHECK_INT(score10("AV:N/AC:L/Au:N/C:N/I:N/A:C"), 78); /* v2 guide */
	CHECK_INT(score10("(AV:N/AC:L/Au:N/C:P/I:P/A:P)"), 75);
	CHECK_INT(score10("AV:N/AC:L/Au:N/C:N/I:N/A:C/E:F/RL:OF/RC:C"), 64);
	CHECK_INT(score10(V40B), 93);
	CHECK_INT(score10("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/"
			  "SC:N/SI:N/SA:N"),
		  0);
	CHECK_INT(score10("CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:H/VI:H/VA:H/"
			  "SC:H/SI:H/SA:H/E:P"),
		  59);
	CHECK_INT(score10("CVSS:4.0/AV:N/AC:L/AT:N/PR:H/UI:N/VC:N/VI:N/VA:N/"
			  "SC:L/SI:N/SA:N"),
		  51);
}

/* 3.0 rounds up with a plain ceiling, 3.1 with Appendix A's integer
 * Roundup; 3.1 also changed the Modified Impact of a changed scope. */
static void t_rounding(void)
{
	/* 10.0 x 0.92 is 9.200000000000001 in binary */
	CHECK_INT(score10("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H/"
			  "E:H/RL:U/RC:U"),
		  93);
	CHECK_INT(score10("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H/"
			  "E:H/RL:U/RC:U"),
		  92);
	/* environmental with every metric X differs from base in 3.1 */
	ym_cvss c;
	ym_cvss_scores s;
	CHECK_INT(ym_cvss_parse("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H",
				&c, NULL),
		  0);
	ym_cvss_score(&c, &s);
	CHECK_INT(lround(s.base * 10), 99);
	CHECK_INT(lround(s.environmental * 10), 100);
	CHECK_INT(lround(s.overall * 10), 99);
	CHECK_INT(ym_cvss_parse("CVSS:3.0/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H",
				&c, NULL),
		  0);
	ym_cvss_score(&c, &s);
	CHECK_INT(lround(s.environmental * 10), 99);
	/* v2: a decimal tie rounds up (9.0 x 0.95 = 8.55) */
	CHECK_INT(score10("AV:N/AC:L/Au:N/C:P/I:C/A:P/E:F"), 86);
	/* v2 environmental rounds AdjustedBase and AdjustedTemporal */
	CHECK_INT(score10("AV:N/AC:L/Au:S/C:P/I:P/A:P/CDP:H/IR:H"), 86);
}

static void t_nomenclature(void)
{
	static const struct {
		const char *vec;
		ym_cvss_nomenclature nom;
		int score;
	} cases[] = {
		{V40B, YM_CVSS_NOM_B, 93},
		{V40B "/E:X/CR:X/S:P", YM_CVSS_NOM_B, 93}, /* X is absent */
		{V40B "/E:U", YM_CVSS_NOM_BT, 81},
		{V40B "/CR:L/IR:L/AR:L", YM_CVSS_NOM_BE, 89},
		{V40B "/E:U/CR:L/S:P/AU:Y", YM_CVSS_NOM_BTE, 80},
		{"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U",
		 YM_CVSS_NOM_BT, 90},
		{"AV:N/AC:L/Au:N/C:P/I:P/A:P/E:ND/RL:ND/RC:ND", YM_CVSS_NOM_B,
		 75},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		ym_cvss c;
		ym_cvss_scores s;
		CHECK_INT(ym_cvss_parse(cases[i].vec, &c, NULL), 0);
		ym_cvss_score(&c, &s);
		CHECK_INT(s.nomenclature, cases[i].nom);
		CHECK_INT(lround(s.overall * 10), cases[i].score);
	}
	CHECK_STR(ym_cvss_nomenclature_name(YM_CVSS_NOM_BTE), "CVSS-BTE");
}

static void t_severity(void)
{
	CHECK_INT(ym_cvss_severity_of(YM_CVSS_V31, 0.0), YM_CVSS_SEV_NONE);
	CHECK_INT(ym_cvss_severity_of(YM_CVSS_V31, 0.1), YM_CVSS_SEV_LOW);
	CHECK_INT(ym_cvss_severity_of(YM_CVSS_V40, 3.9), YM_CVSS_SEV_LOW);
	CHECK_INT(ym_cvss_severity_of(YM_CVSS_V40, 4.0), YM_CVSS_SEV_MEDIUM);
	CHECK_INT(ym_cvss_severity_of(YM_CVSS_V30, 7.0), YM_CVSS_SEV_HIGH);
	CHECK_INT(ym_cvss_severity_of(YM_CVSS_V30, 9.0),
		  YM_CVSS_SEV_CRITICAL);
	CHECK_INT(ym_cvss_severity_of(YM_CVSS_V2, 0.0), YM_CVSS_SEV_LOW);
	CHECK_INT(ym_cvss_severity_of(YM_CVSS_V2, 6.9), YM_CVSS_SEV_MEDIUM);
	CHECK_INT(ym_cvss_severity_of(YM_CVSS_V2, 10.0), YM_CVSS_SEV_HIGH);
	CHECK_STR(ym_cvss_severity_name(YM_CVSS_SEV_CRITICAL), "Critical");
}

static void t_format(void)
{
	ym_cvss c;
	char buf[YM_CVSS_FORMAT_MAX];
	CHECK_INT(ym_cvss_parse("CVSS:3.1/S:U/AV:N/AC:L/PR:N/UI:N/C:H/I:H/A:H/"
				"E:X/MAV:L",
				&c, NULL),
		  0);
	ym_cvss_format(&c, YM_CVSS_G_ALL, buf, sizeof buf);
	CHECK_STR(buf, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/MAV:L");
	CHECK_STR(ym_cvss_get(&c, "MAV"), "L");
	CHECK(ym_cvss_get(&c, "MAC") == NULL);
	CHECK(ym_cvss_get(&c, "VC") == NULL);
	CHECK_INT(ym_cvss_parse("(AV:N/AC:L/Au:N/C:P/I:P/A:P/E:ND/CDP:L)", &c,
				NULL),
		  0);
	ym_cvss_format(&c, YM_CVSS_G_ALL, buf, sizeof buf);
	CHECK_STR(buf, "AV:N/AC:L/Au:N/C:P/I:P/A:P/CDP:L");
	CHECK_INT(ym_cvss_parse(V40B "/E:A/S:P/U:Amber", &c, NULL), 0);
	ym_cvss_format(&c, YM_CVSS_G_SUPPLEMENTAL | YM_CVSS_FMT_NO_PREFIX,
		       buf, sizeof buf);
	CHECK_STR(buf, "S:P/U:Amber");
	/* snprintf-like truncation */
	size_t need = ym_cvss_format(&c, YM_CVSS_G_ALL, buf, 10);
	CHECK_INT(need, strlen(V40B "/E:A/S:P/U:Amber"));
	CHECK_STR(buf, "CVSS:4.0/");
	CHECK_STR(ym_cvss_version_name(c.version), "4.0");
}


/* ym_cvss_parsen tries a fast path first (cvss.c); it must accept only
 * what the general parser accepts, with the same result, and leave every
 * rejection (message, position) to it. Checked on every base vector of
 * every version and on deterministic mutations of them and of vectors
 * with temporal/environmental metrics. */
static uint32_t rng_state = 12345;
static unsigned rng(unsigned n)
{
	rng_state = rng_state * 1103515245u + 12345u;
	return (rng_state >> 8) % n;
}

/* 0 if both parsers agree on s[0..len) */
static int same_parse(const char *s, size_t len)
{
	ym_cvss a, b;
	ym_err ea = YM_ERR_INIT, eb = YM_ERR_INIT;
	int ra = ym_cvss_parsen(s, len, &a, &ea);
	int rb = ym_cvss_parsen_ref(s, len, &b, &eb);
	if (ra != rb || memcmp(&a, &b, sizeof a) != 0 ||
	    strcmp(ea.msg, eb.msg) != 0 || ea.column != eb.column) {
		fprintf(stderr, "fast/general parsers differ on '%.*s'\n",
			(int)len, s);
		return 1;
	}
	return 0;
}

static int mutate_check(const char *v)
{
	static const char alpha[] = "/:ACHLNPXUMSRFTOWDEIVYaz09.() \t";
	char buf[256];
	size_t n = strlen(v);
	if (same_parse(v, n))
		return 1;
	for (int k = 0; k < 12; k++) {
		size_t len = n, i = rng((unsigned)n);
		memcpy(buf, v, n);
		switch (k % 6) {
		case 0: /* delete a byte */
			memmove(buf + i, buf + i + 1, n - i - 1);
			len--;
			break;
		case 1: /* insert a byte */
			memmove(buf + i + 1, buf + i, n - i);
			buf[i] = alpha[rng(sizeof alpha - 1)];
			len++;
			break;
		case 2: /* replace a byte (NUL included) */
			buf[i] = k == 2 ? '\0' : alpha[rng(sizeof alpha - 1)];
			break;
		case 3: /* truncate */
			len = i;
			break;
		case 4: /* trailing '/', or a copy of the last component */
			if (k == 4) {
				buf[len++] = '/';
			} else {
				const char *last = strrchr(v, '/');
				size_t ln = strlen(last ? last : v);
				memcpy(buf + len, last ? last : v, ln);
				len += ln;
			}
			break;
		default: /* append an optional metric */
			len += (size_t)snprintf(buf + len, sizeof buf - len,
						"/%s", (const char *[]){
						"E:X", "E:U", "CR:H", "U:Amber",
						"MSI:S", "CDP:LM", "RL:OF", "AR:ND",
						"MAV:N", "S:P"}[rng(10)]);
			break;
		}
		if (same_parse(buf, len))
			return 1;
	}
	return 0;
}

static void t_fast_path(void)
{
	static const struct {
		const char *prefix, *names[11], *vals[11];
	} sets[] = {
		{"CVSS:4.0/",
		 {"AV", "AC", "AT", "PR", "UI", "VC", "VI", "VA", "SC", "SI",
		  "SA"},
		 {"NALP", "LH", "NP", "NLH", "NPA", "HLN", "HLN", "HLN", "HLN",
		  "HLN", "HLN"}},
		{"CVSS:3.1/",
		 {"AV", "AC", "PR", "UI", "S", "C", "I", "A"},
		 {"NALP", "LH", "NLH", "NR", "UC", "HLN", "HLN", "HLN"}},
		{"CVSS:3.0/",
		 {"AV", "AC", "PR", "UI", "S", "C", "I", "A"},
		 {"NALP", "LH", "NLH", "NR", "UC", "HLN", "HLN", "HLN"}},
		{"", {"AV", "AC", "Au", "C", "I", "A"},
		 {"LAN", "HML", "MSN", "NPC", "NPC", "NPC"}},
	};
	long checked = 0;
	for (size_t si = 0; si < sizeof sets / sizeof sets[0]; si++) {
		size_t nm = 0, idx[11] = {0};
		while (nm < 11 && sets[si].names[nm])
			nm++;
		for (;;) {
			char v[128];
			size_t p = (size_t)snprintf(v, sizeof v, "%s",
						    sets[si].prefix);
			for (size_t i = 0; i < nm; i++)
				p += (size_t)snprintf(
					v + p, sizeof v - p, "%s%s:%c",
					i ? "/" : "", sets[si].names[i],
					sets[si].vals[i][idx[i]]);
			/* every base vector as it is; a sample mutated */
			if (same_parse(v, p))
				CHECK(!"fast path differs");
			if (rng(si == 0 ? 50 : 3) == 0 && mutate_check(v))
				CHECK(!"fast path differs (mutated)");
			checked++;
			size_t i = nm;
			while (i > 0) {
				i--;
				if (sets[si].vals[i][++idx[i]])
					break;
				idx[i] = 0;
			}
			if (i == 0 && idx[0] == 0)
				break;
		}
	}
	CHECK_INT(checked, 104976 + 2592 + 2592 + 729);
	static const char *const more[] = {
		"CVSS:3.1/S:U/AV:N/AC:L/PR:N/UI:N/C:H/I:H/A:H/E:F/RL:X",
		"CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H/E:H/RL:U/RC:U/"
		"CR:H/IR:M/AR:L/MAV:A/MAC:H/MPR:L/MUI:R/MS:U/MC:L/MI:N/MA:H",
		V40B "/E:U/CR:L/IR:M/AR:H/MAV:A/MAC:H/MAT:P/MPR:L/MUI:A/MVC:L/"
		"MVI:N/MVA:H/MSC:L/MSI:S/MSA:S/S:P/AU:Y/R:I/V:C/RE:H/U:Green",
		"AV:N/AC:L/Au:N/C:P/I:P/A:P/E:POC/RL:OF/RC:UR/CDP:LM/TD:M/CR:H/"
		"IR:L/AR:ND",
		"(AV:N/AC:L/Au:N/C:P/I:P/A:P/E:ND/CDP:L)",
		"(AV:N/AC:L/Au:N/C:P/I:P/A:P",
		"()", "(", "CVSS:3.1/", "CVSS:4.0", "CVSS:3.1/AV:N",
		"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/",
		"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:HH",
		"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/A:H",
		"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/"
		"SA:N/U:Amberr",
		"AV:N/AC:L/Au:N/C:P/I:P/A:P/RL:OF/E:F",
	};
	for (size_t i = 0; i < sizeof more / sizeof more[0]; i++) {
		CHECK(same_parse(more[i], strlen(more[i])) == 0);
		CHECK(mutate_check(more[i]) == 0);
	}
	/* a NUL inside the given length */
	static const char nul[] = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/"
				  "A:H\0/E:U";
	CHECK(same_parse(nul, sizeof nul - 1) == 0);
	CHECK(same_parse(nul, sizeof nul - 6) == 0); /* just before it */
}

/* ym_cvss_score_str writes what printf("%.1f") writes. */
static void t_score_str(void)
{
	char a[YM_CVSS_SCORE_MAX], b[16];
	for (int k = -100; k <= 100; k++) {
		double x = k / 10.0;
		CHECK_INT(ym_cvss_score_str(x, a), strlen(a));
		snprintf(b, sizeof b, "%.1f", x);
		CHECK_STR(a, b);
	}
	ym_cvss_score_str(-0.0, a);
	CHECK_STR(a, "-0.0");
	ym_cvss_score_str(9.200000000000001, a);
	CHECK_STR(a, "9.2");
}

/* The v2 guide's environmental equation can go below 0 (AdjustedBase
 * of an AdjustedImpact below ~1.9 with a low Exploitability); the score
 * is kept as the equation gives it (ae-cvss-calculator: -0.2 too), and
 * rated Low. */
static void t_v2_negative(void)
{
	ym_cvss c;
	ym_cvss_scores s;
	CHECK_INT(ym_cvss_parse("AV:L/AC:H/Au:M/C:N/I:N/A:P/RL:W/IR:ND/AR:L",
				&c, NULL),
		  0);
	ym_cvss_score(&c, &s);
	CHECK_INT(lround(s.base * 10), 8);
	CHECK_INT(lround(s.environmental * 10), -2);
	CHECK_INT(s.severity, YM_CVSS_SEV_LOW);
}

int main(void)
{
	RUN(t_errors);
	RUN(t_v3_any_order);
	RUN(t_examples);
	RUN(t_rounding);
	RUN(t_nomenclature);
	RUN(t_severity);
	RUN(t_format);
	RUN(t_fast_path);
	RUN(t_score_str);
	RUN(t_v2_negative);
	return test_done();
}
