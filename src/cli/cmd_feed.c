/* cmd_feed.c - yamori feed import SOURCE PATH...: vulnerability
 * intelligence into the store, then re-match the ledger. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cmd_feed_sync.h"
#include "core/i18n.h"
#include "core/json.h"
#include "feeds/bundle.h"
#include "feeds/feed_import.h"
#include "match/match.h"

/* The formatted problem, or NULL when --quiet. */
static char *problem_text(const ym_err *w, void *ctx, ym_buf *b)
{
	if (((ym_ctx *)ctx)->quiet)
		return NULL;
	ym_err_format(w, b);
	return b->ptr;
}

static void print_warning(const ym_err *w, void *ctx)
{
	ym_buf b = YM_BUF_INIT;
	const char *text = problem_text(w, ctx, &b);
	if (text)
		fprintf(stderr, _("yamori: warning: %s\n"), text);
	ym_buf_release(&b);
}

static void print_skipped(const ym_err *w, void *ctx)
{
	ym_buf b = YM_BUF_INIT;
	const char *text = problem_text(w, ctx, &b);
	if (text)
		fprintf(stderr, _("yamori: skipped: %s\n"), text);
	ym_buf_release(&b);
}

static void usage(void)
{
	printf(_("usage: yamori feed import SOURCE PATH... [--strict] "
		 "[--no-scan]\n"
		 "       yamori feed sync [SOURCE...] (see feed sync --help)\n"
		 "       yamori feed status\n"
		 "       yamori feed export-bundle FILE [--since YYYY-MM-DD]\n"
		 "       yamori feed import-bundle FILE [--no-scan]\n"
		 "\n"
		 "Imports vulnerability intelligence. PATH is a file, a "
		 "directory (searched\nfor the source's files), a compressed "
		 "file (.gz, .xz, .bz2) or an archive\n(.zip, .tar.gz). The "
		 "whole import is one transaction. A malformed record\nis "
		 "skipped and reported with its file, line and record id; "
		 "with --strict\nit rolls the import back. Importing the same "
		 "data twice changes nothing;\na record older than the one "
		 "stored is left alone. The ledger is matched\nafterwards "
		 "when records changed, unless --no-scan.\n"
		 "\n"
		 "\n"
		 "export-bundle writes everything the store knows (every "
		 "source's records,\nKEV, EPSS) into one .tar.gz with a "
		 "manifest of counts and SHA-256\nsums, for a closed network; "
		 "import-bundle verifies all of it before\nwriting anything "
		 "and imports it in one transaction.\n"
		 "\n"
		 "Sources:\n"));
	for (const ym_feed_format *f = ym_feed_formats(); f->name; f++)
		printf("  %-6s %s\n", f->name, _(f->label));
}

static void known_sources(ym_buf *b)
{
	for (const ym_feed_format *f = ym_feed_formats(); f->name; f++)
		ym_buf_printf(b, "%s%s", f == ym_feed_formats() ? "" : ", ",
			      f->name);
}

static void print_stats(ym_ctx *ctx, const ym_feed_format *fmt,
			const ym_import_stats *st, bool scanned,
			const ym_match_stats *ms)
{
	ym_buf out = YM_BUF_INIT;
	if (ctx->format == YM_FMT_JSON) {
		ym_jsonw w;
		ym_jsonw_init(&w, &out, true);
		ym_jsonw_obj_begin(&w);
		ym_jsonw_kstr(&w, "source", fmt->name);
		ym_jsonw_kint(&w, "files", st->files);
		ym_jsonw_kint(&w, "inserted", st->inserted);
		ym_jsonw_kint(&w, "updated", st->updated);
		ym_jsonw_kint(&w, "unchanged", st->unchanged);
		ym_jsonw_kint(&w, "skipped", st->skipped);
		ym_jsonw_kint(&w, "skipped_files", st->skipped_files);
		ym_jsonw_kint(&w, "warnings", st->warnings);
		ym_jsonw_kint(&w, "findings", ms->findings);
		ym_jsonw_obj_end(&w);
		ym_buf_addc(&out, '\n');
	} else {
		ym_buf_printf(&out,
			      _("%s: %lld files, %lld new, %lld updated, "
				"%lld unchanged\n"),
			      fmt->name, (long long)st->files,
			      (long long)st->inserted, (long long)st->updated,
			      (long long)st->unchanged);
		if (st->skipped)
			ym_buf_printf(&out, _("  %lld skipped\n"),
				      (long long)st->skipped);
		if (st->skipped_files)
			ym_buf_printf(&out, _("  %lld files skipped\n"),
				      (long long)st->skipped_files);
		if (st->warnings)
			ym_buf_printf(&out, _("  %lld warnings\n"),
				      (long long)st->warnings);
		if (scanned)
			ym_buf_printf(&out,
				      _("  %lld findings (%lld new, %lld "
					"resolved)\n"),
				      (long long)ms->findings,
				      (long long)ms->new_findings,
				      (long long)ms->resolved);
	}
	ym_cli_out(&out);
	ym_buf_release(&out);
}

static int feed_import(ym_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"no-scan", no_argument, NULL, 'n'},
		{"strict", no_argument, NULL, 's'},
		{0}};
	bool scan = true;
	ym_feed_opts fo = {.warn = print_warning,
			   .skipped = print_skipped,
			   .warn_ctx = ctx,
			   .progress = !ctx->quiet};
	ym_err err = YM_ERR_INIT;
	int c;
	/* the source is the first word that is not an option, wherever it
	 * stands: move it to argv[1] */
	for (int i = 1; i < argc; i++) {
		if (argv[i][0] == '-')
			continue;
		char *src = argv[i];
		memmove(argv + 2, argv + 1, (size_t)(i - 1) * sizeof *argv);
		argv[1] = src;
		break;
	}
	if (argc < 2 || argv[1][0] == '-') {
		ym_buf b = YM_BUF_INIT;
		known_sources(&b);
		int rc = ym_cli_usage("feed", _("missing source (known: %s)"),
				      b.ptr);
		ym_buf_release(&b);
		return rc;
	}
	const ym_feed_format *fmt = ym_feed_format_find(argv[1]);
	if (!fmt) {
		ym_buf b = YM_BUF_INIT;
		known_sources(&b);
		int rc = ym_cli_usage("feed",
				      _("unknown source '%s' (known: %s)"),
				      argv[1], b.ptr);
		ym_buf_release(&b);
		return rc;
	}
	argc -= 1;
	argv += 1;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == 'n')
			scan = false;
		else if (c == 's')
			fo.strict = true;
		else
			return ym_cli_bad_option("feed", c, argv);
	}
	if (optind >= argc)
		return ym_cli_usage("feed", _("feed import %s needs a PATH"),
				    fmt->name);
	ym_import_stats st;
	int rc = ym_feed_import(ctx->store, fmt,
				(const char *const *)argv + optind,
				argc - optind, &fo, &st, &err);
	if (rc)
		return ym_cli_fail(&err);
	ym_match_stats ms = {0};
	/* KEV and EPSS change no finding's existence, only its risk */
	bool vulns = strcmp(fmt->name, "kev") != 0 &&
		     strcmp(fmt->name, "epss") != 0;
	bool scanned = scan && vulns;
	/* only the vulnerabilities whose records changed */
	if (scanned && ym_match_pending(ctx->store, &ms, &err))
		return ym_cli_fail(&err);
	print_stats(ctx, fmt, &st, scanned, &ms);
	/* KEV, EPSS and new findings change decisions */
	return ym_cli_triage_after(ctx);
}

static void print_bundle(ym_ctx *ctx, const char *what,
			 const ym_bundle_counts *c, const ym_import_stats *st,
			 const ym_match_stats *ms, bool scanned)
{
	ym_buf out = YM_BUF_INIT;
	if (ctx->format == YM_FMT_JSON) {
		ym_jsonw w;
		ym_jsonw_init(&w, &out, true);
		ym_jsonw_obj_begin(&w);
		ym_jsonw_kint(&w, "members", c->members);
		ym_jsonw_kint(&w, "bytes", c->bytes);
		ym_jsonw_kint(&w, "vulns", c->vulns);
		ym_jsonw_kint(&w, "kev", c->kev);
		ym_jsonw_kint(&w, "epss", c->epss);
		if (st) {
			ym_jsonw_kint(&w, "inserted", st->inserted);
			ym_jsonw_kint(&w, "updated", st->updated);
			ym_jsonw_kint(&w, "unchanged", st->unchanged);
			ym_jsonw_kint(&w, "findings", ms->findings);
		}
		ym_jsonw_obj_end(&w);
		ym_buf_addc(&out, '\n');
	} else {
		ym_buf_printf(&out,
			      _("%s: %lld vulnerability records, %lld KEV, "
				"%lld EPSS (%lld files, %lld bytes)\n"),
			      what, (long long)c->vulns, (long long)c->kev,
			      (long long)c->epss, (long long)c->members,
			      (long long)c->bytes);
		if (st)
			ym_buf_printf(&out,
				      _("  %lld new, %lld updated, %lld "
					"unchanged\n"),
				      (long long)st->inserted,
				      (long long)st->updated,
				      (long long)st->unchanged);
		if (scanned)
			ym_buf_printf(&out,
				      _("  %lld findings (%lld new, %lld "
					"resolved)\n"),
				      (long long)ms->findings,
				      (long long)ms->new_findings,
				      (long long)ms->resolved);
	}
	ym_cli_out(&out);
	ym_buf_release(&out);
}

static int bundle_cmd(ym_ctx *ctx, int argc, char **argv, bool export)
{
	static const struct option opts[] = {
		{"since", required_argument, NULL, 'd'},
		{"no-scan", no_argument, NULL, 'n'},
		{0}};
	const char *since = NULL;
	bool scan = true;
	int c;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == 'd' && export)
			since = optarg;
		else if (c == 'n' && !export)
			scan = false;
		else
			return ym_cli_bad_option("feed", c, argv);
	}
	if (optind + 1 != argc)
		return ym_cli_usage("feed", _("%s needs one FILE"), argv[0]);
	ym_err err = YM_ERR_INIT;
	ym_bundle_counts counts;
	ym_match_stats ms = {0};
	if (export) {
		if (ym_bundle_export(ctx->store, argv[optind], since, &counts,
				     &err))
			return ym_cli_fail(&err);
		print_bundle(ctx, argv[optind], &counts, NULL, &ms, false);
		return YM_EXIT_OK;
	}
	ym_import_stats st;
	if (ym_bundle_import(ctx->store, argv[optind], &counts, &st, &err))
		return ym_cli_fail(&err);
	bool scanned = scan && (st.inserted || st.updated);
	if (scanned && ym_match_pending(ctx->store, &ms, &err))
		return ym_cli_fail(&err);
	print_bundle(ctx, argv[optind], &counts, &st, &ms, scanned);
	return ym_cli_triage_after(ctx);
}

int ym_cmd_feed(ym_ctx *ctx, int argc, char **argv)
{
	/* sync and status have their own --help */
	if (argc >= 2 && strcmp(argv[1], "sync") == 0)
		return ym_feed_sync_main(ctx, argc - 1, argv + 1);
	if (argc >= 2 && strcmp(argv[1], "status") == 0)
		return ym_feed_status_main(ctx, argc - 1, argv + 1);
	if (ym_cli_wants_help(argc, argv)) {
		usage();
		return YM_EXIT_OK;
	}
	if (argc < 2)
		return ym_cli_usage("feed", _("missing subcommand (import, "
					      "sync, status, export-bundle, "
					      "import-bundle)"));
	if (strcmp(argv[1], "import") == 0)
		return feed_import(ctx, argc - 1, argv + 1);
	if (strcmp(argv[1], "export-bundle") == 0)
		return bundle_cmd(ctx, argc - 1, argv + 1, true);
	if (strcmp(argv[1], "import-bundle") == 0)
		return bundle_cmd(ctx, argc - 1, argv + 1, false);
	return ym_cli_usage("feed", _("unknown subcommand '%s'"), argv[1]);
}
