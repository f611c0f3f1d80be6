/* store.c - opening, migrations, transactions and the helpers shared by
 * the domain files; independent of the backend. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/buf.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "store/store_int.h"

const ym_scope ym_scope_all = {.all = true, .dept_ids = NULL, .n = 0};

int ym_store_schema_latest(void)
{
	return ym_sqlite_ops.n_migrations;
}

int ym_db_prepare(ym_store *s, const char *sql, ym_stmt **st, ym_err *err)
{
	return s->ops->prepare(s->impl, sql, st, err);
}

int ym_db_step(ym_store *s, ym_stmt *st, ym_err *err)
{
	return s->ops->step(st, err);
}

int ym_db_run(ym_store *s, ym_stmt *st, ym_err *err)
{
	int rc = ym_db_step(s, st, err);
	s->ops->reset(st);
	return rc < 0 ? rc : 0;
}

void ym_db_bind_id(ym_store *s, ym_stmt *st, int i, int64_t v)
{
	if (v)
		s->ops->bind_int(st, i, v);
	else
		s->ops->bind_null(st, i);
}

const char *ym_db_col_dup(ym_store *s, ym_stmt *st, int i, ym_arena *a)
{
	const char *t = s->ops->col_text(st, i);
	return t ? ym_arena_strdup(a, t) : NULL;
}

size_t ym_db_scope_sql(const ym_scope *scope, const char *col, ym_buf *sql)
{
	if (!scope || scope->all)
		return 0;
	if (scope->n == 0) {
		/* an empty scope sees nothing, not everything */
		ym_buf_adds(sql, " AND 1 = 0");
		return 0;
	}
	ym_buf_printf(sql, " AND %s IN (", col);
	for (size_t i = 0; i < scope->n; i++)
		ym_buf_adds(sql, i ? ",?" : "?");
	ym_buf_addc(sql, ')');
	return scope->n;
}

void ym_db_scope_bind(ym_store *s, ym_stmt *st, int first,
		      const ym_scope *scope)
{
	if (!scope || scope->all)
		return;
	for (size_t i = 0; i < scope->n; i++)
		s->ops->bind_int(st, first + (int)i, scope->dept_ids[i]);
}

void ym_db_now(char out[32])
{
	const char *fixed = getenv("YAMORI_NOW");
	if (fixed && *fixed) {
		snprintf(out, 32, "%s", fixed);
		return;
	}
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static int read_version(ym_store *s, int *version, ym_err *err)
{
	ym_stmt *st;
	int rc = ym_db_prepare(s, "SELECT max(version) FROM yamori_schema", &st,
			       err);
	if (rc)
		return rc;
	rc = ym_db_step(s, st, err);
	if (rc < 0)
		return rc;
	*version = rc == 1 ? (int)s->ops->col_int(st, 0) : 0;
	s->ops->reset(st);
	return 0;
}

static int migrate(ym_store *s, ym_err *err)
{
	int rc = s->ops->exec(s->impl,
			      "CREATE TABLE IF NOT EXISTS yamori_schema ("
			      " version INTEGER NOT NULL,"
			      " applied_at TEXT NOT NULL)",
			      err);
	if (rc)
		return rc;
	int version = 0;
	rc = read_version(s, &version, err);
	if (rc)
		return rc;
	if (version > s->ops->n_migrations)
		return ym_err_set(err, YM_E_UNSUPPORTED,
				  _("database schema version %d is newer than "
				    "this yamori (%d): upgrade yamori"),
				  version, s->ops->n_migrations);
	for (int v = version; v < s->ops->n_migrations; v++) {
		/* each step is atomic: a failed migration leaves the
		 * database at the previous version */
		rc = ym_store_begin(s, err);
		if (rc)
			return rc;
		rc = s->ops->exec(s->impl, s->ops->migrations[v], err);
		if (!rc) {
			char now[32];
			ym_stmt *st;
			ym_db_now(now);
			rc = ym_db_prepare(s,
					   "INSERT INTO yamori_schema"
					   " (version, applied_at) VALUES (?, ?)",
					   &st, err);
			if (!rc) {
				DB_INT(s, st, 1, v + 1);
				DB_TEXT(s, st, 2, now);
				rc = ym_db_run(s, st, err);
			}
		}
		if (rc) {
			ym_store_rollback(s);
			return rc;
		}
		rc = ym_store_commit(s, err);
		if (rc)
			return rc;
	}
	return 0;
}

int ym_store_open(const char *location, bool create, ym_store **out,
		  ym_err *err)
{
	ym_store *s = ym_xcalloc(1, sizeof *s);
	s->ops = &ym_sqlite_ops;
	int rc = s->ops->open(location, create, &s->impl, err);
	if (rc) {
		free(s);
		return rc;
	}
	rc = migrate(s, err);
	if (rc) {
		ym_store_close(s);
		return rc;
	}
	*out = s;
	return 0;
}

void ym_store_close(ym_store *s)
{
	if (!s)
		return;
	s->ops->close(s->impl);
	free(s);
}

int ym_store_schema_version(ym_store *s, int *version, ym_err *err)
{
	return read_version(s, version, err);
}

int ym_store_begin(ym_store *s, ym_err *err)
{
	if (s->tx_depth++ > 0)
		return 0;
	int rc = s->ops->begin(s->impl, err);
	if (rc)
		s->tx_depth = 0;
	return rc;
}

int ym_store_commit(ym_store *s, ym_err *err)
{
	if (s->tx_depth == 0)
		return ym_err_set(err, YM_E_STORE,
				  _("commit without a transaction"));
	if (--s->tx_depth > 0)
		return 0;
	int rc = s->ops->exec(s->impl, "COMMIT", err);
	if (rc)
		ym_store_rollback(s);
	return rc;
}

void ym_store_rollback(ym_store *s)
{
	if (s->tx_depth == 0)
		return;
	s->tx_depth = 0;
	s->ops->exec(s->impl, "ROLLBACK", NULL);
}

void ym_db_like_contains(ym_buf *pat, const char *text)
{
	ym_buf_addc(pat, '%');
	for (const char *p = text; *p; p++) {
		if (*p == '%' || *p == '_' || *p == '\\')
			ym_buf_addc(pat, '\\');
		ym_buf_addc(pat, *p);
	}
	ym_buf_addc(pat, '%');
}
