# A distribution's CSAF advisory as a matching source: the fixed build it
# names makes earlier builds of that package affected (backports are the
# distribution's own), a known_affected versioned purl names one version.
. "$(dirname "$0")/lib.sh"

y init >/dev/null
y asset add rhel-old >/dev/null 2>&1
y asset add rhel-new >/dev/null 2>&1
y asset add app >/dev/null 2>&1
sbom() { # FILE PURL...
	f=$1
	shift
	{
		printf '{"bomFormat":"CycloneDX","specVersion":"1.5","components":['
		sep=
		for p in "$@"; do
			n=${p#pkg:*/*/}
			n=${n%%@*}
			case $p in pkg:npm/*) n=${p#pkg:npm/}; n=${n%%@*} ;; esac
			v=${p#*@}
			v=${v%%\?*}
			printf '%s{"name":"%s","version":"%s","purl":"%s"}' "$sep" "$n" "$v" "$p"
			sep=,
		done
		printf ']}'
	} >"$f"
}
sbom "$T/old.json" 'pkg:rpm/redhat/curl@7.76.1-26.el9?arch=x86_64'
sbom "$T/new.json" 'pkg:rpm/redhat/curl@7.76.1-29.el9?arch=x86_64'
sbom "$T/app.json" 'pkg:npm/pdfjs-dist@4.1.392' 'pkg:npm/left-pad@1.3.0'
YAMORI_NOW=2026-11-01T00:00:00Z y --quiet import sbom "$T/old.json" --asset rhel-old >/dev/null
YAMORI_NOW=2026-11-01T00:00:00Z y --quiet import sbom "$T/new.json" --asset rhel-new >/dev/null
YAMORI_NOW=2026-11-01T00:00:00Z y --quiet import sbom "$T/app.json" --asset app >/dev/null

cat >"$T/rhsa.json" <<'J'
{"document":{"category":"csaf_security_advisory","csaf_version":"2.0",
 "title":"curl security update","publisher":{"category":"vendor","name":"Red Hat",
 "namespace":"https://www.redhat.com"},
 "tracking":{"id":"RHSA-2099:0001","status":"final","version":"1",
  "initial_release_date":"2099-01-01T00:00:00Z","current_release_date":"2099-01-01T00:00:00Z",
  "revision_history":[{"date":"2099-01-01T00:00:00Z","number":"1","summary":"initial"}]}},
 "product_tree":{"full_product_names":[
  {"name":"curl-7.76.1-29.el9.x86_64","product_id":"curl-fixed",
   "product_identification_helper":{"purl":"pkg:rpm/redhat/curl@7.76.1-29.el9?arch=x86_64"}},
  {"name":"pdfjs-dist 4.1.392","product_id":"pdfjs",
   "product_identification_helper":{"purl":"pkg:npm/pdfjs-dist@4.1.392"}}]},
 "vulnerabilities":[
  {"cve":"CVE-2099-8001","product_status":{"fixed":["curl-fixed"]},
   "notes":[{"category":"description","text":"test record"}]},
  {"cve":"CVE-2099-8002","product_status":{"known_affected":["pdfjs"]},
   "notes":[{"category":"description","text":"test record"}]}]}
J
YAMORI_NOW=2026-11-02T00:00:00Z check_run "csaf import" 0 y feed import csaf "$T/rhsa.json"
check_eq "matched at once" "csaf: 1 files, 2 new, 0 updated, 0 unchanged
  2 findings (2 new, 0 resolved)" "$OUT"
check_eq "the older build and the named version only" \
	"CVE-2099-8001 rhel-old curl 7.76.1-26.el9 high csaf ECOSYSTEM 7.76.1-29.el9
CVE-2099-8002 app pdfjs-dist 4.1.392 high csaf VERSIONS " \
	"$(sqlite3 "$DB" "SELECT v.vuln_id || ' ' || a.name || ' ' ||
		f.component_name || ' ' || f.component_version || ' ' ||
		f.confidence || ' ' || json_extract(f.evidence, '$.source') ||
		' ' || json_extract(f.evidence, '$.range_type') || ' ' ||
		coalesce(json_extract(f.evidence, '$.fixed'), '')
		FROM findings f JOIN vulnerabilities v ON v.id = f.vuln_rowid
		JOIN assets a ON a.id = f.asset_id ORDER BY 1")"
done_testing
