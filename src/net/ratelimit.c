/* ratelimit.c - sliding-window request limiter (see ratelimit.h). */
#include "net/ratelimit.h"

#include <stdlib.h>

#include "core/xalloc.h"

void ym_ratelimit_init(ym_ratelimit *rl, unsigned max, int64_t window_ms,
		       const ym_clock *clock)
{
	if (max > YM_RATELIMIT_MAX_REQUESTS)
		max = YM_RATELIMIT_MAX_REQUESTS;
	if (window_ms <= 0)
		max = 0;
	rl->max = max;
	rl->window_ms = max ? window_ms : 0;
	rl->sent = max ? ym_xcalloc(max, sizeof *rl->sent) : NULL;
	rl->count = 0;
	rl->oldest = 0;
	rl->clock = clock ? *clock : ym_clock_system;
}

void ym_ratelimit_release(ym_ratelimit *rl)
{
	free(rl->sent);
	rl->sent = NULL;
	rl->max = 0;
	rl->count = 0;
	rl->oldest = 0;
}

static int64_t wait_at(const ym_ratelimit *rl, int64_t now)
{
	int64_t free_at;

	if (rl->max == 0 || rl->count < rl->max)
		return 0;
	/* The ring is full: the oldest of the last max requests must leave
	 * the window before another may enter it. */
	free_at = rl->sent[rl->oldest] + rl->window_ms;
	return free_at > now ? free_at - now : 0;
}

int64_t ym_ratelimit_wait_ms(const ym_ratelimit *rl)
{
	if (rl->max == 0)
		return 0;
	return wait_at(rl, rl->clock.now_ms(rl->clock.ctx));
}

int64_t ym_ratelimit_acquire(ym_ratelimit *rl)
{
	int64_t slept = 0, now, w;

	if (rl->max == 0)
		return 0;
	/* Loop: a real sleep may end early, a fake clock may not move. */
	for (int guard = 0;; guard++) {
		now = rl->clock.now_ms(rl->clock.ctx);
		w = wait_at(rl, now);
		if (w <= 0 || guard >= 1000)
			break;
		rl->clock.sleep_ms(rl->clock.ctx, w);
		slept += w;
	}
	if (rl->count < rl->max) {
		rl->sent[(rl->oldest + rl->count) % rl->max] = now;
		rl->count++;
	} else {
		rl->sent[rl->oldest] = now;
		rl->oldest = (rl->oldest + 1) % rl->max;
	}
	return slept;
}
