/* purl_types.c - per-type purl rules: facts from the purl-spec type
 * definitions (types/<type>-definition.json at purl-spec 16f3d0e), one
 * line per type, sorted by type for the binary search.
 *
 * namespace: namespace_definition.requirement. Flags:
 *  NS_LOWER / NAME_LOWER / VERSION_LOWER / SUBPATH_LOWER: the component's
 *    "case_sensitive" is false (or its note says it "shall be lowercased"
 *    where the field is missing: alpm, apk, bitbucket, ...);
 *  NS_UPPER: cpan ("the CPANID ... shall be uppercase");
 *  NAME_DASH: pypi ("underscore _ replaced with a dash -");
 *  NAME_PUB: pub ("Replace non-[a-z] letters, non-[0-9] digits with
 *    underscore"; permitted characters [a-z0-9_]);
 *  NAME_PATH: git (namespace is the host, name the path on it);
 *  NAME_LOWER_DATABRICKS: mlflow (case-insensitive on Databricks).
 * golang says case_sensitive: true while its notes say "shall be
 * lowercased"; Go module paths are case-sensitive, so we follow the field
 * (docs/purl.md). Checks and required qualifiers come from the
 * permitted_characters, notes and qualifiers_definition requirements.
 *
 * The key columns are ours, not the spec's: how ym_pkg_key joins and folds
 * the parts so that they equal the package names OSV advisories use.
 */
#include "ids/purl.h"

#include <stdlib.h>
#include <string.h>

#define O YM_PURL_OPTIONAL
#define R YM_PURL_REQUIRED
#define P YM_PURL_PROHIBITED
#define NSL YM_PURL_NS_LOWER
#define NSU YM_PURL_NS_UPPER
#define NML YM_PURL_NAME_LOWER
#define VL YM_PURL_VERSION_LOWER
#define SPL YM_PURL_SUBPATH_LOWER
#define PATH YM_PURL_NAME_PATH
#define DASH YM_PURL_NAME_DASH
#define PUB YM_PURL_NAME_PUB
#define DBX YM_PURL_NAME_LOWER_DATABRICKS
#define C0 YM_PURL_CHECK_NONE
#define CHROME YM_PURL_CHECK_CHROME
#define PODS YM_PURL_CHECK_COCOAPODS
#define CPAN YM_PURL_CHECK_CPAN
#define KP YM_PURL_KEY_PATH
#define KM YM_PURL_KEY_MAVEN
#define KD YM_PURL_KEY_DOT
#define KN YM_PURL_KEY_NAME
#define F0 YM_PURL_FOLD_NONE
#define FL YM_PURL_FOLD_LOWER
#define FP YM_PURL_FOLD_PEP503

/* type, namespace, max ns segments, check, key join, key fold, flags,
 * required qualifier */
static const ym_purl_type_rule rules[] = {
	/* distribution packages: the namespace is the vendor (debian,
	 * alpine, fedora, arch); advisories name the bare package */
	{"alpm", R, 0, C0, KN, F0, NSL | NML, NULL},
	{"apk", R, 0, C0, KN, F0, NSL | NML, NULL},
	{"bazel", P, 0, C0, KP, F0, 0, NULL},
	{"bitbucket", R, 0, C0, KP, F0, NSL | NML, NULL},
	{"bitnami", P, 0, C0, KP, F0, NML, NULL},
	{"brew", O, 0, C0, KP, F0, NSL | NML, NULL},
	{"cargo", P, 0, C0, KP, F0, 0, NULL},
	{"chrome-extension", P, 0, CHROME, KP, F0, NML, NULL},
	{"cocoapods", P, 0, PODS, KP, F0, 0, NULL},
	{"composer", R, 0, C0, KP, F0, NSL | NML, NULL},
	/* the conan namespace is a vendor, not part of the reference */
	{"conan", O, 0, C0, KN, F0, 0, NULL},
	{"conda", P, 0, C0, KP, F0, 0, NULL},
	{"cpan", O, 0, CPAN, KP, F0, NSU, NULL},
	{"cran", P, 0, C0, KP, F0, 0, NULL},
	{"deb", R, 0, C0, KN, F0, NSL | NML, NULL},
	{"docker", O, 0, C0, KP, F0, 0, NULL},
	{"gem", P, 0, C0, KP, F0, 0, NULL},
	{"generic", O, 0, C0, KP, F0, 0, NULL},
	{"git", R, 0, C0, KP, F0, PATH, NULL},
	{"github", R, 0, C0, KP, F0, NSL | NML, NULL},
	{"golang", R, 0, C0, KP, F0, 0, NULL},
	{"hackage", P, 0, C0, KP, F0, 0, NULL},
	{"hex", O, 0, C0, KP, F0, NSL | NML, NULL},
	{"huggingface", R, 0, C0, KP, F0, VL, NULL},
	{"julia", P, 0, C0, KP, F0, 0, "uuid"},
	{"luarocks", O, 0, C0, KP, F0, NSL | NML, NULL},
	{"maven", R, 0, C0, KM, F0, 0, NULL},
	{"mlflow", P, 0, C0, KP, F0, DBX, NULL},
	/* npm names are case-sensitive (old mixed-case packages exist), but
	 * the key has always been lower-case: kept for the matcher */
	{"npm", O, 0, C0, KP, FL, 0, NULL},
	/* "case-preserving, but case-insensitive" */
	{"nuget", P, 0, C0, KP, FL, 0, NULL},
	{"oci", P, 0, C0, KP, F0, NML | VL, NULL},
	{"opam", P, 0, C0, KP, F0, 0, NULL},
	{"otp", P, 0, C0, KP, F0, NML | SPL, NULL},
	{"pub", P, 0, C0, KP, F0, NML | PUB, NULL},
	{"pypi", P, 0, C0, KN, FP, NML | DASH | VL, NULL},
	{"qpkg", R, 0, C0, KP, F0, NSL, NULL},
	{"rpm", R, 0, C0, KN, F0, NSL, NULL},
	{"swid", O, 2, C0, KP, F0, 0, "tag_id"},
	{"swift", R, 0, C0, KP, F0, 0, NULL},
	{"vcpkg", P, 0, C0, KP, F0, 0, NULL},
	{"vscode-extension", R, 0, C0, KD, F0, NSL | NML | VL, NULL},
	{"yocto", O, 0, C0, KP, F0, NSL, NULL},
};

static int cmp_rule(const void *key, const void *elt)
{
	const ym_purl_type_rule *r = elt;
	return strcmp(key, r->type);
}

const ym_purl_type_rule *ym_purl_type_find(const char *type)
{
	char low[24]; /* longer than any type in the table */
	size_t i;
	if (!type)
		return NULL;
	for (i = 0; type[i]; i++) {
		if (i + 1 >= sizeof low)
			return NULL;
		char c = type[i];
		low[i] = c >= 'A' && c <= 'Z' ? (char)(c + ('a' - 'A')) : c;
	}
	low[i] = '\0';
	return bsearch(low, rules, sizeof rules / sizeof rules[0],
		       sizeof rules[0], cmp_rule);
}

const ym_purl_type_rule *ym_purl_types(size_t *n)
{
	*n = sizeof rules / sizeof rules[0];
	return rules;
}
