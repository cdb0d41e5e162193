"""The questions users ask (queries/*.rq), on the example and on a small real corpus."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pyoxigraph import Literal, QueryBoolean

from graph_builder.query import run_query

QUERIES = Path(__file__).parents[1] / "queries"


def with_values(text: str, values: str) -> str:
    """The query with the data block of its VALUES line (the question's parameters) replaced."""
    changed, n = re.subn(r"(?m)^(\s*VALUES [^{]*)\{.*\}$", lambda m: m.group(1) + values, text, count=1)
    assert n == 1
    return changed


def ask(store, name: str, values: str | None = None) -> list[tuple]:
    text = (QUERIES / f"{name}.rq").read_text(encoding="utf-8")
    results = run_query(store, with_values(text, values) if values else text)
    if isinstance(results, QueryBoolean):
        return [(bool(results),)]
    names = [v.value for v in results.variables]
    return [tuple(python(sol[n]) for n in names) for sol in results]


def python(term):
    if term is None:
        return None
    if isinstance(term, Literal) and term.datatype.value.endswith(("#integer", "#boolean")):
        return int(term.value) if term.datatype.value.endswith("#integer") else term.value == "true"
    return term.value


@pytest.fixture(scope="module")
def example_store(example_graph, tmp_path_factory):
    folder = tmp_path_factory.mktemp("example")
    from graph_builder.store import open_store, replace_graph

    store = open_store(folder / "store")
    replace_graph(store, *example_graph)
    return store


@pytest.fixture(scope="module")
def corpus_store(corpus_sample, tmp_path_factory):
    from graph_builder.store import open_store, replace_graph

    store = open_store(tmp_path_factory.mktemp("corpus") / "store")
    for name, triples in corpus_sample:
        replace_graph(store, name, triples)
    return store


def test_every_query_is_commented_and_declares_its_prefixes():
    for path in sorted(QUERIES.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        assert text.startswith("# "), path
        used = set(re.findall(r"\b([a-z]+):[A-Za-z]", re.sub(r"(?m)^#.*$|\"[^\"]*\"|<[^>]*>", "", text)))
        declared = set(re.findall(r"PREFIX (\w+):", text))
        assert used <= declared, (path, used - declared)
    assert len(list(QUERIES.glob("*.rq"))) == 6


def test_what_the_example_cites_by_kind(example_store):
    rows = ask(example_store, "cites-by-kind")
    assert rows == sorted(rows, key=lambda r: (r[0], r[1]))
    by_kind = {}
    for kind, key, n in rows:
        by_kind.setdefault(kind, {})[key] = n
    assert by_kind["document"] == {"A/56/341": 1, "A/57/182": 1, "E/CN.4/2001/94": 1, "E/CN.4/2002/106": 1,
                                   "E/CN.4/2002/106/Add.1": 1, "E/CN.4/2002/106/Add.2": 1}
    assert by_kind["resolution"] == {"A/RES/2200(XXI)": 1, "A/RES/53/144": 1}
    assert by_kind["provision"] == {"International Covenant on Civil and Political Rights, article 4": 1}
    assert by_kind["instrument"]["International Covenant on Civil and Political Rights"] == 1
    assert by_kind["office"]["Special Representative of the Secretary-General on human rights defenders"] == 8
    assert by_kind["session"] == {"General Assembly, 58th session": 1}


def test_who_recalls_53_144_in_the_example(example_store):
    assert ask(example_store, "recalled-by") == [("A/RES/57/209", True)]
    assert ask(example_store, "recalled-by", '{ "A/RES/2200(XXI)" }') == [("A/RES/57/209", False)]


def test_who_cites_article_4_of_the_covenant(example_store):
    assert ask(example_store, "cites-article") == [("A/RES/57/209", "pp9", "article 4")]
    # the treaty by another of its names, in another case: none here, and no error
    assert ask(example_store, "cites-article", '{ ("ICCPR" "article" "5") }') == []


def test_whom_the_example_addresses(example_store):
    rows = {(a, v.rsplit("/", 1)[-1]): n for a, v, n, _ in ask(example_store, "addressees")}
    assert rows == {("Governments", "encourage"): 1, ("Governments", "invite"): 1, ("Governments", "urge"): 2,
                    ("Secretary-General", "request"): 1, ("States", "call-upon"): 2, ("States", "condemn"): 1,
                    ("States", "emphasize"): 1, ("United Nations agencies and organizations", "request"): 1}


def test_clauses_citing_the_report_a_57_182(example_store):
    rows = ask(example_store, "clauses-citing-report")
    assert rows == [("A/RES/57/209", "fn2", "A/57/182", 4724, 4732, 4660, 4733,
                     "E/CN.4/2001/94, A/56/341, E/CN.4/2002/106 and Add.1 and 2 and A/57/182.")]


def test_offsets_point_into_the_source_text(example_store):
    from graph_builder.commands.build import example

    text = example()[0].read_text(encoding="utf-8")
    for row in ask(example_store, "clauses-citing-report", '{ "E/CN.4/2002/106" }'):
        surface, begin, end = row[2], row[3], row[4]
        assert text[begin:end] == surface


def test_most_cited_instruments_of_session_57(example_store):
    rows = [(iri.rsplit("/", 1)[-1], n, c) for iri, _, n, c in ask(example_store, "most-cited-instruments")]
    assert rows == [("hrd-declaration", 1, 6), ("iccpr", 1, 2)]
    assert ask(example_store, "most-cited-instruments", '{ "58" }') == []


def test_recalls_are_transitive_on_the_corpus(corpus_store):
    # 76/174 recalls 74/146; 78/216 recalls 76/174 only
    assert ask(corpus_store, "recalled-by", '{ "A/RES/74/146" }') == [("A/RES/76/174", True), ("A/RES/78/216", False)]


def test_queries_on_the_corpus(corpus_store):
    by_kind = ask(corpus_store, "cites-by-kind", '{ "A/RES/78/216" }')
    assert ("resolution", "A/RES/76/174", 1) in by_kind
    assert {r[0] for r in by_kind} >= {"resolution", "instrument", "document"}
    addressed = {a for a, *_ in ask(corpus_store, "addressees", '{ "A/RES/78/216" }')}
    assert "States" in addressed
    top = ask(corpus_store, "most-cited-instruments", '{ "76" }')
    assert top and top[0][1] == "Declaration on the Right and Responsibility of Individuals, Groups and Organs of " \
                                "Society to Promote and Protect Universally Recognized Human Rights and Fundamental Freedoms"
    charter = ask(corpus_store, "most-cited-instruments", '{ "2020" }')
    assert any(title == "Charter of the United Nations" for _, title, _, _ in charter)


def test_query_command_runs_a_query_file(tmp_path, example_graph):
    from graph_builder.export import graph_bytes

    ttl = tmp_path / "57_209.ttl"
    ttl.write_bytes(graph_bytes(example_graph[1], "ttl"))
    out = subprocess.run([sys.executable, "-m", "graph_builder.cli", "query", "--file", str(QUERIES / "cites-article.rq"),
                          str(ttl), "--format", "json"], capture_output=True, text=True, check=True).stdout
    bindings = json.loads(out)["results"]["bindings"]
    assert [b["clause"]["value"] for b in bindings] == ["pp9"]
