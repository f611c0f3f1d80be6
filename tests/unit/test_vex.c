/* test_vex.c - VEX statements from CycloneDX, OpenVEX and CSAF
 * (tests/fixtures/vex), malformed documents (tests/fixtures/vex/bad) and
 * the matching rule ym_vex_applies. */
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "match/vex.h"
#include "test.h"

#define DIR "tests/fixtures/vex/"

/* Every statement of each fixture, as ym_vex_statement_format writes it. */
static const char *const want_cdx_embedded[] = {
	"cyclonedx tests/fixtures/vex/cdx-embedded.json:30 vulnerabilities[0]\n"
	"vuln CVE-2021-23337\n"
	"aliases GHSA-35jh-r3h4-6jhm\n"
	"status not_affected (not_affected)\n"
	"justification vulnerable_code_not_in_execute_path (code_not_reachable)\n"
	"impact template() is never called with user input.\n"
	"responses will_not_fix\n"
	"source NVD\n"
	"time 2024-04-15T00:00:00Z\n"
	"first_issued 2024-04-01T00:00:00Z\n"
	"product id=urn:cdx:8f5e1a2c-3b4d-4e6f-9a0b-1c2d3e4f5a6b/3#lodash purl=pkg:npm/lodash@4.17.20 name=lodash version=4.17.20 line=42\n",
	"cyclonedx tests/fixtures/vex/cdx-embedded.json:44 vulnerabilities[1]\n"
	"vuln CVE-2023-0286\n"
	"status fixed (resolved)\n"
	"impact Fixed in 3.0.8.\n"
	"action Upgrade to 3.0.8 or later.\n"
	"time 2024-05-01T09:00:00Z\n"
	"product id=openssl cpe=cpe:2.3:a:openssl:openssl:*:*:*:*:*:*:*:* name=openssl range=vers:generic/>=3.0.8|<3.1.0 line=51\n",
	"cyclonedx tests/fixtures/vex/cdx-embedded.json:56 vulnerabilities[2]\n"
	"vuln CVE-2022-37434\n"
	"status under_investigation (in_triage)\n"
	"time 2024-05-01T09:00:00Z\n"
	"product id=zlib name=zlib version=1.2.13 line=59\n"
	"product id=pkg:deb/debian/zlib1g@1.2.13 purl=pkg:deb/debian/zlib1g@1.2.13 line=59\n"
	"product id=missing-ref line=59\n",
	"cyclonedx tests/fixtures/vex/cdx-embedded.json:66 vulnerabilities[4]\n"
	"vuln CVE-2024-0002\n"
	"status not_affected (false_positive)\n"
	"justification component_not_present (requires_dependency)\n"
	"time 2024-05-01T09:00:00Z\n"
	"product id=app purl=pkg:npm/shop-frontend@2.1.0 name=shop-frontend version=2.1.0 line=69\n",
	NULL,
};

static const char *const want_openvex[] = {
	"openvex tests/fixtures/vex/openvex.json:8 statements[0]\n"
	"vuln CVE-2023-44487\n"
	"aliases https://nvd.nist.gov/vuln/detail/CVE-2023-44487, GHSA-qppj-fm5r-hxr3\n"
	"status not_affected (not_affected)\n"
	"justification vulnerable_code_not_in_execute_path (vulnerable_code_not_in_execute_path)\n"
	"impact HTTP/2 サーバー機能は無効化されているため、この脆弱性の影響を受けません。\n"
	"time 2024-05-30T10:00:00+09:00\n"
	"product id=pkg:oci/gateway@sha256%3Aabc123?repository_url=registry.example.jp%2Fgateway purl=pkg:oci/gateway@sha256:abc123?repository_url=registry.example.jp%2Fgateway line=16\n"
	"  sub id=pkg:golang/golang.org/x/net@v0.15.0 purl=pkg:golang/golang.org/x/net@v0.15.0 line=19\n",
	"openvex tests/fixtures/vex/openvex.json:27 statements[1]\n"
	"vuln CVE-2024-24790\n"
	"status affected (affected)\n"
	"action Upgrade gateway to 1.4.1.\n"
	"time 2024-06-01T12:00:00+09:00\n"
	"product id=https://example.jp/products/gateway cpe=cpe:2.3:a:example:gateway:1.4.0:*:*:*:*:*:*:* line=30\n",
	"openvex tests/fixtures/vex/openvex.json:36 statements[2]\n"
	"vuln CVE-2024-3094\n"
	"status fixed (fixed)\n"
	"time 2024-06-01T12:00:00+09:00\n"
	"product id=pkg:rpm/fedora/xz@5.6.0 purl=pkg:rpm/fedora/xz@5.6.0 line=38\n",
	"openvex tests/fixtures/vex/openvex.json:41 statements[3]\n"
	"vuln CVE-2024-6387\n"
	"status under_investigation (under_investigation)\n"
	"notes Analysis in progress.\n"
	"time 2024-06-01T12:00:00+09:00\n"
	"product id=pkg:deb/debian/openssh-server purl=pkg:deb/debian/openssh-server line=43\n",
	NULL,
};

static const char *const want_openvex_v001[] = {
	"openvex tests/fixtures/vex/openvex-v001.json:9 statements[0]\n"
	"vuln CVE-2014-123456\n"
	"status not_affected (not_affected)\n"
	"justification component_not_present (component_not_present)\n"
	"time 2023-01-08T18:02:03.647787998-06:00\n"
	"product id=pkg:apk/distro/git@2.39.0-r1?arch=armv7 purl=pkg:apk/distro/git@2.39.0-r1?arch=armv7 line=11\n"
	"  sub id=pkg:apk/distro/libcurl@7.87.0-r0 purl=pkg:apk/distro/libcurl@7.87.0-r0 line=12\n"
	"product id=pkg:apk/distro/git@2.39.0-r1?arch=x86_64 purl=pkg:apk/distro/git@2.39.0-r1?arch=x86_64 line=11\n"
	"  sub id=pkg:apk/distro/libcurl@7.87.0-r0 purl=pkg:apk/distro/libcurl@7.87.0-r0 line=12\n",
	NULL,
};

static const char *const want_csaf_vex[] = {
	"csaf tests/fixtures/vex/csaf-vex.json:52 vulnerabilities[0].product_status.fixed[0]\n"
	"vuln CVE-2024-1086\n"
	"aliases BZ-2262126\n"
	"status fixed (fixed)\n"
	"source Example Linux\n"
	"time 2024-03-01T00:00:00Z\n"
	"product id=EL9 cpe=cpe:/o:example:linux:9 vendor=Example Linux name=Example Linux 9 relation=default_component_of line=52\n"
	"  sub id=kernel-5.14.0-362.el9 purl=pkg:rpm/example/kernel@5.14.0-362.el9?arch=src vendor=Example Linux name=kernel-5.14.0-362.el9 line=52\n",
	"csaf tests/fixtures/vex/csaf-vex.json:53 vulnerabilities[0].product_status.known_not_affected[0]\n"
	"vuln CVE-2024-1086\n"
	"aliases BZ-2262126\n"
	"status not_affected (known_not_affected)\n"
	"justification vulnerable_code_not_present (vulnerable_code_not_present)\n"
	"impact bpftool does not contain nf_tables code.\n"
	"source Example Linux\n"
	"time 2024-03-01T00:00:00Z\n"
	"product id=bpftool-7.2.0 purl=pkg:rpm/example/bpftool@7.2.0 vendor=Example Linux name=bpftool-7.2.0 line=53\n",
	"csaf tests/fixtures/vex/csaf-vex.json:54 vulnerabilities[0].product_status.known_affected[0]\n"
	"vuln CVE-2024-1086\n"
	"aliases BZ-2262126\n"
	"status affected (known_affected)\n"
	"action vendor_fix: Update kernel-rt when the fix ships.\\nmitigation: Blacklist the nf_tables module.\n"
	"source Example Linux\n"
	"time 2024-03-01T00:00:00Z\n"
	"product id=EL9 cpe=cpe:/o:example:linux:9 vendor=Example Linux name=Example Linux 9 relation=default_component_of line=54\n"
	"  sub id=kernel-rt-5.14.0-362.el9 purl=pkg:rpm/example/kernel-rt@5.14.0-362.el9?arch=src vendor=Example Linux name=kernel-rt-5.14.0-362.el9 line=54\n",
	NULL,
};

typedef struct seen {
	ym_buf warn; /* formatted warnings, one per line */
	ym_buf skip; /* formatted skipped statements */
} seen;

static void on_warn(const ym_err *e, void *ctx)
{
	seen *s = ctx;
	ym_err_format(e, &s->warn);
	ym_buf_addc(&s->warn, '\n');
}

static void on_skip(const ym_err *e, void *ctx)
{
	seen *s = ctx;
	ym_err_format(e, &s->skip);
	ym_buf_addc(&s->skip, '\n');
}

typedef struct fixture {
	ym_arena a;
	ym_buf text;
	ym_vex_doc doc;
	ym_err err;
	seen s;
	int rc;
} fixture;

static void load(fixture *f, const char *path, bool strict)
{
	ym_vex_opts o = {.strict = strict, .warn = on_warn, .skip = on_skip,
			 .ctx = &f->s};
	memset(f, 0, sizeof *f);
	ym_arena_init(&f->a, 0);
	ym_buf_init(&f->text, 0);
	ym_buf_init(&f->s.warn, 0);
	ym_buf_init(&f->s.skip, 0);
	if (ym_buf_read_file(&f->text, path, &f->err)) {
		f->rc = -100;
		return;
	}
	f->rc = ym_vex_parse_ex(f->text.ptr, f->text.len, path, &o, &f->a,
				&f->doc, &f->err);
}

static void done(fixture *f)
{
	ym_arena_release(&f->a);
	ym_buf_release(&f->text);
	ym_buf_release(&f->s.warn);
	ym_buf_release(&f->s.skip);
}

static const char *err_text(const ym_err *e, ym_buf *b)
{
	ym_buf_reset(b);
	ym_err_format(e, b);
	return b->ptr;
}

/* Compares every statement with want (NULL-terminated). */
static int same_statements(const ym_vex_doc *d, const char *const *want)
{
	size_t n = 0;
	ym_buf b = YM_BUF_INIT;
	int ok = 1;
	while (want[n])
		n++;
	if (n != d->n_statements) {
		fprintf(stderr, "%zu statements, expected %zu\n",
			d->n_statements, n);
		return 0;
	}
	for (size_t i = 0; i < n && ok; i++) {
		ym_buf_reset(&b);
		ym_vex_statement_format(&d->statements[i], &b);
		if (strcmp(b.ptr, want[i]) != 0) {
			fprintf(stderr, "statement %zu:\n%s\nexpected:\n%s\n",
				i, b.ptr, want[i]);
			ok = 0;
		}
	}
	ym_buf_release(&b);
	return ok;
}

static void t_cyclonedx(void)
{
	fixture f;
	load(&f, DIR "cdx-embedded.json", false);
	CHECK_INT(f.rc, 0);
	CHECK_INT(f.doc.format, YM_VEX_FORMAT_CYCLONEDX);
	CHECK_STR(f.doc.format_name, "cyclonedx");
	CHECK_STR(f.doc.spec_version, "1.5");
	CHECK_STR(f.doc.id, "urn:uuid:8f5e1a2c-3b4d-4e6f-9a0b-1c2d3e4f5a6b");
	CHECK_STR(f.doc.author, "Yamori Example Corp");
	CHECK_STR(f.doc.timestamp, "2024-05-01T09:00:00Z");
	CHECK_STR(f.doc.version, "3");
	CHECK_INT(f.doc.n_skipped, 0);
	CHECK_INT(f.doc.n_warnings, 2);
	CHECK_INT(f.doc.n_ignored, 1);
	CHECK(same_statements(&f.doc, want_cdx_embedded));
	CHECK_STR(f.s.warn.ptr,
		  DIR "cdx-embedded.json:52:13: record CVE-2023-0286: "
		  "vulnerabilities[1].affects[0].versions[1]: version status "
		  "'affected' contradicts the analysis state; this version is "
		  "left out\n"
		  DIR "cdx-embedded.json:59:91: record CVE-2022-37434: "
		  "vulnerabilities[2].affects[2].ref: bom-ref 'missing-ref' is "
		  "not defined in this document\n");
	const ym_vex_statement *st = &f.doc.statements[0];
	CHECK_INT(st->status, YM_VEX_NOT_AFFECTED);
	CHECK_INT(st->justification,
		  YM_VEX_VULNERABLE_CODE_NOT_IN_EXECUTE_PATH);
	CHECK(st->aliases[1] == NULL);
	CHECK(f.doc.statements[1].aliases[0] == NULL);
	done(&f);
}

static void t_openvex(void)
{
	fixture f;
	load(&f, DIR "openvex.json", true);
	CHECK_INT(f.rc, 0);
	CHECK_STR(f.doc.format_name, "openvex");
	CHECK_STR(f.doc.spec_version, "https://openvex.dev/ns/v0.2.0");
	CHECK_STR(f.doc.id, "https://example.jp/vex/2024-0001");
	CHECK_STR(f.doc.author, "Yamori PSIRT <psirt@example.jp>");
	CHECK_STR(f.doc.timestamp, "2024-06-01T12:00:00+09:00");
	CHECK_STR(f.doc.version, "2");
	CHECK_INT(f.doc.n_warnings, 0);
	CHECK(same_statements(&f.doc, want_openvex));
	CHECK_STR(f.doc.statements[0].impact,
		  "HTTP/2 サーバー機能は無効化されているため、この脆弱性の"
		  "影響を受けません。");
	done(&f);

	load(&f, DIR "openvex-v001.json", true);
	CHECK_INT(f.rc, 0);
	CHECK_STR(f.doc.spec_version, "https://openvex.dev/ns");
	CHECK_STR(f.doc.version, "1");
	CHECK(same_statements(&f.doc, want_openvex_v001));
	done(&f);
}

static void t_csaf(void)
{
	fixture f;
	load(&f, DIR "csaf-vex.json", true);
	CHECK_INT(f.rc, 0);
	CHECK_STR(f.doc.format_name, "csaf");
	CHECK_STR(f.doc.spec_version, "2.0");
	CHECK_STR(f.doc.id, "CVE-2024-1086");
	CHECK_STR(f.doc.author, "Example Linux");
	CHECK_STR(f.doc.timestamp, "2024-03-01T00:00:00Z");
	CHECK_STR(f.doc.version, "2");
	CHECK_INT(f.doc.n_warnings, 0);
	CHECK(same_statements(&f.doc, want_csaf_vex));
	done(&f);
}

static void t_bad(void)
{
	static const struct {
		const char *file;
		bool strict;
		int rc;
		const char *msg;  /* the error, or what was skipped */
		size_t n, warnings;
	} cases[] = {
		{"cdx-bad-state.json", true, YM_E_INVALID,
		 DIR "bad/cdx-bad-state.json:7:30: record CVE-2024-1111: "
		 "vulnerabilities[0].analysis.state: unknown analysis state "
		 "'not_exploitable'", 0, 0},
		{"cdx-bad-state.json", false, 0,
		 DIR "bad/cdx-bad-state.json:7:30: record CVE-2024-1111: "
		 "vulnerabilities[0].analysis.state: unknown analysis state "
		 "'not_exploitable'\n", 1, 0},
		{"cdx-no-affects.json", false, 0,
		 DIR "bad/cdx-no-affects.json:2:23: record CVE-2024-3333: "
		 "vulnerabilities[0]: the statement names no product (affects "
		 "is missing or empty)\n", 0, 0},
		{"cdx-bad-range.json", true, YM_E_INVALID,
		 DIR "bad/cdx-bad-range.json:3:64: record CVE-2024-4444: "
		 "vulnerabilities[0].affects[0].versions[0].range: range "
		 "'>=1.0.0 <2.0.0' is not a vers range", 0, 0},
		{"cdx-bad-range.json", false, 0, "", 1, 1},
		{"openvex-bad-justification.json", true, YM_E_INVALID,
		 DIR "bad/openvex-bad-justification.json:12:24: record "
		 "CVE-2024-5555: statements[0].justification: unknown "
		 "justification 'code_not_reachable'", 0, 0},
		{"openvex-bad-purl.json", true, YM_E_INVALID,
		 DIR "bad/openvex-bad-purl.json:3:27: record CVE-2024-6666: "
		 "statements[0].products[0].@id: invalid purl 'pkg:': missing "
		 "package name", 0, 0},
		{"openvex-bad-purl.json", false, 0, "", 1, 1},
		{"openvex-no-statements.json", false, YM_E_INVALID,
		 DIR "bad/openvex-no-statements.json:1:1: statements: "
		 "required member 'statements' is missing", 0, 0},
		{"openvex-wrong-type.json", true, YM_E_INVALID,
		 DIR "bad/openvex-wrong-type.json:2:78: record CVE-2024-7777: "
		 "statements[0].products: expected array, got string", 0, 0},
		{"csaf-advisory.json", false, YM_E_UNSUPPORTED,
		 DIR "bad/csaf-advisory.json:1:27: document.category: CSAF "
		 "document of category 'csaf_security_advisory' is not a VEX "
		 "document (csaf_vex)", 0, 0},
		{"not-vex.json", false, YM_E_INVALID,
		 DIR "bad/not-vex.json:1:1: not a VEX document: no CycloneDX "
		 "bomFormat, OpenVEX @context or CSAF document.csaf_version",
		 0, 0},
		{"truncated.json", false, YM_E_PARSE,
		 DIR "bad/truncated.json:2:18: trailing comma in object", 0,
		 0},
		{"cdx.xml", false, YM_E_UNSUPPORTED,
		 DIR "bad/cdx.xml: XML VEX documents are not supported; use "
		 "the JSON form", 0, 0},
	};
	ym_buf b = YM_BUF_INIT;
	char path[256];
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		fixture f;
		snprintf(path, sizeof path, DIR "bad/%s", cases[i].file);
		load(&f, path, cases[i].strict);
		if (f.rc != cases[i].rc)
			fprintf(stderr, "case %zu (%s): rc %d\n", i,
				cases[i].file, f.rc);
		CHECK_INT(f.rc, cases[i].rc);
		if (f.rc)
			CHECK_STR(err_text(&f.err, &b), cases[i].msg);
		else
			CHECK_STR(f.s.skip.ptr, cases[i].msg);
		CHECK_INT(f.doc.n_statements, cases[i].n);
		CHECK_INT(f.doc.n_warnings, cases[i].warnings);
		done(&f);
	}
	ym_buf_release(&b);
}

/* Lax mode keeps what can be read: the exact warnings. */
static void t_lax_products(void)
{
	fixture f;
	load(&f, DIR "bad/openvex-bad-purl.json", false);
	CHECK_INT(f.rc, 0);
	CHECK_STR(f.s.warn.ptr,
		  DIR "bad/openvex-bad-purl.json:3:27: record CVE-2024-6666: "
		  "statements[0].products[0].@id: invalid purl 'pkg:': "
		  "missing package name; the product is left out\n");
	CHECK_INT(f.doc.statements[0].n_products, 1);
	CHECK_STR(f.doc.statements[0].products[0].purl, "pkg:npm/ok@1.0.0");
	done(&f);

	load(&f, DIR "bad/cdx-bad-range.json", false);
	CHECK_INT(f.rc, 0);
	CHECK_INT(f.doc.statements[0].n_products, 1);
	CHECK_STR(f.doc.statements[0].products[0].purl, "pkg:npm/c");
	CHECK_STR(f.doc.statements[0].products[0].version, "2.0.1");
	done(&f);
}

static ym_component comp(const char *purl, const char *cpe,
			 const char *name, const char *version)
{
	ym_component c = {0};
	c.purl = purl;
	c.cpe = cpe;
	c.name = name;
	c.version = version;
	return c;
}

static void t_applies(void)
{
	fixture ov, cdx, old, csaf;
	ym_vex_hit h;
	load(&ov, DIR "openvex.json", true);
	load(&cdx, DIR "cdx-embedded.json", false);
	load(&old, DIR "openvex-v001.json", true);
	load(&csaf, DIR "csaf-vex.json", true);
	CHECK(ov.rc == 0 && cdx.rc == 0 && old.rc == 0 && csaf.rc == 0);
	const ym_vex_statement *gw = &ov.doc.statements[0];
	const ym_vex_statement *cpe_st = &ov.doc.statements[1];
	const ym_vex_statement *xz = &ov.doc.statements[2];
	const ym_vex_statement *ssh = &ov.doc.statements[3];

	/* purl with version: only that version */
	ym_component c = comp("pkg:rpm/fedora/xz@5.6.0?arch=x86_64", NULL,
			      "xz", "5.6.0");
	CHECK(ym_vex_applies(xz, "CVE-2024-3094", NULL, &c, NULL, &h));
	CHECK_STR(h.by, "purl");
	CHECK_STR(h.vuln_by, "id");
	CHECK(h.matched == &c && h.product == &xz->products[0]);
	CHECK(h.subcomponent == NULL);
	c.purl = "pkg:rpm/fedora/xz@5.6.1";
	CHECK(!ym_vex_applies(xz, "CVE-2024-3094", NULL, &c, NULL, &h));
	CHECK(h.product == NULL);
	c.purl = "pkg:rpm/fedora/xz@5.6.0";
	/* wrong vulnerability, case of the id */
	CHECK(!ym_vex_applies(xz, "CVE-2024-3095", NULL, &c, NULL, NULL));
	CHECK(ym_vex_applies(xz, "cve-2024-3094", NULL, &c, NULL, NULL));
	/* alias of the finding */
	const char *const al[] = {"GHSA-xxxx", "CVE-2024-3094", NULL};
	CHECK(ym_vex_applies(xz, "OSV-1", al, &c, NULL, &h));
	CHECK_STR(h.vuln_by, "alias");

	/* purl without version: every version; namespace counts */
	c = comp("pkg:deb/debian/openssh-server@1:9.2p1-2+deb12u3", NULL,
		 NULL, NULL);
	CHECK(ym_vex_applies(ssh, "CVE-2024-6387", NULL, &c, NULL, NULL));
	c.purl = "pkg:deb/ubuntu/openssh-server@1:9.2p1-2";
	CHECK(!ym_vex_applies(ssh, "CVE-2024-6387", NULL, &c, NULL, NULL));

	/* subcomponent: needs the product among the ancestors; the
	 * statement's alias (GHSA) names the finding */
	ym_component img = comp("pkg:oci/gateway@sha256%3Aabc123?repository_"
				"url=registry.example.jp%2Fgateway&tag=v1",
				NULL, NULL, NULL);
	ym_component net = comp("pkg:golang/golang.org/x/net@v0.15.0", NULL,
				NULL, NULL);
	const ym_component *anc[] = {&img, NULL};
	CHECK(ym_vex_applies(gw, "GHSA-qppj-fm5r-hxr3", NULL, &net, anc,
			     &h));
	CHECK_STR(h.vuln_by, "alias");
	CHECK(h.subcomponent == &gw->products[0].subcomponents[0]);
	CHECK(h.matched == &img);
	CHECK(!ym_vex_applies(gw, "CVE-2023-44487", NULL, &net, NULL, NULL));
	net.purl = "pkg:golang/golang.org/x/net@v0.17.0";
	CHECK(!ym_vex_applies(gw, "CVE-2023-44487", NULL, &net, anc, NULL));
	/* the image itself is not the subcomponent */
	CHECK(!ym_vex_applies(gw, "CVE-2023-44487", NULL, &img, anc, NULL));

	/* v0.0.x: statement-level subcomponents, qualifiers must agree */
	const ym_vex_statement *git = &old.doc.statements[0];
	ym_component curl = comp("pkg:apk/distro/libcurl@7.87.0-r0", NULL,
				 NULL, NULL);
	ym_component g = comp("pkg:apk/distro/git@2.39.0-r1?arch=x86_64",
			      NULL, NULL, NULL);
	const ym_component *ganc[] = {&g, NULL};
	CHECK(ym_vex_applies(git, "CVE-2014-123456", NULL, &curl, ganc, &h));
	CHECK(h.product == &git->products[1]);
	g.purl = "pkg:apk/distro/git@2.39.0-r1?arch=aarch64";
	CHECK(!ym_vex_applies(git, "CVE-2014-123456", NULL, &curl, ganc,
			      NULL));
	g.purl = "pkg:apk/distro/git@2.39.0-r1";
	CHECK(!ym_vex_applies(git, "CVE-2014-123456", NULL, &curl, ganc,
			      NULL));

	/* CPE */
	c = comp(NULL, "cpe:2.3:a:example:gateway:1.4.0:*:*:*:*:*:*:*",
		 "gateway", "1.4.0");
	CHECK(ym_vex_applies(cpe_st, "CVE-2024-24790", NULL, &c, NULL, &h));
	CHECK_STR(h.by, "cpe");
	c.cpe = "cpe:2.3:a:example:gateway:1.4.1:*:*:*:*:*:*:*";
	CHECK(!ym_vex_applies(cpe_st, "CVE-2024-24790", NULL, &c, NULL,
			      NULL));

	/* vers range with a CPE (CycloneDX versions[].range) */
	const ym_vex_statement *ossl = &cdx.doc.statements[1];
	c = comp(NULL, "cpe:2.3:a:openssl:openssl:3.0.9:*:*:*:*:*:*:*",
		 "openssl", NULL);
	CHECK(ym_vex_applies(ossl, "CVE-2023-0286", NULL, &c, NULL, NULL));
	c.cpe = "cpe:2.3:a:openssl:openssl:3.0.7:*:*:*:*:*:*:*";
	CHECK(!ym_vex_applies(ossl, "CVE-2023-0286", NULL, &c, NULL, NULL));
	c.cpe = "cpe:2.3:a:openssl:openssl:3.1.0:*:*:*:*:*:*:*";
	CHECK(!ym_vex_applies(ossl, "CVE-2023-0286", NULL, &c, NULL, NULL));

	/* vers range with a purl, and version equality in the scheme */
	ym_vex_product rp = {.purl = "pkg:npm/lodash",
			     .range = "vers:npm/>=4.0.0|<4.17.21"};
	ym_vex_product pv = {.purl = "pkg:pypi/requests@2.31"};
	const char *const none[] = {NULL};
	ym_vex_statement hand = {.vuln_id = "CVE-2021-23337",
				 .aliases = none, .products = &rp,
				 .n_products = 1};
	c = comp("pkg:npm/lodash@4.17.20", NULL, NULL, NULL);
	CHECK(ym_vex_applies(&hand, "CVE-2021-23337", NULL, &c, NULL, NULL));
	c.purl = "pkg:npm/lodash@4.17.21";
	CHECK(!ym_vex_applies(&hand, "CVE-2021-23337", NULL, &c, NULL, NULL));
	c.purl = "pkg:npm/lodash";
	CHECK(!ym_vex_applies(&hand, "CVE-2021-23337", NULL, &c, NULL, NULL));
	hand.products = &pv;
	c.purl = "pkg:pypi/Requests@2.31.0";
	CHECK(ym_vex_applies(&hand, "CVE-2021-23337", NULL, &c, NULL, NULL));
	c.purl = "pkg:pypi/requests@2.31.1";
	CHECK(!ym_vex_applies(&hand, "CVE-2021-23337", NULL, &c, NULL, NULL));

	/* name + version; an unresolved bom-ref never matches */
	const ym_vex_statement *zl = &cdx.doc.statements[2];
	c = comp(NULL, NULL, "zlib", "1.2.13");
	CHECK(ym_vex_applies(zl, "CVE-2022-37434", NULL, &c, NULL, &h));
	CHECK_STR(h.by, "name");
	c.version = "1.2.12";
	CHECK(!ym_vex_applies(zl, "CVE-2022-37434", NULL, &c, NULL, NULL));
	c = comp(NULL, NULL, "missing-ref", "1.0");
	CHECK(!ym_vex_applies(zl, "CVE-2022-37434", NULL, &c, NULL, NULL));
	/* the first kind both sides have decides: the zlib product has no
	 * purl, so its name and version do */
	c = comp("pkg:deb/debian/zlib1g@1.2.13.dfsg-1", NULL, "zlib",
		 "1.2.13");
	CHECK(ym_vex_applies(zl, "CVE-2022-37434", NULL, &c, NULL, &h));
	CHECK_STR(h.by, "name");
	CHECK(h.product == &zl->products[0]);
	/* ... while a purl on both sides decides alone */
	const ym_vex_statement *lo = &cdx.doc.statements[0];
	c = comp("pkg:npm/lodash@4.17.19", NULL, "lodash", "4.17.20");
	CHECK(!ym_vex_applies(lo, "CVE-2021-23337", NULL, &c, NULL, NULL));
	c.purl = "pkg:npm/lodash@4.17.20";
	CHECK(ym_vex_applies(lo, "GHSA-35jh-r3h4-6jhm", NULL, &c, NULL, &h));
	CHECK_STR(h.vuln_by, "alias");

	/* the whole product (metadata component) covers what is in it */
	const ym_vex_statement *app = &cdx.doc.statements[3];
	ym_component shop = comp("pkg:npm/shop-frontend@2.1.0", NULL,
				 "shop-frontend", "2.1.0");
	ym_component lod = comp("pkg:npm/lodash@4.17.20", NULL, "lodash",
				"4.17.20");
	const ym_component *sanc[] = {&shop, NULL};
	CHECK(ym_vex_applies(app, "CVE-2024-0002", NULL, &lod, sanc, &h));
	CHECK(h.matched == &shop && h.subcomponent == NULL);
	CHECK(!ym_vex_applies(app, "CVE-2024-0002", NULL, &lod, NULL, NULL));

	/* CSAF relationship: component of Example Linux 9 */
	const ym_vex_statement *kern = &csaf.doc.statements[0];
	ym_component os = comp(NULL, "cpe:2.3:o:example:linux:9:*:*:*:*:*:*:*",
			       "Example Linux", "9");
	ym_component k = comp("pkg:rpm/example/kernel@5.14.0-362.el9?arch="
			      "src", NULL, "kernel", NULL);
	const ym_component *kanc[] = {&os, NULL};
	CHECK(ym_vex_applies(kern, "CVE-2024-1086", NULL, &k, kanc, &h));
	CHECK_STR(h.by, "purl");
	CHECK(!ym_vex_applies(kern, "CVE-2024-1086", NULL, &k, NULL, NULL));
	CHECK(ym_vex_applies(kern, "BZ-2262126", NULL, &k, kanc, NULL));
	/* name-only CSAF products never match */
	ym_vex_product nm = {.name = "Example Company ABC 2.4"};
	hand.products = &nm;
	c = comp(NULL, NULL, "Example Company ABC 2.4", NULL);
	CHECK(!ym_vex_applies(&hand, "CVE-2021-23337", NULL, &c, NULL, NULL));

	done(&ov);
	done(&cdx);
	done(&old);
	done(&csaf);
}


/* CSAF products known by their branch path (vendor / product_name /
 * product_version or product_version_range), as the OASIS VEX examples
 * name them: no identification helper at all. */
static const char *const want_csaf_branches[] = {
	"csaf tests/fixtures/vex/csaf-branches.json:60 vulnerabilities[0].product_status.known_not_affected[0]\n"
	"vuln CVE-2024-0727\n"
	"status not_affected (known_not_affected)\n"
	"justification vulnerable_code_not_in_execute_path (vulnerable_code_not_in_execute_path)\n"
	"impact PKCS12 files are never parsed.\n"
	"source Kumo Systems\n"
	"time 2025-02-01T00:00:00Z\n"
	"product id=GW-3.1 vendor=Kumo Systems name=Gateway version=3.1 line=60\n",
	"csaf tests/fixtures/vex/csaf-branches.json:60 vulnerabilities[0].product_status.known_not_affected[1]\n"
	"vuln CVE-2024-0727\n"
	"status not_affected (known_not_affected)\n"
	"justification vulnerable_code_not_in_execute_path (vulnerable_code_not_in_execute_path)\n"
	"impact PKCS12 files are never parsed.\n"
	"source Kumo Systems\n"
	"time 2025-02-01T00:00:00Z\n"
	"product id=GW-1 vendor=Kumo Systems name=Gateway range=vers:generic/<=1.9 line=60\n",
	"csaf tests/fixtures/vex/csaf-branches.json:60 vulnerabilities[0].product_status.known_not_affected[2]\n"
	"vuln CVE-2024-0727\n"
	"status not_affected (known_not_affected)\n"
	"impact PKCS12 files are never parsed.\n"
	"source Kumo Systems\n"
	"time 2025-02-01T00:00:00Z\n"
	"product id=GW-OLD vendor=Kumo Systems name=Gateway line=60\n",
	"csaf tests/fixtures/vex/csaf-branches.json:60 vulnerabilities[0].product_status.known_not_affected[3]\n"
	"vuln CVE-2024-0727\n"
	"status not_affected (known_not_affected)\n"
	"impact PKCS12 files are never parsed.\n"
	"source Kumo Systems\n"
	"time 2025-02-01T00:00:00Z\n"
	"product id=SENSORS vendor=Kumo Systems name=Kumo Systems Sensors line=60\n",
	"csaf tests/fixtures/vex/csaf-branches.json:60 vulnerabilities[0].product_status.known_not_affected[4]\n"
	"vuln CVE-2024-0727\n"
	"status not_affected (known_not_affected)\n"
	"justification vulnerable_code_not_in_execute_path (vulnerable_code_not_in_execute_path)\n"
	"impact PKCS12 files are never parsed.\n"
	"source Kumo Systems\n"
	"time 2025-02-01T00:00:00Z\n"
	"product id=KOS-5 cpe=cpe:2.3:o:kumo:kumo_os:5:*:*:*:*:*:*:* vendor=Kumo Systems name=Kumo OS version=5 relation=installed_on line=60\n"
	"  sub id=openssl-3.0.13 purl=pkg:generic/openssl@3.0.13 vendor=OpenSSL Project name=openssl version=3.0.13 line=60\n",
	"csaf tests/fixtures/vex/csaf-branches.json:61 vulnerabilities[0].product_status.known_affected[0]\n"
	"vuln CVE-2024-0727\n"
	"status affected (known_affected)\n"
	"action vendor_fix: Update to 3.1.\n"
	"source Kumo Systems\n"
	"time 2025-02-01T00:00:00Z\n"
	"product id=GW-2 vendor=Kumo Systems name=Gateway range=vers:generic/>=2.0|<3.0 line=61\n",
	"csaf tests/fixtures/vex/csaf-branches.json:62 vulnerabilities[0].product_status.under_investigation[0]\n"
	"vuln CVE-2024-0727\n"
	"status under_investigation (under_investigation)\n"
	"source Kumo Systems\n"
	"time 2025-02-01T00:00:00Z\n"
	"product id=CONSOLE vendor=Kumo Systems name=Console range=vers:all/* line=62\n",
	NULL,
};

static void t_csaf_branches(void)
{
	fixture f;
	ym_vex_hit h;
	load(&f, DIR "csaf-branches.json", true);
	CHECK_INT(f.rc, 0);
	CHECK(same_statements(&f.doc, want_csaf_branches));
	CHECK_STR(f.s.warn.ptr,
		  DIR "csaf-branches.json:26:58: product_tree: product "
		  "'GW-OLD': version range 'before the 2019 release' cannot "
		  "be read; the product is matched by its identifiers only\n");
	const ym_vex_statement *st = f.doc.statements;
	const char *id = "CVE-2024-0727";

	/* product_version: name and version; the vendor agrees with the
	 * supplier, case aside, or the supplier is unknown */
	ym_component gw = comp(NULL, "cpe:2.3:a:kumo:gateway:3.1:*:*:*:*:*:*:*",
			       "Gateway", "3.1");
	gw.supplier = "KUMO SYSTEMS";
	CHECK(ym_vex_applies(&st[0], id, NULL, &gw, NULL, &h));
	CHECK_STR(h.by, "name");
	gw.supplier = NULL;
	CHECK(ym_vex_applies(&st[0], id, NULL, &gw, NULL, NULL));
	gw.supplier = "Other Corp";
	CHECK(!ym_vex_applies(&st[0], id, NULL, &gw, NULL, NULL));
	gw.supplier = NULL;
	gw.version = "3.1.0";
	CHECK(!ym_vex_applies(&st[0], id, NULL, &gw, NULL, NULL));
	/* vls range "<= 1.9" read as vers:generic/<=1.9 */
	gw.version = "1.9";
	CHECK(ym_vex_applies(&st[1], id, NULL, &gw, NULL, NULL));
	gw.version = "1.10";
	CHECK(!ym_vex_applies(&st[1], id, NULL, &gw, NULL, NULL));
	/* an unreadable range and a family without version never match */
	gw.version = "1.0";
	CHECK(!ym_vex_applies(&st[2], id, NULL, &gw, NULL, NULL));
	ym_component sens = comp(NULL, NULL, "Kumo Systems Sensors", "7");
	CHECK(!ym_vex_applies(&st[3], id, NULL, &sens, NULL, NULL));
	/* vers:all/(star): every version, but a version is still needed */
	ym_component con = comp(NULL, NULL, "Console", "0.0.1-rc1");
	CHECK(ym_vex_applies(&st[6], id, NULL, &con, NULL, NULL));
	con.version = NULL;
	CHECK(!ym_vex_applies(&st[6], id, NULL, &con, NULL, NULL));

	/* "openssl installed on Kumo OS 5": the statement about openssl
	 * needs Kumo OS 5 among the ancestors */
	ym_component ssl = comp("pkg:generic/openssl@3.0.13", NULL, "openssl",
				"3.0.13");
	ym_component os5 = comp(NULL, "cpe:2.3:o:kumo:kumo_os:5:*:*:*:*:*:*:*",
				"Kumo OS", "5");
	ym_component os6 = comp(NULL, "cpe:2.3:o:kumo:kumo_os:6:*:*:*:*:*:*:*",
				"Kumo OS", "6");
	const ym_component *on5[] = {&os5, NULL}, *on6[] = {&os6, NULL};
	CHECK(!ym_vex_applies(&st[4], id, NULL, &ssl, NULL, NULL));
	CHECK(!ym_vex_applies(&st[4], id, NULL, &ssl, on6, NULL));
	CHECK(ym_vex_applies(&st[4], id, NULL, &ssl, on5, &h));
	CHECK(h.matched == &os5);
	CHECK(h.subcomponent == &st[4].products[0].subcomponents[0]);
	CHECK_STR(h.by, "purl");
	CHECK_STR(st[4].products[0].relation, "installed_on");
	/* the OS itself is not what the statement is about */
	CHECK(!ym_vex_applies(&st[4], id, NULL, &os5, on5, NULL));
	done(&f);
}

/* BOM-links into another BOM: matched by the caller's SBOM serial and
 * the component's bom-ref, with the entry's version range. */
static void t_bomlink(void)
{
	fixture f;
	ym_vex_hit h;
	load(&f, DIR "cdx-bomlink.json", true);
	CHECK_INT(f.rc, 0);
	CHECK_INT(f.doc.n_statements, 1);
	CHECK_INT(f.doc.n_warnings, 2);
	CHECK_STR(f.s.warn.ptr,
		  DIR "cdx-bomlink.json:19:18: record CVE-2025-1000: "
		  "vulnerabilities[0].affects[0].ref: BOM-link "
		  "'urn:cdx:9D1C6B07-5E0F-4A8B-8C3D-2B1E4F6A7C90/2#product-"
		  "Gateway' refers to another BOM; the product is matched only "
		  "in that BOM\n"
		  DIR "cdx-bomlink.json:21:18: record CVE-2025-1000: "
		  "vulnerabilities[0].affects[1].ref: BOM-link "
		  "'urn:cdx:9d1c6b07-5e0f-4a8b-8c3d-2b1e4f6a7c90/1#sensor%2Dhub'"
		  " refers to another BOM; the product is matched only in that "
		  "BOM\n");
	const ym_vex_statement *st = &f.doc.statements[0];
	ym_buf b = YM_BUF_INIT;
	ym_vex_statement_format(st, &b);
	CHECK_STR(b.ptr,
		  "cyclonedx tests/fixtures/vex/cdx-bomlink.json:15 vulnerabilities[0]\n"
		  "vuln CVE-2025-1000\n"
		  "status not_affected (not_affected)\n"
		  "justification vulnerable_code_not_in_execute_path (code_not_reachable)\n"
		  "time 2025-03-01T00:00:00Z\n"
		  "product id=urn:cdx:9D1C6B07-5E0F-4A8B-8C3D-2B1E4F6A7C90/2#product-Gateway bom=9d1c6b07-5e0f-4a8b-8c3d-2b1e4f6a7c90#product-Gateway range=vers:generic/>=2.0|<3.0 line=20\n"
		  "product id=urn:cdx:9d1c6b07-5e0f-4a8b-8c3d-2b1e4f6a7c90/1#sensor%2Dhub bom=9d1c6b07-5e0f-4a8b-8c3d-2b1e4f6a7c90#sensor-hub line=21\n"
		  "product id=viewer vendor=Kumo Systems name=Viewer version=1.2 line=22\n"
		  "product id=recorder vendor=Kumo Systems name=Recorder range=vers:all/* line=23\n");
	ym_buf_release(&b);
	const char *serial = "urn:uuid:9D1C6B07-5E0F-4A8B-8C3D-2B1E4F6A7C90";
	ym_component gw = comp(NULL, NULL, "Gateway", "2.5");
	gw.bom_ref = "product-Gateway";
	CHECK(ym_vex_applies_in(st, "CVE-2025-1000", NULL, &gw, NULL, serial,
				&h));
	CHECK_STR(h.by, "bom-link");
	CHECK(h.product == &st->products[0]);
	/* without the serial, or in another BOM: not that component */
	CHECK(!ym_vex_applies(st, "CVE-2025-1000", NULL, &gw, NULL, NULL));
	CHECK(!ym_vex_applies_in(st, "CVE-2025-1000", NULL, &gw, NULL,
				 "urn:uuid:00000000-0000-0000-0000-000000000000",
				 NULL));
	/* the version entry still decides */
	gw.version = "3.0";
	CHECK(!ym_vex_applies_in(st, "CVE-2025-1000", NULL, &gw, NULL, serial,
				 NULL));
	/* the fragment is percent-decoded; no versions: every version; the
	 * serial may come without urn:uuid: */
	ym_component hub = comp(NULL, NULL, "hub", NULL);
	hub.bom_ref = "sensor-hub";
	CHECK(ym_vex_applies_in(st, "CVE-2025-1000", NULL, &hub, NULL,
				"9d1c6b07-5e0f-4a8b-8c3d-2b1e4f6a7c90", NULL));
	/* as an ancestor: the product contains the finding's component */
	ym_component lib = comp("pkg:npm/left-pad@1.3.0", NULL, "left-pad",
				"1.3.0");
	const ym_component *anc[] = {&hub, NULL};
	CHECK(ym_vex_applies_in(st, "CVE-2025-1000", NULL, &lib, anc, serial,
				&h));
	CHECK(h.matched == &hub);
	/* CycloneDX supplier / publisher as the vendor */
	ym_component rec = comp(NULL, NULL, "Recorder", "4.0");
	rec.supplier = "Kumo Systems";
	CHECK(ym_vex_applies(st, "CVE-2025-1000", NULL, &rec, NULL, NULL));
	rec.supplier = "Someone Else";
	CHECK(!ym_vex_applies(st, "CVE-2025-1000", NULL, &rec, NULL, NULL));
	done(&f);
}

/* deb purls: the distro qualifier compares by release, so Ubuntu's own
 * VEX (distro=jammy, distro=esm-infra-legacy/trusty) applies to syft's
 * purls (distro=ubuntu-22.04). */
static void t_distro(void)
{
	static const char doc[] =
		"{\"@context\": \"https://openvex.dev/ns/v0.2.0\",\n"
		" \"@id\": \"https://example.jp/vex/1\", \"author\": \"t\",\n"
		" \"timestamp\": \"2025-01-01T00:00:00Z\", \"version\": 1,\n"
		" \"statements\": [{\"vulnerability\": {\"name\": \"CVE-2023-38545\"},\n"
		"  \"status\": \"fixed\", \"products\": [\n"
		"   {\"@id\": \"pkg:deb/ubuntu/curl@7.81.0-1ubuntu1.24?arch=amd64&distro=jammy\"},\n"
		"   {\"@id\": \"pkg:deb/ubuntu/curl@7.35.0-1ubuntu2.20+esm19?arch=amd64&distro=esm-infra-legacy/trusty\"},\n"
		"   {\"@id\": \"pkg:deb/debian/curl@7.88.1-10+deb12u5?distro=bookworm\"},\n"
		"   {\"@id\": \"pkg:rpm/redhat/curl@7.76.1-26.el9?distro=rhel-9.2\"}]}]}\n";
	static const struct {
		const char *purl;
		bool applies;
	} cases[] = {
		{"pkg:deb/ubuntu/curl@7.81.0-1ubuntu1.24?arch=amd64&distro=jammy", true},
		{"pkg:deb/ubuntu/curl@7.81.0-1ubuntu1.24?arch=amd64&distro=ubuntu-22.04", true},
		{"pkg:deb/ubuntu/curl@7.81.0-1ubuntu1.24?arch=amd64&distro=Ubuntu-22.04.3", true},
		{"pkg:deb/ubuntu/curl@7.81.0-1ubuntu1.24?arch=amd64&distro=ubuntu-22.10", false},
		{"pkg:deb/ubuntu/curl@7.81.0-1ubuntu1.24?arch=arm64&distro=ubuntu-22.04", false},
		{"pkg:deb/ubuntu/curl@7.81.0-1ubuntu1.23?arch=amd64&distro=ubuntu-22.04", false},
		{"pkg:deb/ubuntu/curl@7.35.0-1ubuntu2.20%2Besm19?arch=amd64&distro=ubuntu-14.04", true},
		{"pkg:deb/ubuntu/curl@7.35.0-1ubuntu2.20%2Besm19?arch=amd64&distro=trusty", true},
		{"pkg:deb/debian/curl@7.88.1-10%2Bdeb12u5?distro=debian-12", true},
		{"pkg:deb/debian/curl@7.88.1-10%2Bdeb12u5?distro=debian-12.5", true},
		{"pkg:deb/debian/curl@7.88.1-10%2Bdeb12u5?distro=debian-11", false},
		{"pkg:deb/debian/curl@7.88.1-10%2Bdeb12u5?distro=jammy", false},
		/* other types: the qualifier as written */
		{"pkg:rpm/redhat/curl@7.76.1-26.el9?distro=rhel-9.2", true},
		{"pkg:rpm/redhat/curl@7.76.1-26.el9?distro=rhel-9", false},
	};
	ym_arena a;
	ym_vex_doc d;
	ym_err e = YM_ERR_INIT;
	ym_arena_init(&a, 0);
	CHECK_INT(ym_vex_parse(doc, sizeof doc - 1, "distro.json", &a, &d, &e),
		  0);
	CHECK_INT(d.n_statements, 1);
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		ym_component c = comp(cases[i].purl, NULL, "curl", NULL);
		bool got = ym_vex_applies(&d.statements[0], "CVE-2023-38545",
					  NULL, &c, NULL, NULL);
		if (got != cases[i].applies)
			fprintf(stderr, "distro case %zu: %s\n", i,
				cases[i].purl);
		CHECK(got == cases[i].applies);
	}
	ym_arena_release(&a);
}

static void t_names(void)
{
	CHECK_STR(ym_vex_status_name(YM_VEX_UNDER_INVESTIGATION),
		  "under_investigation");
	CHECK(ym_vex_status_name(0) == NULL);
	CHECK_STR(ym_vex_justification_name(
			  YM_VEX_INLINE_MITIGATIONS_ALREADY_EXIST),
		  "inline_mitigations_already_exist");
	CHECK(ym_vex_justification_name(YM_VEX_JUST_NONE) == NULL);
	CHECK_STR(ym_vex_format_name(YM_VEX_FORMAT_CSAF), "csaf");
}

int main(void)
{
	RUN(t_cyclonedx);
	RUN(t_openvex);
	RUN(t_csaf);
	RUN(t_bad);
	RUN(t_lax_products);
	RUN(t_applies);
	RUN(t_csaf_branches);
	RUN(t_bomlink);
	RUN(t_distro);
	RUN(t_names);
	return test_done();
}
