"""graph-builder push --endpoint URL [--store DIR | FILE...]: upload to a Graph Store Protocol endpoint.

Exit codes: 0 every graph went up; 1 some did, then one failed (the message says how many went
through; a rerun redoes them harmlessly); 2 none did, or bad input.
"""
from __future__ import annotations

import argparse
import os
from typing import TYPE_CHECKING

from graph_builder.cli import EXIT_BAD_INPUT, EXIT_FINDINGS, emit, warn
from graph_builder.errors import InputError, PushError

if TYPE_CHECKING:  # for the annotations only: `push --help` loads no pyoxigraph
    from collections.abc import Iterable

    from pyoxigraph import Triple

PASSWORD_VARIABLE = "GRAPH_BUILDER_PASSWORD"
TOKEN_VARIABLE = "GRAPH_BUILDER_TOKEN"


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("graphs", nargs="*", help="TriG/N-Quads (a named graph per resolution) or one-resolution Turtle files")
    p.add_argument("--endpoint", required=True,
                   help="the Graph Store Protocol URL: Oxigraph http://HOST:7878/store, Fuseki http://HOST:3030/DS/data, "
                        "GraphDB http://HOST:7200/repositories/REPO/rdf-graphs/service, "
                        "Virtuoso http://HOST:8890/sparql-graph-crud-auth, `graph-builder serve --writable` "
                        "http://127.0.0.1:7878/store")
    p.add_argument("--store", help="push every named graph of the store made by `build --store`")
    p.add_argument("--user", help=f"user name for HTTP Basic or Digest authentication; password from ${PASSWORD_VARIABLE}")
    p.add_argument("--bearer", action="store_true",
                   help=f"send ${TOKEN_VARIABLE} as `Authorization: Bearer` (`graph-builder serve --writable`)")
    p.add_argument("--timeout", type=float, default=120.0,
                   help="seconds one graph's upload may take in all, connection to answer (default 120)")
    p.add_argument("--quiet", "-q", action="store_true", help="print nothing but errors")


def run(args) -> int:
    # imported here, not above, so that `push --help` loads no rdflib or pyoxigraph
    from graph_builder.graph.store import load_store
    from graph_builder.publish.push import graphs_in_files, graphs_in_store, push, redact

    if bool(args.store) == bool(args.graphs):
        raise InputError("push", "give either --store DIR or graph files")
    token = os.environ.get(TOKEN_VARIABLE) if args.bearer else None
    if args.bearer and not token:
        raise InputError("--bearer", f"${TOKEN_VARIABLE} is not set")
    if args.store:
        store = load_store([], args.store)
        graphs: Iterable[tuple[str, list[Triple]]] = graphs_in_store(store)
        total = sum(1 for _ in store.named_graphs())
    else:
        files = graphs_in_files(args.graphs)
        graphs, total = files, len(files)
    try:
        result = push(args.endpoint, graphs, args.user, os.environ.get(PASSWORD_VARIABLE), args.timeout, token, total)
    except PushError as exc:
        warn(str(exc))
        return EXIT_FINDINGS if exc.pushed else EXIT_BAD_INPUT
    if not args.quiet:
        emit(f"{result.graphs} graphs, {result.triples} triples -> {redact(args.endpoint)}")
    return 0
