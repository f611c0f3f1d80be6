/* fuzz_cyclonedx.c - libFuzzer target for the CycloneDX JSON importer.
 *
 * On success the flattened component list must hold: every component has
 * a non-empty name, its parent_id is 0 or the 1-based index of an earlier
 * component, and a purl, when present, is canonical (it re-parses and
 * formats to itself) and came with an ecosystem and a package key. A
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
done:
	ym_arena_release(&a);
	return 0;
}
