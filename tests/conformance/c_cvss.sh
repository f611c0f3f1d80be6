# CVSS scores against the expected scores of ../shared/data/cvss (see its
# MANIFEST.md), all through `yamori cvss --batch --all`:
#   redhat-python-cvss/*.tsv   base/temporal/environmental (v2, v3.x) or
#                              the single v4.0 score; every given column
#                              must agree exactly
#   nvd-observed/*.tsv         NVD base score and severity; must agree
#   observed/*.tsv             scores published in CVE5/NVD records as
#                              "baseScore". Some publishers put the
#                              temporal or environmental score there (a
#                              3.1 vector's environmental score with all
#                              metrics X can differ from its base score),
#                              so a vector agrees if one of its scores is
#                              a published one; those matches are counted
#                              apart. Wrong publications are in KNOWN.
# Prints the counts per file.
. "$(dirname "$0")/lib.sh"

DIR="$SHARED/cvss"
if [ ! -d "$DIR/redhat-python-cvss" ]; then
	echo "SKIPPED: $DIR not found"
	exit 77
fi

python3 - "$DIR" "$YAMORI" <<'EOF_PY'
import csv, glob, os, subprocess, sys

root, yamori = sys.argv[1], sys.argv[2]

# vector -> why the published score is not the specification's
KNOWN = {
    "CVSS:4.0/AV:N/AC:L/AT:N/PR:H/UI:N/VC:N/VI:N/VA:N/SC:L/SI:N/SA:N":
    "published 2.0 (cve5:Checkmk); the FIRST method gives 5.1, as do "
    "ae-cvss-calculator and @pandatix/js-cvss",
}

cases = []  # (file, vector, {column: expected})
for path in sorted(glob.glob(os.path.join(root, "redhat-python-cvss", "*.tsv"))):
    with open(path, newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            exp = {}
            for col, key in (("base_score", "base"),
                             ("temporal_score", "temporal"),
                             ("environmental_score", "environmental"),
                             ("cvss4_score", "score")):
                if row.get(col):
                    exp[key] = float(row[col])
            cases.append((os.path.relpath(path, root), row["vector"], exp))
for path in sorted(glob.glob(os.path.join(root, "nvd-observed", "*.tsv"))):
    with open(path, newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            cases.append((os.path.relpath(path, root), row["vector"],
                          {"base": float(row["base_score"]),
                           "severity": row["severity"].capitalize()}))
observed = {}
for path in sorted(glob.glob(os.path.join(root, "observed", "*.tsv"))):
    with open(path, newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            key = "score" if row["version"] == "4.0" else "base"
            observed.setdefault(row["vector"], (os.path.relpath(path, root),
                                                key, set()))[2].add(
                float(row["base_score"]))

vectors = sorted({c[1] for c in cases} | set(observed))
p = subprocess.run([yamori, "cvss", "--batch", "--all"],
                   input="\n".join(vectors) + "\n",
                   capture_output=True, text=True)
got = {}
for line in p.stdout.splitlines():
    f = line.split("\t")
    if f[1] == "error":
        got[f[0]] = {"error": f[2]}
    else:
        got[f[0]] = {"score": float(f[1]), "severity": f[2],
                     "base": float(f[3]), "temporal": float(f[4]),
                     "environmental": float(f[5])}

counts = {}
bad = 0
def count(fname, ok):
    c = counts.setdefault(fname, [0, 0])
    c[0 if ok else 1] += 1

for fname, vec, exp in cases:
    g = got.get(vec, {"error": "no output"})
    diffs = [f"{k}: expected {v}, got {g.get(k, g.get('error'))}"
             for k, v in exp.items() if g.get(k) != v]
    count(fname, not diffs)
    if diffs:
        bad += 1
        print(f"FAIL {fname}: {vec}: " + "; ".join(diffs))
for vec, (fname, key, scores) in sorted(observed.items()):
    g = got.get(vec, {"error": "no output"})
    ok = g.get(key) in scores
    if not ok and any(g.get(k) in scores
                      for k in ("temporal", "environmental")):
        count(fname + " (as temporal/environmental)", True)
        continue
    if not ok and vec in KNOWN:
        print(f"known {fname}: {vec}: {KNOWN[vec]}")
        ok = True
    count(fname, ok)
    if not ok:
        bad += 1
        print(f"FAIL {fname}: {vec}: published {sorted(scores)}, "
              f"got {g.get(key, g.get('error'))}")
total = [0, 0]
for fname, (ok, ko) in sorted(counts.items()):
    print(f"{fname}: {ok} agree, {ko} differ")
    total[0] += ok
    total[1] += ko
print(f"total: {total[0]} agree, {total[1]} differ")
sys.exit(1 if bad else 0)
EOF_PY
