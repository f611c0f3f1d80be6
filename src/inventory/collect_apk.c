/* collect_apk.c - /lib/apk/db/installed into packages.
 *
 * One record per installed package, records separated by blank lines,
 * each line "X:value" with a single-letter key: P name, V version,
 * A architecture, o origin (the source package); the others (checksums,
 * files, dependencies) are ignored. Every package in the file is
 * installed. */
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/vec.h"
#include "core/utf8.h"
#include "inventory/inventory.h"

typedef struct rec {
	long line;
	const char *name, *version, *arch, *origin;
} rec;

static int fail(ym_err *err, int code, const char *file, long line,
		const char *field, const char *msg)
{
	ym_err_set(err, code, "%s", msg);
	ym_err_at(err, file, line, 0);
	if (field)
		ym_err_field(err, "%s", field);
	return code;
}

static int end_rec(rec *r, const char *file, ym_inv_pkglist *out,
		   ym_err *err)
{
	if (!r->line)
		return 0;
	if (!r->name)
		return fail(err, YM_E_PARSE, file, r->line, "P",
			    _("package record without a name (P:)"));
	if (!r->version)
		return fail(err, YM_E_PARSE, file, r->line, "V",
			    _("package record without a version (V:)"));
	ym_inv_package p = {
		.type = "apk",
		.name = r->name,
		.version = r->version,
		.arch = r->arch,
		.source_name = r->origin,
		.source_version = r->origin ? r->version : NULL,
		.status = "installed",
	};
	ym_vec_push(out, p);
	memset(r, 0, sizeof *r);
	return 0;
}

int ym_apk_installed_parse(const char *text, size_t len,
			   const char *filename, ym_arena *a,
			   ym_inv_pkglist *out, ym_err *err)
{
	const char *file = filename ? filename : "";
	rec r = {0};
	size_t pos = 0;
	long line = 0;
	int rc;

	if (len > YM_INVENTORY_MAX_BYTES)
		return fail(err, YM_E_TOOBIG, file, 0, NULL,
			    _("file too large"));
	while (pos < len) {
		const char *s = text + pos;
		const char *nl = memchr(s, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - s) : len - pos;
		pos += n + (nl ? 1 : 0);
		line++;
		if (n > 0 && s[n - 1] == '\r')
			n--;
		if (n == 0) {
			if ((rc = end_rec(&r, file, out, err)))
				return rc;
			continue;
		}
		if (memchr(s, '\0', n) || !ym_utf8_valid(s, n, NULL))
			return fail(err, YM_E_PARSE, file, line, NULL,
				    _("NUL byte or invalid UTF-8 in the "
				      "line"));
		if (n < 2 || s[1] != ':' ||
		    !((s[0] >= 'A' && s[0] <= 'Z') ||
		      (s[0] >= 'a' && s[0] <= 'z')))
			return fail(err, YM_E_PARSE, file, line, NULL,
				    _("expected 'X:value' (one letter, a "
				      "colon, the value)"));
		if (!r.line)
			r.line = line;
		const char **dst = NULL;
		char key[2] = {s[0], 0};
		switch (s[0]) {
		case 'P': dst = &r.name; break;
		case 'V': dst = &r.version; break;
		case 'A': dst = &r.arch; break;
		case 'o': dst = &r.origin; break;
		default: break;
		}
		if (!dst)
			continue;
		if (*dst)
			return fail(err, YM_E_PARSE, file, line, key,
				    _("field appears twice in the record"));
		if (n - 2 > YM_INVENTORY_MAX_FIELD)
			return fail(err, YM_E_TOOBIG, file, line, key,
				    _("value too long"));
		if (n == 2)
			return fail(err, YM_E_PARSE, file, line, key,
				    _("empty value"));
		*dst = ym_arena_strndup(a, s + 2, n - 2);
	}
	return end_rec(&r, file, out, err);
}
