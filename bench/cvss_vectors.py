#!/usr/bin/env python3
"""cvss_vectors.py - the CVSS vector sets of bench/cvss_agree.sh and
bench/cvss_throughput.sh.

usage: cvss_vectors.py OUTDIR [N [SEED]]

Writes, one vector a line:
  v4-base    all 104,976 CVSS v4.0 base vectors (Table 23 order)
  v31-base   all 2,592 CVSS v3.1 base vectors
  v30-base   all 2,592 CVSS v3.0 base vectors
  v2-base    all 729 CVSS v2 base vectors
  v4-random, v31-random, v30-random, v2-random
             N (default 200000) distinct random vectors per version: every
             base metric, then each temporal/threat, environmental (and
             v4.0 supplemental) metric with a probability p drawn per
             vector, in the specification's order, values including X/ND.
The random sets depend only on N and SEED (default 1): Python's
random.Random(SEED), one generator for the four sets in the order above.
"""
import itertools
import random
import sys

V4B = [("AV", "NALP"), ("AC", "LH"), ("AT", "NP"), ("PR", "NLH"),
       ("UI", "NPA"), ("VC", "HLN"), ("VI", "HLN"), ("VA", "HLN"),
       ("SC", "HLN"), ("SI", "HLN"), ("SA", "HLN")]
V4O = [("E", "XAPU"), ("CR", "XHML"), ("IR", "XHML"), ("AR", "XHML"),
       ("MAV", "XNALP"), ("MAC", "XLH"), ("MAT", "XNP"), ("MPR", "XNLH"),
       ("MUI", "XNPA"), ("MVC", "XHLN"), ("MVI", "XHLN"), ("MVA", "XHLN"),
       ("MSC", "XHLN"), ("MSI", "XHLNS"), ("MSA", "XHLNS"),
       ("S", "XNP"), ("AU", "XNY"), ("R", "XAUI"), ("V", "XDC"),
       ("RE", "XLMH"), ("U", ["X", "Clear", "Green", "Amber", "Red"])]
V3B = [("AV", "NALP"), ("AC", "LH"), ("PR", "NLH"), ("UI", "NR"),
       ("S", "UC"), ("C", "HLN"), ("I", "HLN"), ("A", "HLN")]
V3O = [("E", "XHFPU"), ("RL", "XUWTO"), ("RC", "XCRU"), ("CR", "XHML"),
       ("IR", "XHML"), ("AR", "XHML"), ("MAV", "XNALP"), ("MAC", "XLH"),
       ("MPR", "XNLH"), ("MUI", "XNR"), ("MS", "XUC"), ("MC", "XHLN"),
       ("MI", "XHLN"), ("MA", "XHLN")]
V2B = [("AV", "LAN"), ("AC", "HML"), ("Au", "MSN"), ("C", "NPC"),
       ("I", "NPC"), ("A", "NPC")]
V2O = [("E", ["U", "POC", "F", "H", "ND"]),
       ("RL", ["OF", "TF", "W", "U", "ND"]),
       ("RC", ["UC", "UR", "C", "ND"]),
       ("CDP", ["N", "L", "LM", "MH", "H", "ND"]),
       ("TD", ["N", "L", "M", "H", "ND"]), ("CR", ["L", "M", "H", "ND"]),
       ("IR", ["L", "M", "H", "ND"]), ("AR", ["L", "M", "H", "ND"])]


def combos(metrics):
    names = [m for m, _ in metrics]
    for vals in itertools.product(*[v for _, v in metrics]):
        yield "/".join(f"{m}:{v}" for m, v in zip(names, vals))


def rand(rnd, prefix, base, opt, k):
    seen, lines = set(), []
    tries = 0
    while len(lines) < k and tries < 20 * k:
        tries += 1
        parts = [f"{m}:{rnd.choice(list(v))}" for m, v in base]
        p = rnd.random()  # how likely each optional metric is
        for m, v in opt:
            if rnd.random() < p:
                parts.append(f"{m}:{rnd.choice(list(v))}")
        s = prefix + "/".join(parts)
        if s not in seen:
            seen.add(s)
            lines.append(s)
    return lines


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 200000
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    rnd = random.Random(seed)

    def write(name, lines):
        with open(f"{out}/{name}", "w") as f:
            f.write("\n".join(lines) + "\n")

    write("v4-base", ["CVSS:4.0/" + v for v in combos(V4B)])
    write("v31-base", ["CVSS:3.1/" + v for v in combos(V3B)])
    write("v30-base", ["CVSS:3.0/" + v for v in combos(V3B)])
    write("v2-base", list(combos(V2B)))
    write("v4-random", rand(rnd, "CVSS:4.0/", V4B, V4O, n))
    write("v31-random", rand(rnd, "CVSS:3.1/", V3B, V3O, n))
    write("v30-random", rand(rnd, "CVSS:3.0/", V3B, V3O, n))
    write("v2-random", rand(rnd, "", V2B, V2O, n))


if __name__ == "__main__":
    main()
