/* cpe_names.h - vendor/product guesses for software known only by its
 * name, as CPE vendor and product values would spell them. The matcher
 * uses them for name-only components (always low confidence); the
 * importers keep two keys per such component so that a changed
 * vulnerability finds them again (docs/matching.md). */
#ifndef YM_IDS_CPE_NAMES_H
#define YM_IDS_CPE_NAMES_H

#include <stddef.h>

#include "core/arena.h"

typedef struct ym_cpe_name_cand {
	const char *vendor;  /* raw text; NULL = any vendor */
	const char *product; /* raw text */
} ym_cpe_name_cand;

/* Vendor/product guesses for a component known only by name (and maybe
 * a supplier): lower case, blanks to '_', parenthesised parts, trailing
 * versions and architectures and company suffixes removed ("Mozilla
 * Firefox 115.0 (x64 ja)", "Mozilla Foundation" -> mozilla:firefox,
 * mozilla:mozilla_firefox). Most likely first; writes at most max and
 * returns how many. Matches through them are low confidence; the caller
 * must not use this for a component whose purl names its ecosystem. */
size_t ym_cpe_name_candidates(const char *name, const char *vendor,
			      ym_arena *a, ym_cpe_name_cand *out,
			      size_t max);

/* The products every candidate of name uses: *whole (all its words,
 * joined with '_') and *rest (without the first word, or NULL for a
 * one-word name); both NULL when the name has no words. */
void ym_cpe_name_keys(const char *name, ym_arena *a, const char **whole,
		      const char **rest);

#endif
