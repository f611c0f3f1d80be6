/* cvss_int.h - private to src/risk/cvss*.c: the per-version metric tables
 * the generic parser in cvss.c walks, and the per-version scorers. */
#ifndef YM_RISK_CVSS_INT_H
#define YM_RISK_CVSS_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "risk/cvss.h"

#define YM_CVSS_MAX_VALUES 6

typedef struct ym_cvss_mdef {
	char name[4];      /* abbreviation, NUL-terminated */
	uint8_t name_len;
	uint8_t group;     /* one YM_CVSS_G_* bit */
	uint8_t nval;
	/* value names; an optional metric's "X" / "ND" (not defined) is
	 * the one at index undef - 1 */
	uint8_t undef;     /* 1-based index of the not-defined value, 0 none */
	const char *val[YM_CVSS_MAX_VALUES];
} ym_cvss_mdef;

typedef struct ym_cvss_vdef {
	const ym_cvss_mdef *m;
	uint8_t n;       /* metrics in m */
	bool ordered;    /* the spec fixes the order of the metrics */
	const char *prefix; /* "CVSS:3.1/", "" for v2 */
} ym_cvss_vdef;

extern const ym_cvss_vdef ym_cvss2_def, ym_cvss30_def, ym_cvss31_def,
	ym_cvss40_def;

/* The general parser alone, without the fast path that
 * ym_cvss_parsen tries first; for tests, which check that both agree. */
int ym_cvss_parsen_ref(const char *s, size_t len, ym_cvss *out,
		       ym_err *err);

/* Scorers: fill base, temporal, environmental, overall (severity and
 * nomenclature are set by ym_cvss_score). They use tables that the init
 * functions fill, once, before the first parse or score (cvss.c). */
void ym_cvss2_init(void);
void ym_cvss3_init(void);
void ym_cvss2_score(const ym_cvss *c, ym_cvss_scores *s);
void ym_cvss3_score(const ym_cvss *c, ym_cvss_scores *s);
void ym_cvss4_score(const ym_cvss *c, ym_cvss_scores *s);

/* Shorthand for a metric entry in the tables. */
#define YM_CVSS_M(nm, grp, und, ...)                                      \
	{                                                                 \
		.name = nm, .name_len = sizeof(nm) - 1, .group = grp,     \
		.undef = und,                                             \
		.nval = sizeof((const char *[]){__VA_ARGS__}) /           \
			sizeof(const char *),                             \
		.val = {__VA_ARGS__}                                      \
	}

#endif
