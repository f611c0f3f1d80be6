/* gentoo.h - Gentoo ebuild versions (PMS) and comparator lists.
 *
 * Internal to src/version/; other modules use version.h. A parsed version
 * points into the text it was parsed from (no copies, no allocation), so
 * the text must outlive it. Numbers of any length compare exactly. The
 * rules are in gentoo.c and docs/versions.md.
 */
#ifndef YM_VERSION_GENTOO_H
#define YM_VERSION_GENTOO_H

#include <stdbool.h>
#include <stddef.h>

#include "version/version.h"

typedef struct ym_gentoo {
	const char *num;  /* "1.2.3": the numeric components */
	size_t num_len;
	char letter;      /* the letter after them, '\0' if none */
	const char *suf;  /* "_alpha1_p2" (the suffixes), or NULL */
	size_t suf_len;
	const char *rev;  /* digits of "-rN", or NULL */
	size_t rev_len;
} ym_gentoo;

/* Parses s[0..len). Returns 0, or -1 with *syn (may be NULL) set. */
int ym_gentoo_parse(const char *s, size_t len, ym_gentoo *out,
		    ym_version_syntax *syn);

/* PMS version comparison: -1, 0 or 1. */
int ym_gentoo_cmp(const ym_gentoo *a, const ym_gentoo *b);

/* Comparator lists range[0..len) (">=1.2 <1.4_rc1 || ~2.0"). v == NULL
 * only checks the syntax. Returns 0 with *out set, or -1 with *syn set. */
int ym_gentoo_range_contains(const char *range, size_t len,
			     const ym_gentoo *v, bool *out,
			     ym_version_syntax *syn);

#endif
