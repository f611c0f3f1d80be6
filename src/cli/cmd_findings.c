/* cmd_findings.c - yamori findings list|show: what is affected, who owns
 * it, and why it matched. The JSON form is a stable, documented schema
 * (docs/findings-json.md). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/arena.h"
#include "core/i18n.h"
#include "core/json.h"
#include "core/vec.h"
#include "risk/triage.h"
#include "store/triage.h"

static void usage(void)
{
	printf(_("usage: yamori findings list [--asset ID|NAME] "
		 "[--dept CODE,...] [--severity MIN] [--status STATUS]\n"
		 "                           [--cve ID] [--product TEXT] "
		 "[--confidence MIN] [--kev]\n"
		 "                           [--sort KEY]\n"
		 "       yamori findings show ID\n"
		 "\n"
		 "list: findings sorted by severity, then asset and component.\n"
		 "  --dept CODES     only assets of these departments\n"
		 "  --severity MIN   only findings of this severity or higher\n"
		 "                   (low, medium, high, critical)\n"
		 "  --status STATUS  open (default), resolved, suppressed or "
		 "all\n"
		 "  --cve ID         one vulnerability, by id or alias (also "
		 "--vuln)\n"
		 "  --product TEXT   components whose name or purl contains "
		 "TEXT\n"
		 "  --confidence MIN only findings this sure or surer (low, "
		 "medium, high)\n"
		 "  --kev            only vulnerabilities in CISA's KEV "
		 "catalog\n"
		 "  --sort KEY       severity (default), asset, component, "
		 "vulnerability,\n"
		 "                   first_seen, last_seen, decision (the default "
		 "once\n"
		 "                   'yamori triage' has decided)\n"
		 "  --decision OUTCOME  only immediate, out_of_cycle, "
		 "scheduled or defer\n"
		 "  --with-residual  the decision after planned mitigations\n"
		 "show: one finding with the evidence of why it matched.\n"));
}

static const ym_json *parse_evidence(ym_arena *a, const char *text)
{
	if (!text)
		return NULL;
	return ym_json_parse(a, text, strlen(text), NULL, NULL, NULL);
}

static const char *ev(const ym_json *e, const char *key)
{
	return ym_json_string(ym_json_get(e, key));
}

/* "affected: introduced 0, fixed 4.17.21 (npm)" in the user's language. */
static void explain_range(const ym_json *e, ym_buf *out)
{
	const char *listed = ev(e, "listed_version");
	const char *intro = ev(e, "introduced");
	const char *fixed = ev(e, "fixed");
	const char *last = ev(e, "last_affected");
	const char *limit = ev(e, "limit");
	if (listed) {
		ym_buf_printf(out, _("affected: version %s is listed"), listed);
	} else {
		ym_buf_printf(out, _("affected: introduced %s"),
			      intro ? intro : "0");
		if (fixed)
			ym_buf_printf(out, _(", fixed %s"), fixed);
		else if (last)
			ym_buf_printf(out, _(", last affected %s"), last);
		else if (limit)
			ym_buf_printf(out, _(", limit %s"), limit);
		else
			ym_buf_adds(out, _(", no fixed version"));
	}
	const char *scheme = ev(e, "scheme");
	if (scheme)
		ym_buf_printf(out, " (%s)", scheme);
}

/* Triage decisions (docs/triage.md), when any exist: by finding id. */
typedef struct decision {
	int64_t id;
	int outcome, residual;
	const char *deadline, *posture, *vector, *residual_deadline;
	const char *vuln[2], *asset[2], *rule[2]; /* ja, en */
} decision;
typedef YM_VEC(decision) decision_vec;

static int keep_decision(const ym_triage_row *r, void *vctx)
{
	void **c = vctx;
	decision_vec *v = c[0];
	ym_arena *a = c[1];
#define KEEP(x) ((x) ? ym_arena_strdup(a, (x)) : NULL)
	decision d = {.id = r->finding_id,
		      .outcome = r->outcome,
		      .residual = r->residual_outcome,
		      .deadline = KEEP(r->deadline),
		      .posture = KEEP(r->posture_en),
		      .vector = KEEP(r->ssvc_vector),
		      .residual_deadline = KEEP(r->residual_deadline),
		      .vuln = {KEEP(r->vuln_ja), KEEP(r->vuln_en)},
		      .asset = {KEEP(r->asset_ja), KEEP(r->asset_en)},
		      .rule = {KEEP(r->rule_ja), KEEP(r->rule_en)}};
#undef KEEP
	ym_vec_push(v, d);
	return 0;
}

static const decision *find_decision(const decision_vec *v, int64_t id)
{
	size_t lo = 0, hi = v ? v->n : 0;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (v->v[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return v && lo < v->n && v->v[lo].id == id ? &v->v[lo] : NULL;
}

static void explain_decision(const decision *d, const char *lang,
			     ym_buf *out)
{
	int k = strcmp(lang, "ja") == 0 ? 0 : 1;
	ym_triage_explain(d->outcome, d->deadline, d->vuln[k], d->asset[k],
			  d->rule[k], lang, out);
}

static void json_decision(ym_jsonw *w, const decision *d)
{
	ym_buf ex = YM_BUF_INIT;
	explain_decision(d, "en", &ex);
	ym_jsonw_key(w, "decision");
	ym_jsonw_obj_begin(w);
	ym_jsonw_kstr(w, "outcome",
		      ym_policy_outcome_code((ym_policy_outcome)d->outcome));
	ym_jsonw_kstr(w, "deadline", d->deadline);
	ym_jsonw_kstr(w, "posture", d->posture);
	ym_jsonw_kstr(w, "explanation", ex.ptr);
	ym_jsonw_kstr(w, "vector", d->vector);
	if (d->residual >= 0) {
		ym_jsonw_kstr(w, "residual_outcome",
			      ym_policy_outcome_code(
				      (ym_policy_outcome)d->residual));
		ym_jsonw_kstr(w, "residual_deadline", d->residual_deadline);
	}
	ym_jsonw_obj_end(w);
	ym_buf_release(&ex);
}

typedef struct sorted_row {
	int rank;
	const char *deadline;
	size_t seq;
	const char **cells;
} sorted_row;
typedef YM_VEC(sorted_row) sorted_vec;

typedef struct list_ctx {
	ym_ctx *ctx;
	ym_table *t;
	ym_jsonw *w;
	ym_arena arena;
	long long n;
	decision_vec *dec;   /* NULL when no decision exists */
	int only;            /* --decision: outcome, -1 any */
	bool residual;       /* --with-residual */
	bool by_decision;    /* sort by outcome, then deadline */
	sorted_vec rows;
	ym_arena keep;
} list_ctx;

static void json_aliases(ym_jsonw *w, const char *joined)
{
	ym_jsonw_arr_begin(w);
	while (joined && *joined) {
		const char *comma = strstr(joined, ", ");
		size_t n = comma ? (size_t)(comma - joined) : strlen(joined);
		ym_jsonw_strn(w, joined, n);
		joined = comma ? comma + 2 : NULL;
	}
	ym_jsonw_arr_end(w);
}

typedef YM_VEC(ym_finding_change) change_vec;

static void json_finding(ym_jsonw *w, const ym_finding *f, ym_arena *a,
			 const change_vec *history, const decision *dec)
{
	ym_jsonw_obj_begin(w);
	ym_jsonw_kint(w, "id", f->id);
	ym_jsonw_kstr(w, "status", ym_finding_status_name(f->status));
	if (f->suppressed_by) {
		ym_jsonw_key(w, "suppressed");
		ym_jsonw_obj_begin(w);
		ym_jsonw_kstr(w, "by", f->suppressed_by);
		ym_jsonw_kstr(w, "reason", f->suppress_reason);
		ym_jsonw_obj_end(w);
	}
	ym_jsonw_kstr(w, "severity", f->severity);
	ym_jsonw_kstr(w, "confidence", f->confidence);
	ym_jsonw_key(w, "asset");
	ym_jsonw_obj_begin(w);
	ym_jsonw_kint(w, "id", f->asset_id);
	ym_jsonw_kstr(w, "name", f->asset_name);
	ym_jsonw_kstr(w, "department", f->department_code);
	ym_jsonw_kstr(w, "department_name", f->department_name);
	ym_jsonw_kstr(w, "owner", f->owner);
	ym_jsonw_obj_end(w);
	ym_jsonw_key(w, "component");
	ym_jsonw_obj_begin(w);
	ym_jsonw_kstr(w, "name", f->component_name);
	ym_jsonw_kstr(w, "version", f->component_version);
	ym_jsonw_kstr(w, "purl", f->component_purl);
	/* a component known by CPE: the CPE the evidence names */
	const ym_json *ce = f->component_purl ? NULL
					      : parse_evidence(a, f->evidence);
	if (ce && ev(ce, "component_cpe"))
		ym_jsonw_kstr(w, "cpe", ev(ce, "component_cpe"));
	ym_jsonw_kstr(w, "key", f->component_key);
	ym_jsonw_obj_end(w);
	ym_jsonw_key(w, "vulnerability");
	ym_jsonw_obj_begin(w);
	ym_jsonw_kstr(w, "id", f->vuln_id);
	ym_jsonw_key(w, "aliases");
	json_aliases(w, f->aliases);
	ym_jsonw_kstr(w, "summary", f->summary);
	ym_jsonw_kstr(w, "summary_ja", f->summary_ja);
	ym_jsonw_obj_end(w);
	ym_jsonw_key(w, "evidence");
	const ym_json *e = parse_evidence(a, f->evidence);
	if (e)
		ym_jsonw_value(w, e);
	else
		ym_jsonw_null(w);
	ym_jsonw_kstr(w, "first_seen", f->first_seen);
	ym_jsonw_kstr(w, "last_seen", f->last_seen);
	ym_jsonw_kstr(w, "resolved_at", f->resolved_at);
	if (dec)
		json_decision(w, dec);
	if (history) {
		ym_jsonw_key(w, "history");
		ym_jsonw_arr_begin(w);
		for (size_t i = 0; i < history->n; i++) {
			const ym_finding_change *c = &history->v[i];
			ym_jsonw_obj_begin(w);
			ym_jsonw_kstr(w, "at", c->at);
			ym_jsonw_kstr(w, "change", c->change);
			ym_jsonw_kstr(w, "from", c->old_value);
			ym_jsonw_kstr(w, "to", c->new_value);
			ym_jsonw_kstr(w, "detail", c->detail);
			ym_jsonw_obj_end(w);
		}
		ym_jsonw_arr_end(w);
	}
	ym_jsonw_obj_end(w);
}

static const char *severity_label(const char *sev)
{
	if (!sev)
		return "";
	if (!strcmp(sev, "critical")) return _("critical");
	if (!strcmp(sev, "high")) return _("high");
	if (!strcmp(sev, "medium")) return _("medium");
	if (!strcmp(sev, "low")) return _("low");
	if (!strcmp(sev, "none")) return _("none");
	return _("unknown");
}

static const char *confidence_label(const char *c)
{
	if (!c)
		return "";
	if (!strcmp(c, "high")) return C_("confidence", "high");
	if (!strcmp(c, "medium")) return C_("confidence", "medium");
	if (!strcmp(c, "low")) return C_("confidence", "low");
	return c;
}

static const char *status_label(ym_finding_status st)
{
	switch (st) {
	case YM_FINDING_OPEN: return _("open");
	case YM_FINDING_RESOLVED: return _("resolved");
	case YM_FINDING_SUPPRESSED: return _("suppressed");
	}
	return "";
}

static int list_row(const ym_finding *f, void *vctx)
{
	list_ctx *lc = vctx;
	/* a decision is about an open finding; one left from before the
	 * finding was resolved or suppressed is not shown */
	const decision *dec = f->status == YM_FINDING_OPEN
				      ? find_decision(lc->dec, f->id)
				      : NULL;
	if (lc->only >= 0 && (!dec || dec->outcome != lc->only))
		return 0;
	lc->n++;
	if (lc->w && lc->by_decision) {
		/* rendered at depth 1 of the array, sorted at the end */
		ym_buf one = YM_BUF_INIT;
		ym_jsonw sw;
		ym_jsonw_init(&sw, &one, true);
		sw.depth = 1;
		json_finding(&sw, f, &lc->arena, NULL, dec);
		const char **cells = ym_arena_alloc(&lc->keep, sizeof *cells);
		cells[0] = ym_arena_strdup(&lc->keep, one.ptr ? one.ptr : "");
		ym_buf_release(&one);
		sorted_row sr = {.rank = dec ? dec->outcome : -1,
				 .deadline = dec && dec->deadline
						     ? dec->deadline
						     : "",
				 .seq = lc->rows.n,
				 .cells = cells};
		ym_vec_push(&lc->rows, sr);
		ym_arena_reset(&lc->arena);
		return 0;
	}
	if (lc->w) {
		json_finding(lc->w, f, &lc->arena, NULL, dec);
		ym_arena_reset(&lc->arena);
		return 0;
	}
	char id[24];
	snprintf(id, sizeof id, "%lld", (long long)f->id);
	const ym_json *e = parse_evidence(&lc->arena, f->evidence);
	const char *fixed = ev(e, "fixed");
	bool csv = lc->ctx->format == YM_FMT_CSV;
	const char *row[] = {
		id,
		csv ? f->severity : severity_label(f->severity),
		f->asset_name,
		csv ? f->department_code : f->department_name,
		f->owner,
		f->component_name,
		f->component_version,
		f->vuln_id,
		f->aliases,
		fixed ? fixed : (csv ? "" : "-"),
		csv ? ym_finding_status_name(f->status) : status_label(f->status),
	};
	if (!lc->dec) {
		ym_table_add_row(lc->t, row);
		ym_arena_reset(&lc->arena);
		return 0;
	}
	/* with decisions: two (or three) more columns, kept for sorting */
	char resid[64] = "";
	if (dec && dec->residual >= 0)
		snprintf(resid, sizeof resid, "%s %s",
			 csv ? ym_policy_outcome_code(
				       (ym_policy_outcome)dec->residual)
			     : ym_triage_outcome_label(dec->residual,
						       lc->ctx->lang),
			 dec->residual_deadline ? dec->residual_deadline : "");
	const char *extra[] = {
		!dec  ? ""
		: csv ? ym_policy_outcome_code((ym_policy_outcome)dec->outcome)
		      : ym_triage_outcome_label(dec->outcome, lc->ctx->lang),
		dec ? dec->deadline : "", resid};
	size_t nb = sizeof row / sizeof *row, ne = lc->residual ? 3 : 2;
	const char **cells = ym_arena_alloc(&lc->keep,
					    (nb + ne) * sizeof *cells);
	for (size_t i = 0; i < nb; i++)
		cells[i] = row[i] ? ym_arena_strdup(&lc->keep, row[i]) : NULL;
	for (size_t i = 0; i < ne; i++)
		cells[nb + i] = ym_arena_strdup(&lc->keep, extra[i]);
	sorted_row sr = {.rank = dec ? dec->outcome : -1,
			 .deadline = dec ? cells[nb + 1] : "",
			 .seq = lc->rows.n,
			 .cells = cells};
	ym_vec_push(&lc->rows, sr);
	ym_arena_reset(&lc->arena);
	return 0;
}

static int by_decision(const void *a, const void *b)
{
	const sorted_row *x = a, *y = b;
	if (x->rank != y->rank)
		return x->rank > y->rank ? -1 : 1;
	int c = strcmp(x->deadline, y->deadline);
	if (c)
		return c;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int list(ym_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"asset", required_argument, NULL, 'a'},
		{"severity", required_argument, NULL, 's'},
		{"status", required_argument, NULL, 't'},
		{"dept", required_argument, NULL, 'd'},
		{"vuln", required_argument, NULL, 'v'},
		{"cve", required_argument, NULL, 'v'},
		{"product", required_argument, NULL, 'p'},
		{"confidence", required_argument, NULL, 'c'},
		{"kev", no_argument, NULL, 'k'},
		{"sort", required_argument, NULL, 'o'},
		{"decision", required_argument, NULL, 'D'},
		{"with-residual", no_argument, NULL, 'R'},
		{0}};
	ym_finding_filter ff = {.status = YM_FINDING_OPEN};
	int only = -1;
	bool residual = false, sort_decision = false, sort_given = false;
	const char *depts = NULL;
	int64_t dept_ids[16];
	ym_scope scope;
	ym_err err = YM_ERR_INIT;
	int c;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'a': ff.asset = optarg; break;
		case 'd': depts = optarg; break;
		case 's':
			if (ym_severity_rank(optarg) < 0)
				return ym_cli_usage(
					"findings",
					_("unknown severity '%s' (none, low, "
					  "medium, high, critical)"),
					optarg);
			ff.severity = optarg;
			break;
		case 't':
			if (strcmp(optarg, "all") == 0) {
				ff.status = -1;
			} else {
				ym_finding_status st;
				if (ym_finding_status_parse(optarg, &st))
					return ym_cli_usage(
						"findings",
						_("unknown status '%s' (open, "
						  "resolved, suppressed, all)"),
						optarg);
				ff.status = (int)st;
			}
			break;
		case 'v': ff.vuln = optarg; break;
		case 'p': ff.product = optarg; break;
		case 'k': ff.kev_only = true; break;
		case 'c':
			if (strcmp(optarg, "high") && strcmp(optarg, "medium") &&
			    strcmp(optarg, "low"))
				return ym_cli_usage(
					"findings",
					_("unknown confidence '%s' (low, medium, "
					  "high)"),
					optarg);
			ff.confidence = optarg;
			break;
		case 'D':
			only = ym_policy_outcome_parse(optarg);
			if (only < 0)
				return ym_cli_usage(
					"findings",
					_("unknown decision '%s' (immediate, "
					  "out_of_cycle, scheduled, defer)"),
					optarg);
			break;
		case 'R': residual = true; break;
		case 'o': {
			sort_given = true;
			if (strcmp(optarg, "decision") == 0) {
				sort_decision = true;
				break;
			}
			static const char *const sorts[] = {
				"severity", "asset", "component",
				"vulnerability", "first_seen", "last_seen",
				NULL};
			bool known = false;
			for (int k = 0; sorts[k]; k++)
				known = known || strcmp(optarg, sorts[k]) == 0;
			if (!known)
				return ym_cli_usage(
					"findings",
					_("unknown sort '%s' (severity, asset, "
					  "component, vulnerability, first_seen, "
					  "last_seen)"),
					optarg);
			ff.sort = optarg;
			break;
		}
		default: return ym_cli_bad_option("findings", c, argv);
		}
	}
	if (optind < argc)
		return ym_cli_usage("findings", _("unexpected argument '%s'"),
				    argv[optind]);
	int rc = ym_cli_scope(ctx, depts, dept_ids, &scope);
	if (rc)
		return rc;

	static const char *const keys[] = {
		"id",		 "severity", "asset",	       "department",
		"owner",	 "component", "version",       "vulnerability",
		"aliases",	 "fixed",    "status"};
	const char *headers[] = {_("ID"),	 _("SEVERITY"), _("ASSET"),
				 _("DEPARTMENT"), _("OWNER"),	  _("COMPONENT"),
				 _("VERSION"),	 _("VULNERABILITY"),
				 _("ALIASES"),	 _("FIXED IN"),	  _("STATUS")};
	/* the table keeps the headers until it is rendered: same scope */
	const char *dheaders[] = {
		_("ID"),	 _("SEVERITY"),	     _("ASSET"),
		_("DEPARTMENT"), _("OWNER"),	     _("COMPONENT"),
		_("VERSION"),	 _("VULNERABILITY"), _("ALIASES"),
		_("FIXED IN"),	 _("STATUS"),	     _("DECISION"),
		_("DEADLINE"),	 _("RESIDUAL")};
	list_ctx lc = {.ctx = ctx, .only = only, .residual = residual};
	ym_buf out = YM_BUF_INIT;
	ym_jsonw w;
	ym_arena_init(&lc.arena, 0);
	ym_arena_init(&lc.keep, 0);
	decision_vec decs = YM_VEC_INIT;
	bool any = false;
	rc = ym_store_triage_any(ctx->store, &any, &err);
	if (!rc && any) {
		void *kc[2] = {&decs, &lc.keep};
		rc = ym_store_triage_each(ctx->store, &scope, keep_decision, kc,
					  &err);
		lc.dec = &decs;
		lc.by_decision = sort_decision || !sort_given;
	}
	if (rc) {
		ym_arena_release(&lc.keep);
		ym_arena_release(&lc.arena);
		ym_vec_release(&decs);
		return ym_cli_fail(&err);
	}
	if (ctx->format == YM_FMT_JSON) {
		ym_jsonw_init(&w, &out, true);
		ym_jsonw_arr_begin(&w);
		lc.w = &w;
	} else {
		static const char *const dkeys[] = {
			"id",	     "severity", "asset",	  "department",
			"owner",     "component", "version",	  "vulnerability",
			"aliases",   "fixed",	 "status",	  "decision",
			"deadline",  "residual"};
		if (lc.dec)
			lc.t = ym_table_new(residual ? 14 : 13, dkeys,
					    dheaders);
		else
			lc.t = ym_table_new(11, keys, headers);
		ym_table_align_right(lc.t, 0);
	}
	rc = ym_store_findings_each(ctx->store, &scope, &ff, list_row, &lc,
				    &err);
	if (!rc && lc.t && lc.dec) {
		/* qsort must not see the NULL of an empty list */
		if (lc.by_decision && lc.rows.n > 1)
			qsort(lc.rows.v, lc.rows.n, sizeof *lc.rows.v,
			      by_decision);
		for (size_t i = 0; i < lc.rows.n; i++)
			ym_table_add_row(lc.t, lc.rows.v[i].cells);
	}
	if (!rc && lc.w && lc.by_decision) {
		if (lc.rows.n > 1)
			qsort(lc.rows.v, lc.rows.n, sizeof *lc.rows.v,
			      by_decision);
		for (size_t i = 0; i < lc.rows.n; i++) {
			if (i)
				ym_buf_addc(&out, ',');
			ym_buf_adds(&out, lc.rows.v[i].cells[0]);
		}
		w.need_comma[1] = lc.rows.n > 0;
	}
	if (!rc) {
		if (lc.w) {
			ym_jsonw_arr_end(&w);
			ym_buf_addc(&out, '\n');
		} else {
			ym_table_render(lc.t, ctx->format, &out);
		}
		ym_cli_out(&out);
		fflush(stdout); /* the count follows the table */
		if (ctx->format == YM_FMT_TABLE)
			ym_cli_note(ctx, _("%lld findings"), lc.n);
	}
	ym_table_free(lc.t);
	ym_buf_release(&out);
	ym_arena_release(&lc.arena);
	ym_arena_release(&lc.keep);
	ym_vec_release(&lc.rows);
	ym_vec_release(&decs);
	return rc ? ym_cli_fail(&err) : YM_EXIT_OK;
}

typedef struct show_ctx {
	ym_ctx *ctx;
	ym_buf *out;
	ym_arena arena;
	bool found;
	change_vec history;
	decision dec;      /* the finding's triage decision */
	bool has_dec;
} show_ctx;

static int keep_change(const ym_finding_change *c, void *vctx)
{
	show_ctx *sc = vctx;
	ym_arena *a = &sc->arena;
	ym_finding_change k = {
		.at = ym_arena_strdup(a, c->at),
		.change = ym_arena_strdup(a, c->change),
		.old_value = c->old_value ? ym_arena_strdup(a, c->old_value) : NULL,
		.new_value = c->new_value ? ym_arena_strdup(a, c->new_value) : NULL,
		.detail = c->detail ? ym_arena_strdup(a, c->detail) : NULL,
	};
	ym_vec_push(&sc->history, k);
	return 0;
}

static const char *change_label(const char *c)
{
	if (!strcmp(c, "new")) return _("found");
	if (!strcmp(c, "resolved")) return _("resolved");
	if (!strcmp(c, "reopened")) return _("re-opened");
	if (!strcmp(c, "suppressed")) return _("suppressed");
	if (!strcmp(c, "unsuppressed")) return _("suppression lifted");
	if (!strcmp(c, "suppression_changed")) return _("suppression changed");
	if (!strcmp(c, "version")) return _("version changed");
	return c;
}

static void text_history(ym_buf *out, const change_vec *h)
{
	if (!h->n)
		return;
	ym_buf_printf(out, "%s:\n", _("History"));
	for (size_t i = 0; i < h->n; i++) {
		const ym_finding_change *c = &h->v[i];
		ym_buf_printf(out, "  %s  %s", c->at, change_label(c->change));
		if (!strcmp(c->change, "version"))
			ym_buf_printf(out, " %s \xE2\x86\x92 %s",
				      c->old_value ? c->old_value : "",
				      c->new_value ? c->new_value : "");
		if (c->detail && strcmp(c->change, "version") != 0)
			ym_buf_printf(out, ": %s", c->detail);
		ym_buf_addc(out, '\n');
	}
}

static void line(ym_buf *out, const char *label, const char *v)
{
	if (v && *v)
		ym_buf_printf(out, "%s: %s\n", label, v);
}

static int show_one(const ym_finding *f, void *vctx)
{
	show_ctx *sc = vctx;
	ym_buf *out = sc->out;
	sc->found = true;
	if (f->status != YM_FINDING_OPEN)
		sc->has_dec = false; /* decisions are about open findings */
	ym_err herr = YM_ERR_INIT;
	ym_store_finding_history(sc->ctx->store, f->id, keep_change, sc,
				 &herr);
	if (sc->ctx->format == YM_FMT_JSON) {
		ym_jsonw w;
		ym_jsonw_init(&w, out, true);
		json_finding(&w, f, &sc->arena, &sc->history,
			     sc->has_dec ? &sc->dec : NULL);
		ym_buf_addc(out, '\n');
		return 0;
	}
	const ym_json *e = parse_evidence(&sc->arena, f->evidence);
	bool ja = strcmp(sc->ctx->lang, "ja") == 0;
	const char *summary = ja && f->summary_ja ? f->summary_ja : f->summary;
	char id[24];
	snprintf(id, sizeof id, "%lld", (long long)f->id);
	line(out, _("Finding"), id);
	line(out, _("Status"), status_label(f->status));
	line(out, _("Severity"), severity_label(f->severity));
	line(out, _("Confidence"), confidence_label(f->confidence));
	line(out, _("Asset"), f->asset_name);
	line(out, _("Department"), f->department_name);
	line(out, _("Owner"), f->owner);
	line(out, _("Component"), f->component_purl ? f->component_purl
						    : f->component_name);
	line(out, _("Vulnerability"), f->vuln_id);
	line(out, _("Aliases"), f->aliases);
	line(out, _("Summary"), summary);
	line(out, _("First seen"), f->first_seen);
	line(out, _("Last seen"), f->last_seen);
	line(out, _("Resolved"), f->resolved_at);
	line(out, _("Suppressed"), f->suppress_reason);
	/* the one-line answer to "why": component — record — range */
	ym_buf_printf(out, "%s:\n  %s %s \xE2\x80\x94 %s \xE2\x80\x94 ",
		      _("Why it matched"), f->component_name,
		      f->component_version ? f->component_version : "",
		      ev(e, "record") ? ev(e, "record") : f->vuln_id);
	explain_range(e, out);
	ym_buf_addc(out, '\n');
	const char *src = ev(e, "source");
	if (src)
		ym_buf_printf(out,
			      _("  source %s, package %s/%s, matched by %s\n"),
			      src, ev(e, "ecosystem") ? ev(e, "ecosystem") : "",
			      ev(e, "package") ? ev(e, "package") : "",
			      ev(e, "matched_by") ? ev(e, "matched_by") : "");
	/* the distribution checks, in words */
	const char *by = ev(e, "matched_by");
	if (by && strcmp(by, "source_package") == 0)
		ym_buf_printf(out,
			      _("  %s is built from the source package %s, "
				"which the distribution's advisory names\n"),
			      f->component_name,
			      ev(e, "package") ? ev(e, "package") : "");
	if (ev(e, "release"))
		ym_buf_printf(out,
			      _("  the advisory is for release %s, the "
				"release the package comes from\n"),
			      ev(e, "release"));
	const ym_json *rc = ym_json_get(e, "release_checked");
	if (rc && rc->type == YM_JSON_FALSE)
		ym_buf_printf(out,
			      _("  the package's distribution release is not "
				"known (its purl has no distro): it may be "
				"fixed there, so the confidence is lowered\n"));
	if (sc->has_dec) {
		ym_buf_printf(out, _("Decision: %s, due %s\n"),
			      ym_triage_outcome_label(sc->dec.outcome,
						      sc->ctx->lang),
			      sc->dec.deadline);
		ym_buf_printf(out, "%s: ", _("Reason"));
		explain_decision(&sc->dec, sc->ctx->lang, out);
		ym_buf_addc(out, '\n');
	}
	text_history(out, &sc->history);
	return 0;
}

static int show(ym_ctx *ctx, int argc, char **argv)
{
	if (argc != 2)
		return ym_cli_usage("findings", _("findings show needs one ID"));
	char *end;
	long long id = strtoll(argv[1], &end, 10);
	if (*end || id <= 0)
		return ym_cli_usage("findings", _("'%s' is not a finding ID"),
				    argv[1]);
	ym_finding_filter ff = {.status = -1, .id = id};
	ym_buf out = YM_BUF_INIT;
	ym_err err = YM_ERR_INIT;
	show_ctx sc = {.ctx = ctx, .out = &out};
	ym_arena_init(&sc.arena, 0);
	ym_triage_row tr;
	if (ym_store_triage_get(ctx->store, &ym_scope_all, id, &sc.arena, &tr,
				&err) == 0) {
		sc.has_dec = true;
		sc.dec = (decision){.id = id,
				    .outcome = tr.outcome,
				    .residual = tr.residual_outcome,
				    .deadline = tr.deadline,
				    .posture = tr.posture_en,
				    .vector = tr.ssvc_vector,
				    .residual_deadline = tr.residual_deadline,
				    .vuln = {tr.vuln_ja, tr.vuln_en},
				    .asset = {tr.asset_ja, tr.asset_en},
				    .rule = {tr.rule_ja, tr.rule_en}};
	}
	ym_err_clear(&err);
	int rc = ym_store_findings_each(ctx->store, &ym_scope_all, &ff,
					show_one, &sc, &err);
	if (!rc && !sc.found)
		rc = ym_err_set(&err, YM_E_NOTFOUND, _("no finding %lld"), id);
	if (!rc)
		ym_cli_out(&out);
	ym_buf_release(&out);
	ym_vec_release(&sc.history);
	ym_arena_release(&sc.arena);
	return rc ? ym_cli_fail(&err) : YM_EXIT_OK;
}

int ym_cmd_findings(ym_ctx *ctx, int argc, char **argv)
{
	if (ym_cli_wants_help(argc, argv)) {
		usage();
		return YM_EXIT_OK;
	}
	if (argc < 2)
		return ym_cli_usage("findings",
				    _("missing subcommand (list, show)"));
	if (strcmp(argv[1], "list") == 0)
		return list(ctx, argc - 1, argv + 1);
	if (strcmp(argv[1], "show") == 0)
		return show(ctx, argc - 1, argv + 1);
	return ym_cli_usage("findings", _("unknown subcommand '%s'"), argv[1]);
}

/* yamori explain FINDING: the same as findings show, the name users look
 * for when they ask "why is this a finding?". */
int ym_cmd_explain(ym_ctx *ctx, int argc, char **argv)
{
	if (ym_cli_wants_help(argc, argv)) {
		printf(_("usage: yamori explain FINDING\n"
			 "\n"
			 "Says in plain words why a finding matched: which "
			 "component and version,\nwhich source record and "
			 "range, which version scheme, how the package\nwas "
			 "identified (purl, source package, CPE) and what "
			 "lowered the\nconfidence. Same as 'yamori findings "
			 "show'.\n"));
		return YM_EXIT_OK;
	}
	return show(ctx, argc, argv);
}
