/* collect_ssh.h - a host inventory collected over SSH (libssh), without
 * an agent on the host: the same files and commands the local collector
 * reads, run as fixed command strings, parsed by the same pure parsers,
 * so the document has the same form as `yamori collect` run on the host.
 *
 * Security: the server's host key must already be in the known_hosts
 * file (SSH_KNOWN_HOSTS_OK); an unknown or changed key fails and is never
 * accepted or written. Authentication is by key only (an identity file,
 * else the ssh agent and ~/.ssh/id_*); no password is ever asked or sent.
 * ~/.ssh/config is not read: the target is exactly what is given. The
 * remote commands are constants; nothing from the user reaches them.
 *
 * Ownership: the inventory lives in the arena; the target is borrowed.
 */
#ifndef YM_INVENTORY_COLLECT_SSH_H
#define YM_INVENTORY_COLLECT_SSH_H

#include "core/arena.h"
#include "core/err.h"
#include "inventory/inventory.h"

/* Seconds for connecting and for each remote command. */
#define YM_SSH_DEFAULT_TIMEOUT 120

typedef struct ym_ssh_target {
	const char *user;         /* required */
	const char *host;         /* name or address, IPv6 without brackets */
	unsigned port;            /* 0: 22 */
	const char *identity;     /* private key file (unencrypted, or use
				   * the agent); NULL: the ssh agent, then
				   * ~/.ssh/id_ed25519, id_ecdsa, id_rsa */
	const char *known_hosts;  /* NULL: ~/.ssh/known_hosts and
				   * /etc/ssh/ssh_known_hosts; set: only
				   * this file */
	int timeout;              /* seconds, 0: YM_SSH_DEFAULT_TIMEOUT */
	const char *collected_at; /* NULL: now (UTC) */
} ym_ssh_target;

/* Parses "USER@HOST[:PORT]" (HOST may be "[v6addr]") into t (identity,
 * known_hosts, timeout and collected_at are left as they are). Strings
 * are copied into a. YM_E_USAGE with a message on a malformed spec. */
int ym_ssh_target_parse(const char *spec, ym_arena *a, ym_ssh_target *t,
			ym_err *err);

/* "ssh://user@host:port" ("[v6]" for an IPv6 address), in a. */
const char *ym_ssh_target_url(const ym_ssh_target *t, ym_arena *a);

/* Connects, verifies the host key, authenticates, runs the fixed
 * commands (cat /etc/os-release, else /usr/lib/os-release; cat
 * /var/lib/dpkg/status; cat /lib/apk/db/installed; rpm -qa --queryformat
 * YM_RPM_QUERYFORMAT; uname -r; uname -m; hostname, else cat
 * /proc/sys/kernel/hostname; cat /etc/machine-id),
 * each on its own channel, and fills out. A command that exits non-zero
 * without output means the file or tool is absent: that source is
 * skipped with a note. Errors carry "ssh://user@host:port" as the file
 * (with the remote path for a parse error): YM_E_IO for connect,
 * authentication, host key, command and timeout failures, YM_E_TOOBIG
 * for an output over YM_INVENTORY_MAX_BYTES, the parsers' codes. */
int ym_inventory_collect_ssh(ym_arena *a, const ym_ssh_target *t,
			     ym_inventory *out, ym_err *err);

#endif
