/* buf.h - owned, growable byte buffer (strings and binary).
 *
 * Invariants: ptr is never NULL and always NUL-terminated (ptr[len] == 0);
 * an empty buffer points at a shared static "" and owns no memory. Every
 * buffer has a maximum size: appends that would exceed it fail with
 * YM_E_TOOBIG and leave the buffer unchanged, so hostile input cannot grow
 * it without bound. Lifetime: ym_buf_init / ym_buf_release (contents) /
 * ym_buf_reset (len = 0, keeps memory) / ym_buf_detach (hands ptr over).
 */
#ifndef YM_CORE_BUF_H
#define YM_CORE_BUF_H

#include <stdarg.h>
#include <stddef.h>

#define YM_BUF_DEFAULT_MAX ((size_t)1 << 30) /* 1 GiB */

typedef struct ym_buf {
	char *ptr;  /* contents, NUL-terminated, never NULL */
	size_t len; /* bytes used, excluding the terminating NUL */
	size_t cap; /* bytes allocated (0 when ptr is the static "") */
	size_t max; /* largest len allowed */
} ym_buf;

extern char ym_buf_empty_[1];
#define YM_BUF_INIT { ym_buf_empty_, 0, 0, YM_BUF_DEFAULT_MAX }

/* max == 0 means YM_BUF_DEFAULT_MAX. */
void ym_buf_init(ym_buf *b, size_t max);
void ym_buf_release(ym_buf *b);
void ym_buf_reset(ym_buf *b);
/* Returns the contents (malloc'd, caller frees) and re-inits b. */
char *ym_buf_detach(ym_buf *b, size_t *len);

int ym_buf_grow(ym_buf *b, size_t extra);
int ym_buf_add(ym_buf *b, const void *data, size_t n);
int ym_buf_adds(ym_buf *b, const char *s);
int ym_buf_addc(ym_buf *b, char c);
int ym_buf_printf(ym_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
int ym_buf_vprintf(ym_buf *b, const char *fmt, va_list ap);
/* Append n copies of c. */
int ym_buf_addn(ym_buf *b, char c, size_t n);
void ym_buf_truncate(ym_buf *b, size_t len);

/* Reads a whole file (path "-" is stdin) into b, up to b->max bytes.
 * On error fills err (with the file name) and returns a YM_E_* code. */
struct ym_err;
int ym_buf_read_file(ym_buf *b, const char *path, struct ym_err *err);

#endif
