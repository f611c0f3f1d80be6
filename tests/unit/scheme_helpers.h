/* scheme_helpers.h - the small wrappers the scheme unit tests share.
 *
 * SCHEME_HELPERS(cran) defines, for the scheme ym_cran_*:
 *   cmp(a, b)  -1, 0, 1, or 99 if either side is rejected;
 *   in(v, r)   1 inside, 0 outside, -1 error (version or range);
 *   rej(v)     "" if v parses, else "POS: reason";
 *   rrej(r)    the same for a range.
 */
#ifndef YM_TEST_SCHEME_HELPERS_H
#define YM_TEST_SCHEME_HELPERS_H

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#define SCHEME_HELPERS(s)                                                  \
	static int cmp(const char *a, const char *b)                       \
	{                                                                  \
		ym_##s x, y;                                               \
		if (ym_##s##_parse(a, strlen(a), &x, NULL) ||              \
		    ym_##s##_parse(b, strlen(b), &y, NULL))                \
			return 99;                                         \
		return ym_##s##_cmp(&x, &y);                               \
	}                                                                  \
	static int in(const char *v, const char *r)                        \
	{                                                                  \
		ym_##s x;                                                  \
		bool out = false;                                          \
		if (ym_##s##_parse(v, strlen(v), &x, NULL) ||              \
		    ym_##s##_range_contains(r, strlen(r), &x, &out, NULL)) \
			return -1;                                         \
		return out;                                                \
	}                                                                  \
	static char msg[128];                                              \
	static const char *rej(const char *v)                              \
	{                                                                  \
		ym_##s x;                                                  \
		ym_version_syntax syn = {0, NULL};                         \
		if (ym_##s##_parse(v, strlen(v), &x, &syn) == 0)           \
			return "";                                         \
		snprintf(msg, sizeof msg, "%zu: %s", syn.pos,              \
			 syn.why ? syn.why : "unexpected");                \
		return msg;                                                \
	}                                                                  \
	static const char *rrej(const char *r)                             \
	{                                                                  \
		ym_version_syntax syn = {0, NULL};                         \
		if (ym_##s##_range_contains(r, strlen(r), NULL, NULL,      \
					    &syn) == 0)                    \
			return "";                                         \
		snprintf(msg, sizeof msg, "%zu: %s", syn.pos,              \
			 syn.why ? syn.why : "unexpected");                \
		return msg;                                                \
	}

#endif
