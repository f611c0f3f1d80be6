/* err.h - error codes and the error record every fallible call fills.
 *
 * Functions return 0 on success or a negative YM_E_* code. Detail goes into
 * a caller-supplied ym_err (which may be NULL when the caller does not care).
 * Ownership: ym_err is a plain value with fixed-size buffers; nothing to free.
 */
#ifndef YM_CORE_ERR_H
#define YM_CORE_ERR_H

#include <stdarg.h>

struct ym_buf;

enum {
	YM_OK = 0,
	YM_E_NOMEM = -1,       /* allocation failed */
	YM_E_IO = -2,          /* read/write/open failed */
	YM_E_PARSE = -3,       /* malformed input syntax */
	YM_E_INVALID = -4,     /* well-formed but invalid value */
	YM_E_NOTFOUND = -5,    /* no such object */
	YM_E_STORE = -6,       /* database error */
	YM_E_TOOBIG = -7,      /* input exceeds a configured limit */
	YM_E_USAGE = -8,       /* caller/user misuse (bad option, argument) */
	YM_E_EXISTS = -9,      /* object already exists */
	YM_E_UNSUPPORTED = -10 /* valid but not supported (yet) */
};

typedef struct ym_err {
	int code;          /* one of YM_E_*, 0 when no error recorded */
	char file[512];    /* input file the error is about, "" if none */
	long line;         /* 1-based line in file, 0 if unknown */
	long column;       /* 1-based column (in bytes), 0 if unknown */
	char record[128];  /* id of the feed record (CVE-..., JVNDB-...), "" if none */
	char field[256];   /* field path such as components[3].purl, "" if none */
	char msg[1024];    /* human message: lowercase, what failed, then why */
} ym_err;

#define YM_ERR_INIT { 0, "", 0, 0, "", "", "" }

void ym_err_clear(ym_err *e);

/* Records code and a printf-style message; returns code so callers can
 * write `return ym_err_set(err, YM_E_PARSE, ...)`. e may be NULL. */
int ym_err_set(ym_err *e, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int ym_err_setv(ym_err *e, int code, const char *fmt, va_list ap);

/* Attach location context; any argument may be NULL/0 to leave it unset. */
void ym_err_at(ym_err *e, const char *file, long line, long column);
void ym_err_field(ym_err *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Names the record of a feed file the error is about (not overwritten
 * once set, so the innermost caller that knows it wins). */
void ym_err_record(ym_err *e, const char *record_id);

/* Generic text for a code ("parse error", ...), translated. */
const char *ym_strerror(int code);

/* "file:line:column: record ID: field: message" with the parts that are
 * set. */
void ym_err_format(const ym_err *e, struct ym_buf *out);

#endif
