/* fuzz_jvn_versions.c - libFuzzer target for JVN's version wording
 * (feeds/jvn_versions).
 *
 * For any bytes: normalising twice gives the same text, never longer than
 * the input; the result is either some ranges or unparsed (an unknown
 * piece only when unparsed); every range is well formed (EXACT and PREFIX
 * have a plain ASCII version, RANGE at least one bound and never both an
 * inclusive and an exclusive bound on one side, ALL nothing); reading the
 * normalised text gives the same result as reading the input; formatting
 * works.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "feeds/jvn_versions.h"

static void die(const char *what, const char *text)
{
	fprintf(stderr, "fuzz_jvn_versions: %s: '%s'\n", what, text);
	abort();
}

static bool plain(const char *v)
{
	if (!v || !*v)
		return false;
	for (const char *p = v; *p; p++)
		if ((unsigned char)*p <= ' ' || (unsigned char)*p >= 0x7f)
			return false;
	return true;
}

static void format(const ym_jvn_versions *v, ym_buf *out)
{
	ym_buf_reset(out);
	ym_jvn_versions_format(v, out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ym_arena a;
	ym_buf one = YM_BUF_INIT, two = YM_BUF_INIT;
	const char *text = (const char *)data;

	ym_arena_init(&a, 4096);
	char *n1 = ym_jvn_text_normalise(text, size, &a);
	char *n2 = ym_jvn_text_normalise(n1, strlen(n1), &a);
	if (strlen(n1) > size)
		die("normalised text grew", n1);
	if (strcmp(n1, n2) != 0)
		die("normalising is not idempotent", n1);

	ym_jvn_versions v, w;
	ym_jvn_versions_parse(text, size, &a, &v);
	if (v.n == 0 && !v.unparsed)
		die("nothing read but not unparsed", n1);
	if (v.unknown && !v.unparsed)
		die("unknown piece but not unparsed", n1);
	for (size_t i = 0; i < v.n; i++) {
		const ym_jvn_range *r = &v.ranges[i];
		switch (r->kind) {
		case YM_JVN_ALL:
			if (r->version || r->start_incl || r->end_excl)
				die("ALL with versions", n1);
			break;
		case YM_JVN_EXACT:
		case YM_JVN_PREFIX:
			if (!plain(r->version))
				die("bad version", n1);
			break;
		case YM_JVN_RANGE:
			if (!r->start_incl && !r->start_excl && !r->end_incl &&
			    !r->end_excl)
				die("range without bounds", n1);
			if ((r->start_incl && r->start_excl) ||
			    (r->end_incl && r->end_excl))
				die("two bounds on one side", n1);
			if ((r->start_incl && !plain(r->start_incl)) ||
			    (r->start_excl && !plain(r->start_excl)) ||
			    (r->end_incl && !plain(r->end_incl)) ||
			    (r->end_excl && !plain(r->end_excl)))
				die("bad bound", n1);
			break;
		default:
			die("bad kind", n1);
		}
		if (r->qualifier && !*r->qualifier)
			die("empty qualifier", n1);
	}
	if (size <= YM_JVN_VERSIONS_MAX) {
		ym_jvn_versions_parse(n1, strlen(n1), &a, &w);
		format(&v, &one);
		format(&w, &two);
		if (strcmp(one.ptr, two.ptr) != 0) {
			fprintf(stderr, "  input: %s\n  normalised: %s\n",
				one.ptr, two.ptr);
			die("normalised text reads differently", n1);
		}
	}
	ym_buf_release(&one);
	ym_buf_release(&two);
	ym_arena_release(&a);
	return 0;
}
