#!/bin/sh
# Version comparison and range throughput, single thread, side by side
# with the peers in ../shared/tools/peers on the same corpora:
#   npm compare / satisfies vs node-semver, Debian vs dpkg (libdpkg),
#   RPM vs librpm, PEP 440 vs python3-packaging.
# Corpora come from the peers' make-corpora.sh ($PEERS_DIR, default
# /tmp/peers); run its one-time set-up first (see its README).
# Usage: bench/run_versions.sh [build/release]
set -eu
BUILD=${1:-build/release}
P=${PEERS_DIR:-/tmp/peers}
here=$(cd "$(dirname "$0")/.." && pwd)
peers=$here/../shared/tools/peers
B="$BUILD/bench_versions"
V=$P/versions
[ -f "$V/npm-pairs.tsv" ] || { echo "no corpora in $V: run $peers/make-corpora.sh"; exit 1; }

# npm ranges: every npm version against a range built around another one
if [ ! -f "$V/npm-ranges.tsv" ]; then
	python3 - "$V" <<'PY'
import random, sys
V = sys.argv[1]
random.seed(3)
vs = [l.strip() for l in open(f'{V}/npm-versions.txt') if l.strip()]
def core(v):
    return v.split('-')[0].split('+')[0]
out = open(f'{V}/npm-ranges.tsv', 'w')
for _ in range(50000):
    a, b = random.choice(vs), core(random.choice(vs))
    k = random.randrange(6)
    r = ['^' + b, '~' + b, '>=' + b + ' <' + core(random.choice(vs)),
         b.split('.')[0] + '.x', '<' + b + ' || >=' + core(random.choice(vs)),
         b + ' - ' + core(random.choice(vs))][k]
    out.write(f'{a}\t{r}\n')
PY
fi

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1fx", a / b }'; }
ours_rate() { sed -n "s/.*$1 \([0-9]*\)\/s.*/\1/p"; }
peer_rate() { sed -n 's/.*items_per_s=\([0-9]*\).*/\1/p' | tail -1; }

echo "scheme   what          yamori/s     peer/s       ratio  peer"
r=$("$B" cmp npm "$V/npm-pairs.tsv")
ours=$(echo "$r" | ours_rate "parse+cmp")
peer=$(node "$peers/semver-cmp.js" --quiet --bench 5 <"$V/npm-pairs.tsv" 2>&1 | peer_rate)
printf '%-8s %-13s %-12s %-12s %-6s %s\n' npm compare "$ours" "$peer" "$(ratio "$ours" "$peer")" node-semver
r=$("$B" in npm "$V/npm-ranges.tsv")
ours=$(echo "$r" | sed -n 's/.*): \([0-9]*\)\/s.*/\1/p')
peer=$(node "$peers/semver-satisfies.js" --quiet --bench 5 <"$V/npm-ranges.tsv" 2>&1 | peer_rate)
printf '%-8s %-13s %-12s %-12s %-6s %s\n' npm satisfies "$ours" "$peer" "$(ratio "$ours" "$peer")" node-semver
r=$("$B" cmp pypi "$V/pypi-pairs.tsv")
ours=$(echo "$r" | ours_rate "parse+cmp")
peer=$(/usr/bin/python3 "$peers/pep440-cmp.py" --quiet --bench 2 <"$V/pypi-pairs.tsv" 2>&1 | peer_rate)
printf '%-8s %-13s %-12s %-12s %-6s %s\n' pypi compare "$ours" "$peer" "$(ratio "$ours" "$peer")" packaging
for s in deb rpm; do
	pairs=$V/deb-pairs.tsv
	"$B" cmp "$s" "$pairs" >/dev/null 2>&1 || continue
	r=$("$B" cmp "$s" "$pairs")
	ours=$(echo "$r" | ours_rate "parse+cmp")
	only=$(echo "$r" | ours_rate "cmp-only")
	if [ -x "$P/bin/$s-vercmp" ] || [ -x "$P/bin/dpkg-vercmp" ]; then
		tool=$P/bin/$s-vercmp
		[ "$s" = deb ] && tool=$P/bin/dpkg-vercmp
		peer=$("$tool" --quiet --bench 5 <"$pairs" 2>&1 | peer_rate)
	else
		peer=0
	fi
	printf '%-8s %-13s %-12s %-12s %-6s %s (cmp-only %s/s)\n' "$s" compare \
		"$ours" "$peer" "$( [ "$peer" != 0 ] && ratio "$ours" "$peer")" \
		"lib$s" "$only"
done
echo
echo "all schemes, parse+compare and compare-only on parsed versions:"
for s in npm pypi; do "$B" cmp "$s" "$V/$s-pairs.tsv"; done
for s in deb rpm; do "$B" cmp "$s" "$V/deb-pairs.tsv" 2>/dev/null || true; done
