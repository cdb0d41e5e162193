"""The static linked-data site: pages, content negotiation (a local server with nginx's rules, and nginx itself)."""
from __future__ import annotations

import filecmp
import http.server
import json
import shutil
import subprocess
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, RdfFormat, Triple, parse

from graph_builder.publish import MEDIA_TYPES, negotiate, publish_site
from graph_builder.serve import free_port
from graph_builder.vocab import DEFAULT_BASE, GB, RDF

DOC = DEFAULT_BASE + "doc/A/RES/57/209"
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@pytest.fixture(scope="module")
def site(example_graph, tmp_path_factory):
    folder = tmp_path_factory.mktemp("site")
    result = publish_site([example_graph], folder, DEFAULT_BASE)
    assert result.triples == len(example_graph[1])
    return folder


def handler_for(folder: Path):
    class Negotiating(http.server.BaseHTTPRequestHandler):
        """nginx.conf's rules: try PATH+suffix (from Accept), PATH/index+suffix, PATH."""

        def do_GET(self):
            path = urllib.request.url2pathname(self.path.split("?", 1)[0])
            suffix = negotiate(self.headers.get("Accept", ""))
            base = folder / path.lstrip("/")
            for candidate, media in ((Path(str(base) + suffix), MEDIA_TYPES[suffix]),
                                     (base / f"index{suffix}", MEDIA_TYPES[suffix]), (base, None)):
                if candidate.is_file():
                    body = candidate.read_bytes()
                    self.send_response(200)
                    self.send_header("Content-Type", media or MEDIA_TYPES.get(candidate.suffix, "application/octet-stream"))
                    self.send_header("Vary", "Accept")
                    self.end_headers()
                    self.wfile.write(body)
                    return
            self.send_error(404)

        def log_message(self, *args):
            pass

    return Negotiating


@pytest.fixture(scope="module")
def local_server(site):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler_for(site))
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
    assert "<h1>A/RES/57/209</h1>" in html and 'id="pp9"' in html and "What it cites" in html
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
