#!/usr/bin/env python3
"""Builds a labelled matching set from real OSV advisories.

OSV records that list the affected `versions` next to their `ranges` give
exact truth: every listed version is affected; every `fixed` version of
the ranges is not (unless also listed). The records are rewritten without
their `versions` lists, so yamori has to decide from the ranges alone, and
one SBOM holds a component per (package, version) to check.

usage: match_truth.py SHARED_DATA OUTDIR YAMORI   (writes OUTDIR/osv/*.json,
OUTDIR/sbom.cdx.json, OUTDIR/truth.tsv: purl, advisory, expected 0/1)
"""
import glob
import json
import os
import sys

PURL_TYPES = {"PyPI": "pypi", "Go": "golang", "crates.io": "cargo"}


def purl(eco, name, version):
    t = PURL_TYPES[eco]
    if t == "pypi":
        # the pypi type definition: name and version are case-insensitive
        name = name.lower().replace("_", "-").replace(".", "-")
        version = version.lower()
    return "pkg:%s/%s@%s" % (t, name, version)


def readable(yamori, versions):
    """The PyPI versions PEP 440 can read (yamori version cmp --batch);
    legacy ones such as 0.7.10p1 or 0.1-bulbasaur cannot be ordered by
    any PEP 440 implementation and are left out of the truth."""
    import subprocess
    vs = sorted(versions)
    out = subprocess.run([yamori, "version", "cmp", "--scheme", "pypi",
                          "--batch"], input="".join("%s\t%s\n" % (v, v)
                                                     for v in vs),
                         capture_output=True, text=True).stdout.split("\n")
    return {v for v, r in zip(vs, out) if r.strip() == "0"}


def main():
    shared, out, yamori = sys.argv[1], sys.argv[2], sys.argv[3]
    os.makedirs(os.path.join(out, "osv"), exist_ok=True)
    comps, truth, n_rec = {}, set(), 0
    legacy, contradictory = 0, 0
    pypi_versions = set()
    records = []
    files = sorted(glob.glob(os.path.join(shared, "osv", "pypa", "*", "*.json")) +
                   glob.glob(os.path.join(shared, "osv", "rustsec", "*.json")) +
                   glob.glob(os.path.join(shared, "osv", "go-vulndb", "*.json")))
    for path in files:
        try:
            rec = json.load(open(path, encoding="utf-8"))
        except ValueError:
            continue
        if not isinstance(rec, dict) or rec.get("withdrawn"):
            continue
        records.append((path, rec))
        for aff in rec.get("affected", []):
            if aff.get("package", {}).get("ecosystem") == "PyPI":
                pypi_versions.update(aff.get("versions") or [])
                for r in aff.get("ranges", []):
                    for ev in r.get("events", []):
                        if ev.get("fixed"):
                            pypi_versions.add(ev["fixed"])
    ok_pypi = readable(yamori, pypi_versions)
    for path, rec in records:
        used = False
        for aff in rec.get("affected", []):
            pkg = aff.get("package", {})
            eco, name = pkg.get("ecosystem"), pkg.get("name")
            versions = aff.get("versions") or []
            if eco not in PURL_TYPES or not name or not versions:
                continue
            ranges = [r for r in aff.get("ranges", [])
                      if r.get("type") in ("ECOSYSTEM", "SEMVER")]
            if not ranges:
                continue
            used = True
            fixed = {ev["fixed"] for r in ranges for ev in r.get("events", [])
                     if ev.get("fixed")}
            listed = set(versions)
            for v in listed:
                if eco == "PyPI" and v not in ok_pypi:
                    legacy += 1
                    continue
                # listed as affected but the fix itself or a post/local
                # release of it (always >= the fix in PEP 440): the record
                # contradicts itself (its versions came from a GIT range)
                if any(v == f or v.startswith(f + ".post") or
                       v.startswith(f + "+") for f in fixed):
                    contradictory += 1
                    continue
                p = purl(eco, name, v)
                comps[p] = (name, v)
                truth.add((p, rec["id"], 1))
            for v in fixed - listed:
                if eco == "PyPI" and v not in ok_pypi:
                    continue
                p = purl(eco, name, v)
                comps[p] = (name, v)
                truth.add((p, rec["id"], 0))
            aff.pop("versions", None)
        if used:
            n_rec += 1
            with open(os.path.join(out, "osv", os.path.basename(path)), "w",
                      encoding="utf-8") as f:
                json.dump(rec, f)
    bom = {"bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1,
           "metadata": {"component": {"type": "application", "name": "truth"}},
           "components": [{"type": "library", "name": n, "version": v,
                           "purl": p} for p, (n, v) in sorted(comps.items())]}
    json.dump(bom, open(os.path.join(out, "sbom.cdx.json"), "w"))
    with open(os.path.join(out, "truth.tsv"), "w") as f:
        for p, adv, label in sorted(truth):
            f.write("%s\t%s\t%d\n" % (p, adv, label))
    print(n_rec, len(comps), sum(1 for t in truth if t[2]),
          sum(1 for t in truth if not t[2]), legacy, contradictory)


if __name__ == "__main__":
    main()
