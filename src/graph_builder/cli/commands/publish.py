"""graph-builder publish --site DIR --base-iri IRI [--store DIR | FILE...] [--preview]: a static linked-data site."""
from __future__ import annotations

import argparse
import signal

from graph_builder.cli import EXIT_FINDINGS, emit, warn
from graph_builder.defaults import DEFAULT_BASE
from graph_builder.errors import InputError


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("graphs", nargs="*", help="TriG/N-Quads (a named graph per resolution) or one-resolution Turtle files")
    p.add_argument("--store", help="publish every named graph of the store made by `build --store`")
    p.add_argument("--site", required=True, help="the folder to write the site into (the host's document root)")
    p.add_argument("--base-iri", default=DEFAULT_BASE,
                   help=f"the base the graph's IRIs were minted with, where the site is served (default {DEFAULT_BASE})")
    p.add_argument("--preview", action="store_true",
                   help="then serve the site on 127.0.0.1 with content negotiation until Ctrl-C "
                        "(with no graphs given: serve the site already in --site)")
    p.add_argument("--port", type=int, default=8000, help="the preview's port (default 8000; 0: any free port)")
    p.add_argument("--quiet", "-q", action="store_true", help="print nothing but errors")


def run(args) -> int:
    # imported here, not above, so that `publish --help` loads no rdflib or pyoxigraph
    from graph_builder.graph.store import load_store
    from graph_builder.publish.push import graphs_in_files, graphs_in_store
    from graph_builder.publish.site import outside_base, publish_site

    if args.store and args.graphs:
        raise InputError("publish", "give either --store DIR or graph files, not both")
    if not args.store and not args.graphs:
        if args.preview:
            return preview(args)
        raise InputError("publish", "give either --store DIR or graph files")
    graphs = list(graphs_in_store(load_store([], args.store)) if args.store else graphs_in_files(args.graphs))
    outside = outside_base(graphs, args.base_iri)
    if graphs and len(outside) == len(graphs):
        warn(f"{args.base_iri}: none of the {len(graphs)} resolutions has an IRI under this base "
             f"(the first is {outside[0]}): build and publish with the same --base-iri; nothing published")
        return EXIT_FINDINGS
    result = publish_site(graphs, args.site, args.base_iri)
    for message in result.warnings:
        warn(message)
    if outside:
        warn(f"{args.base_iri}: {len(outside)} of {len(graphs)} resolutions are not under this base and have no page "
             f"(the first is {outside[0]})")
    if not args.quiet:
        emit(f"{result.pages} pages, {result.triples} triples -> {args.site} (nginx configuration: {args.site}/nginx.conf)")
    status = EXIT_FINDINGS if outside or result.warnings else 0
    if args.preview:
        preview(args)
    return status


def preview(args) -> int:
    """Serve the site until Ctrl-C or TERM."""
    from urllib.parse import urlsplit

    from graph_builder.publish.site import preview_server

    server = preview_server(args.site, args.port)
    host, port = server.socket.getsockname()[:2]  # a TCP socket: (host, port), the port the system chose
    path = urlsplit(args.base_iri).path or "/"
    emit(f"serving {args.site} at http://{host}:{port}{path}index.html (an IRI's path answers HTML, "
         "or Turtle, JSON-LD as Accept asks); Ctrl-C stops")

    def stop(*_):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        server.server_close()
    return 0
