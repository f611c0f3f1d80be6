/* ssvc.h - SSVC (Stakeholder-Specific Vulnerability Categorization)
 * decision tables: loading, deciding, and the SSVCv2/ vector form.
 *
 * A table maps every combination of its decision points' values to one
 * outcome value. Tables are data (the .csv files in data/ssvc, compiled
 * into the binary; format in docs/ssvc.md). Load them once into a
 * registry, then decide as often as needed: the outcome of a combination
 * is one load from a dense array indexed by the mixed-radix number of the
 * value indexes, so ym_ssvc_decide_idx is O(1), allocation-free and
 * thread-safe on a registry nobody is adding to.
 *
 * A decision point may name a table that derives it (#from in the file):
 * the deployer tree's human_impact comes from the human-impact table's
 * mission_impact and safety_impact. The string and vector APIs follow
 * these links when the point itself is not given; with the integer API
 * the caller decides the sub-table first.
 *
 * Ownership: arguments are borrowed. Everything a registry hands out
 * (tables, points, values, strings) lives as long as the registry and is
 * read-only. Errors: 0 or a negative YM_E_* code with err filled
 * (file:line and the offending field for tables; the 1-based byte
 * position for vectors).
 */
#ifndef YM_RISK_SSVC_H
#define YM_RISK_SSVC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/err.h"

#define YM_SSVC_MAX_POINTS 16  /* decision points of one table */
#define YM_SSVC_MAX_VALUES 32  /* values of one decision point */
#define YM_SSVC_MAX_CELLS 65536 /* combinations of one table */
#define YM_SSVC_MAX_SEL 48     /* selections in one result */

typedef struct ym_ssvc_value {
	const char *key;  /* ours, lowercase: "public_poc" */
	const char *code; /* the SSVC value key: "P" */
	const char *name; /* the SSVC value name: "Public PoC" */
} ym_ssvc_value;

struct ym_ssvc_table;

typedef struct ym_ssvc_point {
	const char *key;     /* ours, lowercase: "exploitation" */
	const char *ns;      /* SSVC namespace: "ssvc", "cisa" */
	const char *code;    /* SSVC decision point key: "E" */
	const char *version; /* its version: "1.1.0" */
	const char *name;    /* its name: "Exploitation" */
	const ym_ssvc_value *values; /* in the SSVC order */
	unsigned nvalues;
	/* the table whose outcome this point is, or NULL */
	const struct ym_ssvc_table *from;
} ym_ssvc_point;

typedef struct ym_ssvc_table {
	const char *id;      /* tree name: "deployer" */
	const char *ns;      /* SSVC namespace of the table: "ssvc" */
	const char *code;    /* SSVC table key: "DT_DP" */
	const char *version; /* "1.0.0" */
	const char *name;    /* "Deployer Patch Application Priority" */
	const char *source;  /* where the facts come from (#source) */
	const char *file;    /* file name it was loaded from */
	const ym_ssvc_point *points; /* inputs, in column order */
	unsigned npoints;
	ym_ssvc_point outcome;
	uint32_t ncells;        /* product of the points' nvalues */
	const uint32_t *stride; /* per point: weight in the cell index */
	const uint8_t *cell;    /* outcome value index per cell */
	const uint32_t *row;    /* 0-based row (file order) per cell */
	const uint8_t *rows;    /* row r: npoints value indexes at
				 * rows[r * npoints], in file order */
} ym_ssvc_table;

/* --- loading ---------------------------------------------------------- */

typedef struct ym_ssvc_registry ym_ssvc_registry;

/* A registry holding every shipped table (data/ssvc, embedded). */
int ym_ssvc_registry_load(ym_ssvc_registry **out, ym_err *err);
/* An empty registry. */
ym_ssvc_registry *ym_ssvc_registry_new(void);
void ym_ssvc_registry_free(ym_ssvc_registry *reg);

/* Parses one table (data[0..len), need not be NUL-terminated; file names
 * it in errors) and adds it. Its #from links must name tables already in
 * the registry, with the same SSVC decision point and values. A table id
 * already present is an error. *out (may be NULL) gets the table. */
int ym_ssvc_registry_add(ym_ssvc_registry *reg, const char *file,
			 const char *data, size_t len,
			 const ym_ssvc_table **out, ym_err *err);

/* Tables in the order added; NULL past the end. */
const ym_ssvc_table *ym_ssvc_table_at(const ym_ssvc_registry *reg,
				      size_t i);
/* By tree id ("deployer"), case-insensitive; NULL if absent. */
const ym_ssvc_table *ym_ssvc_find(const ym_ssvc_registry *reg,
				  const char *id);

/* --- looking up names ------------------------------------------------- */

/* Index of the input point named by key, SSVC code or name (case-
 * insensitive; ' ', '-' and '_' are alike), or -1. */
int ym_ssvc_point_index(const ym_ssvc_table *t, const char *name);
/* Index of a value of p by key, code or name (as above), or -1. */
int ym_ssvc_value_index(const ym_ssvc_point *p, const char *name);

/* --- deciding: integers ----------------------------------------------- */

/* Cell of the value indexes idx[0..npoints), or -1 if one is out of
 * range. */
static inline long ym_ssvc_cell(const ym_ssvc_table *t, const uint8_t *idx)
{
	uint32_t c = 0;
	for (unsigned i = 0; i < t->npoints; i++) {
		if (idx[i] >= t->points[i].nvalues)
			return -1;
		c += t->stride[i] * idx[i];
	}
	return (long)c;
}

/* Outcome value index (into t->outcome.values) for the value indexes
 * idx[0..npoints), or -1 if one is out of range. O(npoints). */
static inline int ym_ssvc_decide_idx(const ym_ssvc_table *t,
				     const uint8_t *idx)
{
	long c = ym_ssvc_cell(t, idx);
	return c < 0 ? -1 : t->cell[c];
}

/* --- deciding: strings ------------------------------------------------ */

typedef struct ym_ssvc_input {
	const char *point; /* key, code or name of a decision point */
	const char *value; /* key, code or name of one of its values */
} ym_ssvc_input;

/* One decision point and its value in a result. */
typedef struct ym_ssvc_sel {
	const ym_ssvc_point *point;
	uint8_t value;   /* index into point->values */
	bool derived;    /* computed from a #from table, not given */
	bool is_outcome; /* the outcome of the tree itself */
} ym_ssvc_sel;

typedef struct ym_ssvc_result {
	const ym_ssvc_table *table;
	uint8_t idx[YM_SSVC_MAX_POINTS]; /* value index per input point */
	int outcome;      /* index into table->outcome.values */
	uint32_t row;     /* 0-based row of the table that was used */
	/* every point involved: the inputs of the tree (given or
	 * derived), the inputs of the tables they were derived from, and
	 * last the outcome */
	ym_ssvc_sel sel[YM_SSVC_MAX_SEL];
	unsigned nsel;
	char timestamp[40]; /* from a vector, "" if none */
} ym_ssvc_result;

/* Decides t for inputs in[0..n). A point of t that is not given is
 * derived from its #from table when that table's inputs are given; a
 * point given and also derivable must agree with the derivation, and a
 * given outcome must agree with the table. Errors (YM_E_INVALID) name
 * the unknown point, the invalid value, the point given twice, or the
 * first missing input. */
int ym_ssvc_decide(const ym_ssvc_table *t, const ym_ssvc_input *in,
		   size_t n, ym_ssvc_result *res, ym_err *err);

/* --- the vector form -------------------------------------------------- */

/* Writes res as "SSVCv2/KEY:VALUE/.../[TIMESTAMP/]": every selection of
 * res, KEY being the SSVC decision point key, prefixed "NS:" outside the
 * ssvc namespace, sorted by KEY in ASCII order; timestamp (RFC 3339,
 * may be NULL or "") last. Returns 0 or YM_E_INVALID for a bad
 * timestamp. */
int ym_ssvc_vector_format(const ym_ssvc_result *res, const char *timestamp,
			  ym_buf *out, ym_err *err);

/* Reads a vector (vec[0..len)) and decides it. t NULL: the one tree of
 * reg whose decision points include every key of the vector and whose
 * inputs are all given. A key is KEY, NS:KEY or NS:KEY:VERSION; values
 * and keys are case-sensitive codes. Errors (YM_E_PARSE, YM_E_INVALID)
 * give the 1-based byte position in err->column and the message. */
int ym_ssvc_vector_decide(const ym_ssvc_registry *reg,
			  const ym_ssvc_table *t, const char *vec, size_t len,
			  ym_ssvc_result *res, ym_err *err);

/* True for an RFC 3339 date-time (YYYY-MM-DDTHH:MM:SS[.frac](Z|+hh:mm)). */
bool ym_ssvc_is_timestamp(const char *s, size_t len);

#endif
