/* sync_gpg.h - private to src/sync: running gpg to check the OpenPGP
 * signatures of CSAF documents (sync_gpg.c). */
#ifndef YM_SYNC_SYNC_GPG_H
#define YM_SYNC_SYNC_GPG_H

#include <stdbool.h>

#include "core/buf.h"
#include "core/err.h"

/* The gpg program: env YAMORI_GPG when set ("" or "none": none), else
 * "gpg" in a PATH directory. false (out empty) when there is none. */
bool ym_sync_gpg_find(ym_buf *out);

/* Runs argv[0] (a path) with argv, its standard output appended to out
 * (at most 1 MiB kept), standard input and error on /dev/null; *status
 * is its exit status (128 when killed). Errors: YM_E_IO when it could
 * not be started or waited for. */
int ym_sync_run_argv(const char *const *argv, ym_buf *out, int *status,
		     ym_err *err);

/* gpg --homedir home --import key */
int ym_sync_gpg_import(const char *gpg, const char *home, const char *key,
		       ym_err *err);

/* Verifies the detached signature sig of doc with the keys in home.
 * Accepted: a good signature by a key whose fingerprint (or primary
 * key's) is in fprs (NULL-terminated; NULL or empty: any key in home).
 * Otherwise YM_E_INVALID with the reason. */
int ym_sync_gpg_verify(const char *gpg, const char *home, const char *sig,
		       const char *doc, const char *const *fprs, ym_err *err);

#endif
