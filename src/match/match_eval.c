/* match_eval.c - one component against the index: ecosystem and
 * distribution ranges for components with a package identity, CPE
 * configurations for those known by CPE only (docs/matching.md). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/json.h"
#include "ids/purl.h"
#include "match/match_int.h"

static const char *dup_or_null(ym_arena *a, const char *s)
{
	return s ? ym_arena_strdup(a, s) : NULL;
}

void me_comp_from(const ym_component *c, ym_arena *a, comp *x)
{
	*x = (comp){
		.id = c->id,
		.asset_id = c->asset_id,
		.name = dup_or_null(a, c->name),
		.version = dup_or_null(a, c->version),
		.purl = dup_or_null(a, c->purl),
		.ecosystem = dup_or_null(a, c->ecosystem),
		.pkg_key = dup_or_null(a, c->pkg_key),
		.source_pkg = dup_or_null(a, c->source_pkg),
		.cpe = dup_or_null(a, c->cpe),
		.type = dup_or_null(a, c->type),
		.supplier = dup_or_null(a, c->supplier),
		.name_key = dup_or_null(a, c->name_key),
		.name_key2 = dup_or_null(a, c->name_key2),
	};
	/* the distribution and release of an OS package, from its purl
	 * (pkg:deb/debian/openssl@...?distro=debian-12); only OS packages
	 * need it, and parsing a million purls would cost for nothing */
	static const char *const os_types[] = {"deb", "rpm", "apk", "alpm",
					       NULL};
	bool os_pkg = false;
	for (int i = 0; c->ecosystem && os_types[i]; i++)
		os_pkg = os_pkg || strcmp(c->ecosystem, os_types[i]) == 0;
	ym_purl p;
	if (!os_pkg || !c->purl || ym_purl_parse(c->purl, a, &p, NULL) != 0)
		return;
	x->namespace_ = p.namespace_;
	for (size_t i = 0; i < p.n_qualifiers; i++) {
		if (strcmp(p.qualifiers[i].key, "distro") != 0)
			continue;
		const char *v = p.qualifiers[i].value;
		const char *dash = strrchr(v, '-');
		const char *rel = dash ? dash + 1 : v;
		if (*rel == 'v')
			rel++;
		if (*rel >= '0' && *rel <= '9')
			x->release = rel;
	}
}

int me_comp_cmp(const void *a, const void *b)
{
	const comp *k = a, *e = b;
	if (k->asset_id != e->asset_id)
		return k->asset_id < e->asset_id ? -1 : 1;
	return k->id < e->id ? -1 : k->id > e->id;
}

void me_platforms(const comp *all, size_t n, int64_t asset_id, ym_arena *a,
		  platforms *out)
{
	out->asset_id = asset_id;
	out->n = 0;
	out->sig = "";
	out->subj = ym_arena_alloc(a, (n + 1) * sizeof *out->subj);
	out->ids = ym_arena_alloc(a, (n + 1) * sizeof *out->ids);
	for (size_t i = 0; i < n; i++) {
		const comp *c = &all[i];
		if (c->asset_id != asset_id || !c->cpe)
			continue;
		bool os = (c->type && (strcmp(c->type, "operating-system") == 0 ||
				       strcmp(c->type, "device") == 0 ||
				       strcmp(c->type, "firmware") == 0)) ||
			  strncmp(c->cpe, "cpe:2.3:o:", 10) == 0 ||
			  strncmp(c->cpe, "cpe:2.3:h:", 10) == 0;
		if (os && ym_cpe_subject_from_cpe(&out->subj[out->n], c->cpe,
						  c->version, a, NULL) == 0) {
			out->sig = ym_arena_printf(a, "%s%s\x02%s\x02", out->sig,
						   c->cpe,
						   c->version ? c->version : "");
			out->ids[out->n++] = c->id;
		}
	}
}

void me_ctx_init(eval_ctx *ec)
{
	memset(ec, 0, sizeof *ec);
	ym_arena_init(&ec->work, 1 << 20);
	ec->evidence = (ym_buf)YM_BUF_INIT;
	ec->key = (ym_buf)YM_BUF_INIT;
	ec->memo_key = (ym_buf)YM_BUF_INIT;
	ym_map_init(&ec->memo);
}

void me_ctx_release(eval_ctx *ec)
{
	ym_arena_release(&ec->work);
	ym_buf_release(&ec->evidence);
	ym_buf_release(&ec->key);
	ym_buf_release(&ec->memo_key);
	ym_map_release(&ec->memo);
	ym_vec_release(&ec->seen);
	ym_vec_release(&ec->hits);
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

static const char *const event_names[] = {"introduced", "fixed",
					  "last_affected", "limit"};

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
	ym_jsonw_kstr(&w, "source", e->source);
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
			ym_jsonw_kstr(&w, event_names[h.closing->kind],
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

static bool seen_before(const eval_ctx *ec, int64_t vuln_rowid)
{
	for (size_t k = 0; k < ec->seen.n; k++)
		if (ec->seen.v[k] == vuln_rowid)
			return true;
	return false;
}

/* Components with a package identity: the ranges of their package (and
 * of the distribution source package it was built from). */
static int match_package(match_index *ix, const comp *c, eval_ctx *ec)
{
	ym_scheme scheme = ym_scheme_for_purl_type(c->ecosystem);
	if (ym_version_check(scheme, c->version, NULL)) {
		ec->stats.bad_versions++;
		return 0;
	}
	ec->stats.matchable++;
	for (int pass = 0; pass < 2; pass++) {
		/* pass 1: the distribution's source package, which Debian,
		 * Ubuntu and Alpine advisories name */
		const char *name = pass ? c->source_pkg : c->pkg_key;
		if (!name || (pass && strcmp(name, c->pkg_key) == 0))
			continue;
		for (const range_entry *e = mi_ranges(ix, c->ecosystem, name,
						      &ec->key);
		     e; e = e->next) {
			if (seen_before(ec, e->vuln_rowid))
				continue;
			distro_fit fit = fit_distro(e, c);
			/* a source package name only means something to its
			 * own distribution's advisories */
			if (fit == DISTRO_OTHER || (pass && fit == DISTRO_NA))
				continue;
			bool hit;
			if (evaluate(e, c, pass == 1, fit, &hit,
				     &ec->evidence)) {
				/* a range whose versions the scheme cannot
				 * read (kept at import with a warning) */
				ec->stats.unreadable_ranges++;
				continue;
			}
			if (!hit)
				continue;
			ym_vec_push(&ec->seen, e->vuln_rowid);
			ym_finding f = {
				.asset_id = c->asset_id,
				.component_id = c->id,
				.vuln_rowid = e->vuln_rowid,
				.component_key = ym_arena_printf(
					&ec->work, "%s/%s", c->ecosystem,
					c->pkg_key),
				.component_name = c->name,
				.component_version = c->version,
				.component_purl = c->purl,
				.confidence = fit == DISTRO_UNKNOWN ? "medium"
								    : "high",
				.evidence = ym_arena_strndup(&ec->work,
							     ec->evidence.ptr,
							     ec->evidence.len),
			};
			ym_vec_push(&ec->hits, f);
		}
	}
	return 0;
}

/* The n-th part of a CPE 2.3 formatted string, in a; NULL if none. */
static const char *fs_part(ym_arena *a, const char *fs, int n)
{
	const char *start;
	size_t len;
	return mi_cpe_part(fs, n, &start, &len)
		       ? ym_arena_strndup(a, start, len)
		       : NULL;
}

/* How a CPE-style match was reached, for its evidence. */
typedef struct cpe_how {
	const char *matched_by;     /* "cpe" | "name" */
	const char *name_vendor;    /* the name's guess, or NULL */
	const char *name_product;
	const char *component_key;  /* "cpe/v:p" | "name/..." */
} cpe_how;

/* The platforms of c's asset but c itself (a firmware on a device is not
 * its own platform); copies, since subjects cache parsed versions. */
static size_t plats_for(const comp *c, const platforms *plat, ym_arena *a,
			ym_cpe_subject **out)
{
	size_t n_all = plat ? plat->n : 0, n = 0;
	*out = n_all ? ym_arena_alloc(a, n_all * sizeof **out) : NULL;
	for (size_t i = 0; i < n_all; i++)
		if (plat->ids[i] != c->id)
			(*out)[n++] = plat->subj[i];
	return n;
}

/* Evaluates subj against every record of l; one finding per
 * vulnerability among those from first on. */
static void eval_records(const cand_list *l, ym_cpe_subject *subj,
			 ym_cpe_subject *plats, size_t n_plats, const comp *c,
			 const cpe_how *how, size_t first, eval_ctx *ec)
{
	for (const cand_node *nd = l->head; nd; nd = nd->next) {
		const cpe_cand *cand = nd->c;
		if (!cand->ok)
			continue;
		bool dup = false;
		for (size_t k = first; k < ec->hits.n && !dup; k++)
			dup = ec->hits.v[k].vuln_rowid == cand->src.vuln_rowid;
		if (dup)
			continue;
		ym_cpe_eval_result r;
		if (!ym_cpe_eval(&cand->cfg, subj, plats, n_plats, &r))
			continue;
		ym_jsonw w;
		ym_buf_reset(&ec->evidence);
		ym_jsonw_init(&w, &ec->evidence, false);
		ym_jsonw_obj_begin(&w);
		ym_jsonw_kstr(&w, "source", cand->src.source);
		ym_jsonw_kstr(&w, "record", cand->src.record_id);
		ym_jsonw_kstr(&w, "matched_by", how->matched_by);
		if (how->name_product) {
			ym_jsonw_kstr(&w, "component_name", c->name);
			ym_jsonw_kstr(&w, "component_version", c->version);
			ym_jsonw_kstr(&w, "name_vendor", how->name_vendor);
			ym_jsonw_kstr(&w, "name_product", how->name_product);
		} else {
			ym_jsonw_kstr(&w, "component_cpe", c->cpe);
			ym_jsonw_kstr(&w, "component_version", c->version);
		}
		ym_jsonw_key(&w, "cpe_match");
		ym_cpe_eval_evidence(&r, subj, plats, &w);
		ym_jsonw_obj_end(&w);
		ym_finding f = {
			.asset_id = c->asset_id,
			.component_id = c->id,
			.vuln_rowid = cand->src.vuln_rowid,
			.component_key = how->component_key,
			.component_name = c->name,
			.component_version = c->version,
			.component_purl = c->purl,
			.confidence = ym_cpe_confidence_name(r.confidence),
			.evidence = ym_arena_strndup(&ec->work, ec->evidence.ptr,
						     ec->evidence.len),
		};
		ym_vec_push(&ec->hits, f);
	}
}

/* Components known by CPE only: every record naming their
 * vendor:product; one finding per vulnerability. */
static int match_cpe(match_index *ix, const comp *c, const platforms *plat,
		     eval_ctx *ec, ym_err *err)
{
	ym_arena *work = &ec->work;
	const char *vendor = fs_part(work, c->cpe, 1);
	const char *product = fs_part(work, c->cpe, 2);
	if (!vendor || !product || strcmp(vendor, "*") == 0 ||
	    strcmp(product, "*") == 0)
		return 0;
	ym_cpe_subject subj;
	if (ym_cpe_subject_from_cpe(&subj, c->cpe, c->version, work, NULL))
		return 0;
	ec->stats.matchable++;
	const cand_list *l;
	int rc = mi_products(ix, vendor, product, &l, err);
	if (rc || !l->n)
		return rc;
	ym_cpe_subject *plats;
	size_t n_plats = plats_for(c, plat, work, &plats);
	cpe_how how = {.matched_by = "cpe",
		       .component_key = ym_arena_printf(work, "cpe/%s:%s",
							vendor, product)};
	eval_records(l, &subj, plats, n_plats, c, &how, ec->hits.n, ec);
	return 0;
}

/* Components known by name only: the vendor/product guesses of its name
 * (ids/cpe_names.h) against the CPE records naming them; every such
 * match is low confidence and says which guess matched. */
static int match_name(match_index *ix, const comp *c, const platforms *plat,
		      eval_ctx *ec, ym_err *err)
{
	ym_arena *work = &ec->work;
	ym_cpe_name_cand cands[4];
	size_t nc = ym_cpe_name_candidates(c->name, c->supplier, work, cands,
					   4);
	if (!nc)
		return 0;
	ec->stats.matchable++;
	ym_cpe_subject *plats;
	size_t n_plats = plats_for(c, plat, work, &plats);
	const char *key = ym_arena_printf(work, "name/%s",
					  c->name_key ? c->name_key
						      : cands[nc - 1].product);
	size_t first = ec->hits.n;
	for (size_t k = 0; k < nc; k++) {
		const cand_list *l;
		int rc = cands[k].vendor
				 ? mi_products(ix, cands[k].vendor,
					       cands[k].product, &l, err)
				 : mi_names(ix, cands[k].product, &l, err);
		if (rc)
			return rc;
		ym_cpe_subject subj;
		if (!l->n || ym_cpe_subject_from_name(&subj, cands[k].vendor,
						      cands[k].product,
						      c->version, true, work,
						      NULL))
			continue;
		cpe_how how = {.matched_by = "name",
			       .name_vendor = cands[k].vendor,
			       .name_product = cands[k].product,
			       .component_key = key};
		eval_records(l, &subj, plats, n_plats, c, &how, first, ec);
	}
	return 0;
}

/* The memo for the identity in ec->memo_key, or NULL. */
static const memo *memo_find(const eval_ctx *ec)
{
	return ym_map_get(&ec->memo, ec->memo_key.ptr, ec->memo_key.len);
}

/* Replays a memo for component c. */
static void memo_replay(const memo *m, const comp *c, eval_ctx *ec)
{
	ec->stats.matchable += m->matchable;
	ec->stats.bad_versions += m->bad_version;
	ec->stats.unreadable_ranges += m->unreadable_ranges;
	for (uint32_t i = 0; i < m->n; i++) {
		ym_finding f = {
			.asset_id = c->asset_id,
			.component_id = c->id,
			.vuln_rowid = m->hits[i].vuln_rowid,
			.component_key = m->component_key,
			.component_name = c->name,
			.component_version = c->version,
			.component_purl = c->purl,
			.confidence = m->hits[i].confidence,
			.evidence = m->hits[i].evidence,
		};
		ym_vec_push(&ec->hits, f);
	}
	ec->memo_hits++;
}

/* Keeps what the evaluation since (hits first, stats before) came to. */
static void memo_keep(eval_ctx *ec, size_t first, const ym_match_stats *before,
		      const char *component_key)
{
	memo *m = ym_arena_zalloc(&ec->work, sizeof *m);
	m->component_key = component_key;
	m->matchable = (int8_t)(ec->stats.matchable - before->matchable);
	m->bad_version = (int8_t)(ec->stats.bad_versions - before->bad_versions);
	m->unreadable_ranges = (int32_t)(ec->stats.unreadable_ranges -
					 before->unreadable_ranges);
	m->n = (uint32_t)(ec->hits.n - first);
	m->hits = ym_arena_alloc(&ec->work, (m->n + 1) * sizeof *m->hits);
	for (uint32_t i = 0; i < m->n; i++) {
		const ym_finding *f = &ec->hits.v[first + i];
		m->hits[i] = (memo_hit){f->vuln_rowid, f->confidence,
					f->evidence};
		if (!m->component_key)
			m->component_key = f->component_key;
	}
	char *k = ym_arena_strndup(&ec->work, ec->memo_key.ptr,
				   ec->memo_key.len);
	ym_map_put(&ec->memo, k, ec->memo_key.len, m);
}

static void key_part(ym_buf *b, const char *s)
{
	if (s)
		ym_buf_adds(b, s);
	ym_buf_addc(b, '\x01');
}

int me_component(match_index *ix, const comp *c, const platforms *plat,
		 eval_ctx *ec, ym_err *err)
{
	ec->stats.components++;
	ym_buf *k = &ec->memo_key;
	ym_buf_reset(k);
	bool memoise;
	bool cpe_only = !c->ecosystem && c->cpe;
	bool name_only = !c->ecosystem && !c->cpe && c->name && c->version;
	if (name_only) {
		memoise = true;
		key_part(k, "name");
		key_part(k, c->name);
		key_part(k, c->supplier);
		key_part(k, c->version);
		key_part(k, plat ? plat->sig : "");
	} else if (cpe_only) {
		/* a platform is not evaluated with itself as its platform */
		memoise = true;
		for (size_t i = 0; plat && i < plat->n && memoise; i++)
			memoise = plat->ids[i] != c->id;
		key_part(k, "cpe");
		key_part(k, c->cpe);
		key_part(k, c->version);
		key_part(k, plat ? plat->sig : "");
	} else {
		if (!c->ecosystem || !c->pkg_key || !c->version)
			return 0;
		/* most packages have no advisory at all: nothing to evaluate
		 * or keep, only the version to check */
		if (!mi_ranges(ix, c->ecosystem, c->pkg_key, &ec->key) &&
		    !(c->source_pkg &&
		      mi_ranges(ix, c->ecosystem, c->source_pkg, &ec->key))) {
			ym_scheme scheme = ym_scheme_for_purl_type(c->ecosystem);
			if (ym_version_check(scheme, c->version, NULL))
				ec->stats.bad_versions++;
			else
				ec->stats.matchable++;
			return 0;
		}
		memoise = true;
		key_part(k, c->ecosystem);
		key_part(k, c->pkg_key);
		key_part(k, c->source_pkg);
		key_part(k, c->version);
		key_part(k, c->purl);
	}
	if (memoise) {
		const memo *m = memo_find(ec);
		if (m) {
			memo_replay(m, c, ec);
			return 0;
		}
	}
	size_t first = ec->hits.n;
	ym_match_stats before = ec->stats;
	int rc;
	if (name_only) {
		rc = match_name(ix, c, plat, ec, err);
	} else if (cpe_only) {
		rc = match_cpe(ix, c, plat, ec, err);
	} else {
		ec->seen.n = 0;
		rc = match_package(ix, c, ec);
	}
	if (!rc && memoise)
		memo_keep(ec, first, &before, NULL);
	return rc;
}
