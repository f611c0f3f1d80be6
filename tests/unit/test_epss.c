/* Unit tests for feeds/epss: every layout FIRST has published, the score
 * date from the comment or the file name, exact number parsing, malformed
 * rows (strict and skip) and files that are not EPSS scores. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "feeds/epss.h"
#include "test.h"

static ym_arena A;
static ym_buf got = YM_BUF_INIT;
static ym_buf warnings = YM_BUF_INIT;
static int n_rows, n_skips;
static double last_score, last_pct;

static int sink(const ym_epss_entry *e, void *ctx, ym_err *err)
{
	(void)ctx;
	(void)err;
	n_rows++;
	last_score = e->score;
	last_pct = e->percentile;
	ym_buf_printf(&got, "%s|%.5f|%.5f|%s|%s\n", e->cve_id, e->score,
		      e->percentile, e->date,
		      e->model_version ? e->model_version : "-");
	return 0;
}

static void on_skip(const ym_err *e, void *ctx)
{
	(void)ctx;
	n_skips++;
	ym_buf_printf(&warnings, "%ld:%ld %s|%s|%s\n", e->line, e->column,
		      e->record, e->field, e->msg);
}

static const ym_feed_ctx LAX = {.epss = sink, .skip = on_skip};
static const ym_feed_ctx STRICT = {.strict = true, .epss = sink,
				   .skip = on_skip};

static void reset(void)
{
	ym_buf_reset(&got);
	ym_buf_reset(&warnings);
	n_rows = n_skips = 0;
	ym_arena_reset(&A);
}

static int parse_file(const char *path, const ym_feed_ctx *fc, ym_err *e)
{
	ym_buf b = YM_BUF_INIT;
	int rc = ym_buf_read_file(&b, path, e);
	if (rc == 0)
		rc = ym_epss_parse(b.ptr, b.len, path, &A, fc, e);
	ym_buf_release(&b);
	return rc;
}

static int parse_str(const char *text, const char *name,
		     const ym_feed_ctx *fc, ym_err *e)
{
	return ym_epss_parse(text, strlen(text), name, &A, fc, e);
}

#define FX "tests/fixtures/epss/"

static void t_layouts(void)
{
	ym_err e = YM_ERR_INIT;
	reset();
	CHECK_INT(parse_file(FX "epss_scores-2025-03-16.csv", &LAX, &e), 0);
	CHECK_STR(got.ptr,
		  "CVE-1999-0001|0.01215|0.78478|2025-03-16|v2025.03.14\n"
		  "CVE-2014-0160|0.94469|0.99983|2025-03-16|v2025.03.14\n"
		  "CVE-2021-44228|0.94358|0.99956|2025-03-16|v2025.03.14\n"
		  "CVE-2023-44487|0.94416|0.99970|2025-03-16|v2025.03.14\n"
		  "CVE-2024-3400|0.94281|0.99935|2025-03-16|v2025.03.14\n");
	/* 2021-04: no comment (date from the name), no percentile */
	reset();
	CHECK_INT(parse_file(FX "epss_scores-2021-04-14.csv", &LAX, &e), 0);
	CHECK_STR(got.ptr, "CVE-2014-0160|0.97317|-1.00000|2021-04-14|-\n"
			   "CVE-2017-0144|0.97495|-1.00000|2021-04-14|-\n"
			   "CVE-2020-1472|0.97539|-1.00000|2021-04-14|-\n");
	reset();
	CHECK_INT(parse_file(FX "epss_scores-2021-09-01.csv", &LAX, &e), 0);
	CHECK_STR(got.ptr, "CVE-2014-0160|0.97317|0.99877|2021-09-01|-\n"
			   "CVE-2021-40444|0.96011|0.99702|2021-09-01|-\n");
	/* BOM, CRLF, upper-case header, a quoted cell, a blank last line;
	 * the comment's date wins over a name without one */
	reset();
	CHECK_INT(parse_file(FX "crlf-bom.csv", &LAX, &e), 0);
	CHECK_STR(got.ptr,
		  "CVE-2023-23397|0.91762|0.99182|2023-03-07|v2023.03.01\n"
		  "CVE-2022-41040|0.97048|0.99762|2023-03-07|v2023.03.01\n");
	CHECK_INT(n_skips, 0);
}

static void t_headers(void)
{
	ym_err e = YM_ERR_INIT;
	/* columns in another order, an extra column */
	reset();
	CHECK_INT(parse_str("percentile,extra,cve,epss\n0.5,x,CVE-2020-0001,"
			    "0.25\n", "a/epss_scores-2020-01-02.csv", &LAX, &e),
		  0);
	CHECK_STR(got.ptr, "CVE-2020-0001|0.25000|0.50000|2020-01-02|-\n");
	/* no header at all, no trailing newline; the date in an archive
	 * member's base name */
	reset();
	CHECK_INT(parse_str("CVE-2020-0001,0.25,0.5\nCVE-2020-0002,1,0",
			    "all-2019-01-01.zip:epss_scores-2020-01-03.csv",
			    &LAX, &e), 0);
	CHECK_STR(got.ptr, "CVE-2020-0001|0.25000|0.50000|2020-01-03|-\n"
			   "CVE-2020-0002|1.00000|0.00000|2020-01-03|-\n");
	/* a score_date that is only a date */
	reset();
	CHECK_INT(parse_str("#score_date:2024-02-29\ncve,epss\n"
			    "CVE-2020-0001,0\n", "x.csv", &LAX, &e), 0);
	CHECK_STR(got.ptr, "CVE-2020-0001|0.00000|-1.00000|2024-02-29|-\n");
}

/* Scores are the correctly rounded doubles (what strtod gives), on the
 * fast path and on the slow one. */
static void t_numbers(void)
{
	static const char *const nums[] = {
		"0.03351", "0.9981063485700858", "0.8715910818693242", "1e-05",
		"4.3E-5", "0", "1", "1.0", ".5", "0.000000000000000000001",
		"0.12345678901234567890123", "9.99999999999999999e-1",
		"00.25", "+0.5", "0.1e1",
	};
	for (size_t i = 0; i < sizeof nums / sizeof *nums; i++) {
		char csv[128];
		ym_err e = YM_ERR_INIT;
		snprintf(csv, sizeof csv, "cve,epss,percentile\n"
			 "CVE-2020-0001,%s,%s\n", nums[i], nums[i]);
		reset();
		CHECK_INT(parse_str(csv, "epss_scores-2020-01-01.csv", &LAX,
				    &e), 0);
		CHECK_INT(n_rows, 1);
		double want = strtod(nums[i], NULL);
		if (last_score != want || last_pct != want)
			TEST_FAIL_("'%s': got %.17g, want %.17g", nums[i],
				   last_score, want);
	}
	static const char *const bad[] = {"", "-", ".", "e5", "1e", "0x1",
					  "1.2.3", "nan", "inf", "1 2", "1,"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		char csv[128];
		ym_err e = YM_ERR_INIT;
		snprintf(csv, sizeof csv, "cve,epss\nCVE-2020-0001,%s\n",
			 bad[i]);
		reset();
		CHECK_INT(parse_str(csv, "epss_scores-2020-01-01.csv", &LAX,
				    &e), 0);
		if (n_rows != 0 || n_skips != 1)
			TEST_FAIL_("'%s' was accepted", bad[i]);
	}
}

static void t_bad_rows(void)
{
	ym_err e = YM_ERR_INIT;
	reset();
	CHECK_INT(parse_file(FX "bad/bad-rows.csv", &LAX, &e), 0);
	CHECK_INT(n_rows, 2);
	CHECK_INT(n_skips, 6);
	CHECK_STR(warnings.ptr,
		  "4:1 |cve|invalid CVE id 'CVE-14-0160'\n"
		  "5:16 CVE-2021-44228|epss|1.5 is outside 0..1\n"
		  "6:16 CVE-2023-44487|epss|invalid number 'abc'\n"
		  "7:1 CVE-2024-3400||row has 2 cells, the header 3\n"
		  "8:1 CVE-2024-3401||row has 4 cells, the header 3\n"
		  "9:15 CVE-2024-3402|epss|-0.01 is outside 0..1\n");
	CHECK_STR(got.ptr,
		  "CVE-2014-0160|0.94469|0.99983|2025-03-16|v2025.03.14\n"
		  "CVE-2024-3403|0.00042|0.04810|2025-03-16|v2025.03.14\n");
	reset();
	CHECK_INT(parse_file(FX "bad/bad-rows.csv", &STRICT, &e),
		  YM_E_INVALID);
	CHECK_INT(n_rows, 1);
	CHECK_STR(e.file, FX "bad/bad-rows.csv");
	CHECK_INT(e.line, 4);
	CHECK_INT(e.column, 1);
	CHECK_STR(e.field, "cve");
	/* a percentile cell: its own column */
	ym_err_clear(&e);
	reset();
	CHECK_INT(parse_str("cve,epss,percentile\nCVE-2020-0001,0.5,2\n",
			    "epss_scores-2020-01-01.csv", &STRICT, &e),
		  YM_E_INVALID);
	CHECK_INT(e.column, 19);
	CHECK_STR(e.field, "percentile");
	CHECK_STR(e.record, "CVE-2020-0001");
}

static void t_not_epss(void)
{
	ym_err e = YM_ERR_INIT;
	reset();
	CHECK_INT(parse_file(FX "bad/no-date.csv", &LAX, &e), YM_E_INVALID);
	CHECK_STR(e.msg, "no score date: the file has no score_date comment "
			 "and its name no YYYY-MM-DD date");
	ym_err_clear(&e);
	CHECK_INT(parse_file(FX "bad/not-epss.csv", &LAX, &e), YM_E_INVALID);
	CHECK_STR(e.msg, "not an EPSS scores file: the header has no 'cve' "
			 "and 'epss' columns");
	ym_err_clear(&e);
	CHECK_INT(parse_file(FX "bad/bad-score-date.csv", &LAX, &e),
		  YM_E_INVALID);
	CHECK_INT(e.line, 1);
	CHECK_INT(e.column, 39);
	CHECK_STR(e.field, "score_date");
	ym_err_clear(&e);
	CHECK_INT(parse_str("", "epss_scores-2020-01-01.csv", &LAX, &e),
		  YM_E_INVALID);
	CHECK_STR(e.msg, "not an EPSS scores file: no header and no rows");
	ym_err_clear(&e);
	/* a date in the name must be a real date */
	CHECK_INT(parse_str("cve,epss\n", "epss_scores-2021-02-29.csv", &LAX,
			    &e), YM_E_INVALID);
	CHECK_INT(n_rows, 0);
}

static int count_sink(const ym_epss_entry *x, void *ctx, ym_err *err)
{
	(void)ctx;
	(void)err;
	n_rows++;
	last_score = x->score;
	last_pct = x->percentile;
	return 0;
}

/* A full day's file: 300,000 rows, all emitted, nothing skipped. */
static void t_many_rows(void)
{
	ym_buf b = YM_BUF_INIT;
	ym_err e = YM_ERR_INIT;
	ym_feed_ctx fc = {.epss = count_sink, .skip = on_skip};
	ym_buf_adds(&b, "#model_version:v2025.03.14,score_date:"
			"2025-03-16T00:00:00+0000\ncve,epss,percentile\n");
	for (int i = 0; i < 300000; i++)
		ym_buf_printf(&b, "CVE-%d-%04d,0.%05d,0.%05d\n", 1999 + i % 27,
			      i, i % 100000, (i * 7) % 100000);
	reset();
	CHECK_INT(ym_epss_parse(b.ptr, b.len, "x.csv", &A, &fc, &e), 0);
	ym_buf_release(&b);
	CHECK_INT(n_rows, 300000);
	CHECK_INT(n_skips, 0);
	CHECK(last_score == 0.99999);
	CHECK(last_pct == 0.99993);
}

static int failing_sink(const ym_epss_entry *x, void *ctx, ym_err *err)
{
	(void)x;
	(void)ctx;
	(void)err;
	return YM_E_STORE;
}

static void t_sink_error(void)
{
	ym_err e = YM_ERR_INIT;
	ym_feed_ctx fc = {.epss = failing_sink, .skip = on_skip};
	reset();
	CHECK_INT(parse_file(FX "epss_scores-2025-03-16.csv", &fc, &e),
		  YM_E_STORE);
	CHECK_INT(e.code, YM_E_STORE);
	CHECK_INT(n_skips, 0);
}

int main(void)
{
	ym_arena_init(&A, 0);
	RUN(t_layouts);
	RUN(t_headers);
	RUN(t_numbers);
	RUN(t_bad_rows);
	RUN(t_not_epss);
	RUN(t_many_rows);
	RUN(t_sink_error);
	ym_buf_release(&got);
	ym_buf_release(&warnings);
	ym_arena_release(&A);
	return test_done();
}
