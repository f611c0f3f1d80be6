/* fuzz_ssvc.c - libFuzzer target for the SSVC table loader and the
 * SSVCv2/ vector reader.
 *
 * The first input byte picks the mode. Even: the rest is a table file,
 * added to a registry (holding the shipped tables if the input has a
 * #from, so links are exercised); a failure must leave a code and a message, a success a
 * table whose every row decides to an outcome in range, by index and by
 * value codes. Odd: the rest is a vector, decided without naming a tree;
 * on success the vector written back must decide to the same outcome and
 * be written the same again.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/err.h"
#include "risk/ssvc.h"

static ym_ssvc_registry *shipped;

static void die(const char *what, const char *detail)
{
	fprintf(stderr, "fuzz_ssvc: %s: %s\n", what, detail ? detail : "");
	abort();
}

static void check_table(const ym_ssvc_table *t)
{
	for (uint32_t r = 0; r < t->ncells; r++) {
		const uint8_t *idx = t->rows + (size_t)r * t->npoints;
		int o = ym_ssvc_decide_idx(t, idx);
		if (o < 0 || (unsigned)o >= t->outcome.nvalues)
			die("row without an outcome in range", t->id);
		ym_ssvc_input in[YM_SSVC_MAX_POINTS];
		for (unsigned i = 0; i < t->npoints; i++) {
			in[i].point = t->points[i].key;
			in[i].value = t->points[i].values[idx[i]].code;
		}
		ym_ssvc_result res;
		ym_err err = YM_ERR_INIT;
		if (ym_ssvc_decide(t, in, t->npoints, &res, &err))
			die("row does not decide by codes", err.msg);
		if (res.outcome != o || res.row != r)
			die("decide by codes differs from the row", t->id);
	}
}

static void table_mode(const uint8_t *data, size_t size)
{
	ym_ssvc_registry *reg = NULL;
	ym_err err = YM_ERR_INIT;
	const ym_ssvc_table *t = NULL;
	/* the shipped tables only when a #from may need them (faster) */
	if (!memmem(data, size, "#from", 5))
		reg = ym_ssvc_registry_new();
	else if (ym_ssvc_registry_load(&reg, &err))
		die("shipped tables do not load", err.msg);
	int rc = ym_ssvc_registry_add(reg, "fuzz.csv", (const char *)data,
				      size, &t, &err);
	if (rc) {
		if (err.code != rc || !err.msg[0])
			die("failure without a code and a message", NULL);
	} else {
		check_table(t);
	}
	ym_ssvc_registry_free(reg);
}

static void vector_mode(const uint8_t *data, size_t size)
{
	ym_ssvc_result r, r2;
	ym_err err = YM_ERR_INIT;
	ym_buf a = YM_BUF_INIT, b = YM_BUF_INIT;
	if (ym_ssvc_vector_decide(shipped, NULL, (const char *)data, size, &r,
				  &err)) {
		if (!err.code || !err.msg[0])
			die("failure without a code and a message", NULL);
		return;
	}
	const char *ts = ym_ssvc_is_timestamp(r.timestamp,
					      strlen(r.timestamp)) ?
				 r.timestamp :
				 NULL;
	if (ym_ssvc_vector_format(&r, ts, &a, &err))
		die("cannot write the vector back", err.msg);
	if (ym_ssvc_vector_decide(shipped, NULL, a.ptr, a.len, &r2, &err))
		die("the vector written back does not decide", a.ptr);
	if (r2.table != r.table || r2.outcome != r.outcome)
		die("the vector written back decides differently", a.ptr);
	ym_ssvc_vector_format(&r2, ts, &b, &err);
	if (strcmp(a.ptr, b.ptr) != 0)
		die("the vector written back is not a fixed point", b.ptr);
	ym_buf_release(&a);
	ym_buf_release(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!shipped) {
		ym_err err = YM_ERR_INIT;
		if (ym_ssvc_registry_load(&shipped, &err))
			die("shipped tables do not load", err.msg);
	}
	if (size == 0)
		return 0;
	if (data[0] & 1)
		vector_mode(data + 1, size - 1);
	else
		table_mode(data + 1, size - 1);
	return 0;
}
