/* vulns.c - vulnerabilities as source records and their merged view.
 *
 * Each (source, record_id) is one row of vuln_sources with its children
 * (aliases, CVSS, ranges, CPE criteria, product status, SSVC points). A
 * digest over everything the record says makes re-importing an unchanged
 * record cost one lookup. The vulnerabilities row of an identity is never
 * written by a source directly: its fields are recomputed from the source
 * records by a fixed precedence, so two sources that disagree both stay
 * visible and neither overwrites the other. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/i18n.h"
#include "core/map.h"
#include "core/vec.h"
#include "core/xalloc.h"
#include "store/store_int.h"

/* ---- identity ---- */

static bool is_cve(const char *s)
{
	return s && strncmp(s, "CVE-", 4) == 0;
}

/* The CVE id when the record has exactly one (as id or alias), else its
 * own id. Records naming several CVEs are split by the importer. */
static const char *identity_of(const ym_vuln *v)
{
	if (v->identity && *v->identity)
		return v->identity;
	if (is_cve(v->vuln_id))
		return v->vuln_id;
	const char *cve = NULL;
	for (size_t i = 0; v->aliases && v->aliases[i]; i++) {
		if (!is_cve(v->aliases[i]))
			continue;
		if (cve && strcmp(cve, v->aliases[i]) != 0)
			return v->vuln_id;
		cve = v->aliases[i];
	}
	return cve ? cve : v->vuln_id;
}

/* ---- digest ---- */

static void d_str(ym_buf *b, const char *s)
{
	/* field separator that cannot occur in text */
	ym_buf_adds(b, s ? s : "\x01");
	ym_buf_addc(b, '\x1f');
}

static void d_int(ym_buf *b, long long v)
{
	ym_buf_printf(b, "%lld\x1f", v);
}

static void d_list(ym_buf *b, const char *const *l)
{
	for (size_t i = 0; l && l[i]; i++)
		d_str(b, l[i]);
	ym_buf_addc(b, '\x1e');
}

static void vuln_digest(const ym_vuln *v, ym_buf *b, char out[17])
{
	ym_buf_reset(b);
	d_str(b, v->vuln_id);
	d_str(b, identity_of(v));
	d_str(b, v->title);
	d_str(b, v->title_ja);
	d_str(b, v->summary);
	d_str(b, v->summary_ja);
	d_str(b, v->details);
	d_str(b, v->severity);
	d_str(b, v->cvss_vector);
	d_str(b, v->published);
	d_str(b, v->modified);
	d_str(b, v->withdrawn);
	d_int(b, v->rejected);
	d_str(b, v->status);
	d_list(b, v->aliases);
	d_list(b, v->cwes);
	d_str(b, v->references);
	d_str(b, v->remediations);
	d_str(b, v->threats);
	for (size_t i = 0; i < v->n_ranges; i++) {
		const ym_affected_range *r = &v->ranges[i];
		d_str(b, r->ecosystem);
		d_str(b, r->package);
		d_str(b, r->range_type);
		d_str(b, r->events);
		d_str(b, r->versions);
	}
	ym_buf_addc(b, '\x1e');
	for (size_t i = 0; i < v->n_cvss; i++) {
		const ym_cvss_entry *c = &v->cvss[i];
		d_str(b, c->version);
		d_str(b, c->vector);
		ym_buf_printf(b, "%.1f\x1f", c->base_score);
		d_str(b, c->severity);
		d_str(b, c->origin);
		d_str(b, c->kind);
	}
	ym_buf_addc(b, '\x1e');
	for (size_t i = 0; i < v->n_cpes; i++) {
		const ym_cpe_criterion *c = &v->cpes[i];
		d_int(b, c->config);
		d_str(b, c->config_op);
		d_int(b, c->node);
		d_str(b, c->node_op);
		d_int(b, c->node_negate);
		d_int(b, c->vulnerable);
		d_str(b, c->criteria);
		d_str(b, c->start_incl);
		d_str(b, c->start_excl);
		d_str(b, c->end_incl);
		d_str(b, c->end_excl);
		d_str(b, c->match_id);
		d_str(b, c->text);
		d_int(b, c->unparsed);
	}
	ym_buf_addc(b, '\x1e');
	for (size_t i = 0; i < v->n_products; i++) {
		const ym_product_status *p = &v->products[i];
		d_str(b, p->status);
		d_str(b, p->product_id);
		d_str(b, p->name);
		d_str(b, p->cpe);
		d_str(b, p->purl);
		d_str(b, p->justification);
		d_str(b, p->impact);
	}
	ym_buf_addc(b, '\x1e');
	if (v->ssvc) {
		d_str(b, v->ssvc->exploitation);
		d_str(b, v->ssvc->automatable);
		d_str(b, v->ssvc->technical_impact);
		d_str(b, v->ssvc->timestamp);
		d_str(b, v->ssvc->origin);
		d_str(b, v->ssvc->version);
	}
	snprintf(out, 17, "%016" PRIx64, ym_hash(b->ptr, b->len));
}

/* Order in which sources speak for the merged view: the CVE authorities
 * first for English text and dates, JVN first for Japanese. */
static const char *const PRECEDENCE[] = {"nvd", "cve5", "jvn", "csaf",
					 "osv", NULL};
static const char *const PRECEDENCE_JA[] = {"jvn", "csaf", "nvd", "cve5",
					    "osv", NULL};
/* A title names the vulnerability: the CNA's title or the advisory's
 * one-line summary before a vendor document's title. */
static const char *const PRECEDENCE_TITLE[] = {"cve5", "osv", "nvd", "jvn",
					       "csaf", NULL};

static int rank_of(const char *const *order, const char *source)
{
	int i = 0;
	for (; order[i]; i++)
		if (source && strcmp(order[i], source) == 0)
			return i;
	return i;
}

/* SQL for "ORDER BY precedence" over vuln_sources.source */
#define PRECEDENCE_SQL                                                       \
	" ORDER BY CASE source WHEN 'nvd' THEN 0 WHEN 'cve5' THEN 1"        \
	" WHEN 'jvn' THEN 2 WHEN 'csaf' THEN 3 WHEN 'osv' THEN 4 ELSE 5 END," \
	" record_id"

/* ---- children ---- */

static int delete_children(ym_store *s, int64_t source_id, ym_err *err)
{
	static const char *const sql[] = {
		"DELETE FROM vuln_aliases WHERE source_id = ?",
		"DELETE FROM vuln_cvss WHERE source_id = ?",
		"DELETE FROM affected_ranges WHERE source_id = ?",
		"DELETE FROM vuln_cpes WHERE source_id = ?",
		"DELETE FROM product_status WHERE source_id = ?",
		"DELETE FROM ssvc_points WHERE source_id = ?",
	};
	for (size_t i = 0; i < sizeof sql / sizeof *sql; i++) {
		ym_stmt *st;
		int rc = ym_db_prepare(s, sql[i], &st, err);
		if (rc)
			return rc;
		DB_INT(s, st, 1, source_id);
		rc = ym_db_run(s, st, err);
		if (rc)
			return rc;
	}
	return 0;
}

static int put_alias(ym_store *s, int64_t sid, int64_t vrow,
		     const char *alias, ym_err *err)
{
	ym_stmt *st;
	int rc = ym_db_prepare(s,
			       "INSERT INTO vuln_aliases (source_id,"
			       " vuln_rowid, alias) VALUES (?,?,?)"
			       " ON CONFLICT DO NOTHING",
			       &st, err);
	if (rc)
		return rc;
	DB_INT(s, st, 1, sid);
	DB_INT(s, st, 2, vrow);
	DB_TEXT(s, st, 3, alias);
	return ym_db_run(s, st, err);
}

static int put_cvss(ym_store *s, int64_t sid, int64_t vrow,
		    const ym_cvss_entry *c, ym_err *err)
{
	ym_stmt *st;
	int rc = ym_db_prepare(s,
			       "INSERT INTO vuln_cvss (source_id, vuln_rowid,"
			       " version, vector, base_score, severity,"
			       " origin, kind) VALUES (?,?,?,?,?,?,?,?)",
			       &st, err);
	if (rc)
		return rc;
	DB_INT(s, st, 1, sid);
	DB_INT(s, st, 2, vrow);
	DB_TEXT(s, st, 3, c->version ? c->version : "");
	DB_TEXT(s, st, 4, c->vector ? c->vector : "");
	if (c->base_score >= 0)
		DB_DOUBLE(s, st, 5, c->base_score);
	else
		DB_NULL(s, st, 5);
	DB_TEXT(s, st, 6, c->severity);
	DB_TEXT(s, st, 7, c->origin);
	DB_TEXT(s, st, 8, c->kind);
	return ym_db_run(s, st, err);
}

static int put_range(ym_store *s, int64_t sid, int64_t vrow,
		     const ym_affected_range *r, ym_err *err)
{
	ym_stmt *st;
	int rc = ym_db_prepare(s,
			       "INSERT INTO affected_ranges (source_id,"
			       " vuln_rowid, ecosystem, package, range_type,"
			       " events, versions) VALUES (?,?,?,?,?,?,?)",
			       &st, err);
	if (rc)
		return rc;
	DB_INT(s, st, 1, sid);
	DB_INT(s, st, 2, vrow);
	DB_TEXT(s, st, 3, r->ecosystem);
	DB_TEXT(s, st, 4, r->package);
	DB_TEXT(s, st, 5, r->range_type);
	DB_TEXT(s, st, 6, r->events);
	DB_TEXT(s, st, 7, r->versions);
	return ym_db_run(s, st, err);
}

/* Copies the n-th ':'-separated component of a CPE 2.3 formatted string
 * (honouring backslash escapes) into out; "" when absent. */
static void cpe_component(const char *fs, int n, char *out, size_t size)
{
	int field = 0;
	size_t o = 0;
	out[0] = '\0';
	if (!fs || strncmp(fs, "cpe:2.3:", 8) != 0)
		return;
	for (const char *p = fs + 8; *p; p++) {
		if (*p == '\\' && p[1]) {
			if (field == n && o + 2 < size) {
				out[o++] = p[0];
				out[o++] = p[1];
			}
			p++;
			continue;
		}
		if (*p == ':') {
			if (field == n)
				break;
			field++;
			continue;
		}
		if (field == n && o + 1 < size)
			out[o++] = *p;
	}
	out[o] = '\0';
}

static int put_cpe(ym_store *s, int64_t sid, int64_t vrow,
		   const ym_cpe_criterion *c, ym_err *err)
{
	ym_stmt *st;
	char part[8], vendor[256], product[256];
	cpe_component(c->criteria, 0, part, sizeof part);
	cpe_component(c->criteria, 1, vendor, sizeof vendor);
	cpe_component(c->criteria, 2, product, sizeof product);
	int rc = ym_db_prepare(
		s,
		"INSERT INTO vuln_cpes (source_id, vuln_rowid, config,"
		" config_op, node, node_op, node_negate, vulnerable, criteria,"
		" part, vendor, product, start_incl, start_excl, end_incl,"
		" end_excl, match_id, text, unparsed)"
		" VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
		&st, err);
	if (rc)
		return rc;
	DB_INT(s, st, 1, sid);
	DB_INT(s, st, 2, vrow);
	DB_INT(s, st, 3, c->config);
	DB_TEXT(s, st, 4, c->config_op ? c->config_op : "OR");
	DB_INT(s, st, 5, c->node);
	DB_TEXT(s, st, 6, c->node_op ? c->node_op : "OR");
	DB_INT(s, st, 7, c->node_negate);
	DB_INT(s, st, 8, c->vulnerable);
	DB_TEXT(s, st, 9, c->criteria ? c->criteria : "");
	DB_TEXT(s, st, 10, part[0] ? part : NULL);
	DB_TEXT(s, st, 11, vendor[0] ? vendor : NULL);
	DB_TEXT(s, st, 12, product[0] ? product : NULL);
	DB_TEXT(s, st, 13, c->start_incl);
	DB_TEXT(s, st, 14, c->start_excl);
	DB_TEXT(s, st, 15, c->end_incl);
	DB_TEXT(s, st, 16, c->end_excl);
	DB_TEXT(s, st, 17, c->match_id);
	DB_TEXT(s, st, 18, c->text);
	DB_INT(s, st, 19, c->unparsed);
	return ym_db_run(s, st, err);
}

static int put_product(ym_store *s, int64_t sid, int64_t vrow,
		       const ym_product_status *p, ym_err *err)
{
	ym_stmt *st;
	int rc = ym_db_prepare(s,
			       "INSERT INTO product_status (source_id,"
			       " vuln_rowid, status, product_id, name, cpe,"
			       " purl, justification, impact)"
			       " VALUES (?,?,?,?,?,?,?,?,?)",
			       &st, err);
	if (rc)
		return rc;
	DB_INT(s, st, 1, sid);
	DB_INT(s, st, 2, vrow);
	DB_TEXT(s, st, 3, p->status ? p->status : "");
	DB_TEXT(s, st, 4, p->product_id ? p->product_id : "");
	DB_TEXT(s, st, 5, p->name);
	DB_TEXT(s, st, 6, p->cpe);
	DB_TEXT(s, st, 7, p->purl);
	DB_TEXT(s, st, 8, p->justification);
	DB_TEXT(s, st, 9, p->impact);
	return ym_db_run(s, st, err);
}

static int put_ssvc(ym_store *s, int64_t sid, int64_t vrow,
		    const ym_ssvc_points *p, ym_err *err)
{
	ym_stmt *st;
	int rc = ym_db_prepare(s,
			       "INSERT INTO ssvc_points (source_id, vuln_rowid,"
			       " exploitation, automatable, technical_impact,"
			       " timestamp, origin, version)"
			       " VALUES (?,?,?,?,?,?,?,?)",
			       &st, err);
	if (rc)
		return rc;
	DB_INT(s, st, 1, sid);
	DB_INT(s, st, 2, vrow);
	DB_TEXT(s, st, 3, p->exploitation);
	DB_TEXT(s, st, 4, p->automatable);
	DB_TEXT(s, st, 5, p->technical_impact);
	DB_TEXT(s, st, 6, p->timestamp);
	DB_TEXT(s, st, 7, p->origin);
	DB_TEXT(s, st, 8, p->version);
	return ym_db_run(s, st, err);
}

static int put_children(ym_store *s, int64_t sid, int64_t vrow,
			const char *identity, const ym_vuln *v, ym_err *err)
{
	int rc = 0;
	/* the record's own id is an alias of the identity it joined */
	if (strcmp(v->vuln_id, identity) != 0)
		rc = put_alias(s, sid, vrow, v->vuln_id, err);
	/* the source's aliases as it lists them, the identity included */
	for (size_t i = 0; !rc && v->aliases && v->aliases[i]; i++)
		if (strcmp(v->aliases[i], v->vuln_id) != 0)
			rc = put_alias(s, sid, vrow, v->aliases[i], err);
	for (size_t i = 0; !rc && i < v->n_cvss; i++)
		rc = put_cvss(s, sid, vrow, &v->cvss[i], err);
	for (size_t i = 0; !rc && i < v->n_ranges; i++)
		rc = put_range(s, sid, vrow, &v->ranges[i], err);
	for (size_t i = 0; !rc && i < v->n_cpes; i++)
		rc = put_cpe(s, sid, vrow, &v->cpes[i], err);
	for (size_t i = 0; !rc && i < v->n_products; i++)
		rc = put_product(s, sid, vrow, &v->products[i], err);
	if (!rc && v->ssvc)
		rc = put_ssvc(s, sid, vrow, v->ssvc, err);
	return rc;
}

/* ---- the merged view ---- */

static void join_list(ym_buf *b, const char *const *l)
{
	ym_buf_reset(b);
	for (size_t i = 0; l && l[i]; i++) {
		if (i)
			ym_buf_adds(b, ", ");
		ym_buf_adds(b, l[i]);
	}
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Merged fields, filled from source rows in precedence order. */
enum { M_TITLE, M_TITLE_JA, M_SUMMARY, M_SUMMARY_JA, M_DETAILS,
       M_SEVERITY, M_VECTOR, M_PUBLISHED, M_MODIFIED, M_WITHDRAWN,
       M_CWES, M_N };

typedef struct merged {
	ym_buf f[M_N];
	int rank[M_N]; /* precedence rank of the source that gave f[i] */
	bool set[M_N];
	bool all_withdrawn;
	bool rejected;
	int rejected_rank;
	YM_VEC(char *) cwes;
} merged;

static void merge_take(merged *m, int field, const char *value, int rank)
{
	if (!value || !*value)
		return;
	if (field == M_SEVERITY && strcmp(value, "unknown") == 0)
		return;
	if (m->set[field] && m->rank[field] <= rank)
		return;
	ym_buf_reset(&m->f[field]);
	ym_buf_adds(&m->f[field], value);
	m->rank[field] = rank;
	m->set[field] = true;
}

static int recompute(ym_store *s, int64_t vrow, ym_err *err)
{
	ym_stmt *st;
	merged m;
	memset(&m, 0, sizeof m);
	for (int i = 0; i < M_N; i++)
		ym_buf_init(&m.f[i], 0);
	m.all_withdrawn = true;
	m.rejected_rank = 1 << 20;
	bool any = false;

	int rc = ym_db_prepare(
		s,
		"SELECT source, title, title_ja, summary, summary_ja, details,"
		" severity, cvss_vector, published, modified, withdrawn,"
		" rejected, cwes FROM vuln_sources WHERE vuln_rowid = ?",
		&st, err);
	if (rc)
		goto out;
	DB_INT(s, st, 1, vrow);
	while ((rc = ym_db_step(s, st, err)) == 1) {
		any = true;
		const char *src = COL_TEXT(s, st, 0);
		int r = rank_of(PRECEDENCE, src);
		int rj = rank_of(PRECEDENCE_JA, src);
		merge_take(&m, M_TITLE, COL_TEXT(s, st, 1),
			   rank_of(PRECEDENCE_TITLE, src));
		merge_take(&m, M_TITLE_JA, COL_TEXT(s, st, 2), rj);
		merge_take(&m, M_SUMMARY, COL_TEXT(s, st, 3), r);
		merge_take(&m, M_SUMMARY_JA, COL_TEXT(s, st, 4), rj);
		merge_take(&m, M_DETAILS, COL_TEXT(s, st, 5), r);
		merge_take(&m, M_SEVERITY, COL_TEXT(s, st, 6), r);
		merge_take(&m, M_VECTOR, COL_TEXT(s, st, 7), r);
		merge_take(&m, M_PUBLISHED, COL_TEXT(s, st, 8), r);
		merge_take(&m, M_MODIFIED, COL_TEXT(s, st, 9), r);
		const char *wd = COL_TEXT(s, st, 10);
		bool rej = COL_INT(s, st, 11) != 0;
		if (!wd && !rej)
			m.all_withdrawn = false;
		else
			merge_take(&m, M_WITHDRAWN, wd, r);
		/* the highest-ranked CVE authority decides rejection */
		if (r < m.rejected_rank && (r <= 1 || rej)) {
			m.rejected_rank = r;
			m.rejected = rej;
		}
		const char *cw = COL_TEXT(s, st, 12);
		while (cw && *cw) {
			const char *e = strstr(cw, ", ");
			size_t n = e ? (size_t)(e - cw) : strlen(cw);
			char *one = ym_xmalloc(n + 1);
			memcpy(one, cw, n);
			one[n] = '\0';
			ym_vec_push(&m.cwes, one);
			cw = e ? e + 2 : NULL;
		}
	}
	s->ops->reset(st);
	if (rc < 0)
		goto out;
	rc = 0;
	if (!any)
		goto out;

	/* CWEs: the union, sorted */
	if (m.cwes.n)
		qsort(m.cwes.v, m.cwes.n, sizeof(char *), cmp_str);
	for (size_t i = 0; i < m.cwes.n; i++) {
		if (i && strcmp(m.cwes.v[i], m.cwes.v[i - 1]) == 0)
			continue;
		if (m.f[M_CWES].len)
			ym_buf_adds(&m.f[M_CWES], ", ");
		ym_buf_adds(&m.f[M_CWES], m.cwes.v[i]);
	}
	m.set[M_CWES] = m.cwes.n > 0;

	rc = ym_db_prepare(
		s,
		"UPDATE vulnerabilities SET title = ?, title_ja = ?,"
		" summary = ?, summary_ja = ?, details = ?, severity = ?,"
		" cvss_vector = ?, published = ?, modified = ?, withdrawn = ?,"
		" rejected = ?, cwes = ? WHERE id = ?",
		&st, err);
	if (rc)
		goto out;
	for (int i = 0; i < M_N; i++) {
		const char *val = m.set[i] ? m.f[i].ptr : NULL;
		if (i == M_SEVERITY && !val)
			val = "unknown";
		if (i == M_WITHDRAWN && !m.all_withdrawn)
			val = NULL;
		int col = i + 1 + (i >= M_CWES ? 1 : 0);
		DB_TEXT(s, st, col, val);
	}
	DB_INT(s, st, 11, m.rejected);
	DB_INT(s, st, 13, vrow);
	rc = ym_db_run(s, st, err);
out:
	for (int i = 0; i < M_N; i++)
		ym_buf_release(&m.f[i]);
	for (size_t i = 0; i < m.cwes.n; i++)
		free(m.cwes.v[i]);
	ym_vec_release(&m.cwes);
	return rc;
}

/* A vulnerability row left without source records (its only record now
 * belongs to another identity) is folded into that identity: its
 * findings move over, so no history is lost. */
static int fold_orphan(ym_store *s, int64_t old_row, int64_t new_row,
		       ym_err *err)
{
	ym_stmt *st;
	int rc = ym_db_prepare(s,
			       "SELECT count(*) FROM vuln_sources"
			       " WHERE vuln_rowid = ?",
			       &st, err);
	if (rc)
		return rc;
	DB_INT(s, st, 1, old_row);
	rc = ym_db_step(s, st, err);
	int64_t n = rc == 1 ? COL_INT(s, st, 0) : 0;
	s->ops->reset(st);
	if (rc < 0)
		return rc;
	if (n > 0)
		return recompute(s, old_row, err);
	/* findings of the same component already present under the new
	 * identity stay; the old duplicate goes */
	rc = ym_db_prepare(s,
			   "UPDATE findings SET vuln_rowid = ? WHERE vuln_rowid = ?"
			   " AND NOT EXISTS (SELECT 1 FROM findings f2 WHERE"
			   "  f2.vuln_rowid = ? AND f2.asset_id = findings.asset_id"
			   "  AND f2.component_key = findings.component_key AND"
			   "  f2.component_version IS findings.component_version)",
			   &st, err);
	if (rc)
		return rc;
	DB_INT(s, st, 1, new_row);
	DB_INT(s, st, 2, old_row);
	DB_INT(s, st, 3, new_row);
	if ((rc = ym_db_run(s, st, err)))
		return rc;
	static const char *const gone[] = {
		"DELETE FROM findings WHERE vuln_rowid = ?",
		"DELETE FROM vulnerabilities WHERE id = ?",
	};
	for (int i = 0; i < 2; i++) {
		if ((rc = ym_db_prepare(s, gone[i], &st, err)))
			return rc;
		DB_INT(s, st, 1, old_row);
		if ((rc = ym_db_run(s, st, err)))
			return rc;
	}
	return 0;
}

/* Returns the row of identity, creating it with this record's fields. */
static int vuln_row(ym_store *s, const char *identity, const ym_vuln *v,
		    const char *cwes, int64_t *row, bool *created, ym_err *err)
{
	ym_stmt *st;
	int rc = ym_db_prepare(s,
			       "SELECT id FROM vulnerabilities WHERE vuln_id = ?",
			       &st, err);
	if (rc)
		return rc;
	DB_TEXT(s, st, 1, identity);
	rc = ym_db_step(s, st, err);
	if (rc == 1)
		*row = COL_INT(s, st, 0);
	s->ops->reset(st);
	if (rc < 0)
		return rc;
	*created = rc == 0;
	if (rc == 1)
		return 0;
	rc = ym_db_prepare(
		s,
		"INSERT INTO vulnerabilities (vuln_id, title, title_ja,"
		" summary, summary_ja, details, severity, cvss_vector,"
		" published, modified, withdrawn, rejected, cwes)"
		" VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
		&st, err);
	if (rc)
		return rc;
	DB_TEXT(s, st, 1, identity);
	DB_TEXT(s, st, 2, v->title);
	DB_TEXT(s, st, 3, v->title_ja);
	DB_TEXT(s, st, 4, v->summary);
	DB_TEXT(s, st, 5, v->summary_ja);
	DB_TEXT(s, st, 6, v->details);
	DB_TEXT(s, st, 7, v->severity ? v->severity : "unknown");
	DB_TEXT(s, st, 8, v->cvss_vector);
	DB_TEXT(s, st, 9, v->published);
	DB_TEXT(s, st, 10, v->modified);
	DB_TEXT(s, st, 11, v->withdrawn);
	DB_INT(s, st, 12, v->rejected);
	DB_TEXT(s, st, 13, cwes);
	rc = ym_db_step(s, st, err);
	if (rc == 1)
		*row = COL_INT(s, st, 0);
	s->ops->reset(st);
	return rc < 0 ? rc : 0;
}

int ym_store_vuln_put(ym_store *s, const ym_vuln *v, ym_put_result *res,
		      ym_err *err)
{
	ym_stmt *st;
	char digest[17], now[32];
	int64_t source_id = 0, old_row = 0, vrow = 0;
	bool existed = false, created = false;
	ym_buf scratch = YM_BUF_INIT, cwes = YM_BUF_INIT;
	int rc;

	if (!v->vuln_id || !*v->vuln_id || !v->source)
		return ym_err_set(err, YM_E_INVALID,
				  _("vulnerability record without id or source"));
	const char *record_id = v->record_id ? v->record_id : v->vuln_id;
	const char *identity = identity_of(v);
	vuln_digest(v, &scratch, digest);
	ym_db_now(now);

	rc = ym_db_prepare(s,
			   "SELECT id, digest, modified, vuln_rowid, status"
			   " FROM vuln_sources WHERE source = ? AND record_id = ?",
			   &st, err);
	if (rc)
		goto out;
	DB_TEXT(s, st, 1, v->source);
	DB_TEXT(s, st, 2, record_id);
	rc = ym_db_step(s, st, err);
	if (rc == 1) {
		existed = true;
		source_id = COL_INT(s, st, 0);
		old_row = COL_INT(s, st, 3);
		const char *d = COL_TEXT(s, st, 1);
		const char *mod = COL_TEXT(s, st, 2);
		bool same = d && strcmp(d, digest) == 0;
		/* feeds arrive out of order: never step back in time */
		bool older = mod && v->modified && strcmp(v->modified, mod) < 0;
		/* a summary record ("overview": JVN's RSS lists) never replaces
		 * the full record of the same date */
		const char *old_status = COL_TEXT(s, st, 4);
		bool summary = v->status && strcmp(v->status, "overview") == 0 &&
			       !(old_status && strcmp(old_status, "overview") == 0) &&
			       mod && v->modified && strcmp(v->modified, mod) <= 0;
		if (same || older || summary) {
			s->ops->reset(st);
			*res = YM_PUT_UNCHANGED;
			rc = 0;
			goto out;
		}
	}
	s->ops->reset(st);
	if (rc < 0)
		goto out;

	join_list(&cwes, v->cwes);
	rc = vuln_row(s, identity, v, cwes.len ? cwes.ptr : NULL, &vrow,
		      &created, err);
	if (rc)
		goto out;

	rc = ym_db_prepare(
		s,
		"INSERT INTO vuln_sources (vuln_rowid, source, record_id,"
		" source_vuln_id, location, title, title_ja, summary,"
		" summary_ja, details, severity, cvss_vector, published,"
		" modified, withdrawn, rejected, status, cwes, refs,"
		" remediations, threats, digest, imported_at)"
		" VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
		" ON CONFLICT (source, record_id) DO UPDATE SET"
		" vuln_rowid = excluded.vuln_rowid,"
		" source_vuln_id = excluded.source_vuln_id,"
		" location = excluded.location, title = excluded.title,"
		" title_ja = excluded.title_ja, summary = excluded.summary,"
		" summary_ja = excluded.summary_ja, details = excluded.details,"
		" severity = excluded.severity,"
		" cvss_vector = excluded.cvss_vector,"
		" published = excluded.published, modified = excluded.modified,"
		" withdrawn = excluded.withdrawn, rejected = excluded.rejected,"
		" status = excluded.status, cwes = excluded.cwes,"
		" refs = excluded.refs, remediations = excluded.remediations,"
		" threats = excluded.threats, digest = excluded.digest,"
		" imported_at = excluded.imported_at"
		" RETURNING id",
		&st, err);
	if (rc)
		goto out;
	DB_INT(s, st, 1, vrow);
	DB_TEXT(s, st, 2, v->source);
	DB_TEXT(s, st, 3, record_id);
	DB_TEXT(s, st, 4, v->vuln_id);
	DB_TEXT(s, st, 5, v->source_file);
	DB_TEXT(s, st, 6, v->title);
	DB_TEXT(s, st, 7, v->title_ja);
	DB_TEXT(s, st, 8, v->summary);
	DB_TEXT(s, st, 9, v->summary_ja);
	DB_TEXT(s, st, 10, v->details);
	DB_TEXT(s, st, 11, v->severity ? v->severity : "unknown");
	DB_TEXT(s, st, 12, v->cvss_vector);
	DB_TEXT(s, st, 13, v->published);
	DB_TEXT(s, st, 14, v->modified);
	DB_TEXT(s, st, 15, v->withdrawn);
	DB_INT(s, st, 16, v->rejected);
	DB_TEXT(s, st, 17, v->status);
	DB_TEXT(s, st, 18, cwes.len ? cwes.ptr : NULL);
	DB_TEXT(s, st, 19, v->references);
	DB_TEXT(s, st, 20, v->remediations);
	DB_TEXT(s, st, 21, v->threats);
	DB_TEXT(s, st, 22, digest);
	DB_TEXT(s, st, 23, now);
	rc = ym_db_step(s, st, err);
	if (rc == 1)
		source_id = COL_INT(s, st, 0);
	s->ops->reset(st);
	if (rc < 0)
		goto out;
	rc = 0;
	if (existed)
		rc = delete_children(s, source_id, err);
	if (!rc)
		rc = put_children(s, source_id, vrow, identity, v, err);
	/* a new row holds this record's fields already */
	if (!rc && !created)
		rc = recompute(s, vrow, err);
	if (!rc && existed && old_row != vrow)
		rc = fold_orphan(s, old_row, vrow, err);
	if (!rc)
		rc = ym_db_match_pending(s, "vuln", vrow, err);
	if (!rc && existed && old_row != vrow)
		rc = ym_db_match_pending(s, "vuln", old_row, err);
	if (!rc)
		*res = existed ? YM_PUT_UPDATED : YM_PUT_INSERTED;
out:
	ym_buf_release(&scratch);
	ym_buf_release(&cwes);
	return rc;
}

int ym_store_vuln_get(ym_store *s, const char *vuln_id, ym_arena *arena,
		      ym_vuln *out, ym_err *err)
{
	ym_stmt *st;
	int rc = ym_db_prepare(
		s,
		"SELECT v.id, v.vuln_id, v.title, v.title_ja, v.summary,"
		" v.summary_ja, v.details, v.severity, v.cvss_vector,"
		" v.published, v.modified, v.withdrawn, v.rejected, v.cwes,"
		" (SELECT group_concat(alias, ', ') FROM"
		"  (SELECT DISTINCT alias FROM vuln_aliases"
		"   WHERE vuln_rowid = v.id AND alias <> v.vuln_id ORDER BY alias))"
		" FROM vulnerabilities v WHERE v.vuln_id = ?"
		" OR v.id IN (SELECT vuln_rowid FROM vuln_aliases WHERE alias = ?)"
		" ORDER BY v.vuln_id = ? DESC, v.vuln_id LIMIT 1",
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
		out->title = ym_db_col_dup(s, st, 2, arena);
		out->title_ja = ym_db_col_dup(s, st, 3, arena);
		out->summary = ym_db_col_dup(s, st, 4, arena);
		out->summary_ja = ym_db_col_dup(s, st, 5, arena);
		out->details = ym_db_col_dup(s, st, 6, arena);
		out->severity = ym_db_col_dup(s, st, 7, arena);
		out->cvss_vector = ym_db_col_dup(s, st, 8, arena);
		out->published = ym_db_col_dup(s, st, 9, arena);
		out->modified = ym_db_col_dup(s, st, 10, arena);
		out->withdrawn = ym_db_col_dup(s, st, 11, arena);
		out->rejected = COL_INT(s, st, 12) != 0;
		const char *cw = ym_db_col_dup(s, st, 13, arena);
		out->aliases_joined = ym_db_col_dup(s, st, 14, arena);
		if (cw) {
			/* split "CWE-1, CWE-2" into a NULL-terminated list */
			size_t n = 1;
			for (const char *p = cw; (p = strstr(p, ", ")); p += 2)
				n++;
			const char **l = ym_arena_alloc(arena,
							(n + 1) * sizeof *l);
			char *cur = (char *)cw;
			for (size_t i = 0; i < n; i++) {
				l[i] = cur;
				char *e = strstr(cur, ", ");
				if (e) {
					*e = '\0';
					cur = e + 2;
				}
			}
			l[n] = NULL;
			out->cwes = l;
		}
	}
	s->ops->reset(st);
	if (rc == 0)
		return ym_err_set(err, YM_E_NOTFOUND,
				  _("no vulnerability '%s'"), vuln_id);
	return rc < 0 ? rc : 0;
}
