# yamori ssvc trees|show|decide: SSVC decision tables built into yamori
# (data/ssvc), a table file (--table), and the SSVCv2/ vector form.
. "$(dirname "$0")/lib.sh"

# CSV lines end in CRLF (RFC 4180); compare without the CRs
crlf() { printf '%s' "$1" | tr -d '\r'; }

# --- trees -----------------------------------------------------------------
check_run "trees" 0 "$YAMORI" --format csv ssvc trees
check_eq "trees csv" 'tree,table,name,inputs,outcome
human-impact,ssvc:DT_HI:1.0.0,Human Impact,"safety_impact,mission_impact",human_impact
utility,ssvc:DT_U:1.0.0,Utility,"automatable,value_density",utility
public-safety-impact,ssvc:DT_PSI:1.0.0,Public Safety Impact,safety_impact,public_safety_impact
deployer,ssvc:DT_DP:1.0.0,Deployer Patch Application Priority,"exploitation,exposure,automatable,human_impact",priority
supplier,ssvc:DT_SP:1.0.0,Supplier Patch Development Priority,"exploitation,utility,technical_impact,public_safety_impact",priority
coordinator-triage,ssvc:DT_COORD_TRIAGE:1.0.0,Coordinator Triage,"report_public,supplier_contacted,report_credibility,supplier_cardinality,supplier_engagement,utility,public_safety_impact",triage
coordinator-publish,ssvc:DT_COORD_PUBLISH:1.0.0,Coordinator Publish Decision Table,"supplier_involvement,exploitation,public_value_added",publish
cisa,cisa:DT_CO:2.0.3,CISA Coordinator,"exploitation,automatable,technical_impact,mission_wellbeing",priority
bod-26-04,cisa:DT_BOD2604:1.0.0,CISA BOD 26-04,"kev,publicly_exposed,automatable,technical_impact",timeline' "$(crlf "$OUT")"
check_run "trees json" 0 "$YAMORI" --format json ssvc trees
check_contains "trees json bod" '"tree": "bod-26-04",
    "table": "cisa:DT_BOD2604:1.0.0",' "$OUT"
check_run "trees argument" 2 "$YAMORI" ssvc trees deployer
check_eq "trees argument message" "yamori: unexpected argument 'deployer'
(see 'yamori ssvc trees --help')" "$ERR"

# --- show ------------------------------------------------------------------
check_run "show deployer" 0 "$YAMORI" ssvc show deployer
check_file "show deployer out" "$EXP/ssvc-show-deployer.txt" "$OUT"
check_run "show bod json" 0 "$YAMORI" --format json ssvc show bod-26-04
check_file "show bod json out" "$EXP/ssvc-show-bod-26-04.json" "$OUT"
check_run "show csv" 0 "$YAMORI" --format csv ssvc show human-impact
check_eq "show csv out" 'row,safety_impact,mission_impact,human_impact
0,negligible,degraded,low
1,negligible,mef_support_crippled,low
2,negligible,mef_failure,medium
3,negligible,mission_failure,very_high
4,marginal,degraded,low
5,marginal,mef_support_crippled,low
6,marginal,mef_failure,medium
7,marginal,mission_failure,very_high
8,critical,degraded,medium
9,critical,mef_support_crippled,high
10,critical,mef_failure,high
11,critical,mission_failure,very_high
12,catastrophic,degraded,very_high
13,catastrophic,mef_support_crippled,very_high
14,catastrophic,mef_failure,very_high
15,catastrophic,mission_failure,very_high' "$(crlf "$OUT")"
check_run "show unknown" 1 "$YAMORI" ssvc show nope
check_eq "show unknown message" \
	"yamori: unknown SSVC tree 'nope' (see 'yamori ssvc trees')" "$ERR"
check_run "show missing" 2 "$YAMORI" ssvc show
check_eq "show missing message" "yamori: missing TREE
(see 'yamori ssvc show --help')" "$ERR"

# --- decide ----------------------------------------------------------------
check_run "decide" 0 "$YAMORI" ssvc decide --tree deployer \
	exploitation=active exposure=open automatable=yes human_impact=high
check_eq "decide out" "immediate (Immediate)" "$OUT"
check_eq "decide stderr" "" "$ERR"
check_run "decide codes" 0 "$YAMORI" ssvc decide --tree deployer \
	E=P EXP=c A=no 'Human Impact=Very High'
check_eq "decide codes out" "scheduled (Scheduled)" "$OUT"
check_run "decide json chained" 0 "$YAMORI" --format json ssvc decide \
	--tree deployer E=A EXP=O A=Y mission_impact=degraded \
	safety_impact=critical
check_eq "decide json chained out" '{
  "tree": "deployer",
  "table": "ssvc:DT_DP:1.0.0",
  "inputs": [
    {
      "point": "exploitation",
      "ssvc": "ssvc:E:1.1.0",
      "value": "active",
      "code": "A",
      "name": "Active",
      "derived": false
    },
    {
      "point": "exposure",
      "ssvc": "ssvc:EXP:1.0.1",
      "value": "open",
      "code": "O",
      "name": "Open",
      "derived": false
    },
    {
      "point": "automatable",
      "ssvc": "ssvc:A:2.0.0",
      "value": "yes",
      "code": "Y",
      "name": "Yes",
      "derived": false
    },
    {
      "point": "human_impact",
      "ssvc": "ssvc:HI:2.0.2",
      "value": "medium",
      "code": "M",
      "name": "Medium",
      "derived": true
    },
    {
      "point": "safety_impact",
      "ssvc": "ssvc:SI:2.0.1",
      "value": "critical",
      "code": "R",
      "name": "Critical",
      "derived": false
    },
    {
      "point": "mission_impact",
      "ssvc": "ssvc:MI:2.0.0",
      "value": "degraded",
      "code": "D",
      "name": "Degraded",
      "derived": false
    }
  ],
  "outcome": {
    "point": "priority",
    "ssvc": "ssvc:DSOI:1.0.0",
    "value": "out_of_cycle",
    "code": "O",
    "name": "Out-of-Cycle"
  },
  "row": 69,
  "vector": "SSVCv2/A:Y/DSOI:O/E:A/EXP:O/HI:M/MI:D/SI:R/2026-11-21T09:00:00Z/"
}' "$OUT"
check_run "decide csv bod" 0 "$YAMORI" --format csv ssvc decide \
	--tree bod-26-04 --no-time kev=yes publicly_exposed=yes \
	automatable=no technical_impact=total
check_eq "decide csv bod out" 'tree,outcome,code,name,row,vector
bod-26-04,3_days_forensic_investigation,3DF,3 days & forensic investigation,12,SSVCv2/A:N/TI:T/cisa:BOD2604:3DF/cisa:KEV:Y/cisa:PE:Y/' "$(crlf "$OUT")"
check_run "decide cisa time" 0 "$YAMORI" --format csv ssvc decide \
	--tree cisa --time 2025-01-02T15:30:45-04:00 E=N A=N TI=T MWI=H
check_eq "decide cisa time out" 'tree,outcome,code,name,row,vector
cisa,track_star,T*,Track*,5,SSVCv2/A:N/E:N/MWI:H/TI:T/cisa:CISA:T*/2025-01-02T15:30:45-04:00/' "$(crlf "$OUT")"

# vectors, the tree found from the keys
check_run "vector" 0 "$YAMORI" ssvc decide \
	--vector 'SSVCv2/A:Y/DSOI:I/E:A/EXP:O/HI:H/2026-11-21T09:00:00Z/'
check_eq "vector out" "immediate (Immediate)" "$OUT"
check_run "vector json" 0 "$YAMORI" --format json ssvc decide \
	--vector 'SSVCv2/A:Y/TI:P/cisa:KEV:N/cisa:PE:Y/2025-06-01T00:00:00Z'
check_contains "vector json tree" '"tree": "bod-26-04"' "$OUT"
check_contains "vector json keeps time" \
	'"vector": "SSVCv2/A:Y/TI:P/cisa:BOD2604:14D/cisa:KEV:N/cisa:PE:Y/2025-06-01T00:00:00Z/"' \
	"$OUT"
check_run "vector bad value" 1 "$YAMORI" ssvc decide --vector 'SSVCv2/E:Q/'
check_eq "vector bad value message" \
	"yamori: SSVCv2/E:Q/: invalid value 'Q' for decision point 'E' at position 8 (expected N, P, A)" \
	"$ERR"
check_run "vector unknown key" 1 "$YAMORI" ssvc decide \
	--vector 'SSVCv2/E:A/XY:Z/'
check_eq "vector unknown key message" \
	"yamori: SSVCv2/E:A/XY:Z/: unknown decision point 'XY' at position 12" \
	"$ERR"
check_run "vector incomplete" 1 "$YAMORI" ssvc decide \
	--vector 'SSVCv2/E:A/A:Y/'
check_eq "vector incomplete message" \
	"yamori: SSVCv2/E:A/A:Y/: tree deployer: missing exposure (EXP)" \
	"$ERR"
check_run "vector tree" 1 "$YAMORI" ssvc decide --tree cisa \
	--vector 'SSVCv2/E:A/EXP:O/'
check_eq "vector tree message" \
	"yamori: SSVCv2/E:A/EXP:O/: decision point 'EXP' at position 12 is not in tree cisa" \
	"$ERR"
check_run "vector prefix" 1 "$YAMORI" ssvc decide --vector 'SSVC/v2/E:A/'
check_eq "vector prefix message" \
	"yamori: SSVC/v2/E:A/: missing 'SSVCv2/' prefix at position 1" "$ERR"

# failures and usage
check_run "decide missing" 1 "$YAMORI" ssvc decide --tree deployer \
	E=A EXP=O A=Y MI=D
check_eq "decide missing message" \
	"yamori: missing safety_impact (SI) to derive human_impact" "$ERR"
check_eq "decide missing stdout" "" "$OUT"
check_run "decide bad value" 1 "$YAMORI" ssvc decide --tree deployer \
	exploitation=maybe
check_eq "decide bad value message" \
	"yamori: invalid value 'maybe' for exploitation (expected none, public_poc, active)" \
	"$ERR"
check_run "decide contradiction" 1 "$YAMORI" ssvc decide --tree deployer \
	E=A EXP=O A=Y HI=L MI=MF SI=N
check_eq "decide contradiction message" \
	"yamori: human_impact=low contradicts the human-impact table, which gives very_high for the inputs given" \
	"$ERR"
check_run "decide no tree" 2 "$YAMORI" ssvc decide E=A
check_eq "decide no tree message" "yamori: missing --tree
(see 'yamori ssvc decide --help')" "$ERR"
check_run "decide not pair" 2 "$YAMORI" ssvc decide --tree deployer E
check_eq "decide not pair message" "yamori: expected POINT=VALUE, got 'E'
(see 'yamori ssvc decide --help')" "$ERR"
check_run "decide both" 2 "$YAMORI" ssvc decide --vector SSVCv2/E:A/ E=A
check_run "decide bad time" 2 "$YAMORI" ssvc decide --tree deployer \
	--time yesterday E=A
check_eq "decide bad time message" \
	"yamori: invalid --time 'yesterday' (expected an RFC 3339 date-time)
(see 'yamori ssvc decide --help')" "$ERR"
check_run "decide unknown tree" 1 "$YAMORI" ssvc decide --tree nope E=A
check_run "decide unknown option" 2 "$YAMORI" ssvc decide --bogus
check_eq "decide unknown option message" "yamori: unknown option '--bogus'
(see 'yamori ssvc decide --help')" "$ERR"
check_run "no subcommand" 2 "$YAMORI" ssvc
check_run "unknown subcommand" 2 "$YAMORI" ssvc score
check_eq "unknown subcommand message" "yamori: unknown subcommand 'score'
(see 'yamori ssvc --help')" "$ERR"
for sub in "" trees show decide; do
	check_run "help $sub" 0 "$YAMORI" ssvc $sub --help
	check_contains "help $sub text" "usage: yamori ssvc trees" "$OUT"
done

# --- a table file ---------------------------------------------------------
cat >"$T/mine.csv" <<'EOT'
#ssvc-table 1
#table my-deployer x_example.test#mine:DT:1.0.0 Our deployer tree
#source written for this test
#point exploitation ssvc:E:1.1.0 Exploitation
#value none N None
#value public_poc P Public PoC
#value active A Active
#point human_impact ssvc:HI:2.0.2 Human Impact
#from human-impact
#value low L Low
#value medium M Medium
#value high H High
#value very_high VH Very High
#outcome act x_example.test#mine:ACT:1.0.0 Act
#value later L Later
#value now N Now
exploitation,human_impact,act
none,low,later
none,medium,later
none,high,later
none,very_high,now
public_poc,low,later
public_poc,medium,later
public_poc,high,now
public_poc,very_high,now
active,low,now
active,medium,now
active,high,now
active,very_high,now
EOT
check_run "table file" 0 "$YAMORI" ssvc decide --table "$T/mine.csv" \
	--no-time E=P MI=MEF SI=R
check_eq "table file out" "now (Now)" "$OUT"
check_run "table file vector" 0 "$YAMORI" --format csv ssvc decide \
	--table "$T/mine.csv" --no-time E=N HI=L
check_eq "table file vector out" 'tree,outcome,code,name,row,vector
my-deployer,later,L,Later,0,SSVCv2/E:N/HI:L/x_example.test#mine:ACT:L/' "$(crlf "$OUT")"
check_run "table file trees" 0 "$YAMORI" --format csv ssvc trees \
	--table "$T/mine.csv"
check_contains "table file trees out" \
	'my-deployer,x_example.test#mine:DT:1.0.0,Our deployer tree,"exploitation,human_impact",act' \
	"$OUT"
sed '$d' "$T/mine.csv" >"$T/short.csv"
check_run "table file incomplete" 1 "$YAMORI" ssvc decide \
	--table "$T/short.csv" E=A HI=L
check_eq "table file incomplete message" \
	"yamori: $T/short.csv: no row for exploitation=active, human_impact=very_high" \
	"$ERR"
sed 's/^public_poc,high,now$/public_poc,hihg,now/' "$T/mine.csv" >"$T/typo.csv"
check_run "table file typo" 1 "$YAMORI" ssvc show --table "$T/typo.csv" \
	my-deployer
check_eq "table file typo message" \
	"yamori: $T/typo.csv:24: human_impact: unknown value 'hihg' (expected low, medium, high, very_high)" \
	"$ERR"
check_run "table file missing" 1 "$YAMORI" ssvc trees --table "$T/none.csv"

done_testing
