/* fuzz_jvn.c - libFuzzer target for the JVN feed readers (feeds/jvn and
 * feeds/jvn_checksum).
 *
 * Each input is read as a JVN document in the default and in strict mode,
 * for its paging, and as a checksum list. A failure must carry its code and
 * a message. Every record handed to the sink must have an id and source
 * "jvn"; its alias and CWE lists must be NULL-terminated (ASan sees a
 * missing end); every CPE row must be a vulnerable "cpe:2.3:" name that
 * parses back, in an OR node, with its text only where it says it read
 * it; the references, remediations and threats must re-parse as non-empty
 * JSON arrays; a CVSS entry must have a known version and a score in
 * [0, 10] or -1. Everything lives in one arena released per input, and
 * libxml2's reader is created and freed per call.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/err.h"
#include "core/json.h"
#include "feeds/jvn.h"
#include "feeds/jvn_checksum.h"
#include "ids/cpe.h"

static void die(const ym_vuln *v, const char *what, const char *detail)
{
	fprintf(stderr, "fuzz_jvn: %s: %s%s%s\n",
		v && v->vuln_id ? v->vuln_id : "(no id)", what,
		detail ? ": " : "", detail ? detail : "");
	abort();
}

static void check_json(const ym_vuln *v, const char *what, const char *text)
{
	ym_arena a;
	ym_err err = YM_ERR_INIT;

	if (!text)
		return;
	ym_arena_init(&a, 1024);
	const ym_json *j = ym_json_parse(&a, text, strlen(text), NULL, what,
					 &err);
	if (!j || j->type != YM_JSON_ARRAY || j->u.arr.n == 0)
		die(v, what, text);
	ym_arena_release(&a);
}

static int sink(const ym_vuln *v, void *ctx, ym_err *err)
{
	ym_arena *a = ctx;
	(void)err;

	if (!v->vuln_id || !*v->vuln_id || strcmp(v->source, "jvn") != 0)
		die(v, "record without an id or source", NULL);
	if (!v->severity)
		die(v, "no severity", NULL);
	for (size_t i = 0; v->aliases && v->aliases[i]; i++)
		if (!*v->aliases[i])
			die(v, "empty alias", NULL);
	for (size_t i = 0; v->cwes && v->cwes[i]; i++)
		if (strncmp(v->cwes[i], "CWE-", 4) != 0)
			die(v, "bad CWE", v->cwes[i]);
	for (size_t i = 0; i < v->n_cvss; i++) {
		const ym_cvss_entry *c = &v->cvss[i];
		if (!c->version || !c->origin ||
		    !(c->base_score == -1 ||
		      (c->base_score >= 0 && c->base_score <= 10)))
			die(v, "bad CVSS entry", c->vector);
	}
	for (size_t i = 0; i < v->n_cpes; i++) {
		const ym_cpe_criterion *c = &v->cpes[i];
		ym_cpe cpe;
		ym_err e = YM_ERR_INIT;
		if (!c->vulnerable || !c->criteria ||
		    strncmp(c->criteria, "cpe:2.3:", 8) != 0 ||
		    strcmp(c->node_op, "OR") != 0 || c->node != 0 ||
		    c->config < 0)
			die(v, "bad CPE row", c->criteria);
		if (ym_cpe_unbind_fs(c->criteria, a, &cpe, &e))
			die(v, "CPE row does not parse back", e.msg);
		bool bounds = c->start_incl || c->start_excl || c->end_incl ||
			      c->end_excl;
		if (bounds && !c->text)
			die(v, "bounds without a text", c->criteria);
		if (!c->text && !c->unparsed)
			die(v, "no text but not unparsed", c->criteria);
	}
	check_json(v, "references", v->references);
	check_json(v, "remediations", v->remediations);
	check_json(v, "threats", v->threats);
	return 0;
}

static void check_rc(const char *what, int rc, const ym_err *err)
{
	if (rc != 0 && (rc > 0 || err->code != rc || err->msg[0] == '\0')) {
		fprintf(stderr, "fuzz_jvn: %s: rc %d, err.code %d, msg '%s'\n",
			what, rc, err->code, err->msg);
		abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ym_arena a;
	ym_err err = YM_ERR_INIT;
	const char *text = (const char *)data;
	int rc;

	ym_arena_init(&a, 4096);
	for (int strict = 0; strict < 2; strict++) {
		ym_feed_ctx fc = {.strict = strict, .vuln = sink, .ctx = &a};
		rc = ym_jvn_parse(text, size, "in.rdf", &a, &fc, &err);
		check_rc("parse", rc, &err);
	}
	long t, r, f;
	rc = ym_jvn_page_info(text, size, "in.rdf", &t, &r, &f, &err);
	check_rc("page_info", rc, &err);
	if (rc == 0 && (t < -1 || r < -1 || f < -1))
		die(NULL, "page numbers below -1", NULL);
	ym_jvn_checksums l;
	rc = ym_jvn_checksums_parse(text, size, "checksum.txt", &a, &l, &err);
	check_rc("checksums", rc, &err);
	for (size_t i = 0; i < l.n && i < 4; i++) {
		if (!l.v[i].filename || !*l.v[i].filename ||
		    ym_jvn_checksum_find(&l, l.v[i].filename) != &l.v[i])
			die(NULL, "checksum entry not found by its name",
			    l.v[i].filename);
		rc = ym_jvn_checksum_verify(&l, l.v[i].filename, data, size,
					    &err);
		check_rc("verify", rc, &err);
	}
	ym_arena_release(&a);
	return 0;
}
