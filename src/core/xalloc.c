/* xalloc.c - allocation that aborts on failure (see xalloc.h). */
#include "xalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vec.h"

static void die_nomem(size_t n)
{
	fprintf(stderr, "yamori: out of memory allocating %zu bytes\n", n);
	abort();
}

void *ym_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		die_nomem(n);
	return p;
}

void *ym_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		die_nomem(n * size);
	return p;
}

void *ym_xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		die_nomem(n);
	return q;
}

void *ym_xreallocarray(void *p, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		die_nomem(SIZE_MAX);
	return ym_xrealloc(p, n * size);
}

char *ym_xstrndup(const char *s, size_t n)
{
	char *p = ym_xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *ym_xstrdup(const char *s)
{
	return ym_xstrndup(s, strlen(s));
}

void ym_vec_grow_(void **v, size_t *cap, size_t need, size_t elem)
{
	size_t n = *cap ? *cap : 8;
	while (n < need) {
		if (n > SIZE_MAX / 2)
			die_nomem(SIZE_MAX);
		n *= 2;
	}
	*v = ym_xreallocarray(*v, n, elem);
	*cap = n;
}
