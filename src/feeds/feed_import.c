/* feed_import.c - walk files and directories, parse, store (one
 * transaction for the whole import). */
#include "feeds/feed_import.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/i18n.h"
#include "core/progress.h"
#include "core/vec.h"
#include "core/xalloc.h"
#include "feeds/osv.h"

typedef YM_VEC(char *) path_vec;

#define MAX_FEED_FILE ((size_t)512 << 20)

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool has_json_suffix(const char *name)
{
	size_t n = strlen(name);
	return n > 5 && strcmp(name + n - 5, ".json") == 0;
}

/* Collects *.json files under dir (recursively). */
static int collect(const char *path, path_vec *out, int depth, ym_err *err)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		ym_err_set(err, YM_E_IO, _("cannot read: %s"), strerror(errno));
		ym_err_at(err, path, 0, 0);
		return YM_E_IO;
	}
	if (!S_ISDIR(st.st_mode)) {
		ym_vec_push(out, ym_xstrdup(path));
		return 0;
	}
	if (depth > 32) {
		ym_err_set(err, YM_E_TOOBIG, _("directories nested too deep"));
		ym_err_at(err, path, 0, 0);
		return YM_E_TOOBIG;
	}
	DIR *d = opendir(path);
	if (!d) {
		ym_err_set(err, YM_E_IO, _("cannot open directory: %s"),
			   strerror(errno));
		ym_err_at(err, path, 0, 0);
		return YM_E_IO;
	}
	path_vec here = YM_VEC_INIT;
	struct dirent *de;
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		size_t n = strlen(path) + strlen(de->d_name) + 2;
		char *full = ym_xmalloc(n);
		snprintf(full, n, "%s/%s", path, de->d_name);
		ym_vec_push(&here, full);
	}
	closedir(d);
	qsort(here.v, here.n, sizeof(char *), cmp_str);
	int rc = 0;
	for (size_t i = 0; i < here.n; i++) {
		struct stat cs;
		if (!rc && stat(here.v[i], &cs) == 0) {
			if (S_ISDIR(cs.st_mode))
				rc = collect(here.v[i], out, depth + 1, err);
			else if (has_json_suffix(here.v[i])) {
				ym_vec_push(out, here.v[i]);
				here.v[i] = NULL;
			}
		}
		free(here.v[i]);
	}
	ym_vec_release(&here);
	return rc;
}

typedef struct sink_ctx {
	ym_store *store;
	ym_import_stats *stats;
	const ym_feed_opts *user; /* the caller's options */
} sink_ctx;

/* Counts warnings on their way to the caller's handler. */
static void count_warning(const ym_err *w, void *ctx)
{
	sink_ctx *sc = ctx;
	sc->stats->warnings++;
	if (sc->user && sc->user->warn)
		sc->user->warn(w, sc->user->warn_ctx);
}

static int store_sink(const ym_vuln *v, void *ctx, ym_err *err)
{
	sink_ctx *sc = ctx;
	ym_put_result res;
	int rc = ym_store_vuln_put(sc->store, v, &res, err);
	if (rc)
		return rc;
	if (res == YM_PUT_INSERTED)
		sc->stats->inserted++;
	else if (res == YM_PUT_UPDATED)
		sc->stats->updated++;
	else
		sc->stats->unchanged++;
	return 0;
}

int ym_feed_import_osv(ym_store *s, const char *const *paths, int n_paths,
		       const ym_feed_opts *opts, ym_import_stats *stats,
		       ym_err *err)
{
	path_vec files = YM_VEC_INIT;
	ym_buf text = YM_BUF_INIT;
	ym_arena arena;
	ym_progress prog;
	int rc = 0;
	memset(stats, 0, sizeof *stats);
	ym_arena_init(&arena, 0);
	ym_buf_init(&text, MAX_FEED_FILE);
	for (int i = 0; i < n_paths && !rc; i++)
		rc = collect(paths[i], &files, 0, err);
	if (rc)
		goto out;
	rc = ym_store_begin(s, err);
	if (rc)
		goto out;
	sink_ctx sc = {.store = s, .stats = stats, .user = opts};
	ym_feed_ctx mine = {.strict = opts && opts->strict,
			    .vuln = store_sink, .warn = count_warning,
			    .ctx = &sc};
	ym_progress_start(&prog, _("importing OSV records"), files.n);
	for (size_t i = 0; i < files.n; i++) {
		ym_buf_reset(&text);
		rc = ym_buf_read_file(&text, files.v[i], err);
		if (!rc)
			rc = ym_osv_parse(text.ptr, text.len, files.v[i],
					  &arena, &mine, err);
		if (rc) {
			/* a store error has no file yet: say which */
			if (err && !err->file[0])
				ym_err_at(err, files.v[i], 0, 0);
			break;
		}
		stats->files++;
		ym_arena_reset(&arena);
		ym_progress_update(&prog, i + 1);
	}
	ym_progress_end(&prog);
	if (rc)
		ym_store_rollback(s);
	else
		rc = ym_store_commit(s, err);
out:
	for (size_t i = 0; i < files.n; i++)
		free(files.v[i]);
	ym_vec_release(&files);
	ym_buf_release(&text);
	ym_arena_release(&arena);
	return rc;
}
