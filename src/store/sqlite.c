/* sqlite.c - the embedded SQLite backend of the store.
 *
 * WAL journal, foreign keys on, every statement prepared once and cached
 * by its SQL text, so hot import loops only bind and step.
 */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/map.h"
#include "core/xalloc.h"
#include "store/schema_sqlite.h"
#include "store/store_int.h"

typedef struct sq {
	sqlite3 *db;
	ym_map cache; /* SQL text -> sqlite3_stmt*; keys owned by the map */
} sq;

static int sq_error(sqlite3 *db, ym_err *err, const char *what)
{
	return ym_err_set(err, YM_E_STORE, _("database %s failed: %s"), what,
			  sqlite3_errmsg(db));
}

static int sq_open(const char *location, bool create, void **impl,
		   ym_err *err)
{
	sqlite3 *db = NULL;
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
	if (create)
		flags |= SQLITE_OPEN_CREATE;
	int rc = sqlite3_open_v2(location, &db, flags, NULL);
	if (rc != SQLITE_OK) {
		if (!create && rc == SQLITE_CANTOPEN)
			ym_err_set(err, YM_E_NOTFOUND,
				   _("no database at %s (run 'yamori init' "
				     "first)"),
				   location);
		else
			ym_err_set(err, YM_E_STORE,
				   _("cannot open database %s: %s"), location,
				   db ? sqlite3_errmsg(db)
				      : sqlite3_errstr(rc));
		sqlite3_close(db);
		return err ? err->code : YM_E_STORE;
	}
	sqlite3_extended_result_codes(db, 1);
	sqlite3_busy_timeout(db, 5000);
	char *msg = NULL;
	rc = sqlite3_exec(db,
			  "PRAGMA journal_mode=WAL;"
			  "PRAGMA synchronous=NORMAL;"
			  "PRAGMA foreign_keys=ON;"
			  "PRAGMA temp_store=MEMORY;"
			  /* big imports touch wide parts of the indexes */
			  "PRAGMA cache_size=-65536;"
			  "PRAGMA mmap_size=8589934592;",
			  NULL, NULL, &msg);
	if (rc != SQLITE_OK) {
		ym_err_set(err, YM_E_STORE, _("cannot open database %s: %s"),
			   location, msg ? msg : sqlite3_errstr(rc));
		sqlite3_free(msg);
		sqlite3_close(db);
		return YM_E_STORE;
	}
	sq *q = ym_xcalloc(1, sizeof *q);
	q->db = db;
	ym_map_init(&q->cache);
	*impl = q;
	return 0;
}

static void sq_close(void *impl)
{
	sq *q = impl;
	if (!q)
		return;
	size_t pos = 0;
	const ym_map_entry *e;
	while ((e = ym_map_next(&q->cache, &pos))) {
		sqlite3_finalize(e->val);
		free((char *)e->key);
	}
	ym_map_release(&q->cache);
	sqlite3_close(q->db);
	free(q);
}

static int sq_exec(void *impl, const char *sql, ym_err *err)
{
	sq *q = impl;
	char *msg = NULL;
	if (sqlite3_exec(q->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		ym_err_set(err, YM_E_STORE, _("database statement failed: %s"),
			   msg ? msg : sqlite3_errmsg(q->db));
		sqlite3_free(msg);
		return YM_E_STORE;
	}
	return 0;
}

static int sq_prepare(void *impl, const char *sql, ym_stmt **out,
		      ym_err *err)
{
	sq *q = impl;
	size_t len = strlen(sql);
	sqlite3_stmt *st = ym_map_get(&q->cache, sql, len);
	if (st) {
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
		*out = (ym_stmt *)st;
		return 0;
	}
	int rc = sqlite3_prepare_v3(q->db, sql, (int)len,
				    SQLITE_PREPARE_PERSISTENT, &st, NULL);
	if (rc != SQLITE_OK)
		return sq_error(q->db, err, _("prepare"));
	/* the cache owns a copy of the key: callers may pass built SQL */
	ym_map_put(&q->cache, ym_xstrndup(sql, len), len, st);
	*out = (ym_stmt *)st;
	return 0;
}

static void sq_bind_text(ym_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text((sqlite3_stmt *)st, i, s, -1,
				  SQLITE_TRANSIENT);
	else
		sqlite3_bind_null((sqlite3_stmt *)st, i);
}

static void sq_bind_int(ym_stmt *st, int i, int64_t v)
{
	sqlite3_bind_int64((sqlite3_stmt *)st, i, v);
}

static void sq_bind_double(ym_stmt *st, int i, double v)
{
	sqlite3_bind_double((sqlite3_stmt *)st, i, v);
}

static void sq_bind_null(ym_stmt *st, int i)
{
	sqlite3_bind_null((sqlite3_stmt *)st, i);
}

static int sq_step(ym_stmt *st, ym_err *err)
{
	sqlite3_stmt *s = (sqlite3_stmt *)st;
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	sqlite3 *db = sqlite3_db_handle(s);
	int code = (rc & 0xff) == SQLITE_CONSTRAINT ? YM_E_EXISTS
						     : YM_E_STORE;
	ym_err_set(err, code, _("database step failed: %s"),
		   sqlite3_errmsg(db));
	sqlite3_reset(s);
	return code;
}

static const char *sq_col_text(ym_stmt *st, int i)
{
	return (const char *)sqlite3_column_text((sqlite3_stmt *)st, i);
}

static int64_t sq_col_int(ym_stmt *st, int i)
{
	return sqlite3_column_int64((sqlite3_stmt *)st, i);
}

static double sq_col_double(ym_stmt *st, int i)
{
	return sqlite3_column_double((sqlite3_stmt *)st, i);
}

static bool sq_col_null(ym_stmt *st, int i)
{
	return sqlite3_column_type((sqlite3_stmt *)st, i) == SQLITE_NULL;
}

static void sq_reset(ym_stmt *st)
{
	sqlite3_reset((sqlite3_stmt *)st);
}

static int sq_begin(void *impl, ym_err *err)
{
	return sq_exec(impl, "BEGIN IMMEDIATE", err);
}

static int64_t sq_changes(void *impl)
{
	return sqlite3_changes64(((sq *)impl)->db);
}

const ym_store_ops ym_sqlite_ops = {
	.name = "sqlite",
	.open = sq_open,
	.close = sq_close,
	.exec = sq_exec,
	.prepare = sq_prepare,
	.bind_text = sq_bind_text,
	.bind_int = sq_bind_int,
	.bind_double = sq_bind_double,
	.bind_null = sq_bind_null,
	.step = sq_step,
	.col_text = sq_col_text,
	.col_int = sq_col_int,
	.col_double = sq_col_double,
	.col_null = sq_col_null,
	.reset = sq_reset,
	.begin = sq_begin,
	.changes = sq_changes,
	.migrations = ym_sqlite_migrations,
	.n_migrations = YM_SQLITE_MIGRATIONS,
};
