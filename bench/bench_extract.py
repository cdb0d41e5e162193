#!/usr/bin/env python3
"""Time extraction alone (read + find + resolve, no graph) over a sample of the corpus, in one process.

    python bench/bench_extract.py [--files 300] [--folder unxml-ga/76session] [--repeat 2]

Prints the CPU seconds (process time, which other users of a shared machine
disturb less than wall time) of the best of --repeat runs, and per file.  To
compare two checkouts, run it with PYTHONPATH pointing at each one's src/.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=300)
    ap.add_argument("--folder", default="unxml-ga/76session")
    ap.add_argument("--repeat", type=int, default=2)
    a = ap.parse_args()
    files = sorted((SHARED / "corpus" / a.folder).glob("*"))[: a.files]
    files = [f for f in files if f.suffix in (".xml", ".txt")]
    if not files:
        print(f"no files in {SHARED / 'corpus' / a.folder}", file=sys.stderr)
        return 2
    import graph_builder
    from graph_builder.pipeline import extract_path

    extract_path(files[0])  # load the gazetteers and patterns once, outside the timing
    best = float("inf")
    for _ in range(a.repeat):
        t0 = time.process_time()
        for f in files:
            extract_path(f)
        best = min(best, time.process_time() - t0)
    print(f"{graph_builder.__file__}: {len(files)} files of {a.folder}, {best:.2f} s CPU "
          f"({1000 * best / len(files):.1f} ms a file, best of {a.repeat})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
