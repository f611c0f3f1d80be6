/* policy_int.h - shared by policy.c (loading) and policy_eval.c
 * (evaluation, dates); not for other modules. */
#ifndef YM_RISK_POLICY_INT_H
#define YM_RISK_POLICY_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* "YYYY-MM-DD" (exactly n bytes, a real date from 1970 to 9999) to days
 * since 1970-01-01. */
bool ym_policy_date_parse_(const char *s, size_t n, int64_t *day);
/* "+HH:MM", "-HH:MM" (up to 14:00), "Z", "UTC", "Asia/Tokyo", "JST" to
 * minutes east of UTC. */
bool ym_policy_offset_parse_(const char *s, int *minutes);

#endif
