/* ratelimit.h - at most N requests in any sliding window of W milliseconds.
 *
 * The limiter remembers when each of the last N requests was let through
 * (a ring of N timestamps). A new request may go when fewer than N were
 * let through in the last W ms, that is once the oldest remembered one is
 * W ms old; ym_ratelimit_acquire sleeps until then and records the new
 * request. So no window of W ms ever holds more than N requests, with no
 * fixed window boundaries to burst across.
 *
 * NVD's CVE API allows 5 requests per rolling 30 s without an API key and
 * 50 with one: ym_ratelimit_init(&rl, key ? 50 : 5, 30000, NULL). Times are
 * taken when a request is let through, before it is sent, so the spacing
 * the server sees differs from it only by the network's jitter.
 *
 * Time and sleep come from a ym_clock (NULL: the system clock), so unit
 * tests drive it with a fake clock and never sleep. A limiter is not
 * thread-safe; one limiter may be shared by several ym_http clients that
 * talk to the same service from one thread.
 */
#ifndef YM_NET_RATELIMIT_H
#define YM_NET_RATELIMIT_H

#include <stdint.h>

#include "net/clock.h"

/* Largest N accepted; more is treated as this many. */
#define YM_RATELIMIT_MAX_REQUESTS 100000u

typedef struct ym_ratelimit {
	unsigned max;      /* requests allowed per window; 0: no limit */
	int64_t window_ms; /* window length; <= 0: no limit */
	int64_t *sent;     /* ring of the last `max` request times (ms) */
	unsigned count;    /* entries of sent in use, <= max */
	unsigned oldest;   /* ring index of the oldest entry */
	ym_clock clock;    /* time source and sleep */
} ym_ratelimit;

/* max == 0 or window_ms <= 0 makes a limiter that never waits. clock is
 * copied; NULL means ym_clock_system. */
void ym_ratelimit_init(ym_ratelimit *rl, unsigned max, int64_t window_ms,
		       const ym_clock *clock);
void ym_ratelimit_release(ym_ratelimit *rl);

/* Milliseconds a request made now would have to wait (0: it may go). */
int64_t ym_ratelimit_wait_ms(const ym_ratelimit *rl);

/* Waits (through the clock's sleep) until a request may go, records it,
 * and returns the milliseconds slept. */
int64_t ym_ratelimit_acquire(ym_ratelimit *rl);

#endif
