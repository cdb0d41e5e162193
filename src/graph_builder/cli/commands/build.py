"""graph-builder build FILE...: resolutions become Turtle (and JSON, HTML) in the output folder.

One file gives output/<name>.ttl and .json; several files or folders give the
same for each resolution plus output/corpus.ttl and corpus.trig (a named graph
per resolution), and with --store an on-disk store that `query` and `serve` read.
"""
from __future__ import annotations

import argparse
import json
import sys
import tomllib
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

# the build modules load rdflib and pyoxigraph: each function below imports what it uses, so that
# `graph-builder build --help` loads neither
from graph_builder.cli import EXIT_BAD_INPUT, EXIT_FINDINGS, emit, warn
from graph_builder.cli.commands.extract import add_document_options, add_reader_options, given_info
from graph_builder.contract import to_contract
from graph_builder.defaults import DEFAULT_BASE, DEFAULT_TIMEOUT
from graph_builder.errors import InputError, OutputError, UsageError
from graph_builder.graph.formats import CHOICES, output_format
from graph_builder.models import DocumentInfo
from graph_builder.readers.registry import INPUT_SUFFIXES

if TYPE_CHECKING:
    from graph_builder.graph.iri import Minter


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="*", help=f"files or folders ({', '.join(INPUT_SUFFIXES)}); none: the bundled "
                                             "example, 57/209")
    p.add_argument("-o", "--output", default="output", help="output folder (default: output/)")
    add_document_options(p)
    add_reader_options(p)
    p.add_argument("--format", action="append", choices=CHOICES,
                   help="graph formats to write for each resolution (default ttl; repeatable)")
    p.add_argument("--store", metavar="DIR", help="also load the graph into an on-disk store (pyoxigraph/Oxigraph)")
    p.add_argument("--metadata", action="append", default=[], metavar="PATH",
                   help="the UN's JSON-lines metadata records (a file or a folder of them): votes, sponsors, "
                        "committee, meeting record, draft, subjects become triples too (repeatable)")
    p.add_argument("--base-iri", default=DEFAULT_BASE, help=f"base of the IRIs minted (default {DEFAULT_BASE})")
    p.add_argument("--jobs", "-j", type=int, default=0, help="worker processes (default: one per core)")
    p.add_argument("--no-view", action="store_true", help="write no HTML view (the corpus view's layout takes a while)")
    p.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                   help=f"in a batch, stop an input that takes longer than this, report it as failed and build the "
                        f"rest (default {DEFAULT_TIMEOUT:g}; 0: no limit)")
    p.add_argument("--diagnostics", metavar="FILE",
                   help="write every diagnostic to FILE, one JSON object a line (file, symbol, clause, code, span, "
                        "message)")
    p.add_argument("--strict", action="store_true", help="exit 1 when there are diagnostics")
    p.add_argument("--quiet", "-q", action="store_true", help="print nothing but errors")


def example() -> tuple[Path, DocumentInfo]:
    folder = resources.files("graph_builder.data").joinpath("example")
    meta = tomllib.loads(folder.joinpath("example.toml").read_text(encoding="utf-8"))
    info = DocumentInfo(symbol=meta["symbol"], date=meta["date"], body=meta.get("body", ""))
    return Path(str(folder.joinpath(meta["file"]))), info


def run(args) -> int:
    from graph_builder.build import expand_inputs, metadata_problems
    from graph_builder.graph.iri import Minter

    minter = Minter(args.base_iri)
    given = given_info(args)
    if args.timeout < 0:
        raise UsageError("--timeout", f"{args.timeout:g} is negative (0 means no limit)")
    formats = tuple(args.format or ["ttl"])
    if "ttl" not in formats:
        formats = ("ttl", *formats)  # the Turtle file is also the corpus build's cache
    out = Path(args.output)
    if not args.inputs:
        path, info = example()
        return build_one(path, given.with_defaults(info), minter, out, formats, args)
    for m in args.metadata:
        if not Path(m).exists():
            raise InputError(m, "no such metadata file or folder")
    if args.metadata and not args.quiet:
        for f, n, why in metadata_problems(tuple(args.metadata)):
            warn(f"{f}: line {n}: {why}; skipped")
    folders = [p for p in args.inputs if Path(p).is_dir()]
    files = list(expand_inputs(args.inputs))
    if not files:
        raise InputError(" ".join(args.inputs), "holds no .txt, .xml or .pdf inputs")
    one_file = len(files) == 1 and not folders
    if one_file and not args.store:
        return build_one(files[0], given, minter, out, formats, args)
    if (args.symbol or args.title or args.date) and not one_file:
        raise InputError(" ".join(args.inputs), "--symbol, --date and --title apply to one file only")
    return build_many(files, given, minter, out, formats, args)


def write_diagnostics(args, findings) -> None:
    if args.diagnostics:
        from graph_builder.build import diagnostics_jsonl
        from graph_builder.graph.export import write_atomic

        try:
            write_atomic(args.diagnostics, diagnostics_jsonl(findings))
        except OSError as exc:
            raise OutputError(args.diagnostics, f"cannot be written ({exc.strerror or exc})") from None


# A resolution view shows every clause; past this many, a page is no longer a view (and costs a lot of memory).
VIEW_CLAUSE_LIMIT = 5000


def build_one(path: Path, given: DocumentInfo, minter: Minter, out: Path, formats: tuple[str, ...], args) -> int:
    from graph_builder.build import build_file, findings_of, output_folder, write_outputs
    from graph_builder.graph.export import graph_bytes, turtle_from_ntriples

    b = build_file(path, given, minter, tuple(args.metadata), args.pdf_tags)
    res = b.resolution
    # every output is made before any is written, and all are written together: a failure (a full disk)
    # leaves the previous files as they were
    # triples as objects only for the formats that need them: a huge resolution has millions
    triples = b.triples if any(fmt != "ttl" for fmt in formats) else []
    outputs: dict[str, bytes] = {f"{b.name}{output_format(fmt).suffix}": turtle_from_ntriples(b.ntriples) if fmt == "ttl"
                                 else graph_bytes(triples, fmt) for fmt in formats}
    # indented for people; a resolution past the view's size gets the compact (and much faster) encoding
    indent = 1 if len(res.clauses) <= VIEW_CLAUSE_LIMIT else None
    outputs[f"{b.name}.json"] = (json.dumps(to_contract(res), ensure_ascii=False, indent=indent) + "\n").encode("utf-8")
    view = None if args.no_view else resolution_view(b, minter)
    if view is not None:
        outputs[f"{b.name}.html"] = view
    elif not args.quiet and not args.no_view:
        warn(f"{path}: {len(res.clauses)} clauses: too many for an HTML view, none written")
    with output_folder(out):
        write_outputs(out, outputs)
    findings = list(findings_of(str(path), res))
    write_diagnostics(args, findings)
    refs = sum(len(c.references) for c in res.clauses) + sum(len(n.references) for n in res.footnotes)
    if not args.quiet:
        count = b.ntriples.count(b"\n")
        emit(f"{path}: {len(res.clauses)} clauses, {refs} references, {count} triples")
        emit("wrote " + ", ".join(str(out / name) for name in outputs))
    if not args.quiet or args.strict:
        for f in findings:
            warn(f.line())
    return EXIT_FINDINGS if args.strict and findings else 0


def resolution_view(b, minter: Minter) -> bytes | None:
    if len(b.resolution.clauses) > VIEW_CLAUSE_LIMIT:
        return None
    from graph_builder.publish.view import resolution_view_html

    return resolution_view_html(b.resolution, minter).encode("utf-8")


def build_many(files: list[Path], given: DocumentInfo, minter: Minter, out: Path, formats: tuple[str, ...],
               args) -> int:
    from graph_builder.build import Settings, build_corpus, findings_summary, output_folder

    settings = Settings(minter=minter, formats=formats, given=given, metadata=tuple(args.metadata),
                        want_summary=not args.no_view, timeout=args.timeout, pdf_tags=args.pdf_tags)
    bar = None
    if sys.stderr.isatty() and not args.quiet:
        from tqdm import tqdm

        bar = tqdm(total=len(files), unit="file", desc="building", file=sys.stderr)
    with output_folder(out):  # held until the corpus view is written too
        try:
            report = build_corpus(files, out, settings, jobs=args.jobs,
                                  store_dir=Path(args.store) if args.store else None,
                                  progress=bar.update if bar else None)
        finally:
            if bar:
                bar.close()
        views = [] if args.no_view else write_corpus_view(report, minter, out)
    write_diagnostics(args, report.findings)
    for path, why in report.failed:
        warn(f"{path}: {why}")
    if not args.quiet:
        emit(f"built {len(report.built)} resolutions ({report.triples} triples), "
             f"{len(report.skipped)} unchanged and skipped, {len(report.failed)} failed")
        emit("wrote " + ", ".join(report.outputs + views) + (f"; store: {args.store}" if args.store else "")
             + (f"; diagnostics: {args.diagnostics}" if args.diagnostics else ""))
    if not args.quiet or args.strict:
        for line in findings_summary(report.findings):
            warn(line)
    elif report.duplicates:
        for path, first, graph in report.duplicates:
            warn(f"{path}: is the same resolution as {first} ({graph}); only that one is kept")
    if report.failed:
        warn(f"{len(report.failed)} of {len(files)} inputs failed: "
             + "; ".join(f"{Path(p).name} ({why})" for p, why in report.failed[:20])
             + (" ..." if len(report.failed) > 20 else ""))
    if not report.built and not report.skipped:
        return EXIT_BAD_INPUT
    if report.failed or (args.strict and report.findings):
        return EXIT_FINDINGS
    return 0


def write_corpus_view(report, minter: Minter, out: Path) -> list[str]:
    from graph_builder.build import write_outputs

    try:
        from graph_builder.publish.network import citation_network
        from graph_builder.publish.view import corpus_view_html
    except ImportError:
        return []
    summaries = [o.summary for o in report.built if o.summary is not None]
    if not summaries:
        return []
    path = out / "index.html"
    write_outputs(out, {"index.html": corpus_view_html(citation_network(summaries, minter)).encode("utf-8")})
    return [str(path)]
