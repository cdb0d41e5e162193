"""The HTML views and the citation network, without a browser (tests/test_browser.py has one)."""
from __future__ import annotations

import json
import re

import networkx as nx
import pytest

from graph_builder.graph.iri import Minter
from graph_builder.models import Addressee, Clause, DocumentInfo, Footnote, Reference, Resolution
from graph_builder.pipeline import extract_path
from graph_builder.publish.network import citation_network
from graph_builder.publish.view import corpus_view_html, resolution_graph, resolution_view_html, vis_asset, write_view
from graph_builder.un.symbols import group_of_symbol, symbol_facts
from helpers import example_path_and_info

HOSTILE_TITLE = "</script><script>window.pwned = 1</script> & <b>bold</b>"
HOSTILE_KEY = "<img src=x onerror=window.pwned=2> Convention"


def hostile_resolution() -> Resolution:
    """Markup in a title, a clause, a cited key and a footnote: all of it must stay text."""
    clause_text = f"Recalling the {HOSTILE_KEY}, <!-- and --> \u2028 resolution 1/2,"
    clauses = (
        Clause("pp1", "preambular", "Recalling", "recall", (0, 10), clause_text,
               (Reference("instrument", HOSTILE_KEY, HOSTILE_KEY, (14, 20)),
                Reference("resolution", "A/RES/1/2", "resolution 1/2", (30, 44)))),
        Clause("op1", "operative", "Urges", "urge", (50, 60), "Urges <script>States</script> to act;", (),
               (Addressee("<script>States</script>", "actor", "<script>States</script>", (56, 79), "urges"),)),
    )
    footnotes = (Footnote("fn1", "1", "pp1", (70, 80), "See <a href='javascript:alert(1)'>here</a>",
                          (Reference("document", "A/1/<i>2</i>", "A/1/<i>2</i>", (74, 80)),)),)
    return Resolution("hostile.txt", "x" * 100, DocumentInfo(symbol="A/RES/1/1", title=HOSTILE_TITLE),
                      clauses, footnotes)


@pytest.fixture(scope="module")
def example() -> Resolution:
    path, info = example_path_and_info()
    return extract_path(path, DocumentInfo(body="General Assembly").with_defaults(info))


def page_data(page: str) -> dict:
    m = re.search(r'<script id="graph-data" type="application/json">(.*?)</script>', page, re.S)
    return json.loads(m.group(1))


def scripts_and_styles(page: str) -> list[str]:
    """The page's script and style elements (vis-network's own code, inlined, quotes "<script>" in a string)."""
    return re.findall(r"<(?:script|style)\b[^>]*>", own_part(page))


def own_part(page: str) -> str:
    """The page without vis-network's code, which holds markup in its strings ("<b>" for bold labels)."""
    return page.replace(vis_asset("vis-network.min.js"), "")


# -- the network ---------------------------------------------------------------

def test_citation_network_merges_a_cited_resolution_with_the_same_one_present(example):
    cited = Resolution("other.txt", "", DocumentInfo(symbol="A/RES/53/144", title="Declaration ...", date="1999-03-08"),
                       (), ())
    g = citation_network([example, cited], Minter())
    node = Minter().document("A/RES/53/144")
    assert g.nodes[node]["present"] and g.nodes[node]["year"] == 1999
    assert g.nodes[node]["title"] == "Declaration ..." and g.nodes[node]["kind"] == "resolution"
    edge = g.edges[Minter().document("A/RES/57/209"), node]
    assert edge["verbs"] == {"recall"} and edge["count"] == 1


def test_citation_network_of_the_example(example):
    g = citation_network([example], Minter())
    root = Minter().document("A/RES/57/209")
    assert g.nodes[root] | {} == g.nodes[root]  # plain attributes
    assert {d["kind"] for _, d in g.nodes(data=True)} == {"resolution", "document", "instrument"}
    # the Covenant is cited directly and through "article 4": one node, one edge, two references
    covenant = Minter().instrument("International Covenant on Civil and Political Rights")
    assert g.edges[root, covenant]["count"] == 2
    # a footnote's reference takes the verb of the clause its marker sits in (op2: welcomes)
    assert g.edges[root, Minter().document("A/57/182")]["verbs"] == {"welcome"}
    assert all(d["organ"] in ("General Assembly", "ECOSOC", "other") for _, d in g.nodes(data=True))
    assert g.nodes[Minter().document("E/CN.4/2002/106")]["organ"] == "ECOSOC"


@pytest.mark.parametrize("symbol, organ, facts", [
    ("A/RES/57/209", "General Assembly", {"year": 2002, "session": "57"}),
    ("A/RES/2200(XXI)", "General Assembly", {"year": 1966, "session": "21"}),
    ("A/RES/ES-10/21", "General Assembly", {"session": "ES-10"}),
    ("S/RES/2334(2016)", "Security Council", {"year": 2016, "session": "2016"}),
    ("A/HRC/RES/58/23", "Human Rights Council", {"year": 2025, "session": "58"}),
    ("E/RES/2021/5", "ECOSOC", {"year": 2021, "session": "2021"}),
    ("ST/SGB/2003/13", "other", {"year": 2003, "session": "2003"}),
    ("A/7204/Add.1", "General Assembly", {}),
    ("S/1035/Rev.1", "Security Council", {}),
])
def test_organ_and_year_from_the_symbol(symbol, organ, facts):
    assert group_of_symbol(symbol) == organ
    assert symbol_facts(symbol) == facts


# -- the resolution view ---------------------------------------------------------

def test_resolution_view_is_deterministic(example):
    assert resolution_view_html(example, Minter()) == resolution_view_html(example, Minter())


def test_resolution_view_holds_the_graph(example):
    page = resolution_view_html(example, Minter())
    data = page_data(page)
    graph = resolution_graph(example, Minter())
    assert len(data["nodes"]) == graph.number_of_nodes() and len(data["edges"]) == graph.number_of_edges()
    assert {n["kind"] for n in data["nodes"]} >= {"resolution", "document", "instrument", "provision", "office",
                                                  "addressee", "session", "agenda-item"}
    # one edge per cited thing: the Declaration, cited in six clauses, is one edge labelled by its verbs
    declaration = next(n for n in data["nodes"] if n["title"].startswith("Declaration on the Right"))
    to_it = [e for e in data["edges"] if e["to"] == declaration["id"]]
    assert len(to_it) == 1 and to_it[0]["label"].startswith("recalls, reiterates")
    assert [c["unit"] for c in declaration["citations"]] == ["pp1", "pp2", "op1", "op2", "op3", "op9"]
    # a footnote's citation carries the footnote and the clause it belongs to
    report = next(n for n in data["nodes"] if n["label"] == "A/57/182")
    assert report["citations"][0]["anchor"] == "op2" and "A/57/182" in report["citations"][0]["footnote"]
    assert report["url"] == "https://undocs.org/A/57/182"
    assert data["options"]["physics"]["enabled"] is False
    assert all("x" in n and "y" in n for n in data["nodes"])


def test_resolution_view_has_legend_filters_and_search(example):
    page = resolution_view_html(example, Minter())
    data = page_data(page)
    assert [item["key"] for item in data["legend"]][:3] == ["resolution", "document", "instrument"]
    assert {"recall", "welcome", "urge", "request"} <= {v["key"] for v in data["verbs"]}
    assert 'id="search"' in page and 'id="controls"' in page and 'id="details"' in page
    assert "var network = null;" in page  # the vis.Network stays a global, as pyvis makes it


def test_page_is_self_contained(example):
    page = resolution_view_html(example, Minter())
    assert scripts_and_styles(page) == ["<style>", "<style>", "<script>",
                                        '<script id="graph-data" type="application/json">', "<script>"]
    assert not re.search(r"<link\b|\bsrc\s*=\s*[\"']?https?:|@import|url\(\s*[\"']?https?:", page, re.I)
    assert not re.search(r"cdn\.|cdnjs|jsdelivr|unpkg\.com|cloudflare|googleapis", page, re.I)
    assert "default-src 'none'" in page  # the browser itself refuses to fetch anything
    # the only http(s) links in the data are the public records users click
    urls = {n["url"] for n in page_data(page)["nodes"] if n["url"]}
    assert urls and all(u.startswith(("https://undocs.org/", "https://www.wikidata.org/")) for u in urls)


def test_document_text_is_escaped():
    page = resolution_view_html(hostile_resolution(), Minter())
    # no markup from the document anywhere: not as tags, not able to close the data's <script>
    for needle in ("<script>window", "<img", "<b>", "<a href", "<i>", "<!--", "\u2028"):
        assert needle not in own_part(page)
    assert scripts_and_styles(page) == scripts_and_styles(resolution_view_html(hostile_resolution(), Minter()))
    assert len(scripts_and_styles(page)) == 5
    assert "<title>A/RES/1/1: &lt;/script&gt;&lt;script&gt;window.pwned = 1&lt;/script&gt; &amp; &lt;b&gt;" in page
    data = page_data(page)  # and the data still reads back as the text it was
    assert data["nodes"][0]["title"] == HOSTILE_TITLE
    assert any(n["title"] == HOSTILE_KEY for n in data["nodes"])
    assert any(c.get("footnote", "").startswith("See <a href=") for n in data["nodes"] for c in n["citations"])


def test_write_view(tmp_path, example):
    page = resolution_view_html(example, Minter())
    write_view(tmp_path / "out" / "A_RES_57_209.html", page)
    assert (tmp_path / "out" / "A_RES_57_209.html").read_text(encoding="utf-8") == page


# -- the corpus view --------------------------------------------------------------

def small_corpus(example) -> nx.DiGraph:
    others = [Resolution(f"r{i}.txt", "", DocumentInfo(symbol=f"S/RES/{i}(2001)", date="2001-01-01"),
                         (Clause("op1", "operative", "Recalls", "recall", (0, 1), "Recalls ...",
                                 (Reference("resolution", f"S/RES/{i - 1}(2000)", "x", (0, 1)),
                                  Reference("instrument", "Charter of the United Nations", "x", (0, 1)))),), ())
              for i in range(1, 40)]
    return citation_network([example, *others], Minter())


def test_corpus_view(example):
    graph = small_corpus(example)
    page = corpus_view_html(graph)
    assert page == corpus_view_html(graph)  # deterministic
    data = page_data(page)
    assert len(data["nodes"]) == graph.number_of_nodes() and len(data["edges"]) == graph.number_of_edges()
    assert data["options"]["physics"]["enabled"] is False
    assert {item["key"] for item in data["legend"]} == {"General Assembly", "Security Council", "ECOSOC", "other"}
    charter = next(n for n in data["nodes"] if n["name"] == "Charter of the United Nations")
    assert charter["cited"] == 39 and charter["size"] == max(n["size"] for n in data["nodes"])
    assert "2001" in data["sessions"]
    assert len({(n["x"], n["y"]) for n in data["nodes"]}) == len(data["nodes"])  # nobody on top of another
    assert not re.search(r"<link\b|\bsrc\s*=\s*[\"']?https?:", page)


def test_corpus_layout_spreads_a_larger_graph():
    # large enough to go through the community layout (more than one spring_layout piece)
    g = nx.DiGraph()
    for i in range(700):
        g.add_node(f"n{i}", kind="resolution", label=f"n{i}", title="", organ="other", year=None, session="",
                   url="", present=True)
    for i in range(700):
        g.add_edge(f"n{i}", f"n{(i * 7 + 1) % 700}", verbs={"recall"}, count=1)
        g.add_edge(f"n{i}", f"n{i // 10}", verbs=set(), count=1)
    data = page_data(corpus_view_html(g))
    assert len({(n["x"], n["y"]) for n in data["nodes"]}) == 700


def test_corpus_layout_is_the_same_under_any_hash_seed(shared_dir, tmp_path):
    """Louvain and the components go through sets: the layout must not follow the order of hashed strings."""
    import os
    import subprocess
    import sys

    script = ("import hashlib, sys\nfrom pathlib import Path\nfrom graph_builder.publish.network import citation_network\n"
              "from graph_builder.publish.view import corpus_view_html\nfrom graph_builder.graph.iri import Minter\n"
              "from graph_builder.pipeline import extract_path\n"
              f"files = sorted(Path({str(shared_dir / 'corpus/unxml-ga/78session')!r}).glob('*.xml'))[:80]\n"
              "g = citation_network([extract_path(f) for f in files], Minter())\n"
              "assert len(g) > 1000\n"
              "print(hashlib.sha256(corpus_view_html(g).encode()).hexdigest())\n")
    digests = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=600,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")}
    assert len(digests) == 1


def test_resolution_view_legend_title_and_columns(example):
    data = page_data(resolution_view_html(example, Minter()))
    assert [e["key"] for e in data["edgeLegend"]] == ["cites", "addresses", "part-of"]
    assert next(e for e in data["edgeLegend"] if e["key"] == "addresses")["style"] == "dashed"
    xs = {round(abs(n["x"])) for n in data["nodes"] if n["id"] != data["root"]}
    assert xs <= {370, 440}  # two columns, provisions indented under their treaty
    titled = Resolution("t.txt", "", DocumentInfo(symbol="A/RES/1/1", title="On something"), (), ())
    page = resolution_view_html(titled, Minter())
    assert "<h1 id=\"heading\">A/RES/1/1: On something</h1>" in page and page_data(page)["title"] == "On something"


def test_corpus_view_sets_built_resolutions_apart_and_marks_the_most_cited(example):
    g = citation_network([example], Minter())
    data = page_data(corpus_view_html(g))
    built = [n for n in data["nodes"] if n["present"]]
    assert len(built) == 1 and built[0]["color"]["border"] == "#1b1b1b" and built[0]["borderWidth"] > 1
    assert all(n["color"]["border"] != "#1b1b1b" for n in data["nodes"] if not n["present"])
    assert sum(1 for n in data["nodes"] if n.get("top")) == sum(1 for n in g if g.in_degree(n))
