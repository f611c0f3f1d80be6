/* cmd_suppress.c - yamori suppress: a person decides a finding does not
 * apply, with a reason, maybe until a date; the decision follows the
 * package across upgrades unless made for this version only. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "core/i18n.h"
#include "match/match.h"

static void usage(void)
{
	printf(_("usage: yamori suppress FINDING --reason TEXT [--until "
		 "YYYY-MM-DD] [--this-version]\n"
		 "       yamori suppress list [--all]\n"
		 "       yamori suppress lift ID\n"
		 "\n"
		 "Suppresses a finding because you decided it does not apply "
		 "(a reason is\nrequired). The decision is kept for the asset, "
		 "package and vulnerability,\nso it still holds after the "
		 "package is upgraded and the vulnerability\nstill matches; "
		 "--this-version limits it to the current version. It ends\n"
		 "on --until, or when lifted. Nothing is deleted: list --all "
		 "shows lifted\nand expired ones, and list says whether each "
		 "still applies to a current\nfinding.\n"));
}

typedef struct one {
	ym_finding f;
	char key[512], version[256];
	bool found;
} one;

static int keep_finding(const ym_finding *f, void *ctx)
{
	one *o = ctx;
	o->f = *f;
	snprintf(o->key, sizeof o->key, "%s", f->component_key);
	snprintf(o->version, sizeof o->version, "%s",
		 f->component_version ? f->component_version : "");
	o->found = true;
	return 0;
}

static const char *actor(void)
{
	const char *u = getenv("USER");
	return u && *u ? u : "yamori";
}

static int add(ym_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"reason", required_argument, NULL, 'r'},
		{"until", required_argument, NULL, 'u'},
		{"this-version", no_argument, NULL, 'v'},
		{0}};
	const char *reason = NULL, *until = NULL;
	bool this_version = false;
	int c;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == 'r')
			reason = optarg;
		else if (c == 'u')
			until = optarg;
		else if (c == 'v')
			this_version = true;
		else
			return ym_cli_bad_option("suppress", c, argv);
	}
	if (optind + 1 != argc)
		return ym_cli_usage("suppress", _("suppress needs one FINDING"));
	if (!reason || !*reason)
		return ym_cli_usage("suppress",
				    _("a suppression needs --reason"));
	if (until && !ym_cli_is_date(until))
		return ym_cli_usage("suppress",
				    _("'%s' is not a date (YYYY-MM-DD)"), until);
	char *end;
	long long id = strtoll(argv[optind], &end, 10);
	if (*end || id <= 0)
		return ym_cli_usage("suppress", _("'%s' is not a finding ID"),
				    argv[optind]);
	ym_err err = YM_ERR_INIT;
	one o = {.found = false};
	ym_finding_filter ff = {.status = -1, .id = id};
	int rc = ym_store_findings_each(ctx->store, &ym_scope_all, &ff,
					keep_finding, &o, &err);
	if (!rc && !o.found)
		rc = ym_err_set(&err, YM_E_NOTFOUND, _("no finding %lld"), id);
	if (rc)
		return ym_cli_fail(&err);
	ym_suppression x = {.asset_id = o.f.asset_id,
			    .component_key = o.key,
			    .component_version = this_version && o.version[0]
							 ? o.version
							 : NULL,
			    .vuln_rowid = o.f.vuln_rowid,
			    .reason = reason,
			    .actor = actor(),
			    .expires_on = until};
	int64_t sid;
	rc = ym_store_begin(ctx->store, &err);
	if (!rc) {
		rc = ym_store_suppression_add(ctx->store, &x, &sid, &err);
		if (rc)
			ym_store_rollback(ctx->store);
		else
			rc = ym_store_commit(ctx->store, &err);
	}
	ym_match_stats ms = {0};
	if (!rc)
		rc = ym_match_run(ctx->store, o.f.asset_id, &ms, &err);
	if (rc)
		return ym_cli_fail(&err);
	printf("%lld\n", (long long)sid);
	ym_cli_note(ctx, _("suppression %lld: %lld findings suppressed on "
			   "this asset"),
		    (long long)sid, (long long)ms.manual_suppressed);
	return ym_cli_triage_after(ctx);
}

static int list_row(const ym_suppression *x, void *ctx)
{
	ym_table *t = ctx;
	char id[24];
	snprintf(id, sizeof id, "%lld", (long long)x->id);
	const char *state = x->lifted_at ? _("lifted")
			    : !x->applies  ? _("no longer applies")
					   : _("active");
	const char *cells[] = {id,
			       x->asset_name,
			       x->component_key,
			       x->component_version ? x->component_version
						    : _("every version"),
			       x->vuln_id,
			       x->reason,
			       x->actor,
			       x->expires_on ? x->expires_on : "",
			       state};
	ym_table_add_row(t, cells);
	return 0;
}

static int list(ym_ctx *ctx, int argc, char **argv)
{
	bool all = argc == 2 && strcmp(argv[1], "--all") == 0;
	if (argc > 2 || (argc == 2 && !all))
		return ym_cli_usage("suppress", _("unexpected argument '%s'"),
				    argv[1]);
	static const char *const keys[] = {"id", "asset", "package",
					   "version", "vulnerability",
					   "reason", "actor", "until",
					   "state"};
	const char *headers[] = {_("ID"),	 _("ASSET"),  _("PACKAGE"),
				 _("VERSION"), _("VULNERABILITY"),
				 _("REASON"),	 _("ACTOR"), _("UNTIL"),
				 _("STATE")};
	ym_table *t = ym_table_new(9, keys, headers);
	ym_err err = YM_ERR_INIT;
	char today[11];
	const char *now = getenv("YAMORI_NOW");
	time_t tt = time(NULL);
	if (now && strlen(now) >= 10)
		snprintf(today, sizeof today, "%.10s", now);
	else
		strftime(today, sizeof today, "%Y-%m-%d", gmtime(&tt));
	int rc = ym_store_suppressions_each(ctx->store, all ? NULL : today,
					    list_row, t, &err);
	if (!rc) {
		ym_buf out = YM_BUF_INIT;
		ym_table_render(t, ctx->format, &out);
		ym_cli_out(&out);
		ym_buf_release(&out);
	}
	ym_table_free(t);
	return rc ? ym_cli_fail(&err) : YM_EXIT_OK;
}

static int lift(ym_ctx *ctx, int argc, char **argv)
{
	if (argc != 2)
		return ym_cli_usage("suppress", _("suppress lift needs one ID"));
	char *end;
	long long id = strtoll(argv[1], &end, 10);
	if (*end || id <= 0)
		return ym_cli_usage("suppress", _("'%s' is not an ID"), argv[1]);
	ym_err err = YM_ERR_INIT;
	int rc = ym_store_begin(ctx->store, &err);
	if (!rc) {
		rc = ym_store_suppression_lift(ctx->store, id, actor(), &err);
		if (rc)
			ym_store_rollback(ctx->store);
		else
			rc = ym_store_commit(ctx->store, &err);
	}
	ym_match_stats ms = {0};
	if (!rc)
		rc = ym_match_run(ctx->store, 0, &ms, &err);
	if (rc)
		return ym_cli_fail(&err);
	ym_cli_note(ctx, _("suppression %lld lifted"), id);
	return ym_cli_triage_after(ctx);
}

int ym_cmd_suppress(ym_ctx *ctx, int argc, char **argv)
{
	if (ym_cli_wants_help(argc, argv)) {
		usage();
		return YM_EXIT_OK;
	}
	if (argc < 2)
		return ym_cli_usage("suppress", _("suppress needs one FINDING"));
	if (strcmp(argv[1], "list") == 0)
		return list(ctx, argc - 1, argv + 1);
	if (strcmp(argv[1], "lift") == 0)
		return lift(ctx, argc - 1, argv + 1);
	return add(ctx, argc, argv);
}
