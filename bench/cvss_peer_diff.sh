#!/bin/sh
# cvss_peer_diff.sh - score CVSS vectors with yamori and with a peer
# calculator (ae-cvss-calculator, which agrees with the FIRST/Red Hat
# reference on every v4.0 base vector) and report every disagreement.
#
# usage: bench/cvss_peer_diff.sh [N]
#   N       random vectors per version with temporal/threat/environmental
#           (and v4.0 supplemental) metrics, default 200000
# environment:
#   YAMORI     yamori binary (default build/h-cvss-rel/yamori)
#   BENCH      bench_cvss binary (default next to YAMORI; skipped if absent)
#   PEERS_DIR  where ae-cvss-calculator is installed (npm install --prefix
#              $PEERS_DIR ae-cvss-calculator), default /tmp/peers
#   PEERS_SRC  the peer scripts (default ../shared/tools/peers)
#   SEED       random seed (default 1)
# Sets: all 104,976 v4.0 base vectors, all 2,592 v3.1 and v3.0 base
# vectors, all 729 v2 base vectors, then N random vectors per version.
# Exit status 1 if any score differs.
set -eu

N=${1:-200000}
SRC=$(cd "$(dirname "$0")/.." && pwd)
YAMORI=${YAMORI:-$SRC/build/h-cvss-rel/yamori}
BENCH=${BENCH:-$(dirname "$YAMORI")/bench_cvss}
PEERS_SRC=${PEERS_SRC:-$SRC/../shared/tools/peers}
export PEERS_DIR=${PEERS_DIR:-/tmp/peers}
SEED=${SEED:-1}

if [ ! -x "$YAMORI" ]; then
	echo "cvss_peer_diff: $YAMORI not built" >&2
	exit 2
fi
if [ ! -d "$PEERS_DIR/node_modules/ae-cvss-calculator" ]; then
	echo "cvss_peer_diff: ae-cvss-calculator not in $PEERS_DIR" >&2
	exit 2
fi
W=$(mktemp -d "${TMPDIR:-/tmp}/cvss-peer-diff.XXXXXX")
trap 'rm -rf "$W"' EXIT

python3 - "$W" "$N" "$SEED" <<'EOF_PY'
import itertools, random, sys

out, n, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rnd = random.Random(seed)

def combos(metrics):
    names = [m for m, _ in metrics]
    for vals in itertools.product(*[v for _, v in metrics]):
        yield "/".join(f"{m}:{v}" for m, v in zip(names, vals))

V4B = [("AV", "NALP"), ("AC", "LH"), ("AT", "NP"), ("PR", "NLH"),
       ("UI", "NPA"), ("VC", "HLN"), ("VI", "HLN"), ("VA", "HLN"),
       ("SC", "HLN"), ("SI", "HLN"), ("SA", "HLN")]
V4O = [("E", "XAPU"), ("CR", "XHML"), ("IR", "XHML"), ("AR", "XHML"),
       ("MAV", "XNALP"), ("MAC", "XLH"), ("MAT", "XNP"), ("MPR", "XNLH"),
       ("MUI", "XNPA"), ("MVC", "XHLN"), ("MVI", "XHLN"), ("MVA", "XHLN"),
       ("MSC", "XHLN"), ("MSI", "XHLNS"), ("MSA", "XHLNS"),
       ("S", "XNP"), ("AU", "XNY"), ("R", "XAUI"), ("V", "XDC"),
       ("RE", "XLMH"), ("U", ["X", "Clear", "Green", "Amber", "Red"])]
V3B = [("AV", "NALP"), ("AC", "LH"), ("PR", "NLH"), ("UI", "NR"),
       ("S", "UC"), ("C", "HLN"), ("I", "HLN"), ("A", "HLN")]
V3O = [("E", "XHFPU"), ("RL", "XUWTO"), ("RC", "XCRU"), ("CR", "XHML"),
       ("IR", "XHML"), ("AR", "XHML"), ("MAV", "XNALP"), ("MAC", "XLH"),
       ("MPR", "XNLH"), ("MUI", "XNR"), ("MS", "XUC"), ("MC", "XHLN"),
       ("MI", "XHLN"), ("MA", "XHLN")]
V2B = [("AV", "LAN"), ("AC", "HML"), ("Au", "MSN"), ("C", "NPC"),
       ("I", "NPC"), ("A", "NPC")]
V2O = [("E", ["U", "POC", "F", "H", "ND"]), ("RL", ["OF", "TF", "W", "U", "ND"]),
       ("RC", ["UC", "UR", "C", "ND"]),
       ("CDP", ["N", "L", "LM", "MH", "H", "ND"]),
       ("TD", ["N", "L", "M", "H", "ND"]), ("CR", ["L", "M", "H", "ND"]),
       ("IR", ["L", "M", "H", "ND"]), ("AR", ["L", "M", "H", "ND"])]

def write(name, lines):
    with open(f"{out}/{name}", "w") as f:
        f.write("\n".join(lines) + "\n")

write("v4-base", ["CVSS:4.0/" + v for v in combos(V4B)])
write("v31-base", ["CVSS:3.1/" + v for v in combos(V3B)])
write("v30-base", ["CVSS:3.0/" + v for v in combos(V3B)])
write("v2-base", list(combos(V2B)))

def rand(prefix, base, opt, k):
    seen, lines = set(), []
    tries = 0
    while len(lines) < k and tries < 20 * k:
        tries += 1
        parts = [f"{m}:{rnd.choice(list(v))}" for m, v in base]
        p = rnd.random()  # how many optional metrics to draw
        for m, v in opt:
            if rnd.random() < p:
                parts.append(f"{m}:{rnd.choice(list(v))}")
        s = prefix + "/".join(parts)
        if s not in seen:
            seen.add(s)
            lines.append(s)
    return lines

write("v4-random", rand("CVSS:4.0/", V4B, V4O, n))
write("v31-random", rand("CVSS:3.1/", V3B, V3O, n))
write("v30-random", rand("CVSS:3.0/", V3B, V3O, n))
write("v2-random", rand("", V2B, V2O, n))
EOF_PY

# yamori: VECTOR SCORE SEVERITY BASE TEMPORAL ENV NOMENCLATURE
# peer --all: v2/v3 VECTOR BASE TEMPORAL ENV (NA when the group is
# absent); v4.0 VECTOR SCORE NA NA. Compared: every number the peer gives.
status=0
for set in v4-base v31-base v30-base v2-base v4-random v31-random \
	v30-random v2-random; do
	"$YAMORI" cvss --batch --all <"$W/$set" >"$W/$set.ours" || true
	node "$PEERS_SRC/cvss-ae.js" --all <"$W/$set" >"$W/$set.peer"
	python3 - "$set" "$W/$set.ours" "$W/$set.peer" <<'EOF_PY' || status=1
import math, sys
from decimal import Decimal as D, ROUND_HALF_UP
name, ours_p, peer_p = sys.argv[1:]

# v2: the guide (3.2.3) computes AdjustedTemporal with the rounded base
# and temporal equations; ae-cvss-calculator keeps both unrounded but
# rounds Exploitability to one decimal, all in binary floating point, so
# it also misses decimal ties (9.0 x 0.95 = 8.55 -> 8.5). A v2 difference
# is "explained" when the guide's equations in exact decimal (what the
# Red Hat reference does) give our score and the peer's variant gives
# the peer's.
W2 = {"AV": {"L": "0.395", "A": "0.646", "N": "1.0"},
      "AC": {"H": "0.35", "M": "0.61", "L": "0.71"},
      "Au": {"M": "0.45", "S": "0.56", "N": "0.704"},
      "C": {"N": "0", "P": "0.275", "C": "0.660"},
      "E": {"U": "0.85", "POC": "0.9", "F": "0.95", "H": "1", "ND": "1"},
      "RL": {"OF": "0.87", "TF": "0.9", "W": "0.95", "U": "1", "ND": "1"},
      "RC": {"UC": "0.9", "UR": "0.95", "C": "1", "ND": "1"},
      "CDP": {"N": "0", "L": "0.1", "LM": "0.3", "MH": "0.4", "H": "0.5",
              "ND": "0"},
      "TD": {"N": "0", "L": "0.25", "M": "0.75", "H": "1", "ND": "1"},
      "CR": {"L": "0.5", "M": "1", "H": "1.51", "ND": "1"}}
DEF2 = {"E": "ND", "RL": "ND", "RC": "ND", "CDP": "ND", "TD": "ND",
        "CR": "ND", "IR": "ND", "AR": "ND"}
def v2_env(vec, num, rnd):
    m = dict(DEF2, **dict(c.split(":") for c in vec.split("/")))
    w = lambda k, t=None: num(W2[t or k][m[k]])
    ai = min(num("10"), num("10.41") * (1 - (1 - w("C") * w("CR", "CR")) *
             (1 - w("I", "C") * w("IR", "CR")) * (1 - w("A", "C") * w("AR", "CR"))))
    ex = 20 * w("AV") * w("AC") * w("Au")
    f = 0 if ai == 0 else num("1.176")
    ab = rnd((num("0.6") * ai + num("0.4") * ex - num("1.5")) * f)
    at = rnd(ab * w("E") * w("RL") * w("RC"))
    return (at + (10 - at) * w("CDP")) * w("TD")
def spec_v2(vec):
    q = lambda x: x.quantize(D("0.1"), rounding=ROUND_HALF_UP)
    return float(q(v2_env(vec, D, q)))
def ae_v2(vec):
    m = dict(DEF2, **dict(c.split(":") for c in vec.split("/")))
    w = lambda k, t=None: float(W2[t or k][m[k]])
    ai = min(10, 10.41 * (1 - (1 - w("C") * w("CR", "CR")) *
             (1 - w("I", "C") * w("IR", "CR")) * (1 - w("A", "C") * w("AR", "CR"))))
    ex = 20 * w("AV") * w("AC") * w("Au")
    ex = math.floor(ex * 10 + 0.5) / 10  # peer rounds Exploitability
    f = 0 if ai == 0 else 1.176
    at = (0.6 * ai + 0.4 * ex - 1.5) * f * w("E") * w("RL") * w("RC")
    x = (at + (10 - at) * w("CDP")) * w("TD")
    return math.floor(x * 10 + 0.5) / 10  # Math.round
def v2_temporal(vec, base, num):
    m = dict(DEF2, **dict(c.split(":") for c in vec.split("/")))
    return num(base) * num(W2["E"][m["E"]]) * num(W2["RL"][m["RL"]]) * \
        num(W2["RC"][m["RC"]])
def v2_explained(vec, o, p):
    """o: our base, temporal, env; p: the peer's (NA when absent)"""
    if o[0] != p[0]:
        return False
    if p[1] not in ("NA", o[1]):
        # a decimal tie (x.x5) the peer's binary product misses
        t = v2_temporal(vec, o[0], D).quantize(D("0.1"), ROUND_HALF_UP)
        pt = math.floor(v2_temporal(vec, o[0], float) * 10 + 0.5) / 10
        if float(t) != float(o[1]) or pt != float(p[1]):
            return False
    if p[2] not in ("NA", o[2]):
        if spec_v2(vec) != float(o[2]) or ae_v2(vec) != float(p[2]):
            return False
    return True
explained = 0
ours = {}
for line in open(ours_p):
    f = line.rstrip("\n").split("\t")
    ours[f[0]] = f
n = diff = 0
shown = 0
for line in open(peer_p):
    f = line.rstrip("\n").split("\t")
    n += 1
    o = ours.get(f[0])
    if o is None or o[1] == "error" or f[1].startswith("ERROR"):
        bad = not (o and o[1] == "error" and f[1].startswith("ERROR"))
        why = f"ours {o[1:3] if o else 'missing'}, peer {f[1]}"
    elif f[0].startswith("CVSS:4.0/"):
        bad = o[1] != f[1]
        why = f"ours {o[1]}, peer {f[1]}"
    else:
        mine = [o[3], o[4], o[5]]
        bad = any(p != "NA" and p != m for p, m in zip(f[1:4], mine))
        why = f"ours {mine}, peer {f[1:4]}"
    if bad and not f[0].startswith("CVSS:") and \
            v2_explained(f[0], o[3:6], f[1:4]):
        explained += 1
        bad = False
    if bad:
        diff += 1
        if shown < 10:
            shown += 1
            print(f"  DIFF {f[0]}: {why}")
print(f"{name}: {n} vectors, {diff} differ" +
      (f", {explained} v2 vectors differ as explained (peer: binary ties, "
       "AdjustedBase/AdjustedTemporal unrounded, Exploitability rounded)"
       if explained else ""))
sys.exit(1 if diff else 0)
EOF_PY
done

# Throughput on the same sets: each JS peer's own --bench loop (parse +
# score in one process, output excluded) against bench/bench_cvss on the
# same files; the ratio is to the fastest peer.
peer_rate() { # SCRIPT FILE PASSES
	node "$PEERS_SRC/$1" --quiet --bench "$3" <"$2" 2>&1 >/dev/null |
		sed -n 's/.*items_per_s=\([0-9]*\).*/\1/p'
}
if [ -x "$BENCH" ]; then
	echo "throughput (vectors/s, single thread):"
	for set in v4-base v31-base v30-base v2-base v4-random v31-random; do
		case $set in v4-*) passes=1 ;; *) passes=20 ;; esac
		ae=$(peer_rate cvss-ae.js "$W/$set" $passes)
		pa=0
		if [ -d "$PEERS_DIR/node_modules/@pandatix/js-cvss" ]; then
			head -n 20000 "$W/$set" >"$W/$set.pa"
			pa=$(peer_rate cvss-pandatix.mjs "$W/$set.pa" $passes)
		fi
		ours=$("$BENCH" "$W/$set" |
			sed -n 's/.*vectors_per_s=\([0-9]*\).*/\1/p')
		awk -v s="$set" -v o="$ours" -v a="${ae:-0}" -v p="${pa:-0}" 'BEGIN {
			f = a > p ? a : p
			printf "  %-10s yamori %9d  ae-cvss-calculator %7d  " \
				"@pandatix/js-cvss %7d  ratio to fastest %.0fx\n",
				s, o, a, p, (f > 0 ? o / f : 0) }'
	done
fi
exit $status
