/* Unit tests for inventory/cyclonedx: components, nesting, groups, purl
 * normalisation and exact error positions. */
#include <string.h>

#include "core/arena.h"
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

int main(void)
{
	ym_arena_init(&A, 0);
	RUN(t_components);
	RUN(t_errors);
	ym_arena_release(&A);
	return test_done();
}
