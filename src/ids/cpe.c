/* cpe.c - CPE 2.3 naming, binding and matching (see cpe.h). */
#include "ids/cpe.h"

#include <assert.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "core/buf.h"
#include "core/i18n.h"

static const char *const attr_names[YM_CPE_NATTR] = {
	"part", "vendor", "product", "version", "update", "edition",
	"language", "sw_edition", "target_sw", "target_hw", "other"};

const char *ym_cpe_attr_name(ym_cpe_attr a)
{
	return (unsigned)a < YM_CPE_NATTR ? attr_names[a] : NULL;
}

/* ASCII classes by hand: <ctype.h> depends on the locale. */
static bool is_word(unsigned char c)
{
	/* bit per byte 0-127: letters, digits and '_' */
	static const uint32_t word[4] = {0, 0x03ff0000, 0x87fffffe,
					 0x07fffffe};
	return c < 128 && (word[c >> 5] >> (c & 31) & 1);
}

/* Printable, not blank, not a word character: what 7695 quotes. */
static bool is_punct(unsigned char c)
{
	return c > 0x20 && c < 0x7f && !is_word(c);
}

static unsigned char lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c | 0x20) : c;
}

static int hexval(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = lower(c);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* --- Errors --- */

/* Every parse error names the whole input first. */
static int bad(ym_err *err, const char *in, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int bad(ym_err *err, const char *in, const char *fmt, ...)
{
	if (!err)
		return YM_E_INVALID;
	ym_buf b = YM_BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	ym_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	/* a hostile name must not push the reason out of the message */
	int n = (int)strlen(in);
	ym_err_set(err, YM_E_INVALID, _("invalid CPE '%.*s%s': %s"),
		   n > 300 ? 300 : n, in, n > 300 ? "..." : "", b.ptr);
	ym_buf_release(&b);
	return YM_E_INVALID;
}

static int bad_char(ym_err *err, const char *in, size_t pos, const char *attr)
{
	unsigned char c = (unsigned char)in[pos];
	if (c == '\0')
		return bad(err, in, _("unexpected end in %s at position %zu"),
			   attr, pos);
	if (c > 0x20 && c < 0x7f)
		return bad(err, in,
			   _("unexpected '%c' in %s at position %zu"), c,
			   attr, pos);
	return bad(err, in, _("unexpected byte 0x%02x in %s at position %zu"),
		   c, attr, pos);
}

/* --- Value builder: checks the WFN rules unit by unit --- */

/* Where the wildcards may be: [lead] body [trail], lead and trail each
 * one '*' or a run of '?' (7695 5.3.2). */
enum { VB_LEAD, VB_BODY, VB_TRAIL_Q, VB_TRAIL_STAR };

typedef struct vb {
	const char *in;   /* whole input, for messages */
	const char *attr; /* attribute name, for messages */
	char *start;      /* first byte of the value being built */
	char *o;          /* next byte to write */
	char *lim;        /* end of the block the values go to */
	int state;
	char lead;        /* 0, '*' or '?' */
	bool wild;
	size_t wpos;      /* input position of the pending trail wildcard */
	char wc;          /* and which it is */
} vb;

/* One block of size bytes takes all the values of a name. */
static void vb_init(vb *v, char *buf, size_t size, const char *in)
{
	v->in = in;
	v->attr = NULL;
	v->o = buf;
	v->lim = buf + size;
}

/* The next value starts where the last one ended. */
static void vb_start(vb *v)
{
	v->start = v->o;
	v->state = VB_LEAD;
	v->lead = 0;
	v->wild = false;
	v->wpos = 0;
	v->wc = 0;
}

static int vb_plain(vb *v, ym_err *err, unsigned char c)
{
	if (v->state >= VB_TRAIL_Q)
		return bad(err, v->in,
			   _("unquoted '%c' inside %s at position %zu (only "
			     "at the start or end)"),
			   v->wc, v->attr, v->wpos);
	v->state = VB_BODY;
	*v->o++ = (char)c;
	return 0;
}

static int vb_quoted(vb *v, ym_err *err, unsigned char c)
{
	int rc = vb_plain(v, err, '\\');
	if (rc)
		return rc;
	*v->o++ = (char)c;
	return 0;
}

static int vb_wild(vb *v, ym_err *err, unsigned char c, size_t pos)
{
	switch (v->state) {
	case VB_LEAD:
		if (c == '?' && v->lead != '*') {
			v->lead = '?';
			break;
		}
		if (c == '*' && v->lead == 0) {
			v->lead = '*';
			break;
		}
		if (c == '*' && v->lead == '*')
			return bad(err, v->in,
				   _("two unquoted '*' in a row in %s at "
				     "position %zu"),
				   v->attr, pos);
		/* "*?", "?*": the second kind begins the trail */
		v->state = c == '*' ? VB_TRAIL_STAR : VB_TRAIL_Q;
		v->wc = (char)c;
		v->wpos = pos;
		break;
	case VB_BODY:
		v->state = c == '*' ? VB_TRAIL_STAR : VB_TRAIL_Q;
		v->wc = (char)c;
		v->wpos = pos;
		break;
	case VB_TRAIL_Q:
		if (c == '?')
			break;
		/* FALLTHROUGH */
	default:
		return bad(err, v->in,
			   _("unquoted '%c' inside %s at position %zu (only "
			     "at the start or end)"),
			   v->wc, v->attr, v->wpos);
	}
	v->wild = true;
	*v->o++ = (char)c;
	return 0;
}

/* Ends the value: NUL-terminates it into av. pos is where the value
 * began in the input, for the messages. */
static int vb_end(vb *v, ym_err *err, ym_cpe_av *av, size_t pos)
{
	size_t n = (size_t)(v->o - v->start);
	*v->o++ = '\0';
	/* the callers size the block for the worst case */
	assert(v->o <= v->lim);
	if (n == 0)
		return bad(err, v->in, _("empty %s at position %zu"), v->attr,
			   pos);
	if (n == 1 && v->start[0] == '*')
		return bad(err, v->in,
			   _("a lone '*' is not a value (use ANY) in %s at "
			     "position %zu"),
			   v->attr, pos);
	if (n == 2 && v->start[0] == '\\' && v->start[1] == '-')
		return bad(err, v->in,
			   _("a lone quoted '-' is not a value (use NA) in "
			     "%s at position %zu"),
			   v->attr, pos);
	av->kind = YM_CPE_VALUE;
	av->s = v->start;
	av->len = (uint32_t)n;
	av->wild = v->wild;
	return 0;
}

static const ym_cpe_av av_any = {.kind = YM_CPE_ANY};
static const ym_cpe_av av_na = {.kind = YM_CPE_NA};

void ym_cpe_init(ym_cpe *c)
{
	for (int i = 0; i < YM_CPE_NATTR; i++)
		c->av[i] = av_any;
}

static int check_part(const ym_cpe_av *av, ym_err *err, const char *in,
		      size_t pos)
{
	if (av->kind != YM_CPE_VALUE)
		return 0;
	if (av->len == 1 && strchr("aoh", av->s[0]))
		return 0;
	return bad(err, in,
		   _("invalid part '%s' at position %zu (a, o or h)"), av->s,
		   pos);
}

static int check_len(const char *s, size_t n, ym_err *err)
{
	if (n > YM_CPE_MAX_LEN)
		return bad(err, s, _("longer than %d bytes"), YM_CPE_MAX_LEN);
	return 0;
}

/* Quoting can double a value and the URI triples some: the values are
 * capped so that every binding parses again. */
static int check_values(const ym_cpe *c, const char *s, ym_err *err)
{
	size_t w = 0;
	for (int i = 0; i < YM_CPE_NATTR; i++)
		w += c->av[i].len;
	if (w > YM_CPE_MAX_VALUES)
		return bad(err, s,
			   _("the values take %zu bytes in WFN form, more "
			     "than %d"),
			   w, YM_CPE_MAX_VALUES);
	return 0;
}

/* --- Formatted string (7695 6.2) --- */

/* The FS component at s[b] up to an unquoted ':' or the end, whose
 * position goes to *end (unbind_value_fs and add_quoting). */
static int fs_value(const char *s, size_t b, vb *v, ym_err *err,
		    ym_cpe_av *av, size_t *end)
{
	size_t i = b;
	unsigned char c = (unsigned char)s[b];
	if (c == ':' || c == '\0')
		return bad(err, s, _("empty %s at position %zu"), v->attr, b);
	if ((c == '*' || c == '-') && (s[b + 1] == ':' || s[b + 1] == '\0')) {
		*av = c == '*' ? av_any : av_na;
		*end = b + 1;
		return 0;
	}
	vb_start(v);
	for (; (c = (unsigned char)s[i]) != ':' && c != '\0'; i++) {
		int rc;
		if (is_word(c)) {
			/* most of a name: copy the whole run at once */
			size_t j = i + 1;
			while (is_word((unsigned char)s[j]))
				j++;
			rc = vb_plain(v, err, c);
			if (rc)
				return rc;
			memcpy(v->o, s + i + 1, j - i - 1);
			v->o += j - i - 1;
			i = j - 1;
			continue;
		}
		if (c == '\\') {
			unsigned char d = (unsigned char)s[++i];
			if (d == '\0')
				return bad(err, s,
					   _("'\\' at the end of %s at "
					     "position %zu"),
					   v->attr, i - 1);
			/* a quoted letter, digit or '_' is just that
			 * character (7695's binder writes it bare) */
			if (is_word(d))
				rc = vb_plain(v, err, d);
			else if (is_punct(d))
				rc = vb_quoted(v, err, d);
			else
				return bad_char(err, s, i, v->attr);
		} else if (c == '*' || c == '?') {
			rc = vb_wild(v, err, c, i);
		} else if (is_punct(c)) {
			/* "." and "-" are bare in the FS, quoted in a WFN;
			 * other punctuation should come quoted but 7695's
			 * add_quoting takes it bare as well */
			rc = vb_quoted(v, err, c);
		} else {
			return bad_char(err, s, i, v->attr);
		}
		if (rc)
			return rc;
	}
	*end = i;
	return vb_end(v, err, av, b);
}

/* Unquoted ':' count + 1; a '\' takes the next byte whatever it is. */
static size_t fs_components(const char *s, size_t n)
{
	size_t k = 1;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\\')
			i++;
		else if (s[i] == ':')
			k++;
	}
	return k;
}

int ym_cpe_unbind_fs(const char *s, ym_arena *a, ym_cpe *out, ym_err *err)
{
	size_t n = strlen(s);
	ym_cpe_init(out);
	if (check_len(s, n, err))
		return YM_E_INVALID;
	if (strncasecmp(s, "cpe:2.3:", 8) != 0)
		return bad(err, s,
			   _("expected 'cpe:2.3:' at position 0"));
	size_t k = fs_components(s, n);
	if (k != 13)
		return bad(err, s, _("expected 13 components, got %zu"), k);
	/* each output byte comes from at most half an input byte, plus a
	 * NUL per value: one block for the whole name */
	size_t size = 2 * n + YM_CPE_NATTR + 1;
	vb v;
	vb_init(&v, ym_arena_alloc(a, size), size, s);
	size_t b = 8;
	for (int at = 0; at < YM_CPE_NATTR; at++) {
		size_t e = 0;
		v.attr = attr_names[at];
		int rc = fs_value(s, b, &v, err, &out->av[at], &e);
		if (rc)
			return rc;
		if (at == YM_CPE_PART && check_part(&out->av[at], err, s, b))
			return YM_E_INVALID;
		b = e + 1;
	}
	return check_values(out, s, err);
}

/* Writes av's FS form at w (room checked by the caller); returns the
 * end. */
static char *fs_put(char *w, const ym_cpe_av *av)
{
	if (av->kind != YM_CPE_VALUE) {
		*w++ = av->kind == YM_CPE_ANY ? '*' : '-';
		return w;
	}
	for (const char *p = av->s, *end = p + av->len; p < end; p++) {
		/* '.' and '-' need no quoting in the FS */
		if (*p == '\\' && (p[1] == '.' || p[1] == '-'))
			p++;
		else if (*p == '\\')
			*w++ = *p++;
		*w++ = *p;
	}
	return w;
}

void ym_cpe_bind_fs(const ym_cpe *c, ym_buf *out)
{
	/* "cpe:2.3", a ':' per attribute, "*" or "-" for ANY and NA */
	size_t room = 7 + YM_CPE_NATTR;
	for (int i = 0; i < YM_CPE_NATTR; i++)
		room += c->av[i].kind == YM_CPE_VALUE ? c->av[i].len : 1;
	/* the FS is never longer than the WFN values it comes from */
	if (ym_buf_grow(out, room))
		return;
	char *w = out->ptr + out->len;
	memcpy(w, "cpe:2.3", 7);
	w += 7;
	for (int i = 0; i < YM_CPE_NATTR; i++) {
		*w++ = ':';
		w = fs_put(w, &c->av[i]);
	}
	*w = '\0';
	out->len = (size_t)(w - out->ptr);
}

/* --- URI (7695 6.1) --- */

/* One URI component s[b, e) -> av (decode). */
static int uri_value(const char *s, size_t b, size_t e, vb *v, ym_err *err,
		     ym_cpe_av *av)
{
	if (e == b) {
		*av = av_any;
		return 0;
	}
	if (e - b == 1 && s[b] == '-') {
		*av = av_na;
		return 0;
	}
	vb_start(v);
	for (size_t i = b; i < e; i++) {
		unsigned char c = lower((unsigned char)s[i]);
		int rc;
		if (is_word(c)) {
			rc = vb_plain(v, err, c);
		} else if (c == '.' || c == '-' || c == '~') {
			rc = vb_quoted(v, err, c);
		} else if (c == '*' || c == '?') {
			/* not URI syntax, but 7695's decode() hands them
			 * on as wildcards */
			rc = vb_wild(v, err, c, i);
		} else if (c == '%') {
			int h = i + 2 < e ? hexval((unsigned char)s[i + 1])
					  : -1;
			int l = h >= 0 ? hexval((unsigned char)s[i + 2]) : -1;
			if (l < 0)
				return bad(err, s,
					   _("bad percent-encoding in %s at "
					     "position %zu"),
					   v->attr, i);
			unsigned char d = (unsigned char)(h * 16 + l);
			if (d == 1)
				rc = vb_wild(v, err, '?', i);
			else if (d == 2)
				rc = vb_wild(v, err, '*', i);
			else if (is_punct(d) && d != '.' && d != '-')
				rc = vb_quoted(v, err, d);
			else
				return bad(err, s,
					   _("'%%%c%c' is not a CPE "
					     "percent-encoding in %s at "
					     "position %zu"),
					   s[i + 1], s[i + 2], v->attr, i);
			i += 2;
		} else {
			return bad_char(err, s, i, v->attr);
		}
		if (rc)
			return rc;
	}
	return vb_end(v, err, av, b);
}

/* "~ed~sw~tsw~thw~oth" at s[b, e): the last field takes the rest, as
 * 7695's unpack does. */
static int uri_unpack(const char *s, size_t b, size_t e, vb *v, ym_err *err,
		      ym_cpe *out)
{
	static const ym_cpe_attr packed[5] = {
		YM_CPE_EDITION, YM_CPE_SW_EDITION, YM_CPE_TARGET_SW,
		YM_CPE_TARGET_HW, YM_CPE_OTHER};
	size_t fields = 0;
	for (size_t i = b; i < e; i++)
		fields += s[i] == '~';
	if (fields < 5)
		return bad(err, s,
			   _("packed edition at position %zu has %zu fields, "
			     "expected 5 (~edition~sw_edition~target_sw"
			     "~target_hw~other)"),
			   b, fields);
	size_t p = b + 1;
	for (int k = 0; k < 5; k++) {
		size_t q = p;
		if (k < 4)
			while (s[q] != '~')
				q++;
		else
			q = e;
		v->attr = attr_names[packed[k]];
		int rc = uri_value(s, p, q, v, err, &out->av[packed[k]]);
		if (rc)
			return rc;
		p = q + 1;
	}
	return 0;
}

int ym_cpe_unbind_uri(const char *s, ym_arena *a, ym_cpe *out, ym_err *err)
{
	static const ym_cpe_attr order[7] = {
		YM_CPE_PART, YM_CPE_VENDOR, YM_CPE_PRODUCT, YM_CPE_VERSION,
		YM_CPE_UPDATE, YM_CPE_EDITION, YM_CPE_LANGUAGE};
	size_t n = strlen(s);
	ym_cpe_init(out);
	if (check_len(s, n, err))
		return YM_E_INVALID;
	if (strncasecmp(s, "cpe:/", 5) != 0)
		return bad(err, s, _("expected 'cpe:/' at position 0"));
	size_t k = 1;
	for (size_t i = 5; i < n; i++)
		k += s[i] == ':';
	if (k > 7)
		return bad(err, s,
			   _("expected at most 7 components after 'cpe:/', "
			     "got %zu"),
			   k);
	size_t size = 2 * n + YM_CPE_NATTR + 1;
	vb v;
	vb_init(&v, ym_arena_alloc(a, size), size, s);
	size_t b = 5;
	for (size_t at = 0; at < k; at++) {
		const char *colon = memchr(s + b, ':', n - b);
		size_t e = colon ? (size_t)(colon - s) : n;
		ym_cpe_attr attr = order[at];
		int rc;
		v.attr = attr_names[attr];
		if (attr == YM_CPE_EDITION && e > b && s[b] == '~')
			rc = uri_unpack(s, b, e, &v, err, out);
		else
			rc = uri_value(s, b, e, &v, err, &out->av[attr]);
		if (rc)
			return rc;
		if (attr == YM_CPE_PART &&
		    check_part(&out->av[attr], err, s, b))
			return YM_E_INVALID;
		b = e + 1;
	}
	return check_values(out, s, err);
}

static void uri_append(ym_buf *out, const ym_cpe_av *av)
{
	static const char hex[] = "0123456789abcdef";
	if (av->kind == YM_CPE_ANY)
		return;
	if (av->kind == YM_CPE_NA) {
		ym_buf_addc(out, '-');
		return;
	}
	for (const char *p = av->s; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c == '?') {
			ym_buf_add(out, "%01", 3);
		} else if (c == '*') {
			ym_buf_add(out, "%02", 3);
		} else if (c != '\\') {
			ym_buf_addc(out, (char)c);
		} else {
			c = (unsigned char)*++p;
			if (c == '.' || c == '-') {
				ym_buf_addc(out, (char)c);
			} else {
				char e[3] = {'%', hex[c >> 4], hex[c & 15]};
				ym_buf_add(out, e, 3);
			}
		}
	}
}

void ym_cpe_bind_uri(const ym_cpe *c, ym_buf *out)
{
	size_t start = out->len;
	ym_buf_add(out, "cpe:/", 5);
	for (int i = YM_CPE_PART; i <= YM_CPE_LANGUAGE; i++) {
		if (i > YM_CPE_PART)
			ym_buf_addc(out, ':');
		if (i != YM_CPE_EDITION) {
			uri_append(out, &c->av[i]);
			continue;
		}
		bool pack = false;
		for (int j = YM_CPE_SW_EDITION; j <= YM_CPE_OTHER; j++)
			pack |= c->av[j].kind != YM_CPE_ANY;
		if (!pack) {
			uri_append(out, &c->av[i]);
			continue;
		}
		static const ym_cpe_attr packed[5] = {
			YM_CPE_EDITION, YM_CPE_SW_EDITION, YM_CPE_TARGET_SW,
			YM_CPE_TARGET_HW, YM_CPE_OTHER};
		for (int k = 0; k < 5; k++) {
			ym_buf_addc(out, '~');
			uri_append(out, &c->av[packed[k]]);
		}
	}
	/* trailing ANY components go; "cpe:/" itself stays */
	while (out->len > start + 5 && out->ptr[out->len - 1] == ':')
		ym_buf_truncate(out, out->len - 1);
}

/* --- WFN display form --- */

static size_t skip_blank(const char *s, size_t i)
{
	while (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')
		i++;
	return i;
}

/* A WFN value from s[i]: up to the closing '"' when quoted (*end is
 * then past it), else up to the end of s. Bare punctuation is taken as
 * quoted, like add_quoting does for the FS. */
static int wfn_value(const char *s, size_t i, bool quoted, vb *v,
		     ym_err *err, ym_cpe_av *av, size_t *end)
{
	size_t b = i;
	vb_start(v);
	for (;; i++) {
		unsigned char c = (unsigned char)s[i];
		int rc;
		if (quoted ? c == '"' : c == '\0')
			break;
		if (is_word(c)) {
			rc = vb_plain(v, err, c);
		} else if (c == '\\') {
			unsigned char d = (unsigned char)s[++i];
			/* a quoted letter, digit or '_' is just that
			 * character (7695's binder writes it bare) */
			if (is_word(d))
				rc = vb_plain(v, err, d);
			else if (is_punct(d))
				rc = vb_quoted(v, err, d);
			else
				return bad_char(err, s, i, v->attr);
		} else if (c == '*' || c == '?') {
			rc = vb_wild(v, err, c, i);
		} else if (is_punct(c)) {
			/* quoted for the caller, as the FS unbinder does */
			rc = vb_quoted(v, err, c);
		} else {
			return bad_char(err, s, i, v->attr);
		}
		if (rc)
			return rc;
	}
	*end = quoted ? i + 1 : i;
	return vb_end(v, err, av, b);
}

int ym_cpe_parse_wfn(const char *s, ym_arena *a, ym_cpe *out, ym_err *err)
{
	size_t n = strlen(s);
	ym_cpe_init(out);
	if (check_len(s, n, err))
		return YM_E_INVALID;
	if (strncmp(s, "wfn:[", 5) != 0)
		return bad(err, s, _("expected 'wfn:[' at position 0"));
	/* bare punctuation gets a backslash: up to twice the input */
	size_t size = 2 * n + YM_CPE_NATTR + 1;
	bool seen[YM_CPE_NATTR] = {false};
	vb v;
	vb_init(&v, ym_arena_alloc(a, size), size, s);
	size_t i = skip_blank(s, 5);
	if (s[i] == ']')
		goto close;
	for (;;) {
		size_t b = i;
		while (is_word((unsigned char)s[i]))
			i++;
		int at = 0;
		while (at < YM_CPE_NATTR &&
		       (strlen(attr_names[at]) != i - b ||
			memcmp(attr_names[at], s + b, i - b) != 0))
			at++;
		if (at == YM_CPE_NATTR)
			return bad(err, s,
				   _("unknown attribute '%.*s' at position "
				     "%zu"),
				   (int)(i - b), s + b, b);
		if (seen[at])
			return bad(err, s,
				   _("%s given twice at position %zu"),
				   attr_names[at], b);
		seen[at] = true;
		i = skip_blank(s, i);
		if (s[i] != '=')
			return bad(err, s,
				   _("expected '=' after %s at position %zu"),
				   attr_names[at], i);
		i = skip_blank(s, i + 1);
		v.attr = attr_names[at];
		size_t vpos = i;
		if (strncmp(s + i, "ANY", 3) == 0 &&
		    !is_word((unsigned char)s[i + 3])) {
			out->av[at] = av_any;
			i += 3;
		} else if (strncmp(s + i, "NA", 2) == 0 &&
			   !is_word((unsigned char)s[i + 2])) {
			out->av[at] = av_na;
			i += 2;
		} else if (s[i] == '"') {
			int rc = wfn_value(s, i + 1, true, &v, err,
					   &out->av[at], &i);
			if (rc)
				return rc;
		} else {
			return bad(err, s,
				   _("expected ANY, NA or a quoted value for "
				     "%s at position %zu"),
				   attr_names[at], i);
		}
		if (at == YM_CPE_PART &&
		    check_part(&out->av[at], err, s, vpos))
			return YM_E_INVALID;
		i = skip_blank(s, i);
		if (s[i] == ']')
			break;
		if (s[i] != ',')
			return bad(err, s,
				   _("expected ',' or ']' at position %zu"),
				   i);
		i = skip_blank(s, i + 1);
	}
close:
	i = skip_blank(s, i + 1);
	if (s[i])
		return bad(err, s, _("text after ']' at position %zu"), i);
	return check_values(out, s, err);
}

void ym_cpe_format_wfn(const ym_cpe *c, ym_buf *out)
{
	ym_buf_add(out, "wfn:[", 5);
	for (int i = 0; i < YM_CPE_NATTR; i++) {
		const ym_cpe_av *av = &c->av[i];
		if (i)
			ym_buf_addc(out, ',');
		ym_buf_adds(out, attr_names[i]);
		ym_buf_addc(out, '=');
		if (av->kind == YM_CPE_ANY) {
			ym_buf_add(out, "ANY", 3);
		} else if (av->kind == YM_CPE_NA) {
			ym_buf_add(out, "NA", 2);
		} else {
			ym_buf_addc(out, '"');
			ym_buf_add(out, av->s, av->len);
			ym_buf_addc(out, '"');
		}
	}
	ym_buf_addc(out, ']');
}

int ym_cpe_parse(const char *s, ym_arena *a, ym_cpe *out, ym_err *err)
{
	if (strncasecmp(s, "cpe:2.3:", 8) == 0)
		return ym_cpe_unbind_fs(s, a, out, err);
	if (strncasecmp(s, "cpe:/", 5) == 0)
		return ym_cpe_unbind_uri(s, a, out, err);
	if (strncmp(s, "wfn:[", 5) == 0)
		return ym_cpe_parse_wfn(s, a, out, err);
	ym_cpe_init(out);
	return bad(err, s,
		   _("expected 'cpe:2.3:', 'cpe:/' or 'wfn:[' at position 0"));
}

/* --- Building --- */

int ym_cpe_set(ym_cpe *c, ym_cpe_attr attr, const char *wfn, ym_arena *a,
	       ym_err *err)
{
	if ((unsigned)attr >= YM_CPE_NATTR)
		return ym_err_set(err, YM_E_INVALID,
				  _("no CPE attribute number %d"), (int)attr);
	if (!wfn) {
		c->av[attr] = av_any;
		return 0;
	}
	size_t n = strlen(wfn);
	if (check_len(wfn, n, err))
		return YM_E_INVALID;
	vb v;
	ym_cpe_av av;
	size_t end;
	vb_init(&v, ym_arena_alloc(a, 2 * n + 1), 2 * n + 1, wfn);
	v.attr = attr_names[attr];
	int rc = wfn_value(wfn, 0, false, &v, err, &av, &end);
	if (rc)
		return rc;
	if (attr == YM_CPE_PART && check_part(&av, err, wfn, 0))
		return YM_E_INVALID;
	ym_cpe_av old = c->av[attr];
	c->av[attr] = av;
	if (check_values(c, wfn, err)) {
		c->av[attr] = old;
		return YM_E_INVALID;
	}
	return 0;
}

int ym_cpe_quote(const char *raw, ym_buf *out, ym_err *err)
{
	size_t n = strlen(raw);
	if (n == 0)
		return ym_err_set(err, YM_E_INVALID,
				  _("an empty text is not a CPE value"));
	if (n > YM_CPE_MAX_LEN)
		return ym_err_set(err, YM_E_INVALID,
				  _("CPE value longer than %d bytes"),
				  YM_CPE_MAX_LEN);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)raw[i];
		if (!is_word(c) && !is_punct(c))
			return ym_err_set(err, YM_E_INVALID,
					  _("byte 0x%02x at position %zu "
					    "cannot be in a CPE value"),
					  c, i);
	}
	for (size_t i = 0; i < n; i++) {
		if (is_punct((unsigned char)raw[i]))
			ym_buf_addc(out, '\\');
		ym_buf_addc(out, raw[i]);
	}
	return 0;
}

void ym_cpe_unquote(const char *wfn, ym_buf *out)
{
	for (const char *p = wfn; *p; p++) {
		if (*p == '\\' && p[1])
			p++;
		ym_buf_addc(out, *p);
	}
}

/* --- Matching (7696 6.1) --- */

const char *ym_cpe_rel_name(ym_cpe_rel r)
{
	switch (r) {
	case YM_CPE_DISJOINT: return "DISJOINT";
	case YM_CPE_SUBSET: return "SUBSET";
	case YM_CPE_SUPERSET: return "SUPERSET";
	case YM_CPE_EQUAL: return "EQUAL";
	case YM_CPE_UNDEFINED: return "UNDEFINED";
	}
	return "UNDEFINED";
}

static bool same_ci(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (a[i] != b[i] &&
		    lower((unsigned char)a[i]) != lower((unsigned char)b[i]))
			return false;
	return true;
}

/* Units (a character or a quoted pair) in s[0, n). */
static size_t count_units(const char *s, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++, k++)
		if (s[i] == '\\')
			i++;
	return k;
}

/* compare_strings: the source has wildcards at its ends, the target
 * none. 7696's algorithm lets a run of n '?' at either end stand for up
 * to n characters; a value of '?' only is one run (not two). Works on
 * whole units so that a quoted pair is never split. */
static bool wild_match(const ym_cpe_av *src, const ym_cpe_av *tgt)
{
	const char *s = src->s;
	size_t n = src->len, b = 0, e = n;
	long lead = 0, trail = 0; /* -1: '*'; else number of '?' */
	if (s[0] == '*') {
		lead = -1;
		b = 1;
	} else {
		while (b < n && s[b] == '?')
			b++;
		lead = (long)b;
	}
	if (b < n) {
		/* the last unit is a wildcard unless it is quoted, i.e.
		 * preceded by an odd run of backslashes */
		size_t k = e;
		while (k > b && (s[k - 1] == '*' || s[k - 1] == '?')) {
			size_t bs = 0;
			while (k - 1 - bs > b && s[k - 2 - bs] == '\\')
				bs++;
			if (bs & 1)
				break;
			if (s[k - 1] == '*') {
				trail = -1;
				k--;
				break;
			}
			trail++;
			k--;
		}
		e = k;
	}
	const char *body = s + b;
	size_t blen = e - b, bunits = count_units(body, blen);
	const char *t = tgt->s;
	size_t tlen = tgt->len, tunits = count_units(t, tlen);
	if (bunits > tunits)
		return false;
	size_t p = 0, before = 0;
	for (;;) {
		if (lead >= 0 && before > (size_t)lead)
			return false;
		if (p + blen <= tlen && same_ci(body, t + p, blen)) {
			size_t after = tunits - before - bunits;
			if (trail < 0 || after <= (size_t)trail)
				return true;
		}
		if (p >= tlen)
			return false;
		p += t[p] == '\\' ? 2 : 1;
		before++;
	}
}

ym_cpe_rel ym_cpe_compare_av(const ym_cpe_av *source,
			     const ym_cpe_av *target)
{
	if (target->kind == YM_CPE_VALUE && target->wild)
		return YM_CPE_UNDEFINED;
	if (source->kind == target->kind &&
	    (source->kind != YM_CPE_VALUE ||
	     (source->len == target->len &&
	      same_ci(source->s, target->s, source->len))))
		return YM_CPE_EQUAL;
	if (source->kind == YM_CPE_ANY)
		return YM_CPE_SUPERSET;
	if (target->kind == YM_CPE_ANY)
		return YM_CPE_SUBSET;
	if (source->kind == YM_CPE_NA || target->kind == YM_CPE_NA)
		return YM_CPE_DISJOINT;
	if (!source->wild)
		return YM_CPE_DISJOINT;
	return wild_match(source, target) ? YM_CPE_SUPERSET : YM_CPE_DISJOINT;
}

/* Folds attribute relations into the name relation (7696 6.2). */
typedef struct fold {
	bool disjoint, equal, subset, superset;
} fold;

static void fold_add(fold *f, ym_cpe_rel r)
{
	f->disjoint |= r == YM_CPE_DISJOINT;
	f->equal &= r == YM_CPE_EQUAL;
	f->subset &= r == YM_CPE_SUBSET || r == YM_CPE_EQUAL;
	f->superset &= r == YM_CPE_SUPERSET || r == YM_CPE_EQUAL;
}

static ym_cpe_rel fold_end(const fold *f)
{
	if (f->disjoint)
		return YM_CPE_DISJOINT;
	if (f->equal)
		return YM_CPE_EQUAL;
	if (f->subset)
		return YM_CPE_SUBSET;
	if (f->superset)
		return YM_CPE_SUPERSET;
	return YM_CPE_UNDEFINED;
}

ym_cpe_rel ym_cpe_compare(const ym_cpe *source, const ym_cpe *target,
			  ym_cpe_rel *per_attr)
{
	fold f = {false, true, true, true};
	for (int i = 0; i < YM_CPE_NATTR; i++) {
		ym_cpe_rel r = ym_cpe_compare_av(&source->av[i],
						 &target->av[i]);
		if (per_attr)
			per_attr[i] = r;
		else if (r == YM_CPE_DISJOINT)
			return r; /* nothing can outrank it */
		fold_add(&f, r);
	}
	return fold_end(&f);
}

bool ym_cpe_match(const ym_cpe *source, const ym_cpe *target)
{
	/* part, vendor and product first: they differ most often */
	for (int i = 0; i < YM_CPE_NATTR; i++) {
		ym_cpe_rel r = ym_cpe_compare_av(&source->av[i],
						 &target->av[i]);
		if (r != YM_CPE_SUPERSET && r != YM_CPE_EQUAL)
			return false;
	}
	return true;
}

/* --- NVD criteria --- */

const char *ym_cpe_bound_name(ym_cpe_bound b)
{
	switch (b) {
	case YM_CPE_START_INCLUDING: return "versionStartIncluding";
	case YM_CPE_START_EXCLUDING: return "versionStartExcluding";
	case YM_CPE_END_INCLUDING: return "versionEndIncluding";
	case YM_CPE_END_EXCLUDING: return "versionEndExcluding";
	case YM_CPE_BOUND_NONE: break;
	}
	return NULL;
}

/* The target's version against the bounds: SUPERSET when inside. */
static int by_bounds(const ym_cpe_criteria *c, const ym_cpe_av *tv,
		     ym_scheme s, ym_cpe_verdict *v, ym_err *err)
{
	const char *bv[5] = {NULL, c->start_including, c->start_excluding,
			     c->end_including, c->end_excluding};
	ym_cpe_bound ok_end = YM_CPE_BOUND_NONE, ok_start = YM_CPE_BOUND_NONE;
	v->by_bounds = true;
	if (tv->kind != YM_CPE_VALUE || tv->wild) {
		v->rel = tv->kind == YM_CPE_ANY  ? YM_CPE_SUBSET
			 : tv->kind == YM_CPE_NA ? YM_CPE_DISJOINT
						 : YM_CPE_UNDEFINED;
		return 0;
	}
	char raw[YM_CPE_MAX_VALUES + 1];
	size_t n = 0;
	if (tv->len > YM_CPE_MAX_VALUES) /* not from our parser */
		return ym_err_set(err, YM_E_INVALID,
				  _("CPE version longer than %d bytes"),
				  YM_CPE_MAX_VALUES);
	for (uint32_t i = 0; i < tv->len; i++) {
		if (tv->s[i] == '\\')
			i++;
		raw[n++] = tv->s[i];
	}
	raw[n] = '\0';
	/* checked alone first so that an error names the right side */
	int rc = ym_version_check(s, raw, err);
	if (rc) {
		ym_err_field(err, "version");
		return rc;
	}
	v->rel = YM_CPE_SUPERSET;
	for (int b = YM_CPE_START_INCLUDING; b <= YM_CPE_END_EXCLUDING; b++) {
		if (!bv[b] || !*bv[b])
			continue;
		int cmp;
		rc = ym_version_cmp(s, raw, bv[b], &cmp, err);
		if (rc) {
			ym_err_field(err, "%s", ym_cpe_bound_name(b));
			return rc;
		}
		bool in = b == YM_CPE_START_INCLUDING   ? cmp >= 0
			  : b == YM_CPE_START_EXCLUDING ? cmp > 0
			  : b == YM_CPE_END_INCLUDING   ? cmp <= 0
							: cmp < 0;
		if (!in && v->rel == YM_CPE_SUPERSET) {
			v->rel = YM_CPE_DISJOINT;
			v->bound = (ym_cpe_bound)b;
			v->bound_version = bv[b];
		} else if (in && b >= YM_CPE_END_INCLUDING) {
			ok_end = (ym_cpe_bound)b;
		} else if (in) {
			ok_start = (ym_cpe_bound)b;
		}
	}
	if (v->rel == YM_CPE_SUPERSET) {
		v->bound = ok_end ? ok_end : ok_start;
		v->bound_version = bv[v->bound];
	}
	return 0;
}

int ym_cpe_nvd_match(const ym_cpe_criteria *c, const ym_cpe *target,
		     ym_scheme s, ym_cpe_verdict *v, ym_err *err)
{
	const ym_cpe *src = c->cpe;
	bool bounds = (c->start_including && *c->start_including) ||
		      (c->start_excluding && *c->start_excluding) ||
		      (c->end_including && *c->end_including) ||
		      (c->end_excluding && *c->end_excluding);
	memset(v, 0, sizeof *v);
	v->attr = YM_CPE_NATTR;
	if (s == YM_SCHEME_UNKNOWN)
		s = YM_SCHEME_GENERIC;
	fold f = {false, true, true, true};
	for (int i = 0; i < YM_CPE_NATTR; i++) {
		ym_cpe_rel r;
		if (i == YM_CPE_VERSION && bounds &&
		    src->av[i].kind == YM_CPE_ANY) {
			int rc = by_bounds(c, &target->av[i], s, v, err);
			if (rc)
				return rc;
			r = v->rel;
		} else {
			r = ym_cpe_compare_av(&src->av[i], &target->av[i]);
		}
		if (r != YM_CPE_SUPERSET && r != YM_CPE_EQUAL &&
		    v->attr == YM_CPE_NATTR)
			v->attr = (ym_cpe_attr)i;
		fold_add(&f, r);
	}
	v->rel = fold_end(&f);
	v->match = v->rel == YM_CPE_SUPERSET || v->rel == YM_CPE_EQUAL;
	return 0;
}
