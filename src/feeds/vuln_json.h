/* vuln_json.h - a vulnerability source record as JSON, both ways: what
 * `yamori vuln show --format json` prints for each source, and the line
 * format of air-gapped bundles (bundle.c), which must read back into
 * exactly the record that was written. */
#ifndef YM_FEEDS_VULN_JSON_H
#define YM_FEEDS_VULN_JSON_H

#include "core/arena.h"
#include "core/err.h"
#include "core/json.h"
#include "store/store.h"

/* a: scratch for re-parsing the stored JSON texts. */
void ym_vuln_json_write(ym_jsonw *w, ym_arena *a, const ym_vuln *v);
/* Reads what ym_vuln_json_write wrote; every string lives in a (or in
 * the DOM o was parsed into). file names the input in errors. */
int ym_vuln_json_read(const ym_json *o, const char *file, ym_arena *a,
		      ym_vuln *out, ym_err *err);

#endif
