/* policy.h - the organisation's triage policy ("triage guideline"): a YAML
 * file agreed with management that turns evidence about a finding into an
 * outcome (Immediate / Out-of-cycle / Scheduled / Defer), a deadline and,
 * over many findings, an escalation posture. The format is in
 * docs/policy.md; the shipped default is data/policy/default.yaml.
 *
 * Loading parses the YAML with libyaml into a ym_policy that owns all its
 * memory (one arena, released by ym_policy_free). Every problem in the
 * file is reported as FILE:LINE:COL with the key path and a message.
 *
 * Evaluation (ym_policy_impact, _likelihood, _matrix_outcome, _combine,
 * _deadline, _escalations) is pure: it reads the policy, writes to
 * caller-supplied results, never allocates and never fails on valid
 * arguments, so a triage engine may call it for every finding and from
 * several threads on one policy. Each result names the rule, cell or
 * window that decided, for explanations.
 *
 * Ownership: arguments are borrowed; strings in a ym_policy belong to the
 * policy and live until ym_policy_free.
 */
#ifndef YM_RISK_POLICY_H
#define YM_RISK_POLICY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/err.h"

struct ym_buf;

/* Outcomes, ordered by urgency: a larger value is more urgent. */
typedef enum ym_policy_outcome {
	YM_POLICY_DEFER = 0,
	YM_POLICY_SCHEDULED = 1,
	YM_POLICY_OUT_OF_CYCLE = 2,
	YM_POLICY_IMMEDIATE = 3
} ym_policy_outcome;
#define YM_POLICY_OUTCOMES 4

/* Ledger exposure of a system (assets.exposure). */
typedef enum ym_policy_exposure {
	YM_POLICY_EXP_UNKNOWN = 0,
	YM_POLICY_EXP_INTERNET = 1,
	YM_POLICY_EXP_INTERNAL = 2,
	YM_POLICY_EXP_ISOLATED = 3
} ym_policy_exposure;
#define YM_POLICY_EXPOSURES 4

/* Ledger criticality of a system (assets.criticality). */
typedef enum ym_policy_criticality {
	YM_POLICY_CRIT_UNKNOWN = 0,
	YM_POLICY_CRIT_LOW = 1,
	YM_POLICY_CRIT_MEDIUM = 2,
	YM_POLICY_CRIT_HIGH = 3
} ym_policy_criticality;

/* Exploitation status, SSVC's values: none, public PoC, active. */
typedef enum ym_policy_exploitation {
	YM_POLICY_EXPL_NONE = 0,
	YM_POLICY_EXPL_POC = 1,
	YM_POLICY_EXPL_ACTIVE = 2
} ym_policy_exploitation;

/* Why the effective exploitation is what it is. */
typedef enum ym_policy_expl_source {
	YM_POLICY_EXPL_FROM_EVIDENCE = 0, /* as reported in the evidence */
	YM_POLICY_EXPL_FROM_KEV = 1,      /* KEV listing counts as active */
	YM_POLICY_EXPL_FROM_EPSS = 2      /* EPSS >= thresholds.epss_poc */
} ym_policy_expl_source;

/* yes / no / not known (SSVC Automatable). */
typedef enum ym_policy_tristate {
	YM_POLICY_UNKNOWN = 0,
	YM_POLICY_NO = 1,
	YM_POLICY_YES = 2
} ym_policy_tristate;

/* SSVC vocabularies the policy maps ledger facts to; the decision tables
 * themselves are in risk/ssvc. */
typedef enum ym_policy_ssvc_exposure {
	YM_POLICY_SSVC_SMALL = 0,
	YM_POLICY_SSVC_CONTROLLED = 1,
	YM_POLICY_SSVC_OPEN = 2
} ym_policy_ssvc_exposure;

typedef enum ym_policy_mission {
	YM_POLICY_MISSION_DEGRADED = 0,
	YM_POLICY_MISSION_MEF_SUPPORT_CRIPPLED = 1,
	YM_POLICY_MISSION_MEF_FAILURE = 2,
	YM_POLICY_MISSION_FAILURE = 3
} ym_policy_mission;

typedef enum ym_policy_safety {
	YM_POLICY_SAFETY_NEGLIGIBLE = 0,
	YM_POLICY_SAFETY_MARGINAL = 1,
	YM_POLICY_SAFETY_CRITICAL = 2,
	YM_POLICY_SAFETY_CATASTROPHIC = 3
} ym_policy_safety;

/* What decide_with names. */
enum {
	YM_POLICY_USE_SSVC = 1u << 0,   /* SSVC deployer tree */
	YM_POLICY_USE_MATRIX = 1u << 1  /* impact x likelihood matrix */
};

/* How SLAs are counted. */
typedef enum ym_policy_sla_kind {
	YM_POLICY_SLA_DAYS = 0,        /* decided_at + days */
	YM_POLICY_SLA_NEXT_WINDOW = 1, /* end of the next maintenance window */
	YM_POLICY_SLA_REVIEW = 2       /* defer: review at decided_at + days */
} ym_policy_sla_kind;

typedef enum ym_policy_window_kind {
	YM_POLICY_WIN_MONTHLY = 0, /* nth (or last) weekday of every month */
	YM_POLICY_WIN_WEEKLY = 1,  /* a weekday every week */
	YM_POLICY_WIN_DATES = 2    /* explicit dates */
} ym_policy_window_kind;

#define YM_POLICY_MAX_LEVELS 8      /* impact or likelihood levels */
#define YM_POLICY_MAX_RULES 64      /* rules in one list */
#define YM_POLICY_MAX_WINDOWS 32
#define YM_POLICY_MAX_DATES 366     /* dates in one window */
#define YM_POLICY_MAX_INPUT (1u << 20) /* 1 MiB of YAML */

/* A text in both languages; both always set (a plain string in the file
 * fills both). */
typedef struct ym_policy_text {
	const char *ja;
	const char *en;
} ym_policy_text;

/* One level of the impact or likelihood axis. */
typedef struct ym_policy_level {
	const char *id;       /* as written in the file: "high" */
	ym_policy_text label; /* for display */
} ym_policy_level;

/* Condition of a rule: every test whose bit is in has must hold (an empty
 * condition always holds). Lists in the file become bit masks: the fact
 * must be one of them. */
enum {
	YM_PC_KEV = 1u << 0,
	YM_PC_EXPLOITATION = 1u << 1,
	YM_PC_AUTOMATABLE = 1u << 2,
	YM_PC_EXPOSURE = 1u << 3,
	YM_PC_EPSS_HIGH = 1u << 4,
	YM_PC_EPSS_AT_LEAST = 1u << 5,
	YM_PC_EPSS_PCT_AT_LEAST = 1u << 6,
	YM_PC_CRITICALITY = 1u << 7,
	YM_PC_SAFETY = 1u << 8,
	YM_PC_DATA_KIND = 1u << 9,
	YM_PC_DATA_RECORDS = 1u << 10,
	YM_PC_OUTCOME = 1u << 11,
	YM_PC_IMPACT = 1u << 12,
	YM_PC_SYSTEMS = 1u << 13
};

typedef struct ym_policy_cond {
	unsigned has;              /* YM_PC_* bits of the tests present */
	bool kev;                  /* kev: listed in KEV (true) or not */
	unsigned exploitation;     /* bits 1 << ym_policy_exploitation,
				      tested on the effective value */
	ym_policy_tristate automatable; /* YES or NO */
	unsigned exposure;         /* bits 1 << ym_policy_exposure */
	bool epss_high;            /* EPSS high per thresholds (or not) */
	double epss_at_least;      /* EPSS probability >= this */
	double epss_percentile_at_least; /* EPSS percentile >= this */
	unsigned criticality;      /* bits 1 << ym_policy_criticality */
	bool safety_relevant;
	const char *const *data_kind; /* data_kind contains one of these */
	size_t n_data_kind;
	int64_t data_records_at_least; /* known and >= this */
	unsigned outcome;          /* escalation: bits 1 << ym_policy_outcome */
	unsigned impact;           /* escalation: bits 1 << impact level */
	int64_t systems_at_least;  /* escalation: matching systems >= this */
} ym_policy_cond;

/* A derivation rule (impact, likelihood, mission/safety impact). */
typedef struct ym_policy_rule {
	ym_policy_cond when;
	int level;              /* level index, or the SSVC enum value */
	ym_policy_text because; /* why, for explanations */
	long line;              /* line of the rule in the file */
} ym_policy_rule;

typedef struct ym_policy_rules {
	const ym_policy_rule *rule;
	size_t n;               /* 0 when the section is absent */
} ym_policy_rules;

typedef struct ym_policy_escalation {
	ym_policy_cond when;    /* has YM_PC_SYSTEMS always */
	ym_policy_text posture; /* e.g. CISO-led response */
	long line;
} ym_policy_escalation;

typedef struct ym_policy_outcome_def {
	ym_policy_text label;
	ym_policy_sla_kind sla;
	int days;               /* DAYS: SLA days; REVIEW: review_days */
} ym_policy_outcome_def;

typedef struct ym_policy_window {
	ym_policy_window_kind kind;
	ym_policy_text name;    /* optional in the file; "" when absent */
	int week;               /* MONTHLY: 1-5, or -1 for the last */
	int weekday;            /* MONTHLY, WEEKLY: 0 Sunday .. 6 Saturday */
	const int64_t *dates;   /* DATES: days since 1970-01-01, sorted */
	size_t n_dates;
	int start;              /* minutes after local midnight, 0-1439 */
	int end;                /* minutes after the start day's midnight,
				   start < end <= start + 1440 (crosses
				   midnight when > 1440) */
} ym_policy_window;

typedef struct ym_policy {
	const char *source;       /* name given to ym_policy_load */
	const char *name;
	int64_t version;
	ym_policy_text description; /* "" when absent */
	unsigned decide_with;     /* YM_POLICY_USE_* bits */
	int tz_offset;            /* minutes east of UTC */
	const char *timezone;     /* as written ("+09:00"), or "+09:00" */
	ym_policy_outcome_def outcome[YM_POLICY_OUTCOMES];
	int lead_days;            /* a window counts if it starts at least
				     this many days after the decision */
	const ym_policy_window *window;
	size_t n_windows;
	double epss_poc;          /* EPSS >= this: exploitation >= poc */
	double epss_high;         /* probability for "EPSS high"; <0 unset */
	double epss_high_percentile; /* percentile for it; <0 unset */
	ym_policy_level impact_level[YM_POLICY_MAX_LEVELS]; /* most severe
							       first */
	size_t n_impact_levels;
	ym_policy_level likelihood_level[YM_POLICY_MAX_LEVELS];
	size_t n_likelihood_levels; /* 0 without matrix */
	ym_policy_rules impact_rules;
	ym_policy_rules likelihood_rules;
	ym_policy_rules mission_rules; /* level is a ym_policy_mission */
	ym_policy_rules safety_rules;  /* level is a ym_policy_safety */
	bool has_ssvc_exposure;
	ym_policy_ssvc_exposure ssvc_exposure[YM_POLICY_EXPOSURES];
	/* matrix[impact][likelihood], valid when decide_with has MATRIX */
	ym_policy_outcome matrix[YM_POLICY_MAX_LEVELS][YM_POLICY_MAX_LEVELS];
	long matrix_line[YM_POLICY_MAX_LEVELS][YM_POLICY_MAX_LEVELS];
	const ym_policy_escalation *escalation;
	size_t n_escalations;
	ym_arena arena;           /* owns everything above */
} ym_policy;

/* ---- loading ---- */

/* Called once per problem found, in file order (at most 100). */
typedef void (*ym_policy_error_fn)(const ym_err *e, void *arg);

/* Parses a policy from text (len bytes; need not be NUL-terminated);
 * name is the file name used in messages. On success *out is a new policy
 * (free with ym_policy_free) and 0 is returned. On failure *out is NULL,
 * err holds the first problem (file, line, column, field = key path,
 * message) and the code (YM_E_PARSE for YAML syntax, YM_E_INVALID for
 * content, YM_E_TOOBIG over YM_POLICY_MAX_INPUT). */
int ym_policy_load(const char *text, size_t len, const char *name,
		   ym_policy **out, ym_err *err);
/* Same, and every problem (not only the first) is passed to fn. */
int ym_policy_load_all(const char *text, size_t len, const char *name,
		       ym_policy **out, ym_err *err, ym_policy_error_fn fn,
		       void *arg);
/* The shipped default (data/policy/default.yaml). */
int ym_policy_load_default(ym_policy **out, ym_err *err);
/* The shipped default's YAML text; *len its size. */
const char *ym_policy_default_text(size_t *len);
void ym_policy_free(ym_policy *p);

/* ---- evaluation: pure, no allocation ---- */

/* Facts about a system from the ledger. */
typedef struct ym_policy_asset {
	ym_policy_criticality criticality;
	bool safety_relevant;
	const char *data_kind;    /* free text ("個人情報"), NULL if none */
	int64_t data_records;     /* records held, -1 unknown */
	ym_policy_exposure exposure;
} ym_policy_asset;

/* Facts about one vulnerability on one system. */
typedef struct ym_policy_evidence {
	bool kev;                 /* listed in CISA KEV */
	double epss;              /* EPSS probability 0-1, < 0 unknown */
	double epss_percentile;   /* EPSS percentile 0-1, < 0 unknown */
	ym_policy_exploitation exploitation; /* reported status */
	ym_policy_tristate automatable;
	ym_policy_exposure exposure; /* the system's, from the ledger */
} ym_policy_evidence;

typedef struct ym_policy_impact_result {
	int impact;        /* OUT: index into impact_level */
	int impact_rule;   /* OUT: index into impact_rules */
	int mission;       /* OUT: ym_policy_mission, -1 without SSVC */
	int mission_rule;  /* OUT: index into mission_rules, -1 */
	int safety;        /* OUT: ym_policy_safety, -1 without SSVC */
	int safety_rule;   /* OUT: index into safety_rules, -1 */
} ym_policy_impact_result;

/* Derives the impact level (and SSVC mission and safety impact when the
 * policy uses SSVC) from the first rule of each list that holds. */
void ym_policy_impact(const ym_policy *p, const ym_policy_asset *a,
		      ym_policy_impact_result *out);

typedef struct ym_policy_likelihood_result {
	int likelihood;    /* OUT: index into likelihood_level, -1 without
			      matrix */
	int rule;          /* OUT: index into likelihood_rules, -1 */
	ym_policy_exploitation exploitation; /* OUT: effective value */
	ym_policy_expl_source exploitation_from; /* OUT: why */
	bool epss_high;    /* OUT: EPSS high per the thresholds */
} ym_policy_likelihood_result;

/* Effective exploitation: the reported status, raised to active by KEV
 * and to poc by EPSS >= epss_poc. */
ym_policy_exploitation ym_policy_exploitation_of(
	const ym_policy *p, const ym_policy_evidence *e,
	ym_policy_expl_source *from);
/* True when EPSS is high per thresholds.epss_high / _percentile. */
bool ym_policy_epss_high(const ym_policy *p, const ym_policy_evidence *e);
void ym_policy_likelihood(const ym_policy *p, const ym_policy_evidence *e,
			  ym_policy_likelihood_result *out);

/* SSVC System Exposure for a ledger exposure (ssvc_exposure map; open
 * when the policy has none). */
ym_policy_ssvc_exposure ym_policy_ssvc_exposure_of(const ym_policy *p,
						   ym_policy_exposure e);

/* The matrix cell; the cell is (impact, likelihood) itself. Returns 0, or
 * YM_E_INVALID when the policy has no matrix or an index is out of
 * range. */
int ym_policy_matrix_outcome(const ym_policy *p, int impact, int likelihood,
			     ym_policy_outcome *out);

/* Which input decided the final outcome. */
typedef enum ym_policy_decider {
	YM_POLICY_BY_SSVC = 0,
	YM_POLICY_BY_MATRIX = 1,
	YM_POLICY_BY_BOTH = 2     /* both gave the same outcome */
} ym_policy_decider;

/* The final outcome per decide_with: the SSVC outcome, the matrix
 * outcome, or with both the more urgent of the two (the matrix as an
 * overlay). Pass -1 for an input the policy does not use. */
ym_policy_outcome ym_policy_combine(const ym_policy *p, int ssvc_outcome,
				    int matrix_outcome,
				    ym_policy_decider *by);

typedef struct ym_policy_deadline {
	ym_policy_sla_kind kind; /* OUT: how it was counted */
	int64_t due;          /* OUT: unix time: decided_at + days, or the
				 window's end */
	char due_date[11];    /* OUT: local date of due, YYYY-MM-DD */
	int days;             /* OUT: DAYS/REVIEW: days added; NEXT_WINDOW: 0 */
	int window;           /* OUT: index into window, -1 */
	int64_t window_start; /* OUT: unix time the window opens, 0 */
} ym_policy_deadline;

/* Deadline of an outcome decided at decided_at (unix time). Local dates
 * and windows use the policy's fixed UTC offset. Returns 0, or
 * YM_E_NOTFOUND (err says why) when no window starts within 400 days. */
int ym_policy_deadline_of(const ym_policy *p, ym_policy_outcome o,
			  int64_t decided_at, ym_policy_deadline *out,
			  ym_err *err);

/* "YYYY-MM-DD" (local midnight in the policy's zone), "YYYY-MM-DDTHH:MM",
 * "...:SS", optionally with "Z" or "+HH:MM" (else local), or "@UNIX".
 * Returns 0 or YM_E_INVALID. */
int ym_policy_time_parse(const ym_policy *p, const char *s, int64_t *out,
			 ym_err *err);
/* "YYYY-MM-DD HH:MM +09:00" in the policy's zone; cap >= 32. */
void ym_policy_time_format(const ym_policy *p, int64_t t, char *buf,
			   size_t cap);

/* Aggregate counts for escalation: systems by outcome, impact level,
 * exposure and KEV. Plain value; zero it to start. */
typedef struct ym_policy_tally {
	int64_t n[YM_POLICY_OUTCOMES][YM_POLICY_MAX_LEVELS]
		 [YM_POLICY_EXPOSURES][2];
} ym_policy_tally;

/* Counts one system (impact: level index; out of range is ignored). */
void ym_policy_tally_add(ym_policy_tally *t, ym_policy_outcome o,
			 int impact, ym_policy_exposure exposure, bool kev);

typedef struct ym_policy_fired {
	int rule;       /* index into escalation */
	int64_t count;  /* systems that matched its condition */
} ym_policy_fired;

/* Escalation rules that hold for the tally, in file order; writes at
 * most cap to fired and returns how many hold. */
size_t ym_policy_escalations(const ym_policy *p, const ym_policy_tally *t,
			     ym_policy_fired *fired, size_t cap);

/* ---- names and explanations ---- */

/* Codes as in the file: "immediate", "out_of_cycle", "scheduled",
 * "defer"; "internet", ...; "none", "poc", "active"; "small", ...;
 * "degraded", ...; "negligible", ... */
const char *ym_policy_outcome_code(ym_policy_outcome o);
const char *ym_policy_exposure_code(ym_policy_exposure e);
const char *ym_policy_criticality_code(ym_policy_criticality c);
const char *ym_policy_exploitation_code(ym_policy_exploitation x);
const char *ym_policy_ssvc_exposure_code(ym_policy_ssvc_exposure x);
const char *ym_policy_mission_code(ym_policy_mission m);
const char *ym_policy_safety_code(ym_policy_safety s);
/* Parses the ledger's words (exposure, criticality); NULL or unknown
 * words give UNKNOWN. */
ym_policy_exposure ym_policy_exposure_parse(const char *s);
ym_policy_criticality ym_policy_criticality_parse(const char *s);
/* Outcome from its code; -1 if unknown. */
int ym_policy_outcome_parse(const char *s);

/* t->ja when lang is "ja", else t->en. */
const char *ym_policy_text_in(const ym_policy_text *t, const char *lang);

/* One line each, in lang ("ja" or "en"), appended to out:
 *   policy 'default' v3: impact high (rule 2: personal data ...)
 *   policy 'default' v3: likelihood high (rule 1: listed in KEV)
 *   policy 'default' v3: matrix impact high x likelihood high: immediate
 *   policy 'default' v3: immediate: due 2026-11-22 (1 day)
 */
void ym_policy_explain_impact(const ym_policy *p,
			      const ym_policy_impact_result *r,
			      const char *lang, struct ym_buf *out);
void ym_policy_explain_likelihood(const ym_policy *p,
				  const ym_policy_likelihood_result *r,
				  const char *lang, struct ym_buf *out);
void ym_policy_explain_matrix(const ym_policy *p, int impact,
			      int likelihood, const char *lang,
			      struct ym_buf *out);
void ym_policy_explain_deadline(const ym_policy *p, ym_policy_outcome o,
				const ym_policy_deadline *d,
				const char *lang, struct ym_buf *out);

#endif
