/* purl.c - Package URL parsing, building and formatting (see purl.h).
 *
 * Parsing follows the purl-spec "how to parse" from right to left, with
 * these choices (docs/purl.md): the subpath starts at the first '#' and
 * the qualifiers at the first '?' before it, as in any URL (the spec
 * text splits from the right; the results differ only for purls holding
 * a separator character that should have been percent-encoded); trailing
 * '/' before the qualifiers are dropped first, so "name/@1.0" has an
 * empty name (the suite's "invalid swift purl without name"); the
 * version starts at the last '@' after the type.
 *
 * Every component is decoded into the arena, normalised for its type
 * (purl_types.c), and with YM_PURL_STRICT checked against the type's
 * rules. Formatting percent-encodes every byte except A-Z a-z 0-9 . - _ ~
 * and ':', keeping '/' only as the namespace, subpath (and git name)
 * separator, so that the canonical form parses back to the same parts.
 */
#include "ids/purl.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/i18n.h"
#include "core/utf8.h"

typedef struct pctx {
	const char *src; /* the purl string, NULL when building */
	ym_arena *a;
	ym_err *err;
	unsigned flags;
} pctx;

static int fail(const pctx *c, const char *why)
{
	if (c->src)
		return ym_err_set(c->err, YM_E_INVALID,
				  _("invalid purl '%s': %s"), c->src, why);
	return ym_err_set(c->err, YM_E_INVALID,
			  _("invalid purl components: %s"), why);
}

static bool is_upper(int c)
{
	return c >= 'A' && c <= 'Z';
}

static bool is_lower(int c)
{
	return c >= 'a' && c <= 'z';
}

static bool is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static bool is_alpha(int c)
{
	return is_upper(c) || is_lower(c);
}

static void lower(char *s)
{
	for (; *s; s++)
		if (is_upper((unsigned char)*s))
			*s = (char)(*s + ('a' - 'A'));
}

static void upper(char *s)
{
	for (; *s; s++)
		if (is_lower((unsigned char)*s))
			*s = (char)(*s - ('a' - 'A'));
}

static int hexval(int c)
{
	if (is_digit(c))
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Percent-decodes s[0..n) into the arena; NULL on a bad escape or when the
 * result is not valid UTF-8 or holds a NUL. */
static char *decode(ym_arena *a, const char *s, size_t n)
{
	char *out = ym_arena_alloc(a, n + 1);
	size_t j = 0;
	const char *pct = memchr(s, '%', n);
	if (!pct) {
		memcpy(out, s, n);
		j = n;
	} else {
		for (size_t i = 0; i < n; i++) {
			if (s[i] != '%') {
				out[j++] = s[i];
				continue;
			}
			if (n - i < 3)
				return NULL;
			int h = hexval((unsigned char)s[i + 1]);
			int l = hexval((unsigned char)s[i + 2]);
			if (h < 0 || l < 0)
				return NULL;
			out[j++] = (char)(h * 16 + l);
			i += 2;
		}
		if (memchr(out, '\0', j))
			return NULL;
	}
	out[j] = '\0';
	if (!ym_utf8_valid(out, j, NULL))
		return NULL;
	return out;
}

static bool dot_segment(const char *s, size_t n)
{
	return (n == 1 && s[0] == '.') ||
	       (n == 2 && s[0] == '.' && s[1] == '.');
}

/* Splits s[0..n) on '/', drops empty segments (and "." and ".." when
 * drop_dots), percent-decodes the others (when decode_them) and joins them
 * with '/' into *out, NULL when no segment is left. Fails on a bad escape
 * or on a segment that decodes to something holding '/', which could not
 * be told from a separator once formatted again. */
static int segments(ym_arena *a, const char *s, size_t n, bool decode_them,
		    bool drop_dots, const char **out)
{
	char *res = ym_arena_alloc(a, n + 1);
	size_t len = 0;
	const char *c = s, *end = s + n;

	*out = NULL;
	while (c < end) {
		const char *e = memchr(c, '/', (size_t)(end - c));
		if (!e)
			e = end;
		if (e > c) {
			const char *seg = c;
			size_t sl = (size_t)(e - c);
			if (decode_them) {
				char *d = decode(a, c, sl);
				if (!d)
					return -1;
				sl = strlen(d);
				if (memchr(d, '/', sl))
					return -1;
				seg = d;
			}
			if (sl && !(drop_dots && dot_segment(seg, sl))) {
				if (len)
					res[len++] = '/';
				memcpy(res + len, seg, sl);
				len += sl;
			}
		}
		c = e + 1;
	}
	res[len] = '\0';
	if (len)
		*out = res;
	return 0;
}

/* PyPI's PEP 503 form: lower-case, runs of '-', '_' and '.' become one
 * '-'. The key (not the canonical purl, which only maps '_' to '-'). */
static char *pep503(ym_arena *a, const char *name)
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
			out[j++] = is_upper((unsigned char)c)
					   ? (char)(c + ('a' - 'A'))
					   : c;
		}
	}
	out[j] = '\0';
	return out;
}

/* pub: lower-case, and every character outside [a-z0-9_] (a whole UTF-8
 * sequence counts as one) becomes '_'. */
static char *pub_normalise(ym_arena *a, const char *name)
{
	size_t n = strlen(name);
	char *out = ym_arena_alloc(a, n + 1);
	size_t j = 0;
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)name[i];
		if (is_upper(c))
			c = (unsigned char)(c + ('a' - 'A'));
		if (is_lower(c) || is_digit(c) || c == '_') {
			out[j++] = (char)c;
			i++;
			continue;
		}
		uint32_t cp;
		size_t k = ym_utf8_decode(name + i, n - i, &cp);
		out[j++] = '_';
		i += k ? k : 1;
	}
	out[j] = '\0';
	return out;
}

static char *dup_or_null(ym_arena *a, const char *s)
{
	return s ? ym_arena_strdup(a, s) : NULL;
}

/* A type is an ASCII letter then letters, digits, '.' and '-'. */
static bool valid_type(const char *t, size_t n)
{
	if (n == 0 || !is_alpha((unsigned char)t[0]))
		return false;
	for (size_t i = 1; i < n; i++) {
		unsigned char c = (unsigned char)t[i];
		if (!is_alpha(c) && !is_digit(c) && c != '.' && c != '-')
			return false;
	}
	return true;
}

/* A qualifier key (already lower-cased): a letter, then letters, digits,
 * '.', '-' and '_'. */
static bool valid_key(const char *k)
{
	if (!is_lower((unsigned char)*k))
		return false;
	for (; *k; k++) {
		unsigned char c = (unsigned char)*k;
		if (!is_lower(c) && !is_digit(c) && c != '.' && c != '-' &&
		    c != '_')
			return false;
	}
	return true;
}

/* By key, then value: qsort is not stable, so repeated keys (kept by the
 * lenient parser) need a full order for the canonical form not to depend
 * on the input order or on the C library. */
static int cmp_qual(const void *x, const void *y)
{
	const ym_purl_qualifier *p = x, *q = y;
	int r = strcmp(p->key, q->key);
	return r ? r : strcmp(p->value, q->value);
}

static const char *qualifier(const ym_purl *p, const char *key)
{
	for (size_t i = 0; i < p->n_qualifiers; i++)
		if (strcmp(p->qualifiers[i].key, key) == 0)
			return p->qualifiers[i].value;
	return NULL;
}

/* 8-4-4-4-12 hex digits. */
static bool is_guid(const char *s)
{
	static const size_t groups[] = {8, 4, 4, 4, 12};
	for (size_t g = 0; g < 5; g++) {
		for (size_t i = 0; i < groups[g]; i++, s++)
			if (hexval((unsigned char)*s) < 0)
				return false;
		if (g < 4 && *s++ != '-')
			return false;
	}
	return *s == '\0';
}

static bool has_ci(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	for (; *hay; hay++)
		if (strncasecmp(hay, needle, n) == 0)
			return true;
	return false;
}

/* Known qualifiers with a canonical form of their own: checksums are
 * "lowercase_algorithm:hex_encoded_lowercase_value", a SWID tag_id that
 * is a GUID is lower-case. */
static void normalise_qualifiers(ym_purl *p, ym_arena *a)
{
	for (size_t i = 0; i < p->n_qualifiers; i++) {
		ym_purl_qualifier *q = &p->qualifiers[i];
		bool fold = strcmp(q->key, "checksum") == 0 ||
			    (strcmp(p->type, "swid") == 0 &&
			     strcmp(q->key, "tag_id") == 0 &&
			     is_guid(q->value));
		if (fold) {
			char *v = ym_arena_strdup(a, q->value);
			lower(v);
			q->value = v;
		}
	}
	if (p->n_qualifiers > 1)
		qsort(p->qualifiers, p->n_qualifiers, sizeof *p->qualifiers,
		      cmp_qual);
}

/* Leading and trailing '/' are not part of a name, even encoded ones. */
static const char *strip_slashes(ym_arena *a, const char *name)
{
	size_t n = strlen(name);
	if (n == 0 || (name[0] != '/' && name[n - 1] != '/'))
		return name;
	const char *nb = name, *ne = name + n;
	while (*nb == '/')
		nb++;
	while (ne > nb && ne[-1] == '/')
		ne--;
	return ym_arena_strndup(a, nb, (size_t)(ne - nb));
}

/* git: the namespace is the host (one segment), the name the path on it,
 * whatever the split in the input. */
static void resplit_path(ym_purl *p, ym_arena *a)
{
	const char *full = p->namespace_
				   ? ym_arena_printf(a, "%s/%s", p->namespace_,
						     p->name)
				   : p->name;
	const char *norm;
	segments(a, full, strlen(full), false, false, &norm);
	if (!norm) {
		p->name = "";
		return;
	}
	const char *sl = strchr(norm, '/');
	if (!sl) {
		p->namespace_ = NULL;
		p->name = norm;
		return;
	}
	p->namespace_ = ym_arena_strndup(a, norm, (size_t)(sl - norm));
	p->name = sl + 1;
}

static bool chrome_id(const char *s)
{
	size_t n = 0;
	for (; s[n]; n++)
		if (s[n] < 'a' || s[n] > 'p')
			return false;
	return n == 32;
}

/* 1 to 4 dot-separated runs of digits. */
static bool chrome_version(const char *s)
{
	int parts = 0;
	for (;;) {
		if (!is_digit((unsigned char)*s))
			return false;
		while (is_digit((unsigned char)*s))
			s++;
		parts++;
		if (*s == '\0')
			return parts <= 4;
		if (*s++ != '.')
			return false;
	}
}

static int check_type(const pctx *c, const ym_purl *p,
		      const ym_purl_type_rule *r)
{
	switch (r->check) {
	case YM_PURL_CHECK_CHROME:
		if (!chrome_id(p->name))
			return fail(c, _("a Chrome extension id is 32 letters "
					 "a to p"));
		if (p->version && !chrome_version(p->version))
			return fail(c, _("a Chrome extension version is 1 to 4 "
					 "numbers separated by dots"));
		break;
	case YM_PURL_CHECK_COCOAPODS:
		if (p->name[0] == '.' || strpbrk(p->name, " \t\n\r\f\v+"))
			return fail(c, _("a CocoaPods name cannot hold "
					 "whitespace or '+' nor start with "
					 "'.'"));
		break;
	case YM_PURL_CHECK_CPAN:
		if (strstr(p->name, "::"))
			return fail(c, _("a CPAN distribution name cannot "
					 "hold '::' (that is a module name)"));
		break;
	default:
		break;
	}
	return 0;
}

/* Type normalisation of parsed or built parts, then, when strict, the
 * checks. r: the type's rule or NULL; upper_key: the input had a
 * qualifier key with capitals. */
static int finish(const pctx *c, ym_purl *p, const ym_purl_type_rule *r,
		  bool upper_key)
{
	ym_arena *a = c->a;
	unsigned fl = r ? r->flags : 0;
	bool strict = c->flags & YM_PURL_STRICT;

	normalise_qualifiers(p, a);
	p->name = strip_slashes(a, p->name);
	if (fl & YM_PURL_NAME_PATH)
		resplit_path(p, a);
	if (p->namespace_ && (fl & (YM_PURL_NS_LOWER | YM_PURL_NS_UPPER))) {
		char *ns = ym_arena_strdup(a, p->namespace_);
		if (fl & YM_PURL_NS_LOWER)
			lower(ns);
		else
			upper(ns);
		p->namespace_ = ns;
	}
	if (fl & YM_PURL_NAME_DASH) {
		char *n = ym_arena_strdup(a, p->name);
		for (char *s = n; *s; s++)
			if (*s == '_')
				*s = '-';
		p->name = n;
	}
	if (fl & YM_PURL_NAME_PUB) {
		p->name = pub_normalise(a, p->name);
	} else if ((fl & YM_PURL_NAME_LOWER) ||
		   ((fl & YM_PURL_NAME_LOWER_DATABRICKS) &&
		    qualifier(p, "repository_url") &&
		    has_ci(qualifier(p, "repository_url"), "databricks"))) {
		char *n = ym_arena_strdup(a, p->name);
		lower(n);
		p->name = n;
	}
	if (p->version && (fl & YM_PURL_VERSION_LOWER)) {
		char *v = ym_arena_strdup(a, p->version);
		lower(v);
		p->version = v;
	}
	if (p->subpath && (fl & YM_PURL_SUBPATH_LOWER)) {
		char *s = ym_arena_strdup(a, p->subpath);
		lower(s);
		p->subpath = s;
	}
	if (!*p->name)
		return fail(c, _("missing package name"));
	if (!strict)
		return 0;

	if (upper_key)
		return fail(c, _("qualifier keys must be lower-case"));
	for (size_t i = 1; i < p->n_qualifiers; i++)
		if (strcmp(p->qualifiers[i - 1].key, p->qualifiers[i].key) ==
		    0)
			return fail(c, ym_arena_printf(
					       a, _("repeated qualifier '%s'"),
					       p->qualifiers[i].key));
	if (!r)
		return 0;
	if (r->namespace_ == YM_PURL_REQUIRED && !p->namespace_)
		return fail(c, ym_arena_printf(
				       a, _("type '%s' requires a namespace"),
				       p->type));
	if (r->namespace_ == YM_PURL_PROHIBITED && p->namespace_)
		return fail(c, ym_arena_printf(
				       a, _("type '%s' has no namespace"),
				       p->type));
	if (r->max_segments && p->namespace_) {
		size_t segs = 1;
		for (const char *s = p->namespace_; *s; s++)
			segs += *s == '/';
		if (segs > r->max_segments)
			return fail(c, ym_arena_printf(
					       a,
					       _("type '%s' allows at most %u "
						 "namespace segments"),
					       p->type,
					       (unsigned)r->max_segments));
	}
	if (r->required_qualifier && !qualifier(p, r->required_qualifier))
		return fail(c, ym_arena_printf(
				       a, _("type '%s' requires the qualifier "
					    "'%s'"),
				       p->type, r->required_qualifier));
	return check_type(c, p, r);
}

/* Qualifiers s[0..n) ("k=v&k=v"), keys lower-cased, empty values
 * dropped. */
static int parse_qualifiers(const pctx *c, const char *s, size_t n,
			    ym_purl *out, bool *upper_key)
{
	size_t cap = 1;
	const char *end = s + n;
	for (const char *q = s; q < end; q++)
		cap += *q == '&';
	out->qualifiers = ym_arena_alloc(c->a, cap * sizeof *out->qualifiers);
	for (const char *q = s; q < end;) {
		const char *amp = memchr(q, '&', (size_t)(end - q));
		const char *pe = amp ? amp : end;
		if (pe > q) {
			const char *eq = memchr(q, '=', (size_t)(pe - q));
			if (!eq || eq == q)
				return fail(c, _("qualifier without "
						 "key=value"));
			/* a pair with an empty value is as good as none; the
			 * lenient parser does not look at its key */
			if (eq + 1 == pe && !(c->flags & YM_PURL_STRICT)) {
				q = pe + 1;
				continue;
			}
			char *k = ym_arena_strndup(c->a, q, (size_t)(eq - q));
			for (char *t = k; *t; t++)
				if (is_upper((unsigned char)*t))
					*upper_key = true;
			lower(k);
			if (!valid_key(k))
				return fail(c, _("invalid qualifier key"));
			char *v = decode(c->a, eq + 1, (size_t)(pe - eq - 1));
			if (!v)
				return fail(c, _("bad escape in qualifier"));
			if (*v) {
				ym_purl_qualifier *qq =
					&out->qualifiers[out->n_qualifiers++];
				qq->key = k;
				qq->value = v;
			}
		}
		q = pe + 1;
	}
	return 0;
}

int ym_purl_parse_ex(const char *s, unsigned flags, ym_arena *a,
		     ym_purl *out, ym_err *err)
{
	pctx c = {s, a, err, flags};
	bool upper_key = false;

	memset(out, 0, sizeof *out);
	if (strncasecmp(s, "pkg:", 4) != 0)
		return fail(&c, _("missing 'pkg:' scheme"));
	const char *p = s + 4;
	while (*p == '/')
		p++;
	const char *end = p + strlen(p);

	const char *hash = memchr(p, '#', (size_t)(end - p));
	if (hash) {
		if (segments(a, hash + 1, (size_t)(end - hash - 1), true,
			     true, &out->subpath))
			return fail(&c, _("bad escape in subpath"));
		end = hash;
	}
	const char *q = memchr(p, '?', (size_t)(end - p));
	if (q) {
		int rc = parse_qualifiers(&c, q + 1, (size_t)(end - q - 1),
					  out, &upper_key);
		if (rc)
			return rc;
		end = q;
	}
	const char *ts = memchr(p, '/', (size_t)(end - p));
	if (!ts)
		return fail(&c, _("missing package name"));
	if (!valid_type(p, (size_t)(ts - p)))
		return fail(&c, _("invalid package type"));
	char *type = ym_arena_strndup(a, p, (size_t)(ts - p));
	lower(type);
	out->type = type;
	const ym_purl_type_rule *rule = ym_purl_type_find(type);

	const char *rest = ts + 1;
	while (end > rest && end[-1] == '/')
		end--;
	/* the version: after the last '@' */
	for (const char *at = end; at > rest;) {
		at--;
		if (*at != '@')
			continue;
		out->version = decode(a, at + 1, (size_t)(end - at - 1));
		if (!out->version)
			return fail(&c, _("bad escape in version"));
		if (!*out->version)
			out->version = NULL;
		end = at;
		break;
	}
	if (end == rest || end[-1] == '/')
		return fail(&c, _("missing package name"));
	const char *nm = end;
	while (nm > rest && nm[-1] != '/')
		nm--;
	char *name = decode(a, nm, (size_t)(end - nm));
	/* a git name is a path: an encoded '/' would become a separator */
	if (!name || (rule && (rule->flags & YM_PURL_NAME_PATH) &&
		      strchr(name, '/')))
		return fail(&c, _("bad escape in name"));
	out->name = name;
	if (nm > rest && segments(a, rest, (size_t)(nm - rest), true, false,
				  &out->namespace_))
		return fail(&c, _("bad namespace segment"));
	return finish(&c, out, rule, upper_key);
}

int ym_purl_parse(const char *s, ym_arena *a, ym_purl *out, ym_err *err)
{
	return ym_purl_parse_ex(s, 0, a, out, err);
}

int ym_purl_build(const ym_purl *in, unsigned flags, ym_arena *a,
		  ym_purl *out, ym_err *err)
{
	pctx c = {NULL, a, err, flags};

	memset(out, 0, sizeof *out);
	if (!in->type || !*in->type)
		return fail(&c, _("missing package type"));
	if (!valid_type(in->type, strlen(in->type)))
		return fail(&c, _("invalid package type"));
	char *type = ym_arena_strdup(a, in->type);
	lower(type);
	out->type = type;
	if (!in->name)
		return fail(&c, _("missing package name"));
	out->name = ym_arena_strdup(a, in->name);
	if (in->namespace_)
		segments(a, in->namespace_, strlen(in->namespace_), false,
			 false, &out->namespace_);
	if (in->version && *in->version)
		out->version = ym_arena_strdup(a, in->version);
	if (in->subpath)
		segments(a, in->subpath, strlen(in->subpath), false, true,
			 &out->subpath);
	out->qualifiers = ym_arena_alloc(
		a, (in->n_qualifiers ? in->n_qualifiers : 1) *
			   sizeof *out->qualifiers);
	for (size_t i = 0; i < in->n_qualifiers; i++) {
		const ym_purl_qualifier *q = &in->qualifiers[i];
		if (!q->key || !*q->key)
			return fail(&c, _("qualifier without key=value"));
		/* keys given in capitals are lower-cased when building (the
		 * spec's "how to validate components"); only a parsed
		 * string is held to lower-case keys */
		char *k = ym_arena_strdup(a, q->key);
		lower(k);
		if (!valid_key(k))
			return fail(&c, _("invalid qualifier key"));
		if (!q->value || !*q->value)
			continue;
		if (!ym_utf8_valid(q->value, strlen(q->value), NULL))
			return fail(&c, _("bad escape in qualifier"));
		out->qualifiers[out->n_qualifiers].key = k;
		out->qualifiers[out->n_qualifiers].value =
			dup_or_null(a, q->value);
		out->n_qualifiers++;
	}
	const char *texts[] = {out->namespace_, out->name, out->version,
			       out->subpath};
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
		if (texts[i] &&
		    !ym_utf8_valid(texts[i], strlen(texts[i]), NULL))
			return fail(&c, _("bad escape in name"));
	return finish(&c, out, ym_purl_type_find(out->type), false);
}

/* Bytes kept as they are: A-Z a-z 0-9 . - _ ~ and ':' (never encoded),
 * as a bitmap over the first 128 byte values. */
static const uint32_t keep_bits[4] = {0x00000000u, 0x07ff6000u,
				      0x87fffffeu, 0x47fffffeu};

static bool keep(unsigned char c)
{
	return c < 128 && (keep_bits[c >> 5] >> (c & 31)) & 1u;
}

static size_t encoded_len(const char *s, bool keep_slash)
{
	size_t n = 0;
	for (const unsigned char *c = (const unsigned char *)s; *c; c++)
		n += keep(*c) || (keep_slash && *c == '/') ? 1 : 3;
	return n;
}

static char *encode_to(char *o, const char *s, bool keep_slash)
{
	static const char hex[] = "0123456789ABCDEF";
	for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
		if (keep(*c) || (keep_slash && *c == '/')) {
			*o++ = (char)*c;
		} else {
			*o++ = '%';
			*o++ = hex[*c >> 4];
			*o++ = hex[*c & 15];
		}
	}
	return o;
}

static char *add(char *o, const char *s)
{
	size_t n = strlen(s);
	memcpy(o, s, n);
	return o + n;
}

static bool name_path(const ym_purl *p)
{
	const ym_purl_type_rule *r = ym_purl_type_find(p->type);
	return r && (r->flags & YM_PURL_NAME_PATH);
}

static const char *format(const ym_purl *p, ym_arena *a, bool full)
{
	bool np = strchr(p->name, '/') && name_path(p);
	size_t n = 4 + strlen(p->type) + 1 + encoded_len(p->name, np);
	if (p->namespace_)
		n += encoded_len(p->namespace_, true) + 1;
	if (full) {
		if (p->version)
			n += 1 + encoded_len(p->version, false);
		for (size_t i = 0; i < p->n_qualifiers; i++)
			n += 2 + strlen(p->qualifiers[i].key) +
			     encoded_len(p->qualifiers[i].value, false);
		if (p->subpath)
			n += 1 + encoded_len(p->subpath, true);
	}
	char *out = ym_arena_alloc(a, n + 1);
	char *o = add(out, "pkg:");
	o = add(o, p->type);
	*o++ = '/';
	if (p->namespace_) {
		o = encode_to(o, p->namespace_, true);
		*o++ = '/';
	}
	o = encode_to(o, p->name, np);
	if (full) {
		if (p->version) {
			*o++ = '@';
			o = encode_to(o, p->version, false);
		}
		for (size_t i = 0; i < p->n_qualifiers; i++) {
			*o++ = i ? '&' : '?';
			o = add(o, p->qualifiers[i].key);
			*o++ = '=';
			o = encode_to(o, p->qualifiers[i].value, false);
		}
		if (p->subpath) {
			*o++ = '#';
			o = encode_to(o, p->subpath, true);
		}
	}
	*o = '\0';
	return out;
}

const char *ym_purl_package(const ym_purl *p, ym_arena *a)
{
	return format(p, a, false);
}

const char *ym_purl_format(const ym_purl *p, ym_arena *a)
{
	return format(p, a, true);
}

/* --- package keys --- */

const char *ym_pkg_key(const char *type, const char *namespace_,
		       const char *name, ym_arena *a)
{
	const ym_purl_type_rule *r = ym_purl_type_find(type);
	if (!name)
		name = "";
	if (namespace_ && !*namespace_)
		namespace_ = NULL;
	if (!r)
		return namespace_ ? ym_arena_printf(a, "%s/%s", namespace_,
						    name)
				  : ym_arena_strdup(a, name);
	/* the type's own normalisation first, as for a parsed purl */
	ym_purl p = {.type = r->type, .namespace_ = namespace_,
		     .name = name};
	pctx c = {NULL, a, NULL, 0};
	if (finish(&c, &p, r, false) != 0)
		p.name = ym_arena_strdup(a, name); /* empty name */
	const char *ns = p.namespace_;
	char *n = (char *)p.name;
	if (r->key_fold == YM_PURL_FOLD_PEP503) {
		n = pep503(a, n);
	} else if (r->key_fold == YM_PURL_FOLD_LOWER) {
		n = ym_arena_strdup(a, n);
		lower(n);
		if (ns) {
			char *l = ym_arena_strdup(a, ns);
			lower(l);
			ns = l;
		}
	}
	switch (r->key_join) {
	case YM_PURL_KEY_NAME:
		/* Distribution packages (deb, rpm, apk, alpm): the
		 * namespace is the distribution (debian, ubuntu, alpine,
		 * redhat, ...) and OSV names the bare source or binary
		 * package, so the key is the name alone. Which
		 * distribution and release an advisory covers (OSV
		 * "Debian:12", purl namespace and distro qualifier) is
		 * matched separately, after the key. */
		return n;
	case YM_PURL_KEY_MAVEN:
		return ns ? ym_arena_printf(a, "%s:%s", ns, n) : n;
	case YM_PURL_KEY_DOT:
		return ns ? ym_arena_printf(a, "%s.%s", ns, n) : n;
	default:
		return ns ? ym_arena_printf(a, "%s/%s", ns, n) : n;
	}
}

/* OSV ecosystems (ossf/osv-schema ecosystems.json) with a purl type.
 * Left out for want of one: Android, Bioconductor, CleanStart, Docker
 * Hardened Images, Echo, FreeBSD, GHC, Linux, OSS-Fuzz, Root, TuxCare. */
static const struct {
	const char *ecosystem;
	const char *type;
} eco_types[] = {
	{"AlmaLinux", "rpm"},
	{"Alpaquita", "apk"},
	{"Alpine", "apk"},
	{"Azure Linux", "rpm"},
	{"BellSoft Hardened Containers", "apk"},
	{"Bitnami", "bitnami"},
	{"Chainguard", "apk"},
	{"ConanCenter", "conan"},
	{"CRAN", "cran"},
	{"crates.io", "cargo"},
	{"Debian", "deb"},
	/* actions are GitHub repositories, "owner/repo" */
	{"GitHub Actions", "github"},
	{"Go", "golang"},
	{"Hackage", "hackage"},
	{"Hex", "hex"},
	{"Julia", "julia"},
	/* Kubernetes components are named by Go module path */
	{"Kubernetes", "golang"},
	{"Mageia", "rpm"},
	{"Maven", "maven"},
	{"MinimOS", "apk"},
	{"npm", "npm"},
	{"NuGet", "nuget"},
	{"opam", "opam"},
	{"openEuler", "rpm"},
	{"openSUSE", "rpm"},
	{"Packagist", "composer"},
	{"Photon OS", "rpm"},
	{"Pub", "pub"},
	{"PyPI", "pypi"},
	{"Red Hat", "rpm"},
	{"Rocky Linux", "rpm"},
	{"RubyGems", "gem"},
	{"SUSE", "rpm"},
	{"SwiftURL", "swift"},
	{"Ubuntu", "deb"},
	{"VSCode", "vscode-extension"},
	{"Wolfi", "apk"},
};

const char *ym_purl_type_for_ecosystem(const char *ecosystem)
{
	if (!ecosystem)
		return NULL;
	const char *colon = strchr(ecosystem, ':');
	size_t n = colon ? (size_t)(colon - ecosystem) : strlen(ecosystem);
	for (size_t i = 0; i < sizeof eco_types / sizeof eco_types[0]; i++)
		if (strlen(eco_types[i].ecosystem) == n &&
		    strncasecmp(eco_types[i].ecosystem, ecosystem, n) == 0)
			return eco_types[i].type;
	return NULL;
}

const char *ym_pkg_key_for_ecosystem(const char *ecosystem,
				     const char *name, ym_arena *a)
{
	const char *type = ym_purl_type_for_ecosystem(ecosystem);
	if (type && name && strcmp(type, "swift") == 0) {
		/* SwiftURL names are Git URLs; purls hold host/owner/repo */
		const char *sep = strstr(name, "://");
		if (sep)
			name = sep + 3;
		size_t n = strlen(name);
		while (n && name[n - 1] == '/')
			n--;
		if (n > 4 && strncmp(name + n - 4, ".git", 4) == 0)
			n -= 4;
		name = ym_arena_strndup(a, name, n);
	}
	return ym_pkg_key(type, NULL, name, a);
}
