/* conan.h - Conan (C/C++ package manager) versions and version ranges.
 *
 * Internal to src/version/; other modules use version.h. A parsed version
 * points into the text it was parsed from (no copies, no allocation), so
 * the text must outlive it. The rules are in conan.c and
 * docs/versions.md.
 */
#ifndef YM_VERSION_CONAN_H
#define YM_VERSION_CONAN_H

#include <stdbool.h>
#include <stddef.h>

#include "version/version.h"

typedef struct ym_conan {
	const char *main;  /* dot-separated items before "-pre" and "+build" */
	size_t main_len;
	const char *pre;   /* after the last '-' of what precedes '+' */
	size_t pre_len;
	bool has_pre;      /* "1.0-" has an empty pre-release */
	const char *build; /* after the last '+' */
	size_t build_len;
	bool has_build;
} ym_conan;

/* Parses s[0..len). Returns 0, or -1 with *syn (may be NULL) set. */
int ym_conan_parse(const char *s, size_t len, ym_conan *out,
		   ym_version_syntax *syn);

/* Conan's Version order (see conan.c): -1, 0 or 1. */
int ym_conan_cmp(const ym_conan *a, const ym_conan *b);

/* Conan version range range[0..len) (">1 <2.0 || ^3.2",
 * "~1.2, include_prerelease"). v == NULL only checks the syntax. Returns
 * 0 with *out set, or -1 with *syn set. */
int ym_conan_range_contains(const char *range, size_t len,
			    const ym_conan *v, bool *out,
			    ym_version_syntax *syn);

#endif
