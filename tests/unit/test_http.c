/* Unit tests for net/: the HTTP client against the fixture server
 * (tests/fixtures/httpd/server.py, started here with fork/exec on a
 * temporary directory), and the pure URL and header helpers.
 *
 * Every live test makes its own client, so its first request opens a new
 * connection (libcurl silently retries a request that dies on a reused
 * one, which would hide a retry from the counts asserted here). Backoff is
 * 10 ms; the only real waits are a 1 s Retry-After and the rate-limit
 * spacing tests (about 2 s in all).
 */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "core/json.h"
#include "core/log.h"
#include "net/http.h"
#include "net/http_hdr.h"
#include "net/http_url.h"
#include "net/ratelimit.h"
#include "test.h"

#ifndef YM_VERSION_STRING
#define YM_VERSION_STRING "0.0.0"
#endif

#define BIG_SIZE 200000
#define N_CVES 7

static char tmp[256];       /* the temporary directory */
static char root[320];      /* files the server serves */
static char log_path[320];  /* its request log */
static char base[64];       /* "http://127.0.0.1:PORT" */
static int port;
static pid_t server_pid = -1;
static int server_stdin = -1;
static unsigned char big[BIG_SIZE];
static ym_buf cves_json = YM_BUF_INIT;

/* ---- fixture files and the server ---- */

static int write_file(const char *dir, const char *name, const void *data,
		      size_t n)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "wb");
	if (!f)
		return -1;
	if (n && fwrite(data, 1, n, f) != n) {
		fclose(f);
		return -1;
	}
	return fclose(f);
}

static const char scenario[] =
	"{\"rules\": [\n"
	" {\"path\": \"/r503.txt\", \"file\": \"hello.txt\",\n"
	"  \"first\": [{\"status\": 503}, {\"status\": 503}]},\n"
	" {\"path\": \"/r503-paced.txt\", \"file\": \"hello.txt\",\n"
	"  \"first\": [{\"status\": 503}, {\"status\": 503}]},\n"
	" {\"path\": \"/r429.txt\", \"file\": \"hello.txt\",\n"
	"  \"first\": [{\"status\": 429, \"retry_after\": \"1\"}]},\n"
	" {\"path\": \"/r429date.txt\", \"file\": \"hello.txt\",\n"
	"  \"first\": [{\"status\": 429, \"retry_after\": \"+2\"}]},\n"
	" {\"path\": \"/r403.txt\", \"file\": \"hello.txt\",\n"
	"  \"first\": [{\"status\": 403, \"body\": \"slow down\"}]},\n"
	" {\"path\": \"/down\", \"status\": 503, \"body\": \"down\"},\n"
	" {\"path\": \"/budget.txt\", \"file\": \"hello.txt\",\n"
	"  \"first\": [{\"status\": 429, \"retry_after\": \"100\"}]},\n"
	" {\"path\": \"/cut-mem.bin\", \"file\": \"big.bin\",\n"
	"  \"first\": [{\"cut_after\": 50000}]},\n"
	" {\"path\": \"/reset.txt\", \"file\": \"hello.txt\",\n"
	"  \"first\": [{\"reset\": true}]},\n"
	" {\"path\": \"/etag.json\", \"file\": \"cves.json\",\n"
	"  \"etag\": \"\\\"v1\\\"\",\n"
	"  \"last_modified\": \"Wed, 21 Oct 2015 07:28:00 GMT\"},\n"
	" {\"path\": \"/cut.bin\", \"file\": \"big.bin\",\n"
	"  \"etag\": \"\\\"big-1\\\"\", \"first\": [{\"cut_after\": 70000}]},\n"
	" {\"path\": \"/cut-noetag.bin\", \"file\": \"big.bin\",\n"
	"  \"first\": [{\"cut_after\": 70000}]},\n"
	" {\"path\": \"/norange.bin\", \"file\": \"big.bin\",\n"
	"  \"ranges\": false},\n"
	" {\"path\": \"/changed.bin\", \"file\": \"big.bin\",\n"
	"  \"etag\": \"\\\"new\\\"\"},\n"
	" {\"path\": \"/etag-file.bin\", \"file\": \"big.bin\",\n"
	"  \"etag\": \"\\\"f1\\\"\"},\n"
	" {\"path\": \"/gzip.json\", \"file\": \"cves.json\",\n"
	"  \"gzip\": true},\n"
	" {\"path\": \"/cves\", \"paged\": {\"file\": \"cves.json\",\n"
	"  \"key\": \"vulnerabilities\", \"max_per_page\": 3}},\n"
	" {\"path\": \"/redir-same\", \"redirect\": \"/hello-same.txt\"},\n"
	" {\"path\": \"/hello-same.txt\", \"file\": \"hello.txt\"},\n"
	" {\"path\": \"/redir-other\", \"redirect_status\": 307,\n"
	"  \"redirect\": \"http://localhost:{port}/hello-other.txt\"},\n"
	" {\"path\": \"/hello-other.txt\", \"file\": \"hello.txt\"},\n"
	" {\"path\": \"/redir-loop\", \"redirect\": \"/redir-loop\"},\n"
	" {\"path\": \"/proxied.txt\", \"file\": \"hello.txt\"},\n"
	" {\"path\": \"/proxied-env.txt\", \"file\": \"hello.txt\"},\n"
	" {\"path\": \"/noproxy.txt\", \"file\": \"hello.txt\"},\n"
	" {\"path\": \"/paced.txt\", \"file\": \"hello.txt\"},\n"
	" {\"path\": \"/query.txt\", \"file\": \"hello.txt\"},\n"
	" {\"path\": \"/small.txt\", \"file\": \"hello.txt\"}\n"
	"]}\n";

static int make_fixtures(void)
{
	char path[512];
	uint32_t x = 2463534242u;

	for (size_t i = 0; i < BIG_SIZE; i++) {
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		big[i] = (unsigned char)x;
	}
	ym_buf_adds(&cves_json, "{\"format\": \"NVD_CVE\", \"version\": "
				"\"2.0\", \"vulnerabilities\": [");
	for (int i = 1; i <= N_CVES; i++)
		ym_buf_printf(&cves_json,
			      "%s{\"cve\": {\"id\": \"CVE-2024-%04d\"}}",
			      i > 1 ? ", " : "", i);
	ym_buf_adds(&cves_json, "]}\n");

	snprintf(root, sizeof root, "%s/root", tmp);
	snprintf(log_path, sizeof log_path, "%s/requests.jsonl", tmp);
	if (mkdir(root, 0700) != 0)
		return -1;
	snprintf(path, sizeof path, "%s/dl", tmp);
	if (mkdir(path, 0700) != 0)
		return -1;
	if (write_file(root, "hello.txt", "hello, yamori\n", 14) ||
	    write_file(root, "big.bin", big, BIG_SIZE) ||
	    write_file(root, "empty.txt", "", 0) ||
	    write_file(root, "cves.json", cves_json.ptr, cves_json.len) ||
	    write_file(tmp, "scenario.json", scenario, sizeof scenario - 1))
		return -1;
	return 0;
}

static int start_server(void)
{
	int out[2], in[2];
	char scen[512], line[32];
	size_t n = 0;
	struct pollfd pfd;

	snprintf(scen, sizeof scen, "%s/scenario.json", tmp);
	if (pipe(out) != 0 || pipe(in) != 0)
		return -1;
	server_pid = fork();
	if (server_pid < 0)
		return -1;
	if (server_pid == 0) {
		char *argv[] = {"python3", "tests/fixtures/httpd/server.py",
				"--root", root, "--scenario", scen,
				"--log", log_path, "--exit-on-eof", NULL};

		dup2(in[0], STDIN_FILENO);
		dup2(out[1], STDOUT_FILENO);
		close(in[0]);
		close(in[1]);
		close(out[0]);
		close(out[1]);
		execvp(argv[0], argv);
		_exit(127);
	}
	close(in[0]);
	close(out[1]);
	server_stdin = in[1];
	pfd.fd = out[0];
	pfd.events = POLLIN;
	while (n + 1 < sizeof line) {
		ssize_t r;

		if (poll(&pfd, 1, 10000) <= 0)
			break;
		r = read(out[0], line + n, 1);
		if (r <= 0 || line[n] == '\n')
			break;
		n++;
	}
	line[n] = '\0';
	close(out[0]);
	port = (int)strtol(line, NULL, 10);
	if (port <= 0) {
		fprintf(stderr, "test_http: no port from the server\n");
		return -1;
	}
	snprintf(base, sizeof base, "http://127.0.0.1:%d", port);
	return 0;
}

static void stop_server(void)
{
	if (server_stdin >= 0)
		close(server_stdin);
	if (server_pid > 0) {
		kill(server_pid, SIGTERM);
		waitpid(server_pid, NULL, 0);
	}
}

static int rm_entry(const char *p, const struct stat *sb, int flag,
		    struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(p);
}

/* ---- helpers ---- */

static void url_of(ym_buf *b, const char *path)
{
	ym_buf_reset(b);
	ym_buf_printf(b, "%s%s", base, path);
}

static void dl_path(char *out, size_t size, const char *name)
{
	snprintf(out, size, "%s/dl/%s", tmp, name);
}

static bool file_is(const char *path, const void *data, size_t n)
{
	ym_buf b = YM_BUF_INIT;
	bool same;

	same = ym_buf_read_file(&b, path, NULL) == 0 && b.len == n &&
	       memcmp(b.ptr, data, n) == 0;
	ym_buf_release(&b);
	return same;
}

static bool exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

/* What one retry report said. */
typedef struct retries {
	int n;
	int status[8];
	int64_t delay[8];
	bool retry_after[8];
	char url[256];
	char reason[256];
} retries;

static void on_retry(void *ctx, const ym_http_retry *r)
{
	retries *rs = ctx;

	if (rs->n < 8) {
		rs->status[rs->n] = r->status;
		rs->delay[rs->n] = r->delay_ms;
		rs->retry_after[rs->n] = r->retry_after;
	}
	rs->n++;
	snprintf(rs->url, sizeof rs->url, "%s", r->url);
	snprintf(rs->reason, sizeof rs->reason, "%s", r->reason);
}

/* A clock whose sleep only adds up what it was asked. */
typedef struct fake {
	int64_t now;
	int64_t slept;
} fake;

static int64_t fake_now(void *ctx)
{
	return ((fake *)ctx)->now;
}

static void fake_sleep(void *ctx, int64_t ms)
{
	((fake *)ctx)->now += ms;
	((fake *)ctx)->slept += ms;
}

/* The options every live test starts from. */
static ym_http_opts opts_for(retries *rs)
{
	ym_http_opts o = {0};

	o.backoff_base_ms = 10;
	o.backoff_max_ms = 100;
	o.max_attempts = 4;
	o.connect_timeout_ms = 5000;
	o.on_retry = rs ? on_retry : NULL;
	o.retry_ctx = rs;
	return o;
}

/* One line of the server's request log. */
typedef struct entry {
	int n;
	int status;
	double mono;
	bool proxy;
	long bytes;
	char target[512];
	char action[16];
	char host[128];
	char ua[64];
	char ae[64];
	char range[64];
	char if_range[128];
	char inm[128];
	char ims[64];
	char apikey[64];
} entry;

static void jcopy(char *dst, size_t size, const ym_json *v)
{
	const char *s = ym_json_string(v);
	snprintf(dst, size, "%s", s ? s : "");
}

/* Log entries for path (in order); returns how many (at most max). */
static int log_for(const char *path, entry *out, int max)
{
	ym_buf text = YM_BUF_INIT;
	ym_arena a;
	int k = 0;
	char *line, *save = NULL;

	if (ym_buf_read_file(&text, log_path, NULL) != 0)
		return 0;
	ym_arena_init(&a, 4096);
	for (line = strtok_r(text.ptr, "\n", &save); line && k < max;
	     line = strtok_r(NULL, "\n", &save)) {
		const ym_json *j = ym_json_parse(&a, line, strlen(line), NULL,
						 "log", NULL);
		const ym_json *h;
		entry *e;
		int64_t iv;

		if (!j || !ym_json_string(ym_json_get(j, "path")) ||
		    strcmp(ym_json_string(ym_json_get(j, "path")), path) != 0)
			continue;
		e = &out[k++];
		memset(e, 0, sizeof *e);
		if (ym_json_int(ym_json_get(j, "n"), &iv))
			e->n = (int)iv;
		if (ym_json_int(ym_json_get(j, "status"), &iv))
			e->status = (int)iv;
		if (ym_json_int(ym_json_get(j, "bytes"), &iv))
			e->bytes = (long)iv;
		if (ym_json_get(j, "mono"))
			e->mono = ym_json_get(j, "mono")->u.num.d;
		e->proxy = ym_json_is(ym_json_get(j, "proxy"), YM_JSON_TRUE);
		jcopy(e->target, sizeof e->target, ym_json_get(j, "target"));
		jcopy(e->action, sizeof e->action, ym_json_get(j, "action"));
		h = ym_json_get(j, "headers");
		jcopy(e->host, sizeof e->host, ym_json_get(h, "host"));
		jcopy(e->ua, sizeof e->ua, ym_json_get(h, "user-agent"));
		jcopy(e->ae, sizeof e->ae, ym_json_get(h, "accept-encoding"));
		jcopy(e->range, sizeof e->range, ym_json_get(h, "range"));
		jcopy(e->if_range, sizeof e->if_range,
		      ym_json_get(h, "if-range"));
		jcopy(e->inm, sizeof e->inm, ym_json_get(h, "if-none-match"));
		jcopy(e->ims, sizeof e->ims,
		      ym_json_get(h, "if-modified-since"));
		jcopy(e->apikey, sizeof e->apikey, ym_json_get(h, "apikey"));
	}
	ym_arena_release(&a);
	ym_buf_release(&text);
	return k;
}

/* ---- pure helpers: URLs ---- */

static void t_url_join(void)
{
	ym_buf b = YM_BUF_INIT;

	CHECK_INT(ym_http_url_join(&b, "https://services.nvd.nist.gov/rest/"
				       "json/", "/cves/2.0"), 0);
	CHECK_STR(b.ptr, "https://services.nvd.nist.gov/rest/json/cves/2.0");
	ym_buf_reset(&b);
	ym_http_url_join(&b, "https://h.example", "cves/2.0");
	CHECK_STR(b.ptr, "https://h.example/cves/2.0");
	ym_buf_reset(&b);
	ym_http_url_join(&b, "https://h.example/", "");
	CHECK_STR(b.ptr, "https://h.example/");
	ym_buf_reset(&b);
	ym_http_url_join(&b, "https://h.example", NULL);
	CHECK_STR(b.ptr, "https://h.example");
	ym_buf_release(&b);
}

static void t_url_params(void)
{
	ym_buf b = YM_BUF_INIT;

	ym_buf_adds(&b, "https://h.example/cves/2.0");
	CHECK_INT(ym_http_url_add_param(&b, "startIndex", "0"), 0);
	CHECK_INT(ym_http_url_add_param(&b, "resultsPerPage", "2000"), 0);
	CHECK_INT(ym_http_url_add_param(&b, "pubStartDate",
					"2024-01-01T00:00:00.000+09:00"), 0);
	CHECK_INT(ym_http_url_add_param(&b, "keywordSearch",
					"a b&c=d/e#f%g?~"), 0);
	CHECK_INT(ym_http_url_add_param(&b, "q", "脆弱性"), 0);
	CHECK_INT(ym_http_url_add_param(&b, "noRejected", NULL), 0);
	CHECK_STR(b.ptr,
		  "https://h.example/cves/2.0?startIndex=0"
		  "&resultsPerPage=2000"
		  "&pubStartDate=2024-01-01T00:00:00.000%2B09:00"
		  "&keywordSearch=a%20b%26c%3Dd%2Fe%23f%25g%3F~"
		  "&q=%E8%84%86%E5%BC%B1%E6%80%A7&noRejected=");
	ym_buf_reset(&b);
	ym_buf_adds(&b, "http://h/p?");
	ym_http_url_add_param(&b, "a b", "1");
	CHECK_STR(b.ptr, "http://h/p?a%20b=1");
	ym_buf_reset(&b);
	ym_buf_adds(&b, "http://h/p#frag");
	CHECK_INT(ym_http_url_add_param(&b, "a", "1"), YM_E_INVALID);
	CHECK_STR(b.ptr, "http://h/p#frag");
	ym_buf_release(&b);

	/* a limit on the buffer leaves it as it was */
	ym_buf_init(&b, 12);
	ym_buf_adds(&b, "http://h/p");
	CHECK_INT(ym_http_url_add_param(&b, "abc", "def"), YM_E_TOOBIG);
	CHECK_STR(b.ptr, "http://h/p");
	ym_buf_release(&b);
}

static void t_url_redact(void)
{
	static const char *const extra[] = {"X-Session", NULL};
	ym_buf b = YM_BUF_INIT;

	ym_http_url_redact("https://user:pw@h.example:8443/p?apiKey=abc&x=1"
			   "&access_token=t&page=2#frag",
			   NULL, &b);
	CHECK_STR(b.ptr, "https://h.example:8443/p?apiKey=***&x=1"
			 "&access_token=***&page=2");
	ym_buf_reset(&b);
	ym_http_url_redact("http://h/p?API%4Bey=zz&key=k&monkey=m"
			   "&x-session=s&client_secret=c&Password=p",
			   extra, &b);
	CHECK_STR(b.ptr, "http://h/p?API%4Bey=***&key=***&monkey=m"
			 "&x-session=***&client_secret=***&Password=***");
	ym_buf_reset(&b);
	ym_http_url_redact("http://h/p/a@b?x", NULL, &b);
	CHECK_STR(b.ptr, "http://h/p/a@b?x");
	ym_buf_reset(&b);
	ym_http_url_redact("not a url?token=1", NULL, &b);
	CHECK_STR(b.ptr, "not a url?token=***");
	ym_buf_release(&b);
}

/* ---- pure helpers: headers ---- */

static void t_hdr_dates(void)
{
	int64_t t = 0;
	char out[YM_HTTP_DATE_LEN];

	/* the three forms of one instant */
	CHECK_INT(ym_http_date_parse("Sun, 06 Nov 1994 08:49:37 GMT", 29, &t),
		  0);
	CHECK_INT(t, 784111777);
	t = 0;
	CHECK_INT(ym_http_date_parse("Sunday, 06-Nov-94 08:49:37 GMT", 30,
				     &t), 0);
	CHECK_INT(t, 784111777);
	t = 0;
	CHECK_INT(ym_http_date_parse("Sun Nov  6 08:49:37 1994", 24, &t), 0);
	CHECK_INT(t, 784111777);
	CHECK_INT(ym_http_date_parse("  sun, 06 nov 1994 08:49:37 gmt\r\n",
				     33, &t), 0);
	CHECK_INT(t, 784111777);
	CHECK_INT(ym_http_date_parse("Thu, 01 Jan 1970 00:00:00 GMT", 29, &t),
		  0);
	CHECK_INT(t, 0);
	CHECK_INT(ym_http_date_parse("Tue, 29 Feb 2000 23:59:59 GMT", 29, &t),
		  0);
	CHECK_INT(t, 951868799);
	CHECK_INT(ym_http_date_parse("Friday, 01-Jan-21 00:00:00 GMT", 30,
				     &t), 0);
	CHECK_INT(t, 1609459200);
	/* a leap second is the next second */
	CHECK_INT(ym_http_date_parse("Sat, 31 Dec 2016 23:59:60 GMT", 29, &t),
		  0);
	CHECK_INT(t, 1483228800);
	/* rejected */
	CHECK_INT(ym_http_date_parse("Fri, 31 Dec 9999 23:59:60 GMT", 29, &t),
		  YM_E_PARSE);
	CHECK_INT(ym_http_date_parse("Mon, 31 Dec 1899 23:59:59 GMT", 29, &t),
		  YM_E_PARSE);
	CHECK_INT(ym_http_date_parse("Mon, 29 Feb 1900 00:00:00 GMT", 29, &t),
		  YM_E_PARSE);
	CHECK_INT(ym_http_date_parse("Sun, 06 Nov 1994 24:00:00 GMT", 29, &t),
		  YM_E_PARSE);
	CHECK_INT(ym_http_date_parse("Sun, 06 Nov 1994 08:49:37 UTC", 29, &t),
		  YM_E_PARSE);
	CHECK_INT(ym_http_date_parse("Sun, 6 Nov 1994 08:49:37 GMT", 28, &t),
		  YM_E_PARSE);
	CHECK_INT(ym_http_date_parse("Sund, 06 Nov 1994 08:49:37 GMT", 30,
				     &t), YM_E_PARSE);
	CHECK_INT(ym_http_date_parse("", 0, &t), YM_E_PARSE);
	/* only n bytes are read */
	CHECK_INT(ym_http_date_parse("Sun, 06 Nov 1994 08:49:37 GMTxyz", 29,
				     &t), 0);

	CHECK_INT(ym_http_date_format(784111777, out), 0);
	CHECK_STR(out, "Sun, 06 Nov 1994 08:49:37 GMT");
	CHECK_INT(ym_http_date_format(0, out), 0);
	CHECK_STR(out, "Thu, 01 Jan 1970 00:00:00 GMT");
	CHECK_INT(ym_http_date_format(-2208988800LL, out), 0);
	CHECK_STR(out, "Mon, 01 Jan 1900 00:00:00 GMT");
	CHECK_INT(ym_http_date_format(253402300800LL, out), YM_E_INVALID);
}

static void t_hdr_retry_after(void)
{
	int64_t d = -1;
	const int64_t now = 784111777;

	CHECK_INT(ym_http_retry_after_parse("120", 3, now, &d), 0);
	CHECK_INT(d, 120000);
	CHECK_INT(ym_http_retry_after_parse(" 0 ", 3, now, &d), 0);
	CHECK_INT(d, 0);
	CHECK_INT(ym_http_retry_after_parse("Sun, 06 Nov 1994 08:49:47 GMT",
					    29, now, &d), 0);
	CHECK_INT(d, 10000);
	CHECK_INT(ym_http_retry_after_parse("Sun, 06 Nov 1994 08:00:00 GMT",
					    29, now, &d), 0);
	CHECK_INT(d, 0); /* in the past: now */
	CHECK_INT(ym_http_retry_after_parse("99999999999999999999999", 23,
					    now, &d), 0);
	CHECK_INT(d, YM_HTTP_RETRY_AFTER_MAX * 1000);
	d = 5;
	CHECK_INT(ym_http_retry_after_parse("-5", 2, now, &d), YM_E_PARSE);
	CHECK_INT(ym_http_retry_after_parse("1.5", 3, now, &d), YM_E_PARSE);
	CHECK_INT(ym_http_retry_after_parse("soon", 4, now, &d), YM_E_PARSE);
	CHECK_INT(ym_http_retry_after_parse("", 0, now, &d), YM_E_PARSE);
	CHECK_INT(d, 5);
}

static void t_hdr_misc(void)
{
	uint64_t f = 0, l = 0;
	int64_t len = 0;
	int st = 0;
	const char *name, *val;
	size_t nn, vn;

	CHECK_INT(ym_http_content_range_parse("bytes 70000-199999/200000", 25,
					      &f, &l, &len), 0);
	CHECK_INT(f, 70000);
	CHECK_INT(l, 199999);
	CHECK_INT(len, 200000);
	CHECK_INT(ym_http_content_range_parse("bytes 0-9/*", 11, &f, &l, &len),
		  0);
	CHECK_INT(len, -1);
	CHECK_INT(ym_http_content_range_parse("bytes */200", 11, &f, &l, &len),
		  YM_E_PARSE);
	CHECK_INT(ym_http_content_range_parse("bytes 5-4/10", 12, &f, &l,
					      &len), YM_E_PARSE);
	CHECK_INT(ym_http_content_range_parse("bytes 0-10/10", 13, &f, &l,
					      &len), YM_E_PARSE);
	CHECK_INT(ym_http_content_range_parse("items 0-1/2", 11, &f, &l, &len),
		  YM_E_PARSE);

	CHECK_INT(ym_http_status_line_parse("HTTP/1.1 206 Partial Content\r\n",
					    30, &st), 0);
	CHECK_INT(st, 206);
	CHECK_INT(ym_http_status_line_parse("HTTP/2 404\r\n", 12, &st), 0);
	CHECK_INT(st, 404);
	CHECK_INT(ym_http_status_line_parse("HTTP/1.1 20 OK", 14, &st),
		  YM_E_PARSE);
	CHECK_INT(ym_http_status_line_parse("HTTP/1.1 2000", 13, &st),
		  YM_E_PARSE);

	CHECK_INT(ym_http_header_split("ETag:  \"v1\" \r\n", 14, &name, &nn,
				       &val, &vn), 0);
	CHECK_INT(nn, 4);
	CHECK(memcmp(name, "ETag", 4) == 0);
	CHECK_INT(vn, 4);
	CHECK(memcmp(val, "\"v1\"", 4) == 0);
	CHECK_INT(ym_http_header_split("X-Empty:\r\n", 10, &name, &nn, &val,
				       &vn), 0);
	CHECK_INT(vn, 0);
	CHECK_INT(ym_http_header_split("Bad Name: x", 11, &name, &nn, &val,
				       &vn), YM_E_PARSE);
	CHECK_INT(ym_http_header_split(" folded", 7, &name, &nn, &val, &vn),
		  YM_E_PARSE);
	CHECK_INT(ym_http_header_split("\r\n", 2, &name, &nn, &val, &vn),
		  YM_E_PARSE);
}

static void t_retry_describe(void)
{
	ym_http_retry r = {.url = "https://h.example/p", .attempt = 2,
			   .max_attempts = 5, .status = 429, .reason = "",
			   .delay_ms = 1500, .retry_after = true};
	ym_buf b = YM_BUF_INIT;

	ym_http_retry_describe(&r, &b);
	CHECK_STR(b.ptr, "https://h.example/p: server answered HTTP 429, "
			 "retry 2 of 4 in 1.5 s");
	ym_buf_reset(&b);
	r.status = 0;
	r.reason = "Empty reply from server";
	r.attempt = 1;
	r.delay_ms = 40;
	ym_http_retry_describe(&r, &b);
	CHECK_STR(b.ptr, "https://h.example/p: Empty reply from server, "
			 "retry 1 of 4 in 0.0 s");
	ym_buf_release(&b);
}

/* ---- the client against the server ---- */

static void t_bad_input(void)
{
	ym_http *h = ym_http_new(NULL, NULL);
	ym_buf body = YM_BUF_INIT;
	ym_err err = YM_ERR_INIT;
	ym_http_result res;

	CHECK(h != NULL);
	CHECK_INT(ym_http_header_add(h, "bad name", "x", false, &err),
		  YM_E_INVALID);
	CHECK_INT(ym_http_header_add(h, "X-Ok", "a\r\nInjected: 1", false,
				     &err), YM_E_INVALID);
	CHECK_INT(ym_http_get(h, "ftp://127.0.0.1/x", NULL, &body, &res, &err),
		  YM_E_USAGE);
	CHECK_STR(err.msg, "only http:// and https:// URLs are supported");
	CHECK_INT(res.attempts, 0);
	CHECK_INT(ym_http_get_file(h, "file:///etc/passwd", "/nonexistent/x",
				   NULL, &res, &err), YM_E_USAGE);
	ym_buf_release(&body);
	ym_http_free(h);
}

static void t_get_basic(void)
{
	ym_http_opts o = opts_for(NULL);
	ym_http *h = ym_http_new(&o, NULL);
	ym_buf url = YM_BUF_INIT, body = YM_BUF_INIT;
	ym_err err = YM_ERR_INIT;
	ym_http_result res;
	entry e[2];

	CHECK(h != NULL);
	CHECK_INT(ym_http_header_add(h, "apiKey", "test-key-1", true, &err),
		  0);
	CHECK_INT(ym_http_header_add(h, "Accept", "text/plain", false, &err),
		  0);
	ym_buf_adds(&body, "X:");
	url_of(&url, "/hello.txt");
	CHECK_INT(ym_http_get(h, url.ptr, NULL, &body, &res, &err), 0);
	CHECK_STR(body.ptr, "X:hello, yamori\n");
	CHECK_INT(res.status, 200);
	CHECK_INT(res.attempts, 1);
	CHECK_INT(res.bytes, 14);
	CHECK_INT(res.waited_ms, 0);
	CHECK(!res.not_modified);
	CHECK_INT(log_for("/hello.txt", e, 2), 1);
	CHECK_STR(e[0].ua, "yamori/" YM_VERSION_STRING);
	CHECK_STR(e[0].apikey, "test-key-1");
	CHECK(strstr(e[0].ae, "gzip") != NULL);
	CHECK_STR(e[0].target, "/hello.txt");
	ym_buf_release(&url);
	ym_buf_release(&body);
	ym_http_free(h);
}

static void t_not_found(void)
{
	ym_http_opts o = opts_for(NULL);
	ym_http *h = ym_http_new(&o, NULL);
	ym_buf url = YM_BUF_INIT, body = YM_BUF_INIT, want = YM_BUF_INIT;
	ym_err err = YM_ERR_INIT;
	ym_http_result res;

	ym_http_header_add(h, "apiKey", "test-key-1", true, &err);
	url_of(&url, "/missing?apiKey=test-key-1&x=1");
	CHECK_INT(ym_http_get(h, url.ptr, NULL, &body, &res, &err),
		  YM_E_NOTFOUND);
	CHECK_INT(res.status, 404);
	CHECK_INT(res.attempts, 1);
	CHECK_STR(body.ptr, "");
	ym_buf_printf(&want, "%s/missing?apiKey=***&x=1", base);
	CHECK_STR(err.file, want.ptr);
	CHECK_STR(err.msg, "server answered HTTP 404");
	ym_buf_release(&url);
	ym_buf_release(&body);
	ym_buf_release(&want);
	ym_http_free(h);
}

static void t_retry_5xx(void)
{
	retries rs = {0};
	ym_http_opts o = opts_for(&rs);
	ym_http *h = ym_http_new(&o, NULL);
	ym_buf url = YM_BUF_INIT, body = YM_BUF_INIT;
	ym_err err = YM_ERR_INIT;
	ym_http_result res;
	entry e[4];

	url_of(&url, "/r503.txt");
	CHECK_INT(ym_http_get(h, url.ptr, NULL, &body, &res, &err), 0);
	CHECK_STR(body.ptr, "hello, yamori\n");
	CHECK_INT(res.attempts, 3);
	CHECK_INT(res.status, 200);
	CHECK_INT(rs.n, 2);
	CHECK_INT(rs.status[0], 503);
	CHECK_INT(rs.status[1], 503);
	/* 10 ms, then 20 ms, each half jitter */
	CHECK(rs.delay[0] >= 5 && rs.delay[0] <= 10);
	CHECK(rs.delay[1] >= 10 && rs.delay[1] <= 20);
	CHECK(!rs.retry_after[0]);
	CHECK_INT(res.waited_ms, rs.delay[0] + rs.delay[1]);
	CHECK_STR(rs.url, url.ptr);
	CHECK_INT(log_for("/r503.txt", e, 4), 3);
	CHECK_INT(e[0].status, 503);
	CHECK_INT(e[1].status, 503);
	CHECK_INT(e[2].status, 200);
	ym_buf_release(&url);
	ym_buf_release(&body);
	ym_http_free(h);
}

static void t_retry_403(void)
{
	retries rs = {0};
	ym_http_opts o = opts_for(&rs);
	ym_http *h = ym_http_new(&o, NULL);
	ym_buf url = YM_BUF_INIT, body = YM_BUF_INIT;
	ym_err err = YM_ERR_INIT;
	ym_http_result res;

	url_of(&url, "/r403.txt");
	CHECK_INT(ym_http_get(h, url.ptr, NULL, &body, &res, &err), 0);
	/* the 403's own body was not kept */
	CHECK_STR(body.ptr, "hello, yamori\n");
	CHECK_INT(res.attempts, 2);
	CHECK_INT(rs.n, 1);
	CHECK_INT(rs.status[0], 403);
	ym_buf_release(&url);
	ym_buf_release(&body);
	ym_http_free(h);
}

static void t_retry_after_seconds(void)
{
	retries rs = {0};
	ym_http_opts o = opts_for(&rs);
	ym_http *h = ym_http_new(&o, NULL);
	ym_buf url = YM_BUF_INIT, body = YM_BUF_INIT;
	ym_err err = YM_ERR_INIT;
	ym_http_result res;
	entry e[3];

	/* the real clock: the server must see the wait */
	url_of(&url, "/r429.txt");
	CHECK_INT(ym_http_get(h, url.ptr, NULL, &body, &res, &err), 0);
	CHECK_STR(body.ptr, "hello, yamori\n");
	CHECK_INT(res.attempts, 2);
	CHECK_INT(rs.n, 1);
	CHECK_INT(rs.status[0], 429);
	CHECK_INT(rs.delay[0], 1000);
	CHECK(rs.retry_after[0]);
	CHECK_INT(res.waited_ms, 1000);
	CHECK_INT(log_for("/r429.txt", e, 3), 2);
	CHECK(e[1].mono - e[0].mono >= 0.99);
	CHECK(e[1].mono - e[0].mono < 3.0);
	ym_buf_release(&url);
	ym_buf_release(&body);
	ym_http_free(h);
}

static void t_retry_after_date(void)
{
	retries rs = {0};
	fake f = {0};
	ym_clock c = {fake_now, fake_sleep, &f};
	ym_http_opts o = opts_for(&rs);
	ym_http *h;
	ym_buf url = YM_BUF_INIT, body = YM_BUF_INIT;
	ym_err err = YM_ERR_INIT;
	ym_http_result res;

	/* "Retry-After: <now + 2 s as an HTTP date>"; whole seconds, so the
	 * wait is 1 or 2 s depending on when the second ticks (0 when the
	 * machine is so busy that a second passed before the answer was
	 * read) */
	o.clock = &c;
	h = ym_http_new(&o, NULL);
	url_of(&url, "/r429date.txt");
	CHECK_INT(ym_http_get(h, url.ptr, NULL, &body, &res, &err), 0);
	CHECK_INT(res.attempts, 2);
	CHECK_INT(rs.n, 1);
	CHECK(rs.retry_after[0]);
	CHECK(rs.delay[0] == 0 || rs.delay[0] == 1000 || rs.delay[0] == 2000);
	CHECK_INT(f.slept, rs.delay[0]);
	ym_buf_release(&url);
	ym_buf_release(&body);
	ym_http_free(h);
}

static void t_give_up(void)
{
	retries rs = {0};
	ym_http_opts o = opts_for(&rs);
	ym_http *h;
	ym_buf url = YM_BUF_INIT, body = YM_BUF_INIT;
	ym_err err = YM_ERR_INIT;
	ym_http_result res;

	o.max_attempts = 3;
	h = ym_http_new(&o, NULL);
	ym_buf_adds(&body, "kept");
	url_of(&url, "/down");
	CHECK_INT(ym_http_get(h, url.ptr, NULL, &body, &res, &err), YM_E_IO);
	CHECK_INT(res.attempts, 3);
	CHECK_INT(res.status, 503);
	CHECK_INT(rs.n, 2);
	CHECK_STR(body.ptr, "kept");
	CHECK_STR(err.msg, "server answered HTTP 503, gave up after 3 "
			   "attempts");
	CHECK_STR(err.file, url.ptr);
	ym_buf_release(&url);
	ym_buf_release(&body);
	ym_http_free(h);
}

static void t_wait_budget(void)
{
	retries rs = {0};
	ym_http_opts o = opts_for(&rs);
	ym_http *h;
	ym_buf url = YM_BUF_INIT, body = YM_BUF_INIT;
	ym_err err = YM_ERR_INIT;
	ym_http_result res;

	o.max_total_wait_ms = 5000;
	h = ym_http_new(&o, NULL);
	url_of(&url, "/budget.txt");
	CHECK_INT(ym_http_get(h, url.ptr, NULL, &body, &res, &err), YM_E_IO);
	CHECK_INT(res.attempts, 1);
	CHECK_INT(res.waited_ms, 0);
	CHECK_INT(rs.n, 0);
	CHECK_STR(err.msg, "server answered HTTP 429 and asked to wait 100 s, "
			   "more than the 5 s left to wait");
	ym_buf_release(&url);
	ym_buf_release(&body);
	ym_http_free(h);
}

static void t_cut_transfer_memory(void)
{
	retries rs = {0};
	ym_http_opts o = opts_for(&rs);
	ym_http *h = ym_http_new(&o, NULL);
	ym_buf url = YM_BUF_INIT, body = YM_BUF_INIT;
	ym_err err = YM_ERR_INIT;
	ym_http_result res;
	entry e[3];

	url_of(&url, "/cut-mem.bin");
	CHECK_INT(ym_http_get(h, url.ptr, NULL, &body, &res, &err), 0);
	CHECK_INT(body.len, BIG_SIZE);
	CHECK(memcmp(body.ptr, big, BIG_SIZE) == 0);
	CHECK_INT(res.attempts, 2);
	CHECK_INT(res.bytes, BIG_SIZE);
	CHECK_INT(rs.n, 1);
	CHECK_INT(rs.status[0], 0);
	CHECK(rs.reason[0] != '\0');
	CHECK_INT(log_for("/cut-mem.bin", e, 3), 2);
	CHECK_STR(e[0].action, "cut");
	CHECK_INT(e[0].bytes, 50000);
	CHECK_STR(e[1].action, "");
	ym_buf_release(&url);
	ym_buf_release(&body);
	ym_http_free(h);
}

static void t_connection_reset(void)
{
	retries rs = {0};
	ym_http_opts o = opts_for(&rs);
	ym_http *h = ym_http_new(&o, NULL);
	ym_buf url = YM_BUF_INIT, body = YM_BUF_INIT;
	ym_err err = YM_ERR_INIT;
	ym_http_result res;

	url_of(&url, "/reset.txt");
	CHECK_INT(ym_http_get(h, url.ptr, NULL, &body, &res, &err), 0);
	CHECK_STR(body.ptr, "hello, yamori\n");
	CHECK_INT(res.attempts, 2);
	CHECK_INT(rs.n, 1);
	CHECK_INT(rs.status[0], 0);
	ym_buf_release(&url);
	ym_buf_release(&body);
	ym_http_free(h);
}

static void t_connection_refused(void)
{
	retries rs = {0};
	ym_http_opts o = opts_for(&rs);
	ym_http *h;
	ym_buf url = YM_BUF_INIT, body = YM_BUF_INIT;
	ym_err err = YM_ERR_INIT;
	ym_http_result res;
	struct sockaddr_in sa = {0};
	socklen_t sl = sizeof sa;
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	int closed_port;

	/* a port that was free a moment ago */
	sa.sin_family = AF_INET;
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	CHECK(fd >= 0);
	CHECK(bind(fd, (struct sockaddr *)&sa, sizeof sa) == 0);
	CHECK(getsockname(fd, (struct sockaddr *)&sa, &sl) == 0);
	closed_port = ntohs(sa.sin_port);
	close(fd);

	o.max_attempts = 3;
	h = ym_http_new(&o, NULL);
	ym_buf_printf(&url, "http://127.0.0.1:%d/x", closed_port);
	CHECK_INT(ym_http_get(h, url.ptr, NULL, &body, &res, &err), YM_E_IO);
	CHECK_INT(res.attempts, 3);
	CHECK_INT(res.status, 0);
	CHECK_INT(rs.n, 2);
	CHECK_INT(rs.status[1], 0);
	CHECK(strncmp(err.msg, "transfer failed: ", 17) == 0);
	CHECK(strstr(err.msg, ", gave up after 3 attempts") != NULL);
	ym_buf_release(&url);
	ym_buf_release(&body);
	ym_http_free(h);
}

static void t_conditional_memory(void)
{
	ym_http_opts o = opts_for(NULL);
	ym_http *h = ym_http_new(&o, NULL);
	ym_buf url = YM_BUF_INIT, body = YM_BUF_INIT;
	ym_err err = YM_ERR_INIT;
	ym_http_result res;
	ym_http_validators v = {"", ""};
	entry e[5];

	url_of(&url, "/etag.json");
	/* first fetch: no validators to send, two come back */
	CHECK_INT(ym_http_get(h, url.ptr, &v, &body, &res, &err), 0);
	CHECK_INT(res.status, 200);
	CHECK(!res.not_modified);
	CHECK_STR(body.ptr, cves_json.ptr);
	CHECK_STR(v.etag, "\"v1\"");
	CHECK_STR(v.last_modified, "Wed, 21 Oct 2015 07:28:00 GMT");

	/* again with both: 304, nothing appended, validators kept */
	ym_buf_reset(&body);
	CHECK_INT(ym_http_get(h, url.ptr, &v, &body, &res, &err), 0);
	CHECK_INT(res.status, 304);
	CHECK(res.not_modified);
	CHECK_INT(res.attempts, 1);
	CHECK_STR(body.ptr, "");
	CHECK_STR(v.etag, "\"v1\"");
	CHECK_STR(v.last_modified, "Wed, 21 Oct 2015 07:28:00 GMT");

	/* If-Modified-Since alone */
	v.etag[0] = '\0';
	CHECK_INT(ym_http_get(h, url.ptr, &v, &body, &res, &err), 0);
	CHECK(res.not_modified);
	CHECK_STR(v.etag, "\"v1\""); /* the 304 carried it */

	/* an old ETag: the new version and its validators */
	snprintf(v.etag, sizeof v.etag, "\"v0\"");
	CHECK_INT(ym_http_get(h, url.ptr, &v, &body, &res, &err), 0);
	CHECK_INT(res.status, 200);
	CHECK(!res.not_modified);
	CHECK_STR(body.ptr, cves_json.ptr);
	CHECK_STR(v.etag, "\"v1\"");

	CHECK_INT(log_for("/etag.json", e, 5), 4);
	CHECK_STR(e[0].inm, "");
	CHECK_STR(e[0].ims, "");
	CHECK_STR(e[1].inm, "\"v1\"");
	CHECK_STR(e[1].ims, "Wed, 21 Oct 2015 07:28:00 GMT");
	CHECK_INT(e[1].status, 304);
	CHECK_STR(e[2].inm, "");
	CHECK_STR(e[2].ims, "Wed, 21 Oct 2015 07:28:00 GMT");
	CHECK_INT(e[2].status, 304);
	CHECK_STR(e[3].inm, "\"v0\"");
	CHECK_INT(e[3].status, 200);
	ym_buf_release(&url);
	ym_buf_release(&body);
	ym_http_free(h);
}

typedef struct prog {
	int calls;
	uint64_t first_done;
	uint64_t done;
	uint64_t total;
	int cancel_after; /* 0: never */
} prog;

static int on_progress(void *ctx, uint64_t done, uint64_t total)
{
	prog *p = ctx;

	if (p->calls++ == 0)
		p->first_done = done;
	p->done = done;
	p->total = total;
	return p->cancel_after && p->calls >= p->cancel_after;
}

static void t_file_download(void)
{
	ym_http_opts o = opts_for(NULL);
	ym_http *h = ym_http_new(&o, NULL);
	ym_buf url = YM_BUF_INIT;
	ym_err err = YM_ERR_INIT;
	ym_http_result res;
	prog p = {0};
	char dest[512], part[600];
	entry e[2];

	dl_path(dest, sizeof dest, "big.bin");
	snprintf(part, sizeof part, "%s.part", dest);
	ym_http_set_progress(h, on_progress, &p);
	url_of(&url, "/big.bin");
	CHECK_INT(ym_http_get_file(h, url.ptr, dest, NULL, &res, &err), 0);
	CHECK(file_is(dest, big, BIG_SIZE));
	CHECK(!exists(part));
	CHECK_INT(res.status, 200);
	CHECK_INT(res.bytes, BIG_SIZE);
	CHECK(!res.resumed);
	CHECK(p.calls >= 1);
	CHECK_INT(p.done, BIG_SIZE);
	CHECK_INT(p.total, BIG_SIZE);
	/* files travel uncompressed, so that ranges are file offsets */
	CHECK_INT(log_for("/big.bin", e, 2), 1);
	CHECK_STR(e[0].ae, "");
	CHECK_STR(e[0].range, "");
	ym_buf_release(&url);
	ym_http_free(h);
}

static void t_file_resume_after_cut(void)
{
	retries rs = {0};
	ym_http_opts o = opts_for(&rs);
	ym_http *h = ym_http_new(&o, NULL);
	ym_buf url = YM_BUF_INIT;
	ym_err err = YM_ERR_INIT;
	ym_http_result res;
	char dest[512], part[600], ifr[600];
	entry e[3];

	dl_path(dest, sizeof dest, "cut.bin");
	snprintf(part, sizeof part, "%s.part", dest);
	snprintf(ifr, sizeof ifr, "%s.part.ifrange", dest);
	url_of(&url, "/cut.bin");
	CHECK_INT(ym_http_get_file(h, url.ptr, dest, NULL, &res, &err), 0);
	CHECK(file_is(dest, big, BIG_SIZE));
	CHECK_INT(res.attempts, 2);
	CHECK_INT(res.status, 206);
	CHECK(res.resumed);
	CHECK_INT(res.resumed_at, 70000);
	CHECK_INT(res.bytes, BIG_SIZE);
	CHECK_INT(rs.n, 1);
	CHECK_INT(rs.status[0], 0);
	CHECK(!exists(part));
	CHECK(!exists(ifr));
	CHECK_INT(log_for("/cut.bin", e, 3), 2);
	CHECK_STR(e[0].range, "");
	CHECK_STR(e[1].range, "bytes=70000-");
	CHECK_STR(e[1].if_range, "\"big-1\"");
	CHECK_INT(e[1].status, 206);
	CHECK_INT(e[1].bytes, BIG_SIZE - 70000);
	ym_buf_release(&url);
	ym_http_free(h);
}

static void t_file_resume_no_validator(void)
{
	ym_http_opts o = opts_for(NULL);
	ym_http *h = ym_http_new(&o, NULL);
	ym_buf url = YM_BUF_INIT;
	ym_err err = YM_ERR_INIT;
	ym_http_result res;
	char dest[512];
	entry e[3];

	dl_path(dest, sizeof dest, "cut-noetag.bin");
	url_of(&url, "/cut-noetag.bin");
	CHECK_INT(ym_http_get_file(h, url.ptr, dest, NULL, &res, &err), 0);
	CHECK(file_is(dest, big, BIG_SIZE));
	CHECK_INT(res.attempts, 2);
	CHECK(res.resumed);
	CHECK_INT(log_for("/cut-noetag.bin", e, 3), 2);
	CHECK_STR(e[1].range, "bytes=70000-");
	CHECK_STR(e[1].if_range, "");
	ym_buf_release(&url);
	ym_http_free(h);
}

static void t_file_resume_existing_part(void)
{
	ym_http_opts o = opts_for(NULL);
	ym_http *h = ym_http_new(&o, NULL);
	ym_buf url = YM_BUF_INIT;
	ym_err err = YM_ERR_INIT;
	ym_http_result res;
	prog p = {0};
	char dir[512];
	char dest[512];
	entry e[3];

	/* a download interrupted in an earlier run left 1000 bytes */
	snprintf(dir, sizeof dir, "%s/dl", tmp);
	CHECK_INT(write_file(dir, "big2.bin.part", big, 1000), 0);
	dl_path(dest, sizeof dest, "big2.bin");
	ym_http_set_progress(h, on_progress, &p);
	url_of(&url, "/big.bin");
	CHECK_INT(ym_http_get_file(h, url.ptr, dest, NULL, &res, &err), 0);
	CHECK(file_is(dest, big, BIG_SIZE));
	CHECK_INT(res.attempts, 1);
	CHECK_INT(res.status, 206);
	CHECK(res.resumed);
	CHECK_INT(res.resumed_at, 1000);
	CHECK(p.first_done >= 1000);
	CHECK_INT(p.done, BIG_SIZE);
	CHECK_INT(p.total, BIG_SIZE);
	CHECK_INT(log_for("/big.bin", e, 3), 2);
	CHECK_STR(e[1].range, "bytes=1000-");
	ym_buf_release(&url);
	ym_http_free(h);
}

static void t_file_no_range_support(void)
{
	ym_http_opts o = opts_for(NULL);
	ym_http *h = ym_http_new(&o, NULL);
	ym_buf url = YM_BUF_INIT;
	ym_err err = YM_ERR_INIT;
	ym_http_result res;
	char dir[512], dest[512];
	entry e[2];

	snprintf(dir, sizeof dir, "%s/dl", tmp);
	CHECK_INT(write_file(dir, "norange.bin.part", "garbage garbage", 15),
		  0);
	dl_path(dest, sizeof dest, "norange.bin");
	url_of(&url, "/norange.bin");
	CHECK_INT(ym_http_get_file(h, url.ptr, dest, NULL, &res, &err), 0);
	CHECK(file_is(dest, big, BIG_SIZE)); /* 200: started over */
	CHECK_INT(res.status, 200);
	CHECK(!res.resumed);
	CHECK_INT(res.attempts, 1);
	CHECK_INT(log_for("/norange.bin", e, 2), 1);
	CHECK_STR(e[0].range, "bytes=15-");
	ym_buf_release(&url);
	ym_http_free(h);
}

static void t_file_if_range_changed(void)
{
	ym_http_opts o = opts_for(NULL);
	ym_http *h = ym_http_new(&o, NULL);
	ym_buf url = YM_BUF_INIT;
	ym_err err = YM_ERR_INIT;
	ym_http_result res;
	char dir[512], dest[512];
	entry e[2];

	/* the .part belongs to an older version of the file */
	snprintf(dir, sizeof dir, "%s/dl", tmp);
	CHECK_INT(write_file(dir, "changed.bin.part", "old old old", 11), 0);
	CHECK_INT(write_file(dir, "changed.bin.part.ifrange", "\"old\"\n", 6),
		  0);
	dl_path(dest, sizeof dest, "changed.bin");
	url_of(&url, "/changed.bin");
	CHECK_INT(ym_http_get_file(h, url.ptr, dest, NULL, &res, &err), 0);
	CHECK(file_is(dest, big, BIG_SIZE));
	CHECK_INT(res.status, 200);
	CHECK(!res.resumed);
	CHECK_INT(log_for("/changed.bin", e, 2), 1);
	CHECK_STR(e[0].range, "bytes=11-");
	CHECK_STR(e[0].if_range, "\"old\"");
	ym_buf_release(&url);
	ym_http_free(h);
}

static void t_file_part_too_long(void)
{
	retries rs = {0};
	ym_http_opts o = opts_for(&rs);
	ym_http *h = ym_http_new(&o, NULL);
	ym_buf url = YM_BUF_INIT;
	ym_err err = YM_ERR_INIT;
	ym_http_result res;
	char dir[512], dest[512];
	entry e[2];
	static unsigned char junk[300];

	/* longer than the file: 416, then from the start */
	snprintf(dir, sizeof dir, "%s/dl", tmp);
	CHECK_INT(write_file(dir, "hello.txt.part", junk, sizeof junk), 0);
	dl_path(dest, sizeof dest, "hello.txt");
	url_of(&url, "/small.txt");
	CHECK_INT(ym_http_get_file(h, url.ptr, dest, NULL, &res, &err), 0);
	CHECK(file_is(dest, "hello, yamori\n", 14));
	CHECK_INT(res.attempts, 2);
	CHECK_INT(rs.n, 1);
	CHECK_INT(rs.delay[0], 0);
	CHECK_INT(log_for("/small.txt", e, 2), 2);
	CHECK_STR(e[0].range, "bytes=300-");
	CHECK_INT(e[0].status, 416);
	CHECK_STR(e[1].range, "");
	CHECK_INT(e[1].status, 200);
	ym_buf_release(&url);
	ym_http_free(h);
}

static void t_file_conditional(void)
{
	ym_http_opts o = opts_for(NULL);
	ym_http *h = ym_http_new(&o, NULL);
	ym_buf url = YM_BUF_INIT;
	ym_err err = YM_ERR_INIT;
	ym_http_result res;
	ym_http_validators v = {"", ""};
	char dest[512], part[600];
	entry e[4];

	dl_path(dest, sizeof dest, "etag-file.bin");
	snprintf(part, sizeof part, "%s.part", dest);
	url_of(&url, "/etag-file.bin");
	CHECK_INT(ym_http_get_file(h, url.ptr, dest, &v, &res, &err), 0);
	CHECK(file_is(dest, big, BIG_SIZE));
	CHECK_STR(v.etag, "\"f1\"");
	CHECK_STR(v.last_modified, "");

	CHECK_INT(ym_http_get_file(h, url.ptr, dest, &v, &res, &err), 0);
	CHECK(res.not_modified);
	CHECK_INT(res.status, 304);
	CHECK(file_is(dest, big, BIG_SIZE));
	CHECK(!exists(part));

	/* without the file a 304 would leave nothing: not conditional */
	CHECK_INT(unlink(dest), 0);
	CHECK_INT(ym_http_get_file(h, url.ptr, dest, &v, &res, &err), 0);
	CHECK(!res.not_modified);
	CHECK(file_is(dest, big, BIG_SIZE));

	CHECK_INT(log_for("/etag-file.bin", e, 4), 3);
	CHECK_STR(e[0].inm, "");
	CHECK_STR(e[1].inm, "\"f1\"");
	CHECK_INT(e[1].status, 304);
	CHECK_STR(e[2].inm, "");
	ym_buf_release(&url);
	ym_http_free(h);
}

static void t_file_error_keeps_old(void)
{
	ym_http_opts o = opts_for(NULL);
	ym_http *h = ym_http_new(&o, NULL);
	ym_buf url = YM_BUF_INIT;
	ym_err err = YM_ERR_INIT;
	ym_http_result res;
	char dir[512], dest[512], part[600];

	snprintf(dir, sizeof dir, "%s/dl", tmp);
	CHECK_INT(write_file(dir, "kept.json", "old", 3), 0);
	dl_path(dest, sizeof dest, "kept.json");
	snprintf(part, sizeof part, "%s.part", dest);
	url_of(&url, "/missing.json");
	CHECK_INT(ym_http_get_file(h, url.ptr, dest, NULL, &res, &err),
		  YM_E_NOTFOUND);
	CHECK(file_is(dest, "old", 3));
	CHECK(!exists(part)); /* the 404 page went nowhere */
	ym_buf_release(&url);
	ym_http_free(h);
}

static void t_file_empty(void)
{
	ym_http_opts o = opts_for(NULL);
	ym_http *h = ym_http_new(&o, NULL);
	ym_buf url = YM_BUF_INIT;
	ym_err err = YM_ERR_INIT;
	ym_http_result res;
	char dest[512];

	dl_path(dest, sizeof dest, "empty.txt");
	url_of(&url, "/empty.txt");
	CHECK_INT(ym_http_get_file(h, url.ptr, dest, NULL, &res, &err), 0);
	CHECK(file_is(dest, "", 0));
	CHECK_INT(res.bytes, 0);
	ym_buf_release(&url);
	ym_http_free(h);
}

static void t_too_big(void)
{
	ym_http_opts o = opts_for(NULL);
	ym_http *h;
	ym_buf url = YM_BUF_INIT, body;
	ym_err err = YM_ERR_INIT;
	ym_http_result res;
	char dest[512], part[600];

	/* the buffer's own limit */
	h = ym_http_new(&o, NULL);
	ym_buf_init(&body, 100);
	url_of(&url, "/big.bin");
	CHECK_INT(ym_http_get(h, url.ptr, NULL, &body, &res, &err),
		  YM_E_TOOBIG);
	CHECK_INT(res.attempts, 1);
	CHECK_STR(body.ptr, "");
	CHECK_STR(err.msg, "response larger than 100 bytes");
	ym_buf_release(&body);
	ym_http_free(h);

	/* the client's limits */
	o.max_body = 1000;
	o.max_file = 1000;
	h = ym_http_new(&o, NULL);
	ym_buf_init(&body, 0);
	CHECK_INT(ym_http_get(h, url.ptr, NULL, &body, &res, &err),
		  YM_E_TOOBIG);
	CHECK_INT(res.attempts, 1);
	CHECK_STR(err.msg, "response larger than 1000 bytes");
	dl_path(dest, sizeof dest, "toobig.bin");
	snprintf(part, sizeof part, "%s.part", dest);
	CHECK_INT(ym_http_get_file(h, url.ptr, dest, NULL, &res, &err),
		  YM_E_TOOBIG);
	CHECK(!exists(dest));
	CHECK(!exists(part));
	ym_buf_release(&body);
	ym_buf_release(&url);
	ym_http_free(h);
}

static void t_progress_cancel(void)
{
	ym_http_opts o = opts_for(NULL);
	ym_http *h = ym_http_new(&o, NULL);
	ym_buf url = YM_BUF_INIT, body = YM_BUF_INIT;
	ym_err err = YM_ERR_INIT;
	ym_http_result res;
	prog p = {.cancel_after = 1};

	ym_http_set_progress(h, on_progress, &p);
	url_of(&url, "/big.bin");
	CHECK_INT(ym_http_get(h, url.ptr, NULL, &body, &res, &err), YM_E_IO);
	CHECK_STR(err.msg, "transfer cancelled");
	CHECK_INT(res.attempts, 1);
	CHECK_INT(p.calls, 1);
	CHECK_STR(body.ptr, "");
	ym_buf_release(&url);
	ym_buf_release(&body);
	ym_http_free(h);
}

static void t_gzip(void)
{
	ym_http_opts o = opts_for(NULL);
	ym_http *h = ym_http_new(&o, NULL);
	ym_buf url = YM_BUF_INIT, body = YM_BUF_INIT;
	ym_err err = YM_ERR_INIT;
	ym_http_result res;
	entry e[2];

	url_of(&url, "/gzip.json");
	CHECK_INT(ym_http_get(h, url.ptr, NULL, &body, &res, &err), 0);
	CHECK_STR(body.ptr, cves_json.ptr);
	CHECK_INT(res.bytes, cves_json.len);
	CHECK_INT(log_for("/gzip.json", e, 2), 1);
	CHECK(e[0].bytes > 0 && (size_t)e[0].bytes < cves_json.len);
	ym_buf_release(&url);
	ym_buf_release(&body);
	ym_http_free(h);
}

static void t_paged(void)
{
	ym_http_opts o = opts_for(NULL);
	ym_http *h = ym_http_new(&o, NULL);
	ym_buf url = YM_BUF_INIT, body = YM_BUF_INIT, ids = YM_BUF_INIT;
	ym_err err = YM_ERR_INIT;
	ym_arena a;
	int64_t start = 0, total = -1;
	int pages = 0;
	entry e[4];

	ym_arena_init(&a, 4096);
	while (total < 0 || start < total) {
		const ym_json *doc, *items;
		char num[24];
		int64_t got = 0;

		snprintf(num, sizeof num, "%lld", (long long)start);
		ym_buf_reset(&url);
		ym_http_url_join(&url, base, "cves");
		ym_http_url_add_param(&url, "startIndex", num);
		ym_http_url_add_param(&url, "resultsPerPage", "3");
		ym_buf_reset(&body);
		CHECK_INT(ym_http_get(h, url.ptr, NULL, &body, NULL, &err), 0);
		doc = ym_json_parse(&a, body.ptr, body.len, NULL, "page",
				    &err);
		CHECK(doc != NULL);
		CHECK(ym_json_int(ym_json_get(doc, "totalResults"), &total));
		CHECK(ym_json_int(ym_json_get(doc, "resultsPerPage"), &got));
		CHECK_STR(ym_json_string(ym_json_get(doc, "format")),
			  "NVD_CVE");
		items = ym_json_get(doc, "vulnerabilities");
		CHECK_INT(ym_json_len(items), got);
		for (size_t i = 0; i < ym_json_len(items); i++)
			ym_buf_printf(&ids, "%s ",
				      ym_json_string(ym_json_get(
					      ym_json_get(ym_json_at(items, i),
							  "cve"),
					      "id")));
		start += got;
		CHECK(++pages <= 3);
		CHECK(got > 0);
	}
	CHECK_INT(total, N_CVES);
	CHECK_INT(pages, 3);
	CHECK_STR(ids.ptr, "CVE-2024-0001 CVE-2024-0002 CVE-2024-0003 "
			   "CVE-2024-0004 CVE-2024-0005 CVE-2024-0006 "
			   "CVE-2024-0007 ");
	CHECK_INT(log_for("/cves", e, 4), 3);
	CHECK_STR(e[0].target, "/cves?startIndex=0&resultsPerPage=3");
	CHECK_STR(e[1].target, "/cves?startIndex=3&resultsPerPage=3");
	CHECK_STR(e[2].target, "/cves?startIndex=6&resultsPerPage=3");
	ym_arena_release(&a);
	ym_buf_release(&url);
	ym_buf_release(&body);
	ym_buf_release(&ids);
	ym_http_free(h);
}

static void t_query_encoding(void)
{
	ym_http_opts o = opts_for(NULL);
	ym_http *h = ym_http_new(&o, NULL);
	ym_buf url = YM_BUF_INIT, body = YM_BUF_INIT;
	ym_err err = YM_ERR_INIT;
	entry e[2];

	url_of(&url, "/query.txt");
	ym_http_url_add_param(&url, "keywordSearch", "a b&c=d+e");
	ym_http_url_add_param(&url, "lastModStartDate",
			      "2024-01-01T00:00:00.000+09:00");
	ym_http_url_add_param(&url, "q", "脆弱性");
	CHECK_INT(ym_http_get(h, url.ptr, NULL, &body, NULL, &err), 0);
	CHECK_INT(log_for("/query.txt", e, 2), 1);
	CHECK_STR(e[0].target,
		  "/query.txt?keywordSearch=a%20b%26c%3Dd%2Be"
		  "&lastModStartDate=2024-01-01T00:00:00.000%2B09:00"
		  "&q=%E8%84%86%E5%BC%B1%E6%80%A7");
	ym_buf_release(&body);
	ym_buf_release(&url);
	ym_http_free(h);
}

static void t_rate_limit_spacing(void)
{
	ym_ratelimit rl;
	ym_http_opts o = opts_for(NULL);
	ym_http *h;
	ym_buf url = YM_BUF_INIT, body = YM_BUF_INIT;
	ym_err err = YM_ERR_INIT;
	ym_http_result res;
	int64_t paced[7];
	entry e[8];

	/* 3 requests per 600 ms window, 7 requests: 3 at once, 3 after one
	 * window, the last after two */
	ym_ratelimit_init(&rl, 3, 600, NULL);
	o.ratelimit = &rl;
	h = ym_http_new(&o, NULL);
	url_of(&url, "/paced.txt");
	for (int i = 0; i < 7; i++) {
		ym_buf_reset(&body);
		CHECK_INT(ym_http_get(h, url.ptr, NULL, &body, &res, &err), 0);
		paced[i] = res.paced_ms;
	}
	CHECK(paced[0] == 0 && paced[1] == 0 && paced[2] == 0);
	CHECK(paced[3] > 300);
	CHECK(paced[6] > 300);
	CHECK_INT(log_for("/paced.txt", e, 8), 7);
	/* as the server saw them (50 ms allowed for network jitter) */
	for (int i = 0; i + 3 < 7; i++)
		CHECK(e[i + 3].mono - e[i].mono >= 0.55);
	CHECK(e[6].mono - e[0].mono >= 1.15);
	CHECK(e[6].mono - e[0].mono < 3.0);
	ym_buf_release(&url);
	ym_buf_release(&body);
	ym_http_free(h);
	ym_ratelimit_release(&rl);
}

static void t_rate_limit_retries(void)
{
	ym_ratelimit rl;
	retries rs = {0};
	ym_http_opts o = opts_for(&rs);
	ym_http *h;
	ym_buf url = YM_BUF_INIT, body = YM_BUF_INIT;
	ym_err err = YM_ERR_INIT;
	ym_http_result res;
	entry e[4];

	/* retries take slots too: 2 per 400 ms, 3 attempts */
	ym_ratelimit_init(&rl, 2, 400, NULL);
	o.ratelimit = &rl;
	h = ym_http_new(&o, NULL);
	url_of(&url, "/r503-paced.txt");
	CHECK_INT(ym_http_get(h, url.ptr, NULL, &body, &res, &err), 0);
	CHECK_INT(res.attempts, 3);
	CHECK(res.paced_ms > 0);
	CHECK_INT(log_for("/r503-paced.txt", e, 4), 3);
	CHECK(e[2].mono - e[0].mono >= 0.35);
	ym_buf_release(&url);
	ym_buf_release(&body);
	ym_http_free(h);
	ym_ratelimit_release(&rl);
}

static void t_proxy_option(void)
{
	ym_http_opts o = opts_for(NULL);
	ym_http *h;
	ym_buf body = YM_BUF_INIT;
	ym_err err = YM_ERR_INIT;
	entry e[2];

	o.proxy = base;
	h = ym_http_new(&o, NULL);
	CHECK_INT(ym_http_get(h, "http://proxy-test.invalid/proxied.txt",
			      NULL, &body, NULL, &err), 0);
	CHECK_STR(body.ptr, "hello, yamori\n");
	CHECK_INT(log_for("/proxied.txt", e, 2), 1);
	CHECK(e[0].proxy);
	CHECK_STR(e[0].target, "http://proxy-test.invalid/proxied.txt");
	CHECK_STR(e[0].host, "proxy-test.invalid");
	ym_buf_release(&body);
	ym_http_free(h);
}

static void t_proxy_environment(void)
{
	ym_http_opts o = opts_for(NULL);
	ym_http *h = ym_http_new(&o, NULL);
	ym_buf url = YM_BUF_INIT, body = YM_BUF_INIT;
	ym_err err = YM_ERR_INIT;
	entry e[2];
	int rc;

	/* http_proxy from the environment is used... */
	setenv("http_proxy", base, 1);
	rc = ym_http_get(h, "http://env-proxy.invalid/proxied-env.txt", NULL,
			 &body, NULL, &err);
	CHECK_INT(rc, 0);
	CHECK_STR(body.ptr, "hello, yamori\n");
	CHECK_INT(log_for("/proxied-env.txt", e, 2), 1);
	CHECK(e[0].proxy);

	/* ...and so is no_proxy */
	setenv("no_proxy", "127.0.0.1", 1);
	url_of(&url, "/noproxy.txt");
	rc = ym_http_get(h, url.ptr, NULL, &body, NULL, &err);
	unsetenv("http_proxy");
	unsetenv("no_proxy");
	CHECK_INT(rc, 0);
	CHECK_INT(log_for("/noproxy.txt", e, 2), 1);
	CHECK(!e[0].proxy);
	ym_buf_release(&url);
	ym_buf_release(&body);
	ym_http_free(h);
}

static void t_redirects(void)
{
	ym_http_opts o = opts_for(NULL);
	ym_http *h = ym_http_new(&o, NULL);
	ym_buf url = YM_BUF_INIT, body = YM_BUF_INIT;
	ym_err err = YM_ERR_INIT;
	ym_http_result res;
	entry e[8];

	ym_http_header_add(h, "apiKey", "test-key-2", true, &err);
	/* same origin: the key goes along */
	url_of(&url, "/redir-same");
	CHECK_INT(ym_http_get(h, url.ptr, NULL, &body, &res, &err), 0);
	CHECK_STR(body.ptr, "hello, yamori\n");
	CHECK_INT(res.status, 200);
	CHECK_INT(res.attempts, 1);
	CHECK_INT(log_for("/hello-same.txt", e, 2), 1);
	CHECK_STR(e[0].apikey, "test-key-2");

	/* another origin (localhost is not 127.0.0.1): it stays behind */
	ym_buf_reset(&body);
	url_of(&url, "/redir-other");
	CHECK_INT(ym_http_get(h, url.ptr, NULL, &body, &res, &err), 0);
	CHECK_STR(body.ptr, "hello, yamori\n");
	CHECK_INT(log_for("/redir-other", e, 2), 1);
	CHECK_STR(e[0].apikey, "test-key-2");
	CHECK_INT(e[0].status, 307);
	CHECK_INT(log_for("/hello-other.txt", e, 2), 1);
	CHECK_STR(e[0].apikey, "");

	/* a loop ends */
	url_of(&url, "/redir-loop");
	CHECK_INT(ym_http_get(h, url.ptr, NULL, &body, &res, &err), YM_E_IO);
	CHECK_STR(err.msg, "more than 5 redirects");
	CHECK_INT(res.attempts, 1);
	CHECK_INT(log_for("/redir-loop", e, 8), 6);
	ym_buf_release(&url);
	ym_buf_release(&body);
	ym_http_free(h);
}

static void t_secrets_never_shown(void)
{
	retries rs = {0};
	ym_http_opts o = opts_for(&rs);
	ym_http *h;
	ym_buf url = YM_BUF_INIT, body = YM_BUF_INIT, want = YM_BUF_INIT;
	ym_buf shown = YM_BUF_INIT, line = YM_BUF_INIT, logged = YM_BUF_INIT;
	ym_err err = YM_ERR_INIT;
	ym_http_result res;
	ym_http_retry r;
	char logfile[512];
	int saved, fd, rc;

	o.max_attempts = 2;
	h = ym_http_new(&o, NULL);
	ym_http_header_add(h, "X-Auth", "sekrit-KEY-42", true, &err);
	ym_buf_printf(&url, "http://user:pw0rd@127.0.0.1:%d/down?x-auth="
			    "sekrit-KEY-42&apiKey=sekrit-KEY-42&page=1",
		      port);
	/* with debug logging on, stderr captured */
	snprintf(logfile, sizeof logfile, "%s/stderr.txt", tmp);
	fflush(stderr);
	saved = dup(STDERR_FILENO);
	fd = open(logfile, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	CHECK(saved >= 0 && fd >= 0);
	dup2(fd, STDERR_FILENO);
	close(fd);
	ym_log_set_level(YM_LOG_DEBUG);
	rc = ym_http_get(h, url.ptr, NULL, &body, &res, &err);
	ym_log_set_level(YM_LOG_WARN);
	fflush(stderr);
	dup2(saved, STDERR_FILENO);
	close(saved);
	CHECK_INT(rc, YM_E_IO);
	ym_buf_printf(&want, "%s/down?x-auth=***&apiKey=***&page=1", base);
	CHECK_INT(ym_buf_read_file(&logged, logfile, NULL), 0);
	for (int i = 0; i < 2; i++) /* two attempts, two lines */
		ym_buf_printf(&line,
			      "yamori: debug: GET %s: HTTP 503, 0 bytes\n",
			      want.ptr);
	CHECK_STR(logged.ptr, line.ptr);
	ym_buf_reset(&line);
	CHECK_STR(err.file, want.ptr);
	CHECK_STR(rs.url, want.ptr);
	ym_err_format(&err, &shown);
	CHECK(strstr(shown.ptr, "sekrit") == NULL);
	CHECK(strstr(shown.ptr, "pw0rd") == NULL);
	CHECK(strstr(shown.ptr, "user") == NULL);
	memset(&r, 0, sizeof r);
	r.url = rs.url;
	r.reason = "";
	r.status = rs.status[0];
	ym_http_retry_describe(&r, &line);
	CHECK(strstr(line.ptr, "sekrit") == NULL);
	ym_buf_reset(&shown);
	ym_http_redact(h, url.ptr, &shown);
	CHECK_STR(shown.ptr, want.ptr);
	ym_buf_release(&url);
	ym_buf_release(&body);
	ym_buf_release(&want);
	ym_buf_release(&shown);
	ym_buf_release(&line);
	ym_buf_release(&logged);
	ym_http_free(h);
}

int main(void)
{
	const char *t = getenv("TMPDIR");
	static const char *const proxy_vars[] = {
		"http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY",
		"all_proxy",  "ALL_PROXY",  "no_proxy",    "NO_PROXY"};
	int rc;

	/* hermetic: a proxy set for this machine must not catch 127.0.0.1 */
	for (size_t i = 0; i < sizeof proxy_vars / sizeof *proxy_vars; i++)
		unsetenv(proxy_vars[i]);
	signal(SIGPIPE, SIG_IGN);

	RUN(t_url_join);
	RUN(t_url_params);
	RUN(t_url_redact);
	RUN(t_hdr_dates);
	RUN(t_hdr_retry_after);
	RUN(t_hdr_misc);
	RUN(t_retry_describe);

	snprintf(tmp, sizeof tmp, "%s/ym-http-XXXXXX", t && *t ? t : "/tmp");
	if (!mkdtemp(tmp) || make_fixtures() != 0 || start_server() != 0) {
		fprintf(stderr, "test_http: cannot set up the fixture "
				"server\n");
		stop_server();
		return 1;
	}

	RUN(t_bad_input);
	RUN(t_get_basic);
	RUN(t_not_found);
	RUN(t_retry_5xx);
	RUN(t_retry_403);
	RUN(t_retry_after_seconds);
	RUN(t_retry_after_date);
	RUN(t_give_up);
	RUN(t_wait_budget);
	RUN(t_cut_transfer_memory);
	RUN(t_connection_reset);
	RUN(t_connection_refused);
	RUN(t_conditional_memory);
	RUN(t_file_download);
	RUN(t_file_resume_after_cut);
	RUN(t_file_resume_no_validator);
	RUN(t_file_resume_existing_part);
	RUN(t_file_no_range_support);
	RUN(t_file_if_range_changed);
	RUN(t_file_part_too_long);
	RUN(t_file_conditional);
	RUN(t_file_error_keeps_old);
	RUN(t_file_empty);
	RUN(t_too_big);
	RUN(t_progress_cancel);
	RUN(t_gzip);
	RUN(t_paged);
	RUN(t_query_encoding);
	RUN(t_rate_limit_spacing);
	RUN(t_rate_limit_retries);
	RUN(t_proxy_option);
	RUN(t_proxy_environment);
	RUN(t_redirects);
	RUN(t_secrets_never_shown);

	stop_server();
	nftw(tmp, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	ym_buf_release(&cves_json);
	ym_http_global_cleanup();
	rc = test_done();
	return rc;
}
