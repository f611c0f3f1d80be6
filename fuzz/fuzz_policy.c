/* fuzz_policy.c - libFuzzer target for the triage policy loader and its
 * evaluation.
 *
 * The input bytes are loaded as a policy file. A failure must leave a
 * code and a message with a line number. On success every evaluation
 * entry point is run on a spread of assets and evidence: results must
 * name a rule or level inside the policy's tables, deadlines must not be
 * before the decision, and nothing may crash or leak.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/err.h"
#include "risk/policy.h"

static void die(const char *what)
{
	fprintf(stderr, "fuzz_policy: %s\n", what);
	abort();
}

static void evaluate(const ym_policy *p, unsigned seed)
{
	static const char *const kinds[] = {NULL, "", "個人情報", "PII",
					    "public"};
	ym_policy_tally t;
	memset(&t, 0, sizeof t);
	for (unsigned i = 0; i < 64; i++) {
		unsigned r = seed * 2654435761u + i * 40503u;
		ym_policy_asset a = {
			.criticality = (ym_policy_criticality)(r % 4),
			.safety_relevant = (r >> 2) & 1,
			.data_kind = kinds[(r >> 3) % 5],
			.data_records = (int64_t)((r >> 6) % 30000) - 1,
			.exposure = (ym_policy_exposure)((r >> 9) % 4)};
		ym_policy_evidence e = {
			.kev = (r >> 11) & 1,
			.epss = (double)((r >> 12) % 120) / 100.0 - 0.1,
			.epss_percentile = (double)((r >> 13) % 101) / 100.0,
			.exploitation = (ym_policy_exploitation)((r >> 14) % 3),
			.automatable = (ym_policy_tristate)((r >> 16) % 3),
			.exposure = a.exposure};
		ym_policy_impact_result ir;
		ym_policy_likelihood_result lr;
		ym_policy_impact(p, &a, &ir);
		if (ir.impact < 0 || (size_t)ir.impact >= p->n_impact_levels ||
		    ir.impact_rule < 0 ||
		    (size_t)ir.impact_rule >= p->impact_rules.n)
			die("impact out of range");
		ym_policy_likelihood(p, &e, &lr);
		int mo = -1;
		if (p->decide_with & YM_POLICY_USE_MATRIX) {
			ym_policy_outcome o;
			if (lr.likelihood < 0 ||
			    ym_policy_matrix_outcome(p, ir.impact,
						     lr.likelihood, &o))
				die("no matrix cell");
			mo = (int)o;
		}
		ym_policy_decider by;
		ym_policy_outcome o = ym_policy_combine(p, (int)(r % 4), mo,
							&by);
		ym_policy_deadline d;
		int64_t when = (int64_t)(r % 2000000000u);
		if (ym_policy_deadline_of(p, o, when, &d, NULL) == 0 &&
		    d.due < when)
			die("deadline before the decision");
		ym_policy_tally_add(&t, o, ir.impact, a.exposure, e.kev);
		ym_buf b = YM_BUF_INIT;
		ym_policy_explain_impact(p, &ir, i & 1 ? "ja" : "en", &b);
		ym_policy_explain_likelihood(p, &lr, "en", &b);
		ym_policy_explain_deadline(p, o, &d, "ja", &b);
		ym_buf_release(&b);
	}
	ym_policy_fired f[8];
	size_t n = ym_policy_escalations(p, &t, f, 8);
	for (size_t i = 0; i < n && i < 8; i++)
		if (f[i].rule < 0 || (size_t)f[i].rule >= p->n_escalations)
			die("escalation out of range");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ym_policy *p = NULL;
	ym_err err = YM_ERR_INIT;
	int rc = ym_policy_load((const char *)data, size, "fuzz.yaml", &p,
				&err);
	if (rc) {
		if (p || !err.msg[0] || err.code != rc)
			die("failure without a message");
		if (rc != YM_E_TOOBIG && err.line < 1)
			die("failure without a line");
		return 0;
	}
	evaluate(p, (unsigned)size);
	ym_policy_free(p);
	return 0;
}
