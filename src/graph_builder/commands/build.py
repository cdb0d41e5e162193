"""graph-builder build FILE...: resolutions become Turtle (and JSON) in the output folder."""
from __future__ import annotations

import argparse
import json
import tomllib
from importlib import resources
from pathlib import Path

from ..build import Built, build_file, expand_inputs
from ..cli import EXIT_BAD_INPUT, EXIT_FINDINGS, emit, warn
from ..contract import to_contract
from ..errors import InputError
from ..export import graph_bytes, write_atomic
from ..iri import Minter
from ..models import DocumentInfo
from ..vocab import DEFAULT_BASE
from .extract import add_document_options, given_info


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="*", help="files or folders (.txt, .xml); none: the bundled example, 57/209")
    p.add_argument("-o", "--output", default="output", help="output folder (default: output/)")
    add_document_options(p)
    p.add_argument("--format", action="append", choices=("ttl", "trig", "nt", "nq", "jsonld"),
                   help="graph formats to write (default ttl; repeatable)")
    p.add_argument("--base-iri", default=DEFAULT_BASE, help=f"base of the IRIs minted (default {DEFAULT_BASE})")
    p.add_argument("--strict", action="store_true", help="exit 1 when there are diagnostics")
    p.add_argument("--quiet", "-q", action="store_true", help="print nothing but errors")


def example() -> tuple[Path, DocumentInfo]:
    folder = resources.files("graph_builder.data").joinpath("example")
    meta = tomllib.loads(folder.joinpath("example.toml").read_text(encoding="utf-8"))
    info = DocumentInfo(symbol=meta["symbol"], date=meta["date"], body=meta.get("body", ""))
    return Path(str(folder.joinpath(meta["file"]))), info


def run(args) -> int:
    minter = Minter(args.base_iri)
    given = given_info(args)
    if not args.inputs:
        path, info = example()
        files = [path]
        given = given.with_defaults(info)
    else:
        files = expand_inputs(args.inputs)
        if not files:
            raise InputError(" ".join(args.inputs), "holds no .txt or .xml inputs")
        if len(files) > 1 and (args.symbol or args.title or args.date):
            raise InputError(" ".join(args.inputs), "--symbol, --date and --title apply to one file only")
    out = Path(args.output)
    formats = args.format or ["ttl"]
    built: list[Built] = []
    failed: list[tuple[str, str]] = []
    diagnostics = 0
    for f in files:
        try:
            b = build_file(f, given, minter)
        except InputError as exc:
            failed.append((str(f), exc.problem))
            warn(str(exc))
            continue
        built.append(b)
        diagnostics += len(b.resolution.diagnostics)
        for fmt in formats:
            write_atomic(out / f"{b.name}.{fmt}", graph_bytes(b.triples, fmt))
        contract = json.dumps(to_contract(b.resolution), ensure_ascii=False, indent=1) + "\n"
        write_atomic(out / f"{b.name}.json", contract.encode("utf-8"))
        if not args.quiet:
            emit(f"{f}: {len(b.resolution.clauses)} clauses, "
                 f"{sum(len(c.references) for c in b.resolution.clauses) + sum(len(n.references) for n in b.resolution.footnotes)} "
                 f"references, {len(b.triples)} triples -> {out / (b.name + '.' + formats[0])}")
        for d in b.resolution.diagnostics:
            if args.strict or not args.quiet:
                where = f" at {d.span[0]}-{d.span[1]}" if d.span else ""
                warn(f"{f}: {d.clause or 'document'}{where}: {d.code}: {d.message}")
    if failed and not args.quiet:
        warn(f"{len(failed)} of {len(files)} inputs failed: " + "; ".join(f"{p} ({why})" for p, why in failed))
    if not built:
        return EXIT_BAD_INPUT
    if failed or (args.strict and diagnostics):
        return EXIT_FINDINGS
    return 0
