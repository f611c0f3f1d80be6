/* collect_dpkg.c - /var/lib/dpkg/status into packages.
 *
 * The file is a list of deb822 stanzas separated by blank lines; a field
 * is "Name: value" (names compared without case), continuation lines
 * start with a space or a tab. A package is kept when its Status is
 * "<want> ok installed": the files are on disk whatever the selection
 * (install, hold, deinstall, purge) says; half-installed, config-files,
 * not-installed and reinstreq stanzas are dropped. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/i18n.h"
#include "core/vec.h"
#include "core/utf8.h"
#include "inventory/inventory.h"

enum { F_PACKAGE, F_VERSION, F_ARCH, F_SOURCE, F_STATUS, F_N };

static const char *const field_names[F_N] = {
	"Package", "Version", "Architecture", "Source", "Status"};

typedef struct stanza {
	long line;          /* first line, 0 when no stanza is open */
	const char *v[F_N]; /* values, trimmed, not terminated */
	size_t n[F_N];
	long at[F_N];       /* line of each field */
} stanza;

static int fail(ym_err *err, int code, const char *file, long line,
		const char *field, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

static int fail(ym_err *err, int code, const char *file, long line,
		const char *field, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	ym_err_setv(err, code, fmt, ap);
	va_end(ap);
	ym_err_at(err, file, line, 0);
	if (field)
		ym_err_field(err, "%s", field);
	return code;
}

static bool word_is(const char **s, const char *end, const char *w)
{
	size_t n = strlen(w);
	while (*s < end && (**s == ' ' || **s == '\t'))
		(*s)++;
	if ((size_t)(end - *s) < n || memcmp(*s, w, n) != 0)
		return false;
	if (*s + n < end && (*s)[n] != ' ' && (*s)[n] != '\t')
		return false;
	*s += n;
	return true;
}

/* "<want> ok installed" */
static bool installed(const char *s, size_t n)
{
	const char *end = s + n;
	while (s < end && (*s == ' ' || *s == '\t'))
		s++;
	while (s < end && *s != ' ' && *s != '\t')
		s++; /* the selection */
	if (!word_is(&s, end, "ok") || !word_is(&s, end, "installed"))
		return false;
	while (s < end && (*s == ' ' || *s == '\t'))
		s++;
	return s == end;
}

static int end_stanza(stanza *st, const char *file, ym_arena *a,
		      ym_inv_pkglist *out, ym_err *err)
{
	if (!st->line)
		return 0;
	if (!st->v[F_STATUS] || !installed(st->v[F_STATUS], st->n[F_STATUS]))
		goto done;
	if (!st->v[F_PACKAGE] || !st->n[F_PACKAGE])
		return fail(err, YM_E_PARSE, file, st->line, "Package",
			    _("installed package without a Package field"));
	if (!st->v[F_VERSION] || !st->n[F_VERSION])
		return fail(err, YM_E_PARSE, file, st->line, "Version",
			    _("installed package '%.*s' has no Version"),
			    (int)st->n[F_PACKAGE], st->v[F_PACKAGE]);
	ym_inv_package p = {.type = "deb", .status = "installed"};
	p.name = ym_arena_strndup(a, st->v[F_PACKAGE], st->n[F_PACKAGE]);
	p.version = ym_arena_strndup(a, st->v[F_VERSION], st->n[F_VERSION]);
	if (st->v[F_ARCH] && st->n[F_ARCH])
		p.arch = ym_arena_strndup(a, st->v[F_ARCH], st->n[F_ARCH]);
	if (st->v[F_SOURCE] && st->n[F_SOURCE]) {
		/* "name" or "name (version)" */
		const char *s = st->v[F_SOURCE], *end = s + st->n[F_SOURCE];
		const char *sp = s;
		while (sp < end && *sp != ' ' && *sp != '(')
			sp++;
		p.source_name = ym_arena_strndup(a, s, (size_t)(sp - s));
		while (sp < end && *sp == ' ')
			sp++;
		if (sp < end) {
			if (*sp != '(' || end[-1] != ')' || end - sp < 3)
				return fail(err, YM_E_PARSE, file,
					    st->at[F_SOURCE], "Source",
					    _("expected 'name' or 'name "
					      "(version)'"));
			const char *vs = sp + 1, *ve = end - 1;
			while (vs < ve && *vs == ' ')
				vs++;
			while (ve > vs && ve[-1] == ' ')
				ve--;
			if (ve == vs || memchr(vs, ' ', (size_t)(ve - vs)) ||
			    memchr(vs, '(', (size_t)(ve - vs)))
				return fail(err, YM_E_PARSE, file,
					    st->at[F_SOURCE], "Source",
					    _("expected 'name' or 'name "
					      "(version)'"));
			p.source_version =
				ym_arena_strndup(a, vs, (size_t)(ve - vs));
		}
		if (!p.source_version)
			p.source_version = p.version;
	} else {
		/* no Source field: the source package has the binary
		 * package's name and version */
		p.source_name = p.name;
		p.source_version = p.version;
	}
	ym_vec_push(out, p);
done:
	memset(st, 0, sizeof *st);
	return 0;
}

int ym_dpkg_status_parse(const char *text, size_t len, const char *filename,
			 ym_arena *a, ym_inv_pkglist *out, ym_err *err)
{
	const char *file = filename ? filename : "";
	stanza st;
	size_t pos = 0;
	long line = 0;
	bool in_field = false;
	int rc;

	memset(&st, 0, sizeof st);
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
		if (memchr(s, '\0', n) || !ym_utf8_valid(s, n, NULL))
			return fail(err, YM_E_PARSE, file, line, NULL,
				    _("NUL byte or invalid UTF-8 in the "
				      "line"));
		size_t k = 0;
		while (k < n && (s[k] == ' ' || s[k] == '\t'))
			k++;
		if (k == n) { /* blank: the stanza ends */
			if ((rc = end_stanza(&st, file, a, out, err)))
				return rc;
			in_field = false;
			continue;
		}
		if (k > 0) { /* continuation of the last field */
			if (!in_field)
				return fail(err, YM_E_PARSE, file, line, NULL,
					    _("continuation line outside a "
					      "field"));
			continue;
		}
		const char *colon = memchr(s, ':', n);
		if (!colon || colon == s || memchr(s, ' ', (size_t)(colon - s)))
			return fail(err, YM_E_PARSE, file, line, NULL,
				    _("expected 'Field: value'"));
		if (!st.line)
			st.line = line;
		in_field = true;
		size_t fn = (size_t)(colon - s);
		const char *v = colon + 1, *ve = s + n;
		while (v < ve && (*v == ' ' || *v == '\t'))
			v++;
		while (ve > v && (ve[-1] == ' ' || ve[-1] == '\t'))
			ve--;
		for (int f = 0; f < F_N; f++) {
			if (strlen(field_names[f]) != fn ||
			    strncasecmp(s, field_names[f], fn) != 0)
				continue;
			if (st.v[f])
				return fail(err, YM_E_PARSE, file, line,
					    field_names[f],
					    _("field appears twice in the "
					      "stanza"));
			if ((size_t)(ve - v) > YM_INVENTORY_MAX_FIELD)
				return fail(err, YM_E_TOOBIG, file, line,
					    field_names[f],
					    _("value too long"));
			st.v[f] = v;
			st.n[f] = (size_t)(ve - v);
			st.at[f] = line;
		}
	}
	return end_stanza(&st, file, a, out, err);
}
