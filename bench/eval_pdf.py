#!/usr/bin/env python3
"""Measure the PDF reader on the UN's real PDFs, against golds made from the same resolutions' XML.

    python bench/eval_pdf.py                      # every PDF under ../shared/corpus/pdf
    python bench/eval_pdf.py --limit 30           # a mixed subset while developing
    python bench/eval_pdf.py --speed              # also: build all GA 80 PDFs end to end, beside pdftotext -layout
    python bench/eval_pdf.py --verbose A_RES_80_5 # score.py's --verbose misses for some files
    python bench/eval_pdf.py --skip A_RES_80_237 A_RES_80_243   # without the golds the README disputes
    python bench/eval_pdf.py --tags off           # the layout path alone (default: with tags, then tags ignored)

../shared/eval/pdf_gold.py writes each PDF's gold (once, cached); the builder
reads each PDF itself (graph_builder.pipeline.extract_path) and score.py's
own measures compare.  Printed: clause-id F1 (extra clauses count against
it), verb accuracy over the gold clauses that have a verb, footnote-anchor
F1, symbol recall and precision (document level), the share of files whose
symbol and adoption date are right (the date the builder reads from the same
resolution's XML is the reference), and the annex paragraphs found.

Each measure is printed twice: "with tags" (the reader uses a tagged PDF's tag
tree for paragraphs and footnotes, the layout elsewhere) and "tags ignored"
(the layout alone: characters, boxes, type sizes), and for each also without
the golds that repeat a clause id (made from XML that does not mark sections
whose numbering restarts: "op1" twice where the contract asks "I.op1", "II.op1").
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
PDFS = SHARED / "corpus" / "pdf"


def load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def make_golds(pdfs: list[Path], cache: Path) -> dict[Path, Path]:
    cache.mkdir(parents=True, exist_ok=True)
    todo = [p for p in pdfs if not (cache / f"{p.stem}.json").is_file()]
    if todo:
        subprocess.run([sys.executable, str(SHARED / "eval" / "pdf_gold.py"), *map(str, todo), str(cache)],
                       check=False, capture_output=True)
    return {p: cache / f"{p.stem}.json" for p in pdfs if (cache / f"{p.stem}.json").is_file()}


def extract_one(job: tuple[str, str, bool]) -> tuple[str, dict | None, str, str]:
    pdf, xml, tags = job
    from graph_builder.contract import to_contract
    from graph_builder.pipeline import extract_path, read_path

    t0 = time.perf_counter()
    try:
        got = to_contract(extract_path(pdf, pdf_tags=tags))
    except Exception as exc:  # a crash is a finding of the benchmark, not its end
        return pdf, None, f"{type(exc).__name__}: {exc}", ""
    seconds = time.perf_counter() - t0
    got["_seconds"] = seconds
    try:
        xml_date = read_path(xml).info.date if xml else ""
    except Exception:
        xml_date = ""
    return pdf, got, "", xml_date


def measure(pairs: dict[Path, Path], jobs: int, scorer, out: Path, verbose: set[str], tags: bool = True) -> dict:
    results = []
    jobs_in = []
    for pdf, gold in pairs.items():
        g = json.loads(gold.read_text(encoding="utf-8"))
        xml = SHARED / g.get("input", {}).get("xml", "")
        jobs_in.append((str(pdf), str(xml) if xml.is_file() else "", tags))
    t0 = time.perf_counter()
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        results = list(pool.map(extract_one, jobs_in, chunksize=4))
    elapsed = time.perf_counter() - t0
    per_file: list[tuple[bool, Counter]] = []  # (the gold repeats a clause id, the file's counts)
    crashes = []
    wrong: list[str] = []
    for pdf, got, err, xml_date in results:
        gold_path = pairs[Path(pdf)]
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if got is None:
            crashes.append((pdf, err))
            continue
        got_path = out / f"{Path(pdf).stem}.json"
        got_path.write_text(json.dumps(got, ensure_ascii=False), encoding="utf-8")
        if Path(pdf).stem in verbose:
            subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), str(gold_path), str(got_path), "-v"])
        c: Counter = Counter()
        gc, xc = scorer.clause_table(gold), scorer.clause_table(got)
        tops = [str(x.get("id")) for x in gold.get("clauses", []) if scorer.top_clause(str(x.get("id"))) == str(x.get("id"))]
        c["gold"] += len(gc)
        c["got"] += len(xc)
        c["found"] += len(gc.keys() & xc.keys())
        for k in gc.keys() & xc.keys():
            gv, xv = scorer.verb_head(gc[k].get("verb", "")), scorer.verb_head(xc[k].get("verb", ""))
            if gv:
                c["verb_ok"] += gv == xv
        c["verb_gold"] += sum(1 for v in gc.values() if scorer.verb_head(v.get("verb", "")))
        annex = {k for k, v in gc.items() if v.get("kind") == "annex"}
        c["annex_gold"] += len(annex)
        c["annex_found"] += len(annex & xc.keys())
        ga, xa = scorer.anchors(gold), scorer.anchors(got)
        c["anchor_gold"] += len(ga)
        c["anchor_got"] += len(xa)
        c["anchor_ok"] += len(ga & xa)
        kinds = set(gold.get("scored_kinds") or ["resolution", "document"])
        gu, xu = scorer.units(gold, kinds, True), scorer.units(got, kinds, True)
        gd, xd = {u[1:] for u in gu}, {u[1:] for u in xu}
        own = scorer.norm_key("document", gold["document"].get("symbol", ""))
        xd.discard(("symbol", own))
        c["doc_gold"] += len(gd)
        c["doc_got"] += len(xd)
        c["doc_ok"] += len(gd & xd)
        c["files"] += 1
        symbol_ok = scorer.norm_key("document", got["document"].get("symbol", "")) == own
        date_ok = bool(xml_date) and got["document"].get("date", "") == xml_date
        c["symbol_ok"] += symbol_ok
        c["date_ok"] += date_ok
        c["date_known"] += bool(xml_date)
        if not (symbol_ok and (date_ok or not xml_date)):
            wrong.append(f"{Path(pdf).name}: symbol {got['document'].get('symbol')!r} date {got['document'].get('date')!r}"
                         f" (XML: {own}, {xml_date})")
        per_file.append((len(tops) != len(set(tops)), c))

    how = "with tags" if tags else "tags ignored"
    print(f"PDFs read directly ({how}): {len(per_file)} files, {elapsed:.1f} s, {len(crashes)} crashes")
    row = summary(sum((c for _, c in per_file), Counter()), elapsed, len(crashes))
    repeats = sum(1 for r, _ in per_file if r)
    if repeats:
        # a gold made from XML that does not mark sections whose numbering restarts gives "op1" twice,
        # where the contract asks for "I.op1", "II.op1" (and score.py's table keeps one of the two)
        print(f" without the {repeats} golds that repeat a clause id:")
        row["without_repeated_ids"] = summary(sum((c for r, c in per_file if not r), Counter()), elapsed, 0)
    for line in wrong[:10]:
        print(f"  WRONG {line}")
    for path, err in crashes[:10]:
        print(f"  CRASH {path}: {err}")
    return row


def summary(c: Counter, elapsed: float, crashes: int) -> dict:
    def ratio(a: str, b: str) -> float:
        return c[a] / c[b] if c[b] else 1.0

    p, r = ratio("found", "got"), ratio("found", "gold")
    ap, ar = ratio("anchor_ok", "anchor_got"), ratio("anchor_ok", "anchor_gold")
    row = {
        "files": c["files"], "seconds": round(elapsed, 1), "crashes": crashes,
        "clauses_gold": c["gold"], "clauses_found": c["found"], "extra_clauses": c["got"] - c["found"],
        "clause_id_f1": 2 * p * r / (p + r) if p + r else 0.0,
        "verb_accuracy": ratio("verb_ok", "verb_gold"),
        "anchor_f1": 2 * ap * ar / (ap + ar) if ap + ar else 0.0,
        "symbol_recall_doc": ratio("doc_ok", "doc_gold"), "symbol_precision_doc": ratio("doc_ok", "doc_got"),
        "symbol_right": ratio("symbol_ok", "files"), "date_right": ratio("date_ok", "date_known"),
        "annex_paragraphs": f"{c['annex_found']}/{c['annex_gold']}",
    }
    print(f"  clause ids: found {c['found']}/{c['gold']}, extra {row['extra_clauses']}, F1 {row['clause_id_f1']:.4f}")
    print(f"  verb accuracy {row['verb_accuracy']:.4f}")
    print(f"  footnote anchors P {ap:.4f} R {ar:.4f} F1 {row['anchor_f1']:.4f}")
    print(f"  symbols (document level) R {row['symbol_recall_doc']:.4f} P {row['symbol_precision_doc']:.4f}")
    print(f"  symbol right on {row['symbol_right']:.4f} of files, adoption date on {row['date_right']:.4f}")
    print(f"  annex paragraphs found {row['annex_paragraphs']}")
    return row



def speed(out: Path, modes: tuple[bool, ...] = (True,)) -> dict:
    """All GA 80 PDFs built end to end, beside pdftotext -layout over the same files, in the same run
    (once with the tag tree, once with the tags ignored, as modes say)."""
    import pypdfium2 as pdfium

    folder = PDFS / "ga80"
    files = sorted(folder.glob("*.pdf"))
    pages = sum(len(pdfium.PdfDocument(str(f))) for f in files)
    t0 = time.perf_counter()
    for f in files:
        subprocess.run(["pdftotext", "-layout", str(f), str(out / "pdftotext.txt")], check=True)
    t_pdftotext = time.perf_counter() - t0
    run_measured = load("bench_corpus", ROOT / "bench" / "bench_corpus.py").run_measured
    print(f"speed: {len(files)} GA 80 PDFs, {pages} pages")
    print(f"  pdftotext -layout: {t_pdftotext:.1f} s ({pages / t_pdftotext:.0f} pages/s)")
    rows = {"pages": pages, "pdftotext_s": t_pdftotext}
    for tags in modes:
        how = "with tags" if tags else "tags ignored"
        target = out / ("build" if tags else "build-no-tags")
        cmd = [sys.executable, "-m", "graph_builder", "build", str(folder), "-o", str(target)]
        t_build, peak, returncode, _, stderr = run_measured(cmd + ([] if tags else ["--no-pdf-tags"]), interval=0.1)
        built = len(list(target.glob("*.ttl"))) - 1  # corpus.ttl aside
        print(f"  graph-builder build {folder} -o DIR{'' if tags else ' --no-pdf-tags'}: {t_build:.1f} s "
              f"({pages / t_build:.0f} pages/s), exit {returncode}, {built} resolutions, "
              f"peak memory {peak / 2**30:.2f} GB (process tree)")
        print(f"  ratio ({how}) {t_build / t_pdftotext:.2f} x pdftotext -layout")
        if returncode:
            print("  " + (stderr.strip().splitlines() or [""])[-1])
        rows[how] = {"build_s": t_build, "peak_bytes": peak, "ratio": t_build / t_pdftotext}
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=0, help="every n-th PDF, to make about this many")
    ap.add_argument("--cache", default=str(Path(tempfile.gettempdir()) / "graph-builder-pdf-golds"))
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--tags", choices=("both", "on", "off"), default="both",
                    help="read the PDFs with their tag trees, with the tags ignored (the layout alone), or both")
    ap.add_argument("--speed", action="store_true")
    ap.add_argument("--speed-only", action="store_true", help="only the speed run")
    ap.add_argument("--verbose", nargs="*", default=[], help="file stems to print score.py --verbose for")
    ap.add_argument("--skip", nargs="*", default=[], help="file stems to leave out (golds the README disputes)")
    ap.add_argument("--json", help="also write the numbers to this file")
    a = ap.parse_args()
    if not (SHARED / "eval" / "pdf_gold.py").is_file() or not PDFS.is_dir():
        print("../shared/eval or ../shared/corpus/pdf is not present: nothing to measure", file=sys.stderr)
        return 2
    scorer = load("score", SHARED / "eval" / "score.py")
    pdfs = [p for p in sorted(PDFS.rglob("*.pdf")) if p.stem not in set(a.skip)]
    if a.limit and a.limit < len(pdfs):
        step = len(pdfs) / a.limit
        pdfs = [pdfs[int(i * step)] for i in range(a.limit)]
    with tempfile.TemporaryDirectory() as tmp:
        rows = {}
        if not a.speed_only:
            pairs = make_golds(pdfs, Path(a.cache))
            for tags in {"both": (True, False), "on": (True,), "off": (False,)}[a.tags]:
                rows["with tags" if tags else "tags ignored"] = measure(pairs, a.jobs, scorer, Path(tmp), set(a.verbose), tags)
        if a.speed or a.speed_only:
            rows["speed"] = speed(Path(tmp), {"both": (True, False), "on": (True,), "off": (False,)}[a.tags])
    if a.json:
        Path(a.json).write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
