/* test_utf8.c - UTF-8 decoding, validation and display width. */
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "test.h"

/* Decodes s (a literal) and returns the code point, or -1 if invalid or
 * if not all of s was used. */
static long dec(const char *s)
{
	uint32_t cp;
	size_t n = strlen(s), k = ym_utf8_decode(s, n, &cp);

	return k == n && k > 0 ? (long)cp : -1;
}

static void t_decode(void)
{
	uint32_t cp = 0;

	CHECK_INT(dec("A"), 0x41);
	CHECK_INT(dec("\x7f"), 0x7f);
	CHECK_INT(dec("\xc2\x80"), 0x80);
	CHECK_INT(dec("\xdf\xbf"), 0x7ff);
	CHECK_INT(dec("\xe0\xa0\x80"), 0x800);
	CHECK_INT(dec("脆"), 0x8106);
	CHECK_INT(dec("\xed\x9f\xbf"), 0xd7ff);
	CHECK_INT(dec("\xee\x80\x80"), 0xe000);
	CHECK_INT(dec("\xef\xbf\xbf"), 0xffff);
	CHECK_INT(dec("\xf0\x90\x80\x80"), 0x10000);
	CHECK_INT(dec("\xf0\x9f\x98\x80"), 0x1f600);
	CHECK_INT(dec("\xf4\x8f\xbf\xbf"), 0x10ffff);
	/* overlong */
	CHECK_INT(dec("\xc0\x80"), -1);
	CHECK_INT(dec("\xc1\xbf"), -1);
	CHECK_INT(dec("\xe0\x9f\xbf"), -1);
	CHECK_INT(dec("\xf0\x8f\xbf\xbf"), -1);
	/* surrogates */
	CHECK_INT(dec("\xed\xa0\x80"), -1);
	CHECK_INT(dec("\xed\xbf\xbf"), -1);
	/* beyond U+10FFFF and impossible bytes */
	CHECK_INT(dec("\xf4\x90\x80\x80"), -1);
	CHECK_INT(dec("\xf5\x80\x80\x80"), -1);
	CHECK_INT(dec("\xff"), -1);
	CHECK_INT(dec("\xfe"), -1);
	/* lone continuation, bad continuation, truncated */
	CHECK_INT(dec("\x80"), -1);
	CHECK_INT(dec("\xbf"), -1);
	CHECK_INT(dec("\xc3\x28"), -1);
	CHECK_INT(dec("\xe3\x81"), -1);
	CHECK_INT(dec("\xf0\x9f\x98"), -1);
	CHECK_INT(ym_utf8_decode("\xe3\x81\x82", 2, &cp), 0);
	CHECK_INT(ym_utf8_decode("", 0, &cp), 0);
	/* only the first character is decoded */
	CHECK_INT(ym_utf8_decode("\xc3\xa9z", 3, &cp), 2);
	CHECK_INT(cp, 0xe9);
}

static void t_encode(void)
{
	char out[4];
	uint32_t cp, back;
	size_t n;

	CHECK_INT(ym_utf8_encode(0x41, out), 1);
	CHECK(out[0] == 'A');
	CHECK_INT(ym_utf8_encode(0xe9, out), 2);
	CHECK(memcmp(out, "\xc3\xa9", 2) == 0);
	CHECK_INT(ym_utf8_encode(0x8106, out), 3);
	CHECK(memcmp(out, "脆", 3) == 0);
	CHECK_INT(ym_utf8_encode(0x1f600, out), 4);
	CHECK(memcmp(out, "\xf0\x9f\x98\x80", 4) == 0);
	CHECK_INT(ym_utf8_encode(0xd800, out), 0);
	CHECK_INT(ym_utf8_encode(0xdfff, out), 0);
	CHECK_INT(ym_utf8_encode(0x110000, out), 0);
	/* every scalar value survives encode + decode + validate */
	for (cp = 0; cp <= 0x10ffff; cp++) {
		if (cp >= 0xd800 && cp <= 0xdfff)
			continue;
		n = ym_utf8_encode(cp, out);
		CHECK(n >= 1 && n <= 4);
		CHECK_INT(ym_utf8_decode(out, n, &back), n);
		CHECK_INT(back, cp);
		CHECK(ym_utf8_valid(out, n, NULL));
	}
}

/* Independent reference: decode by arithmetic, then reject what the
 * standard forbids. Returns the sequence length or 0. */
static size_t ref_len(const unsigned char *s, size_t len)
{
	static const uint32_t min[] = { 0, 0, 0x80, 0x800, 0x10000 };
	size_t n, i;
	uint32_t cp;

	if (s[0] < 0x80)
		return 1;
	if ((s[0] & 0xe0) == 0xc0) {
		n = 2;
		cp = s[0] & 0x1f;
	} else if ((s[0] & 0xf0) == 0xe0) {
		n = 3;
		cp = s[0] & 0x0f;
	} else if ((s[0] & 0xf8) == 0xf0) {
		n = 4;
		cp = s[0] & 0x07;
	} else {
		return 0;
	}
	if (len < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if (cp < min[n] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return n;
}

static void t_valid_random(void)
{
	/* Bytes biased towards UTF-8 structure so valid strings occur. */
	static const unsigned char pool[] = {
		'a', ' ', 0x00, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf,
		0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef,
		0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xff,
	};
	unsigned char s[24];
	unsigned seed = 12345;
	size_t len, i, n, bad, want_bad;
	bool want;
	int iter;

	for (iter = 0; iter < 300000; iter++) {
		seed = seed * 1103515245u + 12345u;
		len = (seed >> 16) % sizeof s;
		for (i = 0; i < len; i++) {
			seed = seed * 1103515245u + 12345u;
			s[i] = pool[(seed >> 16) % sizeof pool];
		}
		want = true;
		want_bad = 0;
		for (i = 0; i < len; i += n) {
			n = ref_len(s + i, len - i);
			if (n == 0) {
				want = false;
				want_bad = i;
				break;
			}
		}
		bad = 999;
		CHECK(ym_utf8_valid((const char *)s, len, &bad) == want);
		if (!want)
			CHECK_INT(bad, want_bad);
	}
}

static void t_valid(void)
{
	char buf[200];
	size_t bad = 999;

	CHECK(ym_utf8_valid("", 0, &bad));
	CHECK_INT(bad, 999);
	CHECK(ym_utf8_valid("plain ascii text, longer than eight", 35, NULL));
	CHECK(ym_utf8_valid("脆弱性 JVNDB ｱ 😀", strlen("脆弱性 JVNDB ｱ 😀"),
			    NULL));
	CHECK(!ym_utf8_valid("abcdefgh\xff", 9, &bad));
	CHECK_INT(bad, 8);
	CHECK(!ym_utf8_valid("\xff", 1, &bad));
	CHECK_INT(bad, 0);
	CHECK(!ym_utf8_valid("ab\xe8\x84", 4, &bad));
	CHECK_INT(bad, 2);
	/* an embedded NUL is valid UTF-8 */
	CHECK(ym_utf8_valid("a\0b", 3, NULL));
	/* the first error is found after a long ASCII run */
	memset(buf, 'x', sizeof buf);
	buf[57] = (char)0xc0;
	buf[58] = (char)0x80;
	buf[150] = (char)0xff;
	CHECK(!ym_utf8_valid(buf, sizeof buf, &bad));
	CHECK_INT(bad, 57);
	memcpy(buf + 57, "é", 2);
	CHECK(!ym_utf8_valid(buf, sizeof buf, &bad));
	CHECK_INT(bad, 150);
	CHECK(ym_utf8_valid(buf, 150, &bad));
	/* a sequence cut by len is invalid */
	CHECK(!ym_utf8_valid("\xe8\x84\x86", 2, &bad));
	CHECK_INT(bad, 0);
}

static int w(const char *s)
{
	return (int)ym_utf8_width(s, strlen(s));
}

static void t_cp_width(void)
{
	CHECK_INT(ym_utf8_cp_width('a'), 1);
	CHECK_INT(ym_utf8_cp_width(0xe9), 1);
	CHECK_INT(ym_utf8_cp_width(0xad), 1);     /* soft hyphen */
	CHECK_INT(ym_utf8_cp_width(0x301), 0);    /* combining acute */
	CHECK_INT(ym_utf8_cp_width(0x20d7), 0);   /* combining arrow */
	CHECK_INT(ym_utf8_cp_width(0x1100), 2);   /* Hangul choseong */
	CHECK_INT(ym_utf8_cp_width(0x1161), 0);   /* Hangul jungseong */
	CHECK_INT(ym_utf8_cp_width(0x11ff), 0);
	CHECK_INT(ym_utf8_cp_width(0x200b), 0);   /* zero width space */
	CHECK_INT(ym_utf8_cp_width(0x200d), 0);   /* zero width joiner */
	CHECK_INT(ym_utf8_cp_width(0xfeff), 0);   /* BOM */
	CHECK_INT(ym_utf8_cp_width(0xfe0f), 0);   /* variation selector */
	CHECK_INT(ym_utf8_cp_width(0xe0001), 0);  /* language tag */
	CHECK_INT(ym_utf8_cp_width(0x2460), 1);   /* ambiguous: circled 1 */
	CHECK_INT(ym_utf8_cp_width(0x3000), 2);   /* ideographic space */
	CHECK_INT(ym_utf8_cp_width(0x3001), 2);   /* ideographic comma */
	CHECK_INT(ym_utf8_cp_width(0x3042), 2);   /* hiragana a */
	CHECK_INT(ym_utf8_cp_width(0x30a2), 2);   /* katakana a */
	CHECK_INT(ym_utf8_cp_width(0x3099), 0);   /* combining voiced mark */
	CHECK_INT(ym_utf8_cp_width(0x302a), 0);
	CHECK_INT(ym_utf8_cp_width(0x4e00), 2);
	CHECK_INT(ym_utf8_cp_width(0x9fff), 2);
	CHECK_INT(ym_utf8_cp_width(0x3400), 2);   /* CJK ext A */
	CHECK_INT(ym_utf8_cp_width(0xac00), 2);   /* Hangul syllable */
	CHECK_INT(ym_utf8_cp_width(0xd7a3), 2);
	CHECK_INT(ym_utf8_cp_width(0xd7a4), 1);
	CHECK_INT(ym_utf8_cp_width(0xf900), 2);   /* compatibility ideograph */
	CHECK_INT(ym_utf8_cp_width(0xff01), 2);   /* fullwidth ! */
	CHECK_INT(ym_utf8_cp_width(0xff21), 2);   /* fullwidth A */
	CHECK_INT(ym_utf8_cp_width(0xff60), 2);
	CHECK_INT(ym_utf8_cp_width(0xff61), 1);   /* halfwidth forms */
	CHECK_INT(ym_utf8_cp_width(0xff71), 1);
	CHECK_INT(ym_utf8_cp_width(0xff9e), 1);
	CHECK_INT(ym_utf8_cp_width(0xffe0), 2);   /* fullwidth cent */
	CHECK_INT(ym_utf8_cp_width(0xffe8), 1);   /* halfwidth forms light */
	CHECK_INT(ym_utf8_cp_width(0x2614), 2);   /* umbrella with rain */
	CHECK_INT(ym_utf8_cp_width(0x1f300), 2);  /* cyclone */
	CHECK_INT(ym_utf8_cp_width(0x1f321), 1);  /* thermometer: text style */
	CHECK_INT(ym_utf8_cp_width(0x1f600), 2);
	CHECK_INT(ym_utf8_cp_width(0x1f64f), 2);
	CHECK_INT(ym_utf8_cp_width(0x1f650), 1);
	CHECK_INT(ym_utf8_cp_width(0x1f680), 2);  /* rocket */
	CHECK_INT(ym_utf8_cp_width(0x1f6dc), 2);  /* Unicode 15: wireless */
	CHECK_INT(ym_utf8_cp_width(0x1f90c), 2);
	CHECK_INT(ym_utf8_cp_width(0x1f9ff), 2);
	CHECK_INT(ym_utf8_cp_width(0x1fae8), 2);  /* Unicode 15: shaking face */
	CHECK_INT(ym_utf8_cp_width(0x20000), 2);  /* CJK ext B */
	CHECK_INT(ym_utf8_cp_width(0x2fffd), 2);
	CHECK_INT(ym_utf8_cp_width(0x31350), 2);  /* CJK ext H */
	CHECK_INT(ym_utf8_cp_width(0x10ffff), 1);
}

static void t_width(void)
{
	CHECK_INT(w(""), 0);
	CHECK_INT(w("abc"), 3);
	CHECK_INT(w("脆弱性"), 6);
	CHECK_INT(w("ｱ"), 1);
	CHECK_INT(w("ｶﾞ"), 2);
	CHECK_INT(w("\xcc\x81"), 0);          /* U+0301 alone */
	CHECK_INT(w("e\xcc\x81"), 1);
	CHECK_INT(w("\xf0\x9f\x98\x80"), 2);  /* U+1F600 */
	CHECK_INT(w("CVE-2024-0001 脆弱性"), 20);
	CHECK_INT(w("한국"), 4);
	CHECK_INT(w("\xe1\x84\x80\xe1\x85\xa1"), 2); /* conjoining jamo */
	/* invalid bytes count one column each */
	CHECK_INT(w("a\xff\xfe" "b"), 4);
	CHECK_INT(w("\xe8\x84"), 2);
	CHECK_INT((int)ym_utf8_width("a\0b", 3), 3);
}

static size_t pc(const char *s, size_t cols)
{
	return ym_utf8_prefix_cols(s, strlen(s), cols);
}

static void t_prefix_cols(void)
{
	CHECK_INT(pc("abc", 0), 0);
	CHECK_INT(pc("abc", 2), 2);
	CHECK_INT(pc("abc", 10), 3);
	CHECK_INT(pc("脆弱性", 0), 0);
	CHECK_INT(pc("脆弱性", 1), 0);
	CHECK_INT(pc("脆弱性", 2), 3);
	CHECK_INT(pc("脆弱性", 3), 3);
	CHECK_INT(pc("脆弱性", 5), 6);
	CHECK_INT(pc("脆弱性", 6), 9);
	CHECK_INT(pc("ab脆", 3), 2);
	CHECK_INT(pc("ab脆", 4), 5);
	CHECK_INT(pc("ｱｲｳ", 2), 6);
	/* a combining mark stays with its base */
	CHECK_INT(pc("e\xcc\x81x", 1), 3);
	CHECK_INT(pc("\xf0\x9f\x98\x80" "a", 1), 0);
	CHECK_INT(pc("\xf0\x9f\x98\x80" "a", 2), 4);
	CHECK_INT(pc("a\xff" "b", 2), 2);
}

static size_t pb(const char *s, size_t max)
{
	return ym_utf8_prefix_bytes(s, strlen(s), max);
}

static void t_prefix_bytes(void)
{
	CHECK_INT(pb("abc", 0), 0);
	CHECK_INT(pb("abc", 2), 2);
	CHECK_INT(pb("abc", 100), 3);
	CHECK_INT(pb("脆弱性", 0), 0);
	CHECK_INT(pb("脆弱性", 2), 0);
	CHECK_INT(pb("脆弱性", 3), 3);
	CHECK_INT(pb("脆弱性", 4), 3);
	CHECK_INT(pb("脆弱性", 5), 3);
	CHECK_INT(pb("脆弱性", 6), 6);
	CHECK_INT(pb("脆弱性", 8), 6);
	CHECK_INT(pb("脆弱性", 9), 9);
	CHECK_INT(pb("\xf0\x9f\x98\x80", 3), 0);
	CHECK_INT(pb("a\xf0\x9f\x98\x80", 4), 1);
	CHECK_INT(pb("\xc3\xa9\xc3\xa9", 3), 2);
	/* stray continuation bytes are characters of their own */
	CHECK_INT(pb("a\x80\x80" "b", 2), 2);
	CHECK_INT(pb("a\x80\x80\x80\x80" "b", 4), 4);
}

int main(void)
{
	RUN(t_decode);
	RUN(t_encode);
	RUN(t_valid);
	RUN(t_valid_random);
	RUN(t_cp_width);
	RUN(t_width);
	RUN(t_prefix_cols);
	RUN(t_prefix_bytes);
	return test_done();
}
