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
	};
	/* the distribution and release of an OS package, from its purl
	 * (pkg:deb/debian/openssl@...?distro=debian-12) */
	ym_purl p;
	if (c->purl && ym_purl_parse(c->purl, cc->a, &p, NULL) == 0) {
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
