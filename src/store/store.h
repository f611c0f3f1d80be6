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
	const char *created_at;        /* ISO 8601 UTC, filled on read */
	const char *updated_at;
	int64_t component_count;       /* filled on read */
} ym_asset;

const char *ym_asset_kind_name(ym_asset_kind k);
int ym_asset_kind_parse(const char *s, ym_asset_kind *out);

int ym_store_asset_add(ym_store *s, const ym_asset *a, int64_t *id,
		       ym_err *err);
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
	const char *source;     /* where it came from: the SBOM file name */
	const char *asset_name; /* filled on read */
} ym_component;

/* Replaces the software list of an asset (one SBOM = the asset's truth).
 * parent_id in input rows refers to the index+1 of the parent in the same
 * array (0 = none) and is translated to row ids. */
int ym_store_components_replace(ym_store *s, int64_t asset_id,
				const ym_component *c, size_t n,
				ym_err *err);
typedef int (*ym_component_cb)(const ym_component *c, void *ctx);
/* asset_id 0 = all assets in scope. */
int ym_store_components_each(ym_store *s, const ym_scope *scope,
			     int64_t asset_id, ym_component_cb cb, void *ctx,
			     ym_err *err);

/* ---- vulnerabilities ---- */
typedef struct ym_affected_range {
	const char *ecosystem; /* OSV ecosystem, e.g. "npm", "PyPI" */
	const char *package;   /* normalised package key (see ids/purl.h) */
	const char *range_type; /* ECOSYSTEM | SEMVER | GIT | VERSIONS */
	const char *events;    /* JSON array of {introduced|fixed|...: v} */
	const char *versions;  /* JSON array of explicit versions, or NULL */
} ym_affected_range;

typedef struct ym_vuln {
	int64_t id;
	const char *vuln_id;     /* primary id, e.g. GHSA-..., CVE-... */
	const char *summary;     /* English */
	const char *summary_ja;  /* Japanese, when the source has it */
	const char *details;
	const char *severity;    /* critical|high|medium|low|none|unknown */
	const char *cvss_vector; /* the preferred vector, if any */
	const char *published;
	const char *modified;
	const char *withdrawn;
	const char *const *aliases; /* NULL-terminated; may be NULL */
	/* the source record this came from */
	const char *source;      /* "osv", ... */
	const char *source_file; /* file or URL it was read from */
	const ym_affected_range *ranges;
	size_t n_ranges;
	const char *aliases_joined; /* filled on read: "CVE-1, GHSA-2" */
} ym_vuln;

typedef enum ym_put_result {
	YM_PUT_INSERTED,
	YM_PUT_UPDATED,
	YM_PUT_UNCHANGED
} ym_put_result;

/* Inserts or replaces the record of (source, vuln_id): aliases and the
 * ranges of that source are replaced; *res tells what happened. */
int ym_store_vuln_put(ym_store *s, const ym_vuln *v, ym_put_result *res,
		      ym_err *err);
int ym_store_vuln_get(ym_store *s, const char *vuln_id, ym_arena *arena,
		      ym_vuln *out, ym_err *err);
typedef int (*ym_range_cb)(int64_t vuln_rowid, const char *vuln_id,
			   const ym_affected_range *r, void *ctx);
int ym_store_ranges_each(ym_store *s, ym_range_cb cb, void *ctx,
			 ym_err *err);
int ym_store_vuln_count(ym_store *s, int64_t *n, ym_err *err);

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
/* Open findings of the given assets (all when asset_id == 0) that the
 * scan did not see become resolved; *n receives how many. */
int ym_store_findings_resolve_unseen(ym_store *s, int64_t asset_id,
				     const ym_scan *scan, int64_t *n,
				     ym_err *err);
typedef int (*ym_finding_cb)(const ym_finding *f, void *ctx);
int ym_store_findings_each(ym_store *s, const ym_scope *scope,
			   const ym_finding_filter *filter, ym_finding_cb cb,
			   void *ctx, ym_err *err);

/* Severity order for filters and sorting: none 0 .. critical 4,
 * unknown -1. */
int ym_severity_rank(const char *sev);

#endif
