/* feed_state.h - where each network feed source stands (feed sync), and
 * the few ledger questions sync asks to decide what to fetch.
 *
 * One feed_state row per source key: "nvd", "kev", "epss", "jvn", and one
 * per OSV ecosystem ("osv:PyPI") and CSAF provider ("csaf:https://...").
 * The cursor is the source's own checkpoint text (src/sync/ writes and
 * reads it); etag and last_modified are the cache validators of a
 * conditional GET. Times are ISO 8601 UTC strings.
 *
 * Ownership: input structs are borrowed; rows handed to callbacks live
 * only during the callback; rows returned through an arena live as long
 * as the arena.
 */
#ifndef YM_STORE_FEED_STATE_H
#define YM_STORE_FEED_STATE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/err.h"
#include "store/store.h"

typedef struct ym_feed_state {
	const char *source;        /* key: "nvd", "osv:PyPI", "csaf:URL" */
	const char *cursor;        /* checkpoint, NULL when none */
	const char *etag;          /* validators of the last download */
	const char *last_modified;
	const char *last_attempt;  /* when a sync last tried */
	const char *last_success;  /* when a sync last completed */
	const char *status;        /* "ok", "not_modified", "error" */
	const char *message;       /* what the last attempt said, or NULL */
	int64_t records;           /* records read by the last completed
				    * sync (new + updated + unchanged) */
} ym_feed_state;

/* Fills *out with the row of source (strings in arena a); YM_E_NOTFOUND
 * when the source never synced. */
int ym_store_feed_state_get(ym_store *s, const char *source, ym_arena *a,
			    ym_feed_state *out, ym_err *err);
/* Inserts or replaces the whole row of st->source. */
int ym_store_feed_state_put(ym_store *s, const ym_feed_state *st,
			    ym_err *err);
/* Removes the row of source (nothing when there is none). */
int ym_store_feed_state_delete(ym_store *s, const char *source,
			       ym_err *err);

/* Every row, by source key; prefix (NULL: all) keeps only the keys that
 * start with it ("csaf:"). A non-zero return from cb stops the walk and
 * is returned. */
typedef int (*ym_feed_state_cb)(const ym_feed_state *st, void *ctx);
int ym_store_feed_states_each(ym_store *s, const char *prefix,
			      ym_feed_state_cb cb, void *ctx, ym_err *err);

/* Every distinct component ecosystem (purl type) in the ledger, sorted. */
typedef int (*ym_store_text_cb)(const char *text, void *ctx);
int ym_store_ecosystems_each(ym_store *s, ym_store_text_cb cb, void *ctx,
			     ym_err *err);
/* Every distinct CPE name of the ledger (assets and components), sorted. */
int ym_store_ledger_cpes_each(ym_store *s, ym_store_text_cb cb, void *ctx,
			      ym_err *err);

/* Whether the store holds record_id of source - the record itself or
 * one of its per-CVE copies "record_id#CVE-..." (feeds/feed_import.c) -
 * and the modified date it holds (the smallest of the copies', so one
 * stale copy counts); *modified is NULL when there is no record or no
 * date, else it lives in arena a. */
int ym_store_source_modified(ym_store *s, const char *source,
			     const char *record_id, ym_arena *a, bool *found,
			     const char **modified, ym_err *err);

#endif
