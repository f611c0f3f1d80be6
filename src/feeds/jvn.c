/* jvn.c - JVNRSS overviews and VULDEF details into ym_vuln records.
 *
 * One libxml2 xmlTextReader per call, streaming: a record is read element
 * by element, its strings copied into the caller's arena, then handed to
 * the sink, so memory is the arena plus one record's lists. The reader
 * gets XML_PARSE_NONET and nothing that loads or substitutes (no NOENT,
 * DTDLOAD, DTDATTR, XINCLUDE, HUGE), only UTF-8 text (so no encoding
 * conversion, whose errors libxml2 would print through its global
 * handler); its errors go to a handler of this parse.
 */
#include "feeds/jvn.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/xmlreader.h>

#include "core/buf.h"
#include "core/i18n.h"
#include "core/json.h"
#include "core/vec.h"
#include "feeds/jvn_versions.h"
#include "ids/cpe.h"
#include "ids/cpe_names.h"

#define MAX_LIST 10000 /* entries of one kind in one record */
#define MAX_REL 16     /* element depth below a record that is read */
#define MAX_WARN 8     /* warnings kept per record */
#define MAX_ID 128     /* longest record id */

typedef enum doc_kind { DOC_RSS, DOC_VULDEF } doc_kind;

typedef struct px {
	xmlTextReaderPtr r;
	const char *file;
	ym_arena *a;
	const ym_feed_ctx *fc;
	ym_err *err;
	doc_kind kind;
	bool xml_failed;    /* libxml2 reported a fatal error */
	char xml_msg[512];  /* its message */
	long xml_line, xml_col;
	bool status;        /* a status:Status element was read */
	long status_line;
	char *ret_cd, *err_cd, *err_msg, *total, *returned, *first;
	size_t n_records;   /* record elements seen (index in field paths) */
	ym_buf scratch;     /* text of the element being read */
} px;

/* ---- the reader ---- */

#if LIBXML_VERSION >= 21200
static void on_xml_error(void *arg, const xmlError *e)
#else
static void on_xml_error(void *arg, xmlErrorPtr e)
#endif
{
	px *p = arg;
	if (!e || e->level != XML_ERR_FATAL || p->xml_failed)
		return;
	p->xml_failed = true;
	snprintf(p->xml_msg, sizeof p->xml_msg, "%s",
		 e->message ? e->message : "");
	size_t n = strlen(p->xml_msg);
	while (n > 0 && (p->xml_msg[n - 1] == '\n' || p->xml_msg[n - 1] == ' '))
		p->xml_msg[--n] = '\0';
	for (size_t i = 0; i < n; i++) /* "...encoding !\nBytes: ..." */
		if (p->xml_msg[i] == '\n' || p->xml_msg[i] == '\r')
			p->xml_msg[i] = ' ';
	p->xml_line = e->line;
	p->xml_col = e->int2;
}

static int xml_error(px *p)
{
	long line = p->xml_line > 0 ? p->xml_line
				    : xmlTextReaderGetParserLineNumber(p->r);
	long col = p->xml_failed ? p->xml_col
				 : xmlTextReaderGetParserColumnNumber(p->r);
	ym_err_set(p->err, YM_E_PARSE, _("not well-formed XML: %s"),
		   p->xml_failed && p->xml_msg[0] ? p->xml_msg
						  : _("unexpected end of input"));
	ym_err_at(p->err, p->file, line > 0 ? line : 1, col > 0 ? col : 0);
	return YM_E_PARSE;
}

/* Advances the reader: 1 a node, 0 the end, < 0 an error (err set). */
static int step(px *p)
{
	int rc = xmlTextReaderRead(p->r);
	if (rc == 1) {
		if (xmlTextReaderNodeType(p->r) ==
		    XML_READER_TYPE_DOCUMENT_TYPE) {
			ym_err_set(p->err, YM_E_INVALID,
				   _("a document type declaration is not "
				     "allowed in a JVN feed"));
			ym_err_at(p->err, p->file,
				  xmlTextReaderGetParserLineNumber(p->r), 0);
			return YM_E_INVALID;
		}
		return 1;
	}
	if (rc == 0 && !p->xml_failed)
		return 0;
	return xml_error(p);
}

/* step() where the document must go on (inside an element). */
static int step_in(px *p)
{
	int rc = step(p);
	return rc == 0 ? xml_error(p) : rc;
}

static const char *qname(px *p)
{
	const xmlChar *n = xmlTextReaderConstName(p->r);
	return n ? (const char *)n : "";
}

/* The local part of a name: undeclared prefixes stay in the name
 * libxml2 reports, so they are cut here. */
static const char *local_of(const char *q)
{
	const char *c = strrchr(q, ':');
	return c ? c + 1 : q;
}

static long node_line(px *p)
{
	xmlNodePtr n = xmlTextReaderCurrentNode(p->r);
	long l = n ? xmlGetLineNo(n) : -1;
	return l > 0 ? l : xmlTextReaderGetParserLineNumber(p->r);
}

/* Copies s[0..n) into the arena, trimmed of ASCII white space, with CR LF
 * and lone CR turned into LF. */
static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static char *clean_dup(ym_arena *a, const char *s, size_t n)
{
	while (n > 0 && is_space(s[n - 1]))
		n--;
	while (n > 0 && is_space(s[0])) {
		s++;
		n--;
	}
	char *out = ym_arena_alloc(a, n + 1);
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\r') {
			out[o++] = '\n';
			if (i + 1 < n && s[i + 1] == '\n')
				i++;
		} else {
			out[o++] = s[i];
		}
	}
	out[o] = '\0';
	return out;
}

/* On a start element: the text of all its text nodes, the element
 * consumed. Returns 0 (*out set), 1 when longer than YM_JVN_MAX_FIELD
 * (*out NULL), < 0 on an XML error. */
static int read_text(px *p, char **out)
{
	ym_buf *b = &p->scratch;
	bool too_long = false;

	*out = NULL;
	ym_buf_reset(b);
	if (xmlTextReaderIsEmptyElement(p->r)) {
		*out = clean_dup(p->a, "", 0);
		return 0;
	}
	int depth = xmlTextReaderDepth(p->r);
	for (;;) {
		int rc = step_in(p);
		if (rc < 0)
			return rc;
		int t = xmlTextReaderNodeType(p->r);
		if (t == XML_READER_TYPE_END_ELEMENT &&
		    xmlTextReaderDepth(p->r) == depth)
			break;
		if (t != XML_READER_TYPE_TEXT && t != XML_READER_TYPE_CDATA &&
		    t != XML_READER_TYPE_WHITESPACE &&
		    t != XML_READER_TYPE_SIGNIFICANT_WHITESPACE)
			continue;
		const xmlChar *v = xmlTextReaderConstValue(p->r);
		size_t n = v ? strlen((const char *)v) : 0;
		if (too_long || b->len + n > YM_JVN_MAX_FIELD)
			too_long = true;
		else
			ym_buf_add(b, v, n);
	}
	if (too_long)
		return 1;
	*out = clean_dup(p->a, b->ptr, b->len);
	return 0;
}

/* An attribute of the current element: 0 (*out NULL when absent), 1 when
 * too long. */
static int get_attr(px *p, const char *name, char **out)
{
	xmlChar *v = xmlTextReaderGetAttribute(p->r, BAD_CAST name);
	*out = NULL;
	if (!v)
		return 0;
	size_t n = strlen((const char *)v);
	int rc = 1;
	if (n <= YM_JVN_MAX_FIELD) {
		*out = clean_dup(p->a, (const char *)v, n);
		rc = 0;
	}
	xmlFree(v);
	return rc;
}

/* The error for a root element that is not a vulnerability feed; others
 * (unknown roots) only when all is set. 0 when q is a feed or unknown
 * and !all. */
static int refuse_root(px *p, const char *q, long line, bool all)
{
	const char *ln = local_of(q);
	if (strcmp(ln, "RDF") == 0 || strcmp(ln, "VULDEF-Document") == 0)
		return 0;
	if (strcmp(ln, "Result") == 0)
		ym_err_set(p->err, YM_E_UNSUPPORTED,
			   _("not a vulnerability feed: <%.64s> is a MyJVN "
			     "product, vendor or statistics list"),
			   q);
	else if (strcmp(ln, "feed") == 0)
		ym_err_set(p->err, YM_E_UNSUPPORTED,
			   _("not a vulnerability feed: <%.64s> is a MyJVN "
			     "alert list"),
			   q);
	else if (all)
		ym_err_set(p->err, YM_E_UNSUPPORTED,
			   _("not a JVN feed: unexpected root element "
			     "<%.64s>"),
			   q);
	else
		return 0;
	ym_err_at(p->err, p->file, line, 0);
	return YM_E_UNSUPPORTED;
}

/* The encoding named by an XML declaration "<?xml ... ?>" at s, NULL if
 * it names none. */
static const char *declared_encoding(const char *s, size_t n, size_t *len)
{
	const char *end = memmem(s, n, "?>", 2);
	if (n < 6 || memcmp(s, "<?xml", 5) != 0 || !end ||
	    !(s[5] == ' ' || s[5] == '\t' || s[5] == '\r' || s[5] == '\n'))
		return NULL;
	const char *k = memmem(s, (size_t)(end - s), "encoding", 8);
	if (!k)
		return NULL;
	const char *q = k + 8;
	while (q < end && (*q == ' ' || *q == '\t' || *q == '\r' ||
			   *q == '\n' || *q == '='))
		q++;
	if (q >= end || (*q != '"' && *q != '\''))
		return NULL;
	const char *v = q + 1, *e = memchr(v, *q, (size_t)(end - v));
	if (!e)
		return NULL;
	*len = (size_t)(e - v);
	return v;
}

/* Refuses what the reader must not see: text that is not UTF-8 (libxml2
 * would convert it, and reports conversion errors on its global error
 * handler) and a DOCTYPE (checked in the prolog, before libxml2 parses
 * any declaration). The reader then ignores the declared encoding. */
static int check_prolog(px *p, const char *s, size_t n, bool refuse)
{
	size_t i = 0, elen = 0;
	const unsigned char *u = (const unsigned char *)s;
	bool bom16 = n >= 2 && ((u[0] == 0xfe && u[1] == 0xff) ||
				(u[0] == 0xff && u[1] == 0xfe));
	if (bom16 || memchr(s, '\0', n < 4 ? n : 4)) {
		ym_err_set(p->err, YM_E_UNSUPPORTED,
			   _("JVN feeds are UTF-8; UTF-16 and UTF-32 "
			     "documents are not read"));
		ym_err_at(p->err, p->file, 1, 1);
		return YM_E_UNSUPPORTED;
	}
	if (n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	const char *enc = declared_encoding(s + i, n - i, &elen);
	bool ebcdic = n >= 4 && memcmp(s, "\x4c\x6f\xa7\x94", 4) == 0;
	if (ebcdic || (enc && !(elen == 5 && !strncasecmp(enc, "UTF-8", 5)) &&
		       !(elen == 4 && !strncasecmp(enc, "UTF8", 4)) &&
		       !(elen == 8 && !strncasecmp(enc, "US-ASCII", 8)) &&
		       !(elen == 5 && !strncasecmp(enc, "ASCII", 5)))) {
		ym_err_set(p->err, YM_E_UNSUPPORTED,
			   _("JVN feeds are UTF-8; encoding '%.*s' is not "
			     "read"),
			   ebcdic ? 6 : (int)(elen > 32 ? 32 : elen),
			   ebcdic ? "EBCDIC" : enc);
		ym_err_at(p->err, p->file, 1, 1);
		return YM_E_UNSUPPORTED;
	}
	long line = 1;
	while (i < n) {
		char c = s[i];
		if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
			line += c == '\n';
			i++;
			continue;
		}
		const char *end = NULL;
		size_t close = 0;
		if (n - i >= 2 && memcmp(s + i, "<?", 2) == 0) {
			end = memmem(s + i + 2, n - i - 2, "?>", 2);
			close = 2;
		} else if (n - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
			end = memmem(s + i + 4, n - i - 4, "-->", 3);
			close = 3;
		} else if (n - i >= 9 && memcmp(s + i, "<!DOCTYPE", 9) == 0) {
			ym_err_set(p->err, YM_E_INVALID,
				   _("a document type declaration is not "
				     "allowed in a JVN feed"));
			ym_err_at(p->err, p->file, line, 0);
			return YM_E_INVALID;
		}
		if (!end && refuse && s[i] == '<') {
			/* the root: a product or alert list is refused here,
			 * even when libxml2 would find it malformed later */
			char q[72];
			size_t k = 0;
			while (i + 1 + k < n && k + 1 < sizeof q &&
			       !strchr(" \t\r\n/>", s[i + 1 + k]) &&
			       s[i + 1 + k])
				k++;
			memcpy(q, s + i + 1, k);
			q[k] = '\0';
			return refuse_root(p, q, line, false);
		}
		if (!end)
			break; /* libxml2's to reject */
		for (const char *q = s + i; q < end; q++)
			line += *q == '\n';
		i = (size_t)(end - s) + close;
	}
	return 0;
}

static int px_open(px *p, const char *text, size_t len, const char *file,
		   ym_arena *a, const ym_feed_ctx *fc, ym_err *err,
		   bool refuse)
{
	memset(p, 0, sizeof *p);
	p->file = file ? file : "";
	p->a = a;
	p->fc = fc;
	p->err = err;
	ym_buf_init(&p->scratch, 0);
	if (len > YM_JVN_MAX_BYTES) {
		ym_err_set(err, YM_E_TOOBIG,
			   _("document larger than %zu MiB"),
			   YM_JVN_MAX_BYTES >> 20);
		ym_err_at(err, p->file, 0, 0);
		return YM_E_TOOBIG;
	}
	if (len == 0) {
		ym_err_set(err, YM_E_PARSE, _("not well-formed XML: %s"),
			   _("empty document"));
		ym_err_at(err, p->file, 1, 1);
		return YM_E_PARSE;
	}
	int rc = check_prolog(p, text, len, refuse);
	if (rc)
		return rc;
	p->r = xmlReaderForMemory(text, (int)len, NULL, NULL,
				  XML_PARSE_NONET | XML_PARSE_NOCDATA |
					  XML_PARSE_BIG_LINES |
					  XML_PARSE_COMPACT |
					  XML_PARSE_IGNORE_ENC);
	if (!p->r) {
		ym_err_set(err, YM_E_NOMEM, _("cannot create an XML reader"));
		ym_err_at(err, p->file, 0, 0);
		return YM_E_NOMEM;
	}
	xmlTextReaderSetStructuredErrorHandler(p->r, on_xml_error, p);
	return 0;
}

static void px_close(px *p)
{
	if (p->r)
		xmlFreeTextReader(p->r);
	p->r = NULL;
	ym_buf_release(&p->scratch);
}

/* Reads status:Status (MyJVN paging and API errors). */
static int read_status(px *p)
{
	int bad = 0;
	p->status = true;
	p->status_line = node_line(p);
	bad |= get_attr(p, "retCd", &p->ret_cd);
	bad |= get_attr(p, "errCd", &p->err_cd);
	bad |= get_attr(p, "errMsg", &p->err_msg);
	bad |= get_attr(p, "totalRes", &p->total);
	bad |= get_attr(p, "totalResRet", &p->returned);
	bad |= get_attr(p, "firstRes", &p->first);
	if (bad) {
		ym_err_set(p->err, YM_E_TOOBIG,
			   _("an attribute of status:Status is too long"));
		ym_err_at(p->err, p->file, p->status_line, 0);
		ym_err_field(p->err, "status:Status");
		return YM_E_TOOBIG;
	}
	return 0;
}

/* An API error response fails the document. */
static int check_status(px *p)
{
	if (!p->status || !p->ret_cd || !*p->ret_cd ||
	    strcmp(p->ret_cd, "0") == 0)
		return 0;
	ym_err_set(p->err, YM_E_INVALID, _("MyJVN API error %s: %s"),
		   p->err_cd && *p->err_cd ? p->err_cd : "?",
		   p->err_msg && *p->err_msg ? p->err_msg : _("no message"));
	ym_err_at(p->err, p->file, p->status_line, 0);
	ym_err_field(p->err, "status:Status/@retCd");
	return YM_E_INVALID;
}

/* ---- one record ---- */

typedef YM_VEC(const char *) str_vec;
typedef YM_VEC(ym_cvss_entry) cvss_vec;
typedef YM_VEC(ym_cpe_criterion) cpe_vec;
typedef YM_VEC(ym_err) err_vec;

typedef struct ref {
	const char *url, *source, *tag;
} ref;

typedef struct note {
	const char *category, *details;
} note;

typedef YM_VEC(ref) ref_vec;
typedef YM_VEC(note) note_vec;

typedef struct rec {
	char prefix[48]; /* "item[3]", "Vulinfo[0]" */
	long line;
	bool en;         /* English document */
	char *id, *title, *summary, *link;
	char *published, *modified, *dc_date;
	long published_line, modified_line, dc_date_line;
	str_vec aliases, cwes;
	cvss_vec cvss;
	cpe_vec cpes;
	ref_vec refs;
	note_vec rems, threats;
	int config;      /* next configuration index */
	bool bad;        /* the record is rejected; bad_err says why */
	ym_err bad_err;
	err_vec warns;
	size_t more_warns;
	/* VULDEF groups being read */
	struct {
		char *cpe;
		long cpe_line;
		char *vendor, *product; /* Name, ProductName */
		long product_line;
		str_vec texts;
	} ai;
	int n_ai;
	struct {
		char *version, *severity, *score, *vector;
		long line, score_line;
	} cv;
	int n_cv;
	struct {
		char *type, *name, *id, *url;
	} ri;
	int n_ri;
	int n_si;
} rec;

static void rec_release(rec *r)
{
	ym_vec_release(&r->aliases);
	ym_vec_release(&r->cwes);
	ym_vec_release(&r->cvss);
	ym_vec_release(&r->cpes);
	ym_vec_release(&r->refs);
	ym_vec_release(&r->rems);
	ym_vec_release(&r->threats);
	ym_vec_release(&r->warns);
	ym_vec_release(&r->ai.texts);
}

/* Empties r for the next record, keeping the vectors' memory. */
static void rec_reset(rec *r)
{
	rec keep = *r;
	memset(r, 0, sizeof *r);
#define KEEP(f)                                                           \
	do {                                                              \
		r->f = keep.f;                                            \
		r->f.n = 0;                                               \
	} while (0)
	KEEP(aliases);
	KEEP(cwes);
	KEEP(cvss);
	KEEP(cpes);
	KEEP(refs);
	KEEP(rems);
	KEEP(threats);
	KEEP(warns);
	KEEP(ai.texts);
#undef KEEP
}

/* A problem of the record. fatal: the record is rejected in any mode;
 * otherwise strict mode rejects it and the default mode warns (the value
 * is left out). The record id is filled in when the record ends. */
static void problem(px *p, rec *r, bool fatal, long line, const char *field,
		    const char *fmt, ...) __attribute__((format(printf, 6, 7)));

static void problem(px *p, rec *r, bool fatal, long line, const char *field,
		    const char *fmt, ...)
{
	ym_err e = YM_ERR_INIT;
	va_list ap;
	va_start(ap, fmt);
	ym_err_setv(&e, YM_E_INVALID, fmt, ap);
	va_end(ap);
	ym_err_at(&e, p->file, line, 0);
	ym_err_field(&e, "%s/%s", r->prefix, field);
	if (fatal || (p->fc && p->fc->strict)) {
		if (!r->bad) {
			r->bad = true;
			r->bad_err = e;
		}
		return;
	}
	if (r->warns.n < MAX_WARN)
		ym_vec_push(&r->warns, e);
	else
		r->more_warns++;
}

/* Room for one more entry in a list of the record. */
static bool room(px *p, rec *r, size_t n, long line, const char *field)
{
	if (n < MAX_LIST)
		return true;
	if (!r->bad)
		problem(p, r, true, line, field,
			_("more than %d entries of this kind in one record"),
			MAX_LIST);
	return false;
}

/* read_text for a field: too long makes the record bad. */
static int field_text(px *p, rec *r, long line, const char *field,
		      char **out)
{
	int rc = read_text(p, out);
	if (rc == 1)
		problem(p, r, true, line, field,
			_("text longer than %zu bytes"), YM_JVN_MAX_FIELD);
	return rc < 0 ? rc : 0;
}

static void field_attr(px *p, rec *r, long line, const char *field,
		       const char *name, char **out)
{
	if (get_attr(p, name, out))
		problem(p, r, true, line, field,
			_("attribute '%s' longer than %zu bytes"), name,
			YM_JVN_MAX_FIELD);
}

static void set_once(char **slot, char *v)
{
	if (!*slot && v && *v)
		*slot = v;
}

/* ---- identifiers ---- */

static bool digits(const char *s, size_t min)
{
	size_t n = 0;
	while (s[n] >= '0' && s[n] <= '9')
		n++;
	return n >= min && s[n] == '\0';
}

static bool is_cve(const char *s)
{
	return strncmp(s, "CVE-", 4) == 0 && s[4] >= '1' && s[4] <= '2' &&
	       strlen(s) >= 13 && s[8] == '-' &&
	       strspn(s + 4, "0123456789") == 4 && digits(s + 9, 4);
}

static bool is_jvn_alias(const char *s)
{
	return (strncmp(s, "JVN#", 4) == 0 && digits(s + 4, 1)) ||
	       (strncmp(s, "JVNVU#", 6) == 0 && digits(s + 6, 1));
}

static bool is_cwe(const char *s)
{
	return strncmp(s, "CWE-", 4) == 0 && digits(s + 4, 1);
}

static void add_unique(px *p, rec *r, str_vec *v, const char *s, long line,
		       const char *field)
{
	for (size_t i = 0; i < v->n; i++)
		if (strcmp(v->v[i], s) == 0)
			return;
	if (room(p, r, v->n, line, field))
		ym_vec_push(v, s);
}

static void maybe_alias(px *p, rec *r, const char *id, long line,
			const char *field)
{
	if (id && (is_cve(id) || is_jvn_alias(id)))
		add_unique(p, r, &r->aliases, id, line, field);
}

static void add_ref(px *p, rec *r, const char *url, const char *source,
		    const char *tag, long line, const char *field)
{
	if (!url || !*url)
		return;
	if (!room(p, r, r->refs.n, line, field))
		return;
	ref x = {url, source && *source ? source : NULL,
		 tag && *tag ? tag : NULL};
	ym_vec_push(&r->refs, x);
}

/* ---- CVSS ---- */

static const char *cvss_version(const char *v)
{
	static const char *const known[] = {"2.0", "3.0", "3.1", "4.0"};
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
		if (v && strcmp(v, known[i]) == 0)
			return known[i];
	return NULL;
}

static const char *severity_word(const char *s)
{
	static const char *const words[] = {"critical", "high", "medium",
					    "low", "none"};
	for (size_t i = 0; s && i < sizeof words / sizeof words[0]; i++)
		if (strcasecmp(s, words[i]) == 0)
			return words[i];
	return NULL;
}

/* Rating of a score by the version's table (CVSS v2 has no critical and
 * no none). */
static const char *severity_of_score(const char *version, double s)
{
	if (s < 0)
		return NULL;
	if (version[0] == '2')
		return s < 4.0 ? "low" : s < 7.0 ? "medium" : "high";
	if (s == 0.0)
		return "none";
	return s < 4.0	 ? "low"
	       : s < 7.0 ? "medium"
	       : s < 9.0 ? "high"
			 : "critical";
}

/* field: the element; score_field and score_line: where the score is
 * (an attribute in JVNRSS, an element in VULDEF). */
static void add_cvss(px *p, rec *r, const char *version, const char *score,
		     const char *severity, const char *vector, long line,
		     const char *field, const char *score_field,
		     long score_line)
{
	if (!(score && *score) && !(vector && *vector))
		return;
	const char *v = cvss_version(version);
	char f[128];
	if (!v) {
		snprintf(f, sizeof f, "%s/@version", field);
		problem(p, r, false, line, f, _("unknown CVSS version '%s'"),
			version ? version : "");
		return;
	}
	double s = -1;
	if (score && *score) {
		char *end;
		s = strtod(score, &end);
		if (*end || end == score || !(s >= 0.0 && s <= 10.0)) {
			problem(p, r, false, score_line, score_field,
				_("CVSS score '%s' is not a number from 0 "
				  "to 10"),
				score);
			s = -1;
		}
	}
	if (!room(p, r, r->cvss.n, line, field))
		return;
	ym_cvss_entry e = {
		.version = v,
		.vector = vector && *vector ? vector : NULL,
		.base_score = s,
		.severity = severity_word(severity),
		.origin = "JVN",
	};
	ym_vec_push(&r->cvss, e);
}

/* ---- affected products ---- */

static const char *bind_fs(ym_arena *a, const ym_cpe *c)
{
	ym_buf b = YM_BUF_INIT;
	ym_cpe_bind_fs(c, &b);
	char *s = ym_arena_strndup(a, b.ptr, b.len);
	ym_buf_release(&b);
	return s;
}

/* The product CPE with its version set to v (PREFIX: "v.*"); NULL when v
 * cannot be a CPE value. */
static const char *with_version(ym_arena *a, const ym_cpe *c, const char *v,
				bool prefix)
{
	ym_buf q = YM_BUF_INIT;
	ym_err e = YM_ERR_INIT;
	const char *out = NULL;
	ym_cpe x = *c;
	if (ym_cpe_quote(v, &q, &e) == 0 &&
	    (!prefix || ym_buf_adds(&q, "\\.*") == 0) &&
	    ym_cpe_set(&x, YM_CPE_VERSION, q.ptr, a, &e) == 0)
		out = bind_fs(a, &x);
	ym_buf_release(&q);
	return out;
}

static void push_cpe(px *p, rec *r, const ym_cpe_criterion *c, long line,
		     const char *field)
{
	if (room(p, r, r->cpes.n, line, field))
		ym_vec_push(&r->cpes, *c);
}

/* One product: a configuration whose rows are the ranges of its version
 * texts (one row without bounds, unparsed, when there is no text). */
static void add_product(px *p, rec *r, const char *uri, long line,
			const char *field, const char *const *texts,
			size_t n_texts)
{
	ym_cpe c;
	ym_err e = YM_ERR_INIT;
	int rc = strncmp(uri, "cpe:2.3:", 8) == 0
			 ? ym_cpe_unbind_fs(uri, p->a, &c, &e)
			 : ym_cpe_unbind_uri(uri, p->a, &c, &e);
	if (rc) {
		problem(p, r, false, line, field, "%s", e.msg);
		return;
	}
	ym_cpe_criterion base = {
		.config = r->config++,
		.config_op = "OR",
		.node = 0,
		.node_op = "OR",
		.vulnerable = true,
		.criteria = bind_fs(p->a, &c),
		.unparsed = true,
	};
	if (n_texts == 0) {
		push_cpe(p, r, &base, line, field);
		return;
	}
	/* a product CPE that names a version already cannot take bounds */
	bool versioned = c.av[YM_CPE_VERSION].kind != YM_CPE_ANY;
	for (size_t t = 0; t < n_texts; t++) {
		ym_jvn_versions vs;
		ym_cpe_criterion row = base;
		row.text = texts[t];
		ym_jvn_versions_parse(texts[t], strlen(texts[t]), p->a, &vs);
		if (vs.unparsed || versioned) {
			push_cpe(p, r, &row, line, field);
			continue;
		}
		for (size_t i = 0; i < vs.n; i++) {
			const ym_jvn_range *g = &vs.ranges[i];
			row = base;
			row.text = texts[t];
			row.unparsed = g->qualifier != NULL;
			if (g->kind == YM_JVN_EXACT ||
			    g->kind == YM_JVN_PREFIX) {
				const char *s = with_version(
					p->a, &c, g->version,
					g->kind == YM_JVN_PREFIX);
				if (s)
					row.criteria = s;
				else
					row.unparsed = true;
			} else if (g->kind == YM_JVN_RANGE) {
				row.start_incl = g->start_incl;
				row.start_excl = g->start_excl;
				row.end_incl = g->end_incl;
				row.end_excl = g->end_excl;
			}
			push_cpe(p, r, &row, line, field);
		}
	}
}

/* ---- solutions ---- */

static bool has(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);
	for (size_t i = 0; i + k <= n; i++)
		if (strncasecmp(s + i, w, k) == 0)
			return true;
	return false;
}

static const char *category(const char *head, size_t hn, const char *body,
			    size_t bn)
{
	if (head) {
		if (has(head, hn, "ワークアラウンド") || has(head, hn, "回避") ||
		    has(head, hn, "workaround"))
			return "workaround";
		if (has(head, hn, "アップデート") || has(head, hn, "パッチ") ||
		    has(head, hn, "修正") || has(head, hn, "update") ||
		    has(head, hn, "patch") || has(head, hn, "upgrade"))
			return "vendor_fix";
		return "mitigation";
	}
	if (has(body, bn, "正式な対策が公開") ||
	    has(body, bn, "パッチ情報が公開") ||
	    has(body, bn, "アップデート") || has(body, bn, "修正版") ||
	    has(body, bn, "update") || has(body, bn, "patch"))
		return "vendor_fix";
	if (has(body, bn, "ワークアラウンド") || has(body, bn, "回避策") ||
	    has(body, bn, "workaround"))
		return "workaround";
	return "mitigation";
}

/* JVN's headings are actions: "[アップデートする]", "[CG-WGR1200 を使用
 * しない]", "[Apply the patch]"; "[A]" or "[設定]" in the text are not. */
static bool heading_words(const char *h, size_t n)
{
	static const char *const ends[] = {"する", "しない"};
	for (size_t i = 0; i < 2; i++) {
		size_t k = strlen(ends[i]);
		if (n > k && memcmp(h + n - k, ends[i], k) == 0)
			return true;
	}
	if (!(h[0] >= 'A' && h[0] <= 'Z') || !memchr(h, ' ', n))
		return false;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)h[i] >= 0x80)
			return false;
	return true;
}

/* Where a heading starts at or after i: a '[' at the start, after white
 * space or after "。", whose ']' comes within 160 bytes on the same line
 * and whose words are an action (heading_words). */
static size_t next_heading(const char *s, size_t n, size_t i, size_t *close)
{
	for (; i < n; i++) {
		if (s[i] != '[')
			continue;
		bool after_space = i == 0 || is_space(s[i - 1]) ||
				   (i >= 3 && (memcmp(s + i - 3, "　", 3) == 0 ||
					       memcmp(s + i - 3, "。", 3) == 0));
		if (!after_space)
			continue;
		for (size_t j = i + 1; j < n && j < i + 160; j++) {
			if (s[j] == '[' || s[j] == '\n')
				break;
			if (s[j] == ']') {
				if (heading_words(s + i + 1, j - i - 1)) {
					*close = j;
					return i;
				}
				break;
			}
		}
	}
	return n;
}

static void add_note(px *p, rec *r, note_vec *v, const char *category_,
		     const char *s, size_t n, long line, const char *field)
{
	char *d = clean_dup(p->a, s, n);
	if (!*d || !room(p, r, v->n, line, field))
		return;
	note x = {category_, d};
	ym_vec_push(v, x);
}

/* A SolutionItem: one remediation per "[...]" heading (and one for the
 * text before the first). */
static void add_solution(px *p, rec *r, const char *s, long line,
			 const char *field)
{
	size_t n = strlen(s), close = 0;
	size_t h = next_heading(s, n, 0, &close);
	if (h > 0) {
		size_t bn = h;
		add_note(p, r, &r->rems, category(NULL, 0, s, bn), s, bn, line,
			 field);
	}
	while (h < n) {
		size_t c = close;
		size_t next = next_heading(s, n, c + 1, &close);
		add_note(p, r, &r->rems,
			 category(s + h + 1, c - h - 1, NULL, 0), s + h,
			 next - h, line, field);
		h = next;
	}
}

/* ---- dates ---- */

static bool num(const char *s, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

static long days_from_civil(long y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, long *y, int *m, int *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

/* "2023-01-05T12:02+09:00" -> "2023-01-05T03:02:00Z"; a date alone stays
 * as it is; a time without an offset is taken as UTC. NULL if s is not
 * ISO 8601 in one of these forms. */
static char *iso_utc(ym_arena *a, const char *s)
{
	int y, mo, d, h = 0, mi = 0, se = 0, oh = 0, om = 0, sign = 0;
	size_t n = strlen(s), i;
	static const int mdays[] = {31, 29, 31, 30, 31, 30,
				    31, 31, 30, 31, 30, 31};
	if (n < 10 || !num(s, 4, &y) || s[4] != '-' || !num(s + 5, 2, &mo) ||
	    s[7] != '-' || !num(s + 8, 2, &d) || mo < 1 || mo > 12 ||
	    d < 1 || d > mdays[mo - 1] ||
	    (mo == 2 && d == 29 && (y % 4 || (y % 100 == 0 && y % 400))))
		return NULL;
	if (n == 10)
		return ym_arena_strndup(a, s, 10);
	if ((s[10] != 'T' && s[10] != ' ') || n < 16 ||
	    !num(s + 11, 2, &h) || s[13] != ':' || !num(s + 14, 2, &mi) ||
	    h > 23 || mi > 59)
		return NULL;
	i = 16;
	if (i < n && s[i] == ':') {
		if (n < i + 3 || !num(s + i + 1, 2, &se) || se > 60)
			return NULL;
		i += 3;
		if (i < n && s[i] == '.') {
			i++;
			size_t f = i;
			while (i < n && s[i] >= '0' && s[i] <= '9')
				i++;
			if (i == f)
				return NULL;
		}
	}
	if (i < n && (s[i] == 'Z' || s[i] == 'z')) {
		i++;
	} else if (i < n && (s[i] == '+' || s[i] == '-')) {
		sign = s[i] == '+' ? 1 : -1;
		if (n < i + 6 || !num(s + i + 1, 2, &oh) || s[i + 3] != ':' ||
		    !num(s + i + 4, 2, &om) || oh > 23 || om > 59)
			return NULL;
		i += 6;
	}
	if (i != n)
		return NULL;
	long t = days_from_civil(y, mo, d) * 86400L + h * 3600L + mi * 60L +
		 se - sign * (oh * 3600L + om * 60L);
	long days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
	long sec = t - days * 86400;
	long yy;
	int mm, dd;
	civil_from_days(days, &yy, &mm, &dd);
	if (yy < 0 || yy > 9999)
		return NULL;
	return ym_arena_printf(a, "%04ld-%02d-%02dT%02ld:%02ld:%02ldZ", yy, mm,
			       dd, sec / 3600, sec / 60 % 60, sec % 60);
}

static const char *date_field(px *p, rec *r, const char *raw, long line,
			      const char *field)
{
	if (!raw || !*raw)
		return NULL;
	const char *d = iso_utc(p->a, raw);
	if (!d)
		problem(p, r, false, line, field,
			_("'%s' is not an ISO 8601 date"), raw);
	return d;
}

/* ---- JVNRSS <item> ---- */

static int rss_elem(px *p, rec *r, const char *path, long line,
		    bool *consumed)
{
	char *s = NULL;
	char f[96];
	int rc = 0;

	snprintf(f, sizeof f, "%s", qname(p));
	if (strcmp(path, "title") == 0 || strcmp(path, "description") == 0 ||
	    strcmp(path, "link") == 0 || strcmp(path, "identifier") == 0 ||
	    strcmp(path, "date") == 0 || strcmp(path, "issued") == 0 ||
	    strcmp(path, "modified") == 0) {
		*consumed = true;
		rc = field_text(p, r, line, f, &s);
		if (rc || !s)
			return rc;
		switch (path[0]) {
		case 't':
			set_once(&r->title, s);
			break;
		case 'l':
			set_once(&r->link, s);
			break;
		case 'i':
			if (path[1] == 'd') {
				set_once(&r->id, s);
			} else if (!r->published) {
				set_once(&r->published, s);
				r->published_line = line;
			}
			break;
		case 'm':
			if (!r->modified) {
				set_once(&r->modified, s);
				r->modified_line = line;
			}
			break;
		case 'd':
			if (path[1] == 'e') {
				set_once(&r->summary, s);
			} else if (!r->dc_date) {
				set_once(&r->dc_date, s);
				r->dc_date_line = line;
			}
			break;
		}
		return 0;
	}
	if (strcmp(path, "references") == 0) {
		char *source, *id, *url;
		field_attr(p, r, line, "sec:references", "source", &source);
		field_attr(p, r, line, "sec:references", "id", &id);
		*consumed = true;
		rc = field_text(p, r, line, "sec:references", &url);
		if (rc)
			return rc;
		if (id && strncmp(id, "CWE-", 4) == 0) {
			if (is_cwe(id))
				add_unique(p, r, &r->cwes, id, line,
					   "sec:references");
			return 0;
		}
		maybe_alias(p, r, id, line, "sec:references");
		add_ref(p, r, url, source, NULL, line, "sec:references");
		return 0;
	}
	if (strcmp(path, "cpe") == 0) {
		*consumed = true;
		rc = field_text(p, r, line, "sec:cpe", &s);
		if (rc || !s || !*s)
			return rc;
		add_product(p, r, s, line, "sec:cpe", NULL, 0);
		return 0;
	}
	if (strcmp(path, "cvss") == 0) {
		char *version, *score, *severity, *vector, *type;
		field_attr(p, r, line, "sec:cvss", "version", &version);
		field_attr(p, r, line, "sec:cvss", "score", &score);
		field_attr(p, r, line, "sec:cvss", "severity", &severity);
		field_attr(p, r, line, "sec:cvss", "vector", &vector);
		field_attr(p, r, line, "sec:cvss", "type", &type);
		/* only base scores are in the model */
		if (type && *type && strcasecmp(type, "Base") != 0)
			return 0;
		add_cvss(p, r, version, score, severity, vector, line,
			 "sec:cvss", "sec:cvss/@score", line);
		return 0;
	}
	return 0;
}

static void rss_end(px *p, rec *r, const char *path)
{
	(void)p;
	(void)r;
	(void)path;
}

/* ---- VULDEF <Vulinfo> ---- */

#define VD "VulinfoData/"
#define AI VD "Affected/AffectedItem"
#define CV VD "Impact/Cvss"
#define RI VD "Related/RelatedItem"

static int vd_elem(px *p, rec *r, const char *path, long line,
		   bool *consumed)
{
	char f[160];
	char *s = NULL;
	int rc;

	if (strcmp(path, AI) == 0) {
		r->ai.cpe = NULL;
		r->ai.texts.n = 0;
		r->n_ai++;
		return 0;
	}
	if (strcmp(path, CV) == 0) {
		memset(&r->cv, 0, sizeof r->cv);
		r->cv.line = line;
		snprintf(f, sizeof f, CV "[%d]", r->n_cv);
		field_attr(p, r, line, f, "version", &r->cv.version);
		r->n_cv++;
		return 0;
	}
	if (strcmp(path, RI) == 0) {
		memset(&r->ri, 0, sizeof r->ri);
		snprintf(f, sizeof f, RI "[%d]", r->n_ri);
		field_attr(p, r, line, f, "type", &r->ri.type);
		r->n_ri++;
		return 0;
	}

	/* the rest are leaves: which field, and where in the record */
	enum {
		F_NONE, F_ID, F_TITLE, F_OVERVIEW, F_AI_CPE, F_AI_VERSION,
		F_AI_NAME, F_AI_PRODUCT,
		F_CV_SEV, F_CV_BASE, F_CV_VECTOR, F_IMPACT, F_SOLUTION,
		F_RI_NAME, F_RI_ID, F_RI_URL, F_FIRST, F_LAST
	} which = F_NONE;
	static const struct {
		const char *path;
		int which;
	} leaves[] = {
		{"VulinfoID", F_ID},
		{VD "Title", F_TITLE},
		{VD "VulinfoDescription/Overview", F_OVERVIEW},
		{AI "/Cpe", F_AI_CPE},
		{AI "/VersionNumber", F_AI_VERSION},
		{AI "/Name", F_AI_NAME},
		{AI "/ProductName", F_AI_PRODUCT},
		{CV "/Severity", F_CV_SEV},
		{CV "/Base", F_CV_BASE},
		{CV "/Vector", F_CV_VECTOR},
		{VD "Impact/ImpactItem/Description", F_IMPACT},
		{VD "Solution/SolutionItem/Description", F_SOLUTION},
		{RI "/Name", F_RI_NAME},
		{RI "/VulinfoID", F_RI_ID},
		{RI "/URL", F_RI_URL},
		{VD "DateFirstPublished", F_FIRST},
		{VD "DateLastUpdated", F_LAST},
	};
	for (size_t i = 0; i < sizeof leaves / sizeof leaves[0]; i++)
		if (strcmp(path, leaves[i].path) == 0)
			which = leaves[i].which;
	if (which == F_NONE)
		return 0;

	/* field path for messages, with the group's index */
	if (strncmp(path, AI "/", strlen(AI "/")) == 0)
		snprintf(f, sizeof f, AI "[%d]%s", r->n_ai - 1,
			 path + strlen(AI));
	else if (strncmp(path, CV "/", strlen(CV "/")) == 0)
		snprintf(f, sizeof f, CV "[%d]%s", r->n_cv - 1,
			 path + strlen(CV));
	else if (strncmp(path, RI "/", strlen(RI "/")) == 0)
		snprintf(f, sizeof f, RI "[%d]%s", r->n_ri - 1,
			 path + strlen(RI));
	else if (which == F_SOLUTION)
		snprintf(f, sizeof f, VD "Solution/SolutionItem[%d]/Description",
			 r->n_si++);
	else
		snprintf(f, sizeof f, "%s", path);

	*consumed = true;
	rc = field_text(p, r, line, f, &s);
	if (rc || !s)
		return rc;
	switch (which) {
	case F_ID:
		set_once(&r->id, s);
		break;
	case F_TITLE:
		set_once(&r->title, s);
		break;
	case F_OVERVIEW:
		set_once(&r->summary, s);
		break;
	case F_AI_CPE:
		if (!r->ai.cpe && *s) {
			r->ai.cpe = s;
			r->ai.cpe_line = line;
		}
		break;
	case F_AI_VERSION:
		if (*s && room(p, r, r->ai.texts.n, line, f))
			ym_vec_push(&r->ai.texts, s);
		break;
	case F_AI_NAME:
		if (!r->ai.vendor && *s)
			r->ai.vendor = s;
		break;
	case F_AI_PRODUCT:
		if (!r->ai.product && *s) {
			r->ai.product = s;
			r->ai.product_line = line;
		}
		break;
	case F_CV_SEV:
		set_once(&r->cv.severity, s);
		break;
	case F_CV_BASE:
		if (!r->cv.score && *s) {
			r->cv.score = s;
			r->cv.score_line = line;
		}
		break;
	case F_CV_VECTOR:
		set_once(&r->cv.vector, s);
		break;
	case F_IMPACT:
		add_note(p, r, &r->threats, "impact", s, strlen(s), line, f);
		break;
	case F_SOLUTION:
		add_solution(p, r, s, line, f);
		break;
	case F_RI_NAME:
		set_once(&r->ri.name, s);
		break;
	case F_RI_ID:
		set_once(&r->ri.id, s);
		break;
	case F_RI_URL:
		set_once(&r->ri.url, s);
		break;
	case F_FIRST:
		if (!r->published) {
			r->published = s;
			r->published_line = line;
		}
		break;
	case F_LAST:
		if (!r->modified) {
			r->modified = s;
			r->modified_line = line;
		}
		break;
	default:
		break;
	}
	return 0;
}

/* A CPE 2.3 formatted-string value: what is not a letter, digit, '_',
 * '-' or '.' escaped. */
static const char *fs_escape(ym_arena *a, const char *v)
{
	char *o = ym_arena_alloc(a, 2 * strlen(v) + 1), *q = o;
	for (; *v; v++) {
		unsigned char c = (unsigned char)*v;
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		      (c >= 'A' && c <= 'Z') || c == '_' || c == '-' ||
		      c == '.'))
			*q++ = '\\';
		*q++ = (char)c;
	}
	*q = '\0';
	return o;
}

static void vd_end(px *p, rec *r, const char *path)
{
	char f[160];
	if (strcmp(path, AI) == 0) {
		if (r->ai.cpe) {
			snprintf(f, sizeof f, AI "[%d]/Cpe", r->n_ai - 1);
			add_product(p, r, r->ai.cpe, r->ai.cpe_line, f,
				    r->ai.texts.v, r->ai.texts.n);
		} else if (r->ai.product) {
			/* a product JVN names without a CPE: its vendor and
			 * product guessed from the names, and marked so
			 * (matches through it are low confidence) */
			ym_cpe_name_cand cand;
			if (ym_cpe_name_candidates(r->ai.product, r->ai.vendor,
						   p->a, &cand, 1) == 1 &&
			    cand.vendor) {
				char *uri = ym_arena_printf(
					p->a, "cpe:2.3:a:%s:%s:*:*:*:*:*:*:*:*",
					fs_escape(p->a, cand.vendor),
					fs_escape(p->a, cand.product));
				snprintf(f, sizeof f, AI "[%d]/ProductName",
					 r->n_ai - 1);
				size_t first = r->cpes.n;
				add_product(p, r, uri, r->ai.product_line, f,
					    r->ai.texts.v, r->ai.texts.n);
				for (size_t k = first; k < r->cpes.n; k++) {
					r->cpes.v[k].unparsed = true;
					r->cpes.v[k].text = ym_arena_printf(
						p->a, "name: %s %s%s%s",
						r->ai.vendor ? r->ai.vendor : "",
						r->ai.product,
						r->cpes.v[k].text ? "; " : "",
						r->cpes.v[k].text
							? r->cpes.v[k].text
							: "");
				}
			}
		}
		r->ai.cpe = NULL;
		r->ai.vendor = r->ai.product = NULL;
		r->ai.texts.n = 0;
	} else if (strcmp(path, CV) == 0) {
		char fs[176];
		snprintf(f, sizeof f, CV "[%d]", r->n_cv - 1);
		snprintf(fs, sizeof fs, "%s/Base", f);
		add_cvss(p, r, r->cv.version, r->cv.score, r->cv.severity,
			 r->cv.vector, r->cv.line, f, fs, r->cv.score_line);
	} else if (strcmp(path, RI) == 0) {
		snprintf(f, sizeof f, RI "[%d]", r->n_ri - 1);
		const char *id = r->ri.id;
		if (r->ri.type && strcmp(r->ri.type, "cwe") == 0) {
			if (id && is_cwe(id))
				add_unique(p, r, &r->cwes, id, 0, f);
			return;
		}
		maybe_alias(p, r, id, 0, f);
		add_ref(p, r, r->ri.url, r->ri.name, r->ri.type, 0, f);
	}
}

/* ---- assembling the record ---- */

typedef int (*elem_fn)(px *p, rec *r, const char *path, long line,
		       bool *consumed);
typedef void (*end_fn)(px *p, rec *r, const char *path);

/* Walks the elements inside the record element the reader is on, calling
 * on_elem for each start (with its path of local names below the record)
 * and on_end for each end it did not consume. */
static int walk(px *p, rec *r, elem_fn on_elem, end_fn on_end)
{
	char path[512];
	size_t lens[MAX_REL + 1];
	int base = xmlTextReaderDepth(p->r);

	if (xmlTextReaderIsEmptyElement(p->r))
		return 0;
	lens[0] = 0;
	path[0] = '\0';
	for (;;) {
		int rc = step_in(p);
		if (rc < 0)
			return rc;
		int t = xmlTextReaderNodeType(p->r);
		int rel = xmlTextReaderDepth(p->r) - base;
		if (t == XML_READER_TYPE_END_ELEMENT) {
			if (rel <= 0)
				return 0;
			if (rel <= MAX_REL) {
				path[lens[rel]] = '\0';
				on_end(p, r, path);
			}
			continue;
		}
		if (t != XML_READER_TYPE_ELEMENT || rel < 1 || rel > MAX_REL)
			continue;
		const char *ln = local_of(qname(p));
		size_t at = lens[rel - 1], k = strlen(ln);
		if (at + 1 + k + 1 > sizeof path) {
			ln = "?";
			k = 1;
		}
		if (at)
			path[at++] = '/';
		memcpy(path + at, ln, k);
		path[at + k] = '\0';
		lens[rel] = at + k;
		bool empty = xmlTextReaderIsEmptyElement(p->r);
		bool consumed = false;
		rc = on_elem(p, r, path, node_line(p), &consumed);
		if (rc)
			return rc;
		if (!consumed && empty) {
			path[lens[rel]] = '\0';
			on_end(p, r, path);
		}
	}
}

static const char *newest(const rec *r, const ym_cvss_entry **best)
{
	*best = NULL;
	for (size_t i = 0; i < r->cvss.n; i++) {
		const ym_cvss_entry *e = &r->cvss.v[i];
		if (!*best || strcmp(e->version, (*best)->version) > 0)
			*best = e;
	}
	if (!*best)
		return "unknown";
	const char *s = (*best)->severity;
	if (!s)
		s = severity_of_score((*best)->version, (*best)->base_score);
	return s ? s : "unknown";
}

static const char *const *str_list(ym_arena *a, const str_vec *v)
{
	if (!v->n)
		return NULL;
	const char **out = ym_arena_alloc(a, (v->n + 1) * sizeof *out);
	memcpy(out, v->v, v->n * sizeof *out);
	out[v->n] = NULL;
	return out;
}

static const char *refs_json(ym_arena *a, const rec *r)
{
	if (!r->refs.n && !r->link)
		return NULL;
	ym_buf b = YM_BUF_INIT;
	ym_jsonw w;
	ym_jsonw_init(&w, &b, false);
	ym_jsonw_arr_begin(&w);
	for (size_t i = 0; i <= r->refs.n; i++) {
		ref x;
		if (i == 0 && !r->link)
			continue;
		if (i == 0) {
			x.url = r->link;
			x.source = "JVNDB";
			x.tag = NULL;
		} else {
			x = r->refs.v[i - 1];
		}
		ym_jsonw_obj_begin(&w);
		ym_jsonw_kstr(&w, "url", x.url);
		if (x.source)
			ym_jsonw_kstr(&w, "source", x.source);
		ym_jsonw_key(&w, "tags");
		ym_jsonw_arr_begin(&w);
		if (x.tag)
			ym_jsonw_str(&w, x.tag);
		ym_jsonw_arr_end(&w);
		ym_jsonw_obj_end(&w);
	}
	ym_jsonw_arr_end(&w);
	char *s = ym_arena_strndup(a, b.ptr, b.len);
	ym_buf_release(&b);
	return s;
}

static const char *notes_json(ym_arena *a, const note_vec *v)
{
	if (!v->n)
		return NULL;
	ym_buf b = YM_BUF_INIT;
	ym_jsonw w;
	ym_jsonw_init(&w, &b, false);
	ym_jsonw_arr_begin(&w);
	for (size_t i = 0; i < v->n; i++) {
		ym_jsonw_obj_begin(&w);
		ym_jsonw_kstr(&w, "category", v->v[i].category);
		ym_jsonw_kstr(&w, "details", v->v[i].details);
		ym_jsonw_obj_end(&w);
	}
	ym_jsonw_arr_end(&w);
	char *s = ym_arena_strndup(a, b.ptr, b.len);
	ym_buf_release(&b);
	return s;
}

static bool good_id(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > MAX_ID)
		return false;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] <= ' ' || (unsigned char)s[i] >= 0x7f)
			return false;
	return true;
}

static int finish(px *p, rec *r)
{
	const char *id_field = p->kind == DOC_RSS ? "sec:identifier"
						  : "VulinfoID";
	if (!r->id)
		problem(p, r, true, r->line, id_field,
			_("record has no identifier (required)"));
	else if (!good_id(r->id))
		problem(p, r, true, r->line, id_field,
			_("identifier '%.64s' is not a JVN id"), r->id);

	ym_vuln v = {.source = "jvn", .source_file = p->file};
	/* an overview (RSS) record must not replace the detail (VULDEF)
	 * of the same date in the store: it has no affected versions */
	if (p->kind == DOC_RSS)
		v.status = "overview";
	const char *pub = r->published, *mod = r->modified;
	long pub_line = r->published_line, mod_line = r->modified_line;
	const char *pub_f = p->kind == DOC_RSS ? "dcterms:issued"
					       : VD "DateFirstPublished";
	const char *mod_f = p->kind == DOC_RSS ? "dcterms:modified"
					       : VD "DateLastUpdated";
	if (!pub && r->dc_date) {
		pub = r->dc_date;
		pub_line = r->dc_date_line;
		pub_f = "dc:date";
	}
	if (!mod && r->dc_date) {
		mod = r->dc_date;
		mod_line = r->dc_date_line;
		mod_f = "dc:date";
	}
	v.published = date_field(p, r, pub, pub_line, pub_f);
	v.modified = date_field(p, r, mod, mod_line, mod_f);

	const char *rid = r->id && good_id(r->id) ? r->id : NULL;
	if (r->bad) {
		ym_err_record(&r->bad_err, rid);
		*p->err = r->bad_err;
		return ym_feed_bad_record(p->fc, p->err);
	}
	for (size_t i = 0; i < r->warns.n; i++) {
		ym_err_record(&r->warns.v[i], rid);
		ym_feed_warn(p->fc, &r->warns.v[i]);
	}
	if (r->more_warns) {
		ym_err w = YM_ERR_INIT;
		ym_err_set(&w, YM_E_INVALID,
			   _("%zu more problems in this record"),
			   r->more_warns);
		ym_err_at(&w, p->file, r->line, 0);
		ym_err_record(&w, rid);
		ym_feed_warn(p->fc, &w);
	}

	v.vuln_id = r->id;
	if (r->en) {
		v.title = r->title;
		v.summary = r->summary;
	} else {
		v.title_ja = r->title;
		v.summary_ja = r->summary;
	}
	const ym_cvss_entry *best;
	v.severity = newest(r, &best);
	v.cvss_vector = best ? best->vector : NULL;
	v.aliases = str_list(p->a, &r->aliases);
	v.cwes = str_list(p->a, &r->cwes);
	v.references = refs_json(p->a, r);
	v.remediations = notes_json(p->a, &r->rems);
	v.threats = notes_json(p->a, &r->threats);
	if (r->cvss.n) {
		ym_cvss_entry *c = ym_arena_alloc(p->a,
						  r->cvss.n * sizeof *c);
		memcpy(c, r->cvss.v, r->cvss.n * sizeof *c);
		v.cvss = c;
		v.n_cvss = r->cvss.n;
	}
	if (r->cpes.n) {
		ym_cpe_criterion *c = ym_arena_alloc(p->a,
						     r->cpes.n * sizeof *c);
		memcpy(c, r->cpes.v, r->cpes.n * sizeof *c);
		v.cpes = c;
		v.n_cpes = r->cpes.n;
	}
	return ym_feed_emit(p->fc, &v, p->err);
}

static int read_record(px *p, rec *r)
{
	rec_reset(r);
	snprintf(r->prefix, sizeof r->prefix, "%s[%zu]",
		 p->kind == DOC_RSS ? "item" : "Vulinfo", p->n_records++);
	r->line = node_line(p);
	const xmlChar *lang = xmlTextReaderConstXmlLang(p->r);
	r->en = lang && strncasecmp((const char *)lang, "en", 2) == 0;
	int rc = p->kind == DOC_RSS ? walk(p, r, rss_elem, rss_end)
				    : walk(p, r, vd_elem, vd_end);
	if (rc)
		return rc;
	return finish(p, r);
}

/* Moves to the root element and tells the document kind. */
static int read_root(px *p, bool any)
{
	int rc;
	while ((rc = step(p)) == 1)
		if (xmlTextReaderNodeType(p->r) == XML_READER_TYPE_ELEMENT)
			break;
	if (rc < 0)
		return rc;
	if (rc == 0)
		return xml_error(p);
	const char *q = qname(p), *ln = local_of(q);
	if (strcmp(ln, "RDF") == 0) {
		p->kind = DOC_RSS;
		return 0;
	}
	if (strcmp(ln, "VULDEF-Document") == 0) {
		p->kind = DOC_VULDEF;
		return 0;
	}
	if (any)
		return 0;
	return refuse_root(p, q, node_line(p), true);
}

int ym_jvn_parse(const char *text, size_t len, const char *file,
		 ym_arena *a, const ym_feed_ctx *fc, ym_err *err)
{
	ym_err local = YM_ERR_INIT;
	px p;
	rec r;
	int rc;

	memset(&r, 0, sizeof r);
	if (!err)
		err = &local;
	ym_err_clear(err);
	rc = px_open(&p, text, len, file, a, fc, err, true);
	if (rc)
		goto out;
	rc = read_root(&p, false);
	if (rc)
		goto out;
	const char *record = p.kind == DOC_RSS ? "item" : "Vulinfo";
	while ((rc = step(&p)) == 1) {
		if (xmlTextReaderNodeType(p.r) != XML_READER_TYPE_ELEMENT ||
		    xmlTextReaderDepth(p.r) != 1)
			continue;
		const char *ln = local_of(qname(&p));
		int rrc = 0;
		if (strcmp(ln, record) == 0)
			rrc = read_record(&p, &r);
		else if (strcmp(ln, "Status") == 0)
			rrc = read_status(&p);
		if (rrc) {
			rc = rrc;
			goto out;
		}
	}
	if (rc == 0)
		rc = check_status(&p);
out:
	rec_release(&r);
	px_close(&p);
	return rc;
}

static int page_number(px *p, const char *name, const char *s, long *out)
{
	if (!out)
		return 0;
	*out = -1;
	if (!s || !*s)
		return 0;
	char *end;
	long v = strtol(s, &end, 10);
	if (*end || v < 0 || !(s[0] >= '0' && s[0] <= '9') ||
	    end - s > 12) {
		ym_err_set(p->err, YM_E_INVALID,
			   _("%s '%.32s' is not a number"), name, s);
		ym_err_at(p->err, p->file, p->status_line, 0);
		ym_err_field(p->err, "status:Status/@%s", name);
		return YM_E_INVALID;
	}
	*out = v;
	return 0;
}

int ym_jvn_page_info(const char *text, size_t len, const char *file,
		     long *total, long *returned, long *first, ym_err *err)
{
	ym_err local = YM_ERR_INIT;
	ym_arena a;
	px p;
	int rc;

	if (!err)
		err = &local;
	ym_err_clear(err);
	if (total)
		*total = -1;
	if (returned)
		*returned = -1;
	if (first)
		*first = -1;
	ym_arena_init(&a, 4096);
	rc = px_open(&p, text, len, file, &a, NULL, err, false);
	if (rc)
		goto out;
	rc = read_root(&p, true);
	if (rc)
		goto out;
	while ((rc = step(&p)) == 1) {
		if (xmlTextReaderNodeType(p.r) == XML_READER_TYPE_ELEMENT &&
		    !p.status && xmlTextReaderDepth(p.r) == 1 &&
		    strcmp(local_of(qname(&p)), "Status") == 0) {
			rc = read_status(&p);
			if (rc)
				goto out;
		}
	}
	if (rc < 0)
		goto out;
	if (!p.status) {
		rc = ym_err_set(err, YM_E_NOTFOUND,
				_("no status:Status element: not a MyJVN API "
				  "response"));
		ym_err_at(err, p.file, 0, 0);
		goto out;
	}
	rc = check_status(&p);
	if (!rc)
		rc = page_number(&p, "totalRes", p.total, total);
	if (!rc)
		rc = page_number(&p, "totalResRet", p.returned, returned);
	if (!rc)
		rc = page_number(&p, "firstRes", p.first, first);
out:
	px_close(&p);
	ym_arena_release(&a);
	return rc;
}
