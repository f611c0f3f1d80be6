/* sbom_detect.c - pick the SBOM parser from the document's content. */
#include "inventory/sbom_detect.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/json.h"
#include "inventory/cyclonedx_xml.h"
#include "inventory/spdx.h"

/* How far into a document the XML root element is looked for. */
#define XML_SNIFF 65536

static size_t skip_space(const char *t, size_t len, size_t i)
{
	while (i < len && (t[i] == ' ' || t[i] == '\t' || t[i] == '\r' ||
			   t[i] == '\n'))
		i++;
	return i;
}

static int unknown(ym_err *err, const char *file, const char *what)
{
	ym_err_set(err, YM_E_UNSUPPORTED,
		   _("not a supported SBOM: %s (expected CycloneDX JSON or "
		     "XML, SPDX 2 JSON or SPDX tag-value)"),
		   what);
	ym_err_at(err, file, 0, 0);
	return YM_E_UNSUPPORTED;
}

/* JSON: parse once to look at the top-level keys, then hand over (the
 * chosen parser parses again; SBOMs are small next to the arena). */
static int from_json(const char *text, size_t len, const char *file,
		     ym_arena *a, ym_sbom *out, ym_err *err)
{
	ym_json *root = ym_json_parse(a, text, len, NULL, file, err);
	if (!root)
		return err ? err->code : YM_E_PARSE;
	if (root->type != YM_JSON_OBJECT)
		return unknown(err, file, _("a JSON document that is not an "
					    "object"));
	if (ym_json_get(root, "bomFormat"))
		return ym_cyclonedx_parse_json(text, len, file, a, out, err);
	if (ym_json_get(root, "spdxVersion") || ym_json_get(root, "@context"))
		return ym_spdx_parse_json(text, len, file, a, out, err);
	if (ym_json_get(root, "lockfileVersion"))
		return unknown(err, file,
			       _("an npm package-lock.json (a lock file, "
				 "not an SBOM)"));
	return unknown(err, file,
		       _("a JSON document without bomFormat or "
			 "spdxVersion"));
}

/* The root element's name and default namespace, cut from the text
 * without parsing (comments, processing instructions and a DOCTYPE
 * before it are skipped). */
static void xml_root(const char *t, size_t len, char *name, size_t nn,
		     char *ns, size_t nsn)
{
	size_t i = 0;
	name[0] = ns[0] = '\0';
	if (len > XML_SNIFF)
		len = XML_SNIFF;
	for (;;) {
		i = skip_space(t, len, i);
		if (i + 1 >= len || t[i] != '<')
			return;
		if (t[i + 1] == '?' || t[i + 1] == '!') {
			const char *end = NULL;
			if (i + 4 <= len && memcmp(t + i, "<!--", 4) == 0) {
				for (size_t k = i + 4; k + 3 <= len; k++)
					if (memcmp(t + k, "-->", 3) == 0) {
						end = t + k + 3;
						break;
					}
			} else {
				end = memchr(t + i, '>', len - i);
				/* a DOCTYPE's internal subset: up to "]>" */
				const char *br = memchr(t + i, '[', len - i);
				if (end && br && br < end) {
					end = NULL;
					for (size_t k = (size_t)(br - t);
					     k + 2 <= len; k++)
						if (t[k] == ']' && t[k + 1] == '>') {
							end = t + k + 1;
							break;
						}
				}
				if (end)
					end++;
			}
			if (!end)
				return;
			i = (size_t)(end - t);
			continue;
		}
		break;
	}
	size_t s = ++i;
	while (i < len && !strchr(" \t\r\n/>", t[i]))
		i++;
	snprintf(name, nn, "%.*s", (int)(i - s), t + s);
	const char *gt = memchr(t + i, '>', len - i);
	size_t end = gt ? (size_t)(gt - t) : len;
	/* the namespace of the root's prefix (or the default one) */
	const char *colon = strchr(name, ':');
	char attr[80];
	if (colon)
		snprintf(attr, sizeof attr, "xmlns:%.*s=",
			 (int)(colon - name), name);
	else
		snprintf(attr, sizeof attr, "xmlns=");
	size_t al = strlen(attr);
	for (size_t k = i; k + al + 1 < end; k++) {
		if (memcmp(t + k, attr, al) != 0 ||
		    !strchr(" \t\r\n", t[k - 1]))
			continue;
		char q = t[k + al];
		if (q != '"' && q != '\'')
			continue;
		const char *v = t + k + al + 1;
		const char *ve = memchr(v, q, end - (size_t)(v - t));
		if (ve)
			snprintf(ns, nsn, "%.*s", (int)(ve - v), v);
		return;
	}
}

/* "---" or an SPDX key in its YAML spelling on the first lines. */
static bool looks_yaml(const char *t, size_t len)
{
	static const char *const keys[] = {"spdxVersion:", "SPDXID: \"",
					   "SPDXID: '", "bomFormat:"};
	if (len >= 3 && memcmp(t, "---", 3) == 0)
		return true;
	for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
		size_t n = strlen(keys[k]);
		if (len >= n && memcmp(t, keys[k], n) == 0)
			return true;
	}
	return false;
}

int ym_sbom_parse_any(const char *text, size_t len, const char *filename,
		      ym_arena *a, ym_sbom *out, ym_err *err)
{
	size_t i = 0;
	memset(out, 0, sizeof *out);
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	i = skip_space(text, len, i);
	if (i < len && (text[i] == '{' || text[i] == '['))
		return from_json(text, len, filename, a, out, err);
	if (i < len && text[i] == '<') {
		char name[128], ns[256];
		xml_root(text + i, len - i, name, sizeof name, ns, sizeof ns);
		const char *local = strchr(name, ':');
		local = local ? local + 1 : name;
		if (strcmp(local, "bom") == 0 &&
		    strncmp(ns, "http://cyclonedx.org/schema/bom/", 32) == 0)
			return ym_cyclonedx_parse_xml(text, len, filename, a,
						      out, err);
		char what[512];
		if (strcmp(local, "Document") == 0 ||
		    strcmp(local, "SpdxDocument") == 0)
			return unknown(err, filename,
				       _("an SPDX XML document (SPDX XML is "
					 "not supported: use SPDX JSON or "
					 "tag-value)"));
		if (!name[0])
			snprintf(what, sizeof what, "%s",
				 _("an XML document without a root element"));
		else if (ns[0])
			snprintf(what, sizeof what,
				 _("an XML document whose root is <%s> in "
				   "namespace %s"),
				 name, ns);
		else
			snprintf(what, sizeof what,
				 _("an XML document whose root is <%s> "
				   "without a namespace"),
				 name);
		return unknown(err, filename, what);
	}
	if (len - i >= 12 && memcmp(text + i, "SPDXVersion:", 12) == 0)
		return ym_spdx_parse_tv(text, len, filename, a, out, err);
	/* a tag-value document may open with comments */
	if (i < len && text[i] == '#') {
		const char *p = text + i;
		const char *end = text + len;
		while (p < end && (*p == '#' || *p == '\n' || *p == '\r' ||
				   *p == ' ' || *p == '\t')) {
			if (*p == '#') {
				const char *nl = memchr(p, '\n',
							(size_t)(end - p));
				p = nl ? nl : end;
			} else {
				p++;
			}
		}
		if (end - p >= 12 && memcmp(p, "SPDXVersion:", 12) == 0)
			return ym_spdx_parse_tv(text, len, filename, a, out,
						err);
	}
	if (looks_yaml(text + i, len - i))
		return unknown(err, filename,
			       _("a YAML document (SPDX YAML is not "
				 "supported: use SPDX JSON or tag-value)"));
	/* neither: JSON was the only format once, and its syntax error
	 * (with the position of the first byte that is wrong) is what an
	 * empty or garbled file has always reported */
	return ym_cyclonedx_parse_json(text, len, filename, a, out, err);
}
