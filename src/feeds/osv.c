/* osv.c - OSV JSON records into the normalised vulnerability model. */
#include "feeds/osv.h"

#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "core/i18n.h"
#include "core/json.h"
#include "core/vec.h"
#include "ids/purl.h"
#include "version/version.h"

typedef struct ctx {
	const char *file;
	ym_arena *a;
	ym_err *err;
	const ym_feed_ctx *fc;
	bool sink_failed; /* the store refused: not the record's fault */
	char path[96]; /* "[3]" when the file holds an array, else "" */
} ctx;

static int fail_at(ctx *c, const ym_json *node, const char *field,
		   const char *msg)
{
	ym_err_set(c->err, YM_E_INVALID, "%s", msg);
	ym_err_at(c->err, c->file, node ? (long)node->line : 0,
		  node ? (long)node->col : 0);
	ym_err_field(c->err, "%s%s", c->path, field);
	return YM_E_INVALID;
}

static int wrong_type(ctx *c, const ym_json *node, const char *field,
		      const char *want)
{
	char msg[128];
	snprintf(msg, sizeof msg, _("expected %s, got %s"), want,
		 ym_json_type_name(node->type));
	return fail_at(c, node, field, msg);
}

static int opt_string(ctx *c, const ym_json *obj, const char *key,
		      const char *path, const char **out)
{
	const ym_json *v = ym_json_get(obj, key);
	*out = NULL;
	if (!v || v->type == YM_JSON_NULL)
		return 0;
	if (v->type != YM_JSON_STRING) {
		char field[256];
		snprintf(field, sizeof field, "%s%s%s", path, *path ? "." : "",
			 key);
		return wrong_type(c, v, field, _("string"));
	}
	*out = v->u.str.s;
	return 0;
}

static const char *map_severity(const char *s)
{
	if (!s)
		return "unknown";
	if (strcasecmp(s, "CRITICAL") == 0)
		return "critical";
	if (strcasecmp(s, "HIGH") == 0)
		return "high";
	if (strcasecmp(s, "MODERATE") == 0 || strcasecmp(s, "MEDIUM") == 0)
		return "medium";
	if (strcasecmp(s, "LOW") == 0)
		return "low";
	return "unknown";
}

static const char *const event_keys[] = {"introduced", "fixed",
					 "last_affected", "limit"};

/* Validates one range and serialises its events as [{"k":"v"},...]. */
static int parse_range(ctx *c, const ym_json *r, const char *path,
		       const char *ecosystem, ym_affected_range *out)
{
	char field[256];
	if (r->type != YM_JSON_OBJECT)
		return wrong_type(c, r, path, _("object"));
	const char *type;
	int rc = opt_string(c, r, "type", path, &type);
	if (rc)
		return rc;
	if (!type) {
		snprintf(field, sizeof field, "%s.type", path);
		return fail_at(c, r, field, _("range has no type"));
	}
	if (strcmp(type, "ECOSYSTEM") && strcmp(type, "SEMVER") &&
	    strcmp(type, "GIT")) {
		snprintf(field, sizeof field, "%s.type", path);
		char msg[160];
		snprintf(msg, sizeof msg, _("unknown range type '%s'"), type);
		return fail_at(c, ym_json_get(r, "type"), field, msg);
	}
	const ym_json *ev = ym_json_get(r, "events");
	snprintf(field, sizeof field, "%s.events", path);
	if (!ev)
		return fail_at(c, r, field, _("range has no events"));
	if (ev->type != YM_JSON_ARRAY)
		return wrong_type(c, ev, field, _("array"));
	if (ev->u.arr.n == 0)
		return fail_at(c, ev, field, _("range has no events"));
	ym_scheme scheme = strcmp(type, "SEMVER") == 0
				   ? YM_SCHEME_SEMVER
				   : ym_scheme_for_ecosystem(ecosystem);
	ym_buf b = YM_BUF_INIT;
	ym_jsonw w;
	ym_jsonw_init(&w, &b, false);
	ym_jsonw_arr_begin(&w);
	for (size_t i = 0; i < ev->u.arr.n; i++) {
		const ym_json *e = ev->u.arr.items[i];
		snprintf(field, sizeof field, "%s.events[%zu]", path, i);
		if (e->type != YM_JSON_OBJECT) {
			rc = wrong_type(c, e, field, _("object"));
			goto out;
		}
		if (e->u.obj.n != 1) {
			rc = fail_at(c, e, field,
				     _("event must have exactly one of "
				       "introduced, fixed, last_affected, "
				       "limit"));
			goto out;
		}
		const ym_json_member *m = &e->u.obj.m[0];
		int k = -1;
		for (int j = 0; j < 4; j++)
			if (strcmp(m->key, event_keys[j]) == 0)
				k = j;
		if (k < 0) {
			char msg[160];
			snprintf(msg, sizeof msg, _("unknown event '%s'"),
				 m->key);
			rc = fail_at(c, e, field, msg);
			goto out;
		}
		snprintf(field, sizeof field, "%s.events[%zu].%s", path, i,
			 m->key);
		if (m->val->type != YM_JSON_STRING) {
			rc = wrong_type(c, m->val, field, _("string"));
			goto out;
		}
		const char *v = m->val->u.str.s;
		bool special = (k == 0 && strcmp(v, "0") == 0) ||
			       (k == 3 && strcmp(v, "*") == 0);
		/* git commit hashes are not versions; only order-able
		 * ranges are checked */
		if (!special && strcmp(type, "GIT") != 0) {
			ym_err verr = YM_ERR_INIT;
			if (ym_version_check(scheme, v, &verr)) {
				if (c->fc && c->fc->strict) {
					rc = fail_at(c, m->val, field,
						     verr.msg);
					goto out;
				}
				{
					ym_err wn = YM_ERR_INIT;
					ym_err_set(&wn, YM_E_INVALID, "%s",
						   verr.msg);
					ym_err_at(&wn, c->file, m->val->line,
						  m->val->col);
					ym_err_field(&wn, "%s%s", c->path,
						     field);
					ym_feed_warn(c->fc, &wn);
				}
			}
		}
		ym_jsonw_obj_begin(&w);
		ym_jsonw_kstr(&w, m->key, v);
		ym_jsonw_obj_end(&w);
	}
	ym_jsonw_arr_end(&w);
	out->range_type = type;
	out->events = ym_arena_strndup(c->a, b.ptr, b.len);
out:
	ym_buf_release(&b);
	return rc;
}

typedef YM_VEC(ym_affected_range) range_vec;

static int parse_affected(ctx *c, const ym_json *af, size_t idx,
			  range_vec *ranges)
{
	char path[96], field[160];
	snprintf(path, sizeof path, "affected[%zu]", idx);
	if (af->type != YM_JSON_OBJECT)
		return wrong_type(c, af, path, _("object"));
	const ym_json *pkg = ym_json_get(af, "package");
	snprintf(field, sizeof field, "%s.package", path);
	if (!pkg)
		return fail_at(c, af, field, _("affected entry has no package"));
	if (pkg->type != YM_JSON_OBJECT)
		return wrong_type(c, pkg, field, _("object"));
	const char *eco, *name, *purl;
	int rc;
	if ((rc = opt_string(c, pkg, "ecosystem", field, &eco)) ||
	    (rc = opt_string(c, pkg, "name", field, &name)) ||
	    (rc = opt_string(c, pkg, "purl", field, &purl)))
		return rc;
	if (!eco || !name) {
		return fail_at(c, pkg, field,
			       _("package needs ecosystem and name"));
	}
	/* "Debian:12" -> ecosystem family "Debian" for key rules */
	char family[64];
	snprintf(family, sizeof family, "%s", eco);
	char *colon = strchr(family, ':');
	if (colon)
		*colon = '\0';
	const char *key = ym_pkg_key_for_ecosystem(family, name, c->a);

	const ym_json *rs = ym_json_get(af, "ranges");
	if (rs && rs->type != YM_JSON_NULL) {
		snprintf(field, sizeof field, "%s.ranges", path);
		if (rs->type != YM_JSON_ARRAY)
			return wrong_type(c, rs, field, _("array"));
		for (size_t i = 0; i < rs->u.arr.n; i++) {
			ym_affected_range r = {.ecosystem = eco,
					       .package = key};
			snprintf(field, sizeof field, "%s.ranges[%zu]", path,
				 i);
			rc = parse_range(c, rs->u.arr.items[i], field, family,
					 &r);
			if (rc)
				return rc;
			ym_vec_push(ranges, r);
		}
	}
	const ym_json *vs = ym_json_get(af, "versions");
	if (vs && vs->type != YM_JSON_NULL) {
		snprintf(field, sizeof field, "%s.versions", path);
		if (vs->type != YM_JSON_ARRAY)
			return wrong_type(c, vs, field, _("array"));
		ym_buf b = YM_BUF_INIT;
		ym_jsonw w;
		ym_jsonw_init(&w, &b, false);
		ym_jsonw_arr_begin(&w);
		for (size_t i = 0; i < vs->u.arr.n; i++) {
			const ym_json *v = vs->u.arr.items[i];
			if (v->type != YM_JSON_STRING) {
				snprintf(field, sizeof field,
					 "%s.versions[%zu]", path, i);
				ym_buf_release(&b);
				return wrong_type(c, v, field, _("string"));
			}
			ym_jsonw_str(&w, v->u.str.s);
		}
		ym_jsonw_arr_end(&w);
		if (vs->u.arr.n) {
			ym_affected_range r = {
				.ecosystem = eco,
				.package = key,
				.range_type = "VERSIONS",
				.versions = ym_arena_strndup(c->a, b.ptr, b.len),
			};
			ym_vec_push(ranges, r);
		}
		ym_buf_release(&b);
	}
	return 0;
}

static int parse_record(ctx *c, const ym_json *rec)
{
	ym_vuln v = {.source = "osv", .source_file = c->file};
	range_vec ranges = YM_VEC_INIT;
	int rc;
	if (rec->type != YM_JSON_OBJECT)
		return wrong_type(c, rec, "(record)", _("object"));
	if ((rc = opt_string(c, rec, "id", "", &v.vuln_id)) ||
	    (rc = opt_string(c, rec, "summary", "", &v.summary)) ||
	    (rc = opt_string(c, rec, "details", "", &v.details)) ||
	    (rc = opt_string(c, rec, "modified", "", &v.modified)) ||
	    (rc = opt_string(c, rec, "published", "", &v.published)) ||
	    (rc = opt_string(c, rec, "withdrawn", "", &v.withdrawn)))
		return rc;
	/* OSV's summary is a one-line title; details is the text */
	v.title = v.summary;
	if (!v.vuln_id || !*v.vuln_id)
		return fail_at(c, rec, "id", _("record has no id (required)"));

	/* the ids the record names: aliases; a distribution's record that
	 * has none (Ubuntu's UBUNTU-CVE-..., Debian's DLA) names the
	 * upstream vulnerability in upstream[] instead */
	const char *key = "aliases";
	const ym_json *al = ym_json_get(rec, key);
	if (!al || al->type == YM_JSON_NULL ||
	    (al->type == YM_JSON_ARRAY && al->u.arr.n == 0)) {
		const ym_json *up = ym_json_get(rec, "upstream");
		if (up && up->type != YM_JSON_NULL) {
			key = "upstream";
			al = up;
		}
	}
	if (al && al->type != YM_JSON_NULL) {
		if (al->type != YM_JSON_ARRAY)
			return wrong_type(c, al, key, _("array"));
		const char **list = ym_arena_alloc(
			c->a, (al->u.arr.n + 1) * sizeof(char *));
		for (size_t i = 0; i < al->u.arr.n; i++) {
			const ym_json *x = al->u.arr.items[i];
			if (x->type != YM_JSON_STRING) {
				char field[64];
				snprintf(field, sizeof field, "%s[%zu]", key, i);
				return wrong_type(c, x, field, _("string"));
			}
			list[i] = x->u.str.s;
		}
		list[al->u.arr.n] = NULL;
		v.aliases = list;
	}

	const ym_json *db = ym_json_get(rec, "database_specific");
	v.severity = map_severity(
		ym_json_string(ym_json_get(db, "severity")));
	v.summary_ja = ym_json_string(
		ym_json_get(ym_json_get(db, "yamori"), "summary_ja"));

	const ym_json *sev = ym_json_get(rec, "severity");
	YM_VEC(ym_cvss_entry) cvss = YM_VEC_INIT;
	if (sev && sev->type == YM_JSON_ARRAY) {
		/* every CVSS score is kept; the newest version is preferred */
		static const char *const pref[] = {"CVSS_V4", "CVSS_V3",
						   "CVSS_V2"};
		for (size_t p = 0; p < 3; p++)
			for (size_t i = 0; i < sev->u.arr.n; i++) {
				const ym_json *s = sev->u.arr.items[i];
				const char *t =
					ym_json_string(ym_json_get(s, "type"));
				const char *score =
					ym_json_string(ym_json_get(s, "score"));
				if (!t || !score || strcmp(t, pref[p]) != 0)
					continue;
				if (!v.cvss_vector)
					v.cvss_vector = score;
				ym_cvss_entry e = {.vector = score,
						   .base_score = -1,
						   .origin = "osv"};
				e.version = strncmp(score, "CVSS:4.0/", 9) == 0
						    ? "4.0"
					    : strncmp(score, "CVSS:3.1/", 9) == 0
						    ? "3.1"
					    : strncmp(score, "CVSS:3.0/", 9) == 0
						    ? "3.0"
						    : "2.0";
				ym_vec_push(&cvss, e);
			}
	} else if (sev && sev->type != YM_JSON_NULL) {
		return wrong_type(c, sev, "severity", _("array"));
	}
	v.cvss = cvss.v;
	v.n_cvss = cvss.n;

	/* CWE ids as GitHub's advisories give them */
	const ym_json *cw = ym_json_get(db, "cwe_ids");
	if (cw && cw->type == YM_JSON_ARRAY && cw->u.arr.n) {
		const char **l = ym_arena_alloc(c->a, (cw->u.arr.n + 1) *
							      sizeof *l);
		size_t k = 0;
		for (size_t i = 0; i < cw->u.arr.n; i++) {
			const char *id = ym_json_string(cw->u.arr.items[i]);
			if (id && strncmp(id, "CWE-", 4) == 0)
				l[k++] = id;
		}
		l[k] = NULL;
		v.cwes = k ? l : NULL;
	}

	/* references: [{"url":..,"tags":[type]}] as the model keeps them */
	const ym_json *refs = ym_json_get(rec, "references");
	if (refs && refs->type == YM_JSON_ARRAY && refs->u.arr.n) {
		ym_buf b = YM_BUF_INIT;
		ym_jsonw w;
		ym_jsonw_init(&w, &b, false);
		ym_jsonw_arr_begin(&w);
		for (size_t i = 0; i < refs->u.arr.n; i++) {
			const ym_json *r = refs->u.arr.items[i];
			const char *url = ym_json_string(ym_json_get(r, "url"));
			const char *type =
				ym_json_string(ym_json_get(r, "type"));
			if (!url)
				continue;
			ym_jsonw_obj_begin(&w);
			ym_jsonw_kstr(&w, "url", url);
			if (type) {
				ym_jsonw_key(&w, "tags");
				ym_jsonw_arr_begin(&w);
				ym_jsonw_str(&w, type);
				ym_jsonw_arr_end(&w);
			}
			ym_jsonw_obj_end(&w);
		}
		ym_jsonw_arr_end(&w);
		v.references = ym_arena_strndup(c->a, b.ptr, b.len);
		ym_buf_release(&b);
	}

	const ym_json *aff = ym_json_get(rec, "affected");
	if (aff && aff->type != YM_JSON_NULL) {
		if (aff->type != YM_JSON_ARRAY) {
			rc = wrong_type(c, aff, "affected", _("array"));
			goto out;
		}
		for (size_t i = 0; i < aff->u.arr.n; i++) {
			rc = parse_affected(c, aff->u.arr.items[i], i, &ranges);
			if (rc)
				goto out;
		}
	}
	v.ranges = ranges.v;
	v.n_ranges = ranges.n;
	rc = ym_feed_emit(c->fc, &v, c->err);
	c->sink_failed = rc != 0;
out:
	ym_vec_release(&ranges);
	ym_vec_release(&cvss);
	return rc;
}

/* A malformed record is skipped (or, strict, stops the import); a store
 * error always stops it. */
static int one_record(ctx *c, const ym_json *rec)
{
	c->sink_failed = false;
	int rc = parse_record(c, rec);
	if (!rc || c->sink_failed)
		return rc;
	ym_err_record(c->err, ym_json_string(ym_json_get(rec, "id")));
	return ym_feed_bad_record(c->fc, c->err);
}

int ym_osv_parse(const char *text, size_t len, const char *filename,
		 ym_arena *a, const ym_feed_ctx *fc, ym_err *err)
{
	ctx c = {.file = filename, .a = a, .err = err, .fc = fc, .path = ""};
	ym_json *root = ym_json_parse(a, text, len, NULL, filename, err);
	if (!root)
		return err ? err->code : YM_E_PARSE;
	if (root->type != YM_JSON_ARRAY)
		return one_record(&c, root);
	for (size_t i = 0; i < root->u.arr.n; i++) {
		snprintf(c.path, sizeof c.path, "[%zu].", i);
		int rc = one_record(&c, root->u.arr.items[i]);
		if (rc)
			return rc;
	}
	return 0;
}
