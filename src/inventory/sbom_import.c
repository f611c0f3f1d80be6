/* sbom_import.c - read, parse and store one SBOM (one transaction). */
#include "inventory/sbom_import.h"

#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/i18n.h"
#include "inventory/sbom.h"
#include "inventory/sbom_detect.h"
#include "version/version.h"

#define MAX_SBOM_FILE ((size_t)1 << 30)

/* Orders two versions of one package by its ecosystem's scheme, so the
 * history says upgraded or downgraded; 0 when either cannot be read. */
int ym_inventory_version_cmp(const char *ecosystem, const char *a,
			     const char *b, void *ctx)
{
	(void)ctx;
	ym_scheme scheme = ecosystem ? ym_scheme_for_purl_type(ecosystem)
				     : YM_SCHEME_GENERIC;
	int out = 0;
	if (ym_version_cmp(scheme, a, b, &out, NULL) != 0)
		return 0;
	return out;
}

/* Dependencies, services and VEX of the SBOM, as the store takes them. */
static int store_extras(ym_store *s, int64_t asset_id, const ym_sbom *b,
			const char *path, ym_arena *a, ym_err *err)
{
	size_t nd = b->n_dependencies, ns = b->n_services;
	const char **from = ym_arena_alloc(a, (nd + 1) * sizeof *from);
	const char **to = ym_arena_alloc(a, (nd + 1) * sizeof *to);
	for (size_t i = 0; i < nd; i++) {
		from[i] = b->dependencies[i].from;
		to[i] = b->dependencies[i].to;
	}
	const char **name = ym_arena_alloc(a, (ns + 1) * sizeof *name);
	const char **ver = ym_arena_alloc(a, (ns + 1) * sizeof *ver);
	const char **ref = ym_arena_alloc(a, (ns + 1) * sizeof *ref);
	const char **prov = ym_arena_alloc(a, (ns + 1) * sizeof *prov);
	const char **ends = ym_arena_alloc(a, (ns + 1) * sizeof *ends);
	const char **data = ym_arena_alloc(a, (ns + 1) * sizeof *data);
	int *auth = ym_arena_alloc(a, (ns + 1) * sizeof *auth);
	int *trust = ym_arena_alloc(a, (ns + 1) * sizeof *trust);
	for (size_t i = 0; i < ns; i++) {
		const ym_sbom_service *v = &b->services[i];
		name[i] = v->name;
		ver[i] = v->version;
		ref[i] = v->bom_ref;
		prov[i] = v->provider;
		ends[i] = v->endpoints;
		data[i] = v->data;
		auth[i] = v->authenticated;
		trust[i] = v->trust_boundary;
	}
	ym_sbom_extras x = {.dep_from = from, .dep_to = to, .n_deps = nd,
			    .svc_name = name, .svc_version = ver,
			    .svc_bom_ref = ref, .svc_provider = prov,
			    .svc_endpoints = ends, .svc_authenticated = auth,
			    .svc_trust_boundary = trust, .svc_data = data,
			    .n_svcs = ns, .vex = b->vex, .source = path};
	return ym_store_sbom_extras_replace(s, asset_id, &x, err);
}

int ym_sbom_import_file(ym_store *s, const char *path, const char *asset,
			int64_t department_id, ym_sbom_import_result *res,
			ym_err *err)
{
	ym_buf text = YM_BUF_INIT;
	ym_arena arena;
	ym_sbom sbom;
	int rc;
	memset(res, 0, sizeof *res);
	memset(&sbom, 0, sizeof sbom);
	ym_arena_init(&arena, 0);
	ym_buf_init(&text, MAX_SBOM_FILE);
	rc = ym_buf_read_file(&text, path, err);
	if (rc)
		goto out;
	rc = ym_sbom_parse_any(text.ptr, text.len, path, &arena, &sbom,
			       err);
	if (rc)
		goto out;
	const char *name = asset ? asset : sbom.subject_name;
	if (!name) {
		rc = ym_err_set(err, YM_E_INVALID,
				_("the SBOM names no system "
				  "(metadata.component.name): give --asset"));
		ym_err_at(err, path, 0, 0);
		goto out;
	}
	rc = ym_store_begin(s, err);
	if (rc)
		goto out;
	ym_asset a;
	ym_err lookup = YM_ERR_INIT;
	rc = ym_store_asset_get(s, &ym_scope_all, name, &arena, &a, &lookup);
	if (rc == YM_E_NOTFOUND && !asset) {
		ym_asset na = {.kind = YM_ASSET_SYSTEM,
			       .name = name,
			       .version = sbom.subject_version,
			       .data_records = -1,
			       .department_id = department_id};
		rc = ym_store_asset_add(s, &na, &res->asset_id, err);
		res->asset_created = true;
	} else if (rc) {
		if (err)
			*err = lookup;
	} else {
		res->asset_id = a.id;
	}
	ym_change chg = {.source = path,
			 .version_cmp = ym_inventory_version_cmp};
	if (!rc)
		rc = ym_store_components_replace(s, res->asset_id,
						 sbom.components,
						 sbom.n_components, &chg,
						 &res->diff, err);
	if (!rc)
		rc = store_extras(s, res->asset_id, &sbom, path, &arena, err);
	/* for VEX: the serial BOM-links name, and the product the
	 * software is part of */
	ym_asset_sbom as = {
		.source = path,
		.serial = sbom.serial,
		.subject = {.bom_ref = sbom.subject_bom_ref,
			    .name = sbom.subject_name,
			    .version = sbom.subject_version,
			    .purl = sbom.subject_purl,
			    .cpe = sbom.subject_cpe,
			    .supplier = sbom.subject_supplier},
	};
	if (!rc)
		rc = ym_store_asset_sbom_put(s, res->asset_id, &as, err);
	if (rc) {
		ym_store_rollback(s);
		goto out;
	}
	rc = ym_store_commit(s, err);
	res->components = (int64_t)sbom.n_components;
	snprintf(res->format, sizeof res->format, "%s %s", sbom.format,
		 sbom.spec_version ? sbom.spec_version : "");
	snprintf(res->asset_name, sizeof res->asset_name, "%s", name);
out:
	ym_buf_release(&text);
	ym_arena_release(&arena);
	return rc;
}
