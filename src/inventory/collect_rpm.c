/* collect_rpm.c - the rpm database through `rpm -qa --queryformat`.
 *
 * rpm's database is read by rpm itself: /usr/bin/rpm is run with a fixed
 * argument vector (no shell, nothing from the user in it) and its output
 * in the format YM_RPM_QUERYFORMAT is parsed here. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/utf8.h"
#include "core/vec.h"
#include "inventory/inventory.h"

#define RPM_PATH "/usr/bin/rpm"

static int fail(ym_err *err, int code, const char *file, long line,
		const char *field, const char *msg)
{
	ym_err_set(err, code, "%s", msg);
	ym_err_at(err, file, line, 0);
	if (field)
		ym_err_field(err, "%s", field);
	return code;
}

static bool none(const char *s, size_t n)
{
	return n == 0 || (n == 6 && memcmp(s, "(none)", 6) == 0);
}

/* "openssl-3.0.7-27.el9.src.rpm" -> name "openssl", version
 * "3.0.7-27.el9"; false when it does not have that shape. */
static bool split_srpm(const char *s, size_t n, ym_arena *a,
		       const char **name, const char **version)
{
	static const char *const sfx[] = {".src.rpm", ".nosrc.rpm"};
	for (size_t i = 0; i < 2; i++) {
		size_t k = strlen(sfx[i]);
		if (n > k && memcmp(s + n - k, sfx[i], k) == 0) {
			n -= k;
			break;
		}
	}
	const char *end = s + n, *rel = NULL, *ver = NULL;
	for (const char *p = end; p > s; p--) {
		if (p[-1] != '-')
			continue;
		if (!rel) {
			rel = p - 1;
		} else {
			ver = p - 1;
			break;
		}
	}
	if (!ver || ver == s || rel - ver < 2 || end - rel < 2)
		return false;
	*name = ym_arena_strndup(a, s, (size_t)(ver - s));
	*version = ym_arena_strndup(a, ver + 1, (size_t)(end - ver - 1));
	return true;
}

int ym_rpm_query_parse(const char *text, size_t len, const char *filename,
		       ym_arena *a, ym_inv_pkglist *out, ym_err *err)
{
	const char *file = filename ? filename : "";
	static const char *const names[6] = {"NAME", "EPOCH", "VERSION",
					     "RELEASE", "ARCH", "SOURCERPM"};
	size_t pos = 0;
	long line = 0;

	if (len > YM_INVENTORY_MAX_BYTES)
		return fail(err, YM_E_TOOBIG, file, 0, NULL,
			    _("file too large"));
	while (pos < len) {
		const char *s = text + pos;
		const char *nl = memchr(s, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - s) : len - pos;
		pos += n + (nl ? 1 : 0);
		line++;
		if (n > 0 && s[n - 1] == '\r')
			n--;
		if (n == 0)
			continue;
		if (memchr(s, '\0', n) || !ym_utf8_valid(s, n, NULL))
			return fail(err, YM_E_PARSE, file, line, NULL,
				    _("NUL byte or invalid UTF-8 in the "
				      "line"));
		if (n > 6 * (size_t)YM_INVENTORY_MAX_FIELD)
			return fail(err, YM_E_TOOBIG, file, line, NULL,
				    _("line too long"));
		const char *f[6];
		size_t fl[6], nf = 0;
		const char *p = s, *end = s + n;
		for (;;) {
			const char *t = memchr(p, '\t', (size_t)(end - p));
			const char *fe = t ? t : end;
			if (nf < 6) {
				f[nf] = p;
				fl[nf] = (size_t)(fe - p);
			}
			nf++;
			if (!t)
				break;
			p = t + 1;
		}
		if (nf != 6) {
			ym_err_set(err, YM_E_PARSE,
				   _("expected 6 tab-separated fields (NAME "
				     "EPOCH VERSION RELEASE ARCH SOURCERPM), "
				     "got %zu"),
				   nf);
			ym_err_at(err, file, line, 0);
			return YM_E_PARSE;
		}
		for (int i = 0; i < 6; i++)
			if (fl[i] > YM_INVENTORY_MAX_FIELD)
				return fail(err, YM_E_TOOBIG, file, line,
					    names[i], _("value too long"));
		for (int i = 0; i < 4; i++) {
			if (i == 1)
				continue;
			if (none(f[i], fl[i]))
				return fail(err, YM_E_PARSE, file, line,
					    names[i], _("empty value"));
		}
		if (!none(f[1], fl[1])) {
			for (size_t i = 0; i < fl[1]; i++)
				if (f[1][i] < '0' || f[1][i] > '9')
					return fail(err, YM_E_PARSE, file,
						    line, "EPOCH",
						    _("epoch is not a "
						      "number"));
		}
		/* the imported signing keys are not software */
		if (fl[0] == 10 && memcmp(f[0], "gpg-pubkey", 10) == 0)
			continue;
		ym_inv_package pk = {.type = "rpm", .status = "installed"};
		pk.name = ym_arena_strndup(a, f[0], fl[0]);
		if (none(f[1], fl[1]))
			pk.version = ym_arena_printf(a, "%.*s-%.*s",
						     (int)fl[2], f[2],
						     (int)fl[3], f[3]);
		else
			pk.version = ym_arena_printf(
				a, "%.*s:%.*s-%.*s", (int)fl[1], f[1],
				(int)fl[2], f[2], (int)fl[3], f[3]);
		if (!none(f[4], fl[4]))
			pk.arch = ym_arena_strndup(a, f[4], fl[4]);
		if (!none(f[5], fl[5]) &&
		    !split_srpm(f[5], fl[5], a, &pk.source_name,
				&pk.source_version))
			return fail(err, YM_E_PARSE, file, line, "SOURCERPM",
				    _("expected NAME-VERSION-RELEASE.src.rpm"));
		ym_vec_push(out, pk);
	}
	return 0;
}

int ym_rpm_query_run(ym_buf *out, ym_err *err)
{
	/* fixed vector: nothing from the user reaches rpm */
	char *const argv[] = {RPM_PATH, "-qa", "--queryformat",
			      YM_RPM_QUERYFORMAT, NULL};
	int fds[2];
	int rc = 0, status = 0;
	char chunk[65536];

	if (access(RPM_PATH, X_OK) != 0)
		return ym_err_set(err, YM_E_NOTFOUND, _("%s not found"),
				  RPM_PATH);
	if (pipe2(fds, O_CLOEXEC) != 0)
		return ym_err_set(err, YM_E_IO, _("cannot run %s: %s"),
				  RPM_PATH, strerror(errno));
	pid_t pid = fork();
	if (pid < 0) {
		close(fds[0]);
		close(fds[1]);
		return ym_err_set(err, YM_E_IO, _("cannot run %s: %s"),
				  RPM_PATH, strerror(errno));
	}
	if (pid == 0) {
		int nul = open("/dev/null", O_RDWR);
		if (nul >= 0) {
			dup2(nul, 0);
			dup2(nul, 2);
		}
		if (dup2(fds[1], 1) < 0)
			_exit(127);
		execvp(argv[0], argv);
		_exit(127);
	}
	close(fds[1]);
	for (;;) {
		ssize_t r = read(fds[0], chunk, sizeof chunk);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			rc = ym_err_set(err, YM_E_IO,
					_("cannot read the output of %s: %s"),
					RPM_PATH, strerror(errno));
			break;
		}
		if (r == 0)
			break;
		if (!rc && ym_buf_add(out, chunk, (size_t)r) != 0)
			rc = ym_err_set(err, YM_E_TOOBIG,
					_("output of %s too large"),
					RPM_PATH);
		/* keep draining so that rpm is not blocked on a full pipe */
	}
	close(fds[0]);
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR) {
			status = -1;
			break;
		}
	}
	if (!rc && (status == -1 || !WIFEXITED(status) ||
		    WEXITSTATUS(status) != 0))
		rc = ym_err_set(err, YM_E_IO,
				_("%s -qa failed (exit status %d)"), RPM_PATH,
				WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	return rc;
}
