/* bench_cvss.c - CVSS vectors parsed, scored and their score written as
 * text ("9.8", what a --batch line or a JS peer's result holds) per
 * second, single thread. With FILE arguments (one vector a line) each
 * file is a set; without, the sets are every base vector of v4.0, v3.1,
 * v3.0 and v2. Each set is run for at least -t SECONDS (default 1).
 * Prints "SET: vectors=N passes=P invalid=I ns_per_vector=X
 * vectors_per_s=R" per set. bench/cvss_throughput.sh compares the rate
 * with the JS peers' on the same files. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "risk/cvss.h"

typedef struct set {
	char *text;   /* vectors, NUL-separated */
	size_t *off;  /* start of each */
	size_t n;
} set;

static void add(set *s, size_t *cap, size_t *len, size_t *ocap,
		const char *v)
{
	size_t l = strlen(v) + 1;
	if (*len + l > *cap) {
		*cap = (*cap + l) * 2;
		s->text = realloc(s->text, *cap);
	}
	if (s->n == *ocap) {
		*ocap = *ocap ? *ocap * 2 : 1024;
		s->off = realloc(s->off, *ocap * sizeof *s->off);
	}
	if (!s->text || !s->off) {
		fprintf(stderr, "bench_cvss: out of memory\n");
		exit(1);
	}
	memcpy(s->text + *len, v, l);
	s->off[s->n++] = *len;
	*len += l;
}

/* Every combination of the metrics' values after prefix. */
static void gen(set *s, const char *prefix, const char *const *names,
		const char *const *vals, size_t nm)
{
	size_t cap = 0, len = 0, ocap = 0;
	size_t idx[16] = {0};
	for (;;) {
		char buf[256];
		size_t p = (size_t)snprintf(buf, sizeof buf, "%s", prefix);
		for (size_t i = 0; i < nm; i++)
			p += (size_t)snprintf(buf + p, sizeof buf - p,
					      "%s%s:%c", i ? "/" : "",
					      names[i], vals[i][idx[i]]);
		add(s, &cap, &len, &ocap, buf);
		size_t i = nm;
		while (i > 0) {
			i--;
			if (vals[i][++idx[i]])
				break;
			idx[i] = 0;
			if (i == 0)
				return;
		}
	}
}

static void load(set *s, const char *path)
{
	size_t cap = 0, len = 0, ocap = 0;
	char line[1024];
	FILE *f = fopen(path, "r");
	if (!f) {
		perror(path);
		exit(1);
	}
	while (fgets(line, sizeof line, f)) {
		line[strcspn(line, "\r\n")] = '\0';
		if (line[0] && line[0] != '#')
			add(s, &cap, &len, &ocap, line);
	}
	fclose(f);
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double min_secs = 1.0;

static void run(const char *name, const set *s)
{
	unsigned passes = 0;
	double t0 = now(), t1;
	volatile unsigned sink = 0;
	size_t bad = 0;
	do {
		for (size_t i = 0; i < s->n; i++) {
			ym_cvss c;
			ym_cvss_scores sc;
			char text[YM_CVSS_SCORE_MAX];
			if (ym_cvss_parse(s->text + s->off[i], &c, NULL)) {
				bad++;
				continue;
			}
			ym_cvss_score(&c, &sc);
			sink += (unsigned)ym_cvss_score_str(sc.overall, text) +
				(unsigned char)text[0];
		}
		passes++;
		t1 = now();
	} while (t1 - t0 < min_secs);
	(void)sink;
	double n = (double)s->n * passes;
	printf("%s: vectors=%zu passes=%u invalid=%zu ns_per_vector=%.1f "
	       "vectors_per_s=%.0f\n",
	       name, s->n, passes, bad / passes, (t1 - t0) * 1e9 / n,
	       n / (t1 - t0));
	fflush(stdout);
}

int main(int argc, char **argv)
{
	if (argc > 2 && strcmp(argv[1], "-t") == 0) {
		min_secs = atof(argv[2]);
		argc -= 2;
		argv += 2;
	}
	if (argc > 1) {
		for (int i = 1; i < argc; i++) {
			set s = {0};
			load(&s, argv[i]);
			run(argv[i], &s);
			free(s.text);
			free(s.off);
		}
		return 0;
	}
	static const char *const n4[] = {"AV", "AC", "AT", "PR", "UI", "VC",
					  "VI", "VA", "SC", "SI", "SA"};
	static const char *const v4[] = {"NALP", "LH", "NP", "NLH", "NPA",
					  "HLN", "HLN", "HLN", "HLN", "HLN",
					  "HLN"};
	static const char *const n3[] = {"AV", "AC", "PR", "UI",
					  "S", "C", "I", "A"};
	static const char *const v3[] = {"NALP", "LH", "NLH", "NR",
					  "UC", "HLN", "HLN", "HLN"};
	static const char *const n2[] = {"AV", "AC", "Au", "C", "I", "A"};
	static const char *const v2[] = {"LAN", "HML", "MSN",
					  "NPC", "NPC", "NPC"};
	struct {
		const char *name, *prefix;
		const char *const *n, *const *v;
		size_t nm;
	} sets[] = {
		{"v4.0-base", "CVSS:4.0/", n4, v4, 11},
		{"v3.1-base", "CVSS:3.1/", n3, v3, 8},
		{"v3.0-base", "CVSS:3.0/", n3, v3, 8},
		{"v2-base", "", n2, v2, 6},
	};
	for (size_t i = 0; i < sizeof sets / sizeof sets[0]; i++) {
		set s = {0};
		gen(&s, sets[i].prefix, sets[i].n, sets[i].v, sets[i].nm);
		run(sets[i].name, &s);
		free(s.text);
		free(s.off);
	}
	return 0;
}
