"""Building: input files become Resolutions, triples and files.

One file at a time (`build_file`) or a whole corpus (`build_corpus`): the
corpus path extracts in worker processes, one per core, and streams each
resolution's outputs to the corpus files in input order, so the result does
not depend on which worker finished first and memory stays bounded.
"""
from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from . import __version__
from .contract import to_contract
from .errors import InputError
from .export import FORMATS, graph_bytes, prefix_header, turtle_from_ntriples, write_atomic
from .iri import Minter
from .models import DocumentInfo, Resolution
from .pipeline import extract, read_path
from .rdf import document_iri, metadata_ntriples, resolution_ntriples, split_graphs, triples_of

INPUT_SUFFIXES = (".txt", ".xml", ".akn")


@dataclass(frozen=True)
class Built:
    path: str
    resolution: Resolution
    ntriples: bytes  # sorted N-Triples

    @property
    def name(self) -> str:
        return output_name(self.resolution, self.path)

    @property
    def triples(self) -> list:
        return triples_of(self.ntriples)


def output_name(res: Resolution, path: str) -> str:
    """A file name for a resolution's outputs: its symbol, else its input's name."""
    if res.info.symbol:
        return re.sub(r"[^A-Za-z0-9.\-]+", "_", res.info.symbol).strip("_")
    return Path(path).stem


def expand_inputs(paths: list[str | Path]) -> Iterator[Path]:
    """Files as given, folders searched recursively for .txt and .xml, in a stable order."""
    for p in map(Path, paths):
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs.sort()
                for f in sorted(files):
                    if f.lower().endswith(INPUT_SUFFIXES) and not f.startswith("."):
                        yield Path(root) / f
        else:
            yield p


def build_file(path: str | Path, given: DocumentInfo = DocumentInfo(), minter: Minter = Minter(),
               metadata: tuple[str, ...] = ()) -> Built:
    """One input to its Resolution and triples; with metadata files, their record's triples too."""
    res = extract(read_path(path, given))
    if not res.clauses:
        raise InputError(str(path), "holds no resolution clauses (no preambular or operative paragraph was found)")
    ntriples = resolution_ntriples(res, minter)
    record = metadata_records(metadata).get(canonical_symbol(res.info.symbol)) if metadata else None
    if record is not None:
        more = metadata_ntriples(record, document_iri(res, minter), minter)
        ntriples = b"".join(sorted(set(ntriples.splitlines(keepends=True)) | set(more.splitlines(keepends=True))))
    return Built(str(path), res, ntriples)


def canonical_symbol(symbol: str) -> str:
    from .pipeline import complete_info

    return complete_info(DocumentInfo(symbol=symbol)).symbol


@cache
def metadata_records(paths: tuple[str, ...]) -> dict:
    """The metadata records of the given JSON-lines files (or folders of them), by canonical symbol."""
    from .metadata import read_metadata

    records: dict = {}
    for p in paths:
        files = sorted(Path(p).glob("*.json")) if Path(p).is_dir() else [Path(p)]
        for f in files:
            try:
                found, _problems = read_metadata(f)
            except OSError as exc:
                raise InputError(str(f), f"cannot be read ({exc.strerror or exc})") from None
            for symbol, record in found.items():
                records.setdefault(canonical_symbol(symbol), record)
    return records


# -- the corpus path ---------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """What a worker sends back for one input: its outputs, ready to write, or why it failed."""

    path: str
    error: str = ""
    name: str = ""
    graph: str = ""  # the named graph: the resolution's IRI
    files: dict[str, bytes] = field(default_factory=dict)  # suffix -> bytes of the per-resolution files
    body: bytes = b""  # the Turtle of the resolution's own graph, without its @prefix lines
    ntriples: bytes = b""  # the resolution's own graph, for the store
    others: dict[str, bytes] = field(default_factory=dict)  # graph -> N-Triples of what it says in other graphs
    triples: int = 0
    diagnostics: int = 0
    clauses: int = 0
    references: int = 0
    summary: Resolution | None = None  # the resolution without its texts, for the network views


@dataclass(frozen=True)
class Settings:
    minter: Minter
    formats: tuple[str, ...] = ("ttl",)
    given: DocumentInfo = DocumentInfo()
    want_store: bool = False
    want_summary: bool = True
    metadata: tuple[str, ...] = ()  # JSON-lines metadata files or folders

    def fingerprint(self) -> str:
        return json.dumps([__version__, self.minter.base, sorted(self.formats), repr(self.given), self.metadata])


def strip_prefixes(turtle: bytes) -> bytes:
    lines = turtle.split(b"\n")
    k = 0
    while k < len(lines) and lines[k].startswith(b"@prefix "):
        k += 1
    return b"\n".join(lines[k:])


def summarize(res: Resolution) -> Resolution:
    """The resolution without its texts: what the citation network needs, small to send between processes."""
    clauses = tuple(replace(c, text="") for c in res.clauses)
    notes = tuple(replace(f, text="") for f in res.footnotes)
    return replace(res, text="", clauses=clauses, footnotes=notes, diagnostics=())


def work(path: str, settings: Settings) -> Outcome:
    """Build one input in a worker process; never raises for a bad input."""
    try:
        return outcome_of(path, settings)
    except InputError as exc:
        return Outcome(path, error=exc.problem)
    except Exception as exc:  # one input's failure, whatever it is, must not end the batch
        return Outcome(path, error=f"{type(exc).__name__}: {exc}")


def outcome_of(path: str, settings: Settings) -> Outcome:
    b = build_file(path, settings.given, settings.minter, settings.metadata)
    res = b.resolution
    graph = document_iri(res, settings.minter)
    files: dict[str, bytes] = {}
    ttl = turtle_from_ntriples(b.ntriples)
    for fmt in settings.formats:
        files[FORMATS[fmt][1]] = ttl if FORMATS[fmt][1] == ".ttl" else graph_bytes(b.triples, fmt)
    # compact: the C encoder; indenting would run Python's, several times slower over a corpus
    files[".json"] = (json.dumps(to_contract(res), ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
    others = split_graphs(b.ntriples, settings.minter)
    own = others.pop(graph, b"")
    ntriples = own if settings.want_store else b""
    refs = sum(len(c.references) for c in res.clauses) + sum(len(f.references) for f in res.footnotes)
    return Outcome(path, name=b.name, graph=graph, files=files, body=strip_prefixes(turtle_from_ntriples(own)),
                   ntriples=ntriples, others=others, triples=b.ntriples.count(b"\n"), diagnostics=len(res.diagnostics), clauses=len(res.clauses),
                   references=refs, summary=summarize(res) if settings.want_summary else None)


def _work_star(args: tuple[str, Settings]) -> Outcome:
    return work(*args)


@dataclass
class CorpusReport:
    built: list[Outcome] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # unchanged since the last build
    failed: list[tuple[str, str]] = field(default_factory=list)
    triples: int = 0
    outputs: list[str] = field(default_factory=list)


def build_corpus(paths: list[Path], out: Path, settings: Settings, *, jobs: int = 0, store_dir: Path | None = None,
                 progress: Callable[[int], None] | None = None, per_file: bool = True,
                 on_outcome: Callable[[Outcome], None] | None = None) -> CorpusReport:
    """Build every input; write per-resolution files, corpus.ttl and corpus.trig (a named graph per
    resolution) and, with store_dir, load the on-disk store.  Unchanged inputs are skipped on a rerun."""
    from pyoxigraph import NamedNode, RdfFormat

    from .store import Manifest, file_digest, load_graph, open_store

    report = CorpusReport()
    out.mkdir(parents=True, exist_ok=True)
    manifest = Manifest(out)
    fingerprint = settings.fingerprint()
    store = open_store(store_dir) if store_dir else None
    todo: list[str] = []
    cached: dict[str, tuple[str, str]] = {}  # path -> (name, graph) of unchanged inputs
    digests: dict[str, str] = {}
    for p in paths:
        sp = str(p)
        try:
            digests[sp] = file_digest(p)
        except FileNotFoundError:
            report.failed.append((sp, "no such file"))
            continue
        except OSError as exc:
            report.failed.append((sp, f"cannot be read ({exc.strerror or exc})"))
            continue
        entry = manifest.entries.get(sp)
        ttl_out = next((o for o in (entry or {}).get("outputs", []) if o.endswith(".ttl")), "")
        if entry and ttl_out and manifest.unchanged(sp, digests[sp], fingerprint) and all(
                (out / o).exists() for o in entry["outputs"]) and (store is None or entry.get("stored")):
            cached[sp] = (entry["graph"], ttl_out)
            report.skipped.append(sp)
        else:
            todo.append(sp)

    ttl_tmp = out / ".corpus.ttl.part"
    trig_tmp = out / ".corpus.trig.part"
    header = prefix_header()
    order = [str(p) for p in paths if str(p) in digests]
    outcomes = run_workers(todo, replace(settings, want_store=store is not None), jobs)
    # graphs new to the store are bulk-loaded from one file at the end (fast; the store is untouched if the
    # build stops before); a graph the store already has is replaced in its own transaction
    fresh_tmp = out / ".store-new.nq.part"
    fresh_graphs: set[str] = set()
    shared = SharedTriples()  # what resolutions say outside their own graphs, once each, written at the end
    try:
        with open(ttl_tmp, "wb") as ttl, open(trig_tmp, "wb") as trig, open(fresh_tmp, "wb") as fresh:
            ttl.write(header)
            trig.write(header)
            # outcomes arrive in input order, whichever worker finished first: the files are deterministic
            for sp in order:
                if sp in cached:
                    graph, first = cached[sp]
                    body = shared.own_body(graph, (out / first).read_bytes(), settings.minter)
                    ttl.write(body)
                    trig.write(b"<" + graph.encode() + b"> {\n" + body + b"}\n")
                    continue
                o = next(outcomes)
                if progress:
                    progress(1)
                if o.error:
                    report.failed.append((sp, o.error))
                    previous = manifest.entries.get(sp, {})
                    ttl_out = next((n for n in previous.get("outputs", []) if n.endswith(".ttl")), "")
                    if ttl_out and (out / ttl_out).is_file() and previous.get("settings") == fingerprint:
                        # what this input gave last time stays in the corpus: a failure loses nothing built
                        # (unless the settings changed since: the corpus files never mix two builds)
                        body = shared.own_body(previous["graph"], (out / ttl_out).read_bytes(), settings.minter)
                        ttl.write(body)
                        trig.write(b"<" + previous["graph"].encode() + b"> {\n" + body + b"}\n")
                    continue
                names = []
                if per_file:
                    for suffix, data in sorted(o.files.items()):
                        write_atomic(out / f"{o.name}{suffix}", data, durable=False)
                        names.append(f"{o.name}{suffix}")
                ttl.write(o.body)
                trig.write(b"<" + o.graph.encode() + b"> {\n" + o.body + b"}\n")
                shared.add(o.others)
                if store is not None and o.graph not in fresh_graphs:
                    if store.contains_named_graph(NamedNode(o.graph)):
                        load_graph(store, o.graph, o.ntriples)
                    else:
                        fresh_graphs.add(o.graph)
                        fresh.write(o.ntriples.replace(b" .\n", b" <" + o.graph.encode() + b"> .\n"))
                manifest.record(sp, digests[sp], fingerprint, o.graph, names)
                manifest.entries[sp]["stored"] = store is not None
                if on_outcome:
                    on_outcome(o)
                report.built.append(replace(o, files={}, body=b"", ntriples=b"", others={}))  # keep the summary, not the bytes
                report.triples += o.triples
            shared.write(ttl, trig, fresh if store is not None else None)
        if store is not None and (fresh_graphs or shared.graphs):
            store.bulk_load(path=str(fresh_tmp), format=RdfFormat.N_QUADS)
        if report.built or report.skipped:
            # a batch in which nothing could be built leaves the previous corpus files as they were
            os.replace(ttl_tmp, out / "corpus.ttl")
            os.replace(trig_tmp, out / "corpus.trig")
            report.outputs += [str(out / "corpus.ttl"), str(out / "corpus.trig")]
            manifest.save()
    finally:
        for tmp in (ttl_tmp, trig_tmp, fresh_tmp):
            tmp.unlink(missing_ok=True)
        if store is not None:
            store.flush()
    return report


class SharedTriples:
    """What resolutions say outside their own named graphs (see rdf.split_graphs), gathered over a
    corpus so that each triple is written once: to corpus.ttl, to its graph in corpus.trig and the store."""

    def __init__(self) -> None:
        self.graphs: dict[str, set[bytes]] = {}

    def add(self, others: dict[str, bytes]) -> None:
        for graph, lines in others.items():
            self.graphs.setdefault(graph, set()).update(lines.splitlines(keepends=True))

    def own_body(self, graph: str, turtle: bytes, minter: Minter) -> bytes:
        """A resolution's whole Turtle file -> the Turtle of its own graph; the rest is gathered."""
        from pyoxigraph import RdfFormat, parse, serialize

        lines = sorted(serialize(parse(turtle, format=RdfFormat.TURTLE), format=RdfFormat.N_TRIPLES).splitlines(
            keepends=True))
        others = split_graphs(b"".join(lines), minter)
        own = others.pop(graph, b"")
        self.add(others)
        return strip_prefixes(turtle_from_ntriples(own))

    def write(self, ttl, trig, quads=None) -> None:
        for graph in sorted(self.graphs):
            lines = b"".join(sorted(self.graphs[graph]))
            body = strip_prefixes(turtle_from_ntriples(lines))
            ttl.write(body)
            trig.write(b"<" + graph.encode() + b"> {\n" + body + b"}\n")
            if quads is not None:
                quads.write(lines.replace(b" .\n", b" <" + graph.encode() + b"> .\n"))


def run_workers(paths: list[str], settings: Settings, jobs: int) -> Iterator[Outcome]:
    """Outcomes of every input, in input order; one process per core for more than a few inputs."""
    jobs = jobs or os.cpu_count() or 1
    if jobs == 1 or len(paths) < 4:
        for p in paths:
            yield work(p, settings)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(_work_star, ((p, settings) for p in paths), chunksize=8)
