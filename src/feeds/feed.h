/* feed.h - what every feed parser shares: where records go, and what
 * happens to a malformed one.
 *
 * A parser reads one file's bytes (already decompressed and taken out of
 * its archive by feed_input.c) and hands each record to the context's
 * callbacks. It never touches the store. A record that is malformed is
 * passed to ym_feed_bad_record with the error (file, line, record id,
 * field filled in): in strict mode that stops the parse (the importer
 * rolls back), otherwise the record is skipped, counted and reported, and
 * the parser goes on with the next record. A file that cannot be read at
 * all (not JSON, not the expected document) is an error in either mode.
 */
#ifndef YM_FEEDS_FEED_H
#define YM_FEEDS_FEED_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "core/err.h"
#include "store/store.h"

typedef struct ym_feed_ctx {
	bool strict;
	/* Sinks; a parser calls only the ones its format produces. A
	 * non-zero return stops the parse with that code. */
	int (*vuln)(const ym_vuln *v, void *ctx, ym_err *err);
	int (*kev)(const ym_kev_entry *k, void *ctx, ym_err *err);
	int (*epss)(const ym_epss_entry *e, void *ctx, ym_err *err);
	/* A problem that did not stop the record (kept, maybe degraded). */
	void (*warn)(const ym_err *w, void *ctx);
	/* A record left out (non-strict mode only). */
	void (*skip)(const ym_err *e, void *ctx);
	void *ctx;
} ym_feed_ctx;

/* Every parser has this shape. text is NUL-terminated at text[len]; the
 * records handed to the sinks live in arena a until the caller resets it.
 * file names the input in messages ("nvd-2024.json.gz", "all.zip:X.json"). */
typedef int (*ym_feed_parse_fn)(const char *text, size_t len,
				const char *file, ym_arena *a,
				const ym_feed_ctx *fc, ym_err *err);

/* A malformed record: err holds the reason (set ym_err_record first).
 * Strict: returns err->code (stop). Otherwise calls fc->skip, clears err
 * and returns 0 (go on with the next record). */
int ym_feed_bad_record(const ym_feed_ctx *fc, ym_err *err);
/* A warning: passes w to fc->warn when there is one. */
void ym_feed_warn(const ym_feed_ctx *fc, const ym_err *w);

/* Hands v to fc->vuln; NULL sink = drop. */
int ym_feed_emit(const ym_feed_ctx *fc, const ym_vuln *v, ym_err *err);

#endif
