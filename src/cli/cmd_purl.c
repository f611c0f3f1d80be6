/* cmd_purl.c - yamori purl parse|canon|build: Package URLs as a tool. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/arena.h"
#include "core/i18n.h"
#include "core/json.h"
#include "ids/purl.h"

static void usage(void)
{
	printf(_("usage: yamori purl parse [--strict] PURL\n"
		 "       yamori purl canon [--strict] PURL\n"
		 "       yamori purl canon [--strict] --batch   (one purl a "
		 "line on stdin)\n"
		 "       yamori purl build [--strict] --type T "
		 "[--namespace NS] --name NAME\n"
		 "             [--version V] [--qualifier KEY=VALUE]... "
		 "[--subpath PATH]\n"
		 "\n"
		 "parse prints the parts as JSON (type, namespace, name, "
		 "version,\nqualifiers, subpath), decoded and normalised for "
		 "the type; canon prints\nthe canonical string; build makes "
		 "it from decoded parts. --strict also\nrefuses what the "
		 "specification and the type's definition forbid but\nthe "
		 "default repairs or lets through: upper-case or repeated "
		 "qualifier\nkeys, a missing or forbidden namespace, a "
		 "missing required qualifier.\nIn --batch mode a bad line "
		 "prints 'error' and is reported on stderr\nwith its line "
		 "number; the exit status is 1 if any line failed.\n"));
}

static void parts_json(const ym_purl *p, ym_buf *out, ym_arena *a)
{
	ym_jsonw w;
	ym_jsonw_init(&w, out, true);
	ym_jsonw_obj_begin(&w);
	ym_jsonw_kstr(&w, "type", p->type);
	ym_jsonw_kstr(&w, "namespace", p->namespace_);
	ym_jsonw_kstr(&w, "name", p->name);
	ym_jsonw_kstr(&w, "version", p->version);
	ym_jsonw_key(&w, "qualifiers");
	if (p->n_qualifiers) {
		ym_jsonw_obj_begin(&w);
		for (size_t i = 0; i < p->n_qualifiers; i++)
			ym_jsonw_kstr(&w, p->qualifiers[i].key,
				      p->qualifiers[i].value);
		ym_jsonw_obj_end(&w);
	} else {
		ym_jsonw_null(&w);
	}
	ym_jsonw_kstr(&w, "subpath", p->subpath);
	ym_jsonw_kstr(&w, "canonical", ym_purl_format(p, a));
	ym_jsonw_obj_end(&w);
	ym_buf_addc(out, '\n');
}

static int batch_line(char *line, ym_arena *a, ym_buf *out, ym_err *err,
		      void *varg)
{
	ym_purl p;
	int rc = ym_purl_parse_ex(line, *(unsigned *)varg, a, &p, err);
	if (!rc)
		ym_buf_adds(out, ym_purl_format(&p, a));
	return rc;
}

static int batch(ym_ctx *ctx, unsigned flags)
{
	return ym_cli_batch(ctx, batch_line, &flags);
}

static int show(ym_ctx *ctx, const ym_purl *p, bool canon, ym_arena *a)
{
	ym_buf out = YM_BUF_INIT;
	if (!canon || ctx->format == YM_FMT_JSON) {
		parts_json(p, &out, a);
	} else {
		ym_buf_adds(&out, ym_purl_format(p, a));
		ym_buf_addc(&out, '\n');
	}
	ym_cli_out(&out);
	ym_buf_release(&out);
	return YM_EXIT_OK;
}

static int build(ym_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"strict", no_argument, NULL, 'S'},
		{"type", required_argument, NULL, 't'},
		{"namespace", required_argument, NULL, 'n'},
		{"name", required_argument, NULL, 'N'},
		{"version", required_argument, NULL, 'v'},
		{"qualifier", required_argument, NULL, 'q'},
		{"subpath", required_argument, NULL, 's'},
		{0}};
	ym_purl in = {0};
	unsigned flags = 0;
	ym_arena a;
	int c, rc;
	ym_arena_init(&a, 0);
	in.qualifiers = ym_arena_zalloc(&a, (size_t)argc *
						    sizeof *in.qualifiers);
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc - 1, argv + 1, ":", opts, NULL)) !=
	       -1) {
		switch (c) {
		case 'S': flags |= YM_PURL_STRICT; break;
		case 't': in.type = optarg; break;
		case 'n': in.namespace_ = optarg; break;
		case 'N': in.name = optarg; break;
		case 'v': in.version = optarg; break;
		case 's': in.subpath = optarg; break;
		case 'q': {
			char *eq = strchr(optarg, '=');
			if (!eq) {
				ym_arena_release(&a);
				return ym_cli_usage("purl",
						    _("--qualifier takes "
						      "KEY=VALUE"));
			}
			ym_purl_qualifier *q =
				&in.qualifiers[in.n_qualifiers++];
			q->key = ym_arena_strndup(&a, optarg,
						  (size_t)(eq - optarg));
			q->value = eq + 1;
			break;
		}
		default:
			ym_arena_release(&a);
			return ym_cli_bad_option("purl", c, argv + 1);
		}
	}
	if (optind != argc - 1) {
		ym_arena_release(&a);
		return ym_cli_usage("purl", _("build takes only options"));
	}
	ym_purl p;
	ym_err err = YM_ERR_INIT;
	if (ym_purl_build(&in, flags, &a, &p, &err)) {
		ym_arena_release(&a);
		return ym_cli_fail(&err);
	}
	rc = show(ctx, &p, true, &a);
	ym_arena_release(&a);
	return rc;
}

int ym_cmd_purl(ym_ctx *ctx, int argc, char **argv)
{
	if (ym_cli_wants_help(argc, argv)) {
		usage();
		return YM_EXIT_OK;
	}
	if (argc < 2 || (strcmp(argv[1], "parse") &&
			 strcmp(argv[1], "canon") && strcmp(argv[1], "build")))
		return ym_cli_usage("purl",
				    _("missing or unknown subcommand (parse, "
				      "canon, build)"));
	if (strcmp(argv[1], "build") == 0)
		return build(ctx, argc, argv);
	bool canon = strcmp(argv[1], "canon") == 0;
	unsigned flags = 0;
	int i = 2;
	if (i < argc && strcmp(argv[i], "--strict") == 0) {
		flags |= YM_PURL_STRICT;
		i++;
	}
	if (canon && argc == i + 1 && strcmp(argv[i], "--batch") == 0)
		return batch(ctx, flags);
	if (argc != i + 1)
		return ym_cli_usage("purl", _("give one PURL"));
	ym_arena a;
	ym_purl p;
	ym_err err = YM_ERR_INIT;
	ym_arena_init(&a, 0);
	if (ym_purl_parse_ex(argv[i], flags, &a, &p, &err)) {
		ym_arena_release(&a);
		return ym_cli_fail(&err);
	}
	int rc = show(ctx, &p, canon, &a);
	ym_arena_release(&a);
	return rc;
}
