# Components known only by CPE are matched against NVD configurations:
# version bounds decide (log4j 2.14.1 yes, 2.15.0 no), a "running on"
# platform must be the asset's (firmware on its own hardware yes, on other
# hardware no, hardware unknown = medium confidence), and a component
# with a purl is left to its ecosystem's data.
. "$(dirname "$0")/lib.sh"

y init >/dev/null
y --quiet feed import nvd --no-scan "$FIX/merge/nvd-log4shell.json" >/dev/null
C="$FIX/cpe-match"
for f in app plant other-hw no-platform; do
	check_run "import $f" 0 y --quiet import sbom "$C/$f.cdx.json"
done
check_run "findings" 0 y --format csv findings list --sort asset
check_eq "exactly these" "予備,SES3000 firmware,1.0,CVE-2021-44228
会計システム,log4j,2.14.1,CVE-2021-44228
発電所制御盤,SES3000 firmware,1.0,CVE-2021-44228" \
	"$(printf '%s\n' "$OUT" | tr -d '\r' | tail -n +2 | cut -d, -f3,6,7,8)"
q() { sqlite3 "$DB" "SELECT f.confidence || '|' || json_extract(f.evidence, '$.matched_by') || '|' || json_extract(f.evidence, '$.cpe_match.platform.check') FROM findings f JOIN assets a ON a.id = f.asset_id WHERE a.name = '$1'"; }
check_eq "log4j: high, no platform needed" "high|cpe|none" "$(q 会計システム)"
check_eq "firmware on its hardware" "high|cpe|satisfied" "$(q 発電所制御盤)"
check_eq "hardware unknown" "medium|cpe|not_checked" "$(q 予備)"
check_eq "other hardware: nothing" "" "$(q 試験装置)"

done_testing
