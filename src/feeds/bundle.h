/* bundle.h - air-gapped transfer of vulnerability intelligence.
 *
 * On a connected machine `feed export-bundle FILE` writes everything the
 * store knows - every source record as it was imported (NVD, JVN, OSV,
 * CSAF...), KEV and EPSS - into one .tar.gz; in the closed network
 * `feed import-bundle FILE` checks it completely before writing anything
 * and imports it in one transaction. Layout (docs/feed-bundle.md):
 *
 *   vulns-0001.jsonl ...  one source record per line (vuln_json.h)
 *   kev.jsonl             one KEV entry per line
 *   epss.jsonl            one current EPSS score per line
 *   manifest.json         format, version, creation time, and for every
 *                         member its kind, record count, size and SHA-256
 */
#ifndef YM_FEEDS_BUNDLE_H
#define YM_FEEDS_BUNDLE_H

#include <stdint.h>

#include "core/err.h"
#include "feeds/feed_import.h"
#include "store/store.h"

typedef struct ym_bundle_counts {
	int64_t vulns, kev, epss; /* records */
	int64_t members;          /* data files in the archive */
	int64_t bytes;            /* uncompressed data bytes */
} ym_bundle_counts;

/* since: only vulnerabilities modified on or after this date (NULL: all;
 * KEV and EPSS always travel whole, they are small). */
int ym_bundle_export(ym_store *s, const char *path, const char *since,
		     ym_bundle_counts *counts, ym_err *err);

/* Verifies the manifest and every member's size and SHA-256, then
 * imports; a bundle that fails verification changes nothing. stats
 * counts records as feed_import does. */
int ym_bundle_import(ym_store *s, const char *path, ym_bundle_counts *counts,
		     ym_import_stats *stats, ym_err *err);

#endif
