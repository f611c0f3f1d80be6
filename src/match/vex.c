/* vex.c - CycloneDX, OpenVEX and CSAF VEX documents into ym_vex_statement.
 *
 * One parsed JSON tree per document. The format is told by the root
 * object's members (bomFormat, @context, document.csaf_version). The
 * CycloneDX reader first maps every bom-ref of the document (metadata
 * component, components and services at any depth) to the component's
 * identity, then reads vulnerabilities[]. The OpenVEX reader reads
 * statements[] (v0.0.x string forms included). CSAF goes through
 * ym_csaf_parse with a sink that turns each product status into a
 * statement; the tree parsed here only supplies the document header, the
 * product tree's relationships and the line of each product id.
 *
 * Hostile input: component nesting is followed MAX_DEPTH levels; strings
 * and nesting are bounded by the JSON parser's limits.
 */
#include "match/vex.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/i18n.h"
#include "core/json.h"
#include "core/map.h"
#include "core/vec.h"
#include "feeds/csaf.h"
#include "ids/cpe.h"
#include "ids/purl.h"
#include "version/version.h"

#define MAX_DEPTH 64 /* nested components / services / branches */

typedef YM_VEC(const char *) str_vec;
typedef YM_VEC(ym_vex_product) prod_vec;
typedef YM_VEC(ym_vex_statement) stmt_vec;

static const char *const empty_list[] = {NULL};

/* A component of a CycloneDX document, by bom-ref; a CSAF product by id. */
typedef struct ident {
	const char *name, *version;
	const char *range;       /* canonical vers (CSAF), or NULL */
	const char *vendor;
	const char *purl;        /* canonical, or NULL */
	const char *purl_nover;  /* canonical without version, or NULL */
	const char *cpe;
} ident;

typedef struct ctx {
	const char *file;
	ym_arena *a;
	ym_err *err;
	const ym_vex_opts *opts;
	ym_vex_doc *doc;
	const ym_json *root;
	const char *record;  /* vulnerability being read, for messages */
	stmt_vec stmts;
	ym_map refs;         /* CycloneDX bom-ref / CSAF product id -> ident */
	ym_map rels;         /* CSAF relationship product id -> rel */
	const char *serial;  /* CycloneDX serialNumber without "urn:uuid:" */
	/* CSAF */
	size_t csaf_index;   /* vulnerabilities[] index of the next record */
	bool csaf_sink_failed;
} ctx;

typedef struct rel {
	const char *product_reference;
	const char *relates_to;
	const char *category;
} rel;

/* ---- names ---- */

static const char *const status_names[] = {
	NULL, "not_affected", "affected", "fixed", "under_investigation"};

static const char *const just_names[] = {
	NULL,
	"component_not_present",
	"vulnerable_code_not_present",
	"vulnerable_code_not_in_execute_path",
	"vulnerable_code_cannot_be_controlled_by_adversary",
	"inline_mitigations_already_exist",
};

const char *ym_vex_status_name(ym_vex_status s)
{
	if ((int)s < 1 || (int)s > 4)
		return NULL;
	return status_names[s];
}

const char *ym_vex_justification_name(ym_vex_justification j)
{
	if ((int)j < 1 || (int)j > 5)
		return NULL;
	return just_names[j];
}

const char *ym_vex_format_name(ym_vex_format f)
{
	switch (f) {
	case YM_VEX_FORMAT_CYCLONEDX:
		return "cyclonedx";
	case YM_VEX_FORMAT_OPENVEX:
		return "openvex";
	case YM_VEX_FORMAT_CSAF:
		return "csaf";
	default:
		return NULL;
	}
}

static ym_vex_justification just_from_openvex(const char *s)
{
	for (int i = 1; i <= 5; i++)
		if (strcmp(s, just_names[i]) == 0)
			return (ym_vex_justification)i;
	return YM_VEX_JUST_NONE;
}

/* CycloneDX impactAnalysisJustification -> OpenVEX / CISA. */
static const struct {
	const char *cdx;
	ym_vex_justification j;
} cdx_just[] = {
	{"code_not_present", YM_VEX_VULNERABLE_CODE_NOT_PRESENT},
	{"code_not_reachable", YM_VEX_VULNERABLE_CODE_NOT_IN_EXECUTE_PATH},
	{"requires_configuration",
	 YM_VEX_VULNERABLE_CODE_CANNOT_BE_CONTROLLED_BY_ADVERSARY},
	{"requires_dependency", YM_VEX_COMPONENT_NOT_PRESENT},
	{"requires_environment",
	 YM_VEX_VULNERABLE_CODE_CANNOT_BE_CONTROLLED_BY_ADVERSARY},
	{"protected_by_compiler", YM_VEX_INLINE_MITIGATIONS_ALREADY_EXIST},
	{"protected_at_runtime", YM_VEX_INLINE_MITIGATIONS_ALREADY_EXIST},
	{"protected_at_perimeter", YM_VEX_INLINE_MITIGATIONS_ALREADY_EXIST},
	{"protected_by_mitigating_control",
	 YM_VEX_INLINE_MITIGATIONS_ALREADY_EXIST},
};

/* CycloneDX impactAnalysisState -> status. */
static const struct {
	const char *cdx;
	ym_vex_status s;
} cdx_state[] = {
	{"resolved", YM_VEX_FIXED},
	{"resolved_with_pedigree", YM_VEX_FIXED},
	{"exploitable", YM_VEX_AFFECTED},
	{"in_triage", YM_VEX_UNDER_INVESTIGATION},
	{"false_positive", YM_VEX_NOT_AFFECTED},
	{"not_affected", YM_VEX_NOT_AFFECTED},
};

/* ---- errors and warnings ---- */

static void place(ym_err *e, const ctx *c, const ym_json *node,
		  const char *field)
{
	ym_err_at(e, c->file, node ? (long)node->line : 0,
		  node ? (long)node->col : 0);
	if (field && *field)
		ym_err_field(e, "%s", field);
	if (c->record)
		ym_err_record(e, c->record);
}

static int fail(ctx *c, const ym_json *node, const char *field,
		const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static int fail(ctx *c, const ym_json *node, const char *field,
		const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	ym_err_setv(c->err, YM_E_INVALID, fmt, ap);
	va_end(ap);
	place(c->err, c, node, field);
	return YM_E_INVALID;
}

static void pass_warning(ctx *c, const ym_err *w)
{
	c->doc->n_warnings++;
	if (c->opts->warn)
		c->opts->warn(w, c->opts->ctx);
}

static void warn(ctx *c, const ym_json *node, const char *field,
		 const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static void warn(ctx *c, const ym_json *node, const char *field,
		 const char *fmt, ...)
{
	ym_err w = YM_ERR_INIT;
	va_list ap;
	va_start(ap, fmt);
	ym_err_setv(&w, YM_E_INVALID, fmt, ap);
	va_end(ap);
	place(&w, c, node, field);
	pass_warning(c, &w);
}

static int wrong_type(ctx *c, const ym_json *node, const char *field,
		      const char *want)
{
	return fail(c, node, field, _("expected %s, got %s"), want,
		    ym_json_type_name(node->type));
}

/* A malformed statement (c->err set): strict returns the code, lax
 * counts it, passes it to opts->skip and returns 0. */
static int bad_statement(ctx *c)
{
	if (c->opts->strict)
		return c->err->code;
	c->doc->n_skipped++;
	if (c->opts->skip)
		c->opts->skip(c->err, c->opts->ctx);
	ym_err_clear(c->err);
	return 0;
}

/* A product of a statement that cannot be read (c->err set): strict
 * returns the code; lax turns the error into a warning and returns 1 (the
 * product is left out, the rest of the statement kept). */
static int bad_product(ctx *c)
{
	char msg[sizeof c->err->msg];
	if (c->opts->strict)
		return c->err->code;
	ym_err w = *c->err;
	snprintf(msg, sizeof msg, "%s", w.msg);
	ym_err_set(&w, w.code, _("%s; the product is left out"), msg);
	ym_err_clear(c->err);
	pass_warning(c, &w);
	return 1;
}

static void join(char *out, size_t n, const char *path, const char *key)
{
	snprintf(out, n, "%s%s%s", path, *path ? "." : "", key);
}

/* ---- typed access ---- */

static int get_str(ctx *c, const ym_json *obj, const char *key,
		   const char *path, bool required, const char **out)
{
	char field[256];
	const ym_json *v = ym_json_get(obj, key);
	*out = NULL;
	join(field, sizeof field, path, key);
	if (!v || v->type == YM_JSON_NULL) {
		if (required)
			return fail(c, obj, field,
				    _("required member '%s' is missing"), key);
		return 0;
	}
	if (v->type != YM_JSON_STRING)
		return wrong_type(c, v, field, _("string"));
	if (v->u.str.len == 0) {
		if (required)
			return fail(c, v, field, _("'%s' is empty"), key);
		return 0;
	}
	*out = v->u.str.s;
	return 0;
}

static int get_typed(ctx *c, const ym_json *obj, const char *key,
		     const char *path, bool required, ym_json_type t,
		     const ym_json **out)
{
	char field[256];
	const ym_json *v = ym_json_get(obj, key);
	*out = NULL;
	join(field, sizeof field, path, key);
	if (!v || v->type == YM_JSON_NULL) {
		if (required)
			return fail(c, obj, field,
				    _("required member '%s' is missing"), key);
		return 0;
	}
	if (v->type != t)
		return wrong_type(c, v, field,
				  t == YM_JSON_ARRAY ? _("array")
						     : _("object"));
	*out = v;
	return 0;
}

static int get_arr(ctx *c, const ym_json *obj, const char *key,
		   const char *path, bool required, const ym_json **out)
{
	return get_typed(c, obj, key, path, required, YM_JSON_ARRAY, out);
}

static int get_obj(ctx *c, const ym_json *obj, const char *key,
		   const char *path, bool required, const ym_json **out)
{
	return get_typed(c, obj, key, path, required, YM_JSON_OBJECT, out);
}

/* A string or a number as text (document versions), else NULL. */
static const char *str_or_num(const ym_json *v)
{
	if (!v)
		return NULL;
	if (v->type == YM_JSON_STRING && v->u.str.len)
		return v->u.str.s;
	if (v->type == YM_JSON_NUMBER)
		return v->u.num.raw;
	return NULL;
}

/* ---- lists and identifiers ---- */

static void add_unique(str_vec *v, const char *s, const char *except)
{
	if (!s || !*s || (except && strcmp(s, except) == 0))
		return;
	for (size_t i = 0; i < v->n; i++)
		if (strcmp(v->v[i], s) == 0)
			return;
	ym_vec_push(v, s);
}

static const char *const *list_done(ctx *c, const str_vec *v)
{
	if (!v->n)
		return empty_list;
	const char **l = ym_arena_alloc(c->a, (v->n + 1) * sizeof *l);
	memcpy(l, v->v, v->n * sizeof *l);
	l[v->n] = NULL;
	return l;
}

/* Canonical purl of s; *out NULL and an error when it does not parse. */
static int canon_purl(ctx *c, const char *s, const ym_json *node,
		      const char *field, const char **out,
		      const char **nover)
{
	ym_purl p;
	ym_err e = YM_ERR_INIT;
	*out = NULL;
	if (nover)
		*nover = NULL;
	if (ym_purl_parse(s, c->a, &p, &e))
		return fail(c, node, field, "%s", e.msg);
	*out = ym_purl_format(&p, c->a);
	if (nover) {
		p.version = NULL;
		*nover = ym_purl_format(&p, c->a);
	}
	return 0;
}

static int check_cpe(ctx *c, const char *s, const ym_json *node,
		     const char *field)
{
	ym_cpe cpe;
	ym_err e = YM_ERR_INIT;
	if (ym_cpe_parse(s, c->a, &cpe, &e))
		return fail(c, node, field, "%s", e.msg);
	return 0;
}

/* The CPE with its version set to ANY, bound as a formatted string. */
static const char *cpe_any_version(ctx *c, const char *s)
{
	ym_cpe cpe;
	ym_buf b = YM_BUF_INIT;
	if (ym_cpe_parse(s, c->a, &cpe, NULL))
		return NULL;
	cpe.av[YM_CPE_VERSION].kind = YM_CPE_ANY;
	cpe.av[YM_CPE_VERSION].s = NULL;
	cpe.av[YM_CPE_VERSION].len = 0;
	cpe.av[YM_CPE_VERSION].wild = false;
	ym_cpe_bind_fs(&cpe, &b);
	const char *r = ym_arena_strndup(c->a, b.ptr, b.len);
	ym_buf_release(&b);
	return r;
}

static int canon_range(ctx *c, const char *s, const ym_json *node,
		       const char *field, const char **out)
{
	ym_buf b = YM_BUF_INIT;
	ym_err e = YM_ERR_INIT;
	*out = NULL;
	if (strncmp(s, "vers:", 5) != 0)
		return fail(c, node, field,
			    _("range '%s' is not a vers range"), s);
	if (strcmp(s, "vers:all/*") == 0) {
		*out = "vers:all/*";
		return 0;
	}
	if (ym_vers_canonical(s, &b, &e)) {
		ym_buf_release(&b);
		return fail(c, node, field, "%s", e.msg);
	}
	*out = ym_arena_strndup(c->a, b.ptr, b.len);
	ym_buf_release(&b);
	return 0;
}

static const ym_vex_product *prods_done(ctx *c, const prod_vec *v)
{
	if (!v->n)
		return NULL;
	ym_vex_product *p = ym_arena_alloc(c->a, v->n * sizeof *p);
	memcpy(p, v->v, v->n * sizeof *p);
	return p;
}

static void push_statement(ctx *c, const ym_vex_statement *st)
{
	ym_vec_push(&c->stmts, *st);
}

/* ==== CycloneDX ==== */

/* Who makes a component: supplier, publisher, manufacturer (the
 * SBOM importer's order for ym_component.supplier first). */
static const char *cdx_vendor(const ym_json *obj)
{
	const char *s = ym_json_string(
		ym_json_get(ym_json_get(obj, "supplier"), "name"));
	if (!s || !*s)
		s = ym_json_string(ym_json_get(obj, "publisher"));
	if (!s || !*s)
		s = ym_json_string(
			ym_json_get(ym_json_get(obj, "manufacturer"), "name"));
	return s && *s ? s : NULL;
}

/* Maps obj's bom-ref (if any) to its identity, then its children. */
static void cdx_collect(ctx *c, const ym_json *obj, int depth)
{
	if (!obj || obj->type != YM_JSON_OBJECT || depth > MAX_DEPTH)
		return;
	const char *ref = ym_json_string(ym_json_get(obj, "bom-ref"));
	if (ref && *ref) {
		ident *id = ym_arena_zalloc(c->a, sizeof *id);
		const char *purl = ym_json_string(ym_json_get(obj, "purl"));
		const char *cpe = ym_json_string(ym_json_get(obj, "cpe"));
		id->name = ym_json_string(ym_json_get(obj, "name"));
		id->version = ym_json_string(ym_json_get(obj, "version"));
		id->vendor = cdx_vendor(obj);
		if (id->name && !*id->name)
			id->name = NULL;
		if (id->version && !*id->version)
			id->version = NULL;
		if (purl && *purl &&
		    canon_purl(c, purl, ym_json_get(obj, "purl"), "purl",
			       &id->purl, &id->purl_nover)) {
			warn(c, ym_json_get(obj, "purl"), "",
			     _("component '%s': %s"), ref, c->err->msg);
			ym_err_clear(c->err);
		}
		if (cpe && *cpe &&
		    check_cpe(c, cpe, ym_json_get(obj, "cpe"), "cpe")) {
			warn(c, ym_json_get(obj, "cpe"), "",
			     _("component '%s': %s"), ref, c->err->msg);
			ym_err_clear(c->err);
		} else if (cpe && *cpe) {
			id->cpe = cpe;
		}
		bool found;
		void **slot = ym_map_slot(&c->refs, ref, strlen(ref), &found);
		if (!found)
			*slot = id;
	}
	static const char *const kids[] = {"components", "services"};
	for (size_t k = 0; k < 2; k++) {
		const ym_json *arr = ym_json_get(obj, kids[k]);
		for (size_t i = 0; i < ym_json_len(arr) &&
				   arr->type == YM_JSON_ARRAY; i++)
			cdx_collect(c, arr->u.arr.items[i], depth + 1);
	}
}

static int hexval(char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}

/* %XX decoded (a bad escape or %00 is kept as it is). */
static const char *pct_decode(ctx *c, const char *s, size_t n)
{
	char *o = ym_arena_alloc(c->a, n + 1), *p = o;
	for (size_t i = 0; i < n; i++) {
		int h = -1, l = -1;
		if (s[i] == '%' && i + 2 < n) {
			h = hexval(s[i + 1]);
			l = hexval(s[i + 2]);
		}
		if (h >= 0 && l >= 0 && h * 16 + l != 0) {
			*p++ = (char)(h * 16 + l);
			i += 2;
		} else {
			*p++ = s[i];
		}
	}
	*p = '\0';
	return o;
}

/* Resolves an affects[].ref. *key is the bom-ref looked up (the
 * fragment of a BOM-link); NULL when a BOM-link has no fragment.
 * *foreign is the serial (lower case) of another BOM a BOM-link points
 * into, else NULL. */
static const ident *cdx_resolve(ctx *c, const char *ref, const char **key,
				const char **foreign)
{
	*key = ref;
	*foreign = NULL;
	if (strncmp(ref, "urn:cdx:", 8) != 0)
		return ym_map_get(&c->refs, ref, strlen(ref));
	const char *s = ref + 8, *hash = strchr(s, '#');
	if (!hash) {
		*key = NULL;
		return NULL;
	}
	const char *slash = memchr(s, '/', (size_t)(hash - s));
	size_t sn = (size_t)((slash ? slash : hash) - s);
	*key = pct_decode(c, hash + 1, strlen(hash + 1));
	if (!c->serial || strlen(c->serial) != sn ||
	    strncasecmp(c->serial, s, sn) != 0) {
		if (sn && **key) {
			char *f = ym_arena_strndup(c->a, s, sn);
			for (char *q = f; *q; q++)
				if (*q >= 'A' && *q <= 'Z')
					*q = (char)(*q - 'A' + 'a');
			*foreign = f;
		}
		return NULL;
	}
	return ym_map_get(&c->refs, *key, strlen(*key));
}

/* Whether a version entry's status agrees with the statement's. */
static bool status_agrees(ym_vex_status st, const char *vs)
{
	if (!vs)
		return true;
	switch (st) {
	case YM_VEX_NOT_AFFECTED:
	case YM_VEX_FIXED:
		return strcmp(vs, "unaffected") == 0;
	case YM_VEX_AFFECTED:
		return strcmp(vs, "affected") == 0;
	case YM_VEX_UNDER_INVESTIGATION:
		return strcmp(vs, "unaffected") != 0;
	}
	return false;
}

/* The products of one affects[] entry. */
static int cdx_affects(ctx *c, const ym_json *aj, const char *ap,
		       ym_vex_status status, prod_vec *out)
{
	const char *ref, *key;
	const ym_json *versions;
	char field[256];
	int rc;
	if (aj->type != YM_JSON_OBJECT)
		return wrong_type(c, aj, ap, _("object"));
	if ((rc = get_str(c, aj, "ref", ap, true, &ref)) ||
	    (rc = get_arr(c, aj, "versions", ap, false, &versions)))
		return rc;
	const char *foreign;
	const ident *id = cdx_resolve(c, ref, &key, &foreign);
	ym_vex_product base = {.id = ref, .line = aj->line};
	const char *purl_nover = NULL;
	join(field, sizeof field, ap, "ref");
	if (foreign) {
		base.bom_serial = foreign;
		base.bom_ref = key;
	}
	if (id) {
		base.name = id->name;
		base.version = id->version;
		base.vendor = id->vendor;
		base.purl = id->purl;
		purl_nover = id->purl_nover;
		base.cpe = id->cpe;
		if (!base.purl && !base.cpe && !base.name)
			warn(c, ym_json_get(aj, "ref"), field,
			     _("component '%s' has no purl, cpe or name"),
			     key);
	} else if (key && strncmp(key, "pkg:", 4) == 0 &&
		   canon_purl(c, key, NULL, NULL, &base.purl,
			      &purl_nover) == 0) {
		/* a bom-ref that is a purl stands for that package */
	} else {
		ym_err_clear(c->err);
		if (foreign)
			warn(c, ym_json_get(aj, "ref"), field,
			     _("BOM-link '%s' refers to another BOM; the "
			       "product is matched only in that BOM"), ref);
		else if (!key)
			warn(c, ym_json_get(aj, "ref"), field,
			     _("BOM-link '%s' names no bom-ref; the product "
			       "is known only by this link"), ref);
		else
			warn(c, ym_json_get(aj, "ref"), field,
			     _("bom-ref '%s' is not defined in this document"),
			     key);
	}
	if (!ym_json_len(versions)) {
		ym_vec_push(out, base);
		return 0;
	}
	join(field, sizeof field, ap, "versions");
	for (size_t i = 0; i < versions->u.arr.n; i++) {
		const ym_json *vj = versions->u.arr.items[i];
		const char *ver, *range, *vs;
		char vp[300];
		snprintf(vp, sizeof vp, "%s[%zu]", field, i);
		if (vj->type != YM_JSON_OBJECT)
			return wrong_type(c, vj, vp, _("object"));
		if ((rc = get_str(c, vj, "version", vp, false, &ver)) ||
		    (rc = get_str(c, vj, "range", vp, false, &range)) ||
		    (rc = get_str(c, vj, "status", vp, false, &vs)))
			return rc;
		if (!ver == !range)
			return fail(c, vj, vp, "%s",
				    _("a version entry needs exactly one of "
				      "'version' and 'range'"));
		if (vs && strcmp(vs, "affected") != 0 &&
		    strcmp(vs, "unaffected") != 0 &&
		    strcmp(vs, "unknown") != 0) {
			char f2[320];
			join(f2, sizeof f2, vp, "status");
			return fail(c, ym_json_get(vj, "status"), f2,
				    _("unknown version status '%s'"), vs);
		}
		ym_vex_product p = base;
		p.line = vj->line;
		p.version = ver;
		p.range = NULL;
		if (range) {
			char f2[320];
			join(f2, sizeof f2, vp, "range");
			if (canon_range(c, range, ym_json_get(vj, "range"),
					f2, &p.range)) {
				if ((rc = bad_product(c)) < 0)
					return rc;
				continue;
			}
		}
		if (p.purl)
			p.purl = purl_nover;
		if (p.cpe)
			p.cpe = cpe_any_version(c, p.cpe);
		if (!status_agrees(status, vs)) {
			warn(c, vj, vp,
			     _("version status '%s' contradicts the analysis "
			       "state; this version is left out"), vs);
			continue;
		}
		ym_vec_push(out, p);
	}
	return 0;
}

static int cdx_vuln(ctx *c, const ym_json *vj, size_t idx)
{
	char vp[64], ap[96], field[128];
	const char *id, *state, *just, *detail, *rec, *work, *first, *last;
	const char *updated, *published, *src_name = NULL;
	const ym_json *refs, *analysis, *resp, *affects, *src;
	str_vec aliases = YM_VEC_INIT, responses = YM_VEC_INIT;
	prod_vec prods = YM_VEC_INIT;
	ym_vex_statement st = {0};
	int rc;

	c->record = NULL;
	snprintf(vp, sizeof vp, "vulnerabilities[%zu]", idx);
	if (vj->type != YM_JSON_OBJECT) {
		rc = wrong_type(c, vj, vp, _("object"));
		goto out;
	}
	if ((rc = get_str(c, vj, "id", vp, true, &id)))
		goto out;
	c->record = id;
	if ((rc = get_obj(c, vj, "source", vp, false, &src)) ||
	    (src && (rc = get_str(c, src, "name", vp, false, &src_name))) ||
	    (rc = get_arr(c, vj, "references", vp, false, &refs)) ||
	    (rc = get_obj(c, vj, "analysis", vp, false, &analysis)) ||
	    (rc = get_str(c, vj, "recommendation", vp, false, &rec)) ||
	    (rc = get_str(c, vj, "workaround", vp, false, &work)) ||
	    (rc = get_str(c, vj, "updated", vp, false, &updated)) ||
	    (rc = get_str(c, vj, "published", vp, false, &published)) ||
	    (rc = get_arr(c, vj, "affects", vp, false, &affects)))
		goto out;
	join(ap, sizeof ap, vp, "analysis");
	state = NULL;
	if (analysis && (rc = get_str(c, analysis, "state", ap, false,
				      &state)))
		goto out;
	if (!state) {
		/* a vulnerability report entry, not a VEX statement */
		c->doc->n_ignored++;
		goto out;
	}
	if ((rc = get_str(c, analysis, "justification", ap, false, &just)) ||
	    (rc = get_str(c, analysis, "detail", ap, false, &detail)) ||
	    (rc = get_arr(c, analysis, "response", ap, false, &resp)) ||
	    (rc = get_str(c, analysis, "firstIssued", ap, false, &first)) ||
	    (rc = get_str(c, analysis, "lastUpdated", ap, false, &last)))
		goto out;
	st.status = 0;
	for (size_t i = 0; i < sizeof cdx_state / sizeof *cdx_state; i++)
		if (strcmp(state, cdx_state[i].cdx) == 0)
			st.status = cdx_state[i].s;
	if (!st.status) {
		join(field, sizeof field, ap, "state");
		rc = fail(c, ym_json_get(analysis, "state"), field,
			  _("unknown analysis state '%s'"), state);
		goto out;
	}
	st.status_text = state;
	if (just) {
		for (size_t i = 0; i < sizeof cdx_just / sizeof *cdx_just; i++)
			if (strcmp(just, cdx_just[i].cdx) == 0)
				st.justification = cdx_just[i].j;
		if (!st.justification) {
			join(field, sizeof field, ap, "justification");
			rc = fail(c, ym_json_get(analysis, "justification"),
				  field, _("unknown justification '%s'"), just);
			goto out;
		}
		st.justification_text = just;
	}
	for (size_t i = 0; i < ym_json_len(resp); i++) {
		const ym_json *r = resp->u.arr.items[i];
		if (r->type != YM_JSON_STRING) {
			snprintf(field, sizeof field, "%s.response[%zu]", ap,
				 i);
			rc = wrong_type(c, r, field, _("string"));
			goto out;
		}
		add_unique(&responses, r->u.str.s, NULL);
	}
	for (size_t i = 0; i < ym_json_len(refs); i++) {
		const ym_json *r = refs->u.arr.items[i];
		const char *rid;
		snprintf(field, sizeof field, "%s.references[%zu]", vp, i);
		if (r->type != YM_JSON_OBJECT) {
			rc = wrong_type(c, r, field, _("object"));
			goto out;
		}
		if ((rc = get_str(c, r, "id", field, false, &rid)))
			goto out;
		add_unique(&aliases, rid, id);
	}
	if (!ym_json_len(affects)) {
		rc = fail(c, affects ? affects : vj, vp, "%s",
			  _("the statement names no product (affects is "
			    "missing or empty)"));
		goto out;
	}
	for (size_t i = 0; i < affects->u.arr.n; i++) {
		snprintf(field, sizeof field, "%s.affects[%zu]", vp, i);
		if ((rc = cdx_affects(c, affects->u.arr.items[i], field,
				      st.status, &prods)))
			goto out;
	}
	if (!prods.n) {
		warn(c, affects, vp, "%s",
		     _("no product of the statement is left; the statement "
		       "is left out"));
		goto out;
	}
	st.vuln_id = id;
	st.aliases = list_done(c, &aliases);
	st.responses = list_done(c, &responses);
	st.impact = detail;
	st.action = rec ? rec : work;
	st.source = src_name;
	st.products = prods_done(c, &prods);
	st.n_products = prods.n;
	st.timestamp = last ? last : first ? first : updated ? updated
			 : published ? published : c->doc->timestamp;
	st.first_issued = first;
	st.format = YM_VEX_FORMAT_CYCLONEDX;
	st.file = c->file;
	st.line = vj->line;
	st.field = ym_arena_strdup(c->a, vp);
	push_statement(c, &st);
out:
	ym_vec_release(&aliases);
	ym_vec_release(&responses);
	ym_vec_release(&prods);
	return rc;
}

static const char *cdx_author(const ym_json *md)
{
	static const char *const orgs[] = {"manufacturer", "supplier",
					   "manufacture"};
	for (size_t i = 0; i < 3; i++) {
		const char *n = ym_json_string(
			ym_json_get(ym_json_get(md, orgs[i]), "name"));
		if (n && *n)
			return n;
	}
	const ym_json *authors = ym_json_get(md, "authors");
	if (authors && authors->type == YM_JSON_ARRAY && authors->u.arr.n) {
		const char *n = ym_json_string(
			ym_json_get(authors->u.arr.items[0], "name"));
		if (n && *n)
			return n;
	}
	return NULL;
}

static int cdx_parse(ctx *c)
{
	const ym_json *root = c->root, *md, *vulns;
	const char *serial;
	int rc;
	c->doc->format = YM_VEX_FORMAT_CYCLONEDX;
	if ((rc = get_str(c, root, "specVersion", "", false,
			  &c->doc->spec_version)) ||
	    (rc = get_str(c, root, "serialNumber", "", false, &serial)) ||
	    (rc = get_obj(c, root, "metadata", "", false, &md)) ||
	    (rc = get_arr(c, root, "vulnerabilities", "", false, &vulns)))
		return rc;
	c->doc->id = serial;
	c->serial = serial && strncasecmp(serial, "urn:uuid:", 9) == 0
			    ? serial + 9 : serial;
	c->doc->version = str_or_num(ym_json_get(root, "version"));
	c->doc->timestamp = ym_json_string(ym_json_get(md, "timestamp"));
	c->doc->author = cdx_author(md);
	cdx_collect(c, ym_json_get(md, "component"), 0);
	static const char *const tops[] = {"components", "services"};
	for (size_t k = 0; k < 2; k++) {
		const ym_json *arr = ym_json_get(root, tops[k]);
		for (size_t i = 0; arr && arr->type == YM_JSON_ARRAY &&
				   i < arr->u.arr.n; i++)
			cdx_collect(c, arr->u.arr.items[i], 1);
	}
	for (size_t i = 0; i < ym_json_len(vulns); i++) {
		rc = cdx_vuln(c, vulns->u.arr.items[i], i);
		if (rc && (rc = bad_statement(c)))
			return rc;
	}
	return 0;
}

/* ==== OpenVEX ==== */

/* One product or subcomponent: a string or {@id, identifiers}. Returns
 * 1 when the product is left out (lax mode, unreadable identifier). */
static int ovx_product(ctx *c, const ym_json *pj, const char *pp,
		       ym_vex_product *p)
{
	const char *id = NULL, *purl = NULL, *cpe23 = NULL, *cpe22 = NULL;
	const ym_json *ids = NULL, *idn = pj;
	char field[300];
	int rc;
	memset(p, 0, sizeof *p);
	p->line = pj->line;
	if (pj->type == YM_JSON_STRING) {
		id = pj->u.str.len ? pj->u.str.s : NULL;
		snprintf(field, sizeof field, "%s", pp);
	} else if (pj->type == YM_JSON_OBJECT) {
		if ((rc = get_str(c, pj, "@id", pp, false, &id)) ||
		    (rc = get_obj(c, pj, "identifiers", pp, false, &ids)))
			return rc;
		join(field, sizeof field, pp, "identifiers");
		if (ids && ((rc = get_str(c, ids, "purl", field, false,
					  &purl)) ||
			    (rc = get_str(c, ids, "cpe23", field, false,
					  &cpe23)) ||
			    (rc = get_str(c, ids, "cpe22", field, false,
					  &cpe22))))
			return rc;
		idn = ym_json_get(pj, "@id");
		join(field, sizeof field, pp, "@id");
	} else {
		return wrong_type(c, pj, pp, _("string or object"));
	}
	p->id = id;
	if (id && strncmp(id, "pkg:", 4) == 0 && !purl) {
		if (canon_purl(c, id, idn, field, &p->purl, NULL))
			return bad_product(c);
	} else if (id && strncmp(id, "cpe:", 4) == 0 && !cpe23 && !cpe22) {
		if (check_cpe(c, id, idn, field))
			return bad_product(c);
		p->cpe = id;
	}
	join(field, sizeof field, pp, "identifiers");
	if (purl) {
		char f2[320];
		join(f2, sizeof f2, field, "purl");
		if (canon_purl(c, purl, ym_json_get(ids, "purl"), f2,
			       &p->purl, NULL))
			return bad_product(c);
	}
	const char *cpe = cpe23 ? cpe23 : cpe22;
	if (cpe) {
		char f2[320];
		join(f2, sizeof f2, field, cpe23 ? "cpe23" : "cpe22");
		if (check_cpe(c, cpe,
			      ym_json_get(ids, cpe23 ? "cpe23" : "cpe22"), f2))
			return bad_product(c);
		p->cpe = cpe;
	}
	if (!p->id && !p->purl && !p->cpe) {
		fail(c, pj, pp, "%s",
		     _("product has no @id and no identifiers"));
		return bad_product(c);
	}
	return 0;
}

static int ovx_subs(ctx *c, const ym_json *arr, const char *path,
		    const ym_vex_product **out, size_t *n)
{
	prod_vec v = YM_VEC_INIT;
	char field[300];
	int rc = 0;
	*out = NULL;
	*n = 0;
	for (size_t i = 0; i < ym_json_len(arr); i++) {
		ym_vex_product p;
		snprintf(field, sizeof field, "%s[%zu]", path, i);
		rc = ovx_product(c, arr->u.arr.items[i], field, &p);
		if (rc < 0)
			goto out;
		if (rc == 0)
			ym_vec_push(&v, p);
		rc = 0;
	}
	*out = prods_done(c, &v);
	*n = v.n;
	if (ym_json_len(arr) && !v.n)
		rc = 1; /* none readable: the product must not widen */
out:
	ym_vec_release(&v);
	return rc;
}

static int ovx_statement(ctx *c, const ym_json *sj, size_t idx)
{
	char sp[64], field[128];
	const ym_json *vul, *prods_j, *subs_j, *al;
	const char *status, *just, *impact, *action, *notes, *ts, *upd;
	str_vec aliases = YM_VEC_INIT;
	prod_vec prods = YM_VEC_INIT;
	ym_vex_statement st = {0};
	const char *vid = NULL, *vat = NULL;
	int rc;

	c->record = NULL;
	snprintf(sp, sizeof sp, "statements[%zu]", idx);
	if (sj->type != YM_JSON_OBJECT) {
		rc = wrong_type(c, sj, sp, _("object"));
		goto out;
	}
	join(field, sizeof field, sp, "vulnerability");
	vul = ym_json_get(sj, "vulnerability");
	if (!vul || vul->type == YM_JSON_NULL) {
		rc = fail(c, sj, field, _("required member '%s' is missing"),
			  "vulnerability");
		goto out;
	}
	if (vul->type == YM_JSON_STRING) {
		vid = vul->u.str.len ? vul->u.str.s : NULL;
	} else if (vul->type == YM_JSON_OBJECT) {
		if ((rc = get_str(c, vul, "name", field, false, &vid)) ||
		    (rc = get_str(c, vul, "@id", field, false, &vat)) ||
		    (rc = get_arr(c, vul, "aliases", field, false, &al)))
			goto out;
		for (size_t i = 0; i < ym_json_len(al); i++) {
			const ym_json *a = al->u.arr.items[i];
			if (a->type != YM_JSON_STRING) {
				char f2[160];
				snprintf(f2, sizeof f2, "%s.aliases[%zu]",
					 field, i);
				rc = wrong_type(c, a, f2, _("string"));
				goto out;
			}
			add_unique(&aliases, a->u.str.s, NULL);
		}
	} else {
		rc = wrong_type(c, vul, field, _("string or object"));
		goto out;
	}
	if (!vid)
		vid = vat;
	if (!vid) {
		rc = fail(c, vul, field, "%s",
			  _("vulnerability has neither a name nor an @id"));
		goto out;
	}
	c->record = vid;
	if (vat && strcmp(vat, vid) != 0) {
		/* the @id first, then the listed aliases */
		ym_vec_push(&aliases, NULL);
		memmove(aliases.v + 1, aliases.v,
			(aliases.n - 1) * sizeof *aliases.v);
		aliases.v[0] = vat;
	}
	for (size_t i = 0; i < aliases.n;) {
		if (strcmp(aliases.v[i], vid) == 0 ||
		    (i && strcmp(aliases.v[i], aliases.v[0]) == 0)) {
			memmove(aliases.v + i, aliases.v + i + 1,
				(aliases.n - i - 1) * sizeof *aliases.v);
			aliases.n--;
		} else {
			i++;
		}
	}
	if ((rc = get_str(c, sj, "status", sp, true, &status)) ||
	    (rc = get_str(c, sj, "justification", sp, false, &just)) ||
	    (rc = get_str(c, sj, "impact_statement", sp, false, &impact)) ||
	    (rc = get_str(c, sj, "action_statement", sp, false, &action)) ||
	    (rc = get_str(c, sj, "status_notes", sp, false, &notes)) ||
	    (rc = get_str(c, sj, "timestamp", sp, false, &ts)) ||
	    (rc = get_str(c, sj, "last_updated", sp, false, &upd)) ||
	    (rc = get_arr(c, sj, "products", sp, false, &prods_j)) ||
	    (rc = get_arr(c, sj, "subcomponents", sp, false, &subs_j)))
		goto out;
	for (int i = 1; i <= 4; i++)
		if (strcmp(status, status_names[i]) == 0)
			st.status = (ym_vex_status)i;
	if (!st.status) {
		join(field, sizeof field, sp, "status");
		rc = fail(c, ym_json_get(sj, "status"), field,
			  _("unknown status '%s'"), status);
		goto out;
	}
	if (just) {
		st.justification = just_from_openvex(just);
		if (!st.justification) {
			join(field, sizeof field, sp, "justification");
			rc = fail(c, ym_json_get(sj, "justification"), field,
				  _("unknown justification '%s'"), just);
			goto out;
		}
	}
	if (!ym_json_len(prods_j)) {
		join(field, sizeof field, sp, "products");
		rc = fail(c, prods_j ? prods_j : sj, field, "%s",
			  _("the statement names no product"));
		goto out;
	}
	/* v0.0.x: subcomponents of the statement belong to every product */
	const ym_vex_product *top_subs;
	size_t n_top_subs;
	join(field, sizeof field, sp, "subcomponents");
	if ((rc = ovx_subs(c, subs_j, field, &top_subs, &n_top_subs)) < 0)
		goto out;
	if (rc == 1) {
		rc = fail(c, subs_j, field, "%s",
			  _("no subcomponent of the statement could be read"));
		goto out;
	}
	for (size_t i = 0; i < prods_j->u.arr.n; i++) {
		const ym_json *pj = prods_j->u.arr.items[i];
		const ym_json *sub;
		ym_vex_product p;
		char pp[160], f2[200];
		snprintf(pp, sizeof pp, "%s.products[%zu]", sp, i);
		rc = ovx_product(c, pj, pp, &p);
		if (rc < 0)
			goto out;
		if (rc == 1) {
			rc = 0;
			continue;
		}
		p.subcomponents = top_subs;
		p.n_subcomponents = n_top_subs;
		if (pj->type == YM_JSON_OBJECT) {
			if ((rc = get_arr(c, pj, "subcomponents", pp, false,
					  &sub)))
				goto out;
			join(f2, sizeof f2, pp, "subcomponents");
			if (ym_json_len(sub) &&
			    (rc = ovx_subs(c, sub, f2, &p.subcomponents,
					   &p.n_subcomponents)) < 0)
				goto out;
			if (rc == 1) {
				rc = 0;
				warn(c, sub, f2, "%s",
				     _("no subcomponent could be read; the "
				       "product is left out"));
				continue;
			}
		}
		ym_vec_push(&prods, p);
	}
	if (!prods.n) {
		join(field, sizeof field, sp, "products");
		rc = fail(c, prods_j, field, "%s",
			  _("no product of the statement could be read"));
		goto out;
	}
	if (st.status == YM_VEX_NOT_AFFECTED && !just && !impact)
		warn(c, sj, sp, "%s",
		     _("not_affected statement has neither a justification "
		       "nor an impact_statement"));
	if (st.status == YM_VEX_AFFECTED && !action)
		warn(c, sj, sp, "%s",
		     _("affected statement has no action_statement"));
	st.vuln_id = vid;
	st.aliases = list_done(c, &aliases);
	st.status_text = status;
	st.justification_text = just;
	st.impact = impact;
	st.action = action;
	st.notes = notes;
	st.responses = empty_list;
	st.products = prods_done(c, &prods);
	st.n_products = prods.n;
	st.timestamp = upd ? upd : ts ? ts : c->doc->timestamp;
	st.format = YM_VEX_FORMAT_OPENVEX;
	st.file = c->file;
	st.line = sj->line;
	st.field = ym_arena_strdup(c->a, sp);
	push_statement(c, &st);
out:
	ym_vec_release(&aliases);
	ym_vec_release(&prods);
	return rc;
}

static int ovx_parse(ctx *c, const char *context)
{
	const ym_json *root = c->root, *stmts;
	const char *last;
	int rc;
	c->doc->format = YM_VEX_FORMAT_OPENVEX;
	c->doc->spec_version = context;
	if ((rc = get_str(c, root, "@id", "", false, &c->doc->id)) ||
	    (rc = get_str(c, root, "author", "", false, &c->doc->author)) ||
	    (rc = get_str(c, root, "timestamp", "", false,
			  &c->doc->timestamp)) ||
	    (rc = get_str(c, root, "last_updated", "", false, &last)) ||
	    (rc = get_arr(c, root, "statements", "", true, &stmts)))
		return rc;
	if (last)
		c->doc->timestamp = last;
	c->doc->version = str_or_num(ym_json_get(root, "version"));
	if (!c->doc->author)
		warn(c, root, "author", "%s",
		     _("the document names no author"));
	for (size_t i = 0; i < stmts->u.arr.n; i++) {
		rc = ovx_statement(c, stmts->u.arr.items[i], i);
		if (rc && (rc = bad_statement(c)))
			return rc;
	}
	return 0;
}

/* ==== CSAF ==== */

/* What the branch path above a CSAF product says about it. */
typedef struct branch_path {
	const char *vendor;
	const char *name;    /* nearest product_name / product_family */
	const char *version; /* product_version */
	const char *range;   /* product_version_range as written */
	const ym_json *range_node;
} branch_path;

/* A version range in the deprecated CSAF vls form ("<=1.14.0",
 * ">= 2.0 | < 3.0") as a generic vers range into b; false when a
 * constraint is not an optional comparator and a version that starts
 * with a digit. */
static bool vls_to_vers(const char *s, ym_buf *b)
{
	ym_buf_adds(b, "vers:generic/");
	for (const char *p = s;;) {
		while (*p == ' ')
			p++;
		size_t op = strspn(p, "<>=!");
		if (op > 2)
			return false;
		ym_buf_add(b, p, op);
		p += op;
		while (*p == ' ')
			p++;
		if (*p < '0' || *p > '9')
			return false;
		size_t n = strcspn(p, " |");
		ym_buf_add(b, p, n);
		p += n;
		while (*p == ' ')
			p++;
		if (!*p)
			return true;
		if (*p++ != '|')
			return false;
		ym_buf_addc(b, '|');
	}
}

/* A CSAF product_version_range as a canonical vers range, or NULL with a
 * warning. "vers:all/(star)" stays as it is (every version); a range in
 * the vls form is read as a generic vers range. */
static const char *csaf_range(ctx *c, const char *pid, const char *s,
			      const ym_json *node)
{
	ym_buf b = YM_BUF_INIT, v = YM_BUF_INIT;
	ym_err e = YM_ERR_INIT;
	const char *res = NULL;
	if (strcmp(s, "vers:all/*") == 0)
		return "vers:all/*";
	if (strncmp(s, "vers:", 5) == 0)
		ym_buf_adds(&v, s);
	else if (!vls_to_vers(s, &v))
		ym_buf_reset(&v);
	if (v.len && ym_vers_canonical(v.ptr, &b, &e) == 0)
		res = ym_arena_strndup(c->a, b.ptr, b.len);
	if (!res)
		warn(c, node, "product_tree",
		     _("product '%s': version range '%s' cannot be read; the "
		       "product is matched by its identifiers only"), pid, s);
	ym_buf_release(&b);
	ym_buf_release(&v);
	return res;
}

static void csaf_ident(ctx *c, const ym_json *fpn, const branch_path *bp)
{
	const char *pid = ym_json_string(ym_json_get(fpn, "product_id"));
	if (!pid || !*pid)
		return;
	const ym_json *h = ym_json_get(fpn, "product_identification_helper");
	ident *id = ym_arena_zalloc(c->a, sizeof *id);
	id->name = ym_json_string(ym_json_get(fpn, "name"));
	if (bp) {
		id->vendor = bp->vendor;
		/* "Example Company ABC 4.2" is product ABC, version 4.2 */
		if (bp->name && (bp->version || bp->range)) {
			id->name = bp->name;
			id->version = bp->version;
			if (bp->range)
				id->range = csaf_range(c, pid, bp->range,
						       bp->range_node);
		}
	}
	const char *purl = ym_json_string(ym_json_get(h, "purl"));
	const char *cpe = ym_json_string(ym_json_get(h, "cpe"));
	if (purl && *purl && canon_purl(c, purl, NULL, NULL, &id->purl,
					&id->purl_nover))
		ym_err_clear(c->err); /* csaf.c warns about it */
	if (cpe && *cpe && check_cpe(c, cpe, NULL, NULL) == 0)
		id->cpe = cpe;
	else
		ym_err_clear(c->err);
	bool found;
	void **slot = ym_map_slot(&c->refs, pid, strlen(pid), &found);
	if (!found)
		*slot = id;
}

static void csaf_branches(ctx *c, const ym_json *arr, int depth,
			  const branch_path *up)
{
	if (!arr || arr->type != YM_JSON_ARRAY || depth > MAX_DEPTH)
		return;
	for (size_t i = 0; i < arr->u.arr.n; i++) {
		const ym_json *b = arr->u.arr.items[i];
		const char *cat = ym_json_string(ym_json_get(b, "category"));
		const char *name = ym_json_string(ym_json_get(b, "name"));
		branch_path bp = *up;
		if (cat && name && *name) {
			if (strcmp(cat, "vendor") == 0) {
				bp.vendor = name;
			} else if (strcmp(cat, "product_name") == 0 ||
				   strcmp(cat, "product_family") == 0) {
				bp.name = name;
				bp.version = bp.range = NULL;
			} else if (strcmp(cat, "product_version") == 0) {
				bp.version = name;
				bp.range = NULL;
			} else if (strcmp(cat, "product_version_range") == 0) {
				bp.range = name;
				bp.range_node = ym_json_get(b, "name");
				bp.version = NULL;
			}
		}
		csaf_ident(c, ym_json_get(b, "product"), &bp);
		csaf_branches(c, ym_json_get(b, "branches"), depth + 1, &bp);
	}
}

static void csaf_tree(ctx *c, const ym_json *tree)
{
	const ym_json *fpns = ym_json_get(tree, "full_product_names");
	const ym_json *rels = ym_json_get(tree, "relationships");
	const branch_path top = {0};
	csaf_branches(c, ym_json_get(tree, "branches"), 0, &top);
	for (size_t i = 0; fpns && fpns->type == YM_JSON_ARRAY &&
			   i < fpns->u.arr.n; i++)
		csaf_ident(c, fpns->u.arr.items[i], NULL);
	for (size_t i = 0; rels && rels->type == YM_JSON_ARRAY &&
			   i < rels->u.arr.n; i++) {
		const ym_json *r = rels->u.arr.items[i];
		const char *pid = ym_json_string(ym_json_get(
			ym_json_get(r, "full_product_name"), "product_id"));
		const char *pr = ym_json_string(
			ym_json_get(r, "product_reference"));
		const char *rt = ym_json_string(
			ym_json_get(r, "relates_to_product_reference"));
		if (!pid || !pr || !rt || !*pid)
			continue;
		rel *x = ym_arena_zalloc(c->a, sizeof *x);
		x->product_reference = pr;
		x->relates_to = rt;
		x->category = ym_json_string(ym_json_get(r, "category"));
		bool found;
		void **slot = ym_map_slot(&c->rels, pid, strlen(pid), &found);
		if (!found)
			*slot = x;
	}
}

/* Line of product id in vulnerabilities[idx].product_status[key]. */
static long csaf_line(ctx *c, size_t idx, const char *key, const char *id,
		      size_t *pos)
{
	const ym_json *vulns = ym_json_get(c->root, "vulnerabilities");
	const ym_json *v = ym_json_at(vulns, idx);
	const ym_json *arr = ym_json_get(ym_json_get(v, "product_status"),
					 key);
	*pos = 0;
	for (size_t i = 0; i < ym_json_len(arr) &&
			   arr->type == YM_JSON_ARRAY; i++) {
		const char *s = ym_json_string(arr->u.arr.items[i]);
		if (s && strcmp(s, id) == 0) {
			*pos = i;
			return arr->u.arr.items[i]->line;
		}
	}
	return v ? (long)v->line : 0;
}

/* Remediations naming product id, "category: details" per line. */
static const char *csaf_action(ctx *c, const char *rems, const char *id)
{
	ym_arena tmp;
	ym_buf b = YM_BUF_INIT;
	const char *res = NULL;
	if (!rems)
		return NULL;
	ym_arena_init(&tmp, 4096);
	const ym_json *j = ym_json_parse(&tmp, rems, strlen(rems), NULL,
					 NULL, NULL);
	for (size_t i = 0; j && j->type == YM_JSON_ARRAY && i < j->u.arr.n;
	     i++) {
		const ym_json *r = j->u.arr.items[i];
		const ym_json *ids = ym_json_get(r, "product_ids");
		bool named = false;
		for (size_t k = 0; k < ym_json_len(ids) &&
				   ids->type == YM_JSON_ARRAY; k++) {
			const char *s = ym_json_string(ids->u.arr.items[k]);
			named = named || (s && strcmp(s, id) == 0);
		}
		if (!named)
			continue;
		const char *cat = ym_json_string(ym_json_get(r, "category"));
		const char *det = ym_json_string(ym_json_get(r, "details"));
		if (b.len)
			ym_buf_addc(&b, '\n');
		ym_buf_printf(&b, "%s: %s", cat ? cat : "",
			      det ? det : "");
	}
	if (b.len)
		res = ym_arena_strndup(c->a, b.ptr, b.len);
	ym_buf_release(&b);
	ym_arena_release(&tmp);
	return res;
}

static const struct {
	const char *key;
	ym_vex_status s;
} csaf_status[] = {
	{"first_affected", YM_VEX_AFFECTED},
	{"known_affected", YM_VEX_AFFECTED},
	{"last_affected", YM_VEX_AFFECTED},
	{"known_not_affected", YM_VEX_NOT_AFFECTED},
	{"first_fixed", YM_VEX_FIXED},
	{"fixed", YM_VEX_FIXED},
	{"under_investigation", YM_VEX_UNDER_INVESTIGATION},
};

static void fill_from_ident(ym_vex_product *p, const ident *id)
{
	if (!id)
		return;
	p->name = id->name;
	p->version = id->version;
	p->range = id->range;
	p->vendor = id->vendor;
	p->purl = id->purl;
	p->cpe = id->cpe;
}

static int csaf_sink(const ym_vuln *v, void *vctx, ym_err *err)
{
	ctx *c = vctx;
	size_t idx = c->csaf_index++;
	(void)err;
	for (size_t i = 0; i < v->n_products; i++) {
		const ym_product_status *ps = &v->products[i];
		ym_vex_statement st = {0};
		ym_vex_product *p = ym_arena_zalloc(c->a, sizeof *p);
		size_t pos;
		for (size_t k = 0;
		     k < sizeof csaf_status / sizeof *csaf_status; k++)
			if (strcmp(ps->status, csaf_status[k].key) == 0)
				st.status = csaf_status[k].s;
		if (!st.status) {
			c->doc->n_ignored++; /* "recommended" */
			continue;
		}
		p->id = ps->product_id;
		p->line = csaf_line(c, idx, ps->status, ps->product_id, &pos);
		const rel *r = ym_map_get(&c->rels, ps->product_id,
					  strlen(ps->product_id));
		if (r) {
			/* "X as a component of Y": Y is the product, X the
			 * subcomponent */
			ym_vex_product *sub = ym_arena_zalloc(c->a,
							      sizeof *sub);
			p->id = r->relates_to;
			fill_from_ident(p, ym_map_get(&c->refs, r->relates_to,
						      strlen(r->relates_to)));
			sub->id = r->product_reference;
			fill_from_ident(sub, ym_map_get(
				&c->refs, r->product_reference,
				strlen(r->product_reference)));
			sub->line = p->line;
			p->subcomponents = sub;
			p->n_subcomponents = 1;
			p->relation = r->category;
		} else {
			p->name = ps->name;
			fill_from_ident(p, ym_map_get(&c->refs,
						      ps->product_id,
						      strlen(ps->product_id)));
		}
		st.vuln_id = v->vuln_id;
		st.aliases = v->aliases ? v->aliases : empty_list;
		st.status_text = ps->status;
		if (ps->justification) {
			st.justification_text = ps->justification;
			st.justification = just_from_openvex(ps->justification);
		}
		st.impact = ps->impact;
		st.action = csaf_action(c, v->remediations, ps->product_id);
		st.responses = empty_list;
		st.source = c->doc->author;
		st.products = p;
		st.n_products = 1;
		st.timestamp = v->modified ? v->modified
			       : v->published ? v->published
					      : c->doc->timestamp;
		st.format = YM_VEX_FORMAT_CSAF;
		st.file = c->file;
		st.line = p->line;
		st.field = ym_arena_printf(c->a,
					   "vulnerabilities[%zu].product_status"
					   ".%s[%zu]", idx, ps->status, pos);
		push_statement(c, &st);
	}
	return 0;
}

static void csaf_warn(const ym_err *w, void *vctx)
{
	pass_warning(vctx, w);
}

static void csaf_skip(const ym_err *e, void *vctx)
{
	ctx *c = vctx;
	c->csaf_index++;
	c->doc->n_skipped++;
	if (c->opts->skip)
		c->opts->skip(e, c->opts->ctx);
}

static int csaf_parse(ctx *c, const char *text, size_t len)
{
	const ym_json *doc = ym_json_get(c->root, "document");
	const char *cat = ym_json_string(ym_json_get(doc, "category"));
	const ym_json *tracking = ym_json_get(doc, "tracking");
	c->doc->format = YM_VEX_FORMAT_CSAF;
	c->doc->spec_version = ym_json_string(ym_json_get(doc,
							  "csaf_version"));
	c->doc->id = ym_json_string(ym_json_get(tracking, "id"));
	c->doc->version = str_or_num(ym_json_get(tracking, "version"));
	c->doc->timestamp = ym_json_string(
		ym_json_get(tracking, "current_release_date"));
	c->doc->author = ym_json_string(
		ym_json_get(ym_json_get(doc, "publisher"), "name"));
	if (cat && strcmp(cat, "csaf_vex") != 0 &&
	    !c->opts->csaf_any_category) {
		ym_err_set(c->err, YM_E_UNSUPPORTED,
			   _("CSAF document of category '%s' is not a VEX "
			     "document (csaf_vex)"), cat);
		place(c->err, c, ym_json_get(doc, "category"),
		      "document.category");
		return YM_E_UNSUPPORTED;
	}
	csaf_tree(c, ym_json_get(c->root, "product_tree"));
	ym_feed_ctx fc = {
		.strict = c->opts->strict,
		.vuln = csaf_sink,
		.warn = csaf_warn,
		.skip = csaf_skip,
		.ctx = c,
	};
	return ym_csaf_parse(text, len, c->file, c->a, &fc, c->err);
}

/* ==== entry ==== */

static const char *openvex_context(const ym_json *root)
{
	const ym_json *ctxj = ym_json_get(root, "@context");
	const char *s = ym_json_string(ctxj);
	if (s && strncmp(s, "https://openvex.dev/ns", 22) == 0)
		return s;
	for (size_t i = 0; ctxj && ctxj->type == YM_JSON_ARRAY &&
			   i < ctxj->u.arr.n; i++) {
		s = ym_json_string(ctxj->u.arr.items[i]);
		if (s && strncmp(s, "https://openvex.dev/ns", 22) == 0)
			return s;
	}
	return NULL;
}

int ym_vex_parse_ex(const char *text, size_t len, const char *file,
		    const ym_vex_opts *opts, ym_arena *a, ym_vex_doc *out,
		    ym_err *err)
{
	static const ym_vex_opts defaults = {0};
	ym_err local = YM_ERR_INIT;
	ctx c = {
		.file = file ? file : "",
		.a = a,
		.err = err ? err : &local,
		.opts = opts ? opts : &defaults,
		.doc = out,
		.stmts = YM_VEC_INIT,
		.refs = YM_MAP_INIT,
		.rels = YM_MAP_INIT,
	};
	const char *ovx;
	size_t i = 0;
	int rc;

	memset(out, 0, sizeof *out);
	while (i < len && (text[i] == ' ' || text[i] == '\t' ||
			   text[i] == '\r' || text[i] == '\n'))
		i++;
	if (i < len && text[i] == '<') {
		rc = ym_err_set(c.err, YM_E_UNSUPPORTED, "%s",
				_("XML VEX documents are not supported; use "
				  "the JSON form"));
		ym_err_at(c.err, c.file, 0, 0);
		return rc;
	}
	c.root = ym_json_parse(a, text, len, NULL, c.file, c.err);
	if (!c.root)
		return c.err->code;
	if (c.root->type != YM_JSON_OBJECT) {
		rc = fail(&c, c.root, "", "%s",
			  _("not a VEX document: the top level is not a JSON "
			    "object"));
		goto out;
	}
	const char *bf = ym_json_string(ym_json_get(c.root, "bomFormat"));
	const ym_json *csafdoc = ym_json_get(c.root, "document");
	if (bf && strcmp(bf, "CycloneDX") == 0) {
		rc = cdx_parse(&c);
	} else if ((ovx = openvex_context(c.root))) {
		rc = ovx_parse(&c, ovx);
	} else if (csafdoc && csafdoc->type == YM_JSON_OBJECT &&
		   ym_json_get(csafdoc, "csaf_version")) {
		rc = csaf_parse(&c, text, len);
	} else {
		rc = fail(&c, c.root, "", "%s",
			  _("not a VEX document: no CycloneDX bomFormat, "
			    "OpenVEX @context or CSAF document.csaf_version"));
	}
out:
	if (rc == 0) {
		out->format_name = ym_vex_format_name(out->format);
		out->n_statements = c.stmts.n;
		if (c.stmts.n) {
			ym_vex_statement *s = ym_arena_alloc(
				a, c.stmts.n * sizeof *s);
			memcpy(s, c.stmts.v, c.stmts.n * sizeof *s);
			out->statements = s;
		}
	} else {
		ym_vex_format f = out->format;
		memset(out, 0, sizeof *out);
		out->format = f;
		out->format_name = ym_vex_format_name(f);
	}
	ym_vec_release(&c.stmts);
	ym_map_release(&c.refs);
	ym_map_release(&c.rels);
	return rc;
}

int ym_vex_parse(const char *text, size_t len, const char *file,
		 ym_arena *a, ym_vex_doc *out, ym_err *err)
{
	return ym_vex_parse_ex(text, len, file, NULL, a, out, err);
}

/* ==== matching ==== */

static bool vuln_matches(const ym_vex_statement *st, const char *vuln_id,
			 const char *const *aliases, const char **by)
{
	const char *mine[2] = {st->vuln_id, NULL};
	for (int pass = 0; pass < 2; pass++) {
		const char *const *l = pass ? st->aliases : mine;
		for (size_t i = 0; l && l[i]; i++) {
			if (vuln_id && strcasecmp(l[i], vuln_id) == 0) {
				*by = pass ? "alias" : "id";
				return true;
			}
			for (size_t k = 0; aliases && aliases[k]; k++)
				if (strcasecmp(l[i], aliases[k]) == 0) {
					*by = "alias";
					return true;
				}
		}
	}
	return false;
}

/* Whether version cv is inside range; "vers:all/(star)" holds every
 * version. */
static bool range_contains(const char *range, const char *cv)
{
	bool in = false;
	if (strcmp(range, "vers:all/*") == 0)
		return true;
	if (ym_vers_contains(range, cv, &in, NULL))
		return false;
	return in;
}

/* Whether version cv is the one (pv) or inside range of the product;
 * pv and range NULL: every version. */
static bool version_ok(ym_scheme s, const char *pv, const char *range,
		       const char *cv)
{
	if (!pv && !range)
		return true;
	if (!cv || !*cv)
		return false;
	if (range)
		return range_contains(range, cv);
	if (strcmp(pv, cv) == 0)
		return true;
	int r;
	if (ym_version_cmp(s, pv, cv, &r, NULL))
		return false;
	return r == 0;
}

static bool eq_opt(const char *a, const char *b)
{
	if (!a || !b)
		return !a && !b;
	return strcmp(a, b) == 0;
}

/* Ubuntu and Debian release codenames, as syft and the distributions'
 * own VEX write the distro qualifier of a deb purl. */
static const struct {
	const char *code, *rel;
} codenames[] = {
	{"precise", "ubuntu-12.04"},  {"quantal", "ubuntu-12.10"},
	{"raring", "ubuntu-13.04"},   {"saucy", "ubuntu-13.10"},
	{"trusty", "ubuntu-14.04"},   {"utopic", "ubuntu-14.10"},
	{"vivid", "ubuntu-15.04"},    {"wily", "ubuntu-15.10"},
	{"xenial", "ubuntu-16.04"},   {"yakkety", "ubuntu-16.10"},
	{"zesty", "ubuntu-17.04"},    {"artful", "ubuntu-17.10"},
	{"bionic", "ubuntu-18.04"},   {"cosmic", "ubuntu-18.10"},
	{"disco", "ubuntu-19.04"},    {"eoan", "ubuntu-19.10"},
	{"focal", "ubuntu-20.04"},    {"groovy", "ubuntu-20.10"},
	{"hirsute", "ubuntu-21.04"},  {"impish", "ubuntu-21.10"},
	{"jammy", "ubuntu-22.04"},    {"kinetic", "ubuntu-22.10"},
	{"lunar", "ubuntu-23.04"},    {"mantic", "ubuntu-23.10"},
	{"noble", "ubuntu-24.04"},    {"oracular", "ubuntu-24.10"},
	{"plucky", "ubuntu-25.04"},   {"questing", "ubuntu-25.10"},
	{"wheezy", "debian-7"},       {"jessie", "debian-8"},
	{"stretch", "debian-9"},      {"buster", "debian-10"},
	{"bullseye", "debian-11"},    {"bookworm", "debian-12"},
	{"trixie", "debian-13"},      {"forky", "debian-14"},
};

/* The release a deb distro qualifier names, in one spelling:
 * "ubuntu-22.04" for jammy, esm-apps/jammy, ubuntu-22.04.3;
 * "debian-12" for bookworm, debian-12.5. Anything else lower-cased. */
static void distro_release(const char *v, char *out, size_t n)
{
	const char *slash = strrchr(v, '/');
	size_t k = 0;
	if (slash) /* Ubuntu Pro pockets: esm-infra/xenial */
		v = slash + 1;
	for (; v[k] && k + 1 < n; k++)
		out[k] = (char)(v[k] >= 'A' && v[k] <= 'Z' ? v[k] - 'A' + 'a'
							   : v[k]);
	out[k] = '\0';
	for (size_t i = 0; i < sizeof codenames / sizeof *codenames; i++)
		if (strcmp(out, codenames[i].code) == 0) {
			snprintf(out, n, "%s", codenames[i].rel);
			return;
		}
	/* point releases: ubuntu-X.Y.Z -> ubuntu-X.Y, debian-N.M -> debian-N */
	int dots = strncmp(out, "ubuntu-", 7) == 0   ? 2
		   : strncmp(out, "debian-", 7) == 0 ? 1
						     : 0;
	for (char *p = out + 7; dots && *p; p++)
		if (*p == '.' && --dots == 0)
			*p = '\0';
}

static bool qualifier_equal(const char *type, const char *key,
			    const char *a, const char *b)
{
	char ra[64], rb[64];
	if (strcmp(a, b) == 0)
		return true;
	if (strcmp(type, "deb") != 0 || strcmp(key, "distro") != 0)
		return false;
	distro_release(a, ra, sizeof ra);
	distro_release(b, rb, sizeof rb);
	return strcmp(ra, rb) == 0;
}

static bool purl_matches(const ym_vex_product *p, const ym_component *c,
			 ym_arena *a)
{
	ym_purl pp, cp;
	if (ym_purl_parse(p->purl, a, &pp, NULL) ||
	    ym_purl_parse(c->purl, a, &cp, NULL))
		return false;
	if (strcmp(pp.type, cp.type) != 0 ||
	    !eq_opt(pp.namespace_, cp.namespace_) ||
	    strcmp(pp.name, cp.name) != 0)
		return false;
	if (pp.subpath && !eq_opt(pp.subpath, cp.subpath))
		return false;
	for (size_t i = 0; i < pp.n_qualifiers; i++) {
		bool same = false;
		for (size_t k = 0; k < cp.n_qualifiers && !same; k++)
			same = strcmp(pp.qualifiers[i].key,
				      cp.qualifiers[k].key) == 0 &&
			       qualifier_equal(pp.type, pp.qualifiers[i].key,
					       pp.qualifiers[i].value,
					       cp.qualifiers[k].value);
		if (!same)
			return false;
	}
	const char *pv = pp.version ? pp.version : p->version;
	const char *cv = cp.version ? cp.version : c->version;
	return version_ok(ym_scheme_for_purl_type(pp.type), pv,
			  pp.version ? NULL : p->range, cv);
}

static bool cpe_matches(const ym_vex_product *p, const ym_component *c,
			ym_arena *a)
{
	ym_cpe pc, cc;
	if (ym_cpe_parse(p->cpe, a, &pc, NULL) ||
	    ym_cpe_parse(c->cpe, a, &cc, NULL))
		return false;
	if (!p->version && !p->range)
		return ym_cpe_match(&pc, &cc);
	/* the version comes from the product entry, not from its CPE */
	const char *cv = c->version;
	ym_buf b = YM_BUF_INIT;
	if (!cv && cc.av[YM_CPE_VERSION].kind == YM_CPE_VALUE &&
	    !cc.av[YM_CPE_VERSION].wild) {
		ym_cpe_unquote(cc.av[YM_CPE_VERSION].s, &b);
		cv = ym_arena_strndup(a, b.ptr, b.len);
	}
	ym_buf_release(&b);
	pc.av[YM_CPE_VERSION].kind = YM_CPE_ANY;
	pc.av[YM_CPE_VERSION].s = NULL;
	pc.av[YM_CPE_VERSION].len = 0;
	pc.av[YM_CPE_VERSION].wild = false;
	cc.av[YM_CPE_VERSION] = pc.av[YM_CPE_VERSION];
	if (!ym_cpe_match(&pc, &cc))
		return false;
	return version_ok(YM_SCHEME_GENERIC, p->version, p->range, cv);
}

static bool name_matches(const ym_vex_product *p, const ym_component *c)
{
	if (!p->version && !p->range)
		return false;
	if (strcmp(p->name, c->name) != 0 || !c->version)
		return false;
	if (p->vendor && c->supplier && *c->supplier &&
	    strcasecmp(p->vendor, c->supplier) != 0)
		return false;
	if (p->range)
		return range_contains(p->range, c->version);
	return strcmp(p->version, c->version) == 0;
}

/* A product in another BOM, by BOM-link: the component of that BOM with
 * that bom-ref (serial: of the BOM c came from, lower case). */
static bool bomlink_matches(const ym_vex_product *p, const ym_component *c,
			    const char *serial)
{
	if (!p->bom_serial || !serial || !c->bom_ref ||
	    strcmp(p->bom_serial, serial) != 0 ||
	    strcmp(p->bom_ref, c->bom_ref) != 0)
		return false;
	ym_scheme s = YM_SCHEME_GENERIC;
	ym_purl cp;
	ym_arena a;
	ym_arena_init(&a, 512);
	if (c->purl && *c->purl && ym_purl_parse(c->purl, &a, &cp, NULL) == 0)
		s = ym_scheme_for_purl_type(cp.type);
	bool ok = version_ok(s, p->version, p->range, c->version);
	ym_arena_release(&a);
	return ok;
}

/* One identity against one component; *by names the kind that
 * decided. */
static bool ident_matches(const ym_vex_product *p, const ym_component *c,
			  const char *serial, ym_arena *a, const char **by)
{
	if (!c)
		return false;
	if (bomlink_matches(p, c, serial)) {
		*by = "bom-link";
		return true;
	}
	if (p->purl && c->purl && *c->purl) {
		*by = "purl";
		return purl_matches(p, c, a);
	}
	if (p->cpe && c->cpe && *c->cpe) {
		*by = "cpe";
		return cpe_matches(p, c, a);
	}
	if (p->name && c->name && *c->name) {
		*by = "name";
		return name_matches(p, c);
	}
	return false;
}

static const ym_component *
ancestor_matches(const ym_vex_product *p, const ym_component *const *anc,
		 const char *serial, ym_arena *a, const char **by)
{
	for (size_t i = 0; anc && anc[i]; i++)
		if (ident_matches(p, anc[i], serial, a, by))
			return anc[i];
	return NULL;
}

bool ym_vex_applies(const ym_vex_statement *st, const char *vuln_id,
		    const char *const *vuln_aliases, const ym_component *c,
		    const ym_component *const *ancestors, ym_vex_hit *hit)
{
	return ym_vex_applies_in(st, vuln_id, vuln_aliases, c, ancestors,
				 NULL, hit);
}

bool ym_vex_applies_in(const ym_vex_statement *st, const char *vuln_id,
		       const char *const *vuln_aliases, const ym_component *c,
		       const ym_component *const *ancestors,
		       const char *bom_serial, ym_vex_hit *hit)
{
	const char *vby = NULL, *by = NULL, *pby = NULL;
	char serial[128];
	const char *ser = NULL;
	ym_arena a;
	bool ok = false;
	ym_vex_hit h = {0};

	if (hit)
		*hit = h;
	if (!st || !c || !vuln_matches(st, vuln_id, vuln_aliases, &vby))
		return false;
	if (bom_serial && *bom_serial) {
		size_t k = 0;
		if (strncasecmp(bom_serial, "urn:uuid:", 9) == 0)
			bom_serial += 9;
		for (; bom_serial[k] && k + 1 < sizeof serial; k++)
			serial[k] = (char)(bom_serial[k] >= 'A' &&
						   bom_serial[k] <= 'Z'
					   ? bom_serial[k] - 'A' + 'a'
					   : bom_serial[k]);
		serial[k] = '\0';
		ser = serial;
	}
	ym_arena_init(&a, 2048);
	for (size_t i = 0; i < st->n_products && !ok; i++) {
		const ym_vex_product *p = &st->products[i];
		if (!p->n_subcomponents) {
			if (ident_matches(p, c, ser, &a, &by)) {
				h.matched = c;
				ok = true;
			} else if ((h.matched = ancestor_matches(
					    p, ancestors, ser, &a, &by))) {
				ok = true;
			}
			if (ok) {
				h.product = p;
				h.by = by;
			}
			continue;
		}
		const ym_component *anc = ancestor_matches(p, ancestors, ser,
							   &a, &pby);
		if (!anc)
			continue;
		for (size_t k = 0; k < p->n_subcomponents && !ok; k++) {
			if (ident_matches(&p->subcomponents[k], c, ser, &a,
					  &by)) {
				ok = true;
				h.product = p;
				h.subcomponent = &p->subcomponents[k];
				h.matched = anc;
				h.by = by;
			}
		}
	}
	ym_arena_release(&a);
	if (ok && hit) {
		h.vuln_by = vby;
		*hit = h;
	}
	return ok;
}

/* ==== text form ==== */

static void put_text(ym_buf *out, const char *key, const char *s)
{
	if (!s)
		return;
	ym_buf_printf(out, "%s ", key);
	for (const char *p = s; *p; p++) {
		if (*p == '\n')
			ym_buf_adds(out, "\\n");
		else if (*p == '\\')
			ym_buf_adds(out, "\\\\");
		else
			ym_buf_addc(out, *p);
	}
	ym_buf_addc(out, '\n');
}

static void put_list(ym_buf *out, const char *key, const char *const *l)
{
	if (!l || !l[0])
		return;
	ym_buf_printf(out, "%s", key);
	for (size_t i = 0; l[i]; i++)
		ym_buf_printf(out, "%s%s", i ? ", " : " ", l[i]);
	ym_buf_addc(out, '\n');
}

static void put_product(ym_buf *out, const char *key,
			const ym_vex_product *p)
{
	ym_buf_adds(out, key);
	if (p->id)
		ym_buf_printf(out, " id=%s", p->id);
	if (p->bom_serial)
		ym_buf_printf(out, " bom=%s#%s", p->bom_serial, p->bom_ref);
	if (p->purl)
		ym_buf_printf(out, " purl=%s", p->purl);
	if (p->cpe)
		ym_buf_printf(out, " cpe=%s", p->cpe);
	if (p->vendor)
		ym_buf_printf(out, " vendor=%s", p->vendor);
	if (p->name)
		ym_buf_printf(out, " name=%s", p->name);
	if (p->version)
		ym_buf_printf(out, " version=%s", p->version);
	if (p->range)
		ym_buf_printf(out, " range=%s", p->range);
	if (p->relation)
		ym_buf_printf(out, " relation=%s", p->relation);
	ym_buf_printf(out, " line=%ld\n", p->line);
}

void ym_vex_statement_format(const ym_vex_statement *st, ym_buf *out)
{
	ym_buf_printf(out, "%s %s:%ld %s\n", ym_vex_format_name(st->format),
		      st->file ? st->file : "", st->line,
		      st->field ? st->field : "");
	ym_buf_printf(out, "vuln %s\n", st->vuln_id);
	put_list(out, "aliases", st->aliases);
	ym_buf_printf(out, "status %s (%s)\n", ym_vex_status_name(st->status),
		      st->status_text ? st->status_text : "");
	if (st->justification || st->justification_text)
		ym_buf_printf(out, "justification %s (%s)\n",
			      st->justification
				      ? ym_vex_justification_name(
						st->justification)
				      : "-",
			      st->justification_text ? st->justification_text
						     : "");
	put_text(out, "impact", st->impact);
	put_text(out, "action", st->action);
	put_text(out, "notes", st->notes);
	put_list(out, "responses", st->responses);
	put_text(out, "source", st->source);
	put_text(out, "time", st->timestamp);
	put_text(out, "first_issued", st->first_issued);
	for (size_t i = 0; i < st->n_products; i++) {
		const ym_vex_product *p = &st->products[i];
		put_product(out, "product", p);
		for (size_t k = 0; k < p->n_subcomponents; k++)
			put_product(out, "  sub", &p->subcomponents[k]);
	}
}
