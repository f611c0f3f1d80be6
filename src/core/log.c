/* log.c - leveled diagnostics on stderr (see log.h). */
#include "log.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static ym_log_level current = YM_LOG_WARN;

void ym_log_set_level(ym_log_level lvl)
{
	current = lvl;
}

ym_log_level ym_log_get_level(void)
{
	return current;
}

int ym_log_level_parse(const char *s)
{
	static const char *const names[] = {"error", "warn", "info", "debug"};
	for (int i = 0; i < 4; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	return -1;
}

void ym_log(ym_log_level lvl, const char *fmt, ...)
{
	static const char *const tags[] = {"error", "warning", "info",
					   "debug"};
	if (lvl > current)
		return;
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "yamori: %s: ", tags[lvl]);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}
