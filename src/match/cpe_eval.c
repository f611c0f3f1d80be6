/* cpe_eval.c - NVD-style CPE configurations against an asset (see
 * cpe_eval.h and docs/cpe-eval.md). */
#include "match/cpe_eval.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/buf.h"
#include "core/i18n.h"

/* ASCII by hand: <ctype.h> depends on the locale. */
static bool is_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	       (c >= 'A' && c <= 'Z');
}

static unsigned char lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c | 0x20) : c;
}

static bool same_ci(const char *a, const char *b, size_t n)
{
	return strncasecmp(a, b, n) == 0;
}

/* av is the plain value lit (no quoting needed: letters, digits, '_'). */
static bool av_is(const ym_cpe_av *av, const char *lit)
{
	size_t n = strlen(lit);
	return av->kind == YM_CPE_VALUE && !av->wild && av->len == n &&
	       same_ci(av->s, lit, n);
}

/* FNV-1a of a plain value, case aside; never 0. 0 for ANY, NA and
 * values with wildcards, which the hash cannot judge. */
static uint32_t value_hash(const ym_cpe_av *av)
{
	if (av->kind != YM_CPE_VALUE || av->wild)
		return 0;
	uint32_t h = 2166136261u;
	for (uint32_t i = 0; i < av->len; i++)
		h = (h ^ lower((unsigned char)av->s[i])) * 16777619u;
	return h | 1;
}

/* "2.15.0" -> {2, 15, 0}; false unless digits separated by single dots,
 * at most YM_CPE_NUMKEY_MAX parts of at most 18 digits. */
static bool numkey_parse(const char *s, ym_cpe_numkey *k)
{
	k->n = 0;
	if (!s || !*s)
		return false;
	for (;;) {
		uint64_t v = 0;
		int digits = 0;
		while (*s >= '0' && *s <= '9') {
			if (++digits > 18)
				return false;
			v = v * 10 + (uint64_t)(*s++ - '0');
		}
		if (digits == 0 || k->n == YM_CPE_NUMKEY_MAX)
			return false;
		k->v[k->n++] = v;
		if (*s == '\0')
			return true;
		if (*s++ != '.')
			return false;
	}
}

static int numkey_cmp(const ym_cpe_numkey *a, const ym_cpe_numkey *b)
{
	uint8_t n = a->n < b->n ? a->n : b->n;
	for (uint8_t i = 0; i < n; i++)
		if (a->v[i] != b->v[i])
			return a->v[i] < b->v[i] ? -1 : 1;
	return a->n < b->n ? -1 : a->n > b->n;
}

/* --- Building --- */

/* The scheme table (docs/cpe-eval.md); target_sw in WFN form. */
static const struct {
	const char *target_sw;
	ym_scheme scheme;
} sw_schemes[] = {
	{"node\\.js", YM_SCHEME_NPM},   {"nodejs", YM_SCHEME_NPM},
	{"npm", YM_SCHEME_NPM},         {"python", YM_SCHEME_PYPI},
	{"pypi", YM_SCHEME_PYPI},       {"ruby", YM_SCHEME_GEM},
	{"rails", YM_SCHEME_GEM},       {"ruby_on_rails", YM_SCHEME_GEM},
	{"rubygems", YM_SCHEME_GEM},    {"go", YM_SCHEME_GOLANG},
	{"golang", YM_SCHEME_GOLANG},   {"rust", YM_SCHEME_CARGO},
	{"cargo", YM_SCHEME_CARGO},     {"\\.net", YM_SCHEME_NUGET},
	{"\\.net_core", YM_SCHEME_NUGET}, {"nuget", YM_SCHEME_NUGET},
	{"maven", YM_SCHEME_MAVEN},     {"dart", YM_SCHEME_PUB},
	{"flutter", YM_SCHEME_PUB},     {"haskell", YM_SCHEME_HACKAGE},
	{"composer", YM_SCHEME_COMPOSER},
};

ym_scheme ym_cpe_scheme_for(const ym_cpe *c)
{
	const ym_cpe_av *sw = &c->av[YM_CPE_TARGET_SW];
	if (sw->kind == YM_CPE_VALUE && !sw->wild)
		for (size_t i = 0; i < sizeof sw_schemes / sizeof *sw_schemes;
		     i++) {
			size_t n = strlen(sw_schemes[i].target_sw);
			if (sw->len == n &&
			    same_ci(sw->s, sw_schemes[i].target_sw, n))
				return sw_schemes[i].scheme;
		}
	if (av_is(&c->av[YM_CPE_VENDOR], "openssl") &&
	    av_is(&c->av[YM_CPE_PRODUCT], "openssl"))
		return YM_SCHEME_OPENSSL;
	return YM_SCHEME_GENERIC;
}

static int bad_row(ym_err *err, size_t row, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int bad_row(ym_err *err, size_t row, const char *fmt, ...)
{
	if (!err)
		return YM_E_INVALID;
	ym_buf b = YM_BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	ym_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	ym_err_set(err, YM_E_INVALID, _("invalid CPE configuration row %zu: %s"),
		   row, b.ptr);
	ym_err_field(err, "cpes[%zu]", row);
	ym_buf_release(&b);
	return YM_E_INVALID;
}

/* "AND" -> true, "OR" or NULL -> false; else an error. */
static int read_op(const char *op, const char *what, size_t row, bool *and_op,
		   ym_err *err)
{
	if (!op || strcmp(op, "OR") == 0) {
		*and_op = false;
		return 0;
	}
	if (strcmp(op, "AND") == 0) {
		*and_op = true;
		return 0;
	}
	return bad_row(err, row, _("%s operator '%.40s' is neither AND nor OR"),
		       what, op);
}

/* NVD quotes some bounds as CPE values do ("12.6\(1\)"): the quoting is
 * dropped; "" is no bound. */
static const char *bound_text(const char *s, ym_arena *a)
{
	if (!s || !*s)
		return NULL;
	if (!strchr(s, '\\'))
		return ym_arena_strdup(a, s);
	char *o = ym_arena_alloc(a, strlen(s) + 1), *p = o;
	for (; *s; s++) {
		if (*s == '\\' && s[1])
			s++;
		*p++ = *s;
	}
	*p = '\0';
	return o;
}

/* Parses every bound of c in scheme s; false if one fails. */
static bool parse_bounds(ym_cpe_crit *c, ym_scheme s, ym_arena *a)
{
	for (int b = YM_CPE_START_INCLUDING; b <= YM_CPE_END_EXCLUDING; b++) {
		c->parsed[b] = NULL;
		c->num[b] = NULL;
		if (!c->bound[b])
			continue;
		ym_version tmp;
		if (ym_version_parse(s, c->bound[b], &tmp, NULL))
			return false;
		/* dotted digits keep only their numbers: a parsed version is
		 * large, and NVD's bounds are nearly all dotted digits (the
		 * rare subject that is not compares the text) */
		ym_cpe_numkey k;
		if (s == YM_SCHEME_GENERIC && numkey_parse(c->bound[b], &k)) {
			ym_cpe_numkey *kp = ym_arena_alloc(a, sizeof *kp);
			*kp = k;
			c->num[b] = kp;
			continue;
		}
		ym_version *v = ym_arena_alloc(a, sizeof *v);
		*v = tmp;
		c->parsed[b] = v;
	}
	c->scheme = s;
	return true;
}

static bool is_family(const ym_cpe *c)
{
	const ym_cpe_av *v = &c->av[YM_CPE_VENDOR], *p = &c->av[YM_CPE_PRODUCT];
	if (av_is(v, "microsoft"))
		return av_is(p, "windows");
	if (av_is(v, "apple"))
		return av_is(p, "macos") || av_is(p, "mac_os_x") ||
		       av_is(p, "mac_os");
	return false;
}

static int crit_build(const ym_cpe_criterion *r, size_t row, ym_arena *a,
		      ym_cpe_crit *c, ym_err *err)
{
	ym_err e = YM_ERR_INIT;
	memset(c, 0, sizeof *c);
	c->row = row;
	c->config = r->config;
	c->node = r->node;
	c->vulnerable = r->vulnerable;
	c->unparsed = r->unparsed;
	if (!r->criteria)
		return bad_row(err, row, _("no criteria"));
	if (ym_cpe_parse(r->criteria, a, &c->cpe, &e))
		return bad_row(err, row, "%s", e.msg);
	c->criteria = ym_arena_strdup(a, r->criteria);
	c->text = r->text ? ym_arena_strdup(a, r->text) : NULL;
	c->match_id = r->match_id ? ym_arena_strdup(a, r->match_id) : NULL;
	c->bound[YM_CPE_START_INCLUDING] = bound_text(r->start_incl, a);
	c->bound[YM_CPE_START_EXCLUDING] = bound_text(r->start_excl, a);
	c->bound[YM_CPE_END_INCLUDING] = bound_text(r->end_incl, a);
	c->bound[YM_CPE_END_EXCLUDING] = bound_text(r->end_excl, a);
	const ym_cpe_av *part = &c->cpe.av[YM_CPE_PART];
	c->platform_part = part->kind != YM_CPE_VALUE ||
			   (part->len == 1 &&
			    (lower((unsigned char)part->s[0]) == 'o' ||
			     lower((unsigned char)part->s[0]) == 'h'));
	c->family = !c->vulnerable && is_family(&c->cpe);
	/* a family stands for several products: no fast reject */
	c->phash = c->family ? 0 : value_hash(&c->cpe.av[YM_CPE_PRODUCT]);
	c->scheme = ym_cpe_scheme_for(&c->cpe);
	bool any = false;
	for (int b = YM_CPE_START_INCLUDING; b <= YM_CPE_END_EXCLUDING; b++)
		any |= c->bound[b] != NULL;
	/* as ym_cpe_nvd_match: bounds count only with a version of ANY */
	c->bounded = any && c->cpe.av[YM_CPE_VERSION].kind == YM_CPE_ANY;
	if (c->bounded && !parse_bounds(c, c->scheme, a) &&
	    (c->scheme == YM_SCHEME_GENERIC ||
	     !parse_bounds(c, YM_SCHEME_GENERIC, a)))
		c->bad_bounds = true;
	return 0;
}

/* Sort key: configuration, node, row. */
typedef struct rowref {
	int config, node;
	size_t row;
} rowref;

static int rowref_cmp(const void *pa, const void *pb)
{
	const rowref *x = pa, *y = pb;
	if (x->config != y->config)
		return x->config < y->config ? -1 : 1;
	if (x->node != y->node)
		return x->node < y->node ? -1 : 1;
	return x->row < y->row ? -1 : x->row > y->row;
}

static int u32_cmp(const void *pa, const void *pb)
{
	uint32_t x = *(const uint32_t *)pa, y = *(const uint32_t *)pb;
	return x < y ? -1 : x > y;
}

/* The vulnerable products of crit[0..n). */
static void prefilter_build(const ym_cpe_crit *crit, size_t n, ym_arena *a,
			    ym_cpe_prefilter *pre)
{
	uint32_t *h = ym_arena_alloc(a, (n ? n : 1) * sizeof *h);
	size_t k = 0;
	pre->wild = false;
	for (size_t i = 0; i < n; i++) {
		if (!crit[i].vulnerable)
			continue;
		if (!crit[i].phash)
			pre->wild = true;
		else
			h[k++] = crit[i].phash;
	}
	qsort(h, k, sizeof *h, u32_cmp);
	size_t u = 0;
	for (size_t i = 0; i < k; i++)
		if (u == 0 || h[u - 1] != h[i])
			h[u++] = h[i];
	pre->hash = h;
	pre->n = u;
}

/* false: no vulnerable criterion can name a product of hash h. */
static bool prefilter_may(const ym_cpe_prefilter *pre, uint32_t h)
{
	if (pre->wild || !h)
		return true;
	size_t lo = 0, hi = pre->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (pre->hash[mid] == h)
			return true;
		if (pre->hash[mid] < h)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

int ym_cpe_config_build(const ym_cpe_criterion *rows, size_t n,
			ym_arena *a, ym_cpe_config *out, ym_err *err)
{
	memset(out, 0, sizeof *out);
	if (n == 0)
		return 0;
	rowref *ix = malloc(n * sizeof *ix);
	int rc = 0;
	if (!ix)
		return ym_err_set(err, YM_E_NOMEM, _("out of memory"));
	for (size_t i = 0; i < n; i++) {
		if (rows[i].config < 0 || rows[i].node < 0) {
			rc = bad_row(err, i, _("negative index"));
			goto out;
		}
		ix[i] = (rowref){rows[i].config, rows[i].node, i};
	}
	qsort(ix, n, sizeof *ix, rowref_cmp);

	/* shape: indices 0..n-1 without gaps, operators agree */
	size_t n_cfgs = 0, n_nodes = 0;
	for (size_t i = 0; i < n; i++) {
		const ym_cpe_criterion *r = &rows[ix[i].row];
		bool new_cfg = i == 0 || ix[i].config != ix[i - 1].config;
		bool new_node = new_cfg || ix[i].node != ix[i - 1].node;
		bool and_c = false, and_n = false;
		if ((rc = read_op(r->config_op, _("configuration"), ix[i].row,
				  &and_c, err)) ||
		    (rc = read_op(r->node_op, _("node"), ix[i].row, &and_n,
				  err)))
			goto out;
		if (new_cfg && ix[i].config != (int)n_cfgs) {
			rc = bad_row(err, ix[i].row,
				     _("configuration %d follows %d"),
				     ix[i].config, (int)n_cfgs - 1);
			goto out;
		}
		if (new_node && ix[i].node != (new_cfg ? 0 : ix[i - 1].node + 1)) {
			rc = bad_row(err, ix[i].row,
				     _("node %d of configuration %d follows %d"),
				     ix[i].node, ix[i].config,
				     new_cfg ? -1 : ix[i - 1].node);
			goto out;
		}
		if (!new_cfg) {
			const ym_cpe_criterion *p = &rows[ix[i - 1].row];
			bool and_p = false;
			read_op(p->config_op, "", 0, &and_p, NULL);
			if (and_p != and_c) {
				rc = bad_row(err, ix[i].row,
					     _("configuration %d has two operators"),
					     ix[i].config);
				goto out;
			}
			read_op(p->node_op, "", 0, &and_p, NULL);
			if (!new_node && (and_p != and_n ||
					  p->node_negate != r->node_negate)) {
				rc = bad_row(err, ix[i].row,
					     _("node %d of configuration %d has "
					       "two operators or negate flags"),
					     ix[i].node, ix[i].config);
				goto out;
			}
		}
		n_cfgs += new_cfg;
		n_nodes += new_node;
	}

	ym_cpe_cfg *cfgs = ym_arena_zalloc(a, n_cfgs * sizeof *cfgs);
	ym_cpe_node *nodes = ym_arena_zalloc(a, n_nodes * sizeof *nodes);
	ym_cpe_crit *crit = ym_arena_zalloc(a, n * sizeof *crit);
	ym_cpe_cfg *cf = NULL;
	ym_cpe_node *nd = NULL;
	for (size_t i = 0; i < n; i++) {
		const ym_cpe_criterion *r = &rows[ix[i].row];
		if (!cf || ix[i].config != cf->index) {
			cf = cf ? cf + 1 : cfgs;
			cf->index = ix[i].config;
			read_op(r->config_op, "", 0, &cf->and_op, NULL);
			cf->nodes = nd ? nd + 1 : nodes;
			nd = NULL;
		}
		if (!nd || ix[i].node != nd->index) {
			nd = nd ? nd + 1 : (ym_cpe_node *)cf->nodes;
			nd->index = ix[i].node;
			read_op(r->node_op, "", 0, &nd->and_op, NULL);
			nd->negate = r->node_negate;
			nd->crit = &crit[i];
			cf->n_nodes++;
		}
		if ((rc = crit_build(r, ix[i].row, a, &crit[i], err)))
			goto out;
		nd->n_crit++;
		out->n_bad_bounds += crit[i].bad_bounds;
	}
	for (size_t i = 0; i < n_cfgs; i++) {
		size_t k = 0;
		for (size_t j = 0; j < cfgs[i].n_nodes; j++)
			k += cfgs[i].nodes[j].n_crit;
		prefilter_build(cfgs[i].nodes[0].crit, k, a, &cfgs[i].pre);
	}
	prefilter_build(crit, n, a, &out->pre);
	out->cfgs = cfgs;
	out->n_cfgs = n_cfgs;
	out->n_crit = n;
out:
	free(ix);
	if (rc)
		memset(out, 0, sizeof *out);
	return rc;
}

/* --- Subjects --- */

/* Where the unquoted wildcards of a WFN value are. */
static void wild_shape(const char *s, uint32_t len, bool *lead,
		       bool *trail_star, int *count)
{
	*lead = *trail_star = false;
	*count = 0;
	for (uint32_t i = 0; i < len; i++) {
		if (s[i] == '\\') {
			i++;
			continue;
		}
		if (s[i] == '*' || s[i] == '?') {
			(*count)++;
			if (i == 0)
				*lead = true;
			if (i == len - 1 && s[i] == '*')
				*trail_star = true;
		}
	}
}

/* Fills prefix/vraw/vwfn/vbad from the version attribute. */
static void subject_version(ym_cpe_subject *s, ym_arena *a)
{
	const ym_cpe_av *v = &s->cpe.av[YM_CPE_VERSION];
	s->prefix = s->vbad = false;
	s->vraw = s->vwfn = NULL;
	s->vwfn_len = 0;
	if (v->kind != YM_CPE_VALUE)
		return;
	uint32_t len = v->len;
	if (v->wild) {
		bool lead, trail;
		int count;
		wild_shape(v->s, v->len, &lead, &trail, &count);
		if (lead || !trail || count != 1 || len < 2) {
			s->vbad = true;
			return;
		}
		s->prefix = true;
		len--;
		/* "2\.14\.*" is the prefix "2\.14" */
		while (len >= 2 && v->s[len - 1] == '.' &&
		       v->s[len - 2] == '\\')
			len -= 2;
		if (len == 0) {
			s->vbad = true;
			return;
		}
	}
	s->vwfn = ym_arena_strndup(a, v->s, len);
	s->vwfn_len = len;
	ym_buf b = YM_BUF_INIT;
	ym_cpe_unquote(s->vwfn, &b);
	s->vraw = ym_arena_strdup(a, b.ptr);
	ym_buf_release(&b);
}

/* Inventory version text into the version attribute. */
static int set_version(ym_cpe_subject *s, const char *raw, ym_arena *a,
		       ym_err *err)
{
	if (!raw || !*raw || strcmp(raw, "*") == 0)
		return 0;
	if (strcmp(raw, "-") == 0) {
		s->cpe.av[YM_CPE_VERSION] =
			(ym_cpe_av){.kind = YM_CPE_NA};
		return 0;
	}
	size_t n = strlen(raw);
	bool prefix = false;
	while (n && raw[n - 1] == '*') {
		n--;
		prefix = true;
	}
	while (prefix && n && raw[n - 1] == '.')
		n--;
	if (n == 0)
		return 0; /* "*", ".*": any version */
	char *t = ym_arena_strndup(a, raw, n);
	ym_buf q = YM_BUF_INIT;
	int rc = ym_cpe_quote(t, &q, err);
	if (!rc && prefix)
		rc = ym_buf_addc(&q, '*');
	if (!rc)
		rc = ym_cpe_set(&s->cpe, YM_CPE_VERSION, q.ptr, a, err);
	ym_buf_release(&q);
	return rc;
}

static void subject_finish(ym_cpe_subject *s, ym_arena *a)
{
	ym_buf b = YM_BUF_INIT;
	ym_cpe_bind_fs(&s->cpe, &b);
	s->text = ym_arena_strdup(a, b.ptr);
	ym_buf_release(&b);
	subject_version(s, a);
	s->has_num = s->vraw && numkey_parse(s->vraw, &s->num);
	s->phash = value_hash(&s->cpe.av[YM_CPE_PRODUCT]);
	s->n_cache = s->next_slot = 0;
}

/* Inventories write "cpe:2.3:o:debian:debian_linux:12": the components
 * left out are ANY, as in a URI. */
static const char *pad_fs(const char *cpe, ym_arena *a)
{
	if (strncmp(cpe, "cpe:2.3:", 8) != 0)
		return cpe;
	int colons = 0;
	for (const char *p = cpe; *p; p++) {
		if (*p == '\\' && p[1])
			p++;
		else if (*p == ':')
			colons++;
	}
	if (colons >= 12 || colons < 3)
		return cpe;
	size_t n = strlen(cpe);
	char *o = ym_arena_alloc(a, n + 2 * (size_t)(12 - colons) + 1);
	memcpy(o, cpe, n);
	for (; colons < 12; colons++) {
		o[n++] = ':';
		o[n++] = '*';
	}
	o[n] = '\0';
	return o;
}

int ym_cpe_subject_from_cpe(ym_cpe_subject *s, const char *cpe,
			    const char *version, ym_arena *a, ym_err *err)
{
	memset(s, 0, sizeof *s);
	s->origin = YM_CPE_FROM_CPE;
	if (!cpe)
		return ym_err_set(err, YM_E_INVALID, _("missing CPE"));
	int rc = ym_cpe_parse(pad_fs(cpe, a), a, &s->cpe, err);
	if (!rc && s->cpe.av[YM_CPE_VERSION].kind == YM_CPE_ANY)
		rc = set_version(s, version, a, err);
	if (rc)
		return rc;
	subject_finish(s, a);
	return 0;
}

static int set_raw(ym_cpe *c, ym_cpe_attr at, const char *raw, ym_arena *a,
		   ym_err *err)
{
	ym_buf q = YM_BUF_INIT;
	int rc = ym_cpe_quote(raw, &q, err);
	if (!rc)
		rc = ym_cpe_set(c, at, q.ptr, a, err);
	ym_buf_release(&q);
	return rc;
}

int ym_cpe_subject_from_name(ym_cpe_subject *s, const char *vendor,
			     const char *product, const char *version,
			     bool normalised, ym_arena *a, ym_err *err)
{
	memset(s, 0, sizeof *s);
	ym_cpe_init(&s->cpe);
	s->origin = normalised ? YM_CPE_FROM_NORMALISED : YM_CPE_FROM_NAME;
	if (!product || !*product)
		return ym_err_set(err, YM_E_INVALID,
				  _("a component without CPE needs a product "
				    "name"));
	int rc = 0;
	if (vendor && *vendor)
		rc = set_raw(&s->cpe, YM_CPE_VENDOR, vendor, a, err);
	if (!rc)
		rc = set_raw(&s->cpe, YM_CPE_PRODUCT, product, a, err);
	if (!rc)
		rc = set_version(s, version, a, err);
	if (rc)
		return rc;
	subject_finish(s, a);
	return 0;
}

/* The subject's version parsed in scheme sc, or NULL if it cannot be. */
static const ym_version *subject_parsed(ym_cpe_subject *s, ym_scheme sc)
{
	for (unsigned i = 0; i < s->n_cache; i++)
		if (s->cache[i].scheme == sc)
			return s->cache[i].ok ? &s->cache[i].v : NULL;
	unsigned i;
	if (s->n_cache < YM_CPE_SUBJECT_CACHE)
		i = s->n_cache++;
	else
		i = s->next_slot++ % YM_CPE_SUBJECT_CACHE;
	s->cache[i].scheme = sc;
	s->cache[i].ok = s->vraw &&
			 ym_version_parse(sc, s->vraw, &s->cache[i].v, NULL) == 0;
	return s->cache[i].ok ? &s->cache[i].v : NULL;
}

/* --- Evaluation --- */

/* Kleene's three values: AND is min, OR is max, NOT is 2 - x. */
typedef enum tri { T_NO = 0, T_UNK = 1, T_YES = 2 } tri;

static bool covers(const ym_cpe_av *crit, const ym_cpe_av *target)
{
	ym_cpe_rel r = ym_cpe_compare_av(crit, target);
	return r == YM_CPE_SUPERSET || r == YM_CPE_EQUAL;
}

/* s starts with p (n bytes), case aside, and goes on with no letter or
 * digit ("2\.14\.1" and "2.14-rc1" start with "2.14"; "2.140" does not). */
static bool starts_at_boundary(const char *s, size_t sn, const char *p,
			       size_t n)
{
	return sn >= n && same_ci(s, p, n) &&
	       (sn == n || !is_alnum((unsigned char)s[n]));
}

/* Length of a WFN version without trailing "\.0", "\.00", ... groups. */
static uint32_t strip_zeros(const char *s, uint32_t n)
{
	for (;;) {
		uint32_t k = n;
		while (k > 0 && s[k - 1] == '0')
			k--;
		if (k == n || k < 2 || s[k - 1] != '.' || s[k - 2] != '\\')
			return n;
		n = k - 2;
	}
}

/* "10" and "10\.0" name the same release (NVD writes debian_linux 10.0). */
static bool zero_equiv(const ym_cpe_av *a, const ym_cpe_av *b)
{
	uint32_t an = strip_zeros(a->s, a->len), bn = strip_zeros(b->s, b->len);
	return an == bn && an > 0 && same_ci(a->s, b->s, an);
}

/* One bound against a version: the parsed one, or (fallback) the raw
 * text compared generically. false: cannot be compared. */
static bool bound_cmp(const ym_cpe_crit *c, int b, const ym_version *v,
		      const char *raw, int *out)
{
	if (v && c->parsed[b]) {
		*out = ym_version_cmp_parsed(v, c->parsed[b]);
		return true;
	}
	if (v) /* a bound kept as numbers only: same scheme, from text */
		return ym_version_cmp(c->scheme, raw, c->bound[b], out,
				      NULL) == 0;
	return ym_version_cmp(YM_SCHEME_GENERIC, raw, c->bound[b], out,
			      NULL) == 0;
}

static tri by_bounds(const ym_cpe_crit *c, ym_cpe_subject *s, unsigned *why,
		     ym_cpe_bound *bound)
{
	const ym_version *v = NULL;
	/* dotted digits under the generic scheme: compared as numbers */
	bool fast = s->has_num && c->scheme == YM_SCHEME_GENERIC;
	for (int b = YM_CPE_START_INCLUDING; fast && b <= YM_CPE_END_EXCLUDING;
	     b++)
		fast = !c->bound[b] || c->num[b];
	if (!fast)
		v = subject_parsed(s, c->scheme);
	if (!fast && !v) {
		if (c->scheme == YM_SCHEME_GENERIC)
			return T_NO;
		*why |= YM_CPE_WHY_SCHEME_FALLBACK;
	}
	ym_cpe_bound ok_end = YM_CPE_BOUND_NONE, ok_start = YM_CPE_BOUND_NONE;
	size_t pn = s->prefix ? strlen(s->vraw) : 0;
	for (int b = YM_CPE_START_INCLUDING; b <= YM_CPE_END_EXCLUDING; b++) {
		int cmp;
		if (!c->bound[b])
			continue;
		if (fast)
			cmp = numkey_cmp(&s->num, c->num[b]);
		else if (!bound_cmp(c, b, v, s->vraw, &cmp))
			return T_NO;
		bool in;
		switch (b) {
		case YM_CPE_START_INCLUDING: in = cmp >= 0; break;
		case YM_CPE_START_EXCLUDING: in = cmp > 0; break;
		case YM_CPE_END_INCLUDING: in = cmp <= 0; break;
		default: in = cmp < 0; break;
		}
		/* a prefix stands for the versions that start with it: a
		 * start bound among them leaves some inside */
		if (!in && s->prefix && b <= YM_CPE_START_EXCLUDING)
			in = starts_at_boundary(c->bound[b],
						strlen(c->bound[b]), s->vraw,
						pn);
		if (!in)
			return T_NO;
		if (b >= YM_CPE_END_INCLUDING)
			ok_end = (ym_cpe_bound)b;
		else
			ok_start = (ym_cpe_bound)b;
	}
	if (s->prefix)
		*why |= YM_CPE_WHY_VERSION_PREFIX;
	*bound = ok_end ? ok_end : ok_start;
	return T_YES;
}

/* A prefix subject against a criteria's version value. */
static bool prefix_match(const ym_cpe_av *kv, const ym_cpe_subject *s)
{
	uint32_t kn = kv->len;
	if (kv->wild) {
		bool lead, trail;
		int count;
		wild_shape(kv->s, kv->len, &lead, &trail, &count);
		if (lead || !trail || count != 1)
			return false;
		kn--;
		/* two prefixes: either may be the longer */
		if (starts_at_boundary(s->vwfn, s->vwfn_len, kv->s, kn))
			return true;
	}
	return starts_at_boundary(kv->s, kn, s->vwfn, s->vwfn_len);
}

/* The version attribute of criterion c against subject s. plat: s is a
 * platform, for which a missing version is UNKNOWN rather than NO. */
static tri version_match(const ym_cpe_crit *c, ym_cpe_subject *s, bool plat,
			 unsigned *why, ym_cpe_bound *bound)
{
	const ym_cpe_av *kv = &c->cpe.av[YM_CPE_VERSION];
	const ym_cpe_av *tv = &s->cpe.av[YM_CPE_VERSION];
	tri unknown = plat ? T_UNK : T_NO;
	if (c->bounded) {
		if (c->bad_bounds || tv->kind == YM_CPE_NA || s->vbad)
			return T_NO;
		if (tv->kind == YM_CPE_ANY)
			return unknown;
		return by_bounds(c, s, why, bound);
	}
	switch (kv->kind) {
	case YM_CPE_ANY:
		return T_YES;
	case YM_CPE_NA:
		/* a running-on platform "-" is any version of it */
		if ((plat && !c->vulnerable) || tv->kind == YM_CPE_NA)
			return T_YES;
		return tv->kind == YM_CPE_ANY ? unknown : T_NO;
	case YM_CPE_VALUE:
		break;
	}
	if (tv->kind == YM_CPE_ANY)
		return unknown;
	if (tv->kind == YM_CPE_NA || s->vbad)
		return T_NO;
	if (s->prefix) {
		if (!prefix_match(kv, s))
			return T_NO;
		*why |= YM_CPE_WHY_VERSION_PREFIX;
		return T_YES;
	}
	if (covers(kv, tv)) {
		if (kv->wild)
			*why |= YM_CPE_WHY_CRITERIA_WILDCARD;
		return T_YES;
	}
	return !kv->wild && zero_equiv(kv, tv) ? T_YES : T_NO;
}

/* A platform family criterion (microsoft:windows) against a product. */
static bool family_match(const ym_cpe_crit *c, const ym_cpe_av *p)
{
	if (p->kind != YM_CPE_VALUE || p->wild)
		return false;
	if (av_is(&c->cpe.av[YM_CPE_VENDOR], "microsoft"))
		return av_is(p, "windows") ||
		       (p->len > 8 && same_ci(p->s, "windows_", 8));
	return av_is(p, "macos") || av_is(p, "mac_os_x") || av_is(p, "mac_os");
}

/* Criterion c against one subject: the component (plat false) or a
 * platform. */
static tri crit_match(const ym_cpe_crit *c, ym_cpe_subject *s, bool plat,
		      unsigned *why, ym_cpe_bound *bound)
{
	const ym_cpe *k = &c->cpe, *t = &s->cpe;
	/* two plain products that differ: most pairs end here */
	if (c->phash != s->phash && c->phash && s->phash)
		return T_NO;
	/* part, vendor and product first: they differ most often */
	if (t->av[YM_CPE_PART].kind != YM_CPE_ANY &&
	    !covers(&k->av[YM_CPE_PART], &t->av[YM_CPE_PART]))
		return T_NO;
	if (!(t->av[YM_CPE_VENDOR].kind == YM_CPE_ANY &&
	      s->origin != YM_CPE_FROM_CPE) &&
	    !covers(&k->av[YM_CPE_VENDOR], &t->av[YM_CPE_VENDOR]))
		return T_NO;
	if (plat && c->family) {
		if (!family_match(c, &t->av[YM_CPE_PRODUCT]))
			return T_NO;
	} else if (!covers(&k->av[YM_CPE_PRODUCT], &t->av[YM_CPE_PRODUCT])) {
		return T_NO;
	}
	unsigned w = 0;
	for (int i = YM_CPE_UPDATE; i < YM_CPE_NATTR; i++) {
		const ym_cpe_av *ka = &k->av[i], *ta = &t->av[i];
		if (ta->kind == YM_CPE_ANY) {
			/* not given: taken as matching; an update, edition or
			 * software edition the criteria names lowers it */
			if (ka->kind == YM_CPE_VALUE &&
			    (i == YM_CPE_UPDATE || i == YM_CPE_EDITION ||
			     i == YM_CPE_SW_EDITION))
				w |= YM_CPE_WHY_UNSPECIFIED;
			continue;
		}
		if (!covers(ka, ta))
			return T_NO;
	}
	ym_cpe_bound b = YM_CPE_BOUND_NONE;
	tri v = version_match(c, s, plat, &w, &b);
	if (v == T_YES) {
		*why |= w;
		*bound = b;
	}
	return v;
}

/* What one criterion did, kept when it is the best so far. */
typedef struct hit {
	const ym_cpe_crit *crit;
	const ym_cpe_node *node;
	unsigned why;
	ym_cpe_confidence conf;
	ym_cpe_bound bound;
} hit;

typedef struct plat {
	const ym_cpe_crit *yes, *unk, *no; /* first of each outcome */
	int yes_index;
} plat;

static ym_cpe_confidence conf_of(unsigned why)
{
	if (why & (YM_CPE_WHY_UNPARSED | YM_CPE_WHY_NAME_ONLY |
		   YM_CPE_WHY_NORMALISED))
		return YM_CPE_CONF_LOW;
	return why ? YM_CPE_CONF_MEDIUM : YM_CPE_CONF_HIGH;
}

static tri platforms_match(const ym_cpe_crit *c, ym_cpe_subject *p, size_t n,
			   int *index)
{
	tri best = n ? T_NO : T_UNK;
	for (size_t i = 0; i < n; i++) {
		unsigned w = 0;
		ym_cpe_bound b;
		tri t = crit_match(c, &p[i], true, &w, &b);
		if (t == T_YES) {
			*index = (int)i;
			return T_YES;
		}
		if (t > best)
			best = t;
	}
	return best;
}

static void plat_merge(plat *pl, const plat *lp, bool negate)
{
	/* under negation a platform that fails the node satisfies it */
	const ym_cpe_crit *yes = negate ? lp->no : lp->yes;
	const ym_cpe_crit *no = negate ? lp->yes : lp->no;
	if (yes && !pl->yes) {
		pl->yes = yes;
		pl->yes_index = negate ? -1 : lp->yes_index;
	}
	if (lp->unk && !pl->unk)
		pl->unk = lp->unk;
	if (no && !pl->no)
		pl->no = no;
}

static tri node_eval(const ym_cpe_node *nd, ym_cpe_subject *comp,
		     ym_cpe_subject *plats, size_t n_plats, unsigned base_why,
		     hit *best, plat *out)
{
	tri acc = nd->and_op ? T_YES : T_NO;
	plat lp = {.yes_index = -1}, *pl = &lp;
	for (size_t i = 0; i < nd->n_crit; i++) {
		const ym_cpe_crit *c = &nd->crit[i];
		tri t = T_NO;
		if (c->vulnerable) {
			unsigned w = base_why;
			ym_cpe_bound b = YM_CPE_BOUND_NONE;
			if (crit_match(c, comp, false, &w, &b) == T_YES) {
				t = T_YES;
				if (c->unparsed)
					w |= YM_CPE_WHY_UNPARSED;
				ym_cpe_confidence cf = conf_of(w);
				if (!best->crit || cf > best->conf)
					*best = (hit){c, nd, w, cf, b};
			}
		}
		/* a vulnerable operating system or hardware criterion may
		 * be met by a platform (old "app AND os" configurations) */
		if (t != T_YES && (!c->vulnerable || c->platform_part)) {
			int idx = -1;
			t = platforms_match(c, plats, n_plats, &idx);
			if (t == T_YES && !pl->yes) {
				pl->yes = c;
				pl->yes_index = idx;
			} else if (t == T_UNK && !pl->unk) {
				pl->unk = c;
			} else if (t == T_NO && !pl->no) {
				pl->no = c;
			}
		}
		if (nd->and_op ? t < acc : t > acc)
			acc = t;
	}
	plat_merge(out, &lp, nd->negate);
	return nd->negate ? (tri)(T_YES - acc) : acc;
}

/* Ranks results: matched first, then confidence; unmatched with a
 * criterion naming the component above those without. */
static int rank(const ym_cpe_eval_result *r)
{
	if (r->matched)
		return 10 + (int)r->confidence;
	return r->crit ? 1 : 0;
}

static void cfg_eval(const ym_cpe_cfg *cf, ym_cpe_subject *comp,
		     ym_cpe_subject *plats, size_t n_plats,
		     ym_cpe_eval_result *r)
{
	unsigned base = comp->origin == YM_CPE_FROM_NAME ? YM_CPE_WHY_NAME_ONLY
			: comp->origin == YM_CPE_FROM_NORMALISED
				? YM_CPE_WHY_NORMALISED
				: 0;
	tri acc = cf->and_op ? T_YES : T_NO;
	hit best = {0};
	plat pl = {.yes_index = -1};
	memset(r, 0, sizeof *r);
	r->platform_index = -1;
	r->cfg = cf;
	/* without a criterion naming the component nothing can match */
	if (!prefilter_may(&cf->pre, comp->phash))
		return;
	for (size_t j = 0; j < cf->n_nodes; j++) {
		const ym_cpe_node *nd = &cf->nodes[j];
		hit h = {0};
		tri t = node_eval(nd, comp, plats, n_plats, base, &h, &pl);
		/* a criterion counts only where it makes the node hold */
		if (h.crit && !nd->negate && t != T_NO &&
		    (!best.crit || h.conf > best.conf))
			best = h;
		if (cf->and_op ? t < acc : t > acc)
			acc = t;
	}
	if (!best.crit)
		return;
	r->crit = best.crit;
	r->node = best.node;
	r->bound = best.bound;
	r->why = best.why;
	if (acc == T_NO) {
		r->bound = YM_CPE_BOUND_NONE;
		if (pl.no) {
			r->platform = YM_CPE_PLATFORM_FAILED;
			r->platform_crit = pl.no;
		}
		return;
	}
	r->matched = true;
	if (acc == T_UNK) {
		r->platform = YM_CPE_PLATFORM_UNCHECKED;
		r->platform_crit = pl.unk;
		r->why |= n_plats ? YM_CPE_WHY_PLATFORM_PARTIAL
				  : YM_CPE_WHY_PLATFORM_UNKNOWN;
	} else if (pl.yes) {
		r->platform = YM_CPE_PLATFORM_SATISFIED;
		r->platform_crit = pl.yes;
		r->platform_index = pl.yes_index;
	}
	r->confidence = conf_of(r->why);
}

bool ym_cpe_eval(const ym_cpe_config *cfg, ym_cpe_subject *component,
		 ym_cpe_subject *platforms, size_t n_platforms,
		 ym_cpe_eval_result *r)
{
	memset(r, 0, sizeof *r);
	r->platform_index = -1;
	if (!prefilter_may(&cfg->pre, component->phash))
		return false;
	/* evaluated into the spare of two: no copy per configuration */
	ym_cpe_eval_result buf[2];
	int best = -1, cur = 0, at = -1;
	for (size_t i = 0; i < cfg->n_cfgs; i++) {
		cfg_eval(&cfg->cfgs[i], component, platforms, n_platforms,
			 &buf[cur]);
		int k = rank(&buf[cur]);
		if (k > best) {
			best = k;
			at = cur;
			cur ^= 1;
		}
	}
	if (at >= 0)
		*r = buf[at];
	if (!r->matched) {
		r->confidence = YM_CPE_CONF_NONE;
		if (!r->crit)
			r->cfg = NULL;
	}
	return r->matched;
}

/* --- Names --- */

const char *ym_cpe_confidence_name(ym_cpe_confidence c)
{
	switch (c) {
	case YM_CPE_CONF_LOW: return "low";
	case YM_CPE_CONF_MEDIUM: return "medium";
	case YM_CPE_CONF_HIGH: return "high";
	case YM_CPE_CONF_NONE: break;
	}
	return "none";
}

const char *ym_cpe_platform_check_name(ym_cpe_platform_check p)
{
	switch (p) {
	case YM_CPE_PLATFORM_SATISFIED: return "satisfied";
	case YM_CPE_PLATFORM_UNCHECKED: return "not_checked";
	case YM_CPE_PLATFORM_FAILED: return "failed";
	case YM_CPE_PLATFORM_NONE: break;
	}
	return "none";
}

static const char *const why_names[YM_CPE_WHY_COUNT_] = {
	"criterion_unparsed", "name_only",        "normalised_name",
	"version_prefix",     "criteria_wildcard", "attribute_unspecified",
	"platform_unknown",   "platform_version_unknown",
	"scheme_fallback"};

const char *ym_cpe_why_name(unsigned bit)
{
	for (int i = 0; i < YM_CPE_WHY_COUNT_; i++)
		if (bit == 1u << i)
			return why_names[i];
	return NULL;
}

/* --- Evidence --- */

static const char *origin_name(ym_cpe_origin o)
{
	return o == YM_CPE_FROM_NAME	   ? "name"
	       : o == YM_CPE_FROM_NORMALISED ? "normalised"
					     : "cpe";
}

static void crit_json(ym_jsonw *w, const ym_cpe_crit *c, bool full)
{
	ym_jsonw_obj_begin(w);
	ym_jsonw_kint(w, "row", (int64_t)c->row);
	ym_jsonw_kint(w, "config", c->config);
	ym_jsonw_kint(w, "node", c->node);
	ym_jsonw_kstr(w, "criteria", c->criteria);
	ym_jsonw_kbool(w, "vulnerable", c->vulnerable);
	if (c->match_id)
		ym_jsonw_kstr(w, "match_id", c->match_id);
	if (full) {
		bool any = false;
		for (int b = YM_CPE_START_INCLUDING; b <= YM_CPE_END_EXCLUDING;
		     b++) {
			if (!c->bound[b])
				continue;
			if (!any)
				ym_jsonw_key(w, "bounds");
			if (!any)
				ym_jsonw_obj_begin(w);
			any = true;
			ym_jsonw_kstr(w, ym_cpe_bound_name(b), c->bound[b]);
		}
		if (any)
			ym_jsonw_obj_end(w);
		if (c->bounded)
			ym_jsonw_kstr(w, "scheme", ym_scheme_name(c->scheme));
		ym_jsonw_kbool(w, "unparsed", c->unparsed);
		if (c->text)
			ym_jsonw_kstr(w, "text", c->text);
	}
	ym_jsonw_obj_end(w);
}

void ym_cpe_eval_evidence(const ym_cpe_eval_result *r,
			  const ym_cpe_subject *component,
			  const ym_cpe_subject *platforms, ym_jsonw *w)
{
	ym_jsonw_obj_begin(w);
	ym_jsonw_kstr(w, "method", "cpe_configuration");
	ym_jsonw_kbool(w, "matched", r->matched);
	ym_jsonw_kstr(w, "confidence", ym_cpe_confidence_name(r->confidence));
	ym_jsonw_key(w, "why");
	ym_jsonw_arr_begin(w);
	for (int i = 0; i < YM_CPE_WHY_COUNT_; i++)
		if (r->why & (1u << i))
			ym_jsonw_str(w, why_names[i]);
	ym_jsonw_arr_end(w);
	if (r->cfg) {
		ym_jsonw_kint(w, "config", r->cfg->index);
		ym_jsonw_kstr(w, "config_op", r->cfg->and_op ? "AND" : "OR");
	}
	if (r->node) {
		ym_jsonw_kint(w, "node", r->node->index);
		ym_jsonw_kstr(w, "node_op", r->node->and_op ? "AND" : "OR");
		ym_jsonw_kbool(w, "negate", r->node->negate);
	}
	if (r->crit) {
		ym_jsonw_key(w, "criterion");
		crit_json(w, r->crit, true);
		if (r->bound)
			ym_jsonw_kstr(w, "bound", ym_cpe_bound_name(r->bound));
	}
	if (component) {
		ym_jsonw_key(w, "component");
		ym_jsonw_obj_begin(w);
		ym_jsonw_kstr(w, "cpe", component->text);
		ym_jsonw_kstr(w, "origin", origin_name(component->origin));
		if (component->vraw)
			ym_jsonw_kstr(w, "version", component->vraw);
		if (component->prefix)
			ym_jsonw_kbool(w, "version_prefix", true);
		ym_jsonw_obj_end(w);
	}
	ym_jsonw_key(w, "platform");
	ym_jsonw_obj_begin(w);
	ym_jsonw_kstr(w, "check", ym_cpe_platform_check_name(r->platform));
	if (r->platform_crit) {
		ym_jsonw_key(w, "criterion");
		crit_json(w, r->platform_crit, false);
	}
	if (r->platform_index >= 0 && platforms)
		ym_jsonw_kstr(w, "cpe", platforms[r->platform_index].text);
	ym_jsonw_obj_end(w);
	ym_jsonw_obj_end(w);
}
