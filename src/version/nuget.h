/* nuget.h - NuGet package versions and version ranges.
 *
 * Internal to src/version/; other modules use version.h. A parsed version
 * points into the text it was parsed from (no copies, no allocation), so
 * the text must outlive it. Numbers of any length compare exactly. The
 * rules are in nuget.c and docs/versions.md.
 */
#ifndef YM_VERSION_NUGET_H
#define YM_VERSION_NUGET_H

#include <stdbool.h>
#include <stddef.h>

#include "version/version.h"

typedef struct ym_nuget_num {
	const char *p; /* decimal digits, leading zeros stripped ("0") */
	size_t n;
} ym_nuget_num;

typedef struct ym_nuget {
	ym_nuget_num part[4]; /* major, minor, patch, revision; "0" if absent */
	const char *pre;      /* release labels after '-', dot-separated; */
	size_t pre_len;       /* pre_len 0 when there are none */
	const char *meta;     /* build metadata after '+' (ignored by cmp) */
	size_t meta_len;
} ym_nuget;

/* Parses s[0..len) as NuGet does (NuGetVersion.TryParse): 1 to 4 numbers,
 * optional "-labels" and "+metadata", surrounding blanks allowed. Returns
 * 0, or -1 with *syn (may be NULL) set. */
int ym_nuget_parse(const char *s, size_t len, ym_nuget *out,
		   ym_version_syntax *syn);

/* NuGet's default version order (metadata ignored): -1, 0 or 1. */
int ym_nuget_cmp(const ym_nuget *a, const ym_nuget *b);

/* NuGet range range[0..len): "[1.0,2.0)", "(1.0,)", "(,1.0]", "[1.0]",
 * or a bare "1.0", which NuGet reads as ">= 1.0". v == NULL only checks
 * the syntax. Returns 0 with *out set, or -1 with *syn set. */
int ym_nuget_range_contains(const char *range, size_t len, const ym_nuget *v,
			    bool *out, ym_version_syntax *syn);

#endif
