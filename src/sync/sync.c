/* sync.c - the feed sync framework: which sources run, their base URLs,
 * the cache directory, HTTP clients that count and log, imports that
 * commit together with the checkpoint, and each run's outcome in
 * feed_state (see sync.h, docs/sync.md). */
#include "sync/sync.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/i18n.h"
#include "sync/sync_int.h"

const char *const ym_sync_source_names[YM_SYNC_NSOURCES] = {
	"nvd", "kev", "epss", "osv", "jvn", "csaf"};

typedef struct source {
	const char *name;
	const char *env;  /* base URL override */
	const char *base; /* the real endpoint */
	int (*run)(ym_sync_job *j, ym_err *err);
} source;

static const source SOURCES[YM_SYNC_NSOURCES] = {
	{"nvd", "YAMORI_NVD_URL", "https://services.nvd.nist.gov",
	 ym_sync_nvd},
	{"kev", "YAMORI_KEV_URL",
	 "https://www.cisa.gov/sites/default/files/feeds", ym_sync_kev},
	{"epss", "YAMORI_EPSS_URL", "https://epss.empiricalsecurity.com",
	 ym_sync_epss},
	{"osv", "YAMORI_OSV_URL",
	 "https://osv-vulnerabilities.storage.googleapis.com", ym_sync_osv},
	{"jvn", "YAMORI_JVN_URL", "https://jvndb.jvn.jp", ym_sync_jvn},
	/* providers are named by the user; no base */
	{"csaf", NULL, NULL, ym_sync_csaf},
};

int ym_sync_source_index(const char *name)
{
	for (int i = 0; i < YM_SYNC_NSOURCES; i++)
		if (strcmp(ym_sync_source_names[i], name) == 0)
			return i;
	return -1;
}

const char *ym_sync_status_name(ym_sync_status st)
{
	switch (st) {
	case YM_SYNC_OK:
		return "ok";
	case YM_SYNC_NOT_MODIFIED:
		return "not_modified";
	case YM_SYNC_SKIPPED:
		return "skipped";
	default:
		return "failed";
	}
}

/* ---- cache directory and files ---- */

static int mkdirs(char *path, ym_err *err)
{
	for (char *p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		int rc = mkdir(path, 0700);
		*p = '/';
		if (rc && errno != EEXIST)
			goto fail;
	}
	if (mkdir(path, 0700) && errno != EEXIST)
		goto fail;
	struct stat st;
	if (stat(path, &st) || !S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		goto fail;
	}
	return 0;
fail:
	ym_err_set(err, YM_E_IO, _("cannot create directory: %s"),
		   strerror(errno));
	ym_err_at(err, path, 0, 0);
	return YM_E_IO;
}

static int resolve_cache(const ym_sync_opts *o, ym_buf *out, ym_err *err)
{
	const char *env = getenv("YAMORI_CACHE_DIR");
	const char *xdg = getenv("XDG_CACHE_HOME");
	const char *home = getenv("HOME");
	if (o->cache_dir && *o->cache_dir)
		ym_buf_adds(out, o->cache_dir);
	else if (env && *env)
		ym_buf_adds(out, env);
	else if (xdg && *xdg)
		ym_buf_printf(out, "%s/yamori", xdg);
	else if (home && *home)
		ym_buf_printf(out, "%s/.cache/yamori", home);
	else
		return ym_err_set(err, YM_E_USAGE,
				  _("no cache directory: set YAMORI_CACHE_DIR "
				    "or HOME"));
	while (out->len > 1 && out->ptr[out->len - 1] == '/')
		ym_buf_truncate(out, out->len - 1);
	return mkdirs(out->ptr, err);
}

int ym_sync_cache_dir(ym_sync_job *j, const char *sub, ym_buf *out,
		      ym_err *err)
{
	ym_buf_printf(out, "%s/%s", j->cache, sub);
	return mkdirs(out->ptr, err);
}

int ym_sync_write_file(const char *path, const void *data, size_t len,
		       ym_err *err)
{
	ym_buf tmp = YM_BUF_INIT;
	ym_buf_printf(&tmp, "%s.tmp", path);
	FILE *f = fopen(tmp.ptr, "wb");
	int rc = 0;
	if (!f) {
		rc = YM_E_IO;
		goto out;
	}
	bool ok = fwrite(data, 1, len, f) == len;
	ok = fflush(f) == 0 && ok;
	ok = fclose(f) == 0 && ok;
	if (!ok || rename(tmp.ptr, path) != 0) {
		rc = YM_E_IO;
		unlink(tmp.ptr);
	}
out:
	if (rc) {
		ym_err_set(err, rc, _("cannot write file: %s"),
			   strerror(errno));
		ym_err_at(err, path, 0, 0);
	}
	ym_buf_release(&tmp);
	return rc;
}

/* ---- logging and HTTP ---- */

void ym_sync_log(ym_sync_job *j, const char *fmt, ...)
{
	if (!j->o->log)
		return;
	ym_buf b = YM_BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	ym_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	if (j->progress.active && j->progress.drawn) {
		fputs("\r\033[K", stderr);
		j->progress.drawn = false;
	}
	j->o->log(j->o->log_ctx, j->name, b.ptr);
	ym_buf_release(&b);
}

static void on_retry(void *ctx, const ym_http_retry *r)
{
	ym_sync_job *j = ctx;
	ym_buf b = YM_BUF_INIT;
	j->r->c.retries++;
	ym_http_retry_describe(r, &b);
	ym_sync_log(j, "%s", b.ptr);
	ym_buf_release(&b);
}

static int on_progress(void *ctx, uint64_t done, uint64_t total)
{
	ym_sync_job *j = ctx;
	if (total && j->progress.total != total)
		j->progress.total = total;
	ym_progress_update(&j->progress, done);
	return 0;
}

static long env_long(const char *name, long dflt)
{
	const char *v = getenv(name);
	if (!v || !*v)
		return dflt;
	char *end;
	long n = strtol(v, &end, 10);
	return *end || n < 0 ? dflt : n;
}

ym_http *ym_sync_http_new(ym_sync_job *j, ym_ratelimit *rl, ym_err *err)
{
	const char *ca = j->o->ca_file;
	if (!ca || !*ca)
		ca = getenv("YAMORI_CA_FILE");
	ym_http_opts ho = {
		.max_attempts = j->o->max_attempts,
		.ca_file = ca && *ca ? ca : NULL,
		.backoff_base_ms = env_long("YAMORI_HTTP_BACKOFF_MS", 0),
		.ratelimit = rl,
		.on_retry = on_retry,
		.retry_ctx = j,
	};
	ym_http *h = ym_http_new(&ho, err);
	if (h)
		ym_http_set_progress(h, on_progress, j);
	return h;
}

static void count_result(ym_sync_job *j, const ym_http_result *res)
{
	j->r->c.requests += res->attempts;
	if (res->not_modified)
		j->r->c.not_modified++;
}

int ym_sync_get(ym_sync_job *j, ym_http *h, const char *url,
		ym_http_validators *v, ym_buf *body, ym_http_result *res,
		ym_err *err)
{
	ym_http_result local;
	if (!res)
		res = &local;
	int rc = ym_http_get(h, url, v, body, res, err);
	count_result(j, res);
	return rc;
}

int ym_sync_get_file(ym_sync_job *j, ym_http *h, const char *url,
		     const char *path, ym_http_validators *v,
		     ym_http_result *res, ym_err *err)
{
	ym_http_result local;
	if (!res)
		res = &local;
	int rc = ym_http_get_file(h, url, path, v, res, err);
	count_result(j, res);
	return rc;
}

/* ---- state and imports ---- */

int ym_sync_state_load(ym_sync_job *j, const char *key, ym_feed_state *st,
		       ym_err *err)
{
	int rc = ym_store_feed_state_get(j->store, key, &j->arena, st, err);
	if (rc == YM_E_NOTFOUND) {
		memset(st, 0, sizeof *st);
		st->source = ym_arena_strdup(&j->arena, key);
		if (err)
			ym_err_clear(err);
		return 0;
	}
	return rc;
}

int ym_sync_import(ym_sync_job *j, const char *path, const ym_feed_state *st,
		   ym_import_stats *stats, ym_err *err)
{
	ym_import_stats local;
	ym_feed_opts fo = {.strict = j->o->strict,
			   .warn = j->o->warn,
			   .skipped = j->o->skipped,
			   .warn_ctx = j->o->warn_ctx};
	const char *paths[] = {path};
	if (!stats)
		stats = &local;
	/* the import's own transaction nests in this one, so the records
	 * and the checkpoint commit together */
	int rc = ym_store_begin(j->store, err);
	if (rc)
		return rc;
	rc = ym_feed_import(j->store, j->fmt, paths, 1, &fo, stats, err);
	if (!rc && st)
		rc = ym_store_feed_state_put(j->store, st, err);
	if (rc) {
		ym_store_rollback(j->store);
		return rc;
	}
	if ((rc = ym_store_commit(j->store, err)))
		return rc;
	j->r->c.files += stats->files;
	j->r->c.inserted += stats->inserted;
	j->r->c.updated += stats->updated;
	j->r->c.unchanged += stats->unchanged;
	j->r->c.skipped += stats->skipped;
	return 0;
}

int ym_sync_state_finish(ym_sync_job *j, const char *key, int rc,
			 const ym_err *failure, const char *status,
			 int64_t records, const char *message, ym_err *err)
{
	ym_feed_state st;
	ym_buf msg = YM_BUF_INIT;
	int r = ym_sync_state_load(j, key, &st, err);
	if (r)
		return r;
	st.last_attempt = j->now_iso;
	if (rc == 0) {
		st.last_success = j->now_iso;
		st.status = status ? status : "ok";
		st.records = records;
		st.message = message;
	} else {
		st.status = "error";
		if (failure)
			ym_err_format(failure, &msg);
		st.message = msg.ptr;
	}
	r = ym_store_feed_state_put(j->store, &st, err);
	ym_buf_release(&msg);
	return r;
}

int ym_sync_conditional_file(ym_sync_job *j, ym_http *h, const char *key,
			     const char *url, const char *sub,
			     const char *file, bool *changed, ym_err *err)
{
	ym_feed_state st;
	ym_http_validators v;
	ym_http_result res;
	ym_buf path = YM_BUF_INIT;
	memset(&v, 0, sizeof v);
	*changed = false;
	int rc = ym_sync_state_load(j, key, &st, err);
	if (rc)
		goto out;
	if (!j->o->full) {
		snprintf(v.etag, sizeof v.etag, "%s", st.etag ? st.etag : "");
		snprintf(v.last_modified, sizeof v.last_modified, "%s",
			 st.last_modified ? st.last_modified : "");
	}
	if ((rc = ym_sync_cache_dir(j, sub, &path, err)))
		goto out;
	ym_buf_printf(&path, "/%s", file);
	rc = ym_sync_get_file(j, h, url, path.ptr, &v, &res, err);
	if (rc || res.not_modified)
		goto out;
	*changed = true;
	/* saved only with the records: a failed import is fetched again */
	st.etag = v.etag;
	st.last_modified = v.last_modified;
	rc = ym_sync_import(j, path.ptr, &st, NULL, err);
out:
	ym_buf_release(&path);
	return rc;
}

/* ---- the run ---- */

static void run_one(ym_store *s, const source *src, bool named,
		    const ym_sync_opts *o, const char *cache, int64_t now,
		    ym_sync_result *r)
{
	ym_sync_job j = {.store = s,
			 .o = o,
			 .name = src->name,
			 .cache = cache,
			 .now = now,
			 .r = r};
	ym_buf base = YM_BUF_INIT;
	ym_err err = YM_ERR_INIT;
	memset(r, 0, sizeof *r);
	r->source = src->name;
	r->status = YM_SYNC_OK;
	ym_sync_time_iso(now, j.now_iso);
	ym_arena_init(&j.arena, 0);
	snprintf(j.label, sizeof j.label, _("syncing %s"), src->name);
	ym_progress_start(&j.progress, j.label, 0);

	j.fmt = ym_feed_format_find(src->name);
	if (!j.fmt) {
		if (named) {
			r->status = YM_SYNC_FAILED;
			ym_err_set(&r->err, YM_E_UNSUPPORTED,
				   _("%s: this build has no %s parser"),
				   src->name, src->name);
		} else {
			r->status = YM_SYNC_SKIPPED;
			snprintf(r->note, sizeof r->note,
				 _("no %s parser in this build"), src->name);
		}
		goto out;
	}
	const char *env = src->env ? getenv(src->env) : NULL;
	ym_buf_adds(&base, env && *env ? env : src->base ? src->base : "");
	while (base.len && base.ptr[base.len - 1] == '/')
		ym_buf_truncate(&base, base.len - 1);
	j.base = base.ptr;

	int rc = src->run(&j, &err);
	ym_progress_end(&j.progress);
	if (rc) {
		r->status = YM_SYNC_FAILED;
		r->err = err;
		if (!r->err.msg[0])
			ym_err_set(&r->err, rc, "%s", ym_strerror(rc));
	}
	if (r->status == YM_SYNC_SKIPPED)
		goto out;
	int64_t records = r->c.inserted + r->c.updated + r->c.unchanged;
	ym_err serr = YM_ERR_INIT;
	const char *status = r->status == YM_SYNC_NOT_MODIFIED ? "not_modified"
							       : "ok";
	if (ym_sync_state_finish(&j, src->name, rc, &r->err, status, records,
				 r->note[0] ? r->note : NULL, &serr) &&
	    !rc) {
		r->status = YM_SYNC_FAILED;
		r->err = serr;
	}
out:
	ym_progress_end(&j.progress);
	ym_buf_release(&base);
	ym_arena_release(&j.arena);
}

int ym_sync_run(ym_store *s, const char *const *names,
		const ym_sync_opts *opts, ym_sync_result *results,
		size_t *n_results, ym_err *err)
{
	bool want[YM_SYNC_NSOURCES] = {false};
	bool any = names && names[0];
	*n_results = 0;
	for (size_t i = 0; any && names[i]; i++) {
		int k = ym_sync_source_index(names[i]);
		if (k < 0)
			return ym_err_set(err, YM_E_USAGE,
					  _("unknown feed source '%s'"),
					  names[i]);
		want[k] = true;
	}
	ym_buf cache = YM_BUF_INIT;
	int rc = resolve_cache(opts, &cache, err);
	if (rc) {
		ym_buf_release(&cache);
		return rc;
	}
	int64_t now = ym_sync_now();
	bool failed = false;
	for (int i = 0; i < YM_SYNC_NSOURCES; i++) {
		if (any && !want[i])
			continue;
		ym_sync_result *r = &results[(*n_results)++];
		run_one(s, &SOURCES[i], any, opts, cache.ptr, now, r);
		failed = failed || r->status == YM_SYNC_FAILED;
	}
	ym_buf_release(&cache);
	return failed ? YM_E_IO : 0;
}
