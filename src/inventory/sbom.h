/* sbom.h - software bills of materials read into ledger components.
 *
 * Parsers fill a ym_sbom whose strings and arrays live in the caller's
 * arena. Components are flattened depth-first; parent_id is the 1-based
 * index of the parent component in the same array (0 = top level), the
 * form ym_store_components_replace takes.
 */
#ifndef YM_INVENTORY_SBOM_H
#define YM_INVENTORY_SBOM_H

#include <stddef.h>

#include "core/arena.h"
#include "core/err.h"
#include "store/store.h"

/* One edge of the dependency graph: from depends on to (bom-refs /
 * SPDX ids as the document writes them). */
typedef struct ym_sbom_dependency {
	const char *from;
	const char *to;
} ym_sbom_dependency;

/* A CycloneDX service (an API or endpoint the subject uses or offers). */
typedef struct ym_sbom_service {
	const char *bom_ref;
	const char *name;
	const char *version;
	const char *provider;      /* provider.name, or NULL */
	const char *endpoints;     /* ", "-joined URLs, or NULL */
	int authenticated;         /* 1 yes, 0 no, -1 not stated */
	int trust_boundary;        /* x-trust-boundary: 1, 0, -1 */
	const char *data;          /* ", "-joined "flow:classification", or
				    * NULL */
} ym_sbom_service;

typedef struct ym_sbom {
	const char *format;        /* "CycloneDX" | "SPDX" */
	const char *spec_version;  /* e.g. "1.5", "2.3" */
	const char *serial;        /* serialNumber / documentNamespace, or
				    * NULL */
	const char *subject_name;  /* metadata.component / the described
				    * package, or NULL */
	const char *subject_version;
	const char *subject_purl;  /* or NULL */
	const char *subject_cpe;   /* or NULL */
	const char *subject_supplier; /* or NULL */
	const char *subject_bom_ref;  /* CycloneDX metadata.component
				       * bom-ref (BOM-links name it), or
				       * NULL */
	ym_component *components;
	size_t n_components;
	ym_sbom_dependency *dependencies; /* also SPDX DEPENDS_ON etc.,
					   * turned the same way round */
	size_t n_dependencies;
	ym_sbom_service *services;
	size_t n_services;
	/* CycloneDX "vulnerabilities" (the VEX part of a BOM) as compact
	 * JSON, kept for the matching engine; NULL when absent. */
	const char *vex;
} ym_sbom;

/* Parses a CycloneDX JSON document. filename is used in error messages,
 * which name the line, column and field (e.g. components[2].purl). */
int ym_cyclonedx_parse_json(const char *text, size_t len,
			    const char *filename, ym_arena *a, ym_sbom *out,
			    ym_err *err);

#endif
