/* Unit tests for inventory/inventory and the collectors: collection from
 * fixture roots (Debian 12, Alpine 3.19, Rocky 9 with a saved rpm query)
 * compared with golden documents, the round trip through the strict
 * reader, purls and components, and exact errors for malformed input of
 * every format. */
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "inventory/inventory.h"
#include "test.h"

static ym_arena A;

#define FIX "tests/fixtures/inventory/"

static char *slurp(const char *path)
{
	ym_buf t = YM_BUF_INIT;
	ym_err e = YM_ERR_INIT;
	if (ym_buf_read_file(&t, path, &e))
		return NULL;
	return ym_buf_detach(&t, NULL);
}

static const char *nz(const char *s)
{
	return s ? s : "-";
}

static void dump_components(const ym_inventory *inv, ym_buf *b)
{
	ym_component *c;
	size_t n;
	ym_err e = YM_ERR_INIT;
	if (ym_inventory_components(inv, &A, &c, &n, &e)) {
		ym_buf_printf(b, "error: %s: %s\n", e.field, e.msg);
		return;
	}
	for (size_t i = 0; i < n; i++)
		ym_buf_printf(b, "%s %s %s eco=%s key=%s type=%s src=%s\n",
			      c[i].name, c[i].version, nz(c[i].purl),
			      nz(c[i].ecosystem), nz(c[i].pkg_key),
			      nz(c[i].type), nz(c[i].source));
}

/* Collects root, compares the document with golden.json and the
 * components with golden.txt, then reads the document back and checks
 * that writing it again gives the same bytes. */
static int check_root(const char *root, const char *rpm_file,
		      const char *golden)
{
	ym_inv_collect_opts o = {
		.root = root,
		.kernel = "6.1.0-18-amd64",
		.arch = "x86_64",
		.collected_at = "2026-11-21T04:39:55Z",
		.rpm_query_file = rpm_file,
	};
	ym_inventory inv, back;
	ym_err e = YM_ERR_INIT;
	ym_buf doc = YM_BUF_INIT, again = YM_BUF_INIT, comps = YM_BUF_INIT;
	char path[256];
	int bad = 0;

	if (ym_inventory_collect(&A, &o, &inv, &e)) {
		fprintf(stderr, "%s: %s:%ld: %s: %s\n", root, e.file, e.line,
			e.field, e.msg);
		return 1;
	}
	ym_inventory_write(&inv, true, &doc);
	dump_components(&inv, &comps);
	snprintf(path, sizeof path, FIX "%s.expected.json", golden);
	char *want = slurp(path);
	if (!want || strcmp(want, doc.ptr) != 0) {
		fprintf(stderr, "%s differs; got\n%s", path, doc.ptr);
		bad = 1;
	}
	free(want);
	snprintf(path, sizeof path, FIX "%s.expected.txt", golden);
	want = slurp(path);
	if (!want || strcmp(want, comps.ptr) != 0) {
		fprintf(stderr, "%s differs; got\n%s", path, comps.ptr);
		bad = 1;
	}
	free(want);
	if (ym_inventory_read(doc.ptr, doc.len, "doc.json", &A, &back, &e)) {
		fprintf(stderr, "read back: %s:%ld: %s: %s\n", e.file, e.line,
			e.field, e.msg);
		bad = 1;
	} else {
		ym_inventory_write(&back, true, &again);
		if (strcmp(again.ptr, doc.ptr) != 0) {
			fprintf(stderr, "round trip differs\n%s", again.ptr);
			bad = 1;
		}
	}
	ym_buf_release(&doc);
	ym_buf_release(&again);
	ym_buf_release(&comps);
	return bad;
}

static void t_debian12(void)
{
	CHECK_INT(check_root(FIX "debian12", NULL, "debian12"), 0);
}

static void t_alpine319(void)
{
	CHECK_INT(check_root(FIX "alpine319", NULL, "alpine319"), 0);
}

static void t_rocky9(void)
{
	CHECK_INT(check_root(FIX "rocky9", FIX "rocky9/rpm-qa.txt", "rocky9"),
		  0);
}

static void t_osrelease_quoting(void)
{
	ym_inv_os os;
	ym_err e = YM_ERR_INIT;
	const char *t = "# comment\n"
			"  NAME='Single \"quoted\"'\n"
			"PRETTY_NAME=\"a \\\"b\\\" \\$c \\\\ \\n\"   # tail\n"
			"ID=plain\\ word\r\n"
			"ID_LIKE=\"rhel\"' 'fedora\n"
			"VERSION_ID=\"\"\n"
			"UNKNOWN_KEY=1\n";
	CHECK_INT(ym_osrelease_parse(t, strlen(t), "os-release", &A, &os, &e),
		  0);
	CHECK_STR(os.name, "Single \"quoted\"");
	CHECK_STR(os.pretty_name, "a \"b\" $c \\ \\n");
	CHECK_STR(os.id, "plain word");
	CHECK_STR(os.id_like, "rhel fedora");
	CHECK(os.version_id == NULL);
	/* Japanese passes through */
	const char *ja = "PRETTY_NAME=\"人事給与サーバ用 Debian 12\"\n";
	CHECK_INT(ym_osrelease_parse(ja, strlen(ja), "x", &A, &os, &e), 0);
	CHECK_STR(os.pretty_name, "人事給与サーバ用 Debian 12");
	const char *sh = "ID=$(reboot)\n";
	CHECK_INT(ym_osrelease_parse(sh, strlen(sh), "x", &A, &os, &e),
		  YM_E_PARSE);
	CHECK_STR(e.msg,
		  "shell syntax other than quoting is not allowed in "
		  "os-release");
	CHECK_STR(e.field, "ID");
}

static void t_purls(void)
{
	ym_inv_os deb = {.id = "ubuntu", .version_id = "22.04"};
	ym_inv_os rh = {.id = "rhel", .version_id = "9.3"};
	ym_inv_package p = {.type = "deb", .name = "libssl3",
			    .version = "3.0.2-0ubuntu1.15", .arch = "amd64"};
	const char *purl;
	ym_err e = YM_ERR_INIT;
	CHECK_INT(ym_inventory_purl(&p, &deb, &A, &purl, &e), 0);
	CHECK_STR(purl, "pkg:deb/ubuntu/libssl3@3.0.2-0ubuntu1.15?arch=amd64"
			"&distro=ubuntu-22.04");
	ym_inv_package r = {.type = "rpm", .name = "openssl-libs",
			    .version = "1:3.0.7-25.el9_3", .arch = "x86_64"};
	CHECK_INT(ym_inventory_purl(&r, &rh, &A, &purl, &e), 0);
	CHECK_STR(purl, "pkg:rpm/rhel/openssl-libs@3.0.7-25.el9_3?arch=x86_64"
			"&distro=rhel-9.3&epoch=1");
	/* no os-release: deb and apk fall back to their distribution, rpm
	 * cannot */
	ym_inv_os none = {0};
	CHECK_INT(ym_inventory_purl(&p, &none, &A, &purl, &e), 0);
	CHECK_STR(purl, "pkg:deb/debian/libssl3@3.0.2-0ubuntu1.15?arch=amd64");
	CHECK_INT(ym_inventory_purl(&r, &none, &A, &purl, &e), YM_E_INVALID);
	CHECK_STR(e.msg, "cannot build the purl of rpm package 'openssl-libs':"
			 " the host's os-release ID is unknown");
}

typedef int (*pkg_parser)(const char *, size_t, const char *, ym_arena *,
			  ym_inv_pkglist *, ym_err *);

static int run_parser(const char *name, ym_err *e)
{
	char path[256];
	ym_buf t = YM_BUF_INIT;
	int rc;
	snprintf(path, sizeof path, FIX "bad/%s", name);
	if ((rc = ym_buf_read_file(&t, path, e)))
		return rc;
	if (strstr(name, ".json")) {
		ym_inventory inv;
		rc = ym_inventory_read(t.ptr, t.len, path, &A, &inv, e);
	} else if (strncmp(name, "os-release", 10) == 0) {
		ym_inv_os os;
		rc = ym_osrelease_parse(t.ptr, t.len, path, &A, &os, e);
	} else {
		pkg_parser f = strncmp(name, "dpkg", 4) == 0
				       ? ym_dpkg_status_parse
			       : strncmp(name, "apk", 3) == 0
				       ? ym_apk_installed_parse
				       : ym_rpm_query_parse;
		ym_inv_pkglist l = {0};
		rc = f(t.ptr, t.len, path, &A, &l, e);
		ym_inv_pkglist_release(&l);
	}
	ym_buf_release(&t);
	return rc;
}

/* name: the file in bad/; the error formatted as
 * "file:line[:column]: field: message" without the directory. */
static int check_bad(const char *name, int code, const char *want)
{
	ym_err e = YM_ERR_INIT;
	ym_buf got = YM_BUF_INIT;
	int rc = run_parser(name, &e);
	ym_err_format(&e, &got);
	const char *g = got.ptr;
	if (strncmp(g, FIX "bad/", strlen(FIX "bad/")) == 0)
		g += strlen(FIX "bad/");
	int bad = rc != code || strcmp(g, want) != 0;
	if (bad)
		fprintf(stderr, "%s: rc=%d want %d\n  got:  %s\n  want: %s\n",
			name, rc, code, g, want);
	ym_buf_release(&got);
	return bad;
}

static void t_bad(void)
{
	int n = 0;
	n += check_bad("os-release-unterminated", YM_E_PARSE,
		       "os-release-unterminated:1: NAME: unterminated "
		       "double quote");
	n += check_bad("os-release-not-assignment", YM_E_PARSE,
		       "os-release-not-assignment:2: expected KEY=value");
	n += check_bad("dpkg-no-version.status", YM_E_PARSE,
		       "dpkg-no-version.status:1: Version: installed "
		       "package 'a' has no Version");
	n += check_bad("dpkg-bad-source.status", YM_E_PARSE,
		       "dpkg-bad-source.status:4: Source: expected 'name' "
		       "or 'name (version)'");
	n += check_bad("dpkg-continuation.status", YM_E_PARSE,
		       "dpkg-continuation.status:1: continuation line "
		       "outside a field");
	n += check_bad("dpkg-no-colon.status", YM_E_PARSE,
		       "dpkg-no-colon.status:2: expected 'Field: value'");
	n += check_bad("apk-no-name.installed", YM_E_PARSE,
		       "apk-no-name.installed:4: P: package record without "
		       "a name (P:)");
	n += check_bad("apk-bad-line.installed", YM_E_PARSE,
		       "apk-bad-line.installed:3: expected 'X:value' (one "
		       "letter, a colon, the value)");
	n += check_bad("rpm-fields.txt", YM_E_PARSE,
		       "rpm-fields.txt:1: expected 6 tab-separated fields "
		       "(NAME EPOCH VERSION RELEASE ARCH SOURCERPM), got 5");
	n += check_bad("rpm-epoch.txt", YM_E_PARSE,
		       "rpm-epoch.txt:1: EPOCH: epoch is not a number");
	n += check_bad("wrong-format.json", YM_E_INVALID,
		       "wrong-format.json:1:12: format: not a yamori "
		       "inventory (format must be \"yamori-inventory\")");
	n += check_bad("bad-version.json", YM_E_INVALID,
		       "bad-version.json:3:14: version: unsupported "
		       "inventory version (this build reads version 1)");
	n += check_bad("package-version-number.json", YM_E_INVALID,
		       "package-version-number.json:8:48: "
		       "packages[1].version: expected string, got number");
	n += check_bad("unknown-member.json", YM_E_INVALID,
		       "unknown-member.json:5:42: host.ip: unknown member "
		       "'ip'");
	n += check_bad("package-type.json", YM_E_INVALID,
		       "package-type.json:7:14: packages[0].type: unknown "
		       "package type 'npm' (deb, rpm or apk)");
	n += check_bad("missing-name.json", YM_E_INVALID,
		       "missing-name.json:7:5: packages[0].name: required "
		       "member missing");
	n += check_bad("bad-time.json", YM_E_INVALID,
		       "bad-time.json:4:19: collected_at: expected a UTC "
		       "time as YYYY-MM-DDTHH:MM:SSZ");
	n += check_bad("truncated.json", YM_E_PARSE,
		       "truncated.json:3:1: unexpected end of input");
	CHECK_INT(n, 0);
}

static void t_dpkg_inline(void)
{
	ym_inv_pkglist l = {0};
	ym_err e = YM_ERR_INIT;
	/* CRLF, no final newline, field names in other case */
	const char *t = "package: x\r\nSTATUS: install ok installed\r\n"
			"version: 2.0-1\r\nsource: y (2.0-0.1)";
	CHECK_INT(ym_dpkg_status_parse(t, strlen(t), "s", &A, &l, &e), 0);
	CHECK_INT(l.n, 1);
	CHECK_STR(l.v[0].name, "x");
	CHECK_STR(l.v[0].source_name, "y");
	CHECK_STR(l.v[0].source_version, "2.0-0.1");
	CHECK(l.v[0].arch == NULL);
	ym_inv_pkglist_release(&l);
	const char *dup = "Package: x\nPackage: y\n";
	CHECK_INT(ym_dpkg_status_parse(dup, strlen(dup), "s", &A, &l, &e),
		  YM_E_PARSE);
	CHECK_STR(e.msg, "field appears twice in the stanza");
	ym_inv_pkglist_release(&l);
	const char *bin = "Package: \xff\n";
	CHECK_INT(ym_dpkg_status_parse(bin, strlen(bin), "s", &A, &l, &e),
		  YM_E_PARSE);
	ym_inv_pkglist_release(&l);
}

/* The machine the tests run on: whatever it is, collection works and
 * the document reads back. */
static void t_local(void)
{
	ym_inventory inv, back;
	ym_err e = YM_ERR_INIT;
	ym_buf b = YM_BUF_INIT;
	CHECK_INT(ym_inventory_collect_local(&A, &inv, &e), 0);
	CHECK(inv.host.kernel != NULL && inv.host.arch != NULL);
	CHECK(inv.collected_at != NULL);
	FILE *f = fopen("/var/lib/dpkg/status", "r");
	if (f) {
		fclose(f);
		CHECK(inv.n_packages > 0);
	}
	ym_inventory_write(&inv, false, &b);
	int rc = ym_inventory_read(b.ptr, b.len, "local.json", &A, &back, &e);
	ym_buf_release(&b);
	CHECK_INT(rc, 0);
	CHECK_INT(back.n_packages, inv.n_packages);
	ym_component *c;
	size_t n;
	CHECK_INT(ym_inventory_components(&back, &A, &c, &n, &e), 0);
	CHECK_INT(n, inv.n_packages);
}

int main(void)
{
	ym_arena_init(&A, 0);
	RUN(t_debian12);
	RUN(t_alpine319);
	RUN(t_rocky9);
	RUN(t_osrelease_quoting);
	RUN(t_purls);
	RUN(t_bad);
	RUN(t_dpkg_inline);
	RUN(t_local);
	ym_arena_release(&A);
	return test_done();
}
