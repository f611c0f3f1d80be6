/* feed_import.h - importing vulnerability feed files into the store.
 *
 * `yamori feed import SOURCE PATH...`: every file (directories, .gz, .zip
 * included, see feed_input.h) is parsed by SOURCE's parser and stored in
 * one transaction. A malformed record is skipped and counted (and named,
 * with file, line and record id, through the warn callback); with strict
 * it rolls the whole import back. A file that cannot be read at all
 * always rolls back.
 */
#ifndef YM_FEEDS_FEED_IMPORT_H
#define YM_FEEDS_FEED_IMPORT_H

#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"
#include "feeds/feed.h"
#include "store/store.h"

typedef void (*ym_warn_fn)(const ym_err *warning, void *ctx);

typedef struct ym_feed_opts {
	bool strict;     /* a malformed record fails the whole import */
	ym_warn_fn warn; /* problems that did not stop the import */
	ym_warn_fn skipped; /* records left out (non-strict) */
	void *warn_ctx;
	bool progress;   /* a progress meter (on a terminal only) */
} ym_feed_opts;

typedef struct ym_import_stats {
	int64_t files;     /* files (and archive members) read */
	int64_t inserted;  /* new records */
	int64_t updated;   /* records that changed */
	int64_t unchanged; /* records already present as they are */
	int64_t skipped;   /* malformed records left out */
	int64_t skipped_files; /* files in a directory that were not this
				* feed or could not be read */
	int64_t warnings;  /* problems that did not stop the import */
} ym_import_stats;

/* The feed formats: "nvd", "cve5", "jvn", "kev", "epss", "osv", "csaf". */
typedef struct ym_feed_format {
	const char *name;
	const char *label;  /* "NVD CVE API 2.0 JSON", for --help */
	ym_feed_parse_fn parse;
	const char *const *suffixes; /* files a directory walk picks up */
	/* Checks a file before it is parsed (JVN: checksum.txt); NULL: none.
	 * A failure stops the import in every mode. */
	int (*verify)(const char *path, const void *data, size_t len,
		      ym_err *err);
} ym_feed_format;

const ym_feed_format *ym_feed_format_find(const char *name);
/* NULL-terminated by a zero entry. */
const ym_feed_format *ym_feed_formats(void);

int ym_feed_import(ym_store *s, const ym_feed_format *fmt,
		   const char *const *paths, int n_paths,
		   const ym_feed_opts *opts, ym_import_stats *stats,
		   ym_err *err);

#endif
