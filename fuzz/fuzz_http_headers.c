/* fuzz_http_headers.c - libFuzzer target for the HTTP header parsers the
 * client uses on what servers send (net/http_hdr.h), and for URL
 * redaction and query encoding (net/http_url.h).
 *
 * The whole input goes through every parser (they take a length, so no
 * NUL is added). Each success must be sane: a status in 100..999, a
 * header name and value inside the input without CR or LF in the value,
 * a date that formats and parses back to the same instant, a Retry-After
 * delay within its clamp, a byte range in order. Redacting a URL twice
 * must give what redacting it once gave, and percent-encoding must only
 * emit the characters it promises and decode back to the input.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "net/http_hdr.h"
#include "net/http_url.h"

static void die(const char *what)
{
	fprintf(stderr, "fuzz_http_headers: %s\n", what);
	abort();
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static void check_encode(const char *s, size_t n)
{
	ym_buf enc = YM_BUF_INIT;
	size_t k = 0;

	if (ym_http_url_encode(&enc, s, n) != 0)
		die("encode failed");
	for (size_t i = 0; i < enc.len; i++) {
		char c = enc.ptr[i];
		int v;

		if (c == '%') {
			if (i + 2 >= enc.len)
				die("truncated escape");
			if (hexval(enc.ptr[i + 1]) < 0 ||
			    hexval(enc.ptr[i + 2]) < 0)
				die("bad escape");
			v = hexval(enc.ptr[i + 1]) * 16 +
			    hexval(enc.ptr[i + 2]);
			if (k >= n || (unsigned char)s[k] != v)
				die("escape does not decode to the input");
			i += 2;
		} else {
			if (!((c >= 'A' && c <= 'Z') ||
			      (c >= 'a' && c <= 'z') ||
			      (c >= '0' && c <= '9') || strchr("-._~:", c)))
				die("unescaped character outside the set");
			if (k >= n || s[k] != c)
				die("character does not match the input");
		}
		k++;
	}
	if (k != n)
		die("encoding lost bytes");
	ym_buf_release(&enc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	const char *name, *val;
	size_t nn, vn;
	int st;
	int64_t t, t2, d;
	uint64_t first, last;
	int64_t len;
	char out[YM_HTTP_DATE_LEN];
	char *z;
	ym_buf r1 = YM_BUF_INIT, r2 = YM_BUF_INIT;

	if (size > 4096)
		return 0;

	if (ym_http_status_line_parse(s, size, &st) == 0 &&
	    (st < 100 || st > 999))
		die("status out of range");

	if (ym_http_header_split(s, size, &name, &nn, &val, &vn) == 0) {
		if (name != s || nn == 0 || nn > size)
			die("header name outside the input");
		if (val < s || val + vn > s + size)
			die("header value outside the input");
		if (memchr(val, '\r', vn) || memchr(val, '\n', vn))
			die("line break in a header value");
	}

	if (ym_http_date_parse(s, size, &t) == 0) {
		if (ym_http_date_format(t, out) != 0)
			die("parsed date does not format");
		if (ym_http_date_parse(out, strlen(out), &t2) != 0 || t2 != t)
			die("formatted date does not parse back");
	}

	if (ym_http_retry_after_parse(s, size, 1700000000, &d) == 0 &&
	    (d < 0 || d > YM_HTTP_RETRY_AFTER_MAX * 1000))
		die("retry-after delay out of range");

	if (ym_http_content_range_parse(s, size, &first, &last, &len) == 0 &&
	    (first > last || (len != -1 && (len < 0 || (uint64_t)len <= last))))
		die("content-range out of order");

	check_encode(s, size);

	z = malloc(size + 1);
	if (!z)
		return 0;
	memcpy(z, data, size);
	z[size] = '\0';
	ym_http_url_redact(z, NULL, &r1);
	ym_http_url_redact(r1.ptr, NULL, &r2);
	if (strcmp(r1.ptr, r2.ptr) != 0) {
		fprintf(stderr, "once:  '%s'\ntwice: '%s'\n", r1.ptr, r2.ptr);
		die("redaction is not stable");
	}
	ym_buf_release(&r1);
	ym_buf_release(&r2);
	free(z);
	return 0;
}
