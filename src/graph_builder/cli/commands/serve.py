"""graph-builder serve [--store DIR | FILE...]: a SPARQL 1.1 Protocol and Graph Store Protocol endpoint.

Read-only unless --writable, which needs a token (from $GRAPH_BUILDER_TOKEN, or
made up and printed); see graph_builder.publish.serve for every check a request passes.
"""
from __future__ import annotations

import argparse
import os
import secrets
import signal
import sys
import threading
from typing import TYPE_CHECKING

# pyoxigraph and the server are imported where they are used, so that `serve --help` loads neither
from graph_builder.cli import emit, warn
from graph_builder.defaults import DEFAULT_HOST, DEFAULT_PORT, LOOPBACK_NAMES
from graph_builder.errors import InputError

if TYPE_CHECKING:
    from pyoxigraph import Store

TOKEN_VARIABLE = "GRAPH_BUILDER_TOKEN"
MIN_TOKEN_LENGTH = 16


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("graphs", nargs="*", help="without --store: Turtle/TriG files to serve from memory")
    p.add_argument("--store", help="the on-disk store made by `build --store`")
    p.add_argument("--host", default=DEFAULT_HOST, help=f"address to listen on (default {DEFAULT_HOST}: this machine only)")
    p.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT}; 0: any free port)")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--read-only", action="store_true",
                      help="the default: no writes; `query --store` can read the store meanwhile (never build then)")
    mode.add_argument("--writable", action="store_true",
                      help=f"accept SPARQL update and Graph Store PUT/POST/DELETE, each with "
                           f"`Authorization: Bearer TOKEN` (the token from ${TOKEN_VARIABLE}, or made up and printed); "
                           "the store is held, so no build can open it meanwhile")
    p.add_argument("--allow-service", action="store_true",
                   help="let queries use SERVICE, which makes the server fetch the URL it names (refused by default)")
    p.add_argument("--allow-load", action="store_true",
                   help="let updates use LOAD, which makes the server fetch the URL it names (refused by default)")
    p.add_argument("--allow-host", action="append", default=[], metavar="NAME",
                   help="also answer requests sent to this host name (with --host 0.0.0.0: the names clients use)")
    p.add_argument("--quiet", "-q", action="store_true", help="log no requests")


def write_token() -> str:
    token = os.environ.get(TOKEN_VARIABLE)
    if token is None:
        return secrets.token_urlsafe(32)
    if len(token) < MIN_TOKEN_LENGTH or not token.isascii() or not token.isprintable() or " " in token:
        raise InputError(f"${TOKEN_VARIABLE}", f"a token needs at least {MIN_TOKEN_LENGTH} printable ASCII "
                                               "characters and no spaces")
    return token


def in_memory(paths: list[str]) -> Store:
    from pyoxigraph import NamedNode, Quad, Store

    from graph_builder.publish.push import graphs_in_files

    store = Store()
    for name, triples in graphs_in_files(paths):
        graph = NamedNode(name)
        store.extend(Quad(t.subject, t.predicate, t.object, graph) for t in triples)
    return store


def run(args) -> int:
    from graph_builder.publish.serve import Policy, SparqlServer, open_served_store, serve_in_thread

    if bool(args.store) == bool(args.graphs):
        raise InputError("serve", "give either --store DIR or graph files")
    if not 0 <= args.port <= 65535:
        raise InputError("--port", f"{args.port} is not a port")
    token = write_token() if args.writable else None
    store = open_served_store(args.store, args.writable) if args.store else in_memory(args.graphs)
    policy = Policy(args.host, args.port, token, args.allow_service, args.allow_load, tuple(args.allow_host))
    server = SparqlServer(store, policy, log=None if args.quiet else warn)

    stop = threading.Event()
    previous = {s: signal.signal(s, lambda *_: stop.set()) for s in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)}
    serve_in_thread(server)
    try:
        if args.host not in LOOPBACK_NAMES:
            warn(f"listening on {args.host}: reachable from other machines, over plain HTTP")
        emit(server.describe().rstrip("\n"))
        if token is not None and TOKEN_VARIABLE not in os.environ:
            emit(f"Write token:     {token} (send it as `Authorization: Bearer TOKEN`; "
                 f"set ${TOKEN_VARIABLE} to choose it)")
        emit(f"Serving {server.url} {'read-write' if token else 'read-only'} (Ctrl-C to stop)")
        sys.stdout.flush()
        while not stop.wait(1.0):
            pass
    finally:
        server.shutdown()
        server.server_close()
        for s, handler in previous.items():
            signal.signal(s, handler)
    return 0
