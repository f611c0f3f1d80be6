/* collect_ssh.c - a host inventory over SSH with libssh (see
 * collect_ssh.h and docs/inventory.md). Every remote command is a
 * constant string run on its own channel; its standard output is read
 * with a size cap and a deadline, standard error is drained and only
 * looked at to tell a missing file from another failure. */
#include "inventory/collect_ssh.h"

#include <libssh/callbacks.h>
#include <libssh/libssh.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/i18n.h"
#include "core/utf8.h"
#include "core/vec.h"

typedef YM_VEC(const char *) str_vec;

/* The remote commands: fixed strings, nothing from the user in them. */
#define CMD_OSRELEASE "cat /etc/os-release"
#define CMD_OSRELEASE_USR "cat /usr/lib/os-release"
#define CMD_DPKG "cat /var/lib/dpkg/status"
#define CMD_APK "cat /lib/apk/db/installed"
#define CMD_RPM "rpm -qa --queryformat '" YM_RPM_QUERYFORMAT "'"
#define CMD_KERNEL "uname -r"
#define CMD_ARCH "uname -m"
#define CMD_HOSTNAME "hostname"
#define CMD_HOSTNAME_PROC "cat /proc/sys/kernel/hostname"
#define CMD_MACHINE_ID "cat /etc/machine-id"

/* Standard error kept per command, only to recognise "No such file". */
#define STDERR_KEEP 512

typedef struct sctx {
	ym_arena *a;
	ssh_session s;
	const char *url;  /* ssh://user@host:port */
	int timeout;      /* seconds per command */
	ym_buf out;       /* standard output of the last command */
	char errtext[STDERR_KEEP + 1];
	int status;       /* its exit status, -1 when none was sent */
} sctx;

static int fail(ym_err *err, const char *url, int code, const char *fmt,
		...) __attribute__((format(printf, 4, 5)));

static int fail(ym_err *err, const char *url, int code, const char *fmt,
		...)
{
	va_list ap;
	va_start(ap, fmt);
	ym_err_setv(err, code, fmt, ap);
	va_end(ap);
	ym_err_at(err, url, 0, 0);
	return code;
}

/* ---- the target ---- */

static bool user_ok(const char *s, size_t n)
{
	if (n == 0 || n > 255 || s[0] == '-')
		return false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '.' || c == '_' ||
		      c == '-' || c == '$'))
			return false;
	}
	return true;
}

static bool host_ok(const char *s, size_t n, bool v6)
{
	if (n == 0 || n > 253 || s[0] == '-')
		return false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			     (c >= '0' && c <= '9');
		if (v6 ? !(alnum || c == ':' || c == '.' || c == '%')
		       : !(alnum || c == '.' || c == '-' || c == '_'))
			return false;
	}
	return true;
}

int ym_ssh_target_parse(const char *spec, ym_arena *a, ym_ssh_target *t,
			ym_err *err)
{
	const char *at = strchr(spec, '@');
	const char *h, *hend, *p;
	bool v6 = false;
	if (!at)
		return ym_err_set(err, YM_E_USAGE,
				  _("'%.128s' is not USER@HOST[:PORT]: the "
				    "user name is missing"),
				  spec);
	if (!user_ok(spec, (size_t)(at - spec)))
		return ym_err_set(err, YM_E_USAGE,
				  _("'%.128s': invalid user name (letters, "
				    "digits, '.', '_', '-')"),
				  spec);
	h = at + 1;
	if (*h == '[') {
		v6 = true;
		h++;
		hend = strchr(h, ']');
		if (!hend)
			return ym_err_set(err, YM_E_USAGE,
					  _("'%.128s': missing ']' after the "
					    "IPv6 address"),
					  spec);
		p = hend + 1;
		if (*p && *p != ':')
			return ym_err_set(err, YM_E_USAGE,
					  _("'%.128s': expected ':PORT' after "
					    "']'"),
					  spec);
	} else {
		hend = strchr(h, ':');
		if (hend && strchr(hend + 1, ':'))
			return ym_err_set(err, YM_E_USAGE,
					  _("'%.128s': write an IPv6 address "
					    "in brackets, USER@[ADDRESS]:PORT"),
					  spec);
		if (!hend)
			hend = h + strlen(h);
		p = hend;
	}
	if (!host_ok(h, (size_t)(hend - h), v6))
		return ym_err_set(err, YM_E_USAGE,
				  _("'%.128s': invalid host name or address"),
				  spec);
	t->port = 22;
	if (*p == ':') {
		unsigned long port = 0;
		const char *d = p + 1;
		if (!*d)
			return ym_err_set(err, YM_E_USAGE,
					  _("'%.128s': the port is missing "
					    "after ':'"),
					  spec);
		for (; *d; d++) {
			if (*d < '0' || *d > '9' || port > 65535)
				break;
			port = port * 10 + (unsigned long)(*d - '0');
		}
		if (*d || port == 0 || port > 65535)
			return ym_err_set(err, YM_E_USAGE,
					  _("'%.128s': the port must be a "
					    "number from 1 to 65535"),
					  spec);
		t->port = (unsigned)port;
	}
	t->user = ym_arena_strndup(a, spec, (size_t)(at - spec));
	t->host = ym_arena_strndup(a, h, (size_t)(hend - h));
	return 0;
}

const char *ym_ssh_target_url(const ym_ssh_target *t, ym_arena *a)
{
	bool v6 = t->host && strchr(t->host, ':');
	return ym_arena_printf(a, "ssh://%s@%s%s%s:%u",
			       t->user ? t->user : "", v6 ? "[" : "",
			       t->host ? t->host : "", v6 ? "]" : "",
			       t->port ? t->port : 22);
}

/* ---- connecting ---- */

/* Refuses every passphrase prompt: an encrypted key is for the agent. */
static int no_passphrase(const char *prompt, char *buf, size_t len,
			 int echo, int verify, void *userdata)
{
	return -1;
}

static const char *key_kind(ssh_key k)
{
	switch (ssh_key_type(k)) {
	case SSH_KEYTYPE_ED25519: return "ED25519";
	case SSH_KEYTYPE_RSA: return "RSA";
	case SSH_KEYTYPE_ECDSA_P256:
	case SSH_KEYTYPE_ECDSA_P384:
	case SSH_KEYTYPE_ECDSA_P521: return "ECDSA";
	default: {
		const char *n = ssh_key_type_to_char(ssh_key_type(k));
		return n ? n : "unknown";
	}
	}
}

/* The host key must be in known_hosts (SSH_KNOWN_HOSTS_OK); anything
 * else fails with the key's SHA-256 fingerprint as ssh prints it. */
static int verify_host(sctx *c, const ym_ssh_target *t, ym_err *err)
{
	ssh_key key = NULL;
	unsigned char *hash = NULL;
	size_t hlen = 0;
	char *fp = NULL;
	const char *file = t->known_hosts ? t->known_hosts
					  : "~/.ssh/known_hosts";
	bool v6 = strchr(t->host, ':') != NULL;
	const char *name =
		t->port == 22
			? t->host
			: ym_arena_printf(c->a, "[%s]:%u", t->host, t->port);
	const char *scan = ym_arena_printf(c->a, "ssh-keyscan -p %u %s%s%s",
					   t->port, v6 ? "'" : "", t->host,
					   v6 ? "'" : "");
	int rc = 0;

	if (ssh_get_server_publickey(c->s, &key) != SSH_OK)
		return fail(err, c->url, YM_E_IO,
			    _("cannot get the server's host key: %s"),
			    ssh_get_error(c->s));
	if (ssh_get_publickey_hash(key, SSH_PUBLICKEY_HASH_SHA256, &hash,
				   &hlen) != 0 ||
	    !(fp = ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash,
					    hlen))) {
		rc = fail(err, c->url, YM_E_IO,
			  _("cannot compute the host key fingerprint"));
		goto out;
	}
	switch (ssh_session_is_known_server(c->s)) {
	case SSH_KNOWN_HOSTS_OK:
		break;
	case SSH_KNOWN_HOSTS_CHANGED:
		rc = fail(err, c->url, YM_E_IO,
			  _("host key changed: %s sent the %s key %s, which "
			    "does not match the key for it in %s. This may be "
			    "an attack (or the host was reinstalled): verify "
			    "the new fingerprint with the host's "
			    "administrator, then replace the old key "
			    "(ssh-keygen -R '%s' -f %s; %s prints the new "
			    "one)"),
			  name, key_kind(key), fp, file, name, file, scan);
		break;
	case SSH_KNOWN_HOSTS_OTHER:
		rc = fail(err, c->url, YM_E_IO,
			  _("host key changed: %s sent the %s key %s, but %s "
			    "holds a key of another type for it. This may be "
			    "an attack: verify the fingerprint with the "
			    "host's administrator before adding it"),
			  name, key_kind(key), fp, file);
		break;
	case SSH_KNOWN_HOSTS_UNKNOWN:
	case SSH_KNOWN_HOSTS_NOT_FOUND:
		rc = fail(err, c->url, YM_E_IO,
			  _("host key unknown: %s is not in %s (its %s key "
			    "fingerprint is %s). Verify the fingerprint with "
			    "the host's administrator, then add the key to "
			    "%s (%s prints it, or connect once with ssh); "
			    "yamori never accepts a host key by itself"),
			  name, file, key_kind(key), fp, file, scan);
		break;
	case SSH_KNOWN_HOSTS_ERROR:
	default:
		rc = fail(err, c->url, YM_E_IO,
			  _("cannot check the host key against %s: %s"), file,
			  ssh_get_error(c->s));
		break;
	}
out:
	if (fp)
		ssh_string_free_char(fp);
	if (hash)
		ssh_clean_pubkey_hash(&hash);
	ssh_key_free(key);
	return rc;
}

static int authenticate(sctx *c, const ym_ssh_target *t, ym_err *err)
{
	int rc = ssh_userauth_none(c->s, NULL);
	if (rc == SSH_AUTH_SUCCESS)
		return 0;
	if (rc == SSH_AUTH_ERROR)
		return fail(err, c->url, YM_E_IO,
			    _("authentication failed: %s"),
			    ssh_get_error(c->s));
	if (!(ssh_userauth_list(c->s, NULL) & SSH_AUTH_METHOD_PUBLICKEY))
		return fail(err, c->url, YM_E_IO,
			    _("authentication failed: the server does not "
			      "accept public keys (yamori uses key "
			      "authentication only)"));
	if (t->identity) {
		ssh_key key = NULL;
		if (ssh_pki_import_privkey_file(t->identity, NULL,
						no_passphrase, NULL,
						&key) != SSH_OK)
			return fail(err, c->url, YM_E_IO,
				    _("cannot read the identity file %s "
				      "(missing, not a private key, or "
				      "encrypted: load an encrypted key into "
				      "the ssh agent instead)"),
				    t->identity);
		rc = ssh_userauth_publickey(c->s, NULL, key);
		ssh_key_free(key);
		if (rc != SSH_AUTH_SUCCESS)
			return fail(err, c->url, YM_E_IO,
				    _("authentication failed: the server did "
				      "not accept the key in %s"),
				    t->identity);
		return 0;
	}
	/* the agent (when SSH_AUTH_SOCK is set), then ~/.ssh/id_ed25519,
	 * id_ecdsa, id_rsa */
	rc = ssh_userauth_publickey_auto(c->s, NULL, NULL);
	if (rc != SSH_AUTH_SUCCESS)
		return fail(err, c->url, YM_E_IO,
			    _("authentication failed: no key of the ssh agent "
			      "or ~/.ssh/id_ed25519, id_ecdsa, id_rsa was "
			      "accepted (use --identity FILE)"));
	return 0;
}

/* ---- running a command ---- */

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Runs cmd on a new channel: standard output into c->out (capped at
 * YM_INVENTORY_MAX_BYTES), the start of standard error into c->errtext,
 * the exit status into c->status. */
static int run(sctx *c, const char *cmd, ym_err *err)
{
	char chunk[65536];
	ssh_channel ch = ssh_channel_new(c->s);
	double deadline = now_s() + c->timeout;
	size_t nerr = 0;
	int rc = 0;

	ym_buf_reset(&c->out);
	c->out.max = YM_INVENTORY_MAX_BYTES;
	c->errtext[0] = '\0';
	c->status = -1;
	if (!ch)
		return fail(err, c->url, YM_E_IO,
			    _("cannot open a channel: %s"),
			    ssh_get_error(c->s));
	if (ssh_channel_open_session(ch) != SSH_OK) {
		rc = fail(err, c->url, YM_E_IO,
			  _("cannot open a channel: %s"), ssh_get_error(c->s));
		goto out;
	}
	if (ssh_channel_request_exec(ch, cmd) != SSH_OK) {
		rc = fail(err, c->url, YM_E_IO, _("cannot run '%s': %s"), cmd,
			  ssh_get_error(c->s));
		goto out;
	}
	/* nothing to send: a command that reads its input gets EOF */
	ssh_channel_send_eof(ch);
	for (;;) {
		int n = ssh_channel_read_timeout(ch, chunk, sizeof chunk, 0,
						 200);
		if (n == SSH_ERROR) {
			rc = fail(err, c->url, YM_E_IO,
				  _("reading the output of '%s' failed: %s"),
				  cmd, ssh_get_error(c->s));
			goto out;
		}
		if (n > 0 && ym_buf_add(&c->out, chunk, (size_t)n) != 0) {
			rc = fail(err, c->url, YM_E_TOOBIG,
				  _("the output of '%s' is larger than %zu "
				    "MiB"),
				  cmd, YM_INVENTORY_MAX_BYTES >> 20);
			goto out;
		}
		/* drain standard error so that the remote side never
		 * blocks on it; keep only its start */
		for (;;) {
			int m = ssh_channel_read_nonblocking(ch, chunk,
							     sizeof chunk, 1);
			if (m <= 0)
				break;
			size_t k = (size_t)m;
			if (nerr < STDERR_KEEP) {
				if (k > STDERR_KEEP - nerr)
					k = STDERR_KEEP - nerr;
				memcpy(c->errtext + nerr, chunk, k);
				nerr += k;
				c->errtext[nerr] = '\0';
			}
		}
		if (n == 0 && ssh_channel_is_eof(ch))
			break;
		if (now_s() > deadline) {
			rc = fail(err, c->url, YM_E_IO,
				  _("'%s' timed out after %d seconds"), cmd,
				  c->timeout);
			goto out;
		}
	}
	c->status = ssh_channel_get_exit_status(ch);
out:
	ssh_channel_close(ch);
	ssh_channel_free(ch);
	return rc;
}

enum { GOT = 0, ABSENT = 1 };

/* Runs cmd: GOT with the output in c->out when it exits 0; ABSENT when
 * it exits non-zero without output (the file or tool is not there);
 * an error when it fails with output. */
static int fetch(sctx *c, const char *cmd, ym_err *err)
{
	int rc = run(c, cmd, err);
	if (rc)
		return rc;
	if (c->status == 0)
		return GOT;
	if (c->out.len == 0)
		return ABSENT;
	if (c->status < 0)
		return fail(err, c->url, YM_E_IO,
			    _("command '%s' failed: it ended without an exit "
			      "status"),
			    cmd);
	return fail(err, c->url, YM_E_IO,
		    _("command '%s' failed with status %d"), cmd, c->status);
}

/* The absent file was really absent (not unreadable): the message of a
 * remote shell or cat in the C or English locale. Anything else gets a
 * note, so a database that could not be read is never silently empty. */
static bool no_such_file(const sctx *c)
{
	return c->status == 1 &&
	       (c->errtext[0] == '\0' ||
		strstr(c->errtext, "No such file or directory"));
}

/* The first line of the output, trimmed: a value for the host. NULL when
 * empty, too long, not UTF-8 or holding control characters. */
static const char *line_value(sctx *c)
{
	const char *s = c->out.ptr;
	size_t b = 0, n = strcspn(s, "\r\n");
	while (b < n && (s[b] == ' ' || s[b] == '\t'))
		b++;
	while (n > b && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n == b || n - b > YM_INVENTORY_MAX_FIELD ||
	    !ym_utf8_valid(s + b, n - b, NULL))
		return NULL;
	for (size_t i = b; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return NULL;
	return ym_arena_strndup(c->a, s + b, n - b);
}

/* A single-line value from cmd, or NULL (with a note when the command
 * ran but its output is not a usable value). */
static int host_value(sctx *c, const char *cmd, const char *what,
		      const char **out, str_vec *notes, ym_err *err)
{
	int rc = fetch(c, cmd, err);
	*out = NULL;
	if (rc < 0)
		return rc;
	if (rc == GOT && !(*out = line_value(c)))
		ym_vec_push(notes, ym_arena_printf(
					   c->a,
					   "%s: the output of '%s' is not a "
					   "usable value, left out",
					   what, cmd));
	return 0;
}

typedef int (*pkg_parser)(const char *text, size_t len, const char *file,
			  ym_arena *a, ym_inv_pkglist *out, ym_err *err);

/* A package database read with cat: parsed, or skipped when absent. */
static int collect_db(sctx *c, const char *cmd, const char *path,
		      const char *what, pkg_parser parse, ym_inv_pkglist *pk,
		      str_vec *notes, ym_err *err)
{
	int rc = fetch(c, cmd, err);
	if (rc < 0)
		return rc;
	if (rc == ABSENT) {
		if (!no_such_file(c))
			ym_vec_push(notes,
				    ym_arena_printf(c->a,
						    "%s: '%s' failed with "
						    "status %d, %s packages "
						    "skipped",
						    what, cmd, c->status,
						    what));
		return 0;
	}
	return parse(c->out.ptr, c->out.len,
		     ym_arena_printf(c->a, "%s%s", c->url, path), c->a, pk,
		     err);
}

static int collect_rpm(sctx *c, ym_inv_pkglist *pk, str_vec *notes,
		       ym_err *err)
{
	int rc = fetch(c, CMD_RPM, err);
	if (rc < 0)
		return rc;
	if (rc == ABSENT) {
		/* 127: the shell did not find rpm */
		ym_vec_push(notes,
			    c->status == 127
				    ? "rpm: rpm not found on the host, rpm "
				      "packages skipped"
				    : ym_arena_printf(c->a,
						      "rpm: 'rpm -qa' failed "
						      "with status %d, rpm "
						      "packages skipped",
						      c->status));
		return 0;
	}
	return ym_rpm_query_parse(c->out.ptr, c->out.len,
				  ym_arena_printf(c->a, "%s (rpm -qa)", c->url),
				  c->a, pk, err);
}

static const char *now_utc(ym_arena *a)
{
	time_t t = time(NULL);
	struct tm tm;
	char s[32];
	gmtime_r(&t, &tm);
	strftime(s, sizeof s, "%Y-%m-%dT%H:%M:%SZ", &tm);
	return ym_arena_strdup(a, s);
}

static int collect(sctx *c, const ym_ssh_target *t, ym_inventory *out,
		   ym_err *err)
{
	ym_inv_host *h = &out->host;
	ym_inv_pkglist pk = {0};
	str_vec notes = YM_VEC_INIT;
	int rc;

	/* hostname(1) is missing on some minimal systems; the kernel's
	 * name is what gethostname(2) returns */
	if ((rc = host_value(c, CMD_HOSTNAME, "hostname", &h->hostname,
			     &notes, err)) ||
	    (!h->hostname && c->status != 0 &&
	     (rc = host_value(c, CMD_HOSTNAME_PROC, "hostname",
			      &h->hostname, &notes, err))) ||
	    (rc = host_value(c, CMD_KERNEL, "kernel", &h->kernel, &notes,
			     err)) ||
	    (rc = host_value(c, CMD_ARCH, "arch", &h->arch, &notes, err)) ||
	    (rc = host_value(c, CMD_MACHINE_ID, "machine-id",
			     &h->machine_id, &notes, err)))
		goto out;
	if (h->hostname && strchr(h->hostname, '.'))
		h->fqdn = h->hostname;

	const char *osr = "/etc/os-release";
	rc = fetch(c, CMD_OSRELEASE, err);
	if (rc == ABSENT) {
		osr = "/usr/lib/os-release";
		rc = fetch(c, CMD_OSRELEASE_USR, err);
	}
	if (rc == ABSENT) {
		ym_vec_push(&notes, "os-release: not found");
		rc = 0;
	} else if (rc == GOT) {
		rc = ym_osrelease_parse(c->out.ptr, c->out.len,
					ym_arena_printf(c->a, "%s%s", c->url,
							osr),
					c->a, &h->os, err);
	}
	if (rc ||
	    (rc = collect_db(c, CMD_DPKG, "/var/lib/dpkg/status", "deb",
			     ym_dpkg_status_parse, &pk, &notes, err)) ||
	    (rc = collect_db(c, CMD_APK, "/lib/apk/db/installed", "apk",
			     ym_apk_installed_parse, &pk, &notes, err)) ||
	    (rc = collect_rpm(c, &pk, &notes, err)))
		goto out;

	out->collected_at = t->collected_at
				    ? ym_arena_strdup(c->a, t->collected_at)
				    : now_utc(c->a);
	out->n_packages = pk.n;
	out->packages = ym_arena_alloc(c->a, (pk.n ? pk.n : 1) *
						     sizeof *out->packages);
	if (pk.n)
		memcpy(out->packages, pk.v, pk.n * sizeof *out->packages);
	out->n_notes = notes.n;
	out->notes = ym_arena_alloc(c->a, (notes.n ? notes.n : 1) *
						  sizeof *out->notes);
	if (notes.n)
		memcpy(out->notes, notes.v, notes.n * sizeof *out->notes);
out:
	ym_inv_pkglist_release(&pk);
	ym_vec_release(&notes);
	return rc;
}

int ym_inventory_collect_ssh(ym_arena *a, const ym_ssh_target *t,
			     ym_inventory *out, ym_err *err)
{
	sctx c = {.a = a, .out = YM_BUF_INIT};
	struct ssh_callbacks_struct cb = {.userdata = NULL,
					  .auth_function = no_passphrase};
	ym_ssh_target tt = *t;
	int rc = 0;

	memset(out, 0, sizeof *out);
	out->version = YM_INVENTORY_VERSION;
	if (!tt.port)
		tt.port = 22;
	c.url = ym_ssh_target_url(&tt, a);
	c.timeout = tt.timeout > 0 ? tt.timeout : YM_SSH_DEFAULT_TIMEOUT;
	if (!tt.user || !*tt.user || !tt.host || !*tt.host)
		return fail(err, c.url, YM_E_USAGE,
			    _("the SSH target needs a user and a host"));

	c.s = ssh_new();
	if (!c.s)
		return fail(err, c.url, YM_E_NOMEM,
			    _("cannot create an SSH session"));
	ssh_callbacks_init(&cb);
	ssh_set_callbacks(c.s, &cb);
	{
		/* exactly the given target: no ~/.ssh/config, no
		 * GSSAPI, quiet, TCP_NODELAY (many small request and
		 * answer exchanges) */
		bool process_config = false;
		int no = 0, yes = 1, verbosity = SSH_LOG_NOLOG;
		long timeout = c.timeout;
		unsigned port = tt.port;
		if (ssh_options_set(c.s, SSH_OPTIONS_PROCESS_CONFIG,
				    &process_config) != SSH_OK ||
		    ssh_options_set(c.s, SSH_OPTIONS_LOG_VERBOSITY,
				    &verbosity) != SSH_OK ||
		    ssh_options_set(c.s, SSH_OPTIONS_HOST, tt.host) != SSH_OK ||
		    ssh_options_set(c.s, SSH_OPTIONS_USER, tt.user) != SSH_OK ||
		    ssh_options_set(c.s, SSH_OPTIONS_PORT, &port) != SSH_OK ||
		    ssh_options_set(c.s, SSH_OPTIONS_TIMEOUT, &timeout) !=
			    SSH_OK ||
		    ssh_options_set(c.s, SSH_OPTIONS_GSSAPI_AUTH, &no) !=
			    SSH_OK ||
		    ssh_options_set(c.s, SSH_OPTIONS_NODELAY, &yes) != SSH_OK ||
		    (tt.known_hosts &&
		     (ssh_options_set(c.s, SSH_OPTIONS_KNOWNHOSTS,
				      tt.known_hosts) != SSH_OK ||
		      ssh_options_set(c.s, SSH_OPTIONS_GLOBAL_KNOWNHOSTS,
				      "/dev/null") != SSH_OK))) {
			rc = fail(err, c.url, YM_E_USAGE,
				  _("invalid SSH option: %s"),
				  ssh_get_error(c.s));
			goto out;
		}
	}
	if (ssh_connect(c.s) != SSH_OK) {
		rc = fail(err, c.url, YM_E_IO, _("connect failed: %s"),
			  ssh_get_error(c.s));
		goto out;
	}
	if ((rc = verify_host(&c, &tt, err)) ||
	    (rc = authenticate(&c, &tt, err)) ||
	    (rc = collect(&c, &tt, out, err)))
		goto out;
out:
	if (ssh_is_connected(c.s))
		ssh_disconnect(c.s);
	ssh_free(c.s);
	ym_buf_release(&c.out);
	if (rc) {
		memset(out, 0, sizeof *out);
		if (err && !err->file[0])
			ym_err_at(err, c.url, 0, 0);
	}
	return rc;
}
