# SSVC decisions against the decision tables of CERTCC/SSVC in
# ../shared/data/ssvc/csv (see its MANIFEST.md): every row of every
# table yamori ships is given to `yamori ssvc decide` with the CSV's own
# decision point names and values (not our keys), and the outcome must be
# the CSV's. Every deployer row is decided a second time with
# human_impact derived from a mission_impact and safety_impact pair of
# the human impact CSV. Prints the counts per table.
. "$(dirname "$0")/lib.sh"

DIR="$SHARED/ssvc/csv"
if [ ! -d "$DIR" ]; then
	echo "SKIPPED: $DIR not found"
	exit 77
fi

python3 - "$DIR" "$YAMORI" <<'EOF_PY'
import csv, os, re, subprocess, sys

root, yamori = sys.argv[1], sys.argv[2]
TABLES = [
    ("human-impact", "ssvc/human_impact_1_0_0.csv"),
    ("utility", "ssvc/utility_1_0_0.csv"),
    ("public-safety-impact", "ssvc/public_safety_impact_1_0_0.csv"),
    ("deployer", "ssvc/deployer_patch_application_priority_1_0_0.csv"),
    ("supplier", "ssvc/supplier_patch_development_priority_1_0_0.csv"),
    ("coordinator-triage", "ssvc/coordinator_triage_1_0_0.csv"),
    ("coordinator-publish",
     "ssvc/coordinator_publish_decision_table_1_0_0.csv"),
    ("cisa", "cisa/cisa_coordinator_2_0_3.csv"),
    ("bod-26-04", "cisa/cisa_bod_26_04_1_0_0.csv"),
]

def point(col):
    # "Exploitation v1.1.0", "In KEV v1.0.0 (cisa)" -> the name
    return re.sub(r" v\d+\.\d+\.\d+( \([^)]*\))?$", "", col)

def decide(tree, pairs):
    p = subprocess.run([yamori, "--format", "csv", "ssvc", "decide",
                        "--tree", tree, "--no-time"] +
                       [f"{k}={v}" for k, v in pairs],
                       capture_output=True, text=True)
    if p.returncode != 0:
        return "error: " + p.stderr.strip()
    rows = list(csv.DictReader(p.stdout.splitlines()))
    return rows[0]["name"]

def load(path):
    with open(os.path.join(root, path), newline="") as f:
        rows = list(csv.reader(f))
    return [point(c) for c in rows[0][1:]], rows[1:]

bad = 0
total = [0, 0]
for tree, path in TABLES:
    cols, rows = load(path)
    ok = ko = 0
    for r in rows:
        got = decide(tree, zip(cols[:-1], r[1:-1]))
        if got.lower() == r[-1].lower():
            ok += 1
        else:
            ko += 1
            print(f"FAIL {tree} row {r[0]}: expected {r[-1]}, got {got}")
    print(f"{tree}: {ok} agree, {ko} differ")
    total[0] += ok
    total[1] += ko

# deployer again, human impact derived (chained tables)
hcols, hrows = load("ssvc/human_impact_1_0_0.csv")
pair = {}
for r in hrows:
    pair.setdefault(r[-1].lower(), list(zip(hcols[:-1], r[1:-1])))
cols, rows = load("ssvc/deployer_patch_application_priority_1_0_0.csv")
ok = ko = 0
for r in rows:
    inputs = list(zip(cols[:-2], r[1:-2])) + pair[r[-2].lower()]
    got = decide("deployer", inputs)
    if got.lower() == r[-1].lower():
        ok += 1
    else:
        ko += 1
        print(f"FAIL deployer (chained) row {r[0]}: expected {r[-1]}, "
              f"got {got}")
print(f"deployer with human impact derived: {ok} agree, {ko} differ")
total[0] += ok
total[1] += ko
print(f"total: {total[0]} agree, {total[1]} differ")
sys.exit(1 if total[1] else 0)
EOF_PY
