/* nmap.h - nmap XML output (nmap -sV -O -oX) read into hosts, ports and
 * services, and turned into ledger values.
 *
 * Ownership: everything a ym_nmap_scan points at (strings, arrays) lives
 * in the arena passed to ym_nmap_parse; free the arena to free the scan.
 * Arguments are borrowed. Strings are NULL when the document does not
 * give the attribute; counts are 0 with a NULL array when there is
 * nothing.
 *
 * What is kept: hosts whose status is "up" (a host without a <status>
 * element, which only hand-written files have, counts as up); the others
 * are only counted. Of a host's ports, only those whose state is "open"
 * or "open|filtered"; the others, and the ports an <extraports> element
 * summarises, are counted. Script output, traces and timing are ignored.
 *
 * Safety: the text is parsed with libxml2's streaming reader with
 * XML_PARSE_NONET and nothing that loads or substitutes (no entity
 * expansion, no DTD loading, no XInclude). A document type declaration
 * is refused unless it is exactly nmap's own "<!DOCTYPE nmaprun>",
 * which has no internal subset. Only UTF-8 (or ASCII) text is read.
 * Limits: YM_NMAP_MAX_BYTES per document, YM_NMAP_MAX_ATTR per
 * attribute or text, YM_NMAP_MAX_DEPTH element nesting, and per service
 * at most YM_NMAP_MAX_CPES CPEs and per host YM_NMAP_MAX_OS OS matches
 * (further ones are ignored). docs/inventory.md has the mapping.
 */
#ifndef YM_INVENTORY_NMAP_H
#define YM_INVENTORY_NMAP_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/err.h"
#include "store/store.h"

#define YM_NMAP_MAX_BYTES ((size_t)256 << 20) /* 256 MiB */
#define YM_NMAP_MAX_ATTR ((size_t)64 << 10)   /* 64 KiB */
#define YM_NMAP_MAX_DEPTH 64
#define YM_NMAP_MAX_CPES 32
#define YM_NMAP_MAX_OS 64

/* One <cpe> element: nmap writes CPE 2.2 URIs. */
typedef struct ym_nmap_cpe {
	const char *uri; /* as written, e.g. "cpe:/a:openbsd:openssh:9.2p1" */
	const char *fs;  /* CPE 2.3 formatted string, NULL when uri is not a
			  * valid CPE name */
	char part;       /* 'a', 'o', 'h', or 0 when unknown / invalid */
} ym_nmap_cpe;

typedef struct ym_nmap_service {
	const char *name;      /* "ssh", "http", ... */
	const char *product;   /* "OpenSSH" */
	const char *version;   /* "9.2p1 Debian 2+deb12u10" */
	const char *extrainfo; /* "protocol 2.0" */
	const char *ostype;    /* "Linux" */
	const char *hostname;  /* a host name the service revealed */
	const char *devicetype;
	const char *tunnel;    /* "ssl" or NULL */
	const char *method;    /* "probed" | "table" */
	int conf;              /* confidence 0-10, -1 when not given */
	ym_nmap_cpe *cpes;
	size_t n_cpes;
} ym_nmap_service;

typedef struct ym_nmap_port {
	const char *protocol;     /* "tcp" | "udp" | "sctp" | "ip"; "tcp"
				   * when the file leaves it out */
	int portid;               /* 0-65535 */
	const char *state;        /* "open" | "open|filtered" */
	const char *reason;       /* "syn-ack", ... or NULL */
	ym_nmap_service *service; /* NULL when there is no <service> */
} ym_nmap_port;

typedef struct ym_nmap_address {
	const char *addr;   /* "192.0.2.1", "2001:db8::1", "00:11:22:..." */
	const char *type;   /* "ipv4" | "ipv6" | "mac" ("ipv4" when absent) */
	const char *vendor; /* MAC vendor, or NULL */
} ym_nmap_address;

typedef struct ym_nmap_hostname {
	const char *name;
	const char *type; /* "user" | "PTR" | NULL */
} ym_nmap_hostname;

typedef struct ym_nmap_osmatch {
	const char *name;  /* "Linux 5.0 - 5.14" */
	int accuracy;      /* 0-100, -1 when not given */
	ym_nmap_cpe *cpes; /* the <cpe> of all its <osclass> elements, in
			    * order, without duplicates */
	size_t n_cpes;
} ym_nmap_osmatch;

typedef struct ym_nmap_host {
	long line;              /* line of the <host> element */
	int64_t starttime;      /* Unix time, -1 when not given */
	int64_t endtime;
	ym_nmap_address *addresses;
	size_t n_addresses;
	ym_nmap_hostname *hostnames;
	size_t n_hostnames;
	ym_nmap_osmatch *osmatches; /* in document order (nmap: best first) */
	size_t n_osmatches;
	ym_nmap_port *ports;    /* open and open|filtered, document order */
	size_t n_ports;
	size_t n_ports_other;   /* <port> elements in another state */
	size_t n_extraports;    /* ports summarised by <extraports count> */
} ym_nmap_host;

typedef struct ym_nmap_scan {
	const char *scanner;      /* "nmap" */
	const char *version;      /* scanner version, "7.93" */
	const char *xml_version;  /* xmloutputversion, "1.05" */
	const char *args;         /* the command line */
	int64_t start;            /* Unix time, -1 when not given */
	const char *start_str;    /* startstr, human form */
	int64_t end;              /* runstats/finished@time, -1 if none */
	const char *end_str;
	const char *exit;         /* "success" | "error" | NULL */
	const char *errormsg;     /* finished@errormsg, or NULL */
	ym_nmap_host *hosts;      /* the hosts that are up */
	size_t n_hosts;
	size_t n_hosts_down;      /* <host> elements not up */
	long runstats_up;         /* runstats/hosts@up etc., -1 if none */
	long runstats_down;
	long runstats_total;
} ym_nmap_scan;

/* Parses one nmap XML document. filename is used in error messages. On
 * error returns YM_E_PARSE (not well-formed XML), YM_E_INVALID (a DOCTYPE
 * other than nmap's, another root element, a bad attribute value such as
 * a portid out of range), YM_E_UNSUPPORTED (not UTF-8) or YM_E_TOOBIG,
 * with err's file, line and field ("host[2].port[0]@portid") set. */
int ym_nmap_parse(const char *text, size_t len, const char *filename,
		  ym_arena *a, ym_nmap_scan *out, ym_err *err);

/* Ledger values for one host. */
typedef struct ym_nmap_asset {
	const char *name;       /* first hostname, else first IPv4, else
				 * first IPv6, else first address, else
				 * NULL */
	const char *open_ports; /* "22/tcp,443/tcp,53/udp" sorted by port
				 * then protocol, "" when none */
	ym_component *components; /* network-facing software */
	size_t n_components;
} ym_nmap_asset;

/* Builds the ledger values of h in arena a (docs/inventory.md: one
 * application component per service with a product or a name, one
 * operating-system component per OS CPE of a service and of the first OS
 * match; duplicates dropped; source "nmap", no purl). Never fails. */
void ym_nmap_host_asset(const ym_nmap_host *h, ym_arena *a,
			ym_nmap_asset *out);

#endif
