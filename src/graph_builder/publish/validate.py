"""SHACL validation (pySHACL): a graph against the shapes in ontology/shapes.ttl.

Resolution graphs are checked a few at a time, with the ontology beside them
(graph-builder.ttl for the class hierarchy, verbs.ttl for the verb concepts),
and, in a dataset, with the descriptions they point at that live in other
graphs (rdf.split_graphs: the shared graph's instruments, bodies and States,
the symbol and type of a cited document from that document's graph).  A shared
node (a State, an instrument) is checked with each batch that points at it, but
reported once, under the graph that holds its description.  Checking graphs in
batches keeps a corpus's validation in bounded memory; checking several in one
pySHACL run spares its cost of setting up the shapes once per graph.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache

from pyoxigraph import DefaultGraph, NamedNode, Quad, RdfFormat, Store, Triple, serialize
from rdflib import BNode, Graph, Namespace, URIRef
from rdflib.namespace import RDF

from graph_builder.errors import InputError
from graph_builder.graph.ontology import ontology_file
from graph_builder.graph.vocab import DCTERMS, FOAF, GB
from graph_builder.graph.vocab import RDF as RDF_NS

SH = Namespace("http://www.w3.org/ns/shacl#")


@dataclass(frozen=True, order=True)
class Violation:
    graph: str  # the named graph that holds the focus node's description
    focus: str
    path: str
    severity: str
    message: str
    shape: str  # the named shape (a property shape is named by the node shape it belongs to)
    value: str = ""  # the value at fault, where the constraint names one

    def __str__(self) -> str:
        where = f" {self.path}" if self.path else ""
        value = f" {self.value}" if self.value and self.value != self.focus else ""
        return f"<{self.graph}>: {self.focus}{where}{value}: {self.message} ({self.shape})"


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


@cache
def _prepared(query: str):
    from rdflib.plugins.sparql import prepareQuery

    return prepareQuery(query)


class _DataGraph(Graph):
    """An rdflib graph that parses each SPARQL query once: pySHACL sends a SPARQL constraint's text anew for
    every focus node, and parsing it cost a third of a corpus's validation."""

    def query(self, query_object, *args, **kwargs):
        if isinstance(query_object, str):
            query_object = _prepared(query_object)
        return super().query(query_object, *args, **kwargs)


def data_graph(triples: list[Triple]) -> Graph:
    """The triples with the ontology beside them (pySHACL's ont_graph is mixed in only under inference)."""
    g = _DataGraph()
    g += ontology_graph()
    return g.parse(data=serialize(triples, format=RdfFormat.N_TRIPLES), format="nt")


def validate_graph(name: str, triples: list[Triple], shapes: str | None = None,
                   home: Callable[[str], str] | None = None) -> list[Violation]:
    """The violations of one graph (or of several merged), each under home(focus IRI), else under name."""
    from pyshacl import validate  # imported here: it takes a second, and only this command needs it

    _, results, _ = validate(data_graph(triples), shacl_graph=shapes_graph(shapes), inference="none",
                             allow_warnings=False)
    if not isinstance(results, Graph):  # pySHACL could not run the shapes at all
        raise InputError(shapes or "shapes.ttl", f"cannot be used: {results}")
    return sorted(set(violations(name, results, shapes_graph(shapes), home)))


def violations(name: str, results: Graph, shapes: Graph | None = None,
               home: Callable[[str], str] | None = None) -> Iterable[Violation]:
    def short(term) -> str:
        return "" if term is None else term.n3(results.namespace_manager)

    def shape_name(shape) -> str:
        if isinstance(shape, BNode) and shapes is not None:  # a property shape: its node shape's name
            owner = shapes.value(None, SH.property, shape)
            if owner is not None and not isinstance(owner, BNode):
                return owner.n3(results.namespace_manager)
        return short(shape)

    for r in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(r, SH.focusNode)
        value = results.value(r, SH.value)
        yield Violation(graph=home(str(focus)) if home is not None and isinstance(focus, URIRef) else name,
                        focus=short(focus), path=short(results.value(r, SH.resultPath)),
                        severity=short(results.value(r, SH.resultSeverity)).rsplit("#", 1)[-1].removeprefix("sh:"),
                        message=str(results.value(r, SH.resultMessage) or ""),
                        shape=shape_name(results.value(r, SH.sourceShape)),
                        value="" if value is None or isinstance(value, BNode) else short(value))


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


def with_context(store: Store, name: str | list[str], depth: int = 3) -> list[Triple]:
    """A resolution's graph (or several's) and, from the other graphs, the descriptions of what it points at
    (and of what those point at, to `depth` steps), so that sh:class and friends see the things' classes."""
    names = [name] if isinstance(name, str) else name
    ours = set(names)
    own: list[Triple] = []
    for n in names:
        own += [Triple(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None, NamedNode(n))]
    seen = set(ours)
    found: set[Triple] = set()
    frontier = {t.object.value for t in own if isinstance(t.object, NamedNode)}
    for _ in range(depth):
        nxt: set[str] = set()
        for node in sorted(frontier - seen):
            seen.add(node)
            doc = node.partition("#")[0]
            for q in store.quads_for_pattern(NamedNode(node), None, None, None):
                graph = q.graph_name.value if not isinstance(q.graph_name, DefaultGraph) else ""
                if graph in ours:
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


# resolution graphs checked in one pySHACL run: its cost of setting up the shapes (a few hundred
# constraint objects, the SPARQL constraints parsed) is paid once for all of them
BATCH = 16


def validate_batch(store: Store, names: list[str], shapes: str | None = None) -> Report:
    """Some resolution graphs of a dataset, merged, with the descriptions they point at from the others:
    the merge is what the union default graph holds of them, so a node is checked with all it says."""
    triples = with_context(store, names)
    ours = set(names)

    def home(focus: str) -> str:
        """The graph that holds what is said of the focus node: its document's, else the shared graph."""
        doc = focus.partition("#")[0]
        if doc in ours:
            return doc
        graphs = sorted({q.graph_name.value for q in store.quads_for_pattern(NamedNode(focus), None, None, None)
                         if not isinstance(q.graph_name, DefaultGraph)})
        return doc if doc in graphs else (graphs[0] if graphs else names[0])

    found = validate_graph(names[0], triples, shapes, home) if names else []
    return Report(graphs=len(names), triples=len(triples), violations=found)


def merge_reports(parts: Iterable[Report]) -> Report:
    """The batches' reports as one: a shared node's violation, found by every batch that points at it, once."""
    report = Report()
    seen: set[Violation] = set()
    for part in parts:
        report.graphs += part.graphs
        report.triples += part.triples
        seen.update(part.violations)
    report.violations = sorted(seen)
    return report


def validate_store(store: Store, shapes: str | None = None, every: int = 1, batch: int = BATCH) -> Report:
    """Every resolution's graph of a dataset (every Nth), in batches, with the descriptions they point at."""
    names = resolution_graphs(store)[::max(every, 1)]
    return merge_reports(validate_batch(store, names[i:i + batch], shapes) for i in range(0, len(names), batch))


def dataset_store(graphs: Iterable[tuple[str, list[Triple]]]) -> Store:
    """Named graphs, as (name, triples), in an in-memory store."""
    store = Store()
    for name, triples in graphs:
        g = NamedNode(name)
        store.extend([Quad(t.subject, t.predicate, t.object, g) for t in triples])
    return store


def _validate_chunk(job: tuple[str, list[str], str | None]) -> Report:
    store_dir, names, shapes = job
    return validate_batch(Store.read_only(store_dir), names, shapes)


def validate_store_dir(store_dir: str, shapes: str | None = None, jobs: int = 1, chunk: int = BATCH,
                       every: int = 1) -> Report:
    """validate_store over an on-disk store, its batches of resolution graphs shared among `jobs` processes
    (each opens the store read-only); the report is the same whatever the number of jobs.
    every=N checks every Nth resolution graph only (a sample of a large store)."""
    names = resolution_graphs(Store.read_only(store_dir))[::max(every, 1)]
    chunks = [(store_dir, names[i:i + chunk], shapes) for i in range(0, len(names), chunk)]
    if jobs <= 1 or len(chunks) < 2:
        return merge_reports(map(_validate_chunk, chunks))
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return merge_reports(pool.map(_validate_chunk, chunks))
