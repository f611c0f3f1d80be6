/* nvd.h - NVD CVE API 2.0 JSON into the normalised vulnerability model.
 *
 * ym_nvd_parse reads one NVD CVE API 2.0 response page ({"resultsPerPage":
 * .., "vulnerabilities": [{"cve": {..}}, ..]}), one item ({"cve": {..}}) or
 * one bare cve object, and hands every CVE to fc->vuln as a ym_vuln with
 * source "nvd": its descriptions, dates and status, every CVSS metric
 * (v4.0, v3.1, v3.0, v2), the CWE ids of its weaknesses, the references
 * as compact JSON, CISA's SSVC decision points (metrics.ssvcV203) and the
 * configurations flattened into ym_cpe_criterion rows.
 * docs/feeds-nvd-cve5.md has the field mapping.
 *
 * What breaks one CVE (a value of the wrong JSON type, an id that is not
 * CVE-YYYY-NNNN, a criteria that is not a CPE 2.3 formatted string, a CVSS
 * metric without a vector string, an operator other than AND/OR) goes
 * through ym_feed_bad_record with file, line, column, the CVE id and a
 * field path such as
 * "vulnerabilities[12].cve.configurations[0].nodes[1].cpeMatch[3].criteria".
 * A file that is not JSON, or JSON that is not an NVD CVE API response
 * (a cpematch, change history or source API response, an NVD 1.1 feed),
 * is an error in either mode and no record is emitted.
 *
 * Ownership: text is borrowed (it need not be NUL-terminated); every
 * string handed to the sink lives in arena a.
 */
#ifndef YM_FEEDS_NVD_H
#define YM_FEEDS_NVD_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "core/err.h"
#include "feeds/feed.h"

int ym_nvd_parse(const char *text, size_t len, const char *file,
		 ym_arena *a, const ym_feed_ctx *fc, ym_err *err);

/* The paging fields of a response page. */
typedef struct ym_nvd_page {
	long results_per_page; /* -1 when the input is not a page */
	long start_index;      /* -1 when the input is not a page */
	long total_results;    /* -1 when the input is not a page */
	size_t records;        /* CVEs in the input, emitted or skipped */
} ym_nvd_page;

/* ym_nvd_parse that also fills *page (may be NULL), so that sync code
 * reads the paging fields without parsing the page twice. */
int ym_nvd_parse_page(const char *text, size_t len, const char *file,
		      ym_arena *a, const ym_feed_ctx *fc, ym_nvd_page *page,
		      ym_err *err);

/* Reads only resultsPerPage, startIndex and totalResults of an NVD API
 * response (any NVD API 2.0 response has them). Each must be a
 * non-negative integer; the out-parameters may be NULL. */
int ym_nvd_page_info(const char *text, size_t len, const char *file,
		     ym_arena *a, long *results_per_page, long *start_index,
		     long *total_results, ym_err *err);

/* --- Shared with the CVE JSON 5 parser (feeds/cve5.c) --- */

/* s[0..n) is CVE-YYYY-NNNN with four or more digits at the end. */
bool ym_nvd_cve_id_valid(const char *s, size_t n);
/* "CWE-79" and the like: CWE- and digits only (not NVD-CWE-Other). */
bool ym_nvd_cwe_id_valid(const char *s);
/* A CVSS rating in lower case: "critical", "high", "medium", "low" or
 * "none" as constants, any other text lower-cased into a; NULL for
 * NULL. */
const char *ym_nvd_rating_lower(const char *s, ym_arena *a);
/* The record's severity (critical|high|medium|low|none|unknown) from a
 * source's rating or, when it gives none, from the base score by the
 * rating scale of that CVSS version (v2 has no critical and no none). */
const char *ym_nvd_severity(const char *rating, const char *version,
			    double score);
/* An English language tag: "en", "en-US", "en_GB", ... */
bool ym_nvd_lang_en(const char *lang);
/* A Japanese language tag: "ja", "ja-JP", ... */
bool ym_nvd_lang_ja(const char *lang);

/* SSVC decision points. */
typedef enum ym_nvd_ssvc_point {
	YM_SSVC_UNKNOWN_POINT,
	YM_SSVC_EXPLOITATION,
	YM_SSVC_AUTOMATABLE,
	YM_SSVC_TECHNICAL_IMPACT
} ym_nvd_ssvc_point;

/* "Exploitation", "exploitation", "Technical Impact", "technicalImpact"
 * -> the point; anything else YM_SSVC_UNKNOWN_POINT. */
ym_nvd_ssvc_point ym_nvd_ssvc_point_of(const char *key);
/* The point's value in the model's words (none|poc|active, yes|no,
 * partial|total), case and "public PoC" aside; NULL when unknown. */
const char *ym_nvd_ssvc_value(ym_nvd_ssvc_point p, const char *value);

#endif
