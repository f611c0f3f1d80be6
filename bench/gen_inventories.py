#!/usr/bin/env python3
"""Generates host inventory documents (the format `yamori collect` writes,
docs/inventory.md) for the ledger benchmark: N hosts with M Debian
packages each, drawn from a pool so hosts share most packages, as real
fleets do.

usage: gen_inventories.py [--hosts N] [--packages M] OUTDIR
"""
import argparse
import json
import os
import random


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--hosts", type=int, default=1000)
    ap.add_argument("--packages", type=int, default=1500)
    ap.add_argument("out")
    a = ap.parse_args()
    rnd = random.Random(5)
    os.makedirs(a.out, exist_ok=True)
    pool = ["pkg%04d" % i for i in range(a.packages * 2)]
    for h in range(a.hosts):
        names = sorted(rnd.sample(pool, a.packages))
        doc = {
            "format": "yamori-inventory", "version": 1,
            "collected_at": "2026-11-20T00:00:00Z",
            "host": {"hostname": "host%04d.example.jp",
                     "fqdn": None,
                     "os": {"id": "debian", "version_id": "12",
                            "name": "Debian GNU/Linux",
                            "pretty_name": "Debian GNU/Linux 12 (bookworm)",
                            "id_like": None},
                     "kernel": "6.1.0-18-amd64", "arch": "x86_64",
                     "machine_id": "%032x" % h},
            "packages": [{"type": "deb", "name": n,
                          "version": "1.%d.%d-%d" % (rnd.randrange(9),
                                                     rnd.randrange(30), 1),
                          "arch": "amd64", "source_name": n,
                          "source_version": "1.0-1", "status": "installed"}
                         for n in names],
            "notes": []}
        doc["host"]["hostname"] = doc["host"]["hostname"] % h
        with open(os.path.join(a.out, "host%04d.json" % h), "w") as f:
            json.dump(doc, f)
    print("%d inventories of %d packages" % (a.hosts, a.packages))


if __name__ == "__main__":
    main()
