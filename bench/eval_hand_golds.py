#!/usr/bin/env python3
"""Score the builder on every hand gold in ../shared/eval/gold/ (issue 12's measure).

    python bench/eval_hand_golds.py                # table per gold, per kind, in total
    python bench/eval_hand_golds.py --verbose      # also every missed and spurious unit
    python bench/eval_hand_golds.py --only S_RES_82_1950 A_RES_75_48

The texts are the ones the golds were annotated on (../shared/eval/hand_inputs.py
writes them, with the --symbol to pass); the builder reads each in this process
and ../shared/eval/score.py's own functions compare.  Printed: clause-level
reference F1/P/R per gold and in total (micro-averaged, as score.py does for
several pairs), per reference kind, verb accuracy (over gold clauses with a
verb) and addressee F1.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"
KINDS = ("resolution", "document", "instrument", "provision", "body", "office")


def load_scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", nargs="*", help="gold names (file stems) to score")
    ap.add_argument("--verbose", "-v", action="store_true")
    ap.add_argument("--json", help="also write the numbers to this file")
    a = ap.parse_args()
    if not (SHARED / "eval" / "hand_inputs.py").is_file():
        print("../shared/eval is not present: nothing to measure", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT / "src"))
    from graph_builder.contract import to_contract
    from graph_builder.models import DocumentInfo
    from graph_builder.pipeline import extract_path

    scorer = load_scorer()
    golds = sorted((SHARED / "eval" / "gold").glob("*.json"))
    if a.only:
        golds = [g for g in golds if g.stem in set(a.only)]
    total: Counter = Counter()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        listing = subprocess.run([sys.executable, str(SHARED / "eval" / "hand_inputs.py"), tmp, *map(str, golds)],
                                 check=True, capture_output=True, text=True).stdout
        print(f"{'gold':22} {'F1':>6} {'P':>6} {'R':>6} {'verb':>6} {'addrF1':>6}  clauses")
        for line in listing.splitlines():
            gold_path, text_path, symbol = line.split("\t")
            gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
            given = DocumentInfo(symbol="" if symbol == "-" else symbol)
            got = to_contract(extract_path(text_path, given))
            c: Counter = Counter()
            gc, xc = scorer.clause_table(gold), scorer.clause_table(got)
            c["clauses.gold"] += len(gc)
            c["clauses.matched"] += len(gc.keys() & xc.keys())
            c["clauses.extra"] += len(xc.keys() - gc.keys())
            for cid in gc.keys() & xc.keys():
                gv, xv = scorer.verb_head(gc[cid].get("verb", "")), scorer.verb_head(xc[cid].get("verb", ""))
                c["verb.ok"] += bool(gv) and gv == xv
            c["verb.gold"] += sum(1 for v in gc.values() if scorer.verb_head(v.get("verb", "")))
            kinds = set(gold["scored_kinds"]) if "scored_kinds" in gold else set(scorer.PRIMARY_KINDS)
            fold = gold.get("complete") is False
            gu, xu = scorer.units(gold, kinds, fold), scorer.units(got, kinds, fold)
            c["ref.tp"], c["ref.fp"], c["ref.fn"] = len(gu & xu), len(xu - gu), len(gu - xu)
            for k in KINDS:
                gk, xk = {u for u in gu if u[1] == k}, {u for u in xu if u[1] == k}
                c[f"{k}.tp"], c[f"{k}.fp"], c[f"{k}.fn"] = len(gk & xk), len(xk - gk), len(gk - xk)
            ga, xa = scorer.addressees(gold), scorer.addressees(got)
            c["addr.tp"], c["addr.fp"], c["addr.fn"] = len(ga & xa), len(xa - ga), len(ga - xa)
            total.update(c)
            p, r, f = prf(c["ref.tp"], c["ref.fp"], c["ref.fn"])
            verb = c["verb.ok"] / (c["verb.gold"] or 1)
            af = prf(c["addr.tp"], c["addr.fp"], c["addr.fn"])[2]
            name = Path(gold_path).stem
            print(f"{name:22} {f:6.3f} {p:6.3f} {r:6.3f} {verb:6.3f} {af:6.3f}  {c['clauses.matched']}/{c['clauses.gold']}"
                  f" (extra {c['clauses.extra']})")
            rows.append({"gold": name, "f1": f, "p": p, "r": r, "verb": verb, "addressee_f1": af})
            if a.verbose:
                for cid in sorted(gc.keys() - xc.keys()):
                    print(f"    missing clause {cid}")
                for cid in sorted(xc.keys() - gc.keys()):
                    print(f"    extra clause {cid}")
                for u in sorted(gu - xu):
                    print(f"    missed   {u[0]:8} {u[1]:11} {u[2]}")
                for u in sorted(xu - gu):
                    print(f"    spurious {u[0]:8} {u[1]:11} {u[2]}")
                for u in sorted(ga - xa):
                    print(f"    missed addressee   {u[0]:8} {u[1]}")
                for u in sorted(xa - ga):
                    print(f"    spurious addressee {u[0]:8} {u[1]}")
    p, r, f = prf(total["ref.tp"], total["ref.fp"], total["ref.fn"])
    verb = total["verb.ok"] / (total["verb.gold"] or 1)
    af = prf(total["addr.tp"], total["addr.fp"], total["addr.fn"])[2]
    print(f"{'TOTAL':22} {f:6.3f} {p:6.3f} {r:6.3f} {verb:6.3f} {af:6.3f}  {total['clauses.matched']}/{total['clauses.gold']}"
          f" (extra {total['clauses.extra']})")
    print(f"\n{'kind':12} {'gold':>5} {'P':>6} {'R':>6} {'F1':>6}")
    per_kind = {}
    for k in KINDS:
        tp, fp, fn = total[f"{k}.tp"], total[f"{k}.fp"], total[f"{k}.fn"]
        kp, kr, kf = prf(tp, fp, fn)
        per_kind[k] = {"gold": tp + fn, "p": kp, "r": kr, "f1": kf}
        print(f"{k:12} {tp + fn:5d} {kp:6.3f} {kr:6.3f} {kf:6.3f}")
    print(f"\nreference F1 (clause level): {f:.3f}")
    if a.json:
        Path(a.json).write_text(json.dumps({"golds": rows, "total": {"f1": f, "p": p, "r": r, "verb": verb,
                                                                      "addressee_f1": af}, "kinds": per_kind},
                                           indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
