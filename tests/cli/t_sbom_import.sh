# CycloneDX JSON import: components, nesting, Japanese text, and every
# malformed input rejected with file/line/field, exit 1 and no change.
. "$(dirname "$0")/lib.sh"

y init >/dev/null
y dept add joho 情報システム部 >/dev/null

check_run "import into a missing asset" 1 y import sbom \
	"$FIX/sbom/minimal.json" --asset web --no-scan
check_eq "asset web missing" "yamori: no asset 'web'" "$ERR"
y asset add web --dept joho >/dev/null
check_run "import minimal" 0 y import sbom "$FIX/sbom/minimal.json" \
	--asset web --no-scan
check_eq "minimal output" \
	"$FIX/sbom/minimal.json: CycloneDX 1.4, 2 components -> asset 'web'
  2 added, 0 removed, 0 upgraded, 0 downgraded, 0 changed, 0 unchanged" "$OUT"
check_run "asset show json" 0 y --format json asset show web
check_contains "lodash listed" '"purl": "pkg:npm/lodash@4.17.21"' "$OUT"
check_contains "requests listed" '"purl": "pkg:pypi/requests@2.31.0"' "$OUT"

check_run "import nested" 0 y --format json import sbom \
	"$FIX/sbom/nested.json" --no-scan
check_contains "nested json" '"asset_created": true' "$OUT"
nested=$(sqlite3 "$DB" "SELECT count(*) FROM components c JOIN assets a
	ON a.id = c.asset_id WHERE a.id = 2")
nested_children=$(sqlite3 "$DB" "SELECT count(*) FROM components
	WHERE asset_id = 2 AND parent_id IS NOT NULL")
check_eq "nested components kept with parents" "yes" \
	"$([ "$nested" -gt 3 ] && [ "$nested_children" -ge 2 ] && echo yes)"

check_run "import japanese" 0 y import sbom "$FIX/sbom/japanese.json" \
	--no-scan --dept joho
jname=$(sqlite3 "$DB" "SELECT name FROM assets WHERE id = 3")
check_contains "japanese asset name kept" "$(python3 -c 'import json,sys;print(json.load(open(sys.argv[1]))["metadata"]["component"]["name"])' "$FIX/sbom/japanese.json")" "$jname"

check_run "import no-purl" 0 y import sbom "$FIX/sbom/no-purl.json" \
	--asset web --no-scan

# Malformed inputs: exact messages, exit 1, database content unchanged.
before=$(db_state)
bad() {
	name=$1
	file=$2
	msg=$3
	check_run "bad $name" 1 y import sbom "$file" --asset web
	check_eq "bad $name message" "$msg" "$ERR"
	check_eq "bad $name leaves db unchanged" "$before" "$(db_state)"
}
B="$FIX/sbom/bad"
bad truncated "$B/truncated.json" \
	"yamori: $B/truncated.json:16:27: unexpected end of input in string"
bad wrong-type "$B/wrong-type.json" \
	"yamori: $B/wrong-type.json:5:17: components: expected array, got object"
bad wrong-type-version "$B/wrong-type-version.json" \
	"yamori: $B/wrong-type-version.json:9:18: components[0].version: expected string, got number"
bad not-json "$B/not-json.txt" \
	"yamori: $B/not-json.txt:1:1: unexpected byte 0xe3"
bad empty "$B/empty.json" \
	"yamori: $B/empty.json:1:1: unexpected end of input"
bad deep "$B/deep-nesting.json" \
	"yamori: $B/deep-nesting.json:1:11037: nesting deeper than 512 levels"
bad bad-utf8 "$B/bad-utf8.json" \
	"yamori: $B/bad-utf8.json:8:22: invalid UTF-8 in string"
bad bad-purl "$B/bad-purl.json" \
	"yamori: $B/bad-purl.json:10:15: components[0].purl: invalid purl 'npm/lodash@4.17.21': missing 'pkg:' scheme"
bad missing-name "$B/missing-name.json" \
	"yamori: $B/missing-name.json:6:5: components[0].name: component has no name (required)"
bad trailing "$B/trailing-garbage.json" \
	"yamori: $B/trailing-garbage.json:20:1: trailing characters after JSON value"
bad missing-file "$T/nope.json" \
	"yamori: $T/nope.json: cannot open: No such file or directory"

# A 100 MB string: refused by the string limit, not by running out of
# memory, and nothing stored.
sh "$FIX/gen-big-string.sh" "$T/big.json"
bad big-string "$T/big.json" \
	"yamori: $T/big.json:1:115: string longer than 16777216 bytes"
rm -f "$T/big.json"

done_testing
