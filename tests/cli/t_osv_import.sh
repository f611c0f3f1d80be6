# OSV import: files, directories, re-import, and malformed records
# rejected with file/line/field, exit 1 and no change to the database.
. "$(dirname "$0")/lib.sh"

y init >/dev/null
O="$FIX/osv"
check_run "import file and dir" 0 y feed import osv "$O/single.json" \
	"$O/dir" --no-scan
check_eq "import counts" "osv: 4 files, 4 new, 0 updated, 0 unchanged" "$OUT"
check_run "re-import unchanged" 0 y --format json feed import osv "$O/dir"
check_eq "re-import json" '{
  "source": "osv",
  "files": 3,
  "inserted": 0,
  "updated": 0,
  "unchanged": 3,
  "skipped": 0,
  "skipped_files": 0,
  "warnings": 0,
  "findings": 0
}' "$OUT"
check_eq "vulnerabilities stored" "4" \
	"$(sqlite3 "$DB" 'SELECT count(*) FROM vulnerabilities')"
check_eq "aliases stored" "yes" \
	"$([ "$(sqlite3 "$DB" 'SELECT count(*) FROM vuln_aliases')" -ge 4 ] && echo yes)"

before=$(db_state)
# strict: a malformed record rolls the whole import back
bad() {
	check_run "bad $1" 1 y feed import osv --strict "$2"
	check_eq "bad $1 message" "$3" "$ERR"
	check_eq "bad $1 leaves db unchanged" "$before" "$(db_state)"
}
B="$O/bad"
bad truncated "$B/truncated.json" \
	"yamori: $B/truncated.json:21:29: unexpected end of input in string"
bad wrong-type "$B/wrong-type.json" \
	"yamori: $B/wrong-type.json:6:15: record YMD-2024-0302: affected: expected array, got string"
bad event "$B/bad-event.json" \
	"yamori: $B/bad-event.json:20:13: record YMD-2024-0303: affected[0].ranges[0].events[1]: unknown event 'patched'"
# a file that is not JSON fails even without --strict
check_run "truncated, default" 1 y feed import osv "$B/truncated.json"
check_eq "truncated, default leaves db unchanged" "$before" "$(db_state)"
# default: the malformed record is skipped, named, and counted
check_run "bad event, default" 0 y feed import osv --no-scan "$B/bad-event.json"
check_eq "bad event, default message" \
	"yamori: skipped: $B/bad-event.json:20:13: record YMD-2024-0303: affected[0].ranges[0].events[1]: unknown event 'patched'" "$ERR"
check_eq "bad event, default counts" "osv: 1 files, 0 new, 0 updated, 0 unchanged
  1 skipped" "$OUT"
# An unreadable version is a warning by default (real feeds have legacy
# versions) and an error with --strict.
check_run "bad version, strict" 1 y feed import osv --strict "$B/bad-version.json"
check_eq "bad version, strict message" \
	"yamori: $B/bad-version.json:18:29: record YMD-2024-0304: affected[0].ranges[0].events[0].introduced: invalid version 'not a version' at position 0: unexpected 'n'" "$ERR"
check_eq "bad version, strict leaves db unchanged" "$before" "$(db_state)"
check_run "bad version, default" 0 y feed import osv "$B/bad-version.json" --no-scan
check_eq "bad version warning" \
	"yamori: warning: $B/bad-version.json:18:29: affected[0].ranges[0].events[0].introduced: invalid version 'not a version' at position 0: unexpected 'n'" "$ERR"
check_eq "bad version counts" "osv: 1 files, 1 new, 0 updated, 0 unchanged
  1 warnings" "$OUT"
before=$(db_state)
bad missing-id "$B/missing-id.json" \
	"yamori: $B/missing-id.json:1:1: id: record has no id (required)"
# one bad file among good ones: the good ones are not kept either
bad mixed "$O/bad" \
	"yamori: $B/bad-event.json:20:13: record YMD-2024-0303: affected[0].ranges[0].events[1]: unknown event 'patched'"
# not strict, a directory: the unreadable file and the malformed records
# are skipped and reported, the rest is kept
check_run "bad dir, default" 0 y feed import osv --no-scan "$O/bad"
check_eq "bad dir, default counts" "osv: 4 files, 0 new, 0 updated, 1 unchanged
  3 skipped
  1 files skipped
  1 warnings" "$OUT"
check_eq "bad dir, default reports" "4" "$(printf '%s\n' "$ERR" | grep -c '^yamori: skipped: ')"
check_run "missing path" 1 y feed import osv "$T/none"
check_eq "missing path message" \
	"yamori: $T/none: cannot read: No such file or directory" "$ERR"
check_run "unknown source" 2 y feed import nvdx x
check_eq "unknown source message" "yamori: unknown source 'nvdx' (known: nvd, cve5, jvn, kev, epss, osv, csaf)" "$(echo "$ERR" | head -n 1)"
check_run "ja message" 1 y --lang ja feed import osv --strict "$B/missing-id.json"
check_eq "ja message text" \
	"yamori: $B/missing-id.json:1:1: id: レコードに id がありません (必須)" "$ERR"

done_testing
