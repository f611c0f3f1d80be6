# Incremental matching: a feed delta re-evaluates only the changed
# vulnerabilities, and gives exactly what a full scan gives; every change
# of a finding is in its history.
. "$(dirname "$0")/lib.sh"

osv() { # FILE ID MODIFIED ECOSYSTEM PACKAGE FIXED
	cat >"$1" <<J
{"id":"$2","modified":"$3","aliases":[],
 "affected":[{"package":{"ecosystem":"$4","name":"$5"},
  "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"$6"}]}]}]}
J
}
nvd() { # FILE ID MODIFIED END_EXCLUDING
	cat >"$1" <<J
{"cve":{"id":"$2","published":"2026-01-01T00:00:00.000",
 "lastModified":"$3","vulnStatus":"Analyzed",
 "descriptions":[{"lang":"en","value":"test record"}],
 "configurations":[{"nodes":[{"operator":"OR","cpeMatch":[{"vulnerable":true,
  "criteria":"cpe:2.3:a:apache:http_server:*:*:*:*:*:*:*:*",
  "versionEndExcluding":"$4"}]}]}]}}
J
}
# (vulnerability, component, version, status) of every finding
state() {
	sqlite3 "$DB" "SELECT v.vuln_id || ' ' || f.component_name || ' ' ||
		f.component_version || ' ' || f.status FROM findings f
		JOIN vulnerabilities v ON v.id = f.vuln_rowid ORDER BY 1"
}

y init >/dev/null
y asset add app >/dev/null 2>&1
cat >"$T/sbom.json" <<'J'
{"bomFormat":"CycloneDX","specVersion":"1.5","components":[
 {"name":"lodash","version":"4.17.15","purl":"pkg:npm/lodash@4.17.15"},
 {"name":"requests","version":"2.28.1","purl":"pkg:pypi/requests@2.28.1"},
 {"name":"httpd","version":"2.4.49",
  "cpe":"cpe:2.3:a:apache:http_server:2.4.49:*:*:*:*:*:*:*"},
 {"name":"Apache HTTP Server","version":"2.4.48"}]}
J
YAMORI_NOW=2026-11-01T00:00:00Z y --quiet import sbom "$T/sbom.json" --asset app >/dev/null

mkdir "$T/d1" "$T/d2" "$T/n1" "$T/n2"
osv "$T/d1/a.json" TEST-A 2026-01-01T00:00:00Z npm lodash 4.17.21
osv "$T/d1/b.json" TEST-B 2026-01-01T00:00:00Z PyPI requests 2.31.0
YAMORI_NOW=2026-11-02T00:00:00Z check_run "first feed" 0 y feed import osv "$T/d1"
check_eq "first feed: two new" "osv: 2 files, 2 new, 0 updated, 0 unchanged
  2 findings (2 new, 0 resolved)" "$OUT"

# A now fixed before the installed version, B unchanged, C new
osv "$T/d2/a.json" TEST-A 2026-02-01T00:00:00Z npm lodash 4.17.12
cp "$T/d1/b.json" "$T/d2/b.json"
osv "$T/d2/c.json" TEST-C 2026-02-01T00:00:00Z npm lodash 4.17.16
YAMORI_NOW=2026-11-03T00:00:00Z check_run "delta" 0 y feed import osv "$T/d2"
check_eq "delta: only the changed records" "osv: 3 files, 1 new, 1 updated, 1 unchanged
  1 findings (1 new, 1 resolved)" "$OUT"

# CPE-only component: NVD configurations, then a correction
nvd "$T/n1/cve.json" CVE-2099-7001 2026-01-01T00:00:00.000 2.4.50
YAMORI_NOW=2026-11-04T00:00:00Z check_run "nvd" 0 y feed import nvd "$T/n1/cve.json"
check_eq "nvd: cpe and name findings" "nvd: 1 files, 1 new, 0 updated, 0 unchanged
  2 findings (2 new, 0 resolved)" "$OUT"
# known by name only: a guess, low confidence, saying which guess
check_eq "name-only finding" "low|name|apache|http_server" \
	"$(sqlite3 "$DB" "SELECT confidence || '|' ||
		json_extract(evidence, '$.matched_by') || '|' ||
		json_extract(evidence, '$.name_vendor') || '|' ||
		json_extract(evidence, '$.name_product') FROM findings
		WHERE component_name = 'Apache HTTP Server'")"
nvd "$T/n2/cve.json" CVE-2099-7001 2026-03-01T00:00:00.000 2.4.49
YAMORI_NOW=2026-11-05T00:00:00Z check_run "nvd correction" 0 y feed import nvd "$T/n2/cve.json"
check_eq "nvd correction resolves" "nvd: 1 files, 0 new, 1 updated, 0 unchanged
  1 findings (0 new, 1 resolved)" "$OUT"

expected="CVE-2099-7001 Apache HTTP Server 2.4.48 open
CVE-2099-7001 httpd 2.4.49 resolved
TEST-A lodash 4.17.15 resolved
TEST-B requests 2.28.1 open
TEST-C lodash 4.17.15 open"
check_eq "after deltas" "$expected" "$(state)"
check_eq "nothing pending" "0" "$(sqlite3 "$DB" "SELECT count(*) FROM match_pending")"

# the same as a full scan
YAMORI_NOW=2026-11-06T00:00:00Z check_run "full scan" 0 y --format json scan
check_contains "full: nothing new" '"new": 0' "$OUT"
check_contains "full: nothing resolved" '"resolved": 0' "$OUT"
check_eq "full scan agrees" "$expected" "$(state)"
check_run "incremental, nothing to do" 0 y scan --incremental
check_eq "incremental idle" "scanned 0 components (0 with a package identity and version) against 0 affected ranges
0 findings: 0 new, 0 resolved" "$OUT"

# withdrawn: its findings resolve
cat >"$T/d2/c.json" <<'J'
{"id":"TEST-C","modified":"2026-04-01T00:00:00Z","withdrawn":"2026-04-01T00:00:00Z",
 "affected":[{"package":{"ecosystem":"npm","name":"lodash"},
  "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"4.17.16"}]}]}]}
J
YAMORI_NOW=2026-11-07T00:00:00Z check_run "withdrawn" 0 y feed import osv "$T/d2/c.json"
check_eq "withdrawn resolves" "osv: 1 files, 0 new, 1 updated, 0 unchanged
  0 findings (0 new, 1 resolved)" "$OUT"

# an inventory change re-matches that asset only
sed 's/4.17.15/4.17.11/' "$T/sbom.json" >"$T/sbom2.json"
YAMORI_NOW=2026-11-08T00:00:00Z check_run "downgrade" 0 y import sbom "$T/sbom2.json" --asset app
check_contains "downgrade re-opens A" "3 findings (0 new)" "$OUT"

# a component known by CPE carries its CPE in the findings' JSON
check_eq "json cpe" "httpd cpe:2.3:a:apache:http_server:2.4.49:*:*:*:*:*:*:* cpe/apache:http_server" \
	"$(y --format json findings list --status all | python3 -c '
import json, sys
for f in json.load(sys.stdin):
    c = f["component"]
    if "cpe" in c:
        print(c["name"], c["cpe"], c["key"])')"

# the history of TEST-A's finding: new, resolved, reopened with the
# version it moved to
check_eq "history" "2026-11-02T00:00:00Z new - open
2026-11-03T00:00:00Z resolved open resolved
2026-11-08T00:00:00Z version 4.17.15 4.17.11
2026-11-08T00:00:00Z reopened resolved open" \
	"$(sqlite3 "$DB" "SELECT h.at || ' ' || h.change || ' ' ||
		coalesce(h.old_value, '-') || ' ' || h.new_value
		FROM finding_history h JOIN findings f ON f.id = h.finding_id
		JOIN vulnerabilities v ON v.id = f.vuln_rowid
		WHERE v.vuln_id = 'TEST-A' ORDER BY h.id")"

# a record widened to a second version of a package on the same asset, on
# the same day: the first version's finding keeps its row, the second gets
# its own (an unchanged row is not rewritten, and must not be carried)
y asset add app2 >/dev/null 2>&1
cat >"$T/two.json" <<'J'
{"bomFormat":"CycloneDX","specVersion":"1.5","components":[
 {"name":"lodash","version":"4.17.15","purl":"pkg:npm/lodash@4.17.15"},
 {"name":"app-lib","version":"1.0.0","components":[
  {"name":"lodash","version":"4.17.20","purl":"pkg:npm/lodash@4.17.20"}]}]}
J
mkdir "$T/d3" "$T/d4"
# listed versions: the first version's evidence stays the same
versions() { # FILE MODIFIED VERSIONS_JSON
	cat >"$1" <<J
{"id":"TEST-E","modified":"$2","aliases":[],
 "affected":[{"package":{"ecosystem":"npm","name":"lodash"},"versions":$3}]}
J
}
versions "$T/d3/e.json" 2026-05-01T00:00:00Z '["4.17.15"]'
versions "$T/d4/e.json" 2026-06-01T00:00:00Z '["4.17.15","4.17.20"]'
export YAMORI_NOW=2026-11-09T00:00:00Z
y --quiet import sbom "$T/two.json" --asset app2 >/dev/null
y --quiet feed import osv "$T/d3" >/dev/null
first=$(sqlite3 "$DB" "SELECT f.id FROM findings f JOIN assets a ON a.id = f.asset_id
	JOIN vulnerabilities v ON v.id = f.vuln_rowid WHERE a.name = 'app2' AND v.vuln_id = 'TEST-E'")
y --quiet feed import osv "$T/d4" >/dev/null
unset YAMORI_NOW
check_eq "widened: one finding per version, the first kept" "$first 4.17.15 open
$((first + 1)) 4.17.20 open" \
	"$(sqlite3 "$DB" "SELECT f.id || ' ' || f.component_version || ' ' ||
		f.status FROM findings f JOIN assets a ON a.id = f.asset_id
		JOIN vulnerabilities v ON v.id = f.vuln_rowid WHERE a.name = 'app2'
		AND v.vuln_id = 'TEST-E' ORDER BY f.id")"
done_testing
