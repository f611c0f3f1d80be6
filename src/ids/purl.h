/* purl.h - Package URL (purl) parsing, normalisation and formatting.
 *
 * pkg:type/namespace/name@version?qualifiers#subpath
 * Components are percent-decoded on parse and encoded on format. Results
 * live in the caller's arena. Type-specific normalisation (lower-casing
 * where the type's registry is case-insensitive, PyPI and pub name rules)
 * is applied on parse and build so that equal packages compare equal; the
 * rules per type are a table of facts from the purl-spec type definitions
 * (purl_types.c). docs/purl.md has the rules and where we differ from the
 * spec text and from other implementations.
 *
 * Two levels of checking:
 *  - lenient (flags 0, what ym_purl_parse does): everything the syntax
 *    allows is accepted and normalised; upper-case qualifier keys are
 *    lower-cased, a repeated key is kept (ordered by value). The type
 *    definitions' requirements (namespace required or prohibited,
 *    required qualifiers, permitted characters) are not checked, so a
 *    real-world SBOM with "pkg:golang/stdlib@go1.22" still imports.
 *  - YM_PURL_STRICT: also refuses what ECMA-427 and the type definitions
 *    say a purl must not be: upper-case or repeated qualifier keys, a
 *    missing or forbidden namespace, a missing required qualifier, a
 *    name or version outside the type's permitted characters.
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
	const char *name;      /* decoded; for git, path segments joined by
				* '/' */
	const char *version;   /* decoded, or NULL */
	ym_purl_qualifier *qualifiers; /* sorted by key */
	size_t n_qualifiers;
	const char *subpath;   /* decoded, or NULL */
} ym_purl;

/* Flags for ym_purl_parse_ex and ym_purl_build. */
#define YM_PURL_STRICT 1u

/* Parses s; on error returns YM_E_INVALID with a message naming the part
 * ("purl 'npm/x': missing 'pkg:' scheme"). Lenient (see above). */
int ym_purl_parse(const char *s, ym_arena *a, ym_purl *out, ym_err *err);
/* Same with flags (YM_PURL_STRICT). */
int ym_purl_parse_ex(const char *s, unsigned flags, ym_arena *a,
		     ym_purl *out, ym_err *err);
/* Builds a normalised purl from decoded components, as the spec's "how to
 * build": in->type and in->name are required; the namespace and subpath
 * are split on '/' (empty segments, and "." and ".." in the subpath,
 * dropped); qualifier keys are lower-cased and pairs with an empty or
 * NULL value dropped; in->qualifiers need not be sorted. Then the type's
 * normalisation and, with YM_PURL_STRICT, its checks. out is filled in
 * the arena (in is not changed); format it with ym_purl_format. Errors
 * are YM_E_INVALID ("invalid purl components: missing package type"). */
int ym_purl_build(const ym_purl *in, unsigned flags, ym_arena *a,
		  ym_purl *out, ym_err *err);
/* Canonical string form. */
const char *ym_purl_format(const ym_purl *p, ym_arena *a);
/* Same without version, qualifiers and subpath: the package identity. */
const char *ym_purl_package(const ym_purl *p, ym_arena *a);

/* The key used to match a package across sources (an SBOM's purl and an
 * OSV advisory's package name give the same key for the same package):
 * the type-normalised namespace and name joined the way the ecosystem's
 * advisories name packages, e.g. "@babel/traverse" (npm, lower-case),
 * "pyyaml" (PyPI, PEP 503), "org.apache.commons:commons-text" (Maven),
 * "github.com/gorilla/mux" (Go), "curl" (deb, rpm, apk, alpm: the
 * distribution namespace is left out). type may be NULL (name as is). */
const char *ym_pkg_key(const char *type, const char *namespace_,
		       const char *name, ym_arena *a);
/* purl type for an OSV ecosystem name ("PyPI" -> "pypi"; a ":RELEASE"
 * suffix is ignored, case is not significant), NULL if none is known. */
const char *ym_purl_type_for_ecosystem(const char *ecosystem);
/* Package key for an ecosystem's own package name, e.g. npm
 * "@babel/traverse" or PyPI "PyYAML" -> "pyyaml", Maven "g:a" -> "g:a". */
const char *ym_pkg_key_for_ecosystem(const char *ecosystem,
				     const char *name, ym_arena *a);

/* Per-type rules (purl_types.c): facts from the purl-spec type
 * definitions (types/<type>-definition.json). */
typedef enum ym_purl_requirement {
	YM_PURL_OPTIONAL,
	YM_PURL_REQUIRED,
	YM_PURL_PROHIBITED
} ym_purl_requirement;

enum {
	YM_PURL_NS_LOWER = 1u << 0,      /* namespace case-insensitive */
	YM_PURL_NS_UPPER = 1u << 1,      /* namespace "shall be uppercase" */
	YM_PURL_NAME_LOWER = 1u << 2,    /* name case-insensitive */
	YM_PURL_VERSION_LOWER = 1u << 3, /* version case-insensitive */
	YM_PURL_SUBPATH_LOWER = 1u << 4, /* subpath case-insensitive */
	YM_PURL_NAME_PATH = 1u << 5,     /* namespace is one segment (a
					  * host), the name the rest */
	YM_PURL_NAME_DASH = 1u << 6,     /* '_' in the name becomes '-' */
	YM_PURL_NAME_PUB = 1u << 7,      /* name characters outside
					  * [a-z0-9_] become '_' */
	YM_PURL_NAME_LOWER_DATABRICKS = 1u << 8 /* name lower-case when
						 * repository_url is a
						 * Databricks one */
};

typedef enum ym_purl_check {
	YM_PURL_CHECK_NONE,
	YM_PURL_CHECK_CHROME,    /* name [a-p]{32}, version 1-4 numbers */
	YM_PURL_CHECK_COCOAPODS, /* name: no space or '+', no leading '.' */
	YM_PURL_CHECK_CPAN       /* name holds no "::" */
} ym_purl_check;

typedef enum ym_purl_key_join {
	YM_PURL_KEY_PATH,  /* "namespace/name" */
	YM_PURL_KEY_MAVEN, /* "namespace:name" (groupId:artifactId) */
	YM_PURL_KEY_DOT,   /* "namespace.name" (VS Code publisher.name) */
	YM_PURL_KEY_NAME   /* "name" */
} ym_purl_key_join;

typedef enum ym_purl_key_fold {
	YM_PURL_FOLD_NONE,
	YM_PURL_FOLD_LOWER, /* the registry ignores case in names */
	YM_PURL_FOLD_PEP503 /* lower-case, runs of "-_." become '-' */
} ym_purl_key_fold;

typedef struct ym_purl_type_rule {
	const char *type;
	unsigned char namespace_;    /* ym_purl_requirement */
	unsigned char max_segments;  /* of the namespace, 0: any */
	unsigned char check;         /* ym_purl_check */
	unsigned char key_join;      /* ym_purl_key_join */
	unsigned char key_fold;      /* ym_purl_key_fold */
	unsigned flags;              /* YM_PURL_NS_LOWER, ... */
	const char *required_qualifier; /* or NULL */
} ym_purl_type_rule;

/* The rule for a type (case is not significant), NULL for a type the
 * table does not know (generic rules apply). */
const ym_purl_type_rule *ym_purl_type_find(const char *type);
/* All rules, sorted by type, for documentation and tests. */
const ym_purl_type_rule *ym_purl_types(size_t *n);

#endif
