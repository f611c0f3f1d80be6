/* cmd_policy.c - yamori policy check|show|default: validate a triage
 * policy file, show the effective policy, print the shipped default. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/i18n.h"
#include "core/json.h"
#include "core/utf8.h"
#include "risk/policy.h"

static void usage(void)
{
	printf(_("usage: yamori policy check FILE\n"
		 "       yamori policy show [FILE]\n"
		 "       yamori policy default\n"
		 "\n"
		 "The triage policy turns evidence about a finding into an "
		 "outcome\n(Immediate, Out-of-cycle, Scheduled, Defer), a "
		 "deadline and an escalation\nposture (docs/policy.md).\n"
		 "\n"
		 "  check FILE   validate FILE; prints a one-line summary, "
		 "or every problem\n"
		 "               as FILE:LINE:COL: KEY: message (exit 1)\n"
		 "  show [FILE]  the effective policy (FILE, else the "
		 "built-in default) in\n"
		 "               readable form; --format json for machines\n"
		 "  default      print the built-in default policy (YAML) to "
		 "start from\n"));
}

static void usage_check(void)
{
	printf(_("usage: yamori policy check FILE\n"
		 "\n"
		 "Validates a triage policy file. Prints a one-line summary "
		 "and exits 0\nwhen it is valid; otherwise prints every "
		 "problem as\nFILE:LINE:COL: KEY: message on stderr and "
		 "exits 1.\n"));
}

static void usage_show(void)
{
	printf(_("usage: yamori policy show [FILE]\n"
		 "\n"
		 "Shows the effective policy: FILE, or the built-in default "
		 "without one.\nTexts are in the --lang language; --format "
		 "json prints codes and both\nlanguages.\n"));
}

static void usage_default(void)
{
	printf(_("usage: yamori policy default\n"
		 "\n"
		 "Prints the built-in default policy (YAML, commented in "
		 "Japanese and\nEnglish), e.g. yamori policy default > "
		 "policy.yaml\n"));
}

static void print_problem(const ym_err *e, void *arg)
{
	ym_buf b = YM_BUF_INIT;
	(void)arg;
	ym_err_format(e, &b);
	fprintf(stderr, "%s\n", b.ptr);
	ym_buf_release(&b);
}

/* Loads FILE (NULL: the default). Problems: every one printed when all,
 * else the first through ym_cli_fail. Returns 0 or an exit code. */
static int load(const char *file, bool all, ym_policy **p)
{
	ym_err err = YM_ERR_INIT;
	ym_buf text;
	int rc;
	if (!file) {
		if (ym_policy_load_default(p, &err))
			return ym_cli_fail(&err);
		return 0;
	}
	ym_buf_init(&text, YM_POLICY_MAX_INPUT);
	rc = ym_buf_read_file(&text, file, &err);
	if (rc) {
		ym_buf_release(&text);
		return ym_cli_fail(&err);
	}
	if (all) {
		rc = ym_policy_load_all(text.ptr, text.len, file, p, &err,
					print_problem, NULL);
		rc = rc ? YM_EXIT_FAIL : 0;
	} else {
		rc = ym_policy_load(text.ptr, text.len, file, p, &err);
		rc = rc ? ym_cli_fail(&err) : 0;
	}
	ym_buf_release(&text);
	return rc;
}

static const char *decide_code(unsigned d)
{
	return d == YM_POLICY_USE_SSVC	   ? "ssvc-deployer"
	       : d == YM_POLICY_USE_MATRIX ? "matrix"
					   : "both";
}

static int cmd_check(ym_ctx *ctx, int argc, char **argv)
{
	ym_policy *p = NULL;
	if (argc != 2)
		return ym_cli_usage("policy", argc < 2 ? _("missing FILE")
						       : _("too many "
							   "arguments"));
	int rc = load(argv[1], true, &p);
	if (rc)
		return rc;
	(void)ctx;
	printf(_("%s: ok: policy '%s' v%lld, decide with %s; rules: "
		 "impact %zu, likelihood %zu, escalation %zu; maintenance "
		 "windows: %zu\n"),
	       argv[1], p->name, (long long)p->version,
	       decide_code(p->decide_with), p->impact_rules.n,
	       p->likelihood_rules.n, p->n_escalations, p->n_windows);
	ym_policy_free(p);
	return YM_EXIT_OK;
}

/* ---- show: text ---- */

static const char *tx(const ym_ctx *ctx, const ym_policy_text *t)
{
	return ym_policy_text_in(t, ctx->lang);
}

/* s padded with spaces to cols display columns. */
static void pad(ym_buf *b, const char *s, size_t cols)
{
	size_t w = ym_utf8_width(s, strlen(s));
	ym_buf_adds(b, s);
	ym_buf_addn(b, ' ', w < cols ? cols - w : 1);
}

/* Display order of enum values (as in the file's documentation); NULL:
 * natural order. */
static const int order_exposure[] = {1, 2, 3, 0};
static const int order_crit[] = {3, 2, 1, 0};
static const int order_outcome[] = {3, 2, 1, 0};

static int nth_of(const int *order, int i)
{
	return order ? order[i] : i;
}

static void mask_list(ym_buf *b, unsigned mask, const char *(*name)(int),
		      int n, const int *order)
{
	int count = 0;
	for (int i = 0; i < n; i++)
		count += (mask >> i) & 1u;
	if (count > 1)
		ym_buf_addc(b, '[');
	for (int i = 0, k = 0; i < n; i++) {
		int v = nth_of(order, i);
		if ((mask >> v) & 1u)
			ym_buf_printf(b, "%s%s", k++ ? ", " : "", name(v));
	}
	if (count > 1)
		ym_buf_addc(b, ']');
}

static const char *n_outcome(int i)
{
	return ym_policy_outcome_code((ym_policy_outcome)i);
}
static const char *n_exposure(int i)
{
	return ym_policy_exposure_code((ym_policy_exposure)i);
}
static const char *n_crit(int i)
{
	return ym_policy_criticality_code((ym_policy_criticality)i);
}
static const char *n_expl(int i)
{
	return ym_policy_exploitation_code((ym_policy_exploitation)i);
}
static const ym_policy *cur_policy; /* for n_impact */
static const char *n_impact(int i)
{
	return cur_policy->impact_level[i].id;
}

/* The condition in the file's own words. */
static void cond_text(ym_buf *b, const ym_policy *p, const ym_policy_cond *w)
{
	const char *sep = "";
	cur_policy = p;
#define SEP() (ym_buf_adds(b, sep), sep = ", ")
	if (w->has & YM_PC_SYSTEMS) {
		SEP();
		ym_buf_printf(b, "systems_at_least: %lld",
			      (long long)w->systems_at_least);
	}
	if (w->has & YM_PC_OUTCOME) {
		SEP();
		ym_buf_adds(b, "outcome: ");
		mask_list(b, w->outcome, n_outcome, 4, order_outcome);
	}
	if (w->has & YM_PC_IMPACT) {
		SEP();
		ym_buf_adds(b, "impact: ");
		mask_list(b, w->impact, n_impact, (int)p->n_impact_levels,
			  NULL);
	}
	if (w->has & YM_PC_KEV) {
		SEP();
		ym_buf_printf(b, "kev: %s", w->kev ? "true" : "false");
	}
	if (w->has & YM_PC_EXPLOITATION) {
		SEP();
		ym_buf_adds(b, "exploitation: ");
		mask_list(b, w->exploitation, n_expl, 3, NULL);
	}
	if (w->has & YM_PC_AUTOMATABLE) {
		SEP();
		ym_buf_printf(b, "automatable: %s",
			      w->automatable == YM_POLICY_YES ? "true"
							      : "false");
	}
	if (w->has & YM_PC_EPSS_HIGH) {
		SEP();
		ym_buf_printf(b, "epss_high: %s",
			      w->epss_high ? "true" : "false");
	}
	if (w->has & YM_PC_EPSS_AT_LEAST) {
		SEP();
		ym_buf_printf(b, "epss_at_least: %g", w->epss_at_least);
	}
	if (w->has & YM_PC_EPSS_PCT_AT_LEAST) {
		SEP();
		ym_buf_printf(b, "epss_percentile_at_least: %g",
			      w->epss_percentile_at_least);
	}
	if (w->has & YM_PC_CRITICALITY) {
		SEP();
		ym_buf_adds(b, "criticality: ");
		mask_list(b, w->criticality, n_crit, 4, order_crit);
	}
	if (w->has & YM_PC_SAFETY) {
		SEP();
		ym_buf_printf(b, "safety_relevant: %s",
			      w->safety_relevant ? "true" : "false");
	}
	if (w->has & YM_PC_DATA_KIND) {
		SEP();
		ym_buf_adds(b, "data_kind_contains: [");
		for (size_t i = 0; i < w->n_data_kind; i++)
			ym_buf_printf(b, "%s%s", i ? ", " : "",
				      w->data_kind[i]);
		ym_buf_addc(b, ']');
	}
	if (w->has & YM_PC_DATA_RECORDS) {
		SEP();
		ym_buf_printf(b, "data_records_at_least: %lld",
			      (long long)w->data_records_at_least);
	}
	if (w->has & YM_PC_EXPOSURE) {
		SEP();
		ym_buf_adds(b, "exposure: ");
		mask_list(b, w->exposure, n_exposure, 4, order_exposure);
	}
#undef SEP
}

static const char *level_name(const ym_policy *p, int which, int level)
{
	if (which == 0)
		return p->impact_level[level].id;
	if (which == 1)
		return p->likelihood_level[level].id;
	if (which == 2)
		return ym_policy_mission_code((ym_policy_mission)level);
	return ym_policy_safety_code((ym_policy_safety)level);
}

static void rules_text(const ym_ctx *ctx, ym_buf *b, const ym_policy *p,
		       const char *title, const ym_policy_rules *r, int which)
{
	if (!r->n)
		return;
	ym_buf_printf(b, "\n%s\n", title);
	for (size_t i = 0; i < r->n; i++) {
		const ym_policy_rule *x = &r->rule[i];
		ym_buf_printf(b, "  %2zu. %s  ", i + 1,
			      level_name(p, which, x->level));
		if (x->when.has) {
			ym_buf_adds(b, _("if "));
			cond_text(b, p, &x->when);
		} else {
			ym_buf_adds(b, _("otherwise"));
		}
		ym_buf_printf(b, "\n      (%s)\n", tx(ctx, &x->because));
	}
}

static void window_text(const ym_ctx *ctx, ym_buf *b,
			const ym_policy_window *w)
{
	static const char *const wd[] = {
		N_("Sunday"), N_("Monday"), N_("Tuesday"), N_("Wednesday"),
		N_("Thursday"), N_("Friday"), N_("Saturday")};
	if (w->name.en[0])
		ym_buf_printf(b, "%s: ", tx(ctx, &w->name));
	if (w->kind == YM_POLICY_WIN_MONTHLY) {
		static const char *const nth[] = {
			N_("last"), N_("1st"), N_("2nd"), N_("3rd"),
			N_("4th"), N_("5th")};
		int k = w->week < 0 ? 0 : w->week;
		ym_buf_printf(b, _("the %s %s of each month"), _(nth[k]),
			      _(wd[w->weekday]));
	} else if (w->kind == YM_POLICY_WIN_WEEKLY) {
		ym_buf_printf(b, _("every %s"), _(wd[w->weekday]));
	} else {
		for (size_t i = 0; i < w->n_dates; i++) {
			char d[16];
			int64_t day = w->dates[i];
			/* reuse the policy formatter through a fake time */
			ym_policy z = {.tz_offset = 0};
			char full[40];
			ym_policy_time_format(&z, day * 86400, full,
					      sizeof full);
			snprintf(d, sizeof d, "%.10s", full);
			ym_buf_printf(b, "%s%s", i ? ", " : "", d);
		}
	}
	int end = w->end % 1440;
	ym_buf_printf(b, ", %02d:%02d-%02d:%02d", w->start / 60, w->start % 60,
		      end == 0 && w->end == 1440 ? 24 : end / 60, end % 60);
	if (w->end > 1440)
		ym_buf_adds(b, _(" (next day)"));
	ym_buf_addc(b, '\n');
}

static void show_text(const ym_ctx *ctx, const ym_policy *p, ym_buf *b)
{
	ym_buf_printf(b, _("policy '%s' version %lld (%s)\n"), p->name,
		      (long long)p->version, p->source);
	if (p->description.en && p->description.en[0])
		ym_buf_printf(b, "  %s\n", tx(ctx, &p->description));
	ym_buf_adds(b, _("decide with: "));
	if (p->decide_with == YM_POLICY_USE_SSVC)
		ym_buf_adds(b, _("SSVC deployer tree"));
	else if (p->decide_with == YM_POLICY_USE_MATRIX)
		ym_buf_adds(b, _("impact x likelihood matrix"));
	else
		ym_buf_adds(b, _("SSVC deployer tree and the impact x "
				 "likelihood matrix, the more urgent "
				 "outcome"));
	char off[16];
	int m = p->tz_offset < 0 ? -p->tz_offset : p->tz_offset;
	snprintf(off, sizeof off, "%c%02d:%02d", p->tz_offset < 0 ? '-' : '+',
		 m / 60 % 100, m % 60);
	if (strcmp(off, p->timezone) == 0)
		ym_buf_printf(b, _("\ntime zone: %s\n"), off);
	else
		ym_buf_printf(b, _("\ntime zone: %s (%s)\n"), p->timezone,
			      off);

	ym_buf_printf(b, "\n%s\n", _("outcomes and deadlines:"));
	for (int o = YM_POLICY_IMMEDIATE; o >= YM_POLICY_DEFER; o--) {
		const ym_policy_outcome_def *d = &p->outcome[o];
		ym_buf_adds(b, "  ");
		pad(b, tx(ctx, &d->label), 26);
		pad(b, ym_policy_outcome_code((ym_policy_outcome)o), 14);
		if (d->sla == YM_POLICY_SLA_DAYS)
			ym_buf_printf(b, _("deadline %d day(s)"), d->days);
		else if (d->sla == YM_POLICY_SLA_REVIEW)
			ym_buf_printf(b, _("review after %d day(s)"), d->days);
		else
			ym_buf_adds(b, _("next maintenance window"));
		ym_buf_addc(b, '\n');
	}
	if (p->n_windows) {
		ym_buf_printf(b, "\n");
		ym_buf_printf(b,
			      _("maintenance windows (starting at least %d "
				"days after the decision):\n"),
			      p->lead_days);
		for (size_t i = 0; i < p->n_windows; i++) {
			ym_buf_printf(b, "  %2zu. ", i + 1);
			window_text(ctx, b, &p->window[i]);
		}
	}
	ym_buf_printf(b, "\n%s\n", _("thresholds:"));
	ym_buf_printf(b, _("  EPSS at or above %g counts as a public exploit "
			   "(poc)\n"),
		      p->epss_poc);
	if (p->epss_high >= 0)
		ym_buf_printf(b, _("  EPSS high: probability %g or more\n"),
			      p->epss_high);
	if (p->epss_high_percentile >= 0)
		ym_buf_printf(b, _("  EPSS high: percentile %g or more\n"),
			      p->epss_high_percentile);

	ym_buf_printf(b, "\n%s", _("impact levels:"));
	for (size_t i = 0; i < p->n_impact_levels; i++)
		ym_buf_printf(b, " %s (%s)", p->impact_level[i].id,
			      tx(ctx, &p->impact_level[i].label));
	if (p->n_likelihood_levels) {
		ym_buf_printf(b, "\n%s", _("likelihood levels:"));
		for (size_t i = 0; i < p->n_likelihood_levels; i++)
			ym_buf_printf(b, " %s (%s)", p->likelihood_level[i].id,
				      tx(ctx, &p->likelihood_level[i].label));
	}
	ym_buf_addc(b, '\n');
	rules_text(ctx, b, p, _("impact rules (the first that holds):"),
		   &p->impact_rules, 0);
	rules_text(ctx, b, p, _("likelihood rules (the first that holds):"),
		   &p->likelihood_rules, 1);
	rules_text(ctx, b, p, _("SSVC mission impact rules:"),
		   &p->mission_rules, 2);
	rules_text(ctx, b, p, _("SSVC safety impact rules:"),
		   &p->safety_rules, 3);
	if (p->has_ssvc_exposure) {
		ym_buf_printf(b, "\n%s\n", _("SSVC system exposure:"));
		static const ym_policy_exposure order[] = {
			YM_POLICY_EXP_INTERNET, YM_POLICY_EXP_INTERNAL,
			YM_POLICY_EXP_ISOLATED, YM_POLICY_EXP_UNKNOWN};
		for (int i = 0; i < 4; i++)
			ym_buf_printf(b, "  %-9s -> %s\n",
				      ym_policy_exposure_code(order[i]),
				      ym_policy_ssvc_exposure_code(
					      p->ssvc_exposure[order[i]]));
	}
	if (p->decide_with & YM_POLICY_USE_MATRIX) {
		ym_buf_printf(b, "\n%s\n",
			      _("matrix (rows: impact, columns: "
				"likelihood):"));
		ym_buf_addn(b, ' ', 12);
		for (size_t j = 0; j < p->n_likelihood_levels; j++)
			pad(b, tx(ctx, &p->likelihood_level[j].label), 26);
		while (b->len && b->ptr[b->len - 1] == ' ')
			ym_buf_truncate(b, b->len - 1);
		ym_buf_addc(b, '\n');
		for (size_t i = 0; i < p->n_impact_levels; i++) {
			ym_buf_adds(b, "  ");
			pad(b, tx(ctx, &p->impact_level[i].label), 10);
			for (size_t j = 0; j < p->n_likelihood_levels; j++)
				pad(b, tx(ctx, &p->outcome[p->matrix[i][j]]
							 .label),
				    26);
			while (b->len && b->ptr[b->len - 1] == ' ')
				ym_buf_truncate(b, b->len - 1);
			ym_buf_addc(b, '\n');
		}
	}
	if (p->n_escalations) {
		ym_buf_printf(b, "\n%s\n",
			      _("escalation (every rule that holds):"));
		for (size_t i = 0; i < p->n_escalations; i++) {
			ym_buf_printf(b, "  %2zu. ", i + 1);
			cond_text(b, p, &p->escalation[i].when);
			ym_buf_printf(b, "\n      -> %s\n",
				      tx(ctx, &p->escalation[i].posture));
		}
	}
}

/* ---- show: json ---- */

static void json_text(ym_jsonw *w, const char *key, const ym_policy_text *t)
{
	ym_jsonw_key(w, key);
	ym_jsonw_obj_begin(w);
	ym_jsonw_kstr(w, "ja", t->ja ? t->ja : "");
	ym_jsonw_kstr(w, "en", t->en ? t->en : "");
	ym_jsonw_obj_end(w);
}

static void json_mask(ym_jsonw *w, const char *key, unsigned mask,
		      const char *(*name)(int), int n, const int *order)
{
	ym_jsonw_key(w, key);
	ym_jsonw_arr_begin(w);
	for (int i = 0; i < n; i++)
		if ((mask >> nth_of(order, i)) & 1u)
			ym_jsonw_str(w, name(nth_of(order, i)));
	ym_jsonw_arr_end(w);
}

static void json_cond(ym_jsonw *w, const ym_policy *p,
		      const ym_policy_cond *c)
{
	cur_policy = p;
	ym_jsonw_key(w, "when");
	ym_jsonw_obj_begin(w);
	if (c->has & YM_PC_SYSTEMS)
		ym_jsonw_kint(w, "systems_at_least", c->systems_at_least);
	if (c->has & YM_PC_OUTCOME)
		json_mask(w, "outcome", c->outcome, n_outcome, 4,
			  order_outcome);
	if (c->has & YM_PC_IMPACT)
		json_mask(w, "impact", c->impact, n_impact,
			  (int)p->n_impact_levels, NULL);
	if (c->has & YM_PC_KEV)
		ym_jsonw_kbool(w, "kev", c->kev);
	if (c->has & YM_PC_EXPLOITATION)
		json_mask(w, "exploitation", c->exploitation, n_expl, 3,
			  NULL);
	if (c->has & YM_PC_AUTOMATABLE)
		ym_jsonw_kbool(w, "automatable",
			       c->automatable == YM_POLICY_YES);
	if (c->has & YM_PC_EPSS_HIGH)
		ym_jsonw_kbool(w, "epss_high", c->epss_high);
	if (c->has & YM_PC_EPSS_AT_LEAST)
		ym_jsonw_kdouble(w, "epss_at_least", c->epss_at_least);
	if (c->has & YM_PC_EPSS_PCT_AT_LEAST)
		ym_jsonw_kdouble(w, "epss_percentile_at_least",
				 c->epss_percentile_at_least);
	if (c->has & YM_PC_CRITICALITY)
		json_mask(w, "criticality", c->criticality, n_crit, 4,
			  order_crit);
	if (c->has & YM_PC_SAFETY)
		ym_jsonw_kbool(w, "safety_relevant", c->safety_relevant);
	if (c->has & YM_PC_DATA_KIND) {
		ym_jsonw_key(w, "data_kind_contains");
		ym_jsonw_arr_begin(w);
		for (size_t i = 0; i < c->n_data_kind; i++)
			ym_jsonw_str(w, c->data_kind[i]);
		ym_jsonw_arr_end(w);
	}
	if (c->has & YM_PC_DATA_RECORDS)
		ym_jsonw_kint(w, "data_records_at_least",
			      c->data_records_at_least);
	if (c->has & YM_PC_EXPOSURE)
		json_mask(w, "exposure", c->exposure, n_exposure, 4,
			  order_exposure);
	ym_jsonw_obj_end(w);
}

static void json_rules(ym_jsonw *w, const ym_policy *p, const char *key,
		       const ym_policy_rules *r, int which)
{
	ym_jsonw_key(w, key);
	ym_jsonw_arr_begin(w);
	for (size_t i = 0; i < r->n; i++) {
		ym_jsonw_obj_begin(w);
		if (r->rule[i].when.has)
			json_cond(w, p, &r->rule[i].when);
		ym_jsonw_kstr(w, "level",
			      level_name(p, which, r->rule[i].level));
		json_text(w, "because", &r->rule[i].because);
		ym_jsonw_kint(w, "line", r->rule[i].line);
		ym_jsonw_obj_end(w);
	}
	ym_jsonw_arr_end(w);
}

static void json_levels(ym_jsonw *w, const char *key,
			const ym_policy_level *lv, size_t n)
{
	ym_jsonw_key(w, key);
	ym_jsonw_arr_begin(w);
	for (size_t i = 0; i < n; i++) {
		ym_jsonw_obj_begin(w);
		ym_jsonw_kstr(w, "id", lv[i].id);
		json_text(w, "label", &lv[i].label);
		ym_jsonw_obj_end(w);
	}
	ym_jsonw_arr_end(w);
}

static void show_json(const ym_policy *p, ym_buf *b)
{
	static const char *const wd[] = {"sun", "mon", "tue", "wed",
					 "thu", "fri", "sat"};
	static const char *const sla[] = {"days", "next_window", "review"};
	ym_jsonw w;
	ym_jsonw_init(&w, b, true);
	ym_jsonw_obj_begin(&w);
	ym_jsonw_kstr(&w, "source", p->source);
	ym_jsonw_kstr(&w, "name", p->name);
	ym_jsonw_kint(&w, "version", p->version);
	json_text(&w, "description", &p->description);
	ym_jsonw_kstr(&w, "decide_with", decide_code(p->decide_with));
	ym_jsonw_kstr(&w, "timezone", p->timezone);
	ym_jsonw_kint(&w, "utc_offset_minutes", p->tz_offset);
	ym_jsonw_key(&w, "outcomes");
	ym_jsonw_obj_begin(&w);
	for (int o = YM_POLICY_IMMEDIATE; o >= YM_POLICY_DEFER; o--) {
		const ym_policy_outcome_def *d = &p->outcome[o];
		ym_jsonw_key(&w, ym_policy_outcome_code((ym_policy_outcome)o));
		ym_jsonw_obj_begin(&w);
		json_text(&w, "label", &d->label);
		ym_jsonw_kstr(&w, "sla", sla[d->sla]);
		if (d->sla != YM_POLICY_SLA_NEXT_WINDOW)
			ym_jsonw_kint(&w, "days", d->days);
		ym_jsonw_obj_end(&w);
	}
	ym_jsonw_obj_end(&w);
	ym_jsonw_key(&w, "maintenance");
	ym_jsonw_obj_begin(&w);
	ym_jsonw_kint(&w, "lead_days", p->lead_days);
	ym_jsonw_key(&w, "windows");
	ym_jsonw_arr_begin(&w);
	for (size_t i = 0; i < p->n_windows; i++) {
		const ym_policy_window *x = &p->window[i];
		char t[16];
		ym_jsonw_obj_begin(&w);
		if (x->name.en[0])
			json_text(&w, "name", &x->name);
		if (x->kind == YM_POLICY_WIN_MONTHLY) {
			ym_jsonw_kstr(&w, "repeat", "monthly");
			if (x->week < 0)
				ym_jsonw_kstr(&w, "week", "last");
			else
				ym_jsonw_kint(&w, "week", x->week);
			ym_jsonw_kstr(&w, "weekday", wd[x->weekday]);
		} else if (x->kind == YM_POLICY_WIN_WEEKLY) {
			ym_jsonw_kstr(&w, "repeat", "weekly");
			ym_jsonw_kstr(&w, "weekday", wd[x->weekday]);
		} else {
			ym_policy z = {.tz_offset = 0};
			ym_jsonw_kstr(&w, "repeat", "dates");
			ym_jsonw_key(&w, "dates");
			ym_jsonw_arr_begin(&w);
			for (size_t k = 0; k < x->n_dates; k++) {
				char full[40];
				ym_policy_time_format(&z, x->dates[k] * 86400,
						      full, sizeof full);
				full[10] = '\0';
				ym_jsonw_str(&w, full);
			}
			ym_jsonw_arr_end(&w);
		}
		snprintf(t, sizeof t, "%02d:%02d", x->start / 60,
			 x->start % 60);
		ym_jsonw_kstr(&w, "start", t);
		int end = x->end % 1440;
		snprintf(t, sizeof t, "%02d:%02d",
			 x->end == 1440 ? 24 : end / 60, end % 60);
		ym_jsonw_kstr(&w, "end", t);
		ym_jsonw_kbool(&w, "ends_next_day", x->end > 1440);
		ym_jsonw_obj_end(&w);
	}
	ym_jsonw_arr_end(&w);
	ym_jsonw_obj_end(&w);
	ym_jsonw_key(&w, "thresholds");
	ym_jsonw_obj_begin(&w);
	ym_jsonw_kdouble(&w, "epss_poc", p->epss_poc);
	if (p->epss_high >= 0)
		ym_jsonw_kdouble(&w, "epss_high", p->epss_high);
	if (p->epss_high_percentile >= 0)
		ym_jsonw_kdouble(&w, "epss_high_percentile",
				 p->epss_high_percentile);
	ym_jsonw_obj_end(&w);
	json_levels(&w, "impact_levels", p->impact_level, p->n_impact_levels);
	json_levels(&w, "likelihood_levels", p->likelihood_level,
		    p->n_likelihood_levels);
	json_rules(&w, p, "impact_rules", &p->impact_rules, 0);
	json_rules(&w, p, "likelihood_rules", &p->likelihood_rules, 1);
	json_rules(&w, p, "mission_impact_rules", &p->mission_rules, 2);
	json_rules(&w, p, "safety_impact_rules", &p->safety_rules, 3);
	if (p->has_ssvc_exposure) {
		ym_jsonw_key(&w, "ssvc_exposure");
		ym_jsonw_obj_begin(&w);
		for (int i = 1; i <= 4; i++) {
			ym_policy_exposure e = (ym_policy_exposure)(i % 4);
			ym_jsonw_kstr(&w, ym_policy_exposure_code(e),
				      ym_policy_ssvc_exposure_code(
					      p->ssvc_exposure[e]));
		}
		ym_jsonw_obj_end(&w);
	}
	if (p->decide_with & YM_POLICY_USE_MATRIX) {
		ym_jsonw_key(&w, "matrix");
		ym_jsonw_obj_begin(&w);
		for (size_t i = 0; i < p->n_impact_levels; i++) {
			ym_jsonw_key(&w, p->impact_level[i].id);
			ym_jsonw_obj_begin(&w);
			for (size_t j = 0; j < p->n_likelihood_levels; j++)
				ym_jsonw_kstr(&w, p->likelihood_level[j].id,
					      ym_policy_outcome_code(
						      p->matrix[i][j]));
			ym_jsonw_obj_end(&w);
		}
		ym_jsonw_obj_end(&w);
	}
	ym_jsonw_key(&w, "escalation");
	ym_jsonw_arr_begin(&w);
	for (size_t i = 0; i < p->n_escalations; i++) {
		ym_jsonw_obj_begin(&w);
		json_cond(&w, p, &p->escalation[i].when);
		json_text(&w, "posture", &p->escalation[i].posture);
		ym_jsonw_kint(&w, "line", p->escalation[i].line);
		ym_jsonw_obj_end(&w);
	}
	ym_jsonw_arr_end(&w);
	ym_jsonw_obj_end(&w);
	ym_buf_addc(b, '\n');
}

static int cmd_show(ym_ctx *ctx, int argc, char **argv)
{
	ym_policy *p = NULL;
	ym_buf out = YM_BUF_INIT;
	if (argc > 2)
		return ym_cli_usage("policy", _("too many arguments"));
	if (ctx->format == YM_FMT_CSV)
		return ym_cli_usage("policy",
				    _("policy show prints table or json"));
	int rc = load(argc == 2 ? argv[1] : NULL, false, &p);
	if (rc)
		return rc;
	if (ctx->format == YM_FMT_JSON)
		show_json(p, &out);
	else
		show_text(ctx, p, &out);
	ym_cli_out(&out);
	ym_buf_release(&out);
	ym_policy_free(p);
	return YM_EXIT_OK;
}

static int cmd_default(ym_ctx *ctx, int argc, char **argv)
{
	size_t len = 0;
	const char *t = ym_policy_default_text(&len);
	(void)ctx;
	(void)argv;
	if (argc != 1)
		return ym_cli_usage("policy", _("too many arguments"));
	if (!t) {
		fprintf(stderr, "yamori: %s\n",
			_("the default policy is not built in"));
		return YM_EXIT_FAIL;
	}
	fwrite(t, 1, len, stdout);
	return YM_EXIT_OK;
}

int ym_cmd_policy(ym_ctx *ctx, int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*run)(ym_ctx *, int, char **);
		void (*help)(void);
	} subs[] = {{"check", cmd_check, usage_check},
		    {"show", cmd_show, usage_show},
		    {"default", cmd_default, usage_default}};
	int first = 1;
	if (argc > 1 && strcmp(argv[1], "--") == 0)
		first = 2;
	for (size_t i = 0; argc > first && i < 3; i++) {
		if (strcmp(argv[first], subs[i].name) != 0)
			continue;
		if (ym_cli_wants_help(argc - first, argv + first)) {
			subs[i].help();
			return YM_EXIT_OK;
		}
		int n = argc - first;
		char **av = argv + first;
		/* the sub-command takes no options; "--" ends them */
		for (int j = 1; j < n; j++) {
			if (strcmp(av[j], "--") == 0) {
				for (int m = j; m + 1 < n; m++)
					av[m] = av[m + 1];
				n--;
				break;
			}
			if (av[j][0] == '-' && av[j][1] != '\0')
				return ym_cli_usage("policy",
						    _("unknown option '%s'"),
						    av[j]);
		}
		return subs[i].run(ctx, n, av);
	}
	if (ym_cli_wants_help(argc, argv)) {
		usage();
		return YM_EXIT_OK;
	}
	if (argc <= first)
		return ym_cli_usage("policy",
				    _("missing sub-command (check, show or "
				      "default)"));
	return ym_cli_usage("policy", _("unknown sub-command '%s'"),
			    argv[first]);
}
