/* cmd_ledger.c - yamori ledger: the views the seed asks for (by software,
 * by system, by service), relations between assets, the change history
 * and the coverage of what the ledger does not know. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/arena.h"
#include "core/i18n.h"
#include "core/json.h"
#include "inventory/host_import.h"
#include "inventory/ledger_import.h"

static void usage(void)
{
	printf(_("usage: yamori ledger by-software TEXT [--dept CODES]\n"
		 "       yamori ledger by-system ASSET\n"
		 "       yamori ledger by-service ASSET\n"
		 "       yamori ledger relate FROM uses|runs_on TO [--remove]\n"
		 "       yamori ledger history [ASSET] [--since YYYY-MM-DD] "
		 "[--dept CODES]\n"
		 "       yamori ledger coverage [--dept CODES]\n"
		 "       yamori ledger reconcile SCAN... [--stale-days N] "
		 "[--dept CODES]\n"
		 "       yamori ledger export FILE [--format csv|xlsx] [--dept "
		 "CODES]\n"
		 "\n"
		 "by-software: which systems run software whose name, purl, "
		 "package key\n"
		 "  or CPE contains TEXT, with owner and department.\n"
		 "by-system: what runs on a system: its software, the hosts "
		 "it runs on\n"
		 "  and the services that use it.\n"
		 "by-service: the systems a service uses, their owners, and "
		 "their hosts.\n"
		 "relate: a service uses a system; a system runs on a host.\n"
		 "history: every change to assets and their software (time, "
		 "actor, old\n"
		 "  and new value, and the file or scan that caused it).\n"
		 "coverage: the share of assets without owner, department, "
		 "version,\n"
		 "  exposure, support end date or software - the holes that "
		 "make later\n"
		 "  decisions blind.\n"
		 "reconcile: hosts the nmap scans (XML) found that the ledger "
		 "lacks\n"
		 "  (unmanaged), and hosts in the ledger no scan or inventory "
		 "has seen\n"
		 "  for N days (stale, default 30), with the owner to ask.\n"
		 "export: the ledger as CSV (UTF-8 with BOM, for Excel; FILE "
		 "- is stdout)\n"
		 "  or .xlsx (--format, else from the file name), headers in "
		 "the interface\n"
		 "  language (--lang ja|en); reads back with 'yamori import "
		 "csv'\n"
		 "  without loss.\n"));
}

/* ---- by-software ---- */

typedef struct rows {
	ym_ctx *ctx;
	ym_table *t;
	ym_arena a;
	const ym_scope *scope;
} rows;

static int software_row(const ym_component *c, void *arg)
{
	rows *r = arg;
	ym_asset as;
	char ref[32];
	snprintf(ref, sizeof ref, "%lld", (long long)c->asset_id);
	const char *owner = "", *dept = "";
	if (ym_store_asset_get(r->ctx->store, r->scope, ref, &r->a, &as,
			       NULL) == 0) {
		owner = as.owner ? as.owner : "";
		dept = as.department_code ? as.department_code : "";
	}
	const char *cells[] = {c->name ? c->name : "",
			       c->version ? c->version : "",
			       c->asset_name ? c->asset_name : "",
			       dept,
			       owner,
			       c->purl ? c->purl : c->cpe ? c->cpe : ""};
	ym_table_add_row(r->t, cells);
	return 0;
}

static int scope_opts(ym_ctx *ctx, int argc, char **argv, const char **dept,
		      const char **since, bool *remove)
{
	static const struct option opts[] = {
		{"dept", required_argument, NULL, 'd'},
		{"since", required_argument, NULL, 's'},
		{"remove", no_argument, NULL, 'r'},
		{0}};
	int c;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == 'd' && dept)
			*dept = optarg;
		else if (c == 's' && since)
			*since = optarg;
		else if (c == 'r' && remove)
			*remove = true;
		else
			return ym_cli_bad_option("ledger", c, argv);
	}
	(void)ctx;
	return -1;
}

static int render(ym_ctx *ctx, ym_table *t)
{
	ym_buf out = YM_BUF_INIT;
	ym_table_render(t, ctx->format, &out);
	ym_cli_out(&out);
	ym_buf_release(&out);
	ym_table_free(t);
	return YM_EXIT_OK;
}

static int by_software(ym_ctx *ctx, int argc, char **argv)
{
	const char *dept = NULL;
	int rc = scope_opts(ctx, argc, argv, &dept, NULL, NULL);
	if (rc >= 0)
		return rc;
	if (optind + 1 != argc)
		return ym_cli_usage("ledger",
				    _("ledger by-software needs one TEXT"));
	int64_t ids[16];
	ym_scope scope;
	if ((rc = ym_cli_scope(ctx, dept, ids, &scope)))
		return rc;
	static const char *const keys[] = {"software", "version", "asset",
					   "department", "owner", "id"};
	const char *headers[] = {_("SOFTWARE"), _("VERSION"), _("ASSET"),
				 _("DEPARTMENT"), _("OWNER"), "PURL/CPE"};
	rows r = {.ctx = ctx, .t = ym_table_new(6, keys, headers),
		  .scope = &scope};
	ym_arena_init(&r.a, 0);
	ym_err err = YM_ERR_INIT;
	rc = ym_store_components_find(ctx->store, &scope, argv[optind],
				      software_row, &r, &err);
	ym_arena_release(&r.a);
	if (rc) {
		ym_table_free(r.t);
		return ym_cli_fail(&err);
	}
	return render(ctx, r.t);
}

/* ---- by-system / by-service ---- */

typedef struct rel_rows {
	ym_table *t;
	int64_t self;
	bool service_view;
} rel_rows;

static int relation_row(const ym_relation *rel, void *arg)
{
	rel_rows *r = arg;
	bool outgoing = rel->from_id == r->self;
	/* from the asset's point of view: "runs on host X", "used by
	 * service Y", "uses system Z" */
	const char *how = outgoing ? (strcmp(rel->kind, "uses") == 0
					      ? _("uses")
					      : _("runs on"))
				   : (strcmp(rel->kind, "uses") == 0
					      ? _("used by")
					      : _("runs"));
	const char *cells[] = {how,
			       outgoing ? rel->to_name : rel->from_name,
			       _(outgoing ? rel->to_kind : rel->from_kind),
			       outgoing && rel->to_owner ? rel->to_owner : "",
			       outgoing && rel->to_department
				       ? rel->to_department
				       : ""};
	ym_table_add_row(r->t, cells);
	return 0;
}

static int component_row(const ym_component *c, void *arg)
{
	ym_table *t = arg;
	const char *cells[] = {_("software"), c->name ? c->name : "",
			       c->version ? c->version : "",
			       c->purl ? c->purl : c->cpe ? c->cpe : "", ""};
	ym_table_add_row(t, cells);
	return 0;
}

static int by_asset(ym_ctx *ctx, int argc, char **argv, bool service)
{
	if (argc != 2)
		return ym_cli_usage("ledger", _("%s needs one ASSET"), argv[0]);
	ym_err err = YM_ERR_INIT;
	ym_arena a;
	ym_asset as;
	ym_arena_init(&a, 0);
	int rc = ym_store_asset_get(ctx->store, &ym_scope_all, argv[1], &a,
				    &as, &err);
	if (rc) {
		ym_arena_release(&a);
		return ym_cli_fail(&err);
	}
	static const char *const keys[] = {"relation", "name", "kind_or_version",
					   "owner_or_id", "department"};
	const char *headers[] = {_("RELATION"), _("NAME"), _("KIND/VERSION"),
				 _("OWNER/PURL"), _("DEPARTMENT")};
	ym_table *t = ym_table_new(5, keys, headers);
	rel_rows r = {.t = t, .self = as.id, .service_view = service};
	rc = ym_store_relations_each(ctx->store, &ym_scope_all, as.id,
				     relation_row, &r, &err);
	if (!rc && !service)
		rc = ym_store_components_each(ctx->store, &ym_scope_all, as.id,
					      component_row, t, &err);
	ym_arena_release(&a);
	if (rc) {
		ym_table_free(t);
		return ym_cli_fail(&err);
	}
	return render(ctx, t);
}

/* ---- relate ---- */

static int relate(ym_ctx *ctx, int argc, char **argv)
{
	bool remove = false;
	int rc = scope_opts(ctx, argc, argv, NULL, NULL, &remove);
	if (rc >= 0)
		return rc;
	if (optind + 3 != argc)
		return ym_cli_usage("ledger",
				    _("ledger relate needs FROM uses|runs_on "
				      "TO"));
	ym_relation_kind kind;
	if (ym_relation_kind_parse(argv[optind + 1], &kind))
		return ym_cli_usage("ledger",
				    _("unknown relation '%s' (uses, runs_on)"),
				    argv[optind + 1]);
	ym_err err = YM_ERR_INIT;
	ym_arena a;
	ym_asset from, to;
	ym_arena_init(&a, 0);
	rc = ym_store_asset_get(ctx->store, &ym_scope_all, argv[optind], &a,
				&from, &err);
	if (!rc)
		rc = ym_store_asset_get(ctx->store, &ym_scope_all,
					argv[optind + 2], &a, &to, &err);
	if (!rc)
		rc = ym_store_begin(ctx->store, &err);
	if (!rc) {
		rc = ym_store_relation_set(ctx->store, from.id, kind, to.id,
					   !remove, NULL, &err);
		if (rc)
			ym_store_rollback(ctx->store);
		else
			rc = ym_store_commit(ctx->store, &err);
	}
	if (!rc)
		ym_cli_note(ctx, remove ? _("%s no longer %s %s")
					: _("%s %s %s"),
			    from.name, ym_relation_kind_name(kind), to.name);
	ym_arena_release(&a);
	return rc ? ym_cli_fail(&err) : YM_EXIT_OK;
}

/* ---- history ---- */

/* status words, for xgettext */
static const char *const STATUS_WORDS[] __attribute__((unused)) = {
	N_("unmanaged"), N_("stale"),
					   N_("seen")};

static const char *change_label(const char *change)
{
	static const struct {
		const char *key, *label;
	} L[] = {
		{"created", N_("created")},
		{"field", N_("changed")},
		{"software_added", N_("software added")},
		{"software_removed", N_("software removed")},
		{"software_upgraded", N_("software upgraded")},
		{"software_downgraded", N_("software downgraded")},
		{"software_changed", N_("software version changed")},
		{"relation_added", N_("relation added")},
		{"relation_removed", N_("relation removed")},
	};
	for (size_t i = 0; i < sizeof L / sizeof *L; i++)
		if (strcmp(L[i].key, change) == 0)
			return _(L[i].label);
	return change;
}

typedef struct hist {
	ym_table *t;
	bool json;
} hist;

static int history_row(const ym_history_entry *h, void *arg)
{
	hist *x = arg;
	const char *cells[] = {h->at,
			       h->asset_name,
			       x->json ? h->change : change_label(h->change),
			       h->subject ? h->subject : "",
			       h->old_value ? h->old_value : "",
			       h->new_value ? h->new_value : "",
			       h->actor,
			       h->source ? h->source : ""};
	ym_table_add_row(x->t, cells);
	return 0;
}

static int history(ym_ctx *ctx, int argc, char **argv)
{
	const char *dept = NULL, *since = NULL;
	int rc = scope_opts(ctx, argc, argv, &dept, &since, NULL);
	if (rc >= 0)
		return rc;
	if (optind + 1 < argc)
		return ym_cli_usage("ledger", _("unexpected argument '%s'"),
				    argv[optind + 1]);
	int64_t ids[16];
	ym_scope scope;
	if ((rc = ym_cli_scope(ctx, dept, ids, &scope)))
		return rc;
	ym_err err = YM_ERR_INIT;
	int64_t asset_id = 0;
	ym_arena a;
	ym_arena_init(&a, 0);
	if (optind < argc) {
		ym_asset as;
		rc = ym_store_asset_get(ctx->store, &scope, argv[optind], &a,
					&as, &err);
		if (rc) {
			ym_arena_release(&a);
			return ym_cli_fail(&err);
		}
		asset_id = as.id;
	}
	ym_arena_release(&a);
	static const char *const keys[] = {"at",  "asset", "change", "subject",
					   "old", "new",   "actor",  "source"};
	const char *headers[] = {_("TIME"), _("ASSET"), _("CHANGE"),
				 _("WHAT"), _("OLD"),   C_("history", "NEW"),
				 _("ACTOR"), _("SOURCE")};
	hist x = {.t = ym_table_new(8, keys, headers),
		  .json = ctx->format != YM_FMT_TABLE};
	rc = ym_store_history_each(ctx->store, &scope, asset_id, since,
				   history_row, &x, &err);
	if (rc) {
		ym_table_free(x.t);
		return ym_cli_fail(&err);
	}
	return render(ctx, x.t);
}

/* ---- coverage ---- */

static int coverage(ym_ctx *ctx, int argc, char **argv)
{
	const char *dept = NULL;
	int rc = scope_opts(ctx, argc, argv, &dept, NULL, NULL);
	if (rc >= 0)
		return rc;
	if (optind < argc)
		return ym_cli_usage("ledger", _("unexpected argument '%s'"),
				    argv[optind]);
	int64_t ids[16];
	ym_scope scope;
	if ((rc = ym_cli_scope(ctx, dept, ids, &scope)))
		return rc;
	ym_coverage c;
	ym_err err = YM_ERR_INIT;
	if ((rc = ym_store_coverage(ctx->store, &scope, &c, &err)))
		return ym_cli_fail(&err);
	static const char *const keys[] = {"gap", "assets", "percent"};
	const char *headers[] = {_("GAP"), _("ASSETS"), "%"};
	ym_table *t = ym_table_new(3, keys, headers);
	ym_table_align_right(t, 1);
	ym_table_align_right(t, 2);
	const struct {
		const char *key, *label;
		int64_t n;
	} G[] = {
		{"no_owner", N_("no owner"), c.no_owner},
		{"no_department", N_("no department"), c.no_department},
		{"no_version", N_("no version and no software"), c.no_version},
		{"unknown_exposure", N_("exposure unknown"), c.unknown_exposure},
		{"no_support_end", N_("no support end date"), c.no_support_end},
		{"unknown_criticality", N_("criticality unknown"),
		 c.unknown_criticality},
		{"no_software", N_("no software recorded"), c.no_software},
	};
	{
		char n[32];
		snprintf(n, sizeof n, "%lld", (long long)c.assets);
		const char *cells[] = {ctx->format == YM_FMT_TABLE
					       ? _("assets (disposed ones not "
						   "counted)")
					       : "assets",
				       n, "100.0"};
		ym_table_add_row(t, cells);
	}
	for (size_t i = 0; i < sizeof G / sizeof *G; i++) {
		char n[32], pct[32];
		snprintf(n, sizeof n, "%lld", (long long)G[i].n);
		snprintf(pct, sizeof pct, "%.1f",
			 c.assets ? 100.0 * (double)G[i].n / (double)c.assets
				  : 0.0);
		const char *cells[] = {
			ctx->format == YM_FMT_TABLE ? _(G[i].label) : G[i].key,
			n, pct};
		ym_table_add_row(t, cells);
	}
	return render(ctx, t);
}

/* ---- reconcile ---- */

static int reconcile_row(const ym_reconcile_row *r, void *arg)
{
	rows *x = arg;
	bool table = x->ctx->format == YM_FMT_TABLE;
	const char *cells[] = {table ? _(r->status) : r->status,
			       r->name ? r->name : "",
			       r->addresses ? r->addresses : "",
			       r->open_ports ? r->open_ports : "",
			       r->last_seen ? r->last_seen : "",
			       r->owner ? r->owner : "",
			       r->department ? r->department : ""};
	ym_table_add_row(x->t, cells);
	return 0;
}

static int reconcile(ym_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"dept", required_argument, NULL, 'd'},
		{"stale-days", required_argument, NULL, 's'},
		{0}};
	const char *dept = NULL;
	long days = 30;
	int c;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == 'd') {
			dept = optarg;
		} else if (c == 's') {
			char *end;
			days = strtol(optarg, &end, 10);
			if (*end || end == optarg || days < 0 || days > 36500)
				return ym_cli_usage(
					"ledger",
					_("--stale-days needs a number of "
					  "days, not '%s'"),
					optarg);
		} else {
			return ym_cli_bad_option("ledger", c, argv);
		}
	}
	int64_t ids[16];
	ym_scope scope;
	int rc = ym_cli_scope(ctx, dept, ids, &scope);
	if (rc)
		return rc;
	static const char *const keys[] = {"status",	 "name",
					   "addresses",	 "open_ports",
					   "last_seen",	 "owner",
					   "department"};
	const char *headers[] = {_("STATUS"),	 _("NAME"),  _("ADDRESSES"),
				 _("OPEN PORTS"), _("LAST SEEN"), _("OWNER"),
				 _("DEPARTMENT")};
	rows r = {.ctx = ctx, .t = ym_table_new(7, keys, headers),
		  .scope = &scope};
	ym_err err = YM_ERR_INIT;
	rc = ym_reconcile(ctx->store, &scope,
			  (const char *const *)argv + optind, argc - optind,
			  (int)days, reconcile_row, &r, &err);
	if (rc) {
		ym_table_free(r.t);
		return ym_cli_fail(&err);
	}
	return render(ctx, r.t);
}

/* ---- export ---- */

static int export_ledger(ym_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"dept", required_argument, NULL, 'd'},
		{"as", required_argument, NULL, 'a'},
		{0}};
	const char *dept = NULL, *as = NULL;
	/* the sheet speaks the interface language (--lang) */
	ym_ledger_lang lang = strcmp(ctx->lang, "en") == 0 ? YM_LEDGER_LANG_EN
							   : YM_LEDGER_LANG_JA;
	int c;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == 'd')
			dept = optarg;
		else if (c == 'a')
			as = optarg;
		else
			return ym_cli_bad_option("ledger", c, argv);
	}
	if (optind + 1 != argc)
		return ym_cli_usage("ledger", _("ledger export needs one FILE"));
	const char *path = argv[optind];
	size_t n = strlen(path);
	/* --as, else the global --format csv|xlsx, else the file name */
	bool xlsx = as			       ? strcmp(as, "xlsx") == 0
		    : ctx->xlsx		       ? true
		    : ctx->format == YM_FMT_CSV ? false
					       : n > 5 &&
							strcmp(path + n - 5,
							       ".xlsx") == 0;
	if (as && !xlsx && strcmp(as, "csv") != 0)
		return ym_cli_usage("ledger", _("--as is csv or xlsx, not '%s'"),
				    as);
	if (xlsx && strcmp(path, "-") == 0)
		return ym_cli_usage("ledger",
				    _("an .xlsx file cannot go to stdout"));
	int64_t ids[16];
	ym_scope scope;
	int rc = ym_cli_scope(ctx, dept, ids, &scope);
	if (rc)
		return rc;
	ym_err err = YM_ERR_INIT;
	int64_t n_rows = 0;
	if (ym_ledger_export(ctx->store, &scope, path,
			     xlsx ? YM_LEDGER_XLSX : YM_LEDGER_CSV, lang, &n_rows,
			     &err))
		return ym_cli_fail(&err);
	if (strcmp(path, "-") != 0)
		ym_cli_note(ctx, _("%s: %lld assets"), path, (long long)n_rows);
	return YM_EXIT_OK;
}

int ym_cmd_ledger(ym_ctx *ctx, int argc, char **argv)
{
	if (ym_cli_wants_help(argc, argv)) {
		usage();
		return YM_EXIT_OK;
	}
	if (argc < 2)
		return ym_cli_usage("ledger",
				    _("missing subcommand (by-software, "
				      "by-system, by-service, relate, history, "
				      "coverage, reconcile, export)"));
	const char *sub = argv[1];
	argc--;
	argv++;
	if (strcmp(sub, "by-software") == 0)
		return by_software(ctx, argc, argv);
	if (strcmp(sub, "by-system") == 0)
		return by_asset(ctx, argc, argv, false);
	if (strcmp(sub, "by-service") == 0)
		return by_asset(ctx, argc, argv, true);
	if (strcmp(sub, "relate") == 0)
		return relate(ctx, argc, argv);
	if (strcmp(sub, "history") == 0)
		return history(ctx, argc, argv);
	if (strcmp(sub, "coverage") == 0)
		return coverage(ctx, argc, argv);
	if (strcmp(sub, "reconcile") == 0)
		return reconcile(ctx, argc, argv);
	if (strcmp(sub, "export") == 0)
		return export_ledger(ctx, argc, argv);
	return ym_cli_usage("ledger", _("unknown subcommand '%s'"), sub);
}
