/* sbom_detect.h - read an SBOM in any supported format.
 *
 * The format is decided from the content, never the file name:
 *   JSON with "bomFormat": "CycloneDX"      -> CycloneDX JSON
 *   JSON with "spdxVersion"                 -> SPDX 2.x JSON
 *   JSON-LD with an spdx.org/rdf/3 @context -> SPDX 3 (not supported yet)
 *   XML whose root is bom in a CycloneDX namespace -> CycloneDX XML
 *   text whose first tag is SPDXVersion:    -> SPDX tag-value
 * A well-formed document of another kind fails with YM_E_UNSUPPORTED and
 * a message naming what it looked like ("a JSON document without
 * bomFormat or spdxVersion", "an XML document whose root is <rdf:RDF>
 * ...", "a YAML document ..."); text that is none of these (empty,
 * garbled) gets the JSON parser's syntax error with its position, as
 * when JSON was the only format.
 * Output and errors as the parsers in sbom.h / spdx.h / cyclonedx_xml.h.
 */
#ifndef YM_INVENTORY_SBOM_DETECT_H
#define YM_INVENTORY_SBOM_DETECT_H

#include <stddef.h>

#include "core/arena.h"
#include "core/err.h"
#include "inventory/sbom.h"

int ym_sbom_parse_any(const char *text, size_t len, const char *filename,
		      ym_arena *a, ym_sbom *out, ym_err *err);

#endif
