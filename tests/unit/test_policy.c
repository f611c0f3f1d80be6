/* Unit tests for risk/policy: the shipped default cell by cell and rule by
 * rule, SLA deadlines (month end, year end, time-zone edge, windows that
 * cross midnight), escalation over a tally, explanations, and every
 * malformed class in tests/fixtures/policy with its exact message. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "risk/policy.h"
#include "test.h"

#define FIX "tests/fixtures/policy/"

static ym_policy *dflt;

static ym_policy *load_fixture(const char *name, ym_err *err)
{
	ym_buf b = YM_BUF_INIT;
	char path[256];
	ym_policy *p = NULL;
	snprintf(path, sizeof path, FIX "%s", name);
	if (ym_buf_read_file(&b, path, err) == 0)
		ym_policy_load(b.ptr, b.len, name, &p, err);
	ym_buf_release(&b);
	return p;
}

static int64_t at(const ym_policy *p, const char *s)
{
	int64_t t = -1;
	if (ym_policy_time_parse(p, s, &t, NULL))
		return -1;
	return t;
}

static void t_default_loads(void)
{
	ym_err err = YM_ERR_INIT;
	int rc = ym_policy_load_default(&dflt, &err);
	if (rc)
		fprintf(stderr, "%s:%ld:%ld: %s: %s\n", err.file, err.line,
			err.column, err.field, err.msg);
	CHECK_INT(rc, 0);
	const ym_policy *p = dflt;
	CHECK_STR(p->name, "default");
	CHECK_INT(p->version, 1);
	CHECK_INT(p->decide_with, YM_POLICY_USE_SSVC | YM_POLICY_USE_MATRIX);
	CHECK_INT(p->tz_offset, 540);
	CHECK_STR(p->timezone, "+09:00");
	CHECK_INT(p->outcome[YM_POLICY_IMMEDIATE].sla, YM_POLICY_SLA_DAYS);
	CHECK_INT(p->outcome[YM_POLICY_IMMEDIATE].days, 1);
	CHECK_INT(p->outcome[YM_POLICY_OUT_OF_CYCLE].sla, YM_POLICY_SLA_DAYS);
	CHECK_INT(p->outcome[YM_POLICY_OUT_OF_CYCLE].days, 14);
	CHECK_INT(p->outcome[YM_POLICY_SCHEDULED].sla,
		  YM_POLICY_SLA_NEXT_WINDOW);
	CHECK_INT(p->outcome[YM_POLICY_DEFER].sla, YM_POLICY_SLA_REVIEW);
	CHECK_INT(p->outcome[YM_POLICY_DEFER].days, 180);
	CHECK_STR(p->outcome[YM_POLICY_IMMEDIATE].label.ja, "即時対応");
	CHECK_STR(p->outcome[YM_POLICY_OUT_OF_CYCLE].label.en,
		  "Out-of-cycle");
	CHECK_INT(p->lead_days, 7);
	CHECK_INT(p->n_windows, 1);
	CHECK_INT(p->window[0].kind, YM_POLICY_WIN_MONTHLY);
	CHECK_INT(p->window[0].week, 3);
	CHECK_INT(p->window[0].weekday, 6);
	CHECK_INT(p->window[0].start, 120);
	CHECK_INT(p->window[0].end, 360);
	CHECK(p->epss_poc == 0.1);
	CHECK(p->epss_high == 0.5);
	CHECK(p->epss_high_percentile < 0);
	CHECK_INT(p->n_impact_levels, 3);
	CHECK_INT(p->n_likelihood_levels, 3);
	CHECK_INT(p->impact_rules.n, 6);
	CHECK_INT(p->likelihood_rules.n, 7);
	CHECK_INT(p->mission_rules.n, 4);
	CHECK_INT(p->safety_rules.n, 4);
	CHECK_INT(p->n_escalations, 3);
}

/* Seed 004's 3x3 example, every cell. */
static void t_default_matrix(void)
{
	static const ym_policy_outcome want[3][3] = {
		{YM_POLICY_IMMEDIATE, YM_POLICY_OUT_OF_CYCLE,
		 YM_POLICY_SCHEDULED},
		{YM_POLICY_OUT_OF_CYCLE, YM_POLICY_OUT_OF_CYCLE,
		 YM_POLICY_SCHEDULED},
		{YM_POLICY_SCHEDULED, YM_POLICY_SCHEDULED, YM_POLICY_DEFER}};
	static const char *const ids[] = {"high", "medium", "low"};
	CHECK(dflt);
	for (int i = 0; i < 3; i++) {
		CHECK_STR(dflt->impact_level[i].id, ids[i]);
		CHECK_STR(dflt->likelihood_level[i].id, ids[i]);
		for (int j = 0; j < 3; j++) {
			ym_policy_outcome o = YM_POLICY_DEFER;
			CHECK_INT(ym_policy_matrix_outcome(dflt, i, j, &o), 0);
			CHECK_INT(o, want[i][j]);
		}
	}
	ym_policy_outcome o;
	CHECK_INT(ym_policy_matrix_outcome(dflt, 3, 0, &o), YM_E_INVALID);
	CHECK_INT(ym_policy_matrix_outcome(dflt, 0, -1, &o), YM_E_INVALID);
	CHECK_STR(dflt->impact_level[0].label.ja, "大");
	CHECK_STR(dflt->likelihood_level[2].label.ja, "低");
}

static ym_policy_asset asset(ym_policy_criticality c, bool safety,
			     const char *kind, int64_t records,
			     ym_policy_exposure x)
{
	return (ym_policy_asset){.criticality = c,
				 .safety_relevant = safety,
				 .data_kind = kind,
				 .data_records = records,
				 .exposure = x};
}

/* Every impact, mission and safety rule of the default, and the boundary
 * of the 10,000-record rule. */
static void t_default_impact(void)
{
	static const struct {
		ym_policy_asset a;
		int impact, irule, mission, mrule, safety, srule;
	} cases[] = {
		/* impact rule 1: safety; mission 1, safety 1 */
		{{YM_POLICY_CRIT_HIGH, true, NULL, -1, YM_POLICY_EXP_INTERNAL},
		 0, 0, YM_POLICY_MISSION_FAILURE, 0,
		 YM_POLICY_SAFETY_CATASTROPHIC, 0},
		/* safety, low criticality: safety rule 2, mission 4 */
		{{YM_POLICY_CRIT_LOW, true, NULL, -1, YM_POLICY_EXP_INTERNAL},
		 0, 0, YM_POLICY_MISSION_DEGRADED, 3,
		 YM_POLICY_SAFETY_CRITICAL, 1},
		/* impact rule 2: personal data, exactly 10,000 records */
		{{YM_POLICY_CRIT_LOW, false, "顧客の個人情報", 10000,
		  YM_POLICY_EXP_INTERNET},
		 0, 1, YM_POLICY_MISSION_DEGRADED, 3,
		 YM_POLICY_SAFETY_MARGINAL, 2},
		/* English, any case */
		{{YM_POLICY_CRIT_MEDIUM, false, "Customer PERSONAL data",
		  250000, YM_POLICY_EXP_INTERNAL},
		 0, 1, YM_POLICY_MISSION_MEF_SUPPORT_CRIPPLED, 2,
		 YM_POLICY_SAFETY_MARGINAL, 2},
		/* impact rule 3: high criticality; mission 2 */
		{{YM_POLICY_CRIT_HIGH, false, "設計図面", 500000,
		  YM_POLICY_EXP_INTERNAL},
		 0, 2, YM_POLICY_MISSION_MEF_FAILURE, 1,
		 YM_POLICY_SAFETY_NEGLIGIBLE, 3},
		/* impact rule 4: personal data, 9,999 records */
		{{YM_POLICY_CRIT_LOW, false, "個人情報", 9999,
		  YM_POLICY_EXP_INTERNAL},
		 1, 3, YM_POLICY_MISSION_DEGRADED, 3,
		 YM_POLICY_SAFETY_NEGLIGIBLE, 3},
		/* personal data, count unknown */
		{{YM_POLICY_CRIT_LOW, false, "マイナンバー", -1,
		  YM_POLICY_EXP_INTERNAL},
		 1, 3, YM_POLICY_MISSION_DEGRADED, 3,
		 YM_POLICY_SAFETY_NEGLIGIBLE, 3},
		/* impact rule 5: medium and unknown criticality */
		{{YM_POLICY_CRIT_MEDIUM, false, NULL, -1,
		  YM_POLICY_EXP_INTERNET},
		 1, 4, YM_POLICY_MISSION_MEF_SUPPORT_CRIPPLED, 2,
		 YM_POLICY_SAFETY_NEGLIGIBLE, 3},
		{{YM_POLICY_CRIT_UNKNOWN, false, "", 0,
		  YM_POLICY_EXP_UNKNOWN},
		 1, 4, YM_POLICY_MISSION_MEF_SUPPORT_CRIPPLED, 2,
		 YM_POLICY_SAFETY_NEGLIGIBLE, 3},
		/* impact rule 6: the rest */
		{{YM_POLICY_CRIT_LOW, false, "社内文書", 100000,
		  YM_POLICY_EXP_ISOLATED},
		 2, 5, YM_POLICY_MISSION_DEGRADED, 3,
		 YM_POLICY_SAFETY_NEGLIGIBLE, 3},
	};
	CHECK(dflt);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		ym_policy_impact_result r;
		ym_policy_impact(dflt, &cases[i].a, &r);
		if (r.impact != cases[i].impact ||
		    r.impact_rule != cases[i].irule ||
		    r.mission != cases[i].mission ||
		    r.mission_rule != cases[i].mrule ||
		    r.safety != cases[i].safety ||
		    r.safety_rule != cases[i].srule)
			TEST_FAIL_("case %zu: impact %d rule %d, mission %d "
				   "rule %d, safety %d rule %d",
				   i, r.impact, r.impact_rule, r.mission,
				   r.mission_rule, r.safety, r.safety_rule);
	}
	ym_policy_asset a = asset(YM_POLICY_CRIT_LOW, false, "個人情報",
				  12000, YM_POLICY_EXP_INTERNET);
	ym_policy_impact_result r;
	ym_policy_impact(dflt, &a, &r);
	ym_buf b = YM_BUF_INIT;
	ym_policy_explain_impact(dflt, &r, "en", &b);
	CHECK_STR(b.ptr, "policy 'default' v1: impact high (rule 2: "
			 "personal data, 10,000 records or more)");
	ym_buf_reset(&b);
	ym_policy_explain_impact(dflt, &r, "ja", &b);
	CHECK_STR(b.ptr, "policy 'default' v1: impact 大 (rule 2: "
			 "1万件以上の個人情報を保持)");
	ym_buf_release(&b);
}

static ym_policy_evidence ev(bool kev, double epss,
			     ym_policy_exploitation x,
			     ym_policy_tristate automatable,
			     ym_policy_exposure exposure)
{
	return (ym_policy_evidence){.kev = kev,
				    .epss = epss,
				    .epss_percentile = -1,
				    .exploitation = x,
				    .automatable = automatable,
				    .exposure = exposure};
}

/* Every likelihood rule of the default, with the effective exploitation
 * (KEV -> active, EPSS >= 0.1 -> poc) and the EPSS boundaries. */
static void t_default_likelihood(void)
{
	enum { N = YM_POLICY_EXPL_NONE, P = YM_POLICY_EXPL_POC,
	       A = YM_POLICY_EXPL_ACTIVE };
	enum { U = YM_POLICY_UNKNOWN, NO = YM_POLICY_NO, YES = YM_POLICY_YES };
	enum { NET = YM_POLICY_EXP_INTERNET, INT = YM_POLICY_EXP_INTERNAL,
	       ISO = YM_POLICY_EXP_ISOLATED, UNK = YM_POLICY_EXP_UNKNOWN };
	static const struct {
		bool kev;
		double epss;
		int expl, autom, exposure;
		int level, rule, eff, from;
	} cases[] = {
		/* rule 1: active (KEV, or reported) */
		{true, -1, N, U, ISO, 0, 0, A, YM_POLICY_EXPL_FROM_KEV},
		{false, 0.01, A, NO, INT, 0, 0, A,
		 YM_POLICY_EXPL_FROM_EVIDENCE},
		/* rule 2: poc and internet / unknown exposure */
		{false, -1, P, U, NET, 0, 1, P, YM_POLICY_EXPL_FROM_EVIDENCE},
		{false, 0.1, N, U, UNK, 0, 1, P, YM_POLICY_EXPL_FROM_EPSS},
		/* rule 3: EPSS high (0.5) on an internal system */
		{false, 0.5, N, U, INT, 0, 2, P, YM_POLICY_EXPL_FROM_EPSS},
		/* rule 4: poc, internal */
		{false, 0.4999, N, U, INT, 1, 3, P, YM_POLICY_EXPL_FROM_EPSS},
		{false, -1, P, YES, ISO, 1, 3, P,
		 YM_POLICY_EXPL_FROM_EVIDENCE},
		/* rule 5: automatable and internet */
		{false, 0.0999, N, YES, NET, 1, 4, N,
		 YM_POLICY_EXPL_FROM_EVIDENCE},
		/* rule 6: internet */
		{false, -1, N, NO, NET, 1, 5, N, YM_POLICY_EXPL_FROM_EVIDENCE},
		{false, -1, N, U, NET, 1, 5, N, YM_POLICY_EXPL_FROM_EVIDENCE},
		/* rule 7: the rest */
		{false, 0.05, N, YES, INT, 2, 6, N,
		 YM_POLICY_EXPL_FROM_EVIDENCE},
		{false, -1, N, U, UNK, 2, 6, N, YM_POLICY_EXPL_FROM_EVIDENCE},
		{false, -1, N, U, ISO, 2, 6, N, YM_POLICY_EXPL_FROM_EVIDENCE},
	};
	CHECK(dflt);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		ym_policy_evidence e =
			ev(cases[i].kev, cases[i].epss,
			   (ym_policy_exploitation)cases[i].expl,
			   (ym_policy_tristate)cases[i].autom,
			   (ym_policy_exposure)cases[i].exposure);
		ym_policy_likelihood_result r;
		ym_policy_likelihood(dflt, &e, &r);
		if (r.likelihood != cases[i].level || r.rule != cases[i].rule ||
		    (int)r.exploitation != cases[i].eff ||
		    (int)r.exploitation_from != cases[i].from)
			TEST_FAIL_("case %zu: likelihood %d rule %d expl %d "
				   "from %d",
				   i, r.likelihood, r.rule, r.exploitation,
				   r.exploitation_from);
	}
	ym_policy_evidence e = ev(true, 0.9, YM_POLICY_EXPL_NONE,
				  YM_POLICY_UNKNOWN, YM_POLICY_EXP_INTERNET);
	ym_policy_likelihood_result r;
	ym_policy_likelihood(dflt, &e, &r);
	CHECK(r.epss_high);
	ym_buf b = YM_BUF_INIT;
	ym_policy_explain_likelihood(dflt, &r, "en", &b);
	CHECK_STR(b.ptr, "policy 'default' v1: likelihood high (rule 1: "
			 "exploited in the wild (KEV or reports))");
	ym_buf_release(&b);
}

static void t_default_ssvc(void)
{
	CHECK(dflt);
	CHECK_INT(ym_policy_ssvc_exposure_of(dflt, YM_POLICY_EXP_INTERNET),
		  YM_POLICY_SSVC_OPEN);
	CHECK_INT(ym_policy_ssvc_exposure_of(dflt, YM_POLICY_EXP_INTERNAL),
		  YM_POLICY_SSVC_CONTROLLED);
	CHECK_INT(ym_policy_ssvc_exposure_of(dflt, YM_POLICY_EXP_ISOLATED),
		  YM_POLICY_SSVC_SMALL);
	CHECK_INT(ym_policy_ssvc_exposure_of(dflt, YM_POLICY_EXP_UNKNOWN),
		  YM_POLICY_SSVC_OPEN);
	ym_policy_decider by;
	CHECK_INT(ym_policy_combine(dflt, YM_POLICY_SCHEDULED,
				    YM_POLICY_IMMEDIATE, &by),
		  YM_POLICY_IMMEDIATE);
	CHECK_INT(by, YM_POLICY_BY_MATRIX);
	CHECK_INT(ym_policy_combine(dflt, YM_POLICY_OUT_OF_CYCLE,
				    YM_POLICY_DEFER, &by),
		  YM_POLICY_OUT_OF_CYCLE);
	CHECK_INT(by, YM_POLICY_BY_SSVC);
	CHECK_INT(ym_policy_combine(dflt, YM_POLICY_DEFER, YM_POLICY_DEFER,
				    &by),
		  YM_POLICY_DEFER);
	CHECK_INT(by, YM_POLICY_BY_BOTH);
	CHECK_INT(ym_policy_combine(dflt, -1, YM_POLICY_SCHEDULED, &by),
		  YM_POLICY_SCHEDULED);
	CHECK_INT(by, YM_POLICY_BY_MATRIX);
}

/* deadline of o decided at `when`: due (local, formatted) and due_date */
static void deadline(const ym_policy *p, ym_policy_outcome o,
		     const char *when, char *due, size_t cap, char *date)
{
	ym_policy_deadline d;
	ym_err err = YM_ERR_INIT;
	due[0] = date[0] = '\0';
	if (ym_policy_deadline_of(p, o, at(p, when), &d, &err)) {
		snprintf(due, cap, "error: %.100s", err.msg);
		return;
	}
	ym_policy_time_format(p, d.due, due, cap);
	memcpy(date, d.due_date, 11);
}

static void t_default_deadlines(void)
{
	static const struct {
		ym_policy_outcome o;
		const char *decided, *due, *date;
	} cases[] = {
		/* days, across a month end, a leap day and a year end */
		{YM_POLICY_IMMEDIATE, "2026-11-21", "2026-11-22 00:00 +09:00",
		 "2026-11-22"},
		{YM_POLICY_IMMEDIATE, "2026-01-31T18:30",
		 "2026-02-01 18:30 +09:00", "2026-02-01"},
		{YM_POLICY_IMMEDIATE, "2028-02-28", "2028-02-29 00:00 +09:00",
		 "2028-02-29"},
		{YM_POLICY_IMMEDIATE, "2026-12-31T23:59",
		 "2027-01-01 23:59 +09:00", "2027-01-01"},
		{YM_POLICY_OUT_OF_CYCLE, "2026-02-20",
		 "2026-03-06 00:00 +09:00", "2026-03-06"},
		{YM_POLICY_OUT_OF_CYCLE, "2026-12-25",
		 "2027-01-08 00:00 +09:00", "2027-01-08"},
		{YM_POLICY_DEFER, "2026-11-21", "2027-05-20 00:00 +09:00",
		 "2027-05-20"},
		/* time-zone edge: 15:30 UTC is already the next day in Tokyo */
		{YM_POLICY_IMMEDIATE, "2026-11-21T15:30Z",
		 "2026-11-23 00:30 +09:00", "2026-11-23"},
		{YM_POLICY_IMMEDIATE, "2026-11-21T14:59:59Z",
		 "2026-11-22 23:59 +09:00", "2026-11-22"},
		/* next window: 3rd Saturday 02:00-06:00, 7 days lead. 21 Nov
		 * is itself the 3rd Saturday, too close: December's */
		{YM_POLICY_SCHEDULED, "2026-11-21", "2026-12-19 06:00 +09:00",
		 "2026-12-19"},
		{YM_POLICY_SCHEDULED, "2026-11-01", "2026-11-21 06:00 +09:00",
		 "2026-11-21"},
		/* exactly 7 days before the window opens: it still counts */
		{YM_POLICY_SCHEDULED, "2026-12-12T02:00",
		 "2026-12-19 06:00 +09:00", "2026-12-19"},
		{YM_POLICY_SCHEDULED, "2026-12-12T02:01",
		 "2027-01-16 06:00 +09:00", "2027-01-16"},
		/* the same edge seen from UTC (17:00Z = 02:00 JST) */
		{YM_POLICY_SCHEDULED, "2026-12-11T17:00:00Z",
		 "2026-12-19 06:00 +09:00", "2026-12-19"},
		{YM_POLICY_SCHEDULED, "2026-12-11T17:00:01Z",
		 "2027-01-16 06:00 +09:00", "2027-01-16"},
		/* across the year end and month ends */
		{YM_POLICY_SCHEDULED, "2026-12-15", "2027-01-16 06:00 +09:00",
		 "2027-01-16"},
		{YM_POLICY_SCHEDULED, "2027-01-31", "2027-02-20 06:00 +09:00",
		 "2027-02-20"},
		{YM_POLICY_SCHEDULED, "2027-02-14", "2027-03-20 06:00 +09:00",
		 "2027-03-20"},
		{YM_POLICY_SCHEDULED, "2028-02-29", "2028-03-18 06:00 +09:00",
		 "2028-03-18"},
	};
	char due[128], date[16];
	CHECK(dflt);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		deadline(dflt, cases[i].o, cases[i].decided, due, sizeof due,
			 date);
		if (strcmp(due, cases[i].due) || strcmp(date, cases[i].date))
			TEST_FAIL_("case %zu (%s): due %s (%s), expected %s "
				   "(%s)",
				   i, cases[i].decided, due, date, cases[i].due,
				   cases[i].date);
	}
	ym_policy_deadline d;
	CHECK_INT(ym_policy_deadline_of(dflt, YM_POLICY_SCHEDULED,
					at(dflt, "2026-11-21"), &d, NULL),
		  0);
	CHECK_INT(d.kind, YM_POLICY_SLA_NEXT_WINDOW);
	CHECK_INT(d.window, 0);
	CHECK_INT(d.window_start, at(dflt, "2026-12-19T02:00"));
	CHECK_INT(d.due, at(dflt, "2026-12-18T21:00Z"));
	ym_buf b = YM_BUF_INIT;
	ym_policy_explain_deadline(dflt, YM_POLICY_SCHEDULED, &d, "en", &b);
	CHECK_STR(b.ptr, "policy 'default' v1: Scheduled: due 2026-12-19, in "
			 "the next maintenance window (2026-12-19 02:00 "
			 "+09:00 to 2026-12-19 06:00 +09:00)");
	ym_buf_reset(&b);
	CHECK_INT(ym_policy_deadline_of(dflt, YM_POLICY_DEFER,
					at(dflt, "2026-11-21"), &d, NULL),
		  0);
	CHECK_INT(d.kind, YM_POLICY_SLA_REVIEW);
	CHECK_INT(d.days, 180);
	ym_policy_explain_deadline(dflt, YM_POLICY_DEFER, &d, "ja", &b);
	CHECK_STR(b.ptr, "policy 'default' v1: 対応保留: review by "
			 "2027-05-20 (180 day(s))");
	ym_buf_reset(&b);
	ym_policy_explain_matrix(dflt, 1, 0, "en", &b);
	CHECK_STR(b.ptr, "policy 'default' v1: matrix: impact medium x "
			 "likelihood high -> Out-of-cycle");
	ym_buf_release(&b);
}

/* Weekly window across midnight, dated windows ending at 24:00, UTC. */
static void t_windows(void)
{
	ym_err err = YM_ERR_INIT;
	ym_policy *p = load_fixture("minimal.yaml", &err);
	char due[128], date[16];
	static const struct {
		ym_policy_outcome o;
		const char *decided, *due, *date;
	} cases[] = {
		/* the dated window of 31 Dec comes before Sunday 3 Jan */
		{YM_POLICY_SCHEDULED, "2026-12-28", "2027-01-01 00:00 +00:00",
		 "2027-01-01"},
		/* it has started: 2 Jan (dates are sorted on load) */
		{YM_POLICY_SCHEDULED, "2026-12-31T00:00:01",
		 "2027-01-03 00:00 +00:00", "2027-01-03"},
		/* Sunday 22:00 to Monday 02:00 */
		{YM_POLICY_SCHEDULED, "2027-01-02T12:00",
		 "2027-01-04 02:00 +00:00", "2027-01-04"},
		{YM_POLICY_SCHEDULED, "2027-01-03T22:00",
		 "2027-01-04 02:00 +00:00", "2027-01-04"},
		{YM_POLICY_SCHEDULED, "2027-01-03T22:00:01",
		 "2027-01-11 02:00 +00:00", "2027-01-11"},
		/* a Tokyo time given with its offset */
		{YM_POLICY_SCHEDULED, "2027-01-04T06:59+09:00",
		 "2027-01-04 02:00 +00:00", "2027-01-04"},
		{YM_POLICY_IMMEDIATE, "2027-03-01T10:00",
		 "2027-03-01 10:00 +00:00", "2027-03-01"},
		{YM_POLICY_OUT_OF_CYCLE, "2027-02-25",
		 "2027-03-04 00:00 +00:00",
		 "2027-03-04"},
		{YM_POLICY_DEFER, "2027-12-01", "2028-02-29 00:00 +00:00",
		 "2028-02-29"},
	};
	CHECK(p);
	CHECK_INT(p->tz_offset, 0);
	CHECK_INT(p->window[0].kind, YM_POLICY_WIN_WEEKLY);
	CHECK_INT(p->window[0].weekday, 0);
	CHECK_INT(p->window[0].end, 1440 + 120);
	CHECK_INT(p->window[1].n_dates, 2);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		deadline(p, cases[i].o, cases[i].decided, due, sizeof due,
			 date);
		if (strcmp(due, cases[i].due) || strcmp(date, cases[i].date)) {
			ym_policy_free(p);
			TEST_FAIL_("case %zu (%s): due %s (%s), expected %s "
				   "(%s)",
				   i, cases[i].decided, due, date, cases[i].due,
				   cases[i].date);
		}
	}
	ym_policy_free(p);

	/* only dated windows, all past */
	static const char dated[] =
		"name: d\nversion: 1\ndecide_with: matrix\n"
		"outcomes:\n"
		"  immediate: {label: I, sla: 1}\n"
		"  out_of_cycle: {label: O, sla: 2}\n"
		"  scheduled: {label: S, sla: next_window}\n"
		"  defer: {label: D, review_days: 3}\n"
		"maintenance:\n  lead_days: 2\n  windows:\n"
		"    - {dates: [2026-05-01], start: \"01:00\", end: "
		"\"02:00\"}\n"
		"thresholds: {epss_poc: 0.1}\n"
		"impact: {levels: {a: A, b: B}, rules: [{level: a, because: "
		"x}]}\n"
		"likelihood: {levels: {a: A, b: B}, rules: [{level: b, "
		"because: y}]}\n"
		"matrix: {a: {a: immediate, b: defer}, b: {a: defer, b: "
		"defer}}\n";
	CHECK_INT(ym_policy_load(dated, strlen(dated), "d.yaml", &p, &err), 0);
	deadline(p, YM_POLICY_SCHEDULED, "2026-04-30", due, sizeof due, date);
	CHECK_STR(due, "error: no maintenance window starts after 2026-05-02 "
		       "00:00 +09:00");
	deadline(p, YM_POLICY_SCHEDULED, "2026-04-26", due, sizeof due, date);
	CHECK_STR(due, "2026-05-01 02:00 +09:00");
	ym_policy_free(p);
}

static void t_escalations(void)
{
	ym_policy_tally t;
	ym_policy_fired f[4];
	CHECK(dflt);
	memset(&t, 0, sizeof t);
	CHECK_INT(ym_policy_escalations(dflt, &t, f, 4), 0);
	/* two Immediate systems with high impact: the security head */
	ym_policy_tally_add(&t, YM_POLICY_IMMEDIATE, 0,
			    YM_POLICY_EXP_INTERNAL, false);
	ym_policy_tally_add(&t, YM_POLICY_IMMEDIATE, 0,
			    YM_POLICY_EXP_ISOLATED, false);
	ym_policy_tally_add(&t, YM_POLICY_OUT_OF_CYCLE, 0,
			    YM_POLICY_EXP_INTERNAL, false);
	CHECK_INT(ym_policy_escalations(dflt, &t, f, 4), 1);
	CHECK_INT(f[0].rule, 1);
	CHECK_INT(f[0].count, 2);
	/* a third Immediate one, with medium impact: still not CISO */
	ym_policy_tally_add(&t, YM_POLICY_IMMEDIATE, 1,
			    YM_POLICY_EXP_INTERNAL, false);
	CHECK_INT(ym_policy_escalations(dflt, &t, f, 4), 1);
	CHECK_INT(f[0].count, 3);
	/* a third with high impact, in KEV and on the internet: all three */
	ym_policy_tally_add(&t, YM_POLICY_IMMEDIATE, 0,
			    YM_POLICY_EXP_INTERNET, true);
	CHECK_INT(ym_policy_escalations(dflt, &t, f, 4), 3);
	CHECK_INT(f[0].rule, 0);
	CHECK_INT(f[0].count, 3);
	CHECK_INT(f[1].rule, 1);
	CHECK_INT(f[1].count, 4);
	CHECK_INT(f[2].rule, 2);
	CHECK_INT(f[2].count, 1);
	CHECK_STR(dflt->escalation[0].posture.ja, "CISO主導の対応");
	CHECK_STR(dflt->escalation[0].posture.en, "CISO-led response");
	/* cap: counts all, writes one */
	CHECK_INT(ym_policy_escalations(dflt, &t, f, 1), 3);
	/* KEV on an internal system alone: nothing */
	memset(&t, 0, sizeof t);
	ym_policy_tally_add(&t, YM_POLICY_SCHEDULED, 2,
			    YM_POLICY_EXP_INTERNAL, true);
	ym_policy_tally_add(&t, YM_POLICY_SCHEDULED, 99,
			    YM_POLICY_EXP_INTERNET, true); /* ignored */
	CHECK_INT(ym_policy_escalations(dflt, &t, f, 4), 0);
}

static void t_time(void)
{
	int64_t t;
	CHECK(dflt);
	CHECK_INT(ym_policy_time_parse(dflt, "2026-11-21", &t, NULL), 0);
	CHECK_INT(t, 1795186800); /* 2026-11-20T15:00Z */
	CHECK_INT(ym_policy_time_parse(dflt, "2026-11-21T09:00:00Z", &t, NULL),
		  0);
	CHECK_INT(t, 1795251600);
	CHECK_INT(ym_policy_time_parse(dflt, "2026-11-21 18:00+09:00", &t,
				       NULL),
		  0);
	CHECK_INT(t, 1795251600);
	CHECK_INT(ym_policy_time_parse(dflt, "2026-11-21T04:00-05:00", &t,
				       NULL),
		  0);
	CHECK_INT(t, 1795251600);
	CHECK_INT(ym_policy_time_parse(dflt, "@1795251600", &t, NULL), 0);
	CHECK_INT(t, 1795251600);
	static const char *const bad[] = {
		"", "2026-11-31", "2026-11-21T24:00", "2026-11-21T",
		"21/11/2026",
		"2026-11-21Z", "2026-11-21T09:00+15:00", "@", "@12x",
		"1969-12-31", "2026-11-21T09:00:60", "2026-02-29"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		ym_err err = YM_ERR_INIT;
		if (ym_policy_time_parse(dflt, bad[i], &t, &err) !=
		    YM_E_INVALID)
			TEST_FAIL_("'%s' accepted", bad[i]);
	}
	ym_err err = YM_ERR_INIT;
	ym_policy_time_parse(dflt, "soon", &t, &err);
	CHECK_STR(err.msg, "invalid time 'soon' (expected YYYY-MM-DD, "
			   "YYYY-MM-DDTHH:MM[:SS][Z|+HH:MM] or @UNIXTIME)");
	char buf[40];
	ym_policy_time_format(dflt, 0, buf, sizeof buf);
	CHECK_STR(buf, "1970-01-01 09:00 +09:00");
	ym_policy_time_format(dflt, 951782400, buf, sizeof buf);
	CHECK_STR(buf, "2000-02-29 09:00 +09:00");
}

/* Every malformed class with its exact first message (and code). */
static void t_bad_files(void)
{
	static const struct {
		const char *file, *msg;
		int code;
	} cases[] = {
		{"bad-syntax.yaml",
		 "bad-syntax.yaml:45:8: invalid YAML: did not find expected "
		 "',' or '}', while parsing a flow mapping",
		 YM_E_PARSE},
		{"bad-utf8.yaml",
		 "bad-utf8.yaml:3:10: invalid YAML: invalid leading UTF-8 "
		 "octet",
		 YM_E_PARSE},
		{"unknown-key.yaml",
		 "unknown-key.yaml:7:1: nmae: unknown key (expected name, "
		 "version, description, decide_with, overlay, timezone, "
		 "outcomes, maintenance, thresholds, impact, likelihood, "
		 "mission_impact, safety_impact, ssvc_exposure, matrix, "
		 "escalation)",
		 YM_E_INVALID},
		{"wrong-type.yaml",
		 "wrong-type.yaml:4:10: version: expected a whole number, got "
		 "a list",
		 YM_E_INVALID},
		{"version-text.yaml",
		 "version-text.yaml:4:10: version: expected a whole number, "
		 "got 'two'",
		 YM_E_INVALID},
		{"unknown-outcome.yaml",
		 "unknown-outcome.yaml:45:19: matrix.small.likely: unknown "
		 "outcome 'urgent' (expected immediate, out_of_cycle, "
		 "scheduled, defer)",
		 YM_E_INVALID},
		{"missing-name.yaml",
		 "missing-name.yaml:3:1: missing mandatory key 'name'",
		 YM_E_INVALID},
		{"duplicate-key.yaml",
		 "duplicate-key.yaml:7:1: timezone: duplicate key (first at "
		 "line 6)",
		 YM_E_INVALID},
		{"matrix-cell-missing.yaml",
		 "matrix-cell-missing.yaml:45:10: matrix.small: no outcome "
		 "for likelihood 'unlikely'",
		 YM_E_INVALID},
		{"matrix-row-missing.yaml",
		 "matrix-row-missing.yaml:44:3: matrix: no row for impact "
		 "'small'",
		 YM_E_INVALID},
		{"window-weekday.yaml",
		 "window-weekday.yaml:14:15: maintenance.windows[0].weekly: "
		 "unknown weekday 'funday' (expected sun, mon, tue, wed, thu, "
		 "fri, sat, their full names, or 日 to 土)",
		 YM_E_INVALID},
		{"window-time.yaml",
		 "window-time.yaml:15:14: maintenance.windows[0].start: "
		 "expected a time HH:MM from 00:00 to 23:59, got '25:00'",
		 YM_E_INVALID},
		{"window-two-kinds.yaml",
		 "window-two-kinds.yaml:14:7: maintenance.windows[0]: a window "
		 "needs exactly one of monthly, weekly or dates",
		 YM_E_INVALID},
		{"window-monthly-week.yaml",
		 "window-monthly-week.yaml:14:23: "
		 "maintenance.windows[0].monthly.week: 6 is out of range "
		 "(expected 1 to 5)",
		 YM_E_INVALID},
		{"window-empty.yaml",
		 "window-empty.yaml:16:12: maintenance.windows[0].end: the "
		 "window is empty: end equals start",
		 YM_E_INVALID},
		{"window-date.yaml",
		 "window-date.yaml:17:27: maintenance.windows[1].dates[1]: "
		 "expected a date YYYY-MM-DD, got '2026-02-30'",
		 YM_E_INVALID},
		{"threshold-range.yaml",
		 "threshold-range.yaml:21:13: thresholds.epss_poc: 1.5 is out "
		 "of range (expected a number from 0 to 1)",
		 YM_E_INVALID},
		{"rule-unreachable.yaml",
		 "rule-unreachable.yaml:30:7: impact.rules[1]: rule 2 is never "
		 "reached: rule 1 before it has no 'when'",
		 YM_E_INVALID},
		{"rule-no-default.yaml",
		 "rule-no-default.yaml:31:7: impact.rules: the last rule must "
		 "have no 'when', so that every case gets a level",
		 YM_E_INVALID},
		{"unknown-level.yaml",
		 "unknown-level.yaml:29:14: impact.rules[0].level: unknown "
		 "impact level 'huge' (expected big, small)",
		 YM_E_INVALID},
		{"condition-key.yaml",
		 "condition-key.yaml:28:14: impact.rules[0].when.kev: unknown "
		 "key (expected criticality, safety_relevant, "
		 "data_kind_contains, data_records_at_least, exposure)",
		 YM_E_INVALID},
		{"anchor.yaml",
		 "anchor.yaml:8:22: anchors (&l) are not supported in a "
		 "policy",
		 YM_E_INVALID},
		{"alias.yaml",
		 "alias.yaml:11:18: aliases (*x) are not supported in a "
		 "policy",
		 YM_E_INVALID},
		{"timezone.yaml",
		 "timezone.yaml:6:11: timezone: unknown time zone "
		 "'Europe/Paris' (use a fixed offset such as \"+09:00\", or "
		 "UTC or Asia/Tokyo)",
		 YM_E_INVALID},
		{"defer-sla.yaml",
		 "defer-sla.yaml:11:10: outcomes.defer: missing mandatory key "
		 "'review_days'",
		 YM_E_INVALID},
		{"sla-word.yaml",
		 "sla-word.yaml:9:62: outcomes.out_of_cycle.sla: expected a "
		 "number of days or 'next_window', got 'soon'",
		 YM_E_INVALID},
		{"decide-ssvc.yaml",
		 "decide-ssvc.yaml:5:14: decide_with: the SSVC deployer tree "
		 "needs 'mission_impact'",
		 YM_E_INVALID},
		{"decide-unknown.yaml",
		 "decide-unknown.yaml:5:14: decide_with: unknown decision "
		 "method 'cvss' (expected ssvc-deployer, matrix, both)",
		 YM_E_INVALID},
		{"epss-high-unset.yaml",
		 "epss-high-unset.yaml:37:25: likelihood.rules[0].when."
		 "epss_high: needs thresholds.epss_high or "
		 "thresholds.epss_high_percentile",
		 YM_E_INVALID},
		{"no-windows.yaml",
		 "no-windows.yaml:10:38: outcomes.scheduled.sla: next_window "
		 "needs at least one maintenance window (maintenance.windows)",
		 YM_E_INVALID},
		{"two-docs.yaml",
		 "two-docs.yaml:5:1: only one YAML document is allowed",
		 YM_E_INVALID},
		{"label-missing-en.yaml",
		 "label-missing-en.yaml:9:25: outcomes.out_of_cycle.label: "
		 "missing mandatory key 'en'",
		 YM_E_INVALID},
		{"nul-text.yaml",
		 "nul-text.yaml:30:16: impact.rules[0].because: text contains "
		 "a NUL character",
		 YM_E_INVALID},
		{"empty.yaml", "empty.yaml:1:1: the policy file is empty",
		 YM_E_INVALID},
		{"not-a-mapping.yaml",
		 "not-a-mapping.yaml:1:1: expected a mapping, got a list",
		 YM_E_INVALID},
		{"deep.yaml", "deep.yaml:1:38: nesting deeper than 32 levels",
		 YM_E_TOOBIG},
		{"many-errors.yaml",
		 "many-errors.yaml:4:10: version: 0 is out of range (expected "
		 "1 to 2147483647)",
		 YM_E_INVALID},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		ym_err err = YM_ERR_INIT;
		ym_buf b = YM_BUF_INIT;
		ym_policy *p = load_fixture(cases[i].file, &err);
		ym_err_format(&err, &b);
		bool okay = !p && err.code == cases[i].code &&
			    strcmp(b.ptr, cases[i].msg) == 0;
		if (!okay)
			fprintf(stderr, "  %s: code %d: %s\n", cases[i].file,
				err.code, b.ptr);
		ym_buf_release(&b);
		ym_policy_free(p);
		if (!okay)
			TEST_FAIL_("case %zu (%s)", i, cases[i].file);
	}
}

typedef struct collected {
	ym_buf b;
	int n;
} collected;

static void collect(const ym_err *e, void *arg)
{
	collected *c = arg;
	ym_err_format(e, &c->b);
	ym_buf_addc(&c->b, '\n');
	c->n++;
}

/* Every problem is reported, in file order. */
static void t_all_problems(void)
{
	ym_buf text = YM_BUF_INIT;
	ym_err err = YM_ERR_INIT;
	collected c = {YM_BUF_INIT, 0};
	ym_policy *p = NULL;
	CHECK_INT(ym_buf_read_file(&text, FIX "decide-ssvc.yaml", &err), 0);
	CHECK_INT(ym_policy_load_all(text.ptr, text.len, "x.yaml", &p, &err,
				     collect, &c),
		  YM_E_INVALID);
	CHECK(p == NULL);
	CHECK_INT(c.n, 3);
	bool same = strcmp(c.b.ptr,
			   "x.yaml:5:14: decide_with: the SSVC deployer tree "
			   "needs 'mission_impact'\n"
			   "x.yaml:5:14: decide_with: the SSVC deployer tree "
			   "needs 'safety_impact'\n"
			   "x.yaml:5:14: decide_with: the SSVC deployer tree "
			   "needs 'ssvc_exposure'\n") == 0;
	ym_buf_reset(&c.b);
	c.n = 0;
	ym_buf_reset(&text);
	CHECK(same);
	CHECK_INT(ym_buf_read_file(&text, FIX "many-errors.yaml", &err), 0);
	ym_policy_load_all(text.ptr, text.len, "m.yaml", &p, &err, collect,
			   &c);
	CHECK_INT(c.n, 2);
	same = strncmp(c.b.ptr,
		       "m.yaml:4:10: version: 0 is out of range (expected 1 "
		       "to 2147483647)\nm.yaml:5:1: colour: unknown key",
		       80) == 0;
	ym_buf_release(&c.b);
	ym_buf_release(&text);
	CHECK(same);
}

/* Every prefix of the default and a few hostile texts: an error or a
 * policy, never a crash or a leak. */
static void t_never_crash(void)
{
	size_t len = 0;
	const char *t = ym_policy_default_text(&len);
	CHECK(t && len > 1000);
	int ok = 0;
	for (size_t n = 0; n <= len; n += 13) {
		ym_policy *p = NULL;
		ym_err err = YM_ERR_INIT;
		if (ym_policy_load(t, n, "prefix", &p, &err) == 0)
			ok++;
		else
			CHECK(err.msg[0] != '\0');
		ym_policy_free(p);
	}
	ym_policy *p = NULL;
	CHECK_INT(ym_policy_load(t, len, "full", &p, NULL), 0);
	ym_policy_free(p);
	static const char *const hostile[] = {
		"", "\xEF\xBB\xBF", "---\n...\n", "[", "{a: 1, a: 2}",
		"? [a]\n: b\n", "name: !!binary aGk=\n", "\xFF\xFE",
		"x: \"\\ud800\"\n", "a:\n\t- b\n", "%YAML 1.1\n--- x\n",
		"name: &a [*a]\n"};
	for (size_t i = 0; i < sizeof hostile / sizeof hostile[0]; i++) {
		ym_err err = YM_ERR_INIT;
		p = NULL;
		CHECK(ym_policy_load(hostile[i], strlen(hostile[i]), "h", &p,
				     &err) != 0);
		CHECK(p == NULL && err.msg[0]);
	}
	CHECK_INT(ym_policy_load(NULL, 0, "null", &p, NULL), YM_E_INVALID);
	char *big = malloc(YM_POLICY_MAX_INPUT + 2);
	memset(big, '#', YM_POLICY_MAX_INPUT + 1);
	ym_err err = YM_ERR_INIT;
	CHECK_INT(ym_policy_load(big, YM_POLICY_MAX_INPUT + 1, "big", &p,
				 &err),
		  YM_E_TOOBIG);
	free(big);
	CHECK(ok >= 1);
}

static void t_codes(void)
{
	CHECK_STR(ym_policy_outcome_code(YM_POLICY_OUT_OF_CYCLE),
		  "out_of_cycle");
	CHECK_INT(ym_policy_outcome_parse("scheduled"), YM_POLICY_SCHEDULED);
	CHECK_INT(ym_policy_outcome_parse("soon"), -1);
	CHECK_INT(ym_policy_exposure_parse("internet"),
		  YM_POLICY_EXP_INTERNET);
	CHECK_INT(ym_policy_exposure_parse(NULL), YM_POLICY_EXP_UNKNOWN);
	CHECK_INT(ym_policy_criticality_parse("medium"),
		  YM_POLICY_CRIT_MEDIUM);
	CHECK_INT(ym_policy_criticality_parse("重要"),
		  YM_POLICY_CRIT_UNKNOWN);
	CHECK_STR(ym_policy_mission_code(YM_POLICY_MISSION_MEF_FAILURE),
		  "mef_failure");
	CHECK_STR(ym_policy_safety_code(YM_POLICY_SAFETY_MARGINAL),
		  "marginal");
	CHECK_STR(ym_policy_ssvc_exposure_code(YM_POLICY_SSVC_CONTROLLED),
		  "controlled");
	CHECK_STR(ym_policy_exploitation_code(YM_POLICY_EXPL_POC), "poc");
}

int main(void)
{
	RUN(t_default_loads);
	RUN(t_default_matrix);
	RUN(t_default_impact);
	RUN(t_default_likelihood);
	RUN(t_default_ssvc);
	RUN(t_default_deadlines);
	RUN(t_windows);
	RUN(t_escalations);
	RUN(t_time);
	RUN(t_bad_files);
	RUN(t_all_problems);
	RUN(t_never_crash);
	RUN(t_codes);
	ym_policy_free(dflt);
	return test_done();
}
