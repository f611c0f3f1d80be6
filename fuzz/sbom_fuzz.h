/* sbom_fuzz.h - the body the SBOM importers' fuzz targets share
 * (fuzz_cyclonedx_xml, fuzz_spdx_json, fuzz_spdx_tv): parse, and on
 * success check what every importer promises. On success: the format is
 * the importer's; every component has a non-empty name, a parent_id that
 * is 0 or the 1-based index of an earlier component, and a canonical purl
 * (re-parses and formats to itself) with an ecosystem and a package key;
 * every dependency edge has both ends; every service has a name and
 * tri-state flags in -1..1. A failure must leave a negative code equal to
 * err.code and a message. The arena is released after every input. */
#ifndef YM_FUZZ_SBOM_FUZZ_H
#define YM_FUZZ_SBOM_FUZZ_H

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/err.h"
#include "ids/purl.h"
#include "inventory/sbom.h"

typedef int (*sbom_parse_fn)(const char *text, size_t len,
			     const char *filename, ym_arena *a, ym_sbom *out,
			     ym_err *err);

static const char *fuzz_name;

static void die(const char *what, size_t i)
{
	fprintf(stderr, "%s: item %zu: %s\n", fuzz_name, i, what);
	abort();
}

static void check(ym_arena *a, const ym_sbom *s, const char *format)
{
	if (!s->format || strcmp(s->format, format) != 0)
		die("success without its format", 0);
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

static int sbom_fuzz_one(const char *name, const char *format,
			 sbom_parse_fn parse, const uint8_t *data, size_t size)
{
	ym_arena a;
	ym_err err = YM_ERR_INIT;
	ym_sbom sbom;
	fuzz_name = name;
	ym_arena_init(&a, 4096);
	int rc = parse((const char *)data, size, "in", &a, &sbom, &err);
	if (rc != 0) {
		if (rc > 0 || err.code != rc || err.msg[0] == '\0') {
			fprintf(stderr, "%s: rc %d, err.code %d, msg '%s'\n",
				name, rc, err.code, err.msg);
			abort();
		}
	} else {
		check(&a, &sbom, format);
	}
	ym_arena_release(&a);
	return 0;
}

#endif
