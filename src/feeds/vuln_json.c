/* vuln_json.c - a source record as JSON and back (see vuln_json.h). */
#include "feeds/vuln_json.h"

#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "core/i18n.h"

/* Writes a stored JSON text (references, remediations) as a value. */
static void raw_json(ym_jsonw *w, ym_arena *a, const char *key,
		     const char *text)
{
	if (!text)
		return;
	const ym_json *j = ym_json_parse(a, text, strlen(text), NULL, NULL,
					 NULL);
	if (!j)
		return;
	ym_jsonw_key(w, key);
	ym_jsonw_value(w, j);
}

void ym_vuln_json_write(ym_jsonw *w, ym_arena *a, const ym_vuln *v)
{
	ym_jsonw_obj_begin(w);
	ym_jsonw_kstr(w, "source", v->source);
	ym_jsonw_kstr(w, "id", v->vuln_id);
	ym_jsonw_kstr_opt(w, "record", v->record_id);
	ym_jsonw_kstr_opt(w, "location", v->source_file);
	ym_jsonw_kstr_opt(w, "title", v->title);
	ym_jsonw_kstr_opt(w, "title_ja", v->title_ja);
	ym_jsonw_kstr_opt(w, "summary", v->summary);
	ym_jsonw_kstr_opt(w, "summary_ja", v->summary_ja);
	ym_jsonw_kstr_opt(w, "details", v->details);
	ym_jsonw_kstr_opt(w, "severity", v->severity);
	ym_jsonw_kstr_opt(w, "cvss_vector", v->cvss_vector);
	ym_jsonw_kstr_opt(w, "published", v->published);
	ym_jsonw_kstr_opt(w, "modified", v->modified);
	ym_jsonw_kstr_opt(w, "withdrawn", v->withdrawn);
	ym_jsonw_kstr_opt(w, "status", v->status);
	ym_jsonw_kbool(w, "rejected", v->rejected);
	ym_jsonw_kstrlist(w, "aliases", v->aliases);
	ym_jsonw_kstrlist(w, "cwes", v->cwes);
	ym_jsonw_key(w, "cvss");
	ym_jsonw_arr_begin(w);
	for (size_t k = 0; k < v->n_cvss; k++) {
		const ym_cvss_entry *c = &v->cvss[k];
		ym_jsonw_obj_begin(w);
		ym_jsonw_kstr(w, "version", c->version);
		ym_jsonw_kstr(w, "vector", c->vector);
		if (c->base_score >= 0)
			ym_jsonw_kdouble(w, "base_score", c->base_score);
		ym_jsonw_kstr_opt(w, "severity", c->severity);
		ym_jsonw_kstr_opt(w, "origin", c->origin);
		ym_jsonw_kstr_opt(w, "kind", c->kind);
		ym_jsonw_obj_end(w);
	}
	ym_jsonw_arr_end(w);
	ym_jsonw_key(w, "cpes");
	ym_jsonw_arr_begin(w);
	for (size_t k = 0; k < v->n_cpes; k++) {
		const ym_cpe_criterion *c = &v->cpes[k];
		ym_jsonw_obj_begin(w);
		ym_jsonw_kint(w, "config", c->config);
		ym_jsonw_kstr(w, "config_op", c->config_op ? c->config_op
							   : "OR");
		ym_jsonw_kint(w, "node", c->node);
		ym_jsonw_kstr(w, "node_op", c->node_op ? c->node_op : "OR");
		ym_jsonw_kbool(w, "negate", c->node_negate);
		ym_jsonw_kbool(w, "vulnerable", c->vulnerable);
		ym_jsonw_kstr(w, "criteria", c->criteria);
		ym_jsonw_kstr_opt(w, "version_start_including", c->start_incl);
		ym_jsonw_kstr_opt(w, "version_start_excluding", c->start_excl);
		ym_jsonw_kstr_opt(w, "version_end_including", c->end_incl);
		ym_jsonw_kstr_opt(w, "version_end_excluding", c->end_excl);
		ym_jsonw_kstr_opt(w, "match_id", c->match_id);
		ym_jsonw_kstr_opt(w, "text", c->text);
		ym_jsonw_kbool(w, "unparsed", c->unparsed);
		ym_jsonw_obj_end(w);
	}
	ym_jsonw_arr_end(w);
	ym_jsonw_key(w, "ranges");
	ym_jsonw_arr_begin(w);
	for (size_t k = 0; k < v->n_ranges; k++) {
		const ym_affected_range *r = &v->ranges[k];
		ym_jsonw_obj_begin(w);
		ym_jsonw_kstr(w, "ecosystem", r->ecosystem);
		ym_jsonw_kstr(w, "package", r->package);
		ym_jsonw_kstr(w, "type", r->range_type);
		raw_json(w, a, "events", r->events);
		raw_json(w, a, "versions", r->versions);
		ym_jsonw_obj_end(w);
	}
	ym_jsonw_arr_end(w);
	ym_jsonw_key(w, "products");
	ym_jsonw_arr_begin(w);
	for (size_t k = 0; k < v->n_products; k++) {
		const ym_product_status *p = &v->products[k];
		ym_jsonw_obj_begin(w);
		ym_jsonw_kstr(w, "status", p->status);
		ym_jsonw_kstr(w, "product_id", p->product_id);
		ym_jsonw_kstr_opt(w, "name", p->name);
		ym_jsonw_kstr_opt(w, "cpe", p->cpe);
		ym_jsonw_kstr_opt(w, "purl", p->purl);
		ym_jsonw_kstr_opt(w, "justification", p->justification);
		ym_jsonw_kstr_opt(w, "impact", p->impact);
		ym_jsonw_obj_end(w);
	}
	ym_jsonw_arr_end(w);
	if (v->ssvc) {
		ym_jsonw_key(w, "ssvc");
		ym_jsonw_obj_begin(w);
		ym_jsonw_kstr_opt(w, "exploitation", v->ssvc->exploitation);
		ym_jsonw_kstr_opt(w, "automatable", v->ssvc->automatable);
		ym_jsonw_kstr_opt(w, "technical_impact", v->ssvc->technical_impact);
		ym_jsonw_kstr_opt(w, "timestamp", v->ssvc->timestamp);
		ym_jsonw_kstr_opt(w, "origin", v->ssvc->origin);
		ym_jsonw_kstr_opt(w, "version", v->ssvc->version);
		ym_jsonw_obj_end(w);
	}
	raw_json(w, a, "references", v->references);
	raw_json(w, a, "remediations", v->remediations);
	raw_json(w, a, "threats", v->threats);
	ym_jsonw_obj_end(w);
}


/* ---- reading ---- */

typedef struct rd {
	const char *file;
	ym_arena *a;
	ym_err *err;
} rd;

static int bad(rd *r, const ym_json *at, const char *field, const char *why)
{
	ym_err_set(r->err, YM_E_INVALID, "%s", why);
	ym_err_at(r->err, r->file, at ? (long)at->line : 0,
		  at ? (long)at->col : 0);
	ym_err_field(r->err, "%s", field);
	return YM_E_INVALID;
}

/* Optional string member; a non-string is an error. */
static int str(rd *r, const ym_json *o, const char *key, const char **out)
{
	const ym_json *v = ym_json_get(o, key);
	*out = NULL;
	if (!v || v->type == YM_JSON_NULL)
		return 0;
	if (v->type != YM_JSON_STRING)
		return bad(r, v, key, _("expected string"));
	*out = v->u.str.s;
	return 0;
}

static bool flag(const ym_json *o, const char *key)
{
	const ym_json *v = ym_json_get(o, key);
	return v && v->type == YM_JSON_TRUE;
}

/* A JSON value member kept as compact text (references, events...). */
static const char *compact(rd *r, const ym_json *o, const char *key)
{
	const ym_json *v = ym_json_get(o, key);
	if (!v || v->type == YM_JSON_NULL)
		return NULL;
	ym_buf b = YM_BUF_INIT;
	ym_jsonw w;
	ym_jsonw_init(&w, &b, false);
	ym_jsonw_value(&w, v);
	const char *s = ym_arena_strndup(r->a, b.ptr, b.len);
	ym_buf_release(&b);
	return s;
}

static const ym_json *array(rd *r, const ym_json *o, const char *key,
			    int *rc)
{
	const ym_json *v = ym_json_get(o, key);
	*rc = 0;
	if (!v || v->type == YM_JSON_NULL)
		return NULL;
	if (v->type != YM_JSON_ARRAY) {
		*rc = bad(r, v, key, _("expected array"));
		return NULL;
	}
	return v;
}

static int str_list(rd *r, const ym_json *o, const char *key,
		    const char *const **out)
{
	int rc;
	const ym_json *l = array(r, o, key, &rc);
	*out = NULL;
	if (rc || !l || l->u.arr.n == 0)
		return rc;
	const char **v = ym_arena_alloc(r->a, (l->u.arr.n + 1) * sizeof *v);
	for (size_t i = 0; i < l->u.arr.n; i++) {
		v[i] = ym_json_string(l->u.arr.items[i]);
		if (!v[i])
			return bad(r, l->u.arr.items[i], key,
				   _("expected string"));
	}
	v[l->u.arr.n] = NULL;
	*out = v;
	return 0;
}

static int read_cvss(rd *r, const ym_json *l, ym_vuln *out)
{
	ym_cvss_entry *c = ym_arena_zalloc(r->a, l->u.arr.n * sizeof *c + 1);
	for (size_t i = 0; i < l->u.arr.n; i++) {
		const ym_json *o = l->u.arr.items[i];
		int rc;
		if ((rc = str(r, o, "version", &c[i].version)) ||
		    (rc = str(r, o, "vector", &c[i].vector)) ||
		    (rc = str(r, o, "severity", &c[i].severity)) ||
		    (rc = str(r, o, "origin", &c[i].origin)) ||
		    (rc = str(r, o, "kind", &c[i].kind)))
			return rc;
		if (!c[i].version || !c[i].vector)
			return bad(r, o, "cvss", _("CVSS entry needs version "
						   "and vector"));
		const ym_json *s = ym_json_get(o, "base_score");
		c[i].base_score = s && s->type == YM_JSON_NUMBER ? s->u.num.d
								 : -1;
	}
	out->cvss = c;
	out->n_cvss = l->u.arr.n;
	return 0;
}

static int read_cpes(rd *r, const ym_json *l, ym_vuln *out)
{
	ym_cpe_criterion *c =
		ym_arena_zalloc(r->a, l->u.arr.n * sizeof *c + 1);
	for (size_t i = 0; i < l->u.arr.n; i++) {
		const ym_json *o = l->u.arr.items[i];
		int rc;
		if ((rc = str(r, o, "config_op", &c[i].config_op)) ||
		    (rc = str(r, o, "node_op", &c[i].node_op)) ||
		    (rc = str(r, o, "criteria", &c[i].criteria)) ||
		    (rc = str(r, o, "version_start_including",
			      &c[i].start_incl)) ||
		    (rc = str(r, o, "version_start_excluding",
			      &c[i].start_excl)) ||
		    (rc = str(r, o, "version_end_including", &c[i].end_incl)) ||
		    (rc = str(r, o, "version_end_excluding", &c[i].end_excl)) ||
		    (rc = str(r, o, "match_id", &c[i].match_id)) ||
		    (rc = str(r, o, "text", &c[i].text)))
			return rc;
		if (!c[i].criteria)
			return bad(r, o, "cpes", _("CPE entry needs criteria"));
		const ym_json *n = ym_json_get(o, "config");
		c[i].config = n && n->type == YM_JSON_NUMBER ? (int)n->u.num.d : 0;
		n = ym_json_get(o, "node");
		c[i].node = n && n->type == YM_JSON_NUMBER ? (int)n->u.num.d : 0;
		c[i].node_negate = flag(o, "negate");
		c[i].vulnerable = flag(o, "vulnerable");
		c[i].unparsed = flag(o, "unparsed");
	}
	out->cpes = c;
	out->n_cpes = l->u.arr.n;
	return 0;
}

static int read_ranges(rd *r, const ym_json *l, ym_vuln *out)
{
	ym_affected_range *g =
		ym_arena_zalloc(r->a, l->u.arr.n * sizeof *g + 1);
	for (size_t i = 0; i < l->u.arr.n; i++) {
		const ym_json *o = l->u.arr.items[i];
		int rc;
		if ((rc = str(r, o, "ecosystem", &g[i].ecosystem)) ||
		    (rc = str(r, o, "package", &g[i].package)) ||
		    (rc = str(r, o, "type", &g[i].range_type)))
			return rc;
		if (!g[i].ecosystem || !g[i].package || !g[i].range_type)
			return bad(r, o, "ranges", _("range needs ecosystem, "
						     "package and type"));
		g[i].events = compact(r, o, "events");
		g[i].versions = compact(r, o, "versions");
	}
	out->ranges = g;
	out->n_ranges = l->u.arr.n;
	return 0;
}

static int read_products(rd *r, const ym_json *l, ym_vuln *out)
{
	ym_product_status *p =
		ym_arena_zalloc(r->a, l->u.arr.n * sizeof *p + 1);
	for (size_t i = 0; i < l->u.arr.n; i++) {
		const ym_json *o = l->u.arr.items[i];
		int rc;
		if ((rc = str(r, o, "status", &p[i].status)) ||
		    (rc = str(r, o, "product_id", &p[i].product_id)) ||
		    (rc = str(r, o, "name", &p[i].name)) ||
		    (rc = str(r, o, "cpe", &p[i].cpe)) ||
		    (rc = str(r, o, "purl", &p[i].purl)) ||
		    (rc = str(r, o, "justification", &p[i].justification)) ||
		    (rc = str(r, o, "impact", &p[i].impact)))
			return rc;
		if (!p[i].status || !p[i].product_id)
			return bad(r, o, "products", _("product needs status "
						       "and product_id"));
	}
	out->products = p;
	out->n_products = l->u.arr.n;
	return 0;
}

int ym_vuln_json_read(const ym_json *o, const char *file, ym_arena *a,
		      ym_vuln *out, ym_err *err)
{
	rd r = {.file = file, .a = a, .err = err};
	int rc;
	memset(out, 0, sizeof *out);
	if (!o || o->type != YM_JSON_OBJECT)
		return bad(&r, o, "", _("expected a record object"));
	if ((rc = str(&r, o, "source", &out->source)) ||
	    (rc = str(&r, o, "id", &out->vuln_id)) ||
	    (rc = str(&r, o, "record", &out->record_id)) ||
	    (rc = str(&r, o, "location", &out->source_file)) ||
	    (rc = str(&r, o, "title", &out->title)) ||
	    (rc = str(&r, o, "title_ja", &out->title_ja)) ||
	    (rc = str(&r, o, "summary", &out->summary)) ||
	    (rc = str(&r, o, "summary_ja", &out->summary_ja)) ||
	    (rc = str(&r, o, "details", &out->details)) ||
	    (rc = str(&r, o, "severity", &out->severity)) ||
	    (rc = str(&r, o, "cvss_vector", &out->cvss_vector)) ||
	    (rc = str(&r, o, "published", &out->published)) ||
	    (rc = str(&r, o, "modified", &out->modified)) ||
	    (rc = str(&r, o, "withdrawn", &out->withdrawn)) ||
	    (rc = str(&r, o, "status", &out->status)))
		return rc;
	if (!out->source || !out->vuln_id)
		return bad(&r, o, "id", _("record needs source and id"));
	ym_err_record(err, out->vuln_id);
	out->rejected = flag(o, "rejected");
	if ((rc = str_list(&r, o, "aliases", &out->aliases)) ||
	    (rc = str_list(&r, o, "cwes", &out->cwes)))
		return rc;
	const ym_json *l;
	if ((l = array(&r, o, "cvss", &rc)) && (rc = read_cvss(&r, l, out)))
		return rc;
	if (rc || ((l = array(&r, o, "cpes", &rc)) &&
		   (rc = read_cpes(&r, l, out))))
		return rc;
	if (rc || ((l = array(&r, o, "ranges", &rc)) &&
		   (rc = read_ranges(&r, l, out))))
		return rc;
	if (rc || ((l = array(&r, o, "products", &rc)) &&
		   (rc = read_products(&r, l, out))))
		return rc;
	if (rc)
		return rc;
	const ym_json *sv = ym_json_get(o, "ssvc");
	if (sv && sv->type == YM_JSON_OBJECT) {
		ym_ssvc_points *p = ym_arena_zalloc(a, sizeof *p);
		if ((rc = str(&r, sv, "exploitation", &p->exploitation)) ||
		    (rc = str(&r, sv, "automatable", &p->automatable)) ||
		    (rc = str(&r, sv, "technical_impact",
			      &p->technical_impact)) ||
		    (rc = str(&r, sv, "timestamp", &p->timestamp)) ||
		    (rc = str(&r, sv, "origin", &p->origin)) ||
		    (rc = str(&r, sv, "version", &p->version)))
			return rc;
		out->ssvc = p;
	}
	out->references = compact(&r, o, "references");
	out->remediations = compact(&r, o, "remediations");
	out->threats = compact(&r, o, "threats");
	ym_err_clear(err);
	return 0;
}
