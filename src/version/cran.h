/* cran.h - R package versions (package_version) and comparator lists.
 *
 * Internal to src/version/; other modules use version.h. A parsed version
 * points into the text it was parsed from (no copies, no allocation), so
 * the text must outlive it. Numbers of any length compare exactly. The
 * rules are in cran.c and docs/versions.md.
 */
#ifndef YM_VERSION_CRAN_H
#define YM_VERSION_CRAN_H

#include <stdbool.h>
#include <stddef.h>

#include "version/version.h"

typedef struct ym_cran {
	const char *s; /* the validated text: numbers separated by . or - */
	size_t len;
} ym_cran;

/* Parses s[0..len). Returns 0, or -1 with *syn (may be NULL) set. */
int ym_cran_parse(const char *s, size_t len, ym_cran *out,
		  ym_version_syntax *syn);

/* Component-wise by value, a prefix first: -1, 0 or 1. */
int ym_cran_cmp(const ym_cran *a, const ym_cran *b);

/* Comparator list range[0..len) (">= 1.2, < 2.0"). v == NULL only checks
 * the syntax. Returns 0 with *out set, or -1 with *syn set. */
int ym_cran_range_contains(const char *range, size_t len, const ym_cran *v,
			   bool *out, ym_version_syntax *syn);

#endif
