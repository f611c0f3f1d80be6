/* departments.c - organisational units that own assets. */
#include "core/i18n.h"
#include "store/store_int.h"

int ym_store_department_put(ym_store *s, const ym_department *d,
			    int64_t *id, ym_err *err)
{
	ym_stmt *st;
	int rc = ym_db_prepare(s,
			       "INSERT INTO departments (code, name, name_en)"
			       " VALUES (?, ?, ?)"
			       " ON CONFLICT (code) DO UPDATE SET"
			       " name = excluded.name,"
			       " name_en = excluded.name_en"
			       " RETURNING id",
			       &st, err);
	if (rc)
		return rc;
	DB_TEXT(s, st, 1, d->code);
	DB_TEXT(s, st, 2, d->name);
	DB_TEXT(s, st, 3, d->name_en);
	rc = ym_db_step(s, st, err);
	if (rc == 1 && id)
		*id = COL_INT(s, st, 0);
	s->ops->reset(st);
	return rc < 0 ? rc : 0;
}

int ym_store_department_find(ym_store *s, const char *code, int64_t *id,
			     ym_err *err)
{
	ym_stmt *st;
	int rc = ym_db_prepare(s, "SELECT id FROM departments WHERE code = ?",
			       &st, err);
	if (rc)
		return rc;
	DB_TEXT(s, st, 1, code);
	rc = ym_db_step(s, st, err);
	if (rc == 1)
		*id = COL_INT(s, st, 0);
	s->ops->reset(st);
	if (rc == 0)
		return ym_err_set(err, YM_E_NOTFOUND,
				  _("no department with code '%s'"), code);
	return rc < 0 ? rc : 0;
}

int ym_store_departments_each(ym_store *s, ym_department_cb cb, void *ctx,
			      ym_err *err)
{
	ym_stmt *st;
	int rc = ym_db_prepare(s,
			       "SELECT id, code, name, name_en FROM departments"
			       " ORDER BY code",
			       &st, err);
	if (rc)
		return rc;
	while ((rc = ym_db_step(s, st, err)) == 1) {
		ym_department d = {
			.id = COL_INT(s, st, 0),
			.code = COL_TEXT(s, st, 1),
			.name = COL_TEXT(s, st, 2),
			.name_en = COL_TEXT(s, st, 3),
		};
		rc = cb(&d, ctx);
		if (rc)
			break;
	}
	s->ops->reset(st);
	return rc < 0 ? rc : 0;
}
