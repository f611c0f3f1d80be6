/* store.h - the one storage interface every module uses.
 *
 * A ym_store is an open database (SQLite by default; the backend is chosen
 * from the location string, see ym_store_open). All reads of assets,
 * components and findings take a ym_scope: department scoping is enforced
 * here, so no caller can forget it. Writes that belong together (one
 * import, one scan) run inside ym_store_begin / ym_store_commit; on any
 * error the caller calls ym_store_rollback and the database is unchanged.
 *
 * Ownership: input structs are borrowed. Rows handed to callbacks are valid
 * only during the callback; rows returned through an arena live as long as
 * that arena. Strings may be NULL when the column is empty.
 */
#ifndef YM_STORE_H
#define YM_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/err.h"

typedef struct ym_store ym_store;

/* Which departments a caller may see. all == true sees everything
 * (administrators, the CLI on a local database); otherwise only rows whose
 * department is in ids (assets without a department are not visible). */
typedef struct ym_scope {
	bool all;
	const int64_t *dept_ids;
	size_t n;
} ym_scope;

extern const ym_scope ym_scope_all;

/* location: a file path, opened with the SQLite backend (the only one so
 * far; a PostgreSQL backend will be chosen by a postgresql:// location).
 * create: make the file if missing. Runs pending schema migrations. */
int ym_store_open(const char *location, bool create, ym_store **out,
		  ym_err *err);
void ym_store_close(ym_store *s);
int ym_store_schema_version(ym_store *s, int *version, ym_err *err);
/* Latest schema version this build knows. */
int ym_store_schema_latest(void);

int ym_store_begin(ym_store *s, ym_err *err);
int ym_store_commit(ym_store *s, ym_err *err);
void ym_store_rollback(ym_store *s);

/* ---- departments ---- */
typedef struct ym_department {
	int64_t id;
	const char *code;    /* short unique key, e.g. "joho" */
	const char *name;    /* display name (any language) */
	const char *name_en; /* optional English name */
} ym_department;

/* Inserts or updates by code; *id (may be NULL) receives the row id. */
int ym_store_department_put(ym_store *s, const ym_department *d,
			    int64_t *id, ym_err *err);
int ym_store_department_find(ym_store *s, const char *code, int64_t *id,
			     ym_err *err);
typedef int (*ym_department_cb)(const ym_department *d, void *ctx);
int ym_store_departments_each(ym_store *s, ym_department_cb cb, void *ctx,
			      ym_err *err);

/* ---- assets (the ledger) ---- */
typedef enum ym_asset_kind {
	YM_ASSET_SYSTEM = 0, /* a system / application */
	YM_ASSET_SERVICE,    /* a business service using systems */
	YM_ASSET_HOST,       /* server, PC, network device */
	YM_ASSET_CLOUD,      /* cloud or SaaS service */
	YM_ASSET_SOFTWARE    /* a standalone software instance */
} ym_asset_kind;

typedef struct ym_asset {
	int64_t id;
	ym_asset_kind kind;
	const char *name;
	const char *vendor;
	const char *version;
	const char *cpe;
	const char *purl;
	const char *function_category; /* what it does (e.g. 人事給与) */
	const char *data_kind;         /* data held, e.g. personal data */
	int64_t data_records;          /* records held, -1 unknown */
	const char *configuration;     /* what it connects to */
	const char *exposure;          /* internet|internal|isolated|unknown */
	const char *open_ports;        /* e.g. "443/tcp,22/tcp" */
	const char *location;
	int64_t department_id;         /* 0 = none */
	const char *department_code;   /* filled on read */
	const char *department_name;   /* filled on read */
	const char *owner;             /* responsible person */
	const char *criticality;       /* high|medium|low|unknown */
	bool safety_relevant;
	const char *introduced_on;     /* dates as YYYY-MM-DD */
	const char *support_end_on;
	const char *retire_planned_on;
	const char *retired_on;
	const char *disposed_on;
	const char *tags;              /* comma-separated free tags */
	const char *hostnames;         /* ", "-joined (from scans) */
	const char *addresses;         /* ", "-joined IP/MAC addresses */
	const char *os;                /* operating system as detected */
	const char *last_seen_at;      /* last time a scan or inventory saw
					* it (ISO 8601 UTC), for reconcile */
	const char *last_seen_by;      /* which scan / inventory */
	const char *created_at;        /* ISO 8601 UTC, filled on read */
	const char *updated_at;
	int64_t component_count;       /* filled on read */
} ym_asset;

const char *ym_asset_kind_name(ym_asset_kind k);
int ym_asset_kind_parse(const char *s, ym_asset_kind *out);

/* Who changed the ledger and why; recorded with every change. */
typedef struct ym_change {
	const char *actor;  /* the user, or NULL: $USER, else "yamori" */
	const char *source; /* what caused it: a file, a scan; may be NULL */
	/* Orders two versions of one package so a changed version is told
	 * apart as upgraded or downgraded (the store knows no version
	 * schemes); NULL: recorded as "software_changed". */
	int (*version_cmp)(const char *ecosystem, const char *a,
			   const char *b, void *ctx);
	void *cmp_ctx;
} ym_change;

/* Fields of an asset, for updates and history ("field" rows name them by
 * their column name: "exposure", "owner", ...). */
typedef enum ym_asset_field {
	YM_AF_KIND, YM_AF_NAME, YM_AF_VENDOR, YM_AF_VERSION, YM_AF_CPE,
	YM_AF_PURL, YM_AF_FUNCTION, YM_AF_DATA_KIND, YM_AF_DATA_RECORDS,
	YM_AF_CONFIGURATION, YM_AF_EXPOSURE, YM_AF_OPEN_PORTS, YM_AF_LOCATION,
	YM_AF_DEPARTMENT, YM_AF_OWNER, YM_AF_CRITICALITY, YM_AF_SAFETY,
	YM_AF_INTRODUCED, YM_AF_SUPPORT_END, YM_AF_RETIRE_PLANNED,
	YM_AF_RETIRED, YM_AF_DISPOSED, YM_AF_TAGS, YM_AF_HOSTNAMES,
	YM_AF_ADDRESSES, YM_AF_OS, YM_AF_LAST_SEEN, YM_AF_COUNT
} ym_asset_field;
#define YM_AF_BIT(f) (1ull << (f))
#define YM_AF_ALL ((1ull << YM_AF_COUNT) - 1)
const char *ym_asset_field_name(ym_asset_field f);

/* Adds an asset and records its creation (chg may be NULL). */
int ym_store_asset_add(ym_store *s, const ym_asset *a, int64_t *id,
		       ym_err *err);
int ym_store_asset_add_by(ym_store *s, const ym_asset *a,
			  const ym_change *chg, int64_t *id, ym_err *err);
/* Sets the fields in mask (YM_AF_BIT(...) | ...) of asset id to a's
 * values, recording each one that really changes (old and new value) in
 * the history; *changed (may be NULL) counts them. Scope-checked.
 * YM_AF_LAST_SEEN sets last_seen_at and last_seen_by and is not recorded
 * (it changes on every scan). */
int ym_store_asset_update(ym_store *s, const ym_scope *scope, int64_t id,
			  const ym_asset *a, uint64_t mask,
			  const ym_change *chg, int *changed, ym_err *err);
/* Looks an asset up by numeric id or unique name, within scope. */
int ym_store_asset_get(ym_store *s, const ym_scope *scope, const char *ref,
		       ym_arena *arena, ym_asset *out, ym_err *err);
typedef int (*ym_asset_cb)(const ym_asset *a, void *ctx);
int ym_store_assets_each(ym_store *s, const ym_scope *scope, ym_asset_cb cb,
			 void *ctx, ym_err *err);

/* ---- components (software on an asset) ---- */
typedef struct ym_component {
	int64_t id;
	int64_t asset_id;
	int64_t parent_id;      /* 0 = top level */
	const char *bom_ref;
	const char *name;
	const char *version;
	const char *purl;       /* canonical form */
	const char *cpe;
	const char *ecosystem;  /* purl type, e.g. npm, pypi; NULL if none */
	const char *pkg_key;    /* namespace/name normalised for matching */
	const char *type;       /* library | application | framework |
				 * operating-system | firmware | container |
				 * device | file | service | ... (CycloneDX
				 * type, SPDX primaryPackagePurpose lower-cased);
				 * NULL unknown */
	const char *supplier;   /* supplier / originator name, or NULL */
	const char *licenses;   /* SPDX expression or ", "-joined ids, or NULL */
	const char *hashes;     /* "SHA-256:hex, SHA-1:hex" (algorithm names
				 * as CycloneDX writes them), or NULL */
	const char *scope;      /* required | optional | excluded, or NULL */
	const char *source_pkg; /* the distribution's source package (Debian,
				 * RPM, Alpine origin), which distribution
				 * advisories name; NULL if unknown */
	const char *source;     /* where it came from: the SBOM file name */
	/* known by name only (no purl, no CPE): the products its name
	 * gives, all its words and all but the first (ym_cpe_name_keys) */
	const char *name_key, *name_key2;
	const char *asset_name; /* filled on read */
} ym_component;

/* What a replacement of an asset's software changed. A package is the
 * same package across imports when its ecosystem and package key (else
 * its lower-cased name) are the same. */
typedef struct ym_software_diff {
	int64_t added, removed, upgraded, downgraded, changed, unchanged;
} ym_software_diff;

/* Replaces the software list of an asset (one SBOM or inventory = the
 * asset's truth), recording what was added, removed and upgraded in the
 * history. parent_id in input rows refers to the index+1 of the parent in
 * the same array (0 = none) and is translated to row ids. chg and diff
 * may be NULL. */
int ym_store_components_replace(ym_store *s, int64_t asset_id,
				const ym_component *c, size_t n,
				const ym_change *chg, ym_software_diff *diff,
				ym_err *err);

/* The rest of what an SBOM says about an asset, replaced with each
 * import: its dependency graph (bom-refs), the services it uses or
 * offers, and its VEX statements (compact JSON, NULL: none). */
typedef struct ym_sbom_extras {
	const char *const *dep_from; /* parallel arrays of n_deps refs */
	const char *const *dep_to;
	size_t n_deps;
	const char *const *svc_name; /* parallel arrays of n_svcs */
	const char *const *svc_version;
	const char *const *svc_bom_ref;
	const char *const *svc_provider;
	const char *const *svc_endpoints;
	const int *svc_authenticated;  /* 1, 0, -1 not stated */
	const int *svc_trust_boundary; /* 1, 0, -1 */
	const char *const *svc_data;
	size_t n_svcs;
	const char *vex;
	const char *source;
} ym_sbom_extras;
int ym_store_sbom_extras_replace(ym_store *s, int64_t asset_id,
				 const ym_sbom_extras *x, ym_err *err);
/* The asset's VEX statements as last imported, or NULL (in arena). */
int ym_store_asset_vex(ym_store *s, int64_t asset_id, ym_arena *arena,
		       const char **vex, ym_err *err);

/* The same, for the components from one source only ("nmap", an
 * inventory): the others stay. Rows are stored with that source. */
int ym_store_components_replace_from(ym_store *s, int64_t asset_id,
				     const char *source,
				     const ym_component *c, size_t n,
				     const ym_change *chg,
				     ym_software_diff *diff, ym_err *err);

/* ---- ledger history, relations, views ---- */
typedef struct ym_history_entry {
	int64_t id;
	int64_t asset_id;
	const char *asset_name;
	const char *at, *actor;
	const char *change;  /* created | field | software_added | ... */
	const char *subject; /* the field, or the package */
	const char *old_value, *new_value;
	const char *source;
} ym_history_entry;
typedef int (*ym_history_cb)(const ym_history_entry *h, void *ctx);
/* asset_id 0: every asset in scope; since: ISO date or NULL. Oldest
 * first. */
int ym_store_history_each(ym_store *s, const ym_scope *scope,
			  int64_t asset_id, const char *since,
			  ym_history_cb cb, void *ctx, ym_err *err);

typedef enum ym_relation_kind {
	YM_REL_USES,   /* a service uses a system */
	YM_REL_RUNS_ON /* a system runs on a host */
} ym_relation_kind;
const char *ym_relation_kind_name(ym_relation_kind k);
int ym_relation_kind_parse(const char *s, ym_relation_kind *out);
/* Adds (add) or removes a relation, recorded in the history of from. */
int ym_store_relation_set(ym_store *s, int64_t from, ym_relation_kind kind,
			  int64_t to, bool add, const ym_change *chg,
			  ym_err *err);
typedef struct ym_relation {
	int64_t from_id, to_id;
	const char *kind;
	const char *from_name, *to_name;
	const char *from_kind, *to_kind;
	const char *to_owner, *to_department;
} ym_relation;
typedef int (*ym_relation_cb)(const ym_relation *r, void *ctx);
/* Relations touching asset_id (either end; 0 = all), both ends in scope. */
int ym_store_relations_each(ym_store *s, const ym_scope *scope,
			    int64_t asset_id, ym_relation_cb cb, void *ctx,
			    ym_err *err);

/* Components whose name, purl or package key contains text (case
 * insensitive), with their asset: the "which systems run X" view. */
typedef int (*ym_component_cb)(const ym_component *c, void *ctx);
int ym_store_components_find(ym_store *s, const ym_scope *scope,
			     const char *text, ym_component_cb cb, void *ctx,
			     ym_err *err);

/* The asset a scanned host is: one named by key, or listing key among
 * its addresses or hostnames. *id = 0 when none. */
int ym_store_asset_find_host(ym_store *s, const char *key, int64_t *id,
			     ym_err *err);

/* The asset with exactly this name (*id = 0 when none). */
int ym_store_asset_by_name(ym_store *s, const char *name, int64_t *id,
			   ym_err *err);
/* A department by code, else by name (Japanese or English); *id = 0
 * when none. */
int ym_store_department_lookup(ym_store *s, const char *text, int64_t *id,
			       ym_err *err);

/* The holes in the ledger that make later decisions blind. */
typedef struct ym_coverage {
	int64_t assets;
	int64_t no_owner, no_department, no_version, unknown_exposure,
		no_support_end, unknown_criticality, no_software;
} ym_coverage;
int ym_store_coverage(ym_store *s, const ym_scope *scope, ym_coverage *out,
		      ym_err *err);
typedef int (*ym_component_cb)(const ym_component *c, void *ctx);
/* asset_id 0 = all assets in scope. */
int ym_store_components_each(ym_store *s, const ym_scope *scope,
			     int64_t asset_id, ym_component_cb cb, void *ctx,
			     ym_err *err);

/* ---- vulnerabilities ----
 *
 * The normalised model (docs/vuln-model.md). A feed record (one NVD CVE,
 * one JVNDB entry, one OSV advisory, one vulnerability of a CSAF document)
 * is stored as a source record: what that source said, kept beside the
 * others. Source records with the same identity - the CVE id when the
 * record has exactly one, else its own id - make one vulnerability; its
 * merged fields are recomputed from the source records by a fixed
 * precedence, so no source overwrites another. */

typedef struct ym_affected_range {
	const char *ecosystem; /* OSV ecosystem, e.g. "npm", "PyPI", "Debian:12" */
	const char *package;   /* normalised package key (see ids/purl.h) */
	const char *range_type; /* ECOSYSTEM | SEMVER | GIT | VERSIONS */
	const char *events;    /* JSON array of {introduced|fixed|...: v} */
	const char *versions;  /* JSON array of explicit versions, or NULL */
	const char *source;    /* on read: the source that gave it ("osv",
				* "csaf") */
} ym_affected_range;

/* One CVSS score as a source states it. */
typedef struct ym_cvss_entry {
	const char *version;  /* "2.0" | "3.0" | "3.1" | "4.0" */
	const char *vector;   /* as given, e.g. "CVSS:3.1/AV:N/..." */
	double base_score;    /* the source's score; < 0 when it gives none */
	const char *severity; /* the source's rating, lower case, or NULL */
	const char *origin;   /* who scored: "nvd@nist.gov", a CNA, "CISA-ADP" */
	const char *kind;     /* "Primary" | "Secondary" | NULL */
} ym_cvss_entry;

/* One CPE criterion of an affected-product configuration. NVD's
 * configurations are flattened: every row says which configuration and
 * node it belongs to and their operators, which is enough to rebuild the
 * AND/OR tree (configuration = AND|OR of nodes; node = AND|OR of rows).
 * JVN's product CPEs are single-node configurations whose bounds come
 * from the Japanese version text. */
typedef struct ym_cpe_criterion {
	int config;            /* configuration index within the record */
	const char *config_op; /* "AND" | "OR" (NULL = OR) */
	int node;              /* node index within the configuration */
	const char *node_op;   /* "AND" | "OR" (NULL = OR) */
	bool node_negate;      /* the node's negate flag */
	bool vulnerable;       /* false: a "running on/with" platform */
	const char *criteria;  /* CPE 2.3 formatted string */
	const char *start_incl, *start_excl; /* version bounds, NULL if none */
	const char *end_incl, *end_excl;
	const char *match_id;  /* NVD matchCriteriaId, or NULL */
	const char *text;      /* the source's own words for the versions */
	bool unparsed;         /* text could not be read as bounds: the
			        * matcher must lower its confidence */
} ym_cpe_criterion;

/* CSAF product status (and VEX) for one product of a document. */
typedef struct ym_product_status {
	const char *status;        /* known_affected | fixed | known_not_affected
				    * | under_investigation | first_affected |
				    * last_affected | first_fixed | recommended */
	const char *product_id;    /* the document's product id */
	const char *name;          /* full product name (branch path joined) */
	const char *cpe, *purl;    /* product identification helper, or NULL */
	const char *justification; /* VEX flag label for not_affected */
	const char *impact;        /* threat "impact" statement, or NULL */
} ym_product_status;

/* CISA ADP SSVC decision points of a CVE record. */
typedef struct ym_ssvc_points {
	const char *exploitation;     /* none | poc | active */
	const char *automatable;      /* yes | no */
	const char *technical_impact; /* partial | total */
	const char *timestamp;
	const char *origin;           /* the ADP, e.g. "CISA-ADP" */
	const char *version;          /* SSVC version, e.g. "2.0.3" */
} ym_ssvc_points;

typedef struct ym_vuln {
	int64_t id;
	const char *vuln_id;     /* the source's id: CVE-, JVNDB-, GHSA-, ... */
	const char *record_id;   /* the source record key; NULL = vuln_id */
	const char *identity;    /* the vulnerability this record belongs to;
				  * NULL = chosen by the store (see above) */
	const char *title;       /* English */
	const char *title_ja;    /* Japanese */
	const char *summary;     /* English */
	const char *summary_ja;  /* Japanese, when the source has it */
	const char *details;
	const char *severity;    /* critical|high|medium|low|none|unknown */
	const char *cvss_vector; /* the source's preferred vector, if any */
	const char *published;
	const char *modified;
	const char *withdrawn;
	bool rejected;           /* NVD "Rejected", CVE state REJECTED */
	const char *status;      /* the source's own status, e.g. "Analyzed" */
	const char *const *aliases; /* NULL-terminated; may be NULL */
	const char *const *cwes;    /* NULL-terminated "CWE-79"...; may be NULL */
	/* JSON arrays kept as the source gave them (compact): */
	const char *references;  /* [{"url":..,"tags":[..],"source":..}] */
	const char *remediations;/* [{"category":..,"details":..,"url":..,
				  *   "product_ids":[..]}] fix / workaround */
	const char *threats;     /* [{"category":..,"details":..}] vendor
				  * threat indicators (CSAF, JVN) */
	/* the source record this came from */
	const char *source;      /* "nvd" | "cve5" | "jvn" | "osv" | "csaf" */
	const char *source_file; /* file or URL it was read from */
	const ym_affected_range *ranges;
	size_t n_ranges;
	const ym_cvss_entry *cvss;
	size_t n_cvss;
	const ym_cpe_criterion *cpes;
	size_t n_cpes;
	const ym_product_status *products;
	size_t n_products;
	const ym_ssvc_points *ssvc; /* NULL when the record has none */
	const char *aliases_joined; /* filled on read: "CVE-1, GHSA-2" */
} ym_vuln;

typedef enum ym_put_result {
	YM_PUT_INSERTED,
	YM_PUT_UPDATED,
	YM_PUT_UNCHANGED
} ym_put_result;

/* Inserts or replaces the record of (source, record_id): everything that
 * record said before is replaced; *res tells what happened. A record whose
 * modified date is older than the stored one is left as it is
 * (YM_PUT_UNCHANGED): feeds arrive out of order. */
int ym_store_vuln_put(ym_store *s, const ym_vuln *v, ym_put_result *res,
		      ym_err *err);
/* The merged view of the vulnerability with this id or alias. */
int ym_store_vuln_get(ym_store *s, const char *vuln_id, ym_arena *arena,
		      ym_vuln *out, ym_err *err);
/* Every source record of vulnerability row vuln_rowid, in precedence
 * order, with its CVSS, CPE criteria, ranges and product status. */
typedef int (*ym_vuln_cb)(const ym_vuln *v, void *ctx);
int ym_store_vuln_sources_each(ym_store *s, int64_t vuln_rowid,
			       ym_vuln_cb cb, void *ctx, ym_err *err);
/* record_id: the source's own id for the record that gave the range
 * (evidence for a finding). */
/* Every vulnerability row id (modified on or after since, when given),
 * in id order: for exports. */
typedef int (*ym_rowid_cb)(int64_t vuln_rowid, void *ctx);
int ym_store_vuln_rowids_each(ym_store *s, const char *since, ym_rowid_cb cb,
			      void *ctx, ym_err *err);
typedef int (*ym_range_cb)(int64_t vuln_rowid, const char *record_id,
			   const ym_affected_range *r, void *ctx);
int ym_store_ranges_each(ym_store *s, ym_range_cb cb, void *ctx,
			 ym_err *err);
int ym_store_vuln_count(ym_store *s, int64_t *n, ym_err *err);

/* The id and every alias of vulnerability row vuln_rowid (in arena). */
int ym_store_vuln_names(ym_store *s, int64_t vuln_rowid, ym_arena *arena,
			const char **id, const char *const **aliases,
			ym_err *err);

/* Source records with a vulnerable CPE criterion for vendor:product (any
 * vendor when vendor is NULL; withdrawn and rejected records left out),
 * for the CPE matcher. */
typedef struct ym_cpe_source {
	int64_t source_id, vuln_rowid;
	const char *source;    /* "nvd", "jvn", "cve5" */
	const char *record_id; /* the source's id for the record */
} ym_cpe_source;
typedef int (*ym_cpe_source_cb)(const ym_cpe_source *c, void *ctx);
int ym_store_cpe_sources(ym_store *s, const char *vendor, const char *product,
			 ym_cpe_source_cb cb, void *ctx, ym_err *err);
/* All CPE criteria rows of one source record, in order (in arena). */
int ym_store_cpe_rows(ym_store *s, int64_t source_id, ym_arena *arena,
		      ym_cpe_criterion **rows, size_t *n, ym_err *err);

/* ---- For the matching engine (match_input.c) ---- */

/* The ranges of valid records of one vulnerability row, or naming one
 * package (any ecosystem). */
int ym_store_ranges_of_vuln(ym_store *s, int64_t vuln_rowid, ym_range_cb cb,
			    void *ctx, ym_err *err);
int ym_store_ranges_of_package(ym_store *s, const char *package,
			       ym_range_cb cb, void *ctx, ym_err *err);
/* One source record with a vulnerable CPE criterion and all its rows
 * (valid only during the callback). */
typedef struct ym_cpe_record {
	ym_cpe_source src;
	const ym_cpe_criterion *rows;
	size_t n;
} ym_cpe_record;
typedef int (*ym_cpe_record_cb)(const ym_cpe_record *r, void *ctx);
/* Every such record, or those of one vulnerability row. */
int ym_store_cpe_records_each(ym_store *s, ym_cpe_record_cb cb, void *ctx,
			      ym_err *err);
int ym_store_cpe_records_of_vuln(ym_store *s, int64_t vuln_rowid,
				 ym_cpe_record_cb cb, void *ctx, ym_err *err);

/* Components as the matcher needs them (id, asset_id, name, version,
 * purl, cpe, ecosystem, pkg_key, type, source_pkg; no join), in
 * (asset_id, id) order. */
typedef enum ym_match_query_kind {
	YM_MQ_ALL,         /* every component */
	YM_MQ_ASSET,       /* those of asset_id */
	YM_MQ_PLATFORMS,   /* those of asset_id with a CPE */
	YM_MQ_PACKAGE,     /* ecosystem's package key, or source package */
	YM_MQ_CPE_PRODUCT, /* no ecosystem, CPE naming vendor:product */
	YM_MQ_NAME         /* known by name only, a name key = key */
} ym_match_query_kind;
typedef struct ym_match_query {
	ym_match_query_kind kind;
	int64_t asset_id;
	const char *ecosystem, *key;  /* YM_MQ_PACKAGE; key: YM_MQ_NAME */
	const char *vendor, *product; /* YM_MQ_CPE_PRODUCT */
	const char *parts;            /* its CPE parts ("a", "ao"); NULL: all */
} ym_match_query;
int ym_store_match_components(ym_store *s, const ym_match_query *q,
			      ym_component_cb cb, void *ctx, ym_err *err);

/* Work queued for the incremental matcher: the store queues every
 * vulnerability row whose records change and every asset whose software
 * changes, in the same transaction as the change. */
typedef struct ym_pending {
	int64_t *vulns;
	size_t n_vulns;
	int64_t *assets;
	size_t n_assets;
} ym_pending;
int ym_store_match_pending(ym_store *s, ym_pending *out, ym_err *err);
void ym_pending_release(ym_pending *p);
/* Takes work off the queue: one vulnerability ("vuln") or asset
 * ("asset"), or everything (after a full run). */
int ym_store_match_pending_done(ym_store *s, const char *kind, int64_t id,
				ym_err *err);
int ym_store_match_pending_clear(ym_store *s, ym_err *err);

/* Search: one row per vulnerability, newest modification first. */
typedef struct ym_vuln_filter {
	const char *text;         /* part of the id, an alias, the title or
				   * summary (English or Japanese) */
	const char *source;       /* only with a record from this source */
	const char *min_severity; /* low | medium | high | critical */
	bool kev_only;            /* only those in the KEV catalog */
	const char *modified_since; /* YYYY-MM-DD */
	int limit;                /* 0: 100 */
} ym_vuln_filter;

typedef struct ym_vuln_row {
	int64_t id;
	const char *vuln_id, *title, *title_ja, *summary, *summary_ja;
	const char *severity, *published, *modified;
	const char *aliases; /* "GHSA-.., JVNDB-.." */
	const char *sources; /* "jvn, nvd" */
	bool rejected, kev;
	double epss;         /* < 0 when there is no score */
} ym_vuln_row;
typedef int (*ym_vuln_row_cb)(const ym_vuln_row *r, void *ctx);
int ym_store_vulns_search(ym_store *s, const ym_vuln_filter *f,
			  ym_vuln_row_cb cb, void *ctx, ym_err *err);

/* ---- manual suppressions ----
 * A person decides a finding does not apply, with a reason, maybe until
 * a date. Keyed by asset, package and vulnerability - and version only
 * when asked - so the decision survives upgrades of the same package.
 * Never deleted: lifting records who and when. */
typedef struct ym_suppression {
	int64_t id;
	int64_t asset_id;
	const char *component_key;     /* ecosystem/package key */
	const char *component_version; /* NULL: every version */
	int64_t vuln_rowid;
	const char *reason, *actor, *created_at, *expires_on;
	const char *lifted_at, *lifted_by;
	/* filled on read */
	const char *asset_name, *vuln_id;
	bool applies; /* a current finding of the asset matches it */
} ym_suppression;
int ym_store_suppression_add(ym_store *s, const ym_suppression *x,
			     int64_t *id, ym_err *err);
int ym_store_suppression_lift(ym_store *s, int64_t id, const char *actor,
			      ym_err *err);
typedef int (*ym_suppression_cb)(const ym_suppression *x, void *ctx);
/* active_on: only those not lifted and not expired on that date
 * (YYYY-MM-DD); NULL: all. */
int ym_store_suppressions_each(ym_store *s, const char *active_on,
			       ym_suppression_cb cb, void *ctx, ym_err *err);

/* ---- VEX statements imported on their own (yamori vex import) ---- */
typedef struct ym_vex_row {
	int64_t id;
	const char *file, *format;
	const char *vuln_id, *aliases; /* aliases ", "-joined */
	const char *status;            /* not_affected | affected | fixed |
					* under_investigation */
	const char *justification, *detail, *action, *timestamp;
	const char *purl, *cpe, *name, *version, *range; /* the product */
	const char *vendor;             /* who makes it, or NULL */
	const char *bom_serial, *bom_ref; /* a BOM-link into another BOM
					   * (serial lower case, without
					   * urn:uuid:), or NULL */
	/* a statement about one part inside the product (OpenVEX
	 * subcomponent, CSAF relationship): the part; all NULL when the
	 * statement is about the whole product */
	const char *relation; /* CSAF relationship category, or NULL */
	const char *sub_purl, *sub_cpe, *sub_name, *sub_version, *sub_range,
		*sub_vendor;
} ym_vex_row;
int ym_store_vex_put(ym_store *s, const ym_vex_row *r, ym_err *err);
/* Removes the statements a file gave before (a re-import replaces). */
int ym_store_vex_forget(ym_store *s, const char *file, ym_err *err);
typedef int (*ym_vex_row_cb)(const ym_vex_row *r, void *ctx);
int ym_store_vex_each(ym_store *s, ym_vex_row_cb cb, void *ctx, ym_err *err);

/* The SBOM an asset's software came from (the last SBOM import): its
 * serial number, for BOM-links, and the component it describes, which
 * contains the software listed in it (docs/vex.md). Only components
 * whose source is ->source came from it. */
typedef struct ym_asset_sbom {
	const char *source;   /* the SBOM file, as its components' source */
	const char *serial;   /* serialNumber / documentNamespace, or NULL */
	ym_component subject; /* metadata component: bom_ref, name,
			       * version, purl, cpe, supplier, type;
			       * name NULL when the SBOM names none */
} ym_asset_sbom;
int ym_store_asset_sbom_put(ym_store *s, int64_t asset_id,
			    const ym_asset_sbom *x, ym_err *err);
/* *found false (and *out zeroed) when the asset has none. */
int ym_store_asset_sbom_get(ym_store *s, int64_t asset_id, ym_arena *a,
			    ym_asset_sbom *out, bool *found, ym_err *err);
/* For VEX: one component by row id with where it sits (parent_id,
 * bom_ref), who makes it (supplier), type and source; strings in a.
 * *found false when there is no such row. */
int ym_store_vex_component(ym_store *s, int64_t id, ym_arena *a,
			   ym_component *out, bool *found, ym_err *err);
/* For VEX: the asset's operating-system and container components (the
 * same fields), in id order. */
int ym_store_vex_containers(ym_store *s, int64_t asset_id,
			    ym_component_cb cb, void *ctx, ym_err *err);

/* ---- context: KEV, EPSS ---- */
typedef struct ym_kev_entry {
	const char *cve_id;
	const char *vendor, *product, *name;
	const char *date_added, *due_date; /* YYYY-MM-DD */
	const char *description, *required_action, *notes;
	const char *ransomware; /* "Known" | "Unknown" */
	const char *cwes;       /* "CWE-20, CWE-78" or NULL */
	const char *catalog_version;
} ym_kev_entry;
int ym_store_kev_put(ym_store *s, const ym_kev_entry *k, ym_put_result *res,
		     ym_err *err);
int ym_store_kev_get(ym_store *s, const char *cve_id, ym_arena *arena,
		     ym_kev_entry *out, ym_err *err);

typedef int (*ym_kev_cb)(const ym_kev_entry *k, void *ctx);
int ym_store_kev_each(ym_store *s, ym_kev_cb cb, void *ctx, ym_err *err);

typedef struct ym_epss_entry {
	const char *cve_id;
	double score;      /* 0..1 */
	double percentile; /* 0..1; < 0 when the file has none (2021) */
	const char *date;  /* the model's score date, YYYY-MM-DD */
	const char *model_version;
} ym_epss_entry;
/* Sets the current score and keeps (cve, date) in the history. */
int ym_store_epss_put(ym_store *s, const ym_epss_entry *e,
		      ym_put_result *res, ym_err *err);
int ym_store_epss_get(ym_store *s, const char *cve_id, ym_arena *arena,
		      ym_epss_entry *out, ym_err *err);
typedef int (*ym_epss_cb)(const ym_epss_entry *e, void *ctx);
/* Every current score, by CVE id. */
int ym_store_epss_each(ym_store *s, ym_epss_cb cb, void *ctx, ym_err *err);
/* History of one CVE, oldest first. */
int ym_store_epss_history(ym_store *s, const char *cve_id, ym_epss_cb cb,
			  void *ctx, ym_err *err);

/* ---- findings ---- */
typedef enum ym_finding_status {
	YM_FINDING_OPEN = 0,
	YM_FINDING_RESOLVED,  /* component upgraded or removed */
	YM_FINDING_SUPPRESSED /* decided not to apply (VEX, suppression) */
} ym_finding_status;

const char *ym_finding_status_name(ym_finding_status st);
int ym_finding_status_parse(const char *s, ym_finding_status *out);

typedef struct ym_finding {
	int64_t id;
	int64_t asset_id;
	int64_t component_id;   /* 0 once the component is gone */
	int64_t vuln_rowid;
	const char *component_key; /* ecosystem/pkg_key: stable across versions */
	const char *component_name;
	const char *component_version;
	const char *component_purl;
	const char *vuln_id;
	ym_finding_status status;
	const char *confidence; /* high|medium|low */
	const char *evidence;   /* JSON object, see docs/findings-json.md */
	const char *first_seen;
	const char *last_seen;
	const char *resolved_at;
	/* A VEX statement that says the vulnerability does not apply here
	 * (not_affected, fixed): on a sighting the finding is suppressed with
	 * this reason; NULL: it is not (a VEX suppression that no longer
	 * applies is lifted). On read: who suppressed it and why. */
	const char *suppressed_by;   /* "vex" | "manual" | NULL */
	const char *suppress_reason;
	/* joined on read */
	const char *asset_name;
	const char *department_code;
	const char *department_name;
	const char *owner;
	const char *severity;
	const char *summary;
	const char *summary_ja;
	const char *aliases;    /* comma-separated */
} ym_finding;

typedef struct ym_finding_filter {
	const char *asset;      /* id or name, NULL = any */
	const char *severity;   /* minimum severity, NULL = any */
	int status;             /* ym_finding_status, -1 = any */
	int64_t id;             /* one finding, 0 = any */
	const char *vuln;       /* vulnerability id or alias, NULL = any */
	const char *product;    /* part of the component name or purl */
	const char *confidence; /* minimum: low | medium | high */
	bool kev_only;          /* only vulnerabilities in the KEV catalog */
	const char *sort;       /* severity (default) | asset | component |
				 * vulnerability | first_seen | last_seen */
} ym_finding_filter;

/* One matching run. Findings remember the last scan that saw them, so a
 * finding is "unseen" by comparing scan ids, never clock times (two scans
 * in the same second are still two scans). */
typedef struct ym_scan {
	int64_t id;
	char now[32]; /* ISO 8601 UTC time the scan started */
} ym_scan;

/* asset_id: the asset scanned, 0 for all. */
int ym_store_scan_begin(ym_store *s, int64_t asset_id, ym_scan *scan,
			ym_err *err);
typedef enum ym_sighting {
	YM_SIGHT_NONE,      /* exact_only and no row for this version */
	YM_SIGHT_REFRESHED, /* the same version was seen before */
	YM_SIGHT_CARRIED,   /* an earlier version's finding moved to it */
	YM_SIGHT_NEW        /* a new finding */
} ym_sighting;

/* Records that (asset, component key, version, vuln) matched in the scan
 * at now. A finding is one row per version, so two versions of a package
 * in one asset are two findings; when the version changed but the
 * vulnerability still applies, the earlier version's finding (not seen in
 * this scan) is carried over so its id and first_seen stay. Resolved
 * findings re-open. Call with exact_only for every match first, then
 * without it for the rest, so carrying over never takes a row that an
 * exact match would have claimed. */
int ym_store_finding_seen(ym_store *s, const ym_finding *f,
			  const ym_scan *scan, bool exact_only,
			  ym_sighting *result, ym_err *err);
/* What a matching run covered: every asset (asset_id 0, no vulns), one
 * asset, or some vulnerability rows (incremental). */
typedef struct ym_run_scope {
	int64_t asset_id;
	bool by_vulns;          /* only these vulnerability rows: */
	const int64_t *vulns;
	size_t n_vulns;
} ym_run_scope;
/* Records every match of a run (in order) the fast way, then resolves the
 * open findings in scope that the run did not see; *new_findings and
 * *resolved receive the counts. A known finding is rewritten only when
 * something about it changed, or once a day (last_seen then says on
 * which day it was last confirmed). */
int ym_store_findings_record(ym_store *s, const ym_finding *hits, size_t n,
			     const ym_scan *scan, const ym_run_scope *scope,
			     int64_t *new_findings, int64_t *resolved,
			     ym_err *err);
typedef int (*ym_finding_cb)(const ym_finding *f, void *ctx);
int ym_store_findings_each(ym_store *s, const ym_scope *scope,
			   const ym_finding_filter *filter, ym_finding_cb cb,
			   void *ctx, ym_err *err);

/* Every change of a finding, oldest first (written by the database on
 * each change): change is new | resolved | reopened | suppressed |
 * unsuppressed | suppression_changed | version. */
typedef struct ym_finding_change {
	const char *at;
	const char *change;
	const char *old_value, *new_value; /* status, or versions */
	const char *detail;                /* the suppression's reason */
} ym_finding_change;
typedef int (*ym_finding_change_cb)(const ym_finding_change *c, void *ctx);
int ym_store_finding_history(ym_store *s, int64_t finding_id,
			     ym_finding_change_cb cb, void *ctx, ym_err *err);

/* Severity order for filters and sorting: none 0 .. critical 4,
 * unknown -1. */
int ym_severity_rank(const char *sev);

#endif
