/* cvss2.c - CVSS v2.0 metrics and equations (FIRST, "A Complete Guide to
 * the Common Vulnerability Scoring System Version 2.0", sections 2.4 and
 * 3.2). */
#include <math.h>

#include "risk/cvss_int.h"

enum { AV, AC, AU, C, I, A, E, RL, RC, CDP, TD, CR, IR, AR, N_METRICS };

#define B YM_CVSS_G_BASE
#define T YM_CVSS_G_TEMPORAL
#define V YM_CVSS_G_ENVIRONMENTAL

/* Section 2.4, Table 13: this order is the vector's order. */
static const ym_cvss_mdef metrics[N_METRICS] = {
	[AV] = YM_CVSS_M("AV", B, 0, "L", "A", "N"),
	[AC] = YM_CVSS_M("AC", B, 0, "H", "M", "L"),
	[AU] = YM_CVSS_M("Au", B, 0, "M", "S", "N"),
	[C] = YM_CVSS_M("C", B, 0, "N", "P", "C"),
	[I] = YM_CVSS_M("I", B, 0, "N", "P", "C"),
	[A] = YM_CVSS_M("A", B, 0, "N", "P", "C"),
	[E] = YM_CVSS_M("E", T, 5, "U", "POC", "F", "H", "ND"),
	[RL] = YM_CVSS_M("RL", T, 5, "OF", "TF", "W", "U", "ND"),
	[RC] = YM_CVSS_M("RC", T, 4, "UC", "UR", "C", "ND"),
	[CDP] = YM_CVSS_M("CDP", V, 6, "N", "L", "LM", "MH", "H", "ND"),
	[TD] = YM_CVSS_M("TD", V, 5, "N", "L", "M", "H", "ND"),
	[CR] = YM_CVSS_M("CR", V, 4, "L", "M", "H", "ND"),
	[IR] = YM_CVSS_M("IR", V, 4, "L", "M", "H", "ND"),
	[AR] = YM_CVSS_M("AR", V, 4, "L", "M", "H", "ND"),
};

const ym_cvss_vdef ym_cvss2_def = {
	.m = metrics, .n = N_METRICS, .ordered = true, .prefix = ""};

/* Weights by stored value (index 0: metric absent = not defined). */
static const double w_av[] = {0, 0.395, 0.646, 1.0};
static const double w_ac[] = {0, 0.35, 0.61, 0.71};
static const double w_au[] = {0, 0.45, 0.56, 0.704};
static const double w_cia[] = {0, 0.0, 0.275, 0.660};
static const double w_e[] = {1.0, 0.85, 0.90, 0.95, 1.0, 1.0};
static const double w_rl[] = {1.0, 0.87, 0.90, 0.95, 1.0, 1.0};
static const double w_rc[] = {1.0, 0.90, 0.95, 1.0, 1.0};
static const double w_cdp[] = {0, 0, 0.1, 0.3, 0.4, 0.5, 0};
static const double w_td[] = {1.0, 0, 0.25, 0.75, 1.0, 1.0};
static const double w_req[] = {1.0, 0.5, 1.0, 1.51, 1.0};

/* round_to_1_decimal, half up. The guide's equations are decimal; the
 * tolerance absorbs binary error so that a result that is exactly x.x5 in
 * decimal rounds up as the reference (decimal) implementations do. */
static double round1(double x)
{
	return floor(x * 10.0 + 0.5 + 1e-9) / 10.0;
}

static double base_eq(double impact, double expl)
{
	double f = impact == 0.0 ? 0.0 : 1.176;
	return round1(((0.6 * impact) + (0.4 * expl) - 1.5) * f);
}

void ym_cvss2_score(const ym_cvss *c, ym_cvss_scores *s)
{
	const uint8_t *v = c->v;
	double cc = w_cia[v[C]], ii = w_cia[v[I]], aa = w_cia[v[A]];
	double impact = 10.41 * (1 - (1 - cc) * (1 - ii) * (1 - aa));
	double expl = 20 * w_av[v[AV]] * w_ac[v[AC]] * w_au[v[AU]];

	s->base = base_eq(impact, expl);
	s->temporal = round1(s->base * w_e[v[E]] * w_rl[v[RL]] * w_rc[v[RC]]);

	double adj = 10.41 * (1 - (1 - cc * w_req[v[CR]]) *
					  (1 - ii * w_req[v[IR]]) *
					  (1 - aa * w_req[v[AR]]));
	if (adj > 10.0)
		adj = 10.0;
	double adj_base = base_eq(adj, expl);
	double adj_temp = round1(adj_base * w_e[v[E]] * w_rl[v[RL]] *
				 w_rc[v[RC]]);
	s->environmental = round1((adj_temp + (10 - adj_temp) *
					      w_cdp[v[CDP]]) *
				  w_td[v[TD]]);
}
