/* sync_nvd.c - NVD CVE API 2.0: a first sync pages through every CVE,
 * later ones ask for what changed, by lastModStartDate/lastModEndDate
 * windows of at most 120 days from where the last sync got to. Every page
 * is imported in its own transaction together with the checkpoint that
 * says where the next page starts, so an interrupted sync resumes there.
 *
 * Cursor (feed_state "nvd"):
 *   upto=T                      everything modified before T is here
 *   mode=full began=T start=N   a full pass begun at T, next page at N
 *   upto=T from=A to=B start=N  the window [A, B], next page at N
 * totalResults is read from every page, not only the first: records
 * added while we page extend the pass, records gone shorten it. Records
 * changed during a pass are caught by the next window, which starts where
 * the pass began.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "feeds/nvd.h"
#include "net/http_url.h"
#include "net/ratelimit.h"
#include "sync/sync_int.h"

#define PAGE_SIZE 2000
#define NVD_PATH "rest/json/cves/2.0"

typedef struct nvd_run {
	ym_sync_job *j;
	ym_http *h;
	ym_buf page_path; /* {cache}/nvd/page.json */
	ym_feed_state st; /* the row, cursor replaced per page */
	bool window;      /* a lastModified window, else the full pass */
	int64_t from, to; /* the window */
	int64_t began;    /* the full pass's start */
	int64_t upto;     /* before the window */
} nvd_run;

static void iso(int64_t t, char *out)
{
	ym_sync_time_iso(t, out);
}

/* The cursor once the page ending before next is stored. */
static void cursor_after(const nvd_run *nr, int64_t next, bool done,
			 ym_buf *out)
{
	char a[32], b[32], c[32];
	ym_buf_reset(out);
	if (!nr->window) {
		iso(nr->began, a);
		if (done) {
			ym_sync_kv_add(out, "upto", a);
			return;
		}
		ym_sync_kv_add(out, "mode", "full");
		ym_sync_kv_add(out, "began", a);
		ym_sync_kv_addi(out, "start", next);
		return;
	}
	iso(nr->upto, a);
	iso(nr->from, b);
	iso(nr->to, c);
	if (done) {
		ym_sync_kv_add(out, "upto", c);
		return;
	}
	ym_sync_kv_add(out, "upto", a);
	ym_sync_kv_add(out, "from", b);
	ym_sync_kv_add(out, "to", c);
	ym_sync_kv_addi(out, "start", next);
}

static int page_url(const nvd_run *nr, int64_t start, ym_buf *url)
{
	char a[40], b[40], n[32];
	int rc = ym_http_url_join(url, nr->j->base, NVD_PATH);
	if (!rc && nr->window) {
		ym_sync_time_nvd(nr->from, a);
		ym_sync_time_nvd(nr->to, b);
		rc = ym_http_url_add_param(url, "lastModStartDate", a);
		if (!rc)
			rc = ym_http_url_add_param(url, "lastModEndDate", b);
	}
	snprintf(n, sizeof n, "%" PRId64, start);
	if (!rc)
		rc = ym_http_url_add_param(url, "startIndex", n);
	snprintf(n, sizeof n, "%d", PAGE_SIZE);
	if (!rc)
		rc = ym_http_url_add_param(url, "resultsPerPage", n);
	return rc;
}

/* Pages from *start to the end of the pass or window. */
static int pages(nvd_run *nr, int64_t *start, ym_err *err)
{
	ym_sync_job *j = nr->j;
	ym_buf url = YM_BUF_INIT, body = YM_BUF_INIT, cur = YM_BUF_INIT;
	ym_arena a;
	int rc = 0;
	ym_arena_init(&a, 0);
	for (;;) {
		long rpp, si, total;
		ym_buf_reset(&url);
		ym_buf_reset(&body);
		ym_arena_reset(&a);
		if ((rc = page_url(nr, *start, &url))) {
			ym_err_set(err, rc, "%s", _("URL too long"));
			break;
		}
		rc = ym_sync_get(j, nr->h, url.ptr, NULL, &body, NULL, err);
		if (rc)
			break;
		/* a whole parse, records dropped: the page's own count of
		 * CVEs, not only what resultsPerPage claims */
		ym_feed_ctx none = {0};
		ym_nvd_page pg;
		rc = ym_nvd_parse_page(body.ptr, body.len, url.ptr, &a, &none,
				       &pg, err);
		if (rc)
			break;
		if (pg.start_index < 0 || pg.total_results < 0) {
			rc = ym_err_set(err, YM_E_INVALID, "%s",
					_("not an NVD CVE API page"));
			ym_err_at(err, url.ptr, 0, 0);
			break;
		}
		rpp = (long)pg.records;
		si = pg.start_index;
		total = pg.total_results;
		if (si != *start) {
			rc = ym_err_set(err, YM_E_INVALID,
					_("asked for startIndex %" PRId64
					  ", the answer starts at %ld"),
					*start, si);
			ym_err_at(err, url.ptr, 0, 0);
			break;
		}
		int64_t next = *start + rpp;
		bool done = rpp <= 0 || next >= total;
		if (rpp <= 0 && *start < total)
			ym_sync_log(j,
				    _("empty page at startIndex %" PRId64
				      " of %ld: the pass ends here"),
				    *start, total);
		cursor_after(nr, next, done, &cur);
		nr->st.cursor = cur.ptr;
		if (rpp > 0) {
			rc = ym_sync_write_file(nr->page_path.ptr, body.ptr,
						body.len, err);
			if (!rc)
				rc = ym_sync_import(j, nr->page_path.ptr,
						    &nr->st, NULL, err);
		} else {
			rc = ym_store_feed_state_put(j->store, &nr->st, err);
		}
		if (rc)
			break;
		j->progress.total = (uint64_t)(total > 0 ? total : 0);
		ym_progress_update(&j->progress, (uint64_t)next);
		*start = next;
		if (done)
			break;
	}
	/* the row must not keep pointing at cur */
	nr->st.cursor = NULL;
	ym_buf_release(&url);
	ym_buf_release(&body);
	ym_buf_release(&cur);
	ym_arena_release(&a);
	return rc;
}

static bool kv_time(const char *cursor, const char *key, int64_t *t)
{
	char v[64];
	return ym_sync_kv_get(cursor, key, v, sizeof v) &&
	       ym_sync_time_parse(v, t) == 0;
}

static bool kv_int(const char *cursor, const char *key, int64_t *n)
{
	char v[32], *end;
	if (!ym_sync_kv_get(cursor, key, v, sizeof v))
		return false;
	long long x = strtoll(v, &end, 10);
	if (*end || x < 0)
		return false;
	*n = x;
	return true;
}

int ym_sync_nvd(ym_sync_job *j, ym_err *err)
{
	const char *key = getenv("YAMORI_NVD_API_KEY");
	bool has_key = key && *key;
	const char *wenv = getenv("YAMORI_NVD_WINDOW_MS");
	long window_ms = wenv && *wenv ? atol(wenv) : 0;
	ym_ratelimit rl;
	nvd_run nr = {.j = j};
	int rc;

	if (window_ms <= 0)
		window_ms = 30000;
	/* NVD: 5 requests per rolling 30 s without a key, 50 with one */
	ym_ratelimit_init(&rl, has_key ? 50 : 5, window_ms, NULL);
	ym_buf_init(&nr.page_path, 0);
	nr.h = ym_sync_http_new(j, &rl, err);
	if (!nr.h) {
		rc = err ? err->code : YM_E_IO;
		goto out;
	}
	if (has_key &&
	    (rc = ym_http_header_add(nr.h, "apiKey", key, true, err)))
		goto out;
	if ((rc = ym_sync_cache_dir(j, "nvd", &nr.page_path, err)))
		goto out;
	ym_buf_adds(&nr.page_path, "/page.json");
	if ((rc = ym_sync_state_load(j, "nvd", &nr.st, err)))
		goto out;

	const char *cursor = j->o->full ? NULL : nr.st.cursor;
	char mode[16] = "";
	int64_t start = 0, upto = 0;
	bool have_upto = kv_time(cursor, "upto", &upto);
	ym_sync_kv_get(cursor, "mode", mode, sizeof mode);
	if (strcmp(mode, "full") == 0 && kv_time(cursor, "began", &nr.began) &&
	    kv_int(cursor, "start", &start)) {
		/* resume the full pass */
	} else if (have_upto && kv_time(cursor, "from", &nr.from) &&
		   kv_time(cursor, "to", &nr.to) &&
		   kv_int(cursor, "start", &start)) {
		nr.window = true;
		nr.upto = upto;
	} else if (have_upto) {
		start = -1; /* windows from upto */
	} else if (j->o->since) {
		if (ym_sync_time_parse(j->o->since, &upto)) {
			rc = ym_err_set(err, YM_E_USAGE,
					_("--since needs YYYY-MM-DD, not '%s'"),
					j->o->since);
			goto out;
		}
		start = -1;
	} else {
		nr.began = j->now; /* the first sync: everything */
	}
	if (start > 0)
		snprintf(j->r->note, sizeof j->r->note,
			 _("resumed at startIndex %" PRId64), start);

	if (start >= 0) {
		if ((rc = pages(&nr, &start, err)))
			goto out;
		upto = nr.window ? nr.to : nr.began;
	}
	/* windows up to the start of this run */
	while (ym_sync_nvd_window(upto, j->now, &nr.from, &nr.to)) {
		nr.window = true;
		nr.upto = upto;
		start = 0;
		if ((rc = pages(&nr, &start, err)))
			goto out;
		upto = nr.to;
	}
	if (j->r->c.requests == 0)
		snprintf(j->r->note, sizeof j->r->note, "%s", _("up to date"));
out:
	ym_http_free(nr.h);
	ym_ratelimit_release(&rl);
	ym_buf_release(&nr.page_path);
	return rc;
}
