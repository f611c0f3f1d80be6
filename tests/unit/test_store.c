/* Unit tests for store/: migrations, ledger rows, department scoping,
 * transactions, vulnerabilities and the finding lifecycle. */
#include <stdlib.h>
#include <unistd.h>

#include "core/arena.h"
#include "store/store.h"
#include "test.h"

static char path[64];
static ym_store *S;

static int count_assets(const ym_asset *a, void *ctx)
{
	(void)a;
	(*(int *)ctx)++;
	return 0;
}

static int count_components(const ym_component *c, void *ctx)
{
	(void)c;
	(*(int *)ctx)++;
	return 0;
}

static int count_findings(const ym_finding *f, void *ctx)
{
	(void)f;
	(*(int *)ctx)++;
	return 0;
}

static void t_open_and_migrate(void)
{
	ym_err e = YM_ERR_INIT;
	int v = 0;
	ym_store *s2;
	CHECK_INT(ym_store_open("/nonexistent/dir/x.db", false, &s2, &e),
		  YM_E_NOTFOUND);
	CHECK_INT(ym_store_open(path, true, &S, &e), 0);
	CHECK_INT(ym_store_schema_version(S, &v, &e), 0);
	CHECK_INT(v, ym_store_schema_latest());
	CHECK_INT(v, 1);
}

static int64_t d1, d2, a1, a2;

static void t_ledger(void)
{
	ym_err e = YM_ERR_INIT;
	ym_department dj = {.code = "jinji", .name = "人事部"};
	ym_department de = {.code = "eigyo", .name = "営業部",
			    .name_en = "Sales"};
	CHECK_INT(ym_store_department_put(S, &dj, &d1, &e), 0);
	CHECK_INT(ym_store_department_put(S, &de, &d2, &e), 0);
	int64_t again;
	dj.name = "人事総務部";
	CHECK_INT(ym_store_department_put(S, &dj, &again, &e), 0);
	CHECK_INT(again, d1); /* updated in place */

	ym_asset a = {.name = "人事給与システム", .department_id = d1,
		      .owner = "山田 太郎", .exposure = "internal",
		      .criticality = "high", .data_records = 1200};
	CHECK_INT(ym_store_asset_add(S, &a, &a1, &e), 0);
	ym_asset b = {.name = "顧客ポータル", .department_id = d2,
		      .exposure = "internet", .data_records = -1};
	CHECK_INT(ym_store_asset_add(S, &b, &a2, &e), 0);
	CHECK_INT(ym_store_asset_add(S, &b, NULL, &e), YM_E_EXISTS);
	CHECK_STR(e.msg, "an asset named '顧客ポータル' already exists");
	ym_asset bad = {.name = "x", .exposure = "public", .data_records = -1};
	CHECK(ym_store_asset_add(S, &bad, NULL, &e) < 0); /* CHECK constraint */

	ym_component comps[] = {
		{.name = "lodash", .version = "4.17.15",
		 .purl = "pkg:npm/lodash@4.17.15", .ecosystem = "npm",
		 .pkg_key = "lodash"},
		{.name = "minimist", .version = "0.0.8", .parent_id = 1,
		 .ecosystem = "npm", .pkg_key = "minimist"},
	};
	CHECK_INT(ym_store_components_replace(S, a1, comps, 2, NULL, NULL, &e), 0);
	CHECK_INT(ym_store_components_replace(S, a2, comps, 1, NULL, NULL, &e), 0);

	ym_arena ar;
	ym_arena_init(&ar, 0);
	ym_asset got;
	CHECK_INT(ym_store_asset_get(S, &ym_scope_all, "人事給与システム", &ar,
				     &got, &e), 0);
	CHECK_INT(got.id, a1);
	CHECK_STR(got.department_name, "人事総務部");
	CHECK_INT(got.data_records, 1200);
	CHECK_INT(got.component_count, 2);
	char idref[24];
	snprintf(idref, sizeof idref, "%lld", (long long)a2);
	CHECK_INT(ym_store_asset_get(S, &ym_scope_all, idref, &ar, &got, &e),
		  0);
	CHECK_STR(got.name, "顧客ポータル");
	CHECK_INT(got.data_records, -1);
	ym_arena_release(&ar);
}

static void t_scope(void)
{
	ym_err e = YM_ERR_INIT;
	int64_t only1[] = {d1};
	ym_scope s1 = {.all = false, .dept_ids = only1, .n = 1};
	ym_scope none = {.all = false, .dept_ids = NULL, .n = 0};
	int n = 0;
	CHECK_INT(ym_store_assets_each(S, &ym_scope_all, count_assets, &n, &e),
		  0);
	CHECK_INT(n, 2);
	n = 0;
	ym_store_assets_each(S, &s1, count_assets, &n, &e);
	CHECK_INT(n, 1);
	n = 0;
	ym_store_assets_each(S, &none, count_assets, &n, &e);
	CHECK_INT(n, 0);
	n = 0;
	ym_store_components_each(S, &s1, 0, count_components, &n, &e);
	CHECK_INT(n, 2);
	n = 0;
	ym_store_components_each(S, &s1, a2, count_components, &n, &e);
	CHECK_INT(n, 0); /* asset of another department */
	ym_arena ar;
	ym_asset got;
	ym_arena_init(&ar, 0);
	CHECK_INT(ym_store_asset_get(S, &s1, "顧客ポータル", &ar, &got, &e),
		  YM_E_NOTFOUND);
	ym_arena_release(&ar);
}

static void t_rollback(void)
{
	ym_err e = YM_ERR_INIT;
	int n = 0;
	CHECK_INT(ym_store_begin(S, &e), 0);
	ym_asset a = {.name = "temp", .data_records = -1};
	CHECK_INT(ym_store_asset_add(S, &a, NULL, &e), 0);
	ym_store_rollback(S);
	ym_store_assets_each(S, &ym_scope_all, count_assets, &n, &e);
	CHECK_INT(n, 2);
}

static int64_t v_rowid;

static char srcs[1024];

static int collect_source(const ym_vuln *v, void *ctx)
{
	(void)ctx;
	size_t off = strlen(srcs);
	off += snprintf(srcs + off, sizeof srcs - off, "%s%s:%s:%s", off ? ";" : "",
			v->source, v->vuln_id, v->summary ? v->summary : "-");
	for (size_t i = 0; v->aliases && v->aliases[i]; i++)
		off += snprintf(srcs + off, sizeof srcs - off, ",%s",
				v->aliases[i]);
	for (size_t i = 0; i < v->n_cvss; i++)
		off += snprintf(srcs + off, sizeof srcs - off, ",cvss%s=%.1f",
				v->cvss[i].version, v->cvss[i].base_score);
	for (size_t i = 0; i < v->n_cpes; i++)
		off += snprintf(srcs + off, sizeof srcs - off, ",cpe%d.%d<%s",
				v->cpes[i].config, v->cpes[i].node,
				v->cpes[i].end_excl ? v->cpes[i].end_excl : "");
	for (size_t i = 0; v->cwes && v->cwes[i]; i++)
		off += snprintf(srcs + off, sizeof srcs - off, ",%s",
				v->cwes[i]);
	if (v->ssvc)
		snprintf(srcs + off, sizeof srcs - off, ",ssvc=%s",
			 v->ssvc->exploitation);
	return 0;
}

static void t_vulns(void)
{
	ym_err e = YM_ERR_INIT;
	const char *aliases[] = {"CVE-2021-23337", NULL};
	ym_affected_range r = {.ecosystem = "npm", .package = "lodash",
			       .range_type = "SEMVER",
			       .events = "[{\"introduced\":\"0\"},"
					 "{\"fixed\":\"4.17.21\"}]"};
	ym_vuln v = {.vuln_id = "YMD-1", .summary = "command injection",
		     .severity = "high", .aliases = aliases, .source = "osv",
		     .modified = "2024-01-02T00:00:00Z",
		     .ranges = &r, .n_ranges = 1};
	ym_put_result res;
	CHECK_INT(ym_store_vuln_put(S, &v, &res, &e), 0);
	CHECK_INT(res, YM_PUT_INSERTED);
	CHECK_INT(ym_store_vuln_put(S, &v, &res, &e), 0);
	CHECK_INT(res, YM_PUT_UNCHANGED);
	v.summary = "command injection in template";
	CHECK_INT(ym_store_vuln_put(S, &v, &res, &e), 0);
	CHECK_INT(res, YM_PUT_UPDATED);
	/* an older copy of the record does not step back in time */
	v.summary = "stale";
	v.modified = "2023-12-31T00:00:00Z";
	CHECK_INT(ym_store_vuln_put(S, &v, &res, &e), 0);
	CHECK_INT(res, YM_PUT_UNCHANGED);
	int64_t n;
	CHECK_INT(ym_store_vuln_count(S, &n, &e), 0);
	CHECK_INT(n, 1);

	/* NVD's record of the same CVE joins it; its English text wins the
	 * merged view, the OSV record stays beside it */
	const char *cwes[] = {"CWE-94", "CWE-77", NULL};
	ym_cvss_entry cv = {.version = "3.1",
			    .vector = "CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/"
				      "I:H/A:H",
			    .base_score = 7.2, .severity = "high",
			    .origin = "nvd@nist.gov", .kind = "Primary"};
	ym_cpe_criterion cpe = {.criteria = "cpe:2.3:a:lodash:lodash:*:*:*:*:"
					    "*:node.js:*:*",
				.vulnerable = true, .end_excl = "4.17.21"};
	ym_ssvc_points ssvc = {.exploitation = "poc", .automatable = "no",
			       .technical_impact = "total"};
	ym_vuln nvd = {.vuln_id = "CVE-2021-23337", .source = "nvd",
		       .summary = "Lodash versions prior to 4.17.21 are"
				  " vulnerable to Command Injection",
		       .severity = "high", .cwes = cwes, .cvss = &cv,
		       .n_cvss = 1, .cpes = &cpe, .n_cpes = 1, .ssvc = &ssvc};
	CHECK_INT(ym_store_vuln_put(S, &nvd, &res, &e), 0);
	CHECK_INT(res, YM_PUT_INSERTED);
	CHECK_INT(ym_store_vuln_count(S, &n, &e), 0);
	CHECK_INT(n, 1);

	ym_arena ar;
	ym_vuln got;
	ym_arena_init(&ar, 0);
	CHECK_INT(ym_store_vuln_get(S, "YMD-1", &ar, &got, &e), 0);
	CHECK_STR(got.vuln_id, "CVE-2021-23337");
	CHECK_STR(got.summary, "Lodash versions prior to 4.17.21 are"
			       " vulnerable to Command Injection");
	CHECK_STR(got.aliases_joined, "YMD-1");
	CHECK_STR(got.cwes[0], "CWE-77");
	CHECK_STR(got.cwes[1], "CWE-94");
	CHECK(got.cwes[2] == NULL);
	v_rowid = got.id;
	srcs[0] = '\0';
	CHECK_INT(ym_store_vuln_sources_each(S, got.id, collect_source, NULL,
					     &e), 0);
	CHECK_STR(srcs, "nvd:CVE-2021-23337:Lodash versions prior to 4.17.21"
			" are vulnerable to Command Injection,cvss3.1=7.2,"
			"cpe0.0<4.17.21,CWE-94,CWE-77,ssvc=poc;"
			"osv:YMD-1:command injection in template,CVE-2021-23337");
	CHECK_INT(ym_store_vuln_get(S, "CVE-0000-0001", &ar, &got, &e),
		  YM_E_NOTFOUND);
	CHECK_STR(e.msg, "no vulnerability 'CVE-0000-0001'");

	/* a GHSA without a CVE is its own vulnerability until the advisory
	 * names one: then it moves over and the empty row goes */
	ym_vuln gh = {.vuln_id = "GHSA-xxxx-yyyy-zzzz", .source = "osv",
		      .summary = "prototype pollution",
		      .modified = "2024-01-01T00:00:00Z"};
	CHECK_INT(ym_store_vuln_put(S, &gh, &res, &e), 0);
	CHECK_INT(ym_store_vuln_count(S, &n, &e), 0);
	CHECK_INT(n, 2);
	const char *ghal[] = {"CVE-2021-23337", NULL};
	gh.aliases = ghal;
	gh.modified = "2024-02-01T00:00:00Z";
	CHECK_INT(ym_store_vuln_put(S, &gh, &res, &e), 0);
	CHECK_INT(res, YM_PUT_UPDATED);
	CHECK_INT(ym_store_vuln_count(S, &n, &e), 0);
	CHECK_INT(n, 1);
	CHECK_INT(ym_store_vuln_get(S, "GHSA-xxxx-yyyy-zzzz", &ar, &got, &e),
		  0);
	CHECK_STR(got.vuln_id, "CVE-2021-23337");
	CHECK_STR(got.aliases_joined, "GHSA-xxxx-yyyy-zzzz, YMD-1");

	/* JVN: an overview (RSS) record does not replace the detail of the
	 * same date; a newer overview does */
	ym_vuln jd = {.vuln_id = "JVNDB-2024-000001", .source = "jvn",
		      .title_ja = "詳細", .modified = "2024-05-01T00:00:00Z",
		      .cpes = &cpe, .n_cpes = 1};
	CHECK_INT(ym_store_vuln_put(S, &jd, &res, &e), 0);
	CHECK_INT(res, YM_PUT_INSERTED);
	ym_vuln jo = {.vuln_id = "JVNDB-2024-000001", .source = "jvn",
		      .title_ja = "概要", .status = "overview",
		      .modified = "2024-05-01T00:00:00Z"};
	CHECK_INT(ym_store_vuln_put(S, &jo, &res, &e), 0);
	CHECK_INT(res, YM_PUT_UNCHANGED);
	jo.modified = "2024-06-01T00:00:00Z";
	CHECK_INT(ym_store_vuln_put(S, &jo, &res, &e), 0);
	CHECK_INT(res, YM_PUT_UPDATED);
	ym_arena_release(&ar);
}

static int epss_line(const ym_epss_entry *ep, void *ctx)
{
	(void)ctx;
	size_t off = strlen(srcs);
	snprintf(srcs + off, sizeof srcs - off, "%s=%.5f;", ep->date,
		 ep->score);
	return 0;
}

static void t_context(void)
{
	ym_err e = YM_ERR_INIT;
	ym_put_result res;
	ym_arena ar;
	ym_arena_init(&ar, 0);
	ym_kev_entry k = {.cve_id = "CVE-2021-44228", .vendor = "Apache",
			  .product = "Log4j2", .date_added = "2021-12-10",
			  .due_date = "2021-12-24", .ransomware = "Known"};
	CHECK_INT(ym_store_kev_put(S, &k, &res, &e), 0);
	CHECK_INT(res, YM_PUT_INSERTED);
	CHECK_INT(ym_store_kev_put(S, &k, &res, &e), 0);
	CHECK_INT(res, YM_PUT_UNCHANGED);
	k.notes = "https://example.com/log4j";
	CHECK_INT(ym_store_kev_put(S, &k, &res, &e), 0);
	CHECK_INT(res, YM_PUT_UPDATED);
	ym_kev_entry got;
	CHECK_INT(ym_store_kev_get(S, "CVE-2021-44228", &ar, &got, &e), 0);
	CHECK_STR(got.due_date, "2021-12-24");
	CHECK_STR(got.notes, "https://example.com/log4j");
	CHECK_INT(ym_store_kev_get(S, "CVE-2020-0001", &ar, &got, &e),
		  YM_E_NOTFOUND);

	ym_epss_entry ep = {.cve_id = "CVE-2021-44228", .score = 0.97,
			    .percentile = 0.9999, .date = "2026-09-28"};
	CHECK_INT(ym_store_epss_put(S, &ep, &res, &e), 0);
	CHECK_INT(res, YM_PUT_INSERTED);
	ep.date = "2026-09-29"; /* same score next day: no history row */
	ep.percentile = 0.99995;
	CHECK_INT(ym_store_epss_put(S, &ep, &res, &e), 0);
	CHECK_INT(res, YM_PUT_UPDATED);
	ep.date = "2026-09-30";
	ep.score = 0.95;
	CHECK_INT(ym_store_epss_put(S, &ep, &res, &e), 0);
	ep.date = "2026-09-29"; /* an older file changes nothing current */
	ep.score = 0.5;
	CHECK_INT(ym_store_epss_put(S, &ep, &res, &e), 0);
	CHECK_INT(res, YM_PUT_UNCHANGED);
	ym_epss_entry cur;
	CHECK_INT(ym_store_epss_get(S, "CVE-2021-44228", &ar, &cur, &e), 0);
	CHECK_STR(cur.date, "2026-09-30");
	CHECK(cur.score > 0.949 && cur.score < 0.951);
	srcs[0] = '\0';
	CHECK_INT(ym_store_epss_history(S, "CVE-2021-44228", epss_line, NULL,
					&e), 0);
	CHECK_STR(srcs, "2026-09-28=0.97000;2026-09-29=0.50000;"
			"2026-09-30=0.95000;");
	ym_arena_release(&ar);
}

static void t_findings(void)
{
	ym_err e = YM_ERR_INIT;
	ym_finding f = {.asset_id = a1, .vuln_rowid = v_rowid,
			.component_key = "npm/lodash",
			.component_name = "lodash",
			.component_version = "4.17.15", .confidence = "high",
			.evidence = "{}"};
	ym_sighting r;
	int64_t resolved;
	ym_scan sc1, sc2, sc3, sc4;
	CHECK_INT(ym_store_scan_begin(S, 0, &sc1, &e), 0);
	CHECK_INT(ym_store_scan_begin(S, 0, &sc2, &e), 0);
	CHECK_INT(ym_store_scan_begin(S, 0, &sc3, &e), 0);
	CHECK_INT(ym_store_scan_begin(S, 0, &sc4, &e), 0);
	CHECK(sc1.id < sc2.id && sc2.id < sc3.id && sc3.id < sc4.id);
	CHECK_INT(ym_store_finding_seen(S, &f, &sc1, true,
					&r, &e), 0);
	CHECK_INT(r, YM_SIGHT_NONE);
	CHECK_INT(ym_store_finding_seen(S, &f, &sc1, false,
					&r, &e), 0);
	CHECK_INT(r, YM_SIGHT_NEW);
	CHECK_INT(ym_store_finding_seen(S, &f, &sc2, true,
					&r, &e), 0);
	CHECK_INT(r, YM_SIGHT_REFRESHED);
	/* a run that does not see it resolves it */
	int64_t fresh;
	ym_run_scope all = {0};
	CHECK_INT(ym_store_findings_record(S, NULL, 0, &sc3, &all, &fresh,
					   &resolved, &e), 0);
	CHECK_INT(fresh, 0);
	CHECK_INT(resolved, 1);
	int n = 0;
	ym_finding_filter open = {.status = YM_FINDING_OPEN};
	ym_store_findings_each(S, &ym_scope_all, &open, count_findings, &n,
			       &e);
	CHECK_INT(n, 0);
	/* seen again at another version: carried over, re-opened */
	f.component_version = "4.17.16";
	CHECK_INT(ym_store_finding_seen(S, &f, &sc4, true,
					&r, &e), 0);
	CHECK_INT(r, YM_SIGHT_NONE);
	CHECK_INT(ym_store_finding_seen(S, &f, &sc4, false,
					&r, &e), 0);
	CHECK_INT(r, YM_SIGHT_CARRIED);
	/* a second version in the same scan is a finding of its own */
	f.component_version = "4.17.17";
	CHECK_INT(ym_store_finding_seen(S, &f, &sc4, false,
					&r, &e), 0);
	CHECK_INT(r, YM_SIGHT_NEW);
	n = 0;
	ym_store_findings_each(S, &ym_scope_all, &open, count_findings, &n,
			       &e);
	CHECK_INT(n, 2);
	int64_t only2[] = {d2};
	ym_scope s2 = {.all = false, .dept_ids = only2, .n = 1};
	n = 0;
	ym_store_findings_each(S, &s2, &open, count_findings, &n, &e);
	CHECK_INT(n, 0); /* the finding belongs to the other department */
	ym_finding_filter high = {.status = -1, .severity = "critical"};
	n = 0;
	ym_store_findings_each(S, &ym_scope_all, &high, count_findings, &n,
			       &e);
	CHECK_INT(n, 0);
	high.severity = "high";
	ym_store_findings_each(S, &ym_scope_all, &high, count_findings, &n,
			       &e);
	CHECK_INT(n, 2);
}

int main(void)
{
	snprintf(path, sizeof path, "/tmp/yamori-store-test-%d.db",
		 (int)getpid());
	RUN(t_open_and_migrate);
	if (S) {
		RUN(t_ledger);
		RUN(t_scope);
		RUN(t_rollback);
		RUN(t_vulns);
		RUN(t_findings);
		RUN(t_context);
		ym_store_close(S);
	}
	char p2[80];
	unlink(path);
	snprintf(p2, sizeof p2, "%s-wal", path);
	unlink(p2);
	snprintf(p2, sizeof p2, "%s-shm", path);
	unlink(p2);
	return test_done();
}
