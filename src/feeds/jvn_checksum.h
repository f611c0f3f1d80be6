/* jvn_checksum.h - JVN iPedia's checksum.txt and SHA-256 checks of the
 * bulk files it lists.
 *
 * https://jvndb.jvn.jp/ja/feed/checksum.txt lists every downloadable feed
 * file (jvndb.rdf, jvndb_new.rdf, jvndb_YYYY.rdf, jvndb_detail_YYYY.rdf,
 * myjvn_vendor_YYYYMM.rdf, myjvn_product_YYYYMM.rdf) as a JSON array:
 *
 *   [{"url": "https://jvndb.jvn.jp/ja/rss/years/jvndb_2023.rdf",
 *     "filename": "jvndb_2023.rdf",
 *     "sha256": "c1c9ddd2...",  (64 hex digits)
 *     "size": 6269747,
 *     "lastModified": "2023/10/29 09:00:11"}, ...]
 *
 * Older copies have only url, sha256 and lastModified: the file name is
 * then the last path segment of the url. For mirrors and air-gapped
 * bundles the GNU coreutils form that `sha256sum` writes is read too:
 * one "HEX  name" (or "HEX *name") per line, '#' comments and blank
 * lines ignored; size and url are then unknown.
 *
 * Ownership: the list and its strings live in the arena.
 */
#ifndef YM_FEEDS_JVN_CHECKSUM_H
#define YM_FEEDS_JVN_CHECKSUM_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/err.h"
#include "core/sha2.h"

/* Most entries read from one list (the real one has about 50). */
#define YM_JVN_CHECKSUM_MAX 100000

typedef struct ym_jvn_checksum {
	const char *filename;      /* "jvndb_detail_2023.rdf" */
	const char *url;           /* NULL when the list does not say */
	uint8_t sha256[YM_SHA256_LEN];
	int64_t size;              /* bytes; -1 when the list does not say */
	const char *last_modified; /* as given ("2023/10/29 09:00:11"), or
				    * NULL */
} ym_jvn_checksum;

typedef struct ym_jvn_checksums {
	const ym_jvn_checksum *v;
	size_t n;
} ym_jvn_checksums;

/* Reads a checksum list (either form). Errors: YM_E_PARSE (not JSON /
 * not the line form, with line and column), YM_E_INVALID (an entry
 * without a file name, a sha256 that is not 64 hex digits, a size that is
 * not a non-negative integer, the same file twice; the field is
 * "[3].sha256" or "line 3"), YM_E_TOOBIG (more than YM_JVN_CHECKSUM_MAX
 * entries). */
int ym_jvn_checksums_parse(const char *text, size_t len, const char *file,
			   ym_arena *a, ym_jvn_checksums *out, ym_err *err);

/* The entry named name, else the first whose last path segment is
 * name's (so a local path finds "jvndb_2023.rdf"), or NULL. */
const ym_jvn_checksum *ym_jvn_checksum_find(const ym_jvn_checksums *l,
					    const char *name);

/* Compares a digest and size computed by the caller (size -1: not
 * checked) with the entry. YM_E_INVALID with both values in the message
 * when they differ. */
int ym_jvn_checksum_check(const ym_jvn_checksum *c,
			  const uint8_t digest[YM_SHA256_LEN], int64_t size,
			  ym_err *err);

/* Hashes data[0..len) and checks it against the entry for name:
 * YM_E_NOTFOUND when the list has no such file. */
int ym_jvn_checksum_verify(const ym_jvn_checksums *l, const char *name,
			   const void *data, size_t len, ym_err *err);

/* When a checksum.txt lies in the same directory as the plain file path,
 * checks data against the entry for that file (not listed: 0). A
 * mismatch is YM_E_INVALID naming path: a broken or altered download. */
int ym_jvn_checksum_beside(const char *path, const void *data, size_t len,
			   ym_err *err);

#endif
