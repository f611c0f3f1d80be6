/* host_import.h - hosts into the ledger from network scans (nmap XML) and
 * host inventories (yamori collect), and the reconciliation of the ledger
 * against scans.
 *
 * A scanned host is the asset named by one of its hostnames or addresses,
 * or that lists one of them; a host not yet in the ledger is created (kind
 * host). Its addresses, hostnames, OS, open ports and "last seen" are
 * updated (each change in the history) and the software that source found
 * replaces what that source found before; software from other sources
 * (SBOMs, inventories) stays. One transaction per file.
 */
#ifndef YM_INVENTORY_HOST_IMPORT_H
#define YM_INVENTORY_HOST_IMPORT_H

#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"
#include "store/store.h"

typedef struct ym_host_import_result {
	int64_t hosts;        /* hosts read (up) */
	int64_t created;      /* assets created */
	int64_t updated;      /* assets whose fields changed */
	int64_t fields;       /* field changes recorded */
	ym_software_diff diff; /* summed over the hosts */
	int64_t asset_ids[64]; /* the first 64 assets touched, to match */
	int n_asset_ids;
} ym_host_import_result;

int ym_nmap_import_file(ym_store *s, const char *path, int64_t department_id,
			ym_host_import_result *res, ym_err *err);

/* asset: the asset to fill (id or name), NULL: the inventory's hostname. */
int ym_inventory_import_file(ym_store *s, const char *path,
			     const char *asset, int64_t department_id,
			     ym_host_import_result *res, ym_err *err);

/* Reconciliation: what the scans saw that the ledger lacks, and what the
 * ledger holds that no scan has seen for stale_days. */
typedef struct ym_reconcile_row {
	const char *status;   /* "unmanaged" | "stale" | "seen" */
	const char *name;     /* the asset, or the scanned host's name */
	const char *addresses;
	const char *open_ports;
	const char *last_seen;
	const char *owner, *department;
} ym_reconcile_row;
typedef int (*ym_reconcile_cb)(const ym_reconcile_row *r, void *ctx);
int ym_reconcile(ym_store *s, const ym_scope *scope,
		 const char *const *scans, int n_scans, int stale_days,
		 ym_reconcile_cb cb, void *ctx, ym_err *err);

#endif
