/* cvss.h - CVSS v2.0, v3.0, v3.1 and v4.0 vectors: strict parsing, scores,
 * severity ratings and canonical formatting.
 *
 * A parsed vector is a small value (no pointers, no allocation): one byte
 * per metric of its version. Parsing, scoring and formatting never
 * allocate, so they are safe to call from any thread on distinct values.
 * Arguments are borrowed; results are written to caller-supplied storage.
 * See docs/cvss.md for the parsing rules and their sources.
 */
#ifndef YM_RISK_CVSS_H
#define YM_RISK_CVSS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/err.h"

typedef enum ym_cvss_version {
	YM_CVSS_V2 = 1, /* no prefix, or NVD's "(AV:N/...)" */
	YM_CVSS_V30,    /* "CVSS:3.0/" */
	YM_CVSS_V31,    /* "CVSS:3.1/" */
	YM_CVSS_V40     /* "CVSS:4.0/" */
} ym_cvss_version;

/* Metric groups, as bits (ym_cvss_format selects groups with them).
 * TEMPORAL is v4.0's Threat group. */
enum {
	YM_CVSS_G_BASE = 1u << 0,
	YM_CVSS_G_TEMPORAL = 1u << 1,
	YM_CVSS_G_ENVIRONMENTAL = 1u << 2,
	YM_CVSS_G_SUPPLEMENTAL = 1u << 3, /* v4.0 only, never scored */
	YM_CVSS_G_ALL = 0xfu
};

#define YM_CVSS_MAX_METRICS 32 /* v4.0 has the most: 32 */

typedef struct ym_cvss {
	ym_cvss_version version;
	/* v[i]: metric i of the version's table (spec order), 0 = absent,
	 * else 1 + index of its value in that table. */
	uint8_t v[YM_CVSS_MAX_METRICS];
	/* groups with at least one metric whose value is not X / ND
	 * (YM_CVSS_G_* bits); base is always set. */
	unsigned present;
} ym_cvss;

typedef enum ym_cvss_severity {
	YM_CVSS_SEV_NONE,     /* v3/v4: 0.0 */
	YM_CVSS_SEV_LOW,      /* v2 (NVD): 0.0-3.9; v3/v4: 0.1-3.9 */
	YM_CVSS_SEV_MEDIUM,   /* 4.0-6.9 */
	YM_CVSS_SEV_HIGH,     /* v2: 7.0-10.0; v3/v4: 7.0-8.9 */
	YM_CVSS_SEV_CRITICAL  /* v3/v4: 9.0-10.0 */
} ym_cvss_severity;

/* Which groups the overall score covers: v4.0's CVSS-B, -BT, -BE, -BTE;
 * for v2/v3 the same names with T = Temporal. */
typedef enum ym_cvss_nomenclature {
	YM_CVSS_NOM_B,
	YM_CVSS_NOM_BT,
	YM_CVSS_NOM_BE,
	YM_CVSS_NOM_BTE
} ym_cvss_nomenclature;

typedef struct ym_cvss_scores {
	/* Every score is a multiple of 0.1 in [0, 10]. Not-defined metrics
	 * take their spec defaults, so all three are always computed:
	 * temporal == base when no temporal metric is present, and so on. */
	double base;          /* base score; v4.0: CVSS-B */
	double temporal;      /* v2/v3 temporal; v4.0: CVSS-BT (threat) */
	double environmental; /* v2/v3 environmental; v4.0: CVSS-BE/-BTE */
	double overall;       /* the score of the vector as written */
	ym_cvss_severity severity;   /* rating of overall */
	ym_cvss_nomenclature nomenclature; /* groups present in the vector */
} ym_cvss_scores;

/* Parses a vector: "CVSS:4.0/...", "CVSS:3.1/...", "CVSS:3.0/...", or a
 * v2 vector without prefix, optionally in parentheses. Strict: no blanks,
 * no empty component or trailing '/', known metrics with valid values,
 * each at most once, every base metric, and the order where the version
 * requires one (v2, v4.0). Returns 0, or YM_E_PARSE with err->msg naming
 * the 1-based byte position and the offending text (err->column is the
 * position too). out is left zeroed on failure. */
int ym_cvss_parse(const char *vector, ym_cvss *out, ym_err *err);

/* Same with an explicit length (vector need not be NUL-terminated). */
int ym_cvss_parsen(const char *vector, size_t len, ym_cvss *out,
		   ym_err *err);

/* Scores a parsed vector. Cannot fail. */
void ym_cvss_score(const ym_cvss *c, ym_cvss_scores *s);

/* Canonical vector of the groups in mask (YM_CVSS_G_*): prefix (none for
 * v2), metrics in spec order, not-defined values (X, ND) left out.
 * With YM_CVSS_FMT_NO_PREFIX the prefix is omitted (for showing one
 * group). Writes at most cap bytes including the NUL; returns the length
 * the full string needs (snprintf-like). 192 bytes always suffice. */
#define YM_CVSS_FMT_NO_PREFIX 0x100u
#define YM_CVSS_FORMAT_MAX 192
size_t ym_cvss_format(const ym_cvss *c, unsigned mask, char *buf,
		      size_t cap);

/* Value of a metric by its spec abbreviation ("AV", "Au", "MSI"), as
 * written in the vector; NULL if absent or not a metric of the version. */
const char *ym_cvss_get(const ym_cvss *c, const char *metric);

/* A score as printf("%.1f") writes it ("9.8", "10.0", "-0.2"), without
 * printf: buf gets at most YM_CVSS_SCORE_MAX bytes including the NUL.
 * Returns the length. Only for scores from ym_cvss_score (tenths in
 * [-10, 10]). */
#define YM_CVSS_SCORE_MAX 8
size_t ym_cvss_score_str(double score, char *buf);

/* "2.0", "3.0", "3.1", "4.0". */
const char *ym_cvss_version_name(ym_cvss_version v);
/* "None", "Low", "Medium", "High", "Critical" (untranslated: these are
 * the spec's names; the CLI translates for display). */
const char *ym_cvss_severity_name(ym_cvss_severity s);
/* "CVSS-B", "CVSS-BT", "CVSS-BE", "CVSS-BTE". */
const char *ym_cvss_nomenclature_name(ym_cvss_nomenclature n);
/* Severity of a score for a version (v2: NVD's three bands). */
ym_cvss_severity ym_cvss_severity_of(ym_cvss_version v, double score);

#endif
