/* test.h - the minimal unit-test harness used by tests/unit.
 *
 * Each tests/unit/test_*.c is its own executable (registered with ctest by
 * CMake automatically). Write
 *
 *   static void t_something(void) { CHECK(x == 1); CHECK_STR(s, "abc"); }
 *   int main(void) { RUN(t_something); return test_done(); }
 *
 * A failed CHECK prints file:line and the expression, marks the test failed
 * and returns from the test function. test_done prints "N passed, N failed"
 * and returns the process exit status.
 */
#ifndef YM_TEST_H
#define YM_TEST_H

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

static int test_failed_now_;
static int test_passed_;
static int test_failed_;

#define TEST_FAIL_(...)                                                   \
	do {                                                              \
		fprintf(stderr, "%s:%d: ", __FILE__, __LINE__);           \
		fprintf(stderr, __VA_ARGS__);                             \
		fputc('\n', stderr);                                      \
		test_failed_now_ = 1;                                     \
		return;                                                   \
	} while (0)

#define CHECK(cond)                                                       \
	do {                                                              \
		if (!(cond))                                              \
			TEST_FAIL_("check failed: %s", #cond);            \
	} while (0)

#define CHECK_INT(a, b)                                                   \
	do {                                                              \
		long long a_ = (long long)(a), b_ = (long long)(b);        \
		if (a_ != b_)                                             \
			TEST_FAIL_("%s == %lld, expected %s == %lld", #a, \
				   a_, #b, b_);                           \
	} while (0)

#define CHECK_STR(a, b)                                                   \
	do {                                                              \
		const char *a_ = (a), *b_ = (b);                          \
		if (a_ == NULL || b_ == NULL || strcmp(a_, b_) != 0)      \
			TEST_FAIL_("%s == \"%s\", expected \"%s\"", #a,   \
				   a_ ? a_ : "(null)",                    \
				   b_ ? b_ : "(null)");                   \
	} while (0)

#define RUN(fn)                                                           \
	do {                                                              \
		test_failed_now_ = 0;                                     \
		fn();                                                     \
		if (test_failed_now_) {                                   \
			test_failed_++;                                   \
			fprintf(stderr, "FAIL %s\n", #fn);                \
		} else {                                                  \
			test_passed_++;                                   \
		}                                                         \
	} while (0)

static inline int test_done(void)
{
	printf("%d passed, %d failed\n", test_passed_, test_failed_);
	return test_failed_ ? 1 : 0;
}

#endif
