/* sync_csaf.c - CSAF 2.0 documents from trusted providers.
 *
 * A provider is named by the URL of its provider-metadata.json, or by a
 * domain (https://DOMAIN/.well-known/csaf/provider-metadata.json). Its
 * distributions are read in order: ROLIE feeds (distributions[].rolie.
 * feeds[].url; each entry links the document, its hash files and its
 * signature) and directories (distributions[].directory_url, with
 * changes.csv naming what changed when, else index.txt naming every
 * document). Only documents updated after the provider's cursor are
 * fetched. Each one is refused unless its .sha256 or .sha512 matches
 * (core/sha2.h); when gpg is installed its .asc signature must also be
 * good and made by a key the provider metadata lists (public_openpgp_
 * keys, imported into a keyring of the provider's own under the cache);
 * without gpg, signatures are not checked and a warning says so.
 *
 * State: one row "csaf:URL" per provider, cursor "updated=T" (the newest
 * update time seen). `feed sync csaf` without providers syncs every
 * provider synced before. A provider with a refused document fails and
 * keeps its cursor, so the next sync tries again.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/i18n.h"
#include "core/json.h"
#include "core/map.h"
#include "core/sha2.h"
#include "core/vec.h"
#include "net/http_url.h"
#include "sync/sync_gpg.h"
#include "sync/sync_int.h"

#define MAX_HASH_LINKS 4
#define MAX_DOCUMENT ((size_t)64 << 20) /* one CSAF document */

typedef YM_VEC(const char *) str_vec;

typedef struct provider {
	const char *url;      /* metadata URL, the row key after "csaf:" */
	char host[128];       /* its host, as a file name */
	ym_buf dir;           /* {cache}/csaf/<host> */
	ym_buf home;          /* gpg keyring directory */
	str_vec fprs;         /* listed key fingerprints, NULL-terminated */
	bool check_sigs;      /* gpg present and keys imported */
	int64_t cursor;       /* documents updated after this; 0: all */
	int64_t newest;       /* newest update time seen */
	int refused;          /* documents refused or failed */
	ym_err first;         /* the first of those failures */
	ym_map seen;          /* document URLs done in this run */
	ym_arena a;
} provider;

typedef struct csaf_run {
	ym_sync_job *j;
	ym_http *h;
	ym_buf gpg;           /* gpg's path, "" when none */
	bool have_gpg;
} csaf_run;

/* A document that could not be taken (or a feed that could not be
 * read, doc false): logged, remembered, documents counted. */
static void refuse_what(csaf_run *cr, provider *pv, const ym_err *e,
			bool doc)
{
	ym_buf b = YM_BUF_INIT;
	ym_err_format(e, &b);
	if (doc)
		ym_sync_log(cr->j, _("document refused: %s"), b.ptr);
	else
		ym_sync_log(cr->j, "%s", b.ptr);
	ym_buf_release(&b);
	if (doc)
		cr->j->r->c.rejected++;
	if (!pv->refused++)
		pv->first = *e;
}

static void refuse(csaf_run *cr, provider *pv, const ym_err *e)
{
	refuse_what(cr, pv, e, true);
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && strcasecmp(s + n - k, suffix) == 0;
}

/* Fetches a hash file and compares. 1: no such file (try another). */
static int check_hash(csaf_run *cr, const char *url, const char *doc_url,
		      const ym_buf *doc, ym_err *err)
{
	ym_buf body = YM_BUF_INIT;
	ym_err e = YM_ERR_INIT;
	bool is512 = ends_with(url, ".sha512");
	char want[129], got[129];
	uint8_t d[YM_SHA512_LEN];
	body.max = 64 << 10;
	int rc = ym_sync_get(cr->j, cr->h, url, NULL, &body, NULL, &e);
	if (rc == YM_E_NOTFOUND) {
		rc = 1;
		goto out;
	}
	if (rc) {
		*err = e;
		goto out;
	}
	if (ym_sync_hash_file_digest(body.ptr, body.len, is512 ? 128 : 64,
				     want)) {
		rc = ym_err_set(err, YM_E_INVALID, "%s",
				_("hash file holds no digest"));
		ym_err_at(err, url, 0, 0);
		goto out;
	}
	if (is512) {
		ym_sha512(doc->ptr, doc->len, d);
		ym_hex(d, YM_SHA512_LEN, got);
	} else {
		ym_sha256(doc->ptr, doc->len, d);
		ym_hex(d, YM_SHA256_LEN, got);
	}
	if (strcmp(want, got) != 0) {
		rc = ym_err_set(err, YM_E_INVALID,
				_("does not match its %s (%s)"),
				is512 ? "SHA-512" : "SHA-256", url);
		ym_err_at(err, doc_url, 0, 0);
	}
out:
	ym_buf_release(&body);
	return rc;
}

static void doc_file(provider *pv, const char *url, ym_buf *out)
{
	/* the last two path segments: "2024_esa-2024-001.json" */
	const char *q = strpbrk(url, "?#");
	size_t n = q ? (size_t)(q - url) : strlen(url);
	size_t start = n, slashes = 0;
	while (start > 0 && slashes < 2) {
		if (url[start - 1] == '/' && ++slashes == 2)
			break;
		start--;
	}
	char name[200];
	ym_sync_safe_name(url + start, n - start, name, sizeof name);
	ym_buf_printf(out, "%s/docs/%s", pv->dir.ptr, name);
}

/* One document: fetch, hash, signature, import. Failures of the document
 * itself are refusals (the run goes on); only store errors stop it. */
static int document(csaf_run *cr, provider *pv, const char *url,
		    const char *const *hashes, size_t n_hashes,
		    const char *sig_url, ym_err *err)
{
	ym_sync_job *j = cr->j;
	ym_buf body = YM_BUF_INIT, path = YM_BUF_INIT, tmp = YM_BUF_INIT;
	ym_buf sig = YM_BUF_INIT;
	ym_err e = YM_ERR_INIT;
	int rc = 0;
	bool found;
	void **slot = ym_map_slot(&pv->seen, url, strlen(url), &found);
	if (found)
		return 0;
	*slot = (void *)url;

	body.max = MAX_DOCUMENT;
	if ((rc = ym_sync_get(j, cr->h, url, NULL, &body, NULL, &e)))
		goto refused;
	/* SHA-256 or SHA-512: the links given, else the usual names */
	int hr = 1;
	for (size_t i = 0; hr == 1 && i < n_hashes; i++)
		hr = check_hash(cr, hashes[i], url, &body, &e);
	const char *exts[] = {".sha256", ".sha512"};
	for (int i = 0; hr == 1 && !n_hashes && i < 2; i++) {
		ym_buf_reset(&tmp);
		ym_buf_printf(&tmp, "%s%s", url, exts[i]);
		hr = check_hash(cr, tmp.ptr, url, &body, &e);
	}
	if (hr == 1) {
		ym_err_set(&e, YM_E_INVALID, "%s",
			   _("no .sha256 or .sha512 file for the document"));
		ym_err_at(&e, url, 0, 0);
	}
	if (hr) {
		rc = e.code ? e.code : YM_E_INVALID;
		goto refused;
	}
	doc_file(pv, url, &path);
	if ((rc = ym_sync_write_file(path.ptr, body.ptr, body.len, &e)))
		goto refused;
	if (pv->check_sigs) {
		ym_buf_reset(&tmp);
		if (sig_url)
			ym_buf_adds(&tmp, sig_url);
		else
			ym_buf_printf(&tmp, "%s.asc", url);
		sig.max = 1 << 20;
		rc = ym_sync_get(j, cr->h, tmp.ptr, NULL, &sig, NULL, &e);
		if (rc == YM_E_NOTFOUND) {
			ym_sync_log(j, _("%s: no OpenPGP signature (.asc)"),
				    url);
			rc = 0;
		} else if (rc) {
			goto refused;
		} else {
			ym_buf_reset(&tmp);
			ym_buf_printf(&tmp, "%s.asc", path.ptr);
			rc = ym_sync_write_file(tmp.ptr, sig.ptr, sig.len, &e);
			if (!rc)
				rc = ym_sync_gpg_verify(
					cr->gpg.ptr, pv->home.ptr, tmp.ptr,
					path.ptr,
					(const char *const *)pv->fprs.v, &e);
			if (rc) {
				ym_err_at(&e, url, 0, 0);
				goto refused;
			}
		}
	}
	rc = ym_sync_import(j, path.ptr, NULL, NULL, &e);
	if (rc == YM_E_STORE) {
		*err = e;
		goto out;
	}
	if (rc)
		goto refused;
	goto out;
refused:
	refuse(cr, pv, &e);
	rc = 0;
out:
	ym_buf_release(&body);
	ym_buf_release(&path);
	ym_buf_release(&tmp);
	ym_buf_release(&sig);
	return rc;
}

/* Whether a document updated at `updated` is to be fetched. */
static bool wanted(provider *pv, const char *updated)
{
	int64_t t;
	if (!updated || ym_sync_time_parse(updated, &t))
		return true; /* no usable date: always */
	if (t > pv->newest)
		pv->newest = t;
	return t > pv->cursor;
}

static int get_json(csaf_run *cr, const char *url, ym_arena *a,
		    const ym_json **out, ym_err *err)
{
	ym_buf body = YM_BUF_INIT;
	body.max = 64 << 20;
	int rc = ym_sync_get(cr->j, cr->h, url, NULL, &body, NULL, err);
	if (!rc) {
		*out = ym_json_parse(a, body.ptr, body.len, NULL, url, err);
		if (!*out)
			rc = err && err->code ? err->code : YM_E_PARSE;
	}
	ym_buf_release(&body);
	return rc;
}

static int rolie_feed(csaf_run *cr, provider *pv, const char *url,
		      ym_err *err)
{
	const ym_json *doc = NULL;
	ym_err e = YM_ERR_INIT;
	int rc = get_json(cr, url, &pv->a, &doc, &e);
	if (rc) {
		refuse_what(cr, pv, &e, false);
		return 0;
	}
	const ym_json *entries = ym_json_get(ym_json_get(doc, "feed"),
					     "entry");
	for (size_t i = 0; i < ym_json_len(entries); i++) {
		const ym_json *en = ym_json_at(entries, i);
		const char *self = NULL, *sig = NULL;
		const char *hashes[MAX_HASH_LINKS];
		size_t nh = 0;
		const ym_json *links = ym_json_get(en, "link");
		for (size_t k = 0; k < ym_json_len(links); k++) {
			const ym_json *l = ym_json_at(links, k);
			const char *rel = ym_json_string(ym_json_get(l, "rel"));
			const char *href =
				ym_json_string(ym_json_get(l, "href"));
			if (!rel || !href)
				continue;
			if (strcmp(rel, "self") == 0)
				self = href;
			else if (strcmp(rel, "signature") == 0)
				sig = href;
			else if (strcmp(rel, "hash") == 0 &&
				 nh < MAX_HASH_LINKS)
				hashes[nh++] = href;
		}
		if (!self)
			self = ym_json_string(
				ym_json_get(ym_json_get(en, "content"), "src"));
		if (!self)
			continue;
		if (!wanted(pv, ym_json_string(ym_json_get(en, "updated"))))
			continue;
		if ((rc = document(cr, pv, self, hashes, nh, sig, err)))
			return rc;
	}
	return 0;
}

/* A path from changes.csv or index.txt: relative, no "..". */
static bool safe_rel(const char *p)
{
	if (!*p || *p == '/' || strstr(p, "://") || strstr(p, ".."))
		return false;
	return true;
}

/* changes.csv: "path","time" per line (quotes optional). */
static int directory(csaf_run *cr, provider *pv, const char *dir_url,
		     ym_err *err)
{
	ym_buf base = YM_BUF_INIT, url = YM_BUF_INIT, body = YM_BUF_INIT;
	ym_err e = YM_ERR_INIT;
	bool changes = true;
	int rc;
	ym_buf_adds(&base, dir_url);
	if (base.len && base.ptr[base.len - 1] != '/')
		ym_buf_addc(&base, '/');
	body.max = 64 << 20;
	ym_buf_printf(&url, "%schanges.csv", base.ptr);
	rc = ym_sync_get(cr->j, cr->h, url.ptr, NULL, &body, NULL, &e);
	if (rc == YM_E_NOTFOUND) {
		changes = false;
		ym_err_clear(&e);
		ym_buf_reset(&url);
		ym_buf_printf(&url, "%sindex.txt", base.ptr);
		rc = ym_sync_get(cr->j, cr->h, url.ptr, NULL, &body, NULL, &e);
	}
	if (rc) {
		refuse_what(cr, pv, &e, false);
		rc = 0;
		goto out;
	}
	for (char *line = body.ptr; line && *line;) {
		char *nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		size_t n = strlen(line);
		if (n && line[n - 1] == '\r')
			line[--n] = '\0';
		char *path = line, *when = NULL;
		if (changes) {
			char *comma = strchr(line, ',');
			if (comma) {
				*comma = '\0';
				when = comma + 1;
			}
		}
		const char *fields[2] = {path, when};
		for (int f = 0; f < 2; f++) {
			char *s = (char *)fields[f];
			if (!s)
				continue;
			size_t l = strlen(s);
			if (l >= 2 && s[0] == '"' && s[l - 1] == '"') {
				s[l - 1] = '\0';
				memmove(s, s + 1, l - 1);
			}
		}
		line = nl ? nl + 1 : NULL;
		if (!*path || !safe_rel(path))
			continue;
		if (changes && !wanted(pv, when))
			continue;
		ym_buf_reset(&url);
		ym_buf_printf(&url, "%s%s", base.ptr, path);
		const char *doc = ym_arena_strdup(&pv->a, url.ptr);
		if ((rc = document(cr, pv, doc, NULL, 0, NULL, err)))
			goto out;
	}
out:
	ym_buf_release(&base);
	ym_buf_release(&url);
	ym_buf_release(&body);
	return rc;
}

/* Downloads and imports the provider's listed keys into its keyring. */
static void import_keys(csaf_run *cr, provider *pv, const ym_json *meta)
{
	ym_sync_job *j = cr->j;
	const ym_json *keys = ym_json_get(meta, "public_openpgp_keys");
	ym_buf path = YM_BUF_INIT, sub = YM_BUF_INIT;
	ym_err e = YM_ERR_INIT;
	size_t imported = 0;
	ym_buf_printf(&sub, "csaf/%s/gnupg", pv->host);
	if (ym_sync_cache_dir(j, sub.ptr, &pv->home, &e)) {
		ym_sync_log(j, _("OpenPGP keyring unusable: %s"), e.msg);
		goto out;
	}
	for (size_t i = 0; i < ym_json_len(keys); i++) {
		const ym_json *k = ym_json_at(keys, i);
		const char *fpr = ym_json_string(ym_json_get(k, "fingerprint"));
		const char *url = ym_json_string(ym_json_get(k, "url"));
		if (fpr)
			ym_vec_push(&pv->fprs, fpr);
		if (!url)
			continue;
		ym_buf key = YM_BUF_INIT;
		key.max = 1 << 20;
		ym_err_clear(&e);
		int rc = ym_sync_get(j, cr->h, url, NULL, &key, NULL, &e);
		char name[80];
		ym_sync_safe_name(fpr ? fpr : "key", fpr ? strlen(fpr) : 3,
				  name, sizeof name);
		ym_buf_reset(&path);
		ym_buf_printf(&path, "%s/key-%s-%zu.asc", pv->home.ptr, name,
			      i);
		if (!rc)
			rc = ym_sync_write_file(path.ptr, key.ptr, key.len, &e);
		if (!rc)
			rc = ym_sync_gpg_import(cr->gpg.ptr, pv->home.ptr,
						path.ptr, &e);
		ym_buf_release(&key);
		if (rc) {
			ym_buf b = YM_BUF_INIT;
			ym_err_format(&e, &b);
			ym_sync_log(j, _("OpenPGP key not imported: %s"),
				    b.ptr);
			ym_buf_release(&b);
			continue;
		}
		imported++;
	}
	if (!imported)
		ym_sync_log(j,
			    _("%s lists no usable OpenPGP key: documents whose "
			      "signature cannot be checked are refused"),
			    pv->url);
	pv->check_sigs = true;
out:
	ym_vec_push(&pv->fprs, NULL);
	ym_buf_release(&path);
	ym_buf_release(&sub);
}

static void host_of(const char *url, char *out, size_t n)
{
	const char *p = strstr(url, "://");
	p = p ? p + 3 : url;
	size_t len = strcspn(p, "/?#");
	ym_sync_safe_name(p, len, out, n);
}

static int provider_sync(csaf_run *cr, const char *url, ym_err *err)
{
	ym_sync_job *j = cr->j;
	provider pv = {.url = url};
	ym_feed_state st;
	ym_buf key = YM_BUF_INIT, cur = YM_BUF_INIT;
	ym_err e = YM_ERR_INIT, serr = YM_ERR_INIT;
	char v[64];
	const ym_json *meta = NULL;
	int rc;
	ym_sync_counts before = j->r->c;
	ym_buf_init(&pv.dir, 0);
	ym_buf_init(&pv.home, 0);
	ym_map_init(&pv.seen);
	ym_arena_init(&pv.a, 0);
	ym_buf_printf(&key, "csaf:%s", url);
	snprintf(j->label, sizeof j->label, _("syncing csaf %s"), url);
	if ((rc = ym_sync_state_load(j, key.ptr, &st, err)))
		goto out;
	host_of(url, pv.host, sizeof pv.host);
	ym_buf_printf(&cur, "csaf/%s", pv.host);
	rc = ym_sync_cache_dir(j, cur.ptr, &pv.dir, err);
	if (!rc) {
		ym_buf_reset(&cur);
		ym_buf_printf(&cur, "csaf/%s/docs", pv.host);
		ym_buf tmp = YM_BUF_INIT;
		rc = ym_sync_cache_dir(j, cur.ptr, &tmp, err);
		ym_buf_release(&tmp);
	}
	if (rc)
		goto out;
	if (!j->o->full && ym_sync_kv_get(st.cursor, "updated", v, sizeof v))
		ym_sync_time_parse(v, &pv.cursor);
	else if (j->o->since)
		ym_sync_time_parse(j->o->since, &pv.cursor);

	rc = get_json(cr, url, &pv.a, &meta, &e);
	if (!rc && !ym_json_is(ym_json_get(meta, "distributions"),
			       YM_JSON_ARRAY)) {
		rc = ym_err_set(&e, YM_E_INVALID, "%s",
				_("not a CSAF provider-metadata.json (no "
				  "distributions)"));
		ym_err_at(&e, url, 0, 0);
	}
	if (rc) {
		pv.refused++;
		pv.first = e;
		goto finish;
	}
	if (cr->have_gpg)
		import_keys(cr, &pv, meta);
	const ym_json *dists = ym_json_get(meta, "distributions");
	for (size_t i = 0; !rc && i < ym_json_len(dists); i++) {
		const ym_json *d = ym_json_at(dists, i);
		const ym_json *feeds =
			ym_json_get(ym_json_get(d, "rolie"), "feeds");
		for (size_t k = 0; !rc && k < ym_json_len(feeds); k++) {
			const char *f = ym_json_string(
				ym_json_get(ym_json_at(feeds, k), "url"));
			if (f)
				rc = rolie_feed(cr, &pv, f, err);
		}
		const char *dir =
			ym_json_string(ym_json_get(d, "directory_url"));
		if (!rc && dir)
			rc = directory(cr, &pv, dir, err);
	}
	if (rc)
		goto out;
finish:
	if (!pv.refused && pv.newest > pv.cursor) {
		char t[32];
		ym_sync_time_iso(pv.newest, t);
		ym_buf_reset(&cur);
		ym_sync_kv_add(&cur, "updated", t);
		st.cursor = cur.ptr;
		rc = ym_store_feed_state_put(j->store, &st, err);
		if (rc)
			goto out;
	}
	if (pv.refused > 1) {
		ym_buf b = YM_BUF_INIT;
		ym_err_format(&pv.first, &b);
		ym_err_set(&e, pv.first.code ? pv.first.code : YM_E_INVALID,
			   _("%d failures, the first: %s"), pv.refused,
			   b.ptr);
		ym_buf_release(&b);
	} else if (pv.refused) {
		e = pv.first;
	}
	int64_t records = (j->r->c.inserted - before.inserted) +
			  (j->r->c.updated - before.updated) +
			  (j->r->c.unchanged - before.unchanged);
	rc = pv.refused ? (e.code ? e.code : YM_E_INVALID) : 0;
	if (ym_sync_state_finish(j, key.ptr, rc, &e, "ok", records, NULL,
				 &serr)) {
		e = serr;
		if (!rc)
			rc = serr.code;
	}
	if (rc)
		*err = e;
out:
	ym_buf_release(&key);
	ym_buf_release(&cur);
	ym_buf_release(&pv.dir);
	ym_buf_release(&pv.home);
	ym_vec_release(&pv.fprs);
	ym_map_release(&pv.seen);
	ym_arena_release(&pv.a);
	return rc;
}

typedef struct known_ctx {
	ym_arena *a;
	str_vec *list;
} known_ctx;

static int known_provider(const ym_feed_state *st, void *ctx)
{
	known_ctx *kc = ctx;
	ym_vec_push(kc->list, ym_arena_strdup(kc->a, st->source + 5));
	return 0;
}

/* A domain becomes its well-known metadata URL. */
static const char *metadata_url(ym_arena *a, const char *p)
{
	if (strncasecmp(p, "https://", 8) == 0 ||
	    strncasecmp(p, "http://", 7) == 0)
		return p;
	return ym_arena_printf(a,
			       "https://%s/.well-known/csaf/"
			       "provider-metadata.json",
			       p);
}

int ym_sync_csaf(ym_sync_job *j, ym_err *err)
{
	csaf_run cr = {.j = j};
	str_vec providers = YM_VEC_INIT;
	ym_buf_init(&cr.gpg, 0);
	ym_buf note = YM_BUF_INIT;
	ym_err first = YM_ERR_INIT;
	int rc = 0, failed = 0;

	if (j->o->csaf_providers && j->o->csaf_providers[0]) {
		for (size_t i = 0; j->o->csaf_providers[i]; i++)
			ym_vec_push(&providers,
				    metadata_url(&j->arena,
						 j->o->csaf_providers[i]));
	} else {
		known_ctx kc = {.a = &j->arena, .list = &providers};
		rc = ym_store_feed_states_each(j->store, "csaf:",
					       known_provider, &kc, err);
		if (rc)
			goto out;
	}
	if (providers.n == 0) {
		j->r->status = YM_SYNC_SKIPPED;
		snprintf(j->r->note, sizeof j->r->note, "%s",
			 _("no CSAF provider (--csaf-provider)"));
		goto out;
	}
	cr.have_gpg = ym_sync_gpg_find(&cr.gpg);
	if (!cr.have_gpg)
		ym_sync_log(j, "%s",
			    _("gpg not found: OpenPGP signatures of CSAF "
			      "documents are not checked (hashes are)"));
	cr.h = ym_sync_http_new(j, NULL, err);
	if (!cr.h) {
		rc = err ? err->code : YM_E_IO;
		goto out;
	}
	for (size_t i = 0; i < providers.n; i++) {
		ym_err e = YM_ERR_INIT;
		int r = provider_sync(&cr, providers.v[i], &e);
		if (r) {
			if (!failed++)
				first = e;
			if (r == YM_E_STORE)
				break;
		}
	}
	ym_buf_printf(&note, "%zu %s", providers.n,
		      providers.n == 1 ? _("provider") : _("providers"));
	if (j->r->c.rejected)
		ym_buf_printf(&note, _(", %lld documents refused"),
			      (long long)j->r->c.rejected);
	if (!cr.have_gpg)
		ym_buf_adds(&note, _(", signatures not checked (no gpg)"));
	snprintf(j->r->note, sizeof j->r->note, "%s", note.ptr);
	if (failed) {
		if (err)
			*err = first;
		rc = first.code ? first.code : YM_E_IO;
	}
out:
	ym_http_free(cr.h);
	ym_buf_release(&cr.gpg);
	ym_vec_release(&providers);
	ym_buf_release(&note);
	return rc;
}
