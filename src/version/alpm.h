/* alpm.h - Arch Linux package versions (pacman's alpm_pkg_vercmp).
 *
 * Internal to src/version/; other modules use version.h. A parsed version
 * points into its text. Note: pacman's comparison is not a total order
 * (a version without a release equals every release of it), which
 * yamori keeps so that answers match pacman; docs/versions.md says more.
 */
#ifndef YM_VERSION_ALPM_H
#define YM_VERSION_ALPM_H

#include <stdbool.h>
#include <stddef.h>

#include "version/version.h"

typedef struct ym_alpm {
	const char *epoch;   /* digits before ':'; NULL when absent (= 0) */
	size_t epoch_len;
	const char *version; /* never empty */
	size_t version_len;
	const char *release; /* after the last '-', NULL when absent */
	size_t release_len;
} ym_alpm;

/* Parses s[0..len) as pacman splits [epoch:]version[-release]. Returns 0,
 * or -1 with *syn (may be NULL) set. */
int ym_alpm_parse(const char *s, size_t len, ym_alpm *out,
		  ym_version_syntax *syn);
/* alpm_pkg_vercmp: -1, 0 or 1. */
int ym_alpm_cmp(const ym_alpm *a, const ym_alpm *b);
/* Comma-separated comparators "< <= = >= >" (none meaning =), all of
 * which must hold. v == NULL only checks the syntax. */
int ym_alpm_range_contains(const char *range, size_t len, const ym_alpm *v,
			   bool *out, ym_version_syntax *syn);

#endif
