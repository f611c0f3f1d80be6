/* fuzz_cyclonedx.c - libFuzzer target for the CycloneDX JSON importer.
 *
 * On success the flattened component list must hold: every component has
 * a non-empty name, its parent_id is 0 or the 1-based index of an earlier
 * component, and a purl, when present, is canonical (it re-parses and
 * formats to itself) and came with an ecosystem and a package key; every
 * dependency edge has both ends, every service a name and flags in
 * -1..1, and the VEX text, when kept, is JSON that parses again. A
 * failure must leave a code and a message set. The arena is released
 * after every input.
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/err.h"
#include "core/json.h"
#include "ids/purl.h"
#include "inventory/sbom.h"

static void die(const char *what, size_t i, const ym_component *c)
{
	fprintf(stderr, "fuzz_cyclonedx: components[%zu]: %s\n", i, what);
	if (c)
		fprintf(stderr, "  name '%s' parent_id %" PRId64
			" purl '%s'\n", c->name ? c->name : "(null)",
			c->parent_id, c->purl ? c->purl : "(null)");
	abort();
}

static void check_purl(ym_arena *a, size_t i, const ym_component *c)
{
	ym_err err = YM_ERR_INIT;
	ym_purl p;
	const char *s;

	if (!c->ecosystem || !*c->ecosystem || !c->pkg_key || !*c->pkg_key)
		die("purl without ecosystem or package key", i, c);
	if (ym_purl_parse(c->purl, a, &p, &err) != 0)
		die("canonical purl does not parse", i, c);
	s = ym_purl_format(&p, a);
	if (!s || strcmp(s, c->purl) != 0)
		die("purl is not canonical", i, c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ym_arena a;
	ym_err err = YM_ERR_INIT;
	ym_sbom sbom;
	int rc;

	ym_arena_init(&a, 4096);
	rc = ym_cyclonedx_parse_json((const char *)data, size, "in.json", &a,
				     &sbom, &err);
	if (rc != 0) {
		if (rc > 0 || err.code != rc || err.msg[0] == '\0') {
			fprintf(stderr, "fuzz_cyclonedx: rc %d, err.code %d, "
				"msg '%s'\n", rc, err.code, err.msg);
			abort();
		}
		goto done;
	}
	if (!sbom.format || strcmp(sbom.format, "CycloneDX") != 0)
		die("success without the CycloneDX format", 0, NULL);
	if (sbom.n_components && !sbom.components)
		die("component count without components", 0, NULL);
	for (size_t i = 0; i < sbom.n_components; i++) {
		const ym_component *c = &sbom.components[i];

		if (!c->name || !*c->name)
			die("empty name", i, c);
		/* i + 1 is this component's 1-based index */
		if (c->parent_id < 0 || (uint64_t)c->parent_id >= i + 1)
			die("parent_id is not an earlier component", i, c);
		if (c->purl)
			check_purl(&a, i, c);
	}
	for (size_t i = 0; i < sbom.n_dependencies; i++)
		if (!sbom.dependencies[i].from || !sbom.dependencies[i].to)
			die("dependency without both ends", i, NULL);
	for (size_t i = 0; i < sbom.n_services; i++) {
		const ym_sbom_service *v = &sbom.services[i];
		if (!v->name || !*v->name)
			die("service without a name", i, NULL);
		if (v->authenticated < -1 || v->authenticated > 1 ||
		    v->trust_boundary < -1 || v->trust_boundary > 1)
			die("service flag out of range", i, NULL);
	}
	if (sbom.vex) {
		ym_err jerr = YM_ERR_INIT;
		if (!ym_json_parse(&a, sbom.vex, strlen(sbom.vex), NULL, "vex",
				   &jerr))
			die("vex is not JSON", 0, NULL);
	}
done:
	ym_arena_release(&a);
	return 0;
}
