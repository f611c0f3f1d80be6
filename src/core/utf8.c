/* utf8.c - UTF-8 validation, decoding, encoding and display width.
 *
 * Decoding follows RFC 3629 exactly (table 3-7 of the Unicode standard):
 * overlong forms, surrogates and code points above U+10FFFF are invalid.
 * The width tables live in utf8_width.c.
 */
#include "utf8.h"

#include <string.h>

#define HIGH_BITS UINT64_C(0x8080808080808080)

/* Length of the valid sequence at s (1..4), or 0. s[0] must be >= 0x80. */
static inline size_t seq_len(const unsigned char *s, size_t len)
{
	unsigned char c = s[0];
	unsigned char lo = 0x80, hi = 0xbf;

	if (c < 0xc2)
		return 0; /* continuation byte or overlong 2-byte lead */
	if (c < 0xe0) {
		if (len < 2 || (s[1] & 0xc0) != 0x80)
			return 0;
		return 2;
	}
	if (c < 0xf0) {
		if (c == 0xe0)
			lo = 0xa0; /* overlong */
		else if (c == 0xed)
			hi = 0x9f; /* surrogates */
		if (len < 3 || s[1] < lo || s[1] > hi ||
		    (s[2] & 0xc0) != 0x80)
			return 0;
		return 3;
	}
	if (c < 0xf5) {
		if (c == 0xf0)
			lo = 0x90; /* overlong */
		else if (c == 0xf4)
			hi = 0x8f; /* above U+10FFFF */
		if (len < 4 || s[1] < lo || s[1] > hi ||
		    (s[2] & 0xc0) != 0x80 || (s[3] & 0xc0) != 0x80)
			return 0;
		return 4;
	}
	return 0;
}

size_t ym_utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n;
	uint32_t c;

	if (len == 0)
		return 0;
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	n = seq_len(u, len);
	switch (n) {
	case 2:
		c = ((uint32_t)(u[0] & 0x1f) << 6) | (u[1] & 0x3f);
		break;
	case 3:
		c = ((uint32_t)(u[0] & 0x0f) << 12) |
		    ((uint32_t)(u[1] & 0x3f) << 6) | (u[2] & 0x3f);
		break;
	case 4:
		c = ((uint32_t)(u[0] & 0x07) << 18) |
		    ((uint32_t)(u[1] & 0x3f) << 12) |
		    ((uint32_t)(u[2] & 0x3f) << 6) | (u[3] & 0x3f);
		break;
	default:
		return 0;
	}
	*cp = c;
	return n;
}

size_t ym_utf8_encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;

	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xc0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		if (cp >= 0xd800 && cp <= 0xdfff)
			return 0;
		o[0] = (unsigned char)(0xe0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
		o[2] = (unsigned char)(0x80 | (cp & 0x3f));
		return 3;
	}
	if (cp <= 0x10ffff) {
		o[0] = (unsigned char)(0xf0 | (cp >> 18));
		o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3f));
		o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
		o[3] = (unsigned char)(0x80 | (cp & 0x3f));
		return 4;
	}
	return 0;
}

bool ym_utf8_valid(const char *s, size_t len, size_t *bad)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, n;
	uint64_t w;

	while (i < len) {
		/* Feeds are mostly ASCII: skip 8 plain bytes per step. */
		if (len - i >= 8) {
			memcpy(&w, u + i, 8);
			if (!(w & HIGH_BITS)) {
				i += 8;
				continue;
			}
		}
		if (u[i] < 0x80) {
			i++;
			continue;
		}
		n = seq_len(u + i, len - i);
		if (n == 0) {
			if (bad)
				*bad = i;
			return false;
		}
		i += n;
	}
	return true;
}

size_t ym_utf8_width(const char *s, size_t len)
{
	size_t i = 0, n, cols = 0;
	uint32_t cp;

	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			cols++;
			i++;
			continue;
		}
		n = ym_utf8_decode(s + i, len - i, &cp);
		if (n == 0) {
			cols++; /* invalid byte: one column, like a '?' */
			i++;
			continue;
		}
		cols += (size_t)ym_utf8_cp_width(cp);
		i += n;
	}
	return cols;
}

size_t ym_utf8_prefix_cols(const char *s, size_t len, size_t cols)
{
	size_t i = 0, n, used = 0, w;
	uint32_t cp;

	while (i < len) {
		n = ym_utf8_decode(s + i, len - i, &cp);
		if (n == 0) {
			n = 1;
			w = 1;
		} else {
			w = (size_t)ym_utf8_cp_width(cp);
		}
		/* Zero-width marks that still fit stay with their base. */
		if (used + w > cols)
			break;
		used += w;
		i += n;
	}
	return i;
}

size_t ym_utf8_prefix_bytes(const char *s, size_t len, size_t max)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i, n;

	if (max >= len)
		return len;
	/* Walk back over at most three continuation bytes to the lead. */
	i = max;
	while (i > 0 && max - i < 3 && (u[i] & 0xc0) == 0x80)
		i--;
	if (i == max || u[i] < 0x80)
		return max;
	n = seq_len(u + i, len - i);
	/* Cut before the character only if it really straddles max; stray
	 * continuation bytes are single invalid characters. */
	if (n != 0 && i + n > max)
		return i;
	return max;
}
