/* csaf.h - CSAF 2.0 (and 2.1) advisories, VEX included.
 *
 * ym_csaf_parse reads one CSAF JSON document and hands one ym_vuln per
 * entry of vulnerabilities[] to fc->vuln (source "csaf"). The product tree
 * is resolved first: branches at any depth (the product's name is the
 * branch path joined with spaces), full_product_names, relationships (the
 * relationship's own full_product_name, with the cpe / purl of the product
 * it refers to) and product groups (group ids expand to product ids).
 * Every record then carries one ym_product_status per (status, product),
 * its CVSS scores, remediations, threats and references as compact JSON,
 * and the VEX justification and impact statement of each product.
 * docs/feeds-csaf-kev-epss.md has the field mapping.
 *
 * What breaks one vulnerability (a value of the wrong JSON type, a
 * required member missing, a malformed CVE id) goes through
 * ym_feed_bad_record with the file, line, column, record id and a field
 * path such as "vulnerabilities[2].product_status.fixed[0]". Problems of
 * consistency (a product id that the tree does not define, a status key
 * CSAF does not know, a product both affected and fixed, ...) are
 * warnings (fc->warn); the record is kept. A malformed part of the
 * product tree is a warning that leaves that part out, or in strict mode
 * an error. A file that is not a CSAF document (no document object, no
 * category or csaf_version, an OpenVEX or ROLIE file, a JSON schema) is
 * an error with code YM_E_INVALID (YM_E_UNSUPPORTED for a csaf_version
 * other than 2.0 and 2.1) and no record is emitted.
 *
 * Ownership: text is borrowed; every string handed to the sink lives in
 * arena a.
 */
#ifndef YM_FEEDS_CSAF_H
#define YM_FEEDS_CSAF_H

#include <stddef.h>

#include "core/arena.h"
#include "core/err.h"
#include "feeds/feed.h"

int ym_csaf_parse(const char *text, size_t len, const char *file,
		  ym_arena *a, const ym_feed_ctx *fc, ym_err *err);

#endif
