/* spdx.h - SPDX 2.2/2.3 SBOMs (JSON and tag-value) read into a ym_sbom.
 *
 * Packages become components (files and snippets do not); the package
 * the document DESCRIBES is the subject, not a component; DEPENDS_ON,
 * DEPENDENCY_OF (and its DEV_/BUILD_/... variants), CONTAINS and
 * CONTAINED_BY between packages become dependency edges, turned so that
 * from depends on (contains) to. Mapping: docs/sbom-formats.md.
 *
 * Strings and arrays live in the caller's arena a. filename is only used
 * in error messages, which name line, column and field (JSON:
 * packages[3].externalRefs[0].referenceLocator; tag-value: the tag, e.g.
 * packages[3].ExternalRef). SPDX 3.0 documents fail with
 * YM_E_UNSUPPORTED.
 */
#ifndef YM_INVENTORY_SPDX_H
#define YM_INVENTORY_SPDX_H

#include <stddef.h>

#include "core/arena.h"
#include "core/err.h"
#include "inventory/sbom.h"

int ym_spdx_parse_json(const char *text, size_t len, const char *filename,
		       ym_arena *a, ym_sbom *out, ym_err *err);
int ym_spdx_parse_tv(const char *text, size_t len, const char *filename,
		     ym_arena *a, ym_sbom *out, ym_err *err);

#endif
