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
	CHECK_INT(ym_store_components_replace(S, a1, comps, 2, &e), 0);
	CHECK_INT(ym_store_components_replace(S, a2, comps, 1, &e), 0);

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
		     .ranges = &r, .n_ranges = 1};
	ym_put_result res;
	CHECK_INT(ym_store_vuln_put(S, &v, &res, &e), 0);
	CHECK_INT(res, YM_PUT_INSERTED);
	CHECK_INT(ym_store_vuln_put(S, &v, &res, &e), 0);
	CHECK_INT(res, YM_PUT_UNCHANGED);
	v.summary = "command injection in template";
	CHECK_INT(ym_store_vuln_put(S, &v, &res, &e), 0);
	CHECK_INT(res, YM_PUT_UPDATED);
	int64_t n;
	CHECK_INT(ym_store_vuln_count(S, &n, &e), 0);
	CHECK_INT(n, 1);
	ym_arena ar;
	ym_vuln got;
	ym_arena_init(&ar, 0);
	CHECK_INT(ym_store_vuln_get(S, "CVE-2021-23337", &ar, &got, &e), 0);
	CHECK_STR(got.vuln_id, "YMD-1");
	CHECK_STR(got.summary, "command injection in template");
	CHECK_STR(got.aliases_joined, "CVE-2021-23337");
	v_rowid = got.id;
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
	/* a scan that does not see it resolves it */
	CHECK_INT(ym_store_findings_resolve_unseen(S, 0, &sc3,
						   &resolved, &e), 0);
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
