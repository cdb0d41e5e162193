"""graph-builder ontology: regenerate ontology/verbs.ttl from data/verbs.toml."""
from __future__ import annotations

import argparse
from pathlib import Path

from graph_builder.cli import emit


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("--write", metavar="DIR", help="write verbs.ttl into DIR (the project's ontology/ folder)")


def run(args) -> int:
    # imported here, not above, so that `ontology --help` loads no rdflib
    from graph_builder.graph.export import write_atomic
    from graph_builder.graph.ontology import verb_scheme_turtle

    data = verb_scheme_turtle()
    if args.write:
        write_atomic(Path(args.write) / "verbs.ttl", data)
        emit(f"wrote {Path(args.write) / 'verbs.ttl'}")
    else:
        emit(data.decode("utf-8"))
    return 0
