/* cmd_asset.c - yamori asset add|list|show: the asset ledger. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/arena.h"
#include "core/i18n.h"
#include "core/json.h"

static void usage(void)
{
	printf(_("usage: yamori asset add NAME [options]\n"
		 "       yamori asset set ID|NAME [options]\n"
		 "       yamori asset list [--dept CODE,...]\n"
		 "       yamori asset show ID|NAME\n"
		 "\n"
		 "set changes only the fields given (an empty value clears "
		 "one) and records\neach change with its old value in the "
		 "history (yamori ledger history).\n"
		 "\n"
		 "options for add and set:\n"
		 "  --kind KIND          system, service, host, cloud or "
		 "software\n"
		 "  --dept CODE          owner department (see 'yamori "
		 "dept')\n"
		 "  --owner NAME         responsible person\n"
		 "  --exposure E         internet, internal, isolated or "
		 "unknown\n"
		 "  --criticality C      high, medium, low or unknown\n"
		 "  --vendor V  --version V  --cpe CPE  --purl PURL\n"
		 "  --function TEXT      function category\n"
		 "  --data-kind TEXT     data held (e.g. personal data)\n"
		 "  --data-records N     number of records held\n"
		 "  --location TEXT      site, data centre or cloud region\n"
		 "  --ports LIST         open ports, e.g. 443/tcp,22/tcp\n"
		 "  --configuration TEXT what it connects to\n"
		 "  --safety yes|no      safety relevant (plant, medical, "
		 "...)\n"
		 "  --introduced DATE  --support-end DATE  --retire-planned "
		 "DATE\n"
		 "  --retired DATE  --disposed DATE     lifecycle "
		 "(YYYY-MM-DD)\n"
		 "  --tags LIST          comma-separated tags\n"
		 "  --name NAME          (set only) rename\n"));
}

static bool one_of(const char *v, const char *const *allowed)
{
	for (; *allowed; allowed++)
		if (strcmp(v, *allowed) == 0)
			return true;
	return false;
}

/* Reads the field options shared by add and set into a and mask;
 * returns -1 when fine, else the exit code. */
static int parse_fields(ym_ctx *ctx, int argc, char **argv, ym_asset *a,
			uint64_t *mask, ym_err *err)
{
	static const struct option opts[] = {
		{"kind", required_argument, NULL, YM_AF_KIND},
		{"name", required_argument, NULL, YM_AF_NAME},
		{"dept", required_argument, NULL, YM_AF_DEPARTMENT},
		{"owner", required_argument, NULL, YM_AF_OWNER},
		{"exposure", required_argument, NULL, YM_AF_EXPOSURE},
		{"criticality", required_argument, NULL, YM_AF_CRITICALITY},
		{"safety", required_argument, NULL, YM_AF_SAFETY},
		{"vendor", required_argument, NULL, YM_AF_VENDOR},
		{"version", required_argument, NULL, YM_AF_VERSION},
		{"cpe", required_argument, NULL, YM_AF_CPE},
		{"purl", required_argument, NULL, YM_AF_PURL},
		{"function", required_argument, NULL, YM_AF_FUNCTION},
		{"data-kind", required_argument, NULL, YM_AF_DATA_KIND},
		{"data-records", required_argument, NULL, YM_AF_DATA_RECORDS},
		{"configuration", required_argument, NULL, YM_AF_CONFIGURATION},
		{"location", required_argument, NULL, YM_AF_LOCATION},
		{"ports", required_argument, NULL, YM_AF_OPEN_PORTS},
		{"introduced", required_argument, NULL, YM_AF_INTRODUCED},
		{"support-end", required_argument, NULL, YM_AF_SUPPORT_END},
		{"retire-planned", required_argument, NULL,
		 YM_AF_RETIRE_PLANNED},
		{"retired", required_argument, NULL, YM_AF_RETIRED},
		{"disposed", required_argument, NULL, YM_AF_DISPOSED},
		{"tags", required_argument, NULL, YM_AF_TAGS},
		{0}};
	static const char *const exposures[] = {"internet", "internal",
						"isolated", "unknown", NULL};
	static const char *const crits[] = {"high", "medium", "low",
					    "unknown", NULL};
	int c;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c < 0 || c >= YM_AF_COUNT)
			return ym_cli_bad_option("asset", c, argv);
		/* an empty value clears a text field */
		const char *v = *optarg ? optarg : NULL;
		*mask |= YM_AF_BIT(c);
		switch (c) {
		case YM_AF_KIND:
			if (ym_asset_kind_parse(optarg, &a->kind))
				return ym_cli_usage("asset",
						    _("unknown asset kind '%s'"),
						    optarg);
			break;
		case YM_AF_NAME:
			if (!v)
				return ym_cli_usage("asset",
						    _("--name cannot be empty"));
			a->name = v;
			break;
		case YM_AF_DEPARTMENT:
			a->department_id = 0;
			a->department_code = v;
			if (v && ym_store_department_find(ctx->store, v,
							  &a->department_id,
							  err))
				return ym_cli_fail(err);
			break;
		case YM_AF_OWNER: a->owner = v; break;
		case YM_AF_EXPOSURE:
			if (!one_of(optarg, exposures))
				return ym_cli_usage("asset",
						    _("unknown exposure '%s'"),
						    optarg);
			a->exposure = optarg;
			break;
		case YM_AF_CRITICALITY:
			if (!one_of(optarg, crits))
				return ym_cli_usage(
					"asset", _("unknown criticality '%s'"),
					optarg);
			a->criticality = optarg;
			break;
		case YM_AF_SAFETY:
			if (strcmp(optarg, "yes") && strcmp(optarg, "no"))
				return ym_cli_usage(
					"asset", _("--safety is yes or no, not "
						   "'%s'"),
					optarg);
			a->safety_relevant = strcmp(optarg, "yes") == 0;
			break;
		case YM_AF_VENDOR: a->vendor = v; break;
		case YM_AF_VERSION: a->version = v; break;
		case YM_AF_CPE: a->cpe = v; break;
		case YM_AF_PURL: a->purl = v; break;
		case YM_AF_FUNCTION: a->function_category = v; break;
		case YM_AF_DATA_KIND: a->data_kind = v; break;
		case YM_AF_DATA_RECORDS: {
			char *end;
			long long n = v ? strtoll(v, &end, 10) : -1;
			if (v && (*end || end == v || n < 0))
				return ym_cli_usage(
					"asset",
					_("--data-records needs a number, not "
					  "'%s'"),
					optarg);
			a->data_records = n;
			break;
		}
		case YM_AF_CONFIGURATION: a->configuration = v; break;
		case YM_AF_LOCATION: a->location = v; break;
		case YM_AF_OPEN_PORTS: a->open_ports = v; break;
		case YM_AF_TAGS: a->tags = v; break;
		default: {
			/* the lifecycle dates */
			if (v && !ym_cli_is_date(v))
				return ym_cli_usage(
					"asset",
					_("'%s' is not a date (YYYY-MM-DD)"),
					optarg);
			const char **d =
				c == YM_AF_INTRODUCED	 ? &a->introduced_on
				: c == YM_AF_SUPPORT_END ? &a->support_end_on
				: c == YM_AF_RETIRE_PLANNED
					? &a->retire_planned_on
				: c == YM_AF_RETIRED ? &a->retired_on
						     : &a->disposed_on;
			*d = v;
		}
		}
	}
	return -1;
}

static int add(ym_ctx *ctx, int argc, char **argv)
{
	ym_asset a = {.kind = YM_ASSET_SYSTEM, .data_records = -1};
	uint64_t mask = 0;
	ym_err err = YM_ERR_INIT;
	int rc = parse_fields(ctx, argc, argv, &a, &mask, &err);
	if (rc >= 0)
		return rc;
	if (mask & YM_AF_BIT(YM_AF_NAME))
		return ym_cli_usage("asset",
				    _("asset add takes the NAME as argument"));
	if (argc - optind != 1)
		return ym_cli_usage("asset", _("asset add needs one NAME"));
	a.name = argv[optind];
	int64_t id;
	if (ym_store_asset_add(ctx->store, &a, &id, &err))
		return ym_cli_fail(&err);
	if (ctx->format == YM_FMT_JSON) {
		ym_buf out = YM_BUF_INIT;
		ym_buf_printf(&out, "{\"id\": %lld}\n", (long long)id);
		ym_cli_out(&out);
		ym_buf_release(&out);
	} else {
		printf("%lld\n", (long long)id);
	}
	ym_cli_note(ctx, _("asset '%s' added"), a.name);
	return YM_EXIT_OK;
}

/* asset set ASSET --field value...: only the fields given change, each
 * change recorded in the history with its old value. */
static int set(ym_ctx *ctx, int argc, char **argv)
{
	ym_asset a = {.data_records = -1};
	uint64_t mask = 0;
	ym_err err = YM_ERR_INIT;
	int rc = parse_fields(ctx, argc, argv, &a, &mask, &err);
	if (rc >= 0)
		return rc;
	if (argc - optind != 1)
		return ym_cli_usage("asset", _("asset set needs one ID or "
					       "NAME"));
	if (!mask)
		return ym_cli_usage("asset", _("asset set needs a field to "
					       "change (see --help)"));
	ym_arena ar;
	ym_asset old;
	ym_arena_init(&ar, 0);
	int changed = 0;
	rc = ym_store_asset_get(ctx->store, &ym_scope_all, argv[optind], &ar,
				&old, &err);
	if (!rc)
		rc = ym_store_begin(ctx->store, &err);
	if (!rc) {
		rc = ym_store_asset_update(ctx->store, &ym_scope_all, old.id,
					   &a, mask, NULL, &changed, &err);
		if (rc)
			ym_store_rollback(ctx->store);
		else
			rc = ym_store_commit(ctx->store, &err);
	}
	ym_arena_release(&ar);
	if (rc)
		return ym_cli_fail(&err);
	ym_cli_note(ctx, _("asset '%s': %d fields changed"), argv[optind],
		    changed);
	/* exposure, criticality, data and safety change decisions */
	return changed ? ym_cli_triage_after(ctx) : YM_EXIT_OK;
}

static const char *dept_label(const ym_asset *a)
{
	return a->department_name ? a->department_name : "";
}

static int list_row(const ym_asset *a, void *vt)
{
	char id[24], n[24];
	snprintf(id, sizeof id, "%lld", (long long)a->id);
	snprintf(n, sizeof n, "%lld", (long long)a->component_count);
	const char *row[] = {id,
			     ym_asset_kind_name(a->kind),
			     a->name,
			     a->department_code,
			     dept_label(a),
			     a->owner,
			     a->exposure,
			     a->criticality,
			     n};
	ym_table_add_row(vt, row);
	return 0;
}

static int list(ym_ctx *ctx, const char *depts)
{
	int64_t dept_ids[16];
	ym_scope scope;
	int rc = ym_cli_scope(ctx, depts, dept_ids, &scope);
	if (rc)
		return rc;
	static const char *const keys[] = {
		"id",	 "kind",     "name",	    "department",  "department_name",
		"owner", "exposure", "criticality", "components"};
	const char *headers[] = {_("ID"),	 _("KIND"),	_("NAME"),
				 _("DEPT"),	 _("DEPARTMENT"), _("OWNER"),
				 _("EXPOSURE"), _("CRITICALITY"),
				 _("COMPONENTS")};
	ym_table *t = ym_table_new(9, keys, headers);
	ym_table_align_right(t, 0);
	ym_table_align_right(t, 8);
	ym_err err = YM_ERR_INIT;
	rc = ym_store_assets_each(ctx->store, &scope, list_row, t, &err);
	if (!rc) {
		ym_buf out = YM_BUF_INIT;
		ym_table_render(t, ctx->format, &out);
		ym_cli_out(&out);
		ym_buf_release(&out);
	}
	ym_table_free(t);
	return rc ? ym_cli_fail(&err) : YM_EXIT_OK;
}

typedef struct show_ctx {
	ym_table *t;
	ym_jsonw *w;
} show_ctx;

static int show_component(const ym_component *c, void *vctx)
{
	show_ctx *sc = vctx;
	if (sc->w) {
		ym_jsonw_obj_begin(sc->w);
		ym_jsonw_kstr(sc->w, "name", c->name);
		ym_jsonw_kstr(sc->w, "version", c->version);
		ym_jsonw_kstr(sc->w, "purl", c->purl);
		ym_jsonw_kstr(sc->w, "cpe", c->cpe);
		ym_jsonw_kstr(sc->w, "ecosystem", c->ecosystem);
		ym_jsonw_kstr(sc->w, "type", c->type);
		ym_jsonw_kstr(sc->w, "supplier", c->supplier);
		ym_jsonw_kstr(sc->w, "licenses", c->licenses);
		ym_jsonw_kstr(sc->w, "hashes", c->hashes);
		ym_jsonw_kstr(sc->w, "source", c->source);
		ym_jsonw_obj_end(sc->w);
	} else {
		const char *row[] = {c->name, c->version, c->purl ? c->purl
								  : c->cpe};
		ym_table_add_row(sc->t, row);
	}
	return 0;
}

static void attr(ym_buf *out, const char *label, const char *v)
{
	if (v && *v)
		ym_buf_printf(out, "%s: %s\n", label, v);
}

static int show(ym_ctx *ctx, const char *ref)
{
	ym_arena arena;
	ym_asset a;
	ym_err err = YM_ERR_INIT;
	ym_buf out = YM_BUF_INIT;
	int rc;
	ym_arena_init(&arena, 0);
	rc = ym_store_asset_get(ctx->store, &ym_scope_all, ref, &arena, &a,
				&err);
	if (rc)
		goto out;
	if (ctx->format == YM_FMT_JSON) {
		ym_jsonw w;
		ym_jsonw_init(&w, &out, true);
		ym_jsonw_obj_begin(&w);
		ym_jsonw_kint(&w, "id", a.id);
		ym_jsonw_kstr(&w, "kind", ym_asset_kind_name(a.kind));
		ym_jsonw_kstr(&w, "name", a.name);
		ym_jsonw_kstr(&w, "vendor", a.vendor);
		ym_jsonw_kstr(&w, "version", a.version);
		ym_jsonw_kstr(&w, "cpe", a.cpe);
		ym_jsonw_kstr(&w, "purl", a.purl);
		ym_jsonw_kstr(&w, "department", a.department_code);
		ym_jsonw_kstr(&w, "department_name", a.department_name);
		ym_jsonw_kstr(&w, "owner", a.owner);
		ym_jsonw_kstr(&w, "exposure", a.exposure);
		ym_jsonw_kstr(&w, "criticality", a.criticality);
		ym_jsonw_kstr(&w, "function_category", a.function_category);
		ym_jsonw_kstr(&w, "data_kind", a.data_kind);
		ym_jsonw_key(&w, "data_records");
		if (a.data_records >= 0)
			ym_jsonw_int(&w, a.data_records);
		else
			ym_jsonw_null(&w);
		ym_jsonw_kstr(&w, "location", a.location);
		ym_jsonw_kstr(&w, "open_ports", a.open_ports);
		ym_jsonw_kstr(&w, "configuration", a.configuration);
		ym_jsonw_kbool(&w, "safety_relevant", a.safety_relevant);
		ym_jsonw_kstr(&w, "introduced_on", a.introduced_on);
		ym_jsonw_kstr(&w, "support_end_on", a.support_end_on);
		ym_jsonw_kstr(&w, "retire_planned_on", a.retire_planned_on);
		ym_jsonw_kstr(&w, "retired_on", a.retired_on);
		ym_jsonw_kstr(&w, "disposed_on", a.disposed_on);
		ym_jsonw_kstr(&w, "tags", a.tags);
		ym_jsonw_kstr(&w, "hostnames", a.hostnames);
		ym_jsonw_kstr(&w, "addresses", a.addresses);
		ym_jsonw_kstr(&w, "os", a.os);
		ym_jsonw_kstr(&w, "last_seen_at", a.last_seen_at);
		ym_jsonw_kstr(&w, "last_seen_by", a.last_seen_by);
		ym_jsonw_key(&w, "software");
		ym_jsonw_arr_begin(&w);
		show_ctx sc = {.w = &w};
		rc = ym_store_components_each(ctx->store, &ym_scope_all, a.id,
					      show_component, &sc, &err);
		ym_jsonw_arr_end(&w);
		ym_jsonw_obj_end(&w);
		ym_buf_addc(&out, '\n');
	} else {
		char id[24];
		snprintf(id, sizeof id, "%lld", (long long)a.id);
		attr(&out, _("ID"), id);
		attr(&out, _("Name"), a.name);
		attr(&out, _("Kind"), ym_asset_kind_name(a.kind));
		attr(&out, _("Vendor"), a.vendor);
		attr(&out, _("Version"), a.version);
		attr(&out, _("Department"), a.department_name);
		attr(&out, _("Owner"), a.owner);
		attr(&out, _("Exposure"), a.exposure);
		attr(&out, _("Criticality"), a.criticality);
		attr(&out, _("Function"), a.function_category);
		attr(&out, _("Data held"), a.data_kind);
		attr(&out, _("Location"), a.location);
		attr(&out, _("Open ports"), a.open_ports);
		attr(&out, _("Support end"), a.support_end_on);
		attr(&out, _("Tags"), a.tags);
		attr(&out, _("Hostnames"), a.hostnames);
		attr(&out, _("Addresses"), a.addresses);
		attr(&out, _("OS"), a.os);
		attr(&out, _("Last seen"), a.last_seen_at);
		ym_buf_addc(&out, '\n');
		static const char *const keys[] = {"name", "version",
						   "purl_or_cpe"};
		const char *headers[] = {_("SOFTWARE"), _("VERSION"),
					 _("PURL / CPE")};
		show_ctx sc = {.t = ym_table_new(3, keys, headers)};
		rc = ym_store_components_each(ctx->store, &ym_scope_all, a.id,
					      show_component, &sc, &err);
		if (ctx->format == YM_FMT_CSV)
			ym_buf_reset(&out);
		ym_table_render(sc.t, ctx->format, &out);
		ym_table_free(sc.t);
	}
	if (!rc)
		ym_cli_out(&out);
out:
	ym_buf_release(&out);
	ym_arena_release(&arena);
	return rc ? ym_cli_fail(&err) : YM_EXIT_OK;
}

int ym_cmd_asset(ym_ctx *ctx, int argc, char **argv)
{
	if (ym_cli_wants_help(argc, argv)) {
		usage();
		return YM_EXIT_OK;
	}
	if (argc < 2)
		return ym_cli_usage("asset",
				    _("missing subcommand (add, set, list, show)"));
	if (strcmp(argv[1], "add") == 0)
		return add(ctx, argc - 1, argv + 1);
	if (strcmp(argv[1], "set") == 0)
		return set(ctx, argc - 1, argv + 1);
	if (strcmp(argv[1], "list") == 0) {
		if (argc == 4 && strcmp(argv[2], "--dept") == 0)
			return list(ctx, argv[3]);
		if (argc == 3 && strncmp(argv[2], "--dept=", 7) == 0)
			return list(ctx, argv[2] + 7);
		if (argc > 2)
			return ym_cli_usage("asset",
					    _("unexpected argument '%s'"),
					    argv[2]);
		return list(ctx, NULL);
	}
	if (strcmp(argv[1], "show") == 0) {
		if (argc != 3)
			return ym_cli_usage("asset",
					    _("asset show needs one ID or NAME"));
		return show(ctx, argv[2]);
	}
	return ym_cli_usage("asset", _("unknown subcommand '%s'"), argv[1]);
}
