/* host_import.c - nmap scans and host inventories into the ledger, and
 * reconciliation (see host_import.h). */
#include "inventory/host_import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/i18n.h"
#include "core/vec.h"
#include "inventory/inventory.h"
#include "inventory/nmap.h"
#include "inventory/sbom_import.h"

#define MAX_SCAN_FILE ((size_t)256 << 20)

/* "now" as the store writes it (YAMORI_NOW wins, for tests). */
static void now_iso(char out[32], int64_t minus_days)
{
	const char *fixed = getenv("YAMORI_NOW");
	struct tm tm;
	time_t t = time(NULL);
	if (fixed && *fixed) {
		memset(&tm, 0, sizeof tm);
		if (sscanf(fixed, "%4d-%2d-%2dT%2d:%2d:%2d", &tm.tm_year,
			   &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min,
			   &tm.tm_sec) == 6) {
			tm.tm_year -= 1900;
			tm.tm_mon -= 1;
			t = timegm(&tm);
		}
	}
	t -= (time_t)minus_days * 86400;
	gmtime_r(&t, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static void join(ym_buf *b, const char *item)
{
	if (!item || !*item)
		return;
	if (b->len)
		ym_buf_adds(b, ", ");
	ym_buf_adds(b, item);
}

static void note_asset(ym_host_import_result *res, int64_t id)
{
	for (int i = 0; i < res->n_asset_ids; i++)
		if (res->asset_ids[i] == id)
			return;
	if (res->n_asset_ids < 64)
		res->asset_ids[res->n_asset_ids++] = id;
}

static void add_diff(ym_software_diff *to, const ym_software_diff *d)
{
	to->added += d->added;
	to->removed += d->removed;
	to->upgraded += d->upgraded;
	to->downgraded += d->downgraded;
	to->changed += d->changed;
	to->unchanged += d->unchanged;
}

/* Finds the asset any of keys names (first match wins). */
static int find_host(ym_store *s, const char *const *keys, size_t n,
		     int64_t *id, ym_err *err)
{
	*id = 0;
	for (size_t i = 0; i < n && !*id; i++) {
		if (!keys[i] || !*keys[i])
			continue;
		int rc = ym_store_asset_find_host(s, keys[i], id, err);
		if (rc)
			return rc;
	}
	return 0;
}

/* Creates or updates the host asset v (name, addresses, hostnames, os,
 * open ports, last seen) and replaces the software source found. */
static int put_host(ym_store *s, const char *const *keys, size_t n_keys,
		    ym_asset *v, uint64_t mask, const char *source,
		    const ym_component *c, size_t n_c, const char *path,
		    ym_host_import_result *res, ym_err *err)
{
	int64_t id;
	ym_change chg = {.source = path,
			 .version_cmp = ym_inventory_version_cmp};
	int rc = find_host(s, keys, n_keys, &id, err);
	if (rc)
		return rc;
	if (!id) {
		rc = ym_store_asset_add_by(s, v, &chg, &id, err);
		if (rc)
			return rc;
		res->created++;
	} else {
		int changed = 0;
		rc = ym_store_asset_update(s, &ym_scope_all, id, v, mask, &chg,
					   &changed, err);
		if (rc)
			return rc;
		if (changed)
			res->updated++;
		res->fields += changed;
	}
	ym_software_diff d;
	rc = ym_store_components_replace_from(s, id, source, c, n_c, &chg, &d,
					      err);
	if (rc)
		return rc;
	add_diff(&res->diff, &d);
	note_asset(res, id);
	res->hosts++;
	return 0;
}

static int read_file(const char *path, ym_buf *text, ym_err *err)
{
	ym_buf_init(text, MAX_SCAN_FILE);
	return ym_buf_read_file(text, path, err);
}

/* The keys a scanned host is known by: hostnames, then addresses. */
static size_t host_keys(const ym_nmap_host *h, const char **keys, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < h->n_hostnames && n < max; i++)
		keys[n++] = h->hostnames[i].name;
	for (size_t i = 0; i < h->n_addresses && n < max; i++)
		keys[n++] = h->addresses[i].addr;
	return n;
}

static void host_lists(const ym_nmap_host *h, ym_buf *names, ym_buf *addrs)
{
	for (size_t i = 0; i < h->n_hostnames; i++)
		join(names, h->hostnames[i].name);
	for (size_t i = 0; i < h->n_addresses; i++)
		join(addrs, h->addresses[i].addr);
}

int ym_nmap_import_file(ym_store *s, const char *path, int64_t department_id,
			ym_host_import_result *res, ym_err *err)
{
	ym_buf text, names = YM_BUF_INIT, addrs = YM_BUF_INIT;
	ym_arena a;
	ym_nmap_scan scan;
	char now[32];
	memset(res, 0, sizeof *res);
	ym_arena_init(&a, 0);
	now_iso(now, 0);
	int rc = read_file(path, &text, err);
	if (!rc)
		rc = ym_nmap_parse(text.ptr, text.len, path, &a, &scan, err);
	if (!rc)
		rc = ym_store_begin(s, err);
	if (rc)
		goto out;
	for (size_t i = 0; i < scan.n_hosts && !rc; i++) {
		const ym_nmap_host *h = &scan.hosts[i];
		ym_nmap_asset na;
		ym_nmap_host_asset(h, &a, &na);
		if (!na.name)
			continue;
		const char *keys[64];
		size_t nk = host_keys(h, keys, 64);
		ym_buf_reset(&names);
		ym_buf_reset(&addrs);
		host_lists(h, &names, &addrs);
		ym_asset v = {.kind = YM_ASSET_HOST,
			      .name = na.name,
			      .data_records = -1,
			      .department_id = department_id,
			      .open_ports = *na.open_ports ? na.open_ports
							   : NULL,
			      .hostnames = names.len ? names.ptr : NULL,
			      .addresses = addrs.len ? addrs.ptr : NULL,
			      .os = h->n_osmatches ? h->osmatches[0].name
						   : NULL,
			      .last_seen_at = now,
			      .last_seen_by = path};
		uint64_t mask = YM_AF_BIT(YM_AF_OPEN_PORTS) |
				YM_AF_BIT(YM_AF_LAST_SEEN);
		/* what a scan did not see, it does not erase */
		if (v.hostnames)
			mask |= YM_AF_BIT(YM_AF_HOSTNAMES);
		if (v.addresses)
			mask |= YM_AF_BIT(YM_AF_ADDRESSES);
		if (v.os)
			mask |= YM_AF_BIT(YM_AF_OS);
		rc = put_host(s, keys, nk, &v, mask, "nmap", na.components,
			      na.n_components, path, res, err);
	}
	if (rc)
		ym_store_rollback(s);
	else
		rc = ym_store_commit(s, err);
out:
	ym_buf_release(&text);
	ym_buf_release(&names);
	ym_buf_release(&addrs);
	ym_arena_release(&a);
	return rc;
}

int ym_inventory_import_file(ym_store *s, const char *path,
			     const char *asset, int64_t department_id,
			     ym_host_import_result *res, ym_err *err)
{
	ym_buf text;
	ym_arena a;
	ym_inventory inv;
	ym_component *c = NULL;
	size_t n = 0;
	char now[32];
	memset(res, 0, sizeof *res);
	ym_arena_init(&a, 0);
	now_iso(now, 0);
	int rc = read_file(path, &text, err);
	if (!rc)
		rc = ym_inventory_read(text.ptr, text.len, path, &a, &inv, err);
	if (!rc)
		rc = ym_inventory_components(&inv, &a, &c, &n, err);
	if (!rc)
		rc = ym_store_begin(s, err);
	if (rc)
		goto out;
	const char *name = asset ? asset : inv.host.hostname;
	const char *keys[] = {name, inv.host.fqdn};
	ym_buf names = YM_BUF_INIT;
	join(&names, inv.host.hostname);
	if (inv.host.fqdn && (!inv.host.hostname ||
			      strcmp(inv.host.fqdn, inv.host.hostname) != 0))
		join(&names, inv.host.fqdn);
	ym_asset v = {.kind = YM_ASSET_HOST,
		      .name = name,
		      .data_records = -1,
		      .department_id = department_id,
		      .hostnames = names.len ? names.ptr : NULL,
		      .os = inv.host.os.pretty_name ? inv.host.os.pretty_name
						    : inv.host.os.name,
		      .last_seen_at = inv.collected_at ? inv.collected_at : now,
		      .last_seen_by = path};
	uint64_t mask = YM_AF_BIT(YM_AF_LAST_SEEN);
	if (v.hostnames)
		mask |= YM_AF_BIT(YM_AF_HOSTNAMES);
	if (v.os)
		mask |= YM_AF_BIT(YM_AF_OS);
	rc = put_host(s, keys, 2, &v, mask, "inventory", c, n, path, res, err);
	ym_buf_release(&names);
	if (rc)
		ym_store_rollback(s);
	else
		rc = ym_store_commit(s, err);
out:
	ym_buf_release(&text);
	ym_arena_release(&a);
	return rc;
}

/* ---- reconciliation ---- */

typedef struct seen_ids {
	YM_VEC(int64_t) v;
} seen_ids;

static bool was_seen(const seen_ids *x, int64_t id)
{
	for (size_t i = 0; i < x->v.n; i++)
		if (x->v.v[i] == id)
			return true;
	return false;
}

typedef struct stale_ctx {
	const seen_ids *seen;
	const char *cutoff;
	ym_reconcile_cb cb;
	void *ctx;
} stale_ctx;

static int stale_asset(const ym_asset *a, void *arg)
{
	stale_ctx *x = arg;
	/* hosts are what scans can see; disposed ones are gone on purpose */
	if (a->kind != YM_ASSET_HOST || a->disposed_on || was_seen(x->seen, a->id))
		return 0;
	if (a->last_seen_at && strcmp(a->last_seen_at, x->cutoff) >= 0)
		return 0;
	ym_reconcile_row r = {.status = "stale",
			      .name = a->name,
			      .addresses = a->addresses,
			      .open_ports = a->open_ports,
			      .last_seen = a->last_seen_at,
			      .owner = a->owner,
			      .department = a->department_code};
	return x->cb(&r, x->ctx);
}

int ym_reconcile(ym_store *s, const ym_scope *scope,
		 const char *const *scans, int n_scans, int stale_days,
		 ym_reconcile_cb cb, void *ctx, ym_err *err)
{
	seen_ids seen = {YM_VEC_INIT};
	ym_buf names = YM_BUF_INIT, addrs = YM_BUF_INIT;
	ym_arena a;
	int rc = 0;
	ym_arena_init(&a, 0);
	for (int f = 0; f < n_scans && !rc; f++) {
		ym_buf text;
		ym_nmap_scan scan;
		rc = read_file(scans[f], &text, err);
		if (!rc)
			rc = ym_nmap_parse(text.ptr, text.len, scans[f], &a,
					   &scan, err);
		for (size_t i = 0; !rc && i < scan.n_hosts; i++) {
			const ym_nmap_host *h = &scan.hosts[i];
			const char *keys[64];
			size_t nk = host_keys(h, keys, 64);
			int64_t id;
			rc = find_host(s, keys, nk, &id, err);
			if (rc)
				break;
			if (id) {
				ym_vec_push(&seen.v, id);
				continue;
			}
			ym_nmap_asset na;
			ym_nmap_host_asset(h, &a, &na);
			ym_buf_reset(&names);
			ym_buf_reset(&addrs);
			host_lists(h, &names, &addrs);
			ym_reconcile_row r = {.status = "unmanaged",
					      .name = na.name,
					      .addresses = addrs.ptr,
					      .open_ports = na.open_ports,
					      .last_seen = scan.start_str};
			rc = cb(&r, ctx);
		}
		ym_buf_release(&text);
	}
	if (!rc) {
		char cutoff[32];
		now_iso(cutoff, stale_days);
		stale_ctx x = {.seen = &seen, .cutoff = cutoff, .cb = cb,
			       .ctx = ctx};
		rc = ym_store_assets_each(s, scope, stale_asset, &x, err);
	}
	ym_vec_release(&seen.v);
	ym_buf_release(&names);
	ym_buf_release(&addrs);
	ym_arena_release(&a);
	return rc;
}
