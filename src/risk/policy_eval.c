/* policy_eval.c - evaluating a loaded triage policy: rules, matrix,
 * combination, deadlines (days and maintenance windows in the policy's
 * fixed UTC offset), escalation over a tally, and explanations. Nothing
 * here allocates except the explanation writers, which append to a
 * caller's ym_buf. */
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "core/i18n.h"
#include "risk/policy.h"
#include "risk/policy_int.h"

/* ---- calendar ---- */

#define DAY 86400
/* Valid decision times: 1970-01-01 to 9999-12-31 (UTC). */
#define T_MIN 0
#define T_MAX 253402300799LL

static int64_t floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;
	return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

/* Days from 0000-03-01 to March 1st of year y (y >= 0), counting years
 * from March so that the leap day ends a year. */
static int64_t march_start(int64_t y)
{
	return 365 * y + y / 4 - y / 100 + y / 400;
}

/* 0000-03-01 is this many days before 1970-01-01. */
#define EPOCH_SHIFT 719468

static int64_t days_from_civil(int64_t y, int m, int d)
{
	if (m <= 2) {
		y--;
		m += 12;
	}
	/* month m (3..14) starts (153 * (m - 3) + 2) / 5 days into the
	 * March-based year: 31, 30, 31, 30, 31 repeating */
	return march_start(y) + (153 * (m - 3) + 2) / 5 + d - 1 -
	       EPOCH_SHIFT;
}

static void civil_from_days(int64_t z, int *y, int *m, int *d)
{
	int64_t n = z + EPOCH_SHIFT;
	int64_t yy = n * 400 / 146097;
	while (march_start(yy + 1) <= n)
		yy++;
	while (yy > 0 && march_start(yy) > n)
		yy--;
	int64_t doy = n - march_start(yy);
	int mp = (int)((5 * doy + 2) / 153);
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (int)(yy + (*m <= 2));
}

static int days_in_month(int y, int m)
{
	static const int dim[] = {31, 28, 31, 30, 31, 30,
				  31, 31, 30, 31, 30, 31};
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : dim[m - 1];
}

/* 0 Sunday .. 6 Saturday; 1970-01-01 was a Thursday. */
static int weekday_of(int64_t day)
{
	return (int)(((day % 7) + 7 + 4) % 7);
}

static int two(const char *s)
{
	if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9')
		return -1;
	return (s[0] - '0') * 10 + (s[1] - '0');
}

bool ym_policy_date_parse_(const char *s, size_t n, int64_t *day)
{
	if (n != 10 || s[4] != '-' || s[7] != '-')
		return false;
	int hi = two(s), lo = two(s + 2), m = two(s + 5), d = two(s + 8);
	if (hi < 0 || lo < 0 || m < 1 || m > 12 || d < 1)
		return false;
	int y = hi * 100 + lo;
	if (y < 1970 || d > days_in_month(y, m))
		return false;
	*day = days_from_civil(y, m, d);
	return true;
}

bool ym_policy_offset_parse_(const char *s, int *minutes)
{
	if (strcmp(s, "Z") == 0 || strcmp(s, "UTC") == 0) {
		*minutes = 0;
		return true;
	}
	if (strcmp(s, "Asia/Tokyo") == 0 || strcmp(s, "JST") == 0) {
		*minutes = 9 * 60;
		return true;
	}
	if (strlen(s) != 6 || (s[0] != '+' && s[0] != '-') || s[3] != ':')
		return false;
	int h = two(s + 1), m = two(s + 4);
	if (h < 0 || m < 0 || m > 59 || h * 60 + m > 14 * 60)
		return false;
	*minutes = (s[0] == '-' ? -1 : 1) * (h * 60 + m);
	return true;
}

static int64_t clamp_t(int64_t t)
{
	return t < T_MIN ? T_MIN : t > T_MAX ? T_MAX : t;
}

static int64_t local_day(const ym_policy *p, int64_t t)
{
	return floor_div(t + (int64_t)p->tz_offset * 60, DAY);
}

static void format_date(int64_t day, char out[11])
{
	int y, m, d;
	char tmp[40];
	civil_from_days(day, &y, &m, &d);
	snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y % 10000, m, d);
	memcpy(out, tmp, 10);
	out[10] = '\0';
}

int ym_policy_time_parse(const ym_policy *p, const char *s, int64_t *out,
			 ym_err *err)
{
	size_t n = s ? strlen(s) : 0;
	int64_t day;
	if (n > 1 && s[0] == '@') {
		int64_t v = 0;
		for (size_t i = 1; i < n; i++) {
			if (s[i] < '0' || s[i] > '9' || v > T_MAX)
				goto bad;
			v = v * 10 + (s[i] - '0');
		}
		if (v > T_MAX)
			goto bad;
		*out = v;
		return 0;
	}
	if (n < 10 || !ym_policy_date_parse_(s, 10, &day))
		goto bad;
	int64_t secs = 0;
	int off = p->tz_offset;
	const char *r = s + 10;
	if (*r == 'T' || *r == ' ') {
		int h, mi, se = 0;
		if (n < 16 || r[3] != ':')
			goto bad;
		h = two(r + 1);
		mi = two(r + 4);
		r += 6;
		if (*r == ':') {
			if ((size_t)(r - s) + 3 > n)
				goto bad;
			se = two(r + 1);
			r += 3;
		}
		if (h < 0 || h > 23 || mi < 0 || mi > 59 || se < 0 || se > 59)
			goto bad;
		secs = h * 3600 + mi * 60 + se;
		if (*r && !ym_policy_offset_parse_(r, &off))
			goto bad;
	} else if (*r) {
		goto bad;
	}
	*out = day * DAY + secs - (int64_t)off * 60;
	return 0;
bad:
	return ym_err_set(err, YM_E_INVALID,
			  _("invalid time '%s' (expected YYYY-MM-DD, "
			    "YYYY-MM-DDTHH:MM[:SS][Z|+HH:MM] or @UNIXTIME)"),
			  s ? s : "");
}

void ym_policy_time_format(const ym_policy *p, int64_t t, char *buf,
			   size_t cap)
{
	int64_t lt = clamp_t(t) + (int64_t)p->tz_offset * 60;
	int64_t day = floor_div(lt, DAY), sec = lt - day * DAY;
	char date[11];
	int off = p->tz_offset < 0 ? -p->tz_offset : p->tz_offset;
	format_date(day, date);
	snprintf(buf, cap, "%s %02d:%02d %c%02d:%02d", date,
		 (int)(sec / 3600), (int)(sec / 60 % 60),
		 p->tz_offset < 0 ? '-' : '+', off / 60, off % 60);
}

/* ---- conditions ---- */

static bool contains_ci(const char *hay, const char *needle)
{
	size_t nl = strlen(needle);
	if (nl == 0)
		return true;
	for (const char *h = hay; *h; h++) {
		size_t i = 0;
		while (i < nl && h[i]) {
			unsigned char a = (unsigned char)h[i];
			unsigned char b = (unsigned char)needle[i];
			if (a >= 'A' && a <= 'Z')
				a = (unsigned char)(a + 32);
			if (b >= 'A' && b <= 'Z')
				b = (unsigned char)(b + 32);
			if (a != b)
				break;
			i++;
		}
		if (i == nl)
			return true;
	}
	return false;
}

static bool in_mask(unsigned mask, int v)
{
	return v >= 0 && v < 32 && (mask >> v) & 1u;
}

static bool asset_holds(const ym_policy_cond *w, const ym_policy_asset *a)
{
	if ((w->has & YM_PC_CRITICALITY) &&
	    !in_mask(w->criticality, (int)a->criticality))
		return false;
	if ((w->has & YM_PC_SAFETY) && a->safety_relevant != w->safety_relevant)
		return false;
	if ((w->has & YM_PC_EXPOSURE) &&
	    !in_mask(w->exposure, (int)a->exposure))
		return false;
	if ((w->has & YM_PC_DATA_RECORDS) &&
	    (a->data_records < 0 ||
	     a->data_records < w->data_records_at_least))
		return false;
	if (w->has & YM_PC_DATA_KIND) {
		bool any = false;
		for (size_t i = 0; a->data_kind && i < w->n_data_kind && !any;
		     i++)
			any = contains_ci(a->data_kind, w->data_kind[i]);
		if (!any)
			return false;
	}
	return true;
}

bool ym_policy_epss_high(const ym_policy *p, const ym_policy_evidence *e)
{
	return (p->epss_high >= 0 && e->epss >= 0 &&
		e->epss >= p->epss_high) ||
	       (p->epss_high_percentile >= 0 && e->epss_percentile >= 0 &&
		e->epss_percentile >= p->epss_high_percentile);
}

ym_policy_exploitation ym_policy_exploitation_of(
	const ym_policy *p, const ym_policy_evidence *e,
	ym_policy_expl_source *from)
{
	ym_policy_exploitation x = e->exploitation;
	ym_policy_expl_source src = YM_POLICY_EXPL_FROM_EVIDENCE;
	if ((unsigned)x > YM_POLICY_EXPL_ACTIVE)
		x = YM_POLICY_EXPL_NONE;
	if (e->kev && x < YM_POLICY_EXPL_ACTIVE) {
		x = YM_POLICY_EXPL_ACTIVE;
		src = YM_POLICY_EXPL_FROM_KEV;
	}
	if (x < YM_POLICY_EXPL_POC && p->epss_poc >= 0 && e->epss >= 0 &&
	    e->epss >= p->epss_poc) {
		x = YM_POLICY_EXPL_POC;
		src = YM_POLICY_EXPL_FROM_EPSS;
	}
	if (from)
		*from = src;
	return x;
}

static bool evidence_holds(const ym_policy *p, const ym_policy_cond *w,
			   const ym_policy_evidence *e,
			   ym_policy_exploitation x, bool high)
{
	if ((w->has & YM_PC_KEV) && e->kev != w->kev)
		return false;
	if ((w->has & YM_PC_EXPLOITATION) && !in_mask(w->exploitation, (int)x))
		return false;
	if ((w->has & YM_PC_AUTOMATABLE) && e->automatable != w->automatable)
		return false;
	if ((w->has & YM_PC_EXPOSURE) &&
	    !in_mask(w->exposure, (int)e->exposure))
		return false;
	if ((w->has & YM_PC_EPSS_HIGH) && high != w->epss_high)
		return false;
	if ((w->has & YM_PC_EPSS_AT_LEAST) &&
	    !(e->epss >= 0 && e->epss >= w->epss_at_least))
		return false;
	if ((w->has & YM_PC_EPSS_PCT_AT_LEAST) &&
	    !(e->epss_percentile >= 0 &&
	      e->epss_percentile >= w->epss_percentile_at_least))
		return false;
	(void)p;
	return true;
}

/* First rule that holds (the last one always does). */
static int first_asset_rule(const ym_policy_rules *r,
			    const ym_policy_asset *a)
{
	for (size_t i = 0; i < r->n; i++)
		if (asset_holds(&r->rule[i].when, a))
			return (int)i;
	return r->n ? (int)r->n - 1 : -1;
}

void ym_policy_impact(const ym_policy *p, const ym_policy_asset *a,
		      ym_policy_impact_result *out)
{
	int i = first_asset_rule(&p->impact_rules, a);
	out->impact_rule = i;
	out->impact = i < 0 ? -1 : p->impact_rules.rule[i].level;
	i = first_asset_rule(&p->mission_rules, a);
	out->mission_rule = i;
	out->mission = i < 0 ? -1 : p->mission_rules.rule[i].level;
	i = first_asset_rule(&p->safety_rules, a);
	out->safety_rule = i;
	out->safety = i < 0 ? -1 : p->safety_rules.rule[i].level;
}

void ym_policy_likelihood(const ym_policy *p, const ym_policy_evidence *e,
			  ym_policy_likelihood_result *out)
{
	const ym_policy_rules *r = &p->likelihood_rules;
	out->exploitation = ym_policy_exploitation_of(p, e,
						      &out->exploitation_from);
	out->epss_high = ym_policy_epss_high(p, e);
	out->rule = -1;
	out->likelihood = -1;
	for (size_t i = 0; i < r->n; i++) {
		if (evidence_holds(p, &r->rule[i].when, e, out->exploitation,
				   out->epss_high) ||
		    i + 1 == r->n) {
			out->rule = (int)i;
			out->likelihood = r->rule[i].level;
			break;
		}
	}
}

ym_policy_ssvc_exposure ym_policy_ssvc_exposure_of(const ym_policy *p,
						   ym_policy_exposure e)
{
	if (!p->has_ssvc_exposure || (unsigned)e >= YM_POLICY_EXPOSURES)
		return YM_POLICY_SSVC_OPEN;
	return p->ssvc_exposure[e];
}

int ym_policy_matrix_outcome(const ym_policy *p, int impact, int likelihood,
			     ym_policy_outcome *out)
{
	if (!(p->decide_with & YM_POLICY_USE_MATRIX) || impact < 0 ||
	    likelihood < 0 || (size_t)impact >= p->n_impact_levels ||
	    (size_t)likelihood >= p->n_likelihood_levels)
		return YM_E_INVALID;
	*out = p->matrix[impact][likelihood];
	return 0;
}

ym_policy_outcome ym_policy_combine(const ym_policy *p, int ssvc_outcome,
				    int matrix_outcome, ym_policy_decider *by)
{
	bool s_ok = ssvc_outcome >= 0 && ssvc_outcome < YM_POLICY_OUTCOMES &&
		    (p->decide_with & YM_POLICY_USE_SSVC);
	bool m_ok = matrix_outcome >= 0 &&
		    matrix_outcome < YM_POLICY_OUTCOMES &&
		    (p->decide_with & YM_POLICY_USE_MATRIX);
	ym_policy_decider d;
	int o;
	if (s_ok && m_ok) {
		if (ssvc_outcome == matrix_outcome)
			d = YM_POLICY_BY_BOTH;
		else
			d = matrix_outcome > ssvc_outcome ? YM_POLICY_BY_MATRIX
							  : YM_POLICY_BY_SSVC;
		o = ssvc_outcome > matrix_outcome ? ssvc_outcome
						  : matrix_outcome;
	} else if (m_ok) {
		d = YM_POLICY_BY_MATRIX;
		o = matrix_outcome;
	} else if (s_ok) {
		d = YM_POLICY_BY_SSVC;
		o = ssvc_outcome;
	} else {
		/* nothing usable: the most urgent, so nothing is lost */
		d = YM_POLICY_BY_BOTH;
		o = YM_POLICY_IMMEDIATE;
	}
	if (by)
		*by = d;
	return (ym_policy_outcome)o;
}

/* ---- deadlines ---- */

static int64_t win_start(const ym_policy *p, const ym_policy_window *w,
			 int64_t day)
{
	return day * DAY + (int64_t)w->start * 60 -
	       (int64_t)p->tz_offset * 60;
}

/* Local day of the nth (or last) weekday of a month; -1 if none. */
static int64_t nth_weekday(int y, int m, int week, int wd)
{
	int64_t first = days_from_civil(y, m, 1);
	int dim = days_in_month(y, m);
	if (week < 0) {
		int64_t last = first + dim - 1;
		return last - (weekday_of(last) - wd + 7) % 7;
	}
	int64_t d = first + (wd - weekday_of(first) + 7) % 7 + 7 * (week - 1);
	return d < first + dim ? d : -1;
}

/* Start of the first occurrence of w at or after earliest; false if none
 * within about 14 months. */
static bool next_start(const ym_policy *p, const ym_policy_window *w,
		       int64_t earliest, int64_t *start)
{
	int64_t d0 = local_day(p, earliest) - 1;
	switch (w->kind) {
	case YM_POLICY_WIN_WEEKLY:
		for (int k = 0; k < 9; k++) {
			int64_t d = d0 + k;
			if (weekday_of(d) == w->weekday &&
			    win_start(p, w, d) >= earliest) {
				*start = win_start(p, w, d);
				return true;
			}
		}
		return false;
	case YM_POLICY_WIN_MONTHLY: {
		int y, m, dd;
		civil_from_days(d0, &y, &m, &dd);
		for (int k = 0; k < 16; k++) {
			int64_t d = nth_weekday(y, m, w->week, w->weekday);
			if (d >= 0 && win_start(p, w, d) >= earliest) {
				*start = win_start(p, w, d);
				return true;
			}
			if (++m == 13) {
				m = 1;
				y++;
			}
		}
		return false;
	}
	case YM_POLICY_WIN_DATES:
		for (size_t i = 0; i < w->n_dates; i++)
			if (win_start(p, w, w->dates[i]) >= earliest) {
				*start = win_start(p, w, w->dates[i]);
				return true;
			}
		return false;
	}
	return false;
}

int ym_policy_deadline_of(const ym_policy *p, ym_policy_outcome o,
			  int64_t decided_at, ym_policy_deadline *out,
			  ym_err *err)
{
	memset(out, 0, sizeof *out);
	out->window = -1;
	if ((unsigned)o >= YM_POLICY_OUTCOMES)
		return ym_err_set(err, YM_E_INVALID, _("unknown outcome %d"),
				  (int)o);
	const ym_policy_outcome_def *def = &p->outcome[o];
	int64_t t = clamp_t(decided_at);
	out->kind = def->sla;
	if (def->sla != YM_POLICY_SLA_NEXT_WINDOW) {
		out->days = def->days;
		out->due = t + (int64_t)def->days * DAY;
	} else {
		int64_t earliest = t + (int64_t)p->lead_days * DAY, best = 0;
		for (size_t i = 0; i < p->n_windows; i++) {
			int64_t s;
			if (next_start(p, &p->window[i], earliest, &s) &&
			    (out->window < 0 || s < best)) {
				best = s;
				out->window = (int)i;
			}
		}
		if (out->window < 0) {
			char when[40];
			ym_policy_time_format(p, earliest, when, sizeof when);
			return ym_err_set(err, YM_E_NOTFOUND,
					  _("no maintenance window starts "
					    "after %s"),
					  when);
		}
		const ym_policy_window *w = &p->window[out->window];
		out->window_start = best;
		out->due = best + (int64_t)(w->end - w->start) * 60;
	}
	format_date(local_day(p, clamp_t(out->due)), out->due_date);
	return 0;
}

/* ---- escalation ---- */

void ym_policy_tally_add(ym_policy_tally *t, ym_policy_outcome o,
			 int impact, ym_policy_exposure exposure, bool kev)
{
	if ((unsigned)o >= YM_POLICY_OUTCOMES || impact < 0 ||
	    impact >= YM_POLICY_MAX_LEVELS ||
	    (unsigned)exposure >= YM_POLICY_EXPOSURES)
		return;
	t->n[o][impact][exposure][kev ? 1 : 0]++;
}

static int64_t tally_count(const ym_policy_cond *w, const ym_policy_tally *t)
{
	int64_t sum = 0;
	for (int o = 0; o < YM_POLICY_OUTCOMES; o++) {
		if ((w->has & YM_PC_OUTCOME) && !in_mask(w->outcome, o))
			continue;
		for (int i = 0; i < YM_POLICY_MAX_LEVELS; i++) {
			if ((w->has & YM_PC_IMPACT) && !in_mask(w->impact, i))
				continue;
			for (int x = 0; x < YM_POLICY_EXPOSURES; x++) {
				if ((w->has & YM_PC_EXPOSURE) &&
				    !in_mask(w->exposure, x))
					continue;
				for (int k = 0; k < 2; k++) {
					if ((w->has & YM_PC_KEV) &&
					    k != (w->kev ? 1 : 0))
						continue;
					sum += t->n[o][i][x][k];
				}
			}
		}
	}
	return sum;
}

size_t ym_policy_escalations(const ym_policy *p, const ym_policy_tally *t,
			     ym_policy_fired *fired, size_t cap)
{
	size_t n = 0;
	for (size_t i = 0; i < p->n_escalations; i++) {
		const ym_policy_cond *w = &p->escalation[i].when;
		int64_t c = tally_count(w, t);
		if (c < w->systems_at_least)
			continue;
		if (n < cap && fired) {
			fired[n].rule = (int)i;
			fired[n].count = c;
		}
		n++;
	}
	return n;
}

/* ---- explanations ---- */

const char *ym_policy_text_in(const ym_policy_text *t, const char *lang)
{
	const char *s = lang && strcmp(lang, "ja") == 0 ? t->ja : t->en;
	return s ? s : "";
}

static void head(const ym_policy *p, ym_buf *out)
{
	ym_buf_printf(out, _("policy '%s' v%lld: "), p->name,
		      (long long)p->version);
}

void ym_policy_explain_impact(const ym_policy *p,
			      const ym_policy_impact_result *r,
			      const char *lang, ym_buf *out)
{
	if (r->impact < 0 || r->impact_rule < 0)
		return;
	head(p, out);
	ym_buf_printf(
		out, _("impact %s (rule %d: %s)"),
		ym_policy_text_in(&p->impact_level[r->impact].label, lang),
		r->impact_rule + 1,
		ym_policy_text_in(&p->impact_rules.rule[r->impact_rule].because,
				  lang));
}

void ym_policy_explain_likelihood(const ym_policy *p,
				  const ym_policy_likelihood_result *r,
				  const char *lang, ym_buf *out)
{
	if (r->likelihood < 0 || r->rule < 0)
		return;
	head(p, out);
	ym_buf_printf(
		out, _("likelihood %s (rule %d: %s)"),
		ym_policy_text_in(&p->likelihood_level[r->likelihood].label,
				  lang),
		r->rule + 1,
		ym_policy_text_in(&p->likelihood_rules.rule[r->rule].because,
				  lang));
}

void ym_policy_explain_matrix(const ym_policy *p, int impact,
			      int likelihood, const char *lang, ym_buf *out)
{
	ym_policy_outcome o;
	if (ym_policy_matrix_outcome(p, impact, likelihood, &o))
		return;
	head(p, out);
	ym_buf_printf(
		out, _("matrix: impact %s x likelihood %s -> %s"),
		ym_policy_text_in(&p->impact_level[impact].label, lang),
		ym_policy_text_in(&p->likelihood_level[likelihood].label, lang),
		ym_policy_text_in(&p->outcome[o].label, lang));
}

void ym_policy_explain_deadline(const ym_policy *p, ym_policy_outcome o,
				const ym_policy_deadline *d, const char *lang,
				ym_buf *out)
{
	if ((unsigned)o >= YM_POLICY_OUTCOMES)
		return;
	const char *label = ym_policy_text_in(&p->outcome[o].label, lang);
	head(p, out);
	if (d->kind == YM_POLICY_SLA_DAYS) {
		ym_buf_printf(out, _("%s: due %s (%d day(s))"), label,
			      d->due_date, d->days);
	} else if (d->kind == YM_POLICY_SLA_REVIEW) {
		ym_buf_printf(out, _("%s: review by %s (%d day(s))"), label,
			      d->due_date, d->days);
	} else {
		char a[40], b[40];
		ym_policy_time_format(p, d->window_start, a, sizeof a);
		ym_policy_time_format(p, d->due, b, sizeof b);
		ym_buf_printf(out,
			      _("%s: due %s, in the next maintenance window "
				"(%s to %s)"),
			      label, d->due_date, a, b);
	}
}
