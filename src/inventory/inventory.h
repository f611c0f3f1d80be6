/* inventory.h - host inventories: the installed packages and identity of
 * one machine, collected locally (or later over SSH), written and read as
 * a JSON document, and turned into ledger components with purls.
 *
 * Ownership: a ym_inventory and everything it points at live in the arena
 * passed to the function that filled it; arguments are borrowed. Strings
 * are NULL when unknown.
 *
 * The document (docs/inventory.md):
 *   {"format":"yamori-inventory","version":1,"collected_at":"...Z",
 *    "host":{"hostname","fqdn","os":{"id","version_id","name",
 *            "pretty_name","id_like"},"kernel","arch","machine_id"},
 *    "packages":[{"type":"deb|rpm|apk","name","version","arch",
 *                 "source_name","source_version","status"}],
 *    "notes":["..."]}
 *
 * The collectors are pure parsers over text (ym_osrelease_parse,
 * ym_dpkg_status_parse, ym_apk_installed_parse, ym_rpm_query_parse) plus
 * ym_inventory_collect, which reads the real files below a root.
 */
#ifndef YM_INVENTORY_INVENTORY_H
#define YM_INVENTORY_INVENTORY_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "store/store.h"

#define YM_INVENTORY_FORMAT "yamori-inventory"
#define YM_INVENTORY_VERSION 1
/* Largest file a collector or the reader accepts. */
#define YM_INVENTORY_MAX_BYTES ((size_t)256 << 20)
/* Longest single value (name, version, field of os-release). */
#define YM_INVENTORY_MAX_FIELD 4096

typedef struct ym_inv_os {
	const char *id;          /* os-release ID, e.g. "debian" */
	const char *version_id;  /* VERSION_ID, e.g. "12" */
	const char *name;        /* NAME */
	const char *pretty_name; /* PRETTY_NAME */
	const char *id_like;     /* ID_LIKE, space-separated */
} ym_inv_os;

typedef struct ym_inv_host {
	const char *hostname;
	const char *fqdn;        /* the hostname when it holds a dot, else
				  * NULL: no DNS lookup is made */
	ym_inv_os os;
	const char *kernel;      /* uname release, e.g. "6.1.0-18-amd64" */
	const char *arch;        /* uname machine, e.g. "x86_64" */
	const char *machine_id;  /* /etc/machine-id */
} ym_inv_host;

typedef struct ym_inv_package {
	const char *type;           /* "deb" | "rpm" | "apk" */
	const char *name;
	const char *version;        /* as the package manager compares it:
				     * deb "1:9.2p1-2", rpm "1:3.0.7-27.el9"
				     * (epoch only when set), apk "3.1.4-r5" */
	const char *arch;           /* or NULL */
	const char *source_name;    /* source package / apk origin, or NULL */
	const char *source_version; /* or NULL */
	const char *status;         /* "installed" */
} ym_inv_package;

typedef struct ym_inventory {
	int version;                /* YM_INVENTORY_VERSION */
	const char *collected_at;   /* ISO 8601 UTC, "2026-11-21T04:39:55Z" */
	ym_inv_host host;
	ym_inv_package *packages;
	size_t n_packages;
	const char **notes;         /* what the collector could not do, e.g.
				     * "rpm: /usr/bin/rpm not found, rpm
				     * packages skipped" (English, stable) */
	size_t n_notes;
} ym_inventory;

/* ---- the document ---- */

/* Appends the document (pretty: two-space indentation) to out. */
void ym_inventory_write(const ym_inventory *inv, bool pretty, ym_buf *out);

/* Strict reader: format and version must match, every member must have
 * its documented type, unknown members are refused, packages need type,
 * name and version. Errors are YM_E_PARSE (JSON syntax) or YM_E_INVALID
 * with file, line, column and field ("packages[3].version"). */
int ym_inventory_read(const char *text, size_t len, const char *filename,
		      ym_arena *a, ym_inventory *out, ym_err *err);

/* Ledger components for the packages, in order: name, version, purl
 * (canonical, see docs/inventory.md), ecosystem (purl type), pkg_key
 * (ym_pkg_key), type "library", source "dpkg", "rpm" or "apk". A package
 * whose purl cannot be built fails with YM_E_INVALID and field
 * "packages[i]". */
int ym_inventory_components(const ym_inventory *inv, ym_arena *a,
			    ym_component **out, size_t *n, ym_err *err);

/* The purl of one package on a host with os (NULL when the type is not
 * deb, rpm or apk); see docs/inventory.md for the rules. */
int ym_inventory_purl(const ym_inv_package *p, const ym_inv_os *os,
		      ym_arena *a, const char **out, ym_err *err);

/* ---- collectors: pure parsers ---- */

/* os-release(5): KEY=value lines, shell-style quoting ('...', "..." with
 * \" \\ \$ \` escapes, backslash escapes outside quotes), '#' comments.
 * Unknown keys are ignored; a line that is not an assignment fails with
 * YM_E_PARSE at its line. */
int ym_osrelease_parse(const char *text, size_t len, const char *filename,
		       ym_arena *a, ym_inv_os *out, ym_err *err);

/* A list of packages, grown by the parsers below. */
typedef struct ym_inv_pkglist {
	ym_inv_package *v;
	size_t n;
	size_t cap;
} ym_inv_pkglist;

void ym_inv_pkglist_release(ym_inv_pkglist *l);

/* /var/lib/dpkg/status: RFC 822-style stanzas separated by blank lines,
 * continuation lines start with a space or tab. Only stanzas whose
 * Status is "install ok installed" are kept; "Source: name (version)"
 * gives the source. A stanza without Package or Version, a line without
 * a colon or a continuation line before any field fail with YM_E_PARSE
 * and the line. */
int ym_dpkg_status_parse(const char *text, size_t len, const char *filename,
			 ym_arena *a, ym_inv_pkglist *out, ym_err *err);

/* /lib/apk/db/installed: "X:value" lines, one blank-line-separated
 * record per package (P name, V version, A arch, o origin); other
 * letters ignored. A record without P or V fails. */
int ym_apk_installed_parse(const char *text, size_t len,
			   const char *filename, ym_arena *a,
			   ym_inv_pkglist *out, ym_err *err);

/* The query format ym_rpm_query_parse reads: one line per package,
 * NAME TAB EPOCH TAB VERSION TAB RELEASE TAB ARCH TAB SOURCERPM, with
 * "(none)" for an absent epoch, arch or source rpm. */
#define YM_RPM_QUERYFORMAT                                                \
	"%{NAME}\\t%{EPOCH}\\t%{VERSION}\\t%{RELEASE}\\t%{ARCH}\\t"        \
	"%{SOURCERPM}\\n"
int ym_rpm_query_parse(const char *text, size_t len, const char *filename,
		       ym_arena *a, ym_inv_pkglist *out, ym_err *err);

/* ---- collecting ---- */

typedef struct ym_inv_collect_opts {
	const char *root;         /* files are read below this directory;
				   * NULL or "/" for the running system */
	const char *hostname;     /* NULL: gethostname(2), or etc/hostname
				   * below a root other than "/" */
	const char *kernel;       /* NULL: uname(2) */
	const char *arch;         /* NULL: uname(2) */
	const char *collected_at; /* NULL: now */
	const char *rpm_query_file; /* read this saved `rpm -qa
				     * --queryformat YM_RPM_QUERYFORMAT`
				     * output instead of running rpm */
	bool no_rpm;              /* never run rpm */
} ym_inv_collect_opts;

/* Fills out from the machine: os-release (etc/os-release, else
 * usr/lib/os-release), etc/machine-id, the dpkg status database, the apk
 * installed database, and rpm (run as /usr/bin/rpm -qa --queryformat ...
 * by fork/execvp with a fixed argument vector, only when root is "/" and
 * /usr/bin/rpm exists; otherwise skipped with a note). A database that is
 * absent is skipped; one that cannot be read or parsed fails. o may be
 * NULL (the running system). */
int ym_inventory_collect(ym_arena *a, const ym_inv_collect_opts *o,
			 ym_inventory *out, ym_err *err);
/* The running system: ym_inventory_collect with o == NULL. */
int ym_inventory_collect_local(ym_arena *a, ym_inventory *out, ym_err *err);

/* Runs /usr/bin/rpm -qa --queryformat YM_RPM_QUERYFORMAT (no shell) and
 * appends its standard output to out. YM_E_NOTFOUND when /usr/bin/rpm is
 * missing, YM_E_IO when it cannot run or exits non-zero. */
int ym_rpm_query_run(ym_buf *out, ym_err *err);

#endif
