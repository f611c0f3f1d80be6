#!/usr/bin/env python3
"""Scales the real NVD API 2.0 samples in ../shared/data/nvd into a corpus
of NVD API pages the size of the real NVD (about 300,000 CVE records, 2,000
per page, as the API serves them), plus a daily delta (2,000 changed
records) and a full-size EPSS file (about 300,000 rows).

Records are copies of the sample records with new CVE ids and dates; their
structure (descriptions, metrics, weaknesses, configurations, references)
is the real one, so parsing and storing cost what real records cost.

usage: gen_feeds.py [--records N] [--shared DIR] OUTDIR
"""
import argparse
import copy
import glob
import gzip
import json
import os
import random


def sample_records(shared):
    recs = []
    for path in sorted(glob.glob(os.path.join(shared, "nvd/api-2.0/*.json"))):
        try:
            doc = json.load(open(path, encoding="utf-8"))
        except ValueError:
            continue
        if isinstance(doc, dict) and doc.get("format") == "NVD_CVE":
            for v in doc.get("vulnerabilities", []):
                if "cve" in v:
                    recs.append(v["cve"])
    if not recs:
        raise SystemExit("no NVD API 2.0 samples under " + shared)
    return recs


def page(recs, start, total):
    return {"resultsPerPage": len(recs), "startIndex": start,
            "totalResults": total, "format": "NVD_CVE", "version": "2.0",
            "timestamp": "2026-11-20T00:00:00.000",
            "vulnerabilities": [{"cve": r} for r in recs]}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--records", type=int, default=300000)
    ap.add_argument("--per-page", type=int, default=2000)
    ap.add_argument("--delta", type=int, default=2000)
    # the matching benchmark: copy k of a sample names its vulnerable
    # products "<product>_v<k mod K>", so that records per product stay
    # near the real NVD's instead of every copy naming the same product
    ap.add_argument("--product-variants", type=int, default=1)
    ap.add_argument("--shared", default=os.path.join(
        os.path.dirname(__file__), "..", "..", "shared", "data"))
    ap.add_argument("out")
    a = ap.parse_args()
    rnd = random.Random(11)
    samples = sample_records(a.shared)
    os.makedirs(os.path.join(a.out, "nvd"), exist_ok=True)
    os.makedirs(os.path.join(a.out, "delta"), exist_ok=True)

    def make(i, modified):
        r = copy.deepcopy(samples[i % len(samples)])
        year = 1999 + i % 27
        r["id"] = "CVE-%d-%d" % (year, 100000 + i)
        r["published"] = "%d-01-01T00:00:00.000" % year
        r["lastModified"] = modified
        variant = (i // len(samples)) % a.product_variants
        if variant:
            for c in r.get("configurations", []):
                for n in c.get("nodes", []):
                    for m in n.get("cpeMatch", []):
                        if not m.get("vulnerable"):
                            continue
                        p = m["criteria"].split(":")
                        if len(p) > 4 and p[4] not in ("*", "-"):
                            p[4] = "%s_v%d" % (p[4], variant)
                            m["criteria"] = ":".join(p)
        return r

    batch = []
    n_pages = 0
    for i in range(a.records):
        batch.append(make(i, "2026-10-01T00:00:00.000"))
        if len(batch) == a.per_page or i == a.records - 1:
            name = os.path.join(a.out, "nvd", "page-%05d.json" % n_pages)
            with open(name, "w", encoding="utf-8") as f:
                json.dump(page(batch, n_pages * a.per_page, a.records), f,
                          ensure_ascii=False)
            n_pages += 1
            batch = []
    # the daily delta: records that changed since (a newer lastModified,
    # a changed description)
    changed = sorted(rnd.sample(range(a.records), a.delta))
    delta = []
    for i in changed:
        r = make(i, "2026-11-20T00:00:00.000")
        for d in r.get("descriptions", []):
            d["value"] = d["value"] + " (updated)"
        delta.append(r)
    with open(os.path.join(a.out, "delta", "delta.json"), "w",
              encoding="utf-8") as f:
        json.dump(page(delta, 0, len(delta)), f, ensure_ascii=False)
    if a.product_variants > 1:
        print("%d records in %d pages, %d in the delta" %
              (a.records, n_pages, len(delta)))
        return
    # a full EPSS file
    with gzip.open(os.path.join(a.out, "epss_scores-2026-11-20.csv.gz"),
                   "wt", encoding="utf-8") as f:
        f.write("#model_version:v2025.03.14,score_date:"
                "2026-11-20T00:00:00+0000\ncve,epss,percentile\n")
        for i in range(a.records):
            s = rnd.random() ** 4
            f.write("CVE-%d-%d,%.5f,%.5f\n" % (1999 + i % 27, 100000 + i,
                                              s, min(s * 1.7, 1.0)))
    print("%d records in %d pages, %d in the delta" %
          (a.records, n_pages, len(delta)))


if __name__ == "__main__":
    main()
