/* components.c - software found on an asset (from SBOMs, scans, ...). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/i18n.h"
#include "core/map.h"
#include "core/vec.h"
#include "core/xalloc.h"
#include "store/store_int.h"

/* ---- what changed ---- */

/* The package identity across imports: ecosystem/key, else the name. */
static void package_key(const ym_component *c, ym_buf *out)
{
	ym_buf_reset(out);
	if (c->pkg_key && *c->pkg_key) {
		ym_buf_printf(out, "%s/%s", c->ecosystem ? c->ecosystem : "",
			      c->pkg_key);
		return;
	}
	ym_buf_adds(out, "name:");
	for (const char *p = c->name ? c->name : ""; *p; p++)
		ym_buf_addc(out, (*p >= 'A' && *p <= 'Z') ? *p + 32 : *p);
}

typedef struct pkg {
	const ym_component *old[4]; /* versions before (usually one) */
	const ym_component *new[4]; /* versions after */
	int n_old, n_new;
	bool overflow;
} pkg;

static const char *ver(const ym_component *c)
{
	return c->version ? c->version : "";
}

/* The package as people name it in the history. */
static const char *display(const ym_component *c)
{
	return c->name ? c->name : c->pkg_key ? c->pkg_key : "?";
}

static int record_diff(ym_store *s, int64_t asset_id, const ym_component *old,
		       size_t n_old, const ym_component *c, size_t n,
		       const ym_change *chg, ym_software_diff *d, ym_err *err)
{
	ym_map m;
	ym_arena a;
	ym_buf key = YM_BUF_INIT;
	YM_VEC(pkg *) order = YM_VEC_INIT;
	int rc = 0;
	ym_map_init(&m);
	ym_arena_init(&a, 0);
	/* An asset's first software list is one history entry, not one per
	 * package (a host inventory is 1,500 of them): the list itself is
	 * in components, the entry says when and from where it came. */
	if (n_old == 0) {
		d->added = (int64_t)n;
		char count[64];
		snprintf(count, sizeof count, "%zu", n);
		rc = n ? ym_db_history(s, asset_id, chg, "software_added", "*",
				       NULL, count, err)
		       : 0;
		goto done;
	}
	for (int side = 0; side < 2; side++) {
		const ym_component *list = side ? c : old;
		size_t count = side ? n : n_old;
		for (size_t i = 0; i < count; i++) {
			bool found;
			package_key(&list[i], &key);
			/* the map keeps the key pointer: it must outlive key */
			const char *kc = ym_arena_strndup(&a, key.ptr, key.len);
			void **slot = ym_map_slot(&m, kc, key.len, &found);
			if (!found) {
				*slot = ym_arena_zalloc(&a, sizeof(pkg));
				ym_vec_push(&order, (pkg *)*slot);
			}
			pkg *p = *slot;
			const ym_component **arr = side ? p->new : p->old;
			int *k = side ? &p->n_new : &p->n_old;
			/* the same version twice (nested copies) counts once */
			bool dup = false;
			for (int j = 0; j < *k; j++)
				dup = dup || strcmp(ver(arr[j]), ver(&list[i])) == 0;
			if (dup)
				continue;
			if (*k < 4)
				arr[(*k)++] = &list[i];
			else
				p->overflow = true;
		}
	}
	for (size_t i = 0; i < order.n && !rc; i++) {
		pkg *p = order.v[i];
		/* versions on both sides are unchanged */
		for (int x = 0; x < p->n_old; x++)
			for (int y = 0; y < p->n_new; y++)
				if (p->old[x] && p->new[y] &&
				    strcmp(ver(p->old[x]), ver(p->new[y])) == 0) {
					p->old[x] = p->new[y] = NULL;
					d->unchanged++;
				}
		const ym_component *o = NULL, *nw = NULL;
		int left_old = 0, left_new = 0;
		for (int x = 0; x < p->n_old; x++)
			if (p->old[x]) {
				o = p->old[x];
				left_old++;
			}
		for (int y = 0; y < p->n_new; y++)
			if (p->new[y]) {
				nw = p->new[y];
				left_new++;
			}
		if (left_old == 1 && left_new == 1) {
			/* one version replaced by another */
			int cmp = chg && chg->version_cmp
					  ? chg->version_cmp(nw->ecosystem,
							     ver(o), ver(nw),
							     chg->cmp_ctx)
					  : 0;
			const char *what = cmp < 0 ? "software_upgraded"
					   : cmp > 0 ? "software_downgraded"
						     : "software_changed";
			if (cmp < 0)
				d->upgraded++;
			else if (cmp > 0)
				d->downgraded++;
			else
				d->changed++;
			rc = ym_db_history(s, asset_id, chg, what, display(nw),
					   ver(o), ver(nw), err);
			continue;
		}
		for (int x = 0; x < p->n_old && !rc; x++)
			if (p->old[x]) {
				d->removed++;
				rc = ym_db_history(s, asset_id, chg,
						   "software_removed",
						   display(p->old[x]),
						   ver(p->old[x]), NULL, err);
			}
		for (int y = 0; y < p->n_new && !rc; y++)
			if (p->new[y]) {
				d->added++;
				rc = ym_db_history(s, asset_id, chg,
						   "software_added",
						   display(p->new[y]), NULL,
						   ver(p->new[y]), err);
			}
	}
done:
	ym_vec_release(&order);
	ym_buf_release(&key);
	ym_map_release(&m);
	ym_arena_release(&a);
	return rc;
}

typedef YM_VEC(ym_component) comp_vec;

static int keep_old(const ym_component *c, void *ctx)
{
	void **x = ctx;
	comp_vec *v = x[0];
	ym_arena *a = x[1];
	ym_component k = {
		.name = c->name ? ym_arena_strdup(a, c->name) : NULL,
		.version = c->version ? ym_arena_strdup(a, c->version) : NULL,
		.ecosystem = c->ecosystem ? ym_arena_strdup(a, c->ecosystem)
					  : NULL,
		.pkg_key = c->pkg_key ? ym_arena_strdup(a, c->pkg_key) : NULL,
	};
	ym_vec_push(v, k);
	return 0;
}

static int keep_old_from(const ym_component *c, void *ctx)
{
	void **x = ctx;
	const char *tag = x[2];
	if (tag && !(c->source && strcmp(c->source, tag) == 0))
		return 0;
	return keep_old(c, ctx);
}

static int replace(ym_store *s, int64_t asset_id, const char *tag,
		   const ym_component *c, size_t n, const ym_change *chg,
		   ym_software_diff *diff, ym_err *err);

int ym_store_components_replace(ym_store *s, int64_t asset_id,
				const ym_component *c, size_t n,
				const ym_change *chg, ym_software_diff *diff,
				ym_err *err)
{
	return replace(s, asset_id, NULL, c, n, chg, diff, err);
}

int ym_store_components_replace_from(ym_store *s, int64_t asset_id,
				     const char *source,
				     const ym_component *c, size_t n,
				     const ym_change *chg,
				     ym_software_diff *diff, ym_err *err)
{
	return replace(s, asset_id, source, c, n, chg, diff, err);
}

static int replace(ym_store *s, int64_t asset_id, const char *tag,
		   const ym_component *c, size_t n, const ym_change *chg,
		   ym_software_diff *diff, ym_err *err)
{
	ym_stmt *st;
	char now[32];
	int64_t *ids = NULL;
	ym_software_diff local;
	ym_software_diff *d = diff ? diff : &local;
	comp_vec old = YM_VEC_INIT;
	ym_arena a;
	memset(d, 0, sizeof *d);
	ym_arena_init(&a, 0);
	void *ctx[3] = {&old, &a, (void *)tag};
	int rc = ym_store_components_each(s, &ym_scope_all, asset_id,
					  keep_old_from, ctx, err);
	if (!rc)
		rc = record_diff(s, asset_id, old.v, old.n, c, n, chg, d, err);
	if (!rc)
		rc = ym_db_prepare(s,
				   "DELETE FROM components WHERE asset_id = ?"
				   " AND (? IS NULL OR source = ?)",
				   &st, err);
	if (rc)
		goto out;
	DB_INT(s, st, 1, asset_id);
	DB_TEXT(s, st, 2, tag);
	DB_TEXT(s, st, 3, tag);
	rc = ym_db_run(s, st, err);
	if (rc)
		goto out;
	ids = ym_xcalloc(n ? n : 1, sizeof *ids);
	for (size_t i = 0; i < n; i++) {
		rc = ym_db_prepare(s,
				   "INSERT INTO components (asset_id, parent_id,"
				   " bom_ref, name, version, purl, cpe,"
				   " ecosystem, pkg_key, type, supplier,"
				   " licenses, hashes, scope, source, source_pkg,"
				   " name_key, name_key2)"
				   " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
				   " RETURNING id",
				   &st, err);
		if (rc)
			goto out;
		int64_t parent = c[i].parent_id;
		DB_INT(s, st, 1, asset_id);
		/* parents precede children in the array */
		ym_db_bind_id(s, st, 2,
			      parent > 0 && (size_t)parent <= i ? ids[parent - 1]
								: 0);
		DB_TEXT(s, st, 3, c[i].bom_ref);
		DB_TEXT(s, st, 4, c[i].name);
		DB_TEXT(s, st, 5, c[i].version);
		DB_TEXT(s, st, 6, c[i].purl);
		DB_TEXT(s, st, 7, c[i].cpe);
		DB_TEXT(s, st, 8, c[i].ecosystem);
		DB_TEXT(s, st, 9, c[i].pkg_key);
		DB_TEXT(s, st, 10, c[i].type);
		DB_TEXT(s, st, 11, c[i].supplier);
		DB_TEXT(s, st, 12, c[i].licenses);
		DB_TEXT(s, st, 13, c[i].hashes);
		DB_TEXT(s, st, 14, c[i].scope);
		DB_TEXT(s, st, 15, tag ? tag : c[i].source);
		DB_TEXT(s, st, 16, c[i].source_pkg);
		DB_TEXT(s, st, 17, c[i].name_key);
		DB_TEXT(s, st, 18, c[i].name_key2);
		rc = ym_db_step(s, st, err);
		if (rc == 1)
			ids[i] = COL_INT(s, st, 0);
		s->ops->reset(st);
		if (rc < 0)
			goto out;
		rc = 0;
	}
	/* new component rows: the findings must be linked to them again */
	rc = ym_db_match_pending(s, "asset", asset_id, err);
	if (rc)
		goto out;
	/* the asset changed only when its software did */
	if (d->added || d->removed || d->upgraded || d->downgraded ||
	    d->changed) {
		ym_db_now(now);
		rc = ym_db_prepare(s,
				   "UPDATE assets SET updated_at = ? WHERE id = ?",
				   &st, err);
		if (rc)
			goto out;
		DB_TEXT(s, st, 1, now);
		DB_INT(s, st, 2, asset_id);
		rc = ym_db_run(s, st, err);
	}
out:
	free(ids);
	ym_vec_release(&old);
	ym_arena_release(&a);
	return rc < 0 ? rc : 0;
}

int ym_store_components_each(ym_store *s, const ym_scope *scope,
			     int64_t asset_id, ym_component_cb cb, void *ctx,
			     ym_err *err)
{
	ym_buf sql = YM_BUF_INIT;
	ym_stmt *st;
	ym_buf_adds(&sql, "SELECT c.id, c.asset_id, c.parent_id, c.bom_ref,"
			  " c.name, c.version, c.purl, c.cpe, c.ecosystem,"
			  " c.pkg_key, c.source, a.name, c.type, c.supplier,"
			  " c.licenses, c.hashes, c.scope, c.source_pkg"
			  " FROM components c JOIN assets a ON a.id = c.asset_id"
			  " WHERE 1 = 1");
	if (asset_id)
		ym_buf_adds(&sql, " AND c.asset_id = ?");
	ym_db_scope_sql(scope, "a.department_id", &sql);
	ym_buf_adds(&sql, " ORDER BY c.asset_id, c.id");
	int rc = ym_db_prepare(s, sql.ptr, &st, err);
	ym_buf_release(&sql);
	if (rc)
		return rc;
	int idx = 1;
	if (asset_id)
		DB_INT(s, st, idx++, asset_id);
	ym_db_scope_bind(s, st, idx, scope);
	while ((rc = ym_db_step(s, st, err)) == 1) {
		ym_component c = {
			.id = COL_INT(s, st, 0),
			.asset_id = COL_INT(s, st, 1),
			.parent_id = COL_INT(s, st, 2),
			.bom_ref = COL_TEXT(s, st, 3),
			.name = COL_TEXT(s, st, 4),
			.version = COL_TEXT(s, st, 5),
			.purl = COL_TEXT(s, st, 6),
			.cpe = COL_TEXT(s, st, 7),
			.ecosystem = COL_TEXT(s, st, 8),
			.pkg_key = COL_TEXT(s, st, 9),
			.source = COL_TEXT(s, st, 10),
			.asset_name = COL_TEXT(s, st, 11),
			.type = COL_TEXT(s, st, 12),
			.supplier = COL_TEXT(s, st, 13),
			.licenses = COL_TEXT(s, st, 14),
			.hashes = COL_TEXT(s, st, 15),
			.scope = COL_TEXT(s, st, 16),
			.source_pkg = COL_TEXT(s, st, 17),
		};
		rc = cb(&c, ctx);
		if (rc)
			break;
	}
	s->ops->reset(st);
	return rc < 0 ? rc : 0;
}

int ym_store_components_find(ym_store *s, const ym_scope *scope,
			     const char *text, ym_component_cb cb, void *ctx,
			     ym_err *err)
{
	ym_buf sql = YM_BUF_INIT, pat = YM_BUF_INIT;
	ym_stmt *st;
	/* LIKE is case-insensitive for ASCII in SQLite */
	ym_db_like_contains(&pat, text);
	ym_buf_adds(&sql, "SELECT c.id, c.asset_id, c.parent_id, c.bom_ref,"
			  " c.name, c.version, c.purl, c.cpe, c.ecosystem,"
			  " c.pkg_key, c.source, a.name, c.type"
			  " FROM components c JOIN assets a ON a.id = c.asset_id"
			  " WHERE (c.name LIKE ?1 ESCAPE '\\'"
			  " OR c.purl LIKE ?1 ESCAPE '\\'"
			  " OR c.pkg_key LIKE ?1 ESCAPE '\\'"
			  " OR c.cpe LIKE ?1 ESCAPE '\\')");
	ym_db_scope_sql(scope, "a.department_id", &sql);
	ym_buf_adds(&sql, " ORDER BY c.name, c.version, a.name, c.id");
	int rc = ym_db_prepare(s, sql.ptr, &st, err);
	ym_buf_release(&sql);
	if (rc) {
		ym_buf_release(&pat);
		return rc;
	}
	DB_TEXT(s, st, 1, pat.ptr);
	ym_db_scope_bind(s, st, 2, scope);
	while ((rc = ym_db_step(s, st, err)) == 1) {
		ym_component c = {
			.id = COL_INT(s, st, 0),
			.asset_id = COL_INT(s, st, 1),
			.parent_id = COL_INT(s, st, 2),
			.bom_ref = COL_TEXT(s, st, 3),
			.name = COL_TEXT(s, st, 4),
			.version = COL_TEXT(s, st, 5),
			.purl = COL_TEXT(s, st, 6),
			.cpe = COL_TEXT(s, st, 7),
			.ecosystem = COL_TEXT(s, st, 8),
			.pkg_key = COL_TEXT(s, st, 9),
			.source = COL_TEXT(s, st, 10),
			.asset_name = COL_TEXT(s, st, 11),
			.type = COL_TEXT(s, st, 12),
		};
		if ((rc = cb(&c, ctx)))
			break;
	}
	s->ops->reset(st);
	ym_buf_release(&pat);
	return rc < 0 ? rc : 0;
}

/* ---- for the matching engine: lean rows, no join ---- */

static int match_rows(ym_store *s, ym_stmt *st, ym_component_cb cb, void *ctx,
		      ym_err *err)
{
	int rc;
	while ((rc = ym_db_step(s, st, err)) == 1) {
		ym_component c = {
			.id = COL_INT(s, st, 0),
			.asset_id = COL_INT(s, st, 1),
			.name = COL_TEXT(s, st, 2),
			.version = COL_TEXT(s, st, 3),
			.purl = COL_TEXT(s, st, 4),
			.cpe = COL_TEXT(s, st, 5),
			.ecosystem = COL_TEXT(s, st, 6),
			.pkg_key = COL_TEXT(s, st, 7),
			.type = COL_TEXT(s, st, 8),
			.source_pkg = COL_TEXT(s, st, 9),
			.supplier = COL_TEXT(s, st, 10),
			.name_key = COL_TEXT(s, st, 11),
			.name_key2 = COL_TEXT(s, st, 12),
		};
		if ((rc = cb(&c, ctx)))
			break;
	}
	s->ops->reset(st);
	return rc;
}

#define MATCH_COLS                                                      \
	"SELECT id, asset_id, name, version, purl, cpe, ecosystem, pkg_key," \
	" type, source_pkg, supplier, name_key, name_key2 FROM components"

int ym_store_match_components(ym_store *s, const ym_match_query *q,
			      ym_component_cb cb, void *ctx, ym_err *err)
{
	ym_stmt *st;
	int rc;
	switch (q->kind) {
	case YM_MQ_ALL:
		rc = ym_db_prepare(s, MATCH_COLS " ORDER BY asset_id, id", &st,
				   err);
		break;
	case YM_MQ_ASSET:
	case YM_MQ_PLATFORMS:
		rc = ym_db_prepare(s,
				   q->kind == YM_MQ_ASSET
					   ? MATCH_COLS " WHERE asset_id = ?"
						 " ORDER BY id"
					   : MATCH_COLS " WHERE asset_id = ?"
						 " AND cpe IS NOT NULL"
						 " ORDER BY id",
				   &st, err);
		if (!rc)
			DB_INT(s, st, 1, q->asset_id);
		break;
	case YM_MQ_PACKAGE: {
		/* the package, or the distribution source package it was
		 * built from: one index look-up each (an OR would make
		 * SQLite scan the ecosystem) */
		static const char *const sql[] = {
			MATCH_COLS " WHERE ecosystem = ? AND pkg_key = ?",
			MATCH_COLS " WHERE ecosystem = ? AND source_pkg = ?"
				   " AND pkg_key IS NOT source_pkg",
		};
		for (int i = 0; i < 2; i++) {
			if ((rc = ym_db_prepare(s, sql[i], &st, err)))
				return rc;
			DB_TEXT(s, st, 1, q->ecosystem);
			DB_TEXT(s, st, 2, q->key);
			if ((rc = match_rows(s, st, cb, ctx, err)))
				return rc;
		}
		return 0;
	}
	case YM_MQ_CPE_PRODUCT: {
		/* a CPE names vendor:product for any part; each part's prefix
		 * is a range of the index on cpe (the caller keeps those
		 * without an ecosystem) */
		ym_buf lo = YM_BUF_INIT, hi = YM_BUF_INIT;
		const char *parts = q->parts && *q->parts ? q->parts : "aoh";
		rc = 0;
		for (int i = 0; parts[i] && !rc; i++) {
			ym_buf_reset(&lo);
			ym_buf_reset(&hi);
			ym_buf_printf(&lo, "cpe:2.3:%c:%s:%s", parts[i],
				      q->vendor, q->product);
			ym_buf_printf(&hi, "%s;", lo.ptr);
			rc = ym_db_prepare(s,
					   MATCH_COLS " WHERE cpe >= ?1 AND cpe < ?2"
					   " AND (cpe = ?1 OR substr(cpe, ?3, 1) = ':')",
					   &st, err);
			if (rc)
				break;
			DB_TEXT(s, st, 1, lo.ptr);
			DB_TEXT(s, st, 2, hi.ptr);
			DB_INT(s, st, 3, (int64_t)lo.len + 1);
			rc = match_rows(s, st, cb, ctx, err);
		}
		ym_buf_release(&lo);
		ym_buf_release(&hi);
		return rc;
	}
	case YM_MQ_NAME: {
		static const char *const sql[] = {
			MATCH_COLS " WHERE name_key = ?",
			MATCH_COLS " WHERE name_key2 = ? AND name_key IS NOT ?1",
		};
		for (int i = 0; i < 2; i++) {
			if ((rc = ym_db_prepare(s, sql[i], &st, err)))
				return rc;
			DB_TEXT(s, st, 1, q->key);
			if ((rc = match_rows(s, st, cb, ctx, err)))
				return rc;
		}
		return 0;
	}
	default:
		return ym_err_set(err, YM_E_INVALID, "bad match query");
	}
	return rc ? rc : match_rows(s, st, cb, ctx, err);
}
