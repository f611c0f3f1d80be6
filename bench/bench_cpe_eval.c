/* bench_cpe_eval.c - single-thread throughput of ym_cpe_eval.
 *
 *   bench_cpe_eval [SECONDS_PER_CASE] [NVD_JSON]
 *
 * Evaluates built-in configurations (an OR node of five criteria as in
 * the log4j record, the same as AND with a running-on platform) against
 * components that miss at the vendor, match the product but not the
 * version, and match; with NVD_JSON (e.g. ../shared/data/nvd/api-2.0/
 * vuls-cve-CVE-2021-44228.json) also every record of that file. Prints
 * evaluations per second and nanoseconds per evaluation; the subject's
 * version cache is warm, as it is when a matcher walks many criteria for
 * one component.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "feeds/nvd.h"
#include "match/cpe_eval.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static volatile int sink_;

static void run(const char *label, const ym_cpe_config *c,
		ym_cpe_subject *comp, ym_cpe_subject *plats, size_t n_plats,
		double secs)
{
	ym_cpe_eval_result r;
	long n = 0, batch = 1000;
	int matched = 0;
	double t0 = now(), t;
	do {
		for (long i = 0; i < batch; i++)
			matched += ym_cpe_eval(c, comp, plats, n_plats, &r);
		n += batch;
		t = now() - t0;
	} while (t < secs);
	sink_ = matched;
	printf("%-44s %12.0f evals/s %8.1f ns/eval  matched=%s\n", label,
	       (double)n / t, t * 1e9 / (double)n,
	       matched ? ym_cpe_confidence_name(r.confidence) : "no");
}

#define CRIT(c, n, cop, v, s, si, ee)                                     \
	{ .config = (c), .node = (n), .config_op = (cop), .vulnerable = (v), \
	  .criteria = (s), .start_incl = (si), .end_excl = (ee) }

static const ym_cpe_criterion or_rows[] = {
	CRIT(0, 0, NULL, true, "cpe:2.3:a:apache:log4j:*:*:*:*:*:*:*:*",
	     "2.0.1", "2.3.1"),
	CRIT(0, 0, NULL, true, "cpe:2.3:a:apache:log4j:*:*:*:*:*:*:*:*",
	     "2.4.0", "2.12.2"),
	CRIT(0, 0, NULL, true, "cpe:2.3:a:apache:log4j:*:*:*:*:*:*:*:*",
	     "2.13.0", "2.15.0"),
	CRIT(0, 0, NULL, true, "cpe:2.3:a:apache:log4j:2.0:-:*:*:*:*:*:*",
	     NULL, NULL),
	CRIT(0, 0, NULL, true, "cpe:2.3:a:apache:log4j:2.0:beta9:*:*:*:*:*:*",
	     NULL, NULL),
};

static const ym_cpe_criterion and_rows[] = {
	CRIT(0, 0, "AND", true, "cpe:2.3:a:apache:log4j:*:*:*:*:*:*:*:*",
	     "2.0.1", "2.3.1"),
	CRIT(0, 0, "AND", true, "cpe:2.3:a:apache:log4j:*:*:*:*:*:*:*:*",
	     "2.4.0", "2.12.2"),
	CRIT(0, 0, "AND", true, "cpe:2.3:a:apache:log4j:*:*:*:*:*:*:*:*",
	     "2.13.0", "2.15.0"),
	CRIT(0, 1, "AND", false, "cpe:2.3:o:microsoft:windows:-:*:*:*:*:*:*:*",
	     NULL, NULL),
	CRIT(0, 1, "AND", false, "cpe:2.3:o:apple:macos:-:*:*:*:*:*:*:*",
	     NULL, NULL),
};

typedef struct recs {
	ym_cpe_config cfg[64];
	size_t n;
	ym_arena *a;
} recs;

static int collect(const ym_vuln *v, void *ctx, ym_err *err)
{
	recs *r = ctx;
	if (r->n < 64 && ym_cpe_config_build(v->cpes, v->n_cpes, r->a,
					     &r->cfg[r->n], err) == 0)
		r->n++;
	return 0;
}

static ym_cpe_subject *subject(ym_arena *a, const char *cpe)
{
	ym_cpe_subject *s = ym_arena_alloc(a, sizeof *s);
	ym_err e = YM_ERR_INIT;
	if (ym_cpe_subject_from_cpe(s, cpe, NULL, a, &e)) {
		fprintf(stderr, "%s: %s\n", cpe, e.msg);
		exit(1);
	}
	return s;
}

int main(int argc, char **argv)
{
	double secs = argc > 1 ? strtod(argv[1], NULL) : 0.5;
	ym_arena a;
	ym_err e = YM_ERR_INIT;
	ym_arena_init(&a, 0);
	ym_cpe_config or_cfg, and_cfg;
	if (ym_cpe_config_build(or_rows, 5, &a, &or_cfg, &e) ||
	    ym_cpe_config_build(and_rows, 5, &a, &and_cfg, &e)) {
		fprintf(stderr, "build: %s\n", e.msg);
		return 1;
	}
	ym_cpe_subject *other = subject(&a, "cpe:2.3:a:fasterxml:jackson:2.9.8");
	ym_cpe_subject *l4j_out = subject(&a, "cpe:2.3:a:apache:log4j:2.17.1");
	ym_cpe_subject *l4j_in = subject(&a, "cpe:2.3:a:apache:log4j:2.14.1");
	ym_cpe_subject *win =
		subject(&a, "cpe:2.3:o:microsoft:windows_10:22h2");

	printf("one configuration, OR node of 5 criteria:\n");
	run("  vendor differs", &or_cfg, other, NULL, 0, secs);
	run("  product matches, version outside", &or_cfg, l4j_out, NULL, 0,
	    secs);
	run("  matches (high)", &or_cfg, l4j_in, NULL, 0, secs);
	printf("AND with a running-on node (3 + 2 criteria):\n");
	run("  vendor differs, platform known", &and_cfg, other, win, 1,
	    secs);
	run("  matches, platform satisfied", &and_cfg, l4j_in, win, 1, secs);
	run("  matches, platform unknown", &and_cfg, l4j_in, NULL, 0, secs);

	/* build cost, for scale */
	size_t builds = 0;
	ym_arena b;
	ym_arena_init(&b, 0);
	double t0 = now();
	while (now() - t0 < secs) {
		for (int i = 0; i < 1000; i++) {
			ym_cpe_config c;
			ym_cpe_config_build(or_rows, 5, &b, &c, NULL);
		}
		builds += 1000;
		ym_arena_reset(&b);
	}
	double t = now() - t0;
	printf("build of the 5-criteria config %17.0f /s %8.1f ns\n",
	       (double)builds / t, t * 1e9 / (double)builds);
	ym_arena_release(&b);

	if (argc > 2) {
		ym_buf text = YM_BUF_INIT;
		recs r = {.a = &a};
		ym_feed_ctx fc = {.vuln = collect, .ctx = &r};
		if (ym_buf_read_file(&text, argv[2], &e) ||
		    ym_nvd_parse(text.ptr, text.len, argv[2], &a, &fc, &e)) {
			fprintf(stderr, "%s: %s\n", argv[2], e.msg);
			return 1;
		}
		ym_buf_release(&text);
		for (size_t i = 0; i < r.n; i++) {
			char label[80];
			snprintf(label, sizeof label, "%s: %zu criteria, log4j",
				 argv[2][0] ? "record" : "", r.cfg[i].n_crit);
			run(label, &r.cfg[i], l4j_in, win, 1, secs);
			snprintf(label, sizeof label,
				 "record: %zu criteria, jackson",
				 r.cfg[i].n_crit);
			run(label, &r.cfg[i], other, win, 1, secs);
		}
	}
	ym_arena_release(&a);
	return 0;
}
