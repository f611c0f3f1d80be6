/* Unit tests for inventory/cyclonedx_xml: the same ym_sbom as the JSON
 * reader for an equivalent pair of fixtures, element paths and lines in
 * errors, and hostile documents (DOCTYPE, entities, truncation). */
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "inventory/cyclonedx_xml.h"
#include "inventory/sbom.h"
#include "inventory/sbom_component.h"
#include "test.h"

static ym_arena A;

static int parse_file(const char *path, ym_sbom *out, ym_err *e, bool xml)
{
	ym_buf t = YM_BUF_INIT;
	int rc = ym_buf_read_file(&t, path, e);
	if (!rc) {
		char *s = ym_arena_strndup(&A, t.ptr, t.len);
		rc = xml ? ym_cyclonedx_parse_xml(s, t.len, path, &A, out, e)
			 : ym_cyclonedx_parse_json(s, t.len, path, &A, out,
						   e);
	}
	ym_buf_release(&t);
	return rc;
}

static int parse(const char *text, ym_sbom *out, ym_err *e)
{
	return ym_cyclonedx_parse_xml(text, strlen(text), "t.xml", &A, out,
				      e);
}

/* full-1.5.xml and full-1.5.json are one BOM: the dumps must match */
static void t_same_as_json(void)
{
	ym_sbom x, j;
	ym_err e = YM_ERR_INIT;
	ym_buf dx = YM_BUF_INIT, dj = YM_BUF_INIT;
	CHECK_INT(parse_file("tests/fixtures/sbom/full-1.5.xml", &x, &e, true),
		  0);
	CHECK_INT(parse_file("tests/fixtures/sbom/full-1.5.json", &j, &e,
			     false),
		  0);
	ym_sbom_dump(&x, &dx);
	ym_sbom_dump(&j, &dj);
	if (strcmp(dx.ptr, dj.ptr) != 0)
		fprintf(stderr, "XML:\n%s\nJSON:\n%s\n", dx.ptr, dj.ptr);
	CHECK_STR(dx.ptr, dj.ptr);
	CHECK_INT(x.n_components, 4);
	CHECK_INT(x.n_dependencies, 4);
	CHECK_INT(x.n_services, 2);
	CHECK(x.vex != NULL);
	CHECK_STR(x.components[2].name, "org.apache.logging.log4j:log4j-core");
	CHECK_STR(x.services[0].data, "outbound:PII, inbound:public");
	ym_buf_release(&dx);
	ym_buf_release(&dj);
}

/* 1.2-1.4 forms: data/classification, nested dependency, tools/tool in
 * a vulnerability, a prefixed root, extension elements ignored */
static void t_older_forms(void)
{
	ym_sbom b;
	ym_err e = YM_ERR_INIT;
	CHECK_INT(parse("<c:bom xmlns:c=\"http://cyclonedx.org/schema/bom/1.3\""
			" xmlns:x=\"urn:example\">"
			"<c:components><c:component type=\"library\">"
			"<x:name>ignored</x:name><c:name> 帳票 </c:name>"
			"<c:hashes><c:hash alg=\"MD5\">00ff</c:hash></c:hashes>"
			"<c:scope>excluded</c:scope>"
			"</c:component></c:components>"
			"<c:services><c:service><c:name>s</c:name>"
			"<c:data><c:classification flow=\"inbound\">PII"
			"</c:classification></c:data></c:service></c:services>"
			"<c:dependencies><c:dependency ref=\"a\">"
			"<c:dependency ref=\"b\"><c:dependency ref=\"c\"/>"
			"</c:dependency></c:dependency></c:dependencies>"
			"</c:bom>",
			&b, &e), 0);
	CHECK_STR(b.spec_version, "1.3");
	CHECK_INT(b.n_components, 1);
	CHECK_STR(b.components[0].name, "帳票");
	CHECK_STR(b.components[0].hashes, "MD5:00ff");
	CHECK_STR(b.components[0].scope, "excluded");
	CHECK_STR(b.services[0].data, "inbound:PII");
	CHECK_INT(b.n_dependencies, 2);
	CHECK_STR(b.dependencies[1].from, "b");
	CHECK_STR(b.dependencies[1].to, "c");
	CHECK(b.vex == NULL);
	CHECK_INT(parse("<bom xmlns=\"http://cyclonedx.org/schema/bom/1.4\">"
			"<vulnerabilities><vulnerability><id>X-1</id>"
			"<tools><tool><name>t</name></tool></tools>"
			"<properties><property name=\"k\">v</property>"
			"</properties></vulnerability></vulnerabilities></bom>",
			&b, &e), 0);
	CHECK_STR(b.vex, "[{\"id\":\"X-1\",\"tools\":[{\"name\":\"t\"}],"
			 "\"properties\":[{\"name\":\"k\",\"value\":\"v\"}]}]");
}

static void bad(const char *name, int code, const char *field, long line,
		const char *msg)
{
	char path[256];
	ym_sbom b;
	ym_err e = YM_ERR_INIT;
	snprintf(path, sizeof path, "tests/fixtures/sbom/bad/%s", name);
	CHECK_INT(parse_file(path, &b, &e, true), code);
	CHECK_STR(e.file, path);
	CHECK_STR(e.field, field);
	CHECK_INT(e.line, line);
	CHECK_STR(e.msg, msg);
}

static void t_bad_files(void)
{
	bad("xml-missing-name.xml", YM_E_INVALID,
	    "/bom/components/component[2]/name", 5,
	    "component has no name (required)");
	bad("xml-bad-purl.xml", YM_E_INVALID,
	    "/bom/components/component[1]/components/component[1]/purl", 9,
	    "invalid purl 'pkg:npm': missing package name");
	bad("xml-bad-namespace.xml", YM_E_INVALID, "/bom/@xmlns", 2,
	    "unsupported CycloneDX namespace "
	    "'http://cyclonedx.org/schema/bom/2.0' (expected "
	    "http://cyclonedx.org/schema/bom/1.0 to "
	    "http://cyclonedx.org/schema/bom/1.6)");
	bad("xml-doctype.xml", YM_E_INVALID, "", 2,
	    "a document type declaration is not allowed in an SBOM");
	bad("xml-bad-boolean.xml", YM_E_INVALID,
	    "/bom/services/service[1]/authenticated", 4,
	    "expected true or false");
}

static void t_hostile(void)
{
	ym_sbom b;
	ym_err e = YM_ERR_INIT;
	/* billion laughs never gets to expand */
	CHECK_INT(parse("<?xml version=\"1.0\"?><!DOCTYPE bom [<!ENTITY a "
			"\"aaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
			"<bom xmlns=\"http://cyclonedx.org/schema/bom/1.5\">"
			"<components><component><name>&b;</name></component>"
			"</components></bom>",
			&b, &e), YM_E_INVALID);
	ym_err_clear(&e);
	CHECK_INT(parse("<bom xmlns=\"http://cyclonedx.org/schema/bom/1.5\">"
			"<components><component><name>a",
			&b, &e), YM_E_PARSE);
	CHECK(strncmp(e.msg, "not well-formed XML: ", 21) == 0);
	CHECK_STR(e.file, "t.xml");
	ym_err_clear(&e);
	CHECK_INT(parse("<bom xmlns=\"http://cyclonedx.org/schema/bom/1.5\"/>"
			"<x/>",
			&b, &e), YM_E_PARSE);
	ym_err_clear(&e);
	CHECK_INT(parse("<bom xmlns=\"http://cyclonedx.org/schema/bom/1.5\">"
			"<components><component><name>\xff</name></component>"
			"</components></bom>",
			&b, &e), YM_E_PARSE);
	ym_err_clear(&e);
	CHECK_INT(parse("<sbom/>", &b, &e), YM_E_INVALID);
	CHECK_STR(e.field, "/");
	ym_err_clear(&e);
	CHECK_INT(ym_cyclonedx_parse_xml("", 0, "t.xml", &A, &b, &e),
		  YM_E_PARSE);
	/* an empty BOM is fine */
	CHECK_INT(parse("<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\"/>",
			&b, &e), 0);
	CHECK_INT(b.n_components, 0);
	CHECK(b.components != NULL);
}

int main(void)
{
	ym_arena_init(&A, 0);
	RUN(t_same_as_json);
	RUN(t_older_forms);
	RUN(t_bad_files);
	RUN(t_hostile);
	ym_arena_release(&A);
	return test_done();
}
