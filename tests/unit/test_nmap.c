/* Unit tests for inventory/nmap: every field of a parsed scan dumped and
 * compared with a golden file, the ledger values of each host, the
 * refusals (DOCTYPE with entities, other roots, other encodings) and
 * exact error positions.
 *
 * Run with file arguments (test_nmap FILE...), it prints a summary of
 * each file instead: hosts up/down, open ports, services, CPEs. */
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "inventory/nmap.h"
#include "test.h"

static ym_arena A;

static const char *nz(const char *s)
{
	return s ? s : "-";
}

static void dump_cpes(ym_buf *b, const char *ind, const ym_nmap_cpe *c,
		      size_t n)
{
	for (size_t i = 0; i < n; i++)
		ym_buf_printf(b, "%scpe %s -> %s (%c)\n", ind, c[i].uri,
			      nz(c[i].fs), c[i].part ? c[i].part : '?');
}

static void dump_asset(ym_buf *b, const ym_nmap_host *h)
{
	ym_nmap_asset as;
	ym_nmap_host_asset(h, &A, &as);
	ym_buf_printf(b, "  asset name=%s open_ports=%s\n", nz(as.name),
		      as.open_ports);
	for (size_t i = 0; i < as.n_components; i++) {
		const ym_component *c = &as.components[i];
		ym_buf_printf(b, "  component %s name=%s version=%s cpe=%s "
				 "purl=%s source=%s\n",
			      c->type, c->name, nz(c->version), nz(c->cpe),
			      nz(c->purl), c->source);
	}
}

static void dump(ym_buf *b, const ym_nmap_scan *s)
{
	ym_buf_printf(b, "scanner=%s version=%s xml=%s start=%lld (%s) "
			 "end=%lld (%s) exit=%s errormsg=%s\n",
		      nz(s->scanner), nz(s->version), nz(s->xml_version),
		      (long long)s->start, nz(s->start_str),
		      (long long)s->end, nz(s->end_str), nz(s->exit),
		      nz(s->errormsg));
	ym_buf_printf(b, "args=%s\n", nz(s->args));
	ym_buf_printf(b, "hosts up=%zu down=%zu runstats=%ld/%ld/%ld\n",
		      s->n_hosts, s->n_hosts_down, s->runstats_up,
		      s->runstats_down, s->runstats_total);
	for (size_t i = 0; i < s->n_hosts; i++) {
		const ym_nmap_host *h = &s->hosts[i];
		ym_buf_printf(b, "host[%zu] line=%ld time=%lld-%lld\n", i,
			      h->line, (long long)h->starttime,
			      (long long)h->endtime);
		for (size_t k = 0; k < h->n_addresses; k++)
			ym_buf_printf(b, "  address %s %s vendor=%s\n",
				      h->addresses[k].type,
				      h->addresses[k].addr,
				      nz(h->addresses[k].vendor));
		for (size_t k = 0; k < h->n_hostnames; k++)
			ym_buf_printf(b, "  hostname %s %s\n",
				      nz(h->hostnames[k].type),
				      h->hostnames[k].name);
		for (size_t k = 0; k < h->n_osmatches; k++) {
			const ym_nmap_osmatch *m = &h->osmatches[k];
			ym_buf_printf(b, "  osmatch \"%s\" accuracy=%d\n",
				      nz(m->name), m->accuracy);
			dump_cpes(b, "    ", m->cpes, m->n_cpes);
		}
		for (size_t k = 0; k < h->n_ports; k++) {
			const ym_nmap_port *p = &h->ports[k];
			ym_buf_printf(b, "  port %d/%s %s reason=%s\n",
				      p->portid, p->protocol, p->state,
				      nz(p->reason));
			const ym_nmap_service *v = p->service;
			if (!v)
				continue;
			ym_buf_printf(b,
				      "    service name=%s product=%s "
				      "version=%s extrainfo=%s ostype=%s "
				      "hostname=%s devicetype=%s tunnel=%s "
				      "method=%s conf=%d\n",
				      nz(v->name), nz(v->product),
				      nz(v->version), nz(v->extrainfo),
				      nz(v->ostype), nz(v->hostname),
				      nz(v->devicetype), nz(v->tunnel),
				      nz(v->method), v->conf);
			dump_cpes(b, "    ", v->cpes, v->n_cpes);
		}
		ym_buf_printf(b, "  ports other=%zu extraports=%zu\n",
			      h->n_ports_other, h->n_extraports);
		dump_asset(b, h);
	}
}

static int parse_file(const char *path, ym_nmap_scan *s, ym_err *e)
{
	ym_buf t = YM_BUF_INIT;
	int rc = ym_buf_read_file(&t, path, e);
	if (!rc)
		rc = ym_nmap_parse(t.ptr, t.len, path, &A, s, e);
	ym_buf_release(&t);
	return rc;
}

static char *slurp(const char *path)
{
	ym_buf t = YM_BUF_INIT;
	ym_err e = YM_ERR_INIT;
	if (ym_buf_read_file(&t, path, &e))
		return NULL;
	return ym_buf_detach(&t, NULL);
}

static void t_golden(void)
{
	ym_nmap_scan s;
	ym_err e = YM_ERR_INIT;
	ym_buf b = YM_BUF_INIT;
	CHECK_INT(parse_file("tests/fixtures/nmap/scan-sv-os.xml", &s, &e),
		  0);
	dump(&b, &s);
	char *want = slurp("tests/fixtures/nmap/scan-sv-os.expected");
	CHECK(want != NULL);
	if (strcmp(b.ptr, want) != 0)
		fprintf(stderr, "---- got\n%s----\n", b.ptr);
	CHECK_STR(b.ptr, want);
	free(want);
	ym_buf_release(&b);
}

static void t_asset_values(void)
{
	ym_nmap_scan s;
	ym_err e = YM_ERR_INIT;
	ym_nmap_asset as;
	CHECK_INT(parse_file("tests/fixtures/nmap/scan-sv-os.xml", &s, &e),
		  0);
	CHECK_INT(s.n_hosts, 3);
	ym_nmap_host_asset(&s.hosts[0], &A, &as);
	CHECK_STR(as.name, "人事-db.社内.example");
	CHECK_STR(as.open_ports, "22/tcp,53/tcp,53/udp,443/tcp");
	/* nginx: the CPE had no version, the plain service version fills
	 * it in */
	CHECK_STR(as.components[0].name, "nginx");
	CHECK_STR(as.components[0].cpe,
		  "cpe:2.3:a:igor_sysoev:nginx:1.18.0:*:*:*:*:*:*:*");
	ym_nmap_host_asset(&s.hosts[1], &A, &as);
	CHECK_STR(as.name, "2001:db8::10");
	CHECK_STR(as.open_ports, "3389/tcp,8443/tcp,9100/tcp");
	/* "2.4.58 or later" is not a plain version: the CPE stays
	 * versionless */
	CHECK_STR(as.components[0].cpe,
		  "cpe:2.3:a:apache:http_server:*:*:*:*:*:*:*:*");
	ym_nmap_host_asset(&s.hosts[2], &A, &as);
	CHECK_STR(as.name, "192.0.2.5");
	CHECK_STR(as.open_ports, "");
	CHECK_INT(as.n_components, 0);
}

static void t_real_loopback(void)
{
	/* our own copy of the shape of nmap 7.93 output is not kept; the
	 * shared real files are checked in the conformance run */
	ym_nmap_scan s;
	ym_err e = YM_ERR_INIT;
	const char *doc =
		"<?xml version=\"1.0\"?>\n<!DOCTYPE  nmaprun >\n"
		"<nmaprun scanner=\"nmap\" args=\"nmap -sV\" start=\"5\">"
		"<host><status state=\"up\"/>"
		"<address addr=\"127.0.0.1\" addrtype=\"ipv4\"/>"
		"<ports><port protocol=\"tcp\" portid=\"11311\">"
		"<state state=\"open\"/><service name=\"memcached\" "
		"product=\"Memcached\" method=\"probed\" conf=\"10\">"
		"<cpe>cpe:/a:memcached:memcached</cpe></service></port>"
		"</ports></host></nmaprun>";
	CHECK_INT(ym_nmap_parse(doc, strlen(doc), "t.xml", &A, &s, &e), 0);
	ym_nmap_asset as;
	ym_nmap_host_asset(&s.hosts[0], &A, &as);
	CHECK_STR(as.name, "127.0.0.1");
	CHECK_INT(as.n_components, 1);
	CHECK_STR(as.components[0].cpe,
		  "cpe:2.3:a:memcached:memcached:*:*:*:*:*:*:*:*");
	CHECK(as.components[0].version == NULL);
}

static void check_bad(const char *name, int code, long line,
		      const char *field, const char *msg)
{
	char path[256];
	ym_nmap_scan s;
	ym_err e = YM_ERR_INIT;
	snprintf(path, sizeof path, "tests/fixtures/nmap/bad/%s", name);
	int rc = parse_file(path, &s, &e);
	if (rc != code || e.line != line || strcmp(e.field, field) != 0 ||
	    strncmp(e.msg, msg, strlen(msg)) != 0 ||
	    strcmp(e.file, path) != 0)
		fprintf(stderr, "%s: rc=%d line=%ld field=%s msg=%s\n", name,
			rc, e.line, e.field, e.msg);
	CHECK_INT(rc, code);
	CHECK_STR(e.file, path);
	CHECK_INT(e.line, line);
	CHECK_STR(e.field, field);
	CHECK(strncmp(e.msg, msg, strlen(msg)) == 0);
	CHECK(s.n_hosts == 0 && s.hosts == NULL);
}

static void t_bad(void)
{
	check_bad("doctype-entity.xml", YM_E_INVALID, 2, "",
		  "a document type declaration other than <!DOCTYPE "
		  "nmaprun> is not allowed in nmap XML");
	check_bad("doctype-system.xml", YM_E_INVALID, 2, "",
		  "a document type declaration other than <!DOCTYPE "
		  "nmaprun> is not allowed in nmap XML");
	check_bad("not-nmap.xml", YM_E_INVALID, 3, "",
		  "not nmap XML output: the root element is <bom>, not "
		  "<nmaprun>");
	check_bad("truncated.xml", YM_E_PARSE, 6, "",
		  "not well-formed XML: ");
	check_bad("bad-portid.xml", YM_E_INVALID, 7, "host[0].port[1]@portid",
		  "'70000' is not a number between 0 and 65535");
	check_bad("bad-conf.xml", YM_E_INVALID, 4,
		  "host[0].port[0]@conf",
		  "'high' is not a number between 0 and 10");
	check_bad("latin1.xml", YM_E_UNSUPPORTED, 1, "",
		  "nmap XML is read as UTF-8; encoding 'ISO-8859-1' is not "
		  "read");
}

static void t_edge(void)
{
	ym_nmap_scan s;
	ym_err e = YM_ERR_INIT;
	CHECK_INT(ym_nmap_parse("", 0, "e.xml", &A, &s, &e), YM_E_PARSE);
	CHECK_STR(e.msg, "not well-formed XML: empty document");
	ym_err_clear(&e);
	/* an undeclared entity is an error, never a lookup */
	const char *ent = "<nmaprun args=\"&x;\"/>";
	CHECK_INT(ym_nmap_parse(ent, strlen(ent), "e.xml", &A, &s, &e),
		  YM_E_PARSE);
	ym_err_clear(&e);
	/* an empty scan */
	const char *empty = "<nmaprun/>";
	CHECK_INT(ym_nmap_parse(empty, strlen(empty), "e.xml", &A, &s, &e),
		  0);
	CHECK_INT(s.n_hosts, 0);
	CHECK_INT(s.start, -1);
	/* hosts and ports written as empty elements */
	const char *flat = "<nmaprun><host/><host><status state=\"up\"/>"
			   "<ports><port portid=\"7\"/></ports></host>"
			   "</nmaprun>";
	CHECK_INT(ym_nmap_parse(flat, strlen(flat), "e.xml", &A, &s, &e), 0);
	CHECK_INT(s.n_hosts, 2);
	CHECK_INT(s.hosts[1].n_ports, 0);
	CHECK_INT(s.hosts[1].n_ports_other, 1);
	/* UTF-16 */
	CHECK_INT(ym_nmap_parse("\xff\xfe<\0n\0", 6, "e.xml", &A, &s, &e),
		  YM_E_UNSUPPORTED);
	/* deep nesting */
	ym_buf b = YM_BUF_INIT;
	ym_buf_adds(&b, "<nmaprun>");
	for (int i = 0; i < 100; i++)
		ym_buf_adds(&b, "<x>");
	for (int i = 0; i < 100; i++)
		ym_buf_adds(&b, "</x>");
	ym_buf_adds(&b, "</nmaprun>");
	ym_err_clear(&e);
	CHECK_INT(ym_nmap_parse(b.ptr, b.len, "e.xml", &A, &s, &e),
		  YM_E_TOOBIG);
	ym_buf_release(&b);
}

static int summary(int argc, char **argv)
{
	int bad = 0;
	for (int i = 1; i < argc; i++) {
		ym_nmap_scan s;
		ym_err e = YM_ERR_INIT;
		ym_arena_reset(&A);
		if (parse_file(argv[i], &s, &e)) {
			ym_buf m = YM_BUF_INIT;
			ym_err_format(&e, &m);
			printf("%s\tERROR\t%s\n", argv[i], m.ptr);
			ym_buf_release(&m);
			bad++;
			continue;
		}
		size_t ports = 0, prod = 0, cpes = 0;
		for (size_t h = 0; h < s.n_hosts; h++)
			for (size_t p = 0; p < s.hosts[h].n_ports; p++) {
				const ym_nmap_service *v =
					s.hosts[h].ports[p].service;
				ports++;
				prod += v && v->product;
				cpes += v ? v->n_cpes : 0;
			}
		printf("%s\tup=%zu\tdown=%zu\topen=%zu\tproduct=%zu\tcpe=%zu\n",
		       argv[i], s.n_hosts, s.n_hosts_down, ports, prod, cpes);
	}
	return bad ? 1 : 0;
}

int main(int argc, char **argv)
{
	ym_arena_init(&A, 0);
	if (argc > 2 && strcmp(argv[1], "-v") == 0) {
		for (int i = 2; i < argc; i++) {
			ym_nmap_scan s;
			ym_err e = YM_ERR_INIT;
			ym_buf b = YM_BUF_INIT;
			if (parse_file(argv[i], &s, &e) == 0)
				dump(&b, &s);
			else
				ym_err_format(&e, &b);
			printf("== %s\n%s\n", argv[i], b.ptr);
			ym_buf_release(&b);
		}
		ym_arena_release(&A);
		return 0;
	}
	if (argc > 1) {
		int rc = summary(argc, argv);
		ym_arena_release(&A);
		return rc;
	}
	RUN(t_golden);
	RUN(t_asset_values);
	RUN(t_real_loopback);
	RUN(t_bad);
	RUN(t_edge);
	ym_arena_release(&A);
	return test_done();
}
