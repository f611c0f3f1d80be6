/* csaf.c - CSAF documents into the normalised vulnerability model.
 *
 * Two passes over one parsed tree: the document header and the product
 * tree first (every product id resolved to a name, cpe and purl, every
 * group id to its product ids), then one ym_vuln per vulnerabilities[]
 * entry. The checks are the cheap ones of the CSAF 2.0 mandatory tests
 * that need no more than the maps built here (see
 * docs/feeds-csaf-kev-epss.md); they are warnings.
 *
 * Hostile input: branch names stop growing at NAME_MAX bytes, a
 * relationship chain is followed MAX_CHAIN steps, and group ids expand to
 * at most MAX_EXPANDED product ids per document, so neither time nor
 * memory grows faster than the input.
 */
#include "feeds/csaf.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/buf.h"
#include "core/i18n.h"
#include "core/json.h"
#include "core/map.h"
#include "core/vec.h"
#include "ids/cpe.h"
#include "ids/purl.h"

#define NAME_MAX_ 1024         /* longest joined branch name */
#define MAX_CHAIN 32           /* relationship steps followed */
#define MAX_EXPANDED (1u << 22) /* group members expanded per document */

/* A product the tree defines. */
typedef struct product {
	const char *id;
	const char *name; /* branch path joined, or the full product name */
	const char *cpe;  /* identification helper, or NULL */
	const char *purl;
	const char *ref;  /* relationship: its product_reference, else NULL */
} product;

typedef struct group {
	const char *const *ids;
	size_t n;
} group;

typedef YM_VEC(const char *) str_vec;
typedef YM_VEC(product *) prod_vec;
typedef YM_VEC(ym_cvss_entry) cvss_vec;
typedef YM_VEC(ym_product_status) status_vec;

typedef struct ctx {
	const char *file;
	ym_arena *a;
	ym_err *err;
	const ym_feed_ctx *fc;
	bool v21;                 /* csaf_version 2.1 */
	bool ja;                  /* document.lang is Japanese */
	bool vex;                 /* category csaf_vex */
	bool advisory;            /* category csaf_security_advisory */
	const char *category;
	const char *tracking_id;
	const char *doc_title;
	const char *publisher;    /* document.publisher.name */
	const char *published, *modified, *status;
	const ym_json *doc_refs;  /* document.references, checked */
	ym_map products;          /* product id -> product * */
	ym_map groups;            /* group id -> group * */
	prod_vec rels;            /* products defined by relationships */
	ym_map vuln_ids;          /* vuln_id -> (index + 1) */
	const char *record;       /* record id of the vulnerability read */
	bool sink_failed;         /* the error came from fc->vuln */
	size_t expanded;          /* product ids group expansion gave */
} ctx;

/* ---- errors and warnings ---- */

static void place(ym_err *e, const ctx *c, const ym_json *node,
		  const char *field)
{
	ym_err_at(e, c->file, node ? (long)node->line : 0,
		  node ? (long)node->col : 0);
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

static void warn(ctx *c, const ym_json *node, const char *field,
		 const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static void warn(ctx *c, const ym_json *node, const char *field,
		 const char *fmt, ...)
{
	if (!c->fc || !c->fc->warn)
		return;
	ym_err w = YM_ERR_INIT;
	va_list ap;
	va_start(ap, fmt);
	ym_err_setv(&w, YM_E_INVALID, fmt, ap);
	va_end(ap);
	place(&w, c, node, field);
	ym_feed_warn(c->fc, &w);
}

static int wrong_type(ctx *c, const ym_json *node, const char *field,
		      const char *want)
{
	return fail(c, node, field, _("expected %s, got %s"), want,
		    ym_json_type_name(node->type));
}

/* A malformed part of the product tree or of the document header: an
 * error in strict mode (returns the code), else a warning and the part
 * is left out (returns 1). */
static int part_fail(ctx *c)
{
	if (c->fc && c->fc->strict)
		return c->err->code;
	ym_feed_warn(c->fc, c->err);
	ym_err_clear(c->err);
	return 1;
}

/* "path.key", or "key" when path is empty. */
static void join(char *out, size_t n, const char *path, const char *key)
{
	snprintf(out, n, "%s%s%s", path, *path ? "." : "", key);
}

/* ---- typed access ---- */

/* obj[key] as a string; *out is NULL when absent or null. A wrong type
 * fails, and so does a missing or empty member when required. */
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
	if (required && v->u.str.len == 0)
		return fail(c, v, field, _("'%s' is empty"), key);
	*out = v->u.str.s;
	return 0;
}

/* obj[key] as an array (NULL when absent or null). */
static int get_arr(ctx *c, const ym_json *obj, const char *key,
		   const char *path, bool required, const ym_json **out)
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
	if (v->type != YM_JSON_ARRAY)
		return wrong_type(c, v, field, _("array"));
	*out = v;
	return 0;
}

/* obj[key] as an object (NULL when absent or null). */
static int get_obj(ctx *c, const ym_json *obj, const char *key,
		   const char *path, bool required, const ym_json **out)
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
	if (v->type != YM_JSON_OBJECT)
		return wrong_type(c, v, field, _("object"));
	*out = v;
	return 0;
}

/* arr[i] as a non-empty string; field is "path[i]". */
static int item_str(ctx *c, const ym_json *arr, size_t i, const char *path,
		    const char **out)
{
	const ym_json *v = arr->u.arr.items[i];
	char field[256];
	snprintf(field, sizeof field, "%s[%zu]", path, i);
	if (v->type != YM_JSON_STRING)
		return wrong_type(c, v, field, _("string"));
	if (v->u.str.len == 0)
		return fail(c, v, field, "%s", _("empty string"));
	*out = v->u.str.s;
	return 0;
}

static const char *json_text(ym_arena *a, ym_buf *b)
{
	return ym_arena_strndup(a, b->ptr, b->len);
}

/* ---- the product tree ---- */

static product *find_product(ctx *c, const char *id)
{
	return ym_map_get(&c->products, id, strlen(id));
}

/* Warns about obvious syntax errors in an identification helper; the
 * values are kept as given (the matcher normalises them). */
static void check_helper(ctx *c, const ym_json *pih, const char *path,
			 const char *cpe, const char *purl)
{
	char field[256];
	ym_err e = YM_ERR_INIT;
	if (cpe) {
		ym_cpe parsed;
		if (ym_cpe_parse(cpe, c->a, &parsed, &e)) {
			join(field, sizeof field, path, "cpe");
			warn(c, ym_json_get(pih, "cpe"), field, "%s", e.msg);
		}
	}
	if (purl) {
		ym_purl parsed;
		ym_err_clear(&e);
		if (ym_purl_parse(purl, c->a, &parsed, &e)) {
			join(field, sizeof field, path,
			     c->v21 ? "purls[0]" : "purl");
			warn(c, pih, field, "%s", e.msg);
		}
	}
}

/* product_identification_helper of a full product name: cpe and purl
 * (CSAF 2.1: the first of purls). */
static int read_helper(ctx *c, const ym_json *fpn, const char *path,
		       const char **cpe, const char **purl)
{
	char hp[256];
	const ym_json *pih, *purls;
	int rc;
	*cpe = *purl = NULL;
	if ((rc = get_obj(c, fpn, "product_identification_helper", path,
			  false, &pih)))
		return rc;
	if (!pih)
		return 0;
	join(hp, sizeof hp, path, "product_identification_helper");
	if ((rc = get_str(c, pih, "cpe", hp, false, cpe)) ||
	    (rc = get_str(c, pih, "purl", hp, false, purl)) ||
	    (rc = get_arr(c, pih, "purls", hp, false, &purls)))
		return rc;
	if (!*purl && purls && purls->u.arr.n) {
		char field[256];
		join(field, sizeof field, hp, "purls");
		if ((rc = item_str(c, purls, 0, field, purl)))
			return rc;
	}
	check_helper(c, pih, hp, *cpe, *purl);
	return 0;
}

/* Defines a product; a second definition of an id is a warning (6.1.2)
 * and the first one stays. */
static product *add_product(ctx *c, const ym_json *node, const char *path,
			    const char *id, const char *name,
			    const char *cpe, const char *purl)
{
	bool found;
	void **slot = ym_map_slot(&c->products, id, strlen(id), &found);
	if (found) {
		char field[256];
		join(field, sizeof field, path, "product_id");
		warn(c, node, field,
		     _("product id '%s' is defined more than once"), id);
		return NULL;
	}
	product *p = ym_arena_zalloc(c->a, sizeof *p);
	p->id = id;
	p->name = name;
	p->cpe = cpe;
	p->purl = purl;
	*slot = p;
	return p;
}

/* A full_product_name object: {name, product_id, helper}. name_override
 * (the branch path) replaces its own name when given. */
static int read_fpn(ctx *c, const ym_json *fpn, const char *path,
		    const char *name_override, product **out)
{
	const char *id, *name, *cpe, *purl;
	int rc;
	if (out)
		*out = NULL;
	if (fpn->type != YM_JSON_OBJECT)
		return wrong_type(c, fpn, path, _("object"));
	if ((rc = get_str(c, fpn, "product_id", path, true, &id)) ||
	    (rc = get_str(c, fpn, "name", path, !name_override, &name)) ||
	    (rc = read_helper(c, fpn, path, &cpe, &purl)))
		return rc;
	product *p = add_product(c, fpn, path, id,
				 name_override ? name_override : name, cpe,
				 purl);
	if (out)
		*out = p;
	return 0;
}

/* The name of a branch below one whose joined name is parent: the
 * parent's name and this branch's, joined with a space; when the branch
 * name repeats the last part of the path ("Red Hat" > "Red Hat
 * Enterprise Linux"), it replaces that part instead. *last is the offset
 * of the last part in the name. A name that would pass NAME_MAX_ bytes
 * stays the parent's. */
static const char *branch_name(ctx *c, const char *parent, size_t *last,
			       const char *name)
{
	if (!name || !*name)
		return parent;
	if (!parent || !*parent) {
		*last = 0;
		return name;
	}
	const char *tail = parent + *last;
	size_t tl = strlen(tail), pl = strlen(parent), nl = strlen(name);
	if (strncmp(name, tail, tl) == 0 &&
	    (name[tl] == '\0' || name[tl] == ' ')) {
		if (*last == 0)
			return name;
		if (*last + nl > NAME_MAX_)
			return parent;
		return ym_arena_printf(c->a, "%.*s%s", (int)*last, parent,
				       name);
	}
	if (pl + 1 + nl > NAME_MAX_)
		return parent;
	*last = pl + 1;
	return ym_arena_printf(c->a, "%s %s", parent, name);
}

static int walk_branches(ctx *c, const ym_json *arr, const char *path,
			 const char *parent, size_t last)
{
	for (size_t i = 0; i < arr->u.arr.n; i++) {
		const ym_json *b = arr->u.arr.items[i];
		char bp[256];
		const char *name;
		const ym_json *sub, *prod;
		size_t l = last;
		int rc;
		snprintf(bp, sizeof bp, "%s[%zu]", path, i);
		if (b->type != YM_JSON_OBJECT)
			rc = wrong_type(c, b, bp, _("object"));
		else if (!(rc = get_str(c, b, "name", bp, true, &name)) &&
			 !(rc = get_arr(c, b, "branches", bp, false, &sub)))
			rc = get_obj(c, b, "product", bp, false, &prod);
		if (rc) {
			rc = part_fail(c);
			if (rc < 0)
				return rc;
			continue;
		}
		const char *full = branch_name(c, parent, &l, name);
		if (prod) {
			char pp[256];
			join(pp, sizeof pp, bp, "product");
			if ((rc = read_fpn(c, prod, pp, full, NULL)) &&
			    (rc = part_fail(c)) < 0)
				return rc;
		}
		if (sub) {
			char sp[256];
			join(sp, sizeof sp, bp, "branches");
			if ((rc = walk_branches(c, sub, sp, full, l)))
				return rc;
		}
	}
	return 0;
}

static int read_relationships(ctx *c, const ym_json *arr)
{
	for (size_t i = 0; i < arr->u.arr.n; i++) {
		const ym_json *r = arr->u.arr.items[i];
		const ym_json *fpn;
		const char *ref, *to, *cat;
		product *p = NULL;
		char rp[96], fp[128];
		int rc;
		snprintf(rp, sizeof rp, "product_tree.relationships[%zu]", i);
		join(fp, sizeof fp, rp, "full_product_name");
		if (r->type != YM_JSON_OBJECT)
			rc = wrong_type(c, r, rp, _("object"));
		else if (!(rc = get_str(c, r, "category", rp, true, &cat)) &&
			 !(rc = get_str(c, r, "product_reference", rp, true,
					&ref)) &&
			 !(rc = get_str(c, r, "relates_to_product_reference",
					rp, true, &to)) &&
			 !(rc = get_obj(c, r, "full_product_name", rp, true,
					&fpn)))
			rc = read_fpn(c, fpn, fp, NULL, &p);
		if (rc) {
			if ((rc = part_fail(c)) < 0)
				return rc;
			continue;
		}
		if (!p)
			continue;
		p->ref = ref;
		ym_vec_push(&c->rels, p);
		if (strcmp(p->id, ref) == 0 || strcmp(p->id, to) == 0) {
			char field[160];
			join(field, sizeof field, fp, "product_id");
			warn(c, ym_json_get(fpn, "product_id"), field,
			     _("product id '%s' is defined in terms of "
			       "itself"), p->id);
		}
	}
	return 0;
}

/* Gives a relationship's product without a cpe or purl of its own
 * those of the product it refers to, following a chain of relationships
 * (at most MAX_CHAIN steps, so cycles end) to the first that has one. */
static void resolve_ref(ctx *c, product *p)
{
	const product *q = p;
	if (p->cpe || p->purl)
		return;
	for (int i = 0; i < MAX_CHAIN && q->ref; i++) {
		q = find_product(c, q->ref);
		if (!q)
			return;
		if (q->cpe || q->purl) {
			p->cpe = q->cpe;
			p->purl = q->purl;
			return;
		}
	}
}

static int read_groups(ctx *c, const ym_json *arr)
{
	for (size_t i = 0; i < arr->u.arr.n; i++) {
		const ym_json *g = arr->u.arr.items[i];
		const ym_json *ids;
		const char *gid;
		char gp[96], ip[128];
		int rc;
		snprintf(gp, sizeof gp, "product_tree.product_groups[%zu]", i);
		join(ip, sizeof ip, gp, "product_ids");
		if (g->type != YM_JSON_OBJECT)
			rc = wrong_type(c, g, gp, _("object"));
		else if (!(rc = get_str(c, g, "group_id", gp, true, &gid)))
			rc = get_arr(c, g, "product_ids", gp, true, &ids);
		const char **list = NULL;
		if (!rc) {
			list = ym_arena_alloc(c->a, (ids->u.arr.n + 1) *
							    sizeof *list);
			for (size_t j = 0; j < ids->u.arr.n && !rc; j++)
				rc = item_str(c, ids, j, ip, &list[j]);
		}
		if (rc) {
			if ((rc = part_fail(c)) < 0)
				return rc;
			continue;
		}
		bool found;
		void **slot = ym_map_slot(&c->groups, gid, strlen(gid), &found);
		if (found) {
			char field[128];
			join(field, sizeof field, gp, "group_id");
			warn(c, ym_json_get(g, "group_id"), field,
			     _("product group id '%s' is defined more than "
			       "once"), gid);
			continue;
		}
		group *grp = ym_arena_alloc(c->a, sizeof *grp);
		grp->ids = list;
		grp->n = ids->u.arr.n;
		*slot = grp;
	}
	return 0;
}

/* Product ids the tree refers to must be defined (6.1.1); checked once
 * the whole tree is read. */
static void check_tree_refs(ctx *c, const ym_json *tree)
{
	const ym_json *rels = ym_json_get(tree, "relationships");
	const ym_json *groups = ym_json_get(tree, "product_groups");
	static const char *const keys[] = {"product_reference",
					   "relates_to_product_reference"};
	for (size_t i = 0; i < ym_json_len(rels) &&
			   rels->type == YM_JSON_ARRAY; i++) {
		const ym_json *r = rels->u.arr.items[i];
		for (size_t k = 0; k < 2; k++) {
			const ym_json *v = ym_json_get(r, keys[k]);
			const char *id = ym_json_string(v);
			if (!id || !*id || find_product(c, id))
				continue;
			char field[160];
			snprintf(field, sizeof field,
				 "product_tree.relationships[%zu].%s", i,
				 keys[k]);
			warn(c, v, field,
			     _("product id '%s' is not defined in the product "
			       "tree"), id);
		}
	}
	for (size_t i = 0; i < ym_json_len(groups) &&
			   groups->type == YM_JSON_ARRAY; i++) {
		const ym_json *ids =
			ym_json_get(groups->u.arr.items[i], "product_ids");
		for (size_t j = 0; j < ym_json_len(ids) &&
				   ids->type == YM_JSON_ARRAY; j++) {
			const ym_json *v = ids->u.arr.items[j];
			const char *id = ym_json_string(v);
			if (!id || !*id || find_product(c, id))
				continue;
			char field[160];
			snprintf(field, sizeof field,
				 "product_tree.product_groups[%zu]."
				 "product_ids[%zu]", i, j);
			warn(c, v, field,
			     _("product id '%s' is not defined in the product "
			       "tree"), id);
		}
	}
}

/* Runs a getter on a part of the tree or header the records can do
 * without: 0 when it is fine, 1 when it is malformed and left out (lax),
 * the error code in strict mode. */
static int optional_part(ctx *c, int rc)
{
	return rc ? part_fail(c) : 0;
}

static int read_tree(ctx *c, const ym_json *root)
{
	const ym_json *tree, *br = NULL, *fpns = NULL, *rels = NULL;
	const ym_json *groups = NULL;
	const char *tp = "product_tree";
	int rc;
	rc = optional_part(c, get_obj(c, root, tp, "", false, &tree));
	if (rc < 0)
		return rc;
	if (rc || !tree)
		return 0;
	if ((rc = optional_part(c, get_arr(c, tree, "branches", tp, false,
					   &br))) < 0 ||
	    (rc = optional_part(c, get_arr(c, tree, "full_product_names", tp,
					   false, &fpns))) < 0 ||
	    (rc = optional_part(c, get_arr(c, tree, "relationships", tp,
					   false, &rels))) < 0 ||
	    (rc = optional_part(c, get_arr(c, tree, "product_groups", tp,
					   false, &groups))) < 0)
		return rc;
	if (br && (rc = walk_branches(c, br, "product_tree.branches", NULL,
				      0)))
		return rc;
	for (size_t i = 0; fpns && i < fpns->u.arr.n; i++) {
		char fp[96];
		snprintf(fp, sizeof fp, "product_tree.full_product_names[%zu]",
			 i);
		rc = optional_part(c, read_fpn(c, fpns->u.arr.items[i], fp,
					       NULL, NULL));
		if (rc < 0)
			return rc;
	}
	if (rels && (rc = read_relationships(c, rels)))
		return rc;
	if (groups && (rc = read_groups(c, groups)))
		return rc;
	for (size_t i = 0; i < c->rels.n; i++)
		resolve_ref(c, c->rels.v[i]);
	check_tree_refs(c, tree);
	return 0;
}

/* ---- the document ---- */

static bool starts_ja(const char *lang)
{
	return lang && (lang[0] == 'j' || lang[0] == 'J') &&
	       (lang[1] == 'a' || lang[1] == 'A') &&
	       (lang[2] == '\0' || lang[2] == '-' || lang[2] == '_');
}

/* Names what a JSON file that is not a CSAF document looks like. */
static const char *what_else(const ym_json *root)
{
	const char *ctxs = ym_json_string(ym_json_get(root, "@context"));
	if (ctxs && strstr(ctxs, "openvex"))
		return _("an OpenVEX document");
	if (ym_json_get(root, "$schema") &&
	    (ym_json_get(root, "properties") || ym_json_get(root, "$defs") ||
	     ym_json_get(root, "definitions")))
		return _("a JSON schema");
	if (ym_json_get(root, "feed") || ym_json_get(root, "service") ||
	    ym_json_get(root, "categories"))
		return _("a ROLIE feed");
	if (ym_json_get(root, "aggregator"))
		return _("a CSAF aggregator list");
	if (ym_json_get(root, "canonical_url") &&
	    ym_json_get(root, "metadata_version"))
		return _("a CSAF provider metadata file");
	if (ym_json_get(root, "bomFormat"))
		return _("a CycloneDX document");
	if (ym_json_get(root, "vulnerabilities") &&
	    ym_json_get(root, "catalogVersion"))
		return _("a CISA KEV catalog");
	return NULL;
}

static int not_csaf(ctx *c, const ym_json *root)
{
	const char *what = root->type == YM_JSON_OBJECT ? what_else(root)
							: NULL;
	int code = what && strstr(what, "OpenVEX") ? YM_E_UNSUPPORTED
						   : YM_E_INVALID;
	if (what)
		ym_err_set(c->err, code, _("not a CSAF document: %s"), what);
	else
		ym_err_set(c->err, code, "%s",
			   _("not a CSAF document: no 'document' object"));
	ym_err_at(c->err, c->file, (long)root->line, (long)root->col);
	return code;
}

static int read_document(ctx *c, const ym_json *root)
{
	const ym_json *doc, *tracking, *pub = NULL;
	const char *cat, *ver, *lang = NULL;
	const char *dp = "document", *tp = "document.tracking";
	int rc;
	if (root->type != YM_JSON_OBJECT)
		return not_csaf(c, root);
	doc = ym_json_get(root, "document");
	if (!doc || doc->type == YM_JSON_NULL)
		return not_csaf(c, root);
	if (doc->type != YM_JSON_OBJECT)
		return wrong_type(c, doc, dp, _("object"));
	/* what no record can do without */
	if ((rc = get_str(c, doc, "category", dp, true, &cat)) ||
	    (rc = get_str(c, doc, "csaf_version", dp, true, &ver)))
		return rc;
	if (strcmp(ver, "2.0") != 0 && strcmp(ver, "2.1") != 0) {
		fail(c, ym_json_get(doc, "csaf_version"),
		     "document.csaf_version",
		     _("unsupported CSAF version '%s' (2.0 and 2.1 are "
		       "read)"), ver);
		c->err->code = YM_E_UNSUPPORTED;
		return YM_E_UNSUPPORTED;
	}
	c->v21 = strcmp(ver, "2.1") == 0;
	c->category = cat;
	c->vex = strcmp(cat, "csaf_vex") == 0;
	c->advisory = strcmp(cat, "csaf_security_advisory") == 0;
	if ((rc = get_obj(c, doc, "tracking", dp, true, &tracking)) ||
	    (rc = get_str(c, tracking, "id", tp, true, &c->tracking_id)))
		return rc;
	/* the rest: a member of the wrong type is left out */
	if ((rc = optional_part(c, get_str(c, doc, "lang", dp, false,
					   &lang))) < 0 ||
	    (rc = optional_part(c, get_str(c, doc, "title", dp, false,
					   &c->doc_title))) < 0 ||
	    (rc = optional_part(c, get_obj(c, doc, "publisher", dp, false,
					   &pub))) < 0 ||
	    (pub && (rc = optional_part(c, get_str(c, pub, "name",
						   "document.publisher", false,
						   &c->publisher))) < 0) ||
	    (rc = optional_part(c, get_str(c, tracking,
					   "initial_release_date", tp, false,
					   &c->published))) < 0 ||
	    (rc = optional_part(c, get_str(c, tracking,
					   "current_release_date", tp, false,
					   &c->modified))) < 0 ||
	    (rc = optional_part(c, get_str(c, tracking, "status", tp, false,
					   &c->status))) < 0 ||
	    (rc = optional_part(c, get_arr(c, doc, "references", dp, false,
					   &c->doc_refs))) < 0)
		return rc;
	c->ja = starts_ja(lang);
	return 0;
}

/* ---- one vulnerability ---- */

/* Per-record state, released after the record. */
typedef struct vstate {
	ym_map flag_of;   /* product id -> flag label */
	ym_map impact_of; /* product id -> impact statement */
	ym_map remedied;  /* product ids some remediation names */
	ym_map seen_refs; /* url -> 1 */
	str_vec ids;      /* scratch */
	cvss_vec cvss;
	status_vec products;
	ym_buf b;
} vstate;

/* Collects obj[pkey] (product_ids, or products in scores) and,
 * expanded, obj.group_ids into out, each id once, in order. Ids the tree
 * does not define are kept and warned about (6.1.1, 6.1.4). *any tells
 * whether obj named anything. */
static int collect_ids(ctx *c, const ym_json *obj, const char *path,
		       const char *pkey, str_vec *out, bool *any)
{
	const ym_json *pids, *gids;
	ym_map seen = YM_MAP_INIT, seen_groups = YM_MAP_INIT;
	char field[256];
	int rc;
	out->n = 0;
	if (any)
		*any = false;
	if ((rc = get_arr(c, obj, pkey, path, false, &pids)) ||
	    (rc = get_arr(c, obj, "group_ids", path, false, &gids)))
		return rc;
	if (any)
		*any = ym_json_len(pids) || ym_json_len(gids);
	join(field, sizeof field, path, pkey);
	for (size_t i = 0; pids && i < pids->u.arr.n; i++) {
		const char *id;
		bool found;
		if ((rc = item_str(c, pids, i, field, &id)))
			goto out;
		if (!find_product(c, id)) {
			char f2[280];
			snprintf(f2, sizeof f2, "%s[%zu]", field, i);
			warn(c, pids->u.arr.items[i], f2,
			     _("product id '%s' is not defined in the product "
			       "tree"), id);
		}
		ym_map_slot(&seen, id, strlen(id), &found);
		if (!found)
			ym_vec_push(out, id);
	}
	join(field, sizeof field, path, "group_ids");
	for (size_t i = 0; gids && i < gids->u.arr.n; i++) {
		const char *gid;
		if ((rc = item_str(c, gids, i, field, &gid)))
			goto out;
		const group *g = ym_map_get(&c->groups, gid, strlen(gid));
		bool again;
		ym_map_slot(&seen_groups, gid, strlen(gid), &again);
		if (again)
			continue;
		if (g && c->expanded + g->n > MAX_EXPANDED) {
			if (c->expanded <= MAX_EXPANDED)
				warn(c, gids->u.arr.items[i], field,
				     _("product groups expand to more than %u "
				       "product ids; the rest are left out"),
				     MAX_EXPANDED);
			c->expanded = MAX_EXPANDED + 1;
			continue;
		}
		if (!g) {
			char f2[280];
			snprintf(f2, sizeof f2, "%s[%zu]", field, i);
			warn(c, gids->u.arr.items[i], f2,
			     _("product group id '%s' is not defined in the "
			       "product tree"), gid);
			continue;
		}
		c->expanded += g->n;
		for (size_t j = 0; j < g->n; j++) {
			bool found;
			ym_map_slot(&seen, g->ids[j], strlen(g->ids[j]),
				    &found);
			if (!found)
				ym_vec_push(out, g->ids[j]);
		}
	}
out:
	ym_map_release(&seen);
	ym_map_release(&seen_groups);
	return rc;
}

static void write_ids(ym_jsonw *w, const str_vec *ids)
{
	ym_jsonw_key(w, "product_ids");
	ym_jsonw_arr_begin(w);
	for (size_t i = 0; i < ids->n; i++)
		ym_jsonw_str(w, ids->v[i]);
	ym_jsonw_arr_end(w);
}

static bool valid_cve(const char *s)
{
	/* CVE-YYYY-NNNN, four or more digits */
	if (strncmp(s, "CVE-", 4) != 0)
		return false;
	for (int i = 4; i < 8; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	if (s[8] != '-')
		return false;
	size_t n = 0;
	for (const char *p = s + 9; *p; p++, n++)
		if (*p < '0' || *p > '9')
			return false;
	return n >= 4;
}

static bool valid_cwe(const char *s)
{
	if (strncmp(s, "CWE-", 4) != 0 || !s[4] || s[4] == '0')
		return false;
	for (const char *p = s + 4; *p; p++)
		if (*p < '0' || *p > '9')
			return false;
	return strlen(s + 4) <= 6;
}

/* Identity: cve, else the first ids[].text, else tracking id#index. The
 * other ids become aliases. */
static int read_identity(ctx *c, const ym_json *vj, const char *vp,
			 size_t idx, ym_vuln *v)
{
	const ym_json *ids;
	const char *cve;
	char field[128];
	int rc;
	if ((rc = get_str(c, vj, "cve", vp, false, &cve)) ||
	    (rc = get_arr(c, vj, "ids", vp, false, &ids)))
		return rc;
	size_t n = ym_json_len(ids);
	const char **texts = ym_arena_alloc(c->a, (n + 1) * sizeof *texts);
	for (size_t i = 0; i < n; i++) {
		const ym_json *o = ids->u.arr.items[i];
		const char *sys;
		snprintf(field, sizeof field, "%s.ids[%zu]", vp, i);
		if (o->type != YM_JSON_OBJECT)
			return wrong_type(c, o, field, _("object"));
		if ((rc = get_str(c, o, "system_name", field, true, &sys)) ||
		    (rc = get_str(c, o, "text", field, true, &texts[i])))
			return rc;
	}
	size_t first = 0;
	if (cve) {
		v->vuln_id = cve;
	} else if (n) {
		v->vuln_id = texts[0];
		first = 1;
	} else {
		v->vuln_id = ym_arena_printf(c->a, "%s#%zu", c->tracking_id,
					     idx);
	}
	v->record_id = cve || n ? ym_arena_printf(c->a, "%s#%s",
						  c->tracking_id, v->vuln_id)
				: v->vuln_id;
	c->record = v->record_id;
	if (cve && !valid_cve(cve)) {
		join(field, sizeof field, vp, "cve");
		return fail(c, ym_json_get(vj, "cve"), field,
			    _("invalid CVE id '%s'"), cve);
	}
	size_t k = 0;
	const char **al = ym_arena_alloc(c->a, (n + 1) * sizeof *al);
	for (size_t i = first; i < n; i++)
		if (strcmp(texts[i], v->vuln_id) != 0)
			al[k++] = texts[i];
	al[k] = NULL;
	v->aliases = k ? al : NULL;
	return 0;
}

/* Notes: the first summary (else description) note is the summary, the
 * first details (else the unused description) note the details. */
static int read_notes(ctx *c, const ym_json *vj, const char *vp,
		      ym_vuln *v)
{
	const ym_json *notes;
	const char *summary = NULL, *description = NULL, *details = NULL;
	char field[128];
	int rc;
	if ((rc = get_arr(c, vj, "notes", vp, false, &notes)))
		return rc;
	for (size_t i = 0; notes && i < notes->u.arr.n; i++) {
		const ym_json *o = notes->u.arr.items[i];
		const char *cat, *text;
		snprintf(field, sizeof field, "%s.notes[%zu]", vp, i);
		if (o->type != YM_JSON_OBJECT)
			return wrong_type(c, o, field, _("object"));
		if ((rc = get_str(c, o, "category", field, true, &cat)) ||
		    (rc = get_str(c, o, "text", field, true, &text)))
			return rc;
		if (!summary && strcmp(cat, "summary") == 0)
			summary = text;
		else if (!description && strcmp(cat, "description") == 0)
			description = text;
		else if (!details && strcmp(cat, "details") == 0)
			details = text;
	}
	if (!summary) {
		summary = description;
		description = NULL;
	}
	if (!details)
		details = description;
	if (c->ja)
		v->summary_ja = summary;
	else
		v->summary = summary;
	v->details = details;
	return 0;
}

static int read_cwes(ctx *c, const ym_json *vj, const char *vp, ym_vuln *v)
{
	const ym_json *one, *many;
	char field[128];
	int rc;
	if ((rc = get_obj(c, vj, "cwe", vp, false, &one)) ||
	    (rc = get_arr(c, vj, "cwes", vp, false, &many)))
		return rc;
	size_t n = (one ? 1 : 0) + ym_json_len(many);
	if (!n)
		return 0;
	const char **list = ym_arena_alloc(c->a, (n + 1) * sizeof *list);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		size_t j = i - (one ? 1 : 0); /* index in cwes[] */
		const ym_json *o = one && i == 0 ? one : many->u.arr.items[j];
		const char *id;
		if (one && i == 0)
			join(field, sizeof field, vp, "cwe");
		else
			snprintf(field, sizeof field, "%s.cwes[%zu]", vp, j);
		if (o->type != YM_JSON_OBJECT)
			return wrong_type(c, o, field, _("object"));
		if ((rc = get_str(c, o, "id", field, true, &id)))
			return rc;
		if (!valid_cwe(id)) {
			char f2[160];
			join(f2, sizeof f2, field, "id");
			warn(c, ym_json_get(o, "id"), f2,
			     _("'%s' is not a CWE id"), id);
		}
		list[k++] = id;
	}
	list[k] = NULL;
	v->cwes = list;
	return 0;
}

/* References of the vulnerability, then of the document, each URL once:
 * [{"url":..,"source":publisher,"tags":[category]}]. */
static int write_refs(ctx *c, vstate *st, const ym_json *arr,
		      const char *path, ym_jsonw *w)
{
	char field[128];
	int rc;
	for (size_t i = 0; arr && i < arr->u.arr.n; i++) {
		const ym_json *o = arr->u.arr.items[i];
		const char *url, *cat;
		bool found;
		snprintf(field, sizeof field, "%s[%zu]", path, i);
		if (o->type != YM_JSON_OBJECT)
			return wrong_type(c, o, field, _("object"));
		if ((rc = get_str(c, o, "url", field, true, &url)) ||
		    (rc = get_str(c, o, "category", field, false, &cat)))
			return rc;
		ym_map_slot(&st->seen_refs, url, strlen(url), &found);
		if (found)
			continue;
		ym_jsonw_obj_begin(w);
		ym_jsonw_kstr(w, "url", url);
		if (c->publisher)
			ym_jsonw_kstr(w, "source", c->publisher);
		ym_jsonw_key(w, "tags");
		ym_jsonw_arr_begin(w);
		ym_jsonw_str(w, cat ? cat : "external");
		ym_jsonw_arr_end(w);
		ym_jsonw_obj_end(w);
	}
	return 0;
}

static int read_refs(ctx *c, vstate *st, const ym_json *vj, const char *vp,
		     ym_vuln *v)
{
	const ym_json *refs;
	char field[128];
	ym_jsonw w;
	int rc;
	if ((rc = get_arr(c, vj, "references", vp, false, &refs)))
		return rc;
	ym_buf_reset(&st->b);
	ym_jsonw_init(&w, &st->b, false);
	ym_jsonw_arr_begin(&w);
	join(field, sizeof field, vp, "references");
	/* document references were checked by check_doc_refs */
	if ((rc = write_refs(c, st, refs, field, &w)) ||
	    (rc = write_refs(c, st, c->doc_refs, "document.references", &w)))
		return rc;
	ym_jsonw_arr_end(&w);
	v->references = st->b.len > 2 ? json_text(c->a, &st->b) : NULL;
	return 0;
}

/* flags: the VEX justification of each product (6.1.32, 6.1.33). */
static int read_flags(ctx *c, vstate *st, const ym_json *vj, const char *vp)
{
	static const char *const labels[] = {
		"component_not_present",
		"inline_mitigations_already_exist",
		"vulnerable_code_cannot_be_controlled_by_adversary",
		"vulnerable_code_not_in_execute_path",
		"vulnerable_code_not_present",
	};
	const ym_json *flags;
	char field[128];
	int rc;
	if ((rc = get_arr(c, vj, "flags", vp, false, &flags)))
		return rc;
	for (size_t i = 0; flags && i < flags->u.arr.n; i++) {
		const ym_json *o = flags->u.arr.items[i];
		const char *label;
		bool any, known = false;
		snprintf(field, sizeof field, "%s.flags[%zu]", vp, i);
		if (o->type != YM_JSON_OBJECT)
			return wrong_type(c, o, field, _("object"));
		if ((rc = get_str(c, o, "label", field, true, &label)) ||
		    (rc = collect_ids(c, o, field, "product_ids", &st->ids,
				      &any)))
			return rc;
		for (size_t k = 0; k < sizeof labels / sizeof *labels; k++)
			known = known || strcmp(label, labels[k]) == 0;
		if (!known) {
			char f2[160];
			join(f2, sizeof f2, field, "label");
			warn(c, ym_json_get(o, "label"), f2,
			     _("unknown flag label '%s'"), label);
		}
		if (!any)
			warn(c, o, field, "%s",
			     _("flag names no product_ids or group_ids"));
		for (size_t k = 0; k < st->ids.n; k++) {
			const char *id = st->ids.v[k];
			bool found;
			void **slot = ym_map_slot(&st->flag_of, id, strlen(id),
						  &found);
			if (!found)
				*slot = (void *)label;
			else if (strcmp(*slot, label) != 0)
				warn(c, o, field,
				     _("product '%s' has more than one flag "
				       "('%s', '%s')"), id,
				     (const char *)*slot, label);
		}
	}
	return 0;
}

/* threats: JSON of all, and the impact statement of each product. */
static int read_threats(ctx *c, vstate *st, const ym_json *vj,
			const char *vp, ym_vuln *v)
{
	const ym_json *threats;
	char field[128];
	ym_jsonw w;
	int rc;
	if ((rc = get_arr(c, vj, "threats", vp, false, &threats)))
		return rc;
	if (!ym_json_len(threats))
		return 0;
	ym_buf_reset(&st->b);
	ym_jsonw_init(&w, &st->b, false);
	ym_jsonw_arr_begin(&w);
	for (size_t i = 0; i < threats->u.arr.n; i++) {
		const ym_json *o = threats->u.arr.items[i];
		const char *cat, *details;
		snprintf(field, sizeof field, "%s.threats[%zu]", vp, i);
		if (o->type != YM_JSON_OBJECT)
			return wrong_type(c, o, field, _("object"));
		if ((rc = get_str(c, o, "category", field, true, &cat)) ||
		    (rc = get_str(c, o, "details", field, true, &details)) ||
		    (rc = collect_ids(c, o, field, "product_ids", &st->ids,
				      NULL)))
			return rc;
		ym_jsonw_obj_begin(&w);
		ym_jsonw_kstr(&w, "category", cat);
		ym_jsonw_kstr(&w, "details", details);
		write_ids(&w, &st->ids);
		ym_jsonw_obj_end(&w);
		if (strcmp(cat, "impact") != 0)
			continue;
		for (size_t k = 0; k < st->ids.n; k++) {
			const char *id = st->ids.v[k];
			bool found;
			void **slot = ym_map_slot(&st->impact_of, id,
						  strlen(id), &found);
			if (!found)
				*slot = (void *)details;
		}
	}
	ym_jsonw_arr_end(&w);
	v->threats = json_text(c->a, &st->b);
	return 0;
}

static int read_remediations(ctx *c, vstate *st, const ym_json *vj,
			     const char *vp, ym_vuln *v)
{
	const ym_json *rems;
	char field[128];
	ym_jsonw w;
	int rc;
	if ((rc = get_arr(c, vj, "remediations", vp, false, &rems)))
		return rc;
	if (!ym_json_len(rems))
		return 0;
	ym_buf_reset(&st->b);
	ym_jsonw_init(&w, &st->b, false);
	ym_jsonw_arr_begin(&w);
	for (size_t i = 0; i < rems->u.arr.n; i++) {
		const ym_json *o = rems->u.arr.items[i];
		const char *cat, *details, *url;
		bool any;
		snprintf(field, sizeof field, "%s.remediations[%zu]", vp, i);
		if (o->type != YM_JSON_OBJECT)
			return wrong_type(c, o, field, _("object"));
		if ((rc = get_str(c, o, "category", field, true, &cat)) ||
		    (rc = get_str(c, o, "details", field, true, &details)) ||
		    (rc = get_str(c, o, "url", field, false, &url)) ||
		    (rc = collect_ids(c, o, field, "product_ids", &st->ids,
				      &any)))
			return rc;
		if (!any)
			warn(c, o, field, "%s",
			     _("remediation names no product_ids or "
			       "group_ids"));
		for (size_t k = 0; k < st->ids.n; k++)
			*ym_map_slot(&st->remedied, st->ids.v[k],
				     strlen(st->ids.v[k]), NULL) = (void *)1;
		ym_jsonw_obj_begin(&w);
		ym_jsonw_kstr(&w, "category", cat);
		ym_jsonw_kstr(&w, "details", details);
		if (url)
			ym_jsonw_kstr(&w, "url", url);
		write_ids(&w, &st->ids);
		ym_jsonw_obj_end(&w);
	}
	ym_jsonw_arr_end(&w);
	v->remediations = json_text(c->a, &st->b);
	return 0;
}

/* ---- product status ---- */

enum { G_AFFECTED = 1, G_NOT_AFFECTED = 2, G_FIXED = 4, G_INVESTIGATING = 8 };

static const struct {
	const char *key;
	int group; /* for the contradiction test 6.1.6; 0 = none */
} statuses[] = {
	{"first_affected", G_AFFECTED},
	{"known_affected", G_AFFECTED},
	{"last_affected", G_AFFECTED},
	{"known_not_affected", G_NOT_AFFECTED},
	{"first_fixed", G_FIXED},
	{"fixed", G_FIXED},
	{"under_investigation", G_INVESTIGATING},
	{"recommended", 0},
};

static int read_status(ctx *c, vstate *st, const ym_json *vj,
		       const char *vp)
{
	const ym_json *ps;
	char path[128], field[160];
	ym_map groups_of = YM_MAP_INIT; /* product id -> group bits */
	int rc;
	if ((rc = get_obj(c, vj, "product_status", vp, false, &ps)))
		return rc;
	join(path, sizeof path, vp, "product_status");
	for (size_t m = 0; ps && m < ps->u.obj.n; m++) {
		const ym_json_member *mem = &ps->u.obj.m[m];
		const ym_json *arr = mem->val;
		int k = -1;
		join(field, sizeof field, path, mem->key);
		for (size_t s = 0; s < sizeof statuses / sizeof *statuses; s++)
			if (strcmp(mem->key, statuses[s].key) == 0)
				k = (int)s;
		if (arr->type == YM_JSON_NULL)
			continue;
		if (arr->type != YM_JSON_ARRAY) {
			rc = wrong_type(c, arr, field, _("array"));
			goto out;
		}
		if (k < 0) {
			warn(c, arr, field, _("unknown product status '%s'"),
			     mem->key);
			continue;
		}
		ym_map seen = YM_MAP_INIT;
		for (size_t i = 0; i < arr->u.arr.n; i++) {
			const char *id;
			bool found;
			if ((rc = item_str(c, arr, i, field, &id))) {
				ym_map_release(&seen);
				goto out;
			}
			ym_map_slot(&seen, id, strlen(id), &found);
			if (found)
				continue;
			const product *p = find_product(c, id);
			char f2[200];
			snprintf(f2, sizeof f2, "%s[%zu]", field, i);
			if (!p)
				warn(c, arr->u.arr.items[i], f2,
				     _("product id '%s' is not defined in the "
				       "product tree"), id);
			ym_product_status s = {
				.status = statuses[k].key,
				.product_id = id,
				.name = p ? p->name : NULL,
				.cpe = p ? p->cpe : NULL,
				.purl = p ? p->purl : NULL,
				.impact = ym_map_get(&st->impact_of, id,
						     strlen(id)),
			};
			if (statuses[k].group == G_NOT_AFFECTED)
				s.justification = ym_map_get(&st->flag_of, id,
							     strlen(id));
			if (statuses[k].group == G_NOT_AFFECTED && c->vex &&
			    !s.justification && !s.impact)
				warn(c, arr->u.arr.items[i], f2,
				     _("known_not_affected product '%s' has "
				       "neither a flag nor an impact "
				       "statement"), id);
			if (c->vex && strcmp(s.status, "known_affected") == 0 &&
			    !ym_map_get(&st->remedied, id, strlen(id)))
				warn(c, arr->u.arr.items[i], f2,
				     _("known_affected product '%s' has no "
				       "remediation"), id);
			ym_vec_push(&st->products, s);
			if (!statuses[k].group)
				continue;
			void **slot = ym_map_slot(&groups_of, id, strlen(id),
						  &found);
			uintptr_t bits = found ? (uintptr_t)*slot : 0;
			uintptr_t g = (uintptr_t)statuses[k].group;
			if (bits && !(bits & g) && !(bits & 16))
				warn(c, arr->u.arr.items[i], f2,
				     _("product '%s' has contradicting "
				       "statuses"), id);
			if (bits && !(bits & g))
				bits |= 16; /* warned once */
			*slot = (void *)(bits | g);
		}
		ym_map_release(&seen);
	}
out:
	ym_map_release(&groups_of);
	return rc;
}

/* ---- ranges from product status ----
 *
 * A product known by a versioned purl says something the matcher can use
 * directly: known_affected (and first/last_affected) names an affected
 * version; for a distribution package (deb, rpm, apk) fixed names the
 * distribution's fixed build, so its earlier builds are affected - the
 * distribution's own data, backports included (docs/matching.md). */

static const struct {
	const char *type, *ecosystem;
} LANG_ECOSYSTEMS[] = {
	{"npm", "npm"},	       {"pypi", "PyPI"},       {"maven", "Maven"},
	{"golang", "Go"},      {"cargo", "crates.io"}, {"gem", "RubyGems"},
	{"nuget", "NuGet"},    {"composer", "Packagist"}, {"pub", "Pub"},
	{"hex", "Hex"},
};

static const struct {
	const char *ns, *family;
} DISTRO_FAMILIES[] = {
	{"debian", "Debian"},	  {"ubuntu", "Ubuntu"},
	{"alpine", "Alpine"},	  {"redhat", "Red Hat"},
	{"rhel", "Red Hat"},	  {"rocky", "Rocky Linux"},
	{"rockylinux", "Rocky Linux"}, {"almalinux", "AlmaLinux"},
	{"suse", "SUSE"},	  {"sles", "SUSE"},
	{"opensuse", "openSUSE"},
};

static bool os_type(const char *t)
{
	return strcmp(t, "deb") == 0 || strcmp(t, "rpm") == 0 ||
	       strcmp(t, "apk") == 0;
}

/* The OSV-style ecosystem of a purl ("Debian:12", "Red Hat", "npm"), or
 * NULL when yamori has no ranges for its kind. */
static const char *purl_ecosystem(const ym_purl *p, ym_arena *a)
{
	if (!os_type(p->type)) {
		for (size_t i = 0; i < sizeof LANG_ECOSYSTEMS /
					       sizeof *LANG_ECOSYSTEMS;
		     i++)
			if (strcmp(p->type, LANG_ECOSYSTEMS[i].type) == 0)
				return LANG_ECOSYSTEMS[i].ecosystem;
		return NULL;
	}
	const char *family = NULL;
	for (size_t i = 0;
	     p->namespace_ &&
	     i < sizeof DISTRO_FAMILIES / sizeof *DISTRO_FAMILIES;
	     i++)
		if (strcmp(p->namespace_, DISTRO_FAMILIES[i].ns) == 0)
			family = DISTRO_FAMILIES[i].family;
	if (!family)
		return NULL;
	/* the release, from distro=debian-12 / rhel-8.6 */
	for (size_t i = 0; i < p->n_qualifiers; i++) {
		if (strcmp(p->qualifiers[i].key, "distro") != 0)
			continue;
		const char *v = p->qualifiers[i].value;
		const char *dash = strrchr(v, '-');
		const char *rel = dash ? dash + 1 : v;
		if (*rel >= '0' && *rel <= '9')
			return ym_arena_printf(a, "%s:%s", family, rel);
	}
	return family;
}

/* The version as the ecosystem's scheme writes it (rpm: epoch:version). */
static const char *purl_version(const ym_purl *p, ym_arena *a)
{
	if (strcmp(p->type, "rpm") == 0)
		for (size_t i = 0; i < p->n_qualifiers; i++)
			if (strcmp(p->qualifiers[i].key, "epoch") == 0 &&
			    strcmp(p->qualifiers[i].value, "0") != 0)
				return ym_arena_printf(a, "%s:%s",
						       p->qualifiers[i].value,
						       p->version);
	return p->version;
}

typedef YM_VEC(ym_affected_range) range_vec;

static void derive_ranges(ctx *c, const vstate *st, ym_vuln *v)
{
	range_vec out = YM_VEC_INIT;
	ym_buf b = YM_BUF_INIT;
	for (size_t i = 0; i < st->products.n; i++) {
		const ym_product_status *ps = &st->products.v[i];
		ym_purl p;
		if (!ps->purl || ym_purl_parse(ps->purl, c->a, &p, NULL) ||
		    !p.version)
			continue;
		bool affected = strcmp(ps->status, "known_affected") == 0 ||
				strcmp(ps->status, "first_affected") == 0 ||
				strcmp(ps->status, "last_affected") == 0;
		bool fixed = os_type(p.type) &&
			     (strcmp(ps->status, "fixed") == 0 ||
			      strcmp(ps->status, "first_fixed") == 0);
		const char *eco = purl_ecosystem(&p, c->a);
		if ((!affected && !fixed) || !eco)
			continue;
		ym_jsonw w;
		ym_buf_reset(&b);
		ym_jsonw_init(&w, &b, false);
		ym_jsonw_arr_begin(&w);
		if (fixed) {
			ym_jsonw_obj_begin(&w);
			ym_jsonw_kstr(&w, "introduced", "0");
			ym_jsonw_obj_end(&w);
			ym_jsonw_obj_begin(&w);
			ym_jsonw_kstr(&w, "fixed", purl_version(&p, c->a));
			ym_jsonw_obj_end(&w);
		} else {
			ym_jsonw_str(&w, purl_version(&p, c->a));
		}
		ym_jsonw_arr_end(&w);
		ym_affected_range r = {
			.ecosystem = eco,
			.package = ym_pkg_key(p.type, p.namespace_, p.name,
					      c->a),
			.range_type = fixed ? "ECOSYSTEM" : "VERSIONS",
			.events = fixed ? ym_arena_strndup(c->a, b.ptr, b.len)
					: NULL,
			.versions = fixed ? NULL
					  : ym_arena_strndup(c->a, b.ptr, b.len),
		};
		/* the same range from several products (arches) once */
		bool dup = false;
		for (size_t k = 0; k < out.n && !dup; k++)
			dup = strcmp(out.v[k].ecosystem, r.ecosystem) == 0 &&
			      strcmp(out.v[k].package, r.package) == 0 &&
			      strcmp(out.v[k].range_type, r.range_type) == 0 &&
			      strcmp(fixed ? out.v[k].events : out.v[k].versions,
				     fixed ? r.events : r.versions) == 0;
		if (!dup)
			ym_vec_push(&out, r);
	}
	if (out.n) {
		ym_affected_range *arr = ym_arena_alloc(c->a, out.n * sizeof *arr);
		memcpy(arr, out.v, out.n * sizeof *arr);
		v->ranges = arr;
		v->n_ranges = out.n;
	}
	ym_vec_release(&out);
	ym_buf_release(&b);
}

/* ---- scores ---- */

static int version_rank(const char *v)
{
	if (!v)
		return 0;
	if (strcmp(v, "4.0") == 0)
		return 5;
	if (strcmp(v, "3.1") == 0)
		return 4;
	if (strcmp(v, "3.0") == 0)
		return 3;
	if (strcmp(v, "2.0") == 0)
		return 2;
	return 1;
}

static const char *severity_of(const char *version, double score)
{
	if (score < 0)
		return NULL;
	if (version && version[0] == '2') {
		if (score >= 7.0)
			return "high";
		return score >= 4.0 ? "medium" : "low";
	}
	if (score >= 9.0)
		return "critical";
	if (score >= 7.0)
		return "high";
	if (score >= 4.0)
		return "medium";
	return score > 0 ? "low" : "none";
}

static const char *lower_severity(const char *s)
{
	static const char *const names[] = {"none", "low", "medium", "high",
					    "critical"};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (strcasecmp(s, names[i]) == 0)
			return names[i];
	return NULL;
}

/* The value letter of metric key in a CVSS vector, or 0. */
static char vector_value(const char *vector, const char *key)
{
	size_t kl = strlen(key);
	for (const char *p = vector; p && *p;) {
		if (strncmp(p, key, kl) == 0 && p[kl] == ':')
			return p[kl + 1];
		p = strchr(p, '/');
		if (p)
			p++;
	}
	return 0;
}

/* 6.1.10: the object's metric properties must say what its vector says.
 * Every value's first letter is the vector's letter for it (NETWORK N,
 * ADJACENT_NETWORK A, REQUIRED R, PARTIAL P, ...). */
static void check_cvss_props(ctx *c, const ym_json *o, const char *path,
			     const char *vector, char major)
{
	static const struct {
		char major;
		const char *prop, *key;
	} props[] = {
		{'2', "accessVector", "AV"},
		{'2', "accessComplexity", "AC"},
		{'2', "authentication", "Au"},
		{'2', "confidentialityImpact", "C"},
		{'2', "integrityImpact", "I"},
		{'2', "availabilityImpact", "A"},
		{'3', "attackVector", "AV"},
		{'3', "attackComplexity", "AC"},
		{'3', "privilegesRequired", "PR"},
		{'3', "userInteraction", "UI"},
		{'3', "scope", "S"},
		{'3', "confidentialityImpact", "C"},
		{'3', "integrityImpact", "I"},
		{'3', "availabilityImpact", "A"},
		{'4', "attackVector", "AV"},
		{'4', "attackComplexity", "AC"},
		{'4', "attackRequirements", "AT"},
		{'4', "privilegesRequired", "PR"},
		{'4', "userInteraction", "UI"},
		{'4', "vulnConfidentialityImpact", "VC"},
		{'4', "vulnIntegrityImpact", "VI"},
		{'4', "vulnAvailabilityImpact", "VA"},
		{'4', "subConfidentialityImpact", "SC"},
		{'4', "subIntegrityImpact", "SI"},
		{'4', "subAvailabilityImpact", "SA"},
	};
	for (size_t i = 0; i < sizeof props / sizeof *props; i++) {
		if (props[i].major != major)
			continue;
		const ym_json *p = ym_json_get(o, props[i].prop);
		const char *val = ym_json_string(p);
		char want = vector_value(vector, props[i].key);
		if (!val || !*val || !want || val[0] == want)
			continue;
		char field[224];
		join(field, sizeof field, path, props[i].prop);
		warn(c, p, field, _("%s is %s but the vector says %s:%c"),
		     props[i].prop, val, props[i].key, want);
	}
}

/* One cvss_v2 / cvss_v3 / cvss_v4 object. major: '2', '3' or '4'. */
static int read_cvss(ctx *c, vstate *st, const ym_json *o, const char *path,
		     char major, const str_vec *products, ym_map *per_product)
{
	const char *version, *vector, *sev;
	const ym_json *bs;
	double score = -1;
	int rc;
	if (o->type != YM_JSON_OBJECT)
		return wrong_type(c, o, path, _("object"));
	if ((rc = get_str(c, o, "vectorString", path, true, &vector)) ||
	    (rc = get_str(c, o, "version", path, false, &version)) ||
	    (rc = get_str(c, o, "baseSeverity", path, false, &sev)))
		return rc;
	bs = ym_json_get(o, "baseScore");
	if (bs && bs->type != YM_JSON_NULL) {
		char field[200];
		join(field, sizeof field, path, "baseScore");
		if (bs->type != YM_JSON_NUMBER)
			return wrong_type(c, bs, field, _("number"));
		score = bs->u.num.d;
		if (!(score >= 0 && score <= 10))
			return fail(c, bs, field,
				    _("base score %s is outside 0-10"),
				    bs->u.num.raw);
	}
	/* the vector's own prefix says the version when none is given */
	const char *vv = NULL;
	if (strncmp(vector, "CVSS:", 5) == 0 && vector[5] && vector[6] == '.' &&
	    vector[7] && vector[8] == '/')
		vv = ym_arena_strndup(c->a, vector + 5, 3);
	else if (major == '2')
		vv = "2.0";
	if (!version)
		version = vv ? vv : (major == '2'   ? "2.0"
				     : major == '3' ? "3.1"
						    : "4.0");
	if (version[0] != major || (vv && strcmp(vv, version) != 0)) {
		char field[200];
		join(field, sizeof field, path, "version");
		warn(c, ym_json_get(o, "version") ? ym_json_get(o, "version")
						  : o,
		     field, _("version '%s' does not match vector '%s'"),
		     version, vector);
	}
	const char *severity = sev ? lower_severity(sev) : NULL;
	if (sev && !severity) {
		char field[200];
		join(field, sizeof field, path, "baseSeverity");
		warn(c, ym_json_get(o, "baseSeverity"), field,
		     _("unknown severity '%s'"), sev);
	}
	if (severity && score >= 0 && major != '2' &&
	    strcmp(severity, severity_of(version, score)) != 0) {
		char field[200];
		join(field, sizeof field, path, "baseSeverity");
		warn(c, ym_json_get(o, "baseSeverity"), field,
		     _("base severity %s does not match base score %s"), sev,
		     bs->u.num.raw);
	}
	check_cvss_props(c, o, path, vector, major);
	if (!severity)
		severity = severity_of(version, score);
	/* 6.1.7: one score per CVSS version and product */
	for (size_t i = 0; i < products->n; i++) {
		const char *key = ym_arena_printf(c->a, "%s\x1f%s",
						  products->v[i], version);
		bool found;
		ym_map_slot(per_product, key, strlen(key), &found);
		if (found)
			warn(c, o, path,
			     _("product '%s' has more than one CVSS %s score"),
			     products->v[i], version);
	}
	for (size_t i = 0; i < st->cvss.n; i++)
		if (strcmp(st->cvss.v[i].vector, vector) == 0 &&
		    strcmp(st->cvss.v[i].version, version) == 0 &&
		    st->cvss.v[i].base_score == score)
			return 0;
	ym_cvss_entry e = {
		.version = version,
		.vector = vector,
		.base_score = score,
		.severity = severity,
		.origin = c->publisher,
	};
	ym_vec_push(&st->cvss, e);
	return 0;
}

/* CSAF 2.0 scores[] ({products, cvss_v2, cvss_v3}) or CSAF 2.1
 * metrics[] ({products, content: {cvss_v2, cvss_v3, cvss_v4, ...}}). */
static int read_scores(ctx *c, vstate *st, const ym_json *vj,
		       const char *vp)
{
	static const char *const kinds[] = {"cvss_v2", "cvss_v3", "cvss_v4"};
	ym_map per_product = YM_MAP_INIT;
	int rc = 0;
	for (int pass = 0; pass < 2 && !rc; pass++) {
		const char *key = pass ? "metrics" : "scores";
		const ym_json *arr;
		if ((rc = get_arr(c, vj, key, vp, false, &arr)))
			break;
		for (size_t i = 0; arr && i < arr->u.arr.n && !rc; i++) {
			const ym_json *o = arr->u.arr.items[i];
			const ym_json *content = o;
			char sp[128], cp[160];
			snprintf(sp, sizeof sp, "%s.%s[%zu]", vp, key, i);
			if (o->type != YM_JSON_OBJECT) {
				rc = wrong_type(c, o, sp, _("object"));
				break;
			}
			if ((rc = collect_ids(c, o, sp, "products", &st->ids,
					      NULL)))
				break;
			snprintf(cp, sizeof cp, "%s", sp);
			if (pass) {
				if ((rc = get_obj(c, o, "content", sp, true,
						  &content)))
					break;
				join(cp, sizeof cp, sp, "content");
			}
			/* in the document's order */
			for (size_t m = 0; m < content->u.obj.n && !rc; m++) {
				const ym_json_member *mem =
					&content->u.obj.m[m];
				char xp[200];
				int k = 0;
				while (k < 3 && strcmp(mem->key, kinds[k]) != 0)
					k++;
				if (k == 3 || mem->val->type == YM_JSON_NULL)
					continue;
				join(xp, sizeof xp, cp, kinds[k]);
				rc = read_cvss(c, st, mem->val, xp,
					       (char)('2' + k), &st->ids,
					       &per_product);
			}
		}
	}
	ym_map_release(&per_product);
	return rc;
}

static void pick_severity(const vstate *st, ym_vuln *v)
{
	const ym_cvss_entry *best = NULL;
	for (size_t i = 0; i < st->cvss.n; i++) {
		const ym_cvss_entry *e = &st->cvss.v[i];
		int r = version_rank(e->version);
		int br = best ? version_rank(best->version) : -1;
		if (!best || r > br ||
		    (r == br && e->base_score > best->base_score))
			best = e;
	}
	v->severity = best && best->severity ? best->severity : "unknown";
	v->cvss_vector = best ? best->vector : NULL;
}

/* The profile tests of 6.1.27 that concern one vulnerability. */
static void check_vuln_profile(ctx *c, const ym_json *vj, const char *vp,
			       const ym_vuln *v)
{
	static const char *const vex_keys[] = {
		"fixed", "known_affected", "known_not_affected",
		"under_investigation"};
	char field[96];
	if ((c->vex || c->advisory) && !ym_json_len(ym_json_get(vj, "notes"))) {
		join(field, sizeof field, vp, "notes");
		warn(c, vj, field, _("a %s document needs notes on every "
				     "vulnerability"), c->category);
	}
	const ym_json *ps = ym_json_get(vj, "product_status");
	if (c->advisory && !ps) {
		join(field, sizeof field, vp, "product_status");
		warn(c, vj, field, _("a %s document needs a product_status on "
				     "every vulnerability"), c->category);
	}
	if (!c->vex)
		return;
	bool any = false;
	for (size_t i = 0; i < 4; i++)
		any = any || ym_json_len(ym_json_get(ps, vex_keys[i]));
	if (!any) {
		join(field, sizeof field, vp, "product_status");
		warn(c, ps ? ps : vj, field, "%s",
		     _("a csaf_vex document needs fixed, known_affected, "
		       "known_not_affected or under_investigation products"));
	}
	if (!ym_json_get(vj, "cve") && !ym_json_get(vj, "ids"))
		warn(c, vj, vp, "%s",
		     _("a csaf_vex document needs a cve or ids on every "
		       "vulnerability"));
	(void)v;
}

/* The profile tests of 6.1.27 that concern the whole document. */
static void check_doc_profile(ctx *c, const ym_json *root)
{
	const ym_json *doc = ym_json_get(root, "document");
	const ym_json *vulns = ym_json_get(root, "vulnerabilities");
	bool info = strcmp(c->category, "csaf_informational_advisory") == 0;
	bool incident =
		strcmp(c->category, "csaf_security_incident_response") == 0;
	if (info || incident) {
		const ym_json *notes = ym_json_get(doc, "notes");
		const ym_json *refs = ym_json_get(doc, "references");
		bool note = false, ext = false;
		for (size_t i = 0; i < ym_json_len(notes) &&
				   notes->type == YM_JSON_ARRAY; i++) {
			const char *cat = ym_json_string(ym_json_get(
				notes->u.arr.items[i], "category"));
			note = note || (cat && (!strcmp(cat, "description") ||
						!strcmp(cat, "details") ||
						!strcmp(cat, "general") ||
						!strcmp(cat, "summary")));
		}
		for (size_t i = 0; i < ym_json_len(refs) &&
				   refs->type == YM_JSON_ARRAY; i++) {
			const char *cat = ym_json_string(ym_json_get(
				refs->u.arr.items[i], "category"));
			ext = ext || !cat || !strcmp(cat, "external");
		}
		if (!note)
			warn(c, doc, "document.notes",
			     _("a %s document needs a note of category "
			       "description, details, general or summary"),
			     c->category);
		if (!ext)
			warn(c, doc, "document.references",
			     _("a %s document needs an external reference"),
			     c->category);
	}
	if (info && vulns)
		warn(c, vulns, "vulnerabilities",
		     _("a %s document must not have vulnerabilities"),
		     c->category);
	if ((c->vex || c->advisory) && !ym_json_get(root, "product_tree"))
		warn(c, root, "product_tree",
		     _("a %s document needs a product_tree"), c->category);
	if ((c->vex || c->advisory) && !ym_json_len(vulns))
		warn(c, vulns ? vulns : root, "vulnerabilities",
		     _("a %s document needs vulnerabilities"), c->category);
}

static int parse_vuln(ctx *c, const ym_json *vj, size_t idx)
{
	ym_vuln v = {.source = "csaf", .source_file = c->file};
	vstate st = {.b = YM_BUF_INIT};
	char vp[64], field[96];
	const char *title;
	int rc;
	snprintf(vp, sizeof vp, "vulnerabilities[%zu]", idx);
	c->record = NULL;
	if (vj->type != YM_JSON_OBJECT)
		return wrong_type(c, vj, vp, _("object"));
	if ((rc = read_identity(c, vj, vp, idx, &v)))
		goto out;
	{
		bool found;
		void **slot = ym_map_slot(&c->vuln_ids, v.vuln_id,
					  strlen(v.vuln_id), &found);
		if (found) {
			join(field, sizeof field, vp,
			     ym_json_get(vj, "cve") ? "cve" : "ids");
			warn(c, vj, field,
			     _("'%s' is also vulnerabilities[%zu]; the later "
			       "record replaces the earlier"),
			     v.vuln_id, (size_t)(uintptr_t)*slot - 1);
		}
		*slot = (void *)(uintptr_t)(idx + 1);
	}
	if ((rc = get_str(c, vj, "title", vp, false, &title)))
		goto out;
	if (!title)
		title = c->doc_title;
	if (c->ja)
		v.title_ja = title;
	else
		v.title = title;
	if ((rc = read_notes(c, vj, vp, &v)) ||
	    (rc = read_cwes(c, vj, vp, &v)) ||
	    (rc = read_refs(c, &st, vj, vp, &v)) ||
	    (rc = read_flags(c, &st, vj, vp)) ||
	    (rc = read_threats(c, &st, vj, vp, &v)) ||
	    (rc = read_remediations(c, &st, vj, vp, &v)) ||
	    (rc = read_status(c, &st, vj, vp)) ||
	    (rc = read_scores(c, &st, vj, vp)))
		goto out;
	check_vuln_profile(c, vj, vp, &v);
	pick_severity(&st, &v);
	v.published = c->published;
	v.modified = c->modified;
	v.status = c->status;
	v.cvss = st.cvss.v;
	v.n_cvss = st.cvss.n;
	v.products = st.products.v;
	v.n_products = st.products.n;
	derive_ranges(c, &st, &v);
	rc = ym_feed_emit(c->fc, &v, c->err);
	if (rc) {
		c->sink_failed = true;
		if (!c->err->code)
			ym_err_set(c->err, rc, "%s", ym_strerror(rc));
	}
out:
	ym_map_release(&st.flag_of);
	ym_map_release(&st.impact_of);
	ym_map_release(&st.remedied);
	ym_map_release(&st.seen_refs);
	ym_vec_release(&st.ids);
	ym_vec_release(&st.cvss);
	ym_vec_release(&st.products);
	ym_buf_release(&st.b);
	return rc;
}

/* Document references are read by every record; a malformed one would
 * fail them all, so it is checked (and, lax, dropped) once here. */
static int check_doc_refs(ctx *c)
{
	const ym_json *refs = c->doc_refs;
	for (size_t i = 0; refs && i < refs->u.arr.n; i++) {
		const ym_json *o = refs->u.arr.items[i];
		char field[64];
		const char *url, *cat;
		int rc;
		snprintf(field, sizeof field, "document.references[%zu]", i);
		if (o->type != YM_JSON_OBJECT)
			rc = wrong_type(c, o, field, _("object"));
		else if (!(rc = get_str(c, o, "url", field, true, &url)))
			rc = get_str(c, o, "category", field, false, &cat);
		if (rc) {
			rc = part_fail(c);
			if (rc < 0)
				return rc;
			c->doc_refs = NULL; /* a broken list is left out */
			return 0;
		}
	}
	return 0;
}

static void ctx_release(ctx *c)
{
	ym_map_release(&c->products);
	ym_map_release(&c->groups);
	ym_map_release(&c->vuln_ids);
	ym_vec_release(&c->rels);
}

int ym_csaf_parse(const char *text, size_t len, const char *file,
		  ym_arena *a, const ym_feed_ctx *fc, ym_err *err)
{
	ym_err local = YM_ERR_INIT;
	ctx c = {.file = file, .a = a, .err = err ? err : &local, .fc = fc};
	const ym_json *vulns;
	int rc;
	ym_map_init(&c.products);
	ym_map_init(&c.groups);
	ym_map_init(&c.vuln_ids);
	ym_json *root = ym_json_parse(a, text, len, NULL, file, c.err);
	if (!root)
		return c.err->code ? c.err->code : YM_E_PARSE;
	if ((rc = read_document(&c, root)) || (rc = check_doc_refs(&c)) ||
	    (rc = read_tree(&c, root)))
		goto out;
	check_doc_profile(&c, root);
	if ((rc = get_arr(&c, root, "vulnerabilities", "", false, &vulns))) {
		rc = c.err->code;
		goto out;
	}
	for (size_t i = 0; vulns && i < vulns->u.arr.n; i++) {
		rc = parse_vuln(&c, vulns->u.arr.items[i], i);
		if (!rc)
			continue;
		if (c.sink_failed)
			goto out;
		rc = ym_feed_bad_record(fc, c.err);
		if (rc)
			goto out;
	}
	rc = 0;
out:
	ctx_release(&c);
	return rc;
}
