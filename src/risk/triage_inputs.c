/* triage_inputs.c - the decision points of a finding from evidence, each
 * with its source and date (docs/triage.md, "Inputs"). Pure: the caller
 * reads the store and fills plain structs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "risk/triage.h"

static const char *const v_expl[] = {"none", "poc", "active", NULL};
static const char *const v_exp[] = {"unknown", "internet", "internal",
				    "isolated", NULL};
static const char *const v_auto[] = {"no", "yes", NULL};
static const char *const v_ti[] = {"partial", "total", NULL};
static const char *const v_mi[] = {"degraded", "mef_support_crippled",
				   "mef_failure", "mission_failure", NULL};
static const char *const v_si[] = {"negligible", "marginal", "critical",
				   "catastrophic", NULL};
static const char *const v_hi[] = {"low", "medium", "high", "very_high",
				   NULL};
static const char *const v_none[] = {NULL};

static const char *const input_codes[YM_TI_COUNT] = {
	"exploitation", "exposure", "automatable", "technical_impact",
	"mission_impact", "safety_impact", "human_impact", "impact",
	"likelihood"};

static const char *const source_codes[YM_TS_COUNT] = {
	"none", "kev", "adp", "references", "epss", "cvss", "ledger", "scan",
	"policy", "ssvc", "override", "mitigation", "planned"};

const char *const *ym_triage_values(ym_triage_input in)
{
	switch (in) {
	case YM_TI_EXPLOITATION: return v_expl;
	case YM_TI_EXPOSURE: return v_exp;
	case YM_TI_AUTOMATABLE: return v_auto;
	case YM_TI_TECHNICAL_IMPACT: return v_ti;
	case YM_TI_MISSION_IMPACT: return v_mi;
	case YM_TI_SAFETY_IMPACT: return v_si;
	case YM_TI_HUMAN_IMPACT: return v_hi;
	default: return v_none;
	}
}

const char *ym_triage_input_code(ym_triage_input in)
{
	return (unsigned)in < YM_TI_COUNT ? input_codes[in] : "";
}

const char *ym_triage_source_code(ym_triage_source s)
{
	return (unsigned)s < YM_TS_COUNT ? source_codes[s] : "";
}

int ym_triage_input_parse(const char *s)
{
	if (!s)
		return -1;
	for (int i = 0; i < YM_TI_COUNT; i++)
		if (strcmp(s, input_codes[i]) == 0)
			return i;
	if (strcmp(s, "mission") == 0)
		return YM_TI_MISSION_IMPACT;
	if (strcmp(s, "safety") == 0)
		return YM_TI_SAFETY_IMPACT;
	if (strcmp(s, "human") == 0)
		return YM_TI_HUMAN_IMPACT;
	return -1;
}

static int word_index(const char *const *l, const char *s)
{
	for (int i = 0; l[i]; i++)
		if (strcmp(l[i], s) == 0)
			return i;
	return -1;
}

int ym_triage_value_parse(const ym_policy *p, ym_triage_input in,
			  const char *s)
{
	if (!s)
		return -1;
	if (in == YM_TI_IMPACT || in == YM_TI_LIKELIHOOD) {
		if (!p)
			return -1;
		const ym_policy_level *l = in == YM_TI_IMPACT
						   ? p->impact_level
						   : p->likelihood_level;
		size_t n = in == YM_TI_IMPACT ? p->n_impact_levels
					      : p->n_likelihood_levels;
		for (size_t i = 0; i < n; i++)
			if (strcmp(l[i].id, s) == 0)
				return (int)i;
		return -1;
	}
	int v = word_index(ym_triage_values(in), s);
	if (v >= 0)
		return in == YM_TI_EXPOSURE && v == 0 ? 0 : v;
	if (in == YM_TI_EXPOSURE) {
		if (strcmp(s, "open") == 0)
			return YM_POLICY_EXP_INTERNET;
		if (strcmp(s, "controlled") == 0)
			return YM_POLICY_EXP_INTERNAL;
		if (strcmp(s, "small") == 0)
			return YM_POLICY_EXP_ISOLATED;
	}
	if (in == YM_TI_EXPLOITATION && strcmp(s, "public_poc") == 0)
		return YM_POLICY_EXPL_POC;
	if (in == YM_TI_AUTOMATABLE) {
		if (strcmp(s, "true") == 0)
			return 1;
		if (strcmp(s, "false") == 0)
			return 0;
	}
	return -1;
}

const char *ym_triage_value_code(const ym_policy *p, ym_triage_input in,
				 int v)
{
	if (v < 0)
		return "unknown";
	if (in == YM_TI_IMPACT)
		return p && (size_t)v < p->n_impact_levels
			       ? p->impact_level[v].id
			       : "unknown";
	if (in == YM_TI_LIKELIHOOD)
		return p && (size_t)v < p->n_likelihood_levels
			       ? p->likelihood_level[v].id
			       : "unknown";
	const char *const *l = ym_triage_values(in);
	for (int i = 0; l[i]; i++)
		if (i == v)
			return l[i];
	return "unknown";
}

/* ---- CVSS heuristic ---- */

/* The value of metric key in a CVSS vector ("AV" in ".../AV:N/..."), or
 * 0 when absent. */
static char metric(const char *vec, const char *key)
{
	size_t kl = strlen(key);
	for (const char *p = vec; *p; p++) {
		if ((p == vec || p[-1] == '/' || p[-1] == '(') &&
		    strncmp(p, key, kl) == 0 && p[kl] == ':')
			return p[kl + 1];
	}
	return 0;
}

static int cvss_version(const char *v)
{
	if (!v)
		return 0;
	if (strncmp(v, "CVSS:4.0/", 9) == 0)
		return 4;
	if (strncmp(v, "CVSS:3.", 7) == 0)
		return 3;
	if (metric(v, "AV") && metric(v, "Au"))
		return 2;
	return 0;
}

int ym_triage_cvss_automatable(const char *vector)
{
	int ver = cvss_version(vector);
	if (!ver)
		return -1;
	bool net = metric(vector, "AV") == 'N' && metric(vector, "AC") == 'L';
	if (ver == 2)
		return net && metric(vector, "Au") == 'N';
	if (ver == 4 && metric(vector, "AT") != 'N')
		return 0;
	return net && metric(vector, "PR") == 'N' && metric(vector, "UI") == 'N';
}

int ym_triage_cvss_technical_impact(const char *vector)
{
	int ver = cvss_version(vector);
	if (!ver)
		return -1;
	if (ver == 2)
		return metric(vector, "C") == 'C' && metric(vector, "I") == 'C';
	if (ver == 4)
		return metric(vector, "VC") == 'H' && metric(vector, "VI") == 'H';
	return metric(vector, "C") == 'H' && metric(vector, "I") == 'H';
}

/* ---- vulnerability inputs ---- */

static void set(ym_triage_value *v, int value, ym_triage_source src,
		const char *date, const char *detail)
{
	v->value = value;
	v->source = src;
	v->rule = -1;
	v->detail = detail;
	v->date[0] = '\0';
	if (date)
		snprintf(v->date, sizeof v->date, "%.10s", date);
}

void ym_triage_vuln_derive(const ym_policy *p, const ym_triage_vuln_facts *f,
			   ym_triage_vuln_inputs *out)
{
	memset(out, 0, sizeof *out);
	for (int i = 0; i < 4; i++)
		set(&out->v[i], -1, YM_TS_NONE, NULL, NULL);
	out->kev = f->kev;
	out->epss = f->epss;
	out->epss_percentile = f->epss_percentile;

	/* exploitation: the strongest evidence; at equal strength KEV,
	 * then ADP, then references, then EPSS */
	ym_triage_value *x = &out->v[YM_TI_EXPLOITATION];
	set(x, YM_POLICY_EXPL_NONE, YM_TS_NONE, NULL, NULL);
	int adp = f->adp_exploitation
			  ? word_index(v_expl, f->adp_exploitation)
			  : -1;
	if (adp < 0 && f->adp_exploitation &&
	    strcmp(f->adp_exploitation, "public_poc") == 0)
		adp = YM_POLICY_EXPL_POC;
	if (f->kev)
		set(x, YM_POLICY_EXPL_ACTIVE, YM_TS_KEV, f->kev_date,
		    f->kev_name);
	else if (adp == YM_POLICY_EXPL_ACTIVE)
		set(x, adp, YM_TS_ADP, f->adp_date, NULL);
	else if (adp == YM_POLICY_EXPL_POC)
		set(x, adp, YM_TS_ADP, f->adp_date, NULL);
	else if (f->exploit_ref)
		set(x, YM_POLICY_EXPL_POC, YM_TS_REFS, f->exploit_ref_date,
		    f->exploit_ref);
	else if (p && p->epss_poc >= 0 && f->epss >= 0 &&
		 f->epss >= p->epss_poc)
		set(x, YM_POLICY_EXPL_POC, YM_TS_EPSS, f->epss_date, NULL);
	else if (adp == YM_POLICY_EXPL_NONE)
		set(x, adp, YM_TS_ADP, f->adp_date, NULL);

	/* automatable: ADP, else the CVSS heuristic */
	int a = f->adp_automatable ? word_index(v_auto, f->adp_automatable)
				   : -1;
	if (a >= 0) {
		set(&out->v[YM_TI_AUTOMATABLE], a, YM_TS_ADP, f->adp_date, NULL);
	} else if ((a = ym_triage_cvss_automatable(f->cvss_vector)) >= 0) {
		set(&out->v[YM_TI_AUTOMATABLE], a, YM_TS_CVSS, f->cvss_date,
		    f->cvss_vector);
	}
	int t = f->adp_technical_impact
			? word_index(v_ti, f->adp_technical_impact)
			: -1;
	if (t >= 0) {
		set(&out->v[YM_TI_TECHNICAL_IMPACT], t, YM_TS_ADP, f->adp_date,
		    NULL);
	} else if ((t = ym_triage_cvss_technical_impact(f->cvss_vector)) >=
		   0) {
		set(&out->v[YM_TI_TECHNICAL_IMPACT], t, YM_TS_CVSS,
		    f->cvss_date, f->cvss_vector);
	}
}

/* ---- asset inputs ---- */

void ym_triage_asset_derive(const ym_policy *p,
			    const ym_triage_asset_facts *f,
			    ym_triage_asset_inputs *out)
{
	memset(out, 0, sizeof *out);
	for (int i = 0; i < YM_TI_COUNT; i++)
		set(&out->v[i], -1, YM_TS_NONE, NULL, NULL);
	ym_policy_exposure e = ym_policy_exposure_parse(f->exposure);
	/* open ports: with the date a scan saw them, else as the ledger
	 * has them (with the date of its exposure) */
	if (f->open_ports && *f->open_ports && f->seen_at && *f->seen_at)
		set(&out->v[YM_TI_EXPOSURE], (int)e, YM_TS_NMAP, f->seen_at,
		    f->open_ports);
	else if (f->open_ports && *f->open_ports)
		set(&out->v[YM_TI_EXPOSURE], (int)e, YM_TS_LEDGER,
		    f->exposure_date, f->open_ports);
	else
		set(&out->v[YM_TI_EXPOSURE], (int)e, YM_TS_LEDGER,
		    f->exposure_date, NULL);
	out->asset = (ym_policy_asset){
		.criticality = ym_policy_criticality_parse(f->criticality),
		.safety_relevant = f->safety_relevant,
		.data_kind = f->data_kind && *f->data_kind ? f->data_kind
							   : NULL,
		.data_records = f->data_records,
		.exposure = e,
	};
	if (!p)
		return;
	ym_policy_impact_result ir;
	ym_policy_impact(p, &out->asset, &ir);
	set(&out->v[YM_TI_IMPACT], ir.impact, YM_TS_POLICY, NULL, NULL);
	out->v[YM_TI_IMPACT].rule = ir.impact_rule;
	if (ir.mission >= 0) {
		set(&out->v[YM_TI_MISSION_IMPACT], ir.mission, YM_TS_POLICY,
		    NULL, NULL);
		out->v[YM_TI_MISSION_IMPACT].rule = ir.mission_rule;
	}
	if (ir.safety >= 0) {
		set(&out->v[YM_TI_SAFETY_IMPACT], ir.safety, YM_TS_POLICY,
		    NULL, NULL);
		out->v[YM_TI_SAFETY_IMPACT].rule = ir.safety_rule;
	}
}

static bool sticky(const ym_triage_value *v)
{
	return v->source == YM_TS_OVERRIDE || v->source == YM_TS_MITIGATION ||
	       v->source == YM_TS_PLANNED;
}

void ym_triage_inputs_make(const ym_triage_vuln_inputs *vi,
			   const ym_triage_asset_inputs *ai,
			   const ym_triage_change *ch, size_t n,
			   ym_triage_inputs *out)
{
	for (int i = 0; i < YM_TI_COUNT; i++)
		out->v[i] = ai->v[i];
	out->v[YM_TI_EXPLOITATION] = vi->v[YM_TI_EXPLOITATION];
	out->v[YM_TI_AUTOMATABLE] = vi->v[YM_TI_AUTOMATABLE];
	out->v[YM_TI_TECHNICAL_IMPACT] = vi->v[YM_TI_TECHNICAL_IMPACT];
	out->kev = vi->kev;
	out->epss = vi->epss;
	out->epss_percentile = vi->epss_percentile;
	out->asset = ai->asset;
	for (size_t i = 0; i < n; i++) {
		const ym_triage_change *c = &ch[i];
		if ((unsigned)c->input >= YM_TI_COUNT)
			continue;
		ym_triage_value *v = &out->v[c->input];
		set(v, c->value, c->source, c->date, c->detail);
		switch (c->input) {
		case YM_TI_EXPLOITATION:
			out->kev = false;
			out->epss = out->epss_percentile = -1;
			break;
		case YM_TI_EXPOSURE:
			out->asset.exposure = (ym_policy_exposure)c->value;
			break;
		case YM_TI_MISSION_IMPACT:
		case YM_TI_SAFETY_IMPACT:
			if (!sticky(&out->v[YM_TI_HUMAN_IMPACT]))
				set(&out->v[YM_TI_HUMAN_IMPACT], -1, YM_TS_NONE,
				    NULL, NULL);
			break;
		default: break;
		}
	}
}

int ym_triage_changes_parse(const ym_policy *p, const char *text,
			    ym_triage_change *out, size_t cap, size_t *n,
			    ym_err *err)
{
	*n = 0;
	const char *s = text ? text : "";
	while (*s) {
		const char *end = strchr(s, ',');
		size_t len = end ? (size_t)(end - s) : strlen(s);
		char pair[128];
		if (len == 0 || len >= sizeof pair)
			return ym_err_set(err, YM_E_INVALID,
					  _("invalid change '%.*s' (expected "
					    "INPUT=VALUE)"),
					  (int)(len > 60 ? 60 : len), s);
		memcpy(pair, s, len);
		pair[len] = '\0';
		char *eq = strchr(pair, '=');
		if (!eq)
			return ym_err_set(err, YM_E_INVALID,
					  _("invalid change '%s' (expected "
					    "INPUT=VALUE)"),
					  pair);
		*eq = '\0';
		int in = ym_triage_input_parse(pair);
		if (in < 0)
			return ym_err_set(
				err, YM_E_INVALID,
				_("unknown input '%s' (exploitation, exposure, "
				  "automatable, technical_impact, "
				  "mission_impact, safety_impact, "
				  "human_impact, impact, likelihood)"),
				pair);
		int v = ym_triage_value_parse(p, (ym_triage_input)in, eq + 1);
		if (v < 0 || (in == YM_TI_EXPOSURE && v == 0))
			return ym_err_set(err, YM_E_INVALID,
					  _("invalid value '%s' for %s"),
					  eq + 1, pair);
		if (*n >= cap)
			return ym_err_set(err, YM_E_INVALID,
					  _("too many changes"));
		out[*n] = (ym_triage_change){.input = (ym_triage_input)in,
					     .value = v,
					     .source = YM_TS_OVERRIDE};
		(*n)++;
		s = end ? end + 1 : s + len;
	}
	if (*n == 0)
		return ym_err_set(err, YM_E_INVALID,
				  _("no change given (expected INPUT=VALUE)"));
	return 0;
}
