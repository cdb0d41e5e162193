#!/usr/bin/env python3
"""Do two source trees build the same bytes?  Issue 10's check that a restructuring changes no output.

    python bench/same_output.py --before /path/to/old/checkout [--after .] [--corpus ../shared/corpus]
                                [--sample 50] [--keep DIR]

Builds, with each tree's own `src/` first on PYTHONPATH and the same interpreter:
1. the bundled example (A/RES/57/209), Turtle and the HTML view;
2. a fixed sample of `--sample` corpus resolutions: every k-th file of each shared corpus folder (GA, SC,
   HRC, ECOSOC XML, the older SC texts and the PDFs), in sorted order, so the sample is the same on every
   machine.  Built as one corpus with `--format ttl --format trig --no-view --jobs 1`.

Then compares the two output folders file by file and prints each file that differs, exists in one only,
and the first differing line.  Exit 0 when every byte is the same, 1 otherwise.  The corpus part is
skipped, with a note, when the corpus is absent.
"""
from __future__ import annotations

import argparse
import difflib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = ["unxml-ga", "unxml-sc", "unxml-hrc", "unxml-ecosoc", "cr-unsc", "pdf"]
SUFFIXES = {".xml", ".txt", ".pdf"}


def sample(corpus: Path, size: int) -> list[Path]:
    """At least `size` files, spread evenly over every folder and over each folder's sorted files."""
    per_folder = max(1, -(-size // len(FOLDERS)))
    picked: list[Path] = []
    for name in FOLDERS:
        files = sorted(p for p in (corpus / name).rglob("*") if p.suffix in SUFFIXES and p.is_file())
        if files:
            step = max(1, len(files) // per_folder)
            picked += files[::step][:per_folder]
    return picked


def build(tree: Path, out: Path, args: list[str]) -> None:
    env = {**os.environ, "PYTHONPATH": str(tree / "src")}
    # the CLI's main, not `-m graph_builder`: older trees have no __main__
    run_cli = "import sys; from graph_builder.cli import main; sys.exit(main())"
    done = subprocess.run([sys.executable, "-c", run_cli, "build", *args, "-o", str(out), "--quiet"],
                          env=env, capture_output=True, text=True, cwd=tree)
    if done.returncode != 0:
        raise SystemExit(f"build with {tree} failed ({done.returncode}): {done.stderr.strip()[-2000:]}")


def compare(a: Path, b: Path) -> list[str]:
    found: list[str] = []
    names = sorted({p.relative_to(a) for p in a.rglob("*") if p.is_file()}
                   | {p.relative_to(b) for p in b.rglob("*") if p.is_file()})
    for name in names:
        left, right = a / name, b / name
        if not left.exists() or not right.exists():
            found.append(f"{name}: only in {'after' if not left.exists() else 'before'}")
        elif left.read_bytes() != right.read_bytes():
            diff = difflib.unified_diff(left.read_text(errors="replace").splitlines(),
                                        right.read_text(errors="replace").splitlines(), lineterm="", n=0)
            first = [line for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---")][:4]
            found.append(f"{name}: differs\n    " + "\n    ".join(first))
    return found


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--before", type=Path, required=True, help="the checkout to compare against")
    ap.add_argument("--after", type=Path, default=ROOT, help="the checkout under test (default: this one)")
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--sample", type=int, default=50)
    ap.add_argument("--keep", type=Path, help="keep both builds in this folder")
    args = ap.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="same-output-"))
    runs = [("example", [])]
    if args.corpus.is_dir():
        files = sample(args.corpus, args.sample)
        runs.append(("corpus", [*map(str, files), "--format", "ttl", "--format", "trig", "--no-view", "--jobs", "1"]))
        print(f"sample: {len(files)} files from {args.corpus}")
    else:
        print(f"no corpus at {args.corpus}: the example only")
    differences: list[str] = []
    for label, build_args in runs:
        for side, tree in (("before", args.before), ("after", args.after)):
            build(tree.resolve(), work / side / label, build_args)
        differences += [f"[{label}] {d}" for d in compare(work / "before" / label, work / "after" / label)]
    print("\n".join(differences) if differences else "every output byte-identical")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
