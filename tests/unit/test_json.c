/* test_json.c - JSON parser, accessors and writer. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/json.h"
#include "test.h"

static ym_arena A;
static ym_err E;

static ym_json *parse_n(const char *s, size_t n, const ym_json_limits *lim)
{
	ym_err_clear(&E);
	return ym_json_parse(&A, s, n, lim, "t.json", &E);
}

static ym_json *parse(const char *s)
{
	return parse_n(s, strlen(s), NULL);
}

/* Parse must fail with exactly this error. */
#define CHECK_ERR_N(text, n, lim, ecode, emsg, eline, ecol)               \
	do {                                                              \
		ym_json *v_ = parse_n((text), (n), (lim));                \
		CHECK(v_ == NULL);                                        \
		CHECK_STR(E.msg, (emsg));                                 \
		CHECK_INT(E.code, (ecode));                               \
		CHECK_INT(E.line, (eline));                               \
		CHECK_INT(E.column, (ecol));                              \
		CHECK_STR(E.file, "t.json");                              \
	} while (0)

#define CHECK_ERR(text, emsg, eline, ecol)                                \
	CHECK_ERR_N(text, strlen(text), NULL, YM_E_PARSE, emsg, eline, ecol)

static void t_scalars(void)
{
	ym_json *v;

	v = parse("null");
	CHECK(v && v->type == YM_JSON_NULL);
	v = parse(" true ");
	CHECK(v && v->type == YM_JSON_TRUE);
	CHECK_INT(v->line, 1);
	CHECK_INT(v->col, 2);
	v = parse("\n\n  false\n");
	CHECK(v && v->type == YM_JSON_FALSE);
	CHECK_INT(v->line, 3);
	CHECK_INT(v->col, 3);
	v = parse("\"abc\"");
	CHECK(v && v->type == YM_JSON_STRING);
	CHECK_STR(ym_json_string(v), "abc");
	CHECK_INT(v->u.str.len, 3);
	v = parse("\"\"");
	CHECK_STR(ym_json_string(v), "");
	CHECK_INT(v->u.str.len, 0);
	v = parse("\t\r\n 42 \r\n");
	CHECK(v && v->type == YM_JSON_NUMBER);
	CHECK_STR(v->u.num.raw, "42");
	CHECK(v->u.num.d == 42.0);
	CHECK_INT(v->line, 2);
	CHECK_INT(v->col, 2);
}

static void t_structure(void)
{
	const char *doc = "{\n"
			  "  \"id\": \"CVE-2024-0001\",\n"
			  "  \"score\": 9.8,\n"
			  "  \"tags\": [\"a\", [], {}, null],\n"
			  "  \"nested\": {\"x\": {\"y\": [1, [2, [3]]]}}\n"
			  "}";
	ym_json *v = parse(doc);
	const ym_json *t, *y;
	int64_t i;

	CHECK(v != NULL);
	CHECK(ym_json_is(v, YM_JSON_OBJECT));
	CHECK_INT(ym_json_len(v), 4);
	CHECK_STR(v->u.obj.m[0].key, "id");
	CHECK_STR(v->u.obj.m[3].key, "nested");
	CHECK_STR(ym_json_string(ym_json_get(v, "id")), "CVE-2024-0001");
	CHECK_INT(ym_json_get(v, "id")->line, 2);
	CHECK_INT(ym_json_get(v, "id")->col, 9);
	CHECK(ym_json_get(v, "score")->u.num.d == 9.8);
	t = ym_json_get(v, "tags");
	CHECK_INT(ym_json_len(t), 4);
	CHECK_INT(t->line, 4);
	CHECK_INT(t->col, 11);
	CHECK_STR(ym_json_string(ym_json_at(t, 0)), "a");
	CHECK(ym_json_is(ym_json_at(t, 1), YM_JSON_ARRAY));
	CHECK_INT(ym_json_len(ym_json_at(t, 1)), 0);
	CHECK(ym_json_is(ym_json_at(t, 2), YM_JSON_OBJECT));
	CHECK_INT(ym_json_len(ym_json_at(t, 2)), 0);
	CHECK(ym_json_is(ym_json_at(t, 3), YM_JSON_NULL));
	CHECK_INT(ym_json_at(t, 3)->col, 25);
	CHECK(ym_json_at(t, 4) == NULL);
	y = ym_json_get(ym_json_get(ym_json_get(v, "nested"), "x"), "y");
	CHECK_INT(ym_json_len(y), 2);
	CHECK(ym_json_int(ym_json_at(y, 0), &i));
	CHECK_INT(i, 1);
	CHECK(ym_json_int(ym_json_at(ym_json_at(ym_json_at(y, 1), 1), 0), &i));
	CHECK_INT(i, 3);
	CHECK(ym_json_get(v, "missing") == NULL);
	CHECK(ym_json_get(v, "i") == NULL);
}

static void t_accessors_null(void)
{
	ym_json *v = parse("[1]");
	int64_t i = 7;

	CHECK(ym_json_get(NULL, "a") == NULL);
	CHECK(ym_json_get(v, "a") == NULL); /* not an object */
	CHECK(ym_json_string(NULL) == NULL);
	CHECK(ym_json_string(ym_json_at(v, 0)) == NULL);
	CHECK(!ym_json_is(NULL, YM_JSON_NULL));
	CHECK_INT(ym_json_len(NULL), 0);
	CHECK_INT(ym_json_len(ym_json_at(v, 0)), 0);
	CHECK(ym_json_at(NULL, 0) == NULL);
	CHECK(!ym_json_int(NULL, &i));
	CHECK_INT(i, 7);
	CHECK_STR(ym_json_type_name(YM_JSON_NULL), "null");
	CHECK_STR(ym_json_type_name(YM_JSON_TRUE), "boolean");
	CHECK_STR(ym_json_type_name(YM_JSON_FALSE), "boolean");
	CHECK_STR(ym_json_type_name(YM_JSON_NUMBER), "number");
	CHECK_STR(ym_json_type_name(YM_JSON_STRING), "string");
	CHECK_STR(ym_json_type_name(YM_JSON_ARRAY), "array");
	CHECK_STR(ym_json_type_name(YM_JSON_OBJECT), "object");
}

static void t_duplicates(void)
{
	ym_json *v = parse("{\"a\":1,\"b\":2,\"a\":3}");

	CHECK(v != NULL);
	CHECK_INT(ym_json_len(v), 3);
	CHECK_STR(v->u.obj.m[0].key, "a");
	CHECK_STR(v->u.obj.m[2].key, "a");
	CHECK(v->u.obj.m[0].val->u.num.d == 1.0);
	/* the last duplicate wins in lookups */
	CHECK(ym_json_get(v, "a")->u.num.d == 3.0);
}

static void t_strings(void)
{
	ym_json *v;

	v = parse("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\"");
	CHECK_STR(ym_json_string(v), "\" \\ / \b \f \n \r \t");
	v = parse("\"\\u0041\\u00e9\\u20AC\"");
	CHECK_STR(ym_json_string(v), "A\xc3\xa9\xe2\x82\xac");
	/* surrogate pair: U+1F600 */
	v = parse("\"\\ud83d\\ude00!\"");
	CHECK_STR(ym_json_string(v), "\xf0\x9f\x98\x80!");
	CHECK_INT(v->u.str.len, 5);
	v = parse("\"\\uDBFF\\uDFFF\"");
	CHECK_STR(ym_json_string(v), "\xf4\x8f\xbf\xbf");
	/* \u0000 is kept; len tells the truth */
	v = parse("\"a\\u0000b\"");
	CHECK(v != NULL);
	CHECK_INT(v->u.str.len, 3);
	CHECK(memcmp(v->u.str.s, "a\0b", 4) == 0);
	/* Japanese: raw UTF-8 and escaped give the same string */
	v = parse("\"脆弱性\"");
	CHECK_STR(ym_json_string(v), "脆弱性");
	CHECK_INT(v->u.str.len, 9);
	v = parse("\"\\u8106\\u5f31\\u6027\"");
	CHECK_STR(ym_json_string(v), "脆弱性");
	v = parse("{\"説明\": \"リモートの攻撃者が\\n任意のコードを実行\"}");
	CHECK_STR(ym_json_string(ym_json_get(v, "説明")),
		  "リモートの攻撃者が\n任意のコードを実行");
	/* escapes at both ends and a long plain run between */
	v = parse("\"\\tabcdefghijklmnopqrstuvwxyz0123456789\\t\"");
	CHECK_STR(ym_json_string(v),
		  "\tabcdefghijklmnopqrstuvwxyz0123456789\t");
	/* keys are unescaped too */
	v = parse("{\"k\\u0065y\": true}");
	CHECK_STR(v->u.obj.m[0].key, "key");
	CHECK_INT(v->u.obj.m[0].klen, 3);
	/* DEL and non-BMP raw characters are fine */
	v = parse("\"\x7f\xf0\x9f\x98\x80\"");
	CHECK_STR(ym_json_string(v), "\x7f\xf0\x9f\x98\x80");
}

static void t_numbers(void)
{
	ym_json *v;
	int64_t i;

	v = parse("0");
	CHECK(v->u.num.d == 0.0 && !signbit(v->u.num.d));
	v = parse("-0");
	CHECK(v->u.num.d == 0.0 && signbit(v->u.num.d));
	CHECK_STR(v->u.num.raw, "-0");
	v = parse("-12.5e-3");
	CHECK(v->u.num.d == -0.0125);
	CHECK_STR(v->u.num.raw, "-12.5e-3");
	v = parse("1E+2");
	CHECK(v->u.num.d == 100.0);
	v = parse("0.1");
	CHECK(v->u.num.d == 0.1);
	v = parse("9.8");
	CHECK(v->u.num.d == 9.8);
	v = parse("3.141592653589793238462643383279");
	CHECK(v->u.num.d == 3.141592653589793);
	v = parse("123456789012345678901234567890");
	CHECK(v->u.num.d == 1.2345678901234568e29);
	v = parse("2.2250738585072014e-308");
	CHECK(v->u.num.d == 2.2250738585072014e-308);
	v = parse("1.7976931348623157e308");
	CHECK(v->u.num.d == 1.7976931348623157e308);
	v = parse("1e-400"); /* underflow to zero is not an error */
	CHECK(v && v->u.num.d == 0.0);
	v = parse("4e-320");
	CHECK(v && v->u.num.d == 4e-320);
	CHECK_ERR("1e999", "number out of range", 1, 1);
	CHECK_ERR("[0, -1.8e308]", "number out of range", 1, 5);
	CHECK_ERR("1" "00000000000000000000000000000000000000000000000000"
		  "00000000000000000000000000000000000000000000000000"
		  "00000000000000000000000000000000000000000000000000"
		  "00000000000000000000000000000000000000000000000000"
		  "00000000000000000000000000000000000000000000000000"
		  "00000000000000000000000000000000000000000000000000"
		  "0000000000",
		  "number out of range", 1, 1);

	/* integers: from the text, exactly */
	v = parse("9007199254740993");
	CHECK(ym_json_int(v, &i));
	CHECK(i == INT64_C(9007199254740993));
	v = parse("9223372036854775807");
	CHECK(ym_json_int(v, &i));
	CHECK(i == INT64_MAX);
	v = parse("-9223372036854775808");
	CHECK(ym_json_int(v, &i));
	CHECK(i == INT64_MIN);
	CHECK(!ym_json_int(parse("9223372036854775808"), &i));
	CHECK(!ym_json_int(parse("-9223372036854775809"), &i));
	CHECK(!ym_json_int(parse("1.5"), &i));
	CHECK(!ym_json_int(parse("1e30"), &i));
	CHECK(!ym_json_int(parse("\"1\""), &i));
	CHECK(ym_json_int(parse("1.0"), &i));
	CHECK_INT(i, 1);
	CHECK(ym_json_int(parse("25E1"), &i));
	CHECK_INT(i, 250);
	CHECK(ym_json_int(parse("-0"), &i));
	CHECK_INT(i, 0);
}

static void t_errors_syntax(void)
{
	CHECK_ERR("", "unexpected end of input", 1, 1);
	CHECK_ERR("  \n ", "unexpected end of input", 2, 2);
	CHECK_ERR("[1,]", "trailing comma in array", 1, 4);
	CHECK_ERR("{\"a\":1,}", "trailing comma in object", 1, 8);
	CHECK_ERR("[1 2]", "expected ',' or ']' after array element", 1, 4);
	CHECK_ERR("{\"a\":1 \"b\":2}",
		  "expected ',' or '}' after object member", 1, 8);
	CHECK_ERR("{\"a\" 1}", "expected ':' after object key", 1, 6);
	CHECK_ERR("{1:2}", "expected string as object key", 1, 2);
	CHECK_ERR("{'a':2}", "expected string as object key", 1, 2);
	CHECK_ERR("[1,\n  tru]", "unexpected character ']'", 2, 6);
	CHECK_ERR("nul", "unexpected end of input", 1, 4);
	CHECK_ERR("[nulL]", "unexpected character 'L'", 1, 5);
	CHECK_ERR("NaN", "unexpected character 'N'", 1, 1);
	CHECK_ERR("Infinity", "unexpected character 'I'", 1, 1);
	CHECK_ERR("-Infinity", "expected digit in number", 1, 2);
	CHECK_ERR("'a'", "unexpected character '''", 1, 1);
	CHECK_ERR("/* c */ 1", "unexpected character '/'", 1, 1);
	CHECK_ERR("[1] // c", "trailing characters after JSON value", 1, 5);
	CHECK_ERR("01", "leading zeros are not allowed in numbers", 1, 2);
	CHECK_ERR("[-00]", "leading zeros are not allowed in numbers", 1, 4);
	CHECK_ERR("1.", "unexpected end of input", 1, 3);
	CHECK_ERR("1.e5", "expected digit in number", 1, 3);
	CHECK_ERR("1e", "unexpected end of input", 1, 3);
	CHECK_ERR("1e+", "unexpected end of input", 1, 4);
	CHECK_ERR("[1ex]", "expected digit in number", 1, 4);
	CHECK_ERR("-", "unexpected end of input", 1, 2);
	CHECK_ERR("+1", "unexpected character '+'", 1, 1);
	CHECK_ERR(".5", "unexpected character '.'", 1, 1);
	CHECK_ERR("[0x10]", "expected ',' or ']' after array element", 1, 3);
	CHECK_ERR("1 2", "trailing characters after JSON value", 1, 3);
	CHECK_ERR("{}\n\n x", "trailing characters after JSON value", 3, 2);
	CHECK_ERR("\x01", "unexpected byte 0x01", 1, 1);
	CHECK_ERR("[\xc3\xa9]", "unexpected byte 0xc3", 1, 2);
	CHECK_ERR_N("[\0]", 3, NULL, YM_E_PARSE, "unexpected byte 0x00", 1, 2);
	CHECK_ERR_N("[1]\0", 4, NULL, YM_E_PARSE,
		    "trailing characters after JSON value", 1, 4);
	CHECK_ERR("[", "unexpected end of input", 1, 2);
	CHECK_ERR("[1", "unexpected end of input", 1, 3);
	CHECK_ERR("{", "unexpected end of input", 1, 2);
	CHECK_ERR("{\"a\"", "unexpected end of input", 1, 5);
	CHECK_ERR("{\"a\":", "unexpected end of input", 1, 6);
	CHECK_ERR("{\"a\":1", "unexpected end of input", 1, 7);
	CHECK_ERR("{\"a\":1,", "unexpected end of input", 1, 8);
	CHECK_ERR("]", "unexpected character ']'", 1, 1);
	CHECK_ERR("[}", "unexpected character '}'", 1, 2);
	CHECK_ERR("{]", "expected string as object key", 1, 2);
	CHECK_ERR("[,1]", "unexpected character ','", 1, 2);
	/* CRLF line ends count once */
	CHECK_ERR("[\r\n1,\r\n]", "trailing comma in array", 3, 1);
}

static void t_errors_string(void)
{
	CHECK_ERR("\"a\\x\"", "invalid escape '\\x' in string", 1, 3);
	CHECK_ERR("\"\\'\"", "invalid escape '\\'' in string", 1, 2);
	CHECK_ERR("\"\\\x01\"", "invalid escape byte 0x01 in string", 1, 2);
	CHECK_ERR("\"a\tb\"", "control character in string", 1, 3);
	CHECK_ERR("[\n\"a\nb\"]", "control character in string", 2, 3);
	CHECK_ERR_N("\"a\0\"", 4, NULL, YM_E_PARSE,
		    "control character in string", 1, 3);
	CHECK_ERR("\"ab", "unexpected end of input in string", 1, 4);
	CHECK_ERR("\"ab\\", "unexpected end of input in string", 1, 5);
	CHECK_ERR("\"\xff\"", "invalid UTF-8 in string", 1, 2);
	CHECK_ERR("\"ab\xc0\xaf\"", "invalid UTF-8 in string", 1, 4);
	CHECK_ERR("\"\xed\xa0\x80\"", "invalid UTF-8 in string", 1, 2);
	CHECK_ERR("\"\xf4\x90\x80\x80\"", "invalid UTF-8 in string", 1, 2);
	CHECK_ERR("\"\xe8\x84\"", "invalid UTF-8 in string", 1, 2);
	CHECK_ERR("{\"\xe8\x84\xfe\": 1}", "invalid UTF-8 in string", 1, 3);
	CHECK_ERR("\"\\ud800\"", "lone surrogate \\ud800 in string", 1, 2);
	CHECK_ERR("\"x\\udc00\"", "lone surrogate \\udc00 in string", 1, 3);
	CHECK_ERR("\"\\ud800\\u0041\"", "lone surrogate \\ud800 in string",
		  1, 2);
	CHECK_ERR("\"\\ud800x\"", "lone surrogate \\ud800 in string", 1, 2);
	CHECK_ERR("\"\\ud800\\n\"", "lone surrogate \\ud800 in string", 1, 2);
	CHECK_ERR("\"\\ud800", "unexpected end of input in string", 1, 8);
	CHECK_ERR("\"\\u12G4\"", "invalid \\u escape in string", 1, 2);
	CHECK_ERR("\"\\u12", "unexpected end of input in string", 1, 6);
	/* errors after an escape, on the slow path */
	CHECK_ERR("\"\\n\x01\"", "control character in string", 1, 4);
	CHECK_ERR("\"\\nab\xff\"", "invalid UTF-8 in string", 1, 6);
	CHECK_ERR("\"\\nabc", "unexpected end of input in string", 1, 7);
	CHECK_ERR("[1,\n\n  \"a\\q\"]", "invalid escape '\\q' in string", 3,
		  5);
	/* the first problem is reported, not a later one */
	CHECK_ERR("\"\xff\x01\"", "invalid UTF-8 in string", 1, 2);
	CHECK_ERR("\"\xff\\q\"", "invalid UTF-8 in string", 1, 2);
}

static void t_bom(void)
{
	ym_json *v = parse("\xef\xbb\xbf[1]");

	CHECK(v && ym_json_len(v) == 1);
	CHECK_INT(v->col, 1);
	CHECK_ERR("\xef\xbb\xbf[1,]", "trailing comma in array", 1, 4);
	/* only at the start */
	CHECK_ERR("[\xef\xbb\xbf]", "unexpected byte 0xef", 1, 2);
	CHECK_ERR("\xef\xbb\xbf", "unexpected end of input", 1, 1);
}

static void t_limits_depth(void)
{
	enum { N = 100000 };
	char *s = malloc(2 * N + 1);
	ym_json_limits lim = { 2, 0 };
	ym_json *v;
	size_t i;

	/* 512 levels are fine, 513 are not */
	for (i = 0; i < 512; i++) {
		s[i] = '[';
		s[1024 - 1 - i] = ']';
	}
	v = parse_n(s, 1024, NULL);
	CHECK(v != NULL);
	memset(s, '[', N);
	CHECK_ERR_N(s, 1026, NULL, YM_E_TOOBIG,
		    "nesting deeper than 512 levels", 1, 513);
	/* deep hostile input fails without touching the C stack */
	CHECK_ERR_N(s, N, NULL, YM_E_TOOBIG, "nesting deeper than 512 levels",
		    1, 513);
	for (i = 0; i < N; i++)
		s[i] = i % 2 ? '[' : '{';
	CHECK(parse_n(s, N, NULL) == NULL);
	CHECK_STR(E.msg, "expected string as object key");
	free(s);

	CHECK(parse_n("[[]]", 4, &lim) != NULL);
	CHECK(parse_n("[{\"a\":1}]", 9, &lim) != NULL);
	CHECK_ERR_N("[[[]]]", 6, &lim, YM_E_TOOBIG,
		    "nesting deeper than 2 levels", 1, 3);
	CHECK_ERR_N("{\"a\":{\"b\":{}}}", 14, &lim, YM_E_TOOBIG,
		    "nesting deeper than 2 levels", 1, 11);
}

static void t_limits_string(void)
{
	ym_json_limits lim = { 0, 4 };
	size_t n = 20u << 20, i;
	char *s;
	clock_t t0;

	CHECK(parse_n("\"abcd\"", 6, &lim) != NULL);
	CHECK_ERR_N("\"abcde\"", 7, &lim, YM_E_TOOBIG,
		    "string longer than 4 bytes", 1, 1);
	CHECK_ERR_N("\"abcde", 6, &lim, YM_E_TOOBIG,
		    "string longer than 4 bytes", 1, 1);
	CHECK_ERR_N("\"abcd", 5, &lim, YM_E_PARSE,
		    "unexpected end of input in string", 1, 6);
	CHECK_ERR_N(" {\"abcde\":1}", 12, &lim, YM_E_TOOBIG,
		    "string longer than 4 bytes", 1, 3);
	/* the limit applies to the unescaped length */
	CHECK(parse_n("\"abc\\n\"", 7, &lim) != NULL);
	CHECK(parse_n("\"\\u00e9\\u00e9\"", 14, &lim) != NULL);
	CHECK(parse_n("\"\\n\\nab\"", 8, &lim) != NULL);
	CHECK_ERR_N("\"abcd\\n\"", 8, &lim, YM_E_TOOBIG,
		    "string longer than 4 bytes", 1, 1);
	CHECK_ERR_N("\"\\nabcd\"", 8, &lim, YM_E_TOOBIG,
		    "string longer than 4 bytes", 1, 1);
	CHECK_ERR_N("\"\\n\\n\\n\\ud83d\\ude00\"", 20, &lim, YM_E_TOOBIG,
		    "string longer than 4 bytes", 1, 1);

	/* 20 MB string, default 16 MiB limit: fails, and fails early */
	s = malloc(n);
	s[0] = '"';
	memset(s + 1, 'a', n - 2);
	s[n - 1] = '"';
	t0 = clock();
	CHECK_ERR_N(s, n, NULL, YM_E_TOOBIG,
		    "string longer than 16777216 bytes", 1, 1);
	CHECK((clock() - t0) < CLOCKS_PER_SEC);
	/* same with an escape near the start (slow path) */
	s[1] = '\\';
	s[2] = 'n';
	CHECK_ERR_N(s, n, NULL, YM_E_TOOBIG,
		    "string longer than 16777216 bytes", 1, 1);
	/* exactly at the limit is fine */
	for (i = 1; i < n - 1; i++)
		s[i] = 'b';
	s[(16u << 20) + 1] = '"';
	CHECK(parse_n(s, (16u << 20) + 2, NULL) != NULL);
	free(s);
}

static void t_no_err(void)
{
	/* err may be NULL */
	CHECK(ym_json_parse(&A, "[1,]", 4, NULL, NULL, NULL) == NULL);
	CHECK(ym_json_parse(&A, "\"\\q\"", 4, NULL, NULL, NULL) == NULL);
	CHECK(ym_json_parse(&A, "[1]", 3, NULL, NULL, NULL) != NULL);
	/* no file name: the error has none */
	ym_err_clear(&E);
	CHECK(ym_json_parse(&A, "x", 1, NULL, NULL, &E) == NULL);
	CHECK_STR(E.file, "");
	CHECK_INT(E.column, 1);
}

/* --- writer --- */

static void t_writer_compact(void)
{
	ym_buf b = YM_BUF_INIT;
	ym_jsonw w;

	ym_jsonw_init(&w, &b, false);
	ym_jsonw_obj_begin(&w);
	ym_jsonw_kstr(&w, "id", "CVE-2024-0001");
	ym_jsonw_kint(&w, "n", -42);
	ym_jsonw_kbool(&w, "kev", true);
	ym_jsonw_key(&w, "list");
	ym_jsonw_arr_begin(&w);
	ym_jsonw_int(&w, 1);
	ym_jsonw_str(&w, NULL);
	ym_jsonw_bool(&w, false);
	ym_jsonw_arr_begin(&w);
	ym_jsonw_arr_end(&w);
	ym_jsonw_obj_begin(&w);
	ym_jsonw_obj_end(&w);
	ym_jsonw_double(&w, 9.8);
	ym_jsonw_arr_end(&w);
	ym_jsonw_key(&w, "o");
	ym_jsonw_obj_begin(&w);
	ym_jsonw_kstr(&w, "k", "v");
	ym_jsonw_obj_end(&w);
	ym_jsonw_obj_end(&w);
	CHECK_STR(b.ptr, "{\"id\":\"CVE-2024-0001\",\"n\":-42,\"kev\":true,"
			 "\"list\":[1,null,false,[],{},9.8],"
			 "\"o\":{\"k\":\"v\"}}");
	ym_buf_release(&b);
}

static void t_writer_pretty(void)
{
	ym_buf b = YM_BUF_INIT;
	ym_jsonw w;

	ym_jsonw_init(&w, &b, true);
	ym_jsonw_obj_begin(&w);
	ym_jsonw_kstr(&w, "a", "x");
	ym_jsonw_key(&w, "b");
	ym_jsonw_arr_begin(&w);
	ym_jsonw_int(&w, 1);
	ym_jsonw_obj_begin(&w);
	ym_jsonw_kint(&w, "c", 2);
	ym_jsonw_obj_end(&w);
	ym_jsonw_arr_end(&w);
	ym_jsonw_key(&w, "e");
	ym_jsonw_arr_begin(&w);
	ym_jsonw_arr_end(&w);
	ym_jsonw_obj_end(&w);
	CHECK_STR(b.ptr, "{\n"
			 "  \"a\": \"x\",\n"
			 "  \"b\": [\n"
			 "    1,\n"
			 "    {\n"
			 "      \"c\": 2\n"
			 "    }\n"
			 "  ],\n"
			 "  \"e\": []\n"
			 "}");
	ym_buf_release(&b);
}

static const char *dbl(ym_buf *b, double d)
{
	ym_jsonw w;

	ym_buf_reset(b);
	ym_jsonw_init(&w, b, false);
	ym_jsonw_double(&w, d);
	return b->ptr;
}

static void t_writer_double(void)
{
	ym_buf b = YM_BUF_INIT;

	CHECK_STR(dbl(&b, 0.0), "0");
	CHECK_STR(dbl(&b, -0.0), "-0");
	CHECK_STR(dbl(&b, 100.0), "100");
	CHECK_STR(dbl(&b, -7.0), "-7");
	CHECK_STR(dbl(&b, 1e18), "1000000000000000000");
	CHECK_STR(dbl(&b, 0.1), "0.1");
	CHECK_STR(dbl(&b, 9.8), "9.8");
	CHECK_STR(dbl(&b, 1.5), "1.5");
	CHECK_STR(dbl(&b, 123456789.125), "123456789.125");
	CHECK_STR(dbl(&b, 1.0 / 3.0), "0.3333333333333333");
	CHECK_STR(dbl(&b, 0.1 + 0.2), "0.30000000000000004");
	CHECK_STR(dbl(&b, 1e20), "1e+20");
	CHECK_STR(dbl(&b, 9223372036854775808.0), "9.223372036854776e+18");
	CHECK_STR(dbl(&b, 1e-7), "1e-07");
	CHECK_STR(dbl(&b, NAN), "null");
	CHECK_STR(dbl(&b, INFINITY), "null");
	CHECK_STR(dbl(&b, -INFINITY), "null");
	ym_buf_reset(&b);
	{
		ym_jsonw w;

		ym_jsonw_init(&w, &b, false);
		ym_jsonw_int(&w, INT64_MIN);
	}
	CHECK_STR(b.ptr, "-9223372036854775808");
	ym_buf_release(&b);
}

static const char *esc(ym_buf *b, const char *s, size_t n)
{
	ym_buf_reset(b);
	ym_json_escape(b, s, n);
	return b->ptr;
}

static void t_escape(void)
{
	ym_buf b = YM_BUF_INIT;
	char big[10000];
	ym_json *v;
	size_t i;

	CHECK_STR(esc(&b, "", 0), "\"\"");
	CHECK_STR(esc(&b, "a\"b\\c/d", 7), "\"a\\\"b\\\\c/d\"");
	CHECK_STR(esc(&b, "\n\t\r\b\f", 5), "\"\\n\\t\\r\\b\\f\"");
	CHECK_STR(esc(&b, "\x01\x1f\x7f", 3), "\"\\u0001\\u001f\x7f\"");
	CHECK_STR(esc(&b, "a\0b", 3), "\"a\\u0000b\"");
	CHECK_STR(esc(&b, "脆弱性", 9), "\"脆弱性\"");
	CHECK_STR(esc(&b, "\xf0\x9f\x98\x80", 4), "\"\xf0\x9f\x98\x80\"");
	/* invalid UTF-8: one U+FFFD per bad byte */
	CHECK_STR(esc(&b, "a\xff" "b", 3), "\"a\xef\xbf\xbd" "b\"");
	CHECK_STR(esc(&b, "\xe8\x84", 2), "\"\xef\xbf\xbd\xef\xbf\xbd\"");
	CHECK_STR(esc(&b, "\xed\xa0\x80", 3),
		  "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"");
	CHECK_STR(esc(&b, "\xc0\xaf", 2), "\"\xef\xbf\xbd\xef\xbf\xbd\"");
	/* long input crosses the internal chunking without splitting */
	for (i = 0; i + 3 <= sizeof big; i += 3)
		memcpy(big + i, "性", 3);
	esc(&b, big, i);
	CHECK_INT(b.len, i + 2);
	v = parse_n(b.ptr, b.len, NULL);
	CHECK(v && v->u.str.len == i && memcmp(v->u.str.s, big, i) == 0);
	ym_buf_release(&b);
}

/* Compares two trees; numbers by value. */
static int same(const ym_json *a, const ym_json *b)
{
	size_t i;

	if (a->type != b->type)
		return 0;
	switch (a->type) {
	case YM_JSON_NUMBER:
		return a->u.num.d == b->u.num.d;
	case YM_JSON_STRING:
		return a->u.str.len == b->u.str.len &&
		       memcmp(a->u.str.s, b->u.str.s, a->u.str.len) == 0;
	case YM_JSON_ARRAY:
		if (a->u.arr.n != b->u.arr.n)
			return 0;
		for (i = 0; i < a->u.arr.n; i++)
			if (!same(a->u.arr.items[i], b->u.arr.items[i]))
				return 0;
		return 1;
	case YM_JSON_OBJECT:
		if (a->u.obj.n != b->u.obj.n)
			return 0;
		for (i = 0; i < a->u.obj.n; i++) {
			const ym_json_member *x = &a->u.obj.m[i];
			const ym_json_member *y = &b->u.obj.m[i];

			if (x->klen != y->klen ||
			    memcmp(x->key, y->key, x->klen) != 0 ||
			    !same(x->val, y->val))
				return 0;
		}
		return 1;
	default:
		return 1;
	}
}

static void t_round_trip(void)
{
	const char *doc =
		"{\"id\":\"JVNDB-2024-000001\",\"title\":\"脆弱性 \\\"x\\\"\","
		"\"ctl\":\"\\u0000\\u0001\\n\\t\\\\/\","
		"\"emoji\":\"\\ud83d\\ude00\","
		"\"n\":[0,-0,1.5,-2e-3,1E+300,123456789012345678901],"
		"\"b\":[true,false,null],\"e\":{},\"a\":[],"
		"\"deep\":[[[{\"k\":[{}]}]]],"
		"\"dup\":1,\"dup\":2,\"\\u0000k\":3}";
	const char *want =
		"{\"id\":\"JVNDB-2024-000001\",\"title\":\"脆弱性 \\\"x\\\"\","
		"\"ctl\":\"\\u0000\\u0001\\n\\t\\\\/\","
		"\"emoji\":\"\xf0\x9f\x98\x80\","
		"\"n\":[0,-0,1.5,-2e-3,1E+300,123456789012345678901],"
		"\"b\":[true,false,null],\"e\":{},\"a\":[],"
		"\"deep\":[[[{\"k\":[{}]}]]],"
		"\"dup\":1,\"dup\":2,\"\\u0000k\":3}";
	ym_json *v = parse(doc), *v2, *v3;
	ym_buf b = YM_BUF_INIT, p = YM_BUF_INIT;
	ym_jsonw w;

	CHECK(v != NULL);
	ym_jsonw_init(&w, &b, false);
	ym_jsonw_value(&w, v);
	CHECK_STR(b.ptr, want);
	v2 = parse_n(b.ptr, b.len, NULL);
	CHECK(v2 && same(v, v2));
	/* pretty output parses to the same tree */
	ym_jsonw_init(&w, &p, true);
	ym_jsonw_value(&w, v);
	v3 = parse_n(p.ptr, p.len, NULL);
	CHECK(v3 && same(v, v3));
	CHECK(strstr(p.ptr, "\n  \"deep\": [\n    [\n      [\n") != NULL);
	/* a value inside a writer-built container gets its comma */
	ym_buf_reset(&b);
	ym_jsonw_init(&w, &b, false);
	ym_jsonw_arr_begin(&w);
	ym_jsonw_int(&w, 1);
	ym_jsonw_value(&w, ym_json_get(v, "b"));
	ym_jsonw_value(&w, NULL);
	ym_jsonw_arr_end(&w);
	CHECK_STR(b.ptr, "[1,[true,false,null],null]");
	ym_buf_release(&b);
	ym_buf_release(&p);
}

static void t_round_trip_writer(void)
{
	ym_buf b = YM_BUF_INIT;
	ym_jsonw w;
	ym_json *v;
	const double ds[] = { 0.1, 1.0 / 3, 2.5e-310, 1.7976931348623157e308,
			      -123.456, 6.02214076e23 };
	size_t i;

	ym_jsonw_init(&w, &b, true);
	ym_jsonw_obj_begin(&w);
	ym_jsonw_kstr(&w, "説明", "リモートの攻撃者が\n任意の\x01コードを実行");
	ym_jsonw_keyn(&w, "a\0b", 3);
	ym_jsonw_strn(&w, "x\0y\xff", 4);
	ym_jsonw_key(&w, "d");
	ym_jsonw_arr_begin(&w);
	for (i = 0; i < sizeof ds / sizeof ds[0]; i++)
		ym_jsonw_double(&w, ds[i]);
	ym_jsonw_arr_end(&w);
	ym_jsonw_obj_end(&w);
	v = parse_n(b.ptr, b.len, NULL);
	CHECK(v != NULL);
	CHECK_STR(ym_json_string(ym_json_get(v, "説明")),
		  "リモートの攻撃者が\n任意の\x01コードを実行");
	CHECK_INT(v->u.obj.m[1].klen, 3);
	CHECK(memcmp(v->u.obj.m[1].key, "a\0b", 4) == 0);
	CHECK_INT(v->u.obj.m[1].val->u.str.len, 6);
	CHECK(memcmp(v->u.obj.m[1].val->u.str.s, "x\0y\xef\xbf\xbd", 7) == 0);
	for (i = 0; i < sizeof ds / sizeof ds[0]; i++)
		CHECK(ym_json_at(ym_json_get(v, "d"), i)->u.num.d == ds[i]);
	ym_buf_release(&b);
}

int main(void)
{
	ym_arena_init(&A, 0);
	RUN(t_scalars);
	RUN(t_structure);
	RUN(t_accessors_null);
	RUN(t_duplicates);
	RUN(t_strings);
	RUN(t_numbers);
	RUN(t_errors_syntax);
	RUN(t_errors_string);
	RUN(t_bom);
	RUN(t_limits_depth);
	RUN(t_limits_string);
	RUN(t_no_err);
	RUN(t_writer_compact);
	RUN(t_writer_pretty);
	RUN(t_writer_double);
	RUN(t_escape);
	RUN(t_round_trip);
	RUN(t_round_trip_writer);
	ym_arena_release(&A);
	return test_done();
}
