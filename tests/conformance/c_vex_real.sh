# Real VEX documents from ../shared/data change the findings they speak
# about, asserted exactly: the OASIS CSAF 2.0 VEX examples (CISA use
# cases), the CycloneDX VEX examples (CISA and CycloneDX use cases, a
# BOM-link with a purl fragment) and Canonical's OpenVEX for curl.
#
# For each document the test builds a ledger whose components carry the
# identity of the products the document names (a CycloneDX SBOM written
# here) and vulnerability records that make findings of them (minimal
# NVD / OSV records written here: the shared data has no records about
# these example products), scans, then imports the real VEX document and
# compares every finding's status and suppression reason.
if [ ! -d "${YM_SHARED_DATA:-${YM_SRC:-.}/../shared/data}" ]; then
	echo "skipped: ../shared/data not found"
	exit 77
fi
. "$(dirname "$0")/lib.sh"

CSAF="$SHARED/csaf/oasis-csaf-2.0/examples/csaf/csaf_vex"
CDX="$SHARED/sbom/cyclonedx-bom-examples/VEX"
SPEC="$SHARED/sbom/cyclonedx-spec/test-resources"
UBU="$SHARED/csaf/ubuntu-vex/CVE-2023-38545.json"
for f in "$CSAF/2022-evd-uc-01-na-001.json" "$CDX/vex.json" "$UBU"; do
	if [ ! -f "$f" ]; then
		echo "skipped: $f not found in ../shared/data"
		exit 77
	fi
done

# gen_sbom OUT VENDOR NAME@VERSION...: CPE-identified products, with the
# vendor as supplier (cpe:2.3:a:<vendor>:<name>:<version>)
gen_sbom() {
	python3 - "$@" <<'EOF'
import json, sys
out, vendor = sys.argv[1], sys.argv[2]
cv = vendor.lower().replace(" ", "_").replace(",", "").replace(".", "")
comps = []
for spec in sys.argv[3:]:
    name, ver = spec.rsplit("@", 1)
    cn = name.lower().replace(" ", "_")
    comps.append({"type": "application", "name": name, "version": ver,
                  "supplier": {"name": vendor},
                  "cpe": "cpe:2.3:a:%s:%s:%s:*:*:*:*:*:*:*" % (cv, cn, ver)})
json.dump({"bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1,
           "components": comps}, open(out, "w"), indent=1)
EOF
}

# gen_nvd OUT VENDOR PRODUCTS CVE...: one NVD API 2.0 page, every CVE
# affecting every version of each comma-separated product
gen_nvd() {
	python3 - "$@" <<'EOF'
import json, sys
out, vendor, prods = sys.argv[1], sys.argv[2], sys.argv[3].split(",")
cv = vendor.lower().replace(" ", "_").replace(",", "").replace(".", "")
vulns = []
for i, cve in enumerate(sys.argv[4:]):
    m = [{"vulnerable": True,
          "criteria": "cpe:2.3:a:%s:%s:*:*:*:*:*:*:*:*"
                      % (cv, p.lower().replace(" ", "_")),
          "matchCriteriaId": "00000000-0000-0000-0000-%012d" % (i * 100 + k)}
         for k, p in enumerate(prods)]
    vulns.append({"cve": {
        "id": cve, "published": "2021-12-10T10:15:00.000",
        "lastModified": "2021-12-10T10:15:00.000", "vulnStatus": "Analyzed",
        "descriptions": [{"lang": "en", "value": "yamori conformance record"}],
        "configurations": [{"nodes": [{"operator": "OR", "negate": False,
                                       "cpeMatch": m}]}]}})
json.dump({"resultsPerPage": len(vulns), "startIndex": 0,
           "totalResults": len(vulns), "format": "NVD_CVE",
           "version": "2.0", "vulnerabilities": vulns}, open(out, "w"))
EOF
}

# state: every finding, one line: component version vulnerability (as
# findings list shows it: the CVE alias of a GHSA or UBUNTU record)
# status [suppressed by: reason, with the VEX file's base name]
state() {
	y --format json findings list --status all | python3 -c '
import json, os, re, sys
rows = []
for f in json.load(sys.stdin):
    c = f["component"]
    line = "%s %s %s %s" % (c["name"], c["version"], f["vulnerability"]["id"],
                            f["status"])
    s = f.get("suppressed")
    if s:
        why = re.sub(r"\((/[^)]*)\)$",
                     lambda m: "(" + os.path.basename(m.group(1)) + ")",
                     s["reason"])
        line += " [%s: %s]" % (s["by"], why)
    rows.append(line)
for r in sorted(rows):
    print(r)
'
}

# fresh NAME SBOM FEED-KIND FEED: a new database with one asset
fresh() {
	DB="$T/$1.db"
	y init >/dev/null
	y asset add "$1" >/dev/null
	y --quiet feed import "$3" --no-scan "$4" >/dev/null
	y --quiet import sbom "$2" --asset "$1" --no-scan >/dev/null
	check_run "$1: scan" 0 y --quiet scan
}

# vex NAME FILE...: imports real VEX documents, exit 0
vex() {
	_vn=$1
	shift
	check_run "$_vn: vex import" 0 y vex import "$@"
}

# ---- CISA use case 1: one product, one status each (CSAF and CycloneDX)
gen_sbom "$T/uc1.cdx.json" "Example Company" ABC@4.2 DEF@1.0 DEF@1.1 GHI@17.4
gen_nvd "$T/log4shell.json" "Example Company" ABC,DEF,GHI,JKL,XYZ,PROD_ALPHA \
	CVE-2021-44228 CVE-2021-45046 CVE-2021-45105
fresh uc1-csaf "$T/uc1.cdx.json" nvd "$T/log4shell.json"
check_eq "uc1: before" "ABC 4.2 CVE-2021-44228 open
ABC 4.2 CVE-2021-45046 open
ABC 4.2 CVE-2021-45105 open
DEF 1.0 CVE-2021-44228 open
DEF 1.0 CVE-2021-45046 open
DEF 1.0 CVE-2021-45105 open
DEF 1.1 CVE-2021-44228 open
DEF 1.1 CVE-2021-45046 open
DEF 1.1 CVE-2021-45105 open
GHI 17.4 CVE-2021-44228 open
GHI 17.4 CVE-2021-45046 open
GHI 17.4 CVE-2021-45105 open" "$(state)"
vex uc1-csaf "$CSAF/2022-evd-uc-01-a-001.json" "$CSAF/2022-evd-uc-01-f-001.json" \
	"$CSAF/2022-evd-uc-01-na-001.json" "$CSAF/2022-evd-uc-01-ui-001.json"
check_eq "uc1 CSAF: summary" "$CSAF/2022-evd-uc-01-a-001.json: 1 statements kept
$CSAF/2022-evd-uc-01-f-001.json: 1 statements kept
$CSAF/2022-evd-uc-01-na-001.json: 1 statements kept
$CSAF/2022-evd-uc-01-ui-001.json: 1 statements kept
  12 findings, 2 suppressed by VEX" "$OUT"
UC1_AFTER_CSAF="ABC 4.2 CVE-2021-44228 suppressed [vex: VEX not_affected (2022-evd-uc-01-na-001.json)]
ABC 4.2 CVE-2021-45046 open
ABC 4.2 CVE-2021-45105 open
DEF 1.0 CVE-2021-44228 open
DEF 1.0 CVE-2021-45046 open
DEF 1.0 CVE-2021-45105 open
DEF 1.1 CVE-2021-44228 suppressed [vex: VEX fixed (2022-evd-uc-01-f-001.json)]
DEF 1.1 CVE-2021-45046 open
DEF 1.1 CVE-2021-45105 open
GHI 17.4 CVE-2021-44228 open
GHI 17.4 CVE-2021-45046 open
GHI 17.4 CVE-2021-45105 open"
check_eq "uc1 CSAF: not_affected and fixed suppress, affected and under_investigation stay open" \
	"$UC1_AFTER_CSAF" "$(state)"

fresh uc1-cdx "$T/uc1.cdx.json" nvd "$T/log4shell.json"
C1="$CDX/CISA-Use-Cases/Case-1"
vex uc1-cdx "$C1/vex-affected.json" "$C1/vex-fixed.json" \
	"$C1/vex-not_affected.json" "$C1/vex-under_investigation.json"
check_eq "uc1 CycloneDX: same decisions, with the justification" \
	"ABC 4.2 CVE-2021-44228 suppressed [vex: VEX not_affected: vulnerable_code_not_present (vex-not_affected.json)]
ABC 4.2 CVE-2021-45046 open
ABC 4.2 CVE-2021-45105 open
DEF 1.0 CVE-2021-44228 open
DEF 1.0 CVE-2021-45046 open
DEF 1.0 CVE-2021-45105 open
DEF 1.1 CVE-2021-44228 suppressed [vex: VEX fixed (vex-fixed.json)]
DEF 1.1 CVE-2021-45046 open
DEF 1.1 CVE-2021-45105 open
GHI 17.4 CVE-2021-44228 open
GHI 17.4 CVE-2021-45046 open
GHI 17.4 CVE-2021-45105 open" "$(state)"

# ---- CISA use cases 2 and 3: Ripple20, 19 CVEs, one product each
RIPPLE=$(seq 11896 11914 | sed 's/^/CVE-2020-/')
# shellcheck disable=SC2086
gen_nvd "$T/ripple20.json" "Example Company" ABC,GHI $RIPPLE
gen_sbom "$T/uc23.cdx.json" "Example Company" ABC@4.2 GHI@17.4
want_uc23() { # $1: reason ABC, $2..: GHI lines (CVE suffix status)
	_abc=$1
	for n in $(seq 11896 11914); do
		echo "ABC 4.2 CVE-2020-$n $_abc"
	done
	shift
	for l in "$@"; do echo "GHI 17.4 CVE-2020-$l"; done
}
for fmt in csaf cdx; do
	fresh "uc23-$fmt" "$T/uc23.cdx.json" nvd "$T/ripple20.json"
	if [ "$fmt" = csaf ]; then
		vex uc23-csaf "$CSAF/2022-evd-uc-02-na-001.json" \
			"$CSAF/2022-evd-uc-03-ms-001.json"
		na="VEX not_affected (2022-evd-uc-02-na-001.json)"
		gna="VEX not_affected (2022-evd-uc-03-ms-001.json)"
		gfx="VEX fixed (2022-evd-uc-03-ms-001.json)"
	else
		vex uc23-cdx "$CDX/CISA-Use-Cases/Case-2/vex.json" \
			"$CDX/CISA-Use-Cases/Case-3/vex.json"
		na="VEX not_affected: vulnerable_code_not_in_execute_path (vex.json)"
		gna="VEX not_affected: vulnerable_code_not_present (vex.json)"
		gfx="VEX fixed (vex.json)"
	fi
	check_eq "uc2/uc3 $fmt: 19 not affected in ABC; in GHI 6 not affected and 3 fixed suppressed, 5 affected and 5 under investigation open" \
		"$(want_uc23 "suppressed [vex: $na]" \
			"11896 open" "11897 suppressed [vex: $gna]" \
			"11898 open" "11899 suppressed [vex: $gna]" \
			"11900 open" "11901 suppressed [vex: $gfx]" \
			"11902 suppressed [vex: $gna]" "11903 open" \
			"11904 open" "11905 suppressed [vex: $gna]" \
			"11906 suppressed [vex: $gna]" "11907 open" \
			"11908 open" "11909 open" "11910 open" "11911 open" \
			"11912 suppressed [vex: $gfx]" \
			"11913 suppressed [vex: $gna]" \
			"11914 suppressed [vex: $gfx]")" "$(state)"
done

# ---- CISA use cases 6-8: versions and version ranges of two products
gen_sbom "$T/uc8.cdx.json" "Example Company" ABC@2.0 ABC@2.4 ABC@2.5 \
	ABC@2.6 ABC@2.7.5 ABC@3.0 ABC@4.2 ABC@4.5 JKL@3.0 JKL@5.0 JKL@5.1 \
	JKL@5.2
fresh uc8-csaf "$T/uc8.cdx.json" nvd "$T/log4shell.json"
vex uc8-csaf "$CSAF/2022-evd-uc-08-001.json"
check_eq "uc8 CSAF: summary (recommended is not a status)" \
	"$CSAF/2022-evd-uc-08-001.json: 21 statements kept
  36 findings, 13 suppressed by VEX" "$OUT"
U8="2022-evd-uc-08-001.json"
check_eq "uc8 CSAF: exact versions and vers ranges from the product tree" \
	"ABC 2.0 CVE-2021-44228 suppressed [vex: VEX not_affected ($U8)]
ABC 2.0 CVE-2021-45046 open
ABC 2.0 CVE-2021-45105 suppressed [vex: VEX not_affected ($U8)]
ABC 2.4 CVE-2021-44228 open
ABC 2.4 CVE-2021-45046 open
ABC 2.4 CVE-2021-45105 open
ABC 2.5 CVE-2021-44228 suppressed [vex: VEX not_affected ($U8)]
ABC 2.5 CVE-2021-45046 open
ABC 2.5 CVE-2021-45105 suppressed [vex: VEX not_affected ($U8)]
ABC 2.6 CVE-2021-44228 open
ABC 2.6 CVE-2021-45046 open
ABC 2.6 CVE-2021-45105 open
ABC 2.7.5 CVE-2021-44228 suppressed [vex: VEX not_affected ($U8)]
ABC 2.7.5 CVE-2021-45046 open
ABC 2.7.5 CVE-2021-45105 suppressed [vex: VEX not_affected ($U8)]
ABC 3.0 CVE-2021-44228 open
ABC 3.0 CVE-2021-45046 open
ABC 3.0 CVE-2021-45105 open
ABC 4.2 CVE-2021-44228 suppressed [vex: VEX not_affected ($U8)]
ABC 4.2 CVE-2021-45046 open
ABC 4.2 CVE-2021-45105 suppressed [vex: VEX not_affected ($U8)]
ABC 4.5 CVE-2021-44228 open
ABC 4.5 CVE-2021-45046 open
ABC 4.5 CVE-2021-45105 open
JKL 3.0 CVE-2021-44228 suppressed [vex: VEX not_affected ($U8)]
JKL 3.0 CVE-2021-45046 open
JKL 3.0 CVE-2021-45105 suppressed [vex: VEX not_affected ($U8)]
JKL 5.0 CVE-2021-44228 open
JKL 5.0 CVE-2021-45046 open
JKL 5.0 CVE-2021-45105 open
JKL 5.1 CVE-2021-44228 suppressed [vex: VEX fixed ($U8)]
JKL 5.1 CVE-2021-45046 open
JKL 5.1 CVE-2021-45105 open
JKL 5.2 CVE-2021-44228 suppressed [vex: VEX fixed ($U8)]
JKL 5.2 CVE-2021-45046 open
JKL 5.2 CVE-2021-45105 suppressed [vex: VEX fixed ($U8)]" "$(state)"

fresh uc6-cdx "$T/uc8.cdx.json" nvd "$T/log4shell.json"
vex uc6-cdx "$CDX/CISA-Use-Cases/Case-6/vex.json"
NA6="vex: VEX not_affected: vulnerable_code_not_present (vex.json)"
check_eq "uc6 CycloneDX: affects[].versions (the product has no version of its own)" \
	"ABC 2.0 CVE-2021-44228 suppressed [$NA6]
ABC 2.0 CVE-2021-45046 open
ABC 2.0 CVE-2021-45105 open
ABC 2.4 CVE-2021-44228 open
ABC 2.4 CVE-2021-45046 open
ABC 2.4 CVE-2021-45105 open
ABC 2.5 CVE-2021-44228 suppressed [$NA6]
ABC 2.5 CVE-2021-45046 open
ABC 2.5 CVE-2021-45105 open
ABC 2.6 CVE-2021-44228 open
ABC 2.6 CVE-2021-45046 open
ABC 2.6 CVE-2021-45105 open
ABC 2.7.5 CVE-2021-44228 suppressed [$NA6]
ABC 2.7.5 CVE-2021-45046 open
ABC 2.7.5 CVE-2021-45105 open
ABC 3.0 CVE-2021-44228 open
ABC 3.0 CVE-2021-45046 open
ABC 3.0 CVE-2021-45105 open
ABC 4.2 CVE-2021-44228 suppressed [$NA6]
ABC 4.2 CVE-2021-45046 open
ABC 4.2 CVE-2021-45105 open
ABC 4.5 CVE-2021-44228 open
ABC 4.5 CVE-2021-45046 open
ABC 4.5 CVE-2021-45105 open
JKL 3.0 CVE-2021-44228 open
JKL 3.0 CVE-2021-45046 open
JKL 3.0 CVE-2021-45105 open
JKL 5.0 CVE-2021-44228 open
JKL 5.0 CVE-2021-45046 open
JKL 5.0 CVE-2021-45105 open
JKL 5.1 CVE-2021-44228 open
JKL 5.1 CVE-2021-45046 open
JKL 5.1 CVE-2021-45105 open
JKL 5.2 CVE-2021-44228 open
JKL 5.2 CVE-2021-45046 open
JKL 5.2 CVE-2021-45105 open" "$(state)"

# ---- use cases 5 and 9 and Secvisogram's own VEX: every version under
# investigation (vers:all), a product family without a version (never
# matched: nothing says which versions), a vls range "<=1.14.0"
gen_sbom "$T/misc.cdx.json" "Example Company" XYZ@1.0 PROD_ALPHA@2.0
gen_sbom "$T/secvisogram.cdx.json" "Secvisogram" Secvisogram@1.14.0 \
	Secvisogram@1.15.0
gen_nvd "$T/secvisogram-nvd.json" "Secvisogram" Secvisogram \
	CVE-2021-44228 CVE-2021-45046 CVE-2021-45105
fresh misc "$T/misc.cdx.json" nvd "$T/log4shell.json"
vex misc "$CSAF/2022-evd-uc-05-001.json" "$CSAF/2022-evd-uc-09-001.json"
check_eq "uc5/uc9: under investigation and a family without version leave every finding open" \
	"PROD_ALPHA 2.0 CVE-2021-44228 open
PROD_ALPHA 2.0 CVE-2021-45046 open
PROD_ALPHA 2.0 CVE-2021-45105 open
XYZ 1.0 CVE-2021-44228 open
XYZ 1.0 CVE-2021-45046 open
XYZ 1.0 CVE-2021-45105 open" "$(state)"
fresh secvisogram "$T/secvisogram.cdx.json" nvd "$T/secvisogram-nvd.json"
vex secvisogram "$CSAF/sec-vex-2022-0001.json"
SV="vex: VEX not_affected: component_not_present (sec-vex-2022-0001.json)"
check_eq "Secvisogram <=1.14.0: component_not_present for three CVEs" \
	"Secvisogram 1.14.0 CVE-2021-44228 suppressed [$SV]
Secvisogram 1.14.0 CVE-2021-45046 suppressed [$SV]
Secvisogram 1.14.0 CVE-2021-45105 suppressed [$SV]
Secvisogram 1.15.0 CVE-2021-44228 open
Secvisogram 1.15.0 CVE-2021-45046 open
Secvisogram 1.15.0 CVE-2021-45105 open" "$(state)"

# ---- CycloneDX use cases: Acme Product and jackson-databind's
# CVE-2020-25649 (versions, semver ranges, several CVEs)
gen_sbom "$T/acme.cdx.json" "Acme" "Acme Product@1.4.0" \
	"Acme Product@2.2.0" "Acme Product@2.4.0" "Acme Product@3.5.0" \
	"Acme Product@5.9.0" "Acme Product@7.1.0"
gen_nvd "$T/acme-nvd.json" "Acme" "Acme Product" CVE-2020-25649 \
	CVE-2020-35491 CVE-2020-14195
# acme_case DIR WANT: the findings of CVE-2020-25649 per version, then
# the other two CVEs
acme_case() {
	fresh "acme-$1" "$T/acme.cdx.json" nvd "$T/acme-nvd.json"
	vex "acme-$1" "$CDX/Use-Cases/$1/vex.json"
	check_eq "CycloneDX use case $1" "$2" "$(state | grep CVE-2020-25649)"
}
AN="suppressed [vex: VEX not_affected: vulnerable_code_not_in_execute_path (vex.json)]"
acme_case Case-1 "Acme Product 1.4.0 CVE-2020-25649 open
Acme Product 2.2.0 CVE-2020-25649 open
Acme Product 2.4.0 CVE-2020-25649 $AN
Acme Product 3.5.0 CVE-2020-25649 open
Acme Product 5.9.0 CVE-2020-25649 open
Acme Product 7.1.0 CVE-2020-25649 open"
acme_case Case-2 "Acme Product 1.4.0 CVE-2020-25649 open
Acme Product 2.2.0 CVE-2020-25649 open
Acme Product 2.4.0 CVE-2020-25649 open
Acme Product 3.5.0 CVE-2020-25649 open
Acme Product 5.9.0 CVE-2020-25649 open
Acme Product 7.1.0 CVE-2020-25649 open"
acme_case Case-4 "Acme Product 1.4.0 CVE-2020-25649 open
Acme Product 2.2.0 CVE-2020-25649 $AN
Acme Product 2.4.0 CVE-2020-25649 $AN
Acme Product 3.5.0 CVE-2020-25649 open
Acme Product 5.9.0 CVE-2020-25649 open
Acme Product 7.1.0 CVE-2020-25649 open"
acme_case Case-5 "Acme Product 1.4.0 CVE-2020-25649 $AN
Acme Product 2.2.0 CVE-2020-25649 open
Acme Product 2.4.0 CVE-2020-25649 open
Acme Product 3.5.0 CVE-2020-25649 open
Acme Product 5.9.0 CVE-2020-25649 open
Acme Product 7.1.0 CVE-2020-25649 $AN"
acme_case Case-8 "Acme Product 1.4.0 CVE-2020-25649 open
Acme Product 2.2.0 CVE-2020-25649 $AN
Acme Product 2.4.0 CVE-2020-25649 $AN
Acme Product 3.5.0 CVE-2020-25649 open
Acme Product 5.9.0 CVE-2020-25649 $AN
Acme Product 7.1.0 CVE-2020-25649 open"
acme_case Case-10 "Acme Product 1.4.0 CVE-2020-25649 open
Acme Product 2.2.0 CVE-2020-25649 $AN
Acme Product 2.4.0 CVE-2020-25649 $AN
Acme Product 3.5.0 CVE-2020-25649 open
Acme Product 5.9.0 CVE-2020-25649 open
Acme Product 7.1.0 CVE-2020-25649 open"
acme_case Case-12 "Acme Product 1.4.0 CVE-2020-25649 open
Acme Product 2.2.0 CVE-2020-25649 $AN
Acme Product 2.4.0 CVE-2020-25649 open
Acme Product 3.5.0 CVE-2020-25649 open
Acme Product 5.9.0 CVE-2020-25649 open
Acme Product 7.1.0 CVE-2020-25649 open"
check_eq "use case 12: exploitable stays open, a mitigating control suppresses" \
	"Acme Product 2.2.0 CVE-2020-14195 suppressed [vex: VEX not_affected: inline_mitigations_already_exist (vex.json)]
Acme Product 2.2.0 CVE-2020-35491 open" \
	"$(state | grep 'Acme Product 2.2.0' | grep -v CVE-2020-25649)"
# BOM-links into other BOMs (use cases 6 and 13, CISA case 7): the
# products are known only by the link, so nothing is suppressed
acme_case Case-6 "Acme Product 1.4.0 CVE-2020-25649 open
Acme Product 2.2.0 CVE-2020-25649 open
Acme Product 2.4.0 CVE-2020-25649 open
Acme Product 3.5.0 CVE-2020-25649 open
Acme Product 5.9.0 CVE-2020-25649 open
Acme Product 7.1.0 CVE-2020-25649 open"

# ---- a BOM-link whose fragment is a purl, and a GHSA finding named by
# its CVE alias (CycloneDX VEX/vex.json, CVE-2020-25649)
cat >"$T/ghsa.json" <<'EOF'
{"schema_version": "1.4.0", "id": "GHSA-288c-cq4h-88gq",
 "aliases": ["CVE-2020-25649"], "modified": "2021-01-01T00:00:00Z",
 "published": "2020-12-03T00:00:00Z", "summary": "yamori conformance record",
 "affected": [{"package": {"ecosystem": "Maven",
   "name": "com.fasterxml.jackson.core:jackson-databind"},
   "ranges": [{"type": "ECOSYSTEM", "events": [
     {"introduced": "2.10.0"}, {"fixed": "2.10.5.1"},
     {"introduced": "2.9.0"}, {"fixed": "2.9.10.7"}]}]}]}
EOF
cat >"$T/app.cdx.json" <<'EOF'
{"bomFormat": "CycloneDX", "specVersion": "1.4", "version": 1,
 "serialNumber": "urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79",
 "components": [
  {"type": "library", "name": "jackson-databind", "version": "2.10.0",
   "purl": "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.10.0?type=jar"},
  {"type": "library", "name": "jackson-databind", "version": "2.9.4",
   "purl": "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.9.4?type=jar"}]}
EOF
fresh jackson "$T/app.cdx.json" osv "$T/ghsa.json"
vex jackson "$CDX/vex.json"
check_eq "BOM-link purl fragment, matched through the finding's CVE alias" \
	"jackson-databind 2.10.0 CVE-2020-25649 suppressed [vex: VEX not_affected: vulnerable_code_not_in_execute_path (vex.json)]
jackson-databind 2.9.4 CVE-2020-25649 open" "$(state)"
# the specification's vulnerability examples say not_affected about
# versions they mark affected: nothing of them is kept
for v in 1.4 1.5 1.6; do
	f="$SPEC/$v/valid-vulnerability-$v.json"
	[ -f "$f" ] || continue
	check_run "spec $v: contradicting versions" 0 y vex import "$f"
	check_eq "spec $v: no statement kept" "$f: 0 statements kept
  2 findings, 1 suppressed by VEX" "$OUT"
done

# ---- Canonical's OpenVEX for curl (CVE-2023-38545): fixed in jammy,
# affected in xenial, not affected in ESM trusty; products with arch and
# distro qualifiers, distro as a codename where syft writes ubuntu-22.04
# (the record names its CVE in upstream[] only, as Ubuntu's OSV does)
cat >"$T/ubuntu-osv.json" <<'EOF'
{"schema_version": "1.6.0", "id": "UBUNTU-CVE-2023-38545",
 "upstream": ["CVE-2023-38545"], "modified": "2023-10-11T06:00:00Z",
 "published": "2023-10-11T06:00:00Z", "summary": "yamori conformance record",
 "affected": [
  {"package": {"ecosystem": "Ubuntu:22.04:LTS", "name": "curl"},
   "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}]}]},
  {"package": {"ecosystem": "Ubuntu:16.04:LTS", "name": "curl"},
   "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}]}]},
  {"package": {"ecosystem": "Ubuntu:14.04:LTS", "name": "curl"},
   "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}]}]}]}
EOF
gen_deb() { # OUT PURL...
	python3 - "$@" <<'EOF'
import json, sys, urllib.parse
comps = []
for p in sys.argv[2:]:
    v = urllib.parse.unquote(p.split("@", 1)[1].split("?", 1)[0])
    comps.append({"type": "library", "name": "curl", "version": v, "purl": p})
json.dump({"bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1,
           "components": comps}, open(sys.argv[1], "w"))
EOF
}
DB="$T/ubuntu.db"
y init >/dev/null
y --quiet feed import osv --no-scan "$T/ubuntu-osv.json" >/dev/null
for h in \
	"jammy-syft pkg:deb/ubuntu/curl@7.81.0-1ubuntu1.24?arch=amd64&distro=ubuntu-22.04" \
	"jammy-old pkg:deb/ubuntu/curl@7.81.0-1ubuntu1.13?arch=amd64&distro=ubuntu-22.04" \
	"jammy-arm pkg:deb/ubuntu/curl@7.81.0-1ubuntu1.24?arch=arm64&distro=jammy" \
	"xenial pkg:deb/ubuntu/curl@7.47.0-1ubuntu2.19?arch=amd64&distro=ubuntu-16.04" \
	"trusty-esm pkg:deb/ubuntu/curl@7.35.0-1ubuntu2.20%2Besm19?arch=amd64&distro=ubuntu-14.04"; do
	set -- $h
	y asset add "$1" >/dev/null
	gen_deb "$T/$1.cdx.json" "$2"
	y --quiet import sbom "$T/$1.cdx.json" --asset "$1" --no-scan >/dev/null
done
check_run "ubuntu: scan" 0 y --quiet scan
vex ubuntu "$UBU"
check_eq "ubuntu: summary" "$UBU: 618 statements kept
  5 findings, 3 suppressed by VEX" "$OUT"
check_eq "ubuntu: the fixed and not-affected package versions are suppressed, the others stay open" \
	"curl 7.35.0-1ubuntu2.20+esm19 CVE-2023-38545 suppressed [vex: VEX not_affected: vulnerable_code_not_present (CVE-2023-38545.json)]
curl 7.47.0-1ubuntu2.19 CVE-2023-38545 open
curl 7.81.0-1ubuntu1.13 CVE-2023-38545 open
curl 7.81.0-1ubuntu1.24 CVE-2023-38545 suppressed [vex: VEX fixed (CVE-2023-38545.json)]
curl 7.81.0-1ubuntu1.24 CVE-2023-38545 suppressed [vex: VEX fixed (CVE-2023-38545.json)]" \
	"$(state)"

# ---- a statement about a product covers the components inside it:
# CycloneDX use case 1 says Acme Product 2.4.0 is not affected by
# CVE-2020-25649, and jackson-databind is inside it (the SBOM's metadata
# component); the same jackson-databind inside Acme Product 2.2.0 stays
# open
gen_acme() { # OUT PRODUCT-VERSION [SERIAL [BASE-BOM]]
	python3 - "$@" <<'EOF'
import json, sys
out, ver = sys.argv[1], sys.argv[2]
b = {"bomFormat": "CycloneDX", "specVersion": "1.4", "version": 1,
     "metadata": {"component": {"type": "application",
                                "name": "Acme Product", "version": ver,
                                "supplier": {"name": "Acme"}}}}
if len(sys.argv) > 4:  # a real BOM's serial and metadata component
    b = json.load(open(sys.argv[4]))
if len(sys.argv) > 3 and sys.argv[3]:
    b["serialNumber"] = sys.argv[3]
b["components"] = [{"type": "library", "name": "jackson-databind",
    "version": "2.10.0",
    "purl": "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.10.0?type=jar"}]
json.dump(b, open(out, "w"))
EOF
}
DB="$T/acme-nested.db"
y init >/dev/null
y --quiet feed import osv --no-scan "$T/ghsa.json" >/dev/null
for v in 2.4.0 2.2.0; do
	gen_acme "$T/acme-$v.cdx.json" "$v"
	y asset add "acme-$v" >/dev/null
	y --quiet import sbom "$T/acme-$v.cdx.json" --asset "acme-$v" --no-scan >/dev/null
done
check_run "acme nested: scan" 0 y --quiet scan
vex acme-nested "$CDX/Use-Cases/Case-1/vex.json"
check_eq "use case 1: the product's statement suppresses the finding inside Acme Product 2.4.0 only" \
	"jackson-databind 2.10.0 CVE-2020-25649 open
jackson-databind 2.10.0 CVE-2020-25649 suppressed [vex: VEX not_affected: vulnerable_code_not_in_execute_path, in Acme Product 2.4.0 (vex.json)]" \
	"$(state)"

# ---- BOM-links into other BOMs (use case 13): the SBOMs of Acme
# Product 1 and 3 (the use case's own bom-1.json and bom-3.json, with
# jackson-databind added) are named by their serial number and the
# metadata component's bom-ref; product 1 is not affected, product 3 is
# (exploitable stays open); the same SBOM under another serial is not
# what the link names
C13="$CDX/Use-Cases/Case-13"
DB="$T/bomlink.db"
y init >/dev/null
y --quiet feed import osv --no-scan "$T/ghsa.json" >/dev/null
gen_acme "$T/p1.cdx.json" "" "" "$C13/bom-1.json"
gen_acme "$T/p3.cdx.json" "" "" "$C13/bom-3.json"
gen_acme "$T/p1-other.cdx.json" "" \
	"urn:uuid:00000000-0000-4000-8000-000000000000" "$C13/bom-1.json"
for p in p1 p3 p1-other; do
	y asset add "$p" >/dev/null
	y --quiet import sbom "$T/$p.cdx.json" --asset "$p" --no-scan >/dev/null
done
check_run "bomlink: scan" 0 y --quiet scan
vex bomlink "$C13/vex.json"
check_eq "use case 13: summary (BOM-links kept)" "$C13/vex.json: 3 statements kept
  3 findings, 1 suppressed by VEX" "$OUT"
check_eq "use case 13: the finding inside the linked product 1 is suppressed" \
	"p1|suppressed|VEX not_affected: vulnerable_code_not_in_execute_path, in Acme Product 1 ($C13/vex.json)
p1-other|open|
p3|open|" \
	"$(sqlite3 "$DB" "SELECT a.name || '|' || f.status || '|' || coalesce(f.suppress_reason, '') FROM findings f JOIN assets a ON a.id = f.asset_id ORDER BY a.name, f.status")"

# ---- the vendor: CISA use case 1 says Example Company's ABC 4.2 is
# not affected; another vendor's ABC 4.2 is not what it speaks about
gen_sbom "$T/other-abc.cdx.json" "Other Company" ABC@4.2
gen_nvd "$T/other-nvd.json" "Other Company" ABC CVE-2021-44228
fresh other-vendor "$T/other-abc.cdx.json" nvd "$T/other-nvd.json"
vex other-vendor "$CSAF/2022-evd-uc-01-na-001.json"
check_eq "uc1 CSAF: another vendor's ABC 4.2 stays open" \
	"ABC 4.2 CVE-2021-44228 open" "$(state)"
# the CycloneDX form names no supplier: name and version decide
vex other-vendor "$C1/vex-not_affected.json"
check_eq "uc1 CycloneDX: no vendor named, so any ABC 4.2" \
	"ABC 4.2 CVE-2021-44228 suppressed [vex: VEX not_affected: vulnerable_code_not_present (vex-not_affected.json)]" \
	"$(state)"

# ---- an OSV record that names its CVE in upstream[] only: Red Hat's
# RHSA-2024:4546 (git-lfs, CVE-2023-45288) is the CVE's finding, and a
# statement about the CVE applies to it
RH="$SHARED/csaf/redhat-csaf-to-osv/RHSA-2024_4546.osv.json"
if [ -f "$RH" ]; then
	DB="$T/rhel.db"
	y init >/dev/null
	y --quiet feed import osv --no-scan "$RH" >/dev/null
	cat >"$T/rhel.cdx.json" <<'EOF'
{"bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1,
 "components": [
  {"type": "library", "name": "git-lfs", "version": "2.13.3-2.el8",
   "purl": "pkg:rpm/redhat/git-lfs@2.13.3-2.el8?arch=x86_64&distro=rhel-8.6"},
  {"type": "library", "name": "git-lfs", "version": "2.13.3-3.el8_6.1",
   "purl": "pkg:rpm/redhat/git-lfs@2.13.3-3.el8_6.1?arch=x86_64&distro=rhel-8.6"}]}
EOF
	y asset add rhel >/dev/null
	y --quiet import sbom "$T/rhel.cdx.json" --asset rhel --no-scan >/dev/null
	check_run "rhel: scan" 0 y --quiet scan
	check_eq "RHSA with upstream only: the CVE's finding, the advisory its alias" \
		"CVE-2023-45288 RHSA-2024:4546 git-lfs 2.13.3-2.el8" \
		"$(y --format json findings list | python3 -c '
import json, sys
for f in json.load(sys.stdin):
    al = f["vulnerability"].get("aliases") or []
    print(f["vulnerability"]["id"], ",".join(al), f["component"]["name"],
          f["component"]["version"])')"
	cat >"$T/rhel.openvex.json" <<'EOF'
{"@context": "https://openvex.dev/ns/v0.2.0", "@id": "https://example.jp/vex/rhel-1",
 "author": "yamori conformance", "timestamp": "2026-11-01T00:00:00Z", "version": 1,
 "statements": [{"vulnerability": {"name": "CVE-2023-45288"},
   "products": [{"@id": "pkg:rpm/redhat/git-lfs?arch=x86_64"}],
   "status": "not_affected", "justification": "vulnerable_code_not_in_execute_path"}]}
EOF
	vex rhel "$T/rhel.openvex.json"
	check_eq "RHSA with upstream only: suppressed by a statement naming the CVE" \
		"git-lfs 2.13.3-2.el8 CVE-2023-45288 suppressed [vex: VEX not_affected: vulnerable_code_not_in_execute_path (rhel.openvex.json)]" \
		"$(state)"
fi

done_testing
