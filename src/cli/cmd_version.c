/* cmd_version.c - yamori version cmp|in|canon: the version schemes as a
 * command-line tool, one pair at a time or in --batch from stdin. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/i18n.h"
#include "core/json.h"
#include "version/version.h"

static void usage(void)
{
	printf(_("usage: yamori version cmp --scheme S A B\n"
		 "       yamori version cmp --scheme S --batch   "
		 "(lines A<TAB>B on stdin)\n"
		 "       yamori version in --scheme S VERSION RANGE\n"
		 "       yamori version in --scheme S --batch    "
		 "(lines VERSION<TAB>RANGE on stdin)\n"
		 "       yamori version canon VERS\n"
		 "\n"
		 "cmp prints -1, 0 or 1; in prints true or false. RANGE is the "
		 "scheme's\nnative syntax or a vers: range "
		 "(vers:npm/>=1.0.0|<2.0.0). Schemes:\n%s\n"
		 "In --batch mode a bad line prints 'error', is reported on "
		 "stderr with\nits line number, and processing goes on; the "
		 "exit status is 1 if any\nline failed.\n"),
	       "  semver npm pypi maven nuget gem cargo golang composer pub\n"
	       "  cran hackage deb rpm apk alpm gentoo openssl conan generic");
}

typedef enum { OP_CMP, OP_IN } op_kind;

static int one(op_kind op, ym_scheme s, const char *a, const char *b,
	       ym_buf *out, ym_err *err)
{
	if (op == OP_CMP) {
		int r;
		int rc = ym_version_cmp(s, a, b, &r, err);
		if (!rc)
			ym_buf_printf(out, "%d", r);
		return rc;
	}
	bool in;
	int rc = ym_range_contains(s, a, b, &in, err);
	if (!rc)
		ym_buf_adds(out, in ? "true" : "false");
	return rc;
}

typedef struct batch_arg {
	op_kind op;
	ym_scheme s;
} batch_arg;

/* One line of A<TAB>B. */
static int batch_line(char *line, ym_arena *a, ym_buf *out, ym_err *err,
		      void *varg)
{
	batch_arg *ba = varg;
	char *tab = strchr(line, '\t');
	(void)a;
	if (!tab)
		return ym_err_set(err, YM_E_USAGE,
				  _("expected two fields separated by a tab"));
	*tab = '\0';
	return one(ba->op, ba->s, line, tab + 1, out, err);
}

static int batch(ym_ctx *ctx, op_kind op, ym_scheme s)
{
	batch_arg ba = {.op = op, .s = s};
	return ym_cli_batch(ctx, batch_line, &ba);
}

static int run(ym_ctx *ctx, op_kind op, int argc, char **argv)
{
	static const struct option opts[] = {
		{"scheme", required_argument, NULL, 's'},
		{"batch", no_argument, NULL, 'b'},
		{0}};
	const char *scheme = NULL;
	bool is_batch = false;
	int c;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == 's')
			scheme = optarg;
		else if (c == 'b')
			is_batch = true;
		else
			return ym_cli_bad_option("version", c, argv);
	}
	ym_scheme s = YM_SCHEME_UNKNOWN;
	if (scheme) {
		s = ym_scheme_from_name(scheme);
		if (s == YM_SCHEME_UNKNOWN)
			return ym_cli_usage("version",
					    _("unknown scheme '%s'"), scheme);
	} else if (op == OP_CMP) {
		return ym_cli_usage("version", _("--scheme is required"));
	}
	if (is_batch) {
		if (optind != argc)
			return ym_cli_usage("version",
					    _("--batch reads stdin and takes "
					      "no arguments"));
		return batch(ctx, op, s);
	}
	if (argc - optind != 2)
		return ym_cli_usage("version", op == OP_CMP
						       ? _("cmp needs A and B")
						       : _("in needs VERSION "
							   "and RANGE"));
	const char *a = argv[optind], *b = argv[optind + 1];
	if (!scheme && strncmp(b, "vers:", 5) != 0)
		return ym_cli_usage("version",
				    _("--scheme is required unless RANGE is "
				      "a vers: range"));
	ym_buf out = YM_BUF_INIT;
	ym_err err = YM_ERR_INIT;
	int rc = one(op, s, a, b, &out, &err);
	if (rc) {
		ym_buf_release(&out);
		return ym_cli_fail(&err);
	}
	if (ctx->format == YM_FMT_JSON) {
		ym_buf j = YM_BUF_INIT;
		ym_buf_printf(&j, "{\"result\": %s}\n", out.ptr);
		ym_cli_out(&j);
		ym_buf_release(&j);
	} else {
		ym_buf_addc(&out, '\n');
		ym_cli_out(&out);
	}
	ym_buf_release(&out);
	return YM_EXIT_OK;
}

static int canon(ym_ctx *ctx, int argc, char **argv)
{
	if (argc != 2)
		return ym_cli_usage("version", _("canon needs one vers range"));
	ym_buf out = YM_BUF_INIT;
	ym_err err = YM_ERR_INIT;
	if (ym_vers_canonical(argv[1], &out, &err)) {
		ym_buf_release(&out);
		return ym_cli_fail(&err);
	}
	if (ctx->format == YM_FMT_JSON) {
		ym_buf j = YM_BUF_INIT;
		ym_jsonw w;
		ym_jsonw_init(&w, &j, true);
		ym_jsonw_obj_begin(&w);
		ym_jsonw_kstr(&w, "canonical", out.ptr);
		ym_jsonw_obj_end(&w);
		ym_buf_addc(&j, '\n');
		ym_cli_out(&j);
		ym_buf_release(&j);
	} else {
		ym_buf_addc(&out, '\n');
		ym_cli_out(&out);
	}
	ym_buf_release(&out);
	return YM_EXIT_OK;
}

int ym_cmd_version(ym_ctx *ctx, int argc, char **argv)
{
	if (ym_cli_wants_help(argc, argv)) {
		usage();
		return YM_EXIT_OK;
	}
	if (argc < 2)
		return ym_cli_usage("version",
				    _("missing subcommand (cmp, in, canon)"));
	if (strcmp(argv[1], "cmp") == 0)
		return run(ctx, OP_CMP, argc - 1, argv + 1);
	if (strcmp(argv[1], "in") == 0)
		return run(ctx, OP_IN, argc - 1, argv + 1);
	if (strcmp(argv[1], "canon") == 0)
		return canon(ctx, argc - 1, argv + 1);
	return ym_cli_usage("version", _("unknown subcommand '%s'"), argv[1]);
}
