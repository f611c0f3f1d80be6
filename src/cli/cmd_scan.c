/* cmd_scan.c - yamori scan: match the whole ledger (or one asset). */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/arena.h"
#include "core/i18n.h"
#include "core/json.h"
#include "match/match.h"

static void usage(void)
{
	printf(_("usage: yamori scan [--asset ID|NAME | --incremental] "
		 "[--fail-on SEVERITY]\n"
		 "\n"
		 "Matches the software of every asset (or one) against the "
		 "vulnerability\nstore and updates findings: new ones open, "
		 "ones that no longer match\nare resolved. With --fail-on, "
		 "exits 1 when an open finding of that\nseverity or higher "
		 "(low, medium, high, critical) exists.\n"
		 "\n"
		 "--incremental re-evaluates only what changed since the last "
		 "run: the\nvulnerabilities whose records changed and the "
		 "assets whose software\nchanged (imports do this "
		 "themselves).\n"));
}

typedef struct fail_ctx {
	int min_rank;
	long long hits;
} fail_ctx;

static int count_hit(const ym_finding *f, void *vctx)
{
	fail_ctx *fc = vctx;
	if (ym_severity_rank(f->severity) >= fc->min_rank)
		fc->hits++;
	return 0;
}

int ym_cmd_scan(ym_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"asset", required_argument, NULL, 'a'},
		{"fail-on", required_argument, NULL, 'f'},
		{"incremental", no_argument, NULL, 'i'},
		{0}};
	bool incremental = false;
	const char *asset = NULL, *fail_on = NULL;
	ym_err err = YM_ERR_INIT;
	int c;
	if (ym_cli_wants_help(argc, argv)) {
		usage();
		return YM_EXIT_OK;
	}
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'a': asset = optarg; break;
		case 'f': fail_on = optarg; break;
		case 'i': incremental = true; break;
		default: return ym_cli_bad_option("scan", c, argv);
		}
	}
	if (optind < argc)
		return ym_cli_usage("scan", _("unexpected argument '%s'"),
				    argv[optind]);
	if (fail_on && ym_severity_rank(fail_on) < 1)
		return ym_cli_usage("scan",
				    _("unknown severity '%s' (low, medium, "
				      "high, critical)"),
				    fail_on);
	if (incremental && asset)
		return ym_cli_usage("scan", _("--incremental and --asset "
					      "exclude each other"));
	int64_t asset_id = 0;
	if (asset) {
		ym_arena a;
		ym_asset as;
		ym_arena_init(&a, 0);
		int rc = ym_store_asset_get(ctx->store, &ym_scope_all, asset, &a,
					    &as, &err);
		ym_arena_release(&a);
		if (rc)
			return ym_cli_fail(&err);
		asset_id = as.id;
	}
	ym_match_stats ms;
	if (incremental ? ym_match_pending(ctx->store, &ms, &err)
			: ym_match_run(ctx->store, asset_id, &ms, &err))
		return ym_cli_fail(&err);
	ym_buf out = YM_BUF_INIT;
	if (ctx->format == YM_FMT_JSON) {
		ym_jsonw w;
		ym_jsonw_init(&w, &out, true);
		ym_jsonw_obj_begin(&w);
		ym_jsonw_kint(&w, "components", ms.components);
		ym_jsonw_kint(&w, "matchable", ms.matchable);
		ym_jsonw_kint(&w, "unreadable_versions", ms.bad_versions);
		ym_jsonw_kint(&w, "unreadable_ranges", ms.unreadable_ranges);
		ym_jsonw_kint(&w, "ranges", ms.ranges);
		ym_jsonw_kint(&w, "findings", ms.findings);
		ym_jsonw_kint(&w, "new", ms.new_findings);
		ym_jsonw_kint(&w, "resolved", ms.resolved);
		ym_jsonw_obj_end(&w);
		ym_buf_addc(&out, '\n');
	} else {
		ym_buf_printf(&out,
			      _("scanned %lld components (%lld with a package "
				"identity and version) against %lld affected "
				"ranges\n"),
			      (long long)ms.components, (long long)ms.matchable,
			      (long long)ms.ranges);
		ym_buf_printf(&out,
			      _("%lld findings: %lld new, %lld resolved\n"),
			      (long long)ms.findings, (long long)ms.new_findings,
			      (long long)ms.resolved);
		if (ms.unreadable_ranges)
			ym_buf_printf(&out,
				      _("%lld range evaluations skipped: the "
					"advisory's versions cannot be read "
					"(see the import warnings)\n"),
				      (long long)ms.unreadable_ranges);
		if (ms.bad_versions)
			ym_buf_printf(&out,
				      _("%lld components have versions their "
					"scheme cannot read and were not "
					"matched\n"),
				      (long long)ms.bad_versions);
	}
	ym_cli_out(&out);
	ym_buf_release(&out);
	int trc = ym_cli_triage_after(ctx);
	if (trc)
		return trc;
	if (fail_on) {
		fail_ctx fc = {.min_rank = ym_severity_rank(fail_on)};
		ym_finding_filter ff = {.status = YM_FINDING_OPEN};
		if (asset)
			ff.asset = asset;
		if (ym_store_findings_each(ctx->store, &ym_scope_all, &ff,
					   count_hit, &fc, &err))
			return ym_cli_fail(&err);
		if (fc.hits) {
			ym_cli_note(ctx,
				    _("%lld open findings at or above %s"),
				    fc.hits, fail_on);
			return YM_EXIT_FAIL;
		}
	}
	return YM_EXIT_OK;
}
