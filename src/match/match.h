/* match.h - the matching engine: which component is affected by which
 * vulnerability, and why.
 *
 * The index maps (purl type, package key) to the affected ranges of every
 * vulnerability; evaluation uses the ecosystem's version scheme. Each
 * finding carries its evidence: the source record, the range or version
 * list that matched, the scheme, and the component identifier used.
 */
#ifndef YM_MATCH_H
#define YM_MATCH_H

#include <stdint.h>

#include "core/err.h"
#include "store/store.h"

typedef struct ym_match_stats {
	int64_t components;   /* components examined */
	int64_t matchable;    /* with a package identity and a version */
	int64_t bad_versions; /* versions the scheme could not read */
	int64_t findings;     /* matches in this run */
	int64_t new_findings; /* of which new */
	int64_t resolved;     /* open findings no longer matching */
	int64_t ranges;       /* affected ranges in the index */
	int64_t unreadable_ranges; /* evaluations skipped: a version in the
				      range its scheme cannot read */
	int64_t vex_suppressed; /* findings a VEX statement suppressed */
	int64_t manual_suppressed; /* findings a person suppressed */
} ym_match_stats;

/* Matches every component of asset_id (0 = all assets) against the
 * store's vulnerabilities and records findings, in one transaction. */
int ym_match_run(ym_store *s, int64_t asset_id, ym_match_stats *stats,
		 ym_err *err);

#endif
