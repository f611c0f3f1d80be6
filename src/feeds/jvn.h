/* jvn.h - JVN iPedia feeds (IPA / JPCERT/CC) into the normalised model.
 *
 * ym_jvn_parse reads one XML document and tells the kind from its root
 * element:
 *
 *   rdf:RDF          JVNRSS overviews: the MyJVN API's getVulnOverviewList
 *                    and the bulk files jvndb.rdf, jvndb_new.rdf and
 *                    jvndb_YYYY.rdf (one record per <item>)
 *   VULDEF-Document  VULDEF details: getVulnDetailInfo and the bulk files
 *                    jvndb_detail_YYYY.rdf (one record per <Vulinfo>)
 *
 * Anything else is not a vulnerability feed and fails with
 * YM_E_UNSUPPORTED: a MyJVN <Result> (getProductList, getVendorList,
 * getStatistics, the myjvn_product_*.rdf and myjvn_vendor_*.rdf
 * dictionaries) or an Atom <feed> (getAlertList). A MyJVN API error
 * response (status:Status retCd != 0) fails with YM_E_INVALID and the
 * API's errCd and errMsg.
 *
 * Each record becomes a ym_vuln with source "jvn" (mapping table in
 * docs/feeds-jvn.md). Japanese documents (xml:lang "ja", the default) fill
 * title_ja and summary_ja, English ones title and summary. Every affected
 * product with a CPE becomes one configuration of ym_cpe_criterion rows
 * whose bounds come from its VersionNumber texts (feeds/jvn_versions.h).
 *
 * Elements are matched by local name: the MyJVN API samples in circulation
 * drop their namespace declarations, so a prefix is not checked against
 * its URI. The reader never touches the network or loads a DTD, entities
 * are not substituted, and a document with a DOCTYPE, in UTF-16/32, or
 * over YM_JVN_MAX_BYTES is refused. A malformed record goes through
 * ym_feed_bad_record with the record's JVNDB id, its line and the element
 * path (e.g. "Vulinfo[2]/VulinfoData/Affected/AffectedItem[0]/Cpe"); a
 * document that is not well-formed XML is YM_E_PARSE with libxml2's
 * message, line and column. In strict mode a value that would only be
 * degraded otherwise (a CPE that does not parse, a bad CVSS score or date)
 * also rejects its record; without it, it is a warning and the value is
 * left out.
 */
#ifndef YM_FEEDS_JVN_H
#define YM_FEEDS_JVN_H

#include <stddef.h>

#include "core/arena.h"
#include "core/err.h"
#include "feeds/feed.h"

/* Largest document accepted (the biggest bulk file, jvndb_detail_2022.rdf,
 * is about 72 MB). */
#define YM_JVN_MAX_BYTES ((size_t)512 << 20)
/* Longest text of one element or attribute. */
#define YM_JVN_MAX_FIELD ((size_t)1 << 20)

/* The ym_feed_parse_fn for JVN documents. */
int ym_jvn_parse(const char *text, size_t len, const char *file,
		 ym_arena *a, const ym_feed_ctx *fc, ym_err *err);

/* Paging of a MyJVN API response, from its status:Status element:
 * totalRes (records matching the query), totalResRet (records in this
 * response) and firstRes (1-based position of the first). An attribute
 * that is absent or empty (the bulk files leave firstRes empty) gives -1.
 * Fails with YM_E_NOTFOUND when the document has no status:Status,
 * YM_E_INVALID when the API reports an error (retCd != 0) or a number is
 * not one, YM_E_PARSE when the XML is not well-formed. Any of the out
 * pointers may be NULL. */
int ym_jvn_page_info(const char *text, size_t len, const char *file,
		     long *total, long *returned, long *first, ym_err *err);

#endif
