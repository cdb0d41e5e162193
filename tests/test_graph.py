"""The graph: deterministic, every term declared, the same in every format, IRIs from content."""
from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from rdflib.compare import graph_diff, to_isomorphic

from graph_builder.cli import main
from graph_builder.graph import terms
from graph_builder.graph.export import graph_bytes
from graph_builder.graph.iri import Minter
from graph_builder.graph.ontology import terms_module, verb_scheme_turtle
from graph_builder.graph.rdf import resolution_triples
from graph_builder.graph.vocab import ONTOLOGY_NS, VERBS_NS
from graph_builder.pipeline import extract_path
from helpers import example_path_and_info

ONTOLOGY = Path(__file__).resolve().parents[1] / "ontology"


@pytest.fixture(scope="module")
def triples():
    path, info = example_path_and_info()
    return resolution_triples(extract_path(path, info))


def parsed(data: bytes, fmt: str) -> rdflib.Graph:
    g = rdflib.Graph()
    g.parse(data=data, format=fmt)
    return g


def assert_isomorphic(a: rdflib.Graph, b: rdflib.Graph) -> None:
    if to_isomorphic(a) != to_isomorphic(b):
        _, only_a, only_b = graph_diff(to_isomorphic(a), to_isomorphic(b))
        lines = [f"- {t}" for t in sorted(only_a)[:20]] + [f"+ {t}" for t in sorted(only_b)[:20]]
        pytest.fail("graphs differ:\n" + "\n".join(map(str, lines)))


def test_same_input_gives_byte_identical_turtle(tmp_path):
    for run in ("a", "b"):
        assert main(["build", "-q", "-o", str(tmp_path / run)]) == 0
    assert (tmp_path / "a" / "A_RES_57_209.ttl").read_bytes() == (tmp_path / "b" / "A_RES_57_209.ttl").read_bytes()


@pytest.mark.parametrize("fmt, parser", [("nt", "nt"), ("jsonld", "json-ld"), ("trig", "trig")])
def test_every_format_carries_the_same_graph(triples, fmt, parser):
    reference = parsed(graph_bytes(triples, "ttl"), "turtle")
    other = rdflib.Graph()
    if parser == "trig":
        ds = rdflib.Dataset()
        ds.parse(data=graph_bytes(triples, fmt), format="trig")
        for t in ds.triples((None, None, None)):
            other.add(t)
    else:
        other = parsed(graph_bytes(triples, fmt), parser)
    assert_isomorphic(reference, other)


def declared_terms() -> set[str]:
    g = rdflib.Graph()
    g.parse(ONTOLOGY / "graph-builder.ttl")
    g.parse(ONTOLOGY / "verbs.ttl")
    return {str(s) for s in g.subjects()}


def test_every_term_emitted_is_declared_in_the_ontology(triples):
    declared = declared_terms()
    standard = ("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "http://www.w3.org/2000/01/rdf-schema#")
    used = {t.predicate.value for t in triples}
    used |= {t.object.value for t in triples if t.predicate.value.endswith("#type")}
    used |= {t.object.value for t in triples if t.object.__class__.__name__ == "NamedNode"
             and t.object.value.startswith(VERBS_NS)}
    missing = sorted(u for u in used if not u.startswith(standard) and u not in declared)
    assert missing == []
    assert any(u.startswith(ONTOLOGY_NS) for u in used)


def test_verb_scheme_file_is_generated_from_the_data():
    assert (ONTOLOGY / "verbs.ttl").read_bytes() == verb_scheme_turtle()


def test_python_terms_are_generated_from_the_ontology():
    # after editing the ontology: graph-builder ontology --terms src/graph_builder/graph/terms.py
    assert Path(terms.__file__).read_text(encoding="utf-8") == terms_module(ONTOLOGY / "graph-builder.ttl")


def test_terms_are_closed():
    with pytest.raises(AttributeError):
        terms.GB.Clauses  # noqa: B018 (a typo: also a mypy error, see test_a_mistyped_term_is_a_mypy_error)
    assert terms.NT.GB_Clause == f"<{terms.GB.Clause}>"


def test_a_mistyped_term_is_a_mypy_error(tmp_path):
    api = pytest.importorskip("mypy.api", reason="mypy is in the [test] extra")
    root = Path(__file__).resolve().parents[1]
    code = "from graph_builder.graph.terms import GB, NT\nok = (GB.Clause, NT.GB_Clause)\nbad = GB.Clauses\n"
    out, _, status = api.run(["--config-file", str(root / "pyproject.toml"), "--cache-dir", str(tmp_path), "-c", code])
    assert status == 1 and '"type[GB]" has no attribute "Clauses"' in out and "Found 1 error" in out, out


def test_ontology_parses():
    g = rdflib.Graph()
    g.parse(ONTOLOGY / "graph-builder.ttl")
    assert (rdflib.URIRef(ONTOLOGY_NS + "Citation"), rdflib.RDFS.subClassOf,
            rdflib.URIRef("http://purl.org/spar/cito/Citation")) in g


@pytest.mark.parametrize("symbol, clause, iri", [
    ("A/RES/57/209", "op2", "https://example.org/unres/doc/A/RES/57/209#op2"),
    ("S/RES/1325 (2000)", "II.op3.b", "https://example.org/unres/doc/S/RES/1325(2000)#II.op3.b"),
    ("E/CN.4/2002/106/Add.1", "fn2", "https://example.org/unres/doc/E/CN.4/2002/106/Add.1#fn2"),
])
def test_iris_are_minted_from_content(symbol, clause, iri):
    m = Minter()
    assert m.clause(m.document(symbol), clause) == iri


def test_provision_of_a_resolution_is_its_clause():
    m = Minter()
    assert m.provision("S/RES/2334(2016)", "paragraph", "5", True) == m.clause(m.document("S/RES/2334(2016)"), "op5")


def test_base_iri_is_configurable(tmp_path):
    assert main(["build", "-q", "-o", str(tmp_path), "--base-iri", "https://data.example.net/un/"]) == 0
    assert b"<https://data.example.net/un/doc/A/RES/57/209>" in (tmp_path / "A_RES_57_209.ttl").read_bytes()


def test_bad_base_iri_is_refused():
    with pytest.raises(ValueError):
        Minter("not an iri")


def test_resolution_links_to_undocs_and_records_the_akn_work(shared_dir):
    xml = next((shared_dir / "corpus" / "unxml-ga" / "76session").glob("A_RES_76_174-*.xml"))
    g = parsed(graph_bytes(resolution_triples(extract_path(xml)), "ttl"), "turtle")
    doc = rdflib.URIRef("https://example.org/unres/doc/A/RES/76/174")
    assert (doc, rdflib.FOAF.page, rdflib.URIRef("https://undocs.org/A/RES/76/174")) in g
    works = {str(o) for o in g.objects(doc, rdflib.URIRef(ONTOLOGY_NS + "aknWork"))}
    assert works == {"/akn/un/statement/deliberation/unga/2021-12-16/76-174/"}


def test_metadata_records_become_triples(shared_dir, tmp_path):
    xml = next((shared_dir / "corpus" / "unxml-ga" / "76session").glob("A_RES_76_174-*.xml"))
    assert main(["build", "-q", str(xml), "--metadata", str(shared_dir / "corpus" / "unxml-ga" / "metadata"),
                 "-o", str(tmp_path)]) == 0
    g = parsed((tmp_path / "A_RES_76_174.ttl").read_bytes(), "turtle")
    doc = rdflib.URIRef("https://example.org/unres/doc/A/RES/76/174")
    sponsors = set(g.objects(doc, rdflib.URIRef(ONTOLOGY_NS + "sponsoredBy")))
    assert len(sponsors) > 50
    labels = {str(g.value(s, rdflib.RDFS.label)) for s in sponsors}
    assert "Argentina" in labels
    assert (doc, rdflib.URIRef(ONTOLOGY_NS + "meetingRecord"), rdflib.URIRef("https://example.org/unres/doc/A/76/PV.53")) in g
    assert set(g.objects(doc, rdflib.DCTERMS.subject))
    declared = declared_terms()
    assert all(str(p) in declared for p in g.predicates() if str(p).startswith(ONTOLOGY_NS))
