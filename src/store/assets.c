/* assets.c - the asset ledger rows (systems, services, hosts, ...). */
#include <stddef.h>
#include <stdio.h>
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

/* The ledger fields, in ym_asset_field order: column, member, type. */
typedef enum { F_TEXT, F_INT, F_BOOL, F_DEPT, F_KIND } ftype;
typedef struct field {
	const char *column;
	size_t offset;
	ftype type;
	const char *dflt; /* stored when NULL (NOT NULL columns) */
} field;

#define TXT(col, m) {col, offsetof(ym_asset, m), F_TEXT, NULL}
static const field FIELDS[YM_AF_COUNT] = {
	[YM_AF_KIND] = {"kind", offsetof(ym_asset, kind), F_KIND, NULL},
	[YM_AF_NAME] = TXT("name", name),
	[YM_AF_VENDOR] = TXT("vendor", vendor),
	[YM_AF_VERSION] = TXT("version", version),
	[YM_AF_CPE] = TXT("cpe", cpe),
	[YM_AF_PURL] = TXT("purl", purl),
	[YM_AF_FUNCTION] = TXT("function_category", function_category),
	[YM_AF_DATA_KIND] = TXT("data_kind", data_kind),
	[YM_AF_DATA_RECORDS] = {"data_records",
				offsetof(ym_asset, data_records), F_INT, NULL},
	[YM_AF_CONFIGURATION] = TXT("configuration", configuration),
	[YM_AF_EXPOSURE] = {"exposure", offsetof(ym_asset, exposure), F_TEXT,
			    "unknown"},
	[YM_AF_OPEN_PORTS] = TXT("open_ports", open_ports),
	[YM_AF_LOCATION] = TXT("location", location),
	[YM_AF_DEPARTMENT] = {"department_id",
			      offsetof(ym_asset, department_id), F_DEPT, NULL},
	[YM_AF_OWNER] = TXT("owner", owner),
	[YM_AF_CRITICALITY] = {"criticality", offsetof(ym_asset, criticality),
			       F_TEXT, "unknown"},
	[YM_AF_SAFETY] = {"safety_relevant",
			  offsetof(ym_asset, safety_relevant), F_BOOL, NULL},
	[YM_AF_INTRODUCED] = TXT("introduced_on", introduced_on),
	[YM_AF_SUPPORT_END] = TXT("support_end_on", support_end_on),
	[YM_AF_RETIRE_PLANNED] = TXT("retire_planned_on", retire_planned_on),
	[YM_AF_RETIRED] = TXT("retired_on", retired_on),
	[YM_AF_DISPOSED] = TXT("disposed_on", disposed_on),
	[YM_AF_TAGS] = TXT("tags", tags),
	[YM_AF_HOSTNAMES] = TXT("hostnames", hostnames),
	[YM_AF_ADDRESSES] = TXT("addresses", addresses),
	[YM_AF_OS] = TXT("os", os),
	[YM_AF_LAST_SEEN] = TXT("last_seen_at", last_seen_at),
};
#undef TXT

const char *ym_asset_field_name(ym_asset_field f)
{
	return (unsigned)f < YM_AF_COUNT ? FIELDS[f].column : "?";
}

/* A field's value as text ("" for none), for comparison and history. */
static void field_text(const ym_asset *a, ym_asset_field f, char *buf,
		       size_t size, const char **out)
{
	const field *d = &FIELDS[f];
	const char *p = (const char *)a + d->offset;
	switch (d->type) {
	case F_TEXT:
		*out = *(const char *const *)p;
		if (!*out)
			*out = d->dflt;
		return;
	case F_INT: {
		int64_t v = *(const int64_t *)p;
		if (v < 0) {
			*out = NULL;
			return;
		}
		snprintf(buf, size, "%lld", (long long)v);
		*out = buf;
		return;
	}
	case F_BOOL:
		*out = *(const bool *)p ? "yes" : "no";
		return;
	case F_DEPT: {
		int64_t v = *(const int64_t *)p;
		if (!v) {
			*out = NULL;
			return;
		}
		snprintf(buf, size, "%lld", (long long)v);
		*out = buf;
		return;
	}
	case F_KIND:
		*out = ym_asset_kind_name(*(const ym_asset_kind *)p);
		return;
	}
	*out = NULL;
}

static void bind_field(ym_store *s, ym_stmt *st, int i, const ym_asset *a,
		       ym_asset_field f)
{
	const field *d = &FIELDS[f];
	const char *p = (const char *)a + d->offset;
	switch (d->type) {
	case F_TEXT: {
		const char *v = *(const char *const *)p;
		DB_TEXT(s, st, i, v ? v : d->dflt);
		return;
	}
	case F_INT: {
		int64_t v = *(const int64_t *)p;
		if (v >= 0)
			DB_INT(s, st, i, v);
		else
			DB_NULL(s, st, i);
		return;
	}
	case F_BOOL:
		DB_INT(s, st, i, *(const bool *)p ? 1 : 0);
		return;
	case F_DEPT:
		ym_db_bind_id(s, st, i, *(const int64_t *)p);
		return;
	case F_KIND:
		DB_TEXT(s, st, i, ym_asset_kind_name(*(const ym_asset_kind *)p));
		return;
	}
}

const char *ym_change_actor(const ym_change *chg)
{
	if (chg && chg->actor && *chg->actor)
		return chg->actor;
	const char *u = getenv("USER");
	return u && *u ? u : "yamori";
}

int ym_db_history(ym_store *s, int64_t asset_id, const ym_change *chg,
		  const char *change, const char *subject, const char *old_value,
		  const char *new_value, ym_err *err)
{
	ym_stmt *st;
	char now[32];
	ym_db_now(now);
	int rc = ym_db_prepare(s,
			       "INSERT INTO asset_history (asset_id, at, actor,"
			       " change, subject, old_value, new_value, source)"
			       " VALUES (?,?,?,?,?,?,?,?)",
			       &st, err);
	if (rc)
		return rc;
	DB_INT(s, st, 1, asset_id);
	DB_TEXT(s, st, 2, now);
	DB_TEXT(s, st, 3, ym_change_actor(chg));
	DB_TEXT(s, st, 4, change);
	DB_TEXT(s, st, 5, subject);
	DB_TEXT(s, st, 6, old_value);
	DB_TEXT(s, st, 7, new_value);
	DB_TEXT(s, st, 8, chg ? chg->source : NULL);
	return ym_db_run(s, st, err);
}

int ym_store_asset_add_by(ym_store *s, const ym_asset *a,
			  const ym_change *chg, int64_t *id, ym_err *err)
{
	char now[32];
	ym_stmt *st;
	ym_buf sql = YM_BUF_INIT;
	ym_db_now(now);
	ym_buf_adds(&sql, "INSERT INTO assets (");
	for (int f = 0; f < YM_AF_COUNT; f++)
		ym_buf_printf(&sql, "%s, ", FIELDS[f].column);
	ym_buf_adds(&sql, "last_seen_by, created_at, updated_at) VALUES (");
	for (int f = 0; f < YM_AF_COUNT + 3; f++)
		ym_buf_adds(&sql, f ? ",?" : "?");
	ym_buf_adds(&sql, ") RETURNING id");
	int rc = ym_db_prepare(s, sql.ptr, &st, err);
	ym_buf_release(&sql);
	if (rc)
		return rc;
	for (int f = 0; f < YM_AF_COUNT; f++)
		bind_field(s, st, f + 1, a, (ym_asset_field)f);
	DB_TEXT(s, st, YM_AF_COUNT + 1, a->last_seen_by);
	DB_TEXT(s, st, YM_AF_COUNT + 2, now);
	DB_TEXT(s, st, YM_AF_COUNT + 3, now);
	int64_t new_id = 0;
	rc = ym_db_step(s, st, err);
	if (rc == 1)
		new_id = COL_INT(s, st, 0);
	s->ops->reset(st);
	if (rc == YM_E_EXISTS)
		return ym_err_set(err, YM_E_EXISTS,
				  _("an asset named '%s' already exists"),
				  a->name);
	if (rc < 0)
		return rc;
	if (id)
		*id = new_id;
	return ym_db_history(s, new_id, chg, "created", NULL, NULL, a->name,
			     err);
}

int ym_store_asset_add(ym_store *s, const ym_asset *a, int64_t *id,
		       ym_err *err)
{
	return ym_store_asset_add_by(s, a, NULL, id, err);
}

static bool same(const char *a, const char *b)
{
	if (!a || !*a)
		return !b || !*b;
	return b && strcmp(a, b) == 0;
}

int ym_store_asset_update(ym_store *s, const ym_scope *scope, int64_t id,
			  const ym_asset *a, uint64_t mask,
			  const ym_change *chg, int *changed, ym_err *err)
{
	ym_arena arena;
	ym_asset old;
	char ref[32], b1[32], b2[32];
	int n = 0;
	snprintf(ref, sizeof ref, "%lld", (long long)id);
	ym_arena_init(&arena, 0);
	int rc = ym_store_asset_get(s, scope, ref, &arena, &old, err);
	ym_buf sql = YM_BUF_INIT;
	ym_buf_adds(&sql, "UPDATE assets SET updated_at = ?");
	for (int f = 0; !rc && f < YM_AF_COUNT; f++) {
		if (!(mask & YM_AF_BIT(f)))
			continue;
		ym_buf_printf(&sql, ", %s = ?", FIELDS[f].column);
		if (f == YM_AF_LAST_SEEN) {
			ym_buf_adds(&sql, ", last_seen_by = ?");
			continue;
		}
		const char *ov, *nv;
		field_text(&old, (ym_asset_field)f, b1, sizeof b1, &ov);
		field_text(a, (ym_asset_field)f, b2, sizeof b2, &nv);
		if (same(ov, nv))
			continue;
		/* departments are shown by code in the history */
		if (f == YM_AF_DEPARTMENT) {
			ov = old.department_code;
			nv = a->department_code ? a->department_code : nv;
		}
		rc = ym_db_history(s, id, chg, "field",
				   f == YM_AF_DEPARTMENT ? "department"
							 : FIELDS[f].column,
				   ov, nv, err);
		n++;
	}
	ym_buf_adds(&sql, " WHERE id = ?");
	ym_stmt *st;
	if (!rc)
		rc = ym_db_prepare(s, sql.ptr, &st, err);
	if (!rc) {
		char now[32];
		int i = 1;
		ym_db_now(now);
		DB_TEXT(s, st, i++, n ? now : old.updated_at);
		for (int f = 0; f < YM_AF_COUNT; f++) {
			if (!(mask & YM_AF_BIT(f)))
				continue;
			bind_field(s, st, i++, a, (ym_asset_field)f);
			if (f == YM_AF_LAST_SEEN)
				DB_TEXT(s, st, i++, a->last_seen_by);
		}
		DB_INT(s, st, i, id);
		rc = ym_db_run(s, st, err);
		if (rc == YM_E_EXISTS)
			rc = ym_err_set(err, YM_E_EXISTS,
					_("an asset named '%s' already exists"),
					a->name);
	}
	if (changed)
		*changed = n;
	ym_buf_release(&sql);
	ym_arena_release(&arena);
	return rc;
}

#define ASSET_COLUMNS                                                     \
	"SELECT a.id, a.kind, a.name, a.vendor, a.version, a.cpe, a.purl,"  \
	" a.function_category, a.data_kind, a.data_records,"               \
	" a.configuration, a.exposure, a.open_ports, a.location,"          \
	" a.department_id, d.code, d.name, a.owner, a.criticality,"        \
	" a.safety_relevant, a.introduced_on, a.support_end_on,"           \
	" a.retire_planned_on, a.retired_on, a.disposed_on, a.tags,"       \
	" a.created_at, a.updated_at,"                                     \
	" a.hostnames, a.addresses, a.os, a.last_seen_at, a.last_seen_by," \
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
	a->hostnames = T(28);
	a->addresses = T(29);
	a->os = T(30);
	a->last_seen_at = T(31);
	a->last_seen_by = T(32);
	a->component_count = COL_INT(s, st, 33);
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
