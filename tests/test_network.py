"""The citation network for analysts: read back from the RDF graph, and written as GraphML, GEXF and CSV."""
from __future__ import annotations

import csv
import io
import subprocess
import sys

import networkx as nx
import pytest
from pyoxigraph import NamedNode, Quad, Store

from graph_builder.build import build_file
from graph_builder.graph.formats import NETWORK_FORMATS
from graph_builder.graph.iri import Minter
from graph_builder.graph.rdf import document_iri
from graph_builder.publish.network import citation_network, network_files, network_from_store


def store_of(built) -> Store:
    store = Store()
    for b in built:
        graph = NamedNode(document_iri(b.resolution, Minter()))
        store.extend(Quad(t.subject, t.predicate, t.object, graph) for t in b.triples)
    return store


@pytest.fixture(scope="module")
def sample(request):
    """About 30 real resolutions (conftest's corpus sample files), built, or skip."""
    from conftest import SAMPLE_FILES, SAMPLE_FOLDERS, SHARED

    if not SHARED.is_dir():
        pytest.skip("../shared/ is not present")
    files = [SHARED / f for f in SAMPLE_FILES]
    for folder in SAMPLE_FOLDERS:
        files += sorted(p for p in (SHARED / folder).rglob("*.xml") if "_RES_" in p.name)[:5]
    return [build_file(f) for f in files]


def test_the_network_read_from_the_graph_is_the_network_of_the_resolutions(sample):
    from_resolutions = citation_network([b.resolution for b in sample], Minter())
    from_rdf = network_from_store(store_of(sample), Minter())
    assert sorted(from_rdf) == sorted(from_resolutions) and len(from_rdf) > 200
    assert sorted(from_rdf.edges) == sorted(from_resolutions.edges)
    for n in from_resolutions:
        assert from_rdf.nodes[n] == from_resolutions.nodes[n], n
    for e in from_resolutions.edges:
        assert from_rdf.edges[e] == from_resolutions.edges[e], e


def test_graphml_gexf_and_csv_parse_and_agree(sample, tmp_path):
    g = citation_network([b.resolution for b in sample], Minter())
    files = network_files(g, ("graphml", "gexf", "csv"))
    assert sorted(files) == ["network-edges.csv", "network-nodes.csv", "network.gexf", "network.graphml"]
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    graphml = nx.read_graphml(tmp_path / "network.graphml")
    gexf = nx.read_gexf(tmp_path / "network.gexf")
    nodes = list(csv.DictReader(io.StringIO(files["network-nodes.csv"].decode("utf-8"))))
    edges = list(csv.DictReader(io.StringIO(files["network-edges.csv"].decode("utf-8"))))
    assert graphml.is_directed() and gexf.is_directed()
    assert sorted(graphml) == sorted(gexf) == sorted(n["id"] for n in nodes) == sorted(g)
    edge_set = sorted(g.edges)
    assert sorted(graphml.edges) == sorted(gexf.edges) == sorted((e["source"], e["target"]) for e in edges) == edge_set
    by_id = {n["id"]: n for n in nodes}
    for n, d in g.nodes(data=True):
        assert graphml.nodes[n]["kind"] == gexf.nodes[n]["kind"] == by_id[n]["kind"] == d["kind"]
        assert graphml.nodes[n]["label"] == gexf.nodes[n]["label"] == by_id[n]["label"] == d["label"]
        assert graphml.nodes[n]["present"] == gexf.nodes[n]["present"] == (by_id[n]["present"] == "true") == d["present"]
        assert int(graphml.nodes[n]["cited_by"]) == int(by_id[n]["cited_by"]) == g.in_degree(n)
        if d["year"] is not None:
            assert int(graphml.nodes[n]["year"]) == int(gexf.nodes[n]["year"]) == int(by_id[n]["year"]) == d["year"]
        else:
            assert "year" not in graphml.nodes[n] and by_id[n]["year"] == ""
    for e in edges:
        s, t = e["source"], e["target"]
        assert int(e["count"]) == graphml.edges[s, t]["count"] == int(gexf.edges[s, t]["count"]) == g.edges[s, t]["count"]
        assert e["verbs"] == graphml.edges[s, t]["verbs"] == ";".join(sorted(g.edges[s, t]["verbs"]))
    # Gephi and Cytoscape size edges by weight: the number of references
    assert all(d["weight"] == d["count"] for _, _, d in graphml.edges(data=True))


def test_network_files_are_deterministic(sample):
    g = citation_network([b.resolution for b in sample], Minter())
    assert network_files(g, ("graphml", "gexf", "csv")) == network_files(g.copy(), ("graphml", "gexf", "csv"))


def test_the_network_command_reads_the_turtle_a_build_wrote(tmp_path):
    run = lambda *a: subprocess.run([sys.executable, "-m", "graph_builder", *a], capture_output=True,  # noqa: E731
                                    text=True, timeout=300)
    assert run("build", "-o", str(tmp_path), "-q", "--no-view").returncode == 0
    done = run("network", str(tmp_path / "A_RES_57_209.ttl"), "--format", "csv,graphml", "-o", str(tmp_path / "net"))
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (tmp_path / "net").iterdir()) == ["network-edges.csv", "network-nodes.csv",
                                                                    "network.graphml"]
    assert nx.read_graphml(tmp_path / "net" / "network.graphml").number_of_edges() == 10
    bad = run("network", str(tmp_path / "A_RES_57_209.ttl"), "--format", "pajek")
    assert bad.returncode == 2 and "graphml" in bad.stderr


@pytest.mark.parametrize("row", NETWORK_FORMATS, ids=lambda r: r.name)
def test_each_network_format_row_has_a_writer_and_writes_its_files(row):
    g = citation_network([], Minter())
    files = network_files(g, [row.name], stem="net")
    assert sorted(files) == sorted(p.format(stem="net") for p in row.files)
    assert all(data for data in files.values())


def test_an_unknown_network_format_raises():
    with pytest.raises(ValueError, match="unknown network format 'dot'"):
        network_files(citation_network([], Minter()), ["dot"])
