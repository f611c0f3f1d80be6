#!/bin/sh
# Matching benchmark (issue: the matching engine): 10,000 assets x 100
# components (1,000,000) against a full-size store - 300,000 NVD-style
# records scaled from the real samples (bench/gen_feeds.py, products
# spread over variants) and 200,000 OSV-style records (bench/gen_corpus.py)
# - then an incremental delta of 1,000 changed records (500 NVD, 500 OSV),
# and the per-component SQL approach side by side.
# The prepared store is cached in $YM_BENCH_DIR (build/bench-match).
# Usage: bench/run_match.sh [BUILD_DIR] [BASELINE_COMPONENTS]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build/release}
base=${2:-0}
YAMORI=$build/yamori
work=${YM_BENCH_DIR:-$here/build/bench-match}
shared=$here/../shared/data
[ -d "$shared/nvd" ] || { echo "run_match: $shared/nvd missing" >&2; exit 77; }
mkdir -p "$work"
if [ "$(cat "$work/nvd.variants" 2>/dev/null)" != 1000 ]; then
	rm -rf "$work/nvd" "$work/delta" "$work/feeds.db"
	python3 "$here/bench/gen_feeds.py" --records 300000 --delta 500 \
		--product-variants 1000 "$work"
	echo 1000 >"$work/nvd.variants"
fi
if [ ! -d "$work/osv" ]; then
	python3 "$here/bench/gen_corpus.py" --components 10 \
		--advisories 200000 "$work/osvgen" >/dev/null
	mv "$work/osvgen/osv" "$work/osv"
	rm -rf "$work/osvgen"
fi
# the feeds, imported again when the schema changes
feeds=$work/feeds.db
schema_sum=$(md5sum "$here/src/store/schema_sqlite.c" | cut -d' ' -f1)
if [ ! -f "$feeds" ] || [ "$(cat "$work/feeds.sum" 2>/dev/null)" != "$schema_sum" ]; then
	rm -f "$feeds.tmp"
	t0=$(date +%s)
	"$YAMORI" --db "$feeds.tmp" --quiet init
	"$YAMORI" --db "$feeds.tmp" --quiet feed import nvd --no-scan "$work/nvd"
	"$YAMORI" --db "$feeds.tmp" --quiet feed import osv --no-scan "$work/osv"
	sqlite3 "$feeds.tmp" "DELETE FROM match_pending; VACUUM;"
	mv "$feeds.tmp" "$feeds"
	echo "$schema_sum" >"$work/feeds.sum"
	rm -f "$work/store.sum"
	echo "feeds imported in $(( $(date +%s) - t0 )) s"
fi
# the ledger, regenerated when its generator changes
store=$work/store.db
gen_sum=$(md5sum "$here/bench/gen_match.py" | cut -d' ' -f1)
if [ ! -f "$store" ] || [ "$(cat "$work/store.sum" 2>/dev/null)" != "$gen_sum" ]; then
	cp "$feeds" "$store.tmp"
	rm -rf "$work/osv-delta"
	python3 "$here/bench/gen_match.py" "$store.tmp" --osv-dir "$work/osv" \
		--osv-delta "$work/osv-delta" 500
	mv "$store.tmp" "$store"
	echo "$gen_sum" >"$work/store.sum"
fi
db=$work/bench.db
cp "$store" "$db"
rm -f "$db-wal" "$db-shm"
echo "store: $(sqlite3 "$db" "SELECT count(*) FROM vulnerabilities") vulnerabilities, $(sqlite3 "$db" "SELECT count(*) FROM components") components, $(du -h "$db" | cut -f1)"
"$build/bench_match" full "$db" --baseline "$base"
# the delta: 500 NVD records and 500 OSV records changed
"$YAMORI" --db "$db" --quiet feed import nvd --no-scan "$work/delta" >/dev/null
"$YAMORI" --db "$db" --quiet feed import osv --no-scan "$work/osv-delta" >/dev/null
echo "queued: $(sqlite3 "$db" "SELECT count(*) FROM match_pending WHERE kind = 'vuln'") vulnerabilities"
"$build/bench_match" pending "$db"
