/* main.c - yamori: global options, the command table, dispatch. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/i18n.h"
#include "core/progress.h"

#ifndef YM_VERSION_STRING
#define YM_VERSION_STRING "0.0.0"
#endif

static const ym_cmd commands[] = {
	{"init", N_("create or upgrade the database"), 0, ym_cmd_init},
	{"dept", N_("manage departments (add, list)"), YM_CMD_NEEDS_STORE,
	 ym_cmd_dept},
	{"asset", N_("manage assets in the ledger (add, list, show)"),
	 YM_CMD_NEEDS_STORE, ym_cmd_asset},
	{"import", N_("fill the ledger (import sbom|nmap|inventory FILE)"),
	 YM_CMD_NEEDS_STORE, ym_cmd_import},
	{"collect", N_("collect this host's inventory (OS, packages)"), 0,
	 ym_cmd_collect},
	{"ledger", N_("ledger views, relations, history and coverage"),
	 YM_CMD_NEEDS_STORE, ym_cmd_ledger},
	{"feed", N_("import vulnerability feeds (feed import SOURCE PATH)"),
	 YM_CMD_NEEDS_STORE, ym_cmd_feed},
	{"vuln", N_("show and search vulnerabilities (show, search)"),
	 YM_CMD_NEEDS_STORE, ym_cmd_vuln},
	{"scan", N_("match the ledger against the vulnerability store"),
	 YM_CMD_NEEDS_STORE, ym_cmd_scan},
	{"findings", N_("list and show findings with their evidence"),
	 YM_CMD_NEEDS_STORE, ym_cmd_findings},
	{"explain", N_("explain why a finding matched, in plain words"),
	 YM_CMD_NEEDS_STORE, ym_cmd_explain},
	{"vex", N_("import VEX statements and apply them to findings"),
	 YM_CMD_NEEDS_STORE, ym_cmd_vex},
	{"suppress", N_("suppress a finding with a reason (list, lift)"),
	 YM_CMD_NEEDS_STORE, ym_cmd_suppress},
	{"triage", N_("decide a priority and deadline per finding, with "
		      "the reason"), YM_CMD_NEEDS_STORE, ym_cmd_triage},
	{"version", N_("compare versions and test ranges (cmp, in, canon)"),
	 0, ym_cmd_version},
	{"purl", N_("parse and normalise Package URLs (parse, canon)"), 0,
	 ym_cmd_purl},
	{"cpe", N_("parse and match CPE 2.3 names (parse, match)"), 0,
	 ym_cmd_cpe},
	{"cvss", N_("score CVSS v2/v3.0/v3.1/v4.0 vectors"), 0, ym_cmd_cvss},
	{"ssvc", N_("SSVC decision trees (trees, show, decide)"), 0,
	 ym_cmd_ssvc},
	{"policy", N_("check and show the triage policy (check, show, "
		      "default)"), 0, ym_cmd_policy},
};
#define N_COMMANDS (sizeof commands / sizeof commands[0])

static void print_help(void)
{
	printf(_("usage: yamori [options] <command> [arguments]\n"
		 "\n"
		 "yamori keeps the asset ledger, matches it against "
		 "vulnerability feeds\nand explains every finding.\n"
		 "\n"
		 "commands:\n"));
	for (size_t i = 0; i < N_COMMANDS; i++)
		printf("  %-10s %s\n", commands[i].name,
		       _(commands[i].summary));
	printf(_("\n"
		 "options (anywhere on the command line):\n"
		 "  --db PATH          database file (default: $YAMORI_DB, or\n"
		 "                     $XDG_DATA_HOME/yamori/yamori.db)\n"
		 "  --format FORMAT    output format: table, json or csv\n"
		 "  --lang LANG        message language: ja or en (default: "
		 "from the locale)\n"
		 "  -q, --quiet        no progress or notes on stderr\n"
		 "  --version          print the version and exit\n"
		 "  -h, --help         this help; 'yamori COMMAND --help' for a "
		 "command\n"
		 "\n"
		 "exit status:\n"
		 "  0  success\n"
		 "  1  the operation failed (bad input, database error), or a\n"
		 "     findings policy such as 'scan --fail-on' was tripped\n"
		 "  2  usage error (unknown command or option, missing "
		 "argument)\n"));
}

static char *default_db(void)
{
	const char *env = getenv("YAMORI_DB");
	if (env && *env)
		return strdup(env);
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	char path[PATH_MAX];
	if (xdg && *xdg)
		snprintf(path, sizeof path, "%s/yamori/yamori.db", xdg);
	else if (home && *home)
		snprintf(path, sizeof path, "%s/.local/share/yamori/yamori.db",
			 home);
	else
		snprintf(path, sizeof path, "yamori.db");
	return strdup(path);
}

/* Catalogs next to the binary (build tree) win over the installed ones. */
static const char *find_localedir(const char *argv0, char *buf, size_t n)
{
	const char *env = getenv("YAMORI_LOCALEDIR");
	if (env && *env)
		return env;
	char exe[PATH_MAX];
	ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (len > 0) {
		exe[len] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			snprintf(buf, n, "%s/locale", exe);
			struct stat st;
			if (stat(buf, &st) == 0 && S_ISDIR(st.st_mode))
				return buf;
		}
	}
	(void)argv0;
	return NULL;
}

/* Takes the global options out of argv wherever they are (before "--"),
 * so `yamori findings list --format json` works like git's -C. */
static int take_globals(int *argc, char **argv, ym_ctx *ctx,
			const char **db, const char **lang, bool *version,
			bool *help_before_cmd)
{
	int out = 1;
	bool seen_cmd = false, dashdash = false;
	for (int i = 1; i < *argc; i++) {
		const char *a = argv[i];
		const char *val = NULL;
		if (dashdash) {
			argv[out++] = argv[i];
			continue;
		}
		if (strcmp(a, "--") == 0) {
			dashdash = true;
			argv[out++] = argv[i];
			continue;
		}
		const char *names[] = {"--db", "--format", "--lang"};
		int which = -1;
		for (int k = 0; k < 3; k++) {
			size_t nl = strlen(names[k]);
			if (strncmp(a, names[k], nl) == 0 &&
			    (a[nl] == '\0' || a[nl] == '=')) {
				which = k;
				if (a[nl] == '=') {
					val = a + nl + 1;
				} else if (i + 1 < *argc) {
					val = argv[++i];
				} else {
					fprintf(stderr,
						_("yamori: option %s needs a "
						  "value\n"),
						names[k]);
					return YM_EXIT_USAGE;
				}
			}
		}
		if (which == 0) {
			*db = val;
		} else if (which == 1) {
			if (strcmp(val, "table") == 0)
				ctx->format = YM_FMT_TABLE;
			else if (strcmp(val, "json") == 0)
				ctx->format = YM_FMT_JSON;
			else if (strcmp(val, "csv") == 0)
				ctx->format = YM_FMT_CSV;
			else if (strcmp(val, "xlsx") == 0)
				ctx->xlsx = true; /* ledger export only */
			else {
				fprintf(stderr,
					_("yamori: unknown format '%s' (use "
					  "table, json or csv)\n"),
					val);
				return YM_EXIT_USAGE;
			}
		} else if (which == 2) {
			if (strcmp(val, "ja") && strcmp(val, "en")) {
				fprintf(stderr,
					_("yamori: unknown language '%s' (use "
					  "ja or en)\n"),
					val);
				return YM_EXIT_USAGE;
			}
			*lang = val;
		} else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
			ctx->quiet = true;
		} else if (strcmp(a, "--version") == 0 && !seen_cmd) {
			*version = true;
		} else if ((strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) &&
			   !seen_cmd) {
			*help_before_cmd = true;
		} else {
			if (a[0] != '-')
				seen_cmd = true;
			argv[out++] = argv[i];
		}
	}
	*argc = out;
	argv[out] = NULL;
	return 0;
}

int main(int argc, char **argv)
{
	ym_ctx ctx = {.format = YM_FMT_TABLE, .prog = "yamori"};
	const char *db = NULL, *lang = NULL;
	bool version = false, help = false;
	char localebuf[PATH_MAX + 16];
	/* the language must be known before any message is printed, so
	 * look for --lang first */
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
			lang = argv[i + 1];
		else if (strncmp(argv[i], "--lang=", 7) == 0)
			lang = argv[i] + 7;
	}
	if (lang && strcmp(lang, "ja") && strcmp(lang, "en"))
		lang = NULL;
	ctx.lang = ym_i18n_init(lang, find_localedir(argv[0], localebuf,
						     sizeof localebuf));
	int rc = take_globals(&argc, argv, &ctx, &db, &lang, &version, &help);
	if (rc)
		return rc;
	ym_progress_set_quiet(ctx.quiet);
	if (version) {
		printf("yamori %s\n", YM_VERSION_STRING);
		return YM_EXIT_OK;
	}
	if (help || argc < 2) {
		print_help();
		return help ? YM_EXIT_OK : YM_EXIT_USAGE;
	}
	if (argv[1][0] == '-') {
		fprintf(stderr, _("yamori: unknown option '%s'\n"), argv[1]);
		return YM_EXIT_USAGE;
	}
	const ym_cmd *cmd = NULL;
	for (size_t i = 0; i < N_COMMANDS; i++)
		if (strcmp(commands[i].name, argv[1]) == 0)
			cmd = &commands[i];
	if (!cmd) {
		fprintf(stderr,
			_("yamori: '%s' is not a yamori command (see 'yamori "
			  "--help')\n"),
			argv[1]);
		return YM_EXIT_USAGE;
	}
	if (ctx.xlsx && strcmp(cmd->name, "ledger") != 0) {
		fprintf(stderr, _("yamori: --format xlsx is only for 'ledger "
				  "export'\n"));
		return YM_EXIT_USAGE;
	}
	char *dbpath = db ? strdup(db) : default_db();
	ctx.db_path = dbpath;
	if ((cmd->flags & YM_CMD_NEEDS_STORE) &&
	    !ym_cli_wants_help(argc - 1, argv + 1)) {
		rc = ym_cli_open_store(&ctx, false);
		if (rc) {
			free(dbpath);
			return rc;
		}
	}
	rc = cmd->exec(&ctx, argc - 1, argv + 1);
	fflush(stdout);
	ym_store_close(ctx.store);
	free(dbpath);
	return rc;
}
