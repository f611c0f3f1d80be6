/* assets.c - the asset ledger rows (systems, services, hosts, ...). */
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/i18n.h"
#include "store/store_int.h"

static const char *const kind_names[] = {"system", "service", "host",
					 "cloud", "software"};

const char *ym_asset_kind_name(ym_asset_kind k)
{
	return (unsigned)k < 5 ? kind_names[k] : "system";
}

int ym_asset_kind_parse(const char *s, ym_asset_kind *out)
{
	for (int i = 0; i < 5; i++) {
		if (strcmp(s, kind_names[i]) == 0) {
			*out = (ym_asset_kind)i;
			return 0;
		}
	}
	return YM_E_INVALID;
}

int ym_store_asset_add(ym_store *s, const ym_asset *a, int64_t *id,
		       ym_err *err)
{
	char now[32];
	ym_stmt *st;
	ym_db_now(now);
	int rc = ym_db_prepare(
		s,
		"INSERT INTO assets (kind, name, vendor, version, cpe, purl,"
		" function_category, data_kind, data_records, configuration,"
		" exposure, open_ports, location, department_id, owner,"
		" criticality, safety_relevant, introduced_on, support_end_on,"
		" retire_planned_on, retired_on, disposed_on, tags,"
		" created_at, updated_at)"
		" VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
		" RETURNING id",
		&st, err);
	if (rc)
		return rc;
	int i = 1;
	DB_TEXT(s, st, i++, ym_asset_kind_name(a->kind));
	DB_TEXT(s, st, i++, a->name);
	DB_TEXT(s, st, i++, a->vendor);
	DB_TEXT(s, st, i++, a->version);
	DB_TEXT(s, st, i++, a->cpe);
	DB_TEXT(s, st, i++, a->purl);
	DB_TEXT(s, st, i++, a->function_category);
	DB_TEXT(s, st, i++, a->data_kind);
	if (a->data_records >= 0)
		DB_INT(s, st, i++, a->data_records);
	else
		DB_NULL(s, st, i++);
	DB_TEXT(s, st, i++, a->configuration);
	DB_TEXT(s, st, i++, a->exposure ? a->exposure : "unknown");
	DB_TEXT(s, st, i++, a->open_ports);
	DB_TEXT(s, st, i++, a->location);
	ym_db_bind_id(s, st, i++, a->department_id);
	DB_TEXT(s, st, i++, a->owner);
	DB_TEXT(s, st, i++, a->criticality ? a->criticality : "unknown");
	DB_INT(s, st, i++, a->safety_relevant ? 1 : 0);
	DB_TEXT(s, st, i++, a->introduced_on);
	DB_TEXT(s, st, i++, a->support_end_on);
	DB_TEXT(s, st, i++, a->retire_planned_on);
	DB_TEXT(s, st, i++, a->retired_on);
	DB_TEXT(s, st, i++, a->disposed_on);
	DB_TEXT(s, st, i++, a->tags);
	DB_TEXT(s, st, i++, now);
	DB_TEXT(s, st, i++, now);
	rc = ym_db_step(s, st, err);
	if (rc == 1 && id)
		*id = COL_INT(s, st, 0);
	s->ops->reset(st);
	if (rc == YM_E_EXISTS)
		return ym_err_set(err, YM_E_EXISTS,
				  _("an asset named '%s' already exists"),
				  a->name);
	return rc < 0 ? rc : 0;
}

#define ASSET_COLUMNS                                                     \
	"SELECT a.id, a.kind, a.name, a.vendor, a.version, a.cpe, a.purl,"  \
	" a.function_category, a.data_kind, a.data_records,"               \
	" a.configuration, a.exposure, a.open_ports, a.location,"          \
	" a.department_id, d.code, d.name, a.owner, a.criticality,"        \
	" a.safety_relevant, a.introduced_on, a.support_end_on,"           \
	" a.retire_planned_on, a.retired_on, a.disposed_on, a.tags,"       \
	" a.created_at, a.updated_at,"                                     \
	" (SELECT count(*) FROM components c WHERE c.asset_id = a.id)"     \
	" FROM assets a LEFT JOIN departments d ON d.id = a.department_id"  \
	" WHERE 1 = 1"

/* Reads one row; strings point into the statement (valid until the next
 * step) unless arena is given, in which case they are copied. */
static void read_asset(ym_store *s, ym_stmt *st, ym_arena *arena,
		       ym_asset *a)
{
#define T(i) (arena ? ym_db_col_dup(s, st, (i), arena) : COL_TEXT(s, st, (i)))
	memset(a, 0, sizeof *a);
	a->id = COL_INT(s, st, 0);
	ym_asset_kind_parse(COL_TEXT(s, st, 1), &a->kind);
	a->name = T(2);
	a->vendor = T(3);
	a->version = T(4);
	a->cpe = T(5);
	a->purl = T(6);
	a->function_category = T(7);
	a->data_kind = T(8);
	a->data_records = s->ops->col_null(st, 9) ? -1 : COL_INT(s, st, 9);
	a->configuration = T(10);
	a->exposure = T(11);
	a->open_ports = T(12);
	a->location = T(13);
	a->department_id = COL_INT(s, st, 14);
	a->department_code = T(15);
	a->department_name = T(16);
	a->owner = T(17);
	a->criticality = T(18);
	a->safety_relevant = COL_INT(s, st, 19) != 0;
	a->introduced_on = T(20);
	a->support_end_on = T(21);
	a->retire_planned_on = T(22);
	a->retired_on = T(23);
	a->disposed_on = T(24);
	a->tags = T(25);
	a->created_at = T(26);
	a->updated_at = T(27);
	a->component_count = COL_INT(s, st, 28);
#undef T
}

static bool all_digits(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

int ym_store_asset_get(ym_store *s, const ym_scope *scope, const char *ref,
		       ym_arena *arena, ym_asset *out, ym_err *err)
{
	ym_buf sql = YM_BUF_INIT;
	ym_stmt *st;
	bool by_id = all_digits(ref);
	ym_buf_adds(&sql, ASSET_COLUMNS);
	ym_buf_adds(&sql, by_id ? " AND a.id = ?" : " AND a.name = ?");
	ym_db_scope_sql(scope, "a.department_id", &sql);
	int rc = ym_db_prepare(s, sql.ptr, &st, err);
	ym_buf_release(&sql);
	if (rc)
		return rc;
	if (by_id)
		DB_INT(s, st, 1, strtoll(ref, NULL, 10));
	else
		DB_TEXT(s, st, 1, ref);
	ym_db_scope_bind(s, st, 2, scope);
	rc = ym_db_step(s, st, err);
	if (rc == 1)
		read_asset(s, st, arena, out);
	s->ops->reset(st);
	if (rc == 0)
		return ym_err_set(err, YM_E_NOTFOUND, _("no asset '%s'"), ref);
	return rc < 0 ? rc : 0;
}

int ym_store_assets_each(ym_store *s, const ym_scope *scope, ym_asset_cb cb,
			 void *ctx, ym_err *err)
{
	ym_buf sql = YM_BUF_INIT;
	ym_stmt *st;
	ym_buf_adds(&sql, ASSET_COLUMNS);
	ym_db_scope_sql(scope, "a.department_id", &sql);
	ym_buf_adds(&sql, " ORDER BY a.id");
	int rc = ym_db_prepare(s, sql.ptr, &st, err);
	ym_buf_release(&sql);
	if (rc)
		return rc;
	ym_db_scope_bind(s, st, 1, scope);
	while ((rc = ym_db_step(s, st, err)) == 1) {
		ym_asset a;
		read_asset(s, st, NULL, &a);
		rc = cb(&a, ctx);
		if (rc)
			break;
	}
	s->ops->reset(st);
	return rc < 0 ? rc : 0;
}
