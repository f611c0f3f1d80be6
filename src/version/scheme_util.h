/* scheme_util.h - tiny helpers shared by the scheme files in src/version/
 * (internal): ASCII classes that ignore the locale, and the syntax-error
 * return every parser uses. */
#ifndef YM_VERSION_SCHEME_UTIL_H
#define YM_VERSION_SCHEME_UTIL_H

#include <stdbool.h>
#include <stddef.h>

#include "version/version.h"

static inline bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static inline bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' ||
	       c == '\r';
}

/* Records where and why parsing failed (syn may be NULL); returns -1. */
static inline int fail(ym_version_syntax *syn, size_t pos, const char *why)
{
	if (syn) {
		syn->pos = pos;
		syn->why = why;
	}
	return -1;
}

#endif
