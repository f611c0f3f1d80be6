/* sbom_import.h - an SBOM file becomes the software list of an asset. */
#ifndef YM_INVENTORY_SBOM_IMPORT_H
#define YM_INVENTORY_SBOM_IMPORT_H

#include <stdint.h>

#include "core/err.h"
#include "store/store.h"

typedef struct ym_sbom_import_result {
	int64_t asset_id;
	bool asset_created;   /* no asset existed: one was made from the
				 SBOM's metadata component */
	int64_t components;
	ym_software_diff diff; /* against the asset's software before */
	char format[32];      /* "CycloneDX 1.5" */
	char asset_name[256];
} ym_sbom_import_result;

/* asset: id or name of the asset the SBOM describes; NULL uses the SBOM's
 * metadata.component name (creating the asset if it does not exist).
 * department_id applies when an asset is created (0 = none). The import
 * is one transaction. */
int ym_sbom_import_file(ym_store *s, const char *path, const char *asset,
			int64_t department_id, ym_sbom_import_result *res,
			ym_err *err);

/* ym_change.version_cmp for components whose ecosystem is a purl type. */
int ym_inventory_version_cmp(const char *ecosystem, const char *a,
			     const char *b, void *ctx);

#endif
