/* fuzz_vuln_json.c - libFuzzer target for the bundle record reader
 * (feeds/vuln_json.c): a line of a feed bundle is read into a ym_vuln;
 * when that succeeds the record is written back and must read again to
 * the same JSON text (the bundle round trip). A failure must leave a code
 * and a message set. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/json.h"
#include "feeds/vuln_json.h"

static void write_rec(const ym_vuln *v, ym_arena *a, ym_buf *out)
{
	ym_jsonw w;
	ym_buf_reset(out);
	ym_jsonw_init(&w, out, false);
	ym_vuln_json_write(&w, a, v);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ym_arena a;
	ym_err err = YM_ERR_INIT;
	ym_buf one = YM_BUF_INIT, two = YM_BUF_INIT;
	ym_arena_init(&a, 4096);
	const ym_json *o = ym_json_parse(&a, (const char *)data, size, NULL,
					 "in.jsonl", &err);
	ym_vuln v;
	if (o) {
		int rc = ym_vuln_json_read(o, "in.jsonl", &a, &v, &err);
		if (rc && (err.code != rc || !err.msg[0])) {
			fprintf(stderr, "fuzz_vuln_json: rc %d without a message\n",
				rc);
			abort();
		}
		if (!rc) {
			write_rec(&v, &a, &one);
			const ym_json *o2 = ym_json_parse(&a, one.ptr, one.len,
							  NULL, "again", &err);
			ym_vuln v2;
			if (!o2 || ym_vuln_json_read(o2, "again", &a, &v2, &err)) {
				fprintf(stderr, "fuzz_vuln_json: written record "
						"does not read back: %s\n%s\n",
					err.msg, one.ptr);
				abort();
			}
			write_rec(&v2, &a, &two);
			if (one.len != two.len ||
			    memcmp(one.ptr, two.ptr, one.len) != 0) {
				fprintf(stderr, "fuzz_vuln_json: round trip "
						"differs\n%s\n%s\n",
					one.ptr, two.ptr);
				abort();
			}
		}
	}
	ym_buf_release(&one);
	ym_buf_release(&two);
	ym_arena_release(&a);
	return 0;
}
