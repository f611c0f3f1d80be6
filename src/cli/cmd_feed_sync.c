/* cmd_feed_sync.c - yamori feed sync [SOURCE...]: vulnerability
 * intelligence over the network (src/sync/, docs/sync.md), then re-match
 * the ledger; yamori feed status: where every source stands. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd_feed_sync.h"
#include "core/arena.h"
#include "core/i18n.h"
#include "core/json.h"
#include "core/vec.h"
#include "match/match.h"
#include "store/feed_state.h"
#include "sync/sync.h"

static void sync_usage(void)
{
	printf(_("usage: yamori feed sync [SOURCE...] [options]\n"
		 "       yamori feed status\n"
		 "\n"
		 "sync fetches vulnerability intelligence over the network "
		 "and imports it.\nSOURCE is nvd, kev, epss, osv, jvn or csaf "
		 "(default: all of them). Every\nsource keeps a checkpoint "
		 "in the database: an interrupted sync resumes\nwhere it "
		 "stopped and a later sync fetches only what changed. One "
		 "source\nfailing does not stop the others. The ledger is "
		 "matched afterwards when\nvulnerability records changed, "
		 "unless --no-scan.\n"
		 "\n"
		 "  nvd   NVD CVE API 2.0: everything first, then changes by "
		 "lastModified\n"
		 "  kev   CISA KEV catalog (conditional GET)\n"
		 "  epss  FIRST EPSS daily scores (conditional GET)\n"
		 "  osv   OSV all.zip per ecosystem (resumed, conditional)\n"
		 "  jvn   MyJVN API: overviews since the last sync, then "
		 "details\n"
		 "  csaf  CSAF trusted providers: ROLIE feeds or directories, "
		 "SHA-2\n"
		 "        and OpenPGP (with gpg) checked\n"
		 "\n"
		 "options:\n"
		 "  --ecosystem ECO      osv: this ecosystem (repeatable): "
		 "PyPI, npm, ...;\n"
		 "                       default: the ledger's, else npm, "
		 "PyPI, Maven, Go,\n"
		 "                       crates.io, RubyGems, NuGet, "
		 "Packagist\n"
		 "  --jvn-cpe            jvn: ask only for the products (CPE "
		 "names) in the\n"
		 "                       ledger, one at a time\n"
		 "  --jvn-interval MS    jvn: milliseconds between requests "
		 "(default 1000)\n"
		 "  --csaf-provider P    csaf: a trusted provider, by the URL "
		 "of its\n"
		 "                       provider-metadata.json or by domain "
		 "(repeatable);\n"
		 "                       default: the providers synced "
		 "before\n"
		 "  --since YYYY-MM-DD   where a first sync starts (nvd: "
		 "instead of\n"
		 "                       everything; jvn: default 90 days "
		 "ago; csaf:\n"
		 "                       default every document)\n"
		 "  --full               forget checkpoints and cache "
		 "validators: start over\n"
		 "  --retries N          retries of a failed request "
		 "(default 4)\n"
		 "  --strict             a malformed record fails the "
		 "source\n"
		 "  --no-scan            do not match the ledger afterwards\n"
		 "  --cache-dir DIR      downloads (default "
		 "$YAMORI_CACHE_DIR, else\n"
		 "                       $XDG_CACHE_HOME/yamori or "
		 "~/.cache/yamori)\n"
		 "  --ca-file FILE       CA certificates to trust (a "
		 "TLS-inspecting proxy's);\n"
		 "                       default $YAMORI_CA_FILE, else the "
		 "system's\n"
		 "\n"
		 "environment:\n"
		 "  YAMORI_NVD_URL, YAMORI_KEV_URL, YAMORI_EPSS_URL, "
		 "YAMORI_OSV_URL,\n"
		 "  YAMORI_JVN_URL        base URL of a source (a mirror)\n"
		 "  YAMORI_NVD_API_KEY    NVD API key: 50 requests per 30 s "
		 "instead of 5\n"
		 "  https_proxy, http_proxy, no_proxy   proxy settings\n"
		 "\n"
		 "status lists every source: its last attempt and success, "
		 "checkpoint,\nrecords read by its last sync and what it "
		 "said.\n"));
}

/* ---- sync ---- */

/* The status words, translated in table output (ym_sync_status_name and
 * the feed_state status column). */
static const char *const STATUS_WORDS[] __attribute__((unused)) = {
	N_("ok"), N_("not_modified"), N_("skipped"), N_("failed"),
	N_("error"), N_("never")};

static void on_log(void *ctx, const char *source, const char *line)
{
	if (((ym_ctx *)ctx)->quiet)
		return;
	fprintf(stderr, "yamori: %s: %s\n", source, line);
}

static void on_problem(const ym_err *w, void *ctx, bool skipped)
{
	if (((ym_ctx *)ctx)->quiet)
		return;
	ym_buf b = YM_BUF_INIT;
	ym_err_format(w, &b);
	if (skipped)
		fprintf(stderr, _("yamori: skipped: %s\n"), b.ptr);
	else
		fprintf(stderr, _("yamori: warning: %s\n"), b.ptr);
	ym_buf_release(&b);
}

static void on_warn(const ym_err *w, void *ctx)
{
	on_problem(w, ctx, false);
}

static void on_skipped(const ym_err *w, void *ctx)
{
	on_problem(w, ctx, true);
}

static const char *num(char *buf, int64_t v)
{
	snprintf(buf, 24, "%lld", (long long)v);
	return buf;
}

static void print_json(const ym_sync_result *res, size_t n, bool scanned,
		       const ym_match_stats *ms, ym_buf *out)
{
	ym_jsonw w;
	ym_jsonw_init(&w, out, true);
	ym_jsonw_obj_begin(&w);
	ym_jsonw_key(&w, "sources");
	ym_jsonw_arr_begin(&w);
	for (size_t i = 0; i < n; i++) {
		const ym_sync_result *r = &res[i];
		ym_jsonw_obj_begin(&w);
		ym_jsonw_kstr(&w, "source", r->source);
		ym_jsonw_kstr(&w, "status", ym_sync_status_name(r->status));
		ym_jsonw_kint(&w, "requests", r->c.requests);
		ym_jsonw_kint(&w, "not_modified", r->c.not_modified);
		ym_jsonw_kint(&w, "retries", r->c.retries);
		ym_jsonw_kint(&w, "files", r->c.files);
		ym_jsonw_kint(&w, "inserted", r->c.inserted);
		ym_jsonw_kint(&w, "updated", r->c.updated);
		ym_jsonw_kint(&w, "unchanged", r->c.unchanged);
		ym_jsonw_kint(&w, "skipped", r->c.skipped);
		ym_jsonw_kint(&w, "rejected", r->c.rejected);
		ym_jsonw_kstr(&w, "note", r->note);
		if (r->status == YM_SYNC_FAILED) {
			ym_buf e = YM_BUF_INIT;
			ym_err_format(&r->err, &e);
			ym_jsonw_kstr(&w, "error", e.ptr);
			ym_buf_release(&e);
		}
		ym_jsonw_obj_end(&w);
	}
	ym_jsonw_arr_end(&w);
	ym_jsonw_key(&w, "scan");
	if (scanned) {
		ym_jsonw_obj_begin(&w);
		ym_jsonw_kint(&w, "findings", ms->findings);
		ym_jsonw_kint(&w, "new", ms->new_findings);
		ym_jsonw_kint(&w, "resolved", ms->resolved);
		ym_jsonw_obj_end(&w);
	} else {
		ym_jsonw_null(&w);
	}
	ym_jsonw_obj_end(&w);
	ym_buf_addc(out, '\n');
}

static void print_table(const ym_ctx *ctx, const ym_sync_result *res,
			size_t n, bool scanned, const ym_match_stats *ms,
			ym_buf *out)
{
	static const char *const keys[] = {
		"source", "status", "requests", "not_modified", "retries",
		"inserted", "updated", "unchanged", "skipped", "rejected",
		"note"};
	const char *headers[] = {
		_("SOURCE"), _("STATUS"), _("REQUESTS"), _("304"),
		_("RETRIES"), _("NEW"), _("UPDATED"), _("UNCHANGED"),
		_("SKIPPED"), _("REFUSED"), _("NOTE")};
	ym_table *t = ym_table_new(11, keys, headers);
	for (size_t c = 2; c <= 9; c++)
		ym_table_align_right(t, c);
	for (size_t i = 0; i < n; i++) {
		const ym_sync_result *r = &res[i];
		char b[8][24];
		const char *cells[] = {r->source,
				       ctx->format == YM_FMT_TABLE
					       ? _(ym_sync_status_name(
							 r->status))
					       : ym_sync_status_name(r->status),
				       num(b[0], r->c.requests),
				       num(b[1], r->c.not_modified),
				       num(b[2], r->c.retries),
				       num(b[3], r->c.inserted),
				       num(b[4], r->c.updated),
				       num(b[5], r->c.unchanged),
				       num(b[6], r->c.skipped),
				       num(b[7], r->c.rejected),
				       r->note};
		ym_table_add_row(t, cells);
	}
	ym_table_render(t, ctx->format, out);
	ym_table_free(t);
	if (scanned && ctx->format == YM_FMT_TABLE)
		ym_buf_printf(out,
			      _("%lld findings (%lld new, %lld resolved)\n"),
			      (long long)ms->findings,
			      (long long)ms->new_findings,
			      (long long)ms->resolved);
}

typedef YM_VEC(const char *) str_vec;

int ym_feed_sync_main(ym_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"ecosystem", required_argument, NULL, 'e'},
		{"jvn-cpe", no_argument, NULL, 'c'},
		{"jvn-interval", required_argument, NULL, 'i'},
		{"csaf-provider", required_argument, NULL, 'p'},
		{"since", required_argument, NULL, 'd'},
		{"full", no_argument, NULL, 'f'},
		{"retries", required_argument, NULL, 'r'},
		{"strict", no_argument, NULL, 's'},
		{"no-scan", no_argument, NULL, 'n'},
		{"cache-dir", required_argument, NULL, 'C'},
		{"ca-file", required_argument, NULL, 'A'},
		{0}};
	str_vec ecos = YM_VEC_INIT, providers = YM_VEC_INIT,
		names = YM_VEC_INIT;
	ym_sync_opts so = {.log = on_log,
			   .log_ctx = ctx,
			   .warn = on_warn,
			   .skipped = on_skipped,
			   .warn_ctx = ctx};
	bool scan = true;
	int c, rc = YM_EXIT_OK;
	char *end;

	if (ym_cli_wants_help(argc, argv)) {
		sync_usage();
		return YM_EXIT_OK;
	}
	optind = 0;
	opterr = 0;
	/* "-": sources come back as 1, before or after the options */
	while ((c = getopt_long(argc, argv, "-:", opts, NULL)) != -1) {
		switch (c) {
		case 1:
			if (ym_sync_source_index(optarg) < 0) {
				rc = ym_cli_usage(
					"feed",
					_("unknown feed source '%s' (known: "
					  "nvd, kev, epss, osv, jvn, csaf)"),
					optarg);
				goto out;
			}
			ym_vec_push(&names, optarg);
			break;
		case 'e':
			ym_vec_push(&ecos, optarg);
			break;
		case 'c':
			so.jvn_cpe = true;
			break;
		case 'i':
			so.jvn_interval_ms = strtol(optarg, &end, 10);
			if (*end || so.jvn_interval_ms <= 0 ||
			    so.jvn_interval_ms > 3600000) {
				rc = ym_cli_usage(
					"feed",
					_("--jvn-interval needs milliseconds, "
					  "not '%s'"),
					optarg);
				goto out;
			}
			break;
		case 'p':
			ym_vec_push(&providers, optarg);
			break;
		case 'd': {
			int y, m, d;
			char extra;
			if (sscanf(optarg, "%4d-%2d-%2d%c", &y, &m, &d,
				   &extra) != 3 ||
			    strlen(optarg) != 10 || m < 1 || m > 12 ||
			    d < 1 || d > 31) {
				rc = ym_cli_usage(
					"feed",
					_("--since needs YYYY-MM-DD, not '%s'"),
					optarg);
				goto out;
			}
			so.since = optarg;
			break;
		}
		case 'f':
			so.full = true;
			break;
		case 'r': {
			long n = strtol(optarg, &end, 10);
			if (*end || n < 0 || n > 20) {
				rc = ym_cli_usage(
					"feed",
					_("--retries needs a number from 0 to "
					  "20, not '%s'"),
					optarg);
				goto out;
			}
			so.max_attempts = (int)n + 1;
			break;
		}
		case 's':
			so.strict = true;
			break;
		case 'n':
			scan = false;
			break;
		case 'C':
			so.cache_dir = optarg;
			break;
		case 'A':
			so.ca_file = optarg;
			break;
		default:
			rc = ym_cli_bad_option("feed", c, argv);
			goto out;
		}
	}
	ym_vec_push(&names, NULL);
	ym_vec_push(&ecos, NULL);
	ym_vec_push(&providers, NULL);
	so.ecosystems = ecos.v;
	so.csaf_providers = providers.v;

	ym_sync_result results[YM_SYNC_NSOURCES];
	size_t n = 0;
	ym_err err = YM_ERR_INIT;
	int r = ym_sync_run(ctx->store, names.v, &so, results, &n, &err);
	if (r && r != YM_E_IO) {
		rc = ym_cli_fail(&err);
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		if (results[i].status != YM_SYNC_FAILED)
			continue;
		ym_buf b = YM_BUF_INIT;
		ym_err_format(&results[i].err, &b);
		fprintf(stderr, "yamori: %s: %s\n", results[i].source, b.ptr);
		ym_buf_release(&b);
		rc = YM_EXIT_FAIL;
	}

	/* KEV and EPSS change no finding's existence, only its risk */
	bool changed = false;
	for (size_t i = 0; i < n; i++)
		if (strcmp(results[i].source, "kev") != 0 &&
		    strcmp(results[i].source, "epss") != 0)
			changed = changed || results[i].c.inserted ||
				  results[i].c.updated;
	ym_match_stats ms = {0};
	bool scanned = scan && changed;
	if (scanned && ym_match_pending(ctx->store, &ms, &err)) {
		ym_cli_fail(&err);
		rc = YM_EXIT_FAIL;
		scanned = false;
	}
	ym_buf out = YM_BUF_INIT;
	if (ctx->format == YM_FMT_JSON)
		print_json(results, n, scanned, &ms, &out);
	else
		print_table(ctx, results, n, scanned, &ms, &out);
	ym_cli_out(&out);
	ym_buf_release(&out);
	/* new records, KEV and EPSS change decisions */
	if (rc == 0)
		rc = ym_cli_triage_after(ctx);
out:
	ym_vec_release(&ecos);
	ym_vec_release(&providers);
	ym_vec_release(&names);
	return rc;
}

/* ---- status ---- */

typedef struct status_ctx {
	ym_table *t;
	const ym_ctx *cli;
} status_ctx;

static int add_state(const ym_feed_state *st, void *ctx)
{
	status_ctx *sc = ctx;
	char rec[24];
	const char *status = st->status ? st->status : "";
	if (sc->cli->format == YM_FMT_TABLE && *status)
		status = _(status);
	const char *cells[] = {st->source,
			       status,
			       st->last_attempt,
			       st->last_success,
			       num(rec, st->records),
			       st->cursor,
			       st->message};
	ym_table_add_row(sc->t, cells);
	return 0;
}

int ym_feed_status_main(ym_ctx *ctx, int argc, char **argv)
{
	static const char *const keys[] = {"source",	   "status",
					   "last_attempt", "last_success",
					   "records",	   "cursor",
					   "message"};
	if (ym_cli_wants_help(argc, argv)) {
		sync_usage();
		return YM_EXIT_OK;
	}
	if (argc > 1) {
		if (argv[1][0] == '-')
			return ym_cli_usage("feed", _("unknown option '%s'"),
					    argv[1]);
		return ym_cli_usage("feed", "%s",
				    _("feed status takes no arguments"));
	}
	const char *headers[] = {_("SOURCE"),	    _("STATUS"),
				 _("LAST ATTEMPT"), _("LAST SUCCESS"),
				 _("RECORDS"),	    _("CURSOR"),
				 _("MESSAGE")};
	ym_table *t = ym_table_new(7, keys, headers);
	ym_table_align_right(t, 4);
	status_ctx sc = {.t = t, .cli = ctx};
	ym_err err = YM_ERR_INIT;
	ym_arena a;
	int rc = 0;
	ym_arena_init(&a, 0);
	for (int i = 0; !rc && i < YM_SYNC_NSOURCES; i++) {
		const char *name = ym_sync_source_names[i];
		ym_feed_state st;
		rc = ym_store_feed_state_get(ctx->store, name, &a, &st, &err);
		if (rc == YM_E_NOTFOUND) {
			memset(&st, 0, sizeof st);
			st.source = name;
			st.status = N_("never");
			rc = 0;
		}
		if (rc)
			break;
		add_state(&st, &sc);
		char prefix[16];
		snprintf(prefix, sizeof prefix, "%s:", name);
		rc = ym_store_feed_states_each(ctx->store, prefix, add_state,
					       &sc, &err);
	}
	ym_arena_release(&a);
	if (rc) {
		ym_table_free(t);
		return ym_cli_fail(&err);
	}
	ym_buf out = YM_BUF_INIT;
	ym_table_render(t, ctx->format, &out);
	ym_cli_out(&out);
	ym_buf_release(&out);
	ym_table_free(t);
	return YM_EXIT_OK;
}
