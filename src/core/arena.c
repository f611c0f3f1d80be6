/* arena.c - region allocator (see arena.h). */
#include "arena.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

#define ALIGN 16

struct ym_arena_block {
	ym_arena_block *prev;
	size_t size; /* usable bytes in data */
	size_t used;
	_Alignas(16) unsigned char data[];
};

void ym_arena_init(ym_arena *a, size_t block_size)
{
	a->head = NULL;
	a->block_size = block_size ? block_size : 64 * 1024;
	a->total = 0;
}

void ym_arena_release(ym_arena *a)
{
	ym_arena_block *b = a->head;
	while (b) {
		ym_arena_block *p = b->prev;
		free(b);
		b = p;
	}
	a->head = NULL;
	a->total = 0;
}

void ym_arena_reset(ym_arena *a)
{
	ym_arena_block *b = a->head;
	if (!b)
		return;
	/* keep the oldest block: it is the one a steady workload reuses */
	while (b->prev) {
		ym_arena_block *p = b->prev;
		free(b);
		b = p;
	}
	b->used = 0;
	a->head = b;
	a->total = 0;
}

static ym_arena_block *new_block(size_t size, ym_arena_block *prev)
{
	if (size > SIZE_MAX - sizeof(ym_arena_block))
		size = SIZE_MAX - sizeof(ym_arena_block); /* xmalloc fails */
	ym_arena_block *b = ym_xmalloc(sizeof *b + size);
	b->prev = prev;
	b->size = size;
	b->used = 0;
	return b;
}

void *ym_arena_alloc(ym_arena *a, size_t n)
{
	if (n == 0)
		n = 1;
	if (n > SIZE_MAX - ALIGN)
		n = SIZE_MAX - ALIGN;
	size_t need = (n + ALIGN - 1) & ~(size_t)(ALIGN - 1);
	ym_arena_block *b = a->head;
	if (!b || b->size - b->used < need) {
		if (need > a->block_size / 4) {
			/* big allocations get their own block behind the
			 * current one so its free space is not wasted */
			ym_arena_block *big = new_block(need, b ? b->prev : NULL);
			big->used = need;
			if (b)
				b->prev = big;
			else
				a->head = big;
			a->total += need;
			return big->data;
		}
		b = new_block(a->block_size, b);
		a->head = b;
	}
	void *p = b->data + b->used;
	b->used += need;
	a->total += need;
	return p;
}

void *ym_arena_zalloc(ym_arena *a, size_t n)
{
	void *p = ym_arena_alloc(a, n);
	memset(p, 0, n);
	return p;
}

char *ym_arena_strndup(ym_arena *a, const char *s, size_t n)
{
	char *p = ym_arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *ym_arena_strdup(ym_arena *a, const char *s)
{
	return ym_arena_strndup(a, s, strlen(s));
}

char *ym_arena_printf(ym_arena *a, const char *fmt, ...)
{
	va_list ap, cp;
	va_start(ap, fmt);
	va_copy(cp, ap);
	int n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		n = 0;
	char *p = ym_arena_alloc(a, (size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

void ym_arena_adopt(ym_arena *dst, ym_arena *src)
{
	ym_arena_block *top = src->head;
	if (!top)
		return;
	ym_arena_block *oldest = top;
	while (oldest->prev)
		oldest = oldest->prev;
	/* dst keeps allocating from its own current block */
	if (dst->head) {
		oldest->prev = dst->head->prev;
		dst->head->prev = top;
	} else {
		dst->head = top;
	}
	dst->total += src->total;
	src->head = NULL;
	src->total = 0;
}
