/* cyclonedx.c - CycloneDX JSON SBOMs (spec 1.2-1.6): the metadata
 * component and the (nested) component tree with purl and cpe. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/json.h"
#include "core/vec.h"
#include "ids/purl.h"
#include "inventory/sbom.h"

typedef YM_VEC(ym_component) comp_vec;

typedef struct ctx {
	const char *file;
	ym_arena *a;
	comp_vec comps;
	ym_err *err;
} ctx;

/* Error at a JSON node with the field path that led to it. */
static int fail_at(ctx *c, const ym_json *node, const char *field,
		   const char *msg)
{
	ym_err_set(c->err, YM_E_INVALID, "%s", msg);
	ym_err_at(c->err, c->file, node ? (long)node->line : 0,
		  node ? (long)node->col : 0);
	ym_err_field(c->err, "%s", field);
	return YM_E_INVALID;
}

static int wrong_type(ctx *c, const ym_json *node, const char *field,
		      const char *want)
{
	char msg[128];
	snprintf(msg, sizeof msg, _("expected %s, got %s"), want,
		 ym_json_type_name(node->type));
	return fail_at(c, node, field, msg);
}

/* Optional string member: absent or null gives NULL; other types fail. */
static int opt_string(ctx *c, const ym_json *obj, const char *key,
		      const char *path, const char **out)
{
	const ym_json *v = ym_json_get(obj, key);
	*out = NULL;
	if (!v || v->type == YM_JSON_NULL)
		return 0;
	if (v->type != YM_JSON_STRING) {
		char field[256];
		snprintf(field, sizeof field, "%s.%s", path, key);
		return wrong_type(c, v, field, _("string"));
	}
	*out = v->u.str.s;
	return 0;
}

static int parse_component(ctx *c, const ym_json *j, const char *path,
			   size_t parent);

static int parse_components(ctx *c, const ym_json *arr, const char *path,
			    size_t parent)
{
	if (!arr || arr->type == YM_JSON_NULL)
		return 0;
	if (arr->type != YM_JSON_ARRAY)
		return wrong_type(c, arr, path, _("array"));
	for (size_t i = 0; i < arr->u.arr.n; i++) {
		char sub[256];
		snprintf(sub, sizeof sub, "%s[%zu]", path, i);
		int rc = parse_component(c, arr->u.arr.items[i], sub, parent);
		if (rc)
			return rc;
	}
	return 0;
}

static int parse_component(ctx *c, const ym_json *j, const char *path,
			   size_t parent)
{
	if (j->type != YM_JSON_OBJECT)
		return wrong_type(c, j, path, _("object"));
	ym_component comp = {0};
	int rc;
	if ((rc = opt_string(c, j, "name", path, &comp.name)) ||
	    (rc = opt_string(c, j, "version", path, &comp.version)) ||
	    (rc = opt_string(c, j, "purl", path, &comp.purl)) ||
	    (rc = opt_string(c, j, "cpe", path, &comp.cpe)) ||
	    (rc = opt_string(c, j, "bom-ref", path, &comp.bom_ref)))
		return rc;
	const char *group;
	if ((rc = opt_string(c, j, "group", path, &group)))
		return rc;
	if (!comp.name || !*comp.name) {
		char field[256];
		snprintf(field, sizeof field, "%s.name", path);
		return fail_at(c, j, field,
			       _("component has no name (required)"));
	}
	if (comp.purl) {
		ym_purl p;
		ym_err perr = YM_ERR_INIT;
		if (ym_purl_parse(comp.purl, c->a, &p, &perr)) {
			char field[256];
			snprintf(field, sizeof field, "%s.purl", path);
			return fail_at(c, ym_json_get(j, "purl"), field,
				       perr.msg);
		}
		comp.purl = ym_purl_format(&p, c->a);
		comp.ecosystem = p.type;
		comp.pkg_key = ym_pkg_key(p.type, p.namespace_, p.name, c->a);
		/* the component's own version field wins; the purl's
		 * fills in when the field is missing */
		if (!comp.version && p.version)
			comp.version = p.version;
	}
	/* the group is part of the name people know: @babel/traverse,
	 * org.apache.logging.log4j:log4j-core */
	if (group && *group)
		comp.name = ym_arena_printf(
			c->a, "%s%s%s", group,
			comp.ecosystem && strcmp(comp.ecosystem, "maven") == 0
				? ":"
				: "/",
			comp.name);
	comp.parent_id = (int64_t)parent;
	comp.source = c->file;
	ym_vec_push(&c->comps, comp);
	size_t self = c->comps.n; /* 1-based index of this component */
	char sub[256];
	snprintf(sub, sizeof sub, "%s.components", path);
	return parse_components(c, ym_json_get(j, "components"), sub, self);
}

int ym_cyclonedx_parse_json(const char *text, size_t len,
			    const char *filename, ym_arena *a, ym_sbom *out,
			    ym_err *err)
{
	ctx c = {.file = filename, .a = a, .comps = YM_VEC_INIT, .err = err};
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
		const ym_json *mc = ym_json_get(meta, "component");
		if (mc && mc->type == YM_JSON_OBJECT) {
			if ((rc = opt_string(&c, mc, "name",
					     "metadata.component",
					     &out->subject_name)) ||
			    (rc = opt_string(&c, mc, "version",
					     "metadata.component",
					     &out->subject_version)))
				goto fail;
		} else if (mc && mc->type != YM_JSON_NULL) {
			rc = wrong_type(&c, mc, "metadata.component",
					_("object"));
			goto fail;
		}
	}
	rc = parse_components(&c, ym_json_get(root, "components"),
			      "components", 0);
	if (rc)
		goto fail;
	out->n_components = c.comps.n;
	out->components = ym_arena_alloc(a, (c.comps.n ? c.comps.n : 1) *
						    sizeof(ym_component));
	if (c.comps.n)
		memcpy(out->components, c.comps.v,
		       c.comps.n * sizeof(ym_component));
fail:
	ym_vec_release(&c.comps);
	return rc;
}
