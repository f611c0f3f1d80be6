/* ledger_import.c - ledger spreadsheets in and out (see ledger_import.h). */
#include "inventory/ledger_import.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/i18n.h"
#include "core/vec.h"
#include "inventory/ledger_xlsx.h"

#define MAX_LEDGER_FILE ((size_t)256 << 20)

static int unknown_department(ym_err *err, const char *path, long line,
			      const char *value)
{
	ym_err_set(err, YM_E_INVALID,
		   _("unknown department '%s' (add it with 'yamori dept "
		     "add')"),
		   value);
	ym_err_at(err, path, line, 0);
	ym_err_field(err, "%s", _("department"));
	return YM_E_INVALID;
}

int ym_ledger_import_csv(ym_store *s, const char *path,
			 ym_ledger_note_fn note, void *note_ctx,
			 ym_ledger_import_result *res, ym_err *err)
{
	ym_buf text;
	ym_arena a;
	ym_ledger l;
	memset(res, 0, sizeof *res);
	ym_arena_init(&a, 0);
	ym_buf_init(&text, MAX_LEDGER_FILE);
	int rc = ym_buf_read_file(&text, path, err);
	if (!rc)
		rc = ym_ledger_csv_read(text.ptr, text.len, path, &a, &l, err);
	if (rc)
		goto out;
	res->encoding = ym_ledger_encoding_name(l.encoding);
	for (size_t i = 0; note && i < l.n_notes; i++)
		note(path, &l.notes[i], note_ctx);
	if ((rc = ym_store_begin(s, err)))
		goto out;
	ym_change chg = {.source = path};
	/* the name is the key, never "changed" */
	uint64_t mask = l.fields & ~YM_AF_BIT(YM_AF_NAME);
	for (size_t i = 0; i < l.n && !rc; i++) {
		ym_asset *row = &l.assets[i];
		res->rows++;
		if (row->department_code && *row->department_code) {
			rc = ym_store_department_lookup(s, row->department_code,
							&row->department_id,
							err);
			if (!rc && !row->department_id)
				rc = unknown_department(err, path, l.lines[i],
							row->department_code);
			if (rc)
				break;
		}
		int64_t id;
		if ((rc = ym_store_asset_by_name(s, row->name, &id, err)))
			break;
		if (!id) {
			rc = ym_store_asset_add_by(s, row, &chg, &id, err);
			res->created++;
			continue;
		}
		int changed = 0;
		rc = ym_store_asset_update(s, &ym_scope_all, id, row, mask,
					   &chg, &changed, err);
		if (changed) {
			res->updated++;
			res->fields += changed;
		} else {
			res->unchanged++;
		}
	}
	if (rc) {
		if (err && !err->file[0])
			ym_err_at(err, path, 0, 0);
		ym_store_rollback(s);
	} else {
		rc = ym_store_commit(s, err);
	}
out:
	ym_buf_release(&text);
	ym_arena_release(&a);
	return rc;
}

typedef struct collect {
	ym_arena *a;
	YM_VEC(ym_asset) v;
} collect;

static const char *dup(ym_arena *a, const char *s)
{
	return s ? ym_arena_strdup(a, s) : NULL;
}

static int keep_asset(const ym_asset *x, void *ctx)
{
	collect *c = ctx;
	ym_asset k = *x;
	const char **f[] = {&k.name, &k.vendor, &k.version, &k.cpe, &k.purl,
			    &k.function_category, &k.data_kind,
			    &k.configuration, &k.exposure, &k.open_ports,
			    &k.location, &k.department_code,
			    &k.department_name, &k.owner, &k.criticality,
			    &k.introduced_on, &k.support_end_on,
			    &k.retire_planned_on, &k.retired_on,
			    &k.disposed_on, &k.tags, &k.hostnames,
			    &k.addresses, &k.os, &k.last_seen_at,
			    &k.last_seen_by, &k.created_at, &k.updated_at};
	for (size_t i = 0; i < sizeof f / sizeof *f; i++)
		*f[i] = dup(c->a, *f[i]);
	ym_vec_push(&c->v, k);
	return 0;
}

int ym_ledger_export(ym_store *s, const ym_scope *scope, const char *path,
		     ym_ledger_format fmt, ym_ledger_lang lang, int64_t *rows,
		     ym_err *err)
{
	ym_arena a;
	ym_arena_init(&a, 0);
	collect c = {.a = &a};
	int rc = ym_store_assets_each(s, scope, keep_asset, &c, err);
	if (!rc && fmt == YM_LEDGER_XLSX) {
		rc = ym_ledger_xlsx_write(path, c.v.v, c.v.n, lang, err);
	} else if (!rc) {
		ym_buf out = YM_BUF_INIT;
		rc = ym_ledger_csv_write(c.v.v, c.v.n, lang, &out, err);
		if (!rc) {
			FILE *f = strcmp(path, "-") == 0 ? stdout
							 : fopen(path, "wb");
			bool ok = f && fwrite(out.ptr, 1, out.len, f) == out.len;
			if (f && f != stdout && fclose(f) != 0)
				ok = false;
			if (!ok) {
				rc = ym_err_set(err, YM_E_IO, _("cannot write: %s"),
						strerror(errno));
				ym_err_at(err, path, 0, 0);
			}
		}
		ym_buf_release(&out);
	}
	if (rows)
		*rows = (int64_t)c.v.n;
	ym_vec_release(&c.v);
	ym_arena_release(&a);
	return rc;
}
