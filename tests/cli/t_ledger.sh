# The ledger: re-importing an SBOM records exactly what changed (3
# upgraded, 1 downgraded, 2 removed, 1 added), the views by software,
# system and service, relations, and the coverage report.
. "$(dirname "$0")/lib.sh"
export USER=tester

y init >/dev/null
R="$FIX/ledger-reimport"
check_run "first import" 0 y import sbom "$R/v1.cdx.json" --no-scan
check_run "re-import" 0 y import sbom "$R/v2.cdx.json" --no-scan
check_eq "re-import summary" "$R/v2.cdx.json: CycloneDX 1.5, 6 components -> asset '勤怠管理システム'
  1 added, 2 removed, 3 upgraded, 1 downgraded, 0 changed, 1 unchanged" "$OUT"
check_run "history csv" 0 y --format csv ledger history 勤怠管理システム --since 2026-01-01
check_eq "the second import's changes" "software_upgraded,lodash,4.17.15,4.17.21
software_upgraded,express,4.18.2,4.19.2
software_removed,axios,1.5.1,
software_upgraded,django,4.2.2,4.2.11
software_downgraded,jinja2,3.1.2,3.1.1
software_removed,left-pad,1.3.0,
software_added,urllib3,,2.0.7" \
	"$(printf '%s\n' "$OUT" | tr -d '\r' | grep "v2.cdx.json" | cut -d, -f3-6)"
check_eq "actor and source recorded" "tester,$R/v2.cdx.json" \
	"$(printf '%s\n' "$OUT" | tr -d '\r' | grep 'urllib3' | cut -d, -f7-8)"
check_run "same sbom again" 0 y --format json import sbom "$R/v2.cdx.json" --no-scan
check_contains "nothing changed" '"unchanged": 6' "$OUT"
check_eq "no new history" "9" "$(sqlite3 "$DB" 'SELECT count(*) FROM asset_history')"

# relations and views
y asset add 人事サービス --kind service >/dev/null
y asset add app-server-01 --kind host >/dev/null
check_run "relate uses" 0 y ledger relate 人事サービス uses 勤怠管理システム
check_run "relate runs_on" 0 y ledger relate 勤怠管理システム runs_on app-server-01
check_run "relate twice is harmless" 0 y ledger relate 勤怠管理システム runs_on app-server-01
check_run "relate unknown kind" 2 y ledger relate 勤怠管理システム hosts app-server-01
check_run "relate to itself" 1 y ledger relate app-server-01 runs_on app-server-01
check_run "by-system" 0 y ledger by-system 勤怠管理システム
check_file "by-system table" "$EXP/ledger-by-system.txt" "$OUT"
check_run "by-service" 0 y --format csv ledger by-service 人事サービス
check_eq "by-service rows" "relation,name,kind_or_version,owner_or_id,department
uses,勤怠管理システム,system,," "$(printf '%s\n' "$OUT" | tr -d '\r')"
check_run "by-software" 0 y --format csv ledger by-software URLLIB
check_eq "by-software rows" "software,version,asset,department,owner,id
urllib3,2.0.7,勤怠管理システム,,,pkg:pypi/urllib3@2.0.7" "$(printf '%s\n' "$OUT" | tr -d '\r')"
check_run "relation history" 0 y --format csv ledger history 人事サービス
check_contains "relation recorded" "relation_added,uses,,勤怠管理システム,tester" "$OUT"
check_run "unrelate" 0 y ledger relate 人事サービス uses 勤怠管理システム --remove
check_run "coverage" 0 y --format csv ledger coverage
check_eq "coverage rows" "gap,assets,percent
assets,3,100.0
no_owner,3,100.0
no_department,3,100.0
no_version,2,66.7
unknown_exposure,3,100.0
no_support_end,3,100.0
unknown_criticality,3,100.0
no_software,2,66.7" "$(printf '%s\n' "$OUT" | tr -d '\r')"
# manual edits: only the fields given change, each recorded
y dept add jinji 人事部 >/dev/null
check_run "asset set" 0 y asset set 勤怠管理システム --owner 山田 --exposure internet \
	--dept jinji --support-end 2027-03-31 --data-records 12000
check_eq "asset set note" "asset '勤怠管理システム': 5 fields changed" "$ERR"
check_run "asset set again" 0 y asset set 勤怠管理システム --owner 山田 --exposure internal
check_eq "asset set again note" "asset '勤怠管理システム': 1 fields changed" "$ERR"
check_run "field history" 0 y --format csv ledger history 勤怠管理システム
check_eq "field changes" "data_records,,12000
exposure,unknown,internet
department,,jinji
owner,,山田
support_end_on,,2027-03-31
exposure,internet,internal" \
	"$(printf '%s\n' "$OUT" | tr -d '\r' | grep ',field,' | cut -d, -f4-6)"
check_run "bad date" 2 y asset set 勤怠管理システム --support-end 2027-02-30
check_eq "bad date message" "yamori: '2027-02-30' is not a date (YYYY-MM-DD)" \
	"$(printf '%s\n' "$ERR" | head -n 1)"
check_run "nothing to set" 2 y asset set 勤怠管理システム
check_run "unknown subcommand" 2 y ledger frobnicate
check_run "unknown asset" 1 y ledger by-system nothing-here

done_testing
