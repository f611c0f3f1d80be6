#!/bin/sh
# Runs every libFuzzer target in BUILD_DIR (the fuzz_* executables built by
# `make fuzz-build`) for SECONDS each (default 20), one after another.
#
#   scripts/fuzz.sh BUILD_DIR [SECONDS]
#
# Each target fuzz_NAME starts from a scratch copy of fuzz/corpus/NAME/ in a
# temporary directory, so new inputs never land in the repository. Prints
# one line per target ("fuzz_x: N runs, ok"). A target that crashes, leaks,
# times out or runs out of memory is reported with its crash file, which is
# kept under BUILD_DIR/fuzz-artifacts/fuzz_x/ together with the full log;
# the script then exits 1 (after running the remaining targets).
set -u

usage() {
	echo "usage: $0 BUILD_DIR [SECONDS]" >&2
	exit 2
}

[ $# -ge 1 ] && [ $# -le 2 ] || usage
seconds=${2:-20}
case $seconds in
'' | *[!0-9]*) usage ;;
esac
[ "$seconds" -gt 0 ] || usage
[ -d "$1" ] || {
	echo "fuzz.sh: no build directory '$1' (run make fuzz-build)" >&2
	exit 2
}
build=$(cd "$1" && pwd)
src=$(cd "$(dirname "$0")/.." && pwd)

work=$(mktemp -d "${TMPDIR:-/tmp}/yamori-fuzz.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

# Stack traces for UBSan reports; the caller's settings win.
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
export UBSAN_OPTIONS

found=0
failed=0
for bin in "$build"/fuzz_*; do
	[ -f "$bin" ] && [ -x "$bin" ] || continue
	name=$(basename "$bin")
	# FUZZ_ONLY=glob limits the run, e.g. FUZZ_ONLY='fuzz_version_*'
	case $name in ${FUZZ_ONLY:-*}) ;; *) continue ;; esac
	found=$((found + 1))
	seeds=$src/fuzz/corpus/${name#fuzz_}
	# the per-scheme version fuzzers share the version seeds
	case $name in fuzz_version_*) seeds=$src/fuzz/corpus/version ;; esac
	corpus=$work/$name
	mkdir "$corpus"
	if [ -d "$seeds" ]; then
		cp -R "$seeds/." "$corpus/"
	else
		echo "$name: note: no seed corpus $seeds" >&2
	fi
	out=$build/fuzz-artifacts/$name
	mkdir -p "$out"
	log=$out/fuzz.log

	"$bin" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
		-rss_limit_mb=2048 -print_final_stats=1 \
		-artifact_prefix="$out/" "$corpus" >"$log" 2>&1
	rc=$?

	runs=$(sed -n 's/^stat::number_of_executed_units: *\([0-9]*\).*/\1/p' \
		"$log" | tail -n 1)
	[ -n "$runs" ] ||
		runs=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$log" |
			tail -n 1)
	[ -n "$runs" ] || runs=0

	if [ "$rc" -eq 0 ]; then
		echo "$name: $runs runs, ok"
		continue
	fi
	failed=$((failed + 1))
	crash=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" |
		tail -n 1)
	echo "$name: $runs runs, FAILED (exit $rc)"
	grep -E '^==[0-9]+== ?ERROR|runtime error:|^SUMMARY:|^fuzz_' "$log" |
		head -n 5 | sed 's/^/  /'
	if [ -n "$crash" ]; then
		echo "  crash file: $crash"
		echo "  reproduce: $bin $crash"
	else
		echo "  no crash file was written"
	fi
	echo "  log: $log"
done

if [ "$found" -eq 0 ]; then
	echo "fuzz.sh: no fuzz_* targets in $build (run make fuzz-build)" >&2
	exit 2
fi
if [ "$failed" -ne 0 ]; then
	echo "fuzz.sh: $failed of $found targets failed" >&2
	exit 1
fi
exit 0
