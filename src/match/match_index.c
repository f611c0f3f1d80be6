/* match_index.c - the index the matcher evaluates against: affected
 * ranges by (purl type, package) and CPE configurations by
 * vendor:product, built from the whole store, from some vulnerabilities
 * (incremental runs) or for some packages (asset runs). */
#include <stdio.h>
#include <string.h>

#include "core/json.h"
#include "ids/purl.h"
#include "match/match_int.h"

static const char *event_key_names[] = {"introduced", "fixed",
					"last_affected", "limit"};

static int parse_events(ym_arena *a, const char *json, range_entry *e,
			ym_err *err)
{
	const ym_json *arr = ym_json_parse(a, json, strlen(json), NULL,
					   "(store)", err);
	if (!arr || arr->type != YM_JSON_ARRAY)
		return YM_E_STORE;
	e->events = ym_arena_alloc(a, (arr->u.arr.n + 1) * sizeof *e->events);
	for (size_t i = 0; i < arr->u.arr.n; i++) {
		const ym_json *o = arr->u.arr.items[i];
		if (o->type != YM_JSON_OBJECT || o->u.obj.n != 1 ||
		    o->u.obj.m[0].val->type != YM_JSON_STRING)
			continue;
		for (int k = 0; k < 4; k++) {
			if (strcmp(o->u.obj.m[0].key, event_key_names[k]) == 0) {
				ym_osv_event *ev = &e->events[e->n_events++];
				ev->kind = (ym_osv_event_kind)k;
				ev->version = o->u.obj.m[0].val->u.str.s;
			}
		}
	}
	return 0;
}

static int parse_versions(ym_arena *a, const char *json, range_entry *e,
			  ym_err *err)
{
	const ym_json *arr = ym_json_parse(a, json, strlen(json), NULL,
					   "(store)", err);
	if (!arr || arr->type != YM_JSON_ARRAY)
		return YM_E_STORE;
	e->versions = ym_arena_alloc(a, (arr->u.arr.n + 1) * sizeof(char *));
	for (size_t i = 0; i < arr->u.arr.n; i++)
		if (arr->u.arr.items[i]->type == YM_JSON_STRING)
			e->versions[e->n_versions++] =
				arr->u.arr.items[i]->u.str.s;
	return 0;
}

/* Distribution families of OSV ecosystems and the purl namespaces their
 * packages carry: an advisory of one distribution never applies to the
 * packages of another (Debian and Ubuntu share the deb type). */
static const struct {
	const char *family;
	const char *namespaces; /* space-separated */
} DISTROS[] = {
	{"Debian", "debian"},
	{"Ubuntu", "ubuntu"},
	{"Alpine", "alpine"},
	{"Red Hat", "redhat rhel"},
	{"Rocky Linux", "rocky rockylinux"},
	{"AlmaLinux", "almalinux alma"},
	{"SUSE", "suse sles"},
	{"openSUSE", "opensuse"},
	{"Photon OS", "photon"},
	{"Mageia", "mageia"},
	{"Wolfi", "wolfi"},
	{"Chainguard", "chainguard"},
};

static const char *distro_of(const char *family)
{
	for (size_t i = 0; i < sizeof DISTROS / sizeof *DISTROS; i++)
		if (strcmp(DISTROS[i].family, family) == 0)
			return DISTROS[i].namespaces;
	return NULL;
}

/* The release an OSV distribution ecosystem names: "Debian:12" -> "12",
 * "Alpine:v3.19" -> "3.19", "Ubuntu:22.04:LTS" -> "22.04", "Red Hat:
 * enterprise_linux:9::appstream" -> "9" (the first part with a digit).
 * NULL when none. */
static const char *release_of(ym_arena *a, const char *ecosystem)
{
	const char *p = strchr(ecosystem, ':');
	while (p) {
		p++;
		const char *end = strchr(p, ':');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		if (n && p[0] == 'v' && n > 1 && p[1] >= '0' && p[1] <= '9') {
			p++;
			n--;
		}
		if (n && p[0] >= '0' && p[0] <= '9')
			return ym_arena_strndup(a, p, n);
		p = end;
	}
	return NULL;
}

typedef struct build_ctx {
	match_index *ix;
	ym_err *err;
} build_ctx;

static int add_range(int64_t vuln_rowid, const char *vuln_id,
		     const ym_affected_range *r, void *vctx)
{
	build_ctx *bc = vctx;
	match_index *ix = bc->ix;
	char family[64];
	snprintf(family, sizeof family, "%s", r->ecosystem);
	char *colon = strchr(family, ':');
	if (colon)
		*colon = '\0';
	const char *type = ym_purl_type_for_ecosystem(family);
	if (!type || strcmp(r->range_type, "GIT") == 0)
		return 0; /* no package identity to match, or commits */
	range_entry *e = ym_arena_zalloc(&ix->arena, sizeof *e);
	e->vuln_rowid = vuln_rowid;
	e->vuln_id = ym_arena_strdup(&ix->arena, vuln_id);
	e->source = r->source && strcmp(r->source, "osv") != 0
			    ? ym_arena_strdup(&ix->arena, r->source)
			    : "osv";
	e->ecosystem = ym_arena_strdup(&ix->arena, r->ecosystem);
	e->package = ym_arena_strdup(&ix->arena, r->package);
	e->range_type = ym_arena_strdup(&ix->arena, r->range_type);
	e->distro = distro_of(family);
	e->release = e->distro ? release_of(&ix->arena, r->ecosystem) : NULL;
	e->scheme = strcmp(r->range_type, "SEMVER") == 0
			    ? YM_SCHEME_SEMVER
			    : ym_scheme_for_ecosystem(family);
	int rc = r->versions ? parse_versions(&ix->arena, r->versions, e,
					      bc->err)
			     : parse_events(&ix->arena, r->events ? r->events
								 : "[]",
					    e, bc->err);
	if (rc)
		return rc;
	size_t tl = strlen(type), kl = strlen(r->package);
	/* "type\0package\0": the map's key stops before the last NUL */
	char *key = ym_arena_alloc(&ix->arena, tl + kl + 2);
	memcpy(key, type, tl);
	key[tl] = '\0';
	memcpy(key + tl + 1, r->package, kl);
	key[tl + 1 + kl] = '\0';
	bool found;
	void **slot = ym_map_slot(&ix->by_pkg, key, tl + 1 + kl, &found);
	e->next = found ? *slot : NULL;
	*slot = e;
	ix->ranges++;
	return 0;
}

bool mi_cpe_part(const char *fs, int n, const char **start, size_t *len)
{
	if (!fs || strncmp(fs, "cpe:2.3:", 8) != 0)
		return false;
	int field = 0;
	const char *s = fs + 8;
	for (const char *p = fs + 8;; p++) {
		if (*p == '\\' && p[1]) {
			p++;
			continue;
		}
		if (*p == ':' || !*p) {
			if (field == n) {
				*start = s;
				*len = (size_t)(p - s);
				return true;
			}
			if (!*p)
				return false;
			field++;
			s = p + 1;
		}
	}
}

/* The list under key in m (the key must live as long as the index). */
static cand_list *product_list(ym_map *m, match_index *ix, const char *key,
			       size_t n)
{
	bool found;
	void **slot = ym_map_slot(m, key, n, &found);
	if (!found)
		*slot = ym_arena_zalloc(&ix->arena, sizeof(cand_list));
	return *slot;
}

/* Appends record c to l, once (rows of one record arrive together). */
static void cand_append(match_index *ix, cand_list *l, const cpe_cand *c)
{
	if (l->tail && l->tail->c == c)
		return;
	cand_node *nd = ym_arena_zalloc(&ix->arena, sizeof *nd);
	nd->c = c;
	if (l->tail)
		l->tail->next = nd;
	else
		l->head = nd;
	l->tail = nd;
	l->n++;
}

/* Builds one record and files it under each vendor:product its
 * vulnerable criteria name. */
static int add_cpe_record(const ym_cpe_record *r, void *vctx)
{
	build_ctx *bc = vctx;
	match_index *ix = bc->ix;
	cpe_cand *c = ym_arena_zalloc(&ix->arena, sizeof *c);
	c->src = r->src;
	c->src.source = ym_arena_strdup(&ix->arena, r->src.source);
	c->src.record_id = ym_arena_strdup(&ix->arena, r->src.record_id);
	c->ok = ym_cpe_config_build(r->rows, r->n, &ix->arena, &c->cfg,
				    NULL) == 0;
	ix->cpe_records++;
	for (size_t i = 0; i < r->n; i++) {
		const char *v, *p;
		size_t vl, pl;
		if (!r->rows[i].vulnerable ||
		    !mi_cpe_part(r->rows[i].criteria, 1, &v, &vl) ||
		    !mi_cpe_part(r->rows[i].criteria, 2, &p, &pl))
			continue;
		char tmp[1024];
		size_t kl = vl + 1 + pl;
		if (kl >= sizeof tmp)
			continue;
		memcpy(tmp, v, vl);
		tmp[vl] = ':';
		memcpy(tmp + vl + 1, p, pl);
		tmp[kl] = '\0';
		cand_list *l = ym_map_get(&ix->by_product, tmp, kl);
		if (!l)
			l = product_list(&ix->by_product, ix,
					 ym_arena_strndup(&ix->arena, tmp, kl),
					 kl);
		/* the same record under its product alone, for names */
		const char *prod = tmp + vl + 1;
		cand_list *ln = ym_map_get(&ix->by_name, prod, pl);
		if (!ln)
			ln = product_list(&ix->by_name, ix,
					  ym_arena_strndup(&ix->arena, prod, pl),
					  pl);
		cand_append(ix, ln, c);
		/* once per record, even when several criteria name it */
		cand_append(ix, l, c);
		/* the parts, so an incremental run asks only for those */
		const char *part;
		size_t partl;
		if (!mi_cpe_part(r->rows[i].criteria, 0, &part, &partl) ||
		    partl != 1 || !strchr("aoh", part[0]))
			strcpy(l->parts, "aoh"); /* any part: ask for all */
		else if (!strchr(l->parts, part[0])) {
			size_t k = strlen(l->parts);
			l->parts[k] = part[0];
			l->parts[k + 1] = '\0';
		}
	}
	return 0;
}

void mi_init(match_index *ix, ym_store *lazy)
{
	memset(ix, 0, sizeof *ix);
	ym_arena_init(&ix->arena, 1 << 20);
	ym_map_init(&ix->by_pkg);
	ym_map_init(&ix->by_product);
	ym_map_init(&ix->by_name);
	ix->lazy = lazy;
}

void mi_release(match_index *ix)
{
	ym_map_release(&ix->by_pkg);
	ym_map_release(&ix->by_product);
	ym_map_release(&ix->by_name);
	ym_arena_release(&ix->arena);
}

int mi_load_all(match_index *ix, ym_store *s, ym_err *err)
{
	build_ctx bc = {.ix = ix, .err = err};
	int rc = ym_store_ranges_each(s, add_range, &bc, err);
	if (!rc)
		rc = ym_store_cpe_records_each(s, add_cpe_record, &bc, err);
	return rc;
}

int mi_load_vuln(match_index *ix, ym_store *s, int64_t vuln_rowid,
		 ym_err *err)
{
	build_ctx bc = {.ix = ix, .err = err};
	int rc = ym_store_ranges_of_vuln(s, vuln_rowid, add_range, &bc, err);
	if (!rc)
		rc = ym_store_cpe_records_of_vuln(s, vuln_rowid,
						  add_cpe_record, &bc, err);
	return rc;
}

int mi_load_package(match_index *ix, ym_store *s, const char *package,
		    ym_err *err)
{
	build_ctx bc = {.ix = ix, .err = err};
	return ym_store_ranges_of_package(s, package, add_range, &bc, err);
}

const range_entry *mi_ranges(const match_index *ix, const char *type,
			     const char *package, ym_buf *key)
{
	ym_buf_reset(key);
	ym_buf_adds(key, type);
	ym_buf_addc(key, '\0');
	ym_buf_adds(key, package);
	return ym_map_get(&ix->by_pkg, key->ptr, key->len);
}

typedef YM_VEC(ym_cpe_source) source_vec;

static int keep_source_row(const ym_cpe_source *c, void *ctx)
{
	void **x = ctx;
	source_vec *v = x[0];
	ym_arena *a = x[1];
	ym_cpe_source k = *c;
	k.source = ym_arena_strdup(a, c->source);
	k.record_id = ym_arena_strdup(a, c->record_id);
	ym_vec_push(v, k);
	return 0;
}

/* The list under key in m, read from the store on first use when the
 * index is lazy (vendor NULL: any vendor). */
static int lazy_list(match_index *ix, ym_map *m, const char *key,
		     const char *vendor, const char *product,
		     const cand_list **out, ym_err *err)
{
	static const cand_list empty;
	size_t klen = strlen(key);
	cand_list *l = ym_map_get(m, key, klen);
	if (l || !ix->lazy) {
		*out = l ? l : &empty;
		return 0;
	}
	l = product_list(m, ix, ym_arena_strndup(&ix->arena, key, klen), klen);
	source_vec srcs = YM_VEC_INIT;
	void *ctx[2] = {&srcs, &ix->arena};
	int rc = ym_store_cpe_sources(ix->lazy, vendor, product,
				      keep_source_row, ctx, err);
	for (size_t i = 0; !rc && i < srcs.n; i++) {
		ym_cpe_criterion *rows;
		size_t n;
		cpe_cand *c = ym_arena_zalloc(&ix->arena, sizeof *c);
		c->src = srcs.v[i];
		rc = ym_store_cpe_rows(ix->lazy, c->src.source_id, &ix->arena,
				       &rows, &n, err);
		if (rc)
			break;
		c->ok = ym_cpe_config_build(rows, n, &ix->arena, &c->cfg,
					    NULL) == 0;
		cand_append(ix, l, c);
		ix->cpe_records++;
	}
	ym_vec_release(&srcs);
	*out = l;
	return rc;
}

int mi_products(match_index *ix, const char *vendor, const char *product,
		const cand_list **out, ym_err *err)
{
	ym_buf key = YM_BUF_INIT;
	ym_buf_printf(&key, "%s:%s", vendor, product);
	int rc = lazy_list(ix, &ix->by_product, key.ptr, vendor, product, out,
			   err);
	ym_buf_release(&key);
	return rc;
}

int mi_names(match_index *ix, const char *product, const cand_list **out,
	     ym_err *err)
{
	return lazy_list(ix, &ix->by_name, product, NULL, product, out, err);
}
