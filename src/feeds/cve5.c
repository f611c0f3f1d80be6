/* cve5.c - CVE JSON 5.x records into the normalised vulnerability model.
 *
 * A record is read straight from the DOM; strings handed to the sink point
 * into it. A record has one CNA container and any number of ADP containers
 * (CISA's vulnrichment adds CVSS, SSVC, CWE and CPEs; the CVE Program's
 * container repeats the references): the CNA is read first, so its words
 * win where the record's single values (preferred CVSS vector, first
 * reference of a URL) are chosen. Field paths for messages are kept as a
 * few (key, index) frames and only formatted when something is wrong. */
#include "feeds/cve5.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/buf.h"
#include "core/i18n.h"
#include "core/json.h"
#include "core/map.h"
#include "core/vec.h"
#include "feeds/nvd.h"
#include "ids/cpe.h"

#define NO_INDEX SIZE_MAX
#define MAX_DEPTH 6
/* More distinct CWE ids than any real record has; the cap keeps the
 * duplicate check linear on hostile input. */
#define MAX_CWES 64
/* Longest piece of a source's words copied into a row's text. */
#define MAX_WORD 200
/* A row for defaultStatus lists the unaffected entries up to this. */
#define MAX_TEXT 600
/* The longest vendor or product name made into a CPE value. */
#define MAX_NAME 256

/* One step of the path to the value being read: key[index]. */
typedef struct frame {
	const char *key;
	size_t index; /* NO_INDEX: not an array element */
} frame;

/* A set of strings for duplicates within one record; open addressing,
 * slots in the arena. */
typedef struct strset {
	const char **slot;
	size_t cap, n;
} strset;

/* A criteria of one affected entry. */
typedef struct cand {
	const char *fs; /* as a CPE 2.3 formatted string */
	ym_cpe cpe;     /* parsed, to put a single version into */
} cand;

/* A version entry of one affected entry, read and checked. */
typedef struct ventry {
	const ym_json *node;
	const char *status, *version, *less, *less_eq, *type;
	const ym_json *changes;
} ventry;

/* What one version entry (or the default status) says, before it is
 * combined with each criteria. */
typedef struct spec {
	const char *start_incl, *start_excl, *end_incl, *end_excl;
	const char *exact; /* a single version, for the CPE's version */
	const char *text;
	bool unparsed;
} spec;

typedef YM_VEC(ym_cvss_entry) cvss_vec;
typedef YM_VEC(ym_cpe_criterion) cpe_vec;
typedef YM_VEC(cand) cand_vec;
typedef YM_VEC(ventry) ventry_vec;
typedef YM_VEC(spec) spec_vec;

typedef struct cve5 {
	const char *file;
	ym_arena *a;
	ym_err *err;
	const ym_feed_ctx *fc;
	bool in_array;     /* the file holds an array: paths start "[i]." */
	size_t index;
	const char *id;    /* the record's id once read, for messages */
	frame path[MAX_DEPTH];
	int depth;
	/* the record being read; the vectors are reused from record to
	 * record and copied into the arena when it is emitted */
	cvss_vec cvss;
	int best_rank;     /* preferred CVSS entry: CNA first, newest */
	size_t best;
	cpe_vec cpes;
	int config;        /* next configuration index */
	strset rows;       /* rows already made, as keys */
	cand_vec cands;    /* the current affected entry */
	ventry_vec vents;
	spec_vec specs;
	const char **cwes; /* MAX_CWES + 1 slots once the first is found */
	size_t n_cwes;
	strset urls;
	ym_buf refs;
	ym_jsonw refw;
	size_t n_refs;
	ym_buf rem;        /* remediations */
	ym_buf tmp;        /* CPE bindings, row texts and keys */
} cve5;

/* ---- strset ---- */

static void strset_grow(strset *s, ym_arena *a)
{
	size_t cap = s->cap ? 2 * s->cap : 16;
	const char **slot = ym_arena_zalloc(a, cap * sizeof *slot);
	for (size_t i = 0; i < s->cap; i++) {
		const char *k = s->slot[i];
		if (!k)
			continue;
		size_t j = ym_hash(k, strlen(k)) & (cap - 1);
		while (slot[j])
			j = (j + 1) & (cap - 1);
		slot[j] = k;
	}
	s->slot = slot;
	s->cap = cap;
}

/* Adds key (n == strlen(key)) unless it is there; true when added. copy:
 * key is scratch text, keep a copy in the arena. */
static bool strset_add(strset *s, ym_arena *a, const char *key, size_t n,
		       bool copy)
{
	if (2 * (s->n + 1) > s->cap)
		strset_grow(s, a);
	size_t mask = s->cap - 1;
	size_t i = ym_hash(key, n) & mask;
	for (; s->slot[i]; i = (i + 1) & mask)
		if (strcmp(s->slot[i], key) == 0)
			return false;
	s->slot[i] = copy ? ym_arena_strndup(a, key, n) : key;
	s->n++;
	return true;
}

/* ---- messages ---- */

static void at_level(cve5 *c, int level, const char *key, size_t index)
{
	if (level >= MAX_DEPTH)
		return;
	c->path[level] = (frame){key, index};
	c->depth = level + 1;
}

static size_t addf(char *f, size_t cap, size_t n, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static size_t addf(char *f, size_t cap, size_t n, const char *fmt, ...)
{
	if (n >= cap)
		return n;
	va_list ap;
	va_start(ap, fmt);
	int k = vsnprintf(f + n, cap - n, fmt, ap);
	va_end(ap);
	return k < 0 ? n : n + (size_t)k;
}

/* "[3]." when in an array, the frames, then leaf. */
static void put_field(const cve5 *c, ym_err *e, const char *leaf)
{
	char f[256];
	size_t n = 0;
	f[0] = '\0';
	if (c->in_array)
		n = addf(f, sizeof f, n, "[%zu]", c->index);
	for (int i = 0; i < c->depth; i++) {
		n = addf(f, sizeof f, n, "%s%s", n ? "." : "", c->path[i].key);
		if (c->path[i].index != NO_INDEX)
			n = addf(f, sizeof f, n, "[%zu]", c->path[i].index);
	}
	if (leaf)
		addf(f, sizeof f, n, "%s%s", n ? "." : "", leaf);
	ym_err_field(e, "%s", f);
}

/* The record is malformed: msg about the value at, in field path+leaf. */
static int fail(cve5 *c, const ym_json *at, const char *leaf,
		const char *msg)
{
	ym_err_clear(c->err);
	ym_err_set(c->err, YM_E_INVALID, "%s", msg);
	ym_err_at(c->err, c->file, at ? (long)at->line : 0,
		  at ? (long)at->col : 0);
	put_field(c, c->err, leaf);
	return YM_E_INVALID;
}

/* The type's name in messages; translated only when one is written. */
static const char *type_name(ym_json_type t)
{
	switch (t) {
	case YM_JSON_STRING:
		return _("string");
	case YM_JSON_ARRAY:
		return _("array");
	case YM_JSON_OBJECT:
		return _("object");
	case YM_JSON_NUMBER:
		return _("number");
	default:
		return _("boolean");
	}
}

static int wrong_type(cve5 *c, const ym_json *at, const char *leaf,
		      ym_json_type want)
{
	char msg[128];
	snprintf(msg, sizeof msg, _("expected %s, got %s"), type_name(want),
		 ym_json_type_name(at->type));
	return fail(c, at, leaf, msg);
}

/* Something that leaves part of the record out but keeps the record. */
static void warn(cve5 *c, const ym_json *at, const char *leaf,
		 const char *msg)
{
	ym_err w = YM_ERR_INIT;
	ym_err_set(&w, YM_E_INVALID, "%s", msg);
	ym_err_at(&w, c->file, at ? (long)at->line : 0, at ? (long)at->col : 0);
	ym_err_record(&w, c->id);
	put_field(c, &w, leaf);
	ym_feed_warn(c->fc, &w);
}

static bool strict(const cve5 *c)
{
	/* no context: as ym_feed_bad_record, every problem stops */
	return !c->fc || c->fc->strict;
}

/* ---- typed access ---- */

static int opt_str(cve5 *c, const ym_json *obj, const char *key,
		   const char **out)
{
	const ym_json *v = ym_json_get(obj, key);
	*out = NULL;
	if (!v || v->type == YM_JSON_NULL)
		return 0;
	if (v->type != YM_JSON_STRING)
		return wrong_type(c, v, key, YM_JSON_STRING);
	*out = v->u.str.s;
	return 0;
}

static int opt_typed(cve5 *c, const ym_json *obj, const char *key,
		     ym_json_type type, const ym_json **out)
{
	const ym_json *v = ym_json_get(obj, key);
	*out = NULL;
	if (!v || v->type == YM_JSON_NULL)
		return 0;
	if (v->type != type)
		return wrong_type(c, v, key, type);
	*out = v;
	return 0;
}

static int opt_arr(cve5 *c, const ym_json *obj, const char *key,
		   const ym_json **out)
{
	return opt_typed(c, obj, key, YM_JSON_ARRAY, out);
}

static int opt_obj(cve5 *c, const ym_json *obj, const char *key,
		   const ym_json **out)
{
	return opt_typed(c, obj, key, YM_JSON_OBJECT, out);
}

static int opt_num(cve5 *c, const ym_json *obj, const char *key,
		   double dflt, double *out)
{
	const ym_json *v = ym_json_get(obj, key);
	*out = dflt;
	if (!v || v->type == YM_JSON_NULL)
		return 0;
	if (v->type != YM_JSON_NUMBER)
		return wrong_type(c, v, key, YM_JSON_NUMBER);
	*out = v->u.num.d;
	return 0;
}

/* A required member: absent (or null) is the message msgid (marked
 * with N_ by the caller, translated only when it is written). */
static int need(cve5 *c, const ym_json *obj, const char *key,
		ym_json_type type, const char *msgid, const ym_json **out)
{
	int rc = opt_typed(c, obj, key, type, out);
	if (!rc && !*out)
		return fail(c, obj, key, _(msgid));
	return rc;
}

static int want_obj(cve5 *c, const ym_json *v)
{
	if (v->type == YM_JSON_OBJECT)
		return 0;
	return wrong_type(c, v, NULL, YM_JSON_OBJECT);
}

/* ---- words ---- */

static bool word_in(const char *s, const char *const *list)
{
	for (; *list; list++)
		if (strcasecmp(s, *list) == 0)
			return true;
	return false;
}

/* A lower bound that means "from the first version". */
static bool from_start(const char *v)
{
	static const char *const w[] = {"", "0", "*", "-", "n/a",
					"unspecified", "unknown", NULL};
	return !v || word_in(v, w);
}

/* An upper bound that means "no end". */
static bool open_end(const char *v)
{
	return strcmp(v, "*") == 0;
}

static bool all_versions(const char *v)
{
	static const char *const w[] = {"*", "all", "all versions", "any",
					NULL};
	return v && word_in(v, w);
}

/* A single "version" that names no version at all. */
static bool unspecified(const char *v)
{
	static const char *const w[] = {"", "-", "n/a", "unspecified",
					"unknown", "various", NULL};
	return !v || word_in(v, w);
}

/* Text that reads as one version: printable ASCII without blanks,
 * comparison operators or wildcards, and at least one digit. */
static bool version_word(const char *s)
{
	bool digit = false;
	size_t n = 0;
	if (!s)
		return false;
	for (; s[n]; n++) {
		unsigned char ch = (unsigned char)s[n];
		if (ch <= 0x20 || ch >= 0x7f || strchr("<>=*,;|", ch))
			return false;
		digit |= ch >= '0' && ch <= '9';
	}
	return digit && n <= 128 && !strstr(s, "://");
}

/* s without blanks at either end (a copy only when it has some). */
static const char *trim(cve5 *c, const char *s)
{
	if (!s)
		return NULL;
	size_t b = 0, e = strlen(s);
	while (b < e && (s[b] == ' ' || s[b] == '\t'))
		b++;
	while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t'))
		e--;
	if (b == 0 && s[e] == '\0')
		return s;
	return ym_arena_strndup(c->a, s + b, e - b);
}

/* The comparison operator at *p ("<=", "<", ">=", ">", "="), skipped;
 * NULL when there is none. */
static const char *take_op(const char **p)
{
	static const char *const ops[] = {"<=", ">=", "<", ">", "="};
	for (size_t i = 0; i < sizeof ops / sizeof *ops; i++) {
		size_t n = strlen(ops[i]);
		if (strncmp(*p, ops[i], n) == 0) {
			*p += n;
			return ops[i];
		}
	}
	return NULL;
}

/* Puts version v under operator op into t; false when that bound is
 * already there. */
static bool put_bound(spec *t, const char *op, const char *v)
{
	bool lower = t->start_incl || t->start_excl;
	bool upper = t->end_incl || t->end_excl;
	if (t->exact || (op[0] == '>' && lower) || (op[0] == '<' && upper) ||
	    (op[0] == '=' && (lower || upper)))
		return false;
	if (strcmp(op, ">=") == 0)
		t->start_incl = v;
	else if (strcmp(op, ">") == 0)
		t->start_excl = v;
	else if (strcmp(op, "<=") == 0)
		t->end_incl = v;
	else if (strcmp(op, "<") == 0)
		t->end_excl = v;
	else
		t->exact = v;
	return true;
}

/* A range written in the version (">= 4.0.0, < 4.3.1" as GitHub writes
 * it, "All versions < V4.3.8" as Siemens does): comparators joined by
 * ','. True when every part reads and no bound comes twice. */
static bool read_comparators(cve5 *c, const char *text, spec *s)
{
	const char *p = text;
	spec t = {0};
	if (strncasecmp(p, "all versions", 12) == 0)
		p += 12;
	for (;;) {
		while (*p == ' ')
			p++;
		const char *op = take_op(&p);
		if (!op)
			return false;
		const char *e = strchr(p, ',');
		if (!e)
			e = p + strlen(p);
		const char *v =
			trim(c, ym_arena_strndup(c->a, p, (size_t)(e - p)));
		if (!version_word(v) || !put_bound(&t, op, v))
			return false;
		if (!*e)
			break;
		p = e + 1;
	}
	s->start_incl = t.start_incl;
	s->start_excl = t.start_excl;
	s->end_incl = t.end_incl;
	s->end_excl = t.end_excl;
	s->exact = t.exact;
	return true;
}

/* How many bytes of s to print for at most max: never half a UTF-8
 * character. */
static int cut(const char *s, int max)
{
	int n = 0;
	while (n < max && s[n])
		n++;
	if (s[n])
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	return n;
}

/* "version 1.0 lessThan 1.2 (semver)": the version entry's own words. */
static void put_words(ym_buf *b, const ventry *ve)
{
	const char *v = ve->version ? ve->version : "";
	ym_buf_printf(b, "version %.*s", cut(v, MAX_WORD), v);
	if (ve->less)
		ym_buf_printf(b, " lessThan %.*s", cut(ve->less, MAX_WORD),
			      ve->less);
	if (ve->less_eq)
		ym_buf_printf(b, " lessThanOrEqual %.*s",
			      cut(ve->less_eq, MAX_WORD), ve->less_eq);
	if (ve->type)
		ym_buf_printf(b, " (%.*s)", cut(ve->type, MAX_WORD), ve->type);
	for (size_t i = 0; i < ym_json_len(ve->changes) && b->len < MAX_TEXT;
	     i++) {
		const ym_json *ch = ym_json_at(ve->changes, i);
		const char *at = ym_json_string(ym_json_get(ch, "at"));
		const char *st = ym_json_string(ym_json_get(ch, "status"));
		at = at ? at : "?";
		st = st ? st : "?";
		ym_buf_printf(b, "%s%.*s %.*s", i ? ", " : ", changes: ",
			      cut(at, MAX_WORD), at, cut(st, MAX_WORD), st);
	}
}

/* ---- record parts ---- */

static int read_id(cve5 *c, const ym_json *meta, ym_vuln *v)
{
	const ym_json *id = ym_json_get(meta, "cveId");
	if (!id || id->type == YM_JSON_NULL)
		return fail(c, meta, "cveId",
			    _("record has no id (required)"));
	if (id->type != YM_JSON_STRING)
		return wrong_type(c, id, "cveId", YM_JSON_STRING);
	c->id = id->u.str.s;
	if (!ym_nvd_cve_id_valid(id->u.str.s, id->u.str.len)) {
		char msg[256];
		snprintf(msg, sizeof msg,
			 _("invalid CVE id '%s' (expected CVE-YYYY-NNNN)"),
			 id->u.str.s);
		return fail(c, id, "cveId", msg);
	}
	v->vuln_id = id->u.str.s;
	return 0;
}

/* [{lang, value}] -> the first English and the first Japanese value. */
static int read_lang_texts(cve5 *c, const ym_json *con, const char *key,
			   const char **en, const char **ja)
{
	const ym_json *list;
	c->depth = 2; /* the container */
	int rc = opt_arr(c, con, key, &list);
	*en = *ja = NULL;
	for (size_t i = 0; !rc && list && i < list->u.arr.n; i++) {
		const ym_json *d = list->u.arr.items[i];
		const char *lang, *value;
		at_level(c, 2, key, i);
		if ((rc = want_obj(c, d)) ||
		    (rc = opt_str(c, d, "lang", &lang)) ||
		    (rc = opt_str(c, d, "value", &value)))
			break;
		if (value && !*en && ym_nvd_lang_en(lang))
			*en = value;
		else if (value && !*ja && ym_nvd_lang_ja(lang))
			*ja = value;
	}
	return rc;
}

/* solutions / workarounds -> {"category":..,"details":..}, the English
 * ones (all of them when none is English). */
static int write_remedies(cve5 *c, ym_jsonw *w, const ym_json *cna,
			  const char *key, const char *category, size_t *n)
{
	const ym_json *list;
	c->depth = 2; /* the container */
	bool any_en = false;
	int rc = opt_arr(c, cna, key, &list);
	for (size_t i = 0; !rc && list && i < list->u.arr.n; i++) {
		const ym_json *s = list->u.arr.items[i];
		const char *lang, *value;
		at_level(c, 2, key, i);
		if ((rc = want_obj(c, s)) ||
		    (rc = opt_str(c, s, "lang", &lang)) ||
		    (rc = opt_str(c, s, "value", &value)))
			return rc;
		any_en |= value && ym_nvd_lang_en(lang);
	}
	for (size_t i = 0; !rc && list && i < list->u.arr.n; i++) {
		const ym_json *s = list->u.arr.items[i];
		const char *lang = ym_json_string(ym_json_get(s, "lang"));
		const char *value = ym_json_string(ym_json_get(s, "value"));
		if (!value || (any_en && !ym_nvd_lang_en(lang)))
			continue;
		ym_jsonw_obj_begin(w);
		ym_jsonw_kstr(w, "category", category);
		ym_jsonw_kstr(w, "details", value);
		ym_jsonw_obj_end(w);
		(*n)++;
	}
	return rc;
}

static int read_remediations(cve5 *c, const ym_json *cna, ym_vuln *v)
{
	ym_jsonw w;
	size_t n = 0;
	int rc;
	ym_buf_reset(&c->rem);
	ym_jsonw_init(&w, &c->rem, false);
	ym_jsonw_arr_begin(&w);
	if ((rc = write_remedies(c, &w, cna, "solutions", "vendor_fix", &n)) ||
	    (rc = write_remedies(c, &w, cna, "workarounds", "workaround", &n)))
		return rc;
	ym_jsonw_arr_end(&w);
	if (n)
		v->remediations =
			ym_arena_strndup(c->a, c->rem.ptr, c->rem.len);
	return 0;
}

/* CNA only: title, descriptions, the reason of a rejection, fixes. */
static int read_cna_texts(cve5 *c, const ym_json *cna, ym_vuln *v)
{
	const char *en, *ja;
	int rc;
	c->depth = 2; /* the container */
	if ((rc = opt_str(c, cna, "title", &v->title)) ||
	    (rc = read_lang_texts(c, cna, "descriptions", &v->summary,
				  &v->summary_ja)))
		return rc;
	if (v->rejected) {
		if ((rc = read_lang_texts(c, cna, "rejectedReasons", &en, &ja)))
			return rc;
		if (en)
			v->summary = en;
		if (ja)
			v->summary_ja = ja;
	}
	return read_remediations(c, cna, v);
}

/* Newest first: the preferred vector is the newest of the CNA, else the
 * newest of the first ADP that has one. */
static const struct cvss_key {
	const char *key;
	const char *version;
} cvss_keys[] = {
	{"cvssV4_0", "4.0"},
	{"cvssV3_1", "3.1"},
	{"cvssV3_0", "3.0"},
	{"cvssV2_0", "2.0"},
};

static int read_cvss(cve5 *c, const ym_json *o, int group,
		     const char *origin, bool is_cna)
{
	const char *ver, *sev;
	double score;
	int rc;
	const ym_json *vec = ym_json_get(o, "vectorString");
	if (!vec || vec->type == YM_JSON_NULL)
		return fail(c, o, "vectorString",
			    _("CVSS metric has no vectorString"));
	if (vec->type != YM_JSON_STRING)
		return wrong_type(c, vec, "vectorString", YM_JSON_STRING);
	if ((rc = opt_str(c, o, "version", &ver)) ||
	    (rc = opt_num(c, o, "baseScore", -1, &score)) ||
	    (rc = opt_str(c, o, "baseSeverity", &sev)))
		return rc;
	ym_cvss_entry e = {
		.version = ver ? ver : cvss_keys[group].version,
		.vector = vec->u.str.s,
		.base_score = score,
		.severity = ym_nvd_rating_lower(sev, c->a),
		.origin = origin,
		.kind = is_cna ? "Primary" : "Secondary",
	};
	int rank = (is_cna ? 0 : 100) + group;
	if (rank < c->best_rank) {
		c->best_rank = rank;
		c->best = c->cvss.n;
	}
	ym_vec_push(&c->cvss, e);
	return 0;
}

/* metrics[].other {type "ssvc", content {options, timestamp, version}}:
 * read leniently, a shape we do not know leaves the points out. */
static void read_ssvc(cve5 *c, const ym_json *other, const char *origin,
		      ym_vuln *v)
{
	const char *type = ym_json_string(ym_json_get(other, "type"));
	const ym_json *content = ym_json_get(other, "content");
	if (!type || strcasecmp(type, "ssvc") != 0 ||
	    !ym_json_is(content, YM_JSON_OBJECT))
		return;
	ym_ssvc_points *p = ym_arena_zalloc(c->a, sizeof *p);
	p->origin = origin;
	p->timestamp = ym_json_string(ym_json_get(content, "timestamp"));
	p->version = ym_json_string(ym_json_get(content, "version"));
	const ym_json *opts = ym_json_get(content, "options");
	for (size_t j = 0; j < ym_json_len(opts); j++) {
		const ym_json *o = ym_json_at(opts, j);
		for (size_t k = 0; k < ym_json_len(o); k++) {
			const ym_json_member *m = &o->u.obj.m[k];
			ym_nvd_ssvc_point pt = ym_nvd_ssvc_point_of(m->key);
			const char *w =
				ym_nvd_ssvc_value(pt, ym_json_string(m->val));
			if (pt == YM_SSVC_EXPLOITATION)
				p->exploitation = w;
			else if (pt == YM_SSVC_AUTOMATABLE)
				p->automatable = w;
			else if (pt == YM_SSVC_TECHNICAL_IMPACT)
				p->technical_impact = w;
			if (pt != YM_SSVC_UNKNOWN_POINT && !w) {
				int depth = c->depth;
				at_level(c, depth, "other", NO_INDEX);
				at_level(c, depth + 1, "content", NO_INDEX);
				at_level(c, depth + 2, "options", j);
				warn(c, m->val, m->key,
				     _("unknown SSVC value (kept out)"));
				c->depth = depth;
			}
		}
	}
	v->ssvc = p;
}

static int read_metrics(cve5 *c, const ym_json *con, const char *origin,
			bool is_cna, ym_vuln *v)
{
	const ym_json *list;
	c->depth = 2; /* the container */
	int rc = opt_arr(c, con, "metrics", &list);
	for (size_t i = 0; !rc && list && i < list->u.arr.n; i++) {
		const ym_json *m = list->u.arr.items[i];
		at_level(c, 2, "metrics", i);
		if ((rc = want_obj(c, m)))
			return rc;
		for (int g = 0; g < (int)(sizeof cvss_keys / sizeof *cvss_keys);
		     g++) {
			const ym_json *o;
			at_level(c, 2, "metrics", i);
			if ((rc = opt_obj(c, m, cvss_keys[g].key, &o)))
				return rc;
			if (!o)
				continue;
			at_level(c, 3, cvss_keys[g].key, NO_INDEX);
			if ((rc = read_cvss(c, o, g, origin, is_cna)))
				return rc;
		}
		at_level(c, 2, "metrics", i);
		const ym_json *other = ym_json_get(m, "other");
		if (!is_cna && !v->ssvc && other)
			read_ssvc(c, other, origin, v);
	}
	return rc;
}

static void add_cwe(cve5 *c, const char *id)
{
	if (!ym_nvd_cwe_id_valid(id))
		return;
	if (!c->cwes)
		c->cwes = ym_arena_alloc(c->a,
					 (MAX_CWES + 1) * sizeof *c->cwes);
	for (size_t k = 0; k < c->n_cwes; k++)
		if (strcmp(c->cwes[k], id) == 0)
			return;
	if (c->n_cwes < MAX_CWES)
		c->cwes[c->n_cwes++] = id;
}

/* "CWE-79 Improper Neutralization ..." -> "CWE-79" (for entries of type
 * CWE that lack a cweId). */
static const char *leading_cwe(cve5 *c, const char *text)
{
	size_t n = 4;
	if (strncmp(text, "CWE-", 4) != 0)
		return NULL;
	while (text[n] >= '0' && text[n] <= '9')
		n++;
	if (n == 4 || (text[n] && text[n] != ' ' && text[n] != ':'))
		return NULL;
	return ym_arena_strndup(c->a, text, n);
}

static int read_problem_types(cve5 *c, const ym_json *con)
{
	const ym_json *list;
	c->depth = 2; /* the container */
	int rc = opt_arr(c, con, "problemTypes", &list);
	for (size_t i = 0; !rc && list && i < list->u.arr.n; i++) {
		const ym_json *pt = list->u.arr.items[i], *ds;
		at_level(c, 2, "problemTypes", i);
		if ((rc = want_obj(c, pt)) ||
		    (rc = opt_arr(c, pt, "descriptions", &ds)))
			return rc;
		for (size_t j = 0; ds && j < ds->u.arr.n; j++) {
			const ym_json *d = ds->u.arr.items[j];
			const char *cwe, *type, *text;
			at_level(c, 3, "descriptions", j);
			if ((rc = want_obj(c, d)) ||
			    (rc = opt_str(c, d, "cweId", &cwe)) ||
			    (rc = opt_str(c, d, "type", &type)) ||
			    (rc = opt_str(c, d, "description", &text)))
				return rc;
			bool cwe_type = type && strcasecmp(type, "CWE") == 0;
			if (!cwe && cwe_type && text)
				cwe = leading_cwe(c, text);
			add_cwe(c, cwe);
		}
	}
	return rc;
}

/* references -> {"url":..,"source": the container,"tags":[..]}, the
 * first of each URL. */
static int read_references(cve5 *c, const ym_json *con, const char *origin)
{
	const ym_json *list;
	c->depth = 2; /* the container */
	int rc = opt_arr(c, con, "references", &list);
	for (size_t i = 0; !rc && list && i < list->u.arr.n; i++) {
		const ym_json *r = list->u.arr.items[i], *url, *tags;
		at_level(c, 2, "references", i);
		if ((rc = want_obj(c, r)) ||
		    (rc = need(c, r, "url", YM_JSON_STRING,
			       N_("reference has no url (required)"), &url)) ||
		    (rc = opt_arr(c, r, "tags", &tags)))
			return rc;
		for (size_t k = 0; tags && k < tags->u.arr.n; k++)
			if (tags->u.arr.items[k]->type != YM_JSON_STRING) {
				at_level(c, 3, "tags", k);
				return wrong_type(c, tags->u.arr.items[k],
						  NULL, YM_JSON_STRING);
			}
		const char *u = url->u.str.s;
		if (!strset_add(&c->urls, c->a, u, strlen(u), false))
			continue;
		ym_jsonw *w = &c->refw;
		ym_jsonw_obj_begin(w);
		ym_jsonw_kstr(w, "url", u);
		if (origin)
			ym_jsonw_kstr(w, "source", origin);
		if (tags) {
			ym_jsonw_key(w, "tags");
			ym_jsonw_arr_begin(w);
			for (size_t k = 0; k < tags->u.arr.n; k++)
				ym_jsonw_str(w, tags->u.arr.items[k]->u.str.s);
			ym_jsonw_arr_end(w);
		}
		ym_jsonw_obj_end(w);
		c->n_refs++;
	}
	return rc;
}

/* ---- affected products -> CPE criteria ---- */

/* A cpes string: checked, kept as a formatted string. Not a CPE name:
 * strict, the record fails; else a warning and the name is left out. */
static int add_cand(cve5 *c, const ym_json *node)
{
	ym_err cerr = YM_ERR_INIT;
	cand k;
	const char *s = node->u.str.s;
	if (strlen(s) != node->u.str.len)
		ym_err_set(&cerr, YM_E_INVALID, "%s",
			   _("a NUL byte cannot be in a CPE name"));
	else
		ym_cpe_parse(s, c->a, &k.cpe, &cerr);
	if (cerr.code) {
		if (strict(c))
			return fail(c, node, NULL, cerr.msg);
		warn(c, node, NULL, cerr.msg);
		return 0;
	}
	k.fs = s;
	if (strncasecmp(s, "cpe:2.3:", 8) != 0) {
		/* a CPE 2.2 URI (Red Hat writes these) */
		ym_buf_reset(&c->tmp);
		ym_cpe_bind_fs(&k.cpe, &c->tmp);
		k.fs = ym_arena_strndup(c->a, c->tmp.ptr, c->tmp.len);
	}
	ym_vec_push(&c->cands, k);
	return 0;
}

/* A vendor or product name as a CPE value: lower case, runs of blanks
 * as one '_', bytes outside printable ASCII (a "™") left out. */
static int set_name(cve5 *c, ym_cpe *cpe, ym_cpe_attr attr, const char *raw,
		    ym_err *e)
{
	char norm[MAX_NAME + 1];
	size_t n = 0;
	bool blank = false;
	for (const char *p = raw; *p; p++) {
		unsigned char ch = (unsigned char)*p;
		if (ch == ' ' || ch == '\t') {
			blank = n > 0;
			continue;
		}
		if (ch < 0x20 || ch >= 0x7f)
			continue;
		if (n + 2 > MAX_NAME)
			return ym_err_set(e, YM_E_INVALID, "%s",
					  _("name too long for a CPE value"));
		if (blank)
			norm[n++] = '_';
		blank = false;
		if (ch >= 'A' && ch <= 'Z')
			ch = (unsigned char)(ch - 'A' + 'a');
		norm[n++] = (char)ch;
	}
	norm[n] = '\0';
	ym_buf_reset(&c->tmp);
	int rc = ym_cpe_quote(norm, &c->tmp, e);
	if (!rc)
		rc = ym_cpe_set(cpe, attr, c->tmp.ptr, c->a, e);
	return rc;
}

static bool no_name(const char *s)
{
	static const char *const w[] = {"", "-", "n/a", "unknown",
					"unspecified", NULL};
	return !s || word_in(s, w);
}

/* An entry without usable cpes: "cpe:2.3:a:VENDOR:PRODUCT:*:..." from
 * its names (vendor n/a: any vendor). No product: nothing to name. */
static void add_name_cand(cve5 *c, const ym_json *e, const char *vendor,
			  const char *product)
{
	ym_err err = YM_ERR_INIT;
	cand k;
	if (no_name(product))
		return;
	ym_cpe_init(&k.cpe);
	if (ym_cpe_set(&k.cpe, YM_CPE_PART, "a", c->a, &err) ||
	    (!no_name(vendor) &&
	     set_name(c, &k.cpe, YM_CPE_VENDOR, vendor, &err)) ||
	    set_name(c, &k.cpe, YM_CPE_PRODUCT, product, &err)) {
		char msg[1200];
		snprintf(msg, sizeof msg,
			 _("vendor and product cannot be written as a CPE "
			   "name (entry left out): %s"),
			 err.msg);
		warn(c, ym_json_get(e, "product"), "product", msg);
		return;
	}
	ym_buf_reset(&c->tmp);
	ym_cpe_bind_fs(&k.cpe, &c->tmp);
	k.fs = ym_arena_strndup(c->a, c->tmp.ptr, c->tmp.len);
	ym_vec_push(&c->cands, k);
}

/* versions[] -> c->vents, every member checked. */
static int read_versions(cve5 *c, const ym_json *list)
{
	int rc = 0;
	c->vents.n = 0;
	for (size_t j = 0; list && j < list->u.arr.n; j++) {
		const ym_json *o = list->u.arr.items[j];
		ventry ve = {.node = o};
		at_level(c, 3, "versions", j);
		if ((rc = want_obj(c, o)) ||
		    (rc = opt_str(c, o, "status", &ve.status)) ||
		    (rc = opt_str(c, o, "version", &ve.version)) ||
		    (rc = opt_str(c, o, "lessThan", &ve.less)) ||
		    (rc = opt_str(c, o, "lessThanOrEqual", &ve.less_eq)) ||
		    (rc = opt_str(c, o, "versionType", &ve.type)) ||
		    (rc = opt_arr(c, o, "changes", &ve.changes)))
			return rc;
		ym_vec_push(&c->vents, ve);
	}
	return rc;
}

static bool status_is(const ventry *ve, const char *status)
{
	return ve->status && strcasecmp(ve->status, status) == 0;
}

static bool is_git(const ventry *ve)
{
	return ve->type && strcasecmp(ve->type, "git") == 0;
}

static const char *finish_text(cve5 *c)
{
	return ym_arena_strndup(c->a, c->tmp.ptr, c->tmp.len);
}

/* One "affected" version entry. */
static void affected_spec(cve5 *c, const ventry *ve, const char *prefix)
{
	spec s = {0};
	const char *v = trim(c, ve->version);
	const char *less = trim(c, ve->less);
	const char *bound = less ? less : trim(c, ve->less_eq);
	if (bound) {
		if (!from_start(v)) {
			if (version_word(v))
				s.start_incl = v;
			else
				s.unparsed = true;
		}
		if (!open_end(bound)) {
			if (!version_word(bound))
				s.unparsed = true;
			else if (less)
				s.end_excl = bound;
			else
				s.end_incl = bound;
		}
	} else if (all_versions(v)) {
		/* every version: no bounds */
	} else if (unspecified(v)) {
		s.unparsed = true;
	} else if (strpbrk(v, "<>=")) {
		s.unparsed = !read_comparators(c, v, &s);
	} else if (version_word(v)) {
		s.exact = v;
	} else {
		s.unparsed = true;
	}
	/* status changes inside a range are not bounds we can keep */
	s.unparsed |= ym_json_len(ve->changes) > 0;
	ym_buf_reset(&c->tmp);
	ym_buf_adds(&c->tmp, prefix);
	put_words(&c->tmp, ve);
	s.text = finish_text(c);
	ym_vec_push(&c->specs, s);
}

/* defaultStatus "affected": every version the unaffected entries do not
 * name. "0 lessThan X" unaffected gives a start, "X lessThan *" an end;
 * anything else (more intervals, git commit ranges) cannot be kept as
 * one interval: unparsed. */
static void default_spec(cve5 *c, const char *prefix)
{
	spec s = {0};
	bool ok = true;
	ym_buf_reset(&c->tmp);
	ym_buf_printf(&c->tmp, "%sdefaultStatus affected", prefix);
	for (size_t j = 0; j < c->vents.n; j++) {
		const ventry *ve = &c->vents.v[j];
		bool git_range = status_is(ve, "affected") && is_git(ve);
		if (!status_is(ve, "unaffected") && !git_range)
			continue;
		if (c->tmp.len < MAX_TEXT) {
			ym_buf_printf(&c->tmp, "; %s ", ve->status);
			put_words(&c->tmp, ve);
		}
		if (git_range) {
			/* commits say something we cannot keep as bounds */
			ok = false;
			continue;
		}
		const char *v = trim(c, ve->version);
		const char *less = trim(c, ve->less);
		const char *less_eq = trim(c, ve->less_eq);
		const char *bound = less ? less : less_eq;
		if (is_git(ve) || !bound || ym_json_len(ve->changes)) {
			ok = false;
		} else if (open_end(bound)) {
			ok &= version_word(v) && !s.end_excl;
			if (ok)
				s.end_excl = v;
		} else if (from_start(v) && version_word(bound)) {
			ok &= !s.start_incl && !s.start_excl;
			if (ok && less)
				s.start_incl = bound;
			else if (ok)
				s.start_excl = bound;
		} else {
			ok = false;
		}
	}
	s.unparsed = !ok;
	s.text = finish_text(c);
	ym_vec_push(&c->specs, s);
}

/* Entries whose versions are all git commit ranges: one row for every
 * version (commits are not ordered), the ranges kept in its text. */
static void git_spec(cve5 *c, const char *prefix)
{
	spec s = {.unparsed = true};
	ym_buf_reset(&c->tmp);
	ym_buf_adds(&c->tmp, prefix);
	for (size_t j = 0, n = 0; j < c->vents.n; j++) {
		const ventry *ve = &c->vents.v[j];
		if (!status_is(ve, "affected") || c->tmp.len >= MAX_TEXT)
			continue;
		if (n++)
			ym_buf_adds(&c->tmp, "; ");
		put_words(&c->tmp, ve);
	}
	s.text = finish_text(c);
	ym_vec_push(&c->specs, s);
}

/* c->vents -> c->specs. An explicit affected range wins over the
 * default status; a default of "affected" covers the single versions.
 * Git commit ranges only speak when nothing else does. */
static void make_specs(cve5 *c, const char *default_status,
		       const char *prefix)
{
	bool dflt = default_status &&
		    strcasecmp(default_status, "affected") == 0;
	bool ranges = false, git = false;
	c->specs.n = 0;
	for (size_t j = 0; j < c->vents.n; j++) {
		const ventry *ve = &c->vents.v[j];
		if (!status_is(ve, "affected"))
			continue;
		if (is_git(ve))
			git = true;
		else
			ranges |= ve->less || ve->less_eq;
	}
	if (dflt && !ranges) {
		default_spec(c, prefix);
		return;
	}
	for (size_t j = 0; j < c->vents.n; j++)
		if (status_is(&c->vents.v[j], "affected") &&
		    !is_git(&c->vents.v[j]))
			affected_spec(c, &c->vents.v[j], prefix);
	if (git && c->specs.n == 0)
		git_spec(c, prefix);
}

/* A single version goes into the CPE's version when the name leaves it
 * ANY, as NVD writes exact versions. */
static void put_version(cve5 *c, const cand *k, const char *version,
			ym_cpe_criterion *row)
{
	ym_err e = YM_ERR_INIT;
	ym_cpe cpe = k->cpe;
	if (cpe.av[YM_CPE_VERSION].kind != YM_CPE_ANY)
		return;
	ym_buf_reset(&c->tmp);
	if (ym_cpe_quote(version, &c->tmp, &e) ||
	    ym_cpe_set(&cpe, YM_CPE_VERSION, c->tmp.ptr, c->a, &e)) {
		row->unparsed = true;
		return;
	}
	ym_buf_reset(&c->tmp);
	ym_cpe_bind_fs(&cpe, &c->tmp);
	row->criteria = ym_arena_strndup(c->a, c->tmp.ptr, c->tmp.len);
}

static void key_add(ym_buf *b, const char *s)
{
	/* a separator that cannot occur in the text */
	ym_buf_adds(b, s ? s : "\x01");
	ym_buf_addc(b, '\x1f');
}

/* false when the record already has the same row (the same product in
 * two entries, or in the CNA and an ADP). */
static bool new_row(cve5 *c, const ym_cpe_criterion *r)
{
	ym_buf_reset(&c->tmp);
	key_add(&c->tmp, r->criteria);
	key_add(&c->tmp, r->start_incl);
	key_add(&c->tmp, r->start_excl);
	key_add(&c->tmp, r->end_incl);
	key_add(&c->tmp, r->end_excl);
	key_add(&c->tmp, r->text);
	ym_buf_addc(&c->tmp, r->unparsed ? 'u' : 'p');
	return strset_add(&c->rows, c->a, c->tmp.ptr, c->tmp.len, true);
}

/* Every criteria times every spec; the entry is one configuration. */
static int make_rows(cve5 *c, const ym_json *e, bool by_name)
{
	size_t want = c->cands.n * c->specs.n;
	bool any = false;
	if (want > YM_CVE5_MAX_ROWS || c->cpes.n > YM_CVE5_MAX_ROWS - want) {
		char msg[160];
		snprintf(msg, sizeof msg,
			 _("more than %d CPE rows (cpes times versions)"),
			 YM_CVE5_MAX_ROWS);
		return fail(c, e, NULL, msg);
	}
	for (size_t i = 0; i < c->cands.n; i++)
		for (size_t j = 0; j < c->specs.n; j++) {
			const cand *k = &c->cands.v[i];
			const spec *s = &c->specs.v[j];
			ym_cpe_criterion row = {
				.config = c->config,
				.vulnerable = true,
				.criteria = k->fs,
				.start_incl = s->start_incl,
				.start_excl = s->start_excl,
				.end_incl = s->end_incl,
				.end_excl = s->end_excl,
				.text = s->text,
				.unparsed = s->unparsed || by_name,
			};
			if (s->exact)
				put_version(c, k, s->exact, &row);
			if (!new_row(c, &row))
				continue;
			ym_vec_push(&c->cpes, row);
			any = true;
		}
	if (any)
		c->config++;
	return 0;
}

static int read_entry(cve5 *c, const ym_json *e, size_t i)
{
	const char *vendor, *product, *dflt;
	const ym_json *cpes, *versions;
	int rc;
	if ((rc = want_obj(c, e)) || (rc = opt_str(c, e, "vendor", &vendor)) ||
	    (rc = opt_str(c, e, "product", &product)) ||
	    (rc = opt_str(c, e, "defaultStatus", &dflt)) ||
	    (rc = opt_arr(c, e, "cpes", &cpes)) ||
	    (rc = opt_arr(c, e, "versions", &versions)) ||
	    (rc = read_versions(c, versions)))
		return rc;
	c->cands.n = 0;
	for (size_t j = 0; cpes && j < cpes->u.arr.n; j++) {
		const ym_json *s = cpes->u.arr.items[j];
		at_level(c, 3, "cpes", j);
		if (s->type != YM_JSON_STRING)
			return wrong_type(c, s, NULL, YM_JSON_STRING);
		if ((rc = add_cand(c, s)))
			return rc;
	}
	at_level(c, 2, "affected", i);
	bool by_name = c->cands.n == 0;
	char prefix[2 * MAX_WORD + 8] = "";
	if (by_name) {
		const char *ven = no_name(vendor) ? "" : vendor;
		const char *prod = product ? product : "";
		add_name_cand(c, e, vendor, product);
		snprintf(prefix, sizeof prefix, "%.*s%s%.*s: ",
			 cut(ven, MAX_WORD), ven, *ven ? " " : "",
			 cut(prod, MAX_WORD), prod);
	}
	if (c->cands.n == 0)
		return 0;
	make_specs(c, dflt, prefix);
	return make_rows(c, e, by_name);
}

static int read_affected(cve5 *c, const ym_json *con)
{
	const ym_json *list;
	c->depth = 2; /* the container */
	int rc = opt_arr(c, con, "affected", &list);
	for (size_t i = 0; !rc && list && i < list->u.arr.n; i++) {
		at_level(c, 2, "affected", i);
		rc = read_entry(c, list->u.arr.items[i], i);
	}
	return rc;
}

/* The container's providerMetadata.shortName, else fallback. */
static const char *origin_of(const ym_json *con, const char *fallback)
{
	const char *s = ym_json_string(
		ym_json_get(ym_json_get(con, "providerMetadata"), "shortName"));
	return s && *s ? s : fallback;
}

static int read_container(cve5 *c, const ym_json *con, const char *origin,
			  bool is_cna, ym_vuln *v)
{
	int rc;
	if ((rc = want_obj(c, con)) ||
	    (is_cna && (rc = read_cna_texts(c, con, v))) ||
	    (rc = read_metrics(c, con, origin, is_cna, v)) ||
	    (rc = read_problem_types(c, con)) ||
	    (rc = read_references(c, con, origin)) ||
	    (rc = read_affected(c, con)))
		return rc;
	return 0;
}

static const void *arena_copy(ym_arena *a, const void *p, size_t n)
{
	if (!n)
		return NULL;
	void *q = ym_arena_alloc(a, n);
	memcpy(q, p, n);
	return q;
}

static void start_record(cve5 *c, ym_vuln *v)
{
	*v = (ym_vuln){.source = "cve5", .source_file = c->file,
		       .severity = "unknown"};
	c->depth = 0;
	c->id = NULL;
	c->cvss.n = 0;
	c->best_rank = 1 << 20;
	c->best = NO_INDEX;
	c->cpes.n = 0;
	c->config = 0;
	c->rows = (strset){NULL, 0, 0};
	c->urls = (strset){NULL, 0, 0};
	c->cwes = NULL;
	c->n_cwes = 0;
	c->n_refs = 0;
	ym_buf_reset(&c->refs);
	ym_jsonw_init(&c->refw, &c->refs, false);
	ym_jsonw_arr_begin(&c->refw);
}

static void finish_record(cve5 *c, ym_vuln *v)
{
	if (c->n_refs) {
		ym_jsonw_arr_end(&c->refw);
		v->references =
			ym_arena_strndup(c->a, c->refs.ptr, c->refs.len);
	}
	if (c->n_cwes) {
		c->cwes[c->n_cwes] = NULL;
		v->cwes = c->cwes;
	}
	if (c->best != NO_INDEX) {
		const ym_cvss_entry *e = &c->cvss.v[c->best];
		v->cvss_vector = e->vector;
		v->severity = ym_nvd_severity(e->severity, e->version,
					      e->base_score);
	}
	v->cvss = arena_copy(c->a, c->cvss.v, c->cvss.n * sizeof *c->cvss.v);
	v->n_cvss = c->cvss.n;
	v->cpes = arena_copy(c->a, c->cpes.v, c->cpes.n * sizeof *c->cpes.v);
	v->n_cpes = c->cpes.n;
}

static int read_meta(cve5 *c, const ym_json *rec, ym_vuln *v,
		     const char **assigner)
{
	const ym_json *meta;
	const char *state;
	int rc = need(c, rec, "cveMetadata", YM_JSON_OBJECT,
		      N_("record has no cveMetadata (required)"), &meta);
	if (rc)
		return rc;
	at_level(c, 0, "cveMetadata", NO_INDEX);
	if ((rc = read_id(c, meta, v)) ||
	    (rc = opt_str(c, meta, "state", &state)) ||
	    (rc = opt_str(c, meta, "datePublished", &v->published)) ||
	    (rc = opt_str(c, meta, "dateUpdated", &v->modified)) ||
	    (rc = opt_str(c, meta, "assignerShortName", assigner)))
		return rc;
	v->status = state;
	v->rejected = state && strcasecmp(state, "REJECTED") == 0;
	c->depth = 0;
	return 0;
}

static int read_record(cve5 *c, const ym_json *rec, ym_vuln *v)
{
	const ym_json *cons, *cna, *adps;
	const char *type, *assigner;
	int rc;
	start_record(c, v);
	if (rec->type != YM_JSON_OBJECT)
		return wrong_type(c, rec, NULL, YM_JSON_OBJECT);
	if ((rc = opt_str(c, rec, "dataType", &type)))
		return rc;
	if (type && strcmp(type, "CVE_RECORD") != 0) {
		char msg[160];
		snprintf(msg, sizeof msg,
			 _("not a CVE record (dataType '%.40s')"), type);
		return fail(c, ym_json_get(rec, "dataType"), "dataType", msg);
	}
	if ((rc = read_meta(c, rec, v, &assigner)) ||
	    (rc = need(c, rec, "containers", YM_JSON_OBJECT,
		       N_("record has no containers (required)"), &cons)))
		return rc;
	at_level(c, 0, "containers", NO_INDEX);
	if ((rc = need(c, cons, "cna", YM_JSON_OBJECT,
		       N_("record has no CNA container (required)"), &cna)) ||
	    (rc = opt_arr(c, cons, "adp", &adps)))
		return rc;
	at_level(c, 1, "cna", NO_INDEX);
	if ((rc = read_container(c, cna, origin_of(cna, assigner), true, v)))
		return rc;
	for (size_t k = 0; adps && k < adps->u.arr.n; k++) {
		const ym_json *adp = adps->u.arr.items[k];
		at_level(c, 0, "containers", NO_INDEX);
		at_level(c, 1, "adp", k);
		if ((rc = read_container(c, adp, origin_of(adp, NULL), false,
					 v)))
			return rc;
	}
	c->depth = 0;
	finish_record(c, v);
	return 0;
}

/* One record: emitted, or handed to ym_feed_bad_record. */
static int one_record(cve5 *c, const ym_json *rec)
{
	ym_vuln v;
	int rc = read_record(c, rec, &v);
	if (rc) {
		ym_err_record(c->err, c->id);
		return ym_feed_bad_record(c->fc, c->err);
	}
	rc = ym_feed_emit(c->fc, &v, c->err);
	if (rc && !c->err->code)
		ym_err_set(c->err, rc, "%s", ym_strerror(rc));
	return rc;
}

static bool looks_like_record(const ym_json *v)
{
	const char *type = ym_json_string(ym_json_get(v, "dataType"));
	return ym_json_get(v, "cveMetadata") ||
	       (type && strcmp(type, "CVE_RECORD") == 0);
}

int ym_cve5_parse(const char *text, size_t len, const char *file,
		  ym_arena *a, const ym_feed_ctx *fc, ym_err *err)
{
	ym_err local = YM_ERR_INIT;
	if (!err)
		err = &local;
	ym_json *root = ym_json_parse(a, text, len, NULL, file, err);
	if (!root)
		return err->code ? err->code : YM_E_PARSE;
	bool array = root->type == YM_JSON_ARRAY;
	const ym_json *first = array ? ym_json_at(root, 0) : root;
	if ((!array && root->type != YM_JSON_OBJECT) ||
	    (first && !looks_like_record(first))) {
		ym_err_set(err, YM_E_INVALID, "%s",
			   _("not a CVE JSON 5 record"));
		ym_err_at(err, file, (long)root->line, (long)root->col);
		return YM_E_INVALID;
	}
	cve5 c = {.file = file, .a = a, .err = err, .fc = fc,
		  .in_array = array, .refs = YM_BUF_INIT, .rem = YM_BUF_INIT,
		  .tmp = YM_BUF_INIT};
	int rc = 0;
	if (!array)
		rc = one_record(&c, root);
	for (size_t i = 0; array && !rc && i < root->u.arr.n; i++) {
		c.index = i;
		rc = one_record(&c, root->u.arr.items[i]);
	}
	ym_vec_release(&c.cvss);
	ym_vec_release(&c.cpes);
	ym_vec_release(&c.cands);
	ym_vec_release(&c.vents);
	ym_vec_release(&c.specs);
	ym_buf_release(&c.refs);
	ym_buf_release(&c.rem);
	ym_buf_release(&c.tmp);
	return rc;
}
