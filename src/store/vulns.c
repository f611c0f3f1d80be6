/* vulns.c - vulnerabilities, their aliases, source records and affected
 * ranges. One vulnerability per primary id; each source's record is kept
 * beside it (vuln_sources) with a digest so re-imports of an unchanged
 * record cost one lookup. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "core/i18n.h"
#include "core/map.h"
#include "store/store_int.h"

static void digest_add(ym_buf *b, const char *s)
{
	/* field separator that cannot occur in text */
	ym_buf_adds(b, s ? s : "\x01");
	ym_buf_addc(b, '\x1f');
}

static void vuln_digest(const ym_vuln *v, char out[17])
{
	ym_buf b = YM_BUF_INIT;
	digest_add(&b, v->vuln_id);
	digest_add(&b, v->summary);
	digest_add(&b, v->summary_ja);
	digest_add(&b, v->details);
	digest_add(&b, v->severity);
	digest_add(&b, v->cvss_vector);
	digest_add(&b, v->published);
	digest_add(&b, v->modified);
	digest_add(&b, v->withdrawn);
	for (size_t i = 0; v->aliases && v->aliases[i]; i++)
		digest_add(&b, v->aliases[i]);
	for (size_t i = 0; i < v->n_ranges; i++) {
		const ym_affected_range *r = &v->ranges[i];
		digest_add(&b, r->ecosystem);
		digest_add(&b, r->package);
		digest_add(&b, r->range_type);
		digest_add(&b, r->events);
		digest_add(&b, r->versions);
	}
	snprintf(out, 17, "%016" PRIx64, ym_hash(b.ptr, b.len));
	ym_buf_release(&b);
}

int ym_store_vuln_put(ym_store *s, const ym_vuln *v, ym_put_result *res,
		      ym_err *err)
{
	ym_stmt *st;
	char digest[17], now[32];
	int64_t source_id = 0, vrow = 0;
	bool existed = false;
	vuln_digest(v, digest);
	ym_db_now(now);

	int rc = ym_db_prepare(s,
			       "SELECT id, digest FROM vuln_sources"
			       " WHERE source = ? AND record_id = ?",
			       &st, err);
	if (rc)
		return rc;
	DB_TEXT(s, st, 1, v->source);
	DB_TEXT(s, st, 2, v->vuln_id);
	rc = ym_db_step(s, st, err);
	if (rc == 1) {
		existed = true;
		const char *d = COL_TEXT(s, st, 1);
		if (d && strcmp(d, digest) == 0) {
			s->ops->reset(st);
			*res = YM_PUT_UNCHANGED;
			return 0;
		}
	}
	s->ops->reset(st);
	if (rc < 0)
		return rc;

	rc = ym_db_prepare(
		s,
		"INSERT INTO vulnerabilities (vuln_id, summary, summary_ja,"
		" details, severity, cvss_vector, published, modified,"
		" withdrawn) VALUES (?,?,?,?,?,?,?,?,?)"
		" ON CONFLICT (vuln_id) DO UPDATE SET"
		" summary = coalesce(excluded.summary,"
		"   vulnerabilities.summary),"
		" summary_ja = coalesce(excluded.summary_ja,"
		"   vulnerabilities.summary_ja),"
		" details = coalesce(excluded.details, vulnerabilities.details),"
		" severity = CASE WHEN excluded.severity = 'unknown'"
		"   THEN vulnerabilities.severity ELSE excluded.severity END,"
		" cvss_vector = coalesce(excluded.cvss_vector,"
		"   vulnerabilities.cvss_vector),"
		" published = coalesce(excluded.published,"
		"   vulnerabilities.published),"
		" modified = coalesce(excluded.modified,"
		"   vulnerabilities.modified),"
		" withdrawn = excluded.withdrawn"
		" RETURNING id",
		&st, err);
	if (rc)
		return rc;
	DB_TEXT(s, st, 1, v->vuln_id);
	DB_TEXT(s, st, 2, v->summary);
	DB_TEXT(s, st, 3, v->summary_ja);
	DB_TEXT(s, st, 4, v->details);
	DB_TEXT(s, st, 5, v->severity ? v->severity : "unknown");
	DB_TEXT(s, st, 6, v->cvss_vector);
	DB_TEXT(s, st, 7, v->published);
	DB_TEXT(s, st, 8, v->modified);
	DB_TEXT(s, st, 9, v->withdrawn);
	rc = ym_db_step(s, st, err);
	if (rc == 1)
		vrow = COL_INT(s, st, 0);
	s->ops->reset(st);
	if (rc < 0)
		return rc;

	rc = ym_db_prepare(s,
			   "INSERT INTO vuln_sources (vuln_rowid, source,"
			   " record_id, location, modified, digest, imported_at)"
			   " VALUES (?,?,?,?,?,?,?)"
			   " ON CONFLICT (source, record_id) DO UPDATE SET"
			   " vuln_rowid = excluded.vuln_rowid,"
			   " location = excluded.location,"
			   " modified = excluded.modified,"
			   " digest = excluded.digest,"
			   " imported_at = excluded.imported_at"
			   " RETURNING id",
			   &st, err);
	if (rc)
		return rc;
	DB_INT(s, st, 1, vrow);
	DB_TEXT(s, st, 2, v->source);
	DB_TEXT(s, st, 3, v->vuln_id);
	DB_TEXT(s, st, 4, v->source_file);
	DB_TEXT(s, st, 5, v->modified);
	DB_TEXT(s, st, 6, digest);
	DB_TEXT(s, st, 7, now);
	rc = ym_db_step(s, st, err);
	if (rc == 1)
		source_id = COL_INT(s, st, 0);
	s->ops->reset(st);
	if (rc < 0)
		return rc;

	for (size_t i = 0; v->aliases && v->aliases[i]; i++) {
		rc = ym_db_prepare(s,
				   "INSERT INTO vuln_aliases (vuln_rowid, alias)"
				   " VALUES (?, ?) ON CONFLICT DO NOTHING",
				   &st, err);
		if (rc)
			return rc;
		DB_INT(s, st, 1, vrow);
		DB_TEXT(s, st, 2, v->aliases[i]);
		rc = ym_db_run(s, st, err);
		if (rc)
			return rc;
	}

	rc = ym_db_prepare(s, "DELETE FROM affected_ranges WHERE source_id = ?",
			   &st, err);
	if (rc)
		return rc;
	DB_INT(s, st, 1, source_id);
	rc = ym_db_run(s, st, err);
	if (rc)
		return rc;
	for (size_t i = 0; i < v->n_ranges; i++) {
		const ym_affected_range *r = &v->ranges[i];
		rc = ym_db_prepare(s,
				   "INSERT INTO affected_ranges (source_id,"
				   " vuln_rowid, ecosystem, package, range_type,"
				   " events, versions) VALUES (?,?,?,?,?,?,?)",
				   &st, err);
		if (rc)
			return rc;
		DB_INT(s, st, 1, source_id);
		DB_INT(s, st, 2, vrow);
		DB_TEXT(s, st, 3, r->ecosystem);
		DB_TEXT(s, st, 4, r->package);
		DB_TEXT(s, st, 5, r->range_type);
		DB_TEXT(s, st, 6, r->events);
		DB_TEXT(s, st, 7, r->versions);
		rc = ym_db_run(s, st, err);
		if (rc)
			return rc;
	}
	*res = existed ? YM_PUT_UPDATED : YM_PUT_INSERTED;
	return 0;
}

int ym_store_vuln_get(ym_store *s, const char *vuln_id, ym_arena *arena,
		      ym_vuln *out, ym_err *err)
{
	ym_stmt *st;
	int rc = ym_db_prepare(
		s,
		"SELECT v.id, v.vuln_id, v.summary, v.summary_ja, v.details,"
		" v.severity, v.cvss_vector, v.published, v.modified,"
		" v.withdrawn, (SELECT group_concat(alias, ', ') FROM"
		"  (SELECT alias FROM vuln_aliases WHERE vuln_rowid = v.id"
		"   ORDER BY alias))"
		" FROM vulnerabilities v WHERE v.vuln_id = ?"
		" OR v.id = (SELECT vuln_rowid FROM vuln_aliases WHERE alias = ?"
		"  LIMIT 1) ORDER BY v.vuln_id = ? DESC LIMIT 1",
		&st, err);
	if (rc)
		return rc;
	DB_TEXT(s, st, 1, vuln_id);
	DB_TEXT(s, st, 2, vuln_id);
	DB_TEXT(s, st, 3, vuln_id);
	rc = ym_db_step(s, st, err);
	if (rc == 1) {
		memset(out, 0, sizeof *out);
		out->id = COL_INT(s, st, 0);
		out->vuln_id = ym_db_col_dup(s, st, 1, arena);
		out->summary = ym_db_col_dup(s, st, 2, arena);
		out->summary_ja = ym_db_col_dup(s, st, 3, arena);
		out->details = ym_db_col_dup(s, st, 4, arena);
		out->severity = ym_db_col_dup(s, st, 5, arena);
		out->cvss_vector = ym_db_col_dup(s, st, 6, arena);
		out->published = ym_db_col_dup(s, st, 7, arena);
		out->modified = ym_db_col_dup(s, st, 8, arena);
		out->withdrawn = ym_db_col_dup(s, st, 9, arena);
		out->aliases_joined = ym_db_col_dup(s, st, 10, arena);
	}
	s->ops->reset(st);
	if (rc == 0)
		return ym_err_set(err, YM_E_NOTFOUND,
				  _("no vulnerability '%s'"), vuln_id);
	return rc < 0 ? rc : 0;
}

int ym_store_ranges_each(ym_store *s, ym_range_cb cb, void *ctx, ym_err *err)
{
	ym_stmt *st;
	int rc = ym_db_prepare(s,
			       "SELECT r.vuln_rowid, v.vuln_id, r.ecosystem,"
			       " r.package, r.range_type, r.events, r.versions"
			       " FROM affected_ranges r"
			       " JOIN vulnerabilities v ON v.id = r.vuln_rowid"
			       " WHERE v.withdrawn IS NULL ORDER BY r.id",
			       &st, err);
	if (rc)
		return rc;
	while ((rc = ym_db_step(s, st, err)) == 1) {
		ym_affected_range r = {
			.ecosystem = COL_TEXT(s, st, 2),
			.package = COL_TEXT(s, st, 3),
			.range_type = COL_TEXT(s, st, 4),
			.events = COL_TEXT(s, st, 5),
			.versions = COL_TEXT(s, st, 6),
		};
		rc = cb(COL_INT(s, st, 0), COL_TEXT(s, st, 1), &r, ctx);
		if (rc)
			break;
	}
	s->ops->reset(st);
	return rc < 0 ? rc : 0;
}

int ym_store_vuln_count(ym_store *s, int64_t *n, ym_err *err)
{
	ym_stmt *st;
	int rc = ym_db_prepare(s, "SELECT count(*) FROM vulnerabilities", &st,
			       err);
	if (rc)
		return rc;
	rc = ym_db_step(s, st, err);
	*n = rc == 1 ? COL_INT(s, st, 0) : 0;
	s->ops->reset(st);
	return rc < 0 ? rc : 0;
}
