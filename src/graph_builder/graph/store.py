"""The embedded on-disk store (pyoxigraph/Oxigraph): one named graph per resolution.

The graph of a resolution is named by the resolution's own IRI, so a rebuild
replaces it whole; `graph-builder serve --store DIR` serves the same folder.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from pyoxigraph import BlankNode, Literal, NamedNode, RdfFormat, Store, Triple

from graph_builder.errors import InputError
from graph_builder.graph.export import serialized

MANIFEST = "graph-builder-manifest.json"


def open_store(path: str | Path) -> Store:
    """The on-disk store at path (made if need be); an OutputError when another process holds it."""
    from graph_builder.errors import OutputError

    try:
        Path(path).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(str(path), f"cannot be made ({exc.strerror or exc})") from None
    try:
        return Store(str(path))
    except OSError as exc:
        if "lock" in str(exc).lower():
            raise OutputError(str(path), "the store is in use by another process (a running `graph-builder "
                                         "serve`, or another build): stop it, then build again") from None
        raise OutputError(str(path), "cannot be opened as a store (" + " ".join(str(exc).split()) + ")") from None


def load_graph(store, graph: str, ntriples: bytes) -> None:
    """Put one resolution's named graph in the store in one transaction: an interrupted build leaves
    either the old graph or the new one, never neither.  A new graph is a plain (transactional) load;
    replacing one takes a single update that drops and inserts."""
    g = NamedNode(graph)
    if not store.contains_named_graph(g):
        store.load(ntriples, format=RdfFormat.N_TRIPLES, to_graph=g)
        return
    iri = graph.encode("utf-8")
    store.update((b"DROP SILENT GRAPH <" + iri + b"> ;\nINSERT DATA { GRAPH <" + iri + b"> {\n" + ntriples
                  + b"} }").decode("utf-8"))


def replace_graph(store: Store, graph: str, triples: list[Triple]) -> None:
    """Swap one resolution's named graph for its new triples in one transaction; readers never see half of it."""
    load_graph(store, graph, serialized(triples, RdfFormat.N_TRIPLES))


def file_digest(path: str | Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


class Manifest:
    """What was built from which input (by content digest), so that a rerun skips unchanged inputs."""

    def __init__(self, folder: str | Path) -> None:
        self.path = Path(folder) / MANIFEST
        try:
            self.entries: dict[str, dict] = json.loads(self.path.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            self.entries = {}

    def unchanged(self, source: str, digest: str, settings: str) -> bool:
        e = self.entries.get(source)
        return e is not None and e.get("digest") == digest and e.get("settings") == settings

    def record(self, source: str, digest: str, settings: str, graph: str, outputs: list[str], **more) -> None:
        """more: what else the rerun needs, e.g. the stores the graph went into (by store identity)."""
        self.entries[source] = {"digest": digest, "settings": settings, "graph": graph, "outputs": outputs, **more}

    def save(self) -> None:
        from graph_builder.graph.export import write_atomic

        write_atomic(self.path, (json.dumps(self.entries, indent=1, sort_keys=True) + "\n").encode("utf-8"))


def load_store(files: list[str | Path], store_dir: str | None = None) -> Store:
    """An in-memory store holding the files, or the on-disk store at store_dir."""
    if store_dir:
        if not Path(store_dir).is_dir():
            raise InputError(store_dir, "no store there (build one with `graph-builder build --store DIR`)")
        store = Store.read_only(str(store_dir))
        if not files:
            return store
    store = Store()
    for f in files:
        p = Path(f)
        try:
            fmt = RdfFormat.from_extension(p.suffix.lstrip(".")) or RdfFormat.TURTLE
        except ValueError:
            fmt = RdfFormat.TURTLE
        try:
            store.bulk_load(path=str(p), format=fmt)
        except FileNotFoundError:
            raise InputError(str(p), "no such file") from None
        except (SyntaxError, ValueError, OSError) as exc:
            raise InputError(str(p), f"cannot be read as {fmt.name}: {exc}") from None
    return store


def term_value(term: NamedNode | BlankNode | Literal | Triple) -> str:
    """A term's value (an IRI, a blank node's id, a literal's text); a quoted triple, which the builder never
    writes, as its N-Triples form."""
    return str(term) if isinstance(term, Triple) else term.value
