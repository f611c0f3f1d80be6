# CPE 2.3 against the shared data (../shared/data/cpe, see its MANIFEST.md):
# the NISTIR 7695/7696 binding, unbinding and matching vectors must agree
# 100%, and every NVD dictionary name must parse and round-trip
# FS -> WFN -> FS, FS -> URI -> FS and FS -> WFN display form -> FS.
. "$(dirname "$0")/lib.sh"


VEC="$SHARED/cpe/cpe23-naming-matching"
DICT="$SHARED/cpe/nvd-cpe-dictionary"
[ -d "$VEC" ] && [ -d "$DICT" ] || {
	not_ok "$SHARED/cpe is incomplete"
	done_testing
	exit 1
}

# The vectors give WFNs as JSON objects ("<ANY>", "<NA>", WFN-form
# strings); they become WFN display forms (wfn:[...]) that the CLI reads.
# Lines written: INPUT<TAB>EXPECTED into one file per kind.
python3 - "$VEC" "$T" <<'EOF'
import json, os, sys
vec, out = sys.argv[1], sys.argv[2]
ATTRS = ["part", "vendor", "product", "version", "update", "edition",
         "language", "sw_edition", "target_sw", "target_hw", "other"]

def value(v):
    if v == "<ANY>":
        return "ANY"
    if v == "<NA>":
        return "NA"
    return '"' + v + '"'

def wfn(d, full=False):
    # 7695: an attribute left out is ANY. A non-string value (the
    # vectors' "vendor": 1) is one the binder must skip: left out too.
    parts = []
    for a in ATTRS:
        if isinstance(d.get(a), str):
            parts.append(a + "=" + value(d[a]))
        elif full:
            parts.append(a + "=ANY")
    return "wfn:[" + ",".join(parts) + "]"

def load(name):
    with open(os.path.join(vec, name), encoding="utf-8") as f:
        return json.load(f)["cases"]

def write(name, rows):
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        for r in rows:
            f.write("\t".join(r) + "\n")

# go-cpe binds the skipped vendor as an empty component; 7695 6.2.2
# binds ANY as "*" and the FS grammar has no empty component.
FIX = {"cpe:2.3:a::*:*:*:*:*:*:*:*:*": "cpe:2.3:a:*:*:*:*:*:*:*:*:*:*"}
write("bind_fs", [(wfn(c["wfn"]), FIX.get(c["expected"], c["expected"]))
                  for c in load("bind_fs.json")])
write("bind_uri", [(wfn(c["wfn"]), c["expected"])
                   for c in load("bind_uri.json")])
for kind in ("unbind_fs", "unbind_uri"):
    write(kind, [(c["input"], "error" if c.get("expected_error")
                  else wfn(c["expected_wfn"], True))
                 for c in load(kind + ".json")])
rows = []
for c in load("matching.json"):
    e = c["expected"]
    if e["equal"]:
        assert e["subset"] and e["superset"] and not e["disjoint"]
        r = "EQUAL"
    else:
        r = [k.upper() for k in ("superset", "subset", "disjoint") if e[k]]
        assert len(r) <= 1
        r = r[0] if r else "UNDEFINED"
    rows.append((wfn(c["source"]) + "\t" + wfn(c["target"]), r))
write("matching", rows)
EOF
[ $? -eq 0 ] || not_ok "vector conversion failed"

# vectors FILE MODE ARGS...: runs the CLI in batch mode over the first
# column(s) and compares with the last column, line by line.
vectors() {
	_f=$T/$1
	_name=$1
	shift
	if [ "$_name" = matching ]; then
		cut -f1,2 "$_f" >"$T/in"
		cut -f3 "$_f" >"$T/want"
	else
		cut -f1 "$_f" >"$T/in"
		cut -f2 "$_f" >"$T/want"
	fi
	"$YAMORI" --quiet "$@" <"$T/in" >"$T/got"
	_n=$(wc -l <"$T/want" | tr -d ' ')
	_same=$(paste "$T/want" "$T/got" | awk -F'\t' '$1 == $2' | wc -l |
		tr -d ' ')
	echo "$_name: $_same of $_n agree"
	check_eq "$_name: all $_n vectors agree" "$_n" "$_same"
	paste "$T/in" "$T/want" "$T/got" | awk -F'\t' '
		{ w = $(NF - 1); g = $NF }
		w != g { print "  differs: " $0 }' | head -5 >&2
}
vectors bind_fs cpe parse --batch --as fs
vectors bind_uri cpe parse --batch --as uri
vectors unbind_fs cpe parse --batch --as wfn
vectors unbind_uri cpe parse --batch --as wfn
vectors matching cpe match --batch

# The dictionary: every name parses, and each binding comes back to it.
python3 - "$DICT" >"$T/names" <<'EOF'
import json, os, sys
for fn in sorted(os.listdir(sys.argv[1])):
    if fn.endswith(".json"):
        with open(os.path.join(sys.argv[1], fn), encoding="utf-8") as f:
            for p in json.load(f)["products"]:
                print(p["cpe"]["cpeName"])
EOF
n=$(wc -l <"$T/names" | tr -d ' ')
echo "dictionary: $n names"
check_eq "dictionary has names" "yes" "$([ "$n" -ge 6000 ] && echo yes)"

check_run "dictionary parses" 0 sh -c \
	"\"$YAMORI\" cpe parse --batch <\"$T/names\" >\"$T/fs\""
check_eq "dictionary FS->WFN->FS" "" "$(diff "$T/names" "$T/fs" | head -5)"

check_run "dictionary binds to URI" 0 sh -c \
	"\"$YAMORI\" cpe parse --batch --as uri <\"$T/names\" >\"$T/uri\""
check_run "dictionary URIs parse" 0 sh -c \
	"\"$YAMORI\" cpe parse --batch <\"$T/uri\" >\"$T/uri-fs\""
check_eq "dictionary FS->URI->FS" "" "$(diff "$T/names" "$T/uri-fs" | head -5)"

check_run "dictionary binds to WFN" 0 sh -c \
	"\"$YAMORI\" cpe parse --batch --as wfn <\"$T/names\" >\"$T/wfn\""
check_run "dictionary WFNs parse" 0 sh -c \
	"\"$YAMORI\" cpe parse --batch <\"$T/wfn\" >\"$T/wfn-fs\""
check_eq "dictionary FS->WFN text->FS" "" \
	"$(diff "$T/names" "$T/wfn-fs" | head -5)"

# Relations on the dictionary: a name equals itself and its own URI, and
# its vendor:product with everything else ANY is a superset of it.
paste "$T/names" "$T/uri" >"$T/self"
awk -F: 'BEGIN { OFS = ":" } {
	n = $0
	$6 = "*"; $7 = "*"; $8 = "*"; $9 = "*"; $10 = "*"; $11 = "*"
	$12 = "*"; $13 = "*"
	print $0 "\t" n
}' "$T/names" >"$T/vp"
"$YAMORI" cpe match --batch <"$T/self" | sort | uniq -c |
	awk '{ print $2 ": " $1 }' >"$T/self-rel"
check_eq "every name EQUAL to its URI" "EQUAL: $n" "$(cat "$T/self-rel")"
"$YAMORI" cpe match --batch <"$T/vp" | sort | uniq -c |
	awk '{ print $2 ": " $1 }' >"$T/vp-rel"
check_eq "vendor:product is a SUPERSET of every name" "SUPERSET: $n" \
	"$(cat "$T/vp-rel")"

done_testing
