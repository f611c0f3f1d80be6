/* maven.h - Apache Maven versions and version ranges.
 *
 * Internal to src/version/; other modules use version.h. A parsed version
 * is its list of tokens after Maven's trimming, each pointing into the text
 * it was parsed from (no copies, no allocation), so the text must outlive
 * it. Numbers of any length compare exactly. The ordering rules are in
 * maven.c and docs/versions.md.
 */
#ifndef YM_VERSION_MAVEN_H
#define YM_VERSION_MAVEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "version/version.h"

/* Limits: longer input is a syntax error, never truncated. The token
 * limit counts tokens still pending when a '-' or the end trims them, so
 * "1.0.0.0..." with more than 32 parts is rejected too. */
#define YM_MAVEN_MAX_TOKENS 32
#define YM_MAVEN_MAX_LEN 65535

enum {
	YM_MAVEN_QUAL = 0,     /* qualifier: "rc", "sp", "foo" */
	YM_MAVEN_NUM_DASH = 1, /* number after '-' or a letter ("1-2", "a2") */
	YM_MAVEN_NUM_DOT = 2   /* number first or after '.' */
};

/* Qualifier ranks; YM_MAVEN_RANK_OTHER compares by its (lowercased) text
 * after every known qualifier. */
enum {
	YM_MAVEN_RANK_ALPHA = 0, /* alpha, aN */
	YM_MAVEN_RANK_BETA,      /* beta, bN */
	YM_MAVEN_RANK_MILESTONE, /* milestone, mN */
	YM_MAVEN_RANK_RC,        /* rc, cr */
	YM_MAVEN_RANK_SNAPSHOT,  /* snapshot */
	YM_MAVEN_RANK_RELEASE,   /* ga, final, release: equal to nothing */
	YM_MAVEN_RANK_SP,        /* sp */
	YM_MAVEN_RANK_OTHER
};

typedef struct ym_maven_tok {
	uint16_t off;  /* number digits without leading zeros (len 0 = 0), */
	uint16_t len;  /* or the qualifier as written */
	uint8_t kind;  /* YM_MAVEN_QUAL, _NUM_DASH, _NUM_DOT */
	uint8_t rank;  /* YM_MAVEN_RANK_* for qualifiers */
} ym_maven_tok;

typedef struct ym_maven {
	const char *s;   /* the text; tokens are offsets into it */
	uint16_t ntok;   /* 0 for "0", "0.0", "ga", ... */
	ym_maven_tok tok[YM_MAVEN_MAX_TOKENS];
} ym_maven;

/* Parses s[0..len): any non-empty text without blanks, control bytes and
 * the range characters "[](),". Returns 0, or -1 with *syn (may be NULL)
 * set. */
int ym_maven_parse(const char *s, size_t len, ym_maven *out,
		   ym_version_syntax *syn);

/* Total order close to Maven's ComparableVersion (see maven.c): -1, 0 or
 * 1. */
int ym_maven_cmp(const ym_maven *a, const ym_maven *b);

/* Maven range range[0..len): sets such as "[1.0,2.0)", "(,1.0]",
 * "[1.2,)", "[1.0]" separated by commas (a union), or a bare version,
 * which here means exactly that version (Maven treats it as a soft
 * preference that any version satisfies). v == NULL only checks the
 * syntax. Returns 0 with *out set, or -1 with *syn set. */
int ym_maven_range_contains(const char *range, size_t len, const ym_maven *v,
			    bool *out, ym_version_syntax *syn);

#endif
