/* json.h - JSON (RFC 8259) parser into an arena-allocated tree, and writer.
 *
 * Parsing: ym_json_parse builds a read-only tree whose nodes and strings all
 * live in the caller's arena; free the arena to free the tree. Strings are
 * unescaped, validated UTF-8 (invalid UTF-8 or lone surrogates in \u escapes
 * are errors) and NUL-terminated; a string containing \u0000 keeps its true
 * length in len. Every node remembers its 1-based line and column so that
 * importers can report where a bad value is. Limits protect against hostile
 * input: nesting depth and the length of a single string.
 *
 * Errors fill ym_err with code YM_E_PARSE (syntax) or YM_E_TOOBIG (limit),
 * the file name given, line and column, and a message such as
 * "unexpected end of input in string" or "nesting deeper than 512 levels".
 */
#ifndef YM_CORE_JSON_H
#define YM_CORE_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "buf.h"
#include "err.h"

typedef enum ym_json_type {
	YM_JSON_NULL,
	YM_JSON_FALSE,
	YM_JSON_TRUE,
	YM_JSON_NUMBER,
	YM_JSON_STRING,
	YM_JSON_ARRAY,
	YM_JSON_OBJECT
} ym_json_type;

typedef struct ym_json ym_json;

typedef struct ym_json_member {
	const char *key; /* unescaped, NUL-terminated */
	size_t klen;     /* bytes in key */
	ym_json *val;    /* never NULL */
} ym_json_member;

struct ym_json {
	ym_json_type type;
	uint32_t line; /* 1-based position of the value's first byte */
	uint32_t col;
	union {
		struct {
			const char *s; /* unescaped, NUL-terminated */
			size_t len;
		} str;
		struct {
			const char *raw; /* the number's source text, NUL-terminated */
			double d;        /* its value as a double */
		} num;
		struct {
			ym_json **items;
			size_t n;
		} arr;
		struct {
			ym_json_member *m; /* in document order; duplicates kept */
			size_t n;
		} obj;
	} u;
};

typedef struct ym_json_limits {
	size_t max_depth;  /* arrays/objects nested deeper fail; 0 = 512 */
	size_t max_string; /* longest string in bytes; 0 = 16 MiB */
} ym_json_limits;

/* Parses exactly one JSON value (surrounding whitespace allowed; a UTF-8
 * BOM at the start is skipped). limits may be NULL for defaults. filename
 * is only used in error messages (may be NULL). Returns NULL on error. */
ym_json *ym_json_parse(ym_arena *a, const char *text, size_t len,
		       const ym_json_limits *limits, const char *filename,
		       ym_err *err);

/* Accessors: all accept NULL and return NULL / false / the default on
 * type mismatch so call chains stay short. */
const ym_json *ym_json_get(const ym_json *obj, const char *key);
const char *ym_json_string(const ym_json *v);          /* NULL unless string */
bool ym_json_is(const ym_json *v, ym_json_type t);
size_t ym_json_len(const ym_json *v);                  /* array/object size */
const ym_json *ym_json_at(const ym_json *arr, size_t i);
/* Integer value if v is a number that is an exact integer within int64. */
bool ym_json_int(const ym_json *v, int64_t *out);
const char *ym_json_type_name(ym_json_type t);         /* "string", ... (translated: for messages) */

/* Writer: appends compact or indented JSON to a ym_buf, tracking commas.
 * Output strings are escaped per RFC 8259 (control chars as \uXXXX, '/'
 * not escaped, non-ASCII UTF-8 passed through unchanged). */
typedef struct ym_jsonw {
	ym_buf *out;
	int depth;
	bool pretty;           /* two-space indentation, newline per member */
	bool need_comma[64];   /* per depth: a value was already written */
	bool after_key;        /* next value follows "key": */
} ym_jsonw;

void ym_jsonw_init(ym_jsonw *w, ym_buf *out, bool pretty);
void ym_jsonw_obj_begin(ym_jsonw *w);
void ym_jsonw_obj_end(ym_jsonw *w);
void ym_jsonw_arr_begin(ym_jsonw *w);
void ym_jsonw_arr_end(ym_jsonw *w);
void ym_jsonw_key(ym_jsonw *w, const char *key);
void ym_jsonw_keyn(ym_jsonw *w, const char *key, size_t n); /* may hold NUL */
void ym_jsonw_str(ym_jsonw *w, const char *s);          /* NULL writes null */
void ym_jsonw_strn(ym_jsonw *w, const char *s, size_t n);
void ym_jsonw_int(ym_jsonw *w, int64_t v);
void ym_jsonw_double(ym_jsonw *w, double v);            /* shortest %.17g that round-trips */
void ym_jsonw_bool(ym_jsonw *w, bool v);
void ym_jsonw_null(ym_jsonw *w);
/* Convenience: key + value. */
void ym_jsonw_kstr(ym_jsonw *w, const char *key, const char *s);
void ym_jsonw_kint(ym_jsonw *w, const char *key, int64_t v);
void ym_jsonw_kbool(ym_jsonw *w, const char *key, bool v);
void ym_jsonw_kdouble(ym_jsonw *w, const char *key, double v);
/* Writes the member only when s is not NULL (optional fields). */
void ym_jsonw_kstr_opt(ym_jsonw *w, const char *key, const char *s);
/* key: [ list... ] of a NULL-terminated list (NULL: an empty array). */
void ym_jsonw_kstrlist(ym_jsonw *w, const char *key, const char *const *l);
/* Writes a parsed tree (NULL writes null); numbers keep their source text.
 * Any depth works (the comma table is not used below v); recursion is as
 * deep as the tree, which the parser's max_depth already bounds. */
void ym_jsonw_value(ym_jsonw *w, const ym_json *v);
/* Escapes s (n bytes) as a JSON string literal with quotes into out. */
void ym_json_escape(ym_buf *out, const char *s, size_t n);

#endif
