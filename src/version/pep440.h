/* pep440.h - PEP 440 versions and specifier sets.
 *
 * Internal to src/version/; other modules use version.h. A parsed version
 * points into its text (no copies, no allocation); numbers of any length
 * compare exactly.
 */
#ifndef YM_VERSION_PEP440_H
#define YM_VERSION_PEP440_H

#include <stdbool.h>
#include <stddef.h>

#include "version/version.h"

enum {
	YM_PEP440_PRE_NONE = 0,
	YM_PEP440_PRE_A,
	YM_PEP440_PRE_B,
	YM_PEP440_PRE_RC
};

typedef struct ym_pep440_num {
	const char *p; /* decimal digits, leading zeros stripped ("0") */
	size_t n;
} ym_pep440_num;

typedef struct ym_pep440 {
	ym_pep440_num epoch;    /* "0" when absent */
	const char *rel;        /* release segment as written: "1.02.3" */
	size_t rel_len;
	size_t nrel;            /* components in it */
	int pre_kind;           /* YM_PEP440_PRE_* */
	ym_pep440_num pre;
	bool has_post;
	ym_pep440_num post;
	bool has_dev;
	ym_pep440_num dev;
	const char *local;      /* after '+', as written; NULL if none */
	size_t local_len;
} ym_pep440;

/* Parses s[0..len) (any spelling PEP 440 normalises, surrounding blanks
 * allowed). Returns 0, or -1 with *syn (may be NULL) set. */
int ym_pep440_parse(const char *s, size_t len, ym_pep440 *out,
		    ym_version_syntax *syn);

/* PEP 440 ordering (packaging's Version): -1, 0 or 1. */
int ym_pep440_cmp(const ym_pep440 *a, const ym_pep440 *b);

/* Writes the normalised form ("1.0rc1.post2+abc.5") like snprintf: at
 * most cap bytes including the NUL; returns the full length. */
size_t ym_pep440_format(const ym_pep440 *v, char *out, size_t cap);

/* Specifier set spec[0..len) against version v; vtext/vlen is the version
 * as given (for "==="). v may be NULL when vtext is not a PEP 440 version:
 * then *needs_version tells whether a specifier other than "===" (or an
 * empty set) needed one and *out is meaningless. Pre-releases always
 * match when in range (see pep440.c). Returns 0, or -1 with *syn set. */
int ym_pep440_range_contains(const char *spec, size_t len,
			     const ym_pep440 *v, const char *vtext,
			     size_t vlen, bool *out, bool *needs_version,
			     ym_version_syntax *syn);

#endif
