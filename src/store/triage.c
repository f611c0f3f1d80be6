/* triage.c - triage decisions, their history, overrides and mitigations
 * (store/triage.h). Bulk reads are a few big queries so a run over a
 * million findings stays a handful of statements. */
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/i18n.h"
#include "store/store_int.h"
#include "store/triage.h"

const char *ym_store_triage_actor(void)
{
	return ym_change_actor(NULL);
}

static const char *dup(ym_store *s, ym_stmt *st, int i, ym_arena *a)
{
	return ym_db_col_dup(s, st, i, a);
}

/* ---- evidence ---- */

static int ev_query(ym_store *s, const char *sql, ym_triage_ev_kind kind,
		    ym_triage_ev_cb cb, void *ctx, ym_err *err)
{
	ym_stmt *st;
	int rc = ym_db_prepare(s, sql, &st, err);
	if (rc)
		return rc;
	while ((rc = ym_db_step(s, st, err)) == 1) {
		ym_triage_ev e = {.kind = kind,
				  .vuln_rowid = COL_INT(s, st, 0),
				  .x = -1,
				  .y = -1};
		switch (kind) {
		case YM_TEV_KEV:
			e.date = COL_TEXT(s, st, 1);
			e.s1 = COL_TEXT(s, st, 2);
			break;
		case YM_TEV_EPSS:
			e.x = s->ops->col_double(st, 1);
			e.y = s->ops->col_null(st, 2)
				      ? -1
				      : s->ops->col_double(st, 2);
			e.date = COL_TEXT(s, st, 3);
			break;
		case YM_TEV_ADP:
			e.s1 = COL_TEXT(s, st, 1);
			e.s2 = COL_TEXT(s, st, 2);
			e.s3 = COL_TEXT(s, st, 3);
			e.date = COL_TEXT(s, st, 4);
			break;
		case YM_TEV_CVSS:
		case YM_TEV_REFS:
			e.s1 = COL_TEXT(s, st, 1);
			e.s2 = COL_TEXT(s, st, 2);
			e.date = COL_TEXT(s, st, 3);
			break;
		}
		if ((rc = cb(&e, ctx)))
			break;
	}
	s->ops->reset(st);
	return rc < 0 ? rc : rc;
}

int ym_store_triage_evidence_each(ym_store *s, ym_triage_ev_cb cb, void *ctx,
				  ym_err *err)
{
	int rc = ev_query(
		s,
		"SELECT v.id, k.date_added, k.name FROM vulnerabilities v"
		" JOIN kev k ON k.cve_id = v.vuln_id"
		" UNION ALL SELECT DISTINCT a.vuln_rowid, k.date_added, k.name"
		" FROM vuln_aliases a JOIN kev k ON k.cve_id = a.alias",
		YM_TEV_KEV, cb, ctx, err);
	if (!rc)
		rc = ev_query(s,
			      "SELECT v.id, e.score, e.percentile, e.score_date"
			      " FROM vulnerabilities v"
			      " JOIN epss e ON e.cve_id = v.vuln_id"
			      " UNION ALL SELECT DISTINCT a.vuln_rowid, e.score,"
			      " e.percentile, e.score_date FROM vuln_aliases a"
			      " JOIN epss e ON e.cve_id = a.alias",
			      YM_TEV_EPSS, cb, ctx, err);
	if (!rc)
		rc = ev_query(s,
			      "SELECT vuln_rowid, exploitation, automatable,"
			      " technical_impact, timestamp FROM ssvc_points"
			      " ORDER BY vuln_rowid, timestamp",
			      YM_TEV_ADP, cb, ctx, err);
	if (!rc)
		rc = ev_query(s,
			      "SELECT c.vuln_rowid, c.version, c.vector,"
			      " coalesce(s.modified, s.published)"
			      " FROM vuln_cvss c"
			      " JOIN vuln_sources s ON s.id = c.source_id"
			      " WHERE s.rejected = 0 ORDER BY c.vuln_rowid, c.id",
			      YM_TEV_CVSS, cb, ctx, err);
	if (!rc)
		rc = ev_query(s,
			      "SELECT vuln_rowid, refs, NULL,"
			      " coalesce(published, modified) FROM vuln_sources"
			      " WHERE refs LIKE '%\"Exploit\"%' AND rejected = 0"
			      " ORDER BY vuln_rowid, id",
			      YM_TEV_REFS, cb, ctx, err);
	return rc;
}

int ym_store_triage_assets_each(ym_store *s, const ym_scope *scope,
				ym_triage_asset_cb cb, void *ctx, ym_err *err)
{
	ym_buf sql = YM_BUF_INIT;
	ym_stmt *st;
	ym_buf_adds(&sql,
		    "SELECT a.id, a.name, a.exposure,"
		    " coalesce((SELECT max(h.at) FROM asset_history h"
		    "  WHERE h.asset_id = a.id AND h.change = 'field'"
		    "  AND h.subject = 'exposure'), a.created_at),"
		    " a.open_ports, a.last_seen_at, a.criticality,"
		    " a.safety_relevant, a.data_kind, a.data_records"
		    " FROM assets a WHERE 1 = 1");
	ym_db_scope_sql(scope, "a.department_id", &sql);
	ym_buf_adds(&sql, " ORDER BY a.id");
	int rc = ym_db_prepare(s, sql.ptr, &st, err);
	ym_buf_release(&sql);
	if (rc)
		return rc;
	ym_db_scope_bind(s, st, 1, scope);
	while ((rc = ym_db_step(s, st, err)) == 1) {
		ym_triage_asset_row a = {
			.id = COL_INT(s, st, 0),
			.name = COL_TEXT(s, st, 1),
			.exposure = COL_TEXT(s, st, 2),
			.exposure_date = COL_TEXT(s, st, 3),
			.open_ports = COL_TEXT(s, st, 4),
			.seen_at = COL_TEXT(s, st, 5),
			.criticality = COL_TEXT(s, st, 6),
			.safety_relevant = COL_INT(s, st, 7) != 0,
			.data_kind = COL_TEXT(s, st, 8),
			.data_records = s->ops->col_null(st, 9)
						? -1
						: COL_INT(s, st, 9),
		};
		if ((rc = cb(&a, ctx)))
			break;
	}
	s->ops->reset(st);
	return rc < 0 ? rc : rc;
}

int ym_store_triage_open_each(ym_store *s, const ym_scope *scope,
			      int64_t asset_id, ym_triage_current_cb cb,
			      void *ctx, ym_err *err)
{
	ym_buf sql = YM_BUF_INIT;
	ym_stmt *st;
	ym_buf_adds(&sql,
		    "SELECT f.id, f.asset_id, f.vuln_rowid, d.outcome,"
		    " d.input_hash, d.posture_mask"
		    " FROM findings f");
	if (!scope->all)
		ym_buf_adds(&sql, " JOIN assets a ON a.id = f.asset_id");
	ym_buf_adds(&sql, " LEFT JOIN triage_decisions d"
			  " ON d.finding_id = f.id WHERE f.status = 'open'");
	if (asset_id)
		ym_buf_adds(&sql, " AND f.asset_id = ?");
	ym_db_scope_sql(scope, "a.department_id", &sql);
	ym_buf_adds(&sql, " ORDER BY f.id");
	int rc = ym_db_prepare(s, sql.ptr, &st, err);
	ym_buf_release(&sql);
	if (rc)
		return rc;
	int i = 1;
	if (asset_id)
		DB_INT(s, st, i++, asset_id);
	ym_db_scope_bind(s, st, i, scope);
	while ((rc = ym_db_step(s, st, err)) == 1) {
		ym_triage_current c = {
			.finding_id = COL_INT(s, st, 0),
			.asset_id = COL_INT(s, st, 1),
			.vuln_rowid = COL_INT(s, st, 2),
			.decided = !s->ops->col_null(st, 3),
			.outcome = (int)COL_INT(s, st, 3),
			.input_hash = (uint64_t)COL_INT(s, st, 4),
			.posture_mask = (uint32_t)COL_INT(s, st, 5),
		};
		if ((rc = cb(&c, ctx)))
			break;
	}
	s->ops->reset(st);
	return rc < 0 ? rc : rc;
}

/* ---- writing ---- */

int ym_store_triage_fact_put(ym_store *s, uint64_t hash, const char *kind,
			     const char *inputs, const char *text_ja,
			     const char *text_en, ym_err *err)
{
	ym_stmt *st;
	int rc = ym_db_prepare(s,
			       "INSERT INTO triage_facts (hash, kind, inputs,"
			       " text_ja, text_en) VALUES (?,?,?,?,?)"
			       " ON CONFLICT (hash) DO NOTHING",
			       &st, err);
	if (rc)
		return rc;
	DB_INT(s, st, 1, (int64_t)hash);
	DB_TEXT(s, st, 2, kind);
	DB_TEXT(s, st, 3, inputs);
	DB_TEXT(s, st, 4, text_ja);
	DB_TEXT(s, st, 5, text_en);
	return ym_db_run(s, st, err);
}

int ym_store_triage_put(ym_store *s, const ym_triage_row *r, ym_err *err)
{
	ym_stmt *st;
	int rc = ym_db_prepare(
		s,
		"INSERT INTO triage_decisions (finding_id, outcome, deadline,"
		" due_at, decided_at, updated_at, input_hash, code, vuln_facts,"
		" asset_facts, rule_facts, ssvc_vector, policy_name,"
		" policy_version, posture_mask, posture_ja, posture_en,"
		" residual_outcome, residual_deadline, residual_via)"
		" VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
		" ON CONFLICT (finding_id) DO UPDATE SET"
		" outcome = excluded.outcome, deadline = excluded.deadline,"
		" due_at = excluded.due_at, decided_at = excluded.decided_at,"
		" updated_at = excluded.updated_at,"
		" input_hash = excluded.input_hash, code = excluded.code,"
		" vuln_facts = excluded.vuln_facts,"
		" asset_facts = excluded.asset_facts,"
		" rule_facts = excluded.rule_facts,"
		" ssvc_vector = excluded.ssvc_vector,"
		" policy_name = excluded.policy_name,"
		" policy_version = excluded.policy_version,"
		" posture_mask = excluded.posture_mask,"
		" posture_ja = excluded.posture_ja,"
		" posture_en = excluded.posture_en,"
		" residual_outcome = excluded.residual_outcome,"
		" residual_deadline = excluded.residual_deadline,"
		" residual_via = excluded.residual_via",
		&st, err);
	if (rc)
		return rc;
	int i = 1;
	DB_INT(s, st, i++, r->finding_id);
	DB_INT(s, st, i++, r->outcome);
	DB_TEXT(s, st, i++, r->deadline);
	DB_INT(s, st, i++, r->due_at);
	DB_TEXT(s, st, i++, r->decided_at);
	DB_TEXT(s, st, i++, r->updated_at);
	DB_INT(s, st, i++, (int64_t)r->input_hash);
	DB_TEXT(s, st, i++, r->code);
	DB_INT(s, st, i++, (int64_t)r->vuln_facts);
	DB_INT(s, st, i++, (int64_t)r->asset_facts);
	DB_INT(s, st, i++, (int64_t)r->rule_facts);
	DB_TEXT(s, st, i++, r->ssvc_vector && *r->ssvc_vector ? r->ssvc_vector
							       : NULL);
	DB_TEXT(s, st, i++, r->policy_name);
	DB_INT(s, st, i++, r->policy_version);
	DB_INT(s, st, i++, r->posture_mask);
	DB_TEXT(s, st, i++, r->posture_ja);
	DB_TEXT(s, st, i++, r->posture_en);
	if (r->residual_outcome >= 0)
		DB_INT(s, st, i++, r->residual_outcome);
	else
		DB_NULL(s, st, i++);
	DB_TEXT(s, st, i++, r->residual_deadline);
	DB_TEXT(s, st, i++, r->residual_via);
	return ym_db_run(s, st, err);
}

int ym_store_triage_old(ym_store *s, int64_t finding_id, ym_arena *a,
			ym_triage_row *out, ym_err *err)
{
	ym_stmt *st;
	int rc = ym_db_prepare(s,
			       "SELECT outcome, deadline, due_at, decided_at,"
			       " code, residual_outcome, residual_deadline"
			       " FROM triage_decisions WHERE finding_id = ?",
			       &st, err);
	if (rc)
		return rc;
	DB_INT(s, st, 1, finding_id);
	rc = ym_db_step(s, st, err);
	if (rc == 1) {
		memset(out, 0, sizeof *out);
		out->finding_id = finding_id;
		out->outcome = (int)COL_INT(s, st, 0);
		out->deadline = dup(s, st, 1, a);
		out->due_at = COL_INT(s, st, 2);
		out->decided_at = dup(s, st, 3, a);
		out->code = dup(s, st, 4, a);
		out->residual_outcome = s->ops->col_null(st, 5)
						? -1
						: (int)COL_INT(s, st, 5);
		out->residual_deadline = dup(s, st, 6, a);
		rc = 0;
	} else if (rc == 0) {
		rc = YM_E_NOTFOUND;
	}
	s->ops->reset(st);
	return rc;
}

int ym_store_triage_posture_set(ym_store *s, int64_t finding_id,
				uint32_t mask, const char *ja, const char *en,
				ym_err *err)
{
	ym_stmt *st;
	int rc = ym_db_prepare(s,
			       "UPDATE triage_decisions SET posture_mask = ?,"
			       " posture_ja = ?, posture_en = ?"
			       " WHERE finding_id = ?",
			       &st, err);
	if (rc)
		return rc;
	DB_INT(s, st, 1, mask);
	DB_TEXT(s, st, 2, ja);
	DB_TEXT(s, st, 3, en);
	DB_INT(s, st, 4, finding_id);
	return ym_db_run(s, st, err);
}

int ym_store_triage_history_add(ym_store *s, const ym_triage_change_row *c,
				ym_err *err)
{
	ym_stmt *st;
	int rc = ym_db_prepare(s,
			       "INSERT INTO triage_history (finding_id, at,"
			       " old_outcome, new_outcome, old_deadline,"
			       " new_deadline, cause_ja, cause_en, policy_name,"
			       " policy_version) VALUES (?,?,?,?,?,?,?,?,?,?)",
			       &st, err);
	if (rc)
		return rc;
	DB_INT(s, st, 1, c->finding_id);
	DB_TEXT(s, st, 2, c->at);
	if (c->old_outcome >= 0)
		DB_INT(s, st, 3, c->old_outcome);
	else
		DB_NULL(s, st, 3);
	DB_INT(s, st, 4, c->new_outcome);
	DB_TEXT(s, st, 5, c->old_deadline);
	DB_TEXT(s, st, 6, c->new_deadline);
	DB_TEXT(s, st, 7, c->cause_ja);
	DB_TEXT(s, st, 8, c->cause_en);
	DB_TEXT(s, st, 9, c->policy_name);
	DB_INT(s, st, 10, c->policy_version);
	return ym_db_run(s, st, err);
}

int ym_store_triage_history_each(ym_store *s, int64_t finding_id,
				 ym_triage_change_cb cb, void *ctx,
				 ym_err *err)
{
	ym_stmt *st;
	int rc = ym_db_prepare(s,
			       "SELECT at, old_outcome, new_outcome,"
			       " old_deadline, new_deadline, cause_ja, cause_en,"
			       " policy_name, policy_version FROM triage_history"
			       " WHERE finding_id = ? ORDER BY id",
			       &st, err);
	if (rc)
		return rc;
	DB_INT(s, st, 1, finding_id);
	while ((rc = ym_db_step(s, st, err)) == 1) {
		ym_triage_change_row c = {
			.finding_id = finding_id,
			.at = COL_TEXT(s, st, 0),
			.old_outcome = s->ops->col_null(st, 1)
					       ? -1
					       : (int)COL_INT(s, st, 1),
			.new_outcome = (int)COL_INT(s, st, 2),
			.old_deadline = COL_TEXT(s, st, 3),
			.new_deadline = COL_TEXT(s, st, 4),
			.cause_ja = COL_TEXT(s, st, 5),
			.cause_en = COL_TEXT(s, st, 6),
			.policy_name = COL_TEXT(s, st, 7),
			.policy_version = COL_INT(s, st, 8),
		};
		if ((rc = cb(&c, ctx)))
			break;
	}
	s->ops->reset(st);
	return rc < 0 ? rc : rc;
}

/* ---- reading decisions ---- */

#define ROW_COLS                                                         \
	"d.finding_id, d.outcome, d.deadline, d.due_at, d.decided_at,"    \
	" d.updated_at, d.input_hash, d.code, d.ssvc_vector,"             \
	" d.policy_name, d.policy_version, d.posture_mask, d.posture_ja," \
	" d.posture_en, d.residual_outcome, d.residual_deadline,"         \
	" d.residual_via, fv.text_ja, fv.text_en, fa.text_ja,"            \
	" fa.text_en, fr.text_ja, fr.text_en"
#define ROW_FROM                                                          \
	" FROM triage_decisions d"                                        \
	" JOIN findings f ON f.id = d.finding_id"                         \
	" JOIN assets a ON a.id = f.asset_id"                             \
	" LEFT JOIN triage_facts fv ON fv.hash = d.vuln_facts"            \
	" LEFT JOIN triage_facts fa ON fa.hash = d.asset_facts"           \
	" LEFT JOIN triage_facts fr ON fr.hash = d.rule_facts"

static void read_row(ym_store *s, ym_stmt *st, ym_triage_row *r)
{
	memset(r, 0, sizeof *r);
	r->finding_id = COL_INT(s, st, 0);
	r->outcome = (int)COL_INT(s, st, 1);
	r->deadline = COL_TEXT(s, st, 2);
	r->due_at = COL_INT(s, st, 3);
	r->decided_at = COL_TEXT(s, st, 4);
	r->updated_at = COL_TEXT(s, st, 5);
	r->input_hash = (uint64_t)COL_INT(s, st, 6);
	r->code = COL_TEXT(s, st, 7);
	r->ssvc_vector = COL_TEXT(s, st, 8);
	r->policy_name = COL_TEXT(s, st, 9);
	r->policy_version = COL_INT(s, st, 10);
	r->posture_mask = (uint32_t)COL_INT(s, st, 11);
	r->posture_ja = COL_TEXT(s, st, 12);
	r->posture_en = COL_TEXT(s, st, 13);
	r->residual_outcome = s->ops->col_null(st, 14)
				      ? -1
				      : (int)COL_INT(s, st, 14);
	r->residual_deadline = COL_TEXT(s, st, 15);
	r->residual_via = COL_TEXT(s, st, 16);
	r->vuln_ja = COL_TEXT(s, st, 17);
	r->vuln_en = COL_TEXT(s, st, 18);
	r->asset_ja = COL_TEXT(s, st, 19);
	r->asset_en = COL_TEXT(s, st, 20);
	r->rule_ja = COL_TEXT(s, st, 21);
	r->rule_en = COL_TEXT(s, st, 22);
}

static const char *adup(ym_arena *a, const char *s)
{
	return s ? ym_arena_strdup(a, s) : NULL;
}

int ym_store_triage_get(ym_store *s, const ym_scope *scope,
			int64_t finding_id, ym_arena *a, ym_triage_row *out,
			ym_err *err)
{
	ym_buf sql = YM_BUF_INIT;
	ym_stmt *st;
	ym_buf_adds(&sql, "SELECT " ROW_COLS ", '{' || coalesce(fv.inputs, '')"
			  " || ',' || coalesce(fa.inputs, '') || ','"
			  " || coalesce(fr.inputs, '') || '}'" ROW_FROM
			  " WHERE d.finding_id = ?");
	ym_db_scope_sql(scope, "a.department_id", &sql);
	int rc = ym_db_prepare(s, sql.ptr, &st, err);
	ym_buf_release(&sql);
	if (rc)
		return rc;
	DB_INT(s, st, 1, finding_id);
	ym_db_scope_bind(s, st, 2, scope);
	rc = ym_db_step(s, st, err);
	if (rc == 1) {
		ym_triage_row r;
		read_row(s, st, &r);
		r.inputs_json = COL_TEXT(s, st, 23);
		const char **f[] = {&r.deadline,    &r.decided_at,
				    &r.updated_at,  &r.code,
				    &r.ssvc_vector, &r.policy_name,
				    &r.posture_ja,  &r.posture_en,
				    &r.residual_deadline, &r.residual_via,
				    &r.vuln_ja,     &r.vuln_en,
				    &r.asset_ja,    &r.asset_en,
				    &r.rule_ja,     &r.rule_en,
				    &r.inputs_json};
		for (size_t i = 0; i < sizeof f / sizeof *f; i++)
			*f[i] = adup(a, *f[i]);
		*out = r;
		rc = 0;
	} else if (rc == 0) {
		rc = YM_E_NOTFOUND;
	}
	s->ops->reset(st);
	return rc;
}

int ym_store_triage_each(ym_store *s, const ym_scope *scope,
			 ym_triage_row_cb cb, void *ctx, ym_err *err)
{
	ym_buf sql = YM_BUF_INIT;
	ym_stmt *st;
	ym_buf_adds(&sql, "SELECT " ROW_COLS ROW_FROM " WHERE 1 = 1");
	ym_db_scope_sql(scope, "a.department_id", &sql);
	ym_buf_adds(&sql, " ORDER BY d.finding_id");
	int rc = ym_db_prepare(s, sql.ptr, &st, err);
	ym_buf_release(&sql);
	if (rc)
		return rc;
	ym_db_scope_bind(s, st, 1, scope);
	while ((rc = ym_db_step(s, st, err)) == 1) {
		ym_triage_row r;
		read_row(s, st, &r);
		if ((rc = cb(&r, ctx)))
			break;
	}
	s->ops->reset(st);
	return rc < 0 ? rc : rc;
}

int ym_store_triage_any(ym_store *s, bool *any, ym_err *err)
{
	ym_stmt *st;
	int rc = ym_db_prepare(s, "SELECT 1 FROM triage_decisions LIMIT 1",
			       &st, err);
	if (rc)
		return rc;
	rc = ym_db_step(s, st, err);
	*any = rc == 1;
	s->ops->reset(st);
	return rc < 0 ? rc : 0;
}

/* ---- overrides ---- */

int ym_store_triage_override_add(ym_store *s, const ym_triage_override *o,
				 int64_t *id, ym_err *err)
{
	ym_stmt *st;
	int rc = ym_db_prepare(s,
			       "INSERT INTO triage_overrides (finding_id,"
			       " asset_id, vuln_rowid, input, value, reason,"
			       " actor, created_at, until_on)"
			       " VALUES (?,?,?,?,?,?,?,?,?) RETURNING id",
			       &st, err);
	if (rc)
		return rc;
	char now[32];
	ym_db_now(now);
	ym_db_bind_id(s, st, 1, o->finding_id);
	ym_db_bind_id(s, st, 2, o->asset_id);
	ym_db_bind_id(s, st, 3, o->vuln_rowid);
	DB_TEXT(s, st, 4, o->input);
	DB_TEXT(s, st, 5, o->value);
	DB_TEXT(s, st, 6, o->reason);
	DB_TEXT(s, st, 7, o->actor ? o->actor : ym_store_triage_actor());
	DB_TEXT(s, st, 8, o->created_at ? o->created_at : now);
	DB_TEXT(s, st, 9, o->until_on);
	rc = ym_db_step(s, st, err);
	if (rc == 1 && id)
		*id = COL_INT(s, st, 0);
	s->ops->reset(st);
	return rc < 0 ? rc : 0;
}

int ym_store_triage_override_lift(ym_store *s, int64_t id, const char *actor,
				  ym_err *err)
{
	ym_stmt *st;
	char now[32];
	ym_db_now(now);
	int rc = ym_db_prepare(s,
			       "UPDATE triage_overrides SET lifted_at = ?,"
			       " lifted_by = ? WHERE id = ? AND lifted_at IS NULL",
			       &st, err);
	if (rc)
		return rc;
	DB_TEXT(s, st, 1, now);
	DB_TEXT(s, st, 2, actor ? actor : ym_store_triage_actor());
	DB_INT(s, st, 3, id);
	rc = ym_db_run(s, st, err);
	if (!rc && s->ops->changes(s->impl) == 0)
		rc = ym_err_set(err, YM_E_NOTFOUND,
				_("no override %lld in force"), (long long)id);
	return rc;
}

int ym_store_triage_overrides_each(ym_store *s, const char *active_on,
				   ym_triage_override_cb cb, void *ctx,
				   ym_err *err)
{
	ym_stmt *st;
	int rc = ym_db_prepare(
		s,
		"SELECT o.id, o.finding_id, o.asset_id, o.vuln_rowid, o.input,"
		" o.value, o.reason, o.actor, o.created_at, o.until_on,"
		" o.lifted_at, o.lifted_by,"
		" CASE WHEN o.finding_id IS NOT NULL THEN 'finding '"
		"  || o.finding_id WHEN o.asset_id IS NOT NULL THEN"
		"  (SELECT name FROM assets WHERE id = o.asset_id)"
		"  ELSE (SELECT vuln_id FROM vulnerabilities"
		"  WHERE id = o.vuln_rowid) END"
		" FROM triage_overrides o"
		" WHERE ? IS NULL OR (o.lifted_at IS NULL"
		"  AND (o.until_on IS NULL OR o.until_on >= ?))"
		" ORDER BY o.id",
		&st, err);
	if (rc)
		return rc;
	DB_TEXT(s, st, 1, active_on);
	DB_TEXT(s, st, 2, active_on);
	while ((rc = ym_db_step(s, st, err)) == 1) {
		ym_triage_override o = {
			.id = COL_INT(s, st, 0),
			.finding_id = COL_INT(s, st, 1),
			.asset_id = COL_INT(s, st, 2),
			.vuln_rowid = COL_INT(s, st, 3),
			.input = COL_TEXT(s, st, 4),
			.value = COL_TEXT(s, st, 5),
			.reason = COL_TEXT(s, st, 6),
			.actor = COL_TEXT(s, st, 7),
			.created_at = COL_TEXT(s, st, 8),
			.until_on = COL_TEXT(s, st, 9),
			.lifted_at = COL_TEXT(s, st, 10),
			.lifted_by = COL_TEXT(s, st, 11),
			.target = COL_TEXT(s, st, 12),
		};
		if ((rc = cb(&o, ctx)))
			break;
	}
	s->ops->reset(st);
	return rc < 0 ? rc : rc;
}

/* ---- mitigations ---- */

int ym_store_triage_mitigation_add(ym_store *s,
				   const ym_triage_mitigation *m, int64_t *id,
				   ym_err *err)
{
	ym_stmt *st;
	int rc = ym_db_prepare(s,
			       "INSERT INTO triage_mitigations (finding_id,"
			       " asset_id, name, changes, planned_on, actor,"
			       " created_at) VALUES (?,?,?,?,?,?,?) RETURNING id",
			       &st, err);
	if (rc)
		return rc;
	char now[32];
	ym_db_now(now);
	ym_db_bind_id(s, st, 1, m->finding_id);
	ym_db_bind_id(s, st, 2, m->asset_id);
	DB_TEXT(s, st, 3, m->name);
	DB_TEXT(s, st, 4, m->changes);
	DB_TEXT(s, st, 5, m->planned_on);
	DB_TEXT(s, st, 6, m->actor ? m->actor : ym_store_triage_actor());
	DB_TEXT(s, st, 7, now);
	rc = ym_db_step(s, st, err);
	if (rc == 1 && id)
		*id = COL_INT(s, st, 0);
	s->ops->reset(st);
	return rc < 0 ? rc : 0;
}

int ym_store_triage_mitigation_done(ym_store *s, int64_t id,
				   const char *actor, ym_err *err)
{
	ym_stmt *st;
	char now[32];
	ym_db_now(now);
	int rc = ym_db_prepare(s,
			       "UPDATE triage_mitigations SET status = 'done',"
			       " done_at = ?, done_by = ?"
			       " WHERE id = ? AND status = 'planned'",
			       &st, err);
	if (rc)
		return rc;
	DB_TEXT(s, st, 1, now);
	DB_TEXT(s, st, 2, actor ? actor : ym_store_triage_actor());
	DB_INT(s, st, 3, id);
	rc = ym_db_run(s, st, err);
	if (!rc && s->ops->changes(s->impl) == 0)
		rc = ym_err_set(err, YM_E_NOTFOUND,
				_("no planned mitigation %lld"), (long long)id);
	return rc;
}

int ym_store_triage_mitigations_each(ym_store *s,
				     ym_triage_mitigation_cb cb, void *ctx,
				     ym_err *err)
{
	ym_stmt *st;
	int rc = ym_db_prepare(
		s,
		"SELECT m.id, m.finding_id, m.asset_id, m.name, m.changes,"
		" m.planned_on, m.status, m.actor, m.created_at, m.done_at,"
		" m.done_by, CASE WHEN m.finding_id IS NOT NULL THEN"
		"  'finding ' || m.finding_id ELSE (SELECT name FROM assets"
		"  WHERE id = m.asset_id) END"
		" FROM triage_mitigations m ORDER BY m.id",
		&st, err);
	if (rc)
		return rc;
	while ((rc = ym_db_step(s, st, err)) == 1) {
		ym_triage_mitigation m = {
			.id = COL_INT(s, st, 0),
			.finding_id = COL_INT(s, st, 1),
			.asset_id = COL_INT(s, st, 2),
			.name = COL_TEXT(s, st, 3),
			.changes = COL_TEXT(s, st, 4),
			.planned_on = COL_TEXT(s, st, 5),
			.status = COL_TEXT(s, st, 6),
			.actor = COL_TEXT(s, st, 7),
			.created_at = COL_TEXT(s, st, 8),
			.done_at = COL_TEXT(s, st, 9),
			.done_by = COL_TEXT(s, st, 10),
			.target = COL_TEXT(s, st, 11),
		};
		if ((rc = cb(&m, ctx)))
			break;
	}
	s->ops->reset(st);
	return rc < 0 ? rc : rc;
}

int ym_store_triage_policy_put(ym_store *s, const char *name,
			       const char *text, ym_err *err)
{
	ym_stmt *st;
	char now[32];
	ym_db_now(now);
	int rc = ym_db_prepare(s,
			       "INSERT INTO triage_policy (id, name, text, set_at)"
			       " VALUES (1, ?, ?, ?) ON CONFLICT (id) DO UPDATE"
			       " SET name = excluded.name, text = excluded.text,"
			       " set_at = excluded.set_at",
			       &st, err);
	if (rc)
		return rc;
	DB_TEXT(s, st, 1, name);
	DB_TEXT(s, st, 2, text);
	DB_TEXT(s, st, 3, now);
	return ym_db_run(s, st, err);
}

int ym_store_triage_policy_get(ym_store *s, ym_arena *a, const char **name,
			       const char **text, ym_err *err)
{
	ym_stmt *st;
	*name = *text = NULL;
	int rc = ym_db_prepare(s, "SELECT name, text FROM triage_policy"
				  " WHERE id = 1",
			       &st, err);
	if (rc)
		return rc;
	rc = ym_db_step(s, st, err);
	if (rc == 1) {
		*name = ym_db_col_dup(s, st, 0, a);
		*text = ym_db_col_dup(s, st, 1, a);
	}
	s->ops->reset(st);
	return rc < 0 ? rc : 0;
}

int ym_store_triage_in_use(ym_store *s, bool *in_use, ym_err *err)
{
	ym_stmt *st;
	*in_use = false;
	int rc = ym_db_prepare(s, "SELECT 1 FROM triage_decisions LIMIT 1",
			       &st, err);
	if (rc)
		return rc;
	rc = ym_db_step(s, st, err);
	*in_use = rc == 1;
	s->ops->reset(st);
	return rc < 0 ? rc : 0;
}
