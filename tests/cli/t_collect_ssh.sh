# collect --ssh against a private sshd on 127.0.0.1 (this machine, as the
# current user, temp host and client keys): the document equals a local
# collection of the same machine; an unknown or changed host key, a key
# the server refuses and a closed port fail with precise messages;
# --import puts the host into the ledger.
. "$(dirname "$0")/lib.sh"

SSHD=$(command -v sshd || true)
[ -n "$SSHD" ] || [ ! -x /usr/sbin/sshd ] || SSHD=/usr/sbin/sshd
if [ -z "$SSHD" ]; then
	echo "SKIPPED: sshd not found (scripts/bootstrap.sh installs openssh-server)"
	exit 77
fi
for tool in ssh-keygen python3 sqlite3; do
	command -v "$tool" >/dev/null ||
		{ echo "SKIPPED: $tool missing"; exit 77; }
done
# sshd started as root wants its privilege separation directory
if [ "$(id -u)" -eq 0 ] && [ ! -d /run/sshd ]; then
	mkdir -p /run/sshd && chmod 755 /run/sshd
fi

free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

S="$T/ssh"
mkdir -p "$S"
chmod 700 "$S"
ssh-keygen -q -t ed25519 -N '' -C yamori-test-host -f "$S/host_key"
ssh-keygen -q -t ed25519 -N '' -C yamori-test-client -f "$S/id_client"
ssh-keygen -q -t ed25519 -N '' -C yamori-test-other -f "$S/id_other"
ssh-keygen -q -t ed25519 -N '' -C yamori-test-impostor -f "$S/impostor"
cp "$S/id_client.pub" "$S/authorized_keys"
PORT=$(free_port)
cat >"$S/sshd_config" <<EOF
Port $PORT
ListenAddress 127.0.0.1
HostKey $S/host_key
PidFile $S/sshd.pid
AuthorizedKeysFile $S/authorized_keys
UsePAM no
StrictModes no
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
AllowUsers $(id -un)
LogLevel ERROR
# bash sources ~/.bashrc for commands run by sshd unless SHLVL says it is
# nested; a slow one would be paid for every remote command
SetEnv SHLVL=1
EOF
"$SSHD" -D -e -f "$S/sshd_config" 2>"$S/sshd.log" &
SSHD_PID=$!
trap 'kill $SSHD_PID 2>/dev/null; wait $SSHD_PID 2>/dev/null; rm -rf "$T"' EXIT
python3 - "$PORT" <<'EOF' || { echo "FAIL: sshd did not start" >&2; cat "$S/sshd.log" >&2; exit 1; }
import socket, sys, time
for _ in range(100):
    try:
        socket.create_connection(("127.0.0.1", int(sys.argv[1])), 0.2).close()
        sys.exit(0)
    except OSError:
        time.sleep(0.05)
sys.exit(1)
EOF

# known_hosts from the host key itself (what ssh-keyscan would print)
printf '[127.0.0.1]:%s %s\n' "$PORT" "$(cut -d' ' -f1,2 "$S/host_key.pub")" >"$S/known_hosts"
FP=$(ssh-keygen -l -f "$S/host_key.pub" | cut -d' ' -f2)
TARGET="$(id -un)@127.0.0.1:$PORT"
URL="ssh://$TARGET"
unset SSH_AUTH_SOCK
col() { y collect --ssh "$TARGET" --known-hosts "$S/known_hosts" "$@"; }

# ---- the document: the same as collecting this machine locally ----
check_run "collect --ssh" 0 col --identity "$S/id_client" --output "$T/remote.json"
check_contains "summary" "$T/remote.json: " "$ERR"
check_run "collect local" 0 y collect --output "$T/local.json"
python3 - "$T/local.json" "$T/remote.json" >"$T/cmp" 2>&1 <<'EOF'
import json, sys
loc, rem = (json.load(open(f)) for f in sys.argv[1:3])
for k in ("format", "version", "collected_at", "host", "packages"):
    if loc[k] != rem[k]:
        print("differs:", k, json.dumps(loc[k])[:300], json.dumps(rem[k])[:300])
EOF
check_eq "remote document equals the local one" "" "$(cat "$T/cmp")"
check_contains "format" '"format": "yamori-inventory"' "$(cat "$T/remote.json")"
check_contains "YAMORI_NOW" '"collected_at": "2026-11-21T09:00:00Z"' "$(cat "$T/remote.json")"
OSID=$(. /etc/os-release 2>/dev/null && echo "$ID")
check_eq "os id" "$OSID" "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["host"]["os"]["id"])' "$T/remote.json")"
if command -v dpkg-query >/dev/null; then
	NDEB=$(dpkg-query -W -f='${db:Status-Abbrev}\n' | grep -c '^.i ')
	check_eq "deb packages as dpkg counts them" "$NDEB" \
		"$(python3 -c 'import json,sys; print(sum(p["type"] == "deb" for p in json.load(open(sys.argv[1]))["packages"]))' "$T/remote.json")"
fi
check_run "to stdout" 0 col --identity "$S/id_client"
check_eq "stdout is the document" "$(cat "$T/remote.json")" "$OUT"

# ---- host key: unknown, changed; never accepted ----
: >"$S/empty_known_hosts"
check_run "unknown host key" 1 y collect --ssh "$TARGET" --identity "$S/id_client" \
	--known-hosts "$S/empty_known_hosts"
check_contains "unknown: url" "yamori: $URL: host key unknown: [127.0.0.1]:$PORT is not in $S/empty_known_hosts" "$ERR"
check_contains "unknown: fingerprint" "ED25519 key fingerprint is $FP" "$ERR"
check_contains "unknown: how to add" "ssh-keyscan -p $PORT 127.0.0.1" "$ERR"
check_eq "unknown: nothing written" "0" "$(wc -c <"$S/empty_known_hosts" | tr -d ' ')"
check_run "missing known_hosts file" 1 y collect --ssh "$TARGET" --identity "$S/id_client" \
	--known-hosts "$S/no-such-file"
check_contains "missing file: unknown" "host key unknown" "$ERR"
printf '[127.0.0.1]:%s %s\n' "$PORT" "$(cut -d' ' -f1,2 "$S/impostor.pub")" >"$S/changed_known_hosts"
check_run "changed host key" 1 y collect --ssh "$TARGET" --identity "$S/id_client" \
	--known-hosts "$S/changed_known_hosts"
check_contains "changed: message" "$URL: host key changed: [127.0.0.1]:$PORT sent the ED25519 key $FP" "$ERR"

# ---- authentication, connection ----
check_run "wrong identity" 1 col --identity "$S/id_other"
check_eq "wrong identity: message" "yamori: $URL: authentication failed: the server did not accept the key in $S/id_other" "$ERR"
check_run "identity not a key" 1 col --identity "$S/known_hosts"
check_contains "not a key" "cannot read the identity file $S/known_hosts" "$ERR"
CLOSED=$(free_port)
check_run "closed port" 1 y collect --ssh "$(id -un)@127.0.0.1:$CLOSED" --identity "$S/id_client" \
	--known-hosts "$S/known_hosts"
check_contains "closed port: message" "yamori: ssh://$(id -un)@127.0.0.1:$CLOSED: connect failed: " "$ERR"

# ---- usage ----
check_run "--root and --ssh" 2 y collect --ssh "$TARGET" --root /
check_contains "exclusive" "--root and --ssh exclude each other" "$ERR"
check_run "--identity alone" 2 y collect --identity "$S/id_client"
check_run "no user" 2 y collect --ssh 127.0.0.1
check_contains "no user: message" "is not USER@HOST[:PORT]" "$ERR"
check_run "bad port" 2 y collect --ssh "a@127.0.0.1:0"
check_run "host like an option" 2 y collect --ssh "a@-oProxyCommand=x"

# ---- into the ledger ----
y init >/dev/null
y dept add joho 情報システム部 >/dev/null
check_run "collect --ssh --import" 0 col --identity "$S/id_client" --output "$T/imp.json" \
	--import --asset ssh-host --dept joho
check_contains "imported" "imported: " "$ERR"
NPKG=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["packages"]))' "$T/imp.json")
check_eq "asset with its packages" "ssh-host|joho|$NPKG" \
	"$(sqlite3 "$DB" "SELECT a.name || '|' || d.code || '|' || (SELECT count(*) FROM components c WHERE c.asset_id = a.id) FROM assets a JOIN departments d ON d.id = a.department_id WHERE a.name = 'ssh-host'")"
check_run "again: unchanged" 0 col --identity "$S/id_client" --output "$T/imp.json" \
	--import --asset ssh-host
check_contains "again" "0 added, 0 removed, 0 upgraded, $NPKG unchanged" "$ERR"

done_testing
