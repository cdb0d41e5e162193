#!/usr/bin/env python3
"""Measure extraction on the text users pull out of the UN's own PDFs.

    python bench/eval_pdf_text.py                        # all of ../shared/corpus/pdf
    python bench/eval_pdf_text.py --every 7              # a mixed subset (GA, SC, HRC)
    python bench/eval_pdf_text.py --variants layout --verbose 20   # score.py's misses, 20 files

For every PDF under ../shared/corpus/pdf/, ../shared/eval/pdf_gold.py makes the
gold from the same resolution's XML, and three texts are made as users make
them: `pdftotext -layout`, plain `pdftotext`, and pypdf's `extract_text()`
(pages joined by a line break).  The builder reads each text as it is, cover
page and all (no --symbol), and ../shared/eval/score.py's measures compare:

- clause-id F1: a gold clause found under its id is a hit, a clause the gold
  does not have counts against precision;
- verb accuracy over the gold clauses that have an opening verb;
- footnote-anchor F1;
- symbols (resolutions and documents, folded together as the golds are made
  from markup that does not tell them apart) at document level, the
  resolution's own symbol left out;
- the resolution's symbol and its adoption date (the XML's FRBRdate
  "adoption") right per file.

Golds and texts are cached (--cache, in the temp folder by default), so a rerun
only extracts.
"""
from __future__ import annotations

import argparse
import importlib.util
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from contextlib import redirect_stdout
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"
VARIANTS = ("layout", "plain", "pypdf")
ADOPTION = re.compile(r'<FRBRdate\s+date="(\d{4}-\d{2}-\d{2})"\s+name="adoption"')


def load_scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def make_golds(pdfs: list[Path], cache: Path) -> None:
    out = cache / "gold"
    out.mkdir(parents=True, exist_ok=True)
    todo = [p for p in pdfs if not (out / f"{p.stem}.json").is_file() and not (out / f"{p.stem}.none").is_file()]
    if not todo:
        return
    r = subprocess.run([sys.executable, str(SHARED / "eval" / "pdf_gold.py"), *map(str, todo), str(out)],
                       capture_output=True, text=True, check=False)
    for line in r.stdout.splitlines():
        name, _, xml = line.partition(" ")
        if xml.startswith("-"):
            (out / f"{Path(name).stem}.none").write_text(xml + "\n", encoding="utf-8")


def pypdf_text(pdf: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(str(pdf)).pages)


def make_text(job: tuple[str, str, str]) -> str:
    pdf, variant, dest = job
    if Path(dest).is_file():
        return ""
    tmp = dest + ".part"
    try:
        if variant == "pypdf":
            Path(tmp).write_text(pypdf_text(Path(pdf)), encoding="utf-8")
        else:
            args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if variant == "layout" else []) + [pdf, tmp]
            subprocess.run(args, check=True, capture_output=True)
        os.replace(tmp, dest)
    except Exception as exc:  # a text tool failing on one PDF is a finding, not the end of the run
        return f"{pdf} ({variant}): {type(exc).__name__}: {exc}"
    return ""


def extract_one(job: tuple[str, str]) -> tuple[str, dict | None, str]:
    text_path, out_path = job
    from graph_builder.contract import to_contract
    from graph_builder.pipeline import extract_path

    try:
        got = to_contract(extract_path(text_path))
    except Exception as exc:  # a crash is a finding of the benchmark, not its end
        return text_path, None, f"{type(exc).__name__}: {exc}"
    Path(out_path).write_text(json.dumps(got, ensure_ascii=False, indent=1), encoding="utf-8")
    return text_path, got, ""


def adoption_date(gold: dict) -> str:
    xml = SHARED / gold.get("input", {}).get("xml", "")
    if not xml.is_file():
        xml = SHARED / "corpus" / gold.get("input", {}).get("xml", "")
    try:
        m = ADOPTION.search(xml.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return ""
    return m.group(1) if m else ""


def measure(variant: str, stems: list[str], cache: Path, jobs: int, scorer, verbose: int) -> dict:
    out = cache / f"out-{variant}"
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    t0 = time.perf_counter()
    work = [(str(cache / variant / f"{s}.txt"), str(out / f"{s}.json")) for s in stems]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        results = list(pool.map(extract_one, work, chunksize=4))
    elapsed = time.perf_counter() - t0
    c: Counter = Counter()
    crashes, wrong_symbol, wrong_date, pairs = [], [], [], []
    for stem, (text_path, got, err) in zip(stems, results):
        gold_path = cache / "gold" / f"{stem}.json"
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if got is None:
            crashes.append((text_path, err))
            continue
        pairs.append((str(gold_path), str(out / f"{stem}.json")))
        gc, xc = scorer.clause_table(gold), scorer.clause_table(got)
        c["gold"] += len(gc)
        c["found"] += len(gc.keys() & xc.keys())
        c["extra"] += len(xc.keys() - gc.keys())
        for k in gc.keys() & xc.keys():
            gv, xv = scorer.verb_head(gc[k].get("verb", "")), scorer.verb_head(xc[k].get("verb", ""))
            c["verb_ok"] += bool(gv) and gv == xv
        c["verb_gold"] += sum(1 for v in gc.values() if scorer.verb_head(v.get("verb", "")))
        ga, xa = scorer.anchors(gold), scorer.anchors(got)
        c["anchor_gold"] += len(ga)
        c["anchor_got"] += len(xa)
        c["anchor_ok"] += len(ga & xa)
        kinds = set(gold.get("scored_kinds") or [])
        gd = {u[1:] for u in scorer.units(gold, kinds, True)}
        xd = {u[1:] for u in scorer.units(got, kinds, True)}
        own = scorer.norm_key("document", gold["document"].get("symbol", ""))
        gd.discard(("symbol", own))
        xd.discard(("symbol", own))
        c["doc_gold"] += len(gd)
        c["doc_got"] += len(xd)
        c["doc_ok"] += len(gd & xd)
        c["files"] += 1
        got_symbol = scorer.norm_key("document", got.get("document", {}).get("symbol", "") or "")
        if got_symbol == own:
            c["symbol_ok"] += 1
        else:
            wrong_symbol.append(f"{stem}: {got_symbol or '-'}")
        want_date = adoption_date(gold)
        got_date = str(got.get("document", {}).get("date", "") or "")
        if want_date and got_date == want_date:
            c["date_ok"] += 1
        else:
            wrong_date.append(f"{stem}: {got_date or '-'} (XML {want_date or '-'})")

    def ratio(a: str, b: str) -> float:
        return c[a] / c[b] if c[b] else 1.0

    def f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    clause_p = c["found"] / (c["found"] + c["extra"]) if c["found"] + c["extra"] else 1.0
    clause_r = ratio("found", "gold")
    anchor_p, anchor_r = ratio("anchor_ok", "anchor_got"), ratio("anchor_ok", "anchor_gold")
    row = {
        "variant": variant, "files": len(stems), "seconds": round(elapsed, 1), "crashes": len(crashes),
        "clauses_gold": c["gold"], "clauses_found": c["found"], "clauses_extra": c["extra"],
        "clause_f1": f1(clause_p, clause_r), "clause_precision": clause_p, "clause_recall": clause_r,
        "verb_accuracy": ratio("verb_ok", "verb_gold"),
        "anchor_f1": f1(anchor_p, anchor_r), "anchor_precision": anchor_p, "anchor_recall": anchor_r,
        "symbol_recall_doc": ratio("doc_ok", "doc_gold"), "symbol_precision_doc": ratio("doc_ok", "doc_got"),
        "symbol_right": ratio("symbol_ok", "files"), "date_right": ratio("date_ok", "files"),
    }
    print(f"== {variant}: {len(stems)} files, {elapsed:.1f} s, {len(crashes)} crashes")
    print(f"  clause-id F1 {row['clause_f1']:.4f} (found {c['found']}/{c['gold']}, extra {c['extra']})")
    print(f"  verb accuracy {row['verb_accuracy']:.4f} over gold clauses with a verb")
    print(f"  footnote anchors F1 {row['anchor_f1']:.4f} (P {anchor_p:.4f} R {anchor_r:.4f})")
    print(f"  symbols, document level: R {row['symbol_recall_doc']:.4f} P {row['symbol_precision_doc']:.4f}")
    print(f"  symbol right {row['symbol_right']:.4f}, adoption date right {row['date_right']:.4f} per file")
    for path, err in crashes[:5]:
        print(f"  CRASH {path}: {err}")
    for what, wrong in (("symbol", wrong_symbol), ("date", wrong_date)):
        if wrong:
            print(f"  wrong {what}: " + "; ".join(wrong[:8]) + (" ..." if len(wrong) > 8 else ""))
    if verbose:
        buf = io.StringIO()
        with redirect_stdout(buf):
            scorer.score(pairs[:verbose], True)
        print("\n".join(ln for ln in buf.getvalue().splitlines() if ln.startswith(("==", "  missing", "  extra"))))
    return row


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pdf", default=str(SHARED / "corpus" / "pdf"), help="folder of PDFs (searched recursively)")
    ap.add_argument("--variants", nargs="+", default=list(VARIANTS), choices=VARIANTS)
    ap.add_argument("--every", type=int, default=1, help="measure every Nth PDF only (a quicker mixed subset)")
    ap.add_argument("--only", nargs="*", default=[], help="measure only PDFs whose name contains one of these")
    ap.add_argument("--cache", default=str(Path(tempfile.gettempdir()) / "graph-builder-pdf-texts"))
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--verbose", type=int, default=0, metavar="N", help="print score.py's missing/extra clauses for N files")
    ap.add_argument("--json", help="also write the numbers to this file")
    a = ap.parse_args()
    if not (SHARED / "eval" / "pdf_gold.py").is_file() or not Path(a.pdf).is_dir():
        print("../shared/eval or the PDFs are not present: nothing to measure", file=sys.stderr)
        return 2
    if shutil.which("pdftotext") is None:
        print("pdftotext (poppler-utils) is not installed", file=sys.stderr)
        return 2
    pdfs = sorted(Path(a.pdf).rglob("*.pdf"), key=lambda p: (p.parent.name, p.stem))[::max(1, a.every)]
    if a.only:
        pdfs = [p for p in pdfs if any(s in p.name for s in a.only)]
    cache = Path(a.cache)
    make_golds(pdfs, cache)
    pdfs = [p for p in pdfs if (cache / "gold" / f"{p.stem}.json").is_file()]
    jobs = []
    for v in a.variants:
        (cache / v).mkdir(parents=True, exist_ok=True)
        jobs.extend((str(p), v, str(cache / v / f"{p.stem}.txt")) for p in pdfs)
    with ProcessPoolExecutor(max_workers=a.jobs) as pool:
        failed = [e for e in pool.map(make_text, jobs, chunksize=4) if e]
    for e in failed:
        print(f"  TEXT FAILED {e}", file=sys.stderr)
    scorer = load_scorer()
    rows = []
    for v in a.variants:
        stems = [p.stem for p in pdfs if (cache / v / f"{p.stem}.txt").is_file()]
        rows.append(measure(v, stems, cache, a.jobs, scorer, a.verbose))
    if a.json:
        Path(a.json).write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
