/* cvss4.c - CVSS v4.0 (FIRST CVSS v4.0 Specification Document, sections
 * 7 and 8): the MacroVector method. A vector falls into one MacroVector
 * (equivalence sets EQ1..EQ6, Tables 24-29), whose score comes from the
 * lookup table; the score then moves towards the next lower MacroVectors
 * in proportion to the vector's severity distance from the highest
 * vector of its MacroVector. The arithmetic here is exact: every
 * quantity is a whole number of tenths or a ratio of such numbers. */
#include <stdint.h>

#include "risk/cvss_int.h"

enum {
	AV, AC, AT, PR, UI, VC, VI, VA, SC, SI, SA,
	E,
	CR, IR, AR,
	MAV, MAC, MAT, MPR, MUI, MVC, MVI, MVA, MSC, MSI, MSA,
	S, AU, R, V, RE, U,
	N_METRICS
};
_Static_assert(N_METRICS == YM_CVSS_MAX_METRICS, "v4.0 metric count");

#define B YM_CVSS_G_BASE
#define T YM_CVSS_G_TEMPORAL
#define N YM_CVSS_G_ENVIRONMENTAL
#define P YM_CVSS_G_SUPPLEMENTAL

/* Table 23, whose order the vector string must follow. Optional metrics
 * list "X" first, so a modified value minus one is the base value (MSI
 * and MSA add "S", index 4 of the base scale). */
static const ym_cvss_mdef metrics[N_METRICS] = {
	[AV] = YM_CVSS_M("AV", B, 0, "N", "A", "L", "P"),
	[AC] = YM_CVSS_M("AC", B, 0, "L", "H"),
	[AT] = YM_CVSS_M("AT", B, 0, "N", "P"),
	[PR] = YM_CVSS_M("PR", B, 0, "N", "L", "H"),
	[UI] = YM_CVSS_M("UI", B, 0, "N", "P", "A"),
	[VC] = YM_CVSS_M("VC", B, 0, "H", "L", "N"),
	[VI] = YM_CVSS_M("VI", B, 0, "H", "L", "N"),
	[VA] = YM_CVSS_M("VA", B, 0, "H", "L", "N"),
	[SC] = YM_CVSS_M("SC", B, 0, "H", "L", "N"),
	[SI] = YM_CVSS_M("SI", B, 0, "H", "L", "N"),
	[SA] = YM_CVSS_M("SA", B, 0, "H", "L", "N"),
	[E] = YM_CVSS_M("E", T, 1, "X", "A", "P", "U"),
	[CR] = YM_CVSS_M("CR", N, 1, "X", "H", "M", "L"),
	[IR] = YM_CVSS_M("IR", N, 1, "X", "H", "M", "L"),
	[AR] = YM_CVSS_M("AR", N, 1, "X", "H", "M", "L"),
	[MAV] = YM_CVSS_M("MAV", N, 1, "X", "N", "A", "L", "P"),
	[MAC] = YM_CVSS_M("MAC", N, 1, "X", "L", "H"),
	[MAT] = YM_CVSS_M("MAT", N, 1, "X", "N", "P"),
	[MPR] = YM_CVSS_M("MPR", N, 1, "X", "N", "L", "H"),
	[MUI] = YM_CVSS_M("MUI", N, 1, "X", "N", "P", "A"),
	[MVC] = YM_CVSS_M("MVC", N, 1, "X", "H", "L", "N"),
	[MVI] = YM_CVSS_M("MVI", N, 1, "X", "H", "L", "N"),
	[MVA] = YM_CVSS_M("MVA", N, 1, "X", "H", "L", "N"),
	[MSC] = YM_CVSS_M("MSC", N, 1, "X", "H", "L", "N"),
	[MSI] = YM_CVSS_M("MSI", N, 1, "X", "H", "L", "N", "S"),
	[MSA] = YM_CVSS_M("MSA", N, 1, "X", "H", "L", "N", "S"),
	[S] = YM_CVSS_M("S", P, 1, "X", "N", "P"),
	[AU] = YM_CVSS_M("AU", P, 1, "X", "N", "Y"),
	[R] = YM_CVSS_M("R", P, 1, "X", "A", "U", "I"),
	[V] = YM_CVSS_M("V", P, 1, "X", "D", "C"),
	[RE] = YM_CVSS_M("RE", P, 1, "X", "L", "M", "H"),
	[U] = YM_CVSS_M("U", P, 1, "X", "Clear", "Green", "Amber", "Red"),
};

const ym_cvss_vdef ym_cvss40_def = {
	.m = metrics, .n = N_METRICS, .ordered = true,
	.prefix = "CVSS:4.0/"};

/* MacroVector scores in tenths, indexed by macro_index(eq1..eq6); the
 * data of the FIRST calculator's lookup table (cvss_lookup.js). NO marks
 * the combinations that cannot occur (EQ3 2 with EQ6 0). */
#define NO 255
static const uint8_t lookup[3 * 2 * 3 * 3 * 3 * 2] = {
	100, 99, 98, 95, 95, 92, 100, 96, 93, 87, 91, 81, 93, 90, 89, 80, 81,
	68, 98, 95, 95, 92, 90, 84, 93, 92, 89, 81, 81, 65, 88, 80, 78, 70,
	69, 48, NO, 92, NO, 82, NO, 72, NO, 79, NO, 69, NO, 50, NO, 69, NO,
	55, NO, 27, 99, 97, 95, 92, 92, 85, 95, 91, 90, 83, 84, 71, 92, 81,
	82, 71, 72, 53, 95, 93, 92, 85, 85, 73, 92, 82, 80, 72, 70, 59, 84,
	70, 71, 52, 50, 30, NO, 86, NO, 75, NO, 52, NO, 71, NO, 52, NO, 29,
	NO, 63, NO, 29, NO, 17, 98, 95, 94, 87, 91, 81, 94, 89, 86, 74, 77,
	64, 87, 75, 74, 63, 63, 49, 94, 89, 88, 77, 76, 67, 86, 76, 74, 58,
	59, 50, 72, 57, 57, 52, 52, 25, NO, 83, NO, 70, NO, 54, NO, 65, NO,
	58, NO, 26, NO, 53, NO, 21, NO, 13, 95, 90, 88, 76, 76, 70, 90, 77,
	75, 62, 61, 53, 77, 66, 68, 59, 52, 30, 89, 78, 76, 67, 62, 58, 74,
	59, 57, 57, 47, 23, 61, 52, 57, 29, 24, 16, NO, 71, NO, 59, NO, 30,
	NO, 58, NO, 26, NO, 15, NO, 23, NO, 13, NO, 6, 93, 87, 86, 72, 75,
	58, 86, 74, 74, 61, 56, 34, 70, 54, 52, 40, 40, 22, 85, 75, 74, 55,
	62, 51, 72, 57, 55, 41, 46, 19, 53, 36, 34, 19, 19, 8, NO, 64, NO,
	51, NO, 20, NO, 47, NO, 21, NO, 11, NO, 24, NO, 9, NO, 4, 88, 75, 73,
	53, 60, 50, 73, 55, 59, 40, 41, 20, 54, 43, 45, 22, 20, 11, 75, 55,
	58, 45, 40, 21, 61, 51, 48, 18, 20, 9, 46, 18, 17, 7, 8, 2, NO, 53,
	NO, 24, NO, 14, NO, 24, NO, 12, NO, 5, NO, 10, NO, 3, NO, 1,
};

static unsigned macro_index(const unsigned eq[6])
{
	return ((((eq[0] * 2 + eq[1]) * 3 + eq[2]) * 3 + eq[3]) * 3 +
		eq[4]) * 2 + eq[5];
}

/* Out-of-range levels (the next lower of the lowest) give NO. */
static unsigned macro_score(unsigned e1, unsigned e2, unsigned e3,
			    unsigned e4, unsigned e5, unsigned e6)
{
	if (e1 > 2 || e2 > 1 || e3 > 2 || e4 > 2 || e5 > 2 || e6 > 1)
		return NO;
	unsigned eq[6] = {e1, e2, e3, e4, e5, e6};
	return lookup[macro_index(eq)];
}

/* Highest-severity vectors of each EQ level (the FIRST calculator's
 * max_composed data), as severity levels of the metrics they fix. */
typedef struct max_vec {
	uint8_t n;          /* vectors in lv */
	uint8_t lv[5][6];   /* levels, metric order of the EQ below */
} max_vec;

/* EQ1: AV, PR, UI */
static const max_vec max_eq1[3] = {
	{1, {{0, 0, 0}}},
	{3, {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}},
	{2, {{3, 0, 0}, {1, 1, 1}}},
};
/* EQ2: AC, AT */
static const max_vec max_eq2[2] = {
	{1, {{0, 0}}},
	{2, {{1, 0}, {0, 1}}},
};
/* EQ3 x EQ6: VC, VI, VA, CR, IR, AR */
static const max_vec max_eq36[3][2] = {
	{{1, {{0, 0, 0, 0, 0, 0}}},
	 {2, {{0, 0, 1, 1, 1, 0}, {0, 0, 0, 1, 1, 1}}}},
	{{2, {{1, 0, 0, 0, 0, 0}, {0, 1, 0, 0, 0, 0}}},
	 {5, {{1, 0, 1, 0, 1, 0}, {1, 0, 0, 0, 1, 1}, {0, 1, 0, 1, 0, 1},
	      {0, 1, 1, 1, 0, 0}, {1, 1, 0, 0, 0, 1}}}},
	{{0, {{0}}},
	 {1, {{1, 1, 1, 0, 0, 0}}}},
};
/* EQ4: SC, SI, SA */
static const max_vec max_eq4[3] = {
	{1, {{1, 0, 0}}},
	{1, {{1, 1, 1}}},
	{1, {{2, 2, 2}}},
};

/* Severity depth of each EQ level in tenths (max_severity data). */
static const uint8_t depth_eq1[3] = {1, 4, 5};
static const uint8_t depth_eq2[2] = {1, 2};
static const uint8_t depth_eq36[3][2] = {{7, 6}, {8, 8}, {0, 10}};
static const uint8_t depth_eq4[3] = {6, 5, 4};
static const uint8_t depth_eq5[3] = {1, 1, 1};

/* Distance of lv[0..n) from the first max vector of mv it does not
 * exceed (every metric at least as far from the top), or -1. */
static int distance(const max_vec *mv, const uint8_t *lv, unsigned n)
{
	for (unsigned k = 0; k < mv->n; k++) {
		int d = 0;
		unsigned j;
		for (j = 0; j < n; j++) {
			int dj = (int)lv[j] - (int)mv->lv[k][j];
			if (dj < 0)
				break;
			d += dj;
		}
		if (j == n)
			return d;
	}
	return -1;
}

/* effective value index: the modified metric unless X/absent */
static unsigned eff(const uint8_t *v, int base, int mod, bool env)
{
	return env && v[mod] > 1 ? v[mod] - 1u : v[base];
}

/* Requirement index H=1, M=2, L=3 (X and absent are H). */
static unsigned req(const uint8_t *v, int m, bool env)
{
	return env && v[m] > 1 ? v[m] - 1u : 1u;
}

/* Score in tenths, with the threat and environmental groups applied or
 * left at their defaults. */
static unsigned score(const uint8_t *v, bool threat, bool env)
{
	/* value indexes (1-based, base scales) */
	unsigned av = eff(v, AV, MAV, env), ac = eff(v, AC, MAC, env);
	unsigned at = eff(v, AT, MAT, env), pr = eff(v, PR, MPR, env);
	unsigned ui = eff(v, UI, MUI, env);
	unsigned vc = eff(v, VC, MVC, env), vi = eff(v, VI, MVI, env);
	unsigned va = eff(v, VA, MVA, env);
	unsigned sc = eff(v, SC, MSC, env), si = eff(v, SI, MSI, env);
	unsigned sa = eff(v, SA, MSA, env);
	unsigned cr = req(v, CR, env), ir = req(v, IR, env);
	unsigned ar = req(v, AR, env);
	enum { H_ = 1, L_ = 2, N_ = 3, S_ = 4 }; /* C/I/A scales */

	if (vc == N_ && vi == N_ && va == N_ && sc == N_ && si == N_ &&
	    sa == N_)
		return 0;

	unsigned eq[6];
	/* Table 24 (AV, PR, UI: index 1 is N; AV index 4 is P) */
	if (av == 1 && pr == 1 && ui == 1)
		eq[0] = 0;
	else if ((av == 1 || pr == 1 || ui == 1) && av != 4)
		eq[0] = 1;
	else
		eq[0] = 2;
	/* Table 25 */
	eq[1] = ac == 1 && at == 1 ? 0 : 1;
	/* Table 26 */
	if (vc == H_ && vi == H_)
		eq[2] = 0;
	else if (vc == H_ || vi == H_ || va == H_)
		eq[2] = 1;
	else
		eq[2] = 2;
	/* Table 27 */
	if (si == S_ || sa == S_)
		eq[3] = 0;
	else if (sc == H_ || si == H_ || sa == H_)
		eq[3] = 1;
	else
		eq[3] = 2;
	/* Table 28: X is A */
	eq[4] = threat && v[E] > 1 ? v[E] - 2u : 0;
	/* Table 29 */
	eq[5] = (cr == 1 && vc == H_) || (ir == 1 && vi == H_) ||
				(ar == 1 && va == H_)
			? 0
			: 1;

	unsigned value = lookup[macro_index(eq)];

	/* next lower MacroVector per EQ (EQ3 and EQ6 move together) */
	unsigned nx[5];
	nx[0] = macro_score(eq[0] + 1, eq[1], eq[2], eq[3], eq[4], eq[5]);
	nx[1] = macro_score(eq[0], eq[1] + 1, eq[2], eq[3], eq[4], eq[5]);
	if (eq[2] == 0 && eq[5] == 0) {
		unsigned l = macro_score(eq[0], eq[1], 0, eq[3], eq[4], 1);
		unsigned r = macro_score(eq[0], eq[1], 1, eq[3], eq[4], 0);
		nx[2] = l > r ? l : r;
	} else if (eq[5] == 0) { /* EQ3 1: EQ6 goes down */
		nx[2] = macro_score(eq[0], eq[1], eq[2], eq[3], eq[4], 1);
	} else {
		nx[2] = macro_score(eq[0], eq[1], eq[2] + 1, eq[3], eq[4], 1);
	}
	nx[3] = macro_score(eq[0], eq[1], eq[2], eq[3] + 1, eq[4], eq[5]);
	nx[4] = macro_score(eq[0], eq[1], eq[2], eq[3], eq[4] + 1, eq[5]);

	/* severity levels in tenths */
	uint8_t l1[3] = {(uint8_t)(av - 1), (uint8_t)(pr - 1),
			 (uint8_t)(ui - 1)};
	uint8_t l2[2] = {(uint8_t)(ac - 1), (uint8_t)(at - 1)};
	uint8_t l36[6] = {(uint8_t)(vc - 1), (uint8_t)(vi - 1),
			  (uint8_t)(va - 1), (uint8_t)(cr - 1),
			  (uint8_t)(ir - 1), (uint8_t)(ar - 1)};
	uint8_t l4[3] = {(uint8_t)sc, (uint8_t)(si == S_ ? 0 : si),
			 (uint8_t)(sa == S_ ? 0 : sa)};
	int dist[5] = {
		distance(&max_eq1[eq[0]], l1, 3),
		distance(&max_eq2[eq[1]], l2, 2),
		distance(&max_eq36[eq[2]][eq[5]], l36, 6),
		distance(&max_eq4[eq[3]], l4, 3),
		0,
	};
	unsigned depth[5] = {depth_eq1[eq[0]], depth_eq2[eq[1]],
			     depth_eq36[eq[2]][eq[5]], depth_eq4[eq[3]],
			     depth_eq5[eq[4]]};

	/* mean over the EQs that have a lower MacroVector of
	 * (value - next) * distance / depth, exactly: every depth divides
	 * 2520, so the sum is kept in units of 1/2520 tenth. */
	int64_t sum = 0;
	int n = 0;
	for (int i = 0; i < 5; i++) {
		if (nx[i] == NO)
			continue;
		n++;
		if (dist[i] < 0) /* cannot happen with the spec's data */
			dist[i] = 0;
		sum += ((int64_t)value - nx[i]) * dist[i] * (2520 / depth[i]);
	}
	if (n == 0)
		return value;
	int64_t den = 2520 * (int64_t)n;
	int64_t num = (int64_t)value * den - sum; /* score * den, tenths */
	if (num <= 0)
		return 0;
	int64_t r = (2 * num + den) / (2 * den); /* half up */
	return r > 100 ? 100 : (unsigned)r;
}

static bool any_set(const uint8_t *v, int from, int to)
{
	for (int i = from; i <= to; i++)
		if (v[i] > 1)
			return true;
	return false;
}

void ym_cvss4_score(const ym_cvss *c, ym_cvss_scores *s)
{
	const uint8_t *v = c->v;
	bool threat = v[E] > 1;
	bool env = any_set(v, CR, MSA);
	unsigned b = score(v, false, false);
	unsigned bt = threat ? score(v, true, false) : b;
	unsigned bte = env ? score(v, true, true) : bt;
	s->base = b / 10.0;
	s->temporal = bt / 10.0;
	s->environmental = bte / 10.0;
	s->overall = s->environmental;
}
