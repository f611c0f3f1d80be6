/* bench_match.c - the matching engine at portfolio scale (issue: the
 * matching engine). Run by bench/run_match.sh on a store it prepared.
 *
 *   bench_match full DB [--baseline N]
 *       builds the complete index (time, bytes, peak RSS), runs two full
 *       matches (the first records every finding, the second is the
 *       steady state) with their phases, then the straightforward
 *       approach side by side: one SQL look-up per component, as
 *       Dependency-Track analyses a portfolio (over the first N
 *       components, 0 = all), evaluating with the same code.
 *   bench_match pending DB
 *       times the incremental run over the work an import queued.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "core/arena.h"
#include "core/vec.h"
#include "match/cpe_eval.h"
#include "match/match.h"
#include "store/store.h"
#include "version/version.h"

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static long peak_rss_mib(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss / 1024;
}

static void print_run(const char *label, const ym_match_stats *st)
{
	printf("%-34s %8.3f s  (load %.3f, evaluate %.3f, record %.3f)\n",
	       label, st->load_seconds + st->eval_seconds + st->record_seconds,
	       st->load_seconds, st->eval_seconds, st->record_seconds);
	printf("%-34s %lld components, %lld matchable, %lld findings "
	       "(%lld new, %lld resolved)\n",
	       "", (long long)st->components, (long long)st->matchable,
	       (long long)st->findings, (long long)st->new_findings,
	       (long long)st->resolved);
}

/* ---- the per-component SQL approach ---- */

typedef struct base_ctx {
	const ym_component *c;
	ym_scheme scheme;
	long long hits;
	long long queries;
	ym_arena *a;
} base_ctx;

static int base_range(int64_t vuln_rowid, const char *record_id,
		      const ym_affected_range *r, void *vctx)
{
	base_ctx *b = vctx;
	(void)vuln_rowid;
	(void)record_id;
	if (!r->events)
		return 0;
	/* parse the events the way any importer-side evaluator must */
	ym_osv_event ev[16];
	size_t n = 0;
	const char *p = r->events;
	static const char *const names[] = {"introduced", "fixed",
					    "last_affected", "limit"};
	while ((p = strchr(p, '"')) && n < 16) {
		p++;
		for (int k = 0; k < 4; k++) {
			size_t l = strlen(names[k]);
			if (strncmp(p, names[k], l) == 0 && p[l] == '"') {
				const char *v = strchr(p + l + 1, '"');
				if (!v)
					return 0;
				const char *e = strchr(v + 1, '"');
				if (!e)
					return 0;
				ev[n].kind = (ym_osv_event_kind)k;
				ev[n].version = ym_arena_strndup(
					b->a, v + 1, (size_t)(e - v - 1));
				n++;
				p = e + 1;
				break;
			}
		}
	}
	bool hit = false;
	ym_osv_hit h;
	if (ym_osv_events_affect(b->scheme, ev, n, b->c->version, &hit, &h,
				 NULL) == 0 &&
	    hit)
		b->hits++;
	return 0;
}

typedef YM_VEC(ym_cpe_source) src_vec;

static int keep_src(const ym_cpe_source *c, void *ctx)
{
	src_vec *v = ctx;
	ym_vec_push(v, *c);
	return 0;
}

static const char *fs_part(ym_arena *a, const char *fs, int n)
{
	int field = 0;
	const char *start = fs + 8;
	for (const char *p = fs + 8;; p++) {
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

typedef struct comp_list {
	YM_VEC(ym_component) v;
	ym_arena a;
	size_t limit;
} comp_list;

static const char *dup(ym_arena *a, const char *s)
{
	return s ? ym_arena_strdup(a, s) : NULL;
}

static int keep_comp(const ym_component *c, void *ctx)
{
	comp_list *l = ctx;
	if (l->limit && l->v.n >= l->limit)
		return 0;
	ym_component k = {.id = c->id, .asset_id = c->asset_id};
	k.name = dup(&l->a, c->name);
	k.version = dup(&l->a, c->version);
	k.cpe = dup(&l->a, c->cpe);
	k.ecosystem = dup(&l->a, c->ecosystem);
	k.pkg_key = dup(&l->a, c->pkg_key);
	ym_vec_push(&l->v, k);
	return 0;
}

static int baseline(ym_store *s, size_t limit)
{
	ym_err err = YM_ERR_INIT;
	comp_list l = {.limit = limit};
	ym_arena_init(&l.a, 1 << 20);
	ym_match_query q = {.kind = YM_MQ_ALL};
	double t0 = now_s();
	if (ym_store_match_components(s, &q, keep_comp, &l, &err)) {
		fprintf(stderr, "%s\n", err.msg);
		return 1;
	}
	double t1 = now_s();
	ym_arena work;
	ym_arena_init(&work, 1 << 16);
	long long hits = 0, queries = 0;
	for (size_t i = 0; i < l.v.n; i++) {
		const ym_component *c = &l.v.v[i];
		ym_arena_reset(&work);
		if (c->ecosystem && c->pkg_key && c->version) {
			base_ctx b = {.c = c,
				      .scheme = ym_scheme_for_purl_type(
					      c->ecosystem),
				      .a = &work};
			queries++;
			ym_store_ranges_of_package(s, c->pkg_key, base_range, &b,
						   &err);
			hits += b.hits;
		} else if (!c->ecosystem && c->cpe) {
			const char *vendor = fs_part(&work, c->cpe, 1);
			const char *product = fs_part(&work, c->cpe, 2);
			if (!vendor || !product)
				continue;
			src_vec srcs = YM_VEC_INIT;
			queries++;
			ym_store_cpe_sources(s, vendor, product, keep_src, &srcs,
					     &err);
			ym_cpe_subject subj;
			if (ym_cpe_subject_from_cpe(&subj, c->cpe, c->version,
						    &work, NULL) == 0) {
				for (size_t k = 0; k < srcs.n; k++) {
					ym_cpe_criterion *rows;
					size_t n;
					ym_cpe_config cfg;
					ym_cpe_eval_result r;
					queries++;
					if (ym_store_cpe_rows(s, srcs.v[k].source_id,
							      &work, &rows, &n,
							      &err) == 0 &&
					    ym_cpe_config_build(rows, n, &work,
								&cfg, NULL) == 0 &&
					    ym_cpe_eval(&cfg, &subj, NULL, 0, &r))
						hits++;
				}
			}
			ym_vec_release(&srcs);
		}
	}
	double t2 = now_s();
	printf("%-34s %8.3f s  (load %.3f, look-ups and evaluation %.3f)\n",
	       "per-component SQL (baseline)", t2 - t0, t1 - t0, t2 - t1);
	printf("%-34s %zu components, %lld queries, %lld matches\n", "",
	       l.v.n, queries, hits);
	ym_arena_release(&work);
	ym_arena_release(&l.a);
	ym_vec_release(&l.v);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: bench_match full|pending DB "
				"[--baseline N]\n");
		return 2;
	}
	/* results as they come, also into a file */
	setvbuf(stdout, NULL, _IOLBF, 0);
	ym_err err = YM_ERR_INIT;
	ym_store *s;
	if (ym_store_open(argv[2], false, &s, &err)) {
		fprintf(stderr, "%s\n", err.msg);
		return 1;
	}
	int rc = 0;
	if (strcmp(argv[1], "pending") == 0) {
		ym_match_stats st;
		double t0 = now_s();
		rc = ym_match_pending(s, &st, &err);
		double t = now_s() - t0;
		if (rc)
			fprintf(stderr, "%s\n", err.msg);
		printf("%-34s %8.3f s  (index %.3f, evaluate %.3f, record "
		       "%.3f)\n",
		       "incremental run", t, st.index_seconds, st.eval_seconds,
		       st.record_seconds);
		printf("%-34s %lld vulnerabilities, %lld components "
		       "re-evaluated, %lld findings (%lld new, %lld "
		       "resolved)\n",
		       "", (long long)st.pending_vulns,
		       (long long)st.components, (long long)st.findings,
		       (long long)st.new_findings, (long long)st.resolved);
		ym_store_close(s);
		return rc ? 1 : 0;
	}
	long base_limit = -1;
	if (argc >= 5 && strcmp(argv[3], "--baseline") == 0)
		base_limit = atol(argv[4]);
	ym_matcher *m;
	long rss0 = peak_rss_mib();
	if (ym_matcher_build(s, &m, &err)) {
		fprintf(stderr, "%s\n", err.msg);
		return 1;
	}
	ym_match_stats st;
	if (ym_matcher_run(m, s, &st, &err) == 0) {
		printf("%-34s %8.3f s  %lld ranges, %lld CPE records, %.0f "
		       "MiB held, peak RSS %ld MiB (before: %ld)\n",
		       "index build", st.index_seconds, (long long)st.ranges,
		       (long long)st.cpe_records,
		       (double)ym_matcher_memory(m) / (1 << 20),
		       peak_rss_mib(), rss0);
		print_run("full match, first run", &st);
	}
	if (!rc && ym_matcher_run(m, s, &st, &err) == 0)
		print_run("full match, again", &st);
	else
		rc = 1;
	if (rc)
		fprintf(stderr, "%s\n", err.msg);
	ym_matcher_free(m);
	printf("%-34s %ld MiB\n", "peak RSS", peak_rss_mib());
	if (!rc && base_limit >= 0)
		rc = baseline(s, (size_t)base_limit);
	ym_store_close(s);
	return rc;
}
