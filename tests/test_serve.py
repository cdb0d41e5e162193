"""`graph-builder serve` attacked: a real server on a free loopback port, by HTTP and from a page on another
origin in headless Chromium; the store must be unchanged afterwards.  And stopped: TERM leaves nothing behind."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st
from pyoxigraph import QueryBoolean, Store

from graph_builder.publish.serve import Policy, negotiate, remote_operations
from servers import GraphBuilderServe, ScriptedServer, group_members, read_body, reply

TOKEN = "test-token-" + "x" * 24


def request(url: str, method: str = "GET", data: bytes | None = None, headers: dict | None = None):
    """(status, body) of one request; refusals are answers too."""
    req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace")


def form(**fields) -> bytes:
    return urllib.parse.urlencode(fields).encode()


FORM = {"Content-Type": "application/x-www-form-urlencoded"}


def graph_count(server) -> tuple[int, int]:
    """(named graphs, quads) as the server answers them."""
    status, body = request(server.url + "/query", "POST", form(
        query="SELECT (COUNT(DISTINCT ?g) AS ?g_) (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"), FORM)
    assert status == 200, body
    row = json.loads(body)["results"]["bindings"][0]
    return int(row["g_"]["value"]), int(row["n"]["value"])


@pytest.fixture
def served_store(example_graph, store_of):
    return store_of([example_graph, (example_graph[0] + "-second", example_graph[1][:50])])


@pytest.fixture
def fetch_log():
    """A loopback server that records every request: SERVICE and LOAD targets; nothing may reach it."""
    with ScriptedServer(lambda h: (read_body(h), reply(h, 200, b"<http://a> <http://b> <http://c> .",
                                                       "text/turtle"))) as server:
        yield server


# --- the SERVICE/LOAD detector ---

@pytest.mark.parametrize("text, expected", [
    ("SELECT * { SERVICE <http://x/> { ?s ?p ?o } }", {"SERVICE"}),
    ("select * { service silent <http://x/> { ?s ?p ?o } }", {"SERVICE"}),
    ("SELECT * {}SERVICE<http://x/>{?s ?p ?o}", {"SERVICE"}),
    ("SELECT * { ?s ?p 1SERVICE<http://x/>{} }", {"SERVICE"}),  # no space needed after a number
    ("SELECT * { \\u0053ERVICE <http://x/> { ?s ?p ?o } }", {"SERVICE"}),  # codepoint escapes decoded
    ("LOAD <http://x/data.ttl>", {"LOAD"}),
    ("INSERT DATA { <a:b> <c:d> 'e' } ;\nload silent <http://x/> INTO GRAPH <http://g>", {"LOAD"}),
    ("SELECT * { ?s ?p ?o } # SERVICE <http://x/>\n", set()),  # in a comment
    ("SELECT * { ?s ?p 'SERVICE <http://x/> {}' }", set()),  # in a string
    ('SELECT * { ?s ?p """a "" SERVICE\nLOAD""" }', set()),
    ("SELECT * { ?s <http://example.org/SERVICE#LOAD> ?load . ?service ?p $LOAD }", set()),
    ("PREFIX ex: <http://e/> SELECT * { ?s ex:SERVICE ex:load_list }", set()),
    # a comment mark inside an IRI or a string is no comment
    ("SELECT * { ?s <http://x/#> ?o } SERVICE <http://x/> {}", {"SERVICE"}),
    ("SELECT * { ?s ?p '#' } SERVICE <http://x/> {}", {"SERVICE"}),
    # a quote in a comment opens no string
    ("SELECT * { ?s ?p ?o } # it's\nSERVICE <http://x/> {}", {"SERVICE"}),
    # a less-than is no IRI: SERVICE after it stays code
    ("SELECT * { ?s ?p ?o FILTER(?o<3) SERVICE <http://x/> {} }", {"SERVICE"}),
    ("SELECT * { ?s ?p ex:o.SERVICE <http://x/> {} }", {"SERVICE"}),  # may be a syntax error: refused all the same
])
def test_remote_operations_are_found_past_comments_strings_and_iris(text, expected):
    assert remote_operations(text) == expected


PIECES = ["SERVICE", "service", "LOAD", " ", "\n", "#", "'", '"', '"""', "<", ">", "{", "}", "?", "$", ":", ".",
          "x", "1", "\\u0053", "\\", "<http://HOST/>", "SELECT * {", "?s ?p ?o", "ex:", "FILTER(", ")", "SILENT"]


@seed(20261201)
@settings(max_examples=300, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(PIECES), max_size=14))
def test_what_the_detector_passes_never_fetches(fetch_log, pieces):
    """Ground truth from Oxigraph itself: whatever the detector lets through makes no request when run."""
    text = "".join(pieces).replace("HOST", f"127.0.0.1:{fetch_log.port}")
    if remote_operations(text):
        return
    before = len(fetch_log.requests)
    store = Store()
    try:
        result = store.query(text, prefixes={"ex": "http://e/"})
        bool(result) if isinstance(result, QueryBoolean) else list(result)
    except Exception:  # noqa: BLE001 (most of these texts are not SPARQL at all)
        pass
    try:
        store.update(text)
    except Exception:  # noqa: BLE001
        pass
    assert len(fetch_log.requests) == before, text


def test_negotiation_and_host_rules():
    offers = [("application/sparql-results+json", "json"), ("text/csv", "csv")]
    assert negotiate(None, offers) == "json" and negotiate("text/csv", offers) == "csv"
    assert negotiate("text/*;q=0.5, application/*;q=0.1", offers) == "csv"
    assert negotiate("image/png", offers) is None and negotiate("*/*", offers) == "json"
    policy = Policy("127.0.0.1", 7878)
    assert policy.host_allowed("127.0.0.1:7878") and policy.host_allowed("localhost:7878")
    assert policy.host_allowed("[::1]:7878") and not policy.host_allowed("[::1]:7879")
    for bad in ("attacker.example:7878", "127.0.0.1", "127.0.0.1:80", "127.0.0.1.attacker.example:7878",
                "user@127.0.0.1:7878", "", None, "127.0.0.1:7878/x"):
        assert not policy.host_allowed(bad), bad
    assert policy.origin_allowed(None, None) and policy.origin_allowed("http://localhost:7878", "same-origin")
    for origin, site in (("null", None), ("http://evil.example", None), ("http://127.0.0.1:8000", None),
                         ("https://127.0.0.1:7878", None), (None, "cross-site"), (None, "same-site")):
        assert not policy.origin_allowed(origin, site), (origin, site)


# --- attacks by HTTP ---

def test_http_attacks_on_a_writable_server_are_refused_and_change_nothing(served_store, fetch_log, example_graph):
    target = f"http://127.0.0.1:{fetch_log.port}/data.ttl"
    with GraphBuilderServe("--store", str(served_store), "--writable", env={"GRAPH_BUILDER_TOKEN": TOKEN}) as server:
        before = graph_count(server)
        assert before[0] == 2
        auth = {"Authorization": f"Bearer {TOKEN}"}
        drop = form(update="DROP ALL")
        attacks = {
            # DNS rebinding: the page's own name in Host, even with the right token
            "rebinding GET": ("GET", "/query?query=ASK%7B%7D", None, {"Host": f"attacker.example:{server.port}"}),
            "rebinding update": ("POST", "/update", drop, {**FORM, **auth, "Host": f"attacker.example:{server.port}"}),
            # CSRF: another origin's form, with or without a token
            "cross-origin update": ("POST", "/update", drop, {**FORM, "Origin": "http://evil.example"}),
            "cross-origin update with token": ("POST", "/update", drop, {**FORM, **auth, "Origin": "http://evil.example"}),
            "null origin": ("POST", "/update", drop, {**FORM, "Origin": "null"}),
            "cross-site fetch": ("POST", "/update", drop, {**FORM, "Sec-Fetch-Site": "cross-site"}),
            "other port origin": ("POST", "/update", drop, {**FORM, "Origin": "http://127.0.0.1:1"}),
            # writes without the token
            "update without token": ("POST", "/update", drop, FORM),
            "update wrong token": ("POST", "/update", drop, {**FORM, "Authorization": "Bearer wrong"}),
            "PUT without token": ("PUT", "/store?graph=http://g", b"<http://a> <http://b> <http://c> .",
                                  {"Content-Type": "text/turtle"}),
            "DELETE without token": ("DELETE", f"/store?graph={urllib.parse.quote(example_graph[0], safe='')}", None, {}),
            "basic auth instead": ("POST", "/update", drop, {**FORM, "Authorization": "Basic " + TOKEN}),
            # remote fetches, even with the token
            "SERVICE": ("POST", "/query", form(query=f"SELECT * {{ SERVICE <{target}> {{ ?s ?p ?o }} }}"), FORM),
            "SERVICE in GET": ("GET", "/query?" + urllib.parse.urlencode(
                {"query": f"SELECT * {{ SERVICE SILENT <{target}> {{ ?s ?p ?o }} }}"}), None, {}),
            "LOAD": ("POST", "/update", form(update=f"LOAD <{target}>"), {**FORM, **auth}),
            "LOAD after comment": ("POST", "/update", f"# x\nDROP SILENT GRAPH <http://none> ;LOAD <{target}>".encode(),
                                   {"Content-Type": "application/sparql-update", **auth}),
        }
        answers = {}
        for name, (method, path, data, headers) in attacks.items():
            answers[name] = request(server.url + path, method, data, headers)
        assert {name: status for name, (status, _) in answers.items()} == {
            "rebinding GET": 403, "rebinding update": 403, "cross-origin update": 403,
            "cross-origin update with token": 403, "null origin": 403, "cross-site fetch": 403,
            "other port origin": 403, "update without token": 401, "update wrong token": 401,
            "PUT without token": 401, "DELETE without token": 401, "basic auth instead": 401,
            "SERVICE": 403, "SERVICE in GET": 403, "LOAD": 403, "LOAD after comment": 403}
        assert "not this server" in answers["rebinding GET"][1] and "another origin" in answers["null origin"][1]
        assert "--allow-service" in answers["SERVICE"][1] and "--allow-load" in answers["LOAD"][1]
        assert graph_count(server) == before
        assert fetch_log.requests == []  # nothing was fetched
        # and the token does work, from this origin
        ok = request(server.url + "/store?graph=http://g", "PUT", b"<http://a> <http://b> <http://c> .",
                     {"Content-Type": "text/turtle", **auth, "Origin": server.url})
        assert ok[0] == 201 and graph_count(server) == (3, before[1] + 1)


def test_the_default_server_is_read_only_and_says_so(served_store, fetch_log):
    with GraphBuilderServe("--store", str(served_store), env={"GRAPH_BUILDER_TOKEN": TOKEN}) as server:
        assert not any("/update" in line for line in server.lines) and server.lines[-1].endswith("(Ctrl-C to stop)")
        assert "read-only" in server.lines[-1]
        before = graph_count(server)
        auth = {"Authorization": f"Bearer {TOKEN}"}
        for method, path, data, headers in (
                ("POST", "/update", form(update="DROP ALL"), {**FORM, **auth}),
                ("PUT", "/store?graph=http://g", b"<http://a> <http://b> <http://c> .", {"Content-Type": "text/turtle", **auth}),
                ("DELETE", "/store?graph=http://g", None, auth)):
            status, body = request(server.url + path, method, data, headers)
            assert status == 403 and "read-only" in body, (method, path, body)
        assert request(server.url + "/", headers={})[1].count("/update") == 0
        assert graph_count(server) == before
        # a read-only server lets the builder's queries read the store alongside
        assert len(Store.read_only(str(served_store))) == before[1]


def test_serve_files_from_memory_and_the_graph_store_protocol(example_graph, tmp_path):
    from graph_builder.graph.export import dataset_bytes

    trig = tmp_path / "one.trig"
    trig.write_bytes(dataset_bytes([example_graph], "trig"))
    with GraphBuilderServe(str(trig), "--writable", "-q", env={"GRAPH_BUILDER_TOKEN": TOKEN}) as server:
        name = urllib.parse.quote(example_graph[0], safe="")
        status, turtle = request(f"{server.url}/store?graph={name}", headers={"Accept": "text/turtle"})
        assert status == 200 and "A/RES/57/209" in turtle
        assert request(f"{server.url}/store?graph=http%3A%2F%2Fnone")[0] == 404
        status, csv = request(server.url + "/query?" + urllib.parse.urlencode(
            {"query": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"}), headers={"Accept": "text/csv"})
        assert status == 200 and csv.split()[1] == str(len(example_graph[1]))
        assert request(server.url + "/query?query=SELEC", headers={})[0] == 400
        assert request(server.url + "/query?query=ASK%7B%7D", headers={"Accept": "image/png"})[0] == 406
        auth = {"Authorization": f"Bearer {TOKEN}"}
        assert request(f"{server.url}/store?graph={name}", "DELETE", None, auth)[0] == 204
        assert graph_count(server) == (0, 0)


# --- in a real browser: another origin's auto-submitting form ---

ATTACK_PAGE = """<!doctype html><html><body>
<form id="f" method="POST" action="{target}/update"><input name="update" value="DROP ALL"></form>
<script>
fetch("{target}/update", {{method: "POST", mode: "no-cors", body: new URLSearchParams({{update: "CLEAR ALL"}})}})
  .finally(() => fetch("{target}/store?graph=http://evil/g", {{method: "PUT", body: "<http://a> <http://b> <http://c> .",
                       headers: {{"Content-Type": "text/turtle", "Authorization": "Bearer guess"}}}}).catch(() => 0))
  .finally(() => {{ document.title = "fetched"; document.getElementById("f").submit(); }});
</script></body></html>"""


REBOUND_SCRIPT = """Promise.all([
  fetch("/update", {method: "POST", body: new URLSearchParams({update: "DROP ALL"})}).then(r => r.status),
  fetch("/query?query=" + encodeURIComponent("SELECT * { ?s ?p ?o } LIMIT 1")).then(r => r.status),
  fetch("/store?graph=http://evil/g", {method: "PUT", body: "<http://a> <http://b> <http://c> .",
                                      headers: {"Content-Type": "text/turtle"}}).then(r => r.status)])"""


def page_text(page, done, timeout: float = 30) -> str:
    """The tab's address and text, once done(text) holds (or the timeout passes)."""
    deadline, text = time.monotonic() + timeout, ""
    while time.monotonic() < deadline:
        text = page.evaluate("location.href + ' ' + (document.body ? document.body.innerText : '')") or ""
        if done(text):
            break
        time.sleep(0.1)
    return text


def test_pages_of_another_origin_in_chromium_cannot_wipe_the_store(served_store, monkeypatch):
    test_browser = pytest.importorskip("test_browser")
    chromium = test_browser.find_chromium()
    if chromium is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    # DNS rebinding in the browser: attacker.example resolves to this machine, as after the attacker's DNS flips
    flags = test_browser.CHROMIUM_FLAGS
    monkeypatch.setattr(test_browser, "CHROMIUM_FLAGS",
                        [*flags[:-1], "--host-resolver-rules=MAP attacker.example 127.0.0.1", flags[-1]])
    with test_browser.Chromium(chromium) as browser:
        for mode in (("--writable",), ()):
            with GraphBuilderServe("--store", str(served_store), *mode, env={"GRAPH_BUILDER_TOKEN": TOKEN}) as server:
                before = graph_count(server)
                page_html = ATTACK_PAGE.format(target=server.url).encode()
                with ScriptedServer(lambda h, page_html=page_html: reply(h, 200, page_html, "text/html")) as attacker:
                    # CSRF: the attacker's page, on another origin of this machine, posts a form and fetches
                    page = browser_tab(browser, test_browser)
                    page.send("Page.navigate", {"url": f"http://localhost:{attacker.port}/"})
                    text = page_text(page, lambda t: "/update" in t and "refused" in t)
                    page.close()
                assert f"{server.url}/update" in text and "another origin" in text, text  # the form went: refused
                # DNS rebinding: a page at attacker.example:PORT whose script asks its own origin, now this server
                page = browser_tab(browser, test_browser)
                page.send("Page.navigate", {"url": f"http://attacker.example:{server.port}/"})
                text = page_text(page, lambda t: "not this server" in t)
                assert text.startswith(f"http://attacker.example:{server.port}/") and "not this server" in text, text
                assert page.evaluate(REBOUND_SCRIPT) == [403, 403, 403]
                page.close()
                assert graph_count(server) == before
                server.stop()
                log = server.process.stderr.read()
            assert log.count('"POST /update HTTP/1.1" 403') == 3, log  # fetch, form, rebound fetch: all refused
            assert '"OPTIONS /store' in log and log.count('"PUT /store') == 1, log  # only the rebound PUT came
            assert log.count('"GET /query?query=SELECT') == 1, log  # the rebound read, refused (counted above)


def browser_tab(browser, test_browser):
    request_ = urllib.request.Request(f"http://127.0.0.1:{browser.port}/json/new?about:blank", method="PUT")
    with urllib.request.urlopen(request_, timeout=10) as response:
        target = json.load(response)
    return test_browser.Page(browser.port, target)


# --- stopping ---

def test_term_stops_serve_and_leaves_no_process_and_no_lock(served_store):
    for sig in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        with GraphBuilderServe("--store", str(served_store), "--writable", "-q",
                               env={"GRAPH_BUILDER_TOKEN": TOKEN}) as server:
            pid = server.process.pid
            with pytest.raises(OSError):  # the writable server holds the store
                Store(str(served_store))
            os.kill(pid, sig)  # the serve process alone, as `kill -TERM PID` does
            assert server.process.wait(15) == 0, server.process.stderr.read()
            assert server.process.stderr.read() == ""
            assert group_members(pid) == []  # nothing left in its process group
        store = Store(str(served_store))  # the lock is free again
        assert len(store) > 0
        del store


def test_serve_refusals_are_one_line_errors(served_store, tmp_path):
    def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "graph_builder", "serve", *args], capture_output=True,
                              text=True, timeout=60, env={**os.environ, **(env or {})})

    held = Store(str(served_store))
    try:
        locked = run("--store", str(served_store), "--writable", "--port", "0", env={"GRAPH_BUILDER_TOKEN": TOKEN})
    finally:
        del held
    missing = run("--store", str(tmp_path / "nowhere"), "--port", "0")
    short = run("--store", str(served_store), "--writable", "--port", "0", env={"GRAPH_BUILDER_TOKEN": "short"})
    with ScriptedServer(lambda h: reply(h, 200)) as taken:
        busy = run("--store", str(served_store), "--port", str(taken.port))
    for result, words in ((locked, "in use"), (missing, "no store"), (short, "at least 16"), (busy, "cannot listen")):
        assert result.returncode == 2, result
        assert words in result.stderr and len(result.stderr.splitlines()) == 1, result.stderr
        assert "Traceback" not in result.stderr
    assert not (tmp_path / "nowhere").exists()
