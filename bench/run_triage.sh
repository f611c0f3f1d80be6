#!/bin/sh
# Triage benchmark (issue 7, docs/triage.md "Performance"): a store of
# 10,000 assets, 20,000 vulnerabilities (2% in KEV, half with EPSS) and
# FINDINGS open findings (1,000,000 by default), then `yamori triage`
# timed four times: the first run (every decision written), a
# steady-state re-run (nothing changed), a re-run after 40 vulnerabilities
# joined KEV, and steady state again. Target: steady state under 2 s.
# Usage: bench/run_triage.sh [BUILD_DIR] [FINDINGS]
#   BUILD_DIR: a Release build with bench_triage (default build/release)
#   The store is rebuilt each time in $YM_BENCH_DIR (build/bench-triage).
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build/release}
n=${2:-1000000}
bench=$build/bench_triage
work=${YM_BENCH_DIR:-$here/build/bench-triage}
[ -x "$bench" ] || make -C "$build" bench_triage >/dev/null
mkdir -p "$work"
db=$work/triage-$n.db
rm -f "$db" "$db-wal" "$db-shm"
echo "== bench_triage $db $n ($(nproc) cores)"
out=$("$bench" "$db" "$n")
printf '%s\n' "$out"
steady=$(printf '%s\n' "$out" | awk '/^steady-state re-run:/ { print $3; exit }')
rm -f "$db" "$db-wal" "$db-shm"
if awk -v t="$steady" 'BEGIN { exit !(t < 2.0) }'; then
	echo "steady state ${steady} s: under the 2 s target"
else
	echo "steady state ${steady} s: OVER the 2 s target" >&2
	exit 1
fi
