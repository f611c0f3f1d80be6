/* purl.c - Package URL parsing and formatting (see purl.h). */
#include "ids/purl.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/i18n.h"
#include "core/utf8.h"

static int bad(ym_err *err, const char *s, const char *why)
{
	return ym_err_set(err, YM_E_INVALID, _("invalid purl '%s': %s"), s,
			  why);
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = tolower(c);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* Percent-decodes s[0..n) into the arena; NULL on a bad escape or when the
 * result is not valid UTF-8. */
static char *decode(ym_arena *a, const char *s, size_t n)
{
	char *out = ym_arena_alloc(a, n + 1);
	size_t j = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '%') {
			if (i + 2 >= n)
				return NULL;
			int h = hexval((unsigned char)s[i + 1]);
			int l = hexval((unsigned char)s[i + 2]);
			if (h < 0 || l < 0)
				return NULL;
			out[j++] = (char)(h * 16 + l);
			i += 2;
		} else {
			out[j++] = s[i];
		}
	}
	out[j] = '\0';
	if (!ym_utf8_valid(out, j, NULL) || memchr(out, '\0', j))
		return NULL;
	return out;
}

/* Splits s[0..n) on '/', drops empty segments, percent-decodes the others
 * and joins them with '/' into *out (NULL when no segment is left). Fails
 * on a bad escape or on a segment that decodes to something holding '/',
 * which could not be told from a separator once formatted again. */
static int decode_segments(ym_arena *a, const char *s, size_t n,
			   const char **out)
{
	ym_buf b = YM_BUF_INIT;
	const char *c = s, *end = s + n;

	*out = NULL;
	while (c < end) {
		const char *e = memchr(c, '/', (size_t)(end - c));
		if (!e)
			e = end;
		if (e > c) {
			char *seg = decode(a, c, (size_t)(e - c));
			if (!seg || strchr(seg, '/')) {
				ym_buf_release(&b);
				return -1;
			}
			if (b.len)
				ym_buf_addc(&b, '/');
			ym_buf_adds(&b, seg);
		}
		if (e == end)
			break;
		c = e + 1;
	}
	if (b.len)
		*out = ym_arena_strndup(a, b.ptr, b.len);
	ym_buf_release(&b);
	return 0;
}

static void lower(char *s)
{
	for (; *s; s++)
		*s = (char)tolower((unsigned char)*s);
}

/* PEP 503: lower-case, runs of '-', '_' and '.' become one '-'. */
static char *pypi_normalise(ym_arena *a, const char *name)
{
	size_t n = strlen(name);
	char *out = ym_arena_alloc(a, n + 1);
	size_t j = 0;
	for (size_t i = 0; i < n; i++) {
		char c = name[i];
		if (c == '-' || c == '_' || c == '.') {
			if (j == 0 || out[j - 1] != '-')
				out[j++] = '-';
		} else {
			out[j++] = (char)tolower((unsigned char)c);
		}
	}
	out[j] = '\0';
	return out;
}

/* By key, then value: qsort is not stable, so repeated keys need a full
 * order for the canonical form not to depend on the input order or on
 * the C library. */
static int cmp_qual(const void *x, const void *y)
{
	const ym_purl_qualifier *p = x, *q = y;
	int r = strcmp(p->key, q->key);
	return r ? r : strcmp(p->value, q->value);
}

static bool valid_type(const char *t)
{
	if (!*t || isdigit((unsigned char)*t))
		return false;
	for (; *t; t++)
		if (!isalnum((unsigned char)*t) && *t != '.' && *t != '+' &&
		    *t != '-')
			return false;
	return true;
}

int ym_purl_parse(const char *s, ym_arena *a, ym_purl *out, ym_err *err)
{
	memset(out, 0, sizeof *out);
	if (strncasecmp(s, "pkg:", 4) != 0)
		return bad(err, s, _("missing 'pkg:' scheme"));
	const char *p = s + 4;
	while (*p == '/')
		p++;
	const char *end = p + strlen(p);

	const char *hash = memchr(p, '#', (size_t)(end - p));
	if (hash) {
		/* per segment, as for the namespace: a decoded '/' would
		 * be read back as a separator */
		if (decode_segments(a, hash + 1, (size_t)(end - hash - 1),
				    &out->subpath))
			return bad(err, s, _("bad escape in subpath"));
		end = hash;
	}
	const char *q = memchr(p, '?', (size_t)(end - p));
	if (q) {
		size_t cap = 1;
		for (const char *c = q + 1; c < end; c++)
			cap += *c == '&';
		out->qualifiers = ym_arena_alloc(a, cap * sizeof *out->qualifiers);
		const char *c = q + 1;
		while (c < end) {
			const char *amp = memchr(c, '&', (size_t)(end - c));
			const char *pe = amp ? amp : end;
			const char *eq = memchr(c, '=', (size_t)(pe - c));
			if (pe > c) {
				if (!eq || eq == c)
					return bad(err, s,
						   _("qualifier without "
						     "key=value"));
				char *k = ym_arena_strndup(a, c,
							   (size_t)(eq - c));
				lower(k);
				char *v = decode(a, eq + 1,
						 (size_t)(pe - eq - 1));
				if (!v)
					return bad(err, s,
						   _("bad escape in qualifier"));
				if (*v) {
					ym_purl_qualifier *qq =
						&out->qualifiers
							 [out->n_qualifiers++];
					qq->key = k;
					qq->value = v;
				}
			}
			c = amp ? amp + 1 : end;
		}
		qsort(out->qualifiers, out->n_qualifiers,
		      sizeof *out->qualifiers, cmp_qual);
		end = q;
	}
	while (end > p && end[-1] == '/')
		end--;
	/* version: after the last '@' that follows the last '/' */
	const char *slash = NULL;
	for (const char *c = p; c < end; c++)
		if (*c == '/')
			slash = c;
	const char *at = NULL;
	for (const char *c = slash ? slash : p; c < end; c++)
		if (*c == '@')
			at = c;
	if (at) {
		out->version = decode(a, at + 1, (size_t)(end - at - 1));
		if (!out->version)
			return bad(err, s, _("bad escape in version"));
		if (!*out->version)
			out->version = NULL;
		end = at;
	}
	const char *ts = memchr(p, '/', (size_t)(end - p));
	if (!ts)
		return bad(err, s, _("missing package name"));
	char *type = ym_arena_strndup(a, p, (size_t)(ts - p));
	lower(type);
	if (!valid_type(type))
		return bad(err, s, _("invalid package type"));
	out->type = type;
	const char *rest = ts + 1;
	while (rest < end && *rest == '/')
		rest++;
	const char *ls = NULL;
	for (const char *c = rest; c < end; c++)
		if (*c == '/')
			ls = c;
	const char *ns = ls ? rest : NULL;
	const char *nm = ls ? ls + 1 : rest;
	if (nm >= end)
		return bad(err, s, _("missing package name"));
	char *name = decode(a, nm, (size_t)(end - nm));
	if (!name || !*name)
		return bad(err, s, _("bad escape in name"));
	if (ns && decode_segments(a, ns, (size_t)(ls - ns), &out->namespace_))
		return bad(err, s, _("bad namespace segment"));
	/* type-specific rules for registries that ignore case */
	if (strcmp(type, "pypi") == 0) {
		name = pypi_normalise(a, name);
	} else if (strcmp(type, "npm") == 0 || strcmp(type, "github") == 0 ||
		   strcmp(type, "bitbucket") == 0 ||
		   strcmp(type, "composer") == 0) {
		lower(name);
		if (out->namespace_) {
			char *n2 = ym_arena_strdup(a, out->namespace_);
			lower(n2);
			out->namespace_ = n2;
		}
	}
	out->name = name;
	return 0;
}

/* Percent-encodes what may not appear literally in a purl component. */
static void encode(ym_buf *b, const char *s, bool keep_slash)
{
	static const char hex[] = "0123456789ABCDEF";
	for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
		if (isalnum(*c) || *c == '.' || *c == '-' || *c == '_' ||
		    *c == '~' || (keep_slash && *c == '/') || *c == ':') {
			ym_buf_addc(b, (char)*c);
		} else {
			ym_buf_addc(b, '%');
			ym_buf_addc(b, hex[*c >> 4]);
			ym_buf_addc(b, hex[*c & 15]);
		}
	}
}

static void format_package(const ym_purl *p, ym_buf *b)
{
	ym_buf_adds(b, "pkg:");
	ym_buf_adds(b, p->type);
	ym_buf_addc(b, '/');
	if (p->namespace_) {
		encode(b, p->namespace_, true);
		ym_buf_addc(b, '/');
	}
	encode(b, p->name, false);
}

const char *ym_purl_package(const ym_purl *p, ym_arena *a)
{
	ym_buf b = YM_BUF_INIT;
	format_package(p, &b);
	const char *r = ym_arena_strndup(a, b.ptr, b.len);
	ym_buf_release(&b);
	return r;
}

const char *ym_purl_format(const ym_purl *p, ym_arena *a)
{
	ym_buf b = YM_BUF_INIT;
	format_package(p, &b);
	if (p->version) {
		ym_buf_addc(&b, '@');
		encode(&b, p->version, false);
	}
	for (size_t i = 0; i < p->n_qualifiers; i++) {
		ym_buf_addc(&b, i ? '&' : '?');
		ym_buf_adds(&b, p->qualifiers[i].key);
		ym_buf_addc(&b, '=');
		encode(&b, p->qualifiers[i].value, true);
	}
	if (p->subpath) {
		ym_buf_addc(&b, '#');
		encode(&b, p->subpath, true);
	}
	const char *r = ym_arena_strndup(a, b.ptr, b.len);
	ym_buf_release(&b);
	return r;
}

const char *ym_pkg_key(const char *type, const char *namespace_,
		       const char *name, ym_arena *a)
{
	if (type && strcmp(type, "pypi") == 0)
		return pypi_normalise(a, name);
	const char *r = namespace_ ? ym_arena_printf(a, "%s/%s", namespace_,
						     name)
				   : ym_arena_strdup(a, name);
	if (type && strcmp(type, "npm") == 0) {
		char *l = (char *)r;
		lower(l);
	}
	return r;
}

static const struct {
	const char *ecosystem;
	const char *type;
} eco_types[] = {
	{"npm", "npm"},         {"PyPI", "pypi"},     {"Maven", "maven"},
	{"Go", "golang"},       {"crates.io", "cargo"}, {"RubyGems", "gem"},
	{"NuGet", "nuget"},     {"Packagist", "composer"},
	{"Pub", "pub"},         {"Hex", "hex"},       {"Debian", "deb"},
	{"Ubuntu", "deb"},      {"Alpine", "apk"},    {"Red Hat", "rpm"},
};

const char *ym_purl_type_for_ecosystem(const char *ecosystem)
{
	for (size_t i = 0; i < sizeof eco_types / sizeof eco_types[0]; i++)
		if (strcmp(eco_types[i].ecosystem, ecosystem) == 0)
			return eco_types[i].type;
	return NULL;
}

const char *ym_pkg_key_for_ecosystem(const char *ecosystem,
				     const char *name, ym_arena *a)
{
	const char *type = ym_purl_type_for_ecosystem(ecosystem);
	return ym_pkg_key(type, NULL, name, a);
}
