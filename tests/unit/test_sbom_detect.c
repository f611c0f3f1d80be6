/* Unit tests for inventory/sbom_detect: the parser is chosen from the
 * content (never the file name) and unknown documents say what they
 * looked like. */
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "inventory/sbom_detect.h"
#include "test.h"

static ym_arena A;

static int parse_file(const char *path, ym_sbom *out, ym_err *e)
{
	ym_buf t = YM_BUF_INIT;
	int rc = ym_buf_read_file(&t, path, e);
	if (!rc)
		rc = ym_sbom_parse_any(ym_arena_strndup(&A, t.ptr, t.len),
				       t.len, path, &A, out, e);
	ym_buf_release(&t);
	return rc;
}

static int parse(const char *text, ym_sbom *out, ym_err *e)
{
	/* a misleading name: the content decides */
	return ym_sbom_parse_any(text, strlen(text), "bom.txt", &A, out, e);
}

static void t_formats(void)
{
	static const struct {
		const char *file, *format, *spec;
		size_t comps;
	} cases[] = {
		{"tests/fixtures/sbom/full-1.5.json", "CycloneDX", "1.5", 4},
		{"tests/fixtures/sbom/full-1.5.xml", "CycloneDX", "1.5", 4},
		{"tests/fixtures/sbom/spdx-2.3.json", "SPDX", "2.3", 3},
		{"tests/fixtures/sbom/spdx-2.3.spdx", "SPDX", "2.3", 3},
		{"tests/fixtures/sbom/japanese.json", "CycloneDX", NULL, 0},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		ym_sbom b;
		ym_err e = YM_ERR_INIT;
		CHECK_INT(parse_file(cases[i].file, &b, &e), 0);
		CHECK_STR(b.format, cases[i].format);
		if (cases[i].spec) {
			CHECK_STR(b.spec_version, cases[i].spec);
			CHECK_INT(b.n_components, cases[i].comps);
		}
	}
}

static void t_sniffing(void)
{
	ym_sbom b;
	ym_err e = YM_ERR_INIT;
	/* BOM, white space, comments before the root, a prefixed root */
	CHECK_INT(parse("\xEF\xBB\xBF\n  {\"bomFormat\":\"CycloneDX\"}", &b, &e),
		  0);
	CHECK_INT(parse("<?xml version=\"1.0\"?>\n<!-- <x/> -->\n"
			"<c:bom xmlns:c='http://cyclonedx.org/schema/bom/1.2'/>",
			&b, &e), 0);
	CHECK_STR(b.spec_version, "1.2");
	CHECK_INT(parse("# made by hand\nSPDXVersion: SPDX-2.3\n"
			"PackageName: a\n",
			&b, &e), 0);
	CHECK_STR(b.format, "SPDX");
	/* a bomFormat that is not CycloneDX still goes to the CycloneDX
	 * reader, which names the field */
	CHECK_INT(parse("{\"bomFormat\":\"SPDX\"}", &b, &e), YM_E_INVALID);
	CHECK_STR(e.field, "bomFormat");
}

static void unknown(const char *text, const char *what)
{
	ym_sbom b;
	ym_err e = YM_ERR_INIT;
	char want[512];
	snprintf(want, sizeof want,
		 "not a supported SBOM: %s (expected CycloneDX JSON or XML, "
		 "SPDX 2 JSON or SPDX tag-value)",
		 what);
	CHECK_INT(parse(text, &b, &e), YM_E_UNSUPPORTED);
	CHECK_STR(e.msg, want);
	CHECK_STR(e.file, "bom.txt");
}

static void t_unknown(void)
{
	unknown("{\"components\":[]}",
		"a JSON document without bomFormat or spdxVersion");
	unknown("[1,2]", "a JSON document that is not an object");
	unknown("{\"lockfileVersion\":3}",
		"an npm package-lock.json (a lock file, not an SBOM)");
	unknown("<bom xmlns=\"urn:other\"/>",
		"an XML document whose root is <bom> in namespace urn:other");
	unknown("<project/>",
		"an XML document whose root is <project> without a "
		"namespace");
	unknown("<?xml version='1.0'?><Document><spdxVersion>SPDX-2.3"
		"</spdxVersion></Document>",
		"an SPDX XML document (SPDX XML is not supported: use SPDX "
		"JSON or tag-value)");
	unknown("---\nspdxVersion: SPDX-2.3\n",
		"a YAML document (SPDX YAML is not supported: use SPDX JSON "
		"or tag-value)");
}

/* empty or garbled text: the JSON syntax error, with its position */
static void t_garbage(void)
{
	ym_sbom b;
	ym_err e = YM_ERR_INIT;
	CHECK_INT(parse("", &b, &e), YM_E_PARSE);
	CHECK_STR(e.msg, "unexpected end of input");
	CHECK_INT(e.line, 1);
	ym_err_clear(&e);
	CHECK_INT(parse("\n name,version\n", &b, &e), YM_E_PARSE);
	CHECK_INT(e.line, 2); /* "n" starts a null that is not one */
	CHECK_INT(e.column, 3);
}

static void t_errors_pass_through(void)
{
	ym_sbom b;
	ym_err e = YM_ERR_INIT;
	CHECK_INT(parse_file("tests/fixtures/sbom/bad/spdx3.json", &b, &e),
		  YM_E_UNSUPPORTED);
	ym_err_clear(&e);
	CHECK_INT(parse_file("tests/fixtures/sbom/bad/truncated.json", &b,
			     &e),
		  YM_E_PARSE);
	ym_err_clear(&e);
	CHECK_INT(parse_file("tests/fixtures/sbom/bad/xml-doctype.xml", &b,
			     &e),
		  YM_E_INVALID);
	CHECK_STR(e.msg, "a document type declaration is not allowed in an "
			 "SBOM");
}

int main(void)
{
	ym_arena_init(&A, 0);
	RUN(t_formats);
	RUN(t_sniffing);
	RUN(t_unknown);
	RUN(t_garbage);
	RUN(t_errors_pass_through);
	ym_arena_release(&A);
	return test_done();
}
