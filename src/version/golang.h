/* golang.h - Go module versions and comparator-set ranges.
 *
 * Internal to src/version/; other modules use version.h. A parsed version
 * points into its text (no copies, no allocation), which must outlive
 * it. Numbers of any length compare exactly.
 */
#ifndef YM_VERSION_GOLANG_H
#define YM_VERSION_GOLANG_H

#include <stdbool.h>
#include <stddef.h>

#include "version/semver.h"
#include "version/version.h"

typedef struct ym_golang {
	ym_semver sv;  /* shorthands filled in: v1.2 has patch "0" */
	bool v_prefix; /* written with the leading "v" */
	bool shorthand; /* vMAJOR or vMAJOR.MINOR */
} ym_golang;

/* Parses s[0..len): "v" (optional, for OSV's Go versions) followed by a
 * SemVer 2.0.0 version, or by MAJOR or MAJOR.MINOR alone, as
 * golang.org/x/mod/semver accepts. Returns 0, or -1 with *syn (may be
 * NULL) set. */
int ym_golang_parse(const char *s, size_t len, ym_golang *out,
		    ym_version_syntax *syn);

/* SemVer precedence (golang.org/x/mod/semver.Compare): -1, 0 or 1. */
int ym_golang_cmp(const ym_golang *a, const ym_golang *b);

/* range[0..len): comparator sets joined by "||"; in a set, comparators
 * (">=v1.2.0", "<1.3", "=v1.0.0", or a bare version meaning "=")
 * separated by blanks or commas. v == NULL only checks the syntax.
 * Returns 0 with *out set, or -1 with *syn set. */
int ym_golang_range_contains(const char *range, size_t len,
			     const ym_golang *v, bool *out,
			     ym_version_syntax *syn);

#endif
