/* cmd_cvss.c - yamori cvss: score CVSS v2/v3.0/v3.1/v4.0 vectors given as
 * arguments, or one a line on stdin with --batch. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/i18n.h"
#include "core/json.h"
#include "risk/cvss.h"

static void usage(void)
{
	printf(_("usage: yamori cvss [--all] VECTOR...\n"
		 "       yamori cvss [--all] --batch   (one vector a line on "
		 "stdin)\n"
		 "\n"
		 "Prints the score, severity and nomenclature (CVSS-B, -BT, "
		 "-BE, -BTE) of\neach vector: CVSS:4.0/..., CVSS:3.1/..., "
		 "CVSS:3.0/..., or a v2 vector\nwithout prefix, optionally in "
		 "parentheses. Parsing is strict; an invalid\nvector is "
		 "reported with the position of the problem.\n"
		 "--batch prints VECTOR<TAB>SCORE<TAB>SEVERITY per line, or\n"
		 "VECTOR<TAB>error<TAB>MESSAGE; --all adds the base, "
		 "temporal (v4.0: threat)\nand environmental scores and the "
		 "nomenclature: VECTOR<TAB>SCORE<TAB>\nSEVERITY<TAB>BASE<TAB>"
		 "TEMPORAL<TAB>ENVIRONMENTAL<TAB>NOMENCLATURE.\n"
		 "The exit status is 1 if any vector failed.\n"));
}

static void fmt1(char *buf, size_t cap, double x)
{
	snprintf(buf, cap, "%.1f", x);
}

typedef struct batch_arg {
	bool all;
	long failed;
} batch_arg;

static int batch_line(char *line, struct ym_arena *a, ym_buf *out,
		      ym_err *err, void *varg)
{
	batch_arg *ba = varg;
	ym_cvss c;
	(void)a;
	(void)err;
	ym_buf_adds(out, line);
	if (ym_cvss_parse(line, &c, NULL)) {
		/* the message only now: a ym_err is 2 KB to initialise */
		ym_err perr = YM_ERR_INIT;
		ym_cvss_parse(line, &c, &perr);
		ba->failed++;
		ym_buf_printf(out, "\terror\t%s", perr.msg);
		return 0;
	}
	ym_cvss_scores s;
	ym_cvss_score(&c, &s);
	/* "\t%.1f\t%s" (and "\t%.1f\t%.1f\t%.1f\t%s"), without printf:
	 * this is the throughput path */
	char num[YM_CVSS_SCORE_MAX + 1];
	num[0] = '\t';
	ym_buf_add(out, num, 1 + ym_cvss_score_str(s.overall, num + 1));
	ym_buf_addc(out, '\t');
	ym_buf_adds(out, ym_cvss_severity_name(s.severity));
	if (ba->all) {
		const double x[3] = {s.base, s.temporal, s.environmental};
		for (int i = 0; i < 3; i++)
			ym_buf_add(out, num,
				   1 + ym_cvss_score_str(x[i], num + 1));
		ym_buf_addc(out, '\t');
		ym_buf_adds(out, ym_cvss_nomenclature_name(s.nomenclature));
	}
	return 0;
}

static void json_one(ym_jsonw *w, const char *vec, const ym_cvss *c,
		     const ym_cvss_scores *s)
{
	char canon[YM_CVSS_FORMAT_MAX], supp[YM_CVSS_FORMAT_MAX];
	ym_cvss_format(c, YM_CVSS_G_ALL, canon, sizeof canon);
	ym_cvss_format(c, YM_CVSS_G_SUPPLEMENTAL | YM_CVSS_FMT_NO_PREFIX,
		       supp, sizeof supp);
	ym_jsonw_obj_begin(w);
	ym_jsonw_kstr(w, "vector", vec);
	ym_jsonw_kstr(w, "canonical", canon);
	ym_jsonw_kstr(w, "version", ym_cvss_version_name(c->version));
	ym_jsonw_key(w, "score");
	ym_jsonw_double(w, s->overall);
	ym_jsonw_kstr(w, "severity", ym_cvss_severity_name(s->severity));
	ym_jsonw_kstr(w, "nomenclature",
		      ym_cvss_nomenclature_name(s->nomenclature));
	ym_jsonw_key(w, "base");
	ym_jsonw_double(w, s->base);
	ym_jsonw_key(w, c->version == YM_CVSS_V40 ? "threat" : "temporal");
	ym_jsonw_double(w, s->temporal);
	ym_jsonw_key(w, "environmental");
	ym_jsonw_double(w, s->environmental);
	if (c->version == YM_CVSS_V40)
		ym_jsonw_kstr(w, "supplemental", supp);
	ym_jsonw_obj_end(w);
}

static int run_args(ym_ctx *ctx, int argc, char **argv)
{
	static const char *const keys[] = {
		"vector", "version", "score", "severity", "nomenclature",
		"base", "temporal", "environmental", "supplemental"};
	const char *const headers[] = {
		_("VECTOR"), _("VERSION"), _("SCORE"), _("SEVERITY"),
		_("NOMENCLATURE"), _("BASE"), _("TEMPORAL"),
		_("ENVIRONMENTAL"), _("SUPPLEMENTAL")};
	int failed = 0;
	ym_buf out = YM_BUF_INIT;
	ym_jsonw w;
	ym_table *t = NULL;
	if (ctx->format == YM_FMT_JSON) {
		ym_jsonw_init(&w, &out, true);
		ym_jsonw_arr_begin(&w);
	} else {
		t = ym_table_new(9, keys, headers);
		for (size_t col = 2; col <= 7; col++)
			if (col != 3 && col != 4)
				ym_table_align_right(t, col);
	}
	for (int i = 0; i < argc; i++) {
		ym_cvss c;
		ym_cvss_scores s;
		ym_err err = YM_ERR_INIT;
		if (ym_cvss_parse(argv[i], &c, &err)) {
			fprintf(stderr, "yamori: %s: %s\n", argv[i], err.msg);
			failed = 1;
			continue;
		}
		ym_cvss_score(&c, &s);
		if (!t) {
			json_one(&w, argv[i], &c, &s);
			continue;
		}
		char sc[8], b[8], tm[8], env[8];
		char supp[YM_CVSS_FORMAT_MAX];
		fmt1(sc, sizeof sc, s.overall);
		fmt1(b, sizeof b, s.base);
		fmt1(tm, sizeof tm, s.temporal);
		fmt1(env, sizeof env, s.environmental);
		ym_cvss_format(&c, YM_CVSS_G_SUPPLEMENTAL |
					   YM_CVSS_FMT_NO_PREFIX,
			       supp, sizeof supp);
		const char *row[] = {
			argv[i], ym_cvss_version_name(c.version), sc,
			ym_cvss_severity_name(s.severity),
			ym_cvss_nomenclature_name(s.nomenclature), b, tm,
			env, supp};
		ym_table_add_row(t, row);
	}
	if (t) {
		ym_table_render(t, ctx->format, &out);
		ym_table_free(t);
	} else {
		ym_jsonw_arr_end(&w);
		ym_buf_addc(&out, '\n');
	}
	ym_cli_out(&out);
	ym_buf_release(&out);
	return failed ? YM_EXIT_FAIL : YM_EXIT_OK;
}

int ym_cmd_cvss(ym_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"batch", no_argument, NULL, 'b'},
		{"all", no_argument, NULL, 'a'},
		{0}};
	bool is_batch = false, all = false;
	int c;
	if (ym_cli_wants_help(argc, argv)) {
		usage();
		return YM_EXIT_OK;
	}
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == 'b')
			is_batch = true;
		else if (c == 'a')
			all = true;
		else
			return ym_cli_bad_option("cvss", c, argv);
	}
	if (is_batch) {
		if (optind != argc)
			return ym_cli_usage("cvss",
					    _("--batch reads stdin and takes "
					      "no arguments"));
		batch_arg ba = {.all = all};
		int rc = ym_cli_batch(ctx, batch_line, &ba);
		if (rc)
			return rc;
		return ba.failed ? YM_EXIT_FAIL : YM_EXIT_OK;
	}
	if (optind == argc)
		return ym_cli_usage("cvss", _("missing VECTOR"));
	return run_args(ctx, argc - optind, argv + optind);
}
