# Findings over time: an upgrade resolves, a downgrade re-opens the same
# finding (same id, first_seen kept), a rescan changes nothing.
. "$(dirname "$0")/lib.sh"

y init >/dev/null
y asset add app >/dev/null
cat >"$T/v1.json" <<'J'
{"bomFormat":"CycloneDX","specVersion":"1.5","components":[
 {"name":"lodash","version":"4.17.15","purl":"pkg:npm/lodash@4.17.15"},
 {"name":"requests","version":"2.28.1","purl":"pkg:pypi/requests@2.28.1"}]}
J
cat >"$T/v2.json" <<'J'
{"bomFormat":"CycloneDX","specVersion":"1.5","components":[
 {"name":"lodash","version":"4.17.21","purl":"pkg:npm/lodash@4.17.21"},
 {"name":"requests","version":"2.28.1","purl":"pkg:pypi/requests@2.28.1"}]}
J
y --quiet feed import osv "$FIX/demo/osv" >/dev/null
YAMORI_NOW=2026-11-01T00:00:00Z y --quiet import sbom "$T/v1.json" --asset app >/dev/null
check_run "v1 findings" 0 y --format csv findings list
check_eq "v1 rows" "3" "$(printf '%s\n' "$OUT" | tail -n +2 | wc -l | tr -d ' ')"

YAMORI_NOW=2026-11-02T00:00:00Z check_run "upgrade" 0 y import sbom "$T/v2.json" --asset app
check_eq "upgrade summary" "$T/v2.json: CycloneDX 1.5, 2 components -> asset 'app'
  0 added, 0 removed, 1 upgraded, 0 downgraded, 0 changed, 1 unchanged
  1 findings (0 new)" "$OUT"
check_run "resolved list" 0 y --format csv findings list --status resolved
check_eq "resolved rows" "2" "$(printf '%s\n' "$OUT" | tail -n +2 | wc -l | tr -d ' ')"
check_eq "resolved at" "2026-11-02T00:00:00Z|2026-11-02T00:00:00Z" \
	"$(sqlite3 "$DB" "SELECT DISTINCT resolved_at FROM findings WHERE status = 'resolved'")|$(sqlite3 "$DB" "SELECT max(resolved_at) FROM findings")"

YAMORI_NOW=2026-11-03T00:00:00Z y --quiet import sbom "$T/v1.json" --asset app >/dev/null
check_eq "re-opened, same rows" "3|3|2026-11-01T00:00:00Z" \
	"$(sqlite3 "$DB" "SELECT count(*), sum(status = 'open'), min(first_seen) FROM findings")"
YAMORI_NOW=2026-11-04T00:00:00Z check_run "rescan" 0 y --format json scan
check_contains "rescan nothing new" '"new": 0' "$OUT"
check_contains "rescan nothing resolved" '"resolved": 0' "$OUT"

# Two versions of one package in one asset are two findings; an upgrade
# between vulnerable versions carries the finding (same id, first_seen).
cat >"$T/v3.json" <<'J'
{"bomFormat":"CycloneDX","specVersion":"1.5","components":[
 {"name":"lodash","version":"4.17.15","purl":"pkg:npm/lodash@4.17.15"},
 {"name":"app-lib","version":"1.0.0","components":[
  {"name":"lodash","version":"4.17.20","purl":"pkg:npm/lodash@4.17.20"}]}]}
J
YAMORI_NOW=2026-11-05T00:00:00Z y --quiet import sbom "$T/v3.json" --asset app >/dev/null
check_eq "two versions, three lodash findings" \
	"4.17.15|CVE-2020-8203
4.17.15|CVE-2021-23337
4.17.20|CVE-2021-23337" \
	"$(sqlite3 "$DB" "SELECT f.component_version || '|' || v.vuln_id
		FROM findings f JOIN vulnerabilities v ON v.id = f.vuln_rowid
		WHERE f.status = 'open' AND f.component_name = 'lodash'
		ORDER BY 1")"
id_before=$(sqlite3 "$DB" "SELECT f.id FROM findings f JOIN vulnerabilities v
	ON v.id = f.vuln_rowid WHERE v.vuln_id = 'CVE-2023-32681'")
cat >"$T/v4.json" <<'J'
{"bomFormat":"CycloneDX","specVersion":"1.5","components":[
 {"name":"requests","version":"2.30.0","purl":"pkg:pypi/requests@2.30.0"}]}
J
YAMORI_NOW=2026-11-06T00:00:00Z y --quiet import sbom "$T/v4.json" --asset app >/dev/null
check_eq "upgrade within the range carries the finding" \
	"$id_before|2.30.0|open|2026-11-01T00:00:00Z" \
	"$(sqlite3 "$DB" "SELECT f.id || '|' || f.component_version || '|' ||
		f.status || '|' || f.first_seen FROM findings f
		JOIN vulnerabilities v ON v.id = f.vuln_rowid
		WHERE v.vuln_id = 'CVE-2023-32681'")"

done_testing
