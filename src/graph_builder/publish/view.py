"""HTML views of the graph: one resolution, or the citation network of a corpus.

Each page is a single self-contained file: vis-network's JS and CSS are inlined
from the copy that ships inside the pyvis package, the page's own script and
style from data/view/, and the graph as JSON.  Nothing is fetched when the page
opens (a Content-Security-Policy forbids it), so it works offline.

Safety: document text never reaches HTML or JS as markup.  The graph travels
as JSON inside <script type="application/json"> with `<`, `>` and `&` escaped,
the page builds its DOM with textContent, and vis-network shows string
tooltips with innerText.

Layouts are computed here, not in the browser, and physics is off: the page
is usable as soon as it is drawn, and the same input gives the same bytes.
pyvis supplies the node and edge records (pyvis.node.Node, pyvis.edge.Edge)
and the network options; its Network.add_node/add_edge are not used because
they scan every node already added, which is quadratic on a corpus.
"""
from __future__ import annotations

import html
import json
import math
import re
from functools import cache
from importlib import resources
from pathlib import Path

import networkx as nx
from pyvis.edge import Edge
from pyvis.node import Node

from graph_builder.find.verbs import verb_table
from graph_builder.graph.export import write_atomic
from graph_builder.graph.iri import Minter
from graph_builder.graph.kinds import KINDS, Network, is_symbol, kind_of
from graph_builder.graph.rdf import document_iri, target_iri
from graph_builder.graph.terms import NT
from graph_builder.lang import DEFAULT as DEFAULT_LANGUAGE
from graph_builder.models import Clause, Footnote, Reference, Resolution
from graph_builder.publish.network import instrument_url, short_title
from graph_builder.un.data import data_text
from graph_builder.un.organs import group, groups
from graph_builder.un.symbols import is_resolution_symbol

VIS_VERSION = "vis-9.1.2"

# Kinds of the resolution view: (legend label, colour, vis shape), in the order of the legend and the columns:
# the kinds table's, with the addressees after the kinds a clause names (gb:mentions) and before the occasions
ADDRESSEE_STYLE = ("addressee", "#a0457e", "ellipse")
_MENTIONED = max(i for i, row in enumerate(KINDS.values()) if row.link == NT.GB_mentions)
RESOLUTION_KINDS = {
    **{k: (row.label, row.colour, row.shape) for k, row in list(KINDS.items())[:_MENTIONED + 1]},
    "addressee": ADDRESSEE_STYLE,
    **{k: (row.label, row.colour, row.shape) for k, row in list(KINDS.items())[_MENTIONED + 1:]},
}
CORPUS_SHAPES = {"resolution": "dot", "document": "square", "instrument": "diamond"}

# vis-network options shared by both views: physics off (positions are given),
# no layout pass, straight edges (curves cost a lot to draw on a corpus).  Edges
# are directed through these options, not per edge (pyvis's directed Edge adds
# an `arrows` key to each, which vis-network then parses 85,000 times).
BASE_OPTIONS: dict[str, dict[str, object]] = {
    "physics": {"enabled": False},
    "layout": {"improvedLayout": False, "randomSeed": 1},
    "interaction": {"hover": True, "tooltipDelay": 150, "multiselect": False},
    "edges": {"smooth": False, "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}},
}


# -- one resolution --------------------------------------------------------

def resolution_graph(res: Resolution, minter: Minter = Minter()) -> nx.DiGraph:
    """The resolution, what it cites and whom it addresses, one edge per (cited thing, role).

    Nodes carry kind, label, title (the full name), url and `citations`: the
    clauses and footnotes that cite or address the node.  Edges carry role
    (cites | addresses | part-of), verbs (concept ids, "" for a clause without
    a known verb) and the ids of the clauses behind them.
    """
    g: nx.DiGraph[str] = nx.DiGraph()
    info = res.info
    root = document_iri(res, minter)
    g.add_node(root, kind="resolution", label=info.symbol or res.source, title=info.title or info.symbol or res.source,
               url=minter.undocs(info.symbol) if info.symbol else "", root=True, citations=[])
    clause_of = {c.id: c for c in res.clauses}
    units: list[tuple[Clause | Footnote, Clause | None, Reference]] = [
        (c, c, r) for c in res.clauses for r in c.references]
    units += [(f, clause_of.get(f.anchor), r) for f in res.footnotes for r in f.references]
    for unit, clause, ref in units:
        node = add_reference_node(g, minter, ref)
        citation = {"unit": unit.id, "verb": clause.verb if clause else "", "surface": ref.text,
                    "text": clause.text if clause else ""}
        if unit is not clause:  # a footnote: its own text, and the clause its marker sits in
            citation |= {"footnote": unit.text, "anchor": clause.id if clause else ""}
        citation |= printed_at(res, ref.span, g.nodes[root]["url"])
        link(g, root, node, "cites", clause.verb_concept if clause else "", citation)
    for c in res.clauses:
        for a in c.addressees:
            node = minter.entity(a.kind, a.name)
            if node not in g:
                g.add_node(node, kind="addressee" if a.kind == "actor" else a.kind, label=a.name, title=a.name,
                           url="", citations=[])
            citation = {"unit": c.id, "verb": c.verb, "surface": a.text, "text": c.text}
            link(g, root, node, "addresses", c.verb_concept, citation)
    return g


def printed_at(res: Resolution, span: tuple[int, int], pdf: str) -> dict:
    """For a resolution read from a PDF: the page(s) a span is printed on, and a link that opens the PDF there."""
    pages = res.pages_of(span)
    if not pages:
        return {}
    page, (x0, top, x1, bottom) = pages[0]
    label = "page " + "–".join(dict.fromkeys((str(pages[0][0]), str(pages[-1][0]))))
    link = f"{pdf}#page={page}&viewrect={int(x0)},{int(top)},{int(x1 - x0) + 1},{int(bottom - top) + 1}" if pdf else ""
    return {"page": label, "pdf": link}


def add_reference_node(g: nx.DiGraph, minter: Minter, ref: Reference) -> str:
    node = target_iri(minter, ref)
    if node in g:
        return node
    kind, url, label = ref.kind, "", ref.key
    network = kind_of(kind).network
    if network is Network.DOCUMENT:
        url = minter.undocs(ref.key)
    elif network is Network.INSTRUMENT:
        url = instrument_url(ref.key, minter)
        label = short_title(ref.key)
    elif network is Network.PART:
        label = f"{ref.unit} {ref.number}".strip() or short_title(ref.key)
        if is_symbol(ref.target):
            parent = minter.document(ref.target)
            if parent not in g:
                g.add_node(parent, kind="resolution" if is_resolution_symbol(ref.target) else "document",
                           label=ref.target, title=ref.target, url=minter.undocs(ref.target), citations=[])
            url = minter.undocs(ref.target)
        else:
            parent = minter.instrument(ref.target)
            if parent not in g:
                g.add_node(parent, kind="instrument", label=short_title(ref.target), title=ref.target,
                           url=instrument_url(ref.target, minter), citations=[])
            url = instrument_url(ref.target, minter)
        g.add_node(node, kind=kind, label=label, title=ref.key, url=url, citations=[])
        g.add_edge(node, parent, role="part-of", verbs=[], units=[])
        return node
    else:
        label = short_title(ref.key)
    g.add_node(node, kind=kind, label=label, title=ref.key, url=url, citations=[])
    return node


def link(g: nx.DiGraph, source: str, target: str, role: str, verb: str, citation: dict) -> None:
    """One edge per cited thing, however many clauses cite it: the verbs and clause ids gather on it."""
    if not g.has_edge(source, target):
        g.add_edge(source, target, role=role, verbs=[], units=[])
    edge = g.edges[source, target]
    if edge["role"] != role:  # cited and addressed: one edge, both roles' verbs
        edge["role"] = "cites"
    if verb not in edge["verbs"]:
        edge["verbs"].append(verb)
    edge["units"].append(f"{citation['unit']}: {citation['verb'] or '(no verb)'}")
    g.nodes[target]["citations"].append(citation)


# The resolution view's layout, in canvas units: two columns, one each side of the resolution, so that
# every edge is a spoke (none cross) and labels, below their node, never collide at the default zoom.
COLUMN_X = 370.0  # the columns' distance from the resolution
ROW_Y = 76.0  # between two rows of a column: a node and its label below it
INDENT = 70.0  # a provision sits under its instrument or document, indented away from the centre
NODE_FONT, EDGE_FONT = 16, 15  # label sizes in canvas units
LABEL_WIDTH = 175  # a label wider than this wraps
LABEL_PX = 12  # the smallest label on screen at the default zoom: the view zooms in to keep it


def column_layout(g: nx.DiGraph, root: str) -> dict[str, tuple[float, float]]:
    """The resolution in the middle, what it cites and addresses in two columns by kind, each provision
    just under what it belongs to."""
    order = list(RESOLUTION_KINDS)
    parent_of = {n: next(iter(g.successors(n))) for n in g if g.nodes[n]["kind"] == "provision" and g.out_degree(n)}

    def key(n: str) -> tuple:
        head = parent_of.get(n, n)
        d = g.nodes[head]
        return (order.index(d["kind"]), d["label"].casefold(), head, n != head, g.nodes[n]["label"].casefold(), n)

    ring = sorted((n for n in g if n != root), key=key)
    # a node and its provisions stay together, in the right column until it holds half of them
    groups: list[list[str]] = []
    for n in ring:
        if n in parent_of and groups and parent_of[n] in groups[-1]:
            groups[-1].append(n)
        else:
            groups.append([n])
    right: list[str] = []
    left: list[str] = []
    for grp in groups:
        (right if len(right) + len(grp) / 2 <= len(ring) / 2 or not right else left).extend(grp)
    pos = {root: (0.0, 0.0)}
    for side, column in ((1.0, right), (-1.0, left)):
        for row, n in enumerate(column):
            x = side * (COLUMN_X + (INDENT if n in parent_of else 0.0))
            pos[n] = (x, (row - (len(column) - 1) / 2) * ROW_Y)
    return pos


def resolution_view_html(res: Resolution, minter: Minter = Minter()) -> str:
    """The page of one resolution: a radial graph, a legend that filters by kind, verb filters, search, details."""
    g = resolution_graph(res, minter)
    root = document_iri(res, minter)
    pos = column_layout(g, root)
    labels = verb_labels()
    ids = {n: i for i, n in enumerate(sorted(g, key=lambda n: (n != root, n)))}
    nodes, edges = [], []
    for n in sorted(g, key=ids.__getitem__):
        d = g.nodes[n]
        _, colour, shape = RESOLUTION_KINDS[d["kind"]]
        x, y = pos[n]
        # box and ellipse draw their label inside the filled shape: white on the dark fill
        extra: dict[str, object] = {"font": {"color": "#ffffff"}} if shape in ("box", "ellipse") else {}
        if n == root:
            extra = {"font": {"color": "#ffffff", "size": NODE_FONT + 2}, "borderWidth": 3}
        nodes.append(Node(ids[n], shape, d["label"], color=colour, title=d["title"], x=round(x, 1), y=round(y, 1),
                          size=16 if n != root else 24, kind=d["kind"], iri=n, url=d["url"],
                          citations=d["citations"], **extra).options)
    for k, (s, t) in enumerate(sorted(g.edges, key=lambda e: (ids[e[0]], ids[e[1]]))):
        d = g.edges[s, t]
        names = [labels.get(v, "other") for v in d["verbs"]]
        label = ", ".join(names[:2]) + (f" +{len(names) - 2}" if len(names) > 2 else "")
        styles: dict[str, dict[str, object]] = {
            "cites": {"color": "#8a8a8a"},
            "addresses": {"color": "#a0457e", "dashes": True},
            "part-of": {"color": "#c9c9c9", "dashes": [2, 4], "label": ""}}  # the legend says it
        style = styles[d["role"]]
        edges.append(Edge(ids[s], ids[t], False, id=k, label=style.pop("label", label),
                          title="\n".join(dict.fromkeys(d["units"])) or "part of",
                          verbs=d["verbs"], role=d["role"], **style).options)
    info = res.info
    facts = [("symbol", info.symbol), ("title", info.title), ("adopted", info.date), ("by", info.body),
             ("session", info.session), ("agenda item", info.agenda_item), ("meeting", info.meeting),
             ("source", res.source), ("clauses", str(len(res.clauses)))]
    kinds = sorted({d["kind"] for _, d in g.nodes(data=True)}, key=list(RESOLUTION_KINDS).index)
    verbs = sorted({v for _, _, d in g.edges(data=True) for v in d["verbs"]}, key=lambda v: labels.get(v, "~"))
    options = BASE_OPTIONS | {"nodes": {"font": {"size": NODE_FONT, "face": "sans-serif"}, "margin": 8,
                                        # long names wrap onto a second line instead of reaching the next column
                                        "widthConstraint": {"maximum": LABEL_WIDTH}},
                              "edges": BASE_OPTIONS["edges"] | {"font": {"size": EDGE_FONT, "color": "#444444",
                                                                          "strokeWidth": 4}}}
    roles = {d["role"] for _, _, d in g.edges(data=True)}
    data = {
        "mode": "resolution",
        "nodes": nodes,
        "edges": edges,
        "options": options,
        "root": ids[root],
        "facts": [[k, v] for k, v in facts if v],
        "legend": [{"key": k, "label": RESOLUTION_KINDS[k][0], "color": RESOLUTION_KINDS[k][1],
                    "shape": RESOLUTION_KINDS[k][2]} for k in kinds],
        "verbs": [{"key": v, "label": labels.get(v, "other")} for v in verbs],
        "edgeLegend": [e for e in EDGE_LEGEND if e["key"] in roles],
        "labelPx": LABEL_PX,
        "title": info.title,
    }
    heading = f"{info.symbol or res.source}" + (f": {info.title}" if info.title else "")
    return page(heading, data, info.language)


# the resolution view's edges, as the legend explains them (styles as in resolution_view_html)
EDGE_LEGEND = [
    {"key": "cites", "label": "cites (the clause's verb on the edge)", "color": "#8a8a8a", "style": "solid"},
    {"key": "addresses", "label": "addresses (whom a clause urges, requests, invites …)", "color": "#a0457e",
     "style": "dashed"},
    {"key": "part-of", "label": "part of (an article of its treaty)", "color": "#c9c9c9", "style": "dotted"},
]


@cache
def verb_labels() -> dict[str, str]:
    return {c.id: c.label for c in verb_table().concepts}


# -- the corpus ------------------------------------------------------------

def corpus_view_html(graph: nx.DiGraph) -> str:
    """The citation network of a corpus (network.citation_network): node size by how often cited,
    colour by organ, filters by organ, kind, year and session, search and ego network."""
    pos = corpus_layout(graph)
    labels = verb_labels()
    order = sorted(graph)
    ids = {n: i for i, n in enumerate(order)}
    verb_index: dict[str, int] = {}
    nodes, edges = [], []
    # the most-cited nodes keep a readable label at any zoom (view.js sizes it); the rest show theirs zoomed in
    top = set(sorted((n for n in order if graph.in_degree(n)), key=lambda n: (-graph.in_degree(n), n))[:TOP_LABELS])
    for n in order:
        d = graph.nodes[n]
        cited = graph.in_degree(n)
        x, y = pos[n]
        organ = group(d["organ"]).colour  # a group the organ table lacks raises
        # a resolution of the corpus: solid with a dark ring; a node only cited: pale, ringed in its organ's colour
        colour = ({"background": organ, "border": BUILT_BORDER} if d.get("present")
                  else {"background": pale(organ), "border": organ})
        extra = {"borderWidth": 2.5} if d.get("present") else {}
        if n in top:
            extra["top"] = True
        nodes.append(Node(ids[n], CORPUS_SHAPES.get(d["kind"], "dot"), d["label"], color=colour,
                          title=corpus_tooltip(d, cited, graph.out_degree(n)), x=round(x, 1), y=round(y, 1),
                          size=round(5 + 3 * math.sqrt(cited), 1), kind=d["kind"], organ=d["organ"],
                          year=d.get("year"), session=d.get("session", ""), url=d.get("url", ""),
                          name=d.get("title", ""), iri=n, cited=cited, present=bool(d.get("present")),
                          **extra).options)
    for k, (s, t) in enumerate(sorted(graph.edges, key=lambda e: (ids[e[0]], ids[e[1]]))):
        d = graph.edges[s, t]
        verbs = [verb_index.setdefault(v, len(verb_index)) for v in sorted(d.get("verbs", ()))]
        edges.append(Edge(ids[s], ids[t], False, id=k, v=verbs, n=d.get("count", 1)).options)
    present = [d for _, d in graph.nodes(data=True) if d.get("present")]
    options = BASE_OPTIONS | {
        "nodes": {"font": {"size": 12, "face": "sans-serif"}, "borderWidth": 1,
                  # labels of small nodes appear only when zoomed in: thousands of labels hide the picture
                  "scaling": {"label": {"enabled": True, "drawThreshold": 9}}},
        "edges": BASE_OPTIONS["edges"] | {"width": 0.5, "color": {"color": "#9aa5b1", "opacity": 0.35},
                                          # arrowheads cost a third of the drawing; the details panel
                                          # tells "cited by" from "cites"
                                          "arrows": {"to": {"enabled": False}},
                                          "selectionWidth": 2},
        "interaction": BASE_OPTIONS["interaction"] | {"hideEdgesOnDrag": True, "hideEdgesOnZoom": True},
    }
    group_order = [g.name for g in groups()]
    organs = sorted({d["organ"] for _, d in graph.nodes(data=True)}, key=group_order.index)
    kinds = sorted({d["kind"] for _, d in graph.nodes(data=True)}, key=list(CORPUS_SHAPES).index)
    data = {
        "mode": "corpus",
        "nodes": nodes,
        "edges": edges,
        "options": options,
        "verbs": [labels.get(v, v) for v in verb_index],
        "legend": [{"key": o, "label": o, "color": group(o).colour, "shape": "dot"} for o in organs],
        "kinds": [{"key": k, "label": k, "color": "#666666", "shape": CORPUS_SHAPES[k]} for k in kinds],
        "sessions": sorted({d.get("session") or "" for _, d in graph.nodes(data=True)} - {""}, key=session_key),
        "facts": [["resolutions in the corpus", str(len(present))], ["nodes", str(graph.number_of_nodes())],
                  ["citations (edges)", str(graph.number_of_edges())]],
        "presence": [{"key": "built", "label": "in the corpus (built)", "color": "#777777", "border": BUILT_BORDER},
                     {"key": "cited", "label": "only cited", "color": pale("#777777"), "border": "#777777"}],
        "labelPx": LABEL_PX + 1,
    }
    return page("Citation network of the corpus", data)


TOP_LABELS = 30  # how many of the most-cited nodes are labelled at every zoom
BUILT_BORDER = "#1b1b1b"


def pale(colour: str) -> str:
    """The colour mixed half with white: a node the corpus only cites."""
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{(v + 255) // 2:02x}" for v in (r, g, b))


def corpus_tooltip(d: dict, cited: int, cites: int) -> str:
    lines = [d.get("title") or d["label"]]
    if d.get("title") and d["title"] != d["label"]:
        lines.insert(0, d["label"])
    lines.append(f"{d['kind']}, {d['organ']}" + (f", {d['year']}" if d.get("year") else ""))
    lines.append(f"cited by {cited}" + (f", cites {cites}" if cites else ""))
    return "\n".join(lines)


def session_key(s: str) -> tuple:
    return (0, int(s), "") if s.isdigit() else (1, 0, s)


# Layout.  networkx's spring_layout is quadratic per iteration and, above 500
# nodes, loops in Python: minutes on a corpus.  So the layout is hierarchical:
# Louvain communities are laid out as discs by spring_layout on the graph of
# communities, recursively, until a piece is small enough for spring_layout
# itself; components apart from the largest are packed in rows beneath it.

PIECE = 300  # spring_layout lays out pieces up to this size directly (its dense, numpy path)
SPACING = 30.0  # canvas units of area per node: a piece of n nodes fills a disc of radius SPACING * sqrt(n)
SEED = 7


def corpus_layout(graph: nx.DiGraph) -> dict[str, tuple[float, float]]:
    """Positions by node.  The layout runs on the nodes' ranks (integers), not their IRIs: Louvain and the
    components go through sets, whose order for strings changes with PYTHONHASHSEED, and for integers not."""
    names = sorted(graph)
    rank = {n: i for i, n in enumerate(names)}
    pos = layout_ranks(len(names), sorted((min(rank[a], rank[b]), max(rank[a], rank[b]))
                                          for a, b in graph.edges if a != b))
    return {names[i]: p for i, p in sorted(pos.items())}


def layout_ranks(n: int, edges: list[tuple[int, int]]) -> dict[int, tuple[float, float]]:
    u: nx.Graph[int] = nx.Graph()
    u.add_nodes_from(range(n))
    u.add_edges_from(edges)
    components = sorted(nx.connected_components(u), key=lambda c: (-len(c), min(c)))
    if not components:
        return {}
    pos = place(u.subgraph(components[0]))
    top = max((y for _, y in pos.values()), default=0.0) + 4 * SPACING
    left = min((x for x, _ in pos.values()), default=0.0)
    width = max(2 * disc_radius(len(components[0])), 20 * SPACING)
    # shelf packing of the other components, largest first, below the main disc
    x, row_height = left, 0.0
    for comp in components[1:]:
        sub = place(u.subgraph(comp))
        r = disc_radius(len(comp)) + SPACING
        if x + 2 * r > left + width:
            x, top, row_height = left, top + row_height, 0.0
        for node, (px, py) in sub.items():
            pos[node] = (x + r + px, top + r + py)
        x += 2 * r
        row_height = max(row_height, 2 * r)
    return pos


def disc_radius(n: int) -> float:
    return SPACING * math.sqrt(n)


def place(g: nx.Graph[int]) -> dict[int, tuple[float, float]]:
    """Positions for a connected graph in a disc of radius disc_radius(len(g)) around the origin."""
    n = len(g)
    if n == 1:
        return {next(iter(g)): (0.0, 0.0)}
    if n <= PIECE:
        raw = nx.spring_layout(g, seed=SEED, iterations=60)
        return {k: (float(v[0]) * disc_radius(n), float(v[1]) * disc_radius(n)) for k, v in raw.items()}
    parts = [sorted(p) for p in nx.community.louvain_communities(g, seed=SEED)]
    parts.sort(key=lambda p: (-len(p), p[0]))
    if len(parts) == 1 or len(parts) > PIECE:
        return sunflower(g)
    part_of = {node: i for i, p in enumerate(parts) for node in p}
    meta: nx.Graph[int] = nx.Graph()
    meta.add_nodes_from(range(len(parts)))
    for a, b in g.edges:
        i, j = part_of[a], part_of[b]
        if i != j:
            w = meta.edges[i, j]["weight"] + 1 if meta.has_edge(i, j) else 1
            meta.add_edge(i, j, weight=w)
    spring = nx.spring_layout(meta, seed=SEED, iterations=100, weight="weight")
    radii = [disc_radius(len(p)) for p in parts]
    centres = separate({i: (float(c[0]), float(c[1])) for i, c in spring.items()}, radii)
    pos: dict[int, tuple[float, float]] = {}
    for i, p in enumerate(parts):
        cx, cy = centres[i]
        for node, (x, y) in place(g.subgraph(p)).items():
            pos[node] = (cx + x, cy + y)
    return pos


def separate(centres: dict[int, tuple[float, float]], radii: list[float]) -> dict[int, tuple[float, float]]:
    """Scale spring_layout's unit-square centres to canvas units, then push overlapping discs apart."""
    total = math.sqrt(sum(r * r for r in radii))
    pts = {i: [x * total, y * total] for i, (x, y) in centres.items()}
    keys = sorted(pts)
    for _ in range(60):
        moved = False
        for a_i, a in enumerate(keys):
            for b in keys[a_i + 1:]:
                (ax, ay), (bx, by) = pts[a], pts[b]
                dx, dy = bx - ax, by - ay
                dist = math.hypot(dx, dy) or 1e-6
                overlap = radii[a] + radii[b] + SPACING - dist
                if overlap > 0:
                    moved = True
                    # the smaller disc moves more, so big communities stay where spring_layout put them
                    share_a = radii[b] ** 2 / (radii[a] ** 2 + radii[b] ** 2)
                    ux, uy = (dx / dist, dy / dist) if dist > 1e-6 else (1.0, 0.0)
                    pts[a] = [ax - ux * overlap * share_a, ay - uy * overlap * share_a]
                    pts[b] = [bx + ux * overlap * (1 - share_a), by + uy * overlap * (1 - share_a)]
        if not moved:
            break
    return {i: (p[0], p[1]) for i, p in pts.items()}


def sunflower(g: nx.Graph[int]) -> dict[int, tuple[float, float]]:
    """A disc filled from the centre outwards by degree: the fallback for a piece Louvain will not split."""
    golden = math.pi * (3 - math.sqrt(5))
    order = sorted(g, key=lambda n: (-g.degree(n), n))
    return {n: (SPACING * math.sqrt(i) * math.cos(i * golden), SPACING * math.sqrt(i) * math.sin(i * golden))
            for i, n in enumerate(order)}


# -- the page --------------------------------------------------------------

def page(heading: str, data: dict, language: str = "") -> str:
    """The HTML page: template, vis-network, the view's script and style, and the data as escaped JSON.
    The page's own words are English; a heading in another language says so (`language`, BCP 47)."""
    parts = {
        "@TITLE@": html.escape(heading),
        "@HEADING_LANG@": f' lang="{html.escape(language)}"' if language and language != DEFAULT_LANGUAGE else "",
        "@VIS_CSS@": style_text(vis_asset("vis-network.css")),
        "@VIEW_CSS@": style_text(asset("view.css")),
        "@VIS_JS@": script_text(vis_asset("vis-network.min.js")),
        "@VIEW_JS@": script_text(asset("view.js")),
        "@DATA@": json_for_html(data),
    }
    return fill(asset("view.html"), parts)


def fill(template: str, parts: dict[str, str]) -> str:
    """The template's @NAME@ placeholders replaced in one pass: text put in is never searched again."""
    return re.sub(r"@[A-Z_]+@", lambda m: parts[m.group(0)], template)


def json_for_html(data) -> str:
    """JSON that cannot end its <script> element or open a comment: <, > and & as \\u escapes."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def script_text(js: str) -> str:
    """Trusted script inlined in <script>: only a literal '</script' could end it early."""
    return js.replace("</script", "<\\/script")


def style_text(css: str) -> str:
    return css.replace("</style", "<\\/style")


@cache
def asset(name: str) -> str:
    return data_text(f"view/{name}")


@cache
def vis_asset(name: str) -> str:
    return resources.files("pyvis").joinpath("lib").joinpath(VIS_VERSION).joinpath(name).read_text(encoding="utf-8")


def write_view(path: str | Path, page_html: str) -> None:
    """Write a page atomically (UTF-8)."""
    write_atomic(path, page_html.encode("utf-8"))
