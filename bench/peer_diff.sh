#!/bin/sh
# Side-by-side correctness check against the peer implementations in
# ../shared/tools/peers on 100,000+ pairs per scheme: real versions from the
# peers' corpora plus generated edge cases (tilde, caret, epochs, letters,
# prereleases, long digit runs). Prints, per scheme, how many pairs agree
# and every disagreement; the explained ones are listed in docs/versions.md.
# Needs the peers' one-time set-up (their README). Usage:
#   bench/peer_diff.sh [build/release/yamori]
set -eu
Y=${1:-build/release/yamori}
P=${PEERS_DIR:-/tmp/peers}
here=$(cd "$(dirname "$0")/.." && pwd)
peers=$here/../shared/tools/peers
W=${TMPDIR:-/tmp}/yamori-peer-diff
mkdir -p "$W"

python3 - "$P/versions" "$W" <<'PY'
import random, sys
V, W = sys.argv[1], sys.argv[2]
random.seed(11)
def rnd_num():
    return str(random.choice([0, 1, 2, 9, 10, 11, 99, 100, 2**31, 2**64, random.randrange(1000)]))
def gen_deb():
    up = '.'.join(rnd_num() for _ in range(random.randint(1, 4)))
    up += random.choice(['', '~rc1', '~', '+dfsg', 'a', '~beta2', '+b1', '.0~git20240101'])
    v = up
    if random.random() < 0.3: v = f'{random.randint(0,3)}:{v}'
    if random.random() < 0.6: v += '-' + random.choice(['1', '2', '0ubuntu1', '1+deb12u1', '3~bpo1', '1.1'])
    return v
def gen_rpm():
    v = '.'.join(rnd_num() for _ in range(random.randint(1, 4)))
    v += random.choice(['', '~rc1', '^git1', 'a', 'b2', '.el9', '_1'])
    if random.random() < 0.3: v = f'{random.randint(0,2)}:{v}'
    if random.random() < 0.6: v += '-' + random.choice(['1', '1.el9', '2.fc39', '0.1.rc1', '1~x'])
    return v
def gen_npm():
    v = '.'.join(rnd_num() for _ in range(3))
    if random.random() < 0.4:
        v += '-' + '.'.join(random.choice(['alpha', 'beta', 'rc', '0', '1', '10', 'x-y', 'a1']) for _ in range(random.randint(1, 3)))
    if random.random() < 0.1: v += '+build.' + rnd_num()
    return v
def gen_pypi():
    v = '.'.join(rnd_num() for _ in range(random.randint(1, 4)))
    v += random.choice(['', 'a1', 'b2', 'rc1', '.post1', '.dev0', 'rc1.post2.dev3', '+local.1'])
    if random.random() < 0.1: v = f'{random.randint(1,3)}!{v}'
    return v
for name, gen, real in (('deb', gen_deb, 'deb'), ('rpm', gen_rpm, 'deb'),
                        ('npm', gen_npm, 'npm'), ('pypi', gen_pypi, 'pypi')):
    real_vs = [l.strip() for l in open(f'{V}/{real}-versions.txt') if l.strip()]
    with open(f'{W}/{name}.pairs', 'w') as f:
        for _ in range(60000):
            f.write(f'{random.choice(real_vs)}\t{random.choice(real_vs)}\n')
        for _ in range(60000):
            a = gen()
            b = gen() if random.random() < 0.7 else a
            f.write(f'{a}\t{b}\n')
PY

ours() { # scheme pairs -> a<TAB>b<TAB>result
	"$Y" --quiet version cmp --scheme "$1" --batch <"$2" | paste "$2" - |
		sed 's/\terror$/\tERROR/'
}
norm_peer() { sed 's/\tERROR: .*$/\tERROR/'; }

run() { # name scheme peer-command...
	name=$1 scheme=$2
	shift 2
	pairs=$W/$name.pairs
	ours "$scheme" "$pairs" >"$W/$name.ours"
	"$@" <"$pairs" 2>/dev/null | norm_peer >"$W/$name.peer"
	node "$peers/diff-results.js" --cols 2 "$W/$name.ours" "$W/$name.peer" \
		>"$W/$name.diff" || true
	echo "$name: $(tail -1 "$W/$name.diff") (details: $W/$name.diff)"
}

run npm npm node "$peers/semver-cmp.js" --loose
run deb deb "$P/bin/dpkg-vercmp"
run rpm rpm "$P/bin/rpm-vercmp"
run pypi pypi /usr/bin/python3 "$peers/pep440-cmp.py"
