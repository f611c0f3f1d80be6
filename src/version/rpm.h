/* rpm.h - RPM versions ([epoch:]version[-release]) and comparator lists.
 *
 * Internal to src/version/; other modules use version.h. A parsed version
 * points into its text (no copies, no allocation), so the text must
 * outlive it. rpm.c gives the rules; docs/versions.md the choices.
 */
#ifndef YM_VERSION_RPM_H
#define YM_VERSION_RPM_H

#include <stdbool.h>
#include <stddef.h>

#include "version/version.h"

typedef struct ym_rpm {
	const char *epoch;   /* digits (may be empty = 0); NULL if absent */
	size_t epoch_len;
	const char *version; /* never empty */
	size_t version_len;
	const char *release; /* after the last '-' (may be empty); NULL */
	size_t release_len;  /* when there is no '-' */
} ym_rpm;

/* Parses s[0..len) the way rpm splits an EVR string. Returns 0, or -1
 * with *syn (may be NULL) set. */
int ym_rpm_parse(const char *s, size_t len, ym_rpm *out,
		 ym_version_syntax *syn);

/* rpm's rpmverCmp(): epoch (absent = 0), version, release (absent below
 * any release), each compared with rpmvercmp(). -1, 0 or 1. */
int ym_rpm_cmp(const ym_rpm *a, const ym_rpm *b);

/* rpmvercmp() itself on two strings of any bytes ('~' sorts below
 * everything, '^' above only the end). -1, 0 or 1. */
int ym_rpm_vercmp(const char *a, size_t an, const char *b, size_t bn);

/* Comma-separated comparators, all of which must hold:
 * "> 1.0-1, < 2:0". Operators < <= = >= > (also =< == =>, as rpm reads
 * them; none means =). A bound without a release ignores the version's
 * release, as rpm's dependency matching does (rpm.c). v == NULL only
 * checks the syntax. Returns 0 with *out set, or -1 with *syn set. */
int ym_rpm_range_contains(const char *range, size_t len, const ym_rpm *v,
			  bool *out, ym_version_syntax *syn);

#endif
