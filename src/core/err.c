/* err.c - the error record (see err.h). */
#include "err.h"

#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "i18n.h"

void ym_err_clear(ym_err *e)
{
	if (!e)
		return;
	e->code = 0;
	e->file[0] = '\0';
	e->line = 0;
	e->column = 0;
	e->record[0] = '\0';
	e->field[0] = '\0';
	e->msg[0] = '\0';
}

int ym_err_setv(ym_err *e, int code, const char *fmt, va_list ap)
{
	if (!e)
		return code;
	e->code = code;
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	return code;
}

int ym_err_set(ym_err *e, int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	ym_err_setv(e, code, fmt, ap);
	va_end(ap);
	return code;
}

void ym_err_at(ym_err *e, const char *file, long line, long column)
{
	if (!e)
		return;
	if (file)
		snprintf(e->file, sizeof e->file, "%s", file);
	if (line)
		e->line = line;
	if (column)
		e->column = column;
}

void ym_err_field(ym_err *e, const char *fmt, ...)
{
	if (!e)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e->field, sizeof e->field, fmt, ap);
	va_end(ap);
}

const char *ym_strerror(int code)
{
	switch (code) {
	case YM_OK: return _("success");
	case YM_E_NOMEM: return _("out of memory");
	case YM_E_IO: return _("input/output error");
	case YM_E_PARSE: return _("parse error");
	case YM_E_INVALID: return _("invalid value");
	case YM_E_NOTFOUND: return _("not found");
	case YM_E_STORE: return _("database error");
	case YM_E_TOOBIG: return _("input too large");
	case YM_E_USAGE: return _("usage error");
	case YM_E_EXISTS: return _("already exists");
	case YM_E_UNSUPPORTED: return _("not supported");
	}
	return _("unknown error");
}

void ym_err_format(const ym_err *e, ym_buf *out)
{
	if (e->file[0]) {
		ym_buf_adds(out, e->file);
		if (e->line) {
			ym_buf_printf(out, ":%ld", e->line);
			if (e->column)
				ym_buf_printf(out, ":%ld", e->column);
		}
		ym_buf_adds(out, ": ");
	}
	if (e->record[0])
		ym_buf_printf(out, _("record %s: "), e->record);
	if (e->field[0])
		ym_buf_printf(out, "%s: ", e->field);
	ym_buf_adds(out, e->msg[0] ? e->msg : ym_strerror(e->code));
}

void ym_err_record(ym_err *e, const char *record_id)
{
	if (!e || !record_id || !*record_id || e->record[0])
		return;
	snprintf(e->record, sizeof e->record, "%s", record_id);
}
