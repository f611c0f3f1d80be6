/* fuzz_purl.c - libFuzzer target for the Package URL parser and formatter.
 *
 * The input (cut at the first NUL, as a C string would be) is parsed. On
 * success the parts must be sane (lower-case type, non-empty name, keys
 * sorted), and the canonical string must be a fixed point: parsing it
 * again succeeds and formats to the same string, with the same package
 * identity. A parse failure must leave YM_E_INVALID and a message set.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/err.h"
#include "ids/purl.h"

static void die(const char *what, const char *in, const char *a,
		const char *b)
{
	fprintf(stderr, "fuzz_purl: %s\n  input: '%s'\n  first: '%s'\n"
		"  again: '%s'\n", what, in, a ? a : "(null)",
		b ? b : "(null)");
	abort();
}

static void check_parts(const ym_purl *p, const char *in)
{
	const char *c;

	if (!p->type || !*p->type || !p->name || !*p->name)
		die("parse succeeded without type and name", in, NULL, NULL);
	for (c = p->type; *c; c++)
		if (*c >= 'A' && *c <= 'Z')
			die("type is not lower-case", in, p->type, NULL);
	if (p->n_qualifiers && !p->qualifiers)
		die("qualifier count without qualifiers", in, NULL, NULL);
	for (size_t i = 0; i < p->n_qualifiers; i++) {
		const ym_purl_qualifier *q = &p->qualifiers[i];

		if (!q->key || !*q->key || !q->value || !*q->value)
			die("empty qualifier kept", in, q->key, q->value);
		if (i && strcmp(p->qualifiers[i - 1].key, q->key) > 0)
			die("qualifiers not sorted", in,
			    p->qualifiers[i - 1].key, q->key);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ym_arena a;
	ym_err err = YM_ERR_INIT;
	ym_purl p, p2;
	const char *s1, *s2, *k1, *k2;
	char *in;

	if (size > 4096)
		return 0;
	in = malloc(size + 1);
	if (!in)
		return 0;
	memcpy(in, data, size);
	in[size] = '\0';

	ym_arena_init(&a, 4096);
	if (ym_purl_parse(in, &a, &p, &err) != 0) {
		if (err.code != YM_E_INVALID || err.msg[0] == '\0')
			die("parse failed without a proper error", in, NULL,
			    NULL);
		goto done;
	}
	check_parts(&p, in);
	s1 = ym_purl_format(&p, &a);
	k1 = ym_purl_package(&p, &a);
	if (!s1 || !k1 || strncmp(s1, k1, strlen(k1)) != 0)
		die("package form is not a prefix of the full form", in, s1,
		    k1);

	ym_err_clear(&err);
	if (ym_purl_parse(s1, &a, &p2, &err) != 0)
		die("canonical form does not parse", in, s1, err.msg);
	check_parts(&p2, s1);
	s2 = ym_purl_format(&p2, &a);
	if (!s2 || strcmp(s1, s2) != 0)
		die("canonical form is not a fixed point", in, s1, s2);
	k2 = ym_purl_package(&p2, &a);
	if (!k2 || strcmp(k1, k2) != 0)
		die("package form changed on re-parse", in, k1, k2);
	if (strcmp(ym_pkg_key(p.type, p.namespace_, p.name, &a),
		   ym_pkg_key(p2.type, p2.namespace_, p2.name, &a)) != 0)
		die("package key changed on re-parse", in, s1, s2);
done:
	ym_arena_release(&a);
	free(in);
	return 0;
}
