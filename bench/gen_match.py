#!/usr/bin/env python3
"""gen_match.py - the ledger side of the matching benchmark.

    python3 bench/gen_match.py DB [--assets 10000] [--per-asset 100]
                                  [--osv-dir DIR --osv-delta OUTDIR N]

Reads the vulnerability store DB (filled with the generated NVD and OSV
corpora) and writes ASSETS assets of PER_ASSET components each straight
into its tables, deterministically:

  - 85% components with a purl: 10% of them name a package the OSV
    records cover, half with a version taken from the record's own events
    (an introduced version: affected; a fixed version: not) or near them,
    half with a current version newer than any event; the rest name
    packages no record covers, as most of a real SBOM;
  - 10% components known by CPE only, naming a vendor:product of the NVD
    records, half with a version from a criterion's bounds (or near
    them), half with a current version;
  - 5% components with neither (names only).
About a tenth of the components end up with findings, as in real
portfolios.

With --osv-delta it also writes N OSV records copied from --osv-dir with a
newer `modified` date and the last `fixed` event moved, for the
incremental-delta measurement.
"""
import argparse
import glob
import json
import os
import random
import sqlite3


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("--assets", type=int, default=10000)
    ap.add_argument("--per-asset", type=int, default=100)
    ap.add_argument("--seed", type=int, default=6)
    ap.add_argument("--osv-dir")
    ap.add_argument("--osv-delta", nargs=2, metavar=("OUTDIR", "N"))
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    db = sqlite3.connect(a.db)

    # OSV packages and the versions their events name
    pkgs = {}
    for eco, name, events in db.execute(
            "SELECT ecosystem, package, events FROM affected_ranges"
            " WHERE events IS NOT NULL"):
        vers = pkgs.setdefault((eco, name), [])
        for ev in json.loads(events):
            for v in ev.values():
                if v != "0" and len(vers) < 8:
                    vers.append(v)
    pkg_list = sorted(k for k, v in pkgs.items() if v)
    # CPE products and versions from their bounds
    prods = {}
    for crit, si, se, ei, ee in db.execute(
            "SELECT criteria, start_incl, start_excl, end_incl, end_excl"
            " FROM vuln_cpes WHERE vulnerable = 1"):
        p = crit.split(":")
        if len(p) < 6 or p[3] in ("*", "-") or p[4] in ("*", "-"):
            continue
        vers = prods.setdefault((p[2], p[3], p[4]), [])
        for v in (si, se, ei, ee, p[5]):
            if v and v not in ("*", "-") and len(vers) < 8:
                vers.append(v)
    prod_list = sorted(k for k, v in prods.items() if v)
    types = {"npm": "npm", "PyPI": "pypi"}

    def near(v):
        parts = v.split(".")
        if parts[-1].isdigit():
            parts[-1] = str(max(0, int(parts[-1]) + rnd.choice((-1, 1))))
        return ".".join(parts)

    now = "2026-11-20T00:00:00Z"
    cur = db.cursor()
    cur.execute("BEGIN")
    comp_rows = []
    for i in range(a.assets):
        cur.execute("INSERT INTO assets (kind, name, exposure, criticality,"
                    " created_at, updated_at) VALUES ('system', ?, ?, ?, ?, ?)",
                    ("bench-%05d" % i, rnd.choice(("internet", "internal")),
                     rnd.choice(("high", "medium", "low")), now, now))
        aid = cur.lastrowid
        for k in range(a.per_asset):
            x = rnd.random()
            if x < 0.85:
                if rnd.random() < 0.10 and pkg_list:
                    eco, name = rnd.choice(pkg_list)
                    if rnd.random() < 0.5:
                        v = rnd.choice(pkgs[(eco, name)])
                        if rnd.random() < 0.3:
                            v = near(v)
                    else:
                        v = "99.%d.0" % rnd.randrange(10)
                else:
                    eco = rnd.choice(("npm", "PyPI"))
                    name = "unlisted-%d" % rnd.randrange(200000)
                    v = "%d.%d.%d" % (rnd.randrange(5), rnd.randrange(20),
                                      rnd.randrange(30))
                t = types.get(eco, eco.lower())
                comp_rows.append((aid, name, v, "pkg:%s/%s@%s" % (t, name, v),
                                  None, t, name, "library"))
            elif x < 0.95 and prod_list:
                part, vendor, product = rnd.choice(prod_list)
                if rnd.random() < 0.5:
                    v = rnd.choice(prods[(part, vendor, product)])
                    if rnd.random() < 0.3:
                        v = near(v)
                else:
                    v = "99.%d" % rnd.randrange(10)
                cpe = "cpe:2.3:%s:%s:%s:%s:*:*:*:*:*:*:*" % (part, vendor,
                                                            product, v)
                comp_rows.append((aid, product, v, None, cpe, None, None,
                                  "application"))
            else:
                comp_rows.append((aid, "inhouse-tool-%d" % k, "1.0", None,
                                  None, None, None, "application"))
        if len(comp_rows) >= 100000:
            cur.executemany("INSERT INTO components (asset_id, name, version,"
                            " purl, cpe, ecosystem, pkg_key, type, source)"
                            " VALUES (?,?,?,?,?,?,?,?,'bench')", comp_rows)
            comp_rows = []
    if comp_rows:
        cur.executemany("INSERT INTO components (asset_id, name, version,"
                        " purl, cpe, ecosystem, pkg_key, type, source)"
                        " VALUES (?,?,?,?,?,?,?,?,'bench')", comp_rows)
    db.commit()
    n = db.execute("SELECT count(*) FROM components").fetchone()[0]
    print("%d assets, %d components (%d OSV packages, %d CPE products to "
          "draw from)" % (a.assets, n, len(pkg_list), len(prod_list)))

    if a.osv_delta:
        out, count = a.osv_delta[0], int(a.osv_delta[1])
        os.makedirs(out, exist_ok=True)
        files = sorted(glob.glob(os.path.join(a.osv_dir, "*.json")))
        for path in rnd.sample(files, count):
            rec = json.load(open(path, encoding="utf-8"))
            rec["modified"] = "2026-11-21T00:00:00Z"
            for aff in rec.get("affected", []):
                for r in aff.get("ranges", []):
                    evs = r.get("events", [])
                    for ev in reversed(evs):
                        if "fixed" in ev:
                            ev["fixed"] = near(ev["fixed"])
                            break
            with open(os.path.join(out, os.path.basename(path)), "w",
                      encoding="utf-8") as f:
                json.dump(rec, f)
        print("%d changed OSV records in %s" % (count, out))


if __name__ == "__main__":
    main()
