# Ground truth for ranges: real OSV advisories that list their affected
# versions (PyPA, Go, RustSec) are imported without those lists; a
# component at every listed version must be found (recall) and none at a
# fixed version (precision). Prints precision and recall; both must be
# 100% on these exact identifiers.
. "$(dirname "$0")/lib.sh"

command -v python3 >/dev/null || { echo "SKIPPED: python3 missing"; exit 77; }
read -r n_rec n_comp n_pos n_neg n_legacy n_contra <<EOF2
$(python3 "$YM_SRC/tests/conformance/match_truth.py" "$SHARED" "$T/truth" "$YAMORI")
EOF2
echo "labelled set: $n_rec advisories, $n_comp components, $n_pos affected pairs, $n_neg fixed pairs"
echo "left out: $n_legacy listed PyPI versions no PEP 440 scheme can read (0.7.10p1, 0.1-bulbasaur), $n_contra listed versions that are the record's own fix (or a post release of it)"
y init >/dev/null
check_run "import advisories" 0 y --quiet feed import osv --no-scan "$T/truth/osv"
check_run "import sbom" 0 y --quiet import sbom "$T/truth/sbom.cdx.json" --no-scan
check_run "scan" 0 y --quiet scan
y --format json findings list --status all >"$T/findings.json"
python3 - "$T/truth/truth.tsv" "$T/findings.json" >"$T/score" <<'PY'
import json, sys
truth = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
got = set()
for f in json.load(open(sys.argv[2])):
    v = f["vulnerability"]
    for i in [v["id"]] + v.get("aliases", []):
        got.add((f["component"]["purl"], i))
tp = sum(1 for p, a, l in truth if l == "1" and (p, a) in got)
fn = sum(1 for p, a, l in truth if l == "1" and (p, a) not in got)
fp = sum(1 for p, a, l in truth if l == "0" and (p, a) in got)
prec = 100.0 * tp / (tp + fp) if tp + fp else 100.0
rec = 100.0 * tp / (tp + fn) if tp + fn else 100.0
print("%d %d %d %.2f %.2f" % (tp, fn, fp, prec, rec))
PY
read -r tp fn fp prec rec <"$T/score"
echo "true positives $tp, false negatives $fn, false positives $fp: precision $prec%, recall $rec%"
check_eq "labelled set is large" "yes" "$([ "$n_pos" -gt 1000 ] && echo yes)"
check_eq "no false negatives" "0" "$fn"
check_eq "no false positives" "0" "$fp"

done_testing
