/* http_hdr.c - HTTP header value parsers (see http_hdr.h). */
#include "net/http_hdr.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/err.h"

/* A bounded cursor over the value being parsed. */
typedef struct cur {
	const char *p;
	const char *end;
} cur;

static void trim(const char **s, size_t *n)
{
	const char *b = *s, *e = *s + *n;

	while (b < e && (*b == ' ' || *b == '\t'))
		b++;
	while (e > b && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' ||
			 e[-1] == '\n'))
		e--;
	*s = b;
	*n = (size_t)(e - b);
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static bool eat(cur *c, char ch)
{
	if (c->p < c->end && *c->p == ch) {
		c->p++;
		return true;
	}
	return false;
}

/* Exactly n digits. */
static bool digits(cur *c, int n, int *out)
{
	int v = 0;

	if (c->end - c->p < n)
		return false;
	for (int i = 0; i < n; i++) {
		if (!is_digit(c->p[i]))
			return false;
		v = v * 10 + (c->p[i] - '0');
	}
	c->p += n;
	*out = v;
	return true;
}

/* Case-insensitive match of the literal word w at the cursor. */
static bool word(cur *c, const char *w)
{
	size_t n = strlen(w);

	if ((size_t)(c->end - c->p) < n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (lower(c->p[i]) != w[i])
			return false;
	c->p += n;
	return true;
}

static const char *const months[12] = {"jan", "feb", "mar", "apr",
				       "may", "jun", "jul", "aug",
				       "sep", "oct", "nov", "dec"};
static const char *const days_short[7] = {"mon", "tue", "wed", "thu",
					  "fri", "sat", "sun"};
static const char *const days_long[7] = {"monday",   "tuesday", "wednesday",
					 "thursday", "friday",  "saturday",
					 "sunday"};

static bool month(cur *c, int *m)
{
	for (int i = 0; i < 12; i++)
		if (word(c, months[i])) {
			*m = i + 1;
			return true;
		}
	return false;
}

/* A day name: the long form when want_long, else the three letters (not
 * followed by another letter). */
static bool day_name(cur *c, bool want_long)
{
	const char *const *names = want_long ? days_long : days_short;

	for (int i = 0; i < 7; i++) {
		cur save = *c;

		if (word(c, names[i])) {
			if (c->p < c->end && lower(*c->p) >= 'a' &&
			    lower(*c->p) <= 'z') {
				*c = save;
				continue;
			}
			return true;
		}
	}
	return false;
}

/* HH:MM:SS; 60 seconds is a leap second. */
static bool time_of_day(cur *c, int *h, int *mi, int *s)
{
	return digits(c, 2, h) && eat(c, ':') && digits(c, 2, mi) &&
	       eat(c, ':') && digits(c, 2, s) && *h <= 23 && *mi <= 59 &&
	       *s <= 60;
}

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
	static const int md[12] = {31, 28, 31, 30, 31, 30,
				   31, 31, 30, 31, 30, 31};
	return m == 2 && is_leap(y) ? 29 : md[m - 1];
}

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian, y >= 1). */
static int64_t days_since_epoch(int y, int m, int d)
{
	static const int before[12] = {0,   31,  59,  90,  120, 151,
				       181, 212, 243, 273, 304, 334};
	int64_t py = (int64_t)y - 1; /* whole years before y */
	int64_t days = 365 * py + py / 4 - py / 100 + py / 400;

	days += before[m - 1] + (m > 2 && is_leap(y)) + (d - 1);
	return days - 719162; /* days from 0001-01-01 to 1970-01-01 */
}

static int finish_date(int y, int m, int d, int h, int mi, int s,
		       int64_t *t)
{
	int64_t v;

	if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 ||
	    d > month_days(y, m))
		return YM_E_PARSE;
	v = days_since_epoch(y, m, d) * 86400 + h * 3600 + mi * 60 + s;
	if (v > YM_HTTP_DATE_LAST) /* 9999-12-31 23:59:60 */
		return YM_E_PARSE;
	*t = v;
	return 0;
}

int ym_http_date_parse(const char *s, size_t n, int64_t *t)
{
	cur c;
	int y, m, d, h, mi, sec;

	trim(&s, &n);
	c.p = s;
	c.end = s + n;

	/* asctime: "Sun Nov  6 08:49:37 1994" */
	if (day_name(&c, false) && eat(&c, ' ')) {
		if (!month(&c, &m) || !eat(&c, ' '))
			return YM_E_PARSE;
		if (eat(&c, ' ')) {
			if (!digits(&c, 1, &d))
				return YM_E_PARSE;
		} else if (!digits(&c, 2, &d)) {
			return YM_E_PARSE;
		}
		if (!eat(&c, ' ') || !time_of_day(&c, &h, &mi, &sec) ||
		    !eat(&c, ' ') || !digits(&c, 4, &y) || c.p != c.end)
			return YM_E_PARSE;
		return finish_date(y, m, d, h, mi, sec, t);
	}

	/* IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT" */
	c.p = s;
	if (day_name(&c, false)) {
		if (!eat(&c, ',') || !eat(&c, ' ') || !digits(&c, 2, &d) ||
		    !eat(&c, ' ') || !month(&c, &m) || !eat(&c, ' ') ||
		    !digits(&c, 4, &y) || !eat(&c, ' ') ||
		    !time_of_day(&c, &h, &mi, &sec) || !eat(&c, ' ') ||
		    !word(&c, "gmt") || c.p != c.end)
			return YM_E_PARSE;
		return finish_date(y, m, d, h, mi, sec, t);
	}

	/* RFC 850: "Sunday, 06-Nov-94 08:49:37 GMT" */
	c.p = s;
	if (day_name(&c, true)) {
		if (!eat(&c, ',') || !eat(&c, ' ') || !digits(&c, 2, &d) ||
		    !eat(&c, '-') || !month(&c, &m) || !eat(&c, '-') ||
		    !digits(&c, 2, &y) || !eat(&c, ' ') ||
		    !time_of_day(&c, &h, &mi, &sec) || !eat(&c, ' ') ||
		    !word(&c, "gmt") || c.p != c.end)
			return YM_E_PARSE;
		y += y < 70 ? 2000 : 1900;
		return finish_date(y, m, d, h, mi, sec, t);
	}
	return YM_E_PARSE;
}

int ym_http_date_format(int64_t t, char out[YM_HTTP_DATE_LEN])
{
	static const char *const wd[7] = {"Sun", "Mon", "Tue", "Wed",
					  "Thu", "Fri", "Sat"};
	static const char *const mo[12] = {"Jan", "Feb", "Mar", "Apr",
					   "May", "Jun", "Jul", "Aug",
					   "Sep", "Oct", "Nov", "Dec"};
	/* 1900-01-01T00:00:00Z .. 9999-12-31T23:59:59Z */
	const int64_t lo = YM_HTTP_DATE_FIRST, hi = YM_HTTP_DATE_LAST;
	struct tm tm;
	time_t tt;
	char tmp[64];
	int n;

	out[0] = '\0';
	if (t < lo || t > hi)
		return YM_E_INVALID;
	tt = (time_t)t;
	if (!gmtime_r(&tt, &tm))
		return YM_E_INVALID;
	/* Names from our own tables: strftime's %a and %b follow the
	 * locale, HTTP wants English. */
	n = snprintf(tmp, sizeof tmp, "%s, %02d %s %04d %02d:%02d:%02d GMT",
		     wd[tm.tm_wday], tm.tm_mday, mo[tm.tm_mon],
		     tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
	if (n != YM_HTTP_DATE_LEN - 1)
		return YM_E_INVALID;
	memcpy(out, tmp, YM_HTTP_DATE_LEN);
	return 0;
}

int ym_http_retry_after_parse(const char *s, size_t n, int64_t now,
			      int64_t *delay_ms)
{
	int64_t secs = 0, when;

	trim(&s, &n);
	if (n == 0)
		return YM_E_PARSE;
	if (is_digit(s[0])) {
		for (size_t i = 0; i < n; i++) {
			if (!is_digit(s[i]))
				return YM_E_PARSE;
			if (secs < YM_HTTP_RETRY_AFTER_MAX)
				secs = secs * 10 + (s[i] - '0');
		}
	} else {
		if (ym_http_date_parse(s, n, &when) != 0)
			return YM_E_PARSE;
		if (when <= now)
			secs = 0;
		else if (now < when - YM_HTTP_RETRY_AFTER_MAX)
			secs = YM_HTTP_RETRY_AFTER_MAX;
		else
			secs = when - now;
	}
	if (secs > YM_HTTP_RETRY_AFTER_MAX)
		secs = YM_HTTP_RETRY_AFTER_MAX;
	*delay_ms = secs * 1000;
	return 0;
}

/* 1 to 18 digits: always fits in int64_t. */
static bool number(cur *c, uint64_t *out)
{
	uint64_t v = 0;
	int k = 0;

	while (c->p < c->end && is_digit(*c->p)) {
		if (++k > 18)
			return false;
		v = v * 10 + (uint64_t)(*c->p - '0');
		c->p++;
	}
	*out = v;
	return k > 0;
}

int ym_http_content_range_parse(const char *s, size_t n, uint64_t *first,
				uint64_t *last, int64_t *length)
{
	cur c;
	uint64_t f, l, len = 0;
	bool known;

	trim(&s, &n);
	c.p = s;
	c.end = s + n;
	if (!word(&c, "bytes") || !eat(&c, ' '))
		return YM_E_PARSE;
	while (eat(&c, ' '))
		;
	if (!number(&c, &f) || !eat(&c, '-') || !number(&c, &l) ||
	    !eat(&c, '/'))
		return YM_E_PARSE;
	known = !eat(&c, '*');
	if (known && !number(&c, &len))
		return YM_E_PARSE;
	if (c.p != c.end || f > l || (known && l >= len))
		return YM_E_PARSE;
	*first = f;
	*last = l;
	*length = known ? (int64_t)len : -1;
	return 0;
}

int ym_http_status_line_parse(const char *s, size_t n, int *status)
{
	cur c;
	int code;

	trim(&s, &n);
	c.p = s;
	c.end = s + n;
	if (c.end - c.p < 5 || memcmp(c.p, "HTTP/", 5) != 0)
		return YM_E_PARSE;
	c.p += 5;
	if (c.p >= c.end || !is_digit(*c.p))
		return YM_E_PARSE;
	while (c.p < c.end && (is_digit(*c.p) || *c.p == '.'))
		c.p++;
	if (!eat(&c, ' ') || !digits(&c, 3, &code) || code < 100)
		return YM_E_PARSE;
	if (c.p != c.end && *c.p != ' ')
		return YM_E_PARSE;
	*status = code;
	return 0;
}

static bool is_tchar(char ch)
{
	if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
	    is_digit(ch))
		return true;
	return ch != '\0' && strchr("!#$%&'*+-.^_`|~", ch) != NULL;
}

int ym_http_header_split(const char *s, size_t n, const char **name,
			 size_t *name_len, const char **value,
			 size_t *value_len)
{
	size_t i = 0;
	const char *v;
	size_t vn;

	while (i < n && is_tchar(s[i]))
		i++;
	if (i == 0 || i >= n || s[i] != ':')
		return YM_E_PARSE;
	v = s + i + 1;
	vn = n - i - 1;
	trim(&v, &vn);
	for (size_t k = 0; k < vn; k++)
		if (v[k] == '\r' || v[k] == '\n' || v[k] == '\0')
			return YM_E_PARSE;
	*name = s;
	*name_len = i;
	*value = v;
	*value_len = vn;
	return 0;
}
