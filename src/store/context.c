/* context.c - CISA KEV entries and FIRST EPSS scores, keyed by CVE id
 * (they may arrive before the CVE record itself). */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "core/i18n.h"
#include "core/map.h"
#include "store/store_int.h"

static void d_str(ym_buf *b, const char *s)
{
	ym_buf_adds(b, s ? s : "\x01");
	ym_buf_addc(b, '\x1f');
}

int ym_store_kev_put(ym_store *s, const ym_kev_entry *k, ym_put_result *res,
		     ym_err *err)
{
	ym_stmt *st;
	char digest[17], now[32];
	ym_buf b = YM_BUF_INIT;
	const char *f[] = {k->cve_id, k->vendor, k->product, k->name,
			   k->date_added, k->due_date, k->description,
			   k->required_action, k->notes, k->ransomware,
			   k->cwes};
	for (size_t i = 0; i < sizeof f / sizeof *f; i++)
		d_str(&b, f[i]);
	snprintf(digest, sizeof digest, "%016" PRIx64, ym_hash(b.ptr, b.len));
	ym_buf_release(&b);
	ym_db_now(now);

	int rc = ym_db_prepare(s, "SELECT digest FROM kev WHERE cve_id = ?",
			       &st, err);
	if (rc)
		return rc;
	DB_TEXT(s, st, 1, k->cve_id);
	rc = ym_db_step(s, st, err);
	bool existed = rc == 1;
	bool same = existed && strcmp(COL_TEXT(s, st, 0), digest) == 0;
	s->ops->reset(st);
	if (rc < 0)
		return rc;
	if (same) {
		*res = YM_PUT_UNCHANGED;
		return 0;
	}
	rc = ym_db_prepare(
		s,
		"INSERT INTO kev (cve_id, vendor, product, name, date_added,"
		" due_date, description, required_action, notes, ransomware,"
		" cwes, catalog_version, digest, imported_at)"
		" VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
		" ON CONFLICT (cve_id) DO UPDATE SET vendor = excluded.vendor,"
		" product = excluded.product, name = excluded.name,"
		" date_added = excluded.date_added,"
		" due_date = excluded.due_date,"
		" description = excluded.description,"
		" required_action = excluded.required_action,"
		" notes = excluded.notes, ransomware = excluded.ransomware,"
		" cwes = excluded.cwes,"
		" catalog_version = excluded.catalog_version,"
		" digest = excluded.digest, imported_at = excluded.imported_at",
		&st, err);
	if (rc)
		return rc;
	for (size_t i = 0; i < sizeof f / sizeof *f; i++)
		DB_TEXT(s, st, (int)i + 1, f[i]);
	DB_TEXT(s, st, 12, k->catalog_version);
	DB_TEXT(s, st, 13, digest);
	DB_TEXT(s, st, 14, now);
	rc = ym_db_run(s, st, err);
	if (rc)
		return rc;
	*res = existed ? YM_PUT_UPDATED : YM_PUT_INSERTED;
	return 0;
}

int ym_store_kev_get(ym_store *s, const char *cve_id, ym_arena *a,
		     ym_kev_entry *out, ym_err *err)
{
	ym_stmt *st;
	int rc = ym_db_prepare(
		s,
		"SELECT cve_id, vendor, product, name, date_added, due_date,"
		" description, required_action, notes, ransomware, cwes,"
		" catalog_version FROM kev WHERE cve_id = ?",
		&st, err);
	if (rc)
		return rc;
	DB_TEXT(s, st, 1, cve_id);
	rc = ym_db_step(s, st, err);
	if (rc == 1) {
		const char **f[] = {&out->cve_id, &out->vendor, &out->product,
				    &out->name, &out->date_added,
				    &out->due_date, &out->description,
				    &out->required_action, &out->notes,
				    &out->ransomware, &out->cwes,
				    &out->catalog_version};
		for (int i = 0; i < 12; i++)
			*f[i] = ym_db_col_dup(s, st, i, a);
	}
	s->ops->reset(st);
	if (rc == 0)
		return ym_err_set(err, YM_E_NOTFOUND,
				  _("'%s' is not in the KEV catalog"), cve_id);
	return rc < 0 ? rc : 0;
}

/* Scores are compared at the precision FIRST publishes (5 decimals). */
static bool same_score(double a, double b)
{
	return fabs(a - b) < 0.000005;
}

int ym_store_epss_put(ym_store *s, const ym_epss_entry *e,
		      ym_put_result *res, ym_err *err)
{
	ym_stmt *st;
	int rc = ym_db_prepare(s,
			       "SELECT score, percentile, score_date FROM epss"
			       " WHERE cve_id = ?",
			       &st, err);
	if (rc)
		return rc;
	DB_TEXT(s, st, 1, e->cve_id);
	rc = ym_db_step(s, st, err);
	bool existed = rc == 1, newer = true, score_changed = true;
	bool same_day = false, unchanged = false;
	if (existed) {
		double old = s->ops->col_double(st, 0);
		double oldp = s->ops->col_double(st, 1);
		const char *d = COL_TEXT(s, st, 2);
		score_changed = !same_score(old, e->score);
		newer = !d || strcmp(e->date, d) > 0;
		same_day = d && strcmp(e->date, d) == 0;
		unchanged = same_day && !score_changed &&
			    same_score(oldp, e->percentile);
	}
	s->ops->reset(st);
	if (rc < 0)
		return rc;
	/* an older file leaves the current score alone but fills a gap in
	 * the history; the same file again changes nothing */
	if (existed && ((!newer && !same_day) || unchanged)) {
		*res = YM_PUT_UNCHANGED;
		if (!unchanged)
			goto history;
		return 0;
	}
	rc = ym_db_prepare(
		s,
		"INSERT INTO epss (cve_id, score, percentile, score_date,"
		" model_version) VALUES (?,?,?,?,?)"
		" ON CONFLICT (cve_id) DO UPDATE SET score = excluded.score,"
		" percentile = excluded.percentile,"
		" score_date = excluded.score_date,"
		" model_version = excluded.model_version",
		&st, err);
	if (rc)
		return rc;
	DB_TEXT(s, st, 1, e->cve_id);
	DB_DOUBLE(s, st, 2, e->score);
	DB_DOUBLE(s, st, 3, e->percentile);
	DB_TEXT(s, st, 4, e->date);
	DB_TEXT(s, st, 5, e->model_version);
	if ((rc = ym_db_run(s, st, err)))
		return rc;
	*res = existed ? YM_PUT_UPDATED : YM_PUT_INSERTED;
	if (existed && !score_changed)
		return 0;
history:
	rc = ym_db_prepare(s,
			   "INSERT INTO epss_history (cve_id, score_date, score,"
			   " percentile) VALUES (?,?,?,?)"
			   " ON CONFLICT (cve_id, score_date) DO UPDATE SET"
			   " score = excluded.score,"
			   " percentile = excluded.percentile",
			   &st, err);
	if (rc)
		return rc;
	DB_TEXT(s, st, 1, e->cve_id);
	DB_TEXT(s, st, 2, e->date);
	DB_DOUBLE(s, st, 3, e->score);
	DB_DOUBLE(s, st, 4, e->percentile);
	return ym_db_run(s, st, err);
}

int ym_store_epss_get(ym_store *s, const char *cve_id, ym_arena *a,
		      ym_epss_entry *out, ym_err *err)
{
	ym_stmt *st;
	int rc = ym_db_prepare(s,
			       "SELECT cve_id, score, percentile, score_date,"
			       " model_version FROM epss WHERE cve_id = ?",
			       &st, err);
	if (rc)
		return rc;
	DB_TEXT(s, st, 1, cve_id);
	rc = ym_db_step(s, st, err);
	if (rc == 1) {
		out->cve_id = ym_db_col_dup(s, st, 0, a);
		out->score = s->ops->col_double(st, 1);
		out->percentile = s->ops->col_double(st, 2);
		out->date = ym_db_col_dup(s, st, 3, a);
		out->model_version = ym_db_col_dup(s, st, 4, a);
	}
	s->ops->reset(st);
	if (rc == 0)
		return ym_err_set(err, YM_E_NOTFOUND,
				  _("no EPSS score for '%s'"), cve_id);
	return rc < 0 ? rc : 0;
}

int ym_store_epss_history(ym_store *s, const char *cve_id, ym_epss_cb cb,
			  void *ctx, ym_err *err)
{
	ym_stmt *st;
	int rc = ym_db_prepare(s,
			       "SELECT score_date, score, percentile"
			       " FROM epss_history WHERE cve_id = ?"
			       " ORDER BY score_date",
			       &st, err);
	if (rc)
		return rc;
	DB_TEXT(s, st, 1, cve_id);
	while ((rc = ym_db_step(s, st, err)) == 1) {
		ym_epss_entry e = {.cve_id = cve_id,
				   .date = COL_TEXT(s, st, 0),
				   .score = s->ops->col_double(st, 1),
				   .percentile = s->ops->col_double(st, 2)};
		if ((rc = cb(&e, ctx)))
			break;
	}
	s->ops->reset(st);
	return rc < 0 ? rc : 0;
}

int ym_store_kev_each(ym_store *s, ym_kev_cb cb, void *ctx, ym_err *err)
{
	ym_stmt *st;
	int rc = ym_db_prepare(
		s,
		"SELECT cve_id, vendor, product, name, date_added, due_date,"
		" description, required_action, notes, ransomware, cwes,"
		" catalog_version FROM kev ORDER BY cve_id",
		&st, err);
	if (rc)
		return rc;
	while ((rc = ym_db_step(s, st, err)) == 1) {
		ym_kev_entry k;
		const char **f[] = {&k.cve_id, &k.vendor, &k.product, &k.name,
				    &k.date_added, &k.due_date, &k.description,
				    &k.required_action, &k.notes,
				    &k.ransomware, &k.cwes, &k.catalog_version};
		for (int i = 0; i < 12; i++)
			*f[i] = COL_TEXT(s, st, i);
		if ((rc = cb(&k, ctx)))
			break;
	}
	s->ops->reset(st);
	return rc;
}

int ym_store_epss_each(ym_store *s, ym_epss_cb cb, void *ctx, ym_err *err)
{
	ym_stmt *st;
	int rc = ym_db_prepare(s,
			       "SELECT cve_id, score, percentile, score_date,"
			       " model_version FROM epss ORDER BY cve_id",
			       &st, err);
	if (rc)
		return rc;
	while ((rc = ym_db_step(s, st, err)) == 1) {
		ym_epss_entry e = {.cve_id = COL_TEXT(s, st, 0),
				   .score = s->ops->col_double(st, 1),
				   .percentile = s->ops->col_double(st, 2),
				   .date = COL_TEXT(s, st, 3),
				   .model_version = COL_TEXT(s, st, 4)};
		if ((rc = cb(&e, ctx)))
			break;
	}
	s->ops->reset(st);
	return rc;
}
