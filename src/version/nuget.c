/* nuget.c - NuGet package versions and version ranges (see nuget.h).
 *
 * Rules: NuGet's "Package versioning" documentation (learn.microsoft.com,
 * NuGet reference) and the behaviour of NuGet.Versioning's
 * NuGetVersion.TryParse, VersionComparer.Default and VersionRange:
 *
 * - A version is Major[.Minor[.Patch[.Revision]]] with an optional
 *   "-label.label..." and an optional "+metadata"; absent numbers are 0
 *   (1.0 = 1.0.0 = 1.0.0.0), leading zeros in numbers are allowed and
 *   ignored, a leading "v" is not allowed, blanks around the text are.
 * - Labels and metadata parts are non-empty runs of [0-9A-Za-z-]; a
 *   numeric label may not have a leading zero.
 * - Order: the four numbers, then a version without labels above one
 *   with labels, then labels one by one as in SemVer 2.0.0 section 11
 *   (numeric ones by value and below the others, fewer labels first) but
 *   letters compared without regard to case; metadata is ignored.
 * - Ranges: interval notation "[a,b)", "(a,)", "(,b]", "[a]", or a bare
 *   "a" meaning a <= x. Like NuGet, (a,a) is allowed (it matches nothing)
 *   while [a,a) and a bound below the other are errors.
 *
 * Where we differ from NuGet.Versioning: numbers are not limited to
 * 2^31-1, labels are numeric only when all digits (NuGet's int.TryParse
 * also takes "-1" and refuses numbers above 2^31-1), blanks inside the
 * text are errors, and floating ranges ("1.*") are not supported.
 */
#include "nuget.h"

#include <string.h>

#include "core/i18n.h"
#include "version/scheme_util.h"

static bool is_label_char(char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'z') ||
	       (c >= 'A' && c <= 'Z') || c == '-';
}

static unsigned char lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

/* Dot-separated labels at s[*i..end); stops at anything else. */
static int parse_labels(const char *s, size_t end, size_t *i, bool metadata,
			ym_version_syntax *syn)
{
	for (;;) {
		size_t start = *i;
		bool digits = true;

		while (*i < end && is_label_char(s[*i])) {
			if (!is_digit(s[*i]))
				digits = false;
			(*i)++;
		}
		if (*i == start)
			return fail(syn, start, NULL);
		if (!metadata && digits && *i - start > 1 && s[start] == '0')
			return fail(syn, start,
				    N_("leading zero in a numeric label"));
		if (*i >= end || s[*i] != '.')
			return 0;
		(*i)++;
	}
}

int ym_nuget_parse(const char *s, size_t len, ym_nuget *out,
		   ym_version_syntax *syn)
{
	size_t i = 0, end = len, k;

	while (i < end && is_blank(s[i]))
		i++;
	while (end > i && is_blank(s[end - 1]))
		end--;
	if (i == end)
		return fail(syn, i, N_("empty version"));
	for (k = 0; k < 4; k++) {
		out->part[k].p = "0";
		out->part[k].n = 1;
	}
	for (k = 0;; k++) {
		size_t start = i;

		while (i < end && is_digit(s[i]))
			i++;
		if (i == start)
			return fail(syn, i, NULL);
		while (i - start > 1 && s[start] == '0')
			start++;
		out->part[k].p = s + start;
		out->part[k].n = i - start;
		if (i >= end || s[i] != '.')
			break;
		if (k == 3)
			return fail(syn, i, N_("more than four numbers"));
		i++;
	}
	out->pre = NULL;
	out->pre_len = 0;
	out->meta = NULL;
	out->meta_len = 0;
	if (i < end && s[i] == '-') {
		size_t start = ++i;

		if (parse_labels(s, end, &i, false, syn))
			return -1;
		out->pre = s + start;
		out->pre_len = i - start;
	}
	if (i < end && s[i] == '+') {
		size_t start = ++i;

		if (parse_labels(s, end, &i, true, syn))
			return -1;
		out->meta = s + start;
		out->meta_len = i - start;
	}
	if (i != end)
		return fail(syn, i, NULL);
	return 0;
}

static int num_cmp(const ym_nuget_num *a, const ym_nuget_num *b)
{
	int c;

	if (a->n != b->n)
		return a->n < b->n ? -1 : 1;
	c = memcmp(a->p, b->p, a->n);
	return (c > 0) - (c < 0);
}

static bool all_digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!is_digit(s[i]))
			return false;
	return true;
}

static int label_cmp(const char *a, size_t an, const char *b, size_t bn)
{
	bool ad = all_digits(a, an), bd = all_digits(b, bn);
	size_t i, m = an < bn ? an : bn;

	if (ad && bd) {
		/* no leading zeros in numeric labels */
		if (an != bn)
			return an < bn ? -1 : 1;
	} else if (ad != bd) {
		return ad ? -1 : 1;
	}
	for (i = 0; i < m; i++) {
		unsigned char x = lower((unsigned char)a[i]);
		unsigned char y = lower((unsigned char)b[i]);

		if (x != y)
			return x < y ? -1 : 1;
	}
	return an < bn ? -1 : an > bn;
}

static int pre_cmp(const ym_nuget *a, const ym_nuget *b)
{
	size_t i = 0, j = 0;

	if (a->pre_len == 0 || b->pre_len == 0)
		return (a->pre_len == 0) - (b->pre_len == 0);
	for (;;) {
		size_t i0 = i, j0 = j;
		int c;

		if (i >= a->pre_len || j >= b->pre_len)
			return (i < a->pre_len) - (j < b->pre_len);
		while (i < a->pre_len && a->pre[i] != '.')
			i++;
		while (j < b->pre_len && b->pre[j] != '.')
			j++;
		c = label_cmp(a->pre + i0, i - i0, b->pre + j0, j - j0);
		if (c != 0)
			return c;
		i++;
		j++;
	}
}

int ym_nuget_cmp(const ym_nuget *a, const ym_nuget *b)
{
	int k, c;

	for (k = 0; k < 4; k++) {
		c = num_cmp(&a->part[k], &b->part[k]);
		if (c != 0)
			return c;
	}
	return pre_cmp(a, b);
}

/* --- ranges --- */

/* Parses the bound range[start..end) (blanks around it allowed); *has is
 * false when it is blank. Positions in *syn are within range. */
static int parse_bound(const char *range, size_t start, size_t end,
		       bool *has, ym_nuget *v, ym_version_syntax *syn)
{
	size_t i = start;

	while (i < end && is_blank(range[i]))
		i++;
	*has = i < end;
	if (*has && ym_nuget_parse(range + start, end - start, v, syn)) {
		if (syn)
			syn->pos += start;
		return -1;
	}
	return 0;
}

int ym_nuget_range_contains(const char *range, size_t len, const ym_nuget *v,
			    bool *out, ym_version_syntax *syn)
{
	size_t i = 0, end = len, close, comma = 0, k;
	bool lo_incl = true, hi_incl = false, has_lo, has_hi = false;
	ym_nuget lo, hi;
	int c;

	while (i < end && is_blank(range[i]))
		i++;
	while (end > i && is_blank(range[end - 1]))
		end--;
	if (i == end)
		return fail(syn, i, N_("empty range"));
	for (k = i; k < end; k++)
		if (range[k] == '*')
			return fail(syn, k,
				    N_("floating versions are not supported"));
	if (range[i] != '[' && range[i] != '(') {
		/* a bare version is the lowest version, inclusive */
		if (parse_bound(range, i, end, &has_lo, &lo, syn))
			return -1;
		if (out && v)
			*out = ym_nuget_cmp(v, &lo) >= 0;
		return 0;
	}
	lo_incl = range[i] == '[';
	for (close = i + 1; close < end; close++) {
		if (range[close] == ']' || range[close] == ')')
			break;
		if (range[close] != ',')
			continue;
		if (comma)
			return fail(syn, close, N_("more than two versions"));
		comma = close;
	}
	if (close >= end)
		return fail(syn, end, N_("missing ']' or ')'"));
	if (close + 1 != end)
		return fail(syn, close + 1, NULL);
	hi_incl = range[close] == ']';
	if (parse_bound(range, i + 1, comma ? comma : close, &has_lo, &lo,
			syn))
		return -1;
	if (!comma) {
		if (!has_lo)
			return fail(syn, close, N_("missing version"));
		if (!lo_incl || !hi_incl)
			return fail(syn, i, N_("a single version must be "
					       "enclosed in []"));
		hi = lo;
		has_hi = true;
	} else {
		if (parse_bound(range, comma + 1, close, &has_hi, &hi, syn))
			return -1;
		if (!has_lo && !has_hi)
			return fail(syn, close, N_("missing version"));
		if (has_lo && has_hi) {
			c = ym_nuget_cmp(&lo, &hi);
			if (c > 0)
				return fail(syn, i, N_("upper bound below "
						       "lower bound"));
			if (c == 0 && lo_incl != hi_incl)
				return fail(syn, i, N_("equal bounds must be "
						       "both inclusive or both "
						       "exclusive"));
		}
	}
	if (out && v) {
		bool in = true;

		if (has_lo) {
			c = ym_nuget_cmp(v, &lo);
			if (c < 0 || (c == 0 && !lo_incl))
				in = false;
		}
		if (has_hi) {
			c = ym_nuget_cmp(v, &hi);
			if (c > 0 || (c == 0 && !hi_incl))
				in = false;
		}
		*out = in;
	}
	return 0;
}
