/* policy.c - loading the triage policy (YAML, libyaml event API) into a
 * ym_policy. The events become a small tree in the policy's arena (no
 * anchors or aliases, bounded depth and size), then a schema walk checks
 * every key and fills the plain structs of policy.h. Problems are
 * collected with their position, sorted, and reported in file order.
 * Evaluation is in policy_eval.c; the format is in docs/policy.md. */
#include "risk/policy.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "core/embedded.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "risk/policy_int.h"

#define MAX_DEPTH 32
#define MAX_NODES 100000
#define MAX_ERRORS 100
#define MAX_TEXT 4096      /* bytes in one text value */
#define PATH_MAX_LEN 200

/* ---- the tree ---- */

enum { N_SCALAR, N_SEQ, N_MAP };

typedef struct pnode pnode;
struct pnode {
	int kind;
	const char *s;   /* N_SCALAR: the text (NUL-terminated copy) */
	size_t len;      /* its length (may hold a NUL: rejected on use) */
	bool plain;      /* unquoted scalar */
	long line, col;  /* 1-based, column in bytes */
	pnode *first, *last, *next; /* children; maps: key, value, ... */
	size_t n;        /* number of children */
};

typedef struct lctx {
	ym_policy *p;
	ym_arena *a;
	const char *name;
	const char *text;
	size_t len;
	/* libyaml counts characters; cur_* walk the text to bytes */
	size_t cur_index, cur_byte, cur_line_start;
	ym_err *errs;    /* collected problems, MAX_ERRORS */
	int nerr;
	size_t nodes;
} lctx;

/* ---- problems ---- */

static void vproblem(lctx *c, int code, long line, long col, const char *path,
		     const char *fmt, va_list ap)
{
	if (c->nerr >= MAX_ERRORS)
		return;
	ym_err *e = &c->errs[c->nerr++];
	ym_err_clear(e);
	ym_err_setv(e, code, fmt, ap);
	ym_err_at(e, c->name, line, col);
	if (path && *path)
		ym_err_field(e, "%s", path);
}

static void bad(lctx *c, const pnode *n, const char *path, const char *fmt,
		...) __attribute__((format(printf, 4, 5)));
static void bad(lctx *c, const pnode *n, const char *path, const char *fmt,
		...)
{
	va_list ap;
	va_start(ap, fmt);
	vproblem(c, YM_E_INVALID, n ? n->line : 1, n ? n->col : 1, path, fmt,
		 ap);
	va_end(ap);
}

/* Converts a libyaml mark (characters) to a byte column, walking forward
 * from the last position asked for (marks mostly increase). */
static long byte_col(lctx *c, size_t index)
{
	if (index < c->cur_index) {
		c->cur_index = 0;
		c->cur_line_start = 0;
		c->cur_byte = 0;
		if (c->len >= 3 && memcmp(c->text, "\xEF\xBB\xBF", 3) == 0)
			c->cur_byte = c->cur_line_start = 3;
	}
	const unsigned char *t = (const unsigned char *)c->text;
	while (c->cur_index < index && c->cur_byte < c->len) {
		unsigned char ch = t[c->cur_byte];
		size_t w = ch < 0x80 ? 1 : ch < 0xE0 ? 2 : ch < 0xF0 ? 3 : 4;
		if (c->cur_byte + w > c->len)
			w = c->len - c->cur_byte;
		const unsigned char *u = t + c->cur_byte;
		/* libyaml's breaks: LF, CR, NEL, LS, PS */
		bool brk = ch == '\n' || ch == '\r' ||
			   (w == 2 && ch == 0xC2 && u[1] == 0x85) ||
			   (w == 3 && ch == 0xE2 && u[1] == 0x80 &&
			    (u[2] == 0xA8 || u[2] == 0xA9));
		c->cur_byte += w;
		c->cur_index++;
		if (brk)
			c->cur_line_start = c->cur_byte;
	}
	return (long)(c->cur_byte - c->cur_line_start) + 1;
}

/* Line and byte column of a byte offset (reader errors give bytes). */
static void offset_pos(lctx *c, size_t off, long *line, long *col)
{
	size_t start = 0;
	long ln = 1;
	if (off > c->len)
		off = c->len;
	for (size_t i = 0; i < off; i++)
		if (c->text[i] == '\n') {
			ln++;
			start = i + 1;
		}
	*line = ln;
	*col = (long)(off - start) + 1;
}

/* Key paths for messages; long ones are cut (vsnprintf, on purpose). */
static void pathf(char *buf, size_t cap, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void pathf(char *buf, size_t cap, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, cap, fmt, ap);
	va_end(ap);
}

/* ---- events to tree ---- */

static pnode *new_node(lctx *c, int kind, const yaml_mark_t *m)
{
	pnode *n = ym_arena_zalloc(c->a, sizeof *n);
	n->kind = kind;
	n->line = (long)m->line + 1;
	n->col = byte_col(c, m->index);
	c->nodes++;
	return n;
}

static void add_child(pnode *parent, pnode *kid)
{
	if (parent->last)
		parent->last->next = kid;
	else
		parent->first = kid;
	parent->last = kid;
	parent->n++;
}

static int syntax_error(lctx *c, const yaml_parser_t *ps)
{
	long line, col;
	const char *problem = ps->problem ? ps->problem : "unknown problem";
	if (c->nerr >= MAX_ERRORS)
		c->nerr = MAX_ERRORS - 1;
	if (ps->error == YAML_MEMORY_ERROR) {
		ym_err_set(&c->errs[c->nerr++], YM_E_NOMEM, "out of memory");
		return YM_E_NOMEM;
	}
	if (ps->error == YAML_READER_ERROR) {
		offset_pos(c, ps->problem_offset, &line, &col);
		ym_err *e = &c->errs[c->nerr++];
		ym_err_clear(e);
		ym_err_set(e, YM_E_PARSE, _("invalid YAML: %s"), problem);
		ym_err_at(e, c->name, line, col);
		return YM_E_PARSE;
	}
	line = (long)ps->problem_mark.line + 1;
	col = byte_col(c, ps->problem_mark.index);
	ym_err *e = &c->errs[c->nerr++];
	ym_err_clear(e);
	if (ps->context)
		ym_err_set(e, YM_E_PARSE, _("invalid YAML: %s, %s"), problem,
			   ps->context);
	else
		ym_err_set(e, YM_E_PARSE, _("invalid YAML: %s"), problem);
	ym_err_at(e, c->name, line, col);
	return YM_E_PARSE;
}

/* Builds the tree of the single document; NULL root for an empty
 * stream. Returns 0 or an error code (recorded in c). */
static int build_tree(lctx *c, pnode **root)
{
	yaml_parser_t ps;
	yaml_event_t ev;
	pnode *stack[MAX_DEPTH + 1];
	int depth = 0, rc = 0, docs = 0;
	bool done = false;
	*root = NULL;
	if (!yaml_parser_initialize(&ps)) {
		ym_err_set(&c->errs[c->nerr++], YM_E_NOMEM, "out of memory");
		return YM_E_NOMEM;
	}
	yaml_parser_set_input_string(&ps, (const unsigned char *)c->text,
				     c->len);
	yaml_parser_set_encoding(&ps, YAML_UTF8_ENCODING);
	while (!done) {
		if (!yaml_parser_parse(&ps, &ev)) {
			rc = syntax_error(c, &ps);
			break;
		}
		pnode *n = NULL;
		const char *anchor = NULL;
		switch (ev.type) {
		case YAML_DOCUMENT_START_EVENT:
			if (++docs > 1) {
				pnode at = {.line = (long)ev.start_mark.line +
						    1};
				at.col = byte_col(c, ev.start_mark.index);
				bad(c, &at, NULL,
				    _("only one YAML document is allowed"));
				rc = YM_E_INVALID;
				done = true;
			}
			break;
		case YAML_STREAM_END_EVENT:
			done = true;
			break;
		case YAML_ALIAS_EVENT: {
			pnode at = {.line = (long)ev.start_mark.line + 1};
			at.col = byte_col(c, ev.start_mark.index);
			bad(c, &at, NULL,
			    _("aliases (*%s) are not supported in a policy"),
			    (const char *)ev.data.alias.anchor);
			rc = YM_E_INVALID;
			done = true;
			break;
		}
		case YAML_SCALAR_EVENT:
			anchor = (const char *)ev.data.scalar.anchor;
			n = new_node(c, N_SCALAR, &ev.start_mark);
			n->len = ev.data.scalar.length;
			n->s = ym_arena_strndup(
				c->a, (const char *)ev.data.scalar.value,
				n->len);
			n->plain = ev.data.scalar.style ==
				   YAML_PLAIN_SCALAR_STYLE;
			break;
		case YAML_SEQUENCE_START_EVENT:
			anchor = (const char *)ev.data.sequence_start.anchor;
			n = new_node(c, N_SEQ, &ev.start_mark);
			break;
		case YAML_MAPPING_START_EVENT:
			anchor = (const char *)ev.data.mapping_start.anchor;
			n = new_node(c, N_MAP, &ev.start_mark);
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			if (depth > 0)
				depth--;
			break;
		default:
			break;
		}
		if (n && anchor) {
			bad(c, n, NULL,
			    _("anchors (&%s) are not supported in a policy"),
			    anchor);
			rc = YM_E_INVALID;
			done = true;
		} else if (n && c->nodes > MAX_NODES) {
			bad(c, n, NULL, _("too many YAML nodes (limit %d)"),
			    MAX_NODES);
			rc = YM_E_TOOBIG;
			c->errs[c->nerr - 1].code = YM_E_TOOBIG;
			done = true;
		} else if (n) {
			pnode *parent = depth ? stack[depth - 1] : NULL;
			if (!parent) {
				*root = n;
			} else {
				if (parent->kind == N_MAP &&
				    parent->n % 2 == 0 && n->kind != N_SCALAR) {
					bad(c, n, NULL,
					    _("a mapping key must be plain "
					      "text"));
					rc = YM_E_INVALID;
					done = true;
				}
				add_child(parent, n);
			}
			if (n->kind != N_SCALAR && !done) {
				if (depth == MAX_DEPTH) {
					bad(c, n, NULL,
					    _("nesting deeper than %d levels"),
					    MAX_DEPTH);
					rc = YM_E_TOOBIG;
					c->errs[c->nerr - 1].code =
						YM_E_TOOBIG;
					done = true;
				} else {
					stack[depth++] = n;
				}
			}
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&ps);
	return rc;
}

/* ---- scalar helpers ---- */

static bool is_null(const pnode *n)
{
	return n->kind == N_SCALAR && n->plain &&
	       (n->len == 0 || strcmp(n->s, "~") == 0 ||
		strcmp(n->s, "null") == 0 || strcmp(n->s, "Null") == 0 ||
		strcmp(n->s, "NULL") == 0);
}

static const char *kind_name(const pnode *n)
{
	if (n->kind == N_MAP)
		return _("a mapping");
	if (n->kind == N_SEQ)
		return _("a list");
	if (is_null(n))
		return _("nothing");
	return _("text");
}

/* A scalar with text (not null, no NUL byte, bounded). */
static const char *want_scalar(lctx *c, const pnode *n, const char *path,
			       const char *what)
{
	if (n->kind != N_SCALAR || is_null(n)) {
		bad(c, n, path, _("expected %s, got %s"), what, kind_name(n));
		return NULL;
	}
	if (strlen(n->s) != n->len) {
		bad(c, n, path, _("text contains a NUL character"));
		return NULL;
	}
	if (n->len > MAX_TEXT) {
		bad(c, n, path, _("text longer than %d bytes"), MAX_TEXT);
		return NULL;
	}
	return n->s;
}

/* Shortens user text for messages. */
static const char *quote(lctx *c, const char *s)
{
	size_t n = strlen(s);
	if (n <= 40)
		return s;
	size_t cut = 37;
	while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
		cut--;
	return ym_arena_printf(c->a, "%.*s...", (int)cut, s);
}

static bool get_string(lctx *c, const pnode *n, const char *path,
		       const char **out)
{
	const char *s = want_scalar(c, n, path, _("text"));
	if (!s)
		return false;
	*out = s;
	return true;
}

static bool get_text(lctx *c, const pnode *n, const char *path,
		     ym_policy_text *out);

static bool parse_int(const char *s, int64_t *out)
{
	const char *p = s;
	bool neg = false, digit = false;
	int64_t v = 0;
	if (*p == '-' || *p == '+')
		neg = *p++ == '-';
	for (; *p; p++) {
		if (*p == '_' && digit && p[1] >= '0' && p[1] <= '9')
			continue;
		if (*p < '0' || *p > '9')
			return false;
		if (v > (INT64_MAX - 9) / 10)
			return false;
		v = v * 10 + (*p - '0');
		digit = true;
	}
	if (!digit)
		return false;
	*out = neg ? -v : v;
	return true;
}

static bool get_int(lctx *c, const pnode *n, const char *path, int64_t min,
		    int64_t max, int64_t *out)
{
	const char *s = want_scalar(c, n, path, _("a whole number"));
	int64_t v;
	if (!s)
		return false;
	if (!parse_int(s, &v)) {
		bad(c, n, path, _("expected a whole number, got '%s'"),
		    quote(c, s));
		return false;
	}
	if (v < min || v > max) {
		bad(c, n, path,
		    _("%lld is out of range (expected %lld to %lld)"),
		    (long long)v, (long long)min, (long long)max);
		return false;
	}
	*out = v;
	return true;
}

/* A number in [0, 1]: digits with an optional fraction. */
static bool get_prob(lctx *c, const pnode *n, const char *path, double *out)
{
	const char *s = want_scalar(c, n, path, _("a number from 0 to 1"));
	if (!s)
		return false;
	bool ok = *s != '\0';
	int dots = 0, digits = 0;
	for (const char *p = s; *p; p++) {
		if (*p == '.')
			dots++;
		else if (*p >= '0' && *p <= '9')
			digits++;
		else if (!(p == s && (*p == '-' || *p == '+')))
			ok = false;
	}
	if (!ok || dots > 1 || !digits || strlen(s) > 32) {
		bad(c, n, path, _("expected a number from 0 to 1, got '%s'"),
		    quote(c, s));
		return false;
	}
	double v = strtod(s, NULL);
	if (!(v >= 0.0 && v <= 1.0)) {
		bad(c, n, path,
		    _("%s is out of range (expected a number from 0 to 1)"),
		    quote(c, s));
		return false;
	}
	*out = v;
	return true;
}

static bool get_bool(lctx *c, const pnode *n, const char *path, bool *out)
{
	const char *s = want_scalar(c, n, path, _("true or false"));
	if (!s)
		return false;
	static const char *const t[] = {"true", "yes", "on"};
	static const char *const f[] = {"false", "no", "off"};
	for (size_t i = 0; i < 3; i++) {
		if (strcasecmp(s, t[i]) == 0) {
			*out = true;
			return true;
		}
		if (strcasecmp(s, f[i]) == 0) {
			*out = false;
			return true;
		}
	}
	bad(c, n, path, _("expected true or false, got '%s'"), quote(c, s));
	return false;
}

/* One of names[]; returns its index or -1 (reported). */
static int get_enum(lctx *c, const pnode *n, const char *path,
		    const char *const *names, size_t count, const char *what,
		    const char *expected)
{
	const char *s = want_scalar(c, n, path, what);
	if (!s)
		return -1;
	for (size_t i = 0; i < count; i++)
		if (names[i] && strcmp(s, names[i]) == 0)
			return (int)i;
	bad(c, n, path, _("unknown %s '%s' (expected %s)"), what, quote(c, s),
	    expected);
	return -1;
}

/* A name or a list of names; returns the bit mask (0 when reported). */
static unsigned get_enum_set(lctx *c, const pnode *n, const char *path,
			     const char *const *names, size_t count,
			     const char *what, const char *expected)
{
	unsigned mask = 0;
	if (n->kind != N_SEQ) {
		int i = get_enum(c, n, path, names, count, what, expected);
		return i < 0 ? 0 : 1u << i;
	}
	if (n->n == 0) {
		bad(c, n, path, _("empty list"));
		return 0;
	}
	bool okall = true;
	size_t k = 0;
	for (const pnode *it = n->first; it; it = it->next, k++) {
		char sub[PATH_MAX_LEN];
		pathf(sub, sizeof sub, "%s[%zu]", path, k);
		int i = get_enum(c, it, sub, names, count, what, expected);
		if (i < 0)
			okall = false;
		else
			mask |= 1u << i;
	}
	return okall ? mask : 0;
}

/* ---- mappings with a fixed set of keys ---- */

typedef struct field {
	const char *key;
	bool required;
	const pnode *val;  /* OUT */
	const pnode *knode; /* OUT */
} field;

/* Checks map against fields (unknown, duplicate and missing keys) and
 * fills each field's val. Returns false if map is not a mapping. */
static bool take_fields(lctx *c, const pnode *map, const char *path,
			field *f, size_t nf, const char *expected)
{
	if (map->kind != N_MAP) {
		bad(c, map, path, _("expected a mapping, got %s"),
		    kind_name(map));
		return false;
	}
	for (const pnode *k = map->first; k && k->next; k = k->next->next) {
		char sub[PATH_MAX_LEN];
		const char *key = k->s;
		if (strlen(key) != k->len)
			key = "?";
		if (*path)
			pathf(sub, sizeof sub, "%s.%s", path,
				 quote(c, key));
		else
			pathf(sub, sizeof sub, "%s", quote(c, key));
		size_t i = 0;
		while (i < nf && strcmp(f[i].key, key) != 0)
			i++;
		if (i == nf) {
			bad(c, k, sub, _("unknown key (expected %s)"),
			    expected);
			continue;
		}
		if (f[i].val) {
			bad(c, k, sub,
			    _("duplicate key (first at line %ld)"),
			    f[i].knode->line);
			continue;
		}
		f[i].val = k->next;
		f[i].knode = k;
	}
	for (size_t i = 0; i < nf; i++) {
		if (f[i].required && !f[i].val) {
			bad(c, map, path, _("missing mandatory key '%s'"),
			    f[i].key);
		}
	}
	return true;
}

static void child_path(char *buf, size_t cap, const char *path,
		       const char *key)
{
	if (*path)
		pathf(buf, cap, "%s.%s", path, key);
	else
		pathf(buf, cap, "%s", key);
}

static bool get_text(lctx *c, const pnode *n, const char *path,
		     ym_policy_text *out)
{
	if (n->kind == N_SCALAR) {
		const char *s = want_scalar(c, n, path, _("text"));
		if (!s)
			return false;
		out->ja = out->en = s;
		return true;
	}
	if (n->kind != N_MAP) {
		bad(c, n, path,
		    _("expected text or a mapping with ja and en, got %s"),
		    kind_name(n));
		return false;
	}
	field f[] = {{"ja", true, NULL, NULL}, {"en", true, NULL, NULL}};
	take_fields(c, n, path, f, 2, "ja, en");
	if (!f[0].val || !f[1].val)
		return false;
	char sub[PATH_MAX_LEN];
	bool ok = true;
	child_path(sub, sizeof sub, path, "ja");
	ok &= get_string(c, f[0].val, sub, &out->ja);
	child_path(sub, sizeof sub, path, "en");
	ok &= get_string(c, f[1].val, sub, &out->en);
	return ok;
}

/* ---- vocabularies ---- */

static const char *const outcome_names[] = {"defer", "scheduled",
					     "out_of_cycle", "immediate"};
#define OUTCOMES_EXPECTED "immediate, out_of_cycle, scheduled, defer"
static const char *const exposure_names[] = {"unknown", "internet",
					      "internal", "isolated"};
#define EXPOSURES_EXPECTED "internet, internal, isolated, unknown"
static const char *const crit_names[] = {"unknown", "low", "medium",
					  "high"};
#define CRIT_EXPECTED "high, medium, low, unknown"
static const char *const expl_names[] = {"none", "poc", "active"};
static const char *const ssvc_exp_names[] = {"small", "controlled",
					      "open"};
static const char *const mission_names[] = {
	"degraded", "mef_support_crippled", "mef_failure", "mission_failure"};
#define MISSION_EXPECTED \
	"degraded, mef_support_crippled, mef_failure, mission_failure"
static const char *const safety_names[] = {"negligible", "marginal",
					    "critical", "catastrophic"};
#define SAFETY_EXPECTED "negligible, marginal, critical, catastrophic"

const char *ym_policy_outcome_code(ym_policy_outcome o)
{
	return (unsigned)o < 4 ? outcome_names[o] : "?";
}
const char *ym_policy_exposure_code(ym_policy_exposure e)
{
	return (unsigned)e < 4 ? exposure_names[e] : "?";
}
const char *ym_policy_criticality_code(ym_policy_criticality x)
{
	return (unsigned)x < 4 ? crit_names[x] : "?";
}
const char *ym_policy_exploitation_code(ym_policy_exploitation x)
{
	return (unsigned)x < 3 ? expl_names[x] : "?";
}
const char *ym_policy_ssvc_exposure_code(ym_policy_ssvc_exposure x)
{
	return (unsigned)x < 3 ? ssvc_exp_names[x] : "?";
}
const char *ym_policy_mission_code(ym_policy_mission m)
{
	return (unsigned)m < 4 ? mission_names[m] : "?";
}
const char *ym_policy_safety_code(ym_policy_safety s)
{
	return (unsigned)s < 4 ? safety_names[s] : "?";
}

static int lookup(const char *s, const char *const *names, size_t n)
{
	if (!s)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (strcmp(s, names[i]) == 0)
			return (int)i;
	return -1;
}

ym_policy_exposure ym_policy_exposure_parse(const char *s)
{
	int i = lookup(s, exposure_names, 4);
	return i < 0 ? YM_POLICY_EXP_UNKNOWN : (ym_policy_exposure)i;
}
ym_policy_criticality ym_policy_criticality_parse(const char *s)
{
	int i = lookup(s, crit_names, 4);
	return i < 0 ? YM_POLICY_CRIT_UNKNOWN : (ym_policy_criticality)i;
}
int ym_policy_outcome_parse(const char *s)
{
	return lookup(s, outcome_names, 4);
}

/* ---- sections ---- */

/* Level identifiers: letters, digits, '_' and '-', up to 31 bytes. */
static bool level_id_ok(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 31)
		return false;
	for (const char *p = s; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || *p == '_' || *p == '-'))
			return false;
	return true;
}

static size_t get_levels(lctx *c, const pnode *n, const char *path,
			 ym_policy_level *out)
{
	if (n->kind != N_MAP) {
		bad(c, n, path, _("expected a mapping of levels, got %s"),
		    kind_name(n));
		return 0;
	}
	if (n->n / 2 < 2 || n->n / 2 > YM_POLICY_MAX_LEVELS) {
		bad(c, n, path, _("expected 2 to %d levels, got %zu"),
		    YM_POLICY_MAX_LEVELS, n->n / 2);
		return 0;
	}
	size_t k = 0;
	bool ok = true;
	for (const pnode *key = n->first; key && key->next;
	     key = key->next->next) {
		char sub[PATH_MAX_LEN];
		child_path(sub, sizeof sub, path, quote(c, key->s));
		if (strlen(key->s) != key->len || !level_id_ok(key->s)) {
			bad(c, key, sub,
			    _("a level name must be 1 to 31 letters, digits, "
			      "'_' or '-'"));
			ok = false;
			continue;
		}
		for (size_t j = 0; j < k; j++)
			if (strcmp(out[j].id, key->s) == 0) {
				bad(c, key, sub, _("duplicate key"));
				ok = false;
			}
		if (!get_text(c, key->next, sub, &out[k].label))
			ok = false;
		out[k++].id = key->s;
	}
	return ok ? k : 0;
}

static int level_index(const ym_policy_level *lv, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(lv[i].id, s) == 0)
			return (int)i;
	return -1;
}

static const char *level_list(lctx *c, const ym_policy_level *lv, size_t n)
{
	char *s = ym_arena_strdup(c->a, "");
	for (size_t i = 0; i < n; i++)
		s = ym_arena_printf(c->a, "%s%s%s", s, i ? ", " : "", lv[i].id);
	return s;
}

static int get_level(lctx *c, const pnode *n, const char *path,
		     const ym_policy_level *lv, size_t count, const char *what)
{
	const char *s = want_scalar(c, n, path, what);
	if (!s)
		return -1;
	int i = level_index(lv, count, s);
	if (i < 0)
		bad(c, n, path, _("unknown %s '%s' (expected %s)"), what,
		    quote(c, s), level_list(c, lv, count));
	return i;
}

/* Rule families: which condition keys each may use. */
enum { FAM_ASSET, FAM_EVIDENCE, FAM_ESCALATION };

static bool get_cond(lctx *c, const pnode *n, const char *path, int fam,
		     ym_policy_cond *w)
{
	static const char *const asset_keys[] = {
		"criticality", "safety_relevant", "data_kind_contains",
		"data_records_at_least", "exposure"};
	static const char *const ev_keys[] = {
		"kev", "exploitation", "automatable", "exposure", "epss_high",
		"epss_at_least", "epss_percentile_at_least"};
	static const char *const esc_keys[] = {
		"systems_at_least", "outcome", "impact", "exposure", "kev"};
	const char *const *keys = fam == FAM_ASSET ? asset_keys
				  : fam == FAM_EVIDENCE ? ev_keys
							: esc_keys;
	size_t nk = fam == FAM_ASSET ? 5 : fam == FAM_EVIDENCE ? 7 : 5;
	const char *expected =
		fam == FAM_ASSET
			? "criticality, safety_relevant, data_kind_contains, "
			  "data_records_at_least, exposure"
		: fam == FAM_EVIDENCE
			? "kev, exploitation, automatable, exposure, "
			  "epss_high, epss_at_least, epss_percentile_at_least"
			: "systems_at_least, outcome, impact, exposure, kev";
	field f[7];
	for (size_t i = 0; i < nk; i++)
		f[i] = (field){keys[i], fam == FAM_ESCALATION && i == 0, NULL,
			       NULL};
	memset(w, 0, sizeof *w);
	if (!take_fields(c, n, path, f, nk, expected))
		return false;
	if (n->n == 0) {
		bad(c, n, path,
		    _("empty condition (leave out 'when' for a rule that "
		      "always applies)"));
		return false;
	}
	int before = c->nerr;
	ym_policy *p = c->p;
	for (size_t i = 0; i < nk; i++) {
		const pnode *v = f[i].val;
		if (!v)
			continue;
		char sub[PATH_MAX_LEN];
		child_path(sub, sizeof sub, path, keys[i]);
		const char *k = keys[i];
		if (strcmp(k, "kev") == 0) {
			if (get_bool(c, v, sub, &w->kev))
				w->has |= YM_PC_KEV;
		} else if (strcmp(k, "exploitation") == 0) {
			w->exploitation = get_enum_set(
				c, v, sub, expl_names, 3, _("exploitation"),
				"none, poc, active");
			w->has |= YM_PC_EXPLOITATION;
		} else if (strcmp(k, "automatable") == 0) {
			bool b;
			if (get_bool(c, v, sub, &b))
				w->automatable =
					b ? YM_POLICY_YES : YM_POLICY_NO;
			w->has |= YM_PC_AUTOMATABLE;
		} else if (strcmp(k, "exposure") == 0) {
			w->exposure = get_enum_set(c, v, sub, exposure_names, 4,
						   _("exposure"),
						   EXPOSURES_EXPECTED);
			w->has |= YM_PC_EXPOSURE;
		} else if (strcmp(k, "epss_high") == 0) {
			if (get_bool(c, v, sub, &w->epss_high))
				w->has |= YM_PC_EPSS_HIGH;
			if (p->epss_high < 0 && p->epss_high_percentile < 0)
				bad(c, v, sub,
				    _("needs thresholds.epss_high or "
				      "thresholds.epss_high_percentile"));
		} else if (strcmp(k, "epss_at_least") == 0) {
			if (get_prob(c, v, sub, &w->epss_at_least))
				w->has |= YM_PC_EPSS_AT_LEAST;
		} else if (strcmp(k, "epss_percentile_at_least") == 0) {
			if (get_prob(c, v, sub, &w->epss_percentile_at_least))
				w->has |= YM_PC_EPSS_PCT_AT_LEAST;
		} else if (strcmp(k, "criticality") == 0) {
			w->criticality = get_enum_set(c, v, sub, crit_names, 4,
						      _("criticality"),
						      CRIT_EXPECTED);
			w->has |= YM_PC_CRITICALITY;
		} else if (strcmp(k, "safety_relevant") == 0) {
			if (get_bool(c, v, sub, &w->safety_relevant))
				w->has |= YM_PC_SAFETY;
		} else if (strcmp(k, "data_kind_contains") == 0) {
			const pnode *one = v;
			size_t cnt = v->kind == N_SEQ ? v->n : 1;
			if (v->kind == N_SEQ && (cnt == 0 || cnt > 64)) {
				bad(c, v, sub,
				    _("expected 1 to 64 words, got %zu"), cnt);
				continue;
			}
			if (v->kind == N_SEQ)
				one = v->first;
			const char **arr =
				ym_arena_zalloc(c->a, cnt * sizeof *arr);
			for (size_t j = 0; j < cnt && one;
			     j++, one = one->next) {
				char sub2[PATH_MAX_LEN];
				if (v->kind == N_SEQ)
					pathf(sub2, sizeof sub2, "%s[%zu]",
						 sub, j);
				else
					pathf(sub2, sizeof sub2, "%s", sub);
				if (get_string(c, one, sub2, &arr[j]) &&
				    !*arr[j])
					bad(c, one, sub2, _("empty word"));
			}
			w->data_kind = arr;
			w->n_data_kind = cnt;
			w->has |= YM_PC_DATA_KIND;
		} else if (strcmp(k, "data_records_at_least") == 0) {
			if (get_int(c, v, sub, 0, INT64_MAX,
				    &w->data_records_at_least))
				w->has |= YM_PC_DATA_RECORDS;
		} else if (strcmp(k, "systems_at_least") == 0) {
			if (get_int(c, v, sub, 1, 1000000000,
				    &w->systems_at_least))
				w->has |= YM_PC_SYSTEMS;
		} else if (strcmp(k, "outcome") == 0) {
			w->outcome = get_enum_set(c, v, sub, outcome_names, 4,
						  _("outcome"),
						  OUTCOMES_EXPECTED);
			w->has |= YM_PC_OUTCOME;
		} else if (strcmp(k, "impact") == 0) {
			const char *list = level_list(c, p->impact_level,
						      p->n_impact_levels);
			const char *names[YM_POLICY_MAX_LEVELS];
			for (size_t j = 0; j < p->n_impact_levels; j++)
				names[j] = p->impact_level[j].id;
			if (p->n_impact_levels)
				w->impact = get_enum_set(c, v, sub, names,
							 p->n_impact_levels,
							 _("impact level"),
							 list);
			w->has |= YM_PC_IMPACT;
		}
	}
	return c->nerr == before;
}

/* kind of value a rule list yields */
enum { VAL_IMPACT, VAL_LIKELIHOOD, VAL_MISSION, VAL_SAFETY };

static void get_rules(lctx *c, const pnode *n, const char *path, int val,
		      ym_policy_rules *out)
{
	ym_policy *p = c->p;
	int fam = val == VAL_LIKELIHOOD ? FAM_EVIDENCE : FAM_ASSET;
	if (n->kind != N_SEQ) {
		bad(c, n, path, _("expected a list of rules, got %s"),
		    kind_name(n));
		return;
	}
	if (n->n == 0 || n->n > YM_POLICY_MAX_RULES) {
		bad(c, n, path, _("expected 1 to %d rules, got %zu"),
		    YM_POLICY_MAX_RULES, n->n);
		return;
	}
	ym_policy_rule *r = ym_arena_zalloc(c->a, n->n * sizeof *r);
	size_t i = 0;
	const pnode *always = NULL;
	size_t always_i = 0;
	for (const pnode *it = n->first; it; it = it->next, i++) {
		char sub[PATH_MAX_LEN], sub2[PATH_MAX_LEN];
		pathf(sub, sizeof sub, "%s[%zu]", path, i);
		field f[] = {{"when", false, NULL, NULL},
			     {"level", true, NULL, NULL},
			     {"because", true, NULL, NULL}};
		r[i].line = it->line;
		if (!take_fields(c, it, sub, f, 3, "when, level, because"))
			continue;
		if (always) {
			bad(c, it, sub,
			    _("rule %zu is never reached: rule %zu before it "
			      "has no 'when'"),
			    i + 1, always_i + 1);
		}
		if (f[0].val) {
			child_path(sub2, sizeof sub2, sub, "when");
			get_cond(c, f[0].val, sub2, fam, &r[i].when);
		} else if (!always) {
			always = it;
			always_i = i;
		}
		if (f[1].val) {
			child_path(sub2, sizeof sub2, sub, "level");
			int lv = -1;
			if (val == VAL_IMPACT)
				lv = get_level(c, f[1].val, sub2,
					       p->impact_level,
					       p->n_impact_levels,
					       _("impact level"));
			else if (val == VAL_LIKELIHOOD)
				lv = get_level(c, f[1].val, sub2,
					       p->likelihood_level,
					       p->n_likelihood_levels,
					       _("likelihood level"));
			else if (val == VAL_MISSION)
				lv = get_enum(c, f[1].val, sub2, mission_names,
					      4, _("mission impact"),
					      MISSION_EXPECTED);
			else
				lv = get_enum(c, f[1].val, sub2, safety_names,
					      4, _("safety impact"),
					      SAFETY_EXPECTED);
			r[i].level = lv;
		}
		if (f[2].val) {
			child_path(sub2, sizeof sub2, sub, "because");
			get_text(c, f[2].val, sub2, &r[i].because);
		}
	}
	if (!always)
		bad(c, n->last, path,
		    _("the last rule must have no 'when', so that every "
		      "case gets a level"));
	out->rule = r;
	out->n = n->n;
}

/* "HH:MM", 00:00-23:59, or 24:00 when allow24. */
static int get_clock(lctx *c, const pnode *n, const char *path, bool allow24)
{
	const char *s = want_scalar(c, n, path, _("a time HH:MM"));
	if (!s)
		return -1;
	if (strlen(s) == 5 && s[2] == ':' && s[0] >= '0' && s[0] <= '9' &&
	    s[1] >= '0' && s[1] <= '9' && s[3] >= '0' && s[3] <= '9' &&
	    s[4] >= '0' && s[4] <= '9') {
		int h = (s[0] - '0') * 10 + (s[1] - '0');
		int m = (s[3] - '0') * 10 + (s[4] - '0');
		if (h < 24 && m < 60)
			return h * 60 + m;
		if (allow24 && h == 24 && m == 0)
			return 1440;
	}
	bad(c, n, path, _("expected a time HH:MM from 00:00 to %s, got '%s'"),
	    allow24 ? "24:00" : "23:59", quote(c, s));
	return -1;
}

static int get_weekday(lctx *c, const pnode *n, const char *path)
{
	static const char *const en[] = {"sunday", "monday", "tuesday",
					  "wednesday", "thursday", "friday",
					  "saturday"};
	static const char *const ja[] = {"日", "月", "火", "水",
					  "木", "金", "土"};
	const char *s = want_scalar(c, n, path, _("a weekday"));
	if (!s)
		return -1;
	for (int i = 0; i < 7; i++) {
		if (strcasecmp(s, en[i]) == 0 ||
		    (strlen(s) == 3 && strncasecmp(s, en[i], 3) == 0))
			return i;
		size_t jl = strlen(ja[i]);
		if (strncmp(s, ja[i], jl) == 0 &&
		    (s[jl] == '\0' || strcmp(s + jl, "曜") == 0 ||
		     strcmp(s + jl, "曜日") == 0))
			return i;
	}
	bad(c, n, path,
	    _("unknown weekday '%s' (expected sun, mon, tue, wed, thu, fri, "
	      "sat, their full names, or 日 to 土)"),
	    quote(c, s));
	return -1;
}

static bool get_date(lctx *c, const pnode *n, const char *path,
		     int64_t *day)
{
	const char *s = want_scalar(c, n, path, _("a date YYYY-MM-DD"));
	if (!s)
		return false;
	if (!ym_policy_date_parse_(s, strlen(s), day)) {
		bad(c, n, path, _("expected a date YYYY-MM-DD, got '%s'"),
		    quote(c, s));
		return false;
	}
	return true;
}

static int cmp_day(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return x < y ? -1 : x > y;
}

static bool get_window(lctx *c, const pnode *n, const char *path,
		       ym_policy_window *w)
{
	field f[] = {{"name", false, NULL, NULL},
		     {"monthly", false, NULL, NULL},
		     {"weekly", false, NULL, NULL},
		     {"dates", false, NULL, NULL},
		     {"start", true, NULL, NULL},
		     {"end", true, NULL, NULL}};
	char sub[PATH_MAX_LEN];
	int before = c->nerr;
	w->name.ja = w->name.en = "";
	if (!take_fields(c, n, path, f, 6,
			 "name, monthly, weekly, dates, start, end"))
		return false;
	int kinds = !!f[1].val + !!f[2].val + !!f[3].val;
	if (kinds != 1)
		bad(c, n, path,
		    _("a window needs exactly one of monthly, weekly or "
		      "dates"));
	if (f[0].val) {
		child_path(sub, sizeof sub, path, "name");
		get_text(c, f[0].val, sub, &w->name);
	}
	if (f[1].val) {
		child_path(sub, sizeof sub, path, "monthly");
		w->kind = YM_POLICY_WIN_MONTHLY;
		field g[] = {{"week", true, NULL, NULL},
			     {"weekday", true, NULL, NULL}};
		if (take_fields(c, f[1].val, sub, g, 2, "week, weekday")) {
			char s2[PATH_MAX_LEN];
			if (g[0].val) {
				child_path(s2, sizeof s2, sub, "week");
				const pnode *v = g[0].val;
				if (v->kind == N_SCALAR &&
				    strcmp(v->s, "last") == 0) {
					w->week = -1;
				} else {
					int64_t wk;
					if (v->kind == N_SCALAR &&
					    !is_null(v) &&
					    !parse_int(v->s, &wk))
						bad(c, v, s2,
						    _("expected 1 to 5 or "
						      "'last', got '%s'"),
						    quote(c, v->s));
					else if (get_int(c, v, s2, 1, 5, &wk))
						w->week = (int)wk;
				}
			}
			if (g[1].val) {
				child_path(s2, sizeof s2, sub, "weekday");
				w->weekday = get_weekday(c, g[1].val, s2);
			}
		}
	}
	if (f[2].val) {
		child_path(sub, sizeof sub, path, "weekly");
		w->kind = YM_POLICY_WIN_WEEKLY;
		w->weekday = get_weekday(c, f[2].val, sub);
	}
	if (f[3].val) {
		child_path(sub, sizeof sub, path, "dates");
		w->kind = YM_POLICY_WIN_DATES;
		const pnode *v = f[3].val;
		if (v->kind != N_SEQ) {
			bad(c, v, sub, _("expected a list of dates, got %s"),
			    kind_name(v));
		} else if (v->n == 0 || v->n > YM_POLICY_MAX_DATES) {
			bad(c, v, sub, _("expected 1 to %d dates, got %zu"),
			    YM_POLICY_MAX_DATES, v->n);
		} else {
			int64_t *d = ym_arena_zalloc(c->a, v->n * sizeof *d);
			size_t k = 0;
			for (const pnode *it = v->first; it;
			     it = it->next, k++) {
				char s2[PATH_MAX_LEN];
				pathf(s2, sizeof s2, "%s[%zu]", sub, k);
				get_date(c, it, s2, &d[k]);
			}
			qsort(d, v->n, sizeof *d, cmp_day);
			w->dates = d;
			w->n_dates = v->n;
		}
	}
	int start = -1, end = -1;
	if (f[4].val) {
		child_path(sub, sizeof sub, path, "start");
		start = get_clock(c, f[4].val, sub, false);
	}
	if (f[5].val) {
		child_path(sub, sizeof sub, path, "end");
		end = get_clock(c, f[5].val, sub, true);
	}
	if (start >= 0 && end >= 0) {
		if (end == start)
			bad(c, f[5].val, sub,
			    _("the window is empty: end equals start"));
		if (end < start)
			end += 1440; /* ends the next day */
		w->start = start;
		w->end = end;
	}
	return c->nerr == before;
}

static void get_outcomes(lctx *c, const pnode *n, const char *path)
{
	ym_policy *p = c->p;
	field f[] = {{"immediate", true, NULL, NULL},
		     {"out_of_cycle", true, NULL, NULL},
		     {"scheduled", true, NULL, NULL},
		     {"defer", true, NULL, NULL}};
	if (!take_fields(c, n, path, f, 4, OUTCOMES_EXPECTED))
		return;
	for (int i = 0; i < 4; i++) {
		if (!f[i].val)
			continue;
		int o = 3 - i; /* file order is most urgent first */
		ym_policy_outcome_def *d = &p->outcome[o];
		char sub[PATH_MAX_LEN], s2[PATH_MAX_LEN];
		child_path(sub, sizeof sub, path, f[i].key);
		bool defer = o == YM_POLICY_DEFER;
		field g[] = {{"label", true, NULL, NULL},
			     {"sla", !defer, NULL, NULL},
			     {"review_days", defer, NULL, NULL}};
		if (!take_fields(c, f[i].val, sub, g, 3,
				 "label, sla, review_days"))
			continue;
		if (g[0].val) {
			child_path(s2, sizeof s2, sub, "label");
			get_text(c, g[0].val, s2, &d->label);
		}
		if (g[1].val) {
			child_path(s2, sizeof s2, sub, "sla");
			const pnode *v = g[1].val;
			int64_t days;
			if (defer) {
				bad(c, g[1].knode, s2,
				    _("defer has no SLA; use review_days"));
			} else if (v->kind == N_SCALAR &&
				   strcmp(v->s, "next_window") == 0) {
				d->sla = YM_POLICY_SLA_NEXT_WINDOW;
				if (p->n_windows == 0)
					bad(c, v, s2,
					    _("next_window needs at least one "
					      "maintenance window "
					      "(maintenance.windows)"));
			} else if (v->kind == N_SCALAR && !is_null(v) &&
				   !parse_int(v->s, &days)) {
				bad(c, v, s2,
				    _("expected a number of days or "
				      "'next_window', got '%s'"),
				    quote(c, v->s));
			} else if (get_int(c, v, s2, 0, 3650, &days)) {
				d->sla = YM_POLICY_SLA_DAYS;
				d->days = (int)days;
			}
		}
		if (g[2].val) {
			child_path(s2, sizeof s2, sub, "review_days");
			int64_t days;
			if (!defer)
				bad(c, g[2].knode, s2,
				    _("only defer has review_days"));
			else if (get_int(c, g[2].val, s2, 1, 3650, &days)) {
				d->sla = YM_POLICY_SLA_REVIEW;
				d->days = (int)days;
			}
		}
	}
}

static void get_maintenance(lctx *c, const pnode *n, const char *path)
{
	ym_policy *p = c->p;
	field f[] = {{"lead_days", false, NULL, NULL},
		     {"windows", true, NULL, NULL}};
	char sub[PATH_MAX_LEN];
	if (!take_fields(c, n, path, f, 2, "lead_days, windows"))
		return;
	if (f[0].val) {
		int64_t d;
		child_path(sub, sizeof sub, path, "lead_days");
		if (get_int(c, f[0].val, sub, 0, 365, &d))
			p->lead_days = (int)d;
	}
	const pnode *v = f[1].val;
	if (!v)
		return;
	child_path(sub, sizeof sub, path, "windows");
	if (v->kind != N_SEQ) {
		bad(c, v, sub, _("expected a list of windows, got %s"),
		    kind_name(v));
		return;
	}
	if (v->n == 0 || v->n > YM_POLICY_MAX_WINDOWS) {
		bad(c, v, sub, _("expected 1 to %d windows, got %zu"),
		    YM_POLICY_MAX_WINDOWS, v->n);
		return;
	}
	ym_policy_window *w = ym_arena_zalloc(c->a, v->n * sizeof *w);
	size_t k = 0, good = 0;
	for (const pnode *it = v->first; it; it = it->next, k++) {
		char s2[PATH_MAX_LEN];
		pathf(s2, sizeof s2, "%s[%zu]", sub, k);
		if (get_window(c, it, s2, &w[good]))
			good++;
	}
	p->window = w;
	p->n_windows = good;
	if (good < v->n)
		p->n_windows = v->n; /* errors reported; keep next_window
					quiet */
}

static void get_thresholds(lctx *c, const pnode *n, const char *path)
{
	ym_policy *p = c->p;
	field f[] = {{"epss_poc", true, NULL, NULL},
		     {"epss_high", false, NULL, NULL},
		     {"epss_high_percentile", false, NULL, NULL}};
	char sub[PATH_MAX_LEN];
	if (!take_fields(c, n, path, f, 3,
			 "epss_poc, epss_high, epss_high_percentile"))
		return;
	double *dst[] = {&p->epss_poc, &p->epss_high,
			 &p->epss_high_percentile};
	for (int i = 0; i < 3; i++) {
		if (!f[i].val)
			continue;
		child_path(sub, sizeof sub, path, f[i].key);
		get_prob(c, f[i].val, sub, dst[i]);
	}
}

static void get_ssvc_exposure(lctx *c, const pnode *n, const char *path)
{
	ym_policy *p = c->p;
	field f[] = {{"internet", true, NULL, NULL},
		     {"internal", true, NULL, NULL},
		     {"isolated", true, NULL, NULL},
		     {"unknown", true, NULL, NULL}};
	static const ym_policy_exposure which[] = {
		YM_POLICY_EXP_INTERNET, YM_POLICY_EXP_INTERNAL,
		YM_POLICY_EXP_ISOLATED, YM_POLICY_EXP_UNKNOWN};
	if (!take_fields(c, n, path, f, 4, EXPOSURES_EXPECTED))
		return;
	for (int i = 0; i < 4; i++) {
		if (!f[i].val)
			continue;
		char sub[PATH_MAX_LEN];
		child_path(sub, sizeof sub, path, f[i].key);
		int v = get_enum(c, f[i].val, sub, ssvc_exp_names, 3,
				 _("SSVC exposure"),
				 "small, controlled, open");
		if (v >= 0)
			p->ssvc_exposure[which[i]] =
				(ym_policy_ssvc_exposure)v;
	}
	p->has_ssvc_exposure = true;
}

/* impact: / likelihood: {levels, rules}; mission_impact: / safety_impact:
 * {rules}. */
static void get_axis(lctx *c, const pnode *n, const char *path, int val)
{
	ym_policy *p = c->p;
	bool with_levels = val == VAL_IMPACT || val == VAL_LIKELIHOOD;
	field f[] = {{"rules", true, NULL, NULL},
		     {"levels", with_levels, NULL, NULL}};
	char sub[PATH_MAX_LEN];
	if (!take_fields(c, n, path, f, with_levels ? 2 : 1,
			 with_levels ? "levels, rules" : "rules"))
		return;
	if (f[1].val) {
		child_path(sub, sizeof sub, path, "levels");
		if (val == VAL_IMPACT)
			p->n_impact_levels =
				get_levels(c, f[1].val, sub, p->impact_level);
		else
			p->n_likelihood_levels = get_levels(
				c, f[1].val, sub, p->likelihood_level);
	}
	if (with_levels && (val == VAL_IMPACT ? !p->n_impact_levels
					      : !p->n_likelihood_levels))
		return; /* rules cannot be checked without levels */
	if (f[0].val) {
		child_path(sub, sizeof sub, path, "rules");
		ym_policy_rules *r = val == VAL_IMPACT ? &p->impact_rules
				     : val == VAL_LIKELIHOOD
					     ? &p->likelihood_rules
				     : val == VAL_MISSION ? &p->mission_rules
							  : &p->safety_rules;
		get_rules(c, f[0].val, sub, val, r);
	}
}

static void get_matrix(lctx *c, const pnode *n, const char *path)
{
	ym_policy *p = c->p;
	size_t ni = p->n_impact_levels, nl = p->n_likelihood_levels;
	if (!ni || !nl)
		return; /* the levels are reported already */
	field rows[YM_POLICY_MAX_LEVELS];
	for (size_t i = 0; i < ni; i++)
		rows[i] = (field){p->impact_level[i].id, false, NULL, NULL};
	const char *ilist = level_list(c, p->impact_level, ni);
	const char *llist = level_list(c, p->likelihood_level, nl);
	if (!take_fields(c, n, path, rows, ni, ilist))
		return;
	for (size_t i = 0; i < ni; i++) {
		char sub[PATH_MAX_LEN];
		child_path(sub, sizeof sub, path, rows[i].key);
		if (!rows[i].val) {
			bad(c, n, path, _("no row for impact '%s'"),
			    rows[i].key);
			continue;
		}
		field cells[YM_POLICY_MAX_LEVELS];
		for (size_t j = 0; j < nl; j++)
			cells[j] = (field){p->likelihood_level[j].id, false,
					   NULL, NULL};
		if (!take_fields(c, rows[i].val, sub, cells, nl, llist))
			continue;
		for (size_t j = 0; j < nl; j++) {
			char s2[PATH_MAX_LEN];
			child_path(s2, sizeof s2, sub, cells[j].key);
			if (!cells[j].val) {
				bad(c, rows[i].val, sub,
				    _("no outcome for likelihood '%s'"),
				    cells[j].key);
				continue;
			}
			int o = get_enum(c, cells[j].val, s2, outcome_names, 4,
					 _("outcome"), OUTCOMES_EXPECTED);
			if (o >= 0) {
				p->matrix[i][j] = (ym_policy_outcome)o;
				p->matrix_line[i][j] = cells[j].val->line;
			}
		}
	}
}

static void get_escalations(lctx *c, const pnode *n, const char *path)
{
	ym_policy *p = c->p;
	if (n->kind != N_SEQ) {
		bad(c, n, path, _("expected a list of rules, got %s"),
		    kind_name(n));
		return;
	}
	if (n->n > YM_POLICY_MAX_RULES) {
		bad(c, n, path, _("expected 1 to %d rules, got %zu"),
		    YM_POLICY_MAX_RULES, n->n);
		return;
	}
	ym_policy_escalation *e = ym_arena_zalloc(c->a,
						  (n->n + 1) * sizeof *e);
	size_t i = 0;
	for (const pnode *it = n->first; it; it = it->next, i++) {
		char sub[PATH_MAX_LEN], s2[PATH_MAX_LEN];
		pathf(sub, sizeof sub, "%s[%zu]", path, i);
		field f[] = {{"when", true, NULL, NULL},
			     {"posture", true, NULL, NULL}};
		e[i].line = it->line;
		if (!take_fields(c, it, sub, f, 2, "when, posture"))
			continue;
		if (f[0].val) {
			child_path(s2, sizeof s2, sub, "when");
			get_cond(c, f[0].val, s2, FAM_ESCALATION, &e[i].when);
		}
		if (f[1].val) {
			child_path(s2, sizeof s2, sub, "posture");
			get_text(c, f[1].val, s2, &e[i].posture);
		}
	}
	p->escalation = e;
	p->n_escalations = n->n;
}

static void get_timezone(lctx *c, const pnode *n, const char *path)
{
	ym_policy *p = c->p;
	const char *s = want_scalar(c, n, path, _("a UTC offset"));
	if (!s)
		return;
	int off;
	if (!ym_policy_offset_parse_(s, &off)) {
		bad(c, n, path,
		    _("unknown time zone '%s' (use a fixed offset such as "
		      "\"+09:00\", or UTC or Asia/Tokyo)"),
		    quote(c, s));
		return;
	}
	p->tz_offset = off;
	p->timezone = s;
}

static void load_doc(lctx *c, const pnode *root)
{
	ym_policy *p = c->p;
	field f[] = {
		{"name", true, NULL, NULL},          /* 0 */
		{"version", true, NULL, NULL},       /* 1 */
		{"description", false, NULL, NULL},  /* 2 */
		{"decide_with", true, NULL, NULL},   /* 3 */
		{"overlay", false, NULL, NULL},      /* 4 */
		{"timezone", false, NULL, NULL},     /* 5 */
		{"outcomes", true, NULL, NULL},      /* 6 */
		{"maintenance", false, NULL, NULL},  /* 7 */
		{"thresholds", true, NULL, NULL},    /* 8 */
		{"impact", true, NULL, NULL},        /* 9 */
		{"likelihood", false, NULL, NULL},   /* 10 */
		{"mission_impact", false, NULL, NULL}, /* 11 */
		{"safety_impact", false, NULL, NULL},  /* 12 */
		{"ssvc_exposure", false, NULL, NULL},  /* 13 */
		{"matrix", false, NULL, NULL},       /* 14 */
		{"escalation", false, NULL, NULL},   /* 15 */
	};
	const size_t nf = sizeof f / sizeof f[0];
	if (!take_fields(c, root, "", f, nf,
			 "name, version, description, decide_with, overlay, "
			 "timezone, outcomes, maintenance, thresholds, "
			 "impact, likelihood, mission_impact, safety_impact, "
			 "ssvc_exposure, matrix, escalation"))
		return;
	if (f[0].val)
		get_string(c, f[0].val, "name", &p->name);
	if (f[1].val)
		get_int(c, f[1].val, "version", 1, INT32_MAX, &p->version);
	if (f[2].val)
		get_text(c, f[2].val, "description", &p->description);
	if (f[3].val) {
		static const char *const dw[] = {NULL, "ssvc-deployer",
						 "matrix", "both"};
		int v = get_enum(c, f[3].val, "decide_with", dw, 4,
				 _("decision method"),
				 "ssvc-deployer, matrix, both");
		if (v > 0)
			p->decide_with = (unsigned)v;
	}
	if (f[4].val) {
		static const char *const ov[] = {"more_urgent"};
		get_enum(c, f[4].val, "overlay", ov, 1, _("overlay"),
			 "more_urgent");
		if (p->decide_with &&
		    p->decide_with != (YM_POLICY_USE_SSVC |
				       YM_POLICY_USE_MATRIX))
			bad(c, f[4].knode, "overlay",
			    _("overlay applies only with decide_with: both"));
	}
	if (f[5].val)
		get_timezone(c, f[5].val, "timezone");
	if (f[7].val)
		get_maintenance(c, f[7].val, "maintenance");
	if (f[6].val)
		get_outcomes(c, f[6].val, "outcomes");
	if (f[8].val)
		get_thresholds(c, f[8].val, "thresholds");
	if (f[9].val)
		get_axis(c, f[9].val, "impact", VAL_IMPACT);
	if (f[10].val)
		get_axis(c, f[10].val, "likelihood", VAL_LIKELIHOOD);
	if (f[11].val)
		get_axis(c, f[11].val, "mission_impact", VAL_MISSION);
	if (f[12].val)
		get_axis(c, f[12].val, "safety_impact", VAL_SAFETY);
	if (f[13].val)
		get_ssvc_exposure(c, f[13].val, "ssvc_exposure");
	if (f[14].val)
		get_matrix(c, f[14].val, "matrix");
	if (f[15].val)
		get_escalations(c, f[15].val, "escalation");
	/* what the decision method needs */
	if (p->decide_with & YM_POLICY_USE_MATRIX) {
		static const int need[] = {10, 14};
		for (size_t i = 0; i < 2; i++)
			if (!f[need[i]].val)
				bad(c, f[3].val, "decide_with",
				    _("the impact x likelihood matrix needs "
				      "'%s'"),
				    f[need[i]].key);
	}
	if (p->decide_with & YM_POLICY_USE_SSVC) {
		static const int need[] = {11, 12, 13};
		for (size_t i = 0; i < 3; i++)
			if (!f[need[i]].val)
				bad(c, f[3].val, "decide_with",
				    _("the SSVC deployer tree needs '%s'"),
				    f[need[i]].key);
	}
}

/* ---- entry points ---- */

static int cmp_err(const void *a, const void *b)
{
	const ym_err *x = a, *y = b;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->column != y->column)
		return x->column < y->column ? -1 : 1;
	return 0;
}

void ym_policy_free(ym_policy *p)
{
	if (!p)
		return;
	ym_arena_release(&p->arena);
	free(p);
}

int ym_policy_load_all(const char *text, size_t len, const char *name,
		       ym_policy **out, ym_err *err, ym_policy_error_fn fn,
		       void *arg)
{
	ym_policy *p = ym_xcalloc(1, sizeof *p);
	lctx c = {0};
	pnode *root = NULL;
	int rc = 0;
	*out = NULL;
	if (!name)
		name = "policy";
	ym_arena_init(&p->arena, 0);
	c.p = p;
	c.a = &p->arena;
	c.name = name;
	c.text = text ? text : "";
	c.len = text ? len : 0;
	c.errs = ym_arena_zalloc(c.a, MAX_ERRORS * sizeof *c.errs);
	if (c.len >= 3 && memcmp(c.text, "\xEF\xBB\xBF", 3) == 0)
		c.cur_byte = c.cur_line_start = 3;
	p->source = ym_arena_strdup(c.a, name);
	p->timezone = "+09:00";
	p->tz_offset = 9 * 60;
	p->epss_poc = -1;
	p->epss_high = -1;
	p->epss_high_percentile = -1;
	if (c.len > YM_POLICY_MAX_INPUT) {
		ym_err *e = &c.errs[c.nerr++];
		ym_err_set(e, YM_E_TOOBIG,
			   _("policy file larger than %u bytes"),
			   YM_POLICY_MAX_INPUT);
		ym_err_at(e, name, 0, 0);
		goto out;
	}
	rc = build_tree(&c, &root);
	if (rc)
		goto out;
	if (!root) {
		ym_err *e = &c.errs[c.nerr++];
		ym_err_set(e, YM_E_INVALID, _("the policy file is empty"));
		ym_err_at(e, name, 1, 1);
		goto out;
	}
	load_doc(&c, root);
out:
	if (c.nerr) {
		qsort(c.errs, (size_t)c.nerr, sizeof *c.errs, cmp_err);
		rc = c.errs[0].code ? c.errs[0].code : YM_E_INVALID;
		for (int i = 0; i < c.nerr; i++)
			if (c.errs[i].code == YM_E_PARSE ||
			    c.errs[i].code == YM_E_TOOBIG)
				rc = c.errs[i].code;
		if (err)
			*err = c.errs[0];
		if (fn)
			for (int i = 0; i < c.nerr; i++)
				fn(&c.errs[i], arg);
		ym_policy_free(p);
		return rc;
	}
	*out = p;
	return 0;
}

int ym_policy_load(const char *text, size_t len, const char *name,
		   ym_policy **out, ym_err *err)
{
	return ym_policy_load_all(text, len, name, out, err, NULL, NULL);
}

const char *ym_policy_default_text(size_t *len)
{
	return ym_embedded("policy/default.yaml", len);
}

int ym_policy_load_default(ym_policy **out, ym_err *err)
{
	size_t len = 0;
	const char *t = ym_policy_default_text(&len);
	if (!t) {
		*out = NULL;
		return ym_err_set(err, YM_E_NOTFOUND,
				  _("the default policy is not built in"));
	}
	return ym_policy_load(t, len, "default.yaml", out, err);
}
