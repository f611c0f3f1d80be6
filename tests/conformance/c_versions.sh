# Version schemes against every ordering and range table in
# ../shared/data/versions (see versions.py for the mapping).
. "$(dirname "$0")/lib.sh"

command -v python3 >/dev/null || { echo "SKIPPED: python3 missing"; exit 77; }
python3 "$YM_SRC/tests/conformance/versions.py" "$SHARED/versions" >"$T/report"
rc=$?
cat "$T/report"
check_eq "no unexpected results" "0" "$rc"
done_testing
