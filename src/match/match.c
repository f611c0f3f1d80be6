/* match.c - matching runs: full (the whole ledger against a complete
 * index, on every core), one asset (an index of its packages only) and
 * incremental (the vulnerabilities whose records changed, against the
 * components that name them); then VEX, suppressions and the findings'
 * lifecycle in one transaction. */
#include "match/match.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/i18n.h"
#include "core/progress.h"
#include "core/xalloc.h"
#include "match/match_int.h"

/* below this many components one thread is as fast */
#define PARALLEL_MIN 20000
#define THREADS 2
/* an incremental run over more vulnerabilities than this does a full
 * run instead: one pass over the ledger is cheaper than many lookups */
#define INCREMENTAL_MAX_VULNS 20000

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void add_stats(ym_match_stats *to, const ym_match_stats *from)
{
	to->components += from->components;
	to->matchable += from->matchable;
	to->bad_versions += from->bad_versions;
	to->unreadable_ranges += from->unreadable_ranges;
}

/* ---- the complete index ---- */

struct ym_matcher {
	match_index ix;
	ym_match_stats built; /* ranges, cpe_records, index_seconds */
};

int ym_matcher_build(ym_store *s, ym_matcher **out, ym_err *err)
{
	double t0 = now_s();
	ym_matcher *m = ym_xcalloc(1, sizeof *m);
	mi_init(&m->ix, NULL);
	int rc = mi_load_all(&m->ix, s, err);
	if (rc) {
		ym_matcher_free(m);
		return rc;
	}
	m->built.ranges = m->ix.ranges;
	m->built.cpe_records = m->ix.cpe_records;
	m->built.index_seconds = now_s() - t0;
	*out = m;
	return 0;
}

size_t ym_matcher_memory(const ym_matcher *m)
{
	return m->ix.arena.total +
	       (m->ix.by_pkg.cap + m->ix.by_product.cap) *
		       sizeof(ym_map_entry);
}

void ym_matcher_free(ym_matcher *m)
{
	if (!m)
		return;
	mi_release(&m->ix);
	free(m);
}

/* ---- collecting components ---- */

typedef struct collect_ctx {
	ym_arena *a;
	comp_vec *out;
} collect_ctx;

static int collect_component(const ym_component *c, void *vctx)
{
	collect_ctx *cc = vctx;
	comp x;
	me_comp_from(c, cc->a, &x);
	ym_vec_push(cc->out, x);
	return 0;
}

/* ---- evaluation over a run's components ---- */

typedef struct slice {
	match_index *ix;
	const comp *comps;
	size_t from, to;
	eval_ctx *ec;
	eval_ctx own;
	ym_arena plat_arena;
	ym_progress *prog; /* thread 0 only */
	int rc;
	ym_err err;
} slice;

static void *eval_slice(void *arg)
{
	slice *sl = arg;
	platforms plat = {.asset_id = -1};
	size_t asset_start = sl->from;
	for (size_t i = sl->from; i < sl->to && !sl->rc; i++) {
		const comp *c = &sl->comps[i];
		if (c->asset_id != plat.asset_id) {
			/* the asset's components are contiguous */
			size_t end = i;
			while (end < sl->to &&
			       sl->comps[end].asset_id == c->asset_id)
				end++;
			asset_start = i;
			ym_arena_reset(&sl->plat_arena);
			me_platforms(sl->comps + asset_start, end - asset_start,
				     c->asset_id, &sl->plat_arena, &plat);
		}
		if (sl->prog && (i & 1023) == 0)
			ym_progress_update(sl->prog, (i - sl->from) * THREADS);
		sl->rc = me_component(sl->ix, c, &plat, sl->ec, &sl->err);
	}
	return NULL;
}

/* Evaluates comps (sorted by asset) into ec (initialised); in parallel
 * when the index is complete and the run is big. */
static int evaluate_all(match_index *ix, const comp_vec *comps, eval_ctx *ec,
			ym_err *err)
{
	ym_progress prog;
	ym_progress_start(&prog, _("matching components"), comps->n);
	int nt = !ix->lazy && comps->n >= PARALLEL_MIN ? THREADS : 1;
	slice sl[THREADS];
	memset(sl, 0, sizeof sl);
	size_t from = 0;
	for (int t = 0; t < nt; t++) {
		size_t to = t == nt - 1 ? comps->n : comps->n * (t + 1) / nt;
		/* whole assets per thread: platforms are per asset */
		while (to < comps->n && to > 0 &&
		       comps->v[to].asset_id == comps->v[to - 1].asset_id)
			to++;
		sl[t] = (slice){.ix = ix, .comps = comps->v, .from = from,
				.to = to, .prog = t == 0 ? &prog : NULL};
		sl[t].ec = t == 0 ? ec : &sl[t].own;
		if (t)
			me_ctx_init(&sl[t].own);
		ym_arena_init(&sl[t].plat_arena, 0);
		from = to;
	}
	pthread_t th[THREADS];
	bool started[THREADS] = {false};
	for (int t = 1; t < nt; t++) {
		started[t] = pthread_create(&th[t], NULL, eval_slice,
					    &sl[t]) == 0;
		if (!started[t])
			eval_slice(&sl[t]);
	}
	eval_slice(&sl[0]);
	for (int t = 1; t < nt; t++)
		if (started[t])
			pthread_join(th[t], NULL);
	ym_progress_end(&prog);
	int rc = 0;
	/* thread 0 holds the first assets: appending the others keeps the
	 * order one thread would have produced */
	for (int t = 0; t < nt; t++) {
		if (sl[t].rc && !rc) {
			rc = sl[t].rc;
			if (err)
				*err = sl[t].err;
		}
		ym_arena_release(&sl[t].plat_arena);
		if (t == 0)
			continue;
		eval_ctx *o = &sl[t].own;
		for (size_t i = 0; i < o->hits.n; i++)
			ym_vec_push(&ec->hits, o->hits.v[i]);
		add_stats(&ec->stats, &o->stats);
		/* the findings' strings move with them */
		ym_arena_adopt(&ec->work, &o->work);
		me_ctx_release(o);
	}
	return rc;
}

/* ---- recording ---- */

typedef enum { SCOPE_ALL, SCOPE_ASSET, SCOPE_VULNS } run_scope;

/* VEX, suppressions, sightings and resolution, in the caller's
 * transaction. */
static int record(ym_store *s, run_scope scope, int64_t asset_id,
		  const int64_t *vulns, size_t n_vulns, const comp_vec *comps,
		  eval_ctx *ec, ym_match_stats *stats, ym_err *err)
{
	ym_scan scan;
	int rc = ym_store_scan_begin(s, scope == SCOPE_ASSET ? asset_id : 0,
				     &scan, err);
	char today[11];
	snprintf(today, sizeof today, "%.10s", scan.now);
	if (!rc)
		rc = ma_apply(s, comps, ec->hits.v, ec->hits.n, today,
			      &ec->work, stats, err);
	/* exact sightings first, then carry-overs and new findings; then
	 * what the run did not see */
	ym_run_scope sc = {.asset_id = scope == SCOPE_ASSET ? asset_id : 0,
			   .by_vulns = scope == SCOPE_VULNS,
			   .vulns = scope == SCOPE_VULNS ? vulns : NULL,
			   .n_vulns = scope == SCOPE_VULNS ? n_vulns : 0};
	if (!rc)
		rc = ym_store_findings_record(s, ec->hits.v, ec->hits.n, &scan,
					      &sc, &stats->new_findings,
					      &stats->resolved, err);
	stats->findings = (int64_t)ec->hits.n;
	return rc;
}

/* ---- runs ---- */

int ym_matcher_run(ym_matcher *m, ym_store *s, ym_match_stats *stats,
		   ym_err *err)
{
	ym_arena strings;
	comp_vec comps = YM_VEC_INIT;
	eval_ctx ec;
	memset(stats, 0, sizeof *stats);
	stats->ranges = m->built.ranges;
	stats->cpe_records = m->built.cpe_records;
	stats->index_seconds = m->built.index_seconds;
	ym_arena_init(&strings, 1 << 20);
	me_ctx_init(&ec);
	double t0 = now_s();
	collect_ctx cc = {.a = &strings, .out = &comps};
	ym_match_query q = {.kind = YM_MQ_ALL};
	int rc = ym_store_match_components(s, &q, collect_component, &cc, err);
	double t1 = now_s();
	stats->load_seconds = t1 - t0;
	if (!rc)
		rc = evaluate_all(&m->ix, &comps, &ec, err);
	double t2 = now_s();
	stats->eval_seconds = t2 - t1;
	add_stats(stats, &ec.stats);
	if (!rc)
		rc = ym_store_begin(s, err);
	if (!rc) {
		rc = record(s, SCOPE_ALL, 0, NULL, 0, &comps, &ec, stats, err);
		/* everything was matched: nothing is pending any more */
		if (!rc)
			rc = ym_store_match_pending_clear(s, err);
		if (rc)
			ym_store_rollback(s);
		else
			rc = ym_store_commit(s, err);
	}
	stats->record_seconds = now_s() - t2;
	me_ctx_release(&ec);
	ym_vec_release(&comps);
	ym_arena_release(&strings);
	return rc;
}

/* One asset: an index of its packages' ranges only, CPE records read as
 * its products ask. */
static int run_asset(ym_store *s, int64_t asset_id, ym_match_stats *stats,
		     ym_err *err)
{
	match_index ix;
	ym_arena strings;
	comp_vec comps = YM_VEC_INIT;
	eval_ctx ec;
	double t0 = now_s();
	mi_init(&ix, s);
	ym_arena_init(&strings, 1 << 16);
	me_ctx_init(&ec);
	collect_ctx cc = {.a = &strings, .out = &comps};
	ym_match_query q = {.kind = YM_MQ_ASSET, .asset_id = asset_id};
	int rc = ym_store_match_components(s, &q, collect_component, &cc, err);
	/* the ranges of its packages and source packages, once each */
	ym_map loaded = YM_MAP_INIT;
	for (size_t i = 0; !rc && i < comps.n; i++) {
		const char *names[2] = {comps.v[i].pkg_key,
					comps.v[i].source_pkg};
		for (int k = 0; k < 2 && !rc; k++) {
			if (!names[k] || !comps.v[i].ecosystem)
				continue;
			bool found;
			ym_map_slot(&loaded, names[k], strlen(names[k]), &found);
			if (!found)
				rc = mi_load_package(&ix, s, names[k], err);
		}
	}
	ym_map_release(&loaded);
	stats->index_seconds = now_s() - t0;
	if (!rc)
		rc = ym_store_begin(s, err);
	if (!rc) {
		double t1 = now_s();
		rc = evaluate_all(&ix, &comps, &ec, err);
		stats->eval_seconds = now_s() - t1;
		add_stats(stats, &ec.stats);
		stats->ranges = ix.ranges;
		stats->cpe_records = ix.cpe_records;
		if (!rc)
			rc = record(s, SCOPE_ASSET, asset_id, NULL, 0, &comps,
				    &ec, stats, err);
		if (!rc)
			rc = ym_store_match_pending_done(s, "asset", asset_id,
							 err);
		if (rc)
			ym_store_rollback(s);
		else
			rc = ym_store_commit(s, err);
	}
	me_ctx_release(&ec);
	ym_vec_release(&comps);
	ym_arena_release(&strings);
	mi_release(&ix);
	return rc;
}

int ym_match_run(ym_store *s, int64_t asset_id, ym_match_stats *stats,
		 ym_err *err)
{
	memset(stats, 0, sizeof *stats);
	if (asset_id)
		return run_asset(s, asset_id, stats, err);
	ym_matcher *m;
	int rc = ym_matcher_build(s, &m, err);
	if (rc)
		return rc;
	rc = ym_matcher_run(m, s, stats, err);
	ym_matcher_free(m);
	return rc;
}

/* ---- incremental: some vulnerabilities ---- */

typedef struct cand_ctx {
	ym_arena *a;
	comp_vec *out;
} cand_ctx;

static int keep_candidate(const ym_component *c, void *vctx)
{
	cand_ctx *cc = vctx;
	comp x;
	me_comp_from(c, cc->a, &x);
	ym_vec_push(cc->out, x);
	return 0;
}

int ym_match_vulns(ym_store *s, const int64_t *vulns, size_t n,
		   ym_match_stats *stats, ym_err *err)
{
	match_index ix;
	ym_arena strings;
	comp_vec comps = YM_VEC_INIT;
	eval_ctx ec;
	memset(stats, 0, sizeof *stats);
	double t0 = now_s();
	mi_init(&ix, NULL);
	ym_arena_init(&strings, 1 << 16);
	me_ctx_init(&ec);
	int rc = ym_store_begin(s, err);
	if (rc)
		goto out;
	/* an index of these vulnerabilities only */
	for (size_t i = 0; i < n && !rc; i++)
		rc = mi_load_vuln(&ix, s, vulns[i], err);
	stats->ranges = ix.ranges;
	stats->cpe_records = ix.cpe_records;
	stats->index_seconds = now_s() - t0;
	/* the components that name them: package keys (or source
	 * packages) and CPE vendor:products */
	cand_ctx cc = {.a = &strings, .out = &comps};
	size_t pos = 0;
	const ym_map_entry *e;
	while (!rc && (e = ym_map_next(&ix.by_pkg, &pos))) {
		ym_match_query q = {.kind = YM_MQ_PACKAGE, .ecosystem = e->key,
				    .key = e->key + strlen(e->key) + 1};
		rc = ym_store_match_components(s, &q, keep_candidate, &cc,
					       err);
	}
	pos = 0;
	while (!rc && (e = ym_map_next(&ix.by_product, &pos))) {
		const char *colon = strchr(e->key, ':');
		if (!colon)
			continue;
		ym_match_query q = {
			.kind = YM_MQ_CPE_PRODUCT,
			.vendor = ym_arena_strndup(&strings, e->key,
						   (size_t)(colon - e->key)),
			.product = colon + 1,
			.parts = ((const cand_list *)e->val)->parts};
		rc = ym_store_match_components(s, &q, keep_candidate, &cc,
					       err);
	}
	/* and those known by name only whose name gives a product */
	pos = 0;
	while (!rc && (e = ym_map_next(&ix.by_name, &pos))) {
		ym_match_query q = {.kind = YM_MQ_NAME, .key = e->key};
		rc = ym_store_match_components(s, &q, keep_candidate, &cc,
					       err);
	}
	/* one evaluation per component, in ledger order */
	if (comps.n)
		qsort(comps.v, comps.n, sizeof *comps.v, me_comp_cmp);
	size_t k = 0;
	for (size_t i = 0; i < comps.n; i++)
		if (k == 0 || me_comp_cmp(&comps.v[k - 1], &comps.v[i]) != 0)
			comps.v[k++] = comps.v[i];
	comps.n = k;
	double t1 = now_s();
	platforms plat = {.asset_id = -1};
	for (size_t i = 0; i < comps.n && !rc; i++) {
		const comp *c = &comps.v[i];
		if (!c->ecosystem && c->asset_id != plat.asset_id) {
			/* the asset's platforms, from the store */
			comp_vec pv = YM_VEC_INIT;
			cand_ctx pc = {.a = &strings, .out = &pv};
			ym_match_query q = {.kind = YM_MQ_PLATFORMS,
					    .asset_id = c->asset_id};
			rc = ym_store_match_components(s, &q, keep_candidate,
						       &pc, err);
			me_platforms(pv.v, pv.n, c->asset_id, &strings, &plat);
			ym_vec_release(&pv);
		}
		if (!rc)
			rc = me_component(&ix, c, &plat, &ec, err);
	}
	stats->eval_seconds = now_s() - t1;
	add_stats(stats, &ec.stats);
	double t2 = now_s();
	if (!rc)
		rc = record(s, SCOPE_VULNS, 0, vulns, n, &comps, &ec, stats,
			    err);
	for (size_t i = 0; i < n && !rc; i++)
		rc = ym_store_match_pending_done(s, "vuln", vulns[i], err);
	stats->record_seconds = now_s() - t2;
	if (rc)
		ym_store_rollback(s);
	else
		rc = ym_store_commit(s, err);
out:
	me_ctx_release(&ec);
	ym_vec_release(&comps);
	ym_arena_release(&strings);
	mi_release(&ix);
	return rc;
}

/* ---- the queue ---- */

int ym_match_pending(ym_store *s, ym_match_stats *stats, ym_err *err)
{
	ym_pending p;
	memset(stats, 0, sizeof *stats);
	int rc = ym_store_match_pending(s, &p, err);
	if (rc)
		return rc;
	if (p.n_vulns > INCREMENTAL_MAX_VULNS) {
		ym_pending_release(&p);
		return ym_match_run(s, 0, stats, err);
	}
	for (size_t i = 0; i < p.n_assets && !rc; i++) {
		ym_match_stats one;
		memset(&one, 0, sizeof one);
		rc = run_asset(s, p.assets[i], &one, err);
		ym_match_stats_add(stats, &one);
	}
	if (!rc && p.n_vulns) {
		ym_match_stats one;
		rc = ym_match_vulns(s, p.vulns, p.n_vulns, &one, err);
		ym_match_stats_add(stats, &one);
	}
	stats->pending_assets = (int64_t)p.n_assets;
	stats->pending_vulns = (int64_t)p.n_vulns;
	ym_pending_release(&p);
	return rc;
}

void ym_match_stats_add(ym_match_stats *to, const ym_match_stats *from)
{
	add_stats(to, from);
	to->findings += from->findings;
	to->new_findings += from->new_findings;
	to->resolved += from->resolved;
	to->ranges += from->ranges;
	to->cpe_records += from->cpe_records;
	to->vex_suppressed += from->vex_suppressed;
	to->manual_suppressed += from->manual_suppressed;
	to->index_seconds += from->index_seconds;
	to->load_seconds += from->load_seconds;
	to->eval_seconds += from->eval_seconds;
	to->record_seconds += from->record_seconds;
}
