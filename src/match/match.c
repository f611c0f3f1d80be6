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
#include "version/version.h"

/* One affected range of one vulnerability, ready to evaluate. */
typedef struct range_entry {
	int64_t vuln_rowid;
	const char *vuln_id;
	const char *ecosystem;  /* as the source wrote it, e.g. "PyPI" */
	const char *package;
	const char *range_type; /* ECOSYSTEM | SEMVER | VERSIONS */
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
	};
	ym_vec_push(cc->out, x);
	return 0;
}

/* Does the entry affect this version? On yes, writes the evidence. */
static int evaluate(const range_entry *e, const comp *c, bool *hit,
		    ym_buf *evidence)
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
	ym_jsonw_kstr(&w, "matched_by", "purl");
	ym_jsonw_kstr(&w, "component_purl", c->purl);
	ym_jsonw_kstr(&w, "component_version", c->version);
	ym_jsonw_obj_end(&w);
	return 0;
}

int ym_match_run(ym_store *s, int64_t asset_id, ym_match_stats *stats,
		 ym_err *err)
{
	index_t ix;
	ym_arena work;
	comp_vec comps = YM_VEC_INIT;
	YM_VEC(ym_finding) hits = YM_VEC_INIT;
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
		if (!c->ecosystem || !c->pkg_key || !c->version)
			continue;
		ym_scheme scheme = ym_scheme_for_purl_type(c->ecosystem);
		if (ym_version_check(scheme, c->version, NULL)) {
			stats->bad_versions++;
			continue;
		}
		stats->matchable++;
		ym_buf_reset(&key);
		ym_buf_adds(&key, c->ecosystem);
		ym_buf_addc(&key, '\0');
		ym_buf_adds(&key, c->pkg_key);
		const range_entry *e = ym_map_get(&ix.by_pkg, key.ptr, key.len);
		/* one finding per vulnerability even when several of its
		 * ranges hold the version */
		seen.n = 0;
		for (; e && !rc; e = e->next) {
			bool dup = false;
			for (size_t k = 0; k < seen.n && !dup; k++)
				dup = seen.v[k] == e->vuln_rowid;
			if (dup)
				continue;
			bool hit;
			if (evaluate(e, c, &hit, &evidence)) {
				/* a range whose versions the scheme cannot
				 * read (kept at import with a warning) */
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
				.confidence = "high",
				.evidence = ym_arena_strndup(
					&work, evidence.ptr, evidence.len),
			};
			ym_vec_push(&hits, f);
		}
	}
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
	ym_arena_release(&work);
	return rc;
}
