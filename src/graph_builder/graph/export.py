"""Stage 5: triples become files — Turtle, TriG, N-Triples, N-Quads, JSON-LD.

Output is deterministic: triples are sorted before they are written, so the
same input gives byte-identical files.  Files are written atomically (a
temporary file renamed over the target), so a failed build leaves the previous
output in place.
"""
from __future__ import annotations

import errno
import json
import os
import secrets
from collections.abc import Iterable
from pathlib import Path

from pyoxigraph import BlankNode, Literal, NamedNode, Quad, RdfFormat, Triple, parse, serialize

from graph_builder.graph.formats import output_format
from graph_builder.graph.vocab import PREFIXES


def serialized(data: Iterable[Triple] | Iterable[Quad], format: RdfFormat, prefixes: dict[str, str] | None = None) -> bytes:
    """pyoxigraph's serialize into memory: typed bytes | None because, handed a file, it writes there instead."""
    out = serialize(data, format=format, prefixes=prefixes)
    assert out is not None
    return out


def in_order(triples: Iterable[Triple]) -> list[Triple]:
    """The triples sorted by their N-Triples form (serializing and sorting lines is much faster than str() each)."""
    lines = serialized(triples, RdfFormat.N_TRIPLES).split(b"\n")
    lines.sort()
    return [q.triple for q in parse(b"\n".join(lines), format=RdfFormat.N_TRIPLES)]


def turtle_from_ntriples(ntriples: bytes) -> bytes:
    """Turtle from sorted N-Triples (rdf.py's output), in the same order; parsed without checking them
    again, as rdf.triples_of does."""
    return turtle_in_order(parse(ntriples, format=RdfFormat.N_TRIPLES, lenient=True)) if ntriples else prefix_header()


def turtle_in_order(triples: Iterable[Triple]) -> bytes:
    """Turtle of triples in the order given (parsed from sorted N-Triples, say).  Parsing makes most of the
    cost, so a caller that writes several graphs from one parse pays it once."""
    if isinstance(triples, list) and not triples:
        return prefix_header()
    return sorted_prefixes(serialized(triples, RdfFormat.TURTLE, PREFIXES))


def turtle_with_part(lines: list[bytes], part: list[slice]) -> tuple[bytes, bytes]:
    """Sorted N-Triples lines (rdf.py's) -> (the Turtle of them all, the Turtle of the lines in `part`, sorted
    disjoint slices of them, without its @prefix lines): the same bytes as serializing each, from one
    streaming parse.  The serializer writes each subject's triples as one block that depends on them alone,
    so the lines are serialized in runs cut where a slice of `part` starts or ends between two subjects, and
    the part's Turtle is its runs' text; only a subject with lines in and out of the part is written again."""
    header = prefix_header()
    if not lines:
        return header, b""

    def subject(k: int) -> bytes:
        return lines[k][:lines[k].find(b" ")]

    def raw(chunk: list[bytes]) -> bytes:
        return serialized(parse(b"".join(chunk), format=RdfFormat.N_TRIPLES, lenient=True), RdfFormat.TURTLE,
                          PREFIXES)

    ends = {s.start for s in part} | {s.stop for s in part}
    cuts = [0] + sorted(c for c in ends if 0 < c < len(lines) and subject(c - 1) != subject(c)) + [len(lines)]
    whole: list[bytes] = []
    own: list[bytes] = []
    skip = len(header)  # every serialization starts with the same @prefix lines, in some order
    k = 0  # the first slice of part that may meet the run
    for a, b in zip(cuts, cuts[1:]):
        text = raw(lines[a:b])
        whole.append(sorted_prefixes(text) if a == 0 else text[skip:])
        while k < len(part) and part[k].stop <= a:
            k += 1
        inside = [slice(max(s.start, a), min(s.stop, b)) for s in part[k:] if s.start < b]
        if inside == [slice(a, b)]:
            own.append(text[skip:])
        elif inside:
            own.append(raw([x for s in inside for x in lines[s]])[skip:])
    return b"".join(whole), b"".join(own)


def turtle_bytes(triples: list[Triple]) -> bytes:
    return sorted_prefixes(serialized(in_order(triples), RdfFormat.TURTLE, PREFIXES))


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
    """The triples in the format called `fmt` (a name or alias of formats.OUTPUT_FORMATS)."""
    f = output_format(fmt)
    rdf_format, prefixes = getattr(RdfFormat, f.rdf_format), PREFIXES if f.prefixes else None
    ordered = in_order(triples)
    if rdf_format == RdfFormat.JSON_LD:
        return jsonld_bytes(ordered)
    if f.dataset:
        return sorted_prefixes(serialized([Quad(t.subject, t.predicate, t.object) for t in ordered], rdf_format,
                                          prefixes))
    return sorted_prefixes(serialized(ordered, rdf_format, prefixes))


def dataset_bytes(graphs: list[tuple[str, list[Triple]]], fmt: str) -> bytes:
    """A dataset with one named graph per resolution (a dataset format: TriG or N-Quads)."""
    f = output_format(fmt)
    if not f.dataset:
        raise ValueError(f"{fmt!r} holds no named graphs")
    quads = [Quad(t.subject, t.predicate, t.object, NamedNode(name))
             for name, triples in sorted(graphs, key=lambda g: g[0]) for t in in_order(triples)]
    return sorted_prefixes(serialized(quads, getattr(RdfFormat, f.rdf_format), PREFIXES if f.prefixes else None))


def jsonld_context() -> dict:
    """The published JSON-LD context: the project's prefixes."""
    return {"@context": dict(sorted(PREFIXES.items()))}


def jsonld_bytes(triples: list[Triple]) -> bytes:
    """JSON-LD, compacted to the published prefixes, keys in a stable order."""
    raw = serialized(triples, RdfFormat.JSON_LD, PREFIXES)
    data = json.loads(raw)
    return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def write_atomic(path: str | Path, data: bytes, durable: bool = True) -> None:
    """Write data to path so that readers see either the old file or the new one, never half.

    durable: also flush it to the disk before the rename, so that not even a system crash
    leaves half a file (a corpus's thousands of small files skip this: it costs more than the build)."""
    path = Path(path)
    write_set(path.parent, {path.name: data}, durable=durable)


def write_set(folder: str | Path, files: dict[str, bytes], durable: bool = True) -> None:
    """Write several files of one folder so that they change together or not at all.

    Every file is first written to a temporary file beside its target; only when all are written
    (a full disk fails here, before anything changed) are they renamed over their targets.  The old
    files are kept as hard links until every rename has succeeded, so a failed rename puts the
    whole old set back.  On failure no temporary file is left behind."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    temps: dict[str, Path] = {}
    try:
        for name, data in files.items():
            temps[name] = _write_temporary(folder, name, data, durable)
    except BaseException:
        for tmp in temps.values():
            tmp.unlink(missing_ok=True)
        raise
    backups: dict[str, Path] = {}
    renamed: list[str] = []
    try:
        for name in temps:
            if len(temps) > 1 and os.path.lexists(folder / name):
                b = _backup(folder, name)
                if b is not None:
                    backups[name] = b
        for name, tmp in temps.items():
            os.replace(tmp, folder / name)
            renamed.append(name)
    except BaseException:
        for name in reversed(renamed):  # undo: the old set comes back whole
            try:
                if name in backups:
                    os.replace(backups.pop(name), folder / name)
                else:
                    (folder / name).unlink(missing_ok=True)
            except OSError:
                pass
        for leftover in (*temps.values(), *backups.values()):
            leftover.unlink(missing_ok=True)
        raise
    for b in backups.values():
        b.unlink(missing_ok=True)
    if durable and len(temps) and hasattr(os, "O_DIRECTORY"):
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)  # the renames themselves reach the disk
        except OSError:
            pass
        finally:
            os.close(fd)


def temporary_name(folder: Path, name: str, suffix: str = ".tmp") -> Path:
    """A hidden name beside `name` that no other writer (another build, another thread) picks:
    a random part, and names bounded whatever the target's length."""
    return folder / f".{name[:80]}.{secrets.token_hex(8)}{suffix}"


def create_temporary(folder: Path, name: str, suffix: str = ".tmp") -> tuple[int, Path]:
    """A new, empty file for writing, created exclusively, with the mode the umask gives (0644 under
    the usual umask 022; mkstemp would make it 0600, and a web server then cannot read what we publish)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    while True:
        tmp = temporary_name(folder, name, suffix)
        try:
            return os.open(tmp, flags, 0o666), tmp
        except FileExistsError:  # 64 random bits taken: try again
            continue


def _write_temporary(folder: Path, name: str, data: bytes, durable: bool) -> Path:
    try:
        fd, tmp = create_temporary(folder, name)
    except OSError as exc:  # named by the file the user asked for, not by our temporary
        raise OSError(exc.errno, exc.strerror, str(folder / name)) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OSError(exc.errno, exc.strerror, str(folder / name)) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def _backup(folder: Path, name: str) -> Path | None:
    """A second name for the old file (a hard link: no data copied), to restore it if the set fails;
    None on a file system without hard links (the set is then still written whole or not at all, but a
    rename failing halfway, which needs no space, could not be undone)."""
    b = temporary_name(folder, name, ".old")
    try:
        os.link(folder / name, b)
    except OSError as exc:
        if exc.errno in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK, errno.EXDEV):
            return None
        raise
    return b


def curie(term) -> str:
    """A pyoxigraph term as people read it: a CURIE where a known prefix fits, a literal's value, `_:id`."""
    if term is None:
        return ""
    if isinstance(term, NamedNode):
        iri = term.value
        for p, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
            if iri.startswith(ns) and iri[len(ns):] and all(ch.isalnum() or ch in "_-" for ch in iri[len(ns):]):
                return f"{p}:{iri[len(ns):]}"
        return iri
    if isinstance(term, Literal):
        return term.value
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    return str(term)
