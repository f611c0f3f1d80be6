/* sync_int.h - private to src/sync: what the framework (sync.c) gives
 * the per-source files (sync_nvd.c, ...), and the pure helpers
 * (sync_util.c) the unit tests reach.
 */
#ifndef YM_SYNC_SYNC_INT_H
#define YM_SYNC_SYNC_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "core/progress.h"
#include "feeds/feed_import.h"
#include "net/http.h"
#include "store/feed_state.h"
#include "sync/sync.h"

/* One source's run. */
typedef struct ym_sync_job {
	ym_store *store;
	const ym_sync_opts *o;
	const char *name;          /* "nvd" */
	const ym_feed_format *fmt; /* its parser */
	const char *base;          /* base URL, no trailing '/' */
	const char *cache;         /* the cache directory */
	int64_t now;               /* run start, Unix seconds */
	char now_iso[32];          /* the same, "YYYY-MM-DDTHH:MM:SSZ" */
	ym_sync_result *r;
	ym_progress progress;
	char label[96];            /* progress label */
	ym_arena arena;            /* for the run; released at its end */
} ym_sync_job;

/* The sources (sync_<name>.c). Each returns 0 or an error code with err
 * filled; it counts into job->r->c and may set job->r->note, and
 * job->r->status to YM_SYNC_NOT_MODIFIED or YM_SYNC_SKIPPED. The
 * framework then records the outcome in the source's feed_state row. */
int ym_sync_nvd(ym_sync_job *j, ym_err *err);
int ym_sync_kev(ym_sync_job *j, ym_err *err);
int ym_sync_epss(ym_sync_job *j, ym_err *err);
int ym_sync_osv(ym_sync_job *j, ym_err *err);
int ym_sync_jvn(ym_sync_job *j, ym_err *err);
int ym_sync_csaf(ym_sync_job *j, ym_err *err);

/* ---- framework services (sync.c) ---- */

/* A client for the job: retries as opts say (backoff base from env
 * YAMORI_HTTP_BACKOFF_MS, for tests), each retry counted and logged, rl
 * (may be NULL) paces every attempt. NULL with err set on failure. */
ym_http *ym_sync_http_new(ym_sync_job *j, ym_ratelimit *rl, ym_err *err);
/* ym_http_get / ym_http_get_file that count requests and 304s. */
int ym_sync_get(ym_sync_job *j, ym_http *h, const char *url,
		ym_http_validators *v, ym_buf *body, ym_http_result *res,
		ym_err *err);
int ym_sync_get_file(ym_sync_job *j, ym_http *h, const char *url,
		     const char *path, ym_http_validators *v,
		     ym_http_result *res, ym_err *err);
/* Appends "{cache}/{sub}" to out and creates that directory (and its
 * parents, mode 0700). */
int ym_sync_cache_dir(ym_sync_job *j, const char *sub, ym_buf *out,
		      ym_err *err);
/* Writes data to path through "path.tmp" and a rename. */
int ym_sync_write_file(const char *path, const void *data, size_t len,
		       ym_err *err);
/* A line for the operator (clears the progress meter first). */
void ym_sync_log(ym_sync_job *j, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Reads the row of key into *st (strings in the job's arena); a key
 * never synced gives a row with only source set. */
int ym_sync_state_load(ym_sync_job *j, const char *key, ym_feed_state *st,
		       ym_err *err);
/* Imports the file path with the job's parser and saves st in the same
 * transaction (st NULL: nothing saved); the import's counts are added to
 * the job's only when it commits. *stats (may be NULL) receives them. */
int ym_sync_import(ym_sync_job *j, const char *path, const ym_feed_state *st,
		   ym_import_stats *stats, ym_err *err);
/* Records how a run of key ended: last_attempt now; on success (rc 0)
 * last_success now, status ("ok" or "not_modified") and records; on
 * failure status "error" and err's text as the message. The cursor and
 * validators already saved are kept. */
int ym_sync_state_finish(ym_sync_job *j, const char *key, int rc,
			 const ym_err *failure, const char *status,
			 int64_t records, const char *message, ym_err *err);

/* Downloads url into {cache}/{sub}/{file} (resuming a partial file),
 * conditionally on the validators saved in row key unless opts.full,
 * and when it changed imports it and saves the new validators in the
 * same transaction. *changed is false after a 304. */
int ym_sync_conditional_file(ym_sync_job *j, ym_http *h, const char *key,
			     const char *url, const char *sub,
			     const char *file, bool *changed, ym_err *err);

/* ---- pure helpers (sync_util.c) ---- */

/* Parses an ISO 8601 date or date-time: "YYYY-MM-DD", optionally
 * followed by "THH:MM[:SS[.fff]]" and "Z", "+HH:MM", "+HHMM" or "+HH"
 * (no zone: UTC). Returns 0 and Unix seconds, or -1. */
int ym_sync_time_parse(const char *s, int64_t *out);
/* "YYYY-MM-DDTHH:MM:SSZ" */
void ym_sync_time_iso(int64_t t, char out[32]);
/* "YYYY-MM-DDTHH:MM:SS.000+00:00", the form NVD's date parameters take */
void ym_sync_time_nvd(int64_t t, char out[40]);
/* Year, month and day (UTC) of t. */
void ym_sync_time_ymd(int64_t t, int *y, int *m, int *d);
/* The run's "now": env YAMORI_NOW (ISO 8601) when set, else the clock. */
int64_t ym_sync_now(void);

/* Cursors are "key=value key=value" (values without spaces). */
/* Copies the value of key into out (size n); false when absent or too
 * long. */
bool ym_sync_kv_get(const char *cursor, const char *key, char *out,
		    size_t n);
/* Appends " key=value" (no leading space when b is empty); nothing when
 * value is NULL or "". */
void ym_sync_kv_add(ym_buf *b, const char *key, const char *value);
void ym_sync_kv_addi(ym_buf *b, const char *key, int64_t value);

/* NVD's limit on a lastModified window. */
#define YM_SYNC_NVD_WINDOW_DAYS 120
/* The next NVD window after upto: [upto, min(upto + 120 days, now)].
 * false when upto >= now (nothing left). */
bool ym_sync_nvd_window(int64_t upto, int64_t now, int64_t *from,
			int64_t *to);

/* Lower-case digest hex of a hash file (sha256sum/sha512sum output: the
 * first word of the first line, optionally "SHA256 (f) = hex"); hexlen
 * is 64 or 128. Returns 0, or -1 when the text holds no such digest. */
int ym_sync_hash_file_digest(const char *text, size_t len, size_t hexlen,
			     char *out);
/* A file name made of [A-Za-z0-9._-] from s (others become '_', a
 * leading '.' too), at most n-1 bytes; "_" when nothing is left. */
void ym_sync_safe_name(const char *s, size_t len, char *out, size_t n);

#endif
