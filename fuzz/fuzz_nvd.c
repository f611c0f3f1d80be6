/* fuzz_nvd.c - libFuzzer target for the NVD CVE API 2.0 parser.
 *
 * Each input is parsed in skip mode and in strict mode, and read for its
 * paging fields. Every record handed to the sink must have a valid CVE id,
 * a severity of the model's set, CVSS entries with a version and a
 * vector, CPE rows whose criteria parse as CPE 2.3 formatted strings and
 * whose operators are AND, OR or none, CWE ids only, references that
 * re-parse as a JSON array and SSVC values of the model's set. A failure
 * must leave a code and a message set; skip mode may fail only on input
 * that is not an NVD CVE API response. The arena is released after every
 * input.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/err.h"
#include "core/json.h"
#include "feeds/nvd.h"
#include "ids/cpe.h"

static void die(const ym_vuln *v, const char *what, const char *detail)
{
	fprintf(stderr, "fuzz_nvd: %s: %s: %s\n",
		v && v->vuln_id ? v->vuln_id : "(no record)", what,
		detail ? detail : "");
	abort();
}

static bool one_of(const char *s, const char *const *set)
{
	if (!s)
		return true;
	for (; *set; set++)
		if (strcmp(s, *set) == 0)
			return true;
	return false;
}

static void check_json_array(const ym_vuln *v, const char *text)
{
	ym_arena a;
	ym_err err = YM_ERR_INIT;
	ym_arena_init(&a, 1024);
	const ym_json *j = ym_json_parse(&a, text, strlen(text), NULL, "x",
					 &err);
	if (!j || j->type != YM_JSON_ARRAY || j->u.arr.n == 0)
		die(v, "stored JSON is not a non-empty array", text);
	ym_arena_release(&a);
}

static void check_cpe(const ym_vuln *v, const ym_cpe_criterion *r)
{
	static const char *const ops[] = {"AND", "OR", NULL};
	ym_arena a;
	ym_cpe cpe;
	ym_err err = YM_ERR_INIT;
	if (!r->criteria)
		die(v, "CPE row without criteria", NULL);
	ym_arena_init(&a, 1024);
	if (ym_cpe_unbind_fs(r->criteria, &a, &cpe, &err))
		die(v, "criteria does not parse", err.msg);
	ym_arena_release(&a);
	if (!one_of(r->config_op, ops) || !one_of(r->node_op, ops))
		die(v, "operator not AND/OR", r->criteria);
	const char *bounds[] = {r->start_incl, r->start_excl, r->end_incl,
				r->end_excl};
	for (int i = 0; i < 4; i++)
		if (bounds[i] && !*bounds[i])
			die(v, "empty version bound", r->criteria);
}

static int sink(const ym_vuln *v, void *ctx, ym_err *err)
{
	static const char *const sevs[] = {"critical", "high", "medium", "low",
					   "none", "unknown", NULL};
	static const char *const expl[] = {"none", "poc", "active", NULL};
	static const char *const yesno[] = {"yes", "no", NULL};
	static const char *const impact[] = {"partial", "total", NULL};
	size_t *records = ctx;
	(void)err;
	if (!v->vuln_id || !ym_nvd_cve_id_valid(v->vuln_id, strlen(v->vuln_id)))
		die(v, "invalid id", v->vuln_id);
	if (!v->source || strcmp(v->source, "nvd") != 0)
		die(v, "source is not nvd", v->source);
	if (!v->severity || !one_of(v->severity, sevs))
		die(v, "severity not in the model's set", v->severity);
	if ((v->n_cvss && !v->cvss) || (v->n_cpes && !v->cpes))
		die(v, "count without rows", NULL);
	for (size_t i = 0; i < v->n_cvss; i++)
		if (!v->cvss[i].vector || !v->cvss[i].version)
			die(v, "CVSS entry without vector or version", NULL);
	for (size_t i = 0; i < v->n_cpes; i++)
		check_cpe(v, &v->cpes[i]);
	for (size_t i = 0; v->cwes && v->cwes[i]; i++)
		if (!ym_nvd_cwe_id_valid(v->cwes[i]))
			die(v, "not a CWE id", v->cwes[i]);
	if (v->references)
		check_json_array(v, v->references);
	if (v->ssvc && (!one_of(v->ssvc->exploitation, expl) ||
			!one_of(v->ssvc->automatable, yesno) ||
			!one_of(v->ssvc->technical_impact, impact)))
		die(v, "SSVC value not in the model's set", NULL);
	(*records)++;
	return 0;
}

static void check_rc(int rc, const ym_err *err, const char *what)
{
	if (rc != 0 && (rc > 0 || err->code != rc || err->msg[0] == '\0')) {
		fprintf(stderr, "fuzz_nvd: %s: rc %d, err.code %d, msg '%s'\n",
			what, rc, err->code, err->msg);
		abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	size_t lax_records = 0, strict_records = 0;
	ym_arena a;
	ym_err err = YM_ERR_INIT;
	ym_nvd_page page;
	long rpp, start, total;

	ym_arena_init(&a, 4096);
	ym_feed_ctx lax = {.vuln = sink, .ctx = &lax_records};
	int rc = ym_nvd_parse_page(text, size, "in.json", &a, &lax, &page,
				   &err);
	check_rc(rc, &err, "skip mode");
	if (rc == 0 && lax_records > page.records)
		die(NULL, "more records than the page holds", NULL);

	ym_err_clear(&err);
	ym_feed_ctx strict = {.strict = true, .vuln = sink,
			      .ctx = &strict_records};
	int src = ym_nvd_parse(text, size, "in.json", &a, &strict, &err);
	check_rc(src, &err, "strict mode");
	/* strict mode stops at the first bad record, skip mode goes on */
	if (strict_records > lax_records || (src == 0 && rc != 0))
		die(NULL, "strict mode emitted more than skip mode", NULL);

	ym_err_clear(&err);
	rc = ym_nvd_page_info(text, size, "in.json", &a, &rpp, &start, &total,
			      &err);
	check_rc(rc, &err, "page info");
	if (rc == 0 && (rpp < 0 || start < 0 || total < 0))
		die(NULL, "negative paging field", NULL);
	ym_arena_release(&a);
	return 0;
}
