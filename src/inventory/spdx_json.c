/* spdx_json.c - SPDX 2.2/2.3 JSON documents: packages, the described
 * package (the subject) and the dependency relationships. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/json.h"
#include "core/vec.h"
#include "inventory/sbom_component.h"
#include "inventory/spdx.h"

typedef struct ctx {
	const char *file;
	ym_arena *a;
	ym_err *err;
	ym_sbom_builder b;
	YM_VEC(ym_spdx_rel) rels;
	YM_VEC(const char *) describes;
} ctx;

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

static void field_of(char *buf, size_t n, const char *path, const char *key)
{
	if (!path || !*path)
		snprintf(buf, n, "%s", key);
	else
		snprintf(buf, n, "%s.%s", path, key);
}

/* Optional string member ("" path = the document). */
static int opt_string(ctx *c, const ym_json *obj, const char *key,
		      const char *path, const char **out)
{
	const ym_json *v = ym_json_get(obj, key);
	*out = NULL;
	if (!v || v->type == YM_JSON_NULL)
		return 0;
	if (v->type != YM_JSON_STRING) {
		char field[256];
		field_of(field, sizeof field, path, key);
		return wrong_type(c, v, field, _("string"));
	}
	*out = v->u.str.s;
	return 0;
}

static int opt_array(ctx *c, const ym_json *obj, const char *key,
		     const char *path, const ym_json **out)
{
	const ym_json *v = ym_json_get(obj, key);
	*out = NULL;
	if (!v || v->type == YM_JSON_NULL)
		return 0;
	if (v->type != YM_JSON_ARRAY) {
		char field[256];
		field_of(field, sizeof field, path, key);
		return wrong_type(c, v, field, _("array"));
	}
	*out = v;
	return 0;
}

static int read_checksums(ctx *c, const ym_json *p, const char *path,
			  const char **out)
{
	const ym_json *arr;
	int rc;
	*out = NULL;
	if ((rc = opt_array(c, p, "checksums", path, &arr)) || !arr)
		return rc;
	for (size_t i = 0; i < arr->u.arr.n; i++) {
		const ym_json *e = arr->u.arr.items[i];
		const char *alg, *val;
		char sub[256];
		snprintf(sub, sizeof sub, "%s.checksums[%zu]", path, i);
		if (e->type != YM_JSON_OBJECT)
			return wrong_type(c, e, sub, _("object"));
		if ((rc = opt_string(c, e, "algorithm", sub, &alg)) ||
		    (rc = opt_string(c, e, "checksumValue", sub, &val)))
			return rc;
		if (!alg || !val)
			continue;
		*out = ym_sbom_join(c->a, *out,
				    ym_arena_printf(c->a, "%s:%s",
						    ym_sbom_hash_alg(alg),
						    val));
	}
	return 0;
}

/* externalRefs: the first purl and the first cpe. */
static int read_refs(ctx *c, const ym_json *p, const char *path,
		     ym_component *comp, const ym_json **purl_node,
		     char *purl_field, size_t purl_field_n)
{
	const ym_json *arr;
	int rc;
	if ((rc = opt_array(c, p, "externalRefs", path, &arr)) || !arr)
		return rc;
	for (size_t i = 0; i < arr->u.arr.n; i++) {
		const ym_json *e = arr->u.arr.items[i];
		const char *type, *loc;
		char sub[256], lf[300];
		snprintf(sub, sizeof sub, "%s.externalRefs[%zu]", path, i);
		if (e->type != YM_JSON_OBJECT)
			return wrong_type(c, e, sub, _("object"));
		if ((rc = opt_string(c, e, "referenceType", sub, &type)) ||
		    (rc = opt_string(c, e, "referenceLocator", sub, &loc)))
			return rc;
		if (!type || !loc)
			continue;
		snprintf(lf, sizeof lf, "%s.referenceLocator", sub);
		if (strcmp(type, "purl") == 0 && !comp->purl) {
			comp->purl = loc;
			*purl_node = ym_json_get(e, "referenceLocator");
			snprintf(purl_field, purl_field_n, "%s", lf);
		} else if (strcmp(type, "cpe23Type") == 0 && !comp->cpe) {
			comp->cpe = loc;
		} else if (strcmp(type, "cpe22Type") == 0 && !comp->cpe) {
			ym_err cerr = YM_ERR_INIT;
			if (ym_spdx_cpe22(loc, c->a, &comp->cpe, &cerr))
				return fail_at(c,
					       ym_json_get(e,
							   "referenceLocator"),
					       lf, cerr.msg);
		}
	}
	return 0;
}

static int parse_package(ctx *c, const ym_json *p, const char *path)
{
	ym_component comp = {0};
	const char *supplier, *originator, *concluded, *declared, *purpose;
	const ym_json *purl_node = NULL;
	char purl_field[320] = "";
	int rc;
	if (p->type != YM_JSON_OBJECT)
		return wrong_type(c, p, path, _("object"));
	if ((rc = opt_string(c, p, "SPDXID", path, &comp.bom_ref)) ||
	    (rc = opt_string(c, p, "name", path, &comp.name)) ||
	    (rc = opt_string(c, p, "versionInfo", path, &comp.version)) ||
	    (rc = opt_string(c, p, "supplier", path, &supplier)) ||
	    (rc = opt_string(c, p, "originator", path, &originator)) ||
	    (rc = opt_string(c, p, "licenseConcluded", path, &concluded)) ||
	    (rc = opt_string(c, p, "licenseDeclared", path, &declared)) ||
	    (rc = opt_string(c, p, "primaryPackagePurpose", path,
			     &purpose)) ||
	    (rc = read_checksums(c, p, path, &comp.hashes)) ||
	    (rc = read_refs(c, p, path, &comp, &purl_node, purl_field,
			    sizeof purl_field)))
		return rc;
	if (!comp.name || !*comp.name) {
		char field[256];
		field_of(field, sizeof field, path, "name");
		return fail_at(c, p, field,
			       _("package has no name (required)"));
	}
	comp.supplier = ym_spdx_party(supplier, c->a);
	if (!comp.supplier)
		comp.supplier = ym_spdx_party(originator, c->a);
	comp.licenses = ym_spdx_license(concluded, declared);
	comp.type = ym_spdx_purpose(purpose, c->a);
	comp.source = c->file;
	ym_err perr = YM_ERR_INIT;
	if (ym_sbom_component_finish(&comp, NULL, c->a, &perr))
		return fail_at(c, purl_node, purl_field, perr.msg);
	ym_sbom_add_component(&c->b, &comp);
	return 0;
}

static int read_relationships(ctx *c, const ym_json *root)
{
	const ym_json *arr;
	int rc;
	if ((rc = opt_array(c, root, "relationships", "", &arr)) || !arr)
		return rc;
	for (size_t i = 0; i < arr->u.arr.n; i++) {
		const ym_json *e = arr->u.arr.items[i];
		ym_spdx_rel r;
		char sub[64];
		snprintf(sub, sizeof sub, "relationships[%zu]", i);
		if (e->type != YM_JSON_OBJECT)
			return wrong_type(c, e, sub, _("object"));
		if ((rc = opt_string(c, e, "spdxElementId", sub, &r.from)) ||
		    (rc = opt_string(c, e, "relationshipType", sub,
				     &r.type)) ||
		    (rc = opt_string(c, e, "relatedSpdxElement", sub, &r.to)))
			return rc;
		if (!r.from || !r.type || !r.to) {
			char field[96];
			field_of(field, sizeof field, sub,
				 !r.from   ? "spdxElementId"
				 : !r.type ? "relationshipType"
					   : "relatedSpdxElement");
			return fail_at(c, e, field,
				       _("relationship is incomplete "
					 "(spdxElementId, relationshipType "
					 "and relatedSpdxElement are "
					 "required)"));
		}
		ym_vec_push(&c->rels, r);
	}
	return 0;
}

/* An SPDX 3 document is JSON-LD: {"@context": ".../spdx.org/rdf/3..."}. */
static bool is_spdx3(const ym_json *root)
{
	const ym_json *ctxv = ym_json_get(root, "@context");
	const char *s = ym_json_string(ctxv);
	if (!s && ym_json_len(ctxv) && ym_json_is(ctxv, YM_JSON_ARRAY))
		s = ym_json_string(ym_json_at(ctxv, 0));
	return s && strstr(s, "spdx.org/rdf/3") != NULL;
}

int ym_spdx_parse_json(const char *text, size_t len, const char *filename,
		       ym_arena *a, ym_sbom *out, ym_err *err)
{
	ctx c = {.file = filename, .a = a, .err = err};
	const ym_json *arr;
	const char *ver, *doc_id;
	int rc;
	memset(out, 0, sizeof *out);
	ym_json *root = ym_json_parse(a, text, len, NULL, filename, err);
	if (!root)
		return err ? err->code : YM_E_PARSE;
	if (root->type != YM_JSON_OBJECT)
		return wrong_type(&c, root, "(document)", _("object"));
	if (is_spdx3(root)) {
		ym_err_set(err, YM_E_UNSUPPORTED,
			   _("SPDX 3.0 is not supported yet: export the SBOM "
			     "as SPDX 2.3 or CycloneDX"));
		ym_err_at(err, filename, root->line, root->col);
		ym_err_field(err, "@context");
		return YM_E_UNSUPPORTED;
	}
	if ((rc = opt_string(&c, root, "spdxVersion", "", &ver)))
		return rc;
	if (!ver || strncmp(ver, "SPDX-2.", 7) != 0) {
		const ym_json *v = ym_json_get(root, "spdxVersion");
		return fail_at(&c, v ? v : root, "spdxVersion",
			       _("not an SPDX 2 document (spdxVersion must "
				 "be \"SPDX-2.2\" or \"SPDX-2.3\")"));
	}
	out->format = "SPDX";
	out->spec_version = ver + 5;
	if ((rc = opt_string(&c, root, "documentNamespace", "",
			     &out->serial)) ||
	    (rc = opt_string(&c, root, "SPDXID", "", &doc_id)) ||
	    (rc = opt_array(&c, root, "documentDescribes", "", &arr)))
		goto out;
	for (size_t i = 0; arr && i < arr->u.arr.n; i++) {
		const ym_json *d = arr->u.arr.items[i];
		if (d->type != YM_JSON_STRING) {
			char field[64];
			snprintf(field, sizeof field, "documentDescribes[%zu]",
				 i);
			rc = wrong_type(&c, d, field, _("string"));
			goto out;
		}
		ym_vec_push(&c.describes, d->u.str.s);
	}
	if ((rc = opt_array(&c, root, "packages", "", &arr)))
		goto out;
	for (size_t i = 0; arr && i < arr->u.arr.n; i++) {
		char path[64];
		snprintf(path, sizeof path, "packages[%zu]", i);
		if ((rc = parse_package(&c, arr->u.arr.items[i], path)))
			goto out;
	}
	if ((rc = read_relationships(&c, root)))
		goto out;
	ym_spdx_assemble(&c.b, doc_id ? doc_id : "SPDXRef-DOCUMENT",
			 c.describes.v, c.describes.n, c.rels.v, c.rels.n, a,
			 out);
out:
	ym_sbom_builder_release(&c.b);
	ym_vec_release(&c.rels);
	ym_vec_release(&c.describes);
	return rc;
}
