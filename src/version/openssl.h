/* openssl.h - OpenSSL release versions and affected-version lists.
 *
 * Internal to src/version/; other modules use version.h. A parsed version
 * points into the text it was parsed from (no copies, no allocation), so
 * the text must outlive it. The rules are in openssl.c and
 * docs/versions.md.
 */
#ifndef YM_VERSION_OPENSSL_H
#define YM_VERSION_OPENSSL_H

#include <stdbool.h>
#include <stddef.h>

#include "version/semver.h"
#include "version/version.h"

typedef struct ym_openssl {
	bool legacy;       /* before 3.0.0: 1.0.2zc-dev */
	const char *n[3];  /* legacy numbers, without leading zeros */
	size_t n_len[3];
	const char *patch; /* legacy letters and "-suffix" after them */
	size_t patch_len;
	ym_semver sv;      /* 3.0.0 and later */
} ym_openssl;

/* Parses s[0..len). Returns 0, or -1 with *syn (may be NULL) set. */
int ym_openssl_parse(const char *s, size_t len, ym_openssl *out,
		     ym_version_syntax *syn);

/* -1, 0 or 1 (see openssl.c). */
int ym_openssl_cmp(const ym_openssl *a, const ym_openssl *b);

/* range[0..len): comma-separated alternatives, each blank-separated
 * comparators ("1.0.1b, >=1.0.2 <1.0.2k, 3.0.0"). v == NULL only checks
 * the syntax. Returns 0 with *out set, or -1 with *syn set. */
int ym_openssl_range_contains(const char *range, size_t len,
			      const ym_openssl *v, bool *out,
			      ym_version_syntax *syn);

#endif
