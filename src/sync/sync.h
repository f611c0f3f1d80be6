/* sync.h - feed sync: keeping vulnerability intelligence current over the
 * network (docs/sync.md).
 *
 * Sources, in the order they run: "nvd" (CVE API 2.0, paged, incremental
 * by lastModified windows), "kev" and "epss" (one file each, conditional
 * GET), "osv" (one all.zip per ecosystem, resumable), "jvn" (MyJVN API
 * lists and details) and "csaf" (trusted providers: ROLIE feeds or
 * directories, hashes and OpenPGP signatures checked). Each source keeps
 * its checkpoint in the store's feed_state table (store/feed_state.h),
 * imports through the feed parsers (feeds/feed_import.h) and saves the
 * checkpoint in the same transaction as the records, so a sync that is
 * interrupted resumes where it stopped. One source failing does not stop
 * the others.
 *
 * Base URLs: env YAMORI_<SOURCE>_URL (YAMORI_NVD_URL, ...), defaults are
 * the real endpoints. Cache directory: opts.cache_dir, else env
 * YAMORI_CACHE_DIR, else $XDG_CACHE_HOME/yamori, else ~/.cache/yamori.
 * Proxies: libcurl's environment variables (http_proxy, https_proxy,
 * no_proxy), see net/http.h.
 *
 * Ownership: opts and the strings in it are borrowed for the call.
 */
#ifndef YM_SYNC_SYNC_H
#define YM_SYNC_SYNC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/err.h"
#include "feeds/feed_import.h"
#include "store/store.h"

/* Number of sources (nvd, kev, epss, osv, jvn, csaf). */
#define YM_SYNC_NSOURCES 6

typedef struct ym_sync_counts {
	int64_t requests;     /* HTTP attempts made, retries included */
	int64_t not_modified; /* 304 answers to conditional requests */
	int64_t retries;      /* attempts that were retried */
	int64_t files;        /* pages and documents imported */
	int64_t inserted;     /* records new to the store */
	int64_t updated;      /* records that changed */
	int64_t unchanged;    /* records already stored as they are */
	int64_t skipped;      /* malformed records left out */
	int64_t rejected;     /* documents refused: checksum or signature */
} ym_sync_counts;

typedef enum ym_sync_status {
	YM_SYNC_OK,           /* done, something was fetched */
	YM_SYNC_NOT_MODIFIED, /* done, the server said nothing changed */
	YM_SYNC_SKIPPED,      /* not run (see note): nothing configured */
	YM_SYNC_FAILED        /* stopped with err; checkpoint kept */
} ym_sync_status;

typedef struct ym_sync_result {
	const char *source;    /* "nvd", ... (static) */
	ym_sync_status status;
	ym_sync_counts c;
	ym_err err;            /* YM_SYNC_FAILED: why */
	char note[256];        /* a short remark: "resumed at 4000", ... */
} ym_sync_result;

/* One line for the operator (a retry, a skipped check); source is the
 * source's name. */
typedef void (*ym_sync_log_fn)(void *ctx, const char *source,
			       const char *line);

typedef struct ym_sync_opts {
	const char *cache_dir;  /* NULL: from the environment (above) */
	bool full;              /* forget cursors and validators: every
				 * source starts over */
	bool strict;            /* a malformed record fails the import */
	const char *since;      /* YYYY-MM-DD: where a first sync of nvd,
				 * jvn and csaf starts; NULL: nvd fetches
				 * everything, jvn the last 90 days, csaf
				 * every document */
	const char *const *ecosystems; /* osv; NULL-terminated, NULL: the
					* ledger's, else a default list */
	bool jvn_cpe;           /* jvn: ask only for the ledger's CPEs */
	long jvn_interval_ms;   /* jvn: ms between requests; 0: env
				 * YAMORI_JVN_INTERVAL_MS or 1000 */
	const char *const *csaf_providers; /* NULL-terminated; NULL: the
					    * providers synced before */
	int max_attempts;       /* per request; 0: 5 */
	const char *ca_file;    /* CA bundle (a TLS-inspecting proxy's);
				 * NULL: env YAMORI_CA_FILE, else the
				 * system's */
	ym_sync_log_fn log;     /* NULL: silent */
	void *log_ctx;
	ym_warn_fn warn;        /* parser warnings and skipped records */
	ym_warn_fn skipped;
	void *warn_ctx;
} ym_sync_opts;

/* The source names in run order. */
extern const char *const ym_sync_source_names[YM_SYNC_NSOURCES];
/* Index of name in ym_sync_source_names, or -1. */
int ym_sync_source_index(const char *name);

/* Runs the sources named in names (NULL-terminated; NULL or empty: all)
 * and fills one result per source run, in run order, into results (room
 * for YM_SYNC_NSOURCES); *n_results receives how many. A source named
 * explicitly whose parser is missing from this build fails; when all run
 * it is skipped. Returns 0 when no source failed, YM_E_IO when some did
 * (their results say why), or another code with err set when nothing
 * could run at all (unknown source name, no cache directory). */
int ym_sync_run(ym_store *s, const char *const *names,
		const ym_sync_opts *opts, ym_sync_result *results,
		size_t *n_results, ym_err *err);

/* The name of a status for output: "ok", "not_modified", "skipped",
 * "failed". */
const char *ym_sync_status_name(ym_sync_status st);

#endif
