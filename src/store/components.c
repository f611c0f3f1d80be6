/* components.c - software found on an asset (from SBOMs, scans, ...). */
#include <stdlib.h>

#include "core/buf.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "store/store_int.h"

int ym_store_components_replace(ym_store *s, int64_t asset_id,
				const ym_component *c, size_t n, ym_err *err)
{
	ym_stmt *st;
	char now[32];
	int64_t *ids = NULL;
	int rc = ym_db_prepare(s, "DELETE FROM components WHERE asset_id = ?",
			       &st, err);
	if (rc)
		return rc;
	DB_INT(s, st, 1, asset_id);
	rc = ym_db_run(s, st, err);
	if (rc)
		return rc;
	ids = ym_xcalloc(n ? n : 1, sizeof *ids);
	for (size_t i = 0; i < n; i++) {
		rc = ym_db_prepare(s,
				   "INSERT INTO components (asset_id, parent_id,"
				   " bom_ref, name, version, purl, cpe,"
				   " ecosystem, pkg_key, source)"
				   " VALUES (?,?,?,?,?,?,?,?,?,?) RETURNING id",
				   &st, err);
		if (rc)
			goto out;
		int64_t parent = c[i].parent_id;
		DB_INT(s, st, 1, asset_id);
		/* parents precede children in the array */
		ym_db_bind_id(s, st, 2,
			      parent > 0 && (size_t)parent <= i ? ids[parent - 1]
								: 0);
		DB_TEXT(s, st, 3, c[i].bom_ref);
		DB_TEXT(s, st, 4, c[i].name);
		DB_TEXT(s, st, 5, c[i].version);
		DB_TEXT(s, st, 6, c[i].purl);
		DB_TEXT(s, st, 7, c[i].cpe);
		DB_TEXT(s, st, 8, c[i].ecosystem);
		DB_TEXT(s, st, 9, c[i].pkg_key);
		DB_TEXT(s, st, 10, c[i].source);
		rc = ym_db_step(s, st, err);
		if (rc == 1)
			ids[i] = COL_INT(s, st, 0);
		s->ops->reset(st);
		if (rc < 0)
			goto out;
	}
	ym_db_now(now);
	rc = ym_db_prepare(s, "UPDATE assets SET updated_at = ? WHERE id = ?",
			   &st, err);
	if (rc)
		goto out;
	DB_TEXT(s, st, 1, now);
	DB_INT(s, st, 2, asset_id);
	rc = ym_db_run(s, st, err);
out:
	free(ids);
	return rc < 0 ? rc : 0;
}

int ym_store_components_each(ym_store *s, const ym_scope *scope,
			     int64_t asset_id, ym_component_cb cb, void *ctx,
			     ym_err *err)
{
	ym_buf sql = YM_BUF_INIT;
	ym_stmt *st;
	ym_buf_adds(&sql, "SELECT c.id, c.asset_id, c.parent_id, c.bom_ref,"
			  " c.name, c.version, c.purl, c.cpe, c.ecosystem,"
			  " c.pkg_key, c.source, a.name"
			  " FROM components c JOIN assets a ON a.id = c.asset_id"
			  " WHERE 1 = 1");
	if (asset_id)
		ym_buf_adds(&sql, " AND c.asset_id = ?");
	ym_db_scope_sql(scope, "a.department_id", &sql);
	ym_buf_adds(&sql, " ORDER BY c.asset_id, c.id");
	int rc = ym_db_prepare(s, sql.ptr, &st, err);
	ym_buf_release(&sql);
	if (rc)
		return rc;
	int idx = 1;
	if (asset_id)
		DB_INT(s, st, idx++, asset_id);
	ym_db_scope_bind(s, st, idx, scope);
	while ((rc = ym_db_step(s, st, err)) == 1) {
		ym_component c = {
			.id = COL_INT(s, st, 0),
			.asset_id = COL_INT(s, st, 1),
			.parent_id = COL_INT(s, st, 2),
			.bom_ref = COL_TEXT(s, st, 3),
			.name = COL_TEXT(s, st, 4),
			.version = COL_TEXT(s, st, 5),
			.purl = COL_TEXT(s, st, 6),
			.cpe = COL_TEXT(s, st, 7),
			.ecosystem = COL_TEXT(s, st, 8),
			.pkg_key = COL_TEXT(s, st, 9),
			.source = COL_TEXT(s, st, 10),
			.asset_name = COL_TEXT(s, st, 11),
		};
		rc = cb(&c, ctx);
		if (rc)
			break;
	}
	s->ops->reset(st);
	return rc < 0 ? rc : 0;
}
