/* Unit tests for risk/ssvc: the shipped tables (every cell of deployer,
 * human-impact, cisa and bod-26-04 against outcome strings written out
 * from the upstream JSON mappings, plus invariants on all tables), the
 * string and integer APIs, chaining, the loader's and the vector
 * parser's error messages, and vector round trips. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "risk/ssvc.h"
#include "test.h"

static ym_ssvc_registry *reg;

/* Outcome codes of every cell, in mixed-radix order (last point fastest),
 * transcribed from the "mapping" arrays of CERTCC/SSVC
 * data/json/decision_tables at e3b00a25 (not from data/ssvc). */
static const struct {
	const char *tree, *codes;
} cells[] = {
	{"deployer",
	 "D D S S D S S S D S S S S S S S D S S S S S S O D S S S S S S S D S "
	 "S S S S S O S S S O S S O O S S O O S O O O S S O O O O O O S O O I "
	 "O O I I"},
	{"human-impact", "L L M VH L L M VH M H H VH VH VH VH VH"},
	{"cisa",
	 "T T T T T T* T T AT T T AT T T T* T T* AT T T AT T T* AT T T AT T AT "
	 "AC AT AT AC AT AC AC"},
	{"bod-26-04",
	 "FSU FSU 60D 60D 60D 14D 14D 3D 14D 14D 14D 3DF 14D 3DF 3D 3DF"},
};

static const ym_ssvc_table *tree(const char *id)
{
	return ym_ssvc_find(reg, id);
}

static void t_registry(void)
{
	static const char *const ids[] = {
		"human-impact", "utility", "public-safety-impact", "deployer",
		"supplier", "coordinator-triage", "coordinator-publish",
		"cisa", "bod-26-04"};
	static const unsigned ncells[] = {16, 4, 4, 72, 36, 192, 27, 36, 16};
	for (size_t i = 0; i < 9; i++) {
		const ym_ssvc_table *t = ym_ssvc_table_at(reg, i);
		CHECK(t != NULL);
		CHECK_STR(t->id, ids[i]);
		CHECK_INT(t->ncells, ncells[i]);
		CHECK(ym_ssvc_find(reg, ids[i]) == t);
	}
	CHECK(ym_ssvc_table_at(reg, 9) == NULL);
	CHECK(ym_ssvc_find(reg, "DEPLOYER") == tree("deployer"));
	CHECK(ym_ssvc_find(reg, "nope") == NULL);
	const ym_ssvc_table *d = tree("deployer");
	CHECK_STR(d->ns, "ssvc");
	CHECK_STR(d->code, "DT_DP");
	CHECK_STR(d->version, "1.0.0");
	CHECK_INT(d->npoints, 4);
	CHECK_STR(d->points[3].key, "human_impact");
	CHECK(d->points[3].from == tree("human-impact"));
	CHECK_STR(d->outcome.values[2].name, "Out-of-Cycle");
	CHECK_STR(tree("bod-26-04")->outcome.values[4].name,
		  "3 days & forensic investigation");
	CHECK_STR(tree("cisa")->outcome.values[1].code, "T*");
	CHECK(tree("supplier")->points[1].from == tree("utility"));
	CHECK(tree("supplier")->points[3].from ==
	      tree("public-safety-impact"));
}

/* Every cell of the four required tables against the upstream codes. */
static void t_every_cell(void)
{
	for (size_t n = 0; n < sizeof cells / sizeof cells[0]; n++) {
		const ym_ssvc_table *t = tree(cells[n].tree);
		char *copy = strdup(cells[n].codes), *save = NULL;
		uint32_t c = 0;
		CHECK(t != NULL);
		for (char *w = strtok_r(copy, " ", &save); w;
		     w = strtok_r(NULL, " ", &save), c++) {
			uint8_t idx[YM_SSVC_MAX_POINTS];
			uint32_t rest = c;
			for (unsigned i = t->npoints; i-- > 0;) {
				idx[i] = (uint8_t)(rest %
						   t->points[i].nvalues);
				rest /= t->points[i].nvalues;
			}
			int o = ym_ssvc_decide_idx(t, idx);
			if (o < 0 || strcmp(t->outcome.values[o].code, w)) {
				fprintf(stderr, "%s cell %u: %s, expected %s\n",
					t->id, c,
					o < 0 ? "-1" :
						t->outcome.values[o].code,
					w);
				free(copy);
				CHECK(0);
			}
		}
		free(copy);
		CHECK_INT(c, t->ncells);
	}
}

/* Invariants of every shipped table: rows and cells agree both ways, and
 * the outcome never falls when one input rises (SSVC values are ordered
 * from least to most urgent). */
static void t_invariants(void)
{
	const ym_ssvc_table *t;
	for (size_t n = 0; (t = ym_ssvc_table_at(reg, n)); n++) {
		for (uint32_t r = 0; r < t->ncells; r++) {
			const uint8_t *idx = t->rows + (size_t)r * t->npoints;
			long c = ym_ssvc_cell(t, idx);
			CHECK(c >= 0);
			CHECK_INT(t->row[c], r);
		}
		for (uint32_t c = 0; c < t->ncells; c++) {
			uint8_t idx[YM_SSVC_MAX_POINTS];
			uint32_t rest = c;
			for (unsigned i = t->npoints; i-- > 0;) {
				idx[i] = (uint8_t)(rest %
						   t->points[i].nvalues);
				rest /= t->points[i].nvalues;
			}
			int o = ym_ssvc_decide_idx(t, idx);
			CHECK(o >= 0 && (unsigned)o < t->outcome.nvalues);
			/* coordinator-triage and -publish are not
			 * monotone in every input (a public report or a
			 * ready fix lowers the urgency) */
			if (strncmp(t->id, "coordinator", 11) == 0)
				continue;
			for (unsigned i = 0; i < t->npoints; i++) {
				if (idx[i] + 1u >= t->points[i].nvalues)
					continue;
				idx[i]++;
				int up = ym_ssvc_decide_idx(t, idx);
				idx[i]--;
				if (up < o)
					fprintf(stderr, "%s cell %u point %u\n",
						t->id, c, i);
				CHECK(up >= o);
			}
		}
	}
}

static void t_integer_api(void)
{
	const ym_ssvc_table *d = tree("deployer");
	uint8_t idx[4] = {2, 2, 1, 3};
	CHECK_STR(d->outcome.values[ym_ssvc_decide_idx(d, idx)].key,
		  "immediate");
	idx[0] = 0;
	idx[1] = 0;
	idx[2] = 0;
	idx[3] = 0;
	CHECK_STR(d->outcome.values[ym_ssvc_decide_idx(d, idx)].key, "defer");
	idx[3] = 4;
	CHECK_INT(ym_ssvc_decide_idx(d, idx), -1);
	CHECK_INT(ym_ssvc_point_index(d, "exploitation"), 0);
	CHECK_INT(ym_ssvc_point_index(d, "EXP"), 1);
	CHECK_INT(ym_ssvc_point_index(d, "System Exposure"), 1);
	CHECK_INT(ym_ssvc_point_index(d, "human-impact"), 3);
	CHECK_INT(ym_ssvc_point_index(d, "mission_impact"), -1);
	CHECK_INT(ym_ssvc_value_index(&d->points[0], "public poc"), 1);
	CHECK_INT(ym_ssvc_value_index(&d->points[0], "PUBLIC_POC"), 1);
	CHECK_INT(ym_ssvc_value_index(&d->points[0], "a"), 2);
	CHECK_INT(ym_ssvc_value_index(&d->points[3], "VH"), 3);
	CHECK_INT(ym_ssvc_value_index(&d->points[3], "huge"), -1);
}

/* decide by names; NULL msg: expect success with outcome key out */
static void decide_case(const char *tid, const char *const *kv, size_t n,
			const char *out, const char *msg, int line)
{
	ym_ssvc_input in[16];
	ym_ssvc_result r;
	ym_err err = YM_ERR_INIT;
	for (size_t i = 0; i < n; i++) {
		in[i].point = kv[2 * i];
		in[i].value = kv[2 * i + 1];
	}
	int rc = ym_ssvc_decide(tree(tid), in, n, &r, &err);
	if (msg) {
		if (rc != YM_E_INVALID || strcmp(err.msg, msg) != 0) {
			fprintf(stderr,
				"line %d: rc %d '%s'\n  expected '%s'\n",
				line, rc, err.msg, msg);
			test_failed_now_ = 1;
		}
		return;
	}
	if (rc || strcmp(r.table->outcome.values[r.outcome].key, out)) {
		fprintf(stderr, "line %d: rc %d '%s' outcome %s, expected %s\n",
			line, rc, err.msg,
			rc ? "-" : r.table->outcome.values[r.outcome].key, out);
		test_failed_now_ = 1;
	}
}

#define DECIDE(tid, out, ...)                                             \
	do {                                                              \
		static const char *const kv_[] = {__VA_ARGS__};           \
		decide_case(tid, kv_, sizeof kv_ / sizeof kv_[0] / 2, out,   \
			    NULL, __LINE__);                              \
	} while (0)
#define DECIDE_ERR(tid, msg, ...)                                         \
	do {                                                              \
		static const char *const kv_[] = {__VA_ARGS__};           \
		decide_case(tid, kv_, sizeof kv_ / sizeof kv_[0] / 2, NULL,  \
			    msg, __LINE__);                               \
	} while (0)

static void t_string_api(void)
{
	/* hand-checked rows of the upstream CSVs */
	DECIDE("deployer", "immediate", "exploitation", "active", "exposure",
	       "open", "automatable", "yes", "human_impact", "high");
	DECIDE("deployer", "defer", "E", "N", "EXP", "S", "A", "N", "HI",
	       "L");
	DECIDE("deployer", "out_of_cycle", "Exploitation", "Public PoC",
	       "System Exposure", "Open", "Automatable", "Yes",
	       "Human Impact", "High");
	DECIDE("deployer", "scheduled", "e", "p", "exp", "controlled", "a",
	       "yes", "hi", "high");
	DECIDE("deployer", "out_of_cycle", "e", "p", "exp", "controlled",
	       "a", "yes", "hi", "very-high");
	DECIDE("human-impact", "high", "safety_impact", "critical",
	       "mission_impact", "mef_support_crippled");
	DECIDE("human-impact", "very_high", "SI", "M", "MI", "MF");
	DECIDE("cisa", "track_star", "E", "N", "A", "N", "TI", "T", "MWI",
	       "H");
	DECIDE("cisa", "act", "E", "A", "A", "Y", "TI", "T", "MWI", "H");
	DECIDE("cisa", "track", "E", "A", "A", "N", "TI", "P", "MWI", "M");
	DECIDE("cisa", "attend", "E", "A", "A", "N", "TI", "P", "MWI", "H");
	DECIDE("bod-26-04", "3_days_forensic_investigation", "kev", "yes",
	       "publicly_exposed", "yes", "automatable", "no",
	       "technical_impact", "total");
	DECIDE("bod-26-04", "3_days", "KEV", "N", "PE", "Y", "A", "Y", "TI",
	       "T");
	DECIDE("bod-26-04", "fix_on_system_upgrade", "KEV", "N", "PE", "N",
	       "A", "N", "TI", "T");
	DECIDE("bod-26-04", "60_days", "KEV", "N", "PE", "Y", "A", "N", "TI",
	       "P");
	/* chained: human impact from mission and safety impact */
	DECIDE("deployer", "immediate", "E", "A", "EXP", "O", "A", "Y",
	       "mission_impact", "mission failure", "safety_impact",
	       "negligible");
	DECIDE("deployer", "out_of_cycle", "E", "A", "EXP", "O", "A", "Y",
	       "MI", "D", "SI", "N");
	/* given and derivable: must agree */
	DECIDE("deployer", "out_of_cycle", "E", "A", "EXP", "O", "A", "Y",
	       "HI", "L", "MI", "D", "SI", "N");
	DECIDE_ERR("deployer",
		   "human_impact=high contradicts the human-impact table, "
		   "which gives low for the inputs given",
		   "E", "A", "EXP", "O", "A", "Y", "HI", "H", "MI", "D", "SI",
		   "N");
	/* supplier: utility and public safety impact both derived */
	DECIDE("supplier", "immediate", "E", "A", "A", "Y", "VD", "C", "TI",
	       "P", "SI", "R");
	DECIDE("supplier", "defer", "E", "N", "U", "L", "TI", "P", "PSI",
	       "M");
	/* a given outcome must agree */
	DECIDE("deployer", "immediate", "E", "A", "EXP", "O", "A", "Y", "HI",
	       "H", "priority", "immediate");
	DECIDE_ERR("deployer",
		   "priority=defer contradicts the deployer table, which "
		   "gives immediate (row 70)",
		   "E", "A", "EXP", "O", "A", "Y", "HI", "H", "DSOI", "D");
	DECIDE_ERR("deployer", "missing exposure (EXP)", "E", "A", "A", "Y",
		   "HI", "H");
	DECIDE_ERR("deployer",
		   "missing human_impact (HI), or the inputs of the "
		   "human-impact table to derive it",
		   "E", "A", "EXP", "O", "A", "Y");
	DECIDE_ERR("deployer", "missing safety_impact (SI) to derive "
		   "human_impact", "E", "A", "EXP", "O", "A", "Y", "MI", "D");
	DECIDE_ERR("deployer",
		   "unknown decision point 'kev' for tree deployer (expected "
		   "exploitation, exposure, automatable, human_impact, "
		   "safety_impact, mission_impact, priority)",
		   "kev", "yes");
	DECIDE_ERR("deployer",
		   "invalid value 'maybe' for exploitation (expected none, "
		   "public_poc, active)",
		   "exploitation", "maybe");
	DECIDE_ERR("deployer", "exploitation given twice", "E", "A",
		   "exploitation", "none");
}

/* --- the loader ------------------------------------------------------- */

#define L1 "#ssvc-table 1\n"
#define L2 "#table mini x_test:DT_M:1.0.0 Mini\n"
#define L3 "#source test\n"
#define L4 "#point a ssvc:A:2.0.0 Automatable\n"
#define L5 "#value no N No\n"
#define L6 "#value yes Y Yes\n"
#define L7 "#outcome o x_test:O:1.0.0 Outcome\n"
#define L8 "#value low L Low\n"
#define L9 "#value high H High\n"
#define L10 "a,o\n"
#define L11 "no,low\n"
#define L12 "yes,high\n"
#define MINI L1 L2 L3 L4 L5 L6 L7 L8 L9 L10 L11 L12

static void t_loader_ok(void)
{
	ym_ssvc_registry *r = ym_ssvc_registry_new();
	ym_err err = YM_ERR_INIT;
	const ym_ssvc_table *t = NULL;
	CHECK_INT(ym_ssvc_registry_add(r, "t.csv", MINI, strlen(MINI), &t,
				       &err), 0);
	CHECK_STR(t->id, "mini");
	CHECK_STR(t->ns, "x_test");
	CHECK_STR(t->file, "t.csv");
	uint8_t idx[1] = {1};
	CHECK_INT(ym_ssvc_decide_idx(t, idx), 1);
	/* CRLF, comments, blank lines and no final newline */
	static const char crlf[] =
		"#ssvc-table 1\r\n# a comment\r\n\r\n" L2 L3 L4 L5 L6 L7 L8
		L9 "#\n" L10 L11 "yes,high";
	ym_ssvc_registry_free(r);
	r = ym_ssvc_registry_new();
	CHECK_INT(ym_ssvc_registry_add(r, "t.csv", crlf, strlen(crlf), &t,
				       &err), 0);
	ym_ssvc_registry_free(r);
}

static void t_loader_errors(void)
{
	static const struct {
		const char *text, *msg;
	} cases[] = {
		{"", "t.csv: empty table file"},
		{"#ssvc-table 2\n",
		 "t.csv:1: expected '#ssvc-table 1' on the first line"},
		{L1 L2 "#foo bar\n", "t.csv:3: unknown directive '#foo'"},
		{L1 "#table Mini x:DT:1.0.0 M\n",
		 "t.csv:2: #table: bad table id (expected lowercase letters, "
		 "digits and '-')"},
		{L1 L2 L3 "#point a ssvc:A Automatable\n",
		 "t.csv:4: a: bad SSVC id (expected NAMESPACE:KEY:VERSION)"},
		{L1 L2 L3 "#point a ssvc:A:2.0.0\n",
		 "t.csv:4: a: missing or bad name"},
		{L1 L2 L3 "#value no N No\n",
		 "t.csv:4: #value: #value before any #point or #outcome"},
		{L1 L2 L3 L4 L5 "#value nah N Nah\n",
		 "t.csv:6: a: value 'nah' clashes with 'no' (same key, code "
		 "or name)"},
		{L1 L2 L3 L4 L5 "#value yes Y* Yes\n",
		 "t.csv:6: a: bad value code for 'yes'"},
		{L1 L2 L3 L4 L5 L6 "#point b ssvc:A:2.0.0 Other\n",
		 "t.csv:7: b: decision point clashes with 'a' on line 4 (same "
		 "key, code or name)"},
		{L1 L2 L3 L4 L7,
		 "t.csv:4: a: decision point has no #value"},
		{L1 L2 L4 L5 L6 L7 L8 L9 L10, "t.csv:9: missing #source"},
		{L1 L2 L3 L4 L5 L6 L10, "t.csv:7: missing #outcome"},
		{L1 L2 L3 L4 L5 L6 L7 L8 L9 "b,o\n",
		 "t.csv:10: column 1: header has 'b', expected 'a'"},
		{L1 L2 L3 L4 L5 L6 L7 L8 L9 "a,o,x\n",
		 "t.csv:10: header has more than 2 columns"},
		{L1 L2 L3 L4 L5 L6 L7 L8 L9 L10 "maybe,low\n",
		 "t.csv:11: a: unknown value 'maybe' (expected no, yes)"},
		{L1 L2 L3 L4 L5 L6 L7 L8 L9 L10 "no,mid\n",
		 "t.csv:11: o: unknown value 'mid' (expected low, high)"},
		{L1 L2 L3 L4 L5 L6 L7 L8 L9 L10 "no\n",
		 "t.csv:11: expected 2 fields, got 1"},
		{L1 L2 L3 L4 L5 L6 L7 L8 L9 L10 L11 "no,high\n",
		 "t.csv:12: duplicate row: the same inputs as line 11"},
		{L1 L2 L3 L4 L5 L6 L7 L8 L9 L10 L11, "t.csv: no row for a=yes"},
		{L1 L2 L3 L4 L5 L6 L7 L8 L9 L10 L11 "#value x X X\n",
		 "t.csv:12: directive after the header line"},
		{L1 L2 L3 L4 L5 L6 L7 L8 L9,
		 "t.csv:9: no header line and no rows"},
		{L1 L2 L3 L4 L5 L6 L7 L8 L9 L10 L11 L12 "no,low\n",
		 "t.csv:13: duplicate row: the same inputs as line 11"},
		{L1 L2 L3 L4 "#from nope\n" L5 L6 L7 L8 L9 L10 L11 L12,
		 "t.csv:5: a: #from names table 'nope', which is not loaded"},
		{L1 L2 L3 L4 "#from utility\n" L5 L6 L7 L8 L9 L10 L11 L12,
		 "t.csv:5: a: #from table 'utility' has outcome ssvc:U:1.0.1 "
		 "with other values than this decision point"},
		{L1 L2 L3 L4 L5 L6 L7 "#from utility\n",
		 "t.csv:8: #from: #from must follow a #point"},
		{L1 "#table deployer x_test:DT_M:1.0.0 Mini\n" L3 L4 L5 L6 L7
		 L8 L9 L10 L11 L12,
		 "t.csv: #table: table id 'deployer' is already loaded"},
		{L1 L2 L3 "#point a ssvc:A:2.0.0 Automatable\n" L5 L6
		 "#outcome a x_test:O:1.0.0 Outcome\n",
		 "t.csv:7: a: decision point clashes with 'a' on line 4 (same "
		 "key, code or name)"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		ym_err err = YM_ERR_INIT;
		ym_buf b = YM_BUF_INIT;
		int rc = ym_ssvc_registry_add(reg, "t.csv", cases[i].text,
					      strlen(cases[i].text), NULL,
					      &err);
		ym_err_format(&err, &b);
		if (rc == 0 || strcmp(b.ptr, cases[i].msg) != 0) {
			fprintf(stderr, "case %zu: rc %d\n  got      '%s'\n"
				"  expected '%s'\n", i, rc, b.ptr,
				cases[i].msg);
			test_failed_now_ = 1;
		}
		ym_buf_release(&b);
	}
	/* NUL byte */
	static const char nul[] = L1 L2 "#source a\0b\n";
	ym_err err = YM_ERR_INIT;
	CHECK_INT(ym_ssvc_registry_add(reg, "t.csv", nul, sizeof nul - 1,
				       NULL, &err), YM_E_PARSE);
	CHECK_STR(err.msg, "NUL byte");
	CHECK_INT(err.line, 3);
	CHECK(ym_ssvc_find(reg, "mini") == NULL);
}

/* --- vectors ---------------------------------------------------------- */

static void vec_err(const char *tid, const char *vec, const char *msg,
		    long col, int line)
{
	ym_ssvc_result r;
	ym_err err = YM_ERR_INIT;
	int rc = ym_ssvc_vector_decide(reg, tid ? tree(tid) : NULL, vec,
				       strlen(vec), &r, &err);
	if (rc == 0 || strcmp(err.msg, msg) != 0 ||
	    (col >= 0 && err.column != col)) {
		fprintf(stderr, "line %d: rc %d col %ld '%s'\n  expected '%s'"
			" col %ld\n", line, rc, err.column, err.msg, msg, col);
		test_failed_now_ = 1;
	}
}
#define VEC_ERR(tid, vec, msg, col) vec_err(tid, vec, msg, col, __LINE__)

static void t_vector_errors(void)
{
	VEC_ERR(NULL, "", "empty SSVC vector", 0);
	VEC_ERR(NULL, "SSVCv2/E:A /", "whitespace at position 11", 11);
	VEC_ERR(NULL, "SSVCv2/E:\x01/", "invalid byte 0x01 at position 10",
		10);
	VEC_ERR(NULL, "SSVCv3/E:A/",
		"unsupported SSVC vector version 'v3' at position 5 (expected "
		"SSVCv2/)", 5);
	VEC_ERR(NULL, "CVSS:3.1/AV:N", "missing 'SSVCv2/' prefix at position 1",
		1);
	VEC_ERR(NULL, "ssvcv2/E:A/", "missing 'SSVCv2/' prefix at position 1",
		1);
	VEC_ERR(NULL, "SSVCv2/",
		"no decision points after the prefix at position 8", 8);
	VEC_ERR(NULL, "SSVCv2/2026-11-21T09:00:00Z/",
		"no decision points after the prefix at position 8", 8);
	VEC_ERR(NULL, "SSVCv2/E:A//", "empty component at position 12", 12);
	VEC_ERR(NULL, "SSVCv2//E:A/", "empty component at position 8", 8);
	VEC_ERR(NULL, "SSVCv2/E/",
		"component 'E' at position 8 is not KEY:VALUE", 8);
	VEC_ERR(NULL, "SSVCv2/E:/",
		"component 'E:' at position 8 is not KEY:VALUE", 8);
	VEC_ERR(NULL, "SSVCv2/a:b:c:d:e/",
		"component 'a:b:c:d:e' at position 8 has too many ':'", 8);
	VEC_ERR(NULL, "SSVCv2/XX:Y/",
		"unknown decision point 'XX' at position 8", 8);
	VEC_ERR(NULL, "SSVCv2/E:A/cisa:E:A/",
		"unknown decision point 'cisa:E' at position 12", 12);
	VEC_ERR(NULL, "SSVCv2/E:A/2026-13-01T00:00:00Z/",
		"invalid timestamp '2026-13-01T00:00:00Z' at position 12 "
		"(expected an RFC 3339 date-time)", 12);
	VEC_ERR(NULL, "SSVCv2/2026-11-01T00:00:00Z/E:A/",
		"timestamp at position 8 is not the last component", 8);
	VEC_ERR("deployer", "SSVCv2/E:Q/EXP:O/A:Y/HI:H/",
		"invalid value 'Q' for decision point 'E' at position 8 "
		"(expected N, P, A)", 8);
	VEC_ERR("deployer", "SSVCv2/E:a/EXP:O/A:Y/HI:H/",
		"invalid value 'a' for decision point 'E' at position 8 "
		"(expected N, P, A)", 8);
	VEC_ERR("deployer", "SSVCv2/E:A/E:P/",
		"duplicate decision point 'E' at position 12 (first at "
		"position 8)", 12);
	VEC_ERR("deployer", "SSVCv2/ssvc:E:1.0.0:A/",
		"decision point 'ssvc:E' at position 8 has version 1.0.0; "
		"tree deployer has 1.1.0", 8);
	VEC_ERR("deployer", "SSVCv2/cisa:KEV:Y/",
		"decision point 'cisa:KEV' at position 8 is not in tree "
		"deployer", 8);
	VEC_ERR("deployer", "SSVCv2/A:Y/DSOI:D/E:A/EXP:O/HI:H/",
		"priority=defer contradicts the deployer table, which gives "
		"immediate (row 70)", -1);
	VEC_ERR("deployer", "SSVCv2/A:Y/E:A/EXP:O/",
		"missing human_impact (HI), or the inputs of the human-impact "
		"table to derive it", -1);
	VEC_ERR(NULL, "SSVCv2/E:A/A:Y/",
		"tree deployer: missing exposure (EXP)", -1);
	VEC_ERR(NULL, "SSVCv2/E:A/cisa:KEV:Y/",
		"no tree has all the decision points of the vector", -1);
	VEC_ERR(NULL, "SSVCv2/KEV:Y/PE:N/A:Y/TI:X/",
		"invalid value 'X' for decision point 'TI' at position 23 "
		"(expected P, T)", 23);
	VEC_ERR(NULL, "SSVCv2/E:P/A:Y/TI:T/MWI:H/cisa:CISA:AC/",
		"tree cisa: priority=act contradicts the cisa table, which "
		"gives attend (row 23)", -1);
}

static void vec_ok(const char *tid, const char *vec, const char *tree_id,
		   const char *outcome, const char *ts, int line)
{
	ym_ssvc_result r;
	ym_err err = YM_ERR_INIT;
	int rc = ym_ssvc_vector_decide(reg, tid ? tree(tid) : NULL, vec,
				       strlen(vec), &r, &err);
	if (rc || strcmp(r.table->id, tree_id) ||
	    strcmp(r.table->outcome.values[r.outcome].key, outcome) ||
	    strcmp(r.timestamp, ts)) {
		fprintf(stderr, "line %d: rc %d '%s'\n", line, rc, err.msg);
		test_failed_now_ = 1;
	}
}
#define VEC_OK(tid, vec, t, o, ts) vec_ok(tid, vec, t, o, ts, __LINE__)

static void t_vector_read(void)
{
	VEC_OK(NULL, "SSVCv2/A:Y/DSOI:I/E:A/EXP:O/HI:H/2026-11-21T09:00:00Z/",
	       "deployer", "immediate", "2026-11-21T09:00:00Z");
	VEC_OK(NULL, "SSVCv2/E:A/EXP:O/A:Y/HI:H", "deployer", "immediate", "");
	VEC_OK(NULL, "SSVCv2/E:A/EXP:O/A:Y/MI:MF/SI:N/1605040000/", "deployer",
	       "immediate", "1605040000");
	VEC_OK(NULL, "SSVCv2/ssvc:E:1.1.0:A/ssvc:EXP:O/A:Y/HI:H/", "deployer",
	       "immediate", "");
	VEC_OK(NULL, "SSVCv2/A:Y/TI:T/cisa:KEV:Y/cisa:PE:N/", "bod-26-04",
	       "3_days_forensic_investigation", "");
	VEC_OK(NULL, "SSVCv2/A:N/KEV:N/PE:Y/TI:P/", "bod-26-04", "60_days", "");
	VEC_OK(NULL, "SSVCv2/E:A/A:Y/TI:T/MWI:H/cisa:CISA:AC/", "cisa", "act",
	       "");
	VEC_OK(NULL, "SSVCv2/MI:D/SI:R/", "human-impact", "medium", "");
	VEC_OK("deployer",
	       "SSVCv2/A:Y/E:A/EXP:O/HI:H/2024-02-29T23:59:60.5+09:00/",
	       "deployer", "immediate", "2024-02-29T23:59:60.5+09:00");
	/* a second tree that takes the same keys makes them ambiguous */
	ym_ssvc_registry *r2 = NULL;
	ym_err err = YM_ERR_INIT;
	CHECK_INT(ym_ssvc_registry_load(&r2, &err), 0);
	static const char hi2[] =
		"#ssvc-table 1\n#table hi2 x_test:DT:1.0.0 Copy\n#source t\n"
		"#point si ssvc:SI:2.0.1 Safety Impact\n#value n N Negligible\n"
		"#value m M Marginal\n#value r R Critical\n"
		"#value c C Catastrophic\n#outcome o x_test:O:1.0.0 O\n"
		"#value x X X\nsi,o\nn,x\nm,x\nr,x\nc,x\n";
	CHECK_INT(ym_ssvc_registry_add(r2, "hi2.csv", hi2, strlen(hi2), NULL,
				       &err), 0);
	ym_ssvc_result res;
	static const char v[] = "SSVCv2/SI:N/";
	CHECK_INT(ym_ssvc_vector_decide(r2, NULL, v, strlen(v), &res, &err),
		  YM_E_INVALID);
	CHECK_STR(err.msg, "the vector fits several trees "
		  "(public-safety-impact, hi2); name the tree");
	CHECK_INT(ym_ssvc_vector_decide(r2, ym_ssvc_find(r2, "hi2"), v,
					strlen(v), &res, &err), 0);
	CHECK_STR(res.table->id, "hi2");
	ym_ssvc_registry_free(r2);
}

/* Every cell of every table: decide by codes, write the vector, read it
 * back without naming the tree, write it again. */
static void t_vector_round_trip(void)
{
	const ym_ssvc_table *t;
	for (size_t n = 0; (t = ym_ssvc_table_at(reg, n)); n++) {
		for (uint32_t c = 0; c < t->ncells; c++) {
			ym_ssvc_input in[YM_SSVC_MAX_POINTS];
			ym_ssvc_result r, r2;
			ym_err err = YM_ERR_INIT;
			ym_buf a = YM_BUF_INIT, b = YM_BUF_INIT;
			uint32_t rest = c;
			for (unsigned i = t->npoints; i-- > 0;) {
				unsigned k = rest % t->points[i].nvalues;
				rest /= t->points[i].nvalues;
				in[i].point = t->points[i].code;
				in[i].value = t->points[i].values[k].code;
			}
			CHECK_INT(ym_ssvc_decide(t, in, t->npoints, &r, &err),
				  0);
			CHECK_INT(r.outcome, t->cell[c]);
			CHECK_INT(r.row, t->row[c]);
			CHECK_INT(ym_ssvc_vector_format(&r,
							"2026-11-21T09:00:00Z",
							&a, &err), 0);
			int rc = ym_ssvc_vector_decide(reg, NULL, a.ptr, a.len,
						       &r2, &err);
			if (rc)
				fprintf(stderr, "%s: %s\n", a.ptr, err.msg);
			CHECK_INT(rc, 0);
			CHECK(r2.table == t);
			CHECK_INT(r2.outcome, r.outcome);
			CHECK_STR(r2.timestamp, "2026-11-21T09:00:00Z");
			ym_ssvc_vector_format(&r2, r2.timestamp, &b, &err);
			CHECK_STR(a.ptr, b.ptr);
			ym_buf_release(&a);
			ym_buf_release(&b);
		}
	}
}

static void t_vector_write(void)
{
	static const ym_ssvc_input in[] = {
		{"kev", "yes"}, {"publicly_exposed", "no"},
		{"automatable", "yes"}, {"technical_impact", "total"}};
	ym_ssvc_result r;
	ym_err err = YM_ERR_INIT;
	ym_buf b = YM_BUF_INIT;
	CHECK_INT(ym_ssvc_decide(tree("bod-26-04"), in, 4, &r, &err), 0);
	CHECK_INT(ym_ssvc_vector_format(&r, NULL, &b, &err), 0);
	CHECK_STR(b.ptr, "SSVCv2/A:Y/TI:T/cisa:BOD2604:3DF/cisa:KEV:Y/"
		  "cisa:PE:N/");
	ym_buf_reset(&b);
	CHECK_INT(ym_ssvc_vector_format(&r, "2026-02-30T00:00:00Z", &b, &err),
		  YM_E_INVALID);
	CHECK_STR(err.msg, "invalid timestamp '2026-02-30T00:00:00Z' "
		  "(expected an RFC 3339 date-time)");
	ym_buf_release(&b);
}

static void t_timestamps(void)
{
	static const char *const good[] = {
		"2026-11-21T09:00:00Z", "2024-02-29T00:00:00z",
		"2026-11-21t09:00:00.123456+09:00",
		"1999-12-31T23:59:60-05:30"};
	static const char *const bad[] = {
		"2026-11-21", "2026-11-21 09:00:00Z", "2023-02-29T00:00:00Z",
		"2026-11-21T24:00:00Z", "2026-11-21T09:00:00",
		"2026-11-21T09:00:00+9:00", "2026-11-21T09:00:00.Z",
		"2026-04-31T00:00:00Z", "2026-11-21T09:00:00+24:00"};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
		CHECK(ym_ssvc_is_timestamp(good[i], strlen(good[i])));
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		CHECK(!ym_ssvc_is_timestamp(bad[i], strlen(bad[i])));
}

int main(void)
{
	ym_err err = YM_ERR_INIT;
	if (ym_ssvc_registry_load(&reg, &err)) {
		fprintf(stderr, "cannot load the tables: %s\n", err.msg);
		return 1;
	}
	RUN(t_registry);
	RUN(t_every_cell);
	RUN(t_invariants);
	RUN(t_integer_api);
	RUN(t_string_api);
	RUN(t_loader_ok);
	RUN(t_loader_errors);
	RUN(t_vector_errors);
	RUN(t_vector_read);
	RUN(t_vector_round_trip);
	RUN(t_vector_write);
	RUN(t_timestamps);
	ym_ssvc_registry_free(reg);
	return test_done();
}
