/* version_order.h - property test of a version scheme's total order, shared
 * by the tests/unit/test_version_*.c that check one.
 *
 * check_total_order generates nv random versions the scheme parses, using
 * the public API (ym_version_parse, ym_version_cmp_parsed), and checks that
 * the order is one:
 *   - reflexive: every version equals itself;
 *   - antisymmetric: cmp(a, b) == -cmp(b, a) for every pair;
 *   - transitive on every triple of the first n_triples, if asked;
 *   - sorted with qsort, every pair is in order, equal versions form
 *     contiguous runs, and equal neighbours compare alike with every
 *     version.
 * It returns NULL, or a message naming the failing versions; the caller
 * fails the test with it (TEST_FAIL_ returns from the test function):
 *
 *   const char *why = check_total_order(YM_SCHEME_DEB, &gen, NV);
 *
 *   if (why)
 *           TEST_FAIL_("%s", why);
 *
 * The texts and versions live in static arrays here (a parsed version
 * points into its text), so one test file runs one check at a time.
 */
#ifndef YM_VERSION_ORDER_H
#define YM_VERSION_ORDER_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "version/version.h"

#define ORDER_NV_MAX 2500
#define ORDER_TEXT_MAX 160

/* How the versions are made, from seed as the initial random state:
 *   - make, if set, writes one version of fewer than text_cap bytes to out,
 *     and every version it makes must parse;
 *   - otherwise each version is, a quarter of the time, one of prefixes
 *     (an epoch, say) then 1 to max_parts of atoms, stopping at the first
 *     that would not fit in text_cap; those the scheme rejects are dropped.
 * text_cap 0 means ORDER_TEXT_MAX (also the largest allowed). */
typedef struct order_gen {
	const char *const *atoms;
	size_t n_atoms;
	const char *const *prefixes;
	size_t n_prefixes;
	unsigned max_parts;
	unsigned long long seed;
	void (*make)(char *out, size_t cap, unsigned long long *state);
	size_t text_cap;
	size_t n_triples; /* transitivity on all triples of these first */
} order_gen;

/* Random sources for generators, each advancing *s. */
static inline unsigned order_lcg(unsigned long long *s)
{
	*s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)(*s >> 33);
}

/* xorshift64, reduced to 0 .. n-1 */
static inline unsigned order_xorshift64(unsigned long long *s, unsigned n)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return (unsigned)(*s % n);
}

/* xorshift32 on the low 32 bits of *s */
static inline uint32_t order_xorshift32(unsigned long long *s)
{
	uint32_t x = (uint32_t)*s;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	*s = x;
	return x;
}

static char order_texts_[ORDER_NV_MAX][ORDER_TEXT_MAX];
static ym_version order_vers_[ORDER_NV_MAX];
static size_t order_idx_[ORDER_NV_MAX];
static char order_why_[3 * ORDER_TEXT_MAX + 128];

/* Formats the failure message: what, then the texts of up to three
 * versions (indices into order_texts_; SIZE_MAX for none). */
static inline const char *order_fail_(const char *what, size_t a, size_t b,
				      size_t c)
{
	size_t ix[3] = { a, b, c }, k, o;

	o = (size_t)snprintf(order_why_, sizeof order_why_, "%s:", what);
	for (k = 0; k < 3 && ix[k] != SIZE_MAX; k++)
		o += (size_t)snprintf(order_why_ + o, sizeof order_why_ - o,
				      " '%s'", order_texts_[ix[k]]);
	return order_why_;
}

/* One atom-built version into out, len < cap. */
static inline void order_build_(const order_gen *g, char *out, size_t cap,
				unsigned long long *seed)
{
	size_t len = 0, k, parts = 1 + order_lcg(seed) % g->max_parts;

	if (g->n_prefixes && order_lcg(seed) % 4 == 0) {
		const char *p = g->prefixes[order_lcg(seed) % g->n_prefixes];

		len = strlen(p);
		memcpy(out, p, len);
	}
	for (k = 0; k < parts; k++) {
		const char *a = g->atoms[order_lcg(seed) % g->n_atoms];
		size_t al = strlen(a);

		if (len + al >= cap)
			break;
		memcpy(out + len, a, al);
		len += al;
	}
	out[len] = '\0';
}

static inline const char *order_generate_(ym_scheme s, const order_gen *g,
					  size_t nv)
{
	unsigned long long seed = g->seed;
	size_t cap = g->text_cap ? g->text_cap : ORDER_TEXT_MAX;
	size_t n = 0, tries = 0;

	if (nv > ORDER_NV_MAX || cap > ORDER_TEXT_MAX ||
	    (!g->make && (!g->n_atoms || !g->max_parts)))
		return "check_total_order: bad generator or too many versions";
	while (n < nv) {
		char *t = order_texts_[n];

		if (++tries > 1000 * (size_t)nv)
			return "check_total_order: too few versions parse";
		if (g->make) {
			g->make(t, cap, &seed);
			if (strlen(t) >= cap)
				return order_fail_("generated text too long", n,
						   SIZE_MAX, SIZE_MAX);
		} else {
			order_build_(g, t, cap, &seed);
		}
		if (ym_version_parse(s, t, &order_vers_[n], NULL) == 0)
			n++;
		else if (g->make)
			return order_fail_("generated version rejected", n,
					   SIZE_MAX, SIZE_MAX);
	}
	return NULL;
}

static inline int order_cmp_(size_t a, size_t b)
{
	return ym_version_cmp_parsed(&order_vers_[a], &order_vers_[b]);
}

static inline int order_qcmp_(const void *a, const void *b)
{
	return order_cmp_(*(const size_t *)a, *(const size_t *)b);
}

/* Transitivity on every triple (i, j, k) of the first nt versions. */
static inline const char *order_triples_(size_t nt)
{
	size_t i, j, k;

	for (i = 0; i < nt; i++)
		for (j = 0; j < nt; j++) {
			int ab = order_cmp_(i, j);

			for (k = 0; k < nt; k++) {
				int bc = order_cmp_(j, k);
				int ac = order_cmp_(i, k);

				if ((ab <= 0 && bc <= 0 && ac > 0) ||
				    (ab == 0 && bc == 0 && ac != 0))
					return order_fail_("not transitive",
							   i, j, k);
			}
		}
	return NULL;
}

/* The sorted order_idx_: pairs in order, equal runs contiguous, equal
 * neighbours alike against every version. */
static inline const char *order_sorted_(size_t nv)
{
	const size_t *x = order_idx_;
	size_t i, j, k;

	for (i = 0; i < nv; i++)
		for (j = i + 1; j < nv; j++) {
			int c = order_cmp_(x[i], x[j]);

			if (c > 0)
				return order_fail_("sorted out of order",
						   x[i], x[j], SIZE_MAX);
			if (c == 0 && order_cmp_(x[i], x[j - 1]) != 0)
				return order_fail_("equal run not contiguous",
						   x[i], x[j - 1], x[j]);
			if (c != 0 || j != i + 1)
				continue;
			for (k = 0; k < nv; k++)
				if (order_cmp_(x[i], k) != order_cmp_(x[j], k))
					return order_fail_(
						"equal versions differ against",
						x[i], x[j], k);
		}
	return NULL;
}

static inline const char *check_total_order(ym_scheme s, const order_gen *g,
					    size_t nv)
{
	const char *why = order_generate_(s, g, nv);
	size_t i, j;

	if (why)
		return why;
	for (i = 0; i < nv; i++) {
		if (order_cmp_(i, i) != 0)
			return order_fail_("not reflexive", i, SIZE_MAX,
					   SIZE_MAX);
		for (j = i + 1; j < nv; j++)
			if (order_cmp_(i, j) != -order_cmp_(j, i))
				return order_fail_("not antisymmetric", i, j,
						   SIZE_MAX);
	}
	if (g->n_triples &&
	    (why = order_triples_(g->n_triples < nv ? g->n_triples : nv)))
		return why;
	for (i = 0; i < nv; i++)
		order_idx_[i] = i;
	qsort(order_idx_, nv, sizeof order_idx_[0], order_qcmp_);
	return order_sorted_(nv);
}

#endif
