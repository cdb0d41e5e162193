"""The citation network of a corpus at document level, as a networkx graph.

Nodes are resolutions, other UN documents (reports, notes) and instruments;
an edge runs from a resolution to each thing it cites.  Provisions count as a
citation of what they belong to ("article 4 of the Covenant" cites the
Covenant); bodies, offices, sessions and agenda items are left out: they are
actors and occasions, not documents.

Node ids are the IRIs the RDF graph uses (iri.Minter), so a resolution cited
by one document and present in the corpus as another is one node, and the
network can be joined with the triples.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import networkx as nx

from graph_builder.find.gazetteer import fold, gazetteer
from graph_builder.graph.formats import network_format
from graph_builder.graph.iri import Minter
from graph_builder.graph.kinds import KINDS, Network, is_symbol, kind_of
from graph_builder.graph.rdf import document_iri
from graph_builder.models import Reference, Resolution
from graph_builder.un.organs import find_issuer
from graph_builder.un.symbols import group_of_symbol, is_resolution_symbol, symbol_facts


def citation_network(resolutions: Iterable[Resolution], minter: Minter) -> nx.DiGraph:
    """Resolutions and what they cite, one node per document or instrument.

    Node attributes: kind (resolution | document | instrument), label (a short
    name), title (the full name), organ (its group of the organ table: un.organs.groups()), year (int or None),
    session (str), url (undocs.org or another public record; "" if none) and
    present (the resolution is in the input, not only cited).
    Edge attributes: verbs (the set of verb concept ids of the citing clauses;
    a footnote takes its anchor clause's verb) and count (how many references).
    A symbol given twice (the corpus has a few duplicates) counts once: the
    first resolution with that symbol wins.
    """
    g: nx.DiGraph[str] = nx.DiGraph()
    for res in resolutions:
        source = document_iri(res, minter)
        if g.nodes.get(source, {}).get("present"):
            continue
        add_resolution(g, res, source, minter)
        verb_of = {c.id: c.verb_concept for c in res.clauses}
        cited = [(c.verb_concept, r) for c in res.clauses for r in c.references]
        cited += [(verb_of.get(f.anchor, ""), r) for f in res.footnotes for r in f.references]
        for verb, ref in cited:
            target = add_cited(g, ref, minter)
            if target is None or target == source:
                continue
            if g.has_edge(source, target):
                edge = g.edges[source, target]
                edge["count"] += 1
            else:
                g.add_edge(source, target, verbs=set(), count=1)
                edge = g.edges[source, target]
            if verb:
                edge["verbs"].add(verb)
    drop_impossible_years(g)
    return g


def drop_impossible_years(g: nx.DiGraph) -> None:
    """A document cannot be later than every resolution citing it: such a year, read from a
    document number that only looks like a year, is dropped rather than shown."""
    for node, data in g.nodes(data=True):
        if data.get("present") or data.get("year") is None:
            continue
        citing = [g.nodes[s].get("year") for s in g.predecessors(node)]
        known = [y for y in citing if y is not None]
        if known and data["year"] > max(known):
            data["year"] = None


def add_resolution(g: nx.DiGraph, res: Resolution, node: str, minter: Minter) -> None:
    """A resolution of the input: what its cover page says wins over what its symbol implies."""
    info = res.info
    add_present(g, node, symbol=info.symbol, title=info.title, date=info.date, body=info.body, session=info.session,
                source=res.source, minter=minter)


def add_present(g: nx.DiGraph, node: str, *, symbol: str, title: str, date: str, body: str, session: str,
                source: str, minter: Minter) -> None:
    derived = symbol_facts(symbol) if symbol else {}
    year = int(date[:4]) if re.match(r"\d{4}", date) else derived.get("year")
    g.add_node(node, kind="resolution", label=symbol or source, title=title or symbol or source,
               organ=group_of_symbol(symbol) if symbol else body_organ(body), year=year,
               session=session or derived.get("session", ""), url=minter.undocs(symbol) if symbol else "",
               present=True)


def add_cited(g: nx.DiGraph, ref: Reference, minter: Minter) -> str | None:
    """The node a reference cites at document level (added if new); None for actors and occasions."""
    network = kind_of(ref.kind).network
    if network is Network.DOCUMENT:
        return add_document(g, ref.key, ref.kind, minter)
    if network is Network.INSTRUMENT:
        return add_instrument(g, ref.key, minter)
    if network is Network.PART and ref.target:
        if is_symbol(ref.target):
            return add_document(g, ref.target, "document", minter)
        return add_instrument(g, ref.target, minter)
    return None


def add_document(g: nx.DiGraph, symbol: str, kind: str, minter: Minter, node: str = "") -> str:
    node = node or minter.document(symbol)
    if node not in g:
        facts = symbol_facts(symbol)
        is_resolution = kind == "resolution" or is_resolution_symbol(symbol)
        g.add_node(node, kind="resolution" if is_resolution else "document", label=symbol, title=symbol,
                   organ=group_of_symbol(symbol), year=facts.get("year"), session=facts.get("session", ""),
                   url=minter.undocs(symbol), present=False)
    return node


def add_instrument(g: nx.DiGraph, title: str, minter: Minter, node: str = "") -> str:
    node = node or minter.instrument(title)
    if node not in g:
        entry = gazetteer().by_name.get(("instrument", fold(title)))
        g.add_node(node, kind="instrument", label=short_title(title), title=title, organ="other",
                   year=entry.year if entry is not None and entry.year else None, session="",
                   url=instrument_url(title, minter), present=False)
    return node


def instrument_url(title: str, minter: Minter) -> str:
    """An instrument's public record: its Wikidata item, else the resolution that adopted it; "" if unknown."""
    entry = gazetteer().by_name.get(("instrument", fold(title)))
    if entry is not None and entry.wikidata:
        return f"https://www.wikidata.org/wiki/{entry.wikidata}"
    if entry is not None and entry.adopted_by:
        return minter.undocs(entry.adopted_by)
    return ""


def short_title(title: str, limit: int = 32) -> str:
    """A label a person can read on the canvas: the title cut at a word, the full title on hover."""
    if len(title) <= limit:
        return title
    cut = title[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def body_organ(body: str) -> str:
    """The group of a resolution known only by its issuing body's name: that organ's, or "other"."""
    organ = find_issuer(body) if body else None
    return organ.group if organ is not None and organ.group else "other"


# -- the same network read back from the RDF graph ---------------------------------------

CITED_KINDS = tuple(k for k, row in KINDS.items() if row.network is not Network.NONE)


def network_from_store(store, minter: Minter) -> nx.DiGraph:
    """citation_network read from the triples of a pyoxigraph Store (all its graphs): the same nodes, edges
    and attributes as the network made from the Resolutions that built them.

    It reads the citations (gb:referenceKind, CiTO's citing and cited entities), not eli:cites, by index
    lookups rather than SPARQL (a join the query planner of an on-disk store makes slow)."""
    from pyoxigraph import BlankNode, Literal, NamedNode, Triple

    from graph_builder.graph.store import term_value
    from graph_builder.graph.vocab import CITO, DCTERMS, GB, RDF, RDFS, VERBS_NS

    def one(s, p) -> NamedNode | BlankNode | Literal | Triple | None:
        found = sorted((q.object for q in store.quads_for_pattern(s, NamedNode(str(p)), None)), key=str)
        return found[0] if found else None

    def text(s, p) -> str:
        v = one(s, p)
        return term_value(v) if v is not None else ""

    g: nx.DiGraph[str] = nx.DiGraph()
    resolution = NamedNode(str(GB.Resolution))
    docs = sorted({q.subject.value for q in store.quads_for_pattern(None, NamedNode(str(DCTERMS.hasPart)), None)
                   if isinstance(q.subject, NamedNode)})
    for d in docs:
        dn = NamedNode(d)
        if not any(True for _ in store.quads_for_pattern(dn, NamedNode(str(RDF.type)), resolution)):
            continue
        organ = one(dn, GB.issuedBy)
        add_present(g, d, symbol=text(dn, GB.symbol), title=text(dn, DCTERMS.title), date=text(dn, DCTERMS.date),
                    body=text(organ, RDFS.label) if organ is not None else "", session=text(dn, GB.session),
                    source=text(dn, GB.sourceFile), minter=minter)
    kinds: dict[str, str] = {}
    for q in store.quads_for_pattern(None, NamedNode(str(GB.referenceKind)), None):
        if isinstance(q.object, Literal) and q.object.value in CITED_KINDS:
            kinds[term_value(q.subject)] = q.object.value
    for c in sorted(kinds):
        cn, kind = NamedNode(c), kinds[c]
        unit, target = one(cn, CITO.hasCitingEntity), one(cn, CITO.hasCitedEntity)
        if not isinstance(unit, NamedNode) or not isinstance(target, NamedNode):
            continue
        source = text(unit, DCTERMS.isPartOf)
        if source not in g or not g.nodes[source].get("present"):
            continue
        verb_iri = one(unit, GB.verb)
        anchor = one(unit, GB.anchor)
        if verb_iri is None and isinstance(anchor, NamedNode):  # a footnote: the verb of its marker's clause
            verb_iri = one(anchor, GB.verb)
        verb = verb_iri.value[len(VERBS_NS):] if isinstance(verb_iri, NamedNode) and verb_iri.value.startswith(VERBS_NS) else ""
        key = text(cn, GB.referenceKey)
        if KINDS[kind].network is Network.DOCUMENT:
            node = add_document(g, key, kind, minter, node=target.value)
        elif KINDS[kind].network is Network.INSTRUMENT:
            node = add_instrument(g, key, minter, node=target.value)
        else:  # a provision cites what it belongs to
            parent = one(target, DCTERMS.isPartOf)
            parent_iri = parent.value if isinstance(parent, NamedNode) else target.value.split("#", 1)[0]
            pn = NamedNode(parent_iri)
            symbol = text(pn, GB.symbol)
            if symbol or "#" in target.value:
                node = add_document(g, symbol or parent_iri.rsplit("/doc/", 1)[-1], "document", minter, node=parent_iri)
            else:
                node = add_instrument(g, text(pn, RDFS.label) or key, minter, node=parent_iri)
        if node == source:
            continue
        if g.has_edge(source, node):
            g.edges[source, node]["count"] += 1
        else:
            g.add_edge(source, node, verbs=set(), count=1)
        if verb:
            g.edges[source, node]["verbs"].add(verb)
    drop_impossible_years(g)
    return g


# -- files for network analysts ------------------------------------------------------------

NODE_FIELDS = ("id", "label", "kind", "title", "organ", "year", "session", "url", "present", "cited_by", "cites")
EDGE_FIELDS = ("source", "target", "count", "verbs")


def flat_network(g: nx.DiGraph) -> nx.DiGraph:
    """The network with plain attributes only, in a fixed order: verbs as "recall;welcome", no missing years,
    cited_by/cites degrees on the nodes and the count as each edge's weight (Gephi and Cytoscape read it)."""
    out: nx.DiGraph[str] = nx.DiGraph()
    for n in sorted(g):
        d = g.nodes[n]
        attrs = {k: d[k] for k in NODE_FIELDS[1:-2] if d.get(k) is not None}
        attrs["present"] = bool(d.get("present"))
        out.add_node(n, **attrs, cited_by=g.in_degree(n), cites=g.out_degree(n))
    for s, t in sorted(g.edges):
        d = g.edges[s, t]
        out.add_edge(s, t, count=d.get("count", 1), weight=float(d.get("count", 1)),
                     verbs=";".join(sorted(d.get("verbs", ()))))
    return out


def graphml_bytes(g: nx.DiGraph) -> bytes:
    return ("\n".join(nx.generate_graphml(flat_network(g))) + "\n").encode("utf-8")


def gexf_bytes(g: nx.DiGraph) -> bytes:
    # networkx dates the file today: dropped, so the same network gives the same bytes
    lines = nx.generate_gexf(flat_network(g), version="1.2draft")
    return ("\n".join(re.sub(r' lastmodifieddate="[^"]*"', "", line) for line in lines) + "\n").encode("utf-8")


def csv_bytes(g: nx.DiGraph) -> tuple[bytes, bytes]:
    """The node list and the edge list, as CSV with a header row (pandas.read_csv, R's read.csv)."""
    import csv
    import io

    flat = flat_network(g)
    nodes, edges = io.StringIO(), io.StringIO()
    w = csv.writer(nodes, lineterminator="\n")
    w.writerow(NODE_FIELDS)
    for n, d in flat.nodes(data=True):
        w.writerow([n] + [("true" if d[k] else "false") if k == "present" else d.get(k, "") for k in NODE_FIELDS[1:]])
    w = csv.writer(edges, lineterminator="\n")
    w.writerow(EDGE_FIELDS)
    for s, t, d in flat.edges(data=True):
        w.writerow([s, t, d["count"], d["verbs"]])
    return nodes.getvalue().encode("utf-8"), edges.getvalue().encode("utf-8")


def network_files(g: nx.DiGraph, formats: Iterable[str], stem: str = "network") -> dict[str, bytes]:
    """File name -> bytes for each format (graph/formats.py NETWORK_FORMATS): STEM.graphml, STEM.gexf,
    STEM-nodes.csv and STEM-edges.csv; ValueError for a format the table lacks."""
    out: dict[str, bytes] = {}
    for name in formats:
        row = network_format(name)
        for pattern, data in zip(row.files, WRITERS[row.name](g), strict=True):
            out[pattern.format(stem=stem)] = data
    return out


# one writer per row of NETWORK_FORMATS: the bytes of each of its files, in the row's order
WRITERS: dict[str, Callable[[nx.DiGraph], tuple[bytes, ...]]] = {
    "graphml": lambda g: (graphml_bytes(g),),
    "gexf": lambda g: (gexf_bytes(g),),
    "csv": csv_bytes,
}
