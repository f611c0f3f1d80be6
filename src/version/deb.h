/* deb.h - Debian package versions and Debian relation lists.
 *
 * Internal to src/version/; other modules use version.h. A parsed version
 * points into its text (no copies, no allocation), so the text must
 * outlive it. The rules are dpkg's (Debian Policy 5.6.12); deb.c says
 * which forms are accepted and docs/versions.md lists the choices.
 */
#ifndef YM_VERSION_DEB_H
#define YM_VERSION_DEB_H

#include <stdbool.h>
#include <stddef.h>

#include "version/version.h"

typedef struct ym_deb {
	unsigned epoch;       /* 0 when absent; at most INT_MAX, as dpkg */
	const char *upstream; /* never empty */
	size_t upstream_len;
	const char *revision; /* after the last '-'; length 0 when absent */
	size_t revision_len;
	/* NULL, or the N_() text of the first thing dpkg only warns about
	 * ("version number does not start with digit", an invalid
	 * character); such versions are still accepted and compared, as
	 * `dpkg --compare-versions` does. warn_pos is its byte position. */
	const char *warn;
	size_t warn_pos;
} ym_deb;

/* Parses s[0..len) as dpkg's parseversion() does, leading and trailing
 * blanks (space, tab) allowed. Returns 0, or -1 with *syn (may be NULL)
 * set; positions count from s. */
int ym_deb_parse(const char *s, size_t len, ym_deb *out,
		 ym_version_syntax *syn);

/* dpkg's ordering: epoch, then upstream and revision with the dpkg
 * algorithm ('~' below everything, even the end; letters below other
 * characters; digit runs by value). -1, 0 or 1. */
int ym_deb_cmp(const ym_deb *a, const ym_deb *b);

/* Comma-separated relations, all of which must hold:
 * "<< 2.0, >= 1:1.0-1". Operators << <= = >= >> (a missing operator is
 * =; the obsolete < and > are rejected), each relation optionally in
 * parentheses as in control files. v == NULL only checks the syntax.
 * Returns 0 with *out set, or -1 with *syn set. */
int ym_deb_range_contains(const char *range, size_t len, const ym_deb *v,
			  bool *out, ym_version_syntax *syn);

#endif
