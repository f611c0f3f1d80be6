# Global options, help, exit codes, departments and assets.
. "$(dirname "$0")/lib.sh"

check_run "help" 0 "$YAMORI" --help
check_contains "help lists exit codes" "2  usage error" "$OUT"
check_run "version" 0 "$YAMORI" --version
check_eq "version text" "yamori 0.1.0" "$OUT"
check_run "no command" 2 "$YAMORI"
check_run "unknown command" 2 "$YAMORI" frobnicate
check_eq "unknown command message" \
	"yamori: 'frobnicate' is not a yamori command (see 'yamori --help')" "$ERR"
check_run "unknown format" 2 "$YAMORI" --format xml init
check_run "no database yet" 1 y asset list
check_contains "no database message" "run 'yamori init' first" "$ERR"

check_run "init" 0 y init
check_eq "init output" "database $DB is ready (schema version 1)" "$OUT"
check_run "init again" 0 y init
check_run "init json" 0 y --format json init
check_eq "init json output" "{
  \"database\": \"$DB\",
  \"schema_version\": 1
}" "$OUT"

for cmd in init dept asset import feed scan findings; do
	check_run "$cmd --help" 0 y "$cmd" --help
	check_contains "$cmd --help usage" "usage: yamori $cmd" "$OUT"
done

check_run "dept add" 0 y dept add joho 情報システム部 --name-en "IT Systems"
check_run "dept add 2" 0 y dept add jinji 人事部
check_run "dept list" 0 y dept list
check_eq "dept list table" "ID  CODE   NAME            NAME (EN)
 2  jinji  人事部
 1  joho   情報システム部  IT Systems" "$OUT"
check_run "dept add missing name" 2 y dept add x
check_run "asset unknown dept" 1 y asset add 会計 --dept nope
check_eq "unknown dept message" "yamori: no department with code 'nope'" "$ERR"
check_run "asset add" 0 y asset add 人事給与システム --dept jinji \
	--owner "山田 太郎" --exposure internal --criticality high \
	--data-kind 個人情報 --data-records 1200 --location 本社DC
check_eq "asset add prints id" "1" "$OUT"
check_run "asset add dup" 1 y asset add 人事給与システム
check_eq "asset dup message" \
	"yamori: an asset named '人事給与システム' already exists" "$ERR"
check_run "asset bad exposure" 2 y asset add x --exposure public
check_run "asset bad option" 2 y asset add x --colour red
check_eq "bad option message" "yamori: unknown option '--colour'
(see 'yamori asset --help')" "$ERR"
check_run "asset missing value" 2 y asset add x --owner
check_run "asset list" 0 y asset list
check_eq "asset list table" \
"ID  KIND    NAME              DEPT   DEPARTMENT  OWNER      EXPOSURE  CRITICALITY  COMPONENTS
 1  system  人事給与システム  jinji  人事部      山田 太郎  internal  high                  0" "$OUT"
check_run "asset list csv" 0 y --format csv asset list
check_eq "asset list csv" \
"id,kind,name,department,department_name,owner,exposure,criticality,components
1,system,人事給与システム,jinji,人事部,山田 太郎,internal,high,0" \
	"$(printf '%s' "$OUT" | tr -d '\r')"
check_run "asset show by name" 0 y asset show 人事給与システム --format json
check_contains "asset json data" '"data_records": 1200' "$OUT"
check_contains "asset json software" '"software": []' "$OUT"
check_run "asset show missing" 1 y asset show 999
check_eq "asset missing message" "yamori: no asset '999'" "$ERR"

# Japanese messages
check_run "ja help" 0 y --lang ja --help
check_contains "ja help text" "使い方: yamori" "$OUT"
check_run "ja error" 1 y --lang ja asset show 999
check_eq "ja error message" "yamori: 資産 '999' はありません" "$ERR"
check_run "ja from locale" 1 env LANGUAGE=ja "$YAMORI" --db "$DB" asset show 999
check_eq "ja from locale message" "yamori: 資産 '999' はありません" "$ERR"

done_testing
