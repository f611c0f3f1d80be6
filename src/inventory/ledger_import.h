/* ledger_import.h - a ledger spreadsheet (CSV) into the store, and the
 * store's ledger out as CSV or .xlsx.
 *
 * Import: each row is the asset of that name; a new name creates it, a
 * known one has the columns the file has set to the row's values (each
 * change in the history with the old value; columns the file lacks are
 * left alone). Departments are found by code or name. One transaction:
 * an unknown department or a bad value anywhere changes nothing. */
#ifndef YM_INVENTORY_LEDGER_IMPORT_H
#define YM_INVENTORY_LEDGER_IMPORT_H

#include <stdint.h>

#include "core/err.h"
#include "inventory/ledger_csv.h"
#include "store/store.h"

typedef struct ym_ledger_import_result {
	int64_t rows, created, updated, unchanged, fields;
	const char *encoding; /* "UTF-8", "UTF-8 (BOM)", "Shift_JIS" */
} ym_ledger_import_result;

/* note: receives each remark of the reader (ignored columns...). */
typedef void (*ym_ledger_note_fn)(const char *file,
				  const ym_ledger_note *n, void *ctx);
int ym_ledger_import_csv(ym_store *s, const char *path,
			 ym_ledger_note_fn note, void *note_ctx,
			 ym_ledger_import_result *res, ym_err *err);

typedef enum ym_ledger_format { YM_LEDGER_CSV, YM_LEDGER_XLSX } ym_ledger_format;
int ym_ledger_export(ym_store *s, const ym_scope *scope, const char *path,
		     ym_ledger_format fmt, ym_ledger_lang lang, int64_t *rows,
		     ym_err *err);

#endif
