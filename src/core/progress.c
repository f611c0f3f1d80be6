/* progress.c - terminal progress meter (see progress.h). */
#include "core/progress.h"

#include <stdio.h>
#include <time.h>
#include <unistd.h>

static bool quiet_all;

void ym_progress_set_quiet(bool quiet)
{
	quiet_all = quiet;
}

static int64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void draw(ym_progress *p)
{
	if (p->total)
		fprintf(stderr, "\r%s: %llu/%llu (%d%%)\033[K", p->label,
			(unsigned long long)p->done,
			(unsigned long long)p->total,
			(int)(p->done * 100 / p->total));
	else
		fprintf(stderr, "\r%s: %llu\033[K", p->label,
			(unsigned long long)p->done);
	p->drawn = true;
}

void ym_progress_start(ym_progress *p, const char *label, uint64_t total)
{
	p->label = label;
	p->total = total;
	p->done = 0;
	p->last_ms = 0;
	p->drawn = false;
	p->active = !quiet_all && isatty(STDERR_FILENO);
}

void ym_progress_update(ym_progress *p, uint64_t done)
{
	p->done = done;
	if (!p->active)
		return;
	int64_t t = now_ms();
	if (t - p->last_ms < 100)
		return;
	p->last_ms = t;
	draw(p);
}

void ym_progress_end(ym_progress *p)
{
	if (p->active && p->drawn)
		fputs("\r\033[K", stderr);
	p->active = false;
}
