"""A walk through graph-builder's library API, notebook-style: run it top to bottom.

    python docs/walkthrough.py                 # the bundled example only
    python docs/walkthrough.py ../shared/corpus/unxml-ga/78session   # and a small corpus, with a store

Each "cell" below is a step an analyst would take in a notebook; tests/test_api.py runs this file.
"""
import sys
import tempfile
from collections import Counter
from pathlib import Path

import graph_builder

# %% 1. Read one resolution: the bundled General Assembly resolution 57/209 (2002), text from its PDF.
# Its text has no cover page, so the symbol and date are given.
res = graph_builder.read(graph_builder.example_path(), symbol="A/RES/57/209", date="2002-12-18")
print(res)
print("first clause:", res.clauses[0].id, res.clauses[0].verb, "-", res.clauses[0].text[:60], "...")

# %% 2. What it cites, as plain records (one dict per reference): count them by kind.
refs = res.references()
by_kind = Counter(r["kind"] for r in refs)
print("references by kind:", dict(sorted(by_kind.items())))
assert by_kind["instrument"] and by_kind["resolution"]

# %% 3. Which clauses recall something, and what?
for r in refs:
    if r["verb"].startswith("Recall"):
        print(f'  {r["clause"]:5} {r["verb"]:10} {r["kind"]:10} {r["key"][:70]}')

# %% 4. The graph, in rdflib: the clauses that cite a treaty article, by SPARQL.
g = res.to_rdflib()
print(len(g), "triples")
rows = g.query("""SELECT ?clause ?key WHERE {
    ?c gb:referenceKind "provision" ; gb:referenceKey ?key ; cito:hasCitingEntity ?unit .
    ?unit gb:clauseId ?clause }""")
for row in rows:
    print("  provision cited in", row.clause, ":", row.key)

# %% 5. The citation network, in networkx: what it cites, and with which verbs.
net = res.to_networkx()
for target in sorted(net.successors(res.iri)):
    edge = net.edges[res.iri, target]
    print(f'  -> {net.nodes[target]["label"][:50]:50} {sorted(edge["verbs"])} x{edge["count"]}')

# %% 6. A corpus, with a store (given a folder of inputs on the command line).
if len(sys.argv) > 1:
    with tempfile.TemporaryDirectory() as tmp:
        report = graph_builder.build_corpus(sys.argv[1:], Path(tmp) / "out", store=Path(tmp) / "store", jobs=1)
        print(len(report.built), "built,", len(report.failed), "failed,", report.triples, "triples")
        from graph_builder.graph.store import load_store
        from graph_builder.publish.query import rows as result_rows
        from graph_builder.publish.query import run_query

        store = load_store([], str(Path(tmp) / "store"))
        query = (Path(__file__).parents[1] / "queries" / "most-cited-instruments.rq").read_text(encoding="utf-8")
        session = report.built[0].summary.info.session if report.built else "78"
        names, data = result_rows(run_query(store, query, {"session": session}))
        for _instrument, title, resolutions, _citations in data[:5]:
            print(f"  {resolutions:>4} resolutions  {title[:70]}")
        del store
