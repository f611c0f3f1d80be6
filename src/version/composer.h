/* composer.h - Packagist (Composer) versions and Composer constraints.
 *
 * Internal to src/version/; other modules use version.h. A parsed version
 * points into the text it was parsed from (no copies, no allocation), so
 * the text must outlive it. Numbers of any length compare exactly. The
 * rules are in composer.c and docs/versions.md.
 */
#ifndef YM_VERSION_COMPOSER_H
#define YM_VERSION_COMPOSER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "version/version.h"

/* Longer versions are rejected, not truncated. */
#define YM_COMPOSER_MAX_PARTS 32

/* One run of digits or letters. */
typedef struct ym_composer_part {
	uint32_t off;  /* into s; numbers without their leading zeros */
	uint32_t len;
	int8_t rank;   /* the class the run sorts in (composer.c) */
} ym_composer_part;

typedef struct ym_composer {
	const char *s; /* the whole text (constraints normalise it again) */
	size_t len;
	unsigned n;
	ym_composer_part part[YM_COMPOSER_MAX_PARTS];
} ym_composer;

/* Parses s[0..len). Returns 0, or -1 with *syn (may be NULL) set. */
int ym_composer_parse(const char *s, size_t len, ym_composer *out,
		      ym_version_syntax *syn);

/* PHP version_compare() order (see composer.c): -1, 0 or 1. */
int ym_composer_cmp(const ym_composer *a, const ym_composer *b);

/* Composer constraint range[0..len) ("^1.2 || >=2.0,<2.3"), evaluated as
 * composer/semver's Semver::satisfies(). v == NULL only checks the
 * syntax. Returns 0 with *out set, or -1 with *syn set. */
int ym_composer_range_contains(const char *range, size_t len,
			       const ym_composer *v, bool *out,
			       ym_version_syntax *syn);

#endif
