/* cpe.h - CPE 2.3 names: the well-formed name (WFN) model and its two
 * bindings (NISTIR 7695), name matching (NISTIR 7696) and NVD cpeMatch
 * criteria with version bounds.
 *
 * A ym_cpe holds the 11 attributes, each ANY, NA or a value kept in the
 * WFN internal form: letters, digits and '_' as they are, every other
 * printable ASCII character quoted with a backslash ("8\.0\.6001",
 * "foo\$bar"), and the unquoted wildcards '*' (one, at the start and/or
 * end) and '?' (a run at the start and/or end). The form is canonical:
 * two values are the same name part exactly when their bytes are equal
 * (case aside), so comparison never has to unquote.
 *
 * Parsing takes the formatted string ("cpe:2.3:a:vendor:product:..."),
 * the URI ("cpe:/a:vendor:product:version:update:edition:language", with
 * the packed edition "~ed~sw_edition~target_sw~target_hw~other") or the
 * WFN display form ("wfn:[part=\"a\",vendor=\"x\",version=ANY]"). All
 * values of one name go into one arena block; the strings are NUL-
 * terminated and live as long as the arena. Errors are YM_E_INVALID with
 * a message that quotes the name and names the attribute and the 0-based
 * byte position, e.g. "invalid CPE 'cpe:2.3:a:x': expected 13 components,
 * got 4". Everything here is thread-safe; matching allocates nothing.
 * docs/cpe.md has the rules and where we differ from other tools.
 */
#ifndef YM_IDS_CPE_H
#define YM_IDS_CPE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "version/version.h"

/* Longest input accepted, in bytes, and most bytes the 11 values may
 * take in WFN form together (real names stay under 300). Every binding
 * of a name within YM_CPE_MAX_VALUES stays within YM_CPE_MAX_LEN, so it
 * always parses back. */
#define YM_CPE_MAX_LEN 4096
#define YM_CPE_MAX_VALUES 1024

typedef enum ym_cpe_attr {
	YM_CPE_PART,
	YM_CPE_VENDOR,
	YM_CPE_PRODUCT,
	YM_CPE_VERSION,
	YM_CPE_UPDATE,
	YM_CPE_EDITION,
	YM_CPE_LANGUAGE,
	YM_CPE_SW_EDITION,
	YM_CPE_TARGET_SW,
	YM_CPE_TARGET_HW,
	YM_CPE_OTHER,
	YM_CPE_NATTR
} ym_cpe_attr;

typedef enum ym_cpe_kind {
	YM_CPE_ANY,  /* logical ANY: "*" in FS, empty in URI */
	YM_CPE_NA,   /* logical NA (not applicable): "-" in both */
	YM_CPE_VALUE
} ym_cpe_kind;

/* 16 bytes: a matcher holds eleven per criterion, millions of them. */
typedef struct ym_cpe_av {
	const char *s; /* YM_CPE_VALUE: WFN form, NUL-terminated; else NULL */
	uint32_t len;  /* bytes in s */
	uint8_t kind;  /* ym_cpe_kind */
	bool wild;     /* s holds an unquoted '*' or '?' */
} ym_cpe_av;

typedef struct ym_cpe {
	ym_cpe_av av[YM_CPE_NATTR]; /* indexed by ym_cpe_attr */
} ym_cpe;

/* "part", "vendor", ..., "target_hw", "other"; NULL out of range. */
const char *ym_cpe_attr_name(ym_cpe_attr a);

/* --- Parsing (unbinding) --- */

/* By prefix: "cpe:2.3:" formatted string, "cpe:/" URI, "wfn:[" WFN. */
int ym_cpe_parse(const char *s, ym_arena *a, ym_cpe *out, ym_err *err);
int ym_cpe_unbind_fs(const char *s, ym_arena *a, ym_cpe *out, ym_err *err);
/* URI values are lower-cased (CPE 2.2 names are case-insensitive). */
int ym_cpe_unbind_uri(const char *s, ym_arena *a, ym_cpe *out,
		      ym_err *err);
/* Unlisted attributes are ANY; values are ANY, NA or "quoted". */
int ym_cpe_parse_wfn(const char *s, ym_arena *a, ym_cpe *out, ym_err *err);

/* --- Building --- */

/* Every attribute ANY. */
void ym_cpe_init(ym_cpe *c);
/* Sets one attribute from a value in WFN form (validated as when
 * parsing, bare punctuation quoted; wildcards allowed); NULL sets ANY.
 * The string is copied. Fails if the values would exceed
 * YM_CPE_MAX_VALUES. */
int ym_cpe_set(ym_cpe *c, ym_cpe_attr attr, const char *wfn, ym_arena *a,
	       ym_err *err);
/* Raw text -> WFN form: quotes every character but letters, digits and
 * '_' ("1.2*" -> "1\.2\*"). Fails (YM_E_INVALID) on empty text, bytes
 * outside printable ASCII, or text longer than YM_CPE_MAX_LEN. */
int ym_cpe_quote(const char *raw, ym_buf *out, ym_err *err);
/* WFN form -> raw text: drops the quoting backslashes, keeps unquoted
 * wildcards as they are. */
void ym_cpe_unquote(const char *wfn, ym_buf *out);

/* --- Binding (appending to out) --- */

/* "cpe:2.3:a:microsoft:internet_explorer:8.0.6001:beta:*:*:*:*:*:*" */
void ym_cpe_bind_fs(const ym_cpe *c, ym_buf *out);
/* "cpe:/a:microsoft:internet_explorer:8.0.6001:beta"; trailing ANY
 * components dropped, '?' and '*' as %01 and %02. */
void ym_cpe_bind_uri(const ym_cpe *c, ym_buf *out);
/* "wfn:[part=\"a\",vendor=\"microsoft\",...,other=ANY]", all 11. */
void ym_cpe_format_wfn(const ym_cpe *c, ym_buf *out);

/* --- Matching (NISTIR 7696) --- */

typedef enum ym_cpe_rel {
	YM_CPE_DISJOINT,
	YM_CPE_SUBSET,   /* source is a subset of target */
	YM_CPE_SUPERSET, /* source is a superset of target */
	YM_CPE_EQUAL,
	YM_CPE_UNDEFINED /* for attributes: the target has wildcards; for
			  * names: none of the four holds */
} ym_cpe_rel;

/* "DISJOINT", "SUBSET", "SUPERSET", "EQUAL", "UNDEFINED". */
const char *ym_cpe_rel_name(ym_cpe_rel r);

/* One attribute: case-insensitive, wildcards of the source expand. */
ym_cpe_rel ym_cpe_compare_av(const ym_cpe_av *source,
			     const ym_cpe_av *target);
/* Whole names: DISJOINT if any attribute is; EQUAL if all are; SUBSET
 * (SUPERSET) if all are SUBSET (SUPERSET) or EQUAL; else UNDEFINED.
 * per_attr (may be NULL) receives the 11 attribute relations. */
ym_cpe_rel ym_cpe_compare(const ym_cpe *source, const ym_cpe *target,
			  ym_cpe_rel *per_attr);
/* source names target: the relation is SUPERSET or EQUAL. */
bool ym_cpe_match(const ym_cpe *source, const ym_cpe *target);

/* --- NVD cpeMatch criteria --- */

typedef struct ym_cpe_criteria {
	const ym_cpe *cpe;           /* parsed "criteria" */
	const char *start_including; /* versionStartIncluding; NULL or ""
				      * when absent; plain text, unquoted */
	const char *start_excluding;
	const char *end_including;
	const char *end_excluding;
} ym_cpe_criteria;

typedef enum ym_cpe_bound {
	YM_CPE_BOUND_NONE,
	YM_CPE_START_INCLUDING,
	YM_CPE_START_EXCLUDING,
	YM_CPE_END_INCLUDING,
	YM_CPE_END_EXCLUDING
} ym_cpe_bound;

typedef struct ym_cpe_verdict {
	bool match;         /* the criteria covers the target */
	ym_cpe_rel rel;     /* criteria vs target, version as decided */
	ym_cpe_attr attr;   /* no match: first attribute that is neither
			     * SUPERSET nor EQUAL; YM_CPE_NATTR on a match */
	bool by_bounds;     /* version judged by the bounds, not by 7696 */
	ym_cpe_bound bound; /* by_bounds: the bound the version failed, or
			     * on a match the end bound (else the start
			     * bound) it satisfied */
	const char *bound_version; /* that bound's text, NULL if none */
} ym_cpe_verdict;

/* "versionStartIncluding", ...; NULL for YM_CPE_BOUND_NONE. */
const char *ym_cpe_bound_name(ym_cpe_bound b);

/* Evaluates one cpeMatch entry against a target name. Attributes other
 * than version follow 7696. When some bound is set and the criteria's
 * version is ANY, the target's version (unquoted) must satisfy every
 * bound by ym_version_cmp in scheme s (0 means generic): inside gives
 * SUPERSET, outside DISJOINT, a target version of ANY SUBSET, NA
 * DISJOINT, one with wildcards UNDEFINED. Otherwise the version follows
 * 7696 and the bounds are ignored. Fails only when scheme s rejects the
 * target version or a bound (the message says which). */
int ym_cpe_nvd_match(const ym_cpe_criteria *c, const ym_cpe *target,
		     ym_scheme s, ym_cpe_verdict *v, ym_err *err);

#endif
