# Ledger spreadsheets: a Japanese CSV (UTF-8 with BOM) and the same in
# Shift_JIS import to the same ledger; an edited cell is a recorded
# change; an unknown department stops the whole file; export to CSV and
# .xlsx, and a CSV export re-imported elsewhere exports identically.
. "$(dirname "$0")/lib.sh"
export USER=tester

L="$FIX/ledger"
y init >/dev/null
y --quiet dept add joho 情報政策課
y --quiet dept add shimin 市民課
before=$(db_state)
check_run "unknown department" 1 y import csv "$L/ja_utf8_bom.csv"
check_eq "unknown department message" \
	"yamori: $L/ja_utf8_bom.csv:4: department: unknown department 'suido' (add it with 'yamori dept add')" \
	"$(printf '%s\n' "$ERR" | tail -n 1)"
check_eq "nothing imported" "$before" "$(db_state)"
y --quiet dept add suido 水道局
check_run "import ja utf-8" 0 y import csv "$L/ja_utf8_bom.csv"
check_eq "import summary" "$L/ja_utf8_bom.csv (UTF-8 (BOM)): 3 rows, 3 new, 0 updated (0 fields), 0 unchanged" "$OUT"
check_contains "ignored column named" "column 19 \"備考\" is not a ledger column" "$ERR"
check_run "import shift_jis" 0 y import csv "$L/ja_sjis.csv"
check_eq "same content" "$L/ja_sjis.csv (Shift_JIS (CP932)): 3 rows, 0 new, 0 updated (0 fields), 3 unchanged" "$OUT"
check_eq "japanese kept" "住民情報システム|富士通株式会社|庁内LAN, 基幹系|120000|2020-04-01|山田 太郎" \
	"$(sqlite3 "$DB" "SELECT name || '|' || vendor || '|' || configuration || '|' || data_records || '|' || introduced_on || '|' || owner FROM assets WHERE id = 1")"

# an edited sheet: one owner changed
sed 's/山田 太郎/鈴木 一郎/' "$L/ja_utf8_bom.csv" >"$T/edited.csv"
check_run "import edited" 0 y import csv "$T/edited.csv"
check_eq "one field" "$T/edited.csv (UTF-8 (BOM)): 3 rows, 0 new, 1 updated (1 fields), 2 unchanged" "$OUT"
check_run "history" 0 y --format csv ledger history 住民情報システム
check_contains "owner change recorded" "field,owner,山田 太郎,鈴木 一郎,tester,$T/edited.csv" "$OUT"

# export and round trip
check_run "export csv" 0 y --lang ja ledger export "$T/out.csv"
check_eq "export note" "$T/out.csv: 資産 3 件" "$ERR"
check_eq "csv header" "資産名,種別,ベンダー,バージョン,CPE,PURL,機能分類,保有データ,データ件数,接続先,公開範囲,開放ポート,設置場所,部署,担当者,重要度,安全関連,導入日,サポート終了日,廃止予定日,廃止日,廃棄日,タグ" \
	"$(head -n 1 "$T/out.csv" | tr -d '\r' | sed 's/^\xef\xbb\xbf//')"
check_run "export xlsx" 0 y ledger export "$T/out.xlsx"
check_eq "xlsx is a zip" "PK" "$(head -c 2 "$T/out.xlsx")"
DB2="$T/second.db"
"$YAMORI" --db "$DB2" --quiet init
for d in "joho 情報政策課" "shimin 市民課" "suido 水道局"; do
	set -- $d
	"$YAMORI" --db "$DB2" --quiet dept add "$1" "$2"
done
check_run "re-import export" 0 "$YAMORI" --db "$DB2" import csv "$T/out.csv"
check_run "export again" 0 "$YAMORI" --db "$DB2" --lang ja ledger export "$T/out2.csv"
check_eq "round trip loses nothing" "" "$(cmp "$T/out.csv" "$T/out2.csv" 2>&1)"

check_run "bad csv" 1 y import csv "$L/bad/unclosed_quote.csv"
check_run "export to stdout" 0 y --lang en ledger export -
check_contains "stdout csv" "住民情報システム,system" "$OUT"
check_run "xlsx to stdout refused" 2 y ledger export - --as xlsx
check_run "--format xlsx" 0 y --quiet ledger export "$T/named.out" --format xlsx
check_eq "--format xlsx writes a zip" "PK" "$(head -c 2 "$T/named.out")"
check_run "--format xlsx elsewhere" 2 y findings list --format xlsx

done_testing
