# A generated corpus (bench/gen_corpus.py, small size) matched end to end:
# the findings must equal the generator's own independent expectation.
. "$(dirname "$0")/lib.sh"

command -v python3 >/dev/null || { echo "python3 missing: skipped"; exit 77; }
python3 "$YM_SRC/bench/gen_corpus.py" --components 1500 --advisories 4000 \
	--seed 7 "$T/c" >/dev/null || { not_ok "generator failed"; done_testing; exit 1; }
y init >/dev/null
y asset add gen >/dev/null
check_run "import generated sbom" 0 y --quiet import sbom "$T/c/sbom.cdx.json" \
	--asset gen --no-scan
check_run "import generated osv" 0 y --quiet feed import osv "$T/c/osv"
y --format json findings list | python3 -c '
import json, sys
# an advisory with a CVE alias is stored under the CVE (its identity):
# compare by the advisory id, which is then among the aliases
got = set()
for f in json.load(sys.stdin):
    v = f["vulnerability"]
    ids = [v["id"]] + v.get("aliases", [])
    adv = next((i for i in ids if not i.startswith("CVE-")), v["id"])
    got.add((f["component"]["purl"], adv))
exp = set()
for line in open(sys.argv[1]).read().splitlines()[1:]:
    ref, purl, adv = line.split("\t")
    exp.add((purl, adv))
print(len(exp), len(got - exp), len(exp - got))
' "$T/c/expected-findings.tsv" >"$T/cmp"
read -r n extra missing <"$T/cmp"
check_eq "generated corpus has findings" "yes" "$([ "$n" -gt 20 ] && echo yes)"
check_eq "no false positives" "0" "$extra"
check_eq "no false negatives" "0" "$missing"

done_testing
