/* clock.c - the system clock behind ym_clock (see clock.h). */
#include "net/clock.h"

#include <errno.h>
#include <time.h>

static int64_t system_now_ms(void *ctx)
{
	struct timespec ts;

	(void)ctx;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void system_sleep_ms(void *ctx, int64_t ms)
{
	struct timespec ts, rem;

	(void)ctx;
	if (ms <= 0)
		return;
	ts.tv_sec = (time_t)(ms / 1000);
	ts.tv_nsec = (long)(ms % 1000) * 1000000L;
	while (nanosleep(&ts, &rem) != 0 && errno == EINTR)
		ts = rem;
}

const ym_clock ym_clock_system = {
	.now_ms = system_now_ms,
	.sleep_ms = system_sleep_ms,
	.ctx = 0,
};
