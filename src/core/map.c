/* map.c - string-keyed open-addressing hash map (see map.h). */
#include "map.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* FNV-1a over 8-byte words with a final avalanche: fast for the short keys
 * (package names, ids) we hash, and good enough spread for linear probing. */
uint64_t ym_hash(const void *data, size_t len)
{
	const unsigned char *p = data;
	uint64_t h = 0xcbf29ce484222325ULL ^ len;
	while (len >= 8) {
		uint64_t w;
		memcpy(&w, p, 8);
		h = (h ^ w) * 0x100000001b3ULL;
		h ^= h >> 29;
		p += 8;
		len -= 8;
	}
	while (len--) {
		h = (h ^ *p++) * 0x100000001b3ULL;
	}
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h;
}

void ym_map_init(ym_map *m)
{
	m->slots = NULL;
	m->cap = 0;
	m->count = 0;
}

void ym_map_release(ym_map *m)
{
	free(m->slots);
	ym_map_init(m);
}

static ym_map_entry *find(const ym_map *m, const char *key, size_t klen,
			  uint64_t h)
{
	size_t mask = m->cap - 1;
	for (size_t i = h & mask;; i = (i + 1) & mask) {
		ym_map_entry *e = &m->slots[i];
		if (!e->key)
			return e;
		if (e->hash == h && e->klen == klen &&
		    memcmp(e->key, key, klen) == 0)
			return e;
	}
}

static void rehash(ym_map *m, size_t ncap)
{
	ym_map_entry *old = m->slots;
	size_t ocap = m->cap;
	m->slots = ym_xcalloc(ncap, sizeof *m->slots);
	m->cap = ncap;
	for (size_t i = 0; i < ocap; i++) {
		if (!old[i].key)
			continue;
		*find(m, old[i].key, old[i].klen, old[i].hash) = old[i];
	}
	free(old);
}

void *ym_map_get(const ym_map *m, const char *key, size_t klen)
{
	if (!m->count)
		return NULL;
	ym_map_entry *e = find(m, key, klen, ym_hash(key, klen));
	return e->key ? e->val : NULL;
}

void **ym_map_slot(ym_map *m, const char *key, size_t klen, bool *found)
{
	if ((m->count + 1) * 4 > m->cap * 3)
		rehash(m, m->cap ? m->cap * 2 : 16);
	uint64_t h = ym_hash(key, klen);
	ym_map_entry *e = find(m, key, klen, h);
	if (e->key) {
		if (found)
			*found = true;
		return &e->val;
	}
	e->key = key;
	e->klen = klen;
	e->hash = h;
	e->val = NULL;
	m->count++;
	if (found)
		*found = false;
	return &e->val;
}

void ym_map_put(ym_map *m, const char *key, size_t klen, void *val)
{
	*ym_map_slot(m, key, klen, NULL) = val;
}

size_t ym_map_count(const ym_map *m)
{
	return m->count;
}

const ym_map_entry *ym_map_next(const ym_map *m, size_t *pos)
{
	while (*pos < m->cap) {
		const ym_map_entry *e = &m->slots[(*pos)++];
		if (e->key)
			return e;
	}
	return NULL;
}
