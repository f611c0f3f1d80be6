/* spdx_tv.c - SPDX 2.2/2.3 tag-value documents ("Tag: value" lines,
 * multi-line values between <text> and </text>): packages, the described
 * package and the dependency relationships, as spdx_json.c reads them. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/utf8.h"
#include "core/vec.h"
#include "inventory/sbom_component.h"
#include "inventory/spdx.h"

/* Longest tag kept (longer ones are not SPDX tags and are skipped). */
#define MAX_TAG 64

typedef struct pkg_src {
	const char *supplier, *originator, *concluded, *declared, *purpose;
	long purl_line, purl_col;
} pkg_src;

typedef struct ctx {
	const char *file;
	ym_arena *a;
	ym_err *err;
	ym_sbom_builder b;
	YM_VEC(ym_spdx_rel) rels;
	YM_VEC(pkg_src) src; /* parallel to b.comps */
	ym_component *cur;   /* the package being read, or NULL */
	size_t n_refs;       /* ExternalRef lines of the current package */
	const char *doc_id;
} ctx;

static int fail_line(ctx *c, long line, long col, const char *field,
		     const char *msg)
{
	return ym_sbom_fail(c->err, c->file, line, col, field, msg);
}

static bool is_blank(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\r';
}

/* Line and column of byte off in text. */
static void position(const char *text, size_t off, long *line, long *col)
{
	long l = 1;
	size_t bol = 0;
	for (size_t i = 0; i < off; i++)
		if (text[i] == '\n') {
			l++;
			bol = i + 1;
		}
	*line = l;
	*col = (long)(off - bol) + 1;
}

/* Closes the package being read: derives the fields that need all its
 * tags, canonicalises the purl. */
static int end_package(ctx *c)
{
	if (!c->cur)
		return 0;
	size_t idx = c->b.n_comps - 1;
	ym_component *comp = c->cur;
	pkg_src *s = &c->src.v[idx];
	c->cur = NULL;
	comp->supplier = ym_spdx_party(s->supplier, c->a);
	if (!comp->supplier)
		comp->supplier = ym_spdx_party(s->originator, c->a);
	comp->licenses = ym_spdx_license(s->concluded, s->declared);
	comp->type = ym_spdx_purpose(s->purpose, c->a);
	ym_err perr = YM_ERR_INIT;
	if (ym_sbom_component_finish(comp, NULL, c->a, &perr)) {
		char field[64];
		snprintf(field, sizeof field, "packages[%zu].ExternalRef",
			 idx);
		return fail_line(c, s->purl_line, s->purl_col, field,
				 perr.msg);
	}
	return 0;
}

/* "CATEGORY TYPE LOCATOR" of an ExternalRef. */
static int external_ref(ctx *c, const char *v, long line, long col)
{
	char cat[64], type[128];
	const char *p = v;
	size_t n;
	char field[64];
	size_t idx = c->b.n_comps - 1;
	snprintf(field, sizeof field, "packages[%zu].ExternalRef", idx);
	for (int k = 0; k < 2; k++) {
		char *dst = k ? type : cat;
		size_t cap = k ? sizeof type : sizeof cat;
		while (*p == ' ' || *p == '\t')
			p++;
		n = strcspn(p, " \t");
		if (n == 0 || n >= cap)
			return fail_line(c, line, col, field,
					 _("expected \"CATEGORY TYPE "
					   "LOCATOR\""));
		memcpy(dst, p, n);
		dst[n] = '\0';
		p += n;
	}
	while (*p == ' ' || *p == '\t')
		p++;
	if (!*p)
		return fail_line(c, line, col, field,
				 _("expected \"CATEGORY TYPE LOCATOR\""));
	long lcol = col + (long)(p - v);
	ym_component *comp = c->cur;
	if (strcmp(type, "purl") == 0 && !comp->purl) {
		comp->purl = p;
		c->src.v[idx].purl_line = line;
		c->src.v[idx].purl_col = lcol;
	} else if (strcmp(type, "cpe23Type") == 0 && !comp->cpe) {
		comp->cpe = p;
	} else if (strcmp(type, "cpe22Type") == 0 && !comp->cpe) {
		ym_err cerr = YM_ERR_INIT;
		if (ym_spdx_cpe22(p, c->a, &comp->cpe, &cerr))
			return fail_line(c, line, lcol, field, cerr.msg);
	}
	c->n_refs++;
	return 0;
}

static int checksum(ctx *c, const char *v, long line, long col)
{
	const char *colon = strchr(v, ':');
	if (!colon || colon == v) {
		char field[64];
		snprintf(field, sizeof field, "packages[%zu].PackageChecksum",
			 c->b.n_comps - 1);
		return fail_line(c, line, col, field,
				 _("expected \"ALGORITHM: value\""));
	}
	const char *alg = ym_arena_strndup(c->a, v, (size_t)(colon - v));
	const char *val = colon + 1;
	while (*val == ' ' || *val == '\t')
		val++;
	c->cur->hashes = ym_sbom_join(
		c->a, c->cur->hashes,
		ym_arena_printf(c->a, "%s:%s", ym_sbom_hash_alg(alg), val));
	return 0;
}

static int relationship(ctx *c, const char *v, long line, long col)
{
	char *s = ym_arena_strdup(c->a, v);
	char *part[3];
	int n = 0;
	char *p = s;
	while (n < 3) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p)
			break;
		part[n++] = p;
		p += strcspn(p, " \t");
		if (*p)
			*p++ = '\0';
	}
	while (*p == ' ' || *p == '\t')
		p++;
	if (n < 3 || *p)
		return fail_line(c, line, col, "Relationship",
				 _("expected \"SPDXID TYPE SPDXID\""));
	ym_spdx_rel r = {.from = part[0], .type = part[1], .to = part[2]};
	ym_vec_push(&c->rels, r);
	return 0;
}

/* One tag with its value (NUL-terminated, trimmed, in the arena). */
static int on_tag(ctx *c, const char *tag, const char *v, long line,
		  long col)
{
	int rc;
	if (strcmp(tag, "Relationship") == 0)
		return relationship(c, v, line, col);
	if (strcmp(tag, "PackageName") == 0) {
		if ((rc = end_package(c)))
			return rc;
		ym_component comp = {.name = v, .source = c->file};
		pkg_src s = {0};
		ym_sbom_add_component(&c->b, &comp);
		ym_vec_push(&c->src, s);
		c->cur = &c->b.comps[c->b.n_comps - 1];
		c->n_refs = 0;
		if (!*v) {
			char field[64];
			snprintf(field, sizeof field,
				 "packages[%zu].PackageName",
				 c->b.n_comps - 1);
			return fail_line(c, line, col, field,
					 _("package has no name "
					   "(required)"));
		}
		return 0;
	}
	if (strcmp(tag, "FileName") == 0 || strcmp(tag, "SnippetSPDXID") == 0 ||
	    strcmp(tag, "LicenseID") == 0)
		return end_package(c);
	if (!c->cur) {
		if (strcmp(tag, "SPDXID") == 0 && !c->doc_id)
			c->doc_id = v;
		return 0;
	}
	pkg_src *s = &c->src.v[c->b.n_comps - 1];
	if (strcmp(tag, "SPDXID") == 0)
		c->cur->bom_ref = v;
	else if (strcmp(tag, "PackageVersion") == 0)
		c->cur->version = v;
	else if (strcmp(tag, "PackageSupplier") == 0)
		s->supplier = v;
	else if (strcmp(tag, "PackageOriginator") == 0)
		s->originator = v;
	else if (strcmp(tag, "PackageLicenseConcluded") == 0)
		s->concluded = v;
	else if (strcmp(tag, "PackageLicenseDeclared") == 0)
		s->declared = v;
	else if (strcmp(tag, "PrimaryPackagePurpose") == 0)
		s->purpose = v;
	else if (strcmp(tag, "PackageChecksum") == 0)
		return checksum(c, v, line, col);
	else if (strcmp(tag, "ExternalRef") == 0)
		return external_ref(c, v, line, col);
	return 0;
}

static int parse_lines(ctx *c, const char *text, size_t len, ym_sbom *out)
{
	size_t i = 0;
	long line = 0;
	int rc;
	bool first = true;
	while (i < len) {
		size_t bol = i;
		line++;
		size_t eol = bol;
		while (eol < len && text[eol] != '\n')
			eol++;
		i = eol < len ? eol + 1 : eol;
		size_t p = bol;
		while (p < eol && is_blank(text[p]))
			p++;
		if (p == eol || text[p] == '#')
			continue;
		const char *colon = memchr(text + p, ':', eol - p);
		if (!colon)
			return fail_line(c, line, (long)(p - bol) + 1, "",
					 _("expected \"Tag: value\""));
		size_t tlen = (size_t)(colon - (text + p));
		while (tlen && is_blank(text[p + tlen - 1]))
			tlen--;
		char tag[MAX_TAG + 1] = "";
		if (tlen <= MAX_TAG) {
			memcpy(tag, text + p, tlen);
			tag[tlen] = '\0';
		}
		size_t v = (size_t)(colon - text) + 1;
		while (v < eol && is_blank(text[v]))
			v++;
		long vcol = (long)(v - bol) + 1;
		size_t vend = eol;
		if (eol - v >= 6 && memcmp(text + v, "<text>", 6) == 0) {
			/* runs to </text>, possibly lines later */
			const char *end = NULL;
			for (size_t k = v + 6; k + 7 <= len; k++)
				if (memcmp(text + k, "</text>", 7) == 0) {
					end = text + k;
					break;
				}
			if (!end) {
				char field[MAX_TAG + 1];
				snprintf(field, sizeof field, "%s", tag);
				return fail_line(c, line, vcol, field,
						 _("<text> is not closed by "
						   "</text>"));
			}
			for (const char *q = text + v; q < end; q++)
				if (*q == '\n')
					line++;
			v += 6;
			vend = (size_t)(end - text);
			i = vend + 7;
			while (i < len && text[i] != '\n')
				i++;
			if (i < len)
				i++;
		}
		while (vend > v && is_blank(text[vend - 1]))
			vend--;
		const char *val = ym_arena_strndup(c->a, text + v, vend - v);
		if (first) {
			first = false;
			if (strcmp(tag, "SPDXVersion") != 0 ||
			    strncmp(val, "SPDX-2.", 7) != 0)
				return fail_line(
					c, line, vcol, "SPDXVersion",
					_("not an SPDX 2 tag-value document "
					  "(the first tag must be "
					  "SPDXVersion: SPDX-2.x)"));
			out->spec_version = val + 5;
			continue;
		}
		if (strcmp(tag, "DocumentNamespace") == 0 && !out->serial)
			out->serial = val;
		if ((rc = on_tag(c, tag, val, line, vcol)))
			return rc;
	}
	if (first)
		return fail_line(c, 1, 1, "SPDXVersion",
				 _("not an SPDX 2 tag-value document (the "
				   "first tag must be SPDXVersion: "
				   "SPDX-2.x)"));
	return end_package(c);
}

int ym_spdx_parse_tv(const char *text, size_t len, const char *filename,
		     ym_arena *a, ym_sbom *out, ym_err *err)
{
	ctx c = {.file = filename, .a = a, .err = err};
	size_t bad;
	int rc;
	memset(out, 0, sizeof *out);
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		text += 3;
		len -= 3;
	}
	if (!ym_utf8_valid(text, len, &bad)) {
		long line, col;
		position(text, bad, &line, &col);
		ym_err_set(err, YM_E_PARSE, _("invalid UTF-8"));
		ym_err_at(err, filename, line, col);
		return YM_E_PARSE;
	}
	if (memchr(text, '\0', len)) {
		long line, col;
		position(text, (size_t)((const char *)memchr(text, '\0', len) -
					text),
			 &line, &col);
		ym_err_set(err, YM_E_PARSE, _("NUL byte in a text document"));
		ym_err_at(err, filename, line, col);
		return YM_E_PARSE;
	}
	out->format = "SPDX";
	rc = parse_lines(&c, text, len, out);
	if (!rc)
		ym_spdx_assemble(&c.b, c.doc_id ? c.doc_id : "SPDXRef-DOCUMENT",
				 NULL, 0, c.rels.v, c.rels.n, a, out);
	ym_sbom_builder_release(&c.b);
	ym_vec_release(&c.rels);
	ym_vec_release(&c.src);
	return rc;
}
