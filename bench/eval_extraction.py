#!/usr/bin/env python3
"""Measure extraction on real resolutions against golds made from the UN's own XML.

    python bench/eval_extraction.py                 # PDF-like texts (issue 2)
    python bench/eval_extraction.py --input xml     # the XML itself (issue 3)
    python bench/eval_extraction.py --sets ga74-77 sc2020-26 ecosoc --spurious 20

For each set, ../shared/eval/akn_gold.py turns every XML resolution into a
PDF-like text and a partial gold (the references the UN's markup links);
the builder reads the text (or the XML) and ../shared/eval/score.py's own
measures compare.  Printed per set: clauses found, clause kind and verb
accuracy, footnote anchors, and symbol references (resolutions and documents,
folded together since the markup does not say which is which) at document and
clause level.  Precision is a lower bound: the markup does not link every
symbol, so read the spurious list before trusting it.

Two verb accuracies are printed: score.py's (over every gold clause, so annex
paragraphs and markup paragraphs without an opening verb count as misses) and
over the gold clauses that have a verb.  Likewise clauses found is printed over
every gold clause and over the clauses that are not markup artefacts (an
unnumbered "paragraph" element with no opening verb: a heading, an empty
paragraph or a list item the markup made a paragraph).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"
SETS = {
    "ga74-77": [f"unxml-ga/{n}session" for n in (74, 75, 76, 77)],
    "sc2020-26": [f"unxml-sc/{y}" for y in range(2020, 2027)],
    "ecosoc": [f"unxml-ecosoc/{y}" for y in range(2021, 2026)],
    "hrc": [f"unxml-hrc/{n}session" for n in range(54, 61)],
    "ga78-80": [f"unxml-ga/{n}session" for n in (78, 79, 80)],
}


def load_scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def make_texts(folders: list[str], cache: Path) -> list[Path]:
    """akn_gold.py --style pdf over the folders, once; returns the gold files."""
    golds: list[Path] = []
    for folder in folders:
        out = cache / folder.replace("/", "_")
        if not out.is_dir() or not any(out.glob("*.json")):
            out.mkdir(parents=True, exist_ok=True)
            xml = sorted((SHARED / "corpus" / folder).glob("*.xml"))
            subprocess.run([sys.executable, str(SHARED / "eval" / "akn_gold.py"), *map(str, xml), str(out),
                            "--style", "pdf"], check=False, capture_output=True)
        golds.extend(sorted(out.glob("*.json")))
    return golds


def extract_one(job: tuple[str, str, str]) -> tuple[str, dict | None, str]:
    gold_path, mode, folder = job
    from graph_builder.contract import to_contract
    from graph_builder.pipeline import extract_path

    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    if mode == "xml":
        source = SHARED / "corpus" / folder / gold["source_xml"]
    else:
        source = Path(gold_path).with_suffix(".txt")
    try:
        return gold_path, to_contract(extract_path(source)), ""
    except Exception as exc:  # a crash is a finding of the benchmark, not its end
        return gold_path, None, f"{type(exc).__name__}: {exc}"


def artefact(clause: dict) -> bool:
    """A gold clause that is a markup artefact: an unnumbered paragraph with no opening verb."""
    cid = clause["id"].split(".")[-1]
    return not clause.get("verb") and (cid.startswith("uop") or cid.startswith("up"))


def measure(name: str, golds: list[Path], mode: str, jobs: int, scorer, show_spurious: int) -> dict:
    folder_of = {g: next(f for f in SETS[name] if g.parent.name == f.replace("/", "_")) for g in golds}
    t0 = time.perf_counter()
    results = []
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for r in pool.map(extract_one, [(str(g), mode, folder_of[g]) for g in golds], chunksize=8):
            results.append(r)
    elapsed = time.perf_counter() - t0
    c: Counter = Counter()
    spurious: Counter = Counter()
    missed: Counter = Counter()
    crashes = []
    for gold_path, got, err in results:
        gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
        if got is None:
            crashes.append((gold_path, err))
            continue
        gc = scorer.clause_table(gold)
        xc = scorer.clause_table(got)
        tops = [str(x.get("id")) for x in gold.get("clauses", []) if scorer.top_clause(str(x.get("id"))) == str(x.get("id"))]
        repeats = len(tops) != len(set(tops))  # numbering that restarts in sections the markup does not mark
        c["repeating"] += repeats
        c["gold"] += len(gc)
        c["found"] += len(gc.keys() & xc.keys())
        c["extra"] += len(xc.keys() - gc.keys())
        real = {k for k, v in gc.items() if not artefact(v)}
        c["gold_real"] += len(real)
        c["found_real"] += len(real & xc.keys())
        for k in gc.keys() & xc.keys():
            c["kind_ok"] += gc[k].get("kind") == xc[k].get("kind")
            gv, xv = scorer.verb_head(gc[k].get("verb", "")), scorer.verb_head(xc[k].get("verb", ""))
            if gv:
                c["verb_gold"] += 1
                c["verb_ok"] += gv == xv
                c["verb_ok_unique"] += gv == xv and not repeats
        c["verb_gold_all"] += sum(1 for v in gc.values() if v.get("verb"))
        if not repeats:
            c["gold_unique"] += len(gc)
            c["found_unique"] += len(gc.keys() & xc.keys())
            c["verb_gold_all_unique"] += sum(1 for v in gc.values() if v.get("verb"))
        ga, xa = scorer.anchors(gold), scorer.anchors(got)
        c["anchor_gold"] += len(ga)
        c["anchor_got"] += len(xa)
        c["anchor_ok"] += len(ga & xa)
        kinds = set(gold.get("scored_kinds") or [])
        if not kinds:
            continue
        gu = scorer.units(gold, kinds, True)
        xu = scorer.units(got, kinds, True)
        c["ref_gold"] += len(gu)
        c["ref_got"] += len(xu)
        c["ref_ok"] += len(gu & xu)
        gd, xd = {u[1:] for u in gu}, {u[1:] for u in xu}
        own = scorer.norm_key("document", gold["document"].get("symbol", ""))
        xd.discard(("symbol", own))
        c["doc_gold"] += len(gd)
        c["doc_got"] += len(xd)
        c["doc_ok"] += len(gd & xd)
        for u in xd - gd:
            spurious[u[1]] += 1
        for u in gd - xd:
            missed[u[1]] += 1
    def ratio(a: str, b: str) -> float:
        return c[a] / c[b] if c[b] else 1.0
    row = {
        "set": name, "documents": len(golds), "seconds": round(elapsed, 1), "crashes": len(crashes),
        "clauses_found": ratio("found", "gold"), "clauses_found_excl_artefacts": ratio("found_real", "gold_real"),
        "extra_clauses": c["extra"],
        "kind_accuracy": ratio("kind_ok", "found"),
        "verb_accuracy_score_py": c["verb_ok"] / c["gold"] if c["gold"] else 1.0,
        "verb_accuracy_gold_verbs": ratio("verb_ok", "verb_gold_all"),
        "golds_repeating_an_id": c["repeating"], "clauses_found_unique_ids": ratio("found_unique", "gold_unique"),
        "verb_accuracy_unique_ids": ratio("verb_ok_unique", "verb_gold_all_unique"),
        "anchor_recall": ratio("anchor_ok", "anchor_gold"), "anchor_precision": ratio("anchor_ok", "anchor_got"),
        "symbol_recall_doc": ratio("doc_ok", "doc_gold"), "symbol_precision_doc": ratio("doc_ok", "doc_got"),
        "symbol_recall_clause": ratio("ref_ok", "ref_gold"), "symbol_precision_clause": ratio("ref_ok", "ref_got"),
    }
    print(f"== {name} ({mode}): {len(golds)} resolutions, {elapsed:.1f} s, {len(crashes)} crashes")
    print(f"  clauses found {row['clauses_found']:.4f} (excluding markup artefacts {row['clauses_found_excl_artefacts']:.4f}),"
          f" extra {c['extra']}, kind accuracy {row['kind_accuracy']:.4f}")
    print(f"  verb accuracy {row['verb_accuracy_gold_verbs']:.4f} over gold clauses with a verb"
          f" (score.py's, over all gold clauses: {row['verb_accuracy_score_py']:.4f})")
    if c["repeating"]:
        # such a gold repeats "op1" where the text prints sections (or no mark at all) and the reader gives
        # "I.op1" or "op1~2": the scorer keeps one clause of each id, the last, so their ids meet by chance
        print(f"  without the {c['repeating']} golds that repeat a clause id: clauses found {row['clauses_found_unique_ids']:.4f},"
              f" verb accuracy {row['verb_accuracy_unique_ids']:.4f}")
    print(f"  footnote anchors R {row['anchor_recall']:.4f} P {row['anchor_precision']:.4f}")
    print(f"  symbols, document level: R {row['symbol_recall_doc']:.4f} P {row['symbol_precision_doc']:.4f};"
          f" clause level: R {row['symbol_recall_clause']:.4f} P {row['symbol_precision_clause']:.4f}")
    for path, err in crashes[:5]:
        print(f"  CRASH {path}: {err}")
    if show_spurious:
        print("  most frequent misses:", ", ".join(f"{k} ({n})" for k, n in missed.most_common(show_spurious)))
        print("  most frequent spurious:", ", ".join(f"{k} ({n})" for k, n in spurious.most_common(show_spurious)))
    return row


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", nargs="+", default=["ga74-77", "sc2020-26", "ecosoc"], choices=sorted(SETS))
    ap.add_argument("--input", choices=("text", "xml"), default="text")
    ap.add_argument("--cache", default=str(Path(tempfile.gettempdir()) / "graph-builder-akn-texts"))
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--spurious", type=int, default=10, help="how many of the most frequent misses/spurious to list")
    ap.add_argument("--json", help="also write the numbers to this file")
    ap.add_argument("--every", type=int, default=1, help="measure every Nth resolution only (a quicker subset)")
    a = ap.parse_args()
    if not (SHARED / "eval" / "akn_gold.py").is_file():
        print("../shared/eval is not present: nothing to measure", file=sys.stderr)
        return 2
    scorer = load_scorer()
    rows = []
    for name in a.sets:
        golds = make_texts(SETS[name], Path(a.cache))[::max(1, a.every)]
        rows.append(measure(name, golds, a.input, a.jobs, scorer, a.spurious))
    if a.json:
        Path(a.json).write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
