/* http_url.c - URL joining, query encoding and redaction (see
 * http_url.h). */
#include "net/http_url.h"

#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include "core/err.h"

int ym_http_url_join(ym_buf *out, const char *base, const char *path)
{
	size_t bn = strlen(base);
	int rc;

	while (path && *path == '/')
		path++;
	if (!path || !*path)
		return ym_buf_adds(out, base);
	while (bn > 0 && base[bn - 1] == '/')
		bn--;
	rc = ym_buf_add(out, base, bn);
	if (rc == 0)
		rc = ym_buf_addc(out, '/');
	if (rc == 0)
		rc = ym_buf_adds(out, path);
	return rc;
}

static bool keep_raw(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	       (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
	       c == '~' || c == ':';
}

int ym_http_url_encode(ym_buf *out, const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t start = out->len;
	int rc = 0;

	for (size_t i = 0; i < n && rc == 0; i++) {
		unsigned char c = (unsigned char)s[i];

		if (keep_raw(c)) {
			rc = ym_buf_addc(out, (char)c);
		} else {
			char e[3] = {'%', hex[c >> 4], hex[c & 15]};
			rc = ym_buf_add(out, e, 3);
		}
	}
	if (rc)
		ym_buf_truncate(out, start);
	return rc;
}

int ym_http_url_add_param(ym_buf *url, const char *name, const char *value)
{
	size_t start = url->len;
	const char *q = strchr(url->ptr, '?');
	char last = url->len ? url->ptr[url->len - 1] : '\0';
	int rc = 0;

	if (strchr(url->ptr, '#'))
		return YM_E_INVALID;
	if (!q)
		rc = ym_buf_addc(url, '?');
	else if (last != '?' && last != '&')
		rc = ym_buf_addc(url, '&');
	if (rc == 0)
		rc = ym_http_url_encode(url, name, strlen(name));
	if (rc == 0)
		rc = ym_buf_addc(url, '=');
	if (rc == 0 && value)
		rc = ym_http_url_encode(url, value, strlen(value));
	if (rc)
		ym_buf_truncate(url, start);
	return rc;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Percent-decodes and lower-cases a parameter name into buf (cut short
 * when longer than the buffer). */
static void decode_name(const char *s, size_t n, char *buf, size_t size)
{
	size_t k = 0;

	for (size_t i = 0; i < n && k + 1 < size; i++) {
		char c = s[i];

		if (c == '%' && i + 2 < n && hexval(s[i + 1]) >= 0 &&
		    hexval(s[i + 2]) >= 0) {
			c = (char)(hexval(s[i + 1]) * 16 + hexval(s[i + 2]));
			i += 2;
		} else if (c == '+') {
			c = ' ';
		}
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		buf[k++] = c;
	}
	buf[k] = '\0';
}

static bool secret_name(const char *lname, const char *const *extra)
{
	static const char *const exact[] = {"key", "sig", "auth", "pwd"};
	static const char *const part[] = {"apikey", "api_key", "api-key",
					   "token", "secret", "passw",
					   "signature", "credential"};

	for (size_t i = 0; i < sizeof exact / sizeof *exact; i++)
		if (strcmp(lname, exact[i]) == 0)
			return true;
	for (size_t i = 0; i < sizeof part / sizeof *part; i++)
		if (strstr(lname, part[i]))
			return true;
	for (; extra && *extra; extra++)
		if (strcasecmp(lname, *extra) == 0)
			return true;
	return false;
}

void ym_http_url_redact(const char *url, const char *const *extra,
			ym_buf *out)
{
	const char *p = url, *scheme_end = strstr(url, "://");
	const char *end = url + strcspn(url, "#");
	const char *q;

	/* scheme://[userinfo@]host... : copy without the userinfo */
	if (scheme_end && scheme_end < end) {
		const char *auth = scheme_end + 3;
		const char *auth_end = auth + strcspn(auth, "/?#");
		const char *at = NULL;

		for (const char *c = auth; c < auth_end; c++)
			if (*c == '@')
				at = c;
		ym_buf_add(out, url, (size_t)(auth - url));
		p = at ? at + 1 : auth;
	}
	q = memchr(p, '?', (size_t)(end - p));
	if (!q) {
		ym_buf_add(out, p, (size_t)(end - p));
		return;
	}
	ym_buf_add(out, p, (size_t)(q + 1 - p));
	p = q + 1;
	while (p < end) {
		const char *amp = memchr(p, '&', (size_t)(end - p));
		const char *pe = amp ? amp : end;
		const char *eq = memchr(p, '=', (size_t)(pe - p));
		char lname[128];

		if (eq) {
			decode_name(p, (size_t)(eq - p), lname, sizeof lname);
			ym_buf_add(out, p, (size_t)(eq + 1 - p));
			if (secret_name(lname, extra))
				ym_buf_adds(out, "***");
			else
				ym_buf_add(out, eq + 1, (size_t)(pe - eq - 1));
		} else {
			ym_buf_add(out, p, (size_t)(pe - p));
		}
		if (!amp)
			break;
		ym_buf_addc(out, '&');
		p = amp + 1;
	}
}
