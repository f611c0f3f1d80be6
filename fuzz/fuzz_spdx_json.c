/* fuzz_spdx_json.c - libFuzzer target for the SPDX 2 JSON importer.
 *
 * On success: the format is SPDX; every component has a non-empty name,
 * a parent_id that is 0 or the 1-based index of an earlier component, and
 * a canonical purl (re-parses and formats to itself) with an ecosystem
 * and a package key; every dependency edge has both ends; every service
 * has a name and tri-state flags in -1..1. A failure must leave a
 * negative code equal to err.code and a message. The arena is released
 * after every input.
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/err.h"
#include "ids/purl.h"
#include "inventory/spdx.h"

static void die(const char *what, size_t i)
{
	fprintf(stderr, "fuzz_spdx_json: item %zu: %s\n", i, what);
	abort();
}

static void check(ym_arena *a, const ym_sbom *s)
{
	if (!s->format || strcmp(s->format, "SPDX") != 0)
		die("success without the SPDX format", 0);
	for (size_t i = 0; i < s->n_components; i++) {
		const ym_component *c = &s->components[i];
		if (!c->name || !*c->name)
			die("empty name", i);
		if (c->parent_id < 0 || (uint64_t)c->parent_id >= i + 1)
			die("parent_id is not an earlier component", i);
		if (c->purl) {
			ym_err err = YM_ERR_INIT;
			ym_purl p;
			const char *f;
			if (!c->ecosystem || !c->pkg_key)
				die("purl without ecosystem or key", i);
			if (ym_purl_parse(c->purl, a, &p, &err) != 0)
				die("canonical purl does not parse", i);
			f = ym_purl_format(&p, a);
			if (!f || strcmp(f, c->purl) != 0)
				die("purl is not canonical", i);
		}
	}
	for (size_t i = 0; i < s->n_dependencies; i++)
		if (!s->dependencies[i].from || !s->dependencies[i].to)
			die("dependency without both ends", i);
	for (size_t i = 0; i < s->n_services; i++) {
		const ym_sbom_service *v = &s->services[i];
		if (!v->name || !*v->name)
			die("service without a name", i);
		if (v->authenticated < -1 || v->authenticated > 1 ||
		    v->trust_boundary < -1 || v->trust_boundary > 1)
			die("service flag out of range", i);
	}
	if (s->vex)
		(void)strlen(s->vex);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ym_arena a;
	ym_err err = YM_ERR_INIT;
	ym_sbom sbom;
	int rc;

	ym_arena_init(&a, 4096);
	rc = ym_spdx_parse_json((const char *)data, size, "in", &a, &sbom, &err);
	if (rc != 0) {
		if (rc > 0 || err.code != rc || err.msg[0] == '\0') {
			fprintf(stderr, "fuzz_spdx_json: rc %d, err.code %d, "
				"msg '%s'\n", rc, err.code, err.msg);
			abort();
		}
	} else {
		check(&a, &sbom);
	}
	ym_arena_release(&a);
	return 0;
}
