# yamori cpe parse|match: CPE 2.3 names (NISTIR 7695/7696).
. "$(dirname "$0")/lib.sh"


check_run "parse fs" 0 "$YAMORI" cpe parse \
	'cpe:2.3:a:foo\$bar:insight:7.4.0.1570:-:*:*:online:win2003:x64:*'
check_eq "parse fs json" '{
  "part": "a",
  "vendor": "foo\\$bar",
  "product": "insight",
  "version": "7\\.4\\.0\\.1570",
  "update": "-",
  "edition": "*",
  "language": "*",
  "sw_edition": "online",
  "target_sw": "win2003",
  "target_hw": "x64",
  "other": "*",
  "wfn": "wfn:[part=\"a\",vendor=\"foo\\$bar\",product=\"insight\",version=\"7\\.4\\.0\\.1570\",update=NA,edition=ANY,language=ANY,sw_edition=\"online\",target_sw=\"win2003\",target_hw=\"x64\",other=ANY]",
  "fs": "cpe:2.3:a:foo\\$bar:insight:7.4.0.1570:-:*:*:online:win2003:x64:*",
  "uri": "cpe:/a:foo%24bar:insight:7.4.0.1570:-:~~online~win2003~x64~"
}' "$OUT"

check_run "parse uri" 0 "$YAMORI" cpe parse --as fs \
	'cpe:/a:microsoft:internet_explorer:8.%02:sp%01'
check_eq "parse uri fs" \
	'cpe:2.3:a:microsoft:internet_explorer:8.*:sp?:*:*:*:*:*:*' "$OUT"
check_run "parse as uri" 0 "$YAMORI" cpe parse --as uri \
	'cpe:2.3:a:hp:openview_network_manager:7.51:*:*:*:*:linux:*:*'
check_eq "parse as uri out" \
	'cpe:/a:hp:openview_network_manager:7.51::~~~linux~~' "$OUT"
check_run "parse as wfn" 0 "$YAMORI" cpe parse --as wfn 'cpe:/o:linux'
check_eq "parse as wfn out" \
	'wfn:[part="o",vendor="linux",product=ANY,version=ANY,update=ANY,edition=ANY,language=ANY,sw_edition=ANY,target_sw=ANY,target_hw=ANY,other=ANY]' \
	"$OUT"
check_run "parse wfn input" 0 "$YAMORI" cpe parse --as fs \
	'wfn:[part="a",vendor="micro??",version="8\.*"]'
check_eq "parse wfn input out" 'cpe:2.3:a:micro??:*:8.*:*:*:*:*:*:*:*' "$OUT"
check_run "parse json format wins" 0 "$YAMORI" --format json cpe parse \
	--as fs 'cpe:/a:b'
check_contains "parse json format wins out" '"uri": "cpe:/a:b"' "$OUT"

check_run "parse too few" 1 "$YAMORI" cpe parse 'cpe:2.3:a:x'
check_eq "parse too few message" \
	"yamori: invalid CPE 'cpe:2.3:a:x': expected 13 components, got 4" "$ERR"
check_eq "parse too few stdout" "" "$OUT"
check_run "parse embedded star" 1 "$YAMORI" cpe parse \
	'cpe:2.3:a:2g*lux:com_sexypolling:0.9.1:-:-:*:-:joomla\!:*:*'
check_eq "parse embedded star message" \
	"yamori: invalid CPE 'cpe:2.3:a:2g*lux:com_sexypolling:0.9.1:-:-:*:-:joomla\\!:*:*': unquoted '*' inside vendor at position 12 (only at the start or end)" \
	"$ERR"
check_run "parse bad percent" 1 "$YAMORI" cpe parse 'cpe:/a:%99'
check_eq "parse bad percent message" \
	"yamori: invalid CPE 'cpe:/a:%99': '%99' is not a CPE percent-encoding in vendor at position 7" \
	"$ERR"
check_run "parse no name" 2 "$YAMORI" cpe parse
check_run "parse two names" 2 "$YAMORI" cpe parse cpe:/a cpe:/o
check_run "parse bad --as" 2 "$YAMORI" cpe parse --as xml cpe:/a
check_run "no subcommand" 2 "$YAMORI" cpe
check_run "unknown subcommand" 2 "$YAMORI" cpe bind cpe:/a
check_run "help" 0 "$YAMORI" cpe --help
check_contains "help documents ANY" 'ANY is "*" and NA is "-"' "$OUT"

# match: the relations of NISTIR 7696
check_run "match superset" 0 "$YAMORI" cpe match \
	'cpe:2.3:o:microsoft:windows_?:*:*:*:en-us:home*:-:x64:-' \
	'cpe:2.3:o:microsoft:windows_7:6.1:sp1:*:en-us:home_basic:-:x64:-'
check_eq "match superset out" "SUPERSET" "$OUT"
check_run "match disjoint" 0 "$YAMORI" cpe match \
	'cpe:2.3:o:microsoft:windows_?:*:*:*:en-us:home*:-:x64:-' \
	'cpe:2.3:o:microsoft:windows_7:6.1:sp1:*:en-us:home_basic:-:x32:*'
check_eq "match disjoint out" "DISJOINT" "$OUT"
check_run "match equal mixed bindings" 0 "$YAMORI" cpe match \
	'cpe:/a:microsoft:ie:8.0' 'cpe:2.3:a:microsoft:ie:8.0:*:*:*:*:*:*:*'
check_eq "match equal out" "EQUAL" "$OUT"
check_run "match subset" 0 "$YAMORI" cpe match \
	'cpe:2.3:a:microsoft:ie:8.0:*:*:*:*:*:*:*' 'cpe:/a:microsoft'
check_eq "match subset out" "SUBSET" "$OUT"
check_run "match undefined" 0 "$YAMORI" cpe match \
	'cpe:/o:microsoft' 'cpe:2.3:o:microsoft*:*:*:*:*:*:*:*:*:*'
check_eq "match undefined out" "UNDEFINED" "$OUT"
check_run "match json" 0 "$YAMORI" --format json cpe match \
	'cpe:2.3:a:*soft:*:*:*:*:*:*:*:*:*' 'cpe:/a:microsoft:ie'
check_eq "match json out" '{"relation":"SUPERSET","match":true}' "$OUT"
check_run "match bad target" 1 "$YAMORI" cpe match cpe:/a cpe:/q
check_eq "match bad target message" \
	"yamori: invalid CPE 'cpe:/q': invalid part 'q' at position 5 (a, o or h)" \
	"$ERR"
check_run "match one name" 2 "$YAMORI" cpe match cpe:/a

# --batch
printf '%s\n' 'cpe:/a:apache:xerces-c%2b%2b:-' 'cpe:2.3:a:x' \
	'cpe:2.3:h:cisco:asa_5500:7.0\(4\):*:*:*:*:*:*:*' 'nonsense' \
	>"$T/names"
check_run "parse batch" 1 sh -c "\"$YAMORI\" cpe parse --batch <\"$T/names\""
check_eq "parse batch out" 'cpe:2.3:a:apache:xerces-c\+\+:-:*:*:*:*:*:*:*
error
cpe:2.3:h:cisco:asa_5500:7.0\(4\):*:*:*:*:*:*:*
error' "$OUT"
check_eq "parse batch errors" \
	"yamori: line 2: invalid CPE 'cpe:2.3:a:x': expected 13 components, got 4
yamori: line 4: invalid CPE 'nonsense': expected 'cpe:2.3:', 'cpe:/' or 'wfn:[' at position 0" \
	"$ERR"
check_run "parse batch uri" 0 sh -c \
	"printf 'cpe:2.3:a:apache:xerces-c\\\\+\\\\+:-:*:*:*:*:*:*:*\\n' | \"$YAMORI\" cpe parse --batch --as uri"
check_eq "parse batch uri out" 'cpe:/a:apache:xerces-c%2b%2b:-' "$OUT"
check_run "parse batch args" 2 "$YAMORI" cpe parse --batch cpe:/a

printf 'cpe:/a:microsoft\tcpe:/a:microsoft:ie:8\ncpe:/a:x\n%s\t%s\ncpe:/a\tcpe:/\n' \
	'cpe:2.3:a:adobe:reader:9.*:-:-:*:*:*:*:*' \
	'cpe:2.3:a:adobe:reader:8.3.2:-:-:*:*:*:*:*' >"$T/pairs"
check_run "match batch" 1 sh -c "\"$YAMORI\" cpe match --batch <\"$T/pairs\""
check_eq "match batch out" "SUPERSET
error
DISJOINT
SUBSET" "$OUT"
check_eq "match batch errors" \
	"yamori: line 2: expected two fields separated by a tab" "$ERR"
check_run "match batch quiet" 1 sh -c \
	"\"$YAMORI\" --quiet cpe match --batch <\"$T/pairs\""
check_eq "match batch quiet stderr" "" "$ERR"

done_testing
