"""graph-builder serve [--store DIR | FILE...]: a SPARQL 1.1 Protocol and Graph Store Protocol endpoint."""
from __future__ import annotations

import argparse

from ..cli import emit, warn
from ..errors import InputError
from ..push import graphs_in_files, push
from ..serve import DEFAULT_HOST, DEFAULT_PORT, OxigraphServer


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("graphs", nargs="*", help="without --store: Turtle/TriG files to serve from memory")
    p.add_argument("--store", help="the on-disk store made by `build --store` (locked while served)")
    p.add_argument("--host", default=DEFAULT_HOST, help=f"address to listen on (default {DEFAULT_HOST}: this machine only)")
    p.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    p.add_argument("--read-only", action="store_true",
                   help="serve the store read-only, so that `query --store` can read it meanwhile (never build then)")


def run(args) -> int:
    if bool(args.store) == bool(args.graphs):
        raise InputError("serve", "give either --store DIR or graph files")
    server = OxigraphServer(args.store, args.host, args.port, args.read_only)
    with server:
        if args.graphs:
            push(server.store_url, graphs_in_files(args.graphs))
        if args.host not in ("127.0.0.1", "::1", "localhost"):
            warn(f"listening on {args.host}: reachable from other machines, writes included unless --read-only")
        emit(f"SPARQL endpoint: {server.query_url}\n"
             f"SPARQL update:   {server.update_url}\n"
             f"Graph Store:     {server.store_url}\n"
             f"Serving {server.url} (Ctrl-C to stop)")
        try:
            code = server.wait()
        except KeyboardInterrupt:
            return 0
    if code != 0:
        raise InputError(args.store or "oxigraph", f"the server stopped (exit {code}): {server.log().strip()}")
    return 0
