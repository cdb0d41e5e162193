"""A real Oxigraph server on a free loopback port: push the graph, query it over HTTP, compare with the store."""
from __future__ import annotations

import json
import signal
import subprocess
import sys
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from pyoxigraph import QueryResultsFormat, RdfFormat, serialize

from graph_builder.errors import InputError
from graph_builder.export import dataset_bytes
from graph_builder.push import graphs_in_files, graphs_in_store, push
from graph_builder.query import load_store, run_query
from graph_builder.serve import OxigraphServer, free_port, server_binary

QUERIES = sorted((Path(__file__).parents[1] / "queries").glob("*.rq"))

pytestmark = pytest.mark.skipif(server_binary() is None, reason="the oxigraph server (pip install oxigraph) is absent")


def http_query(url: str, text: str) -> dict:
    request = urllib.request.Request(url, data=text.encode("utf-8"), method="POST", headers={
        "Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=30) as r:
        return json.load(r)


def embedded_query(store, text: str) -> dict:
    return json.loads(run_query(store, text).serialize(format=QueryResultsFormat.JSON))


def count(url: str) -> int:
    answer = http_query(url, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    return int(answer["results"]["bindings"][0]["n"]["value"])


@pytest.fixture
def graphs(example_graph, request):
    """The example, and the corpus sample when ../shared/ is there."""
    try:
        return [example_graph] + request.getfixturevalue("corpus_sample")
    except pytest.skip.Exception:
        return [example_graph]


def test_push_then_query_over_http_answers_as_the_store(graphs, store_of):
    folder = store_of(graphs)
    store = load_store([], str(folder))
    with OxigraphServer(port=free_port()) as server:  # in memory: what push sends is all it has
        first = push(server.store_url, graphs_in_store(store))
        assert first.graphs == len(graphs)
        assert count(server.query_url) == len(store) == first.triples
        again = push(server.store_url, graphs_in_store(store))  # idempotent: PUT replaces each graph
        assert again == first and count(server.query_url) == len(store)
        for path in QUERIES:
            from graph_builder.query import with_parameters

            text = with_parameters(path.read_text(encoding="utf-8"))  # the questions' default parameters bound
            over_http = http_query(server.query_url, text)
            assert over_http == embedded_query(store, text), path.name
            assert over_http["results"]["bindings"], path.name


def test_push_files_turtle_and_trig(example_graph, tmp_path):
    name, triples = example_graph
    ttl, trig = tmp_path / "one.ttl", tmp_path / "all.trig"
    ttl.write_bytes(serialize(triples, format=RdfFormat.TURTLE))
    trig.write_bytes(dataset_bytes([example_graph], "trig"))
    for path in (ttl, trig):
        assert [(n, sorted(t, key=str)) for n, t in graphs_in_files([path])] == [(name, sorted(triples, key=str))]
    with OxigraphServer(port=free_port()) as server:
        push(server.store_url, graphs_in_files([trig]))
        with urllib.request.urlopen(server.store_url + "?" + urllib.parse.urlencode({"graph": name})) as r:
            assert r.status == 200 and b"A/RES/57/209" in r.read()


def test_push_reports_an_endpoint_that_is_not_there(example_graph):
    with pytest.raises(InputError, match="cannot be reached"):
        push(f"http://127.0.0.1:{free_port()}/store", [example_graph], timeout=5)
    with pytest.raises(InputError, match="http"):
        push("file:///etc/passwd", [example_graph])


def test_serve_command_prints_the_url_and_stops_on_ctrl_c(example_graph, store_of):
    folder = store_of([example_graph])
    port = free_port()
    p = subprocess.Popen([sys.executable, "-m", "graph_builder.cli", "serve", "--store", str(folder), "--port", str(port)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        lines = [p.stdout.readline() for _ in range(4)]
        assert f"http://127.0.0.1:{port}/query" in lines[0]
        answer = http_query(f"http://127.0.0.1:{port}/query", "ASK { ?r <https://example.org/unres/ontology#symbol> "
                                                              "\"A/RES/57/209\" }")
        assert answer["boolean"] is True  # union default graph: the named graphs answer without GRAPH
        # the read-write server holds the store: a builder cannot open it meanwhile
        with pytest.raises(OSError):
            from pyoxigraph import Store
            Store(str(folder))
    finally:
        p.send_signal(signal.SIGINT)
        assert p.wait(20) == 0, p.stderr.read()
    assert len(load_store([], str(folder))) == len(example_graph[1])  # the store is intact


def test_read_only_server_lets_queries_read_the_store(example_graph, store_of):
    folder = store_of([example_graph])
    with OxigraphServer(folder, port=free_port(), read_only=True) as server:
        assert len(load_store([], str(folder))) == len(example_graph[1])
        from graph_builder.query import with_parameters

        text = with_parameters((QUERIES[0]).read_text(encoding="utf-8"))
        assert http_query(server.query_url, text) == embedded_query(load_store([], str(folder)), text)


def test_server_errors_are_reported(tmp_path, monkeypatch):
    with pytest.raises(InputError, match="no store"):
        OxigraphServer(tmp_path / "missing")
    monkeypatch.setattr("graph_builder.serve.server_binary", lambda: None)
    with pytest.raises(InputError, match="not installed"):
        OxigraphServer()
