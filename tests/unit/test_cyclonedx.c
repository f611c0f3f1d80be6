/* Unit tests for inventory/cyclonedx: components, nesting, groups, purl
 * normalisation and exact error positions. */
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "inventory/sbom.h"
#include "test.h"

static ym_arena A;

static int parse(const char *text, ym_sbom *out, ym_err *e)
{
	return ym_cyclonedx_parse_json(text, strlen(text), "t.json", &A, out,
				       e);
}

static void t_components(void)
{
	ym_sbom b;
	ym_err e = YM_ERR_INIT;
	CHECK_INT(parse("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\","
			"\"metadata\":{\"component\":{\"name\":\"顧客ポータル\","
			"\"version\":\"2.1\"}},\"components\":["
			"{\"name\":\"traverse\",\"group\":\"@babel\","
			"\"version\":\"7.22.5\","
			"\"purl\":\"pkg:npm/%40babel/traverse@7.22.5\","
			"\"components\":[{\"name\":\"PyYAML\","
			"\"purl\":\"pkg:pypi/PyYAML@5.3.1\"}]},"
			"{\"name\":\"log4j-core\",\"group\":\"org.apache.logging.log4j\","
			"\"version\":\"2.14.1\",\"cpe\":\"cpe:2.3:a:apache:log4j:2.14.1:*:*:*:*:*:*:*\","
			"\"purl\":\"pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1\"},"
			"{\"name\":\"in-house\"}]}",
			&b, &e), 0);
	CHECK_STR(b.spec_version, "1.5");
	CHECK_STR(b.subject_name, "顧客ポータル");
	CHECK_STR(b.subject_version, "2.1");
	CHECK_INT(b.n_components, 4);
	CHECK_STR(b.components[0].name, "@babel/traverse");
	CHECK_STR(b.components[0].pkg_key, "@babel/traverse");
	CHECK_INT(b.components[0].parent_id, 0);
	/* nested: version from the purl, name normalised for matching */
	CHECK_STR(b.components[1].name, "PyYAML");
	CHECK_STR(b.components[1].version, "5.3.1");
	CHECK_STR(b.components[1].purl, "pkg:pypi/pyyaml@5.3.1");
	CHECK_STR(b.components[1].pkg_key, "pyyaml");
	CHECK_STR(b.components[1].ecosystem, "pypi");
	CHECK_INT(b.components[1].parent_id, 1);
	CHECK_STR(b.components[2].name, "org.apache.logging.log4j:log4j-core");
	CHECK_STR(b.components[2].cpe,
		  "cpe:2.3:a:apache:log4j:2.14.1:*:*:*:*:*:*:*");
	CHECK(b.components[3].purl == NULL);
	CHECK(b.components[3].ecosystem == NULL);
}

static void t_errors(void)
{
	ym_sbom b;
	ym_err e = YM_ERR_INIT;
	CHECK_INT(parse("{\"bomFormat\":\"SPDX\"}", &b, &e), YM_E_INVALID);
	CHECK_STR(e.field, "bomFormat");
	CHECK_INT(e.line, 1);
	CHECK_INT(e.column, 14);
	ym_err_clear(&e);
	CHECK_INT(parse("{\"bomFormat\":\"CycloneDX\",\"components\":[\n"
			"  {\"name\":\"a\",\"version\":1}]}",
			&b, &e), YM_E_INVALID);
	CHECK_STR(e.field, "components[0].version");
	CHECK_STR(e.msg, "expected string, got number");
	CHECK_INT(e.line, 2);
	CHECK_INT(e.column, 25);
	ym_err_clear(&e);
	CHECK_INT(parse("{\"bomFormat\":\"CycloneDX\",\"components\":["
			"{\"name\":\"a\",\"components\":[{\"version\":\"1\"}]}]}",
			&b, &e), YM_E_INVALID);
	CHECK_STR(e.field, "components[0].components[0].name");
	CHECK_STR(e.msg, "component has no name (required)");
	ym_err_clear(&e);
	CHECK_INT(parse("{\"bomFormat\":\"CycloneDX\",\"components\":"
			"[{\"name\":\"a\",\"purl\":\"pkg:npm\"}]}",
			&b, &e), YM_E_INVALID);
	CHECK_STR(e.field, "components[0].purl");
	CHECK_STR(e.msg, "invalid purl 'pkg:npm': missing package name");
	ym_err_clear(&e);
	CHECK_INT(parse("[]", &b, &e), YM_E_INVALID);
	CHECK_STR(e.msg, "expected object, got array");
	ym_err_clear(&e);
	CHECK_INT(parse("{\"bomFormat\":\"CycloneDX\",", &b, &e), YM_E_PARSE);
	CHECK_STR(e.file, "t.json");
}

static int parse_file(const char *path, ym_sbom *out, ym_err *e)
{
	ym_buf t = YM_BUF_INIT;
	int rc = ym_buf_read_file(&t, path, e);
	if (!rc)
		rc = ym_cyclonedx_parse_json(
			ym_arena_strndup(&A, t.ptr, t.len), t.len, path, &A,
			out, e);
	ym_buf_release(&t);
	return rc;
}

/* type, supplier (supplier.name / publisher / author), licenses, hashes,
 * scope, the subject, dependencies, nested services, VEX */
static void t_full(void)
{
	ym_sbom b;
	ym_err e = YM_ERR_INIT;
	CHECK_INT(parse_file("tests/fixtures/sbom/full-1.5.json", &b, &e), 0);
	CHECK_STR(b.spec_version, "1.5");
	CHECK_STR(b.serial, "urn:uuid:6d3c4e1a-8f2b-4c55-9a01-2f0b7e3c9d10");
	CHECK_STR(b.subject_name, "顧客ポータル");
	CHECK_STR(b.subject_purl, "pkg:npm/%40yamori/customer-portal@3.2.0");
	CHECK_STR(b.subject_cpe,
		  "cpe:2.3:a:yamori:customer_portal:3.2.0:*:*:*:*:*:*:*");
	CHECK_STR(b.subject_supplier, "株式会社やもり");
	CHECK_INT(b.n_components, 4);
	const ym_component *c = b.components;
	CHECK_STR(c[0].type, "library");
	CHECK_STR(c[0].supplier, "TJ Holowaychuk");
	CHECK_STR(c[0].licenses, "MIT");
	CHECK_STR(c[0].hashes, "SHA-512:3f1c2a, SHA-256:9b7e01");
	CHECK_STR(c[0].scope, "required");
	CHECK_STR(c[1].licenses, "BSD 3条項ライセンス");
	CHECK_INT(c[1].parent_id, 1);
	CHECK_STR(c[2].supplier, "Apache Software Foundation");
	CHECK_STR(c[2].licenses, "Apache-2.0 OR MIT");
	CHECK_STR(c[2].scope, "optional");
	CHECK_STR(c[3].type, "operating-system");
	CHECK_STR(c[3].supplier, "日本OSS推進会");
	CHECK(c[3].scope == NULL && c[3].hashes == NULL);
	CHECK_INT(b.n_dependencies, 4);
	CHECK_STR(b.dependencies[0].from, "app");
	CHECK_STR(b.dependencies[2].to, "svc-payment");
	CHECK_STR(b.dependencies[3].from, "pkg:npm/express@4.22.3");
	CHECK_STR(b.dependencies[3].to, "pkg:npm/qs@6.13.0");
	CHECK_INT(b.n_services, 2);
	CHECK_STR(b.services[0].name, "決済API");
	CHECK_STR(b.services[0].provider, "決済代行株式会社");
	CHECK_STR(b.services[0].endpoints,
		  "https://pay.example.jp/api/v2/charge, "
		  "https://pay.example.jp/api/v2/refund");
	CHECK_INT(b.services[0].authenticated, 1);
	CHECK_INT(b.services[0].trust_boundary, 1);
	CHECK_STR(b.services[0].data, "outbound:PII, inbound:public");
	CHECK_STR(b.services[1].name, "トークン発行");
	CHECK_INT(b.services[1].authenticated, 0);
	CHECK_INT(b.services[1].trust_boundary, -1);
	CHECK(b.services[1].data == NULL);
	CHECK(b.vex != NULL);
	CHECK(strncmp(b.vex, "[{\"bom-ref\":\"vuln-1\",\"id\":"
			     "\"CVE-2021-44228\"", 40) == 0);
	CHECK(strstr(b.vex, "\"cwes\":[502,917]") != NULL);
	CHECK(strstr(b.vex, "\n") == NULL);
}

/* what a minimal BOM leaves unset; invalid scope values are dropped */
static void t_defaults(void)
{
	ym_sbom b;
	ym_err e = YM_ERR_INIT;
	CHECK_INT(parse("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.2\","
			"\"components\":[{\"name\":\"a\",\"scope\":\"sometimes\","
			"\"supplier\":{\"name\":\"S\"},\"publisher\":\"P\"}]}",
			&b, &e), 0);
	CHECK(b.vex == NULL && b.subject_name == NULL);
	CHECK_INT(b.n_dependencies, 0);
	CHECK_INT(b.n_services, 0);
	CHECK(b.dependencies != NULL && b.services != NULL);
	CHECK(b.components[0].scope == NULL);
	CHECK(b.components[0].type == NULL);
	CHECK_STR(b.components[0].supplier, "S");
}

static void bad(const char *name, const char *field, long line,
		const char *msg)
{
	char path[256];
	ym_sbom b;
	ym_err e = YM_ERR_INIT;
	snprintf(path, sizeof path, "tests/fixtures/sbom/bad/%s", name);
	CHECK(parse_file(path, &b, &e) != 0);
	CHECK_STR(e.file, path);
	CHECK_STR(e.field, field);
	CHECK_INT(e.line, line);
	CHECK_STR(e.msg, msg);
}

static void t_bad_new_fields(void)
{
	bad("cdx-bad-service.json", "services[0].services[0].authenticated",
	    5, "expected boolean, got string");
	bad("cdx-bad-dependency.json", "dependencies[1].ref", 6,
	    "dependency has no ref (required)");
	bad("cdx-bad-license.json", "components[0].licenses[0].license", 4,
	    "expected object, got string");
}

int main(void)
{
	ym_arena_init(&A, 0);
	RUN(t_components);
	RUN(t_errors);
	RUN(t_full);
	RUN(t_defaults);
	RUN(t_bad_new_fields);
	ym_arena_release(&A);
	return test_done();
}
