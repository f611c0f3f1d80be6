/* version.c - scheme dispatch, the generic scheme and OSV event ranges.
 *
 * The generic scheme is the fallback for ecosystems without a scheme of
 * their own: a version is split into runs of digits and runs of letters
 * (any other ASCII punctuation separates runs and is otherwise ignored);
 * runs compare pairwise, numbers by value, letters in byte order, a number
 * above letters, and a version that is a prefix of another sorts first.
 */
#include "version.h"

#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "version/cargo.h"
#include "version/gem.h"
#include "version/golang.h"
#include "version/deb.h"
#include "version/rpm.h"
#include "version/apk.h"
#include "version/maven.h"
#include "version/nuget.h"
#include "version/composer.h"
#include "version/pub.h"
#include "version/cran.h"
#include "version/hackage.h"
#include "version/gentoo.h"
#include "version/openssl.h"
#include "version/conan.h"
#include "version/alpm.h"
#include "version/pep440.h"
#include "version/semver.h"
#include "version/scheme_util.h"

/* Quoted text in messages is cut after this many bytes. */
#define QUOTE_MAX 200

/* Which text an error is about; each has its own message format. */
enum {
	K_VERSION, K_RANGE, K_INTRODUCED, K_FIXED, K_LAST_AFFECTED, K_LIMIT
};

/* A version parsed by any scheme; cheap to copy, points into its text. */
typedef struct parsed {
	ym_scheme scheme;
	union {
		ym_semver sv;
		ym_pep440 pv;
		ym_gem gem;
		ym_cargo cargo;
		ym_golang go;
		ym_alpm alpm;
		ym_conan conan;
		ym_openssl openssl;
		ym_gentoo gentoo;
		ym_hackage hackage;
		ym_cran cran;
		ym_pub pub;
		ym_composer composer;
		ym_nuget nuget;
		ym_maven maven;
		ym_apk apk;
		ym_rpm rpm;
		ym_deb deb;
		struct {
			const char *p;
			size_t n;
		} g;
	} u;
} __attribute__((may_alias)) parsed; /* also lives in ym_version.opaque */

int ym_version_digits_cmp(const char *a, size_t an, const char *b,
			  size_t bn)
{
	int c;

	while (an > 1 && *a == '0') {
		a++;
		an--;
	}
	while (bn > 1 && *b == '0') {
		b++;
		bn--;
	}
	if (an == 0 || bn == 0) {
		/* "" is zero */
		if (an == 0 && bn == 0)
			return 0;
		return an == 0 ? -(bn > 1 || *b != '0') : (an > 1 || *a != '0');
	}
	if (an != bn)
		return an < bn ? -1 : 1;
	c = memcmp(a, b, an);
	return (c > 0) - (c < 0);
}

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static bool ieq(const char *a, const char *b)
{
	while (*a && lower(*a) == lower(*b)) {
		a++;
		b++;
	}
	return *a == '\0' && *b == '\0';
}

/* --- names --- */

/* Every scheme: its name, the OSV ecosystems and purl types that use it.
 * A scheme is "built" when version.c can parse it (known() below). */
static const struct scheme_info {
	ym_scheme s;
	const char *name;
	const char *ecosystems[8]; /* OSV names, case-sensitive */
	const char *purl_types[3]; /* lowercase */
} schemes[] = {
	{YM_SCHEME_SEMVER, "semver", {NULL}, {NULL}},
	{YM_SCHEME_NPM, "npm", {"npm"}, {"npm"}},
	{YM_SCHEME_PYPI, "pypi", {"PyPI"}, {"pypi"}},
	{YM_SCHEME_GENERIC, "generic", {NULL}, {"generic"}},
	{YM_SCHEME_MAVEN, "maven", {"Maven"}, {"maven"}},
	{YM_SCHEME_NUGET, "nuget", {"NuGet"}, {"nuget"}},
	{YM_SCHEME_GEM, "gem", {"RubyGems"}, {"gem"}},
	{YM_SCHEME_CARGO, "cargo", {"crates.io"}, {"cargo"}},
	{YM_SCHEME_GOLANG, "golang", {"Go"}, {"golang"}},
	{YM_SCHEME_DEB, "deb", {"Debian", "Ubuntu"}, {"deb"}},
	{YM_SCHEME_RPM, "rpm",
	 {"Red Hat", "Rocky Linux", "AlmaLinux", "SUSE", "openSUSE",
	  "Mageia", "Photon OS", "openEuler"},
	 {"rpm"}},
	{YM_SCHEME_APK, "apk", {"Alpine", "Wolfi", "Chainguard"}, {"apk"}},
	{YM_SCHEME_COMPOSER, "composer", {"Packagist"}, {"composer"}},
	{YM_SCHEME_PUB, "pub", {"Pub"}, {"pub"}},
	{YM_SCHEME_CRAN, "cran", {"CRAN"}, {"cran"}},
	{YM_SCHEME_HACKAGE, "hackage", {"Hackage"}, {"hackage"}},
	{YM_SCHEME_ALPM, "alpm", {NULL}, {"alpm"}},
	{YM_SCHEME_GENTOO, "gentoo", {NULL}, {"ebuild"}},
	{YM_SCHEME_OPENSSL, "openssl", {NULL}, {NULL}},
	{YM_SCHEME_CONAN, "conan", {"ConanCenter"}, {"conan"}},
};
#define N_SCHEMES (sizeof schemes / sizeof schemes[0])

static bool known(ym_scheme s);

ym_scheme ym_scheme_from_name(const char *name)
{
	if (!name)
		return YM_SCHEME_UNKNOWN;
	for (size_t i = 0; i < N_SCHEMES; i++)
		if (ieq(name, schemes[i].name) && known(schemes[i].s))
			return schemes[i].s;
	return YM_SCHEME_UNKNOWN;
}

const char *ym_scheme_name(ym_scheme s)
{
	for (size_t i = 0; i < N_SCHEMES; i++)
		if (schemes[i].s == s)
			return schemes[i].name;
	return "unknown";
}

/* OSV ecosystem names are case-sensitive ("PyPI", not "pypi"); a release
 * suffix ("Debian:12", "Alpine:v3.18") does not change the scheme. */
ym_scheme ym_scheme_for_ecosystem(const char *ecosystem)
{
	if (!ecosystem)
		return YM_SCHEME_GENERIC;
	size_t n = strcspn(ecosystem, ":");
	for (size_t i = 0; i < N_SCHEMES; i++)
		for (size_t k = 0; k < 8 && schemes[i].ecosystems[k]; k++) {
			const char *e = schemes[i].ecosystems[k];
			if (strlen(e) == n && strncmp(e, ecosystem, n) == 0)
				return known(schemes[i].s)
					       ? schemes[i].s
					       : YM_SCHEME_GENERIC;
		}
	return YM_SCHEME_GENERIC;
}

/* purl types are case-insensitive (canonical form lowercase). */
ym_scheme ym_scheme_for_purl_type(const char *type)
{
	if (!type)
		return YM_SCHEME_GENERIC;
	for (size_t i = 0; i < N_SCHEMES; i++)
		for (size_t k = 0; k < 3 && schemes[i].purl_types[k]; k++)
			if (ieq(type, schemes[i].purl_types[k]))
				return known(schemes[i].s)
					       ? schemes[i].s
					       : YM_SCHEME_GENERIC;
	return YM_SCHEME_GENERIC;
}

/* --- errors --- */

static int syntax_error(ym_err *err, int kind, const char *text,
			const ym_version_syntax *syn)
{
	size_t len = strlen(text), pos = syn->pos;
	int q = len > QUOTE_MAX ? QUOTE_MAX : (int)len;
	const char *more = len > QUOTE_MAX ? "..." : "";
	char buf[64];
	const char *why;

	if (syn->why) {
		why = _(syn->why);
	} else if (pos >= len) {
		why = _("unexpected end");
	} else {
		unsigned char c = (unsigned char)text[pos];

		if (c > ' ' && c < 0x7f)
			snprintf(buf, sizeof buf, _("unexpected '%c'"), c);
		else
			snprintf(buf, sizeof buf, _("unexpected byte 0x%02x"),
				 c);
		why = buf;
	}
	switch (kind) {
	case K_RANGE:
		return ym_err_set(err, YM_E_INVALID,
				  _("invalid range '%.*s%s' at position %zu: "
				    "%s"), q, text, more, pos, why);
	case K_INTRODUCED:
		return ym_err_set(err, YM_E_INVALID,
				  _("invalid introduced version '%.*s%s' at "
				    "position %zu: %s"), q, text, more, pos,
				  why);
	case K_FIXED:
		return ym_err_set(err, YM_E_INVALID,
				  _("invalid fixed version '%.*s%s' at "
				    "position %zu: %s"), q, text, more, pos,
				  why);
	case K_LAST_AFFECTED:
		return ym_err_set(err, YM_E_INVALID,
				  _("invalid last_affected version '%.*s%s' "
				    "at position %zu: %s"), q, text, more, pos,
				  why);
	case K_LIMIT:
		return ym_err_set(err, YM_E_INVALID,
				  _("invalid limit version '%.*s%s' at "
				    "position %zu: %s"), q, text, more, pos,
				  why);
	default:
		return ym_err_set(err, YM_E_INVALID,
				  _("invalid version '%.*s%s' at position "
				    "%zu: %s"), q, text, more, pos, why);
	}
}

static int bad_scheme(ym_err *err, ym_scheme s)
{
	return ym_err_set(err, YM_E_INVALID, _("unknown version scheme %d"),
			  (int)s);
}

/* --- the generic scheme --- */

static bool g_is_run(unsigned char c)
{
	/* letters and any non-ASCII byte form "letter" runs */
	return is_digit((char)c) || (c >= 'a' && c <= 'z') ||
	       (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/* Next run at *i: returns false at the end. */
static bool g_next(const char *s, size_t n, size_t *i, const char **run,
		   size_t *run_len, bool *num)
{
	size_t k = *i;

	while (k < n && !g_is_run((unsigned char)s[k]))
		k++;
	if (k >= n) {
		*i = k;
		return false;
	}
	*run = s + k;
	*num = is_digit(s[k]);
	while (k < n && g_is_run((unsigned char)s[k]) &&
	       is_digit(s[k]) == *num)
		k++;
	*run_len = (size_t)(s + k - *run);
	*i = k;
	return true;
}

static int g_parse(const char *s, size_t n, parsed *out,
		   ym_version_syntax *syn)
{
	size_t i;
	bool runs = false;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c <= ' ' || c == 0x7f) {
			syn->pos = i;
			syn->why = NULL;
			return -1;
		}
		if (g_is_run(c))
			runs = true;
	}
	if (!runs) {
		syn->pos = n;
		syn->why = n ? N_("no digits or letters") : NULL;
		return -1;
	}
	out->u.g.p = s;
	out->u.g.n = n;
	return 0;
}

static int g_cmp(const char *a, size_t an, const char *b, size_t bn)
{
	size_t i = 0, j = 0;

	for (;;) {
		const char *ra = NULL, *rb = NULL;
		size_t na = 0, nb = 0, m;
		bool da = false, db = false, ha, hb;
		int c;

		ha = g_next(a, an, &i, &ra, &na, &da);
		hb = g_next(b, bn, &j, &rb, &nb, &db);
		if (!ha || !hb)
			return (int)ha - (int)hb;
		if (da != db)
			return da ? 1 : -1;
		if (da) {
			c = ym_version_digits_cmp(ra, na, rb, nb);
		} else {
			m = na < nb ? na : nb;
			c = memcmp(ra, rb, m);
			c = c != 0 ? (c > 0) - (c < 0) : (na > nb) - (na < nb);
		}
		if (c != 0)
			return c;
	}
}

/* --- dispatch --- */

static int parse_as(ym_scheme s, const char *text, parsed *out,
		    ym_version_syntax *syn)
{
	size_t n = strlen(text);

	out->scheme = s;
	switch (s) {
	case YM_SCHEME_SEMVER:
		return ym_semver_parse(text, n, 0, &out->u.sv, syn);
	case YM_SCHEME_NPM:
		return ym_semver_parse(text, n, YM_SEMVER_NPM, &out->u.sv,
				       syn);
	case YM_SCHEME_PYPI:
		return ym_pep440_parse(text, n, &out->u.pv, syn);
	case YM_SCHEME_GEM:
		return ym_gem_parse(text, n, &out->u.gem, syn);
	case YM_SCHEME_CARGO:
		return ym_cargo_parse(text, n, &out->u.cargo, syn);
	case YM_SCHEME_GOLANG:
		return ym_golang_parse(text, n, &out->u.go, syn);
	case YM_SCHEME_ALPM:
		return ym_alpm_parse(text, n, &out->u.alpm, syn);
	case YM_SCHEME_CONAN:
		return ym_conan_parse(text, n, &out->u.conan, syn);
	case YM_SCHEME_OPENSSL:
		return ym_openssl_parse(text, n, &out->u.openssl, syn);
	case YM_SCHEME_GENTOO:
		return ym_gentoo_parse(text, n, &out->u.gentoo, syn);
	case YM_SCHEME_HACKAGE:
		return ym_hackage_parse(text, n, &out->u.hackage, syn);
	case YM_SCHEME_CRAN:
		return ym_cran_parse(text, n, &out->u.cran, syn);
	case YM_SCHEME_PUB:
		return ym_pub_parse(text, n, &out->u.pub, syn);
	case YM_SCHEME_COMPOSER:
		return ym_composer_parse(text, n, &out->u.composer, syn);
	case YM_SCHEME_NUGET:
		return ym_nuget_parse(text, n, &out->u.nuget, syn);
	case YM_SCHEME_MAVEN:
		return ym_maven_parse(text, n, &out->u.maven, syn);
	case YM_SCHEME_APK:
		return ym_apk_parse(text, n, &out->u.apk, syn);
	case YM_SCHEME_RPM:
		return ym_rpm_parse(text, n, &out->u.rpm, syn);
	case YM_SCHEME_DEB:
		return ym_deb_parse(text, n, &out->u.deb, syn);
	default:
		return g_parse(text, n, out, syn);
	}
}

static int parsed_cmp(const parsed *a, const parsed *b)
{
	switch (a->scheme) {
	case YM_SCHEME_SEMVER:
	case YM_SCHEME_NPM:
		return ym_semver_cmp(&a->u.sv, &b->u.sv);
	case YM_SCHEME_PYPI:
		return ym_pep440_cmp(&a->u.pv, &b->u.pv);
	case YM_SCHEME_GEM:
		return ym_gem_cmp(&a->u.gem, &b->u.gem);
	case YM_SCHEME_CARGO:
		return ym_cargo_cmp(&a->u.cargo, &b->u.cargo);
	case YM_SCHEME_GOLANG:
		return ym_golang_cmp(&a->u.go, &b->u.go);
	case YM_SCHEME_ALPM:
		return ym_alpm_cmp(&a->u.alpm, &b->u.alpm);
	case YM_SCHEME_CONAN:
		return ym_conan_cmp(&a->u.conan, &b->u.conan);
	case YM_SCHEME_OPENSSL:
		return ym_openssl_cmp(&a->u.openssl, &b->u.openssl);
	case YM_SCHEME_GENTOO:
		return ym_gentoo_cmp(&a->u.gentoo, &b->u.gentoo);
	case YM_SCHEME_HACKAGE:
		return ym_hackage_cmp(&a->u.hackage, &b->u.hackage);
	case YM_SCHEME_CRAN:
		return ym_cran_cmp(&a->u.cran, &b->u.cran);
	case YM_SCHEME_PUB:
		return ym_pub_cmp(&a->u.pub, &b->u.pub);
	case YM_SCHEME_COMPOSER:
		return ym_composer_cmp(&a->u.composer, &b->u.composer);
	case YM_SCHEME_NUGET:
		return ym_nuget_cmp(&a->u.nuget, &b->u.nuget);
	case YM_SCHEME_MAVEN:
		return ym_maven_cmp(&a->u.maven, &b->u.maven);
	case YM_SCHEME_APK:
		return ym_apk_cmp(&a->u.apk, &b->u.apk);
	case YM_SCHEME_RPM:
		return ym_rpm_cmp(&a->u.rpm, &b->u.rpm);
	case YM_SCHEME_DEB:
		return ym_deb_cmp(&a->u.deb, &b->u.deb);
	default:
		return g_cmp(a->u.g.p, a->u.g.n, b->u.g.p, b->u.g.n);
	}
}

static bool known(ym_scheme s)
{
	switch (s) {
	case YM_SCHEME_SEMVER:
	case YM_SCHEME_NPM:
	case YM_SCHEME_PYPI:
	case YM_SCHEME_GENERIC:
	case YM_SCHEME_ALPM:
	case YM_SCHEME_CONAN:
	case YM_SCHEME_OPENSSL:
	case YM_SCHEME_GENTOO:
	case YM_SCHEME_HACKAGE:
	case YM_SCHEME_CRAN:
	case YM_SCHEME_PUB:
	case YM_SCHEME_COMPOSER:
	case YM_SCHEME_NUGET:
	case YM_SCHEME_MAVEN:
	case YM_SCHEME_GEM:
	case YM_SCHEME_CARGO:
	case YM_SCHEME_GOLANG:
	case YM_SCHEME_DEB:
	case YM_SCHEME_RPM:
	case YM_SCHEME_APK:
		return true;
	default:
		return false;
	}
}



static int parse_or_fail(ym_scheme s, const char *text, int kind,
			 parsed *out, ym_err *err)
{
	ym_version_syntax syn = { 0, NULL };

	if (parse_as(s, text, out, &syn))
		return syntax_error(err, kind, text, &syn);
	return 0;
}

int ym_version_check(ym_scheme s, const char *v, ym_err *err)
{
	parsed p;

	if (!known(s))
		return bad_scheme(err, s);
	if (!v)
		return ym_err_set(err, YM_E_INVALID, _("missing version"));
	return parse_or_fail(s, v, K_VERSION, &p, err);
}

int ym_version_cmp(ym_scheme s, const char *a, const char *b, int *out,
		   ym_err *err)
{
	parsed pa, pb;
	int rc;

	if (!known(s))
		return bad_scheme(err, s);
	if (!a || !b)
		return ym_err_set(err, YM_E_INVALID, _("missing version"));
	if ((rc = parse_or_fail(s, a, K_VERSION, &pa, err)) != 0 ||
	    (rc = parse_or_fail(s, b, K_VERSION, &pb, err)) != 0)
		return rc;
	*out = parsed_cmp(&pa, &pb);
	return 0;
}

_Static_assert(sizeof(parsed) <= sizeof(((ym_version *)0)->opaque),
	       "YM_VERSION_OPAQUE too small for the parsed union");

int ym_version_parse(ym_scheme s, const char *text, ym_version *out,
		     ym_err *err)
{
	parsed p;
	if (!known(s))
		return bad_scheme(err, s);
	if (!text)
		return ym_err_set(err, YM_E_INVALID, _("missing version"));
	int rc = parse_or_fail(s, text, K_VERSION, &p, err);
	if (rc)
		return rc;
	out->scheme = s;
	memcpy(out->opaque, &p, sizeof p);
	return 0;
}

/* Compared in place: copying the whole union (hundreds of bytes for the
 * largest scheme) costs more than most comparisons. */
int ym_version_cmp_parsed(const ym_version *a, const ym_version *b)
{
	return parsed_cmp((const parsed *)(const void *)a->opaque,
			  (const parsed *)(const void *)b->opaque);
}

/* --- generic ranges: "||" between sets; in a set, comparators
 * (op version, op one of = == != < <= > >=, none meaning =) separated by
 * commas or blanks; "*" matches everything. --- */

enum { G_EQ, G_NE, G_LT, G_LE, G_GT, G_GE, G_ANY };

static bool g_stop(char c)
{
	return c == '\0' || is_blank(c) || c == ',' || c == '|' ||
	       c == '<' || c == '>' || c == '=' || c == '!';
}

static int g_op(const char *r, size_t *i)
{
	char c = r[*i], d = c ? r[*i + 1] : '\0';

	switch (c) {
	case '<':
	case '>':
		*i += d == '=' ? 2 : 1;
		if (c == '<')
			return d == '=' ? G_LE : G_LT;
		return d == '=' ? G_GE : G_GT;
	case '=':
		*i += d == '=' ? 2 : 1;
		return G_EQ;
	case '!':
		if (d != '=')
			return -1;
		*i += 2;
		return G_NE;
	default:
		return G_EQ;
	}
}

static int g_range(const char *v, size_t vn, const char *r, bool *out,
		   ym_version_syntax *syn)
{
	size_t i = 0;
	bool any = false;

	for (;;) {
		bool all = true, empty = true;

		for (;;) {
			size_t start;
			int op, c = 0;
			parsed pv;

			while (is_blank(r[i]) || r[i] == ',')
				i++;
			if (r[i] == '\0' || r[i] == '|')
				break;
			if (r[i] == '*' && g_stop(r[i + 1])) {
				i++;
				empty = false;
				continue;
			}
			op = g_op(r, &i);
			if (op < 0)
				break;
			while (is_blank(r[i]))
				i++;
			start = i;
			while (!g_stop(r[i]))
				i++;
			if (i == start || g_parse(r + start, i - start, &pv,
						  syn)) {
				syn->pos = i == start ? i : start + syn->pos;
				syn->why = i == start ? NULL : syn->why;
				return -1;
			}
			if (!is_blank(r[i]) && r[i] != ',' && r[i] != '|' &&
			    r[i] != '\0')
				break;
			empty = false;
			if (v) {
				c = g_cmp(v, vn, pv.u.g.p, pv.u.g.n);
				switch (op) {
				case G_NE: all &= c != 0; break;
				case G_LT: all &= c < 0; break;
				case G_LE: all &= c <= 0; break;
				case G_GT: all &= c > 0; break;
				case G_GE: all &= c >= 0; break;
				default: all &= c == 0; break;
				}
			}
		}
		if (r[i] != '\0' && r[i] != '|') {
			syn->pos = i;
			syn->why = NULL;
			return -1;
		}
		if (empty) {
			syn->pos = i;
			syn->why = N_("empty comparator set");
			return -1;
		}
		if (all)
			any = true;
		if (r[i] == '\0')
			break;
		if (r[i + 1] != '|') {
			syn->pos = i;
			syn->why = NULL;
			return -1;
		}
		i += 2;
	}
	*out = any;
	return 0;
}

/* Runs the scheme's range check; v NULL only checks the range syntax. */
static int range_dispatch(ym_scheme s, const parsed *v, const char *vtext,
			  const char *range, bool *out, bool *needs_version,
			  ym_version_syntax *syn)
{
	size_t n = strlen(range);

	*needs_version = true;
	switch (s) {
	case YM_SCHEME_SEMVER:
		return ym_semver_range_contains(range, n, 0,
						v ? &v->u.sv : NULL, out,
						syn);
	case YM_SCHEME_NPM:
		return ym_semver_range_contains(range, n, YM_SEMVER_NPM,
						v ? &v->u.sv : NULL, out,
						syn);
	case YM_SCHEME_PYPI:
		return ym_pep440_range_contains(range, n, v ? &v->u.pv : NULL,
						vtext, strlen(vtext), out,
						needs_version, syn);
	case YM_SCHEME_GEM:
		return ym_gem_range_contains(range, n, v ? &v->u.gem : NULL,
					     out, syn);
	case YM_SCHEME_CARGO:
		return ym_cargo_range_contains(range, n,
					       v ? &v->u.cargo : NULL, out,
					       syn);
	case YM_SCHEME_GOLANG:
		return ym_golang_range_contains(range, n, v ? &v->u.go : NULL,
						out, syn);
	case YM_SCHEME_ALPM:
		return ym_alpm_range_contains(range, n, v ? &v->u.alpm : NULL,
					    out, syn);
	case YM_SCHEME_CONAN:
		return ym_conan_range_contains(range, n, v ? &v->u.conan : NULL,
					    out, syn);
	case YM_SCHEME_OPENSSL:
		return ym_openssl_range_contains(range, n, v ? &v->u.openssl : NULL,
					    out, syn);
	case YM_SCHEME_GENTOO:
		return ym_gentoo_range_contains(range, n, v ? &v->u.gentoo : NULL,
					    out, syn);
	case YM_SCHEME_HACKAGE:
		return ym_hackage_range_contains(range, n, v ? &v->u.hackage : NULL,
					    out, syn);
	case YM_SCHEME_CRAN:
		return ym_cran_range_contains(range, n, v ? &v->u.cran : NULL,
					    out, syn);
	case YM_SCHEME_PUB:
		return ym_pub_range_contains(range, n, v ? &v->u.pub : NULL,
					    out, syn);
	case YM_SCHEME_COMPOSER:
		return ym_composer_range_contains(range, n, v ? &v->u.composer : NULL,
					    out, syn);
	case YM_SCHEME_NUGET:
		return ym_nuget_range_contains(range, n, v ? &v->u.nuget : NULL,
					    out, syn);
	case YM_SCHEME_MAVEN:
		return ym_maven_range_contains(range, n, v ? &v->u.maven : NULL,
					    out, syn);
	case YM_SCHEME_APK:
		return ym_apk_range_contains(range, n, v ? &v->u.apk : NULL,
					    out, syn);
	case YM_SCHEME_RPM:
		return ym_rpm_range_contains(range, n, v ? &v->u.rpm : NULL,
					    out, syn);
	case YM_SCHEME_DEB:
		return ym_deb_range_contains(range, n, v ? &v->u.deb : NULL,
					    out, syn);
	default:
		return g_range(v ? v->u.g.p : NULL, v ? v->u.g.n : 0, range,
			       out, syn);
	}
}

int ym_range_contains(ym_scheme s, const char *version, const char *range,
		      bool *out, ym_err *err)
{
	ym_version_syntax vsyn = { 0, NULL }, rsyn = { 0, NULL };
	parsed v;
	bool ok = false, needs = true, valid;

	if (range && strncmp(range, "vers:", 5) == 0 && version)
		return ym_vers_contains(range, version, out ? out : &ok, err);
	if (!known(s))
		return bad_scheme(err, s);
	if (!version || !range)
		return ym_err_set(err, YM_E_INVALID,
				  _("missing version or range"));
	valid = parse_as(s, version, &v, &vsyn) == 0;
	/* a bad range is reported first; PyPI "===" needs no valid version */
	if (range_dispatch(s, valid ? &v : NULL, version, range, &ok, &needs,
			   &rsyn))
		return syntax_error(err, K_RANGE, range, &rsyn);
	if (!valid && needs)
		return syntax_error(err, K_VERSION, version, &vsyn);
	if (out)
		*out = ok;
	return 0;
}

/* --- OSV events --- */

/* Events parsed once on the stack when there are few (the usual case). */
#define EV_CACHE 16

typedef struct ev_set {
	ym_scheme s;
	const ym_osv_event *ev;
	size_t n;
	parsed cache[EV_CACHE]; /* used when n <= EV_CACHE */
} ev_set;

static bool intro_zero(const ym_osv_event *e)
{
	return e->kind == YM_OSV_INTRODUCED && strcmp(e->version, "0") == 0;
}

static bool is_star(const ym_osv_event *e)
{
	return e->kind == YM_OSV_LIMIT && strcmp(e->version, "*") == 0;
}

/* Event i's version, parsed (tmp is used when it is not cached). Only for
 * events whose version was checked and is not "0" or "*". */
static const parsed *ev_version(const ev_set *es, size_t i, parsed *tmp)
{
	ym_version_syntax syn;

	if (es->n <= EV_CACHE)
		return &es->cache[i];
	(void)parse_as(es->s, es->ev[i].version, tmp, &syn);
	return tmp;
}

static bool is_closer(const ym_osv_event *e)
{
	return e->kind == YM_OSV_FIXED || e->kind == YM_OSV_LAST_AFFECTED;
}

static bool is_intro(const ym_osv_event *e)
{
	return e->kind == YM_OSV_INTRODUCED;
}

static bool is_walked(const ym_osv_event *e)
{
	return e->kind != YM_OSV_LIMIT;
}

/* Order of the sorted walk: introduced "0" first, then by version, ties
 * in list order (osv.dev sorts with Python's stable sort). */
static int key_cmp(const ev_set *es, size_t a, size_t b)
{
	bool za = intro_zero(&es->ev[a]), zb = intro_zero(&es->ev[b]);
	parsed ta, tb;
	int c = 0;

	if (za != zb)
		return za ? -1 : 1;
	if (!za)
		c = parsed_cmp(ev_version(es, a, &ta), ev_version(es, b, &tb));
	if (c == 0)
		c = (a > b) - (a < b);
	return c;
}

/* Whether the walk's step for event i sets the state when v is tested:
 * introduced when v >= it, fixed when v >= it, last_affected when v > it. */
static bool fires(const ev_set *es, size_t i, const parsed *v)
{
	parsed tmp;
	int c;

	if (intro_zero(&es->ev[i]))
		return true;
	c = parsed_cmp(v, ev_version(es, i, &tmp));
	return es->ev[i].kind == YM_OSV_LAST_AFFECTED ? c > 0 : c >= 0;
}

static int check_event(ev_set *es, size_t i, ym_err *err)
{
	static const int kinds[] = {
		K_INTRODUCED, K_FIXED, K_LAST_AFFECTED, K_LIMIT
	};
	const ym_osv_event *e = &es->ev[i];
	ym_version_syntax syn = { 0, NULL };
	parsed tmp, *p = es->n <= EV_CACHE ? &es->cache[i] : &tmp;

	if ((unsigned)e->kind > YM_OSV_LIMIT)
		return ym_err_set(err, YM_E_INVALID,
				  _("unknown OSV event kind %d"),
				  (int)e->kind);
	if (!e->version)
		return ym_err_set(err, YM_E_INVALID,
				  _("OSV event without a version"));
	if (intro_zero(e) || is_star(e))
		return 0;
	if (parse_as(es->s, e->version, p, &syn))
		return syntax_error(err, kinds[e->kind], e->version, &syn);
	return 0;
}

typedef bool (*ev_pred)(const ym_osv_event *e);

/* Picks among the events pred accepts: only firing ones (fire_want 1) or
 * only non-firing ones (0), only those sorting after event `after`
 * (SIZE_MAX: no bound); the greatest or least in walk order. Returns
 * SIZE_MAX if none. */
static size_t pick(const ev_set *es, const parsed *v, ev_pred pred,
		   int fire_want, bool greatest, size_t after)
{
	size_t i, found = (size_t)-1;

	for (i = 0; i < es->n; i++) {
		if (!pred(&es->ev[i]) ||
		    fires(es, i, v) != (fire_want == 1))
			continue;
		if (after != (size_t)-1 && key_cmp(es, i, after) <= 0)
			continue;
		if (found == (size_t)-1 ||
		    (key_cmp(es, i, found) > 0) == greatest)
			found = i;
	}
	return found;
}

/* The nearest limit above v: SIZE_MAX if none, or if there are limits but
 * v is not below any (*blocked). A "*" limit lifts the cap. */
static size_t nearest_limit(const ev_set *es, const parsed *v, bool *blocked)
{
	size_t i, lim = (size_t)-1;
	bool has_limit = false, below = false;
	parsed ta, tb;

	for (i = 0; i < es->n; i++) {
		if (es->ev[i].kind != YM_OSV_LIMIT)
			continue;
		has_limit = true;
		if (is_star(&es->ev[i])) {
			below = true;
			continue;
		}
		if (parsed_cmp(v, ev_version(es, i, &ta)) >= 0)
			continue;
		below = true;
		if (lim == (size_t)-1 ||
		    parsed_cmp(ev_version(es, i, &ta),
			       ev_version(es, lim, &tb)) < 0)
			lim = i;
	}
	*blocked = has_limit && !below;
	return lim;
}

int ym_osv_events_affect(ym_scheme s, const ym_osv_event *ev, size_t n,
			 const char *version, bool *affected, ym_osv_hit *hit,
			 ym_err *err)
{
	const size_t none = (size_t)-1;
	size_t i, last, closer, opener, closing, lim;
	bool blocked;
	parsed v, ta, tb;
	ev_set es;
	int rc;

	if (hit) {
		hit->introduced = NULL;
		hit->closing = NULL;
	}
	*affected = false;
	if (!known(s))
		return bad_scheme(err, s);
	if (!version || (n > 0 && !ev))
		return ym_err_set(err, YM_E_INVALID, _("missing version"));
	if ((rc = parse_or_fail(s, version, K_VERSION, &v, err)) != 0)
		return rc;
	es.s = s;
	es.ev = ev;
	es.n = n;
	for (i = 0; i < n; i++)
		if ((rc = check_event(&es, i, err)) != 0)
			return rc;

	/* The walk sets the state at every firing event, so the result is
	 * that of the last firing event in sorted order. */
	last = pick(&es, &v, is_walked, 1, true, none);
	if (last == none || !is_intro(&ev[last]))
		return 0;
	/* the interval opened at the first firing introduced event after
	 * the last firing fixed/last_affected, and closes at the next
	 * fixed/last_affected */
	closer = pick(&es, &v, is_closer, 1, true, none);
	opener = pick(&es, &v, is_intro, 1, false, closer);
	closing = pick(&es, &v, is_closer, 0, false, opener);
	lim = nearest_limit(&es, &v, &blocked);
	if (blocked)
		return 0;
	if (lim != none && closing != none) {
		/* the nearer bound closes the interval */
		int c = parsed_cmp(ev_version(&es, lim, &ta),
				   ev_version(&es, closing, &tb));

		if (c < 0 || (c == 0 && ev[closing].kind ==
					    YM_OSV_LAST_AFFECTED))
			closing = lim;
	} else if (closing == none) {
		closing = lim;
	}
	*affected = true;
	if (hit) {
		hit->introduced = &ev[opener];
		hit->closing = closing == none ? NULL : &ev[closing];
	}
	return 0;
}
