/* bench_versions.c - single-thread version comparison and range
 * throughput on a corpus of "a<TAB>b" lines.
 *
 *   bench_versions cmp SCHEME FILE [ROUNDS]   compare pairs
 *   bench_versions in SCHEME FILE [ROUNDS]    version<TAB>range pairs
 *
 * cmp reports two rates: parse both + compare (what a one-off check
 * costs), and compare of versions parsed once (what the matcher does).
 * Lines a scheme rejects are skipped and counted.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/buf.h"
#include "core/err.h"
#include "version/version.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	if (argc < 4) {
		fprintf(stderr, "usage: bench_versions cmp|in SCHEME FILE "
				"[ROUNDS]\n");
		return 2;
	}
	int rounds = argc > 4 ? atoi(argv[4]) : 20;
	ym_scheme s = ym_scheme_from_name(argv[2]);
	if (s == YM_SCHEME_UNKNOWN) {
		fprintf(stderr, "unknown scheme %s\n", argv[2]);
		return 2;
	}
	ym_buf text = YM_BUF_INIT;
	ym_err err = YM_ERR_INIT;
	if (ym_buf_read_file(&text, argv[3], &err)) {
		fprintf(stderr, "%s: %s\n", argv[3], err.msg);
		return 1;
	}
	size_t cap = 1024, n = 0, skipped = 0;
	char **a = malloc(cap * sizeof *a), **b = malloc(cap * sizeof *b);
	for (char *line = text.ptr; line && *line;) {
		char *nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		char *tab = strchr(line, '\t');
		if (tab) {
			*tab = '\0';
			if (n == cap) {
				cap *= 2;
				a = realloc(a, cap * sizeof *a);
				b = realloc(b, cap * sizeof *b);
			}
			a[n] = line;
			b[n] = tab + 1;
			n++;
		}
		line = nl ? nl + 1 : NULL;
	}
	volatile long sink = 0;
	if (strcmp(argv[1], "cmp") == 0) {
		ym_version *pa = malloc(n * sizeof *pa);
		ym_version *pb = malloc(n * sizeof *pb);
		size_t m = 0;
		for (size_t i = 0; i < n; i++) {
			if (ym_version_parse(s, a[i], &pa[m], NULL) ||
			    ym_version_parse(s, b[i], &pb[m], NULL)) {
				skipped++;
				continue;
			}
			a[m] = a[i];
			b[m] = b[i];
			m++;
		}
		double t0 = now();
		for (int r = 0; r < rounds; r++)
			for (size_t i = 0; i < m; i++) {
				int c;
				ym_version_cmp(s, a[i], b[i], &c, NULL);
				sink += c;
			}
		double t1 = now();
		for (int r = 0; r < rounds * 5; r++)
			for (size_t i = 0; i < m; i++)
				sink += ym_version_cmp_parsed(&pa[i], &pb[i]);
		double t2 = now();
		double full = (double)m * rounds / (t1 - t0);
		double only = (double)m * rounds * 5 / (t2 - t1);
		printf("%s cmp: %zu pairs (%zu skipped): parse+cmp %.0f/s "
		       "(%.1f ns), cmp-only %.0f/s (%.1f ns)\n",
		       argv[2], m, skipped, full, 1e9 / full, only,
		       1e9 / only);
		free(pa);
		free(pb);
	} else {
		size_t ok = 0;
		double t0 = now();
		for (int r = 0; r < rounds; r++)
			for (size_t i = 0; i < n; i++) {
				bool in;
				if (ym_range_contains(s, a[i], b[i], &in, NULL))
					continue;
				ok += r == 0;
				sink += in;
			}
		double t1 = now();
		double rate = (double)n * rounds / (t1 - t0);
		printf("%s in: %zu pairs (%zu rejected): %.0f/s (%.1f ns)\n",
		       argv[2], n, n - ok, rate, 1e9 / rate);
	}
	(void)sink;
	free(a);
	free(b);
	ym_buf_release(&text);
	return 0;
}
