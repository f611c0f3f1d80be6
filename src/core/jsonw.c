/* jsonw.c - JSON writer and string escaping.
 *
 * The writer only tracks where commas and indentation go; it trusts the
 * caller to balance begin/end and to put keys only inside objects. Output
 * is always valid UTF-8: bytes that are not part of a valid sequence are
 * replaced by U+FFFD. Append errors (the buffer's size limit) are dropped:
 * the output is then cut short, which the caller sees from out->max.
 */
#include "json.h"

#include <inttypes.h>
#include <locale.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

#define MAX_DEPTH ((int)(sizeof ((ym_jsonw *)0)->need_comma - 1))
#define CHUNK 4096

/* Number formatting must not follow the user's LC_NUMERIC. */
static locale_t c_locale;
static pthread_once_t c_locale_once = PTHREAD_ONCE_INIT;

static void c_locale_init(void)
{
	c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
}

/* Escape text per byte class: 0 = copy, 'u' = \u00XX, else the letter
 * after the backslash. Bytes >= 0x80 are handled separately. */
static const char esc_class[128] = {
	'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', /* 0x00 */
	'b', 't', 'n', 'u', 'f', 'r', 'u', 'u', /* 0x08 */
	'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', /* 0x10 */
	'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', /* 0x18 */
	['"'] = '"',
	['\\'] = '\\',
};

static const char hex[] = "0123456789abcdef";

/* Escapes up to CHUNK input bytes into out, which has room for 6 output
 * bytes per input byte. Returns bytes written. */
static size_t escape_chunk(char *o, const unsigned char *s, size_t n)
{
	char *start = o;
	size_t i = 0, k;
	uint32_t cp;
	unsigned char c;

	while (i < n) {
		c = s[i];
		if (c < 0x80) {
			char e = esc_class[c];

			i++;
			if (!e) {
				*o++ = (char)c;
			} else if (e != 'u') {
				*o++ = '\\';
				*o++ = e;
			} else {
				memcpy(o, "\\u00", 4);
				o[4] = hex[c >> 4];
				o[5] = hex[c & 15];
				o += 6;
			}
			continue;
		}
		k = ym_utf8_decode((const char *)s + i, n - i, &cp);
		if (k == 0) {
			memcpy(o, "\xef\xbf\xbd", 3); /* U+FFFD */
			o += 3;
			i++;
			continue;
		}
		memcpy(o, s + i, k);
		o += k;
		i += k;
	}
	return (size_t)(o - start);
}

void ym_json_escape(ym_buf *out, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t take;

	if (ym_buf_addc(out, '"'))
		return;
	while (n > 0) {
		take = n < CHUNK ? n : CHUNK;
		/* Do not cut a multi-byte character between chunks. */
		if (take < n)
			take = ym_utf8_prefix_bytes(s, n, take);
		if (take == 0)
			take = n < CHUNK ? n : CHUNK;
		if (ym_buf_grow(out, take * 6 + 1))
			return;
		out->len += escape_chunk(out->ptr + out->len, u, take);
		out->ptr[out->len] = '\0';
		s += take;
		u += take;
		n -= take;
	}
	ym_buf_addc(out, '"');
}

void ym_jsonw_init(ym_jsonw *w, ym_buf *out, bool pretty)
{
	memset(w, 0, sizeof *w);
	w->out = out;
	w->pretty = pretty;
}

static int level(const ym_jsonw *w)
{
	/* Deeper than the comma table: reuse the last slot rather than
	 * write out of bounds; such output is the caller's bug anyway. */
	return w->depth < MAX_DEPTH ? w->depth : MAX_DEPTH;
}

static void newline(ym_jsonw *w, size_t depth)
{
	ym_buf_addc(w->out, '\n');
	ym_buf_addn(w->out, ' ', depth * 2);
}

/* Writes what goes before a value or key: comma, newline, indentation. */
static void prefix(ym_jsonw *w)
{
	int d = level(w);

	if (w->after_key) {
		w->after_key = false;
		return;
	}
	if (w->need_comma[d])
		ym_buf_addc(w->out, ',');
	if (w->pretty && w->depth > 0)
		newline(w, (size_t)w->depth);
	w->need_comma[d] = true;
}

static void begin(ym_jsonw *w, char c)
{
	prefix(w);
	ym_buf_addc(w->out, c);
	w->depth++;
	w->need_comma[level(w)] = false;
}

static void finish(ym_jsonw *w, char c)
{
	bool had = w->need_comma[level(w)];

	if (w->depth > 0)
		w->depth--;
	if (w->pretty && had)
		newline(w, (size_t)w->depth);
	ym_buf_addc(w->out, c);
}

void ym_jsonw_obj_begin(ym_jsonw *w)
{
	begin(w, '{');
}

void ym_jsonw_obj_end(ym_jsonw *w)
{
	finish(w, '}');
}

void ym_jsonw_arr_begin(ym_jsonw *w)
{
	begin(w, '[');
}

void ym_jsonw_arr_end(ym_jsonw *w)
{
	finish(w, ']');
}

void ym_jsonw_keyn(ym_jsonw *w, const char *key, size_t n)
{
	prefix(w);
	ym_json_escape(w->out, key, n);
	ym_buf_adds(w->out, w->pretty ? ": " : ":");
	w->after_key = true;
}

void ym_jsonw_key(ym_jsonw *w, const char *key)
{
	ym_jsonw_keyn(w, key, strlen(key));
}

void ym_jsonw_strn(ym_jsonw *w, const char *s, size_t n)
{
	prefix(w);
	ym_json_escape(w->out, s, n);
}

void ym_jsonw_str(ym_jsonw *w, const char *s)
{
	if (!s)
		ym_jsonw_null(w);
	else
		ym_jsonw_strn(w, s, strlen(s));
}

void ym_jsonw_int(ym_jsonw *w, int64_t v)
{
	prefix(w);
	ym_buf_printf(w->out, "%" PRId64, v);
}

/* Shortest of %.15g, %.16g, %.17g that reads back as the same double;
 * %.17g always does. */
static void format_double(char *tmp, size_t size, double v)
{
	locale_t old = (locale_t)0;
	int prec;

	pthread_once(&c_locale_once, c_locale_init);
	if (c_locale)
		old = uselocale(c_locale);
	for (prec = 15; prec <= 17; prec++) {
		snprintf(tmp, size, "%.*g", prec, v);
		if (prec == 17 || strtod(tmp, NULL) == v)
			break;
	}
	if (c_locale)
		uselocale(old);
}

void ym_jsonw_double(ym_jsonw *w, double v)
{
	char tmp[40];

	if (!isfinite(v)) {
		ym_jsonw_null(w);
		return;
	}
	prefix(w);
	/* Integral values print as integers; -0 keeps its sign. */
	if (v == floor(v) && v >= -9223372036854775808.0 &&
	    v < 9223372036854775808.0) {
		if (v == 0 && signbit(v))
			ym_buf_adds(w->out, "-0");
		else
			ym_buf_printf(w->out, "%" PRId64, (int64_t)v);
		return;
	}
	format_double(tmp, sizeof tmp, v);
	ym_buf_adds(w->out, tmp);
}

void ym_jsonw_bool(ym_jsonw *w, bool v)
{
	prefix(w);
	ym_buf_adds(w->out, v ? "true" : "false");
}

void ym_jsonw_null(ym_jsonw *w)
{
	prefix(w);
	ym_buf_adds(w->out, "null");
}

void ym_jsonw_kstr(ym_jsonw *w, const char *key, const char *s)
{
	ym_jsonw_key(w, key);
	ym_jsonw_str(w, s);
}

void ym_jsonw_kint(ym_jsonw *w, const char *key, int64_t v)
{
	ym_jsonw_key(w, key);
	ym_jsonw_int(w, v);
}

void ym_jsonw_kbool(ym_jsonw *w, const char *key, bool v)
{
	ym_jsonw_key(w, key);
	ym_jsonw_bool(w, v);
}

void ym_jsonw_kdouble(ym_jsonw *w, const char *key, double v)
{
	ym_jsonw_key(w, key);
	ym_jsonw_double(w, v);
}

void ym_jsonw_kstr_opt(ym_jsonw *w, const char *key, const char *s)
{
	if (s)
		ym_jsonw_kstr(w, key, s);
}

void ym_jsonw_kstrlist(ym_jsonw *w, const char *key, const char *const *l)
{
	ym_jsonw_key(w, key);
	ym_jsonw_arr_begin(w);
	for (size_t i = 0; l && l[i]; i++)
		ym_jsonw_str(w, l[i]);
	ym_jsonw_arr_end(w);
}

/* Emits v at indentation depth without the comma table, so trees deeper
 * than the table still come out right. */
static void write_tree(ym_jsonw *w, const ym_json *v, size_t depth)
{
	size_t i;

	switch (v->type) {
	case YM_JSON_NULL:
		ym_buf_adds(w->out, "null");
		return;
	case YM_JSON_FALSE:
		ym_buf_adds(w->out, "false");
		return;
	case YM_JSON_TRUE:
		ym_buf_adds(w->out, "true");
		return;
	case YM_JSON_NUMBER:
		if (v->u.num.raw) {
			ym_buf_adds(w->out, v->u.num.raw);
		} else {
			/* a hand-built node: format the value */
			ym_jsonw jw = *w;

			jw.depth = 0;
			jw.after_key = true;
			ym_jsonw_double(&jw, v->u.num.d);
		}
		return;
	case YM_JSON_STRING:
		ym_json_escape(w->out, v->u.str.s, v->u.str.len);
		return;
	case YM_JSON_ARRAY:
		ym_buf_addc(w->out, '[');
		for (i = 0; i < v->u.arr.n; i++) {
			if (i)
				ym_buf_addc(w->out, ',');
			if (w->pretty)
				newline(w, depth + 1);
			write_tree(w, v->u.arr.items[i], depth + 1);
		}
		if (w->pretty && v->u.arr.n)
			newline(w, depth);
		ym_buf_addc(w->out, ']');
		return;
	case YM_JSON_OBJECT:
		ym_buf_addc(w->out, '{');
		for (i = 0; i < v->u.obj.n; i++) {
			const ym_json_member *m = &v->u.obj.m[i];

			if (i)
				ym_buf_addc(w->out, ',');
			if (w->pretty)
				newline(w, depth + 1);
			ym_json_escape(w->out, m->key, m->klen);
			ym_buf_adds(w->out, w->pretty ? ": " : ":");
			write_tree(w, m->val, depth + 1);
		}
		if (w->pretty && v->u.obj.n)
			newline(w, depth);
		ym_buf_addc(w->out, '}');
		return;
	}
}

void ym_jsonw_value(ym_jsonw *w, const ym_json *v)
{
	if (!v) {
		ym_jsonw_null(w);
		return;
	}
	prefix(w);
	write_tree(w, v, (size_t)w->depth);
}
