/* feed_import.h - importing vulnerability feed files into the store.
 *
 * One import is one transaction: if any record of any file is malformed,
 * nothing is kept and the error names the file, line and field.
 */
#ifndef YM_FEEDS_FEED_IMPORT_H
#define YM_FEEDS_FEED_IMPORT_H

#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"

typedef void (*ym_warn_fn)(const ym_err *warning, void *ctx);
#include "feeds/feed.h"
#include "store/store.h"

typedef struct ym_feed_opts {
	bool strict;     /* a malformed record fails the whole import */
	ym_warn_fn warn; /* problems that did not stop the import; may be NULL */
	void *warn_ctx;
} ym_feed_opts;

typedef struct ym_import_stats {
	int64_t files;     /* files read */
	int64_t inserted;  /* new records */
	int64_t updated;   /* records that changed */
	int64_t unchanged; /* records already present as they are */
	int64_t warnings;  /* problems that did not stop the import */
} ym_import_stats;

/* path: an OSV JSON file, or a directory searched recursively for *.json
 * files (read in name order, so imports are reproducible). */
int ym_feed_import_osv(ym_store *s, const char *const *paths, int n_paths,
		       const ym_feed_opts *opts, ym_import_stats *stats,
		       ym_err *err);

#endif
