/* Unit tests for feeds/csaf: every field of every record of the fixtures
 * in tests/fixtures/csaf, product tree resolution, VEX, Japanese and CSAF
 * 2.1 documents, warnings, strict and skip behaviour, and files that are
 * not CSAF. */
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "feeds/csaf.h"
#include "test.h"

static ym_arena A;
static ym_buf got = YM_BUF_INIT;      /* every emitted record */
static ym_buf warnings = YM_BUF_INIT; /* warnings and skips */
static int n_records, n_warnings, n_skips;

static const char *s(const char *x)
{
	return x ? x : "-";
}

static int sink(const ym_vuln *v, void *ctx, ym_err *err)
{
	(void)ctx;
	(void)err;
	n_records++;
	ym_buf_printf(&got, "%s|%s|%s|%s|%s|%s\n", s(v->record_id),
		      s(v->vuln_id), s(v->identity), s(v->source),
		      s(v->source_file), s(v->status));
	ym_buf_printf(&got, " title=%s|title_ja=%s\n", s(v->title),
		      s(v->title_ja));
	ym_buf_printf(&got, " summary=%s|summary_ja=%s\n", s(v->summary),
		      s(v->summary_ja));
	ym_buf_printf(&got, " details=%s\n", s(v->details));
	ym_buf_printf(&got, " severity=%s|vector=%s|published=%s|modified=%s"
			    "|withdrawn=%s|rejected=%d\n",
		      s(v->severity), s(v->cvss_vector), s(v->published),
		      s(v->modified), s(v->withdrawn), v->rejected);
	ym_buf_adds(&got, " aliases=");
	for (size_t i = 0; v->aliases && v->aliases[i]; i++)
		ym_buf_printf(&got, "%s%s", i ? "," : "", v->aliases[i]);
	ym_buf_adds(&got, "|cwes=");
	for (size_t i = 0; v->cwes && v->cwes[i]; i++)
		ym_buf_printf(&got, "%s%s", i ? "," : "", v->cwes[i]);
	ym_buf_printf(&got, "\n refs=%s\n", s(v->references));
	ym_buf_printf(&got, " remediations=%s\n", s(v->remediations));
	ym_buf_printf(&got, " threats=%s\n", s(v->threats));
	for (size_t i = 0; i < v->n_cvss; i++) {
		const ym_cvss_entry *c = &v->cvss[i];
		ym_buf_printf(&got, " cvss %s %s %.1f %s %s %s\n", s(c->version),
			      s(c->vector), c->base_score, s(c->severity),
			      s(c->origin), s(c->kind));
	}
	for (size_t i = 0; i < v->n_products; i++) {
		const ym_product_status *p = &v->products[i];
		ym_buf_printf(&got, " %s %s [%s] %s %s %s %s\n", p->status,
			      p->product_id, s(p->name), s(p->cpe), s(p->purl),
			      s(p->justification), s(p->impact));
	}
	/* ranges derived from versioned purls (known_affected; fixed for
	 * distribution packages) */
	for (size_t i = 0; i < v->n_ranges; i++) {
		const ym_affected_range *r = &v->ranges[i];
		ym_buf_printf(&got, " range %s %s %s %s\n", r->ecosystem,
			      r->package, r->range_type,
			      r->events ? r->events : s(r->versions));
	}
	if (v->n_cpes || v->ssvc)
		ym_buf_adds(&got, " UNEXPECTED cpes/ssvc\n");
	return 0;
}

static void line_of(const ym_err *e, const char *kind)
{
	ym_buf_printf(&warnings, "%s %ld:%ld %s|%s|%s\n", kind, e->line,
		      e->column, e->record, e->field, e->msg);
}

static void on_warn(const ym_err *w, void *ctx)
{
	(void)ctx;
	n_warnings++;
	line_of(w, "warn");
}

static void on_skip(const ym_err *e, void *ctx)
{
	(void)ctx;
	n_skips++;
	line_of(e, "skip");
}

static const ym_feed_ctx LAX = {
	.vuln = sink, .warn = on_warn, .skip = on_skip};
static const ym_feed_ctx STRICT = {
	.strict = true, .vuln = sink, .warn = on_warn, .skip = on_skip};

static void reset(void)
{
	ym_buf_reset(&got);
	ym_buf_reset(&warnings);
	n_records = n_warnings = n_skips = 0;
	ym_arena_reset(&A);
}

/* Parses a fixture file; returns the parser's code. */
static int parse_file(const char *path, const ym_feed_ctx *fc, ym_err *e)
{
	ym_buf b = YM_BUF_INIT;
	int rc = ym_buf_read_file(&b, path, e);
	if (rc == 0)
		rc = ym_csaf_parse(b.ptr, b.len, path, &A, fc, e);
	ym_buf_release(&b);
	return rc;
}

static int parse_str(const char *text, const ym_feed_ctx *fc, ym_err *e)
{
	return ym_csaf_parse(text, strlen(text), "t.json", &A, fc, e);
}

#define FX "tests/fixtures/csaf/"

static void t_advisory(void)
{
	ym_err e = YM_ERR_INIT;
	reset();
	CHECK_INT(parse_file(FX "advisory.json", &LAX, &e), 0);
	CHECK_INT(n_records, 4);
	CHECK_INT(n_warnings, 0);
	CHECK_STR(got.ptr,
		"KSA-2023-007#CVE-2023-38545|CVE-2023-38545|-|csaf|" FX "advisory.json|final\n"
		" title=curl SOCKS5 heap buffer overflow|title_ja=-\n"
		" summary=curl overflows a heap buffer during a slow SOCKS5 handshake.|summary_ja=-\n"
		" details=When curl hands the host name to a SOCKS5 proxy and the handshake is slow, it may copy a host name longer than 255 bytes into a heap buffer.\n"
		" severity=critical|vector=CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H|published=2023-10-12T09:00:00.000Z|modified=2023-11-02T09:00:00.000Z|withdrawn=-|rejected=0\n"
		" aliases=KBUG-1123|cwes=CWE-787\n"
		" refs=[{\"url\":\"https://nvd.nist.gov/vuln/detail/CVE-2023-38545\",\"source\":\"Kasou PSIRT\",\"tags\":[\"external\"]},"
		"{\"url\":\"https://curl.se/docs/CVE-2023-38545.html\",\"source\":\"Kasou PSIRT\",\"tags\":[\"external\"]},"
		"{\"url\":\"https://psirt.kasou.example/csaf/2023/ksa-2023-007.json\",\"source\":\"Kasou PSIRT\",\"tags\":[\"self\"]}]\n"
		" remediations=[{\"category\":\"vendor_fix\",\"details\":\"Update the firmware to 2.3.\",\"url\":\"https://psirt.kasou.example/firmware/g100/2.3\",\"product_ids\":[\"KG100-2.1\",\"KG100-2.2\"]},"
		"{\"category\":\"workaround\",\"details\":\"Do not configure a SOCKS5 proxy that resolves host names.\",\"product_ids\":[\"KG100-2.1:curl\",\"KG100-2.2:curl\"]}]\n"
		" threats=-\n"
		" cvss 3.1 CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H 9.8 critical Kasou PSIRT -\n"
		" known_affected KG100-2.1:curl [curl 8.3.0 as a component of Kasou Gateway G100 firmware 2.1] - pkg:generic/curl@8.3.0 - -\n"
		" known_affected KG100-2.2:curl [curl 8.3.0 as a component of Kasou Gateway G100 firmware 2.2] - pkg:generic/curl@8.3.0 - -\n"
		" fixed KG100-2.3 [Kasou Gateway G100 2.3] - - - -\n"
		"KSA-2023-007#CVE-2023-0286|CVE-2023-0286|-|csaf|" FX "advisory.json|final\n"
		" title=Kasou Gateway G100: vulnerabilities in bundled curl and OpenSSL|title_ja=-\n"
		" summary=OpenSSL confuses the types of an X.400 address in a GeneralName, which can crash a client that checks a CRL.|summary_ja=-\n"
		" details=-\n"
		" severity=high|vector=CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:H|published=2023-10-12T09:00:00.000Z|modified=2023-11-02T09:00:00.000Z|withdrawn=-|rejected=0\n"
		" aliases=|cwes=CWE-843\n"
		" refs=[{\"url\":\"https://psirt.kasou.example/csaf/2023/ksa-2023-007.json\",\"source\":\"Kasou PSIRT\",\"tags\":[\"self\"]},"
		"{\"url\":\"https://curl.se/docs/CVE-2023-38545.html\",\"source\":\"Kasou PSIRT\",\"tags\":[\"external\"]}]\n"
		" remediations=[{\"category\":\"vendor_fix\",\"details\":\"Update the firmware to 2.3.\",\"product_ids\":[\"KG100-2.2:openssl\"]}]\n"
		" threats=[{\"category\":\"impact\",\"details\":\"Firmware 2.1 ships OpenSSL 1.1.1t, which is not affected.\",\"product_ids\":[\"KG100-2.1\"]},"
		"{\"category\":\"exploit_status\",\"details\":\"No exploitation is known.\",\"product_ids\":[]}]\n"
		" cvss 3.1 CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:H 7.4 high Kasou PSIRT -\n"
		" cvss 2.0 AV:N/AC:M/Au:N/C:P/I:N/A:P 5.8 medium Kasou PSIRT -\n"
		" known_affected KG100-2.2:openssl [OpenSSL 3.0.7 installed on Kasou Gateway G100 firmware 2.2] cpe:2.3:a:openssl:openssl:3.0.7:*:*:*:*:*:*:* pkg:generic/openssl@3.0.7 - -\n"
		" known_not_affected KG100-2.1 [Kasou Gateway G100 2.1] cpe:2.3:o:kasou:gateway_g100_firmware:2.1:*:*:*:*:*:*:* - component_not_present Firmware 2.1 ships OpenSSL 1.1.1t, which is not affected.\n"
		" fixed KG100-2.3 [Kasou Gateway G100 2.3] - - - -\n"
		"KSA-2023-007#KBUG-1200|KBUG-1200|-|csaf|" FX "advisory.json|final\n"
		" title=SNMP community string 'public' enabled by default|title_ja=-\n"
		" summary=Firmware 2.3 still answers SNMPv2c requests for the community 'public'.|summary_ja=-\n"
		" details=-\n"
		" severity=unknown|vector=-|published=2023-10-12T09:00:00.000Z|modified=2023-11-02T09:00:00.000Z|withdrawn=-|rejected=0\n"
		" aliases=JVNVU#99999999|cwes=\n"
		" refs=[{\"url\":\"https://psirt.kasou.example/csaf/2023/ksa-2023-007.json\",\"source\":\"Kasou PSIRT\",\"tags\":[\"self\"]},"
		"{\"url\":\"https://curl.se/docs/CVE-2023-38545.html\",\"source\":\"Kasou PSIRT\",\"tags\":[\"external\"]}]\n"
		" remediations=-\n"
		" threats=-\n"
		" under_investigation KG100-2.3 [Kasou Gateway G100 2.3] - - - -\n"
		"KSA-2023-007#3|KSA-2023-007#3|-|csaf|" FX "advisory.json|final\n"
		" title=Hardening recommendations|title_ja=-\n"
		" summary=-|summary_ja=-\n"
		" details=-\n"
		" severity=unknown|vector=-|published=2023-10-12T09:00:00.000Z|modified=2023-11-02T09:00:00.000Z|withdrawn=-|rejected=0\n"
		" aliases=|cwes=\n"
		" refs=[{\"url\":\"https://psirt.kasou.example/csaf/2023/ksa-2023-007.json\",\"source\":\"Kasou PSIRT\",\"tags\":[\"self\"]},"
		"{\"url\":\"https://curl.se/docs/CVE-2023-38545.html\",\"source\":\"Kasou PSIRT\",\"tags\":[\"external\"]}]\n"
		" remediations=-\n"
		" threats=-\n"
		" recommended KG100-2.3 [Kasou Gateway G100 2.3] - - - -\n");
}

static void t_vex(void)
{
	ym_err e = YM_ERR_INIT;
	reset();
	CHECK_INT(parse_file(FX "vex.json", &LAX, &e), 0);
	CHECK_INT(n_records, 2);
	CHECK_INT(n_warnings, 0);
	CHECK_STR(got.ptr,
		"ACME-VEX-2021-0001#CVE-2021-44228|CVE-2021-44228|-|csaf|" FX "vex.json|final\n"
		" title=ACME Widget: status for the Log4j vulnerabilities|title_ja=-\n"
		" summary=JNDI features of Apache Log4j 2 do not protect against attacker-controlled LDAP endpoints.|summary_ja=-\n"
		" details=-\n"
		" severity=unknown|vector=-|published=2021-12-20T00:00:00.000Z|modified=2021-12-20T00:00:00.000Z|withdrawn=-|rejected=0\n"
		" aliases=|cwes=\n"
		" refs=-\n"
		" remediations=[{\"category\":\"vendor_fix\",\"details\":\"Update to Widget 2.0.1.\",\"product_ids\":[\"W-2.0\"]}]\n"
		" threats=[{\"category\":\"impact\",\"details\":\"Widget 1.3 ships log4j-api only; the JNDI lookup code is not included.\",\"product_ids\":[\"W-1.3\"]}]\n"
		" known_not_affected W-1.2 [ACME Widget 1.2] - pkg:maven/com.acme/widget@1.2 vulnerable_code_not_present -\n"
		" known_not_affected W-1.3 [ACME Widget 1.3] - pkg:maven/com.acme/widget@1.3 vulnerable_code_not_present Widget 1.3 ships log4j-api only; the JNDI lookup code is not included.\n"
		" known_affected W-2.0 [ACME Widget 2.0] - pkg:maven/com.acme/widget@2.0 - -\n"
		" range Maven com.acme:widget VERSIONS [\"2.0\"]\n"
		"ACME-VEX-2021-0001#CVE-2021-45046|CVE-2021-45046|-|csaf|" FX "vex.json|final\n"
		" title=ACME Widget: status for the Log4j vulnerabilities|title_ja=-\n"
		" summary=The fix for CVE-2021-44228 in Log4j 2.15.0 was incomplete in some non-default configurations.|summary_ja=-\n"
		" details=-\n"
		" severity=unknown|vector=-|published=2021-12-20T00:00:00.000Z|modified=2021-12-20T00:00:00.000Z|withdrawn=-|rejected=0\n"
		" aliases=|cwes=\n"
		" refs=-\n"
		" remediations=-\n"
		" threats=[{\"category\":\"impact\",\"details\":\"Widget 1.2 does not use Log4j 2.\",\"product_ids\":[\"W-1.2\"]}]\n"
		" under_investigation W-2.0 [ACME Widget 2.0] - pkg:maven/com.acme/widget@2.0 - -\n"
		" known_not_affected W-1.2 [ACME Widget 1.2] - pkg:maven/com.acme/widget@1.2 - Widget 1.2 does not use Log4j 2.\n");
}

static void t_japanese(void)
{
	ym_err e = YM_ERR_INIT;
	reset();
	CHECK_INT(parse_file(FX "ja.json", &LAX, &e), 0);
	CHECK_INT(n_records, 2);
	CHECK_INT(n_warnings, 0);
	CHECK_STR(got.ptr,
		"KASOU-2024-0003#CVE-2023-44487|CVE-2023-44487|-|csaf|" FX "ja.json|interim\n"
		" title=-|title_ja=HTTP/2 Rapid Reset によるサービス運用妨害 (DoS)\n"
		" summary=-|summary_ja=HTTP/2 のストリームを大量に作成・リセットされると、サーバの資源が枯渇します。\n"
		" details=-\n"
		" severity=high|vector=CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H|published=2024-02-01T10:00:00+09:00|modified=2024-02-01T10:00:00+09:00|withdrawn=-|rejected=0\n"
		" aliases=|cwes=CWE-400\n"
		" refs=[{\"url\":\"https://psirt.kasou.example/ja/2024/0003\",\"source\":\"架空製作所 PSIRT\",\"tags\":[\"self\"]}]\n"
		" remediations=[{\"category\":\"vendor_fix\",\"details\":\"バージョン 3.2.1 以降に更新してください。\",\"product_ids\":[\"GS-LT-3.2.1\"]}]\n"
		" threats=-\n"
		" cvss 3.1 CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H 7.5 high 架空製作所 PSIRT -\n"
		" known_affected GS-LT-3.2.1 [架空製作所 業務サーバ vers:generic/<3.2.1] - - - -\n"
		" fixed GS-3.2.1 [架空製作所 業務サーバ 3.2.1] - - - -\n"
		"KASOU-2024-0003#JVNVU#90000003|JVNVU#90000003|-|csaf|" FX "ja.json|interim\n"
		" title=-|title_ja=架空製作所 業務サーバにおける複数の脆弱性\n"
		" summary=-|summary_ja=管理画面にクロスサイトスクリプティングの脆弱性があります。\n"
		" details=-\n"
		" severity=unknown|vector=-|published=2024-02-01T10:00:00+09:00|modified=2024-02-01T10:00:00+09:00|withdrawn=-|rejected=0\n"
		" aliases=|cwes=\n"
		" refs=[{\"url\":\"https://psirt.kasou.example/ja/2024/0003\",\"source\":\"架空製作所 PSIRT\",\"tags\":[\"self\"]}]\n"
		" remediations=[{\"category\":\"workaround\",\"details\":\"管理画面へのアクセスを信頼できるネットワークに限定してください。\",\"product_ids\":[\"GS-LT-3.2.1\"]}]\n"
		" threats=-\n"
		" known_affected GS-LT-3.2.1 [架空製作所 業務サーバ vers:generic/<3.2.1] - - - -\n");
}

static void t_csaf21(void)
{
	ym_err e = YM_ERR_INIT;
	reset();
	CHECK_INT(parse_file(FX "csaf21.json", &LAX, &e), 0);
	CHECK_INT(n_records, 1);
	CHECK_INT(n_warnings, 0);
	CHECK_STR(got.ptr,
		"KSA-2024-011#CVE-2024-4367|CVE-2024-4367|-|csaf|" FX "csaf21.json|final\n"
		" title=Kasou Web Console: PDF.js arbitrary JavaScript execution|title_ja=-\n"
		" summary=A missing type check in the font handling of PDF.js lets a PDF run JavaScript in the viewer.|summary_ja=-\n"
		" details=-\n"
		" severity=high|vector=CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:A/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N|published=2024-05-20T00:00:00.000Z|modified=2024-05-20T00:00:00.000Z|withdrawn=-|rejected=0\n"
		" aliases=|cwes=CWE-754,CWE-94\n"
		" refs=-\n"
		" remediations=[{\"category\":\"fix_planned\",\"details\":\"Console 4.1 will bundle pdfjs-dist 4.2.67.\",\"product_ids\":[\"KWC-4.0:pdfjs\"]},"
		"{\"category\":\"workaround\",\"details\":\"Set isEvalSupported to false.\",\"product_ids\":[\"KWC-4.0:pdfjs\"]}]\n"
		" threats=-\n"
		" cvss 4.0 CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:A/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N 8.6 high Kasou PSIRT -\n"
		" cvss 3.1 CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:N 8.1 high Kasou PSIRT -\n"
		" last_affected pdfjs-4.1.392 [Mozilla pdfjs-dist 4.1.392] - pkg:npm/pdfjs-dist@4.1.392 - -\n"
		" first_fixed pdfjs-4.2.67 [Mozilla pdfjs-dist 4.2.67] - pkg:npm/pdfjs-dist@4.2.67 - -\n"
		" known_affected KWC-4.0:pdfjs [pdfjs-dist 4.1.392 as a component of Kasou Web Console 4.0] - pkg:npm/pdfjs-dist@4.1.392 - -\n"
		" range npm pdfjs-dist VERSIONS [\"4.1.392\"]\n");
}

/* Branch names: joined with spaces; a name that repeats the path's last
 * part replaces it. Relationships follow chains for cpe and purl. */
static void t_tree(void)
{
	const char *doc =
		"{\"document\":{\"category\":\"csaf_base\",\"csaf_version\":\"2.0\","
		"\"tracking\":{\"id\":\"T-1\"}},"
		"\"product_tree\":{\"branches\":[{\"name\":\"Red Hat\",\"branches\":["
		"{\"name\":\"Red Hat Enterprise Linux\",\"branches\":[{\"name\":"
		"\"Red Hat Enterprise Linux\",\"branches\":[{\"name\":\"9\","
		"\"product\":{\"name\":\"x\",\"product_id\":\"A\","
		"\"product_identification_helper\":{\"cpe\":"
		"\"cpe:/o:redhat:enterprise_linux:9\"}}}]}]},"
		"{\"name\":\"src\",\"branches\":[{\"name\":\"curl-8.0\",\"product\":"
		"{\"name\":\"curl-8.0\",\"product_id\":\"B\","
		"\"product_identification_helper\":{\"purl\":"
		"\"pkg:rpm/redhat/curl@8.0?arch=src\"}}}]}]},"
		"{\"name\":\"Red\",\"product\":{\"name\":\"r\",\"product_id\":\"R\"}}],"
		"\"relationships\":[{\"category\":\"default_component_of\","
		"\"product_reference\":\"C\",\"relates_to_product_reference\":\"A\","
		"\"full_product_name\":{\"name\":\"chain\",\"product_id\":\"D\"}},"
		"{\"category\":\"default_component_of\",\"product_reference\":\"B\","
		"\"relates_to_product_reference\":\"A\",\"full_product_name\":"
		"{\"name\":\"curl in RHEL\",\"product_id\":\"C\"}}]},"
		"\"vulnerabilities\":[{\"product_status\":{\"fixed\":[\"A\",\"B\","
		"\"C\",\"D\",\"R\",\"A\"]}}]}";
	ym_err e = YM_ERR_INIT;
	reset();
	CHECK_INT(parse_str(doc, &LAX, &e), 0);
	CHECK_INT(n_warnings, 0);
	const char *p = strstr(got.ptr, " fixed");
	CHECK(p != NULL);
	CHECK_STR(p,
		" fixed A [Red Hat Enterprise Linux 9] cpe:/o:redhat:enterprise_linux:9 - - -\n"
		" fixed B [Red Hat src curl-8.0] - pkg:rpm/redhat/curl@8.0?arch=src - -\n"
		" fixed C [curl in RHEL] - pkg:rpm/redhat/curl@8.0?arch=src - -\n"
		" fixed D [chain] - pkg:rpm/redhat/curl@8.0?arch=src - -\n"
		" fixed R [Red] - - - -\n"
		/* the distribution's fixed build: earlier ones affected */
		" range Red Hat curl ECOSYSTEM [{\"introduced\":\"0\"},{\"fixed\":\"8.0\"}]\n");
}

/* Hostile trees: joined names stop growing at 1,024 bytes; relationship
 * chains are followed 32 steps. */
static void t_limits(void)
{
	ym_buf doc = YM_BUF_INIT;
	ym_err e = YM_ERR_INIT;
	char name[601];
	memset(name, 'n', 600);
	name[600] = '\0';
	ym_buf_printf(&doc,
		      "{\"document\":{\"category\":\"csaf_base\",\"csaf_version\":"
		      "\"2.0\",\"tracking\":{\"id\":\"T\"}},\"product_tree\":{"
		      "\"branches\":[{\"name\":\"%s\",\"branches\":[{\"name\":"
		      "\"x\",\"branches\":[{\"name\":\"%s\",\"product\":{"
		      "\"name\":\"p\",\"product_id\":\"N\"}}]}]}],"
		      "\"full_product_names\":[{\"name\":\"base\",\"product_id\":"
		      "\"R0\",\"product_identification_helper\":{\"purl\":"
		      "\"pkg:generic/base@1\"}}],\"relationships\":[",
		      name, name);
	/* last link first, so no product is resolved before the ones it
	 * refers to */
	for (int i = 40; i >= 1; i--)
		ym_buf_printf(&doc,
			      "%s{\"category\":\"installed_on\","
			      "\"product_reference\":\"R%d\","
			      "\"relates_to_product_reference\":\"R0\","
			      "\"full_product_name\":{\"name\":\"r%d\","
			      "\"product_id\":\"R%d\"}}",
			      i < 40 ? "," : "", i - 1, i, i);
	ym_buf_adds(&doc, "]},\"vulnerabilities\":[{\"product_status\":{"
			  "\"fixed\":[\"N\",\"R32\",\"R33\"]}}]}");
	reset();
	CHECK_INT(parse_str(doc.ptr, &LAX, &e), 0);
	ym_buf_release(&doc);
	CHECK_INT(n_warnings, 0);
	const char *p = strstr(got.ptr, " fixed N [");
	CHECK(p != NULL);
	CHECK(strncmp(p + 10, name, 600) == 0);
	CHECK(strncmp(p + 610, " x] ", 4) == 0);
	CHECK(strstr(got.ptr, " fixed R32 [r32] - pkg:generic/base@1 - -\n"));
	CHECK(strstr(got.ptr, " fixed R33 [r33] - - - -\n"));
}

static void t_skip_and_strict(void)
{
	ym_err e = YM_ERR_INIT;
	reset();
	CHECK_INT(parse_file(FX "bad/wrong-type.json", &LAX, &e), 0);
	CHECK_INT(n_records, 1);
	CHECK_INT(n_skips, 1);
	CHECK_INT(e.code, 0);
	CHECK_STR(warnings.ptr,
		  "skip 17:36 KSA-BAD-001#CVE-2023-38545|vulnerabilities[0]."
		  "product_status.fixed[0]|expected string, got number\n");
	CHECK(strstr(got.ptr, "KSA-BAD-001#CVE-2023-0286|") == got.ptr);

	reset();
	CHECK_INT(parse_file(FX "bad/wrong-type.json", &STRICT, &e),
		  YM_E_INVALID);
	CHECK_INT(n_records, 0);
	CHECK_INT(n_skips, 0);
	CHECK_STR(e.file, FX "bad/wrong-type.json");
	CHECK_INT(e.line, 17);
	CHECK_INT(e.column, 36);
	CHECK_STR(e.record, "KSA-BAD-001#CVE-2023-38545");
	CHECK_STR(e.field, "vulnerabilities[0].product_status.fixed[0]");
	CHECK_STR(e.msg, "expected string, got number");

	ym_err_clear(&e);
	reset();
	CHECK_INT(parse_file(FX "bad/bad-cve.json", &LAX, &e), 0);
	CHECK_INT(n_records, 1);
	CHECK_STR(warnings.ptr,
		  "skip 12:13 KSA-BAD-005#CVE-23-38545|vulnerabilities[0].cve|"
		  "invalid CVE id 'CVE-23-38545'\n");
	reset();
	CHECK_INT(parse_file(FX "bad/bad-cve.json", &STRICT, &e),
		  YM_E_INVALID);
	CHECK_INT(n_records, 0);
}

/* References the tree cannot resolve and unknown status keys are
 * warnings, in both modes; the record is kept. */
static void t_warnings(void)
{
	static const char *const want =
		"warn 23:72 KSA-BAD-002#CVE-2023-38545|vulnerabilities[0]."
		"remediations[0].group_ids[0]|product group id 'GRP-NONE' is "
		"not defined in the product tree\n"
		"warn 19:41 KSA-BAD-002#CVE-2023-38545|vulnerabilities[0]."
		"product_status.known_affected[1]|product id 'KG100-9.9' is not "
		"defined in the product tree\n"
		"warn 20:21 KSA-BAD-002#CVE-2023-38545|vulnerabilities[0]."
		"product_status.affected|unknown product status 'affected'\n";
	for (int strict = 0; strict < 2; strict++) {
		ym_err e = YM_ERR_INIT;
		reset();
		CHECK_INT(parse_file(FX "bad/missing-refs.json",
				     strict ? &STRICT : &LAX, &e), 0);
		CHECK_INT(n_records, 1);
		CHECK_INT(n_warnings, 3);
		CHECK_STR(warnings.ptr, want);
		CHECK(strstr(got.ptr, " known_affected KG100-9.9 [-] - - - -\n"));
		CHECK(strstr(got.ptr, "\"product_ids\":[]}]"));
	}
}

/* A broken part of the product tree: left out with a warning (lax) or
 * an error (strict). */
static void t_bad_tree(void)
{
	ym_err e = YM_ERR_INIT;
	reset();
	CHECK_INT(parse_file(FX "bad/bad-tree.json", &LAX, &e), 0);
	CHECK_INT(n_records, 1);
	CHECK_STR(warnings.ptr,
		  "warn 17:11 |product_tree.branches[0].branches[0].name|"
		  "required member 'name' is missing\n"
		  "warn 23:7 |product_tree.relationships[0].product_reference|"
		  "required member 'product_reference' is missing\n"
		  "warn 31:45 KSA-BAD-006#CVE-2023-38545|vulnerabilities[0]."
		  "product_status.known_affected[0]|product id 'P-1' is not "
		  "defined in the product tree\n");
	CHECK(strstr(got.ptr, " known_affected P-2 [Kasou 2.3] - - - -\n"));
	reset();
	CHECK_INT(parse_file(FX "bad/bad-tree.json", &STRICT, &e),
		  YM_E_INVALID);
	CHECK_INT(n_records, 0);
	CHECK_STR(e.field, "product_tree.branches[0].branches[0].name");
}

static void t_not_csaf(void)
{
	ym_err e = YM_ERR_INIT;
	reset();
	CHECK_INT(parse_file(FX "bad/openvex.json", &LAX, &e),
		  YM_E_UNSUPPORTED);
	CHECK_STR(e.msg, "not a CSAF document: an OpenVEX document");
	CHECK_INT(e.line, 1);
	ym_err_clear(&e);
	CHECK_INT(parse_file(FX "bad/no-csaf-version.json", &LAX, &e),
		  YM_E_INVALID);
	CHECK_STR(e.field, "document.csaf_version");
	CHECK_STR(e.msg, "required member 'csaf_version' is missing");
	ym_err_clear(&e);
	CHECK_INT(parse_file(FX "bad/unsupported-version.json", &LAX, &e),
		  YM_E_UNSUPPORTED);
	CHECK_STR(e.msg, "unsupported CSAF version '1.2' (2.0 and 2.1 are "
			 "read)");
	CHECK_INT(e.line, 4);
	CHECK_INT(e.column, 21);
	ym_err_clear(&e);
	CHECK_INT(parse_file(FX "bad/truncated.json", &LAX, &e), YM_E_PARSE);
	CHECK_INT(e.line, 5);
	ym_err_clear(&e);
	CHECK_INT(parse_str("[]", &LAX, &e), YM_E_INVALID);
	CHECK_STR(e.msg, "not a CSAF document: no 'document' object");
	ym_err_clear(&e);
	CHECK_INT(parse_str("{\"$schema\":\"x\",\"properties\":{}}", &LAX, &e),
		  YM_E_INVALID);
	CHECK_STR(e.msg, "not a CSAF document: a JSON schema");
	ym_err_clear(&e);
	CHECK_INT(parse_str("{\"feed\":{}}", &LAX, &e), YM_E_INVALID);
	CHECK_STR(e.msg, "not a CSAF document: a ROLIE feed");
	ym_err_clear(&e);
	CHECK_INT(parse_str("{\"document\":{\"category\":\"csaf_base\","
			    "\"csaf_version\":\"2.0\"}}", &LAX, &e),
		  YM_E_INVALID);
	CHECK_STR(e.field, "document.tracking");
	CHECK_INT(n_records, 0);
}

/* The cheap CSAF 2.0 mandatory tests, as warnings. */
static void t_conformance_warnings(void)
{
	static const struct {
		const char *doc, *want;
	} cases[] = {
		/* 6.1.2 */
		{"\"product_tree\":{\"full_product_names\":[{\"name\":\"a\","
		 "\"product_id\":\"P\"},{\"name\":\"b\",\"product_id\":\"P\"}]}",
		 "product_tree.full_product_names[1].product_id|product id 'P' "
		 "is defined more than once"},
		/* 6.1.7 */
		{"\"vulnerabilities\":[{\"scores\":[{\"products\":[\"X\"],"
		 "\"cvss_v3\":{\"version\":\"3.1\",\"vectorString\":"
		 "\"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\",\"baseScore\":"
		 "9.8,\"baseSeverity\":\"CRITICAL\"}},{\"products\":[\"X\"],"
		 "\"cvss_v3\":{\"version\":\"3.1\",\"vectorString\":"
		 "\"CVSS:3.1/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\",\"baseScore\":"
		 "8.4,\"baseSeverity\":\"HIGH\"}}]}]",
		 "vulnerabilities[0].scores[1].cvss_v3|product 'X' has more "
		 "than one CVSS 3.1 score"},
		/* 6.1.10 */
		{"\"vulnerabilities\":[{\"scores\":[{\"products\":[\"X\"],"
		 "\"cvss_v3\":{\"version\":\"3.0\",\"vectorString\":"
		 "\"CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\",\"baseScore\":"
		 "9.8,\"baseSeverity\":\"CRITICAL\",\"scope\":\"CHANGED\"}}]}]",
		 "vulnerabilities[0].scores[0].cvss_v3.scope|scope is CHANGED "
		 "but the vector says S:U"},
		{"\"vulnerabilities\":[{\"scores\":[{\"products\":[\"X\"],"
		 "\"cvss_v3\":{\"version\":\"3.1\",\"vectorString\":"
		 "\"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\",\"baseScore\":"
		 "9.8,\"baseSeverity\":\"HIGH\"}}]}]",
		 "vulnerabilities[0].scores[0].cvss_v3.baseSeverity|base "
		 "severity HIGH does not match base score 9.8"},
		{"\"vulnerabilities\":[{\"scores\":[{\"products\":[\"X\"],"
		 "\"cvss_v3\":{\"version\":\"3.0\",\"vectorString\":"
		 "\"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\"}}]}]",
		 "vulnerabilities[0].scores[0].cvss_v3.version|version '3.0' "
		 "does not match vector 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/"
		 "I:H/A:H'"},
		/* 6.1.23 */
		{"\"vulnerabilities\":[{\"cve\":\"CVE-2017-0145\"},"
		 "{\"cve\":\"CVE-2017-0145\"}]",
		 "vulnerabilities[1].cve|'CVE-2017-0145' is also "
		 "vulnerabilities[0]; the later record replaces the earlier"},
		/* 6.1.32 */
		{"\"vulnerabilities\":[{\"flags\":[{\"label\":"
		 "\"component_not_present\"}]}]",
		 "vulnerabilities[0].flags[0]|flag names no product_ids or "
		 "group_ids"},
		{"\"vulnerabilities\":[{\"flags\":[{\"label\":\"nope\","
		 "\"product_ids\":[\"X\"]}]}]",
		 "vulnerabilities[0].flags[0].label|unknown flag label 'nope'"},
		/* 6.1.11 (form only) */
		{"\"vulnerabilities\":[{\"cwe\":{\"id\":\"79\",\"name\":\"x\"}}]",
		 "vulnerabilities[0].cwe.id|'79' is not a CWE id"},
		/* 6.1.13 */
		{"\"product_tree\":{\"full_product_names\":[{\"name\":\"a\","
		 "\"product_id\":\"P\",\"product_identification_helper\":"
		 "{\"purl\":\"npm/x@1\"}}]}",
		 "product_tree.full_product_names[0]."
		 "product_identification_helper.purl|"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		ym_buf doc = YM_BUF_INIT;
		ym_err e = YM_ERR_INIT;
		ym_buf_printf(&doc,
			      "{\"document\":{\"category\":\"csaf_base\","
			      "\"csaf_version\":\"2.0\",\"tracking\":{\"id\":"
			      "\"T\"}},%s}", cases[i].doc);
		reset();
		int rc = parse_str(doc.ptr, &LAX, &e);
		ym_buf_release(&doc);
		CHECK_INT(rc, 0);
		if (!strstr(warnings.ptr, cases[i].want))
			TEST_FAIL_("case %zu: warnings '%s' lack '%s'", i,
				   warnings.ptr, cases[i].want);
	}
}

/* The sink's error stops the parse, in either mode, with its code. */
static int failing_sink(const ym_vuln *v, void *ctx, ym_err *err)
{
	(void)v;
	(void)ctx;
	ym_err_set(err, YM_E_STORE, "disk full");
	return YM_E_STORE;
}

static void t_sink_error(void)
{
	ym_err e = YM_ERR_INIT;
	ym_feed_ctx fc = {.vuln = failing_sink, .skip = on_skip};
	reset();
	CHECK_INT(parse_file(FX "advisory.json", &fc, &e), YM_E_STORE);
	CHECK_STR(e.msg, "disk full");
	CHECK_INT(n_skips, 0);
}

int main(void)
{
	ym_arena_init(&A, 0);
	RUN(t_advisory);
	RUN(t_vex);
	RUN(t_japanese);
	RUN(t_csaf21);
	RUN(t_tree);
	RUN(t_limits);
	RUN(t_skip_and_strict);
	RUN(t_warnings);
	RUN(t_bad_tree);
	RUN(t_not_csaf);
	RUN(t_conformance_warnings);
	RUN(t_sink_error);
	ym_buf_release(&got);
	ym_buf_release(&warnings);
	ym_arena_release(&A);
	return test_done();
}
