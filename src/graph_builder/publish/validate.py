"""SHACL validation (pySHACL): a graph against the shapes in ontology/shapes.ttl.

Each resolution's graph is checked by itself, with the ontology beside it
(graph-builder.ttl for the class hierarchy, verbs.ttl for the verb concepts),
and, in a dataset, with the descriptions it points at that live in other
graphs (rdf.split_graphs: the shared graph's instruments, bodies and States,
the symbol and type of a cited document from that document's graph).
Checking graphs one by one keeps a corpus's validation in bounded memory.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from pyoxigraph import DefaultGraph, NamedNode, Quad, RdfFormat, Store, Triple, serialize
from rdflib import Graph, Namespace
from rdflib.namespace import RDF

from graph_builder.errors import InputError
from graph_builder.graph.ontology import ontology_file
from graph_builder.graph.vocab import DCTERMS, FOAF, GB
from graph_builder.graph.vocab import RDF as RDF_NS

SH = Namespace("http://www.w3.org/ns/shacl#")


@dataclass(frozen=True)
class Violation:
    graph: str
    focus: str
    path: str
    severity: str
    message: str
    shape: str

    def __str__(self) -> str:
        where = f" {self.path}" if self.path else ""
        return f"<{self.graph}>: {self.focus}{where}: {self.message} ({self.shape})"


@dataclass
class Report:
    graphs: int = 0
    triples: int = 0
    violations: list[Violation] = field(default_factory=list)

    @property
    def conforms(self) -> bool:
        return not self.violations


@cache
def shapes_graph(path: str | None = None) -> Graph:
    return Graph().parse(path or ontology_file("shapes.ttl"), format="turtle")


@cache
def ontology_graph() -> Graph:
    g = Graph()
    for name in ("graph-builder.ttl", "verbs.ttl"):
        g.parse(ontology_file(name), format="turtle")
    return g


def data_graph(triples: list[Triple]) -> Graph:
    """The triples with the ontology beside them (pySHACL's ont_graph is mixed in only under inference)."""
    g = Graph()
    g += ontology_graph()
    return g.parse(data=serialize(triples, format=RdfFormat.N_TRIPLES), format="nt")


def validate_graph(name: str, triples: list[Triple], shapes: str | None = None) -> list[Violation]:
    from pyshacl import validate  # imported here: it takes a second, and only this command needs it

    _, results, _ = validate(data_graph(triples), shacl_graph=shapes_graph(shapes), inference="none",
                             allow_warnings=False)
    if not isinstance(results, Graph):  # pySHACL could not run the shapes at all
        raise InputError(shapes or "shapes.ttl", f"cannot be used: {results}")
    return sorted(violations(name, results), key=str)


def violations(name: str, results: Graph) -> Iterable[Violation]:
    def short(term) -> str:
        return "" if term is None else term.n3(results.namespace_manager)

    for r in results.subjects(RDF.type, SH.ValidationResult):
        yield Violation(graph=name, focus=short(results.value(r, SH.focusNode)), path=short(results.value(r, SH.resultPath)),
                        severity=short(results.value(r, SH.resultSeverity)).rsplit("#", 1)[-1].removeprefix("sh:"),
                        message=str(results.value(r, SH.resultMessage) or ""),
                        shape=short(results.value(r, SH.sourceShape)))


def validate_graphs(graphs: Iterable[tuple[str, list[Triple]]], shapes: str | None = None) -> Report:
    report = Report()
    for name, triples in graphs:
        report.graphs += 1
        report.triples += len(triples)
        report.violations.extend(validate_graph(name, triples, shapes))
    return report


# what a resolution's graph may take from another document's graph about what it cites: that document's
# type, symbol and page, and for a paragraph of it (a cited provision) what it is part of
_IDENTITY = frozenset(str(p) for p in (RDF_NS.type, GB.symbol, FOAF.page))
_PART_OF = str(DCTERMS.isPartOf)


def resolution_graphs(store: Store) -> list[str]:
    """The named graphs that are a resolution's own (the graph's name is a document with parts)."""
    has_part = NamedNode(str(DCTERMS.hasPart))
    return sorted(g.value for g in store.named_graphs()
                  if next(iter(store.quads_for_pattern(g, has_part, None, g)), None) is not None)


def with_context(store: Store, name: str, depth: int = 3) -> list[Triple]:
    """A resolution's graph and, from the other graphs, the descriptions of what it points at (and of
    what those point at, to `depth` steps), so that sh:class and friends see the things' classes."""
    g = NamedNode(name)
    own = [Triple(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None, g)]
    seen = {name}
    found: set[Triple] = set()
    frontier = {t.object.value for t in own if isinstance(t.object, NamedNode)}
    for _ in range(depth):
        nxt: set[str] = set()
        for node in sorted(frontier - seen):
            seen.add(node)
            doc = node.partition("#")[0]
            for q in store.quads_for_pattern(NamedNode(node), None, None, None):
                graph = q.graph_name.value if not isinstance(q.graph_name, DefaultGraph) else ""
                if graph == name:
                    continue
                if graph == doc:  # another document's own graph: only what it says of itself as cited
                    if q.predicate.value not in (_PART_OF if "#" in node else _IDENTITY):
                        continue
                t = Triple(q.subject, q.predicate, q.object)
                if t not in found:
                    found.add(t)
                    if isinstance(q.object, NamedNode):
                        nxt.add(q.object.value)
        frontier = nxt
    return own + sorted(found - set(own), key=str)


def validate_store(store: Store, shapes: str | None = None) -> Report:
    """Every resolution's graph of a dataset, each with the descriptions it points at from the others."""
    return validate_graphs(((name, with_context(store, name)) for name in resolution_graphs(store)), shapes)


def dataset_store(graphs: Iterable[tuple[str, list[Triple]]]) -> Store:
    """Named graphs, as (name, triples), in an in-memory store."""
    store = Store()
    for name, triples in graphs:
        g = NamedNode(name)
        store.extend([Quad(t.subject, t.predicate, t.object, g) for t in triples])
    return store


def _validate_chunk(job: tuple[str, list[str], str | None]) -> Report:
    store_dir, names, shapes = job
    store = Store.read_only(store_dir)
    return validate_graphs(((name, with_context(store, name)) for name in names), shapes)


def validate_store_dir(store_dir: str, shapes: str | None = None, jobs: int = 1, chunk: int = 16,
                       every: int = 1) -> Report:
    """validate_store over an on-disk store, its resolution graphs shared among `jobs` processes (each
    opens the store read-only); the report is the same, in the same order, whatever the number of jobs.
    every=N checks every Nth resolution graph only (a sample of a large store)."""
    names = resolution_graphs(Store.read_only(store_dir))[::max(every, 1)]
    chunks = [(store_dir, names[i:i + chunk], shapes) for i in range(0, len(names), chunk)]
    if jobs <= 1 or len(chunks) < 2:
        parts: Iterable[Report] = map(_validate_chunk, chunks)
    else:
        from concurrent.futures import ProcessPoolExecutor

        pool = ProcessPoolExecutor(max_workers=jobs)
        parts = pool.map(_validate_chunk, chunks)
    report = Report()
    for part in parts:
        report.graphs += part.graphs
        report.triples += part.triples
        report.violations += part.violations
    if jobs > 1 and len(chunks) >= 2:
        pool.shutdown()
    return report
