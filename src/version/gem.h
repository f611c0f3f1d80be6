/* gem.h - RubyGems versions (Gem::Version) and requirements.
 *
 * Internal to src/version/; other modules use version.h. A parsed version
 * points into the text it was parsed from (no copies, no allocation), so
 * the text must outlive it. Numbers of any length compare exactly; there
 * is no limit on the number of segments.
 */
#ifndef YM_VERSION_GEM_H
#define YM_VERSION_GEM_H

#include <stdbool.h>
#include <stddef.h>

#include "version/version.h"

typedef struct ym_gem {
	const char *p;    /* the version without surrounding blanks */
	size_t n;
	size_t num_end;   /* end of the leading numeric segments once their
			   * trailing zeros are dropped (0: none left) */
	size_t str_start; /* start of the first letter segment or '-'; n if
			   * there is none */
	bool prerelease;  /* has a letter or a '-' (Gem::Version#prerelease?) */
} ym_gem;

/* Parses s[0..len): what Gem::Version.correct? accepts, except that an
 * empty or all-blank text is rejected (RubyGems reads it as "0").
 * Returns 0, or -1 with *syn (may be NULL) set. */
int ym_gem_parse(const char *s, size_t len, ym_gem *out,
		 ym_version_syntax *syn);

/* Gem::Version#<=>: -1, 0 or 1. */
int ym_gem_cmp(const ym_gem *a, const ym_gem *b);

/* Requirement range[0..len): comparators "= != > < >= <= ~>" (none is
 * "="), joined by commas or blanks (all must hold), sets joined by "||"
 * (GitLab's notation; one must hold). v == NULL only checks the syntax.
 * Returns 0 with *out set, or -1 with *syn set. */
int ym_gem_range_contains(const char *range, size_t len, const ym_gem *v,
			  bool *out, ym_version_syntax *syn);

#endif
