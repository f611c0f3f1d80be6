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

# CycloneDX XML: every document in a known namespace imports with the
# component count an independent count gives; the spec's invalid-namespace
# documents are rejected naming the namespace.
find "$SHARED/sbom" -name '*.xml' -not -path '*schema*' 2>/dev/null | sort \
	>"$T/xml"
n_xml=0
while read -r f; do
	grep -q 'cyclonedx.org/schema/bom' "$f" || continue
	n_xml=$((n_xml + 1))
	case "$f" in
	*invalid-namespace*)
		check_run "rejects $f" 1 y import sbom "$f" --asset real --no-scan
		check_contains "names the namespace: $f" "unsupported CycloneDX namespace" "$ERR"
		continue
		;;
	esac
	want=$(python3 -c '
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
ns = root.tag[1:].split("}")[0]
def count(el):
    if el is None:
        return 0
    return sum(1 + count(c.find("{%s}components" % ns))
               for c in el.findall("{%s}component" % ns))
print(count(root.find("{%s}components" % ns)))
' "$f")
	check_run "imports $f" 0 y --format json import sbom "$f" --asset real --no-scan
	got=$(printf '%s\n' "$OUT" | sed -n 's/.*"components": \([0-9]*\).*/\1/p')
	check_eq "component count of $f" "$want" "$got"
done <"$T/xml"
echo "checked $n_xml CycloneDX XML documents"
check_eq "found the CycloneDX XML SBOMs" "yes" "$([ "$n_xml" -ge 100 ] && echo yes)"

# SPDX 2 JSON: packages less the described one (the subject)
find "$SHARED/sbom" "$SHARED/sbom-real" -name '*.json' -not -path '*schema*' \
	2>/dev/null | sort >"$T/spdxj"
n_spdx=0
while read -r f; do
	grep -q '"spdxVersion"' "$f" || continue
	n_spdx=$((n_spdx + 1))
	want=$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
ids = [p.get("SPDXID") for p in d.get("packages") or []]
desc = list(d.get("documentDescribes") or [])
doc = d.get("SPDXID", "SPDXRef-DOCUMENT")
for r in d.get("relationships") or []:
    if r["relationshipType"] == "DESCRIBES" and r["spdxElementId"] == doc:
        desc.append(r["relatedSpdxElement"])
    if r["relationshipType"] == "DESCRIBED_BY" and r["relatedSpdxElement"] == doc:
        desc.append(r["spdxElementId"])
print(len(ids) - (1 if any(x in ids for x in desc) else 0))
' "$f")
	check_run "imports $f" 0 y --format json import sbom "$f" --asset real --no-scan
	got=$(printf '%s\n' "$OUT" | sed -n 's/.*"components": \([0-9]*\).*/\1/p')
	check_eq "component count of $f" "$want" "$got"
done <"$T/spdxj"
echo "checked $n_spdx SPDX JSON documents"
check_eq "found the SPDX JSON SBOMs" "yes" "$([ "$n_spdx" -ge 14 ] && echo yes)"

# SPDX tag-value: PackageName lines less the described package
find "$SHARED/sbom" -name '*.spdx' 2>/dev/null | sort >"$T/spdxtv"
n_tv=0
while read -r f; do
	n_tv=$((n_tv + 1))
	want=$(python3 -c '
import sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
ids, cur, desc = [], False, []
for l in lines:
    if l.startswith("PackageName:"):
        cur = True
    elif l.startswith(("FileName:", "SnippetSPDXID:", "LicenseID:")):
        cur = False
    elif l.startswith("SPDXID:") and cur:
        ids.append(l.split(":", 1)[1].strip())
        cur = False
    elif l.startswith("Relationship:"):
        a, t, b = l.split(":", 1)[1].split()
        if t == "DESCRIBES" and a == "SPDXRef-DOCUMENT":
            desc.append(b)
print(len(ids) - (1 if any(x in ids for x in desc) else 0))
' "$f")
	check_run "imports $f" 0 y --format json import sbom "$f" --asset real --no-scan
	got=$(printf '%s\n' "$OUT" | sed -n 's/.*"components": \([0-9]*\).*/\1/p')
	check_eq "component count of $f" "$want" "$got"
done <"$T/spdxtv"
echo "checked $n_tv SPDX tag-value documents"
check_eq "found the SPDX tag-value SBOMs" "yes" "$([ "$n_tv" -ge 9 ] && echo yes)"

# SPDX in XML and YAML is refused with a message that says so
for f in "$SHARED/sbom/spdx-spec-2.3/SPDXXMLExample-v2.3.spdx.xml" \
	"$SHARED/sbom/spdx-spec-2.3/SPDXYAMLExample-2.3.spdx.yaml"; do
	[ -f "$f" ] || continue
	check_run "refuses $f" 1 y import sbom "$f" --asset real --no-scan
	check_contains "says why: $f" "is not supported" "$ERR"
done

done_testing
