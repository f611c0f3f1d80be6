/* fuzz_epss.c - libFuzzer target for the EPSS scores importer.
 *
 * Each input is parsed lax and strict, as a file whose name carries a
 * date. Every row handed to the sink must have a CVE id, a score in 0..1,
 * a percentile in 0..1 or -1 (no column), a YYYY-MM-DD date and a model
 * version that is NULL or non-empty; a failure must leave a code and a
 * message set.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/err.h"
#include "feeds/epss.h"

static void die(const ym_epss_entry *e, const char *what)
{
	fprintf(stderr, "fuzz_epss: %s: %s\n", e->cve_id ? e->cve_id : "-",
		what);
	abort();
}

static int sink(const ym_epss_entry *e, void *ctx, ym_err *err)
{
	size_t *n = ctx;

	(void)err;
	if (!e->cve_id || strncmp(e->cve_id, "CVE-", 4) != 0 ||
	    strlen(e->cve_id) < 13)
		die(e, "bad CVE id");
	if (!(e->score >= 0 && e->score <= 1))
		die(e, "score out of range");
	if (!(e->percentile == -1 ||
	      (e->percentile >= 0 && e->percentile <= 1)))
		die(e, "percentile out of range");
	if (!e->date || strlen(e->date) != 10 || e->date[4] != '-' ||
	    e->date[7] != '-')
		die(e, "bad date");
	if (e->model_version && !*e->model_version)
		die(e, "empty model version");
	(*n)++;
	return 0;
}

static void quiet(const ym_err *e, void *ctx)
{
	if (!e->msg[0])
		abort();
	(void)ctx;
}

static size_t run(const char *text, size_t size, int strict)
{
	ym_arena a;
	ym_err err = YM_ERR_INIT;
	size_t n = 0;
	int rc;

	ym_arena_init(&a, 4096);
	ym_feed_ctx fc = {.strict = strict, .epss = sink, .warn = quiet,
			  .skip = quiet, .ctx = &n};
	rc = ym_epss_parse(text, size, "epss_scores-2025-03-16.csv", &a, &fc,
			   &err);
	if (rc != 0 && (rc > 0 || err.code != rc || err.msg[0] == '\0')) {
		fprintf(stderr, "fuzz_epss: rc %d, err.code %d, msg '%s'\n",
			rc, err.code, err.msg);
		abort();
	}
	ym_arena_release(&a);
	return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);

	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	if (run(text, size, 1) > run(text, size, 0))
		abort();
	free(text);
	return 0;
}
