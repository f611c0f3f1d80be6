/* fuzz_vex.c - libFuzzer target for the VEX reader (CycloneDX, OpenVEX,
 * CSAF).
 *
 * Each input is parsed lax and strict. Every statement must have a
 * vulnerability id, a known status, NULL-terminated alias and response
 * lists, at least one product, and every product and subcomponent at
 * least one identifier; the text form must be writable. A failure must
 * leave a code and a message set; strict mode may give no more
 * statements than lax. Each statement is also matched against a
 * component built from its own first product (with its vendor as the
 * supplier and its BOM-link's bom-ref), alone and in that BOM, which
 * must not crash; a deb purl is matched with its distro qualifier
 * spelled as a codename too.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "match/vex.h"

static void die(const ym_vex_statement *st, const char *what)
{
	fprintf(stderr, "fuzz_vex: %s: %s\n",
		st && st->vuln_id ? st->vuln_id : "(no id)", what);
	abort();
}

static void check_product(const ym_vex_statement *st,
			  const ym_vex_product *p)
{
	if (!p->id && !p->purl && !p->cpe && !p->name)
		die(st, "product without identifier");
	if (p->n_subcomponents && !p->subcomponents)
		die(st, "subcomponent count without array");
	if (!p->bom_serial != !p->bom_ref)
		die(st, "BOM-link serial without bom-ref");
	if (p->relation && !p->n_subcomponents)
		die(st, "relation without subcomponents");
}

static void quiet(const ym_err *e, void *ctx)
{
	(void)ctx;
	if (!e->msg[0])
		abort();
}

static size_t run(const char *text, size_t size, int strict)
{
	ym_arena a;
	ym_err err = YM_ERR_INIT;
	ym_vex_doc d;
	ym_vex_opts o = {.strict = strict, .warn = quiet, .skip = quiet};
	ym_buf b = YM_BUF_INIT;
	int rc;

	ym_arena_init(&a, 4096);
	rc = ym_vex_parse_ex(text, size, "in.json", &o, &a, &d, &err);
	if (rc != 0 && (rc > 0 || err.code != rc || err.msg[0] == '\0')) {
		fprintf(stderr, "fuzz_vex: rc %d, err.code %d, msg '%s'\n",
			rc, err.code, err.msg);
		abort();
	}
	if (rc)
		d.n_statements = 0;
	for (size_t i = 0; i < d.n_statements; i++) {
		const ym_vex_statement *st = &d.statements[i];
		if (!st->vuln_id || !*st->vuln_id)
			die(st, "statement without a vulnerability id");
		if (!ym_vex_status_name(st->status))
			die(st, "unknown status");
		if (!st->aliases || !st->responses)
			die(st, "NULL list");
		for (size_t k = 0; st->aliases[k]; k++)
			if (!*st->aliases[k])
				die(st, "empty alias");
		if (!st->n_products || !st->products)
			die(st, "statement without products");
		for (size_t k = 0; k < st->n_products; k++) {
			const ym_vex_product *p = &st->products[k];
			check_product(st, p);
			for (size_t j = 0; j < p->n_subcomponents; j++)
				check_product(st, &p->subcomponents[j]);
		}
		ym_buf_reset(&b);
		ym_vex_statement_format(st, &b);
		const ym_vex_product *p = &st->products[0];
		ym_component c = {.purl = p->purl, .cpe = p->cpe,
				  .name = p->name, .version = p->version,
				  .supplier = p->vendor, .bom_ref = p->bom_ref};
		const ym_component *anc[] = {&c, NULL};
		ym_vex_hit h;
		(void)ym_vex_applies(st, st->vuln_id, st->aliases, &c, anc,
				     &h);
		(void)ym_vex_applies_in(st, st->vuln_id, st->aliases, &c, anc,
					p->bom_serial, &h);
		if (p->purl && strncmp(p->purl, "pkg:deb/", 8) == 0) {
			ym_component d2 = c;
			d2.purl = "pkg:deb/ubuntu/x@1?distro=jammy";
			(void)ym_vex_applies(st, st->vuln_id, NULL, &d2, NULL,
					     NULL);
		}
	}
	ym_buf_release(&b);
	ym_arena_release(&a);
	return rc ? 0 : d.n_statements;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);

	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	size_t lax = run(text, size, 0);
	size_t strict = run(text, size, 1);
	if (strict > lax) {
		fprintf(stderr, "fuzz_vex: strict %zu > lax %zu\n", strict,
			lax);
		abort();
	}
	free(text);
	return 0;
}
