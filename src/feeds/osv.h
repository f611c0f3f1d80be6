/* osv.h - OSV (Open Source Vulnerability) JSON records.
 *
 * ym_osv_parse reads one file holding a single record or an array of
 * records and hands each, as a ym_vuln, to the sink. Every affected range
 * keeps its events as a compact JSON array (the form the matcher reads)
 * and every version in them is checked against the ecosystem's scheme, so
 * a bad advisory is rejected at import, not at scan time.
 */
#ifndef YM_FEEDS_OSV_H
#define YM_FEEDS_OSV_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "core/err.h"
#include "feeds/feed.h"

int ym_osv_parse(const char *text, size_t len, const char *filename,
		 ym_arena *a, const ym_feed_ctx *fc, ym_err *err);

#endif
