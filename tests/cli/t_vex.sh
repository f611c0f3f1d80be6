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

# ---- statements about a product cover what is inside it (docs/vex.md):
# log4j-core inside web-frontend inside Portal (parent chain), a part of
# Portal named as its subcomponent, Kiosk named by a BOM-link into its
# SBOM (serial written in upper case there), Batch the control (the same
# log4j-core, in another product), and Edge's own SBOM VEX by bom-ref
DB="$T/nested.db"
N="$FIX/vex-nested"
y init >/dev/null
y --quiet feed import osv --no-scan "$FIX/merge/GHSA-jfh8-c2jp-5v3q.json" >/dev/null
for s in portal kiosk batch edge; do
	y --quiet import sbom "$N/$s.cdx.json" --no-scan >/dev/null
done
check_run "nested: scan" 0 y --quiet scan
# findings: id|asset|version|status|reason
nested() {
	sqlite3 "$DB" "SELECT f.id || '|' || a.name || '|' || f.component_version || '|' || f.status || '|' || coalesce(f.suppress_reason, '') FROM findings f JOIN assets a ON a.id = f.asset_id ORDER BY f.id"
}
check_eq "nested: only the SBOM's own statement applies before import" \
	"1|Portal|2.14.1|open|
2|Portal|2.14.0|open|
3|Kiosk|2.14.1|open|
4|Batch|2.14.0|open|
5|Edge|2.14.1|suppressed|VEX not_affected: vulnerable_code_not_in_execute_path ($N/edge.cdx.json)" "$(nested)"
check_run "nested: vex import" 0 y vex import "$N/product.openvex.json" \
	"$N/part.openvex.json" "$N/bomlink.cdx.json"
check_eq "nested: summary (the subcomponent statement kept, an opaque product id left out)" \
	"$N/product.openvex.json: 1 statements kept
$N/part.openvex.json: 1 statements kept, 1 about products known only by an id left out
$N/bomlink.cdx.json: 1 statements kept
  5 findings, 4 suppressed by VEX" "$OUT"
check_eq "nested: product, part and BOM-link statements suppress inside their product only" \
	"1|Portal|2.14.1|suppressed|VEX not_affected: vulnerable_code_not_present, in web-frontend 3.1.0 ($N/product.openvex.json)
2|Portal|2.14.0|suppressed|VEX not_affected: vulnerable_code_cannot_be_controlled_by_adversary, in Portal 3.1.0 ($N/part.openvex.json)
3|Kiosk|2.14.1|suppressed|VEX fixed, in Kiosk 1.0 ($N/bomlink.cdx.json)
4|Batch|2.14.0|open|
5|Edge|2.14.1|suppressed|VEX not_affected: vulnerable_code_not_in_execute_path ($N/edge.cdx.json)" "$(nested)"
check_run "nested: vex list" 0 y --format csv vex list
check_eq "nested: the part and the BOM-link are listed" \
	"vulnerability,status,justification,product,version,part,file
CVE-2021-44228,not_affected,vulnerable_code_not_present,pkg:generic/example/web-frontend@3.1.0,,,$N/product.openvex.json
CVE-2021-44228,not_affected,vulnerable_code_cannot_be_controlled_by_adversary,pkg:generic/example/portal@3.1.0,,pkg:maven/org.apache.logging.log4j/log4j-core@2.14.0,$N/part.openvex.json
CVE-2021-44228,fixed,,urn:cdx:7a1b2c3d-0000-4000-8000-000000000002#kiosk,,,$N/bomlink.cdx.json" \
	"$(printf '%s\n' "$OUT" | tr -d '\r')"
# Portal's next SBOM lists log4j-core beside web-frontend, not inside
# it: the product statement no longer applies and the suppression is
# lifted
check_run "nested: re-import Portal flat" 0 y --quiet import sbom "$N/portal-flat.cdx.json" --asset Portal
check_eq "nested: lifted once log4j-core is not inside web-frontend" \
	"1|Portal|2.14.1|open|
2|Portal|2.14.0|suppressed|VEX not_affected: vulnerable_code_cannot_be_controlled_by_adversary, in Portal 3.1.0 ($N/part.openvex.json)" \
	"$(nested | grep Portal)"

# ---- a part installed on an operating system: applied where the asset's
# operating system is that one; an OSV record that names its CVE in
# upstream[] only (Ubuntu's form) is found by that CVE
DB="$T/os.db"
y init >/dev/null
y --quiet feed import osv --no-scan "$N/ubuntu-curl.osv.json" >/dev/null
y --quiet import sbom "$N/host.cdx.json" --no-scan >/dev/null
y --quiet import sbom "$N/bare.cdx.json" --no-scan >/dev/null
check_run "os: scan" 0 y --quiet scan
check_run "os: vex import" 0 y vex import "$N/installed-on.openvex.json"
check_eq "os: summary" "$N/installed-on.openvex.json: 1 statements kept
  2 findings, 1 suppressed by VEX" "$OUT"
check_eq "os: curl on Ubuntu 22.04 suppressed, curl on an asset without that OS open" \
	"1|registry.example.jp/gw|7.81.0-1ubuntu1.13|suppressed|VEX not_affected: vulnerable_code_not_in_execute_path, in ubuntu 22.04 ($N/installed-on.openvex.json)
2|bare|7.81.0-1ubuntu1.13|open|" "$(nested)"
check_eq "os: the upstream CVE is the vulnerability, the record id its alias" \
	"CVE-2023-38545|UBUNTU-CVE-2023-38545" \
	"$(sqlite3 "$DB" "SELECT v.vuln_id || '|' || x.alias FROM vulnerabilities v JOIN vuln_aliases x ON x.vuln_rowid = v.id WHERE x.alias <> v.vuln_id")"

done_testing
