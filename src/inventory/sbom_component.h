/* sbom_component.h - helpers the SBOM parsers share (internal to
 * src/inventory: not for other modules).
 *
 * Every parser (CycloneDX JSON and XML, SPDX JSON and tag-value) ends a
 * component the same way, so that the same package gives the same ledger
 * row whatever the format: ym_sbom_component_finish canonicalises the
 * purl and derives ecosystem and pkg_key from it. Strings live in the
 * caller's arena; nothing here owns memory.
 */
#ifndef YM_INVENTORY_SBOM_COMPONENT_H
#define YM_INVENTORY_SBOM_COMPONENT_H

#include <stddef.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "inventory/sbom.h"

/* Fills c->purl (canonical), c->ecosystem, c->pkg_key and, when the
 * component has no version, c->version from the purl; then prefixes the
 * name with group ("group:name" for maven, "group/name" otherwise) when
 * group is non-empty. On a bad purl returns YM_E_INVALID with err->msg
 * "invalid purl '...': why" and no position: the caller adds file, line
 * and field. */
int ym_sbom_component_finish(ym_component *c, const char *group,
			     ym_arena *a, ym_err *err);

/* Canonical form of a purl (NULL stays NULL); same errors as above. */
int ym_sbom_purl_canonical(const char *purl, ym_arena *a, const char **out,
			   ym_err *err);

/* scope if it is required, optional or excluded, else NULL (schema-
 * invalid values are dropped, not refused). */
const char *ym_sbom_scope(const char *scope);

/* "prev, add" in the arena (add when prev is NULL or empty; prev when add
 * is NULL or empty). */
const char *ym_sbom_join(ym_arena *a, const char *prev, const char *add);

/* The CycloneDX name of a hash algorithm written the SPDX way: "SHA256"
 * -> "SHA-256", "SHA1" -> "SHA-1"; others (MD5, SHA3-256, BLAKE2b-256,
 * BLAKE3, ...) are returned as given. */
const char *ym_sbom_hash_alg(const char *spdx_alg);

/* Appends a stable, line-per-item text dump of a parsed SBOM (every
 * field, "-" for NULL) to out: for tests and debugging, and to compare
 * what two formats produced for the same BOM. */
void ym_sbom_dump(const ym_sbom *s, ym_buf *out);

/* Growable arrays of the parsers' outputs (in the arena only at the
 * end: the vectors use the heap while parsing). */
typedef struct ym_sbom_builder {
	ym_component *comps;
	size_t n_comps, cap_comps;
	ym_sbom_dependency *deps;
	size_t n_deps, cap_deps;
	ym_sbom_service *svcs;
	size_t n_svcs, cap_svcs;
} ym_sbom_builder;

/* Each returns the 1-based index of the item added. */
size_t ym_sbom_add_component(ym_sbom_builder *b, const ym_component *c);
void ym_sbom_add_dependency(ym_sbom_builder *b, const char *from,
			    const char *to);
void ym_sbom_add_service(ym_sbom_builder *b, const ym_sbom_service *s);
/* Copies the arrays into the arena and sets out's arrays and counts
 * (arrays are never NULL, even when empty). */
void ym_sbom_builder_finish(ym_sbom_builder *b, ym_arena *a, ym_sbom *out);
void ym_sbom_builder_release(ym_sbom_builder *b);

/* Sets err to YM_E_INVALID with msg, file, line, column and field. */
int ym_sbom_fail(ym_err *err, const char *file, long line, long col,
		 const char *field, const char *msg);

/* ---- SPDX 2.x, shared by the JSON and tag-value readers ---- */

/* "Organization: ACME (ops@acme.example)" -> "ACME", "Person: X" -> "X";
 * NOASSERTION, NONE and empty give NULL. */
const char *ym_spdx_party(const char *s, ym_arena *a);
/* licenseConcluded unless NOASSERTION/NONE/empty, else licenseDeclared
 * likewise, else NULL. */
const char *ym_spdx_license(const char *concluded, const char *declared);
/* primaryPackagePurpose -> CycloneDX-style type: "OPERATING_SYSTEM" ->
 * "operating-system"; NULL stays NULL. */
const char *ym_spdx_purpose(const char *p, ym_arena *a);
/* A CPE 2.2 URI ("cpe:/a:vendor:product:1.0") in the 2.3 formatted form;
 * YM_E_INVALID with the CPE parser's message (no position) if bad. */
int ym_spdx_cpe22(const char *uri, ym_arena *a, const char **out,
		  ym_err *err);

/* One relationship as the document writes it. */
typedef struct ym_spdx_rel {
	const char *from;  /* spdxElementId */
	const char *type;  /* relationshipType, e.g. DEPENDS_ON */
	const char *to;    /* relatedSpdxElement */
} ym_spdx_rel;

/* From the packages collected in b (bom_ref = SPDXID, parent_id 0), the
 * ids the document describes (documentDescribes, in order) and the
 * relationships: picks the subject (the first described package, from
 * documentDescribes, then "DOC DESCRIBES x", then "x DESCRIBED_BY DOC"),
 * moves it out of the component list into out->subject_*, and turns the
 * dependency relationships between packages into edges (docs/sbom-
 * formats.md lists the types and which way round each goes). doc_id is
 * the document's SPDXID. Sets out's arrays. */
void ym_spdx_assemble(ym_sbom_builder *b, const char *doc_id,
		      const char *const *describes, size_t n_describes,
		      const ym_spdx_rel *rels, size_t n_rels, ym_arena *a,
		      ym_sbom *out);

#endif
