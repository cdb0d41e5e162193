"""SHACL validation: the example and a real corpus sample conform; broken graphs do not."""
from __future__ import annotations

import subprocess
import sys

import pytest
from pyoxigraph import Literal, NamedNode, Triple

from graph_builder.graph.export import graph_bytes
from graph_builder.graph.vocab import CITO, GB
from graph_builder.publish.validate import validate_graph, validate_graphs

INTEGER = NamedNode("http://www.w3.org/2001/XMLSchema#integer")

pytest.importorskip("pyshacl")


def test_the_example_conforms(example_graph):
    report = validate_graphs([example_graph])
    assert report.conforms, "\n".join(map(str, report.violations))
    assert report.graphs == 1 and report.triples == len(example_graph[1])


def test_a_real_corpus_sample_conforms(corpus_sample):
    report = validate_graphs(corpus_sample)
    assert report.graphs >= 25
    assert report.violations == []


def without(triples, predicate: str, subject_suffix: str):
    return [t for t in triples if not (t.predicate.value == predicate and t.subject.value.endswith(subject_suffix))]


def test_a_clause_without_its_id_is_a_violation(example_graph):
    name, triples = example_graph
    found = validate_graph(name, without(triples, str(GB.clauseId), "#op3"))
    assert [(v.focus, v.path) for v in found] == [(f"<{name}#op3>", "gb:clauseId")]


def test_a_citation_of_the_wrong_class_is_a_violation(example_graph):
    name, triples = example_graph
    kind = str(GB.referenceKind)
    broken = [Triple(t.subject, t.predicate, Literal("body")) if t.predicate.value == kind and t.object.value == "instrument"
              else t for t in triples]
    instrument_citations = sum(1 for t in triples if t.predicate.value == kind and t.object.value == "instrument")
    found = validate_graph(name, broken)
    # the cited thing is of the wrong class, and the clause links to it by eli:cites, not the gb:mentions of a body
    on_citations = [v for v in found if v.shape == "gbsh:CitedClassShape"]
    assert len(on_citations) == instrument_citations and all("not a" in v.message for v in on_citations)
    links = [v for v in found if v.shape != "gbsh:CitedClassShape"]
    assert {v.shape for v in links} == {"gbsh:BuiltDocumentShape"} and len(links) == instrument_citations
    assert all("does not" in v.message and "mentions" in v.message for v in links), links[:1]


def test_eli_cites_pointing_at_a_body_is_a_violation(example_graph):
    name, triples = example_graph
    mentions = str(GB.mentions)
    broken = [Triple(t.subject, NamedNode("http://data.europa.eu/eli/ontology#cites"), t.object)
              if t.predicate.value == mentions else t for t in triples]
    assert len(broken) == len(triples) and any(t.predicate.value == mentions for t in triples)
    shapes = {v.shape for v in validate_graph(name, broken)}
    assert "gbsh:CitesLegalResourceShape" in shapes


def test_a_citation_its_clause_does_not_cite_is_a_violation(example_graph):
    name, triples = example_graph
    citation = next(t.subject for t in triples if t.predicate.value == str(CITO.hasCitedEntity))
    cited = next(t.object for t in triples if t.subject == citation and t.predicate.value == str(CITO.hasCitedEntity))
    other = NamedNode("https://example.org/unres/doc/A/RES/1/1")
    broken = [Triple(t.subject, t.predicate, other) if t.subject == citation and t.object == cited else t for t in triples]
    broken += [Triple(other, NamedNode(str(GB.symbol)), Literal("A/RES/1/1"))]
    messages = [v.message for v in validate_graph(name, broken)]
    assert any("does not" in m and "cites" in m for m in messages), messages


def test_wrong_datatypes_and_cardinalities_are_violations(example_graph):
    name, triples = example_graph
    clause = NamedNode(name + "#pp1")
    broken = triples + [Triple(clause, NamedNode(str(GB.position)), Literal("2", datatype=INTEGER)),
                        Triple(clause, NamedNode(str(GB.text)), Literal("plain, no language"))]
    paths = sorted(v.path for v in validate_graph(name, broken))
    assert paths == ["gb:position", "gb:text", "gb:text"]  # two positions; two texts, one of them no langString


def test_validate_command(example_graph, tmp_path):
    good, bad = tmp_path / "good.ttl", tmp_path / "bad.ttl"
    good.write_bytes(graph_bytes(example_graph[1], "ttl"))
    bad.write_bytes(graph_bytes(without(example_graph[1], str(GB.clauseId), "#op3"), "ttl"))
    run = lambda *a: subprocess.run([sys.executable, "-m", "graph_builder", "validate", *a],  # noqa: E731
                                    capture_output=True, text=True)
    ok = run(str(good))
    assert ok.returncode == 0 and "conforms" in ok.stdout
    failed = run(str(bad))
    assert failed.returncode == 1 and "1 violations" in failed.stdout and "gb:clauseId" in failed.stdout


DOC = "https://example.org/unres/doc/A/RES/57/209"
OTHER = "https://example.org/unres/doc/A/RES/1/1"
DECLARATION = "https://example.org/unres/instrument/hrd-declaration"
ELI_CITES = "http://data.europa.eu/eli/ontology#cites"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
BODY = "https://example.org/unres/body/security-council"


def add(*triples):
    return lambda ts: ts + [Triple(NamedNode(s), NamedNode(p), o if not isinstance(o, str) else NamedNode(o))
                            for s, p, o in triples]


@pytest.mark.parametrize("what, change, shape, path", [
    ("a document citing what none of its clauses cites",
     add((DOC, ELI_CITES, OTHER), (OTHER, str(GB.symbol), Literal("A/RES/1/1")),
         (OTHER, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", str(GB.UNDocument))),
     "gbsh:BuiltDocumentShape", ""),
    ("a document mentioning a body none of its clauses mentions",
     add((DOC, str(GB.mentions), BODY), (BODY, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", str(GB.Body)),
         (BODY, RDFS_LABEL, Literal("Security Council", language="en"))),
     "gbsh:BuiltDocumentShape", ""),
    ("an instrument with two labels", add((DECLARATION, RDFS_LABEL, Literal("the Declaration", language="en"))),
     "gbsh:InstrumentShape", "rdfs:label"),
    ("a clause with two positions", add((DOC + "#op1", str(GB.position), Literal("9", datatype=INTEGER))),
     "gbsh:ClauseShape", "gb:position"),
])
def test_broken_graphs_give_their_violation(example_graph, what, change, shape, path):
    name, triples = example_graph
    assert any(t.subject.value == DECLARATION for t in triples)
    found = validate_graph(name, change(list(triples)))
    assert [(v.shape, v.path) for v in found] == [(shape, path)], (what, found)


def test_a_shared_node_is_reported_once_under_the_shared_graph(example_graph):
    """Two resolutions point at one instrument with two labels: one violation, whatever the batches."""
    from pyoxigraph import RdfFormat, parse, serialize

    from graph_builder.graph.iri import Minter
    from graph_builder.graph.rdf import split_graphs
    from graph_builder.publish.validate import dataset_store, validate_store

    name, triples = example_graph
    ntriples = b"".join(sorted(serialize(triples, format=RdfFormat.N_TRIPLES).splitlines(keepends=True)))
    graphs = split_graphs(ntriples, Minter())
    copy = graphs[name].replace(b"A/RES/57/209", b"A/RES/57/999")
    shared = Minter().shared_graph()
    graphs[shared] += f'<{DECLARATION}> <{RDFS_LABEL}> "the Declaration"@en .\n'.encode()
    graphs[name.replace("209", "999")] = copy
    store = dataset_store((g, [q.triple for q in parse(body, format=RdfFormat.N_TRIPLES)])
                          for g, body in graphs.items())
    reports = [validate_store(store, batch=b) for b in (1, 2)]
    assert reports[0].violations == reports[1].violations
    assert [(v.graph, v.focus, v.path) for v in reports[0].violations] == [(shared, f"<{DECLARATION}>", "rdfs:label")]
    assert reports[0].graphs == 2


def test_diagnostics_without_a_span_are_nodes_of_their_own(shared_dir):
    """S/RES/2713(2023) repeats two footnote markers: two duplicate-footnote diagnostics with no span, which
    were one node with two comments and two clauses (the whole corpus's one violation of that kind)."""
    import glob

    from graph_builder.build import build_file

    [path] = glob.glob(str(shared_dir / "corpus/unxml-sc/2023/S_RES_2713*"))
    built = build_file(path)
    nodes = {t.subject.value for t in built.triples if t.predicate.value == str(GB.diagnosticCode)
             and t.object.value == "duplicate-footnote"}
    assert len(nodes) == 2
    assert validate_graph(nodes.pop().partition("#")[0], built.triples) == []
