/* Unit tests for ids/purl: parse, normalise, format, package keys. */
#include "core/arena.h"
#include "ids/purl.h"
#include "test.h"

static ym_arena A;

static const char *canon(const char *s)
{
	ym_purl p;
	ym_err e = YM_ERR_INIT;
	if (ym_purl_parse(s, &A, &p, &e))
		return ym_arena_printf(&A, "error: %s", e.msg);
	return ym_purl_format(&p, &A);
}

static void t_parse_parts(void)
{
	ym_purl p;
	ym_err e = YM_ERR_INIT;
	CHECK_INT(ym_purl_parse("pkg:npm/%40babel/traverse@7.22.5", &A, &p,
				&e), 0);
	CHECK_STR(p.type, "npm");
	CHECK_STR(p.namespace_, "@babel");
	CHECK_STR(p.name, "traverse");
	CHECK_STR(p.version, "7.22.5");
	CHECK_INT(ym_purl_parse("pkg:maven/org.apache/commons-lang3@3.12.0"
				"?type=jar&classifier=sources#src/main",
				&A, &p, &e), 0);
	CHECK_STR(p.namespace_, "org.apache");
	CHECK_INT(p.n_qualifiers, 2);
	CHECK_STR(p.qualifiers[0].key, "classifier");
	CHECK_STR(p.qualifiers[1].value, "jar");
	CHECK_STR(p.subpath, "src/main");
}

static void t_canonical(void)
{
	CHECK_STR(canon("pkg:npm/%40babel/traverse@7.22.5"),
		  "pkg:npm/%40babel/traverse@7.22.5");
	CHECK_STR(canon("PKG:NPM/Lodash@4.17.15"), "pkg:npm/lodash@4.17.15");
	CHECK_STR(canon("pkg:pypi/PyYAML@5.3.1"), "pkg:pypi/pyyaml@5.3.1");
	CHECK_STR(canon("pkg:pypi/Foo_Bar.baz@1.0"), "pkg:pypi/foo-bar-baz@1.0");
	CHECK_STR(canon("pkg:maven/g/a@1?b=2&a=1"), "pkg:maven/g/a@1?a=1&b=2");
	CHECK_STR(canon("pkg://npm/x@1"), "pkg:npm/x@1");
	CHECK_STR(canon("pkg:generic/%E8%84%86%E5%BC%B1@1"),
		  "pkg:generic/%E8%84%86%E5%BC%B1@1");
}

static void t_errors(void)
{
	CHECK_STR(canon("npm/lodash@1"),
		  "error: invalid purl 'npm/lodash@1': missing 'pkg:' scheme");
	CHECK_STR(canon("pkg:npm"),
		  "error: invalid purl 'pkg:npm': missing package name");
	CHECK_STR(canon("pkg:1x/a"),
		  "error: invalid purl 'pkg:1x/a': invalid package type");
	CHECK_STR(canon("pkg:npm/a%zz@1"),
		  "error: invalid purl 'pkg:npm/a%zz@1': bad escape in name");
	CHECK_STR(canon("pkg:npm/a%2"),
		  "error: invalid purl 'pkg:npm/a%2': bad escape in name");
	CHECK_STR(canon("pkg:npm/a?x"),
		  "error: invalid purl 'pkg:npm/a?x': qualifier without "
		  "key=value");
}

/* Found by fuzz/fuzz_purl.c: the canonical form must be a fixed point. */
static void t_fixed_point(void)
{
	static const char *const in[] = {
		"pkg:npm/a#/b//c/",
		"pkg:github/x/y@1#%2E/%7E",
		"pkg:maven/g/a@1?k=2&k=1",
		"pkg:npm/%40s/a@1?q=a%2Fb#p",
	};
	for (size_t i = 0; i < sizeof in / sizeof in[0]; i++) {
		const char *once = canon(in[i]);
		CHECK(strncmp(once, "error", 5) != 0);
		CHECK_STR(canon(once), once);
	}
	/* a subpath segment holding an encoded '/' used to come back as
	 * "#/b", which parses again as "#b" */
	CHECK_STR(canon("pkg:npm/a#%2Fb"),
		  "error: invalid purl 'pkg:npm/a#%2Fb': "
		  "bad escape in subpath");
	CHECK_STR(canon("pkg:npm/a#b%2F"),
		  "error: invalid purl 'pkg:npm/a#b%2F': "
		  "bad escape in subpath");
	CHECK_STR(canon("pkg:npm/a#/b//c/"), "pkg:npm/a#b/c");
	CHECK_STR(canon("pkg:npm/a#//"), "pkg:npm/a");
	/* repeated keys are ordered by value, whatever the input order */
	CHECK_STR(canon("pkg:maven/g/a@1?k=2&k=1"), "pkg:maven/g/a@1?k=1&k=2");
	CHECK_STR(canon("pkg:maven/g/a@1?k=1&k=2"), "pkg:maven/g/a@1?k=1&k=2");
}

static void t_keys(void)
{
	CHECK_STR(ym_pkg_key("npm", "@Babel", "Traverse", &A),
		  "@babel/traverse");
	CHECK_STR(ym_pkg_key("pypi", NULL, "Jinja2", &A), "jinja2");
	CHECK_STR(ym_pkg_key_for_ecosystem("PyPI", "PyYAML", &A), "pyyaml");
	CHECK_STR(ym_pkg_key_for_ecosystem("npm", "@babel/traverse", &A),
		  "@babel/traverse");
	CHECK_STR(ym_purl_type_for_ecosystem("crates.io"), "cargo");
	CHECK(ym_purl_type_for_ecosystem("Nope") == NULL);
}

int main(void)
{
	ym_arena_init(&A, 0);
	RUN(t_parse_parts);
	RUN(t_canonical);
	RUN(t_errors);
	RUN(t_fixed_point);
	RUN(t_keys);
	ym_arena_release(&A);
	return test_done();
}
