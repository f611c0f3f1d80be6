/* cpe_eval.h - NVD-style CPE configurations evaluated against what an
 * asset runs.
 *
 * A source record's CPE criteria arrive flattened as ym_cpe_criterion rows
 * (store/store.h). ym_cpe_config_build groups them back into the tree the
 * record stated - configurations (AND|OR of nodes), nodes (AND|OR of
 * criteria, maybe negated) - and parses every criteria name and version
 * bound once. ym_cpe_eval then decides whether one component of an asset
 * is affected, given the asset's platform CPEs (its OS and hardware), with
 * a confidence and the criterion that decided; ym_cpe_eval_evidence
 * writes that as JSON for the finding. docs/cpe-eval.md has the rules,
 * the confidence levels and the version scheme table.
 *
 * Ownership: rows and strings passed in are borrowed; everything built
 * lives in the caller's arena (the config copies what it keeps, so the
 * rows may go away after the build). A built config is read-only and may
 * be shared between threads. A subject (component or platform) caches its
 * version parsed per scheme, so evaluation writes to it: one thread per
 * subject. Evaluation allocates nothing.
 */
#ifndef YM_MATCH_CPE_EVAL_H
#define YM_MATCH_CPE_EVAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/err.h"
#include "core/json.h"
#include "ids/cpe.h"
#include "ids/cpe_names.h"
#include "store/store.h"
#include "version/version.h"

/* --- Configurations --- */

/* A dotted-digits version ("2.15.0") as numbers: under the generic
 * scheme such versions order as these arrays do (a prefix is lower). */
#define YM_CPE_NUMKEY_MAX 8
typedef struct ym_cpe_numkey {
	uint64_t v[YM_CPE_NUMKEY_MAX];
	uint8_t n; /* parts used */
} ym_cpe_numkey;

/* One criterion (one input row), parsed. */
typedef struct ym_cpe_crit {
	size_t row;          /* index of the row in the input */
	int config;          /* configuration index */
	int node;            /* node index within the configuration */
	bool vulnerable;     /* false: a "running on/with" platform */
	bool unparsed;       /* the source's words could not be read */
	bool bounded;        /* some bound is set and the version is ANY:
			      * the bounds decide the version */
	bool bad_bounds;     /* bounded, but a bound no scheme reads: the
			      * criterion never matches */
	bool family;         /* a platform name that stands for a family
			      * (microsoft:windows, apple:macos) */
	bool platform_part;  /* part o, h or ANY: a vulnerable criterion
			      * the platforms may meet */
	ym_scheme scheme;    /* scheme the bounds were parsed with */
	uint32_t phash;      /* hash of the product, case aside; 0 when it
			      * is not a plain value (fast reject) */
	ym_cpe cpe;          /* parsed criteria */
	const char *criteria; /* CPE 2.3 formatted string, as given */
	const char *bound[5]; /* by ym_cpe_bound (0 unused): unquoted text,
			       * NULL when absent */
	const ym_version *parsed[5]; /* the bounds parsed in scheme; NULL
				      * for those kept as numbers only */
	const ym_cpe_numkey *num[5]; /* GENERIC and dotted digits only: the
				      * fast form; else NULL */
	const char *text;     /* the source's version words, or NULL */
	const char *match_id; /* NVD matchCriteriaId, or NULL */
} ym_cpe_crit;

typedef struct ym_cpe_node {
	int index;           /* node index within the configuration */
	bool and_op;         /* AND (else OR) over its criteria */
	bool negate;         /* the node's value is inverted */
	const ym_cpe_crit *crit; /* n_crit criteria in row order */
	size_t n_crit;
} ym_cpe_node;

/* Products the vulnerable criteria name, for a fast reject: a component
 * whose product hash is not among them cannot match (unless wild). */
typedef struct ym_cpe_prefilter {
	const uint32_t *hash; /* sorted, unique ym_cpe_crit.phash values */
	size_t n;
	bool wild;            /* some vulnerable criterion has phash 0 */
} ym_cpe_prefilter;

typedef struct ym_cpe_cfg {
	int index;           /* configuration index */
	bool and_op;         /* AND (else OR) over its nodes */
	const ym_cpe_node *nodes;
	size_t n_nodes;
	ym_cpe_prefilter pre; /* of this configuration */
} ym_cpe_cfg;

/* Every configuration of one source record. */
typedef struct ym_cpe_config {
	const ym_cpe_cfg *cfgs; /* in configuration index order */
	size_t n_cfgs;
	ym_cpe_prefilter pre;   /* of all configurations */
	size_t n_crit;          /* rows in all */
	size_t n_bad_bounds;    /* criteria with unreadable bounds */
} ym_cpe_config;

/* Builds the tree from the rows of ONE source record, in any order.
 * Fails (YM_E_INVALID, message and field naming the row: "cpes[3]") on a
 * criteria that is not a CPE 2.3 name, an operator other than "AND" or
 * "OR" (NULL is OR), a negative index, configuration indices that are not
 * 0..n-1 or node indices within a configuration that are not 0..m-1, and
 * rows of one configuration (node) that disagree on its operator (or
 * negate flag). n == 0 gives an empty config, which matches nothing. */
int ym_cpe_config_build(const ym_cpe_criterion *rows, size_t n,
			ym_arena *a, ym_cpe_config *out, ym_err *err);

/* The scheme for a criterion's bounds (docs/cpe-eval.md): by target_sw
 * (node.js -> npm, python -> pypi, ...), by vendor:product for OpenSSL,
 * else GENERIC. */
ym_scheme ym_cpe_scheme_for(const ym_cpe *c);

/* --- Subjects: the component examined and the asset's platforms --- */

typedef enum ym_cpe_origin {
	YM_CPE_FROM_CPE,        /* a CPE the inventory gave */
	YM_CPE_FROM_NAME,       /* vendor/product given, no CPE */
	YM_CPE_FROM_NORMALISED  /* vendor/product guessed from a name */
} ym_cpe_origin;

#define YM_CPE_SUBJECT_CACHE 3

typedef struct ym_cpe_subject {
	ym_cpe cpe;            /* version: WFN, a prefix keeps its '*' */
	const char *text;      /* the name as FS, for evidence */
	ym_cpe_origin origin;
	bool prefix;           /* the version is a prefix ("2.14*") */
	const char *vraw;      /* version unquoted (a prefix without '*'
				* and trailing '.'); NULL if ANY or NA */
	const char *vwfn;      /* same in WFN form */
	uint32_t vwfn_len;
	bool vbad;             /* the version has wildcards other than one
				* trailing '*': never within bounds */
	uint32_t phash;        /* as ym_cpe_crit.phash */
	bool has_num;          /* num holds the version (dotted digits) */
	ym_cpe_numkey num;
	/* versions parsed per scheme, filled by evaluation */
	struct {
		ym_scheme scheme;
		bool ok;       /* the scheme read the version */
		ym_version v;
	} cache[YM_CPE_SUBJECT_CACHE];
	unsigned n_cache, next_slot;
} ym_cpe_subject;

/* From a CPE (formatted string or URI; a formatted string may stop
 * early, "cpe:2.3:o:debian:debian_linux:12", the rest being ANY).
 * version (may be NULL or "") is the inventory's version text, used
 * when the CPE's version is ANY: "*" alone is ANY, "-" NA, a trailing
 * '*' makes a prefix ("2.14.*"). */
int ym_cpe_subject_from_cpe(ym_cpe_subject *s, const char *cpe,
			    const char *version, ym_arena *a, ym_err *err);
/* Name-only: vendor (NULL = any vendor), product and version as raw text
 * (quoted here), part ANY. normalised: they came from
 * ym_cpe_name_candidates. Every match of such a subject is low
 * confidence. */
int ym_cpe_subject_from_name(ym_cpe_subject *s, const char *vendor,
			     const char *product, const char *version,
			     bool normalised, ym_arena *a, ym_err *err);

/* --- Evaluation --- */

typedef enum ym_cpe_confidence {
	YM_CPE_CONF_NONE,   /* not matched */
	YM_CPE_CONF_LOW,
	YM_CPE_CONF_MEDIUM,
	YM_CPE_CONF_HIGH
} ym_cpe_confidence;

/* What the platform condition of the deciding configuration came to. */
typedef enum ym_cpe_platform_check {
	YM_CPE_PLATFORM_NONE,      /* the configuration has none */
	YM_CPE_PLATFORM_SATISFIED, /* a platform of the asset satisfied it */
	YM_CPE_PLATFORM_UNCHECKED, /* undecided: platform unknown, or known
				    * without the version it asks for */
	YM_CPE_PLATFORM_FAILED     /* the known platform does not satisfy it */
} ym_cpe_platform_check;

/* Why the confidence is below high (bits). */
enum {
	YM_CPE_WHY_UNPARSED = 1 << 0,     /* low: criterion unparsed */
	YM_CPE_WHY_NAME_ONLY = 1 << 1,    /* low: component without CPE */
	YM_CPE_WHY_NORMALISED = 1 << 2,   /* low: names guessed */
	YM_CPE_WHY_VERSION_PREFIX = 1 << 3, /* medium: component version a
					     * prefix */
	YM_CPE_WHY_CRITERIA_WILDCARD = 1 << 4, /* medium: criteria version
						* with wildcards */
	YM_CPE_WHY_UNSPECIFIED = 1 << 5,  /* medium: criteria names an
					   * update/edition the component
					   * does not give */
	YM_CPE_WHY_PLATFORM_UNKNOWN = 1 << 6, /* medium: no platform CPE */
	YM_CPE_WHY_PLATFORM_PARTIAL = 1 << 7, /* medium: platform known,
					       * its version is not */
	YM_CPE_WHY_SCHEME_FALLBACK = 1 << 8,  /* medium: component version
					       * unreadable in the scheme,
					       * compared generically */
	YM_CPE_WHY_COUNT_ = 9
};

typedef struct ym_cpe_eval_result {
	bool matched;
	ym_cpe_confidence confidence; /* NONE when not matched */
	unsigned why;                 /* YM_CPE_WHY_* bits */
	/* The vulnerable criterion the component matched, in the deciding
	 * configuration; also set when not matched because the platform
	 * condition failed (platform == FAILED). NULL: no criterion names
	 * the component. */
	const ym_cpe_crit *crit;
	const ym_cpe_cfg *cfg;        /* its configuration and node */
	const ym_cpe_node *node;
	ym_cpe_bound bound;           /* the bound that decided: on a match
				       * the end bound satisfied (else the
				       * start bound); NONE without bounds */
	ym_cpe_platform_check platform;
	const ym_cpe_crit *platform_crit; /* the platform criterion that was
					   * satisfied (or failed), or NULL */
	int platform_index;           /* platforms[] that satisfied it, -1 */
} ym_cpe_eval_result;

/* Evaluates every configuration of cfg for component on an asset whose
 * platforms are platforms[0..n_platforms) (n_platforms == 0: platform
 * unknown). Fills *r with the best configuration (matched before not,
 * then higher confidence, then first) and returns r->matched. */
bool ym_cpe_eval(const ym_cpe_config *cfg, ym_cpe_subject *component,
		 ym_cpe_subject *platforms, size_t n_platforms,
		 ym_cpe_eval_result *r);

/* "none", "low", "medium", "high". */
const char *ym_cpe_confidence_name(ym_cpe_confidence c);
/* "none", "satisfied", "not_checked", "failed". */
const char *ym_cpe_platform_check_name(ym_cpe_platform_check p);
/* Machine name of one YM_CPE_WHY_* bit ("criterion_unparsed", ...);
 * NULL for anything else. */
const char *ym_cpe_why_name(unsigned bit);

/* Writes the evidence of r as one JSON object: method, config/node/
 * criterion (row, criteria, vulnerable, bounds, decisive bound, scheme,
 * source text), component, platform check, confidence and why. The
 * platforms are those given to ym_cpe_eval. docs/cpe-eval.md shows it. */
void ym_cpe_eval_evidence(const ym_cpe_eval_result *r,
			  const ym_cpe_subject *component,
			  const ym_cpe_subject *platforms, ym_jsonw *w);

/* Names without a CPE: ym_cpe_name_candidates, ids/cpe_names.h. */

#endif
