/* cyclonedx.c - CycloneDX JSON SBOMs (spec 1.2-1.6): the metadata
 * component (the subject), the (nested) component tree with purl, cpe,
 * type, supplier, licenses, hashes and scope, the dependency graph, the
 * (nested) services and the vulnerabilities (VEX) kept as compact JSON.
 * Field mapping: docs/sbom-formats.md. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/i18n.h"
#include "core/json.h"
#include "inventory/sbom.h"
#include "inventory/sbom_component.h"

/* Deepest component or service nesting followed (the JSON parser already
 * bounds the tree; this keeps the field paths readable). */
#define MAX_NEST 64

typedef struct ctx {
	const char *file;
	ym_arena *a;
	ym_sbom_builder b;
	ym_err *err;
} ctx;

/* Error at a JSON node with the field path that led to it. */
static int fail_at(ctx *c, const ym_json *node, const char *field,
		   const char *msg)
{
	return ym_sbom_fail(c->err, c->file, node ? (long)node->line : 0,
			    node ? (long)node->col : 0, field, msg);
}

static int wrong_type(ctx *c, const ym_json *node, const char *field,
		      const char *want)
{
	char msg[128];
	snprintf(msg, sizeof msg, _("expected %s, got %s"), want,
		 ym_json_type_name(node->type));
	return fail_at(c, node, field, msg);
}

/* The field path of member key under path ("(document)" is the root,
 * whose members are named plainly). */
static void field_of(char *buf, size_t n, const char *path, const char *key)
{
	if (strcmp(path, "(document)") == 0)
		snprintf(buf, n, "%s", key);
	else
		snprintf(buf, n, "%s.%s", path, key);
}

/* Member key of obj, or NULL when absent or null. */
static const ym_json *member(const ym_json *obj, const char *key)
{
	const ym_json *v = ym_json_get(obj, key);
	return v && v->type != YM_JSON_NULL ? v : NULL;
}

/* Optional string member: absent or null gives NULL; other types fail. */
static int opt_string(ctx *c, const ym_json *obj, const char *key,
		      const char *path, const char **out)
{
	const ym_json *v = member(obj, key);
	*out = NULL;
	if (!v)
		return 0;
	if (v->type != YM_JSON_STRING) {
		char field[256];
		field_of(field, sizeof field, path, key);
		return wrong_type(c, v, field, _("string"));
	}
	*out = v->u.str.s;
	return 0;
}

/* Optional member of a given container type; sets *out NULL if absent. */
static int opt_typed(ctx *c, const ym_json *obj, const char *key,
		     const char *path, ym_json_type t, const ym_json **out)
{
	const ym_json *v = member(obj, key);
	*out = NULL;
	if (!v)
		return 0;
	if (v->type != t) {
		char field[256];
		field_of(field, sizeof field, path, key);
		return wrong_type(c, v, field,
				  t == YM_JSON_ARRAY ? _("array")
						     : _("object"));
	}
	*out = v;
	return 0;
}

/* Optional boolean: 1, 0 or -1 when absent. */
static int opt_bool(ctx *c, const ym_json *obj, const char *key,
		    const char *path, int *out)
{
	const ym_json *v = member(obj, key);
	*out = -1;
	if (!v)
		return 0;
	if (v->type != YM_JSON_TRUE && v->type != YM_JSON_FALSE) {
		char field[256];
		field_of(field, sizeof field, path, key);
		return wrong_type(c, v, field, _("boolean"));
	}
	*out = v->type == YM_JSON_TRUE;
	return 0;
}

/* supplier.name, else publisher, else author. */
static int read_supplier(ctx *c, const ym_json *j, const char *path,
			 const char **out)
{
	const ym_json *sup;
	char sub[256];
	int rc;
	*out = NULL;
	if ((rc = opt_typed(c, j, "supplier", path, YM_JSON_OBJECT, &sup)))
		return rc;
	snprintf(sub, sizeof sub, "%s.supplier", path);
	if (sup && (rc = opt_string(c, sup, "name", sub, out)))
		return rc;
	if (!*out && (rc = opt_string(c, j, "publisher", path, out)))
		return rc;
	if (!*out && (rc = opt_string(c, j, "author", path, out)))
		return rc;
	return 0;
}

/* licenses[]: license.id / license.name / expression, ", "-joined. */
static int read_licenses(ctx *c, const ym_json *j, const char *path,
			 const char **out)
{
	const ym_json *arr;
	int rc;
	*out = NULL;
	if ((rc = opt_typed(c, j, "licenses", path, YM_JSON_ARRAY, &arr)) ||
	    !arr)
		return rc;
	for (size_t i = 0; i < arr->u.arr.n; i++) {
		const ym_json *e = arr->u.arr.items[i];
		const ym_json *lic;
		const char *s = NULL;
		char sub[256], lsub[300];
		snprintf(sub, sizeof sub, "%s.licenses[%zu]", path, i);
		if (e->type != YM_JSON_OBJECT)
			return wrong_type(c, e, sub, _("object"));
		if ((rc = opt_typed(c, e, "license", sub, YM_JSON_OBJECT,
				    &lic)))
			return rc;
		snprintf(lsub, sizeof lsub, "%s.license", sub);
		if (lic && ((rc = opt_string(c, lic, "id", lsub, &s)) ||
			    (!s && (rc = opt_string(c, lic, "name", lsub,
						    &s)))))
			return rc;
		if (!s && (rc = opt_string(c, e, "expression", sub, &s)))
			return rc;
		*out = ym_sbom_join(c->a, *out, s);
	}
	return 0;
}

/* hashes[]: "alg:content", ", "-joined. */
static int read_hashes(ctx *c, const ym_json *j, const char *path,
		       const char **out)
{
	const ym_json *arr;
	int rc;
	*out = NULL;
	if ((rc = opt_typed(c, j, "hashes", path, YM_JSON_ARRAY, &arr)) ||
	    !arr)
		return rc;
	for (size_t i = 0; i < arr->u.arr.n; i++) {
		const ym_json *e = arr->u.arr.items[i];
		const char *alg, *content;
		char sub[256];
		snprintf(sub, sizeof sub, "%s.hashes[%zu]", path, i);
		if (e->type != YM_JSON_OBJECT)
			return wrong_type(c, e, sub, _("object"));
		if ((rc = opt_string(c, e, "alg", sub, &alg)) ||
		    (rc = opt_string(c, e, "content", sub, &content)))
			return rc;
		if (!alg || !content)
			continue;
		*out = ym_sbom_join(c->a, *out,
				    ym_arena_printf(c->a, "%s:%s", alg,
						    content));
	}
	return 0;
}

static int parse_component(ctx *c, const ym_json *j, const char *path,
			   size_t parent, int depth);

static int parse_components(ctx *c, const ym_json *arr, const char *path,
			    size_t parent, int depth)
{
	if (!arr || arr->type == YM_JSON_NULL)
		return 0;
	if (arr->type != YM_JSON_ARRAY)
		return wrong_type(c, arr, path, _("array"));
	if (depth > MAX_NEST)
		return fail_at(c, arr, path,
			       _("components nested too deeply"));
	for (size_t i = 0; i < arr->u.arr.n; i++) {
		char sub[256];
		snprintf(sub, sizeof sub, "%s[%zu]", path, i);
		int rc = parse_component(c, arr->u.arr.items[i], sub, parent,
					 depth);
		if (rc)
			return rc;
	}
	return 0;
}

static int parse_component(ctx *c, const ym_json *j, const char *path,
			   size_t parent, int depth)
{
	if (j->type != YM_JSON_OBJECT)
		return wrong_type(c, j, path, _("object"));
	ym_component comp = {0};
	const char *group;
	int rc;
	if ((rc = opt_string(c, j, "name", path, &comp.name)) ||
	    (rc = opt_string(c, j, "version", path, &comp.version)) ||
	    (rc = opt_string(c, j, "purl", path, &comp.purl)) ||
	    (rc = opt_string(c, j, "cpe", path, &comp.cpe)) ||
	    (rc = opt_string(c, j, "bom-ref", path, &comp.bom_ref)) ||
	    (rc = opt_string(c, j, "group", path, &group)) ||
	    (rc = opt_string(c, j, "type", path, &comp.type)) ||
	    (rc = opt_string(c, j, "scope", path, &comp.scope)) ||
	    (rc = read_supplier(c, j, path, &comp.supplier)) ||
	    (rc = read_licenses(c, j, path, &comp.licenses)) ||
	    (rc = read_hashes(c, j, path, &comp.hashes)))
		return rc;
	if (!comp.name || !*comp.name) {
		char field[256];
		snprintf(field, sizeof field, "%s.name", path);
		return fail_at(c, j, field,
			       _("component has no name (required)"));
	}
	comp.scope = ym_sbom_scope(comp.scope);
	ym_err perr = YM_ERR_INIT;
	if (ym_sbom_component_finish(&comp, group, c->a, &perr)) {
		char field[256];
		snprintf(field, sizeof field, "%s.purl", path);
		return fail_at(c, ym_json_get(j, "purl"), field, perr.msg);
	}
	comp.parent_id = (int64_t)parent;
	comp.source = c->file;
	size_t self = ym_sbom_add_component(&c->b, &comp);
	char sub[256];
	snprintf(sub, sizeof sub, "%s.components", path);
	return parse_components(c, ym_json_get(j, "components"), sub, self,
				depth + 1);
}

/* The metadata component: the system the SBOM describes. */
static int parse_subject(ctx *c, const ym_json *meta, ym_sbom *out)
{
	const ym_json *mc = ym_json_get(meta, "component");
	const char *p = "metadata.component";
	const char *purl;
	int rc;
	if (mc && mc->type != YM_JSON_OBJECT && mc->type != YM_JSON_NULL)
		return wrong_type(c, mc, p, _("object"));
	if (mc && mc->type == YM_JSON_OBJECT) {
		if ((rc = opt_string(c, mc, "name", p, &out->subject_name)) ||
		    (rc = opt_string(c, mc, "version", p,
				     &out->subject_version)) ||
		    (rc = opt_string(c, mc, "purl", p, &purl)) ||
		    (rc = opt_string(c, mc, "cpe", p, &out->subject_cpe)) ||
		    (rc = opt_string(c, mc, "bom-ref", p,
				     &out->subject_bom_ref)) ||
		    (rc = read_supplier(c, mc, p, &out->subject_supplier)))
			return rc;
		ym_err perr = YM_ERR_INIT;
		if (ym_sbom_purl_canonical(purl, c->a, &out->subject_purl,
					   &perr))
			return fail_at(c, ym_json_get(mc, "purl"),
				       "metadata.component.purl", perr.msg);
	}
	if (!out->subject_supplier) {
		const ym_json *sup;
		if ((rc = opt_typed(c, meta, "supplier", "metadata",
				    YM_JSON_OBJECT, &sup)))
			return rc;
		if (sup && (rc = opt_string(c, sup, "name", "metadata.supplier",
					    &out->subject_supplier)))
			return rc;
	}
	return 0;
}

static int parse_dependencies(ctx *c, const ym_json *root)
{
	const ym_json *arr;
	int rc;
	if ((rc = opt_typed(c, root, "dependencies", "(document)",
			    YM_JSON_ARRAY, &arr)) ||
	    !arr)
		return rc;
	for (size_t i = 0; i < arr->u.arr.n; i++) {
		const ym_json *d = arr->u.arr.items[i], *on;
		const char *ref;
		char sub[64];
		snprintf(sub, sizeof sub, "dependencies[%zu]", i);
		if (d->type != YM_JSON_OBJECT)
			return wrong_type(c, d, sub, _("object"));
		if ((rc = opt_string(c, d, "ref", sub, &ref)) ||
		    (rc = opt_typed(c, d, "dependsOn", sub, YM_JSON_ARRAY,
				    &on)))
			return rc;
		if (!ref || !*ref) {
			char field[80];
			snprintf(field, sizeof field, "%s.ref", sub);
			return fail_at(c, d, field,
				       _("dependency has no ref (required)"));
		}
		for (size_t k = 0; on && k < on->u.arr.n; k++) {
			const ym_json *t = on->u.arr.items[k];
			if (t->type != YM_JSON_STRING) {
				char field[96];
				snprintf(field, sizeof field,
					 "%s.dependsOn[%zu]", sub, k);
				return wrong_type(c, t, field, _("string"));
			}
			ym_sbom_add_dependency(&c->b, ref, t->u.str.s);
		}
	}
	return 0;
}

/* data[]: "flow:classification", ", "-joined. */
static int read_data(ctx *c, const ym_json *j, const char *path,
		     const char **out)
{
	const ym_json *arr;
	int rc;
	*out = NULL;
	if ((rc = opt_typed(c, j, "data", path, YM_JSON_ARRAY, &arr)) ||
	    !arr)
		return rc;
	for (size_t i = 0; i < arr->u.arr.n; i++) {
		const ym_json *e = arr->u.arr.items[i];
		const char *flow, *cls;
		char sub[256];
		snprintf(sub, sizeof sub, "%s.data[%zu]", path, i);
		if (e->type != YM_JSON_OBJECT)
			return wrong_type(c, e, sub, _("object"));
		if ((rc = opt_string(c, e, "flow", sub, &flow)) ||
		    (rc = opt_string(c, e, "classification", sub, &cls)))
			return rc;
		if (!flow && !cls)
			continue;
		*out = ym_sbom_join(c->a, *out,
				    ym_arena_printf(c->a, "%s:%s",
						    flow ? flow : "unknown",
						    cls ? cls : ""));
	}
	return 0;
}

static int parse_services(ctx *c, const ym_json *arr, const char *path,
			  int depth)
{
	int rc;
	if (!arr || arr->type == YM_JSON_NULL)
		return 0;
	if (arr->type != YM_JSON_ARRAY)
		return wrong_type(c, arr, path, _("array"));
	if (depth > MAX_NEST)
		return fail_at(c, arr, path, _("services nested too deeply"));
	for (size_t i = 0; i < arr->u.arr.n; i++) {
		const ym_json *j = arr->u.arr.items[i], *prov, *eps;
		ym_sbom_service s = {0};
		char sub[256], psub[300];
		snprintf(sub, sizeof sub, "%s[%zu]", path, i);
		if (j->type != YM_JSON_OBJECT)
			return wrong_type(c, j, sub, _("object"));
		if ((rc = opt_string(c, j, "bom-ref", sub, &s.bom_ref)) ||
		    (rc = opt_string(c, j, "name", sub, &s.name)) ||
		    (rc = opt_string(c, j, "version", sub, &s.version)) ||
		    (rc = opt_typed(c, j, "provider", sub, YM_JSON_OBJECT,
				    &prov)) ||
		    (rc = opt_typed(c, j, "endpoints", sub, YM_JSON_ARRAY,
				    &eps)) ||
		    (rc = opt_bool(c, j, "authenticated", sub,
				   &s.authenticated)) ||
		    (rc = opt_bool(c, j, "x-trust-boundary", sub,
				   &s.trust_boundary)) ||
		    (rc = read_data(c, j, sub, &s.data)))
			return rc;
		snprintf(psub, sizeof psub, "%s.provider", sub);
		if (prov && (rc = opt_string(c, prov, "name", psub,
					     &s.provider)))
			return rc;
		if (!s.name || !*s.name) {
			snprintf(psub, sizeof psub, "%s.name", sub);
			return fail_at(c, j, psub,
				       _("service has no name (required)"));
		}
		for (size_t k = 0; eps && k < eps->u.arr.n; k++) {
			const ym_json *e = eps->u.arr.items[k];
			if (e->type != YM_JSON_STRING) {
				snprintf(psub, sizeof psub, "%s.endpoints[%zu]",
					 sub, k);
				return wrong_type(c, e, psub, _("string"));
			}
			s.endpoints = ym_sbom_join(c->a, s.endpoints,
						   e->u.str.s);
		}
		ym_sbom_add_service(&c->b, &s);
		snprintf(psub, sizeof psub, "%s.services", sub);
		if ((rc = parse_services(c, ym_json_get(j, "services"), psub,
					 depth + 1)))
			return rc;
	}
	return 0;
}

/* vulnerabilities: kept as compact JSON for the matching engine. */
static int keep_vex(ctx *c, const ym_json *root, ym_sbom *out)
{
	const ym_json *v;
	int rc;
	if ((rc = opt_typed(c, root, "vulnerabilities", "(document)",
			    YM_JSON_ARRAY, &v)) ||
	    !v)
		return rc;
	ym_buf b = YM_BUF_INIT;
	ym_jsonw w;
	ym_jsonw_init(&w, &b, false);
	ym_jsonw_value(&w, v);
	out->vex = ym_arena_strndup(c->a, b.ptr, b.len);
	ym_buf_release(&b);
	return 0;
}

int ym_cyclonedx_parse_json(const char *text, size_t len,
			    const char *filename, ym_arena *a, ym_sbom *out,
			    ym_err *err)
{
	ctx c = {.file = filename, .a = a, .err = err};
	int rc;
	memset(out, 0, sizeof *out);
	ym_json *root = ym_json_parse(a, text, len, NULL, filename, err);
	if (!root)
		return err ? err->code : YM_E_PARSE;
	if (root->type != YM_JSON_OBJECT)
		return wrong_type(&c, root, "(document)", _("object"));
	const char *fmt = ym_json_string(ym_json_get(root, "bomFormat"));
	if (!fmt || strcmp(fmt, "CycloneDX") != 0)
		return fail_at(&c, ym_json_get(root, "bomFormat") ?
					   ym_json_get(root, "bomFormat") : root,
			       "bomFormat",
			       _("not a CycloneDX document (bomFormat must be "
				 "\"CycloneDX\")"));
	out->format = "CycloneDX";
	if ((rc = opt_string(&c, root, "specVersion", "(document)",
			     &out->spec_version)) ||
	    (rc = opt_string(&c, root, "serialNumber", "(document)",
			     &out->serial)))
		goto fail;
	const ym_json *meta = ym_json_get(root, "metadata");
	if (meta && meta->type != YM_JSON_NULL) {
		if (meta->type != YM_JSON_OBJECT) {
			rc = wrong_type(&c, meta, "metadata", _("object"));
			goto fail;
		}
		if ((rc = parse_subject(&c, meta, out)))
			goto fail;
	}
	if ((rc = parse_components(&c, ym_json_get(root, "components"),
				   "components", 0, 0)) ||
	    (rc = parse_services(&c, ym_json_get(root, "services"),
				 "services", 0)) ||
	    (rc = parse_dependencies(&c, root)) ||
	    (rc = keep_vex(&c, root, out)))
		goto fail;
	ym_sbom_builder_finish(&c.b, a, out);
fail:
	ym_sbom_builder_release(&c.b);
	return rc;
}
