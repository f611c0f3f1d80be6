/* cli_util.c - error printing, notes and store opening for commands. */
#include <getopt.h>
#include <stdlib.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/arena.h"
#include "core/i18n.h"

int ym_cli_fail(const ym_err *err)
{
	ym_buf b = YM_BUF_INIT;
	ym_err_format(err, &b);
	fprintf(stderr, "yamori: %s\n", b.ptr);
	ym_buf_release(&b);
	return err->code == YM_E_USAGE ? YM_EXIT_USAGE : YM_EXIT_FAIL;
}

int ym_cli_usage(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("yamori: ", stderr);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, _("\n(see 'yamori %s --help')\n"), cmd);
	return YM_EXIT_USAGE;
}

int ym_cli_bad_option(const char *cmd, int c, char **argv)
{
	const char *opt = argv[optind - 1];
	if (c == ':')
		return ym_cli_usage(cmd, _("option '%s' needs a value"), opt);
	return ym_cli_usage(cmd, _("unknown option '%s'"), opt);
}

void ym_cli_note(const ym_ctx *ctx, const char *fmt, ...)
{
	if (ctx->quiet)
		return;
	va_list ap;
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

bool ym_cli_wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			return false;
		if (strcmp(argv[i], "-h") == 0 ||
		    strcmp(argv[i], "--help") == 0)
			return true;
	}
	return false;
}

void ym_cli_out(const ym_buf *b)
{
	fwrite(b->ptr, 1, b->len, stdout);
}

int ym_cli_scope(ym_ctx *ctx, const char *codes, int64_t *ids,
		 ym_scope *scope)
{
	ym_err err = YM_ERR_INIT;
	*scope = ym_scope_all;
	if (!codes)
		return 0;
	scope->all = false;
	scope->dept_ids = ids;
	scope->n = 0;
	const char *p = codes;
	while (*p) {
		const char *comma = strchr(p, ',');
		size_t n = comma ? (size_t)(comma - p) : strlen(p);
		char code[128];
		if (scope->n == 16 || n == 0 || n >= sizeof code)
			return ym_cli_usage("findings",
					    _("--dept takes up to 16 "
					      "comma-separated department "
					      "codes"));
		memcpy(code, p, n);
		code[n] = '\0';
		if (ym_store_department_find(ctx->store, code,
					     &ids[scope->n], &err))
			return ym_cli_fail(&err);
		scope->n++;
		p += n + (comma ? 1 : 0);
	}
	return 0;
}

int ym_cli_batch(ym_ctx *ctx, ym_batch_fn fn, void *arg)
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
		ym_err err = YM_ERR_INIT;
		size_t mark = out.len;
		if (fn(line, &a, &out, &err, arg)) {
			failed++;
			ym_buf_truncate(&out, mark);
			ym_buf_adds(&out, "error");
			if (!ctx->quiet) {
				/* keep stdout and stderr in step */
				ym_cli_out(&out);
				ym_buf_reset(&out);
				fflush(stdout);
				fprintf(stderr, _("yamori: line %ld: %s\n"),
					lineno, err.msg);
			}
		}
		ym_buf_addc(&out, '\n');
		ym_arena_reset(&a);
		/* large blocks: batch runs are about throughput */
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

int ym_cli_open_store(ym_ctx *ctx, bool create)
{
	ym_err err = YM_ERR_INIT;
	if (ctx->store)
		return 0;
	if (ym_store_open(ctx->db_path, create, &ctx->store, &err))
		return ym_cli_fail(&err);
	return 0;
}

/* YYYY-MM-DD, a real date. */
bool ym_cli_is_date(const char *s)
{
	int y, m, d;
	char tail;
	if (strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
		return false;
	static const int days[] = {31, 29, 31, 30, 31, 30,
				   31, 31, 30, 31, 30, 31};
	return y >= 1900 && m >= 1 && m <= 12 && d >= 1 &&
	       d <= days[m - 1] &&
	       !(m == 2 && d == 29 && (y % 4 || (y % 100 == 0 && y % 400)));
}
