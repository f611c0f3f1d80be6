/* epss.h - FIRST EPSS daily score files (CSV).
 *
 * ym_epss_parse reads one epss_scores-YYYY-MM-DD.csv (already
 * decompressed) and hands one ym_epss_entry per row to fc->epss. Every
 * layout FIRST has published is read:
 *
 *   #model_version:v2023.03.01,score_date:2023-03-07T00:00:00+0000
 *   cve,epss,percentile
 *   CVE-2020-5902,0.97567,0.99995
 *
 * the comment line is missing before 2022 and the percentile column
 * before 2021-09; a UTF-8 BOM, CRLF line ends, blank lines, quoted cells,
 * upper-case header names and columns in another order are accepted, and
 * so is a file with no header whose first cell is a CVE id (then the
 * columns are cve, epss[, percentile]).
 *
 * date is score_date's YYYY-MM-DD; when the file has none, the first
 * YYYY-MM-DD date in the base name of file ("epss_scores-2021-04-14.csv");
 * without either the parse fails. model_version is the comment's value
 * ("v2023.03.01") or NULL. percentile is -1 when the file has no
 * percentile column.
 *
 * A row whose CVE id, score or percentile is malformed (or outside 0..1),
 * or that has too few or too many cells, goes through ym_feed_bad_record
 * with its line, the column (bytes, 1-based) of the cell and the column's
 * name as the field. A file with no cve and epss header, or an unusable
 * score_date, is an error.
 *
 * Ownership: text is borrowed; cve_id, date and model_version live in
 * arena a.
 */
#ifndef YM_FEEDS_EPSS_H
#define YM_FEEDS_EPSS_H

#include <stddef.h>

#include "core/arena.h"
#include "core/err.h"
#include "feeds/feed.h"

int ym_epss_parse(const char *text, size_t len, const char *file,
		  ym_arena *a, const ym_feed_ctx *fc, ym_err *err);

#endif
