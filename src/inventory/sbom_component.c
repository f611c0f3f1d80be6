/* sbom_component.c - what every SBOM parser does to a component, the
 * output arrays they build, and a text dump of the result. */
#include "inventory/sbom_component.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/vec.h"
#include "ids/cpe.h"
#include "ids/cpe_names.h"
#include "ids/purl.h"

int ym_sbom_purl_canonical(const char *purl, ym_arena *a, const char **out,
			   ym_err *err)
{
	ym_purl p;
	*out = NULL;
	if (!purl)
		return 0;
	if (ym_purl_parse(purl, a, &p, err))
		return YM_E_INVALID;
	*out = ym_purl_format(&p, a);
	return 0;
}

int ym_sbom_component_finish(ym_component *c, const char *group,
			     ym_arena *a, ym_err *err)
{
	if (c->purl) {
		ym_purl p;
		ym_err perr = YM_ERR_INIT;
		if (ym_purl_parse(c->purl, a, &p, &perr)) {
			ym_err_set(err, YM_E_INVALID, "%s", perr.msg);
			return YM_E_INVALID;
		}
		c->purl = ym_purl_format(&p, a);
		c->ecosystem = p.type;
		c->pkg_key = ym_pkg_key(p.type, p.namespace_, p.name, a);
		/* the component's own version field wins; the purl's fills
		 * in when the field is missing */
		if (!c->version && p.version)
			c->version = p.version;
	}
	/* the group is part of the name people know: @babel/traverse,
	 * org.apache.logging.log4j:log4j-core */
	if (group && *group)
		c->name = ym_arena_printf(
			a, "%s%s%s", group,
			c->ecosystem && strcmp(c->ecosystem, "maven") == 0
				? ":"
				: "/",
			c->name);
	/* known by name only: the keys name-based matching finds it by */
	if (!c->ecosystem && !c->cpe)
		ym_cpe_name_keys(c->name, a, &c->name_key, &c->name_key2);
	return 0;
}

const char *ym_sbom_scope(const char *scope)
{
	if (scope && (strcmp(scope, "required") == 0 ||
		      strcmp(scope, "optional") == 0 ||
		      strcmp(scope, "excluded") == 0))
		return scope;
	return NULL;
}

const char *ym_sbom_join(ym_arena *a, const char *prev, const char *add)
{
	if (!add || !*add)
		return prev;
	if (!prev || !*prev)
		return add;
	return ym_arena_printf(a, "%s, %s", prev, add);
}

const char *ym_sbom_hash_alg(const char *alg)
{
	static const struct {
		const char *spdx, *cdx;
	} map[] = {
		{"SHA1", "SHA-1"},     {"SHA224", "SHA-224"},
		{"SHA256", "SHA-256"}, {"SHA384", "SHA-384"},
		{"SHA512", "SHA-512"},
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strcmp(alg, map[i].spdx) == 0)
			return map[i].cdx;
	return alg;
}

size_t ym_sbom_add_component(ym_sbom_builder *b, const ym_component *c)
{
	if (b->n_comps + 1 > b->cap_comps)
		ym_vec_grow_((void **)&b->comps, &b->cap_comps,
			     b->n_comps + 1, sizeof *b->comps);
	b->comps[b->n_comps++] = *c;
	return b->n_comps;
}

void ym_sbom_add_dependency(ym_sbom_builder *b, const char *from,
			    const char *to)
{
	if (b->n_deps + 1 > b->cap_deps)
		ym_vec_grow_((void **)&b->deps, &b->cap_deps, b->n_deps + 1,
			     sizeof *b->deps);
	b->deps[b->n_deps++] = (ym_sbom_dependency){.from = from, .to = to};
}

void ym_sbom_add_service(ym_sbom_builder *b, const ym_sbom_service *s)
{
	if (b->n_svcs + 1 > b->cap_svcs)
		ym_vec_grow_((void **)&b->svcs, &b->cap_svcs, b->n_svcs + 1,
			     sizeof *b->svcs);
	b->svcs[b->n_svcs++] = *s;
}

static void *copy_out(ym_arena *a, const void *v, size_t n, size_t elem)
{
	void *p = ym_arena_alloc(a, (n ? n : 1) * elem);
	if (n)
		memcpy(p, v, n * elem);
	return p;
}

void ym_sbom_builder_finish(ym_sbom_builder *b, ym_arena *a, ym_sbom *out)
{
	out->components = copy_out(a, b->comps, b->n_comps, sizeof *b->comps);
	out->n_components = b->n_comps;
	out->dependencies = copy_out(a, b->deps, b->n_deps, sizeof *b->deps);
	out->n_dependencies = b->n_deps;
	out->services = copy_out(a, b->svcs, b->n_svcs, sizeof *b->svcs);
	out->n_services = b->n_svcs;
}

void ym_sbom_builder_release(ym_sbom_builder *b)
{
	free(b->comps);
	free(b->deps);
	free(b->svcs);
	memset(b, 0, sizeof *b);
}

int ym_sbom_fail(ym_err *err, const char *file, long line, long col,
		 const char *field, const char *msg)
{
	ym_err_set(err, YM_E_INVALID, "%s", msg);
	ym_err_at(err, file, line, col);
	if (field && *field)
		ym_err_field(err, "%s", field);
	return YM_E_INVALID;
}

static void kv(ym_buf *out, const char *k, const char *v)
{
	ym_buf_printf(out, " %s=%s", k, v ? v : "-");
}

static void tri(ym_buf *out, const char *k, int v)
{
	ym_buf_printf(out, " %s=%s", k, v < 0 ? "-" : v ? "true" : "false");
}

void ym_sbom_dump(const ym_sbom *s, ym_buf *out)
{
	ym_buf_printf(out, "format=%s spec=%s\n", s->format ? s->format : "-",
		      s->spec_version ? s->spec_version : "-");
	ym_buf_adds(out, "subject");
	kv(out, "name", s->subject_name);
	kv(out, "version", s->subject_version);
	kv(out, "purl", s->subject_purl);
	kv(out, "cpe", s->subject_cpe);
	kv(out, "supplier", s->subject_supplier);
	kv(out, "serial", s->serial);
	ym_buf_addc(out, '\n');
	for (size_t i = 0; i < s->n_components; i++) {
		const ym_component *c = &s->components[i];
		ym_buf_printf(out, "component %zu parent=%" PRId64, i + 1,
			      c->parent_id);
		kv(out, "ref", c->bom_ref);
		kv(out, "name", c->name);
		kv(out, "version", c->version);
		kv(out, "type", c->type);
		kv(out, "purl", c->purl);
		kv(out, "cpe", c->cpe);
		kv(out, "eco", c->ecosystem);
		kv(out, "key", c->pkg_key);
		kv(out, "supplier", c->supplier);
		kv(out, "licenses", c->licenses);
		kv(out, "hashes", c->hashes);
		kv(out, "scope", c->scope);
		ym_buf_addc(out, '\n');
	}
	for (size_t i = 0; i < s->n_dependencies; i++)
		ym_buf_printf(out, "dependency %s -> %s\n",
			      s->dependencies[i].from, s->dependencies[i].to);
	for (size_t i = 0; i < s->n_services; i++) {
		const ym_sbom_service *v = &s->services[i];
		ym_buf_printf(out, "service %zu", i + 1);
		kv(out, "ref", v->bom_ref);
		kv(out, "name", v->name);
		kv(out, "version", v->version);
		kv(out, "provider", v->provider);
		kv(out, "endpoints", v->endpoints);
		tri(out, "authenticated", v->authenticated);
		tri(out, "trust_boundary", v->trust_boundary);
		kv(out, "data", v->data);
		ym_buf_addc(out, '\n');
	}
	ym_buf_printf(out, "vex %s\n", s->vex ? s->vex : "-");
}

/* ---- SPDX 2.x ---- */

static bool no_value(const char *s)
{
	return !s || !*s || strcmp(s, "NOASSERTION") == 0 ||
	       strcmp(s, "NONE") == 0;
}

const char *ym_spdx_party(const char *s, ym_arena *a)
{
	static const char *const prefixes[] = {"Organization:", "Person:",
					       "Tool:"};
	if (no_value(s))
		return NULL;
	for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
		size_t n = strlen(prefixes[i]);
		if (strncmp(s, prefixes[i], n) == 0) {
			s += n;
			break;
		}
	}
	while (*s == ' ' || *s == '\t')
		s++;
	size_t len = strlen(s);
	/* a trailing "(e-mail)" is contact detail, not the name */
	if (len && s[len - 1] == ')') {
		const char *open = strrchr(s, '(');
		if (open && (memchr(open, '@', (size_t)(s + len - open)) ||
			     open + 2 == s + len))
			len = (size_t)(open - s);
	}
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	return len ? ym_arena_strndup(a, s, len) : NULL;
}

const char *ym_spdx_license(const char *concluded, const char *declared)
{
	if (!no_value(concluded))
		return concluded;
	if (!no_value(declared))
		return declared;
	return NULL;
}

const char *ym_spdx_purpose(const char *p, ym_arena *a)
{
	if (!p || !*p)
		return NULL;
	char *s = ym_arena_strdup(a, p);
	for (char *q = s; *q; q++) {
		if (*q == '_')
			*q = '-';
		else if (*q >= 'A' && *q <= 'Z')
			*q = (char)(*q - 'A' + 'a');
	}
	return s;
}

int ym_spdx_cpe22(const char *uri, ym_arena *a, const char **out,
		  ym_err *err)
{
	ym_cpe cpe;
	ym_buf b = YM_BUF_INIT;
	ym_err cerr = YM_ERR_INIT;
	*out = NULL;
	if (ym_cpe_unbind_uri(uri, a, &cpe, &cerr)) {
		ym_err_set(err, YM_E_INVALID, "%s", cerr.msg);
		return YM_E_INVALID;
	}
	ym_cpe_bind_fs(&cpe, &b);
	*out = ym_arena_strndup(a, b.ptr, b.len);
	ym_buf_release(&b);
	return 0;
}

/* A set of SPDXIDs (open addressing, in the arena): index+1 of the
 * package, 0 empty. */
typedef struct idset {
	const char **key;
	size_t *val;
	size_t cap;
} idset;

static uint64_t hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ull; /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h;
}

static void idset_init(idset *t, size_t n, ym_arena *a)
{
	t->cap = 16;
	while (t->cap < n * 2)
		t->cap *= 2;
	t->key = ym_arena_zalloc(a, t->cap * sizeof *t->key);
	t->val = ym_arena_zalloc(a, t->cap * sizeof *t->val);
}

static size_t idset_slot(const idset *t, const char *k)
{
	size_t i = (size_t)hash_str(k) & (t->cap - 1);
	while (t->key[i] && strcmp(t->key[i], k) != 0)
		i = (i + 1) & (t->cap - 1);
	return i;
}

static void idset_put(idset *t, const char *k, size_t v)
{
	size_t i = idset_slot(t, k);
	if (!t->key[i]) { /* the first package with an id wins */
		t->key[i] = k;
		t->val[i] = v;
	}
}

static size_t idset_get(const idset *t, const char *k)
{
	if (!k)
		return 0;
	size_t i = idset_slot(t, k);
	return t->key[i] ? t->val[i] : 0;
}

/* Which way round a relationship type is an edge: 1 from depends on to,
 * -1 to depends on from, 0 not a dependency. */
static int dep_direction(const char *type)
{
	static const char *const forward[] = {"DEPENDS_ON", "CONTAINS"};
	static const char *const backward[] = {
		"DEPENDENCY_OF",	  "CONTAINED_BY",
		"DEV_DEPENDENCY_OF",	  "BUILD_DEPENDENCY_OF",
		"RUNTIME_DEPENDENCY_OF", "TEST_DEPENDENCY_OF",
		"OPTIONAL_DEPENDENCY_OF", "PROVIDED_DEPENDENCY_OF"};
	for (size_t i = 0; i < sizeof forward / sizeof forward[0]; i++)
		if (strcmp(type, forward[i]) == 0)
			return 1;
	for (size_t i = 0; i < sizeof backward / sizeof backward[0]; i++)
		if (strcmp(type, backward[i]) == 0)
			return -1;
	return 0;
}

void ym_spdx_assemble(ym_sbom_builder *b, const char *doc_id,
		      const char *const *describes, size_t n_describes,
		      const ym_spdx_rel *rels, size_t n_rels, ym_arena *a,
		      ym_sbom *out)
{
	idset ids;
	size_t subject = 0; /* 1-based package index */
	idset_init(&ids, b->n_comps, a);
	for (size_t i = 0; i < b->n_comps; i++)
		if (b->comps[i].bom_ref)
			idset_put(&ids, b->comps[i].bom_ref, i + 1);
	for (size_t i = 0; !subject && i < n_describes; i++)
		subject = idset_get(&ids, describes[i]);
	for (size_t i = 0; !subject && i < n_rels; i++) {
		const ym_spdx_rel *r = &rels[i];
		if (!r->from || !r->to || !r->type)
			continue;
		if (strcmp(r->type, "DESCRIBES") == 0 && doc_id &&
		    strcmp(r->from, doc_id) == 0)
			subject = idset_get(&ids, r->to);
		else if (strcmp(r->type, "DESCRIBED_BY") == 0 && doc_id &&
			 strcmp(r->to, doc_id) == 0)
			subject = idset_get(&ids, r->from);
	}
	/* "a CONTAINS b" and "b CONTAINED_BY a" are one edge */
	idset seen;
	idset_init(&seen, n_rels, a);
	for (size_t i = 0; i < n_rels; i++) {
		const ym_spdx_rel *r = &rels[i];
		if (!r->from || !r->to || !r->type)
			continue;
		int dir = dep_direction(r->type);
		if (!dir || !idset_get(&ids, r->from) ||
		    !idset_get(&ids, r->to))
			continue;
		const char *from = dir > 0 ? r->from : r->to;
		const char *to = dir > 0 ? r->to : r->from;
		const char *key = ym_arena_printf(a, "%s\x1f%s", from, to);
		if (idset_get(&seen, key))
			continue;
		idset_put(&seen, key, 1);
		ym_sbom_add_dependency(b, from, to);
	}
	if (subject) {
		const ym_component *s = &b->comps[subject - 1];
		out->subject_name = s->name;
		out->subject_version = s->version;
		out->subject_purl = s->purl;
		out->subject_cpe = s->cpe;
		out->subject_supplier = s->supplier;
		memmove(&b->comps[subject - 1], &b->comps[subject],
			(b->n_comps - subject) * sizeof *b->comps);
		b->n_comps--;
	}
	ym_sbom_builder_finish(b, a, out);
}
