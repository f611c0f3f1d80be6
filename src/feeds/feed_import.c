/* feed_import.c - files in, parser, store out: one transaction for the
 * whole import. Also where a record naming several CVEs becomes one
 * source record per CVE (each CVE is its own vulnerability). */
#include "feeds/feed_import.h"

#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/i18n.h"
#include "core/vec.h"
#include "feeds/csaf.h"
#include "feeds/cve5.h"
#include "feeds/epss.h"
#include "feeds/feed_input.h"
#include "feeds/jvn.h"
#include "feeds/jvn_checksum.h"
#include "feeds/kev.h"
#include "feeds/nvd.h"
#include "feeds/osv.h"

static const char *const JSON[] = {".json", NULL};
static const char *const XML[] = {".xml", ".rdf", NULL};
static const char *const CSV[] = {".csv", NULL};

static const ym_feed_format FORMATS[] = {
	{"nvd", N_("NVD CVE API 2.0 JSON (pages, .json.gz)"), ym_nvd_parse,
	 JSON, NULL},
	{"cve5", N_("CVE JSON 5.x records with ADP containers (cvelistV5, "
		    "vulnrichment)"),
	 ym_cve5_parse, JSON, NULL},
	{"jvn", N_("JVN iPedia: MyJVN API lists and details, yearly "
		   "jvndb_detail_YYYY.rdf"),
	 ym_jvn_parse, XML, ym_jvn_checksum_beside},
	{"kev", N_("CISA Known Exploited Vulnerabilities JSON"), ym_kev_parse,
	 JSON, NULL},
	{"epss", N_("FIRST EPSS scores CSV (.csv, .csv.gz)"), ym_epss_parse,
	 CSV, NULL},
	{"osv", N_("OSV JSON (records, directories, all.zip)"), ym_osv_parse,
	 JSON, NULL},
	{"csaf", N_("CSAF 2.0 JSON advisories and VEX"), ym_csaf_parse, JSON, NULL},
	{NULL, NULL, NULL, NULL, NULL},
};

const ym_feed_format *ym_feed_formats(void)
{
	return FORMATS;
}

const ym_feed_format *ym_feed_format_find(const char *name)
{
	for (const ym_feed_format *f = FORMATS; f->name; f++)
		if (strcmp(f->name, name) == 0)
			return f;
	return NULL;
}

typedef struct import_ctx {
	ym_store *store;
	ym_import_stats *stats;
	const ym_feed_opts *user;
	const ym_feed_format *fmt;
	ym_feed_ctx fc;
	ym_arena arena;
} import_ctx;

static void count(import_ctx *ic, ym_put_result res)
{
	if (res == YM_PUT_INSERTED)
		ic->stats->inserted++;
	else if (res == YM_PUT_UPDATED)
		ic->stats->updated++;
	else
		ic->stats->unchanged++;
}

static void on_warn(const ym_err *w, void *ctx)
{
	import_ctx *ic = ctx;
	ic->stats->warnings++;
	if (ic->user && ic->user->warn)
		ic->user->warn(w, ic->user->warn_ctx);
}

static void on_skip(const ym_err *e, void *ctx)
{
	import_ctx *ic = ctx;
	ic->stats->skipped++;
	if (ic->user && ic->user->skipped)
		ic->user->skipped(e, ic->user->warn_ctx);
}

static bool is_cve(const char *s)
{
	return s && strncmp(s, "CVE-", 4) == 0;
}

static int put_one(import_ctx *ic, const ym_vuln *v, ym_put_result *res,
		   ym_err *err)
{
	int rc = ym_store_vuln_put(ic->store, v, res, err);
	if (rc)
		ym_err_record(err, v->vuln_id);
	return rc;
}

/* A record naming several CVEs (a JVNDB entry, a GHSA) is stored once per
 * CVE, keyed "RECORD#CVE-...", each copy listing only its own CVE among
 * its aliases, so no CVE is folded into another. */
static int on_vuln(const ym_vuln *v, void *ctx, ym_err *err)
{
	import_ctx *ic = ctx;
	YM_VEC(const char *) cves = YM_VEC_INIT;
	if (is_cve(v->vuln_id))
		ym_vec_push(&cves, v->vuln_id);
	for (size_t i = 0; v->aliases && v->aliases[i]; i++) {
		bool dup = false;
		for (size_t j = 0; j < cves.n; j++)
			dup = dup || strcmp(cves.v[j], v->aliases[i]) == 0;
		if (is_cve(v->aliases[i]) && !dup)
			ym_vec_push(&cves, v->aliases[i]);
	}
	int rc;
	ym_put_result res, all = YM_PUT_UNCHANGED;
	if (v->identity || cves.n <= 1 || is_cve(v->vuln_id)) {
		ym_vec_release(&cves);
		rc = put_one(ic, v, &res, err);
		if (!rc)
			count(ic, res);
		return rc;
	}
	size_t n_al = 0;
	while (v->aliases[n_al])
		n_al++;
	const char **al = ym_arena_alloc(&ic->arena, (n_al + 1) * sizeof *al);
	const char *record = v->record_id ? v->record_id : v->vuln_id;
	rc = 0;
	for (size_t c = 0; c < cves.n && !rc; c++) {
		size_t k = 0;
		for (size_t i = 0; i < n_al; i++)
			if (!is_cve(v->aliases[i]) ||
			    strcmp(v->aliases[i], cves.v[c]) == 0)
				al[k++] = v->aliases[i];
		al[k] = NULL;
		ym_vuln copy = *v;
		copy.aliases = al;
		copy.identity = cves.v[c];
		copy.record_id = ym_arena_printf(&ic->arena, "%s#%s", record,
						 cves.v[c]);
		rc = put_one(ic, &copy, &res, err);
		/* counted once per feed record: new if any part is new */
		if (res < all)
			all = res;
	}
	ym_vec_release(&cves);
	if (!rc)
		count(ic, all);
	return rc;
}

static int on_kev(const ym_kev_entry *k, void *ctx, ym_err *err)
{
	import_ctx *ic = ctx;
	ym_put_result res;
	int rc = ym_store_kev_put(ic->store, k, &res, err);
	if (rc) {
		ym_err_record(err, k->cve_id);
		return rc;
	}
	count(ic, res);
	return 0;
}

static int on_epss(const ym_epss_entry *e, void *ctx, ym_err *err)
{
	import_ctx *ic = ctx;
	ym_put_result res;
	int rc = ym_store_epss_put(ic->store, e, &res, err);
	if (rc) {
		ym_err_record(err, e->cve_id);
		return rc;
	}
	count(ic, res);
	return 0;
}

static int on_file(const char *name, const char *data, size_t len,
		   bool named, void *ctx, ym_err *err)
{
	import_ctx *ic = ctx;
	if (ic->fmt->verify) {
		int vrc = ic->fmt->verify(name, data, len, err);
		if (vrc)
			return vrc;
	}
	int rc = ic->fmt->parse(data, len, name, &ic->arena, &ic->fc, err);
	ym_arena_reset(&ic->arena);
	/* A file met in a directory or an archive that is not this feed at
	 * all (another document type, a broken download) is skipped and
	 * reported like a malformed record; a file the user named, a store
	 * error, or --strict stops the import. */
	if (rc && !named && !ic->fc.strict && rc != YM_E_STORE &&
	    rc != YM_E_NOMEM && rc != YM_E_IO) {
		if (err && !err->file[0])
			ym_err_at(err, name, 0, 0);
		ic->stats->skipped_files++;
		if (ic->user && ic->user->skipped)
			ic->user->skipped(err, ic->user->warn_ctx);
		ym_err_clear(err);
		return 0;
	}
	if (rc) {
		/* a store error has no file yet: say which */
		if (err && !err->file[0])
			ym_err_at(err, name, 0, 0);
		return rc;
	}
	ic->stats->files++;
	return 0;
}

int ym_feed_import(ym_store *s, const ym_feed_format *fmt,
		   const char *const *paths, int n_paths,
		   const ym_feed_opts *opts, ym_import_stats *stats,
		   ym_err *err)
{
	import_ctx ic = {.store = s, .stats = stats, .user = opts, .fmt = fmt};
	memset(stats, 0, sizeof *stats);
	ic.fc = (ym_feed_ctx){.strict = opts && opts->strict,
			      .vuln = on_vuln,
			      .kev = on_kev,
			      .epss = on_epss,
			      .warn = on_warn,
			      .skip = on_skip,
			      .ctx = &ic};
	ym_arena_init(&ic.arena, 0);
	int rc = ym_store_begin(s, err);
	if (rc)
		goto out;
	char label[128];
	snprintf(label, sizeof label, _("importing %s"), fmt->name);
	ym_feed_input in = {.suffixes = fmt->suffixes,
			    .fn = on_file,
			    .ctx = &ic,
			    .progress_label = opts && opts->progress ? label
								     : NULL};
	rc = ym_feed_input_each(&in, paths, n_paths, err);
	if (rc)
		ym_store_rollback(s);
	else
		rc = ym_store_commit(s, err);
out:
	ym_arena_release(&ic.arena);
	return rc;
}
