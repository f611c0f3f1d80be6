/* cmd_feed_sync.h - `yamori feed sync` and `yamori feed status`, called
 * from cmd_feed.c's dispatch with argv[0] "sync" or "status". */
#ifndef YM_CLI_CMD_FEED_SYNC_H
#define YM_CLI_CMD_FEED_SYNC_H

#include "cli/cli.h"

int ym_feed_sync_main(ym_ctx *ctx, int argc, char **argv);
int ym_feed_status_main(ym_ctx *ctx, int argc, char **argv);

#endif
