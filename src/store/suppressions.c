/* suppressions.c - people's decisions that a finding does not apply. */
#include <string.h>

#include "core/i18n.h"
#include "store/store_int.h"

int ym_store_suppression_add(ym_store *s, const ym_suppression *x,
			     int64_t *id, ym_err *err)
{
	ym_stmt *st;
	char now[32];
	ym_db_now(now);
	if (!x->reason || !*x->reason)
		return ym_err_set(err, YM_E_INVALID,
				  _("a suppression needs a reason"));
	int rc = ym_db_prepare(
		s,
		"INSERT INTO suppressions (asset_id, component_key,"
		" component_version, vuln_rowid, reason, actor, created_at,"
		" expires_on) VALUES (?,?,?,?,?,?,?,?) RETURNING id",
		&st, err);
	if (rc)
		return rc;
	DB_INT(s, st, 1, x->asset_id);
	DB_TEXT(s, st, 2, x->component_key);
	DB_TEXT(s, st, 3, x->component_version);
	DB_INT(s, st, 4, x->vuln_rowid);
	DB_TEXT(s, st, 5, x->reason);
	DB_TEXT(s, st, 6, x->actor);
	DB_TEXT(s, st, 7, now);
	DB_TEXT(s, st, 8, x->expires_on);
	rc = ym_db_step(s, st, err);
	if (rc == 1 && id)
		*id = COL_INT(s, st, 0);
	s->ops->reset(st);
	return rc < 0 ? rc : 0;
}

int ym_store_suppression_lift(ym_store *s, int64_t id, const char *actor,
			      ym_err *err)
{
	ym_stmt *st;
	char now[32];
	ym_db_now(now);
	int rc = ym_db_prepare(s,
			       "UPDATE suppressions SET lifted_at = ?,"
			       " lifted_by = ? WHERE id = ? AND lifted_at IS NULL",
			       &st, err);
	if (rc)
		return rc;
	DB_TEXT(s, st, 1, now);
	DB_TEXT(s, st, 2, actor);
	DB_INT(s, st, 3, id);
	if ((rc = ym_db_run(s, st, err)))
		return rc;
	if (s->ops->changes(s->impl) == 0)
		return ym_err_set(err, YM_E_NOTFOUND,
				  _("no active suppression %lld"),
				  (long long)id);
	return 0;
}

int ym_store_suppressions_each(ym_store *s, const char *active_on,
			       ym_suppression_cb cb, void *ctx, ym_err *err)
{
	ym_stmt *st;
	int rc = ym_db_prepare(
		s,
		"SELECT x.id, x.asset_id, x.component_key, x.component_version,"
		" x.vuln_rowid, x.reason, x.actor, x.created_at, x.expires_on,"
		" x.lifted_at, x.lifted_by, a.name, v.vuln_id,"
		" EXISTS (SELECT 1 FROM findings f WHERE f.asset_id = x.asset_id"
		"  AND f.component_key = x.component_key"
		"  AND f.vuln_rowid = x.vuln_rowid AND f.status <> 'resolved'"
		"  AND (x.component_version IS NULL"
		"   OR f.component_version = x.component_version))"
		" FROM suppressions x JOIN assets a ON a.id = x.asset_id"
		" JOIN vulnerabilities v ON v.id = x.vuln_rowid"
		" WHERE ? IS NULL OR (x.lifted_at IS NULL AND"
		"  (x.expires_on IS NULL OR x.expires_on >= ?))"
		" ORDER BY x.id",
		&st, err);
	if (rc)
		return rc;
	DB_TEXT(s, st, 1, active_on);
	DB_TEXT(s, st, 2, active_on);
	while ((rc = ym_db_step(s, st, err)) == 1) {
		ym_suppression x = {
			.id = COL_INT(s, st, 0),
			.asset_id = COL_INT(s, st, 1),
			.component_key = COL_TEXT(s, st, 2),
			.component_version = COL_TEXT(s, st, 3),
			.vuln_rowid = COL_INT(s, st, 4),
			.reason = COL_TEXT(s, st, 5),
			.actor = COL_TEXT(s, st, 6),
			.created_at = COL_TEXT(s, st, 7),
			.expires_on = COL_TEXT(s, st, 8),
			.lifted_at = COL_TEXT(s, st, 9),
			.lifted_by = COL_TEXT(s, st, 10),
			.asset_name = COL_TEXT(s, st, 11),
			.vuln_id = COL_TEXT(s, st, 12),
			.applies = COL_INT(s, st, 13) != 0,
		};
		if ((rc = cb(&x, ctx)))
			break;
	}
	s->ops->reset(st);
	return rc < 0 ? rc : 0;
}
