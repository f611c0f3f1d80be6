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
	int64_t cpe_records;  /* source records with CPE configurations */
	int64_t unreadable_ranges; /* evaluations skipped: a version in the
				      range its scheme cannot read */
	int64_t vex_suppressed; /* findings a VEX statement suppressed */
	int64_t manual_suppressed; /* findings a person suppressed */
	int64_t pending_vulns, pending_assets; /* ym_match_pending's work */
	/* where the time went (seconds): building the index, reading the
	 * components, evaluating, recording the findings */
	double index_seconds, load_seconds, eval_seconds, record_seconds;
} ym_match_stats;

/* Matches every component of asset_id (0 = all assets) against the
 * store's vulnerabilities and records findings, in one transaction. A
 * full run builds the complete index and evaluates on every core; an
 * asset run indexes that asset's packages only. */
int ym_match_run(ym_store *s, int64_t asset_id, ym_match_stats *stats,
		 ym_err *err);

/* Incremental: re-evaluates only the (component, vulnerability) pairs of
 * these vulnerability rows (their records changed, appeared, were
 * withdrawn), in one transaction; their findings that no longer hold are
 * resolved. */
int ym_match_vulns(ym_store *s, const int64_t *vuln_rowids, size_t n,
		   ym_match_stats *stats, ym_err *err);

/* Does the work the store queued since the last run (every vulnerability
 * whose records changed, every asset whose software changed): what
 * imports call. Many vulnerabilities at once make it a full run. */
int ym_match_pending(ym_store *s, ym_match_stats *stats, ym_err *err);

void ym_match_stats_add(ym_match_stats *to, const ym_match_stats *from);

/* The complete index, built once and used for any number of full runs
 * (a server keeps it; benchmarks time its parts). */
typedef struct ym_matcher ym_matcher;
int ym_matcher_build(ym_store *s, ym_matcher **out, ym_err *err);
/* Bytes the index holds. */
size_t ym_matcher_memory(const ym_matcher *m);
int ym_matcher_run(ym_matcher *m, ym_store *s, ym_match_stats *stats,
		   ym_err *err);
void ym_matcher_free(ym_matcher *m);

#endif
