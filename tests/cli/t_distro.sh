# Distribution-aware matching: a distribution's advisories apply only to
# that distribution and release (Debian 12 vs 11, Debian vs Ubuntu, which
# share the deb type), through the source package the advisories name
# (libssl3 and libcrypto3 come from openssl), and a backported fix is not
# a finding. A package whose release is unknown matches with medium
# confidence and says so.
. "$(dirname "$0")/lib.sh"

y init >/dev/null
D="$FIX/distro"
y --quiet feed import osv --no-scan "$D/osv" >/dev/null
check_run "inventories" 0 y --quiet import inventory \
	"$D/deb12-patched.json" "$D/deb12-old.json" "$D/deb11.json" \
	"$D/ubuntu2204.json" "$D/alpine319.json"
check_run "sbom without release" 0 y --quiet import sbom "$D/no-release.cdx.json"
check_run "findings" 0 y --format csv findings list
check_eq "exactly these findings" "alpine319,libcrypto3,3.1.3-r0,ALPINE-9004
deb11,libssl1.1,1.1.1w-0+deb11u1,DSA-9002-1
deb12-old,libssl3,3.0.9-1,DSA-9001-1
deb12-old,openssl,3.0.9-1,DSA-9001-1
legacy-image,openssl,3.0.9-1,DSA-9001-1
ubuntu2204,libssl3,3.0.2-0ubuntu1.10,USN-9003-1" \
	"$(printf '%s\n' "$OUT" | tr -d '\r' | tail -n +2 | cut -d, -f3,6,7,9 | sort)"
check_eq "no finding on the patched host (backport)" "0" \
	"$(sqlite3 "$DB" "SELECT count(*) FROM findings f JOIN assets a ON a.id = f.asset_id WHERE a.name = 'deb12-patched'")"
check_eq "by source package, release checked" "source_package|12|high" \
	"$(sqlite3 "$DB" "SELECT json_extract(evidence, '$.matched_by') || '|' || json_extract(evidence, '$.release') || '|' || confidence FROM findings f JOIN assets a ON a.id = f.asset_id WHERE a.name = 'deb12-old' AND component_name = 'libssl3'")"
check_eq "release unknown: medium, said" "0|medium" \
	"$(sqlite3 "$DB" "SELECT json_extract(evidence, '$.release_checked') || '|' || confidence FROM findings f JOIN assets a ON a.id = f.asset_id WHERE a.name = 'legacy-image'")"

# filters and sorting
check_run "by cve alias" 0 y --format csv findings list --cve DSA-9001-1 --sort asset
check_eq "by cve alias rows" "deb12-old,libssl3
deb12-old,openssl
legacy-image,openssl" "$(printf '%s\n' "$OUT" | tr -d '\r' | tail -n +2 | cut -d, -f3,6)"
check_run "by product" 0 y --format csv findings list --product libssl --sort asset
check_eq "by product rows" "deb11 deb12-old ubuntu2204" \
	"$(printf '%s\n' "$OUT" | tr -d '\r' | tail -n +2 | cut -d, -f3 | tr '\n' ' ' | sed 's/ $//')"
check_run "by confidence" 0 y --format csv findings list --confidence high
check_eq "high only" "5" "$(printf '%s\n' "$OUT" | tail -n +2 | grep -c .)"
check_run "kev only" 0 y --format csv findings list --kev
check_eq "none in KEV" "0" "$(printf '%s\n' "$OUT" | tail -n +2 | grep -c .)"
check_run "bad sort" 2 y findings list --sort nope

id=$(sqlite3 "$DB" "SELECT f.id FROM findings f JOIN assets a ON a.id = f.asset_id WHERE a.name = 'deb12-old' AND component_name = 'libssl3'")
check_run "explain" 0 y explain "$id"
check_eq "explained in words" "  libssl3 3.0.9-1 — DSA-9001-1 — affected: introduced 0, fixed 3.0.11-1~deb12u1 (deb)
  source osv, package Debian:12/openssl, matched by source_package
  libssl3 is built from the source package openssl, which the distribution's advisory names
  the advisory is for release 12, the release the package comes from" \
	"$(printf '%s\n' "$OUT" | sed '/^History:/,$d' | tail -n 4)"
id=$(sqlite3 "$DB" "SELECT f.id FROM findings f JOIN assets a ON a.id = f.asset_id WHERE a.name = 'legacy-image'")
check_run "explain unknown release" 0 y explain "$id"
check_eq "lowered confidence explained" "  the package's distribution release is not known (its purl has no distro): it may be fixed there, so the confidence is lowered
History:
  2026-11-21T09:00:00Z  found" \
	"$(printf '%s\n' "$OUT" | tail -n 3)"

done_testing
