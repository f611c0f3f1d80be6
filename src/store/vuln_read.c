/* vuln_read.c - reading vulnerability source records back, with all
 * they said (for `vuln show`, the matcher and exports). */
#include <string.h>

#include "core/i18n.h"
#include "core/vec.h"
#include "store/store_int.h"

/* "a, b, c" -> NULL-terminated list in the arena (NULL for NULL). */
static const char *const *split_list(ym_arena *a, const char *joined)
{
	if (!joined || !*joined)
		return NULL;
	char *copy = ym_arena_strdup(a, joined);
	size_t n = 1;
	for (const char *p = copy; (p = strstr(p, ", ")); p += 2)
		n++;
	const char **l = ym_arena_alloc(a, (n + 1) * sizeof *l);
	char *cur = copy;
	for (size_t i = 0; i < n; i++) {
		l[i] = cur;
		char *e = strstr(cur, ", ");
		if (e) {
			*e = '\0';
			cur = e + 2;
		}
	}
	l[n] = NULL;
	return l;
}

#define DUP(i) ym_db_col_dup(s, st, (i), a)

static int load_aliases(ym_store *s, int64_t sid, ym_arena *a, ym_vuln *v,
			ym_err *err)
{
	ym_stmt *st;
	YM_VEC(const char *) l = YM_VEC_INIT;
	int rc = ym_db_prepare(s,
			       "SELECT a.alias FROM vuln_aliases a JOIN vuln_sources"
			       " s ON s.id = a.source_id WHERE a.source_id = ?"
			       " AND a.alias <> s.source_vuln_id ORDER BY a.alias",
			       &st, err);
	if (rc)
		return rc;
	DB_INT(s, st, 1, sid);
	while ((rc = ym_db_step(s, st, err)) == 1)
		ym_vec_push(&l, DUP(0));
	s->ops->reset(st);
	if (rc == 0 && l.n) {
		const char **out = ym_arena_alloc(a, (l.n + 1) * sizeof *out);
		memcpy(out, l.v, l.n * sizeof *out);
		out[l.n] = NULL;
		v->aliases = out;
	}
	ym_vec_release(&l);
	return rc < 0 ? rc : 0;
}

static int load_cvss(ym_store *s, int64_t sid, ym_arena *a, ym_vuln *v,
		     ym_err *err)
{
	ym_stmt *st;
	YM_VEC(ym_cvss_entry) l = YM_VEC_INIT;
	int rc = ym_db_prepare(s,
			       "SELECT version, vector, base_score, severity,"
			       " origin, kind, base_score IS NULL FROM vuln_cvss"
			       " WHERE source_id = ? ORDER BY id",
			       &st, err);
	if (rc)
		return rc;
	DB_INT(s, st, 1, sid);
	while ((rc = ym_db_step(s, st, err)) == 1) {
		ym_cvss_entry c = {
			.version = DUP(0),
			.vector = DUP(1),
			.base_score = COL_INT(s, st, 6)
					      ? -1
					      : s->ops->col_double(st, 2),
			.severity = DUP(3),
			.origin = DUP(4),
			.kind = DUP(5),
		};
		ym_vec_push(&l, c);
	}
	s->ops->reset(st);
	if (rc == 0 && l.n) {
		ym_cvss_entry *out = ym_arena_alloc(a, l.n * sizeof *out);
		memcpy(out, l.v, l.n * sizeof *out);
		v->cvss = out;
		v->n_cvss = l.n;
	}
	ym_vec_release(&l);
	return rc < 0 ? rc : 0;
}

static int load_ranges(ym_store *s, int64_t sid, ym_arena *a, ym_vuln *v,
		       ym_err *err)
{
	ym_stmt *st;
	YM_VEC(ym_affected_range) l = YM_VEC_INIT;
	int rc = ym_db_prepare(s,
			       "SELECT ecosystem, package, range_type, events,"
			       " versions FROM affected_ranges WHERE source_id = ?"
			       " ORDER BY id",
			       &st, err);
	if (rc)
		return rc;
	DB_INT(s, st, 1, sid);
	while ((rc = ym_db_step(s, st, err)) == 1) {
		ym_affected_range r = {.ecosystem = DUP(0), .package = DUP(1),
				       .range_type = DUP(2), .events = DUP(3),
				       .versions = DUP(4)};
		ym_vec_push(&l, r);
	}
	s->ops->reset(st);
	if (rc == 0 && l.n) {
		ym_affected_range *out = ym_arena_alloc(a, l.n * sizeof *out);
		memcpy(out, l.v, l.n * sizeof *out);
		v->ranges = out;
		v->n_ranges = l.n;
	}
	ym_vec_release(&l);
	return rc < 0 ? rc : 0;
}

void ym_db_cpe_row(ym_store *s, ym_stmt *st, int i, ym_arena *a,
		   ym_cpe_criterion *c)
{
	*c = (ym_cpe_criterion){
		.config = (int)COL_INT(s, st, i),
		.config_op = DUP(i + 1),
		.node = (int)COL_INT(s, st, i + 2),
		.node_op = DUP(i + 3),
		.node_negate = COL_INT(s, st, i + 4) != 0,
		.vulnerable = COL_INT(s, st, i + 5) != 0,
		.criteria = DUP(i + 6),
		.start_incl = DUP(i + 7),
		.start_excl = DUP(i + 8),
		.end_incl = DUP(i + 9),
		.end_excl = DUP(i + 10),
		.match_id = DUP(i + 11),
		.text = DUP(i + 12),
		.unparsed = COL_INT(s, st, i + 13) != 0,
	};
}

static int load_cpes(ym_store *s, int64_t sid, ym_arena *a, ym_vuln *v,
		     ym_err *err)
{
	ym_stmt *st;
	YM_VEC(ym_cpe_criterion) l = YM_VEC_INIT;
	int rc = ym_db_prepare(s,
			       "SELECT " YM_DB_CPE_ROW_COLS " FROM vuln_cpes"
			       " WHERE source_id = ? ORDER BY id",
			       &st, err);
	if (rc)
		return rc;
	DB_INT(s, st, 1, sid);
	while ((rc = ym_db_step(s, st, err)) == 1) {
		ym_cpe_criterion c;
		ym_db_cpe_row(s, st, 0, a, &c);
		ym_vec_push(&l, c);
	}
	s->ops->reset(st);
	if (rc == 0 && l.n) {
		ym_cpe_criterion *out = ym_arena_alloc(a, l.n * sizeof *out);
		memcpy(out, l.v, l.n * sizeof *out);
		v->cpes = out;
		v->n_cpes = l.n;
	}
	ym_vec_release(&l);
	return rc < 0 ? rc : 0;
}

static int load_products(ym_store *s, int64_t sid, ym_arena *a, ym_vuln *v,
			 ym_err *err)
{
	ym_stmt *st;
	YM_VEC(ym_product_status) l = YM_VEC_INIT;
	int rc = ym_db_prepare(s,
			       "SELECT status, product_id, name, cpe, purl,"
			       " justification, impact FROM product_status"
			       " WHERE source_id = ? ORDER BY id",
			       &st, err);
	if (rc)
		return rc;
	DB_INT(s, st, 1, sid);
	while ((rc = ym_db_step(s, st, err)) == 1) {
		ym_product_status p = {DUP(0), DUP(1), DUP(2), DUP(3),
				       DUP(4), DUP(5), DUP(6)};
		ym_vec_push(&l, p);
	}
	s->ops->reset(st);
	if (rc == 0 && l.n) {
		ym_product_status *out = ym_arena_alloc(a, l.n * sizeof *out);
		memcpy(out, l.v, l.n * sizeof *out);
		v->products = out;
		v->n_products = l.n;
	}
	ym_vec_release(&l);
	return rc < 0 ? rc : 0;
}

static int load_ssvc(ym_store *s, int64_t sid, ym_arena *a, ym_vuln *v,
		     ym_err *err)
{
	ym_stmt *st;
	int rc = ym_db_prepare(s,
			       "SELECT exploitation, automatable,"
			       " technical_impact, timestamp, origin, version"
			       " FROM ssvc_points WHERE source_id = ?",
			       &st, err);
	if (rc)
		return rc;
	DB_INT(s, st, 1, sid);
	rc = ym_db_step(s, st, err);
	if (rc == 1) {
		ym_ssvc_points *p = ym_arena_alloc(a, sizeof *p);
		*p = (ym_ssvc_points){DUP(0), DUP(1), DUP(2),
				      DUP(3), DUP(4), DUP(5)};
		v->ssvc = p;
	}
	s->ops->reset(st);
	return rc < 0 ? rc : 0;
}

int ym_store_vuln_sources_each(ym_store *s, int64_t vuln_rowid,
			       ym_vuln_cb cb, void *ctx, ym_err *err)
{
	ym_stmt *st;
	YM_VEC(int64_t) ids = YM_VEC_INIT;
	/* ids first: loading children reuses the statement cache, and a
	 * statement must not be re-prepared while it is being stepped */
	int rc = ym_db_prepare(
		s,
		"SELECT id FROM vuln_sources WHERE vuln_rowid = ?"
		" ORDER BY CASE source WHEN 'nvd' THEN 0 WHEN 'cve5' THEN 1"
		" WHEN 'jvn' THEN 2 WHEN 'csaf' THEN 3 WHEN 'osv' THEN 4"
		" ELSE 5 END, record_id",
		&st, err);
	if (rc)
		return rc;
	DB_INT(s, st, 1, vuln_rowid);
	while ((rc = ym_db_step(s, st, err)) == 1)
		ym_vec_push(&ids, COL_INT(s, st, 0));
	s->ops->reset(st);

	ym_arena arena;
	ym_arena_init(&arena, 0);
	for (size_t i = 0; rc == 0 && i < ids.n; i++) {
		ym_arena *a = &arena;
		ym_vuln v;
		memset(&v, 0, sizeof v);
		rc = ym_db_prepare(
			s,
			"SELECT source, record_id, source_vuln_id, location,"
			" title, title_ja, summary, summary_ja, details,"
			" severity, cvss_vector, published, modified,"
			" withdrawn, rejected, status, cwes, refs,"
			" remediations, threats, vuln_rowid"
			" FROM vuln_sources WHERE id = ?",
			&st, err);
		if (rc)
			break;
		DB_INT(s, st, 1, ids.v[i]);
		rc = ym_db_step(s, st, err);
		if (rc == 1) {
			v.id = COL_INT(s, st, 20);
			v.source = DUP(0);
			v.record_id = DUP(1);
			v.vuln_id = DUP(2);
			v.source_file = DUP(3);
			v.title = DUP(4);
			v.title_ja = DUP(5);
			v.summary = DUP(6);
			v.summary_ja = DUP(7);
			v.details = DUP(8);
			v.severity = DUP(9);
			v.cvss_vector = DUP(10);
			v.published = DUP(11);
			v.modified = DUP(12);
			v.withdrawn = DUP(13);
			v.rejected = COL_INT(s, st, 14) != 0;
			v.status = DUP(15);
			v.cwes = split_list(a, COL_TEXT(s, st, 16));
			v.references = DUP(17);
			v.remediations = DUP(18);
			v.threats = DUP(19);
		}
		s->ops->reset(st);
		if (rc < 0)
			break;
		rc = 0;
		if ((rc = load_aliases(s, ids.v[i], a, &v, err)) ||
		    (rc = load_cvss(s, ids.v[i], a, &v, err)) ||
		    (rc = load_ranges(s, ids.v[i], a, &v, err)) ||
		    (rc = load_cpes(s, ids.v[i], a, &v, err)) ||
		    (rc = load_products(s, ids.v[i], a, &v, err)) ||
		    (rc = load_ssvc(s, ids.v[i], a, &v, err)))
			break;
		rc = cb(&v, ctx);
		ym_arena_reset(&arena);
	}
	ym_arena_release(&arena);
	ym_vec_release(&ids);
	return rc;
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

int ym_store_vuln_rowids_each(ym_store *s, const char *since, ym_rowid_cb cb,
			      void *ctx, ym_err *err)
{
	ym_stmt *st;
	YM_VEC(int64_t) ids = YM_VEC_INIT;
	int rc = ym_db_prepare(s,
			       "SELECT id FROM vulnerabilities WHERE ? IS NULL"
			       " OR modified >= ? ORDER BY id",
			       &st, err);
	if (rc)
		return rc;
	DB_TEXT(s, st, 1, since);
	DB_TEXT(s, st, 2, since);
	while ((rc = ym_db_step(s, st, err)) == 1)
		ym_vec_push(&ids, COL_INT(s, st, 0));
	s->ops->reset(st);
	/* the callback reads the store: not while this statement runs */
	for (size_t i = 0; rc == 0 && i < ids.n; i++)
		rc = cb(ids.v[i], ctx);
	ym_vec_release(&ids);
	return rc;
}

int ym_store_cpe_sources(ym_store *s, const char *vendor, const char *product,
			 ym_cpe_source_cb cb, void *ctx, ym_err *err)
{
	ym_stmt *st;
	int rc = ym_db_prepare(
		s,
		"SELECT DISTINCT c.source_id, c.vuln_rowid, src.source,"
		" src.source_vuln_id FROM vuln_cpes c"
		" JOIN vuln_sources src ON src.id = c.source_id"
		" JOIN vulnerabilities v ON v.id = c.vuln_rowid"
		" WHERE (?1 IS NULL OR c.vendor = ?1) AND c.product = ?2"
		" AND c.vulnerable = 1"
		" AND src.withdrawn IS NULL AND src.rejected = 0"
		" AND v.rejected = 0 ORDER BY c.source_id",
		&st, err);
	if (rc)
		return rc;
	DB_TEXT(s, st, 1, vendor);
	DB_TEXT(s, st, 2, product);
	while ((rc = ym_db_step(s, st, err)) == 1) {
		ym_cpe_source c = {.source_id = COL_INT(s, st, 0),
				   .vuln_rowid = COL_INT(s, st, 1),
				   .source = COL_TEXT(s, st, 2),
				   .record_id = COL_TEXT(s, st, 3)};
		if ((rc = cb(&c, ctx)))
			break;
	}
	s->ops->reset(st);
	return rc;
}

int ym_store_cpe_rows(ym_store *s, int64_t source_id, ym_arena *a,
		      ym_cpe_criterion **rows, size_t *n, ym_err *err)
{
	ym_vuln v;
	memset(&v, 0, sizeof v);
	int rc = load_cpes(s, source_id, a, &v, err);
	*rows = (ym_cpe_criterion *)v.cpes;
	*n = v.n_cpes;
	return rc;
}

int ym_store_vuln_names(ym_store *s, int64_t vuln_rowid, ym_arena *a,
			const char **id, const char *const **aliases,
			ym_err *err)
{
	ym_stmt *st;
	YM_VEC(const char *) l = YM_VEC_INIT;
	*id = NULL;
	int rc = ym_db_prepare(s,
			       "SELECT v.vuln_id, x.alias FROM vulnerabilities v"
			       " LEFT JOIN (SELECT DISTINCT vuln_rowid, alias"
			       "  FROM vuln_aliases) x ON x.vuln_rowid = v.id"
			       " AND x.alias <> v.vuln_id WHERE v.id = ?"
			       " ORDER BY x.alias",
			       &st, err);
	if (rc)
		return rc;
	DB_INT(s, st, 1, vuln_rowid);
	while ((rc = ym_db_step(s, st, err)) == 1) {
		if (!*id)
			*id = ym_db_col_dup(s, st, 0, a);
		if (COL_TEXT(s, st, 1))
			ym_vec_push(&l, ym_db_col_dup(s, st, 1, a));
	}
	s->ops->reset(st);
	const char **out = ym_arena_alloc(a, (l.n + 1) * sizeof *out);
	for (size_t i = 0; i < l.n; i++)
		out[i] = l.v[i];
	out[l.n] = NULL;
	*aliases = out;
	ym_vec_release(&l);
	return rc < 0 ? rc : 0;
}
