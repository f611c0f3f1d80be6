/* vex_store.c - VEX statements imported on their own (one row per
 * statement, product and part), applied to findings by the matcher; and
 * what the matcher needs to know, only when there are statements, about
 * where a component sits: the SBOM it came from, its parents, the
 * asset's operating systems and images. */
#include <string.h>

#include "store/store_int.h"

#define VEX_COLS                                                          \
	"file, format, vuln_id, aliases, status, justification, detail,"  \
	" action, timestamp, purl, cpe, name, version, range, vendor,"    \
	" bom_serial, bom_ref, relation, sub_purl, sub_cpe, sub_name,"    \
	" sub_version, sub_range, sub_vendor"
#define VEX_NCOLS 24

int ym_store_vex_put(ym_store *s, const ym_vex_row *r, ym_err *err)
{
	ym_stmt *st;
	char now[32];
	ym_db_now(now);
	int rc = ym_db_prepare(s,
			       "INSERT INTO vex_statements (" VEX_COLS
			       ", imported_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,"
			       "?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
			       &st, err);
	if (rc)
		return rc;
	const char *v[VEX_NCOLS + 1] = {
		r->file,     r->format,	    r->vuln_id,	   r->aliases,
		r->status,   r->justification, r->detail,  r->action,
		r->timestamp, r->purl,	    r->cpe,	   r->name,
		r->version,  r->range,	    r->vendor,	   r->bom_serial,
		r->bom_ref,  r->relation,   r->sub_purl,   r->sub_cpe,
		r->sub_name, r->sub_version, r->sub_range, r->sub_vendor,
		now};
	for (int i = 0; i < VEX_NCOLS + 1; i++)
		DB_TEXT(s, st, i + 1, v[i]);
	return ym_db_run(s, st, err);
}

int ym_store_vex_forget(ym_store *s, const char *file, ym_err *err)
{
	ym_stmt *st;
	int rc = ym_db_prepare(s, "DELETE FROM vex_statements WHERE file = ?",
			       &st, err);
	if (rc)
		return rc;
	DB_TEXT(s, st, 1, file);
	return ym_db_run(s, st, err);
}

int ym_store_vex_each(ym_store *s, ym_vex_row_cb cb, void *ctx, ym_err *err)
{
	ym_stmt *st;
	int rc = ym_db_prepare(s,
			       "SELECT id, " VEX_COLS
			       " FROM vex_statements ORDER BY id",
			       &st, err);
	if (rc)
		return rc;
	while ((rc = ym_db_step(s, st, err)) == 1) {
		const char *v[VEX_NCOLS];
		for (int i = 0; i < VEX_NCOLS; i++)
			v[i] = COL_TEXT(s, st, i + 1);
		ym_vex_row r = {
			.id = COL_INT(s, st, 0),
			.file = v[0],
			.format = v[1],
			.vuln_id = v[2],
			.aliases = v[3],
			.status = v[4],
			.justification = v[5],
			.detail = v[6],
			.action = v[7],
			.timestamp = v[8],
			.purl = v[9],
			.cpe = v[10],
			.name = v[11],
			.version = v[12],
			.range = v[13],
			.vendor = v[14],
			.bom_serial = v[15],
			.bom_ref = v[16],
			.relation = v[17],
			.sub_purl = v[18],
			.sub_cpe = v[19],
			.sub_name = v[20],
			.sub_version = v[21],
			.sub_range = v[22],
			.sub_vendor = v[23],
		};
		if ((rc = cb(&r, ctx)))
			break;
	}
	s->ops->reset(st);
	return rc < 0 ? rc : 0;
}

/* ---- the SBOM an asset came from ---- */

int ym_store_asset_sbom_put(ym_store *s, int64_t asset_id,
			    const ym_asset_sbom *x, ym_err *err)
{
	ym_stmt *st;
	int rc = ym_db_prepare(
		s,
		"INSERT INTO asset_sboms (asset_id, source, serial, bom_ref,"
		" name, version, purl, cpe, supplier, type)"
		" VALUES (?,?,?,?,?,?,?,?,?,?)"
		" ON CONFLICT (asset_id) DO UPDATE SET source = excluded.source,"
		" serial = excluded.serial, bom_ref = excluded.bom_ref,"
		" name = excluded.name, version = excluded.version,"
		" purl = excluded.purl, cpe = excluded.cpe,"
		" supplier = excluded.supplier, type = excluded.type",
		&st, err);
	if (rc)
		return rc;
	const ym_component *c = &x->subject;
	DB_INT(s, st, 1, asset_id);
	const char *v[] = {x->source,  x->serial, c->bom_ref,
			   c->name,    c->version, c->purl,
			   c->cpe,     c->supplier, c->type};
	for (int i = 0; i < 9; i++)
		DB_TEXT(s, st, i + 2, v[i]);
	return ym_db_run(s, st, err);
}

int ym_store_asset_sbom_get(ym_store *s, int64_t asset_id, ym_arena *a,
			    ym_asset_sbom *out, bool *found, ym_err *err)
{
	ym_stmt *st;
	memset(out, 0, sizeof *out);
	*found = false;
	int rc = ym_db_prepare(s,
			       "SELECT source, serial, bom_ref, name, version,"
			       " purl, cpe, supplier, type FROM asset_sboms"
			       " WHERE asset_id = ?",
			       &st, err);
	if (rc)
		return rc;
	DB_INT(s, st, 1, asset_id);
	rc = ym_db_step(s, st, err);
	if (rc == 1) {
		*found = true;
		out->source = ym_db_col_dup(s, st, 0, a);
		out->serial = ym_db_col_dup(s, st, 1, a);
		ym_component *c = &out->subject;
		c->asset_id = asset_id;
		c->bom_ref = ym_db_col_dup(s, st, 2, a);
		c->name = ym_db_col_dup(s, st, 3, a);
		c->version = ym_db_col_dup(s, st, 4, a);
		c->purl = ym_db_col_dup(s, st, 5, a);
		c->cpe = ym_db_col_dup(s, st, 6, a);
		c->supplier = ym_db_col_dup(s, st, 7, a);
		c->type = ym_db_col_dup(s, st, 8, a);
		c->source = out->source;
	}
	s->ops->reset(st);
	return rc < 0 ? rc : 0;
}

/* ---- components, as VEX needs them ---- */

#define VEX_COMP_COLS                                                    \
	"SELECT id, asset_id, parent_id, bom_ref, name, version, purl, cpe," \
	" ecosystem, pkg_key, type, supplier, source FROM components"

static void vex_comp_row(ym_store *s, ym_stmt *st, ym_arena *a,
			 ym_component *c)
{
	memset(c, 0, sizeof *c);
	c->id = COL_INT(s, st, 0);
	c->asset_id = COL_INT(s, st, 1);
	c->parent_id = COL_INT(s, st, 2);
	if (a) {
		c->bom_ref = ym_db_col_dup(s, st, 3, a);
		c->name = ym_db_col_dup(s, st, 4, a);
		c->version = ym_db_col_dup(s, st, 5, a);
		c->purl = ym_db_col_dup(s, st, 6, a);
		c->cpe = ym_db_col_dup(s, st, 7, a);
		c->ecosystem = ym_db_col_dup(s, st, 8, a);
		c->pkg_key = ym_db_col_dup(s, st, 9, a);
		c->type = ym_db_col_dup(s, st, 10, a);
		c->supplier = ym_db_col_dup(s, st, 11, a);
		c->source = ym_db_col_dup(s, st, 12, a);
		return;
	}
	c->bom_ref = COL_TEXT(s, st, 3);
	c->name = COL_TEXT(s, st, 4);
	c->version = COL_TEXT(s, st, 5);
	c->purl = COL_TEXT(s, st, 6);
	c->cpe = COL_TEXT(s, st, 7);
	c->ecosystem = COL_TEXT(s, st, 8);
	c->pkg_key = COL_TEXT(s, st, 9);
	c->type = COL_TEXT(s, st, 10);
	c->supplier = COL_TEXT(s, st, 11);
	c->source = COL_TEXT(s, st, 12);
}

int ym_store_vex_component(ym_store *s, int64_t id, ym_arena *a,
			   ym_component *out, bool *found, ym_err *err)
{
	ym_stmt *st;
	memset(out, 0, sizeof *out);
	*found = false;
	int rc = ym_db_prepare(s, VEX_COMP_COLS " WHERE id = ?", &st, err);
	if (rc)
		return rc;
	DB_INT(s, st, 1, id);
	rc = ym_db_step(s, st, err);
	if (rc == 1) {
		*found = true;
		vex_comp_row(s, st, a, out);
	}
	s->ops->reset(st);
	return rc < 0 ? rc : 0;
}

int ym_store_vex_containers(ym_store *s, int64_t asset_id,
			    ym_component_cb cb, void *ctx, ym_err *err)
{
	ym_stmt *st;
	int rc = ym_db_prepare(s,
			       VEX_COMP_COLS " WHERE asset_id = ? AND type IN"
			       " ('operating-system', 'container')"
			       " ORDER BY id",
			       &st, err);
	if (rc)
		return rc;
	DB_INT(s, st, 1, asset_id);
	while ((rc = ym_db_step(s, st, err)) == 1) {
		ym_component c;
		vex_comp_row(s, st, NULL, &c);
		if ((rc = cb(&c, ctx)))
			break;
	}
	s->ops->reset(st);
	return rc < 0 ? rc : 0;
}
