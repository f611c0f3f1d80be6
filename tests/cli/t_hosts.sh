# Hosts into the ledger: an nmap scan creates host assets with their
# open ports and network-facing software; scanning again changes nothing;
# an inventory collected from a (fixture) root fills the same host's
# packages; reconcile lists unmanaged and stale hosts.
. "$(dirname "$0")/lib.sh"
export USER=tester

y init >/dev/null
y dept add joho 情報システム部 >/dev/null
N="$FIX/nmap/scan-sv-os.xml"
check_run "import nmap" 0 y import nmap "$N" --dept joho --no-scan
check_eq "nmap summary" "$N: 3 hosts (3 new, 0 changed)
  software: 8 added, 0 removed, 0 upgraded, 0 downgraded, 0 changed, 0 unchanged" "$OUT"
check_run "import nmap again" 0 y import nmap "$N" --no-scan
check_eq "nmap again" "$N: 3 hosts (0 new, 0 changed)
  software: 0 added, 0 removed, 0 upgraded, 0 downgraded, 0 changed, 8 unchanged" "$OUT"
check_run "hosts" 0 y --format csv asset list
check_eq "host assets" "id,kind,name,department,department_name,owner,exposure,criticality,components
1,host,人事-db.社内.example,joho,情報システム部,,unknown,unknown,6
2,host,2001:db8::10,joho,情報システム部,,unknown,unknown,2
3,host,192.0.2.5,joho,情報システム部,,unknown,unknown,0" "$(printf '%s\n' "$OUT" | tr -d '\r')"
check_eq "open ports and addresses kept" "22/tcp,53/tcp,53/udp,443/tcp|192.0.2.1, 00:1B:21:3A:4F:5C" \
	"$(sqlite3 "$DB" "SELECT open_ports || '|' || addresses FROM assets WHERE id = 1")"
check_run "asset --asset refused for nmap" 2 y import nmap "$N" --asset x

# an inventory of the same host (found by its hostname)
check_run "collect" 0 y collect --root "$FIX/inventory/debian12" --output "$T/inv.json"
# kernel and architecture come from this machine (uname), not the root;
# the time from YAMORI_NOW
check_eq "inventory document" "$(grep -v '"kernel"\|"arch"\|"collected_at"' "$FIX/inventory/debian12.expected.json")" \
	"$(grep -v '"kernel"\|"arch"\|"collected_at"' "$T/inv.json")"
check_contains "collected at YAMORI_NOW" '"collected_at": "2026-11-21T09:00:00Z"' "$(cat "$T/inv.json")"
check_run "import inventory" 0 y import inventory "$T/inv.json" --no-scan
check_contains "inventory added packages" "software: 4 added, 0 removed" "$OUT"
check_eq "both sources on one host" "inventory 4|nmap 6" \
	"$(sqlite3 "$DB" "SELECT group_concat(source || ' ' || n, '|') FROM (SELECT source, count(*) n FROM components WHERE asset_id = 1 GROUP BY source ORDER BY source)")"
check_run "nmap again keeps the inventory" 0 y import nmap "$N" --no-scan
check_eq "inventory still there" "4" \
	"$(sqlite3 "$DB" "SELECT count(*) FROM components WHERE asset_id = 1 AND source = 'inventory'")"

# reconcile: a scan with one unknown host; the other hosts not seen since
check_run "add a stale host" 0 y asset add old-fileserver --kind host --owner 佐藤 --dept joho
check_run "reconcile" 0 y --format csv ledger reconcile "$N" --stale-days 30
check_eq "reconcile rows" "status,name,addresses,open_ports,last_seen,owner,department
stale,old-fileserver,,,,佐藤,joho" "$(printf '%s\n' "$OUT" | tr -d '\r')"

# malformed scan: precise error, nothing changed
before=$(db_state)
check_run "bad nmap" 1 y import nmap "$FIX/nmap/bad/truncated.xml"
check_eq "bad nmap changed nothing" "$before" "$(db_state)"

done_testing
