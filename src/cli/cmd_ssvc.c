/* cmd_ssvc.c - yamori ssvc: SSVC decision tables (trees, show, decide),
 * from the tables built into yamori or a table file (--table). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "core/i18n.h"
#include "core/json.h"
#include "risk/ssvc.h"

static void usage(void)
{
	printf(_("usage: yamori ssvc trees [--table FILE]\n"
		 "       yamori ssvc show [--table FILE] TREE\n"
		 "       yamori ssvc decide [--tree TREE] [--table FILE] "
		 "[--time TIME|--no-time]\n"
		 "                          POINT=VALUE...\n"
		 "       yamori ssvc decide [--tree TREE] [--table FILE] "
		 "--vector VECTOR\n"
		 "\n"
		 "SSVC (Stakeholder-Specific Vulnerability Categorization) "
		 "decision trees of\nCERT/CC and CISA: deployer, supplier, "
		 "coordinator-triage,\ncoordinator-publish, cisa, bod-26-04 "
		 "and the tables they derive inputs from.\n"
		 "trees lists them, show prints a tree's decision points and "
		 "its whole table,\ndecide gives the outcome for the values "
		 "of its decision points, named by\nkey, SSVC code or name "
		 "(exploitation=active, E=A), or for an SSVCv2/ vector.\n"
		 "An input that a table derives (human_impact from "
		 "mission_impact and\nsafety_impact) may be given through "
		 "that table's inputs instead.\n"
		 "--table FILE loads a table in the same format (see "
		 "docs/ssvc.md); decide\nthen uses it unless --tree says "
		 "otherwise. --time sets the vector's RFC 3339\ntimestamp "
		 "(default: now), --no-time leaves it out.\n"));
}

typedef struct opts {
	const char *tree, *table, *vector, *time;
	bool no_time;
} opts;

/* Parses the options of a subcommand; returns -1 to go on, else an exit
 * code. */
static int parse_opts(const char *cmd, int argc, char **argv, opts *o)
{
	static const struct option lo[] = {
		{"tree", required_argument, NULL, 't'},
		{"table", required_argument, NULL, 'f'},
		{"vector", required_argument, NULL, 'v'},
		{"time", required_argument, NULL, 'T'},
		{"no-time", no_argument, NULL, 'n'},
		{0}};
	int c, li = 0;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+:", lo, &li)) != -1) {
		bool decide_only = c == 't' || c == 'v' || c == 'T' ||
				   c == 'n';
		if (c == '?' || c == ':')
			return ym_cli_bad_option(cmd, c, argv);
		if (decide_only && strcmp(cmd, "ssvc decide") != 0)
			return ym_cli_usage(cmd,
					    _("option '--%s' is only for "
					      "'ssvc decide'"),
					    lo[li].name);
		if (c == 't')
			o->tree = optarg;
		else if (c == 'f')
			o->table = optarg;
		else if (c == 'v')
			o->vector = optarg;
		else if (c == 'T')
			o->time = optarg;
		else
			o->no_time = true;
	}
	return -1;
}

/* The registry with --table FILE added (*user gets that table). */
static int load(const opts *o, ym_ssvc_registry **reg,
		const ym_ssvc_table **user)
{
	ym_err err = YM_ERR_INIT;
	*user = NULL;
	if (ym_ssvc_registry_load(reg, &err))
		return ym_cli_fail(&err);
	if (!o->table)
		return 0;
	ym_buf b = YM_BUF_INIT;
	ym_buf_init(&b, (size_t)16 << 20);
	int rc = ym_buf_read_file(&b, o->table, &err);
	if (!rc)
		rc = ym_ssvc_registry_add(*reg, o->table, b.ptr, b.len, user,
					  &err);
	ym_buf_release(&b);
	if (rc) {
		ym_ssvc_registry_free(*reg);
		*reg = NULL;
		return ym_cli_fail(&err);
	}
	return 0;
}

static const ym_ssvc_table *find_tree(const ym_ssvc_registry *reg,
				      const char *id)
{
	const ym_ssvc_table *t = ym_ssvc_find(reg, id);
	if (!t)
		fprintf(stderr, _("yamori: unknown SSVC tree '%s' (see "
				  "'yamori ssvc trees')\n"), id);
	return t;
}

static void ssvc_id(const ym_ssvc_point *p, char *buf, size_t cap)
{
	snprintf(buf, cap, "%s:%s:%s", p->ns, p->code, p->version);
}

/* --- trees ------------------------------------------------------------ */

static int run_trees(ym_ctx *ctx, const ym_ssvc_registry *reg)
{
	static const char *const keys[] = {"tree", "table", "name", "inputs",
					   "outcome"};
	const char *const headers[] = {_("TREE"), _("TABLE"), _("NAME"),
				       _("INPUTS"), _("OUTCOME")};
	ym_table *tb = ym_table_new(5, keys, headers);
	ym_buf out = YM_BUF_INIT;
	const ym_ssvc_table *t;
	for (size_t i = 0; (t = ym_ssvc_table_at(reg, i)); i++) {
		char id[200];
		ym_buf in = YM_BUF_INIT;
		snprintf(id, sizeof id, "%s:%s:%s", t->ns, t->code,
			 t->version);
		for (unsigned k = 0; k < t->npoints; k++)
			ym_buf_printf(&in, "%s%s", k ? "," : "",
				      t->points[k].key);
		const char *row[] = {t->id, id, t->name, in.ptr,
				     t->outcome.key};
		ym_table_add_row(tb, row);
		ym_buf_release(&in);
	}
	ym_table_render(tb, ctx->format, &out);
	ym_table_free(tb);
	ym_cli_out(&out);
	ym_buf_release(&out);
	return YM_EXIT_OK;
}

/* --- show ------------------------------------------------------------- */

static void json_point(ym_jsonw *w, const ym_ssvc_point *p)
{
	ym_jsonw_obj_begin(w);
	ym_jsonw_kstr(w, "key", p->key);
	ym_jsonw_kstr(w, "namespace", p->ns);
	ym_jsonw_kstr(w, "code", p->code);
	ym_jsonw_kstr(w, "version", p->version);
	ym_jsonw_kstr(w, "name", p->name);
	ym_jsonw_kstr_opt(w, "from", p->from ? p->from->id : NULL);
	ym_jsonw_key(w, "values");
	ym_jsonw_arr_begin(w);
	for (unsigned k = 0; k < p->nvalues; k++) {
		ym_jsonw_obj_begin(w);
		ym_jsonw_kstr(w, "key", p->values[k].key);
		ym_jsonw_kstr(w, "code", p->values[k].code);
		ym_jsonw_kstr(w, "name", p->values[k].name);
		ym_jsonw_obj_end(w);
	}
	ym_jsonw_arr_end(w);
	ym_jsonw_obj_end(w);
}

/* Value index of point i in row r, in file order. */
static unsigned row_value(const ym_ssvc_table *t, uint32_t r, unsigned i)
{
	return t->rows[(size_t)r * t->npoints + i];
}

static int row_outcome(const ym_ssvc_table *t, uint32_t r)
{
	return ym_ssvc_decide_idx(t, t->rows + (size_t)r * t->npoints);
}

static void show_json(const ym_ssvc_table *t, ym_buf *out)
{
	ym_jsonw w;
	char id[200];
	ym_jsonw_init(&w, out, true);
	ym_jsonw_obj_begin(&w);
	ym_jsonw_kstr(&w, "tree", t->id);
	snprintf(id, sizeof id, "%s:%s:%s", t->ns, t->code, t->version);
	ym_jsonw_kstr(&w, "table", id);
	ym_jsonw_kstr(&w, "name", t->name);
	ym_jsonw_kstr(&w, "source", t->source);
	ym_jsonw_key(&w, "points");
	ym_jsonw_arr_begin(&w);
	for (unsigned i = 0; i < t->npoints; i++)
		json_point(&w, &t->points[i]);
	ym_jsonw_arr_end(&w);
	ym_jsonw_key(&w, "outcome");
	json_point(&w, &t->outcome);
	ym_jsonw_key(&w, "rows");
	ym_jsonw_arr_begin(&w);
	for (uint32_t r = 0; r < t->ncells; r++) {
		ym_jsonw_obj_begin(&w);
		ym_jsonw_kint(&w, "row", r);
		for (unsigned i = 0; i < t->npoints; i++)
			ym_jsonw_kstr(&w, t->points[i].key,
				      t->points[i]
					      .values[row_value(t, r, i)]
					      .key);
		ym_jsonw_kstr(&w, t->outcome.key,
			      t->outcome.values[row_outcome(t, r)].key);
		ym_jsonw_obj_end(&w);
	}
	ym_jsonw_arr_end(&w);
	ym_jsonw_obj_end(&w);
	ym_buf_addc(out, '\n');
}

static void show_point(ym_buf *out, const ym_ssvc_point *p)
{
	char id[200];
	ssvc_id(p, id, sizeof id);
	ym_buf_printf(out, "  %s  %s  %s", p->key, id, p->name);
	if (p->from)
		ym_buf_printf(out, _("  (from %s)"), p->from->id);
	ym_buf_addc(out, '\n');
	int w = 0;
	for (unsigned k = 0; k < p->nvalues; k++)
		if ((int)strlen(p->values[k].key) > w)
			w = (int)strlen(p->values[k].key);
	for (unsigned k = 0; k < p->nvalues; k++)
		ym_buf_printf(out, "    %-4s %-*s  %s\n", p->values[k].code,
			      w, p->values[k].key, p->values[k].name);
}

/* The rows as a table: ROW, the points, the outcome. keys (npoints + 2
 * entries) must outlive the table. */
static ym_table *rows_table(const ym_ssvc_table *t, const char **keys)
{
	size_t nc = t->npoints + 2;
	keys[0] = "row";
	for (unsigned i = 0; i < t->npoints; i++)
		keys[i + 1] = t->points[i].key;
	keys[nc - 1] = t->outcome.key;
	ym_table *tb = ym_table_new(nc, keys, keys);
	ym_table_align_right(tb, 0);
	const char **cells = calloc(nc, sizeof *cells);
	if (!cells)
		abort();
	for (uint32_t r = 0; r < t->ncells; r++) {
		char num[16];
		snprintf(num, sizeof num, "%u", r);
		cells[0] = num;
		for (unsigned i = 0; i < t->npoints; i++)
			cells[i + 1] =
				t->points[i].values[row_value(t, r, i)].key;
		cells[nc - 1] = t->outcome.values[row_outcome(t, r)].key;
		ym_table_add_row(tb, cells);
	}
	free(cells);
	return tb;
}

static int run_show(ym_ctx *ctx, const ym_ssvc_table *t)
{
	ym_buf out = YM_BUF_INIT;
	if (ctx->format == YM_FMT_JSON) {
		show_json(t, &out);
	} else {
		if (ctx->format == YM_FMT_TABLE) {
			ym_buf_printf(&out, "%s: %s (%s:%s:%s)\n", t->id,
				      t->name, t->ns, t->code, t->version);
			ym_buf_printf(&out, _("source: %s\n"), t->source);
			ym_buf_printf(&out, _("decision points:\n"));
			for (unsigned i = 0; i < t->npoints; i++)
				show_point(&out, &t->points[i]);
			ym_buf_printf(&out, _("outcome:\n"));
			show_point(&out, &t->outcome);
			ym_buf_addc(&out, '\n');
		}
		const char *keys[YM_SSVC_MAX_POINTS + 2];
		ym_table *tb = rows_table(t, keys);
		ym_table_render(tb, ctx->format, &out);
		ym_table_free(tb);
	}
	ym_cli_out(&out);
	ym_buf_release(&out);
	return YM_EXIT_OK;
}

/* --- decide ----------------------------------------------------------- */

/* Now as RFC 3339 in UTC (YAMORI_NOW wins, for tests). */
static void now_rfc3339(char *buf, size_t cap)
{
	const char *fixed = getenv("YAMORI_NOW");
	if (fixed && *fixed) {
		snprintf(buf, cap, "%s", fixed);
		return;
	}
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(buf, cap, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static void json_sel(ym_jsonw *w, const ym_ssvc_sel *s)
{
	const ym_ssvc_value *v = &s->point->values[s->value];
	char id[200];
	ssvc_id(s->point, id, sizeof id);
	ym_jsonw_obj_begin(w);
	ym_jsonw_kstr(w, "point", s->point->key);
	ym_jsonw_kstr(w, "ssvc", id);
	ym_jsonw_kstr(w, "value", v->key);
	ym_jsonw_kstr(w, "code", v->code);
	ym_jsonw_kstr(w, "name", v->name);
	if (!s->is_outcome)
		ym_jsonw_kbool(w, "derived", s->derived);
	ym_jsonw_obj_end(w);
}

static void decide_out(ym_ctx *ctx, const ym_ssvc_result *r,
		       const char *vector)
{
	const ym_ssvc_table *t = r->table;
	const ym_ssvc_value *o = &t->outcome.values[r->outcome];
	ym_buf out = YM_BUF_INIT;
	char id[200], row[16];
	snprintf(id, sizeof id, "%s:%s:%s", t->ns, t->code, t->version);
	snprintf(row, sizeof row, "%u", r->row);
	if (ctx->format == YM_FMT_JSON) {
		ym_jsonw w;
		ym_jsonw_init(&w, &out, true);
		ym_jsonw_obj_begin(&w);
		ym_jsonw_kstr(&w, "tree", t->id);
		ym_jsonw_kstr(&w, "table", id);
		ym_jsonw_key(&w, "inputs");
		ym_jsonw_arr_begin(&w);
		for (unsigned i = 0; i < r->nsel; i++)
			if (!r->sel[i].is_outcome)
				json_sel(&w, &r->sel[i]);
		ym_jsonw_arr_end(&w);
		ym_jsonw_key(&w, "outcome");
		for (unsigned i = 0; i < r->nsel; i++)
			if (r->sel[i].is_outcome)
				json_sel(&w, &r->sel[i]);
		ym_jsonw_kint(&w, "row", r->row);
		ym_jsonw_kstr(&w, "vector", vector);
		ym_jsonw_obj_end(&w);
		ym_buf_addc(&out, '\n');
	} else if (ctx->format == YM_FMT_CSV) {
		static const char *const keys[] = {
			"tree", "outcome", "code", "name", "row", "vector"};
		ym_table *tb = ym_table_new(6, keys, keys);
		const char *cells[] = {t->id, o->key, o->code, o->name, row,
				       vector};
		ym_table_add_row(tb, cells);
		ym_table_render(tb, ctx->format, &out);
		ym_table_free(tb);
	} else {
		ym_buf_printf(&out, "%s (%s)\n", o->key, o->name);
	}
	ym_cli_out(&out);
	ym_buf_release(&out);
}

static int run_decide(ym_ctx *ctx, const ym_ssvc_registry *reg,
		      const ym_ssvc_table *t, const opts *o, int argc,
		      char **argv)
{
	ym_ssvc_input in[YM_SSVC_MAX_SEL];
	ym_ssvc_result r;
	ym_err err = YM_ERR_INIT;
	char now[64];
	int rc;

	if (o->vector) {
		rc = ym_ssvc_vector_decide(reg, t, o->vector,
					   strlen(o->vector), &r, &err);
		if (rc) {
			fprintf(stderr, "yamori: %s: %s\n", o->vector,
				err.msg);
			return YM_EXIT_FAIL;
		}
	} else {
		if (argc > YM_SSVC_MAX_SEL)
			return ym_cli_usage("ssvc decide",
					    _("too many POINT=VALUE arguments "
					      "(at most %d)"),
					    YM_SSVC_MAX_SEL);
		for (int i = 0; i < argc; i++) {
			char *eq = strchr(argv[i], '=');
			if (!eq || eq == argv[i])
				return ym_cli_usage(
					"ssvc decide",
					_("expected POINT=VALUE, got '%s'"),
					argv[i]);
			*eq = '\0';
			in[i] = (ym_ssvc_input){argv[i], eq + 1};
		}
		if (ym_ssvc_decide(t, in, (size_t)argc, &r, &err))
			return ym_cli_fail(&err);
	}
	if (o->no_time)
		now[0] = '\0';
	else if (o->time)
		snprintf(now, sizeof now, "%s", o->time);
	else if (r.timestamp[0] && ym_ssvc_is_timestamp(r.timestamp,
							strlen(r.timestamp)))
		snprintf(now, sizeof now, "%s", r.timestamp);
	else
		now_rfc3339(now, sizeof now);
	ym_buf vec = YM_BUF_INIT;
	rc = ym_ssvc_vector_format(&r, now, &vec, &err);
	if (rc) {
		ym_buf_release(&vec);
		if (o->time)
			return ym_cli_usage("ssvc decide", "%s", err.msg);
		return ym_cli_fail(&err);
	}
	decide_out(ctx, &r, vec.ptr);
	ym_buf_release(&vec);
	return YM_EXIT_OK;
}

/* --- dispatch --------------------------------------------------------- */

int ym_cmd_ssvc(ym_ctx *ctx, int argc, char **argv)
{
	opts o = {0};
	ym_ssvc_registry *reg = NULL;
	const ym_ssvc_table *user = NULL, *t = NULL;
	int rc;

	if (argc < 2 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "--help") == 0) {
		if (argc < 2)
			return ym_cli_usage("ssvc", _("missing subcommand "
						      "(trees, show, "
						      "decide)"));
		usage();
		return YM_EXIT_OK;
	}
	const char *sub = argv[1];
	/* cmd[5] tells them apart: 't'rees, 's'how, 'd'ecide */
	const char *cmd = strcmp(sub, "trees") == 0  ? "ssvc trees" :
			  strcmp(sub, "show") == 0   ? "ssvc show" :
			  strcmp(sub, "decide") == 0 ? "ssvc decide" :
						       NULL;
	if (!cmd)
		return ym_cli_usage("ssvc", _("unknown subcommand '%s'"),
				    sub);
	if (ym_cli_wants_help(argc - 1, argv + 1)) {
		usage();
		return YM_EXIT_OK;
	}
	rc = parse_opts(cmd, argc - 1, argv + 1, &o);
	if (rc >= 0)
		return rc;
	int nargs = argc - 1 - optind;
	char **args = argv + 1 + optind;
	if (cmd[5] == 't' && nargs)
		return ym_cli_usage(cmd, _("unexpected argument '%s'"),
				    args[0]);
	if (cmd[5] == 's' && nargs == 0)
		return ym_cli_usage(cmd, _("missing TREE"));
	if (cmd[5] == 's' && nargs > 1)
		return ym_cli_usage(cmd, _("unexpected argument '%s'"),
				    args[1]);
	if (cmd[5] == 'd') {
		if (o.vector && nargs)
			return ym_cli_usage(cmd,
					    _("give --vector or POINT=VALUE "
					      "arguments, not both"));
		if (!o.vector && !nargs)
			return ym_cli_usage(cmd, _("missing POINT=VALUE "
						   "arguments or --vector"));
		if (!o.tree && !o.table && !o.vector)
			return ym_cli_usage(cmd, _("missing --tree"));
		if (o.time && o.no_time)
			return ym_cli_usage(cmd, _("give --time or --no-time, "
						   "not both"));
		if (o.time && !ym_ssvc_is_timestamp(o.time, strlen(o.time)))
			return ym_cli_usage(cmd,
					    _("invalid --time '%s' (expected "
					      "an RFC 3339 date-time)"),
					    o.time);
	}
	rc = load(&o, &reg, &user);
	if (rc)
		return rc;
	if (cmd[5] == 't') {
		rc = run_trees(ctx, reg);
		goto out;
	}
	const char *id = cmd[5] == 's' ? args[0] : o.tree;
	if (id) {
		t = find_tree(reg, id);
		if (!t) {
			rc = YM_EXIT_FAIL;
			goto out;
		}
	} else {
		t = user; /* NULL with --vector: the vector picks the tree */
	}
	if (cmd[5] == 's')
		rc = run_show(ctx, t);
	else
		rc = run_decide(ctx, reg, t, &o, nargs, args);
out:
	ym_ssvc_registry_free(reg);
	return rc;
}
