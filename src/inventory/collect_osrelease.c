/* collect_osrelease.c - os-release(5) into ym_inv_os.
 *
 * The file is a list of shell-style variable assignments, one per line:
 * KEY=value where the value may be unquoted (a backslash escapes the next
 * character), 'single-quoted' (taken literally) or "double-quoted" (a
 * backslash escapes only " \ $ and `); quoted and unquoted parts may be
 * joined. Lines starting with '#' are comments. Variable expansion and
 * multi-line values are not supported: os-release(5) forbids them. */
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "core/i18n.h"
#include "core/utf8.h"
#include "inventory/inventory.h"

static int line_fail(ym_err *err, int code, const char *file, long line,
		     const char *key, const char *msg)
{
	ym_err_set(err, code, "%s", msg);
	ym_err_at(err, file, line, 0);
	if (key && *key)
		ym_err_field(err, "%s", key);
	return code;
}

/* Unquotes the value s[0..n) into b. Returns NULL or an error message. */
static const char *unquote(const char *s, size_t n, ym_buf *b)
{
	size_t i = 0;
	ym_buf_reset(b);
	while (i < n) {
		char c = s[i];
		if (c == '\'') {
			const char *e = memchr(s + i + 1, '\'', n - i - 1);
			if (!e)
				return _("unterminated single quote");
			ym_buf_add(b, s + i + 1, (size_t)(e - s - i - 1));
			i = (size_t)(e - s) + 1;
		} else if (c == '"') {
			i++;
			while (i < n && s[i] != '"') {
				if (s[i] == '\\' && i + 1 < n &&
				    strchr("\"\\$`", s[i + 1]))
					i++;
				ym_buf_addc(b, s[i++]);
			}
			if (i >= n)
				return _("unterminated double quote");
			i++;
		} else if (c == '\\') {
			if (i + 1 >= n)
				return _("backslash at the end of the line");
			ym_buf_addc(b, s[i + 1]);
			i += 2;
		} else if (c == ' ' || c == '\t') {
			/* white space may only end the value */
			while (i < n && (s[i] == ' ' || s[i] == '\t'))
				i++;
			if (i < n && s[i] != '#')
				return _("unquoted white space in the value");
			break;
		} else if (strchr("$`;&|<>()", c)) {
			return _("shell syntax other than quoting is not "
				 "allowed in os-release");
		} else {
			ym_buf_addc(b, c);
			i++;
		}
	}
	return NULL;
}

int ym_osrelease_parse(const char *text, size_t len, const char *filename,
		       ym_arena *a, ym_inv_os *out, ym_err *err)
{
	const char *file = filename ? filename : "";
	ym_buf val = YM_BUF_INIT;
	size_t pos = 0;
	long line = 0;
	int rc = 0;

	memset(out, 0, sizeof *out);
	if (len > YM_INVENTORY_MAX_BYTES)
		return line_fail(err, YM_E_TOOBIG, file, 0, NULL,
				 _("file too large"));
	while (pos < len) {
		const char *s = text + pos;
		const char *nl = memchr(s, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - s) : len - pos;
		pos += n + (nl ? 1 : 0);
		line++;
		if (n > 0 && s[n - 1] == '\r')
			n--;
		if (memchr(s, '\0', n) || !ym_utf8_valid(s, n, NULL)) {
			rc = line_fail(err, YM_E_PARSE, file, line, NULL,
				       _("NUL byte or invalid UTF-8 in the "
					 "line"));
			goto out;
		}
		while (n > 0 && (*s == ' ' || *s == '\t')) {
			s++;
			n--;
		}
		if (n == 0 || *s == '#')
			continue;
		size_t k = 0;
		while (k < n && (s[k] == '_' || (s[k] >= 'A' && s[k] <= 'Z') ||
				 (s[k] >= 'a' && s[k] <= 'z') ||
				 (k > 0 && s[k] >= '0' && s[k] <= '9')))
			k++;
		if (k == 0 || k >= n || s[k] != '=') {
			rc = line_fail(err, YM_E_PARSE, file, line, NULL,
				       _("expected KEY=value"));
			goto out;
		}
		char key[64];
		snprintf(key, sizeof key, "%.*s", (int)(k < 63 ? k : 63), s);
		if (n - k - 1 > YM_INVENTORY_MAX_FIELD) {
			rc = line_fail(err, YM_E_TOOBIG, file, line, key,
				       _("value too long"));
			goto out;
		}
		const char *msg = unquote(s + k + 1, n - k - 1, &val);
		if (msg) {
			rc = line_fail(err, YM_E_PARSE, file, line, key, msg);
			goto out;
		}
		const char **dst = NULL;
		if (strcmp(key, "ID") == 0)
			dst = &out->id;
		else if (strcmp(key, "VERSION_ID") == 0)
			dst = &out->version_id;
		else if (strcmp(key, "NAME") == 0)
			dst = &out->name;
		else if (strcmp(key, "PRETTY_NAME") == 0)
			dst = &out->pretty_name;
		else if (strcmp(key, "ID_LIKE") == 0)
			dst = &out->id_like;
		if (dst)
			*dst = val.len ? ym_arena_strndup(a, val.ptr, val.len)
				       : NULL;
	}
out:
	ym_buf_release(&val);
	if (rc)
		memset(out, 0, sizeof *out);
	return rc;
}
