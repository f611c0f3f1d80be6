/* Unit tests for core/: buffers, arenas, vectors, the hash map, errors. */
#include <stdlib.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "core/map.h"
#include "core/vec.h"
#include "test.h"

static void t_buf_basic(void)
{
	ym_buf b = YM_BUF_INIT;
	CHECK(b.ptr != NULL);
	CHECK_STR(b.ptr, "");
	CHECK_INT(ym_buf_adds(&b, "abc"), 0);
	CHECK_INT(ym_buf_addc(&b, '-'), 0);
	CHECK_INT(ym_buf_printf(&b, "%d/%s", 42, "脆弱性"), 0);
	CHECK_STR(b.ptr, "abc-42/脆弱性");
	CHECK_INT(b.len, 16);
	ym_buf_truncate(&b, 3);
	CHECK_STR(b.ptr, "abc");
	size_t len;
	char *p = ym_buf_detach(&b, &len);
	CHECK_STR(p, "abc");
	CHECK_INT(len, 3);
	CHECK_STR(b.ptr, "");
	free(p);
	ym_buf_release(&b);
}

static void t_buf_limit(void)
{
	ym_buf b;
	ym_buf_init(&b, 8);
	CHECK_INT(ym_buf_adds(&b, "12345678"), 0);
	CHECK_INT(ym_buf_addc(&b, '9'), YM_E_TOOBIG);
	CHECK_STR(b.ptr, "12345678"); /* unchanged on failure */
	CHECK_INT(ym_buf_printf(&b, "%s", "x"), YM_E_TOOBIG);
	ym_buf_release(&b);
}

static void t_buf_long_printf(void)
{
	ym_buf b = YM_BUF_INIT;
	char big[1000];
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = 0;
	CHECK_INT(ym_buf_printf(&b, "[%s]", big), 0);
	CHECK_INT(b.len, 1001);
	CHECK(b.ptr[0] == '[' && b.ptr[1000] == ']');
	ym_buf_release(&b);
}

static void t_arena(void)
{
	ym_arena a;
	ym_arena_init(&a, 128);
	char *s = ym_arena_strdup(&a, "hello");
	void *big = ym_arena_alloc(&a, 10000); /* own block */
	char *t = ym_arena_printf(&a, "%s-%d", s, 7);
	CHECK_STR(s, "hello");
	CHECK_STR(t, "hello-7");
	CHECK(((uintptr_t)big & 15) == 0);
	memset(big, 1, 10000);
	for (int i = 0; i < 1000; i++)
		CHECK(ym_arena_alloc(&a, 24) != NULL);
	ym_arena_reset(&a);
	CHECK_STR(ym_arena_strndup(&a, "abcdef", 3), "abc");
	ym_arena_release(&a);
}

static void t_vec(void)
{
	YM_VEC(int) v = YM_VEC_INIT;
	for (int i = 0; i < 1000; i++)
		ym_vec_push(&v, i * 2);
	CHECK_INT(v.n, 1000);
	CHECK_INT(v.v[999], 1998);
	ym_vec_release(&v);
	CHECK(v.v == NULL);
}

static void t_map(void)
{
	ym_map m = YM_MAP_INIT;
	char keys[2000][16];
	for (int i = 0; i < 2000; i++) {
		snprintf(keys[i], sizeof keys[i], "key%d", i);
		ym_map_put(&m, keys[i], strlen(keys[i]), (void *)(intptr_t)(i + 1));
	}
	CHECK_INT(ym_map_count(&m), 2000);
	for (int i = 0; i < 2000; i++)
		CHECK_INT((intptr_t)ym_map_get(&m, keys[i], strlen(keys[i])), i + 1);
	CHECK(ym_map_get(&m, "nope", 4) == NULL);
	bool found;
	void **slot = ym_map_slot(&m, "key5", 4, &found);
	CHECK(found);
	CHECK_INT((intptr_t)*slot, 6);
	/* keys with embedded NUL are distinct by length */
	ym_map_put(&m, "a\0b", 3, (void *)1);
	ym_map_put(&m, "a", 1, (void *)2);
	CHECK_INT((intptr_t)ym_map_get(&m, "a\0b", 3), 1);
	CHECK_INT((intptr_t)ym_map_get(&m, "a", 1), 2);
	size_t pos = 0, n = 0;
	while (ym_map_next(&m, &pos))
		n++;
	CHECK_INT(n, 2002);
	ym_map_release(&m);
}

static void t_err(void)
{
	ym_err e = YM_ERR_INIT;
	ym_buf b = YM_BUF_INIT;
	CHECK_INT(ym_err_set(&e, YM_E_PARSE, "unexpected '%c'", 'x'),
		  YM_E_PARSE);
	ym_err_at(&e, "sbom.json", 3, 14);
	ym_err_field(&e, "components[%d].purl", 2);
	ym_err_format(&e, &b);
	CHECK_STR(b.ptr, "sbom.json:3:14: components[2].purl: unexpected 'x'");
	ym_buf_reset(&b);
	ym_err_clear(&e);
	ym_err_set(&e, YM_E_IO, "cannot open");
	ym_err_at(&e, "x.json", 0, 0);
	ym_err_format(&e, &b);
	CHECK_STR(b.ptr, "x.json: cannot open");
	CHECK_INT(ym_err_set(NULL, YM_E_STORE, "ignored"), YM_E_STORE);
	CHECK_STR(ym_strerror(YM_E_TOOBIG), "input too large");
	ym_buf_release(&b);
}

int main(void)
{
	RUN(t_buf_basic);
	RUN(t_buf_limit);
	RUN(t_buf_long_printf);
	RUN(t_arena);
	RUN(t_vec);
	RUN(t_map);
	RUN(t_err);
	return test_done();
}
