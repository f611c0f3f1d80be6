/* fuzz_cve5.c - libFuzzer target for the CVE JSON 5 record parser.
 *
 * Each input is parsed in skip mode and in strict mode. Every record
 * handed to the sink must have a valid CVE id, a severity of the model's
 * set, CVSS entries with a version, a vector and a kind of Primary or
 * Secondary, CPE rows whose criteria parse as CPE 2.3 formatted strings,
 * that keep the source's words in text and come in configurations
 * numbered from 0 without gaps, no more of them than YM_CVE5_MAX_ROWS,
 * CWE ids only, references and remediations that re-parse as JSON arrays
 * and SSVC values of the model's set. A failure must leave a code and a
 * message set. The arena is released after every input.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/err.h"
#include "core/json.h"
#include "feeds/cve5.h"
#include "feeds/nvd.h"
#include "ids/cpe.h"

static void die(const ym_vuln *v, const char *what, const char *detail)
{
	fprintf(stderr, "fuzz_cve5: %s: %s: %s\n",
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

static void check_rows(const ym_vuln *v)
{
	int config = 0;
	if (v->n_cpes > YM_CVE5_MAX_ROWS)
		die(v, "more rows than YM_CVE5_MAX_ROWS", NULL);
	for (size_t i = 0; i < v->n_cpes; i++) {
		const ym_cpe_criterion *r = &v->cpes[i];
		ym_arena a;
		ym_cpe cpe;
		ym_err err = YM_ERR_INIT;
		if (!r->criteria || !r->text)
			die(v, "CPE row without criteria or text", NULL);
		ym_arena_init(&a, 1024);
		if (ym_cpe_unbind_fs(r->criteria, &a, &cpe, &err))
			die(v, "criteria does not parse", err.msg);
		ym_arena_release(&a);
		/* rows come entry by entry: the same or the next config */
		if (r->config != config && r->config != config + 1)
			die(v, "configurations out of order", r->criteria);
		config = r->config;
		if (!r->vulnerable || r->node != 0 || r->node_negate)
			die(v, "CVE 5 row with NVD-only fields", r->criteria);
	}
	if (v->n_cpes && v->cpes[0].config != 0)
		die(v, "first configuration is not 0", NULL);
}

static int sink(const ym_vuln *v, void *ctx, ym_err *err)
{
	static const char *const sevs[] = {"critical", "high", "medium", "low",
					   "none", "unknown", NULL};
	static const char *const kinds[] = {"Primary", "Secondary", NULL};
	static const char *const expl[] = {"none", "poc", "active", NULL};
	static const char *const yesno[] = {"yes", "no", NULL};
	static const char *const impact[] = {"partial", "total", NULL};
	size_t *records = ctx;
	(void)err;
	if (!v->vuln_id || !ym_nvd_cve_id_valid(v->vuln_id, strlen(v->vuln_id)))
		die(v, "invalid id", v->vuln_id);
	if (!v->source || strcmp(v->source, "cve5") != 0)
		die(v, "source is not cve5", v->source);
	if (!v->severity || !one_of(v->severity, sevs))
		die(v, "severity not in the model's set", v->severity);
	if ((v->n_cvss && !v->cvss) || (v->n_cpes && !v->cpes))
		die(v, "count without rows", NULL);
	for (size_t i = 0; i < v->n_cvss; i++)
		if (!v->cvss[i].vector || !v->cvss[i].version ||
		    !v->cvss[i].kind || !one_of(v->cvss[i].kind, kinds))
			die(v, "CVSS entry without vector, version or kind",
			    NULL);
	check_rows(v);
	for (size_t i = 0; v->cwes && v->cwes[i]; i++)
		if (!ym_nvd_cwe_id_valid(v->cwes[i]))
			die(v, "not a CWE id", v->cwes[i]);
	if (v->references)
		check_json_array(v, v->references);
	if (v->remediations)
		check_json_array(v, v->remediations);
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
		fprintf(stderr, "fuzz_cve5: %s: rc %d, err.code %d, msg '%s'\n",
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

	ym_arena_init(&a, 4096);
	ym_feed_ctx lax = {.vuln = sink, .ctx = &lax_records};
	int rc = ym_cve5_parse(text, size, "in.json", &a, &lax, &err);
	check_rc(rc, &err, "skip mode");

	ym_err_clear(&err);
	ym_feed_ctx strict = {.strict = true, .vuln = sink,
			      .ctx = &strict_records};
	int src = ym_cve5_parse(text, size, "in.json", &a, &strict, &err);
	check_rc(src, &err, "strict mode");
	if (strict_records > lax_records || (src == 0 && rc != 0))
		die(NULL, "strict mode emitted more than skip mode", NULL);
	ym_arena_release(&a);
	return 0;
}
