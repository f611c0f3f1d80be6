/* fuzz_inventory.c - libFuzzer target for the inventory document reader
 * and the collectors' parsers. The first byte chooses the parser (mod 5):
 * 0 the JSON reader (then its components and a write/read round trip),
 * 1 dpkg status, 2 the apk installed database, 3 os-release, 4 the rpm
 * query output; the rest of the input is the text.
 *
 * On success every package has a type, a name and a version; a read
 * document written again reads back; a failure leaves a code and a
 * message set. The arena is released after every input.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "inventory/inventory.h"

static void die(const char *what, const ym_err *e)
{
	fprintf(stderr, "fuzz_inventory: %s (%d '%s')\n", what,
		e ? e->code : 0, e ? e->msg : "");
	abort();
}

static void check_fail(int rc, const ym_err *e)
{
	if (rc > 0 || e->code != rc || e->msg[0] == '\0')
		die("failure without an error", e);
}

static void check_pkgs(const ym_inv_package *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!p[i].type || !p[i].name || !*p[i].name || !p[i].version ||
		    !*p[i].version)
			die("package without type, name or version", NULL);
}

static void json_case(ym_arena *a, const char *t, size_t n)
{
	ym_inventory inv, back;
	ym_err e = YM_ERR_INIT;
	int rc = ym_inventory_read(t, n, "in.json", a, &inv, &e);
	if (rc) {
		check_fail(rc, &e);
		return;
	}
	check_pkgs(inv.packages, inv.n_packages);
	ym_component *c;
	size_t nc;
	ym_err_clear(&e);
	rc = ym_inventory_components(&inv, a, &c, &nc, &e);
	if (rc)
		check_fail(rc, &e);
	else if (nc != inv.n_packages)
		die("component count", NULL);
	ym_buf b = YM_BUF_INIT;
	ym_inventory_write(&inv, false, &b);
	ym_err_clear(&e);
	if (ym_inventory_read(b.ptr, b.len, "again.json", a, &back, &e))
		die("written document does not read back", &e);
	if (back.n_packages != inv.n_packages)
		die("round trip lost packages", NULL);
	ym_buf_release(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ym_arena a;
	ym_err e = YM_ERR_INIT;
	ym_inv_pkglist l = {0};
	ym_inv_os os;
	int rc = 0;

	if (size < 1)
		return 0;
	const char *t = (const char *)data + 1;
	size_t n = size - 1;
	ym_arena_init(&a, 4096);
	switch (data[0] % 5) {
	case 0:
		json_case(&a, t, n);
		break;
	case 1:
		rc = ym_dpkg_status_parse(t, n, "status", &a, &l, &e);
		break;
	case 2:
		rc = ym_apk_installed_parse(t, n, "installed", &a, &l, &e);
		break;
	case 3:
		rc = ym_osrelease_parse(t, n, "os-release", &a, &os, &e);
		break;
	case 4:
		rc = ym_rpm_query_parse(t, n, "rpm", &a, &l, &e);
		break;
	}
	if (rc)
		check_fail(rc, &e);
	else
		check_pkgs(l.v, l.n);
	if (!rc && l.n) {
		/* the collected packages make valid purls */
		ym_inventory inv = {.packages = l.v, .n_packages = l.n};
		inv.host.os.id = "debian";
		inv.host.os.version_id = "12";
		ym_component *c;
		size_t nc;
		ym_err_clear(&e);
		rc = ym_inventory_components(&inv, &a, &c, &nc, &e);
		if (rc)
			check_fail(rc, &e);
	}
	ym_inv_pkglist_release(&l);
	ym_arena_release(&a);
	return 0;
}
