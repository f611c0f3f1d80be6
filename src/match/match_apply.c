/* match_apply.c - what VEX statements and people decided about the
 * findings of a run: suppressed (with the reason) or not. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "match/match_int.h"
#include "match/vex.h"

/* ---- VEX (docs/vex.md) ----
 *
 * Statements imported on their own apply to every asset; those an SBOM
 * carried apply to that asset only. not_affected and fixed suppress the
 * finding with the statement as its reason; the finding stays, visible,
 * and the suppression is lifted when no statement applies any more. */

typedef YM_VEC(ym_vex_statement) stmt_vec;

typedef struct vex_state {
	ym_arena arena;
	stmt_vec global;
	int64_t asset_id;      /* the asset whose SBOM statements are below */
	const ym_vex_statement *asset_st;
	size_t n_asset_st;
} vex_state;

static const char *const *split_joined(ym_arena *a, const char *joined)
{
	YM_VEC(const char *) l = YM_VEC_INIT;
	for (const char *p = joined; p && *p;) {
		const char *e = strstr(p, ", ");
		size_t n = e ? (size_t)(e - p) : strlen(p);
		ym_vec_push(&l, ym_arena_strndup(a, p, n));
		p = e ? e + 2 : NULL;
	}
	const char **out = ym_arena_alloc(a, (l.n + 1) * sizeof *out);
	for (size_t i = 0; i < l.n; i++)
		out[i] = l.v[i];
	out[l.n] = NULL;
	ym_vec_release(&l);
	return out;
}

static int keep_vex_row(const ym_vex_row *r, void *ctx)
{
	vex_state *v = ctx;
	ym_arena *a = &v->arena;
	ym_vex_product *p = ym_arena_zalloc(a, sizeof *p);
	p->purl = r->purl ? ym_arena_strdup(a, r->purl) : NULL;
	p->cpe = r->cpe ? ym_arena_strdup(a, r->cpe) : NULL;
	p->name = r->name ? ym_arena_strdup(a, r->name) : NULL;
	p->version = r->version ? ym_arena_strdup(a, r->version) : NULL;
	p->range = r->range ? ym_arena_strdup(a, r->range) : NULL;
	ym_vex_statement st = {
		.vuln_id = ym_arena_strdup(a, r->vuln_id),
		.aliases = split_joined(a, r->aliases),
		.status = strcmp(r->status, "not_affected") == 0 ? YM_VEX_NOT_AFFECTED
			  : strcmp(r->status, "fixed") == 0	 ? YM_VEX_FIXED
			  : strcmp(r->status, "affected") == 0	 ? YM_VEX_AFFECTED
								 : YM_VEX_UNDER_INVESTIGATION,
		.justification_text = r->justification
					      ? ym_arena_strdup(a, r->justification)
					      : NULL,
		.products = p,
		.n_products = 1,
		.file = ym_arena_strdup(a, r->file),
	};
	ym_vec_push(&v->global, st);
	return 0;
}

/* The SBOM statements of asset id, parsed on first use. */
static void asset_statements(ym_store *s, vex_state *v, int64_t id)
{
	if (v->asset_id == id)
		return;
	v->asset_id = id;
	v->asset_st = NULL;
	v->n_asset_st = 0;
	const char *text;
	if (ym_store_asset_vex(s, id, &v->arena, &text, NULL) || !text)
		return;
	ym_vex_doc doc;
	if (ym_vex_parse(text, strlen(text), "(SBOM)", &v->arena, &doc, NULL))
		return;
	v->asset_st = doc.statements;
	v->n_asset_st = doc.n_statements;
}

/* The reason the first suppressing statement gives, or NULL. */
static const char *vex_reason(const ym_vex_statement *st, size_t n,
			      const char *vid, const char *const *aliases,
			      const ym_component *c, ym_arena *a)
{
	for (size_t i = 0; i < n; i++) {
		if (st[i].status != YM_VEX_NOT_AFFECTED &&
		    st[i].status != YM_VEX_FIXED)
			continue;
		ym_vex_hit hit;
		if (!ym_vex_applies(&st[i], vid, aliases, c, NULL, &hit))
			continue;
		const char *why = st[i].justification
					  ? ym_vex_justification_name(
						    st[i].justification)
					  : st[i].justification_text;
		return ym_arena_printf(a, "VEX %s%s%s (%s)",
				       ym_vex_status_name(st[i].status),
				       why ? ": " : "", why ? why : "",
				       st[i].file ? st[i].file : "SBOM");
	}
	return NULL;
}

/* Sets suppress_reason on the hits a statement applies to. */
static int apply_vex(ym_store *s, vex_state *v, const comp_vec *comps,
		     ym_finding *hits, size_t n, ym_arena *work,
		     ym_match_stats *stats, ym_err *err)
{
	for (size_t i = 0; i < n; i++) {
		ym_finding *f = &hits[i];
		asset_statements(s, v, f->asset_id);
		if (!v->global.n && !v->n_asset_st)
			continue;
		comp key = {.asset_id = f->asset_id, .id = f->component_id};
		const comp *c = bsearch(&key, comps->v, comps->n,
					sizeof *comps->v, me_comp_cmp);
		if (!c)
			continue;
		const char *vid;
		const char *const *aliases;
		int rc = ym_store_vuln_names(s, f->vuln_rowid, work, &vid,
					     &aliases, err);
		if (rc)
			return rc;
		if (!vid)
			continue;
		ym_component yc = {.name = c->name, .version = c->version,
				   .purl = c->purl, .cpe = c->cpe,
				   .ecosystem = c->ecosystem,
				   .pkg_key = c->pkg_key};
		const char *why = vex_reason(v->asset_st, v->n_asset_st, vid,
					     aliases, &yc, work);
		if (!why)
			why = vex_reason(v->global.v, v->global.n, vid, aliases,
					 &yc, work);
		if (why) {
			f->suppress_reason = why;
			f->suppressed_by = "vex";
			stats->vex_suppressed++;
		}
	}
	return 0;
}

typedef YM_VEC(ym_suppression) supp_vec;

static int keep_suppression(const ym_suppression *x, void *ctx)
{
	void **c = ctx;
	supp_vec *v = c[0];
	ym_arena *a = c[1];
	ym_suppression k = *x;
	k.component_key = ym_arena_strdup(a, x->component_key);
	k.component_version = x->component_version
				      ? ym_arena_strdup(a, x->component_version)
				      : NULL;
	k.reason = ym_arena_strdup(a, x->reason);
	k.actor = ym_arena_strdup(a, x->actor);
	k.expires_on = x->expires_on ? ym_arena_strdup(a, x->expires_on)
				     : NULL;
	ym_vec_push(v, k);
	return 0;
}

/* People's decisions come before VEX: the one that names the finding's
 * asset, package, vulnerability (and version, when it was made for one
 * version only) suppresses it with its reason. */
static int apply_suppressions(ym_store *s, const char *today,
			      ym_finding *hits, size_t n, ym_arena *work,
			      ym_match_stats *stats, ym_err *err)
{
	supp_vec v = YM_VEC_INIT;
	void *ctx[2] = {&v, work};
	int rc = ym_store_suppressions_each(s, today, keep_suppression, ctx,
					    err);
	for (size_t i = 0; !rc && v.n && i < n; i++) {
		ym_finding *f = &hits[i];
		for (size_t k = 0; k < v.n; k++) {
			const ym_suppression *x = &v.v[k];
			if (x->asset_id != f->asset_id ||
			    x->vuln_rowid != f->vuln_rowid ||
			    strcmp(x->component_key, f->component_key) != 0 ||
			    (x->component_version &&
			     (!f->component_version ||
			      strcmp(x->component_version,
				     f->component_version) != 0)))
				continue;
			f->suppressed_by = "manual";
			f->suppress_reason = ym_arena_printf(
				work, "%s (%s%s%s, #%lld)", x->reason, x->actor,
				x->expires_on ? ", until " : "",
				x->expires_on ? x->expires_on : "",
				(long long)x->id);
			stats->manual_suppressed++;
			break;
		}
	}
	ym_vec_release(&v);
	return rc;
}


int ma_apply(ym_store *s, const comp_vec *comps, ym_finding *hits, size_t n,
	     const char *today, ym_arena *work, ym_match_stats *stats,
	     ym_err *err)
{
	vex_state vx = {.asset_id = -1};
	ym_arena_init(&vx.arena, 0);
	int rc = ym_store_vex_each(s, keep_vex_row, &vx, err);
	if (!rc)
		rc = apply_vex(s, &vx, comps, hits, n, work, stats, err);
	if (!rc)
		rc = apply_suppressions(s, today, hits, n, work, stats, err);
	ym_vec_release(&vx.global);
	ym_arena_release(&vx.arena);
	return rc;
}
