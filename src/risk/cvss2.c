/* cvss2.c - CVSS v2.0 metrics and equations (FIRST, "A Complete Guide to
 * the Common Vulnerability Scoring System Version 2.0", sections 2.4 and
 * 3.2). */
#include <math.h>
#include <stdint.h>

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

/* AdjustedImpact (3.2.3) of C/I/A weights c and requirement weights r:
 * min(10, ...). (The base Impact, 3.2.1, has no cap.) */
static double impact_calc(const double c[3], const double r[3])
{
	double x = 10.41 * (1 - (1 - c[0] * r[0]) * (1 - c[1] * r[1]) *
				    (1 - c[2] * r[2]));
	return x > 10.0 ? 10.0 : x;
}

/* The base score of each of the 729 base vectors in tenths, and the
 * AdjustedImpact of each (C/I/A, requirement) triple (per metric 3
 * impact values x 3 requirement weights: L 0.5, M/ND 1, H 1.51), are
 * computed once by the functions above (ym_cvss2_init); every score is
 * k / 10.0 for a whole k, as round1 returns. */
static uint8_t base_tenths[729];
static double adj_impact[729];
static const uint8_t req_class[] = {1, 0, 1, 2, 1}; /* by stored value */
static const double req_w[] = {0.5, 1.0, 1.51};

void ym_cvss2_init(void)
{
	for (unsigned k = 0; k < 729; k++) {
		/* AV, AC, Au, C, I, A: value indexes 1..3 */
		unsigned d[6] = {k / 243, k / 81 % 3, k / 27 % 3, k / 9 % 3,
				 k / 3 % 3, k % 3};
		double cia[3] = {w_cia[d[3] + 1], w_cia[d[4] + 1],
				 w_cia[d[5] + 1]};
		/* 3.2.1 (no cap: C:C/I:C/A:C gives 10.0008) */
		double impact = 10.41 * (1 - (1 - cia[0]) * (1 - cia[1]) *
						  (1 - cia[2]));
		double expl = 20 * w_av[d[0] + 1] * w_ac[d[1] + 1] *
			      w_au[d[2] + 1];
		base_tenths[k] = (uint8_t)lround(base_eq(impact, expl) * 10);
		/* per metric: impact value index * 3 + requirement class */
		unsigned e[3] = {k / 81, k / 9 % 9, k % 9};
		double c[3], r[3];
		for (int j = 0; j < 3; j++) {
			c[j] = w_cia[e[j] / 3 + 1];
			r[j] = req_w[e[j] % 3];
		}
		adj_impact[k] = impact_calc(c, r);
	}
}

void ym_cvss2_score(const ym_cvss *c, ym_cvss_scores *s)
{
	const uint8_t *v = c->v;
	unsigned bk = (((((v[AV] - 1) * 3 + v[AC] - 1) * 3 + v[AU] - 1) * 3 +
			v[C] - 1) * 3 + v[I] - 1) * 3 + v[A] - 1;
	double tw_e = w_e[v[E]], tw_rl = w_rl[v[RL]], tw_rc = w_rc[v[RC]];

	s->base = base_tenths[bk] / 10.0;
	s->temporal = round1(s->base * tw_e * tw_rl * tw_rc);

	unsigned ak = ((v[C] - 1) * 3 + req_class[v[CR]]) * 81 +
		      ((v[I] - 1) * 3 + req_class[v[IR]]) * 9 +
		      (v[A] - 1) * 3 + req_class[v[AR]];
	double expl = 20 * w_av[v[AV]] * w_ac[v[AC]] * w_au[v[AU]];
	double adj_base = base_eq(adj_impact[ak], expl);
	double adj_temp = round1(adj_base * tw_e * tw_rl * tw_rc);
	s->environmental = round1((adj_temp + (10 - adj_temp) *
					      w_cdp[v[CDP]]) *
				  w_td[v[TD]]);
}
