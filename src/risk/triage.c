/* triage.c - deciding a finding from its inputs, and saying why in
 * Japanese and English (docs/triage.md). Pure: no store, no gettext (both
 * languages are stored, so the texts here are data, not messages). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/json.h"
#include "risk/triage.h"

static bool is_ja(const char *lang)
{
	return lang && strcmp(lang, "ja") == 0;
}

/* ---- engine ---- */

static uint64_t h_bytes(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;
	for (size_t i = 0; i < n; i++) {
		h ^= b[i];
		h *= 1099511628211ull;
	}
	return h;
}

static uint64_t h_str(uint64_t h, const char *s)
{
	if (s)
		h = h_bytes(h, s, strlen(s));
	return h_bytes(h, "\x1f", 1);
}

static uint64_t h_int(uint64_t h, int64_t v)
{
	return h_bytes(h, &v, sizeof v);
}

#define H0 1469598103934665603ull

int ym_triage_engine_init(ym_triage_engine *e, const ym_policy *p,
			  const ym_ssvc_registry *reg, ym_err *err)
{
	memset(e, 0, sizeof *e);
	e->policy = p;
	if (p->decide_with & YM_POLICY_USE_SSVC) {
		e->deployer = ym_ssvc_find(reg, "deployer");
		e->human = ym_ssvc_find(reg, "human-impact");
		if (!e->deployer || !e->human || e->deployer->npoints != 4 ||
		    e->human->npoints != 2)
			return ym_err_set(err, YM_E_INVALID,
					  _("the SSVC deployer and human-impact "
					    "tables are missing"));
	}
	uint64_t h = h_str(H0, p->name);
	h = h_int(h, p->version);
	h = h_int(h, p->decide_with);
	e->policy_hash = h;
	return 0;
}

static const char *vector_of(ym_triage_engine *e, const uint8_t idx[4],
			     int si, int mi, bool human_given, int outcome)
{
	ym_ssvc_result r;
	memset(&r, 0, sizeof r);
	r.table = e->deployer;
	for (unsigned i = 0; i < 4; i++) {
		r.sel[r.nsel].point = &e->deployer->points[i];
		r.sel[r.nsel].value = idx[i];
		r.sel[r.nsel].derived = i == 3 && !human_given;
		r.nsel++;
	}
	if (!human_given) {
		r.sel[r.nsel].point = &e->human->points[0];
		r.sel[r.nsel++].value = (uint8_t)si;
		r.sel[r.nsel].point = &e->human->points[1];
		r.sel[r.nsel++].value = (uint8_t)mi;
	}
	r.sel[r.nsel].point = &e->deployer->outcome;
	r.sel[r.nsel].value = (uint8_t)outcome;
	r.sel[r.nsel++].is_outcome = true;
	ym_buf b = YM_BUF_INIT;
	ym_ssvc_vector_format(&r, NULL, &b, NULL);
	char *slot;
	if (human_given) {
		slot = e->scratch;
	} else {
		size_t k = ((((size_t)idx[0] * 3 + idx[1]) * 2 + idx[2]) * 4 +
			    (size_t)si) * 4 + (size_t)mi;
		slot = e->vectors[k];
	}
	snprintf(slot, sizeof e->scratch, "%s", b.ptr ? b.ptr : "");
	ym_buf_release(&b);
	return slot;
}

void ym_triage_decide(ym_triage_engine *e, ym_triage_inputs *in,
		      ym_triage_decision *out)
{
	const ym_policy *p = e->policy;
	memset(out, 0, sizeof *out);
	out->ssvc = out->matrix = -1;
	out->likelihood = out->likelihood_rule = -1;
	out->vector = "";
	out->human = -1;
	int expl = in->v[YM_TI_EXPLOITATION].value;
	if (expl < 0)
		expl = 0;
	int exposure = in->v[YM_TI_EXPOSURE].value;
	if (exposure < 0)
		exposure = 0;
	int autom = in->v[YM_TI_AUTOMATABLE].value;
	if (e->deployer) {
		ym_triage_value *hv = &in->v[YM_TI_HUMAN_IMPACT];
		int si = in->v[YM_TI_SAFETY_IMPACT].value;
		int mi = in->v[YM_TI_MISSION_IMPACT].value;
		if (si < 0)
			si = 0;
		if (mi < 0)
			mi = 0;
		bool given = hv->value >= 0;
		if (!given) {
			uint8_t hidx[2] = {(uint8_t)si, (uint8_t)mi};
			hv->value = ym_ssvc_decide_idx(e->human, hidx);
			hv->source = YM_TS_TABLE;
			hv->rule = -1;
			hv->detail = NULL;
			hv->date[0] = '\0';
		}
		uint8_t idx[4] = {
			(uint8_t)expl,
			(uint8_t)ym_policy_ssvc_exposure_of(
				p, (ym_policy_exposure)exposure),
			(uint8_t)(autom < 0 ? 1 : autom), /* unknown: yes */
			(uint8_t)(hv->value < 0 ? 1 : hv->value)};
		out->human = idx[3];
		out->ssvc = ym_ssvc_decide_idx(e->deployer, idx);
		size_t k = ((((size_t)idx[0] * 3 + idx[1]) * 2 + idx[2]) * 4 +
			    (size_t)si) * 4 + (size_t)mi;
		if (!given && e->vectors[k][0])
			out->vector = e->vectors[k];
		else
			out->vector = vector_of(e, idx, si, mi, given,
						out->ssvc);
	}
	out->impact = in->v[YM_TI_IMPACT].value;
	if (p->decide_with & YM_POLICY_USE_MATRIX) {
		ym_triage_value *lv = &in->v[YM_TI_LIKELIHOOD];
		if (lv->value < 0) {
			ym_policy_evidence ev = {
				.kev = in->kev,
				.epss = in->epss,
				.epss_percentile = in->epss_percentile,
				.exploitation = (ym_policy_exploitation)expl,
				.automatable = autom < 0   ? YM_POLICY_UNKNOWN
					       : autom > 0 ? YM_POLICY_YES
							   : YM_POLICY_NO,
				.exposure = (ym_policy_exposure)exposure,
			};
			ym_policy_likelihood_result lr;
			ym_policy_likelihood(p, &ev, &lr);
			lv->value = lr.likelihood;
			lv->source = YM_TS_POLICY;
			lv->rule = lr.rule;
			lv->detail = NULL;
			lv->date[0] = '\0';
		}
		out->likelihood = lv->value;
		out->likelihood_rule = lv->rule;
		ym_policy_outcome mo;
		if (ym_policy_matrix_outcome(p, out->impact < 0 ? 0 : out->impact,
					     out->likelihood < 0 ? 0
								 : out->likelihood,
					     &mo) == 0)
			out->matrix = (int)mo;
	}
	out->outcome = (int)ym_policy_combine(p, out->ssvc, out->matrix,
					       &out->by);
}

/* ---- hashes and the compact code ---- */

static uint64_t h_value(uint64_t h, const ym_triage_value *v)
{
	h = h_int(h, v->value);
	h = h_int(h, v->source);
	h = h_int(h, v->rule);
	h = h_str(h, v->date);
	return h_str(h, v->detail);
}

static bool sticky(const ym_triage_value *v)
{
	return v->source == YM_TS_OVERRIDE || v->source == YM_TS_MITIGATION ||
	       v->source == YM_TS_PLANNED;
}

uint64_t ym_triage_hash_vuln(const ym_triage_inputs *in)
{
	uint64_t h = h_str(H0, "vuln");
	h = h_value(h, &in->v[YM_TI_EXPLOITATION]);
	h = h_value(h, &in->v[YM_TI_AUTOMATABLE]);
	h = h_value(h, &in->v[YM_TI_TECHNICAL_IMPACT]);
	h = h_int(h, in->kev);
	h = h_int(h, (int64_t)(in->epss * 1e6));
	return h_int(h, (int64_t)(in->epss_percentile * 1e6));
}

uint64_t ym_triage_hash_asset(const ym_triage_inputs *in)
{
	uint64_t h = h_str(H0, "asset");
	h = h_value(h, &in->v[YM_TI_EXPOSURE]);
	h = h_value(h, &in->v[YM_TI_MISSION_IMPACT]);
	h = h_value(h, &in->v[YM_TI_SAFETY_IMPACT]);
	h = h_value(h, &in->v[YM_TI_IMPACT]);
	if (sticky(&in->v[YM_TI_HUMAN_IMPACT]))
		h = h_value(h, &in->v[YM_TI_HUMAN_IMPACT]);
	if (sticky(&in->v[YM_TI_LIKELIHOOD]))
		h = h_value(h, &in->v[YM_TI_LIKELIHOOD]);
	h = h_int(h, in->asset.criticality);
	h = h_int(h, in->asset.safety_relevant);
	h = h_str(h, in->asset.data_kind);
	return h_int(h, in->asset.data_records);
}

void ym_triage_code(const ym_policy *p, const ym_triage_inputs *in,
		    ym_buf *out)
{
	for (int i = 0; i < YM_TI_COUNT; i++) {
		const ym_triage_value *v = &in->v[i];
		ym_buf_printf(out, "%s%s=%s:%s", i ? ";" : "",
			      ym_triage_input_code((ym_triage_input)i),
			      ym_triage_value_code(p, (ym_triage_input)i,
						   v->value),
			      ym_triage_source_code(v->source));
	}
}

/* ---- texts ---- */

typedef struct phrase {
	const char *en, *ja;
} phrase;

static const phrase ph_expl[] = {
	{"no exploitation known", "悪用情報なし"},
	{"public exploit code", "攻撃コードが公開されている"},
	{"exploited in the wild", "悪用が確認されている"}};
static const phrase ph_auto[] = {
	{"not automatable", "攻撃の自動化は困難"},
	{"automatable", "攻撃を自動化できる"}};
static const phrase ph_ti[] = {
	{"partial technical impact", "技術的影響は部分的"},
	{"total technical impact", "技術的影響は全面的"}};
static const phrase ph_exp[] = {
	{"exposure unknown", "公開状況は不明"},
	{"internet-facing", "インターネットに公開"},
	{"internal network only", "社内ネットワークのみ"},
	{"isolated", "隔離環境"}};
static const phrase ph_hi[] = {
	{"low", "低い"}, {"medium", "中程度"}, {"high", "高い"},
	{"very high", "極めて高い"}};
static const phrase ph_mi[] = {
	{"degraded", "業務の低下"},
	{"MEF support crippled", "基幹業務の支援機能が停止"},
	{"MEF failure", "基幹業務の停止"},
	{"mission failure", "事業の停止"}};
static const phrase ph_si[] = {
	{"negligible", "軽微"},
	{"marginal", "限定的"},
	{"critical", "重大"},
	{"catastrophic", "壊滅的"}};

static const char *pick(const phrase *p, const char *lang)
{
	return is_ja(lang) ? p->ja : p->en;
}

static void open_note(ym_buf *out, const char *lang)
{
	ym_buf_adds(out, is_ja(lang) ? "（" : " (");
}

static void close_note(ym_buf *out, const char *lang)
{
	ym_buf_adds(out, is_ja(lang) ? "）" : ")");
}

/* The parenthesised source of a value; false when there is none. */
static void note(const ym_policy *p, const ym_triage_value *v,
		 const ym_triage_inputs *in, const ym_policy_rules *rules,
		 const char *lang, ym_buf *out)
{
	bool ja = is_ja(lang);
	const char *d = v->date[0] ? v->date : NULL;
	switch (v->source) {
	case YM_TS_KEV:
		open_note(out, lang);
		ym_buf_printf(out, ja ? "KEV掲載 %s" : "KEV since %s",
			      d ? d : "?");
		close_note(out, lang);
		break;
	case YM_TS_ADP:
		open_note(out, lang);
		ym_buf_adds(out, "CISA ADP SSVC");
		if (d)
			ym_buf_printf(out, ja ? "、%s" : ", %s", d);
		close_note(out, lang);
		break;
	case YM_TS_REFS:
		open_note(out, lang);
		ym_buf_printf(out, ja ? "攻撃コードの参照 %s" : "exploit reference %s",
			      v->detail ? v->detail : "");
		close_note(out, lang);
		break;
	case YM_TS_EPSS:
		open_note(out, lang);
		ym_buf_printf(out,
			      ja ? "EPSS %.3f、%s 時点、しきい値 %g 以上"
				 : "EPSS %.3f on %s, at or above %g",
			      in->epss, d ? d : "?", p ? p->epss_poc : 0.0);
		close_note(out, lang);
		break;
	case YM_TS_CVSS:
		/* v3.x and v4.0 vectors name their version ("CVSS:3.1/...");
		 * a v2 vector does not */
		open_note(out, lang);
		if (v->detail && strncmp(v->detail, "CVSS:", 5) == 0)
			ym_buf_adds(out, v->detail);
		else
			ym_buf_printf(out, "CVSS v2 %s",
				      v->detail ? v->detail : "");
		close_note(out, lang);
		break;
	case YM_TS_LEDGER: /* detail: open ports the ledger lists */
		open_note(out, lang);
		ym_buf_adds(out, ja ? "台帳" : "ledger");
		if (d)
			ym_buf_printf(out, ja ? "、%s 時点" : ", as of %s", d);
		if (v->detail)
			ym_buf_printf(out,
				      ja ? "。ポート %s が開放" : "; ports %s open",
				      v->detail);
		close_note(out, lang);
		break;
	case YM_TS_NMAP:
		/* ports with the date a scan saw them */
		open_note(out, lang);
		if (ja)
			ym_buf_printf(out, "台帳。スキャン %s でポート %s が開放",
				      d ? d : "?", v->detail ? v->detail : "");
		else
			ym_buf_printf(out, "ledger; ports %s open per scan %s",
				      v->detail ? v->detail : "", d ? d : "?");
		close_note(out, lang);
		break;
	case YM_TS_POLICY:
		if (p && rules && v->rule >= 0 && (size_t)v->rule < rules->n) {
			open_note(out, lang);
			ym_buf_adds(out, ym_policy_text_in(
						 &rules->rule[v->rule].because,
						 lang));
			close_note(out, lang);
		}
		break;
	case YM_TS_OVERRIDE:
		open_note(out, lang);
		ym_buf_printf(out, ja ? "上書き: %s" : "override: %s",
			      v->detail ? v->detail : "");
		close_note(out, lang);
		break;
	case YM_TS_MITIGATION:
		open_note(out, lang);
		ym_buf_printf(out, ja ? "対策「%s」実施済み" : "mitigation '%s' done",
			      v->detail ? v->detail : "");
		if (d)
			ym_buf_printf(out, " %s", d);
		close_note(out, lang);
		break;
	case YM_TS_PLANNED:
		open_note(out, lang);
		ym_buf_printf(out, ja ? "予定の対策「%s」" : "planned mitigation '%s'",
			      v->detail ? v->detail : "");
		close_note(out, lang);
		break;
	default: break;
	}
}

static const char *sep(const char *lang)
{
	return is_ja(lang) ? "。" : "; ";
}

void ym_triage_text_vuln(const ym_policy *p, const ym_triage_inputs *in,
			 const char *lang, ym_buf *out)
{
	const ym_triage_value *x = &in->v[YM_TI_EXPLOITATION];
	int xv = x->value < 0 ? 0 : x->value > 2 ? 2 : x->value;
	ym_buf_adds(out, pick(&ph_expl[xv], lang));
	note(p, x, in, NULL, lang, out);
	const ym_triage_value *a = &in->v[YM_TI_AUTOMATABLE];
	ym_buf_adds(out, sep(lang));
	if (a->value < 0)
		ym_buf_adds(out, is_ja(lang) ? "自動化の可否は不明（可能とみなす）"
					     : "automatable unknown (taken as "
					       "yes)");
	else
		ym_buf_adds(out, pick(&ph_auto[a->value ? 1 : 0], lang));
	note(p, a, in, NULL, lang, out);
	const ym_triage_value *t = &in->v[YM_TI_TECHNICAL_IMPACT];
	if (t->value >= 0) {
		ym_buf_adds(out, sep(lang));
		ym_buf_adds(out, pick(&ph_ti[t->value ? 1 : 0], lang));
		if (t->source != YM_TS_CVSS || t->detail != a->detail ||
		    a->source != YM_TS_CVSS)
			note(p, t, in, NULL, lang, out);
	}
}

static void group_digits(ym_buf *out, int64_t n)
{
	char tmp[32];
	snprintf(tmp, sizeof tmp, "%lld", (long long)n);
	size_t len = strlen(tmp);
	for (size_t i = 0; i < len; i++) {
		if (i && (len - i) % 3 == 0 && tmp[i - 1] != '-')
			ym_buf_addc(out, ',');
		ym_buf_addc(out, tmp[i]);
	}
}

void ym_triage_text_asset(const ym_policy *p, const ym_triage_inputs *in,
			  const char *lang, ym_buf *out)
{
	bool ja = is_ja(lang);
	const ym_triage_value *e = &in->v[YM_TI_EXPOSURE];
	int ev = e->value < 0 || e->value > 3 ? 0 : e->value;
	ym_buf_adds(out, pick(&ph_exp[ev], lang));
	note(p, e, in, NULL, lang, out);
	ym_buf_adds(out, sep(lang));
	const ym_policy_asset *a = &in->asset;
	const ym_triage_value *im = &in->v[YM_TI_IMPACT];
	/* the data held, when the rule that set the impact is about it */
	const ym_policy_rule *ir =
		p && im->source == YM_TS_POLICY && im->rule >= 0 &&
				(size_t)im->rule < p->impact_rules.n
			? &p->impact_rules.rule[im->rule]
			: NULL;
	if (a->data_kind && ir &&
	    (ir->when.has & (YM_PC_DATA_KIND | YM_PC_DATA_RECORDS))) {
		ym_buf_adds(out, a->data_kind);
		if (a->data_records >= 0) {
			ym_buf_adds(out, ja ? " " : ", ");
			group_digits(out, a->data_records);
			ym_buf_adds(out, ja ? "件" : " records");
		}
		ym_buf_adds(out, " \xE2\x86\x92 ");
	}
	const char *lv = p && im->value >= 0 &&
				 (size_t)im->value < p->n_impact_levels
			 ? ym_policy_text_in(&p->impact_level[im->value].label,
					     lang)
			 : "?";
	ym_buf_printf(out, ja ? "想定被害 %s" : "%s impact", lv);
	note(p, im, in, p ? &p->impact_rules : NULL, lang, out);
	const ym_triage_value *hv = &in->v[YM_TI_HUMAN_IMPACT];
	if (hv->value >= 0 && hv->value < 4) {
		ym_buf_adds(out, sep(lang));
		ym_buf_printf(out, ja ? "人的影響 %s" : "human impact %s",
			      pick(&ph_hi[hv->value], lang));
		if (sticky(hv)) {
			note(p, hv, in, NULL, lang, out);
		} else {
			const ym_triage_value *mi =
				&in->v[YM_TI_MISSION_IMPACT];
			const ym_triage_value *si = &in->v[YM_TI_SAFETY_IMPACT];
			int mv = mi->value < 0 || mi->value > 3 ? 0 : mi->value;
			int sv = si->value < 0 || si->value > 3 ? 0 : si->value;
			ym_buf_printf(out,
				      ja ? "（ミッションへの影響: %s、安全への影響: %s）"
					 : " (mission impact: %s, safety impact: %s)",
				      pick(&ph_mi[mv], lang), pick(&ph_si[sv], lang));
			if (sticky(mi))
				note(p, mi, in, NULL, lang, out);
			if (sticky(si))
				note(p, si, in, NULL, lang, out);
		}
	}
}

const char *ym_triage_outcome_label(int outcome, const char *lang)
{
	static const phrase labels[] = {{"Defer", "対応保留"},
					{"Scheduled", "定期メンテナンスで対応"},
					{"Out-of-cycle", "臨時対応"},
					{"Immediate", "即時対応"}};
	if (outcome < 0 || outcome > 3)
		return "?";
	return pick(&labels[outcome], lang);
}

void ym_triage_text_rule(const ym_policy *p, const ym_triage_decision *d,
			 const char *lang, ym_buf *out)
{
	bool ja = is_ja(lang);
	bool any = false;
	if (d->ssvc >= 0) {
		ym_buf_printf(out, ja ? "SSVC導入者ツリー: %s" : "SSVC deployer: %s",
			      ym_triage_outcome_label(d->ssvc, lang));
		any = true;
	}
	if (d->matrix >= 0 && d->impact >= 0 && d->likelihood >= 0 &&
	    (size_t)d->impact < p->n_impact_levels &&
	    (size_t)d->likelihood < p->n_likelihood_levels) {
		if (any)
			ym_buf_adds(out, ja ? "、" : ", ");
		ym_buf_printf(
			out,
			ja ? "マトリクス 想定被害 %s×発生可能性 %s: %s"
			   : "matrix impact %s x likelihood %s: %s",
			ym_policy_text_in(&p->impact_level[d->impact].label,
					  lang),
			ym_policy_text_in(
				&p->likelihood_level[d->likelihood].label,
				lang),
			ym_triage_outcome_label(d->matrix, lang));
		if (d->likelihood_rule >= 0 &&
		    (size_t)d->likelihood_rule < p->likelihood_rules.n) {
			open_note(out, lang);
			ym_buf_adds(out, ym_policy_text_in(
						 &p->likelihood_rules
							  .rule[d->likelihood_rule]
							  .because,
						 lang));
			close_note(out, lang);
		}
	}
	const ym_policy_outcome_def *od = &p->outcome[d->outcome];
	ym_buf_adds(out, sep(lang));
	ym_buf_printf(out, ja ? "方針 '%s' v%lld: " : "policy '%s' v%lld gives ",
		      p->name, (long long)p->version);
	if (od->sla == YM_POLICY_SLA_DAYS && ja)
		ym_buf_printf(out, "%d日以内", od->days);
	else if (od->sla == YM_POLICY_SLA_DAYS)
		ym_buf_printf(out, "%d day%s", od->days,
			      od->days == 1 ? "" : "s");
	else if (od->sla == YM_POLICY_SLA_REVIEW)
		ym_buf_printf(out, ja ? "%d日後に再評価" : "a review in %d days",
			      od->days);
	else
		ym_buf_adds(out, ja ? "次の定期メンテナンス枠"
				    : "the next maintenance window");
}

void ym_triage_explain(int outcome, const char *deadline,
		       const char *vuln_text, const char *asset_text,
		       const char *rule_text, const char *lang, ym_buf *out)
{
	bool ja = is_ja(lang);
	ym_buf_printf(out, "%s: %s%s%s%s%s",
		      ym_triage_outcome_label(outcome, lang),
		      vuln_text ? vuln_text : "", sep(lang),
		      asset_text ? asset_text : "", sep(lang),
		      rule_text ? rule_text : "");
	if (deadline && *deadline) {
		if (outcome == YM_POLICY_DEFER)
			ym_buf_printf(out, ja ? "（再評価 %s）" : " (review by %s)",
				      deadline);
		else
			ym_buf_printf(out, ja ? "（期限 %s）" : " (due %s)",
				      deadline);
	}
}

/* ---- JSON of the inputs ---- */

static void json_value(const ym_policy *p, ym_triage_input i,
		       const ym_triage_value *v, bool first, ym_buf *out)
{
	if (!first)
		ym_buf_addc(out, ',');
	ym_buf_printf(out, "\"%s\":{\"value\":\"%s\",\"source\":\"%s\"",
		      ym_triage_input_code(i), ym_triage_value_code(p, i, v->value),
		      ym_triage_source_code(v->source));
	if (v->date[0])
		ym_buf_printf(out, ",\"date\":\"%s\"", v->date);
	if (v->detail) {
		ym_buf_adds(out, ",\"detail\":");
		ym_json_escape(out, v->detail, strlen(v->detail));
	}
	if (v->rule >= 0)
		ym_buf_printf(out, ",\"rule\":%d", v->rule + 1);
	ym_buf_addc(out, '}');
}

void ym_triage_json_vuln(const ym_policy *p, const ym_triage_inputs *in,
			 ym_buf *out)
{
	json_value(p, YM_TI_EXPLOITATION, &in->v[YM_TI_EXPLOITATION], true,
		   out);
	json_value(p, YM_TI_AUTOMATABLE, &in->v[YM_TI_AUTOMATABLE], false,
		   out);
	json_value(p, YM_TI_TECHNICAL_IMPACT, &in->v[YM_TI_TECHNICAL_IMPACT],
		   false, out);
	ym_buf_printf(out, ",\"kev\":%s", in->kev ? "true" : "false");
	if (in->epss >= 0)
		ym_buf_printf(out, ",\"epss\":%.5f", in->epss);
}

void ym_triage_json_asset(const ym_policy *p, const ym_triage_inputs *in,
			  ym_buf *out)
{
	static const ym_triage_input order[] = {
		YM_TI_EXPOSURE, YM_TI_MISSION_IMPACT, YM_TI_SAFETY_IMPACT,
		YM_TI_HUMAN_IMPACT, YM_TI_IMPACT};
	for (size_t i = 0; i < sizeof order / sizeof *order; i++)
		json_value(p, order[i], &in->v[order[i]], i == 0, out);
}

/* ---- why it changed ---- */

/* The "input=value:source" item of code for input, into buf. */
static bool code_item(const char *code, const char *input, char *buf,
		      size_t cap)
{
	size_t il = strlen(input);
	const char *p = code;
	while (p && *p) {
		const char *end = strchr(p, ';');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		if (n > il && strncmp(p, input, il) == 0 && p[il] == '=') {
			snprintf(buf, cap, "%.*s", (int)(n - il - 1), p + il + 1);
			return true;
		}
		p = end ? end + 1 : NULL;
	}
	return false;
}

void ym_triage_cause(const ym_policy *p, const char *old_code,
		     const ym_triage_inputs *in, const char *lang,
		     ym_buf *out)
{
	if (!old_code)
		return;
	bool ja = is_ja(lang);
	size_t start = out->len;
	for (int i = 0; i < YM_TI_COUNT; i++) {
		const ym_triage_value *v = &in->v[i];
		char old[128], now[128];
		const char *code = ym_triage_value_code(p, (ym_triage_input)i,
							v->value);
		snprintf(now, sizeof now, "%s:%s", code,
			 ym_triage_source_code(v->source));
		if (!code_item(old_code, ym_triage_input_code((ym_triage_input)i),
			       old, sizeof old))
			old[0] = '\0';
		if (strcmp(old, now) == 0)
			continue;
		if (out->len > start)
			ym_buf_adds(out, ja ? "、" : ", ");
		char *colon = strchr(old, ':');
		if (colon)
			*colon = '\0';
		if (strcmp(old, code) == 0)
			ym_buf_printf(out, ja ? "%s %s の根拠が %s に変化"
					      : "%s %s now from %s",
				      ym_triage_input_code((ym_triage_input)i),
				      code,
				      ym_triage_source_code(v->source));
		else
			ym_buf_printf(out, "%s %s \xE2\x86\x92 %s",
				      ym_triage_input_code((ym_triage_input)i),
				      old[0] ? old : "?", code);
		note(p, v, in,
		     i == YM_TI_IMPACT       ? &p->impact_rules
		     : i == YM_TI_LIKELIHOOD ? &p->likelihood_rules
		     : i == YM_TI_MISSION_IMPACT ? &p->mission_rules
		     : i == YM_TI_SAFETY_IMPACT  ? &p->safety_rules
						 : NULL,
		     lang, out);
	}
	if (out->len == start)
		ym_buf_adds(out, ja ? "方針の変更" : "policy changed");
}
