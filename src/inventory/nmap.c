/* nmap.c - nmap XML output into ym_nmap_scan, and a host into ledger
 * values.
 *
 * One libxml2 xmlTextReader per document, streaming: every element start
 * is handled by its name and its parent's name (the path of names is kept
 * by depth), strings are copied into the caller's arena, the lists of the
 * host being read grow in vectors that are copied into the arena when the
 * host ends. The reader gets XML_PARSE_NONET and nothing that loads or
 * substitutes; the prolog is checked before libxml2 sees it (see
 * check_prolog), and libxml2's errors go to a handler of this parse.
 */
#include "inventory/nmap.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/xmlreader.h>

#include "core/buf.h"
#include "core/i18n.h"
#include "core/vec.h"
#include "ids/cpe.h"

typedef YM_VEC(ym_nmap_address) addr_vec;
typedef YM_VEC(ym_nmap_hostname) hostname_vec;
typedef YM_VEC(ym_nmap_osmatch) os_vec;
typedef YM_VEC(ym_nmap_port) port_vec;
typedef YM_VEC(ym_nmap_cpe) cpe_vec;
typedef YM_VEC(ym_nmap_host) host_vec;

typedef struct px {
	xmlTextReaderPtr r;
	const char *file;
	ym_arena *a;
	ym_err *err;
	bool xml_failed;   /* libxml2 reported a fatal error */
	char xml_msg[512]; /* its message */
	long xml_line, xml_col;
	char names[YM_NMAP_MAX_DEPTH][16]; /* element names by depth, cut */
	ym_buf text;       /* text of the element being read */
	/* the scan */
	host_vec hosts;
	size_t n_host_elems; /* <host> elements seen (field paths) */
	/* the host being read */
	bool in_host;
	bool host_up;
	ym_nmap_host h;
	addr_vec addrs;
	hostname_vec hostnames;
	os_vec oses;
	port_vec ports;
	size_t n_port_elems;  /* <port> elements of this host (paths) */
	bool in_port;         /* the last port is being read */
	bool port_kept;       /* ... and its state is open(|filtered) */
	ym_nmap_port port;
	ym_nmap_service *svc; /* service of the port being read, or NULL */
	cpe_vec svc_cpes;
	bool in_os;           /* an osmatch is being read */
	cpe_vec os_cpes;
} px;

/* ---- errors ---- */

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
	for (size_t i = 0; i < n; i++)
		if (p->xml_msg[i] == '\n' || p->xml_msg[i] == '\r')
			p->xml_msg[i] = ' ';
	p->xml_line = e->line;
	p->xml_col = e->int2;
}

static int xml_error(px *p)
{
	long line = p->xml_line > 0 ? p->xml_line
				    : xmlTextReaderGetParserLineNumber(p->r);
	long col = p->xml_failed ? p->xml_col : 0;
	ym_err_set(p->err, YM_E_PARSE, _("not well-formed XML: %s"),
		   p->xml_failed && p->xml_msg[0] ? p->xml_msg
						  : _("unexpected end of input"));
	ym_err_at(p->err, p->file, line > 0 ? line : 1, col > 0 ? col : 0);
	return YM_E_PARSE;
}

static long node_line(px *p)
{
	xmlNodePtr n = xmlTextReaderCurrentNode(p->r);
	long l = n ? xmlGetLineNo(n) : -1;
	return l > 0 ? l : xmlTextReaderGetParserLineNumber(p->r);
}

/* The field path of the element being read, e.g. "host[2].port[0]". */
static void field_path(px *p, const char *leaf, char *buf, size_t n)
{
	size_t o = 0;
	buf[0] = '\0';
	if (p->in_host)
		o = (size_t)snprintf(buf, n, "host[%zu]", p->n_host_elems - 1);
	if (o < n && p->in_port)
		o += (size_t)snprintf(buf + o, n - o, "%sport[%zu]",
				      o ? "." : "", p->n_port_elems - 1);
	if (o < n && leaf && *leaf)
		snprintf(buf + o, n - o, "%s%s",
			 o && leaf[0] != '@' ? "." : "", leaf);
}

static int fail(px *p, int code, const char *leaf, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static int fail(px *p, int code, const char *leaf, const char *fmt, ...)
{
	va_list ap;
	char field[256];
	va_start(ap, fmt);
	ym_err_setv(p->err, code, fmt, ap);
	va_end(ap);
	ym_err_at(p->err, p->file, node_line(p), 0);
	field_path(p, leaf, field, sizeof field);
	if (field[0])
		ym_err_field(p->err, "%s", field);
	return code;
}

/* ---- the prolog ---- */

/* The encoding named by an XML declaration "<?xml ... ?>" at s, NULL if
 * it names none. */
static const char *declared_encoding(const char *s, size_t n, size_t *len)
{
	const char *end = memmem(s, n, "?>", 2);
	if (n < 6 || memcmp(s, "<?xml", 5) != 0 || !end ||
	    !strchr(" \t\r\n", s[5]))
		return NULL;
	const char *k = memmem(s, (size_t)(end - s), "encoding", 8);
	if (!k)
		return NULL;
	const char *q = k + 8;
	while (q < end && strchr(" \t\r\n=", *q))
		q++;
	if (q >= end || (*q != '"' && *q != '\''))
		return NULL;
	const char *v = q + 1, *e = memchr(v, *q, (size_t)(end - v));
	if (!e)
		return NULL;
	*len = (size_t)(e - v);
	return v;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Whether s[0..n) starts with nmap's own DOCTYPE: "<!DOCTYPE", white
 * space, "nmaprun", optional white space, ">". *used gets its length. */
static bool nmap_doctype(const char *s, size_t n, size_t *used)
{
	size_t i = 9;
	if (i >= n || !is_space(s[i]))
		return false;
	while (i < n && is_space(s[i]))
		i++;
	if (n - i < 7 || memcmp(s + i, "nmaprun", 7) != 0)
		return false;
	i += 7;
	while (i < n && is_space(s[i]))
		i++;
	if (i >= n || s[i] != '>')
		return false;
	*used = i + 1;
	return true;
}

/* Refuses what the reader must not see: text that is not UTF-8 (libxml2
 * would convert it) and any DOCTYPE but nmap's, checked before libxml2
 * parses a declaration. The reader then ignores the declared encoding. */
static int check_prolog(px *p, const char *s, size_t n)
{
	size_t i = 0, elen = 0;
	const unsigned char *u = (const unsigned char *)s;
	bool bom16 = n >= 2 && ((u[0] == 0xfe && u[1] == 0xff) ||
				(u[0] == 0xff && u[1] == 0xfe));
	if (bom16 || memchr(s, '\0', n < 4 ? n : 4)) {
		ym_err_set(p->err, YM_E_UNSUPPORTED,
			   _("nmap XML is read as UTF-8; UTF-16 and UTF-32 "
			     "documents are not read"));
		ym_err_at(p->err, p->file, 1, 1);
		return YM_E_UNSUPPORTED;
	}
	if (n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	const char *enc = declared_encoding(s + i, n - i, &elen);
	if (enc && !(elen == 5 && !strncasecmp(enc, "UTF-8", 5)) &&
	    !(elen == 4 && !strncasecmp(enc, "UTF8", 4)) &&
	    !(elen == 8 && !strncasecmp(enc, "US-ASCII", 8)) &&
	    !(elen == 5 && !strncasecmp(enc, "ASCII", 5))) {
		ym_err_set(p->err, YM_E_UNSUPPORTED,
			   _("nmap XML is read as UTF-8; encoding '%.*s' is "
			     "not read"),
			   (int)(elen > 32 ? 32 : elen), enc);
		ym_err_at(p->err, p->file, 1, 1);
		return YM_E_UNSUPPORTED;
	}
	long line = 1;
	while (i < n) {
		if (is_space(s[i])) {
			line += s[i] == '\n';
			i++;
			continue;
		}
		const char *end = NULL;
		size_t close = 0, used = 0;
		if (n - i >= 2 && memcmp(s + i, "<?", 2) == 0) {
			end = memmem(s + i + 2, n - i - 2, "?>", 2);
			close = 2;
		} else if (n - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
			end = memmem(s + i + 4, n - i - 4, "-->", 3);
			close = 3;
		} else if (n - i >= 9 && memcmp(s + i, "<!DOCTYPE", 9) == 0) {
			if (!nmap_doctype(s + i, n - i, &used)) {
				ym_err_set(p->err, YM_E_INVALID,
					   _("a document type declaration "
					     "other than <!DOCTYPE nmaprun> "
					     "is not allowed in nmap XML"));
				ym_err_at(p->err, p->file, line, 0);
				return YM_E_INVALID;
			}
			end = s + i + used;
			close = 0;
		}
		if (!end)
			break; /* the root, or libxml2's to reject */
		for (const char *q = s + i; q < end; q++)
			line += *q == '\n';
		i = (size_t)(end - s) + close;
	}
	return 0;
}

/* ---- reading ---- */

/* Advances the reader: 1 a node, 0 the end, < 0 an error (err set). */
static int step(px *p)
{
	int rc = xmlTextReaderRead(p->r);
	if (rc == 1)
		return 1;
	if (rc == 0 && !p->xml_failed)
		return 0;
	return xml_error(p);
}

static int step_in(px *p)
{
	int rc = step(p);
	return rc == 0 ? xml_error(p) : rc;
}

static const char *lname(px *p)
{
	const xmlChar *n = xmlTextReaderConstLocalName(p->r);
	return n ? (const char *)n : "";
}

/* The attribute name of the current element, copied into the arena;
 * NULL when absent. Values longer than YM_NMAP_MAX_ATTR fail. */
static int attr(px *p, const char *name, const char **out)
{
	xmlChar *v = xmlTextReaderGetAttribute(p->r, BAD_CAST name);
	*out = NULL;
	if (!v)
		return 0;
	size_t n = strlen((const char *)v);
	if (n > YM_NMAP_MAX_ATTR) {
		xmlFree(v);
		char leaf[64];
		snprintf(leaf, sizeof leaf, "@%s", name);
		return fail(p, YM_E_TOOBIG, leaf,
			    _("attribute longer than %zu KiB"),
			    YM_NMAP_MAX_ATTR >> 10);
	}
	*out = ym_arena_strndup(p->a, (const char *)v, n);
	xmlFree(v);
	return 0;
}

/* An integer attribute in [lo, hi]; *out = dflt when absent. */
static int int_attr(px *p, const char *name, long long lo, long long hi,
		    long long dflt, long long *out)
{
	const char *s;
	int rc = attr(p, name, &s);
	if (rc)
		return rc;
	*out = dflt;
	if (!s)
		return 0;
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (!*s || *end || errno || v < lo || v > hi ||
	    !(s[0] == '-' || (s[0] >= '0' && s[0] <= '9'))) {
		char leaf[64];
		snprintf(leaf, sizeof leaf, "@%s", name);
		return fail(p, YM_E_INVALID, leaf,
			    _("'%.64s' is not a number between %lld and "
			      "%lld"),
			    s, lo, hi);
	}
	*out = v;
	return 0;
}

/* On a start element: its text, the element consumed. */
static int read_text(px *p, const char **out)
{
	ym_buf *b = &p->text;
	*out = NULL;
	ym_buf_reset(b);
	if (xmlTextReaderIsEmptyElement(p->r)) {
		*out = "";
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
		if (b->len + n > YM_NMAP_MAX_ATTR)
			return fail(p, YM_E_TOOBIG, "cpe",
				    _("text longer than %zu KiB"),
				    YM_NMAP_MAX_ATTR >> 10);
		ym_buf_add(b, v, n);
	}
	size_t s = 0, e = b->len;
	while (s < e && is_space(b->ptr[s]))
		s++;
	while (e > s && is_space(b->ptr[e - 1]))
		e--;
	*out = ym_arena_strndup(p->a, b->ptr + s, e - s);
	return 0;
}

/* ---- CPEs ---- */

static ym_nmap_cpe make_cpe(ym_arena *a, const char *uri)
{
	ym_nmap_cpe c = {.uri = uri};
	ym_cpe name;
	ym_err e = YM_ERR_INIT;
	if (strncmp(uri, "cpe:/", 5) == 0 &&
	    ym_cpe_unbind_uri(uri, a, &name, &e) == 0) {
		ym_buf b = YM_BUF_INIT;
		ym_cpe_bind_fs(&name, &b);
		c.fs = ym_arena_strndup(a, b.ptr, b.len);
		ym_buf_release(&b);
		const ym_cpe_av *pa = &name.av[YM_CPE_PART];
		if (pa->kind == YM_CPE_VALUE && pa->len == 1)
			c.part = pa->s[0];
	}
	return c;
}

static void add_cpe(cpe_vec *v, ym_arena *a, const char *uri)
{
	if (!*uri || v->n >= YM_NMAP_MAX_CPES)
		return;
	for (size_t i = 0; i < v->n; i++)
		if (strcmp(v->v[i].uri, uri) == 0)
			return;
	ym_vec_push(v, make_cpe(a, uri));
}

static ym_nmap_cpe *cpes_copy(ym_arena *a, cpe_vec *v, size_t *n)
{
	ym_nmap_cpe *out = NULL;
	*n = v->n;
	if (v->n) {
		out = ym_arena_alloc(a, v->n * sizeof *out);
		memcpy(out, v->v, v->n * sizeof *out);
	}
	v->n = 0;
	return out;
}

#define COPY_VEC(a, vec, dst, cnt)                                        \
	do {                                                              \
		(cnt) = (vec)->n;                                         \
		(dst) = NULL;                                             \
		if ((vec)->n) {                                           \
			(dst) = ym_arena_alloc((a), (vec)->n *            \
							    sizeof *(dst)); \
			memcpy((dst), (vec)->v, (vec)->n * sizeof *(dst)); \
		}                                                         \
		(vec)->n = 0;                                             \
	} while (0)

/* ---- elements ---- */

static void end_service(px *p)
{
	if (p->svc)
		p->svc->cpes = cpes_copy(p->a, &p->svc_cpes, &p->svc->n_cpes);
	p->svc = NULL;
}

static void end_port(px *p)
{
	if (!p->in_port)
		return;
	end_service(p);
	if (p->port_kept)
		ym_vec_push(&p->ports, p->port);
	else
		p->h.n_ports_other++;
	p->in_port = false;
}

static void end_os(px *p)
{
	if (!p->in_os)
		return;
	ym_nmap_osmatch *m = &p->oses.v[p->oses.n - 1];
	m->cpes = cpes_copy(p->a, &p->os_cpes, &m->n_cpes);
	p->in_os = false;
}

static void end_host(px *p)
{
	if (!p->in_host)
		return;
	end_port(p);
	end_os(p);
	if (p->host_up) {
		ym_nmap_host *h = &p->h;
		COPY_VEC(p->a, &p->addrs, h->addresses, h->n_addresses);
		COPY_VEC(p->a, &p->hostnames, h->hostnames, h->n_hostnames);
		COPY_VEC(p->a, &p->oses, h->osmatches, h->n_osmatches);
		COPY_VEC(p->a, &p->ports, h->ports, h->n_ports);
		ym_vec_push(&p->hosts, *h);
	}
	p->addrs.n = p->hostnames.n = p->oses.n = p->ports.n = 0;
	p->in_host = false;
}

static int start_host(px *p)
{
	long long st, et;
	p->n_host_elems++;
	p->in_host = true;
	p->host_up = true; /* until a <status> says otherwise */
	p->n_port_elems = 0;
	memset(&p->h, 0, sizeof p->h);
	p->h.line = node_line(p);
	int rc = int_attr(p, "starttime", 0, INT64_MAX, -1, &st);
	if (!rc)
		rc = int_attr(p, "endtime", 0, INT64_MAX, -1, &et);
	if (rc)
		return rc;
	p->h.starttime = st;
	p->h.endtime = et;
	return 0;
}

static int start_port(px *p)
{
	long long id;
	const char *proto;
	end_port(p);
	p->n_port_elems++;
	p->in_port = true;
	p->port_kept = false;
	memset(&p->port, 0, sizeof p->port);
	int rc = attr(p, "protocol", &proto);
	if (!rc)
		rc = int_attr(p, "portid", 0, 65535, -1, &id);
	if (rc)
		return rc;
	if (id < 0)
		return fail(p, YM_E_INVALID, "@portid",
			    _("port has no portid"));
	p->port.protocol = proto && *proto ? proto : "tcp";
	p->port.portid = (int)id;
	return 0;
}

static int start_state(px *p)
{
	const char *st, *reason;
	int rc = attr(p, "state", &st);
	if (!rc)
		rc = attr(p, "reason", &reason);
	if (rc)
		return rc;
	p->port.state = st;
	p->port.reason = reason;
	p->port_kept = st && (strcmp(st, "open") == 0 ||
			      strcmp(st, "open|filtered") == 0);
	return 0;
}

static int start_service(px *p)
{
	ym_nmap_service *s = ym_arena_zalloc(p->a, sizeof *s);
	long long conf;
	int rc;
	end_service(p);
	if ((rc = attr(p, "name", &s->name)) ||
	    (rc = attr(p, "product", &s->product)) ||
	    (rc = attr(p, "version", &s->version)) ||
	    (rc = attr(p, "extrainfo", &s->extrainfo)) ||
	    (rc = attr(p, "ostype", &s->ostype)) ||
	    (rc = attr(p, "hostname", &s->hostname)) ||
	    (rc = attr(p, "devicetype", &s->devicetype)) ||
	    (rc = attr(p, "tunnel", &s->tunnel)) ||
	    (rc = attr(p, "method", &s->method)) ||
	    (rc = int_attr(p, "conf", 0, 10, -1, &conf)))
		return rc;
	s->conf = (int)conf;
	p->svc = s;
	p->port.service = s;
	return 0;
}

static int start_osmatch(px *p)
{
	ym_nmap_osmatch m = {0};
	long long acc;
	end_os(p);
	if (p->oses.n >= YM_NMAP_MAX_OS)
		return 0;
	int rc = attr(p, "name", &m.name);
	if (!rc)
		rc = int_attr(p, "accuracy", 0, 100, -1, &acc);
	if (rc)
		return rc;
	m.accuracy = (int)acc;
	ym_vec_push(&p->oses, m);
	p->in_os = true;
	return 0;
}

/* An element start at depth d whose parent is par. */
static int on_start(px *p, int d, const char *name, const char *par,
		    const char *gpar)
{
	int rc = 0;
	const char *s;
	if (d == 1 && strcmp(name, "host") == 0)
		return start_host(p);
	if (!p->in_host)
		return 0;
	if (d == 2 && strcmp(name, "status") == 0) {
		if ((rc = attr(p, "state", &s)))
			return rc;
		p->host_up = s && strcmp(s, "up") == 0;
	} else if (d == 2 && strcmp(name, "address") == 0) {
		ym_nmap_address ad = {0};
		if ((rc = attr(p, "addr", &ad.addr)) ||
		    (rc = attr(p, "addrtype", &ad.type)) ||
		    (rc = attr(p, "vendor", &ad.vendor)))
			return rc;
		if (!ad.addr || !*ad.addr)
			return 0;
		if (!ad.type)
			ad.type = "ipv4";
		ym_vec_push(&p->addrs, ad);
	} else if (d == 3 && strcmp(name, "hostname") == 0 &&
		   strcmp(par, "hostnames") == 0) {
		ym_nmap_hostname hn = {0};
		if ((rc = attr(p, "name", &hn.name)) ||
		    (rc = attr(p, "type", &hn.type)))
			return rc;
		if (hn.name && *hn.name)
			ym_vec_push(&p->hostnames, hn);
	} else if (d == 3 && strcmp(par, "ports") == 0) {
		if (strcmp(name, "port") == 0)
			return start_port(p);
		if (strcmp(name, "extraports") == 0) {
			long long n;
			if ((rc = int_attr(p, "count", 0, 1 << 20, 0, &n)))
				return rc;
			p->h.n_extraports += (size_t)n;
		}
	} else if (d == 4 && p->in_port && strcmp(par, "port") == 0) {
		if (strcmp(name, "state") == 0)
			return start_state(p);
		if (strcmp(name, "service") == 0)
			return start_service(p);
	} else if (d == 5 && p->svc && strcmp(name, "cpe") == 0 &&
		   strcmp(par, "service") == 0) {
		if ((rc = read_text(p, &s)))
			return rc;
		add_cpe(&p->svc_cpes, p->a, s);
	} else if (d == 3 && strcmp(par, "os") == 0 &&
		   strcmp(name, "osmatch") == 0) {
		return start_osmatch(p);
	} else if (d == 5 && p->in_os && strcmp(name, "cpe") == 0 &&
		   strcmp(par, "osclass") == 0 &&
		   strcmp(gpar, "osmatch") == 0) {
		if ((rc = read_text(p, &s)))
			return rc;
		add_cpe(&p->os_cpes, p->a, s);
	}
	return 0;
}

static void on_end(px *p, int d, const char *name, const char *par)
{
	if (d == 1 && strcmp(name, "host") == 0)
		end_host(p);
	else if (d == 3 && strcmp(name, "port") == 0 &&
		 strcmp(par, "ports") == 0)
		end_port(p);
	else if (d == 4 && strcmp(name, "service") == 0)
		end_service(p);
	else if (d == 3 && strcmp(name, "osmatch") == 0)
		end_os(p);
}

static int read_root(px *p, ym_nmap_scan *out)
{
	long long t;
	int rc;
	if ((rc = attr(p, "scanner", &out->scanner)) ||
	    (rc = attr(p, "version", &out->version)) ||
	    (rc = attr(p, "xmloutputversion", &out->xml_version)) ||
	    (rc = attr(p, "args", &out->args)) ||
	    (rc = attr(p, "startstr", &out->start_str)) ||
	    (rc = int_attr(p, "start", 0, INT64_MAX, -1, &t)))
		return rc;
	out->start = t;
	return 0;
}

static int read_runstats(px *p, ym_nmap_scan *out, const char *name)
{
	long long t;
	int rc;
	if (strcmp(name, "finished") == 0) {
		if ((rc = int_attr(p, "time", 0, INT64_MAX, -1, &t)) ||
		    (rc = attr(p, "timestr", &out->end_str)) ||
		    (rc = attr(p, "exit", &out->exit)) ||
		    (rc = attr(p, "errormsg", &out->errormsg)))
			return rc;
		out->end = t;
	} else if (strcmp(name, "hosts") == 0) {
		long long up, down, total;
		if ((rc = int_attr(p, "up", 0, INT64_MAX, -1, &up)) ||
		    (rc = int_attr(p, "down", 0, INT64_MAX, -1, &down)) ||
		    (rc = int_attr(p, "total", 0, INT64_MAX, -1, &total)))
			return rc;
		out->runstats_up = (long)up;
		out->runstats_down = (long)down;
		out->runstats_total = (long)total;
	}
	return 0;
}

static int parse_doc(px *p, ym_nmap_scan *out)
{
	bool root_seen = false;
	for (;;) {
		int rc = step(p);
		if (rc < 0)
			return rc;
		if (rc == 0)
			break;
		int t = xmlTextReaderNodeType(p->r);
		if (t != XML_READER_TYPE_ELEMENT &&
		    t != XML_READER_TYPE_END_ELEMENT)
			continue;
		int d = xmlTextReaderDepth(p->r);
		const char *name = lname(p);
		if (d < 0 || d >= YM_NMAP_MAX_DEPTH)
			return fail(p, YM_E_TOOBIG, NULL,
				    _("elements nested deeper than %d "
				      "levels"),
				    YM_NMAP_MAX_DEPTH);
		const char *par = d >= 1 ? p->names[d - 1] : "";
		const char *gpar = d >= 2 ? p->names[d - 2] : "";
		if (t == XML_READER_TYPE_END_ELEMENT) {
			on_end(p, d, name, par);
			continue;
		}
		snprintf(p->names[d], sizeof p->names[d], "%s", name);
		if (d == 0) {
			if (strcmp(name, "nmaprun") != 0) {
				ym_err_set(p->err, YM_E_INVALID,
					   _("not nmap XML output: the root "
					     "element is <%.64s>, not "
					     "<nmaprun>"),
					   name);
				ym_err_at(p->err, p->file, node_line(p), 0);
				return YM_E_INVALID;
			}
			root_seen = true;
			if ((rc = read_root(p, out)))
				return rc;
			continue;
		}
		if (d == 2 && strcmp(par, "runstats") == 0) {
			if ((rc = read_runstats(p, out, name)))
				return rc;
			continue;
		}
		bool empty = xmlTextReaderIsEmptyElement(p->r);
		if ((rc = on_start(p, d, name, par, gpar)))
			return rc;
		/* an empty element has no end node: end it here (cpe text
		 * was consumed by read_text, which leaves us on its end) */
		if (empty)
			on_end(p, d, name, par);
	}
	if (!root_seen) {
		ym_err_set(p->err, YM_E_PARSE, _("not well-formed XML: %s"),
			   _("no root element"));
		ym_err_at(p->err, p->file, 1, 0);
		return YM_E_PARSE;
	}
	return 0;
}

int ym_nmap_parse(const char *text, size_t len, const char *filename,
		  ym_arena *a, ym_nmap_scan *out, ym_err *err)
{
	px p;
	int rc;
	memset(&p, 0, sizeof p);
	memset(out, 0, sizeof *out);
	out->start = out->end = -1;
	out->runstats_up = out->runstats_down = out->runstats_total = -1;
	p.file = filename ? filename : "";
	p.a = a;
	p.err = err;
	ym_buf_init(&p.text, 0);
	if (len > YM_NMAP_MAX_BYTES) {
		ym_err_set(err, YM_E_TOOBIG, _("document larger than %zu MiB"),
			   YM_NMAP_MAX_BYTES >> 20);
		ym_err_at(err, p.file, 0, 0);
		return YM_E_TOOBIG;
	}
	if (len == 0) {
		ym_err_set(err, YM_E_PARSE, _("not well-formed XML: %s"),
			   _("empty document"));
		ym_err_at(err, p.file, 1, 1);
		return YM_E_PARSE;
	}
	if ((rc = check_prolog(&p, text, len)))
		return rc;
	p.r = xmlReaderForMemory(text, (int)len, NULL, NULL,
				 XML_PARSE_NONET | XML_PARSE_NOCDATA |
					 XML_PARSE_BIG_LINES |
					 XML_PARSE_COMPACT |
					 XML_PARSE_IGNORE_ENC);
	if (!p.r) {
		ym_err_set(err, YM_E_NOMEM, _("cannot create an XML reader"));
		ym_err_at(err, p.file, 0, 0);
		return YM_E_NOMEM;
	}
	xmlTextReaderSetStructuredErrorHandler(p.r, on_xml_error, &p);
	rc = parse_doc(&p, out);
	if (!rc) {
		end_host(&p); /* unreachable for well-formed XML; safe */
		COPY_VEC(a, &p.hosts, out->hosts, out->n_hosts);
		out->n_hosts_down = p.n_host_elems - out->n_hosts;
	}
	xmlFreeTextReader(p.r);
	ym_buf_release(&p.text);
	ym_vec_release(&p.hosts);
	ym_vec_release(&p.addrs);
	ym_vec_release(&p.hostnames);
	ym_vec_release(&p.oses);
	ym_vec_release(&p.ports);
	ym_vec_release(&p.svc_cpes);
	ym_vec_release(&p.os_cpes);
	if (rc)
		memset(out, 0, sizeof *out);
	return rc;
}

/* ---- ledger values ---- */

static int cmp_port(const void *x, const void *y)
{
	const ym_nmap_port *a = x, *b = y;
	if (a->portid != b->portid)
		return a->portid < b->portid ? -1 : 1;
	return strcmp(a->protocol, b->protocol);
}

/* A version fit for a CPE: starts with a digit, then only letters,
 * digits and ". _ - + ~", at most 64 bytes ("9.2p1", not "9.2p1 Debian
 * 2+deb12u10" or "2.4.X or later"). */
static bool plain_version(const char *v)
{
	size_t n = v ? strlen(v) : 0;
	if (n == 0 || n > 64 || v[0] < '0' || v[0] > '9')
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = v[i];
		if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
		      (c >= 'A' && c <= 'Z') || strchr("._-+~", c)))
			return false;
	}
	return true;
}

typedef YM_VEC(ym_component) comp_vec;

static void push_comp(comp_vec *v, ym_component c)
{
	for (size_t i = 0; i < v->n; i++) {
		const ym_component *o = &v->v[i];
		if (strcmp(o->name, c.name) == 0 &&
		    strcmp(o->type, c.type) == 0 &&
		    (o->version == c.version ||
		     (o->version && c.version &&
		      strcmp(o->version, c.version) == 0)) &&
		    (o->cpe == c.cpe ||
		     (o->cpe && c.cpe && strcmp(o->cpe, c.cpe) == 0)))
			return;
	}
	ym_vec_push(v, c);
}

/* The CPE's attribute in raw text, or NULL for ANY / NA. */
static const char *cpe_value(const char *fs, ym_cpe_attr at, ym_arena *a)
{
	ym_cpe c;
	ym_err e = YM_ERR_INIT;
	if (!fs || ym_cpe_parse(fs, a, &c, &e) ||
	    c.av[at].kind != YM_CPE_VALUE)
		return NULL;
	ym_buf b = YM_BUF_INIT;
	ym_cpe_unquote(c.av[at].s, &b);
	const char *s = ym_arena_strndup(a, b.ptr, b.len);
	ym_buf_release(&b);
	return s;
}

/* fs with its version set to the plain version v when it has none. */
static const char *cpe_with_version(const char *fs, const char *v,
				    ym_arena *a)
{
	ym_cpe c;
	ym_err e = YM_ERR_INIT;
	ym_buf q = YM_BUF_INIT, out = YM_BUF_INIT;
	const char *res = fs;
	if (!plain_version(v) || ym_cpe_parse(fs, a, &c, &e) ||
	    c.av[YM_CPE_VERSION].kind != YM_CPE_ANY)
		return fs;
	if (ym_cpe_quote(v, &q, &e) == 0 &&
	    ym_cpe_set(&c, YM_CPE_VERSION, q.ptr, a, &e) == 0) {
		ym_cpe_bind_fs(&c, &out);
		res = ym_arena_strndup(a, out.ptr, out.len);
	}
	ym_buf_release(&q);
	ym_buf_release(&out);
	return res;
}

static void os_comp(comp_vec *v, const ym_nmap_cpe *c, ym_arena *a)
{
	const char *name = cpe_value(c->fs, YM_CPE_PRODUCT, a);
	if (!name)
		return;
	ym_component comp = {
		.name = name,
		.version = cpe_value(c->fs, YM_CPE_VERSION, a),
		.cpe = c->fs,
		.type = "operating-system",
		.source = "nmap",
	};
	push_comp(v, comp);
}

static void service_comps(comp_vec *v, const ym_nmap_service *s,
			  ym_arena *a)
{
	const char *name = s->product && *s->product ? s->product : s->name;
	const ym_nmap_cpe *app = NULL;
	for (size_t i = 0; i < s->n_cpes && !app; i++)
		if (s->cpes[i].fs && s->cpes[i].part == 'a')
			app = &s->cpes[i];
	if (name && *name) {
		ym_component comp = {
			.name = name,
			.version = s->version && *s->version ? s->version
							     : NULL,
			.cpe = app ? cpe_with_version(app->fs, s->version, a)
				   : NULL,
			.type = "application",
			.source = "nmap",
		};
		push_comp(v, comp);
	}
	for (size_t i = 0; i < s->n_cpes; i++)
		if (s->cpes[i].part == 'o')
			os_comp(v, &s->cpes[i], a);
}

void ym_nmap_host_asset(const ym_nmap_host *h, ym_arena *a,
			ym_nmap_asset *out)
{
	memset(out, 0, sizeof *out);
	if (h->n_hostnames)
		out->name = h->hostnames[0].name;
	for (size_t k = 0; k < 2 && !out->name; k++)
		for (size_t i = 0; i < h->n_addresses && !out->name; i++)
			if (strcmp(h->addresses[i].type,
				   k == 0 ? "ipv4" : "ipv6") == 0)
				out->name = h->addresses[i].addr;
	if (!out->name && h->n_addresses)
		out->name = h->addresses[0].addr;

	ym_nmap_port *sorted = NULL;
	ym_buf b = YM_BUF_INIT;
	comp_vec comps = YM_VEC_INIT;
	if (h->n_ports) {
		sorted = ym_arena_alloc(a, h->n_ports * sizeof *sorted);
		memcpy(sorted, h->ports, h->n_ports * sizeof *sorted);
		qsort(sorted, h->n_ports, sizeof *sorted, cmp_port);
	}
	for (size_t i = 0; i < h->n_ports; i++) {
		if (i > 0 && cmp_port(&sorted[i - 1], &sorted[i]) == 0)
			continue;
		ym_buf_printf(&b, "%s%d/%s", b.len ? "," : "",
			      sorted[i].portid, sorted[i].protocol);
	}
	out->open_ports = ym_arena_strndup(a, b.ptr, b.len);
	ym_buf_release(&b);

	for (size_t i = 0; i < h->n_ports; i++)
		if (h->ports[i].service)
			service_comps(&comps, h->ports[i].service, a);
	if (h->n_osmatches)
		for (size_t i = 0; i < h->osmatches[0].n_cpes; i++)
			if (h->osmatches[0].cpes[i].part == 'o')
				os_comp(&comps, &h->osmatches[0].cpes[i], a);
	COPY_VEC(a, &comps, out->components, out->n_components);
	ym_vec_release(&comps);
}
