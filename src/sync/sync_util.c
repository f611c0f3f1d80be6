/* sync_util.c - time, cursor and hash-file helpers of feed sync; pure
 * functions, unit-tested in tests/unit/test_sync.c. */
#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sync/sync_int.h"

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
 * days_from_civil). */
static int64_t days_from_civil(int64_t y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int *y, int *m, int *d)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* n digits at *p into *v; advances *p. */
static bool digits(const char **p, int n, int *v)
{
	*v = 0;
	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)(*p)[i]))
			return false;
		*v = *v * 10 + ((*p)[i] - '0');
	}
	*p += n;
	return true;
}

static int month_days(int y, int m)
{
	static const int md[] = {31, 28, 31, 30, 31, 30,
				 31, 31, 30, 31, 30, 31};
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : md[m - 1];
}

int ym_sync_time_parse(const char *s, int64_t *out)
{
	const char *p = s;
	int y, mo, d, h = 0, mi = 0, sec = 0;
	if (!s || !digits(&p, 4, &y) || *p++ != '-' || !digits(&p, 2, &mo) ||
	    *p++ != '-' || !digits(&p, 2, &d))
		return -1;
	if (mo < 1 || mo > 12 || d < 1 || d > month_days(y, mo))
		return -1;
	int64_t offset = 0;
	if (*p == 'T' || *p == 't' || *p == ' ') {
		p++;
		if (!digits(&p, 2, &h) || *p++ != ':' || !digits(&p, 2, &mi))
			return -1;
		if (*p == ':') {
			p++;
			if (!digits(&p, 2, &sec))
				return -1;
			if (*p == '.' || *p == ',') {
				p++;
				if (!isdigit((unsigned char)*p))
					return -1;
				while (isdigit((unsigned char)*p))
					p++;
			}
		}
		if (h > 23 || mi > 59 || sec > 60)
			return -1;
		if (*p == 'Z' || *p == 'z') {
			p++;
		} else if (*p == '+' || *p == '-') {
			int sign = *p++ == '-' ? -1 : 1, oh, om = 0;
			if (!digits(&p, 2, &oh))
				return -1;
			if (*p == ':')
				p++;
			if (isdigit((unsigned char)*p) && !digits(&p, 2, &om))
				return -1;
			if (oh > 23 || om > 59)
				return -1;
			offset = sign * (oh * 3600 + om * 60);
		}
	}
	if (*p)
		return -1;
	*out = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec -
	       offset;
	return 0;
}

void ym_sync_time_ymd(int64_t t, int *y, int *m, int *d)
{
	int64_t days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
	civil_from_days(days, y, m, d);
}

static void hms(int64_t t, int *h, int *mi, int *s)
{
	int64_t r = t % 86400;
	if (r < 0)
		r += 86400;
	*h = (int)(r / 3600);
	*mi = (int)(r / 60 % 60);
	*s = (int)(r % 60);
}

void ym_sync_time_iso(int64_t t, char out[32])
{
	int y, mo, d, h, mi, s;
	ym_sync_time_ymd(t, &y, &mo, &d);
	hms(t, &h, &mi, &s);
	snprintf(out, 32, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, mo, d, h, mi,
		 s);
}

void ym_sync_time_nvd(int64_t t, char out[40])
{
	int y, mo, d, h, mi, s;
	ym_sync_time_ymd(t, &y, &mo, &d);
	hms(t, &h, &mi, &s);
	snprintf(out, 40, "%04d-%02d-%02dT%02d:%02d:%02d.000+00:00", y, mo, d,
		 h, mi, s);
}

int64_t ym_sync_now(void)
{
	const char *fixed = getenv("YAMORI_NOW");
	int64_t t;
	if (fixed && *fixed && ym_sync_time_parse(fixed, &t) == 0)
		return t;
	return (int64_t)time(NULL);
}

bool ym_sync_kv_get(const char *cursor, const char *key, char *out,
		    size_t n)
{
	size_t kl = strlen(key);
	for (const char *p = cursor; p && *p;) {
		while (*p == ' ')
			p++;
		const char *end = strchr(p, ' ');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len > kl && strncmp(p, key, kl) == 0 && p[kl] == '=') {
			size_t vl = len - kl - 1;
			if (vl >= n)
				return false;
			memcpy(out, p + kl + 1, vl);
			out[vl] = '\0';
			return true;
		}
		p += len;
	}
	return false;
}

void ym_sync_kv_add(ym_buf *b, const char *key, const char *value)
{
	if (!value || !*value)
		return;
	ym_buf_printf(b, "%s%s=%s", b->len ? " " : "", key, value);
}

void ym_sync_kv_addi(ym_buf *b, const char *key, int64_t value)
{
	char v[32];
	snprintf(v, sizeof v, "%" PRId64, value);
	ym_sync_kv_add(b, key, v);
}

bool ym_sync_nvd_window(int64_t upto, int64_t now, int64_t *from,
			int64_t *to)
{
	if (upto >= now)
		return false;
	int64_t max = (int64_t)YM_SYNC_NVD_WINDOW_DAYS * 86400;
	*from = upto;
	*to = now - upto > max ? upto + max : now;
	return true;
}

int ym_sync_hash_file_digest(const char *text, size_t len, size_t hexlen,
			     char *out)
{
	const char *p = text, *end = text + len;
	/* BSD style: "SHA256 (file) = hex" */
	const char *eq = memchr(text, '=', len);
	const char *nl = memchr(text, '\n', len);
	if (eq && (!nl || eq < nl) && len > 0 && isalpha((unsigned char)*p)) {
		p = eq + 1;
		while (p < end && *p == ' ')
			p++;
	}
	while (p < end && isspace((unsigned char)*p))
		p++;
	size_t n = 0;
	while (p + n < end && isxdigit((unsigned char)p[n]))
		n++;
	if (n != hexlen)
		return -1;
	if (p + n < end && !isspace((unsigned char)p[n]))
		return -1;
	for (size_t i = 0; i < n; i++)
		out[i] = (char)tolower((unsigned char)p[i]);
	out[n] = '\0';
	return 0;
}

void ym_sync_safe_name(const char *s, size_t len, char *out, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < len && k + 1 < n; i++) {
		unsigned char c = (unsigned char)s[i];
		bool ok = isalnum(c) || c == '-' || c == '_' ||
			  (c == '.' && k > 0);
		out[k++] = ok ? (char)c : '_';
	}
	if (k == 0 && n > 1)
		out[k++] = '_';
	if (n)
		out[k] = '\0';
}
