/* fuzz_ledger_csv.c - libFuzzer target for the ledger CSV reader.
 *
 * A failure must leave a negative code and a message. On success every
 * row has a non-empty name, row lines increase, dates are YYYY-MM-DD
 * and counts are -1 or more; and writing the rows (in Japanese and in
 * English) then reading them back must give exactly the same assets.
 * The input, as text, is also fed to the date and count parsers: what
 * they accept must re-parse to itself. The arena is released after
 * every input.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "inventory/ledger_csv.h"

static void die(const char *what, size_t i)
{
	fprintf(stderr, "fuzz_ledger_csv: row %zu: %s\n", i, what);
	abort();
}

static bool same_str(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return strcmp(a, b) == 0;
}

static const char *asset_diff(const ym_asset *a, const ym_asset *b)
{
#define S(f) if (!same_str(a->f, b->f)) return #f
	S(name); S(vendor); S(version); S(cpe); S(purl);
	S(function_category); S(data_kind); S(configuration); S(exposure);
	S(open_ports); S(location); S(department_code); S(owner);
	S(criticality); S(introduced_on); S(support_end_on);
	S(retire_planned_on); S(retired_on); S(disposed_on); S(tags);
#undef S
	if (a->kind != b->kind)
		return "kind";
	if (a->data_records != b->data_records)
		return "data_records";
	if (a->safety_relevant != b->safety_relevant)
		return "safety_relevant";
	return NULL;
}

static void check_date(const char *d, size_t i)
{
	char again[11];
	if (!d)
		return;
	if (strlen(d) != 10 || d[4] != '-' || d[7] != '-')
		die("date not YYYY-MM-DD", i);
	if (ym_ledger_parse_date(d, again, NULL) || strcmp(again, d) != 0)
		die("date does not re-parse to itself", i);
}

static void round_trip(const ym_ledger *l, ym_ledger_lang lang,
		       ym_arena *a)
{
	ym_buf b = YM_BUF_INIT;
	ym_err err = YM_ERR_INIT;
	ym_ledger back;

	if (ym_ledger_csv_write(l->assets, l->n, lang, &b, &err) != 0)
		die("write failed", 0);
	if (ym_ledger_csv_read(b.ptr, b.len, "rt.csv", a, &back, &err) != 0) {
		fprintf(stderr, "fuzz_ledger_csv: re-read: %ld:%ld: %s\n",
			err.line, err.column, err.msg);
		die("written CSV does not read back", 0);
	}
	if (back.n != l->n)
		die("row count changed in the round trip", back.n);
	for (size_t i = 0; i < l->n; i++) {
		const char *d = asset_diff(&l->assets[i], &back.assets[i]);
		if (d) {
			fprintf(stderr, "fuzz_ledger_csv: field %s differs\n",
				d);
			die("round trip changed a row", i);
		}
	}
	ym_buf_release(&b);
}

static void parsers(const uint8_t *data, size_t size)
{
	char s[128], out[11], again[11];
	int64_t v, w;
	if (size >= sizeof s)
		return;
	memcpy(s, data, size);
	s[size] = '\0';
	if (ym_ledger_parse_date(s, out, NULL) == 0 &&
	    (ym_ledger_parse_date(out, again, NULL) != 0 ||
	     strcmp(out, again) != 0))
		die("parsed date does not re-parse to itself", 0);
	if (ym_ledger_parse_count(s, &v, NULL) == 0) {
		char num[32];
		snprintf(num, sizeof num, "%lld", (long long)v);
		if (v < 0 || ym_ledger_parse_count(num, &w, NULL) != 0 ||
		    w != v)
			die("parsed count does not re-parse to itself", 0);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ym_arena a;
	ym_err err = YM_ERR_INIT;
	ym_ledger l;
	int rc;

	parsers(data, size);
	ym_arena_init(&a, 4096);
	rc = ym_ledger_csv_read((const char *)data, size, "in.csv", &a, &l,
				&err);
	if (rc != 0) {
		if (rc > 0 || err.code != rc || err.msg[0] == '\0') {
			fprintf(stderr, "fuzz_ledger_csv: rc %d, err.code %d, "
				"msg '%s'\n", rc, err.code, err.msg);
			abort();
		}
		goto done;
	}
	if (l.n_notes < 1)
		die("no encoding note", 0);
	for (size_t i = 0; i < l.n; i++) {
		const ym_asset *as = &l.assets[i];
		if (!as->name || !*as->name)
			die("empty name", i);
		if (i && l.lines[i] <= l.lines[i - 1])
			die("row lines do not increase", i);
		if (as->data_records < -1)
			die("negative record count", i);
		check_date(as->introduced_on, i);
		check_date(as->support_end_on, i);
		check_date(as->retire_planned_on, i);
		check_date(as->retired_on, i);
		check_date(as->disposed_on, i);
	}
	round_trip(&l, YM_LEDGER_LANG_JA, &a);
	round_trip(&l, YM_LEDGER_LANG_EN, &a);
done:
	ym_arena_release(&a);
	return 0;
}
