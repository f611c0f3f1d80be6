/* http_url.h - building request URLs and making them safe to show.
 *
 * Query values are percent-encoded here and nowhere else: every byte
 * except the RFC 3986 unreserved characters (A-Z a-z 0-9 - . _ ~) and
 * ':' becomes %XX (upper-case hex), so '+', '&', '=', '#', '%', spaces and
 * UTF-8 travel intact. ':' is left as it is: RFC 3986 allows it in a query
 * and NVD's timestamps ("2024-01-01T00:00:00.000") read better with it.
 *
 * Redaction: a URL that goes into an error, a log line or a retry report
 * first passes through ym_http_url_redact, which drops the user name and
 * password and hides the values of query parameters that look like
 * credentials.
 */
#ifndef YM_NET_HTTP_URL_H
#define YM_NET_HTTP_URL_H

#include <stddef.h>

#include "core/buf.h"

/* Appends base and path to out with exactly one '/' between them (path
 * NULL or "" appends base alone). path is used as given: encode any
 * user-supplied segment with ym_http_url_encode first. Returns 0 or
 * YM_E_TOOBIG. */
int ym_http_url_join(ym_buf *out, const char *base, const char *path);

/* Appends s (n bytes) percent-encoded as described above. */
int ym_http_url_encode(ym_buf *out, const char *s, size_t n);

/* Appends "?name=value", or "&name=value" when url already has a query
 * ("" after a trailing '?' or '&'), both parts percent-encoded. url must
 * not have a fragment (YM_E_INVALID). value NULL appends "name=" . */
int ym_http_url_add_param(ym_buf *url, const char *name, const char *value);

/* Appends to out a copy of url without its user name and password and
 * fragment, with the value of every query parameter whose (decoded) name
 * looks like a credential replaced by "***": the names key, sig, auth,
 * pwd and any name containing apikey, api_key, api-key, token, secret,
 * passw, signature or credential, case-insensitively; plus the names in
 * extra (a NULL-terminated list, may be NULL). */
void ym_http_url_redact(const char *url, const char *const *extra,
			ym_buf *out);

#endif
