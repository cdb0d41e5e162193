"""The citation network of a corpus at document level, as a networkx graph.

Nodes are resolutions, other UN documents (reports, notes) and instruments;
an edge runs from a resolution to each thing it cites.  Provisions count as a
citation of what they belong to ("article 4 of the Covenant" cites the
Covenant); bodies, offices, sessions and agenda items are left out: they are
actors and occasions, not documents.

Node ids are the IRIs the RDF graph uses (iri.Minter), so a resolution cited
by one document and present in the corpus as another is one node, and the
network can be joined with the triples.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

import networkx as nx

from .cover import roman_to_int
from .gazetteer import fold, gazetteer
from .iri import Minter
from .models import Reference, Resolution
from .rdf import document_iri, is_symbol

ORGANS = ("General Assembly", "Security Council", "Human Rights Council", "ECOSOC", "other")

# The General Assembly's regular session N opens in September of 1945 + N; the
# Human Rights Council holds three regular sessions a year, the first in June 2006.
GA_FIRST_YEAR = 1945
HRC_FIRST_YEAR = 2006



def citation_network(resolutions: Iterable[Resolution], minter: Minter) -> nx.DiGraph:
    """Resolutions and what they cite, one node per document or instrument.

    Node attributes: kind (resolution | document | instrument), label (a short
    name), title (the full name), organ (one of ORGANS), year (int or None),
    session (str), url (undocs.org or another public record; "" if none) and
    present (the resolution is in the input, not only cited).
    Edge attributes: verbs (the set of verb concept ids of the citing clauses;
    a footnote takes its anchor clause's verb) and count (how many references).
    A symbol given twice (the corpus has a few duplicates) counts once: the
    first resolution with that symbol wins.
    """
    g = nx.DiGraph()
    for res in resolutions:
        source = document_iri(res, minter)
        if g.nodes.get(source, {}).get("present"):
            continue
        add_resolution(g, res, source, minter)
        verb_of = {c.id: c.verb_concept for c in res.clauses}
        cited = [(c.verb_concept, r) for c in res.clauses for r in c.references]
        cited += [(verb_of.get(f.anchor, ""), r) for f in res.footnotes for r in f.references]
        for verb, ref in cited:
            target = add_cited(g, ref, minter)
            if target is None or target == source:
                continue
            if g.has_edge(source, target):
                edge = g.edges[source, target]
                edge["count"] += 1
            else:
                g.add_edge(source, target, verbs=set(), count=1)
                edge = g.edges[source, target]
            if verb:
                edge["verbs"].add(verb)
    drop_impossible_years(g)
    return g


def drop_impossible_years(g: nx.DiGraph) -> None:
    """A document cannot be later than every resolution citing it: such a year, read from a
    document number that only looks like a year, is dropped rather than shown."""
    for node, data in g.nodes(data=True):
        if data.get("present") or data.get("year") is None:
            continue
        citing = [g.nodes[s].get("year") for s in g.predecessors(node)]
        known = [y for y in citing if y is not None]
        if known and data["year"] > max(known):
            data["year"] = None


def add_resolution(g: nx.DiGraph, res: Resolution, node: str, minter: Minter) -> None:
    """A resolution of the input: what its cover page says wins over what its symbol implies."""
    info = res.info
    symbol = info.symbol
    derived = symbol_facts(symbol) if symbol else {}
    year = int(info.date[:4]) if re.match(r"\d{4}", info.date) else derived.get("year")
    g.add_node(node, kind="resolution", label=symbol or res.source, title=info.title or symbol or res.source,
               organ=organ_of(symbol) if symbol else body_organ(info.body), year=year,
               session=info.session or derived.get("session", ""), url=minter.undocs(symbol) if symbol else "",
               present=True)


def add_cited(g: nx.DiGraph, ref: Reference, minter: Minter) -> str | None:
    """The node a reference cites at document level (added if new); None for actors and occasions."""
    if ref.kind in ("resolution", "document"):
        return add_document(g, ref.key, ref.kind, minter)
    if ref.kind == "instrument":
        return add_instrument(g, ref.key, minter)
    if ref.kind == "provision" and ref.target:
        if is_symbol(ref.target):
            return add_document(g, ref.target, "document", minter)
        return add_instrument(g, ref.target, minter)
    return None


def add_document(g: nx.DiGraph, symbol: str, kind: str, minter: Minter) -> str:
    node = minter.document(symbol)
    if node not in g:
        facts = symbol_facts(symbol)
        is_resolution = kind == "resolution" or re.search(r"/(?:RES|DEC)/", symbol, re.I) is not None
        g.add_node(node, kind="resolution" if is_resolution else "document", label=symbol, title=symbol,
                   organ=organ_of(symbol), year=facts.get("year"), session=facts.get("session", ""),
                   url=minter.undocs(symbol), present=False)
    return node


def add_instrument(g: nx.DiGraph, title: str, minter: Minter) -> str:
    node = minter.instrument(title)
    if node not in g:
        entry = gazetteer().by_name.get(("instrument", fold(title)))
        g.add_node(node, kind="instrument", label=short_title(title), title=title, organ="other",
                   year=entry.year if entry is not None and entry.year else None, session="",
                   url=instrument_url(title, minter), present=False)
    return node


def instrument_url(title: str, minter: Minter) -> str:
    """An instrument's public record: its Wikidata item, else the resolution that adopted it; "" if unknown."""
    entry = gazetteer().by_name.get(("instrument", fold(title)))
    if entry is not None and entry.wikidata:
        return f"https://www.wikidata.org/wiki/{entry.wikidata}"
    if entry is not None and entry.adopted_by:
        return minter.undocs(entry.adopted_by)
    return ""


def short_title(title: str, limit: int = 32) -> str:
    """A label a person can read on the canvas: the title cut at a word, the full title on hover."""
    if len(title) <= limit:
        return title
    cut = title[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def organ_of(symbol: str) -> str:
    """The organ a symbol's prefix names; Human Rights Council documents sit under the Assembly's A/."""
    s = symbol.upper()
    if s.startswith("A/HRC/"):
        return "Human Rights Council"
    if s.startswith("A/"):
        return "General Assembly"
    if s.startswith("S/"):
        return "Security Council"
    if s.startswith("E/"):
        return "ECOSOC"
    return "other"


def body_organ(body: str) -> str:
    """The organ of a resolution known only by its issuing body's name."""
    folded = body.casefold()
    for organ in ORGANS[:3]:
        if organ.casefold() in folded:
            return organ
    if "economic and social" in folded:
        return "ECOSOC"
    return "other"


def symbol_facts(symbol: str) -> dict:
    """Session and year as far as the symbol tells them (years of GA and HRC sessions are their first)."""
    segs = symbol.split("/")
    organ = organ_of(symbol)
    if organ == "Security Council":  # S/RES/2334(2016), S/2020/123: the year is the session
        m = re.search(r"\(((?:19|20)\d\d)\)$", symbol) or re.fullmatch(r"S/((?:19|20)\d\d)/.*", symbol)
        return {"year": int(m.group(1)), "session": m.group(1)} if m else {}
    if organ == "General Assembly":
        m = re.fullmatch(r"A/RES/\d+\(([IVXLC]+)\)", symbol)  # A/RES/2200(XXI)
        # A/RES/57/209, A/57/182, A/C.3/57/L.5, A/RES/ES-10/21: the first session-like segment but the last;
        # not A/7204/Add.1: before 1976 the Assembly numbered its documents without the session
        session = str(roman_to_int(m.group(1))) if m else next(
            (s for s in segs[1:-1] if re.fullmatch(r"\d{1,2}|E?S-\d{1,2}", s)), "")
        if re.fullmatch(r"\d+", session):
            return {"year": GA_FIRST_YEAR + int(session), "session": session}
        return {"session": session} if session else {}  # ES-10, S-32: no fixed year
    if organ == "Human Rights Council":  # A/HRC/RES/58/23, A/HRC/49/18
        rest = segs[3:] if len(segs) > 3 and segs[2].upper() in ("RES", "DEC") else segs[2:]
        if len(rest) > 1 and re.fullmatch(r"\d{1,2}", rest[0]):
            return {"year": HRC_FIRST_YEAR + (int(rest[0]) - 1) // 3, "session": rest[0]}
        return {}
    m = next((s for s in segs if re.fullmatch(r"(?:19|20)\d\d", s)), None)  # E/RES/2021/5, E/CN.4/2002/106
    return {"year": int(m), "session": m} if m else {}
