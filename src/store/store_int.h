/* store_int.h - private to src/store: the backend operations table.
 *
 * Domain code (assets.c, findings.c, ...) is written once against these
 * operations with portable SQL ('?' placeholders, standard upserts,
 * RETURNING); each backend (sqlite.c, later postgres.c) implements them.
 */
#ifndef YM_STORE_INT_H
#define YM_STORE_INT_H

#include "store/store.h"

typedef struct ym_stmt ym_stmt;

typedef struct ym_store_ops {
	const char *name;
	int (*open)(const char *location, bool create, void **impl,
		    ym_err *err);
	void (*close)(void *impl);
	/* Runs a script of several statements (migrations). */
	int (*exec)(void *impl, const char *sql, ym_err *err);
	/* Returns a cached prepared statement for sql, reset and unbound. */
	int (*prepare)(void *impl, const char *sql, ym_stmt **st,
		       ym_err *err);
	void (*bind_text)(ym_stmt *st, int i, const char *s); /* NULL: null */
	void (*bind_int)(ym_stmt *st, int i, int64_t v);
	void (*bind_double)(ym_stmt *st, int i, double v);
	void (*bind_null)(ym_stmt *st, int i);
	/* 1 = a row is available, 0 = done, < 0 = error. */
	int (*step)(ym_stmt *st, ym_err *err);
	const char *(*col_text)(ym_stmt *st, int i); /* NULL when null */
	int64_t (*col_int)(ym_stmt *st, int i);
	double (*col_double)(ym_stmt *st, int i);
	bool (*col_null)(ym_stmt *st, int i);
	void (*reset)(ym_stmt *st);
	/* Starts a write transaction (SQLite takes the write lock at once so
	 * an import never fails half-way on a busy database). */
	int (*begin)(void *impl, ym_err *err);
	/* Rows changed by the last statement. */
	int64_t (*changes)(void *impl);
	/* Schema scripts, index i brings the schema from version i to i+1. */
	const char *const *migrations;
	int n_migrations;
} ym_store_ops;

struct ym_store {
	const ym_store_ops *ops;
	void *impl;
	int tx_depth; /* nested begin calls share one transaction */
};

extern const ym_store_ops ym_sqlite_ops;

/* Shorthands so domain code reads like SQL. */
int ym_db_prepare(ym_store *s, const char *sql, ym_stmt **st, ym_err *err);
int ym_db_step(ym_store *s, ym_stmt *st, ym_err *err);
/* Runs a statement expected to return no rows. */
int ym_db_run(ym_store *s, ym_stmt *st, ym_err *err);
#define DB_TEXT(s, st, i, v) (s)->ops->bind_text((st), (i), (v))
#define DB_INT(s, st, i, v) (s)->ops->bind_int((st), (i), (v))
#define DB_NULL(s, st, i) (s)->ops->bind_null((st), (i))
#define DB_DOUBLE(s, st, i, v) (s)->ops->bind_double((st), (i), (v))
#define COL_TEXT(s, st, i) (s)->ops->col_text((st), (i))
#define COL_INT(s, st, i) (s)->ops->col_int((st), (i))
/* Binds an integer, or null when v == 0 (optional foreign keys). */
void ym_db_bind_id(ym_store *s, ym_stmt *st, int i, int64_t v);
/* Copies a nullable column into the arena. */
const char *ym_db_col_dup(ym_store *s, ym_stmt *st, int i, ym_arena *a);

/* Appends " AND <col> IN (?,?,...)" for a limited scope and returns how
 * many placeholders it added (0 for ym_scope_all). */
struct ym_buf;
size_t ym_db_scope_sql(const ym_scope *scope, const char *col,
		       struct ym_buf *sql);
/* Binds the scope's department ids from placeholder index first. */
void ym_db_scope_bind(ym_store *s, ym_stmt *st, int first,
		      const ym_scope *scope);

/* The actor recorded for a change: chg->actor, else $USER, else
 * "yamori". */
const char *ym_change_actor(const ym_change *chg);
/* Appends one row to asset_history. */
int ym_db_history(ym_store *s, int64_t asset_id, const ym_change *chg,
		  const char *change, const char *subject, const char *old_value,
		  const char *new_value, ym_err *err);

/* Appends a LIKE pattern for "contains text" to pat, LIKE's own
 * characters escaped with '\\' (use ESCAPE '\\'). */
void ym_db_like_contains(struct ym_buf *pat, const char *text);

/* The columns of one vuln_cpes row, in the order ym_db_cpe_row reads
 * them from column i on (into arena a). */
#define YM_DB_CPE_ROW_COLS                                              \
	"config, config_op, node, node_op, node_negate, vulnerable,"    \
	" criteria, start_incl, start_excl, end_incl, end_excl,"        \
	" match_id, text, unparsed"
void ym_db_cpe_row(ym_store *s, ym_stmt *st, int i, ym_arena *a,
		   ym_cpe_criterion *c);

/* Queues work for the matcher (match_pending): kind "vuln" (a
 * vulnerability row whose records changed) or "asset" (an asset whose
 * software changed). */
int ym_db_match_pending(ym_store *s, const char *kind, int64_t id,
			ym_err *err);

/* ISO 8601 UTC timestamp for "now" (YAMORI_NOW overrides, for tests). */
void ym_db_now(char out[32]);

#endif
