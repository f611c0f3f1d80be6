/* pub.h - Dart pub versions (pub_semver) and pub version constraints.
 *
 * Internal to src/version/; other modules use version.h. A parsed version
 * points into the text it was parsed from (no copies, no allocation), so
 * the text must outlive it. Numbers of any length compare exactly. The
 * rules are in pub.c and docs/versions.md.
 */
#ifndef YM_VERSION_PUB_H
#define YM_VERSION_PUB_H

#include <stdbool.h>
#include <stddef.h>

#include "version/version.h"

/* pub versions have three release numbers; up to this many are accepted
 * (more are rejected, not truncated). */
#define YM_PUB_MAX_REL 8

typedef struct ym_pub_num {
	const char *p; /* digits without leading zeros */
	size_t n;
	bool inc;      /* value is p + 1 (bounds such as ^1.2.3's 2.0.0) */
} ym_pub_num;

typedef struct ym_pub {
	unsigned nrel;
	ym_pub_num rel[YM_PUB_MAX_REL];
	const char *pre;   /* dot-separated identifiers after '-'; */
	size_t pre_len;    /* pre_len 0 when there is no pre-release */
	const char *build; /* the same after '+' */
	size_t build_len;
} ym_pub;

/* Parses s[0..len). Returns 0, or -1 with *syn (may be NULL) set. */
int ym_pub_parse(const char *s, size_t len, ym_pub *out,
		 ym_version_syntax *syn);

/* pub_semver's Version.compareTo: -1, 0 or 1. */
int ym_pub_cmp(const ym_pub *a, const ym_pub *b);

/* pub constraint range[0..len) (">=1.2.3 <2.0.0", "^1.2.3", "any"), as
 * VersionConstraint.parse() and allows(). v == NULL only checks the
 * syntax. Returns 0 with *out set, or -1 with *syn set. */
int ym_pub_range_contains(const char *range, size_t len, const ym_pub *v,
			  bool *out, ym_version_syntax *syn);

#endif
