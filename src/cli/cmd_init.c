/* cmd_init.c - yamori init: create the database or bring its schema up
 * to date. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "core/i18n.h"
#include "core/json.h"

static void usage(void)
{
	printf(_("usage: yamori init\n"
		 "\n"
		 "Creates the database (see --db) or upgrades its schema to "
		 "the\nversion this yamori knows. Safe to run again.\n"));
}

/* mkdir -p for the directory part of path. */
static int make_parent_dirs(const char *path, ym_err *err)
{
	char dir[PATH_MAX];
	snprintf(dir, sizeof dir, "%s", path);
	char *slash = strrchr(dir, '/');
	if (!slash || slash == dir)
		return 0;
	*slash = '\0';
	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST)
			goto fail;
		*p = '/';
	}
	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		goto fail;
	return 0;
fail:
	ym_err_set(err, YM_E_IO, _("cannot create directory %s: %s"), dir,
		   strerror(errno));
	return YM_E_IO;
}

int ym_cmd_init(ym_ctx *ctx, int argc, char **argv)
{
	if (ym_cli_wants_help(argc, argv)) {
		usage();
		return YM_EXIT_OK;
	}
	if (argc > 1)
		return ym_cli_usage("init", _("unexpected argument '%s'"),
				    argv[1]);
	ym_err err = YM_ERR_INIT;
	if (make_parent_dirs(ctx->db_path, &err))
		return ym_cli_fail(&err);
	int rc = ym_cli_open_store(ctx, true);
	if (rc)
		return rc;
	int version = 0;
	if (ym_store_schema_version(ctx->store, &version, &err))
		return ym_cli_fail(&err);
	ym_buf out = YM_BUF_INIT;
	if (ctx->format == YM_FMT_JSON) {
		ym_jsonw w;
		ym_jsonw_init(&w, &out, true);
		ym_jsonw_obj_begin(&w);
		ym_jsonw_kstr(&w, "database", ctx->db_path);
		ym_jsonw_kint(&w, "schema_version", version);
		ym_jsonw_obj_end(&w);
		ym_buf_addc(&out, '\n');
	} else {
		ym_buf_printf(&out,
			      _("database %s is ready (schema version %d)\n"),
			      ctx->db_path, version);
	}
	ym_cli_out(&out);
	ym_buf_release(&out);
	return YM_EXIT_OK;
}
