/* match_apply.c - what VEX statements and people decided about the
 * findings of a run: suppressed (with the reason) or not. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/map.h"
#include "match/match_int.h"
#include "match/vex.h"

/* ---- VEX (docs/vex.md) ----
 *
 * Statements imported on their own apply to every asset; those an SBOM
 * carried apply to that asset only. not_affected and fixed suppress the
 * finding with the statement as its reason; the finding stays, visible,
 * and the suppression is lifted when no statement applies any more.
 *
 * A statement about a product covers the components inside it, so each
 * finding is matched with its containing components (ancestors): its
 * parents in the SBOM, the SBOM's metadata component, the asset's
 * operating system (for distribution packages) and its one container
 * image. They are read from the store only for a finding whose
 * vulnerability some suppressing statement names: without statements
 * the run reads nothing more. */

typedef YM_VEC(ym_vex_statement) stmt_vec;
typedef YM_VEC(const ym_component *) anc_vec;
typedef YM_VEC(size_t) idx_vec;

/* The suppressing statements that name one vulnerability id. */
typedef struct idx_node {
	size_t i;
	struct idx_node *next;
} idx_node;

typedef struct vex_state {
	ym_arena arena;        /* global statements, the index */
	stmt_vec global;       /* not_affected and fixed only */
	ym_map by_vuln;        /* lower-case id or alias -> idx_node list */
	/* the asset whose context is below (asset_arena) */
	int64_t asset_id;
	bool sbom_loaded;      /* has_sbom and sbom read */
	bool ctx_loaded;       /* containers read, own_serial set */
	ym_arena asset_arena;
	const ym_vex_statement *asset_st;
	size_t n_asset_st;
	bool has_sbom;
	ym_asset_sbom sbom;
	const char *own_serial; /* the SBOM's serial, as its own statements'
				 * bom-refs carry it */
	YM_VEC(ym_component) containers;
	/* per finding */
	ym_arena scratch;
	idx_vec cand;
	anc_vec anc;
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

static const char *dup_opt(ym_arena *a, const char *s)
{
	return s ? ym_arena_strdup(a, s) : NULL;
}

static bool suppresses(ym_vex_status st)
{
	return st == YM_VEX_NOT_AFFECTED || st == YM_VEX_FIXED;
}

static int keep_vex_row(const ym_vex_row *r, void *ctx)
{
	vex_state *v = ctx;
	ym_arena *a = &v->arena;
	ym_vex_status status =
		strcmp(r->status, "not_affected") == 0 ? YM_VEX_NOT_AFFECTED
		: strcmp(r->status, "fixed") == 0      ? YM_VEX_FIXED
		: strcmp(r->status, "affected") == 0   ? YM_VEX_AFFECTED
						       : YM_VEX_UNDER_INVESTIGATION;
	if (!suppresses(status))
		return 0;
	ym_vex_product *p = ym_arena_zalloc(a, sizeof *p);
	p->purl = dup_opt(a, r->purl);
	p->cpe = dup_opt(a, r->cpe);
	p->name = dup_opt(a, r->name);
	p->version = dup_opt(a, r->version);
	p->range = dup_opt(a, r->range);
	p->vendor = dup_opt(a, r->vendor);
	p->bom_serial = dup_opt(a, r->bom_serial);
	p->bom_ref = dup_opt(a, r->bom_ref);
	if (r->sub_purl || r->sub_cpe || r->sub_name) {
		/* about one part inside the product */
		ym_vex_product *sub = ym_arena_zalloc(a, sizeof *sub);
		sub->purl = dup_opt(a, r->sub_purl);
		sub->cpe = dup_opt(a, r->sub_cpe);
		sub->name = dup_opt(a, r->sub_name);
		sub->version = dup_opt(a, r->sub_version);
		sub->range = dup_opt(a, r->sub_range);
		sub->vendor = dup_opt(a, r->sub_vendor);
		p->subcomponents = sub;
		p->n_subcomponents = 1;
		p->relation = dup_opt(a, r->relation);
	}
	ym_vex_statement st = {
		.vuln_id = ym_arena_strdup(a, r->vuln_id),
		.aliases = split_joined(a, r->aliases),
		.status = status,
		.justification_text = dup_opt(a, r->justification),
		.products = p,
		.n_products = 1,
		.file = ym_arena_strdup(a, r->file),
	};
	ym_vec_push(&v->global, st);
	return 0;
}

static char *lower_dup(ym_arena *a, const char *s)
{
	char *o = ym_arena_strdup(a, s);
	for (char *p = o; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return o;
}

static void index_name(vex_state *v, const char *name, size_t i)
{
	const char *key = lower_dup(&v->arena, name);
	bool found;
	void **slot = ym_map_slot(&v->by_vuln, key, strlen(key), &found);
	idx_node *n = ym_arena_zalloc(&v->arena, sizeof *n);
	n->i = i;
	idx_node *x = found ? *slot : NULL;
	if (!x) {
		*slot = n;
		return;
	}
	/* statements in id order: append; a statement naming the same id
	 * twice is listed once */
	for (;; x = x->next) {
		if (x->i == i)
			return;
		if (!x->next)
			break;
	}
	x->next = n;
}

static void index_global(vex_state *v)
{
	for (size_t i = 0; i < v->global.n; i++) {
		const ym_vex_statement *st = &v->global.v[i];
		index_name(v, st->vuln_id, i);
		for (size_t k = 0; st->aliases[k]; k++)
			index_name(v, st->aliases[k], i);
	}
}

static int cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return x < y ? -1 : x > y;
}

/* The global statements naming vid or one of its aliases, in id order,
 * into v->cand. */
static void candidates(vex_state *v, const char *vid,
		       const char *const *aliases)
{
	v->cand.n = 0;
	if (!v->global.n)
		return;
	char key[256];
	for (size_t k = 0; k == 0 || aliases[k - 1]; k++) {
		const char *name = k == 0 ? vid : aliases[k - 1];
		size_t n = strlen(name);
		if (n >= sizeof key)
			continue;
		for (size_t j = 0; j <= n; j++)
			key[j] = (char)(name[j] >= 'A' && name[j] <= 'Z'
						? name[j] - 'A' + 'a'
						: name[j]);
		for (const idx_node *x = ym_map_get(&v->by_vuln, key, n); x;
		     x = x->next)
			ym_vec_push(&v->cand, x->i);
	}
	if (v->cand.n < 2)
		return;
	qsort(v->cand.v, v->cand.n, sizeof *v->cand.v, cmp_size);
	size_t o = 1;
	for (size_t i = 1; i < v->cand.n; i++)
		if (v->cand.v[i] != v->cand.v[o - 1])
			v->cand.v[o++] = v->cand.v[i];
	v->cand.n = o;
}

static bool same_name(const char *a, const char *vid,
		      const char *const *aliases)
{
	if (strcasecmp(a, vid) == 0)
		return true;
	for (size_t k = 0; aliases[k]; k++)
		if (strcasecmp(a, aliases[k]) == 0)
			return true;
	return false;
}

/* Whether a suppressing statement of the asset's SBOM names the
 * vulnerability. */
static bool asset_names(const vex_state *v, const char *vid,
			const char *const *aliases)
{
	for (size_t i = 0; i < v->n_asset_st; i++) {
		const ym_vex_statement *st = &v->asset_st[i];
		if (!suppresses(st->status))
			continue;
		if (same_name(st->vuln_id, vid, aliases))
			return true;
		for (size_t k = 0; st->aliases[k]; k++)
			if (same_name(st->aliases[k], vid, aliases))
				return true;
	}
	return false;
}

/* An SBOM serial as BOM-links carry it: without "urn:uuid:", lower
 * case; "-" for an SBOM without one (its own bom-refs still work). */
static const char *own_serial(ym_arena *a, const char *serial)
{
	if (!serial || !*serial)
		return "-";
	if (strncasecmp(serial, "urn:uuid:", 9) == 0)
		serial += 9;
	return lower_dup(a, serial);
}

/* A product of the SBOM's own statements named by a bom-ref of that
 * SBOM (which the statements alone cannot resolve): a BOM-link into
 * it. */
static void own_refs(ym_vex_product *p, const char *serial)
{
	if (!p->purl && !p->cpe && !p->name && !p->bom_serial && p->id &&
	    strncmp(p->id, "urn:cdx:", 8) != 0) {
		p->bom_serial = serial;
		p->bom_ref = p->id;
	}
	for (size_t i = 0; i < p->n_subcomponents; i++)
		own_refs((ym_vex_product *)&p->subcomponents[i], serial);
}

static int asset_sbom(ym_store *s, vex_state *v, ym_err *err)
{
	if (v->sbom_loaded)
		return 0;
	v->sbom_loaded = true;
	return ym_store_asset_sbom_get(s, v->asset_id, &v->asset_arena,
				       &v->sbom, &v->has_sbom, err);
}

/* The asset's SBOM statements (the vulnerabilities[] its SBOM carried),
 * read when the finding's asset changes; its SBOM and containers are
 * read on first need (asset_context). */
static void asset_statements(ym_store *s, vex_state *v, int64_t id)
{
	if (v->asset_id == id)
		return;
	ym_arena_reset(&v->asset_arena);
	v->asset_id = id;
	v->sbom_loaded = v->ctx_loaded = v->has_sbom = false;
	v->asset_st = NULL;
	v->n_asset_st = 0;
	const char *text;
	if (ym_store_asset_vex(s, id, &v->asset_arena, &text, NULL) || !text ||
	    asset_sbom(s, v, NULL))
		return;
	/* kept as the bare array: give it back its document */
	ym_buf doc_text = YM_BUF_INIT;
	ym_buf_printf(&doc_text,
		      "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\","
		      "\"vulnerabilities\":%s}",
		      text);
	ym_vex_doc doc;
	/* the statements' file is the SBOM's */
	int rc = ym_vex_parse(doc_text.ptr, doc_text.len,
			      v->has_sbom ? v->sbom.source : "SBOM",
			      &v->asset_arena, &doc, NULL);
	ym_buf_release(&doc_text);
	if (rc)
		return;
	v->asset_st = doc.statements;
	v->n_asset_st = doc.n_statements;
}

static int keep_container(const ym_component *c, void *ctx)
{
	vex_state *v = ctx;
	ym_arena *a = &v->asset_arena;
	ym_component k = *c;
	k.bom_ref = dup_opt(a, c->bom_ref);
	k.name = dup_opt(a, c->name);
	k.version = dup_opt(a, c->version);
	k.purl = dup_opt(a, c->purl);
	k.cpe = dup_opt(a, c->cpe);
	k.ecosystem = dup_opt(a, c->ecosystem);
	k.pkg_key = dup_opt(a, c->pkg_key);
	k.type = dup_opt(a, c->type);
	k.supplier = dup_opt(a, c->supplier);
	k.source = dup_opt(a, c->source);
	ym_vec_push(&v->containers, k);
	return 0;
}

/* The asset's SBOM (serial, metadata component) and its operating
 * systems and images, once per asset. */
static int asset_context(ym_store *s, vex_state *v, ym_err *err)
{
	if (v->ctx_loaded)
		return 0;
	v->ctx_loaded = true;
	v->containers.n = 0;
	int rc = asset_sbom(s, v, err);
	if (!rc)
		rc = ym_store_vex_containers(s, v->asset_id, keep_container, v,
					     err);
	if (rc)
		return rc;
	v->own_serial = own_serial(&v->asset_arena,
				   v->has_sbom ? v->sbom.serial : NULL);
	for (size_t i = 0; i < v->n_asset_st; i++)
		for (size_t k = 0; k < v->asset_st[i].n_products; k++)
			own_refs((ym_vex_product *)&v->asset_st[i].products[k],
				 v->own_serial);
	return 0;
}

static bool eq_str(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

/* Distribution packages: what an operating system is made of. */
static bool distro_package(const ym_component *c)
{
	static const char *const types[] = {"deb", "rpm", "apk", "alpm",
					    "ebuild", NULL};
	for (size_t i = 0; c->ecosystem && types[i]; i++)
		if (strcmp(c->ecosystem, types[i]) == 0)
			return true;
	return false;
}

static bool in_anc(const anc_vec *l, int64_t id)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i]->id && l->v[i]->id == id)
			return true;
	return false;
}

#define MAX_NESTING 64

/* The components that contain c, NULL-terminated, into v->anc: its
 * parents (nearest first), the metadata component of the SBOM it came
 * from, the asset's operating systems (for a distribution package) and
 * the one container image its SBOM lists. */
static int ancestors(ym_store *s, vex_state *v, const ym_component *c,
		     ym_err *err)
{
	v->anc.n = 0;
	int64_t pid = c->parent_id;
	for (int depth = 0; pid && depth < MAX_NESTING; depth++) {
		ym_component *p = ym_arena_alloc(&v->scratch, sizeof *p);
		bool found;
		int rc = ym_store_vex_component(s, pid, &v->scratch, p, &found,
						err);
		if (rc)
			return rc;
		if (!found || in_anc(&v->anc, p->id) || p->id == c->id)
			break;
		ym_vec_push(&v->anc, (const ym_component *)p);
		pid = p->parent_id;
	}
	bool from_sbom = v->has_sbom && eq_str(c->source, v->sbom.source);
	if (from_sbom && v->sbom.subject.name)
		ym_vec_push(&v->anc, (const ym_component *)&v->sbom.subject);
	const ym_component *image = NULL;
	size_t images = 0;
	for (size_t i = 0; i < v->containers.n; i++) {
		const ym_component *x = &v->containers.v[i];
		if (x->id == c->id || in_anc(&v->anc, x->id))
			continue;
		if (strcmp(x->type, "operating-system") == 0) {
			if (distro_package(c))
				ym_vec_push(&v->anc, x);
		} else if (eq_str(x->source, c->source) && x->parent_id == 0) {
			image = x;
			images++;
		}
	}
	/* a flat list with two images does not say which holds c */
	if (images == 1)
		ym_vec_push(&v->anc, image);
	ym_vec_push(&v->anc, (const ym_component *)NULL);
	return 0;
}

/* The reason the suppressing statement st gives, hit: how it applies. */
static const char *reason(const ym_vex_statement *st, const ym_vex_hit *hit,
			  const ym_component *c, ym_arena *a)
{
	const char *why = st->justification
				  ? ym_vex_justification_name(st->justification)
				  : st->justification_text;
	/* about the product c is part of: say which */
	const ym_component *in = hit->matched != c ? hit->matched : NULL;
	return ym_arena_printf(
		a, "VEX %s%s%s%s%s%s%s (%s)", ym_vex_status_name(st->status),
		why ? ": " : "", why ? why : "", in ? ", in " : "",
		in && in->name ? in->name : "",
		in && in->name && in->version ? " " : "",
		in && in->name && in->version ? in->version : "",
		st->file ? st->file : "SBOM");
}

/* Sets suppress_reason on the hits a statement applies to. The SBOM's
 * own statements come first, then the others in import order. */
static int apply_vex(ym_store *s, vex_state *v, const comp_vec *comps,
		     ym_finding *hits, size_t n, ym_arena *work,
		     ym_match_stats *stats, ym_err *err)
{
	(void)comps; /* c's place in the SBOM is read from the store */
	for (size_t i = 0; i < n; i++) {
		ym_finding *f = &hits[i];
		asset_statements(s, v, f->asset_id);
		if ((!v->global.n && !v->n_asset_st) || !f->component_id)
			continue;
		const char *vid;
		const char *const *aliases;
		ym_arena_reset(&v->scratch);
		int rc = ym_store_vuln_names(s, f->vuln_rowid, &v->scratch,
					     &vid, &aliases, err);
		if (rc)
			return rc;
		if (!vid)
			continue;
		candidates(v, vid, aliases);
		bool own = asset_names(v, vid, aliases);
		if (!v->cand.n && !own)
			continue;
		ym_component c;
		bool found;
		if ((rc = asset_context(s, v, err)) ||
		    (rc = ym_store_vex_component(s, f->component_id,
						 &v->scratch, &c, &found,
						 err)))
			return rc;
		if (!found)
			continue;
		if ((rc = ancestors(s, v, &c, err)))
			return rc;
		const char *serial =
			v->has_sbom && eq_str(c.source, v->sbom.source)
				? v->own_serial
				: NULL;
		const ym_vex_statement *hit_st = NULL;
		ym_vex_hit hit;
		for (size_t k = 0; own && !hit_st && k < v->n_asset_st; k++) {
			const ym_vex_statement *st = &v->asset_st[k];
			if (suppresses(st->status) &&
			    ym_vex_applies_in(st, vid, aliases, &c, v->anc.v,
					      serial, &hit))
				hit_st = st;
		}
		for (size_t k = 0; !hit_st && k < v->cand.n; k++) {
			const ym_vex_statement *st = &v->global.v[v->cand.v[k]];
			if (ym_vex_applies_in(st, vid, aliases, &c, v->anc.v,
					      serial, &hit))
				hit_st = st;
		}
		if (hit_st) {
			f->suppress_reason = reason(hit_st, &hit, &c, work);
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
	vex_state vx = {.asset_id = -1, .by_vuln = YM_MAP_INIT};
	ym_arena_init(&vx.arena, 0);
	ym_arena_init(&vx.asset_arena, 0);
	ym_arena_init(&vx.scratch, 0);
	int rc = ym_store_vex_each(s, keep_vex_row, &vx, err);
	if (!rc) {
		index_global(&vx);
		rc = apply_vex(s, &vx, comps, hits, n, work, stats, err);
	}
	if (!rc)
		rc = apply_suppressions(s, today, hits, n, work, stats, err);
	ym_vec_release(&vx.global);
	ym_vec_release(&vx.containers);
	ym_vec_release(&vx.cand);
	ym_vec_release(&vx.anc);
	ym_map_release(&vx.by_vuln);
	ym_arena_release(&vx.scratch);
	ym_arena_release(&vx.asset_arena);
	ym_arena_release(&vx.arena);
	return rc;
}
