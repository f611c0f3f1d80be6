# The real OSV advisories in ../shared/data (PyPA, Go, RustSec) import
# completely: every file counted, versions the PyPI scheme cannot read
# reported as warnings (legacy versions exist in the real data), none lost.
. "$(dirname "$0")/lib.sh"

y init >/dev/null
for eco in pypa go-vulndb rustsec; do
	dir="$SHARED/osv/$eco"
	[ -d "$dir" ] || { not_ok "$dir missing"; continue; }
	n=$(find "$dir" -name '*.json' | wc -l | tr -d ' ')
	check_run "import $eco" 0 y --quiet --format json feed import osv "$dir" --no-scan
	check_contains "$eco: every file" "\"files\": $n," "$OUT"
	check_contains "$eco: every record new" "\"inserted\": $n," "$OUT"
done
# the two PyPA records with versions that are not PEP 440
check_run "pypa warnings" 0 y feed import osv --no-scan \
	"$SHARED/osv/pypa/binderhub/PYSEC-2021-371.json" \
	"$SHARED/osv/pypa/steam/PYSEC-2019-125.json"
check_contains "legacy version warning" \
	"fixed: invalid version '0.2.0-n653' at position 5" "$ERR"
check_run "strict refuses them" 1 y feed import osv --strict --no-scan \
	"$SHARED/osv/pypa/steam/PYSEC-2019-125.json"
total=$(sqlite3 "$DB" 'SELECT count(*) FROM vulnerabilities')
check_eq "vulnerabilities stored" "yes" "$([ "$total" -gt 4000 ] && echo yes)"

done_testing
