/* triage.h - storage of triage decisions (src/store/triage.c): the bulk
 * reads a triage run needs (evidence per vulnerability, facts per asset,
 * open findings with their current decision), the decision per finding
 * with its explanation fragments, the history of changes, overrides and
 * mitigations. docs/triage.md describes the tables.
 *
 * Ownership: as store.h: inputs borrowed; rows handed to callbacks valid
 * only during the callback; rows read into an arena live with it.
 * Reads of findings and decisions are scoped by department like every
 * other read of findings.
 */
#ifndef YM_STORE_TRIAGE_H
#define YM_STORE_TRIAGE_H

#include "store/store.h"

/* ---- bulk reads for a run ---- */

typedef enum ym_triage_ev_kind {
	YM_TEV_KEV,  /* s1 name, date dateAdded */
	YM_TEV_EPSS, /* x score, y percentile (< 0 none), date */
	YM_TEV_ADP,  /* s1 exploitation, s2 automatable, s3 technical
			impact, date timestamp */
	YM_TEV_CVSS, /* s1 version, s2 vector, date of the record */
	YM_TEV_REFS  /* s1 references JSON holding "Exploit", date */
} ym_triage_ev_kind;

typedef struct ym_triage_ev {
	ym_triage_ev_kind kind;
	int64_t vuln_rowid;
	const char *s1, *s2, *s3, *date;
	double x, y;
} ym_triage_ev;
typedef int (*ym_triage_ev_cb)(const ym_triage_ev *e, void *ctx);
/* Every piece of evidence of every vulnerability (KEV and EPSS through
 * the id and the aliases), grouped by kind. */
int ym_store_triage_evidence_each(ym_store *s, ym_triage_ev_cb cb, void *ctx,
				  ym_err *err);

typedef struct ym_triage_asset_row {
	int64_t id;
	const char *name, *exposure, *exposure_date, *open_ports, *seen_at;
	const char *criticality, *data_kind;
	bool safety_relevant;
	int64_t data_records; /* -1 unknown */
} ym_triage_asset_row;
typedef int (*ym_triage_asset_cb)(const ym_triage_asset_row *a, void *ctx);
int ym_store_triage_assets_each(ym_store *s, const ym_scope *scope,
				ym_triage_asset_cb cb, void *ctx,
				ym_err *err);

/* An open finding and its current decision, if any. */
typedef struct ym_triage_current {
	int64_t finding_id, asset_id, vuln_rowid;
	bool decided;
	int outcome;
	uint64_t input_hash;
	uint32_t posture_mask;
} ym_triage_current;
typedef int (*ym_triage_current_cb)(const ym_triage_current *c, void *ctx);
/* Open findings (asset_id 0: all) in scope, by id. */
int ym_store_triage_open_each(ym_store *s, const ym_scope *scope,
			      int64_t asset_id, ym_triage_current_cb cb,
			      void *ctx, ym_err *err);

/* ---- writing ---- */

/* A fragment of explanation; kept once per hash. */
int ym_store_triage_fact_put(ym_store *s, uint64_t hash, const char *kind,
			     const char *inputs, const char *text_ja,
			     const char *text_en, ym_err *err);

typedef struct ym_triage_row {
	int64_t finding_id;
	int outcome;              /* ym_policy_outcome */
	const char *deadline;     /* YYYY-MM-DD */
	int64_t due_at;           /* unix time */
	const char *decided_at, *updated_at;
	uint64_t input_hash;
	const char *code;         /* compact inputs */
	uint64_t vuln_facts, asset_facts, rule_facts;
	const char *ssvc_vector;
	const char *policy_name;
	int64_t policy_version;
	uint32_t posture_mask;
	const char *posture_ja, *posture_en;
	int residual_outcome;     /* -1 none */
	const char *residual_deadline, *residual_via;
	/* filled on read */
	const char *inputs_json;  /* {"exploitation":{...},...} */
	const char *vuln_ja, *vuln_en, *asset_ja, *asset_en;
	const char *rule_ja, *rule_en;
} ym_triage_row;

/* Inserts or replaces the decision of r->finding_id. */
int ym_store_triage_put(ym_store *s, const ym_triage_row *r, ym_err *err);

/* The policy triage decides with (the last file given to `triage
 * --policy`): *name and *text NULL when none was given (the default
 * policy applies). */
int ym_store_triage_policy_put(ym_store *s, const char *name,
			       const char *text, ym_err *err);
int ym_store_triage_policy_get(ym_store *s, ym_arena *a, const char **name,
			       const char **text, ym_err *err);
/* Whether triage has decided anything yet (then imports re-triage). */
int ym_store_triage_in_use(ym_store *s, bool *in_use, ym_err *err);
/* The old decision's code, deadline, due and decided_at (in arena);
 * YM_E_NOTFOUND when there is none. */
int ym_store_triage_old(ym_store *s, int64_t finding_id, ym_arena *a,
			ym_triage_row *out, ym_err *err);
int ym_store_triage_posture_set(ym_store *s, int64_t finding_id,
				uint32_t mask, const char *ja, const char *en,
				ym_err *err);

typedef struct ym_triage_change_row {
	int64_t finding_id;
	const char *at;
	int old_outcome;          /* -1: first decision */
	int new_outcome;
	const char *old_deadline, *new_deadline;
	const char *cause_ja, *cause_en;
	const char *policy_name;
	int64_t policy_version;
} ym_triage_change_row;
int ym_store_triage_history_add(ym_store *s, const ym_triage_change_row *c,
				ym_err *err);
typedef int (*ym_triage_change_cb)(const ym_triage_change_row *c, void *ctx);
/* Oldest first. */
int ym_store_triage_history_each(ym_store *s, int64_t finding_id,
				 ym_triage_change_cb cb, void *ctx,
				 ym_err *err);

/* ---- reading decisions ---- */

/* The decision of one finding in scope, with its fragments (arena);
 * YM_E_NOTFOUND when it has none. */
int ym_store_triage_get(ym_store *s, const ym_scope *scope,
			int64_t finding_id, ym_arena *a, ym_triage_row *out,
			ym_err *err);
typedef int (*ym_triage_row_cb)(const ym_triage_row *r, void *ctx);
/* Every decision in scope with its fragments (no inputs JSON), by
 * finding id. */
int ym_store_triage_each(ym_store *s, const ym_scope *scope,
			 ym_triage_row_cb cb, void *ctx, ym_err *err);
/* True when any decision exists. */
int ym_store_triage_any(ym_store *s, bool *any, ym_err *err);

/* ---- overrides ---- */

typedef struct ym_triage_override {
	int64_t id;
	int64_t finding_id, asset_id, vuln_rowid; /* exactly one set */
	const char *input, *value, *reason, *actor, *created_at, *until_on;
	const char *lifted_at, *lifted_by;
	const char *target; /* filled on read: "finding 12", asset name,
			       vulnerability id */
} ym_triage_override;
int ym_store_triage_override_add(ym_store *s, const ym_triage_override *o,
				 int64_t *id, ym_err *err);
/* YM_E_NOTFOUND when no such override is in force. */
int ym_store_triage_override_lift(ym_store *s, int64_t id, const char *actor,
				  ym_err *err);
typedef int (*ym_triage_override_cb)(const ym_triage_override *o, void *ctx);
/* active_on: only those not lifted and not past until_on on that date;
 * NULL all. By id. */
int ym_store_triage_overrides_each(ym_store *s, const char *active_on,
				   ym_triage_override_cb cb, void *ctx,
				   ym_err *err);

/* ---- mitigations ---- */

typedef struct ym_triage_mitigation {
	int64_t id;
	int64_t finding_id, asset_id; /* one set */
	const char *name, *changes, *planned_on, *status;
	const char *actor, *created_at, *done_at, *done_by;
	const char *target; /* filled on read */
} ym_triage_mitigation;
int ym_store_triage_mitigation_add(ym_store *s,
				   const ym_triage_mitigation *m, int64_t *id,
				   ym_err *err);
/* Marks a planned mitigation done; YM_E_NOTFOUND if none is planned. */
int ym_store_triage_mitigation_done(ym_store *s, int64_t id,
				   const char *actor, ym_err *err);
typedef int (*ym_triage_mitigation_cb)(const ym_triage_mitigation *m,
				       void *ctx);
int ym_store_triage_mitigations_each(ym_store *s,
				     ym_triage_mitigation_cb cb, void *ctx,
				     ym_err *err);

/* The actor for a change: $USER, else "yamori". */
const char *ym_store_triage_actor(void);

#endif
