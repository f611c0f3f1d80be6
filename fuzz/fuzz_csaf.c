/* fuzz_csaf.c - libFuzzer target for the CSAF importer.
 *
 * Each input is parsed twice, lax and strict. Every record handed to the
 * sink must have a non-empty vuln_id and record_id, source "csaf", a
 * known severity, NULL-terminated alias and CWE lists, references,
 * remediations and threats that re-parse as JSON arrays, CVSS entries
 * with a version, a vector and a score of -1 or 0..10, and product
 * entries with a known status and a product id. A failure must leave a
 * code and a message set; strict mode may emit no more records than lax.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/err.h"
#include "core/json.h"
#include "feeds/csaf.h"

static void die(const ym_vuln *v, const char *what)
{
	fprintf(stderr, "fuzz_csaf: %s: %s\n",
		v && v->record_id ? v->record_id : "(no id)", what);
	abort();
}

static void check_array(const ym_vuln *v, const char *text)
{
	ym_arena a;
	ym_err err = YM_ERR_INIT;
	ym_json *j;

	if (!text)
		return;
	ym_arena_init(&a, 1024);
	j = ym_json_parse(&a, text, strlen(text), NULL, "json", &err);
	if (!j || j->type != YM_JSON_ARRAY) {
		fprintf(stderr, "fuzz_csaf: text: %s\n", text);
		die(v, "stored JSON is not an array");
	}
	ym_arena_release(&a);
}

static int one_of(const char *s, const char *const *list)
{
	for (; s && *list; list++)
		if (strcmp(s, *list) == 0)
			return 1;
	return 0;
}

static int sink(const ym_vuln *v, void *ctx, ym_err *err)
{
	static const char *const sev[] = {"critical", "high", "medium", "low",
					  "none", "unknown", NULL};
	static const char *const st[] = {
		"known_affected", "fixed", "known_not_affected",
		"under_investigation", "first_affected", "last_affected",
		"first_fixed", "recommended", NULL};
	size_t *n = ctx;

	(void)err;
	if (!v->vuln_id || !*v->vuln_id || !v->record_id || !*v->record_id)
		die(v, "record without an id");
	if (!v->source || strcmp(v->source, "csaf") != 0)
		die(v, "source is not csaf");
	if (!one_of(v->severity, sev))
		die(v, "unknown severity");
	for (size_t i = 0; v->aliases && v->aliases[i]; i++)
		if (!*v->aliases[i])
			die(v, "empty alias");
	for (size_t i = 0; v->cwes && v->cwes[i]; i++)
		if (!*v->cwes[i])
			die(v, "empty cwe");
	check_array(v, v->references);
	check_array(v, v->remediations);
	check_array(v, v->threats);
	if ((v->n_cvss && !v->cvss) || (v->n_products && !v->products))
		die(v, "count without array");
	for (size_t i = 0; i < v->n_cvss; i++) {
		const ym_cvss_entry *c = &v->cvss[i];
		if (!c->version || !c->vector)
			die(v, "cvss without version or vector");
		if (!(c->base_score == -1 ||
		      (c->base_score >= 0 && c->base_score <= 10)))
			die(v, "cvss score out of range");
		if (c->severity && !one_of(c->severity, sev))
			die(v, "unknown cvss severity");
	}
	for (size_t i = 0; i < v->n_products; i++) {
		const ym_product_status *p = &v->products[i];
		if (!one_of(p->status, st))
			die(v, "unknown product status");
		if (!p->product_id || !*p->product_id)
			die(v, "product status without product id");
		if (p->justification && strcmp(p->status, "known_not_affected"))
			die(v, "justification on an affected product");
	}
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
	ym_feed_ctx fc = {.strict = strict, .vuln = sink, .warn = quiet,
			  .skip = quiet, .ctx = &n};
	rc = ym_csaf_parse(text, size, "in.json", &a, &fc, &err);
	if (rc != 0 && (rc > 0 || err.code != rc || err.msg[0] == '\0')) {
		fprintf(stderr, "fuzz_csaf: rc %d, err.code %d, msg '%s'\n",
			rc, err.code, err.msg);
		abort();
	}
	ym_arena_release(&a);
	return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* parsers get text NUL-terminated at text[len] */
	char *text = malloc(size + 1);

	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	size_t lax = run(text, size, 0);
	size_t strict = run(text, size, 1);
	if (strict > lax) {
		fprintf(stderr, "fuzz_csaf: strict %zu > lax %zu\n", strict,
			lax);
		abort();
	}
	free(text);
	return 0;
}
