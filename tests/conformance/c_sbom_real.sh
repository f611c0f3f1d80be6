# Every real CycloneDX JSON document in ../shared/data imports, with the
# component count (nested components included) that an independent count
# gives; the spec's invalid-bomFormat test files are rejected.
. "$(dirname "$0")/lib.sh"

y init >/dev/null
y asset add real >/dev/null
find "$SHARED/sbom" "$SHARED/sbom-real" -name '*.json' -not -path '*schema*' \
	2>/dev/null | sort >"$T/all"
n_files=0
while read -r f; do
	grep -q '"bomFormat"' "$f" || continue
	n_files=$((n_files + 1))
	case "$f" in
	*invalid-bomformat*)
		check_run "rejects $f" 1 y import sbom "$f" --asset real --no-scan
		check_contains "names bomFormat: $f" "bomFormat: not a CycloneDX" "$ERR"
		continue
		;;
	esac
	want=$(python3 -c '
import json, sys
def count(cs):
    return sum(1 + count(c.get("components") or []) for c in cs or [])
print(count(json.load(open(sys.argv[1], encoding="utf-8")).get("components")))
' "$f")
	check_run "imports $f" 0 y --format json import sbom "$f" --asset real --no-scan
	got=$(printf '%s\n' "$OUT" | sed -n 's/.*"components": \([0-9]*\).*/\1/p')
	check_eq "component count of $f" "$want" "$got"
done <"$T/all"
echo "checked $n_files CycloneDX JSON documents"
check_eq "found the real SBOMs" "yes" "$([ "$n_files" -ge 150 ] && echo yes)"

done_testing
