# One vulnerability through five sources: NVD, JVN (JVNDB with the CVE as
# alias), OSV (GHSA alias), a vendor's CSAF VEX, plus KEV and EPSS. They
# merge into one vulnerability, each source's record kept and shown, the
# disagreement between NVD's and JVN's CVSS 3.1 vectors pointed out.
. "$(dirname "$0")/lib.sh"

y init >/dev/null
M="$FIX/merge"
check_run "nvd" 0 y --quiet feed import nvd --no-scan "$M/nvd-log4shell.json"
check_run "osv" 0 y --quiet feed import osv --no-scan "$M/GHSA-jfh8-c2jp-5v3q.json"
check_run "jvn" 0 y --quiet feed import jvn --no-scan "$M/jvndb-log4shell.xml"
check_run "csaf" 0 y --quiet feed import csaf --no-scan "$FIX/csaf/vex.json"
check_run "kev" 0 y --quiet feed import kev "$FIX/kev/catalog.json"
check_run "epss" 0 y --quiet feed import epss "$FIX/epss/epss_scores-2025-03-16.csv"
check_eq "one vulnerability, four sources" "1|4" \
	"$(sqlite3 "$DB" "SELECT count(DISTINCT v.id) || '|' || count(*) FROM vulnerabilities v
		JOIN vuln_sources s ON s.vuln_rowid = v.id WHERE v.vuln_id = 'CVE-2021-44228'")"

check_run "show" 0 y vuln show CVE-2021-44228
check_file "show (en)" "$EXP/vuln-show-en.txt" "$OUT"
check_run "show by JVNDB alias" 0 y vuln show JVNDB-2021-005429
check_file "show by alias is the same" "$EXP/vuln-show-en.txt" "$OUT"
check_run "show (ja)" 0 y --lang ja vuln show GHSA-jfh8-c2jp-5v3q
check_file "show (ja)" "$EXP/vuln-show-ja.txt" "$OUT"
check_run "show json" 0 y --format json vuln show CVE-2021-44228
check_file "show json" "$EXP/vuln-show.json" "$(printf '%s\n' "$OUT" | grep -v '"location"')"
check_run "unknown id" 1 y vuln show CVE-1999-9999
check_eq "unknown id message" "yamori: no vulnerability 'CVE-1999-9999'" "$ERR"

# search: words in English and Japanese, filters
check_run "search ja" 0 y --format csv vuln search 任意のコード
check_eq "search ja finds it" "id,severity,kev,epss,modified,sources,aliases,title
CVE-2021-44228,critical,KEV,0.94358,2026-10-01T12:00:00.000,\"csaf, jvn, nvd, osv\",\"GHSA-jfh8-c2jp-5v3q, JVNDB-2021-005429\",Remote code injection in Log4j" \
	"$(printf '%s\n' "$OUT" | tr -d '\r')"
check_run "search alias" 0 y --format csv vuln search GHSA-jfh8
check_eq "search alias rows" "1" "$(printf '%s\n' "$OUT" | tail -n +2 | grep -c .)"
check_run "search kev" 0 y --format csv vuln search --kev --severity critical
check_eq "search kev rows" "1" "$(printf '%s\n' "$OUT" | tail -n +2 | grep -c .)"
check_run "search source" 0 y --format csv vuln search --source cve5
check_eq "search source rows" "0" "$(printf '%s\n' "$OUT" | tail -n +2 | grep -c .)"
check_run "search like chars are literal" 0 y --format csv vuln search '%'
check_eq "percent matches nothing" "0" "$(printf '%s\n' "$OUT" | tail -n +2 | grep -c .)"
check_run "bad severity" 2 y vuln search --severity huge
check_run "bad limit" 2 y vuln search --limit 0

# the same data again changes nothing
check_run "nvd again" 0 y feed import nvd --no-scan "$M/nvd-log4shell.json"
check_eq "nvd again unchanged" "nvd: 1 files, 0 new, 0 updated, 1 unchanged" "$OUT"

done_testing
