"""graph-builder query 'SPARQL' FILE...: run SPARQL 1.1 over Turtle/TriG files or a store."""
from __future__ import annotations

import argparse
from pathlib import Path

from graph_builder.cli import emit
from graph_builder.errors import InputError


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("query", nargs="?", help="the SPARQL query (or use --file)")
    p.add_argument("graphs", nargs="*", help="Turtle, TriG, N-Triples, N-Quads or JSON-LD files")
    p.add_argument("--file", "-f", help="read the query from a .rq file")
    p.add_argument("--store", help="query an on-disk store made by `build --store`")
    p.add_argument("--format", choices=("table", "csv", "tsv", "json"), default="table")
    p.add_argument("--param", "-p", action="append", default=[], metavar="NAME=VALUE",
                   help="bind a parameter the query file declares (# param NAME = ?var (type): ...); repeatable")


def run(args) -> int:
    # imported here, not above, so that `query --help` loads no rdflib or pyoxigraph
    from graph_builder.graph.store import load_store
    from graph_builder.publish.query import format_results, run_query

    graphs = list(args.graphs)
    if args.file:
        try:
            text = Path(args.file).read_text(encoding="utf-8")
        except FileNotFoundError:
            raise InputError(args.file, "no such file") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(args.file, f"cannot be read ({getattr(exc, 'strerror', None) or exc})") from None
        if args.query:
            graphs.insert(0, args.query)
    elif args.query:
        text = args.query
    else:
        raise InputError("query", "give a SPARQL query or --file q.rq")
    if not graphs and not args.store:
        raise InputError("query", "give graph files to query, or --store DIR")
    params = {}
    for p in args.param:
        name, eq, value = p.partition("=")
        if not eq or not name.strip():
            raise InputError("--param", f"{p!r} is not NAME=VALUE")
        params[name.strip()] = value
    store = load_store(graphs, args.store)
    emit(format_results(run_query(store, text, params), args.format))
    return 0
