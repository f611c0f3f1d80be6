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
#include "store/store.h"

typedef int (*ym_vuln_sink)(const ym_vuln *v, void *ctx, ym_err *err);
/* Receives a problem that does not stop the import (with file, line,
 * column and field filled in). */
typedef void (*ym_warn_fn)(const ym_err *warning, void *ctx);

typedef struct ym_feed_opts {
	/* A version its ecosystem's scheme cannot read (real feeds hold
	 * legacy PyPI versions such as "0.2.0-n653") is a warning by
	 * default: the range is kept and the matcher skips it. With strict
	 * it is an error like any malformed field. */
	bool strict;
	ym_warn_fn warn; /* may be NULL */
	void *warn_ctx;
} ym_feed_opts;

/* opts may be NULL (not strict, warnings dropped). */
int ym_osv_parse(const char *text, size_t len, const char *filename,
		 ym_arena *a, ym_vuln_sink sink, void *ctx, ym_err *err);
int ym_osv_parse_opts(const char *text, size_t len, const char *filename,
		      ym_arena *a, const ym_feed_opts *opts, ym_vuln_sink sink,
		      void *ctx, ym_err *err);

#endif
