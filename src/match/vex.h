/* vex.h - VEX statements from CycloneDX, OpenVEX and CSAF documents, in
 * one normalised form, and the rule that says which finding a statement
 * is about.
 *
 * ym_vex_parse reads one JSON document and detects the format from its
 * content: a CycloneDX BOM ("bomFormat": "CycloneDX", 1.4-1.6; a VEX BOM
 * or an SBOM with vulnerabilities[] embedded), an OpenVEX document
 * ("@context" https://openvex.dev/ns/...; v0.0.x and v0.2.0) or a CSAF
 * document of category csaf_vex (read by feeds/csaf.c). Each statement
 * carries one vulnerability, one status, a justification mapped onto the
 * OpenVEX / CISA vocabulary (the source's own word is kept beside it),
 * the products it names and where in the file it came from. This module
 * never touches the store; the caller applies statements to findings
 * with ym_vex_applies. docs/vex.md has the field mapping of each format
 * and the matching rules.
 *
 * Errors: a malformed statement (a member of the wrong JSON type, a
 * required member missing, a status or justification the format does not
 * define, a product with no identifier, an invalid purl, CPE or vers
 * range) fills the error with file, line, column, the vulnerability id as
 * record and a field path such as "statements[2].products[0]". In strict
 * mode that stops the parse with YM_E_INVALID; otherwise the statement is
 * left out, passed to opts->skip and counted in doc->n_skipped.
 * Inconsistencies that leave a statement usable (an OpenVEX not_affected
 * statement with neither justification nor impact statement, a
 * CycloneDX bom-ref the document does not define, a version entry whose
 * status contradicts the analysis) are warnings (opts->warn) in both
 * modes. A document that is none of the three formats, or not JSON, is
 * an error in both modes (YM_E_PARSE, YM_E_INVALID; YM_E_UNSUPPORTED for
 * CycloneDX XML, a CSAF category other than csaf_vex, a csaf_version
 * other than 2.0 / 2.1).
 *
 * Ownership: text and file are borrowed; everything in *out (strings,
 * arrays, the statements) lives in arena a until the caller resets or
 * releases it. ym_vex_applies allocates nothing the caller sees.
 */
#ifndef YM_MATCH_VEX_H
#define YM_MATCH_VEX_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "store/store.h"

typedef enum ym_vex_format {
	YM_VEX_FORMAT_NONE = 0,
	YM_VEX_FORMAT_CYCLONEDX,
	YM_VEX_FORMAT_OPENVEX,
	YM_VEX_FORMAT_CSAF
} ym_vex_format;

/* The OpenVEX / CISA statuses. */
typedef enum ym_vex_status {
	YM_VEX_NOT_AFFECTED = 1,
	YM_VEX_AFFECTED,
	YM_VEX_FIXED,
	YM_VEX_UNDER_INVESTIGATION
} ym_vex_status;

/* The OpenVEX / CISA justifications (CSAF flag labels are the same
 * words); CycloneDX justifications are mapped onto them (docs/vex.md). */
typedef enum ym_vex_justification {
	YM_VEX_JUST_NONE = 0,
	YM_VEX_COMPONENT_NOT_PRESENT,
	YM_VEX_VULNERABLE_CODE_NOT_PRESENT,
	YM_VEX_VULNERABLE_CODE_NOT_IN_EXECUTE_PATH,
	YM_VEX_VULNERABLE_CODE_CANNOT_BE_CONTROLLED_BY_ADVERSARY,
	YM_VEX_INLINE_MITIGATIONS_ALREADY_EXIST
} ym_vex_justification;

/* A product (or a subcomponent of one) a statement names. At least one
 * of purl, cpe, name or id is set. */
typedef struct ym_vex_product {
	const char *id;      /* the source's own reference: OpenVEX @id,
			      * CycloneDX affects[].ref (bom-ref or
			      * BOM-link), CSAF product_id; or NULL */
	const char *purl;    /* canonical (purl.h), or NULL */
	const char *cpe;     /* CPE 2.3 formatted string or 2.2 URI as the
			      * source wrote it, or NULL */
	const char *name;    /* product name (CycloneDX component name, CSAF
			      * full product name), or NULL */
	const char *version; /* one exact version (CycloneDX component
			      * version or versions[].version), or NULL;
			      * a version inside purl is not copied here */
	const char *range;   /* canonical "vers:" range (CycloneDX
			      * versions[].range, CSAF product_version_range),
			      * "vers:all/(star)" for every version, or NULL */
	const char *vendor;  /* who makes it: CSAF vendor branch, CycloneDX
			      * supplier / publisher / manufacturer; or
			      * NULL. Checked against ym_component.supplier
			      * when a product is matched by name */
	const char *bom_serial; /* a BOM-link into another BOM: that BOM's
				 * serial number (without "urn:uuid:"),
				 * lower case; else NULL */
	const char *bom_ref;    /* with bom_serial: the bom-ref inside it
				 * (the link's decoded fragment) */
	const struct ym_vex_product *subcomponents; /* OpenVEX subcomponents,
						     * CSAF relationship
						     * components */
	size_t n_subcomponents;
	const char *relation; /* CSAF relationship category of the
			       * subcomponents to this product
			       * ("default_component_of", "installed_on",
			       * ...), or NULL */
	long line;           /* where the product is named, 0 unknown */
} ym_vex_product;

typedef struct ym_vex_statement {
	const char *vuln_id;          /* CVE-..., GHSA-..., never NULL */
	const char *const *aliases;   /* NULL-terminated, never NULL; without
				       * vuln_id */
	ym_vex_status status;
	const char *status_text;      /* the source's word: "exploitable",
				       * "known_not_affected", "fixed", ... */
	ym_vex_justification justification; /* JUST_NONE when not given */
	const char *justification_text; /* as written ("code_not_reachable"),
					 * or NULL */
	const char *impact;           /* OpenVEX impact_statement, CycloneDX
				       * analysis.detail, CSAF impact threat;
				       * or NULL */
	const char *action;           /* OpenVEX action_statement, CycloneDX
				       * recommendation (else workaround),
				       * CSAF remediations "category: text"
				       * joined by newlines; or NULL */
	const char *notes;            /* OpenVEX status_notes, or NULL */
	const char *const *responses; /* CycloneDX analysis.response[],
				       * NULL-terminated, never NULL */
	const char *source;           /* CycloneDX vulnerability source.name,
				       * CSAF publisher; or NULL */
	const ym_vex_product *products;
	size_t n_products;            /* >= 1 */
	const char *timestamp;        /* when the statement was made:
				       * its own time, else the document's;
				       * or NULL */
	const char *first_issued;     /* CycloneDX analysis.firstIssued */
	/* evidence */
	ym_vex_format format;
	const char *file;             /* as given to ym_vex_parse */
	long line;                    /* of the statement (CSAF: of the
				       * product id in product_status) */
	const char *field;            /* "vulnerabilities[3]",
				       * "statements[0]", "vulnerabilities[1]
				       * .product_status.fixed[2]" */
} ym_vex_statement;

typedef struct ym_vex_doc {
	ym_vex_format format;
	const char *format_name;  /* "cyclonedx", "openvex", "csaf" */
	const char *spec_version; /* "1.5", "https://openvex.dev/ns/v0.2.0",
				   * "2.0" */
	const char *id;           /* serialNumber, @id, tracking id; or NULL */
	const char *author;       /* OpenVEX author, CSAF publisher name,
				   * CycloneDX metadata manufacturer /
				   * supplier / authors[0] name; or NULL */
	const char *timestamp;    /* document time, or NULL */
	const char *version;      /* document version as text, or NULL */
	const ym_vex_statement *statements;
	size_t n_statements;
	size_t n_skipped;         /* malformed statements left out (lax) */
	size_t n_warnings;
	size_t n_ignored;         /* entries that are not VEX statements:
				   * CycloneDX vulnerabilities without an
				   * analysis state, CSAF "recommended" */
} ym_vex_doc;

typedef struct ym_vex_opts {
	bool strict;             /* a malformed statement stops the parse */
	bool csaf_any_category;  /* also read product status of CSAF
				  * documents that are not csaf_vex */
	void (*warn)(const ym_err *w, void *ctx);
	void (*skip)(const ym_err *e, void *ctx); /* lax mode only */
	void *ctx;
} ym_vex_opts;

/* Lax, no callbacks (warnings and skips are only counted). text is
 * NUL-terminated at text[len]. */
int ym_vex_parse(const char *text, size_t len, const char *file,
		 ym_arena *a, ym_vex_doc *out, ym_err *err);
/* opts may be NULL (as ym_vex_parse). */
int ym_vex_parse_ex(const char *text, size_t len, const char *file,
		    const ym_vex_opts *opts, ym_arena *a, ym_vex_doc *out,
		    ym_err *err);

/* "not_affected", "affected", "fixed", "under_investigation". */
const char *ym_vex_status_name(ym_vex_status s);
/* "component_not_present", ...; NULL for YM_VEX_JUST_NONE. */
const char *ym_vex_justification_name(ym_vex_justification j);
/* "cyclonedx", "openvex", "csaf"; NULL for NONE. */
const char *ym_vex_format_name(ym_vex_format f);

/* Why a statement applies. */
typedef struct ym_vex_hit {
	const char *vuln_by;               /* "id" or "alias" */
	const ym_vex_product *product;     /* the product that matched */
	const ym_vex_product *subcomponent;/* the subcomponent, or NULL */
	const char *by;                    /* "purl", "cpe", "name" or
					    * "bom-link" */
	const ym_component *matched;       /* c or the ancestor that
					    * matched the product */
} ym_vex_hit;

/* Whether statement st is about the finding (vuln_id, vuln_aliases) on
 * component c. Conservative: any doubt (an identifier that does not
 * parse, a version the scheme cannot read, a missing version) means
 * false. The status is not looked at: the caller decides what each
 * status does (NOT_AFFECTED and FIXED suppress, see docs/vex.md).
 *
 *  1. Vulnerability: st->vuln_id or one of st->aliases equals vuln_id or
 *     one of vuln_aliases (ASCII case-insensitive).
 *  2. Product: a product without subcomponents matches c itself or one
 *     of ancestors (the statement is about the whole product, so every
 *     finding inside it); a product with subcomponents needs c to match
 *     a subcomponent and one of ancestors to match the product.
 *  3. One identity against one component: the first kind both sides
 *     have decides, in the order purl, CPE, name:
 *     - purl: same type, namespace, name (type-normalised) and subpath;
 *       every qualifier of the statement present in c with the same
 *       value; then the version: none in the statement = every version;
 *       a version (in the purl or in ->version) = equal in the scheme of
 *       the purl type (ym_version_cmp); ->range = c's version inside it
 *       (ym_vers_contains). c needs a version unless every version is
 *       meant.
 *     - CPE: ym_cpe_match (NISTIR 7696, statement as source), with the
 *       version taken from ->version / ->range as for purls when set.
 *     - name: equal bytes, and ->version equal bytes to c->version or
 *       c->version inside ->range; a name without version or range
 *       never matches. When both ->vendor and c->supplier are known
 *       they must be equal (ASCII case-insensitive).
 *     For a deb purl the distro qualifier compares by release: a
 *     codename (jammy, bookworm), an Ubuntu Pro pocket (esm-apps/jammy)
 *     and ubuntu-22.04(.x) / debian-12(.x) name the same release.
 *     A product known only by id (an unresolved bom-ref, an opaque
 *     OpenVEX @id) never matches.
 * ancestors: components that contain c, NULL-terminated (may be NULL).
 * hit may be NULL. */
bool ym_vex_applies(const ym_vex_statement *st, const char *vuln_id,
		    const char *const *vuln_aliases, const ym_component *c,
		    const ym_component *const *ancestors, ym_vex_hit *hit);

/* ym_vex_applies, knowing the serial number of the SBOM that c and its
 * ancestors came from (with or without "urn:uuid:"; NULL unknown). A
 * product named by a BOM-link into another BOM (->bom_serial) then also
 * matches the component of that BOM whose bom-ref is ->bom_ref (and, when
 * the product carries a version or range, whose version fits it); hit->by
 * is "bom-link". Without bom_serial, or for a different BOM, such a
 * product is matched by its other identifiers only (a purl fragment). */
bool ym_vex_applies_in(const ym_vex_statement *st, const char *vuln_id,
		       const char *const *vuln_aliases, const ym_component *c,
		       const ym_component *const *ancestors,
		       const char *bom_serial, ym_vex_hit *hit);

/* Appends a stable multi-line text form of st (for tests, logs and
 * evidence): "vuln ...", "status ...", one "product ..." line each. */
void ym_vex_statement_format(const ym_vex_statement *st, ym_buf *out);

#endif
