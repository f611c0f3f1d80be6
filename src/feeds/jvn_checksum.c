/* jvn_checksum.c - checksum.txt (JSON, or sha256sum lines) and checks. */
#include "feeds/jvn_checksum.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/buf.h"

#include "core/i18n.h"
#include "core/json.h"
#include "core/vec.h"

#define MAX_NAME 4096

typedef YM_VEC(ym_jvn_checksum) sum_vec;

static const char *base_name(const char *s)
{
	const char *slash = strrchr(s, '/');
	return slash ? slash + 1 : s;
}

static int bad_at(ym_err *err, const char *file, long line, long col,
		  const char *field, const char *msg)
{
	ym_err_set(err, YM_E_INVALID, "%s", msg);
	ym_err_at(err, file, line, col);
	if (field)
		ym_err_field(err, "%s", field);
	return YM_E_INVALID;
}

static bool good_name(const char *s, size_t n)
{
	if (n == 0 || n > MAX_NAME)
		return false;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return false;
	return true;
}

static int add(sum_vec *v, const ym_jvn_checksum *c, const char *file,
	       long line, long col, const char *field, ym_err *err)
{
	char msg[256];
	for (size_t i = 0; i < v->n; i++)
		if (strcmp(v->v[i].filename, c->filename) == 0) {
			snprintf(msg, sizeof msg,
				 _("'%.128s' is listed twice"), c->filename);
			return bad_at(err, file, line, col, field, msg);
		}
	if (v->n >= YM_JVN_CHECKSUM_MAX) {
		ym_err_set(err, YM_E_TOOBIG,
			   _("more than %d entries in a checksum list"),
			   YM_JVN_CHECKSUM_MAX);
		ym_err_at(err, file, line, col);
		return YM_E_TOOBIG;
	}
	ym_vec_push(v, *c);
	return 0;
}

/* ---- the JSON form ---- */

static int parse_json(const char *text, size_t len, const char *file,
		      ym_arena *a, sum_vec *v, ym_err *err)
{
	char field[64], msg[256];
	const ym_json *root = ym_json_parse(a, text, len, NULL, file, err);
	if (!root)
		return err && err->code ? err->code : YM_E_PARSE;
	if (root->type != YM_JSON_ARRAY) {
		snprintf(msg, sizeof msg, _("expected %s, got %s"), _("array"),
			 ym_json_type_name(root->type));
		return bad_at(err, file, root->line, root->col, NULL, msg);
	}
	for (size_t i = 0; i < root->u.arr.n; i++) {
		const ym_json *e = root->u.arr.items[i];
		ym_jvn_checksum c = {.size = -1};
		snprintf(field, sizeof field, "[%zu]", i);
		if (e->type != YM_JSON_OBJECT) {
			snprintf(msg, sizeof msg, _("expected %s, got %s"),
				 _("object"), ym_json_type_name(e->type));
			return bad_at(err, file, e->line, e->col, field, msg);
		}
		const ym_json *name = ym_json_get(e, "filename");
		const ym_json *url = ym_json_get(e, "url");
		const ym_json *sha = ym_json_get(e, "sha256");
		const ym_json *size = ym_json_get(e, "size");
		const ym_json *mod = ym_json_get(e, "lastModified");
		const struct {
			const ym_json *j;
			const char *key;
		} strs[] = {{name, "filename"},
			    {url, "url"},
			    {sha, "sha256"},
			    {mod, "lastModified"}};
		for (size_t k = 0; k < 4; k++)
			if (strs[k].j && strs[k].j->type != YM_JSON_STRING &&
			    strs[k].j->type != YM_JSON_NULL) {
				snprintf(field, sizeof field, "[%zu].%s", i,
					 strs[k].key);
				snprintf(msg, sizeof msg,
					 _("expected %s, got %s"), _("string"),
					 ym_json_type_name(strs[k].j->type));
				return bad_at(err, file, strs[k].j->line,
					      strs[k].j->col, field, msg);
			}
		c.url = ym_json_string(url);
		c.last_modified = ym_json_string(mod);
		const char *fn = ym_json_string(name);
		if (!fn && c.url)
			fn = base_name(c.url);
		bool from_key = name && name->type == YM_JSON_STRING;
		if (!fn || !good_name(fn, strlen(fn)) ||
		    (from_key && strlen(fn) != name->u.str.len)) {
			snprintf(field, sizeof field, "[%zu].filename", i);
			return bad_at(err, file, e->line, e->col, field,
				      _("entry has no file name"));
		}
		c.filename = fn;
		const char *hex = ym_json_string(sha);
		snprintf(field, sizeof field, "[%zu].sha256", i);
		if (!hex)
			return bad_at(err, file, e->line, e->col, field,
				      _("entry has no sha256"));
		if (ym_unhex(hex, strlen(hex), c.sha256, YM_SHA256_LEN))
			return bad_at(err, file, sha->line, sha->col, field,
				      _("sha256 is not 64 hex digits"));
		if (size && size->type != YM_JSON_NULL) {
			int64_t n;
			if (!ym_json_int(size, &n) || n < 0) {
				snprintf(field, sizeof field, "[%zu].size", i);
				return bad_at(err, file, size->line, size->col,
					      field,
					      _("size is not a non-negative "
						"integer"));
			}
			c.size = n;
		}
		snprintf(field, sizeof field, "[%zu].filename", i);
		int rc = add(v, &c, file, e->line, e->col, field, err);
		if (rc)
			return rc;
	}
	return 0;
}

/* ---- the sha256sum form ---- */

static bool is_hex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
	       (c >= 'A' && c <= 'F');
}

/* One line s[0..n) (no newline): "HEX  name", "HEX *name" or the BSD
 * "SHA256 (name) = HEX". */
static int parse_line(const char *s, size_t n, const char *file, long line,
		      ym_arena *a, sum_vec *v, ym_err *err)
{
	ym_jvn_checksum c = {.size = -1};
	const char *name = NULL, *hex = NULL;
	size_t name_n = 0, hex_n = 0;
	char field[32];
	snprintf(field, sizeof field, "line %ld", line);

	if (n >= 8 && memcmp(s, "SHA256 (", 8) == 0) {
		const char *eq = NULL;
		for (size_t i = n; i-- > 8;)
			if (i + 4 <= n && memcmp(s + i, ") = ", 4) == 0) {
				eq = s + i;
				break;
			}
		if (eq) {
			name = s + 8;
			name_n = (size_t)(eq - name);
			hex = eq + 4;
			hex_n = (size_t)(s + n - hex);
		}
	} else if (n >= 66 && is_hex(s[0]) && s[64] == ' ' &&
		   (s[65] == ' ' || s[65] == '*')) {
		hex = s;
		hex_n = 64;
		name = s + 66;
		name_n = n - 66;
	}
	if (!hex)
		return bad_at(err, file, line, 1, field,
			      _("expected 'SHA256  FILE' (64 hex digits, two "
				"spaces, the file name)"));
	if (ym_unhex(hex, hex_n, c.sha256, YM_SHA256_LEN))
		return bad_at(err, file, line, (long)(hex - s) + 1, field,
			      _("sha256 is not 64 hex digits"));
	if (!good_name(name, name_n))
		return bad_at(err, file, line, (long)(name - s) + 1, field,
			      _("entry has no file name"));
	c.filename = ym_arena_strndup(a, name, name_n);
	return add(v, &c, file, line, 1, field, err);
}

static int parse_lines(const char *text, size_t len, const char *file,
		       ym_arena *a, sum_vec *v, ym_err *err)
{
	long line = 0;
	for (size_t i = 0; i < len;) {
		const char *nl = memchr(text + i, '\n', len - i);
		size_t e = nl ? (size_t)(nl - text) : len;
		size_t n = e - i;
		line++;
		if (n && text[i + n - 1] == '\r')
			n--;
		if (memchr(text + i, '\0', n))
			return bad_at(err, file, line, 1, NULL,
				      _("checksum list holds a NUL byte"));
		size_t k = 0;
		while (k < n && (text[i + k] == ' ' || text[i + k] == '\t'))
			k++;
		if (k < n && text[i + k] != '#') {
			int rc = parse_line(text + i, n, file, line, a, v,
					    err);
			if (rc)
				return rc;
		}
		i = e + 1;
	}
	return 0;
}

int ym_jvn_checksums_parse(const char *text, size_t len, const char *file,
			   ym_arena *a, ym_jvn_checksums *out, ym_err *err)
{
	sum_vec v = YM_VEC_INIT;
	size_t i = 0;
	int rc;

	out->v = NULL;
	out->n = 0;
	ym_err_clear(err);
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < len && strchr(" \t\r\n", text[i]) && text[i])
		i++;
	if (i < len && text[i] == '[')
		rc = parse_json(text, len, file, a, &v, err);
	else
		rc = parse_lines(text, len, file, a, &v, err);
	if (rc == 0 && v.n) {
		ym_jvn_checksum *c = ym_arena_alloc(a, v.n * sizeof *c);
		memcpy(c, v.v, v.n * sizeof *c);
		out->v = c;
		out->n = v.n;
	}
	ym_vec_release(&v);
	return rc;
}

const ym_jvn_checksum *ym_jvn_checksum_find(const ym_jvn_checksums *l,
					    const char *name)
{
	const char *b = base_name(name);
	for (size_t i = 0; l && i < l->n; i++)
		if (strcmp(l->v[i].filename, name) == 0)
			return &l->v[i];
	for (size_t i = 0; l && i < l->n; i++)
		if (strcmp(base_name(l->v[i].filename), b) == 0)
			return &l->v[i];
	return NULL;
}

int ym_jvn_checksum_check(const ym_jvn_checksum *c,
			  const uint8_t digest[YM_SHA256_LEN], int64_t size,
			  ym_err *err)
{
	ym_err_clear(err);
	if (size >= 0 && c->size >= 0 && size != c->size)
		return ym_err_set(err, YM_E_INVALID,
				  _("%s: size mismatch: checksum list says "
				    "%lld bytes, the file has %lld"),
				  c->filename, (long long)c->size,
				  (long long)size);
	if (memcmp(digest, c->sha256, YM_SHA256_LEN) != 0) {
		char want[2 * YM_SHA256_LEN + 1], got[2 * YM_SHA256_LEN + 1];
		ym_hex(c->sha256, YM_SHA256_LEN, want);
		ym_hex(digest, YM_SHA256_LEN, got);
		return ym_err_set(err, YM_E_INVALID,
				  _("%s: sha256 mismatch: checksum list says "
				    "%s, the file has %s"),
				  c->filename, want, got);
	}
	return 0;
}

int ym_jvn_checksum_verify(const ym_jvn_checksums *l, const char *name,
			   const void *data, size_t len, ym_err *err)
{
	const ym_jvn_checksum *c = ym_jvn_checksum_find(l, name);
	ym_err_clear(err);
	if (!c)
		return ym_err_set(err, YM_E_NOTFOUND,
				  _("%s: not in the checksum list"),
				  base_name(name));
	uint8_t d[YM_SHA256_LEN];
	ym_sha256(data, len, d);
	return ym_jvn_checksum_check(c, d, (int64_t)len, err);
}

int ym_jvn_checksum_beside(const char *path, const void *data, size_t len,
			   ym_err *err)
{
	/* only plain files: an archive member has "archive:member" names */
	const char *slash = strrchr(path, '/');
	if (strchr(slash ? slash : path, ':'))
		return 0;
	ym_buf list = YM_BUF_INIT;
	if (slash)
		ym_buf_add(&list, path, (size_t)(slash - path + 1));
	ym_buf_adds(&list, "checksum.txt");
	if (access(list.ptr, R_OK) != 0) {
		ym_buf_release(&list);
		return 0;
	}
	ym_buf text;
	ym_arena a;
	ym_jvn_checksums sums;
	ym_buf_init(&text, 64 << 20);
	ym_arena_init(&a, 0);
	int rc = ym_buf_read_file(&text, list.ptr, err);
	if (!rc)
		rc = ym_jvn_checksums_parse(text.ptr, text.len, list.ptr, &a,
					    &sums, err);
	if (!rc) {
		rc = ym_jvn_checksum_verify(&sums, slash ? slash + 1 : path,
					    data, len, err);
		if (rc == YM_E_NOTFOUND) {
			/* not listed: nothing to check it against */
			ym_err_clear(err);
			rc = 0;
		} else if (rc) {
			ym_err_at(err, path, 0, 0);
		}
	}
	ym_arena_release(&a);
	ym_buf_release(&text);
	ym_buf_release(&list);
	return rc;
}
