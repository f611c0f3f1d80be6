/* bench_triage.c - `yamori triage` over a large store.
 *
 *   bench_triage [DB] [FINDINGS]    (default /tmp/yamori-bench-triage.db,
 *                                    1000000)
 *
 * Builds (once; reused when DB exists) a store with 10,000 assets, 20,000
 * vulnerabilities with CVSS vectors, KEV entries for 2% and EPSS scores
 * for half of them, and FINDINGS open findings, inserted directly with
 * SQL. Then times a full triage three times: the first run (every
 * decision written), a steady-state re-run (nothing changed), and a run
 * after 40 vulnerabilities were added to KEV. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "risk/triage.h"
#include "store/store.h"

#define ASSETS 10000
#define VULNS 20000

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void must(int rc, sqlite3 *db, const char *what)
{
	if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
		fprintf(stderr, "bench_triage: %s: %s\n", what,
			sqlite3_errmsg(db));
		exit(1);
	}
}

static int build(const char *path, long nfind)
{
	ym_store *s;
	ym_err err = YM_ERR_INIT;
	if (ym_store_open(path, true, &s, &err)) {
		fprintf(stderr, "bench_triage: %s\n", err.msg);
		return 1;
	}
	ym_store_close(s);
	sqlite3 *db;
	must(sqlite3_open(path, &db), db, "open");
	must(sqlite3_exec(db, "PRAGMA synchronous=OFF; BEGIN", 0, 0, 0), db,
	     "begin");
	static const char *const exp[] = {"internet", "internal", "isolated",
					  "unknown"};
	static const char *const crit[] = {"high", "medium", "low", "unknown"};
	sqlite3_stmt *st;
	must(sqlite3_prepare_v2(db,
				"INSERT INTO assets (id, name, exposure,"
				" criticality, safety_relevant, data_kind,"
				" data_records, open_ports, last_seen_at,"
				" created_at, updated_at)"
				" VALUES (?,?,?,?,?,?,?,?,?,"
				" '2026-01-01T00:00:00Z','2026-01-01T00:00:00Z')",
				-1, &st, 0),
	     db, "assets");
	srand(7);
	for (int i = 1; i <= ASSETS; i++) {
		char name[32];
		snprintf(name, sizeof name, "asset-%05d", i);
		sqlite3_bind_int(st, 1, i);
		sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, exp[i % 4], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, crit[(i / 4) % 4], -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 5, i % 97 == 0);
		if (i % 5 == 0) {
			sqlite3_bind_text(st, 6, "個人情報", -1, SQLITE_STATIC);
			sqlite3_bind_int(st, 7, (i % 3) * 20000);
		} else {
			sqlite3_bind_null(st, 6);
			sqlite3_bind_null(st, 7);
		}
		if (i % 4 == 0) {
			sqlite3_bind_text(st, 8, "443/tcp,22/tcp", -1,
					  SQLITE_STATIC);
			sqlite3_bind_text(st, 9, "2026-11-01T00:00:00Z", -1,
					  SQLITE_STATIC);
		} else {
			sqlite3_bind_null(st, 8);
			sqlite3_bind_null(st, 9);
		}
		must(sqlite3_step(st), db, "asset");
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	static const char *const vec[] = {
		"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
		"CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:L/I:L/A:N",
		"CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:N/A:N",
		"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"};
	sqlite3_stmt *v, *src, *cv, *kev, *epss;
	must(sqlite3_prepare_v2(db, "INSERT INTO vulnerabilities (id, vuln_id)"
				" VALUES (?,?)", -1, &v, 0), db, "v");
	must(sqlite3_prepare_v2(db,
				"INSERT INTO vuln_sources (id, vuln_rowid,"
				" source, record_id, source_vuln_id, modified,"
				" digest, imported_at) VALUES (?,?,'nvd',?,?,"
				" '2026-05-01','x','2026-05-01')",
				-1, &src, 0), db, "src");
	must(sqlite3_prepare_v2(db,
				"INSERT INTO vuln_cvss (source_id, vuln_rowid,"
				" version, vector) VALUES (?,?,?,?)",
				-1, &cv, 0), db, "cvss");
	must(sqlite3_prepare_v2(db,
				"INSERT INTO kev (cve_id, name, date_added,"
				" digest, imported_at) VALUES (?,'x',"
				" '2026-03-02','x','2026-03-02')",
				-1, &kev, 0), db, "kev");
	must(sqlite3_prepare_v2(db,
				"INSERT INTO epss (cve_id, score, percentile,"
				" score_date) VALUES (?,?,?,'2026-11-20')",
				-1, &epss, 0), db, "epss");
	for (int i = 1; i <= VULNS; i++) {
		char id[32];
		snprintf(id, sizeof id, "CVE-2026-%05d", i);
		sqlite3_bind_int(v, 1, i);
		sqlite3_bind_text(v, 2, id, -1, SQLITE_TRANSIENT);
		must(sqlite3_step(v), db, "v");
		sqlite3_reset(v);
		sqlite3_bind_int(src, 1, i);
		sqlite3_bind_int(src, 2, i);
		sqlite3_bind_text(src, 3, id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(src, 4, id, -1, SQLITE_TRANSIENT);
		must(sqlite3_step(src), db, "src");
		sqlite3_reset(src);
		const char *vv = vec[i % 4];
		sqlite3_bind_int(cv, 1, i);
		sqlite3_bind_int(cv, 2, i);
		sqlite3_bind_text(cv, 3, i % 4 == 3 ? "4.0" : "3.1", -1,
				  SQLITE_STATIC);
		sqlite3_bind_text(cv, 4, vv, -1, SQLITE_STATIC);
		must(sqlite3_step(cv), db, "cvss");
		sqlite3_reset(cv);
		if (i % 50 == 0) {
			sqlite3_bind_text(kev, 1, id, -1, SQLITE_TRANSIENT);
			must(sqlite3_step(kev), db, "kev");
			sqlite3_reset(kev);
		}
		if (i % 2 == 0) {
			sqlite3_bind_text(epss, 1, id, -1, SQLITE_TRANSIENT);
			sqlite3_bind_double(epss, 2, (double)(i % 1000) / 1000.0);
			sqlite3_bind_double(epss, 3, (double)(i % 997) / 997.0);
			must(sqlite3_step(epss), db, "epss");
			sqlite3_reset(epss);
		}
	}
	sqlite3_finalize(v);
	sqlite3_finalize(src);
	sqlite3_finalize(cv);
	sqlite3_finalize(kev);
	sqlite3_finalize(epss);
	must(sqlite3_exec(db,
			  "INSERT INTO scans (id, started_at) VALUES (1,"
			  " '2026-11-20T00:00:00Z');"
			  "DROP TRIGGER findings_new;",
			  0, 0, 0),
	     db, "scan");
	sqlite3_stmt *f;
	must(sqlite3_prepare_v2(db,
				"INSERT INTO findings (id, asset_id, vuln_rowid,"
				" component_key, component_name,"
				" component_version, confidence, evidence,"
				" first_seen, last_seen, last_scan)"
				" VALUES (?,?,?,?,'pkg','1.0','high','{}',"
				" '2026-11-20','2026-11-20',1)",
				-1, &f, 0), db, "findings");
	for (long i = 1; i <= nfind; i++) {
		char key[32];
		snprintf(key, sizeof key, "npm/pkg%ld", i);
		sqlite3_bind_int64(f, 1, i);
		sqlite3_bind_int64(f, 2, 1 + (i * 7919) % ASSETS);
		sqlite3_bind_int64(f, 3, 1 + (i * 104729) % VULNS);
		sqlite3_bind_text(f, 4, key, -1, SQLITE_TRANSIENT);
		must(sqlite3_step(f), db, "finding");
		sqlite3_reset(f);
	}
	sqlite3_finalize(f);
	must(sqlite3_exec(db, "COMMIT", 0, 0, 0), db, "commit");
	sqlite3_close(db);
	return 0;
}

static int one(ym_store *s, const ym_policy *p, const char *label)
{
	ym_triage_report rep;
	ym_err err = YM_ERR_INIT;
	ym_triage_opts o = {.policy = p,
			    .now = "2026-11-21T09:00:00Z",
			    .max_listed = 10};
	double t0 = now_s();
	int rc = ym_triage_run(s, &o, &rep, &err);
	double t1 = now_s();
	if (rc) {
		fprintf(stderr, "bench_triage: %s\n", err.msg);
		return 1;
	}
	printf("%-28s %7.2f s  findings %lld  new %lld  changed %lld  "
	       "refreshed %lld  unchanged %lld  written %lld\n",
	       label, t1 - t0, (long long)rep.findings, (long long)rep.created,
	       (long long)rep.changed, (long long)rep.refreshed,
	       (long long)rep.unchanged, (long long)rep.written);
	ym_triage_report_release(&rep);
	return 0;
}

int main(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : "/tmp/yamori-bench-triage.db";
	char *end = NULL;
	long n = argc > 2 ? strtol(argv[2], &end, 10) : 1000000;
	if (argc > 3 || (argc > 1 && argv[1][0] == '-') ||
	    (end && (*end || end == argv[2])) || n <= 0) {
		fprintf(stderr, "usage: bench_triage [DB] [FINDINGS]\n");
		return 2;
	}
	if (access(path, F_OK) != 0) {
		double t0 = now_s();
		if (build(path, n))
			return 1;
		printf("setup: %ld findings in %.1f s\n", n, now_s() - t0);
	}
	ym_store *s;
	ym_policy *p;
	ym_err err = YM_ERR_INIT;
	if (ym_store_open(path, false, &s, &err) ||
	    ym_policy_load_default(&p, &err)) {
		fprintf(stderr, "bench_triage: %s\n", err.msg);
		return 1;
	}
	int rc = one(s, p, "first run (or re-run):");
	if (!rc)
		rc = one(s, p, "steady-state re-run:");
	/* 40 vulnerabilities join KEV */
	sqlite3 *db;
	sqlite3_open(path, &db);
	sqlite3_exec(db,
		     "INSERT OR IGNORE INTO kev (cve_id, name, date_added,"
		     " digest, imported_at) SELECT vuln_id, 'x', '2026-11-20',"
		     " 'y', '2026-11-20' FROM vulnerabilities"
		     " WHERE id % 500 = 7",
		     0, 0, 0);
	sqlite3_close(db);
	if (!rc)
		rc = one(s, p, "after 40 KEV additions:");
	if (!rc)
		rc = one(s, p, "steady-state re-run:");
	ym_policy_free(p);
	ym_store_close(s);
	return rc;
}
