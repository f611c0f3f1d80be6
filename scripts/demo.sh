#!/bin/sh
# The main job on the demo organisation (tests/fixtures/demo): a fresh
# SQLite database, three departments, their systems and SBOMs, the demo
# OSV advisories with KEV and EPSS entries (tests/fixtures/triage), a
# scan, triage with the default policy, and the findings table with
# owners, decisions and deadlines. Messages
# follow the locale; set LANG=ja_JP.UTF-8 (or pass --lang ja) for Japanese.
set -eu
YAMORI=${1:-build/release/yamori}
shift || true
here=$(cd "$(dirname "$0")/.." && pwd)
demo=$here/tests/fixtures/demo
db=${YAMORI_DEMO_DB:-$here/build/demo/yamori.db}

mkdir -p "$(dirname "$db")"
rm -f "$db" "$db-wal" "$db-shm"
y() { "$YAMORI" --db "$db" --quiet "$@"; }

y init >/dev/null
tail -n +2 "$demo/departments.tsv" | while IFS="$(printf '\t')" read -r code ja en; do
	y dept add "$code" "$ja" --name-en "$en"
done
tail -n +2 "$demo/assets.tsv" |
	while IFS="$(printf '\t')" read -r name dept owner exposure crit sbom; do
		y asset add "$name" --dept "$dept" --owner "$owner" \
			--exposure "$exposure" --criticality "$crit" >/dev/null
		y import sbom "$demo/$sbom" --asset "$name" --no-scan >/dev/null
	done
y feed import osv "$demo/osv" --no-scan >/dev/null
# YAMORI_DEMO_NO_TRIAGE=1: no KEV, EPSS or triage (tests/cli/t_triage.sh
# brings its own)
triage=${YAMORI_DEMO_NO_TRIAGE:-0}
if [ "$triage" != 1 ]; then
	y feed import kev "$here/tests/fixtures/triage/kev.csv" >/dev/null
	y feed import epss "$here/tests/fixtures/triage/epss.csv" >/dev/null
fi

echo "== yamori asset list"
"$YAMORI" --db "$db" asset list "$@"
echo
echo "== yamori scan"
"$YAMORI" --db "$db" --quiet scan "$@"
echo
if [ "$triage" != 1 ]; then
	echo "== yamori triage"
	"$YAMORI" --db "$db" --quiet triage "$@"
	echo
fi
echo "== yamori findings list"
"$YAMORI" --db "$db" findings list "$@"
echo
first=$("$YAMORI" --db "$db" --format csv findings list | sed -n 2p | cut -d, -f1)
echo "== yamori findings show $first"
"$YAMORI" --db "$db" findings show "$first" "$@"
echo
echo "demo database: $db"
