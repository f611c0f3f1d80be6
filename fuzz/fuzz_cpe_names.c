/* fuzz_cpe_names.c - libFuzzer target for the vendor/product guesses made
 * from software names (ids/cpe_names.h).
 *
 * The input is "name\nvendor" (no newline: no vendor). Every guess must be
 * a non-empty product of lower-case letters, digits and ". - + _", with a
 * vendor of the same alphabet or none; the keys must be products the
 * guesses use (the matcher finds a changed record's components by them).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "ids/cpe_names.h"

static void die(const char *what, const char *v)
{
	fprintf(stderr, "fuzz_cpe_names: %s: '%s'\n", what, v ? v : "(null)");
	abort();
}

static void check_word(const char *what, const char *v)
{
	if (!v || !*v)
		die(what, v);
	for (const char *p = v; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		      strchr(".-+_", *p)))
			die(what, v);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *in = malloc(size + 1);
	memcpy(in, data, size);
	in[size] = '\0';
	char *nl = strchr(in, '\n');
	const char *vendor = NULL;
	if (nl) {
		*nl = '\0';
		vendor = nl + 1;
	}
	ym_arena a;
	ym_arena_init(&a, 0);
	ym_cpe_name_cand c[8];
	size_t n = ym_cpe_name_candidates(in, vendor, &a, c, 8);
	const char *whole, *rest;
	ym_cpe_name_keys(in, &a, &whole, &rest);
	if ((n == 0) != (whole == NULL))
		die("guesses and keys disagree", in);
	for (size_t i = 0; i < n; i++) {
		check_word("product", c[i].product);
		if (c[i].vendor)
			check_word("vendor", c[i].vendor);
		if (strcmp(c[i].product, whole) != 0 &&
		    !(rest && strcmp(c[i].product, rest) == 0))
			die("a guess's product is not a key", c[i].product);
	}
	ym_arena_release(&a);
	free(in);
	return 0;
}
