/* xalloc.h - allocation that never returns NULL.
 *
 * yamori is a command-line program and server: running out of memory is not
 * a condition it can recover from in any useful way, so allocation failure
 * prints a message and aborts. Hostile input is bounded by explicit limits
 * (ym_buf max, JSON limits) before it can ask for absurd sizes.
 */
#ifndef YM_CORE_XALLOC_H
#define YM_CORE_XALLOC_H

#include <stddef.h>

void *ym_xmalloc(size_t n);
void *ym_xcalloc(size_t n, size_t size);
void *ym_xrealloc(void *p, size_t n);
/* realloc for arrays: fails (aborts) on n*size overflow. */
void *ym_xreallocarray(void *p, size_t n, size_t size);
char *ym_xstrdup(const char *s);
char *ym_xstrndup(const char *s, size_t n);

#endif
