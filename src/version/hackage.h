/* hackage.h - Haskell package versions (Cabal) and Cabal version ranges.
 *
 * Internal to src/version/; other modules use version.h. A parsed version
 * points into the text it was parsed from (no copies, no allocation), so
 * the text must outlive it. The rules are in hackage.c and
 * docs/versions.md.
 */
#ifndef YM_VERSION_HACKAGE_H
#define YM_VERSION_HACKAGE_H

#include <stdbool.h>
#include <stddef.h>

#include "version/version.h"

typedef struct ym_hackage {
	const char *s; /* the validated text: numbers separated by dots */
	size_t len;
} ym_hackage;

/* Parses s[0..len). Returns 0, or -1 with *syn (may be NULL) set. */
int ym_hackage_parse(const char *s, size_t len, ym_hackage *out,
		     ym_version_syntax *syn);

/* Number by number, a prefix first: -1, 0 or 1. */
int ym_hackage_cmp(const ym_hackage *a, const ym_hackage *b);

/* Cabal version range range[0..len) (">=1.2 && <1.3 || ==2.*"). v == NULL
 * only checks the syntax. Returns 0 with *out set, or -1 with *syn set. */
int ym_hackage_range_contains(const char *range, size_t len,
			      const ym_hackage *v, bool *out,
			      ym_version_syntax *syn);

#endif
