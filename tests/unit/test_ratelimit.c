/* Unit tests for net/ratelimit.c: the sliding-window limiter, driven by a
 * fake clock whose sleep only moves its own time forward. */
#include <stdint.h>
#include <stdlib.h>

#include "net/ratelimit.h"
#include "test.h"

typedef struct fake {
	int64_t now;    /* ms */
	int64_t slept;  /* ms, summed */
	int sleeps;     /* calls to sleep */
} fake;

static int64_t fake_now(void *ctx)
{
	return ((fake *)ctx)->now;
}

static void fake_sleep(void *ctx, int64_t ms)
{
	fake *f = ctx;
	f->now += ms;
	f->slept += ms;
	f->sleeps++;
}

static ym_clock fake_clock(fake *f)
{
	ym_clock c = {fake_now, fake_sleep, f};
	return c;
}

/* No window of window_ms holds more than max of the n times in t. */
static int window_ok(const int64_t *t, int n, unsigned max,
		     int64_t window_ms)
{
	for (int i = 0; i + (int)max < n; i++)
		if (t[i + max] - t[i] < window_ms)
			return 0;
	return 1;
}

static void t_nvd_without_key(void)
{
	fake f = {0};
	ym_clock c = fake_clock(&f);
	ym_ratelimit rl;
	int64_t t[11];

	ym_ratelimit_init(&rl, 5, 30000, &c);
	for (int i = 0; i < 5; i++) {
		CHECK_INT(ym_ratelimit_wait_ms(&rl), 0);
		CHECK_INT(ym_ratelimit_acquire(&rl), 0);
		t[i] = f.now;
	}
	CHECK_INT(f.now, 0);
	/* the sixth waits for the first to leave the window */
	CHECK_INT(ym_ratelimit_wait_ms(&rl), 30000);
	f.now += 12000;
	CHECK_INT(ym_ratelimit_wait_ms(&rl), 18000);
	CHECK_INT(ym_ratelimit_acquire(&rl), 18000);
	t[5] = f.now;
	CHECK_INT(f.now, 30000);
	/* the next four go at once, the eleventh waits a full window */
	for (int i = 6; i < 10; i++) {
		CHECK_INT(ym_ratelimit_acquire(&rl), 0);
		t[i] = f.now;
	}
	CHECK_INT(ym_ratelimit_acquire(&rl), 30000);
	t[10] = f.now;
	CHECK_INT(f.now, 60000);
	CHECK_INT(f.sleeps, 2);
	CHECK(window_ok(t, 11, 5, 30000));
	ym_ratelimit_release(&rl);
}

static void t_nvd_with_key(void)
{
	fake f = {.now = 1000000};
	ym_clock c = fake_clock(&f);
	ym_ratelimit rl;

	ym_ratelimit_init(&rl, 50, 30000, &c);
	for (int i = 0; i < 150; i++)
		ym_ratelimit_acquire(&rl);
	/* 50 at once, 50 a window later, 50 two windows later */
	CHECK_INT(f.now - 1000000, 60000);
	CHECK_INT(f.slept, 60000);
	CHECK_INT(f.sleeps, 2);
	ym_ratelimit_release(&rl);
}

static void t_spread_requests_never_wait(void)
{
	fake f = {0};
	ym_clock c = fake_clock(&f);
	ym_ratelimit rl;

	/* one request every 6 s stays under 5 per 30 s forever */
	ym_ratelimit_init(&rl, 5, 30000, &c);
	for (int i = 0; i < 100; i++) {
		CHECK_INT(ym_ratelimit_acquire(&rl), 0);
		f.now += 6000;
	}
	CHECK_INT(f.sleeps, 0);
	ym_ratelimit_release(&rl);
}

static void t_random_arrivals(void)
{
	fake f = {0};
	ym_clock c = fake_clock(&f);
	ym_ratelimit rl;
	enum { N = 2000 };
	int64_t *t = malloc(N * sizeof *t);
	int64_t *w = malloc(N * sizeof *w);
	uint32_t seed = 12345;
	int waited = 0;

	CHECK(t != NULL && w != NULL);
	ym_ratelimit_init(&rl, 7, 1000, &c);
	for (int i = 0; i < N; i++) {
		seed = seed * 1103515245u + 12345u;
		f.now += (seed >> 16) % 400; /* the caller's own pauses */
		w[i] = ym_ratelimit_wait_ms(&rl);
		CHECK_INT(ym_ratelimit_acquire(&rl), w[i]);
		t[i] = f.now;
	}
	CHECK(window_ok(t, N, 7, 1000));
	/* and no longer than needed: a request that waited went exactly
	 * when the 7th before it left the window */
	for (int i = 0; i < N; i++) {
		if (w[i] == 0)
			continue;
		waited++;
		CHECK(i >= 7);
		CHECK_INT(t[i] - t[i - 7], 1000);
	}
	CHECK(waited > 100); /* the arrivals did press the limit */
	ym_ratelimit_release(&rl);
	free(t);
	free(w);
}

static void t_exact_when_waiting(void)
{
	fake f = {0};
	ym_clock c = fake_clock(&f);
	ym_ratelimit rl;

	ym_ratelimit_init(&rl, 2, 100, &c);
	ym_ratelimit_acquire(&rl);         /* 0 */
	f.now = 40;
	ym_ratelimit_acquire(&rl);         /* 40 */
	f.now = 50;
	CHECK_INT(ym_ratelimit_acquire(&rl), 50); /* 100 */
	CHECK_INT(f.now, 100);
	CHECK_INT(ym_ratelimit_acquire(&rl), 40); /* 140 */
	CHECK_INT(f.now, 140);
	CHECK_INT(ym_ratelimit_wait_ms(&rl), 60);
	ym_ratelimit_release(&rl);
}

static void t_unlimited(void)
{
	fake f = {0};
	ym_clock c = fake_clock(&f);
	ym_ratelimit rl;

	ym_ratelimit_init(&rl, 0, 30000, &c);
	for (int i = 0; i < 1000; i++)
		CHECK_INT(ym_ratelimit_acquire(&rl), 0);
	ym_ratelimit_release(&rl);
	ym_ratelimit_init(&rl, 5, 0, &c);
	for (int i = 0; i < 1000; i++)
		CHECK_INT(ym_ratelimit_acquire(&rl), 0);
	CHECK_INT(ym_ratelimit_wait_ms(&rl), 0);
	CHECK_INT(f.sleeps, 0);
	ym_ratelimit_release(&rl);
}

/* A real sleep may return early; the limiter checks the clock again. */
typedef struct lazy {
	int64_t now;
	int calls;
} lazy;

static int64_t lazy_now(void *ctx)
{
	return ((lazy *)ctx)->now;
}

static void lazy_sleep(void *ctx, int64_t ms)
{
	lazy *l = ctx;
	l->now += ms > 10 ? ms / 2 : ms; /* wakes up halfway */
	l->calls++;
}

static void t_short_sleeps(void)
{
	lazy l = {0};
	ym_clock c = {lazy_now, lazy_sleep, &l};
	ym_ratelimit rl;

	ym_ratelimit_init(&rl, 1, 1000, &c);
	ym_ratelimit_acquire(&rl);
	ym_ratelimit_acquire(&rl);
	CHECK(l.now >= 1000);
	CHECK(l.calls > 1);
	ym_ratelimit_release(&rl);
}

static void t_system_clock(void)
{
	ym_ratelimit rl;
	int64_t t0, t1;

	/* the real clock, with a 30 ms window: two requests then a wait */
	ym_ratelimit_init(&rl, 2, 30, NULL);
	t0 = ym_clock_system.now_ms(NULL);
	ym_ratelimit_acquire(&rl);
	ym_ratelimit_acquire(&rl);
	ym_ratelimit_acquire(&rl);
	t1 = ym_clock_system.now_ms(NULL);
	CHECK(t1 - t0 >= 30);
	CHECK(t1 - t0 < 1000);
	ym_ratelimit_release(&rl);
}

int main(void)
{
	RUN(t_nvd_without_key);
	RUN(t_nvd_with_key);
	RUN(t_spread_requests_never_wait);
	RUN(t_random_arrivals);
	RUN(t_exact_when_waiting);
	RUN(t_unlimited);
	RUN(t_short_sleeps);
	RUN(t_system_clock);
	return test_done();
}
