/* progress.h - a one-line progress meter for long operations.
 *
 * Drawn on stderr only when stderr is a terminal and output is not
 * silenced (ym_progress_set_quiet), at most ten times a second.
 */
#ifndef YM_CORE_PROGRESS_H
#define YM_CORE_PROGRESS_H

#include <stdbool.h>
#include <stdint.h>

typedef struct ym_progress {
	const char *label; /* what is being done, translated */
	uint64_t total;    /* 0 when unknown */
	uint64_t done;
	int64_t last_ms;   /* when the line was last drawn */
	bool active;       /* drawing at all */
	bool drawn;        /* something is on the line to clear */
} ym_progress;

void ym_progress_set_quiet(bool quiet);
void ym_progress_start(ym_progress *p, const char *label, uint64_t total);
void ym_progress_update(ym_progress *p, uint64_t done);
void ym_progress_end(ym_progress *p);

#endif
