/* sync_gpg.c - OpenPGP checks of CSAF documents with the gpg program.
 *
 * gpg runs with execv and a fixed argument vector (never a shell), its
 * standard input and error on /dev/null, its standard output (the
 * machine-readable --status-fd 1 lines) read into a bounded buffer. Each
 * provider has its own keyring directory (--homedir), so a key one
 * provider lists never vouches for another's documents; --no-autostart
 * keeps gpg from starting an agent.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/i18n.h"
#include "sync/sync_gpg.h"

#define MAX_OUTPUT ((size_t)1 << 20)

bool ym_sync_gpg_find(ym_buf *out)
{
	const char *env = getenv("YAMORI_GPG");
	ym_buf_reset(out);
	if (env) {
		if (!*env || strcmp(env, "none") == 0)
			return false;
		if (access(env, X_OK) != 0)
			return false;
		ym_buf_adds(out, env);
		return true;
	}
	const char *path = getenv("PATH");
	if (!path || !*path)
		path = "/usr/bin:/bin";
	for (const char *p = path; *p;) {
		const char *colon = strchr(p, ':');
		size_t n = colon ? (size_t)(colon - p) : strlen(p);
		if (n) {
			ym_buf_reset(out);
			ym_buf_add(out, p, n);
			ym_buf_adds(out, "/gpg");
			struct stat st;
			if (stat(out->ptr, &st) == 0 && S_ISREG(st.st_mode) &&
			    access(out->ptr, X_OK) == 0)
				return true;
		}
		p += n + (colon ? 1 : 0);
	}
	ym_buf_reset(out);
	return false;
}

int ym_sync_run_argv(const char *const *argv, ym_buf *out, int *status,
		     ym_err *err)
{
	int fds[2];
	if (pipe(fds) != 0)
		return ym_err_set(err, YM_E_IO, _("cannot run %s: %s"), argv[0],
				  strerror(errno));
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0) {
		close(fds[0]);
		close(fds[1]);
		return ym_err_set(err, YM_E_IO, _("cannot run %s: %s"), argv[0],
				  strerror(errno));
	}
	if (pid == 0) {
		int null = open("/dev/null", O_RDWR);
		if (null >= 0) {
			dup2(null, STDIN_FILENO);
			dup2(null, STDERR_FILENO);
		}
		dup2(fds[1], STDOUT_FILENO);
		close(fds[0]);
		close(fds[1]);
		if (null > STDERR_FILENO)
			close(null);
		execv(argv[0], (char *const *)argv);
		_exit(127);
	}
	close(fds[1]);
	char chunk[4096];
	ssize_t n;
	while ((n = read(fds[0], chunk, sizeof chunk)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (out->len + (size_t)n <= MAX_OUTPUT)
			ym_buf_add(out, chunk, (size_t)n);
	}
	close(fds[0]);
	int ws;
	while (waitpid(pid, &ws, 0) < 0)
		if (errno != EINTR)
			return ym_err_set(err, YM_E_IO, _("cannot run %s: %s"),
					  argv[0], strerror(errno));
	*status = WIFEXITED(ws) ? WEXITSTATUS(ws) : 128;
	return 0;
}

int ym_sync_gpg_import(const char *gpg, const char *home, const char *key,
		       ym_err *err)
{
	const char *argv[] = {gpg,	    "--batch",	"--no-tty",
			      "--no-autostart", "--quiet",	"--homedir",
			      home,	    "--import", key,
			      NULL};
	ym_buf out = YM_BUF_INIT;
	int status;
	int rc = ym_sync_run_argv(argv, &out, &status, err);
	ym_buf_release(&out);
	if (rc)
		return rc;
	if (status != 0) {
		rc = ym_err_set(err, YM_E_INVALID,
				_("gpg could not import the key (exit %d)"),
				status);
		ym_err_at(err, key, 0, 0);
	}
	return rc;
}

/* "ab cd" -> "ABCD" */
static void fpr_norm(const char *s, size_t n, char *out, size_t cap)
{
	size_t k = 0;
	for (size_t i = 0; i < n && k + 1 < cap; i++)
		if (s[i] != ' ')
			out[k++] = (char)(s[i] >= 'a' && s[i] <= 'f'
						  ? s[i] - 'a' + 'A'
						  : s[i]);
	out[k] = '\0';
}

static bool listed(const char *fpr, const char *const *fprs)
{
	char a[128], b[128];
	fpr_norm(fpr, strlen(fpr), a, sizeof a);
	for (size_t i = 0; fprs && fprs[i]; i++) {
		fpr_norm(fprs[i], strlen(fprs[i]), b, sizeof b);
		if (*a && strcmp(a, b) == 0)
			return true;
	}
	return false;
}

int ym_sync_gpg_verify(const char *gpg, const char *home, const char *sig,
		       const char *doc, const char *const *fprs, ym_err *err)
{
	const char *argv[] = {gpg,	       "--batch",      "--no-tty",
			      "--no-autostart", "--homedir",   home,
			      "--status-fd",   "1",	       "--verify",
			      sig,	       doc,	       NULL};
	ym_buf out = YM_BUF_INIT;
	int status;
	int rc = ym_sync_run_argv(argv, &out, &status, err);
	if (rc)
		goto done;
	bool good = false, unlisted = false, bad = false, nokey = false;
	for (char *line = out.ptr; line && *line;) {
		char *nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		const char *p = line;
		if (strncmp(p, "[GNUPG:] ", 9) == 0) {
			p += 9;
			if (strncmp(p, "VALIDSIG ", 9) == 0) {
				/* fingerprint ... primary-key fingerprint
				 * (the 10th field) */
				char f[10][128] = {{0}};
				int nf = sscanf(p + 9,
						"%127s %127s %127s %127s %127s "
						"%127s %127s %127s %127s %127s",
						f[0], f[1], f[2], f[3], f[4],
						f[5], f[6], f[7], f[8], f[9]);
				if (!fprs || !fprs[0] || listed(f[0], fprs) ||
				    (nf >= 10 && listed(f[9], fprs)))
					good = true;
				else
					unlisted = true;
			} else if (strncmp(p, "BADSIG", 6) == 0 ||
				   strncmp(p, "ERRSIG", 6) == 0 ||
				   strncmp(p, "EXPKEYSIG", 9) == 0 ||
				   strncmp(p, "REVKEYSIG", 9) == 0) {
				bad = true;
			}
			if (strncmp(p, "NO_PUBKEY", 9) == 0)
				nokey = true;
		}
		line = nl ? nl + 1 : NULL;
	}
	if (status == 0 && good && !bad && !unlisted)
		goto done;
	if (nokey || unlisted)
		rc = ym_err_set(err, YM_E_INVALID, "%s",
				_("OpenPGP signature by a key the provider "
				  "does not list"));
	else if (bad)
		rc = ym_err_set(err, YM_E_INVALID, "%s",
				_("bad OpenPGP signature"));
	else
		rc = ym_err_set(err, YM_E_INVALID,
				_("OpenPGP signature not verified (gpg exit "
				  "%d)"),
				status);
	ym_err_at(err, doc, 0, 0);
done:
	ym_buf_release(&out);
	return rc;
}
