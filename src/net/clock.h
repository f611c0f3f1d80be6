/* clock.h - a monotonic clock and a sleep that tests can replace.
 *
 * The rate limiter and the HTTP client's retry waits read time and sleep
 * only through a ym_clock, so unit tests pass a fake one whose sleep just
 * advances its own counter. ym_clock_system is the real thing:
 * CLOCK_MONOTONIC and nanosleep (restarted after a signal).
 */
#ifndef YM_NET_CLOCK_H
#define YM_NET_CLOCK_H

#include <stdint.h>

typedef struct ym_clock {
	/* Milliseconds on a clock that never goes backwards. */
	int64_t (*now_ms)(void *ctx);
	/* Blocks for ms milliseconds (ms > 0). */
	void (*sleep_ms)(void *ctx, int64_t ms);
	void *ctx; /* passed to both */
} ym_clock;

extern const ym_clock ym_clock_system;

#endif
