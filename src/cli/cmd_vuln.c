/* cmd_vuln.c - yamori vuln show ID | vuln search: the merged view of a
 * vulnerability with what every source said, KEV and EPSS beside it. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/arena.h"
#include "core/i18n.h"
#include "core/json.h"
#include "core/utf8.h"
#include "core/vec.h"
#include "feeds/vuln_json.h"

static void usage(void)
{
	printf(_("usage: yamori vuln show ID\n"
		 "       yamori vuln search [TEXT] [--source SOURCE] "
		 "[--severity MIN] [--kev]\n"
		 "                          [--since YYYY-MM-DD] [--limit N]\n"
		 "\n"
		 "show: the vulnerability with this id or alias (CVE, JVNDB, "
		 "GHSA, ...):\n"
		 "  the merged view, KEV and EPSS, then every source's own "
		 "record -\n"
		 "  its CVSS scores, affected products and ranges - with "
		 "disagreements\n"
		 "  between sources pointed out.\n"
		 "search: vulnerabilities whose id, alias, title or summary "
		 "(English or\n"
		 "  Japanese) contains TEXT, newest first.\n"
		 "  --source SOURCE  only those with a record from nvd, cve5, "
		 "jvn, osv, csaf\n"
		 "  --severity MIN   low, medium, high or critical\n"
		 "  --kev            only those in CISA's KEV catalog\n"
		 "  --since DATE     modified on or after DATE\n"
		 "  --limit N        at most N rows (default 100)\n"));
}

/* ---- show ---- */

typedef YM_VEC(ym_vuln) vuln_vec;

typedef struct show_ctx {
	ym_arena *a;
	vuln_vec sources;
} show_ctx;

/* Keeps a deep enough copy: the store's arena is reset per record. */
static const char *dup(ym_arena *a, const char *s)
{
	return s ? ym_arena_strdup(a, s) : NULL;
}

static int keep_source(const ym_vuln *v, void *ctx)
{
	show_ctx *sc = ctx;
	ym_arena *a = sc->a;
	ym_vuln c = *v;
	const char **fields[] = {&c.vuln_id, &c.record_id, &c.title,
				 &c.title_ja, &c.summary, &c.summary_ja,
				 &c.details, &c.severity, &c.cvss_vector,
				 &c.published, &c.modified, &c.withdrawn,
				 &c.status, &c.references, &c.remediations,
				 &c.threats, &c.source, &c.source_file};
	for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
		*fields[i] = dup(a, *fields[i]);
	const char *const *lists[] = {v->aliases, v->cwes};
	const char *const **outs[] = {&c.aliases, &c.cwes};
	for (int l = 0; l < 2; l++) {
		size_t n = 0;
		while (lists[l] && lists[l][n])
			n++;
		if (!lists[l])
			continue;
		const char **copy = ym_arena_alloc(a, (n + 1) * sizeof *copy);
		for (size_t i = 0; i < n; i++)
			copy[i] = dup(a, lists[l][i]);
		copy[n] = NULL;
		*outs[l] = copy;
	}
	ym_cvss_entry *cv = ym_arena_alloc(a, (v->n_cvss + 1) * sizeof *cv);
	for (size_t i = 0; i < v->n_cvss; i++) {
		cv[i] = v->cvss[i];
		cv[i].version = dup(a, cv[i].version);
		cv[i].vector = dup(a, cv[i].vector);
		cv[i].severity = dup(a, cv[i].severity);
		cv[i].origin = dup(a, cv[i].origin);
		cv[i].kind = dup(a, cv[i].kind);
	}
	c.cvss = cv;
	ym_cpe_criterion *cp = ym_arena_alloc(a, (v->n_cpes + 1) * sizeof *cp);
	for (size_t i = 0; i < v->n_cpes; i++) {
		cp[i] = v->cpes[i];
		const char **f[] = {&cp[i].config_op, &cp[i].node_op,
				    &cp[i].criteria, &cp[i].start_incl,
				    &cp[i].start_excl, &cp[i].end_incl,
				    &cp[i].end_excl, &cp[i].match_id,
				    &cp[i].text};
		for (size_t k = 0; k < sizeof f / sizeof *f; k++)
			*f[k] = dup(a, *f[k]);
	}
	c.cpes = cp;
	ym_affected_range *rg =
		ym_arena_alloc(a, (v->n_ranges + 1) * sizeof *rg);
	for (size_t i = 0; i < v->n_ranges; i++) {
		rg[i].ecosystem = dup(a, v->ranges[i].ecosystem);
		rg[i].package = dup(a, v->ranges[i].package);
		rg[i].range_type = dup(a, v->ranges[i].range_type);
		rg[i].events = dup(a, v->ranges[i].events);
		rg[i].versions = dup(a, v->ranges[i].versions);
	}
	c.ranges = rg;
	ym_product_status *ps =
		ym_arena_alloc(a, (v->n_products + 1) * sizeof *ps);
	for (size_t i = 0; i < v->n_products; i++) {
		ps[i] = v->products[i];
		const char **f[] = {&ps[i].status, &ps[i].product_id,
				    &ps[i].name, &ps[i].cpe, &ps[i].purl,
				    &ps[i].justification, &ps[i].impact};
		for (size_t k = 0; k < sizeof f / sizeof *f; k++)
			*f[k] = dup(a, *f[k]);
	}
	c.products = ps;
	if (v->ssvc) {
		ym_ssvc_points *p = ym_arena_alloc(a, sizeof *p);
		p->exploitation = dup(a, v->ssvc->exploitation);
		p->automatable = dup(a, v->ssvc->automatable);
		p->technical_impact = dup(a, v->ssvc->technical_impact);
		p->timestamp = dup(a, v->ssvc->timestamp);
		p->origin = dup(a, v->ssvc->origin);
		p->version = dup(a, v->ssvc->version);
		c.ssvc = p;
	}
	ym_vec_push(&sc->sources, c);
	return 0;
}

/* "[1.0, 2.0)" style bounds of a CPE criterion; "" when unbounded. */
static void bounds(const ym_cpe_criterion *c, ym_buf *b)
{
	if (!c->start_incl && !c->start_excl && !c->end_incl && !c->end_excl)
		return;
	ym_buf_adds(b, c->start_excl ? " (" : " [");
	ym_buf_adds(b, c->start_incl ? c->start_incl
				     : c->start_excl ? c->start_excl : "*");
	ym_buf_adds(b, ", ");
	ym_buf_adds(b, c->end_incl ? c->end_incl
				   : c->end_excl ? c->end_excl : "*");
	ym_buf_adds(b, c->end_excl ? ")" : "]");
}

/* Two sources giving different vectors for the same CVSS version. */
static void disagreements(const vuln_vec *src, ym_buf *out)
{
	static const char *const versions[] = {"2.0", "3.0", "3.1", "4.0"};
	for (int k = 0; k < 4; k++) {
		const char *first = NULL, *first_src = NULL;
		for (size_t i = 0; i < src->n; i++)
			for (size_t j = 0; j < src->v[i].n_cvss; j++) {
				const ym_cvss_entry *c = &src->v[i].cvss[j];
				if (strcmp(c->version, versions[k]) != 0)
					continue;
				if (!first) {
					first = c->vector;
					first_src = src->v[i].source;
				} else if (strcmp(first, c->vector) != 0 &&
					   strcmp(first_src,
						  src->v[i].source) != 0) {
					ym_buf_printf(out,
						      _("  CVSS %s: %s says %s, "
							"%s says %s\n"),
						      versions[k], first_src,
						      first, src->v[i].source,
						      c->vector);
				}
			}
	}
}

/* The label padded to 14 display columns (Japanese labels are wide). */
static void label(ym_buf *out, const char *text)
{
	size_t w = ym_utf8_width(text, strlen(text));
	ym_buf_adds(out, text);
	for (; w < 15; w++)
		ym_buf_addc(out, ' ');
}

static void line(ym_buf *out, const char *name, const char *value)
{
	if (!value || !*value)
		return;
	label(out, name);
	ym_buf_printf(out, "%s\n", value);
}

static void show_text(const ym_vuln *m, const ym_kev_entry *kev,
		      const ym_epss_entry *epss, const vuln_vec *src,
		      ym_buf *out)
{
	ym_buf_printf(out, "%s  %s%s%s\n", m->vuln_id,
		      _(m->severity ? m->severity : "unknown"),
		      kev ? "  KEV" : "", m->rejected ? _("  (rejected)") : "");
	line(out, _("Title:"), m->title);
	line(out, _("Title (ja):"), m->title_ja);
	line(out, _("Summary:"), m->summary);
	line(out, _("Summary (ja):"), m->summary_ja);
	line(out, _("Aliases:"), m->aliases_joined);
	line(out, _("Published:"), m->published);
	line(out, _("Modified:"), m->modified);
	line(out, _("Withdrawn:"), m->withdrawn);
	line(out, _("CVSS vector:"), m->cvss_vector);
	if (m->cwes) {
		ym_buf b = YM_BUF_INIT;
		for (size_t i = 0; m->cwes[i]; i++)
			ym_buf_printf(&b, "%s%s", i ? ", " : "", m->cwes[i]);
		line(out, _("CWE:"), b.ptr);
		ym_buf_release(&b);
	}
	if (kev) {
		label(out, _("KEV:"));
		ym_buf_printf(out, _("added %s, due %s, ransomware use: %s\n"),
			      kev->date_added ? kev->date_added : "-",
			      kev->due_date ? kev->due_date : "-",
			      kev->ransomware ? kev->ransomware : "-");
		line(out, " ", kev->required_action);
	}
	if (epss) {
		label(out, _("EPSS:"));
		if (epss->percentile >= 0)
			ym_buf_printf(out, _("%.5f (percentile %.5f) on %s\n"),
				      epss->score, epss->percentile,
				      epss->date);
		else
			ym_buf_printf(out, _("%.5f on %s\n"), epss->score,
				      epss->date);
	}
	ym_buf b = YM_BUF_INIT;
	disagreements(src, &b);
	if (b.len) {
		ym_buf_printf(out, _("Sources disagree:\n"));
		ym_buf_add(out, b.ptr, b.len);
	}
	ym_buf_release(&b);
	ym_buf_printf(out, _("Sources (%zu):\n"), src->n);
	for (size_t i = 0; i < src->n; i++) {
		const ym_vuln *v = &src->v[i];
		ym_buf_printf(out, "  [%s] %s", v->source, v->vuln_id);
		if (v->modified)
			ym_buf_printf(out, _("  modified %s"), v->modified);
		if (v->status)
			ym_buf_printf(out, "  %s", v->status);
		if (v->rejected)
			ym_buf_adds(out, _("  (rejected)"));
		if (v->withdrawn)
			ym_buf_printf(out, _("  (withdrawn %s)"), v->withdrawn);
		ym_buf_addc(out, '\n');
		if (v->title)
			ym_buf_printf(out, "    %s\n", v->title);
		if (v->title_ja)
			ym_buf_printf(out, "    %s\n", v->title_ja);
		for (size_t k = 0; k < v->n_cvss; k++) {
			const ym_cvss_entry *c = &v->cvss[k];
			ym_buf_printf(out, "    CVSS %s", c->version);
			if (c->base_score >= 0)
				ym_buf_printf(out, " %.1f", c->base_score);
			ym_buf_printf(out, " %s", c->vector);
			if (c->origin)
				ym_buf_printf(out, " (%s%s%s)", c->origin,
					      c->kind ? ", " : "",
					      c->kind ? c->kind : "");
			ym_buf_addc(out, '\n');
		}
		for (size_t k = 0; k < v->n_cpes; k++) {
			const ym_cpe_criterion *c = &v->cpes[k];
			ym_buf_printf(out, "    CPE %d.%d%s %s", c->config,
				      c->node,
				      c->vulnerable ? "" : _(" (platform)"),
				      c->criteria);
			bounds(c, out);
			if (c->unparsed)
				ym_buf_printf(out, _(" (versions unread: %s)"),
					      c->text ? c->text : "");
			else if (c->text && strcmp(v->source, "nvd") != 0)
				ym_buf_printf(out, " \"%s\"", c->text);
			ym_buf_addc(out, '\n');
		}
		for (size_t k = 0; k < v->n_ranges; k++) {
			const ym_affected_range *r = &v->ranges[k];
			ym_buf_printf(out, "    %s %s %s %s\n", r->ecosystem,
				      r->package, r->range_type,
				      r->events ? r->events : r->versions);
		}
		for (size_t k = 0; k < v->n_products; k++) {
			const ym_product_status *p = &v->products[k];
			ym_buf_printf(out, "    %s: %s", p->status,
				      p->name ? p->name : p->product_id);
			if (p->justification)
				ym_buf_printf(out, " (%s)", p->justification);
			ym_buf_addc(out, '\n');
		}
		if (v->ssvc)
			ym_buf_printf(out,
				      _("    SSVC (%s): exploitation %s, "
					"automatable %s, technical impact %s\n"),
				      v->ssvc->origin ? v->ssvc->origin : "-",
				      v->ssvc->exploitation
					      ? v->ssvc->exploitation
					      : "-",
				      v->ssvc->automatable
					      ? v->ssvc->automatable
					      : "-",
				      v->ssvc->technical_impact
					      ? v->ssvc->technical_impact
					      : "-");
	}
}

static void show_json(const ym_vuln *m, const ym_kev_entry *kev,
		      const ym_epss_entry *epss, const vuln_vec *src,
		      ym_arena *a, ym_buf *out)
{
	ym_jsonw w;
	ym_jsonw_init(&w, out, true);
	ym_jsonw_obj_begin(&w);
	ym_jsonw_kstr(&w, "id", m->vuln_id);
	ym_jsonw_kstr_opt(&w, "title", m->title);
	ym_jsonw_kstr_opt(&w, "title_ja", m->title_ja);
	ym_jsonw_kstr_opt(&w, "summary", m->summary);
	ym_jsonw_kstr_opt(&w, "summary_ja", m->summary_ja);
	ym_jsonw_kstr(&w, "severity", m->severity ? m->severity : "unknown");
	ym_jsonw_kstr_opt(&w, "cvss_vector", m->cvss_vector);
	ym_jsonw_kstr_opt(&w, "published", m->published);
	ym_jsonw_kstr_opt(&w, "modified", m->modified);
	ym_jsonw_kstr_opt(&w, "withdrawn", m->withdrawn);
	ym_jsonw_kbool(&w, "rejected", m->rejected);
	ym_jsonw_kstrlist(&w, "cwes", m->cwes);
	ym_jsonw_key(&w, "aliases");
	ym_jsonw_arr_begin(&w);
	for (const char *p = m->aliases_joined; p && *p;) {
		const char *e = strstr(p, ", ");
		size_t n = e ? (size_t)(e - p) : strlen(p);
		ym_jsonw_strn(&w, p, n);
		p = e ? e + 2 : NULL;
	}
	ym_jsonw_arr_end(&w);
	if (kev) {
		ym_jsonw_key(&w, "kev");
		ym_jsonw_obj_begin(&w);
		ym_jsonw_kstr_opt(&w, "date_added", kev->date_added);
		ym_jsonw_kstr_opt(&w, "due_date", kev->due_date);
		ym_jsonw_kstr_opt(&w, "required_action", kev->required_action);
		ym_jsonw_kstr_opt(&w, "ransomware", kev->ransomware);
		ym_jsonw_kstr_opt(&w, "vendor", kev->vendor);
		ym_jsonw_kstr_opt(&w, "product", kev->product);
		ym_jsonw_kstr_opt(&w, "name", kev->name);
		ym_jsonw_kstr_opt(&w, "notes", kev->notes);
		ym_jsonw_obj_end(&w);
	}
	if (epss) {
		ym_jsonw_key(&w, "epss");
		ym_jsonw_obj_begin(&w);
		ym_jsonw_kdouble(&w, "score", epss->score);
		ym_jsonw_kdouble(&w, "percentile", epss->percentile);
		ym_jsonw_kstr(&w, "date", epss->date);
		ym_jsonw_kstr_opt(&w, "model_version", epss->model_version);
		ym_jsonw_obj_end(&w);
	}
	ym_jsonw_key(&w, "sources");
	ym_jsonw_arr_begin(&w);
	for (size_t i = 0; i < src->n; i++)
		ym_vuln_json_write(&w, a, &src->v[i]);
	ym_jsonw_arr_end(&w);
	ym_jsonw_obj_end(&w);
	ym_buf_addc(out, '\n');
}

static int vuln_show(ym_ctx *ctx, const char *id)
{
	ym_err err = YM_ERR_INIT;
	ym_arena a;
	ym_vuln m;
	ym_kev_entry kev;
	ym_epss_entry epss;
	ym_arena_init(&a, 0);
	show_ctx sc = {.a = &a};
	int rc = ym_store_vuln_get(ctx->store, id, &a, &m, &err);
	if (!rc)
		rc = ym_store_vuln_sources_each(ctx->store, m.id, keep_source,
						&sc, &err);
	bool has_kev = false, has_epss = false;
	if (!rc) {
		has_kev = ym_store_kev_get(ctx->store, m.vuln_id, &a, &kev,
					   NULL) == 0;
		has_epss = ym_store_epss_get(ctx->store, m.vuln_id, &a, &epss,
					     NULL) == 0;
	}
	if (rc) {
		ym_vec_release(&sc.sources);
		ym_arena_release(&a);
		return ym_cli_fail(&err);
	}
	ym_buf out = YM_BUF_INIT;
	if (ctx->format == YM_FMT_JSON)
		show_json(&m, has_kev ? &kev : NULL, has_epss ? &epss : NULL,
			  &sc.sources, &a, &out);
	else
		show_text(&m, has_kev ? &kev : NULL, has_epss ? &epss : NULL,
			  &sc.sources, &out);
	ym_cli_out(&out);
	ym_buf_release(&out);
	ym_vec_release(&sc.sources);
	ym_arena_release(&a);
	return YM_EXIT_OK;
}

/* ---- search ---- */

typedef struct search_ctx {
	ym_table *t;
	bool ja;
} search_ctx;

static int add_row(const ym_vuln_row *r, void *ctx)
{
	search_ctx *sc = ctx;
	char epss[32] = "";
	if (r->epss >= 0)
		snprintf(epss, sizeof epss, "%.5f", r->epss);
	const char *title = sc->ja && r->title_ja ? r->title_ja
			    : r->title	       ? r->title
			    : r->summary       ? r->summary
					       : r->title_ja ? r->title_ja
							     : r->summary_ja;
	char shortened[256];
	snprintf(shortened, sizeof shortened, "%s", title ? title : "");
	/* cut on a UTF-8 boundary so a Japanese title stays valid */
	size_t n = strlen(shortened);
	if (n == sizeof shortened - 1) {
		while (n && ((unsigned char)shortened[n - 1] & 0xC0) == 0x80)
			n--;
		if (n)
			n--;
		shortened[n] = '\0';
	}
	const char *cells[] = {r->vuln_id,
			       _(r->severity ? r->severity : "unknown"),
			       r->kev ? "KEV" : "",
			       epss,
			       r->modified ? r->modified : "",
			       r->sources ? r->sources : "",
			       r->aliases ? r->aliases : "",
			       shortened};
	ym_table_add_row(sc->t, cells);
	return 0;
}

static int vuln_search(ym_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"source", required_argument, NULL, 's'},
		{"severity", required_argument, NULL, 'v'},
		{"kev", no_argument, NULL, 'k'},
		{"since", required_argument, NULL, 'd'},
		{"limit", required_argument, NULL, 'l'},
		{0}};
	ym_vuln_filter f = {0};
	int c;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 's':
			f.source = optarg;
			break;
		case 'v':
			if (ym_severity_rank(optarg) < 1)
				return ym_cli_usage(
					"vuln", _("unknown severity '%s'"),
					optarg);
			f.min_severity = optarg;
			break;
		case 'k':
			f.kev_only = true;
			break;
		case 'd':
			f.modified_since = optarg;
			break;
		case 'l': {
			char *end;
			long n = strtol(optarg, &end, 10);
			if (*end || n <= 0 || n > 1000000)
				return ym_cli_usage(
					"vuln", _("--limit needs a positive "
						  "number, not '%s'"),
					optarg);
			f.limit = (int)n;
			break;
		}
		default:
			return ym_cli_bad_option("vuln", c, argv);
		}
	}
	if (optind < argc)
		f.text = argv[optind++];
	if (optind < argc)
		return ym_cli_usage("vuln", _("unexpected argument '%s'"),
				    argv[optind]);
	static const char *const keys[] = {"id", "severity", "kev", "epss",
					   "modified", "sources", "aliases",
					   "title"};
	const char *headers[] = {_("ID"),      _("SEVERITY"), "KEV",
				 "EPSS",       _("MODIFIED"), _("SOURCES"),
				 _("ALIASES"), _("TITLE")};
	search_ctx sc = {.t = ym_table_new(8, keys, headers),
			 .ja = strcmp(ctx->lang, "ja") == 0};
	ym_err err = YM_ERR_INIT;
	int rc = ym_store_vulns_search(ctx->store, &f, add_row, &sc, &err);
	if (rc) {
		ym_table_free(sc.t);
		return ym_cli_fail(&err);
	}
	ym_buf out = YM_BUF_INIT;
	ym_table_render(sc.t, ctx->format, &out);
	ym_cli_out(&out);
	ym_buf_release(&out);
	ym_table_free(sc.t);
	return YM_EXIT_OK;
}

int ym_cmd_vuln(ym_ctx *ctx, int argc, char **argv)
{
	if (ym_cli_wants_help(argc, argv)) {
		usage();
		return YM_EXIT_OK;
	}
	if (argc < 2)
		return ym_cli_usage("vuln",
				    _("missing subcommand (show, search)"));
	if (strcmp(argv[1], "show") == 0) {
		if (argc != 3)
			return ym_cli_usage("vuln", _("vuln show needs one ID"));
		return vuln_show(ctx, argv[2]);
	}
	if (strcmp(argv[1], "search") == 0)
		return vuln_search(ctx, argc - 1, argv + 1);
	return ym_cli_usage("vuln", _("unknown subcommand '%s'"), argv[1]);
}
