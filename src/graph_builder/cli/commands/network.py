"""graph-builder network [FILE... | --store DIR] [--format graphml,gexf,csv] [-o DIR]: the citation network
for network analysts (Gephi, Cytoscape, networkx, pandas, R), read from the graph that `build` wrote."""
from __future__ import annotations

import argparse
from pathlib import Path

from graph_builder.cli import emit
from graph_builder.defaults import DEFAULT_BASE
from graph_builder.errors import InputError
from graph_builder.graph.formats import NETWORK_CHOICES, NETWORK_FORMATS


def formats(text: str) -> list[str]:
    chosen = [f.strip().lower() for f in text.split(",") if f.strip()]
    unknown = [f for f in chosen if f not in NETWORK_CHOICES]
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(f"{text!r}: give some of {','.join(NETWORK_CHOICES)}")
    return list(dict.fromkeys(chosen))


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("graphs", nargs="*", help="the graph: Turtle files of `build`, corpus.ttl or corpus.trig")
    p.add_argument("--store", help="read the store made by `build --store`")
    p.add_argument("--format", type=formats, default=list(NETWORK_CHOICES), metavar="LIST",
                   help=f"comma-separated: {', '.join(NETWORK_CHOICES)} (csv: node and edge lists); default all")
    p.add_argument("-o", "--output", default="output", help="output folder (default: output/)")
    p.add_argument("--name", default="network", help="file name stem (default: network -> " + ", ".join(
                       p.format(stem="network") for f in NETWORK_FORMATS for p in f.files) + ")")
    p.add_argument("--base-iri", default=DEFAULT_BASE, help=f"the base the graph was built with (default {DEFAULT_BASE})")
    p.add_argument("--quiet", "-q", action="store_true", help="print nothing but errors")


def run(args) -> int:
    # imported here, not above, so that `network --help` loads no networkx, rdflib or pyoxigraph
    from graph_builder.graph.export import write_atomic
    from graph_builder.graph.iri import Minter
    from graph_builder.graph.store import load_store
    from graph_builder.publish.network import network_files, network_from_store

    if bool(args.store) == bool(args.graphs):
        raise InputError("network", "give either --store DIR or graph files")
    store = load_store(args.graphs, args.store)
    g = network_from_store(store, Minter(args.base_iri))
    present = sum(1 for _, d in g.nodes(data=True) if d.get("present"))
    if not present:
        raise InputError(args.store or " ".join(args.graphs), "holds no resolution with clauses")
    files = network_files(g, args.format, args.name)
    out = Path(args.output)
    for name, data in files.items():
        write_atomic(out / name, data)
    if not args.quiet:
        emit(f"{present} resolutions, {g.number_of_nodes()} nodes, {g.number_of_edges()} edges; wrote "
             + ", ".join(str(out / n) for n in files))
    return 0
