/* ledger_csv.c - the asset ledger as CSV: an RFC 4180 reader for UTF-8
 * and Shift_JIS (CP932) files with Japanese or English headers, value
 * normalisation, and the matching writer (see ledger_csv.h and
 * docs/ledger-csv.md). */
#include <errno.h>
#include <iconv.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/utf8.h"
#include "core/vec.h"
#include "inventory/ledger_csv.h"

/* Fields, in the order the writer writes them. */
enum field {
	F_NAME = 0,
	F_KIND,
	F_VENDOR,
	F_VERSION,
	F_CPE,
	F_PURL,
	F_FUNCTION,
	F_DATA_KIND,
	F_RECORDS,
	F_CONFIG,
	F_EXPOSURE,
	F_PORTS,
	F_LOCATION,
	F_DEPT,
	F_OWNER,
	F_CRIT,
	F_SAFETY,
	F_INTRODUCED,
	F_SUPPORT_END,
	F_RETIRE_PLANNED,
	F_RETIRED,
	F_DISPOSED,
	F_TAGS,
	F_COUNT
};
_Static_assert(F_COUNT == YM_LEDGER_NCOLS, "column count");
_Static_assert(F_VENDOR == YM_AF_VENDOR && F_TAGS == YM_AF_TAGS &&
		       F_DEPT == YM_AF_DEPARTMENT,
	       "columns follow ym_asset_field");

#define MAX_NAMES 14
#define MAX_FIELDS 4096    /* fields in one row */
#define MAX_TITLE_ROWS 10  /* rows above the header that may be skipped */
#define KEY_MAX 256        /* code points of a normalised header/value */

/* A column: written headers, value type, and every accepted header name
 * (compared after normalisation: full-width ASCII and half-width kana
 * folded, ASCII lower-cased, spaces, '_' and '-' dropped, a trailing
 * "(...)", '*' or '※' annotation removed). */
static const struct column {
	const char *ja;
	const char *en;
	ym_ledger_col_type type;
	const char *names[MAX_NAMES];
} columns[F_COUNT] = {
	[F_NAME] = {"資産名", "name", YM_LEDGER_COL_TEXT,
		    {"資産名", "名称", "システム名", "資産名称", "名前",
		     "サービス名", "ホスト名", "name", "asset name",
		     "system name", "asset"}},
	[F_KIND] = {"種別", "kind", YM_LEDGER_COL_TEXT,
		    {"種別", "資産種別", "種類", "区分", "kind", "type",
		     "asset kind", "asset type"}},
	[F_VENDOR] = {"ベンダー", "vendor", YM_LEDGER_COL_TEXT,
		      {"ベンダー", "ベンダ", "メーカー", "メーカ", "製造元",
		       "提供元", "開発元", "vendor", "manufacturer",
		       "maker", "supplier"}},
	[F_VERSION] = {"バージョン", "version", YM_LEDGER_COL_TEXT,
		       {"バージョン", "版", "version", "ver"}},
	[F_CPE] = {"CPE", "cpe", YM_LEDGER_COL_TEXT, {"cpe", "cpe名"}},
	[F_PURL] = {"PURL", "purl", YM_LEDGER_COL_TEXT,
		    {"purl", "package url"}},
	[F_FUNCTION] = {"機能分類", "function", YM_LEDGER_COL_TEXT,
			{"機能分類", "用途", "機能", "業務分類", "業務",
			 "function", "function category", "category"}},
	[F_DATA_KIND] = {"保有データ", "data_kind", YM_LEDGER_COL_TEXT,
			 {"保有データ", "データ種別", "取扱データ",
			  "保有情報", "取扱情報", "data kind", "data"}},
	[F_RECORDS] = {"データ件数", "records", YM_LEDGER_COL_COUNT,
		       {"データ件数", "件数", "保有件数", "レコード数",
			"records", "data records", "record count"}},
	[F_CONFIG] = {"接続先", "configuration", YM_LEDGER_COL_TEXT,
		      {"接続先", "構成", "接続情報", "構成情報",
		       "configuration", "config", "connections"}},
	[F_EXPOSURE] = {"公開範囲", "exposure", YM_LEDGER_COL_TEXT,
			{"公開範囲", "外部公開", "公開", "exposure"}},
	[F_PORTS] = {"開放ポート", "ports", YM_LEDGER_COL_TEXT,
		     {"開放ポート", "ポート", "open ports", "ports"}},
	[F_LOCATION] = {"設置場所", "location", YM_LEDGER_COL_TEXT,
			{"設置場所", "所在", "所在地", "場所", "location"}},
	[F_DEPT] = {"部署", "department", YM_LEDGER_COL_TEXT,
		    {"部署", "所管部署", "部署コード", "部署名", "担当部署",
		     "所管課", "所管", "department", "department code",
		     "dept"}},
	[F_OWNER] = {"担当者", "owner", YM_LEDGER_COL_TEXT,
		     {"担当者", "責任者", "管理者", "所有者", "owner"}},
	[F_CRIT] = {"重要度", "criticality", YM_LEDGER_COL_TEXT,
		    {"重要度", "criticality", "importance"}},
	[F_SAFETY] = {"安全関連", "safety", YM_LEDGER_COL_TEXT,
		      {"安全関連", "安全", "safety", "safety relevant"}},
	[F_INTRODUCED] = {"導入日", "introduced", YM_LEDGER_COL_DATE,
			  {"導入日", "導入年月日", "稼働開始日", "introduced",
			   "introduced on"}},
	[F_SUPPORT_END] = {"サポート終了日", "support_end",
			   YM_LEDGER_COL_DATE,
			   {"サポート終了日", "サポート期限", "保守終了日",
			    "eol", "support end", "support end on",
			    "end of life"}},
	[F_RETIRE_PLANNED] = {"廃止予定日", "retire_planned",
			      YM_LEDGER_COL_DATE,
			      {"廃止予定日", "廃止予定", "retire planned",
			       "retire planned on"}},
	[F_RETIRED] = {"廃止日", "retired", YM_LEDGER_COL_DATE,
		       {"廃止日", "retired", "retired on"}},
	[F_DISPOSED] = {"廃棄日", "disposed", YM_LEDGER_COL_DATE,
			{"廃棄日", "disposed", "disposed on"}},
	[F_TAGS] = {"タグ", "tags", YM_LEDGER_COL_TEXT,
		    {"タグ", "tags", "tag"}},
};

/* An enumerated value: accepted spelling -> canonical value. */
typedef struct choice {
	const char *s;
	int v;
} choice;

static const choice kind_choices[] = {
	{"システム", YM_ASSET_SYSTEM}, {"system", YM_ASSET_SYSTEM},
	{"サービス", YM_ASSET_SERVICE}, {"service", YM_ASSET_SERVICE},
	{"ホスト", YM_ASSET_HOST}, {"サーバ", YM_ASSET_HOST},
	{"サーバー", YM_ASSET_HOST}, {"host", YM_ASSET_HOST},
	{"server", YM_ASSET_HOST},
	{"クラウド", YM_ASSET_CLOUD}, {"cloud", YM_ASSET_CLOUD},
	{"saas", YM_ASSET_CLOUD},
	{"ソフトウェア", YM_ASSET_SOFTWARE},
	{"ソフトウエア", YM_ASSET_SOFTWARE},
	{"ソフト", YM_ASSET_SOFTWARE}, {"software", YM_ASSET_SOFTWARE},
	{NULL, 0}};
static const char *const kind_ja[] = {"システム", "サービス", "ホスト",
				      "クラウド", "ソフトウェア"};

static const char *const exposure_names[] = {"internet", "internal",
					     "isolated", "unknown"};
static const char *const exposure_ja[] = {"インターネット公開", "内部",
					  "閉域", "不明"};
static const choice exposure_choices[] = {
	{"インターネット公開", 0}, {"外部公開", 0}, {"インターネット", 0},
	{"公開", 0}, {"internet", 0}, {"public", 0},
	{"内部", 1}, {"内部のみ", 1}, {"社内", 1}, {"庁内", 1},
	{"internal", 1},
	{"閉域", 2}, {"隔離", 2}, {"閉域網", 2}, {"isolated", 2},
	{"不明", 3}, {"unknown", 3},
	{NULL, 0}};

static const char *const crit_names[] = {"high", "medium", "low",
					 "unknown"};
static const char *const crit_ja[] = {"高", "中", "低", "不明"};
static const choice crit_choices[] = {
	{"高", 0}, {"high", 0}, {"中", 1}, {"medium", 1}, {"low", 2},
	{"低", 2}, {"不明", 3}, {"unknown", 3}, {NULL, 0}};

static const choice safety_choices[] = {
	{"はい", 1}, {"○", 1}, {"◯", 1}, {"〇", 1}, {"有", 1}, {"あり", 1},
	{"yes", 1}, {"y", 1}, {"true", 1}, {"1", 1},
	{"いいえ", 0}, {"×", 0}, {"無", 0}, {"なし", 0}, {"no", 0},
	{"n", 0}, {"false", 0}, {"0", 0},
	{NULL, 0}};

/* In date and count columns these mean "empty". */
static const char *const blank_markers[] = {
	"", "不明", "なし", "未定", "ー", "―", "unknown", "none", "n/a",
	"na", "tbd", NULL};

/* ---- normalisation ---- */

/* Half-width katakana U+FF61..U+FF9F as their full-width forms. */
static const char hw_kana[] =
	"。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソ"
	"タチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン゛゜";

static uint32_t hw_kana_cp(uint32_t cp)
{
	const char *p = hw_kana;
	size_t left = sizeof hw_kana - 1;
	uint32_t out = 0;
	for (uint32_t i = 0; i <= cp - 0xFF61; i++) {
		size_t k = ym_utf8_decode(p, left, &out);
		if (!k)
			return cp;
		p += k;
		left -= k;
	}
	return out;
}

/* Voiced (dakuten) form of a full-width katakana, 0 if it has none. */
static uint32_t voiced(uint32_t cp, bool semi)
{
	if (cp >= 0x30CF && cp <= 0x30DB && (cp - 0x30CF) % 3 == 0)
		return cp + (semi ? 2 : 1); /* ハ ヒ フ ヘ ホ */
	if (semi)
		return 0;
	if (cp == 0x30A6)
		return 0x30F4; /* ウ -> ヴ */
	if ((cp >= 0x30AB && cp <= 0x30C1 && (cp - 0x30AB) % 2 == 0) ||
	    cp == 0x30C4 || cp == 0x30C6 || cp == 0x30C8)
		return cp + 1; /* カ .. ト */
	return 0;
}

static bool is_space_cp(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' ||
	       cp == '\v' || cp == '\f' || cp == 0x3000;
}

/* Normalises s[0..n) into out (UTF-8, NUL-terminated, cap bytes):
 * full-width ASCII to ASCII, U+3000 to a space, half-width katakana to
 * full-width, surrounding white space removed. key: also lower-case
 * ASCII and drop white space, '_' and '-'. Returns false when the text
 * is too long (the value cannot be a header name or a known value). */
static bool normalise(const char *s, size_t n, bool key, char *out,
		      size_t cap)
{
	uint32_t cps[KEY_MAX];
	size_t m = 0, i = 0, o = 0;

	while (i < n) {
		uint32_t cp;
		size_t k = ym_utf8_decode(s + i, n - i, &cp);
		if (!k) {
			cp = (unsigned char)s[i];
			k = 1;
		}
		i += k;
		if (cp >= 0xFF01 && cp <= 0xFF5E)
			cp -= 0xFEE0;
		else if (cp == 0x3000)
			cp = ' ';
		else if (cp >= 0xFF61 && cp <= 0xFF9F) {
			uint32_t v;
			if ((cp == 0xFF9E || cp == 0xFF9F) && m > 0 &&
			    (v = voiced(cps[m - 1], cp == 0xFF9F)) != 0) {
				cps[m - 1] = v;
				continue;
			}
			cp = hw_kana_cp(cp);
		}
		if (key) {
			if (is_space_cp(cp) || cp == '_' || cp == '-')
				continue;
			if (cp >= 'A' && cp <= 'Z')
				cp += 'a' - 'A';
		}
		if (m == KEY_MAX)
			return false;
		cps[m++] = cp;
	}
	size_t b = 0, e = m;
	while (b < e && is_space_cp(cps[b]))
		b++;
	while (e > b && is_space_cp(cps[e - 1]))
		e--;
	for (size_t j = b; j < e; j++) {
		char tmp[4];
		size_t k = ym_utf8_encode(cps[j], tmp);
		if (!k)
			continue;
		if (o + k >= cap)
			return false;
		memcpy(out + o, tmp, k);
		o += k;
	}
	out[o] = '\0';
	return true;
}

/* Header key: normalised, then trailing annotations taken off:
 * "導入日(YYYY/MM/DD)", "資産名※", "name*". */
static bool header_key(const char *s, size_t n, char *out, size_t cap)
{
	if (!normalise(s, n, true, out, cap))
		return false;
	for (;;) {
		size_t len = strlen(out);
		if (len && out[len - 1] == '*') {
			out[len - 1] = '\0';
		} else if (len >= 3 && strcmp(out + len - 3, "※") == 0) {
			out[len - 3] = '\0';
		} else if (len && out[len - 1] == ')') {
			char *open = strrchr(out, '(');
			if (!open || open == out)
				break;
			*open = '\0';
		} else {
			break;
		}
	}
	return true;
}

/* The accepted header names in key form, computed once per read. */
typedef struct header_keys {
	char k[F_COUNT][MAX_NAMES][64];
} header_keys;

static void header_keys_init(header_keys *hk)
{
	for (int f = 0; f < F_COUNT; f++) {
		for (int i = 0; i < MAX_NAMES; i++) {
			const char *nm = columns[f].names[i];
			hk->k[f][i][0] = '\0';
			if (nm)
				normalise(nm, strlen(nm), true, hk->k[f][i],
					  sizeof hk->k[f][i]);
		}
	}
}

static int lookup_header(const header_keys *hk, const char *key)
{
	if (!*key)
		return -1;
	for (int f = 0; f < F_COUNT; f++)
		for (int i = 0; i < MAX_NAMES && hk->k[f][i][0]; i++)
			if (strcmp(hk->k[f][i], key) == 0)
				return f;
	return -1;
}

static int lookup_choice(const choice *c, const char *s, size_t n)
{
	char key[KEY_MAX * 4], k2[KEY_MAX * 4];
	if (!normalise(s, n, true, key, sizeof key))
		return -1;
	for (; c->s; c++) {
		if (normalise(c->s, strlen(c->s), true, k2, sizeof k2) &&
		    strcmp(k2, key) == 0)
			return c->v;
	}
	return -1;
}

static bool is_blank_marker(const char *s, size_t n)
{
	char key[KEY_MAX * 4];
	if (!normalise(s, n, true, key, sizeof key))
		return false;
	for (int i = 0; blank_markers[i]; i++)
		if (strcmp(key, blank_markers[i]) == 0)
			return true;
	return false;
}

/* ---- dates ---- */

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
	static const int d[] = {31, 28, 31, 30, 31, 30,
				31, 31, 30, 31, 30, 31};
	return m == 2 && leap(y) ? 29 : d[m - 1];
}

static const struct era {
	const char *name;
	char letter;
	int start; /* YYYYMMDD of the first day */
	int end;   /* YYYYMMDD of the last day, 0 = current */
} eras[] = {
	{"令和", 'r', 20190501, 0},
	{"平成", 'h', 19890108, 20190430},
	{"昭和", 's', 19261225, 19890107},
	{"大正", 't', 19120730, 19261224},
};

/* Smallest bare number taken as an Excel serial date (1927-05-18):
 * smaller ones are more likely a year or a typo. */
#define SERIAL_MIN 10000

/* Reads 1..max digits. */
static bool digits(const char **p, int max, int *v)
{
	int n = 0, x = 0;
	while (**p >= '0' && **p <= '9' && n < max) {
		x = x * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	if (n == 0 || (**p >= '0' && **p <= '9'))
		return false;
	*v = x;
	return true;
}

/* A date separator: - / . or the given kanji (年 or 月). */
static bool date_sep(const char **p, const char *kanji)
{
	if (**p == '-' || **p == '/' || **p == '.') {
		(*p)++;
		return true;
	}
	size_t k = strlen(kanji);
	if (strncmp(*p, kanji, k) == 0) {
		*p += k;
		return true;
	}
	return false;
}

/* Excel serial day number (1 = 1900-01-01, with Excel's phantom
 * 1900-02-29 as 60) to a date. */
static bool from_serial(long n, int *y, int *m, int *d)
{
	if (n < 1 || n == 60 || n > 2958465) /* 9999-12-31 */
		return false;
	if (n > 60)
		n--;
	int yy = 1900;
	while (n > (leap(yy) ? 366 : 365)) {
		n -= leap(yy) ? 366 : 365;
		yy++;
	}
	int mm = 1;
	while (n > month_days(yy, mm)) {
		n -= month_days(yy, mm);
		mm++;
	}
	*y = yy;
	*m = mm;
	*d = (int)n;
	return true;
}

/* A trailing time such as " 0:00", " 12:34:56", "T00:00:00". */
static bool is_time_tail(const char *p)
{
	if (*p != ' ' && *p != 'T' && *p != 't')
		return false;
	p++;
	while (*p == ' ')
		p++;
	if (!(*p >= '0' && *p <= '9'))
		return false;
	for (; *p; p++)
		if (!((*p >= '0' && *p <= '9') || *p == ':' || *p == '.' ||
		      *p == 'Z'))
			return false;
	return true;
}

int ym_ledger_parse_date(const char *s, char out[11], const char **why)
{
	char buf[KEY_MAX * 4];
	const char *p = buf;
	const struct era *era = NULL;
	const char *dummy;
	int y = 0, m = 0, d = 0;

	if (!why)
		why = &dummy;
	*why = _("expected YYYY-MM-DD, YYYY/M/D, 令和6年4月1日 or an Excel "
		 "serial number");
	if (!normalise(s, strlen(s), false, buf, sizeof buf))
		return YM_E_INVALID;
	for (size_t i = 0; i < sizeof eras / sizeof eras[0]; i++) {
		size_t k = strlen(eras[i].name);
		if (strncmp(p, eras[i].name, k) == 0) {
			era = &eras[i];
			p += k;
			break;
		}
		if ((p[0] | 0x20) == eras[i].letter &&
		    ((p[1] >= '0' && p[1] <= '9') ||
		     strncmp(p + 1, "元", 3) == 0)) {
			era = &eras[i];
			p += 1;
			break;
		}
	}
	if (era) {
		if (strncmp(p, "元", 3) == 0) {
			y = 1;
			p += 3;
		} else if (!digits(&p, 2, &y) || y < 1) {
			return YM_E_INVALID;
		}
		y += era->start / 10000 - 1;
		if (!date_sep(&p, "年") || !digits(&p, 2, &m) ||
		    !date_sep(&p, "月") || !digits(&p, 2, &d))
			return YM_E_INVALID;
		if (strncmp(p, "日", 3) == 0)
			p += 3;
	} else {
		const char *q = p;
		size_t nd = strspn(q, "0123456789");
		if (nd > 0 && (q[nd] == '\0' || (q[nd] == '.' &&
		    q[nd + 1 + strspn(q + nd + 1, "0123456789")] == '\0'))) {
			if (nd == 8 && q[nd] == '\0') { /* YYYYMMDD */
				y = (q[0] - '0') * 1000 + (q[1] - '0') * 100 +
				    (q[2] - '0') * 10 + (q[3] - '0');
				m = (q[4] - '0') * 10 + (q[5] - '0');
				d = (q[6] - '0') * 10 + (q[7] - '0');
				p = q + 8;
			} else {
				long n = nd <= 7 ? strtol(q, NULL, 10) : -1;
				if (n < SERIAL_MIN ||
				    !from_serial(n, &y, &m, &d)) {
					*why = _("a bare number is read "
						 "as an Excel serial date, "
						 "which must be between 10000 "
						 "and 2958465");
					return YM_E_INVALID;
				}
				p = q + strlen(q);
			}
		} else {
			if (!digits(&p, 4, &y) || p - q != 4 ||
			    !date_sep(&p, "年") || !digits(&p, 2, &m) ||
			    !date_sep(&p, "月") || !digits(&p, 2, &d))
				return YM_E_INVALID;
			if (strncmp(p, "日", 3) == 0)
				p += 3;
		}
	}
	if (*p && !is_time_tail(p))
		return YM_E_INVALID;
	if (y < 1900 || y > 9999) {
		*why = _("year out of range (1900-9999)");
		return YM_E_INVALID;
	}
	if (m < 1 || m > 12 || d < 1 || d > month_days(y, m)) {
		*why = _("no such day");
		return YM_E_INVALID;
	}
	if (era) {
		int ymd = y * 10000 + m * 100 + d;
		if (ymd < era->start || (era->end && ymd > era->end)) {
			*why = _("not a date of that era");
			return YM_E_INVALID;
		}
	}
	snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
	*why = NULL;
	return 0;
}

/* ---- counts ---- */

#define COUNT_MAX INT64_C(1000000000000000) /* 10^15 */

int ym_ledger_parse_count(const char *s, int64_t *out, const char **why)
{
	static const struct {
		const char *s;
		int64_t v;
	} units[] = {{"億", 100000000}, {"万", 10000}, {"千", 1000}};
	char buf[KEY_MAX * 4];
	const char *p = buf, *dummy;
	int64_t total = 0, last_unit = INT64_MAX;

	if (!why)
		why = &dummy;
	*why = _("expected a whole number such as 1234, 1,234 or 12万");
	if (!normalise(s, strlen(s), false, buf, sizeof buf))
		return YM_E_INVALID;
	if (strncmp(p, "約", 3) == 0)
		p += 3;
	while (*p == ' ')
		p++;
	size_t plen = strlen(p);
	if (plen >= 3 && strcmp(p + plen - 3, "件") == 0)
		buf[(size_t)(p - buf) + plen - 3] = '\0';
	if (!*p)
		return YM_E_INVALID;
	while (*p) {
		int64_t whole = 0, frac = 0, frac_div = 1, unit = 1;
		int group = 0; /* digits in the current group */
		bool commas = false;
		if (!(*p >= '0' && *p <= '9'))
			return YM_E_INVALID;
		for (;;) {
			if (*p >= '0' && *p <= '9') {
				if (whole > COUNT_MAX) {
					*why = _("too large");
					return YM_E_INVALID;
				}
				whole = whole * 10 + (*p++ - '0');
				group++;
			} else if (*p == ',') {
				/* 1,234: first group 1-3 digits, then 3 */
				if ((commas && group != 3) ||
				    (!commas && group > 3))
					return YM_E_INVALID;
				commas = true;
				group = 0;
				p++;
				if (!(*p >= '0' && *p <= '9'))
					return YM_E_INVALID;
			} else {
				break;
			}
		}
		if (commas && group != 3)
			return YM_E_INVALID;
		if (*p == '.') {
			p++;
			if (!(*p >= '0' && *p <= '9'))
				return YM_E_INVALID;
			while (*p >= '0' && *p <= '9') {
				if (frac_div >= 100000000) {
					*why = _("not a whole number");
					return YM_E_INVALID;
				}
				frac = frac * 10 + (*p++ - '0');
				frac_div *= 10;
			}
		}
		for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
			size_t k = strlen(units[i].s);
			if (strncmp(p, units[i].s, k) == 0) {
				unit = units[i].v;
				p += k;
				break;
			}
		}
		if (unit >= last_unit || (unit == 1 && *p))
			return YM_E_INVALID;
		last_unit = unit;
		if ((frac * unit) % frac_div != 0) {
			*why = _("not a whole number");
			return YM_E_INVALID;
		}
		if (whole > COUNT_MAX / unit) {
			*why = _("too large");
			return YM_E_INVALID;
		}
		total += whole * unit + frac * unit / frac_div;
		if (total > COUNT_MAX) {
			*why = _("too large");
			return YM_E_INVALID;
		}
	}
	*out = total;
	*why = NULL;
	return 0;
}

/* ---- the reader ---- */

typedef struct span {
	size_t off;  /* in scratch */
	size_t len;
	long line;   /* physical line where the field starts */
} span;

typedef struct rd {
	const char *file;
	ym_arena *a;
	ym_err *err;
	const char *p, *end; /* UTF-8 text being read */
	long line;           /* current physical line */
	ym_buf scratch;      /* unescaped fields of the current row */
	YM_VEC(span) cells;
	/* the header, once found */
	bool have_header;
	size_t n_hdr;
	const char **hdr_text; /* cell text of each header column */
	int *hdr_field;        /* its field, -1 when not a ledger column */
	bool *hdr_noted;       /* "no header" note given for the column */
	int name_col;          /* 0-based column of the name */
	YM_VEC(ym_asset) rows;
	YM_VEC(long) lines;
	YM_VEC(ym_ledger_note) notes;
	header_keys hk;
} rd;

static const char *col_name(rd *r, long col)
{
	if (!r->have_header || col < 1 || (size_t)col > r->n_hdr)
		return NULL;
	return *r->hdr_text[col - 1] ? r->hdr_text[col - 1] : NULL;
}

static int fail(rd *r, int code, long line, long col, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

static int fail(rd *r, int code, long line, long col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	ym_err_setv(r->err, code, fmt, ap);
	va_end(ap);
	ym_err_at(r->err, r->file, line, col);
	const char *name = col_name(r, col);
	if (name)
		ym_err_field(r->err, "%s", name);
	return code;
}

static void note(rd *r, long line, long col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void note(rd *r, long line, long col, const char *fmt, ...)
{
	ym_ledger_note n = {line, col, col_name(r, col), NULL};
	va_list ap;
	va_start(ap, fmt);
	char msg[1024];
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	n.msg = ym_arena_strdup(r->a, msg);
	ym_vec_push(&r->notes, n);
}

/* A value for messages: at most 60 bytes, not splitting a character. */
static const char *shown(rd *r, const char *s, size_t n)
{
	size_t k = ym_utf8_prefix_bytes(s, n, 60);
	if (k < n)
		return ym_arena_printf(r->a, "%.*s...", (int)k, s);
	return ym_arena_strndup(r->a, s, n);
}

/* Line and 1-based field number of byte offset off in text (quote
 * aware; CP932 trail bytes never look like '"', ',', CR or LF). */
static void locate(const char *text, size_t off, long *line, long *field)
{
	bool q = false;
	*line = 1;
	*field = 1;
	for (size_t i = 0; i < off; i++) {
		char c = text[i];
		if (c == '"') {
			q = !q;
		} else if (c == ',' && !q) {
			(*field)++;
		} else if (c == '\n' || (c == '\r' && (i + 1 >= off ||
						       text[i + 1] != '\n'))) {
			(*line)++;
			if (!q)
				*field = 1;
		}
	}
}

static int decode(rd *r, const char *data, size_t len, const char **text,
		  size_t *tlen, ym_ledger_encoding *enc)
{
	bool bom = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0;
	size_t bad = 0;
	long line, field;

	if (len >= 2 && ((unsigned char)data[0] == 0xFF &&
			 (unsigned char)data[1] == 0xFE)) {
		return fail(r, YM_E_PARSE, 1, 0,
			    _("the file is UTF-16, which is not supported: "
			      "save it as \"CSV UTF-8\""));
	}
	if (len >= 2 && ((unsigned char)data[0] == 0xFE &&
			 (unsigned char)data[1] == 0xFF)) {
		return fail(r, YM_E_PARSE, 1, 0,
			    _("the file is UTF-16, which is not supported: "
			      "save it as \"CSV UTF-8\""));
	}
	if (bom) {
		data += 3;
		len -= 3;
	}
	if (ym_utf8_valid(data, len, &bad)) {
		*text = data;
		*tlen = len;
		*enc = bom ? YM_LEDGER_ENC_UTF8_BOM : YM_LEDGER_ENC_UTF8;
		return 0;
	}
	if (bom) {
		locate(data, bad, &line, &field);
		return fail(r, YM_E_PARSE, line, field,
			    _("invalid UTF-8 (byte 0x%02X) in a file that "
			      "starts with a UTF-8 byte order mark"),
			    (unsigned char)data[bad]);
	}
	/* not UTF-8: Shift_JIS as Excel writes it */
	if (len > (SIZE_MAX - 1) / 3)
		return fail(r, YM_E_TOOBIG, 0, 0, _("file too large"));
	iconv_t cd = iconv_open("UTF-8", "CP932");
	if (cd == (iconv_t)-1)
		return fail(r, YM_E_UNSUPPORTED, 0, 0,
			    _("cannot read Shift_JIS: iconv has no CP932 "
			      "converter (%s)"), strerror(errno));
	char *out = ym_arena_alloc(r->a, 3 * len + 1);
	char *in = (char *)data, *o = out;
	size_t inleft = len, outleft = 3 * len;
	size_t rc = iconv(cd, &in, &inleft, &o, &outleft);
	if (rc != (size_t)-1)
		rc = iconv(cd, NULL, NULL, &o, &outleft);
	iconv_close(cd);
	if (rc == (size_t)-1) {
		/* report where the likelier encoding went wrong: the one
		 * that got further */
		size_t at = (size_t)(in - data);
		if (bad > at)
			at = bad;
		locate(data, at, &line, &field);
		return fail(r, YM_E_PARSE, line, field,
			    _("invalid byte 0x%02X: the file is neither UTF-8 "
			      "nor Shift_JIS (CP932)"),
			    (unsigned char)data[at]);
	}
	*o = '\0';
	*text = out;
	*tlen = (size_t)(o - out);
	*enc = YM_LEDGER_ENC_CP932;
	return 0;
}

static int check_nul(rd *r, const char *text, size_t len)
{
	const char *nul = memchr(text, '\0', len);
	long line, field;
	if (!nul)
		return 0;
	locate(text, (size_t)(nul - text), &line, &field);
	return fail(r, YM_E_PARSE, line, field,
		    _("NUL byte in the file: it is not a CSV text file"));
}

/* Reads one row into r->cells. Returns 1, 0 at the end, or an error. */
static int next_row(rd *r, long *row_line)
{
	r->cells.n = 0;
	ym_buf_reset(&r->scratch);
	if (r->p >= r->end)
		return 0;
	*row_line = r->line;
	for (;;) {
		span sp = {r->scratch.len, 0, r->line};
		long col = (long)r->cells.n + 1;
		int rc;

		if (r->cells.n >= MAX_FIELDS)
			return fail(r, YM_E_TOOBIG, r->line, col,
				    _("more than %d fields in a row"),
				    MAX_FIELDS);
		if (r->p < r->end && *r->p == '"') {
			r->p++;
			for (;;) {
				const char *q = r->p;
				while (q < r->end && *q != '"') {
					if (*q == '\n' ||
					    (*q == '\r' &&
					     (q + 1 >= r->end || q[1] != '\n')))
						r->line++;
					q++;
				}
				rc = ym_buf_add(&r->scratch, r->p,
						(size_t)(q - r->p));
				if (rc)
					return fail(r, rc, sp.line, col,
						    _("field too large"));
				if (q >= r->end)
					return fail(r, YM_E_PARSE, sp.line, col,
						    _("unclosed quote: the "
						      "quoted field runs to "
						      "the end of the file"));
				r->p = q + 1;
				if (r->p < r->end && *r->p == '"') {
					rc = ym_buf_addc(&r->scratch, '"');
					if (rc)
						return fail(r, rc, sp.line, col,
							    _("field too "
							      "large"));
					r->p++;
					continue;
				}
				break;
			}
			while (r->p < r->end && (*r->p == ' ' || *r->p == '\t'))
				r->p++;
			if (r->p < r->end && *r->p != ',' && *r->p != '\r' &&
			    *r->p != '\n') {
				uint32_t cp;
				size_t k = ym_utf8_decode(
					r->p, (size_t)(r->end - r->p), &cp);
				return fail(r, YM_E_PARSE, r->line, col,
					    _("unexpected '%.*s' after the "
					      "closing quote of a field"),
					    (int)(k ? k : 1), r->p);
			}
		} else {
			const char *q = r->p;
			while (q < r->end && *q != ',' && *q != '\r' &&
			       *q != '\n')
				q++;
			rc = ym_buf_add(&r->scratch, r->p, (size_t)(q - r->p));
			if (rc)
				return fail(r, rc, sp.line, col,
					    _("field too large"));
			r->p = q;
		}
		sp.len = r->scratch.len - sp.off;
		ym_vec_push(&r->cells, sp);
		if (r->p >= r->end)
			break;
		char c = *r->p++;
		if (c == ',')
			continue;
		if (c == '\r' && r->p < r->end && *r->p == '\n')
			r->p++;
		r->line++;
		break;
	}
	return 1;
}

static void trim(const char **s, size_t *n)
{
	const char *b = *s, *e = *s + *n;
	for (;;) {
		if (b < e && is_space_cp((unsigned char)*b))
			b++;
		else if (e - b >= 3 && memcmp(b, "\xE3\x80\x80", 3) == 0)
			b += 3;
		else
			break;
	}
	for (;;) {
		if (e > b && is_space_cp((unsigned char)e[-1]))
			e--;
		else if (e - b >= 3 && memcmp(e - 3, "\xE3\x80\x80", 3) == 0)
			e -= 3;
		else
			break;
	}
	*s = b;
	*n = (size_t)(e - b);
}

static void cell(rd *r, size_t i, const char **s, size_t *n)
{
	*s = r->scratch.ptr + r->cells.v[i].off;
	*n = r->cells.v[i].len;
	trim(s, n);
}

static bool row_blank(rd *r)
{
	for (size_t i = 0; i < r->cells.n; i++) {
		const char *s;
		size_t n;
		cell(r, i, &s, &n);
		if (n)
			return false;
	}
	return true;
}

static const char *name_choices(void)
{
	return "資産名, 名称, システム名, name";
}

/* Tries the current row as the header. *is_header false: no cell names
 * a ledger column (a title row). */
static int take_header(rd *r, long line, bool *is_header)
{
	int known = 0, seen[F_COUNT];
	size_t n = r->cells.n;

	*is_header = false;
	for (int f = 0; f < F_COUNT; f++)
		seen[f] = -1;
	int *fields = ym_arena_alloc(r->a, n * sizeof *fields);
	const char **text = ym_arena_alloc(r->a, n * sizeof *text);
	for (size_t i = 0; i < n; i++) {
		char key[KEY_MAX * 4];
		const char *s;
		size_t len;
		cell(r, i, &s, &len);
		text[i] = ym_arena_strndup(r->a, s, len);
		fields[i] = header_key(s, len, key, sizeof key)
				    ? lookup_header(&r->hk, key)
				    : -1;
		if (fields[i] >= 0)
			known++;
	}
	if (known == 0)
		return 0;
	r->have_header = true;
	r->n_hdr = n;
	r->hdr_text = text;
	r->hdr_field = fields;
	r->hdr_noted = ym_arena_zalloc(r->a, n * sizeof *r->hdr_noted);
	*is_header = true;
	for (size_t i = 0; i < n; i++) {
		int f = fields[i];
		if (f < 0) {
			if (*text[i])
				note(r, line, (long)i + 1,
				     _("column %zu \"%s\" is not a ledger "
				       "column: its values are not imported"),
				     i + 1, shown(r, text[i], strlen(text[i])));
			continue;
		}
		if (seen[f] >= 0)
			return fail(r, YM_E_INVALID, line, (long)i + 1,
				    _("column %zu \"%s\" is the same field as "
				      "column %d \"%s\""),
				    i + 1, text[i], seen[f] + 1, text[seen[f]]);
		seen[f] = (int)i;
	}
	if (seen[F_NAME] < 0)
		return fail(r, YM_E_INVALID, line, 0,
			    _("no name column in the header: one of %s is "
			      "required"), name_choices());
	r->name_col = seen[F_NAME];
	return 0;
}

/* Text value: a leading ' before = + - @ or ' is Excel's text marker
 * (the writer adds it) and is taken off. */
static const char *text_value(rd *r, const char *s, size_t n)
{
	if (n >= 2 && s[0] == '\'' && strchr("=+-@'", s[1])) {
		s++;
		n--;
	}
	return ym_arena_strndup(r->a, s, n);
}

static int set_field(rd *r, ym_asset *as, int f, const char *s, size_t n,
		     long line, long col)
{
	const char *why = NULL;
	int v;

	switch (f) {
	case F_KIND:
		v = lookup_choice(kind_choices, s, n);
		if (v < 0)
			return fail(r, YM_E_INVALID, line, col,
				    _("unknown kind '%s': expected "
				      "システム, サービス, ホスト, "
				      "クラウド, ソフトウェア or system, "
				      "service, host, cloud, software"),
				    shown(r, s, n));
		as->kind = (ym_asset_kind)v;
		return 0;
	case F_EXPOSURE:
		v = lookup_choice(exposure_choices, s, n);
		if (v < 0)
			return fail(r, YM_E_INVALID, line, col,
				    _("unknown exposure '%s': expected "
				      "インターネット公開, 内部, 閉域, 不明 or "
				      "internet, internal, isolated, unknown"),
				    shown(r, s, n));
		as->exposure = exposure_names[v];
		return 0;
	case F_CRIT:
		v = lookup_choice(crit_choices, s, n);
		if (v < 0)
			return fail(r, YM_E_INVALID, line, col,
				    _("unknown criticality '%s': expected 高, "
				      "中, 低, 不明 or high, medium, low, "
				      "unknown"), shown(r, s, n));
		as->criticality = crit_names[v];
		return 0;
	case F_SAFETY:
		v = lookup_choice(safety_choices, s, n);
		if (v < 0)
			return fail(r, YM_E_INVALID, line, col,
				    _("unknown yes/no value '%s': expected "
				      "はい, いいえ, ○, ×, yes, no, true, "
				      "false, 1 or 0"), shown(r, s, n));
		as->safety_relevant = v == 1;
		return 0;
	case F_RECORDS: {
		int64_t c;
		if (is_blank_marker(s, n))
			return 0;
		const char *z = ym_arena_strndup(r->a, s, n);
		if (ym_ledger_parse_count(z, &c, &why))
			return fail(r, YM_E_INVALID, line, col,
				    _("invalid record count '%s': %s"),
				    shown(r, s, n), why);
		as->data_records = c;
		return 0;
	}
	case F_INTRODUCED:
	case F_SUPPORT_END:
	case F_RETIRE_PLANNED:
	case F_RETIRED:
	case F_DISPOSED: {
		char iso[11];
		if (is_blank_marker(s, n))
			return 0;
		const char *z = ym_arena_strndup(r->a, s, n);
		if (ym_ledger_parse_date(z, iso, &why))
			return fail(r, YM_E_INVALID, line, col,
				    _("invalid date '%s': %s"), shown(r, s, n),
				    why);
		const char *d = ym_arena_strdup(r->a, iso);
		if (f == F_INTRODUCED)
			as->introduced_on = d;
		else if (f == F_SUPPORT_END)
			as->support_end_on = d;
		else if (f == F_RETIRE_PLANNED)
			as->retire_planned_on = d;
		else if (f == F_RETIRED)
			as->retired_on = d;
		else
			as->disposed_on = d;
		return 0;
	}
	default:
		break;
	}
	const char *t = text_value(r, s, n);
	switch (f) {
	case F_NAME: as->name = t; break;
	case F_VENDOR: as->vendor = t; break;
	case F_VERSION: as->version = t; break;
	case F_CPE: as->cpe = t; break;
	case F_PURL: as->purl = t; break;
	case F_FUNCTION: as->function_category = t; break;
	case F_DATA_KIND: as->data_kind = t; break;
	case F_CONFIG: as->configuration = t; break;
	case F_PORTS: as->open_ports = t; break;
	case F_LOCATION: as->location = t; break;
	case F_DEPT: as->department_code = t; break;
	case F_OWNER: as->owner = t; break;
	case F_TAGS: as->tags = t; break;
	default: break;
	}
	return 0;
}

static int take_row(rd *r, long line)
{
	ym_asset as;
	memset(&as, 0, sizeof as);
	as.kind = YM_ASSET_SYSTEM;
	as.data_records = -1;
	for (size_t i = 0; i < r->cells.n; i++) {
		const char *s;
		size_t n;
		long l = r->cells.v[i].line, col = (long)i + 1;
		cell(r, i, &s, &n);
		if (n == 0)
			continue;
		if (i >= r->n_hdr)
			return fail(r, YM_E_INVALID, l, col,
				    _("field %zu is beyond the header's %zu "
				      "columns"), i + 1, r->n_hdr);
		int f = r->hdr_field[i];
		if (f < 0) {
			if (!*r->hdr_text[i] && !r->hdr_noted[i]) {
				r->hdr_noted[i] = true;
				note(r, l, col,
				     _("column %zu has values but no header: "
				       "they are not imported"), i + 1);
			}
			continue;
		}
		int rc = set_field(r, &as, f, s, n, l, col);
		if (rc)
			return rc;
	}
	if (!as.name) {
		long l = (size_t)r->name_col < r->cells.n
				 ? r->cells.v[r->name_col].line
				 : line;
		return fail(r, YM_E_INVALID, l, (long)r->name_col + 1,
			    _("the name is empty: every row needs one"));
	}
	ym_vec_push(&r->rows, as);
	ym_vec_push(&r->lines, line);
	return 0;
}

const char *ym_ledger_encoding_name(ym_ledger_encoding e)
{
	switch (e) {
	case YM_LEDGER_ENC_UTF8: return "UTF-8";
	case YM_LEDGER_ENC_UTF8_BOM: return "UTF-8 (BOM)";
	case YM_LEDGER_ENC_CP932: return "Shift_JIS (CP932)";
	}
	return "?";
}

int ym_ledger_csv_read(const char *data, size_t len, const char *filename,
		       ym_arena *a, ym_ledger *out, ym_err *err)
{
	rd r;
	const char *text = NULL;
	size_t tlen = 0;
	long line = 0, first_line = 0;
	int rc, title_rows = 0;
	ym_ledger_encoding enc = YM_LEDGER_ENC_UTF8;

	memset(&r, 0, sizeof r);
	memset(out, 0, sizeof *out);
	r.file = filename;
	r.a = a;
	r.err = err;
	r.line = 1;
	ym_buf_init(&r.scratch, 0);
	header_keys_init(&r.hk);

	rc = decode(&r, data, len, &text, &tlen, &enc);
	if (!rc)
		rc = check_nul(&r, text, tlen);
	if (rc)
		goto out;
	note(&r, 0, 0, _("read as %s"), ym_ledger_encoding_name(enc));
	r.p = text;
	r.end = text + tlen;
	while ((rc = next_row(&r, &line)) > 0) {
		if (row_blank(&r))
			continue;
		if (r.have_header) {
			rc = take_row(&r, line);
			if (rc)
				goto out;
			continue;
		}
		bool is_header;
		if (!first_line)
			first_line = line;
		rc = take_header(&r, line, &is_header);
		if (rc)
			goto out;
		if (is_header)
			continue;
		if (++title_rows > MAX_TITLE_ROWS)
			break;
		note(&r, line, 0,
		     _("line %ld skipped: it names no ledger column (a title "
		       "row?)"), line);
	}
	if (rc < 0)
		goto out;
	if (!r.have_header) {
		rc = fail(&r, YM_E_INVALID, first_line ? first_line : 1, 0,
			  first_line
				  ? _("no header row: none of the first rows "
				      "names a ledger column (one of %s is "
				      "required)")
				  : _("empty file: no header row (one of %s "
				      "is required)"),
			  name_choices());
		goto out;
	}
	rc = 0;
	out->n = r.rows.n;
	out->assets = ym_arena_alloc(a, (r.rows.n ? r.rows.n : 1) *
					       sizeof *out->assets);
	out->lines = ym_arena_alloc(a, (r.rows.n ? r.rows.n : 1) *
					     sizeof *out->lines);
	if (r.rows.n) {
		memcpy(out->assets, r.rows.v, r.rows.n * sizeof *r.rows.v);
		memcpy(out->lines, r.lines.v, r.lines.n * sizeof *r.lines.v);
	}
	out->encoding = enc;
	/* the columns this file has, as asset fields (F_ follows
	 * ym_asset_field from F_VENDOR on) */
	out->fields = 0;
	for (size_t i = 0; r.have_header && i < r.n_hdr; i++) {
		int f = r.hdr_field[i];
		if (f < 0)
			continue;
		int af = f == F_NAME ? YM_AF_NAME
			 : f == F_KIND ? YM_AF_KIND
				       : f;
		out->fields |= YM_AF_BIT(af);
	}
	out->n_notes = r.notes.n;
	out->notes = ym_arena_alloc(a, (r.notes.n ? r.notes.n : 1) *
					       sizeof *out->notes);
	if (r.notes.n)
		memcpy(out->notes, r.notes.v, r.notes.n * sizeof *r.notes.v);
out:
	ym_buf_release(&r.scratch);
	ym_vec_release(&r.cells);
	ym_vec_release(&r.rows);
	ym_vec_release(&r.lines);
	ym_vec_release(&r.notes);
	return rc;
}

/* ---- the column set and the writer ---- */

const char *ym_ledger_col_header(int col, ym_ledger_lang lang)
{
	if (col < 0 || col >= F_COUNT)
		return "";
	return lang == YM_LEDGER_LANG_EN ? columns[col].en : columns[col].ja;
}

ym_ledger_col_type ym_ledger_col_kind(int col)
{
	if (col < 0 || col >= F_COUNT)
		return YM_LEDGER_COL_TEXT;
	return columns[col].type;
}

static const char *enum_label(const char *v, const char *const *names,
			      const char *const *ja, size_t n,
			      ym_ledger_lang lang)
{
	if (!v || lang == YM_LEDGER_LANG_EN)
		return v;
	for (size_t i = 0; i < n; i++)
		if (strcmp(v, names[i]) == 0)
			return ja[i];
	return v;
}

static const char *nonempty(const char *s)
{
	return s && *s ? s : NULL;
}

const char *ym_ledger_col_value(const ym_asset *a, int col,
				ym_ledger_lang lang)
{
	bool en = lang == YM_LEDGER_LANG_EN;
	switch (col) {
	case F_NAME: return nonempty(a->name);
	case F_KIND:
		return en ? ym_asset_kind_name(a->kind)
			  : kind_ja[(unsigned)a->kind < 5 ? a->kind : 0];
	case F_VENDOR: return nonempty(a->vendor);
	case F_VERSION: return nonempty(a->version);
	case F_CPE: return nonempty(a->cpe);
	case F_PURL: return nonempty(a->purl);
	case F_FUNCTION: return nonempty(a->function_category);
	case F_DATA_KIND: return nonempty(a->data_kind);
	case F_RECORDS: return NULL;
	case F_CONFIG: return nonempty(a->configuration);
	case F_EXPOSURE:
		return nonempty(enum_label(a->exposure, exposure_names,
					   exposure_ja, 4, lang));
	case F_PORTS: return nonempty(a->open_ports);
	case F_LOCATION: return nonempty(a->location);
	case F_DEPT:
		return nonempty(a->department_code)
			       ? a->department_code
			       : nonempty(a->department_name);
	case F_OWNER: return nonempty(a->owner);
	case F_CRIT:
		return nonempty(enum_label(a->criticality, crit_names,
					   crit_ja, 4, lang));
	case F_SAFETY:
		if (en)
			return a->safety_relevant ? "yes" : "no";
		return a->safety_relevant ? "はい" : "いいえ";
	case F_INTRODUCED: return nonempty(a->introduced_on);
	case F_SUPPORT_END: return nonempty(a->support_end_on);
	case F_RETIRE_PLANNED: return nonempty(a->retire_planned_on);
	case F_RETIRED: return nonempty(a->retired_on);
	case F_DISPOSED: return nonempty(a->disposed_on);
	case F_TAGS: return nonempty(a->tags);
	}
	return NULL;
}

static int put_field(ym_buf *b, const char *v, bool text)
{
	int rc = 0;
	if (!v || !*v)
		return 0;
	bool esc = text && strchr("=+-@'", v[0]) != NULL;
	bool quote = strpbrk(v, ",\"\r\n") != NULL;
	if (quote)
		rc = ym_buf_addc(b, '"');
	if (!rc && esc)
		rc = ym_buf_addc(b, '\'');
	while (!rc && *v) {
		size_t k = strcspn(v, "\"");
		rc = ym_buf_add(b, v, k);
		v += k;
		if (!rc && *v == '"') {
			rc = ym_buf_add(b, "\"\"", 2);
			v++;
		}
	}
	if (!rc && quote)
		rc = ym_buf_addc(b, '"');
	return rc;
}

int ym_ledger_csv_write(const ym_asset *assets, size_t n,
			ym_ledger_lang lang, ym_buf *out, ym_err *err)
{
	int rc = ym_buf_add(out, "\xEF\xBB\xBF", 3);

	for (int c = 0; !rc && c < F_COUNT; c++) {
		if (c)
			rc = ym_buf_addc(out, ',');
		if (!rc)
			rc = put_field(out, ym_ledger_col_header(c, lang),
				       false);
	}
	if (!rc)
		rc = ym_buf_add(out, "\r\n", 2);
	for (size_t i = 0; !rc && i < n; i++) {
		const ym_asset *a = &assets[i];
		for (int c = 0; !rc && c < F_COUNT; c++) {
			if (c)
				rc = ym_buf_addc(out, ',');
			if (rc)
				break;
			if (columns[c].type == YM_LEDGER_COL_COUNT) {
				if (a->data_records >= 0)
					rc = ym_buf_printf(out, "%" PRId64,
							   a->data_records);
				continue;
			}
			rc = put_field(out, ym_ledger_col_value(a, c, lang),
				       columns[c].type == YM_LEDGER_COL_TEXT);
		}
		if (!rc)
			rc = ym_buf_add(out, "\r\n", 2);
	}
	if (rc)
		return ym_err_set(err, rc, _("ledger CSV too large: %s"),
				  ym_strerror(rc));
	return 0;
}
