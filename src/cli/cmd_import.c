/* cmd_import.c - yamori import sbom FILE...: fill the ledger from SBOMs,
 * then match the changed assets. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/i18n.h"
#include "core/json.h"
#include "inventory/host_import.h"
#include "inventory/ledger_import.h"
#include "inventory/sbom_import.h"
#include "match/match.h"

static void usage(void)
{
	printf(_("usage: yamori import sbom FILE... [--asset ID|NAME] "
		 "[--dept CODE] [--no-scan]\n"
		 "       yamori import nmap FILE... [--dept CODE] [--no-scan]\n"
		 "       yamori import inventory FILE... [--asset ID|NAME] "
		 "[--dept CODE] [--no-scan]\n"
		 "       yamori import csv FILE...\n"
		 "\n"
		 "csv reads a ledger spreadsheet saved as CSV (Japanese or "
		 "English column\nheaders, UTF-8 or Shift_JIS; "
		 "docs/ledger-csv.md): each row is the asset of\nthat name, "
		 "created or updated (each change in the history).\n"
		 "\n"
		 "nmap reads nmap XML (nmap -sV -oX): every host that is up "
		 "becomes or\nupdates a host asset (addresses, hostnames, OS, "
		 "open ports, last seen)\nand its network-facing software. "
		 "inventory reads what 'yamori collect'\nwrote: the host's "
		 "installed packages. Software from other sources stays;\n"
		 "every change is in 'yamori ledger history'.\n"
		 "\n"
		 "sbom reads CycloneDX (JSON or XML) and SPDX 2 (JSON or "
		 "tag-value), told\napart by their content. Each SBOM replaces "
		 "the software "
		 "list of\nthe asset it describes: --asset names it, otherwise "
		 "the SBOM's\nmetadata.component names it (and the asset is "
		 "created if missing,\nin --dept when given). Each file is "
		 "one transaction: a malformed\nfile changes nothing. The "
		 "asset is matched afterwards unless --no-scan.\n"));
}

static int import_hosts(ym_ctx *ctx, int argc, char **argv,
			const char *kind)
{
	static const struct option opts[] = {
		{"asset", required_argument, NULL, 'a'},
		{"dept", required_argument, NULL, 'd'},
		{"no-scan", no_argument, NULL, 'n'},
		{0}};
	const char *asset = NULL, *dept = NULL;
	bool scan = true, nmap = strcmp(kind, "nmap") == 0;
	ym_err err = YM_ERR_INIT;
	int c;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'a':
			if (nmap)
				return ym_cli_usage(
					"import",
					_("--asset does not apply to nmap "
					  "scans (hosts are found by address)"));
			asset = optarg;
			break;
		case 'd': dept = optarg; break;
		case 'n': scan = false; break;
		default: return ym_cli_bad_option("import", c, argv);
		}
	}
	if (optind >= argc)
		return ym_cli_usage("import", _("import %s needs a FILE"), kind);
	if (asset && argc - optind > 1)
		return ym_cli_usage("import",
				    _("--asset takes one file at a time"));
	int64_t dept_id = 0;
	if (dept && ym_store_department_find(ctx->store, dept, &dept_id, &err))
		return ym_cli_fail(&err);
	ym_buf out = YM_BUF_INIT;
	ym_jsonw w;
	ym_jsonw_init(&w, &out, true);
	if (ctx->format == YM_FMT_JSON)
		ym_jsonw_arr_begin(&w);
	int rc = 0;
	for (int i = optind; i < argc && !rc; i++) {
		ym_host_import_result res;
		ym_match_stats ms = {0};
		rc = nmap ? ym_nmap_import_file(ctx->store, argv[i], dept_id,
						&res, &err)
			  : ym_inventory_import_file(ctx->store, argv[i], asset,
						     dept_id, &res, &err);
		if (!rc && scan)
			rc = ym_match_pending(ctx->store, &ms, &err);
		if (rc)
			break;
		const ym_software_diff *d = &res.diff;
		if (ctx->format == YM_FMT_JSON) {
			ym_jsonw_obj_begin(&w);
			ym_jsonw_kstr(&w, "file", argv[i]);
			ym_jsonw_kstr(&w, "kind", kind);
			ym_jsonw_kint(&w, "hosts", res.hosts);
			ym_jsonw_kint(&w, "created", res.created);
			ym_jsonw_kint(&w, "updated", res.updated);
			ym_jsonw_key(&w, "software");
			ym_jsonw_obj_begin(&w);
			ym_jsonw_kint(&w, "added", d->added);
			ym_jsonw_kint(&w, "removed", d->removed);
			ym_jsonw_kint(&w, "upgraded", d->upgraded);
			ym_jsonw_kint(&w, "downgraded", d->downgraded);
			ym_jsonw_kint(&w, "changed", d->changed);
			ym_jsonw_kint(&w, "unchanged", d->unchanged);
			ym_jsonw_obj_end(&w);
			ym_jsonw_kint(&w, "findings", ms.findings);
			ym_jsonw_obj_end(&w);
		} else {
			ym_buf_printf(&out,
				      _("%s: %lld hosts (%lld new, %lld "
					"changed)\n"),
				      argv[i], (long long)res.hosts,
				      (long long)res.created,
				      (long long)res.updated);
			ym_buf_printf(&out,
				      _("  software: %lld added, %lld removed, "
					"%lld upgraded, %lld downgraded, %lld "
					"changed, %lld unchanged\n"),
				      (long long)d->added, (long long)d->removed,
				      (long long)d->upgraded,
				      (long long)d->downgraded,
				      (long long)d->changed,
				      (long long)d->unchanged);
			if (scan)
				ym_buf_printf(&out,
					      _("  %lld findings (%lld new)\n"),
					      (long long)ms.findings,
					      (long long)ms.new_findings);
			ym_cli_out(&out);
			ym_buf_reset(&out);
		}
	}
	if (ctx->format == YM_FMT_JSON) {
		ym_jsonw_arr_end(&w);
		ym_buf_addc(&out, '\n');
	}
	ym_cli_out(&out);
	ym_buf_release(&out);
	if (rc)
		return ym_cli_fail(&err);
	/* new findings, exposure and open ports change decisions */
	return ym_cli_triage_after(ctx);
}

static void csv_note(const char *file, const ym_ledger_note *n, void *ctx)
{
	ym_ctx *c = ctx;
	if (n->line)
		ym_cli_note(c, "%s:%ld: %s", file, n->line, n->msg);
	else
		ym_cli_note(c, "%s: %s", file, n->msg);
}

static int import_csv(ym_ctx *ctx, int argc, char **argv)
{
	if (argc < 2)
		return ym_cli_usage("import", _("import csv needs a FILE"));
	ym_buf out = YM_BUF_INIT;
	ym_jsonw w;
	ym_err err = YM_ERR_INIT;
	int rc = 0;
	ym_jsonw_init(&w, &out, true);
	if (ctx->format == YM_FMT_JSON)
		ym_jsonw_arr_begin(&w);
	for (int i = 1; i < argc && !rc; i++) {
		if (argv[i][0] == '-' && argv[i][1])
			return ym_cli_bad_option("import", '?', argv + i - 1);
		ym_ledger_import_result res;
		rc = ym_ledger_import_csv(ctx->store, argv[i], csv_note, ctx,
					  &res, &err);
		if (rc)
			break;
		if (ctx->format == YM_FMT_JSON) {
			ym_jsonw_obj_begin(&w);
			ym_jsonw_kstr(&w, "file", argv[i]);
			ym_jsonw_kstr(&w, "encoding", res.encoding);
			ym_jsonw_kint(&w, "rows", res.rows);
			ym_jsonw_kint(&w, "created", res.created);
			ym_jsonw_kint(&w, "updated", res.updated);
			ym_jsonw_kint(&w, "unchanged", res.unchanged);
			ym_jsonw_kint(&w, "fields", res.fields);
			ym_jsonw_obj_end(&w);
		} else {
			ym_buf_printf(&out,
				      _("%s (%s): %lld rows, %lld new, %lld "
					"updated (%lld fields), %lld "
					"unchanged\n"),
				      argv[i], res.encoding, (long long)res.rows,
				      (long long)res.created,
				      (long long)res.updated,
				      (long long)res.fields,
				      (long long)res.unchanged);
			ym_cli_out(&out);
			ym_buf_reset(&out);
		}
	}
	if (ctx->format == YM_FMT_JSON) {
		ym_jsonw_arr_end(&w);
		ym_buf_addc(&out, '\n');
	}
	ym_cli_out(&out);
	ym_buf_release(&out);
	if (rc)
		return ym_cli_fail(&err);
	/* new findings, exposure and open ports change decisions */
	return ym_cli_triage_after(ctx);
}

int ym_cmd_import(ym_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"asset", required_argument, NULL, 'a'},
		{"dept", required_argument, NULL, 'd'},
		{"no-scan", no_argument, NULL, 'n'},
		{0}};
	const char *asset = NULL, *dept = NULL;
	bool scan = true;
	ym_err err = YM_ERR_INIT;
	int c;
	if (ym_cli_wants_help(argc, argv)) {
		usage();
		return YM_EXIT_OK;
	}
	if (argc < 2)
		return ym_cli_usage("import",
				    _("missing kind (sbom, nmap, inventory, csv)"));
	const char *kind = argv[1];
	if (strcmp(kind, "nmap") == 0 || strcmp(kind, "inventory") == 0)
		return import_hosts(ctx, argc - 1, argv + 1, kind);
	if (strcmp(kind, "csv") == 0)
		return import_csv(ctx, argc - 1, argv + 1);
	if (strcmp(kind, "sbom") != 0)
		return ym_cli_usage("import",
				    _("unknown import kind '%s' (sbom, nmap, "
				      "inventory, csv)"),
				    kind);
	argc--;
	argv++;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'a': asset = optarg; break;
		case 'd': dept = optarg; break;
		case 'n': scan = false; break;
		default: return ym_cli_bad_option("import", c, argv);
		}
	}
	if (optind >= argc)
		return ym_cli_usage("import", _("import sbom needs a FILE"));
	if (asset && argc - optind > 1)
		return ym_cli_usage("import",
				    _("--asset takes one SBOM file at a time"));
	if (asset && dept)
		return ym_cli_usage("import",
				    _("--dept applies to assets created from "
				      "the SBOM, not with --asset"));
	int64_t dept_id = 0;
	if (dept && ym_store_department_find(ctx->store, dept, &dept_id, &err))
		return ym_cli_fail(&err);

	/* results are printed as each file commits, so a later failure
	 * does not hide what was already imported */
	ym_buf out = YM_BUF_INIT;
	ym_jsonw w;
	ym_jsonw_init(&w, &out, true);
	if (ctx->format == YM_FMT_JSON)
		ym_jsonw_arr_begin(&w);
	int rc = 0;
	for (int i = optind; i < argc && !rc; i++) {
		ym_sbom_import_result res;
		ym_match_stats ms = {0};
		rc = ym_sbom_import_file(ctx->store, argv[i], asset, dept_id,
					 &res, &err);
		/* the asset the import changed (and any other pending
		 * work) */
		if (!rc && scan)
			rc = ym_match_pending(ctx->store, &ms, &err);
		if (rc)
			break;
		if (ctx->format == YM_FMT_JSON) {
			ym_jsonw_obj_begin(&w);
			ym_jsonw_kstr(&w, "file", argv[i]);
			ym_jsonw_kstr(&w, "format", res.format);
			ym_jsonw_kint(&w, "asset_id", res.asset_id);
			ym_jsonw_kstr(&w, "asset", res.asset_name);
			ym_jsonw_kbool(&w, "asset_created", res.asset_created);
			ym_jsonw_kint(&w, "components", res.components);
			ym_jsonw_key(&w, "changes");
			ym_jsonw_obj_begin(&w);
			ym_jsonw_kint(&w, "added", res.diff.added);
			ym_jsonw_kint(&w, "removed", res.diff.removed);
			ym_jsonw_kint(&w, "upgraded", res.diff.upgraded);
			ym_jsonw_kint(&w, "downgraded", res.diff.downgraded);
			ym_jsonw_kint(&w, "changed", res.diff.changed);
			ym_jsonw_kint(&w, "unchanged", res.diff.unchanged);
			ym_jsonw_obj_end(&w);
			ym_jsonw_kint(&w, "findings", ms.findings);
			ym_jsonw_obj_end(&w);
		} else {
			ym_buf_printf(&out,
				      _("%s: %s, %lld components -> asset "
					"'%s'%s\n"),
				      argv[i], res.format,
				      (long long)res.components, res.asset_name,
				      res.asset_created ? _(" (new)") : "");
			const ym_software_diff *d = &res.diff;
			if (!res.asset_created &&
			    (d->added || d->removed || d->upgraded ||
			     d->downgraded || d->changed))
				ym_buf_printf(&out,
					      _("  %lld added, %lld removed, "
						"%lld upgraded, %lld downgraded, "
						"%lld changed, %lld unchanged\n"),
					      (long long)d->added,
					      (long long)d->removed,
					      (long long)d->upgraded,
					      (long long)d->downgraded,
					      (long long)d->changed,
					      (long long)d->unchanged);
			if (scan)
				ym_buf_printf(&out,
					      _("  %lld findings (%lld new)\n"),
					      (long long)ms.findings,
					      (long long)ms.new_findings);
			ym_cli_out(&out);
			ym_buf_reset(&out);
		}
	}
	if (ctx->format == YM_FMT_JSON) {
		ym_jsonw_arr_end(&w);
		ym_buf_addc(&out, '\n');
	}
	ym_cli_out(&out);
	fflush(stdout);
	ym_buf_release(&out);
	if (rc)
		return ym_cli_fail(&err);
	/* new findings, exposure and open ports change decisions */
	return ym_cli_triage_after(ctx);
}
