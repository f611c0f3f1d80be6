# The real nmap XML in ../shared/data imports with the right numbers:
# hosts up, software found, open ports (the table agrees with the parser's
# own dump, docs/inventory.md); the two hostile XML files are refused.
. "$(dirname "$0")/lib.sh"

while read -r file hosts software ports; do
	f="$SHARED/$file"
	rm -f "$DB" "$DB-wal" "$DB-shm"
	y --quiet init >/dev/null 2>&1
	if [ "$hosts" = refused ]; then
		check_run "$file refused" 1 y import nmap --no-scan "$f"
		continue
	fi
	check_run "$file" 0 y --format json import nmap --no-scan "$f"
	check_eq "$file counts" "$hosts $software" "$(printf '%s\n' "$OUT" |
		python3 -c 'import json,sys; d=json.load(sys.stdin)[0]; print(d["hosts"], d["software"]["added"])')"
	check_eq "$file open ports" "$ports" "$(sqlite3 "$DB" "SELECT coalesce(sum(length(open_ports) - length(replace(open_ports, ',', '')) + (open_ports <> '')), 0) FROM assets")"
done <<'TABLE'
nmap/python-libnmap/1_host_ping.xml 1 0 0
nmap/python-libnmap/1_hosts.xml 1 5 5
nmap/python-libnmap/1_hosts_down.xml 1 0 0
nmap/python-libnmap/1_hosts_nohostname.xml 1 0 0
nmap/python-libnmap/1_os_banner_scripts.xml 1 8 8
nmap/python-libnmap/2_hosts.xml 2 8 8
nmap/python-libnmap/2_hosts_version.xml 2 8 8
nmap/python-libnmap/2_null_hosts.xml 2 0 0
nmap/python-libnmap/defused_et_included.xml refused - -
nmap/python-libnmap/defused_et_local_includer.xml refused - -
nmap/python-libnmap/extra_ports.xml 1 18 16
nmap/python-libnmap/full_sudo6.xml 4 17 12
nmap/python-libnmap/fullscan.xml 2 9 9
nmap/python-libnmap/os_scan5.xml 4 10 11
nmap/python-libnmap/test_osclass.xml 1 8 7
nmap/ullaakut-nmap/scan_base.xml 1 1 1
nmap/ullaakut-nmap/scan_error_other.xml 0 0 0
nmap/ullaakut-nmap/scan_error_resolving_name.xml 0 0 0
nmap/ullaakut-nmap/scan_invalid_services.xml 4 4 5
nmap-real/loopback-services-sV-sC.xml 1 8 7
nmap-real/loopback-services-sV.xml 1 8 7
TABLE

# the real -sV scan: the network-facing software, with CPEs
rm -f "$DB" "$DB-wal" "$DB-shm"
y --quiet init >/dev/null 2>&1
y --quiet import nmap --no-scan "$SHARED/nmap-real/loopback-services-sV.xml" >/dev/null
check_eq "loopback software" "vsftpd|3.0.3|cpe:2.3:a:vsftpd:vsftpd:3.0.3:*:*:*:*:*:*:*
dnsmasq|2.90|cpe:2.3:a:thekelleys:dnsmasq:2.90:*:*:*:*:*:*:*
Memcached||cpe:2.3:a:memcached:memcached:*:*:*:*:*:*:*:*
Redis key-value store||
SimpleHTTPServer|0.6|cpe:2.3:a:python:simplehttpserver:0.6:*:*:*:*:*:*:*
nginx|1.22.1|cpe:2.3:a:igor_sysoev:nginx:1.22.1:*:*:*:*:*:*:*
OpenSSH|9.2p1 Debian 2+deb12u10|cpe:2.3:a:openbsd:openssh:9.2p1:*:*:*:*:*:*:*
linux_kernel||cpe:2.3:o:linux:linux_kernel:*:*:*:*:*:*:*:*" \
	"$(sqlite3 "$DB" "SELECT name || '|' || coalesce(version, '') || '|' || coalesce(cpe, '') FROM components ORDER BY id")"

done_testing
