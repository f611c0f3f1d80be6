/* buf.c - owned growable buffer (see buf.h). */
#include "buf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "i18n.h"
#include "xalloc.h"

char ym_buf_empty_[1];

void ym_buf_init(ym_buf *b, size_t max)
{
	b->ptr = ym_buf_empty_;
	b->len = 0;
	b->cap = 0;
	b->max = max ? max : YM_BUF_DEFAULT_MAX;
}

void ym_buf_release(ym_buf *b)
{
	size_t max = b->max;
	if (b->cap)
		free(b->ptr);
	ym_buf_init(b, max);
}

void ym_buf_reset(ym_buf *b)
{
	b->len = 0;
	b->ptr[0] = '\0';
}

char *ym_buf_detach(ym_buf *b, size_t *len)
{
	char *p = b->cap ? b->ptr : ym_xstrdup("");
	if (len)
		*len = b->len;
	ym_buf_init(b, b->max);
	return p;
}

int ym_buf_grow(ym_buf *b, size_t extra)
{
	if (extra > b->max || b->len > b->max - extra)
		return YM_E_TOOBIG;
	size_t need = b->len + extra + 1;
	if (need <= b->cap)
		return 0;
	size_t n = b->cap ? b->cap : 64;
	while (n < need)
		n = n < ((size_t)-1) / 2 ? n * 2 : need;
	if (b->cap) {
		b->ptr = ym_xrealloc(b->ptr, n);
	} else {
		b->ptr = ym_xmalloc(n);
		b->ptr[0] = '\0';
	}
	b->cap = n;
	return 0;
}

int ym_buf_add(ym_buf *b, const void *data, size_t n)
{
	if (n == 0)
		return 0;
	int rc = ym_buf_grow(b, n);
	if (rc)
		return rc;
	memcpy(b->ptr + b->len, data, n);
	b->len += n;
	b->ptr[b->len] = '\0';
	return 0;
}

int ym_buf_adds(ym_buf *b, const char *s)
{
	return ym_buf_add(b, s, strlen(s));
}

int ym_buf_addc(ym_buf *b, char c)
{
	return ym_buf_add(b, &c, 1);
}

int ym_buf_addn(ym_buf *b, char c, size_t n)
{
	if (n == 0)
		return 0;
	int rc = ym_buf_grow(b, n);
	if (rc)
		return rc;
	memset(b->ptr + b->len, c, n);
	b->len += n;
	b->ptr[b->len] = '\0';
	return 0;
}

int ym_buf_vprintf(ym_buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	char small[256];
	va_copy(cp, ap);
	int n = vsnprintf(small, sizeof small, fmt, cp);
	va_end(cp);
	if (n < 0)
		return YM_E_INVALID;
	if ((size_t)n < sizeof small)
		return ym_buf_add(b, small, (size_t)n);
	int rc = ym_buf_grow(b, (size_t)n);
	if (rc)
		return rc;
	vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
	return 0;
}

int ym_buf_printf(ym_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int rc = ym_buf_vprintf(b, fmt, ap);
	va_end(ap);
	return rc;
}

void ym_buf_truncate(ym_buf *b, size_t len)
{
	if (len < b->len) {
		b->len = len;
		b->ptr[len] = '\0';
	}
}

int ym_buf_read_file(ym_buf *b, const char *path, ym_err *err)
{
	int is_stdin = strcmp(path, "-") == 0;
	FILE *f = is_stdin ? stdin : fopen(path, "rb");
	int rc = 0;
	if (!f) {
		rc = ym_err_set(err, YM_E_IO, _("cannot open: %s"),
				strerror(errno));
		ym_err_at(err, path, 0, 0);
		return rc;
	}
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		rc = ym_buf_add(b, chunk, n);
		if (rc) {
			ym_err_set(err, rc, _("file larger than %zu bytes"),
				   b->max);
			ym_err_at(err, path, 0, 0);
			goto out;
		}
	}
	if (ferror(f)) {
		rc = ym_err_set(err, YM_E_IO, _("read failed: %s"),
				strerror(errno));
		ym_err_at(err, path, 0, 0);
	}
out:
	if (!is_stdin)
		fclose(f);
	return rc;
}
