/* apk.h - Alpine Linux (apk-tools) package versions and comparator lists.
 *
 * Internal to src/version/; other modules use version.h. A parsed version
 * points into its text (no copies, no allocation), so the text must
 * outlive it. apk.c gives the rules; docs/versions.md the choices.
 */
#ifndef YM_VERSION_APK_H
#define YM_VERSION_APK_H

#include <stdbool.h>
#include <stddef.h>

#include "version/version.h"

/* A version that apk-tools' apk_version_validate() accepts (and digits
 * right after the letter, see apk.c):
 * number{.number}[letter]{_suffix[number]}[~hash][-rN]. Comparison walks
 * the text again, as apk does, so nothing else is stored. */
typedef struct ym_apk {
	const char *s;
	size_t len;
} ym_apk;

/* Returns 0, or -1 with *syn (may be NULL) set. */
int ym_apk_parse(const char *s, size_t len, ym_apk *out,
		 ym_version_syntax *syn);

/* apk-tools' ordering (apk_version_compare): -1, 0 or 1. */
int ym_apk_cmp(const ym_apk *a, const ym_apk *b);

/* Comma-separated comparators, all of which must hold: ">=1.2_rc1,
 * <1.3". Operators < <= = >= > and apk's fuzzy ones: ~ (also ~=) matches
 * versions that start with the bound's tokens ("~1.2" holds for 1.2,
 * 1.2.5-r1 and 1.2_rc1, not for 1.20), <~ and >~ are < and > or fuzzy
 * equal; a missing operator is =. v == NULL only checks the syntax.
 * Returns 0 with *out set, or -1 with *syn set. */
int ym_apk_range_contains(const char *range, size_t len, const ym_apk *v,
			  bool *out, ym_version_syntax *syn);

#endif
