/* cmd_cpe.c - yamori cpe parse|match: CPE 2.3 names as a tool, one at a
 * time or in --batch from stdin. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/arena.h"
#include "core/i18n.h"
#include "core/json.h"
#include "ids/cpe.h"

static void usage(void)
{
	printf(_("usage: yamori cpe parse [--as fs|uri|wfn] NAME\n"
		 "       yamori cpe parse --batch [--as fs|uri|wfn]   "
		 "(one name a line on stdin)\n"
		 "       yamori cpe match SOURCE TARGET\n"
		 "       yamori cpe match --batch   "
		 "(lines SOURCE<TAB>TARGET on stdin)\n"
		 "\n"
		 "A name is a CPE 2.3 formatted string "
		 "(cpe:2.3:a:vendor:product:...), a URI\n"
		 "(cpe:/a:vendor:product:...) or a WFN "
		 "(wfn:[part=\"a\",vendor=\"x\"]).\n"
		 "\n"
		 "parse prints a JSON object: the 11 attributes (part, "
		 "vendor, product,\nversion, update, edition, language, "
		 "sw_edition, target_sw, target_hw,\nother) as strings in "
		 "WFN form, that is letters, digits and '_' as they\nare, "
		 "any other character quoted with '\\', wildcards '*' and "
		 "'?' bare;\nANY is \"*\" and NA is \"-\", which no value "
		 "can be. Then the bindings\n\"wfn\", \"fs\" and \"uri\". "
		 "With --as only that binding is printed (--batch:\nfs "
		 "unless --as says otherwise).\n"
		 "\n"
		 "match prints how SOURCE relates to TARGET (NISTIR 7696): "
		 "EQUAL,\nSUPERSET (SOURCE matches TARGET), SUBSET, DISJOINT "
		 "or UNDEFINED (none\nof these, e.g. TARGET has wildcards).\n"
		 "\n"
		 "In --batch mode a bad line prints 'error' and is reported "
		 "on stderr\nwith its line number; the exit status is 1 if "
		 "any line failed.\n"));
}

typedef enum { AS_JSON, AS_FS, AS_URI, AS_WFN } as_kind;

static void parts_json(const ym_cpe *c, ym_buf *out)
{
	ym_buf tmp = YM_BUF_INIT;
	ym_jsonw w;
	ym_jsonw_init(&w, out, true);
	ym_jsonw_obj_begin(&w);
	for (int i = 0; i < YM_CPE_NATTR; i++) {
		const ym_cpe_av *av = &c->av[i];
		ym_jsonw_kstr(&w, ym_cpe_attr_name((ym_cpe_attr)i),
			      av->kind == YM_CPE_ANY  ? "*"
			      : av->kind == YM_CPE_NA ? "-"
						      : av->s);
	}
	ym_cpe_format_wfn(c, &tmp);
	ym_jsonw_kstr(&w, "wfn", tmp.ptr);
	ym_buf_reset(&tmp);
	ym_cpe_bind_fs(c, &tmp);
	ym_jsonw_kstr(&w, "fs", tmp.ptr);
	ym_buf_reset(&tmp);
	ym_cpe_bind_uri(c, &tmp);
	ym_jsonw_kstr(&w, "uri", tmp.ptr);
	ym_jsonw_obj_end(&w);
	ym_buf_addc(out, '\n');
	ym_buf_release(&tmp);
}

static void bind_as(const ym_cpe *c, as_kind as, ym_buf *out)
{
	if (as == AS_URI)
		ym_cpe_bind_uri(c, out);
	else if (as == AS_WFN)
		ym_cpe_format_wfn(c, out);
	else
		ym_cpe_bind_fs(c, out);
}

/* One line (or the two arguments) of work into out, without newline. */
static int one(bool match, as_kind as, char *line, ym_arena *a, ym_buf *out,
	       ym_err *err)
{
	ym_cpe c, t;
	if (!match) {
		int rc = ym_cpe_parse(line, a, &c, err);
		if (!rc)
			bind_as(&c, as, out);
		return rc;
	}
	char *tab = strchr(line, '\t');
	if (!tab)
		return ym_err_set(err, YM_E_USAGE,
				  _("expected two fields separated by a "
				    "tab"));
	*tab = '\0';
	int rc = ym_cpe_parse(line, a, &c, err);
	if (!rc)
		rc = ym_cpe_parse(tab + 1, a, &t, err);
	if (!rc)
		ym_buf_adds(out, ym_cpe_rel_name(ym_cpe_compare(&c, &t,
								NULL)));
	return rc;
}

typedef struct batch_arg {
	bool match;
	as_kind as;
} batch_arg;

static int batch_line(char *line, ym_arena *a, ym_buf *out, ym_err *err,
		      void *varg)
{
	batch_arg *ba = varg;
	return one(ba->match, ba->as, line, a, out, err);
}

static int batch(ym_ctx *ctx, bool match, as_kind as)
{
	batch_arg ba = {.match = match, .as = as};
	return ym_cli_batch(ctx, batch_line, &ba);
}

static int run(ym_ctx *ctx, bool match, int argc, char **argv)
{
	static const struct option opts[] = {
		{"batch", no_argument, NULL, 'b'},
		{"as", required_argument, NULL, 'a'},
		{0}};
	bool is_batch = false;
	as_kind as = AS_JSON;
	int c;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == 'b') {
			is_batch = true;
		} else if (c == 'a' && !match) {
			if (strcmp(optarg, "fs") == 0)
				as = AS_FS;
			else if (strcmp(optarg, "uri") == 0)
				as = AS_URI;
			else if (strcmp(optarg, "wfn") == 0)
				as = AS_WFN;
			else
				return ym_cli_usage("cpe",
						    _("unknown binding '%s' "
						      "(fs, uri, wfn)"),
						    optarg);
		} else {
			return ym_cli_bad_option("cpe", c, argv);
		}
	}
	if (is_batch) {
		if (optind != argc)
			return ym_cli_usage("cpe",
					    _("--batch reads stdin and takes "
					      "no arguments"));
		return batch(ctx, match, as == AS_JSON ? AS_FS : as);
	}
	if (argc - optind != (match ? 2 : 1))
		return ym_cli_usage("cpe", match
						   ? _("match needs SOURCE "
						       "and TARGET")
						   : _("parse needs one NAME"));
	ym_arena a;
	ym_arena_init(&a, 0);
	ym_buf out = YM_BUF_INIT;
	ym_err err = YM_ERR_INIT;
	ym_cpe s, t;
	int rc = ym_cpe_parse(argv[optind], &a, &s, &err);
	if (!rc && match)
		rc = ym_cpe_parse(argv[optind + 1], &a, &t, &err);
	if (rc) {
		ym_arena_release(&a);
		return ym_cli_fail(&err);
	}
	if (match) {
		ym_cpe_rel r = ym_cpe_compare(&s, &t, NULL);
		if (ctx->format == YM_FMT_JSON) {
			ym_jsonw w;
			ym_jsonw_init(&w, &out, false);
			ym_jsonw_obj_begin(&w);
			ym_jsonw_kstr(&w, "relation", ym_cpe_rel_name(r));
			ym_jsonw_kbool(&w, "match", r == YM_CPE_SUPERSET ||
							    r == YM_CPE_EQUAL);
			ym_jsonw_obj_end(&w);
		} else {
			ym_buf_adds(&out, ym_cpe_rel_name(r));
		}
		ym_buf_addc(&out, '\n');
	} else if (as == AS_JSON || ctx->format == YM_FMT_JSON) {
		parts_json(&s, &out);
	} else {
		bind_as(&s, as, &out);
		ym_buf_addc(&out, '\n');
	}
	ym_cli_out(&out);
	ym_buf_release(&out);
	ym_arena_release(&a);
	return YM_EXIT_OK;
}

int ym_cmd_cpe(ym_ctx *ctx, int argc, char **argv)
{
	if (ym_cli_wants_help(argc, argv)) {
		usage();
		return YM_EXIT_OK;
	}
	if (argc < 2)
		return ym_cli_usage("cpe",
				    _("missing subcommand (parse, match)"));
	if (strcmp(argv[1], "parse") == 0)
		return run(ctx, false, argc - 1, argv + 1);
	if (strcmp(argv[1], "match") == 0)
		return run(ctx, true, argc - 1, argv + 1);
	return ym_cli_usage("cpe", _("unknown subcommand '%s'"), argv[1]);
}
