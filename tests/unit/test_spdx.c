/* Unit tests for inventory/spdx_json and spdx_tv: packages, the described
 * subject, relationships turned into edges, supplier/license/checksum/
 * purpose mapping, cpe22 conversion, the JSON and tag-value forms of one
 * document giving the same ym_sbom, and exact error positions. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "inventory/sbom_component.h"
#include "inventory/spdx.h"
#include "test.h"

static ym_arena A;

static int parse_file(const char *path, ym_sbom *out, ym_err *e, bool tv)
{
	ym_buf t = YM_BUF_INIT;
	int rc = ym_buf_read_file(&t, path, e);
	if (!rc) {
		char *s = ym_arena_strndup(&A, t.ptr, t.len);
		rc = tv ? ym_spdx_parse_tv(s, t.len, path, &A, out, e)
			: ym_spdx_parse_json(s, t.len, path, &A, out, e);
	}
	ym_buf_release(&t);
	return rc;
}

static void t_json(void)
{
	ym_sbom b;
	ym_err e = YM_ERR_INIT;
	CHECK_INT(parse_file("tests/fixtures/sbom/spdx-2.3.json", &b, &e,
			     false),
		  0);
	CHECK_STR(b.format, "SPDX");
	CHECK_STR(b.spec_version, "2.3");
	CHECK_STR(b.serial, "https://sbom.example.jp/spdx/juhacchu-5.1.0");
	/* the described package is the subject, not a component */
	CHECK_STR(b.subject_name, "受発注システム");
	CHECK_STR(b.subject_version, "5.1.0");
	CHECK_STR(b.subject_purl, "pkg:pypi/juhacchu@5.1.0");
	CHECK_STR(b.subject_supplier, "株式会社やもり");
	CHECK_INT(b.n_components, 3); /* files are not components */
	const ym_component *c = b.components;
	CHECK_STR(c[0].bom_ref, "SPDXRef-django");
	CHECK_STR(c[0].purl, "pkg:pypi/django@4.2.11");
	CHECK_STR(c[0].ecosystem, "pypi");
	CHECK_STR(c[0].pkg_key, "django");
	CHECK_STR(c[0].cpe,
		  "cpe:2.3:a:djangoproject:django:4.2.11:*:*:*:*:*:*:*");
	CHECK_STR(c[0].hashes, "SHA-256:6e6ff3db, SHA-1:85ed0817");
	CHECK_STR(c[0].type, "library");
	CHECK_STR(c[0].supplier, "Django Software Foundation");
	CHECK_STR(c[0].licenses, "BSD-3-Clause");
	/* originator when no supplier; declared when concluded is
	 * NOASSERTION; cpe22 converted; OPERATING_SYSTEM lower-cased */
	CHECK_STR(c[1].supplier, "OpenSSL Software Foundation");
	CHECK_STR(c[1].licenses, "Apache-2.0");
	CHECK_STR(c[1].cpe, "cpe:2.3:a:openssl:openssl:3.0.13:*:*:*:*:*:*:*");
	CHECK_STR(c[1].type, "operating-system");
	CHECK_STR(c[2].supplier, "山田太郎");
	CHECK_INT(c[2].parent_id, 0);
	/* DEPENDS_ON, DEPENDENCY_OF turned round, CONTAINS and CONTAINED_BY
	 * (one edge); edges to files and DYNAMIC_LINK are not kept */
	CHECK_INT(b.n_dependencies, 3);
	CHECK_STR(b.dependencies[0].from, "SPDXRef-juhacchu");
	CHECK_STR(b.dependencies[0].to, "SPDXRef-django");
	CHECK_STR(b.dependencies[1].from, "SPDXRef-django");
	CHECK_STR(b.dependencies[1].to, "SPDXRef-openssl");
	CHECK_STR(b.dependencies[2].to, "SPDXRef-kaikei");
	CHECK_INT(b.n_services, 0);
	CHECK(b.vex == NULL);
}

static void t_tv_same_as_json(void)
{
	ym_sbom t, j;
	ym_err e = YM_ERR_INIT;
	ym_buf dt = YM_BUF_INIT, dj = YM_BUF_INIT;
	CHECK_INT(parse_file("tests/fixtures/sbom/spdx-2.3.spdx", &t, &e,
			     true),
		  0);
	CHECK_INT(parse_file("tests/fixtures/sbom/spdx-2.3.json", &j, &e,
			     false),
		  0);
	ym_sbom_dump(&t, &dt);
	ym_sbom_dump(&j, &dj);
	if (strcmp(dt.ptr, dj.ptr) != 0)
		fprintf(stderr, "TV:\n%s\nJSON:\n%s\n", dt.ptr, dj.ptr);
	CHECK_STR(dt.ptr, dj.ptr);
	ym_buf_release(&dt);
	ym_buf_release(&dj);
}

static void t_subject_choice(void)
{
	ym_sbom b;
	ym_err e = YM_ERR_INIT;
	/* nothing described: every package is a component */
	const char *doc = "{\"spdxVersion\":\"SPDX-2.2\",\"packages\":["
			  "{\"SPDXID\":\"SPDXRef-a\",\"name\":\"a\"}]}";
	CHECK_INT(ym_spdx_parse_json(doc, strlen(doc), "t.json", &A, &b, &e),
		  0);
	CHECK(b.subject_name == NULL);
	CHECK_INT(b.n_components, 1);
	CHECK_STR(b.spec_version, "2.2");
	/* DESCRIBED_BY works too */
	const char *tv = "SPDXVersion: SPDX-2.2\nSPDXID: SPDXRef-DOCUMENT\n"
			 "PackageName: a\nSPDXID: SPDXRef-a\n"
			 "PackageName: b\nSPDXID: SPDXRef-b\n"
			 "Relationship: SPDXRef-b DESCRIBED_BY "
			 "SPDXRef-DOCUMENT\n"
			 "Relationship: SPDXRef-a DEV_DEPENDENCY_OF SPDXRef-b\n";
	CHECK_INT(ym_spdx_parse_tv(tv, strlen(tv), "t.spdx", &A, &b, &e), 0);
	CHECK_STR(b.subject_name, "b");
	CHECK_INT(b.n_components, 1);
	CHECK_STR(b.components[0].name, "a");
	CHECK_INT(b.n_dependencies, 1);
	CHECK_STR(b.dependencies[0].from, "SPDXRef-b");
}

static void bad(const char *name, int code, const char *field, long line,
		long col, const char *msg)
{
	char path[256];
	ym_sbom b;
	ym_err e = YM_ERR_INIT;
	size_t n = strlen(name);
	bool tv = n > 5 && strcmp(name + n - 5, ".spdx") == 0;
	snprintf(path, sizeof path, "tests/fixtures/sbom/bad/%s", name);
	CHECK_INT(parse_file(path, &b, &e, tv), code);
	CHECK_STR(e.file, path);
	CHECK_STR(e.field, field);
	CHECK_INT(e.line, line);
	CHECK_INT(e.column, col);
	CHECK_STR(e.msg, msg);
}

static void t_bad_json(void)
{
	bad("spdx-bad-purl.json", YM_E_INVALID,
	    "packages[3].externalRefs[0].referenceLocator", 10, 96,
	    "invalid purl 'npm/left-pad@1.3.0': missing 'pkg:' scheme");
	bad("spdx-bad-cpe22.json", YM_E_INVALID,
	    "packages[0].externalRefs[0].referenceLocator", 6, 94,
	    "invalid CPE 'cpe:/x:vendor:product': invalid part 'x' at "
	    "position 5 (a, o or h)");
	bad("spdx-missing-name.json", YM_E_INVALID, "packages[1].name", 5, 5,
	    "package has no name (required)");
	bad("spdx-bad-version.json", YM_E_INVALID, "spdxVersion", 1, 18,
	    "not an SPDX 2 document (spdxVersion must be \"SPDX-2.2\" or "
	    "\"SPDX-2.3\")");
	bad("spdx3.json", YM_E_UNSUPPORTED, "@context", 1, 1,
	    "SPDX 3.0 is not supported yet: export the SBOM as SPDX 2.3 or "
	    "CycloneDX");
}

static void t_bad_tv(void)
{
	bad("spdx-tv-bad-purl.spdx", YM_E_INVALID, "packages[0].ExternalRef",
	    6, 35, "invalid purl 'pkg:/nothing': missing package name");
	bad("spdx-tv-unclosed-text.spdx", YM_E_INVALID, "DocumentComment", 3,
	    18, "<text> is not closed by </text>");
	bad("spdx-tv-bad-utf8.spdx", YM_E_PARSE, "", 2, 17, "invalid UTF-8");
	bad("spdx-tv-no-tag.spdx", YM_E_INVALID, "", 3, 1,
	    "expected \"Tag: value\"");
	ym_sbom b;
	ym_err e = YM_ERR_INIT;
	CHECK_INT(ym_spdx_parse_tv("DocumentName: x\n", 16, "t.spdx", &A, &b,
				   &e),
		  YM_E_INVALID);
	CHECK_STR(e.field, "SPDXVersion");
}

int main(void)
{
	ym_arena_init(&A, 0);
	RUN(t_json);
	RUN(t_tv_same_as_json);
	RUN(t_subject_choice);
	RUN(t_bad_json);
	RUN(t_bad_tv);
	ym_arena_release(&A);
	return test_done();
}
