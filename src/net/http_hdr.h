/* http_hdr.h - parsers for the few HTTP response header values the client
 * reads itself, kept apart from the transfer code so they can be fuzzed
 * (fuzz/fuzz_http_headers.c).
 *
 * All take a pointer and a length (the value need not be NUL-terminated),
 * never read outside it, and return 0 or YM_E_PARSE leaving their outputs
 * untouched on failure. Leading and trailing spaces and tabs are ignored.
 */
#ifndef YM_NET_HTTP_HDR_H
#define YM_NET_HTTP_HDR_H

#include <stddef.h>
#include <stdint.h>

/* Status line "HTTP/1.1 200 OK", "HTTP/2 404": *status gets 100..999. */
int ym_http_status_line_parse(const char *s, size_t n, int *status);

/* Header line "Name: value" (CR LF optional). *name / *value point into s,
 * without the surrounding whitespace. A name is an RFC 9110 token. */
int ym_http_header_split(const char *s, size_t n, const char **name,
			 size_t *name_len, const char **value,
			 size_t *value_len);

/* HTTP-date (RFC 9110 5.6.7) in its three forms: IMF-fixdate
 * "Sun, 06 Nov 1994 08:49:37 GMT", the obsolete RFC 850 form
 * "Sunday, 06-Nov-94 08:49:37 GMT" (a two-digit year below 70 is 20xx,
 * otherwise 19xx) and asctime "Sun Nov  6 08:49:37 1994". Names are
 * matched case-insensitively; the day name is not checked against the
 * date. Dates from 1900-01-01 to 9999-12-31 23:59:59 (a leap second 60
 * is the next second). *t: seconds since 1970-01-01 00:00:00 UTC. */
int ym_http_date_parse(const char *s, size_t n, int64_t *t);

/* Writes t as IMF-fixdate into out (30 bytes with the NUL). t must be in
 * 1900-01-01..9999-12-31; returns 0, or YM_E_INVALID outside that. */
#define YM_HTTP_DATE_LEN 30
#define YM_HTTP_DATE_FIRST (-2208988800LL) /* 1900-01-01T00:00:00Z */
#define YM_HTTP_DATE_LAST 253402300799LL   /* 9999-12-31T23:59:59Z */
int ym_http_date_format(int64_t t, char out[YM_HTTP_DATE_LEN]);

/* Retry-After: delta-seconds ("120") or an HTTP-date, the latter turned
 * into a delay from now (seconds since the epoch); a date in the past is
 * a delay of 0. Seconds above YM_HTTP_RETRY_AFTER_MAX are clamped to it.
 * *delay_ms: the wait in milliseconds. */
#define YM_HTTP_RETRY_AFTER_MAX 86400000LL /* seconds: about 2.7 years */
int ym_http_retry_after_parse(const char *s, size_t n, int64_t now,
			      int64_t *delay_ms);

/* Content-Range of a 206: "bytes FIRST-LAST/LENGTH", or with an asterisk
 * for LENGTH when the server does not know it (*length is then -1).
 * FIRST <= LAST, and LAST < LENGTH when LENGTH is known. */
int ym_http_content_range_parse(const char *s, size_t n, uint64_t *first,
				uint64_t *last, int64_t *length);

#endif
