"""Stage 5: triples become files — Turtle, TriG, N-Triples, N-Quads, JSON-LD.

Output is deterministic: triples are sorted before they are written, so the
same input gives byte-identical files.  Files are written atomically (a
temporary file renamed over the target), so a failed build leaves the previous
output in place.
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from pyoxigraph import NamedNode, Quad, RdfFormat, Triple, parse, serialize

from .vocab import PREFIXES

FORMATS = {
    "turtle": (RdfFormat.TURTLE, ".ttl"),
    "ttl": (RdfFormat.TURTLE, ".ttl"),
    "trig": (RdfFormat.TRIG, ".trig"),
    "nt": (RdfFormat.N_TRIPLES, ".nt"),
    "ntriples": (RdfFormat.N_TRIPLES, ".nt"),
    "nq": (RdfFormat.N_QUADS, ".nq"),
    "nquads": (RdfFormat.N_QUADS, ".nq"),
    "jsonld": (RdfFormat.JSON_LD, ".jsonld"),
    "json-ld": (RdfFormat.JSON_LD, ".jsonld"),
}


def in_order(triples) -> list[Triple]:
    """The triples sorted by their N-Triples form (serializing and sorting lines is much faster than str() each)."""
    lines = serialize(triples, format=RdfFormat.N_TRIPLES).split(b"\n")
    lines.sort()
    return [q.triple for q in parse(b"\n".join(lines), format=RdfFormat.N_TRIPLES)]


def turtle_from_ntriples(ntriples: bytes) -> bytes:
    """Turtle from sorted N-Triples (rdf.py's output), in the same order."""
    return sorted_prefixes(serialize(parse(ntriples, format=RdfFormat.N_TRIPLES), format=RdfFormat.TURTLE,
                                     prefixes=PREFIXES)) if ntriples else prefix_header()


def turtle_bytes(triples: list[Triple]) -> bytes:
    return sorted_prefixes(serialize(in_order(triples), format=RdfFormat.TURTLE, prefixes=PREFIXES))


def prefix_header() -> bytes:
    """The @prefix lines every Turtle and TriG file starts with."""
    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(PREFIXES.items())).encode("utf-8")


def sorted_prefixes(data: bytes) -> bytes:
    """The serializer writes its @prefix lines in no promised order: sort them."""
    lines = data.split(b"\n")
    k = 0
    while k < len(lines) and lines[k].startswith(b"@prefix "):
        k += 1
    return b"\n".join(sorted(lines[:k]) + lines[k:])


def graph_bytes(triples: list[Triple], fmt: str) -> bytes:
    rdf_format, _ = FORMATS[fmt]
    ordered = in_order(triples)
    if rdf_format == RdfFormat.JSON_LD:
        return jsonld_bytes(ordered)
    if rdf_format in (RdfFormat.TRIG, RdfFormat.N_QUADS):
        return sorted_prefixes(serialize([Quad(t.subject, t.predicate, t.object) for t in ordered], format=rdf_format,
                         prefixes=PREFIXES if rdf_format == RdfFormat.TRIG else None))
    return sorted_prefixes(serialize(ordered, format=rdf_format,
                                     prefixes=PREFIXES if rdf_format == RdfFormat.TURTLE else None))


def dataset_bytes(graphs: list[tuple[str, list[Triple]]], fmt: str) -> bytes:
    """A dataset with one named graph per resolution (TriG or N-Quads)."""
    rdf_format, _ = FORMATS[fmt]
    quads = [Quad(t.subject, t.predicate, t.object, NamedNode(name))
             for name, triples in sorted(graphs, key=lambda g: g[0]) for t in in_order(triples)]
    return sorted_prefixes(serialize(quads, format=rdf_format,
                                     prefixes=PREFIXES if rdf_format == RdfFormat.TRIG else None))


def jsonld_context() -> dict:
    """The published JSON-LD context: the project's prefixes."""
    return {"@context": dict(sorted(PREFIXES.items()))}


def jsonld_bytes(triples: list[Triple]) -> bytes:
    """JSON-LD, compacted to the published prefixes, keys in a stable order."""
    raw = serialize(triples, format=RdfFormat.JSON_LD, prefixes=PREFIXES)
    data = json.loads(raw)
    return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def write_atomic(path: str | Path, data: bytes, durable: bool = True) -> None:
    """Write data to path so that readers see either the old file or the new one, never half.

    durable: also flush it to the disk before the rename, so that not even a system crash
    leaves half a file (a corpus's thousands of small files skip this: it costs more than the build)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
