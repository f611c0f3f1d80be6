/* Unit tests for feeds/jvn (JVNRSS and VULDEF documents) and
 * feeds/jvn_checksum, on the fixtures in tests/fixtures/jvn and inline
 * documents: the exact records, the kinds of document refused, paging,
 * not-well-formed XML with its position, skip versus strict mode, values
 * left out with a warning, limits, and the checksum list. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/arena.h"
#include "core/buf.h"
#include "feeds/jvn.h"
#include "feeds/jvn_checksum.h"
#include "test.h"

#define FIX "tests/fixtures/jvn/"

static ym_arena A;
static ym_buf got = YM_BUF_INIT;    /* every record, described */
static ym_buf events = YM_BUF_INIT; /* warnings and skips, one line each */
static int n_records, n_skips, n_warns;
static int stop_after;  /* sink fails after this many records (0: never) */

static void s(const char *label, const char *v)
{
	if (v)
		ym_buf_printf(&got, " %s: %s\n", label, v);
}

static void list(const char *label, const char *const *v)
{
	if (!v)
		return;
	ym_buf_printf(&got, " %s:", label);
	for (size_t i = 0; v[i]; i++)
		ym_buf_printf(&got, " %s", v[i]);
	ym_buf_addc(&got, '\n');
}

static void describe(const ym_vuln *v)
{
	ym_buf_printf(&got, "%s %s %s\n", v->vuln_id, v->severity,
		      v->cvss_vector ? v->cvss_vector : "-");
	s("title", v->title);
	s("title_ja", v->title_ja);
	s("summary", v->summary);
	s("summary_ja", v->summary_ja);
	s("published", v->published);
	s("modified", v->modified);
	list("aliases", v->aliases);
	list("cwes", v->cwes);
	for (size_t i = 0; i < v->n_cvss; i++) {
		const ym_cvss_entry *c = &v->cvss[i];
		ym_buf_printf(&got, " cvss: %s %.1f %s %s %s\n", c->version,
			      c->base_score, c->severity ? c->severity : "-",
			      c->vector ? c->vector : "-", c->origin);
	}
	for (size_t i = 0; i < v->n_cpes; i++) {
		const ym_cpe_criterion *c = &v->cpes[i];
		ym_buf_printf(&got, " cpe: %d/%d %s", c->config, c->node,
			      c->criteria);
		if (c->start_incl)
			ym_buf_printf(&got, " >=%s", c->start_incl);
		if (c->start_excl)
			ym_buf_printf(&got, " >%s", c->start_excl);
		if (c->end_incl)
			ym_buf_printf(&got, " <=%s", c->end_incl);
		if (c->end_excl)
			ym_buf_printf(&got, " <%s", c->end_excl);
		ym_buf_printf(&got, "%s%s%s%s\n",
			      c->unparsed ? " unparsed" : "",
			      c->text ? " \"" : "", c->text ? c->text : "",
			      c->text ? "\"" : "");
	}
	s("references", v->references);
	s("remediations", v->remediations);
	s("threats", v->threats);
}

static int sink(const ym_vuln *v, void *ctx, ym_err *err)
{
	(void)ctx;
	/* the model's invariants */
	if (strcmp(v->source, "jvn") != 0 || !v->source_file ||
	    !v->severity)
		abort();
	for (size_t i = 0; i < v->n_cpes; i++)
		if (!v->cpes[i].vulnerable || !v->cpes[i].criteria ||
		    strncmp(v->cpes[i].criteria, "cpe:2.3:", 8) != 0 ||
		    strcmp(v->cpes[i].config_op, "OR") ||
		    strcmp(v->cpes[i].node_op, "OR"))
			abort();
	n_records++;
	describe(v);
	if (stop_after && n_records >= stop_after)
		return ym_err_set(err, YM_E_STORE, "sink stopped");
	return 0;
}

static void event(const char *kind, const ym_err *e)
{
	ym_buf b = YM_BUF_INIT;
	ym_err_format(e, &b);
	ym_buf_printf(&events, "%s %s\n", kind, b.ptr);
	ym_buf_release(&b);
}

static void on_warn(const ym_err *e, void *ctx)
{
	(void)ctx;
	n_warns++;
	event("warn", e);
}

static void on_skip(const ym_err *e, void *ctx)
{
	(void)ctx;
	n_skips++;
	event("skip", e);
}

static void reset(void)
{
	ym_buf_reset(&got);
	ym_buf_reset(&events);
	n_records = n_skips = n_warns = 0;
	stop_after = 0;
}

static int parse_text(const char *text, size_t len, const char *name,
		      bool strict, ym_err *e)
{
	ym_feed_ctx fc = {.strict = strict,
			  .vuln = sink,
			  .warn = on_warn,
			  .skip = on_skip};
	reset();
	ym_err_clear(e);
	return ym_jvn_parse(text, len, name, &A, &fc, e);
}

static int parse_file(const char *path, bool strict, ym_err *e)
{
	ym_buf b = YM_BUF_INIT;
	ym_err re = YM_ERR_INIT;
	if (ym_buf_read_file(&b, path, &re)) {
		fprintf(stderr, "cannot read %s: %s\n", path, re.msg);
		abort();
	}
	const char *name = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	int rc = parse_text(b.ptr, b.len, name, strict, e);
	ym_buf_release(&b);
	return rc;
}

static const char *ERRF(const ym_err *e)
{
	static char out[2048];
	ym_buf b = YM_BUF_INIT;
	ym_err_format(e, &b);
	snprintf(out, sizeof out, "%s", b.ptr);
	ym_buf_release(&b);
	return out;
}

/* ---- JVNRSS ---- */

static const char *OVERVIEW =
	"JVNDB-2024-900001 critical CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/"
	"A:H\n"
	" title_ja: サンプル製 ファイル共有サーバにおける OS "
	"コマンドインジェクションの脆弱性\n"
	" summary_ja: サンプル株式会社が提供するファイル共有サーバには、OS "
	"コマンドインジェクション (CWE-78) の脆弱性が存在します。\n\n"
	"この脆弱性情報は、テスト用に作成した架空の情報です。\n"
	" published: 2024-05-17T03:00:00Z\n"
	" modified: 2024-05-20T00:30:15Z\n"
	" aliases: JVN#90000001 CVE-2024-90001\n"
	" cwes: CWE-78\n"
	" cvss: 3.1 9.8 critical CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H "
	"JVN\n"
	" cvss: 2.0 10.0 high AV:N/AC:L/Au:N/C:C/I:C/A:C JVN\n"
	" cpe: 0/0 cpe:2.3:a:sample:file_share_server:*:*:*:*:*:*:*:* "
	"unparsed\n"
	" references: [{\"url\":\"https://jvndb.jvn.jp/ja/contents/2024/"
	"JVNDB-2024-900001.html\",\"source\":\"JVNDB\",\"tags\":[]},"
	"{\"url\":\"https://jvn.jp/jp/JVN90000001/index.html\",\"source\":"
	"\"JVN\",\"tags\":[]},{\"url\":\"https://www.cve.org/CVERecord?id="
	"CVE-2024-90001\",\"source\":\"CVE\",\"tags\":[]},{\"url\":\"https://"
	"nvd.nist.gov/vuln/detail/CVE-2024-90001\",\"source\":\"NVD\","
	"\"tags\":[]}]\n"
	"JVNDB-2024-900002 medium CVSS:3.0/AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:L/"
	"A:N\n"
	" title_ja: WordPress 用プラグイン サンプルフォーム "
	"におけるクロスサイトスクリプティングの脆弱性\n"
	" summary_ja: WordPress 用プラグイン サンプルフォーム "
	"には、格納型クロスサイトスクリプティングの脆弱性が存在します。\n"
	" published: 2024-05-18T02:57:00Z\n"
	" modified: 2024-05-18T02:57:00Z\n"
	" aliases: CVE-2024-90002\n"
	" cvss: 3.0 5.4 medium CVSS:3.0/AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:N "
	"JVN\n"
	" cpe: 0/0 cpe:2.3:a:misc:sample_sample-form:*:*:*:*:*:*:*:* "
	"unparsed\n"
	" references: [{\"url\":\"https://jvndb.jvn.jp/ja/contents/2024/"
	"JVNDB-2024-900002.html\",\"source\":\"JVNDB\",\"tags\":[]},"
	"{\"url\":\"https://www.cve.org/CVERecord?id=CVE-2024-90002\","
	"\"source\":\"CVE\",\"tags\":[]},{\"url\":\"https://example.com/"
	"advisories/17\",\"source\":\"関連文書\",\"tags\":[]}]\n";

static void t_overview(void)
{
	ym_err e;
	CHECK_INT(parse_file(FIX "overview.rdf", true, &e), 0);
	CHECK_INT(n_records, 2);
	CHECK_INT(n_warns + n_skips, 0);
	CHECK_STR(got.ptr, OVERVIEW);
}

/* English, and the namespace declarations dropped as in the MyJVN API
 * samples in circulation. */
static void t_overview_en(void)
{
	ym_err e;
	CHECK_INT(parse_file(FIX "overview-en.xml", true, &e), 0);
	CHECK_INT(n_records, 1);
	CHECK_STR(got.ptr,
		  "JVNDB-2024-900003 high CVSS:3.0/AV:A/AC:L/PR:N/UI:N/S:U/"
		  "C:H/I:H/A:H\n"
		  " title: Sample Router vulnerable to improper "
		  "authentication\n"
		  " summary: Sample Router provided by Sample Networks "
		  "contains an improper authentication vulnerability "
		  "(CWE-287).\n"
		  " published: 2024-05-21T05:48:07Z\n"
		  " modified: 2024-05-21T05:48:07Z\n"
		  " aliases: JVNVU#90000003\n"
		  " cwes: CWE-287\n"
		  " cvss: 3.0 8.8 high CVSS:3.0/AV:A/AC:L/PR:N/UI:N/S:U/C:H/"
		  "I:H/A:H JVN\n"
		  " cpe: 0/0 cpe:2.3:h:sample_networks:sample_router:*:*:*:*:"
		  "*:*:*:* unparsed\n"
		  " references: [{\"url\":\"https://jvndb.jvn.jp/en/contents/"
		  "2024/JVNDB-2024-900003.html\",\"source\":\"JVNDB\","
		  "\"tags\":[]},{\"url\":\"https://jvn.jp/en/vu/JVNVU90000003/"
		  "\",\"source\":\"JVN\",\"tags\":[]}]\n");
}

/* ---- VULDEF ---- */

static const char *DETAIL =
	"JVNDB-2024-900001 critical CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/"
	"A:H\n"
	" title_ja: サンプル製 ファイル共有サーバにおける OS "
	"コマンドインジェクションの脆弱性\n"
	" summary_ja: サンプル株式会社が提供するファイル共有サーバには、OS "
	"コマンドインジェクション (CWE-78) の脆弱性が存在します。  "
	"この脆弱性情報は、テスト用に作成した架空の情報です。\n"
	" published: 2024-05-17T03:00:00Z\n"
	" modified: 2024-05-20T00:30:15Z\n"
	" aliases: CVE-2024-90001 JVN#90000001\n"
	" cwes: CWE-78\n"
	" cvss: 3.1 9.8 critical CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H "
	"JVN\n"
	" cvss: 2.0 10.0 high AV:N/AC:L/Au:N/C:C/I:C/A:C JVN\n"
	" cpe: 0/0 cpe:2.3:a:sample:file_share_server:*:*:*:*:*:*:*:* "
	"<=2.4.3 \"ファームウェア Ver.２．４．３ およびそれ以前\"\n"
	" cpe: 0/0 cpe:2.3:a:sample:file_share_server:*:*:*:*:*:*:*:* "
	">=3.0.0 <=3.1.2 \"3.0.0 から 3.1.2 まで\"\n"
	" cpe: 1/0 cpe:2.3:a:sample:admin_tool:1.0.*:*:*:*:*:*:*:* "
	"\"1.0.x、1.1.0 及び 1.1.1\"\n"
	" cpe: 1/0 cpe:2.3:a:sample:admin_tool:1.1.0:*:*:*:*:*:*:* "
	"\"1.0.x、1.1.0 及び 1.1.1\"\n"
	" cpe: 1/0 cpe:2.3:a:sample:admin_tool:1.1.1:*:*:*:*:*:*:* "
	"\"1.0.x、1.1.0 及び 1.1.1\"\n"
	" cpe: 2/0 cpe:2.3:a:sample:agent:*:*:*:*:*:*:*:* unparsed "
	"\"すべてのバージョン (Windows 版)\"\n"
	" cpe: 3/0 cpe:2.3:a:sample:viewer:*:*:*:*:*:*:*:* unparsed "
	"\"最新版を除く全ての版\"\n"
	" cpe: 4/0 cpe:2.3:a:sample:mobile_app:*:*:*:*:*:*:*:* unparsed\n"
	" references: [{\"url\":\"https://www.example.co.jp/security/"
	"2024-001.html\",\"source\":\"サンプル株式会社\",\"tags\":"
	"[\"vendor\"]},{\"url\":\"https://www.cve.org/CVERecord?id="
	"CVE-2024-90001\",\"source\":\"Common Vulnerabilities and Exposures "
	"(CVE)\",\"tags\":[\"advisory\"]},{\"url\":\"https://nvd.nist.gov/"
	"vuln/detail/CVE-2024-90001\",\"source\":\"National Vulnerability "
	"Database (NVD)\",\"tags\":[\"advisory\"]},{\"url\":\"https://jvn.jp/"
	"jp/JVN90000001/index.html\",\"source\":\"JVN\",\"tags\":"
	"[\"advisory\"]}]\n"
	" remediations: [{\"category\":\"vendor_fix\",\"details\":"
	"\"[アップデートする] 開発者が提供する情報をもとに、"
	"最新版にアップデートしてください。\"},{\"category\":\"workaround\","
	"\"details\":\"[ワークアラウンドを実施する] "
	"次の回避策を適用することで、本脆弱性の影響を軽減することが可能です。 "
	"・管理画面へのアクセスを信頼できるネットワークに限定する\"}]\n"
	" threats: [{\"category\":\"impact\",\"details\":\"遠隔の第三者によって、"
	"任意の OS コマンドを実行される可能性があります。\"}]\n"
	"JVNDB-2024-900004 medium CVSS:3.0/AV:N/AC:L/PR:L/UI:N/S:U/C:N/I:N/"
	"A:H\n"
	" title_ja: サンプル製組込み OS における境界外書き込みの脆弱性\n"
	" summary_ja: サンプル製組込み OS "
	"には、境界外書き込みの脆弱性が存在します。\n"
	" published: 2024-05-19T08:18:00Z\n"
	" modified: 2024-05-19T08:18:00Z\n"
	" aliases: CVE-2024-90004\n"
	" cvss: 3.0 6.5 medium CVSS:3.0/AV:N/AC:L/PR:L/UI:N/S:U/C:N/I:N/A:H "
	"JVN\n"
	" cpe: 0/0 cpe:2.3:o:sample:embedded_os:*:*:*:*:*:*:*:* <4.2 "
	"\"prior to 4.2\"\n"
	" references: [{\"url\":\"https://www.cve.org/CVERecord?id="
	"CVE-2024-90004\",\"source\":\"Common Vulnerabilities and Exposures "
	"(CVE)\",\"tags\":[\"advisory\"]}]\n"
	" remediations: [{\"category\":\"vendor_fix\",\"details\":"
	"\"ベンダより正式な対策が公開されています。"
	"ベンダ情報を参照して適切な対策を実施してください。\"}]\n"
	" threats: [{\"category\":\"impact\",\"details\":"
	"\"サービス運用妨害 (DoS) 状態にされる可能性があります。\"}]\n";

static void t_detail(void)
{
	ym_err e;
	CHECK_INT(parse_file(FIX "detail.rdf", true, &e), 0);
	CHECK_INT(n_records, 2);
	CHECK_INT(n_warns + n_skips, 0);
	CHECK_STR(got.ptr, DETAIL);
}

/* A product JVN names without a CPE: vendor and product guessed from its
 * names, marked unparsed (low confidence) with the names kept; a product
 * named only in Japanese gives no guess. */
static void t_product_without_cpe(void)
{
	static const char doc[] =
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
		"<VULDEF-Document version=\"3.2\" xmlns=\"http://jvn.jp/vuldef/\">"
		"<Vulinfo><VulinfoID>JVNDB-2099-000001</VulinfoID><VulinfoData>"
		"<Title>t</Title><VulinfoDescription><Overview>o</Overview>"
		"</VulinfoDescription><Affected>"
		"<AffectedItem><Name>Example Corp.</Name>"
		"<ProductName>Example Widget</ProductName>"
		"<VersionNumber>2.0 およびそれ以前</VersionNumber></AffectedItem>"
		"<AffectedItem><Name>サンプル株式会社</Name>"
		"<ProductName>管理ツール</ProductName>"
		"<VersionNumber>1.0</VersionNumber></AffectedItem>"
		"</Affected><DateFirstPublished>2099-01-01T00:00:00+09:00"
		"</DateFirstPublished><DateLastUpdated>2099-01-01T00:00:00+09:00"
		"</DateLastUpdated></VulinfoData></Vulinfo></VULDEF-Document>";
	ym_err e;
	CHECK_INT(parse_text(doc, sizeof doc - 1, "t.xml", false, &e), 0);
	CHECK_INT(n_records, 1);
	const char *cpe = strstr(got.ptr, " cpe: ");
	CHECK(cpe != NULL);
	CHECK_STR(cpe ? cpe : "",
		  " cpe: 0/0 cpe:2.3:a:example:widget:*:*:*:*:*:*:*:*"
		  " <=2.0 unparsed \"name: Example Corp. Example Widget; 2.0 "
		  "およびそれ以前\"\n");
}

/* ---- documents refused ---- */

static void t_not_vulnerability_feeds(void)
{
	ym_err e;
	CHECK_INT(parse_file(FIX "product-list.rdf", false, &e),
		  YM_E_UNSUPPORTED);
	CHECK_STR(ERRF(&e), "product-list.rdf:2: not a vulnerability feed: "
			    "<Result> is a MyJVN product, vendor or "
			    "statistics list");
	const char *atom =
		"<feed xml:lang=\"ja\"><title>title</title><entry><sec:items>"
		"<sec:item><sec:identifier>MYJVN-ALT-2024-0001</sec:identifier>"
		"</sec:item></sec:items></entry></feed>";
	CHECK_INT(parse_text(atom, strlen(atom), "alerts.xml", false, &e),
		  YM_E_UNSUPPORTED);
	CHECK_STR(ERRF(&e), "alerts.xml:1: not a vulnerability feed: <feed> "
			    "is a MyJVN alert list");
	const char *other = "<?xml version=\"1.0\"?>\n<!-- x -->\n<cve/>";
	CHECK_INT(parse_text(other, strlen(other), "x.xml", false, &e),
		  YM_E_UNSUPPORTED);
	CHECK_STR(ERRF(&e),
		  "x.xml:3: not a JVN feed: unexpected root element <cve>");
	CHECK_INT(n_records, 0);
}

static void t_api_error(void)
{
	ym_err e;
	CHECK_INT(parse_file(FIX "api-error.xml", false, &e), YM_E_INVALID);
	CHECK_STR(ERRF(&e), "api-error.xml:6: status:Status/@retCd: MyJVN "
			    "API error E1005: パラメータが不正です");
}

static void t_page_info(void)
{
	ym_buf b = YM_BUF_INIT;
	ym_err e = YM_ERR_INIT;
	long t, r, f;
	const struct {
		const char *file;
		int rc;
		long t, r, f;
	} cases[] = {
		{FIX "overview.rdf", 0, 120, 2, 51},
		{FIX "overview-en.xml", 0, 1, 1, 1},
		{FIX "detail.rdf", 0, 2, 2, -1},
		{FIX "product-list.rdf", 0, 1, 1, 1},
		{FIX "api-error.xml", YM_E_INVALID, -1, -1, -1},
		{FIX "bad/missing-id.rdf", YM_E_NOTFOUND, -1, -1, -1},
		{FIX "bad/truncated.rdf", YM_E_PARSE, -1, -1, -1},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		ym_buf_reset(&b);
		CHECK_INT(ym_buf_read_file(&b, cases[i].file, &e), 0);
		CHECK_INT(ym_jvn_page_info(b.ptr, b.len, cases[i].file, &t, &r,
					   &f, &e),
			  cases[i].rc);
		CHECK_INT(t, cases[i].t);
		CHECK_INT(r, cases[i].r);
		CHECK_INT(f, cases[i].f);
	}
	CHECK_STR(e.msg, "not well-formed XML: expected '>'");
	const char *bad = "<rdf:RDF><status:Status retCd=\"0\" "
			  "totalRes=\"12x\"/></rdf:RDF>";
	CHECK_INT(ym_jvn_page_info(bad, strlen(bad), "p.xml", &t, NULL, NULL,
				   &e),
		  YM_E_INVALID);
	CHECK_STR(ERRF(&e), "p.xml:1: status:Status/@totalRes: totalRes "
			    "'12x' is not a number");
	const char *none = "<rdf:RDF/>";
	CHECK_INT(ym_jvn_page_info(none, strlen(none), "n.xml", NULL, NULL,
				   NULL, NULL),
		  YM_E_NOTFOUND);
	ym_buf_release(&b);
}

/* ---- malformed files ---- */

static void t_bad_files(void)
{
	const struct {
		const char *file;
		int rc;
		const char *msg;
	} cases[] = {
		{"not-xml.txt", YM_E_PARSE,
		 "not-xml.txt:1:1: not well-formed XML: Document is empty"},
		{"empty.rdf", YM_E_PARSE,
		 "empty.rdf:1:1: not well-formed XML: empty document"},
		{"truncated.rdf", YM_E_PARSE,
		 "truncated.rdf:28:75: not well-formed XML: expected '>'"},
		{"mismatch.rdf", YM_E_PARSE,
		 "mismatch.rdf:42:68: not well-formed XML: Opening and ending "
		 "tag mismatch: title line 42 and titel"},
		{"doctype.rdf", YM_E_INVALID,
		 "doctype.rdf:3: a document type declaration is not allowed "
		 "in a JVN feed"},
		{"utf16.xml", YM_E_UNSUPPORTED,
		 "utf16.xml:1:1: JVN feeds are UTF-8; UTF-16 and UTF-32 "
		 "documents are not read"},
		{"shift_jis.rdf", YM_E_UNSUPPORTED,
		 "shift_jis.rdf:1:1: JVN feeds are UTF-8; encoding 'Shift_JIS' "
		 "is not read"},
		{"deep.rdf", YM_E_PARSE,
		 "deep.rdf:3:774: not well-formed XML: Excessive depth in "
		 "document: 256 use XML_PARSE_HUGE option"},
	};
	char path[256];
	ym_err e;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		snprintf(path, sizeof path, FIX "bad/%s", cases[i].file);
		for (int strict = 0; strict < 2; strict++) {
			CHECK_INT(parse_file(path, strict, &e), cases[i].rc);
			CHECK_INT(e.code, cases[i].rc);
			CHECK_STR(ERRF(&e), cases[i].msg);
			CHECK_INT(n_records, 0);
		}
	}
}

/* A record without an identifier (or with a bad one) is skipped, or
 * stops a strict parse. */
static void t_skip_and_strict(void)
{
	ym_err e;
	CHECK_INT(parse_file(FIX "bad/missing-id.rdf", false, &e), 0);
	CHECK_INT(n_records, 2);
	CHECK_INT(n_skips, 2);
	CHECK_STR(events.ptr,
		  "skip missing-id.rdf:8: item[1]/sec:identifier: record has "
		  "no identifier (required)\n"
		  "skip missing-id.rdf:12: item[2]/sec:identifier: identifier "
		  "'JVNDB 2024 900013' is not a JVN id\n");
	CHECK(strstr(got.ptr, "JVNDB-2024-900011 unknown -\n") == got.ptr);
	CHECK(strstr(got.ptr, "JVNDB-2024-900014 unknown -\n") != NULL);
	CHECK(e.code == 0);

	CHECK_INT(parse_file(FIX "bad/missing-id.rdf", true, &e),
		  YM_E_INVALID);
	CHECK_INT(n_records, 1);
	CHECK_INT(n_skips, 0);
	CHECK_STR(e.file, "missing-id.rdf");
	CHECK_INT(e.line, 8);
	CHECK_STR(e.field, "item[1]/sec:identifier");
	CHECK_STR(e.record, "");
}

/* Values that only degrade a record: warnings by default, the record
 * rejected in strict mode. */
static void t_degraded_values(void)
{
	ym_err e;
	CHECK_INT(parse_file(FIX "bad/bad-values.rdf", false, &e), 0);
	CHECK_INT(n_records, 2);
	CHECK_INT(n_warns, 4);
	CHECK_STR(events.ptr,
		  "warn bad-values.rdf:11: record JVNDB-2024-900021: "
		  "Vulinfo[0]/VulinfoData/Affected/AffectedItem[0]/Cpe: "
		  "invalid CPE 'cpe:/x:sample:broken': invalid part 'x' at "
		  "position 5 (a, o or h)\n"
		  "warn bad-values.rdf:24: record JVNDB-2024-900021: "
		  "Vulinfo[0]/VulinfoData/Impact/Cvss[0]/Base: CVSS score "
		  "'高' is not a number from 0 to 10\n"
		  "warn bad-values.rdf:27: record JVNDB-2024-900021: "
		  "Vulinfo[0]/VulinfoData/Impact/Cvss[1]/@version: unknown "
		  "CVSS version '5.0'\n"
		  "warn bad-values.rdf:33: record JVNDB-2024-900021: "
		  "Vulinfo[0]/VulinfoData/DateFirstPublished: "
		  "'2024-13-45T10:00:00+09:00' is not an ISO 8601 date\n");
	CHECK_STR(got.ptr,
		  "JVNDB-2024-900021 high CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:U/"
		  "C:H/I:H/A:H\n"
		  " title_ja: 値の壊れたレコード\n"
		  " modified: 2024-05-20T01:00:00Z\n"
		  " cvss: 3.0 -1.0 high CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:U/C:H/"
		  "I:H/A:H JVN\n"
		  " cpe: 0/0 cpe:2.3:a:sample:fine:*:*:*:*:*:*:*:* <=1.0 "
		  "\"1.0 以前\"\n"
		  "JVNDB-2024-900022 unknown -\n"
		  " title_ja: 正常なレコード\n"
		  " modified: 2024-05-20T01:00:00Z\n");

	CHECK_INT(parse_file(FIX "bad/bad-values.rdf", true, &e),
		  YM_E_INVALID);
	CHECK_INT(n_records, 0);
	CHECK_STR(ERRF(&e),
		  "bad-values.rdf:11: record JVNDB-2024-900021: "
		  "Vulinfo[0]/VulinfoData/Affected/AffectedItem[0]/Cpe: "
		  "invalid CPE 'cpe:/x:sample:broken': invalid part 'x' at "
		  "position 5 (a, o or h)");
}

static void t_sink_stops(void)
{
	ym_err e;
	ym_feed_ctx fc = {.vuln = sink};
	ym_buf b = YM_BUF_INIT;
	CHECK_INT(ym_buf_read_file(&b, FIX "detail.rdf", &e), 0);
	reset();
	stop_after = 1;
	CHECK_INT(ym_jvn_parse(b.ptr, b.len, "d.rdf", &A, &fc, &e),
		  YM_E_STORE);
	CHECK_INT(n_records, 1);
	CHECK_STR(e.msg, "sink stopped");
	/* no sink at all: records are dropped, no error */
	ym_feed_ctx none = {0};
	CHECK_INT(ym_jvn_parse(b.ptr, b.len, "d.rdf", &A, &none, &e), 0);
	CHECK_INT(ym_jvn_parse(b.ptr, b.len, "d.rdf", &A, NULL, NULL), 0);
	ym_buf_release(&b);
}

/* ---- inline documents: XML details ---- */

static void t_xml_text(void)
{
	ym_err e;
	/* CDATA, entities, character references, CR LF, nested markup
	 * inside a text field, unknown elements, whitespace around */
	const char *doc =
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n"
		"<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-"
		"ns#\" xmlns=\"http://purl.org/rss/1.0/\" xmlns:sec=\"http://"
		"jvn.jp/rss/mod_sec/3.0/\" xmlns:x=\"urn:x\">\r\n"
		"<item><x:unknown a=\"1\"><title>ignored</title></x:unknown>"
		"<title>  <![CDATA[<&> の脆弱性]]> &amp; &#x8106;&#24369;性"
		"&#13;\r\n二行目\t</title>\n"
		"<description><b>太字</b>と本文</description>"
		"<sec:identifier>\n JVNDB-2024-900031 \n</sec:identifier>"
		"<sec:identifier>JVNDB-2024-999999</sec:identifier>"
		"<sec:cvss version=\"3.1\" score=\"7.5\" vector=\"CVSS:3.1/AV:"
		"N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N\" type=\"Base\"/>"
		"<sec:cvss version=\"3.1\" score=\"5.0\" type=\"Temporal\"/>"
		"<sec:cvss version=\"2.0\" score=\"0.0\"/>"
		"<sec:references id=\"CVE-2024-90031\">https://example.com/a"
		"</sec:references>"
		"<sec:references source=\"NVD\" id=\"CVE-2024-90031\"/>"
		"<sec:references id=\"CVE-24-1\">https://example.com/b"
		"</sec:references>"
		"<dc:date>2024-02-29T23:30:00-05:00</dc:date></item>"
		"</rdf:RDF>";
	CHECK_INT(parse_text(doc, strlen(doc), "x.rdf", true, &e), 0);
	CHECK_INT(n_records, 1);
	CHECK_STR(got.ptr,
		  "JVNDB-2024-900031 high CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/"
		  "C:H/I:N/A:N\n"
		  " title_ja: <&> の脆弱性 & 脆弱性\n二行目\n"
		  " summary_ja: 太字と本文\n"
		  " published: 2024-03-01T04:30:00Z\n"
		  " modified: 2024-03-01T04:30:00Z\n"
		  " aliases: CVE-2024-90031\n"
		  " cvss: 3.1 7.5 - CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/"
		  "A:N JVN\n"
		  " cvss: 2.0 0.0 - - JVN\n"
		  " references: [{\"url\":\"https://example.com/a\",\"tags\":"
		  "[]},{\"url\":\"https://example.com/b\",\"tags\":[]}]\n");
}

/* Only UTF-8 is read: libxml2 never converts. */
static void t_encodings(void)
{
	ym_err e;
	const char *ok[] = {
		"<?xml version=\"1.0\" encoding=\"utf-8\"?><rdf:RDF/>",
		"<?xml version='1.0' encoding = 'US-ASCII' ?><rdf:RDF/>",
		"\xef\xbb\xbf<?xml version=\"1.0\"?>\n<rdf:RDF/>",
		"<?xml-stylesheet href=\"encoding='x'\"?><rdf:RDF/>",
	};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
		CHECK_INT(parse_text(ok[i], strlen(ok[i]), "e.rdf", true, &e),
			  0);
	const char *no[][2] = {
		{"<?xml version=\"1.0\" encoding=\"ISO-2022-JP\"?><rdf:RDF/>",
		 "e.rdf:1:1: JVN feeds are UTF-8; encoding 'ISO-2022-JP' is "
		 "not read"},
		{"<?xml version=\"1.0\" encoding=\"EUC-JP\"?><rdf:RDF/>",
		 "e.rdf:1:1: JVN feeds are UTF-8; encoding 'EUC-JP' is not "
		 "read"},
		{"\x4c\x6f\xa7\x94\x93\x40",
		 "e.rdf:1:1: JVN feeds are UTF-8; encoding 'EBCDIC' is not "
		 "read"},
		{"<\0?\0x\0",
		 "e.rdf:1:1: JVN feeds are UTF-8; UTF-16 and UTF-32 documents "
		 "are not read"},
	};
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++) {
		size_t n = i == 3 ? 6 : strlen(no[i][0]);
		CHECK_INT(parse_text(no[i][0], n, "e.rdf", false, &e),
			  YM_E_UNSUPPORTED);
		CHECK_STR(ERRF(&e), no[i][1]);
	}
}

/* Severity from the score when the rating is missing; dates. */
static void t_severity_and_dates(void)
{
	ym_err e;
	const struct {
		const char *cvss, *want;
	} cases[] = {
		{"<Cvss version=\"3.0\"><Base>9.0</Base></Cvss>", "critical"},
		{"<Cvss version=\"3.0\"><Base>0</Base></Cvss>", "none"},
		{"<Cvss version=\"3.1\"><Base>3.9</Base></Cvss>", "low"},
		{"<Cvss version=\"2.0\"><Base>9.9</Base></Cvss>", "high"},
		{"<Cvss version=\"2.0\"><Base>4.0</Base></Cvss>", "medium"},
		{"<Cvss version=\"4.0\"><Severity>Low</Severity><Base>9.3"
		 "</Base></Cvss><Cvss version=\"3.1\"><Base>9.8</Base></Cvss>",
		 "low"},
		{"<Cvss version=\"3.0\"><Severity>Unknown</Severity>"
		 "<Vector>CVSS:3.0/AV:N</Vector></Cvss>",
		 "unknown"},
		{"", "unknown"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char doc[1024];
		snprintf(doc, sizeof doc,
			 "<VULDEF-Document><Vulinfo><VulinfoID>JVNDB-1"
			 "</VulinfoID><VulinfoData><Impact>%s</Impact>"
			 "</VulinfoData></Vulinfo></VULDEF-Document>",
			 cases[i].cvss);
		CHECK_INT(parse_text(doc, strlen(doc), "s.rdf", true, &e), 0);
		char want[64];
		snprintf(want, sizeof want, "JVNDB-1 %s", cases[i].want);
		CHECK(strncmp(got.ptr, want, strlen(want)) == 0);
	}
	const struct {
		const char *in, *out;
	} dates[] = {
		{"2023-01-05T08:02+09:00", "2023-01-04T23:02:00Z"},
		{"2024-01-01T08:59:59+09:00", "2023-12-31T23:59:59Z"},
		{"2024-03-01T00:00:00Z", "2024-03-01T00:00:00Z"},
		{"2024-03-01T00:00:00.123+00:00", "2024-03-01T00:00:00Z"},
		{"2024-03-01 12:00:00", "2024-03-01T12:00:00Z"},
		{"2024-03-01", "2024-03-01"},
		{"2023-02-29T00:00:00Z", NULL},
		{"2024-03-01T24:00:00Z", NULL},
		{"2024-03-01T12:00:00+9:00", NULL},
		{"2024/03/01", NULL},
		{"令和6年3月1日", NULL},
	};
	for (size_t i = 0; i < sizeof dates / sizeof dates[0]; i++) {
		char doc[512];
		snprintf(doc, sizeof doc,
			 "<VULDEF-Document><Vulinfo><VulinfoID>JVNDB-1"
			 "</VulinfoID><VulinfoData><DateLastUpdated>%s"
			 "</DateLastUpdated></VulinfoData></Vulinfo>"
			 "</VULDEF-Document>",
			 dates[i].in);
		CHECK_INT(parse_text(doc, strlen(doc), "d.rdf", false, &e), 0);
		if (dates[i].out) {
			char want[128];
			snprintf(want, sizeof want, " modified: %s\n",
				 dates[i].out);
			CHECK(strstr(got.ptr, want) != NULL);
			CHECK_INT(n_warns, 0);
		} else {
			CHECK(strstr(got.ptr, "modified") == NULL);
			CHECK_INT(n_warns, 1);
		}
	}
}

/* Solution text split at its "[...]" headings. */
static void t_remediations(void)
{
	ym_err e;
	const char *doc =
		"<VULDEF-Document xml:lang=\"ja\"><Vulinfo><VulinfoID>JVNDB-2"
		"</VulinfoID><VulinfoData><Solution><SolutionItem><Description>"
		"対策は次のとおりです。 [パッチを適用する] 修正パッチを適用して"
		"ください。 [設定を変更する] 機能 [A] を無効にしてください。"
		"</Description></SolutionItem><SolutionItem><Description>"
		"[Apply workarounds] Block port 80.</Description></SolutionItem>"
		"<SolutionItem><Description>[使用を停止する]</Description>"
		"</SolutionItem><SolutionItem><Description/></SolutionItem>"
		"</Solution></VulinfoData></Vulinfo></VULDEF-Document>";
	CHECK_INT(parse_text(doc, strlen(doc), "r.rdf", true, &e), 0);
	CHECK_STR(got.ptr,
		  "JVNDB-2 unknown -\n"
		  " remediations: [{\"category\":\"mitigation\",\"details\":"
		  "\"対策は次のとおりです。\"},{\"category\":\"vendor_fix\","
		  "\"details\":\"[パッチを適用する] "
		  "修正パッチを適用してください。\"},{\"category\":"
		  "\"mitigation\",\"details\":\"[設定を変更する] 機能 [A] "
		  "を無効にしてください。\"},{\"category\":\"workaround\","
		  "\"details\":\"[Apply workarounds] Block port 80.\"},"
		  "{\"category\":\"mitigation\",\"details\":\"[使用を停止する]"
		  "\"}]\n");
}

/* ---- limits ---- */

static void t_limits(void)
{
	ym_err e;
	ym_buf doc = YM_BUF_INIT;
	/* a text field over YM_JVN_MAX_FIELD rejects its record only */
	ym_buf_adds(&doc, "<rdf:RDF><item><sec:identifier>JVNDB-3"
			  "</sec:identifier><title>");
	for (size_t i = 0; i < YM_JVN_MAX_FIELD / 3 + 10; i++)
		ym_buf_adds(&doc, "脆");
	ym_buf_adds(&doc, "</title></item><item><sec:identifier>JVNDB-4"
			  "</sec:identifier></item></rdf:RDF>");
	CHECK_INT(parse_text(doc.ptr, doc.len, "big.rdf", false, &e), 0);
	CHECK_INT(n_records, 1);
	CHECK_INT(n_skips, 1);
	CHECK_STR(events.ptr, "skip big.rdf:1: record JVNDB-3: item[0]/title: "
			      "text longer than 1048576 bytes\n");
	CHECK_INT(parse_text(doc.ptr, doc.len, "big.rdf", true, &e),
		  YM_E_INVALID);

	/* too many entries of one kind */
	ym_buf_reset(&doc);
	ym_buf_adds(&doc, "<rdf:RDF><item><sec:identifier>JVNDB-5"
			  "</sec:identifier>");
	for (int i = 0; i < 10001; i++)
		ym_buf_printf(&doc, "<sec:references>https://e.x/%d"
				    "</sec:references>",
			      i);
	ym_buf_adds(&doc, "</item></rdf:RDF>");
	CHECK_INT(parse_text(doc.ptr, doc.len, "many.rdf", false, &e), 0);
	CHECK_INT(n_records, 0);
	CHECK_INT(n_skips, 1);
	CHECK_STR(events.ptr,
		  "skip many.rdf:1: record JVNDB-5: item[0]/sec:references: "
		  "more than 10000 entries of this kind in one record\n");

	/* a long attribute */
	ym_buf_reset(&doc);
	ym_buf_adds(&doc, "<rdf:RDF><item><sec:identifier>JVNDB-6"
			  "</sec:identifier><sec:cvss version=\"");
	ym_buf_addn(&doc, '3', YM_JVN_MAX_FIELD + 1);
	ym_buf_adds(&doc, "\"/></item></rdf:RDF>");
	CHECK_INT(parse_text(doc.ptr, doc.len, "attr.rdf", false, &e), 0);
	CHECK_INT(n_skips, 1);
	CHECK(strstr(events.ptr, "attribute 'version' longer than") != NULL);

	/* a record nested deeper than the walker reads is still consumed */
	ym_buf_reset(&doc);
	ym_buf_adds(&doc, "<VULDEF-Document><Vulinfo><VulinfoID>JVNDB-7"
			  "</VulinfoID>");
	for (int i = 0; i < 40; i++)
		ym_buf_adds(&doc, "<VulinfoData>");
	ym_buf_adds(&doc, "<Title>deep</Title>");
	for (int i = 0; i < 40; i++)
		ym_buf_adds(&doc, "</VulinfoData>");
	ym_buf_adds(&doc, "</Vulinfo></VULDEF-Document>");
	CHECK_INT(parse_text(doc.ptr, doc.len, "deep.rdf", true, &e), 0);
	CHECK_STR(got.ptr, "JVNDB-7 unknown -\n");
	ym_buf_release(&doc);

	/* over YM_JVN_MAX_BYTES: refused before reading */
	CHECK_INT(ym_jvn_parse("<a/>", YM_JVN_MAX_BYTES + 1, "huge.rdf", &A,
			       NULL, &e),
		  YM_E_TOOBIG);
}

/* ---- the shared samples (skipped when ../shared/data is absent) ---- */

static void t_shared_samples(void)
{
	struct stat st;
	if (stat("../shared/data/jvn/MANIFEST.md", &st) != 0)
		return;
	const struct {
		const char *file;
		int rc, records, cpes;
	} cases[] = {
		{"feeds/jvndb.rdf", 0, 1, 1},
		{"feeds/jvndb_2007.rdf", 0, 1, 1},
		{"feeds/jvndb_2011.rdf", 0, 1, 1},
		{"feeds/jvndb_2021.rdf", 0, 1, 1},
		{"feeds/jvndb_2023.rdf", 0, 2, 2},
		{"feeds/jvndb_detail_2021.rdf", 0, 1, 3},
		{"feeds/jvndb_detail_2022.rdf", 0, 2, 1},
		{"feeds/myjvn_product_202311.rdf", YM_E_UNSUPPORTED, 0, 0},
		{"myjvn-api/2018-jvnrss-sample-1.xml", 0, 2, 2},
		{"myjvn-api/2018-status-sample.xml", YM_E_INVALID, 0, 0},
		{"myjvn-api/2018-vuldef-sample-1.xml", 0, 2, 2},
		{"myjvn-api/getProductList.xml", YM_E_UNSUPPORTED, 0, 0},
		{"myjvn-api/getVendorList.xml", YM_E_UNSUPPORTED, 0, 0},
		{"myjvn-api/getVulnDetailInfo.xml", 0, 1, 3},
		{"myjvn-api/getVulnOverviewList.xml", 0, 1, 1},
	};
	char path[256];
	ym_err e;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		snprintf(path, sizeof path, "../shared/data/jvn/%s",
			 cases[i].file);
		for (int strict = 0; strict < 2; strict++) {
			int rc = parse_file(path, strict, &e);
			if (rc != cases[i].rc || n_records != cases[i].records)
				fprintf(stderr, "  %s: rc %d, %d records\n",
					cases[i].file, rc, n_records);
			CHECK_INT(rc, cases[i].rc);
			CHECK_INT(n_records, cases[i].records);
			CHECK_INT(n_skips + n_warns, 0);
			int cpes = 0;
			for (const char *p = got.ptr; (p = strstr(p, " cpe: "));
			     p++)
				cpes++;
			CHECK_INT(cpes, cases[i].cpes);
		}
	}
}

/* ---- checksum.txt ---- */

static void t_checksum_json(void)
{
	ym_buf b = YM_BUF_INIT, f = YM_BUF_INIT;
	ym_err e = YM_ERR_INIT;
	ym_jvn_checksums l;
	CHECK_INT(ym_buf_read_file(&b, FIX "checksum.txt", &e), 0);
	CHECK_INT(ym_jvn_checksums_parse(b.ptr, b.len, "checksum.txt", &A, &l,
					 &e),
		  0);
	CHECK_INT(l.n, 3);
	CHECK_STR(l.v[0].filename, "overview.rdf");
	CHECK_STR(l.v[0].url, "https://jvndb.jvn.jp/ja/rss/jvndb.rdf");
	CHECK_INT(l.v[0].size, 4004);
	CHECK_STR(l.v[0].last_modified, "2024/05/20 12:00:04");
	char hex[65];
	ym_hex(l.v[1].sha256, 32, hex);
	CHECK_STR(hex, "9e3b33202e91abaacd9e07323752b23b"
		       "cc6c00fbe88b0ebd89af5718843996b7");

	CHECK_INT(ym_buf_read_file(&f, FIX "detail.rdf", &e), 0);
	CHECK_INT(ym_jvn_checksum_verify(&l, FIX "detail.rdf", f.ptr, f.len,
					 &e),
		  0);
	/* one byte changed */
	f.ptr[100] ^= 1;
	CHECK_INT(ym_jvn_checksum_verify(&l, "detail.rdf", f.ptr, f.len, &e),
		  YM_E_INVALID);
	CHECK(strstr(e.msg, "detail.rdf: sha256 mismatch: checksum list "
			    "says 9e3b3320") == e.msg);
	/* one byte short */
	CHECK_INT(ym_jvn_checksum_verify(&l, "detail.rdf", f.ptr, f.len - 1,
					 &e),
		  YM_E_INVALID);
	CHECK_STR(e.msg, "detail.rdf: size mismatch: checksum list says 7846 "
			 "bytes, the file has 7845");
	CHECK_INT(ym_jvn_checksum_verify(&l, "jvndb_2030.rdf", f.ptr, f.len,
					 &e),
		  YM_E_NOTFOUND);
	CHECK_STR(e.msg, "jvndb_2030.rdf: not in the checksum list");
	CHECK(ym_jvn_checksum_find(&l, "/tmp/x/myjvn_product_202405.rdf") ==
	      &l.v[2]);

	/* the sha256sum form of the same files */
	ym_buf_reset(&b);
	CHECK_INT(ym_buf_read_file(&b, FIX "checksum.sha256", &e), 0);
	ym_jvn_checksums g;
	CHECK_INT(ym_jvn_checksums_parse(b.ptr, b.len, "checksum.sha256", &A,
					 &g, &e),
		  0);
	CHECK_INT(g.n, 2);
	CHECK_INT(g.v[0].size, -1);
	CHECK(g.v[0].url == NULL);
	CHECK(memcmp(g.v[0].sha256, l.v[0].sha256, 32) == 0);
	f.ptr[100] ^= 1;
	CHECK_INT(ym_jvn_checksum_verify(&g, "detail.rdf", f.ptr, f.len, &e),
		  0);
	ym_buf_release(&b);
	ym_buf_release(&f);
}

static void t_checksum_forms(void)
{
	ym_jvn_checksums l;
	ym_err e;
	const char *h = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991"
			"b7852b855";
	char text[1024];
	/* old JSON form: no filename, named by the url; BSD tag lines */
	snprintf(text, sizeof text,
		 "\xef\xbb\xbf [{\"url\":\"https://jvndb.jvn.jp/ja/feed/detail/"
		 "jvndb_detail_2011.rdf\",\"sha256\":\"%s\",\"lastModified\":"
		 "null}]",
		 h);
	CHECK_INT(ym_jvn_checksums_parse(text, strlen(text), "c", &A, &l, &e),
		  0);
	CHECK_STR(l.v[0].filename, "jvndb_detail_2011.rdf");
	CHECK(l.v[0].last_modified == NULL);
	CHECK_INT(ym_jvn_checksum_verify(&l, "jvndb_detail_2011.rdf", "", 0,
					 &e),
		  0);
	snprintf(text, sizeof text,
		 "SHA256 (jvndb (1).rdf) = %s\r\n\n  # comment\n%s *b.rdf", h,
		 h);
	CHECK_INT(ym_jvn_checksums_parse(text, strlen(text), "c", &A, &l, &e),
		  0);
	CHECK_INT(l.n, 2);
	CHECK_STR(l.v[0].filename, "jvndb (1).rdf");
	CHECK_STR(l.v[1].filename, "b.rdf");
	CHECK_INT(ym_jvn_checksums_parse("", 0, "c", &A, &l, &e), 0);
	CHECK_INT(l.n, 0);

	const struct {
		const char *text;
		int rc;
		const char *err;
	} bad[] = {
		{"[{\"filename\":\"a\",\"sha256\":\"12\"}]", YM_E_INVALID,
		 "c:1:27: [0].sha256: sha256 is not 64 hex digits"},
		{"[{\"filename\":\"a\"}]", YM_E_INVALID,
		 "c:1:2: [0].sha256: entry has no sha256"},
		{"[{\"sha256\":\"%s\"}]", YM_E_INVALID,
		 "c:1:2: [0].filename: entry has no file name"},
		{"[{\"filename\":7,\"sha256\":\"%s\"}]", YM_E_INVALID,
		 "c:1:14: [0].filename: expected string, got number"},
		{"[{\"filename\":\"a\",\"sha256\":\"%s\",\"size\":-1}]",
		 YM_E_INVALID,
		 "c:1:101: [0].size: size is not a non-negative integer"},
		{"[{\"filename\":\"a\",\"sha256\":\"%s\"},{\"filename\":\"a\","
		 "\"sha256\":\"%s\"}]",
		 YM_E_INVALID, "c:1:95: [1].filename: 'a' is listed twice"},
		{"[7]", YM_E_INVALID, "c:1:2: [0]: expected object, got number"},
		{"{}", YM_E_INVALID,
		 "c:1:1: line 1: expected 'SHA256  FILE' (64 hex digits, two "
		 "spaces, the file name)"},
		{"[{\"filename\":", YM_E_PARSE, NULL},
		{"%s  \n", YM_E_INVALID,
		 "c:1:67: line 1: entry has no file name"},
		{"%s\ta\n", YM_E_INVALID,
		 "c:1:1: line 1: expected 'SHA256  FILE' (64 hex digits, two "
		 "spaces, the file name)"},
		{"SHA256 (a) = 12\n", YM_E_INVALID,
		 "c:1:14: line 1: sha256 is not 64 hex digits"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
		snprintf(text, sizeof text, bad[i].text, h, h);
#pragma GCC diagnostic pop
		ym_err_clear(&e);
		CHECK_INT(ym_jvn_checksums_parse(text, strlen(text), "c", &A,
						 &l, &e),
			  bad[i].rc);
		if (bad[i].err)
			CHECK_STR(ERRF(&e), bad[i].err);
		CHECK(l.n == 0 && l.v == NULL);
	}
}

int main(void)
{
	ym_arena_init(&A, 0);
	RUN(t_overview);
	RUN(t_overview_en);
	RUN(t_detail);
	RUN(t_product_without_cpe);
	RUN(t_not_vulnerability_feeds);
	RUN(t_api_error);
	RUN(t_page_info);
	RUN(t_bad_files);
	RUN(t_skip_and_strict);
	RUN(t_degraded_values);
	RUN(t_sink_stops);
	RUN(t_xml_text);
	RUN(t_encodings);
	RUN(t_severity_and_dates);
	RUN(t_remediations);
	RUN(t_limits);
	RUN(t_shared_samples);
	RUN(t_checksum_json);
	RUN(t_checksum_forms);
	ym_buf_release(&got);
	ym_buf_release(&events);
	ym_arena_release(&A);
	return test_done();
}
