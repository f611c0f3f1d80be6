/* feed_input.c - plain files, directories, compressed files and archives
 * as one stream of (name, bytes) for the feed parsers. libarchive reads
 * the compressed and archived forms; plain files take the direct path. */
#include "feeds/feed_input.h"

#include <archive.h>
#include <archive_entry.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/buf.h"
#include "core/i18n.h"
#include "core/progress.h"
#include "core/vec.h"
#include "core/xalloc.h"

/* an input and whether the user named it */
typedef struct input {
	char *path;
	bool named;
} input;
typedef YM_VEC(input) path_vec;
typedef YM_VEC(char *) name_vec;

static const char *const COMPRESSED[] = {".gz", ".xz", ".bz2", ".zst",
					 NULL};
static const char *const ARCHIVES[] = {".zip", ".tar", ".tar.gz", ".tgz",
				       ".tar.xz", NULL};

static bool ends_with(const char *s, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);
	return n >= k && strcmp(s + n - k, suffix) == 0;
}

static bool is_archive(const char *name)
{
	for (size_t i = 0; ARCHIVES[i]; i++)
		if (ends_with(name, strlen(name), ARCHIVES[i]))
			return true;
	return false;
}

static bool is_compressed(const char *name)
{
	for (size_t i = 0; COMPRESSED[i]; i++)
		if (ends_with(name, strlen(name), COMPRESSED[i]))
			return true;
	return false;
}

bool ym_feed_name_has(const char *name, const char *suffix)
{
	size_t n = strlen(name);
	if (ends_with(name, n, suffix))
		return true;
	for (size_t i = 0; COMPRESSED[i]; i++) {
		size_t k = strlen(COMPRESSED[i]);
		if (ends_with(name, n, COMPRESSED[i]) &&
		    ends_with(name, n - k, suffix))
			return true;
	}
	return false;
}

static bool wanted(const ym_feed_input *in, const char *name)
{
	if (!in->suffixes)
		return true;
	for (size_t i = 0; in->suffixes[i]; i++)
		if (ym_feed_name_has(name, in->suffixes[i]))
			return true;
	return false;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int io_error(ym_err *err, const char *path, const char *what)
{
	ym_err_set(err, YM_E_IO, "%s: %s", what, strerror(errno));
	ym_err_at(err, path, 0, 0);
	return YM_E_IO;
}

/* Collects the inputs under path: wanted files and archives. */
static int collect(const ym_feed_input *in, const char *path, bool named,
		   path_vec *out, int depth, ym_err *err)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return io_error(err, path, _("cannot read"));
	if (!S_ISDIR(st.st_mode)) {
		if (named || wanted(in, path) || is_archive(path)) {
			input x = {ym_xstrdup(path), named};
			ym_vec_push(out, x);
		}
		return 0;
	}
	if (depth > 32) {
		ym_err_set(err, YM_E_TOOBIG, _("directories nested too deep"));
		ym_err_at(err, path, 0, 0);
		return YM_E_TOOBIG;
	}
	DIR *d = opendir(path);
	if (!d)
		return io_error(err, path, _("cannot open directory"));
	name_vec here = YM_VEC_INIT;
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
		if (!rc)
			rc = collect(in, here.v[i], false, out, depth + 1, err);
		free(here.v[i]);
	}
	ym_vec_release(&here);
	return rc;
}

/* Reads the current archive entry (or the raw stream) into b. */
static int read_entry(struct archive *ar, ym_buf *b, const char *name,
		      ym_err *err)
{
	char chunk[65536];
	ym_buf_reset(b);
	for (;;) {
		la_ssize_t n = archive_read_data(ar, chunk, sizeof chunk);
		if (n == 0)
			return 0;
		if (n < 0) {
			ym_err_set(err, YM_E_IO, _("cannot decompress: %s"),
				   archive_error_string(ar)
					   ? archive_error_string(ar)
					   : "?");
			ym_err_at(err, name, 0, 0);
			return YM_E_IO;
		}
		if (ym_buf_add(b, chunk, (size_t)n) != 0) {
			ym_err_set(err, YM_E_TOOBIG,
				   _("larger than %zu MiB when decompressed"),
				   YM_FEED_MAX_FILE >> 20);
			ym_err_at(err, name, 0, 0);
			return YM_E_TOOBIG;
		}
	}
}

static int open_archive(struct archive **out, const char *path, bool raw,
			ym_err *err)
{
	struct archive *ar = archive_read_new();
	if (!ar)
		return ym_err_set(err, YM_E_NOMEM, _("out of memory"));
	archive_read_support_filter_all(ar);
	if (raw) {
		archive_read_support_format_raw(ar);
	} else {
		archive_read_support_format_zip(ar);
		archive_read_support_format_tar(ar);
		archive_read_support_format_gnutar(ar);
	}
	if (archive_read_open_filename(ar, path, 1 << 16) != ARCHIVE_OK) {
		ym_err_set(err, YM_E_IO, _("cannot open: %s"),
			   archive_error_string(ar) ? archive_error_string(ar)
						    : strerror(errno));
		ym_err_at(err, path, 0, 0);
		archive_read_free(ar);
		return YM_E_IO;
	}
	*out = ar;
	return 0;
}

/* Every wanted member of an archive, in archive order. */
static int each_member(const ym_feed_input *in, const char *path, ym_buf *b,
		       ym_err *err)
{
	struct archive *ar;
	int rc = open_archive(&ar, path, false, err);
	if (rc)
		return rc;
	struct archive_entry *e;
	ym_buf name = YM_BUF_INIT;
	for (;;) {
		int r = archive_read_next_header(ar, &e);
		if (r == ARCHIVE_EOF)
			break;
		if (r != ARCHIVE_OK && r != ARCHIVE_WARN) {
			rc = ym_err_set(err, YM_E_IO, _("broken archive: %s"),
					archive_error_string(ar)
						? archive_error_string(ar)
						: "?");
			ym_err_at(err, path, 0, 0);
			break;
		}
		const char *member = archive_entry_pathname(e);
		if (archive_entry_filetype(e) != AE_IFREG || !member ||
		    !wanted(in, member))
			continue;
		ym_buf_reset(&name);
		ym_buf_printf(&name, "%s:%s", path, member);
		rc = read_entry(ar, b, name.ptr, err);
		if (!rc)
			rc = in->fn(name.ptr, b->ptr, b->len, false, in->ctx,
				    err);
		if (rc)
			break;
	}
	ym_buf_release(&name);
	archive_read_free(ar);
	return rc;
}

static int one_input(const ym_feed_input *in, const char *path, bool named,
		     ym_buf *b, ym_err *err)
{
	if (is_archive(path))
		return each_member(in, path, b, err);
	int rc;
	if (is_compressed(path)) {
		struct archive *ar;
		struct archive_entry *e;
		if ((rc = open_archive(&ar, path, true, err)))
			return rc;
		if (archive_read_next_header(ar, &e) != ARCHIVE_OK) {
			rc = ym_err_set(err, YM_E_IO, _("cannot decompress: %s"),
					archive_error_string(ar)
						? archive_error_string(ar)
						: "?");
			ym_err_at(err, path, 0, 0);
		} else {
			rc = read_entry(ar, b, path, err);
		}
		archive_read_free(ar);
	} else {
		ym_buf_reset(b);
		rc = ym_buf_read_file(b, path, err);
	}
	if (rc)
		return rc;
	return in->fn(path, b->ptr, b->len, named, in->ctx, err);
}

int ym_feed_input_each(const ym_feed_input *in, const char *const *paths,
		       int n_paths, ym_err *err)
{
	path_vec files = YM_VEC_INIT;
	ym_buf b;
	ym_progress prog;
	bool meter = false;
	int rc = 0;
	ym_buf_init(&b, YM_FEED_MAX_FILE);
	for (int i = 0; i < n_paths && !rc; i++)
		rc = collect(in, paths[i], true, &files, 0, err);
	if (!rc && in->progress_label) {
		ym_progress_start(&prog, in->progress_label, files.n);
		meter = true;
	}
	for (size_t i = 0; i < files.n && !rc; i++) {
		rc = one_input(in, files.v[i].path, files.v[i].named, &b, err);
		if (meter)
			ym_progress_update(&prog, i + 1);
	}
	if (meter)
		ym_progress_end(&prog);
	for (size_t i = 0; i < files.n; i++)
		free(files.v[i].path);
	ym_vec_release(&files);
	ym_buf_release(&b);
	return rc;
}
