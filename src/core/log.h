/* log.h - leveled diagnostics on stderr.
 *
 * Logging is for operators (what happened, at which step); errors meant for
 * the user travel in ym_err and are printed by the CLI layer.
 */
#ifndef YM_CORE_LOG_H
#define YM_CORE_LOG_H

typedef enum ym_log_level {
	YM_LOG_ERROR = 0,
	YM_LOG_WARN = 1,
	YM_LOG_INFO = 2,
	YM_LOG_DEBUG = 3
} ym_log_level;

void ym_log_set_level(ym_log_level lvl);
ym_log_level ym_log_get_level(void);
/* Parses "error|warn|info|debug"; returns -1 if unknown. */
int ym_log_level_parse(const char *s);
void ym_log(ym_log_level lvl, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#define ym_error(...) ym_log(YM_LOG_ERROR, __VA_ARGS__)
#define ym_warn(...) ym_log(YM_LOG_WARN, __VA_ARGS__)
#define ym_info(...) ym_log(YM_LOG_INFO, __VA_ARGS__)
#define ym_debug(...) ym_log(YM_LOG_DEBUG, __VA_ARGS__)

#endif
