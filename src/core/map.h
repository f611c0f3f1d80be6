/* map.h - string-keyed hash map (open addressing, linear probing).
 *
 * Keys are byte strings with explicit length; the map copies nothing: the
 * caller keeps keys alive as long as the map (typically in an arena).
 * Values are void pointers owned by the caller.
 */
#ifndef YM_CORE_MAP_H
#define YM_CORE_MAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct ym_map_entry {
	const char *key; /* NULL marks an empty slot */
	size_t klen;
	uint64_t hash;
	void *val;
} ym_map_entry;

typedef struct ym_map {
	ym_map_entry *slots; /* capacity is a power of two */
	size_t cap;
	size_t count;
} ym_map;

#define YM_MAP_INIT { NULL, 0, 0 }

void ym_map_init(ym_map *m);
void ym_map_release(ym_map *m);
uint64_t ym_hash(const void *data, size_t len);

void *ym_map_get(const ym_map *m, const char *key, size_t klen);
/* Finds or inserts key; returns the value slot. *found tells which. */
void **ym_map_slot(ym_map *m, const char *key, size_t klen, bool *found);
/* Sets key to val (replacing). */
void ym_map_put(ym_map *m, const char *key, size_t klen, void *val);
size_t ym_map_count(const ym_map *m);
/* Iteration: start with *pos = 0; returns NULL at the end. */
const ym_map_entry *ym_map_next(const ym_map *m, size_t *pos);

#endif
