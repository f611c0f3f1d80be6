/* rpm.c - RPM versions and comparator lists (see rpm.h).
 *
 * Format, as rpm's EVR parser splits it: if the text starts with a run of
 * digits (possibly empty) followed by ':', that run is the epoch (empty
 * is 0); the release is what follows the last '-', the version what lies
 * between. rpm itself accepts any string; we reject an empty string, an
 * empty version ("1:", "-1") and bytes below 0x21 or 0x7f (blanks and
 * control characters). Other bytes, also >= 0x80, are separators.
 *
 * Segments, rpmvercmp(3): separators (anything but ASCII letters, digits,
 * '~' and '^') only split segments. Walking both strings: '~' sorts
 * before anything, even the end; '^' sorts after the end but before
 * anything else; a run of digits compares by value (any length) and is
 * newer than a run of letters; runs of letters compare in ASCII order;
 * the string with segments left over is newer ("1.0a" > "1.0",
 * "1.0" = "1_0" = "1.0.").
 *
 * Versions, as rpmverCmp() in rpm 4.18: epoch numerically (absent = 0),
 * then version, then release, where a missing release sorts below any
 * release, even an empty one ("1.0" < "1.0-" < "1.0-1"); this is a total
 * order, unlike skipping the release when one side has none (pacman):
 * "1.0-1" = "1.0" = "1.0-2" but "1.0-1" < "1.0-2".
 *
 * Ranges follow rpm's dependency matching (rpmverOverlap() with the
 * version as "= V"): when the epoch and version are equal and the bound
 * has no release (or an empty one), the version's release is ignored
 * ("1.0-5" is in "<= 1.0" but not in "< 1.0"); a version without a
 * release matches any bound on its epoch and version that has one, for
 * every operator ("1.0" is in "< 1.0-1" and in "> 1.0-1").
 */
#include "rpm.h"

#include <string.h>

#include "core/i18n.h"
#include "version/scheme_util.h"

/* Bits as in rpm's RPMSENSE flags. */
enum { SENSE_LESS = 1, SENSE_GREATER = 2, SENSE_EQUAL = 4 };

static bool is_udigit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static bool is_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_segment_char(unsigned char c)
{
	return is_udigit(c) || is_alpha(c) || c == '~' || c == '^';
}

int ym_rpm_parse(const char *s, size_t len, ym_rpm *out,
		 ym_version_syntax *syn)
{
	size_t i, vstart = 0, hyphen = len;

	if (len == 0)
		return fail(syn, 0, N_("empty version"));
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c <= ' ' || c == 0x7f)
			return fail(syn, i, NULL);
		if (c == '-')
			hyphen = i;
	}
	for (i = 0; i < len && is_udigit((unsigned char)s[i]); i++)
		;
	out->epoch = NULL;
	out->epoch_len = 0;
	if (i < len && s[i] == ':') {
		out->epoch = s;
		out->epoch_len = i;
		vstart = i + 1;
	}
	if (hyphen == vstart || vstart == len)
		return fail(syn, vstart, N_("empty version"));
	out->version = s + vstart;
	out->version_len = hyphen - vstart;
	if (hyphen < len) {
		out->release = s + hyphen + 1;
		out->release_len = len - hyphen - 1;
	} else {
		out->release = NULL;
		out->release_len = 0;
	}
	return 0;
}

static int alpha_cmp(const char *a, size_t an, const char *b, size_t bn)
{
	size_t m = an < bn ? an : bn;
	int c = memcmp(a, b, m);

	if (c != 0)
		return c < 0 ? -1 : 1;
	return an < bn ? -1 : an > bn;
}

int ym_rpm_vercmp(const char *a, size_t an, const char *b, size_t bn)
{
	size_t i = 0, j = 0;

	for (;;) {
		unsigned char ca, cb;
		size_t si, sj;
		int c;

		while (i < an && !is_segment_char((unsigned char)a[i]))
			i++;
		while (j < bn && !is_segment_char((unsigned char)b[j]))
			j++;
		ca = i < an ? (unsigned char)a[i] : 0;
		cb = j < bn ? (unsigned char)b[j] : 0;
		if (ca == '~' || cb == '~') {
			if (ca != '~')
				return 1;
			if (cb != '~')
				return -1;
			i++;
			j++;
			continue;
		}
		if (ca == '^' || cb == '^') {
			if (i == an)
				return -1;
			if (j == bn)
				return 1;
			if (ca != '^')
				return 1;
			if (cb != '^')
				return -1;
			i++;
			j++;
			continue;
		}
		if (i == an || j == bn)
			break;
		si = i;
		sj = j;
		if (is_udigit(ca)) {
			if (!is_udigit(cb))
				return 1; /* numbers are newer than letters */
			while (i < an && is_udigit((unsigned char)a[i]))
				i++;
			while (j < bn && is_udigit((unsigned char)b[j]))
				j++;
			c = ym_version_digits_cmp(a + si, i - si, b + sj,
						  j - sj);
		} else {
			if (!is_alpha(cb))
				return -1;
			while (i < an && is_alpha((unsigned char)a[i]))
				i++;
			while (j < bn && is_alpha((unsigned char)b[j]))
				j++;
			c = alpha_cmp(a + si, i - si, b + sj, j - sj);
		}
		if (c != 0)
			return c;
	}
	if (i == an && j == bn)
		return 0;
	return i == an ? -1 : 1;
}

static int epoch_cmp(const ym_rpm *a, const ym_rpm *b)
{
	/* NULL with length 0 is "" = 0 */
	return ym_version_digits_cmp(a->epoch ? a->epoch : "", a->epoch_len,
				     b->epoch ? b->epoch : "", b->epoch_len);
}

static int ev_cmp(const ym_rpm *a, const ym_rpm *b)
{
	int c = epoch_cmp(a, b);

	if (c != 0)
		return c;
	return ym_rpm_vercmp(a->version, a->version_len, b->version,
			     b->version_len);
}

int ym_rpm_cmp(const ym_rpm *a, const ym_rpm *b)
{
	int c = ev_cmp(a, b);

	if (c != 0)
		return c;
	if (!a->release || !b->release)
		return (a->release != NULL) - (b->release != NULL);
	return ym_rpm_vercmp(a->release, a->release_len, b->release,
			     b->release_len);
}

/* --- ranges --- */

static bool is_dblank(char c)
{
	return c == ' ' || c == '\t';
}

static size_t skip_blanks(const char *s, size_t len, size_t i)
{
	while (i < len && is_dblank(s[i]))
		i++;
	return i;
}

/* Reads an operator at *i: < <= =< = == >= => >, or none (=). */
static unsigned parse_op(const char *r, size_t len, size_t *i)
{
	char c = *i < len ? r[*i] : '\0';
	char d = *i + 1 < len ? r[*i + 1] : '\0';

	switch (c) {
	case '<':
		*i += d == '=' ? 2 : 1;
		return d == '=' ? SENSE_LESS | SENSE_EQUAL : SENSE_LESS;
	case '>':
		*i += d == '=' ? 2 : 1;
		return d == '=' ? SENSE_GREATER | SENSE_EQUAL : SENSE_GREATER;
	case '=':
		*i += d == '<' || d == '>' || d == '=' ? 2 : 1;
		if (d == '<')
			return SENSE_LESS | SENSE_EQUAL;
		if (d == '>')
			return SENSE_GREATER | SENSE_EQUAL;
		return SENSE_EQUAL;
	default:
		return SENSE_EQUAL;
	}
}

static bool has_release(const ym_rpm *v)
{
	return v->release && v->release_len > 0;
}

/* rpmverOverlap() of "= v" with "sense bound". */
static bool matches(const ym_rpm *v, unsigned sense, const ym_rpm *bound)
{
	int c = ev_cmp(v, bound);

	if (c == 0) {
		if (has_release(v) && has_release(bound))
			c = ym_rpm_vercmp(v->release, v->release_len,
					  bound->release, bound->release_len);
		else if (has_release(bound) || (sense & SENSE_EQUAL))
			return true;
	}
	if (c < 0)
		return (sense & SENSE_LESS) != 0;
	if (c > 0)
		return (sense & SENSE_GREATER) != 0;
	return (sense & SENSE_EQUAL) != 0;
}

int ym_rpm_range_contains(const char *range, size_t len, const ym_rpm *v,
			  bool *out, ym_version_syntax *syn)
{
	size_t i = 0;
	bool all = true;

	for (;;) {
		size_t vs;
		unsigned sense;
		ym_rpm b;

		i = skip_blanks(range, len, i);
		sense = parse_op(range, len, &i);
		i = skip_blanks(range, len, i);
		vs = i;
		while (i < len && !is_dblank(range[i]) && range[i] != ',')
			i++;
		if (i == vs)
			return fail(syn, vs, N_("expected a version"));
		if (range[vs] == '<' || range[vs] == '>' || range[vs] == '=')
			return fail(syn, vs, NULL);
		if (ym_rpm_parse(range + vs, i - vs, &b, syn)) {
			if (syn)
				syn->pos += vs;
			return -1;
		}
		i = skip_blanks(range, len, i);
		if (v && !matches(v, sense, &b))
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
