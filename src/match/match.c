/* match.c - index the affected ranges, evaluate components, record
 * findings with evidence. */
#include "match/match.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/i18n.h"
#include "core/json.h"
#include "core/map.h"
#include "core/progress.h"
#include "core/vec.h"
#include "core/xalloc.h"
#include "ids/purl.h"
#include "match/cpe_eval.h"
#include "match/vex.h"
#include "version/version.h"

/* One affected range of one vulnerability, ready to evaluate. */
typedef struct range_entry {
	int64_t vuln_rowid;
	const char *vuln_id;
	const char *ecosystem;  /* as the source wrote it, e.g. "PyPI" */
	const char *package;
	const char *range_type; /* ECOSYSTEM | SEMVER | VERSIONS */
	const char *distro;     /* purl namespaces of a distribution family
				 * ("debian"), NULL for language ecosystems */
	const char *release;    /* "12", "3.19", "22.04"; NULL: any */
	ym_scheme scheme;
	ym_osv_event *events;
	size_t n_events;
	const char **versions;  /* VERSIONS: explicit list */
	size_t n_versions;
	struct range_entry *next; /* same package */
} range_entry;

typedef struct index {
	ym_arena arena;
	ym_map by_pkg; /* "type\0key" -> range_entry list */
	int64_t ranges;
} index_t;

typedef struct build_ctx {
	index_t *ix;
	ym_err *err;
} build_ctx;

static const char *event_key_names[] = {"introduced", "fixed",
					"last_affected", "limit"};

static int parse_events(ym_arena *a, const char *json, range_entry *e,
			ym_err *err)
{
	const ym_json *arr = ym_json_parse(a, json, strlen(json), NULL,
					   "(store)", err);
	if (!arr || arr->type != YM_JSON_ARRAY)
		return YM_E_STORE;
	e->events = ym_arena_alloc(a, (arr->u.arr.n + 1) * sizeof *e->events);
	for (size_t i = 0; i < arr->u.arr.n; i++) {
		const ym_json *o = arr->u.arr.items[i];
		if (o->type != YM_JSON_OBJECT || o->u.obj.n != 1)
			continue;
		for (int k = 0; k < 4; k++) {
			if (strcmp(o->u.obj.m[0].key, event_key_names[k]) == 0) {
				ym_osv_event *ev = &e->events[e->n_events++];
				ev->kind = (ym_osv_event_kind)k;
				ev->version = o->u.obj.m[0].val->u.str.s;
			}
		}
	}
	return 0;
}

static int parse_versions(ym_arena *a, const char *json, range_entry *e,
			  ym_err *err)
{
	const ym_json *arr = ym_json_parse(a, json, strlen(json), NULL,
					   "(store)", err);
	if (!arr || arr->type != YM_JSON_ARRAY)
		return YM_E_STORE;
	e->versions = ym_arena_alloc(a, (arr->u.arr.n + 1) * sizeof(char *));
	for (size_t i = 0; i < arr->u.arr.n; i++)
		if (arr->u.arr.items[i]->type == YM_JSON_STRING)
			e->versions[e->n_versions++] =
				arr->u.arr.items[i]->u.str.s;
	return 0;
}

/* Distribution families of OSV ecosystems and the purl namespaces their
 * packages carry: an advisory of one distribution never applies to the
 * packages of another (Debian and Ubuntu share the deb type). */
static const struct {
	const char *family;
	const char *namespaces; /* space-separated */
} DISTROS[] = {
	{"Debian", "debian"},
	{"Ubuntu", "ubuntu"},
	{"Alpine", "alpine"},
	{"Red Hat", "redhat rhel"},
	{"Rocky Linux", "rocky rockylinux"},
	{"AlmaLinux", "almalinux alma"},
	{"SUSE", "suse sles"},
	{"openSUSE", "opensuse"},
	{"Photon OS", "photon"},
	{"Mageia", "mageia"},
	{"Wolfi", "wolfi"},
	{"Chainguard", "chainguard"},
};

static const char *distro_of(const char *family)
{
	for (size_t i = 0; i < sizeof DISTROS / sizeof *DISTROS; i++)
		if (strcmp(DISTROS[i].family, family) == 0)
			return DISTROS[i].namespaces;
	return NULL;
}

/* The release an OSV distribution ecosystem names: "Debian:12" -> "12",
 * "Alpine:v3.19" -> "3.19", "Ubuntu:22.04:LTS" -> "22.04", "Red Hat:
 * enterprise_linux:9::appstream" -> "9" (the first part with a digit).
 * NULL when none. */
static const char *release_of(ym_arena *a, const char *ecosystem)
{
	const char *p = strchr(ecosystem, ':');
	while (p) {
		p++;
		const char *end = strchr(p, ':');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		if (n && p[0] == 'v' && n > 1 && p[1] >= '0' && p[1] <= '9') {
			p++;
			n--;
		}
		if (n && p[0] >= '0' && p[0] <= '9')
			return ym_arena_strndup(a, p, n);
		p = end;
	}
	return NULL;
}

static bool word_in(const char *words, const char *w)
{
	size_t n = strlen(w);
	for (const char *p = words; *p;) {
		const char *e = strchr(p, ' ');
		size_t k = e ? (size_t)(e - p) : strlen(p);
		if (k == n && strncmp(p, w, n) == 0)
			return true;
		p = e ? e + 1 : p + k;
	}
	return false;
}

static int add_range(int64_t vuln_rowid, const char *vuln_id,
		     const ym_affected_range *r, void *vctx)
{
	build_ctx *bc = vctx;
	index_t *ix = bc->ix;
	char family[64];
	snprintf(family, sizeof family, "%s", r->ecosystem);
	char *colon = strchr(family, ':');
	if (colon)
		*colon = '\0';
	const char *type = ym_purl_type_for_ecosystem(family);
	if (!type || strcmp(r->range_type, "GIT") == 0)
		return 0; /* no package identity to match, or commits */
	range_entry *e = ym_arena_zalloc(&ix->arena, sizeof *e);
	e->vuln_rowid = vuln_rowid;
	e->vuln_id = ym_arena_strdup(&ix->arena, vuln_id);
	e->ecosystem = ym_arena_strdup(&ix->arena, r->ecosystem);
	e->package = ym_arena_strdup(&ix->arena, r->package);
	e->range_type = ym_arena_strdup(&ix->arena, r->range_type);
	e->distro = distro_of(family);
	e->release = e->distro ? release_of(&ix->arena, r->ecosystem) : NULL;
	e->scheme = strcmp(r->range_type, "SEMVER") == 0
			    ? YM_SCHEME_SEMVER
			    : ym_scheme_for_ecosystem(family);
	int rc = r->versions ? parse_versions(&ix->arena, r->versions, e,
					      bc->err)
			     : parse_events(&ix->arena, r->events ? r->events
								 : "[]",
					    e, bc->err);
	if (rc)
		return rc;
	size_t tl = strlen(type), kl = strlen(r->package);
	char *key = ym_arena_alloc(&ix->arena, tl + kl + 1);
	memcpy(key, type, tl);
	key[tl] = '\0';
	memcpy(key + tl + 1, r->package, kl);
	bool found;
	void **slot = ym_map_slot(&ix->by_pkg, key, tl + 1 + kl, &found);
	e->next = found ? *slot : NULL;
	*slot = e;
	ix->ranges++;
	return 0;
}

/* A component to evaluate, copied out of the store cursor. */
typedef struct comp {
	int64_t id, asset_id;
	const char *name, *version, *purl, *ecosystem, *pkg_key;
	const char *source_pkg; /* distribution source package, or NULL */
	const char *cpe, *type;
	const char *namespace_; /* the purl's namespace ("debian"), or NULL */
	const char *release;    /* from the purl's distro qualifier, or NULL */
} comp;
typedef YM_VEC(comp) comp_vec;

typedef struct collect_ctx {
	ym_arena *a;
	comp_vec *out;
} collect_ctx;

static const char *dup_or_null(ym_arena *a, const char *s)
{
	return s ? ym_arena_strdup(a, s) : NULL;
}

static int collect_component(const ym_component *c, void *vctx)
{
	collect_ctx *cc = vctx;
	comp x = {
		.id = c->id,
		.asset_id = c->asset_id,
		.name = dup_or_null(cc->a, c->name),
		.version = dup_or_null(cc->a, c->version),
		.purl = dup_or_null(cc->a, c->purl),
		.ecosystem = dup_or_null(cc->a, c->ecosystem),
		.pkg_key = dup_or_null(cc->a, c->pkg_key),
		.source_pkg = dup_or_null(cc->a, c->source_pkg),
		.cpe = dup_or_null(cc->a, c->cpe),
		.type = dup_or_null(cc->a, c->type),
	};
	/* the distribution and release of an OS package, from its purl
	 * (pkg:deb/debian/openssl@...?distro=debian-12) */
	/* only OS packages need it: parsing every purl would slow the
	 * collection of a million components for nothing */
	static const char *const os_types[] = {"deb", "rpm", "apk", "alpm",
					       NULL};
	bool os_pkg = false;
	for (int i = 0; c->ecosystem && os_types[i]; i++)
		os_pkg = os_pkg || strcmp(c->ecosystem, os_types[i]) == 0;
	ym_purl p;
	if (os_pkg && c->purl && ym_purl_parse(c->purl, cc->a, &p, NULL) == 0) {
		x.namespace_ = p.namespace_;
		for (size_t i = 0; i < p.n_qualifiers; i++) {
			if (strcmp(p.qualifiers[i].key, "distro") != 0)
				continue;
			const char *v = p.qualifiers[i].value;
			const char *dash = strrchr(v, '-');
			const char *rel = dash ? dash + 1 : v;
			if (*rel == 'v')
				rel++;
			if (*rel >= '0' && *rel <= '9')
				x.release = rel;
		}
	}
	ym_vec_push(cc->out, x);
	return 0;
}

/* Does a distribution's range concern this package? Another family: no.
 * The same family and release (12 = 12, 3.19 = 3.19, 12 ~ 12.5): yes. A
 * package whose release is unknown is matched, with lower confidence:
 * "release_unknown". */
typedef enum { DISTRO_NA, DISTRO_SAME, DISTRO_UNKNOWN, DISTRO_OTHER } distro_fit;

static distro_fit fit_distro(const range_entry *e, const comp *c)
{
	if (!e->distro)
		return DISTRO_NA;
	if (c->namespace_ && !word_in(e->distro, c->namespace_))
		return DISTRO_OTHER;
	if (!e->release)
		return c->namespace_ ? DISTRO_SAME : DISTRO_UNKNOWN;
	if (!c->release || !c->namespace_)
		return DISTRO_UNKNOWN;
	size_t n = strlen(e->release);
	if (strncmp(c->release, e->release, n) == 0 &&
	    (c->release[n] == '\0' || c->release[n] == '.'))
		return DISTRO_SAME;
	return DISTRO_OTHER;
}

/* Does the entry affect this version? On yes, writes the evidence. */
static int evaluate(const range_entry *e, const comp *c, bool by_source,
		    distro_fit fit, bool *hit, ym_buf *evidence)
{
	*hit = false;
	ym_osv_hit h = {0};
	if (e->versions) {
		for (size_t i = 0; i < e->n_versions && !*hit; i++) {
			int r;
			if (strcmp(e->versions[i], c->version) == 0)
				*hit = true;
			else if (ym_version_cmp(e->scheme, e->versions[i],
						c->version, &r, NULL) == 0 &&
				 r == 0)
				*hit = true;
		}
	} else {
		int rc = ym_osv_events_affect(e->scheme, e->events,
					      e->n_events, c->version, hit, &h,
					      NULL);
		if (rc)
			return rc;
	}
	if (!*hit)
		return 0;
	ym_jsonw w;
	ym_buf_reset(evidence);
	ym_jsonw_init(&w, evidence, false);
	ym_jsonw_obj_begin(&w);
	ym_jsonw_kstr(&w, "source", "osv");
	ym_jsonw_kstr(&w, "record", e->vuln_id);
	ym_jsonw_kstr(&w, "ecosystem", e->ecosystem);
	ym_jsonw_kstr(&w, "package", e->package);
	ym_jsonw_kstr(&w, "range_type", e->range_type);
	if (e->versions) {
		ym_jsonw_kstr(&w, "listed_version", c->version);
	} else {
		ym_jsonw_kstr(&w, "introduced",
			      h.introduced ? h.introduced->version : "0");
		if (h.closing)
			ym_jsonw_kstr(&w, event_key_names[h.closing->kind],
				      h.closing->version);
	}
	ym_jsonw_kstr(&w, "scheme", ym_scheme_name(e->scheme));
	ym_jsonw_kstr(&w, "matched_by", by_source ? "source_package" : "purl");
	if (fit == DISTRO_SAME && c->release)
		ym_jsonw_kstr(&w, "release", c->release);
	if (fit == DISTRO_UNKNOWN)
		ym_jsonw_kbool(&w, "release_checked", false);
	ym_jsonw_kstr(&w, "component_purl", c->purl);
	ym_jsonw_kstr(&w, "component_version", c->version);
	ym_jsonw_obj_end(&w);
	return 0;
}

/* ---- CPE matching (components known by CPE only: docs/matching.md) ----
 *
 * Source records are found through their vulnerable criteria's
 * vendor:product, their configurations built once per run and kept. */

typedef struct cpe_cand {
	ym_cpe_source src;
	ym_cpe_config cfg;
	bool ok; /* the rows built (a malformed record is left out) */
} cpe_cand;

typedef struct cpe_list {
	cpe_cand *v;
	size_t n;
} cpe_list;

typedef struct cpe_index {
	ym_arena arena;
	ym_map by_product; /* "vendor:product" -> cpe_list */
} cpe_index;

/* The n-th ':'-separated part of a CPE 2.3 formatted string, escapes
 * kept, as the store indexes vendor and product. */
static const char *fs_part(ym_arena *a, const char *fs, int n)
{
	if (!fs || strncmp(fs, "cpe:2.3:", 8) != 0)
		return NULL;
	int field = 0;
	const char *start = fs + 8;
	for (const char *p = fs + 8;; p++) {
		if (*p == '\\' && p[1]) {
			p++;
			continue;
		}
		if (*p == ':' || !*p) {
			if (field == n)
				return ym_arena_strndup(a, start,
							(size_t)(p - start));
			if (!*p)
				return NULL;
			field++;
			start = p + 1;
		}
	}
}

typedef YM_VEC(ym_cpe_source) source_vec;

static int keep_source_row(const ym_cpe_source *c, void *ctx)
{
	void **x = ctx;
	source_vec *v = x[0];
	ym_arena *a = x[1];
	ym_cpe_source k = *c;
	k.source = ym_arena_strdup(a, c->source);
	k.record_id = ym_arena_strdup(a, c->record_id);
	ym_vec_push(v, k);
	return 0;
}

/* The candidates for vendor:product, loaded and built on first use. */
static int cpe_candidates(ym_store *s, cpe_index *ix, const char *vendor,
			  const char *product, const cpe_list **out,
			  ym_err *err)
{
	ym_buf key = YM_BUF_INIT;
	ym_buf_printf(&key, "%s:%s", vendor, product);
	bool found;
	char *k = ym_arena_strndup(&ix->arena, key.ptr, key.len);
	void **slot = ym_map_slot(&ix->by_product, k, key.len, &found);
	ym_buf_release(&key);
	if (found) {
		*out = *slot;
		return 0;
	}
	source_vec srcs = YM_VEC_INIT;
	void *ctx[2] = {&srcs, &ix->arena};
	int rc = ym_store_cpe_sources(s, vendor, product, keep_source_row, ctx,
				      err);
	cpe_list *l = ym_arena_zalloc(&ix->arena, sizeof *l);
	l->v = ym_arena_zalloc(&ix->arena, (srcs.n + 1) * sizeof *l->v);
	for (size_t i = 0; !rc && i < srcs.n; i++) {
		ym_cpe_criterion *rows;
		size_t n;
		cpe_cand *c = &l->v[l->n++];
		c->src = srcs.v[i];
		rc = ym_store_cpe_rows(s, c->src.source_id, &ix->arena, &rows,
				       &n, err);
		if (!rc)
			c->ok = ym_cpe_config_build(rows, n, &ix->arena,
						    &c->cfg, NULL) == 0;
	}
	ym_vec_release(&srcs);
	*slot = l;
	*out = l;
	return rc;
}

/* The asset's platforms: its operating-system (and hardware) components
 * known by CPE. */
static size_t asset_platforms(const comp *all, size_t n, int64_t asset_id,
			      ym_arena *a, ym_cpe_subject **out,
			      int64_t **ids)
{
	size_t k = 0;
	*out = ym_arena_alloc(a, (n + 1) * sizeof **out);
	*ids = ym_arena_alloc(a, (n + 1) * sizeof **ids);
	for (size_t i = 0; i < n; i++) {
		const comp *c = &all[i];
		if (c->asset_id != asset_id || !c->cpe)
			continue;
		bool os = (c->type && (strcmp(c->type, "operating-system") == 0 ||
				       strcmp(c->type, "device") == 0 ||
				       strcmp(c->type, "firmware") == 0)) ||
			  strncmp(c->cpe, "cpe:2.3:o:", 10) == 0 ||
			  strncmp(c->cpe, "cpe:2.3:h:", 10) == 0;
		if (os && ym_cpe_subject_from_cpe(&(*out)[k], c->cpe, c->version,
						  a, NULL) == 0)
			(*ids)[k++] = c->id;
	}
	return k;
}

typedef YM_VEC(ym_finding) finding_vec;

/* Evaluates one CPE-identified component against every record naming its
 * vendor:product; one finding per vulnerability. */
static int match_cpe(ym_store *s, cpe_index *cix, const comp *c,
		     ym_cpe_subject *all_plats, const int64_t *plat_ids,
		     size_t n_all, ym_arena *work,
		     finding_vec *hits, ym_buf *evidence,
		     ym_match_stats *stats, ym_err *err)
{
	const char *vendor = fs_part(work, c->cpe, 1);
	const char *product = fs_part(work, c->cpe, 2);
	if (!vendor || !product || strcmp(vendor, "*") == 0 ||
	    strcmp(product, "*") == 0)
		return 0;
	ym_cpe_subject subj;
	if (ym_cpe_subject_from_cpe(&subj, c->cpe, c->version, work, NULL))
		return 0;
	stats->matchable++;
	/* the component is not its own platform (a firmware on a device) */
	ym_cpe_subject *plats = ym_arena_alloc(work, (n_all + 1) *
							    sizeof *plats);
	size_t n_plats = 0;
	for (size_t i = 0; i < n_all; i++)
		if (plat_ids[i] != c->id)
			plats[n_plats++] = all_plats[i];
	const cpe_list *l;
	int rc = cpe_candidates(s, cix, vendor, product, &l, err);
	if (rc)
		return rc;
	size_t first = hits->n;
	for (size_t i = 0; i < l->n; i++) {
		const cpe_cand *cand = &l->v[i];
		if (!cand->ok)
			continue;
		bool dup = false;
		for (size_t k = first; k < hits->n && !dup; k++)
			dup = hits->v[k].vuln_rowid == cand->src.vuln_rowid;
		if (dup)
			continue;
		ym_cpe_eval_result r;
		if (!ym_cpe_eval(&cand->cfg, &subj, plats, n_plats, &r))
			continue;
		ym_jsonw w;
		ym_buf_reset(evidence);
		ym_jsonw_init(&w, evidence, false);
		ym_jsonw_obj_begin(&w);
		ym_jsonw_kstr(&w, "source", cand->src.source);
		ym_jsonw_kstr(&w, "record", cand->src.record_id);
		ym_jsonw_kstr(&w, "matched_by", "cpe");
		ym_jsonw_kstr(&w, "component_cpe", c->cpe);
		ym_jsonw_kstr(&w, "component_version", c->version);
		ym_jsonw_key(&w, "cpe_match");
		ym_cpe_eval_evidence(&r, &subj, plats, &w);
		ym_jsonw_obj_end(&w);
		ym_finding f = {
			.asset_id = c->asset_id,
			.component_id = c->id,
			.vuln_rowid = cand->src.vuln_rowid,
			.component_key = ym_arena_printf(work, "cpe/%s:%s",
							 vendor, product),
			.component_name = c->name,
			.component_version = c->version,
			.component_purl = c->purl,
			.confidence = ym_cpe_confidence_name(r.confidence),
			.evidence = ym_arena_strndup(work, evidence->ptr,
						     evidence->len),
		};
		ym_vec_push(hits, f);
	}
	return 0;
}

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

static int cmp_comp(const void *key, const void *elem)
{
	const comp *k = key, *e = elem;
	if (k->asset_id != e->asset_id)
		return k->asset_id < e->asset_id ? -1 : 1;
	return k->id < e->id ? -1 : k->id > e->id;
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
					sizeof *comps->v, cmp_comp);
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

int ym_match_run(ym_store *s, int64_t asset_id, ym_match_stats *stats,
		 ym_err *err)
{
	index_t ix;
	ym_arena work;
	comp_vec comps = YM_VEC_INIT;
	finding_vec hits = YM_VEC_INIT;
	YM_VEC(int64_t) seen = YM_VEC_INIT;
	bool *handled = NULL;
	ym_buf evidence = YM_BUF_INIT, key = YM_BUF_INIT;
	ym_progress prog;
	ym_scan scan;
	int rc;
	memset(stats, 0, sizeof *stats);
	ym_arena_init(&ix.arena, 1 << 20);
	ym_map_init(&ix.by_pkg);
	ix.ranges = 0;
	ym_arena_init(&work, 1 << 20);
	cpe_index cix;
	ym_arena_init(&cix.arena, 1 << 20);
	ym_map_init(&cix.by_product);
	int64_t plat_asset = -1;
	ym_cpe_subject *plats = NULL;
	int64_t *plat_ids = NULL;
	size_t n_plats = 0;

	build_ctx bc = {.ix = &ix, .err = err};
	rc = ym_store_ranges_each(s, add_range, &bc, err);
	if (rc)
		goto out;
	stats->ranges = ix.ranges;
	collect_ctx cc = {.a = &work, .out = &comps};
	rc = ym_store_components_each(s, &ym_scope_all, asset_id,
				      collect_component, &cc, err);
	if (rc)
		goto out;

	rc = ym_store_begin(s, err);
	if (rc)
		goto out;
	rc = ym_store_scan_begin(s, asset_id, &scan, err);
	ym_progress_start(&prog, _("matching components"), comps.n);
	for (size_t i = 0; i < comps.n && !rc; i++) {
		const comp *c = &comps.v[i];
		stats->components++;
		ym_progress_update(&prog, i + 1);
		/* known by CPE only: NVD, JVN and CVE 5 criteria decide */
		if (!c->ecosystem && c->cpe) {
			if (c->asset_id != plat_asset) {
				plat_asset = c->asset_id;
				n_plats = asset_platforms(comps.v, comps.n,
							  c->asset_id, &work,
							  &plats, &plat_ids);
			}
			rc = match_cpe(s, &cix, c, plats, plat_ids, n_plats,
				       &work, &hits, &evidence, stats, err);
			continue;
		}
		if (!c->ecosystem || !c->pkg_key || !c->version)
			continue;
		ym_scheme scheme = ym_scheme_for_purl_type(c->ecosystem);
		if (ym_version_check(scheme, c->version, NULL)) {
			stats->bad_versions++;
			continue;
		}
		stats->matchable++;
		/* one finding per vulnerability even when several of its
		 * ranges hold the version */
		seen.n = 0;
		for (int pass = 0; pass < 2 && !rc; pass++) {
			/* pass 1: the distribution's source package, which
			 * Debian, Ubuntu and Alpine advisories name */
			const char *name = pass ? c->source_pkg : c->pkg_key;
			if (!name || (pass && c->pkg_key &&
				      strcmp(name, c->pkg_key) == 0))
				continue;
			ym_buf_reset(&key);
			ym_buf_adds(&key, c->ecosystem);
			ym_buf_addc(&key, '\0');
			ym_buf_adds(&key, name);
			const range_entry *e =
				ym_map_get(&ix.by_pkg, key.ptr, key.len);
			for (; e && !rc; e = e->next) {
				bool dup = false;
				for (size_t k = 0; k < seen.n && !dup; k++)
					dup = seen.v[k] == e->vuln_rowid;
				if (dup)
					continue;
				distro_fit fit = fit_distro(e, c);
				/* a source package name only means something
				 * to its own distribution's advisories */
				if (fit == DISTRO_OTHER ||
				    (pass && fit == DISTRO_NA))
					continue;
				bool hit;
				if (evaluate(e, c, pass == 1, fit, &hit,
					     &evidence)) {
					/* a range whose versions the scheme
					 * cannot read (kept at import with a
					 * warning) */
					stats->unreadable_ranges++;
					continue;
				}
				if (!hit)
					continue;
				ym_vec_push(&seen, e->vuln_rowid);
				ym_finding f = {
					.asset_id = c->asset_id,
					.component_id = c->id,
					.vuln_rowid = e->vuln_rowid,
					.component_key = ym_arena_printf(
						&work, "%s/%s", c->ecosystem,
						c->pkg_key),
					.component_name = c->name,
					.component_version = c->version,
					.component_purl = c->purl,
					.confidence = fit == DISTRO_UNKNOWN
							      ? "medium"
							      : "high",
					.evidence = ym_arena_strndup(
						&work, evidence.ptr,
						evidence.len),
				};
				ym_vec_push(&hits, f);
			}
		}
	}
	vex_state vx = {.asset_id = -1};
	ym_arena_init(&vx.arena, 0);
	if (!rc)
		rc = ym_store_vex_each(s, keep_vex_row, &vx, err);
	if (!rc)
		rc = apply_vex(s, &vx, &comps, hits.v, hits.n, &work, stats,
			       err);
	char today[11];
	snprintf(today, sizeof today, "%.10s", scan.now);
	if (!rc)
		rc = apply_suppressions(s, today, hits.v, hits.n, &work, stats,
					err);
	ym_vec_release(&vx.global);
	ym_arena_release(&vx.arena);
	/* exact sightings first, then carry-overs and new findings */
	handled = ym_xcalloc(hits.n ? hits.n : 1, sizeof *handled);
	for (int pass = 0; pass < 2 && !rc; pass++) {
		for (size_t i = 0; i < hits.n && !rc; i++) {
			ym_sighting r;
			if (pass == 1 && handled[i])
				continue;
			rc = ym_store_finding_seen(s, &hits.v[i], &scan, pass == 0,
						   &r, err);
			if (pass == 0)
				handled[i] = r != YM_SIGHT_NONE;
			stats->new_findings += r == YM_SIGHT_NEW;
		}
	}
	stats->findings = (int64_t)hits.n;
	ym_progress_end(&prog);
	if (!rc)
		rc = ym_store_findings_resolve_unseen(s, asset_id, &scan,
						      &stats->resolved, err);
	if (rc)
		ym_store_rollback(s);
	else
		rc = ym_store_commit(s, err);
out:
	ym_vec_release(&comps);
	ym_vec_release(&hits);
	ym_vec_release(&seen);
	free(handled);
	ym_buf_release(&evidence);
	ym_buf_release(&key);
	ym_map_release(&ix.by_pkg);
	ym_arena_release(&ix.arena);
	ym_map_release(&cix.by_product);
	ym_arena_release(&cix.arena);
	ym_arena_release(&work);
	return rc;
}
