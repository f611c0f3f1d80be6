# Air-gapped bundles: export on one store, import in another, nothing
# lost; a bundle that fails verification changes nothing.
. "$(dirname "$0")/lib.sh"

command -v tar >/dev/null || { echo "tar missing: skipped"; exit 77; }
y init >/dev/null
y --quiet feed import osv --no-scan "$FIX/demo/osv" "$FIX/osv/multi" >/dev/null
check_run "export" 0 y feed export-bundle "$T/b.tgz"
# the byte count depends on where the fixtures are (records keep their
# source location)
nb() { printf '%s\n' "$1" | sed 's/, [0-9]* bytes)/, N bytes)/'; }
check_eq "export counts" \
	"$T/b.tgz: 18 vulnerability records, 0 KEV, 0 EPSS (1 files, N bytes)" "$(nb "$OUT")"
check_eq "bundle members" "vulns-0001.jsonl
manifest.json" "$(tar tzf "$T/b.tgz")"

# a second store in the "closed network"
DB2="$T/closed.db"
y2() { "$YAMORI" --db "$DB2" "$@"; }
y2 init >/dev/null
check_run "import" 0 y2 feed import-bundle "$T/b.tgz" --no-scan
check_eq "import counts" \
	"$T/b.tgz: 18 vulnerability records, 0 KEV, 0 EPSS (1 files, N bytes)
  18 new, 0 updated, 0 unchanged" "$(nb "$OUT")"
for id in CVE-2021-23337 CVE-2021-45046 YMD-2024-0016; do
	check_eq "same record $id" \
		"$(y --format json vuln show "$id" | grep -v '"location"')" \
		"$(y2 --format json vuln show "$id" | grep -v '"location"')"
done
check_run "import again" 0 y2 feed import-bundle "$T/b.tgz" --no-scan
check_eq "import again unchanged" \
	"$T/b.tgz: 18 vulnerability records, 0 KEV, 0 EPSS (1 files, N bytes)
  0 new, 0 updated, 18 unchanged" "$(nb "$OUT")"

# tampered bundles are refused before anything is written
before=$(sqlite3 "$DB2" 'SELECT count(*) FROM vuln_sources')
mkdir "$T/x" && (cd "$T/x" && tar xzf "$T/b.tgz")
sed 's/lodash/l0dash/' "$T/x/vulns-0001.jsonl" >"$T/x/v" && mv "$T/x/v" "$T/x/vulns-0001.jsonl"
(cd "$T/x" && tar czf "$T/changed.tgz" vulns-0001.jsonl manifest.json)
check_run "changed member" 1 y2 feed import-bundle "$T/changed.tgz"
check_eq "changed member message" \
	"yamori: $T/changed.tgz: member 'vulns-0001.jsonl' does not match its SHA-256 in the manifest" "$ERR"
(cd "$T/x" && tar xzf "$T/b.tgz" && echo '{}' >extra.jsonl &&
	tar czf "$T/extra.tgz" vulns-0001.jsonl manifest.json extra.jsonl)
check_run "extra member" 1 y2 feed import-bundle "$T/extra.tgz"
check_eq "extra member message" \
	"yamori: $T/extra.tgz: member 'extra.jsonl' is not in the manifest" "$ERR"
(cd "$T/x" && tar czf "$T/nomanifest.tgz" vulns-0001.jsonl)
check_run "no manifest" 1 y2 feed import-bundle "$T/nomanifest.tgz"
check_eq "no manifest message" \
	"yamori: $T/nomanifest.tgz: not a yamori feed bundle (no manifest.json)" "$ERR"
(cd "$T/x" && tar czf "$T/missing.tgz" manifest.json)
check_run "missing member" 1 y2 feed import-bundle "$T/missing.tgz"
check_eq "missing member message" \
	"yamori: $T/missing.tgz: member 'vulns-0001.jsonl' is in the manifest but not in the bundle" "$ERR"
printf 'not a tarball' >"$T/junk.tgz"
check_run "not an archive" 1 y2 feed import-bundle "$T/junk.tgz"
check_eq "store unchanged" "$before" "$(sqlite3 "$DB2" 'SELECT count(*) FROM vuln_sources')"
check_run "usage" 2 y2 feed import-bundle
check_run "unknown option" 2 y2 feed export-bundle "$T/c.tgz" --no-scan

done_testing
