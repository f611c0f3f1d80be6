/* ledger_xlsx.c - the asset ledger as an .xlsx workbook (see
 * ledger_xlsx.h), written with libxlsxwriter. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <xlsxwriter.h>

#include "core/i18n.h"
#include "core/utf8.h"
#include "inventory/ledger_xlsx.h"

#define MAX_ROWS 1048575  /* data rows: Excel's 1048576 minus the header */
#define MIN_WIDTH 6.0
#define MAX_WIDTH 60.0

/* Display width of the widest line of s (East Asian wide = 2). */
static size_t text_cols(const char *s)
{
	size_t best = 0;
	while (*s) {
		size_t k = strcspn(s, "\r\n");
		size_t w = ym_utf8_width(s, k);
		if (w > best)
			best = w;
		s += k;
		while (*s == '\r' || *s == '\n')
			s++;
	}
	return best;
}

/* YYYY-MM-DD as an Excel date; false when s is not one. */
static bool iso_date(const char *s, lxw_datetime *dt)
{
	static const int mdays[] = {31, 29, 31, 30, 31, 30,
				    31, 31, 30, 31, 30, 31};
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !(s[i] >= '0' && s[i] <= '9'))
			return false;
	int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 +
		(s[2] - '0') * 10 + (s[3] - '0');
	int m = (s[5] - '0') * 10 + (s[6] - '0');
	int d = (s[8] - '0') * 10 + (s[9] - '0');
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (y < 1900 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1] ||
	    (m == 2 && d == 29 && !leap))
		return false;
	memset(dt, 0, sizeof *dt);
	dt->year = y;
	dt->month = m;
	dt->day = d;
	return true;
}

static int cell_error(ym_err *err, const char *path, lxw_error e,
		      size_t row, int col, ym_ledger_lang lang)
{
	int code = e == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED ? YM_E_TOOBIG
			   : e == LXW_ERROR_MEMORY_MALLOC_FAILED ? YM_E_NOMEM
								 : YM_E_IO;
	ym_err_set(err, code, _("cannot write the cell: %s"), lxw_strerror(e));
	ym_err_at(err, path, (long)row + 1, (long)col + 1);
	ym_err_field(err, "%s", ym_ledger_col_header(col, lang));
	return code;
}

int ym_ledger_xlsx_write(const char *path, const ym_asset *assets,
			 size_t n, ym_ledger_lang lang, ym_err *err)
{
	bool en = lang == YM_LEDGER_LANG_EN;
	double width[YM_LEDGER_NCOLS];
	lxw_workbook *wb = NULL;
	lxw_worksheet *ws;
	lxw_format *bold, *date;
	lxw_error e;
	int rc = 0;

	if (n > MAX_ROWS) {
		ym_err_set(err, YM_E_TOOBIG,
			   _("%zu assets do not fit in one sheet (at most "
			     "%d rows)"), n, MAX_ROWS);
		ym_err_at(err, path, 0, 0);
		return YM_E_TOOBIG;
	}
	/* libxlsxwriter only finds out at workbook_close, and prints to
	 * stderr: check first that the file can be made */
	FILE *f = fopen(path, "wb");
	if (!f) {
		ym_err_set(err, YM_E_IO, _("cannot create the file: %s"),
			   strerror(errno));
		ym_err_at(err, path, 0, 0);
		return YM_E_IO;
	}
	fclose(f);
	wb = workbook_new(path);
	if (!wb) {
		ym_err_set(err, YM_E_NOMEM, _("cannot create the workbook"));
		ym_err_at(err, path, 0, 0);
		return YM_E_NOMEM;
	}
	ws = workbook_add_worksheet(wb, en ? "Ledger" : "台帳");
	bold = workbook_add_format(wb);
	date = workbook_add_format(wb);
	if (!ws || !bold || !date) {
		rc = ym_err_set(err, YM_E_NOMEM,
				_("cannot create the worksheet"));
		ym_err_at(err, path, 0, 0);
		goto out;
	}
	format_set_bold(bold);
	format_set_num_format(date, "yyyy-mm-dd");

	for (int c = 0; c < YM_LEDGER_NCOLS; c++) {
		const char *h = ym_ledger_col_header(c, lang);
		width[c] = (double)text_cols(h);
		e = worksheet_write_string(ws, 0, (lxw_col_t)c, h, bold);
		if (e) {
			rc = cell_error(err, path, e, 0, c, lang);
			goto out;
		}
	}
	for (size_t i = 0; i < n; i++) {
		const ym_asset *a = &assets[i];
		lxw_row_t row = (lxw_row_t)(i + 1);
		for (int c = 0; c < YM_LEDGER_NCOLS; c++) {
			ym_ledger_col_type t = ym_ledger_col_kind(c);
			const char *v = ym_ledger_col_value(a, c, lang);
			lxw_datetime dt;
			double w = 0;

			e = LXW_NO_ERROR;
			if (t == YM_LEDGER_COL_COUNT) {
				if (a->data_records >= 0) {
					char tmp[32];
					long long r = a->data_records;
					int k = snprintf(tmp, sizeof tmp,
							 "%lld", r);
					e = worksheet_write_number(
						ws, row, (lxw_col_t)c,
						(double)a->data_records, NULL);
					w = k > 0 ? k : 0;
				}
			} else if (!v) {
				continue;
			} else if (t == YM_LEDGER_COL_DATE &&
				   iso_date(v, &dt)) {
				e = worksheet_write_datetime(ws, row,
							     (lxw_col_t)c, &dt,
							     date);
				w = 10;
			} else {
				e = worksheet_write_string(ws, row,
							   (lxw_col_t)c, v,
							   NULL);
				w = (double)text_cols(v);
			}
			if (e) {
				rc = cell_error(err, path, e, i + 1, c, lang);
				goto out;
			}
			if (w > width[c])
				width[c] = w;
		}
	}
	for (int c = 0; c < YM_LEDGER_NCOLS; c++) {
		double w = width[c] + 2; /* room for the filter button */
		if (w < MIN_WIDTH)
			w = MIN_WIDTH;
		if (w > MAX_WIDTH)
			w = MAX_WIDTH;
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, w, NULL);
	}
	worksheet_freeze_panes(ws, 1, 0);
	worksheet_autofilter(ws, 0, 0, (lxw_row_t)n, YM_LEDGER_NCOLS - 1);
out:
	e = workbook_close(wb);
	if (!rc && e) {
		rc = ym_err_set(err, YM_E_IO,
				_("cannot write the workbook: %s"),
				lxw_strerror(e));
		ym_err_at(err, path, 0, 0);
	}
	return rc;
}
