"""graph-builder push --endpoint URL [--store DIR | FILE...]: upload to a Graph Store Protocol endpoint."""
from __future__ import annotations

import argparse
import os

from ..cli import emit
from ..errors import InputError
from ..push import graphs_in_files, graphs_in_store, push
from ..query import load_store

PASSWORD_VARIABLE = "GRAPH_BUILDER_PASSWORD"


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("graphs", nargs="*", help="TriG/N-Quads (a named graph per resolution) or one-resolution Turtle files")
    p.add_argument("--endpoint", required=True,
                   help="the Graph Store Protocol URL: Oxigraph http://HOST:7878/store, Fuseki http://HOST:3030/DS/data, "
                        "GraphDB http://HOST:7200/repositories/REPO/rdf-graphs/service, "
                        "Virtuoso http://HOST:8890/sparql-graph-crud-auth")
    p.add_argument("--store", help="push every named graph of the store made by `build --store`")
    p.add_argument("--user", help=f"user name for HTTP Basic or Digest authentication; password from ${PASSWORD_VARIABLE}")
    p.add_argument("--timeout", type=float, default=120.0, help="seconds to wait for each graph (default 120)")
    p.add_argument("--quiet", "-q", action="store_true", help="print nothing but errors")


def run(args) -> int:
    if bool(args.store) == bool(args.graphs):
        raise InputError("push", "give either --store DIR or graph files")
    graphs = graphs_in_store(load_store([], args.store)) if args.store else graphs_in_files(args.graphs)
    result = push(args.endpoint, graphs, args.user, os.environ.get(PASSWORD_VARIABLE), args.timeout)
    if not args.quiet:
        emit(f"{result.graphs} graphs, {result.triples} triples -> {args.endpoint}")
    return 0
