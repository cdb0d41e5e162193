"""The questions users ask (queries/*.rq), on the example and on a small real corpus."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pyoxigraph import Literal, QueryBoolean

from graph_builder.publish.query import run_query

QUERIES = Path(__file__).parents[1] / "queries"


def ask(store, name: str, **params: str) -> list[tuple]:
    text = (QUERIES / f"{name}.rq").read_text(encoding="utf-8")
    results = run_query(store, text, params)
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
    from graph_builder.graph.store import open_store, replace_graph

    store = open_store(folder / "store")
    replace_graph(store, *example_graph)
    return store


@pytest.fixture(scope="module")
def corpus_store(corpus_sample, tmp_path_factory):
    """The sample as a build writes it: each triple in the graph its subject decides (rdf.split_graphs)."""
    from pyoxigraph import NamedNode, Quad, RdfFormat, parse, serialize

    from graph_builder.graph.rdf import split_graphs
    from graph_builder.graph.store import open_store

    store = open_store(tmp_path_factory.mktemp("corpus") / "store")
    for _name, triples in corpus_sample:
        for graph, lines in split_graphs(serialize(triples, format=RdfFormat.N_TRIPLES)).items():
            g = NamedNode(graph)
            store.extend([Quad(q.subject, q.predicate, q.object, g) for q in parse(lines, format=RdfFormat.N_TRIPLES)])
    return store


# each question with parameters that give rows on the corpus sample
CORPUS_QUESTIONS = {
    "cites-by-kind": {"resolution": "A/RES/78/216"},
    "recalled-by": {"resolution": "A/RES/74/146"},
    "cites-article": {"treaty": "Charter of the United Nations", "unit": "Chapter", "number": "VII"},
    "addressees": {"resolution": "A/RES/76/174"},
    "clauses-citing-report": {"document": "A/HRC/17/31"},
    "most-cited-instruments": {"session": "2020"},
}


@pytest.mark.parametrize("name", sorted(CORPUS_QUESTIONS))
def test_every_question_answers_on_the_corpus_with_parameters(corpus_store, name):
    assert set(CORPUS_QUESTIONS) == {p.stem for p in QUERIES.glob("*.rq")}
    rows = ask(corpus_store, name, **CORPUS_QUESTIONS[name])
    assert rows, name
    assert rows != ask(corpus_store, name), "the parameters changed nothing"


def test_every_query_documents_its_parameters():
    from graph_builder.publish.query import parameters

    for path in sorted(QUERIES.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        declared = parameters(text)
        assert declared, path
        for p in declared.values():
            assert p.doc and p.default and f"?{p.variable}" in text.split("SELECT", 1)[1], (path, p)
        assert "VALUES" not in text.split("SELECT", 1)[1], path  # bound by --param, not fixed


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
    assert ask(example_store, "recalled-by", resolution="A/RES/2200(XXI)") == [("A/RES/57/209", False)]


def test_who_cites_article_4_of_the_covenant(example_store):
    assert ask(example_store, "cites-article") == [("A/RES/57/209", "pp9", "article 4")]
    # the treaty by another of its names, in another case: none here, and no error
    assert ask(example_store, "cites-article", treaty="ICCPR", number="5") == []


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
    from graph_builder.cli.commands.build import example

    text = example()[0].read_text(encoding="utf-8")
    for row in ask(example_store, "clauses-citing-report", document="E/CN.4/2002/106"):
        surface, begin, end = row[2], row[3], row[4]
        assert text[begin:end] == surface


def test_most_cited_instruments_of_session_57(example_store):
    rows = [(iri.rsplit("/", 1)[-1], n, c) for iri, _, n, c in ask(example_store, "most-cited-instruments")]
    assert rows == [("hrd-declaration", 1, 6), ("iccpr", 1, 2)]
    assert ask(example_store, "most-cited-instruments", session="58") == []


def test_recalls_are_transitive_on_the_corpus(corpus_store):
    # 76/174 recalls 74/146; 78/216 recalls 76/174 only
    assert ask(corpus_store, "recalled-by", resolution="A/RES/74/146") == [("A/RES/76/174", True), ("A/RES/78/216", False)]


def test_queries_on_the_corpus(corpus_store):
    by_kind = ask(corpus_store, "cites-by-kind", resolution="A/RES/78/216")
    assert ("resolution", "A/RES/76/174", 1) in by_kind
    assert {r[0] for r in by_kind} >= {"resolution", "instrument", "document"}
    addressed = {a for a, *_ in ask(corpus_store, "addressees", resolution="A/RES/78/216")}
    assert "States" in addressed
    top = ask(corpus_store, "most-cited-instruments", session="76")
    assert top and top[0][1] == "Declaration on the Right and Responsibility of Individuals, Groups and Organs of " \
                                "Society to Promote and Protect Universally Recognized Human Rights and Fundamental Freedoms"
    charter = ask(corpus_store, "most-cited-instruments", session="2020")
    assert any(title == "Charter of the United Nations" for _, title, _, _ in charter)


def test_query_command_runs_a_query_file(tmp_path, example_graph):
    from graph_builder.graph.export import graph_bytes

    ttl = tmp_path / "57_209.ttl"
    ttl.write_bytes(graph_bytes(example_graph[1], "ttl"))
    out = subprocess.run([sys.executable, "-m", "graph_builder", "query", "--file", str(QUERIES / "cites-article.rq"),
                          str(ttl), "--format", "json"], capture_output=True, text=True, check=True).stdout
    bindings = json.loads(out)["results"]["bindings"]
    assert [b["clause"]["value"] for b in bindings] == ["pp9"]


def test_a_parameter_is_a_value_never_query_text(example_store):
    # a value that would close the string and change the query, if it were pasted in
    hostile = 'A/RES/57/209" } UNION { ?resolution ?p ?o } #'
    assert ask(example_store, "cites-by-kind", resolution=hostile) == []
    assert ask(example_store, "cites-by-kind", resolution="A/RES/57/209")


def test_parameters_are_typed_and_checked(example_store):
    from graph_builder.errors import QueryError

    query = "# param n = ?n (integer, default 3): a number\n# param d = ?d (date): a day\nSELECT ?n ?d WHERE {}"
    (row,) = list(run_query(example_store, query, {"d": "2002-12-18"}))
    assert row["n"].datatype.value.endswith("#integer") and row["d"].datatype.value.endswith("#date")
    for params, message in (({"n": "three"}, "not an integer"), ({"d": "18/12/2002"}, "not a date"),
                            ({"x": "1"}, "has no parameter x")):
        with pytest.raises(QueryError, match=message):
            run_query(example_store, query, params)


def test_param_on_the_command_line(tmp_path, example_graph):
    from graph_builder.graph.export import graph_bytes

    ttl = tmp_path / "57_209.ttl"
    ttl.write_bytes(graph_bytes(example_graph[1], "ttl"))
    run = lambda *a: subprocess.run([sys.executable, "-m", "graph_builder", "query", "--file",  # noqa: E731
                                     str(QUERIES / "cites-article.rq"), str(ttl), "--format", "csv", *a],
                                    capture_output=True, text=True)
    assert run("--param", "number=4").stdout.splitlines()[1:] == ["A/RES/57/209,pp9,article 4"]
    assert run("--param", "number=5").stdout.splitlines()[1:] == []
    bad = run("--param", "colour=red")
    assert bad.returncode == 2 and "no parameter colour" in bad.stderr and "Traceback" not in bad.stderr


@pytest.mark.parametrize("query, where", [
    ("SELECT ?x WHERE {\n  ?x ?p ?o\n", "line 3, column 1"),  # unclosed brace: at the end
    ("PREFIX ex: <http://e/>\nSELECT ?x WHERE {\n  ?x a ex:y .\n  FILTER(?x = ) }", "line 4, column "),
    ("SELECT ?x WHERE { ?x a nope:thing }", "line 1, column 24"),
])
def test_syntax_errors_are_one_line_at_the_users_own_line(example_store, query, where):
    from graph_builder.errors import QueryError

    with pytest.raises(QueryError) as exc:
        run_query(example_store, query)
    message = str(exc.value)
    assert where in message and "\n" not in message and "u{" not in message and len(message) < 300, message


def test_user_prefixes_add_to_the_built_in_ones(example_store):
    query = "PREFIX ex: <https://example.org/unres/doc/A/RES/57/>\nSELECT ?s WHERE { ex:209 gb:symbol ?s }"
    assert [r["s"].value for r in run_query(example_store, query)] == ["A/RES/57/209"]
