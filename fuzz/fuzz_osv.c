/* fuzz_osv.c - libFuzzer target for the OSV record importer.
 *
 * Every record handed to the sink must have a non-empty vuln_id, and every
 * range a type, a package key and either events or versions, which must
 * re-parse with ym_json_parse as a non-empty JSON array. A failure must
 * leave a code and a message set. The arena is released after every input.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/err.h"
#include "core/json.h"
#include "feeds/osv.h"

static void die(const ym_vuln *v, size_t i, const char *what)
{
	fprintf(stderr, "fuzz_osv: %s: ranges[%zu]: %s\n",
		v->vuln_id ? v->vuln_id : "(no id)", i, what);
	abort();
}

/* The stored events or versions text must be a non-empty JSON array. */
static void check_array(const ym_vuln *v, size_t i, const char *text)
{
	ym_arena a;
	ym_err err = YM_ERR_INIT;
	ym_json *j;

	ym_arena_init(&a, 1024);
	j = ym_json_parse(&a, text, strlen(text), NULL, "range", &err);
	if (!j) {
		fprintf(stderr, "fuzz_osv: %s\n  text: %s\n", err.msg, text);
		die(v, i, "stored JSON does not re-parse");
	}
	if (j->type != YM_JSON_ARRAY || j->u.arr.n == 0) {
		fprintf(stderr, "fuzz_osv: text: %s\n", text);
		die(v, i, "stored JSON is not a non-empty array");
	}
	ym_arena_release(&a);
}

typedef struct tally {
	size_t records;
	size_t alias_bytes;
} tally;

static int sink(const ym_vuln *v, void *ctx, ym_err *err)
{
	tally *t = ctx;

	if (!v->vuln_id || !*v->vuln_id)
		die(v, 0, "record without an id");
	if (v->n_ranges && !v->ranges)
		die(v, 0, "range count without ranges");
	for (size_t i = 0; i < v->n_ranges; i++) {
		const ym_affected_range *r = &v->ranges[i];

		if (!r->range_type || !r->package || !r->ecosystem)
			die(v, i, "range without type, package or ecosystem");
		if (!r->events && !r->versions)
			die(v, i, "range without events or versions");
		if (r->events)
			check_array(v, i, r->events);
		if (r->versions)
			check_array(v, i, r->versions);
	}
	/* the alias list is NULL-terminated; ASan flags a missing end */
	for (size_t i = 0; v->aliases && v->aliases[i]; i++)
		t->alias_bytes += strlen(v->aliases[i]);
	t->records++;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ym_arena a;
	ym_err err = YM_ERR_INIT;
	tally t = {0, 0};
	int rc;

	ym_arena_init(&a, 4096);
	ym_feed_ctx fc = {.vuln = sink, .ctx = &t};
	rc = ym_osv_parse((const char *)data, size, "in.json", &a, &fc, &err);
	if (rc != 0 && (rc > 0 || err.code != rc || err.msg[0] == '\0')) {
		fprintf(stderr, "fuzz_osv: rc %d, err.code %d, msg '%s'\n",
			rc, err.code, err.msg);
		abort();
	}
	ym_arena_release(&a);
	return 0;
}
