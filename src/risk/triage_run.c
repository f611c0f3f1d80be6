/* triage_run.c - `yamori triage`: decide every open finding of a store.
 *
 * Built for a million findings: the evidence is read with one query per
 * kind into arrays indexed by vulnerability row and asset id, the inputs
 * of a vulnerability and of an asset are derived once, a finding without
 * overrides or mitigations just joins the two and decides with the
 * integer SSVC API, and only decisions whose inputs hash or outcome
 * changed are written (docs/triage.md, "Performance"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/i18n.h"
#include "core/json.h"
#include "core/map.h"
#include "core/vec.h"
#include "risk/triage.h"
#include "store/triage.h"

#define MAX_CHANGES 16 /* changes of one mitigation */

typedef struct vinfo {
	ym_triage_vuln_facts f;
	ym_triage_vuln_inputs in;
	uint64_t hash;
	int cvss_rank;
	bool has_facts, derived, has_ov;
} vinfo;

typedef struct ainfo {
	ym_triage_asset_facts f;
	ym_triage_asset_inputs in;
	uint64_t hash;
	bool present, has_ov, has_mit;
	int t_outcome, t_impact, t_exposure; /* tally: most urgent */
	bool t_kev;
} ainfo;

typedef struct override {
	int64_t finding_id, asset_id, vuln_rowid;
	ym_triage_change ch;
} override;

typedef struct mitig {
	int64_t finding_id, asset_id;
	bool done;
	const char *name;
	ym_triage_change ch[MAX_CHANGES];
	size_t n;
} mitig;

typedef struct frec {
	int64_t id, asset_id, vuln_rowid;
	uint64_t hash;
	uint32_t old_posture;
	int8_t outcome, old_outcome, impact, exposure;
	bool kev, decided, changed, slow;
} frec;

typedef struct run {
	const ym_triage_opts *o;
	const ym_policy *p;
	ym_triage_engine eng;
	ym_arena arena;
	vinfo *v;
	size_t nv;
	ainfo *a;
	size_t na;
	vinfo vdefault;
	YM_VEC(override) ov;
	YM_VEC(mitig) mit;
	YM_VEC(frec) f;
	int64_t *touched;  /* finding ids with overrides or mitigations */
	size_t n_touched;
	int64_t now_t;
	char now[32];
	ym_policy_deadline dl[YM_POLICY_OUTCOMES];
	bool dl_ok[YM_POLICY_OUTCOMES];
	ym_err *err;
} run;

static vinfo *vget(run *r, int64_t id, bool grow)
{
	if (id < 0)
		return NULL;
	if ((size_t)id >= r->nv) {
		if (!grow)
			return NULL;
		size_t n = r->nv ? r->nv : 1024;
		while (n <= (size_t)id)
			n *= 2;
		r->v = ym_xrealloc(r->v, n * sizeof *r->v);
		memset(r->v + r->nv, 0, (n - r->nv) * sizeof *r->v);
		for (size_t i = r->nv; i < n; i++) {
			r->v[i].f.epss = r->v[i].f.epss_percentile = -1;
		}
		r->nv = n;
	}
	return &r->v[id];
}

static ainfo *aget(run *r, int64_t id, bool grow)
{
	if (id < 0)
		return NULL;
	if ((size_t)id >= r->na) {
		if (!grow)
			return NULL;
		size_t n = r->na ? r->na : 256;
		while (n <= (size_t)id)
			n *= 2;
		r->a = ym_xrealloc(r->a, n * sizeof *r->a);
		memset(r->a + r->na, 0, (n - r->na) * sizeof *r->a);
		r->na = n;
	}
	return &r->a[id];
}

static const char *keep(run *r, const char *s)
{
	return s ? ym_arena_strdup(&r->arena, s) : NULL;
}

static int cvss_rank(const char *version)
{
	if (!version)
		return 0;
	if (strcmp(version, "4.0") == 0)
		return 4;
	if (strcmp(version, "3.1") == 0)
		return 3;
	if (strcmp(version, "3.0") == 0)
		return 2;
	return 1;
}

/* The URL of the first reference tagged Exploit, or NULL. */
static const char *exploit_url(run *r, const char *refs)
{
	ym_arena tmp;
	ym_arena_init(&tmp, 0);
	const char *url = NULL;
	const ym_json *j = ym_json_parse(&tmp, refs, strlen(refs), NULL, NULL,
					 NULL);
	for (size_t i = 0; j && i < ym_json_len(j) && !url; i++) {
		const ym_json *ref = ym_json_at(j, i);
		const ym_json *tags = ym_json_get(ref, "tags");
		for (size_t k = 0; tags && k < ym_json_len(tags); k++) {
			const char *t = ym_json_string(ym_json_at(tags, k));
			if (t && strcmp(t, "Exploit") == 0) {
				url = keep(r, ym_json_string(
						      ym_json_get(ref, "url")));
				if (!url)
					url = "?";
				break;
			}
		}
	}
	ym_arena_release(&tmp);
	return url;
}

static int on_evidence(const ym_triage_ev *e, void *ctx)
{
	run *r = ctx;
	vinfo *v = vget(r, e->vuln_rowid, true);
	if (!v)
		return 0;
	v->has_facts = true;
	switch (e->kind) {
	case YM_TEV_KEV:
		if (!v->f.kev || (e->date && v->f.kev_date &&
				  strcmp(e->date, v->f.kev_date) < 0)) {
			v->f.kev = true;
			v->f.kev_date = keep(r, e->date);
			v->f.kev_name = keep(r, e->s1);
		}
		break;
	case YM_TEV_EPSS:
		if (v->f.epss < 0 || (e->date && v->f.epss_date &&
				      strcmp(e->date, v->f.epss_date) > 0)) {
			v->f.epss = e->x;
			v->f.epss_percentile = e->y;
			v->f.epss_date = keep(r, e->date);
		}
		break;
	case YM_TEV_ADP: /* in timestamp order: the latest wins */
		v->f.adp_exploitation = keep(r, e->s1);
		v->f.adp_automatable = keep(r, e->s2);
		v->f.adp_technical_impact = keep(r, e->s3);
		v->f.adp_date = keep(r, e->date);
		break;
	case YM_TEV_CVSS: {
		int rank = cvss_rank(e->s1);
		if (e->s2 && rank > v->cvss_rank) {
			v->cvss_rank = rank;
			v->f.cvss_vector = keep(r, e->s2);
			v->f.cvss_date = keep(r, e->date);
		}
		break;
	}
	case YM_TEV_REFS:
		if (!v->f.exploit_ref && e->s1) {
			v->f.exploit_ref = exploit_url(r, e->s1);
			v->f.exploit_ref_date = keep(r, e->date);
		}
		break;
	}
	return 0;
}

static int on_asset(const ym_triage_asset_row *row, void *ctx)
{
	run *r = ctx;
	ainfo *a = aget(r, row->id, true);
	if (!a)
		return 0;
	a->present = true;
	a->f = (ym_triage_asset_facts){
		.exposure = keep(r, row->exposure),
		.exposure_date = keep(r, row->exposure_date),
		.open_ports = keep(r, row->open_ports),
		.seen_at = keep(r, row->seen_at),
		.criticality = keep(r, row->criticality),
		.safety_relevant = row->safety_relevant,
		.data_kind = keep(r, row->data_kind),
		.data_records = row->data_records,
	};
	ym_triage_asset_derive(r->p, &a->f, &a->in);
	ym_triage_inputs in;
	ym_triage_inputs_make(&r->vdefault.in, &a->in, NULL, 0, &in);
	a->hash = ym_triage_hash_asset(&in);
	a->t_outcome = -1;
	return 0;
}

static void derive_vuln(run *r, vinfo *v)
{
	ym_triage_vuln_derive(r->p, &v->f, &v->in);
	ym_triage_asset_inputs none;
	memset(&none, 0, sizeof none);
	ym_triage_inputs in;
	ym_triage_inputs_make(&v->in, &none, NULL, 0, &in);
	v->hash = ym_triage_hash_vuln(&in);
	v->derived = true;
}

static int on_override(const ym_triage_override *o, void *ctx)
{
	run *r = ctx;
	int in = ym_triage_input_parse(o->input);
	if (in < 0)
		return 0;
	int val = ym_triage_value_parse(r->p, (ym_triage_input)in, o->value);
	if (val < 0)
		return 0; /* e.g. a level this policy does not have */
	override x = {
		.finding_id = o->finding_id,
		.asset_id = o->asset_id,
		.vuln_rowid = o->vuln_rowid,
		.ch = {.input = (ym_triage_input)in,
		       .value = val,
		       .source = YM_TS_OVERRIDE,
		       .detail = keep(r, o->reason),
		       .date = keep(r, o->created_at)},
	};
	ym_vec_push(&r->ov, x);
	if (o->vuln_rowid) {
		vinfo *v = vget(r, o->vuln_rowid, true);
		if (v)
			v->has_ov = true;
	}
	if (o->asset_id) {
		ainfo *a = aget(r, o->asset_id, true);
		if (a)
			a->has_ov = true;
	}
	return 0;
}

static int on_mitigation(const ym_triage_mitigation *m, void *ctx)
{
	run *r = ctx;
	mitig x = {.finding_id = m->finding_id,
		   .asset_id = m->asset_id,
		   .done = m->status && strcmp(m->status, "done") == 0,
		   .name = keep(r, m->name)};
	ym_err e = YM_ERR_INIT;
	if (ym_triage_changes_parse(r->p, m->changes, x.ch, MAX_CHANGES, &x.n,
				    &e))
		return 0;
	const char *date = keep(r, x.done ? m->done_at : m->planned_on);
	for (size_t i = 0; i < x.n; i++) {
		x.ch[i].source = x.done ? YM_TS_MITIGATION : YM_TS_PLANNED;
		x.ch[i].detail = x.name;
		x.ch[i].date = date;
	}
	ym_vec_push(&r->mit, x);
	if (m->asset_id) {
		ainfo *a = aget(r, m->asset_id, true);
		if (a)
			a->has_mit = true;
	}
	return 0;
}

static int cmp_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return x < y ? -1 : x > y;
}

/* The findings that have their own overrides or mitigations, sorted, so
 * each finding is looked up in O(log n) however many there are. */
static void touched_build(run *r)
{
	size_t n = 0;
	r->touched = ym_xcalloc(r->ov.n + r->mit.n + 1, sizeof *r->touched);
	for (size_t i = 0; i < r->ov.n; i++)
		if (r->ov.v[i].finding_id)
			r->touched[n++] = r->ov.v[i].finding_id;
	for (size_t i = 0; i < r->mit.n; i++)
		if (r->mit.v[i].finding_id)
			r->touched[n++] = r->mit.v[i].finding_id;
	qsort(r->touched, n, sizeof *r->touched, cmp_id);
	r->n_touched = n;
}

static bool finding_touched(const run *r, int64_t fid)
{
	return r->n_touched &&
	       bsearch(&fid, r->touched, r->n_touched, sizeof *r->touched,
		       cmp_id) != NULL;
}

/* The changes that apply to a finding: overrides of its vulnerability,
 * its asset, itself; then done mitigations; planned ones too when
 * residual. Returns how many; *via gets the planned mitigations' names. */
static size_t changes_of(run *r, const frec *fr, bool residual,
			 ym_triage_change *out, size_t cap, ym_buf *via)
{
	size_t n = 0;
	for (int pass = 0; pass < 3; pass++) {
		for (size_t i = 0; i < r->ov.n && n < cap; i++) {
			const override *o = &r->ov.v[i];
			bool hit = pass == 0   ? o->vuln_rowid == fr->vuln_rowid
				   : pass == 1 ? o->asset_id == fr->asset_id
					       : o->finding_id == fr->id;
			if (hit)
				out[n++] = o->ch;
		}
	}
	for (int done = 1; done >= 0; done--) {
		if (!done && !residual)
			break;
		for (size_t i = 0; i < r->mit.n; i++) {
			const mitig *m = &r->mit.v[i];
			if (m->done != (done == 1))
				continue;
			if (m->finding_id != fr->id &&
			    m->asset_id != fr->asset_id)
				continue;
			for (size_t k = 0; k < m->n && n < cap; k++)
				out[n++] = m->ch[k];
			if (!done && via) {
				if (via->len)
					ym_buf_adds(via, ", ");
				ym_buf_adds(via, m->name);
			}
		}
	}
	return n;
}

static bool has_planned(const run *r, const frec *fr)
{
	for (size_t i = 0; i < r->mit.n; i++) {
		const mitig *m = &r->mit.v[i];
		if (!m->done && (m->finding_id == fr->id ||
				 m->asset_id == fr->asset_id))
			return true;
	}
	return false;
}

static uint64_t mix(uint64_t h, uint64_t v)
{
	h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
	return h;
}

/* Inputs and decision of one finding; *hash the decision's hash. The
 * residual (after planned mitigations) in *res (outcome -1 when none). */
static void compute(run *r, frec *fr, ym_triage_inputs *in,
		    ym_triage_decision *d, uint64_t *vh, uint64_t *ah,
		    ym_triage_decision *res, ym_buf *via)
{
	vinfo *v = vget(r, fr->vuln_rowid, false);
	if (!v || !v->has_facts)
		v = &r->vdefault;
	else if (!v->derived)
		derive_vuln(r, v);
	ainfo *a = aget(r, fr->asset_id, false);
	res->outcome = -1;
	res->vector = "";
	if (!fr->slow) {
		ym_triage_inputs_make(&v->in, &a->in, NULL, 0, in);
		*vh = v->hash;
		*ah = a->hash;
	} else {
		ym_triage_change ch[64];
		size_t n = changes_of(r, fr, false, ch, 64, NULL);
		ym_triage_inputs_make(&v->in, &a->in, ch, n, in);
		*vh = ym_triage_hash_vuln(in);
		*ah = ym_triage_hash_asset(in);
		if (has_planned(r, fr)) {
			ym_triage_inputs rin;
			n = changes_of(r, fr, true, ch, 64, via);
			ym_triage_inputs_make(&v->in, &a->in, ch, n, &rin);
			ym_triage_decide(&r->eng, &rin, res);
		}
	}
	ym_triage_decide(&r->eng, in, d);
}

static uint64_t decision_hash(const run *r, uint64_t vh, uint64_t ah,
			      const ym_triage_decision *res, const ym_buf *via)
{
	uint64_t h = mix(mix(r->eng.policy_hash, vh), ah);
	if (res->outcome >= 0 || (via && via->len)) {
		h = mix(h, (uint64_t)(res->outcome + 7));
		h = mix(h, ym_hash(via->ptr ? via->ptr : "", via->len));
	}
	return h & 0x7fffffffffffffffull; /* a positive SQLite integer */
}

static int on_finding(const ym_triage_current *c, void *ctx)
{
	run *r = ctx;
	ainfo *a = aget(r, c->asset_id, false);
	if (!a || !a->present)
		return 0;
	frec fr = {.id = c->finding_id,
		   .asset_id = c->asset_id,
		   .vuln_rowid = c->vuln_rowid,
		   .old_outcome = (int8_t)(c->decided ? c->outcome : -1),
		   .old_posture = c->posture_mask,
		   .decided = c->decided};
	vinfo *v = vget(r, c->vuln_rowid, false);
	fr.slow = (v && v->has_ov) || a->has_ov || a->has_mit ||
		  finding_touched(r, c->finding_id);
	ym_triage_inputs in;
	ym_triage_decision d, res;
	uint64_t vh, ah;
	ym_buf via = YM_BUF_INIT;
	compute(r, &fr, &in, &d, &vh, &ah, &res, &via);
	fr.hash = decision_hash(r, vh, ah, &res, &via);
	ym_buf_release(&via);
	fr.outcome = (int8_t)d.outcome;
	fr.impact = (int8_t)d.impact;
	fr.exposure = (int8_t)in.asset.exposure;
	fr.kev = in.kev;
	fr.changed = !c->decided || c->input_hash != fr.hash ||
		     c->outcome != (int)d.outcome;
	ym_vec_push(&r->f, fr);
	/* tally per system: its most urgent finding */
	if ((int)d.outcome > a->t_outcome ||
	    ((int)d.outcome == a->t_outcome && d.impact < a->t_impact)) {
		a->t_outcome = (int)d.outcome;
		a->t_impact = d.impact;
		a->t_exposure = (int)in.asset.exposure;
	}
	a->t_kev = a->t_kev || in.kev;
	if (r->o->progress && r->f.n % 65536 == 0)
		r->o->progress(r->f.n, 0, r->o->progress_arg);
	return 0;
}

static bool in_mask(unsigned mask, int v)
{
	return v >= 0 && v < 32 && ((mask >> v) & 1u);
}

/* Does a finding count towards an escalation rule? */
static bool posture_holds(const ym_policy_cond *w, const frec *fr)
{
	if ((w->has & YM_PC_OUTCOME) && !in_mask(w->outcome, fr->outcome))
		return false;
	if ((w->has & YM_PC_IMPACT) && !in_mask(w->impact, fr->impact))
		return false;
	if ((w->has & YM_PC_EXPOSURE) && !in_mask(w->exposure, fr->exposure))
		return false;
	if ((w->has & YM_PC_KEV) && fr->kev != w->kev)
		return false;
	return true;
}

static uint32_t posture_of(const run *r, const ym_triage_report *rep,
			   const frec *fr)
{
	uint32_t m = 0;
	for (size_t i = 0; i < rep->n_fired; i++) {
		int rule = rep->fired[i].rule;
		if (rule < 32 &&
		    posture_holds(&r->p->escalation[rule].when, fr))
			m |= 1u << rule;
	}
	return m;
}

static void posture_text(const run *r, uint32_t m, const char *lang,
			 ym_buf *out)
{
	for (size_t i = 0; i < r->p->n_escalations && i < 32; i++) {
		if (!(m & (1u << i)))
			continue;
		if (out->len)
			ym_buf_adds(out, strcmp(lang, "ja") == 0 ? "、" : "; ");
		ym_buf_adds(out, ym_policy_text_in(&r->p->escalation[i].posture,
						   lang));
	}
}

typedef struct writer {
	ym_map seen; /* fact hashes written in this run */
	ym_buf a, b, c;
} writer;

static int put_fact(run *r, writer *w, uint64_t hash, const char *kind,
		    const ym_triage_inputs *in, const ym_triage_decision *d,
		    ym_store *s)
{
	char key[17];
	snprintf(key, sizeof key, "%016llx", (unsigned long long)hash);
	if (ym_map_get(&w->seen, key, 16))
		return 0;
	ym_map_put(&w->seen, ym_arena_strdup(&r->arena, key), 16, (void *)1);
	ym_buf_reset(&w->a);
	ym_buf_reset(&w->b);
	ym_buf_reset(&w->c);
	if (kind[0] == 'v') {
		ym_triage_json_vuln(r->p, in, &w->a);
		ym_triage_text_vuln(r->p, in, "ja", &w->b);
		ym_triage_text_vuln(r->p, in, "en", &w->c);
	} else if (kind[0] == 'a') {
		ym_triage_json_asset(r->p, in, &w->a);
		ym_triage_text_asset(r->p, in, "ja", &w->b);
		ym_triage_text_asset(r->p, in, "en", &w->c);
	} else {
		ym_buf_printf(&w->a,
			      "\"likelihood\":{\"value\":\"%s\",\"source\":\"%s\"",
			      ym_triage_value_code(r->p, YM_TI_LIKELIHOOD,
						   in->v[YM_TI_LIKELIHOOD].value),
			      ym_triage_source_code(
				      in->v[YM_TI_LIKELIHOOD].source));
		if (in->v[YM_TI_LIKELIHOOD].rule >= 0)
			ym_buf_printf(&w->a, ",\"rule\":%d",
				      in->v[YM_TI_LIKELIHOOD].rule + 1);
		ym_buf_printf(&w->a, "},\"ssvc\":%s%s%s,\"matrix\":%s%s%s",
			      d->ssvc >= 0 ? "\"" : "",
			      d->ssvc >= 0 ? ym_policy_outcome_code(
						     (ym_policy_outcome)d->ssvc)
					   : "null",
			      d->ssvc >= 0 ? "\"" : "",
			      d->matrix >= 0 ? "\"" : "",
			      d->matrix >= 0
				      ? ym_policy_outcome_code(
						(ym_policy_outcome)d->matrix)
				      : "null",
			      d->matrix >= 0 ? "\"" : "");
		ym_triage_text_rule(r->p, d, "ja", &w->b);
		ym_triage_text_rule(r->p, d, "en", &w->c);
	}
	return ym_store_triage_fact_put(s, hash, kind, w->a.ptr, w->b.ptr,
					w->c.ptr, r->err);
}

static uint64_t rule_hash(const run *r, const ym_triage_inputs *in,
			  const ym_triage_decision *d)
{
	uint64_t h = mix(r->eng.policy_hash, 0x72756c65ull);
	h = mix(h, (uint64_t)d->outcome);
	h = mix(h, (uint64_t)(d->ssvc + 1));
	h = mix(h, (uint64_t)(d->matrix + 1));
	h = mix(h, (uint64_t)(d->impact + 1));
	h = mix(h, (uint64_t)(d->likelihood + 1));
	h = mix(h, (uint64_t)(d->likelihood_rule + 1));
	h = mix(h, (uint64_t)in->v[YM_TI_LIKELIHOOD].source);
	return h & 0x7fffffffffffffffull;
}

static const ym_policy_deadline *deadline_for(run *r, int outcome)
{
	if (!r->dl_ok[outcome]) {
		ym_err e = YM_ERR_INIT;
		if (ym_policy_deadline_of(r->p, (ym_policy_outcome)outcome,
					  r->now_t, &r->dl[outcome], &e)) {
			/* no window left: fall back to the day itself */
			memset(&r->dl[outcome], 0, sizeof r->dl[outcome]);
			r->dl[outcome].due = r->now_t;
			snprintf(r->dl[outcome].due_date,
				 sizeof r->dl[outcome].due_date, "%.10s",
				 r->now);
		}
		r->dl_ok[outcome] = true;
	}
	return &r->dl[outcome];
}

static int write_one(run *r, writer *w, ym_store *s, frec *fr,
		     uint32_t posture, ym_triage_report *rep)
{
	ym_triage_inputs in;
	ym_triage_decision d, res;
	uint64_t vh, ah;
	ym_buf via = YM_BUF_INIT;
	ym_arena tmp;
	ym_arena_init(&tmp, 0);
	ym_buf pja = YM_BUF_INIT, pen = YM_BUF_INIT, code = YM_BUF_INIT;
	ym_buf cja = YM_BUF_INIT, cen = YM_BUF_INIT;
	compute(r, fr, &in, &d, &vh, &ah, &res, &via);
	/* vh, ah are hashes of the inputs, so equal facts share a row */
	vh = mix(r->eng.policy_hash, vh) & 0x7fffffffffffffffull;
	ah = mix(r->eng.policy_hash, ah) & 0x7fffffffffffffffull;
	uint64_t rh = rule_hash(r, &in, &d);
	int rc = put_fact(r, w, vh, "vuln", &in, &d, s);
	if (!rc)
		rc = put_fact(r, w, ah, "asset", &in, &d, s);
	if (!rc)
		rc = put_fact(r, w, rh, "rule", &in, &d, s);
	ym_triage_row old;
	bool have_old = false;
	if (!rc && fr->decided) {
		rc = ym_store_triage_old(s, fr->id, &tmp, &old, r->err);
		have_old = rc == 0;
		if (rc == YM_E_NOTFOUND)
			rc = 0;
	}
	if (rc)
		goto out;
	ym_triage_code(r->p, &in, &code);
	const ym_policy_deadline *dl = deadline_for(r, (int)d.outcome);
	bool same = have_old && old.outcome == (int)d.outcome;
	posture_text(r, posture, "ja", &pja);
	posture_text(r, posture, "en", &pen);
	ym_triage_row row = {
		.finding_id = fr->id,
		.outcome = (int)d.outcome,
		.deadline = same ? old.deadline : dl->due_date,
		.due_at = same ? old.due_at : dl->due,
		.decided_at = same ? old.decided_at : r->now,
		.updated_at = r->now,
		.input_hash = fr->hash,
		.code = code.ptr,
		.vuln_facts = vh,
		.asset_facts = ah,
		.rule_facts = rh,
		.ssvc_vector = d.vector,
		.policy_name = r->p->name,
		.policy_version = r->p->version,
		.posture_mask = posture,
		.posture_ja = pja.len ? pja.ptr : NULL,
		.posture_en = pen.len ? pen.ptr : NULL,
		.residual_outcome = res.outcome >= 0 ? (int)res.outcome : -1,
		.residual_deadline =
			res.outcome >= 0
				? deadline_for(r, (int)res.outcome)->due_date
				: NULL,
		.residual_via = via.len ? via.ptr : NULL,
	};
	rc = ym_store_triage_put(s, &row, r->err);
	if (rc)
		goto out;
	rep->written++;
	if (same) {
		rep->refreshed++;
		goto out;
	}
	if (have_old) {
		ym_triage_cause(r->p, old.code, &in, "ja", &cja);
		ym_triage_cause(r->p, old.code, &in, "en", &cen);
		rep->changed++;
	} else {
		rep->created++;
	}
	ym_triage_change_row ch = {
		.finding_id = fr->id,
		.at = r->now,
		.old_outcome = have_old ? old.outcome : -1,
		.new_outcome = (int)d.outcome,
		.old_deadline = have_old ? old.deadline : NULL,
		.new_deadline = row.deadline,
		.cause_ja = cja.len ? cja.ptr : NULL,
		.cause_en = cen.len ? cen.ptr : NULL,
		.policy_name = r->p->name,
		.policy_version = r->p->version,
	};
	rc = ym_store_triage_history_add(s, &ch, r->err);
	if (!rc && rep->n_list < r->o->max_listed) {
		ym_triage_changed *l = &rep->list[rep->n_list++];
		l->finding_id = fr->id;
		l->asset_id = fr->asset_id;
		l->old_outcome = ch.old_outcome;
		l->new_outcome = ch.new_outcome;
		snprintf(l->deadline, sizeof l->deadline, "%s", row.deadline);
		l->cause_ja = cja.len ? ym_arena_strdup(&rep->arena, cja.ptr)
				      : NULL;
		l->cause_en = cen.len ? ym_arena_strdup(&rep->arena, cen.ptr)
				      : NULL;
	}
out:
	ym_buf_release(&via);
	ym_buf_release(&pja);
	ym_buf_release(&pen);
	ym_buf_release(&code);
	ym_buf_release(&cja);
	ym_buf_release(&cen);
	ym_arena_release(&tmp);
	return rc;
}

void ym_triage_report_release(ym_triage_report *r)
{
	free(r->list);
	r->list = NULL;
	ym_arena_release(&r->arena);
}

int ym_triage_run(struct ym_store *s, const ym_triage_opts *o,
		  ym_triage_report *rep, ym_err *err)
{
	run r;
	memset(&r, 0, sizeof r);
	memset(rep, 0, sizeof *rep);
	ym_arena_init(&rep->arena, 0);
	rep->list = ym_xcalloc(o->max_listed ? o->max_listed : 1,
			       sizeof *rep->list);
	r.o = o;
	r.p = o->policy;
	r.err = err;
	ym_arena_init(&r.arena, 0);
	const ym_scope *scope = o->scope ? o->scope : &ym_scope_all;
	ym_ssvc_registry *reg = NULL;
	writer w;
	memset(&w, 0, sizeof w);
	w.a = w.b = w.c = (ym_buf)YM_BUF_INIT;
	ym_map_init(&w.seen);
	bool tx = false;
	int rc = ym_ssvc_registry_load(&reg, err);
	if (!rc)
		rc = ym_triage_engine_init(&r.eng, r.p, reg, err);
	if (rc)
		goto out;
	if (o->now) {
		snprintf(r.now, sizeof r.now, "%s", o->now);
	} else {
		time_t t = time(NULL);
		struct tm tm;
		gmtime_r(&t, &tm);
		strftime(r.now, sizeof r.now, "%Y-%m-%dT%H:%M:%SZ", &tm);
	}
	rc = ym_policy_time_parse(r.p, r.now, &r.now_t, err);
	if (rc)
		goto out;
	r.vdefault.f.epss = r.vdefault.f.epss_percentile = -1;
	r.vdefault.has_facts = true;
	derive_vuln(&r, &r.vdefault);

	if (!o->dry_run) {
		rc = ym_store_begin(s, err);
		if (rc)
			goto out;
		tx = true;
	}
	rc = ym_store_triage_evidence_each(s, on_evidence, &r, err);
	if (!rc)
		rc = ym_store_triage_assets_each(s, scope, on_asset, &r, err);
	/* --until is a date in the policy's time zone, the last day the
	 * override applies */
	char local[40], today[11];
	ym_policy_time_format(r.p, r.now_t, local, sizeof local);
	snprintf(today, sizeof today, "%.10s", local);
	if (!rc)
		rc = ym_store_triage_overrides_each(s, today, on_override, &r,
						    err);
	if (!rc)
		rc = ym_store_triage_mitigations_each(s, on_mitigation, &r,
						      err);
	if (!rc)
		touched_build(&r);
	if (!rc)
		rc = ym_store_triage_open_each(s, scope, o->asset_id,
					       on_finding, &r, err);
	if (rc)
		goto out;
	rep->findings = (int64_t)r.f.n;

	/* escalation over systems */
	ym_policy_tally tally;
	memset(&tally, 0, sizeof tally);
	for (size_t i = 0; i < r.na; i++) {
		ainfo *a = &r.a[i];
		if (a->present && a->t_outcome >= 0)
			ym_policy_tally_add(&tally,
					    (ym_policy_outcome)a->t_outcome,
					    a->t_impact,
					    (ym_policy_exposure)a->t_exposure,
					    a->t_kev);
	}
	rep->n_fired = ym_policy_escalations(r.p, &tally, rep->fired, 16);
	if (rep->n_fired > 16)
		rep->n_fired = 16;

	uint64_t total = r.f.n;
	for (size_t i = 0; i < r.f.n; i++) {
		frec *fr = &r.f.v[i];
		rep->count[fr->outcome]++;
		uint32_t posture = posture_of(&r, rep, fr);
		if (!fr->changed) {
			if (posture != fr->old_posture) {
				rep->posture_changed++;
				if (!o->dry_run) {
					ym_buf ja = YM_BUF_INIT,
					       en = YM_BUF_INIT;
					posture_text(&r, posture, "ja", &ja);
					posture_text(&r, posture, "en", &en);
					rc = ym_store_triage_posture_set(
						s, fr->id, posture,
						ja.len ? ja.ptr : NULL,
						en.len ? en.ptr : NULL, err);
					ym_buf_release(&ja);
					ym_buf_release(&en);
					if (rc)
						goto out;
				}
			}
			rep->unchanged++;
			continue;
		}
		if (o->dry_run) {
			if (!fr->decided)
				rep->created++;
			else if (fr->old_outcome != fr->outcome)
				rep->changed++;
			else
				rep->refreshed++;
			continue;
		}
		rc = write_one(&r, &w, s, fr, posture, rep);
		if (rc)
			goto out;
		if (o->progress && (i & 65535) == 0)
			o->progress(i, total, o->progress_arg);
	}
	if (tx) {
		rc = ym_store_commit(s, err);
		tx = false;
	}
out:
	if (tx)
		ym_store_rollback(s);
	ym_map_release(&w.seen);
	ym_buf_release(&w.a);
	ym_buf_release(&w.b);
	ym_buf_release(&w.c);
	ym_ssvc_registry_free(reg);
	free(r.v);
	free(r.a);
	free(r.touched);
	ym_vec_release(&r.ov);
	ym_vec_release(&r.mit);
	ym_vec_release(&r.f);
	ym_arena_release(&r.arena);
	return rc;
}
