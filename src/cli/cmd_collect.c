/* cmd_collect.c - yamori collect: a host's inventory (OS and installed
 * packages), of this host or of another one over SSH, as a document for
 * `yamori import inventory`, or straight into the ledger with --import. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/arena.h"
#include "core/i18n.h"
#include "inventory/collect_ssh.h"
#include "inventory/host_import.h"
#include "inventory/inventory.h"

static void usage(void)
{
	printf(_("usage: yamori collect [--output FILE] [--import] "
		 "[--asset NAME] [--dept CODE]\n"
		 "                      [--root DIR | --ssh USER@HOST[:PORT] "
		 "[--identity FILE]\n"
		 "                       [--known-hosts FILE]]\n"
		 "\n"
		 "Collects this host's inventory: os-release, kernel, and the "
		 "installed\npackages from the dpkg status database, the apk "
		 "database and rpm. Writes\nthe inventory document (JSON, "
		 "docs/inventory.md) to FILE or stdout, to be\ncarried to the "
		 "yamori host and read with 'yamori import inventory'; with\n"
		 "--import it goes into the ledger at once (as the host's "
		 "asset: its\nhostname, or --asset).\n"
		 "  --root DIR   read the files below DIR (a mounted image or "
		 "container)\n"
		 "  --ssh USER@HOST[:PORT]\n"
		 "               collect another host over SSH; nothing is "
		 "installed there.\n"
		 "               The same files are read with fixed commands "
		 "(cat, rpm -qa,\n"
		 "               uname, hostname). Port 22 unless given; an "
		 "IPv6 address\n"
		 "               in brackets. The host key must already be in "
		 "the known\n"
		 "               hosts file (never accepted automatically). "
		 "Key\n"
		 "               authentication only: the ssh agent, then "
		 "~/.ssh/id_ed25519,\n"
		 "               id_ecdsa, id_rsa. ~/.ssh/config is not read.\n"
		 "  --identity FILE\n"
		 "               authenticate with this private key (not "
		 "encrypted; load an\n"
		 "               encrypted key into the ssh agent instead)\n"
		 "  --known-hosts FILE\n"
		 "               check the host key against FILE only "
		 "(default\n"
		 "               ~/.ssh/known_hosts and "
		 "/etc/ssh/ssh_known_hosts)\n"));
}

int ym_cmd_collect(ym_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"output", required_argument, NULL, 'o'},
		{"import", no_argument, NULL, 'i'},
		{"asset", required_argument, NULL, 'a'},
		{"dept", required_argument, NULL, 'd'},
		{"root", required_argument, NULL, 'r'},
		{"ssh", required_argument, NULL, 's'},
		{"identity", required_argument, NULL, 'I'},
		{"known-hosts", required_argument, NULL, 'k'},
		{0}};
	const char *output = NULL, *asset = NULL, *dept = NULL, *root = NULL;
	const char *ssh = NULL, *identity = NULL, *known_hosts = NULL;
	bool import = false;
	int c;
	if (ym_cli_wants_help(argc, argv)) {
		usage();
		return YM_EXIT_OK;
	}
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'o': output = optarg; break;
		case 'i': import = true; break;
		case 'a': asset = optarg; break;
		case 'd': dept = optarg; break;
		case 'r': root = optarg; break;
		case 's': ssh = optarg; break;
		case 'I': identity = optarg; break;
		case 'k': known_hosts = optarg; break;
		default: return ym_cli_bad_option("collect", c, argv);
		}
	}
	if (optind < argc)
		return ym_cli_usage("collect", _("unexpected argument '%s'"),
				    argv[optind]);
	if ((asset || dept) && !import)
		return ym_cli_usage("collect",
				    _("--asset and --dept go with --import"));
	if (root && ssh)
		return ym_cli_usage("collect",
				    _("--root and --ssh exclude each other"));
	if ((identity || known_hosts) && !ssh)
		return ym_cli_usage("collect", _("--identity and --known-hosts "
						 "go with --ssh"));
	if (import && !output)
		return ym_cli_usage("collect",
				    _("--import needs --output FILE (the "
				      "document is kept as evidence)"));
	ym_err err = YM_ERR_INIT;
	ym_arena a;
	ym_inventory inv;
	ym_buf doc = YM_BUF_INIT;
	ym_arena_init(&a, 0);
	/* YAMORI_NOW fixes the time, for reproducible documents in tests */
	const char *now = getenv("YAMORI_NOW");
	int rc;
	if (ssh) {
		ym_ssh_target t = {.identity = identity,
				   .known_hosts = known_hosts,
				   .collected_at = now && *now ? now : NULL};
		if (ym_ssh_target_parse(ssh, &a, &t, &err)) {
			ym_arena_release(&a);
			return ym_cli_usage("collect", "--ssh %s", err.msg);
		}
		rc = ym_inventory_collect_ssh(&a, &t, &inv, &err);
	} else {
		ym_inv_collect_opts o = {
			.root = root, .collected_at = now && *now ? now : NULL};
		rc = ym_inventory_collect(&a, &o, &inv, &err);
	}
	if (!rc) {
		ym_inventory_write(&inv, true, &doc);
		if (output) {
			FILE *f = fopen(output, "w");
			if (!f || fwrite(doc.ptr, 1, doc.len, f) != doc.len) {
				rc = ym_err_set(&err, YM_E_IO,
						_("cannot write"));
				ym_err_at(&err, output, 0, 0);
			}
			if (f && fclose(f) != 0 && !rc) {
				rc = ym_err_set(&err, YM_E_IO,
						_("cannot write"));
				ym_err_at(&err, output, 0, 0);
			}
		} else {
			ym_cli_out(&doc);
		}
	}
	if (!rc && output)
		ym_cli_note(ctx, _("%s: %zu packages of %s"), output,
			    inv.n_packages,
			    inv.host.hostname ? inv.host.hostname : "?");
	if (!rc && import) {
		int64_t dept_id = 0;
		ym_host_import_result res;
		int orc = ym_cli_open_store(ctx, false);
		if (orc) {
			ym_buf_release(&doc);
			ym_arena_release(&a);
			return orc;
		}
		if (dept)
			rc = ym_store_department_find(ctx->store, dept,
						      &dept_id, &err);
		if (!rc)
			rc = ym_inventory_import_file(ctx->store, output, asset,
						      dept_id, &res, &err);
		if (!rc)
			ym_cli_note(ctx,
				    _("imported: %lld added, %lld removed, "
				      "%lld upgraded, %lld unchanged"),
				    (long long)res.diff.added,
				    (long long)res.diff.removed,
				    (long long)res.diff.upgraded,
				    (long long)res.diff.unchanged);
	}
	ym_buf_release(&doc);
	ym_arena_release(&a);
	return rc ? ym_cli_fail(&err) : YM_EXIT_OK;
}
