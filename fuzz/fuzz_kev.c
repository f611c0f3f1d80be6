/* fuzz_kev.c - libFuzzer target for the KEV catalog importer (JSON and
 * CSV).
 *
 * Each input is parsed lax and strict. Every entry handed to the sink
 * must have a CVE-YYYY-NNNN id, real YYYY-MM-DD dates and the required
 * text fields, non-empty and without surrounding white space; a failure
 * must leave a code and a message set.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/err.h"
#include "feeds/kev.h"

static void die(const ym_kev_entry *k, const char *what)
{
	fprintf(stderr, "fuzz_kev: %s: %s\n", k->cve_id ? k->cve_id : "-",
		what);
	abort();
}

static int trimmed(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	if (!n)
		return 0;
	return !strchr(" \t\r\n", s[0]) && !strchr(" \t\r\n", s[n - 1]);
}

static int sink(const ym_kev_entry *k, void *ctx, ym_err *err)
{
	const char *req[] = {k->cve_id, k->vendor, k->product, k->name,
			     k->description, k->required_action};
	size_t *n = ctx;

	(void)err;
	for (size_t i = 0; i < sizeof req / sizeof *req; i++)
		if (!trimmed(req[i]))
			die(k, "required field empty or untrimmed");
	if (strncmp(k->cve_id, "CVE-", 4) != 0 || strlen(k->cve_id) < 13)
		die(k, "bad CVE id");
	if (!k->date_added || strlen(k->date_added) != 10 || !k->due_date ||
	    strlen(k->due_date) != 10)
		die(k, "bad date");
	if (k->notes && !*k->notes)
		die(k, "empty notes instead of NULL");
	if (k->cwes && !*k->cwes)
		die(k, "empty cwes instead of NULL");
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
	ym_feed_ctx fc = {.strict = strict, .kev = sink, .warn = quiet,
			  .skip = quiet, .ctx = &n};
	rc = ym_kev_parse(text, size, "in", &a, &fc, &err);
	if (rc != 0 && (rc > 0 || err.code != rc || err.msg[0] == '\0')) {
		fprintf(stderr, "fuzz_kev: rc %d, err.code %d, msg '%s'\n",
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
