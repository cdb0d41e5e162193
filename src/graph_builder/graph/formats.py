"""The output formats, one row each.

The graph's: the name `build --format` takes, its other spellings, the suffix of its files, and the
serializer it uses.  The CLI's choices, the per-resolution file names and export.py's serializers all come
from this table; adding a format is one row (and a serializer in export.py if pyoxigraph's does not fit).

The citation network's (`network --format`): the name, and the files it writes; publish/network.py holds
one writer per row.

It imports nothing, so that `--help` shows the choices without loading pyoxigraph or networkx.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class OutputFormat:
    name: str  # as `build --format` takes it
    aliases: tuple[str, ...]  # other names the API accepts
    suffix: str  # of the files written in it
    rdf_format: str  # the pyoxigraph.RdfFormat member that serializes it
    dataset: bool = False  # quads: each triple in a named graph (TriG, N-Quads)
    prefixes: bool = False  # written with the project's @prefix lines (Turtle, TriG)


OUTPUT_FORMATS: tuple[OutputFormat, ...] = (
    OutputFormat("ttl", ("turtle",), ".ttl", "TURTLE", prefixes=True),
    OutputFormat("trig", (), ".trig", "TRIG", dataset=True, prefixes=True),
    OutputFormat("nt", ("ntriples",), ".nt", "N_TRIPLES"),
    OutputFormat("nq", ("nquads",), ".nq", "N_QUADS", dataset=True),
    OutputFormat("jsonld", ("json-ld",), ".jsonld", "JSON_LD"),
)
# what `build --format` offers
CHOICES: tuple[str, ...] = tuple(f.name for f in OUTPUT_FORMATS)


def output_format(name: str) -> OutputFormat:
    """The format called `name` (or one of its aliases); ValueError for one the table lacks."""
    for f in OUTPUT_FORMATS:
        if name == f.name or name in f.aliases:
            return f
    raise ValueError(f"unknown graph format {name!r} (one of {', '.join(CHOICES)})")


@dataclass(frozen=True, slots=True)
class NetworkFormat:
    name: str  # as `network --format` takes it
    files: tuple[str, ...]  # the files written, "{stem}" standing for the --name given


NETWORK_FORMATS: tuple[NetworkFormat, ...] = (
    NetworkFormat("graphml", ("{stem}.graphml",)),  # yEd, Cytoscape, networkx
    NetworkFormat("gexf", ("{stem}.gexf",)),  # Gephi
    NetworkFormat("csv", ("{stem}-nodes.csv", "{stem}-edges.csv")),  # pandas.read_csv, R's read.csv
)
# what `network --format` offers
NETWORK_CHOICES: tuple[str, ...] = tuple(f.name for f in NETWORK_FORMATS)


def network_format(name: str) -> NetworkFormat:
    """The network format called `name`; ValueError for one the table lacks."""
    for f in NETWORK_FORMATS:
        if name == f.name:
            return f
    raise ValueError(f"unknown network format {name!r} (one of {', '.join(NETWORK_CHOICES)})")
