/* fuzz_cpe.c - libFuzzer target for CPE names (ids/cpe).
 *
 * The input (cut at the first NUL) is parsed as it is when it starts with
 * "cpe:" or "wfn:"; otherwise its first byte picks a prefix ("cpe:2.3:",
 * "cpe:/" or "wfn:[") for the rest, so that mutations reach the value
 * rules. A failure must be YM_E_INVALID with a message. On success:
 *  - every value is sane (non-empty, length, wildcard flag, part);
 *  - each binding (FS, URI, WFN display form) parses back to the same
 *    name (the URI case-insensitively: it folds case) and re-binds to
 *    the same string;
 *  - the name equals itself (UNDEFINED when it has wildcards), and is a
 *    superset of its own expansion (each wildcard one letter);
 *  - relations against a fixed name agree between the early-exit and
 *    per-attribute forms, mirror each other when there are no wildcards,
 *    and ym_cpe_match says SUPERSET or EQUAL;
 *  - NVD criteria evaluation of the name against its expansion runs.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "ids/cpe.h"

static void die(const char *what, const char *in, const char *a,
		const char *b)
{
	fprintf(stderr, "fuzz_cpe: %s\n  input: '%s'\n  first: '%s'\n"
		"  again: '%s'\n", what, in, a ? a : "(null)",
		b ? b : "(null)");
	abort();
}

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static bool same_av(const ym_cpe_av *x, const ym_cpe_av *y, bool fold)
{
	if (x->kind != y->kind)
		return false;
	if (x->kind != YM_CPE_VALUE)
		return true;
	if (x->len != y->len || x->wild != y->wild)
		return false;
	for (uint32_t i = 0; i < x->len; i++)
		if (fold ? lower(x->s[i]) != lower(y->s[i])
			 : x->s[i] != y->s[i])
			return false;
	return true;
}

static bool same(const ym_cpe *x, const ym_cpe *y, bool fold)
{
	for (int i = 0; i < YM_CPE_NATTR; i++)
		if (!same_av(&x->av[i], &y->av[i], fold))
			return false;
	return true;
}

static bool has_wild(const ym_cpe *c)
{
	for (int i = 0; i < YM_CPE_NATTR; i++)
		if (c->av[i].kind == YM_CPE_VALUE && c->av[i].wild)
			return true;
	return false;
}

static void check_values(const ym_cpe *c, const char *in)
{
	for (int i = 0; i < YM_CPE_NATTR; i++) {
		const ym_cpe_av *av = &c->av[i];
		if (av->kind != YM_CPE_VALUE) {
			if (av->s)
				die("logical value with a string", in, NULL,
				    NULL);
			continue;
		}
		if (!av->s || !av->len || strlen(av->s) != av->len)
			die("bad value length", in, av->s, NULL);
		bool wild = false;
		for (uint32_t k = 0; k < av->len; k++) {
			if (av->s[k] == '\\')
				k++;
			else if (av->s[k] == '*' || av->s[k] == '?')
				wild = true;
		}
		if (wild != av->wild)
			die("wildcard flag wrong", in, av->s, NULL);
		if (i == YM_CPE_PART &&
		    (av->len != 1 || !strchr("aoh", av->s[0])))
			die("bad part accepted", in, av->s, NULL);
	}
}

/* Binds c one way, parses that back and binds again. */
static void round_trip(const ym_cpe *c, int how, ym_arena *a,
		       const char *in)
{
	ym_buf b1 = YM_BUF_INIT, b2 = YM_BUF_INIT;
	ym_cpe back;
	ym_err err = YM_ERR_INIT;
	void (*bind)(const ym_cpe *, ym_buf *) =
		how == 0 ? ym_cpe_bind_fs
		: how == 1 ? ym_cpe_bind_uri : ym_cpe_format_wfn;
	bind(c, &b1);
	if (ym_cpe_parse(b1.ptr, a, &back, &err))
		die("binding does not parse", in, b1.ptr, err.msg);
	check_values(&back, b1.ptr);
	if (!same(c, &back, how == 1))
		die("binding parses to another name", in, b1.ptr, NULL);
	bind(&back, &b2);
	/* the URI folds case on the way in */
	if (how == 1 ? strcasecmp(b1.ptr, b2.ptr) != 0
		     : strcmp(b1.ptr, b2.ptr) != 0)
		die("binding is not a fixed point", in, b1.ptr, b2.ptr);
	ym_buf_release(&b1);
	ym_buf_release(&b2);
}

/* Replaces the wildcards, '?' by "q" and '*' by "z": the same size,
 * so the values stay within YM_CPE_MAX_VALUES. */
static bool expand(const ym_cpe *c, ym_cpe *out, ym_arena *a)
{
	ym_err err = YM_ERR_INIT;
	*out = *c;
	for (int i = 0; i < YM_CPE_NATTR; i++) {
		const ym_cpe_av *av = &c->av[i];
		if (av->kind != YM_CPE_VALUE || !av->wild)
			continue;
		char *v = ym_arena_alloc(a, av->len + 1);
		size_t n = 0;
		for (uint32_t k = 0; k < av->len; k++) {
			if (av->s[k] == '\\') {
				v[n++] = av->s[k++];
				v[n++] = av->s[k];
			} else if (av->s[k] == '?') {
				v[n++] = 'q';
			} else if (av->s[k] == '*') {
				v[n++] = 'z';
			} else {
				v[n++] = av->s[k];
			}
		}
		v[n] = '\0';
		if (ym_cpe_set(out, (ym_cpe_attr)i, v, a, &err))
			return false;
	}
	return true;
}

static ym_cpe_rel mirror(ym_cpe_rel r)
{
	return r == YM_CPE_SUBSET ? YM_CPE_SUPERSET
	       : r == YM_CPE_SUPERSET ? YM_CPE_SUBSET : r;
}

static void relations(const ym_cpe *x, const ym_cpe *y, const char *in)
{
	ym_cpe_rel per[YM_CPE_NATTR];
	ym_cpe_rel r = ym_cpe_compare(x, y, NULL);
	if (r != ym_cpe_compare(x, y, per))
		die("early exit changes the relation", in,
		    ym_cpe_rel_name(r), NULL);
	for (int i = 0; i < YM_CPE_NATTR; i++)
		if (per[i] != ym_cpe_compare_av(&x->av[i], &y->av[i]))
			die("per-attribute relation differs", in, NULL, NULL);
	if (ym_cpe_match(x, y) != (r == YM_CPE_SUPERSET || r == YM_CPE_EQUAL))
		die("match disagrees with the relation", in,
		    ym_cpe_rel_name(r), NULL);
	if (!has_wild(x) && !has_wild(y) &&
	    ym_cpe_compare(y, x, NULL) != mirror(r))
		die("relation is not mirrored", in, ym_cpe_rel_name(r),
		    ym_cpe_rel_name(ym_cpe_compare(y, x, NULL)));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const prefix[4] = {"", "cpe:2.3:", "cpe:/",
					      "wfn:["};
	ym_arena a;
	ym_err err = YM_ERR_INIT;
	ym_cpe c, e, fixed;
	char *in;

	if (size > 2 * YM_CPE_MAX_LEN)
		return 0;
	size_t n = strnlen((const char *)data, size);
	int mode = 0;
	if (n && strncmp((const char *)data, "cpe:", n < 4 ? n : 4) != 0 &&
	    strncmp((const char *)data, "wfn:", n < 4 ? n : 4) != 0) {
		mode = data[0] & 3;
		data++;
		n--;
	}
	size_t pl = strlen(prefix[mode]);
	in = malloc(pl + n + 1);
	if (!in)
		return 0;
	memcpy(in, prefix[mode], pl);
	memcpy(in + pl, data, n);
	in[pl + n] = '\0';

	ym_arena_init(&a, 4096);
	if (ym_cpe_parse(in, &a, &c, &err) != 0) {
		if (err.code != YM_E_INVALID || err.msg[0] == '\0')
			die("parse failed without a proper error", in, NULL,
			    NULL);
		goto done;
	}
	check_values(&c, in);
	for (int how = 0; how < 3; how++)
		round_trip(&c, how, &a, in);

	ym_cpe_rel self = ym_cpe_compare(&c, &c, NULL);
	if (self != (has_wild(&c) ? YM_CPE_UNDEFINED : YM_CPE_EQUAL))
		die("a name does not equal itself", in,
		    ym_cpe_rel_name(self), NULL);
	if (!expand(&c, &e, &a))
		die("the expansion is not a valid name", in, err.msg, NULL);
	{
		ym_cpe_rel r = ym_cpe_compare(&c, &e, NULL);
		if (r != (has_wild(&c) ? YM_CPE_SUPERSET : YM_CPE_EQUAL))
			die("a name does not match its expansion", in,
			    ym_cpe_rel_name(r), NULL);
		relations(&c, &e, in);
		ym_cpe_criteria cr = {&c, "1", NULL, NULL, "9"};
		ym_cpe_verdict v;
		ym_err_clear(&err);
		if (ym_cpe_nvd_match(&cr, &e, YM_SCHEME_GENERIC, &v, &err) ==
			    0 &&
		    v.match != (v.rel == YM_CPE_SUPERSET ||
				v.rel == YM_CPE_EQUAL))
			die("NVD verdict disagrees with its relation", in,
			    ym_cpe_rel_name(v.rel), NULL);
	}
	if (ym_cpe_parse("cpe:2.3:a:microsoft:internet_explorer:8.0.6001:"
			 "beta:*:*:*:*:*:*", &a, &fixed, &err))
		die("fixed name does not parse", in, err.msg, NULL);
	relations(&c, &fixed, in);
	relations(&fixed, &c, in);
done:
	ym_arena_release(&a);
	free(in);
	return 0;
}
