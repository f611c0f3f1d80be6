/* Unit tests for feeds/osv: the record model, event serialisation,
 * severity mapping, warnings and strict mode. */
#include <string.h>

#include "core/arena.h"
#include "feeds/osv.h"
#include "test.h"

static ym_arena A;
static char got[2048];
static int n_records;

static int sink(const ym_vuln *v, void *ctx, ym_err *err)
{
	(void)ctx;
	(void)err;
	n_records++;
	int off = snprintf(got, sizeof got, "%s|%s|%s|%s", v->vuln_id,
			   v->severity, v->cvss_vector ? v->cvss_vector : "-",
			   v->summary_ja ? v->summary_ja : "-");
	for (size_t i = 0; v->aliases && v->aliases[i]; i++)
		off += snprintf(got + off, sizeof got - off, "|%s",
				v->aliases[i]);
	for (size_t i = 0; i < v->n_ranges; i++)
		off += snprintf(got + off, sizeof got - off, "|%s:%s:%s:%s",
				v->ranges[i].ecosystem, v->ranges[i].package,
				v->ranges[i].range_type,
				v->ranges[i].events ? v->ranges[i].events
						    : v->ranges[i].versions);
	return 0;
}

static const ym_feed_ctx FC = {.vuln = sink};
static const ym_feed_ctx STRICT = {.strict = true, .vuln = sink};
static int skips;
static char skipped[2048];

static void on_skip(const ym_err *e, void *ctx)
{
	(void)ctx;
	skips++;
	snprintf(skipped, sizeof skipped, "%s|%s|%s", e->record, e->field,
		 e->msg);
}
static int warnings;
static char warning[2048];

static void on_warn(const ym_err *w, void *ctx)
{
	(void)ctx;
	warnings++;
	snprintf(warning, sizeof warning, "%ld:%ld %s %s", w->line, w->column,
		 w->field, w->msg);
}

static const char *REC =
	"{\"id\":\"YMD-1\",\"aliases\":[\"CVE-2020-14343\"],"
	"\"summary\":\"x\",\"severity\":[{\"type\":\"CVSS_V3\",\"score\":"
	"\"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\"}],"
	"\"database_specific\":{\"severity\":\"MODERATE\",\"yamori\":"
	"{\"summary_ja\":\"任意のコード実行\"}},"
	"\"affected\":[{\"package\":{\"ecosystem\":\"PyPI\",\"name\":\"PyYAML\"},"
	"\"ranges\":[{\"type\":\"ECOSYSTEM\",\"events\":[{\"introduced\":\"0\"},"
	"{\"fixed\":\"5.4\"}]}],\"versions\":[\"5.3\",\"5.3.1\"]}]}";

static void t_record(void)
{
	ym_err e = YM_ERR_INIT;
	n_records = 0;
	CHECK_INT(ym_osv_parse(REC, strlen(REC), "r.json", &A, &FC, &e),
		  0);
	CHECK_INT(n_records, 1);
	CHECK_STR(got, "YMD-1|medium|CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/"
		       "A:H|任意のコード実行|CVE-2020-14343"
		       "|PyPI:pyyaml:ECOSYSTEM:[{\"introduced\":\"0\"},"
		       "{\"fixed\":\"5.4\"}]"
		       "|PyPI:pyyaml:VERSIONS:[\"5.3\",\"5.3.1\"]");
}

/* the record lives only during the sink call: describe it there */
static int keep(const ym_vuln *v, void *ctx, ym_err *err)
{
	(void)ctx;
	(void)err;
	int off = snprintf(got, sizeof got, "%s|", v->cvss_vector);
	for (size_t i = 0; i < v->n_cvss; i++)
		off += snprintf(got + off, sizeof got - off, "%s,",
				v->cvss[i].version);
	for (size_t i = 0; v->cwes && v->cwes[i]; i++)
		off += snprintf(got + off, sizeof got - off, "%s,", v->cwes[i]);
	snprintf(got + off, sizeof got - off, "|%s", v->references);
	return 0;
}

static void t_cvss_cwe_refs(void)
{
	const char *rec =
		"{\"id\":\"GHSA-1\",\"severity\":[{\"type\":\"CVSS_V3\","
		"\"score\":\"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\"},"
		"{\"type\":\"CVSS_V4\",\"score\":\"CVSS:4.0/AV:N/AC:L/AT:N/"
		"PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N\"}],"
		"\"database_specific\":{\"cwe_ids\":[\"CWE-79\",\"NVD-CWE-noinfo\"]},"
		"\"references\":[{\"type\":\"WEB\",\"url\":\"https://x.example/a\"}]}";
	ym_err e = YM_ERR_INIT;
	ym_feed_ctx fc = {.vuln = keep};
	CHECK_INT(ym_osv_parse(rec, strlen(rec), "c.json", &A, &fc, &e), 0);
	CHECK_STR(got, "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/"
		       "SI:N/SA:N|4.0,3.1,CWE-79,|[{\"url\":"
		       "\"https://x.example/a\",\"tags\":[\"WEB\"]}]");
}

/* a distribution's record names the upstream vulnerability in
 * upstream[] only (Ubuntu, Red Hat): those ids are its aliases; a record
 * with aliases keeps them alone */
static void t_upstream(void)
{
	ym_err e = YM_ERR_INIT;
	const char *ubu = "{\"id\":\"UBUNTU-CVE-2023-38545\",\"upstream\":"
			  "[\"CVE-2023-38545\"]}";
	CHECK_INT(ym_osv_parse(ubu, strlen(ubu), "u.json", &A, &FC, &e), 0);
	CHECK_STR(got, "UBUNTU-CVE-2023-38545|unknown|-|-|CVE-2023-38545");
	const char *rh = "{\"id\":\"RHSA-2024:4546\",\"aliases\":[],"
			 "\"related\":[\"GO-2024-2687\"],\"upstream\":"
			 "[\"CVE-2023-45288\",\"CVE-2023-45289\"]}";
	CHECK_INT(ym_osv_parse(rh, strlen(rh), "r.json", &A, &FC, &e), 0);
	CHECK_STR(got, "RHSA-2024:4546|unknown|-|-|CVE-2023-45288|"
		       "CVE-2023-45289");
	const char *both = "{\"id\":\"GHSA-x\",\"aliases\":[\"CVE-2024-1\"],"
			   "\"upstream\":[\"CVE-2024-2\"]}";
	CHECK_INT(ym_osv_parse(both, strlen(both), "b.json", &A, &FC, &e), 0);
	CHECK_STR(got, "GHSA-x|unknown|-|-|CVE-2024-1");
	const char *bad = "{\"id\":\"U\",\"upstream\":[\"CVE-2024-3\",4]}";
	CHECK_INT(ym_osv_parse(bad, strlen(bad), "x.json", &A, &STRICT, &e),
		  YM_E_INVALID);
	CHECK_STR(e.field, "upstream[1]");
	CHECK_STR(e.msg, "expected string, got number");
}

static void t_array(void)
{
	ym_err e = YM_ERR_INIT;
	n_records = 0;
	const char *two = "[{\"id\":\"A\"},{\"id\":\"B\",\"affected\":7},"
			  "{\"id\":\"C\"}]";
	CHECK_INT(ym_osv_parse(two, strlen(two), "a.json", &A, &STRICT, &e),
		  YM_E_INVALID);
	CHECK_INT(n_records, 1);
	CHECK_STR(e.record, "B");
	CHECK_STR(e.field, "[1].affected");
	CHECK_STR(e.msg, "expected array, got number");
	/* not strict: B is skipped, named, and C still arrives */
	ym_feed_ctx lax = {.vuln = sink, .skip = on_skip};
	n_records = skips = 0;
	ym_err_clear(&e);
	CHECK_INT(ym_osv_parse(two, strlen(two), "a.json", &A, &lax, &e), 0);
	CHECK_INT(n_records, 2);
	CHECK_INT(skips, 1);
	CHECK_STR(skipped, "B|[1].affected|expected array, got number");
	CHECK_INT(e.code, 0);
}

static void t_warning_and_strict(void)
{
	const char *legacy =
		"{\"id\":\"P\",\"affected\":[{\"package\":{\"ecosystem\":"
		"\"PyPI\",\"name\":\"x\"},\"ranges\":[{\"type\":\"ECOSYSTEM\","
		"\"events\":[{\"introduced\":\"0\"},{\"fixed\":\"0.2.0-n653\"}]}]}]}";
	ym_err e = YM_ERR_INIT;
	ym_feed_ctx lax = {.vuln = sink, .warn = on_warn};
	warnings = 0;
	CHECK_INT(ym_osv_parse(legacy, strlen(legacy), "l.json", &A, &lax, &e), 0);
	CHECK_INT(warnings, 1);
	CHECK_STR(warning, "1:134 affected[0].ranges[0].events[1].fixed "
			   "invalid version '0.2.0-n653' at position 5: "
			   "unexpected '-'");
	ym_feed_ctx strict = {.strict = true, .vuln = sink};
	CHECK_INT(ym_osv_parse(legacy, strlen(legacy), "l.json", &A, &strict,
			       &e), YM_E_INVALID);
	CHECK_STR(e.field, "affected[0].ranges[0].events[1].fixed");
}

static void t_structure_errors(void)
{
	ym_err e = YM_ERR_INIT;
	const char *noev = "{\"id\":\"X\",\"affected\":[{\"package\":{\"ecosystem\""
			   ":\"npm\",\"name\":\"a\"},\"ranges\":[{\"type\":"
			   "\"SEMVER\",\"events\":[]}]}]}";
	CHECK_INT(ym_osv_parse(noev, strlen(noev), "e.json", &A, &STRICT,
			       &e), YM_E_INVALID);
	CHECK_STR(e.field, "affected[0].ranges[0].events");
	CHECK_STR(e.msg, "range has no events");
	const char *two = "{\"id\":\"X\",\"affected\":[{\"package\":{\"ecosystem\""
			  ":\"npm\",\"name\":\"a\"},\"ranges\":[{\"type\":"
			  "\"SEMVER\",\"events\":[{\"introduced\":\"0\","
			  "\"fixed\":\"1.0.0\"}]}]}]}";
	CHECK_INT(ym_osv_parse(two, strlen(two), "e.json", &A, &STRICT, &e),
		  YM_E_INVALID);
	CHECK_STR(e.msg, "event must have exactly one of introduced, fixed, "
			 "last_affected, limit");
	const char *type = "{\"id\":\"X\",\"affected\":[{\"package\":{\"ecosystem\""
			   ":\"npm\",\"name\":\"a\"},\"ranges\":[{\"type\":"
			   "\"RANGE\",\"events\":[{\"introduced\":\"0\"}]}]}]}";
	CHECK_INT(ym_osv_parse(type, strlen(type), "e.json", &A, &STRICT,
			       &e), YM_E_INVALID);
	CHECK_STR(e.msg, "unknown range type 'RANGE'");
	const char *pkg = "{\"id\":\"X\",\"affected\":[{\"package\":{\"name\":\"a\"}}]}";
	CHECK_INT(ym_osv_parse(pkg, strlen(pkg), "e.json", &A, &STRICT, &e),
		  YM_E_INVALID);
	CHECK_STR(e.msg, "package needs ecosystem and name");
}

int main(void)
{
	ym_arena_init(&A, 0);
	RUN(t_record);
	RUN(t_array);
	RUN(t_upstream);
	RUN(t_cvss_cwe_refs);
	RUN(t_warning_and_strict);
	RUN(t_structure_errors);
	ym_arena_release(&A);
	return test_done();
}
