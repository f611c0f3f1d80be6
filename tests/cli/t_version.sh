# yamori version cmp|in|canon and yamori purl parse|canon.
. "$(dirname "$0")/lib.sh"

check_run "cmp npm" 0 "$YAMORI" version cmp --scheme npm 1.2.3 1.10.0
check_eq "cmp npm result" "-1" "$OUT"
check_run "cmp pypi equal" 0 "$YAMORI" version cmp --scheme pypi 1.0 1.0.0
check_eq "cmp pypi result" "0" "$OUT"
check_run "cmp json" 0 "$YAMORI" --format json version cmp --scheme semver \
	1.0.0-rc.1 1.0.0-beta.11
check_eq "cmp json result" '{"result": 1}' "$OUT"
check_run "cmp bad version" 1 "$YAMORI" version cmp --scheme pypi 1.0 1.x
check_eq "cmp bad message" \
	"yamori: invalid version '1.x' at position 1: unexpected '.'" "$ERR"
check_run "cmp no scheme" 2 "$YAMORI" version cmp 1 2
check_run "cmp unknown scheme" 2 "$YAMORI" version cmp --scheme cobol 1 2
check_run "in npm caret" 0 "$YAMORI" version in --scheme npm 0.2.9 '^0.2.3'
check_eq "in npm caret result" "true" "$OUT"
check_run "in npm caret 0.3" 0 "$YAMORI" version in --scheme npm 0.3.0 '^0.2.3'
check_eq "in npm caret 0.3 result" "false" "$OUT"
check_run "in pypi" 0 "$YAMORI" version in --scheme pypi 2.28.1 '>=2.3.0,<2.31.0'
check_eq "in pypi result" "true" "$OUT"
check_run "in vers" 0 "$YAMORI" version in 1.5.0 'vers:npm/>=1.0.0|<2.0.0'
check_eq "in vers result" "true" "$OUT"
check_run "in vers outside" 0 "$YAMORI" version in 2.0.0 'vers:npm/>=1.0.0|<2.0.0'
check_eq "in vers outside result" "false" "$OUT"
check_run "in vers union" 0 "$YAMORI" version in 1.2.3 'vers:npm/1.2.3|>=2.0.0|<5.0.0'
check_eq "in vers union result" "true" "$OUT"
check_run "in vers not-equal" 0 "$YAMORI" version in 1.5.0 'vers:pypi/>=1.0|!=1.5.0|<2.0'
check_eq "in vers not-equal result" "false" "$OUT"
check_run "in vers star" 0 "$YAMORI" version in 9.9 'vers:pypi/*'
check_eq "in vers star result" "true" "$OUT"
check_run "in bad range" 1 "$YAMORI" version in --scheme npm 1.0.0 '>=1.0.0 <<2'
check_run "vers canon" 0 "$YAMORI" version canon 'vers:npm/ <2.0.0 | >= 1.0.0 |=1.5.0'
check_eq "vers canon result" "vers:npm/>=1.0.0|1.5.0|<2.0.0" "$OUT"
check_run "vers canon dup" 1 "$YAMORI" version canon 'vers:npm/1.0.0|>=1.0.0'
check_eq "vers canon dup message" \
	"yamori: invalid range 'vers:npm/1.0.0|>=1.0.0': a version appears twice" "$ERR"
check_run "vers unknown scheme" 1 "$YAMORI" version canon 'vers:cobol/1'

printf '1.0.0\t2.0.0\nbad\t1.0.0\n2.0.0\t2.0.0\nno-tab\n' >"$T/pairs"
check_run "batch with errors" 1 sh -c "\"$YAMORI\" version cmp --scheme semver --batch <\"$T/pairs\""
check_eq "batch output" "-1
error
0
error" "$OUT"
check_eq "batch errors" "yamori: line 2: invalid version 'bad' at position 0: unexpected 'b'
yamori: line 4: expected two fields separated by a tab" "$ERR"
printf '1.5.0\t>=1.0.0 <2.0.0\n3.0.0\tvers:npm/>=1.0.0|<2.0.0\n' >"$T/ranges"
check_run "batch in" 0 sh -c "\"$YAMORI\" version in --scheme npm --batch <\"$T/ranges\""
check_eq "batch in output" "true
false" "$OUT"

check_run "purl parse" 0 "$YAMORI" purl parse 'pkg:npm/%40babel/traverse@7.22.5?b=2&a=1#lib'
check_eq "purl parse json" '{
  "type": "npm",
  "namespace": "@babel",
  "name": "traverse",
  "version": "7.22.5",
  "qualifiers": {
    "a": "1",
    "b": "2"
  },
  "subpath": "lib",
  "canonical": "pkg:npm/%40babel/traverse@7.22.5?a=1&b=2#lib"
}' "$OUT"
check_run "purl canon" 0 "$YAMORI" purl canon 'pkg:pypi/PyYAML@5.3.1'
check_eq "purl canon result" "pkg:pypi/pyyaml@5.3.1" "$OUT"
check_run "purl bad" 1 "$YAMORI" purl canon 'npm/lodash'
check_eq "purl bad message" \
	"yamori: invalid purl 'npm/lodash': missing 'pkg:' scheme" "$ERR"
printf 'pkg:NPM/Lodash@1\nnope\n' >"$T/purls"
check_run "purl batch" 1 sh -c "\"$YAMORI\" purl canon --batch <\"$T/purls\""
check_eq "purl batch output" "pkg:npm/Lodash@1
error" "$OUT"

done_testing
