# Every feed format over its own fixture folder (good files and a bad/
# folder of malformed ones): exact counts of records imported, records
# and files skipped (each named on stderr), warnings; --strict refuses
# the same folders and leaves the store as it was; JVN bulk files are
# checked against checksum.txt.
. "$(dirname "$0")/lib.sh"

y init >/dev/null
imp() {
	src=$1 want=$2
	check_run "import $src" 0 y --format json feed import "$src" --no-scan "$FIX/$src"
	check_eq "$src counts" "$want" \
		"$(printf '%s\n' "$OUT" | tr -d ' \n' | sed 's/,"findings":[0-9]*//')"
	check_eq "$src: every skip named" "$(printf '%s\n' "$OUT" | tr -d ' \n' |
		sed 's/.*"skipped":\([0-9]*\),"skipped_files":\([0-9]*\).*/\1 \2/' |
		awk '{ print $1 + $2 }')" \
		"$(printf '%s\n' "$ERR" | grep -c '^yamori: skipped: ')"
}
imp nvd '{"source":"nvd","files":4,"inserted":7,"updated":0,"unchanged":0,"skipped":9,"skipped_files":4,"warnings":0}'
imp cve5 '{"source":"cve5","files":5,"inserted":7,"updated":0,"unchanged":0,"skipped":10,"skipped_files":3,"warnings":1}'
imp jvn '{"source":"jvn","files":5,"inserted":8,"updated":0,"unchanged":1,"skipped":2,"skipped_files":9,"warnings":4}'
imp csaf '{"source":"csaf","files":8,"inserted":13,"updated":0,"unchanged":0,"skipped":2,"skipped_files":4,"warnings":6}'
imp kev '{"source":"kev","files":2,"inserted":4,"updated":2,"unchanged":0,"skipped":5,"skipped_files":1,"warnings":3}'
imp epss '{"source":"epss","files":5,"inserted":11,"updated":0,"unchanged":3,"skipped":6,"skipped_files":3,"warnings":0}'

# strict: the first malformed record rolls everything back
before=$(db_state)
for src in nvd cve5 jvn csaf kev epss; do
	check_run "$src strict" 1 y feed import "$src" --strict --no-scan "$FIX/$src"
done
check_eq "strict changed nothing" "$before" "$(db_state)"

# the same folders again: nothing new
check_run "nvd again" 0 y --format json feed import nvd --no-scan "$FIX/nvd"
check_contains "nvd again unchanged" '"unchanged": 7,' "$OUT"

# JVN: a bulk file that does not match checksum.txt beside it is refused
mkdir "$T/jvn" && cp "$FIX/jvn/overview.rdf" "$FIX/jvn/checksum.txt" "$T/jvn/"
check_run "jvn checksum ok" 0 y feed import jvn --no-scan "$T/jvn"
sed 's/ファイル共有/ファイル供有/' "$FIX/jvn/overview.rdf" >"$T/jvn/overview.rdf"
before=$(db_state)
check_run "jvn checksum mismatch" 1 y feed import jvn --no-scan "$T/jvn"
check_contains "jvn checksum message" "$T/jvn/overview.rdf: overview.rdf: sha256 mismatch: checksum list says dc46e923068b5d59a6b3c4f78b2d80ec2b147e53f4f77730abbc0b9cd4b68e64" "$ERR"
check_eq "jvn mismatch changed nothing" "$before" "$(db_state)"

done_testing
