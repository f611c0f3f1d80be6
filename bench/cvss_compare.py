#!/usr/bin/env python3
"""cvss_compare.py - compare `yamori cvss --batch --all` output with a
JS peer's `--all` output (bench/cvss_agree.sh).

usage: cvss_compare.py NAME OURS PEER [MAX_EXAMPLES]

OURS:  VECTOR SCORE SEVERITY BASE TEMPORAL ENV NOMENCLATURE (tab-separated)
PEER:  v2/v3: VECTOR BASE TEMPORAL ENV (NA: the peer gives none);
       v4.0:  VECTOR SCORE NA NA
Compared: every number the peer gives (v4.0: the one score, CVSS-B/-BT/
-BE/-BTE as the vector says). A vector one side rejects and the other
scores is a disagreement.

v2 disagreements are checked against the guide (FIRST, "A Complete Guide
to the CVSS Version 2.0", 3.2): a v2 difference counts as "explained"
when the guide's equations evaluated in exact decimal give our numbers
and the variant ae-cvss-calculator implements (AdjustedBase and
AdjustedTemporal not rounded, Exploitability rounded to one decimal,
binary floating point) gives the peer's. Anything else is unexplained.

Prints "RESULT NAME compared=N agree=A disagree=D explained=E
unexplained=U" and up to MAX_EXAMPLES (default 5) "DIFF" lines per kind.
Exit status 1 if any disagreement is unexplained.
"""
import math
import sys
from decimal import Decimal as D, ROUND_HALF_UP

# v2 weights (guide 3.2.1-3.2.3), as decimal strings
W2 = {"AV": {"L": "0.395", "A": "0.646", "N": "1.0"},
      "AC": {"H": "0.35", "M": "0.61", "L": "0.71"},
      "Au": {"M": "0.45", "S": "0.56", "N": "0.704"},
      "C": {"N": "0", "P": "0.275", "C": "0.660"},
      "E": {"U": "0.85", "POC": "0.9", "F": "0.95", "H": "1", "ND": "1"},
      "RL": {"OF": "0.87", "TF": "0.9", "W": "0.95", "U": "1", "ND": "1"},
      "RC": {"UC": "0.9", "UR": "0.95", "C": "1", "ND": "1"},
      "CDP": {"N": "0", "L": "0.1", "LM": "0.3", "MH": "0.4", "H": "0.5",
              "ND": "0"},
      "TD": {"N": "0", "L": "0.25", "M": "0.75", "H": "1", "ND": "1"},
      "CR": {"L": "0.5", "M": "1", "H": "1.51", "ND": "1"}}
DEF2 = {"E": "ND", "RL": "ND", "RC": "ND", "CDP": "ND", "TD": "ND",
        "CR": "ND", "IR": "ND", "AR": "ND"}


def metrics2(vec):
    return dict(DEF2, **dict(c.split(":") for c in vec.split("/")))


def guide_v2(vec):
    """(base, temporal, environmental) by the guide, exact decimal."""
    m = metrics2(vec)
    w = lambda k, t=None: D(W2[t or k][m[k]])
    q = lambda x: x.quantize(D("0.1"), rounding=ROUND_HALF_UP)
    ex = 20 * w("AV") * w("AC") * w("Au")

    def base_eq(impact):
        f = 0 if impact == 0 else D("1.176")
        return q((D("0.6") * impact + D("0.4") * ex - D("1.5")) * f)
    tw = w("E") * w("RL") * w("RC")
    impact = D("10.41") * (1 - (1 - w("C")) * (1 - w("I", "C")) *
                           (1 - w("A", "C")))
    base = base_eq(impact)
    temporal = q(base * tw)
    adj = min(D(10), D("10.41") * (1 - (1 - w("C") * w("CR", "CR")) *
                                   (1 - w("I", "C") * w("IR", "CR")) *
                                   (1 - w("A", "C") * w("AR", "CR"))))
    adj_t = q(base_eq(adj) * tw)
    env = q((adj_t + (10 - adj_t) * w("CDP")) * w("TD"))
    return [f"{x:.1f}" for x in (base, temporal, env)]


def ae_v2(vec):
    """The same as ae-cvss-calculator 1.0.13 computes it (binary)."""
    m = metrics2(vec)
    w = lambda k, t=None: float(W2[t or k][m[k]])
    r = lambda x: math.floor(x * 10 + 0.5) / 10  # Math.round(x * 10) / 10
    ex = 20 * w("AV") * w("AC") * w("Au")
    impact = 10.41 * (1 - (1 - w("C")) * (1 - w("I", "C")) *
                      (1 - w("A", "C")))
    f = 0 if impact == 0 else 1.176
    base = r((0.6 * impact + 0.4 * ex - 1.5) * f)
    temporal = r(base * w("E") * w("RL") * w("RC"))
    adj = min(10, 10.41 * (1 - (1 - w("C") * w("CR", "CR")) *
                           (1 - w("I", "C") * w("IR", "CR")) *
                           (1 - w("A", "C") * w("AR", "CR"))))
    exr = r(ex)  # the peer rounds Exploitability
    f = 0 if adj == 0 else 1.176
    at = (0.6 * adj + 0.4 * exr - 1.5) * f * w("E") * w("RL") * w("RC")
    env = r((at + (10 - at) * w("CDP")) * w("TD"))
    return [f"{x:.1f}" for x in (base, temporal, env)]


def main():
    name, ours_p, peer_p = sys.argv[1:4]
    max_ex = int(sys.argv[4]) if len(sys.argv) > 4 else 5
    ours = {}
    for line in open(ours_p):
        f = line.rstrip("\n").split("\t")
        ours[f[0]] = f
    n = agree = explained = unexplained = 0
    shown = {"explained": 0, "unexplained": 0}
    for line in open(peer_p):
        f = line.rstrip("\n").split("\t")
        n += 1
        o = ours.get(f[0])
        if o is None or o[1] == "error" or f[1].startswith("ERROR"):
            ok = o is not None and o[1] == "error" and \
                f[1].startswith("ERROR")
            why = f"ours {o[1:3] if o else 'missing'}, peer {f[1]}"
            mine = theirs = None
        elif f[0].startswith("CVSS:4.0/"):
            mine, theirs = [o[1]], [f[1]]
            ok = mine == theirs
            why = f"ours {o[1]}, peer {f[1]}"
        else:
            mine, theirs = o[3:6], f[1:4]
            ok = all(p in ("NA", m) for p, m in zip(theirs, mine))
            why = f"ours {mine}, peer {theirs} (base, temporal, env)"
        if ok:
            agree += 1
            continue
        kind = "unexplained"
        if mine and not f[0].startswith("CVSS:"):
            g = guide_v2(f[0])
            a = ae_v2(f[0])
            if g == mine and all(p in ("NA", x) for p, x in zip(theirs, a)):
                kind = "explained"
        if kind == "explained":
            explained += 1
        else:
            unexplained += 1
        if shown[kind] < max_ex:
            shown[kind] += 1
            print(f"  DIFF {name} {kind}: {f[0]}: {why}")
    print(f"RESULT {name} compared={n} agree={agree} "
          f"disagree={explained + unexplained} explained={explained} "
          f"unexplained={unexplained}")
    sys.exit(1 if unexplained else 0)


if __name__ == "__main__":
    main()
