/* Unit tests for inventory/ledger_csv: RFC 4180 reading, UTF-8 / BOM /
 * Shift_JIS detection, Japanese and English headers, value forms, exact
 * error positions and messages, and write-then-read round trips.
 * Fixtures: tests/fixtures/ledger/ (run from the repository root). */
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "inventory/ledger_csv.h"
#include "test.h"

#define FIX "tests/fixtures/ledger/"

static ym_arena A;

static int read_text(const char *text, ym_ledger *l, ym_err *e)
{
	return ym_ledger_csv_read(text, strlen(text), "t.csv", &A, l, e);
}

static int read_fixture(const char *name, ym_ledger *l, ym_err *e)
{
	ym_buf b = YM_BUF_INIT;
	int rc = ym_buf_read_file(&b, name, e);
	if (rc == 0)
		rc = ym_ledger_csv_read(b.ptr, b.len, name, &A, l, e);
	ym_buf_release(&b);
	return rc;
}

static bool same_str(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return strcmp(a, b) == 0;
}

/* Name of the first field that differs, NULL when the same. */
static const char *asset_diff(const ym_asset *a, const ym_asset *b)
{
#define S(f) if (!same_str(a->f, b->f)) return #f
	S(name); S(vendor); S(version); S(cpe); S(purl);
	S(function_category); S(data_kind); S(configuration); S(exposure);
	S(open_ports); S(location); S(department_code); S(owner);
	S(criticality); S(introduced_on); S(support_end_on);
	S(retire_planned_on); S(retired_on); S(disposed_on); S(tags);
#undef S
	if (a->kind != b->kind)
		return "kind";
	if (a->data_records != b->data_records)
		return "data_records";
	if (a->safety_relevant != b->safety_relevant)
		return "safety_relevant";
	return NULL;
}

#define CHECK_SAME(a, b)                                                  \
	do {                                                              \
		const char *d_ = asset_diff((a), (b));                    \
		if (d_)                                                   \
			TEST_FAIL_("assets differ in %s", d_);            \
	} while (0)

static void t_ja_bom(void)
{
	ym_ledger l;
	ym_err e = YM_ERR_INIT;
	CHECK_INT(read_fixture(FIX "ja_utf8_bom.csv", &l, &e), 0);
	CHECK_INT(l.encoding, YM_LEDGER_ENC_UTF8_BOM);
	CHECK_INT(l.n, 3);
	CHECK_INT(l.lines[0], 2);
	CHECK_INT(l.lines[1], 3);
	CHECK_INT(l.lines[2], 4);

	const ym_asset *a = &l.assets[0];
	CHECK_STR(a->name, "住民情報システム");
	CHECK_INT(a->kind, YM_ASSET_SYSTEM);
	CHECK_STR(a->vendor, "富士通株式会社");
	CHECK_STR(a->version, "10.2");
	CHECK_STR(a->function_category, "住民記録");
	CHECK_STR(a->data_kind, "個人情報");
	CHECK_INT(a->data_records, 120000);
	CHECK_STR(a->configuration, "庁内LAN, 基幹系");
	CHECK_STR(a->exposure, "internal");
	CHECK_STR(a->open_ports, "443/tcp,22/tcp");
	CHECK_STR(a->location, "本庁舎サーバ室");
	CHECK_STR(a->department_code, "joho");
	CHECK_INT(a->department_id, 0);
	CHECK_STR(a->owner, "山田 太郎");
	CHECK_STR(a->criticality, "high");
	CHECK(!a->safety_relevant);
	CHECK_STR(a->introduced_on, "2020-04-01");
	CHECK_STR(a->support_end_on, "2029-03-31");
	CHECK(a->retire_planned_on == NULL);
	CHECK(a->retired_on == NULL);
	CHECK(a->disposed_on == NULL);
	CHECK_STR(a->tags, "基幹,個人情報");
	CHECK(a->cpe == NULL && a->purl == NULL);

	a = &l.assets[1];
	CHECK_STR(a->name, "窓口予約サービス");
	CHECK_INT(a->kind, YM_ASSET_SERVICE); /* half-width ｻｰﾋﾞｽ */
	CHECK_STR(a->function_category, "予約\"窓口\"受付");
	CHECK_STR(a->data_kind, "氏名・電話番号");
	CHECK_INT(a->data_records, 1234);
	CHECK_STR(a->exposure, "internet");
	CHECK_STR(a->department_code, "市民課");
	CHECK_STR(a->criticality, "medium");
	CHECK(a->safety_relevant);
	CHECK_STR(a->introduced_on, "2023-10-01");
	CHECK_STR(a->support_end_on, "2025-03-31"); /* serial 45747 */
	CHECK(a->tags == NULL);

	a = &l.assets[2];
	CHECK_STR(a->name, "水道監視 SCADA");
	CHECK_INT(a->kind, YM_ASSET_HOST);
	CHECK(a->version == NULL);
	CHECK_STR(a->function_category, "監視\r\n制御");
	CHECK(a->data_kind == NULL);
	CHECK_INT(a->data_records, -1);
	CHECK_STR(a->configuration, "PLC\r\nHMI");
	CHECK_STR(a->exposure, "isolated");
	CHECK(a->owner == NULL);
	CHECK(a->safety_relevant);
	CHECK_STR(a->introduced_on, "2018-04-01");
	CHECK_STR(a->retire_planned_on, "2026-03-31");
	CHECK_STR(a->tags, "OT");

	CHECK_INT(l.n_notes, 2);
	CHECK_STR(l.notes[0].msg, "read as UTF-8 (BOM)");
	CHECK_INT(l.notes[1].line, 1);
	CHECK_INT(l.notes[1].column, 19);
	CHECK_STR(l.notes[1].field, "備考");
	CHECK_STR(l.notes[1].msg, "column 19 \"備考\" is not a ledger column: "
		  "its values are not imported");
}

static void t_ja_sjis(void)
{
	ym_ledger u, s;
	ym_err e = YM_ERR_INIT;
	CHECK_INT(read_fixture(FIX "ja_utf8_bom.csv", &u, &e), 0);
	CHECK_INT(read_fixture(FIX "ja_sjis.csv", &s, &e), 0);
	CHECK_INT(s.encoding, YM_LEDGER_ENC_CP932);
	CHECK_STR(s.notes[0].msg, "read as Shift_JIS (CP932)");
	CHECK_INT(s.n, u.n);
	for (size_t i = 0; i < s.n; i++) {
		CHECK_SAME(&s.assets[i], &u.assets[i]);
		CHECK_INT(s.lines[i], u.lines[i]);
	}
	CHECK_STR(s.assets[0].name, "住民情報システム");
}

static void t_en(void)
{
	ym_ledger l;
	ym_err e = YM_ERR_INIT;
	CHECK_INT(read_fixture(FIX "en.csv", &l, &e), 0);
	CHECK_INT(l.encoding, YM_LEDGER_ENC_UTF8);
	CHECK_INT(l.n_notes, 1);
	CHECK_INT(l.n, 2);
	const ym_asset *a = &l.assets[0];
	CHECK_STR(a->name, "web portal");
	CHECK_INT(a->kind, YM_ASSET_CLOUD);
	CHECK_STR(a->vendor, "Example Inc.");
	CHECK_STR(a->cpe, "cpe:2.3:a:example:portal:3.1:*:*:*:*:*:*:*");
	CHECK_STR(a->purl, "pkg:npm/portal@3.1");
	CHECK_STR(a->function_category, "public web");
	CHECK_STR(a->data_kind, "contact data");
	CHECK_INT(a->data_records, 2500);
	CHECK_STR(a->configuration, "CDN");
	CHECK_STR(a->exposure, "internet");
	CHECK_STR(a->location, "AWS Tokyo");
	CHECK_STR(a->department_code, "koho");
	CHECK_STR(a->owner, "Suzuki");
	CHECK_STR(a->criticality, "low");
	CHECK(!a->safety_relevant);
	CHECK_STR(a->introduced_on, "2020-01-15");
	CHECK_STR(a->support_end_on, "2026-12-31");
	CHECK_STR(a->tags, "web");
	a = &l.assets[1];
	CHECK_INT(l.lines[1], 3);
	CHECK_STR(a->name, "legacy fileserver");
	CHECK_INT(a->kind, YM_ASSET_HOST);
	CHECK(a->vendor == NULL);
	CHECK_STR(a->location, "Building 2, floor 3");
	CHECK_STR(a->criticality, "medium");
	CHECK_STR(a->introduced_on, "2010-04-01");
	CHECK_STR(a->support_end_on, "2015-03-31");
	CHECK_STR(a->retire_planned_on, "2024-03-31");
	CHECK_STR(a->retired_on, "2024-06-30");
	CHECK_STR(a->disposed_on, "2024-07-31");
	CHECK(a->tags == NULL);
}

static void t_bad_files(void)
{
	static const struct {
		const char *file;
		int code;
		long line, column;
		const char *field, *msg;
	} cases[] = {
		{FIX "bad/unclosed_quote.csv", YM_E_PARSE, 2, 1, "資産名",
		 "unclosed quote: the quoted field runs to the end of the "
		 "file"},
		{FIX "bad/unknown_kind.csv", YM_E_INVALID, 3, 2, "種別",
		 "unknown kind 'ルーター': expected システム, サービス, ホスト, "
		 "クラウド, ソフトウェア or system, service, host, cloud, "
		 "software"},
		{FIX "bad/bad_date.csv", YM_E_INVALID, 2, 2, "introduced",
		 "invalid date '2024-02-30': no such day"},
		{FIX "bad/missing_name.csv", YM_E_INVALID, 1, 0, "",
		 "no name column in the header: one of 資産名, 名称, "
		 "システム名, name is required"},
		{FIX "bad/invalid_bytes.csv", YM_E_PARSE, 3, 2, "",
		 "invalid byte 0xFF: the file is neither UTF-8 nor Shift_JIS "
		 "(CP932)"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		ym_ledger l;
		ym_err e = YM_ERR_INIT;
		CHECK_INT(read_fixture(cases[i].file, &l, &e), cases[i].code);
		CHECK_INT(e.code, cases[i].code);
		CHECK_STR(e.file, cases[i].file);
		CHECK_INT(e.line, cases[i].line);
		CHECK_INT(e.column, cases[i].column);
		CHECK_STR(e.field, cases[i].field);
		CHECK_STR(e.msg, cases[i].msg);
	}
}

static void expect_err(const char *text, int code, long line, long col,
		       const char *field, const char *msg)
{
	ym_ledger l;
	ym_err e = YM_ERR_INIT;
	CHECK_INT(read_text(text, &l, &e), code);
	CHECK_INT(e.line, line);
	CHECK_INT(e.column, col);
	CHECK_STR(e.field, field);
	CHECK_STR(e.msg, msg);
}

static void t_errors(void)
{
	expect_err("name,kind\n\"a\"x,host\n", YM_E_PARSE, 2, 1, "name",
		   "unexpected 'x' after the closing quote of a field");
	expect_err("name,kind\na,host,extra\n", YM_E_INVALID, 2, 3, "",
		   "field 3 is beyond the header's 2 columns");
	expect_err("name,kind\n,host\n", YM_E_INVALID, 2, 1, "name",
		   "the name is empty: every row needs one");
	expect_err("資産名,名称\na,b\n", YM_E_INVALID, 1, 2, "名称",
		   "column 2 \"名称\" is the same field as column 1 "
		   "\"資産名\"");
	expect_err("", YM_E_INVALID, 1, 0, "",
		   "empty file: no header row (one of 資産名, 名称, "
		   "システム名, name is required)");
	expect_err("name,exposure\na,dmz\n", YM_E_INVALID, 2, 2, "exposure",
		   "unknown exposure 'dmz': expected インターネット公開, 内部, "
		   "閉域, 不明 or internet, internal, isolated, unknown");
	expect_err("name,重要度\na,最高\n", YM_E_INVALID, 2, 2, "重要度",
		   "unknown criticality '最高': expected 高, 中, 低, 不明 or "
		   "high, medium, low, unknown");
	expect_err("name,安全関連\na,たぶん\n", YM_E_INVALID, 2, 2, "安全関連",
		   "unknown yes/no value 'たぶん': expected はい, いいえ, ○, ×, "
		   "yes, no, true, false, 1 or 0");
	expect_err("name,件数\na,12.5\n", YM_E_INVALID, 2, 2, "件数",
		   "invalid record count '12.5': not a whole number");
	expect_err("name,件数\na,\"12,34\"\n", YM_E_INVALID, 2, 2, "件数",
		   "invalid record count '12,34': expected a whole number "
		   "such as 1234, 1,234 or 12万");
	/* the error is on the line where the field starts */
	expect_err("name,memo,導入日\na,\"x\ny\",令和1年4月1日\n",
		   YM_E_INVALID, 3, 3, "導入日",
		   "invalid date '令和1年4月1日': not a date of that era");
	expect_err("name,導入日\na,2024\n", YM_E_INVALID, 2, 2, "導入日",
		   "invalid date '2024': a bare number is read as an Excel "
		   "serial date, which must be between 10000 and 2958465");
	expect_err("name\n\"a\nb\nc", YM_E_PARSE, 2, 1, "name",
		   "unclosed quote: the quoted field runs to the end of the "
		   "file");
}

static void t_encodings(void)
{
	ym_ledger l;
	ym_err e = YM_ERR_INIT;
	static const char nul[] = "name,vendor\na,b\0c\n";
	CHECK_INT(ym_ledger_csv_read(nul, sizeof nul - 1, "t.csv", &A, &l,
				     &e), YM_E_PARSE);
	CHECK_INT(e.line, 2);
	CHECK_INT(e.column, 2);
	CHECK_STR(e.msg, "NUL byte in the file: it is not a CSV text file");

	static const char u16[] = "\xFF\xFEn\0a\0";
	CHECK_INT(ym_ledger_csv_read(u16, sizeof u16 - 1, "t.csv", &A, &l,
				     &e), YM_E_PARSE);
	CHECK_STR(e.msg, "the file is UTF-16, which is not supported: save "
		  "it as \"CSV UTF-8\"");

	/* a BOM promises UTF-8: no fallback to Shift_JIS */
	static const char bom_sjis[] = "\xEF\xBB\xBFname\n\x8E\x91\x8E\x59\n";
	CHECK_INT(ym_ledger_csv_read(bom_sjis, sizeof bom_sjis - 1, "t.csv",
				     &A, &l, &e), YM_E_PARSE);
	CHECK_INT(e.line, 2);
	CHECK_INT(e.column, 1);
	CHECK_STR(e.msg, "invalid UTF-8 (byte 0x8E) in a file that starts "
		  "with a UTF-8 byte order mark");

	/* Shift_JIS 資産 = 8E91 8E59 */
	static const char sjis[] = "name\r\n\x8E\x91\x8E\x59\r\n";
	CHECK_INT(ym_ledger_csv_read(sjis, sizeof sjis - 1, "t.csv", &A, &l,
				     &e), 0);
	CHECK_INT(l.encoding, YM_LEDGER_ENC_CP932);
	CHECK_STR(l.assets[0].name, "資産");
}

static void t_rfc4180(void)
{
	ym_ledger l;
	ym_err e = YM_ERR_INIT;
	/* CR LF, LF and a last line without newline; empty quoted field;
	 * doubled quotes; spaces after a closing quote; trailing empty
	 * fields; blank rows skipped */
	CHECK_INT(read_text("name,vendor,version\r\n"
			    "\"a,1\",\"\",\"say \"\"hi\"\"\" \r\n"
			    "\r\n"
			    ",,\n"
			    "b,\"x\ny\",\n"
			    "c,v\"q,3",
			    &l, &e), 0);
	CHECK_INT(l.n, 3);
	CHECK_STR(l.assets[0].name, "a,1");
	CHECK(l.assets[0].vendor == NULL);
	CHECK_STR(l.assets[0].version, "say \"hi\"");
	CHECK_INT(l.lines[1], 5);
	CHECK_STR(l.assets[1].vendor, "x\ny");
	CHECK(l.assets[1].version == NULL);
	CHECK_INT(l.lines[2], 7);
	CHECK_STR(l.assets[2].vendor, "v\"q"); /* a bare quote is kept */
	CHECK_STR(l.assets[2].version, "3");
}

static void t_headers(void)
{
	ym_ledger l;
	ym_err e = YM_ERR_INIT;
	/* a title row, full-width letters, U+3000 padding, annotations,
	 * half-width kana, English with case and '_' variants, a column
	 * without header */
	CHECK_INT(read_text("資産台帳（令和6年度）,,,,,,\n"
			    "ＮＡＭＥ,　ﾍﾞﾝﾀﾞｰ　,導入日(YYYY/MM/DD),"
			    "Support_End,資産名称※? ,,所管課\n"
			    "x,v,2024/4/1,R10.3.31,,memo,総務課\n",
			    &l, &e), 0);
	CHECK_INT(l.n, 1);
	CHECK_INT(l.lines[0], 3);
	CHECK_STR(l.assets[0].name, "x");
	CHECK_STR(l.assets[0].vendor, "v");
	CHECK_STR(l.assets[0].introduced_on, "2024-04-01");
	CHECK_STR(l.assets[0].support_end_on, "2028-03-31");
	CHECK_STR(l.assets[0].department_code, "総務課");
	CHECK_INT(l.n_notes, 4);
	CHECK_STR(l.notes[1].msg, "line 1 skipped: it names no ledger "
		  "column (a title row?)");
	CHECK_INT(l.notes[2].column, 5);
	CHECK_STR(l.notes[2].msg, "column 5 \"資産名称※?\" is not a ledger "
		  "column: its values are not imported");
	CHECK_INT(l.notes[3].line, 3);
	CHECK_INT(l.notes[3].column, 6);
	CHECK_STR(l.notes[3].msg, "column 6 has values but no header: they "
		  "are not imported");

	/* every written header, both languages, maps back */
	for (int lang = 0; lang < 2; lang++) {
		ym_buf b = YM_BUF_INIT;
		for (int c = 0; c < YM_LEDGER_NCOLS; c++) {
			ym_buf_adds(&b, c ? "," : "");
			ym_buf_adds(&b, ym_ledger_col_header(c, lang));
		}
		ym_buf_adds(&b, "\nx\n");
		CHECK_INT(read_text(b.ptr, &l, &e), 0);
		ym_buf_release(&b);
		CHECK_INT(l.n_notes, 1);
		CHECK_STR(l.assets[0].name, "x");
	}
}

static void t_values(void)
{
	ym_ledger l;
	ym_err e = YM_ERR_INIT;
	CHECK_INT(read_text("name,kind,exposure,criticality,safety,records\n"
			    "a,ｸﾗｳﾄﾞ,外部公開,HIGH,×,約3億件\n"
			    "b,Software,隔離,低,１,不明\n"
			    "c,サーバー,unknown,不明,FALSE,－\n"
			    "d,,,,,\"1億2,000万\"\n",
			    &l, &e), 0);
	CHECK_INT(l.n, 4);
	CHECK_INT(l.assets[0].kind, YM_ASSET_CLOUD);
	CHECK_STR(l.assets[0].exposure, "internet");
	CHECK_STR(l.assets[0].criticality, "high");
	CHECK(!l.assets[0].safety_relevant);
	CHECK_INT(l.assets[0].data_records, 300000000);
	CHECK_INT(l.assets[1].kind, YM_ASSET_SOFTWARE);
	CHECK_STR(l.assets[1].exposure, "isolated");
	CHECK_STR(l.assets[1].criticality, "low");
	CHECK(l.assets[1].safety_relevant);
	CHECK_INT(l.assets[1].data_records, -1);
	CHECK_INT(l.assets[2].kind, YM_ASSET_HOST);
	CHECK_STR(l.assets[2].exposure, "unknown");
	CHECK_STR(l.assets[2].criticality, "unknown");
	CHECK_INT(l.assets[2].data_records, -1);
	CHECK_INT(l.assets[3].kind, YM_ASSET_SYSTEM);
	CHECK(l.assets[3].exposure == NULL);
	CHECK(l.assets[3].criticality == NULL);
	CHECK_INT(l.assets[3].data_records, 120000000);
}

static void t_dates(void)
{
	static const struct {
		const char *in, *out;
	} ok[] = {
		{"2024-04-01", "2024-04-01"}, {"2024/04/01", "2024-04-01"},
		{"2024/4/1", "2024-04-01"}, {"2024.4.1", "2024-04-01"},
		{"20240401", "2024-04-01"}, {"2024年4月1日", "2024-04-01"},
		{"２０２４／４／１", "2024-04-01"},
		{"2024/4/1 0:00", "2024-04-01"},
		{"2024-04-01T09:30:00Z", "2024-04-01"},
		{"令和6年4月1日", "2024-04-01"}, {"令和元年5月1日", "2019-05-01"},
		{"平成31年4月30日", "2019-04-30"}, {"H30.4.1", "2018-04-01"},
		{"r6/4/1", "2024-04-01"}, {"昭和64年1月7日", "1989-01-07"},
		{"大正15年12月24日", "1926-12-24"},
		{"45383", "2024-04-01"}, {"45383.75", "2024-04-01"},
		{"2024-02-29", "2024-02-29"}, {"10000", "1927-05-18"},
		{"2958465", "9999-12-31"},
	};
	static const struct {
		const char *in, *why;
	} bad[] = {
		{"2023-02-29", "no such day"}, {"2024-13-01", "no such day"},
		{"平成31年5月1日", "not a date of that era"},
		{"令和元年4月30日", "not a date of that era"},
		{"1899-12-31", "year out of range (1900-9999)"},
		{"9999", "a bare number is read as an Excel serial date, "
			 "which must be between 10000 and 2958465"},
		{"2958466", "a bare number is read as an Excel serial date, "
			    "which must be between 10000 and 2958465"},
		{"24-4-1", "expected YYYY-MM-DD, YYYY/M/D, 令和6年4月1日 or an "
			   "Excel serial number"},
		{"2024/4", "expected YYYY-MM-DD, YYYY/M/D, 令和6年4月1日 or an "
			   "Excel serial number"},
		{"2024/4/1x", "expected YYYY-MM-DD, YYYY/M/D, 令和6年4月1日 or "
			      "an Excel serial number"},
	};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		char out[11];
		const char *why = "unset";
		int rc = ym_ledger_parse_date(ok[i].in, out, &why);
		if (rc)
			TEST_FAIL_("%s: %s", ok[i].in, why);
		CHECK_STR(out, ok[i].out);
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char out[11];
		const char *why = NULL;
		CHECK_INT(ym_ledger_parse_date(bad[i].in, out, &why),
			  YM_E_INVALID);
		CHECK_STR(why, bad[i].why);
	}
}

static void t_counts(void)
{
	static const struct {
		const char *in;
		int64_t v;
	} ok[] = {
		{"0", 0}, {"1234", 1234}, {"1,234", 1234},
		{"1,234,567", 1234567}, {"12万", 120000}, {"1.5万", 15000},
		{"１２万", 120000}, {"約100件", 100}, {"3千", 3000},
		{"1億2,000万", 120000000}, {"2万5千", 25000},
		{"1000000000000000", INT64_C(1000000000000000)},
	};
	static const char *const bad[] = {
		"", "-5", "1,23", "1234,567", "12.5", "1.23456万", "万",
		"12万3億", "12 34", "1e5", "10000000000000000", "1.5",
	};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		int64_t v = -7;
		const char *why = "unset";
		if (ym_ledger_parse_count(ok[i].in, &v, &why))
			TEST_FAIL_("%s: %s", ok[i].in, why);
		CHECK_INT(v, ok[i].v);
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int64_t v;
		if (ym_ledger_parse_count(bad[i], &v, NULL) != YM_E_INVALID)
			TEST_FAIL_("'%s' accepted as %lld", bad[i],
				   (long long)v);
	}
}

static ym_asset sample(void)
{
	ym_asset a;
	memset(&a, 0, sizeof a);
	a.data_records = -1;
	return a;
}

static void t_write_exact(void)
{
	ym_buf b = YM_BUF_INIT;
	ym_asset a = sample();
	a.name = "=HYPERLINK(\"x\")";
	a.kind = YM_ASSET_HOST;
	a.vendor = "A, \"B\"";
	a.data_records = 120000;
	a.exposure = "internal";
	a.criticality = "high";
	a.safety_relevant = true;
	a.introduced_on = "2024-04-01";
	a.department_name = "情報政策課";
	a.tags = "x\ny";
	CHECK_INT(ym_ledger_csv_write(&a, 1, YM_LEDGER_LANG_JA, &b, NULL), 0);
	CHECK_STR(b.ptr,
		  "\xEF\xBB\xBF資産名,種別,ベンダー,バージョン,CPE,PURL,"
		  "機能分類,保有データ,データ件数,接続先,公開範囲,開放ポート,"
		  "設置場所,部署,担当者,重要度,安全関連,導入日,サポート終了日,"
		  "廃止予定日,廃止日,廃棄日,タグ\r\n"
		  "\"'=HYPERLINK(\"\"x\"\")\",ホスト,\"A, \"\"B\"\"\",,,,,,"
		  "120000,,内部,,,情報政策課,,高,はい,2024-04-01,,,,,"
		  "\"x\ny\"\r\n");
	ym_buf_reset(&b);
	CHECK_INT(ym_ledger_csv_write(&a, 1, YM_LEDGER_LANG_EN, &b, NULL), 0);
	CHECK_STR(b.ptr,
		  "\xEF\xBB\xBFname,kind,vendor,version,cpe,purl,function,"
		  "data_kind,records,configuration,exposure,ports,location,"
		  "department,owner,criticality,safety,introduced,support_end,"
		  "retire_planned,retired,disposed,tags\r\n"
		  "\"'=HYPERLINK(\"\"x\"\")\",host,\"A, \"\"B\"\"\",,,,,,"
		  "120000,,internal,,,情報政策課,,high,yes,2024-04-01,,,,,"
		  "\"x\ny\"\r\n");
	ym_buf_release(&b);
}

static void t_roundtrip(void)
{
	ym_asset in[4];
	in[0] = sample();
	in[0].name = "住民情報システム";
	in[0].vendor = "富士通, \"株\"";
	in[0].version = "10.2";
	in[0].cpe = "cpe:2.3:a:fujitsu:x:10.2:*:*:*:*:*:*:*";
	in[0].purl = "pkg:generic/x@10.2";
	in[0].function_category = "住民記録\r\n（基幹）";
	in[0].data_kind = "個人情報";
	in[0].data_records = 120000;
	in[0].configuration = "LGWAN\nインターネット";
	in[0].exposure = "internet";
	in[0].open_ports = "443/tcp,22/tcp";
	in[0].location = "本庁舎";
	in[0].department_code = "joho";
	in[0].owner = "山田 太郎";
	in[0].criticality = "unknown";
	in[0].safety_relevant = true;
	in[0].introduced_on = "2020-04-01";
	in[0].support_end_on = "2029-03-31";
	in[0].retire_planned_on = "2028-12-31";
	in[0].retired_on = "2029-01-31";
	in[0].disposed_on = "2029-02-28";
	in[0].tags = "基幹,個人情報";
	in[1] = sample();
	in[1].name = "'quoted'";
	in[1].kind = YM_ASSET_SOFTWARE;
	in[1].vendor = "-";
	in[1].version = "@latest";
	in[1].owner = "+81-3";
	in[1].data_records = 0;
	in[2] = sample();
	in[2].name = "\"\"";
	in[2].kind = YM_ASSET_CLOUD;
	in[2].exposure = "isolated";
	in[2].criticality = "low";
	in[3] = sample();
	in[3].name = "x";
	in[3].kind = YM_ASSET_SERVICE;
	in[3].exposure = "internal";
	in[3].criticality = "medium";
	for (int lang = 0; lang < 2; lang++) {
		ym_buf b = YM_BUF_INIT;
		ym_ledger l;
		ym_err e = YM_ERR_INIT;
		CHECK_INT(ym_ledger_csv_write(in, 4, lang, &b, &e), 0);
		CHECK_INT(ym_ledger_csv_read(b.ptr, b.len, "rt.csv", &A, &l,
					     &e), 0);
		ym_buf_release(&b);
		CHECK_INT(l.n, 4);
		CHECK_INT(l.n_notes, 1);
		CHECK_INT(l.encoding, YM_LEDGER_ENC_UTF8_BOM);
		for (size_t i = 0; i < 4; i++)
			CHECK_SAME(&l.assets[i], &in[i]);
		CHECK_INT(l.lines[1], 5); /* row 0 spans lines 2-4 */
	}
	/* the fixtures survive write then read, too */
	static const char *const fx[] = {FIX "ja_utf8_bom.csv",
					 FIX "ja_sjis.csv", FIX "en.csv"};
	for (size_t f = 0; f < 3; f++) {
		ym_ledger a, b2;
		ym_buf b = YM_BUF_INIT;
		ym_err e = YM_ERR_INIT;
		CHECK_INT(read_fixture(fx[f], &a, &e), 0);
		CHECK_INT(ym_ledger_csv_write(a.assets, a.n, YM_LEDGER_LANG_JA,
					      &b, &e), 0);
		CHECK_INT(ym_ledger_csv_read(b.ptr, b.len, "rt.csv", &A, &b2,
					     &e), 0);
		ym_buf_release(&b);
		CHECK_INT(b2.n, a.n);
		for (size_t i = 0; i < a.n; i++)
			CHECK_SAME(&b2.assets[i], &a.assets[i]);
	}
}

int main(void)
{
	ym_arena_init(&A, 0);
	RUN(t_ja_bom);
	RUN(t_ja_sjis);
	RUN(t_en);
	RUN(t_bad_files);
	RUN(t_errors);
	RUN(t_encodings);
	RUN(t_rfc4180);
	RUN(t_headers);
	RUN(t_values);
	RUN(t_dates);
	RUN(t_counts);
	RUN(t_write_exact);
	RUN(t_roundtrip);
	ym_arena_release(&A);
	return test_done();
}
