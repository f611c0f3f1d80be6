/* cyclonedx_xml.c - CycloneDX XML SBOMs (1.0-1.6) into the same ym_sbom
 * the JSON reader gives: the reader API of libxml2 checks the prolog (no
 * DOCTYPE) and then expands the root element into a tree that is walked
 * here. The text is read as UTF-8 whatever the XML declaration says
 * (CycloneDX documents are UTF-8; anything else fails as not
 * well-formed). Mapping: docs/sbom-formats.md. */
#include "inventory/cyclonedx_xml.h"

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlreader.h>

#include "core/buf.h"
#include "core/i18n.h"
#include "core/json.h"
#include "inventory/sbom_component.h"

#define NS_PREFIX "http://cyclonedx.org/schema/bom/"
/* Deepest component/service nesting followed, and deepest element turned
 * into VEX JSON (the writer's comma table is 64 levels). */
#define MAX_NEST 64
#define MAX_VEX_DEPTH 48

typedef struct ctx {
	const char *file;
	ym_arena *a;
	ym_err *err;
	ym_sbom_builder b;
	const char *ns; /* the root's namespace: elements outside it are
			 * extensions and ignored */
	bool xml_failed;
	char xml_msg[512];
	long xml_line, xml_col;
} ctx;

static void on_xml_error(void *arg, xmlErrorPtr e)
{
	ctx *c = arg;
	if (!e || e->level != XML_ERR_FATAL || c->xml_failed)
		return;
	c->xml_failed = true;
	snprintf(c->xml_msg, sizeof c->xml_msg, "%s",
		 e->message ? e->message : "");
	size_t n = strlen(c->xml_msg);
	while (n > 0 && (c->xml_msg[n - 1] == '\n' || c->xml_msg[n - 1] == ' '))
		c->xml_msg[--n] = '\0';
	for (size_t i = 0; i < n; i++)
		if (c->xml_msg[i] == '\n' || c->xml_msg[i] == '\r')
			c->xml_msg[i] = ' ';
	c->xml_line = e->line;
	c->xml_col = e->int2;
}

static int xml_error(ctx *c, xmlTextReaderPtr r)
{
	long line = c->xml_line > 0 ? c->xml_line
				    : xmlTextReaderGetParserLineNumber(r);
	ym_err_set(c->err, YM_E_PARSE, _("not well-formed XML: %s"),
		   c->xml_failed && c->xml_msg[0] ? c->xml_msg
						  : _("unexpected end of input"));
	ym_err_at(c->err, c->file, line > 0 ? line : 1,
		  c->xml_failed && c->xml_col > 0 ? c->xml_col : 0);
	return YM_E_PARSE;
}

static long line_of(const xmlNode *n)
{
	long l = n ? xmlGetLineNo((xmlNodePtr)n) : 0;
	return l > 0 ? l : 0;
}

static int fail_at(ctx *c, const xmlNode *n, const char *path,
		   const char *msg)
{
	return ym_sbom_fail(c->err, c->file, line_of(n), 0, path, msg);
}

/* An element of the BOM's namespace named local (any name if NULL). */
static bool is_el(const ctx *c, const xmlNode *n, const char *local)
{
	return n && n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
	       strcmp((const char *)n->ns->href, c->ns) == 0 &&
	       (!local || strcmp((const char *)n->name, local) == 0);
}

static const xmlNode *child(const ctx *c, const xmlNode *p, const char *local)
{
	for (const xmlNode *n = p ? p->children : NULL; n; n = n->next)
		if (is_el(c, n, local))
			return n;
	return NULL;
}

static const xmlNode *next_el(const ctx *c, const xmlNode *n,
			      const char *local)
{
	for (n = n ? n->next : NULL; n; n = n->next)
		if (is_el(c, n, local))
			return n;
	return NULL;
}

static bool is_space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
}

/* Copies s trimmed of white space into the arena. */
static const char *trimmed(ctx *c, const char *s)
{
	size_t n;
	while (*s && is_space(*s))
		s++;
	n = strlen(s);
	while (n && is_space(s[n - 1]))
		n--;
	return ym_arena_strndup(c->a, s, n);
}

/* Text of an element (trimmed), NULL if n is NULL. */
static const char *text_of(ctx *c, const xmlNode *n)
{
	if (!n)
		return NULL;
	xmlChar *v = xmlNodeGetContent((xmlNodePtr)n);
	const char *s = trimmed(c, v ? (const char *)v : "");
	xmlFree(v);
	return s;
}

static const char *child_text(ctx *c, const xmlNode *p, const char *local)
{
	return text_of(c, child(c, p, local));
}

static const char *attr(ctx *c, const xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetNoNsProp((xmlNodePtr)n, BAD_CAST name);
	if (!v)
		return NULL;
	const char *s = trimmed(c, (const char *)v);
	xmlFree(v);
	return s;
}

/* supplier/name, else publisher, else author. */
static const char *read_supplier(ctx *c, const xmlNode *n)
{
	const char *s = child_text(c, child(c, n, "supplier"), "name");
	if (!s)
		s = child_text(c, n, "publisher");
	if (!s)
		s = child_text(c, n, "author");
	return s;
}

/* licenses: license/id, license/name, expression; ", "-joined. */
static const char *read_licenses(ctx *c, const xmlNode *n)
{
	const char *out = NULL;
	const xmlNode *ls = child(c, n, "licenses");
	for (const xmlNode *e = child(c, ls, NULL); e; e = next_el(c, e, NULL)) {
		const char *s = NULL;
		if (is_el(c, e, "license")) {
			s = child_text(c, e, "id");
			if (!s)
				s = child_text(c, e, "name");
		} else if (is_el(c, e, "expression")) {
			s = text_of(c, e);
		}
		out = ym_sbom_join(c->a, out, s);
	}
	return out;
}

static const char *read_hashes(ctx *c, const xmlNode *n)
{
	const char *out = NULL;
	const xmlNode *hs = child(c, n, "hashes");
	for (const xmlNode *h = child(c, hs, "hash"); h;
	     h = next_el(c, h, "hash")) {
		const char *alg = attr(c, h, "alg");
		const char *v = text_of(c, h);
		if (alg && v && *v)
			out = ym_sbom_join(
				c->a, out, ym_arena_printf(c->a, "%s:%s", alg, v));
	}
	return out;
}

static int parse_component(ctx *c, const xmlNode *n, const char *path,
			   size_t parent, int depth);

static int parse_components(ctx *c, const xmlNode *list, const char *path,
			    size_t parent, int depth)
{
	size_t i = 0;
	if (!list)
		return 0;
	if (depth > MAX_NEST)
		return fail_at(c, list, path,
			       _("components nested too deeply"));
	for (const xmlNode *n = child(c, list, "component"); n;
	     n = next_el(c, n, "component")) {
		char sub[256];
		snprintf(sub, sizeof sub, "%s/component[%zu]", path, ++i);
		int rc = parse_component(c, n, sub, parent, depth);
		if (rc)
			return rc;
	}
	return 0;
}

static int parse_component(ctx *c, const xmlNode *n, const char *path,
			   size_t parent, int depth)
{
	ym_component comp = {0};
	char field[300];
	comp.type = attr(c, n, "type");
	comp.bom_ref = attr(c, n, "bom-ref");
	comp.supplier = read_supplier(c, n);
	const char *group = child_text(c, n, "group");
	comp.name = child_text(c, n, "name");
	comp.version = child_text(c, n, "version");
	comp.scope = ym_sbom_scope(child_text(c, n, "scope"));
	comp.hashes = read_hashes(c, n);
	comp.licenses = read_licenses(c, n);
	comp.cpe = child_text(c, n, "cpe");
	comp.purl = child_text(c, n, "purl");
	if (!comp.name || !*comp.name) {
		snprintf(field, sizeof field, "%s/name", path);
		return fail_at(c, n, field,
			       _("component has no name (required)"));
	}
	ym_err perr = YM_ERR_INIT;
	if (ym_sbom_component_finish(&comp, group, c->a, &perr)) {
		snprintf(field, sizeof field, "%s/purl", path);
		return fail_at(c, child(c, n, "purl"), field, perr.msg);
	}
	comp.parent_id = (int64_t)parent;
	comp.source = c->file;
	size_t self = ym_sbom_add_component(&c->b, &comp);
	snprintf(field, sizeof field, "%s/components", path);
	return parse_components(c, child(c, n, "components"), field, self,
				depth + 1);
}

static int parse_subject(ctx *c, const xmlNode *meta, ym_sbom *out)
{
	const xmlNode *mc = child(c, meta, "component");
	if (mc) {
		out->subject_name = child_text(c, mc, "name");
		out->subject_version = child_text(c, mc, "version");
		out->subject_cpe = child_text(c, mc, "cpe");
		out->subject_bom_ref = attr(c, mc, "bom-ref");
		out->subject_supplier = read_supplier(c, mc);
		ym_err perr = YM_ERR_INIT;
		if (ym_sbom_purl_canonical(child_text(c, mc, "purl"), c->a,
					   &out->subject_purl, &perr))
			return fail_at(c, child(c, mc, "purl"),
				       "/bom/metadata/component/purl",
				       perr.msg);
	}
	if (!out->subject_supplier)
		out->subject_supplier =
			child_text(c, child(c, meta, "supplier"), "name");
	return 0;
}

/* dependency ref="a" holding dependency ref="b": a depends on b (and b's
 * own children, if written nested, are b's dependencies). */
static int parse_dependency(ctx *c, const xmlNode *d, const char *path,
			    int depth)
{
	const char *ref = attr(c, d, "ref");
	char field[300];
	size_t i = 0;
	if (!ref || !*ref) {
		snprintf(field, sizeof field, "%s/@ref", path);
		return fail_at(c, d, field,
			       _("dependency has no ref (required)"));
	}
	if (depth > MAX_NEST)
		return fail_at(c, d, path, _("dependencies nested too deeply"));
	for (const xmlNode *k = child(c, d, "dependency"); k;
	     k = next_el(c, k, "dependency")) {
		snprintf(field, sizeof field, "%s/dependency[%zu]", path, ++i);
		const char *to = attr(c, k, "ref");
		if (!to || !*to) {
			char f2[320];
			snprintf(f2, sizeof f2, "%s/@ref", field);
			return fail_at(c, k, f2,
				       _("dependency has no ref (required)"));
		}
		ym_sbom_add_dependency(&c->b, ref, to);
	}
	i = 0;
	for (const xmlNode *k = child(c, d, "dependency"); k;
	     k = next_el(c, k, "dependency")) {
		snprintf(field, sizeof field, "%s/dependency[%zu]", path, ++i);
		if (child(c, k, "dependency")) {
			int rc = parse_dependency(c, k, field, depth + 1);
			if (rc)
				return rc;
		}
	}
	return 0;
}

static int parse_dependencies(ctx *c, const xmlNode *deps)
{
	size_t i = 0;
	for (const xmlNode *d = child(c, deps, "dependency"); d;
	     d = next_el(c, d, "dependency")) {
		char path[64];
		snprintf(path, sizeof path, "/bom/dependencies/dependency[%zu]",
			 ++i);
		int rc = parse_dependency(c, d, path, 0);
		if (rc)
			return rc;
	}
	return 0;
}

/* true/false (or 1/0) of an optional boolean element: 1, 0, -1. */
static int read_bool(ctx *c, const xmlNode *n, const char *path, int *out)
{
	*out = -1;
	if (!n)
		return 0;
	const char *s = text_of(c, n);
	if (strcmp(s, "true") == 0 || strcmp(s, "1") == 0) {
		*out = 1;
	} else if (strcmp(s, "false") == 0 || strcmp(s, "0") == 0) {
		*out = 0;
	} else {
		char field[300];
		snprintf(field, sizeof field, "%s/%s", path,
			 (const char *)n->name);
		return fail_at(c, n, field, _("expected true or false"));
	}
	return 0;
}

static const char *flow_class(ctx *c, const xmlNode *cls)
{
	const char *flow = attr(c, cls, "flow");
	return ym_arena_printf(c->a, "%s:%s", flow ? flow : "unknown",
			       text_of(c, cls));
}

/* data: classification[@flow] (1.2-1.4) or dataflow/classification
 * (1.5+). */
static const char *read_data(ctx *c, const xmlNode *svc)
{
	const char *out = NULL;
	const xmlNode *data = child(c, svc, "data");
	for (const xmlNode *e = child(c, data, NULL); e; e = next_el(c, e, NULL)) {
		if (is_el(c, e, "classification")) {
			out = ym_sbom_join(c->a, out, flow_class(c, e));
		} else if (is_el(c, e, "dataflow")) {
			const xmlNode *cls = child(c, e, "classification");
			if (cls)
				out = ym_sbom_join(c->a, out,
						   flow_class(c, cls));
		}
	}
	return out;
}

static int parse_services(ctx *c, const xmlNode *list, const char *path,
			  int depth)
{
	size_t i = 0;
	int rc;
	if (!list)
		return 0;
	if (depth > MAX_NEST)
		return fail_at(c, list, path, _("services nested too deeply"));
	for (const xmlNode *n = child(c, list, "service"); n;
	     n = next_el(c, n, "service")) {
		ym_sbom_service s = {0};
		char sub[256], field[300];
		snprintf(sub, sizeof sub, "%s/service[%zu]", path, ++i);
		s.bom_ref = attr(c, n, "bom-ref");
		s.provider = child_text(c, child(c, n, "provider"), "name");
		s.name = child_text(c, n, "name");
		s.version = child_text(c, n, "version");
		for (const xmlNode *e = child(c, child(c, n, "endpoints"),
					      "endpoint");
		     e; e = next_el(c, e, "endpoint"))
			s.endpoints = ym_sbom_join(c->a, s.endpoints,
						   text_of(c, e));
		if ((rc = read_bool(c, child(c, n, "authenticated"), sub,
				    &s.authenticated)) ||
		    (rc = read_bool(c, child(c, n, "x-trust-boundary"), sub,
				    &s.trust_boundary)))
			return rc;
		s.data = read_data(c, n);
		if (!s.name || !*s.name) {
			snprintf(field, sizeof field, "%s/name", sub);
			return fail_at(c, n, field,
				       _("service has no name (required)"));
		}
		ym_sbom_add_service(&c->b, &s);
		snprintf(field, sizeof field, "%s/services", sub);
		if ((rc = parse_services(c, child(c, n, "services"), field,
					 depth + 1)))
			return rc;
	}
	return 0;
}

/* ---- vulnerabilities -> CycloneDX JSON ----
 *
 * The XML and JSON forms differ in regular ways: a plural element holds
 * the items of a JSON array (ratings/rating, cwes/cwe, affects/target,
 * ...), attributes are members, a leaf with attributes is an object with
 * its text under "content" (hash, attachment) or "value" (property).
 * Member order is the document's: attributes first, then elements. */

static const char *const arrays[] = {
	"vulnerabilities", "references", "ratings",	  "cwes",
	"advisories",	   "affects",	 "versions",	  "responses",
	"organizations",   "individuals", "properties",	  "components",
	"services",	   "hashes",	 "licenses",	  "externalReferences",
	"endpoints",	   "contacts",
};

static bool is_array_el(const ctx *c, const xmlNode *n)
{
	const char *name = (const char *)n->name;
	if (strcmp(name, "tools") == 0) /* 1.4 tools/tool; 1.5 is an object */
		return child(c, n, "tool") != NULL;
	for (size_t i = 0; i < sizeof arrays / sizeof arrays[0]; i++)
		if (strcmp(name, arrays[i]) == 0)
			return true;
	return false;
}

/* JSON member name of an XML element or attribute. */
static const char *json_key(const char *xml)
{
	if (strcmp(xml, "responses") == 0)
		return "response";
	if (strcmp(xml, "content-type") == 0)
		return "contentType";
	return xml;
}

/* A JSON number per RFC 8259. */
static bool is_number(const char *s)
{
	if (*s == '-')
		s++;
	if (*s == '0')
		s++;
	else if (*s >= '1' && *s <= '9')
		while (*s >= '0' && *s <= '9')
			s++;
	else
		return false;
	if (*s == '.') {
		s++;
		if (!(*s >= '0' && *s <= '9'))
			return false;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	if (*s == 'e' || *s == 'E') {
		s++;
		if (*s == '+' || *s == '-')
			s++;
		if (!(*s >= '0' && *s <= '9'))
			return false;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	return *s == '\0';
}

static void write_scalar(ym_jsonw *w, const char *name, const char *s)
{
	if ((strcmp(name, "score") == 0 || strcmp(name, "cwe") == 0) &&
	    is_number(s)) {
		ym_json num = {.type = YM_JSON_NUMBER};
		num.u.num.raw = s;
		ym_jsonw_value(w, &num);
		return;
	}
	ym_jsonw_str(w, s);
}

static void write_el(ctx *c, ym_jsonw *w, const xmlNode *n, int depth);

static void write_attrs(ctx *c, ym_jsonw *w, const xmlNode *n)
{
	for (const xmlAttr *at = n->properties; at; at = at->next) {
		if (at->ns) /* xsi:, xml: and extension attributes */
			continue;
		const char *name = (const char *)at->name;
		ym_jsonw_key(w, json_key(name));
		ym_jsonw_str(w, attr(c, n, name));
	}
}

static void write_el(ctx *c, ym_jsonw *w, const xmlNode *n, int depth)
{
	const char *name = (const char *)n->name;
	if (depth > MAX_VEX_DEPTH) {
		ym_jsonw_null(w);
		return;
	}
	if (is_array_el(c, n)) {
		ym_jsonw_arr_begin(w);
		for (const xmlNode *k = child(c, n, NULL); k;
		     k = next_el(c, k, NULL))
			write_el(c, w, k, depth + 1);
		ym_jsonw_arr_end(w);
		return;
	}
	bool has_attrs = false, has_kids = child(c, n, NULL) != NULL;
	for (const xmlAttr *at = n->properties; at; at = at->next)
		if (!at->ns)
			has_attrs = true;
	if (!has_kids && !has_attrs) {
		write_scalar(w, name, text_of(c, n));
		return;
	}
	ym_jsonw_obj_begin(w);
	write_attrs(c, w, n);
	if (!has_kids) {
		const char *t = text_of(c, n);
		if (*t) {
			ym_jsonw_key(w, strcmp(name, "property") == 0 ? "value"
								     : "content");
			ym_jsonw_str(w, t);
		}
	}
	for (const xmlNode *k = child(c, n, NULL); k; k = next_el(c, k, NULL)) {
		ym_jsonw_key(w, json_key((const char *)k->name));
		write_el(c, w, k, depth + 1);
	}
	ym_jsonw_obj_end(w);
}

static void keep_vex(ctx *c, const xmlNode *vulns, ym_sbom *out)
{
	ym_buf b = YM_BUF_INIT;
	ym_jsonw w;
	if (!vulns)
		return;
	ym_jsonw_init(&w, &b, false);
	write_el(c, &w, vulns, 0);
	out->vex = ym_arena_strndup(c->a, b.ptr, b.len);
	ym_buf_release(&b);
}

/* 1.0 to 1.6 */
static bool known_version(const char *v)
{
	return strlen(v) == 3 && v[0] == '1' && v[1] == '.' && v[2] >= '0' &&
	       v[2] <= '6';
}

static int walk(ctx *c, const xmlNode *root, ym_sbom *out)
{
	int rc;
	const xmlNode *meta = child(c, root, "metadata");
	out->serial = attr(c, root, "serialNumber");
	if (meta && (rc = parse_subject(c, meta, out)))
		return rc;
	if ((rc = parse_components(c, child(c, root, "components"),
				   "/bom/components", 0, 0)) ||
	    (rc = parse_services(c, child(c, root, "services"),
				 "/bom/services", 0)) ||
	    (rc = parse_dependencies(c, child(c, root, "dependencies"))))
		return rc;
	keep_vex(c, child(c, root, "vulnerabilities"), out);
	return 0;
}

/* Reads to the root element; refuses a DOCTYPE on the way. */
static long doctype_line(const char *text, size_t len)
{
	const char *d = memmem(text, len, "<!DOCTYPE", 9);
	long line = 1;
	for (const char *p = text; d && p < d; p++)
		line += *p == '\n';
	return d ? line : 0;
}

static int to_root(ctx *c, xmlTextReaderPtr r, const char *text,
		   size_t len)
{
	for (;;) {
		int rc = xmlTextReaderRead(r);
		if (rc != 1)
			return xml_error(c, r);
		int t = xmlTextReaderNodeType(r);
		if (t == XML_READER_TYPE_DOCUMENT_TYPE) {
			ym_err_set(c->err, YM_E_INVALID,
				   _("a document type declaration is not "
				     "allowed in an SBOM"));
			ym_err_at(c->err, c->file, doctype_line(text, len),
				  0);
			return YM_E_INVALID;
		}
		if (t == XML_READER_TYPE_ELEMENT)
			return 0;
	}
}

int ym_cyclonedx_parse_xml(const char *text, size_t len,
			   const char *filename, ym_arena *a, ym_sbom *out,
			   ym_err *err)
{
	ctx c = {.file = filename, .a = a, .err = err};
	xmlTextReaderPtr r = NULL;
	int rc;
	memset(out, 0, sizeof *out);
	if (len > YM_CDX_XML_MAX || len > INT_MAX) {
		ym_err_set(err, YM_E_TOOBIG,
			   _("XML SBOM larger than %zu MiB"),
			   YM_CDX_XML_MAX >> 20);
		ym_err_at(err, filename, 0, 0);
		return YM_E_TOOBIG;
	}
	if (len == 0) {
		ym_err_set(err, YM_E_PARSE, _("not well-formed XML: %s"),
			   _("empty document"));
		ym_err_at(err, filename, 1, 1);
		return YM_E_PARSE;
	}
	r = xmlReaderForMemory(text, (int)len, NULL, NULL,
			       XML_PARSE_NONET | XML_PARSE_NOCDATA |
				       XML_PARSE_BIG_LINES |
				       XML_PARSE_IGNORE_ENC);
	if (!r) {
		ym_err_set(err, YM_E_NOMEM, _("cannot create an XML reader"));
		ym_err_at(err, filename, 0, 0);
		return YM_E_NOMEM;
	}
	xmlTextReaderSetStructuredErrorHandler(r, on_xml_error, &c);
	if ((rc = to_root(&c, r, text, len)))
		goto out;
	const xmlChar *local = xmlTextReaderConstLocalName(r);
	const xmlChar *ns = xmlTextReaderConstNamespaceUri(r);
	long root_line = line_of(xmlTextReaderCurrentNode(r));
	if (!local || strcmp((const char *)local, "bom") != 0 || !ns ||
	    strncmp((const char *)ns, NS_PREFIX, strlen(NS_PREFIX)) != 0) {
		rc = ym_sbom_fail(err, filename, root_line, 0, "/",
				  _("not a CycloneDX document (the root must "
				    "be bom in a http://cyclonedx.org/schema/"
				    "bom/ namespace)"));
		goto out;
	}
	if (!known_version((const char *)ns + strlen(NS_PREFIX))) {
		char msg[512];
		snprintf(msg, sizeof msg,
			 _("unsupported CycloneDX namespace '%s' (expected "
			   "%s1.0 to %s1.6)"),
			 (const char *)ns, NS_PREFIX, NS_PREFIX);
		rc = ym_sbom_fail(err, filename, root_line, 0, "/bom/@xmlns",
				  msg);
		goto out;
	}
	c.ns = ym_arena_strdup(a, (const char *)ns);
	out->format = "CycloneDX";
	out->spec_version = c.ns + strlen(NS_PREFIX);
	xmlNodePtr root = xmlTextReaderExpand(r);
	if (!root || c.xml_failed) {
		rc = xml_error(&c, r);
		goto out;
	}
	if ((rc = walk(&c, root, out)))
		goto out;
	/* the rest of the document must be well-formed too */
	while ((rc = xmlTextReaderNext(r)) == 1)
		;
	if (rc < 0 || c.xml_failed) {
		rc = xml_error(&c, r);
		goto out;
	}
	rc = 0;
	ym_sbom_builder_finish(&c.b, a, out);
out:
	if (rc) {
		/* out's strings may point into a half-built result */
		const char *fmt = out->format;
		memset(out, 0, sizeof *out);
		out->format = fmt;
	}
	ym_sbom_builder_release(&c.b);
	xmlFreeTextReader(r);
	return rc;
}
