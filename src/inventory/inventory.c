/* inventory.c - the inventory document (writer and strict reader), its
 * packages as ledger components, and collection from a root directory.
 * The text parsers are in collect_osrelease.c, collect_dpkg.c,
 * collect_apk.c and collect_rpm.c. */
#include "inventory/inventory.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/json.h"
#include "core/vec.h"
#include "ids/purl.h"

void ym_inv_pkglist_release(ym_inv_pkglist *l)
{
	ym_vec_release(l);
}

/* ---- writer ---- */

void ym_inventory_write(const ym_inventory *inv, bool pretty, ym_buf *out)
{
	ym_jsonw w;
	const ym_inv_host *h = &inv->host;
	ym_jsonw_init(&w, out, pretty);
	ym_jsonw_obj_begin(&w);
	ym_jsonw_kstr(&w, "format", YM_INVENTORY_FORMAT);
	ym_jsonw_kint(&w, "version", YM_INVENTORY_VERSION);
	ym_jsonw_kstr(&w, "collected_at", inv->collected_at);
	ym_jsonw_key(&w, "host");
	ym_jsonw_obj_begin(&w);
	ym_jsonw_kstr(&w, "hostname", h->hostname);
	ym_jsonw_kstr(&w, "fqdn", h->fqdn);
	ym_jsonw_key(&w, "os");
	ym_jsonw_obj_begin(&w);
	ym_jsonw_kstr(&w, "id", h->os.id);
	ym_jsonw_kstr(&w, "version_id", h->os.version_id);
	ym_jsonw_kstr(&w, "name", h->os.name);
	ym_jsonw_kstr(&w, "pretty_name", h->os.pretty_name);
	ym_jsonw_kstr(&w, "id_like", h->os.id_like);
	ym_jsonw_obj_end(&w);
	ym_jsonw_kstr(&w, "kernel", h->kernel);
	ym_jsonw_kstr(&w, "arch", h->arch);
	ym_jsonw_kstr(&w, "machine_id", h->machine_id);
	ym_jsonw_obj_end(&w);
	ym_jsonw_key(&w, "packages");
	ym_jsonw_arr_begin(&w);
	for (size_t i = 0; i < inv->n_packages; i++) {
		const ym_inv_package *p = &inv->packages[i];
		ym_jsonw_obj_begin(&w);
		ym_jsonw_kstr(&w, "type", p->type);
		ym_jsonw_kstr(&w, "name", p->name);
		ym_jsonw_kstr(&w, "version", p->version);
		ym_jsonw_kstr(&w, "arch", p->arch);
		ym_jsonw_kstr(&w, "source_name", p->source_name);
		ym_jsonw_kstr(&w, "source_version", p->source_version);
		ym_jsonw_kstr(&w, "status", p->status);
		ym_jsonw_obj_end(&w);
	}
	ym_jsonw_arr_end(&w);
	ym_jsonw_key(&w, "notes");
	ym_jsonw_arr_begin(&w);
	for (size_t i = 0; i < inv->n_notes; i++)
		ym_jsonw_str(&w, inv->notes[i]);
	ym_jsonw_arr_end(&w);
	ym_jsonw_obj_end(&w);
	if (pretty)
		ym_buf_addc(out, '\n');
}

/* ---- strict reader ---- */

typedef struct rctx {
	const char *file;
	ym_arena *a;
	ym_err *err;
} rctx;

static int fail_at(rctx *c, const ym_json *node, const char *field,
		   const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static int fail_at(rctx *c, const ym_json *node, const char *field,
		   const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	ym_err_setv(c->err, YM_E_INVALID, fmt, ap);
	va_end(ap);
	ym_err_at(c->err, c->file, node ? (long)node->line : 0,
		  node ? (long)node->col : 0);
	ym_err_field(c->err, "%s", field);
	return YM_E_INVALID;
}

static int wrong_type(rctx *c, const ym_json *node, const char *field,
		      const char *want)
{
	return fail_at(c, node, field, _("expected %s, got %s"), want,
		       ym_json_type_name(node->type));
}

static void join(char *buf, size_t n, const char *path, const char *key)
{
	snprintf(buf, n, "%s%s%s", path, *path ? "." : "", key);
}

/* Every member of obj must be one of keys (NULL-terminated) and appear
 * once. */
static int check_members(rctx *c, const ym_json *obj, const char *path,
			 const char *const *keys)
{
	for (size_t i = 0; i < obj->u.obj.n; i++) {
		const ym_json_member *m = &obj->u.obj.m[i];
		char field[256];
		bool known = false;
		join(field, sizeof field, path, m->key);
		for (size_t k = 0; keys[k]; k++)
			known |= m->klen == strlen(keys[k]) &&
				 memcmp(m->key, keys[k], m->klen) == 0;
		if (!known)
			return fail_at(c, m->val, field,
				       _("unknown member '%.64s'"), m->key);
		for (size_t j = 0; j < i; j++)
			if (obj->u.obj.m[j].klen == m->klen &&
			    memcmp(obj->u.obj.m[j].key, m->key, m->klen) == 0)
				return fail_at(c, m->val, field,
					       _("member appears twice"));
	}
	return 0;
}

/* A string member (or null when !required); "" is refused. */
static int get_str(rctx *c, const ym_json *obj, const ym_json *at,
		   const char *path, const char *key, bool required,
		   const char **out)
{
	const ym_json *v = ym_json_get(obj, key);
	char field[256];
	*out = NULL;
	join(field, sizeof field, path, key);
	if (!v || v->type == YM_JSON_NULL) {
		if (required)
			return fail_at(c, v ? v : at, field,
				       _("required member missing"));
		return 0;
	}
	if (v->type != YM_JSON_STRING)
		return wrong_type(c, v, field, _("string"));
	if (v->u.str.len == 0 || strlen(v->u.str.s) != v->u.str.len)
		return fail_at(c, v, field,
			       _("empty string or string holding NUL"));
	if (v->u.str.len > YM_INVENTORY_MAX_FIELD)
		return fail_at(c, v, field, _("longer than %d bytes"),
			       YM_INVENTORY_MAX_FIELD);
	*out = v->u.str.s;
	return 0;
}

static int get_obj(rctx *c, const ym_json *obj, const char *path,
		   const char *key, const ym_json **out)
{
	const ym_json *v = ym_json_get(obj, key);
	char field[256];
	join(field, sizeof field, path, key);
	*out = NULL;
	if (!v)
		return fail_at(c, obj, field, _("required member missing"));
	if (v->type != YM_JSON_OBJECT)
		return wrong_type(c, v, field, _("object"));
	*out = v;
	return 0;
}

static bool is_timestamp(const char *s)
{
	/* YYYY-MM-DDTHH:MM:SSZ */
	static const char pat[] = "dddd-dd-ddTdd:dd:ddZ";
	if (strlen(s) != sizeof pat - 1)
		return false;
	for (size_t i = 0; pat[i]; i++)
		if (pat[i] == 'd' ? !(s[i] >= '0' && s[i] <= '9')
				  : s[i] != pat[i])
			return false;
	return true;
}

static int read_host(rctx *c, const ym_json *h, ym_inv_host *out)
{
	static const char *const hkeys[] = {"hostname", "fqdn", "os",
					    "kernel", "arch", "machine_id",
					    NULL};
	static const char *const okeys[] = {"id", "version_id", "name",
					    "pretty_name", "id_like", NULL};
	const ym_json *os;
	int rc;
	if ((rc = check_members(c, h, "host", hkeys)) ||
	    (rc = get_str(c, h, h, "host", "hostname", false,
			  &out->hostname)) ||
	    (rc = get_str(c, h, h, "host", "fqdn", false, &out->fqdn)) ||
	    (rc = get_str(c, h, h, "host", "kernel", false, &out->kernel)) ||
	    (rc = get_str(c, h, h, "host", "arch", false, &out->arch)) ||
	    (rc = get_str(c, h, h, "host", "machine_id", false,
			  &out->machine_id)) ||
	    (rc = get_obj(c, h, "host", "os", &os)) ||
	    (rc = check_members(c, os, "host.os", okeys)) ||
	    (rc = get_str(c, os, os, "host.os", "id", false, &out->os.id)) ||
	    (rc = get_str(c, os, os, "host.os", "version_id", false,
			  &out->os.version_id)) ||
	    (rc = get_str(c, os, os, "host.os", "name", false,
			  &out->os.name)) ||
	    (rc = get_str(c, os, os, "host.os", "pretty_name", false,
			  &out->os.pretty_name)) ||
	    (rc = get_str(c, os, os, "host.os", "id_like", false,
			  &out->os.id_like)))
		return rc;
	return 0;
}

static int read_package(rctx *c, const ym_json *j, size_t i,
			ym_inv_package *p)
{
	static const char *const keys[] = {"type", "name", "version", "arch",
					   "source_name", "source_version",
					   "status", NULL};
	char path[64];
	int rc;
	snprintf(path, sizeof path, "packages[%zu]", i);
	if (j->type != YM_JSON_OBJECT)
		return wrong_type(c, j, path, _("object"));
	if ((rc = check_members(c, j, path, keys)) ||
	    (rc = get_str(c, j, j, path, "type", true, &p->type)) ||
	    (rc = get_str(c, j, j, path, "name", true, &p->name)) ||
	    (rc = get_str(c, j, j, path, "version", true, &p->version)) ||
	    (rc = get_str(c, j, j, path, "arch", false, &p->arch)) ||
	    (rc = get_str(c, j, j, path, "source_name", false,
			  &p->source_name)) ||
	    (rc = get_str(c, j, j, path, "source_version", false,
			  &p->source_version)) ||
	    (rc = get_str(c, j, j, path, "status", false, &p->status)))
		return rc;
	if (strcmp(p->type, "deb") != 0 && strcmp(p->type, "rpm") != 0 &&
	    strcmp(p->type, "apk") != 0) {
		char field[80];
		snprintf(field, sizeof field, "%s.type", path);
		return fail_at(c, ym_json_get(j, "type"), field,
			       _("unknown package type '%.32s' (deb, rpm or "
				 "apk)"),
			       p->type);
	}
	return 0;
}

int ym_inventory_read(const char *text, size_t len, const char *filename,
		      ym_arena *a, ym_inventory *out, ym_err *err)
{
	static const char *const keys[] = {"format", "version",
					   "collected_at", "host",
					   "packages", "notes", NULL};
	rctx c = {filename ? filename : "", a, err};
	const ym_json *v, *host;
	const char *fmt;
	int64_t ver;
	int rc;
	memset(out, 0, sizeof *out);
	if (len > YM_INVENTORY_MAX_BYTES) {
		ym_err_set(err, YM_E_TOOBIG, _("document larger than %zu MiB"),
			   YM_INVENTORY_MAX_BYTES >> 20);
		ym_err_at(err, c.file, 0, 0);
		return YM_E_TOOBIG;
	}
	ym_json_limits lim = {.max_depth = 16,
			      .max_string = YM_INVENTORY_MAX_FIELD + 1};
	ym_json *root = ym_json_parse(a, text, len, &lim, filename, err);
	if (!root)
		return err && err->code ? err->code : YM_E_PARSE;
	if (root->type != YM_JSON_OBJECT)
		return wrong_type(&c, root, "(document)", _("object"));
	v = ym_json_get(root, "format");
	fmt = ym_json_string(v);
	if (!fmt || strcmp(fmt, YM_INVENTORY_FORMAT) != 0)
		return fail_at(&c, v ? v : root, "format",
			       _("not a yamori inventory (format must be "
				 "\"yamori-inventory\")"));
	if ((rc = check_members(&c, root, "", keys)))
		goto fail;
	v = ym_json_get(root, "version");
	if (!v || !ym_json_int(v, &ver) || ver != YM_INVENTORY_VERSION) {
		rc = fail_at(&c, v ? v : root, "version",
			     _("unsupported inventory version (this build "
			       "reads version %d)"),
			     YM_INVENTORY_VERSION);
		goto fail;
	}
	out->version = YM_INVENTORY_VERSION;
	if ((rc = get_str(&c, root, root, "", "collected_at", true,
			  &out->collected_at)))
		goto fail;
	if (!is_timestamp(out->collected_at)) {
		rc = fail_at(&c, ym_json_get(root, "collected_at"),
			     "collected_at",
			     _("expected a UTC time as "
			       "YYYY-MM-DDTHH:MM:SSZ"));
		goto fail;
	}
	if ((rc = get_obj(&c, root, "", "host", &host)) ||
	    (rc = read_host(&c, host, &out->host)))
		goto fail;
	v = ym_json_get(root, "packages");
	if (!v) {
		rc = fail_at(&c, root, "packages",
			     _("required member missing"));
		goto fail;
	}
	if (v->type != YM_JSON_ARRAY) {
		rc = wrong_type(&c, v, "packages", _("array"));
		goto fail;
	}
	out->n_packages = v->u.arr.n;
	out->packages = ym_arena_zalloc(a, (v->u.arr.n ? v->u.arr.n : 1) *
						   sizeof *out->packages);
	for (size_t i = 0; i < v->u.arr.n; i++)
		if ((rc = read_package(&c, v->u.arr.items[i], i,
				       &out->packages[i])))
			goto fail;
	v = ym_json_get(root, "notes");
	if (v && v->type != YM_JSON_NULL) {
		if (v->type != YM_JSON_ARRAY) {
			rc = wrong_type(&c, v, "notes", _("array"));
			goto fail;
		}
		out->notes = ym_arena_zalloc(a, (v->u.arr.n ? v->u.arr.n : 1) *
							sizeof *out->notes);
		for (size_t i = 0; i < v->u.arr.n; i++) {
			const ym_json *s = v->u.arr.items[i];
			if (s->type != YM_JSON_STRING) {
				char field[64];
				snprintf(field, sizeof field, "notes[%zu]", i);
				rc = wrong_type(&c, s, field, _("string"));
				goto fail;
			}
			out->notes[out->n_notes++] = s->u.str.s;
		}
	}
	return 0;
fail:
	memset(out, 0, sizeof *out);
	return rc;
}

/* ---- purls and components ---- */

/* "3.19.1" -> "3.19": Alpine names its releases by major.minor. */
static const char *major_minor(const char *v, ym_arena *a)
{
	const char *d = strchr(v, '.');
	if (!d)
		return v;
	const char *d2 = strchr(d + 1, '.');
	return d2 ? ym_arena_strndup(a, v, (size_t)(d2 - v)) : v;
}

int ym_inventory_purl(const ym_inv_package *p, const ym_inv_os *os,
		      ym_arena *a, const char **out, ym_err *err)
{
	ym_purl in = {0}, built;
	ym_purl_qualifier q[3];
	const char *id = os && os->id ? os->id : NULL;
	const char *vid = os ? os->version_id : NULL;
	const char *version = p->version;
	size_t nq = 0;
	int rc;

	*out = NULL;
	if (strcmp(p->type, "deb") == 0) {
		if (!id)
			id = "debian";
	} else if (strcmp(p->type, "apk") == 0) {
		if (!id)
			id = "alpine";
		if (vid && strcmp(id, "alpine") == 0)
			vid = major_minor(vid, a);
	} else if (strcmp(p->type, "rpm") == 0) {
		if (!id)
			return ym_err_set(err, YM_E_INVALID,
					  _("cannot build the purl of rpm "
					    "package '%.64s': the host's "
					    "os-release ID is unknown"),
					  p->name);
		/* purl-spec: the rpm epoch is a qualifier, not part of
		 * the version */
		const char *colon = strchr(version, ':');
		if (colon) {
			q[nq++] = (ym_purl_qualifier){
				"epoch",
				ym_arena_strndup(a, version,
						 (size_t)(colon - version))};
			version = colon + 1;
		}
	} else {
		return ym_err_set(err, YM_E_INVALID,
				  _("unknown package type '%.32s'"), p->type);
	}
	if (p->arch)
		q[nq++] = (ym_purl_qualifier){"arch", p->arch};
	if (vid)
		q[nq++] = (ym_purl_qualifier){
			"distro", ym_arena_printf(a, "%s-%s", id, vid)};
	in.type = p->type;
	in.namespace_ = id;
	in.name = p->name;
	in.version = version;
	in.qualifiers = q;
	in.n_qualifiers = nq;
	if ((rc = ym_purl_build(&in, 0, a, &built, err)))
		return rc;
	*out = ym_purl_format(&built, a);
	return 0;
}

int ym_inventory_components(const ym_inventory *inv, ym_arena *a,
			    ym_component **out, size_t *n, ym_err *err)
{
	*out = ym_arena_zalloc(a, (inv->n_packages ? inv->n_packages : 1) *
					  sizeof **out);
	*n = 0;
	for (size_t i = 0; i < inv->n_packages; i++) {
		const ym_inv_package *p = &inv->packages[i];
		ym_component *c = &(*out)[i];
		ym_purl parsed;
		const char *purl;
		int rc = ym_inventory_purl(p, &inv->host.os, a, &purl, err);
		if (!rc)
			rc = ym_purl_parse(purl, a, &parsed, err);
		if (rc) {
			ym_err_field(err, "packages[%zu]", i);
			return rc;
		}
		c->name = p->name;
		c->version = p->version;
		c->purl = purl;
		c->ecosystem = parsed.type;
		c->pkg_key = ym_pkg_key(parsed.type, parsed.namespace_,
					parsed.name, a);
		c->type = "library";
		c->source = strcmp(p->type, "deb") == 0 ? "dpkg" : p->type;
		/* distribution advisories name the source package */
		c->source_pkg = p->source_name;
		*n = i + 1;
	}
	return 0;
}

/* ---- collecting ---- */

typedef YM_VEC(const char *) str_vec;

static const char *path_in(ym_arena *a, const char *root, const char *rel)
{
	if (!root || strcmp(root, "/") == 0)
		return ym_arena_printf(a, "/%s", rel);
	size_t n = strlen(root);
	while (n > 1 && root[n - 1] == '/')
		n--;
	return ym_arena_printf(a, "%.*s/%s", (int)n, root, rel);
}

static bool exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

/* Reads path into b; 1 when it does not exist. */
static int read_opt(const char *path, ym_buf *b, ym_err *err)
{
	if (!exists(path) && errno == ENOENT)
		return 1;
	ym_buf_reset(b);
	b->max = YM_INVENTORY_MAX_BYTES;
	return ym_buf_read_file(b, path, err);
}

/* The first line of a small file, trimmed; NULL if absent or empty. */
static const char *first_line(ym_arena *a, const char *path)
{
	ym_buf b = YM_BUF_INIT;
	ym_err e = YM_ERR_INIT;
	const char *res = NULL;
	if (read_opt(path, &b, &e) == 0) {
		size_t s = 0, n = strcspn(b.ptr, "\r\n");
		while (s < n && (b.ptr[s] == ' ' || b.ptr[s] == '\t'))
			s++;
		while (n > s && (b.ptr[n - 1] == ' ' || b.ptr[n - 1] == '\t'))
			n--;
		if (n > s && n - s <= YM_INVENTORY_MAX_FIELD)
			res = ym_arena_strndup(a, b.ptr + s, n - s);
	}
	ym_buf_release(&b);
	return res;
}

typedef int (*pkg_parser)(const char *text, size_t len, const char *file,
			  ym_arena *a, ym_inv_pkglist *out, ym_err *err);

static int collect_db(ym_arena *a, const char *path, pkg_parser parse,
		      ym_inv_pkglist *pk, ym_err *err)
{
	ym_buf b = YM_BUF_INIT;
	int rc = read_opt(path, &b, err);
	if (rc == 1)
		rc = 0;
	else if (rc == 0)
		rc = parse(b.ptr, b.len, path, a, pk, err);
	ym_buf_release(&b);
	return rc;
}

static const char *now_utc(ym_arena *a)
{
	time_t t = time(NULL);
	struct tm tm;
	char s[32];
	gmtime_r(&t, &tm);
	strftime(s, sizeof s, "%Y-%m-%dT%H:%M:%SZ", &tm);
	return ym_arena_strdup(a, s);
}

static int collect_rpm(ym_arena *a, const ym_inv_collect_opts *o,
		       bool sys_root, ym_inv_pkglist *pk, str_vec *notes,
		       ym_err *err)
{
	ym_buf b = YM_BUF_INIT;
	int rc = 0;
	const char *file = NULL;
	if (o && o->rpm_query_file) {
		b.max = YM_INVENTORY_MAX_BYTES;
		rc = ym_buf_read_file(&b, o->rpm_query_file, err);
		file = o->rpm_query_file;
	} else if (o && o->no_rpm) {
		goto out;
	} else if (!sys_root) {
		if (exists(path_in(a, o->root, "var/lib/rpm")))
			ym_vec_push(notes,
				    "rpm: not run for a root other than /, "
				    "rpm packages skipped");
		goto out;
	} else if (access("/usr/bin/rpm", X_OK) != 0) {
		ym_vec_push(notes, "rpm: /usr/bin/rpm not found, rpm "
				   "packages skipped");
		goto out;
	} else {
		rc = ym_rpm_query_run(&b, err);
		file = "rpm -qa";
	}
	if (!rc)
		rc = ym_rpm_query_parse(b.ptr, b.len, file, a, pk, err);
out:
	ym_buf_release(&b);
	return rc;
}

int ym_inventory_collect(ym_arena *a, const ym_inv_collect_opts *o,
			 ym_inventory *out, ym_err *err)
{
	const char *root = o && o->root ? o->root : "/";
	bool sys_root = strcmp(root, "/") == 0;
	ym_inv_pkglist pk = {0};
	str_vec notes = YM_VEC_INIT;
	ym_buf b = YM_BUF_INIT;
	struct utsname u;
	int rc = 0;

	memset(out, 0, sizeof *out);
	out->version = YM_INVENTORY_VERSION;
	out->collected_at = o && o->collected_at
				    ? ym_arena_strdup(a, o->collected_at)
				    : now_utc(a);
	bool have_uname = uname(&u) == 0;
	ym_inv_host *h = &out->host;
	if (o && o->hostname) {
		h->hostname = ym_arena_strdup(a, o->hostname);
	} else if (!sys_root) {
		h->hostname = first_line(a, path_in(a, root, "etc/hostname"));
	} else {
		char name[256] = "";
		if (gethostname(name, sizeof name - 1) == 0 && name[0])
			h->hostname = ym_arena_strdup(a, name);
	}
	if (h->hostname && strchr(h->hostname, '.'))
		h->fqdn = h->hostname;
	h->kernel = o && o->kernel ? ym_arena_strdup(a, o->kernel)
		    : have_uname   ? ym_arena_strdup(a, u.release)
				   : NULL;
	h->arch = o && o->arch ? ym_arena_strdup(a, o->arch)
		  : have_uname ? ym_arena_strdup(a, u.machine)
			       : NULL;
	h->machine_id = first_line(a, path_in(a, root, "etc/machine-id"));

	const char *osr = path_in(a, root, "etc/os-release");
	rc = read_opt(osr, &b, err);
	if (rc == 1) {
		osr = path_in(a, root, "usr/lib/os-release");
		rc = read_opt(osr, &b, err);
	}
	if (rc == 1) {
		ym_vec_push(&notes, "os-release: not found");
		rc = 0;
	} else if (rc == 0) {
		rc = ym_osrelease_parse(b.ptr, b.len, osr, a, &h->os, err);
	}
	if (rc)
		goto out;
	if ((rc = collect_db(a, path_in(a, root, "var/lib/dpkg/status"),
			     ym_dpkg_status_parse, &pk, err)) ||
	    (rc = collect_db(a, path_in(a, root, "lib/apk/db/installed"),
			     ym_apk_installed_parse, &pk, err)) ||
	    (rc = collect_rpm(a, o, sys_root, &pk, &notes, err)))
		goto out;
	out->n_packages = pk.n;
	out->packages = ym_arena_alloc(a, (pk.n ? pk.n : 1) *
						  sizeof *out->packages);
	if (pk.n)
		memcpy(out->packages, pk.v, pk.n * sizeof *out->packages);
	out->n_notes = notes.n;
	out->notes = ym_arena_alloc(a, (notes.n ? notes.n : 1) *
					       sizeof *out->notes);
	if (notes.n)
		memcpy(out->notes, notes.v, notes.n * sizeof *out->notes);
out:
	ym_buf_release(&b);
	ym_inv_pkglist_release(&pk);
	ym_vec_release(&notes);
	if (rc)
		memset(out, 0, sizeof *out);
	return rc;
}

int ym_inventory_collect_local(ym_arena *a, ym_inventory *out, ym_err *err)
{
	return ym_inventory_collect(a, NULL, out, err);
}
