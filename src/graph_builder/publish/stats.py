"""Statistics of a corpus's citation network, read back from the graph itself (a store or files).

The network: one node per resolution, document or instrument; an edge from a
resolution to what its clauses and footnotes cite (a provision counts for
what it belongs to), labelled with the verbs of the citing clauses.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import networkx as nx
from pyoxigraph import NamedNode, Store

from graph_builder.errors import SymbolError
from graph_builder.graph.kinds import KINDS, Network
from graph_builder.graph.store import term_value
from graph_builder.graph.vocab import CITO, DCTERMS, GB, RDFS, VERBS_NS
from graph_builder.un.symbols import UNSymbol


@dataclass(frozen=True)
class Ranked:
    label: str
    kind: str
    cited_by: int  # resolutions citing it
    pagerank: float


def objects(store: Store, predicate: str) -> dict[str, str]:
    """subject -> object value for one predicate, over every graph (the last seen wins)."""
    p = NamedNode(predicate)
    return {term_value(q.subject): term_value(q.object) for q in store.quads_for_pattern(None, p, None, None)}


def citation_graph(store: Store) -> nx.DiGraph:
    """The document-level citation network of every resolution in the store.

    Read with plain pattern lookups rather than one SPARQL join: on a corpus of
    thousands of resolutions that is seconds instead of minutes."""
    part_of = objects(store, str(DCTERMS.isPartOf))
    symbol = objects(store, str(GB.symbol))
    label = objects(store, str(RDFS.label))
    kind_of = objects(store, str(GB.referenceKind))
    cited = objects(store, str(CITO.hasCitedEntity))
    citing = objects(store, str(CITO.hasCitingEntity))
    verb = objects(store, str(GB.verb))
    anchor = objects(store, str(GB.anchor))
    # the resolutions built into the graph: those with clauses, not those only cited
    resolutions = {term_value(q.subject)
                   for q in store.quads_for_pattern(None, NamedNode(str(DCTERMS.hasPart)), None, None)}
    g: nx.DiGraph[str] = nx.DiGraph()
    for citation, unit in sorted(citing.items()):
        doc = part_of.get(unit)
        kind = kind_of.get(citation)
        row = KINDS.get(kind or "")  # a store may hold kinds of another builder's: not in the network
        if doc is None or doc not in resolutions or row is None or row.network is Network.NONE:
            continue
        target = cited[citation]
        if row.network is Network.PART and target in part_of:
            target = part_of[target]
            kind = "resolution" if target in symbol and is_resolution_symbol(symbol[target]) else "instrument"
        if target == doc:
            continue
        g.add_node(doc, label=symbol.get(doc, doc), kind="resolution", present=True)
        if target not in g:
            g.add_node(target, label=symbol.get(target) or label.get(target) or target, kind=kind,
                       present=target in resolutions)
        v = verb.get(unit) or verb.get(anchor.get(unit, ""))
        verbs = g.edges[doc, target]["verbs"] if g.has_edge(doc, target) else set()
        if v:
            verbs.add(v.removeprefix(VERBS_NS))
        g.add_edge(doc, target, verbs=verbs)
    return g


def is_resolution_symbol(label: str) -> bool:
    try:
        return UNSymbol.parse(label).is_resolution
    except SymbolError:
        return False


def most_cited(g: nx.DiGraph, kind: str, top: int) -> list[Ranked]:
    rank = nx.pagerank(g) if g.number_of_edges() else {}
    nodes = [n for n, d in g.nodes(data=True) if d.get("kind") == kind and g.in_degree(n)]
    nodes.sort(key=lambda n: (-g.in_degree(n), -rank.get(n, 0.0), g.nodes[n]["label"]))
    return [Ranked(g.nodes[n]["label"], kind, g.in_degree(n), rank.get(n, 0.0)) for n in nodes[:top]]


def recall_chains(g: nx.DiGraph, top: int) -> list[list[str]]:
    """The longest chains of resolutions each recalling the next ("recalls" and "reaffirms" edges)."""
    recall: nx.DiGraph[str] = nx.DiGraph()
    for a, b, d in g.edges(data=True):
        if g.nodes[b].get("kind") == "resolution" and d.get("verbs", set()) & {"recall", "reaffirm"}:
            recall.add_edge(a, b)
    if not recall:
        return []
    dag = nx.condensation(recall)  # a resolution that recalls a later one would make a cycle
    members = nx.get_node_attributes(dag, "members")
    longest_to: dict[int, list[int]] = {}
    for n in reversed(list(nx.topological_sort(dag))):
        succ = [longest_to[s] for s in dag.successors(n)]
        longest_to[n] = [n] + (max(succ, key=len) if succ else [])
    starts = sorted((p for n, p in longest_to.items() if dag.in_degree(n) == 0), key=len, reverse=True)
    label = lambda c: "/".join(sorted(g.nodes[m]["label"] for m in members[c]))  # noqa: E731
    return [[label(c) for c in chain] for chain in starts[:top] if len(chain) > 1]


def citing(g: nx.DiGraph, symbol: str) -> list[tuple[str, str]]:
    """The resolutions that cite a symbol (or title), with the verbs they cite it with."""
    try:
        wanted = str(UNSymbol.parse(symbol))
    except SymbolError:
        wanted = symbol
    targets = [n for n, d in g.nodes(data=True) if d.get("label") == wanted]
    out: dict[str, set[str]] = defaultdict(set)
    for t in targets:
        for src in g.predecessors(t):
            out[g.nodes[src]["label"]] |= g.edges[src, t].get("verbs", set())
    return sorted((k, ", ".join(sorted(v))) for k, v in out.items())
