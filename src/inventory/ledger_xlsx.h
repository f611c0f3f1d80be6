/* ledger_xlsx.h - the asset ledger as an Excel workbook (.xlsx), written
 * with libxlsxwriter. Export only: users who edit the ledger in Excel
 * save it as CSV and import that (inventory/ledger_csv.h).
 *
 * One sheet, "台帳" (Japanese) or "Ledger" (English), with the columns
 * of the CSV writer: a bold, frozen header row with an autofilter,
 * column widths from the East Asian display width of the contents, dates
 * as real Excel dates shown as yyyy-mm-dd, record counts as numbers and
 * everything else as text (never as a formula).
 *
 * Ownership: inputs are borrowed.
 */
#ifndef YM_INVENTORY_LEDGER_XLSX_H
#define YM_INVENTORY_LEDGER_XLSX_H

#include <stddef.h>

#include "core/err.h"
#include "inventory/ledger_csv.h"
#include "store/store.h"

/* Writes assets[0..n) to a new workbook at path (replaced if it
 * exists). A date that is not YYYY-MM-DD (1900-9999) is written as
 * text rather than lost. Returns 0, YM_E_IO (the file cannot be
 * written), YM_E_TOOBIG (more rows than a sheet holds, a text over
 * Excel's 32767 characters) or YM_E_NOMEM; err names the file and, for
 * a value, the sheet row (as line) and column. */
int ym_ledger_xlsx_write(const char *path, const ym_asset *assets,
			 size_t n, ym_ledger_lang lang, ym_err *err);

#endif
