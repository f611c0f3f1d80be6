/* match_int.h - private to src/match: the index, the components being
 * evaluated and the per-thread evaluation state. */
#ifndef YM_MATCH_INT_H
#define YM_MATCH_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/map.h"
#include "core/vec.h"
#include "match/cpe_eval.h"
#include "match/match.h"
#include "version/version.h"

/* ---- the index (match_index.c) ---- */

/* One affected range of one vulnerability, ready to evaluate. */
typedef struct range_entry {
	int64_t vuln_rowid;
	const char *vuln_id;
	const char *source;     /* "osv", "csaf" */
	const char *ecosystem;  /* as the source wrote it, e.g. "PyPI" */
	const char *package;
	const char *range_type; /* ECOSYSTEM | SEMVER | VERSIONS */
	const char *distro;     /* purl namespaces of a distribution family
				 * ("debian"), NULL for language ecosystems */
	const char *release;    /* "12", "3.19", "22.04"; NULL: any */
	ym_scheme scheme;
	ym_osv_event *events;
	size_t n_events;
	const char **versions;  /* VERSIONS: explicit list */
	size_t n_versions;
	struct range_entry *next; /* same package */
} range_entry;

/* One source record with CPE configurations, built once. */
typedef struct cpe_cand {
	ym_cpe_source src;
	ym_cpe_config cfg;
	bool ok; /* the rows built (a malformed record is left out) */
} cpe_cand;

typedef struct cand_node {
	const cpe_cand *c;
	struct cand_node *next;
} cand_node;

/* The records naming one vendor:product, in source record order. */
typedef struct cand_list {
	cand_node *head, *tail;
	size_t n;
	char parts[4]; /* the CPE parts its criteria name ("a", "ao"...) */
} cand_list;

typedef struct match_index {
	ym_arena arena;
	ym_map by_pkg;     /* "type\0package" -> range_entry list */
	ym_map by_product; /* "vendor:product" -> cand_list */
	ym_map by_name;    /* "product" (any vendor) -> cand_list, for
			    * software known by name only */
	/* asset runs: a vendor:product not in by_product is read from this
	 * store on first use; NULL: the index is complete (and read-only,
	 * so threads may share it) */
	ym_store *lazy;
	int64_t ranges;
	int64_t cpe_records;
} match_index;

void mi_init(match_index *ix, ym_store *lazy);
void mi_release(match_index *ix);
/* Everything in the store. */
int mi_load_all(match_index *ix, ym_store *s, ym_err *err);
/* The ranges and CPE records of one vulnerability row. */
int mi_load_vuln(match_index *ix, ym_store *s, int64_t vuln_rowid,
		 ym_err *err);
/* The ranges naming package (asset runs). */
int mi_load_package(match_index *ix, ym_store *s, const char *package,
		    ym_err *err);
/* The ranges for a purl type and package key, or NULL. */
const range_entry *mi_ranges(const match_index *ix, const char *type,
			     const char *package, ym_buf *scratch);
/* The records naming vendor:product (read from the store when lazy),
 * never NULL on success. */
int mi_products(match_index *ix, const char *vendor, const char *product,
		const cand_list **out, ym_err *err);

/* The n-th ':'-separated part of a CPE 2.3 formatted string (0 = part,
 * 1 = vendor, 2 = product), escapes kept as the store indexes vendor and
 * product: *start and *len; false when there is none. */
bool mi_cpe_part(const char *fs, int n, const char **start, size_t *len);

/* The records naming product for any vendor (read from the store when
 * lazy), never NULL on success. */
int mi_names(match_index *ix, const char *product, const cand_list **out,
	     ym_err *err);

/* ---- components and evaluation (match_eval.c) ---- */

/* A component to evaluate, copied out of the store cursor. */
typedef struct comp {
	int64_t id, asset_id;
	const char *name, *version, *purl, *ecosystem, *pkg_key;
	const char *source_pkg; /* distribution source package, or NULL */
	const char *cpe, *type;
	const char *supplier;
	const char *name_key, *name_key2; /* known by name only */
	const char *namespace_; /* the purl's namespace ("debian"), or NULL */
	const char *release;    /* from the purl's distro qualifier, or NULL */
} comp;
typedef YM_VEC(comp) comp_vec;
typedef YM_VEC(ym_finding) finding_vec;

/* Copies c into out (strings in a). */
void me_comp_from(const ym_component *c, ym_arena *a, comp *out);
/* Order by (asset_id, id). */
int me_comp_cmp(const void *a, const void *b);

/* An asset's platforms: its operating-system, device and firmware
 * components known by CPE. */
typedef struct platforms {
	int64_t asset_id;
	ym_cpe_subject *subj;
	int64_t *ids;
	size_t n;
	const char *sig; /* the platforms' names and versions, joined: part
			  * of the memo key of CPE components */
} platforms;
/* From comps[0..n) (any order; only those of asset_id count). */
void me_platforms(const comp *comps, size_t n, int64_t asset_id, ym_arena *a,
		  platforms *out);

/* What one component identity (package, version, purl; or CPE, version
 * and the asset's platforms) came to: fleets run the same versions on
 * many assets, so each distinct identity is evaluated once per run. */
typedef struct memo_hit {
	int64_t vuln_rowid;
	const char *confidence;
	const char *evidence; /* shared by every finding of the identity */
} memo_hit;
typedef struct memo {
	const char *component_key;
	memo_hit *hits;
	uint32_t n;
	int8_t matchable, bad_version;
	int32_t unreadable_ranges;
} memo;

/* Per-thread evaluation state. */
typedef struct eval_ctx {
	ym_arena work;          /* findings' strings */
	ym_buf evidence, key, memo_key;
	YM_VEC(int64_t) seen;
	finding_vec hits;
	ym_match_stats stats;
	ym_map memo;            /* identity -> memo */
	int64_t memo_hits;
} eval_ctx;

void me_ctx_init(eval_ctx *ec);
void me_ctx_release(eval_ctx *ec);
/* Evaluates one component against the index, appending its findings
 * (one per vulnerability) to ec->hits. plat: the asset's platforms, for
 * components known by CPE only. */
int me_component(match_index *ix, const comp *c, const platforms *plat,
		 eval_ctx *ec, ym_err *err);

/* ---- VEX and people's suppressions (match_apply.c) ---- */

/* Marks the hits that a VEX statement (global, or the asset's SBOM) or
 * an active suppression covers; comps sorted by (asset_id, id). */
int ma_apply(ym_store *s, const comp_vec *comps, ym_finding *hits, size_t n,
	     const char *today, ym_arena *work, ym_match_stats *stats,
	     ym_err *err);

#endif
