/* cve5.h - CVE JSON 5.x records (cvelistV5, CISA vulnrichment).
 *
 * ym_cve5_parse reads one file holding a single CVE record (dataType
 * CVE_RECORD) or an array of them and hands each to fc->vuln as a ym_vuln
 * with source "cve5": the CNA's title, English and Japanese descriptions
 * (the rejection reason for a REJECTED record), CVSS metrics of the CNA
 * ("Primary", origin the CNA's short name) and of every ADP ("Secondary",
 * origin the ADP's short name), CWE ids, references (CNA then ADPs, one
 * per URL), the CNA's solutions and workarounds as remediations, CISA's
 * SSVC decision points, and the affected products as CPE criteria:
 *
 *  - each entry of affected[] (CNA and ADPs) is one configuration; its
 *    rows are its cpes (CPE 2.3 formatted strings, or 2.2 URIs rebound to
 *    formatted strings) times its "affected" version entries: version +
 *    lessThan -> start_incl/end_excl, lessThanOrEqual -> end_incl, a
 *    single version -> that version in the CPE's version attribute;
 *  - defaultStatus "affected" makes the versions not listed affected: one
 *    row with the bounds the "unaffected" entries leave (0 lessThan X ->
 *    from X, X lessThan * -> below X), unparsed when they leave more than
 *    one interval;
 *  - an entry without cpes gets "cpe:2.3:a:VENDOR:PRODUCT:*:..." built
 *    from its names, always unparsed (a name-based, low-confidence match);
 *  - every row keeps the source's words in text ("version 1.0 lessThan
 *    1.2 (semver)"); words that are not versions ("publication", git
 *    commits, "All versions") leave the bound out and set unparsed.
 *
 * docs/feeds-nvd-cve5.md has the full mapping. What breaks one record (a
 * value of the wrong JSON type, no cveMetadata.cveId or one that is not
 * CVE-YYYY-NNNN, a CVSS object without a vectorString string) goes through
 * ym_feed_bad_record with the file, line, column, CVE id and a field path
 * such as "[3].containers.adp[1].affected[0].cpes[2]". A cpes string that
 * is not a CPE name is such an error in strict mode and otherwise a
 * warning: that name is left out (the CPE lists of CNAs are hand-made).
 * A file that is not JSON or holds no CVE record is an error either way.
 *
 * Ownership: text is borrowed (it need not be NUL-terminated); every
 * string handed to the sink lives in arena a.
 */
#ifndef YM_FEEDS_CVE5_H
#define YM_FEEDS_CVE5_H

#include <stddef.h>

#include "core/arena.h"
#include "core/err.h"
#include "feeds/feed.h"

/* Most CPE rows one record may produce (cpes x version entries); a
 * record over it is malformed. */
#define YM_CVE5_MAX_ROWS 100000

int ym_cve5_parse(const char *text, size_t len, const char *file,
		  ym_arena *a, const ym_feed_ctx *fc, ym_err *err);

#endif
