/* vers.c - the "vers" version range specifier of the purl project:
 * vers:<scheme>/<constraint>|<constraint>|...
 *
 * A constraint is an optional comparator (= != < <= > >=, none meaning =)
 * and a percent-encoded version, or "*" alone for every version. White
 * space anywhere is ignored. Versions must be valid in the scheme and
 * unique. Containment follows the specification's procedure: a version
 * equal to a constraint's version is decided by that comparator; "=" and
 * "!=" constraints are then set aside and the remaining ones, sorted by
 * version, are read pairwise as the intervals they bound.
 *
 * A draft revision of the specification groups constraints with "&"
 * (all must hold) and "," (any group may hold); such ranges are accepted
 * and each group is evaluated as the intersection of its comparators.
 */
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/i18n.h"
#include "version/version.h"

#define VERS_MAX 64      /* constraints in one range */
#define VERS_TEXT 4096   /* bytes of constraint text after blanks go */

enum { OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE, OP_ANY };

static const char *const op_text[] = {"", "!=", "<", "<=", ">", ">=", "*"};

typedef struct constraint {
	int op;
	char *version; /* decoded, points into the work buffer */
	int group;     /* draft syntax: which ","-separated group */
} constraint;

typedef struct vers {
	ym_scheme scheme;
	char scheme_name[32];
	constraint c[VERS_MAX];
	size_t n;
	bool draft; /* "&" / "," grouping */
	char text[VERS_TEXT];
} vers;

static int vers_error(ym_err *err, const char *range, const char *why)
{
	return ym_err_set(err, YM_E_INVALID, _("invalid range '%s': %s"),
			  range, why);
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decodes %XX in place; false on a bad escape. */
static bool decode(char *s)
{
	char *o = s;
	for (char *p = s; *p; p++) {
		if (*p == '%') {
			int h = hexval(p[1]), l = h < 0 ? -1 : hexval(p[2]);
			if (h < 0 || l < 0)
				return false;
			*o++ = (char)(h * 16 + l);
			p += 2;
		} else {
			*o++ = *p;
		}
	}
	*o = '\0';
	return true;
}

/* vers scheme names, including the aliases the specification lists. */
static ym_scheme vers_scheme(const char *name)
{
	static const struct {
		const char *name;
		const char *as;
	} alias[] = {
		{"debian", "deb"}, {"ubuntu", "deb"}, {"alpine", "apk"},
		{"golang", "golang"}, {"go", "golang"}, {"rubygems", "gem"},
		{"crates", "cargo"}, {"node-semver", "npm"},
	};
	for (size_t i = 0; i < sizeof alias / sizeof alias[0]; i++)
		if (strcmp(name, alias[i].name) == 0)
			return ym_scheme_from_name(alias[i].as);
	return ym_scheme_from_name(name);
}

static int parse_op(const char *s, size_t *len)
{
	static const struct {
		const char *t;
		int op;
	} ops[] = {{"!=", OP_NE}, {"<=", OP_LE}, {">=", OP_GE},
		   {"<", OP_LT},  {">", OP_GT},  {"=", OP_EQ}};
	for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
		size_t n = strlen(ops[i].t);
		if (strncmp(s, ops[i].t, n) == 0) {
			*len = n;
			return ops[i].op;
		}
	}
	*len = 0;
	return OP_EQ;
}

static int parse_vers(const char *range, vers *v, ym_err *err)
{
	memset(v, 0, sizeof *v);
	if (strncmp(range, "vers:", 5) != 0)
		return vers_error(err, range, _("missing 'vers:' scheme"));
	const char *slash = strchr(range + 5, '/');
	size_t sn = slash ? (size_t)(slash - range - 5) : 0;
	if (!slash || sn == 0 || sn >= sizeof v->scheme_name)
		return vers_error(err, range,
				  _("missing versioning scheme"));
	for (size_t i = 0; i < sn; i++) {
		char c = range[5 + i];
		v->scheme_name[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	v->scheme = vers_scheme(v->scheme_name);
	if (v->scheme == YM_SCHEME_UNKNOWN)
		return ym_err_set(err, YM_E_INVALID,
				  _("invalid range '%s': unknown versioning "
				    "scheme '%s'"),
				  range, v->scheme_name);
	/* copy without white space */
	size_t n = 0;
	for (const char *p = slash + 1; *p; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			continue;
		if (n + 1 >= sizeof v->text)
			return vers_error(err, range, _("range too long"));
		v->text[n++] = *p;
	}
	v->text[n] = '\0';
	if (n == 0)
		return vers_error(err, range, _("no constraints"));
	v->draft = strchr(v->text, '&') || strchr(v->text, ',');
	if (v->draft && strchr(v->text, '|'))
		return vers_error(err, range,
				  _("'|' cannot be mixed with '&' and ','"));
	int group = 0;
	char *p = v->text;
	for (;;) {
		char *end = p + strcspn(p, v->draft ? "&," : "|");
		char sep = *end;
		*end = '\0';
		if (!*p)
			return vers_error(err, range, _("empty constraint"));
		if (v->n == VERS_MAX)
			return vers_error(err, range, _("too many constraints"));
		constraint *c = &v->c[v->n++];
		c->group = group;
		if (strcmp(p, "*") == 0) {
			c->op = OP_ANY;
		} else {
			size_t ol;
			c->op = parse_op(p, &ol);
			c->version = p + ol;
			if (!*c->version || !decode(c->version))
				return vers_error(err, range,
						  _("constraint without a "
						    "valid version"));
			ym_err verr = YM_ERR_INIT;
			if (ym_version_check(v->scheme, c->version, &verr))
				return ym_err_set(err, YM_E_INVALID, "%s",
						  verr.msg);
		}
		if (!sep)
			break;
		if (sep == ',')
			group++;
		p = end + 1;
	}
	if (v->n > 1)
		for (size_t i = 0; i < v->n; i++)
			if (v->c[i].op == OP_ANY)
				return vers_error(err, range,
						  _("'*' must be the only "
						    "constraint"));
	return 0;
}

static int cmpv(const vers *v, const char *a, const char *b)
{
	int r = 0;
	ym_version_cmp(v->scheme, a, b, &r, NULL); /* both validated */
	return r;
}

static bool holds(int op, int c) /* c = cmp(version, constraint) */
{
	switch (op) {
	case OP_EQ: return c == 0;
	case OP_NE: return c != 0;
	case OP_LT: return c < 0;
	case OP_LE: return c <= 0;
	case OP_GT: return c > 0;
	case OP_GE: return c >= 0;
	default: return true;
	}
}

/* Insertion sort by version: at most VERS_MAX items, and unlike qsort it
 * can carry the scheme without global state. */
static void sort_constraints(const vers *v, constraint *c, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		constraint x = c[i];
		size_t j = i;
		while (j > 0 && cmpv(v, c[j - 1].version, x.version) > 0) {
			c[j] = c[j - 1];
			j--;
		}
		c[j] = x;
	}
}

/* The specification's procedure for '|'-separated constraints. */
static bool contains_classic(const vers *v, const char *version)
{
	if (v->n == 1 && v->c[0].op == OP_ANY)
		return true;
	constraint rest[VERS_MAX];
	size_t m = 0;
	for (size_t i = 0; i < v->n; i++) {
		int c = cmpv(v, version, v->c[i].version);
		if (c == 0) {
			if (v->c[i].op == OP_EQ || v->c[i].op == OP_LE ||
			    v->c[i].op == OP_GE)
				return true;
			if (v->c[i].op == OP_NE)
				return false;
		}
		if (v->c[i].op != OP_EQ && v->c[i].op != OP_NE)
			rest[m++] = v->c[i];
	}
	if (m == 0)
		return false;
	sort_constraints(v, rest, m);
	if (m == 1) {
		int c = cmpv(v, version, rest[0].version);
		return holds(rest[0].op, c);
	}
	for (size_t i = 0; i + 1 < m; i++) {
		const constraint *cur = &rest[i], *next = &rest[i + 1];
		bool cur_lower = cur->op == OP_LT || cur->op == OP_LE;
		bool next_upper = next->op == OP_GT || next->op == OP_GE;
		if (i == 0 && cur_lower &&
		    cmpv(v, version, cur->version) < 0)
			return true;
		if (i + 2 == m && next_upper &&
		    cmpv(v, version, next->version) > 0)
			return true;
		if ((cur->op == OP_GT || cur->op == OP_GE) &&
		    (next->op == OP_LT || next->op == OP_LE) &&
		    cmpv(v, version, cur->version) > 0 &&
		    cmpv(v, version, next->version) < 0)
			return true;
	}
	return false;
}

static bool contains_draft(const vers *v, const char *version)
{
	int groups = v->c[v->n - 1].group + 1;
	for (int g = 0; g < groups; g++) {
		bool all = true;
		for (size_t i = 0; i < v->n && all; i++) {
			if (v->c[i].group != g || v->c[i].op == OP_ANY)
				continue;
			all = holds(v->c[i].op,
				    cmpv(v, version, v->c[i].version));
		}
		if (all)
			return true;
	}
	return false;
}

int ym_vers_contains(const char *range, const char *version, bool *out,
		     ym_err *err)
{
	vers v; /* about 5 KiB: fine on the stack, no allocation to fail */
	int rc = parse_vers(range, &v, err);
	if (!rc)
		rc = ym_version_check(v.scheme, version, err);
	if (!rc)
		*out = v.draft ? contains_draft(&v, version)
			       : contains_classic(&v, version);
	return rc;
}

/* Percent-encodes what would read back differently: separators, '%',
 * blanks and bytes outside printable ASCII anywhere, and a leading
 * comparator character or "*" (a version "=1" must not become the
 * operator, nor "*" the match-all constraint). */
static void put_version(ym_buf *out, const char *v)
{
	static const char hex[] = "0123456789ABCDEF";
	for (const unsigned char *p = (const unsigned char *)v; *p; p++) {
		bool lead = p == (const unsigned char *)v &&
			    (*p == '=' || *p == '!' || *p == '<' || *p == '>' ||
			     *p == '*');
		if (lead || *p <= ' ' || *p >= 0x7f || *p == '%' || *p == '|' ||
		    *p == ',' || *p == '&') {
			ym_buf_addc(out, '%');
			ym_buf_addc(out, hex[*p >> 4]);
			ym_buf_addc(out, hex[*p & 15]);
		} else {
			ym_buf_addc(out, (char)*p);
		}
	}
}

int ym_vers_canonical(const char *range, ym_buf *out, ym_err *err)
{
	vers vv, *v = &vv;
	int rc = parse_vers(range, v, err);
	if (rc)
		goto done;
	size_t start = out->len;
	ym_buf_printf(out, "vers:%s/", v->scheme_name);
	size_t body = out->len;
	if (!(v->n == 1 && v->c[0].op == OP_ANY) && !v->draft) {
		sort_constraints(v, v->c, v->n);
		for (size_t i = 1; i < v->n; i++)
			if (cmpv(v, v->c[i - 1].version, v->c[i].version) == 0) {
				rc = vers_error(err, range,
						_("a version appears twice"));
				goto done;
			}
	}
	for (size_t i = 0; i < v->n; i++) {
		if (i)
			ym_buf_addc(out, !v->draft ? '|'
					 : v->c[i].group != v->c[i - 1].group
						 ? ','
						 : '&');
		ym_buf_adds(out, op_text[v->c[i].op]);
		if (v->c[i].version)
			put_version(out, v->c[i].version);
	}
	/* percent-encoding can lengthen the text past what parse_vers
	 * takes back; such a form would not be canonical, so refuse it */
	if (!rc && out->len - body >= sizeof v->text) {
		ym_buf_truncate(out, start);
		rc = vers_error(err, range, _("range too long"));
	}
done:
	return rc;
}
