/* Unit tests for core/sha2: the FIPS 180-4 / NIST example vectors, the
 * padding edge cases around block boundaries, streaming in pieces of
 * every size, and the hex helpers. */
#include <stdlib.h>
#include <string.h>

#include "core/sha2.h"
#include "test.h"

static char hex_[2 * YM_SHA512_LEN + 1];

static const char *h256(const void *m, size_t n)
{
	uint8_t d[YM_SHA256_LEN];
	ym_sha256(m, n, d);
	ym_hex(d, sizeof d, hex_);
	return hex_;
}

static const char *h512(const void *m, size_t n)
{
	uint8_t d[YM_SHA512_LEN];
	ym_sha512(m, n, d);
	ym_hex(d, sizeof d, hex_);
	return hex_;
}

#define ABC2 "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
#define ABC4                                                              \
	"abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"  \
	"ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"

static void t_sha256_vectors(void)
{
	CHECK_STR(h256("", 0), "e3b0c44298fc1c149afbf4c8996fb924"
			       "27ae41e4649b934ca495991b7852b855");
	CHECK_STR(h256("abc", 3), "ba7816bf8f01cfea414140de5dae2223"
				  "b00361a396177a9cb410ff61f20015ad");
	CHECK_STR(h256(ABC2, strlen(ABC2)),
		  "248d6a61d20638b8e5c026930c3e6039"
		  "a33ce45964ff2167f6ecedd419db06c1");
	CHECK_STR(h256(ABC4, strlen(ABC4)),
		  "cf5b16a778af8380036ce59e7b049237"
		  "0b249b11e8f07a51afac45037afee9d1");
	/* UTF-8 Japanese text hashes its bytes */
	CHECK_STR(h256("JVN 脆弱性", strlen("JVN 脆弱性")),
		  "dc74e31fd70bd032f4ac24b876bcea85"
		  "fb72b5d02961c477e73816e1dae31786");
}

static void t_sha512_vectors(void)
{
	CHECK_STR(h512("", 0),
		  "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36c"
		  "e9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327a"
		  "f927da3e");
	CHECK_STR(h512("abc", 3),
		  "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55"
		  "d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94f"
		  "a54ca49f");
	CHECK_STR(h512(ABC2, strlen(ABC2)),
		  "204a8fc6dda82f0a0ced7beb8e08a41657c16ef468b228a8279be331a703"
		  "c33596fd15c13b1b07f9aa1d3bea57789ca031ad85c7a71dd70354ec6312"
		  "38ca3445");
	CHECK_STR(h512(ABC4, strlen(ABC4)),
		  "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb688"
		  "9018501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b"
		  "874be909");
}

/* One million 'a', fed in uneven pieces. */
static void t_million_a(void)
{
	size_t n = 1000000;
	char *m = malloc(n);
	CHECK(m != NULL);
	memset(m, 'a', n);
	ym_sha256_ctx c;
	ym_sha512_ctx d;
	ym_sha256_init(&c);
	ym_sha512_init(&d);
	for (size_t off = 0, step = 1; off < n; off += step, step = step * 3 + 1) {
		size_t k = step < n - off ? step : n - off;
		ym_sha256_update(&c, m + off, k);
		ym_sha512_update(&d, m + off, k);
		if (k < step)
			break;
	}
	uint8_t a[YM_SHA256_LEN], b[YM_SHA512_LEN];
	char hx[2 * YM_SHA512_LEN + 1];
	ym_sha256_final(&c, a);
	ym_sha512_final(&d, b);
	free(m);
	ym_hex(a, sizeof a, hx);
	CHECK_STR(hx, "cdc76e5c9914fb9281a1c7e284d73e67"
		      "f1809a48a497200e046d39ccc7112cd0");
	ym_hex(b, sizeof b, hx);
	CHECK_STR(hx,
		  "e718483d0ce769644e2e42c7bc15b4638e1f98b13b2044285632a803afa9"
		  "73ebde0ff244877ea60a4cb0432ce577c31beb009c5c2c49aa2e4eadb217"
		  "ad8cc09b");
}

/* Lengths where the padding does or does not fit in the last block. */
static void t_padding_edges(void)
{
	static const struct {
		size_t n;
		const char *s256, *s512; /* first 16 hex digits */
	} cases[] = {
		{55, "9f4390f8d30c2dd9", "b0220c772cbf6c18"},
		{56, "b35439a4ac6f0948", "962b64aae357d2a4"},
		{63, "7d3e74a05d7db15b", "c1b0f5c6d3b03dfe"},
		{64, "ffe054fe7ae0cb6d", "01d35c10c6c38c2d"},
		{111, "6374f73208854473", "fa9121c7b32b9e01"},
		{112, "f54353008a255326", "c01d080efd492776"},
		{127, "c57e9278af78fa3c", "828613968b501dc0"},
		{128, "6836cf13bac400e9", "b73d1929aa615934"},
		{1000, "41edece42d63e8d9", "67ba5535a46e3f86"},
	};
	char m[1000];
	memset(m, 'a', sizeof m);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		CHECK(strncmp(h256(m, cases[i].n), cases[i].s256, 16) == 0);
		CHECK(strncmp(h512(m, cases[i].n), cases[i].s512, 16) == 0);
	}
}

/* Streaming in two pieces split at every offset equals one shot. */
static void t_every_split(void)
{
	char m[300];
	for (size_t i = 0; i < sizeof m; i++)
		m[i] = (char)(i * 7 + 3);
	uint8_t one[YM_SHA512_LEN], two[YM_SHA512_LEN];
	for (size_t n = 0; n <= sizeof m; n += 37) {
		for (size_t cut = 0; cut <= n; cut++) {
			ym_sha256_ctx c;
			ym_sha256(m, n, one);
			ym_sha256_init(&c);
			ym_sha256_update(&c, m, cut);
			ym_sha256_update(&c, m + cut, n - cut);
			ym_sha256_final(&c, two);
			CHECK(memcmp(one, two, YM_SHA256_LEN) == 0);
			ym_sha512_ctx d;
			ym_sha512(m, n, one);
			ym_sha512_init(&d);
			ym_sha512_update(&d, m, cut);
			ym_sha512_update(&d, m + cut, n - cut);
			ym_sha512_final(&d, two);
			CHECK(memcmp(one, two, YM_SHA512_LEN) == 0);
		}
	}
}

static void t_hex(void)
{
	uint8_t d[3] = {0x00, 0xab, 0xff}, back[3];
	char s[7];
	ym_hex(d, 3, s);
	CHECK_STR(s, "00abff");
	CHECK_INT(ym_unhex("00ABff", 6, back, 3), 0);
	CHECK(memcmp(d, back, 3) == 0);
	CHECK_INT(ym_unhex("00abf", 5, back, 3), -1);
	CHECK_INT(ym_unhex("00abfg", 6, back, 3), -1);
	CHECK_INT(ym_unhex(" 0abff", 6, back, 3), -1);
	ym_hex(d, 0, s);
	CHECK_STR(s, "");
}

int main(void)
{
	RUN(t_sha256_vectors);
	RUN(t_sha512_vectors);
	RUN(t_million_a);
	RUN(t_padding_edges);
	RUN(t_every_split);
	RUN(t_hex);
	return test_done();
}
