/* Unit tests for the pure parts of feed sync (src/sync/sync_util.c):
 * times, NVD windows, cursors, hash files, file names; and the store's
 * feed_state rows and ledger look-ups (src/store/feed_state.c). */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/arena.h"
#include "store/feed_state.h"
#include "store/store.h"
#include "sync/sync_int.h"
#include "test.h"

static int64_t T(const char *s)
{
	int64_t t = -1;
	if (ym_sync_time_parse(s, &t))
		return -1;
	return t;
}

static void t_time_parse(void)
{
	CHECK_INT(T("1970-01-01"), 0);
	CHECK_INT(T("1970-01-01T00:00:00Z"), 0);
	CHECK_INT(T("2026-11-21T09:00:00Z"), 1795251600);
	CHECK_INT(T("2026-11-21T18:00:00+09:00"), 1795251600);
	CHECK_INT(T("2026-11-21T18:00:00+0900"), 1795251600);
	CHECK_INT(T("2026-11-21T18:00+09"), 1795251600);
	CHECK_INT(T("2026-11-21T04:30:00-04:30"), 1795251600);
	/* NVD's form, no zone: UTC */
	CHECK_INT(T("2026-11-21T09:00:00.123"), 1795251600);
	CHECK_INT(T("2024-02-29"), 1709164800);
	CHECK_INT(T("2000-03-01"), 951868800);
	int64_t t;
	CHECK_INT(ym_sync_time_parse("1969-12-31T23:59:58Z", &t), 0);
	CHECK_INT(t, -2);
	const char *bad[] = {"",
			     "2026-11-21T",
			     "2026-13-01",
			     "2026-02-29",
			     "2026-11-31",
			     "2026-11-21T24:00:00Z",
			     "2026-11-21T09:00:00ZZ",
			     "2026-11-21T09:00:00.Z",
			     "2026-11-21 junk",
			     "26-11-21",
			     "2026-11-21T09:00:00+25:00"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		CHECK_INT(ym_sync_time_parse(bad[i], &t), -1);
	CHECK_INT(ym_sync_time_parse(NULL, &t), -1);
}

static void t_time_format(void)
{
	char b[40];
	int y, m, d;
	ym_sync_time_iso(1795251600, b);
	CHECK_STR(b, "2026-11-21T09:00:00Z");
	ym_sync_time_nvd(1795251600, b);
	CHECK_STR(b, "2026-11-21T09:00:00.000+00:00");
	ym_sync_time_iso(-1, b);
	CHECK_STR(b, "1969-12-31T23:59:59Z");
	ym_sync_time_iso(T("2024-02-29T23:59:59Z") + 1, b);
	CHECK_STR(b, "2024-03-01T00:00:00Z");
	ym_sync_time_ymd(T("2099-12-31T23:59:59Z"), &y, &m, &d);
	CHECK_INT(y * 10000 + m * 100 + d, 20991231);
	/* round trip over four centuries, a day at a time (leap years) */
	for (int64_t t = T("1900-01-01"); t < T("2300-01-01"); t += 86400) {
		ym_sync_time_iso(t, b);
		if (T(b) != t)
			CHECK_STR(b, "(round trip)");
	}
	setenv("YAMORI_NOW", "2026-11-21T09:00:00Z", 1);
	CHECK_INT(ym_sync_now(), 1795251600);
	setenv("YAMORI_NOW", "not a date", 1);
	CHECK(ym_sync_now() > 1700000000); /* the clock instead */
	unsetenv("YAMORI_NOW");
}

static void t_nvd_window(void)
{
	int64_t from, to, day = 86400;
	int64_t now = T("2027-04-05T09:00:00Z");
	int64_t upto = T("2026-11-21T09:00:00Z");
	/* 135 days: a full 120-day window, then the rest */
	CHECK(ym_sync_nvd_window(upto, now, &from, &to));
	CHECK_INT(from, upto);
	CHECK_INT(to, upto + 120 * day);
	char b[40];
	ym_sync_time_nvd(to, b);
	CHECK_STR(b, "2027-03-21T09:00:00.000+00:00");
	CHECK(ym_sync_nvd_window(to, now, &from, &to));
	CHECK_INT(from, upto + 120 * day);
	CHECK_INT(to, now);
	CHECK(!ym_sync_nvd_window(to, now, &from, &to));
	/* exactly 120 days: one window */
	CHECK(ym_sync_nvd_window(now - 120 * day, now, &from, &to));
	CHECK_INT(to, now);
	/* one second: one window; none when caught up or ahead */
	CHECK(ym_sync_nvd_window(now - 1, now, &from, &to));
	CHECK_INT(to - from, 1);
	CHECK(!ym_sync_nvd_window(now, now, &from, &to));
	CHECK(!ym_sync_nvd_window(now + day, now, &from, &to));
	/* a year behind: four windows, contiguous */
	int n = 0;
	int64_t at = now - 365 * day;
	while (ym_sync_nvd_window(at, now, &from, &to)) {
		CHECK_INT(from, at);
		CHECK(to - from <= 120 * day);
		at = to;
		n++;
	}
	CHECK_INT(n, 4);
	CHECK_INT(at, now);
}

static void t_cursor(void)
{
	ym_buf b = YM_BUF_INIT;
	char v[32];
	ym_sync_kv_add(&b, "upto", "2026-11-21T09:00:00Z");
	ym_sync_kv_add(&b, "empty", "");
	ym_sync_kv_add(&b, "none", NULL);
	ym_sync_kv_addi(&b, "start", 4000);
	ym_sync_kv_add(&b, "from", "x");
	CHECK_STR(b.ptr, "upto=2026-11-21T09:00:00Z start=4000 from=x");
	CHECK(ym_sync_kv_get(b.ptr, "start", v, sizeof v));
	CHECK_STR(v, "4000");
	CHECK(ym_sync_kv_get(b.ptr, "upto", v, sizeof v));
	CHECK_STR(v, "2026-11-21T09:00:00Z");
	CHECK(ym_sync_kv_get(b.ptr, "from", v, sizeof v));
	CHECK_STR(v, "x");
	CHECK(!ym_sync_kv_get(b.ptr, "up", v, sizeof v));
	CHECK(!ym_sync_kv_get(b.ptr, "empty", v, sizeof v));
	CHECK(!ym_sync_kv_get(b.ptr, "upto", v, 8)); /* too long */
	CHECK(!ym_sync_kv_get(NULL, "upto", v, sizeof v));
	CHECK(!ym_sync_kv_get("", "upto", v, sizeof v));
	CHECK(ym_sync_kv_get("  a=1  b=2", "b", v, sizeof v));
	CHECK_STR(v, "2");
	ym_buf_release(&b);
}

static void t_hash_file(void)
{
	char out[129];
	const char *h256 = "9f86d081884c7d659a2feaa0c55ad015"
			   "a3bf4f1b2b0b822cd15d6c15b0f00a08";
	char line[256];
	snprintf(line, sizeof line, "%s  ysa-2099-001.json\n", h256);
	CHECK_INT(ym_sync_hash_file_digest(line, strlen(line), 64, out), 0);
	CHECK_STR(out, h256);
	/* upper case, no file name, CRLF */
	snprintf(line, sizeof line, "%s\r\n",
		 "9F86D081884C7D659A2FEAA0C55AD015"
		 "A3BF4F1B2B0B822CD15D6C15B0F00A08");
	CHECK_INT(ym_sync_hash_file_digest(line, strlen(line), 64, out), 0);
	CHECK_STR(out, h256);
	/* BSD style */
	snprintf(line, sizeof line, "SHA256 (x.json) = %s\n", h256);
	CHECK_INT(ym_sync_hash_file_digest(line, strlen(line), 64, out), 0);
	CHECK_STR(out, h256);
	/* binary-mode marker */
	snprintf(line, sizeof line, "%s *x.json\n", h256);
	CHECK_INT(ym_sync_hash_file_digest(line, strlen(line), 64, out), 0);
	/* wrong length, not hex, empty */
	CHECK_INT(ym_sync_hash_file_digest(line, strlen(line), 128, out), -1);
	CHECK_INT(ym_sync_hash_file_digest("abc  x\n", 7, 64, out), -1);
	snprintf(line, sizeof line, "%sg  x\n", h256);
	CHECK_INT(ym_sync_hash_file_digest(line, strlen(line), 64, out), -1);
	CHECK_INT(ym_sync_hash_file_digest("", 0, 64, out), -1);
}

static void t_safe_name(void)
{
	char b[16];
	ym_sync_safe_name("PyPI", 4, b, sizeof b);
	CHECK_STR(b, "PyPI");
	ym_sync_safe_name("GitHub Actions", 14, b, sizeof b);
	CHECK_STR(b, "GitHub_Actions");
	ym_sync_safe_name("../etc/passwd", 13, b, sizeof b);
	CHECK_STR(b, "_._etc_passwd");
	ym_sync_safe_name("crates.io", 9, b, sizeof b);
	CHECK_STR(b, "crates.io");
	ym_sync_safe_name("", 0, b, sizeof b);
	CHECK_STR(b, "_");
	ym_sync_safe_name("0123456789abcdefXYZ", 19, b, sizeof b);
	CHECK_STR(b, "0123456789abcde");
	ym_sync_safe_name("日本", strlen("日本"), b, sizeof b);
	CHECK_STR(b, "______");
}

/* ---- the store side ---- */

static char path[64];
static ym_store *S;

static int collect_state(const ym_feed_state *st, void *ctx)
{
	ym_buf *b = ctx;
	ym_buf_printf(b, "%s|%s|%s|%lld;", st->source,
		      st->cursor ? st->cursor : "-",
		      st->status ? st->status : "-", (long long)st->records);
	return 0;
}

static int collect_text(const char *t, void *ctx)
{
	ym_buf *b = ctx;
	ym_buf_printf(b, "%s;", t);
	return 0;
}

static void t_state_round_trip(void)
{
	ym_err e = YM_ERR_INIT;
	ym_arena a;
	ym_feed_state st, got;
	ym_buf b = YM_BUF_INIT;
	ym_arena_init(&a, 0);
	CHECK_INT(ym_store_open(path, true, &S, &e), 0);

	CHECK_INT(ym_store_feed_state_get(S, "nvd", &a, &got, &e),
		  YM_E_NOTFOUND);
	CHECK_STR(e.msg, "feed source 'nvd' has never been synced");
	st = (ym_feed_state){.source = "nvd",
			     .cursor = "mode=full began=2026-11-21T09:00:00Z "
				       "start=4000",
			     .etag = "\"v1\"",
			     .last_modified = "Sun, 06 Nov 1994 08:49:37 GMT",
			     .last_attempt = "2026-11-21T09:00:00Z",
			     .status = "error",
			     .message = "server answered HTTP 503",
			     .records = 0};
	CHECK_INT(ym_store_feed_state_put(S, &st, &e), 0);
	CHECK_INT(ym_store_feed_state_get(S, "nvd", &a, &got, &e), 0);
	CHECK_STR(got.source, "nvd");
	CHECK_STR(got.cursor, st.cursor);
	CHECK_STR(got.etag, "\"v1\"");
	CHECK_STR(got.last_modified, st.last_modified);
	CHECK_STR(got.last_attempt, "2026-11-21T09:00:00Z");
	CHECK(got.last_success == NULL);
	CHECK_STR(got.status, "error");
	CHECK_STR(got.message, "server answered HTTP 503");
	CHECK_INT(got.records, 0);

	/* replaced whole; "" is stored as NULL */
	st.cursor = "upto=2026-11-21T09:00:00Z";
	st.etag = "";
	st.last_success = "2026-11-21T09:00:00Z";
	st.status = "ok";
	st.message = NULL;
	st.records = 250000;
	CHECK_INT(ym_store_feed_state_put(S, &st, &e), 0);
	CHECK_INT(ym_store_feed_state_get(S, "nvd", &a, &got, &e), 0);
	CHECK_STR(got.cursor, "upto=2026-11-21T09:00:00Z");
	CHECK(got.etag == NULL);
	CHECK(got.message == NULL);
	CHECK_STR(got.last_success, "2026-11-21T09:00:00Z");
	CHECK_INT(got.records, 250000);

	const char *keys[] = {"osv:PyPI", "osv:npm", "osv",
			      "csaf:https://a_b/%", "csaf"};
	for (size_t i = 0; i < 5; i++) {
		ym_feed_state o = {.source = keys[i], .status = "ok",
				   .records = (int64_t)i};
		CHECK_INT(ym_store_feed_state_put(S, &o, &e), 0);
	}
	CHECK_INT(ym_store_feed_states_each(S, "osv:", collect_state, &b, &e),
		  0);
	CHECK_STR(b.ptr, "osv:PyPI|-|ok|0;osv:npm|-|ok|1;");
	ym_buf_reset(&b);
	/* '%' and '_' in a prefix are not wildcards */
	CHECK_INT(ym_store_feed_states_each(S, "csaf:https://a_", collect_state,
					    &b, &e),
		  0);
	CHECK_STR(b.ptr, "csaf:https://a_b/%|-|ok|3;");
	ym_buf_reset(&b);
	CHECK_INT(ym_store_feed_states_each(S, "csaf:https://a%",
					    collect_state, &b, &e),
		  0);
	CHECK_STR(b.ptr, "");
	CHECK_INT(ym_store_feed_states_each(S, NULL, collect_state, &b, &e),
		  0);
	CHECK_STR(b.ptr, "csaf|-|ok|4;csaf:https://a_b/%|-|ok|3;"
			 "nvd|upto=2026-11-21T09:00:00Z|ok|250000;osv|-|ok|2;"
			 "osv:PyPI|-|ok|0;osv:npm|-|ok|1;");
	CHECK_INT(ym_store_feed_state_delete(S, "osv:npm", &e), 0);
	CHECK_INT(ym_store_feed_state_delete(S, "osv:none", &e), 0);
	CHECK_INT(ym_store_feed_state_get(S, "osv:npm", &a, &got, &e),
		  YM_E_NOTFOUND);
	ym_buf_release(&b);
	ym_arena_release(&a);
}

static void t_ledger_lookups(void)
{
	ym_err e = YM_ERR_INIT;
	ym_buf b = YM_BUF_INIT;
	int64_t a1, a2;
	if (!S)
		return;
	CHECK_INT(ym_store_ecosystems_each(S, collect_text, &b, &e), 0);
	CHECK_STR(b.ptr, "");
	ym_asset x = {.name = "sys-a", .cpe = "cpe:2.3:a:sample:viewer:3.0:*:*:"
					     "*:*:*:*:*",
		      .data_records = -1};
	ym_asset y = {.name = "sys-b", .data_records = -1};
	CHECK_INT(ym_store_asset_add(S, &x, &a1, &e), 0);
	CHECK_INT(ym_store_asset_add(S, &y, &a2, &e), 0);
	ym_component c1[] = {
		{.name = "requests", .version = "2.0", .ecosystem = "pypi",
		 .pkg_key = "requests"},
		{.name = "lodash", .version = "4.0", .ecosystem = "npm",
		 .pkg_key = "lodash"},
		{.name = "server", .version = "2.4.3",
		 .cpe = "cpe:2.3:a:sample:file_share_server:2.4.3:*:*:*:*:*:*:"
			"*"},
	};
	ym_component c2[] = {
		{.name = "flask", .version = "1.0", .ecosystem = "pypi",
		 .pkg_key = "flask"},
		{.name = "viewer", .version = "3.0",
		 .cpe = "cpe:2.3:a:sample:viewer:3.0:*:*:*:*:*:*:*"},
	};
	CHECK_INT(ym_store_components_replace(S, a1, c1, 3, NULL, NULL, &e), 0);
	CHECK_INT(ym_store_components_replace(S, a2, c2, 2, NULL, NULL, &e), 0);
	CHECK_INT(ym_store_ecosystems_each(S, collect_text, &b, &e), 0);
	CHECK_STR(b.ptr, "npm;pypi;");
	ym_buf_reset(&b);
	CHECK_INT(ym_store_ledger_cpes_each(S, collect_text, &b, &e), 0);
	CHECK_STR(b.ptr, "cpe:2.3:a:sample:file_share_server:2.4.3:*:*:*:*:*:*:"
			 "*;cpe:2.3:a:sample:viewer:3.0:*:*:*:*:*:*:*;");
	ym_buf_release(&b);
}

static void t_source_modified(void)
{
	ym_err e = YM_ERR_INIT;
	ym_arena a;
	bool found = true;
	const char *mod = "x";
	if (!S)
		return;
	ym_arena_init(&a, 0);
	CHECK_INT(ym_store_source_modified(S, "jvn", "JVNDB-2099-000001", &a,
					   &found, &mod, &e),
		  0);
	CHECK(!found);
	CHECK(mod == NULL);
	const char *al1[] = {"CVE-2099-3002", NULL};
	const char *al2[] = {"CVE-2099-3003", NULL};
	ym_vuln v1 = {.vuln_id = "JVNDB-2099-000002",
		      .record_id = "JVNDB-2099-000002#CVE-2099-3002",
		      .identity = "CVE-2099-3002",
		      .aliases = al1,
		      .source = "jvn",
		      .modified = "2099-02-05T01:00:00Z"};
	ym_vuln v2 = v1;
	v2.record_id = "JVNDB-2099-000002#CVE-2099-3003";
	v2.identity = "CVE-2099-3003";
	v2.aliases = al2;
	v2.modified = "2099-02-04T01:00:00Z";
	ym_vuln v3 = {.vuln_id = "JVNDB-2099-0000021", .source = "jvn",
		      .modified = "2099-01-01T00:00:00Z"};
	ym_put_result res;
	CHECK_INT(ym_store_vuln_put(S, &v1, &res, &e), 0);
	CHECK_INT(ym_store_vuln_put(S, &v2, &res, &e), 0);
	CHECK_INT(ym_store_vuln_put(S, &v3, &res, &e), 0);
	/* the per-CVE copies: the oldest date counts */
	CHECK_INT(ym_store_source_modified(S, "jvn", "JVNDB-2099-000002", &a,
					   &found, &mod, &e),
		  0);
	CHECK(found);
	CHECK_STR(mod, "2099-02-04T01:00:00Z");
	/* a longer id is another record, not a copy */
	CHECK_INT(ym_store_source_modified(S, "jvn", "JVNDB-2099-0000021", &a,
					   &found, &mod, &e),
		  0);
	CHECK(found);
	CHECK_STR(mod, "2099-01-01T00:00:00Z");
	CHECK_INT(ym_store_source_modified(S, "nvd", "JVNDB-2099-000002", &a,
					   &found, &mod, &e),
		  0);
	CHECK(!found);
	ym_arena_release(&a);
}

int main(void)
{
	char p2[80];
	RUN(t_time_parse);
	RUN(t_time_format);
	RUN(t_nvd_window);
	RUN(t_cursor);
	RUN(t_hash_file);
	RUN(t_safe_name);
	snprintf(path, sizeof path, "/tmp/yamori-sync-test-%d.db",
		 (int)getpid());
	RUN(t_state_round_trip);
	RUN(t_ledger_lookups);
	RUN(t_source_modified);
	if (S)
		ym_store_close(S);
	unlink(path);
	snprintf(p2, sizeof p2, "%s-wal", path);
	unlink(p2);
	snprintf(p2, sizeof p2, "%s-shm", path);
	unlink(p2);
	return test_done();
}
