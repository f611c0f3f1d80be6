/* fuzz_nmap.c - libFuzzer target for the nmap XML reader and the ledger
 * values of its hosts.
 *
 * On success every kept port is open or open|filtered with a portid in
 * 0-65535 and a protocol, every CPE converted to a 2.3 string parses
 * again, and every host's ledger values are well formed (open_ports is
 * never NULL, components have a name, a type and source "nmap"). A
 * failure must leave a code and a message set. The arena is released
 * after every input.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/err.h"
#include "ids/cpe.h"
#include "inventory/nmap.h"

static void die(const char *what)
{
	fprintf(stderr, "fuzz_nmap: %s\n", what);
	abort();
}

static void check_cpes(ym_arena *a, const ym_nmap_cpe *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		ym_cpe p;
		ym_err e = YM_ERR_INIT;
		if (!c[i].uri)
			die("cpe without uri");
		if (c[i].fs && ym_cpe_parse(c[i].fs, a, &p, &e) != 0)
			die("converted cpe does not parse");
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ym_arena a;
	ym_err err = YM_ERR_INIT;
	ym_nmap_scan s;
	int rc;

	ym_arena_init(&a, 4096);
	rc = ym_nmap_parse((const char *)data, size, "in.xml", &a, &s, &err);
	if (rc != 0) {
		if (rc > 0 || err.code != rc || err.msg[0] == '\0') {
			fprintf(stderr, "fuzz_nmap: rc %d, err.code %d, msg "
				"'%s'\n", rc, err.code, err.msg);
			abort();
		}
		goto done;
	}
	for (size_t i = 0; i < s.n_hosts; i++) {
		const ym_nmap_host *h = &s.hosts[i];
		for (size_t k = 0; k < h->n_ports; k++) {
			const ym_nmap_port *p = &h->ports[k];
			if (p->portid < 0 || p->portid > 65535 ||
			    !p->protocol || !p->state ||
			    (strcmp(p->state, "open") != 0 &&
			     strcmp(p->state, "open|filtered") != 0))
				die("bad kept port");
			if (p->service)
				check_cpes(&a, p->service->cpes,
					   p->service->n_cpes);
		}
		for (size_t k = 0; k < h->n_osmatches; k++)
			check_cpes(&a, h->osmatches[k].cpes,
				   h->osmatches[k].n_cpes);
		ym_nmap_asset as;
		ym_nmap_host_asset(h, &a, &as);
		if (!as.open_ports)
			die("open_ports is NULL");
		for (size_t k = 0; k < as.n_components; k++) {
			const ym_component *c = &as.components[k];
			if (!c->name || !*c->name || !c->type ||
			    strcmp(c->source, "nmap") != 0 || c->purl)
				die("bad component");
		}
	}
done:
	ym_arena_release(&a);
	return 0;
}
