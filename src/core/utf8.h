/* utf8.h - UTF-8 validation, decoding and display width.
 *
 * Width follows Unicode East Asian Width: wide (W) and fullwidth (F)
 * characters take two terminal columns, combining marks and zero-width
 * characters none, everything else one. Ambiguous (A) characters count as
 * one column, as in modern terminals in Japanese locales.
 */
#ifndef YM_CORE_UTF8_H
#define YM_CORE_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decodes one code point from s[0..len). Returns the number of bytes used
 * (1..4) and stores the code point, or returns 0 for an invalid, overlong,
 * surrogate or truncated sequence. */
size_t ym_utf8_decode(const char *s, size_t len, uint32_t *cp);
/* Encodes cp into out (>= 4 bytes); returns bytes written, 0 if invalid. */
size_t ym_utf8_encode(uint32_t cp, char *out);
/* True if s[0..len) is valid UTF-8; on false, *bad (if not NULL) is the
 * byte offset of the first invalid sequence. */
bool ym_utf8_valid(const char *s, size_t len, size_t *bad);
/* Terminal columns of one code point (0, 1 or 2). */
int ym_utf8_cp_width(uint32_t cp);
/* Terminal columns of a string; invalid bytes count as one column each. */
size_t ym_utf8_width(const char *s, size_t len);
/* Largest prefix length (bytes) of s that fits in cols columns without
 * splitting a character. */
size_t ym_utf8_prefix_cols(const char *s, size_t len, size_t cols);
/* Largest prefix length <= max that does not split a character. */
size_t ym_utf8_prefix_bytes(const char *s, size_t len, size_t max);

#endif
