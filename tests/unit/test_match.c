/* Unit tests for match/: index, evaluation, evidence, lifecycle. */
#include <stdlib.h>
#include <unistd.h>

#include "match/match.h"
#include "test.h"

static char path[64];
static ym_store *S;
static int64_t asset;

static void put_vuln(const char *id, const char *eco, const char *pkg,
		     const char *type, const char *events,
		     const char *versions, const char *withdrawn)
{
	ym_err e = YM_ERR_INIT;
	ym_affected_range r = {.ecosystem = eco, .package = pkg,
			       .range_type = type, .events = events,
			       .versions = versions};
	ym_vuln v = {.vuln_id = id, .severity = "high", .source = "osv",
		     .withdrawn = withdrawn, .ranges = &r, .n_ranges = 1};
	ym_put_result res;
	if (ym_store_vuln_put(S, &v, &res, &e))
		fprintf(stderr, "put %s: %s\n", id, e.msg);
}

static char listing[4096];

static int collect(const ym_finding *f, void *ctx)
{
	size_t n = strlen(listing);
	snprintf(listing + n, sizeof listing - n, "%s %s %s %s\n",
		 f->component_name, f->component_version, f->vuln_id,
		 ym_finding_status_name(f->status));
	(void)ctx;
	return 0;
}

static const char *findings(int status)
{
	ym_err e = YM_ERR_INIT;
	ym_finding_filter ff = {.status = status};
	listing[0] = 0;
	ym_store_findings_each(S, &ym_scope_all, &ff, collect, NULL, &e);
	return listing;
}

static void setup(void)
{
	ym_err e = YM_ERR_INIT;
	CHECK_INT(ym_store_open(path, true, &S, &e), 0);
	ym_asset a = {.name = "app", .data_records = -1};
	CHECK_INT(ym_store_asset_add(S, &a, &asset, &e), 0);
	put_vuln("V-NPM", "npm", "lodash", "SEMVER",
		 "[{\"introduced\":\"0\"},{\"fixed\":\"4.17.21\"}]", NULL, NULL);
	put_vuln("V-LAST", "npm", "jsonwebtoken", "ECOSYSTEM",
		 "[{\"introduced\":\"0\"},{\"last_affected\":\"8.5.1\"}]", NULL,
		 NULL);
	put_vuln("V-PYPI", "PyPI", "pyyaml", "ECOSYSTEM",
		 "[{\"introduced\":\"5.1\"},{\"fixed\":\"5.4\"}]", NULL, NULL);
	put_vuln("V-LIST", "npm", "node-ipc", "VERSIONS", NULL,
		 "[\"10.1.1\",\"10.1.2\"]", NULL);
	put_vuln("V-GIT", "npm", "lodash", "GIT",
		 "[{\"introduced\":\"abc\"}]", NULL, NULL);
	put_vuln("V-BAD", "PyPI", "pyyaml", "ECOSYSTEM",
		 "[{\"introduced\":\"0\"},{\"fixed\":\"2019-09-12\"}]", NULL,
		 NULL);
	put_vuln("V-GONE", "npm", "lodash", "SEMVER",
		 "[{\"introduced\":\"0\"}]", NULL, "2024-01-01T00:00:00Z");
}

static void replace(const ym_component *c, size_t n)
{
	ym_err e = YM_ERR_INIT;
	ym_store_components_replace(S, asset, c, n, NULL, NULL, &e);
}

static void t_match(void)
{
	ym_component c[] = {
		{.name = "lodash", .version = "4.17.15", .ecosystem = "npm",
		 .pkg_key = "lodash", .purl = "pkg:npm/lodash@4.17.15"},
		{.name = "jsonwebtoken", .version = "8.5.1", .ecosystem = "npm",
		 .pkg_key = "jsonwebtoken"},
		{.name = "PyYAML", .version = "5.3.1", .ecosystem = "pypi",
		 .pkg_key = "pyyaml"},
		{.name = "node-ipc", .version = "10.1.2", .ecosystem = "npm",
		 .pkg_key = "node-ipc"},
		{.name = "express", .version = "4.18.2", .ecosystem = "npm",
		 .pkg_key = "express"},
		{.name = "weird", .version = "not.a.version!", .ecosystem = "npm",
		 .pkg_key = "weird"},
	};
	replace(c, 6);
	ym_match_stats st;
	ym_err e = YM_ERR_INIT;
	CHECK_INT(ym_match_run(S, 0, &st, &e), 0);
	CHECK_INT(st.components, 6);
	CHECK_INT(st.matchable, 5);
	CHECK_INT(st.bad_versions, 1);
	CHECK_INT(st.findings, 4);
	CHECK_INT(st.new_findings, 4);
	CHECK_INT(st.unreadable_ranges, 1); /* V-BAD's "2019-09-12" */
	CHECK_INT(st.ranges, 5); /* GIT skipped, withdrawn excluded */
	CHECK_STR(findings(YM_FINDING_OPEN),
		  "PyYAML 5.3.1 V-PYPI open\n"
		  "jsonwebtoken 8.5.1 V-LAST open\n"
		  "lodash 4.17.15 V-NPM open\n"
		  "node-ipc 10.1.2 V-LIST open\n");
}

static void t_upgrade_resolves(void)
{
	ym_component c[] = {
		{.name = "lodash", .version = "4.17.21", .ecosystem = "npm",
		 .pkg_key = "lodash"},
		{.name = "jsonwebtoken", .version = "9.0.0", .ecosystem = "npm",
		 .pkg_key = "jsonwebtoken"},
		{.name = "PyYAML", .version = "5.3.1", .ecosystem = "pypi",
		 .pkg_key = "pyyaml"},
	};
	replace(c, 3);
	ym_match_stats st;
	ym_err e = YM_ERR_INIT;
	CHECK_INT(ym_match_run(S, asset, &st, &e), 0);
	CHECK_INT(st.findings, 1);
	CHECK_INT(st.new_findings, 0);
	CHECK_INT(st.resolved, 3);
	CHECK_STR(findings(YM_FINDING_RESOLVED),
		  "jsonwebtoken 8.5.1 V-LAST resolved\n"
		  "lodash 4.17.15 V-NPM resolved\n"
		  "node-ipc 10.1.2 V-LIST resolved\n");
}

int main(void)
{
	snprintf(path, sizeof path, "/tmp/yamori-match-test-%d.db",
		 (int)getpid());
	RUN(setup);
	if (S) {
		RUN(t_match);
		RUN(t_upgrade_resolves);
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
