/* feed_state.c - the feed_state table (one row per sync source) and the
 * ledger and record look-ups feed sync needs. */
#include <string.h>

#include "core/i18n.h"
#include "store/feed_state.h"
#include "store/store_int.h"

#define STATE_COLS                                                        \
	"source, cursor, etag, last_modified, last_attempt, last_success," \
	" status, message, records"

static void state_from_row(ym_store *s, ym_stmt *st, ym_arena *a,
			   ym_feed_state *out)
{
	const char **f[] = {&out->source,	&out->cursor,
			    &out->etag,		&out->last_modified,
			    &out->last_attempt, &out->last_success,
			    &out->status,	&out->message};
	for (int i = 0; i < 8; i++)
		*f[i] = a ? ym_db_col_dup(s, st, i, a) : COL_TEXT(s, st, i);
	out->records = COL_INT(s, st, 8);
}

int ym_store_feed_state_get(ym_store *s, const char *source, ym_arena *a,
			    ym_feed_state *out, ym_err *err)
{
	ym_stmt *st;
	int rc = ym_db_prepare(s,
			       "SELECT " STATE_COLS
			       " FROM feed_state WHERE source = ?",
			       &st, err);
	if (rc)
		return rc;
	DB_TEXT(s, st, 1, source);
	rc = ym_db_step(s, st, err);
	if (rc == 1)
		state_from_row(s, st, a, out);
	s->ops->reset(st);
	if (rc == 0)
		return ym_err_set(err, YM_E_NOTFOUND,
				  _("feed source '%s' has never been synced"),
				  source);
	return rc < 0 ? rc : 0;
}

int ym_store_feed_state_put(ym_store *s, const ym_feed_state *fs,
			    ym_err *err)
{
	ym_stmt *st;
	int rc = ym_db_prepare(
		s,
		"INSERT INTO feed_state (" STATE_COLS ")"
		" VALUES (?,?,?,?,?,?,?,?,?)"
		" ON CONFLICT (source) DO UPDATE SET cursor = excluded.cursor,"
		" etag = excluded.etag,"
		" last_modified = excluded.last_modified,"
		" last_attempt = excluded.last_attempt,"
		" last_success = excluded.last_success,"
		" status = excluded.status, message = excluded.message,"
		" records = excluded.records",
		&st, err);
	if (rc)
		return rc;
	const char *f[] = {fs->source,	     fs->cursor,
			   fs->etag,	     fs->last_modified,
			   fs->last_attempt, fs->last_success,
			   fs->status,	     fs->message};
	for (int i = 0; i < 8; i++)
		DB_TEXT(s, st, i + 1, f[i] && *f[i] ? f[i] : NULL);
	DB_INT(s, st, 9, fs->records);
	return ym_db_run(s, st, err);
}

int ym_store_feed_state_delete(ym_store *s, const char *source, ym_err *err)
{
	ym_stmt *st;
	int rc = ym_db_prepare(s, "DELETE FROM feed_state WHERE source = ?",
			       &st, err);
	if (rc)
		return rc;
	DB_TEXT(s, st, 1, source);
	return ym_db_run(s, st, err);
}

int ym_store_feed_states_each(ym_store *s, const char *prefix,
			      ym_feed_state_cb cb, void *ctx, ym_err *err)
{
	ym_stmt *st;
	/* substr, not LIKE: a prefix may hold '%' or '_' (URLs) */
	int rc = ym_db_prepare(s,
			       "SELECT " STATE_COLS " FROM feed_state"
			       " WHERE ? IS NULL"
			       " OR substr(source, 1, length(?)) = ?"
			       " ORDER BY source",
			       &st, err);
	if (rc)
		return rc;
	for (int i = 1; i <= 3; i++)
		DB_TEXT(s, st, i, prefix);
	while ((rc = ym_db_step(s, st, err)) == 1) {
		ym_feed_state fs;
		state_from_row(s, st, NULL, &fs);
		if ((rc = cb(&fs, ctx)))
			break;
	}
	s->ops->reset(st);
	return rc;
}

static int texts_each(ym_store *s, const char *sql, ym_store_text_cb cb,
		      void *ctx, ym_err *err)
{
	ym_stmt *st;
	int rc = ym_db_prepare(s, sql, &st, err);
	if (rc)
		return rc;
	while ((rc = ym_db_step(s, st, err)) == 1) {
		const char *t = COL_TEXT(s, st, 0);
		if (t && *t && (rc = cb(t, ctx)))
			break;
	}
	s->ops->reset(st);
	return rc;
}

int ym_store_ecosystems_each(ym_store *s, ym_store_text_cb cb, void *ctx,
			     ym_err *err)
{
	return texts_each(s,
			  "SELECT DISTINCT ecosystem FROM components"
			  " WHERE ecosystem IS NOT NULL ORDER BY ecosystem",
			  cb, ctx, err);
}

int ym_store_ledger_cpes_each(ym_store *s, ym_store_text_cb cb, void *ctx,
			      ym_err *err)
{
	return texts_each(s,
			  "SELECT cpe FROM assets WHERE cpe IS NOT NULL"
			  " UNION SELECT cpe FROM components"
			  " WHERE cpe IS NOT NULL ORDER BY 1",
			  cb, ctx, err);
}

int ym_store_source_modified(ym_store *s, const char *source,
			     const char *record_id, ym_arena *a, bool *found,
			     const char **modified, ym_err *err)
{
	ym_stmt *st;
	*found = false;
	*modified = NULL;
	int rc = ym_db_prepare(s,
			       "SELECT count(*), min(modified)"
			       " FROM vuln_sources WHERE source = ?"
			       " AND (record_id = ?"
			       " OR substr(record_id, 1, length(?) + 1)"
			       " = ? || '#')",
			       &st, err);
	if (rc)
		return rc;
	DB_TEXT(s, st, 1, source);
	for (int i = 2; i <= 4; i++)
		DB_TEXT(s, st, i, record_id);
	rc = ym_db_step(s, st, err);
	if (rc == 1) {
		*found = COL_INT(s, st, 0) > 0;
		*modified = ym_db_col_dup(s, st, 1, a);
	}
	s->ops->reset(st);
	return rc < 0 ? rc : 0;
}
