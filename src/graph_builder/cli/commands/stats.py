"""graph-builder stats: the corpus's most-cited resolutions, instruments and documents, the
longest chains of resolutions recalling each other, and who cites a given symbol."""
from __future__ import annotations

import argparse

from graph_builder.cli import emit
from graph_builder.errors import InputError
from graph_builder.publish.tables import render_table


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("graphs", nargs="*", help="Turtle/TriG files (e.g. output/corpus.trig)")
    p.add_argument("--store", help="an on-disk store made by `build --store`")
    p.add_argument("--top", type=int, default=10, help="how many of each list (default 10)")
    p.add_argument("--cites", metavar="SYMBOL", help="list the resolutions that cite this symbol or title")


def run(args) -> int:
    # imported here, not above, so that `stats --help` loads no networkx, rdflib or pyoxigraph
    from graph_builder.graph.store import load_store
    from graph_builder.publish.stats import citation_graph, citing, most_cited, recall_chains

    if not args.graphs and not args.store:
        raise InputError("stats", "give graph files (output/corpus.trig) or --store DIR")
    g = citation_graph(load_store(args.graphs, args.store))
    present = sum(1 for _, d in g.nodes(data=True) if d.get("present"))
    emit(f"{present} resolutions, {g.number_of_nodes()} nodes, {g.number_of_edges()} citations (document level)")
    if args.cites:
        citing_rows = [("resolution", "verbs")] + citing(g, args.cites)
        emit(f"\nResolutions citing {args.cites}: {len(citing_rows) - 1}\n" + render_table(citing_rows))
        return 0
    for kind, title in (("resolution", "Most-cited resolutions"), ("instrument", "Most-cited instruments"),
                        ("document", "Most-cited documents")):
        ranked = most_cited(g, kind, args.top)
        rows = [("cited by", "pagerank", kind)] + [(str(r.cited_by), f"{r.pagerank:.5f}", r.label) for r in ranked]
        emit(f"\n{title}\n" + render_table(rows, limit=110))
    chains = recall_chains(g, args.top)
    emit("\nLongest chains of resolutions recalling one another")
    for chain in chains:
        emit(f"  {len(chain)}: " + " -> ".join(chain))
    return 0
