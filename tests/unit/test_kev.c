/* Unit tests for feeds/kev: the catalog in JSON and in CSV gives the same
 * entries, field by field; malformed entries, strict and skip, files that
 * are not a catalog. */
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "feeds/kev.h"
#include "test.h"

static ym_arena A;
static ym_buf got = YM_BUF_INIT;
static ym_buf warnings = YM_BUF_INIT;
static int n_entries, n_warnings, n_skips;

static const char *s(const char *x)
{
	return x ? x : "-";
}

static int sink(const ym_kev_entry *k, void *ctx, ym_err *err)
{
	(void)ctx;
	(void)err;
	n_entries++;
	ym_buf_printf(&got, "%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s\n",
		      s(k->cve_id), s(k->vendor), s(k->product), s(k->name),
		      s(k->date_added), s(k->due_date), s(k->description),
		      s(k->required_action), s(k->notes), s(k->ransomware),
		      s(k->cwes), s(k->catalog_version));
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

static const ym_feed_ctx LAX = {.kev = sink, .warn = on_warn, .skip = on_skip};
static const ym_feed_ctx STRICT = {
	.strict = true, .kev = sink, .warn = on_warn, .skip = on_skip};

static void reset(void)
{
	ym_buf_reset(&got);
	ym_buf_reset(&warnings);
	n_entries = n_warnings = n_skips = 0;
	ym_arena_reset(&A);
}

static int parse_file(const char *path, const ym_feed_ctx *fc, ym_err *e)
{
	ym_buf b = YM_BUF_INIT;
	int rc = ym_buf_read_file(&b, path, e);
	if (rc == 0)
		rc = ym_kev_parse(b.ptr, b.len, path, &A, fc, e);
	ym_buf_release(&b);
	return rc;
}

static int parse_str(const char *text, const ym_feed_ctx *fc, ym_err *e)
{
	return ym_kev_parse(text, strlen(text), "t", &A, fc, e);
}

#define FX "tests/fixtures/kev/"

/* Both forms, without the catalog version the CSV does not carry. */
#define ENTRIES(VER)                                                        \
	"CVE-2024-3400|Palo Alto Networks|PAN-OS|Palo Alto Networks PAN-OS " \
	"Command Injection Vulnerability|2024-04-12|2024-04-19|The "          \
	"GlobalProtect feature of PAN-OS lets an unauthenticated attacker "  \
	"run commands as root on the firewall.|Apply mitigations per vendor " \
	"instructions.|https://security.paloaltonetworks.com/CVE-2024-3400 ; " \
	"https://nvd.nist.gov/vuln/detail/CVE-2024-3400|Known|CWE-20, "      \
	"CWE-77|" VER "\n"                                                   \
	"CVE-2023-44487|IETF|HTTP/2|HTTP/2 Rapid Reset Attack "              \
	"Vulnerability|2023-10-10|2023-10-31|HTTP/2 lets a client open and " \
	"reset streams fast enough to exhaust a server (DDoS).|Apply "      \
	"mitigations per vendor instructions or discontinue use of the "     \
	"product.|-|Unknown|CWE-400|" VER "\n"                               \
	"CVE-2021-44228|Apache|Log4j2|Apache Log4j2 Remote Code Execution "  \
	"Vulnerability|2021-12-10|2021-12-24|JNDI features of Log4j2 do not " \
	"protect against attacker-controlled endpoints, which allows remote " \
	"code execution.|Apply updates or remove affected assets from "      \
	"agency networks.|https://nvd.nist.gov/vuln/detail/CVE-2021-44228|"  \
	"Known|CWE-20, CWE-400, CWE-502|" VER "\n"                           \
	"CVE-2014-0160|OpenSSL|OpenSSL|OpenSSL Information Disclosure "      \
	"Vulnerability|2022-05-04|2022-05-25|The TLS heartbeat extension of " \
	"OpenSSL reads past a buffer and discloses memory "                  \
	"(\u201cHeartbleed\u201d).|Apply updates per vendor instructions.|"  \
	"https://nvd.nist.gov/vuln/detail/CVE-2014-0160|Unknown|-|" VER "\n"

static void t_json(void)
{
	ym_err e = YM_ERR_INIT;
	reset();
	CHECK_INT(parse_file(FX "catalog.json", &LAX, &e), 0);
	CHECK_INT(n_entries, 4);
	CHECK_INT(n_warnings, 0);
	CHECK_STR(got.ptr, ENTRIES("2024.04.12"));
}

static void t_csv(void)
{
	ym_err e = YM_ERR_INIT;
	reset();
	CHECK_INT(parse_file(FX "catalog.csv", &LAX, &e), 0);
	CHECK_INT(n_entries, 4);
	CHECK_INT(n_warnings, 0);
	CHECK_STR(got.ptr, ENTRIES("-"));
}

/* Quoting, a BOM, columns in another order, line breaks in a cell. */
static void t_csv_forms(void)
{
	const char *csv =
		"\xEF\xBB\xBF" "dueDate,cveID,vendorProject,product,"
		"vulnerabilityName,dateAdded,shortDescription,requiredAction\n"
		"2023-10-31,CVE-2023-44487,\"IETF\",HTTP/2,\"a \"\"quoted\"\", "
		"two\nline name\",2023-10-10,\"x, y\",z\n"
		"\n";
	ym_err e = YM_ERR_INIT;
	reset();
	CHECK_INT(parse_str(csv, &LAX, &e), 0);
	CHECK_INT(n_entries, 1);
	CHECK_STR(got.ptr, "CVE-2023-44487|IETF|HTTP/2|a \"quoted\", two\n"
			   "line name|2023-10-10|2023-10-31|x, y|z|-|-|-|-\n");
}

static void t_bad_fields(void)
{
	ym_err e = YM_ERR_INIT;
	reset();
	CHECK_INT(parse_file(FX "bad/bad-fields.json", &LAX, &e), 0);
	CHECK_INT(n_entries, 2);
	CHECK_INT(n_skips, 5);
	CHECK_INT(n_warnings, 3);
	CHECK_STR(warnings.ptr,
		"skip 7:69 CVE-2023-44487|vulnerabilities[0].dueDate|invalid "
		"date '2023-02-29' (expected YYYY-MM-DD)\n"
		"skip 8:19 CVE-2023-123|vulnerabilities[1].cveID|invalid CVE "
		"id 'CVE-2023-123'\n"
		"skip 11:9 CVE-2021-44228|vulnerabilities[2].product|required "
		"member 'product' is missing\n"
		"warn 17:69 CVE-2014-0160|vulnerabilities[3].cwes[1]|'buffer "
		"overflow' is not a CWE id\n"
		"warn 17:40 CVE-2014-0160|vulnerabilities[3]."
		"knownRansomwareCampaignUse|unexpected value 'Maybe' (expected "
		"Known or Unknown)\n"
		"skip 18:86 CVE-2024-3400|vulnerabilities[4].product|expected "
		"string, got number\n"
		"skip 21:9 |vulnerabilities[5]|expected object, got string\n"
		"warn 22:19 CVE-2014-0160|vulnerabilities[6].cveID|"
		"'CVE-2014-0160' is listed more than once\n");
	CHECK_STR(got.ptr,
		  "CVE-2014-0160|OpenSSL|OpenSSL|x|2022-05-04|2022-05-25|x|y|-|"
		  "Maybe|CWE-119, buffer overflow|2024.01.01\n"
		  "CVE-2014-0160|OpenSSL|OpenSSL|x|2022-05-04|2022-05-25|x|y|-|"
		  "-|-|2024.01.01\n");

	reset();
	CHECK_INT(parse_file(FX "bad/bad-fields.json", &STRICT, &e),
		  YM_E_INVALID);
	CHECK_INT(n_entries, 0);
	CHECK_INT(e.line, 7);
	CHECK_INT(e.column, 69);
	CHECK_STR(e.record, "CVE-2023-44487");
	CHECK_STR(e.field, "vulnerabilities[0].dueDate");
}

static void t_bad_csv(void)
{
	ym_err e = YM_ERR_INIT;
	reset();
	CHECK_INT(parse_file(FX "bad/short-row.csv", &LAX, &e), 0);
	CHECK_INT(n_entries, 1);
	CHECK_STR(warnings.ptr,
		  "skip 2:1 CVE-2023-44487||row has 10 fields, the header 11\n"
		  "skip 5:47 CVE-2021-44228|dueDate|invalid date '2021-13-24' "
		  "(expected YYYY-MM-DD)\n");
	CHECK_STR(got.ptr, "CVE-2014-0160|OpenSSL|OpenSSL|x|2022-05-04|"
			   "2022-05-25|multi\nline \"quoted\"|y|-|Unknown|"
			   "CWE-119|-\n");
	reset();
	CHECK_INT(parse_file(FX "bad/short-row.csv", &STRICT, &e),
		  YM_E_INVALID);
	CHECK_INT(n_entries, 0);
	CHECK_INT(e.line, 2);

	ym_err_clear(&e);
	CHECK_INT(parse_file(FX "bad/bad-quote.csv", &LAX, &e), YM_E_PARSE);
	CHECK_INT(e.line, 2);
	CHECK_INT(e.column, 28);
	CHECK_STR(e.msg, "unterminated quoted field");
	ym_err_clear(&e);
	CHECK_INT(parse_str("cveID,vendorProject,product,vulnerabilityName,"
			    "dateAdded,shortDescription,requiredAction,"
			    "dueDate\n\"a\"b,c\n", &LAX, &e), YM_E_PARSE);
	CHECK_STR(e.msg, "unexpected character after a quoted field");
	CHECK_INT(e.column, 4);
	ym_err_clear(&e);
	CHECK_INT(parse_str("cveID\n\xff\n", &LAX, &e), YM_E_PARSE);
	CHECK_INT(e.line, 2);
	CHECK_STR(e.msg, "invalid UTF-8 or NUL byte in CSV");
}

static void t_not_kev(void)
{
	ym_err e = YM_ERR_INIT;
	reset();
	CHECK_INT(parse_file(FX "bad/not-kev.json", &LAX, &e), YM_E_INVALID);
	CHECK_STR(e.msg, "not a KEV catalog: no 'vulnerabilities' array");
	ym_err_clear(&e);
	CHECK_INT(parse_file(FX "bad/no-header.csv", &LAX, &e), YM_E_INVALID);
	CHECK_STR(e.msg, "not a KEV catalog: the CSV header has no 'cveID' "
			 "column");
	ym_err_clear(&e);
	CHECK_INT(parse_str("  \n", &LAX, &e), YM_E_INVALID);
	CHECK_STR(e.msg, "not a KEV catalog: the file is empty");
	ym_err_clear(&e);
	CHECK_INT(parse_str("{\"vulnerabilities\":", &LAX, &e), YM_E_PARSE);
	ym_err_clear(&e);
	CHECK_INT(parse_str("{\"catalogVersion\":1,\"vulnerabilities\":[]}",
			    &LAX, &e), YM_E_INVALID);
	CHECK_STR(e.field, "catalogVersion");
	CHECK_INT(n_entries, 0);
}

static void t_catalog_warnings(void)
{
	ym_err e = YM_ERR_INIT;
	reset();
	CHECK_INT(parse_str("{\"count\":2,\"vulnerabilities\":[]}", &LAX, &e),
		  0);
	CHECK_STR(warnings.ptr,
		  "warn 1:1 |catalogVersion|the catalog has no catalogVersion\n"
		  "warn 1:10 |count|count says 2 entries, the catalog has 0\n");
}

static int failing_sink(const ym_kev_entry *k, void *ctx, ym_err *err)
{
	(void)k;
	(void)ctx;
	(void)err;
	return YM_E_STORE;
}

static void t_sink_error(void)
{
	ym_err e = YM_ERR_INIT;
	ym_feed_ctx fc = {.kev = failing_sink, .skip = on_skip};
	reset();
	CHECK_INT(parse_file(FX "catalog.csv", &fc, &e), YM_E_STORE);
	CHECK_INT(e.code, YM_E_STORE);
	CHECK_INT(n_skips, 0);
}

int main(void)
{
	ym_arena_init(&A, 0);
	RUN(t_json);
	RUN(t_csv);
	RUN(t_csv_forms);
	RUN(t_bad_fields);
	RUN(t_bad_csv);
	RUN(t_not_kev);
	RUN(t_catalog_warnings);
	RUN(t_sink_error);
	ym_buf_release(&got);
	ym_buf_release(&warnings);
	ym_arena_release(&A);
	return test_done();
}
