"""graph-builder validate [--store DIR | FILE...]: check graphs against the SHACL shapes (pySHACL)."""
from __future__ import annotations

import argparse

from graph_builder.cli import EXIT_FINDINGS, emit, emit_json
from graph_builder.errors import InputError


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("graphs", nargs="*", help="TriG/N-Quads (a named graph per resolution) or one-resolution Turtle files")
    p.add_argument("--store", help="validate every named graph of the store made by `build --store`")
    p.add_argument("--shapes", help="a SHACL shapes file (default: ontology/shapes.ttl)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--jobs", "-j", type=int, default=1, help="with --store: validate in N processes")
    p.add_argument("--every", type=int, default=1, metavar="N",
                   help="with --store: check every Nth resolution graph only (a sample; pySHACL takes seconds a graph)")


def run(args) -> int:
    # imported here, not above, so that `validate --help` loads no pySHACL, rdflib or pyoxigraph
    from graph_builder.graph.store import load_store
    from graph_builder.publish.push import graphs_in_files
    from graph_builder.publish.validate import dataset_store, validate_store, validate_store_dir

    if bool(args.store) == bool(args.graphs):
        raise InputError("validate", "give either --store DIR or graph files")
    if args.store:
        load_store([], args.store)  # a one-line error when there is no store there
        report = validate_store_dir(args.store, args.shapes, jobs=args.jobs, every=args.every)
    else:
        report = validate_store(dataset_store(graphs_in_files(args.graphs)), args.shapes)
    if args.format == "json":
        emit_json({"conforms": report.conforms, "graphs": report.graphs, "triples": report.triples,
                   "violations": [vars(v) for v in report.violations]})
    else:
        for v in report.violations:
            emit(str(v))
        emit(f"{report.graphs} graphs, {report.triples} triples: "
             + ("conforms" if report.conforms else f"{len(report.violations)} violations"))
    return 0 if report.conforms else EXIT_FINDINGS
