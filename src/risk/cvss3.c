/* cvss3.c - CVSS v3.0 and v3.1 metrics and equations (FIRST CVSS v3.0
 * and v3.1 Specification Documents, sections 7 and 8, Appendix A). The
 * versions differ in the Roundup function, in the Modified Impact formula
 * for a changed scope and in which PR value is legal (none). */
#include <math.h>
#include <stdint.h>

#include "risk/cvss_int.h"

enum {
	AV, AC, PR, UI, S, C, I, A, E, RL, RC, CR, IR, AR,
	MAV, MAC, MPR, MUI, MS, MC, MI, MA, N_METRICS
};

#define B YM_CVSS_G_BASE
#define T YM_CVSS_G_TEMPORAL
#define V YM_CVSS_G_ENVIRONMENTAL

/* Table 15 (3.1) / Table 14 (3.0) order, used for formatting only: the
 * 3.x vector string allows any order. Modified metrics list "X" first so
 * that a stored modified value minus one is the base value. */
#define METRICS3                                                          \
	[AV] = YM_CVSS_M("AV", B, 0, "N", "A", "L", "P"),                 \
	[AC] = YM_CVSS_M("AC", B, 0, "L", "H"),                           \
	[PR] = YM_CVSS_M("PR", B, 0, "N", "L", "H"),                      \
	[UI] = YM_CVSS_M("UI", B, 0, "N", "R"),                           \
	[S] = YM_CVSS_M("S", B, 0, "U", "C"),                             \
	[C] = YM_CVSS_M("C", B, 0, "H", "L", "N"),                        \
	[I] = YM_CVSS_M("I", B, 0, "H", "L", "N"),                        \
	[A] = YM_CVSS_M("A", B, 0, "H", "L", "N"),                        \
	[E] = YM_CVSS_M("E", T, 1, "X", "H", "F", "P", "U"),              \
	[RL] = YM_CVSS_M("RL", T, 1, "X", "U", "W", "T", "O"),            \
	[RC] = YM_CVSS_M("RC", T, 1, "X", "C", "R", "U"),                 \
	[CR] = YM_CVSS_M("CR", V, 1, "X", "H", "M", "L"),                 \
	[IR] = YM_CVSS_M("IR", V, 1, "X", "H", "M", "L"),                 \
	[AR] = YM_CVSS_M("AR", V, 1, "X", "H", "M", "L"),                 \
	[MAV] = YM_CVSS_M("MAV", V, 1, "X", "N", "A", "L", "P"),          \
	[MAC] = YM_CVSS_M("MAC", V, 1, "X", "L", "H"),                    \
	[MPR] = YM_CVSS_M("MPR", V, 1, "X", "N", "L", "H"),               \
	[MUI] = YM_CVSS_M("MUI", V, 1, "X", "N", "R"),                    \
	[MS] = YM_CVSS_M("MS", V, 1, "X", "U", "C"),                      \
	[MC] = YM_CVSS_M("MC", V, 1, "X", "H", "L", "N"),                 \
	[MI] = YM_CVSS_M("MI", V, 1, "X", "H", "L", "N"),                 \
	[MA] = YM_CVSS_M("MA", V, 1, "X", "H", "L", "N")

static const ym_cvss_mdef metrics[N_METRICS] = {METRICS3};

const ym_cvss_vdef ym_cvss30_def = {
	.m = metrics, .n = N_METRICS, .ordered = false,
	.prefix = "CVSS:3.0/"};
const ym_cvss_vdef ym_cvss31_def = {
	.m = metrics, .n = N_METRICS, .ordered = false,
	.prefix = "CVSS:3.1/"};

/* Weights (section 7.4) by value index (1-based as stored). */
static const double w_av[] = {0, 0.85, 0.62, 0.55, 0.2};
static const double w_ac[] = {0, 0.77, 0.44};
static const double w_pr_u[] = {0, 0.85, 0.62, 0.27};
static const double w_pr_c[] = {0, 0.85, 0.68, 0.5};
static const double w_ui[] = {0, 0.85, 0.62};
static const double w_cia[] = {0, 0.56, 0.22, 0};
/* index 0 (absent) and 1 (X) both mean not defined */
static const double w_e[] = {1, 1, 1, 0.97, 0.94, 0.91};
static const double w_rl[] = {1, 1, 1, 0.97, 0.96, 0.95};
static const double w_rc[] = {1, 1, 1, 0.96, 0.92};
static const double w_req[] = {1, 1, 1.5, 1, 0.5};

/* 3.1 Appendix A: the smallest one-decimal number >= x, computed on an
 * integer so that binary error cannot push x*10 over a whole number. */
static double roundup31(double x)
{
	int64_t n = (int64_t)(x * 100000.0 + 0.5); /* x >= 0 */
	if (n % 10000 == 0)
		return (double)n / 100000.0;
	return (double)(n / 10000 + 1) / 10.0;
}

/* 3.0 section 7.5: Roundup is plain ceiling to one decimal (the
 * reference calculator's Math.ceil(x * 10) / 10). */
static double roundup30(double x)
{
	return ceil(x * 10.0) / 10.0;
}

/* effective value of a base metric: its modified metric unless X/absent */
static unsigned eff(const uint8_t *v, int base, int mod)
{
	return v[mod] > 1 ? v[mod] - 1u : v[base];
}

void ym_cvss3_score(const ym_cvss *c, ym_cvss_scores *s)
{
	const uint8_t *v = c->v;
	bool v31 = c->version == YM_CVSS_V31;
	double (*roundup)(double) = v31 ? roundup31 : roundup30;

	/* base, 7.1 */
	bool changed = v[S] == 2;
	double iss = 1 - (1 - w_cia[v[C]]) * (1 - w_cia[v[I]]) *
			     (1 - w_cia[v[A]]);
	double impact = changed ? 7.52 * (iss - 0.029) -
					  3.25 * pow(iss - 0.02, 15)
				: 6.42 * iss;
	double expl = 8.22 * w_av[v[AV]] * w_ac[v[AC]] *
		      (changed ? w_pr_c : w_pr_u)[v[PR]] * w_ui[v[UI]];
	if (impact <= 0)
		s->base = 0;
	else if (changed)
		s->base = roundup(fmin(1.08 * (impact + expl), 10));
	else
		s->base = roundup(fmin(impact + expl, 10));

	/* temporal, 7.2 */
	s->temporal = roundup(s->base * w_e[v[E]] * w_rl[v[RL]] *
			      w_rc[v[RC]]);

	/* environmental, 7.3 */
	bool mchanged = eff(v, S, MS) == 2;
	double miss = 1 - (1 - w_req[v[CR]] * w_cia[eff(v, C, MC)]) *
			      (1 - w_req[v[IR]] * w_cia[eff(v, I, MI)]) *
			      (1 - w_req[v[AR]] * w_cia[eff(v, A, MA)]);
	if (miss > 0.915)
		miss = 0.915;
	double mimpact;
	if (!mchanged)
		mimpact = 6.42 * miss;
	else if (v31)
		mimpact = 7.52 * (miss - 0.029) -
			  3.25 * pow(miss * 0.9731 - 0.02, 13);
	else
		mimpact = 7.52 * (miss - 0.029) - 3.25 * pow(miss - 0.02, 15);
	double mexpl = 8.22 * w_av[eff(v, AV, MAV)] * w_ac[eff(v, AC, MAC)] *
		       (mchanged ? w_pr_c : w_pr_u)[eff(v, PR, MPR)] *
		       w_ui[eff(v, UI, MUI)];
	if (mimpact <= 0)
		s->environmental = 0;
	else if (mchanged)
		s->environmental = roundup(
			roundup(fmin(1.08 * (mimpact + mexpl), 10)) *
			w_e[v[E]] * w_rl[v[RL]] * w_rc[v[RC]]);
	else
		s->environmental = roundup(roundup(fmin(mimpact + mexpl, 10)) *
					   w_e[v[E]] * w_rl[v[RL]] *
					   w_rc[v[RC]]);
}
