/* cli.h - shared by the command files of the yamori CLI.
 *
 * Every command is data (name, summary, flags) plus one exec function in
 * its own cmd_*.c file, listed in the table in main.c. Only this layer
 * prints to stdout and chooses exit codes.
 */
#ifndef YM_CLI_H
#define YM_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "core/buf.h"
#include "core/err.h"
#include "store/store.h"

/* Exit codes, documented in `yamori --help`. */
enum {
	YM_EXIT_OK = 0,
	YM_EXIT_FAIL = 1,  /* operation failed, or findings policy tripped */
	YM_EXIT_USAGE = 2  /* bad command line */
};

typedef enum ym_format {
	YM_FMT_TABLE,
	YM_FMT_JSON,
	YM_FMT_CSV
} ym_format;

typedef struct ym_ctx {
	const char *db_path; /* resolved database location */
	ym_format format;
	bool quiet;
	const char *lang;    /* "ja" or "en" */
	ym_store *store;     /* opened for commands that need it */
	const char *prog;    /* "yamori" */
	bool xlsx;           /* --format xlsx (ledger export only) */
} ym_ctx;

#define YM_CMD_NEEDS_STORE 1u /* open the database before exec */

typedef struct ym_cmd {
	const char *name;
	const char *summary; /* N_(), translated when shown */
	unsigned flags;
	int (*exec)(ym_ctx *ctx, int argc, char **argv);
} ym_cmd;

/* Commands (one file each). */
int ym_cmd_init(ym_ctx *ctx, int argc, char **argv);
int ym_cmd_dept(ym_ctx *ctx, int argc, char **argv);
int ym_cmd_asset(ym_ctx *ctx, int argc, char **argv);
int ym_cmd_import(ym_ctx *ctx, int argc, char **argv);
int ym_cmd_ledger(ym_ctx *ctx, int argc, char **argv);
int ym_cmd_collect(ym_ctx *ctx, int argc, char **argv);
int ym_cmd_feed(ym_ctx *ctx, int argc, char **argv);
int ym_cmd_vuln(ym_ctx *ctx, int argc, char **argv);
int ym_cmd_scan(ym_ctx *ctx, int argc, char **argv);
int ym_cmd_findings(ym_ctx *ctx, int argc, char **argv);
int ym_cmd_explain(ym_ctx *ctx, int argc, char **argv);
int ym_cmd_vex(ym_ctx *ctx, int argc, char **argv);
int ym_cmd_suppress(ym_ctx *ctx, int argc, char **argv);
int ym_cmd_triage(ym_ctx *ctx, int argc, char **argv);
int ym_cmd_version(ym_ctx *ctx, int argc, char **argv);
int ym_cmd_purl(ym_ctx *ctx, int argc, char **argv);
int ym_cmd_cpe(ym_ctx *ctx, int argc, char **argv);
int ym_cmd_cvss(ym_ctx *ctx, int argc, char **argv);
int ym_cmd_ssvc(ym_ctx *ctx, int argc, char **argv);
int ym_cmd_policy(ym_ctx *ctx, int argc, char **argv);

/* After anything that changes triage's inputs (findings, KEV, EPSS, the
 * ledger): decides the open findings again with the organisation's policy
 * when triage is in use, one line on stderr (cmd_triage.c). Returns an
 * exit code. */
int ym_cli_triage_after(ym_ctx *ctx);

/* Helpers (cli_util.c). */
/* Prints "yamori: <formatted error>" to stderr; returns YM_EXIT_FAIL or
 * YM_EXIT_USAGE for usage errors. */
int ym_cli_fail(const ym_err *err);
/* Prints a usage error and a hint to use --help; returns YM_EXIT_USAGE. */
int ym_cli_usage(const char *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Usage error for getopt's '?' or ':' result (unknown option, missing
 * value); call right after getopt_long returned c. */
int ym_cli_bad_option(const char *cmd, int c, char **argv);
/* Messages for the user on stderr unless --quiet. */
void ym_cli_note(const ym_ctx *ctx, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* True if argv has -h/--help before any "--". */
bool ym_cli_wants_help(int argc, char **argv);
/* True for a real calendar date written YYYY-MM-DD. */
bool ym_cli_is_date(const char *s);
/* Writes buf to stdout. */
void ym_cli_out(const ym_buf *b);
/* Builds a department scope from "code[,code...]" (NULL: everything).
 * ids must hold at least 16 entries. Returns 0 or an exit code. */
int ym_cli_scope(ym_ctx *ctx, const char *codes, int64_t *ids,
		 ym_scope *scope);
/* --batch: calls fn for every stdin line (newline removed) with an arena
 * reset per line. fn appends its answer to out, or fails; a failed line
 * prints "error" and is reported on stderr as "line N: message", and
 * processing goes on. Returns YM_EXIT_FAIL if any line failed. */
struct ym_arena;
typedef int (*ym_batch_fn)(char *line, struct ym_arena *a, ym_buf *out,
			   ym_err *err, void *arg);
int ym_cli_batch(ym_ctx *ctx, ym_batch_fn fn, void *arg);
/* Opens ctx->store (create: for init). */
int ym_cli_open_store(ym_ctx *ctx, bool create);

/* Tabular output (output.c): the same rows rendered as an aligned table
 * (East Asian width aware), CSV (RFC 4180) or JSON array of objects. */
typedef struct ym_table ym_table;
ym_table *ym_table_new(size_t ncols, const char *const *keys,
		       const char *const *headers);
void ym_table_add_row(ym_table *t, const char *const *cells);
size_t ym_table_rows(const ym_table *t);
/* Right-aligns a column (numbers) in table format. */
void ym_table_align_right(ym_table *t, size_t col);
void ym_table_render(const ym_table *t, ym_format fmt, ym_buf *out);
void ym_table_free(ym_table *t);
/* CSV field quoting. */
void ym_csv_field(ym_buf *out, const char *s);

#endif
