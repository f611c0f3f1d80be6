#!/usr/bin/env python3
"""gen_corpus.py - synthetic SBOM + OSV corpus for the yamori benchmarks.

    python3 bench/gen_corpus.py OUTDIR [--components N] [--advisories M]
                                       [--seed S] [--match-rate R] [--force]

Writes, with the Python standard library only and deterministically for a
given (N, M, S, R):

    OUTDIR/sbom.cdx.json          CycloneDX 1.5 JSON, N components (npm + PyPI)
    OUTDIR/osv/YMB-*.json         M OSV 1.6 records, one file each
    OUTDIR/expected-findings.tsv  every (component, advisory) pair that matches
    OUTDIR/corpus-stats.json      sizes, seed, shape counts, match fraction

Package names are real npm / PyPI names from a fixed list of about 300, made
into a larger name space with numeric suffixes ("lodash-17", "@babel/core-4").
The records are modelled on the demo advisories in tests/fixtures/demo/osv:
the same kinds of weakness, with varied ids, packages and range shapes.
About R (default 3%) of the components are given advisories whose ranges
contain their version; about as many again get "near miss" advisories that
stop just short of it; the rest of the records concern packages that are not
in the SBOM, as in a real feed. expected-findings.tsv is computed from the
written ranges by an independent OSV event evaluator in this file, so it is
the exact answer a matcher must give.

All text in the records is generated from templates written for yamori; the
records are not real advisories, and their CVE-style aliases use the
impossible year 2999 so that they can never be mistaken for real ones.
"""

import argparse
import functools
import hashlib
import json
import os
import random
import re
import sys
import time
import uuid

# ---------------------------------------------------------------- names

NPM_NAMES = """
lodash express react react-dom axios chalk commander debug moment request
async underscore uuid classnames prop-types yargs minimist semver glob mkdirp
rimraf body-parser cookie-parser cors dotenv jsonwebtoken bcrypt mongoose
mysql mysql2 pg redis ioredis socket.io ws ejs pug handlebars marked
highlight.js dompurify sanitize-html xss validator qs query-string
follow-redirects node-fetch got superagent form-data multer busboy formidable
sharp jimp pdfkit xlsx csv-parse papaparse js-yaml yaml ini toml xml2js
fast-xml-parser cheerio jsdom puppeteer webpack webpack-dev-server rollup
esbuild vite babel-loader terser uglify-js postcss autoprefixer sass less
tailwindcss eslint prettier mocha jest chai sinon nyc typescript ts-node
nodemon pm2 winston pino morgan bunyan log4js helmet passport passport-jwt
express-session connect-redis serve-static send mime mime-types negotiator
path-to-regexp tar adm-zip jszip archiver unzipper decompress node-forge
jose crypto-js elliptic hoek joi ajv json5 minimatch micromatch braces
picomatch anymatch chokidar ansi-regex strip-ansi color-string trim-newlines
nth-check css-what ua-parser-js node-ipc vm2 immer dot-prop set-value
merge-deep deep-extend mixin-deep shell-quote cross-spawn execa shelljs
ip netmask tough-cookie http-proxy http-proxy-middleware engine.io
@babel/core @babel/traverse @babel/parser @babel/generator @babel/runtime
@angular/core @angular/common @vue/compiler-sfc @types/node @nestjs/core
@grpc/grpc-js @aws-sdk/client-s3 @sentry/node @elastic/elasticsearch
@apollo/server @octokit/rest
""".split()

PYPI_NAMES = """
requests urllib3 certifi idna charset-normalizer Django djangorestframework
Flask Werkzeug Jinja2 MarkupSafe itsdangerous click PyYAML Pillow numpy
pandas scipy matplotlib scikit-learn lxml beautifulsoup4 html5lib bleach
cryptography pyOpenSSL paramiko bcrypt PyJWT python-jose oauthlib
requests-oauthlib httpx httpcore aiohttp yarl multidict tornado gunicorn
uvicorn starlette fastapi pydantic SQLAlchemy alembic psycopg2 psycopg2-binary
PyMySQL pymongo redis celery kombu amqp billiard vine boto3 botocore
s3transfer awscli google-auth protobuf grpcio setuptools pip wheel
virtualenv tox pytest coverage mock six typing_extensions attrs packaging
pyparsing python-dateutil pytz tzdata babel Markdown Pygments docutils
Sphinx mistune nbconvert notebook jupyter-server ipython tqdm rich colorama
pyasn1 rsa ecdsa pycryptodome PyNaCl cffi pycparser setuptools-scm GitPython
dparse safety ansible ansible-core salt Twisted waitress gevent greenlet
eventlet sentry-sdk opentelemetry-api Mako Genshi chameleon reportlab
pdfminer.six PyPDF2 openpyxl xlrd XlsxWriter python-docx defusedxml
xmltodict feedparser Scrapy markdown2 django-allauth django-cors-headers
social-auth-core mlflow transformers tensorflow torch keras onnx
apache-airflow streamlit gradio jupyterlab nltk ujson orjson simplejson
msgpack pyzmq asyncssh pysaml2 python-multipart Authlib Flask-Cors
Flask-Login Flask-WTF WTForms
""".split()

# ---------------------------------------------------------------- versions


def pep503(name):
    return re.sub(r"[-_.]+", "-", name).lower()


_SEMVER_RE = re.compile(
    r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)"
    r"(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+([0-9A-Za-z.-]+))?$")

_PEP440_RE = re.compile(
    r"^(\d+(?:\.\d+)*)(?:(a|b|rc)(\d+))?(?:\.post(\d+))?(?:\.dev(\d+))?$")

_INF = float("inf")


def semver_key(v):
    """SemVer 2.0.0 precedence key (build metadata ignored)."""
    m = _SEMVER_RE.match(v)
    if not m:
        raise ValueError("not a semver: %r" % v)
    pre = m.group(4)
    if pre is None:
        pk = (1, ())
    else:
        ids = []
        for p in pre.split("."):
            ids.append((0, int(p), "") if p.isdigit() else (1, 0, p))
        pk = (0, tuple(ids))
    return (int(m.group(1)), int(m.group(2)), int(m.group(3)), pk)


def pep440_key(v):
    """PEP 440 ordering key for the forms this script writes (normalised,
    no epoch, no local part)."""
    m = _PEP440_RE.match(v)
    if not m:
        raise ValueError("not a PEP 440 version we write: %r" % v)
    rel = [int(x) for x in m.group(1).split(".")]
    while len(rel) > 1 and rel[-1] == 0:
        rel.pop()
    pre = (("a", "b", "rc").index(m.group(2)), int(m.group(3))) if m.group(2) else None
    post = int(m.group(4)) if m.group(4) is not None else None
    dev = int(m.group(5)) if m.group(5) is not None else None
    if pre is None and post is None and dev is not None:
        pre_k = (-_INF, 0)          # X.devN sorts before X.aN
    elif pre is None:
        pre_k = (_INF, 0)
    else:
        pre_k = pre
    post_k = -_INF if post is None else post
    dev_k = _INF if dev is None else dev
    return (tuple(rel), pre_k, post_k, dev_k)


def vkey(eco, v):
    return semver_key(v) if eco == "npm" else pep440_key(v)


def vcmp(eco, a, b):
    """-1/0/1; "0" (OSV's "from the start") is below every version."""
    if a == "0" or b == "0":
        return (a != "0") - (b != "0") if (a == "0") != (b == "0") else 0
    ka, kb = vkey(eco, a), vkey(eco, b)
    return (ka > kb) - (ka < kb)


def osv_range_affects(eco, events, v):
    """OSV schema evaluation of one range's events for version v."""
    evs = []
    for e in events:
        (kind, ver), = e.items()
        evs.append((kind, ver))
    evs.sort(key=functools.cmp_to_key(lambda x, y: vcmp(eco, x[1], y[1])))
    affected = False
    for kind, ver in evs:
        c = vcmp(eco, v, ver)
        if kind == "introduced":
            if c >= 0:
                affected = True
        elif kind == "fixed":
            if c >= 0:
                affected = False
        elif kind == "last_affected":
            if c > 0:
                affected = False
    return affected


def osv_affects(eco, affected_entry, v):
    for x in affected_entry.get("versions", ()):
        # npm: exact string; PyPI: PEP 440 equality (1.2 == 1.2.0)
        if (x == v) if eco == "npm" else (vcmp(eco, x, v) == 0):
            return True
    for r in affected_entry.get("ranges", ()):
        if osv_range_affects(eco, r["events"], v):
            return True
    return False


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)

    # --- random versions
    def npm_version(self):
        r = self.r
        maj = min(int(r.expovariate(0.35)), 30)
        mnr = min(int(r.expovariate(0.12)), 60)
        pat = min(int(r.expovariate(0.15)), 80)
        v = "%d.%d.%d" % (maj, mnr, pat)
        x = r.random()
        if x < 0.04:
            v += "-%s.%d" % (r.choice(("alpha", "beta", "rc")), r.randint(0, 5))
        elif x < 0.05:
            v += "-%d" % r.randint(0, 9)
        return v

    def pypi_version(self):
        r = self.r
        x = r.random()
        if x < 0.06:  # CalVer, e.g. 2023.7.22
            return "%d.%d.%d" % (r.randint(2015, 2024), r.randint(1, 12), r.randint(1, 28))
        maj = min(int(r.expovariate(0.3)), 40)
        mnr = min(int(r.expovariate(0.12)), 60)
        y = r.random()
        if y < 0.2:
            rel = "%d.%d" % (maj, mnr)
        elif y < 0.93:
            rel = "%d.%d.%d" % (maj, mnr, min(int(r.expovariate(0.2)), 50))
        else:
            rel = "%d.%d.%d.%d" % (maj, mnr, r.randint(0, 9), r.randint(0, 9))
        z = r.random()
        if z < 0.04:
            rel += "%s%d" % (r.choice(("a", "b", "rc")), r.randint(0, 4))
        elif z < 0.07:
            rel += ".post%d" % r.randint(1, 3)
        elif z < 0.08:
            rel += ".dev%d" % r.randint(0, 3)
        return rel

    def version(self, eco):
        return self.npm_version() if eco == "npm" else self.pypi_version()

    def neighbour(self, eco, v):
        """A random version near v (above or below), in the same scheme."""
        r = self.r
        if eco == "npm":
            m = _SEMVER_RE.match(v)
            parts = [int(m.group(1)), int(m.group(2)), int(m.group(3))]
        else:
            m = _PEP440_RE.match(v)
            parts = [int(x) for x in m.group(1).split(".")]
        p = r.randrange(len(parts))
        d = r.choice((-3, -2, -1, -1, 1, 1, 2, 3))
        parts[p] = max(0, parts[p] + d)
        for i in range(p + 1, len(parts)):
            if r.random() < 0.6:
                parts[i] = 0
        if eco == "npm":
            s = "%d.%d.%d" % tuple(parts)
            if r.random() < 0.12:
                s += "-%s.%d" % (r.choice(("alpha", "beta", "rc")), r.randint(0, 3))
        else:
            s = ".".join(str(x) for x in parts)
            q = r.random()
            if q < 0.08:
                s += "rc%d" % r.randint(1, 3)
            elif q < 0.12:
                s += ".post%d" % r.randint(1, 2)
        return s

    def around(self, eco, v, n=14):
        """Sorted distinct versions near v, split into below / above v."""
        seen = {}
        for _ in range(n):
            c = self.neighbour(eco, v)
            seen.setdefault(vkey(eco, c), c)
        below = [c for c in seen.values() if vcmp(eco, c, v) < 0]
        above = [c for c in seen.values() if vcmp(eco, c, v) > 0]
        k = functools.cmp_to_key(lambda a, b: vcmp(eco, a, b))
        return sorted(below, key=k), sorted(above, key=k)


# ---------------------------------------------------------------- texts
# (weakness, summary template, details template, Japanese summary template,
#  CVSS v3.1 vector, severity label of that vector)
KINDS = [
    ("prototype pollution",
     "Prototype pollution in {name}",
     "Property paths or keys taken from input can reach Object.prototype in {name}, "
     "so one request can add properties that every object in the process then sees.",
     "{name} におけるプロトタイプ汚染の脆弱性",
     "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:H", "HIGH"),
    ("command injection",
     "Command injection through options passed to {name}",
     "An option of {name} is copied into generated code or a shell command without "
     "enough checking; an attacker who controls it can run commands.",
     "{name} に渡すオプションを介したコマンドインジェクションの脆弱性",
     "CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H", "HIGH"),
    ("regular expression denial of service",
     "Regular expression denial of service in {name}",
     "A regular expression used by {name} backtracks badly on long crafted input, "
     "so a single request can keep the process busy for a long time.",
     "{name} における正規表現によるサービス運用妨害 (ReDoS) の脆弱性",
     "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H", "HIGH"),
    ("credential leak on redirect",
     "{name} forwards credentials to another host after a redirect",
     "When {name} follows a redirect to a different host it keeps a header that carries "
     "credentials, which the new host can then read.",
     "{name} がリダイレクト先の別ホストに認証情報を送信してしまう問題",
     "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:H/I:N/A:N", "MODERATE"),
    ("open redirect",
     "Open redirect in {name}",
     "URLs that {name} builds from user input can point to another site, which helps "
     "phishing pages look as if they belong to the application.",
     "{name} におけるオープンリダイレクトの脆弱性",
     "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", "MODERATE"),
    ("code execution",
     "Arbitrary code execution when {name} processes crafted input",
     "Input handled by {name} can make it call functions chosen by the attacker, which "
     "leads to running code with the privileges of the process.",
     "{name} で細工された入力を処理すると任意のコードが実行される脆弱性",
     "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "CRITICAL"),
    ("cross-site scripting",
     "Cross-site scripting in {name}",
     "Some values that {name} writes into HTML are not escaped, so attacker-chosen "
     "markup or script can end up in a page other users open.",
     "{name} におけるクロスサイトスクリプティングの脆弱性",
     "CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:N", "MODERATE"),
    ("path traversal",
     "Path traversal in {name}",
     "File names taken from input are joined to a base directory by {name} without "
     "removing '..' segments, so files outside that directory can be read or written.",
     "{name} におけるパストラバーサルの脆弱性",
     "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", "HIGH"),
    ("signature bypass",
     "{name} may accept data whose signature was never checked",
     "Under some default settings {name} skips signature verification, so forged "
     "tokens or messages are accepted as genuine.",
     "{name} が署名を検証せずにデータを受け入れてしまう問題",
     "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:L/I:H/A:L", "HIGH"),
    ("resource exhaustion",
     "Excessive resource use when {name} parses large input",
     "{name} does not limit how many parts or how deep a structure it will parse, so "
     "a large request can exhaust memory or CPU.",
     "{name} が大きな入力を解析する際に過大なリソースを消費する問題",
     "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L", "MODERATE"),
    ("information disclosure",
     "{name} discloses sensitive data to third parties",
     "A value that should stay private, such as a token or cookie, is sent by {name} "
     "along with requests to other origins.",
     "{name} が機密情報を第三者に送信してしまう問題",
     "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N", "MODERATE"),
    ("malicious code",
     "Malicious code in some releases of {name}",
     "Some published releases of {name} contain code that was not written by the "
     "maintainers and that damages or exfiltrates data on install or use.",
     "{name} の一部のリリースに含まれる悪意のあるコード",
     "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "CRITICAL"),
]


# ---------------------------------------------------------------- main


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("outdir", help="where to write (created if missing)")
    ap.add_argument("--components", type=int, default=10000, metavar="N",
                    help="components in the SBOM (default 10000)")
    ap.add_argument("--advisories", type=int, default=50000, metavar="M",
                    help="OSV records to write (default 50000)")
    ap.add_argument("--seed", type=int, default=20240501, metavar="S",
                    help="random seed; same N, M, S, R give the same bytes (default 20240501)")
    ap.add_argument("--match-rate", type=float, default=0.03, metavar="R",
                    help="fraction of components given a matching advisory (default 0.03)")
    ap.add_argument("--force", action="store_true",
                    help="reuse a non-empty OUTDIR/osv, deleting only YMB-*.json in it")
    a = ap.parse_args(argv)
    if a.components < 1 or a.advisories < 0 or not 0 <= a.match_rate <= 1:
        ap.error("need N >= 1, M >= 0 and 0 <= R <= 1")

    osv_dir = os.path.join(a.outdir, "osv")
    os.makedirs(osv_dir, exist_ok=True)
    old = os.listdir(osv_dir)
    if old:
        if not a.force:
            ap.error("%s is not empty (use --force to replace YMB-*.json)" % osv_dir)
        for f in old:
            if re.match(r"^YMB-\d{4}-\d+\.json$", f):
                os.unlink(os.path.join(osv_dir, f))

    g = Gen(a.seed)
    r = g.r
    N, M = a.components, a.advisories
    by_version = functools.cmp_to_key

    # --- name space: the real names, then the same names with numeric suffixes
    n_npm = int(N * 0.6)
    n_py = N - n_npm
    spare = max(M // 2, 1000)  # names for the records about packages not in the SBOM
    per = 1 + max(-(-(n_npm + spare // 2) // len(NPM_NAMES)),
                  -(-(n_py + spare // 2) // len(PYPI_NAMES)))

    def names(base, eco):
        first = [(eco, n) for n in base]
        rest = [(eco, "%s-%d" % (n, k)) for k in range(1, per) for n in base]
        r.shuffle(first)
        r.shuffle(rest)
        return first + rest  # real names first, so that small corpora look real

    npm_u = names(NPM_NAMES, "npm")
    py_u = names(PYPI_NAMES, "PyPI")

    # --- components: 60% npm, 40% PyPI, a few packages present twice
    picked = npm_u[:n_npm] + py_u[:n_py]
    r.shuffle(picked)
    dup = max(1, N // 40) if N > 1 else 0
    for i in range(dup):  # same package in a second version (common with npm)
        picked[N - 1 - i] = picked[r.randrange(N - dup)]
    comps = []
    refs = set()
    for eco, name in picked:
        v = g.version(eco)
        if eco == "npm":
            purl = "pkg:npm/%s@%s" % (name.replace("@", "%40"), v)
            shown = name
        else:
            purl = "pkg:pypi/%s@%s" % (pep503(name), v)
            # SBOM tools do not always use PyPI's display spelling
            x = r.random()
            shown = name.lower() if x < 0.15 else name.replace("-", "_") if x < 0.25 else name
        ref = purl
        while ref in refs:
            ref += "#dup"
        refs.add(ref)
        comps.append(dict(eco=eco, name=name, shown=shown, version=v, purl=purl, ref=ref))

    def pkey(eco, name):
        return (eco, name if eco == "npm" else pep503(name))

    sbom_names = {pkey(c["eco"], c["name"]) for c in comps}

    # --- advisory building blocks
    records = []
    shapes = {}

    def pkg(eco, name):
        if eco == "PyPI" and r.random() < 0.3:
            name = pep503(name)  # some feeds write the normalised name
        purl = "pkg:npm/" + name.replace("@", "%40") if eco == "npm" else "pkg:pypi/" + pep503(name)
        return {"ecosystem": eco, "name": name, "purl": purl}

    def rtype(eco):
        return "SEMVER" if eco == "npm" and r.random() < 0.8 else "ECOSYSTEM"

    def ranges_of(eco, name, groups, how):
        """groups: event lists, in version order, for disjoint intervals.
        how: one range ("multi"), one range object per group ("ranges") or
        one affected entry per group ("entries")."""
        if how == "multi" or len(groups) == 1:
            return [{"package": pkg(eco, name),
                     "ranges": [{"type": rtype(eco), "events": [e for grp in groups for e in grp]}]}]
        if how == "ranges":
            t = rtype(eco)
            return [{"package": pkg(eco, name), "ranges": [{"type": t, "events": grp} for grp in groups]}]
        return [{"package": pkg(eco, name), "ranges": [{"type": rtype(eco), "events": grp}]}
                for grp in groups]

    def hit_affected(eco, name, v):
        """affected[] whose ranges contain v; returns (affected, shape)."""
        below, above = g.around(eco, v)
        shape = r.choices(("pair", "last", "open", "multi", "ranges", "versions", "entries"),
                          (40, 12, 5, 18, 8, 7, 10))[0]
        if shape == "versions":
            others = r.sample(below + above, min(len(below) + len(above), r.randint(0, 4)))
            vs = sorted(set(others) | {v}, key=by_version(lambda x, y: vcmp(eco, x, y)))
            return [{"package": pkg(eco, name), "versions": vs}], shape
        x = r.random()
        lo = "0" if x < 0.35 or not below else v if x < 0.5 else r.choice(below)
        if shape == "open" or not above:
            return ranges_of(eco, name, [[{"introduced": lo}]], "multi"), "open"
        if shape == "last":
            la = v if r.random() < 0.5 else r.choice(above)
            return ranges_of(eco, name, [[{"introduced": lo}, {"last_affected": la}]], "multi"), shape
        hi = r.choice(above)
        groups = [[{"introduced": lo}, {"fixed": hi}]]
        if shape != "pair":
            lower = [c for c in below if lo != "0" and vcmp(eco, c, lo) < 0]
            higher = [c for c in above if vcmp(eco, c, hi) > 0]
            if len(lower) >= 2:
                i = r.randrange(len(lower) - 1)
                j = r.randrange(i + 1, len(lower))
                groups.insert(0, [{"introduced": "0" if r.random() < 0.3 else lower[i]},
                                  {"fixed": lower[j]}])
            elif len(lower) == 1:
                groups.insert(0, [{"introduced": "0"}, {"fixed": lower[0]}])
            if len(higher) >= 2:
                i = r.randrange(len(higher) - 1)
                # OSV forbids last_affected and fixed in one range
                end = r.choice(("fixed", "fixed", None) if shape == "multi"
                               else ("fixed", "fixed", "last_affected", None))
                grp = [{"introduced": higher[i]}]
                if end:
                    grp.append({end: higher[r.randrange(i + 1, len(higher))]})
                groups.append(grp)
            elif len(higher) == 1:
                groups.append([{"introduced": higher[0]}])  # still unfixed
            if len(groups) == 1:
                shape = "pair"
        return ranges_of(eco, name, groups, shape), shape

    def miss_affected(eco, name, v):
        """affected[] that comes close to v without containing it."""
        below, above = g.around(eco, v)
        opts = ["fixed-at"]  # [.., v): the fixed version itself
        if below:
            opts += ["fixed-below", "last-below"]
        if len(above) >= 2:
            opts.append("above")
        if below or above:
            opts.append("versions-other")
        shape = r.choice(opts)
        if shape == "versions-other":
            others = sorted(r.sample(below + above, min(len(below) + len(above), r.randint(1, 4))),
                            key=by_version(lambda x, y: vcmp(eco, x, y)))
            return [{"package": pkg(eco, name), "versions": others}], "miss-" + shape
        if shape == "fixed-at":
            lo = "0" if not below or r.random() < 0.5 else r.choice(below)
            grp = [{"introduced": lo}, {"fixed": v}]
        elif shape == "fixed-below":
            hi = r.choice(below)
            lows = [c for c in below if vcmp(eco, c, hi) < 0]
            grp = [{"introduced": r.choice(lows) if lows and r.random() < 0.5 else "0"}, {"fixed": hi}]
        elif shape == "last-below":
            grp = [{"introduced": "0"}, {"last_affected": r.choice(below)}]
        else:
            i = r.randrange(len(above) - 1)
            grp = [{"introduced": above[i]}, {"fixed": above[i + 1]}]
        return ranges_of(eco, name, [grp], "multi"), "miss-" + shape

    def stamp(t):
        return "%04d-%02d-%02dT%02d:%02d:%02dZ" % t[:6]

    t0 = 1514764800  # 2018-01-01

    def record(eco, name, affected, shape):
        _, summ, det, ja, vec, sev = r.choice(KINDS)
        pub = t0 + r.randrange(7 * 365 * 86400)
        mod = pub + int(r.expovariate(1 / (90 * 86400)))
        pub_t, mod_t = time.gmtime(pub), time.gmtime(mod)
        rid = "YMB-%04d-%06d" % (pub_t.tm_year, len(records) + 1)
        fixed = {e["fixed"] for x in affected for rg in x.get("ranges", ()) for e in rg["events"]
                 if "fixed" in e}
        details = det.format(name=name)
        if fixed:
            details += " Fixed in %s." % ", ".join(
                sorted(fixed, key=by_version(lambda x, y: vcmp(eco, x, y))))
        elif any("versions" in x for x in affected):
            details += " Only the listed releases are affected."
        else:
            details += " No fixed release is known."
        rec = {"schema_version": "1.6.0", "id": rid,
               "modified": stamp(mod_t), "published": stamp(pub_t)}
        if r.random() < 0.8:
            rec["aliases"] = ["CVE-2999-%d" % (10000 + len(records))]
        rec["summary"] = summ.format(name=name)
        rec["details"] = details
        rec["affected"] = affected
        if r.random() < 0.9:
            rec["severity"] = [{"type": "CVSS_V3", "score": vec}]
        rec["references"] = [{"type": "PACKAGE", "url": (
            "https://www.npmjs.com/package/" + name if eco == "npm"
            else "https://pypi.org/project/" + name + "/")}]
        rec["database_specific"] = {"severity": sev, "yamori": {"summary_ja": ja.format(name=name)}}
        records.append((eco, name, rec))
        shapes[shape] = shapes.get(shape, 0) + 1

    # --- advisories: hits, near misses, then packages outside the SBOM
    n_hit = min(N, int(round(N * a.match_rate)))
    n_miss = min(N - n_hit, n_hit)
    order = list(range(N))
    r.shuffle(order)
    budget = M
    for i in order[:n_hit]:
        c = comps[i]
        for _ in range(r.choice((1, 1, 1, 2, 2, 3))):
            if budget <= 0:
                break
            aff, shape = hit_affected(c["eco"], c["name"], c["version"])
            record(c["eco"], c["name"], aff, shape)
            budget -= 1
    for i in order[n_hit:n_hit + n_miss]:
        if budget <= 0:
            break
        c = comps[i]
        aff, shape = miss_affected(c["eco"], c["name"], c["version"])
        record(c["eco"], c["name"], aff, shape)
        budget -= 1
    pool = [u for u in npm_u + py_u if pkey(*u) not in sbom_names]
    r.shuffle(pool)
    while budget > 0:
        # skewed: a few packages get many records, most get one or none
        eco, name = pool[int(len(pool) * r.random() ** 2.5)]
        aff, shape = hit_affected(eco, name, g.version(eco))
        record(eco, name, aff, "other-" + shape)
        budget -= 1

    # --- write the SBOM
    nested_every = 25  # every 25th component is placed inside the one before it
    top = []
    for i, c in enumerate(comps):
        shown = c["shown"]
        comp = {"type": "library", "bom-ref": c["ref"]}
        if c["eco"] == "npm" and shown.startswith("@"):
            comp["group"], comp["name"] = shown.split("/", 1)
        else:
            comp["name"] = shown
        comp["version"] = c["version"]
        comp["purl"] = c["purl"]
        h = r.random()
        if h < 0.3:
            comp["hashes"] = [{"alg": "SHA-256", "content": hashlib.sha256(c["ref"].encode()).hexdigest()}]
        if h < 0.7:
            comp["licenses"] = [{"license": {"id": r.choice(("MIT", "MIT", "Apache-2.0", "BSD-3-Clause", "ISC"))}}]
        if i % nested_every == nested_every - 1 and top:
            top[-1].setdefault("components", []).append(comp)
        else:
            top.append(comp)
    bom = {
        "bomFormat": "CycloneDX",
        "specVersion": "1.5",
        "serialNumber": "urn:uuid:" + str(uuid.UUID(int=r.getrandbits(128), version=4)),
        "version": 1,
        "metadata": {
            "timestamp": "2024-05-01T00:00:00Z",
            "component": {"type": "application", "bom-ref": "bench-app", "name": "yamori-bench-app",
                          "version": "%d.0.0" % N},
        },
        "components": top,
    }
    with open(os.path.join(a.outdir, "sbom.cdx.json"), "w", encoding="utf-8") as f:
        json.dump(bom, f, ensure_ascii=False, indent=2)
        f.write("\n")

    # --- write the records
    for _, _, rec in records:
        with open(os.path.join(osv_dir, rec["id"] + ".json"), "w", encoding="utf-8") as f:
            json.dump(rec, f, ensure_ascii=False, indent=2)
            f.write("\n")

    # --- expected findings (independent evaluation of what was written)
    by_pkg = {}
    for c in comps:
        key = (c["eco"], c["name"] if c["eco"] == "npm" else pep503(c["name"]))
        by_pkg.setdefault(key, []).append(c)
    findings = []
    for eco, _, rec in records:
        seen = set()
        for aff in rec["affected"]:
            pn = aff["package"]["name"]
            key = (eco, pn if eco == "npm" else pep503(pn))
            for c in by_pkg.get(key, ()):
                if c["ref"] not in seen and osv_affects(eco, aff, c["version"]):
                    seen.add(c["ref"])
                    findings.append((c["ref"], c["purl"], rec["id"]))
    findings.sort()
    with open(os.path.join(a.outdir, "expected-findings.tsv"), "w", encoding="utf-8") as f:
        f.write("bom_ref\tpurl\tadvisory\n")
        for row in findings:
            f.write("\t".join(row) + "\n")
    matched = len({x[0] for x in findings})
    stats = {
        "seed": a.seed,
        "components": N,
        "components_npm": sum(1 for c in comps if c["eco"] == "npm"),
        "components_pypi": sum(1 for c in comps if c["eco"] == "PyPI"),
        "components_nested": sum(len(t.get("components", ())) for t in top),
        "advisories": len(records),
        "advisories_on_sbom_packages": sum(1 for e, n, _ in records
                                           if (e, n if e == "npm" else pep503(n)) in sbom_names),
        "findings": len(findings),
        "components_matched": matched,
        "match_fraction": round(matched / N, 4),
        "shapes": dict(sorted(shapes.items())),
    }
    with open(os.path.join(a.outdir, "corpus-stats.json"), "w", encoding="utf-8") as f:
        json.dump(stats, f, indent=2)
        f.write("\n")
    print("wrote %d components, %d advisories, %d expected findings (%.1f%% of components) to %s"
          % (N, len(records), len(findings), 100.0 * matched / N, a.outdir), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
