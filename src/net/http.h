/* http.h - the HTTP client feed sync downloads with (libcurl's easy API).
 *
 * One ym_http per service: it keeps the connection open between requests
 * and carries the settings every request shares (user agent, timeouts,
 * size limits, proxy, extra headers such as NVD's apiKey, retry policy,
 * rate limiter). Two requests: ym_http_get (body into a ym_buf) and
 * ym_http_get_file (body into FILE.part, renamed to FILE when complete,
 * resumed with a Range request when FILE.part is left from an earlier try).
 * Only http:// and https:// URLs are accepted, also for redirects.
 *
 * Retries (docs/net.md): an attempt that ends in HTTP 403, 408, 429 or
 * 5xx, or in a transport error (connection refused or reset, timeout,
 * transfer cut short, nothing received) is retried after a wait: the
 * server's Retry-After (seconds or HTTP date) when it sent one, otherwise
 * base * 2^(n-1) capped at backoff_max_ms, of which a random half is
 * jitter. At most max_attempts attempts and max_total_wait_ms of waiting
 * in all; a Retry-After longer than what is left of that fails at once.
 * Each retry is reported to on_retry before the wait. Every attempt (and
 * every redirect it follows) first takes a slot from the rate limiter.
 *
 * Errors: calls return 0 or a negative YM_E_* code and fill err with the
 * URL as ym_http_redact shows it (no user name, password, API keys) in
 * err->file and a message with the HTTP status or transport error. Secret
 * header values are never written to err, to logs or to the retry report,
 * and are not sent to another origin when a redirect leads there.
 *
 * Proxy: left to libcurl by default, which reads http_proxy, https_proxy
 * (or HTTPS_PROXY), all_proxy and no_proxy from the environment; nothing
 * here turns that off. opts.proxy / opts.no_proxy override them.
 *
 * Ownership and threads: ym_http_new copies the strings in opts; the rate
 * limiter, the clock context and the callbacks' contexts are borrowed and
 * must outlive the client. A client (and its limiter) is used by one
 * thread at a time. libcurl's global state is set up once, thread-safely,
 * by the first ym_http_new; ym_http_global_cleanup undoes it and may be
 * called once at exit, after every client has been freed.
 */
#ifndef YM_NET_HTTP_H
#define YM_NET_HTTP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/err.h"
#include "net/clock.h"
#include "net/ratelimit.h"

typedef struct ym_http ym_http;

/* One retry, as reported to ym_http_opts.on_retry. */
typedef struct ym_http_retry {
	const char *url;    /* the request's URL, redacted */
	int attempt;        /* the attempt that failed, 1-based */
	int max_attempts;   /* attempts allowed in all */
	int status;         /* its HTTP status, 0 for a transport error */
	const char *reason; /* transport error text, "" for a status */
	int64_t delay_ms;   /* wait before the next attempt */
	bool retry_after;   /* delay_ms is the server's Retry-After */
} ym_http_retry;

typedef void (*ym_http_retry_fn)(void *ctx, const ym_http_retry *r);

/* Bytes received so far and expected in all (0: unknown); for a resumed
 * download both count the part already on disk. Return nonzero to cancel
 * the transfer (the call then fails with YM_E_IO, without retrying). */
typedef int (*ym_http_progress_fn)(void *ctx, uint64_t done,
				   uint64_t total);

/* Client settings. Zero means the default given for every number. */
typedef struct ym_http_opts {
	const char *user_agent;  /* NULL: "yamori/VERSION" */
	long connect_timeout_ms; /* per connection: 30000 */
	long low_speed_limit;    /* bytes/s below which a transfer... */
	long low_speed_time_s;   /* ...is dropped after this long: 1 B/s,
				  * 60 s (a retryable timeout) */
	long timeout_ms;         /* whole attempt; 0: no limit */
	size_t max_body;         /* ym_http_get body: 256 MiB (the buffer's
				  * own max also applies) */
	uint64_t max_file;       /* ym_http_get_file: 16 GiB */
	const char *proxy;       /* NULL: from the environment; a URL such as
				  * "http://proxy:3128" or "socks5h://..." */
	const char *no_proxy;    /* NULL: from the environment (no_proxy);
				  * "host,.domain,10.0.0.0/8" */
	const char *ca_file;     /* NULL: the system's CA store */
	int max_redirects;       /* 5 */
	int max_attempts;        /* 5 (1: never retry) */
	long backoff_base_ms;    /* first backoff: 1000 */
	long backoff_max_ms;     /* cap of one backoff: 60000 */
	long max_total_wait_ms;  /* all waits of one call: 600000 */
	ym_ratelimit *ratelimit; /* borrowed; NULL: no pacing */
	ym_http_retry_fn on_retry; /* NULL: retries are silent */
	void *retry_ctx;
	const ym_clock *clock;   /* sleeps between attempts; NULL: system */
} ym_http_opts;

/* Cache validators of a conditional GET. In: a non-empty etag is sent as
 * If-None-Match, last_modified as If-Modified-Since. Out, after a 200: the
 * response's ETag and Last-Modified ("" when absent or longer than the
 * field); after a 304: those the 304 carries replace the old ones; after
 * an error: unchanged. */
#define YM_HTTP_ETAG_MAX 256
#define YM_HTTP_LASTMOD_MAX 64
typedef struct ym_http_validators {
	char etag[YM_HTTP_ETAG_MAX];
	char last_modified[YM_HTTP_LASTMOD_MAX];
} ym_http_validators;

/* What a request did. Filled on success and on failure. */
typedef struct ym_http_result {
	int status;          /* last HTTP status received, 0 if none */
	bool not_modified;   /* 304 to a conditional request: nothing was
			      * written, the caller's copy is current */
	bool resumed;        /* file: appended to FILE.part with a range */
	uint64_t resumed_at; /* file: the offset it resumed at */
	int attempts;        /* attempts made (1 + retries) */
	int64_t waited_ms;   /* slept between attempts */
	int64_t paced_ms;    /* slept in the rate limiter */
	uint64_t bytes;      /* memory: bytes appended; file: its size */
} ym_http_result;

/* Creates a client (opts NULL: all defaults). NULL on failure, with err
 * set (libcurl could not be initialised). */
ym_http *ym_http_new(const ym_http_opts *opts, ym_err *err);
void ym_http_free(ym_http *h);

/* Adds "name: value" to every request. A secret header (API key, token)
 * is sent only to the origin (scheme, host, port) of the URL the caller
 * asked for, and its value is blanked out of every message; a query
 * parameter of the same name is redacted from URLs. YM_E_INVALID when the
 * name is not a token or the value holds CR, LF or NUL. */
int ym_http_header_add(ym_http *h, const char *name, const char *value,
		       bool secret, ym_err *err);

/* Progress reports for the following requests (fn NULL: none). */
void ym_http_set_progress(ym_http *h, ym_http_progress_fn fn, void *ctx);

/* GET url, appending the body to body. Returns 0 on a 2xx, and on a 304
 * when v asked for it (res->not_modified; body untouched). On a retry the
 * body is cut back to its length at the call. v and res may be NULL.
 * Errors: YM_E_NOTFOUND (404, 410), YM_E_TOOBIG (body over max_body or
 * the buffer's max), YM_E_IO (any other status, transport error, cancel),
 * YM_E_USAGE (not an http/https URL). */
int ym_http_get(ym_http *h, const char *url, ym_http_validators *v,
		ym_buf *body, ym_http_result *res, ym_err *err);

/* GET url into the file path: written to "path.part", synced and renamed
 * to path when complete, so path is either the old file or the whole new
 * one. An existing path.part is resumed with "Range: bytes=SIZE-" (and
 * If-Range with the ETag or Last-Modified of the response that began it,
 * kept in "path.part.ifrange"); a 206 whose Content-Range starts there is
 * appended, a 200 starts the file over. A transfer cut short is retried
 * the same way. v is used only when path exists (a 304 leaves it as it
 * is). Errors as ym_http_get, plus YM_E_IO when the file cannot be
 * written; path.part is kept for the next try. */
int ym_http_get_file(ym_http *h, const char *url, const char *path,
		     ym_http_validators *v, ym_http_result *res, ym_err *err);

/* Appends url, redacted as in errors (see ym_http_url_redact, plus the
 * names of this client's secret headers), to out. */
void ym_http_redact(const ym_http *h, const char *url, ym_buf *out);

/* One line for a log: "URL: server answered HTTP 429, retry 2 of 5 in
 * 1.0 s" (translated). */
void ym_http_retry_describe(const ym_http_retry *r, ym_buf *out);

/* Releases libcurl's global state; call once at exit, with no client
 * left. Does nothing if no client was ever created. */
void ym_http_global_cleanup(void);

#endif
