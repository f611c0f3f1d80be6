/* apk.c - Alpine Linux package versions (see apk.h).
 *
 * Rules of apk-tools 3 (src/version.c; apk-package(5), "pkgver"): a
 * version is a number, then any number of ".number", then at most one
 * lower-case letter, then any number of suffixes "_alpha", "_beta",
 * "_pre", "_rc", "_cvs", "_svn", "_git", "_hg" or "_p", each optionally
 * followed by a number, then optionally "~" and a commit hash of
 * lower-case hexadecimal digits, then optionally a revision "-r" and a
 * number. Anything else is invalid ("1-r", "1..2", "1_foo", "1.2B").
 * One extension: digits right after the letter ("1.9.5p2-r0") are another
 * number component, as in apk-tools 2, because such versions exist in
 * older Alpine releases and their security data; apk-tools 3 rejects
 * them.
 *
 * Comparison walks both versions token by token while the token kinds
 * match: the first number, suffix numbers and revisions compare by value
 * ("1-r01" = "1-r1"); a later ".number" compares by value unless either
 * side starts with '0', in which case the digit strings compare bytewise,
 * shorter first (so "1.01" < "1.1" and "1.0" < "1.00"); letters and
 * hashes compare bytewise; suffixes in the order alpha < beta < pre < rc
 * < (none) < cvs < svn < git < hg < p. When the kinds differ (or one
 * version ends), a pre-release suffix (alpha to rc) is lower than
 * anything, even the end ("1.0_rc1" < "1.0"); otherwise the version at
 * the earlier kind in the order number, letter, suffix, suffix number,
 * hash, revision, end is higher ("1.0.1" > "1.0a" > "1.0_p1" > "1.0-r1" >
 * "1.0"). Numbers of any length compare exactly (apk reads them into 64
 * bits and wraps around above 2^64-1).
 *
 * Ranges use apk's dependency operators; "~" is apk's fuzzy match: the
 * comparison above, except that the version also equals the bound when
 * all the bound's tokens matched and the bound ended first.
 */
#include "apk.h"

#include <string.h>

#include "core/i18n.h"
#include "version/scheme_util.h"

/* Token kinds in apk's order; the order is part of the comparison. */
enum {
	T_INITIAL, T_DIGIT, T_LETTER, T_SUFFIX, T_SUFFIX_NO, T_HASH,
	T_REVISION, T_END, T_INVALID
};

/* Suffixes in their sort order; S_NONE separates pre-releases. */
enum {
	S_INVALID, S_ALPHA, S_BETA, S_PRE, S_RC, S_NONE, S_CVS, S_SVN,
	S_GIT, S_HG, S_P
};

/* Comparison results as bits, as in apk's dependency masks. */
enum { R_LESS = 1, R_EQUAL = 2, R_GREATER = 4, R_FUZZY = 8 };

typedef struct tok {
	int kind;
	int suffix;     /* S_* for T_SUFFIX */
	const char *p;  /* the token's value: digits, letter, suffix, hash */
	size_t n;
	size_t at;      /* where an invalid token starts */
	const char *why;
} tok;

typedef struct cursor {
	const char *s;
	size_t len;
	size_t i;
} cursor;

static bool is_lower(char c)
{
	return c >= 'a' && c <= 'z';
}

static bool is_hex(char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'f');
}

static void invalid(tok *t, size_t at, const char *why)
{
	t->kind = T_INVALID;
	t->at = at;
	t->why = why;
}

static int suffix_value(const char *p, size_t n)
{
	static const char *const names[] = {
		"", "alpha", "beta", "pre", "rc", "", "cvs", "svn", "git",
		"hg", "p"
	};
	int k;

	for (k = S_ALPHA; k <= S_P; k++)
		if (k != S_NONE && strlen(names[k]) == n &&
		    memcmp(names[k], p, n) == 0)
			return k;
	return S_INVALID;
}

static void take_digits(tok *t, cursor *c)
{
	size_t start = c->i;

	while (c->i < c->len && is_digit(c->s[c->i]))
		c->i++;
	t->p = c->s + start;
	t->n = c->i - start;
	if (t->n == 0)
		invalid(t, start, N_("expected a number"));
}

static void tok_first(tok *t, cursor *c)
{
	t->kind = T_INITIAL;
	take_digits(t, c);
	if (t->kind == T_INVALID)
		t->why = N_("a version starts with a number");
}

static void tok_next(tok *t, cursor *c)
{
	size_t at = c->i;
	const char *why = NULL;
	char ch;

	if (c->i >= c->len) {
		t->kind = T_END;
		return;
	}
	ch = c->s[c->i];
	if (is_lower(ch)) {
		if (t->kind > T_DIGIT)
			goto bad;
		t->p = c->s + c->i++;
		t->n = 1;
		t->kind = T_LETTER;
	} else if (ch == '.' || is_digit(ch)) {
		if (ch == '.' && t->kind > T_DIGIT)
			goto bad;
		if (ch == '.')
			c->i++;
		/* digits right after the letter: see the top of the file */
		if (t->kind == T_INITIAL || t->kind == T_DIGIT ||
		    t->kind == T_LETTER)
			t->kind = T_DIGIT;
		else if (t->kind == T_SUFFIX)
			t->kind = T_SUFFIX_NO;
		else
			goto bad;
		take_digits(t, c);
	} else if (ch == '_') {
		if (t->kind > T_SUFFIX_NO)
			goto bad;
		t->p = c->s + ++c->i;
		while (c->i < c->len && is_lower(c->s[c->i]))
			c->i++;
		t->n = (size_t)(c->s + c->i - t->p);
		t->suffix = suffix_value(t->p, t->n);
		why = N_("unknown suffix (known: alpha beta pre rc cvs svn git "
			 "hg p)");
		if (t->suffix == S_INVALID)
			goto bad_after;
		t->kind = T_SUFFIX;
	} else if (ch == '~') {
		if (t->kind >= T_HASH)
			goto bad;
		t->p = c->s + ++c->i;
		while (c->i < c->len && is_hex(c->s[c->i]))
			c->i++;
		t->n = (size_t)(c->s + c->i - t->p);
		why = N_("expected a commit hash (lower-case hexadecimal)");
		if (t->n == 0)
			goto bad_after;
		t->kind = T_HASH;
	} else if (ch == '-') {
		if (t->kind >= T_REVISION)
			goto bad;
		why = N_("'-' must start a revision -rN");
		if (c->i + 1 >= c->len || c->s[c->i + 1] != 'r')
			goto bad_after;
		c->i += 2;
		t->kind = T_REVISION;
		take_digits(t, c);
	} else {
		goto bad;
	}
	return;
bad_after: /* the problem is after the '_', '~' or '-' */
	at++;
bad:
	invalid(t, at, why);
}

int ym_apk_parse(const char *s, size_t len, ym_apk *out,
		 ym_version_syntax *syn)
{
	cursor c = { s, len, 0 };
	tok t;

	for (tok_first(&t, &c); t.kind < T_END; tok_next(&t, &c))
		;
	if (t.kind == T_INVALID)
		return fail(syn, t.at, t.why);
	out->s = s;
	out->len = len;
	return 0;
}

static int bytes_cmp(const tok *a, const tok *b)
{
	size_t m = a->n < b->n ? a->n : b->n;
	int c = memcmp(a->p, b->p, m);

	if (c != 0)
		return c < 0 ? -1 : 1;
	return a->n < b->n ? -1 : a->n > b->n;
}

/* Two tokens of the same kind. */
static int tok_cmp(const tok *a, const tok *b)
{
	switch (a->kind) {
	case T_DIGIT:
		if (a->p[0] == '0' || b->p[0] == '0')
			return bytes_cmp(a, b);
		/* fall through */
	case T_INITIAL:
	case T_SUFFIX_NO:
	case T_REVISION:
		return ym_version_digits_cmp(a->p, a->n, b->p, b->n);
	case T_LETTER:
		return a->p[0] < b->p[0] ? -1 : a->p[0] > b->p[0];
	case T_SUFFIX:
		return a->suffix < b->suffix ? -1 : a->suffix > b->suffix;
	default:
		return bytes_cmp(a, b);
	}
}

/* apk_version_compare_fuzzy(): -1, 0 or 1; with fuzzy, a also equals b
 * when b ran out first. */
static int compare(const ym_apk *a, const ym_apk *b, bool fuzzy)
{
	cursor ca = { a->s, a->len, 0 }, cb = { b->s, b->len, 0 };
	tok ta = {0}, tb = {0};

	tok_first(&ta, &ca);
	tok_first(&tb, &cb);
	while (ta.kind == tb.kind && ta.kind < T_END) {
		int r = tok_cmp(&ta, &tb);

		if (r != 0)
			return r;
		tok_next(&ta, &ca);
		tok_next(&tb, &cb);
	}
	if (ta.kind == tb.kind || (fuzzy && tb.kind == T_END))
		return 0;
	if (ta.kind == T_SUFFIX && ta.suffix < S_NONE)
		return -1;
	if (tb.kind == T_SUFFIX && tb.suffix < S_NONE)
		return 1;
	return ta.kind > tb.kind ? -1 : 1;
}

int ym_apk_cmp(const ym_apk *a, const ym_apk *b)
{
	return compare(a, b, false);
}

/* --- ranges --- */

static bool is_sp_tab(char c)
{
	return c == ' ' || c == '\t';
}

static size_t skip_blanks(const char *s, size_t len, size_t i)
{
	while (i < len && is_sp_tab(s[i]))
		i++;
	return i;
}

static bool is_op_char(char c)
{
	return c == '<' || c == '>' || c == '=' || c == '~';
}

/* Reads < <= = >= > ~ ~= <~ >~ (or nothing: =) into a result mask. */
static int parse_op(const char *r, size_t len, size_t *i, unsigned *mask,
		    ym_version_syntax *syn)
{
	static const struct {
		const char *op;
		unsigned mask;
	} ops[] = {
		{ "<=", R_LESS | R_EQUAL },
		{ "<~", R_LESS | R_EQUAL | R_FUZZY },
		{ "<", R_LESS },
		{ ">=", R_GREATER | R_EQUAL },
		{ ">~", R_GREATER | R_EQUAL | R_FUZZY },
		{ ">", R_GREATER },
		{ "~=", R_EQUAL | R_FUZZY },
		{ "~", R_EQUAL | R_FUZZY },
		{ "=", R_EQUAL },
	};
	size_t start = *i, n, k;

	while (*i < len && is_op_char(r[*i]))
		(*i)++;
	n = *i - start;
	*mask = R_EQUAL;
	if (n == 0)
		return 0;
	for (k = 0; k < sizeof ops / sizeof ops[0]; k++)
		if (strlen(ops[k].op) == n &&
		    memcmp(ops[k].op, r + start, n) == 0) {
			*mask = ops[k].mask;
			return 0;
		}
	return fail(syn, start, N_("unknown operator"));
}

int ym_apk_range_contains(const char *range, size_t len, const ym_apk *v,
			  bool *out, ym_version_syntax *syn)
{
	size_t i = 0;
	bool all = true;

	for (;;) {
		size_t vs;
		unsigned mask;
		ym_apk b;

		i = skip_blanks(range, len, i);
		if (parse_op(range, len, &i, &mask, syn))
			return -1;
		i = skip_blanks(range, len, i);
		vs = i;
		while (i < len && !is_sp_tab(range[i]) && range[i] != ',')
			i++;
		if (i == vs)
			return fail(syn, vs, N_("expected a version"));
		if (ym_apk_parse(range + vs, i - vs, &b, syn)) {
			if (syn)
				syn->pos += vs;
			return -1;
		}
		i = skip_blanks(range, len, i);
		if (v) {
			int c = compare(v, &b, (mask & R_FUZZY) != 0);
			unsigned bit = c < 0 ? R_LESS
				       : c > 0 ? R_GREATER : R_EQUAL;

			if (!(mask & bit))
				all = false;
		}
		if (i == len)
			break;
		if (range[i] != ',')
			return fail(syn, i, NULL);
		i++;
	}
	if (v && out)
		*out = all;
	return 0;
}
