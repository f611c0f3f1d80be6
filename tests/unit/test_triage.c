/* Unit tests for risk/triage: every input from each evidence source, the
 * CVSS heuristic (v3.1, v3.0, v4.0, v2), overrides and their precedence
 * and expiry, mitigations and the residual decision, hand-checked
 * decisions and deadlines with the shipped default policy, the exact
 * explanations in Japanese and English, and the causes of a changed
 * decision, both pure and through a run over a small store. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/buf.h"
#include "risk/triage.h"
#include "store/store.h"
#include "store/triage.h"
#include "test.h"

#define NOW "2026-11-21T09:00:00Z" /* 18:00 in Tokyo */
#define V31_NET "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"

static ym_policy *dflt;
static ym_ssvc_registry *reg;

static void t_setup(void)
{
	ym_err err = YM_ERR_INIT;
	CHECK_INT(ym_policy_load_default(&dflt, &err), 0);
	CHECK_INT(ym_ssvc_registry_load(&reg, &err), 0);
}

/* ---- vocabulary ---- */

static void t_vocabulary(void)
{
	CHECK_INT(ym_triage_input_parse("exposure"), YM_TI_EXPOSURE);
	CHECK_INT(ym_triage_input_parse("mission"), YM_TI_MISSION_IMPACT);
	CHECK_INT(ym_triage_input_parse("human"), YM_TI_HUMAN_IMPACT);
	CHECK_INT(ym_triage_input_parse("speed"), -1);
	CHECK_INT(ym_triage_input_parse(NULL), -1);
	CHECK_INT(ym_triage_value_parse(dflt, YM_TI_EXPOSURE, "open"),
		  YM_POLICY_EXP_INTERNET);
	CHECK_INT(ym_triage_value_parse(dflt, YM_TI_EXPOSURE, "controlled"),
		  YM_POLICY_EXP_INTERNAL);
	CHECK_INT(ym_triage_value_parse(dflt, YM_TI_EXPOSURE, "small"),
		  YM_POLICY_EXP_ISOLATED);
	CHECK_INT(ym_triage_value_parse(dflt, YM_TI_EXPOSURE, "internal"),
		  YM_POLICY_EXP_INTERNAL);
	CHECK_INT(ym_triage_value_parse(dflt, YM_TI_EXPLOITATION,
					"public_poc"),
		  YM_POLICY_EXPL_POC);
	CHECK_INT(ym_triage_value_parse(dflt, YM_TI_AUTOMATABLE, "true"), 1);
	CHECK_INT(ym_triage_value_parse(dflt, YM_TI_AUTOMATABLE, "no"), 0);
	CHECK_INT(ym_triage_value_parse(dflt, YM_TI_IMPACT, "medium"), 1);
	CHECK_INT(ym_triage_value_parse(NULL, YM_TI_IMPACT, "medium"), -1);
	CHECK_INT(ym_triage_value_parse(dflt, YM_TI_LIKELIHOOD, "huge"), -1);
	CHECK_INT(ym_triage_value_parse(dflt, YM_TI_HUMAN_IMPACT,
					"very_high"),
		  3);
	CHECK_STR(ym_triage_value_code(dflt, YM_TI_IMPACT, 0), "high");
	CHECK_STR(ym_triage_value_code(dflt, YM_TI_LIKELIHOOD, 2), "low");
	CHECK_STR(ym_triage_value_code(dflt, YM_TI_LIKELIHOOD, 7), "unknown");
	CHECK_STR(ym_triage_value_code(dflt, YM_TI_MISSION_IMPACT, 2),
		  "mef_failure");
	CHECK_STR(ym_triage_value_code(dflt, YM_TI_EXPOSURE, -1), "unknown");
	CHECK_STR(ym_triage_source_code(YM_TS_NMAP), "scan");
	CHECK_STR(ym_triage_outcome_label(YM_POLICY_SCHEDULED, "ja"),
		  "定期メンテナンスで対応");
	CHECK_STR(ym_triage_outcome_label(YM_POLICY_OUT_OF_CYCLE, "en"),
		  "Out-of-cycle");
	CHECK_STR(ym_triage_outcome_label(9, "en"), "?");
}

/* ---- the CVSS heuristic ---- */

static void t_cvss_heuristic(void)
{
	/* v3.1 */
	CHECK_INT(ym_triage_cvss_automatable(V31_NET), 1);
	CHECK_INT(ym_triage_cvss_technical_impact(V31_NET), 1);
	CHECK_INT(ym_triage_cvss_automatable(
			  "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H"),
		  0);
	CHECK_INT(ym_triage_cvss_automatable(
			  "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H"),
		  0);
	CHECK_INT(ym_triage_cvss_automatable(
			  "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H"),
		  0);
	CHECK_INT(ym_triage_cvss_technical_impact(
			  "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:L/A:H"),
		  0);
	/* v3.0 */
	CHECK_INT(ym_triage_cvss_automatable(
			  "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:N"),
		  1);
	CHECK_INT(ym_triage_cvss_technical_impact(
			  "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:N"),
		  1);
	CHECK_INT(ym_triage_cvss_automatable(
			  "CVSS:3.0/AV:A/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N"),
		  0);
	CHECK_INT(ym_triage_cvss_technical_impact(
			  "CVSS:3.0/AV:A/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N"),
		  0);
	/* v4.0: AT:N also; VC/VI, not the subsequent system's SC/SI */
	const char *v4 = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/"
			 "SC:N/SI:N/SA:N";
	CHECK_INT(ym_triage_cvss_automatable(v4), 1);
	CHECK_INT(ym_triage_cvss_technical_impact(v4), 1);
	CHECK_INT(ym_triage_cvss_automatable(
			  "CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:H/VA:H/"
			  "SC:N/SI:N/SA:N"),
		  0);
	CHECK_INT(ym_triage_cvss_technical_impact(
			  "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:H/VA:H/"
			  "SC:H/SI:H/SA:H"),
		  0);
	CHECK_INT(ym_triage_cvss_automatable(
			  "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:A/VC:H/VI:H/VA:H/"
			  "SC:N/SI:N/SA:N"),
		  0);
	/* v2, with and without parentheses */
	CHECK_INT(ym_triage_cvss_automatable("AV:N/AC:L/Au:N/C:C/I:C/A:C"), 1);
	CHECK_INT(ym_triage_cvss_technical_impact("AV:N/AC:L/Au:N/C:C/I:C/A:C"),
		  1);
	CHECK_INT(ym_triage_cvss_automatable("(AV:N/AC:L/Au:S/C:P/I:P/A:P)"),
		  0);
	CHECK_INT(ym_triage_cvss_technical_impact(
			  "(AV:N/AC:L/Au:S/C:P/I:P/A:P)"),
		  0);
	CHECK_INT(ym_triage_cvss_automatable("AV:N/AC:M/Au:N/C:C/I:C/A:C"), 0);
	/* not a vector */
	CHECK_INT(ym_triage_cvss_automatable(NULL), -1);
	CHECK_INT(ym_triage_cvss_automatable(""), -1);
	CHECK_INT(ym_triage_cvss_technical_impact("CVSS:2.0/whatever"), -1);
}

/* ---- vulnerability inputs by source ---- */

static ym_triage_vuln_facts no_facts(void)
{
	return (ym_triage_vuln_facts){.epss = -1, .epss_percentile = -1};
}

static void t_exploitation_sources(void)
{
	ym_triage_vuln_inputs vi;
	ym_triage_vuln_facts f = no_facts();
	const ym_triage_value *x = &vi.v[YM_TI_EXPLOITATION];

	ym_triage_vuln_derive(dflt, &f, &vi);
	CHECK_INT(x->value, YM_POLICY_EXPL_NONE);
	CHECK_INT(x->source, YM_TS_NONE);
	CHECK_STR(x->date, "");

	/* KEV: active, with the date added and the name */
	f.kev = true;
	f.kev_date = "2026-03-02";
	f.kev_name = "Lodash Command Injection";
	f.adp_exploitation = "poc";
	f.adp_date = "2025-01-15T12:00:00Z";
	ym_triage_vuln_derive(dflt, &f, &vi);
	CHECK_INT(x->value, YM_POLICY_EXPL_ACTIVE);
	CHECK_INT(x->source, YM_TS_KEV);
	CHECK_STR(x->date, "2026-03-02");
	CHECK_STR(x->detail, "Lodash Command Injection");
	CHECK(vi.kev);

	/* CISA ADP: active, poc (also as SSVC's public_poc), none */
	f = no_facts();
	f.adp_exploitation = "active";
	f.adp_date = "2025-01-15T12:00:00Z";
	ym_triage_vuln_derive(dflt, &f, &vi);
	CHECK_INT(x->value, YM_POLICY_EXPL_ACTIVE);
	CHECK_INT(x->source, YM_TS_ADP);
	CHECK_STR(x->date, "2025-01-15");
	CHECK(!vi.kev);
	f.adp_exploitation = "public_poc";
	f.exploit_ref = "https://example.org/poc";
	ym_triage_vuln_derive(dflt, &f, &vi);
	CHECK_INT(x->value, YM_POLICY_EXPL_POC);
	CHECK_INT(x->source, YM_TS_ADP); /* ADP before references */
	f.adp_exploitation = "none";
	f.exploit_ref = NULL;
	ym_triage_vuln_derive(dflt, &f, &vi);
	CHECK_INT(x->value, YM_POLICY_EXPL_NONE);
	CHECK_INT(x->source, YM_TS_ADP);

	/* a reference tagged Exploit: poc, with the URL and the date */
	f = no_facts();
	f.exploit_ref = "https://example.org/poc";
	f.exploit_ref_date = "2024-02-03T00:00:00Z";
	f.epss = 0.9;
	f.epss_date = "2026-11-20";
	ym_triage_vuln_derive(dflt, &f, &vi);
	CHECK_INT(x->value, YM_POLICY_EXPL_POC);
	CHECK_INT(x->source, YM_TS_REFS);
	CHECK_STR(x->date, "2024-02-03");
	CHECK_STR(x->detail, "https://example.org/poc");

	/* EPSS at the threshold (0.1) is poc; just below is not */
	f = no_facts();
	f.epss = 0.1;
	f.epss_percentile = 0.92;
	f.epss_date = "2026-11-20";
	ym_triage_vuln_derive(dflt, &f, &vi);
	CHECK_INT(x->value, YM_POLICY_EXPL_POC);
	CHECK_INT(x->source, YM_TS_EPSS);
	CHECK_STR(x->date, "2026-11-20");
	CHECK(vi.epss == 0.1 && vi.epss_percentile == 0.92);
	f.epss = 0.0999;
	ym_triage_vuln_derive(dflt, &f, &vi);
	CHECK_INT(x->value, YM_POLICY_EXPL_NONE);
	CHECK_INT(x->source, YM_TS_NONE);

	/* the strongest evidence wins: ADP says none, EPSS says poc */
	f.epss = 0.5;
	f.adp_exploitation = "none";
	ym_triage_vuln_derive(dflt, &f, &vi);
	CHECK_INT(x->value, YM_POLICY_EXPL_POC);
	CHECK_INT(x->source, YM_TS_EPSS);

	/* without a policy, EPSS is no evidence of exploitation */
	ym_triage_vuln_derive(NULL, &f, &vi);
	CHECK_INT(x->value, YM_POLICY_EXPL_NONE);
	CHECK_INT(x->source, YM_TS_ADP);
}

static void t_automatable_sources(void)
{
	ym_triage_vuln_inputs vi;
	ym_triage_vuln_facts f = no_facts();
	const ym_triage_value *a = &vi.v[YM_TI_AUTOMATABLE];
	const ym_triage_value *t = &vi.v[YM_TI_TECHNICAL_IMPACT];

	ym_triage_vuln_derive(dflt, &f, &vi);
	CHECK_INT(a->value, -1);
	CHECK_INT(a->source, YM_TS_NONE);
	CHECK_INT(t->value, -1);

	/* the CVSS heuristic on the vector given */
	f.cvss_vector = V31_NET;
	f.cvss_date = "2026-05-01";
	ym_triage_vuln_derive(dflt, &f, &vi);
	CHECK_INT(a->value, 1);
	CHECK_INT(a->source, YM_TS_CVSS);
	CHECK_STR(a->date, "2026-05-01");
	CHECK_STR(a->detail, V31_NET);
	CHECK_INT(t->value, 1);
	CHECK_INT(t->source, YM_TS_CVSS);

	/* CISA ADP comes first */
	f.adp_automatable = "no";
	f.adp_technical_impact = "partial";
	f.adp_date = "2025-06-30T00:00:00Z";
	ym_triage_vuln_derive(dflt, &f, &vi);
	CHECK_INT(a->value, 0);
	CHECK_INT(a->source, YM_TS_ADP);
	CHECK_STR(a->date, "2025-06-30");
	CHECK_INT(t->value, 0);
	CHECK_INT(t->source, YM_TS_ADP);

	/* an ADP word that is not a value leaves it to CVSS */
	f.adp_automatable = "maybe";
	ym_triage_vuln_derive(dflt, &f, &vi);
	CHECK_INT(a->value, 1);
	CHECK_INT(a->source, YM_TS_CVSS);
}

/* ---- asset inputs ---- */

static void t_asset_sources(void)
{
	ym_triage_asset_inputs ai;
	ym_triage_asset_facts f = {.exposure = "internal",
				   .exposure_date = "2026-01-10",
				   .criticality = "medium",
				   .data_records = -1};
	const ym_triage_value *e = &ai.v[YM_TI_EXPOSURE];

	ym_triage_asset_derive(dflt, &f, &ai);
	CHECK_INT(e->value, YM_POLICY_EXP_INTERNAL);
	CHECK_INT(e->source, YM_TS_LEDGER);
	CHECK_STR(e->date, "2026-01-10");
	CHECK(e->detail == NULL);
	/* medium criticality: impact medium (rule 5), MEF support
	 * crippled (rule 3), negligible (rule 4) */
	CHECK_INT(ai.v[YM_TI_IMPACT].value, 1);
	CHECK_INT(ai.v[YM_TI_IMPACT].rule, 4);
	CHECK_INT(ai.v[YM_TI_MISSION_IMPACT].value,
		  YM_POLICY_MISSION_MEF_SUPPORT_CRIPPLED);
	CHECK_INT(ai.v[YM_TI_MISSION_IMPACT].rule, 2);
	CHECK_INT(ai.v[YM_TI_SAFETY_IMPACT].value,
		  YM_POLICY_SAFETY_NEGLIGIBLE);
	CHECK_INT(ai.v[YM_TI_SAFETY_IMPACT].rule, 3);
	CHECK_INT(ai.v[YM_TI_SAFETY_IMPACT].source, YM_TS_POLICY);
	CHECK_INT(ai.v[YM_TI_HUMAN_IMPACT].value, -1); /* decided later */

	/* ports a scan saw: shown with the date seen */
	f.exposure = "internet";
	f.open_ports = "443/tcp,22/tcp";
	f.seen_at = "2026-11-01T03:00:00Z";
	ym_triage_asset_derive(dflt, &f, &ai);
	CHECK_INT(e->value, YM_POLICY_EXP_INTERNET);
	CHECK_INT(e->source, YM_TS_NMAP);
	CHECK_STR(e->date, "2026-11-01");
	CHECK_STR(e->detail, "443/tcp,22/tcp");
	CHECK_INT(ai.asset.exposure, YM_POLICY_EXP_INTERNET);

	/* ports the ledger lists, no scan: the ledger's date */
	f.exposure_date = "2026-02-01";
	f.seen_at = NULL;
	f.open_ports = "8080/tcp";
	ym_triage_asset_derive(dflt, &f, &ai);
	CHECK_INT(e->source, YM_TS_LEDGER);
	CHECK_STR(e->date, "2026-02-01");
	CHECK_STR(e->detail, "8080/tcp");
	ym_triage_vuln_inputs vi;
	ym_triage_vuln_facts vf = no_facts();
	ym_triage_inputs in;
	ym_buf b = YM_BUF_INIT;
	ym_triage_vuln_derive(dflt, &vf, &vi);
	ym_triage_inputs_make(&vi, &ai, NULL, 0, &in);
	ym_triage_text_asset(dflt, &in, "en", &b);
	CHECK_STR(b.ptr, "internet-facing (ledger, as of 2026-02-01; ports "
			 "8080/tcp open); medium impact (system of medium or "
			 "unassessed criticality)");
	ym_buf_reset(&b);
	ym_triage_text_asset(dflt, &in, "ja", &b);
	CHECK_STR(b.ptr, "インターネットに公開（台帳、2026-02-01 時点。ポート "
			 "8080/tcp が開放）。想定被害 中（重要度「中」または未評価"
			 "のシステム）");
	ym_buf_release(&b);

	/* safety-relevant and of high criticality */
	f = (ym_triage_asset_facts){.exposure = "isolated",
				    .criticality = "high",
				    .safety_relevant = true,
				    .data_records = -1};
	ym_triage_asset_derive(dflt, &f, &ai);
	CHECK_INT(ai.v[YM_TI_IMPACT].value, 0);
	CHECK_INT(ai.v[YM_TI_IMPACT].rule, 0);
	CHECK_INT(ai.v[YM_TI_MISSION_IMPACT].value, YM_POLICY_MISSION_FAILURE);
	CHECK_INT(ai.v[YM_TI_SAFETY_IMPACT].value,
		  YM_POLICY_SAFETY_CATASTROPHIC);

	/* personal data, 120,000 records, low criticality */
	f = (ym_triage_asset_facts){.exposure = "internal",
				    .criticality = "low",
				    .data_kind = "個人情報",
				    .data_records = 120000};
	ym_triage_asset_derive(dflt, &f, &ai);
	CHECK_INT(ai.v[YM_TI_IMPACT].value, 0);
	CHECK_INT(ai.v[YM_TI_IMPACT].rule, 1);
	CHECK_INT(ai.v[YM_TI_MISSION_IMPACT].value,
		  YM_POLICY_MISSION_DEGRADED);
	CHECK_INT(ai.v[YM_TI_SAFETY_IMPACT].value, YM_POLICY_SAFETY_MARGINAL);
	CHECK_INT(ai.v[YM_TI_SAFETY_IMPACT].rule, 2);
	/* fewer records: medium (rule 4) */
	f.data_records = 9999;
	ym_triage_asset_derive(dflt, &f, &ai);
	CHECK_INT(ai.v[YM_TI_IMPACT].value, 1);
	CHECK_INT(ai.v[YM_TI_IMPACT].rule, 3);
	CHECK_INT(ai.v[YM_TI_SAFETY_IMPACT].value,
		  YM_POLICY_SAFETY_NEGLIGIBLE);

	/* unknown exposure, no data kind: low impact */
	f = (ym_triage_asset_facts){.criticality = "low", .data_kind = "",
				    .data_records = -1};
	ym_triage_asset_derive(dflt, &f, &ai);
	CHECK_INT(e->value, YM_POLICY_EXP_UNKNOWN);
	CHECK(ai.asset.data_kind == NULL);
	CHECK_INT(ai.v[YM_TI_IMPACT].value, 2);
	CHECK_INT(ai.v[YM_TI_IMPACT].rule, 5);
}

/* ---- deciding ---- */

typedef struct fixture {
	ym_triage_vuln_facts vf;
	ym_triage_asset_facts af;
	ym_triage_vuln_inputs vi;
	ym_triage_asset_inputs ai;
	ym_triage_inputs in;
	ym_triage_decision d;
} fixture;

static void decide(ym_triage_engine *e, fixture *x,
		   const ym_triage_change *ch, size_t n)
{
	ym_triage_vuln_derive(dflt, &x->vf, &x->vi);
	ym_triage_asset_derive(dflt, &x->af, &x->ai);
	ym_triage_inputs_make(&x->vi, &x->ai, ch, n, &x->in);
	ym_triage_decide(e, &x->in, &x->d);
}

static const char *due(ym_policy_outcome o)
{
	static char buf[4][11];
	int64_t t = 0;
	ym_policy_deadline dl;
	if (ym_policy_time_parse(dflt, NOW, &t, NULL) ||
	    ym_policy_deadline_of(dflt, o, t, &dl, NULL))
		return "error";
	snprintf(buf[o], sizeof buf[o], "%s", dl.due_date);
	return buf[o];
}

static void t_decisions(void)
{
	ym_triage_engine e;
	ym_err err = YM_ERR_INIT;
	CHECK_INT(ym_triage_engine_init(&e, dflt, reg, &err), 0);
	fixture x;

	/* KEV, internet, automatable, safety-relevant and high: SSVC
	 * (active, open, yes, very high) immediate; matrix high x high */
	memset(&x, 0, sizeof x);
	x.vf = no_facts();
	x.vf.kev = true;
	x.vf.kev_date = "2026-03-02";
	x.vf.cvss_vector = V31_NET;
	x.af = (ym_triage_asset_facts){.exposure = "internet",
				       .criticality = "high",
				       .safety_relevant = true,
				       .data_records = -1};
	decide(&e, &x, NULL, 0);
	CHECK_INT(x.d.outcome, YM_POLICY_IMMEDIATE);
	CHECK_INT(x.d.ssvc, YM_POLICY_IMMEDIATE);
	CHECK_INT(x.d.matrix, YM_POLICY_IMMEDIATE);
	CHECK_INT(x.d.by, YM_POLICY_BY_BOTH);
	CHECK_INT(x.d.human, 3);
	CHECK_INT(x.d.impact, 0);
	CHECK_INT(x.d.likelihood, 0);
	CHECK_INT(x.d.likelihood_rule, 0);
	CHECK_STR(x.d.vector, "SSVCv2/A:Y/DSOI:I/E:A/EXP:O/HI:VH/MI:MF/SI:C/");
	CHECK_INT(x.in.v[YM_TI_HUMAN_IMPACT].source, YM_TS_TABLE);
	CHECK_STR(due(YM_POLICY_IMMEDIATE), "2026-11-22");

	/* nothing known, internet, medium criticality, not automatable:
	 * SSVC (none, open, no, low) defer; matrix medium x medium
	 * out-of-cycle, which decides */
	memset(&x, 0, sizeof x);
	x.vf = no_facts();
	x.vf.cvss_vector = "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:L/I:H/A:L";
	x.af = (ym_triage_asset_facts){.exposure = "internet",
				       .criticality = "medium",
				       .data_records = -1};
	decide(&e, &x, NULL, 0);
	CHECK_INT(x.d.ssvc, YM_POLICY_DEFER);
	CHECK_INT(x.d.matrix, YM_POLICY_OUT_OF_CYCLE);
	CHECK_INT(x.d.outcome, YM_POLICY_OUT_OF_CYCLE);
	CHECK_INT(x.d.by, YM_POLICY_BY_MATRIX);
	CHECK_INT(x.d.likelihood_rule, 5); /* exposed to the internet */
	CHECK_STR(due(YM_POLICY_OUT_OF_CYCLE), "2026-12-05");

	/* internal, high criticality, automatable: SSVC (none, controlled,
	 * yes, medium) scheduled; matrix high x low scheduled. The next
	 * maintenance window starting 7 days or more after Saturday
	 * 2026-11-21 18:00 JST: the 3rd Saturday of December */
	memset(&x, 0, sizeof x);
	x.vf = no_facts();
	x.vf.cvss_vector = V31_NET;
	x.af = (ym_triage_asset_facts){.exposure = "internal",
				       .criticality = "high",
				       .data_records = -1};
	decide(&e, &x, NULL, 0);
	CHECK_INT(x.d.outcome, YM_POLICY_SCHEDULED);
	CHECK_INT(x.d.ssvc, YM_POLICY_SCHEDULED);
	CHECK_INT(x.d.matrix, YM_POLICY_SCHEDULED);
	CHECK_INT(x.d.human, 1);
	CHECK_STR(due(YM_POLICY_SCHEDULED), "2026-12-19");

	/* isolated, low criticality, nothing known: defer on both; the
	 * review is 180 days later */
	memset(&x, 0, sizeof x);
	x.vf = no_facts();
	x.vf.cvss_vector = "CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:N/A:N";
	x.af = (ym_triage_asset_facts){.exposure = "isolated",
				       .criticality = "low",
				       .data_records = -1};
	decide(&e, &x, NULL, 0);
	CHECK_INT(x.d.outcome, YM_POLICY_DEFER);
	CHECK_INT(x.d.ssvc, YM_POLICY_DEFER);
	CHECK_INT(x.d.matrix, YM_POLICY_DEFER);
	CHECK_STR(x.d.vector, "SSVCv2/A:N/DSOI:D/E:N/EXP:S/HI:L/MI:D/SI:N/");
	CHECK_STR(due(YM_POLICY_DEFER), "2027-05-20");

	/* automatable unknown counts as yes for SSVC: (none, open, yes,
	 * very high) out-of-cycle */
	memset(&x, 0, sizeof x);
	x.vf = no_facts();
	x.af = (ym_triage_asset_facts){.exposure = "unknown",
				       .criticality = "high",
				       .safety_relevant = true,
				       .data_records = -1};
	decide(&e, &x, NULL, 0);
	CHECK_INT(x.in.v[YM_TI_AUTOMATABLE].value, -1);
	CHECK_INT(x.d.ssvc, YM_POLICY_OUT_OF_CYCLE);
	/* matrix: unknown exposure without evidence is low likelihood */
	CHECK_INT(x.d.matrix, YM_POLICY_SCHEDULED);
	CHECK_INT(x.d.outcome, YM_POLICY_OUT_OF_CYCLE);
	CHECK_INT(x.d.by, YM_POLICY_BY_SSVC);
}

/* ---- overrides and mitigations ---- */

static void t_overrides(void)
{
	ym_triage_engine e;
	ym_err err = YM_ERR_INIT;
	CHECK_INT(ym_triage_engine_init(&e, dflt, reg, &err), 0);
	fixture x;
	memset(&x, 0, sizeof x);
	x.vf = no_facts();
	x.vf.kev = true;
	x.vf.kev_date = "2026-03-02";
	x.vf.epss = 0.7;
	x.vf.cvss_vector = V31_NET;
	x.af = (ym_triage_asset_facts){.exposure = "internet",
				       .criticality = "high",
				       .data_records = -1};
	/* vulnerability, asset, finding overrides in that order: the
	 * finding's (the most specific) wins */
	ym_triage_change ch[] = {
		{YM_TI_EXPOSURE, YM_POLICY_EXP_ISOLATED, YM_TS_OVERRIDE, "v",
		 "2026-11-01"},
		{YM_TI_EXPOSURE, YM_POLICY_EXP_INTERNAL, YM_TS_OVERRIDE, "a",
		 "2026-11-02"},
		{YM_TI_EXPOSURE, YM_POLICY_EXP_INTERNET, YM_TS_OVERRIDE, "f",
		 "2026-11-03T10:00:00Z"},
	};
	decide(&e, &x, ch, 3);
	CHECK_INT(x.in.v[YM_TI_EXPOSURE].value, YM_POLICY_EXP_INTERNET);
	CHECK_INT(x.in.v[YM_TI_EXPOSURE].source, YM_TS_OVERRIDE);
	CHECK_STR(x.in.v[YM_TI_EXPOSURE].detail, "f");
	CHECK_STR(x.in.v[YM_TI_EXPOSURE].date, "2026-11-03");
	decide(&e, &x, ch, 2);
	CHECK_STR(x.in.v[YM_TI_EXPOSURE].detail, "a");
	CHECK_INT(x.in.asset.exposure, YM_POLICY_EXP_INTERNAL);
	decide(&e, &x, ch, 1);
	CHECK_INT(x.in.asset.exposure, YM_POLICY_EXP_ISOLATED);
	/* isolated: SSVC (active, small, yes, medium) out-of-cycle; the
	 * matrix still sees KEV: high x high immediate */
	CHECK_INT(x.d.ssvc, YM_POLICY_OUT_OF_CYCLE);
	CHECK_INT(x.d.outcome, YM_POLICY_IMMEDIATE);

	/* overriding exploitation drops KEV and EPSS from the matrix */
	ym_triage_change none = {YM_TI_EXPLOITATION, YM_POLICY_EXPL_NONE,
				 YM_TS_OVERRIDE, "not reachable", NULL};
	decide(&e, &x, &none, 1);
	CHECK(!x.in.kev);
	CHECK(x.in.epss < 0);
	CHECK_INT(x.in.v[YM_TI_EXPLOITATION].source, YM_TS_OVERRIDE);
	CHECK_INT(x.d.likelihood, 1); /* automatable, internet: medium */
	CHECK_INT(x.d.outcome, YM_POLICY_OUT_OF_CYCLE);

	/* mission impact re-derives human impact; a human impact given
	 * sticks */
	ym_triage_change mi[] = {
		{YM_TI_MISSION_IMPACT, YM_POLICY_MISSION_FAILURE,
		 YM_TS_OVERRIDE, "core", NULL},
		{YM_TI_HUMAN_IMPACT, 0, YM_TS_OVERRIDE, "low", NULL},
		{YM_TI_MISSION_IMPACT, YM_POLICY_MISSION_DEGRADED,
		 YM_TS_OVERRIDE, "again", NULL},
	};
	decide(&e, &x, mi, 1);
	CHECK_INT(x.d.human, 3); /* negligible x mission failure */
	decide(&e, &x, mi, 3);
	CHECK_INT(x.d.human, 0);
	CHECK_INT(x.in.v[YM_TI_HUMAN_IMPACT].source, YM_TS_OVERRIDE);

	/* a planned mitigation's residual: exposure controlled and no
	 * exploitation leave (none, controlled, yes, medium) scheduled and
	 * high x low scheduled */
	ym_triage_change plan[] = {
		{YM_TI_EXPOSURE, YM_POLICY_EXP_INTERNAL, YM_TS_PLANNED, "WAF",
		 "2026-12-01"},
		{YM_TI_EXPLOITATION, YM_POLICY_EXPL_NONE, YM_TS_PLANNED, "WAF",
		 "2026-12-01"},
	};
	decide(&e, &x, NULL, 0);
	CHECK_INT(x.d.outcome, YM_POLICY_IMMEDIATE);
	decide(&e, &x, plan, 2);
	CHECK_INT(x.d.outcome, YM_POLICY_SCHEDULED);
	CHECK_INT(x.in.v[YM_TI_EXPOSURE].source, YM_TS_PLANNED);
}

static void t_changes_parse(void)
{
	ym_triage_change ch[4];
	size_t n = 9;
	ym_err err = YM_ERR_INIT;
	CHECK_INT(ym_triage_changes_parse(dflt,
					  "exposure=controlled,exploitation="
					  "none,impact=low",
					  ch, 4, &n, &err),
		  0);
	CHECK_INT(n, 3);
	CHECK_INT(ch[0].input, YM_TI_EXPOSURE);
	CHECK_INT(ch[0].value, YM_POLICY_EXP_INTERNAL);
	CHECK_INT(ch[0].source, YM_TS_OVERRIDE);
	CHECK_INT(ch[1].input, YM_TI_EXPLOITATION);
	CHECK_INT(ch[1].value, 0);
	CHECK_INT(ch[2].input, YM_TI_IMPACT);
	CHECK_INT(ch[2].value, 2);
	CHECK_INT(ym_triage_changes_parse(dflt, "speed=fast", ch, 4, &n, &err),
		  YM_E_INVALID);
	CHECK_STR(err.msg, "unknown input 'speed' (exploitation, exposure, "
			   "automatable, technical_impact, mission_impact, "
			   "safety_impact, human_impact, impact, likelihood)");
	ym_err_clear(&err);
	CHECK_INT(ym_triage_changes_parse(dflt, "exposure=unknown", ch, 4, &n,
					  &err),
		  YM_E_INVALID);
	CHECK_STR(err.msg, "invalid value 'unknown' for exposure");
	ym_err_clear(&err);
	CHECK_INT(ym_triage_changes_parse(dflt, "exposure", ch, 4, &n, &err),
		  YM_E_INVALID);
	CHECK_STR(err.msg, "invalid change 'exposure' (expected INPUT=VALUE)");
	ym_err_clear(&err);
	CHECK_INT(ym_triage_changes_parse(dflt, "exposure=open,,impact=low",
					  ch, 4, &n, &err),
		  YM_E_INVALID);
	ym_err_clear(&err);
	CHECK_INT(ym_triage_changes_parse(dflt, "", ch, 4, &n, &err),
		  YM_E_INVALID);
	CHECK_STR(err.msg, "no change given (expected INPUT=VALUE)");
	ym_err_clear(&err);
	CHECK_INT(ym_triage_changes_parse(dflt, "impact=low,impact=high", ch,
					  1, &n, &err),
		  YM_E_INVALID);
	CHECK_STR(err.msg, "too many changes");
	ym_err_clear(&err);
}

/* ---- explanations ---- */

static void texts(const fixture *x, const char *lang, ym_buf *out)
{
	ym_buf v = YM_BUF_INIT, a = YM_BUF_INIT, r = YM_BUF_INIT;
	ym_triage_text_vuln(dflt, &x->in, lang, &v);
	ym_triage_text_asset(dflt, &x->in, lang, &a);
	ym_triage_text_rule(dflt, &x->d, lang, &r);
	ym_buf_reset(out);
	ym_triage_explain(x->d.outcome, due((ym_policy_outcome)x->d.outcome),
			  v.ptr, a.ptr, r.ptr, lang, out);
	ym_buf_release(&v);
	ym_buf_release(&a);
	ym_buf_release(&r);
}

static void t_explanations(void)
{
	ym_triage_engine e;
	ym_err err = YM_ERR_INIT;
	CHECK_INT(ym_triage_engine_init(&e, dflt, reg, &err), 0);
	ym_buf out = YM_BUF_INIT;
	fixture x;
	memset(&x, 0, sizeof x);
	x.vf = no_facts();
	x.vf.kev = true;
	x.vf.kev_date = "2026-03-02";
	x.vf.cvss_vector = V31_NET;
	x.vf.cvss_date = "2026-05-01";
	x.af = (ym_triage_asset_facts){.exposure = "internet",
				       .open_ports = "443/tcp",
				       .seen_at = "2026-11-01T03:00:00Z",
				       .criticality = "medium",
				       .data_kind = "個人情報",
				       .data_records = 120000};
	decide(&e, &x, NULL, 0);
	CHECK_INT(x.d.outcome, YM_POLICY_IMMEDIATE);
	texts(&x, "en", &out);
	CHECK_STR(out.ptr,
		  "Immediate: exploited in the wild (KEV since 2026-03-02); "
		  "automatable (" V31_NET "); total technical impact; "
		  "internet-facing (ledger; ports 443/tcp open per scan "
		  "2026-11-01); 個人情報, 120,000 records → high impact "
		  "(personal data, 10,000 records or more); human impact "
		  "low (mission impact: MEF support crippled, safety "
		  "impact: marginal); SSVC deployer: Out-of-cycle, matrix "
		  "impact high x likelihood high: Immediate (exploited in the "
		  "wild (KEV or reports)); policy 'default' v1 gives 1 day "
		  "(due 2026-11-22)");
	texts(&x, "ja", &out);
	CHECK_STR(out.ptr,
		  "即時対応: 悪用が確認されている（KEV掲載 2026-03-02）。"
		  "攻撃を自動化できる（" V31_NET "）。技術的影響は全面的。"
		  "インターネットに公開（台帳。スキャン 2026-11-01 でポート "
		  "443/tcp が開放）。個人情報 120,000件 → 想定被害 大（1万件"
		  "以上の個人情報を保持）。人的影響 低い（ミッションへの影響: "
		  "基幹業務の支援機能が停止、安全への影響: 限定的）。"
		  "SSVC導入者ツリー: 臨時対応、マトリクス 想定被害 大×発生可能性"
		  " 高: 即時対応（悪用が確認されている（KEV掲載など））。方針 "
		  "'default' v1: 1日以内（期限 2026-11-22）");

	/* EPSS, ADP, v2 vector, ledger date, an override; a Defer gives a
	 * review date */
	memset(&x, 0, sizeof x);
	x.vf = no_facts();
	x.vf.epss = 0.25;
	x.vf.epss_date = "2026-11-20";
	x.vf.adp_technical_impact = "partial";
	x.vf.adp_date = "2025-06-30T00:00:00Z";
	x.vf.cvss_vector = "AV:N/AC:L/Au:S/C:P/I:P/A:P";
	x.af = (ym_triage_asset_facts){.exposure = "isolated",
				       .exposure_date = "2026-01-10",
				       .criticality = "low",
				       .data_records = -1};
	ym_triage_change ov = {YM_TI_EXPLOITATION, YM_POLICY_EXPL_NONE,
			       YM_TS_OVERRIDE, "PoC needs local access",
			       "2026-11-15"};
	decide(&e, &x, &ov, 1);
	CHECK_INT(x.d.outcome, YM_POLICY_DEFER);
	texts(&x, "en", &out);
	CHECK_STR(out.ptr,
		  "Defer: no exploitation known (override: PoC needs local "
		  "access); not automatable (CVSS v2 AV:N/AC:L/Au:S/C:P/I:P/"
		  "A:P); partial technical impact (CISA ADP SSVC, 2025-06-30); "
		  "isolated (ledger, as of 2026-01-10); low impact (none of "
		  "the above); human impact low (mission impact: degraded, "
		  "safety impact: negligible); SSVC deployer: Defer, matrix "
		  "impact low x likelihood low: Defer (no exploitation known; "
		  "internal or isolated); policy 'default' v1 gives a review "
		  "in 180 days (review by 2027-05-20)");
	texts(&x, "ja", &out);
	CHECK_STR(out.ptr,
		  "対応保留: 悪用情報なし（上書き: PoC needs local access）。"
		  "攻撃の自動化は困難（CVSS v2 AV:N/AC:L/Au:S/C:P/I:P/A:P）。"
		  "技術的影響は部分的（CISA ADP SSVC、2025-06-30）。隔離環境"
		  "（台帳、2026-01-10 時点）。想定被害 小（上記以外）。人的影響 "
		  "低い（ミッションへの影響: 業務の低下、安全への影響: 軽微）。"
		  "SSVC導入者ツリー: 対応保留、マトリクス 想定被害 小×発生可能性"
		  " 低: 対応保留（悪用情報がなく、内部または隔離環境）。方針 "
		  "'default' v1: 180日後に再評価（再評価 2027-05-20）");

	/* without the override, EPSS 0.25 is poc */
	decide(&e, &x, NULL, 0);
	ym_buf_reset(&out);
	ym_triage_text_vuln(dflt, &x.in, "en", &out);
	CHECK_STR(out.ptr,
		  "public exploit code (EPSS 0.250 on 2026-11-20, at or above "
		  "0.1); not automatable (CVSS v2 AV:N/AC:L/Au:S/C:P/I:P/A:P); "
		  "partial technical impact (CISA ADP SSVC, 2025-06-30)");
	ym_buf_reset(&out);
	ym_triage_text_vuln(dflt, &x.in, "ja", &out);
	CHECK_STR(out.ptr,
		  "攻撃コードが公開されている（EPSS 0.250、2026-11-20 時点、"
		  "しきい値 0.1 以上）。攻撃の自動化は困難（CVSS v2 AV:N/AC:L/"
		  "Au:S/C:P/I:P/A:P）。技術的影響は部分的（CISA ADP SSVC、"
		  "2025-06-30）");
	ym_buf_release(&out);
}

/* ---- causes of a change ---- */

static void code_of(const fixture *x, ym_buf *out)
{
	ym_buf_reset(out);
	ym_triage_code(dflt, &x->in, out);
}

static void t_causes(void)
{
	ym_triage_engine e;
	ym_err err = YM_ERR_INIT;
	CHECK_INT(ym_triage_engine_init(&e, dflt, reg, &err), 0);
	ym_buf old = YM_BUF_INIT, out = YM_BUF_INIT;
	fixture x;
	memset(&x, 0, sizeof x);
	x.vf = no_facts();
	x.vf.cvss_vector = "CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H";
	x.af = (ym_triage_asset_facts){.exposure = "internal",
				       .exposure_date = "2026-01-10",
				       .criticality = "high",
				       .data_records = -1};
	decide(&e, &x, NULL, 0);
	CHECK_INT(x.d.outcome, YM_POLICY_SCHEDULED);
	code_of(&x, &old);
	CHECK_STR(old.ptr,
		  "exploitation=none:none;exposure=internal:ledger;"
		  "automatable=no:cvss;technical_impact=total:cvss;"
		  "mission_impact=mef_failure:policy;"
		  "safety_impact=negligible:policy;human_impact=medium:ssvc;"
		  "impact=high:policy;likelihood=low:policy");
	/* a new decision has no cause */
	ym_triage_cause(dflt, NULL, &x.in, "en", &out);
	CHECK_INT(out.len, 0);

	/* EPSS jump: 0.62 makes it poc, and EPSS high */
	x.vf.epss = 0.62;
	x.vf.epss_date = "2026-11-20";
	decide(&e, &x, NULL, 0);
	CHECK_INT(x.d.outcome, YM_POLICY_IMMEDIATE);
	ym_buf_reset(&out);
	ym_triage_cause(dflt, old.ptr, &x.in, "en", &out);
	CHECK_STR(out.ptr,
		  "exploitation none → poc (EPSS 0.620 on 2026-11-20, at or "
		  "above 0.1), likelihood low → high (EPSS high (0.5 or "
		  "more))");
	ym_buf_reset(&out);
	ym_triage_cause(dflt, old.ptr, &x.in, "ja", &out);
	CHECK_STR(out.ptr,
		  "exploitation none → poc（EPSS 0.620、2026-11-20 時点、"
		  "しきい値 0.1 以上）、likelihood low → high（EPSSが高い"
		  "（0.5以上））");

	/* KEV added: exploitation poc -> active */
	code_of(&x, &old);
	x.vf.kev = true;
	x.vf.kev_date = "2026-11-20";
	decide(&e, &x, NULL, 0);
	ym_buf_reset(&out);
	ym_triage_cause(dflt, old.ptr, &x.in, "en", &out);
	CHECK_STR(out.ptr, "exploitation poc → active (KEV since "
			   "2026-11-20)");

	/* exposure change in the ledger, with ports seen by a scan */
	x.vf = no_facts();
	x.vf.cvss_vector = "CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H";
	decide(&e, &x, NULL, 0);
	code_of(&x, &old);
	x.af.exposure = "internet";
	x.af.open_ports = "443/tcp";
	x.af.seen_at = "2026-11-20T01:00:00Z";
	decide(&e, &x, NULL, 0);
	CHECK_INT(x.d.outcome, YM_POLICY_OUT_OF_CYCLE);
	ym_buf_reset(&out);
	ym_triage_cause(dflt, old.ptr, &x.in, "en", &out);
	CHECK_STR(out.ptr,
		  "exposure internal → internet (ledger; ports 443/tcp open "
		  "per scan 2026-11-20), likelihood low → medium (exposed to "
		  "the internet)");
	ym_buf_reset(&out);
	ym_triage_cause(dflt, old.ptr, &x.in, "ja", &out);
	CHECK_STR(out.ptr,
		  "exposure internal → internet（台帳。スキャン 2026-11-20 で"
		  "ポート 443/tcp が開放）、likelihood low → medium"
		  "（インターネットに公開）");

	/* the same inputs under another policy */
	code_of(&x, &old);
	ym_buf_reset(&out);
	ym_triage_cause(dflt, old.ptr, &x.in, "en", &out);
	CHECK_STR(out.ptr, "policy changed");
	ym_buf_release(&old);
	ym_buf_release(&out);
}

/* ---- a run over a small store ---- */

static sqlite3 *db;

static void sql(const char *q)
{
	char *msg = NULL;
	if (sqlite3_exec(db, q, NULL, NULL, &msg) != SQLITE_OK) {
		fprintf(stderr, "sql: %s: %s\n", msg ? msg : "?", q);
		sqlite3_free(msg);
	}
}

typedef struct hist {
	int n;
	char last_en[512], last_ja[512];
	int old_outcome, new_outcome;
	char new_deadline[11];
} hist;

static int on_hist(const ym_triage_change_row *c, void *ctx)
{
	hist *h = ctx;
	h->n++;
	snprintf(h->last_en, sizeof h->last_en, "%s",
		 c->cause_en ? c->cause_en : "");
	snprintf(h->last_ja, sizeof h->last_ja, "%s",
		 c->cause_ja ? c->cause_ja : "");
	h->old_outcome = c->old_outcome;
	h->new_outcome = c->new_outcome;
	snprintf(h->new_deadline, sizeof h->new_deadline, "%s",
		 c->new_deadline);
	return 0;
}

static int run(ym_store *s, const char *now, ym_triage_report *rep)
{
	ym_err err = YM_ERR_INIT;
	ym_triage_opts o = {.policy = dflt, .now = now, .max_listed = 10};
	int rc = ym_triage_run(s, &o, rep, &err);
	if (rc)
		fprintf(stderr, "triage: %s\n", err.msg);
	return rc;
}

static ym_triage_row get(ym_store *s, int64_t id, ym_arena *a)
{
	ym_triage_row r;
	ym_err err = YM_ERR_INIT;
	memset(&r, 0, sizeof r);
	r.outcome = -9;
	ym_store_triage_get(s, &ym_scope_all, id, a, &r, &err);
	return r;
}

static bool has(const char *hay, const char *needle)
{
	if (!hay || !strstr(hay, needle)) {
		fprintf(stderr, "  missing '%s' in '%s'\n", needle,
			hay ? hay : "(null)");
		return false;
	}
	return true;
}

static void t_store_run(void)
{
	char path[] = "/tmp/yamori-test-triage.XXXXXX";
	int fd = mkstemp(path);
	CHECK(fd >= 0);
	close(fd);
	unlink(path);
	ym_store *s = NULL;
	ym_err err = YM_ERR_INIT;
	CHECK_INT(ym_store_open(path, true, &s, &err), 0);
	CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
	sql("INSERT INTO assets (id, name, exposure, criticality,"
	    " created_at, updated_at) VALUES"
	    " (1, 'web', 'internet', 'high', '2026-01-10T00:00:00Z', 'x'),"
	    " (2, 'db', 'internal', 'medium', '2026-01-10T00:00:00Z', 'x'),"
	    " (3, 'lab', 'isolated', 'low', '2026-01-10T00:00:00Z', 'x');"
	    "INSERT INTO vulnerabilities (id, vuln_id) VALUES"
	    " (1, 'CVE-2026-0001'), (2, 'CVE-2026-0002');"
	    "INSERT INTO vuln_sources (id, vuln_rowid, source, record_id,"
	    " source_vuln_id, modified, digest, imported_at) VALUES"
	    " (1, 1, 'nvd', 'CVE-2026-0001', 'CVE-2026-0001', '2026-05-01',"
	    " 'x', '2026-05-01');"
	    "INSERT INTO vuln_cvss (source_id, vuln_rowid, version, vector)"
	    " VALUES (1, 1, '3.1', 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/"
	    "I:H/A:H');"
	    "INSERT INTO scans (id, started_at) VALUES (1,"
	    " '2026-11-20T00:00:00Z');"
	    "DROP TRIGGER IF EXISTS findings_new;"
	    "INSERT INTO findings (id, asset_id, vuln_rowid, component_key,"
	    " component_name, component_version, confidence, evidence,"
	    " first_seen, last_seen, last_scan) VALUES"
	    " (1, 1, 1, 'npm/a', 'a', '1', 'high', '{}', 'x', 'x', 1),"
	    " (2, 2, 1, 'npm/b', 'b', '1', 'high', '{}', 'x', 'x', 1),"
	    " (3, 1, 2, 'npm/c', 'c', '1', 'high', '{}', 'x', 'x', 1),"
	    " (4, 3, 2, 'npm/d', 'd', '1', 'high', '{}', 'x', 'x', 1);");

	ym_triage_report rep;
	ym_arena a;
	ym_arena_init(&a, 0);
	CHECK_INT(run(s, NOW, &rep), 0);
	/* web (internet, high): high x medium out-of-cycle; db (internal,
	 * medium): medium x low scheduled; lab: defer */
	CHECK_INT(rep.findings, 4);
	CHECK_INT(rep.created, 4);
	CHECK_INT(rep.count[YM_POLICY_OUT_OF_CYCLE], 2);
	CHECK_INT(rep.count[YM_POLICY_SCHEDULED], 1);
	CHECK_INT(rep.count[YM_POLICY_DEFER], 1);
	ym_triage_report_release(&rep);
	ym_triage_row r = get(s, 1, &a);
	CHECK_INT(r.outcome, YM_POLICY_OUT_OF_CYCLE);
	CHECK_STR(r.deadline, "2026-12-05");
	CHECK_STR(r.decided_at, NOW);
	r = get(s, 2, &a);
	CHECK_INT(r.outcome, YM_POLICY_SCHEDULED);
	CHECK_STR(r.deadline, "2026-12-19");
	r = get(s, 4, &a);
	CHECK_INT(r.outcome, YM_POLICY_DEFER);
	CHECK_STR(r.deadline, "2027-05-20");
	CHECK(has(r.inputs_json, "\"exposure\":{\"value\":\"isolated\","
				 "\"source\":\"ledger\",\"date\":"
				 "\"2026-01-10\"}"));

	/* nothing changed: nothing written; a day later the deadline
	 * stays */
	CHECK_INT(run(s, "2026-11-22T09:00:00Z", &rep), 0);
	CHECK_INT(rep.unchanged, 4);
	CHECK_INT(rep.written, 0);
	ym_triage_report_release(&rep);

	/* KEV added for CVE-2026-0001 */
	sql("INSERT INTO kev (cve_id, name, date_added, digest, imported_at)"
	    " VALUES ('CVE-2026-0001', 'X', '2026-11-22', 'd', 'x')");
	CHECK_INT(run(s, "2026-11-22T09:00:00Z", &rep), 0);
	CHECK_INT(rep.changed, 2);
	CHECK_INT(rep.unchanged, 2);
	ym_triage_report_release(&rep);
	r = get(s, 1, &a);
	CHECK_INT(r.outcome, YM_POLICY_IMMEDIATE);
	CHECK_STR(r.deadline, "2026-11-23");
	hist h = {0};
	ym_store_triage_history_each(s, 1, on_hist, &h, &err);
	CHECK_INT(h.n, 2);
	CHECK_INT(h.old_outcome, YM_POLICY_OUT_OF_CYCLE);
	CHECK_INT(h.new_outcome, YM_POLICY_IMMEDIATE);
	CHECK_STR(h.last_en, "exploitation none → active (KEV since "
			     "2026-11-22), likelihood medium → high "
			     "(exploited in the wild (KEV or reports))");
	CHECK_STR(h.last_ja, "exploitation none → active（KEV掲載 "
			     "2026-11-22）、likelihood medium → high（悪用が"
			     "確認されている（KEV掲載など））");

	/* exposure change: lab goes on the internet */
	sql("UPDATE assets SET exposure = 'internet' WHERE id = 3");
	CHECK_INT(run(s, "2026-11-22T09:00:00Z", &rep), 0);
	ym_triage_report_release(&rep);
	memset(&h, 0, sizeof h);
	ym_store_triage_history_each(s, 4, on_hist, &h, &err);
	CHECK_INT(h.n, 2);
	CHECK_INT(h.old_outcome, YM_POLICY_DEFER);
	CHECK_INT(h.new_outcome, YM_POLICY_SCHEDULED);
	CHECK_STR(h.last_en, "exposure isolated → internet (ledger, as of "
			     "2026-01-10), likelihood low → medium (exposed "
			     "to the internet)");

	/* EPSS jump for the other vulnerability (no CVSS) */
	sql("INSERT INTO epss (cve_id, score, percentile, score_date) VALUES"
	    " ('CVE-2026-0002', 0.31, 0.97, '2026-11-22')");
	CHECK_INT(run(s, "2026-11-22T09:00:00Z", &rep), 0);
	ym_triage_report_release(&rep);
	memset(&h, 0, sizeof h);
	ym_store_triage_history_each(s, 3, on_hist, &h, &err);
	CHECK_INT(h.n, 2);
	CHECK_STR(h.last_en, "exploitation none → poc (EPSS 0.310 on "
			     "2026-11-22, at or above 0.1), likelihood medium "
			     "→ high (public exploit code and reachable from "
			     "the internet (or unknown))");
	r = get(s, 3, &a);
	CHECK_INT(r.outcome, YM_POLICY_IMMEDIATE);

	/* overrides: vulnerability, asset, finding; the most specific
	 * wins; an expired one no longer applies */
	ym_triage_override ov[] = {
		{.vuln_rowid = 1, .input = "exposure", .value = "small",
		 .reason = "v", .actor = "t", .created_at = "2026-11-22"},
		{.asset_id = 1, .input = "exposure", .value = "controlled",
		 .reason = "a", .actor = "t", .created_at = "2026-11-22"},
		{.finding_id = 1, .input = "exposure", .value = "open",
		 .reason = "f", .actor = "t", .created_at = "2026-11-22"},
		{.finding_id = 2, .input = "impact", .value = "low",
		 .reason = "gone", .actor = "t", .created_at = "2026-11-22",
		 .until_on = "2026-11-22"},
	};
	for (size_t i = 0; i < sizeof ov / sizeof *ov; i++)
		CHECK_INT(ym_store_triage_override_add(s, &ov[i], NULL, &err),
			  0);
	CHECK_INT(run(s, "2026-11-22T09:00:00Z", &rep), 0);
	ym_triage_report_release(&rep);
	r = get(s, 1, &a);
	CHECK(has(r.inputs_json, "\"exposure\":{\"value\":\"internet\","
				 "\"source\":\"override\",\"date\":"
				 "\"2026-11-22\",\"detail\":\"f\"}"));
	r = get(s, 2, &a);
	CHECK(has(r.inputs_json, "\"exposure\":{\"value\":\"isolated\","
				 "\"source\":\"override\",\"date\":"
				 "\"2026-11-22\",\"detail\":\"v\"}"));
	CHECK(has(r.inputs_json, "\"impact\":{\"value\":\"low\","
				 "\"source\":\"override\""));
	r = get(s, 3, &a);
	CHECK(has(r.inputs_json, "\"exposure\":{\"value\":\"internal\","
				 "\"source\":\"override\",\"date\":"
				 "\"2026-11-22\",\"detail\":\"a\"}"));
	/* 2026-11-22T16:00Z is 11-23 in Tokyo: the until date is past */
	CHECK_INT(run(s, "2026-11-22T16:00:00Z", &rep), 0);
	ym_triage_report_release(&rep);
	r = get(s, 2, &a);
	CHECK(has(r.inputs_json, "\"impact\":{\"value\":\"medium\","
				 "\"source\":\"policy\",\"rule\":5}"));

	/* a planned mitigation gives a residual; done, it decides. Finding
	 * 3 (web, with the asset's override: internal) is poc: SSVC (poc,
	 * controlled, yes, medium) scheduled, matrix high x medium
	 * out-of-cycle; without exploitation both say scheduled */
	ym_triage_mitigation m = {.finding_id = 3,
				  .name = "disable the feature",
				  .changes = "exploitation=none",
				  .planned_on = "2026-12-01",
				  .actor = "t"};
	int64_t mid = 0;
	CHECK_INT(ym_store_triage_mitigation_add(s, &m, &mid, &err), 0);
	CHECK_INT(run(s, "2026-11-23T09:00:00Z", &rep), 0);
	ym_triage_report_release(&rep);
	r = get(s, 3, &a);
	CHECK_INT(r.outcome, YM_POLICY_OUT_OF_CYCLE);
	CHECK_INT(r.residual_outcome, YM_POLICY_SCHEDULED);
	CHECK_STR(r.residual_deadline, "2026-12-19");
	CHECK_STR(r.residual_via, "disable the feature");
	CHECK_INT(ym_store_triage_mitigation_done(s, mid, "t", &err), 0);
	CHECK_INT(run(s, "2026-11-23T09:00:00Z", &rep), 0);
	CHECK_INT(rep.changed, 1);
	ym_triage_report_release(&rep);
	r = get(s, 3, &a);
	CHECK_INT(r.outcome, YM_POLICY_SCHEDULED);
	CHECK_INT(r.residual_outcome, -1);
	CHECK_STR(r.deadline, "2026-12-19");
	CHECK(has(r.inputs_json, "\"exploitation\":{\"value\":\"none\","
				 "\"source\":\"mitigation\""));
	memset(&h, 0, sizeof h);
	ym_store_triage_history_each(s, 3, on_hist, &h, &err);
	CHECK_INT(h.n, 4);
	CHECK(has(h.last_en, "exploitation poc → none (mitigation 'disable "
			     "the feature' done "));

	ym_arena_release(&a);
	sqlite3_close(db);
	ym_store_close(s);
	unlink(path);
}

int main(void)
{
	RUN(t_setup);
	if (!dflt || !reg)
		return test_done();
	RUN(t_vocabulary);
	RUN(t_cvss_heuristic);
	RUN(t_exploitation_sources);
	RUN(t_automatable_sources);
	RUN(t_asset_sources);
	RUN(t_decisions);
	RUN(t_overrides);
	RUN(t_changes_parse);
	RUN(t_explanations);
	RUN(t_causes);
	RUN(t_store_run);
	ym_ssvc_registry_free(reg);
	ym_policy_free(dflt);
	return test_done();
}
