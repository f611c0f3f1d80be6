#!/bin/sh
# Ledger benchmark (issue: the asset ledger): a 10,000-component CycloneDX
# SBOM imported, then re-imported with changes (the diff and history);
# 1,000 host inventories of 1,500 packages each (1.5 million software
# rows, with their history) imported in one run. Reports wall time and
# peak memory. Usage: bench/run_ledger.sh [YAMORI] [HOSTS]
set -eu
YAMORI=${1:-build/release/yamori}
hosts=${2:-1000}
here=$(cd "$(dirname "$0")/.." && pwd)
work=${YM_BENCH_DIR:-$here/build/bench-ledger}
mkdir -p "$work"
if [ ! -f "$work/corpus/sbom.cdx.json" ]; then
	python3 "$here/bench/gen_corpus.py" --components 10000 \
		--advisories 10 "$work/corpus" >/dev/null
fi
if [ "$(ls "$work/inv" 2>/dev/null | wc -l)" -ne "$hosts" ]; then
	rm -rf "$work/inv"
	python3 "$here/bench/gen_inventories.py" --hosts "$hosts" \
		--packages 1500 "$work/inv" >/dev/null
fi
# the SBOM again with every tenth component one patch version up
python3 - "$work/corpus/sbom.cdx.json" "$work/sbom2.cdx.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for i, c in enumerate(d.get("components", [])):
    if i % 10 == 0 and c.get("version"):
        c["version"] = c["version"] + ".1"
        if c.get("purl"):
            c["purl"] = c["purl"].split("@")[0] + "@" + c["version"]
json.dump(d, open(sys.argv[2], "w"))
PY
db="$work/bench.db"
rm -f "$db" "$db-wal" "$db-shm"
"$YAMORI" --db "$db" --quiet init
"$YAMORI" --db "$db" --quiet asset add bench >/dev/null

step() {
	label=$1
	shift
	/usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null
	read -r secs kb <"$work/time"
	printf '%-44s %8.2f s %8d MiB\n' "$label" "$secs" $((kb / 1024))
}
step "SBOM import (10,000 components)" "$YAMORI" --db "$db" --quiet \
	import sbom "$work/corpus/sbom.cdx.json" --asset bench --no-scan
step "SBOM re-import (1,000 upgraded)" "$YAMORI" --db "$db" --quiet \
	import sbom "$work/sbom2.cdx.json" --asset bench --no-scan
step "inventories ($hosts hosts x 1,500 packages)" "$YAMORI" --db "$db" \
	--quiet import inventory --no-scan "$work"/inv/*.json
echo "rows: $(sqlite3 "$db" 'SELECT count(*) FROM components') components," \
	"$(sqlite3 "$db" 'SELECT count(*) FROM asset_history') history; store $(du -h "$db" | cut -f1)"
