"""graph-builder ontology: regenerate ontology/verbs.ttl from data/verbs.toml, and graph/terms.py from
ontology/graph-builder.ttl."""
from __future__ import annotations

import argparse
from pathlib import Path

from graph_builder.cli import emit


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("--write", metavar="DIR", help="write verbs.ttl into DIR (the project's ontology/ folder)")
    p.add_argument("--terms", metavar="FILE", help="write the Python terms of ontology/graph-builder.ttl into FILE "
                   "(the project's src/graph_builder/graph/terms.py) instead")


def run(args) -> int:
    # imported here, not above, so that `ontology --help` loads no rdflib
    from graph_builder.graph.export import write_atomic
    from graph_builder.graph.ontology import ontology_file, terms_module, verb_scheme_turtle

    if args.terms:
        write_atomic(Path(args.terms), terms_module(ontology_file("graph-builder.ttl")).encode("utf-8"))
        emit(f"wrote {args.terms}")
        return 0
    data = verb_scheme_turtle()
    if args.write:
        write_atomic(Path(args.write) / "verbs.ttl", data)
        emit(f"wrote {Path(args.write) / 'verbs.ttl'}")
    else:
        emit(data.decode("utf-8"))
    return 0
