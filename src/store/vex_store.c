/* vex_store.c - VEX statements imported on their own (one row per
 * statement and product), applied to findings by the matcher. */
#include <string.h>

#include "store/store_int.h"

int ym_store_vex_put(ym_store *s, const ym_vex_row *r, ym_err *err)
{
	ym_stmt *st;
	char now[32];
	ym_db_now(now);
	int rc = ym_db_prepare(
		s,
		"INSERT INTO vex_statements (file, format, vuln_id, aliases,"
		" status, justification, detail, action, timestamp, purl, cpe,"
		" name, version, range, imported_at)"
		" VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
		&st, err);
	if (rc)
		return rc;
	const char *v[] = {r->file,	     r->format, r->vuln_id, r->aliases,
			   r->status,	     r->justification, r->detail,
			   r->action,	     r->timestamp, r->purl, r->cpe,
			   r->name,	     r->version, r->range, now};
	for (int i = 0; i < 15; i++)
		DB_TEXT(s, st, i + 1, v[i]);
	return ym_db_run(s, st, err);
}

int ym_store_vex_forget(ym_store *s, const char *file, ym_err *err)
{
	ym_stmt *st;
	int rc = ym_db_prepare(s, "DELETE FROM vex_statements WHERE file = ?",
			       &st, err);
	if (rc)
		return rc;
	DB_TEXT(s, st, 1, file);
	return ym_db_run(s, st, err);
}

int ym_store_vex_each(ym_store *s, ym_vex_row_cb cb, void *ctx, ym_err *err)
{
	ym_stmt *st;
	int rc = ym_db_prepare(
		s,
		"SELECT id, file, format, vuln_id, aliases, status,"
		" justification, detail, action, timestamp, purl, cpe, name,"
		" version, range FROM vex_statements ORDER BY id",
		&st, err);
	if (rc)
		return rc;
	while ((rc = ym_db_step(s, st, err)) == 1) {
		ym_vex_row r = {
			.id = COL_INT(s, st, 0),
			.file = COL_TEXT(s, st, 1),
			.format = COL_TEXT(s, st, 2),
			.vuln_id = COL_TEXT(s, st, 3),
			.aliases = COL_TEXT(s, st, 4),
			.status = COL_TEXT(s, st, 5),
			.justification = COL_TEXT(s, st, 6),
			.detail = COL_TEXT(s, st, 7),
			.action = COL_TEXT(s, st, 8),
			.timestamp = COL_TEXT(s, st, 9),
			.purl = COL_TEXT(s, st, 10),
			.cpe = COL_TEXT(s, st, 11),
			.name = COL_TEXT(s, st, 12),
			.version = COL_TEXT(s, st, 13),
			.range = COL_TEXT(s, st, 14),
		};
		if ((rc = cb(&r, ctx)))
			break;
	}
	s->ops->reset(st);
	return rc;
}
