/* kev.h - the CISA Known Exploited Vulnerabilities catalog.
 *
 * ym_kev_parse reads the catalog as CISA publishes it, JSON
 * (known_exploited_vulnerabilities.json: catalogVersion, count,
 * vulnerabilities[]) or CSV (known_exploited_vulnerabilities.csv: one row
 * per entry under a header naming the same fields; the CSV carries no
 * catalog version), and hands each entry to fc->kev as a ym_kev_entry.
 * Text values lose leading and trailing white space; an empty notes is
 * NULL; cwes are joined with ", " ("CWE-20, CWE-78"), NULL when none.
 *
 * An entry whose cveID is not CVE-YYYY-NNNN..., whose dateAdded or
 * dueDate is not a real YYYY-MM-DD date, or that lacks a required member
 * goes through ym_feed_bad_record (record = its cveID, field e.g.
 * "vulnerabilities[12].dueDate" or, in CSV, the column name). A repeated
 * cveID, a knownRansomwareCampaignUse other than Known / Unknown, a cwe
 * that is not CWE-N and a count that disagrees with the entries are
 * warnings. A file that is neither (JSON without a vulnerabilities
 * array, CSV without the header, broken CSV quoting) is an error.
 *
 * Ownership: text is borrowed; the strings of every entry live in arena
 * a.
 */
#ifndef YM_FEEDS_KEV_H
#define YM_FEEDS_KEV_H

#include <stddef.h>

#include "core/arena.h"
#include "core/err.h"
#include "feeds/feed.h"

int ym_kev_parse(const char *text, size_t len, const char *file,
		 ym_arena *a, const ym_feed_ctx *fc, ym_err *err);

#endif
