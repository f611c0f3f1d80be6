#!/bin/sh
# cvss_peer_diff.sh - kept for its old name: the agreement check is
# bench/cvss_agree.sh (exhaustive sets against ae-cvss-calculator, with a
# summary table) and the throughput comparison bench/cvss_throughput.sh.
# usage: bench/cvss_peer_diff.sh [N]   (= cvss_agree.sh [N], then
#        cvss_throughput.sh when bench_cvss is built)
set -eu
DIR=$(dirname "$0")
status=0
sh "$DIR/cvss_agree.sh" "$@" || status=$?
SRC=$(cd "$DIR/.." && pwd)
if [ -x "${BENCH:-$SRC/build/h-cvss/bench_cvss}" ]; then
	sh "$DIR/cvss_throughput.sh" || status=$?
fi
exit $status
