/* cyclonedx_xml.h - CycloneDX XML SBOMs (namespaces
 * http://cyclonedx.org/schema/bom/1.0 to 1.6) read into a ym_sbom.
 *
 * Gives the same ym_sbom as ym_cyclonedx_parse_json for the same BOM;
 * the vulnerabilities are turned into their CycloneDX JSON form (compact)
 * for out->vex. Hostile input: no network, no DTD loading, no entity
 * expansion; a DOCTYPE is refused; documents over YM_CDX_XML_MAX bytes
 * are refused (YM_E_TOOBIG). Errors name the file, line and the element
 * path (e.g. /bom/components/component[3]/purl, 1-based like XPath);
 * malformed XML is YM_E_PARSE with libxml2's message, line and column.
 * Strings and arrays live in the caller's arena.
 */
#ifndef YM_INVENTORY_CYCLONEDX_XML_H
#define YM_INVENTORY_CYCLONEDX_XML_H

#include <stddef.h>

#include "core/arena.h"
#include "core/err.h"
#include "inventory/sbom.h"

#define YM_CDX_XML_MAX ((size_t)256 << 20) /* 256 MiB */

int ym_cyclonedx_parse_xml(const char *text, size_t len,
			   const char *filename, ym_arena *a, ym_sbom *out,
			   ym_err *err);

#endif
