#!/bin/sh
# Feed ingest benchmark (issue: vulnerability intelligence): a full-size
# NVD corpus (300,000 CVE records in API pages, scaled from the real
# samples by bench/gen_feeds.py), the daily delta (2,000 changed records),
# KEV + a full EPSS file (300,000 rows), and OSV (50,000 generated
# records, bench/gen_corpus.py). Reports wall time, MB/s, records/s and
# peak memory (max RSS). Needs ../shared/data for the NVD samples.
# Usage: bench/run_feeds.sh [YAMORI] [RECORDS]
set -eu
YAMORI=${1:-build/release/yamori}
records=${2:-300000}
here=$(cd "$(dirname "$0")/.." && pwd)
work=${YM_BENCH_DIR:-$here/build/bench-feeds}
shared=$here/../shared/data
[ -d "$shared/nvd" ] || { echo "run_feeds: $shared/nvd missing" >&2; exit 77; }
if [ ! -f "$work/nvd/page-00000.json" ] || [ "$(ls "$work/nvd" | wc -l)" -ne $(((records + 1999) / 2000)) ]; then
	rm -rf "$work"
	python3 "$here/bench/gen_feeds.py" --records "$records" "$work"
fi
if [ ! -d "$work/osv" ]; then
	python3 "$here/bench/gen_corpus.py" --components 10 --advisories 50000 \
		"$work/osvgen" >/dev/null
	mv "$work/osvgen/osv" "$work/osv"
	rm -rf "$work/osvgen"
fi
db="$work/bench.db"
rm -f "$db" "$db-wal" "$db-shm"
"$YAMORI" --db "$db" --quiet init

# step LABEL BYTES RECORDS CMD...
step() {
	label=$1 bytes=$2 recs=$3
	shift 3
	/usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null
	read -r secs kb <"$work/time"
	awk -v l="$label" -v s="$secs" -v kb="$kb" -v b="$bytes" -v r="$recs" \
		'BEGIN { if (s <= 0) s = 0.01;
		printf "%-28s %7.2f s %7.1f MB/s %9.0f rec/s %6d MiB\n",
		l, s, b / 1e6 / s, r / s, kb / 1024 }'
}
size() { du -sb "$1" | cut -f1; }

echo "corpus: $records NVD records, $(du -sh "$work/nvd" | cut -f1) in $(ls "$work/nvd" | wc -l) pages"
step "NVD full import" "$(size "$work/nvd")" "$records" \
	"$YAMORI" --db "$db" --quiet feed import nvd --no-scan "$work/nvd"
step "NVD daily delta (2,000)" "$(size "$work/delta")" 2000 \
	"$YAMORI" --db "$db" --quiet feed import nvd --no-scan "$work/delta"
step "NVD delta again (unchanged)" "$(size "$work/delta")" 2000 \
	"$YAMORI" --db "$db" --quiet feed import nvd --no-scan "$work/delta"
/usr/bin/time -f "%e %M" -o "$work/time1" "$YAMORI" --db "$db" --quiet \
	feed import kev "$shared/kev/known_exploited_vulnerabilities.json" >/dev/null
/usr/bin/time -f "%e %M" -o "$work/time2" "$YAMORI" --db "$db" --quiet \
	feed import epss "$work/epss_scores-2026-11-20.csv.gz" >/dev/null
read -r s1 k1 <"$work/time1"
read -r s2 k2 <"$work/time2"
awk -v a="$s1" -v b="$s2" -v k="$k2" 'BEGIN { printf "%-28s %7.2f s (KEV %.2f s + EPSS %.2f s) %6d MiB\n", "KEV + full EPSS", a + b, a, b, k / 1024 }'
step "OSV import (50,000 files)" "$(size "$work/osv")" 50000 \
	"$YAMORI" --db "$db" --quiet feed import osv --no-scan "$work/osv"
echo "store: $(du -h "$db" | cut -f1)"
