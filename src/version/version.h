/* version.h - version schemes: parse, compare, native ranges, OSV events.
 *
 * One file per scheme in src/version/ (semver.c for SemVer and npm,
 * pep440.c; the generic scheme lives in version.c); this header is the
 * dispatch every other module uses. Strings are borrowed; nothing returned
 * needs freeing. Invalid versions or ranges are YM_E_INVALID errors whose
 * message quotes the offending text and gives the 0-based byte position,
 * e.g. "invalid version '1.2.x3' at position 4: unexpected 'x'".
 * All functions are thread-safe and compare without allocating; the rules
 * of each scheme are in docs/versions.md.
 */
#ifndef YM_VERSION_H
#define YM_VERSION_H

#include <stdbool.h>
#include <stddef.h>

#include "core/err.h"

typedef enum ym_scheme {
	YM_SCHEME_UNKNOWN = 0,
	YM_SCHEME_SEMVER,   /* SemVer 2.0.0 strictly */
	YM_SCHEME_NPM,      /* node-semver (loose); ranges ^ ~ x || - */
	YM_SCHEME_PYPI,     /* PEP 440 */
	YM_SCHEME_GENERIC,  /* fallback: runs of digits or letters, see docs */
	YM_SCHEME_MAVEN,    /* Maven ComparableVersion, [a,b) ranges */
	YM_SCHEME_NUGET,    /* NuGet SemVer 2 with 4 parts, intervals */
	YM_SCHEME_GEM,      /* RubyGems Gem::Version, requirements incl. ~> */
	YM_SCHEME_CARGO,    /* Cargo: SemVer 2.0.0, Cargo requirements */
	YM_SCHEME_GOLANG,   /* Go modules: v-prefixed semver, pseudo-versions */
	YM_SCHEME_DEB,      /* Debian/dpkg: epoch, ~, revision */
	YM_SCHEME_RPM,      /* RPM EVR, rpmvercmp incl. ~ and ^ */
	YM_SCHEME_APK,      /* Alpine apk-tools */
	YM_SCHEME_COMPOSER, /* Packagist / Composer */
	YM_SCHEME_PUB,      /* Dart pub_semver */
	YM_SCHEME_CRAN,     /* R package_version */
	YM_SCHEME_HACKAGE,  /* Haskell Cabal versions */
	YM_SCHEME_ALPM,     /* Arch Linux pacman vercmp */
	YM_SCHEME_GENTOO,   /* Gentoo ebuild versions (PMS) */
	YM_SCHEME_OPENSSL,  /* OpenSSL releases, letter and 3.x forms */
	YM_SCHEME_CONAN,    /* Conan (C/C++ packages) */
	YM_SCHEME_COUNT_    /* not a scheme: the number of values */
} ym_scheme;

/* Scheme names as in `yamori version --scheme` ("semver", "npm", "pypi",
 * "maven", "nuget", "gem", "cargo", "golang", "deb", "rpm", "apk",
 * "composer", "pub", "cran", "hackage", "gentoo", "openssl", "conan",
 * "generic"); UNKNOWN if not
 * recognised or not built in. */
ym_scheme ym_scheme_from_name(const char *name);
const char *ym_scheme_name(ym_scheme s);
/* OSV ecosystem name ("npm", "PyPI", "Debian:12", ...; a ":release"
 * suffix is ignored) -> scheme; GENERIC if none. */
ym_scheme ym_scheme_for_ecosystem(const char *ecosystem);
/* purl type ("npm", "pypi", ...) -> scheme; GENERIC if none. */
ym_scheme ym_scheme_for_purl_type(const char *type);

/* *out = -1, 0 or 1 as a <, ==, > b. */
int ym_version_cmp(ym_scheme s, const char *a, const char *b, int *out,
		   ym_err *err);
int ym_version_check(ym_scheme s, const char *v, ym_err *err);

/* A version parsed once, for callers that compare it many times (the
 * matcher, benchmarks). It points into the text it was parsed from, which
 * must outlive it. */
#define YM_VERSION_OPAQUE 448
typedef struct ym_version {
	ym_scheme scheme;
	_Alignas(8) unsigned char opaque[YM_VERSION_OPAQUE];
} ym_version;

int ym_version_parse(ym_scheme s, const char *text, ym_version *out,
		     ym_err *err);
/* Both parsed with the same scheme: -1, 0 or 1. */
int ym_version_cmp_parsed(const ym_version *a, const ym_version *b);

/* Range in the scheme's native syntax: npm ranges for NPM/SEMVER, PEP 440
 * specifier sets for PYPI, comparator lists such as ">=1.0, <2.0 || 3.1"
 * for GENERIC (docs/versions.md). *out = whether version is inside. */
int ym_range_contains(ym_scheme s, const char *version, const char *range,
		      bool *out, ym_err *err);

/* The purl project's vers range, "vers:npm/>=1.0.0|<2.0.0": the scheme
 * comes from the range. ym_range_contains also accepts a vers range in
 * place of a native one. */
int ym_vers_contains(const char *range, const char *version, bool *out,
		     ym_err *err);
/* Canonical form: blanks removed, constraints sorted by version, "="
 * omitted. Appends to out. */
struct ym_buf;
int ym_vers_canonical(const char *range, struct ym_buf *out, ym_err *err);

/* OSV affected[].ranges[].events, evaluated per the OSV schema:
 * events are sorted by version (introduced "0" lowest), a version is
 * affected from an introduced event up to (excluding) the next fixed, or
 * up to and including last_affected; limit events cap the range. */
typedef enum ym_osv_event_kind {
	YM_OSV_INTRODUCED,
	YM_OSV_FIXED,
	YM_OSV_LAST_AFFECTED,
	YM_OSV_LIMIT
} ym_osv_event_kind;

typedef struct ym_osv_event {
	ym_osv_event_kind kind;
	const char *version; /* "0" allowed for introduced */
} ym_osv_event;

typedef struct ym_osv_hit {
	const ym_osv_event *introduced; /* event that opened the interval */
	const ym_osv_event *closing;    /* fixed/last_affected/limit, or NULL */
} ym_osv_hit;

/* Sets *affected; when affected and hit != NULL, names the interval (both
 * NULL when not affected). Events with the same version keep their order
 * in ev, as osv.dev's stable sort does. Every event version is checked:
 * a bad one is an error naming the event ("invalid fixed version ..."). */
int ym_osv_events_affect(ym_scheme s, const ym_osv_event *ev, size_t n,
			 const char *version, bool *affected, ym_osv_hit *hit,
			 ym_err *err);

/* --- For the scheme implementations in src/version/ only. --- */

/* Where and why a version or range failed to parse. why is an untranslated
 * N_() text; NULL means "unexpected character at pos" (or end of text). */
typedef struct ym_version_syntax {
	size_t pos;
	const char *why;
} ym_version_syntax;

/* Compares decimal digit strings of any length (leading zeros ignored,
 * "" counts as 0): -1, 0 or 1. */
int ym_version_digits_cmp(const char *a, size_t an, const char *b,
			  size_t bn);

#endif
