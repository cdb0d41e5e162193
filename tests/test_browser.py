"""The views in a real browser: Debian's headless chromium, driven over the DevTools protocol.

CI installs the browser with `apt-get install -y chromium`; the driver needs
only the `websockets` package (no chromedriver, nothing downloaded).  Without
chromium the tests skip.  Set VIEW_SHOTS_DIR to keep the screenshots.
"""
from __future__ import annotations

import base64
import contextlib
import json
import os
import shutil
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from graph_builder.graph.iri import Minter
from graph_builder.models import DocumentInfo
from graph_builder.pipeline import extract_path
from graph_builder.publish.network import citation_network
from graph_builder.publish.view import corpus_view_html, resolution_graph, resolution_view_html, write_view

# No network on CI machines: without these flags chromium keeps trying to reach Google.
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-default-apps", "--disable-extensions", "--mute-audio", "--hide-scrollbars",
                  "--window-size=1600,1000", "--remote-debugging-port=0", "about:blank"]


def find_chromium() -> str | None:
    for name in (os.environ.get("CHROMIUM", ""), "chromium", "chromium-browser", "google-chrome"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


class Chromium:
    """A headless chromium for the length of a with-block."""

    def __init__(self, executable: str):
        self.executable = executable

    def __enter__(self) -> Chromium:
        self.profile = tempfile.mkdtemp(prefix="gb-chromium-")
        self.process = subprocess.Popen([self.executable, *CHROMIUM_FLAGS, f"--user-data-dir={self.profile}"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = Path(self.profile) / "DevToolsActivePort"  # chromium writes the port it chose here
        deadline = time.monotonic() + 30
        while not port_file.exists() or not port_file.read_text().strip():
            if time.monotonic() > deadline or self.process.poll() is not None:
                self.__exit__(None, None, None)
                raise RuntimeError(f"{self.executable} did not start")
            time.sleep(0.05)
        self.port = int(port_file.read_text().split()[0])
        return self

    def __exit__(self, *exc) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.profile, ignore_errors=True)

    def open(self, url: str, timeout: float = 30, size: tuple[int, int] | None = None) -> Page:
        """A new tab at url, returned once the graph is drawn (the page sets body[data-drawn]);
        size: the viewport's width and height in CSS pixels (device scale 1)."""
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}/json/new?about:blank", method="PUT")
        with urllib.request.urlopen(request, timeout=10) as response:
            target = json.load(response)
        page = Page(self.port, target)
        if size:
            page.send("Emulation.setDeviceMetricsOverride", {"width": size[0], "height": size[1],
                                                             "deviceScaleFactor": 1, "mobile": False})
        page.navigate(url, timeout)
        return page


class Page:
    """One tab: commands and their answers, console errors and requests as they come."""

    def __init__(self, port: int, target: dict):
        from websockets.sync.client import connect

        self.port, self.target_id = port, target["id"]
        self.connection = contextlib.ExitStack()
        self.ws = self.connection.enter_context(connect(target["webSocketDebuggerUrl"], max_size=None, open_timeout=10))
        self.next_id = 0
        self.errors: list[str] = []
        self.requests: list[str] = []
        for domain in ("Runtime", "Log", "Page", "Network"):
            self.send(f"{domain}.enable")

    def send(self, method: str, params: dict | None = None, timeout: float = 60):
        self.next_id += 1
        my_id = self.next_id
        self.ws.send(json.dumps({"id": my_id, "method": method, "params": params or {}}))
        deadline = time.monotonic() + timeout
        while True:
            message = json.loads(self.ws.recv(timeout=max(0.01, deadline - time.monotonic())))
            if message.get("id") == my_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.event(message)

    def event(self, message: dict) -> None:
        method, params = message.get("method"), message.get("params", {})
        if method == "Runtime.consoleAPICalled" and params["type"] in ("error", "assert"):
            self.errors.append(" ".join(str(a.get("value", a.get("description", ""))) for a in params["args"]))
        elif method == "Runtime.exceptionThrown":
            details = params["exceptionDetails"]
            self.errors.append(details.get("exception", {}).get("description", details.get("text", "")))
        elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
            self.errors.append(params["entry"]["text"])
        elif method == "Network.requestWillBeSent":
            self.requests.append(params["request"]["url"])

    def evaluate(self, expression: str):
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def navigate(self, url: str, timeout: float) -> None:
        self.send("Page.navigate", {"url": url})
        deadline = time.monotonic() + timeout
        while not self.evaluate("document.body !== null && document.body.getAttribute('data-drawn') === 'true'"):
            if time.monotonic() > deadline:
                raise TimeoutError(f"{url} not drawn after {timeout} s; console errors: {self.errors}")
            time.sleep(0.05)

    def type(self, selector: str, text: str) -> None:
        """Focus an input and type into it as a user would, then press Enter."""
        self.evaluate(f"document.querySelector({json.dumps(selector)}).focus()")
        self.send("Input.insertText", {"text": text})
        for kind in ("keyDown", "keyUp"):
            self.send("Input.dispatchKeyEvent", {"type": kind, "key": "Enter", "code": "Enter",
                                                 "windowsVirtualKeyCode": 13})

    def click(self, x: float, y: float) -> None:
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1})

    def screenshot(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(self.send("Page.captureScreenshot", {"format": "png"})["data"]))

    def close(self) -> None:
        self.connection.close()
        urllib.request.urlopen(f"http://127.0.0.1:{self.port}/json/close/{self.target_id}", timeout=10).close()


# -- the tests -----------------------------------------------------------------

@pytest.fixture(scope="module")
def browser():
    pytest.importorskip("websockets", reason="the browser tests need the websockets package (test extra)")
    executable = find_chromium()
    if executable is None:
        pytest.skip("no chromium installed (CI: apt-get install -y chromium)")
    with Chromium(executable) as b:
        yield b


def keep_screenshot(page: Page, tmp_path: Path, name: str) -> Path:
    shot = tmp_path / name
    page.screenshot(shot)
    assert shot.stat().st_size > 10_000  # a drawn page, not a blank one
    if os.environ.get("VIEW_SHOTS_DIR"):
        Path(os.environ["VIEW_SHOTS_DIR"]).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(os.environ["VIEW_SHOTS_DIR"]) / name)
    return shot


def assert_offline(page: Page) -> None:
    fetched = [u for u in page.requests if not u.startswith(("file:", "data:", "about:"))]
    assert not fetched, f"the page fetched {fetched}"


def example_resolution():
    from helpers import example_path_and_info

    path, info = example_path_and_info()
    return extract_path(path, DocumentInfo(body="General Assembly").with_defaults(info))


def test_resolution_view_draws_the_graph(browser, tmp_path):
    res = example_resolution()
    graph = resolution_graph(res, Minter())
    page_file = tmp_path / "A_RES_57_209.html"
    write_view(page_file, resolution_view_html(res, Minter()))
    page = browser.open(page_file.as_uri())
    try:
        assert page.evaluate("network instanceof vis.Network")
        drawn = page.evaluate("[network.body.data.nodes.length, network.body.data.edges.length,"
                              " Object.keys(network.body.nodes).length]")
        assert drawn == [graph.number_of_nodes(), graph.number_of_edges(), graph.number_of_nodes()]

        # search: typing a symbol and Enter selects its node and lists it
        page.type("#search", "53/144")
        wanted = page.evaluate("graphView.nodeId('https://example.org/unres/doc/A/RES/53/144')")
        assert page.evaluate("network.getSelectedNodes()") == [wanted]
        assert "A/RES/53/144" in page.evaluate("document.getElementById('search-results').textContent")

        # a click on a node shows the clauses that cite it, with their text
        declaration = page.evaluate("graphView.search('Declaration on the Right')[0]")
        page.evaluate("document.getElementById('search-results').replaceChildren(); network.fit({animation: false})")
        x, y = page.evaluate(f"(() => {{ const p = network.canvasToDOM(network.getPosition({declaration}));"
                             " const r = document.getElementById('network').getBoundingClientRect();"
                             " return [r.left + p.x, r.top + p.y]; })()")
        page.click(x, y)
        panel = page.evaluate("document.getElementById('details').textContent")
        assert "pp1" in panel and "op9" in panel and "Invites Governments" in panel

        keep_screenshot(page, tmp_path, "resolution-A_RES_57_209.png")

        # the verb filter: with only "recalls" ticked, what no clause recalls disappears
        page.evaluate("[...document.querySelectorAll('#controls fieldset')].find(f => f.firstChild.textContent === 'Verbs')"
                      ".querySelector('button:last-child').click();"
                      "document.querySelector('input[data-key=\"recall\"]').click()")
        shown = page.evaluate("network.body.data.nodes.get({filter: n => !n.hidden}).map(n => n.label)")
        assert "A/RES/53/144" in shown and "Governments" not in shown
        assert not any(label.startswith("Special Representative") for label in shown)
        assert all("recall" in verbs for verbs in page.evaluate(
            "network.body.data.edges.get({filter: e => !e.hidden && e.role !== 'part-of'}).map(e => e.verbs)"))

        assert page.errors == []
        assert_offline(page)
    finally:
        page.close()


def test_hostile_text_stays_text(browser, tmp_path):
    from test_view import HOSTILE_TITLE, hostile_resolution

    page_file = tmp_path / "hostile.html"
    write_view(page_file, resolution_view_html(hostile_resolution(), Minter()))
    page = browser.open(page_file.as_uri())
    try:
        assert page.evaluate("typeof window.pwned") == "undefined"
        page.evaluate("graphView.show(graphView.search('onerror')[0])")
        assert page.evaluate("typeof window.pwned") == "undefined"
        panel = page.evaluate("document.getElementById('details').textContent")
        assert "<img src=x onerror=" in panel and "<!-- and -->" in panel
        assert page.evaluate("document.title") == page.evaluate("document.getElementById('heading').textContent")
        assert HOSTILE_TITLE in page.evaluate("document.title")
        page.evaluate("graphView.show(graphView.nodeId('https://example.org/unres/doc/A/RES/1/1'))")
        assert HOSTILE_TITLE in page.evaluate("document.getElementById('details').textContent")
        assert page.evaluate("document.querySelectorAll('#details img, #details script').length") == 0
        assert page.errors == []
    finally:
        page.close()


def test_corpus_view_draws_the_network(browser, tmp_path, shared_dir):
    files = sorted((shared_dir / "corpus" / "unxml-hrc").rglob("*.xml"))[:60]
    graph = citation_network([extract_path(f) for f in files], Minter())
    page_file = tmp_path / "index.html"
    write_view(page_file, corpus_view_html(graph))
    page = browser.open(page_file.as_uri())
    try:
        drawn = page.evaluate("[network.body.data.nodes.length, network.body.data.edges.length]")
        assert drawn == [graph.number_of_nodes(), graph.number_of_edges()]
        assert page.evaluate("network.physics.options.enabled") is False

        page.type("#search", "Universal Declaration of Human Rights")
        wanted = page.evaluate("graphView.nodeId('https://example.org/unres/instrument/udhr')")
        assert wanted is not None and page.evaluate("network.getSelectedNodes()") == [wanted]

        # the ego network of the selected node: it and its neighbours, nothing else
        page.evaluate("document.getElementById('ego').click()")
        shown = page.evaluate("network.body.data.nodes.get({filter: n => !n.hidden}).length")
        assert shown == len(set(graph.predecessors(page.evaluate(f"network.body.data.nodes.get({wanted}).iri")))) + 1
        page.evaluate("document.getElementById('ego-off').click()")
        assert page.evaluate("network.body.data.nodes.get({filter: n => n.hidden}).length") == 0

        assert page.errors == []
        assert_offline(page)
        keep_screenshot(page, tmp_path, "corpus-hrc-sample.png")
    finally:
        page.close()


# -- readable at the default zoom, and the selected node stands out -----------------------

PIXEL_AT = """(id => {{ const p = network.canvasToDOM(network.getPosition(id));
  const c = document.querySelector('#network canvas');
  return Array.from(c.getContext('2d').getImageData(Math.round(p.x * devicePixelRatio),
                                                    Math.round(p.y * devicePixelRatio), 1, 1).data); }})({id})"""


def drawn_pixel(page: Page, node_id: int) -> list[int]:
    page.evaluate("network.redraw()")
    time.sleep(0.3)
    return page.evaluate(PIXEL_AT.format(id=node_id))


def test_resolution_view_labels_are_readable_at_the_default_zoom(browser, tmp_path):
    res = example_resolution()
    page_file = tmp_path / "A_RES_57_209.html"
    write_view(page_file, resolution_view_html(res, Minter()))
    page = browser.open(page_file.as_uri(), size=(1400, 900))
    try:
        node_px = page.evaluate("network.body.data.nodes.getIds().map(id => graphView.labelPx(id))")
        edge_px = page.evaluate("network.body.data.edges.get({filter: e => e.label}).map(e => graphView.edgeLabelPx(e.id))")
        assert min(node_px) >= 12 and min(edge_px) >= 12, (min(node_px), min(edge_px))
        # every node is on screen at that zoom or reachable by the zoom buttons; the whole graph fits with one click
        page.evaluate("document.getElementById('zoom-all').click()")
        assert page.evaluate("network.getScale()") > 0.3
        page.evaluate("document.getElementById('zoom-readable').click()")
        assert page.evaluate("network.getScale()") >= 0.79
        legend = page.evaluate("document.getElementById('controls').textContent")
        assert "addresses" in legend and "cites" in legend and "part of" in legend
        dashed = page.evaluate("getComputedStyle(document.querySelector('.line.dashed')).borderTopStyle")
        assert dashed == "dashed"
        keep_screenshot(page, tmp_path, "resolution-readable.png")
        assert page.errors == []
    finally:
        page.close()


def test_corpus_view_labels_the_most_cited_and_highlights_the_selected_node(browser, tmp_path, shared_dir):
    files = sorted((shared_dir / "corpus" / "unxml-hrc").rglob("*.xml"))[:60]
    graph = citation_network([extract_path(f) for f in files], Minter())
    page_file = tmp_path / "index.html"
    write_view(page_file, corpus_view_html(graph))
    page = browser.open(page_file.as_uri(), size=(1400, 900))
    try:
        top = page.evaluate("network.body.data.nodes.get({filter: n => n.top}).map(n => n.id)")
        assert len(top) == min(30, sum(1 for n in graph if graph.in_degree(n)))
        most = max(graph, key=lambda n: (graph.in_degree(n), n))
        most_id = page.evaluate(f"graphView.nodeId({json.dumps(most)})")
        sizes = page.evaluate(f"{json.dumps(top)}.map(id => graphView.labelPx(id))")
        # the most-cited are labelled at 12 px or more, except where a label would cover another
        assert page.evaluate(f"graphView.labelPx({most_id})") >= 12 and sum(1 for px in sizes if px >= 12) >= 5
        # zoomed out further, they stay readable
        page.evaluate("network.moveTo({scale: network.getScale() / 2, animation: false});"
                      "network.emit('zoom', {scale: network.getScale()}); true")
        assert page.evaluate(f"graphView.labelPx({most_id})") >= 12
        # built resolutions are set apart: a dark ring
        built = page.evaluate("network.body.data.nodes.get({filter: n => n.present}).map(n => n.color.border)")
        cited = page.evaluate("network.body.data.nodes.get({filter: n => !n.present}).map(n => n.color.border)")
        assert set(built) == {"#1b1b1b"} and "#1b1b1b" not in set(cited)
        # the selected node is drawn in the highlight colour, and its label readable
        udhr = page.evaluate("graphView.nodeId('https://example.org/unres/instrument/udhr')")
        before = drawn_pixel(page, udhr)
        page.evaluate(f"graphView.show({udhr})")
        assert page.evaluate("graphView.highlighted()") == udhr
        r, g, b, _ = drawn_pixel(page, udhr)
        assert (r, g, b) != tuple(before[:3]) and r > 150 and g > 120 and b < r - 80, (r, g, b)  # a yellow (its ring antialiased)
        assert page.evaluate(f"graphView.labelPx({udhr})") >= 12
        keep_screenshot(page, tmp_path, "corpus-highlight.png")
        # another node: the first one goes back to its colours
        other = next(i for i in top if i != udhr)
        page.evaluate(f"graphView.show({other})")
        assert page.evaluate(f"network.body.data.nodes.get({udhr}).color.background") != "#ffd400"
        assert page.errors == []
    finally:
        page.close()
