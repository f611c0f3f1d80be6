/* Unit tests for match/cpe_eval: configurations rebuilt from rows, their
 * evaluation against a component and the asset's platforms, confidence,
 * evidence JSON and name normalisation; then real NVD records from
 * ../shared/data/nvd/api-2.0 (skipped when that folder is absent). */
#include <sys/stat.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/json.h"
#include "feeds/nvd.h"
#include "match/cpe_eval.h"
#include "test.h"

static ym_arena A;

#define NROWS(r) (sizeof(r) / sizeof *(r))

/* Builds a config; on failure CHECKs fail in the caller via NULL. */
static ym_cpe_config *build(const ym_cpe_criterion *rows, size_t n)
{
	ym_cpe_config *c = ym_arena_alloc(&A, sizeof *c);
	ym_err e = YM_ERR_INIT;
	if (ym_cpe_config_build(rows, n, &A, c, &e)) {
		fprintf(stderr, "build: %s\n", e.msg);
		return NULL;
	}
	return c;
}

/* "error: msg [field]" or "ok". */
static const char *build_err(const ym_cpe_criterion *rows, size_t n)
{
	ym_cpe_config c;
	ym_err e = YM_ERR_INIT;
	if (!ym_cpe_config_build(rows, n, &A, &c, &e))
		return "ok";
	return ym_arena_printf(&A, "error: %s [%s]", e.msg, e.field);
}

static ym_cpe_subject *subj(const char *cpe, const char *version)
{
	ym_cpe_subject *s = ym_arena_alloc(&A, sizeof *s);
	ym_err e = YM_ERR_INIT;
	if (ym_cpe_subject_from_cpe(s, cpe, version, &A, &e)) {
		fprintf(stderr, "subject %s: %s\n", cpe, e.msg);
		return NULL;
	}
	return s;
}

/* Platforms "cpe|cpe"; "" is unknown. */
static size_t plats(const char *list, ym_cpe_subject **out)
{
	size_t n = 0;
	*out = ym_arena_alloc(&A, 4 * sizeof **out);
	while (list && *list && n < 4) {
		const char *bar = strchr(list, '|');
		size_t len = bar ? (size_t)(bar - list) : strlen(list);
		char *one = ym_arena_strndup(&A, list, len);
		ym_err e = YM_ERR_INIT;
		if (ym_cpe_subject_from_cpe(&(*out)[n], one, NULL, &A, &e))
			fprintf(stderr, "platform %s: %s\n", one, e.msg);
		n++;
		list = bar ? bar + 1 : NULL;
	}
	return n;
}

/* The verdict as one line: "high row=2 bound=versionEndExcluding
 * plat=satisfied#0 why=a,b", "no", "no row=0 plat=failed". */
static const char *describe(const ym_cpe_eval_result *r)
{
	ym_buf b = YM_BUF_INIT;
	ym_buf_adds(&b, r->matched ? ym_cpe_confidence_name(r->confidence)
				   : "no");
	if (r->crit)
		ym_buf_printf(&b, " row=%zu", r->crit->row);
	if (r->bound)
		ym_buf_printf(&b, " bound=%s", ym_cpe_bound_name(r->bound));
	if (r->platform) {
		ym_buf_printf(&b, " plat=%s",
			      ym_cpe_platform_check_name(r->platform));
		if (r->platform_index >= 0)
			ym_buf_printf(&b, "#%d", r->platform_index);
	}
	for (int i = 0; i < YM_CPE_WHY_COUNT_; i++)
		if (r->why & (1u << i))
			ym_buf_printf(&b, "%s%s",
				      (r->why & ((1u << i) - 1)) ? ","
								 : " why=",
				      ym_cpe_why_name(1u << i));
	const char *s = ym_arena_strdup(&A, b.ptr);
	ym_buf_release(&b);
	return s;
}

static const char *ev(const ym_cpe_config *c, const char *cpe,
		      const char *version, const char *platforms)
{
	if (!c)
		return "no config";
	ym_cpe_subject *s = subj(cpe, version), *p;
	if (!s)
		return "bad subject";
	size_t n = plats(platforms, &p);
	ym_cpe_eval_result r;
	bool m = ym_cpe_eval(c, s, p, n, &r);
	if (m != r.matched)
		return "inconsistent";
	return describe(&r);
}

static const char *ev_name(const ym_cpe_config *c, const char *vendor,
			   const char *product, const char *version,
			   bool normalised)
{
	ym_cpe_subject s;
	ym_err e = YM_ERR_INIT;
	if (ym_cpe_subject_from_name(&s, vendor, product, version, normalised,
				     &A, &e))
		return ym_arena_printf(&A, "error: %s", e.msg);
	ym_cpe_eval_result r;
	ym_cpe_eval(c, &s, NULL, 0, &r);
	return describe(&r);
}

/* Shorthands for rows. */
#define VULN(cfg_, node_, crit_)                                          \
	{ .config = (cfg_), .node = (node_), .vulnerable = true,          \
	  .criteria = (crit_) }
#define BOUNDS(si, se, ei, ee)                                            \
	.start_incl = (si), .start_excl = (se), .end_incl = (ei),          \
	.end_excl = (ee)

/* --- OR --- */

static void t_or(void)
{
	const ym_cpe_criterion rows[] = {
		{.vulnerable = true,
		 .criteria = "cpe:2.3:a:acme:widget:*:*:*:*:*:*:*:*",
		 BOUNDS("1.0", NULL, NULL, "2.0")},
		VULN(0, 0, "cpe:2.3:a:acme:gadget:3.1:*:*:*:*:*:*:*"),
		VULN(0, 0, "cpe:2.3:a:acme:widget:2.5:*:*:*:*:*:*:*"),
	};
	ym_cpe_config *c = build(rows, NROWS(rows));
	CHECK(c);
	CHECK_INT(c->n_cfgs, 1);
	CHECK_INT(c->cfgs[0].n_nodes, 1);
	CHECK_INT(c->cfgs[0].nodes[0].n_crit, 3);
	CHECK_STR(ev(c, "cpe:2.3:a:acme:widget:1.5:*:*:*:*:*:*:*", NULL, ""),
		  "high row=0 bound=versionEndExcluding");
	CHECK_STR(ev(c, "cpe:2.3:a:acme:widget", "1.0", ""),
		  "high row=0 bound=versionEndExcluding");
	CHECK_STR(ev(c, "cpe:2.3:a:acme:widget", "2.0", ""), "no");
	CHECK_STR(ev(c, "cpe:2.3:a:acme:widget", "0.9", ""), "no");
	CHECK_STR(ev(c, "cpe:2.3:a:acme:widget", "2.5", ""), "high row=2");
	CHECK_STR(ev(c, "cpe:2.3:a:acme:gadget", "3.1", ""), "high row=1");
	CHECK_STR(ev(c, "cpe:2.3:a:acme:gadget", "3.2", ""), "no");
	CHECK_STR(ev(c, "cpe:2.3:a:other:widget", "1.5", ""), "no");
	/* part decides too: an OS named widget is not the application */
	CHECK_STR(ev(c, "cpe:2.3:o:acme:widget", "1.5", ""), "no");
	/* the URI binding is a CPE as well */
	CHECK_STR(ev(c, "cpe:/a:acme:widget:1.9", NULL, ""),
		  "high row=0 bound=versionEndExcluding");
	/* an OR node holds with platforms around: no platform condition */
	CHECK_STR(ev(c, "cpe:2.3:a:acme:widget", "1.5",
		     "cpe:2.3:o:debian:debian_linux:12"),
		  "high row=0 bound=versionEndExcluding");
	/* no version: bounds cannot be decided, not affected */
	CHECK_STR(ev(c, "cpe:2.3:a:acme:widget", NULL, ""), "no");
}

/* --- AND with a running-on platform --- */

static const ym_cpe_criterion win_rows[] = {
	{.config = 0, .config_op = "AND", .node = 0, .node_op = "OR",
	 .vulnerable = true,
	 .criteria = "cpe:2.3:a:acme:agent:*:*:*:*:*:*:*:*",
	 BOUNDS("7.5", NULL, NULL, "7.5.101")},
	{.config = 0, .config_op = "AND", .node = 1, .node_op = "OR",
	 .vulnerable = false,
	 .criteria = "cpe:2.3:o:microsoft:windows:-:*:*:*:*:*:*:*"},
};

static void t_and_platform(void)
{
	ym_cpe_config *c = build(win_rows, NROWS(win_rows));
	CHECK(c);
	const char *agent = "cpe:2.3:a:acme:agent:7.5.100:*:*:*:*:*:*:*";
	CHECK_STR(ev(c, agent, NULL,
		     "cpe:2.3:o:microsoft:windows_10:21h2:*:*:*:*:*:x64:*"),
		  "high row=0 bound=versionEndExcluding plat=satisfied#0");
	CHECK_STR(ev(c, agent, NULL,
		     "cpe:2.3:h:lenovo:thinkpad_x1:-|"
		     "cpe:2.3:o:microsoft:windows_server_2022:-"),
		  "high row=0 bound=versionEndExcluding plat=satisfied#1");
	CHECK_STR(ev(c, agent, NULL, "cpe:2.3:o:microsoft:windows:-"),
		  "high row=0 bound=versionEndExcluding plat=satisfied#0");
	/* the Windows-only CVE on Linux: not affected */
	CHECK_STR(ev(c, agent, NULL, "cpe:2.3:o:debian:debian_linux:12"),
		  "no row=0 plat=failed");
	/* "windowsxp" is not of the windows_ family */
	CHECK_STR(ev(c, agent, NULL, "cpe:2.3:o:microsoft:windowsxp:-"),
		  "no row=0 plat=failed");
	/* platform unknown: matched, lowered, condition not checked */
	CHECK_STR(ev(c, agent, NULL, ""),
		  "medium row=0 bound=versionEndExcluding plat=not_checked "
		  "why=platform_unknown");
	/* version outside: nothing, whatever the platform */
	CHECK_STR(ev(c, "cpe:2.3:a:acme:agent:7.5.101", NULL,
		     "cpe:2.3:o:microsoft:windows_10:-"),
		  "no");
	/* a component that only matches the platform criterion is not
	 * affected */
	CHECK_STR(ev(c, "cpe:2.3:o:microsoft:windows_10:21h2", NULL,
		     "cpe:2.3:o:microsoft:windows_10:21h2"),
		  "no");
	CHECK_STR(ev(c, "cpe:2.3:o:microsoft:windows:-", NULL, ""), "no");
}

/* A running-on criterion with a version the known platform lacks. */
static void t_platform_partial(void)
{
	const ym_cpe_criterion rows[] = {
		{.config_op = "AND", .vulnerable = true,
		 .criteria = "cpe:2.3:a:acme:driver:1.0:*:*:*:*:*:*:*"},
		{.config_op = "AND", .node = 1, .vulnerable = false,
		 .criteria = "cpe:2.3:o:linux:linux_kernel:*:*:*:*:*:*:*:*",
		 BOUNDS(NULL, NULL, NULL, "5.10")},
		{.config_op = "AND", .node = 2, .vulnerable = false,
		 .criteria = "cpe:2.3:h:acme:board:-:*:*:*:*:*:*:*"},
	};
	ym_cpe_config *c = build(rows, NROWS(rows));
	CHECK(c);
	const char *drv = "cpe:2.3:a:acme:driver:1.0";
	CHECK_STR(ev(c, drv, NULL,
		     "cpe:2.3:o:linux:linux_kernel:5.4|cpe:2.3:h:acme:board:-"),
		  "high row=0 plat=satisfied#0");
	CHECK_STR(ev(c, drv, NULL,
		     "cpe:2.3:o:linux:linux_kernel:6.1|cpe:2.3:h:acme:board:-"),
		  "no row=0 plat=failed");
	/* kernel known, its version not: undecided */
	CHECK_STR(ev(c, drv, NULL,
		     "cpe:2.3:o:linux:linux_kernel|cpe:2.3:h:acme:board:-"),
		  "medium row=0 plat=not_checked why=platform_version_unknown");
	/* the board is missing: fails although the kernel is undecided */
	CHECK_STR(ev(c, drv, NULL, "cpe:2.3:o:linux:linux_kernel"),
		  "no row=0 plat=failed");
}

/* --- negate --- */

static void t_negate(void)
{
	const ym_cpe_criterion rows[] = {
		{.config_op = "AND", .vulnerable = true,
		 .criteria = "cpe:2.3:a:acme:lib:*:*:*:*:*:*:*:*",
		 BOUNDS(NULL, NULL, NULL, "3.0")},
		{.config_op = "AND", .node = 1, .node_negate = true,
		 .vulnerable = false,
		 .criteria = "cpe:2.3:o:acme:os:1.0:*:*:*:*:*:*:*"},
		/* second record-level configuration: a negated node only */
		{.config = 1, .node_negate = true, .vulnerable = true,
		 .criteria = "cpe:2.3:a:acme:tool:1.0:*:*:*:*:*:*:*"},
	};
	ym_cpe_config *c = build(rows, NROWS(rows));
	CHECK(c);
	CHECK(c->cfgs[0].nodes[1].negate);
	/* on os 1.0 the negated node fails */
	CHECK_STR(ev(c, "cpe:2.3:a:acme:lib:2.0", NULL,
		     "cpe:2.3:o:acme:os:1.0"),
		  "no row=0 plat=failed");
	/* on any other os it holds */
	CHECK_STR(ev(c, "cpe:2.3:a:acme:lib:2.0", NULL,
		     "cpe:2.3:o:acme:os:2.0"),
		  "high row=0 bound=versionEndExcluding plat=satisfied");
	CHECK_STR(ev(c, "cpe:2.3:a:acme:lib:2.0", NULL, ""),
		  "medium row=0 bound=versionEndExcluding plat=not_checked "
		  "why=platform_unknown");
	/* a component matched only inside a negated node is not affected,
	 * nor is one that makes the negated node hold by not matching */
	CHECK_STR(ev(c, "cpe:2.3:a:acme:tool:1.0", NULL, ""), "no");
	CHECK_STR(ev(c, "cpe:2.3:a:acme:tool:2.0", NULL, ""), "no");
}

/* --- several configurations --- */

static void t_multiple(void)
{
	const ym_cpe_criterion rows[] = {
		/* out of order on purpose: the build groups them */
		{.config = 1, .vulnerable = true,
		 .criteria = "cpe:2.3:a:acme:lib:*:*:*:*:*:*:*:*",
		 BOUNDS(NULL, NULL, NULL, "1.5")},
		{.config = 0, .config_op = "AND", .node = 1,
		 .vulnerable = false,
		 .criteria = "cpe:2.3:o:microsoft:windows:-:*:*:*:*:*:*:*"},
		{.config = 0, .config_op = "AND", .node = 0,
		 .vulnerable = true,
		 .criteria = "cpe:2.3:a:acme:lib:*:*:*:*:*:*:*:*",
		 BOUNDS(NULL, NULL, NULL, "2.0")},
	};
	ym_cpe_config *c = build(rows, NROWS(rows));
	CHECK(c);
	CHECK_INT(c->n_cfgs, 2);
	CHECK_INT(c->cfgs[0].n_nodes, 2);
	CHECK_INT(c->cfgs[0].nodes[0].crit[0].row, 2);
	CHECK_INT(c->cfgs[0].nodes[1].crit[0].row, 1);
	CHECK_INT(c->cfgs[1].nodes[0].crit[0].row, 0);
	const char *deb = "cpe:2.3:o:debian:debian_linux:12";
	const char *win = "cpe:2.3:o:microsoft:windows_11:-";
	/* cfg 0 fails on Linux, cfg 1 holds */
	CHECK_STR(ev(c, "cpe:2.3:a:acme:lib:1.2", NULL, deb),
		  "high row=0 bound=versionEndExcluding");
	CHECK_STR(ev(c, "cpe:2.3:a:acme:lib:1.7", NULL, deb),
		  "no row=2 plat=failed");
	CHECK_STR(ev(c, "cpe:2.3:a:acme:lib:1.7", NULL, win),
		  "high row=2 bound=versionEndExcluding plat=satisfied#0");
	/* both hold on Windows: the first of equal confidence */
	CHECK_STR(ev(c, "cpe:2.3:a:acme:lib:1.2", NULL, win),
		  "high row=2 bound=versionEndExcluding plat=satisfied#0");
	/* platform unknown: cfg 1 (high) beats cfg 0 (medium) */
	CHECK_STR(ev(c, "cpe:2.3:a:acme:lib:1.2", NULL, ""),
		  "high row=0 bound=versionEndExcluding");
	CHECK_STR(ev(c, "cpe:2.3:a:acme:lib:1.7", NULL, ""),
		  "medium row=2 bound=versionEndExcluding plat=not_checked "
		  "why=platform_unknown");
	CHECK_STR(ev(c, "cpe:2.3:a:acme:lib:2.0", NULL, ""), "no");
}

/* Old configurations: "application AND operating system", both
 * vulnerable; the OS part is met by the platform. */
static void t_and_vulnerable_os(void)
{
	const ym_cpe_criterion rows[] = {
		{.config_op = "AND", .vulnerable = true,
		 .criteria = "cpe:2.3:a:acme:daemon:2.1:*:*:*:*:*:*:*"},
		{.config_op = "AND", .node = 1, .vulnerable = true,
		 .criteria = "cpe:2.3:o:sun:solaris:2.5:*:*:*:*:*:*:*"},
	};
	ym_cpe_config *c = build(rows, NROWS(rows));
	CHECK(c);
	CHECK_STR(ev(c, "cpe:2.3:a:acme:daemon:2.1", NULL,
		     "cpe:2.3:o:sun:solaris:2.5"),
		  "high row=0 plat=satisfied#0");
	CHECK_STR(ev(c, "cpe:2.3:a:acme:daemon:2.1", NULL,
		     "cpe:2.3:o:sun:solaris:2.6"),
		  "no row=0 plat=failed");
	CHECK_STR(ev(c, "cpe:2.3:a:acme:daemon:2.1", NULL, ""),
		  "medium row=0 plat=not_checked why=platform_unknown");
	/* the OS examined as a component: an application criterion is
	 * never met by a platform, so the configuration fails */
	CHECK_STR(ev(c, "cpe:2.3:o:sun:solaris:2.5", NULL, ""), "no row=1");
}

/* --- version bounds and schemes --- */

static void t_bounds_generic(void)
{
	const ym_cpe_criterion rows[] = {
		{.vulnerable = true,
		 .criteria = "cpe:2.3:a:acme:one:*:*:*:*:*:*:*:*",
		 BOUNDS("1.0", NULL, "1.4", NULL)},
		{.vulnerable = true,
		 .criteria = "cpe:2.3:a:acme:two:*:*:*:*:*:*:*:*",
		 BOUNDS(NULL, "1.0", NULL, NULL)},
		{.vulnerable = true,
		 .criteria = "cpe:2.3:a:cisco:ios:*:*:*:*:*:*:*:*",
		 .end_excl = "12.6\\(1\\)"},
	};
	ym_cpe_config *c = build(rows, NROWS(rows));
	CHECK(c);
	CHECK_INT(c->cfgs[0].nodes[0].crit[0].scheme, YM_SCHEME_GENERIC);
	CHECK_STR(ev(c, "cpe:2.3:a:acme:one:1.0", NULL, ""),
		  "high row=0 bound=versionEndIncluding");
	CHECK_STR(ev(c, "cpe:2.3:a:acme:one:1.4", NULL, ""),
		  "high row=0 bound=versionEndIncluding");
	CHECK_STR(ev(c, "cpe:2.3:a:acme:one:1.4.1", NULL, ""), "no");
	CHECK_STR(ev(c, "cpe:2.3:a:acme:one:0.9", NULL, ""), "no");
	CHECK_STR(ev(c, "cpe:2.3:a:acme:two:1.0", NULL, ""), "no");
	CHECK_STR(ev(c, "cpe:2.3:a:acme:two:1.0.1", NULL, ""),
		  "high row=1 bound=versionStartExcluding");
	/* a bound quoted as in a CPE is read without its backslashes */
	CHECK_STR(c->cfgs[0].nodes[0].crit[2].bound[YM_CPE_END_EXCLUDING],
		  "12.6(1)");
	CHECK_STR(ev(c, "cpe:2.3:a:cisco:ios", "12.5(3)", ""),
		  "high row=2 bound=versionEndExcluding");
	CHECK_STR(ev(c, "cpe:2.3:a:cisco:ios", "12.6(1)", ""), "no");
	/* NA version is never within bounds */
	CHECK_STR(ev(c, "cpe:2.3:a:acme:one:-", NULL, ""), "no");
}

/* The dotted-digits fast path orders as the generic scheme does. */
static void t_fast_path_agrees(void)
{
	static const char *const v[] = {
		"1", "1.0", "1.0.0", "1.00", "01.2", "1.2", "1.10", "1.9",
		"2.0.1", "10.0.0.1", "2.15.0", "2.15", "0", "0.0.0.0.0.0.0.0",
		"1.0.0.0.0.0.0.0.1", "123456789012345678.1", "1..2", "1.2."};
	size_t n = sizeof v / sizeof *v;
	for (size_t i = 0; i < n; i++) {
		ym_cpe_criterion row = {
			.vulnerable = true,
			.criteria = "cpe:2.3:a:acme:x:*:*:*:*:*:*:*:*",
			.start_incl = v[i]};
		ym_cpe_config c;
		CHECK_INT(ym_cpe_config_build(&row, 1, &A, &c, NULL), 0);
		for (size_t j = 0; j < n; j++) {
			int cmp;
			CHECK_INT(ym_version_cmp(YM_SCHEME_GENERIC, v[j], v[i],
						 &cmp, NULL),
				  0);
			const char *got = ev(&c, "cpe:2.3:a:acme:x", v[j], "");
			bool in = strcmp(got, "no") != 0;
			if (in != (cmp >= 0))
				TEST_FAIL_("%s >= %s: eval %s, generic %d",
					   v[j], v[i], got, cmp);
		}
	}
}

static void t_bounds_schemes(void)
{
	const ym_cpe_criterion rows[] = {
		{.vulnerable = true,
		 .criteria = "cpe:2.3:a:lodash:lodash:*:*:*:*:*:node.js:*:*",
		 .end_excl = "4.17.21"},
		{.vulnerable = true,
		 .criteria = "cpe:2.3:a:djangoproject:django:*:*:*:*:*:python:*:*",
		 .end_incl = "2.0"},
		{.vulnerable = true,
		 .criteria = "cpe:2.3:a:acme:plain:*:*:*:*:*:*:*:*",
		 .end_incl = "2.0"},
		{.vulnerable = true,
		 .criteria = "cpe:2.3:a:openssl:openssl:*:*:*:*:*:*:*:*",
		 .start_incl = "1.0.2", .end_excl = "1.0.2k"},
		/* "!!" is no version in any scheme */
		{.vulnerable = true,
		 .criteria = "cpe:2.3:a:acme:broken:*:*:*:*:*:*:*:*",
		 .end_excl = "!!"},
	};
	ym_cpe_config *c = build(rows, NROWS(rows));
	CHECK(c);
	const ym_cpe_crit *k = c->cfgs[0].nodes[0].crit;
	CHECK_INT(k[0].scheme, YM_SCHEME_NPM);
	CHECK_INT(k[1].scheme, YM_SCHEME_PYPI);
	CHECK_INT(k[2].scheme, YM_SCHEME_GENERIC);
	CHECK_INT(k[3].scheme, YM_SCHEME_OPENSSL);
	CHECK(k[4].bad_bounds);
	CHECK_INT(c->n_bad_bounds, 1);
	/* npm: a pre-release sorts before its release */
	CHECK_STR(ev(c, "cpe:2.3:a:lodash:lodash", "4.17.21-beta.1", ""),
		  "high row=0 bound=versionEndExcluding");
	CHECK_STR(ev(c, "cpe:2.3:a:lodash:lodash", "4.17.20", ""),
		  "high row=0 bound=versionEndExcluding");
	CHECK_STR(ev(c, "cpe:2.3:a:lodash:lodash", "4.17.21", ""), "no");
	/* target_sw is not given by the component: taken as matching */
	CHECK_STR(ev(c, "cpe:2.3:a:lodash:lodash:4.17.20:*:*:*:*:node.js",
		     NULL, ""),
		  "high row=0 bound=versionEndExcluding");
	CHECK_STR(ev(c, "cpe:2.3:a:lodash:lodash:4.17.20:*:*:*:*:python",
		     NULL, ""),
		  "no");
	/* npm cannot read four parts: compared generically, lowered */
	CHECK_STR(ev(c, "cpe:2.3:a:lodash:lodash", "4.17.20.1", ""),
		  "medium row=0 bound=versionEndExcluding "
		  "why=scheme_fallback");
	/* PEP 440: 2.0.0 == 2.0; generic: 2.0.0 > 2.0 */
	CHECK_STR(ev(c, "cpe:2.3:a:djangoproject:django", "2.0.0", ""),
		  "high row=1 bound=versionEndIncluding");
	CHECK_STR(ev(c, "cpe:2.3:a:acme:plain", "2.0.0", ""), "no");
	CHECK_STR(ev(c, "cpe:2.3:a:acme:plain", "2.0", ""),
		  "high row=2 bound=versionEndIncluding");
	/* OpenSSL letters */
	CHECK_STR(ev(c, "cpe:2.3:a:openssl:openssl", "1.0.2j", ""),
		  "high row=3 bound=versionEndExcluding");
	CHECK_STR(ev(c, "cpe:2.3:a:openssl:openssl", "1.0.2", ""),
		  "high row=3 bound=versionEndExcluding");
	CHECK_STR(ev(c, "cpe:2.3:a:openssl:openssl", "1.0.2k", ""), "no");
	CHECK_STR(ev(c, "cpe:2.3:a:openssl:openssl", "1.0.1u", ""), "no");
	CHECK_STR(ev(c, "cpe:2.3:a:acme:broken", "1.0", ""), "no");
	CHECK_INT(ym_cpe_scheme_for(&k[0].cpe), YM_SCHEME_NPM);
}

/* --- wildcard and NA versions --- */

static void t_versions_special(void)
{
	const ym_cpe_criterion rows[] = {
		VULN(0, 0, "cpe:2.3:a:acme:na:-:*:*:*:*:*:*:*"),
		VULN(0, 0, "cpe:2.3:a:acme:all:*:*:*:*:*:*:*:*"),
		VULN(0, 0, "cpe:2.3:a:acme:pre:1.2*:*:*:*:*:*:*:*"),
		{.vulnerable = true,
		 .criteria = "cpe:2.3:a:apache:log4j:*:*:*:*:*:*:*:*",
		 BOUNDS("2.13.0", NULL, NULL, "2.15.0")},
		VULN(0, 0, "cpe:2.3:a:apache:log4j:2.0:beta9:*:*:*:*:*:*"),
		VULN(0, 0, "cpe:2.3:o:debian:debian_linux:10.0:*:*:*:*:*:*:*"),
	};
	ym_cpe_config *c = build(rows, NROWS(rows));
	CHECK(c);
	/* NA */
	CHECK_STR(ev(c, "cpe:2.3:a:acme:na:-", NULL, ""), "high row=0");
	CHECK_STR(ev(c, "cpe:2.3:a:acme:na", "-", ""), "high row=0");
	CHECK_STR(ev(c, "cpe:2.3:a:acme:na", "1.0", ""), "no");
	CHECK_STR(ev(c, "cpe:2.3:a:acme:na", NULL, ""), "no");
	/* ANY without bounds: every version, even none */
	CHECK_STR(ev(c, "cpe:2.3:a:acme:all", "9.9", ""), "high row=1");
	CHECK_STR(ev(c, "cpe:2.3:a:acme:all", NULL, ""), "high row=1");
	/* a criteria version with a wildcard (JVN prefix) */
	CHECK_STR(ev(c, "cpe:2.3:a:acme:pre", "1.2.5", ""),
		  "medium row=2 why=criteria_wildcard");
	CHECK_STR(ev(c, "cpe:2.3:a:acme:pre", "1.3", ""), "no");
	CHECK_STR(ev(c, "cpe:2.3:a:acme:pre", "1*", ""),
		  "medium row=2 why=version_prefix");
	/* a component version given as a prefix */
	CHECK_STR(ev(c, "cpe:2.3:a:apache:log4j", "2.14.*", ""),
		  "medium row=3 bound=versionEndExcluding why=version_prefix");
	CHECK_STR(ev(c, "cpe:2.3:a:apache:log4j", "2*", ""),
		  "medium row=3 bound=versionEndExcluding why=version_prefix");
	CHECK_STR(ev(c, "cpe:2.3:a:apache:log4j", "2.16*", ""), "no");
	CHECK_STR(ev(c, "cpe:2.3:a:apache:log4j", "2.1*", ""), "no");
	CHECK_STR(ev(c, "cpe:2.3:a:apache:log4j:2.14*", NULL, ""),
		  "medium row=3 bound=versionEndExcluding why=version_prefix");
	/* other wildcards in the component's version: never inside */
	CHECK_STR(ev(c, "cpe:2.3:a:apache:log4j:2.1?", NULL, ""), "no");
	/* update: named by the criteria, not given by the component */
	CHECK_STR(ev(c, "cpe:2.3:a:apache:log4j:2.0", NULL, ""),
		  "medium row=4 why=attribute_unspecified");
	CHECK_STR(ev(c, "cpe:2.3:a:apache:log4j:2.0:beta9", NULL, ""),
		  "high row=4");
	CHECK_STR(ev(c, "cpe:2.3:a:apache:log4j:2.0:rc1", NULL, ""), "no");
	/* "10" and "10.0" are the same Debian release */
	CHECK_STR(ev(c, "cpe:2.3:o:debian:debian_linux:10", NULL, ""),
		  "high row=5");
	CHECK_STR(ev(c, "cpe:2.3:o:debian:debian_linux:10.0.0", NULL, ""),
		  "high row=5");
	CHECK_STR(ev(c, "cpe:2.3:o:debian:debian_linux:1", NULL, ""), "no");
	CHECK_STR(ev(c, "cpe:2.3:o:debian:debian_linux:100", NULL, ""), "no");
}

/* --- unparsed rows and components without CPE --- */

static void t_low(void)
{
	const ym_cpe_criterion rows[] = {
		{.vulnerable = true, .unparsed = true,
		 .criteria = "cpe:2.3:a:acme:jp:*:*:*:*:*:*:*:*",
		 .text = "1.0 \xe5\x8f\x8a\xe3\x81\xb3\xe3\x81\x9d\xe3\x82"
			 "\x8c\xe4\xbb\xa5\xe5\x89\x8d"},
		{.config = 1, .vulnerable = true, .unparsed = true,
		 .criteria = "cpe:2.3:a:acme:guess:*:*:*:*:*:*:*:*",
		 .end_excl = "3.0"},
		{.config = 2, .vulnerable = true,
		 .criteria = "cpe:2.3:a:apache:log4j:*:*:*:*:*:*:*:*",
		 BOUNDS("2.13.0", NULL, NULL, "2.15.0")},
	};
	ym_cpe_config *c = build(rows, NROWS(rows));
	CHECK(c);
	CHECK_STR(ev(c, "cpe:2.3:a:acme:jp", "5.0", ""),
		  "low row=0 why=criterion_unparsed");
	CHECK_STR(ev(c, "cpe:2.3:a:acme:guess", "2.0", ""),
		  "low row=1 bound=versionEndExcluding "
		  "why=criterion_unparsed");
	CHECK_STR(ev(c, "cpe:2.3:a:acme:guess", "3.0", ""), "no");
	/* name only */
	CHECK_STR(ev_name(c, "apache", "log4j", "2.14.1", false),
		  "low row=2 bound=versionEndExcluding why=name_only");
	CHECK_STR(ev_name(c, NULL, "log4j", "2.14.1", false),
		  "low row=2 bound=versionEndExcluding why=name_only");
	CHECK_STR(ev_name(c, "apache", "log4j", "2.14.1", true),
		  "low row=2 bound=versionEndExcluding why=normalised_name");
	CHECK_STR(ev_name(c, "apache", "log4j", "2.15.0", true), "no");
	CHECK_STR(ev_name(c, "other", "log4j", "2.14.1", false), "no");
	CHECK_STR(ev_name(c, "apache", "", "1", false),
		  "error: a component without CPE needs a product name");
	/* a CPE component with vendor ANY does not match by name */
	CHECK_STR(ev(c, "cpe:2.3:a:*:log4j:2.14.1", NULL, ""), "no");
}

/* --- malformed configurations --- */

static void t_malformed(void)
{
	const ym_cpe_criterion bad_op[] = {
		VULN(0, 0, "cpe:2.3:a:a:b:*:*:*:*:*:*:*:*"),
		{.node_op = "XOR", .vulnerable = true,
		 .criteria = "cpe:2.3:a:a:c:*:*:*:*:*:*:*:*"},
	};
	CHECK_STR(build_err(bad_op, 2),
		  "error: invalid CPE configuration row 1: node operator "
		  "'XOR' is neither AND nor OR [cpes[1]]");
	const ym_cpe_criterion lower_op[] = {
		{.config_op = "and", .vulnerable = true,
		 .criteria = "cpe:2.3:a:a:b:*:*:*:*:*:*:*:*"},
	};
	CHECK_STR(build_err(lower_op, 1),
		  "error: invalid CPE configuration row 0: configuration "
		  "operator 'and' is neither AND nor OR [cpes[0]]");
	const ym_cpe_criterion cfg_gap[] = {
		VULN(0, 0, "cpe:2.3:a:a:b:*:*:*:*:*:*:*:*"),
		VULN(2, 0, "cpe:2.3:a:a:c:*:*:*:*:*:*:*:*"),
	};
	CHECK_STR(build_err(cfg_gap, 2),
		  "error: invalid CPE configuration row 1: configuration 2 "
		  "follows 0 [cpes[1]]");
	const ym_cpe_criterion cfg_start[] = {
		VULN(1, 0, "cpe:2.3:a:a:b:*:*:*:*:*:*:*:*"),
	};
	CHECK_STR(build_err(cfg_start, 1),
		  "error: invalid CPE configuration row 0: configuration 1 "
		  "follows -1 [cpes[0]]");
	const ym_cpe_criterion node_gap[] = {
		VULN(0, 0, "cpe:2.3:a:a:b:*:*:*:*:*:*:*:*"),
		VULN(0, 0, "cpe:2.3:a:a:d:*:*:*:*:*:*:*:*"),
		VULN(0, 3, "cpe:2.3:a:a:c:*:*:*:*:*:*:*:*"),
	};
	CHECK_STR(build_err(node_gap, 3),
		  "error: invalid CPE configuration row 2: node 3 of "
		  "configuration 0 follows 0 [cpes[2]]");
	const ym_cpe_criterion neg[] = {
		VULN(0, -1, "cpe:2.3:a:a:b:*:*:*:*:*:*:*:*"),
	};
	CHECK_STR(build_err(neg, 1),
		  "error: invalid CPE configuration row 0: negative index "
		  "[cpes[0]]");
	const ym_cpe_criterion two_ops[] = {
		{.config_op = "AND", .vulnerable = true,
		 .criteria = "cpe:2.3:a:a:b:*:*:*:*:*:*:*:*"},
		{.config_op = "OR", .node = 1, .vulnerable = true,
		 .criteria = "cpe:2.3:a:a:c:*:*:*:*:*:*:*:*"},
	};
	CHECK_STR(build_err(two_ops, 2),
		  "error: invalid CPE configuration row 1: configuration 0 "
		  "has two operators [cpes[1]]");
	const ym_cpe_criterion two_neg[] = {
		VULN(0, 0, "cpe:2.3:a:a:b:*:*:*:*:*:*:*:*"),
		{.node_negate = true, .vulnerable = true,
		 .criteria = "cpe:2.3:a:a:c:*:*:*:*:*:*:*:*"},
	};
	CHECK_STR(build_err(two_neg, 2),
		  "error: invalid CPE configuration row 1: node 0 of "
		  "configuration 0 has two operators or negate flags "
		  "[cpes[1]]");
	const ym_cpe_criterion bad_cpe[] = {
		VULN(0, 0, "cpe:2.3:a:a:b:*:*:*:*:*:*:*:*"),
		VULN(0, 0, "cpe:2.3:a:x"),
	};
	CHECK_STR(build_err(bad_cpe, 2),
		  "error: invalid CPE configuration row 1: invalid CPE "
		  "'cpe:2.3:a:x': expected 13 components, got 4 [cpes[1]]");
	const ym_cpe_criterion no_cpe[] = {{.vulnerable = true}};
	CHECK_STR(build_err(no_cpe, 1),
		  "error: invalid CPE configuration row 0: no criteria "
		  "[cpes[0]]");
	/* nothing at all: an empty config that matches nothing */
	ym_cpe_config *c = build(NULL, 0);
	CHECK(c);
	CHECK_INT(c->n_cfgs, 0);
	CHECK_STR(ev(c, "cpe:2.3:a:a:b:1", NULL, ""), "no");
}

/* --- evidence --- */

static const char *evidence(const ym_cpe_config *c, const char *cpe,
			    const char *platform)
{
	ym_cpe_subject *s = subj(cpe, NULL), *p;
	size_t n = plats(platform, &p);
	ym_cpe_eval_result r;
	ym_cpe_eval(c, s, p, n, &r);
	ym_buf b = YM_BUF_INIT;
	ym_jsonw w;
	ym_jsonw_init(&w, &b, false);
	ym_cpe_eval_evidence(&r, s, p, &w);
	const char *out = ym_arena_strdup(&A, b.ptr);
	ym_buf_release(&b);
	return out;
}

static void t_evidence(void)
{
	ym_cpe_config *c = build(win_rows, NROWS(win_rows));
	CHECK(c);
	CHECK_STR(
		evidence(c, "cpe:2.3:a:acme:agent:7.5.100",
			 "cpe:2.3:o:microsoft:windows_10:22h2"),
		"{\"method\":\"cpe_configuration\",\"matched\":true,"
		"\"confidence\":\"high\",\"why\":[],\"config\":0,"
		"\"config_op\":\"AND\",\"node\":0,\"node_op\":\"OR\","
		"\"negate\":false,\"criterion\":{\"row\":0,\"config\":0,"
		"\"node\":0,\"criteria\":\"cpe:2.3:a:acme:agent:*:*:*:*:*:*:*:*\","
		"\"vulnerable\":true,\"bounds\":{\"versionStartIncluding\":"
		"\"7.5\",\"versionEndExcluding\":\"7.5.101\"},\"scheme\":"
		"\"generic\",\"unparsed\":false},\"bound\":"
		"\"versionEndExcluding\",\"component\":{\"cpe\":"
		"\"cpe:2.3:a:acme:agent:7.5.100:*:*:*:*:*:*:*\",\"origin\":"
		"\"cpe\",\"version\":\"7.5.100\"},\"platform\":{\"check\":"
		"\"satisfied\",\"criterion\":{\"row\":1,\"config\":0,\"node\":1,"
		"\"criteria\":\"cpe:2.3:o:microsoft:windows:-:*:*:*:*:*:*:*\","
		"\"vulnerable\":false},\"cpe\":"
		"\"cpe:2.3:o:microsoft:windows_10:22h2:*:*:*:*:*:*:*\"}}");
	CHECK_STR(
		evidence(c, "cpe:2.3:a:acme:agent:7.5.100", ""),
		"{\"method\":\"cpe_configuration\",\"matched\":true,"
		"\"confidence\":\"medium\",\"why\":[\"platform_unknown\"],"
		"\"config\":0,\"config_op\":\"AND\",\"node\":0,\"node_op\":"
		"\"OR\",\"negate\":false,\"criterion\":{\"row\":0,\"config\":0,"
		"\"node\":0,\"criteria\":\"cpe:2.3:a:acme:agent:*:*:*:*:*:*:*:*\","
		"\"vulnerable\":true,\"bounds\":{\"versionStartIncluding\":"
		"\"7.5\",\"versionEndExcluding\":\"7.5.101\"},\"scheme\":"
		"\"generic\",\"unparsed\":false},\"bound\":"
		"\"versionEndExcluding\",\"component\":{\"cpe\":"
		"\"cpe:2.3:a:acme:agent:7.5.100:*:*:*:*:*:*:*\",\"origin\":"
		"\"cpe\",\"version\":\"7.5.100\"},\"platform\":{\"check\":"
		"\"not_checked\",\"criterion\":{\"row\":1,\"config\":0,"
		"\"node\":1,\"criteria\":"
		"\"cpe:2.3:o:microsoft:windows:-:*:*:*:*:*:*:*\","
		"\"vulnerable\":false}}}");
	CHECK_STR(evidence(c, "cpe:2.3:a:other:thing:1", ""),
		  "{\"method\":\"cpe_configuration\",\"matched\":false,"
		  "\"confidence\":\"none\",\"why\":[],\"component\":{\"cpe\":"
		  "\"cpe:2.3:a:other:thing:1:*:*:*:*:*:*:*\",\"origin\":"
		  "\"cpe\",\"version\":\"1\"},\"platform\":{\"check\":"
		  "\"none\"}}");
	/* the evidence is valid JSON */
	ym_err e = YM_ERR_INIT;
	const char *j = evidence(c, "cpe:2.3:a:acme:agent:7.5.100",
				 "cpe:2.3:o:debian:debian_linux:12");
	CHECK(ym_json_parse(&A, j, strlen(j), NULL, NULL, &e) != NULL);
	CHECK(strstr(j, "\"platform\":{\"check\":\"failed\""));
}

static void t_names(void)
{
	CHECK_STR(ym_cpe_confidence_name(YM_CPE_CONF_MEDIUM), "medium");
	CHECK_STR(ym_cpe_platform_check_name(YM_CPE_PLATFORM_UNCHECKED),
		  "not_checked");
	CHECK(ym_cpe_why_name(3) == NULL);
	CHECK_STR(ym_cpe_why_name(YM_CPE_WHY_SCHEME_FALLBACK),
		  "scheme_fallback");
}

/* --- normalisation --- */

static const char *cands(const char *name, const char *vendor)
{
	ym_cpe_name_cand c[8];
	size_t n = ym_cpe_name_candidates(name, vendor, &A, c, 8);
	ym_buf b = YM_BUF_INIT;
	for (size_t i = 0; i < n; i++)
		ym_buf_printf(&b, "%s%s:%s", i ? " " : "",
			      c[i].vendor ? c[i].vendor : "*", c[i].product);
	const char *s = ym_arena_strdup(&A, b.ptr);
	ym_buf_release(&b);
	return s;
}

static void t_normalise(void)
{
	CHECK_STR(cands("Mozilla Firefox 115.0.2 (x64 ja)",
			"Mozilla Foundation"),
		  "mozilla:firefox mozilla:mozilla_firefox "
		  "*:mozilla_firefox");
	CHECK_STR(cands("Apache Log4j", "Apache Software Foundation"),
		  "apache:log4j apache:apache_log4j *:apache_log4j");
	CHECK_STR(cands("Microsoft Windows 10", "Microsoft Corporation"),
		  "microsoft:windows_10 microsoft:microsoft_windows_10 "
		  "*:microsoft_windows_10");
	CHECK_STR(cands("OpenSSL", NULL), "openssl:openssl *:openssl");
	CHECK_STR(cands("7-Zip 23.01 (x64)", "Igor Pavlov"),
		  "igor_pavlov:7-zip igor:7-zip *:7-zip");
	CHECK_STR(cands("node.js v18.17.1 x64", NULL),
		  "node.js:node.js *:node.js");
	CHECK_STR(cands("Oracle Java SE", NULL),
		  "oracle:java_se oracle:oracle_java_se *:oracle_java_se");
	CHECK_STR(cands("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", NULL), "");
	CHECK_STR(cands("", NULL), "");
	CHECK_STR(cands(NULL, NULL), "");
	/* a candidate is usable as a name-only subject */
	ym_cpe_name_cand c[4];
	CHECK_INT(ym_cpe_name_candidates("Apache Log4j", "Apache", &A, c, 1),
		  1);
	ym_cpe_subject s;
	CHECK_INT(ym_cpe_subject_from_name(&s, c[0].vendor, c[0].product,
					   "2.14.1", true, &A, NULL),
		  0);
	CHECK_STR(s.text, "cpe:2.3:*:apache:log4j:2.14.1:*:*:*:*:*:*:*");
	CHECK_INT(s.origin, YM_CPE_FROM_NORMALISED);
}

/* --- real NVD records --- */

#define NVD_DIR "../shared/data/nvd/api-2.0"

typedef struct rec {
	char id[32];
	ym_cpe_config cfg;
	size_t rows;
} rec;

static rec recs[512];
static size_t n_recs;
static int build_failures;

static int collect(const ym_vuln *v, void *ctx, ym_err *err)
{
	(void)ctx;
	if (n_recs == sizeof recs / sizeof *recs)
		return 0;
	rec *r = &recs[n_recs];
	ym_err e = YM_ERR_INIT;
	if (ym_cpe_config_build(v->cpes, v->n_cpes, &A, &r->cfg, &e)) {
		fprintf(stderr, "%s: %s\n", v->vuln_id, e.msg);
		build_failures++;
		return 0;
	}
	snprintf(r->id, sizeof r->id, "%s", v->vuln_id);
	r->rows = v->n_cpes;
	n_recs++;
	return 0;
}

static int load(const char *file)
{
	ym_buf text = YM_BUF_INIT;
	ym_err e = YM_ERR_INIT;
	char *path = ym_arena_printf(&A, "%s/%s", NVD_DIR, file);
	ym_feed_ctx fc = {.vuln = collect};
	int rc = ym_buf_read_file(&text, path, &e);
	if (!rc)
		rc = ym_nvd_parse(text.ptr, text.len, path, &A, &fc, &e);
	if (rc)
		fprintf(stderr, "%s: %s\n", path, e.msg);
	ym_buf_release(&text);
	return rc;
}

static const ym_cpe_config *find(const char *id)
{
	for (size_t i = 0; i < n_recs; i++)
		if (strcmp(recs[i].id, id) == 0)
			return &recs[i].cfg;
	return NULL;
}

static void t_nvd_records(void)
{
	struct stat st;
	if (stat(NVD_DIR, &st) != 0) {
		printf("t_nvd_records: skipped (%s not found)\n", NVD_DIR);
		return;
	}
	CHECK_INT(load("vuls-cve-CVE-2021-44228.json"), 0);
	CHECK_INT(load("cves-CVE-2023-0001.json"), 0);
	CHECK_INT(load("cves-page-1999.json"), 0);
	CHECK_INT(load("osv-dev-records/CVE-2020-13595.json"), 0);
	CHECK_INT(load("osv-dev-records/CVE-2023-24256.json"), 0);
	CHECK_INT(load("vunnel-full-page.json"), 0);
	/* every record of those files builds */
	CHECK_INT(build_failures, 0);
	CHECK_INT(n_recs, 1 + 1 + 200 + 1 + 1 + 38);

	const ym_cpe_config *l4j = find("CVE-2021-44228");
	CHECK(l4j);
	CHECK_INT(l4j->n_crit, 396);
	CHECK_INT(l4j->n_cfgs, 20);
	CHECK_INT(l4j->n_bad_bounds, 0);

	static const struct {
		const char *id, *cpe, *version, *platforms, *want;
	} cases[] = {
		/* log4j: the three ranges and the 2.0 pre-releases (cfg 5) */
		{"CVE-2021-44228", "cpe:2.3:a:apache:log4j", "2.14.1", "",
		 "high row=12 bound=versionEndExcluding"},
		{"CVE-2021-44228", "cpe:2.3:a:apache:log4j", "2.15.0", "",
		 "no"},
		{"CVE-2021-44228", "cpe:2.3:a:apache:log4j", "2.13.0", "",
		 "high row=12 bound=versionEndExcluding"},
		{"CVE-2021-44228", "cpe:2.3:a:apache:log4j", "2.12.1", "",
		 "high row=11 bound=versionEndExcluding"},
		{"CVE-2021-44228", "cpe:2.3:a:apache:log4j", "2.12.2", "",
		 "no"},
		{"CVE-2021-44228", "cpe:2.3:a:apache:log4j", "2.3.0", "",
		 "high row=10 bound=versionEndExcluding"},
		{"CVE-2021-44228", "cpe:2.3:a:apache:log4j", "2.3.1", "",
		 "no"},
		{"CVE-2021-44228", "cpe:2.3:a:apache:log4j", "1.2.17", "",
		 "no"},
		{"CVE-2021-44228", "cpe:2.3:a:apache:log4j:2.0:beta9", NULL,
		 "", "high row=14"},
		{"CVE-2021-44228", "cpe:2.3:a:apache:log4j:2.0:rc2", NULL, "",
		 "high row=16"},
		{"CVE-2021-44228", "cpe:2.3:a:apache:log4j", "2.0", "",
		 "high row=13"},
		/* no platform condition: any platform */
		{"CVE-2021-44228", "cpe:2.3:a:apache:log4j", "2.14.1",
		 "cpe:2.3:o:microsoft:windows_10:-",
		 "high row=12 bound=versionEndExcluding"},
		/* Siemens firmware AND its hardware (cfg 0) */
		{"CVE-2021-44228",
		 "cpe:2.3:o:siemens:6bk1602-0aa12-0tp0_firmware", "2.6",
		 "cpe:2.3:h:siemens:6bk1602-0aa12-0tp0:-",
		 "high row=0 bound=versionEndExcluding plat=satisfied#0"},
		{"CVE-2021-44228",
		 "cpe:2.3:o:siemens:6bk1602-0aa12-0tp0_firmware", "2.7.0",
		 "cpe:2.3:h:siemens:6bk1602-0aa12-0tp0:-", "no"},
		{"CVE-2021-44228",
		 "cpe:2.3:o:siemens:6bk1602-0aa12-0tp0_firmware", "2.6", "",
		 "medium row=0 bound=versionEndExcluding plat=not_checked "
		 "why=platform_unknown"},
		{"CVE-2021-44228",
		 "cpe:2.3:o:siemens:6bk1602-0aa12-0tp0_firmware", "2.6",
		 "cpe:2.3:h:siemens:6bk1602-0aa22-0tp0:-",
		 "no row=0 plat=failed"},
		/* Cisco FXOS on Firepower hardware (cfg 14: hardware node
		 * first) */
		{"CVE-2021-44228", "cpe:2.3:o:cisco:fxos", "6.4.0",
		 "cpe:2.3:h:cisco:firepower_2110:-",
		 "high row=230 plat=satisfied#0"},
		{"CVE-2021-44228", "cpe:2.3:o:cisco:fxos", "6.4.0", "",
		 "medium row=230 plat=not_checked why=platform_unknown"},
		{"CVE-2021-44228", "cpe:2.3:o:cisco:fxos", "6.4.1",
		 "cpe:2.3:h:cisco:firepower_2110:-", "no"},
		/* Debian releases (cfg 9): "10" is NVD's "10.0" */
		{"CVE-2021-44228", "cpe:2.3:o:debian:debian_linux:10", NULL,
		 "", "high row=89"},
		{"CVE-2021-44228", "cpe:2.3:o:debian:debian_linux:12", NULL,
		 "", "no"},
		/* Windows-only: Cortex XDR agent critical_environment */
		{"CVE-2023-0001",
		 "cpe:2.3:a:paloaltonetworks:cortex_xdr_agent:7.5.100:*:*:*:"
		 "critical_environment",
		 NULL, "cpe:2.3:o:microsoft:windows_10:21h2",
		 "high row=0 bound=versionEndExcluding plat=satisfied#0"},
		{"CVE-2023-0001",
		 "cpe:2.3:a:paloaltonetworks:cortex_xdr_agent:7.5.100:*:*:*:"
		 "critical_environment",
		 NULL, "cpe:2.3:o:debian:debian_linux:12",
		 "no row=0 plat=failed"},
		{"CVE-2023-0001",
		 "cpe:2.3:a:paloaltonetworks:cortex_xdr_agent:7.5.100:*:*:*:"
		 "critical_environment",
		 NULL, "",
		 "medium row=0 bound=versionEndExcluding plat=not_checked "
		 "why=platform_unknown"},
		{"CVE-2023-0001",
		 "cpe:2.3:a:paloaltonetworks:cortex_xdr_agent", "7.5.100",
		 "cpe:2.3:o:microsoft:windows_11:-",
		 "medium row=0 bound=versionEndExcluding plat=satisfied#0 "
		 "why=attribute_unspecified"},
		{"CVE-2023-0001",
		 "cpe:2.3:a:paloaltonetworks:cortex_xdr_agent:7.5.101:*:*:*:"
		 "critical_environment",
		 NULL, "cpe:2.3:o:microsoft:windows_10:21h2", "no"},
		{"CVE-2023-0001",
		 "cpe:2.3:a:paloaltonetworks:cortex_xdr_agent:7.5.100:*:*:*:"
		 "standard",
		 NULL, "cpe:2.3:o:microsoft:windows_10:21h2", "no"},
		/* ESP-IDF on the ESP32 (end including) */
		{"CVE-2020-13595", "cpe:2.3:a:espressif:esp-idf", "4.2",
		 "cpe:2.3:h:espressif:esp32:-",
		 "high row=0 bound=versionEndIncluding plat=satisfied#0"},
		{"CVE-2020-13595", "cpe:2.3:a:espressif:esp-idf", "4.2.1",
		 "cpe:2.3:h:espressif:esp32:-", "no"},
		{"CVE-2020-13595", "cpe:2.3:a:espressif:esp-idf", "3.3",
		 "cpe:2.3:h:espressif:esp32:-", "no"},
		{"CVE-2020-13595", "cpe:2.3:a:espressif:esp-idf", "4.0.0",
		 "cpe:2.3:h:espressif:esp8266:-", "no row=0 plat=failed"},
		/* NIO Aspen firmware on the EC6 */
		{"CVE-2023-24256", "cpe:2.3:o:nio:aspen", "3.2.8",
		 "cpe:2.3:h:nio:ec6:-",
		 "high row=0 bound=versionEndExcluding plat=satisfied#0"},
		/* IBM on macOS or Windows: family names */
		{"CVE-2022-22377",
		 "cpe:2.3:a:ibm:security_verify_privilege_on-premises", "11.4",
		 "cpe:2.3:o:apple:mac_os_x:10.15.7",
		 "high row=0 bound=versionEndExcluding plat=satisfied#0"},
		{"CVE-2022-22377",
		 "cpe:2.3:a:ibm:security_verify_privilege_on-premises", "11.4",
		 "cpe:2.3:o:canonical:ubuntu_linux:22.04",
		 "no row=0 plat=failed"},
		/* 1999: OS criteria, the second configuration is an OR */
		{"CVE-1999-0234", "cpe:2.3:o:redhat:linux:3.0.3", NULL, "",
		 "high row=3"},
		{"CVE-1999-0234", "cpe:2.3:o:redhat:linux:3.0.4", NULL, "",
		 "no"},
	};
	int done = 0;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		const ym_cpe_config *c = find(cases[i].id);
		const char *got = c ? ev(c, cases[i].cpe, cases[i].version,
					 cases[i].platforms)
				    : "no record";
		if (strcmp(got, cases[i].want) != 0) {
			fprintf(stderr, "case %zu %s %s %s [%s]: got '%s'\n",
				i, cases[i].id, cases[i].cpe,
				cases[i].version ? cases[i].version : "",
				cases[i].platforms, got);
			test_failed_now_ = 1;
		}
		done++;
	}
	CHECK(done >= 20);
}

int main(void)
{
	ym_arena_init(&A, 0);
	RUN(t_or);
	RUN(t_and_platform);
	RUN(t_platform_partial);
	RUN(t_negate);
	RUN(t_multiple);
	RUN(t_and_vulnerable_os);
	RUN(t_bounds_generic);
	RUN(t_fast_path_agrees);
	RUN(t_bounds_schemes);
	RUN(t_versions_special);
	RUN(t_low);
	RUN(t_malformed);
	RUN(t_evidence);
	RUN(t_names);
	RUN(t_normalise);
	RUN(t_nvd_records);
	ym_arena_release(&A);
	return test_done();
}
