/* ledger_csv.h - the asset ledger (ym_asset rows) as CSV, both ways.
 *
 * Reading: RFC 4180 CSV (quoted fields, doubled quotes, CR LF or LF,
 * newlines inside quotes, a last line without newline) in UTF-8 with or
 * without a byte order mark, or in Shift_JIS (CP932, as Excel on Japanese
 * Windows saves "CSV (comma delimited)") when the bytes are not UTF-8.
 * Column headers may be Japanese or English (docs/ledger-csv.md lists the
 * accepted names); values are normalised (kinds, exposure, criticality,
 * yes/no, dates in several forms, counts such as 1,234 or 12万).
 * No store access: the department is handed over as the cell text in
 * department_code (a code or a name) for the caller to resolve.
 *
 * Writing: UTF-8 with a byte order mark (so Excel opens it right), CR LF,
 * every ledger column, headers and enumerated values in Japanese or
 * English, dates ISO. What the writer writes, the reader reads back to
 * the same assets.
 *
 * Ownership: inputs are borrowed. Everything a read returns (assets,
 * strings, line numbers, notes) lives in the caller's arena.
 */
#ifndef YM_INVENTORY_LEDGER_CSV_H
#define YM_INVENTORY_LEDGER_CSV_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "store/store.h"

/* Language of written headers and enumerated values. */
typedef enum ym_ledger_lang {
	YM_LEDGER_LANG_JA = 0, /* 資産名, 種別 システム, 重要度 高, ... */
	YM_LEDGER_LANG_EN      /* name, kind system, criticality high, ... */
} ym_ledger_lang;

/* The encoding a file was read in. */
typedef enum ym_ledger_encoding {
	YM_LEDGER_ENC_UTF8 = 0, /* UTF-8 without a byte order mark */
	YM_LEDGER_ENC_UTF8_BOM, /* UTF-8 with a byte order mark */
	YM_LEDGER_ENC_CP932     /* Shift_JIS (CP932), converted with iconv */
} ym_ledger_encoding;

/* A warning or remark about the file (the import goes on). */
typedef struct ym_ledger_note {
	long line;         /* physical line, 0 when about the whole file */
	long column;       /* 1-based field number, 0 when none */
	const char *field; /* header text of that column, or NULL */
	const char *msg;   /* translated message */
} ym_ledger_note;

typedef struct ym_ledger {
	ym_asset *assets;            /* n rows in file order; id 0,
				      * department_id 0, department_code =
				      * the cell text, store-filled fields
				      * NULL/0 */
	long *lines;                 /* lines[i]: physical line (1-based)
				      * where row i starts */
	size_t n;
	ym_ledger_encoding encoding; /* what the bytes were */
	ym_ledger_note *notes;       /* n_notes remarks: the encoding read,
				      * ignored columns, skipped title rows */
	size_t n_notes;
	uint64_t fields;             /* YM_AF_BIT() of every field the
				      * header has a column for */
} ym_ledger;

/* Reads a ledger CSV from data[0..len). filename names the file in
 * errors and notes. Stops at the first error: err gets the file, the
 * physical line, the column (1-based field number), the field (the
 * column's header text, when known) and the message. Returns 0,
 * YM_E_PARSE (CSV syntax, encoding), YM_E_INVALID (a header or a value)
 * or YM_E_TOOBIG. */
int ym_ledger_csv_read(const char *data, size_t len, const char *filename,
		       ym_arena *a, ym_ledger *out, ym_err *err);

/* Appends assets[0..n) as CSV to out: BOM, a header row in lang, one row
 * per asset, CR LF line ends, fields quoted when needed. The department
 * is written as department_code, or department_name when there is no
 * code. A text value beginning with = + - @ or ' gets a leading '
 * (so Excel does not run it as a formula); the reader takes it off.
 * Returns 0 or YM_E_TOOBIG (out's limit). */
int ym_ledger_csv_write(const ym_asset *assets, size_t n,
			ym_ledger_lang lang, ym_buf *out, ym_err *err);

/* ---- the column set, shared with the .xlsx writer ---- */

#define YM_LEDGER_NCOLS 23

typedef enum ym_ledger_col_type {
	YM_LEDGER_COL_TEXT = 0, /* free or enumerated text */
	YM_LEDGER_COL_DATE,     /* YYYY-MM-DD */
	YM_LEDGER_COL_COUNT     /* data_records: a whole number, -1 none */
} ym_ledger_col_type;

/* Header of written column col (0 .. YM_LEDGER_NCOLS-1) in lang. */
const char *ym_ledger_col_header(int col, ym_ledger_lang lang);
ym_ledger_col_type ym_ledger_col_kind(int col);
/* Text shown for column col of a (enumerated values in lang, safety as
 * はい/いいえ or yes/no, dates as stored), or NULL when empty. For the
 * count column: NULL; use a->data_records. */
const char *ym_ledger_col_value(const ym_asset *a, int col,
				ym_ledger_lang lang);

/* ---- value parsers, also for other importers ---- */

/* Date in any accepted form (YYYY-MM-DD, YYYY/M/D, YYYY.M.D, YYYYMMDD,
 * YYYY年M月D日, 令和6年4月1日, R6.4.1, an Excel serial number such as
 * 45383; full-width digits allowed; a trailing time is ignored) to
 * YYYY-MM-DD in out. Returns 0, or YM_E_INVALID with a translated reason
 * in *why (may be NULL). */
int ym_ledger_parse_date(const char *s, char out[11], const char **why);
/* Record count: 1234, 1,234, 12万, 1.5万, 3億, 約100件. Returns 0 or
 * YM_E_INVALID with a translated reason in *why (may be NULL). */
int ym_ledger_parse_count(const char *s, int64_t *out, const char **why);

/* "UTF-8", "UTF-8 (BOM)", "Shift_JIS (CP932)". */
const char *ym_ledger_encoding_name(ym_ledger_encoding e);

#endif
