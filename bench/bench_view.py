"""How long until the corpus view of the whole shared corpus is drawn in headless chromium.

    .venv/bin/python bench/bench_view.py [--corpus DIR] [--out PAGE] [--screenshot PNG] [--runs N] [--fresh]

Reads every .txt and .xml under the corpus (in parallel), builds the citation
network and caches it in /tmp (delete it, or pass --fresh, after changing the
extractor), writes the page, then loads it N times in headless chromium and
prints the time from navigation to vis-network's first `afterDrawing`, as the
page itself measures it (performance.now() is counted from navigation start).
Target: under 5 seconds.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import pickle
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))  # the DevTools driver lives in the browser test

from graph_builder.build import expand_inputs  # noqa: E402
from graph_builder.errors import GraphBuilderError  # noqa: E402
from graph_builder.graph.iri import Minter  # noqa: E402
from graph_builder.pipeline import extract_path  # noqa: E402
from graph_builder.publish.network import citation_network  # noqa: E402
from graph_builder.publish.view import corpus_view_html, write_view  # noqa: E402
from test_browser import Chromium, find_chromium  # noqa: E402

CORPUS = HERE.parent.parent / "shared" / "corpus"


def read_one(path: Path):
    try:
        return extract_path(path)
    except GraphBuilderError:
        return None  # not a resolution (an empty draft, a table): the network does without it


def load_network(corpus: Path, fresh: bool):
    files = list(expand_inputs([corpus]))
    key = hashlib.sha1("\n".join(map(str, files)).encode()).hexdigest()[:12]
    cache = Path(f"/tmp/graph-builder-network-{key}.pickle")
    if cache.exists() and not fresh:
        return pickle.loads(cache.read_bytes()), len(files), 0.0
    t = time.perf_counter()
    with ProcessPoolExecutor(os.cpu_count()) as pool:
        resolutions = [r for r in pool.map(read_one, files, chunksize=32) if r is not None]
    if not resolutions:
        raise SystemExit(f"no resolution could be read under {corpus}")
    graph = citation_network(resolutions, Minter())
    took = time.perf_counter() - t
    cache.write_bytes(pickle.dumps(graph))
    return graph, len(files), took


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--out", type=Path, default=Path("/tmp/view-shots/index.html"))
    ap.add_argument("--screenshot", type=Path, default=Path("/tmp/view-shots/corpus.png"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--fresh", action="store_true", help="read the corpus again instead of using the cache")
    args = ap.parse_args()

    graph, n_files, read_s = load_network(args.corpus, args.fresh)
    print(f"corpus: {n_files} files -> {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges"
          + (f" (read in {read_s:.1f} s)" if read_s else " (cached network)"))
    t = time.perf_counter()
    html = corpus_view_html(graph)
    print(f"page: built in {time.perf_counter() - t:.2f} s (layout included), {len(html) / 1e6:.1f} MB")
    write_view(args.out, html)

    chromium = find_chromium()
    if chromium is None:
        print("no chromium found: apt-get install -y chromium", file=sys.stderr)
        return 1
    times = []
    with Chromium(chromium) as browser:
        for run in range(args.runs):
            page = browser.open(args.out.resolve().as_uri(), timeout=120)
            times.append(page.evaluate("window.graphView.firstDrawMs") / 1000)
            drawn = page.evaluate("[network.body.data.nodes.length, network.body.data.edges.length]")
            print(f"run {run + 1}: drawn after {times[-1]:.2f} s ({drawn[0]} nodes, {drawn[1]} edges)")
            if run == 0:
                page.screenshot(args.screenshot)
            if page.errors:
                print("console errors:", *page.errors, sep="\n  ")
            page.close()
    print(f"time to first draw: median {statistics.median(times):.2f} s, best {min(times):.2f} s "
          f"(target < 5 s); screenshot {args.screenshot}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
