/* bundle.c - feed bundles for closed networks (see bundle.h). Written and
 * read with libarchive (pax tar, gzip); verified with SHA-256 before a
 * single row is written. */
#include "feeds/bundle.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/i18n.h"
#include "core/json.h"
#include "core/sha2.h"
#include "core/vec.h"
#include "feeds/feed_input.h"
#include "feeds/vuln_json.h"

#define BUNDLE_FORMAT "yamori-feed-bundle"
#define BUNDLE_VERSION 1
#define RECORDS_PER_MEMBER 5000

/* ---- export ---- */

typedef struct member {
	char name[64];
	const char *kind;
	int64_t records;
	int64_t bytes;
	char sha256[2 * YM_SHA256_LEN + 1];
} member;

typedef struct exporter {
	ym_store *store;
	struct archive *ar;
	ym_err *err;
	YM_VEC(member) members;
	ym_buf data;   /* the member being filled */
	int64_t in_data; /* records in data */
	const char *kind;
	int seq;
	ym_arena arena;
	ym_bundle_counts *counts;
} exporter;

static int archive_fail(struct archive *ar, const char *path, ym_err *err)
{
	ym_err_set(err, YM_E_IO, _("cannot write the bundle: %s"),
		   archive_error_string(ar) ? archive_error_string(ar)
					    : strerror(errno));
	ym_err_at(err, path, 0, 0);
	return YM_E_IO;
}

static int write_entry(struct archive *ar, const char *name,
		       const char *data, size_t len, ym_err *err)
{
	struct archive_entry *e = archive_entry_new();
	archive_entry_set_pathname(e, name);
	archive_entry_set_size(e, (la_int64_t)len);
	archive_entry_set_filetype(e, AE_IFREG);
	archive_entry_set_perm(e, 0644);
	archive_entry_set_mtime(e, time(NULL), 0);
	int rc = 0;
	if (archive_write_header(ar, e) != ARCHIVE_OK ||
	    (len && archive_write_data(ar, data, len) != (la_ssize_t)len))
		rc = archive_fail(ar, name, err);
	archive_entry_free(e);
	return rc;
}

/* Writes the member being filled, if it has records. */
static int flush_member(exporter *x)
{
	if (!x->in_data)
		return 0;
	member m = {.kind = x->kind, .records = x->in_data,
		    .bytes = (int64_t)x->data.len};
	if (strcmp(x->kind, "vulns") == 0)
		snprintf(m.name, sizeof m.name, "vulns-%04d.jsonl", ++x->seq);
	else
		snprintf(m.name, sizeof m.name, "%s.jsonl", x->kind);
	uint8_t d[YM_SHA256_LEN];
	ym_sha256(x->data.ptr, x->data.len, d);
	ym_hex(d, sizeof d, m.sha256);
	int rc = write_entry(x->ar, m.name, x->data.ptr, x->data.len, x->err);
	if (rc)
		return rc;
	x->counts->members++;
	x->counts->bytes += m.bytes;
	ym_vec_push(&x->members, m);
	ym_buf_reset(&x->data);
	x->in_data = 0;
	return 0;
}

static int end_line(exporter *x)
{
	ym_buf_addc(&x->data, '\n');
	x->in_data++;
	if (x->in_data >= RECORDS_PER_MEMBER)
		return flush_member(x);
	return 0;
}

static int export_source(const ym_vuln *v, void *ctx)
{
	exporter *x = ctx;
	ym_jsonw w;
	ym_jsonw_init(&w, &x->data, false);
	ym_vuln_json_write(&w, &x->arena, v);
	ym_arena_reset(&x->arena);
	x->counts->vulns++;
	return end_line(x);
}

static int export_vuln(int64_t rowid, void *ctx)
{
	exporter *x = ctx;
	return ym_store_vuln_sources_each(x->store, rowid, export_source, x,
					  x->err);
}

static int export_kev(const ym_kev_entry *k, void *ctx)
{
	exporter *x = ctx;
	ym_jsonw w;
	ym_jsonw_init(&w, &x->data, false);
	ym_jsonw_obj_begin(&w);
	ym_jsonw_kstr(&w, "cve", k->cve_id);
	ym_jsonw_kstr_opt(&w, "vendor", k->vendor);
	ym_jsonw_kstr_opt(&w, "product", k->product);
	ym_jsonw_kstr_opt(&w, "name", k->name);
	ym_jsonw_kstr_opt(&w, "date_added", k->date_added);
	ym_jsonw_kstr_opt(&w, "due_date", k->due_date);
	ym_jsonw_kstr_opt(&w, "description", k->description);
	ym_jsonw_kstr_opt(&w, "required_action", k->required_action);
	ym_jsonw_kstr_opt(&w, "notes", k->notes);
	ym_jsonw_kstr_opt(&w, "ransomware", k->ransomware);
	ym_jsonw_kstr_opt(&w, "cwes", k->cwes);
	ym_jsonw_kstr_opt(&w, "catalog_version", k->catalog_version);
	ym_jsonw_obj_end(&w);
	x->counts->kev++;
	ym_buf_addc(&x->data, '\n');
	x->in_data++;
	return 0;
}

static int export_epss(const ym_epss_entry *e, void *ctx)
{
	exporter *x = ctx;
	ym_jsonw w;
	ym_jsonw_init(&w, &x->data, false);
	ym_jsonw_obj_begin(&w);
	ym_jsonw_kstr(&w, "cve", e->cve_id);
	ym_jsonw_key(&w, "score");
	ym_jsonw_double(&w, e->score);
	ym_jsonw_key(&w, "percentile");
	ym_jsonw_double(&w, e->percentile);
	ym_jsonw_kstr(&w, "date", e->date);
	ym_jsonw_kstr_opt(&w, "model_version", e->model_version);
	ym_jsonw_obj_end(&w);
	x->counts->epss++;
	ym_buf_addc(&x->data, '\n');
	x->in_data++;
	return 0;
}

static int write_manifest(exporter *x, const char *since)
{
	ym_buf b = YM_BUF_INIT;
	ym_jsonw w;
	char now[32];
	time_t t = time(NULL);
	const char *fixed = getenv("YAMORI_NOW");
	if (fixed && *fixed)
		snprintf(now, sizeof now, "%s", fixed);
	else
		strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", gmtime(&t));
	ym_jsonw_init(&w, &b, true);
	ym_jsonw_obj_begin(&w);
	ym_jsonw_kstr(&w, "format", BUNDLE_FORMAT);
	ym_jsonw_kint(&w, "version", BUNDLE_VERSION);
	ym_jsonw_kstr(&w, "created", now);
	ym_jsonw_kstr(&w, "yamori", YM_VERSION_STRING);
	if (since)
		ym_jsonw_kstr(&w, "since", since);
	ym_jsonw_key(&w, "counts");
	ym_jsonw_obj_begin(&w);
	ym_jsonw_kint(&w, "vulns", x->counts->vulns);
	ym_jsonw_kint(&w, "kev", x->counts->kev);
	ym_jsonw_kint(&w, "epss", x->counts->epss);
	ym_jsonw_obj_end(&w);
	ym_jsonw_key(&w, "members");
	ym_jsonw_arr_begin(&w);
	for (size_t i = 0; i < x->members.n; i++) {
		const member *m = &x->members.v[i];
		ym_jsonw_obj_begin(&w);
		ym_jsonw_kstr(&w, "name", m->name);
		ym_jsonw_kstr(&w, "kind", m->kind);
		ym_jsonw_kint(&w, "records", m->records);
		ym_jsonw_kint(&w, "bytes", m->bytes);
		ym_jsonw_kstr(&w, "sha256", m->sha256);
		ym_jsonw_obj_end(&w);
	}
	ym_jsonw_arr_end(&w);
	ym_jsonw_obj_end(&w);
	ym_buf_addc(&b, '\n');
	int rc = write_entry(x->ar, "manifest.json", b.ptr, b.len, x->err);
	ym_buf_release(&b);
	return rc;
}

int ym_bundle_export(ym_store *s, const char *path, const char *since,
		     ym_bundle_counts *counts, ym_err *err)
{
	exporter x = {.store = s, .err = err, .counts = counts};
	memset(counts, 0, sizeof *counts);
	/* written next to the target and renamed: never half a bundle */
	ym_buf tmp = YM_BUF_INIT;
	ym_buf_printf(&tmp, "%s.part", path);
	x.ar = archive_write_new();
	archive_write_set_format_pax_restricted(x.ar);
	archive_write_add_filter_gzip(x.ar);
	int rc = 0;
	if (archive_write_open_filename(x.ar, tmp.ptr) != ARCHIVE_OK) {
		rc = archive_fail(x.ar, tmp.ptr, err);
		archive_write_free(x.ar);
		ym_buf_release(&tmp);
		return rc;
	}
	ym_buf_init(&x.data, 0);
	ym_arena_init(&x.arena, 0);
	x.kind = "vulns";
	rc = ym_store_vuln_rowids_each(s, since, export_vuln, &x, err);
	if (!rc)
		rc = flush_member(&x);
	if (!rc) {
		x.kind = "kev";
		rc = ym_store_kev_each(s, export_kev, &x, err);
	}
	if (!rc)
		rc = flush_member(&x);
	if (!rc) {
		x.kind = "epss";
		rc = ym_store_epss_each(s, export_epss, &x, err);
	}
	if (!rc)
		rc = flush_member(&x);
	if (!rc)
		rc = write_manifest(&x, since);
	if (!rc && archive_write_close(x.ar) != ARCHIVE_OK)
		rc = archive_fail(x.ar, tmp.ptr, err);
	archive_write_free(x.ar);
	if (!rc && rename(tmp.ptr, path) != 0) {
		rc = ym_err_set(err, YM_E_IO, _("cannot rename: %s"),
				strerror(errno));
		ym_err_at(err, path, 0, 0);
	}
	if (rc)
		remove(tmp.ptr);
	ym_buf_release(&tmp);
	ym_buf_release(&x.data);
	ym_arena_release(&x.arena);
	ym_vec_release(&x.members);
	return rc;
}

/* ---- import ---- */

typedef struct seen {
	char name[256];
	int64_t bytes;
	char sha256[2 * YM_SHA256_LEN + 1];
} seen;

typedef YM_VEC(seen) seen_vec;

static int bundle_error(ym_err *err, const char *path, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int bundle_error(ym_err *err, const char *path, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	ym_err_setv(err, YM_E_INVALID, fmt, ap);
	va_end(ap);
	ym_err_at(err, path, 0, 0);
	return YM_E_INVALID;
}

static int open_bundle(struct archive **out, const char *path, ym_err *err)
{
	struct archive *ar = archive_read_new();
	archive_read_support_filter_all(ar);
	archive_read_support_format_tar(ar);
	if (archive_read_open_filename(ar, path, 1 << 16) != ARCHIVE_OK) {
		ym_err_set(err, YM_E_IO, _("cannot open the bundle: %s"),
			   archive_error_string(ar) ? archive_error_string(ar)
						    : strerror(errno));
		ym_err_at(err, path, 0, 0);
		archive_read_free(ar);
		return YM_E_IO;
	}
	*out = ar;
	return 0;
}

/* Pass 1: hash every member, keep the manifest. */
static int scan_bundle(const char *path, seen_vec *members,
		       ym_buf *manifest, ym_err *err)
{
	struct archive *ar;
	struct archive_entry *e;
	int rc = open_bundle(&ar, path, err);
	if (rc)
		return rc;
	char chunk[65536];
	for (;;) {
		int r = archive_read_next_header(ar, &e);
		if (r == ARCHIVE_EOF)
			break;
		if (r != ARCHIVE_OK) {
			rc = bundle_error(err, path, _("broken bundle: %s"),
					  archive_error_string(ar)
						  ? archive_error_string(ar)
						  : "?");
			break;
		}
		const char *name = archive_entry_pathname(e);
		bool is_manifest = name && strcmp(name, "manifest.json") == 0;
		seen m = {.bytes = 0};
		snprintf(m.name, sizeof m.name, "%s", name ? name : "");
		ym_sha256_ctx h;
		ym_sha256_init(&h);
		la_ssize_t n;
		while ((n = archive_read_data(ar, chunk, sizeof chunk)) > 0) {
			ym_sha256_update(&h, chunk, (size_t)n);
			m.bytes += n;
			if (is_manifest && ym_buf_add(manifest, chunk, (size_t)n))
				n = -1;
			if (n < 0)
				break;
		}
		if (n < 0) {
			rc = bundle_error(err, path, _("broken bundle: %s"),
					  archive_error_string(ar)
						  ? archive_error_string(ar)
						  : "?");
			break;
		}
		uint8_t d[YM_SHA256_LEN];
		ym_sha256_final(&h, d);
		ym_hex(d, sizeof d, m.sha256);
		if (!is_manifest)
			ym_vec_push(members, m);
	}
	archive_read_free(ar);
	return rc;
}

typedef struct expect {
	const char *name, *kind, *sha256;
	int64_t records, bytes;
} expect;
typedef YM_VEC(expect) expect_vec;

/* Checks the manifest against what pass 1 saw: same member set, sizes
 * and hashes. Fills the expected list (strings live in arena a). */
static int verify(const char *path, const ym_buf *manifest,
		  const seen *members, size_t n_members, ym_arena *a,
		  expect_vec *want, ym_bundle_counts *counts, ym_err *err)
{
	if (!manifest->len)
		return bundle_error(err, path, "%s",
				    _("not a yamori feed bundle (no "
				      "manifest.json)"));
	const ym_json *m = ym_json_parse(a, manifest->ptr, manifest->len, NULL,
					 "manifest.json", err);
	if (!m)
		return YM_E_PARSE;
	const char *fmt = ym_json_string(ym_json_get(m, "format"));
	if (!fmt || strcmp(fmt, BUNDLE_FORMAT) != 0)
		return bundle_error(err, path, "%s",
				    _("not a yamori feed bundle (manifest "
				      "format)"));
	const ym_json *ver = ym_json_get(m, "version");
	if (!ver || ver->type != YM_JSON_NUMBER ||
	    ver->u.num.d != BUNDLE_VERSION)
		return bundle_error(err, path, "%s",
				    _("bundle version not supported by this "
				      "yamori"));
	const ym_json *list = ym_json_get(m, "members");
	if (!list || list->type != YM_JSON_ARRAY)
		return bundle_error(err, path, "%s",
				    _("manifest has no member list"));
	for (size_t i = 0; i < list->u.arr.n; i++) {
		const ym_json *o = list->u.arr.items[i];
		expect x = {
			.name = ym_json_string(ym_json_get(o, "name")),
			.kind = ym_json_string(ym_json_get(o, "kind")),
			.sha256 = ym_json_string(ym_json_get(o, "sha256")),
		};
		const ym_json *r = ym_json_get(o, "records");
		const ym_json *b = ym_json_get(o, "bytes");
		if (!x.name || !x.kind || !x.sha256 || !r || !b ||
		    r->type != YM_JSON_NUMBER || b->type != YM_JSON_NUMBER)
			return bundle_error(err, path, "%s",
					    _("manifest member without name, "
					      "kind, records, bytes and sha256"));
		x.records = (int64_t)r->u.num.d;
		x.bytes = (int64_t)b->u.num.d;
		if (strcmp(x.kind, "vulns") && strcmp(x.kind, "kev") &&
		    strcmp(x.kind, "epss"))
			return bundle_error(err, path,
					    _("unknown member kind '%s'"),
					    x.kind);
		const seen *found = NULL;
		for (size_t k = 0; k < n_members && !found; k++)
			if (strcmp(members[k].name, x.name) == 0)
				found = &members[k];
		if (!found)
			return bundle_error(err, path,
					    _("member '%s' is in the manifest "
					      "but not in the bundle"),
					    x.name);
		if (found->bytes != x.bytes ||
		    strcmp(found->sha256, x.sha256) != 0)
			return bundle_error(err, path,
					    _("member '%s' does not match its "
					      "SHA-256 in the manifest"),
					    x.name);
		ym_vec_push(want, x);
		counts->members++;
		counts->bytes += x.bytes;
	}
	for (size_t k = 0; k < n_members; k++) {
		bool listed = false;
		for (size_t i = 0; i < want->n && !listed; i++)
			listed = strcmp(want->v[i].name, members[k].name) == 0;
		if (!listed)
			return bundle_error(err, path,
					    _("member '%s' is not in the "
					      "manifest"),
					    members[k].name);
	}
	return 0;
}

typedef struct importer {
	ym_store *store;
	ym_import_stats *stats;
	ym_bundle_counts *counts;
	ym_arena arena;
} importer;

static void count(importer *im, ym_put_result res)
{
	if (res == YM_PUT_INSERTED)
		im->stats->inserted++;
	else if (res == YM_PUT_UPDATED)
		im->stats->updated++;
	else
		im->stats->unchanged++;
}

static const char *jstr(const ym_json *o, const char *k)
{
	return ym_json_string(ym_json_get(o, k));
}

static double jnum(const ym_json *o, const char *k, bool *ok)
{
	const ym_json *v = ym_json_get(o, k);
	if (!v || v->type != YM_JSON_NUMBER) {
		*ok = false;
		return 0;
	}
	return v->u.num.d;
}

static int import_line(importer *im, const char *kind, const char *name,
		       long line, const char *text, size_t len, ym_err *err)
{
	ym_put_result res;
	const ym_json *o = ym_json_parse(&im->arena, text, len, NULL, name, err);
	if (!o) {
		if (err)
			err->line = line;
		return YM_E_PARSE;
	}
	int rc;
	if (strcmp(kind, "vulns") == 0) {
		ym_vuln v;
		rc = ym_vuln_json_read(o, name, &im->arena, &v, err);
		if (!rc)
			rc = ym_store_vuln_put(im->store, &v, &res, err);
		if (!rc)
			im->counts->vulns++;
	} else if (strcmp(kind, "kev") == 0) {
		ym_kev_entry k = {
			.cve_id = jstr(o, "cve"), .vendor = jstr(o, "vendor"),
			.product = jstr(o, "product"), .name = jstr(o, "name"),
			.date_added = jstr(o, "date_added"),
			.due_date = jstr(o, "due_date"),
			.description = jstr(o, "description"),
			.required_action = jstr(o, "required_action"),
			.notes = jstr(o, "notes"),
			.ransomware = jstr(o, "ransomware"),
			.cwes = jstr(o, "cwes"),
			.catalog_version = jstr(o, "catalog_version")};
		if (!k.cve_id)
			return bundle_error(err, name, "%s",
					    _("KEV line without cve"));
		rc = ym_store_kev_put(im->store, &k, &res, err);
		if (!rc)
			im->counts->kev++;
	} else {
		bool ok = true;
		ym_epss_entry e = {.cve_id = jstr(o, "cve"),
				   .score = jnum(o, "score", &ok),
				   .percentile = jnum(o, "percentile", &ok),
				   .date = jstr(o, "date"),
				   .model_version = jstr(o, "model_version")};
		if (!e.cve_id || !e.date || !ok)
			return bundle_error(err, name, "%s",
					    _("EPSS line without cve, score, "
					      "percentile and date"));
		rc = ym_store_epss_put(im->store, &e, &res, err);
		if (!rc)
			im->counts->epss++;
	}
	if (rc) {
		if (err && !err->line)
			err->line = line;
		return rc;
	}
	count(im, res);
	return 0;
}

/* Pass 2: every member, line by line, into the open transaction. */
static int load_bundle(importer *im, const char *path, const expect *want,
		       size_t n_want, ym_err *err)
{
	struct archive *ar;
	struct archive_entry *e;
	int rc = open_bundle(&ar, path, err);
	if (rc)
		return rc;
	ym_buf data;
	ym_buf name = YM_BUF_INIT;
	ym_buf_init(&data, YM_FEED_MAX_FILE);
	for (;;) {
		int r = archive_read_next_header(ar, &e);
		if (r == ARCHIVE_EOF)
			break;
		if (r != ARCHIVE_OK) {
			rc = bundle_error(err, path, _("broken bundle: %s"),
					  "?");
			break;
		}
		const expect *x = NULL;
		for (size_t i = 0; i < n_want && !x; i++)
			if (strcmp(want[i].name, archive_entry_pathname(e)) == 0)
				x = &want[i];
		if (!x)
			continue; /* the manifest */
		ym_buf_reset(&data);
		char chunk[65536];
		la_ssize_t n;
		while ((n = archive_read_data(ar, chunk, sizeof chunk)) > 0)
			if (ym_buf_add(&data, chunk, (size_t)n)) {
				n = -1;
				break;
			}
		if (n < 0) {
			rc = bundle_error(err, path, _("broken bundle: %s"),
					  x->name);
			break;
		}
		ym_buf_reset(&name);
		ym_buf_printf(&name, "%s:%s", path, x->name);
		long line = 0;
		int64_t records = 0;
		for (size_t pos = 0; pos < data.len && !rc;) {
			const char *start = data.ptr + pos;
			const char *nl = memchr(start, '\n', data.len - pos);
			size_t len = nl ? (size_t)(nl - start) : data.len - pos;
			line++;
			pos += len + 1;
			if (!len)
				continue;
			/* the parser wants NUL-terminated text */
			char *copy = ym_arena_strndup(&im->arena, start, len);
			rc = import_line(im, x->kind, name.ptr, line, copy, len,
					 err);
			ym_arena_reset(&im->arena);
			records++;
		}
		if (!rc && records != x->records)
			rc = bundle_error(err, path,
					  _("member '%s' has a different number "
					    "of records than the manifest says"),
					  x->name);
		if (rc)
			break;
		im->stats->files++;
	}
	ym_buf_release(&data);
	ym_buf_release(&name);
	archive_read_free(ar);
	return rc;
}

int ym_bundle_import(ym_store *s, const char *path, ym_bundle_counts *counts,
		     ym_import_stats *stats, ym_err *err)
{
	seen_vec members = YM_VEC_INIT;
	expect_vec want = YM_VEC_INIT;
	ym_buf manifest;
	ym_arena a;
	memset(counts, 0, sizeof *counts);
	memset(stats, 0, sizeof *stats);
	ym_buf_init(&manifest, 16 << 20);
	ym_arena_init(&a, 0);
	int rc = scan_bundle(path, &members, &manifest, err);
	if (!rc)
		rc = verify(path, &manifest, members.v, members.n, &a,
			    &want, counts, err);
	if (!rc) {
		ym_bundle_counts verified = *counts;
		importer im = {.store = s, .stats = stats, .counts = counts};
		ym_arena_init(&im.arena, 0);
		rc = ym_store_begin(s, err);
		if (!rc)
			rc = load_bundle(&im, path, want.v, want.n, err);
		if (rc)
			ym_store_rollback(s);
		else
			rc = ym_store_commit(s, err);
		ym_arena_release(&im.arena);
		counts->members = verified.members;
		counts->bytes = verified.bytes;
	}
	ym_vec_release(&members);
	ym_vec_release(&want);
	ym_buf_release(&manifest);
	ym_arena_release(&a);
	return rc;
}
