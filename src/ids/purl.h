/* purl.h - Package URL (purl) parsing, normalisation and formatting.
 *
 * pkg:type/namespace/name@version?qualifiers#subpath
 * Components are percent-decoded on parse and encoded on format. Results
 * live in the caller's arena. Type-specific normalisation (lower-casing
 * where the type's registry is case-insensitive, PyPI name rules) is
 * applied on parse so that equal packages compare equal.
 */
#ifndef YM_IDS_PURL_H
#define YM_IDS_PURL_H

#include <stddef.h>

#include "core/arena.h"
#include "core/err.h"

typedef struct ym_purl_qualifier {
	const char *key;   /* lower-case */
	const char *value; /* decoded */
} ym_purl_qualifier;

typedef struct ym_purl {
	const char *type;      /* lower-case, e.g. "npm" */
	const char *namespace_; /* decoded, segments joined by '/', or NULL */
	const char *name;      /* decoded */
	const char *version;   /* decoded, or NULL */
	ym_purl_qualifier *qualifiers; /* sorted by key */
	size_t n_qualifiers;
	const char *subpath;   /* decoded, or NULL */
} ym_purl;

/* Parses s; on error returns YM_E_INVALID with a message naming the part
 * ("purl 'npm/x': missing 'pkg:' scheme"). */
int ym_purl_parse(const char *s, ym_arena *a, ym_purl *out, ym_err *err);
/* Canonical string form. */
const char *ym_purl_format(const ym_purl *p, ym_arena *a);
/* Same without version, qualifiers and subpath: the package identity. */
const char *ym_purl_package(const ym_purl *p, ym_arena *a);

/* The key used to match a package across sources: the type-normalised
 * "namespace/name" (or "name"), e.g. "@babel/traverse", "pyyaml". */
const char *ym_pkg_key(const char *type, const char *namespace_,
		       const char *name, ym_arena *a);
/* purl type for an OSV ecosystem name ("PyPI" -> "pypi"), NULL if none
 * is known. */
const char *ym_purl_type_for_ecosystem(const char *ecosystem);
/* Package key for an ecosystem's own package name, e.g. npm
 * "@babel/traverse" or PyPI "PyYAML" -> "pyyaml". */
const char *ym_pkg_key_for_ecosystem(const char *ecosystem,
				     const char *name, ym_arena *a);

#endif
