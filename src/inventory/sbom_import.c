/* sbom_import.c - read, parse and store one SBOM (one transaction). */
#include "inventory/sbom_import.h"

#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/i18n.h"
#include "inventory/sbom.h"
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

int ym_sbom_import_file(ym_store *s, const char *path, const char *asset,
			int64_t department_id, ym_sbom_import_result *res,
			ym_err *err)
{
	ym_buf text = YM_BUF_INIT;
	ym_arena arena;
	ym_sbom sbom;
	int rc;
	memset(res, 0, sizeof *res);
	ym_arena_init(&arena, 0);
	ym_buf_init(&text, MAX_SBOM_FILE);
	rc = ym_buf_read_file(&text, path, err);
	if (rc)
		goto out;
	rc = ym_cyclonedx_parse_json(text.ptr, text.len, path, &arena, &sbom,
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
