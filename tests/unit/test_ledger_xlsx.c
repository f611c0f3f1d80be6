/* Unit tests for inventory/ledger_xlsx: the workbook is unzipped with
 * libarchive and the sheet, shared strings, workbook and styles XML are
 * checked for exact cells, the frozen bold header, the autofilter, the
 * column widths and real dates. */
#include <archive.h>
#include <archive_entry.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/buf.h"
#include "inventory/ledger_xlsx.h"
#include "test.h"

static char dir[64];

/* Contents of one member of the zip at path ("" if absent). */
static void unzip_member(const char *path, const char *member, ym_buf *out)
{
	struct archive *ar = archive_read_new();
	struct archive_entry *ent;
	ym_buf_reset(out);
	archive_read_support_format_zip(ar);
	if (archive_read_open_filename(ar, path, 16384) != ARCHIVE_OK)
		goto done;
	while (archive_read_next_header(ar, &ent) == ARCHIVE_OK) {
		if (strcmp(archive_entry_pathname(ent), member) != 0)
			continue;
		char tmp[8192];
		la_ssize_t n;
		while ((n = archive_read_data(ar, tmp, sizeof tmp)) > 0)
			ym_buf_add(out, tmp, (size_t)n);
		break;
	}
done:
	archive_read_free(ar);
}

#define CHECK_HAS(buf, s)                                                 \
	do {                                                              \
		if (!strstr((buf).ptr, (s)))                              \
			TEST_FAIL_("%s lacks %s", #buf, (s));             \
	} while (0)

static void sample(ym_asset a[3])
{
	memset(a, 0, 3 * sizeof *a);
	a[0].name = "住民情報システム";
	a[0].vendor = "富士通";
	a[0].data_records = 120000;
	a[0].exposure = "internal";
	a[0].criticality = "high";
	a[0].safety_relevant = true;
	a[0].introduced_on = "2024-04-01";
	a[0].support_end_on = "2029-03-31";
	a[0].department_code = "joho";
	a[1].name = "=1+1";
	a[1].kind = YM_ASSET_HOST;
	a[1].data_records = -1;
	a[1].support_end_on = "2024-02-30"; /* not a date: kept as text */
	a[1].configuration = "a, \"b\"\n<c> & d";
	a[2].name = "x";
	a[2].kind = YM_ASSET_CLOUD;
	a[2].data_records = 0;
	a[2].introduced_on = "1900-03-01";
}

static void t_ja(void)
{
	char path[128];
	ym_asset a[3];
	ym_err e = YM_ERR_INIT;
	ym_buf sheet = YM_BUF_INIT, sst = YM_BUF_INIT, wb = YM_BUF_INIT,
	       st = YM_BUF_INIT;

	sample(a);
	snprintf(path, sizeof path, "%s/ja.xlsx", dir);
	CHECK_INT(ym_ledger_xlsx_write(path, a, 3, YM_LEDGER_LANG_JA, &e), 0);
	unzip_member(path, "xl/worksheets/sheet1.xml", &sheet);
	unzip_member(path, "xl/sharedStrings.xml", &sst);
	unzip_member(path, "xl/workbook.xml", &wb);
	unzip_member(path, "xl/styles.xml", &st);
	unlink(path);

	CHECK_HAS(wb, "<sheet name=\"台帳\" sheetId=\"1\"");
	/* frozen header row and autofilter over all rows and columns */
	CHECK_HAS(sheet, "<pane ySplit=\"1\" topLeftCell=\"A2\" "
			 "activePane=\"bottomLeft\" state=\"frozen\"/>");
	CHECK_HAS(sheet, "<autoFilter ref=\"A1:W4\"/>");
	/* the header is bold (style 1 uses font 1, which is bold) */
	CHECK_HAS(sheet, "<c r=\"A1\" s=\"1\" t=\"s\"><v>0</v></c>");
	CHECK_HAS(st, "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" "
		      "borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>");
	CHECK_HAS(st, "<b/>");
	/* dates: real dates in style 2 = yyyy-mm-dd */
	CHECK_HAS(st, "<numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd\"/>");
	CHECK_HAS(st, "<xf numFmtId=\"164\"");
	CHECK_HAS(sheet, "<c r=\"R2\" s=\"2\"><v>45383</v></c>");
	CHECK_HAS(sheet, "<c r=\"S2\" s=\"2\"><v>47208</v></c>");
	CHECK_HAS(sheet, "<c r=\"R4\" s=\"2\"><v>61</v></c>");
	/* record counts are numbers; -1 is left empty */
	CHECK_HAS(sheet, "<c r=\"I2\"><v>120000</v></c>");
	CHECK_HAS(sheet, "<c r=\"I4\"><v>0</v></c>");
	CHECK(strstr(sheet.ptr, "r=\"I3\"") == NULL);
	/* text never becomes a formula */
	CHECK(strstr(sheet.ptr, "<f>") == NULL);
	CHECK_HAS(sst, "<si><t>=1+1</t></si>");
	CHECK_HAS(sst, "<si><t>資産名</t></si>");
	CHECK_HAS(sst, "<si><t>サポート終了日</t></si>");
	CHECK_HAS(sst, "<si><t>住民情報システム</t></si>");
	CHECK_HAS(sst, "<si><t>システム</t></si>");
	CHECK_HAS(sst, "<si><t>ホスト</t></si>");
	CHECK_HAS(sst, "<si><t>クラウド</t></si>");
	CHECK_HAS(sst, "<si><t>内部</t></si>");
	CHECK_HAS(sst, "<si><t>高</t></si>");
	CHECK_HAS(sst, "<si><t>はい</t></si>");
	CHECK_HAS(sst, "<si><t>いいえ</t></si>");
	CHECK_HAS(sst, "<si><t>joho</t></si>");
	CHECK_HAS(sst, "<si><t>2024-02-30</t></si>");
	CHECK_HAS(sst, "<si><t>a, \"b\"\n&lt;c&gt; &amp; d</t></si>");
	/* widths: East Asian text counts two columns a character, plus 2
	 * (libxlsxwriter stores width + 0.7109375) */
	CHECK_HAS(sheet, "<col min=\"1\" max=\"1\" width=\"18.7109375\"");
	CHECK_HAS(sheet, "<col min=\"3\" max=\"3\" width=\"10.7109375\"");
	CHECK_HAS(sheet, "<col min=\"18\" max=\"18\" width=\"12.7109375\"");
	CHECK_HAS(sheet, "<col min=\"19\" max=\"19\" width=\"16.7109375\"");
	CHECK_HAS(sheet, "<col min=\"10\" max=\"10\" width=\"9.7109375\"");
	ym_buf_release(&sheet);
	ym_buf_release(&sst);
	ym_buf_release(&wb);
	ym_buf_release(&st);
}

static void t_en(void)
{
	char path[128];
	ym_asset a[3];
	ym_err e = YM_ERR_INIT;
	ym_buf sheet = YM_BUF_INIT, sst = YM_BUF_INIT, wb = YM_BUF_INIT;

	sample(a);
	snprintf(path, sizeof path, "%s/en.xlsx", dir);
	CHECK_INT(ym_ledger_xlsx_write(path, a, 1, YM_LEDGER_LANG_EN, &e), 0);
	unzip_member(path, "xl/worksheets/sheet1.xml", &sheet);
	unzip_member(path, "xl/sharedStrings.xml", &sst);
	unzip_member(path, "xl/workbook.xml", &wb);
	unlink(path);
	CHECK_HAS(wb, "<sheet name=\"Ledger\" sheetId=\"1\"");
	CHECK_HAS(sheet, "<autoFilter ref=\"A1:W2\"/>");
	CHECK_HAS(sst, "<si><t>name</t></si>");
	CHECK_HAS(sst, "<si><t>support_end</t></si>");
	CHECK_HAS(sst, "<si><t>system</t></si>");
	CHECK_HAS(sst, "<si><t>internal</t></si>");
	CHECK_HAS(sst, "<si><t>high</t></si>");
	CHECK_HAS(sst, "<si><t>yes</t></si>");
	CHECK_HAS(sheet, "<c r=\"R2\" s=\"2\"><v>45383</v></c>");
	ym_buf_release(&sheet);
	ym_buf_release(&sst);
	ym_buf_release(&wb);
}

static void t_empty(void)
{
	char path[128];
	ym_err e = YM_ERR_INIT;
	ym_buf sheet = YM_BUF_INIT;
	snprintf(path, sizeof path, "%s/empty.xlsx", dir);
	CHECK_INT(ym_ledger_xlsx_write(path, NULL, 0, YM_LEDGER_LANG_JA, &e),
		  0);
	unzip_member(path, "xl/worksheets/sheet1.xml", &sheet);
	unlink(path);
	CHECK_HAS(sheet, "<autoFilter ref=\"A1:W1\"/>");
	ym_buf_release(&sheet);
}

static void t_error(void)
{
	char path[128];
	ym_asset a[3];
	ym_err e = YM_ERR_INIT;
	sample(a);
	snprintf(path, sizeof path, "%s/no/such/dir/x.xlsx", dir);
	CHECK_INT(ym_ledger_xlsx_write(path, a, 3, YM_LEDGER_LANG_JA, &e),
		  YM_E_IO);
	CHECK_INT(e.code, YM_E_IO);
	CHECK_STR(e.file, path);
	CHECK_STR(e.msg, "cannot create the file: No such file or directory");
}

int main(void)
{
	snprintf(dir, sizeof dir, "/tmp/ym-ledger-xlsx-XXXXXX");
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	RUN(t_ja);
	RUN(t_en);
	RUN(t_empty);
	RUN(t_error);
	rmdir(dir);
	return test_done();
}
