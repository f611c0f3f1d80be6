/* jvn_versions.c - JVN's affected-version wording into version ranges.
 *
 * Three steps: normalise the text (full-width ASCII, spaces, dashes), cut
 * it into tokens (versions, the Japanese and English words for bounds,
 * list separators, parenthesised notes, other words), then read each list
 * item against a short list of patterns. Anything else is "not
 * understood": the caller lowers its confidence instead of us guessing.
 */
#include "feeds/jvn_versions.h"

#include <stdint.h>
#include <string.h>

#include "core/utf8.h"
#include "core/vec.h"

/* ---- normalisation ---- */

enum { SP_NONE, SP_SPACE, SP_BREAK };

/* What cp becomes: a replacement ASCII char (*rep), a space, a line
 * break, or itself (returns SP_NONE with *rep 0). */
static int classify(uint32_t cp, char *rep)
{
	*rep = 0;
	if (cp == '\r' || cp == '\n' || cp == 0x2028 || cp == 0x2029 ||
	    cp == 0x85)
		return SP_BREAK;
	if (cp == ' ' || cp < 0x20 || cp == 0x7f || cp == 0xa0 ||
	    cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200a) || cp == 0x202f ||
	    cp == 0x205f || cp == 0xfeff)
		return SP_SPACE;
	if (cp >= 0xff01 && cp <= 0xff5e) {
		*rep = (char)(cp - 0xfee0); /* full-width ASCII */
		return SP_NONE;
	}
	if (cp == 0x301c || cp == 0x2013 || cp == 0x2014 || cp == 0x2015)
		*rep = '~'; /* wave dash, en and em dash: a range */
	else if (cp == 0x2010 || cp == 0x2011 || cp == 0x2212)
		*rep = '-'; /* hyphens and minus */
	return SP_NONE;
}

char *ym_jvn_text_normalise(const char *text, size_t len, ym_arena *a)
{
	/* every replacement is no longer than what it replaces */
	char *out = ym_arena_alloc(a, len + 1);
	size_t o = 0;
	int pending = SP_NONE;

	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = ym_utf8_decode(text + i, len - i, &cp);
		char rep;
		int sp;
		if (n == 0) { /* invalid byte: kept, never understood */
			n = 1;
			sp = SP_NONE;
			rep = 0;
			cp = 0xfffd;
		} else {
			sp = classify(cp, &rep);
		}
		if (sp != SP_NONE) {
			if (o > 0 && sp > pending)
				pending = sp;
			i += n;
			continue;
		}
		if (pending == SP_BREAK)
			out[o++] = '\n';
		else if (pending == SP_SPACE)
			out[o++] = ' ';
		pending = SP_NONE;
		if (rep) {
			out[o++] = rep;
		} else {
			memcpy(out + o, text + i, n);
			o += n;
		}
		i += n;
	}
	out[o] = '\0';
	return out;
}

/* ---- tokens ---- */

typedef enum tk {
	T_VER,     /* a version */
	T_WORD,    /* any other word */
	T_PAREN,   /* "( ... )": s/n is the inside */
	T_SEP,     /* 、 , ; 及び and or, line break */
	T_LE,      /* 以前 および それ以前 以下 "and earlier" */
	T_LT,      /* より前 未満 */
	T_GE,      /* 以降 以上 "and later" */
	T_GT,      /* より後 */
	T_PRE_LT,  /* "prior to", "before", "<" */
	T_PRE_LE,  /* "up to", "<=" */
	T_PRE_GE,  /* ">=" */
	T_PRE_GT,  /* ">" */
	T_FROM,    /* から (after the start version) */
	T_FROM_EN, /* "from" (before it) */
	T_TO,      /* ~ "to" "through" " - " (inclusive) */
	T_UNTIL,   /* まで */
	T_ALL,     /* 全てのバージョン "all versions" */
	T_FILLER,  /* のバージョン "versions" の: no meaning here */
	T_VERKW    /* バージョン "version" "Ver.": a version follows */
} tk;

typedef struct tok {
	tk t;
	const char *s; /* the token's text (T_VER: the version) */
	size_t n;
	bool prefix;   /* T_VER written "1.0.x" */
	size_t from, to; /* span in the normalised text */
} tok;

typedef struct kw {
	const char *s;
	tk t;
} kw;

/* Japanese words, matched anywhere (longest wins). */
static const kw JA[] = {
	{"およびそれ以前", T_LE},   {"及びそれ以前", T_LE},
	{"とそれ以前", T_LE},       {"およびそれ以降", T_GE},
	{"及びそれ以降", T_GE},     {"とそれ以降", T_GE},
	{"全てのバージョン", T_ALL}, {"すべてのバージョン", T_ALL},
	{"全バージョン", T_ALL},     {"全ての版", T_ALL},
	{"すべての版", T_ALL},       {"のバージョン", T_FILLER},
	{"バージョン", T_VERKW},     {"より前", T_LT},
	{"未満", T_LT},             {"以前", T_LE},
	{"以下", T_LE},             {"以降", T_GE},
	{"以上", T_GE},             {"より後", T_GT},
	{"より新しい", T_GT},       {"を超える", T_GT},
	{"から", T_FROM},           {"まで", T_UNTIL},
	{"および", T_SEP},          {"及び", T_SEP},
	{"並びに", T_SEP},          {"、", T_SEP},
	{"。", T_SEP},
};

/* English words, case-insensitive, whole words only. */
static const kw EN[] = {
	{"and earlier", T_LE},   {"or earlier", T_LE},
	{"and prior", T_LE},     {"or prior", T_LE},
	{"and below", T_LE},     {"or below", T_LE},
	{"and lower", T_LE},     {"or lower", T_LE},
	{"and later", T_GE},     {"or later", T_GE},
	{"and above", T_GE},     {"or above", T_GE},
	{"and higher", T_GE},    {"or higher", T_GE},
	{"and newer", T_GE},     {"or newer", T_GE},
	{"onwards", T_GE},       {"prior to", T_PRE_LT},
	{"before", T_PRE_LT},    {"earlier than", T_PRE_LT},
	{"older than", T_PRE_LT}, {"lower than", T_PRE_LT},
	{"up to and including", T_PRE_LE},
	{"up to", T_PRE_LE},     {"through", T_TO},
	{"thru", T_TO},          {"to", T_TO},
	{"from", T_FROM_EN},     {"all versions", T_ALL},
	{"and", T_SEP},          {"or", T_SEP},
	{"versions", T_FILLER},  {"version", T_VERKW},
	{"ver.", T_VERKW},       {"ver", T_VERKW},
};

/* Words dropped from qualifiers: they say what kind of version it is,
 * not which product. */
static const char *const NEUTRAL[] = {
	"ファームウェア", "ファームウエア", "firmware", "ソフトウェア",
	"software", "release", "の",
};

/* Inside a parenthesis, these make it an exclusion we cannot express. */
static const char *const EXCLUDE[] = {
	"除く", "除き", "以外", "except", "excluding", "not including",
};

static bool is_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	       (c >= 'A' && c <= 'Z');
}

static bool is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static bool ver_char(unsigned char c)
{
	return is_alnum(c) || c == '.' || c == '-' || c == '_' || c == '+';
}

static unsigned char lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

static bool ieq(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);
	if (n != k)
		return false;
	for (size_t i = 0; i < k; i++)
		if (lower((unsigned char)s[i]) != (unsigned char)w[i])
			return false;
	return true;
}

/* Length of the longest Japanese keyword at s, 0 if none. */
static size_t match_ja(const char *s, size_t n, tk *t)
{
	size_t best = 0;
	for (size_t i = 0; i < sizeof JA / sizeof JA[0]; i++) {
		size_t k = strlen(JA[i].s);
		if (k > best && k <= n && memcmp(s, JA[i].s, k) == 0) {
			best = k;
			*t = JA[i].t;
		}
	}
	return best;
}

/* Longest English keyword at s that ends at a word boundary. */
static size_t match_en(const char *s, size_t n, tk *t)
{
	size_t best = 0;
	for (size_t i = 0; i < sizeof EN / sizeof EN[0]; i++) {
		size_t k = strlen(EN[i].s);
		if (k <= best || k > n)
			continue;
		size_t j = 0;
		while (j < k && lower((unsigned char)s[j]) ==
				      (unsigned char)EN[i].s[j])
			j++;
		if (j < k)
			continue;
		/* "ver." may run into the version ("Ver.2.0") */
		if (k < n && is_alnum((unsigned char)EN[i].s[k - 1]) &&
		    ver_char((unsigned char)s[k]) && s[k] != '.')
			continue;
		best = k;
		*t = EN[i].t;
	}
	return best;
}

/* A version at s (ASCII, first byte a digit, or anything after a
 * "version" word when force): returns its length, sets *vlen to the
 * version proper and *prefix for "1.0.x". */
static size_t lex_version(const char *s, size_t n, size_t *vlen, bool *prefix)
{
	size_t q = 0;
	while (q < n && ver_char((unsigned char)s[q]))
		q++;
	if (q + 1 <= n && q > 0 && s[q - 1] == '.' && q < n && s[q] == '*')
		q++; /* "1.0.*" */
	size_t end = q;
	while (end > 0 && strchr(".-_+", s[end - 1]))
		end--;
	*prefix = false;
	/* "1.0.x", "1.x.x", "1.0.*": every version under the prefix */
	while (end >= 3 && s[end - 2] == '.' &&
	       (s[end - 1] == 'x' || s[end - 1] == 'X' || s[end - 1] == '*')) {
		end -= 2;
		*prefix = true;
	}
	*vlen = end;
	return q;
}

typedef YM_VEC(tok) tok_vec;

static void push(tok_vec *v, tk t, const char *s, size_t n, size_t from,
		 size_t to)
{
	tok k = {.t = t, .s = s, .n = n, .from = from, .to = to};
	ym_vec_push(v, k);
}

static void lex(const char *s, tok_vec *out)
{
	size_t n = strlen(s);
	bool force = false; /* the previous token was "version" */

	for (size_t p = 0; p < n;) {
		unsigned char c = (unsigned char)s[p];
		tk t;
		size_t k;

		if (c == ' ') {
			p++;
			continue;
		}
		if (c == '\n' || c == ',' || c == ';') {
			push(out, T_SEP, s + p, 1, p, p + 1);
			p++;
			force = false;
			continue;
		}
		if (c == '(') {
			int depth = 1;
			size_t q = p + 1;
			while (q < n && depth > 0) {
				if (s[q] == '(')
					depth++;
				else if (s[q] == ')')
					depth--;
				q++;
			}
			size_t in_end = depth == 0 ? q - 1 : q;
			size_t b = p + 1;
			while (b < in_end && s[b] == ' ')
				b++;
			size_t e = in_end;
			while (e > b && s[e - 1] == ' ')
				e--;
			push(out, T_PAREN, s + b, e - b, p, q);
			p = q;
			force = false;
			continue;
		}
		if ((k = match_ja(s + p, n - p, &t)) > 0) {
			push(out, t, s + p, k, p, p + k);
			force = t == T_VERKW;
			p += k;
			continue;
		}
		if (c == '~' ||
		    (c == '-' && p > 0 && s[p - 1] == ' ' && p + 1 < n &&
		     s[p + 1] == ' ')) {
			push(out, T_TO, s + p, 1, p, p + 1);
			p++;
			force = false;
			continue;
		}
		if (c == '<' || c == '>') {
			bool eq = p + 1 < n && s[p + 1] == '=';
			t = c == '<' ? (eq ? T_PRE_LE : T_PRE_LT)
				     : (eq ? T_PRE_GE : T_PRE_GT);
			push(out, t, s + p, eq ? 2 : 1, p, p + (eq ? 2 : 1));
			p += eq ? 2 : 1;
			force = false;
			continue;
		}
		if (c < 0x80 && (is_digit(c) || (force && is_alnum(c)))) {
			size_t vlen;
			bool prefix;
			k = lex_version(s + p, n - p, &vlen, &prefix);
			if (vlen > 0) {
				tok v = {.t = T_VER, .s = s + p, .n = vlen,
					 .prefix = prefix, .from = p,
					 .to = p + k};
				ym_vec_push(out, v);
			} else {
				push(out, T_WORD, s + p, k, p, p + k);
			}
			p += k;
			force = false;
			continue;
		}
		if (c < 0x80 && is_alnum(c)) {
			/* "v1.2", "Ver1.2", "Ver.1.2" */
			size_t skip = 0;
			if ((c == 'v' || c == 'V') && p + 1 < n &&
			    is_digit((unsigned char)s[p + 1]))
				skip = 1;
			else if (n - p > 4 && ieq(s + p, 3, "ver") &&
				 (is_digit((unsigned char)s[p + 3]) ||
				  (s[p + 3] == '.' &&
				   is_digit((unsigned char)s[p + 4]))))
				skip = s[p + 3] == '.' ? 4 : 3;
			if (skip) {
				size_t vlen;
				bool prefix;
				k = lex_version(s + p + skip, n - p - skip,
						&vlen, &prefix);
				tok v = {.t = T_VER, .s = s + p + skip,
					 .n = vlen, .prefix = prefix,
					 .from = p, .to = p + skip + k};
				ym_vec_push(out, v);
				p += skip + k;
				force = false;
				continue;
			}
			if ((k = match_en(s + p, n - p, &t)) > 0) {
				push(out, t, s + p, k, p, p + k);
				force = t == T_VERKW;
				p += k;
				continue;
			}
			k = 0;
			while (p + k < n && ver_char((unsigned char)s[p + k]))
				k++;
			push(out, T_WORD, s + p, k, p, p + k);
			p += k;
			force = false;
			continue;
		}
		if (c < 0x80) { /* other punctuation: a word of its own */
			push(out, T_WORD, s + p, 1, p, p + 1);
			p++;
			force = false;
			continue;
		}
		/* non-ASCII: a word up to a keyword, ASCII or a space */
		k = 0;
		while (p + k < n && (unsigned char)s[p + k] >= 0x80) {
			tk t2;
			if (k > 0 && match_ja(s + p + k, n - p - k, &t2))
				break;
			uint32_t cp;
			size_t m = ym_utf8_decode(s + p + k, n - p - k, &cp);
			k += m ? m : 1;
		}
		if (k == strlen("と") && memcmp(s + p, "と", k) == 0)
			push(out, T_SEP, s + p, k, p, p + k);
		else
			push(out, T_WORD, s + p, k, p, p + k);
		p += k;
		force = false;
	}
}

/* ---- reading list items ---- */

static bool contains(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);
	for (size_t i = 0; i + k <= n; i++) {
		size_t j = 0;
		while (j < k && lower((unsigned char)s[i + j]) ==
				      (unsigned char)w[j])
			j++;
		if (j == k)
			return true;
	}
	return false;
}

static bool neutral(const tok *t)
{
	for (size_t i = 0; i < sizeof NEUTRAL / sizeof NEUTRAL[0]; i++)
		if (ieq(t->s, t->n, NEUTRAL[i]))
			return true;
	return false;
}

static const char *dup(ym_arena *a, const tok *t)
{
	return ym_arena_strndup(a, t->s, t->n);
}

static bool is_end_op(tk t)
{
	return t == T_LE || t == T_LT || t == T_UNTIL;
}

/* Sets the bound an operator after a version gives. */
static void post_bound(ym_jvn_range *r, tk op, const char *v)
{
	switch (op) {
	case T_LE:
	case T_UNTIL:
		r->end_incl = v;
		break;
	case T_LT:
		r->end_excl = v;
		break;
	case T_GE:
	case T_FROM:
		r->start_incl = v;
		break;
	default: /* T_GT */
		r->start_excl = v;
		break;
	}
}

static void pre_bound(ym_jvn_range *r, tk op, const char *v)
{
	switch (op) {
	case T_PRE_LE:
		r->end_incl = v;
		break;
	case T_PRE_LT:
		r->end_excl = v;
		break;
	case T_PRE_GE:
		r->start_incl = v;
		break;
	default: /* T_PRE_GT */
		r->start_excl = v;
		break;
	}
}

static bool is_post(tk t)
{
	return t == T_LE || t == T_LT || t == T_GE || t == T_GT ||
	       t == T_FROM || t == T_UNTIL;
}

static bool is_pre(tk t)
{
	return t == T_PRE_LT || t == T_PRE_LE || t == T_PRE_GE ||
	       t == T_PRE_GT;
}

/* A plain version usable as a bound (not "1.0.x"). */
static bool bound_ver(const tok *t)
{
	return t->t == T_VER && !t->prefix;
}

/* Reads the significant tokens sig[0..k) of one item; false if they fit
 * no pattern. */
static bool read_item(const tok *const *sig, size_t k, ym_arena *a,
		      ym_jvn_range *r)
{
	tk t0 = k > 0 ? sig[0]->t : T_WORD;
	tk t1 = k > 1 ? sig[1]->t : T_WORD;
	tk t2 = k > 2 ? sig[2]->t : T_WORD;
	tk t3 = k > 3 ? sig[3]->t : T_WORD;

	r->kind = YM_JVN_RANGE;
	if (k == 1 && t0 == T_ALL) {
		r->kind = YM_JVN_ALL;
		return true;
	}
	if (k == 1 && t0 == T_VER) {
		r->kind = sig[0]->prefix ? YM_JVN_PREFIX : YM_JVN_EXACT;
		r->version = dup(a, sig[0]);
		return true;
	}
	/* 2.20 以前 / 1.0 から / 1.3 まで */
	if (k == 2 && bound_ver(sig[0]) && is_post(t1)) {
		post_bound(r, t1, dup(a, sig[0]));
		return true;
	}
	/* prior to 1.2 / <= 1.2 */
	if (k == 2 && is_pre(t0) && bound_ver(sig[1])) {
		pre_bound(r, t0, dup(a, sig[1]));
		return true;
	}
	/* 0.15.0 以上 0.15.2 未満 */
	if (k == 4 && bound_ver(sig[0]) && (t1 == T_GE || t1 == T_GT) &&
	    bound_ver(sig[2]) && is_end_op(t3)) {
		post_bound(r, t1, dup(a, sig[0]));
		post_bound(r, t3, dup(a, sig[2]));
		return true;
	}
	/* >= 1.0 < 2.0 */
	if (k == 4 && (t0 == T_PRE_GE || t0 == T_PRE_GT) && bound_ver(sig[1]) &&
	    (t2 == T_PRE_LT || t2 == T_PRE_LE) && bound_ver(sig[3])) {
		pre_bound(r, t0, dup(a, sig[1]));
		pre_bound(r, t2, dup(a, sig[3]));
		return true;
	}
	/* [from] A (から|~|to|through) B [まで|より前|以前] */
	size_t i = t0 == T_FROM_EN ? 1 : 0;
	if (k >= i + 3 && k <= i + 4 && bound_ver(sig[i]) &&
	    (sig[i + 1]->t == T_FROM || sig[i + 1]->t == T_TO) &&
	    bound_ver(sig[i + 2]) &&
	    (k == i + 3 || is_end_op(sig[i + 3]->t))) {
		r->start_incl = dup(a, sig[i]);
		if (k == i + 4 && sig[i + 3]->t == T_LT)
			r->end_excl = dup(a, sig[i + 2]);
		else
			r->end_incl = dup(a, sig[i + 2]);
		return true;
	}
	return false;
}

static bool start_only(const ym_jvn_range *r)
{
	return r->kind == YM_JVN_RANGE && (r->start_incl || r->start_excl) &&
	       !r->end_incl && !r->end_excl;
}

static bool end_only(const ym_jvn_range *r)
{
	return r->kind == YM_JVN_RANGE && (r->end_incl || r->end_excl) &&
	       !r->start_incl && !r->start_excl;
}

typedef YM_VEC(ym_jvn_range) range_vec;

void ym_jvn_versions_parse(const char *text, size_t len, ym_arena *a,
			   ym_jvn_versions *out)
{
	tok_vec toks = YM_VEC_INIT;
	range_vec rs = YM_VEC_INIT;
	ym_buf qual = YM_BUF_INIT;

	memset(out, 0, sizeof *out);
	if (len > YM_JVN_VERSIONS_MAX) {
		out->unparsed = true;
		return;
	}
	const char *norm = ym_jvn_text_normalise(text, len, a);
	if (!*norm) {
		out->unparsed = true;
		return;
	}
	lex(norm, &toks);

	size_t prev_item = SIZE_MAX; /* index in rs of the previous item */
	for (size_t b = 0; b <= toks.n;) {
		size_t e = b;
		while (e < toks.n && toks.v[e].t != T_SEP)
			e++;
		if (e == b) { /* empty item: doubled or trailing separator */
			b = e + 1;
			continue;
		}
		const tok *sig[8];
		size_t k = 0;
		bool ok = true;
		ym_buf_reset(&qual);
		for (size_t i = b; i < e && ok; i++) {
			const tok *t = &toks.v[i];
			switch (t->t) {
			case T_FILLER:
			case T_VERKW:
				break;
			case T_PAREN:
			case T_WORD:
				/* "(2.0.1 を除く)": exclusions are not ranges */
				for (size_t x = 0; x < sizeof EXCLUDE /
							   sizeof EXCLUDE[0];
				     x++)
					if (contains(t->s, t->n, EXCLUDE[x]))
						ok = false;
				if (!ym_utf8_valid(t->s, t->n, NULL))
					ok = false; /* bytes, not words */
				if (t->t == T_WORD && neutral(t))
					break;
				if (t->n == 0)
					break;
				if (qual.len)
					ym_buf_addc(&qual, ' ');
				ym_buf_add(&qual, t->s, t->n);
				break;
			default:
				if (k == sizeof sig / sizeof sig[0])
					ok = false;
				else
					sig[k++] = t;
				break;
			}
		}
		/* "2.0 以前の全てのバージョン": ALL beside a bound says nothing */
		if (ok && k > 1) {
			size_t w = 0;
			for (size_t i = 0; i < k; i++)
				if (sig[i]->t != T_ALL)
					sig[w++] = sig[i];
			k = w;
		}
		ym_jvn_range r = {0};
		if (ok && k > 0 && read_item(sig, k, a, &r)) {
			if (qual.len)
				r.qualifier = ym_arena_strndup(a, qual.ptr,
							       qual.len);
			/* "1.0 以上、2.0 未満": one range or two? */
			if (prev_item != SIZE_MAX && prev_item == rs.n - 1 &&
			    start_only(&rs.v[prev_item]) && end_only(&r))
				ok = false;
			ym_vec_push(&rs, r);
			prev_item = rs.n - 1;
		} else {
			ok = false;
			prev_item = SIZE_MAX;
		}
		if (!ok && !out->unparsed) {
			out->unparsed = true;
			size_t from = toks.v[b].from, to = toks.v[e - 1].to;
			out->unknown = ym_arena_strndup(a, norm + from,
							to - from);
		}
		b = e + 1;
	}
	if (rs.n == 0 && !out->unparsed) {
		out->unparsed = true; /* only separators */
		out->unknown = norm;
	}
	if (rs.n) {
		ym_jvn_range *v = ym_arena_alloc(a, rs.n * sizeof *v);
		memcpy(v, rs.v, rs.n * sizeof *v);
		out->ranges = v;
		out->n = rs.n;
	}
	ym_vec_release(&toks);
	ym_vec_release(&rs);
	ym_buf_release(&qual);
}

/* ---- formatting ---- */

void ym_jvn_range_format(const ym_jvn_range *r, ym_buf *out)
{
	switch (r->kind) {
	case YM_JVN_ALL:
		ym_buf_addc(out, '*');
		break;
	case YM_JVN_EXACT:
		ym_buf_printf(out, "=%s", r->version);
		break;
	case YM_JVN_PREFIX:
		ym_buf_printf(out, "%s.*", r->version);
		break;
	case YM_JVN_RANGE: {
		const char *sep = "";
		if (r->start_incl) {
			ym_buf_printf(out, ">=%s", r->start_incl);
			sep = ",";
		}
		if (r->start_excl) {
			ym_buf_printf(out, ">%s", r->start_excl);
			sep = ",";
		}
		if (r->end_incl)
			ym_buf_printf(out, "%s<=%s", sep, r->end_incl);
		if (r->end_excl)
			ym_buf_printf(out, "%s<%s", sep, r->end_excl);
		break;
	}
	}
	if (r->qualifier)
		ym_buf_printf(out, " [%s]", r->qualifier);
}

void ym_jvn_versions_format(const ym_jvn_versions *v, ym_buf *out)
{
	for (size_t i = 0; i < v->n; i++) {
		if (i)
			ym_buf_adds(out, " | ");
		ym_jvn_range_format(&v->ranges[i], out);
	}
	if (v->unparsed) {
		ym_buf_adds(out, v->n ? " ?" : "?");
		if (v->unknown)
			ym_buf_adds(out, v->unknown);
	}
}
