/* jvn_versions.h - the phrases JVN uses for affected versions, as bounds.
 *
 * JVN iPedia states affected versions in words, mostly Japanese:
 * "0.15.0 以上 0.15.2 未満", "2.20 およびそれ以前", "7.3.7 より前のバージョン",
 * "2.13.0 から 2.15.0 より前", "全てのバージョン", "1.0.x", lists joined by
 * 、 , 及び, and sometimes English ("prior to 1.2", "1.4 and earlier",
 * "1.0 through 1.3"). ym_jvn_versions_parse reads such a text into ranges.
 * It never guesses: a piece of wording it does not know makes the result
 * unparsed (the ranges it did read are still returned, for messages), and
 * the caller must not trust the ranges alone then. The grammar is in
 * docs/feeds-jvn.md.
 *
 * Before reading, the text is normalised: full-width ASCII (U+FF01..U+FF5E)
 * becomes ASCII, the ideographic and other spaces become one space, wave
 * dashes and en/em dashes become '~' (a range), and line breaks separate
 * list items. Version strings are returned without a leading 'v'.
 *
 * Ownership: every string of the result lives in the arena.
 */
#ifndef YM_FEEDS_JVN_VERSIONS_H
#define YM_FEEDS_JVN_VERSIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "core/buf.h"

/* Longest text read, in bytes; longer texts are unparsed. */
#define YM_JVN_VERSIONS_MAX 4096

typedef enum ym_jvn_range_kind {
	YM_JVN_ALL,    /* every version ("全てのバージョン") */
	YM_JVN_EXACT,  /* one version: version */
	YM_JVN_PREFIX, /* "1.0.x": every version starting "1.0."; version is
			* "1.0" */
	YM_JVN_RANGE   /* bounds; at least one is set */
} ym_jvn_range_kind;

typedef struct ym_jvn_range {
	ym_jvn_range_kind kind;
	const char *version;                 /* EXACT, PREFIX */
	const char *start_incl, *start_excl; /* RANGE; NULL when open */
	const char *end_incl, *end_excl;
	/* Words around the versions that are not part of them and not
	 * neutral ("core", "Windows 版"): the range holds only for that
	 * component, platform or edition. NULL when none. */
	const char *qualifier;
} ym_jvn_range;

typedef struct ym_jvn_versions {
	const ym_jvn_range *ranges; /* what was read, in text order */
	size_t n;
	bool unparsed;       /* some wording was not understood (or the text
			      * was empty or too long) */
	const char *unknown; /* the first list item not understood,
			      * normalised; NULL when all was read */
} ym_jvn_versions;

/* Reads text[0..len) (UTF-8; invalid bytes are just not understood).
 * Never fails: an empty text gives no ranges and unparsed == true. */
void ym_jvn_versions_parse(const char *text, size_t len, ym_arena *a,
			   ym_jvn_versions *out);

/* The normalised form of text[0..len) described above, trimmed, with runs
 * of spaces collapsed. */
char *ym_jvn_text_normalise(const char *text, size_t len, ym_arena *a);

/* Appends one range as text: "*", "=1.2", "1.0.*", ">=1.0,<2.0", with
 * " [qualifier]" when there is one. */
void ym_jvn_range_format(const ym_jvn_range *r, ym_buf *out);
/* All ranges joined by " | "; when unparsed, " ?" and the unknown item
 * (just "?" when nothing was read). */
void ym_jvn_versions_format(const ym_jvn_versions *v, ym_buf *out);

#endif
