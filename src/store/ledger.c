/* ledger.c - the ledger's history, relations between assets, and the
 * coverage of what it does not know. */
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "core/i18n.h"
#include "store/store_int.h"

int ym_store_history_each(ym_store *s, const ym_scope *scope,
			  int64_t asset_id, const char *since,
			  ym_history_cb cb, void *ctx, ym_err *err)
{
	ym_buf sql = YM_BUF_INIT;
	ym_stmt *st;
	ym_buf_adds(&sql, "SELECT h.id, h.asset_id, a.name, h.at, h.actor,"
			  " h.change, h.subject, h.old_value, h.new_value,"
			  " h.source FROM asset_history h"
			  " JOIN assets a ON a.id = h.asset_id"
			  " WHERE (?1 = 0 OR h.asset_id = ?1)"
			  " AND (?2 IS NULL OR h.at >= ?2)");
	ym_db_scope_sql(scope, "a.department_id", &sql);
	ym_buf_adds(&sql, " ORDER BY h.id");
	int rc = ym_db_prepare(s, sql.ptr, &st, err);
	ym_buf_release(&sql);
	if (rc)
		return rc;
	DB_INT(s, st, 1, asset_id);
	DB_TEXT(s, st, 2, since);
	ym_db_scope_bind(s, st, 3, scope);
	while ((rc = ym_db_step(s, st, err)) == 1) {
		ym_history_entry h = {
			.id = COL_INT(s, st, 0),
			.asset_id = COL_INT(s, st, 1),
			.asset_name = COL_TEXT(s, st, 2),
			.at = COL_TEXT(s, st, 3),
			.actor = COL_TEXT(s, st, 4),
			.change = COL_TEXT(s, st, 5),
			.subject = COL_TEXT(s, st, 6),
			.old_value = COL_TEXT(s, st, 7),
			.new_value = COL_TEXT(s, st, 8),
			.source = COL_TEXT(s, st, 9),
		};
		if ((rc = cb(&h, ctx)))
			break;
	}
	s->ops->reset(st);
	return rc < 0 ? rc : 0;
}

static const char *const REL_NAMES[] = {"uses", "runs_on"};

const char *ym_relation_kind_name(ym_relation_kind k)
{
	return (unsigned)k < 2 ? REL_NAMES[k] : "uses";
}

int ym_relation_kind_parse(const char *s, ym_relation_kind *out)
{
	for (int i = 0; i < 2; i++)
		if (strcmp(s, REL_NAMES[i]) == 0) {
			*out = (ym_relation_kind)i;
			return 0;
		}
	return YM_E_INVALID;
}

static int asset_name(ym_store *s, int64_t id, char *out, size_t size,
		      ym_err *err)
{
	ym_stmt *st;
	int rc = ym_db_prepare(s, "SELECT name FROM assets WHERE id = ?", &st,
			       err);
	if (rc)
		return rc;
	DB_INT(s, st, 1, id);
	rc = ym_db_step(s, st, err);
	if (rc == 1)
		snprintf(out, size, "%s", COL_TEXT(s, st, 0));
	s->ops->reset(st);
	if (rc == 0)
		return ym_err_set(err, YM_E_NOTFOUND, _("no asset '%lld'"),
				  (long long)id);
	return rc < 0 ? rc : 0;
}

int ym_store_relation_set(ym_store *s, int64_t from, ym_relation_kind kind,
			  int64_t to, bool add, const ym_change *chg,
			  ym_err *err)
{
	char to_name[256];
	ym_stmt *st;
	if (from == to)
		return ym_err_set(err, YM_E_INVALID,
				  _("an asset cannot relate to itself"));
	int rc = asset_name(s, from, to_name, sizeof to_name, err);
	if (!rc)
		rc = asset_name(s, to, to_name, sizeof to_name, err);
	if (rc)
		return rc;
	rc = ym_db_prepare(s,
			   add ? "INSERT INTO asset_relations (from_id, kind,"
				 " to_id) VALUES (?,?,?) ON CONFLICT DO NOTHING"
			       : "DELETE FROM asset_relations WHERE from_id = ?"
				 " AND kind = ? AND to_id = ?",
			   &st, err);
	if (rc)
		return rc;
	DB_INT(s, st, 1, from);
	DB_TEXT(s, st, 2, ym_relation_kind_name(kind));
	DB_INT(s, st, 3, to);
	if ((rc = ym_db_run(s, st, err)))
		return rc;
	if (s->ops->changes(s->impl) == 0)
		return 0; /* already so: nothing to record */
	return ym_db_history(s, from, chg,
			     add ? "relation_added" : "relation_removed",
			     ym_relation_kind_name(kind), NULL, to_name, err);
}

int ym_store_relations_each(ym_store *s, const ym_scope *scope,
			    int64_t asset_id, ym_relation_cb cb, void *ctx,
			    ym_err *err)
{
	ym_buf sql = YM_BUF_INIT;
	ym_stmt *st;
	ym_buf_adds(&sql, "SELECT r.from_id, r.to_id, r.kind, f.name, t.name,"
			  " f.kind, t.kind, t.owner, d.code"
			  " FROM asset_relations r"
			  " JOIN assets f ON f.id = r.from_id"
			  " JOIN assets t ON t.id = r.to_id"
			  " LEFT JOIN departments d ON d.id = t.department_id"
			  " WHERE (?1 = 0 OR r.from_id = ?1 OR r.to_id = ?1)");
	size_t n = ym_db_scope_sql(scope, "f.department_id", &sql);
	ym_db_scope_sql(scope, "t.department_id", &sql);
	ym_buf_adds(&sql, " ORDER BY r.kind, f.name, t.name");
	int rc = ym_db_prepare(s, sql.ptr, &st, err);
	ym_buf_release(&sql);
	if (rc)
		return rc;
	DB_INT(s, st, 1, asset_id);
	ym_db_scope_bind(s, st, 2, scope);
	ym_db_scope_bind(s, st, 2 + (int)n, scope);
	while ((rc = ym_db_step(s, st, err)) == 1) {
		ym_relation r = {
			.from_id = COL_INT(s, st, 0),
			.to_id = COL_INT(s, st, 1),
			.kind = COL_TEXT(s, st, 2),
			.from_name = COL_TEXT(s, st, 3),
			.to_name = COL_TEXT(s, st, 4),
			.from_kind = COL_TEXT(s, st, 5),
			.to_kind = COL_TEXT(s, st, 6),
			.to_owner = COL_TEXT(s, st, 7),
			.to_department = COL_TEXT(s, st, 8),
		};
		if ((rc = cb(&r, ctx)))
			break;
	}
	s->ops->reset(st);
	return rc < 0 ? rc : 0;
}

int ym_store_coverage(ym_store *s, const ym_scope *scope, ym_coverage *out,
		      ym_err *err)
{
	ym_buf sql = YM_BUF_INIT;
	ym_stmt *st;
	memset(out, 0, sizeof *out);
	/* disposed assets are out of the ledger's duty */
	ym_buf_adds(&sql,
		    "SELECT count(*),"
		    " coalesce(sum(owner IS NULL OR owner = ''), 0),"
		    " coalesce(sum(department_id IS NULL), 0),"
		    " coalesce(sum((version IS NULL OR version = '') AND NOT"
		    "  EXISTS (SELECT 1 FROM components c WHERE"
		    "  c.asset_id = a.id)), 0),"
		    " coalesce(sum(exposure = 'unknown'), 0),"
		    " coalesce(sum(support_end_on IS NULL), 0),"
		    " coalesce(sum(criticality = 'unknown'), 0),"
		    " coalesce(sum(NOT EXISTS (SELECT 1 FROM components c"
		    "  WHERE c.asset_id = a.id)), 0)"
		    " FROM assets a WHERE disposed_on IS NULL");
	ym_db_scope_sql(scope, "a.department_id", &sql);
	int rc = ym_db_prepare(s, sql.ptr, &st, err);
	ym_buf_release(&sql);
	if (rc)
		return rc;
	ym_db_scope_bind(s, st, 1, scope);
	rc = ym_db_step(s, st, err);
	if (rc == 1) {
		out->assets = COL_INT(s, st, 0);
		out->no_owner = COL_INT(s, st, 1);
		out->no_department = COL_INT(s, st, 2);
		out->no_version = COL_INT(s, st, 3);
		out->unknown_exposure = COL_INT(s, st, 4);
		out->no_support_end = COL_INT(s, st, 5);
		out->unknown_criticality = COL_INT(s, st, 6);
		out->no_software = COL_INT(s, st, 7);
	}
	s->ops->reset(st);
	return rc < 0 ? rc : 0;
}

int ym_store_sbom_extras_replace(ym_store *s, int64_t asset_id,
				 const ym_sbom_extras *x, ym_err *err)
{
	static const char *const clear[] = {
		"DELETE FROM component_dependencies WHERE asset_id = ?",
		"DELETE FROM asset_services WHERE asset_id = ?",
		"DELETE FROM asset_vex WHERE asset_id = ?",
	};
	ym_stmt *st;
	int rc = 0;
	for (int i = 0; i < 3 && !rc; i++) {
		if ((rc = ym_db_prepare(s, clear[i], &st, err)))
			return rc;
		DB_INT(s, st, 1, asset_id);
		rc = ym_db_run(s, st, err);
	}
	for (size_t i = 0; i < x->n_deps && !rc; i++) {
		rc = ym_db_prepare(s,
				   "INSERT INTO component_dependencies (asset_id,"
				   " from_ref, to_ref) VALUES (?,?,?)",
				   &st, err);
		if (rc)
			break;
		DB_INT(s, st, 1, asset_id);
		DB_TEXT(s, st, 2, x->dep_from[i]);
		DB_TEXT(s, st, 3, x->dep_to[i]);
		rc = ym_db_run(s, st, err);
	}
	for (size_t i = 0; i < x->n_svcs && !rc; i++) {
		rc = ym_db_prepare(s,
				   "INSERT INTO asset_services (asset_id, bom_ref,"
				   " name, version, provider, endpoints,"
				   " authenticated, trust_boundary, data)"
				   " VALUES (?,?,?,?,?,?,?,?,?)",
				   &st, err);
		if (rc)
			break;
		DB_INT(s, st, 1, asset_id);
		DB_TEXT(s, st, 2, x->svc_bom_ref[i]);
		DB_TEXT(s, st, 3, x->svc_name[i] ? x->svc_name[i] : "");
		DB_TEXT(s, st, 4, x->svc_version[i]);
		DB_TEXT(s, st, 5, x->svc_provider[i]);
		DB_TEXT(s, st, 6, x->svc_endpoints[i]);
		if (x->svc_authenticated[i] >= 0)
			DB_INT(s, st, 7, x->svc_authenticated[i]);
		else
			DB_NULL(s, st, 7);
		if (x->svc_trust_boundary[i] >= 0)
			DB_INT(s, st, 8, x->svc_trust_boundary[i]);
		else
			DB_NULL(s, st, 8);
		DB_TEXT(s, st, 9, x->svc_data[i]);
		rc = ym_db_run(s, st, err);
	}
	if (!rc && x->vex) {
		char now[32];
		ym_db_now(now);
		rc = ym_db_prepare(s,
				   "INSERT INTO asset_vex (asset_id, vex, source,"
				   " imported_at) VALUES (?,?,?,?)",
				   &st, err);
		if (!rc) {
			DB_INT(s, st, 1, asset_id);
			DB_TEXT(s, st, 2, x->vex);
			DB_TEXT(s, st, 3, x->source);
			DB_TEXT(s, st, 4, now);
			rc = ym_db_run(s, st, err);
		}
	}
	return rc;
}

int ym_store_asset_vex(ym_store *s, int64_t asset_id, ym_arena *arena,
		       const char **vex, ym_err *err)
{
	ym_stmt *st;
	*vex = NULL;
	int rc = ym_db_prepare(s, "SELECT vex FROM asset_vex WHERE asset_id = ?",
			       &st, err);
	if (rc)
		return rc;
	DB_INT(s, st, 1, asset_id);
	rc = ym_db_step(s, st, err);
	if (rc == 1)
		*vex = ym_db_col_dup(s, st, 0, arena);
	s->ops->reset(st);
	return rc < 0 ? rc : 0;
}

int ym_store_asset_find_host(ym_store *s, const char *key, int64_t *id,
			     ym_err *err)
{
	ym_stmt *st;
	*id = 0;
	/* the lists are ", "-joined: compare whole items */
	int rc = ym_db_prepare(
		s,
		"SELECT id FROM assets WHERE name = ?1"
		" OR instr(', ' || coalesce(addresses, '') || ', ',"
		"  ', ' || ?1 || ', ') > 0"
		" OR instr(', ' || coalesce(hostnames, '') || ', ',"
		"  ', ' || ?1 || ', ') > 0"
		" ORDER BY name = ?1 DESC, id LIMIT 1",
		&st, err);
	if (rc)
		return rc;
	DB_TEXT(s, st, 1, key);
	rc = ym_db_step(s, st, err);
	if (rc == 1)
		*id = COL_INT(s, st, 0);
	s->ops->reset(st);
	return rc < 0 ? rc : 0;
}

int ym_store_asset_by_name(ym_store *s, const char *name, int64_t *id,
			   ym_err *err)
{
	ym_stmt *st;
	*id = 0;
	int rc = ym_db_prepare(s, "SELECT id FROM assets WHERE name = ?", &st,
			       err);
	if (rc)
		return rc;
	DB_TEXT(s, st, 1, name);
	rc = ym_db_step(s, st, err);
	if (rc == 1)
		*id = COL_INT(s, st, 0);
	s->ops->reset(st);
	return rc < 0 ? rc : 0;
}

int ym_store_department_lookup(ym_store *s, const char *text, int64_t *id,
			       ym_err *err)
{
	ym_stmt *st;
	*id = 0;
	int rc = ym_db_prepare(s,
			       "SELECT id FROM departments WHERE code = ?1"
			       " OR name = ?1 OR name_en = ?1"
			       " ORDER BY code = ?1 DESC LIMIT 1",
			       &st, err);
	if (rc)
		return rc;
	DB_TEXT(s, st, 1, text);
	rc = ym_db_step(s, st, err);
	if (rc == 1)
		*id = COL_INT(s, st, 0);
	s->ops->reset(st);
	return rc < 0 ? rc : 0;
}
