#!/bin/sh
# cvss_agree.sh - exhaustive agreement of `yamori cvss --batch --all` with
# the reference peer, per CVSS version (not part of the test suite).
#
# usage: bench/cvss_agree.sh [N]
#   N   random vectors per version with temporal/threat/environmental (and
#       v4.0 supplemental) metrics, default 200000
# environment:
#   YAMORI     yamori binary (default build/h-cvss/yamori)
#   PEERS_DIR  npm tree with the peers (default /tmp/peers), set up as
#              ../shared/tools/peers/README.md says
#   PEERS_SRC  the peer scripts (default ../shared/tools/peers)
#   SEED       random seed (default 1): the sets are reproducible
#   OTHERS=1   also compare the other peers (their deviations, docs/cvss.md)
#   KEEP=DIR   keep the sets and outputs in DIR
#
# Sets (bench/cvss_vectors.py): all 104,976 v4.0 base vectors, all 2,592
# v3.1 and v3.0 base vectors, all 729 v2 base vectors, and N random vectors
# per version. Reference peer: ae-cvss-calculator 1.0.13 for every version
# (it matches the FIRST/Red Hat reference on every v4.0 base vector, and
# scores v3.x as FIRST's specification; for v2 its environmental equation
# deviates from the guide, checked and counted apart by cvss_compare.py).
#
# Prints a table: version, vectors compared, agree, disagree (of which
# explained as a documented peer deviation), and the throughput of the two
# runs that produced the compared output: our `--batch --all` process and
# the peer's process over the same file (wall clock, start-up, I/O and
# formatting included on both sides; bench/cvss_throughput.sh measures the
# scoring loops alone). Exit status 1 if any disagreement is unexplained.
set -eu

N=${1:-200000}
SRC=$(cd "$(dirname "$0")/.." && pwd)
YAMORI=${YAMORI:-$SRC/build/h-cvss/yamori}
PEERS_SRC=${PEERS_SRC:-$SRC/../shared/tools/peers}
export PEERS_DIR=${PEERS_DIR:-/tmp/peers}
SEED=${SEED:-1}
OTHERS=${OTHERS:-0}

if [ ! -x "$YAMORI" ]; then
	echo "cvss_agree: $YAMORI not built" >&2
	exit 2
fi
if [ ! -d "$PEERS_DIR/node_modules/ae-cvss-calculator" ]; then
	echo "cvss_agree: ae-cvss-calculator not in $PEERS_DIR" >&2
	exit 2
fi
if [ -n "${KEEP:-}" ]; then
	W=$KEEP
	mkdir -p "$W"
else
	W=$(mktemp -d "${TMPDIR:-/tmp}/cvss-agree.XXXXXX")
	trap 'rm -rf "$W"' EXIT
fi

python3 "$SRC/bench/cvss_vectors.py" "$W" "$N" "$SEED"

now() { date +%s.%N; }
rate() { # LINES T0 T1
	awk -v n="$1" -v a="$2" -v b="$3" 'BEGIN { printf "%.0f", n / (b - a) }'
}

status=0
: >"$W/summary"
for ver in v4 v31 v30 v2; do
	cat "$W/$ver-base" "$W/$ver-random" >"$W/$ver.all"
	lines=$(wc -l <"$W/$ver.all")
	t0=$(now)
	"$YAMORI" cvss --batch --all <"$W/$ver.all" >"$W/$ver.ours" || true
	t1=$(now)
	node "$PEERS_SRC/cvss-ae.js" --all <"$W/$ver.all" >"$W/$ver.ae"
	t2=$(now)
	ours_rate=$(rate "$lines" "$t0" "$t1")
	peer_rate=$(rate "$lines" "$t1" "$t2")
	python3 "$SRC/bench/cvss_compare.py" "$ver" "$W/$ver.ours" \
		"$W/$ver.ae" >"$W/$ver.cmp" || status=1
	sed '/^RESULT /d' "$W/$ver.cmp"
	sed -n "s/^RESULT //p" "$W/$ver.cmp" |
		sed "s/\$/ ours_per_s=$ours_rate peer_per_s=$peer_rate/" \
			>>"$W/summary"
	if [ "$OTHERS" = 1 ]; then
		case $ver in
		v4) others="cvss-pandatix.mjs cvss-cvss4.js" ;;
		v31) others="cvss-pandatix.mjs cvss-cvss4.js" ;;
		v30) others="cvss-pandatix.mjs cvss-cvss.js" ;;
		v2) others="cvss-pandatix.mjs" ;;
		esac
		for p in $others; do
			node "$PEERS_SRC/$p" --all <"$W/$ver.all" >"$W/$ver.$p"
			python3 "$SRC/bench/cvss_compare.py" "$ver:$p" \
				"$W/$ver.ours" "$W/$ver.$p" 3 || true
		done
	fi
done

echo
echo "reference peer: ae-cvss-calculator (node $(node --version)); N=$N SEED=$SEED"
awk '
function field(s, k,   a) { split(s, a, "="); return a[2] }
BEGIN {
	printf "| %-7s | %9s | %9s | %9s | %9s | %11s | %10s | %6s |\n",
		"version", "compared", "agree", "disagree", "explained",
		"ours vec/s", "peer vec/s", "ratio"
	print "|---------|-----------|-----------|-----------|-----------|" \
		"-------------|------------|--------|"
	name["v4"] = "4.0"; name["v31"] = "3.1"; name["v30"] = "3.0"
	name["v2"] = "2.0"
}
{
	o = field($7); p = field($8)
	printf "| %-7s | %9d | %9d | %9d | %9d | %11d | %10d | %5.0fx |\n",
		name[$1], field($2), field($3), field($4), field($5), o, p,
		(p > 0 ? o / p : 0)
}' "$W/summary"
exit $status
