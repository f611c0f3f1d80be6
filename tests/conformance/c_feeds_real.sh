# The real public samples in ../shared/data import completely with every
# format: counts per source asserted, files that are other documents
# (NVD cpematch/history/sources responses, the KEV schema, MyJVN product
# lists, ROLIE feeds) skipped and named, nothing malformed, and importing
# everything a second time changes nothing.
. "$(dirname "$0")/lib.sh"

y init >/dev/null

# imp SOURCE EXPECTED-JSON-FIELDS PATH...
imp() {
	src=$1 want=$2
	shift 2
	check_run "import $src" 0 y --format json feed import "$src" --no-scan "$@"
	check_eq "$src counts" "$want" \
		"$(printf '%s\n' "$OUT" | tr -d ' \n' | sed 's/,"findings":[0-9]*//')"
}
imp nvd '{"source":"nvd","files":22,"inserted":270,"updated":0,"unchanged":0,"skipped":0,"skipped_files":5,"warnings":0}' \
	"$SHARED/nvd/api-2.0"
check_contains "nvd: cpematch response named" \
	"cpematch-CVE-2022-32223.json:1:1: not an NVD CVE API response" "$ERR"
imp cve5 '{"source":"cve5","files":2110,"inserted":2110,"updated":0,"unchanged":0,"skipped":0,"skipped_files":0,"warnings":4}' \
	"$SHARED/cve5-vulnrichment"
imp kev '{"source":"kev","files":1,"inserted":1404,"updated":0,"unchanged":0,"skipped":0,"skipped_files":1,"warnings":0}' \
	"$SHARED/kev"
imp epss '{"source":"epss","files":5,"inserted":276,"updated":6,"unchanged":0,"skipped":0,"skipped_files":0,"warnings":0}' \
	"$SHARED/epss"
imp jvn '{"source":"jvn","files":11,"inserted":12,"updated":2,"unchanged":1,"skipped":0,"skipped_files":4,"warnings":0}' \
	"$SHARED/jvn"
check_contains "jvn: MyJVN API error named" \
	"2018-status-sample.xml:6: status:Status/@retCd: MyJVN API error XXX: Test Error" "$ERR"
imp csaf '{"source":"csaf","files":305,"inserted":649,"updated":0,"unchanged":1,"skipped":0,"skipped_files":22,"warnings":42}' \
	"$SHARED/csaf"
check_contains "csaf: OpenVEX named" \
	"ubuntu-vex/CVE-2023-38545.json" "$ERR"

q() { sqlite3 "$DB" "$1"; }
check_eq "csaf product status" "first_affected 5|first_fixed 7|fixed 1690|known_affected 3540|known_not_affected 161|last_affected 5|recommended 6|under_investigation 11" \
	"$(q "SELECT group_concat(status || ' ' || n, '|') FROM (SELECT status, count(*) n FROM product_status GROUP BY status ORDER BY status)")"
check_eq "jvn records (one per CVE they name)" "17" "$(q "SELECT count(*) FROM vuln_sources WHERE source = 'jvn'")"
check_eq "jvn Japanese title kept" "ruby-git における複数のコードインジェクションの脆弱性" \
	"$(q "SELECT s.title_ja FROM vuln_sources s JOIN vulnerabilities v ON v.id = s.vuln_rowid WHERE v.vuln_id = 'CVE-2022-46648' AND s.source = 'jvn'")"
check_eq "red hat RHSA-2025:23414 products" "52 fixed, 48 known_not_affected" \
	"$(q "SELECT sum(p.status = 'fixed') || ' fixed, ' || sum(p.status = 'known_not_affected') || ' known_not_affected' FROM product_status p JOIN vuln_sources s ON s.id = p.source_id WHERE s.location LIKE '%rhsa-2025_23414.json'")"
check_eq "nvd records" "270" "$(q "SELECT count(*) FROM vuln_sources WHERE source = 'nvd'")"
check_eq "nvd cvss rows" "303" "$(q "SELECT count(*) FROM vuln_cvss c JOIN vuln_sources s ON s.id = c.source_id WHERE s.source = 'nvd'")"
check_eq "nvd cpe rows" "1458" "$(q "SELECT count(*) FROM vuln_cpes c JOIN vuln_sources s ON s.id = c.source_id WHERE s.source = 'nvd'")"
check_eq "cve5 ssvc points" "2089" "$(q "SELECT count(*) FROM ssvc_points p JOIN vuln_sources s ON s.id = p.source_id WHERE s.source = 'cve5'")"
check_eq "cve5 rejected" "21" "$(q "SELECT count(*) FROM vuln_sources WHERE source = 'cve5' AND rejected = 1")"
check_eq "NVD and CVE 5 records of one CVE are one vulnerability" "cve5,nvd" \
	"$(q "SELECT group_concat(source) FROM (SELECT s.source FROM vuln_sources s JOIN vulnerabilities v ON v.id = s.vuln_rowid WHERE v.vuln_id = 'CVE-2023-27314' ORDER BY 1)")"
check_eq "log4shell in KEV" "2021-12-10|Known" \
	"$(q "SELECT date_added || '|' || ransomware FROM kev WHERE cve_id = 'CVE-2021-44228'")"

# everything again: unchanged
check_run "nvd again" 0 y --format json feed import nvd --no-scan "$SHARED/nvd/api-2.0"
check_contains "nvd again unchanged" '"unchanged": 270,' "$OUT"
check_run "cve5 again" 0 y --format json feed import cve5 --no-scan "$SHARED/cve5-vulnrichment"
check_contains "cve5 again unchanged" '"unchanged": 2110,' "$OUT"
check_run "kev again" 0 y --format json feed import kev --no-scan "$SHARED/kev"
check_contains "kev again unchanged" '"unchanged": 1404,' "$OUT"

# strict: the real data has no malformed record, so strict imports too
check_run "nvd strict" 0 y feed import nvd --strict --no-scan "$SHARED/nvd/api-2.0/cves-page-1999.json"

done_testing
