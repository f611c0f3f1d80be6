#!/bin/sh
# Installs the Debian packages yamori needs to build, test, fuzz and run its
# demo. Idempotent: runs apt-get (and apt-get update) only when something is
# missing. Must run as root on Debian 12 (or via sudo).
set -eu

PACKAGES="
build-essential
cmake
pkg-config
gettext
libsqlite3-dev
sqlite3
clang
libclang-rt-14-dev
python3
libxml2-dev
libarchive-dev
libcurl4-openssl-dev
zlib1g-dev
libxlsxwriter-dev
libssh-dev
openssh-server
openssh-client
gnupg
libyaml-dev
"

missing=""
for p in $PACKAGES; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
		grep -q "install ok installed"; then
		missing="$missing $p"
	fi
done

if [ -z "$missing" ]; then
	exit 0
fi

echo "bootstrap: installing:$missing"
if [ "$(id -u)" -ne 0 ]; then
	SUDO=sudo
else
	SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing
