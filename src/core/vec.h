/* vec.h - type-generic growable array.
 *
 *   YM_VEC(int) v = YM_VEC_INIT;
 *   ym_vec_push(&v, 42);
 *   for (size_t i = 0; i < v.n; i++) use(v.v[i]);
 *   ym_vec_release(&v);
 *
 * The vector owns its array; elements are copied in by value.
 */
#ifndef YM_CORE_VEC_H
#define YM_CORE_VEC_H

#include <stddef.h>
#include <stdlib.h>

#include "xalloc.h"

#define YM_VEC(T) struct { T *v; size_t n; size_t cap; }
#define YM_VEC_INIT { NULL, 0, 0 }

void ym_vec_grow_(void **v, size_t *cap, size_t need, size_t elem);

#define ym_vec_reserve(vec, want)                                         \
	((want) > (vec)->cap                                              \
	     ? ym_vec_grow_((void **)&(vec)->v, &(vec)->cap, (want),      \
			    sizeof(*(vec)->v))                            \
	     : (void)0)
#define ym_vec_push(vec, x)                                               \
	do {                                                              \
		ym_vec_reserve((vec), (vec)->n + 1);                      \
		(vec)->v[(vec)->n++] = (x);                               \
	} while (0)
#define ym_vec_release(vec)                                               \
	do {                                                              \
		free((vec)->v);                                           \
		(vec)->v = NULL;                                          \
		(vec)->n = (vec)->cap = 0;                                \
	} while (0)

#endif
