/* cargo.h - Cargo (crates.io) versions and version requirements.
 *
 * Internal to src/version/; other modules use version.h. Versions are
 * strict SemVer 2.0.0 (semver.h does the work); a parsed version points
 * into its text, which must outlive it. Numbers of any length compare
 * exactly.
 */
#ifndef YM_VERSION_CARGO_H
#define YM_VERSION_CARGO_H

#include <stdbool.h>
#include <stddef.h>

#include "version/semver.h"
#include "version/version.h"

/* Most comparators in one requirement, as in the semver crate. */
#define YM_CARGO_MAX_COMPARATORS 32

typedef struct ym_cargo {
	ym_semver sv;
} ym_cargo;

/* Parses s[0..len) as a strict SemVer 2.0.0 version (no "v", no blanks,
 * no leading zeros). Returns 0, or -1 with *syn (may be NULL) set. */
int ym_cargo_parse(const char *s, size_t len, ym_cargo *out,
		   ym_version_syntax *syn);

/* SemVer precedence (build metadata ignored): -1, 0 or 1. */
int ym_cargo_cmp(const ym_cargo *a, const ym_cargo *b);

/* Cargo requirement range[0..len) ("1.2", "^1.2.3", "~1", ">=1.2, <2",
 * "1.*", "*"), evaluated as the semver crate's VersionReq::matches,
 * including its prerelease rule. v == NULL only checks the syntax.
 * Returns 0 with *out set, or -1 with *syn set. */
int ym_cargo_range_contains(const char *range, size_t len,
			    const ym_cargo *v, bool *out,
			    ym_version_syntax *syn);

#endif
