"""push: to a real Oxigraph server and to `graph-builder serve --writable` (query over HTTP, compare with the store),
and against scripted endpoints that trickle, fail partway or ask for a password."""
from __future__ import annotations

import base64
import itertools
import json
import os
import secrets
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from pyoxigraph import QueryResultsFormat, RdfFormat, serialize

from graph_builder.errors import InputError, PushError
from graph_builder.graph.export import dataset_bytes
from graph_builder.graph.store import load_store
from graph_builder.publish.push import graphs_in_files, graphs_in_store, push, redact
from graph_builder.publish.query import run_query
from graph_builder.publish.serve import free_port
from servers import GraphBuilderServe, OxigraphServer, ScriptedServer, oxigraph_binary, read_body, reply

QUERIES = sorted((Path(__file__).parents[1] / "queries").glob("*.rq"))

needs_oxigraph = pytest.mark.skipif(oxigraph_binary() is None, reason="the oxigraph server (pip install oxigraph) is absent")


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


@needs_oxigraph
def test_push_then_query_over_http_answers_as_the_store(graphs, store_of):
    folder = store_of(graphs)
    store = load_store([], str(folder))
    with OxigraphServer() as server:  # in memory: what push sends is all it has
        first = push(server.store_url, graphs_in_store(store))
        assert first.graphs == len(graphs)
        assert count(server.query_url) == len(store) == first.triples
        again = push(server.store_url, graphs_in_store(store))  # idempotent: PUT replaces each graph
        assert again == first and count(server.query_url) == len(store)
        for path in QUERIES:
            from graph_builder.publish.query import with_parameters

            text = with_parameters(path.read_text(encoding="utf-8"))  # the questions' default parameters bound
            over_http = http_query(server.query_url, text)
            assert over_http == embedded_query(store, text), path.name
            assert over_http["results"]["bindings"], path.name


@needs_oxigraph
def test_push_files_turtle_and_trig(example_graph, tmp_path):
    name, triples = example_graph
    ttl, trig = tmp_path / "one.ttl", tmp_path / "all.trig"
    ttl.write_bytes(serialize(triples, format=RdfFormat.TURTLE))
    trig.write_bytes(dataset_bytes([example_graph], "trig"))
    for path in (ttl, trig):
        assert [(n, sorted(t, key=str)) for n, t in graphs_in_files([path])] == [(name, sorted(triples, key=str))]
    with OxigraphServer() as server:
        push(server.store_url, graphs_in_files([trig]))
        with urllib.request.urlopen(server.store_url + "?" + urllib.parse.urlencode({"graph": name})) as r:
            assert r.status == 200 and b"A/RES/57/209" in r.read()


def test_push_reports_an_endpoint_that_is_not_there(example_graph):
    with pytest.raises(PushError, match="cannot be reached"):
        push(f"http://127.0.0.1:{free_port()}/store", [example_graph], timeout=5)
    with pytest.raises(InputError, match="http"):
        push("file:///etc/passwd", [example_graph])


def cli(*args: str, env: dict | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "graph_builder", *args], capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, **(env or {})})


def test_push_to_the_writable_server_with_its_token(graphs, store_of, tmp_path):
    folder = store_of(graphs)
    token = "t" * 12 + secrets.token_hex(8)
    with GraphBuilderServe("--store", str(store_of([], "target")), "--writable", "-q",
                           env={"GRAPH_BUILDER_TOKEN": token}) as server:
        refused = cli("push", "--store", str(folder), "--endpoint", server.url + "/store")
        assert refused.returncode == 2 and "HTTP 401" in refused.stderr and "0 of" in refused.stderr
        done = cli("push", "--store", str(folder), "--endpoint", server.url + "/store", "--bearer",
                   env={"GRAPH_BUILDER_TOKEN": token})
        assert done.returncode == 0, done.stderr
        assert count(server.url + "/query") == len(load_store([], str(folder)))


def trickle(handler) -> None:
    """Read the request, then answer one byte every 0.5 s, forever (until the client hangs up)."""
    read_body(handler)
    try:
        for byte in itertools.cycle(b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 1000):
            handler.wfile.write(bytes([byte]))
            handler.wfile.flush()
            time.sleep(0.5)
    except OSError:
        pass


def test_timeout_is_a_total_deadline_against_a_trickling_server(example_graph, tmp_path):
    with ScriptedServer(trickle) as slow:
        started = time.monotonic()
        with pytest.raises(PushError, match=r"within 2 s \(--timeout\); 0 graphs went through"):
            push(slow.url + "/store", [example_graph], timeout=2)
        assert time.monotonic() - started < 5  # each byte came well within the read timeout; the total did not
        started = time.monotonic()
        run = cli("push", "--endpoint", slow.url + "/store", "--timeout", "1.5", str(trig_of(example_graph, tmp_path)),
                  timeout=30)
        assert run.returncode == 2 and "within 1.5 s" in run.stderr and len(run.stderr.splitlines()) == 1
        assert time.monotonic() - started < 10


def trig_of(graph, folder: Path) -> Path:
    path = folder / "one.trig"
    path.write_bytes(dataset_bytes([graph], "trig"))
    return path


def fail_after(n: int):
    """An endpoint that takes n PUTs and refuses the rest with HTTP 500."""
    taken = []

    def respond(handler) -> None:
        read_body(handler)
        if len(taken) < n:
            taken.append(handler.path)
            reply(handler, 201)
        else:
            reply(handler, 500, b"disk full")
    return respond


def three_graphs(example_graph, tmp_path) -> Path:
    name, triples = example_graph
    graphs = [(name, triples)] + [(name + f"-copy{i}", triples) for i in (1, 2)]
    path = tmp_path / "three.trig"
    path.write_bytes(dataset_bytes(graphs, "trig"))
    return path


def test_a_failure_partway_says_how_many_went_through_and_exits_1(example_graph, tmp_path):
    trig = three_graphs(example_graph, tmp_path)
    with ScriptedServer(fail_after(2)) as endpoint:
        run = cli("push", "--endpoint", endpoint.url + "/store", str(trig))
        assert run.returncode == 1, run.stderr
        assert "HTTP 500" in run.stderr and "disk full" in run.stderr and "2 of 3 graphs went through" in run.stderr
        assert len(run.stderr.splitlines()) == 1 and "Traceback" not in run.stderr
    with ScriptedServer(fail_after(0)) as endpoint:
        run = cli("push", "--endpoint", endpoint.url + "/store", str(trig))
        assert run.returncode == 2 and "0 of 3 graphs went through" in run.stderr
    bad = cli("push", "--endpoint", "ftp://x/", str(trig))
    assert bad.returncode == 2 and "http(s)" in bad.stderr


def basic_auth(user: str, password: str):
    expected = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()

    def respond(handler) -> None:
        read_body(handler)
        if handler.headers.get("Authorization") != expected:
            reply(handler, 401, b"who are you", headers={"WWW-Authenticate": 'Basic realm="x"'})
        elif "fail" in handler.path:
            reply(handler, 500, b"echo " + handler.path.encode() + b" " + expected.encode())
        else:
            reply(handler, 204)
    return respond


def test_a_password_in_the_endpoint_is_used_and_never_shown(example_graph, tmp_path):
    trig = trig_of(example_graph, tmp_path)
    with ScriptedServer(basic_auth("admin", "s3cr3t-pw")) as endpoint:
        host = endpoint.url.removeprefix("http://")
        ok = cli("push", "--endpoint", f"http://admin:s3cr3t-pw@{host}/store", str(trig))
        assert ok.returncode == 0, ok.stderr
        assert "s3cr3t-pw" not in ok.stdout and "admin:***@" in ok.stdout
        assert all("s3cr3t-pw" not in path for _, path, _ in endpoint.requests)  # not in the URL sent either
        for url in (f"http://admin:s3cr3t-pw@{host}/store?fail=1", f"http://admin:wrong-pw@{host}/store",
                    f"http://admin:s3cr3t-pw@127.0.0.1:{free_port()}/store"):
            run = cli("push", "--endpoint", url, "--timeout", "5", str(trig))
            assert run.returncode == 2 and run.stderr.count("\n") == 1, run.stderr
            assert "s3cr3t-pw" not in run.stderr and "wrong-pw" not in run.stderr and "YWRtaW4" not in run.stderr
            assert "admin:***@" in run.stderr, run.stderr
    assert redact("https://u:p@h/x?key=abc&graph=g") == "https://u:***@h/x?key=***&graph=g"
