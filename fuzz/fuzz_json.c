/* fuzz_json.c - libFuzzer target for the JSON parser and writer.
 *
 * Parses the input with small limits. On success the tree is written back
 * three ways (ym_jsonw_value compact and pretty, and node by node through
 * the primitive writer calls) and each output must parse again to an equal
 * tree. A parse failure must leave a code and a message set.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/json.h"

/* Below the writer's 63-level comma table, so the primitive walk works. */
static const ym_json_limits limits = { 48, 4096 };

static void die(const char *what, const ym_buf *out)
{
	fprintf(stderr, "fuzz_json: %s\n%.*s\n", what, (int)out->len,
		out->ptr);
	abort();
}

/* Writes v with the primitive calls (numbers via ym_jsonw_double). */
static void walk(ym_jsonw *w, const ym_json *v)
{
	size_t i;

	switch (v->type) {
	case YM_JSON_NULL:
		ym_jsonw_null(w);
		break;
	case YM_JSON_FALSE:
	case YM_JSON_TRUE:
		ym_jsonw_bool(w, v->type == YM_JSON_TRUE);
		break;
	case YM_JSON_NUMBER:
		ym_jsonw_double(w, v->u.num.d);
		break;
	case YM_JSON_STRING:
		ym_jsonw_strn(w, v->u.str.s, v->u.str.len);
		break;
	case YM_JSON_ARRAY:
		ym_jsonw_arr_begin(w);
		for (i = 0; i < v->u.arr.n; i++)
			walk(w, v->u.arr.items[i]);
		ym_jsonw_arr_end(w);
		break;
	case YM_JSON_OBJECT:
		ym_jsonw_obj_begin(w);
		for (i = 0; i < v->u.obj.n; i++) {
			ym_jsonw_keyn(w, v->u.obj.m[i].key,
				      v->u.obj.m[i].klen);
			walk(w, v->u.obj.m[i].val);
		}
		ym_jsonw_obj_end(w);
		break;
	}
}

/* Tree equality; numbers by value (raw text may be re-formatted). */
static int same(const ym_json *a, const ym_json *b)
{
	size_t i;

	if (a->type != b->type)
		return 0;
	switch (a->type) {
	case YM_JSON_NUMBER:
		return a->u.num.d == b->u.num.d;
	case YM_JSON_STRING:
		return a->u.str.len == b->u.str.len &&
		       memcmp(a->u.str.s, b->u.str.s, a->u.str.len) == 0 &&
		       a->u.str.s[a->u.str.len] == '\0';
	case YM_JSON_ARRAY:
		if (a->u.arr.n != b->u.arr.n)
			return 0;
		for (i = 0; i < a->u.arr.n; i++)
			if (!same(a->u.arr.items[i], b->u.arr.items[i]))
				return 0;
		return 1;
	case YM_JSON_OBJECT:
		if (a->u.obj.n != b->u.obj.n)
			return 0;
		for (i = 0; i < a->u.obj.n; i++) {
			const ym_json_member *x = &a->u.obj.m[i];
			const ym_json_member *y = &b->u.obj.m[i];

			if (x->klen != y->klen ||
			    memcmp(x->key, y->key, x->klen) != 0 ||
			    !same(x->val, y->val))
				return 0;
		}
		return 1;
	default:
		return 1;
	}
}

static void reparse(ym_arena *a, const ym_json *v, const ym_buf *out)
{
	ym_err err = YM_ERR_INIT;
	ym_json *v2;

	v2 = ym_json_parse(a, out->ptr, out->len, &limits, "out", &err);
	if (!v2) {
		fprintf(stderr, "%ld:%ld: %s\n", err.line, err.column,
			err.msg);
		die("writer output does not parse", out);
	}
	if (!same(v, v2))
		die("writer output parses to a different tree", out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ym_arena a;
	ym_err err = YM_ERR_INIT;
	ym_buf out = YM_BUF_INIT;
	ym_jsonw w;
	ym_json *v;
	int64_t i64;

	ym_arena_init(&a, 4096);
	v = ym_json_parse(&a, (const char *)data, size, &limits, "in", &err);
	if (!v) {
		if ((err.code != YM_E_PARSE && err.code != YM_E_TOOBIG) ||
		    err.msg[0] == '\0' || err.line < 1 || err.column < 1)
			die("parse failed without a proper error", &out);
		goto done;
	}
	(void)ym_json_int(v, &i64);
	ym_jsonw_init(&w, &out, false);
	ym_jsonw_value(&w, v);
	reparse(&a, v, &out);

	ym_buf_reset(&out);
	ym_jsonw_init(&w, &out, true);
	ym_jsonw_value(&w, v);
	reparse(&a, v, &out);

	ym_buf_reset(&out);
	ym_jsonw_init(&w, &out, size & 1);
	walk(&w, v);
	reparse(&a, v, &out);
done:
	ym_buf_release(&out);
	ym_arena_release(&a);
	return 0;
}
