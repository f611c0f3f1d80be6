/* fuzz_cvss.c - libFuzzer target for the CVSS parser, scorer and
 * formatter.
 *
 * The input bytes are parsed as a vector (ym_cvss_parsen: no NUL needed).
 * A failure must leave YM_E_PARSE and a message. On success the scores
 * must be tenths in [0, 10], and the canonical string must parse again
 * to the same scores and format to itself.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "risk/cvss.h"

static void die(const char *what, const char *a, const char *b)
{
	fprintf(stderr, "fuzz_cvss: %s\n  first: '%s'\n  again: '%s'\n", what,
		a ? a : "(null)", b ? b : "(null)");
	abort();
}

/* low: the v2 environmental equation can go below zero (a low adjusted
 * impact with a low exploitability); the reference calculators agree,
 * docs/cvss.md */
static void check_score(double x, double low, const char *canon)
{
	double t = x * 10;
	if (!(x >= low && x <= 10) || fabs(t - round(t)) > 1e-9)
		die("score is not a tenth in range", canon, NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ym_cvss c, c2;
	ym_cvss_scores s, s2;
	ym_err err = YM_ERR_INIT;
	char canon[YM_CVSS_FORMAT_MAX], again[YM_CVSS_FORMAT_MAX];

	if (ym_cvss_parsen((const char *)data, size, &c, &err)) {
		if (err.code != YM_E_PARSE || !err.msg[0])
			die("failure without YM_E_PARSE and a message", NULL,
			    NULL);
		return 0;
	}
	ym_cvss_score(&c, &s);
	size_t n = ym_cvss_format(&c, YM_CVSS_G_ALL, canon, sizeof canon);
	if (n >= sizeof canon)
		die("canonical vector longer than YM_CVSS_FORMAT_MAX", canon,
		    NULL);
	double low = c.version == YM_CVSS_V2 ? -2 : 0;
	check_score(s.base, 0, canon);
	check_score(s.temporal, 0, canon);
	check_score(s.environmental, low, canon);
	check_score(s.overall, low, canon);
	if (ym_cvss_parse(canon, &c2, &err))
		die("canonical vector does not parse", canon, err.msg);
	ym_cvss_score(&c2, &s2);
	if (s.base != s2.base || s.temporal != s2.temporal ||
	    s.environmental != s2.environmental || s.overall != s2.overall ||
	    s.severity != s2.severity || s.nomenclature != s2.nomenclature)
		die("canonical vector scores differently", canon, NULL);
	ym_cvss_format(&c2, YM_CVSS_G_ALL, again, sizeof again);
	if (strcmp(canon, again) != 0)
		die("canonical vector is not a fixed point", canon, again);
	return 0;
}
