/* arena.h - region allocator for per-document and per-request memory.
 *
 * Everything allocated from an arena is freed at once by ym_arena_free or
 * ym_arena_reset. Allocation never fails (see xalloc.h). Returned memory is
 * aligned to 16 bytes. The arena struct itself is caller-owned.
 */
#ifndef YM_CORE_ARENA_H
#define YM_CORE_ARENA_H

#include <stdarg.h>
#include <stddef.h>

typedef struct ym_arena_block ym_arena_block;

typedef struct ym_arena {
	ym_arena_block *head; /* current block, linked to older ones */
	size_t block_size;    /* default size of new blocks */
	size_t total;         /* bytes handed out, for statistics */
} ym_arena;

/* block_size == 0 picks a default (64 KiB). */
void ym_arena_init(ym_arena *a, size_t block_size);
void ym_arena_release(ym_arena *a);
/* Frees all but the first block and makes it empty again. */
void ym_arena_reset(ym_arena *a);

/* Moves every block of src into dst (src is left empty): what was
 * allocated from src now lives as long as dst. */
void ym_arena_adopt(ym_arena *dst, ym_arena *src);

void *ym_arena_alloc(ym_arena *a, size_t n);
void *ym_arena_zalloc(ym_arena *a, size_t n);
char *ym_arena_strndup(ym_arena *a, const char *s, size_t n);
char *ym_arena_strdup(ym_arena *a, const char *s);
char *ym_arena_printf(ym_arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
