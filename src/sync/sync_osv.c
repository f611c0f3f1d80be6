/* sync_osv.c - OSV: one {base}/{ECOSYSTEM}/all.zip per ecosystem,
 * downloaded into the cache with resume (a cut transfer continues with a
 * Range request) and validators (ETag / Last-Modified in the row
 * "osv:ECOSYSTEM"), imported when it changed.
 *
 * Which ecosystems: opts.ecosystems when given; else those of the
 * ledger's components (their purl types mapped to OSV's names); else
 * DEFAULT_ECOSYSTEMS. One ecosystem failing does not stop the others; the
 * source fails at the end if any did.
 */
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/vec.h"
#include "net/http_url.h"
#include "sync/sync_int.h"

/* purl type -> the OSV ecosystem its packages are published under. Types
 * that several ecosystems share (rpm) have no entry: name them with
 * --ecosystem. */
static const struct {
	const char *type;
	const char *ecosystem;
} TYPE_ECOSYSTEM[] = {
	{"apk", "Alpine"},	   {"bitnami", "Bitnami"},
	{"cargo", "crates.io"},	   {"composer", "Packagist"},
	{"conan", "ConanCenter"},  {"cran", "CRAN"},
	{"deb", "Debian"},	   {"gem", "RubyGems"},
	{"github", "GitHub Actions"}, {"golang", "Go"},
	{"hackage", "Hackage"},	   {"hex", "Hex"},
	{"julia", "Julia"},	   {"maven", "Maven"},
	{"npm", "npm"},		   {"nuget", "NuGet"},
	{"opam", "opam"},	   {"pub", "Pub"},
	{"pypi", "PyPI"},	   {"swift", "SwiftURL"},
};

/* When neither --ecosystem nor the ledger says (docs/sync.md). */
static const char *const DEFAULT_ECOSYSTEMS[] = {
	"npm", "PyPI", "Maven", "Go", "crates.io", "RubyGems", "NuGet",
	"Packagist", NULL};

typedef YM_VEC(const char *) str_vec;

typedef struct eco_ctx {
	ym_arena *a;
	str_vec *list;
} eco_ctx;

static void add_unique(str_vec *v, const char *s)
{
	for (size_t i = 0; i < v->n; i++)
		if (strcmp(v->v[i], s) == 0)
			return;
	ym_vec_push(v, s);
}

static int from_ledger(const char *type, void *ctx)
{
	eco_ctx *ec = ctx;
	for (size_t i = 0; i < sizeof TYPE_ECOSYSTEM / sizeof *TYPE_ECOSYSTEM;
	     i++)
		if (strcmp(TYPE_ECOSYSTEM[i].type, type) == 0)
			add_unique(ec->list, TYPE_ECOSYSTEM[i].ecosystem);
	return 0;
}

static int one(ym_sync_job *j, ym_http *h, const char *eco, bool *changed,
	       ym_err *err)
{
	ym_buf url = YM_BUF_INIT, path = YM_BUF_INIT, key = YM_BUF_INIT;
	char safe[128];
	ym_buf_printf(&key, "osv:%s", eco);
	ym_buf_printf(&path, "%s/", j->base);
	ym_http_url_encode(&path, eco, strlen(eco));
	ym_http_url_join(&url, path.ptr, "all.zip");
	ym_sync_safe_name(eco, strlen(eco), safe, sizeof safe);
	ym_buf_reset(&path);
	ym_buf_printf(&path, "osv/%s", safe);
	snprintf(j->label, sizeof j->label, _("syncing osv %s"), eco);
	int rc = ym_sync_conditional_file(j, h, key.ptr, url.ptr, path.ptr,
					  "all.zip", changed, err);
	ym_buf_release(&url);
	ym_buf_release(&path);
	ym_buf_release(&key);
	return rc;
}

int ym_sync_osv(ym_sync_job *j, ym_err *err)
{
	str_vec ecos = YM_VEC_INIT;
	ym_buf note = YM_BUF_INIT, key = YM_BUF_INIT;
	ym_err first = YM_ERR_INIT;
	int rc = 0, failed = 0, fresh = 0;
	ym_http *h = ym_sync_http_new(j, NULL, err);
	if (!h)
		return err ? err->code : YM_E_IO;

	if (j->o->ecosystems && j->o->ecosystems[0]) {
		for (size_t i = 0; j->o->ecosystems[i]; i++)
			add_unique(&ecos, j->o->ecosystems[i]);
	} else {
		eco_ctx ec = {.a = &j->arena, .list = &ecos};
		rc = ym_store_ecosystems_each(j->store, from_ledger, &ec, err);
		if (rc)
			goto out;
		if (ecos.n == 0)
			for (size_t i = 0; DEFAULT_ECOSYSTEMS[i]; i++)
				ym_vec_push(&ecos, DEFAULT_ECOSYSTEMS[i]);
	}

	for (size_t i = 0; i < ecos.n; i++) {
		ym_err e = YM_ERR_INIT, serr = YM_ERR_INIT;
		ym_sync_counts before = j->r->c;
		bool changed = false;
		int r = one(j, h, ecos.v[i], &changed, &e);
		int64_t records = (j->r->c.inserted - before.inserted) +
				  (j->r->c.updated - before.updated) +
				  (j->r->c.unchanged - before.unchanged);
		ym_buf_reset(&key);
		ym_buf_printf(&key, "osv:%s", ecos.v[i]);
		if (r) {
			ym_sync_log(j, _("%s: %s"), ecos.v[i], e.msg);
			if (!failed++)
				first = e;
		}
		fresh += changed;
		ym_buf_printf(&note, "%s%s%s", i ? ", " : "", ecos.v[i],
			      r ? _(" (failed)")
			      : changed ? "" : _(" (not modified)"));
		if (ym_sync_state_finish(j, key.ptr, r, &e,
					 changed ? "ok" : "not_modified",
					 records, NULL, &serr) &&
		    !failed++)
			first = serr;
	}
	snprintf(j->r->note, sizeof j->r->note, "%s", note.ptr);
	if (failed) {
		if (err)
			*err = first;
		rc = first.code ? first.code : YM_E_IO;
	} else if (!fresh) {
		j->r->status = YM_SYNC_NOT_MODIFIED;
	}
out:
	ym_http_free(h);
	ym_vec_release(&ecos);
	ym_buf_release(&note);
	ym_buf_release(&key);
	return rc;
}
