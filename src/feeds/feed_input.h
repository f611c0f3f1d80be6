/* feed_input.h - the bytes of feed files, wherever they are: plain files,
 * directories (searched recursively, in name order so imports are
 * reproducible), compressed files (.gz, .xz, .bz2, .zst) and archives
 * (.zip, .tar, .tar.gz, .tgz) - OSV's all.zip, NVD's .json.gz, bundles.
 *
 * Each file (or archive member) is read whole into memory, decompressed,
 * NUL-terminated, and handed to the callback with a name for messages:
 * "dir/x.json", "all.zip:GHSA-1234.json".
 */
#ifndef YM_FEEDS_FEED_INPUT_H
#define YM_FEEDS_FEED_INPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/err.h"

/* Largest single feed file or member accepted (a JVN yearly file is
 * ~100 MB, an NVD API page ~30 MB; an all-in-one NVD dump would not be). */
#define YM_FEED_MAX_FILE ((size_t)768 << 20)

/* named: the file was given by the user (not found in a directory or
 * an archive). Returns non-zero to stop (that value is returned by the
 * walk). */
typedef int (*ym_feed_file_fn)(const char *name, const char *data,
			       size_t len, bool named, void *ctx,
			       ym_err *err);

typedef struct ym_feed_input {
	/* Suffixes (without the compression suffix) of the files a
	 * directory walk or an archive contributes, e.g. {".json", NULL}.
	 * Files named explicitly are always read. */
	const char *const *suffixes;
	ym_feed_file_fn fn;
	void *ctx;
	const char *progress_label; /* NULL: no progress meter */
} ym_feed_input;

/* Expands paths into the list of inputs and reads each in turn. */
int ym_feed_input_each(const ym_feed_input *in, const char *const *paths,
		       int n_paths, ym_err *err);

/* True when name ends in suffix, before an optional compression suffix
 * (".json" matches "a.json" and "a.json.gz"). */
bool ym_feed_name_has(const char *name, const char *suffix);

#endif
