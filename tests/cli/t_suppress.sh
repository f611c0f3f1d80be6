# Manual suppressions: a reason is required; the decision follows the
# package across an upgrade that does not fix the vulnerability (users of
# other tools re-suppress after every upgrade); --this-version does not;
# an expired or lifted suppression gives the finding back; list says which
# no longer apply; nothing is deleted.
. "$(dirname "$0")/lib.sh"
export USER=tester

y init >/dev/null
y --quiet feed import osv --no-scan "$FIX/merge/GHSA-jfh8-c2jp-5v3q.json" >/dev/null
V="$FIX/vex-apply"
y --quiet import sbom "$V/app.cdx.json" >/dev/null
check_run "no reason" 2 y suppress 1
check_run "suppress" 0 y suppress 1 --reason "JNDI 無効化済み (設計レビュー 2026-11)"
check_eq "suppression id" "1" "$OUT"
check_eq "finding suppressed" "suppressed|manual|JNDI 無効化済み (設計レビュー 2026-11) (tester, #1)" \
	"$(sqlite3 "$DB" "SELECT status || '|' || suppressed_by || '|' || suppress_reason FROM findings WHERE id = 1")"
# the package is upgraded but still vulnerable: the decision holds
sed 's/2\.14\.1/2.14.2/g' "$V/app.cdx.json" >"$T/app2.json"
check_run "upgrade" 0 y --quiet import sbom "$T/app2.json"
check_eq "still suppressed after upgrade" "2.14.2|suppressed" \
	"$(sqlite3 "$DB" "SELECT component_version || '|' || status FROM findings WHERE id = 1")"
check_run "list" 0 y --format csv suppress list
check_eq "list row" "1,受付システム,maven/org.apache.logging.log4j:log4j-core,every version,CVE-2021-44228,JNDI 無効化済み (設計レビュー 2026-11),tester,,active" \
	"$(printf '%s\n' "$OUT" | tr -d '\r' | tail -n +2)"
check_run "lift" 0 y suppress lift 1
check_eq "open again" "open||" \
	"$(sqlite3 "$DB" "SELECT status || '|' || coalesce(suppressed_by, '') || '|' || coalesce(suppress_reason, '') FROM findings WHERE id = 1")"
check_run "lift twice" 1 y suppress lift 1
# for this version only, until a date
check_run "this version, until" 0 y suppress 1 --reason "一時的な受容" --this-version --until 2026-12-31
check_eq "suppressed" "suppressed" "$(sqlite3 "$DB" "SELECT status FROM findings WHERE id = 1")"
sed 's/2\.14\.1/2.14.3/g' "$V/app.cdx.json" >"$T/app3.json"
check_run "next upgrade" 0 y --quiet import sbom "$T/app3.json"
check_eq "a version-only decision does not follow" "2.14.3|open" \
	"$(sqlite3 "$DB" "SELECT component_version || '|' || status FROM findings WHERE id = 1")"
check_run "list says so" 0 y --format csv suppress list
check_contains "no longer applies" "no longer applies" "$OUT"
# expired: the finding comes back
check_run "expired suppression" 0 y suppress 1 --reason "期限付き" --until 2026-11-01
check_eq "expired does not suppress" "open" "$(sqlite3 "$DB" "SELECT status FROM findings WHERE id = 1")"
check_run "list all keeps everything" 0 y --format csv suppress list --all
check_eq "three decisions kept" "3" "$(printf '%s\n' "$OUT" | tail -n +2 | grep -c .)"
check_run "bad date" 2 y suppress 1 --reason x --until 2026-13-01
check_run "unknown finding" 1 y suppress 99 --reason x

done_testing
