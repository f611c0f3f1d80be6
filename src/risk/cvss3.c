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
static const double w_pr[2][4] = {{0, 0.85, 0.62, 0.27},  /* unchanged */
				  {0, 0.85, 0.68, 0.5}}; /* changed */
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
	/* Appendix A: n % 10000 == 0 ? n / 100000.0 : (floor(n / 10000) +
	 * 1) / 10.0; in the first case n / 100000.0 is the same double as
	 * (n / 10000) / 10.0 (both the rational n / 100000 rounded once),
	 * so one expression does both without a branch */
	return (double)(n / 10000 + (n % 10000 != 0)) / 10.0;
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
	/* without a branch: random vectors would mispredict it */
	unsigned m = v[mod], use = 0u - (m > 1);
	return (use & (m - 1)) | (~use & v[base]);
}

/* Base score (7.1) of base metric value indexes b[AV..A] (1-based). */
static double base_calc(bool v31, const uint8_t *b)
{
	double (*roundup)(double) = v31 ? roundup31 : roundup30;
	bool changed = b[S] == 2;
	double iss = 1 - (1 - w_cia[b[C]]) * (1 - w_cia[b[I]]) *
			     (1 - w_cia[b[A]]);
	double impact = changed ? 7.52 * (iss - 0.029) -
					  3.25 * pow(iss - 0.02, 15)
				: 6.42 * iss;
	double expl = 8.22 * w_av[b[AV]] * w_ac[b[AC]] *
		      w_pr[changed][b[PR]] * w_ui[b[UI]];
	if (impact <= 0)
		return 0;
	if (changed)
		return roundup(fmin(1.08 * (impact + expl), 10));
	return roundup(fmin(impact + expl, 10));
}

/* Modified Impact Sub Score (7.3) of requirement weights r and modified
 * impact weights m (C, I, A), capped at 0.915, and the Modified Impact
 * for an unchanged or a changed modified scope. */
static double miss_calc(const double r[3], const double m[3])
{
	double miss = 1 - (1 - r[0] * m[0]) * (1 - r[1] * m[1]) *
			      (1 - r[2] * m[2]);
	return miss > 0.915 ? 0.915 : miss;
}

static double mimpact_changed(bool v31, double miss)
{
	if (v31)
		return 7.52 * (miss - 0.029) -
		       3.25 * pow(miss * 0.9731 - 0.02, 13);
	return 7.52 * (miss - 0.029) - 3.25 * pow(miss - 0.02, 15);
}

/* The equations depend on few inputs, so the costly parts are computed
 * once, by the functions above, for every input (ym_cvss3_init):
 * - the base score of each of the 2,592 base vectors, in tenths (every
 *   score is k / 10.0 for a whole k: Roundup returns that);
 * - the changed-scope Modified Impact of each (requirement, modified
 *   C/I/A) triple: per metric 3 requirement weights (X, M: 1; H: 1.5;
 *   L: 0.5) x 3 impact values = 9, 729 in all.
 * Results are bit for bit those of the equations. */
#define N_BASE (4 * 2 * 3 * 2 * 2 * 3 * 3 * 3)
static uint8_t base_tenths[2][N_BASE]; /* [v31] */
/* Roundup(Minimum(...)) of 7.3 when every environmental metric is X:
 * the same as the base score except for some changed-scope vectors in
 * 3.1 (its Modified Impact formula differs). Tenths. */
static uint8_t envbase_tenths[2][N_BASE];
static double mimp_changed[2][729];    /* [v31] */
static const uint8_t req_class[] = {0, 0, 1, 0, 2}; /* by stored value */
static const double req_w[] = {1, 1.5, 0.5};

static unsigned base_index(unsigned av, unsigned ac, unsigned pr,
			   unsigned ui, unsigned s, unsigned c, unsigned i,
			   unsigned a)
{
	return ((((((av - 1) * 2 + ac - 1) * 3 + pr - 1) * 2 + ui - 1) * 2 +
		 s - 1) * 3 + c - 1) * 9 + (i - 1) * 3 + a - 1;
}

/* Roundup(Minimum(...)) of 7.3 for the vector v, or 0 when the
 * Modified Impact is not positive (the environmental score is 0).
 * Written without branches on the metrics (random vectors would
 * mispredict them); the results are those of the equations. */
static double env_nonzero(const uint8_t *v, bool v31)
{
	static const double scope_factor[2] = {1.0, 1.08};
	double (*roundup)(double) = v31 ? roundup31 : roundup30;
	unsigned mc = eff(v, C, MC), mi = eff(v, I, MI), ma = eff(v, A, MA);
	unsigned mchanged = eff(v, S, MS) == 2;
	double r[3] = {w_req[v[CR]], w_req[v[IR]], w_req[v[AR]]};
	double m[3] = {w_cia[mc], w_cia[mi], w_cia[ma]};
	unsigned k = (req_class[v[CR]] * 3 + mc - 1) * 81 +
		     (req_class[v[IR]] * 3 + mi - 1) * 9 +
		     req_class[v[AR]] * 3 + ma - 1;
	double mimpact[2] = {6.42 * miss_calc(r, m), mimp_changed[v31][k]};
	double mi_x = mimpact[mchanged];
	double mexpl = 8.22 * w_av[eff(v, AV, MAV)] * w_ac[eff(v, AC, MAC)] *
		       w_pr[mchanged][eff(v, PR, MPR)] * w_ui[eff(v, UI, MUI)];
	/* x 1.0 for an unchanged scope leaves the sum as it is */
	double x = scope_factor[mchanged] * (mi_x + mexpl);
	double score = roundup(x < 10 ? x : 10);
	return mi_x > 0 ? score : 0;
}

void ym_cvss3_init(void)
{
	uint8_t b[N_METRICS] = {0};
	for (int v31 = 0; v31 < 2; v31++) {
		for (unsigned k = 0; k < 729; k++) {
			unsigned d[3] = {k / 81, k / 9 % 9, k % 9};
			double r[3], m[3];
			for (int j = 0; j < 3; j++) {
				r[j] = req_w[d[j] / 3];
				m[j] = w_cia[d[j] % 3 + 1];
			}
			mimp_changed[v31][k] =
				mimpact_changed(v31, miss_calc(r, m));
		}
		/* after mimp_changed, which env_nonzero reads */
		for (b[AV] = 1; b[AV] <= 4; b[AV]++)
		for (b[AC] = 1; b[AC] <= 2; b[AC]++)
		for (b[PR] = 1; b[PR] <= 3; b[PR]++)
		for (b[UI] = 1; b[UI] <= 2; b[UI]++)
		for (b[S] = 1; b[S] <= 2; b[S]++)
		for (b[C] = 1; b[C] <= 3; b[C]++)
		for (b[I] = 1; b[I] <= 3; b[I]++)
		for (b[A] = 1; b[A] <= 3; b[A]++) {
			unsigned k = base_index(b[AV], b[AC], b[PR], b[UI],
						b[S], b[C], b[I], b[A]);
			base_tenths[v31][k] =
				(uint8_t)lround(base_calc(v31, b) * 10);
			envbase_tenths[v31][k] =
				(uint8_t)lround(env_nonzero(b, v31) * 10);
		}
	}
}

void ym_cvss3_score(const ym_cvss *c, ym_cvss_scores *s)
{
	const uint8_t *v = c->v;
	bool v31 = c->version == YM_CVSS_V31;
	double (*roundup)(double) = v31 ? roundup31 : roundup30;

	/* base, 7.1 */
	unsigned bk = base_index(v[AV], v[AC], v[PR], v[UI], v[S], v[C], v[I],
				 v[A]);
	s->base = base_tenths[v31][bk] / 10.0;
	/* temporal, 7.2 (the product in the specification's order) */
	s->temporal = roundup(s->base * w_e[v[E]] * w_rl[v[RL]] *
			      w_rc[v[RC]]);

	/* environmental, 7.3 */
	double envb;
	if (!(c->present & YM_CVSS_G_ENVIRONMENTAL))
		envb = envbase_tenths[v31][bk] / 10.0;
	else
		envb = env_nonzero(v, v31);
	/* envb 0 gives 0 (Roundup(0) is 0) */
	s->environmental = roundup(envb * w_e[v[E]] * w_rl[v[RL]] *
				   w_rc[v[RC]]);
}
