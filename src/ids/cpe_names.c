/* cpe_names.c - names to CPE vendor/product guesses (cpe_names.h). */
#include "ids/cpe_names.h"

#include <stdbool.h>
#include <string.h>

#include "core/buf.h"

/* ASCII by hand: <ctype.h> depends on the locale. */
static bool is_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	       (c >= 'A' && c <= 'Z');
}

static unsigned char lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

/* Lower-cased words of s: letters, digits and ". - + _" kept, anything
 * else separates; parenthesised and bracketed parts dropped. */
static size_t words(const char *s, ym_arena *a, const char **w, size_t max)
{
	size_t n = 0, len = strlen(s);
	char *buf = ym_arena_alloc(a, len + 1), *o = buf;
	int depth = 0;
	const char *start = NULL;
	for (size_t i = 0; i <= len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '(' || c == '[')
			depth++;
		bool keep = depth == 0 && c &&
			    (is_alnum(c) || c == '.' || c == '-' || c == '+' ||
			     c == '_');
		if (keep) {
			if (!start)
				start = o;
			*o++ = (char)lower(c);
		} else if (start) {
			*o++ = '\0';
			/* trim separators left at the ends */
			char *e = o - 2;
			while (e >= start && (*e == '.' || *e == '-'))
				*e-- = '\0';
			while (*start == '.' || *start == '-')
				start++;
			if (*start && n < max)
				w[n++] = start;
			start = NULL;
		}
		if ((c == ')' || c == ']') && depth > 0)
			depth--;
	}
	return n;
}

static bool in_list(const char *w, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(w, *list) == 0)
			return true;
	return false;
}

/* A trailing word that says nothing about the product. */
static bool noise_word(const char *w)
{
	static const char *const noise[] = {
		"x64", "x86", "x86_64", "amd64", "arm64", "aarch64", "i386",
		"i686", "64-bit", "32-bit", "64bit", "32bit", "win64",
		"win32", NULL};
	if (in_list(w, noise))
		return true;
	/* a version: digits and dots, maybe a leading v ("v2.3", "115.0") */
	const char *p = w[0] == 'v' ? w + 1 : w;
	bool dot = false;
	if (*p < '0' || *p > '9')
		return false;
	for (; *p; p++) {
		if (*p == '.')
			dot = true;
		else if (!is_alnum((unsigned char)*p) && *p != '-')
			return false;
	}
	return dot;
}

static bool company_word(const char *w)
{
	static const char *const co[] = {
		"inc", "inc.", "incorporated", "corp", "corp.", "corporation",
		"co", "co.", "ltd", "ltd.", "limited", "llc", "gmbh", "ag",
		"s.a", "sa", "plc", "bv", "b.v", "kk", "k.k", "foundation",
		"software", "project", "team", "technologies", "systems",
		NULL};
	return in_list(w, co);
}

static const char *join(ym_arena *a, const char **w, size_t from, size_t to)
{
	ym_buf b = YM_BUF_INIT;
	for (size_t i = from; i < to; i++) {
		if (i > from)
			ym_buf_addc(&b, '_');
		ym_buf_adds(&b, w[i]);
	}
	const char *r = b.len ? ym_arena_strdup(a, b.ptr) : NULL;
	ym_buf_release(&b);
	return r;
}

static void add_cand(ym_cpe_name_cand *out, size_t max, size_t *n,
		     const char *vendor, const char *product)
{
	if (!product || *n >= max)
		return;
	for (size_t i = 0; i < *n; i++)
		if (strcmp(out[i].product, product) == 0 &&
		    (out[i].vendor == vendor ||
		     (out[i].vendor && vendor &&
		      strcmp(out[i].vendor, vendor) == 0)))
			return;
	out[(*n)++] = (ym_cpe_name_cand){vendor, product};
}

#define NAME_WORDS 16

size_t ym_cpe_name_candidates(const char *name, const char *vendor,
			      ym_arena *a, ym_cpe_name_cand *out, size_t max)
{
	const char *w[NAME_WORDS], *vw[NAME_WORDS];
	size_t n = 0, nv = 0, k = 0;
	if (!name)
		return 0;
	n = words(name, a, w, NAME_WORDS);
	while (n > 0 && noise_word(w[n - 1]))
		n--;
	if (n == 0)
		return 0;
	if (vendor)
		nv = words(vendor, a, vw, NAME_WORDS);
	while (nv > 1 && company_word(vw[nv - 1]))
		nv--;
	const char *v_full = nv ? join(a, vw, 0, nv) : NULL;
	const char *v_first = nv > 1 ? vw[0] : NULL;
	const char *whole = join(a, w, 0, n);
	bool named_first = n > 1 && v_full &&
			   (strcmp(w[0], v_full) == 0 ||
			    (v_first && strcmp(w[0], v_first) == 0));
	if (v_full) {
		if (named_first) {
			/* "Mozilla Firefox" by Mozilla: firefox first */
			const char *rest = join(a, w, 1, n);
			add_cand(out, max, &k, w[0], rest);
			add_cand(out, max, &k, w[0], whole);
		}
		add_cand(out, max, &k, v_full, whole);
		if (v_first)
			add_cand(out, max, &k, v_first, whole);
	} else if (n > 1) {
		add_cand(out, max, &k, w[0], join(a, w, 1, n));
		add_cand(out, max, &k, w[0], whole);
	} else {
		add_cand(out, max, &k, whole, whole); /* openssl:openssl */
	}
	add_cand(out, max, &k, NULL, whole);
	return k;
}

void ym_cpe_name_keys(const char *name, ym_arena *a, const char **whole,
		      const char **rest)
{
	const char *w[NAME_WORDS];
	size_t n = 0;
	*whole = *rest = NULL;
	if (!name)
		return;
	n = words(name, a, w, NAME_WORDS);
	while (n > 0 && noise_word(w[n - 1]))
		n--;
	if (n == 0)
		return;
	*whole = join(a, w, 0, n);
	if (n > 1)
		*rest = join(a, w, 1, n);
}
