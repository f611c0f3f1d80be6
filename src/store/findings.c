/* findings.c - which component of which asset is affected by which
 * vulnerability, since when, and why (the evidence JSON). A finding is
 * keyed by (asset, component key, vulnerability) so it survives the
 * component being re-imported or upgraded: its history stays one row. */
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/i18n.h"
#include "core/vec.h"
#include "store/store_int.h"

static const char *const status_names[] = {"open", "resolved",
					   "suppressed"};

const char *ym_finding_status_name(ym_finding_status st)
{
	return (unsigned)st < 3 ? status_names[st] : "open";
}

int ym_finding_status_parse(const char *s, ym_finding_status *out)
{
	for (int i = 0; i < 3; i++) {
		if (strcmp(s, status_names[i]) == 0) {
			*out = (ym_finding_status)i;
			return 0;
		}
	}
	return YM_E_INVALID;
}

int ym_severity_rank(const char *sev)
{
	static const char *const names[] = {"none", "low", "medium", "high",
					    "critical"};
	if (!sev)
		return -1;
	for (int i = 0; i < 5; i++)
		if (strcmp(sev, names[i]) == 0)
			return i;
	return -1;
}

#define SEVERITY_RANK_SQL                                                 \
	"(CASE v.severity WHEN 'critical' THEN 4 WHEN 'high' THEN 3"       \
	" WHEN 'medium' THEN 2 WHEN 'low' THEN 1 WHEN 'none' THEN 0"       \
	" ELSE -1 END)"

int ym_store_scan_begin(ym_store *s, int64_t asset_id, ym_scan *scan,
			ym_err *err)
{
	ym_stmt *st;
	ym_db_now(scan->now);
	int rc = ym_db_prepare(s,
			       "INSERT INTO scans (started_at, asset_id)"
			       " VALUES (?, ?) RETURNING id",
			       &st, err);
	if (rc)
		return rc;
	DB_TEXT(s, st, 1, scan->now);
	ym_db_bind_id(s, st, 2, asset_id);
	rc = ym_db_step(s, st, err);
	if (rc == 1)
		scan->id = COL_INT(s, st, 0);
	s->ops->reset(st);
	return rc < 0 ? rc : 0;
}

/* Binds the fields a sighting refreshes, from index i on. */
static int bind_sighting(ym_store *s, ym_stmt *st, int i, const ym_finding *f,
			 const ym_scan *scan)
{
	ym_db_bind_id(s, st, i++, f->component_id);
	DB_TEXT(s, st, i++, f->component_name);
	DB_TEXT(s, st, i++, f->component_version);
	DB_TEXT(s, st, i++, f->component_purl);
	DB_TEXT(s, st, i++, f->confidence);
	DB_TEXT(s, st, i++, f->evidence);
	DB_TEXT(s, st, i++, scan->now);
	DB_INT(s, st, i++, scan->id);
	return i;
}

/* The placeholders of SIGHTING_SET's suppression part. */
static int bind_suppression(ym_store *s, ym_stmt *st, int i,
			    const ym_finding *f)
{
	for (int k = 0; k < 3; k++)
		DB_TEXT(s, st, i++, f->suppress_reason);
	DB_TEXT(s, st, i++, f->suppress_reason);
	DB_TEXT(s, st, i++, f->suppressed_by);
	return i;
}

/* A VEX suppression is decided anew at every sighting: set when a
 * statement applies, lifted when none does any more. */
#define SIGHTING_SET                                                      \
	" SET component_id = ?, component_name = ?, component_version = ?," \
	" component_purl = ?, confidence = ?, evidence = ?, last_seen = ?,"  \
	" last_scan = ?,"                                                    \
	" resolved_at = CASE WHEN status = 'resolved' THEN NULL"            \
	"   ELSE resolved_at END,"                                           \
	" status = CASE WHEN ? IS NOT NULL THEN 'suppressed'"               \
	"   WHEN status = 'resolved' THEN 'open'"                           \
	"   WHEN status = 'suppressed' AND suppressed_by IN ('vex','manual')" \
	"   THEN 'open' ELSE status END,"                                    \
	" suppress_reason = CASE WHEN ? IS NOT NULL THEN ?"                 \
	"   WHEN suppressed_by IN ('vex','manual') THEN NULL"                \
	"   ELSE suppress_reason END,"                                       \
	" suppressed_by = CASE WHEN ? IS NOT NULL THEN ?"                   \
	"   WHEN suppressed_by IN ('vex','manual') THEN NULL"                \
	"   ELSE suppressed_by END"

/* A finding is one row per (asset, package, version, vulnerability), so
 * two versions of a package in one asset are two findings. When the
 * version changes but the vulnerability still applies (an upgrade that
 * did not fix it), the existing row is carried over to the new version:
 * its first_seen, status and id stay, which is what people track. */
int ym_store_finding_seen(ym_store *s, const ym_finding *f,
			  const ym_scan *scan, bool exact_only,
			  ym_sighting *result, ym_err *err)
{
	ym_stmt *st;
	int rc, i;
	*result = YM_SIGHT_NONE;
	/* 1. the same version seen before */
	rc = ym_db_prepare(s,
			   "UPDATE findings" SIGHTING_SET
			   " WHERE asset_id = ? AND component_key = ?"
			   " AND component_version IS ? AND vuln_rowid = ?",
			   &st, err);
	if (rc)
		return rc;
	i = bind_sighting(s, st, 1, f, scan);
	i = bind_suppression(s, st, i, f);
	DB_INT(s, st, i++, f->asset_id);
	DB_TEXT(s, st, i++, f->component_key);
	DB_TEXT(s, st, i++, f->component_version);
	DB_INT(s, st, i++, f->vuln_rowid);
	rc = ym_db_run(s, st, err);
	if (!rc && s->ops->changes(s->impl) > 0)
		*result = YM_SIGHT_REFRESHED;
	if (rc || exact_only || *result != YM_SIGHT_NONE)
		return rc;
	/* 2. another version of the package, not seen in this scan */
	rc = ym_db_prepare(s,
			   "UPDATE findings" SIGHTING_SET
			   " WHERE id = (SELECT id FROM findings"
			   "  WHERE asset_id = ? AND component_key = ?"
			   "  AND vuln_rowid = ? AND last_scan <> ?"
			   "  ORDER BY status = 'open' DESC, last_seen DESC, id"
			   "  LIMIT 1)",
			   &st, err);
	if (rc)
		return rc;
	i = bind_sighting(s, st, 1, f, scan);
	i = bind_suppression(s, st, i, f);
	DB_INT(s, st, i++, f->asset_id);
	DB_TEXT(s, st, i++, f->component_key);
	DB_INT(s, st, i++, f->vuln_rowid);
	DB_INT(s, st, i++, scan->id);
	rc = ym_db_run(s, st, err);
	if (!rc && s->ops->changes(s->impl) > 0)
		*result = YM_SIGHT_CARRIED;
	if (rc || *result != YM_SIGHT_NONE)
		return rc;
	/* 3. new */
	rc = ym_db_prepare(
		s,
		"INSERT INTO findings (component_id, component_name,"
		" component_version, component_purl, confidence, evidence,"
		" last_seen, last_scan, asset_id, vuln_rowid, component_key,"
		" first_seen, status, suppressed_by, suppress_reason)"
		" VALUES (?,?,?,?,?,?,?,?,?,?,?,?,"
		" CASE WHEN ? IS NULL THEN 'open' ELSE 'suppressed' END,"
		" CASE WHEN ? IS NULL THEN NULL ELSE ? END, ?)",
		&st, err);
	if (rc)
		return rc;
	i = bind_sighting(s, st, 1, f, scan);
	DB_INT(s, st, i++, f->asset_id);
	DB_INT(s, st, i++, f->vuln_rowid);
	DB_TEXT(s, st, i++, f->component_key);
	DB_TEXT(s, st, i++, scan->now);
	DB_TEXT(s, st, i++, f->suppress_reason);
	DB_TEXT(s, st, i++, f->suppress_reason);
	DB_TEXT(s, st, i++, f->suppressed_by);
	DB_TEXT(s, st, i++, f->suppress_reason);
	rc = ym_db_run(s, st, err);
	if (!rc)
		*result = YM_SIGHT_NEW;
	return rc;
}

static bool all_digits(const char *p)
{
	if (!*p)
		return false;
	for (; *p; p++)
		if (*p < '0' || *p > '9')
			return false;
	return true;
}

int ym_store_findings_each(ym_store *s, const ym_scope *scope,
			   const ym_finding_filter *filter, ym_finding_cb cb,
			   void *ctx, ym_err *err)
{
	ym_buf sql = YM_BUF_INIT;
	ym_stmt *st;
	ym_buf_adds(
		&sql,
		"SELECT f.id, f.asset_id, f.component_id, f.vuln_rowid,"
		" f.component_key, f.component_name, f.component_version,"
		" f.component_purl, v.vuln_id, f.status, f.confidence,"
		" f.evidence, f.first_seen, f.last_seen, f.resolved_at,"
		" a.name, d.code, d.name, a.owner, v.severity, v.summary,"
		" v.summary_ja,"
		" (SELECT group_concat(alias, ', ') FROM (SELECT DISTINCT alias"
		"   FROM vuln_aliases WHERE vuln_rowid = v.id AND"
		"   alias <> v.vuln_id ORDER BY alias)),"
		" f.suppressed_by, f.suppress_reason"
		" FROM findings f"
		" JOIN assets a ON a.id = f.asset_id"
		" JOIN vulnerabilities v ON v.id = f.vuln_rowid"
		" LEFT JOIN departments d ON d.id = a.department_id"
		" WHERE 1 = 1");
	bool asset_by_id = filter && filter->asset && all_digits(filter->asset);
	if (filter && filter->asset)
		ym_buf_adds(&sql, asset_by_id ? " AND a.id = ?"
					      : " AND a.name = ?");
	if (filter && filter->severity)
		ym_buf_adds(&sql, " AND " SEVERITY_RANK_SQL " >= ?");
	if (filter && filter->status >= 0)
		ym_buf_adds(&sql, " AND f.status = ?");
	if (filter && filter->id)
		ym_buf_adds(&sql, " AND f.id = ?");
	if (filter && filter->vuln)
		ym_buf_adds(&sql, " AND (v.vuln_id = ? OR EXISTS (SELECT 1"
				  " FROM vuln_aliases x WHERE x.vuln_rowid = v.id"
				  " AND x.alias = ?))");
	if (filter && filter->product)
		ym_buf_adds(&sql, " AND (f.component_name LIKE ? ESCAPE '\\'"
				  " OR f.component_purl LIKE ? ESCAPE '\\')");
	if (filter && filter->confidence)
		ym_buf_adds(&sql, " AND CASE f.confidence WHEN 'high' THEN 3"
				  " WHEN 'medium' THEN 2 ELSE 1 END >= ?");
	if (filter && filter->kev_only)
		ym_buf_adds(&sql, " AND EXISTS (SELECT 1 FROM kev k WHERE"
				  " k.cve_id = v.vuln_id)");
	ym_db_scope_sql(scope, "a.department_id", &sql);
	const char *sort = filter && filter->sort ? filter->sort : "severity";
	/* every order ends in the same tie-breakers, so output is stable */
	const char *lead = strcmp(sort, "asset") == 0 ? "a.name,"
			   : strcmp(sort, "component") == 0
				   ? "f.component_name, f.component_version,"
			   : strcmp(sort, "vulnerability") == 0 ? "v.vuln_id,"
			   : strcmp(sort, "first_seen") == 0 ? "f.first_seen DESC,"
			   : strcmp(sort, "last_seen") == 0 ? "f.last_seen DESC,"
							    : "";
	ym_buf_printf(&sql, " ORDER BY %s " SEVERITY_RANK_SQL " DESC, a.name,"
			    " f.component_name, f.component_version, v.vuln_id,"
			    " f.id", lead);
	int rc = ym_db_prepare(s, sql.ptr, &st, err);
	ym_buf_release(&sql);
	if (rc)
		return rc;
	int i = 1;
	if (filter && filter->asset) {
		if (asset_by_id)
			DB_INT(s, st, i++, strtoll(filter->asset, NULL, 10));
		else
			DB_TEXT(s, st, i++, filter->asset);
	}
	if (filter && filter->severity)
		DB_INT(s, st, i++, ym_severity_rank(filter->severity));
	if (filter && filter->status >= 0)
		DB_TEXT(s, st, i++,
			ym_finding_status_name((ym_finding_status)
						       filter->status));
	if (filter && filter->id)
		DB_INT(s, st, i++, filter->id);
	ym_buf pat = YM_BUF_INIT;
	if (filter && filter->vuln) {
		DB_TEXT(s, st, i++, filter->vuln);
		DB_TEXT(s, st, i++, filter->vuln);
	}
	if (filter && filter->product) {
		ym_db_like_contains(&pat, filter->product);
		DB_TEXT(s, st, i++, pat.ptr);
		DB_TEXT(s, st, i++, pat.ptr);
	}
	if (filter && filter->confidence)
		DB_INT(s, st, i++,
		       strcmp(filter->confidence, "high") == 0     ? 3
		       : strcmp(filter->confidence, "medium") == 0 ? 2
								   : 1);
	ym_db_scope_bind(s, st, i, scope);
	while ((rc = ym_db_step(s, st, err)) == 1) {
		ym_finding f = {
			.id = COL_INT(s, st, 0),
			.asset_id = COL_INT(s, st, 1),
			.component_id = COL_INT(s, st, 2),
			.vuln_rowid = COL_INT(s, st, 3),
			.component_key = COL_TEXT(s, st, 4),
			.component_name = COL_TEXT(s, st, 5),
			.component_version = COL_TEXT(s, st, 6),
			.component_purl = COL_TEXT(s, st, 7),
			.vuln_id = COL_TEXT(s, st, 8),
			.confidence = COL_TEXT(s, st, 10),
			.evidence = COL_TEXT(s, st, 11),
			.first_seen = COL_TEXT(s, st, 12),
			.last_seen = COL_TEXT(s, st, 13),
			.resolved_at = COL_TEXT(s, st, 14),
			.asset_name = COL_TEXT(s, st, 15),
			.department_code = COL_TEXT(s, st, 16),
			.department_name = COL_TEXT(s, st, 17),
			.owner = COL_TEXT(s, st, 18),
			.severity = COL_TEXT(s, st, 19),
			.summary = COL_TEXT(s, st, 20),
			.summary_ja = COL_TEXT(s, st, 21),
			.aliases = COL_TEXT(s, st, 22),
			.suppressed_by = COL_TEXT(s, st, 23),
			.suppress_reason = COL_TEXT(s, st, 24),
		};
		ym_finding_status_parse(COL_TEXT(s, st, 9), &f.status);
		rc = cb(&f, ctx);
		if (rc)
			break;
	}
	s->ops->reset(st);
	ym_buf_release(&pat);
	return rc < 0 ? rc : 0;
}

int ym_store_finding_history(ym_store *s, int64_t finding_id,
			     ym_finding_change_cb cb, void *ctx, ym_err *err)
{
	ym_stmt *st;
	int rc = ym_db_prepare(s,
			       "SELECT at, change, old_value, new_value, detail"
			       " FROM finding_history WHERE finding_id = ?"
			       " ORDER BY id",
			       &st, err);
	if (rc)
		return rc;
	DB_INT(s, st, 1, finding_id);
	while ((rc = ym_db_step(s, st, err)) == 1) {
		ym_finding_change c = {
			.at = COL_TEXT(s, st, 0),
			.change = COL_TEXT(s, st, 1),
			.old_value = COL_TEXT(s, st, 2),
			.new_value = COL_TEXT(s, st, 3),
			.detail = COL_TEXT(s, st, 4),
		};
		if ((rc = cb(&c, ctx)))
			break;
	}
	s->ops->reset(st);
	return rc;
}

/* ---- a run's sightings at once ----
 *
 * A full run sees hundreds of thousands of findings: they go into a
 * temporary table; the rows already known are matched with one UPDATE
 * and rewritten only when something about them changed (a finding row
 * holds its evidence, so rewriting every row on every run would write
 * the whole table); only new or moved findings take the one-by-one path.
 * What the run did not see is found by an anti-join with that table. */

static const char *const HITS_TABLE[] = {
	"CREATE TEMP TABLE IF NOT EXISTS run_hits ("
	" i INTEGER PRIMARY KEY, asset_id INTEGER, component_id INTEGER,"
	" vuln_rowid INTEGER, component_key TEXT, component_name TEXT,"
	" component_version TEXT, component_purl TEXT, confidence TEXT,"
	" evidence TEXT, suppressed_by TEXT, suppress_reason TEXT,"
	" finding_id INTEGER)",
	("CREATE INDEX IF NOT EXISTS temp.run_hits_finding"
	 " ON run_hits(finding_id)"),
	"DELETE FROM run_hits",
};

/* Each hit to the finding of its (asset, key, version, vulnerability). */
#define LINK_HITS                                                        \
	"UPDATE run_hits SET finding_id = (SELECT f.id FROM findings f"  \
	" WHERE f.asset_id = run_hits.asset_id AND f.component_key ="    \
	" run_hits.component_key AND f.component_version IS"             \
	" run_hits.component_version AND f.vuln_rowid = run_hits.vuln_rowid)"

static int exec_sql(ym_store *s, const char *sql, ym_err *err)
{
	ym_stmt *st;
	int rc = ym_db_prepare(s, sql, &st, err);
	return rc ? rc : ym_db_run(s, st, err);
}

static int hits_insert(ym_store *s, const ym_finding *hits, size_t n,
		       ym_err *err)
{
	ym_stmt *st;
	int rc = 0;
	for (size_t i = 0; i < n && !rc; i++) {
		const ym_finding *f = &hits[i];
		rc = ym_db_prepare(s,
				   "INSERT INTO run_hits (i, asset_id,"
				   " component_id, vuln_rowid, component_key,"
				   " component_name, component_version,"
				   " component_purl, confidence, evidence,"
				   " suppressed_by, suppress_reason)"
				   " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
				   &st, err);
		if (rc)
			break;
		DB_INT(s, st, 1, (int64_t)i);
		DB_INT(s, st, 2, f->asset_id);
		ym_db_bind_id(s, st, 3, f->component_id);
		DB_INT(s, st, 4, f->vuln_rowid);
		DB_TEXT(s, st, 5, f->component_key);
		DB_TEXT(s, st, 6, f->component_name);
		DB_TEXT(s, st, 7, f->component_version);
		DB_TEXT(s, st, 8, f->component_purl);
		DB_TEXT(s, st, 9, f->confidence);
		DB_TEXT(s, st, 10, f->evidence);
		DB_TEXT(s, st, 11, f->suppress_reason ? f->suppressed_by
						      : NULL);
		DB_TEXT(s, st, 12, f->suppress_reason);
		rc = ym_db_run(s, st, err);
	}
	return rc;
}

/* The finding that (asset, key, vulnerability) moved from: another
 * version's, claimed by no hit of this run; 0 if none. */
static int carry_candidate(ym_store *s, const ym_finding *f, int64_t *id,
			   ym_err *err)
{
	ym_stmt *st;
	*id = 0;
	int rc = ym_db_prepare(s,
			       "SELECT id FROM findings WHERE asset_id = ?"
			       " AND component_key = ? AND vuln_rowid = ?"
			       " AND NOT EXISTS (SELECT 1 FROM run_hits h"
			       "  WHERE h.finding_id = findings.id)"
			       " ORDER BY status = 'open' DESC, last_seen DESC, id"
			       " LIMIT 1",
			       &st, err);
	if (rc)
		return rc;
	DB_INT(s, st, 1, f->asset_id);
	DB_TEXT(s, st, 2, f->component_key);
	DB_INT(s, st, 3, f->vuln_rowid);
	rc = ym_db_step(s, st, err);
	if (rc == 1)
		*id = COL_INT(s, st, 0);
	s->ops->reset(st);
	return rc < 0 ? rc : 0;
}

/* One hit that matched no row of its version and may carry over another
 * version's finding: carried when one is unclaimed (and then claimed),
 * else left for the insertion of new findings. (ym_store_finding_seen
 * would not do: its carry-over takes any row this run did not rewrite,
 * and a run leaves unchanged rows alone, claimed or not.) */
static int record_rest(ym_store *s, int64_t i, const ym_finding *f,
		       const ym_scan *scan, ym_err *err)
{
	ym_stmt *st;
	int64_t id;
	int rc = carry_candidate(s, f, &id, err);
	if (rc || !id)
		return rc;
	rc = ym_db_prepare(s,
			   "UPDATE findings" SIGHTING_SET
			   ", component_version = ? WHERE id = ?",
			   &st, err);
	if (rc)
		return rc;
	int k = bind_sighting(s, st, 1, f, scan);
	k = bind_suppression(s, st, k, f);
	DB_TEXT(s, st, k++, f->component_version);
	DB_INT(s, st, k++, id);
	if ((rc = ym_db_run(s, st, err)))
		return rc;
	/* claimed: no later hit carries it, and it is not unseen */
	rc = ym_db_prepare(s, "UPDATE run_hits SET finding_id = ? WHERE i = ?",
			   &st, err);
	if (rc)
		return rc;
	DB_INT(s, st, 1, id);
	DB_INT(s, st, 2, i);
	return ym_db_run(s, st, err);
}

int ym_store_findings_record(ym_store *s, const ym_finding *hits, size_t n,
			     const ym_scan *scan, const ym_run_scope *scope,
			     int64_t *new_findings, int64_t *resolved,
			     ym_err *err)
{
	ym_stmt *st;
	int rc = 0;
	*new_findings = *resolved = 0;
	for (size_t i = 0; i < 3 && !rc; i++)
		rc = exec_sql(s, HITS_TABLE[i], err);
	if (!rc)
		rc = hits_insert(s, hits, n, err);
	/* 1. the findings of the same version seen before */
	if (!rc)
		rc = exec_sql(s, LINK_HITS, err);
	/* ... refreshed where anything changed, or on a new day (last_seen
	 * says on which day a finding was last confirmed) */
	if (!rc)
		rc = ym_db_prepare(
			s,
			"UPDATE findings SET component_id = h.component_id,"
			" component_name = h.component_name,"
			" component_purl = h.component_purl,"
			" confidence = h.confidence, evidence = h.evidence,"
			" last_seen = ?1, last_scan = ?2,"
			" resolved_at = CASE WHEN findings.status = 'resolved'"
			"  THEN NULL ELSE findings.resolved_at END,"
			" status = CASE WHEN h.suppress_reason IS NOT NULL"
			"  THEN 'suppressed' WHEN findings.status = 'resolved'"
			"  THEN 'open' WHEN findings.status = 'suppressed' AND"
			"  findings.suppressed_by IN ('vex','manual') THEN 'open'"
			"  ELSE findings.status END,"
			" suppress_reason = CASE WHEN h.suppress_reason IS NOT"
			"  NULL THEN h.suppress_reason WHEN findings.suppressed_by"
			"  IN ('vex','manual') THEN NULL"
			"  ELSE findings.suppress_reason END,"
			" suppressed_by = CASE WHEN h.suppress_reason IS NOT"
			"  NULL THEN h.suppressed_by WHEN findings.suppressed_by"
			"  IN ('vex','manual') THEN NULL"
			"  ELSE findings.suppressed_by END"
			" FROM run_hits h WHERE findings.id = h.finding_id AND ("
			"  findings.status = 'resolved'"
			"  OR findings.suppress_reason IS NOT h.suppress_reason"
			"  OR findings.component_id IS NOT h.component_id"
			"  OR findings.component_name IS NOT h.component_name"
			"  OR findings.component_purl IS NOT h.component_purl"
			"  OR findings.confidence IS NOT h.confidence"
			"  OR substr(findings.last_seen, 1, 10) <> substr(?1, 1, 10)"
			"  OR findings.evidence IS NOT h.evidence)",
			&st, err);
	if (!rc) {
		DB_TEXT(s, st, 1, scan->now);
		DB_INT(s, st, 2, scan->id);
		rc = ym_db_run(s, st, err);
	}
	/* 2. those that may carry over another version's finding, one by
	 * one and in order (two hits must not take the same row) */
	YM_VEC(int64_t) rest = YM_VEC_INIT;
	if (!rc)
		rc = ym_db_prepare(s,
				   "SELECT i FROM run_hits h WHERE finding_id IS"
				   " NULL AND EXISTS (SELECT 1 FROM findings f"
				   "  WHERE f.asset_id = h.asset_id AND"
				   "  f.component_key = h.component_key AND"
				   "  f.vuln_rowid = h.vuln_rowid)"
				   " ORDER BY i",
				   &st, err);
	if (!rc) {
		while ((rc = ym_db_step(s, st, err)) == 1)
			ym_vec_push(&rest, COL_INT(s, st, 0));
		s->ops->reset(st);
		rc = rc < 0 ? rc : 0;
	}
	for (size_t k = 0; k < rest.n && !rc; k++)
		rc = record_rest(s, rest.v[k], &hits[rest.v[k]], scan, err);
	ym_vec_release(&rest);
	/* 3. the new ones, at once (a package listed twice at one version
	 * is one finding) */
	if (!rc)
		rc = ym_db_prepare(
			s,
			"INSERT INTO findings (component_id, component_name,"
			" component_version, component_purl, confidence, evidence,"
			" last_seen, last_scan, asset_id, vuln_rowid,"
			" component_key, first_seen, status, suppressed_by,"
			" suppress_reason)"
			" SELECT component_id, component_name, component_version,"
			" component_purl, confidence, evidence, ?1, ?2, asset_id,"
			" vuln_rowid, component_key, ?1,"
			" CASE WHEN suppress_reason IS NULL THEN 'open'"
			"  ELSE 'suppressed' END, suppressed_by, suppress_reason"
			" FROM run_hits WHERE finding_id IS NULL ORDER BY i"
			" ON CONFLICT DO NOTHING",
			&st, err);
	if (!rc) {
		DB_TEXT(s, st, 1, scan->now);
		DB_INT(s, st, 2, scan->id);
		rc = ym_db_run(s, st, err);
		if (!rc)
			*new_findings += s->ops->changes(s->impl);
	}
	if (!rc)
		rc = exec_sql(s, LINK_HITS " WHERE finding_id IS NULL", err);
	/* 4. open findings in the run's scope that it did not see */
	/* one statement per scope, each using its own index (an "? = 0 OR
	 * column = ?" test would scan every finding; "+status" keeps
	 * SQLite from preferring the index of all open findings) */
	static const char *const resolve_sql[] = {
		"UPDATE findings SET status = 'resolved', resolved_at = ?1"
		" WHERE status = 'open' AND NOT EXISTS (SELECT 1 FROM"
		" run_hits h WHERE h.finding_id = findings.id)",
		"UPDATE findings SET status = 'resolved', resolved_at = ?1"
		" WHERE asset_id = ?2 AND +status = 'open' AND NOT EXISTS"
		" (SELECT 1 FROM run_hits h WHERE h.finding_id = findings.id)",
		"UPDATE findings SET status = 'resolved', resolved_at = ?1"
		" WHERE vuln_rowid IN (SELECT id FROM run_vulns)"
		" AND +status = 'open' AND NOT EXISTS"
		" (SELECT 1 FROM run_hits h WHERE h.finding_id = findings.id)",
	};
	int which = scope->by_vulns ? 2 : scope->asset_id ? 1 : 0;
	if (!rc && which == 2) {
		/* the run's vulnerabilities, for one statement over them */
		rc = exec_sql(s, "CREATE TEMP TABLE IF NOT EXISTS run_vulns"
				 " (id INTEGER PRIMARY KEY)", err);
		if (!rc)
			rc = exec_sql(s, "DELETE FROM run_vulns", err);
		for (size_t k = 0; !rc && k < scope->n_vulns; k++) {
			rc = ym_db_prepare(s,
					   "INSERT INTO run_vulns (id) VALUES (?)"
					   " ON CONFLICT DO NOTHING",
					   &st, err);
			if (!rc) {
				DB_INT(s, st, 1, scope->vulns[k]);
				rc = ym_db_run(s, st, err);
			}
		}
	}
	if (!rc)
		rc = ym_db_prepare(s, resolve_sql[which], &st, err);
	if (!rc) {
		DB_TEXT(s, st, 1, scan->now);
		if (which == 1)
			DB_INT(s, st, 2, scope->asset_id);
		rc = ym_db_run(s, st, err);
		if (!rc)
			*resolved = s->ops->changes(s->impl);
	}
	if (!rc)
		rc = exec_sql(s, "DELETE FROM run_hits", err);
	return rc;
}
