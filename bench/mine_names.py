#!/usr/bin/env python3
"""Mine the shared corpus for names the gazetteers do not know, and for clause openings the verb list misses.

    python bench/mine_names.py [--corpus ../shared/corpus] [--jobs 2] [--out src/graph_builder/data/mined]

Reads every resolution (AKN4UN XML and cr-unsc text) as the builder does,
runs the open-world recogniser (open_names.py, through find_names) over every
clause and footnote, and writes, sorted by count:

  names.tsv     kind, name as printed (normalised), count of resolutions, count of mentions, first
                resolution, first clause, and the clause text around it
  openings.tsv  the first two words of clauses whose opening no verb concept matches, with counts and an example

The lists are candidates for review, not data the builder reads: what a
reviewer accepts goes into bodies.toml / offices.toml / instruments.toml
(aliases to an official name) or verbs.toml.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def mine_one(path: str) -> tuple[str, list[tuple[str, str, str, str]], list[tuple[str, str]], str]:
    from graph_builder.find.names import find_names
    from graph_builder.find.verbs import opening
    from graph_builder.pipeline import read_path

    try:
        doc = read_path(path)
    except Exception as exc:  # a file the builder cannot read is reported, not fatal
        return path, [], [], f"{type(exc).__name__}: {exc}"
    names = []
    for unit in (*doc.clauses, *doc.footnotes):
        text = unit.body.text
        for n in find_names(text):
            if n.open_kind and not n.short:
                printed = re.sub(r"\s+", " ", n.text).strip()
                lo, hi = max(0, n.start - 60), min(len(text), n.end + 60)
                names.append((n.open_kind, printed, unit.id, re.sub(r"\s+", " ", text[lo:hi])))
    openings = []
    for c in doc.clauses:
        if c.kind == "annex" or c.heading or "." in c.id.split("op")[-1]:
            continue
        op = opening(c.verb_hint or c.body.text)
        if op.concept is None:
            words = re.findall(r"[\w’'\-]+", c.body.text)[:2]
            if words:
                openings.append((" ".join(words), re.sub(r"\s+", " ", c.body.text[:100])))
    return doc.info.symbol or Path(path).name, names, openings, ""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(ROOT / ".." / "shared" / "corpus"))
    ap.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    ap.add_argument("--out", default=str(ROOT / "src" / "graph_builder" / "data" / "mined"))
    a = ap.parse_args()
    corpus = Path(a.corpus)
    files = sorted(str(p) for p in corpus.rglob("*")
                   if p.is_file() and p.suffix in (".xml", ".txt") and "metadata" not in p.parts)
    if not files:
        print(f"no resolutions under {corpus}", file=sys.stderr)
        return 2
    docs: Counter = Counter()
    mentions: Counter = Counter()
    first: dict[tuple[str, str], tuple[str, str, str]] = {}
    open_count: Counter = Counter()
    open_first: dict[str, str] = {}
    failed = []
    with ProcessPoolExecutor(max_workers=a.jobs) as pool:
        for symbol, names, openings, err in pool.map(mine_one, files, chunksize=16):
            if err:
                failed.append((symbol, err))
                continue
            seen = set()
            for kind, printed, cid, ctx in names:
                key = (kind, printed)
                mentions[key] += 1
                if key not in seen:
                    docs[key] += 1
                    seen.add(key)
                first.setdefault(key, (symbol, cid, ctx))
            for words, ctx in openings:
                open_count[words] += 1
                open_first.setdefault(words, f"{symbol}: {ctx}")
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    with (out / "names.tsv").open("w", encoding="utf-8") as fh:
        fh.write("kind\tname\tresolutions\tmentions\tfirst_resolution\tfirst_clause\tcontext\n")
        for key, n in sorted(docs.items(), key=lambda kv: (-kv[1], kv[0])):
            sym, cid, ctx = first[key]
            fh.write(f"{key[0]}\t{key[1]}\t{n}\t{mentions[key]}\t{sym}\t{cid}\t{ctx}\n")
    with (out / "openings.tsv").open("w", encoding="utf-8") as fh:
        fh.write("opening\tclauses\texample\n")
        for words, n in sorted(open_count.items(), key=lambda kv: (-kv[1], kv[0])):
            fh.write(f"{words}\t{n}\t{open_first[words]}\n")
    print(f"{len(files)} files, {len(failed)} unreadable; {len(docs)} distinct names, {len(open_count)} openings")
    for sym, err in failed[:10]:
        print(f"  unreadable: {sym}: {err}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
