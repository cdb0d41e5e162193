#!/usr/bin/env python3
"""Build the whole shared corpus and compare with a plain rdflib path, in one run.

    python bench/bench_corpus.py [--corpus ../shared/corpus] [--jobs N] [--rdflib-every K]

1. graph-builder: `graph-builder build CORPUS --no-view` (every .xml and .txt,
   extraction, triples, per-resolution files, corpus.ttl and corpus.trig), timed
   wall-clock, with the peak memory of the whole process tree sampled from /proc.
2. The graph stage alone, on the same triples: graph-builder's way (each
   resolution's sorted N-Triples lines, parsed and written as Turtle by
   pyoxigraph) against the plain rdflib path (`rdflib.Graph.add` for every triple,
   then `serialize(format="turtle")`).  The triples are read from the build's
   corpus.trig beforehand, so neither side is charged for reading them.
   `--rdflib-every K` runs both on every K-th resolution only (the rdflib path on
   six million triples takes many minutes and about 10 GB); ratios are per triple.

Targets (issue 3, on a 2-core machine): under 60 s, under 2 GB, and at least
10 times faster than the plain rdflib path.
"""
from __future__ import annotations

import argparse
import gc
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def tree_rss(pid: int) -> int:
    """Resident memory of a process and all its descendants, in bytes."""
    total = 0
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    stack = [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/statm") as fh:
                total += int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, ValueError):
            pass
        stack.extend(children.get(p, []))
    return total


def run_measured(cmd: list[str], interval: float = 0.2) -> tuple[float, int, int, str, str]:
    """Run a command: (wall seconds, peak memory of its process tree, exit code, stdout, stderr)."""
    peak = 0
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss(proc.pid))
            time.sleep(interval)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = proc.communicate()
    done.set()
    sampler.join()
    return time.perf_counter() - t0, peak, proc.returncode, stdout, stderr


def run_build(corpus: Path, out: Path, jobs: int) -> tuple[float, int, str]:
    cmd = [sys.executable, "-m", "graph_builder", "build", str(corpus), "-o", str(out), "--no-view"]
    if jobs:
        cmd += ["--jobs", str(jobs)]
    wall, peak, _, stdout, stderr = run_measured(cmd)
    return wall, peak, stdout + stderr


def graphs_of(trig: Path, every: int) -> list[tuple[str, list]]:
    """The named graphs of the corpus TriG (every K-th), as pyoxigraph triples."""
    from pyoxigraph import RdfFormat, parse

    graphs: dict[str, list] = {}
    for q in parse(path=str(trig), format=RdfFormat.TRIG):
        graphs.setdefault(q.graph_name.value, []).append(q.triple)
    names = sorted(graphs)[::every]
    return [(n, graphs[n]) for n in names]


def ours(graphs: list[tuple[str, list]]) -> tuple[float, int]:
    """graph-builder's graph stage: sorted N-Triples lines of each resolution to Turtle, via pyoxigraph."""
    from pyoxigraph import RdfFormat, serialize

    from graph_builder.graph.export import turtle_from_ntriples

    lines = [serialize(t, format=RdfFormat.N_TRIPLES).decode("utf-8").splitlines() for _, t in graphs]
    t0 = time.perf_counter()
    size = 0
    for resolution in lines:
        nt = ("\n".join(sorted(set(resolution))) + "\n").encode("utf-8")
        size += len(turtle_from_ntriples(nt))
    return time.perf_counter() - t0, size


def plain_rdflib(graphs: list[tuple[str, list]]) -> tuple[float, int, int]:
    """rdflib.Graph.add for every triple, then serialize(format="turtle")."""
    import rdflib
    from pyoxigraph import Literal as OxLiteral
    from pyoxigraph import NamedNode

    def conv(term):
        if isinstance(term, NamedNode):
            return rdflib.URIRef(term.value)
        if isinstance(term, OxLiteral):
            if term.language:
                return rdflib.Literal(term.value, lang=term.language)
            return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))
        return rdflib.BNode(str(term))

    triples = [(conv(t.subject), conv(t.predicate), conv(t.object)) for _, ts in graphs for t in ts]
    gc.collect()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    g = rdflib.Graph()
    for t in triples:
        g.add(t)
    data = g.serialize(format="turtle")
    elapsed = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return elapsed, len(data), max(0, peak - before) * 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(ROOT / ".." / "shared" / "corpus"))
    ap.add_argument("--jobs", type=int, default=0)
    ap.add_argument("--rdflib-every", type=int, default=1, metavar="K",
                    help="compare the graph stage on every K-th resolution only (default: all)")
    ap.add_argument("--keep", help="keep the build's output in this folder")
    a = ap.parse_args()
    corpus = Path(a.corpus)
    if not corpus.is_dir():
        print(f"{corpus} is not present: nothing to measure", file=sys.stderr)
        return 2
    inputs = sum(1 for p in corpus.rglob("*") if p.suffix.lower() in (".xml", ".txt"))
    out = Path(a.keep) if a.keep else Path(tempfile.mkdtemp(prefix="gb-bench-"))
    shutil.rmtree(out, ignore_errors=True)
    wall, peak, log = run_build(corpus, out, a.jobs)
    trig = out / "corpus.trig"
    print(f"graph-builder build: {inputs} input files in {wall:.1f} s, peak memory {peak / 2**30:.2f} GB (process tree)")
    print("  " + "\n  ".join(line for line in log.splitlines() if line.startswith(("built", "wrote"))))
    graphs = graphs_of(trig, a.rdflib_every)
    n = sum(len(t) for _, t in graphs)
    every = "" if a.rdflib_every == 1 else f" (every {a.rdflib_every}th resolution)"
    t_ours, size_ours = ours(graphs)
    print(f"graph stage, graph-builder (sorted N-Triples -> pyoxigraph Turtle): {n} triples{every} in {t_ours:.1f} s"
          f" = {n / t_ours:,.0f} triples/s")
    t_rdflib, size_rdflib, mem_rdflib = plain_rdflib(graphs)
    print(f"graph stage, plain rdflib (Graph.add + serialize turtle): {n} triples{every} in {t_rdflib:.1f} s"
          f" = {n / t_rdflib:,.0f} triples/s, {mem_rdflib / 2**30:.2f} GB more memory")
    print(f"ratio, graph stage: rdflib takes {t_rdflib / t_ours:.1f} times as long")
    all_triples = sum(len(t) for _, t in graphs_of(trig, 1)) if a.rdflib_every > 1 else n
    rdflib_full = t_rdflib * all_triples / n
    print(f"whole build, {all_triples} triples: {wall:.1f} s = {all_triples / wall:,.0f} triples/s end to end;"
          f" the rdflib path alone would take about {rdflib_full:.0f} s for them"
          f" ({rdflib_full / wall:.1f} times the whole build)")
    if not a.keep:
        shutil.rmtree(out, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
