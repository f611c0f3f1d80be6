/* Unit tests for feeds/nvd: every field of every record of the fixtures,
 * the three input shapes, paging fields, files that are not NVD CVE
 * responses, malformed records in strict and skip mode, and the helpers
 * the CVE 5 parser shares. */
#include <stdarg.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "feeds/nvd.h"
#include "test.h"

static ym_arena A;
static ym_buf out = YM_BUF_INIT;   /* every emitted record, dumped */
static ym_buf notes = YM_BUF_INIT; /* every skip and warning */
static int n_records, n_skipped, n_warnings;

static const char *or_dash(const char *s)
{
	return s ? s : "-";
}

static void put_list(ym_buf *b, const char *name, const char *const *l)
{
	ym_buf_printf(b, " %s=", name);
	if (!l)
		ym_buf_adds(b, "-");
	for (size_t i = 0; l && l[i]; i++)
		ym_buf_printf(b, "%s%s", i ? "," : "", l[i]);
	ym_buf_addc(b, '\n');
}

/* One line per field or row, every field of the model. */
static void dump(ym_buf *b, const ym_vuln *v)
{
	ym_buf_printf(b, "%s record=%s identity=%s source=%s file=%s\n",
		      or_dash(v->vuln_id), or_dash(v->record_id),
		      or_dash(v->identity), or_dash(v->source),
		      or_dash(v->source_file));
	ym_buf_printf(b, " status=%s rejected=%d published=%s modified=%s "
			 "withdrawn=%s\n",
		      or_dash(v->status), v->rejected, or_dash(v->published),
		      or_dash(v->modified), or_dash(v->withdrawn));
	ym_buf_printf(b, " title=%s title_ja=%s\n", or_dash(v->title),
		      or_dash(v->title_ja));
	ym_buf_printf(b, " summary=%s\n summary_ja=%s\n details=%s\n",
		      or_dash(v->summary), or_dash(v->summary_ja),
		      or_dash(v->details));
	ym_buf_printf(b, " severity=%s vector=%s\n", or_dash(v->severity),
		      or_dash(v->cvss_vector));
	put_list(b, "aliases", v->aliases);
	put_list(b, "cwes", v->cwes);
	ym_buf_printf(b, " refs=%s\n remediations=%s\n threats=%s\n",
		      or_dash(v->references), or_dash(v->remediations),
		      or_dash(v->threats));
	ym_buf_printf(b, " ranges=%zu products=%zu\n", v->n_ranges,
		      v->n_products);
	for (size_t i = 0; i < v->n_cvss; i++) {
		const ym_cvss_entry *e = &v->cvss[i];
		ym_buf_printf(b, " cvss %s %s %.1f %s %s %s\n",
			      or_dash(e->version), or_dash(e->vector),
			      e->base_score, or_dash(e->severity),
			      or_dash(e->origin), or_dash(e->kind));
	}
	for (size_t i = 0; i < v->n_cpes; i++) {
		const ym_cpe_criterion *r = &v->cpes[i];
		ym_buf_printf(b,
			      " cpe %d:%s %d:%s%s %s %s [%s %s %s %s] id=%s "
			      "%s text=%s\n",
			      r->config, or_dash(r->config_op), r->node,
			      or_dash(r->node_op), r->node_negate ? " not" : "",
			      r->vulnerable ? "vulnerable" : "platform",
			      or_dash(r->criteria), or_dash(r->start_incl),
			      or_dash(r->start_excl), or_dash(r->end_incl),
			      or_dash(r->end_excl), or_dash(r->match_id),
			      r->unparsed ? "unparsed" : "parsed",
			      or_dash(r->text));
	}
	if (v->ssvc)
		ym_buf_printf(b, " ssvc %s %s %s %s %s %s\n",
			      or_dash(v->ssvc->exploitation),
			      or_dash(v->ssvc->automatable),
			      or_dash(v->ssvc->technical_impact),
			      or_dash(v->ssvc->timestamp),
			      or_dash(v->ssvc->origin),
			      or_dash(v->ssvc->version));
}

static int sink(const ym_vuln *v, void *ctx, ym_err *err)
{
	(void)ctx;
	(void)err;
	n_records++;
	dump(&out, v);
	return 0;
}

static void note(const char *kind, const ym_err *e)
{
	ym_buf_printf(&notes, "%s %s:%ld:%ld %s %s: %s\n", kind, e->file,
		      e->line, e->column, or_dash(e->record), e->field,
		      e->msg);
}

static void on_skip(const ym_err *e, void *ctx)
{
	(void)ctx;
	n_skipped++;
	note("skip", e);
}

static void on_warn(const ym_err *e, void *ctx)
{
	(void)ctx;
	n_warnings++;
	note("warn", e);
}

static const ym_feed_ctx LAX = {.vuln = sink, .warn = on_warn,
				.skip = on_skip};
static const ym_feed_ctx STRICT = {.strict = true, .vuln = sink,
				   .warn = on_warn, .skip = on_skip};

static void reset(void)
{
	ym_buf_reset(&out);
	ym_buf_reset(&notes);
	n_records = n_skipped = n_warnings = 0;
	ym_arena_reset(&A);
}

/* Parses a fixture file; returns the parser's result. */
static int parse_file(const char *path, const ym_feed_ctx *fc, ym_err *e)
{
	ym_buf text = YM_BUF_INIT;
	int rc = ym_buf_read_file(&text, path, e);
	if (!rc)
		rc = ym_nvd_parse(text.ptr, text.len, path, &A, fc, e);
	ym_buf_release(&text);
	return rc;
}

static int parse_str(const char *json, const ym_feed_ctx *fc, ym_err *e)
{
	return ym_nvd_parse(json, strlen(json), "t.json", &A, fc, e);
}

/* The dumps of the fixtures, field by field (checked by hand against
 * the JSON and docs/feeds-nvd-cve5.md). */
#define EXPECT_PAGE \
	"CVE-2021-44228 record=- identity=- source=nvd file=tests/fixtures/" \
	"nvd/page.json\n" \
	" status=Analyzed rejected=0 published=2021-12-10T10:15:09.143 modi" \
	"fied=2024-07-24T17:08:24.167 withdrawn=-\n" \
	" title=- title_ja=-\n" \
	" summary=Log4j2 JNDI lookups in log messages let an attacker who c" \
	"ontrols logged text load and run code from an LDAP server.\n" \
	" summary_ja=Log4j2 の JNDI 参照により、ログに書かれ" \
	"た文字列から任意のコードが実行される。\n" \
	" details=-\n" \
	" severity=critical vector=CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H" \
	"/A:H\n" \
	" aliases=-\n" \
	" cwes=CWE-20,CWE-400,CWE-502,CWE-917\n" \
	" refs=[{\"url\":\"https://logging.apache.org/log4j/2.x/security.ht" \
	"ml\",\"source\":\"security@apache.org\",\"tags\":[\"Release Notes" \
	"\",\"Vendor Advisory\"]},{\"url\":\"https://www.kb.cert.org/vuls/i" \
	"d/930724\",\"source\":\"security@apache.org\",\"tags\":[\"Third Pa" \
	"rty Advisory\",\"US Government Resource\"]},{\"url\":\"http://www." \
	"openwall.com/lists/oss-security/2021/12/10/1\",\"source\":\"af854a" \
	"3a-2127-422b-91ae-364da2661108\"}]\n" \
	" remediations=-\n" \
	" threats=-\n" \
	" ranges=0 products=0\n" \
	" cvss 3.1 CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H 10.0 critic" \
	"al nvd@nist.gov Primary\n" \
	" cvss 3.1 CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H 10.0 critic" \
	"al 134c704f-9b21-4f2e-91b3-4a467353bcc0 Secondary\n" \
	" cvss 2.0 AV:N/AC:M/Au:N/C:C/I:C/A:C 9.3 high nvd@nist.gov Primary" \
	"\n" \
	" cpe 0:- 0:OR vulnerable cpe:2.3:a:apache:log4j:*:*:*:*:*:*:*:* [2" \
	".0.1 - - 2.3.1] id=03FA5E81-F9C0-403E-8A4B-E4284E4E7B72 parsed tex" \
	"t=-\n" \
	" cpe 0:- 0:OR vulnerable cpe:2.3:a:apache:log4j:*:*:*:*:*:*:*:* [2" \
	".13.0 - - 2.15.0] id=2B0DF2A3-B9E8-4A34-A8A9-C1C05D8C9A76 parsed t" \
	"ext=-\n" \
	" cpe 0:- 0:OR vulnerable cpe:2.3:a:apache:log4j:2.0:beta9:*:*:*:*:" \
	"*:* [- - - -] id=17854E42-7063-4A55-BF2A-4C7074CC2D60 parsed text=" \
	"-\n" \
	" cpe 1:AND 0:OR vulnerable cpe:2.3:o:siemens:6bk1602-0aa12-0tp0_fi" \
	"rmware:*:*:*:*:*:*:*:* [- - - 2.7.0] id=BD64FC36-CC7B-4FD7-9845-7E" \
	"A1DDB0E627 parsed text=-\n" \
	" cpe 1:AND 1:OR platform cpe:2.3:h:siemens:6bk1602-0aa12-0tp0:-:*:" \
	"*:*:*:*:*:* [- - - -] id=CF99FE8F-40D0-48A8-9A40-43119B259535 pars" \
	"ed text=-\n" \
	" ssvc active yes total 2025-02-04T14:25:34.416117Z 134c704f-9b21-4" \
	"f2e-91b3-4a467353bcc0 2.0.3\n" \
	"CVE-2099-0002 record=- identity=- source=nvd file=tests/fixtures/n" \
	"vd/page.json\n" \
	" status=Rejected rejected=1 published=2099-01-02T03:04:05.000 modi" \
	"fied=2099-02-03T04:05:06.000 withdrawn=-\n" \
	" title=- title_ja=-\n" \
	" summary=Rejected reason: this candidate was withdrawn by its CNA " \
	"(yamori test record).\n" \
	" summary_ja=-\n" \
	" details=-\n" \
	" severity=unknown vector=-\n" \
	" aliases=-\n" \
	" cwes=-\n" \
	" refs=-\n" \
	" remediations=-\n" \
	" threats=-\n" \
	" ranges=0 products=0\n" \
	"CVE-2099-12345 record=- identity=- source=nvd file=tests/fixtures/" \
	"nvd/page.json\n" \
	" status=Modified rejected=0 published=2099-03-01T00:00:00.000 modi" \
	"fied=2099-03-02T00:00:00.000 withdrawn=-\n" \
	" title=- title_ja=-\n" \
	" summary=Buffer overflow in the Example Router web UI (yamori test" \
	" record).\n" \
	" summary_ja=-\n" \
	" details=-\n" \
	" severity=critical vector=CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/V" \
	"I:H/VA:H/SC:N/SI:N/SA:N\n" \
	" aliases=-\n" \
	" cwes=-\n" \
	" refs=[{\"url\":\"https://example.org/advisories/2099-12345\",\"so" \
	"urce\":\"security@example.org\",\"tags\":[]}]\n" \
	" remediations=-\n" \
	" threats=-\n" \
	" ranges=0 products=0\n" \
	" cvss 4.0 CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI" \
	":N/SA:N 9.3 critical security@example.org Secondary\n" \
	" cvss 3.1 CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H 9.8 critica" \
	"l nvd@nist.gov Primary\n" \
	" cvss 3.0 CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:N 4.8 medium " \
	"security@example.org Secondary\n" \
	" cpe 0:AND 0:OR vulnerable cpe:2.3:o:example:router_firmware:*:*:*" \
	":*:*:*:*:* [- 1.0 1.9.9 -] id=6F2C8B31-7C55-4E0A-9A4D-0D1B2C3D4E5F" \
	" parsed text=-\n" \
	" cpe 0:AND 0:OR vulnerable cpe:2.3:o:example:router_firmware:2.0\\(" \
	"beta\\):*:*:*:*:*:*:* [- - - -] id=7A3D9C42-8D66-4F1B-AB5E-1E2C3D4" \
	"E5F60 parsed text=-\n" \
	" cpe 0:AND 1:AND not platform cpe:2.3:h:example:router_lite:-:*:*:" \
	"*:*:*:*:* [- - - -] id=8B4EAD53-9E77-4A2C-BC6F-2F3D4E5F6071 parsed" \
	" text=-\n"

#define EXPECT_ITEM_AND_BARE \
	"CVE-2099-0010 record=- identity=- source=nvd file=tests/fixtures/n" \
	"vd/item.json\n" \
	" status=Awaiting Analysis rejected=0 published=2099-04-01T00:00:00" \
	".000 modified=2099-04-02T00:00:00.000 withdrawn=-\n" \
	" title=- title_ja=-\n" \
	" summary=An old-style record scored with CVSS v2 only (yamori test" \
	" record).\n" \
	" summary_ja=-\n" \
	" details=-\n" \
	" severity=medium vector=AV:N/AC:L/Au:N/C:P/I:N/A:N\n" \
	" aliases=-\n" \
	" cwes=-\n" \
	" refs=[{\"url\":\"https://example.org/legacy\",\"source\":\"cve@mi" \
	"tre.org\"}]\n" \
	" remediations=-\n" \
	" threats=-\n" \
	" ranges=0 products=0\n" \
	" cvss 2.0 AV:N/AC:L/Au:N/C:P/I:N/A:N 5.0 medium nvd@nist.gov Prima" \
	"ry\n" \
	" cpe 0:- 0:OR vulnerable cpe:2.3:a:example:legacy_httpd:1.3.0:*:*:" \
	"*:*:*:*:* [- - - -] id=9C5FBE64-AF88-4B3D-8D70-304E5F607182 parsed" \
	" text=-\n" \
	"CVE-2099-0011 record=- identity=- source=nvd file=tests/fixtures/n" \
	"vd/cve.json\n" \
	" status=Deferred rejected=0 published=2099-05-01T00:00:00.000 modi" \
	"fied=2099-05-02T00:00:00.000 withdrawn=-\n" \
	" title=- title_ja=-\n" \
	" summary=A bare cve object as some mirrors store it (yamori test r" \
	"ecord).\n" \
	" summary_ja=-\n" \
	" details=-\n" \
	" severity=medium vector=CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:N/A" \
	":N\n" \
	" aliases=-\n" \
	" cwes=-\n" \
	" refs=-\n" \
	" remediations=-\n" \
	" threats=-\n" \
	" ranges=0 products=0\n" \
	" cvss 3.1 CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N 5.5 medium " \
	"cna@example.org Secondary\n"

#define EXPECT_SKIPS \
	"skip tests/fixtures/nvd/bad/bad-records.json:74:33 CVE-2099-0101 v" \
	"ulnerabilities[1].cve.configurations[0].nodes[1].cpeMatch[0].crite" \
	"ria: invalid CPE 'cpe:2.3:a:example:widget:1.0': expected 13 compo" \
	"nents, got 6\n" \
	"skip tests/fixtures/nvd/bad/bad-records.json:86:15 CVE-21-1 vulner" \
	"abilities[2].cve.id: invalid CVE id 'CVE-21-1' (expected CVE-YYYY-" \
	"NNNN)\n" \
	"skip tests/fixtures/nvd/bad/bad-records.json:100:14  vulnerabiliti" \
	"es[3].cve.id: record has no id (required)\n" \
	"skip tests/fixtures/nvd/bad/bad-records.json:133:33 CVE-2099-0104 " \
	"vulnerabilities[4].cve.metrics.cvssMetricV31[0].cvssData.vectorStr" \
	"ing: expected string, got number\n" \
	"skip tests/fixtures/nvd/bad/bad-records.json:141:5  vulnerabilitie" \
	"s[5].cve: item has no cve object\n" \
	"skip tests/fixtures/nvd/bad/bad-records.json:146:5  vulnerabilitie" \
	"s[6]: expected object, got number\n" \
	"skip tests/fixtures/nvd/bad/bad-records.json:164:29 CVE-2099-0107 " \
	"vulnerabilities[7].cve.configurations[0].nodes[0].operator: unknow" \
	"n operator 'XOR' (expected AND or OR)\n" \
	"skip tests/fixtures/nvd/bad/bad-records.json:201:15 CVE-2099-0108 " \
	"vulnerabilities[8].cve.references[1].tags[0]: expected string, got" \
	" number\n" \
	"skip tests/fixtures/nvd/bad/bad-records.json:225:27 CVE-2099-0109 " \
	"vulnerabilities[9].cve.configurations[0].nodes[0].negate: expected" \
	" boolean, got string\n"

static void t_page(void)
{
	ym_err e = YM_ERR_INIT;
	reset();
	CHECK_INT(parse_file("tests/fixtures/nvd/page.json", &LAX, &e), 0);
	CHECK_INT(n_records, 3);
	CHECK_INT(n_skipped + n_warnings, 0);
	CHECK_STR(out.ptr, EXPECT_PAGE);
}

/* {"cve": {..}} and a bare cve object read like a page's entries. */
static void t_item_and_bare(void)
{
	ym_err e = YM_ERR_INIT;
	reset();
	CHECK_INT(parse_file("tests/fixtures/nvd/item.json", &STRICT, &e), 0);
	CHECK_INT(parse_file("tests/fixtures/nvd/cve.json", &STRICT, &e), 0);
	CHECK_INT(n_records, 2);
	CHECK_STR(out.ptr, EXPECT_ITEM_AND_BARE);
}

static void t_parse_page(void)
{
	ym_err e = YM_ERR_INIT;
	ym_buf text = YM_BUF_INIT;
	ym_nvd_page page;
	reset();
	CHECK_INT(ym_buf_read_file(&text, "tests/fixtures/nvd/page.json", &e),
		  0);
	CHECK_INT(ym_nvd_parse_page(text.ptr, text.len, "page.json", &A, &LAX,
				    &page, &e), 0);
	ym_buf_release(&text);
	CHECK_INT(page.results_per_page, 3);
	CHECK_INT(page.start_index, 40);
	CHECK_INT(page.total_results, 43);
	CHECK_INT(page.records, 3);
	const char *bare = "{\"id\":\"CVE-2099-0001\",\"lastModified\":\"x\"}";
	CHECK_INT(ym_nvd_parse_page(bare, strlen(bare), "b.json", &A, &LAX,
				    &page, &e), 0);
	CHECK_INT(page.results_per_page, -1);
	CHECK_INT(page.start_index, -1);
	CHECK_INT(page.total_results, -1);
	CHECK_INT(page.records, 1);
}

static int page_info(const char *json, long *rpp, long *start, long *total,
		     ym_err *e)
{
	return ym_nvd_page_info(json, strlen(json), "p.json", &A, rpp, start,
				total, e);
}

static void t_page_info(void)
{
	ym_err e = YM_ERR_INIT;
	ym_buf text = YM_BUF_INIT;
	long rpp = 0, start = 0, total = 0;
	reset();
	/* any NVD API 2.0 response has the paging fields */
	CHECK_INT(ym_buf_read_file(&text,
				   "tests/fixtures/nvd/bad/cpematch.json", &e),
		  0);
	CHECK_INT(ym_nvd_page_info(text.ptr, text.len, "c.json", &A, &rpp,
				   &start, &total, &e), 0);
	ym_buf_release(&text);
	CHECK_INT(rpp, 1);
	CHECK_INT(start, 0);
	CHECK_INT(total, 1);
	CHECK_INT(page_info("{\"resultsPerPage\":2000,\"startIndex\":4000,"
			    "\"totalResults\":301234}", &rpp, NULL, &total, &e),
		  0);
	CHECK_INT(rpp, 2000);
	CHECK_INT(total, 301234);
	CHECK_INT(page_info("{\"resultsPerPage\":2000,\"startIndex\":-1,"
			    "\"totalResults\":5}", &rpp, &start, &total, &e),
		  YM_E_INVALID);
	CHECK_STR(e.field, "startIndex");
	CHECK_STR(e.msg, "expected a non-negative integer, got -1");
	CHECK_INT(e.column, 37);
	CHECK_INT(page_info("{\"resultsPerPage\":1,\"startIndex\":0,"
			    "\"totalResults\":\"9\"}",
			    &rpp, &start, &total, &e),
		  YM_E_INVALID);
	CHECK_STR(e.msg, "expected a non-negative integer, got string");
	CHECK_INT(page_info("{\"resultsPerPage\":1,\"startIndex\":0}", &rpp,
			    &start, &total, &e), YM_E_INVALID);
	CHECK_STR(e.field, "totalResults");
	CHECK_STR(e.msg, "not an NVD API response page");
	CHECK_INT(page_info("[1]", &rpp, &start, &total, &e), YM_E_INVALID);
	CHECK_STR(e.msg, "not an NVD API response page");
	CHECK_INT(page_info("{\"resultsPerPage\":", &rpp, &start, &total, &e),
		  YM_E_PARSE);
}

/* Other NVD API responses, the retired 1.1 feed and other JSON are
 * errors in either mode, with nothing emitted. */
static void t_not_nvd(void)
{
	static const char *const files[] = {
		"tests/fixtures/nvd/bad/cpematch.json",
		"tests/fixtures/nvd/bad/legacy-1.1.json",
	};
	static const char *const texts[] = {
		"[]",
		"\"CVE-2099-0001\"",
		"{\"id\":\"GHSA-aaaa-bbbb-cccc\",\"modified\":\"2099-01-01\"}",
		"{\"format\":\"NVD_CPEMatch\",\"vulnerabilities\":[]}",
	};
	ym_err e = YM_ERR_INIT;
	reset();
	for (size_t i = 0; i < 2; i++) {
		CHECK_INT(parse_file(files[i], &LAX, &e), YM_E_INVALID);
		CHECK_STR(e.msg, "not an NVD CVE API response");
		CHECK_INT(e.line, 1);
		CHECK_INT(e.column, 1);
		CHECK_STR(e.file, files[i]);
	}
	for (size_t i = 0; i < 4; i++) {
		CHECK_INT(parse_str(texts[i], &LAX, &e), YM_E_INVALID);
		CHECK_STR(e.msg, "not an NVD CVE API response");
	}
	CHECK_INT(n_records + n_skipped, 0);
}

static void t_bad_json(void)
{
	ym_err e = YM_ERR_INIT;
	reset();
	CHECK_INT(parse_file("tests/fixtures/nvd/bad/not-json.txt", &LAX, &e),
		  YM_E_PARSE);
	CHECK_INT(e.line, 1);
	CHECK_INT(e.column, 1);
	CHECK_STR(e.msg, "unexpected character 'N'");
	CHECK_INT(parse_file("tests/fixtures/nvd/bad/truncated.json", &LAX, &e),
		  YM_E_PARSE);
	CHECK_INT(e.line, 13);
	CHECK_INT(e.column, 41);
	CHECK_STR(e.msg, "unexpected end of input in string");
	CHECK_INT(parse_str("", &LAX, &e), YM_E_PARSE);
	CHECK_INT(parse_file("tests/fixtures/nvd/bad/vulns-object.json", &LAX,
			     &e), YM_E_INVALID);
	CHECK_INT(e.line, 8);
	CHECK_INT(e.column, 22);
	CHECK_STR(e.field, "vulnerabilities");
	CHECK_STR(e.msg, "expected array, got object");
	CHECK_INT(n_records + n_skipped, 0);
}

/* Skip mode: every malformed entry is reported and left out. */
static void t_bad_records_skip(void)
{
	ym_err e = YM_ERR_INIT;
	reset();
	CHECK_INT(parse_file("tests/fixtures/nvd/bad/bad-records.json", &LAX,
			     &e), 0);
	CHECK_INT(n_records, 2);
	CHECK_INT(n_skipped, 9);
	CHECK_INT(e.code, 0);
	CHECK(strstr(out.ptr, "CVE-2099-0100 ") == out.ptr);
	CHECK(strstr(out.ptr, "\nCVE-2099-0110 ") != NULL);
	CHECK_STR(notes.ptr, EXPECT_SKIPS);
}

/* Strict mode: the first malformed entry stops the parse. */
static void t_bad_records_strict(void)
{
	ym_err e = YM_ERR_INIT;
	reset();
	CHECK_INT(parse_file("tests/fixtures/nvd/bad/bad-records.json", &STRICT,
			     &e), YM_E_INVALID);
	CHECK_INT(n_records, 1);
	CHECK_INT(n_skipped, 0);
	CHECK_STR(e.file, "tests/fixtures/nvd/bad/bad-records.json");
	CHECK_INT(e.line, 74);
	CHECK_INT(e.column, 33);
	CHECK_STR(e.record, "CVE-2099-0101");
	CHECK_STR(e.field, "vulnerabilities[1].cve.configurations[0].nodes[1]"
			   ".cpeMatch[0].criteria");
	CHECK_STR(e.msg, "invalid CPE 'cpe:2.3:a:example:widget:1.0': "
			 "expected 13 components, got 6");
}

/* One defect per bare cve object: the field and message it gives. */
static const struct bad_case {
	const char *members; /* added to {"id":..,"lastModified":..} */
	const char *field;
	const char *msg;
} bad_cases[] = {
	{"\"descriptions\":5", "descriptions", "expected array, got number"},
	{"\"descriptions\":[\"en\"]", "descriptions[0]",
	 "expected object, got string"},
	{"\"descriptions\":[{\"lang\":\"en\",\"value\":1}]",
	 "descriptions[0].value", "expected string, got number"},
	{"\"published\":20991231", "published", "expected string, got number"},
	{"\"metrics\":[]", "metrics", "expected object, got array"},
	{"\"metrics\":{\"cvssMetricV31\":{}}", "metrics.cvssMetricV31",
	 "expected array, got object"},
	{"\"metrics\":{\"cvssMetricV40\":[{\"source\":\"a\"}]}",
	 "metrics.cvssMetricV40[0].cvssData", "CVSS metric has no cvssData"},
	{"\"metrics\":{\"cvssMetricV2\":[{\"cvssData\":{\"baseScore\":5}}]}",
	 "metrics.cvssMetricV2[0].cvssData.vectorString",
	 "CVSS metric has no vectorString"},
	{"\"metrics\":{\"cvssMetricV30\":[{\"cvssData\":{\"vectorString\":"
	 "\"CVSS:3.0/AV:N\",\"baseScore\":\"7.5\"}}]}",
	 "metrics.cvssMetricV30[0].cvssData.baseScore",
	 "expected number, got string"},
	{"\"metrics\":{\"cvssMetricV31\":[{\"type\":1,\"cvssData\":{}}]}",
	 "metrics.cvssMetricV31[0].type", "expected string, got number"},
	{"\"weaknesses\":[{\"description\":[{\"value\":79}]}]",
	 "weaknesses[0].description[0].value", "expected string, got number"},
	{"\"configurations\":[{\"nodes\":\"x\"}]", "configurations[0].nodes",
	 "expected array, got string"},
	{"\"configurations\":[{\"operator\":\"xor\",\"nodes\":[]}]",
	 "configurations[0].operator",
	 "unknown operator 'xor' (expected AND or OR)"},
	{"\"configurations\":[{\"nodes\":[{\"cpeMatch\":[{}]}]}]",
	 "configurations[0].nodes[0].cpeMatch[0].criteria",
	 "cpeMatch entry has no criteria (required)"},
	{"\"configurations\":[{\"nodes\":[{\"cpeMatch\":[{\"criteria\":"
	 "\"cpe:/a:example:widget:1.0\"}]}]}]",
	 "configurations[0].nodes[0].cpeMatch[0].criteria",
	 "invalid CPE 'cpe:/a:example:widget:1.0': expected 'cpe:2.3:' at "
	 "position 0"},
	{"\"configurations\":[{\"nodes\":[{\"cpeMatch\":[{\"criteria\":"
	 "\"cpe:2.3:a:x:y:*:*:*:*:*:*:*:*\\u0000\"}]}]}]",
	 "configurations[0].nodes[0].cpeMatch[0].criteria",
	 "a NUL byte cannot be in a CPE name"},
	{"\"configurations\":[{\"nodes\":[{\"cpeMatch\":[{\"vulnerable\":"
	 "\"yes\",\"criteria\":\"cpe:2.3:a:x:y:*:*:*:*:*:*:*:*\"}]}]}]",
	 "configurations[0].nodes[0].cpeMatch[0].vulnerable",
	 "expected boolean, got string"},
	{"\"configurations\":[{\"nodes\":[{\"cpeMatch\":[{\"criteria\":"
	 "\"cpe:2.3:a:x:y:*:*:*:*:*:*:*:*\",\"versionEndExcluding\":2}]}]}]",
	 "configurations[0].nodes[0].cpeMatch[0].versionEndExcluding",
	 "expected string, got number"},
	{"\"references\":[{\"source\":\"a\"}]", "references[0].url",
	 "reference has no url (required)"},
	{"\"references\":[{\"url\":[\"https://a\"]}]", "references[0].url",
	 "expected string, got array"},
};

static void t_wrong_types(void)
{
	char json[1024];
	ym_err e = YM_ERR_INIT;
	for (size_t i = 0; i < sizeof bad_cases / sizeof *bad_cases; i++) {
		const struct bad_case *b = &bad_cases[i];
		reset();
		snprintf(json, sizeof json,
			 "{\"id\":\"CVE-2099-0001\",\"lastModified\":\"x\",%s}",
			 b->members);
		CHECK_INT(parse_str(json, &STRICT, &e), YM_E_INVALID);
		CHECK_STR(e.field, b->field);
		CHECK_STR(e.msg, b->msg);
		CHECK_STR(e.record, "CVE-2099-0001");
		CHECK_STR(e.file, "t.json");
		CHECK(e.line == 1 && e.column > 1);
		/* skip mode: the same record is reported and left out */
		CHECK_INT(parse_str(json, &LAX, &e), 0);
		CHECK_INT(n_skipped, 1);
		CHECK_INT(n_records, 0);
	}
}

static void t_ids(void)
{
	ym_err e = YM_ERR_INIT;
	reset();
	CHECK_INT(parse_str("{\"cve\":{\"id\":\"CVE-2099-123\"}}", &STRICT, &e),
		  YM_E_INVALID);
	CHECK_STR(e.field, "cve.id");
	CHECK_STR(e.record, "CVE-2099-123");
	CHECK_STR(e.msg, "invalid CVE id 'CVE-2099-123' (expected "
			 "CVE-YYYY-NNNN)");
	CHECK_INT(parse_str("{\"cve\":{\"id\":44228}}", &STRICT, &e),
		  YM_E_INVALID);
	CHECK_STR(e.field, "cve.id");
	CHECK_STR(e.record, "");
	CHECK_STR(e.msg, "expected string, got number");
	CHECK_INT(parse_str("{\"cve\":{}}", &STRICT, &e), YM_E_INVALID);
	CHECK_STR(e.msg, "record has no id (required)");
	CHECK_INT(parse_str("{\"cve\":[]}", &STRICT, &e), YM_E_INVALID);
	CHECK_STR(e.field, "cve");
	CHECK_STR(e.msg, "expected object, got array");
	CHECK_INT(n_records, 0);
}

/* An SSVC value NVD does not define is a warning; the record stays. */
static void t_ssvc_warning(void)
{
	const char *json =
		"{\"id\":\"CVE-2099-0001\",\"lastModified\":\"x\",\"metrics\":"
		"{\"ssvcV203\":[{\"source\":\"CISA-ADP\",\"ssvcData\":{"
		"\"options\":[{\"exploitation\":\"maybe\"},{\"automatable\":"
		"\"No\"},{\"technicalImpact\":\"Partial\"},{\"other\":1}]}}]}}";
	ym_err e = YM_ERR_INIT;
	reset();
	CHECK_INT(parse_str(json, &STRICT, &e), 0);
	CHECK_INT(n_records, 1);
	CHECK_INT(n_warnings, 1);
	CHECK(strstr(out.ptr, " ssvc - no partial - CISA-ADP -\n") != NULL);
	CHECK_STR(notes.ptr,
		  "warn t.json:1:125 CVE-2099-0001 metrics.ssvcV203[0]."
		  "ssvcData.options[0].exploitation: unknown SSVC value "
		  "(kept out)\n");
}

static void t_empty_page(void)
{
	const char *json = "{\"resultsPerPage\":0,\"startIndex\":0,"
			   "\"totalResults\":0,\"format\":\"NVD_CVE\","
			   "\"version\":\"2.0\",\"vulnerabilities\":[]}";
	ym_err e = YM_ERR_INIT;
	reset();
	CHECK_INT(parse_str(json, &STRICT, &e), 0);
	CHECK_INT(n_records, 0);
}

/* More than 64 distinct CWE ids: the first 64 are kept. */
static void t_cwe_cap(void)
{
	ym_buf json = YM_BUF_INIT;
	ym_err e = YM_ERR_INIT;
	reset();
	ym_buf_adds(&json, "{\"id\":\"CVE-2099-0001\",\"lastModified\":\"x\","
			   "\"weaknesses\":[{\"description\":[");
	for (int i = 1; i <= 70; i++)
		ym_buf_printf(&json, "%s{\"value\":\"CWE-%d\"}",
			      i > 1 ? "," : "", i);
	ym_buf_adds(&json, "]}]}");
	CHECK_INT(ym_nvd_parse(json.ptr, json.len, "c.json", &A, &STRICT, &e),
		  0);
	ym_buf_release(&json);
	CHECK(strstr(out.ptr, ",CWE-63,CWE-64\n") != NULL);
	CHECK(strstr(out.ptr, "CWE-65") == NULL);
}

static int failing_sink(const ym_vuln *v, void *ctx, ym_err *err)
{
	int *calls = ctx;
	(void)v;
	if (++*calls == 1)
		return ym_err_set(err, YM_E_STORE, "disk full");
	return YM_E_IO; /* without a message */
}

/* A sink's error stops the parse with its code and message. */
static void t_sink_error(void)
{
	int calls = 0;
	ym_feed_ctx fc = {.vuln = failing_sink, .ctx = &calls};
	ym_err e = YM_ERR_INIT;
	reset();
	CHECK_INT(parse_file("tests/fixtures/nvd/page.json", &fc, &e),
		  YM_E_STORE);
	CHECK_INT(calls, 1);
	CHECK_STR(e.msg, "disk full");
	ym_err_clear(&e);
	CHECK_INT(parse_file("tests/fixtures/nvd/page.json", &fc, &e), YM_E_IO);
	CHECK_INT(e.code, YM_E_IO);
	CHECK_STR(e.msg, "input/output error");
}

/* No context is strict and drops records; no ym_err is allowed. */
static void t_no_context(void)
{
	ym_err e = YM_ERR_INIT;
	reset();
	CHECK_INT(parse_file("tests/fixtures/nvd/page.json", NULL, &e), 0);
	CHECK_INT(parse_file("tests/fixtures/nvd/bad/bad-records.json", NULL,
			     &e), YM_E_INVALID);
	CHECK_STR(e.record, "CVE-2099-0101");
	const char *bad = "{\"cve\":{\"id\":\"x\"}}";
	CHECK_INT(ym_nvd_parse(bad, strlen(bad), "x.json", &A, &LAX, NULL), 0);
	CHECK_INT(ym_nvd_parse(bad, strlen(bad), "x.json", &A, NULL, NULL),
		  YM_E_INVALID);
	CHECK_INT(ym_nvd_parse("{", 1, "x.json", &A, NULL, NULL), YM_E_PARSE);
	CHECK_INT(ym_nvd_page_info("[", 1, "x.json", &A, NULL, NULL, NULL,
				   NULL), YM_E_PARSE);
}

static void t_helpers(void)
{
	CHECK(ym_nvd_cve_id_valid("CVE-2021-44228", 14));
	CHECK(ym_nvd_cve_id_valid("CVE-1999-0001", 13));
	CHECK(ym_nvd_cve_id_valid("CVE-2024-1234567890123456789", 28));
	CHECK(!ym_nvd_cve_id_valid("CVE-2024-12345678901234567890", 29));
	CHECK(!ym_nvd_cve_id_valid("CVE-2024-123", 12));
	CHECK(!ym_nvd_cve_id_valid("cve-2024-1234", 13));
	CHECK(!ym_nvd_cve_id_valid("CVE-24-12345", 12));
	CHECK(!ym_nvd_cve_id_valid("CVE-2024-12a4", 13));
	CHECK(!ym_nvd_cve_id_valid("CVE-2024_1234", 13));
	CHECK(!ym_nvd_cve_id_valid("CVE-2024-1234\0", 14));
	CHECK(!ym_nvd_cve_id_valid(NULL, 0));
	CHECK(ym_nvd_cwe_id_valid("CWE-79"));
	CHECK(!ym_nvd_cwe_id_valid("NVD-CWE-Other"));
	CHECK(!ym_nvd_cwe_id_valid("NVD-CWE-noinfo"));
	CHECK(!ym_nvd_cwe_id_valid("CWE-"));
	CHECK(!ym_nvd_cwe_id_valid("CWE-79 XSS"));
	CHECK(!ym_nvd_cwe_id_valid(NULL));
	CHECK_STR(ym_nvd_rating_lower("HIGH", &A), "high");
	CHECK_STR(ym_nvd_rating_lower("Important", &A), "important");
	CHECK(ym_nvd_rating_lower(NULL, &A) == NULL);
	CHECK_STR(ym_nvd_severity("CRITICAL", "3.1", 9.8), "critical");
	CHECK_STR(ym_nvd_severity("Moderate", "3.1", -1), "medium");
	CHECK_STR(ym_nvd_severity("important", "3.1", 7.5), "high");
	CHECK_STR(ym_nvd_severity(NULL, "2.0", 10.0), "high");
	CHECK_STR(ym_nvd_severity(NULL, "2.0", 0.0), "low");
	CHECK_STR(ym_nvd_severity(NULL, "3.1", 0.0), "none");
	CHECK_STR(ym_nvd_severity(NULL, "4.0", 9.0), "critical");
	CHECK_STR(ym_nvd_severity(NULL, "3.0", 3.9), "low");
	CHECK_STR(ym_nvd_severity(NULL, "3.1", -1), "unknown");
	CHECK_STR(ym_nvd_severity(NULL, NULL, 11), "unknown");
	CHECK(ym_nvd_lang_en("en") && ym_nvd_lang_en("en-US") &&
	      ym_nvd_lang_en("EN_gb") && !ym_nvd_lang_en("eng") &&
	      !ym_nvd_lang_en(NULL));
	CHECK(ym_nvd_lang_ja("ja") && ym_nvd_lang_ja("ja-JP") &&
	      !ym_nvd_lang_ja("jav"));
	CHECK_INT(ym_nvd_ssvc_point_of("Technical Impact"),
		  YM_SSVC_TECHNICAL_IMPACT);
	CHECK_INT(ym_nvd_ssvc_point_of("technicalImpact"),
		  YM_SSVC_TECHNICAL_IMPACT);
	CHECK_INT(ym_nvd_ssvc_point_of("Exploitation"), YM_SSVC_EXPLOITATION);
	CHECK_INT(ym_nvd_ssvc_point_of("automatable"), YM_SSVC_AUTOMATABLE);
	CHECK_INT(ym_nvd_ssvc_point_of("Mission Impact"),
		  YM_SSVC_UNKNOWN_POINT);
	CHECK_STR(ym_nvd_ssvc_value(YM_SSVC_EXPLOITATION, "public PoC"), "poc");
	CHECK_STR(ym_nvd_ssvc_value(YM_SSVC_EXPLOITATION, "Active"), "active");
	CHECK_STR(ym_nvd_ssvc_value(YM_SSVC_AUTOMATABLE, "YES"), "yes");
	CHECK_STR(ym_nvd_ssvc_value(YM_SSVC_TECHNICAL_IMPACT, "Total"),
		  "total");
	CHECK(ym_nvd_ssvc_value(YM_SSVC_AUTOMATABLE, "total") == NULL);
	CHECK(ym_nvd_ssvc_value(YM_SSVC_UNKNOWN_POINT, "yes") == NULL);
}

int main(void)
{
	ym_arena_init(&A, 0);
	RUN(t_page);
	RUN(t_item_and_bare);
	RUN(t_parse_page);
	RUN(t_page_info);
	RUN(t_not_nvd);
	RUN(t_bad_json);
	RUN(t_bad_records_skip);
	RUN(t_bad_records_strict);
	RUN(t_wrong_types);
	RUN(t_ids);
	RUN(t_ssvc_warning);
	RUN(t_empty_page);
	RUN(t_cwe_cap);
	RUN(t_sink_error);
	RUN(t_no_context);
	RUN(t_helpers);
	ym_arena_release(&A);
	ym_buf_release(&out);
	ym_buf_release(&notes);
	return test_done();
}
