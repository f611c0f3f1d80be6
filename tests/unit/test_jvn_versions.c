/* Unit tests for feeds/jvn_versions: JVN's affected-version wording.
 *
 * The first table holds every VersionNumber text of the JVN samples in
 * ../shared/data/jvn (feeds/ and myjvn-api/), the version phrases of
 * their Solution texts, and the VersionNumber texts of the public
 * jvndb_detail_2023.rdf test fixture of MaineK00n/vuls-data-update:
 * real wording, so the fraction read is a real measure. The second table
 * is the grammar, phrase by phrase (docs/feeds-jvn.md). Expected values
 * are ym_jvn_versions_format: "=v" exact, "v.*" prefix, ">=a,<b" bounds,
 * "*" all, " [q]" qualifier, "?text" what was not understood.
 */
#include <string.h>

#include "core/arena.h"
#include "feeds/jvn_versions.h"
#include "test.h"

static ym_arena A;

static const char *fmt(const char *text)
{
	static char out[1024];
	ym_jvn_versions v;
	ym_buf b = YM_BUF_INIT;
	ym_jvn_versions_parse(text, strlen(text), &A, &v);
	ym_jvn_versions_format(&v, &b);
	snprintf(out, sizeof out, "%s", b.ptr);
	ym_buf_release(&b);
	return out;
}

typedef struct row {
	const char *text, *want;
} row;

static int check_rows(const row *rows, size_t n, int *read)
{
	int bad = 0;
	*read = 0;
	for (size_t i = 0; i < n; i++) {
		const char *got = fmt(rows[i].text);
		if (strcmp(got, rows[i].want) != 0) {
			fprintf(stderr, "  \"%s\": got \"%s\", want \"%s\"\n",
				rows[i].text, got, rows[i].want);
			bad++;
		}
		if (!strchr(got, '?'))
			(*read)++;
	}
	return bad;
}

/* Real phrases. */
static const row REAL[] = {
	/* VersionNumber, ../shared/data/jvn/feeds/jvndb_detail_2021.rdf */
	{"2.13.0 から 2.15.0 より前のバージョン", ">=2.13.0,<2.15.0"},
	{"core 2.0-beta9 から 2.12.1 より前のバージョン",
	 ">=2.0-beta9,<2.12.1 [core]"},
	/* jvndb_detail_2022.rdf */
	{"7.3.7 より前のバージョン", "<7.3.7"},
	/* myjvn-api/2018-vuldef-sample-1.xml */
	{"3.4.6 より前のバージョン", "<3.4.6"},
	{"ファームウエア 2.20 およびそれ以前", "<=2.20"},
	/* Solution texts of the same files */
	{"Log4j 2.10 およびそれ以降のバージョン", ">=2.10 [Log4j]"},
	{"Log4j 2.0-alpha1 から 2.16.0 までのバージョン",
	 ">=2.0-alpha1,<=2.16.0 [Log4j]"},
	{"1.240A 以降のバージョン", ">=1.240A"},
	{"バージョン Z 以降", ">=Z"},
	/* vuls-data-update jvndb_detail_2023.rdf */
	{"5.16.3 未満", "<5.16.3"},
	{"1.5.62 未満", "<1.5.62"},
};

static void t_real_phrases(void)
{
	int read;
	int bad = check_rows(REAL, sizeof REAL / sizeof REAL[0], &read);
	CHECK_INT(bad, 0);
	/* every real phrase is read (two keep a qualifier) */
	CHECK_INT(read, 11);
}

/* The grammar. */
static const row GRAMMAR[] = {
	/* bounds after the version */
	{"1.2 以前", "<=1.2"},
	{"1.2 およびそれ以前", "<=1.2"},
	{"1.2 及びそれ以前", "<=1.2"},
	{"1.2 とそれ以前", "<=1.2"},
	{"1.2 以下", "<=1.2"},
	{"1.2 より前", "<1.2"},
	{"1.2 未満", "<1.2"},
	{"1.2 以降", ">=1.2"},
	{"1.2 およびそれ以降", ">=1.2"},
	{"1.2 以上", ">=1.2"},
	{"1.2 より後", ">1.2"},
	{"1.2 まで", "<=1.2"},
	{"1.2 から", ">=1.2"},
	{"1.2以前", "<=1.2"},
	{"1.2 より前のバージョン", "<1.2"},
	/* two bounds */
	{"0.15.0 以上 0.15.2 未満", ">=0.15.0,<0.15.2"},
	{"0.15.0 以上 0.15.2 以下", ">=0.15.0,<=0.15.2"},
	{"1.0 から 1.3 まで", ">=1.0,<=1.3"},
	{"1.0 から 1.3", ">=1.0,<=1.3"},
	{"1.0 から 1.3 より前", ">=1.0,<1.3"},
	{"1.0 ～ 1.3", ">=1.0,<=1.3"},
	{"1.0〜1.3", ">=1.0,<=1.3"},
	{"Ver1.0～Ver2.0", ">=1.0,<=2.0"},
	/* all versions */
	{"全てのバージョン", "*"},
	{"すべてのバージョン", "*"},
	{"全バージョン", "*"},
	{"2.0 以前の全てのバージョン", "<=2.0"},
	/* one version */
	{"1.2.3", "=1.2.3"},
	{"バージョン 1.2.3", "=1.2.3"},
	{"v1.2", "=1.2"},
	{"V1.2", "=1.2"},
	{"Ver.3.0", "=3.0"},
	{"Version 4.1", "=4.1"},
	{"1.0.x", "1.0.*"},
	{"1.x.x", "1.*"},
	{"2.x", "2.*"},
	{"1.0.*", "1.0.*"},
	/* lists */
	{"1.0、2.0", "=1.0 | =2.0"},
	{"1.0, 2.0 及び 3.0", "=1.0 | =2.0 | =3.0"},
	{"1.0 および 2.0 以前", "=1.0 | <=2.0"},
	{"1.0.x、1.1.0 及び 1.1.1", "1.0.* | =1.1.0 | =1.1.1"},
	{"1.0\n2.0 以前", "=1.0 | <=2.0"},
	{"1.0 と 2.0", "=1.0 | =2.0"},
	{"1.0; 2.0", "=1.0 | =2.0"},
	{"1.0、、2.0、", "=1.0 | =2.0"},
	/* full width and spaces (NFKC for the ASCII range) */
	{"１．２．３ 以前", "<=1.2.3"},
	{"Ver.３．０　およびそれ以前", "<=3.0"},
	{"ｖ１．２", "=1.2"},
	{"1.0，2.0", "=1.0 | =2.0"},
	{"  1.2   以前  ", "<=1.2"},
	/* qualifiers */
	{"1.0 以前 (Windows 版)", "<=1.0 [Windows 版]"},
	{"1.0 以前 （Windows 版）", "<=1.0 [Windows 版]"},
	{"Windows 版 1.0 以前、Mac 版 2.0 以前",
	 "<=1.0 [Windows 版] | <=2.0 [Mac 版]"},
	{"全てのバージョン (Windows 版)", "* [Windows 版]"},
	{"ファームウェア 1.0 以前", "<=1.0"},
	{"firmware 1.0 and earlier", "<=1.0"},
	{"2.x 系", "2.* [系]"},
	/* English */
	{"prior to 1.2", "<1.2"},
	{"versions prior to 3.1.4", "<3.1.4"},
	{"before 2.0", "<2.0"},
	{"earlier than 2.0", "<2.0"},
	{"1.4 and earlier", "<=1.4"},
	{"1.4 or earlier", "<=1.4"},
	{"1.4 and prior", "<=1.4"},
	{"1.4 and later", ">=1.4"},
	{"1.4 or higher", ">=1.4"},
	{"up to 1.4", "<=1.4"},
	{"up to and including 1.4", "<=1.4"},
	{"1.0 through 1.3", ">=1.0,<=1.3"},
	{"from 1.0 to 1.3", ">=1.0,<=1.3"},
	{"1.0 to 1.3", ">=1.0,<=1.3"},
	{"1.0 - 1.3", ">=1.0,<=1.3"},
	{"1.0 and 2.0", "=1.0 | =2.0"},
	{"All versions", "*"},
	{"1.4 And Earlier", "<=1.4"},
	{">= 1.0 < 2.0", ">=1.0,<2.0"},
	{"<= 2.0", "<=2.0"},
	/* versions of several shapes */
	{"2.0-beta9 以前", "<=2.0-beta9"},
	{"R2.1 以前", "?R2.1 以前"},
	{"1.0.0+build5 以前", "<=1.0.0+build5"},
	{"7.3.7.", "=7.3.7"},
	/* not understood: never guessed */
	{"", "?"},
	{"   ", "?"},
	{"(複数の製品)", "?(複数の製品)"},
	{"2.0 以前 (2.0.1 を除く)", "?2.0 以前 (2.0.1 を除く)"},
	{"最新版を除く全ての版", "?最新版を除く全ての版"},
	{"1.0 2.0", "?1.0 2.0"},
	{"1.x 以前", "?1.x 以前"},
	{"バージョン", "?バージョン"},
	{"1.0 以上、2.0 未満", ">=1.0 | <2.0 ?2.0 未満"},
	{"1.0、サポート終了製品", "=1.0 ?サポート終了製品"},
	{"以前", "?以前"},
	{"から 2.0", "?から 2.0"},
	{"1.0 から 2.0 から 3.0", "?1.0 から 2.0 から 3.0"},
	{"and", "?and"},
};

static void t_grammar(void)
{
	int read;
	CHECK_INT(check_rows(GRAMMAR, sizeof GRAMMAR / sizeof GRAMMAR[0],
			     &read),
		  0);
}

static void t_ranges(void)
{
	ym_jvn_versions v;
	const char *t = "core 2.0-beta9 から 2.12.1 より前のバージョン";
	ym_jvn_versions_parse(t, strlen(t), &A, &v);
	CHECK(!v.unparsed);
	CHECK(v.unknown == NULL);
	CHECK_INT(v.n, 1);
	CHECK_INT(v.ranges[0].kind, YM_JVN_RANGE);
	CHECK_STR(v.ranges[0].start_incl, "2.0-beta9");
	CHECK(v.ranges[0].start_excl == NULL);
	CHECK(v.ranges[0].end_incl == NULL);
	CHECK_STR(v.ranges[0].end_excl, "2.12.1");
	CHECK_STR(v.ranges[0].qualifier, "core");

	t = "1.0.x";
	ym_jvn_versions_parse(t, strlen(t), &A, &v);
	CHECK_INT(v.n, 1);
	CHECK_INT(v.ranges[0].kind, YM_JVN_PREFIX);
	CHECK_STR(v.ranges[0].version, "1.0");

	t = "全てのバージョン";
	ym_jvn_versions_parse(t, strlen(t), &A, &v);
	CHECK_INT(v.ranges[0].kind, YM_JVN_ALL);
	CHECK(v.ranges[0].qualifier == NULL);
}

static void t_normalise(void)
{
	const char *t = "ＡＢＣ　１．０\u301c２．０\u2013３\r\n\r\nｘ\u00a0 y";
	CHECK_STR(ym_jvn_text_normalise(t, strlen(t), &A),
		  "ABC 1.0~2.0~3\nx y");
	t = "  \n 前後の空白 \n ";
	CHECK_STR(ym_jvn_text_normalise(t, strlen(t), &A), "前後の空白");
	/* half-width katakana is not ASCII: kept */
	t = "ﾊﾞｰｼﾞｮﾝ";
	CHECK_STR(ym_jvn_text_normalise(t, strlen(t), &A), "ﾊﾞｰｼﾞｮﾝ");
}

static void t_hostile(void)
{
	ym_jvn_versions v;
	/* invalid UTF-8 is kept and not understood */
	const char bad[] = "1.0 \xe6\x97 以前";
	ym_jvn_versions_parse(bad, sizeof bad - 1, &A, &v);
	CHECK(v.unparsed);
	/* control characters, NUL included, are spaces */
	const char nul[] = "1.0\0\x01 以前";
	ym_jvn_versions_parse(nul, sizeof nul - 1, &A, &v);
	CHECK(!v.unparsed);
	CHECK_STR(v.ranges[0].end_incl, "1.0");
	/* too long */
	static char big[YM_JVN_VERSIONS_MAX + 2];
	memset(big, '1', sizeof big - 1);
	ym_jvn_versions_parse(big, sizeof big - 1, &A, &v);
	CHECK(v.unparsed);
	CHECK_INT(v.n, 0);
	/* one at the limit is read */
	ym_jvn_versions_parse(big, YM_JVN_VERSIONS_MAX, &A, &v);
	CHECK(!v.unparsed);
	CHECK_INT(v.n, 1);
	CHECK_INT(strlen(v.ranges[0].version), YM_JVN_VERSIONS_MAX);
	/* many separators and parentheses */
	static char seps[4000];
	for (size_t i = 0; i + 3 < sizeof seps; i += 3)
		memcpy(seps + i, "、", 3);
	seps[sizeof seps - 1] = '\0';
	CHECK(strncmp(fmt(seps), "?、、", 7) == 0);
	static char parens[2000];
	memset(parens, '(', sizeof parens - 1);
	CHECK(fmt(parens)[0] == '?');
	CHECK_STR(fmt("1.0 (Windows 版"), "=1.0 [Windows 版]");
}

static void t_format(void)
{
	ym_jvn_range r = {.kind = YM_JVN_RANGE,
			  .start_excl = "1",
			  .end_incl = "2",
			  .qualifier = "q"};
	ym_buf b = YM_BUF_INIT;
	ym_jvn_range_format(&r, &b);
	CHECK_STR(b.ptr, ">1,<=2 [q]");
	ym_buf_release(&b);
}

int main(void)
{
	ym_arena_init(&A, 0);
	RUN(t_real_phrases);
	RUN(t_grammar);
	RUN(t_ranges);
	RUN(t_normalise);
	RUN(t_hostile);
	RUN(t_format);
	ym_arena_release(&A);
	return test_done();
}
