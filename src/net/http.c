/* http.c - HTTP client over libcurl's easy API (see http.h, docs/net.md).
 *
 * A call is a loop of attempts; an attempt is a chain of hops (the request
 * and the redirects it follows by hand, so that secret headers stay with
 * their origin). Each hop resets the easy handle (keeping its connections)
 * and sets every option again. Callbacks record what they saw in an xfer;
 * the loop then decides: done, not modified, retry (after a wait), start
 * the partial file over, or fail.
 */
#include "net/http.h"

#include <curl/curl.h>
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/log.h"
#include "core/xalloc.h"
#include "net/http_hdr.h"
#include "net/http_url.h"

#ifndef YM_VERSION_STRING
#define YM_VERSION_STRING "0.0.0"
#endif

#define DEF_CONNECT_TIMEOUT_MS 30000L
#define DEF_LOW_SPEED_LIMIT 1L
#define DEF_LOW_SPEED_TIME_S 60L
#define DEF_MAX_BODY ((size_t)256 << 20)
#define DEF_MAX_FILE ((uint64_t)16 << 30)
#define DEF_MAX_REDIRECTS 5
#define DEF_MAX_ATTEMPTS 5
#define DEF_BACKOFF_BASE_MS 1000L
#define DEF_BACKOFF_MAX_MS 60000L
#define DEF_MAX_TOTAL_WAIT_MS 600000L

typedef struct header {
	char *name;  /* as given */
	char *line;  /* "name: value", as sent */
	bool secret; /* sent to the request's origin only, never shown */
} header;

struct ym_http {
	CURL *curl;
	ym_http_opts o;     /* copy; the strings below are owned */
	char *user_agent;
	char *proxy;
	char *no_proxy;
	char *ca_file;
	ym_clock clock;
	header *hdrs;
	size_t n_hdrs;
	const char **secret_names; /* NULL-terminated, for redaction */
	char **scrub;              /* NULL-terminated values to blank out */
	ym_http_progress_fn progress;
	void *progress_ctx;
	uint64_t rng;
	char errbuf[CURL_ERROR_SIZE];
};

/* ---- libcurl global state ---- */

static pthread_once_t global_once = PTHREAD_ONCE_INIT;
static CURLcode global_rc = CURLE_FAILED_INIT;
static bool global_done;

static void global_init(void)
{
	global_rc = curl_global_init(CURL_GLOBAL_DEFAULT);
}

void ym_http_global_cleanup(void)
{
	if (global_rc == CURLE_OK && !global_done) {
		global_done = true;
		curl_global_cleanup();
	}
}

/* ---- client ---- */

static char *dup_or_null(const char *s)
{
	return s ? ym_xstrdup(s) : NULL;
}

static uint64_t next_rand(ym_http *h)
{
	/* splitmix64: plenty for jitter */
	uint64_t z = (h->rng += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* Adds s (taken over) to the values blanked out of messages. */
static void push_scrub(ym_http *h, char *s)
{
	size_t n = 0;

	while (h->scrub[n])
		n++;
	h->scrub = ym_xreallocarray(h->scrub, n + 2, sizeof *h->scrub);
	h->scrub[n] = s;
	h->scrub[n + 1] = NULL;
}

ym_http *ym_http_new(const ym_http_opts *opts, ym_err *err)
{
	static const ym_http_opts none = {0};
	ym_http *h;
	struct timespec ts;

	pthread_once(&global_once, global_init);
	if (global_rc != CURLE_OK || global_done) {
		ym_err_set(err, YM_E_IO, _("cannot initialise libcurl: %s"),
			   curl_easy_strerror(global_done ? CURLE_FAILED_INIT
							  : global_rc));
		return NULL;
	}
	h = ym_xcalloc(1, sizeof *h);
	h->curl = curl_easy_init();
	if (!h->curl) {
		free(h);
		ym_err_set(err, YM_E_IO, _("cannot initialise libcurl: %s"),
			   curl_easy_strerror(CURLE_FAILED_INIT));
		return NULL;
	}
	h->o = opts ? *opts : none;
	h->user_agent = h->o.user_agent
				? ym_xstrdup(h->o.user_agent)
				: ym_xstrdup("yamori/" YM_VERSION_STRING);
	h->proxy = dup_or_null(h->o.proxy);
	h->no_proxy = dup_or_null(h->o.no_proxy);
	h->ca_file = dup_or_null(h->o.ca_file);
	h->o.user_agent = h->user_agent;
	h->o.proxy = h->proxy;
	h->o.no_proxy = h->no_proxy;
	h->o.ca_file = h->ca_file;
	if (h->o.connect_timeout_ms <= 0)
		h->o.connect_timeout_ms = DEF_CONNECT_TIMEOUT_MS;
	if (h->o.low_speed_limit <= 0)
		h->o.low_speed_limit = DEF_LOW_SPEED_LIMIT;
	if (h->o.low_speed_time_s <= 0)
		h->o.low_speed_time_s = DEF_LOW_SPEED_TIME_S;
	if (h->o.timeout_ms < 0)
		h->o.timeout_ms = 0;
	if (h->o.max_body == 0)
		h->o.max_body = DEF_MAX_BODY;
	if (h->o.max_file == 0)
		h->o.max_file = DEF_MAX_FILE;
	if (h->o.max_redirects <= 0)
		h->o.max_redirects = DEF_MAX_REDIRECTS;
	if (h->o.max_attempts <= 0)
		h->o.max_attempts = DEF_MAX_ATTEMPTS;
	if (h->o.backoff_base_ms <= 0)
		h->o.backoff_base_ms = DEF_BACKOFF_BASE_MS;
	if (h->o.backoff_max_ms <= 0)
		h->o.backoff_max_ms = DEF_BACKOFF_MAX_MS;
	if (h->o.max_total_wait_ms <= 0)
		h->o.max_total_wait_ms = DEF_MAX_TOTAL_WAIT_MS;
	h->clock = h->o.clock ? *h->o.clock : ym_clock_system;
	h->o.clock = NULL;
	h->secret_names = ym_xcalloc(1, sizeof *h->secret_names);
	h->scrub = ym_xcalloc(1, sizeof *h->scrub);
	clock_gettime(CLOCK_REALTIME, &ts);
	h->rng = (uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 20) ^
		 ((uint64_t)getpid() << 40) ^ (uint64_t)(uintptr_t)h;

	/* A password in the proxy URL is a secret too. */
	if (h->proxy) {
		const char *a = strstr(h->proxy, "://");
		const char *at, *colon;

		a = a ? a + 3 : h->proxy;
		at = strchr(a, '@');
		colon = at ? memchr(a, ':', (size_t)(at - a)) : NULL;
		if (colon && at - colon > 1)
			push_scrub(h, ym_xstrndup(colon + 1,
						  (size_t)(at - colon - 1)));
	}
	return h;
}

void ym_http_free(ym_http *h)
{
	if (!h)
		return;
	curl_easy_cleanup(h->curl);
	for (size_t i = 0; i < h->n_hdrs; i++) {
		free(h->hdrs[i].name);
		free(h->hdrs[i].line);
	}
	free(h->hdrs);
	free(h->secret_names);
	for (size_t i = 0; h->scrub[i]; i++)
		free(h->scrub[i]);
	free(h->scrub);
	free(h->user_agent);
	free(h->proxy);
	free(h->no_proxy);
	free(h->ca_file);
	free(h);
}

static bool is_token(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++) {
		char c = *s;
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') ||
		      strchr("!#$%&'*+-.^_`|~", c)))
			return false;
	}
	return true;
}

int ym_http_header_add(ym_http *h, const char *name, const char *value,
		       bool secret, ym_err *err)
{
	header *hd;
	size_t nl = strlen(name), n = 0;

	if (!is_token(name))
		return ym_err_set(err, YM_E_INVALID,
				  _("invalid HTTP header name '%s'"), name);
	if (strpbrk(value, "\r\n"))
		return ym_err_set(err, YM_E_INVALID,
				  _("invalid value for HTTP header '%s'"),
				  name);
	h->hdrs = ym_xreallocarray(h->hdrs, h->n_hdrs + 1, sizeof *h->hdrs);
	hd = &h->hdrs[h->n_hdrs++];
	hd->name = ym_xstrdup(name);
	hd->line = ym_xmalloc(nl + 2 + strlen(value) + 1);
	memcpy(hd->line, name, nl);
	memcpy(hd->line + nl, ": ", 2);
	memcpy(hd->line + nl + 2, value, strlen(value) + 1);
	hd->secret = secret;
	if (!secret)
		return 0;

	while (h->secret_names[n])
		n++;
	h->secret_names = ym_xreallocarray(h->secret_names, n + 2,
					   sizeof *h->secret_names);
	h->secret_names[n] = hd->name;
	h->secret_names[n + 1] = NULL;
	if (*value)
		push_scrub(h, ym_xstrdup(value));
	return 0;
}

void ym_http_set_progress(ym_http *h, ym_http_progress_fn fn, void *ctx)
{
	h->progress = fn;
	h->progress_ctx = ctx;
}

void ym_http_redact(const ym_http *h, const char *url, ym_buf *out)
{
	ym_http_url_redact(url, h->secret_names, out);
}

/* Copies s into out with every secret value replaced by "***". */
static void scrub_into(const ym_http *h, const char *s, char *out,
		       size_t size)
{
	ym_buf b = YM_BUF_INIT;

	ym_buf_adds(&b, s);
	for (size_t i = 0; h->scrub[i]; i++) {
		const char *sec = h->scrub[i];
		size_t n = strlen(sec);
		char *p;

		while (n && (p = strstr(b.ptr, sec)) != NULL) {
			size_t at = (size_t)(p - b.ptr);
			ym_buf t = YM_BUF_INIT;

			ym_buf_add(&t, b.ptr, at);
			ym_buf_adds(&t, "***");
			ym_buf_adds(&t, b.ptr + at + n);
			ym_buf_release(&b);
			b = t;
		}
	}
	snprintf(out, size, "%s", b.ptr);
	ym_buf_release(&b);
}

/* ---- one transfer ---- */

typedef enum mode { TO_MEMORY, TO_FILE } mode;

typedef struct xfer {
	ym_http *h;
	mode mode;
	/* memory */
	ym_buf *body;
	size_t body_start;
	uint64_t limit;       /* body bytes allowed in this attempt */
	/* file */
	const char *part;     /* path.part */
	const char *ifrange;  /* path.part.ifrange */
	FILE *fp;
	uint64_t offset;      /* bytes of .part asked to resume after */
	bool ranged;          /* a Range header was sent */
	/* the response being received */
	int status;
	bool body_begun;      /* begin_body ran for this response */
	bool keep;            /* its body is kept (2xx) */
	bool appending;       /* 206 appended at offset */
	uint64_t received;    /* body bytes kept in this attempt */
	int fail;             /* YM_E_* from a callback that stopped it */
	bool restart;         /* the .part cannot be resumed: start over */
	char fail_msg[512];
	char etag[YM_HTTP_ETAG_MAX];
	bool has_etag;
	char last_modified[YM_HTTP_LASTMOD_MAX];
	bool has_lm;
	int64_t retry_after_ms;
	bool has_retry_after;
	uint64_t cr_first;
	bool has_cr;
} xfer;

static void reset_response(xfer *x)
{
	x->status = 0;
	x->body_begun = false;
	x->keep = false;
	x->has_etag = false;
	x->has_lm = false;
	x->has_retry_after = false;
	x->has_cr = false;
	x->etag[0] = x->last_modified[0] = '\0';
}

static bool name_is(const char *n, size_t len, const char *want)
{
	return strlen(want) == len && strncasecmp(n, want, len) == 0;
}

/* Copies a header value into a field; too long: treated as absent. */
static bool take(char *dst, size_t size, const char *v, size_t n)
{
	if (n + 1 > size) {
		dst[0] = '\0';
		return false;
	}
	memcpy(dst, v, n);
	dst[n] = '\0';
	return true;
}

static size_t on_header(char *data, size_t size, size_t nmemb, void *p)
{
	xfer *x = p;
	size_t n = size * nmemb;
	const char *name, *val;
	size_t nn, vn;
	int st;

	if (n >= 5 && memcmp(data, "HTTP/", 5) == 0) {
		reset_response(x);
		if (ym_http_status_line_parse(data, n, &st) == 0)
			x->status = st;
		return n;
	}
	if (ym_http_header_split(data, n, &name, &nn, &val, &vn) != 0)
		return n;
	if (name_is(name, nn, "etag"))
		x->has_etag = take(x->etag, sizeof x->etag, val, vn);
	else if (name_is(name, nn, "last-modified"))
		x->has_lm = take(x->last_modified, sizeof x->last_modified,
				 val, vn);
	else if (name_is(name, nn, "retry-after"))
		x->has_retry_after =
			ym_http_retry_after_parse(val, vn, (int64_t)time(NULL),
						  &x->retry_after_ms) == 0;
	else if (name_is(name, nn, "content-range")) {
		uint64_t last;
		int64_t len;
		x->has_cr = ym_http_content_range_parse(val, vn, &x->cr_first,
							&last, &len) == 0;
	}
	return n;
}

static int set_fail(xfer *x, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int set_fail(xfer *x, int code, const char *fmt, ...)
{
	va_list ap;

	x->fail = code;
	va_start(ap, fmt);
	vsnprintf(x->fail_msg, sizeof x->fail_msg, fmt, ap);
	va_end(ap);
	return code;
}

static void write_ifrange(const xfer *x)
{
	const char *val = NULL;
	FILE *f;

	/* If-Range needs a strong validator: a weak ETag will not do. */
	if (x->has_etag && strncmp(x->etag, "W/", 2) != 0)
		val = x->etag;
	else if (x->has_lm)
		val = x->last_modified;
	if (!val) {
		unlink(x->ifrange);
		return;
	}
	f = fopen(x->ifrange, "w");
	if (!f)
		return; /* only costs a plain Range next time */
	fprintf(f, "%s\n", val);
	if (fclose(f) != 0)
		unlink(x->ifrange);
}

/* First body bytes of a response: keep them or not, and where. */
static int begin_body(xfer *x)
{
	x->body_begun = true;
	x->keep = x->status >= 200 && x->status < 300;
	if (!x->keep || x->mode == TO_MEMORY)
		return 0;
	if (x->status == 206) {
		if (!x->ranged || !x->has_cr || x->cr_first != x->offset) {
			x->restart = true;
			return set_fail(x, YM_E_IO, "%s",
					_("partial download cannot be "
					  "resumed"));
		}
		x->fp = fopen(x->part, "ab");
		x->appending = true;
	} else {
		x->fp = fopen(x->part, "wb");
		x->appending = false;
		x->limit = x->h->o.max_file; /* the whole file again */
		write_ifrange(x);
	}
	if (!x->fp)
		return set_fail(x, YM_E_IO, _("cannot write %s: %s"), x->part,
				strerror(errno));
	return 0;
}

static size_t on_body(char *data, size_t size, size_t nmemb, void *p)
{
	xfer *x = p;
	size_t n = size * nmemb;

	if (!x->body_begun && begin_body(x) != 0)
		return 0;
	if (!x->keep)
		return n; /* redirect or error page: not wanted */
	if (x->received + n > x->limit) {
		set_fail(x, YM_E_TOOBIG, _("response larger than %llu bytes"),
			 (unsigned long long)x->limit);
		return 0;
	}
	if (x->mode == TO_MEMORY) {
		if (ym_buf_add(x->body, data, n) != 0) {
			set_fail(x, YM_E_TOOBIG,
				 _("response larger than %llu bytes"),
				 (unsigned long long)x->limit);
			return 0;
		}
	} else if (fwrite(data, 1, n, x->fp) != n) {
		set_fail(x, YM_E_IO, _("cannot write %s: %s"), x->part,
			 strerror(errno));
		return 0;
	}
	x->received += n;
	return n;
}

static int on_progress(void *p, curl_off_t dltotal, curl_off_t dlnow,
		       curl_off_t ultotal, curl_off_t ulnow)
{
	xfer *x = p;
	uint64_t base, done, total;

	(void)ultotal;
	(void)ulnow;
	if (!x->h->progress || !x->keep)
		return 0;
	base = x->appending ? x->offset : 0;
	done = base + (uint64_t)(dlnow > 0 ? dlnow : 0);
	total = dltotal > 0 ? base + (uint64_t)dltotal : 0;
	if (x->h->progress(x->h->progress_ctx, done, total) != 0) {
		set_fail(x, YM_E_IO, "%s", _("transfer cancelled"));
		return 1;
	}
	return 0;
}

/* ---- a request ---- */

typedef struct req {
	const char *url;
	mode mode;
	ym_http_validators *v;
	bool conditional;       /* send v's validators */
	ym_buf *body;           /* memory */
	size_t body_start_len;  /* memory: body->len at the call */
	const char *path;       /* file */
	ym_buf part, ifrange;   /* file: path.part, path.part.ifrange */
	ym_buf shown;           /* url, redacted */
} req;

static bool same_origin(const char *a, const char *b)
{
	CURLU *ua = curl_url(), *ub = curl_url();
	bool same = false;

	if (ua && ub && curl_url_set(ua, CURLUPART_URL, a, 0) == CURLUE_OK &&
	    curl_url_set(ub, CURLUPART_URL, b, 0) == CURLUE_OK) {
		static const CURLUPart parts[] = {CURLUPART_SCHEME,
						  CURLUPART_HOST,
						  CURLUPART_PORT};
		same = true;
		for (size_t i = 0; i < 3 && same; i++) {
			char *pa = NULL, *pb = NULL;

			if (curl_url_get(ua, parts[i], &pa,
					 CURLU_DEFAULT_PORT) != CURLUE_OK ||
			    curl_url_get(ub, parts[i], &pb,
					 CURLU_DEFAULT_PORT) != CURLUE_OK ||
			    strcasecmp(pa, pb) != 0)
				same = false;
			curl_free(pa);
			curl_free(pb);
		}
	}
	curl_url_cleanup(ua);
	curl_url_cleanup(ub);
	return same;
}

static struct curl_slist *add_line(struct curl_slist *l, bool *oom,
				   const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static struct curl_slist *add_line(struct curl_slist *l, bool *oom,
				   const char *fmt, ...)
{
	ym_buf b = YM_BUF_INIT;
	struct curl_slist *n;
	va_list ap;

	va_start(ap, fmt);
	ym_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	n = curl_slist_append(l, b.ptr);
	ym_buf_release(&b);
	if (!n) {
		*oom = true;
		return l;
	}
	return n;
}

/* A header value that can be sent: not empty, no CR, LF or NUL inside. */
static bool one_line(const char *s)
{
	return s[0] && !strpbrk(s, "\r\n");
}

/* One request to url (one hop). */
static CURLcode hop(ym_http *h, req *rq, xfer *x, const char *url,
		    bool secrets)
{
	CURL *c = h->curl;
	struct curl_slist *hl = NULL;
	bool oom = false;
	CURLcode cc;
	uint64_t maxsize;

	curl_easy_reset(c);
	for (size_t i = 0; i < h->n_hdrs; i++)
		if (secrets || !h->hdrs[i].secret)
			hl = add_line(hl, &oom, "%s", h->hdrs[i].line);
	if (rq->conditional && one_line(rq->v->etag))
		hl = add_line(hl, &oom, "If-None-Match: %s", rq->v->etag);
	if (rq->conditional && one_line(rq->v->last_modified))
		hl = add_line(hl, &oom, "If-Modified-Since: %s",
			      rq->v->last_modified);
	if (x->ranged) {
		ym_buf val;

		hl = add_line(hl, &oom, "Range: bytes=%llu-",
			      (unsigned long long)x->offset);
		ym_buf_init(&val, 1024);
		if (ym_buf_read_file(&val, x->ifrange, NULL) == 0) {
			val.ptr[strcspn(val.ptr, "\r\n")] = '\0';
			if (one_line(val.ptr))
				hl = add_line(hl, &oom, "If-Range: %s",
					      val.ptr);
		}
		ym_buf_release(&val);
	}
	if (oom) {
		curl_slist_free_all(hl);
		return CURLE_OUT_OF_MEMORY;
	}

	/* A first check on Content-Length; on_body enforces the limit. */
	maxsize = x->mode == TO_MEMORY ? x->limit : h->o.max_file;
	h->errbuf[0] = '\0';
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, h->errbuf);
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_HTTPGET, 1L);
#if LIBCURL_VERSION_NUM >= 0x075500
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
#else
	curl_easy_setopt(c, CURLOPT_PROTOCOLS,
			 (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_TCP_KEEPALIVE, 1L);
	curl_easy_setopt(c, CURLOPT_USERAGENT, h->user_agent);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, hl);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS,
			 h->o.connect_timeout_ms);
	curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, h->o.low_speed_limit);
	curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, h->o.low_speed_time_s);
	if (h->o.timeout_ms > 0)
		curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, h->o.timeout_ms);
	if (maxsize <= (uint64_t)INT64_MAX)
		curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE,
				 (curl_off_t)maxsize);
	/* Only when asked: CURLOPT_PROXY "" would switch the environment's
	 * proxy off. */
	if (h->proxy)
		curl_easy_setopt(c, CURLOPT_PROXY, h->proxy);
	if (h->no_proxy)
		curl_easy_setopt(c, CURLOPT_NOPROXY, h->no_proxy);
	if (h->ca_file)
		curl_easy_setopt(c, CURLOPT_CAINFO, h->ca_file);
	/* Compressed transfer for bodies in memory; files stay identity so
	 * that byte ranges mean file offsets. */
	if (x->mode == TO_MEMORY)
		curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, x);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, x);
	curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, on_progress);
	curl_easy_setopt(c, CURLOPT_XFERINFODATA, x);
	curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);

	cc = curl_easy_perform(c);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, NULL);
	curl_slist_free_all(hl);
	return cc;
}

static bool is_redirect(int status)
{
	return status == 301 || status == 302 || status == 303 ||
	       status == 307 || status == 308;
}

static void transport_reason(ym_http *h, CURLcode cc, char *out,
			     size_t size)
{
	scrub_into(h, h->errbuf[0] ? h->errbuf : curl_easy_strerror(cc), out,
		   size);
}

/* One debug line per request sent: redacted URL, then the status and
 * body bytes kept, or the transport error. */
static void log_hop(ym_http *h, const char *url, const xfer *x, CURLcode cc)
{
	ym_buf shown = YM_BUF_INIT;
	char reason[CURL_ERROR_SIZE + 64];

	if (ym_log_get_level() < YM_LOG_DEBUG)
		return;
	ym_http_redact(h, url, &shown);
	if (cc == CURLE_OK) {
		ym_debug(_("GET %s: HTTP %d, %llu bytes"), shown.ptr, x->status,
			 (unsigned long long)x->received);
	} else {
		transport_reason(h, cc, reason, sizeof reason);
		ym_debug(_("GET %s: %s"), shown.ptr, reason);
	}
	ym_buf_release(&shown);
}

/* One attempt: the request and the redirects it leads to. */
static CURLcode attempt(ym_http *h, req *rq, xfer *x, ym_http_result *res,
			bool *too_many)
{
	ym_buf url = YM_BUF_INIT;
	CURLcode cc = CURLE_OK;

	*too_many = false;
	ym_buf_adds(&url, rq->url);
	for (int hops = 0;; hops++) {
		char *loc = NULL;

		if (h->o.ratelimit)
			res->paced_ms += ym_ratelimit_acquire(h->o.ratelimit);
		cc = hop(h, rq, x, url.ptr, same_origin(rq->url, url.ptr));
		log_hop(h, url.ptr, x, cc);
		if (cc != CURLE_OK || !is_redirect(x->status))
			break;
		if (curl_easy_getinfo(h->curl, CURLINFO_REDIRECT_URL, &loc) !=
			    CURLE_OK ||
		    !loc)
			break;
		if (hops >= h->o.max_redirects) {
			*too_many = true;
			break;
		}
		ym_buf_reset(&url);
		ym_buf_adds(&url, loc);
	}
	ym_buf_release(&url);
	return cc;
}

static bool status_retryable(int s)
{
	return s == 403 || s == 408 || s == 429 || (s >= 500 && s <= 599);
}

static bool transport_retryable(CURLcode cc)
{
	switch (cc) {
	case CURLE_COULDNT_CONNECT:
	case CURLE_OPERATION_TIMEDOUT:
	case CURLE_SEND_ERROR:
	case CURLE_RECV_ERROR:
	case CURLE_PARTIAL_FILE:
	case CURLE_GOT_NOTHING:
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_HTTP2:
	case CURLE_HTTP2_STREAM:
		return true;
	default:
		return false;
	}
}

static int64_t backoff_ms(ym_http *h, int failed)
{
	int64_t d = h->o.backoff_base_ms;

	for (int i = 1; i < failed && d < h->o.backoff_max_ms; i++)
		d *= 2;
	if (d > h->o.backoff_max_ms)
		d = h->o.backoff_max_ms;
	/* equal jitter: half fixed, half random */
	return d / 2 + (int64_t)(next_rand(h) % (uint64_t)(d / 2 + 1));
}

static void copy_validators(ym_http_validators *v, const xfer *x,
			    bool all)
{
	if (!v)
		return;
	if (all || x->has_etag)
		snprintf(v->etag, sizeof v->etag, "%s",
			 x->has_etag ? x->etag : "");
	if (all || x->has_lm)
		snprintf(v->last_modified, sizeof v->last_modified, "%s",
			 x->has_lm ? x->last_modified : "");
}

static void drop_part(req *rq)
{
	unlink(rq->part.ptr);
	unlink(rq->ifrange.ptr);
}

/* Closes the file of an attempt; on success makes it the destination. */
static int finish_file(req *rq, xfer *x, ym_http_result *res, ym_err *err)
{
	struct stat st;
	int rc = 0;

	if (!x->fp) {
		/* a 2xx without a body: an empty file */
		x->fp = fopen(rq->part.ptr, "wb");
		if (!x->fp)
			return ym_err_set(err, YM_E_IO,
					  _("cannot write %s: %s"),
					  rq->part.ptr, strerror(errno));
	}
	if (fflush(x->fp) != 0 || fsync(fileno(x->fp)) != 0)
		rc = ym_err_set(err, YM_E_IO, _("cannot write %s: %s"),
				rq->part.ptr, strerror(errno));
	if (fclose(x->fp) != 0 && rc == 0)
		rc = ym_err_set(err, YM_E_IO, _("cannot write %s: %s"),
				rq->part.ptr, strerror(errno));
	x->fp = NULL;
	if (rc)
		return rc;
	if (rename(rq->part.ptr, rq->path) != 0)
		return ym_err_set(err, YM_E_IO, _("cannot rename %s to %s: %s"),
				  rq->part.ptr, rq->path, strerror(errno));
	unlink(rq->ifrange.ptr);
	if (stat(rq->path, &st) == 0)
		res->bytes = (uint64_t)st.st_size;
	return 0;
}

static void close_file(xfer *x)
{
	if (x->fp) {
		fclose(x->fp);
		x->fp = NULL;
	}
}

/* Fills err about the request (its redacted URL in err->file); returns
 * code. */
static int req_fail(req *rq, ym_err *err, int code, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static int req_fail(req *rq, ym_err *err, int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ym_err_setv(err, code, fmt, ap);
	va_end(ap);
	ym_err_at(err, rq->shown.ptr, 0, 0);
	return code;
}

static int fail_status(req *rq, int status, int attempts, ym_err *err)
{
	int code = status == 404 || status == 410 ? YM_E_NOTFOUND : YM_E_IO;

	if (attempts > 1)
		return req_fail(rq, err, code,
				_("server answered HTTP %d, gave up after %d "
				  "attempts"),
				status, attempts);
	return req_fail(rq, err, code, _("server answered HTTP %d"), status);
}

static int fail_transport(req *rq, const char *reason, int attempts,
			  ym_err *err)
{
	if (attempts > 1)
		return req_fail(rq, err, YM_E_IO,
				_("transfer failed: %s, gave up after %d "
				  "attempts"),
				reason, attempts);
	return req_fail(rq, err, YM_E_IO, _("transfer failed: %s"), reason);
}

/* Sets up an attempt: where the body goes, and from which offset. */
static void prepare(ym_http *h, req *rq, xfer *x)
{
	struct stat st;

	memset(x, 0, sizeof *x);
	x->h = h;
	x->mode = rq->mode;
	reset_response(x);
	if (rq->mode == TO_MEMORY) {
		size_t room = rq->body->max - rq->body_start_len;

		x->body = rq->body;
		x->body_start = rq->body_start_len;
		ym_buf_truncate(rq->body, x->body_start);
		x->limit = h->o.max_body < room ? h->o.max_body : room;
		return;
	}
	x->part = rq->part.ptr;
	x->ifrange = rq->ifrange.ptr;
	if (stat(rq->part.ptr, &st) == 0 && st.st_size > 0) {
		x->offset = (uint64_t)st.st_size;
		x->ranged = true;
	}
	x->limit = h->o.max_file > x->offset ? h->o.max_file - x->offset : 0;
}

/* After an attempt: *done with the call's result (0 or an error) when
 * nothing is left to try; otherwise the caller considers a retry. */
static int settle(req *rq, xfer *x, CURLcode cc, bool too_many,
		  ym_http_result *res, ym_err *err, bool *done)
{
	bool ok;
	int rc;

	*done = true;
	ok = !x->fail && !x->restart && cc == CURLE_OK && x->status >= 200 &&
	     x->status < 300;
	if (!ok)
		close_file(x); /* on success finish_file does it */
	if (x->fail && !x->restart) {
		if (x->fail == YM_E_TOOBIG && rq->mode == TO_FILE)
			drop_part(rq);
		return req_fail(rq, err, x->fail, "%s", x->fail_msg);
	}
	if (cc == CURLE_FILESIZE_EXCEEDED) {
		if (rq->mode == TO_FILE)
			drop_part(rq);
		return req_fail(rq, err, YM_E_TOOBIG,
				_("response larger than %llu bytes"),
				(unsigned long long)x->limit);
	}
	if (too_many)
		return req_fail(rq, err, YM_E_IO, _("more than %d redirects"),
				x->h->o.max_redirects);
	if (cc == CURLE_OK && x->status == 416 && x->ranged)
		x->restart = true; /* the .part is longer than the file */

	if (ok) {
		if (rq->mode == TO_MEMORY) {
			res->bytes = x->received;
		} else if (x->status == 206 && !x->appending) {
			/* a 206 without a body */
			close_file(x);
			drop_part(rq);
			return fail_status(rq, 206, res->attempts, err);
		} else {
			rc = finish_file(rq, x, res, err);
			if (rc) {
				ym_err_at(err, rq->shown.ptr, 0, 0);
				return rc;
			}
			res->resumed = x->appending;
			res->resumed_at = x->appending ? x->offset : 0;
		}
		copy_validators(rq->v, x, true);
		return 0;
	}
	if (!x->restart && cc == CURLE_OK && x->status == 304 &&
	    rq->conditional) {
		if (rq->mode == TO_FILE)
			drop_part(rq); /* of a version we already have */
		res->not_modified = true;
		copy_validators(rq->v, x, false);
		return 0;
	}
	*done = false;
	return 0;
}

/* Whether and when to try again after attempt n failed: fills r, or
 * returns the error that ends the call. */
static int next_try(ym_http *h, req *rq, xfer *x, CURLcode cc, int n,
		    int64_t waited, ym_http_retry *r, char *reason,
		    size_t size, ym_err *err)
{
	int64_t left = h->o.max_total_wait_ms - waited;

	memset(r, 0, sizeof *r);
	reason[0] = '\0';
	if (x->restart) {
		drop_part(rq);
		snprintf(reason, size, "%s",
			 _("partial download cannot be resumed"));
		if (n >= h->o.max_attempts)
			return fail_transport(rq, reason, n, err);
		/* at once: nothing is wrong with the server */
	} else if (cc != CURLE_OK) {
		transport_reason(h, cc, reason, size);
		if (!transport_retryable(cc) || n >= h->o.max_attempts)
			return fail_transport(rq, reason, n, err);
		r->delay_ms = backoff_ms(h, n);
	} else {
		if (!status_retryable(x->status) || n >= h->o.max_attempts)
			return fail_status(rq, x->status, n, err);
		r->status = x->status;
		if (x->has_retry_after) {
			if (x->retry_after_ms > left)
				return req_fail(
					rq, err, YM_E_IO,
					_("server answered HTTP %d and asked "
					  "to wait %lld s, more than the %lld "
					  "s left to wait"),
					x->status,
					(long long)(x->retry_after_ms / 1000),
					(long long)(left / 1000));
			r->delay_ms = x->retry_after_ms;
			r->retry_after = true;
		} else {
			r->delay_ms = backoff_ms(h, n);
		}
	}
	if (!x->restart && !r->retry_after) {
		if (left <= 0)
			return r->status ? fail_status(rq, r->status, n, err)
					 : fail_transport(rq, reason, n, err);
		if (r->delay_ms > left)
			r->delay_ms = left;
	}
	r->url = rq->shown.ptr;
	r->attempt = n;
	r->max_attempts = h->o.max_attempts;
	r->reason = r->status ? "" : reason;
	return 0;
}

static int run(ym_http *h, req *rq, ym_http_result *res, ym_err *err)
{
	int64_t waited = 0;

	for (int n = 1;; n++) {
		char reason[CURL_ERROR_SIZE + 64];
		ym_http_retry r;
		bool too_many, done;
		CURLcode cc;
		xfer x;
		int rc;

		prepare(h, rq, &x);
		cc = attempt(h, rq, &x, res, &too_many);
		res->attempts = n;
		res->status = x.status;
		rc = settle(rq, &x, cc, too_many, res, err, &done);
		if (done)
			return rc;
		rc = next_try(h, rq, &x, cc, n, waited, &r, reason,
			      sizeof reason, err);
		if (rc)
			return rc;
		if (h->o.on_retry)
			h->o.on_retry(h->o.retry_ctx, &r);
		if (r.delay_ms > 0) {
			h->clock.sleep_ms(h->clock.ctx, r.delay_ms);
			waited += r.delay_ms;
			res->waited_ms = waited;
		}
	}
}

static int begin(ym_http *h, req *rq, const char *url, ym_http_result *res,
		 ym_err *err)
{
	memset(res, 0, sizeof *res);
	ym_buf_init(&rq->shown, 0);
	ym_buf_init(&rq->part, 0);
	ym_buf_init(&rq->ifrange, 0);
	ym_http_redact(h, url, &rq->shown);
	rq->url = url;
	if (strncasecmp(url, "http://", 7) != 0 &&
	    strncasecmp(url, "https://", 8) != 0) {
		ym_err_set(err, YM_E_USAGE, "%s",
			   _("only http:// and https:// URLs are supported"));
		ym_err_at(err, rq->shown.ptr, 0, 0);
		return YM_E_USAGE;
	}
	return 0;
}

static void end(req *rq)
{
	ym_buf_release(&rq->shown);
	ym_buf_release(&rq->part);
	ym_buf_release(&rq->ifrange);
}

int ym_http_get(ym_http *h, const char *url, ym_http_validators *v,
		ym_buf *body, ym_http_result *res, ym_err *err)
{
	ym_http_result local;
	req rq = {0};
	int rc;

	if (!res)
		res = &local;
	rc = begin(h, &rq, url, res, err);
	if (rc == 0) {
		rq.mode = TO_MEMORY;
		rq.v = v;
		rq.conditional = v && (v->etag[0] || v->last_modified[0]);
		rq.body = body;
		rq.body_start_len = body->len;
		rc = run(h, &rq, res, err);
		if (rc)
			ym_buf_truncate(body, rq.body_start_len);
	}
	end(&rq);
	return rc;
}

int ym_http_get_file(ym_http *h, const char *url, const char *path,
		     ym_http_validators *v, ym_http_result *res, ym_err *err)
{
	ym_http_result local;
	req rq = {0};
	struct stat st;
	int rc;

	if (!res)
		res = &local;
	rc = begin(h, &rq, url, res, err);
	if (rc == 0) {
		rq.mode = TO_FILE;
		rq.v = v;
		rq.conditional = v && (v->etag[0] || v->last_modified[0]) &&
				 stat(path, &st) == 0;
		rq.path = path;
		ym_buf_printf(&rq.part, "%s.part", path);
		ym_buf_printf(&rq.ifrange, "%s.part.ifrange", path);
		rc = run(h, &rq, res, err);
	}
	end(&rq);
	return rc;
}

void ym_http_retry_describe(const ym_http_retry *r, ym_buf *out)
{
	long long s = (long long)(r->delay_ms / 1000);
	int tenth = (int)((r->delay_ms % 1000) / 100);

	if (r->status)
		ym_buf_printf(out,
			      _("%s: server answered HTTP %d, retry %d of %d "
				"in %lld.%d s"),
			      r->url, r->status, r->attempt,
			      r->max_attempts - 1, s, tenth);
	else
		ym_buf_printf(out, _("%s: %s, retry %d of %d in %lld.%d s"),
			      r->url, r->reason, r->attempt,
			      r->max_attempts - 1, s, tenth);
}
