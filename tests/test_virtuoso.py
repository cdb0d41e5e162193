"""push and the bulk loader against a real Virtuoso (Debian's virtuoso-opensource), started by the test.

The README's way: `graph-builder publish` writes dataset.nq.gz, Virtuoso's bulk loader
(ld_dir, rdf_loader_run) loads it, `push` replaces one resolution's graph through the Graph Store
endpoint (/sparql-graph-crud-auth, Digest authentication), and every question in queries/ gets the
same answers from Virtuoso's /sparql as from the embedded store."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from pyoxigraph import QueryResultsFormat

from graph_builder.graph.store import load_store
from graph_builder.publish.push import push
from graph_builder.publish.query import run_query, with_parameters
from servers import VirtuosoServer, group_members, virtuoso_binaries

QUERIES = sorted((Path(__file__).parents[1] / "queries").glob("*.rq"))
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
BASE = "https://example.org/unres/"

pytestmark = pytest.mark.skipif(virtuoso_binaries() is None,
                                reason="Virtuoso is not installed (apt-get install virtuoso-opensource)")


XSD_BOOLEAN, XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#boolean", "http://www.w3.org/2001/XMLSchema#integer"


def normalized(answer: dict, booleans: frozenset[str] = frozenset()):
    """SPARQL JSON results as a sorted list of rows, without the ways two stores may spell one answer:
    Virtuoso's "typed-literal", an explicit xsd:string, blank node labels, row order, and Virtuoso 7.2's
    1/0 (xsd:integer) for EXISTS in the columns named in `booleans`, where the other store says true/false."""
    if "boolean" in answer:
        return answer["boolean"]
    names = sorted(answer["head"]["vars"])
    rows = []
    for binding in answer["results"]["bindings"]:
        row = []
        for name in names:
            term = binding.get(name)
            if term is None:
                row.append(None)
                continue
            kind = "literal" if term["type"] in ("literal", "typed-literal") else term["type"]
            value, datatype = term["value"], term.get("datatype")
            if name in booleans and datatype == XSD_INTEGER and value in ("0", "1"):
                value, datatype = ("true" if value == "1" else "false"), XSD_BOOLEAN
            row.append((kind, "_:b" if kind == "bnode" else value, None if datatype == XSD_STRING else datatype,
                        term.get("xml:lang")))
        rows.append(tuple(row))
    return sorted(rows, key=repr)


def boolean_columns(answer: dict) -> frozenset[str]:
    return frozenset(name for b in answer.get("results", {}).get("bindings", []) for name, term in b.items()
                     if term.get("datatype") == XSD_BOOLEAN)


def virtuoso_query(server: VirtuosoServer, text: str) -> dict:
    request = urllib.request.Request(server.sparql_url, data=urllib.parse.urlencode({"query": text}).encode(),
                                     headers={"Accept": "application/sparql-results+json",
                                              "Content-Type": "application/x-www-form-urlencoded"})
    with urllib.request.urlopen(request, timeout=60) as r:
        return json.load(r)


@pytest.fixture
def graphs(example_graph, request):
    """The example, and a few resolutions of the corpus sample when ../shared/ is there."""
    try:
        return [example_graph] + request.getfixturevalue("corpus_sample")[:8]
    except pytest.skip.Exception:
        return [example_graph]


@pytest.fixture
def virtuoso(tmp_path):
    """A Virtuoso of this test's own, stopped with its whole process group at teardown, whatever happened."""
    with VirtuosoServer(tmp_path / "virtuoso") as server:
        yield server
    assert group_members(server.process.pid) == [], "Virtuoso left processes behind"


def test_virtuoso_bulk_loads_the_dump_takes_a_push_and_answers_as_the_store(graphs, store_of, tmp_path, virtuoso):
    (name, triples), others = graphs[0], graphs[1:]
    stale = (name, triples[: len(triples) // 3])  # what the dump holds of 57/209; the push replaces it whole
    published = store_of(others + [stale], "published")
    site = tmp_path / "site"
    run = subprocess.run([sys.executable, "-m", "graph_builder", "publish", "--store", str(published),
                          "--site", str(site), "--base-iri", BASE], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    (dump,) = site.rglob("dataset.nq.gz")
    embedded = load_store([], str(store_of(graphs, "embedded")))

    shutil.copy(dump, virtuoso.data / dump.name)
    virtuoso.isql(f"ld_dir('{virtuoso.data}', '{dump.name}', '{BASE}'); rdf_loader_run(); checkpoint;")
    state = virtuoso.isql("SELECT ll_state, ll_error FROM DB.DBA.LOAD_LIST;")
    assert "NULL" in state and " 2 " in f" {' '.join(state.split())} ", state  # loaded, no error
    loaded = virtuoso_query(virtuoso, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}")
    assert int(loaded["results"]["bindings"][0]["n"]["value"]) == len(stale[1])

    pushed = push(virtuoso.graph_store_url, [graphs[0]], user="dba", password="dba", timeout=60)
    assert pushed.graphs == 1
    counts = virtuoso_query(virtuoso, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                                      f"FILTER(STRSTARTS(STR(?g), '{BASE}')) }} GROUP BY ?g")
    assert {b["g"]["value"]: int(b["n"]["value"]) for b in counts["results"]["bindings"]} == \
        {g: len(set(t)) for g, t in graphs}

    # A description repeated in several graphs (an instrument's label in each resolution citing it) comes
    # back once per graph in a union default graph, and the two stores do not repeat it alike (Oxigraph
    # folds the repeats of a property path such as rdfs:label|skos:altLabel, Virtuoso keeps them); so the
    # rows are compared as sets while some triple is in more than one graph, and as lists once none is.
    graphs_of: dict = {}
    for _graph, ts in graphs:
        for t in set(ts):
            graphs_of[t] = graphs_of.get(t, 0) + 1
    repeated = any(n > 1 for n in graphs_of.values())
    answered = 0
    for path in QUERIES:
        text = with_parameters(path.read_text(encoding="utf-8"))  # the same bound question for both stores
        mine = json.loads(run_query(embedded, text).serialize(format=QueryResultsFormat.JSON))
        expected = normalized(mine)
        answered += bool(expected)
        got = normalized(virtuoso_query(virtuoso, text), boolean_columns(mine))
        if repeated:
            assert sorted(set(got), key=repr) == sorted(set(expected), key=repr), path.name
        else:
            assert got == expected, path.name
    # the comparison must be about something: most questions have answers in this data
    assert answered >= len(QUERIES) * 2 // 3, f"only {answered} of {len(QUERIES)} queries give rows"
