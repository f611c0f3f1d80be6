/* match_input.c - what the matching engine reads from the store in bulk
 * or for a few keys, and its queue of pending work (match_pending). */
#include <stdlib.h>
#include <string.h>

#include "core/vec.h"
#include "store/store_int.h"

/* a withdrawn or rejected record's data does not count, whatever other
 * sources say about the same vulnerability */
#define VALID_SOURCE                                                   \
	" JOIN vuln_sources src ON src.id = r.source_id"                 \
	" JOIN vulnerabilities v ON v.id = r.vuln_rowid"                 \
	" WHERE src.withdrawn IS NULL AND src.rejected = 0"              \
	" AND v.rejected = 0"

#define RANGE_SELECT                                                   \
	"SELECT r.vuln_rowid, src.source_vuln_id, r.ecosystem,"          \
	" r.package, r.range_type, r.events, r.versions, src.source"     \
	" FROM affected_ranges r" VALID_SOURCE

static int each_range_row(ym_store *s, ym_stmt *st, ym_range_cb cb, void *ctx,
			  ym_err *err)
{
	int rc;
	while ((rc = ym_db_step(s, st, err)) == 1) {
		ym_affected_range r = {
			.ecosystem = COL_TEXT(s, st, 2),
			.package = COL_TEXT(s, st, 3),
			.range_type = COL_TEXT(s, st, 4),
			.events = COL_TEXT(s, st, 5),
			.versions = COL_TEXT(s, st, 6),
			.source = COL_TEXT(s, st, 7),
		};
		rc = cb(COL_INT(s, st, 0), COL_TEXT(s, st, 1), &r, ctx);
		if (rc)
			break;
	}
	s->ops->reset(st);
	return rc;
}

int ym_store_ranges_each(ym_store *s, ym_range_cb cb, void *ctx, ym_err *err)
{
	ym_stmt *st;
	int rc = ym_db_prepare(s, RANGE_SELECT " ORDER BY r.id", &st, err);
	return rc ? rc : each_range_row(s, st, cb, ctx, err);
}

int ym_store_ranges_of_vuln(ym_store *s, int64_t vuln_rowid, ym_range_cb cb,
			    void *ctx, ym_err *err)
{
	ym_stmt *st;
	int rc = ym_db_prepare(s, RANGE_SELECT " AND r.vuln_rowid = ?"
				  " ORDER BY r.id",
			       &st, err);
	if (rc)
		return rc;
	DB_INT(s, st, 1, vuln_rowid);
	return each_range_row(s, st, cb, ctx, err);
}

int ym_store_ranges_of_package(ym_store *s, const char *package,
			       ym_range_cb cb, void *ctx, ym_err *err)
{
	ym_stmt *st;
	int rc = ym_db_prepare(s, RANGE_SELECT " AND r.package = ?"
				  " ORDER BY r.id",
			       &st, err);
	if (rc)
		return rc;
	DB_TEXT(s, st, 1, package);
	return each_range_row(s, st, cb, ctx, err);
}

/* Rows of records with at least one vulnerable criterion, grouped by
 * record (source_id order), handed over one record at a time. */
static int each_cpe_record(ym_store *s, ym_stmt *st, ym_cpe_record_cb cb,
			   void *ctx, ym_err *err)
{
	ym_arena a;
	ym_arena_init(&a, 1 << 16);
	YM_VEC(ym_cpe_criterion) rows = YM_VEC_INIT;
	ym_cpe_record rec = {0};
	int rc;
	while ((rc = ym_db_step(s, st, err)) >= 0) {
		int64_t sid = rc == 1 ? COL_INT(s, st, 0) : -1;
		if (rec.src.source_id && sid != rec.src.source_id) {
			rec.rows = rows.v;
			rec.n = rows.n;
			int crc = cb(&rec, ctx);
			rows.n = 0;
			ym_arena_reset(&a);
			memset(&rec, 0, sizeof rec);
			if (crc) {
				rc = crc;
				break;
			}
		}
		if (rc == 0)
			break;
		if (!rec.src.source_id) {
			rec.src.source_id = sid;
			rec.src.vuln_rowid = COL_INT(s, st, 1);
			rec.src.source = ym_db_col_dup(s, st, 2, &a);
			rec.src.record_id = ym_db_col_dup(s, st, 3, &a);
		}
		ym_cpe_criterion c;
		ym_db_cpe_row(s, st, 4, &a, &c);
		ym_vec_push(&rows, c);
	}
	s->ops->reset(st);
	ym_vec_release(&rows);
	ym_arena_release(&a);
	return rc;
}

#define CPE_RECORD_SELECT                                              \
	"SELECT r.source_id, r.vuln_rowid, src.source, src.source_vuln_id," \
	" " YM_DB_CPE_ROW_COLS " FROM vuln_cpes r" VALID_SOURCE            \
	" AND EXISTS (SELECT 1 FROM vuln_cpes x WHERE"                   \
	"  x.source_id = r.source_id AND x.vulnerable = 1)"

int ym_store_cpe_records_each(ym_store *s, ym_cpe_record_cb cb, void *ctx,
			      ym_err *err)
{
	ym_stmt *st;
	int rc = ym_db_prepare(s, CPE_RECORD_SELECT
			       " ORDER BY r.source_id, r.id",
			       &st, err);
	return rc ? rc : each_cpe_record(s, st, cb, ctx, err);
}

int ym_store_cpe_records_of_vuln(ym_store *s, int64_t vuln_rowid,
				 ym_cpe_record_cb cb, void *ctx, ym_err *err)
{
	ym_stmt *st;
	int rc = ym_db_prepare(s, CPE_RECORD_SELECT " AND r.vuln_rowid = ?"
			       " ORDER BY r.source_id, r.id",
			       &st, err);
	if (rc)
		return rc;
	DB_INT(s, st, 1, vuln_rowid);
	return each_cpe_record(s, st, cb, ctx, err);
}

/* ---- the queue ---- */

int ym_db_match_pending(ym_store *s, const char *kind, int64_t id, ym_err *err)
{
	ym_stmt *st;
	int rc = ym_db_prepare(s,
			       "INSERT INTO match_pending (kind, id) VALUES (?, ?)"
			       " ON CONFLICT DO NOTHING",
			       &st, err);
	if (rc)
		return rc;
	DB_TEXT(s, st, 1, kind);
	DB_INT(s, st, 2, id);
	return ym_db_run(s, st, err);
}

int ym_store_match_pending(ym_store *s, ym_pending *out, ym_err *err)
{
	ym_stmt *st;
	memset(out, 0, sizeof *out);
	int rc = ym_db_prepare(s, "SELECT kind, id FROM match_pending"
				  " ORDER BY kind, id",
			       &st, err);
	if (rc)
		return rc;
	YM_VEC(int64_t) vulns = YM_VEC_INIT, assets = YM_VEC_INIT;
	while ((rc = ym_db_step(s, st, err)) == 1) {
		if (strcmp(COL_TEXT(s, st, 0), "vuln") == 0)
			ym_vec_push(&vulns, COL_INT(s, st, 1));
		else
			ym_vec_push(&assets, COL_INT(s, st, 1));
	}
	s->ops->reset(st);
	out->vulns = vulns.v;
	out->n_vulns = vulns.n;
	out->assets = assets.v;
	out->n_assets = assets.n;
	return rc < 0 ? rc : 0;
}

void ym_pending_release(ym_pending *p)
{
	free(p->vulns);
	free(p->assets);
	memset(p, 0, sizeof *p);
}

int ym_store_match_pending_done(ym_store *s, const char *kind, int64_t id,
				ym_err *err)
{
	ym_stmt *st;
	/* the primary key: an incremental run takes a thousand ids off */
	int rc = ym_db_prepare(s,
			       "DELETE FROM match_pending WHERE kind = ?"
			       " AND id = ?",
			       &st, err);
	if (rc)
		return rc;
	DB_TEXT(s, st, 1, kind);
	DB_INT(s, st, 2, id);
	return ym_db_run(s, st, err);
}

int ym_store_match_pending_clear(ym_store *s, ym_err *err)
{
	ym_stmt *st;
	int rc = ym_db_prepare(s, "DELETE FROM match_pending", &st, err);
	return rc ? rc : ym_db_run(s, st, err);
}
