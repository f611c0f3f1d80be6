# feed sync and feed status against the fixture HTTP server
# (tests/fixtures/httpd/server.py, scenario tests/fixtures/sync/
# scenario.json): every source end to end with 429 and 503 answers, a
# transfer cut in the middle, 304s, an NVD sync interrupted and resumed at
# its saved startIndex, NVD's rate limit and JVN's pacing read back from
# the server's request log, CSAF hashes and signatures, a proxy.
. "$(dirname "$0")/lib.sh"

for tool in python3 sqlite3 gzip; do
	command -v "$tool" >/dev/null ||
		{ echo "SKIPPED: $tool missing"; exit 77; }
done

SF="$FIX/sync"
WWW="$T/www"
LOG="$T/log.jsonl"

# Formats this build registers ("feed --help" lists them); a source
# without one is skipped below, with a message.
SOURCES=""
"$YAMORI" feed --help >"$T/formats"
for s in nvd kev epss osv jvn csaf; do
	if grep -q "^  $s " "$T/formats"; then
		SOURCES="$SOURCES $s"
	else
		echo "SKIPPED: source $s (no '$s' parser registered in this build)"
	fi
done
has() { case " $SOURCES " in *" $1 "*) return 0 ;; esac; return 1; }

# ---- the server root: fixtures, plus files built now ----
mkdir -p "$WWW/epss" "$WWW/osv/PyPI"
cp -R "$SF/nvd" "$SF/kev" "$SF/jvn" "$SF/csaf" "$SF/bad" "$WWW/"
gzip -9n -c "$SF/epss/epss_scores-current.csv" \
	>"$WWW/epss/epss_scores-current.csv.gz"
python3 - "$SF/osv/PyPI" "$WWW/osv/PyPI/all.zip" <<'EOF'
import glob, os, sys, zipfile
with zipfile.ZipFile(sys.argv[2], "w") as z:
    for f in sorted(glob.glob(os.path.join(sys.argv[1], "*.json"))):
        zi = zipfile.ZipInfo(os.path.basename(f), (2099, 1, 1, 0, 0, 0))
        zi.compress_type = zipfile.ZIP_DEFLATED
        with open(f, "rb") as fh:
            z.writestr(zi, fh.read())
EOF

# ---- the server: stops when fd 3 closes (exit) or on the trap's kill ----
mkfifo "$T/srv-in"
python3 "$YM_SRC/tests/fixtures/httpd/server.py" --root "$WWW" \
	--scenario "$SF/scenario.json" --log "$LOG" --exit-on-eof \
	<"$T/srv-in" >"$T/port" 2>"$T/srv-err" &
SRV=$!
exec 3>"$T/srv-in"
trap 'exec 3>&-; kill $SRV 2>/dev/null; wait $SRV 2>/dev/null; rm -rf "$T"' EXIT
i=0
while [ ! -s "$T/port" ] && [ $i -lt 200 ]; do
	sleep 0.05
	i=$((i + 1))
done
PORT=$(head -1 "$T/port")
[ -n "$PORT" ] || { echo "FAIL: fixture server did not start" >&2;
	cat "$T/srv-err" >&2; exit 1; }
for f in csaf/provider-metadata.json csaf/feed-tlp-white.json \
	bad/provider-metadata.json; do
	sed "s/@PORT@/$PORT/g" "$WWW/$f.in" >"$WWW/$f"
done
: >"$LOG"
B="http://127.0.0.1:$PORT"

unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY \
	YAMORI_NVD_API_KEY YAMORI_GPG
export no_proxy=127.0.0.1 NO_PROXY=127.0.0.1
export YAMORI_CACHE_DIR="$T/cache" YAMORI_NVD_URL="$B/nvd" \
	YAMORI_KEV_URL="$B/kev" YAMORI_EPSS_URL="$B/epss" \
	YAMORI_OSV_URL="$B/osv" YAMORI_JVN_URL="$B/jvn" \
	YAMORI_NVD_WINDOW_MS=1000 YAMORI_JVN_INTERVAL_MS=50 \
	YAMORI_HTTP_BACKOFF_MS=20

# gpg present: CSAF signatures are checked (4 more requests: the key and
# one .asc per document). YM_TEST_NO_GPG=1 runs the test as without gpg.
if [ -z "${YM_TEST_NO_GPG:-}" ] && command -v gpg >/dev/null; then
	GPG=1
	CSAF_A="csaf,ok,14,0,0,3,0,0,0,0,1 provider"
	CSAF_C="csaf,ok,4,0,0,0,0,0,0,0,1 provider"
else
	GPG=
	export YAMORI_GPG=none
	echo "SKIPPED: CSAF signature checks (no gpg, or YM_TEST_NO_GPG set)"
	CSAF_A="csaf,ok,10,0,0,3,0,0,0,0,\"1 provider, signatures not checked (no gpg)\""
	CSAF_C="csaf,ok,3,0,0,0,0,0,0,0,\"1 provider, signatures not checked (no gpg)\""
fi

# logpy FROM TO CODE: python over the request log lines [FROM, TO) as R,
# with q(r) the decoded query of a request
logpy() {
	python3 -c "
import json, sys
from urllib.parse import parse_qs
L = [json.loads(l) for l in open(sys.argv[1], encoding='utf-8')]
R = L[int(sys.argv[2]):int(sys.argv[3])]
def q(r): return {k: v[0] for k, v in parse_qs(r['query'], keep_blank_values=True).items()}
def on(path): return [r for r in R if r['path'] == path]
$3" "$LOG" "$1" "$2"
}
mark() { wc -l <"$LOG" | tr -d ' '; }
csv() { printf '%s\n' "$1" | tr -d '\r'; }
# expected CSV: the header, then the given rows of the sources this build has
rows() {
	printf 'source,status,requests,not_modified,retries,inserted,updated,unchanged,skipped,rejected,note\n'
	for r in "$@"; do
		has "${r%%,*}" && printf '%s\n' "$r"
	done
}
q1() { sqlite3 "$DB" "$1"; }
NVD_PATH=/nvd/rest/json/cves/2.0

y init >/dev/null
y import sbom "$SF/sbom.json" >/dev/null

# ==== run A: first sync of everything; NVD gives up on its third page ====
m0=$(mark)
if has nvd; then want=1; else want=0; fi
check_run "first sync" $want y --format csv feed sync --retries 2 --no-scan \
	--csaf-provider "$B/csaf/provider-metadata.json"
m1=$(mark)
check_eq "first sync counts" "$(rows \
	"nvd,failed,7,0,4,4,0,0,0,0," \
	"kev,ok,2,0,1,2,0,0,0,0," \
	"epss,ok,1,0,0,3,0,0,0,0," \
	"osv,ok,2,0,1,3,0,0,0,0,PyPI" \
	"jvn,ok,5,0,1,3,0,0,0,0," \
	"$CSAF_A")" "$(csv "$OUT")"

if has nvd; then
	check_contains "429 retried" \
		"yamori: nvd: $B$NVD_PATH?startIndex=0&resultsPerPage=2000: server answered HTTP 429, retry 1 of 2 in 0.0 s" "$ERR"
	check_contains "nvd failure reported" \
		"yamori: nvd: $B$NVD_PATH?startIndex=4&resultsPerPage=2000: " "$ERR"
	check_eq "nvd requests, first sync" \
		"429 0;200 0;503 2;200 2;503 4;503 4;503 4" \
		"$(logpy "$m0" "$m1" "print(';'.join('%d %s' % (r['status'], q(r)['startIndex']) for r in on('$NVD_PATH')))")"
	# 5 requests per 1000 ms: the 6th and 7th waited for the window
	# (20 ms allowed for the network between the limiter and the server)
	check_eq "nvd rate limit" "ok" "$(logpy "$m0" "$m1" "
t = [r['mono'] for r in on('$NVD_PATH')]
bad = [i for i in range(len(t) - 5) if t[i + 5] - t[i] < 0.98]
print('ok' if len(t) == 7 and not bad else 'windows too full: %s %s' % (bad, t))")"
	check_eq "nvd records after the interruption" "4" \
		"$(q1 "SELECT count(*) FROM vuln_sources WHERE source = 'nvd'")"
	check_eq "nvd checkpoint" \
		"mode=full began=2026-11-21T09:00:00Z start=4|error|" \
		"$(q1 "SELECT cursor, status, last_success FROM feed_state WHERE source = 'nvd'")"
fi
if has kev; then
	check_eq "kev rows" "CVE-2099-1001|2099-03-03;CVE-2099-1003|2099-03-03" \
		"$(q1 "SELECT group_concat(cve_id || '|' || due_date, ';') FROM (SELECT * FROM kev ORDER BY cve_id)")"
	check_eq "kev validators kept" "\"kev-1\"|ok|2" \
		"$(q1 "SELECT etag, status, records FROM feed_state WHERE source = 'kev'")"
fi
if has epss; then
	check_eq "epss rows" "CVE-2099-1001|0.91234|2099-02-11" \
		"$(q1 "SELECT cve_id, score, score_date FROM epss WHERE cve_id = 'CVE-2099-1001'")"
	check_eq "epss count" "3" "$(q1 "SELECT count(*) FROM epss")"
fi
if has osv; then
	# cut after 300 bytes, resumed with a range request
	check_eq "osv resumed" "200 cut -;206 None bytes=300-" \
		"$(logpy "$m0" "$m1" "print(';'.join('%d %s %s' % (r['status'], r['action'], r['headers'].get('range', '-')) for r in on('/osv/PyPI/all.zip')))")"
	check_eq "osv records" "PYSEC-2099-1;PYSEC-2099-2;PYSEC-2099-3" \
		"$(q1 "SELECT group_concat(record_id, ';') FROM (SELECT record_id FROM vuln_sources WHERE source = 'osv' ORDER BY 1)")"
	check_eq "osv ecosystem row" "osv:PyPI|\"osv-1\"|ok|3" \
		"$(q1 "SELECT source, etag, status, records FROM feed_state WHERE source LIKE 'osv:%'")"
fi
if has jvn; then
	check_eq "jvn requests" "429 getVulnOverviewList 1 2026 8 23 2026 11 22 -;200 getVulnOverviewList 1 2026 8 23 2026 11 22 -;200 getVulnDetailInfo - - - - - - - JVNDB-2099-000001+JVNDB-2099-000002;200 getVulnOverviewList 3 2026 8 23 2026 11 22 -;200 getVulnDetailInfo - - - - - - - JVNDB-2099-000003" \
		"$(logpy "$m0" "$m1" "
keys = ['method', 'startItem', 'datePublishedStartY', 'datePublishedStartM', 'datePublishedStartD', 'datePublishedEndY', 'datePublishedEndM', 'datePublishedEndD', 'vulnId']
print(';'.join(' '.join([str(r['status'])] + [q(r).get(k, '-') for k in keys]) for r in on('/jvn/myjvn')))")"
	check_eq "jvn paced" "ok" "$(logpy "$m0" "$m1" "
t = [r['mono'] for r in on('/jvn/myjvn')]
print('ok' if all(b - a >= 0.03 for a, b in zip(t, t[1:])) else t)")"
	check_eq "jvn records" "JVNDB-2099-000001|ファイル共有サーバ の詳細 (yamori 同期テスト用の架空の情報です)。;JVNDB-2099-000002#CVE-2099-3002|管理ツール の詳細 (yamori 同期テスト用の架空の情報です)。;JVNDB-2099-000002#CVE-2099-3003|管理ツール の詳細 (yamori 同期テスト用の架空の情報です)。;JVNDB-2099-000003|ビューア の詳細 (yamori 同期テスト用の架空の情報です)。" \
		"$(q1 "SELECT group_concat(record_id || '|' || summary_ja, ';') FROM (SELECT * FROM vuln_sources WHERE source = 'jvn' ORDER BY record_id)")"
	check_eq "jvn cursor" "since=2026-11-21" \
		"$(q1 "SELECT cursor FROM feed_state WHERE source = 'jvn'")"
fi
if has csaf; then
	check_eq "csaf documents" "YSA-2099-001#CVE-2099-4001;YSA-2099-002#CVE-2099-4002;YSA-2099-003#CVE-2099-4003" \
		"$(q1 "SELECT group_concat(record_id, ';') FROM (SELECT record_id FROM vuln_sources WHERE source = 'csaf' ORDER BY 1)")"
	# listed by the ROLIE feed and the directory: fetched once; doc 3
	# has only a .sha512
	check_eq "csaf fetches" "200 /csaf/white/2099/ysa-2099-001.json;200 /csaf/white/2099/ysa-2099-001.json.sha256;200 /csaf/white/2099/ysa-2099-002.json;200 /csaf/white/2099/ysa-2099-002.json.sha256;200 /csaf/white/2099/ysa-2099-003.json;200 /csaf/white/2099/ysa-2099-003.json.sha512;404 /csaf/white/2099/ysa-2099-003.json.sha256" \
		"$(logpy "$m0" "$m1" "print(';'.join(sorted('%d %s' % (r['status'], r['path']) for r in R if r['path'].startswith('/csaf/white/2099/') and not r['path'].endswith('.asc'))))")"
	if [ -n "$GPG" ]; then
		check_eq "csaf signatures fetched" "3" \
			"$(logpy "$m0" "$m1" "print(len([r for r in R if r['path'].endswith('.json.asc') and r['status'] == 200]))")"
	fi
	check_eq "csaf provider cursor" "updated=2099-02-03T00:00:00Z|ok|3" \
		"$(q1 "SELECT cursor, status, records FROM feed_state WHERE source = 'csaf:$B/csaf/provider-metadata.json'")"
fi

# ==== run B: NVD again, with an API key: resumes at startIndex 4 ====
if has nvd; then
	m0=$(mark)
	check_run "resume" 0 env YAMORI_NVD_API_KEY=test-key-123 \
		"$YAMORI" --db "$DB" --format csv feed sync nvd --no-scan
	m1=$(mark)
	check_eq "resume counts" "$(rows \
		"nvd,ok,1,0,0,1,0,0,0,0,resumed at startIndex 4")" "$(csv "$OUT")"
	check_eq "resumed at the saved startIndex, key sent" \
		"200 4 2000 test-key-123" \
		"$(logpy "$m0" "$m1" "print(';'.join('%d %s %s %s' % (r['status'], q(r)['startIndex'], q(r)['resultsPerPage'], r['headers'].get('apikey')) for r in on('$NVD_PATH')))")"
	check_eq "nvd records after the resume" "5" \
		"$(q1 "SELECT count(*) FROM vuln_sources WHERE source = 'nvd'")"
	check_eq "nvd caught up" "upto=2026-11-21T09:00:00Z|ok|2026-11-21T09:00:00Z|1" \
		"$(q1 "SELECT cursor, status, last_success, records FROM feed_state WHERE source = 'nvd'")"
	# nothing new since: no request at all
	check_run "up to date" 0 y --format csv feed sync nvd --no-scan
	check_eq "up to date counts" "$(rows \
		"nvd,ok,0,0,0,0,0,0,0,0,up to date")" "$(csv "$OUT")"
	check_eq "no request when up to date" "$m1" "$(mark)"
fi

# ==== totalResults changing between pages ====
if has nvd; then
	# 5 CVEs on the first page's count, 7 on the next ones': all 7 read
	DBG="$T/grow.db"
	"$YAMORI" --db "$DBG" init >/dev/null
	m0=$(mark)
	check_run "total grows" 0 env YAMORI_NVD_URL="$B/nvd-grow" \
		"$YAMORI" --db "$DBG" --format csv feed sync nvd --no-scan \
		--cache-dir "$T/cache-grow"
	m1=$(mark)
	check_eq "total grows: pages" "0;2;4;6" \
		"$(logpy "$m0" "$m1" "print(';'.join(q(r)['startIndex'] for r in on('/nvd-grow/rest/json/cves/2.0')))")"
	check_eq "total grows: records" "7" \
		"$(sqlite3 "$DBG" "SELECT count(*) FROM vuln_sources")"
	# 7 on the first page's count, 5 on the next ones': stops at 5
	DBS="$T/shrink.db"
	"$YAMORI" --db "$DBS" init >/dev/null
	m0=$(mark)
	check_run "total shrinks" 0 env YAMORI_NVD_URL="$B/nvd-shrink" \
		"$YAMORI" --db "$DBS" --format csv feed sync nvd --no-scan \
		--cache-dir "$T/cache-shrink"
	m1=$(mark)
	check_eq "total shrinks: pages" "0;2;4" \
		"$(logpy "$m0" "$m1" "print(';'.join(q(r)['startIndex'] for r in on('/nvd-shrink/rest/json/cves/2.0')))")"
	check_eq "total shrinks: records" "5" \
		"$(sqlite3 "$DBS" "SELECT count(*) FROM vuln_sources")"
fi

# ==== run C: 135 days later; KEV through a proxy ====
m0=$(mark)
check_run "incremental sync" 0 env YAMORI_NOW=2027-04-05T09:00:00Z \
	http_proxy="$B" YAMORI_KEV_URL=http://kev.example.invalid/kev \
	"$YAMORI" --db "$DB" --format csv feed sync --no-scan
m1=$(mark)
check_eq "incremental counts" "$(rows \
	"nvd,ok,2,0,0,1,1,2,0,0," \
	"kev,not_modified,1,1,0,0,0,0,0,0,not modified" \
	"epss,not_modified,1,1,0,0,0,0,0,0,not modified" \
	"osv,not_modified,1,1,0,0,0,0,0,0,PyPI (not modified)" \
	"jvn,ok,2,0,0,0,0,3,0,0," \
	"$CSAF_C")" "$(csv "$OUT")"
if has nvd; then
	# two lastModified windows: 120 days, then the rest
	check_eq "nvd windows" "2026-11-21T09:00:00.000+00:00 2027-03-21T09:00:00.000+00:00 0;2027-03-21T09:00:00.000+00:00 2027-04-05T09:00:00.000+00:00 0" \
		"$(logpy "$m0" "$m1" "print(';'.join('%s %s %s' % (q(r)['lastModStartDate'], q(r)['lastModEndDate'], q(r)['startIndex']) for r in on('$NVD_PATH')))")"
	check_eq "nvd changed record" "Record two, changed later (yamori sync fixture).|2099-03-01T00:00:00.000" \
		"$(q1 "SELECT summary, modified FROM vuln_sources WHERE record_id = 'CVE-2099-1002'")"
	check_eq "nvd records after the windows" "6" \
		"$(q1 "SELECT count(*) FROM vuln_sources WHERE source = 'nvd'")"
fi
if has kev; then
	check_eq "kev 304 through the proxy" "304 True http://kev.example.invalid/kev/known_exploited_vulnerabilities.json \"kev-1\"" \
		"$(logpy "$m0" "$m1" "print(';'.join('%d %s %s %s' % (r['status'], r['proxy'], r['target'], r['headers'].get('if-none-match')) for r in on('/kev/known_exploited_vulnerabilities.json')))")"
fi
if has epss; then
	check_eq "epss 304" "304 Wed, 11 Feb 2099 00:00:00 GMT" \
		"$(logpy "$m0" "$m1" "print(';'.join('%d %s' % (r['status'], r['headers'].get('if-modified-since')) for r in on('/epss/epss_scores-current.csv.gz')))")"
fi
if has osv; then
	check_eq "osv 304" "304 \"osv-1\"" \
		"$(logpy "$m0" "$m1" "print(';'.join('%d %s' % (r['status'], r['headers'].get('if-none-match')) for r in on('/osv/PyPI/all.zip')))")"
fi
if has jvn; then
	# from the last sync's date; nothing changed: no detail request
	check_eq "jvn incremental" "getVulnOverviewList 1 2026-11-21 2027-4-6;getVulnOverviewList 3 2026-11-21 2027-4-6" \
		"$(logpy "$m0" "$m1" "
def d(r, w): return '-'.join(q(r)['datePublished%s%s' % (w, p)] for p in 'YMD')
print(';'.join('%s %s %s %s' % (q(r)['method'], q(r)['startItem'], d(r, 'Start'), d(r, 'End')) for r in on('/jvn/myjvn')))")"
fi
if has csaf; then
	check_eq "csaf incremental: no document fetched" "0" \
		"$(logpy "$m0" "$m1" "print(len([r for r in R if r['path'].startswith('/csaf/white/2099/')]))")"
fi

# ==== run D: a provider whose documents must be refused ====
if has csaf; then
	before=$(q1 "SELECT count(*) FROM vuln_sources")
	check_run "bad provider" 1 y --format csv feed sync csaf --no-scan \
		--csaf-provider "$B/bad/provider-metadata.json"
	D="$B/bad/white/2099"
	check_contains "hash mismatch refused" \
		"yamori: csaf: document refused: $D/ysa-2099-101.json: does not match its SHA-256 ($D/ysa-2099-101.json.sha256)" "$ERR"
	check_contains "missing hash refused" \
		"yamori: csaf: document refused: $D/ysa-2099-103.json: no .sha256 or .sha512 file for the document" "$ERR"
	if [ -n "$GPG" ]; then
		check_eq "bad provider counts" "$(rows \
			"csaf,failed,11,0,0,0,0,0,0,3,\"1 provider, 3 documents refused\"")" \
			"$(csv "$OUT")"
		check_contains "bad signature refused" \
			"yamori: csaf: document refused: $D/ysa-2099-102.json: bad OpenPGP signature" "$ERR"
		check_eq "nothing of the bad provider stored" "$before" \
			"$(q1 "SELECT count(*) FROM vuln_sources")"
	fi
	check_eq "bad provider state" "error||" \
		"$(q1 "SELECT status, cursor, last_success FROM feed_state WHERE source = 'csaf:$B/bad/provider-metadata.json'")"
fi

# ==== feed status ====
if [ -n "$GPG" ]; then NREF=3; else NREF=2; fi
REFUSED="\"$NREF failures, the first: PORT/bad/white/2099/ysa-2099-103.json: no .sha256 or .sha512 file for the document\""
check_run "status" 0 y --format csv feed status
check_eq "status" "source,status,last_attempt,last_success,records,cursor,message
nvd,ok,2027-04-05T09:00:00Z,2027-04-05T09:00:00Z,4,upto=2027-04-05T09:00:00Z,
kev,not_modified,2027-04-05T09:00:00Z,2027-04-05T09:00:00Z,0,,not modified
epss,not_modified,2027-04-05T09:00:00Z,2027-04-05T09:00:00Z,0,,not modified
osv,not_modified,2027-04-05T09:00:00Z,2027-04-05T09:00:00Z,0,,PyPI (not modified)
osv:PyPI,not_modified,2027-04-05T09:00:00Z,2027-04-05T09:00:00Z,0,,
jvn,ok,2027-04-05T09:00:00Z,2027-04-05T09:00:00Z,3,since=2027-04-05,
csaf,error,2026-11-21T09:00:00Z,2027-04-05T09:00:00Z,0,,$REFUSED
csaf:PORT/bad/provider-metadata.json,error,2026-11-21T09:00:00Z,,0,,$REFUSED
csaf:PORT/csaf/provider-metadata.json,ok,2027-04-05T09:00:00Z,2027-04-05T09:00:00Z,0,updated=2099-02-03T00:00:00Z," \
	"$(csv "$OUT" | sed "s|$B|PORT|g")"
check_run "status table" 0 y feed status
check_eq "status table" "SOURCE STATUS LAST ATTEMPT LAST SUCCESS RECORDS CURSOR MESSAGE
nvd ok 2027-04-05T09:00:00Z 2027-04-05T09:00:00Z 4 upto=2027-04-05T09:00:00Z" \
	"$(printf '%s\n' "$OUT" | head -2 | tr -s ' ')"
check_run "status json" 0 y --format json feed status
check_eq "status json" "jvn since=2027-04-05 3" \
	"$(printf '%s' "$OUT" | python3 -c "
import json, sys
r = [x for x in json.load(sys.stdin) if x['source'] == 'jvn'][0]
print(r['source'], r['cursor'], r['records'])")"

# ==== JVN, only the ledger's products, in a fresh store ====
if has jvn; then
	DB2="$T/cpe.db"
	"$YAMORI" --db "$DB2" init >/dev/null
	"$YAMORI" --db "$DB2" import sbom "$SF/sbom.json" >/dev/null
	m0=$(mark)
	check_run "jvn cpe mode" 0 "$YAMORI" --db "$DB2" --format csv feed sync \
		jvn --jvn-cpe --no-scan --cache-dir "$T/cache2"
	m1=$(mark)
	check_eq "jvn cpe counts" "$(rows "jvn,ok,2,0,0,1,0,0,0,0,")" \
		"$(csv "$OUT")"
	check_eq "jvn cpe requests" "getVulnOverviewList cpe:/a:sample:file_share_server -;getVulnDetailInfo - JVNDB-2099-000001" \
		"$(logpy "$m0" "$m1" "print(';'.join('%s %s %s' % (q(r)['method'], q(r).get('cpeName', '-'), q(r).get('vulnId', '-')) for r in on('/jvn/myjvn')))")"
	check_eq "jvn cpe store" "JVNDB-2099-000001" \
		"$(sqlite3 "$DB2" "SELECT group_concat(record_id) FROM vuln_sources")"
fi

# ==== the JSON form, and the scan after a sync that changed records ====
if has osv; then
	DB3="$T/json.db"
	"$YAMORI" --db "$DB3" init >/dev/null
	"$YAMORI" --db "$DB3" import sbom "$SF/sbom.json" >/dev/null
	check_run "json output" 0 "$YAMORI" --db "$DB3" --format json feed sync \
		osv --ecosystem PyPI --cache-dir "$T/cache3"
	check_eq "json output fields" "osv ok 1 0 0 3 0 0 PyPI True" \
		"$(printf '%s' "$OUT" | python3 -c "
import json, sys
d = json.load(sys.stdin)
s = d['sources'][0]
print(s['source'], s['status'], s['requests'], s['not_modified'], s['retries'], s['inserted'], s['updated'], s['rejected'], s['note'], d['scan'] is not None and d['scan']['findings'] >= 1)")"
fi

# ==== usage ====
check_run "unknown source" 2 y feed sync bogus
check_eq "unknown source message" "yamori: unknown feed source 'bogus' (known: nvd, kev, epss, osv, jvn, csaf)
(see 'yamori feed --help')" "$ERR"
check_run "bad retries" 2 y feed sync --retries x
check_run "bad since" 2 y feed sync --since 2026-13-01
check_run "bad interval" 2 y feed sync --jvn-interval 0
check_run "unknown option" 2 y feed sync --bogus
check_run "status takes no argument" 2 y feed status nvd

done_testing
