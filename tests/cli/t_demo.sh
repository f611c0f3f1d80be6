# The main job end to end on the demo organisation: `make demo` output,
# the stable findings JSON, and the matched set against the hand-derived
# ground truth in tests/fixtures/demo/expected.md.
. "$(dirname "$0")/lib.sh"

export YAMORI_DEMO_DB="$DB"
check_run "demo runs" 0 sh "$YM_SRC/scripts/demo.sh" "$YAMORI" --lang en
check_file "demo output (en)" "$EXP/demo-en.txt" \
	"$(printf '%s\n' "$OUT" | sed "s|$DB|DEMO_DB|")"
check_run "findings table (ja)" 0 y --lang ja findings list
check_file "findings table (ja)" "$EXP/demo-findings-ja.txt" "$OUT"
check_eq "findings count note (ja)" "検出 25 件" "$ERR"

check_run "findings json" 0 y --format json findings list
check_file "findings json schema and content" "$EXP/demo-findings.json" "$OUT"

# Ground truth: every (system, component, version, advisory) row of
# expected.md, and nothing else. The advisory is compared with the
# aliases column: findings carry the CVE the advisory names.
awk -F'|' '/^\| [0-9]+ \|/ {
	gsub(/^ +| +$/, "", $3); gsub(/^ +| +$/, "", $4);
	gsub(/^ +| +$/, "", $5); gsub(/^ +| +$/, "", $7);
	print $3 "|" $4 "|" $5 "|" $7 }' \
	"$FIX/demo/expected.md" | sort >"$T/truth"
y --format csv findings list | tr -d '\r' | tail -n +2 |
	awk -F, '{ print $3 "|" $6 "|" $7 "|" $9 }' | sort >"$T/got"
check_eq "ground truth rows" "25" "$(wc -l <"$T/truth" | tr -d ' ')"
if diff "$T/truth" "$T/got" >"$T/d"; then ok; else
	not_ok "matched set differs from expected.md"; cat "$T/d" >&2; fi

check_run "severity filter" 0 y --format csv findings list --severity critical
check_eq "critical count" "4" "$(printf '%s\n' "$OUT" | tail -n +2 | wc -l | tr -d ' ')"
check_run "asset filter" 0 y --format csv findings list --asset 顧客ポータル
check_eq "asset count" "6" "$(printf '%s\n' "$OUT" | tail -n +2 | wc -l | tr -d ' ')"
# department scoping (enforced in the store): jinji 14, eigyo 11, joho 0
for d in jinji:14 eigyo:11 joho:0 eigyo,joho:11; do
	check_run "dept ${d%%:*}" 0 y --format csv findings list --dept "${d%%:*}"
	check_eq "dept ${d%%:*} count" "${d##*:}" \
		"$(printf '%s\n' "$OUT" | tail -n +2 | grep -c .)"
done
check_run "unknown dept" 1 y findings list --dept nope
check_eq "unknown dept message" "yamori: no department with code 'nope'" "$ERR"
check_run "assets of joho" 0 y --format csv asset list --dept joho
check_eq "joho assets" "2" "$(printf '%s\n' "$OUT" | tail -n +2 | grep -c .)"
check_run "status filter" 0 y --format csv findings list --status resolved
check_eq "none resolved" "1" "$(printf '%s\n' "$OUT" | wc -l | tr -d ' ')"
check_run "bad severity" 2 y findings list --severity severe
check_run "show missing" 1 y findings show 999
check_eq "show missing message" "yamori: no finding 999" "$ERR"
check_run "fail-on high" 1 y --quiet scan --fail-on high
check_run "fail-on ok" 0 y --quiet scan --asset 社内Wiki --fail-on low

done_testing
