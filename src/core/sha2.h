/* sha2.h - SHA-256 and SHA-512 (FIPS 180-4), one-shot and streaming.
 *
 * None of the libraries yamori links (SQLite, libxml2, libarchive,
 * libcurl) exposes a SHA-2 function, so this is our own implementation of
 * the standard, checked against the NIST example vectors in
 * tests/unit/test_sha2.c. Use: ym_sha256_init, any number of
 * ym_sha256_update calls, ym_sha256_final; or ym_sha256 for a buffer held
 * in memory. The context is a plain value (nothing to free) and holds no
 * global state, so any number may run at once in different threads.
 * Messages up to 2^61-1 bytes (SHA-256) and 2^64-1 bytes (SHA-512).
 */
#ifndef YM_CORE_SHA2_H
#define YM_CORE_SHA2_H

#include <stddef.h>
#include <stdint.h>

#define YM_SHA256_LEN 32 /* digest bytes */
#define YM_SHA512_LEN 64

typedef struct ym_sha256_ctx {
	uint32_t h[8];     /* chaining state */
	uint64_t bytes;    /* message bytes so far */
	uint8_t block[64]; /* partial block */
	size_t fill;       /* bytes in block */
} ym_sha256_ctx;

typedef struct ym_sha512_ctx {
	uint64_t h[8];
	uint64_t bytes;
	uint8_t block[128];
	size_t fill;
} ym_sha512_ctx;

void ym_sha256_init(ym_sha256_ctx *c);
void ym_sha256_update(ym_sha256_ctx *c, const void *data, size_t n);
/* Writes the digest and leaves c unusable until the next init. */
void ym_sha256_final(ym_sha256_ctx *c, uint8_t out[YM_SHA256_LEN]);
void ym_sha256(const void *data, size_t n, uint8_t out[YM_SHA256_LEN]);

void ym_sha512_init(ym_sha512_ctx *c);
void ym_sha512_update(ym_sha512_ctx *c, const void *data, size_t n);
void ym_sha512_final(ym_sha512_ctx *c, uint8_t out[YM_SHA512_LEN]);
void ym_sha512(const void *data, size_t n, uint8_t out[YM_SHA512_LEN]);

/* Lower-case hex of d[0..n) into out, which needs 2n+1 bytes. */
void ym_hex(const uint8_t *d, size_t n, char *out);
/* Parses exactly 2n hex digits (either case) of s into out; returns 0, or
 * -1 if s is not that. */
int ym_unhex(const char *s, size_t slen, uint8_t *out, size_t n);

#endif
