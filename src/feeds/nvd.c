/* nvd.c - NVD CVE API 2.0 JSON into the normalised vulnerability model.
 *
 * The page is parsed into a DOM once; each CVE is then read straight from
 * it. Strings handed to the sink point into the DOM (no copies); the only
 * allocations per record are the arrays of the ym_vuln, the references
 * JSON and what the CPE parser needs to validate a criteria, all in the
 * caller's arena. Field paths for messages are kept as a few (key, index)
 * frames and only formatted when something is wrong, because a page of
 * 2,000 CVEs has hundreds of thousands of fields that are fine. */
#include "feeds/nvd.h"

#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/buf.h"
#include "core/i18n.h"
#include "core/json.h"
#include "core/vec.h"
#include "ids/cpe.h"

/* ---- helpers shared with the CVE 5 parser ---- */

static bool is_digit(char ch)
{
	return ch >= '0' && ch <= '9';
}

bool ym_nvd_cve_id_valid(const char *s, size_t n)
{
	/* the CVE JSON 5 schema's pattern: ^CVE-[0-9]{4}-[0-9]{4,19}$ */
	if (!s || n < 13 || n > 28 || memcmp(s, "CVE-", 4) != 0 ||
	    s[8] != '-')
		return false;
	for (size_t i = 4; i < n; i++)
		if (i != 8 && !is_digit(s[i]))
			return false;
	return true;
}

bool ym_nvd_cwe_id_valid(const char *s)
{
	if (!s || strncmp(s, "CWE-", 4) != 0)
		return false;
	size_t n = 0;
	for (s += 4; is_digit(s[n]); n++)
		;
	return n >= 1 && n <= 10 && s[n] == '\0';
}

static const char *const ratings[] = {"critical", "high", "medium", "low",
				      "none"};

const char *ym_nvd_rating_lower(const char *s, ym_arena *a)
{
	if (!s)
		return NULL;
	for (size_t i = 0; i < sizeof ratings / sizeof *ratings; i++)
		if (strcasecmp(s, ratings[i]) == 0)
			return ratings[i];
	char *low = ym_arena_strdup(a, s);
	for (char *p = low; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return low;
}

const char *ym_nvd_severity(const char *rating, const char *version,
			    double score)
{
	if (rating) {
		for (size_t i = 0; i < sizeof ratings / sizeof *ratings; i++)
			if (strcasecmp(rating, ratings[i]) == 0)
				return ratings[i];
		if (strcasecmp(rating, "moderate") == 0)
			return "medium";
	}
	if (!(score >= 0 && score <= 10))
		return "unknown";
	if (version && version[0] == '2')
		return score >= 7 ? "high" : score >= 4 ? "medium" : "low";
	if (score == 0)
		return "none";
	return score >= 9   ? "critical"
	       : score >= 7 ? "high"
	       : score >= 4 ? "medium"
			    : "low";
}

static bool lang_is(const char *lang, const char *two)
{
	return lang && strncasecmp(lang, two, 2) == 0 &&
	       (lang[2] == '\0' || lang[2] == '-' || lang[2] == '_');
}

bool ym_nvd_lang_en(const char *lang)
{
	return lang_is(lang, "en");
}

bool ym_nvd_lang_ja(const char *lang)
{
	return lang_is(lang, "ja");
}

/* a equals the lower-case word b when case, blanks, '_' and '-' in a
 * are ignored ("Technical Impact" = "technicalimpact"). */
static bool loose_eq(const char *a, const char *b)
{
	for (;; a++) {
		if (*a == ' ' || *a == '_' || *a == '-')
			continue;
		char ch = *a >= 'A' && *a <= 'Z' ? (char)(*a - 'A' + 'a') : *a;
		if (ch != *b)
			return false;
		if (!ch)
			return true;
		b++;
	}
}

ym_nvd_ssvc_point ym_nvd_ssvc_point_of(const char *key)
{
	if (!key)
		return YM_SSVC_UNKNOWN_POINT;
	if (loose_eq(key, "exploitation"))
		return YM_SSVC_EXPLOITATION;
	if (loose_eq(key, "automatable"))
		return YM_SSVC_AUTOMATABLE;
	if (loose_eq(key, "technicalimpact"))
		return YM_SSVC_TECHNICAL_IMPACT;
	return YM_SSVC_UNKNOWN_POINT;
}

const char *ym_nvd_ssvc_value(ym_nvd_ssvc_point p, const char *value)
{
	static const char *const words[][3] = {
		[YM_SSVC_EXPLOITATION] = {"none", "poc", "active"},
		[YM_SSVC_AUTOMATABLE] = {"yes", "no", NULL},
		[YM_SSVC_TECHNICAL_IMPACT] = {"partial", "total", NULL},
	};
	if (!value || p == YM_SSVC_UNKNOWN_POINT)
		return NULL;
	/* SSVC 2.0 spells the middle value "public PoC" */
	if (p == YM_SSVC_EXPLOITATION && loose_eq(value, "publicpoc"))
		return "poc";
	for (int i = 0; i < 3 && words[p][i]; i++)
		if (loose_eq(value, words[p][i]))
			return words[p][i];
	return NULL;
}

/* ---- the parser ---- */

enum shape { SHAPE_PAGE, SHAPE_ITEM, SHAPE_CVE };

#define NO_INDEX SIZE_MAX
#define MAX_DEPTH 6
/* More distinct CWE ids than any real record has; the cap keeps the
 * duplicate check linear on hostile input. */
#define MAX_CWES 64

/* One step of the path to the value being read: key[index]. */
typedef struct frame {
	const char *key;
	size_t index; /* NO_INDEX: not an array element */
} frame;

typedef YM_VEC(ym_cvss_entry) cvss_vec;
typedef YM_VEC(ym_cpe_criterion) cpe_vec;

typedef struct nvd {
	const char *file;
	ym_arena *a;
	ym_err *err;
	const ym_feed_ctx *fc;
	enum shape shape;
	size_t index;      /* the CVE's index in vulnerabilities[] */
	const char *id;    /* the CVE's id once read, for messages */
	frame path[MAX_DEPTH];
	int depth;
	cvss_vec cvss;     /* the record's rows; reused from record to */
	cpe_vec cpes;      /* record, copied into the arena when emitted */
	ym_buf json;       /* the references being written */
} nvd;

/* Sets the path below the cve object to its first level+1 frames. */
static void at_level(nvd *c, int level, const char *key, size_t index)
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

/* "vulnerabilities[12].cve." + the frames + leaf. */
static void put_field(const nvd *c, ym_err *e, const char *leaf)
{
	char f[256];
	size_t n = 0;
	f[0] = '\0';
	if (c->shape == SHAPE_PAGE)
		n = addf(f, sizeof f, n, "vulnerabilities[%zu].cve", c->index);
	else if (c->shape == SHAPE_ITEM)
		n = addf(f, sizeof f, n, "cve");
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
static int fail(nvd *c, const ym_json *at, const char *leaf, const char *msg)
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

static int wrong_type(nvd *c, const ym_json *at, const char *leaf,
		      ym_json_type want)
{
	char msg[128];
	snprintf(msg, sizeof msg, _("expected %s, got %s"), type_name(want),
		 ym_json_type_name(at->type));
	return fail(c, at, leaf, msg);
}

/* Something odd that does not stop the record. */
static void warn(nvd *c, const ym_json *at, const char *leaf,
		 const char *msg)
{
	ym_err w = YM_ERR_INIT;
	ym_err_set(&w, YM_E_INVALID, "%s", msg);
	ym_err_at(&w, c->file, at ? (long)at->line : 0, at ? (long)at->col : 0);
	ym_err_record(&w, c->id);
	put_field(c, &w, leaf);
	ym_feed_warn(c->fc, &w);
}

/* obj.key as a string; NULL when absent or null, another type fails. */
static int opt_str(nvd *c, const ym_json *obj, const char *key,
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

/* The same for a string that means nothing when empty (version bounds). */
static int opt_text(nvd *c, const ym_json *obj, const char *key,
		    const char **out)
{
	int rc = opt_str(c, obj, key, out);
	if (*out && !**out)
		*out = NULL;
	return rc;
}

static int opt_typed(nvd *c, const ym_json *obj, const char *key,
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

static int opt_arr(nvd *c, const ym_json *obj, const char *key,
		   const ym_json **out)
{
	return opt_typed(c, obj, key, YM_JSON_ARRAY, out);
}

static int opt_obj(nvd *c, const ym_json *obj, const char *key,
		   const ym_json **out)
{
	return opt_typed(c, obj, key, YM_JSON_OBJECT, out);
}

static int opt_bool(nvd *c, const ym_json *obj, const char *key, bool dflt,
		    bool *out)
{
	const ym_json *v = ym_json_get(obj, key);
	*out = dflt;
	if (!v || v->type == YM_JSON_NULL)
		return 0;
	if (v->type != YM_JSON_TRUE && v->type != YM_JSON_FALSE)
		return wrong_type(c, v, key, YM_JSON_TRUE);
	*out = v->type == YM_JSON_TRUE;
	return 0;
}

static int opt_num(nvd *c, const ym_json *obj, const char *key, double dflt,
		   double *out)
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

/* arr[i] must be an object (the frame for it is already set). */
static int want_obj(nvd *c, const ym_json *v)
{
	if (v->type == YM_JSON_OBJECT)
		return 0;
	return wrong_type(c, v, NULL, YM_JSON_OBJECT);
}

static int read_id(nvd *c, const ym_json *cve, ym_vuln *v)
{
	const ym_json *id = ym_json_get(cve, "id");
	if (!id || id->type == YM_JSON_NULL)
		return fail(c, cve, "id", _("record has no id (required)"));
	if (id->type != YM_JSON_STRING)
		return wrong_type(c, id, "id", YM_JSON_STRING);
	c->id = id->u.str.s;
	if (!ym_nvd_cve_id_valid(id->u.str.s, id->u.str.len)) {
		char msg[256];
		snprintf(msg, sizeof msg,
			 _("invalid CVE id '%s' (expected CVE-YYYY-NNNN)"),
			 id->u.str.s);
		return fail(c, id, "id", msg);
	}
	v->vuln_id = id->u.str.s;
	return 0;
}

/* summary: the first English description; summary_ja: the first
 * Japanese one (NVD has none today; a translated mirror may). */
static int read_descriptions(nvd *c, const ym_json *cve, ym_vuln *v)
{
	const ym_json *ds;
	c->depth = 0; /* the cve object */
	int rc = opt_arr(c, cve, "descriptions", &ds);
	for (size_t i = 0; !rc && ds && i < ds->u.arr.n; i++) {
		const ym_json *d = ds->u.arr.items[i];
		const char *lang, *value;
		at_level(c, 0, "descriptions", i);
		if ((rc = want_obj(c, d)) ||
		    (rc = opt_str(c, d, "lang", &lang)) ||
		    (rc = opt_str(c, d, "value", &value)))
			break;
		if (!value)
			continue;
		if (!v->summary && ym_nvd_lang_en(lang))
			v->summary = value;
		else if (!v->summary_ja && ym_nvd_lang_ja(lang))
			v->summary_ja = value;
	}
	c->depth = 0;
	return rc;
}

/* Newest first: the record's preferred vector comes from the first
 * group that has entries. */
static const struct metric_group {
	const char *key;
	const char *version;
} metric_groups[] = {
	{"cvssMetricV40", "4.0"},
	{"cvssMetricV31", "3.1"},
	{"cvssMetricV30", "3.0"},
	{"cvssMetricV2", "2.0"},
};

/* One metric: {source, type, cvssData: {version, vectorString,
 * baseScore, baseSeverity}}; v2 keeps baseSeverity beside cvssData. */
static int read_cvss(nvd *c, const ym_json *m, const char *version,
		     ym_cvss_entry *out)
{
	const char *source, *type, *outer_sev, *sev, *ver;
	const ym_json *data;
	double score;
	int rc;
	if ((rc = want_obj(c, m)) || (rc = opt_str(c, m, "source", &source)) ||
	    (rc = opt_str(c, m, "type", &type)) ||
	    (rc = opt_str(c, m, "baseSeverity", &outer_sev)) ||
	    (rc = opt_obj(c, m, "cvssData", &data)))
		return rc;
	if (!data)
		return fail(c, m, "cvssData", _("CVSS metric has no cvssData"));
	at_level(c, 2, "cvssData", NO_INDEX);
	const ym_json *vec = ym_json_get(data, "vectorString");
	if (!vec || vec->type == YM_JSON_NULL)
		return fail(c, data, "vectorString",
			    _("CVSS metric has no vectorString"));
	if (vec->type != YM_JSON_STRING)
		return wrong_type(c, vec, "vectorString", YM_JSON_STRING);
	if ((rc = opt_str(c, data, "version", &ver)) ||
	    (rc = opt_num(c, data, "baseScore", -1, &score)) ||
	    (rc = opt_str(c, data, "baseSeverity", &sev)))
		return rc;
	*out = (ym_cvss_entry){
		.version = ver ? ver : version,
		.vector = vec->u.str.s,
		.base_score = score,
		.severity = ym_nvd_rating_lower(sev ? sev : outer_sev, c->a),
		.origin = source,
		.kind = type,
	};
	return 0;
}

/* metrics.ssvcV203[0].ssvcData: CISA's decision points as NVD passes
 * them on. Read leniently: a shape we do not know leaves them out. */
static void read_ssvc(nvd *c, const ym_json *metrics, ym_vuln *v)
{
	const ym_json *list = ym_json_get(metrics, "ssvcV203");
	for (size_t i = 0; i < ym_json_len(list); i++) {
		const ym_json *e = ym_json_at(list, i);
		const ym_json *data = ym_json_get(e, "ssvcData");
		if (!ym_json_is(data, YM_JSON_OBJECT))
			continue;
		ym_ssvc_points *p = ym_arena_zalloc(c->a, sizeof *p);
		p->origin = ym_json_string(ym_json_get(e, "source"));
		p->timestamp = ym_json_string(ym_json_get(data, "timestamp"));
		p->version = ym_json_string(ym_json_get(data, "version"));
		const ym_json *opts = ym_json_get(data, "options");
		for (size_t j = 0; j < ym_json_len(opts); j++) {
			const ym_json *o = ym_json_at(opts, j);
			for (size_t k = 0; k < ym_json_len(o); k++) {
				const ym_json_member *m = &o->u.obj.m[k];
				ym_nvd_ssvc_point pt =
					ym_nvd_ssvc_point_of(m->key);
				const char *w = ym_nvd_ssvc_value(
					pt, ym_json_string(m->val));
				if (pt == YM_SSVC_EXPLOITATION)
					p->exploitation = w;
				else if (pt == YM_SSVC_AUTOMATABLE)
					p->automatable = w;
				else if (pt == YM_SSVC_TECHNICAL_IMPACT)
					p->technical_impact = w;
				if (pt != YM_SSVC_UNKNOWN_POINT && !w) {
					at_level(c, 0, "metrics", NO_INDEX);
					at_level(c, 1, "ssvcV203", i);
					at_level(c, 2, "ssvcData", NO_INDEX);
					at_level(c, 3, "options", j);
					warn(c, m->val, m->key,
					     _("unknown SSVC value "
					       "(kept out)"));
				}
			}
		}
		v->ssvc = p;
		break;
	}
	c->depth = 0;
}

static int read_metrics(nvd *c, const ym_json *cve, ym_vuln *v)
{
	const ym_json *metrics;
	c->depth = 0; /* the cve object */
	int rc = opt_obj(c, cve, "metrics", &metrics);
	if (rc || !metrics)
		return rc;
	size_t best = NO_INDEX;
	for (size_t g = 0; g < sizeof metric_groups / sizeof *metric_groups;
	     g++) {
		const ym_json *list;
		size_t first = c->cvss.n;
		at_level(c, 0, "metrics", NO_INDEX);
		if ((rc = opt_arr(c, metrics, metric_groups[g].key, &list)))
			return rc;
		for (size_t i = 0; list && i < list->u.arr.n; i++) {
			ym_cvss_entry e;
			at_level(c, 1, metric_groups[g].key, i);
			rc = read_cvss(c, list->u.arr.items[i],
				       metric_groups[g].version, &e);
			if (rc)
				return rc;
			ym_vec_push(&c->cvss, e);
		}
		/* the newest version: its Primary entry, else its first */
		for (size_t i = first; best == NO_INDEX && i < c->cvss.n; i++)
			if (c->cvss.v[i].kind &&
			    strcmp(c->cvss.v[i].kind, "Primary") == 0)
				best = i;
		if (best == NO_INDEX && c->cvss.n > first)
			best = first;
	}
	c->depth = 0;
	if (best != NO_INDEX) {
		const ym_cvss_entry *e = &c->cvss.v[best];
		v->cvss_vector = e->vector;
		v->severity = ym_nvd_severity(e->severity, e->version,
					      e->base_score);
	}
	read_ssvc(c, metrics, v);
	return 0;
}

/* weaknesses[].description[].value: CWE ids, without duplicates and
 * without NVD's "NVD-CWE-Other" / "NVD-CWE-noinfo". */
static int read_weaknesses(nvd *c, const ym_json *cve, ym_vuln *v)
{
	const ym_json *ws;
	c->depth = 0; /* the cve object */
	int rc = opt_arr(c, cve, "weaknesses", &ws);
	if (rc || !ws || ws->u.arr.n == 0)
		return rc;
	const char **list = ym_arena_alloc(c->a, (MAX_CWES + 1) * sizeof *list);
	size_t n = 0;
	for (size_t i = 0; i < ws->u.arr.n; i++) {
		const ym_json *w = ws->u.arr.items[i], *ds;
		at_level(c, 0, "weaknesses", i);
		if ((rc = want_obj(c, w)) ||
		    (rc = opt_arr(c, w, "description", &ds)))
			return rc;
		for (size_t j = 0; ds && j < ds->u.arr.n; j++) {
			const ym_json *d = ds->u.arr.items[j];
			const char *value;
			at_level(c, 1, "description", j);
			if ((rc = want_obj(c, d)) ||
			    (rc = opt_str(c, d, "value", &value)))
				return rc;
			if (!ym_nvd_cwe_id_valid(value))
				continue;
			size_t k = 0;
			while (k < n && strcmp(list[k], value) != 0)
				k++;
			if (k == n && n < MAX_CWES)
				list[n++] = value;
		}
	}
	c->depth = 0;
	list[n] = NULL;
	v->cwes = n ? list : NULL;
	return 0;
}

/* "AND" | "OR" as constants; NULL when absent. */
static int read_operator(nvd *c, const ym_json *obj, const char **out)
{
	const char *op;
	int rc = opt_str(c, obj, "operator", &op);
	*out = NULL;
	if (rc || !op)
		return rc;
	if (strcasecmp(op, "AND") == 0) {
		*out = "AND";
	} else if (strcasecmp(op, "OR") == 0) {
		*out = "OR";
	} else {
		char msg[160];
		snprintf(msg, sizeof msg,
			 _("unknown operator '%.40s' (expected AND or OR)"),
			 op);
		return fail(c, ym_json_get(obj, "operator"), "operator", msg);
	}
	return 0;
}

/* One cpeMatch entry; row already holds the configuration and node. */
static int read_match(nvd *c, const ym_json *m, ym_cpe_criterion *row)
{
	int rc;
	if ((rc = want_obj(c, m)) ||
	    (rc = opt_bool(c, m, "vulnerable", true, &row->vulnerable)))
		return rc;
	const ym_json *crit = ym_json_get(m, "criteria");
	if (!crit || crit->type == YM_JSON_NULL)
		return fail(c, m, "criteria",
			    _("cpeMatch entry has no criteria (required)"));
	if (crit->type != YM_JSON_STRING)
		return wrong_type(c, crit, "criteria", YM_JSON_STRING);
	ym_err cerr = YM_ERR_INIT;
	ym_cpe cpe;
	if (strlen(crit->u.str.s) != crit->u.str.len)
		return fail(c, crit, "criteria",
			    _("a NUL byte cannot be in a CPE name"));
	if (ym_cpe_unbind_fs(crit->u.str.s, c->a, &cpe, &cerr))
		return fail(c, crit, "criteria", cerr.msg);
	row->criteria = crit->u.str.s;
	if ((rc = opt_text(c, m, "versionStartIncluding", &row->start_incl)) ||
	    (rc = opt_text(c, m, "versionStartExcluding", &row->start_excl)) ||
	    (rc = opt_text(c, m, "versionEndIncluding", &row->end_incl)) ||
	    (rc = opt_text(c, m, "versionEndExcluding", &row->end_excl)) ||
	    (rc = opt_str(c, m, "matchCriteriaId", &row->match_id)))
		return rc;
	return 0;
}

static int read_node(nvd *c, const ym_json *node, ym_cpe_criterion proto)
{
	const ym_json *matches;
	int rc;
	if ((rc = want_obj(c, node)) ||
	    (rc = read_operator(c, node, &proto.node_op)) ||
	    (rc = opt_bool(c, node, "negate", false, &proto.node_negate)) ||
	    (rc = opt_arr(c, node, "cpeMatch", &matches)))
		return rc;
	for (size_t k = 0; matches && k < matches->u.arr.n; k++) {
		ym_cpe_criterion row = proto;
		at_level(c, 2, "cpeMatch", k);
		if ((rc = read_match(c, matches->u.arr.items[k], &row)))
			return rc;
		ym_vec_push(&c->cpes, row);
	}
	return 0;
}

/* configurations[i].nodes[j].cpeMatch[k] -> one row each; the row keeps
 * i, j and both operators so the AND/OR tree can be rebuilt. */
static int read_configurations(nvd *c, const ym_json *cve)
{
	const ym_json *cfgs;
	c->depth = 0; /* the cve object */
	int rc = opt_arr(c, cve, "configurations", &cfgs);
	for (size_t i = 0; !rc && cfgs && i < cfgs->u.arr.n; i++) {
		const ym_json *cfg = cfgs->u.arr.items[i], *nodes;
		ym_cpe_criterion proto = {.config = (int)i};
		at_level(c, 0, "configurations", i);
		if ((rc = want_obj(c, cfg)) ||
		    (rc = read_operator(c, cfg, &proto.config_op)) ||
		    (rc = opt_arr(c, cfg, "nodes", &nodes)))
			break;
		for (size_t j = 0; nodes && j < nodes->u.arr.n; j++) {
			proto.node = (int)j;
			at_level(c, 1, "nodes", j);
			if ((rc = read_node(c, nodes->u.arr.items[j], proto)))
				return rc;
			at_level(c, 0, "configurations", i);
		}
	}
	c->depth = 0;
	return rc;
}

static int write_reference(nvd *c, ym_jsonw *w, const ym_json *r)
{
	const char *source;
	const ym_json *url, *tags;
	int rc;
	if ((rc = want_obj(c, r)) || (rc = opt_str(c, r, "source", &source)) ||
	    (rc = opt_arr(c, r, "tags", &tags)))
		return rc;
	url = ym_json_get(r, "url");
	if (!url || url->type == YM_JSON_NULL)
		return fail(c, r, "url", _("reference has no url (required)"));
	if (url->type != YM_JSON_STRING)
		return wrong_type(c, url, "url", YM_JSON_STRING);
	ym_jsonw_obj_begin(w);
	ym_jsonw_key(w, "url");
	ym_jsonw_strn(w, url->u.str.s, url->u.str.len);
	if (source)
		ym_jsonw_kstr(w, "source", source);
	if (tags) {
		ym_jsonw_key(w, "tags");
		ym_jsonw_arr_begin(w);
		for (size_t k = 0; k < tags->u.arr.n; k++) {
			const ym_json *t = tags->u.arr.items[k];
			if (t->type != YM_JSON_STRING) {
				at_level(c, 1, "tags", k);
				return wrong_type(c, t, NULL, YM_JSON_STRING);
			}
			ym_jsonw_strn(w, t->u.str.s, t->u.str.len);
		}
		ym_jsonw_arr_end(w);
	}
	ym_jsonw_obj_end(w);
	return 0;
}

/* references -> [{"url":..,"source":..,"tags":[..]}], compact. */
static int read_references(nvd *c, const ym_json *cve, ym_vuln *v)
{
	const ym_json *refs;
	c->depth = 0; /* the cve object */
	int rc = opt_arr(c, cve, "references", &refs);
	if (rc || !refs || refs->u.arr.n == 0)
		return rc;
	ym_jsonw w;
	ym_buf_reset(&c->json);
	ym_jsonw_init(&w, &c->json, false);
	ym_jsonw_arr_begin(&w);
	for (size_t i = 0; i < refs->u.arr.n; i++) {
		at_level(c, 0, "references", i);
		if ((rc = write_reference(c, &w, refs->u.arr.items[i])))
			return rc;
	}
	ym_jsonw_arr_end(&w);
	c->depth = 0;
	v->references = ym_arena_strndup(c->a, c->json.ptr, c->json.len);
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

static int read_cve(nvd *c, const ym_json *cve, ym_vuln *v)
{
	int rc;
	*v = (ym_vuln){.source = "nvd", .source_file = c->file,
		       .severity = "unknown"};
	c->depth = 0;
	c->id = NULL;
	c->cvss.n = 0;
	c->cpes.n = 0;
	if (cve->type != YM_JSON_OBJECT)
		return wrong_type(c, cve, NULL, YM_JSON_OBJECT);
	if ((rc = read_id(c, cve, v)) ||
	    (rc = opt_str(c, cve, "published", &v->published)) ||
	    (rc = opt_str(c, cve, "lastModified", &v->modified)) ||
	    (rc = opt_str(c, cve, "vulnStatus", &v->status)) ||
	    (rc = read_descriptions(c, cve, v)) ||
	    (rc = read_metrics(c, cve, v)) ||
	    (rc = read_weaknesses(c, cve, v)) ||
	    (rc = read_configurations(c, cve)) ||
	    (rc = read_references(c, cve, v)))
		return rc;
	v->rejected = v->status && strcmp(v->status, "Rejected") == 0;
	v->cvss = arena_copy(c->a, c->cvss.v, c->cvss.n * sizeof *c->cvss.v);
	v->n_cvss = c->cvss.n;
	v->cpes = arena_copy(c->a, c->cpes.v, c->cpes.n * sizeof *c->cpes.v);
	v->n_cpes = c->cpes.n;
	return 0;
}

/* One CVE: emitted, or handed to ym_feed_bad_record. */
static int one_cve(nvd *c, const ym_json *cve)
{
	ym_vuln v;
	int rc = read_cve(c, cve, &v);
	if (rc) {
		ym_err_record(c->err, c->id);
		return ym_feed_bad_record(c->fc, c->err);
	}
	rc = ym_feed_emit(c->fc, &v, c->err);
	if (rc && !c->err->code)
		ym_err_set(c->err, rc, "%s", ym_strerror(rc));
	return rc;
}

/* A malformed vulnerabilities[] entry (no cve object to read). */
static int bad_item(nvd *c, const ym_json *item, const char *msg)
{
	ym_err_clear(c->err);
	ym_err_set(c->err, YM_E_INVALID, "%s", msg);
	ym_err_at(c->err, c->file, (long)item->line, (long)item->col);
	ym_err_field(c->err, "vulnerabilities[%zu]%s", c->index,
		     item->type == YM_JSON_OBJECT ? ".cve" : "");
	return ym_feed_bad_record(c->fc, c->err);
}

static long page_field(const ym_json *root, const char *key)
{
	int64_t n;
	if (!ym_json_int(ym_json_get(root, key), &n) || n < 0 || n > LONG_MAX)
		return -1;
	return (long)n;
}

static int read_page(nvd *c, const ym_json *root, ym_nvd_page *page)
{
	const ym_json *list = ym_json_get(root, "vulnerabilities");
	if (list->type != YM_JSON_ARRAY) {
		char msg[128];
		snprintf(msg, sizeof msg, _("expected %s, got %s"), _("array"),
			 ym_json_type_name(list->type));
		ym_err_set(c->err, YM_E_INVALID, "%s", msg);
		ym_err_at(c->err, c->file, (long)list->line, (long)list->col);
		ym_err_field(c->err, "vulnerabilities");
		return YM_E_INVALID;
	}
	if (page) {
		page->results_per_page = page_field(root, "resultsPerPage");
		page->start_index = page_field(root, "startIndex");
		page->total_results = page_field(root, "totalResults");
		page->records = list->u.arr.n;
	}
	for (size_t i = 0; i < list->u.arr.n; i++) {
		const ym_json *item = list->u.arr.items[i];
		const ym_json *cve = ym_json_get(item, "cve");
		int rc;
		c->index = i;
		if (item->type != YM_JSON_OBJECT) {
			char msg[128];
			snprintf(msg, sizeof msg, _("expected %s, got %s"),
				 _("object"), ym_json_type_name(item->type));
			rc = bad_item(c, item, msg);
		} else if (!cve || cve->type == YM_JSON_NULL) {
			rc = bad_item(c, item, _("item has no cve object"));
		} else {
			rc = one_cve(c, cve);
		}
		if (rc)
			return rc;
	}
	return 0;
}

/* Which of the three inputs this is; false: not an NVD CVE response. */
static bool shape_of(const ym_json *root, enum shape *out)
{
	if (root->type != YM_JSON_OBJECT)
		return false;
	const ym_json *format = ym_json_get(root, "format");
	if (format && !(format->type == YM_JSON_STRING &&
			strcmp(format->u.str.s, "NVD_CVE") == 0))
		return false;
	if (ym_json_get(root, "vulnerabilities"))
		*out = SHAPE_PAGE;
	else if (ym_json_get(root, "cve"))
		*out = SHAPE_ITEM;
	else if (ym_json_get(root, "id") && ym_json_get(root, "lastModified"))
		*out = SHAPE_CVE;
	else
		return false;
	return true;
}

int ym_nvd_parse_page(const char *text, size_t len, const char *file,
		      ym_arena *a, const ym_feed_ctx *fc, ym_nvd_page *page,
		      ym_err *err)
{
	ym_err local = YM_ERR_INIT;
	if (!err)
		err = &local;
	if (page)
		*page = (ym_nvd_page){-1, -1, -1, 0};
	ym_json *root = ym_json_parse(a, text, len, NULL, file, err);
	if (!root)
		return err->code ? err->code : YM_E_PARSE;
	nvd c = {.file = file, .a = a, .err = err, .fc = fc,
		 .json = YM_BUF_INIT};
	if (!shape_of(root, &c.shape)) {
		ym_err_set(err, YM_E_INVALID, "%s",
			   _("not an NVD CVE API response"));
		ym_err_at(err, file, (long)root->line, (long)root->col);
		return YM_E_INVALID;
	}
	int rc;
	if (c.shape == SHAPE_PAGE) {
		rc = read_page(&c, root, page);
	} else {
		if (page)
			page->records = 1;
		rc = one_cve(&c, c.shape == SHAPE_ITEM
					 ? ym_json_get(root, "cve")
					 : root);
	}
	ym_vec_release(&c.cvss);
	ym_vec_release(&c.cpes);
	ym_buf_release(&c.json);
	return rc;
}

int ym_nvd_parse(const char *text, size_t len, const char *file,
		 ym_arena *a, const ym_feed_ctx *fc, ym_err *err)
{
	return ym_nvd_parse_page(text, len, file, a, fc, NULL, err);
}

int ym_nvd_page_info(const char *text, size_t len, const char *file,
		     ym_arena *a, long *results_per_page, long *start_index,
		     long *total_results, ym_err *err)
{
	static const char *const keys[] = {"resultsPerPage", "startIndex",
					   "totalResults"};
	long *outs[] = {results_per_page, start_index, total_results};
	ym_err local = YM_ERR_INIT;
	if (!err)
		err = &local;
	ym_json *root = ym_json_parse(a, text, len, NULL, file, err);
	if (!root)
		return err->code ? err->code : YM_E_PARSE;
	if (root->type != YM_JSON_OBJECT) {
		ym_err_set(err, YM_E_INVALID, "%s",
			   _("not an NVD API response page"));
		ym_err_at(err, file, (long)root->line, (long)root->col);
		return YM_E_INVALID;
	}
	for (int i = 0; i < 3; i++) {
		const ym_json *v = ym_json_get(root, keys[i]);
		long n = page_field(root, keys[i]);
		if (n < 0) {
			char msg[160];
			if (v)
				snprintf(msg, sizeof msg,
					 _("expected %s, got %s"),
					 _("a non-negative integer"),
					 v->type == YM_JSON_NUMBER
						 ? v->u.num.raw
						 : ym_json_type_name(v->type));
			else
				snprintf(msg, sizeof msg, "%s",
					 _("not an NVD API response page"));
			ym_err_set(err, YM_E_INVALID, "%s", msg);
			const ym_json *at = v ? v : root;
			ym_err_at(err, file, (long)at->line, (long)at->col);
			ym_err_field(err, "%s", keys[i]);
			return YM_E_INVALID;
		}
		if (outs[i])
			*outs[i] = n;
	}
	return 0;
}
