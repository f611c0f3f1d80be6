/* cmd_purl.c - yamori purl parse|canon: Package URLs as a tool. */
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
	printf(_("usage: yamori purl parse PURL\n"
		 "       yamori purl canon PURL\n"
		 "       yamori purl canon --batch   (one purl a line on stdin)\n"
		 "\n"
		 "parse prints the parts as JSON (type, namespace, name, "
		 "version,\nqualifiers, subpath), decoded and normalised for "
		 "the type; canon prints\nthe canonical string. In --batch "
		 "mode a bad line prints 'error' and is\nreported on stderr "
		 "with its line number; the exit status is 1 if any\nline "
		 "failed.\n"));
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

static int batch(ym_ctx *ctx)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	long lineno = 0, failed = 0;
	ym_buf out = YM_BUF_INIT;
	ym_arena a;
	ym_arena_init(&a, 0);
	while ((n = getline(&line, &cap, stdin)) > 0) {
		lineno++;
		if (line[n - 1] == '\n')
			line[--n] = '\0';
		if (n && line[n - 1] == '\r')
			line[--n] = '\0';
		ym_purl p;
		ym_err err = YM_ERR_INIT;
		if (ym_purl_parse(line, &a, &p, &err)) {
			failed++;
			ym_buf_adds(&out, "error\n");
			if (!ctx->quiet) {
				ym_cli_out(&out);
				ym_buf_reset(&out);
				fflush(stdout);
				fprintf(stderr, _("yamori: line %ld: %s\n"),
					lineno, err.msg);
			}
		} else {
			ym_buf_adds(&out, ym_purl_format(&p, &a));
			ym_buf_addc(&out, '\n');
		}
		ym_arena_reset(&a);
		if (out.len > 1 << 16) {
			ym_cli_out(&out);
			ym_buf_reset(&out);
		}
	}
	ym_cli_out(&out);
	ym_buf_release(&out);
	ym_arena_release(&a);
	free(line);
	return failed ? YM_EXIT_FAIL : YM_EXIT_OK;
}

int ym_cmd_purl(ym_ctx *ctx, int argc, char **argv)
{
	if (ym_cli_wants_help(argc, argv)) {
		usage();
		return YM_EXIT_OK;
	}
	if (argc < 2 || (strcmp(argv[1], "parse") && strcmp(argv[1], "canon")))
		return ym_cli_usage("purl",
				    _("missing or unknown subcommand (parse, "
				      "canon)"));
	bool canon = strcmp(argv[1], "canon") == 0;
	if (canon && argc == 3 && strcmp(argv[2], "--batch") == 0)
		return batch(ctx);
	if (argc != 3)
		return ym_cli_usage("purl", _("give one PURL"));
	ym_arena a;
	ym_purl p;
	ym_err err = YM_ERR_INIT;
	ym_arena_init(&a, 0);
	if (ym_purl_parse(argv[2], &a, &p, &err)) {
		ym_arena_release(&a);
		return ym_cli_fail(&err);
	}
	ym_buf out = YM_BUF_INIT;
	if (!canon || ctx->format == YM_FMT_JSON) {
		parts_json(&p, &out, &a);
	} else {
		ym_buf_adds(&out, ym_purl_format(&p, &a));
		ym_buf_addc(&out, '\n');
	}
	ym_cli_out(&out);
	ym_buf_release(&out);
	ym_arena_release(&a);
	return YM_EXIT_OK;
}
