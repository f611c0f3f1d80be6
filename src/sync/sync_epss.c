/* sync_epss.c - FIRST EPSS: the daily scores file (.csv.gz) fetched with
 * a conditional GET (ETag / If-Modified-Since kept in feed_state "epss");
 * a 304 means today's scores are already here. */
#include <stdio.h>

#include "core/i18n.h"
#include "net/http_url.h"
#include "sync/sync_int.h"

#define EPSS_FILE "epss_scores-current.csv.gz"

int ym_sync_epss(ym_sync_job *j, ym_err *err)
{
	ym_buf url = YM_BUF_INIT;
	bool changed = false;
	int rc = 0;
	ym_http *h = ym_sync_http_new(j, NULL, err);
	if (!h)
		return err ? err->code : YM_E_IO;
	ym_http_url_join(&url, j->base, EPSS_FILE);
	rc = ym_sync_conditional_file(j, h, "epss", url.ptr, "epss",
				      EPSS_FILE, &changed, err);
	if (!rc && !changed) {
		j->r->status = YM_SYNC_NOT_MODIFIED;
		snprintf(j->r->note, sizeof j->r->note, "%s",
			 _("not modified"));
	}
	ym_http_free(h);
	ym_buf_release(&url);
	return rc;
}
