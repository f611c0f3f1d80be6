/* deb.c - Debian package versions (see deb.h).
 *
 * Format, Debian Policy 5.6.12: [epoch:]upstream_version[-debian_revision].
 * The epoch is a number; the revision is everything after the last
 * hyphen, so the upstream version may contain hyphens only when there is
 * a revision, and colons only when there is an epoch.
 *
 * Acceptance is that of `dpkg --compare-versions` (dpkg's parseversion()):
 * blanks around the version are ignored; an empty string, blanks inside
 * it, an epoch that is not a number from 0 to INT_MAX, nothing after the
 * epoch's colon, an empty revision after a trailing hyphen or an empty
 * upstream version are errors. What dpkg only warns about (an upstream
 * version that does not start with a digit, characters other than
 * letters, digits and ".+~-:" in it or ".+~" in the revision) is accepted
 * and reported in ym_deb.warn. Like strtol(), which dpkg uses, the epoch
 * may carry a sign ("-0:1" is epoch 0) and leading \n \v \f \r.
 *
 * Comparison, Policy 5.6.12: epochs numerically, then the upstream
 * version, then the revision (absent = "", so "1.0" equals "1.0-0"),
 * each by alternately comparing the longest runs of non-digits and of
 * digits. Non-digit runs compare character by character: '~' sorts
 * before anything including the end of the run, then the end of the run,
 * then letters (ASCII order), then everything else. Digit runs compare by
 * value of any length, an empty run being 0. Bytes >= 0x80 sort between
 * letters and other characters by byte value, as dpkg does on platforms
 * with a signed char (amd64, i386).
 */
#include "deb.h"

#include <limits.h>

#include "core/i18n.h"
#include "version/scheme_util.h"

enum { OP_LT, OP_LE, OP_EQ, OP_GE, OP_GT };

static bool is_udigit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static bool is_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_dblank(char c)
{
	return c == ' ' || c == '\t';
}

/* Characters allowed without a warning besides letters and digits. */
static bool upstream_char(unsigned char c)
{
	return c == '.' || c == '+' || c == '~' || c == '-' || c == ':';
}

static bool revision_char(unsigned char c)
{
	return c == '.' || c == '+' || c == '~';
}

static void check_chars(const char *s, size_t vstart, size_t hyphen,
			size_t end, ym_deb *out)
{
	size_t k;

	out->warn = NULL;
	out->warn_pos = 0;
	if (!is_udigit((unsigned char)s[vstart])) {
		out->warn = N_("version number does not start with digit");
		out->warn_pos = vstart;
		return;
	}
	for (k = vstart + 1; k < hyphen; k++) {
		unsigned char c = (unsigned char)s[k];

		if (!is_udigit(c) && !is_alpha(c) && !upstream_char(c)) {
			out->warn = N_("invalid character in version number");
			out->warn_pos = k;
			return;
		}
	}
	for (k = hyphen + 1; k < end; k++) {
		unsigned char c = (unsigned char)s[k];

		if (!is_udigit(c) && !is_alpha(c) && !revision_char(c)) {
			out->warn = N_("invalid character in revision number");
			out->warn_pos = k;
			return;
		}
	}
}

/* The epoch s[start..colon) as strtol() reads it; sets *epoch. */
static int parse_epoch(const char *s, size_t start, size_t colon,
		       unsigned *epoch, ym_version_syntax *syn)
{
	size_t k = start, d0;
	unsigned long long val = 0;
	bool neg = false, big = false;

	while (k < colon && (s[k] == '\n' || s[k] == '\v' || s[k] == '\f' ||
			     s[k] == '\r'))
		k++;
	if (k < colon && (s[k] == '+' || s[k] == '-')) {
		neg = s[k] == '-';
		k++;
	}
	d0 = k;
	while (k < colon && is_udigit((unsigned char)s[k])) {
		if (val > INT_MAX)
			big = true;
		else
			val = val * 10 + (unsigned long long)(s[k] - '0');
		k++;
	}
	if (k == d0)
		return fail(syn, d0, N_("epoch in version is empty"));
	if (k != colon)
		return fail(syn, k, N_("epoch in version is not number"));
	if (neg && val != 0)
		return fail(syn, d0 - 1, N_("epoch in version is negative"));
	if (big || val > INT_MAX)
		return fail(syn, d0, N_("epoch in version is too big"));
	*epoch = (unsigned)val;
	return 0;
}

int ym_deb_parse(const char *s, size_t len, ym_deb *out,
		 ym_version_syntax *syn)
{
	size_t i = 0, start, end, colon, vstart, hyphen, k;

	while (i < len && is_dblank(s[i]))
		i++;
	if (i == len)
		return fail(syn, i, N_("version string is empty"));
	start = i;
	colon = len;
	for (; i < len && !is_dblank(s[i]); i++) {
		if (s[i] == '\0')
			return fail(syn, i, NULL);
		if (s[i] == ':' && colon == len)
			colon = i;
	}
	end = i;
	while (i < len && is_dblank(s[i]))
		i++;
	if (i < len)
		return fail(syn, end, N_("version string has embedded spaces"));
	out->epoch = 0;
	vstart = start;
	if (colon < len) {
		if (parse_epoch(s, start, colon, &out->epoch, syn))
			return -1;
		/* dpkg looks at the character after the colon before
		 * trailing blanks are dropped */
		if (colon + 1 == len)
			return fail(syn, end, N_("nothing after colon in "
						 "version number"));
		vstart = colon + 1;
	}
	hyphen = end;
	for (k = end; k > vstart; k--) {
		if (s[k - 1] == '-') {
			hyphen = k - 1;
			break;
		}
	}
	if (hyphen + 1 == end)
		return fail(syn, end, N_("revision number is empty"));
	if (hyphen == vstart)
		return fail(syn, vstart, N_("version number is empty"));
	out->upstream = s + vstart;
	out->upstream_len = hyphen - vstart;
	out->revision = hyphen < end ? s + hyphen + 1 : s + end;
	out->revision_len = hyphen < end ? end - hyphen - 1 : 0;
	check_chars(s, vstart, hyphen, end, out);
	return 0;
}

/* Weight of a non-digit character (0 is the end of a non-digit run). */
static int order(unsigned char c)
{
	if (is_alpha(c))
		return c;
	if (c == '~')
		return -1;
	if (c >= 0x80)
		return c; /* (signed char)c + 256 */
	return c + 256;
}

/* dpkg's verrevcmp() over lengths. */
static int verrevcmp(const char *a, size_t an, const char *b, size_t bn)
{
	size_t i = 0, j = 0;

	while (i < an || j < bn) {
		int diff = 0;

		while ((i < an && !is_udigit((unsigned char)a[i])) ||
		       (j < bn && !is_udigit((unsigned char)b[j]))) {
			int ac = 0, bc = 0;

			if (i < an && !is_udigit((unsigned char)a[i]))
				ac = order((unsigned char)a[i]);
			if (j < bn && !is_udigit((unsigned char)b[j]))
				bc = order((unsigned char)b[j]);
			if (ac != bc)
				return ac < bc ? -1 : 1;
			/* equal weights here are two non-digits */
			i++;
			j++;
		}
		while (i < an && a[i] == '0')
			i++;
		while (j < bn && b[j] == '0')
			j++;
		while (i < an && j < bn && is_udigit((unsigned char)a[i]) &&
		       is_udigit((unsigned char)b[j])) {
			if (diff == 0)
				diff = a[i] - b[j];
			i++;
			j++;
		}
		if (i < an && is_udigit((unsigned char)a[i]))
			return 1;
		if (j < bn && is_udigit((unsigned char)b[j]))
			return -1;
		if (diff != 0)
			return diff < 0 ? -1 : 1;
	}
	return 0;
}

int ym_deb_cmp(const ym_deb *a, const ym_deb *b)
{
	int c;

	if (a->epoch != b->epoch)
		return a->epoch < b->epoch ? -1 : 1;
	c = verrevcmp(a->upstream, a->upstream_len, b->upstream,
		      b->upstream_len);
	if (c != 0)
		return c;
	return verrevcmp(a->revision, a->revision_len, b->revision,
			 b->revision_len);
}

/* --- ranges --- */

static size_t skip_blanks(const char *s, size_t len, size_t i)
{
	while (i < len && is_dblank(s[i]))
		i++;
	return i;
}

/* Reads an operator at *i; OP_EQ when there is none. */
static int parse_op(const char *r, size_t len, size_t *i, int *op,
		    ym_version_syntax *syn)
{
	char c = *i < len ? r[*i] : '\0';
	char d = *i + 1 < len ? r[*i + 1] : '\0';

	*op = OP_EQ;
	if (c == '=') {
		(*i)++;
	} else if (c == '<' || c == '>') {
		if (d == '=')
			*op = c == '<' ? OP_LE : OP_GE;
		else if (d == c)
			*op = c == '<' ? OP_LT : OP_GT;
		else if (c == '<')
			return fail(syn, *i,
				    N_("obsolete '<': write '<<' or '<='"));
		else
			return fail(syn, *i,
				    N_("obsolete '>': write '>>' or '>='"));
		*i += 2;
	}
	return 0;
}

static bool holds(int op, int c)
{
	switch (op) {
	case OP_LT: return c < 0;
	case OP_LE: return c <= 0;
	case OP_GE: return c >= 0;
	case OP_GT: return c > 0;
	default: return c == 0;
	}
}

int ym_deb_range_contains(const char *range, size_t len, const ym_deb *v,
			  bool *out, ym_version_syntax *syn)
{
	size_t i = 0;
	bool all = true;

	for (;;) {
		size_t vs;
		bool paren = false;
		int op;
		ym_deb b;

		i = skip_blanks(range, len, i);
		if (i < len && range[i] == '(') {
			paren = true;
			i = skip_blanks(range, len, i + 1);
		}
		if (parse_op(range, len, &i, &op, syn))
			return -1;
		i = skip_blanks(range, len, i);
		vs = i;
		while (i < len && !is_dblank(range[i]) && range[i] != ',' &&
		       range[i] != '(' && range[i] != ')')
			i++;
		if (i == vs)
			return fail(syn, vs, N_("expected a version"));
		if (range[vs] == '<' || range[vs] == '>' || range[vs] == '=')
			return fail(syn, vs, NULL);
		if (ym_deb_parse(range + vs, i - vs, &b, syn)) {
			if (syn)
				syn->pos += vs;
			return -1;
		}
		i = skip_blanks(range, len, i);
		if (paren) {
			if (i >= len || range[i] != ')')
				return fail(syn, i, N_("missing ')'"));
			i = skip_blanks(range, len, i + 1);
		}
		if (v && !holds(op, ym_deb_cmp(v, &b)))
			all = false;
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
