/* fuzz_version.c - libFuzzer target for the version schemes.
 *
 * The input is "version\nrange" (no newline: all of it is the version and
 * the range is empty). For every scheme it checks, compares and tests
 * range membership, and evaluates OSV events made from the range's
 * blank-separated words. Beyond not crashing or leaking it checks that
 * errors are YM_E_INVALID with a message, that comparison is
 * antisymmetric and reflexive, and that a PEP 440 version's normalised
 * form parses back to an equal version.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "version/pep440.h"
#include "version/semver.h"
#include "core/buf.h"
#include "version/version.h"

#define MAX_EVENTS 16

static void die(const char *what, const char *a, const char *b)
{
	fprintf(stderr, "fuzz_version: %s\n[%s]\n[%s]\n", what, a, b);
	abort();
}

static void check_rc(int rc, const ym_err *err, const char *a,
		     const char *b)
{
	if (rc == 0)
		return;
	if (rc != YM_E_INVALID || err->code != YM_E_INVALID ||
	    err->msg[0] == '\0')
		die("error without YM_E_INVALID and a message", a, b);
}

static void one_scheme(ym_scheme s, const char *v, const char *r)
{
	ym_err err = YM_ERR_INIT;
	int c1 = 0, c2 = 0, rc1, rc2;
	bool in = false;

	rc1 = ym_version_check(s, v, &err);
	check_rc(rc1, &err, v, r);
	if (rc1 == 0) {
		if (ym_version_cmp(s, v, v, &c1, &err) != 0 || c1 != 0)
			die("version not equal to itself", v, r);
	}
	rc1 = ym_version_cmp(s, v, r, &c1, &err);
	check_rc(rc1, &err, v, r);
	rc2 = ym_version_cmp(s, r, v, &c2, &err);
	check_rc(rc2, &err, v, r);
	if ((rc1 == 0) != (rc2 == 0))
		die("cmp validity depends on argument order", v, r);
	if (rc1 == 0 && (c1 != -c2 || c1 < -1 || c1 > 1))
		die("cmp not antisymmetric", v, r);
	check_rc(ym_range_contains(s, v, r, &in, &err), &err, v, r);
}

/* Events from the words of r: kinds cycle through introduced, fixed,
 * last_affected and limit. Words are cut out of a writable copy. */
static void events(ym_scheme s, const char *v, char *words)
{
	ym_osv_event ev[MAX_EVENTS];
	ym_osv_hit hit;
	ym_err err = YM_ERR_INIT;
	size_t n = 0;
	char *p = words;
	bool affected = false;
	int rc;

	while (*p && n < MAX_EVENTS) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		ev[n].kind = (ym_osv_event_kind)(n % 4);
		ev[n].version = p;
		n++;
		while (*p && *p != ' ')
			p++;
		if (*p)
			*p++ = '\0';
	}
	rc = ym_osv_events_affect(s, ev, n, v, &affected, &hit, &err);
	check_rc(rc, &err, v, words);
	if (rc == 0 && affected &&
	    (!hit.introduced || hit.introduced < ev ||
	     hit.introduced >= ev + n ||
	     hit.introduced->kind != YM_OSV_INTRODUCED))
		die("affected without its introduced event", v, words);
	if (rc == 0 && !affected && (hit.introduced || hit.closing))
		die("interval named while not affected", v, words);
}

static void pep440_roundtrip(const char *v)
{
	ym_pep440 a, b;
	ym_version_syntax syn;
	char buf[512];
	size_t n;

	if (ym_pep440_parse(v, strlen(v), &a, &syn) != 0)
		return;
	n = ym_pep440_format(&a, buf, sizeof buf);
	if (n >= sizeof buf)
		return;
	if (ym_pep440_parse(buf, n, &b, &syn) != 0)
		die("normalised form does not parse", v, buf);
	if (ym_pep440_cmp(&a, &b) != 0)
		die("normalised form is a different version", v, buf);
}

static void semver_flags(const char *v, const char *r)
{
	ym_semver sv;
	ym_version_syntax syn;
	bool in;

	if (ym_semver_parse(v, strlen(v), YM_SEMVER_NPM, &sv, &syn) != 0)
		return;
	(void)ym_semver_range_contains(r, strlen(r),
				       YM_SEMVER_NPM |
				       YM_SEMVER_INCLUDE_PRERELEASE,
				       &sv, &in, &syn);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = malloc(size + 1), *words;
	const char *nl, *v, *r;
	size_t i;

	if (!buf)
		return 0;
	memcpy(buf, data, size);
	buf[size] = '\0';
	/* strings end at an embedded NUL, as C callers' strings would */
	nl = memchr(buf, '\n', size);
	v = buf;
	r = "";
	if (nl) {
		buf[nl - buf] = '\0';
		r = nl + 1;
	}
#ifdef YM_FUZZ_SCHEME
	/* one scheme per binary (fuzz_version_<scheme>, see CMakeLists) */
	one_scheme(YM_FUZZ_SCHEME, v, r);
#else
	/* every scheme, and UNKNOWN (0) for the error paths */
	for (i = 0; i < YM_SCHEME_COUNT_; i++)
		one_scheme((ym_scheme)i, v, r);
#endif
	pep440_roundtrip(v);
	{
		/* vers ranges: containment and the canonical form */
		bool in;
		ym_buf canon = YM_BUF_INIT;
		(void)ym_vers_contains(r, v, &in, NULL);
		if (ym_vers_canonical(r, &canon, NULL) == 0) {
			ym_buf again = YM_BUF_INIT;
			if (ym_vers_canonical(canon.ptr, &again, NULL) != 0 ||
			    strcmp(canon.ptr, again.ptr) != 0)
				die("vers canonical form is not stable", r,
				    canon.ptr);
			ym_buf_release(&again);
		}
		ym_buf_release(&canon);
	}
	semver_flags(v, r);
	words = malloc(strlen(r) + 1);
	if (words) {
#ifdef YM_FUZZ_SCHEME
		memcpy(words, r, strlen(r) + 1);
		events(YM_FUZZ_SCHEME, v, words);
#else
		for (i = 1; i < YM_SCHEME_COUNT_; i++) {
			memcpy(words, r, strlen(r) + 1);
			events((ym_scheme)i, v, words);
		}
#endif
		free(words);
	}
	free(buf);
	return 0;
}
