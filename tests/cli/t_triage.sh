# yamori triage: a decision and a deadline per finding, with its reason;
# re-triage after KEV changes, overrides, mitigations and the residual,
# findings sorted by decision (docs/triage.md).
. "$(dirname "$0")/lib.sh"

export YAMORI_DEMO_DB="$DB" YAMORI_DEMO_NO_TRIAGE=1
sh "$YM_SRC/scripts/demo.sh" "$YAMORI" --lang en >/dev/null 2>&1 || not_ok "demo"
y --quiet feed import epss "$FIX/triage/epss.csv" --no-scan >/dev/null 2>&1

# without decisions, findings list keeps its columns
check_run "list before" 0 y --lang en --format csv findings list
check_eq "no decision columns" "id,severity,asset,department,owner,component,version,vulnerability,aliases,fixed,status" "$(printf '%s\n' "$OUT" | head -1 | tr -d '\r')"

check_run "first triage" 0 y --lang en triage
check_file "first triage" "$EXP/triage-first.txt" "$OUT"
check_run "steady re-run" 0 y --lang en triage
check_file "steady re-run" "$EXP/triage-steady.txt" "$OUT"
check_run "dry run" 0 y --lang en triage --dry-run

# KEV adds lodash CVE-2021-23337: re-triage shows the change and why
# a KEV import re-triages by itself once triage is in use
check_run "kev import" 0 y --lang en feed import kev "$FIX/triage/kev.csv" --no-scan
check_contains "kev import re-triaged" "triage: 25 findings, 0 new, 2 changed" "$ERR"
check_run "triage after kev" 0 y --lang en triage
check_file "triage after kev" "$EXP/triage-kev.txt" "$OUT"
check_eq "kev changes and their causes" "9|2|3|2026-11-22|exploitation none → active (KEV since 2026-03-02), likelihood medium → high (exploited in the wild (KEV or reports))
17|1|2|2026-12-05|exploitation none → active (KEV since 2026-03-02), likelihood low → high (exploited in the wild (KEV or reports))" \
	"$(sqlite3 "$DB" "SELECT finding_id || '|' || old_outcome || '|' ||
		new_outcome || '|' || new_deadline || '|' || cause_en
		FROM triage_history WHERE old_outcome IS NOT NULL ORDER BY id")"
check_run "triage json" 0 y --lang en --format json triage
check_file "triage json (nothing changed)" "$EXP/triage-steady.json" "$OUT"

check_run "show en" 0 y --lang en triage show 9
check_file "show en" "$EXP/triage-show-en.txt" "$OUT"
check_run "show ja" 0 y --lang ja triage show 9
check_file "show ja" "$EXP/triage-show-ja.txt" "$OUT"

# override the exposure of an asset, with a reason
check_run "override" 0 y --lang en --quiet triage override --asset 顧客ポータル exposure=internal --reason "behind the VPN since 2026-11" 
check_eq "override out" "override 1: exposure=internal" "$OUT"
check_run "override list" 0 y --lang en triage override list
check_contains "override listed" "#1  顧客ポータル  exposure=internal  behind the VPN since 2026-11" "$OUT"
check_run "bad input" 1 y --lang en triage override --finding 9 speed=fast --reason x
check_eq "bad input err" "yamori: unknown input 'speed' (exploitation, exposure, automatable, technical_impact, mission_impact, safety_impact, human_impact, impact, likelihood)" "$ERR"
check_run "no reason" 2 y --lang en triage override --finding 9 exposure=internal
check_run "lift" 0 y --lang en --quiet triage override lift 1
check_run "lift again" 1 y --lang en triage override lift 1
check_run "override list after lift" 0 y --lang en triage override list
check_contains "lifted listed" "  lifted 2026-11-21T09:00:00Z by " "$OUT"
# the override and its lifting changed #7 twice, with their causes; back
# to Immediate, the deadline counts again from now
check_run "show 7" 0 y --lang en triage show 7
check_file "show 7 (override history)" "$EXP/triage-show-override.txt" "$OUT"

# a planned mitigation: the residual decision next to the current one
check_run "mitigate" 0 y --lang en --quiet triage mitigate --finding 9 --changes exposure=controlled,exploitation=none --name "IP restriction" --planned 2026-12-01
check_run "show residual" 0 y --lang en triage show 9
check_contains "residual" "Residual after IP restriction: Scheduled, due 2026-12-19" "$OUT"
check_run "list residual" 0 y --lang en --format csv findings list --with-residual --asset 顧客ポータル
check_file "list residual" "$EXP/triage-list-residual.csv" "$OUT"
check_run "mitigation done" 0 y --lang en --quiet triage mitigate done 1
check_run "show after done" 0 y --lang en triage show 9
check_file "show after done" "$EXP/triage-show-done.txt" "$OUT"

# the ledger: 経費精算アプリ goes on the internet with a port open; the
# changes and their causes as CSV
check_run "asset set" 0 y --lang en asset set 経費精算アプリ --exposure internet --ports 443/tcp
check_contains "asset set re-triaged" "triage: 25 findings, 0 new, 6 changed" "$ERR"
check_eq "exposure changes and their causes" "$(tail -n +2 "$EXP/triage-exposure.csv" | tr -d '\r' | cut -d, -f1,6- | sed 's/,/|/; s/,"/|/; s/"$//')" \
	"$(sqlite3 "$DB" "SELECT h.finding_id || '|' || h.new_deadline || '|' ||
		h.cause_en FROM triage_history h JOIN findings f ON
		f.id = h.finding_id JOIN assets a ON a.id = f.asset_id
		WHERE h.old_outcome IS NOT NULL AND a.name = '経費精算アプリ'
		AND h.cause_en LIKE 'exposure%' ORDER BY h.id")"
check_run "triage csv steady" 0 y --lang en --format csv triage
check_eq "triage csv steady" "finding,asset,vulnerability,from,to,deadline,cause" "$(printf '%s\n' "$OUT" | tr -d '\r')"

# findings list: sorted by decision (most urgent first, then the earliest
# deadline, then the order of --sort severity), filter, JSON, CSV
check_run "list by decision" 0 y --lang en findings list
check_file "list by decision" "$EXP/triage-findings.txt" "$OUT"
check_run "list csv" 0 y --lang en --format csv findings list
check_file "list csv" "$EXP/triage-findings.csv" "$OUT"
check_run "list json" 0 y --lang en --format json findings list
check_file "list json" "$EXP/triage-findings.json" "$OUT"
check_run "list json again" 0 y --lang en --format json findings list
check_file "list json is stable" "$EXP/triage-findings.json" "$OUT"
check_run "list by severity" 0 y --lang en --format csv findings list --sort severity
check_eq "severity order kept" "5,25,18,20" "$(printf '%s\n' "$OUT" | tail -n +2 | head -4 | cut -d, -f1 | tr '\n' ',' | sed 's/,$//')"
check_run "filter" 0 y --lang en --format csv findings list --decision out_of_cycle
check_eq "filter count" "17" "$(printf '%s\n' "$OUT" | tail -n +2 | grep -c .)"
check_run "bad filter" 2 y findings list --decision soon
check_run "json decision" 0 y --format json findings list --decision immediate
check_contains "json has decision" '"decision": {' "$OUT"
check_run "explain" 0 y --lang en explain 7
check_contains "explain decision" "Decision: Immediate, due 2026-11-22" "$OUT"

done_testing
