"""Building: input files become Resolutions, triples and files.

One file at a time (`build_file`) or a whole corpus (`build_corpus`): the
corpus path extracts in worker processes, one per core, and streams each
resolution's outputs to the corpus files in input order, so the result does
not depend on which worker finished first and memory stays bounded.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import time
from collections import Counter, deque
from collections.abc import Callable, Generator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from graph_builder import __version__
from graph_builder.contract import to_contract
from graph_builder.defaults import DEFAULT_TIMEOUT
from graph_builder.errors import InputError, OutputError
from graph_builder.graph.export import (
    create_temporary,
    graph_bytes,
    prefix_header,
    serialized,
    turtle_from_ntriples,
    turtle_with_part,
    write_set,
)
from graph_builder.graph.formats import output_format
from graph_builder.graph.iri import Minter, short_hash
from graph_builder.graph.rdf import (
    document_iri,
    graph_slices,
    has_single_valued,
    joined,
    metadata_ntriples,
    page_ntriples,
    resolution_ntriples,
    single_values,
    split_graphs,
    triples_of,
)
from graph_builder.models import Diagnostic, DocumentInfo, Resolution
from graph_builder.pipeline import extract, read_path
from graph_builder.readers.registry import INPUT_SUFFIXES


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


# Output file names.  A resolution's files are named by its symbol, written with "_" for "/" and for the
# parentheses of a final qualifier: A/RES/57/209 is A_RES_57_209, S/RES/834(1993) is S_RES_834_1993,
# A/RES/2200(XXI) is A_RES_2200_XXI.  Reading such a name back (symbol_of_name) gives the symbol again.
# A symbol whose name would read back as another ("A RES 76 15 I", which is not A/RES/76/15(I)), or would be
# longer than NAME_LIMIT, gets "~" and a hash of the symbol instead; a text with no symbol is named by its
# file's stem, "~" and the hash its IRI (doc/text-<hash>) carries.  No plain name holds "~", so two
# resolutions never share a name: names are injective over symbols (the property tests check this).
NAME_LIMIT = 100  # characters before the suffix; a file name may hold 255 bytes, and temporaries add some
_UNSAFE = re.compile(r"[^A-Za-z0-9.\-]+")  # a run of anything else is one "_"
# a last part printed in parentheses after a number: a session (XXI), a year (1993), a section (Sect.2)
_QUALIFIER = re.compile(r"[IVXLC]+|(?:19|20)[0-9]{2}|Sect\.[0-9]+")
_ENDS_IN_NUMBER = re.compile(r"(?:^|_)[0-9]+$")


def readable(text: str) -> str:
    """'A/RES/57/209' -> 'A_RES_57_209': letters, digits, '.' and '-' kept, each other run one '_'."""
    return _UNSAFE.sub("_", text).strip("_")


def symbol_of_name(name: str) -> str:
    """The symbol a plain output name stands for: 'S_RES_834_1993' -> 'S/RES/834(1993)'."""
    head, _, last = name.rpartition("_")
    if head and _QUALIFIER.fullmatch(last) and _ENDS_IN_NUMBER.search(head):
        return head.replace("_", "/") + f"({last})"
    return name.replace("_", "/")


def _hashed(stem: str, digest: str) -> str:
    return (stem.lstrip("._-") or "x")[: NAME_LIMIT - len(digest) - 1] + "~" + digest


def name_of_symbol(symbol: str) -> str:
    """The output name of a resolution with this symbol (see above): injective, at most NAME_LIMIT long."""
    plain = readable(symbol)
    if (plain and len(plain) <= NAME_LIMIT and plain[0].isalnum() and symbol_of_name(plain) == symbol):
        return plain
    return _hashed(plain, hashlib.sha1(symbol.encode("utf-8", "surrogatepass")).hexdigest()[:10])


def output_name(res: Resolution, path: str) -> str:
    """A file name for a resolution's outputs: from its symbol, else from its input's name and its text."""
    if res.info.symbol:
        return name_of_symbol(res.info.symbol)
    return _hashed(readable(Path(path).stem), short_hash(res.text))


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
               metadata: tuple[str, ...] = (), pdf_tags: bool = True) -> Built:
    """One input to its Resolution and triples; with metadata files, their record's triples too
    (pdf_tags=False: a PDF's tag tree is ignored)."""
    res = extract(read_path(path, given, pdf_tags))
    if not res.clauses:
        raise InputError(str(path), "holds no resolution clauses (no preambular or operative paragraph was found)")
    if not res.info.symbol:
        res = replace(res, diagnostics=res.diagnostics + (Diagnostic(
            "no-symbol", f"no symbol in the text, and none given (--symbol): the resolution is named by its "
            f"content, doc/text-{short_hash(res.text)}"),))
    ntriples = resolution_ntriples(res, minter)
    record = metadata_records(metadata).get(canonical_symbol(res.info.symbol)) if metadata else None
    if record is not None:
        more = metadata_ntriples(record, document_iri(res, minter), minter)
        # the text and the record may spell one node two ways (a committee): one value each again
        ntriples = single_values(b"".join(sorted(set(ntriples.splitlines(keepends=True))
                                                 | set(more.splitlines(keepends=True)))))
    return Built(str(path), res, ntriples)


def canonical_symbol(symbol: str) -> str:
    from graph_builder.pipeline import complete_info

    return complete_info(DocumentInfo(symbol=symbol)).symbol


def metadata_records(paths: tuple[str, ...]) -> dict:
    """The metadata records of the given JSON-lines files (or folders of them), by canonical symbol."""
    return _metadata(paths)[0]


def metadata_problems(paths: tuple[str, ...]) -> list[tuple[str, int, str]]:
    """(file, line number, reason) for each metadata line that could not be read, and was skipped
    (a second record for one symbol is no problem of the line: the first is kept, as the records repeat)."""
    return _metadata(paths)[1]


@cache
def _metadata(paths: tuple[str, ...]) -> tuple[dict, list[tuple[str, int, str]]]:
    from graph_builder.readers.metadata import read_metadata

    records: dict = {}
    bad: list[tuple[str, int, str]] = []
    for p in paths:
        files = sorted(Path(p).glob("*.json")) if Path(p).is_dir() else [Path(p)]
        for f in files:
            try:
                found, problems = read_metadata(f)
            except OSError as exc:
                raise InputError(str(f), f"cannot be read ({exc.strerror or exc})") from None
            bad += [(str(f), n, why) for n, why in problems if not why.startswith("duplicate record")]
            for symbol, record in found.items():
                records.setdefault(canonical_symbol(symbol), record)
    return records, bad


# -- findings ------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """One diagnostic of a build, with the input and resolution it belongs to (a line of --diagnostics)."""

    file: str
    symbol: str
    clause: str
    code: str
    span: tuple[int, int] | None
    message: str

    def as_dict(self) -> dict:
        return {"file": self.file, "symbol": self.symbol, "clause": self.clause, "code": self.code,
                "span": list(self.span) if self.span else None, "message": self.message}

    def line(self) -> str:
        where = f" at {self.span[0]}-{self.span[1]}" if self.span else ""
        return f"{self.file}: {self.clause or 'document'}{where}: {self.code}: {self.message}"


def findings_of(path: str, res: Resolution) -> tuple[Finding, ...]:
    return tuple(Finding(path, res.info.symbol, d.clause, d.code, (d.span[0], d.span[1]) if d.span else None, d.message)
                 for d in res.diagnostics)


def findings_summary(findings: list[Finding], first: int = 5) -> list[str]:
    """Lines for the terminal: the count by code, then the first few findings."""
    if not findings:
        return []
    files = len({f.file for f in findings})
    by_code = Counter(f.code for f in findings)
    lines = [f"{len(findings)} diagnostics in {files} inputs: "
             + ", ".join(f"{code} {n}" for code, n in sorted(by_code.items(), key=lambda kv: (-kv[1], kv[0])))]
    lines += [f.line() for f in findings[:first]]
    if len(findings) > first:
        lines.append(f"... and {len(findings) - first} more (--diagnostics FILE writes them all, as JSON lines)")
    return lines


def diagnostics_jsonl(findings: list[Finding]) -> bytes:
    return "".join(json.dumps(f.as_dict(), ensure_ascii=False) + "\n" for f in findings).encode("utf-8")


# -- the output folder -------------------------------------------------------------


@contextmanager
def output_folder(out: Path) -> Iterator[Path]:
    """The output folder, made if need be and locked for this build: two builds writing one folder at
    once would mix their files, so the second one stops with an OutputError while the first runs.
    (The lock is the operating system's advisory lock on the folder itself: no lock file is left, and
    a build that dies releases it.  Where fcntl is missing, as on Windows, there is no lock.)"""
    try:
        out.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OutputError(str(out), "exists and is not a folder") from None
    except OSError as exc:
        raise OutputError(str(out), f"cannot be made ({exc.strerror or exc})") from None
    if not out.is_dir():
        raise OutputError(str(out), "is not a folder")
    try:
        import fcntl
    except ImportError:
        yield out
        return
    key = os.path.realpath(out)
    if key in _HELD:  # this build already holds it (the command around build_corpus)
        yield out
        return
    fd = os.open(out, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputError(str(out), "another graph-builder build is writing to this folder; "
                                        "wait for it to finish, or build into another folder") from None
        except OSError:
            pass  # a file system without locks (some network mounts): build unlocked
        _HELD.add(key)
        try:
            yield out
        finally:
            _HELD.discard(key)
    finally:
        os.close(fd)


_HELD: set[str] = set()  # the output folders this process holds locked


def write_outputs(out: Path, files: dict[str, bytes], durable: bool = True) -> None:
    """One resolution's files, all changed or none; a write that fails names the file and the reason."""
    try:
        write_set(out, files, durable=durable)
    except OSError as exc:
        raise OutputError(exc.filename or str(out), f"cannot be written ({exc.strerror or exc}); "
                                                    "the previous files are left as they were") from None


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
    diagnostics: tuple[Finding, ...] = ()
    clauses: int = 0
    references: int = 0
    summary: Resolution | None = None  # the resolution without its texts, for the network views
    symbol: str = ""


@dataclass(frozen=True)
class Settings:
    minter: Minter
    formats: tuple[str, ...] = ("ttl",)
    given: DocumentInfo = DocumentInfo()
    want_store: bool = False
    want_summary: bool = True
    metadata: tuple[str, ...] = ()  # JSON-lines metadata files or folders
    timeout: float = DEFAULT_TIMEOUT  # seconds one input may take in a batch; 0: no limit
    pdf_tags: bool = True  # read a PDF's tag tree where it has one

    def fingerprint(self) -> str:
        return json.dumps([__version__, self.minter.base, sorted(self.formats), repr(self.given), self.metadata,
                           self.pdf_tags])


def input_kind(path: str | Path) -> str:
    """"pdf", "xml" or "text", by the first kilobyte (as the reader tells them apart); "" if unreadable."""
    from graph_builder.readers.registry import looks_like_pdf, looks_like_xml

    try:
        with open(path, "rb") as fh:
            head = fh.read(1024)
    except OSError:
        return ""
    return "pdf" if looks_like_pdf(head) else "xml" if looks_like_xml(head) else "text"


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
    b = build_file(path, settings.given, settings.minter, settings.metadata, settings.pdf_tags)
    res = b.resolution
    graph = document_iri(res, settings.minter)
    files: dict[str, bytes] = {}
    lines = b.ntriples.splitlines(keepends=True)  # sorted, as rdf.py writes them
    slices = graph_slices(lines, settings.minter)
    own = slices.pop(graph, [])
    others = {g: joined(lines, s) for g, s in slices.items()}
    # the file's Turtle and its own graph's from one streaming parse; other formats need the triples
    ttl, body = turtle_with_part(lines, own)
    triples = triples_of(b.ntriples) if any(output_format(f).suffix != ".ttl" for f in settings.formats) else []
    for fmt in settings.formats:
        suffix = output_format(fmt).suffix
        files[suffix] = ttl if suffix == ".ttl" else graph_bytes(triples, fmt)
    # compact: the C encoder; indenting would run Python's, several times slower over a corpus
    files[".json"] = (json.dumps(to_contract(res), ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
    ntriples = joined(lines, own) if settings.want_store else b""
    refs = sum(len(c.references) for c in res.clauses) + sum(len(f.references) for f in res.footnotes)
    return Outcome(path, name=b.name, graph=graph, files=files, body=body,
                   ntriples=ntriples, others=others, triples=len(lines),
                   diagnostics=findings_of(path, res), clauses=len(res.clauses), references=refs,
                   summary=summarize(res) if settings.want_summary else None, symbol=res.info.symbol)


def merged_outcome(xml: Outcome, pdf: Outcome, settings: Settings) -> Outcome:
    """One resolution from the outcomes of its XML and its PDF (pipeline.merge_pdf): the XML's graph,
    files and diagnostics, with the pages where the PDF prints each clause, footnote and citation
    that both readings have (gb:page, gb:pdfRegion)."""
    from pyoxigraph import RdfFormat, parse

    from graph_builder.pipeline import merge_pdf

    # both were read with their summaries (the batch asks for them when it holds a pair)
    assert xml.summary is not None and pdf.summary is not None
    merged = merge_pdf(xml.summary, pdf.summary)

    def lines(data: bytes, fmt) -> set[bytes]:  # one spelling of N-Triples (pyoxigraph's), whatever wrote them
        return set(serialized(parse(data, format=fmt), RdfFormat.N_TRIPLES).splitlines(keepends=True))

    extra = page_ntriples(merged, settings.minter)
    ntriples = b"".join(sorted(lines(xml.files[".ttl"], RdfFormat.TURTLE)
                               | (lines(extra, RdfFormat.N_TRIPLES) if extra else set())))
    files = dict(xml.files)
    ttl = turtle_from_ntriples(ntriples)
    for fmt in settings.formats:
        suffix = output_format(fmt).suffix
        files[suffix] = ttl if suffix == ".ttl" else graph_bytes(triples_of(ntriples), fmt)
    others = split_graphs(ntriples, settings.minter)
    own = others.pop(xml.graph, b"")
    return replace(xml, files=files, body=strip_prefixes(turtle_from_ntriples(own)),
                   ntriples=own if settings.want_store else b"", others=others, triples=ntriples.count(b"\n"),
                   summary=merged)


@dataclass
class CorpusReport:
    built: list[Outcome] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # unchanged since the last build
    failed: list[tuple[str, str]] = field(default_factory=list)
    triples: int = 0
    outputs: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)  # the diagnostics of every input, built or skipped
    duplicates: list[tuple[str, str, str]] = field(default_factory=list)  # (input, input kept, graph)
    merged: list[tuple[str, str, str]] = field(default_factory=list)  # (XML input, PDF input, graph): one resolution


def store_key(store_dir: Path) -> str:
    """What names one store, whatever its path: the identity its database wrote when it was made (so a
    store deleted and made again at the same path is a new store), else its absolute path."""
    try:
        identity = (store_dir / "IDENTITY").read_text(encoding="utf-8").strip()
    except OSError:
        identity = ""
    return identity or str(store_dir.resolve())


def build_corpus(paths: list[Path], out: Path, settings: Settings, *, jobs: int = 0, store_dir: Path | None = None,
                 progress: Callable[[int], object] | None = None, per_file: bool = True,
                 on_outcome: Callable[[Outcome], None] | None = None) -> CorpusReport:
    """Build every input; write per-resolution files, corpus.ttl and corpus.trig (a named graph per
    resolution) and, with store_dir, load the on-disk store.  Unchanged inputs are skipped on a rerun
    (those the store holds, when there is one).  The output folder is locked while it runs."""
    with output_folder(out):
        return _build_corpus(paths, out, settings, jobs=jobs, store_dir=store_dir, progress=progress,
                             per_file=per_file, on_outcome=on_outcome)


def _build_corpus(paths, out, settings, *, jobs, store_dir, progress, per_file, on_outcome) -> CorpusReport:
    from pyoxigraph import NamedNode, RdfFormat

    from graph_builder.graph.store import Manifest, file_digest, load_graph, open_store

    report = CorpusReport()
    manifest = Manifest(out)
    fingerprint = settings.fingerprint()
    store = open_store(store_dir) if store_dir else None
    key = store_key(store_dir) if store_dir else ""
    todo: list[str] = []
    cached: dict[str, tuple[str, str]] = {}  # path -> (graph, Turtle file) of unchanged inputs
    digests: dict[str, str] = {}
    kinds = {str(p): input_kind(p) for p in paths}
    # a resolution's XML and its PDF are one resolution (merged_outcome): in a batch of both, the PDFs are
    # read first and wait for their XML; they are read again on every rerun (a new XML may be theirs), and
    # so is an XML that took a PDF's pages
    merging = "pdf" in kinds.values() and "xml" in kinds.values()
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
        if entry and ttl_out and not (merging and (kinds[sp] == "pdf" or entry.get("pdf"))) \
                and manifest.unchanged(sp, digests[sp], fingerprint) and all(
                (out / o).exists() for o in entry["outputs"]) and (
                store is None or (key in entry.get("stores", []) and store.contains_named_graph(NamedNode(entry["graph"])))):
            cached[sp] = (entry["graph"], ttl_out)
            report.skipped.append(sp)
        else:
            todo.append(sp)

    header = prefix_header()
    order = [str(p) for p in paths if str(p) in digests]
    if merging:
        order = [sp for sp in order if kinds[sp] == "pdf"] + [sp for sp in order if kinds[sp] != "pdf"]
        waiting = set(todo)
        todo = [sp for sp in order if sp in waiting]
    work_settings = replace(settings, want_store=store is not None, want_summary=settings.want_summary or merging)
    outcomes = run_workers(todo, work_settings, jobs)
    graphs: dict[str, str] = {}  # graph -> the input that gave it (the first, in input order, wins)
    names_used = {entry["outputs"][0].rsplit(".", 1)[0]: entry["graph"] for sp, entry in manifest.entries.items()
                  if sp in cached and entry.get("outputs")}  # output name -> graph
    # graphs new to the store are bulk-loaded from one file at the end (fast; the store is untouched if the
    # build stops before); a graph the store already has is replaced in its own transaction
    fresh_graphs: set[str] = set()
    temps: list[Path] = []
    held: dict[str, tuple[str, Outcome]] = {}  # graph -> a PDF input and its outcome, waiting for its XML

    def temporary(name: str):
        fd, tmp = create_temporary(out, name, ".part")  # a name of its own: never another build's
        temps.append(tmp)
        return os.fdopen(fd, "wb")

    def duplicate(sp: str, graph: str) -> bool:
        first = graphs.setdefault(graph, sp)
        if first == sp:
            return False
        report.duplicates.append((sp, first, graph))
        report.findings.append(Finding(sp, graph.rsplit("/doc/", 1)[-1], "", "duplicate-resolution", None,
                                       f"is the same resolution as {first} ({graph}); only that one is kept"))
        return True

    shared = SharedTriples()  # what resolutions say outside their own graphs, once each, written at the end

    def emit(sp: str, o: Outcome, ttl, trig, fresh, more: dict) -> None:
        """One resolution's files; its graph into corpus.ttl, corpus.trig and the store; its manifest entry."""
        if names_used.setdefault(o.name, o.graph) != o.graph:
            # two resolutions, one name: a 40-bit hash collision, never seen; refuse rather than overwrite
            report.failed.append((sp, f"its output name {o.name} is already that of {names_used[o.name]}"))
            return
        names = []
        if per_file:
            files = {f"{o.name}{suffix}": data for suffix, data in sorted(o.files.items())}
            write_outputs(out, files, durable=False)
            names = list(files)
        ttl.write(o.body)
        trig.write(b"<" + o.graph.encode() + b"> {\n" + o.body + b"}\n")
        shared.add(o.others)
        if store is not None and o.graph not in fresh_graphs:
            if store.contains_named_graph(NamedNode(o.graph)):
                load_graph(store, o.graph, o.ntriples)
            else:
                fresh_graphs.add(o.graph)
                fresh.write(o.ntriples.replace(b" .\n", b" <" + o.graph.encode() + b"> .\n"))
        manifest.record(sp, digests[sp], fingerprint, o.graph, names, symbol=o.symbol,
                        diagnostics=[[f.clause, f.code, list(f.span) if f.span else None, f.message]
                                     for f in o.diagnostics], stores=[key] if key else [], **more)
        if on_outcome:
            on_outcome(o)
        # keep the summary (for the corpus view), not the bytes
        report.built.append(replace(o, files={}, body=b"", ntriples=b"", others={},
                                    summary=o.summary if settings.want_summary else None))
        report.triples += o.triples

    try:
        with temporary("corpus.ttl") as ttl, temporary("corpus.trig") as trig, temporary("store-new.nq") as fresh:
            ttl.write(header)
            trig.write(header)
            # outcomes arrive in input order, whichever worker finished first: the files are deterministic
            for sp in order:
                if sp in cached and cached[sp][0] in held:
                    report.skipped.remove(sp)
                    o = in_process(sp, work_settings)  # its PDF came since: the XML is read again to take its pages
                elif sp in cached:
                    graph, first = cached[sp]
                    entry = manifest.entries[sp]
                    report.findings += [Finding(sp, entry.get("symbol", ""), clause, code, tuple(span) if span else None,
                                                message) for clause, code, span, message in entry.get("diagnostics", [])]
                    if duplicate(sp, graph):
                        continue
                    body = shared.own_body(graph, (out / first).read_bytes(), settings.minter)
                    ttl.write(body)
                    trig.write(b"<" + graph.encode() + b"> {\n" + body + b"}\n")
                    continue
                else:
                    o = next(outcomes)
                if progress:
                    progress(1)
                if o.error:
                    report.failed.append((sp, o.error))
                    previous = manifest.entries.get(sp, {})
                    ttl_out = next((n for n in previous.get("outputs", []) if n.endswith(".ttl")), "")
                    if ttl_out and (out / ttl_out).is_file() and previous.get("settings") == fingerprint \
                            and not duplicate(sp, previous["graph"]):
                        # what this input gave last time stays in the corpus: a failure loses nothing built
                        # (unless the settings changed since: the corpus files never mix two builds)
                        body = shared.own_body(previous["graph"], (out / ttl_out).read_bytes(), settings.minter)
                        ttl.write(body)
                        trig.write(b"<" + previous["graph"].encode() + b"> {\n" + body + b"}\n")
                    continue
                report.findings += o.diagnostics
                more: dict = {}
                if merging and kinds[sp] == "pdf":
                    if duplicate(sp, o.graph):
                        manifest.record(sp, digests[sp], fingerprint, o.graph, [])
                    else:
                        held[o.graph] = (sp, o)  # written with its XML, or alone after the rest
                    continue
                if o.graph in held and kinds[sp] == "xml":
                    pdf_sp, pdf_o = held.pop(o.graph)
                    graphs[o.graph] = sp  # the XML is the resolution's input now: a later duplicate is one of it
                    o = merged_outcome(o, pdf_o, settings)
                    manifest.record(pdf_sp, digests[pdf_sp], fingerprint, o.graph, [])
                    report.merged.append((sp, pdf_sp, o.graph))
                    more = {"pdf": pdf_sp}
                elif duplicate(sp, o.graph):
                    manifest.record(sp, digests[sp], fingerprint, o.graph, [])
                    continue
                emit(sp, o, ttl, trig, fresh, more)
            for sp, o in list(held.values()):  # PDFs whose XML the batch does not hold
                emit(sp, o, ttl, trig, fresh, {})
            shared.write(ttl, trig, fresh if store is not None else None, store)
        if store is not None and (fresh_graphs or shared.graphs):
            store.bulk_load(path=str(temps[2]), format=RdfFormat.N_QUADS)
        if report.built or report.skipped:
            # a batch in which nothing could be built leaves the previous corpus files as they were
            os.replace(temps[0], out / "corpus.ttl")
            os.replace(temps[1], out / "corpus.trig")
            report.outputs += [str(out / "corpus.ttl"), str(out / "corpus.trig")]
            manifest.save()
    except OSError as exc:  # the output folder or the store: a full disk, a folder made read-only meanwhile
        raise OutputError(exc.filename or str(out), f"cannot be written ({exc.strerror or exc}); "
                                                    "the previous corpus files are left as they were") from None
    finally:
        outcomes.close()  # stops the worker processes, if the loop ended early
        for tmp in temps:
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
        from pyoxigraph import RdfFormat, parse

        lines = sorted(serialized(parse(turtle, format=RdfFormat.TURTLE), RdfFormat.N_TRIPLES).splitlines(
            keepends=True))
        others = split_graphs(b"".join(lines), minter)
        own = others.pop(graph, b"")
        self.add(others)
        return strip_prefixes(turtle_from_ntriples(own))

    def write(self, ttl, trig, quads=None, store=None) -> None:
        """Each gathered graph, with one value of each single-valued property (rdf.single_values: the
        resolutions spell a shared node their own ways), to corpus.ttl and corpus.trig, and for the store
        as quads to bulk-load; a graph the store holds already is merged with what it holds and replaced."""
        from pyoxigraph import NamedNode, RdfFormat

        from graph_builder.graph.store import load_graph

        for graph in sorted(self.graphs):
            lines = single_values(b"".join(sorted(self.graphs[graph])))
            body = strip_prefixes(turtle_from_ntriples(lines))
            ttl.write(body)
            trig.write(b"<" + graph.encode() + b"> {\n" + body + b"}\n")
            if quads is None:
                continue
            if store is not None and has_single_valued(lines) and store.contains_named_graph(NamedNode(graph)):
                # what earlier builds put there stays, and the union again has one label a node
                held = serialized((q.triple for q in store.quads_for_pattern(None, None, None, NamedNode(graph))),
                                  RdfFormat.N_TRIPLES)
                union = b"".join(sorted(set(lines.splitlines(keepends=True)) | set(held.splitlines(keepends=True))))
                merged = single_values(union)
                if merged is not union:
                    load_graph(store, graph, merged)
                    continue
            quads.write(lines.replace(b" .\n", b" <" + graph.encode() + b"> .\n"))


# -- worker processes ----------------------------------------------------------------


def run_workers(paths: list[str], settings: Settings, jobs: int) -> Generator[Outcome, None, None]:
    """Outcomes of every input, in input order; one process per core for more than a few inputs.

    An input that takes longer than settings.timeout seconds is stopped and given as failed; so is one
    whose worker process dies (killed by the system when memory runs out, say): its worker is replaced
    and the rest are built."""
    jobs = jobs or os.cpu_count() or 1
    if jobs == 1 or len(paths) < 4:
        for p in paths:
            yield in_process(p, settings)
        return
    yield from _pooled(paths, settings, min(jobs, len(paths)))


class _Overtime(BaseException):
    """Raised in the building code by the timer: a BaseException, so no `except Exception` swallows it."""


def _overtime_message(timeout: float) -> str:
    return f"took longer than {timeout:g} s, the time limit for one input (--timeout), and was stopped"


def in_process(path: str, settings: Settings) -> Outcome:
    """work() in this process, stopped by a timer signal after settings.timeout seconds (where there are
    timer signals and this is the main thread; a pure-Python loop or a regular expression is stopped, a
    long call into a C library only when it returns)."""
    import signal
    import threading

    timed = (settings.timeout > 0 and hasattr(signal, "setitimer")
             and threading.current_thread() is threading.main_thread())
    if not timed:
        return work(path, settings)

    def expire(signum, frame):
        raise _Overtime()

    previous = signal.signal(signal.SIGALRM, expire)
    try:
        signal.setitimer(signal.ITIMER_REAL, settings.timeout)
        try:
            return work(path, settings)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except _Overtime:
        return Outcome(path, error=_overtime_message(settings.timeout))
    finally:
        signal.signal(signal.SIGALRM, previous)


def _serve(conn, settings: Settings) -> None:
    """A worker process: build each path the parent sends, send back its Outcome; stop on None."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it stops the workers
    while True:
        try:
            path = conn.recv()
        except (EOFError, OSError):
            return
        if path is None:
            return
        conn.send(work(path, settings))


class _Worker:
    """A worker process and the inputs given to it, in order: the first is being built, the next already
    waits in its pipe, so the worker never idles while the parent writes what came back."""

    depth = 2

    def __init__(self, ctx, settings: Settings) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_serve, args=(child, settings), daemon=True)
        self.process.start()
        child.close()
        self.tasks: deque[tuple[int, str]] = deque()
        self.started = 0.0  # when the first task began (as far as the parent can tell)

    def give(self, index: int, path: str) -> None:
        self.conn.send(path)
        if not self.tasks:
            self.started = time.monotonic()
        self.tasks.append((index, path))

    def done(self) -> None:
        """The first task's outcome came: the next one starts now."""
        self.tasks.popleft()
        self.started = time.monotonic()

    def stop(self, kill: bool = False) -> None:
        if not kill:
            try:
                self.conn.send(None)
            except OSError:
                kill = True
        if not kill:
            self.process.join(2)
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()


def _death(exitcode: int | None) -> str:
    import signal

    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        why = f"was killed by {name}" + (", as the system does when memory runs out" if name == "SIGKILL" else "")
    else:
        why = f"exited with status {exitcode}"
    return f"the worker process building it {why}"


def _warm(settings: Settings) -> None:
    """Build the bundled example here, its outcome unused, before the workers are forked: they start with
    the tables and patterns it made (gazetteers, verbs, compiled expressions), built once, not once each."""
    from graph_builder.api import example_path

    work(str(example_path()), settings)


def _pooled(paths: list[str], settings: Settings, jobs: int) -> Generator[Outcome, None, None]:
    import multiprocessing
    from multiprocessing.connection import wait

    ctx = multiprocessing.get_context()
    if ctx.get_start_method() == "fork":
        _warm(settings)
    pending = deque(enumerate(paths))
    ready: dict[int, Outcome] = {}
    # inputs ahead of the next one to give back: bounds what waits in memory, and is wide enough that a long
    # input (a few seconds) does not leave the other workers idle while the outcomes after it wait for it
    window = jobs * 32
    nxt = 0
    workers: list[_Worker] = []

    def replace_worker(k: int, w: _Worker, outcome: Outcome) -> None:
        """The first task failed with its worker: it gets the outcome, the others go back to the queue."""
        nonlocal pending
        index, _ = w.tasks.popleft()
        ready[index] = outcome
        pending = deque(sorted([*w.tasks, *pending]))
        w.tasks.clear()
        w.stop(kill=True)
        workers[k] = _Worker(ctx, settings)

    try:
        workers = [_Worker(ctx, settings) for _ in range(jobs)]
        while nxt < len(paths):
            while nxt in ready:
                yield ready.pop(nxt)
                nxt += 1
            if nxt >= len(paths):
                break
            # after the yields: the window has moved, and the next input is either running or given now
            for w in workers:
                while len(w.tasks) < w.depth and pending and pending[0][0] < nxt + window:
                    w.give(*pending.popleft())
            busy = [w for w in workers if w.tasks]
            limit = None
            if settings.timeout > 0:
                limit = max(0.0, min(w.started + settings.timeout for w in busy) - time.monotonic())
            hits = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout=limit))
            now = time.monotonic()
            for k, w in enumerate(workers):
                if not w.tasks:
                    continue
                index, path = w.tasks[0]
                if w.conn in hits or w.process.sentinel in hits:
                    try:
                        outcome = w.conn.recv() if w.conn.poll() else None
                    except (EOFError, OSError):
                        outcome = None
                    if outcome is None:  # the process is gone without an answer
                        w.process.join(1)
                        replace_worker(k, w, Outcome(path, error=_death(w.process.exitcode)))
                    else:
                        w.done()
                        ready[index] = outcome
                elif settings.timeout > 0 and now - w.started >= settings.timeout:
                    replace_worker(k, w, Outcome(path, error=_overtime_message(settings.timeout)))
    finally:
        for w in workers:
            w.stop(kill=bool(w.tasks))
