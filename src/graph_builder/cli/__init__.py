"""The command line.  Library code never prints or exits; this module does.

Exit codes (as pySHACL's): 0 all went well, 1 findings (diagnostics under
--strict, or some inputs of a batch failed), 2 bad input or nothing could be
built (an unreadable input, a malformed option, an output that cannot be written).
"""
from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import sys

from graph_builder import __version__
from graph_builder.errors import GraphBuilderError, InputError, QueryError

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2

# each command lives in graph_builder/cli/commands/<name>.py with configure(parser) and run(args) -> int
COMMANDS = {
    "build": "build a graph from resolutions (text or AKN4UN XML); with no file, the bundled example",
    "extract": "print what one resolution cites, as the extraction contract's JSON or a table",
    "query": "run a SPARQL query over Turtle/TriG files or a store",
    "stats": "the most-cited resolutions, instruments and documents of a corpus",
    "serve": "serve a store as a SPARQL 1.1 endpoint",
    "push": "upload the graph to a SPARQL 1.1 Graph Store Protocol endpoint",
    "publish": "write a static linked-data site",
    "network": "write the citation network as GraphML, GEXF and CSV node and edge lists",
    "validate": "check a graph against the SHACL shapes in ontology/",
    "ontology": "write the ontology's generated parts (the verb concept scheme)",
}


def parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser.  Only `command`'s module is imported (to add its options), so that
    `graph-builder --help` loads no command and `graph-builder CMD --help` loads CMD's alone; the
    commands import their heavy modules (rdflib, networkx, pyoxigraph) only when they run."""
    p = argparse.ArgumentParser(prog="graph-builder", description=__doc__.split("\n")[0])
    p.add_argument("--version", action="version", version=f"graph-builder {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    for name, help_text in COMMANDS.items():
        if importlib.util.find_spec(f"graph_builder.cli.commands.{name}") is None:
            continue
        sp = sub.add_parser(name, help=help_text, description=help_text)
        if name == command:
            load(name).configure(sp)
    return p


def command_of(argv: list[str]) -> str | None:
    """The command argv names: its first argument that is not an option (the top level has only -h and
    --version, which take no value)."""
    for arg in argv:
        if arg == "--":
            return None
        if not arg.startswith("-"):
            return arg if arg in COMMANDS else None
    return None


def load(name: str):
    try:
        return importlib.import_module(f"graph_builder.cli.commands.{name}")
    except ModuleNotFoundError as exc:
        if exc.name == f"graph_builder.cli.commands.{name}":
            return None
        raise


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    p = parser(command_of(argv))
    args = p.parse_args(argv)
    if not args.command:
        p.print_help()
        return EXIT_BAD_INPUT
    module = load(args.command)
    try:
        return int(module.run(args) or 0)
    except InputError as exc:
        print(f"graph-builder: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except QueryError as exc:
        print(f"graph-builder: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except GraphBuilderError as exc:
        print(f"graph-builder: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as exc:  # a write the command did not foresee failing (a full disk, a read-only folder)
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"graph-builder: {where}{exc.strerror or exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("graph-builder: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


def emit(text: str) -> None:
    sys.stdout.write(text)
    if not text.endswith("\n"):
        sys.stdout.write("\n")


def emit_json(data) -> None:
    emit(json.dumps(data, ensure_ascii=False, indent=1))


def warn(message: str) -> None:
    print(f"graph-builder: {message}", file=sys.stderr)

