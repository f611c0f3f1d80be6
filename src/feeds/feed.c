/* feed.c - the strict/skip rule shared by every feed parser. */
#include "feeds/feed.h"

int ym_feed_bad_record(const ym_feed_ctx *fc, ym_err *err)
{
	int code = err && err->code ? err->code : YM_E_INVALID;
	if (!fc || fc->strict)
		return code;
	if (fc->skip && err)
		fc->skip(err, fc->ctx);
	ym_err_clear(err);
	return 0;
}

void ym_feed_warn(const ym_feed_ctx *fc, const ym_err *w)
{
	if (fc && fc->warn)
		fc->warn(w, fc->ctx);
}

int ym_feed_emit(const ym_feed_ctx *fc, const ym_vuln *v, ym_err *err)
{
	if (!fc || !fc->vuln)
		return 0;
	return fc->vuln(v, fc->ctx, err);
}
