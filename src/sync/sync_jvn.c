/* sync_jvn.c - JVN iPedia through the MyJVN API (feed=hnd).
 *
 * getVulnOverviewList pages (startItem, maxCountItem=50) through the
 * entries whose last-update date (datePublished*) falls between the last
 * sync and today; the paging fields come from the response's status:Status
 * (totalRes, totalResRet, firstRes). Each entry that is new to the store
 * or newer than the stored copy is then fetched whole with
 * getVulnDetailInfo, up to 10 ids a request ("+"-joined vulnId), for its
 * affected versions, and imported. With opts.jvn_cpe only the ledger's
 * products are asked for, one cpeName (cpe:/part:vendor:product) at a
 * time. Requests are paced: one per opts.jvn_interval_ms (default 1 s).
 *
 * Cursor (feed_state "jvn"):
 *   since=YYYY-MM-DD                        the next sync starts there
 *   since=.. from=.. to=.. start=N [cpe=K]  a run in progress: product K
 *                                           (cpe mode), next startItem N
 * A first sync covers opts.since, else the last 90 days: older entries
 * come from the yearly files (feed import jvn jvndb_detail_YYYY.rdf).
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/vec.h"
#include "feeds/jvn.h"
#include "ids/cpe.h"
#include "net/http_url.h"
#include "net/ratelimit.h"
#include "sync/sync_int.h"

#define PAGE_ITEMS 50
#define DETAIL_BATCH 10
#define FIRST_DAYS 90

typedef struct item {
	const char *id;
	const char *modified;
} item;

typedef YM_VEC(item) item_vec;
typedef YM_VEC(const char *) str_vec;

typedef struct jvn_run {
	ym_sync_job *j;
	ym_http *h;
	ym_buf dir;          /* {cache}/jvn */
	ym_feed_state st;
	char since[16];      /* kept until the run completes */
	char from[16], to[16];
	bool cpe_mode;
	str_vec cpes;        /* cpe mode: the products asked for */
	ym_arena page;       /* per page */
} jvn_run;

static void ymd(int64_t t, char out[16])
{
	int y, m, d;
	ym_sync_time_ymd(t, &y, &m, &d);
	snprintf(out, 16, "%04d-%02d-%02d", y, m, d);
}

/* datePublished{Start,End}{Y,M,D} from "YYYY-MM-DD" */
static int date_params(ym_buf *url, const char *which, const char *date)
{
	char name[32], v[8];
	const char *parts[] = {"Y", "M", "D"};
	int val[3];
	if (sscanf(date, "%d-%d-%d", &val[0], &val[1], &val[2]) != 3)
		return YM_E_INVALID;
	for (int i = 0; i < 3; i++) {
		snprintf(name, sizeof name, "datePublished%s%s", which,
			 parts[i]);
		snprintf(v, sizeof v, "%d", val[i]);
		int rc = ym_http_url_add_param(url, name, v);
		if (rc)
			return rc;
	}
	return 0;
}

static int overview_url(const jvn_run *jr, const char *cpe, int64_t start,
			ym_buf *url)
{
	char n[32];
	int rc = ym_http_url_join(url, jr->j->base, "myjvn");
	const char *const fixed[][2] = {
		{"method", "getVulnOverviewList"}, {"feed", "hnd"}};
	for (int i = 0; !rc && i < 2; i++)
		rc = ym_http_url_add_param(url, fixed[i][0], fixed[i][1]);
	snprintf(n, sizeof n, "%" PRId64, start);
	if (!rc)
		rc = ym_http_url_add_param(url, "startItem", n);
	snprintf(n, sizeof n, "%d", PAGE_ITEMS);
	if (!rc)
		rc = ym_http_url_add_param(url, "maxCountItem", n);
	if (!rc && cpe)
		rc = ym_http_url_add_param(url, "cpeName", cpe);
	/* explicit dates only: "n" turns the default one-week ranges off */
	const char *const ranges[] = {"rangeDatePublic", "rangeDatePublished",
				      "rangeDateFirstPublished"};
	for (int i = 0; !rc && i < 3; i++)
		rc = ym_http_url_add_param(url, ranges[i], "n");
	if (!rc)
		rc = date_params(url, "Start", jr->from);
	if (!rc)
		rc = date_params(url, "End", jr->to);
	if (!rc)
		rc = ym_http_url_add_param(url, "lang", "ja");
	return rc;
}

typedef struct collect_ctx {
	ym_arena *a;
	item_vec *items;
} collect_ctx;

static int collect(const ym_vuln *v, void *ctx, ym_err *err)
{
	collect_ctx *cc = ctx;
	if (!v->vuln_id)
		return 0;
	item it = {ym_arena_strdup(cc->a, v->vuln_id),
		   v->modified ? ym_arena_strdup(cc->a, v->modified) : NULL};
	ym_vec_push(cc->items, it);
	return 0;
}

/* a newer than b (dates as the parser gives them) */
static bool newer(const char *a, const char *b)
{
	int64_t ta, tb;
	if (ym_sync_time_parse(a, &ta) == 0 &&
	    ym_sync_time_parse(b, &tb) == 0)
		return ta > tb;
	return strcmp(a, b) > 0;
}

/* Fetches and imports the details of ids[0..n). */
static int details(jvn_run *jr, item *ids, size_t n, ym_err *err)
{
	ym_sync_job *j = jr->j;
	ym_buf url = YM_BUF_INIT, list = YM_BUF_INIT, body = YM_BUF_INIT;
	ym_buf path = YM_BUF_INIT;
	int rc = ym_http_url_join(&url, j->base, "myjvn");
	for (size_t i = 0; i < n; i++)
		ym_buf_printf(&list, "%s%s", i ? "+" : "", ids[i].id);
	if (!rc)
		rc = ym_http_url_add_param(&url, "method", "getVulnDetailInfo");
	if (!rc)
		rc = ym_http_url_add_param(&url, "feed", "hnd");
	if (!rc)
		rc = ym_http_url_add_param(&url, "vulnId", list.ptr);
	if (!rc)
		rc = ym_http_url_add_param(&url, "lang", "ja");
	if (rc) {
		ym_err_set(err, rc, "%s", _("URL too long"));
		goto out;
	}
	if ((rc = ym_sync_get(j, jr->h, url.ptr, NULL, &body, NULL, err)))
		goto out;
	ym_buf_printf(&path, "%s/detail.xml", jr->dir.ptr);
	rc = ym_sync_write_file(path.ptr, body.ptr, body.len, err);
	if (!rc)
		rc = ym_sync_import(j, path.ptr, NULL, NULL, err);
out:
	ym_buf_release(&url);
	ym_buf_release(&list);
	ym_buf_release(&body);
	ym_buf_release(&path);
	return rc;
}

static void cursor_text(const jvn_run *jr, bool done, int64_t start,
			size_t cpe, ym_buf *out)
{
	ym_buf_reset(out);
	ym_sync_kv_add(out, "since", done ? jr->to : jr->since);
	if (done)
		return;
	ym_sync_kv_add(out, "from", jr->from);
	ym_sync_kv_add(out, "to", jr->to);
	ym_sync_kv_addi(out, "start", start);
	if (jr->cpe_mode)
		ym_sync_kv_addi(out, "cpe", (int64_t)cpe);
}

/* One overview page at *start: the entries it lists, their details when
 * new or changed, then the checkpoint. *more: another page follows. */
static int page(jvn_run *jr, const char *cpe, size_t cpe_i, int64_t *start,
		bool *more, ym_err *err)
{
	ym_sync_job *j = jr->j;
	ym_buf url = YM_BUF_INIT, body = YM_BUF_INIT, cur = YM_BUF_INIT;
	item_vec items = YM_VEC_INIT, want = YM_VEC_INIT;
	long total, returned, first;
	int rc;
	*more = false;
	ym_arena_reset(&jr->page);
	if ((rc = overview_url(jr, cpe, *start, &url))) {
		ym_err_set(err, rc, "%s", _("URL too long"));
		goto out;
	}
	if ((rc = ym_sync_get(j, jr->h, url.ptr, NULL, &body, NULL, err)))
		goto out;
	rc = ym_jvn_page_info(body.ptr, body.len, url.ptr, &total, &returned,
			      &first, err);
	if (rc)
		goto out;
	if (first > 0 && first != *start) {
		rc = ym_err_set(err, YM_E_INVALID,
				_("asked for startItem %" PRId64
				  ", the answer starts at %ld"),
				*start, first);
		ym_err_at(err, url.ptr, 0, 0);
		goto out;
	}
	if (returned != 0 && total != 0) {
		collect_ctx cc = {.a = &jr->page, .items = &items};
		ym_feed_ctx fc = {.vuln = collect, .ctx = &cc};
		rc = j->fmt->parse(body.ptr, body.len, url.ptr, &jr->page, &fc,
				   err);
		if (rc)
			goto out;
	}
	for (size_t i = 0; i < items.n; i++) {
		bool found;
		const char *mod;
		rc = ym_store_source_modified(j->store, "jvn", items.v[i].id,
					      &jr->page, &found, &mod, err);
		if (rc)
			goto out;
		if (!found || !mod || !items.v[i].modified ||
		    newer(items.v[i].modified, mod))
			ym_vec_push(&want, items.v[i]);
		else
			j->r->c.unchanged++;
	}
	for (size_t i = 0; i < want.n; i += DETAIL_BATCH) {
		size_t n = want.n - i < DETAIL_BATCH ? want.n - i
						     : DETAIL_BATCH;
		if ((rc = details(jr, want.v + i, n, err)))
			goto out;
	}
	/* totalResRet absent: the entries this page held */
	int64_t got = returned >= 0 ? returned : (int64_t)items.n;
	int64_t next = *start + got;
	*more = got > 0 && next <= total;
	/* the checkpoint: this page is done */
	cursor_text(jr, false, *more ? next : 1, *more ? cpe_i : cpe_i + 1,
		    &cur);
	jr->st.cursor = cur.ptr;
	rc = ym_store_feed_state_put(j->store, &jr->st, err);
	jr->st.cursor = NULL;
	if (rc)
		goto out;
	j->progress.total = (uint64_t)(total > 0 ? total : 0);
	ym_progress_update(&j->progress, (uint64_t)(next - 1));
	*start = next;
out:
	ym_buf_release(&url);
	ym_buf_release(&body);
	ym_buf_release(&cur);
	ym_vec_release(&items);
	ym_vec_release(&want);
	return rc;
}

typedef struct cpe_ctx {
	jvn_run *jr;
	ym_arena *a;
} cpe_ctx;

/* A ledger CPE -> "cpe:/part:vendor:product", once each. */
static int add_cpe(const char *name, void *ctx)
{
	cpe_ctx *cc = ctx;
	ym_cpe c, p;
	ym_err e = YM_ERR_INIT;
	ym_buf b = YM_BUF_INIT;
	if (ym_cpe_parse(name, cc->a, &c, &e)) {
		ym_sync_log(cc->jr->j, _("ledger CPE '%s' left out: %s"), name,
			    e.msg);
		return 0;
	}
	ym_cpe_init(&p);
	for (int k = YM_CPE_PART; k <= YM_CPE_PRODUCT; k++)
		p.av[k] = c.av[k];
	if (p.av[YM_CPE_VENDOR].kind != YM_CPE_VALUE ||
	    p.av[YM_CPE_PRODUCT].kind != YM_CPE_VALUE)
		return 0; /* no product to ask for */
	ym_cpe_bind_uri(&p, &b);
	const char *s = ym_arena_strdup(cc->a, b.ptr);
	ym_buf_release(&b);
	for (size_t i = 0; i < cc->jr->cpes.n; i++)
		if (strcmp(cc->jr->cpes.v[i], s) == 0)
			return 0;
	ym_vec_push(&cc->jr->cpes, s);
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static long interval_ms(const ym_sync_opts *o)
{
	if (o->jvn_interval_ms > 0)
		return o->jvn_interval_ms;
	const char *env = getenv("YAMORI_JVN_INTERVAL_MS");
	long n = env && *env ? atol(env) : 0;
	return n > 0 ? n : 1000;
}

int ym_sync_jvn(ym_sync_job *j, ym_err *err)
{
	jvn_run jr = {.j = j, .cpe_mode = j->o->jvn_cpe};
	ym_buf cur = YM_BUF_INIT;
	ym_ratelimit rl;
	int rc = 0;
	ym_ratelimit_init(&rl, 1, interval_ms(j->o), NULL);
	ym_buf_init(&jr.dir, 0);
	ym_arena_init(&jr.page, 0);
	jr.h = ym_sync_http_new(j, &rl, err);
	if (!jr.h) {
		rc = err ? err->code : YM_E_IO;
		goto out;
	}
	if ((rc = ym_sync_cache_dir(j, "jvn", &jr.dir, err)))
		goto out;
	if ((rc = ym_sync_state_load(j, "jvn", &jr.st, err)))
		goto out;
	if (jr.cpe_mode) {
		cpe_ctx cc = {.jr = &jr, .a = &j->arena};
		rc = ym_store_ledger_cpes_each(j->store, add_cpe, &cc, err);
		if (rc)
			goto out;
		if (jr.cpes.n == 0) {
			j->r->status = YM_SYNC_SKIPPED;
			snprintf(j->r->note, sizeof j->r->note, "%s",
				 _("no CPE names in the ledger"));
			goto out;
		}
		qsort(jr.cpes.v, jr.cpes.n, sizeof *jr.cpes.v, cmp_str);
	}

	/* where to start */
	const char *cursor = j->o->full ? NULL : jr.st.cursor;
	char v[16];
	int64_t start = 1, cpe_i = 0, t;
	if (ym_sync_kv_get(cursor, "since", jr.since, sizeof jr.since) &&
	    ym_sync_time_parse(jr.since, &t) == 0) {
		/* later syncs: from the date of the last one */
	} else if (j->o->since) {
		if (ym_sync_time_parse(j->o->since, &t)) {
			rc = ym_err_set(err, YM_E_USAGE,
					_("--since needs YYYY-MM-DD, not '%s'"),
					j->o->since);
			goto out;
		}
		ymd(t, jr.since);
	} else {
		ymd(j->now - (int64_t)FIRST_DAYS * 86400, jr.since);
	}
	snprintf(jr.from, sizeof jr.from, "%s", jr.since);
	/* to tomorrow (UTC): JVN dates are Japan's, up to 9 hours ahead */
	ymd(j->now + 86400, jr.to);
	bool resumed = false;
	if (ym_sync_kv_get(cursor, "from", v, sizeof v) &&
	    ym_sync_time_parse(v, &t) == 0) {
		char n[24];
		snprintf(jr.from, sizeof jr.from, "%s", v);
		if (ym_sync_kv_get(cursor, "to", v, sizeof v) &&
		    ym_sync_time_parse(v, &t) == 0)
			snprintf(jr.to, sizeof jr.to, "%s", v);
		if (ym_sync_kv_get(cursor, "start", n, sizeof n))
			start = atol(n) > 0 ? atol(n) : 1;
		bool had_cpe = ym_sync_kv_get(cursor, "cpe", n, sizeof n);
		if (had_cpe != jr.cpe_mode)
			start = 1; /* the other mode: its pages differ */
		else if (had_cpe)
			cpe_i = atol(n);
		resumed = start > 1 || cpe_i > 0;
	}
	if (resumed)
		snprintf(j->r->note, sizeof j->r->note,
			 _("resumed at startItem %" PRId64), start);

	size_t n_queries = jr.cpe_mode ? jr.cpes.n : 1;
	for (size_t q = (size_t)cpe_i; q < n_queries; q++) {
		const char *cpe = jr.cpe_mode ? jr.cpes.v[q] : NULL;
		bool more = true;
		if (cpe)
			snprintf(j->label, sizeof j->label,
				 _("syncing jvn %s"), cpe);
		while (more)
			if ((rc = page(&jr, cpe, q, &start, &more, err)))
				goto out;
		start = 1;
	}
	/* done: the next sync starts at this one's date */
	ymd(j->now, jr.to);
	cursor_text(&jr, true, 0, 0, &cur);
	jr.st.cursor = cur.ptr;
	rc = ym_store_feed_state_put(j->store, &jr.st, err);
	jr.st.cursor = NULL;
out:
	ym_http_free(jr.h);
	ym_ratelimit_release(&rl);
	ym_buf_release(&jr.dir);
	ym_buf_release(&cur);
	ym_vec_release(&jr.cpes);
	ym_arena_release(&jr.page);
	return rc;
}
