#!/bin/sh
# cvss_throughput.sh - CVSS vectors per second per version, single thread:
# bench/bench_cvss against every JS peer that scores the version, on the
# same vector files, in the same run, REPS times interleaved; medians.
#
# usage: bench/cvss_throughput.sh [REPS]      (default 3)
# environment:
#   BENCH      bench_cvss binary (default build/h-cvss/bench_cvss, a
#              Release build)
#   PEERS_DIR  npm tree with the peers (default /tmp/peers)
#   PEERS_SRC  the peer scripts (default ../shared/tools/peers)
#   SEED       random seed of the sets (default 1)
#   KEEP=DIR   keep the sets and raw results in DIR
#
# How each side is measured (the method of bench/cvss_peer_diff.sh before):
# - yamori: bench_cvss FILE, one process, the vectors in memory; per
#   vector ym_cvss_parse + ym_cvss_score + the overall score written as
#   text; passes over the file for at least 1 s; vectors / elapsed.
# - a peer: node PEER --quiet --bench P < FILE, the peer's own loop
#   (_common.js): after one normal pass (which also warms the JIT) the
#   peer's function (parse, score, format the score as text) runs P more
#   times over all lines; items_per_s of those P passes, start-up and the
#   first pass excluded. P is 1, or when one pass takes under 1 s, what
#   makes about 1.5 s (from the P = 1 run's rate). Peers run in their
#   default mode (base score only for v2/v3 in pandatix, cvss, cvss4),
#   which is less work than ours (base, temporal and environmental).
# Files (bench/cvss_vectors.py, the sets of bench/cvss_agree.sh): the
# base sets of v2 (729) and v3.x (2,592) whole, v4.0 base every 52nd of
# the 104,976 (2,019), the first 20,000 random vectors of v2 and v3.x
# and the first 2,000 of v4.0.
# Peers per version: v2 ae, pandatix; v3.0 ae, pandatix, cvss; v3.1 ae,
# pandatix, cvss4; v4.0 ae, pandatix, cvss4. Ratio: median of ours over
# the median of the fastest peer; "min" is the smallest ratio of a single
# repetition (ours over the fastest peer of that repetition).
set -eu

REPS=${1:-3}
SRC=$(cd "$(dirname "$0")/.." && pwd)
BENCH=${BENCH:-$SRC/build/h-cvss/bench_cvss}
PEERS_SRC=${PEERS_SRC:-$SRC/../shared/tools/peers}
export PEERS_DIR=${PEERS_DIR:-/tmp/peers}
SEED=${SEED:-1}

if [ ! -x "$BENCH" ]; then
	echo "cvss_throughput: $BENCH not built" >&2
	exit 2
fi
if [ -n "${KEEP:-}" ]; then
	W=$KEEP
	mkdir -p "$W"
else
	W=$(mktemp -d "${TMPDIR:-/tmp}/cvss-tput.XXXXXX")
	trap 'rm -rf "$W"' EXIT
fi

python3 "$SRC/bench/cvss_vectors.py" "$W" 20000 "$SEED"
awk 'NR % 52 == 1' "$W/v4-base" >"$W/v4-base.s" && mv "$W/v4-base.s" "$W/v4-base"
head -n 2000 "$W/v4-random" >"$W/v4-random.s" && mv "$W/v4-random.s" "$W/v4-random"

SETS="v2-base v2-random v30-base v30-random v31-base v31-random v4-base v4-random"
peers_of() {
	case $1 in
	v2-*) echo "cvss-ae.js cvss-pandatix.mjs" ;;
	v30-*) echo "cvss-ae.js cvss-pandatix.mjs cvss-cvss.js" ;;
	v31-*) echo "cvss-ae.js cvss-pandatix.mjs cvss-cvss4.js" ;;
	v4-*) echo "cvss-ae.js cvss-pandatix.mjs cvss-cvss4.js" ;;
	esac
}
installed() {
	case $1 in
	cvss-ae.js) d=ae-cvss-calculator ;;
	cvss-pandatix.mjs) d=@pandatix/js-cvss ;;
	cvss-cvss4.js) d=cvss4 ;;
	cvss-cvss.js) d=cvss ;;
	esac
	[ -d "$PEERS_DIR/node_modules/$d" ]
}

peer_rate() { # PEER FILE PASSES
	node "$PEERS_SRC/$1" --quiet --bench "$3" <"$2" 2>&1 >/dev/null |
		sed -n 's/.*items_per_s=\([0-9]*\).*/\1/p'
}

: >"$W/raw" # REP SET WHO RATE
rep=1
while [ "$rep" -le "$REPS" ]; do
	for set in $SETS; do
		f="$W/$set"
		n=$(wc -l <"$f")
		r=$("$BENCH" "$f" | sed -n 's/.*vectors_per_s=\([0-9]*\).*/\1/p')
		echo "$rep $set yamori $r" >>"$W/raw"
		for p in $(peers_of "$set"); do
			installed "$p" || continue
			r=$(peer_rate "$p" "$f" 1)
			# one bench pass took under 1 s: again, with passes
			# for about 1.5 s
			passes=$(awk -v r="${r:-0}" -v n="$n" 'BEGIN {
				p = r > 0 ? int(1.5 * r / n) + 1 : 1
				print (n / (r > 0 ? r : 1) < 1 ? p : 1) }')
			if [ "$passes" -gt 1 ]; then
				r=$(peer_rate "$p" "$f" "$passes")
			fi
			echo "$rep $set ${p%.*} ${r:-0}" >>"$W/raw"
		done
	done
	rep=$((rep + 1))
done

echo "single thread, vectors/s, median of $REPS interleaved runs" \
	"($(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)):"
python3 - "$W/raw" "$SETS" <<'EOF_PY'
import statistics, sys
raw, sets = sys.argv[1], sys.argv[2].split()
runs = {}
for line in open(raw):
    rep, s, who, r = line.split()
    runs.setdefault(s, {}).setdefault(who, {})[int(rep)] = int(r)
who_all = ["yamori", "cvss-ae", "cvss-pandatix", "cvss-cvss4", "cvss-cvss"]
names = {"yamori": "yamori", "cvss-ae": "ae-cvss-calc", "cvss-pandatix":
         "pandatix", "cvss-cvss4": "cvss4", "cvss-cvss": "cvss"}
print("| set | " + " | ".join(names[w] for w in who_all) +
      " | fastest peer | ratio | min |")
print("|---|" + "---:|" * len(who_all) + "---|---:|---:|")
for s in sets:
    d = runs.get(s, {})
    med = {w: statistics.median(d[w].values()) for w in d}
    peers = [w for w in med if w != "yamori" and med[w] > 0]
    if not peers or "yamori" not in med:
        continue
    fast = max(peers, key=lambda w: med[w])
    ratio = med["yamori"] / med[fast]
    per_rep = [d["yamori"][r] / max(d[w][r] for w in peers if r in d[w])
               for r in d["yamori"]]
    cells = [f"{med[w]:,.0f}" if w in med else "-" for w in who_all]
    print(f"| {s} | " + " | ".join(cells) +
          f" | {names[fast]} | {ratio:.0f}x | {min(per_rep):.0f}x |")
EOF_PY
