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

typedef struct ym_sbom {
	const char *format;        /* "CycloneDX" */
	const char *spec_version;  /* e.g. "1.5" */
	const char *serial;        /* serialNumber, or NULL */
	const char *subject_name;  /* metadata.component.name, or NULL */
	const char *subject_version;
	ym_component *components;
	size_t n_components;
} ym_sbom;

/* Parses a CycloneDX JSON document. filename is used in error messages,
 * which name the line, column and field (e.g. components[2].purl). */
int ym_cyclonedx_parse_json(const char *text, size_t len,
			    const char *filename, ym_arena *a, ym_sbom *out,
			    ym_err *err);

#endif
