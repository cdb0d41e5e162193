"""graph-builder publish --site DIR --base-iri IRI [--store DIR | FILE...]: a static linked-data site."""
from __future__ import annotations

import argparse

from ..cli import emit
from ..defaults import DEFAULT_BASE
from ..errors import InputError


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("graphs", nargs="*", help="TriG/N-Quads (a named graph per resolution) or one-resolution Turtle files")
    p.add_argument("--store", help="publish every named graph of the store made by `build --store`")
    p.add_argument("--site", required=True, help="the folder to write the site into (the host's document root)")
    p.add_argument("--base-iri", default=DEFAULT_BASE,
                   help=f"the base the graph's IRIs were minted with, where the site is served (default {DEFAULT_BASE})")
    p.add_argument("--quiet", "-q", action="store_true", help="print nothing but errors")


def run(args) -> int:
    # imported here, not above, so that `publish --help` loads no rdflib or pyoxigraph
    from ..publish import publish_site
    from ..push import graphs_in_files, graphs_in_store
    from ..query import load_store

    if bool(args.store) == bool(args.graphs):
        raise InputError("publish", "give either --store DIR or graph files")
    graphs = graphs_in_store(load_store([], args.store)) if args.store else graphs_in_files(args.graphs)
    result = publish_site(graphs, args.site, args.base_iri)
    if result.pages <= 1:
        raise InputError(args.base_iri, "no resource of the graph has an IRI under this base: "
                                        "build with the same --base-iri")
    if not args.quiet:
        emit(f"{result.pages} pages, {result.triples} triples -> {args.site} (nginx configuration: {args.site}/nginx.conf)")
    return 0
