/* Unit tests for the Arch Linux (pacman) scheme. */
#include <string.h>

#include "test.h"
#include "version/version.h"

static int cmp(const char *a, const char *b)
{
	int r = 9;
	ym_err e = YM_ERR_INIT;
	if (ym_version_cmp(YM_SCHEME_ALPM, a, b, &r, &e))
		return 9;
	return r;
}

static void t_order(void)
{
	CHECK_INT(cmp("1.5.0", "1.5.1"), -1);
	CHECK_INT(cmp("1.5.a", "1.5"), 1);
	CHECK_INT(cmp("1.5b", "1.5"), -1);   /* a trailing letter is older */
	CHECK_INT(cmp("1.5", "1.5.a"), -1);
	CHECK_INT(cmp("1.0a", "1.0alpha"), -1);
	CHECK_INT(cmp("1:1.0", "2.0"), 1);   /* epoch first */
	CHECK_INT(cmp("0:1.1", "1.1"), 0);
	CHECK_INT(cmp("1.5-1", "1.5-2"), -1);
	CHECK_INT(cmp("1.5", "1.5-2"), 0);   /* no release: equal (pacman) */
	CHECK_INT(cmp("1.5.1-1", "1.5-9"), 1);
	CHECK_INT(cmp("1..0", "1.0"), 1);    /* longer separator is newer */
	CHECK_INT(cmp("2.0", "2.00"), 0);
	CHECK_INT(cmp("", "1"), 9);
}

static void t_range(void)
{
	bool in = false;
	ym_err e = YM_ERR_INIT;
	CHECK_INT(ym_range_contains(YM_SCHEME_ALPM, "1.2-3", ">=1.0, <2.0", &in,
				    &e), 0);
	CHECK(in);
	CHECK_INT(ym_range_contains(YM_SCHEME_ALPM, "2.0-1", ">=1.0, <2.0", &in,
				    &e), 0);
	CHECK(!in);
	CHECK_INT(ym_range_contains(YM_SCHEME_ALPM, "1.0", ">=1.0,", &in, &e),
		  YM_E_INVALID);
	CHECK_STR(e.msg, "invalid range '>=1.0,' at position 6: expected a "
			 "version");
}

int main(void)
{
	RUN(t_order);
	RUN(t_range);
	return test_done();
}
