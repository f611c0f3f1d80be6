#!/usr/bin/env python3
"""Conformance of yamori's version schemes with the shared test vectors.

Reads every ordering and range table in ../shared/data/versions that maps
to a scheme yamori implements, runs the rows through `yamori version cmp
--batch` / `version in --batch`, and compares. Rows listed in
version-divergences.tsv (each with the specification text that justifies
it) must give exactly the recorded answer; every other row must agree.
Prints one line per table and exits 1 on any unexpected result.
"""
import json
import os
import subprocess
import sys

YAMORI = os.environ["YAMORI"]
DATA = sys.argv[1]
HERE = os.path.dirname(os.path.abspath(__file__))

# table file (relative to DATA) -> scheme
CMP_TABLES = {
    "ecosystems/alpine.tsv": "apk",
    "ecosystems/alpine-generated.tsv": "apk",
    "ecosystems/debian.tsv": "deb",
    "ecosystems/debian-generated.tsv": "deb",
    "ecosystems/maven.tsv": "maven",
    "ecosystems/maven-generated.tsv": "maven",
    "ecosystems/nuget.tsv": "nuget",
    "ecosystems/pypi.tsv": "pypi",
    "ecosystems/pypi-generated.tsv": "pypi",
    "ecosystems/redhat.tsv": "rpm",
    "ecosystems/rubygems.tsv": "gem",
    "ecosystems/rubygems-generated.tsv": "gem",
    "ecosystems/semver.tsv": "golang",
    "ecosystems/packagist.tsv": "composer",
    "ecosystems/packagist-generated.tsv": "composer",
    "ecosystems/pub.tsv": "pub",
    "ecosystems/cran.tsv": "cran",
    "ecosystems/cran-generated.tsv": "cran",
    "ecosystems/hackage.tsv": "hackage",
    "rpm/rpmvercmp.tsv": "rpm",
    "pep440/compare.tsv": "pypi",
}
UNIVERS_CMP = {
    "univers/maven_version_cmp.json": "maven",
    "univers/nuget_version_cmp.json": "nuget",
    "univers/alpine_version_cmp.json": "apk",
    "univers/deb_version_python_pkg_test.json": "deb",
    "univers/alpm_version_cmp.json": "alpm",
    "univers/gentoo_version_cmp.json": "gentoo",
    "univers/conan_version_cmp.json": "conan",
    "univers/openssl_version_cmp.json": "openssl",
}


def unescape(s):
    if s == "<null>":
        return None
    out, i = [], 0
    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s):
            out.append({"t": "\t", "n": "\n", "\\": "\\"}.get(s[i + 1], s[i + 1]))
            i += 2
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


def tsv(path):
    with open(path, encoding="utf-8") as f:
        head = f.readline().rstrip("\n").split("\t")
        for line in f:
            cols = [unescape(c) for c in line.rstrip("\n").split("\t")]
            cols += [""] * (len(head) - len(cols))
            yield dict(zip(head, cols))


def schemes():
    out = subprocess.run([YAMORI, "version", "--help"], capture_output=True,
                         text=True).stdout
    return out


def run(kind, scheme, rows):
    """rows: list of (a, b); returns list of outputs ('-1', 'true', 'error')."""
    inp = "".join(f"{a}\t{b}\n" for a, b in rows)
    args = [YAMORI, "--quiet", "version", kind, "--batch"]
    if scheme:
        args[3:3] = []
        args += ["--scheme", scheme]
    p = subprocess.run(args, input=inp, capture_output=True, text=True)
    if p.returncode == 2:
        return None  # scheme not built
    return p.stdout.rstrip("\n").split("\n") if rows else []


def main():
    div = {}
    with open(os.path.join(HERE, "version-divergences.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            table, a, b, got, _why = line.rstrip("\n").split("\t", 4)
            div[(table, a, b)] = got
    cases = []  # (table, kind, scheme, a, b, expected)
    for rel, scheme in CMP_TABLES.items():
        path = os.path.join(DATA, rel)
        if not os.path.exists(path):
            continue
        for r in tsv(path):
            cases.append((rel, "cmp", scheme, r["left"], r["right"], r["expected_cmp"]))
    for rel, scheme in UNIVERS_CMP.items():
        path = os.path.join(DATA, rel)
        if not os.path.exists(path):
            continue
        for t in json.load(open(path, encoding="utf-8")):
            a, b = t["input"]["versions"]
            if t["test_type"] == "equality":
                exp = "0" if t["expected_output"] else "!0"
            else:
                # the expected list holds the versions sorted, possibly
                # in a normalised spelling (lower case)
                out = [v.lower() for v in t["expected_output"]]
                exp = "-1" if out == [a.lower(), b.lower()] else "1"
                if a == b:
                    exp = "0"
            cases.append((rel, "cmp", scheme, a, b, exp))
    apk = os.path.join(DATA, "univers/alpine_apk_version.data.txt")
    if os.path.exists(apk):
        for line in open(apk, encoding="utf-8"):
            p = line.split()
            if len(p) == 3:
                cases.append(("univers/alpine_apk_version.data.txt", "cmp", "apk",
                              p[0], p[2], {"<": "-1", "=": "0", ">": "1"}[p[1]]))
    # range membership
    for r in tsv(os.path.join(DATA, "pep440/specifier_contains.tsv")):
        cases.append(("pep440/specifier_contains.tsv", "in", "pypi",
                      r["version"], r["specifier"], r["expected"]))
    for r in tsv(os.path.join(DATA, "semver-npm/satisfies.tsv")):
        if "includePrerelease" in (r.get("options") or ""):
            continue  # not exposed by the CLI; covered by unit tests
        cases.append(("semver-npm/satisfies.tsv", "in", "npm",
                      r["version"], r["range"], r["expected"]))
    for r in tsv(os.path.join(DATA, "semver-npm/compare.tsv")):
        # node-semver trims and takes a leading "v" even when not loose;
        # the npm scheme is node-semver's
        cases.append(("semver-npm/compare.tsv", "cmp", "npm",
                      r["left"], r["right"], r["expected_cmp"]))
    for r in tsv(os.path.join(DATA, "pep440/invalid_versions.tsv")):
        cases.append(("pep440/invalid_versions.tsv", "cmp", "pypi",
                      r["version"], "1.0", "error"))

    groups = {}
    for i, c in enumerate(cases):
        groups.setdefault((c[1], c[2]), []).append(i)
    results = [None] * len(cases)
    missing = set()
    for (kind, scheme), idx in groups.items():
        out = run(kind, scheme, [(cases[i][3], cases[i][4]) for i in idx])
        if out is None:
            missing.add(scheme)
            continue
        for i, o in zip(idx, out):
            results[i] = o
    per = {}
    bad = 0
    for c, got in zip(cases, results):
        table = c[0]
        st = per.setdefault(table, [0, 0, 0, 0])  # agree, divergent, failed, skipped
        if got is None:
            st[3] += 1
            continue
        exp = c[5]
        ok = got == exp or (exp == "!0" and got in ("-1", "1"))
        key = (table, c[3], c[4])
        if key in div:
            if got == div[key]:
                st[1] += 1
            else:
                st[2] += 1
                bad += 1
                print(f"FAIL {table}: {c[3]!r} vs {c[4]!r}: got {got}, divergence file says {div[key]}")
        elif ok:
            st[0] += 1
        else:
            st[2] += 1
            bad += 1
            if bad <= 400:
                print(f"FAIL {table}: {c[3]!r} vs {c[4]!r} ({c[2]} {c[1]}): got {got}, expected {exp}")
    for table in sorted(per):
        a, d, f, s = per[table]
        note = f", {s} skipped (scheme not built)" if s else ""
        print(f"{table}: {a} agree, {d} documented divergences, {f} failed{note}")
    if missing:
        print("schemes not built: " + ", ".join(sorted(missing)))
    print(f"{len(cases)} rows, {bad} unexpected")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
