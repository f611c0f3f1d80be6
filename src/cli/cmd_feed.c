/* cmd_feed.c - yamori feed import osv PATH...: vulnerability records
 * into the store, then re-match the ledger. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/i18n.h"
#include "core/json.h"
#include "feeds/feed_import.h"
#include "match/match.h"

static void print_warning(const ym_err *w, void *ctx)
{
	if (((ym_ctx *)ctx)->quiet)
		return;
	ym_buf b = YM_BUF_INIT;
	ym_err_format(w, &b);
	fprintf(stderr, _("yamori: warning: %s\n"), b.ptr);
	ym_buf_release(&b);
}

static void usage(void)
{
	printf(_("usage: yamori feed import osv PATH... [--strict] "
		 "[--no-scan]\n"
		 "\n"
		 "Imports OSV JSON records: files holding one record or an "
		 "array of\nrecords, or directories searched for *.json. The "
		 "whole import is one\ntransaction: one malformed record "
		 "changes nothing and names the file,\nline and field. A "
		 "version its ecosystem cannot read (legacy PyPI\nversions, "
		 "for example) is a warning and that range is not matched;\n"
		 "with --strict it is an error. The ledger is matched "
		 "afterwards unless\n--no-scan.\n"));
}

int ym_cmd_feed(ym_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"no-scan", no_argument, NULL, 'n'},
		{"strict", no_argument, NULL, 's'},
		{0}};
	bool scan = true;
	ym_feed_opts fo = {.warn = print_warning, .warn_ctx = ctx};
	ym_err err = YM_ERR_INIT;
	int c;
	if (ym_cli_wants_help(argc, argv)) {
		usage();
		return YM_EXIT_OK;
	}
	if (argc < 2 || strcmp(argv[1], "import") != 0)
		return ym_cli_usage("feed", argc < 2
						    ? _("missing subcommand (import)")
						    : _("unknown subcommand '%s'"),
				    argc < 2 ? "" : argv[1]);
	if (argc < 3 || strcmp(argv[2], "osv") != 0)
		return ym_cli_usage("feed",
				    _("unknown or missing source (known: osv)"));
	argc -= 2;
	argv += 2;
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
		return ym_cli_usage("feed", _("feed import osv needs a PATH"));
	ym_import_stats st;
	int rc = ym_feed_import_osv(ctx->store,
				    (const char *const *)argv + optind,
				    argc - optind, &fo, &st, &err);
	if (rc)
		return ym_cli_fail(&err);
	ym_match_stats ms = {0};
	if (scan && ym_match_run(ctx->store, 0, &ms, &err))
		return ym_cli_fail(&err);
	ym_buf out = YM_BUF_INIT;
	if (ctx->format == YM_FMT_JSON) {
		ym_jsonw w;
		ym_jsonw_init(&w, &out, true);
		ym_jsonw_obj_begin(&w);
		ym_jsonw_kstr(&w, "source", "osv");
		ym_jsonw_kint(&w, "files", st.files);
		ym_jsonw_kint(&w, "inserted", st.inserted);
		ym_jsonw_kint(&w, "updated", st.updated);
		ym_jsonw_kint(&w, "unchanged", st.unchanged);
		ym_jsonw_kint(&w, "warnings", st.warnings);
		ym_jsonw_kint(&w, "findings", ms.findings);
		ym_jsonw_obj_end(&w);
		ym_buf_addc(&out, '\n');
	} else {
		ym_buf_printf(&out,
			      _("osv: %lld files, %lld new, %lld updated, "
				"%lld unchanged\n"),
			      (long long)st.files, (long long)st.inserted,
			      (long long)st.updated, (long long)st.unchanged);
		if (st.warnings)
			ym_buf_printf(&out, _("  %lld warnings\n"),
				      (long long)st.warnings);
		if (scan)
			ym_buf_printf(&out,
				      _("  %lld findings (%lld new, %lld "
					"resolved)\n"),
				      (long long)ms.findings,
				      (long long)ms.new_findings,
				      (long long)ms.resolved);
	}
	ym_cli_out(&out);
	ym_buf_release(&out);
	return YM_EXIT_OK;
}
