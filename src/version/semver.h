/* semver.h - SemVer 2.0.0 versions and node-semver ranges.
 *
 * Internal to src/version/; other modules use version.h. Parsed versions
 * point into the text they were parsed from (no copies, no allocation), so
 * the text must outlive them. Numbers of any length compare exactly.
 */
#ifndef YM_VERSION_SEMVER_H
#define YM_VERSION_SEMVER_H

#include <stdbool.h>
#include <stddef.h>

#include "version/version.h"

enum {
	/* npm (node-semver "loose"): leading v, = and blanks, leading
	 * zeros, "1.2.3beta" without the hyphen, numbers <= 2^53-1. */
	YM_SEMVER_NPM = 1 << 0,
	/* node-semver includePrerelease: ranges match prereleases without
	 * the same-tuple rule. Not reachable through version.h. */
	YM_SEMVER_INCLUDE_PRERELEASE = 1 << 1
};

typedef struct ym_semver_num {
	const char *p; /* decimal digits without leading zeros ("0" = zero) */
	size_t n;
	bool inc;      /* value is p + 1 (bounds such as <2.0.0-0 of ^1.2) */
} ym_semver_num;

typedef struct ym_semver {
	ym_semver_num major, minor, patch;
	const char *pre; /* dot-separated identifiers after '-'; pre_len 0 */
	size_t pre_len;  /* when there is no prerelease */
	const char *build;
	size_t build_len;
} ym_semver;

/* Parses s[0..len) (strict SemVer 2.0.0 unless flags has YM_SEMVER_NPM).
 * Returns 0, or -1 with *syn (may be NULL) set. */
int ym_semver_parse(const char *s, size_t len, unsigned flags, ym_semver *out,
		    ym_version_syntax *syn);

/* Precedence per SemVer 2.0.0 section 11 (build ignored): -1, 0 or 1. */
int ym_semver_cmp(const ym_semver *a, const ym_semver *b);

/* node-semver range range[0..len) (grammar per flags). v == NULL only
 * checks the syntax. Returns 0 with *out set, or -1 with *syn set. */
int ym_semver_range_contains(const char *range, size_t len, unsigned flags,
			     const ym_semver *v, bool *out,
			     ym_version_syntax *syn);

#endif
