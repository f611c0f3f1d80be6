/* cmd_triage.c - yamori triage: a decision and a deadline per open
 * finding, with its reason (docs/triage.md); overrides of inputs,
 * mitigations and the residual decision, and one finding in full. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/arena.h"
#include "core/i18n.h"
#include "core/json.h"
#include "core/progress.h"
#include "risk/triage.h"
#include "store/triage.h"

static void usage(void)
{
	printf(_("usage: yamori triage [--policy FILE] [--asset ID|NAME] "
		 "[--dept CODES] [--dry-run]\n"
		 "       yamori triage show FINDING\n"
		 "       yamori triage override (--finding ID|--asset X|--vuln "
		 "ID) INPUT=VALUE\n"
		 "                              --reason TEXT [--until DATE]\n"
		 "       yamori triage override list|lift ID\n"
		 "       yamori triage mitigate (--finding ID|--asset X) "
		 "--changes INPUT=VALUE,...\n"
		 "                              --name TEXT [--planned DATE]\n"
		 "       yamori triage mitigate list|done ID\n"
		 "\n"
		 "Decides every open finding: SSVC deployer tree and the "
		 "policy's matrix,\na deadline from the policy, the escalation "
		 "posture, and the reason.\nInputs: exploitation, exposure, "
		 "automatable, technical_impact, mission_impact,\n"
		 "safety_impact, human_impact, impact, likelihood.\n"));
}

static const char *label(int outcome, const ym_ctx *ctx)
{
	return ym_triage_outcome_label(outcome, ctx->lang);
}

/* The policy: FILE when given (its text left in kept, to be kept in the
 * store once a run succeeds); else the one the last `triage --policy`
 * kept; else the shipped default. */
static int load_policy(ym_ctx *ctx, const char *file, ym_policy **p,
		       ym_buf *kept, ym_err *err)
{
	if (file) {
		int rc = ym_buf_read_file(kept, file, err);
		if (!rc)
			rc = ym_policy_load(kept->ptr ? kept->ptr : "",
					    kept->len, file, p, err);
		return rc;
	}
	ym_arena a;
	const char *name, *text;
	ym_arena_init(&a, 0);
	int rc = ym_store_triage_policy_get(ctx->store, &a, &name, &text, err);
	if (!rc)
		rc = text ? ym_policy_load(text, strlen(text), name, p, err)
			  : ym_policy_load_default(p, err);
	ym_arena_release(&a);
	return rc;
}

typedef struct brief {
	char asset[256], vuln[128], component[256];
} brief;

static int take_brief(const ym_finding *f, void *ctx)
{
	brief *b = ctx;
	snprintf(b->asset, sizeof b->asset, "%s", f->asset_name);
	snprintf(b->vuln, sizeof b->vuln, "%s", f->vuln_id);
	snprintf(b->component, sizeof b->component, "%s %s", f->component_name,
		 f->component_version ? f->component_version : "");
	return 0;
}

static void brief_of(ym_ctx *ctx, int64_t id, brief *b)
{
	ym_finding_filter ff = {.status = -1, .id = id};
	ym_err err = YM_ERR_INIT;
	memset(b, 0, sizeof *b);
	ym_store_findings_each(ctx->store, &ym_scope_all, &ff, take_brief, b,
			       &err);
}

static void progress_cb(uint64_t done, uint64_t total, void *arg)
{
	ym_progress *p = arg;
	if (total && !p->total)
		ym_progress_start(p, _("writing decisions"), total);
	ym_progress_update(p, done);
}

/* Runs triage and prints its report (quiet: one line on stderr). */
static int run_triage(ym_ctx *ctx, const char *policy_file,
		      const ym_scope *scope, int64_t asset_id, bool dry_run,
		      bool brief_only)
{
	ym_err err = YM_ERR_INIT;
	ym_policy *p = NULL;
	ym_triage_report rep;
	ym_progress prog;
	memset(&rep, 0, sizeof rep);
	ym_buf kept = YM_BUF_INIT;
	int rc = load_policy(ctx, policy_file, &p, &kept, &err);
	if (rc) {
		ym_buf_release(&kept);
		return ym_cli_fail(&err);
	}
	ym_progress_start(&prog, _("deciding findings"), 0);
	ym_triage_opts o = {.policy = p,
			    .scope = scope,
			    .asset_id = asset_id,
			    .dry_run = dry_run,
			    .now = getenv("YAMORI_NOW"),
			    .max_listed = 50,
			    .progress = progress_cb,
			    .progress_arg = &prog};
	if (o.now && !*o.now)
		o.now = NULL;
	rc = ym_triage_run(ctx->store, &o, &rep, &err);
	ym_progress_end(&prog);
	/* the policy given is the organisation's from now on */
	if (!rc && policy_file && !dry_run)
		rc = ym_store_triage_policy_put(ctx->store, policy_file,
						kept.ptr ? kept.ptr : "", &err);
	ym_buf_release(&kept);
	if (rc) {
		ym_triage_report_release(&rep);
		ym_policy_free(p);
		return ym_cli_fail(&err);
	}
	bool ja = strcmp(ctx->lang, "ja") == 0;
	ym_buf out = YM_BUF_INIT;
	if (brief_only) {
		ym_cli_note(ctx,
			    _("triage: %lld findings, %lld new, %lld changed"),
			    (long long)rep.findings, (long long)rep.created,
			    (long long)rep.changed);
	} else if (ctx->format == YM_FMT_JSON) {
		ym_jsonw w;
		ym_jsonw_init(&w, &out, true);
		ym_jsonw_obj_begin(&w);
		ym_jsonw_key(&w, "policy");
		ym_jsonw_obj_begin(&w);
		ym_jsonw_kstr(&w, "name", p->name);
		ym_jsonw_kint(&w, "version", p->version);
		ym_jsonw_obj_end(&w);
		ym_jsonw_kbool(&w, "dry_run", dry_run);
		ym_jsonw_kint(&w, "findings", rep.findings);
		ym_jsonw_key(&w, "counts");
		ym_jsonw_obj_begin(&w);
		for (int i = 3; i >= 0; i--)
			ym_jsonw_kint(&w,
				      ym_policy_outcome_code(
					      (ym_policy_outcome)i),
				      rep.count[i]);
		ym_jsonw_obj_end(&w);
		ym_jsonw_kint(&w, "new", rep.created);
		ym_jsonw_kint(&w, "changed", rep.changed);
		ym_jsonw_kint(&w, "refreshed", rep.refreshed);
		ym_jsonw_kint(&w, "unchanged", rep.unchanged);
		ym_jsonw_key(&w, "changes");
		ym_jsonw_arr_begin(&w);
		for (size_t i = 0; i < rep.n_list; i++) {
			const ym_triage_changed *c = &rep.list[i];
			ym_jsonw_obj_begin(&w);
			ym_jsonw_kint(&w, "finding", c->finding_id);
			if (c->old_outcome >= 0)
				ym_jsonw_kstr(&w, "from",
					      ym_policy_outcome_code(
						      (ym_policy_outcome)
							      c->old_outcome));
			else
				ym_jsonw_kstr(&w, "from", NULL);
			ym_jsonw_kstr(&w, "to",
				      ym_policy_outcome_code(
					      (ym_policy_outcome)c->new_outcome));
			ym_jsonw_kstr(&w, "deadline", c->deadline);
			ym_jsonw_kstr(&w, "cause", c->cause_en);
			ym_jsonw_kstr(&w, "cause_ja", c->cause_ja);
			ym_jsonw_obj_end(&w);
		}
		ym_jsonw_arr_end(&w);
		ym_jsonw_key(&w, "escalations");
		ym_jsonw_arr_begin(&w);
		for (size_t i = 0; i < rep.n_fired; i++) {
			const ym_policy_escalation *e =
				&p->escalation[rep.fired[i].rule];
			ym_jsonw_obj_begin(&w);
			ym_jsonw_kstr(&w, "posture", e->posture.en);
			ym_jsonw_kstr(&w, "posture_ja", e->posture.ja);
			ym_jsonw_kint(&w, "systems", rep.fired[i].count);
			ym_jsonw_obj_end(&w);
		}
		ym_jsonw_arr_end(&w);
		ym_jsonw_obj_end(&w);
		ym_buf_addc(&out, '\n');
	} else if (ctx->format == YM_FMT_CSV) {
		ym_buf_adds(&out, "finding,asset,vulnerability,from,to,"
				  "deadline,cause\r\n");
		for (size_t i = 0; i < rep.n_list; i++) {
			const ym_triage_changed *c = &rep.list[i];
			brief b;
			brief_of(ctx, c->finding_id, &b);
			ym_buf_printf(&out, "%lld,", (long long)c->finding_id);
			ym_csv_field(&out, b.asset);
			ym_buf_addc(&out, ',');
			ym_csv_field(&out, b.vuln);
			ym_buf_printf(&out, ",%s,%s,%s,",
				      c->old_outcome >= 0
					      ? ym_policy_outcome_code(
							(ym_policy_outcome)
								c->old_outcome)
					      : "",
				      ym_policy_outcome_code(
					      (ym_policy_outcome)c->new_outcome),
				      c->deadline);
			ym_csv_field(&out, c->cause_en ? c->cause_en : "");
			ym_buf_adds(&out, "\r\n");
		}
	} else {
		ym_buf_printf(&out,
			      dry_run ? _("%lld open findings decided with "
					  "policy '%s' v%lld (dry run, nothing "
					  "written)\n")
				      : _("%lld open findings decided with "
					  "policy '%s' v%lld\n"),
			      (long long)rep.findings, p->name,
			      (long long)p->version);
		for (int i = 3; i >= 0; i--)
			ym_buf_printf(&out, "  %-24s %8lld\n", label(i, ctx),
				      (long long)rep.count[i]);
		ym_buf_printf(&out,
			      _("since the last run: %lld new, %lld changed, "
				"%lld with new evidence, %lld unchanged\n"),
			      (long long)rep.created, (long long)rep.changed,
			      (long long)rep.refreshed,
			      (long long)rep.unchanged);
		for (size_t i = 0; i < rep.n_list; i++) {
			const ym_triage_changed *c = &rep.list[i];
			brief b;
			brief_of(ctx, c->finding_id, &b);
			ym_buf_printf(&out, "  #%lld %s %s %s: ",
				      (long long)c->finding_id, b.asset,
				      b.component, b.vuln);
			if (c->old_outcome >= 0)
				ym_buf_printf(&out, "%s \xE2\x86\x92 ",
					      label(c->old_outcome, ctx));
			ym_buf_printf(&out, _("%s, due %s"),
				      label(c->new_outcome, ctx), c->deadline);
			const char *cause = ja ? c->cause_ja : c->cause_en;
			if (cause)
				ym_buf_printf(&out, _(" (because %s)"), cause);
			ym_buf_addc(&out, '\n');
		}
		int64_t more = rep.created + rep.changed - (int64_t)rep.n_list;
		if (more > 0 && !dry_run)
			ym_buf_printf(&out, _("  ... and %lld more\n"),
				      (long long)more);
		if (rep.n_fired) {
			ym_buf_printf(&out, "%s:\n", _("escalation"));
			for (size_t i = 0; i < rep.n_fired; i++)
				ym_buf_printf(
					&out, _("  %s (systems: %lld)\n"),
					ym_policy_text_in(
						&p->escalation[rep.fired[i].rule]
							 .posture,
						ctx->lang),
					(long long)rep.fired[i].count);
		}
	}
	ym_cli_out(&out);
	ym_buf_release(&out);
	ym_triage_report_release(&rep);
	ym_policy_free(p);
	return YM_EXIT_OK;
}

static int cmd_run(ym_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"policy", required_argument, NULL, 'p'},
		{"asset", required_argument, NULL, 'a'},
		{"dept", required_argument, NULL, 'd'},
		{"dry-run", no_argument, NULL, 'n'},
		{0}};
	const char *policy = NULL, *asset = NULL, *depts = NULL;
	bool dry = false;
	int c;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'p': policy = optarg; break;
		case 'a': asset = optarg; break;
		case 'd': depts = optarg; break;
		case 'n': dry = true; break;
		default: return ym_cli_bad_option("triage", c, argv);
		}
	}
	if (optind < argc)
		return ym_cli_usage("triage", _("unexpected argument '%s'"),
				    argv[optind]);
	int64_t ids[16];
	ym_scope scope;
	int rc = ym_cli_scope(ctx, depts, ids, &scope);
	if (rc)
		return rc;
	int64_t asset_id = 0;
	if (asset) {
		ym_arena a;
		ym_asset as;
		ym_err err = YM_ERR_INIT;
		ym_arena_init(&a, 0);
		rc = ym_store_asset_get(ctx->store, &scope, asset, &a, &as,
					&err);
		asset_id = as.id;
		ym_arena_release(&a);
		if (rc)
			return ym_cli_fail(&err);
	}
	return run_triage(ctx, policy, &scope, asset_id, dry, false);
}

/* ---- override ---- */

static int target_of(ym_ctx *ctx, const char *finding, const char *asset,
		     const char *vuln, int64_t *fid, int64_t *aid,
		     int64_t *vid, ym_err *err)
{
	*fid = *aid = *vid = 0;
	int rc = 0;
	ym_arena a;
	ym_arena_init(&a, 0);
	if (finding) {
		char *end;
		long long id = strtoll(finding, &end, 10);
		brief b;
		if (*end || id <= 0)
			rc = ym_err_set(err, YM_E_USAGE,
					_("'%s' is not a finding ID"), finding);
		else if (brief_of(ctx, id, &b), !b.vuln[0])
			rc = ym_err_set(err, YM_E_NOTFOUND, _("no finding %lld"),
					id);
		*fid = id;
	} else if (asset) {
		ym_asset as;
		rc = ym_store_asset_get(ctx->store, &ym_scope_all, asset, &a,
					&as, err);
		*aid = as.id;
	} else if (vuln) {
		ym_vuln v;
		rc = ym_store_vuln_get(ctx->store, vuln, &a, &v, err);
		*vid = v.id;
	}
	ym_arena_release(&a);
	return rc;
}

static int print_override(const ym_triage_override *o, void *vctx)
{
	ym_buf *out = vctx;
	ym_buf_printf(out, "#%lld  %s  %s=%s  %s  %s %s", (long long)o->id,
		      o->target ? o->target : "", o->input, o->value,
		      o->reason, o->actor, o->created_at);
	if (o->until_on)
		ym_buf_printf(out, _("  until %s"), o->until_on);
	if (o->lifted_at)
		ym_buf_printf(out, _("  lifted %s by %s"), o->lifted_at,
			      o->lifted_by ? o->lifted_by : "");
	ym_buf_addc(out, '\n');
	return 0;
}

static int cmd_override(ym_ctx *ctx, int argc, char **argv)
{
	ym_err err = YM_ERR_INIT;
	if (argc >= 2 && strcmp(argv[1], "list") == 0) {
		ym_buf out = YM_BUF_INIT;
		int rc = ym_store_triage_overrides_each(ctx->store, NULL,
							print_override, &out,
							&err);
		ym_cli_out(&out);
		ym_buf_release(&out);
		return rc ? ym_cli_fail(&err) : YM_EXIT_OK;
	}
	if (argc >= 2 && strcmp(argv[1], "lift") == 0) {
		if (argc != 3)
			return ym_cli_usage("triage",
					    _("override lift needs one ID"));
		int rc = ym_store_triage_override_lift(
			ctx->store, strtoll(argv[2], NULL, 10), NULL, &err);
		if (rc)
			return ym_cli_fail(&err);
		printf(_("override %s lifted\n"), argv[2]);
		return run_triage(ctx, NULL, &ym_scope_all, 0, false, true);
	}
	static const struct option opts[] = {
		{"finding", required_argument, NULL, 'f'},
		{"asset", required_argument, NULL, 'a'},
		{"vuln", required_argument, NULL, 'v'},
		{"cve", required_argument, NULL, 'v'},
		{"reason", required_argument, NULL, 'r'},
		{"until", required_argument, NULL, 'u'},
		{0}};
	const char *finding = NULL, *asset = NULL, *vuln = NULL;
	const char *reason = NULL, *until = NULL;
	int c;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'f': finding = optarg; break;
		case 'a': asset = optarg; break;
		case 'v': vuln = optarg; break;
		case 'r': reason = optarg; break;
		case 'u': until = optarg; break;
		default: return ym_cli_bad_option("triage", c, argv);
		}
	}
	if ((finding != NULL) + (asset != NULL) + (vuln != NULL) != 1)
		return ym_cli_usage("triage", _("give one of --finding, --asset "
						"or --vuln"));
	if (optind + 1 != argc)
		return ym_cli_usage("triage", _("give one INPUT=VALUE"));
	if (!reason || !*reason)
		return ym_cli_usage("triage", _("an override needs --reason"));
	if (until && !ym_cli_is_date(until))
		return ym_cli_usage("triage", _("'%s' is not a date "
						"(YYYY-MM-DD)"),
				    until);
	ym_policy *p = NULL;
	int rc = ym_policy_load_default(&p, &err);
	ym_triage_change ch;
	size_t n = 0;
	if (!rc)
		rc = ym_triage_changes_parse(p, argv[optind], &ch, 1, &n, &err);
	ym_policy_free(p);
	if (rc)
		return ym_cli_fail(&err);
	char *eq = strchr(argv[optind], '=');
	ym_triage_override o = {.reason = reason, .until_on = until};
	rc = target_of(ctx, finding, asset, vuln, &o.finding_id, &o.asset_id,
		       &o.vuln_rowid, &err);
	if (rc)
		return ym_cli_fail(&err);
	o.input = ym_triage_input_code(ch.input);
	o.value = eq + 1;
	int64_t id = 0;
	rc = ym_store_triage_override_add(ctx->store, &o, &id, &err);
	if (rc)
		return ym_cli_fail(&err);
	printf(_("override %lld: %s=%s\n"), (long long)id, o.input, o.value);
	return run_triage(ctx, NULL, &ym_scope_all, 0, false, true);
}

/* ---- mitigate ---- */

static int print_mitigation(const ym_triage_mitigation *m, void *vctx)
{
	ym_buf *out = vctx;
	ym_buf_printf(out, "#%lld  %s  %s  %s  %s", (long long)m->id,
		      m->target ? m->target : "", m->name, m->changes,
		      m->status);
	if (m->planned_on)
		ym_buf_printf(out, _("  planned %s"), m->planned_on);
	if (m->done_at)
		ym_buf_printf(out, _("  done %s by %s"), m->done_at,
			      m->done_by ? m->done_by : "");
	ym_buf_addc(out, '\n');
	return 0;
}

static int cmd_mitigate(ym_ctx *ctx, int argc, char **argv)
{
	ym_err err = YM_ERR_INIT;
	if (argc >= 2 && strcmp(argv[1], "list") == 0) {
		ym_buf out = YM_BUF_INIT;
		int rc = ym_store_triage_mitigations_each(
			ctx->store, print_mitigation, &out, &err);
		ym_cli_out(&out);
		ym_buf_release(&out);
		return rc ? ym_cli_fail(&err) : YM_EXIT_OK;
	}
	if (argc >= 2 && strcmp(argv[1], "done") == 0) {
		if (argc != 3)
			return ym_cli_usage("triage",
					    _("mitigate done needs one ID"));
		int rc = ym_store_triage_mitigation_done(
			ctx->store, strtoll(argv[2], NULL, 10), NULL, &err);
		if (rc)
			return ym_cli_fail(&err);
		printf(_("mitigation %s done\n"), argv[2]);
		return run_triage(ctx, NULL, &ym_scope_all, 0, false, true);
	}
	static const struct option opts[] = {
		{"finding", required_argument, NULL, 'f'},
		{"asset", required_argument, NULL, 'a'},
		{"changes", required_argument, NULL, 'c'},
		{"name", required_argument, NULL, 'n'},
		{"planned", required_argument, NULL, 'p'},
		{0}};
	const char *finding = NULL, *asset = NULL, *changes = NULL;
	const char *name = NULL, *planned = NULL;
	int c;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'f': finding = optarg; break;
		case 'a': asset = optarg; break;
		case 'c': changes = optarg; break;
		case 'n': name = optarg; break;
		case 'p': planned = optarg; break;
		default: return ym_cli_bad_option("triage", c, argv);
		}
	}
	if ((finding != NULL) + (asset != NULL) != 1)
		return ym_cli_usage("triage",
				    _("give one of --finding or --asset"));
	if (optind < argc)
		return ym_cli_usage("triage", _("unexpected argument '%s'"),
				    argv[optind]);
	if (!changes || !name || !*name)
		return ym_cli_usage("triage", _("a mitigation needs --changes "
						"and --name"));
	if (planned && !ym_cli_is_date(planned))
		return ym_cli_usage("triage", _("'%s' is not a date "
						"(YYYY-MM-DD)"),
				    planned);
	ym_policy *p = NULL;
	ym_triage_change ch[16];
	size_t n = 0;
	int rc = ym_policy_load_default(&p, &err);
	if (!rc)
		rc = ym_triage_changes_parse(p, changes, ch, 16, &n, &err);
	ym_policy_free(p);
	if (rc)
		return ym_cli_fail(&err);
	ym_triage_mitigation m = {.name = name,
				  .changes = changes,
				  .planned_on = planned};
	int64_t vid;
	rc = target_of(ctx, finding, asset, NULL, &m.finding_id, &m.asset_id,
		       &vid, &err);
	if (!rc)
		rc = ym_store_triage_mitigation_add(ctx->store, &m, NULL, &err);
	if (rc)
		return ym_cli_fail(&err);
	printf(_("mitigation '%s' planned: %s\n"), name, changes);
	return run_triage(ctx, NULL, &ym_scope_all, 0, false, true);
}

/* ---- show ---- */

typedef struct show_ctx {
	ym_ctx *ctx;
	ym_buf *out;
	int64_t finding;
	bool any;
} show_ctx;

static int show_override(const ym_triage_override *o, void *vctx)
{
	show_ctx *sc = vctx;
	(void)sc;
	if (!o->lifted_at)
		print_override(o, sc->out);
	return 0;
}

static int show_history(const ym_triage_change_row *c, void *vctx)
{
	show_ctx *sc = vctx;
	bool ja = strcmp(sc->ctx->lang, "ja") == 0;
	ym_buf_printf(sc->out, "  %s  ", c->at);
	if (c->old_outcome >= 0)
		ym_buf_printf(sc->out, "%s \xE2\x86\x92 ",
			      label(c->old_outcome, sc->ctx));
	ym_buf_printf(sc->out, _("%s, due %s"), label(c->new_outcome, sc->ctx),
		      c->new_deadline);
	const char *cause = ja ? c->cause_ja : c->cause_en;
	ym_buf_printf(sc->out, ": %s\n", cause ? cause : _("first decision"));
	return 0;
}

static void show_inputs(const char *json, ym_buf *out)
{
	ym_arena a;
	ym_arena_init(&a, 0);
	const ym_json *j = json ? ym_json_parse(&a, json, strlen(json), NULL,
						NULL, NULL)
				: NULL;
	static const char *const keys[] = {
		"exploitation", "exposure", "automatable", "technical_impact",
		"mission_impact", "safety_impact", "human_impact", "impact",
		"likelihood", NULL};
	for (int i = 0; j && keys[i]; i++) {
		const ym_json *v = ym_json_get(j, keys[i]);
		if (!v)
			continue;
		const char *date = ym_json_string(ym_json_get(v, "date"));
		const char *detail = ym_json_string(ym_json_get(v, "detail"));
		int64_t rule = 0;
		char rule_text[48] = "";
		if (!detail && ym_json_int(ym_json_get(v, "rule"), &rule)) {
			snprintf(rule_text, sizeof rule_text, _("rule %lld"),
				 (long long)rule);
			detail = rule_text;
		}
		size_t start = out->len;
		ym_buf_printf(out, "  %-17s %-21s %-10s %-10s %s", keys[i],
			      ym_json_string(ym_json_get(v, "value")),
			      ym_json_string(ym_json_get(v, "source")),
			      date ? date : "-", detail ? detail : "");
		while (out->len > start && out->ptr[out->len - 1] == ' ')
			ym_buf_truncate(out, out->len - 1);
		ym_buf_addc(out, '\n');
	}
	ym_arena_release(&a);
}

static int show_mit(const ym_triage_mitigation *m, void *vctx)
{
	show_ctx *sc = vctx;
	if (m->finding_id == sc->finding)
		print_mitigation(m, sc->out);
	return 0;
}

static int ym_triage_explanation(const ym_triage_row *r, const char *lang,
			  ym_buf *out)
{
	bool ja = strcmp(lang, "ja") == 0;
	ym_triage_explain(r->outcome, r->deadline, ja ? r->vuln_ja : r->vuln_en,
			  ja ? r->asset_ja : r->asset_en,
			  ja ? r->rule_ja : r->rule_en, lang, out);
	return 0;
}

static int cmd_show(ym_ctx *ctx, int argc, char **argv)
{
	if (argc != 2)
		return ym_cli_usage("triage", _("triage show needs one FINDING"));
	char *end;
	long long id = strtoll(argv[1], &end, 10);
	if (*end || id <= 0)
		return ym_cli_usage("triage", _("'%s' is not a finding ID"),
				    argv[1]);
	ym_err err = YM_ERR_INIT;
	ym_arena a;
	ym_arena_init(&a, 0);
	ym_triage_row r;
	brief b;
	brief_of(ctx, id, &b);
	int rc = ym_store_triage_get(ctx->store, &ym_scope_all, id, &a, &r,
				     &err);
	if (rc == YM_E_NOTFOUND)
		ym_err_set(&err, rc,
			   b.vuln[0] ? _("finding %lld has no decision (run "
					 "'yamori triage')")
				     : _("no finding %lld"),
			   id);
	if (rc) {
		ym_arena_release(&a);
		return ym_cli_fail(&err);
	}
	ym_buf out = YM_BUF_INIT;
	if (ctx->format == YM_FMT_JSON) {
		ym_jsonw w;
		ym_buf ex = YM_BUF_INIT, exj = YM_BUF_INIT;
		ym_triage_explanation(&r, "en", &ex);
		ym_triage_explanation(&r, "ja", &exj);
		ym_jsonw_init(&w, &out, true);
		ym_jsonw_obj_begin(&w);
		ym_jsonw_kint(&w, "finding", id);
		ym_jsonw_kstr(&w, "outcome",
			      ym_policy_outcome_code(
				      (ym_policy_outcome)r.outcome));
		ym_jsonw_kstr(&w, "deadline", r.deadline);
		ym_jsonw_kstr(&w, "decided_at", r.decided_at);
		ym_jsonw_kstr(&w, "posture", r.posture_en);
		ym_jsonw_kstr(&w, "vector", r.ssvc_vector);
		ym_jsonw_kstr(&w, "explanation", ex.ptr);
		ym_jsonw_kstr(&w, "explanation_ja", exj.ptr);
		ym_jsonw_kstr(&w, "policy", r.policy_name);
		ym_jsonw_kint(&w, "policy_version", r.policy_version);
		ym_jsonw_key(&w, "inputs");
		ym_arena ja;
		ym_arena_init(&ja, 0);
		const ym_json *j = ym_json_parse(&ja, r.inputs_json,
						 strlen(r.inputs_json), NULL,
						 NULL, NULL);
		if (j)
			ym_jsonw_value(&w, j);
		else
			ym_jsonw_null(&w);
		ym_arena_release(&ja);
		if (r.residual_outcome >= 0) {
			ym_jsonw_key(&w, "residual");
			ym_jsonw_obj_begin(&w);
			ym_jsonw_kstr(&w, "outcome",
				      ym_policy_outcome_code(
					      (ym_policy_outcome)
						      r.residual_outcome));
			ym_jsonw_kstr(&w, "deadline", r.residual_deadline);
			ym_jsonw_kstr(&w, "after", r.residual_via);
			ym_jsonw_obj_end(&w);
		}
		ym_jsonw_obj_end(&w);
		ym_buf_addc(&out, '\n');
		ym_buf_release(&ex);
		ym_buf_release(&exj);
	} else {
		show_ctx sc = {.ctx = ctx, .out = &out, .finding = id};
		ym_buf_printf(&out, _("Finding %lld: %s, %s, %s\n"), id, b.asset,
			      b.component, b.vuln);
		ym_buf_printf(&out, _("Decision: %s, due %s (decided %s, "
				      "policy '%s' v%lld)\n"),
			      label(r.outcome, ctx), r.deadline, r.decided_at,
			      r.policy_name, (long long)r.policy_version);
		if (r.posture_en)
			ym_buf_printf(&out, _("Posture: %s\n"),
				      strcmp(ctx->lang, "ja") == 0
					      ? r.posture_ja
					      : r.posture_en);
		if (r.ssvc_vector)
			ym_buf_printf(&out, "SSVC: %s\n", r.ssvc_vector);
		ym_buf_printf(&out, "%s: ", _("Reason"));
		ym_triage_explanation(&r, ctx->lang, &out);
		ym_buf_addc(&out, '\n');
		if (r.residual_outcome >= 0)
			ym_buf_printf(&out,
				      _("Residual after %s: %s, due %s\n"),
				      r.residual_via ? r.residual_via : "",
				      label(r.residual_outcome, ctx),
				      r.residual_deadline);
		ym_buf_printf(&out, "%s:\n", _("Inputs"));
		show_inputs(r.inputs_json, &out);
		size_t mark = out.len;
		ym_buf_printf(&out, "%s:\n", _("Overrides in force"));
		size_t body = out.len;
		ym_store_triage_overrides_each(ctx->store, NULL, show_override,
					       &sc, &err);
		if (out.len == body)
			ym_buf_truncate(&out, mark);
		mark = out.len;
		ym_buf_printf(&out, "%s:\n", _("Mitigations"));
		body = out.len;
		ym_store_triage_mitigations_each(ctx->store, show_mit, &sc,
						 &err);
		if (out.len == body)
			ym_buf_truncate(&out, mark);
		ym_buf_printf(&out, "%s:\n", _("History"));
		ym_store_triage_history_each(ctx->store, id, show_history, &sc,
					     &err);
	}
	ym_cli_out(&out);
	ym_buf_release(&out);
	ym_arena_release(&a);
	return YM_EXIT_OK;
}

int ym_cmd_triage(ym_ctx *ctx, int argc, char **argv)
{
	if (ym_cli_wants_help(argc, argv)) {
		usage();
		return YM_EXIT_OK;
	}
	if (argc >= 2 && strcmp(argv[1], "show") == 0)
		return cmd_show(ctx, argc - 1, argv + 1);
	if (argc >= 2 && strcmp(argv[1], "override") == 0)
		return cmd_override(ctx, argc - 1, argv + 1);
	if (argc >= 2 && strcmp(argv[1], "mitigate") == 0)
		return cmd_mitigate(ctx, argc - 1, argv + 1);
	return cmd_run(ctx, argc, argv);
}

int ym_cli_triage_after(ym_ctx *ctx)
{
	bool in_use;
	ym_err err = YM_ERR_INIT;
	if (ym_store_triage_in_use(ctx->store, &in_use, &err))
		return ym_cli_fail(&err);
	/* only once the organisation decides findings with triage */
	if (!in_use)
		return YM_EXIT_OK;
	return run_triage(ctx, NULL, &ym_scope_all, 0, false, true);
}
