# VEX applied to findings: a vendor's CycloneDX VEX (by CVE) and our own
# OpenVEX (by GHSA alias) suppress the findings they say are not
# affected, with the statement as the reason; nothing is deleted; a new
# version of the same VEX file that says "exploitable" lifts it.
. "$(dirname "$0")/lib.sh"

y init >/dev/null
V="$FIX/vex-apply"
y --quiet feed import osv --no-scan "$FIX/merge/GHSA-jfh8-c2jp-5v3q.json" >/dev/null
y --quiet import sbom "$V/app.cdx.json" >/dev/null
y --quiet import sbom "$V/other.cdx.json" >/dev/null
check_run "open before" 0 y --format csv findings list
check_eq "two open findings" "2" "$(printf '%s\n' "$OUT" | tail -n +2 | grep -c .)"
cp "$V/vendor-vex.cdx.json" "$T/vendor.json"
check_run "import vex" 0 y vex import "$T/vendor.json" "$V/openvex.json"
check_eq "import summary" "$T/vendor.json: 1 statements kept
$V/openvex.json: 1 statements kept
  2 findings, 2 suppressed by VEX" "$OUT"
check_run "open after" 0 y --format csv findings list
check_eq "none open" "0" "$(printf '%s\n' "$OUT" | tail -n +2 | grep -c .)"
check_eq "suppressed, with the statement as reason" "1|suppressed|vex|VEX not_affected: vulnerable_code_not_in_execute_path ($T/vendor.json)
2|suppressed|vex|VEX not_affected: vulnerable_code_not_in_execute_path ($V/openvex.json)" \
	"$(sqlite3 "$DB" "SELECT id || '|' || status || '|' || suppressed_by || '|' || suppress_reason FROM findings ORDER BY id")"
check_run "still listed on request" 0 y --format csv findings list --status suppressed
check_eq "two suppressed listed" "2" "$(printf '%s\n' "$OUT" | tail -n +2 | grep -c .)"
check_run "show says why" 0 y findings show 1
check_contains "reason shown" "Suppressed:" "$OUT"
# the vendor changes its mind: the same file now says exploitable
cp "$V/vendor-vex-affected.cdx.json" "$T/vendor.json"
check_run "re-import vex" 0 y vex import "$T/vendor.json"
check_eq "lifted" "1|open||" \
	"$(sqlite3 "$DB" "SELECT id || '|' || status || '|' || coalesce(suppressed_by, '') || '|' || coalesce(suppress_reason, '') FROM findings WHERE id = 1")"
check_eq "the other stays suppressed" "suppressed" \
	"$(sqlite3 "$DB" "SELECT status FROM findings WHERE id = 2")"
check_run "vex list" 0 y --format csv vex list
check_eq "statements kept (the file replaced its own)" "2" "$(printf '%s\n' "$OUT" | tail -n +2 | grep -c .)"
check_run "bad vex" 1 y vex import "$FIX/vex/bad/$(ls "$FIX/vex/bad" | head -n 1)" --strict
check_run "usage" 2 y vex import

done_testing
