/* triage.h - a decision and a deadline per finding, with its reason
 * (issue 7; seed 004 "組織におけるリスク評価" and "対処・対策").
 *
 * Three parts:
 *   - inputs (triage_inputs.c): pure functions that turn evidence the
 *     caller read from the store (KEV, CISA ADP SSVC points, exploit
 *     references, EPSS, CVSS vectors, the asset's ledger facts) into the
 *     decision points, each with where it came from and when;
 *   - deciding (triage.c): SSVC deployer tree and/or the policy matrix,
 *     combined per the policy, the vector, the explanation fragments in
 *     Japanese and English, the cause of a change;
 *   - running (triage_run.c): reads a store with a few big queries,
 *     decides every open finding, writes only what changed, one
 *     transaction.
 *
 * Ownership: arguments are borrowed; strings in results point into the
 * caller's inputs or into an arena the caller passes. Errors: 0 or a
 * negative YM_E_* code with err filled.
 */
#ifndef YM_RISK_TRIAGE_H
#define YM_RISK_TRIAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "risk/policy.h"
#include "risk/ssvc.h"

/* ---- inputs ---------------------------------------------------------- */

/* The decision points of a finding. */
typedef enum ym_triage_input {
	YM_TI_EXPLOITATION = 0, /* none, poc, active */
	YM_TI_EXPOSURE,         /* ledger: internet, internal, isolated,
				   unknown (SSVC open/controlled/small via
				   the policy) */
	YM_TI_AUTOMATABLE,      /* no, yes */
	YM_TI_TECHNICAL_IMPACT, /* partial, total */
	YM_TI_MISSION_IMPACT,   /* degraded .. mission_failure */
	YM_TI_SAFETY_IMPACT,    /* negligible .. catastrophic */
	YM_TI_HUMAN_IMPACT,     /* low .. very_high (from mission+safety) */
	YM_TI_IMPACT,           /* the policy's impact level (matrix) */
	YM_TI_LIKELIHOOD,       /* the policy's likelihood level (matrix) */
	YM_TI_COUNT
} ym_triage_input;

/* Where a value came from. */
typedef enum ym_triage_source {
	YM_TS_NONE = 0,    /* no evidence: the default shown */
	YM_TS_KEV,         /* CISA KEV listing (date added) */
	YM_TS_ADP,         /* CISA ADP SSVC points of the CVE record */
	YM_TS_REFS,        /* a reference tagged "Exploit" */
	YM_TS_EPSS,        /* EPSS >= the policy's epss_poc */
	YM_TS_CVSS,        /* the documented CVSS heuristic */
	YM_TS_LEDGER,      /* the asset in the ledger */
	YM_TS_NMAP,        /* the ledger, with ports seen by a scan */
	YM_TS_POLICY,      /* a rule of the policy */
	YM_TS_TABLE,       /* derived by an SSVC table */
	YM_TS_OVERRIDE,    /* a person's override, with a reason */
	YM_TS_MITIGATION,  /* a mitigation marked done */
	YM_TS_PLANNED,     /* a planned mitigation (residual only) */
	YM_TS_COUNT
} ym_triage_source;

/* One input: value (index into the input's vocabulary, -1 unknown),
 * where it came from, when, and a detail (the KEV name, the EPSS score,
 * the CVSS vector, the ports, the reason of an override). */
typedef struct ym_triage_value {
	int value;
	ym_triage_source source;
	char date[11];       /* YYYY-MM-DD or "" */
	const char *detail;  /* borrowed, may be NULL */
	int rule;            /* POLICY: index into the rule list, else -1 */
} ym_triage_value;

/* Vocabulary of an input: value codes in order, NULL-terminated. */
const char *const *ym_triage_values(ym_triage_input in);
const char *ym_triage_input_code(ym_triage_input in);
const char *ym_triage_source_code(ym_triage_source s);
/* Input by code ("exploitation", "exposure", ...; "mission", "safety",
 * "human" also), or -1. */
int ym_triage_input_parse(const char *s);
/* Value of an input from a word: the vocabulary, plus for exposure the
 * SSVC words (open -> internet, controlled -> internal, small ->
 * isolated), for exploitation "public_poc", for automatable and the
 * booleans yes/no/true/false; for impact and likelihood a level id of
 * p (may be NULL: then they are refused). -1 if not valid. */
int ym_triage_value_parse(const ym_policy *p, ym_triage_input in,
			  const char *s);
/* The code of value v of an input ("active", "internet", level ids of p
 * for impact and likelihood), "unknown" for -1. */
const char *ym_triage_value_code(const ym_policy *p, ym_triage_input in,
				 int v);

/* Evidence about one vulnerability, filled by the caller from the store
 * (strings borrowed). */
typedef struct ym_triage_vuln_facts {
	bool kev;
	const char *kev_date;      /* dateAdded, YYYY-MM-DD */
	const char *kev_name;      /* vulnerabilityName */
	double epss;               /* < 0 unknown */
	double epss_percentile;    /* < 0 unknown */
	const char *epss_date;
	const char *adp_exploitation; /* none | poc | active, or NULL */
	const char *adp_automatable;  /* yes | no */
	const char *adp_technical_impact; /* partial | total */
	const char *adp_date;      /* the ADP timestamp */
	const char *exploit_ref;   /* URL of a reference tagged Exploit */
	const char *exploit_ref_date; /* when the record was published */
	const char *cvss_vector;   /* the best vector: v4.0 > v3.1 > v3.0 >
				      v2; NULL none */
	const char *cvss_date;
} ym_triage_vuln_facts;

/* The vulnerability's inputs. */
typedef struct ym_triage_vuln_inputs {
	ym_triage_value v[4]; /* EXPLOITATION, (unused), AUTOMATABLE,
				 TECHNICAL_IMPACT by ym_triage_input */
	bool kev;             /* for the matrix's kev conditions */
	double epss, epss_percentile; /* for epss_high */
} ym_triage_vuln_inputs;

void ym_triage_vuln_derive(const ym_policy *p, const ym_triage_vuln_facts *f,
			   ym_triage_vuln_inputs *out);

/* CVSS heuristic (docs/triage.md): automatable yes when the vector is
 * network-reachable, low complexity, needs no privileges and no user
 * (v3.x AV:N/AC:L/PR:N/UI:N, v4.0 also AT:N, v2 AV:N/AC:L/Au:N), no for
 * any other vector; technical impact total when confidentiality and
 * integrity are both high (v3.x C:H/I:H, v4.0 VC:H/VI:H, v2 C:C/I:C).
 * -1 when the vector is not a CVSS vector. */
int ym_triage_cvss_automatable(const char *vector);
int ym_triage_cvss_technical_impact(const char *vector);

/* The asset's ledger facts. */
typedef struct ym_triage_asset_facts {
	const char *exposure;    /* ledger word */
	const char *exposure_date; /* when it was last set, YYYY-MM-DD */
	const char *open_ports;  /* "443/tcp,22/tcp" or NULL */
	const char *seen_at;     /* when a scan saw them */
	const char *criticality;
	bool safety_relevant;
	const char *data_kind;
	int64_t data_records;    /* -1 unknown */
} ym_triage_asset_facts;

typedef struct ym_triage_asset_inputs {
	ym_triage_value v[YM_TI_COUNT]; /* EXPOSURE, MISSION, SAFETY, HUMAN,
					   IMPACT used */
	ym_policy_asset asset; /* for the policy (data kind borrowed) */
} ym_triage_asset_inputs;

void ym_triage_asset_derive(const ym_policy *p,
			    const ym_triage_asset_facts *f,
			    ym_triage_asset_inputs *out);

/* An override or a mitigation's change of one input. */
typedef struct ym_triage_change {
	ym_triage_input input;
	int value;
	ym_triage_source source; /* OVERRIDE, MITIGATION or PLANNED */
	const char *detail;      /* reason, or the mitigation's name */
	const char *date;        /* YYYY-MM-DD, may be NULL */
} ym_triage_change;

/* All inputs of one finding. */
typedef struct ym_triage_inputs {
	ym_triage_value v[YM_TI_COUNT];
	bool kev;
	double epss, epss_percentile;
	ym_policy_asset asset;
} ym_triage_inputs;

/* Joins vuln and asset inputs, then applies changes in order (a later
 * change of the same input wins: callers pass vulnerability, asset,
 * finding overrides, then mitigations). Changing exploitation drops KEV
 * and EPSS from the matrix; changing mission or safety impact re-derives
 * human impact; human impact, impact and likelihood stick once set. */
void ym_triage_inputs_make(const ym_triage_vuln_inputs *vi,
			   const ym_triage_asset_inputs *ai,
			   const ym_triage_change *ch, size_t n,
			   ym_triage_inputs *out);

/* ---- deciding ------------------------------------------------------- */

/* Prepared once per run: the policy and the SSVC tables. */
typedef struct ym_triage_engine {
	const ym_policy *policy;
	const ym_ssvc_table *deployer;
	const ym_ssvc_table *human;
	uint64_t policy_hash; /* of the policy's name and version */
	char vectors[3 * 3 * 2 * 4 * 4][96]; /* cached SSVC vectors */
	char scratch[96];     /* the vector of a given human impact */
} ym_triage_engine;

int ym_triage_engine_init(ym_triage_engine *e, const ym_policy *p,
			  const ym_ssvc_registry *reg, ym_err *err);

typedef struct ym_triage_decision {
	int outcome;       /* ym_policy_outcome; -1 none */
	int ssvc;          /* SSVC outcome, -1 when not used */
	int matrix;        /* matrix outcome, -1 when not used */
	ym_policy_decider by;
	int human;         /* human impact used by SSVC */
	int impact;        /* impact level index */
	int likelihood;    /* likelihood level index, -1 */
	int likelihood_rule;
	const char *vector; /* SSVCv2/... (no time), "" without SSVC */
} ym_triage_decision;

/* Decides in (filling HUMAN_IMPACT and LIKELIHOOD when not given). */
void ym_triage_decide(ym_triage_engine *e, ym_triage_inputs *in,
		      ym_triage_decision *out);

/* Hash of the inputs that belong to the vulnerability / the asset, and
 * of the whole decision. */
uint64_t ym_triage_hash_vuln(const ym_triage_inputs *in);
uint64_t ym_triage_hash_asset(const ym_triage_inputs *in);

/* Compact form "E=active:kev;X=internet:nmap;..." of the inputs, for
 * history and for telling later what changed. */
void ym_triage_code(const ym_policy *p, const ym_triage_inputs *in,
		    ym_buf *out);

/* Fragments of the explanation, in lang ("ja" or "en"):
 *   vuln: "exploited in the wild (KEV since 2026-03-02); automatable
 *          (CVSS AV:N/AC:L/PR:N/UI:N); total technical impact (ADP)"
 *   asset: "internet-facing (port 443/tcp open per scan 2026-11-01);
 *           personal data, 120,000 records -> high impact (...)"
 *   rule: "SSVC deployer immediate, matrix high x high -> immediate;
 *          policy 'default' v1 gives 1 day"
 * and the JSON members of the inputs with their sources. */
void ym_triage_text_vuln(const ym_policy *p, const ym_triage_inputs *in,
			 const char *lang, ym_buf *out);
void ym_triage_text_asset(const ym_policy *p, const ym_triage_inputs *in,
			  const char *lang, ym_buf *out);
void ym_triage_text_rule(const ym_policy *p, const ym_triage_decision *d,
			 const char *lang, ym_buf *out);
void ym_triage_json_vuln(const ym_policy *p, const ym_triage_inputs *in,
			 ym_buf *out);
void ym_triage_json_asset(const ym_policy *p, const ym_triage_inputs *in,
			  ym_buf *out);

/* Outcome label in lang: 即時対応 / Immediate, ... */
const char *ym_triage_outcome_label(int outcome, const char *lang);

/* The whole explanation: "<label>: <vuln>; <asset>; <rule> (due D)". */
void ym_triage_explain(int outcome, const char *deadline,
		       const char *vuln_text, const char *asset_text,
		       const char *rule_text, const char *lang, ym_buf *out);

/* Why a decision changed, from the old compact code and the new inputs:
 * "exploitation poc -> active (KEV since 2026-03-02)". Empty when the
 * old code is NULL (a new decision). */
void ym_triage_cause(const ym_policy *p, const char *old_code,
		     const ym_triage_inputs *in, const char *lang,
		     ym_buf *out);

/* Parses "exposure=controlled,exploitation=none" into changes (at most
 * cap; details and dates left NULL). Returns how many, or YM_E_INVALID
 * with err naming the bad pair. */
int ym_triage_changes_parse(const ym_policy *p, const char *text,
			    ym_triage_change *out, size_t cap,
			    size_t *n, ym_err *err);

/* ---- running over a store (triage_run.c) ---------------------------- */

struct ym_store;
struct ym_scope;

typedef struct ym_triage_opts {
	const ym_policy *policy;
	const struct ym_scope *scope; /* NULL: all */
	int64_t asset_id;             /* 0: every asset */
	bool dry_run;                 /* decide, write nothing */
	const char *now;              /* ISO 8601 UTC; NULL: the clock */
	size_t max_listed;            /* changes kept in the report */
	void (*progress)(uint64_t done, uint64_t total, void *arg);
	void *progress_arg;
} ym_triage_opts;

/* A new decision or a changed outcome. */
typedef struct ym_triage_changed {
	int64_t finding_id, asset_id;
	int old_outcome;             /* -1: first decision */
	int new_outcome;
	char deadline[11];
	const char *cause_ja, *cause_en; /* NULL for a first decision */
} ym_triage_changed;

typedef struct ym_triage_report {
	int64_t findings;        /* open findings decided */
	int64_t count[YM_POLICY_OUTCOMES];
	int64_t created;         /* findings decided for the first time */
	int64_t changed;         /* outcome changed */
	int64_t refreshed;       /* inputs changed, same outcome */
	int64_t unchanged;
	int64_t posture_changed;
	int64_t written;         /* decision rows written */
	ym_policy_fired fired[16];
	size_t n_fired;
	ym_triage_changed *list; /* the first max_listed new or changed */
	size_t n_list;
	ym_arena arena;          /* owns list and its strings */
} ym_triage_report;

/* Decides every open finding of the store (in scope, of one asset) with
 * the policy; writes new and changed decisions, the history of changed
 * outcomes and postures in one transaction (none with dry_run). */
int ym_triage_run(struct ym_store *s, const ym_triage_opts *o,
		  ym_triage_report *r, ym_err *err);
void ym_triage_report_release(ym_triage_report *r);

#endif
