/* cmd_dept.c - yamori dept add|list: the departments that own assets. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/i18n.h"

static void usage(void)
{
	printf(_("usage: yamori dept add CODE NAME [--name-en NAME]\n"
		 "       yamori dept list\n"
		 "\n"
		 "CODE is a short unique key (e.g. joho); NAME the display "
		 "name.\nAdding an existing CODE updates its names.\n"));
}

static int add(ym_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"name-en", required_argument, NULL, 'e'}, {0}};
	const char *name_en = NULL;
	int c;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == 'e')
			name_en = optarg;
		else
			return ym_cli_bad_option("dept", c, argv);
	}
	if (argc - optind != 2)
		return ym_cli_usage("dept", _("dept add needs CODE and NAME"));
	ym_department d = {.code = argv[optind], .name = argv[optind + 1],
			   .name_en = name_en};
	ym_err err = YM_ERR_INIT;
	int64_t id;
	if (ym_store_department_put(ctx->store, &d, &id, &err))
		return ym_cli_fail(&err);
	ym_cli_note(ctx, _("department %s saved"), d.code);
	return YM_EXIT_OK;
}

static int list_row(const ym_department *d, void *vt)
{
	char id[24];
	snprintf(id, sizeof id, "%lld", (long long)d->id);
	const char *row[] = {id, d->code, d->name, d->name_en};
	ym_table_add_row(vt, row);
	return 0;
}

static int list(ym_ctx *ctx)
{
	static const char *const keys[] = {"id", "code", "name", "name_en"};
	const char *headers[] = {_("ID"), _("CODE"), _("NAME"),
				 _("NAME (EN)")};
	ym_table *t = ym_table_new(4, keys, headers);
	ym_table_align_right(t, 0);
	ym_err err = YM_ERR_INIT;
	int rc = ym_store_departments_each(ctx->store, list_row, t, &err);
	if (!rc) {
		ym_buf out = YM_BUF_INIT;
		ym_table_render(t, ctx->format, &out);
		ym_cli_out(&out);
		ym_buf_release(&out);
	}
	ym_table_free(t);
	return rc ? ym_cli_fail(&err) : YM_EXIT_OK;
}

int ym_cmd_dept(ym_ctx *ctx, int argc, char **argv)
{
	if (ym_cli_wants_help(argc, argv)) {
		usage();
		return YM_EXIT_OK;
	}
	if (argc < 2)
		return ym_cli_usage("dept", _("missing subcommand (add, list)"));
	if (strcmp(argv[1], "add") == 0)
		return add(ctx, argc - 1, argv + 1);
	if (strcmp(argv[1], "list") == 0) {
		if (argc > 2)
			return ym_cli_usage("dept", _("unexpected argument '%s'"),
					    argv[2]);
		return list(ctx);
	}
	return ym_cli_usage("dept", _("unknown subcommand '%s'"), argv[1]);
}
