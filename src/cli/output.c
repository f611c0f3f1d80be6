/* output.c - rows rendered as an aligned table, CSV or JSON. */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/json.h"
#include "core/utf8.h"
#include "core/vec.h"
#include "core/xalloc.h"

#define MAX_COL_WIDTH 48 /* table cells wider than this are cut with … */

struct ym_table {
	size_t ncols;
	const char *const *keys;    /* JSON keys */
	const char *const *headers; /* table/CSV headers (translated) */
	YM_VEC(char *) cells;       /* row-major, owned; NULL = empty */
	bool right[32];
};

ym_table *ym_table_new(size_t ncols, const char *const *keys,
		       const char *const *headers)
{
	ym_table *t = ym_xcalloc(1, sizeof *t);
	t->ncols = ncols < 32 ? ncols : 32;
	t->keys = keys;
	t->headers = headers;
	return t;
}

void ym_table_align_right(ym_table *t, size_t col)
{
	if (col < t->ncols)
		t->right[col] = true;
}

void ym_table_add_row(ym_table *t, const char *const *cells)
{
	for (size_t i = 0; i < t->ncols; i++)
		ym_vec_push(&t->cells, cells[i] ? ym_xstrdup(cells[i]) : NULL);
}

size_t ym_table_rows(const ym_table *t)
{
	return t->ncols ? t->cells.n / t->ncols : 0;
}

void ym_table_free(ym_table *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->cells.n; i++)
		free(t->cells.v[i]);
	ym_vec_release(&t->cells);
	free(t);
}

void ym_csv_field(ym_buf *out, const char *s)
{
	if (!s)
		return;
	if (!strpbrk(s, ",\"\r\n")) {
		ym_buf_adds(out, s);
		return;
	}
	ym_buf_addc(out, '"');
	for (; *s; s++) {
		if (*s == '"')
			ym_buf_addc(out, '"');
		ym_buf_addc(out, *s);
	}
	ym_buf_addc(out, '"');
}

/* One table cell: control characters become spaces, long text is cut at
 * a character boundary so Japanese text is never split mid-character. */
static void cell_text(const char *s, ym_buf *out)
{
	ym_buf_reset(out);
	if (!s)
		return;
	for (const char *p = s; *p; p++)
		ym_buf_addc(out, (unsigned char)*p < 0x20 ? ' ' : *p);
	if (ym_utf8_width(out->ptr, out->len) > MAX_COL_WIDTH) {
		size_t cut = ym_utf8_prefix_cols(out->ptr, out->len,
						 MAX_COL_WIDTH - 1);
		ym_buf_truncate(out, cut);
		ym_buf_adds(out, "\xE2\x80\xA6"); /* … */
	}
}

static void render_table(const ym_table *t, ym_buf *out)
{
	size_t rows = ym_table_rows(t);
	size_t width[32] = {0};
	ym_buf cell = YM_BUF_INIT;
	for (size_t c = 0; c < t->ncols; c++)
		width[c] = ym_utf8_width(t->headers[c], strlen(t->headers[c]));
	for (size_t r = 0; r < rows; r++)
		for (size_t c = 0; c < t->ncols; c++) {
			cell_text(t->cells.v[r * t->ncols + c], &cell);
			size_t w = ym_utf8_width(cell.ptr, cell.len);
			if (w > width[c])
				width[c] = w;
		}
	for (size_t r = 0; r <= rows; r++) {
		for (size_t c = 0; c < t->ncols; c++) {
			const char *s = r == 0 ? t->headers[c]
					       : t->cells.v[(r - 1) * t->ncols + c];
			cell_text(s, &cell);
			size_t w = ym_utf8_width(cell.ptr, cell.len);
			bool last = c + 1 == t->ncols;
			if (t->right[c] && r > 0)
				ym_buf_addn(out, ' ', width[c] - w);
			ym_buf_add(out, cell.ptr, cell.len);
			if (!last && !(t->right[c] && r > 0))
				ym_buf_addn(out, ' ', width[c] - w);
			if (!last)
				ym_buf_adds(out, "  ");
		}
		/* no trailing blanks: tests compare exact lines */
		while (out->len && out->ptr[out->len - 1] == ' ')
			ym_buf_truncate(out, out->len - 1);
		ym_buf_addc(out, '\n');
	}
	ym_buf_release(&cell);
}

void ym_table_render(const ym_table *t, ym_format fmt, ym_buf *out)
{
	size_t rows = ym_table_rows(t);
	if (fmt == YM_FMT_TABLE) {
		render_table(t, out);
	} else if (fmt == YM_FMT_CSV) {
		for (size_t c = 0; c < t->ncols; c++) {
			if (c)
				ym_buf_addc(out, ',');
			ym_csv_field(out, t->keys[c]);
		}
		ym_buf_adds(out, "\r\n");
		for (size_t r = 0; r < rows; r++) {
			for (size_t c = 0; c < t->ncols; c++) {
				if (c)
					ym_buf_addc(out, ',');
				ym_csv_field(out, t->cells.v[r * t->ncols + c]);
			}
			ym_buf_adds(out, "\r\n");
		}
	} else {
		ym_jsonw w;
		ym_jsonw_init(&w, out, true);
		ym_jsonw_arr_begin(&w);
		for (size_t r = 0; r < rows; r++) {
			ym_jsonw_obj_begin(&w);
			for (size_t c = 0; c < t->ncols; c++)
				ym_jsonw_kstr(&w, t->keys[c],
					      t->cells.v[r * t->ncols + c]);
			ym_jsonw_obj_end(&w);
		}
		ym_jsonw_arr_end(&w);
		ym_buf_addc(out, '\n');
	}
}
