"""The static linked-data site: pages, content negotiation (a local server with nginx's rules, and nginx itself)."""
from __future__ import annotations

import filecmp
import html
import json
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from pyoxigraph import Literal, NamedNode, RdfFormat, Triple, parse

from graph_builder.graph.vocab import DEFAULT_BASE, GB, RDF
from graph_builder.publish.serve import free_port
from graph_builder.publish.site import clause_label, compact_jsonld, negotiate, preview_server, publish_site

DOC = DEFAULT_BASE + "doc/A/RES/57/209"
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@pytest.fixture(scope="module")
def site(example_graph, tmp_path_factory):
    folder = tmp_path_factory.mktemp("site")
    result = publish_site([example_graph], folder, DEFAULT_BASE)
    assert result.triples == len(example_graph[1])
    return folder


@pytest.fixture(scope="module")
def local_server(site):
    server = preview_server(site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def get(url: str, accept: str) -> tuple[str, bytes]:
    with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": accept}), timeout=10) as r:
        return r.headers["Content-Type"], r.read()


def local(url_root: str, iri: str) -> str:
    """The IRI on the local server: same path, another host."""
    return url_root + iri[len("https://example.org"):]


def check_dereferencing(root: str) -> None:
    kind, page = get(local(root, DOC), BROWSER)
    assert kind.startswith("text/html")
    html = page.decode("utf-8")
    assert "<h1>A/RES/57/209</h1>" in html and 'id="pp9"' in html and "What it cites, by kind" in html
    assert "Source: the United Nations" in html
    kind, data = get(local(root, DOC), "text/turtle")
    assert kind.startswith("text/turtle")
    triples = [Triple(q.subject, q.predicate, q.object) for q in parse(data, format=RdfFormat.TURTLE)]
    assert Triple(NamedNode(DOC), NamedNode(str(RDF.type)), NamedNode(str(GB.Resolution))) in triples
    kind, data = get(local(root, DOC), "application/ld+json")
    assert kind.startswith("application/ld+json") and json.loads(data)
    # a cited report: what cites it, with the citing clause's text
    _, page = get(local(root, DEFAULT_BASE + "doc/A/57/182"), BROWSER)
    assert "What cites it" in page.decode("utf-8") and "E/CN.4/2001/94, A/56/341" in page.decode("utf-8")
    # folders, the ontology and the dataset description
    assert "verb" in get(local(root, DEFAULT_BASE + "verbs/"), "text/turtle")[1].decode("utf-8")
    _, page = get(local(root, DEFAULT_BASE + "ontology"), BROWSER)
    assert 'id="Citation"' in page.decode("utf-8")
    _, data = get(local(root, DEFAULT_BASE + "dataset"), "text/turtle")
    assert b"void:triples" in data and b"dcat:Distribution" in data and b"Source: the United Nations" in data
    with pytest.raises(urllib.error.HTTPError):
        get(local(root, DEFAULT_BASE + "doc/nothing"), BROWSER)


def test_iris_dereference_with_both_accept_headers(local_server):
    check_dereferencing(local_server)


def test_negotiation_rules():
    assert negotiate(BROWSER) == ".html" and negotiate("") == ".html"
    assert negotiate("text/turtle") == ".ttl" and negotiate("text/turtle;q=1.0, */*;q=0.1") == ".ttl"
    assert negotiate("application/ld+json") == ".jsonld"


@pytest.mark.skipif(shutil.which("nginx") is None, reason="nginx is not installed (apt-get install nginx)")
def test_nginx_serves_the_site_with_its_configuration(site, tmp_path):
    port = free_port()
    conf = (site / "nginx.conf").read_text(encoding="utf-8").replace("listen 80;", f"listen 127.0.0.1:{port};")
    (tmp_path / "site.conf").write_text(conf, encoding="utf-8")
    (tmp_path / "nginx.conf").write_text(
        "user root;\nworker_processes 1;\npid nginx.pid;\nerror_log error.log;\nevents {}\n"
        "http {\naccess_log off;\nclient_body_temp_path tmp;\nproxy_temp_path tmp;\nfastcgi_temp_path tmp;\n"
        "uwsgi_temp_path tmp;\nscgi_temp_path tmp;\ninclude site.conf;\n}\n", encoding="utf-8")
    (tmp_path / "tmp").mkdir()
    p = subprocess.Popen(["nginx", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf"), "-g", "daemon off;"],
                         stderr=subprocess.PIPE)
    try:
        for _ in range(100):
            try:
                get(f"http://127.0.0.1:{port}/unres/", BROWSER)
                break
            except OSError:
                time.sleep(0.05)
        check_dereferencing(f"http://127.0.0.1:{port}")
    finally:
        p.terminate()
        p.wait(10)


def test_pages_escape_document_text(example_graph, tmp_path):
    name, triples = example_graph
    evil = [Triple(t.subject, t.predicate, Literal("<script>alert(1)</script> & more", language="en"))
            if t.predicate.value == str(GB.text) and t.subject.value.endswith("#pp1") else t for t in triples]
    publish_site([(name, evil)], tmp_path, DEFAULT_BASE)
    page = (tmp_path / "unres/doc/A/RES/57/209.html").read_text(encoding="utf-8")
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in page


def test_site_is_deterministic(example_graph, tmp_path):
    publish_site([example_graph], tmp_path / "a", DEFAULT_BASE)
    publish_site([example_graph], tmp_path / "b", DEFAULT_BASE)
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*") if p.is_file())
    different = [f for f in files if f.name != "nginx.conf" and not filecmp.cmp(tmp_path / "a" / f, tmp_path / "b" / f,
                                                                               shallow=False)]
    assert different == []


def test_publish_a_corpus_sample(corpus_sample, tmp_path):
    result = publish_site(corpus_sample, tmp_path, DEFAULT_BASE)
    assert result.pages > len(corpus_sample)
    index = (tmp_path / "unres/index.html").read_text(encoding="utf-8")
    assert "A/RES/78/216" in index and "S/RES/834(1993)" in index


# -- pages for people -----------------------------------------------------------------

HREF = re.compile(r'href="([^"]*)"')


def test_every_link_of_the_site_reaches_a_file(site):
    """Links carry .html (or the data file's suffix), so the folder reads from file:// and a plain static server."""
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 50
    for page in pages:
        for href in HREF.findall(page.read_text(encoding="utf-8")):
            href = html.unescape(href)
            if href.startswith(("https://", "http://")) or href.startswith("#"):
                continue
            target = (page.parent / urllib.parse.unquote(href.split("#", 1)[0])).resolve()
            assert target.is_file(), f"{page.relative_to(site)} links to {href}, which is not there"


def test_the_resolution_page_reads_as_a_document(site):
    page = (site / "unres/doc/A/RES/57/209.html").read_text(encoding="utf-8")
    # every citation of the text is marked and linked, coloured by its kind
    assert page.count('<mark class="cite kind-') == 28
    assert re.search(r'<mark class="cite kind-resolution"[^>]*><a href="../53/144.html">its resolution 53/144</a></mark>',
                     page)
    # a surface printed over line breaks (the Declaration's full title in op1) is found in the joined text
    assert re.search(r'id="op1".*?kind-instrument[^>]*><a href="../../../../instrument/hrd-declaration.html">Declaration '
                     r'on the Right', page, re.S)
    # grouped by kind with the verbs; clause links read as people say them
    assert "Documents (6)" in page and "calls upon, condemns, invites, recalls, reiterates, welcomes" in page
    assert ">paragraph 11<" not in page and "paragraphs " in page and "10 op1" not in page
    assert "diagnostic" not in page.lower()


def test_clause_labels():
    assert clause_label("op10") == "paragraph 10" and clause_label("pp3") == "preambular paragraph 3"
    assert clause_label("op2.a") == "paragraph 2 (a)" and clause_label("fn1") == "footnote 1"
    assert clause_label("II.op3") == "part II, paragraph 3" and clause_label("annex1.p4") == "annex 1, paragraph 4"
    assert clause_label("B.op77") == "part B, paragraph 77"


@pytest.mark.parametrize("clause, label", [
    ("A.uop1", "part A, unnumbered paragraph 1"),  # was "part A, uop1"
    ("annex1.up3", "annex 1, unnumbered paragraph 3"),
    ("uop2.a", "unnumbered paragraph 2 (a)"),
    ("C1.op3", "part C1, paragraph 3"),
    ("op5~2", "second paragraph 5"),  # a number printed twice (akn.py renames the second)
    ("annex1.p4~3.a", "annex 1, third paragraph 4 (a)"),
    ("op5~12", "paragraph 5 (12)"),
])
def test_clause_labels_read_as_cited(clause, label):
    assert clause_label(clause) == label


def test_diagnostics_are_not_published(corpus_sample, tmp_path):
    with_diagnostics = [g for g in corpus_sample if any(t.object == NamedNode(str(GB.Diagnostic)) for t in g[1])]
    assert with_diagnostics
    publish_site(with_diagnostics[:2], tmp_path, DEFAULT_BASE)
    for f in tmp_path.rglob("*"):
        if f.suffix in (".html", ".ttl", ".jsonld"):
            assert "#diagnostic-" not in f.read_text(encoding="utf-8"), f


def test_jsonld_is_compacted_with_its_context_and_says_what_the_turtle_says(site):
    data = json.loads((site / "unres/doc/A/RES/57/209.jsonld").read_text(encoding="utf-8"))
    assert data["@context"]["gb"].endswith("ontology#") and "@graph" in data
    doc = next(n for n in data["@graph"] if n["@id"] == DOC)
    assert "gb:Resolution" in doc["@type"] and doc["gb:symbol"] == "A/RES/57/209"
    from_jsonld = {q.triple for q in parse((site / "unres/doc/A/RES/57/209.jsonld").read_bytes(), format=RdfFormat.JSON_LD)}
    from_turtle = {q.triple for q in parse((site / "unres/doc/A/RES/57/209.ttl").read_bytes(), format=RdfFormat.TURTLE)}
    assert from_jsonld == from_turtle and len(from_turtle) > 100


def test_compact_jsonld_round_trips_every_kind_of_term():
    s = NamedNode(DEFAULT_BASE + "doc/A/RES/1/1")
    triples = [Triple(s, NamedNode(str(RDF.type)), NamedNode(str(GB.Resolution))),
               Triple(s, NamedNode(str(GB.symbol)), Literal("A/RES/1/1")),
               Triple(s, NamedNode(str(GB.text)), Literal("x", language="en")),
               Triple(s, NamedNode(str(GB.votesInFavour)), Literal("3", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#integer"))),
               Triple(s, NamedNode("http://example.com/p#q"), NamedNode("http://example.com/o"))]
    assert {q.triple for q in parse(compact_jsonld(triples), format=RdfFormat.JSON_LD)} == set(triples)


def test_the_index_shows_each_symbol_and_title_once(corpus_sample, tmp_path):
    publish_site(corpus_sample, tmp_path, DEFAULT_BASE)
    index = (tmp_path / "unres/index.html").read_text(encoding="utf-8")
    assert " — " not in index
    rows = re.findall(r"<tr><td><a href=\"(doc/[^\"]+)\">([^<]+)</a></td><td>([^<]*)</td>", index)
    assert len(rows) == len(corpus_sample)
    titled = [(sym, title) for _, sym, title in rows if title]
    assert titled and all(sym not in title for sym, title in titled)
    assert ">A/RES/78/216<" in index and "Human rights defenders" in index or "human rights defenders" in index


def test_the_vote_and_the_sponsors(shared_dir, tmp_path):
    from graph_builder.build import build_file
    from graph_builder.graph.iri import Minter
    from graph_builder.graph.rdf import document_iri

    xml = next((shared_dir / "corpus/unxml-ga/78session").glob("A_RES_78_10-*.xml"))
    built = build_file(xml, metadata=(str(shared_dir / "corpus/unxml-ga/metadata/78.json"),))
    publish_site([(document_iri(built.resolution, Minter()), built.triples)], tmp_path, DEFAULT_BASE)
    page = (tmp_path / "unres/doc/A/RES/78/10.html").read_text(encoding="utf-8")
    assert re.search(r'<div class="bar"[^>]*><span class="yes" style="width:98\.33%"', page)
    assert "<summary>In favour (118)</summary>" in page and "<summary>Abstaining (2)</summary>" in page
    assert re.search(r"<details><summary>Sponsors \(\d+\)</summary>", page)
    assert page.index("The vote") < page.index("<h2>Text</h2>") < page.index("What it cites, by kind")
    state = (tmp_path / "unres/state/and.html").read_text(encoding="utf-8")  # Andorra, by its ISO code
    assert "In favour: 1 resolution" in state and "Sponsored: 1 resolution" in state


def test_an_instrument_page_lists_who_cites_each_article(site):
    page = (site / "unres/instrument/iccpr.html").read_text(encoding="utf-8")
    assert "Cited, article by article" in page
    assert re.search(r"Article 4</a> — cited by 1 resolution</h3>.*?A/RES/57/209.*?preambular paragraph 9", page, re.S)


# -- hostile and unlucky inputs -------------------------------------------------------

def test_only_http_links_and_a_warning_for_each_other_iri(example_graph, tmp_path):
    name, triples = example_graph
    bad = [Triple(NamedNode(DOC), NamedNode("http://xmlns.com/foaf/0.1/page"), NamedNode(iri))
           for iri in ("javascript:alert(1)", "data:text/html,%3Cscript%3Ealert(2)%3C/script%3E")]
    result = publish_site([(name, triples + bad)], tmp_path, DEFAULT_BASE)
    page = (tmp_path / "unres/doc/A/RES/57/209.html").read_text(encoding="utf-8")
    hrefs = [html.unescape(h) for p in tmp_path.rglob("*.html") for h in HREF.findall(p.read_text(encoding="utf-8"))]
    assert not [h for h in hrefs if re.match(r"\s*(javascript|data|vbscript):", h, re.I)]
    assert "javascript:alert(1)" in page  # shown as text
    assert [w for w in result.warnings if w.startswith("javascript:")] and [w for w in result.warnings if w.startswith("data:")]


def test_a_resource_too_long_for_a_file_name_is_skipped_with_a_warning(example_graph, tmp_path):
    name, triples = example_graph
    long = NamedNode(DEFAULT_BASE + "doc/" + "X" * 300)
    extra = [Triple(long, NamedNode(str(GB.symbol)), Literal("X" * 300)),
             Triple(NamedNode(DOC), NamedNode(str(GB.meetingRecord)), long)]
    result = publish_site([(name, triples + extra)], tmp_path, DEFAULT_BASE)
    assert (tmp_path / "unres/doc/A/RES/57/209.html").is_file()
    assert len([w for w in result.warnings if "file name" in w]) == 1
    assert all(len(w) < 200 and "\n" not in w for w in result.warnings)


def run_cli(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "graph_builder", *args], capture_output=True, text=True,
                          timeout=timeout)


def test_a_wrong_base_iri_is_a_finding_not_a_silent_success(example_graph, tmp_path):
    from graph_builder.graph.export import dataset_bytes

    trig = tmp_path / "one.nq"
    trig.write_bytes(dataset_bytes([example_graph], "nq"))
    done = run_cli("publish", str(trig), "--site", str(tmp_path / "site"), "--base-iri", "https://other.example/x/")
    assert done.returncode == 1
    assert "none of the 1 resolutions has an IRI under this base" in done.stderr and len(done.stderr.splitlines()) == 1
    assert not (tmp_path / "site").exists()
    done = run_cli("publish", str(trig), "--site", str(tmp_path / "site"), "-q")
    assert done.returncode == 0 and done.stderr == ""


def test_preview_serves_with_content_negotiation_and_stops_on_term(site):
    port = free_port()
    p = subprocess.Popen([sys.executable, "-m", "graph_builder", "publish", "--site", str(site), "--preview",
                          "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = p.stdout.readline()
        assert f"http://127.0.0.1:{port}/unres/index.html" in line
        root = f"http://127.0.0.1:{port}"
        check_dereferencing(root)
        kind, _ = get(root + "/unres/doc/A/RES/57/209.html", BROWSER)
        assert kind.startswith("text/html")
        with pytest.raises(urllib.error.HTTPError):
            get(root + "/unres/../../etc/passwd", BROWSER)
        p.send_signal(signal.SIGTERM)
        assert p.wait(10) == 0
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()


def test_site_is_the_same_under_any_hash_seed(tmp_path):
    import os

    script = ("import sys\nfrom graph_builder.publish.site import publish_site\nfrom graph_builder.build import build_file\n"
              "from graph_builder.cli.commands.build import example\nfrom graph_builder.graph.rdf import document_iri\n"
              "from graph_builder.graph.iri import Minter\np, i = example(); b = build_file(p, i)\n"
              "publish_site([(document_iri(b.resolution, Minter()), b.triples)], sys.argv[1], "
              "'https://example.org/unres/')\n")
    for seed in ("1", "2"):
        subprocess.run([sys.executable, "-c", script, str(tmp_path / seed)], check=True, timeout=600,
                       env={**os.environ, "PYTHONHASHSEED": seed})
    files = sorted(p.relative_to(tmp_path / "1") for p in (tmp_path / "1").rglob("*") if p.is_file())
    assert files and files == sorted(p.relative_to(tmp_path / "2") for p in (tmp_path / "2").rglob("*") if p.is_file())
    assert [f for f in files if f.name != "nginx.conf"
            and not filecmp.cmp(tmp_path / "1" / f, tmp_path / "2" / f, shallow=False)] == []
