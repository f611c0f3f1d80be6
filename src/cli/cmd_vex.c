/* cmd_vex.c - yamori vex import FILE... | vex list: VEX statements from
 * vendors and from ourselves (CycloneDX VEX, OpenVEX, CSAF VEX), applied
 * to the findings at the next match. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/i18n.h"
#include "core/json.h"
#include "match/match.h"
#include "match/vex.h"

static void usage(void)
{
	printf(_("usage: yamori vex import FILE... [--strict] [--no-scan]\n"
		 "       yamori vex list\n"
		 "\n"
		 "import reads VEX documents (CycloneDX VEX, OpenVEX, CSAF "
		 "VEX; told apart\nby their content) and keeps their "
		 "statements; importing a file again\nreplaces what it said. "
		 "The ledger is matched afterwards: a finding a\n"
		 "not_affected or fixed statement applies to is suppressed "
		 "with the\nstatement as its reason (docs/vex.md says which "
		 "statement applies to\nwhich component); it stays visible "
		 "with findings list --status suppressed,\nand the "
		 "suppression is lifted when the statement no longer "
		 "applies.\n"));
}

static void join_aliases(ym_buf *b, const char *const *l)
{
	ym_buf_reset(b);
	for (size_t i = 0; l && l[i]; i++)
		ym_buf_printf(b, "%s%s", i ? ", " : "", l[i]);
}

/* Whether p says what it is (a purl, CPE, name or BOM-link), not only
 * the source's own id, which never matches. */
static bool known(const ym_vex_product *p)
{
	return p->purl || p->cpe || p->name || p->bom_serial;
}

/* The row of statement st about product p, or about its part sub. */
static int put_row(ym_store *s, const char *path, const ym_vex_statement *st,
		   const char *aliases, const ym_vex_product *p,
		   const ym_vex_product *sub, ym_err *err)
{
	ym_vex_row r = {
		.file = path,
		.format = ym_vex_format_name(st->format),
		.vuln_id = st->vuln_id,
		.aliases = aliases,
		.status = ym_vex_status_name(st->status),
		.justification = st->justification
					 ? ym_vex_justification_name(
						   st->justification)
					 : st->justification_text,
		.detail = st->impact,
		.action = st->action,
		.timestamp = st->timestamp,
		.purl = p->purl,
		.cpe = p->cpe,
		.name = p->name,
		.version = p->version,
		.range = p->range,
		.vendor = p->vendor,
		.bom_serial = p->bom_serial,
		.bom_ref = p->bom_serial ? p->bom_ref : NULL,
	};
	if (sub) {
		r.relation = p->relation;
		r.sub_purl = sub->purl;
		r.sub_cpe = sub->cpe;
		r.sub_name = sub->name;
		r.sub_version = sub->version;
		r.sub_range = sub->range;
		r.sub_vendor = sub->vendor;
	}
	return ym_store_vex_put(s, &r, err);
}

static int import_one(ym_ctx *ctx, const char *path, bool strict,
		      int64_t *stored, int64_t *left_out, ym_err *err)
{
	ym_buf text, al = YM_BUF_INIT;
	ym_arena a;
	ym_vex_doc doc;
	ym_buf_init(&text, 256 << 20);
	ym_arena_init(&a, 0);
	ym_vex_opts o = {.strict = strict};
	int rc = ym_buf_read_file(&text, path, err);
	if (!rc)
		rc = ym_vex_parse_ex(text.ptr, text.len, path, &o, &a, &doc,
				     err);
	if (!rc)
		rc = ym_store_begin(ctx->store, err);
	if (rc)
		goto out;
	rc = ym_store_vex_forget(ctx->store, path, err);
	for (size_t i = 0; !rc && i < doc.n_statements; i++) {
		const ym_vex_statement *st = &doc.statements[i];
		join_aliases(&al, st->aliases);
		const char *aliases = al.len ? al.ptr : NULL;
		for (size_t k = 0; !rc && k < st->n_products; k++) {
			const ym_vex_product *p = &st->products[k];
			/* a product known only by the source's id never
			 * matches: not kept */
			if (!known(p)) {
				(*left_out)++;
				continue;
			}
			if (!p->n_subcomponents) {
				rc = put_row(ctx->store, path, st, aliases, p,
					     NULL, err);
				(*stored)++;
				continue;
			}
			/* about a part inside the product: one row per
			 * part, applied only where the product contains
			 * the component (docs/vex.md) */
			for (size_t j = 0; !rc && j < p->n_subcomponents;
			     j++) {
				const ym_vex_product *sub =
					&p->subcomponents[j];
				if (!known(sub)) {
					(*left_out)++;
					continue;
				}
				rc = put_row(ctx->store, path, st, aliases, p,
					     sub, err);
				(*stored)++;
			}
		}
	}
	if (rc)
		ym_store_rollback(ctx->store);
	else
		rc = ym_store_commit(ctx->store, err);
out:
	ym_buf_release(&text);
	ym_buf_release(&al);
	ym_arena_release(&a);
	return rc;
}

static int vex_import(ym_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"strict", no_argument, NULL, 's'},
		{"no-scan", no_argument, NULL, 'n'},
		{0}};
	bool strict = false, scan = true;
	int c;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == 's')
			strict = true;
		else if (c == 'n')
			scan = false;
		else
			return ym_cli_bad_option("vex", c, argv);
	}
	if (optind >= argc)
		return ym_cli_usage("vex", _("vex import needs a FILE"));
	ym_err err = YM_ERR_INIT;
	ym_buf out = YM_BUF_INIT;
	int rc = 0;
	for (int i = optind; i < argc && !rc; i++) {
		int64_t stored = 0, left_out = 0;
		rc = import_one(ctx, argv[i], strict, &stored, &left_out, &err);
		if (!rc) {
			ym_buf_printf(&out, _("%s: %lld statements kept"),
				      argv[i], (long long)stored);
			if (left_out)
				ym_buf_printf(&out,
					      _(", %lld about products known "
						"only by an id left out"),
					      (long long)left_out);
			ym_buf_addc(&out, '\n');
		}
	}
	ym_match_stats ms = {0};
	if (!rc && scan)
		rc = ym_match_run(ctx->store, 0, &ms, &err);
	if (!rc && scan)
		ym_buf_printf(&out, _("  %lld findings, %lld suppressed by VEX\n"),
			      (long long)ms.findings,
			      (long long)ms.vex_suppressed);
	ym_cli_out(&out);
	ym_buf_release(&out);
	if (rc)
		return ym_cli_fail(&err);
	return ym_cli_triage_after(ctx);
}

static const char *first(const char *a, const char *b, const char *c)
{
	return a ? a : b ? b : c ? c : "";
}

static int list_row(const ym_vex_row *r, void *ctx)
{
	void **c = ctx;
	ym_table *t = c[0];
	ym_buf *b = c[1];
	/* a product named by a BOM-link: the link, without its version */
	ym_buf_reset(b);
	if (!r->purl && !r->cpe && !r->name && r->bom_serial)
		ym_buf_printf(b, "urn:cdx:%s#%s", r->bom_serial,
			      r->bom_ref ? r->bom_ref : "");
	size_t plen = b->len;
	/* the part inside the product the statement is about */
	if (r->sub_purl || r->sub_cpe || r->sub_name) {
		ym_buf_addc(b, '\0');
		ym_buf_adds(b, first(r->sub_purl, r->sub_cpe, r->sub_name));
		const char *sv = first(r->sub_version, r->sub_range, NULL);
		if (*sv)
			ym_buf_printf(b, " %s", sv);
	}
	const char *part = b->len > plen ? b->ptr + plen + 1 : "";
	const char *cells[] = {r->vuln_id,
			       r->status,
			       r->justification ? r->justification : "",
			       plen ? b->ptr : first(r->purl, r->cpe, r->name),
			       first(r->version, r->range, NULL),
			       part,
			       r->file};
	ym_table_add_row(t, cells);
	return 0;
}

static int vex_list(ym_ctx *ctx)
{
	static const char *const keys[] = {"vulnerability", "status",
					   "justification", "product",
					   "version", "part", "file"};
	const char *headers[] = {_("VULNERABILITY"), _("STATUS"),
				 _("JUSTIFICATION"), _("PRODUCT"),
				 _("VERSION"), _("PART"), _("FILE")};
	ym_table *t = ym_table_new(7, keys, headers);
	ym_err err = YM_ERR_INIT;
	ym_buf b = YM_BUF_INIT;
	void *lc[2] = {t, &b};
	int rc = ym_store_vex_each(ctx->store, list_row, lc, &err);
	ym_buf_release(&b);
	if (!rc) {
		ym_buf out = YM_BUF_INIT;
		ym_table_render(t, ctx->format, &out);
		ym_cli_out(&out);
		ym_buf_release(&out);
	}
	ym_table_free(t);
	return rc ? ym_cli_fail(&err) : YM_EXIT_OK;
}

int ym_cmd_vex(ym_ctx *ctx, int argc, char **argv)
{
	if (ym_cli_wants_help(argc, argv)) {
		usage();
		return YM_EXIT_OK;
	}
	if (argc < 2)
		return ym_cli_usage("vex", _("missing subcommand (import, list)"));
	if (strcmp(argv[1], "import") == 0)
		return vex_import(ctx, argc - 1, argv + 1);
	if (strcmp(argv[1], "list") == 0) {
		if (argc > 2)
			return ym_cli_usage("vex", _("unexpected argument '%s'"),
					    argv[2]);
		return vex_list(ctx);
	}
	return ym_cli_usage("vex", _("unknown subcommand '%s'"), argv[1]);
}
