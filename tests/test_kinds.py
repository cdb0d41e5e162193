"""The kinds table (graph/kinds.py): every kind mints, types, links, networks and styles from its row
alone, a kind the table does not hold raises everywhere, and the ontology and shapes know every kind."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import networkx as nx
import pytest
import rdflib

from graph_builder.errors import KindError
from graph_builder.graph.iri import Minter
from graph_builder.graph.kinds import KINDS, Described, Kind, Network, ReferenceKind, kind_of
from graph_builder.graph.rdf import reference_triples, resolution_triples, target_iri, target_triples
from graph_builder.graph.terms import NT
from graph_builder.models import Reference
from graph_builder.publish import site, view
from graph_builder.publish.network import add_cited

ONTOLOGY = Path(__file__).resolve().parents[1] / "ontology"
DOC = "https://example.org/unres/doc/A/RES/57/209"
UNIT = DOC + "#op1"


def reference(kind: str) -> Reference:
    """One reference that every kind can take: a provision's fields name a paragraph of a resolution."""
    return Reference(kind, "A/RES/53/144", "resolution 53/144", (0, 17), target="A/RES/53/144", unit="paragraph",
                     number="2")


def written(call) -> set[tuple[str, str, str]]:
    out: set[tuple[str, str, str]] = set()
    call(lambda s, p, o: out.add((s if s[0] == "<" else f"<{s}>", p, o if o[0] in '<"' else f"<{o}>")))
    return out


def test_the_table_has_a_row_for_every_kind_in_the_enums_order():
    assert list(KINDS) == [k.value for k in ReferenceKind]
    assert all(KINDS[k].kind is k for k in ReferenceKind)


@pytest.mark.parametrize("kind", list(KINDS))
def test_each_kind_mints_types_and_links_by_its_row(kind):
    row, m, r = KINDS[kind], Minter(), reference(kind)
    target = target_iri(m, r)
    assert target == row.mint(m, r) and target.startswith(m.base)
    triples = written(lambda add: reference_triples(add, m, DOC, UNIT, "op1", r, set()))
    assert (f"<{UNIT}>", row.link, f"<{target}>") in triples
    assert (f"<{DOC}>", row.link, f"<{target}>") in triples
    described = written(lambda add: target_triples(add, m, target, r))
    assert described <= triples  # described with the first citation of it
    assert (f"<{target}>", NT.RDF_type, row.cls) in described


@pytest.mark.parametrize("kind", list(KINDS))
def test_each_kind_has_its_place_in_the_network_and_the_views(kind):
    row, m, r = KINDS[kind], Minter(), reference(kind)
    g = nx.DiGraph()
    node = add_cited(g, r, m)
    if row.network is Network.NONE:
        assert node is None and not g
    elif row.network is Network.PART:
        assert node == m.document(r.target)  # a paragraph of a resolution counts for the resolution
    else:
        assert node == target_iri(m, r) and g.nodes[node]["kind"] in ("resolution", "document", "instrument")
    assert view.RESOLUTION_KINDS[kind] == (row.label, row.colour, row.shape)
    assert site.KINDS[kind] == row.heading
    g = nx.DiGraph()
    node = view.add_reference_node(g, m, r)
    assert g.nodes[node]["kind"] == kind


def test_the_view_shows_only_the_kinds_of_the_table_and_the_addressees():
    assert set(view.RESOLUTION_KINDS) == set(KINDS) | {"addressee"}


def test_the_ontology_declares_every_kinds_class_and_link():
    g = rdflib.Graph()
    g.parse(ONTOLOGY / "graph-builder.ttl")
    declared = {f"<{s}>" for s in g.subjects()}
    for row in KINDS.values():
        assert row.cls in declared and row.link in declared, row.kind


def test_the_shapes_allow_exactly_the_kinds_of_the_table():
    g = rdflib.Graph()
    g.parse(ONTOLOGY / "shapes.ttl")
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    path = rdflib.URIRef(str(NT.GB_referenceKind)[1:-1])
    allowed = [rdflib.collection.Collection(g, o) for s in g.subjects(sh.path, path) for o in g.objects(s, sh["in"])]
    assert allowed and all([str(v) for v in c] == list(KINDS) for c in allowed)


def test_the_shapes_accept_a_citation_of_every_kind():
    # the shapes say, again, which class and link each kind takes: a row they disagree with is a violation
    from graph_builder.pipeline import extract_path
    from graph_builder.publish.validate import validate_graph
    from helpers import example_path_and_info

    path, info = example_path_and_info()
    res = extract_path(path, info)
    c = res.clauses[0]
    every = tuple(replace(reference(kind), key=f"A key of {kind}", text=res.text[c.span[0]:c.span[1]], span=c.span)
                  for kind in KINDS)
    res = replace(res, clauses=(replace(c, references=c.references + every), *res.clauses[1:]))
    assert validate_graph("every kind", resolution_triples(res)) == []


@pytest.mark.parametrize("call", [
    lambda r: target_iri(Minter(), r),
    lambda r: target_triples(lambda *t: None, Minter(), DOC + "x", r),
    lambda r: reference_triples(lambda *t: None, Minter(), DOC, UNIT, "op1", r, set()),
    lambda r: add_cited(nx.DiGraph(), r, Minter()),
    lambda r: view.add_reference_node(nx.DiGraph(), Minter(), r),
], ids=["target_iri", "target_triples", "reference_triples", "network", "view"])
def test_an_unknown_kind_raises_instead_of_becoming_another(call):
    with pytest.raises(KindError, match="'meeting'"):
        call(reference("meeting"))
    with pytest.raises(KindError):
        kind_of("")


def test_a_new_kind_is_one_row(monkeypatch):
    # a meeting, described like a session: its row is all the graph and the network need
    row = Kind(ReferenceKind.SESSION, lambda m, r: f"{m.base}meeting/{r.key}", NT.GB_Session, Described.LABELLED,
               NT.GB_consideredAt, Network.NONE, "meeting", "#000000", "dot", "Meetings")
    monkeypatch.setitem(KINDS, "meeting", row)
    r = reference("meeting")
    target = target_iri(Minter(), r)
    assert target == "https://example.org/unres/meeting/A/RES/53/144"
    triples = written(lambda add: reference_triples(add, Minter(), DOC, UNIT, "op1", r, set()))
    assert {(f"<{UNIT}>", NT.GB_consideredAt, f"<{target}>"), (f"<{target}>", NT.RDF_type, NT.GB_Session),
            (f"<{target}>", NT.RDFS_label, '"A/RES/53/144"@en')} <= triples
    assert any(p == NT.GB_referenceKind and o == '"meeting"' for _, p, o in triples)
    assert add_cited(nx.DiGraph(), r, Minter()) is None
