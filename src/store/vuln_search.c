/* vuln_search.c - finding vulnerabilities by words, source, severity,
 * KEV membership and date (`yamori vuln search`). */
#include <string.h>

#include "core/buf.h"
#include "store/store_int.h"

int ym_store_vulns_search(ym_store *s, const ym_vuln_filter *f,
			  ym_vuln_row_cb cb, void *ctx, ym_err *err)
{
	ym_buf sql = YM_BUF_INIT, pat = YM_BUF_INIT;
	ym_stmt *st;
	ym_buf_adds(&sql,
		    "SELECT v.id, v.vuln_id, v.title, v.title_ja, v.summary,"
		    " v.summary_ja, v.severity, v.published, v.modified,"
		    " (SELECT group_concat(alias, ', ') FROM (SELECT DISTINCT"
		    "   alias FROM vuln_aliases WHERE vuln_rowid = v.id AND"
		    "   alias <> v.vuln_id ORDER BY alias)),"
		    " (SELECT group_concat(source, ', ') FROM (SELECT DISTINCT"
		    "   source FROM vuln_sources WHERE vuln_rowid = v.id"
		    "   ORDER BY source)),"
		    " v.rejected, k.cve_id IS NOT NULL, e.score"
		    " FROM vulnerabilities v"
		    " LEFT JOIN kev k ON k.cve_id = v.vuln_id"
		    " LEFT JOIN epss e ON e.cve_id = v.vuln_id WHERE 1 = 1");
	if (f->text && *f->text) {
		ym_db_like_contains(&pat, f->text);
		ym_buf_adds(&sql,
			    " AND (v.vuln_id LIKE ?1 ESCAPE '\\'"
			    " OR v.title LIKE ?1 ESCAPE '\\'"
			    " OR v.title_ja LIKE ?1 ESCAPE '\\'"
			    " OR v.summary LIKE ?1 ESCAPE '\\'"
			    " OR v.summary_ja LIKE ?1 ESCAPE '\\'"
			    " OR EXISTS (SELECT 1 FROM vuln_aliases a WHERE"
			    "  a.vuln_rowid = v.id AND a.alias LIKE ?1"
			    "  ESCAPE '\\'))");
	} else {
		ym_buf_adds(&sql, " AND ?1 IS NULL");
	}
	ym_buf_adds(&sql, " AND (?2 IS NULL OR EXISTS (SELECT 1 FROM"
			  " vuln_sources x WHERE x.vuln_rowid = v.id AND"
			  " x.source = ?2))");
	ym_buf_adds(&sql, " AND CASE v.severity WHEN 'critical' THEN 4"
			  " WHEN 'high' THEN 3 WHEN 'medium' THEN 2"
			  " WHEN 'low' THEN 1 ELSE 0 END >= ?3");
	ym_buf_adds(&sql, " AND (?4 = 0 OR k.cve_id IS NOT NULL)");
	ym_buf_adds(&sql, " AND (?5 IS NULL OR v.modified >= ?5)");
	ym_buf_adds(&sql, " ORDER BY v.modified DESC, v.vuln_id LIMIT ?6");

	int rc = ym_db_prepare(s, sql.ptr, &st, err);
	if (rc)
		goto out;
	DB_TEXT(s, st, 1, pat.len ? pat.ptr : NULL);
	DB_TEXT(s, st, 2, f->source);
	DB_INT(s, st, 3, f->min_severity ? ym_severity_rank(f->min_severity)
					 : 0);
	DB_INT(s, st, 4, f->kev_only);
	DB_TEXT(s, st, 5, f->modified_since);
	DB_INT(s, st, 6, f->limit > 0 ? f->limit : 100);
	while ((rc = ym_db_step(s, st, err)) == 1) {
		ym_vuln_row r = {
			.id = COL_INT(s, st, 0),
			.vuln_id = COL_TEXT(s, st, 1),
			.title = COL_TEXT(s, st, 2),
			.title_ja = COL_TEXT(s, st, 3),
			.summary = COL_TEXT(s, st, 4),
			.summary_ja = COL_TEXT(s, st, 5),
			.severity = COL_TEXT(s, st, 6),
			.published = COL_TEXT(s, st, 7),
			.modified = COL_TEXT(s, st, 8),
			.aliases = COL_TEXT(s, st, 9),
			.sources = COL_TEXT(s, st, 10),
			.rejected = COL_INT(s, st, 11) != 0,
			.kev = COL_INT(s, st, 12) != 0,
			.epss = s->ops->col_null(st, 13)
					? -1
					: s->ops->col_double(st, 13),
		};
		if ((rc = cb(&r, ctx)))
			break;
	}
	s->ops->reset(st);
	if (rc > 0)
		rc = 0;
out:
	ym_buf_release(&sql);
	ym_buf_release(&pat);
	return rc;
}
