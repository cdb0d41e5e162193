"""A static linked-data site: for each resource IRI under the base, an HTML page
for people and its Turtle and JSON-LD, plus an index, the ontology's
documentation, a VoID/DCAT description of the dataset, its N-Quads dump and an
nginx configuration that answers one IRI with HTML, Turtle or JSON-LD as the
Accept header asks.

The site folder mirrors the IRIs' paths: https://example.org/unres/doc/A/RES/57/209
is SITE/unres/doc/A/RES/57/209.html (and .ttl, .jsonld), so nginx serves SITE as
the host's document root.  Pages link to each other by relative links with the
.html extension, so the folder also reads from file:// and any static server;
`preview_server` (and nginx.conf) still answer the extensionless IRIs.
Clauses, footnotes and citations are fragments (209#op3) of their
resolution's page.  Every output is deterministic: the same graph gives
byte-identical files.

The pages are written against the citations (cito:Citation with
gb:referenceKind), not against eli:cites, so what a resolution cites is
grouped by the kind the extraction gave it.  Diagnostics are the builder's own
findings: they stay in the dump, but get no page and no place in a page's data.

The page shell and the nginx configuration are templates in data/view/; the
HTML inside a page is made by `tag`, which escapes every text it is given.
Only http(s) IRIs become links; any other (javascript:, data:, ...) is shown as
text and reported in SiteResult.warnings, as is an IRI too long for a file name.
"""
from __future__ import annotations

import gzip
import html
import http.server
import json
import posixpath
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from pyoxigraph import BlankNode, Literal, NamedNode, Quad, RdfFormat, Store, Triple, parse
from rdflib.namespace import DCAT, VOID

from graph_builder.errors import InputError
from graph_builder.graph.export import curie, dataset_bytes, jsonld_context, serialized, sorted_prefixes, write_atomic
from graph_builder.graph.kinds import KINDS as REFERENCE_KINDS
from graph_builder.graph.kinds import Network
from graph_builder.graph.ontology import ontology_file, verb_scheme_triples
from graph_builder.graph.store import term_value
from graph_builder.graph.vocab import (
    CITO,
    DCTERMS,
    ELI,
    FOAF,
    GB,
    NIF,
    ONTOLOGY_NS,
    PREFIXES,
    RDF,
    RDFS,
    SKOS,
    VERBS_NS,
    XSD,
)
from graph_builder.publish.view import asset, fill

# Accept header -> file suffix, first match wins (nginx's map and preview_server use these same rules)
NEGOTIATION = (("text/turtle", ".ttl"), ("application/ld+json", ".jsonld"))
DEFAULT_SUFFIX = ".html"
MEDIA_TYPES = {".html": "text/html; charset=utf-8", ".ttl": "text/turtle", ".jsonld": "application/ld+json"}
SOURCE_NOTE = ("Source: the United Nations. The graph is made by graph-builder from unofficial copies of United "
               "Nations resolutions; it is not an official United Nations publication.")
LICENSE = "https://opensource.org/license/mit"
ONTOLOGY_IRI = ONTOLOGY_NS.rstrip("#")
LABELS = (str(DCTERMS.title), str(RDFS.label), str(SKOS.prefLabel), str(GB.symbol))
SITE_PREFIXES = {**PREFIXES, "void": str(VOID), "dcat": str(DCAT)}
# a path segment's UTF-8 bytes, at most: a file name is 255 bytes, and write_atomic adds a prefix and suffix
NAME_LIMIT = 200

# the kinds of what a text cites (gb:referenceKind), in the order pages show them; other kinds follow, sorted
KINDS = {kind: row.heading for kind, row in REFERENCE_KINDS.items()}
# what a page lists as cited: the kinds that are nodes of the citation network (documents and instruments)
NODE_KINDS = tuple(k for k, row in REFERENCE_KINDS.items() if row.network in (Network.DOCUMENT, Network.INSTRUMENT))
VOTES = ((GB.votedInFavour, GB.votesInFavour, "yes", "In favour"), (GB.votedAgainst, GB.votesAgainst, "no", "Against"),
         (GB.abstained, GB.abstentions, "abstain", "Abstaining"))
# shown in their own sections of a resolution's page, not in its table of facts
OWN_SECTIONS = {str(p) for p in (DCTERMS.hasPart, ELI.cites, GB.diagnostic, GB.sponsoredBy, GB.votedInFavour,
                                 GB.votedAgainst, GB.abstained, GB.votesInFavour, GB.votesAgainst, GB.abstentions,
                                 GB.hasFootnote, DCTERMS.title, GB.symbol, DCTERMS.identifier)}


def negotiate(accept: str) -> str:
    accept = accept.lower()
    return next((suffix for media, suffix in NEGOTIATION if media in accept), DEFAULT_SUFFIX)


@dataclass
class SiteResult:
    pages: int
    triples: int
    warnings: list[str] = field(default_factory=list)


def outside_base(graphs: Iterable[tuple[str, list[Triple]]], base: str) -> list[str]:
    """The graphs (resolutions) whose name is not under base: built with another --base-iri."""
    return sorted(name for name, _ in graphs if not name.startswith(base))


# ------------------------------------------------------------------ markup

class Html(str):
    """Markup that is already safe: `tag` puts it in as it is, and escapes every other string."""


def esc(text) -> str:
    return html.escape(str(text), quote=True)


def tag(name: str, *children, **attrs) -> Html:
    """<name attrs>children</name>; attribute names: class_ -> class, data_x -> data-x; None/False drop one."""
    a = "".join(f" {k.rstrip('_').replace('_', '-')}=\"{esc(v)}\"" for k, v in attrs.items()
                if v is not None and v is not False)
    return Html(f"<{name}{a}>{join(children)}</{name}>")


def join(children) -> Html:
    out: list[str] = []
    for c in children:
        if c is None:
            continue
        if isinstance(c, (list, tuple)):
            out.append(join(c))
        else:
            out.append(c if isinstance(c, Html) else esc(c))
    return Html("".join(out))


# ------------------------------------------------------------------- clauses

# the ids' stems as a person cites them; uop/up are the unnumbered paragraphs of the operative part and
# of an annex (segment.py, akn.py)
CLAUSE_WORDS = {"pp": "preambular paragraph", "op": "paragraph", "p": "paragraph", "uop": "unnumbered paragraph",
                "up": "unnumbered paragraph", "fn": "footnote", "annex": "annex"}
ORDINALS = ("second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")


def clause_label(clause_id: str) -> str:
    """How a person says a clause id: op10 -> paragraph 10, pp3 -> preambular paragraph 3,
    op2.a -> paragraph 2 (a), fn1 -> footnote 1, II.op3 -> part II, paragraph 3, annex1.p4 -> annex 1, paragraph 4,
    A.uop1 -> part A, unnumbered paragraph 1; op5~2 (a number printed twice) -> second paragraph 5."""
    parts = []
    for seg in clause_id.split("."):
        seg, _, again = seg.partition("~")
        m = re.fullmatch(r"(pp|op|uop|up|p|fn|annex)(\d+)", seg)
        if m:
            parts.append(f"{CLAUSE_WORDS[m.group(1)]} {m.group(2)}")
        elif parts and re.fullmatch(r"[a-z]{1,3}|[ivxlc]+|\d+", seg):
            parts[-1] += f" ({seg})"
        else:
            parts.append(f"part {seg}" if re.fullmatch(r"[IVXLC]+|[A-Z]\d*", seg) else seg)
        if again.isdigit() and parts:
            k = int(again)
            parts[-1] = f"{ORDINALS[k - 2]} {parts[-1]}" if 2 <= k <= len(ORDINALS) + 1 else f"{parts[-1]} ({k})"
    return ", ".join(parts) or clause_id


def clause_number(clause_id: str) -> str:
    """What the clause's margin shows: 10, (a) under 2 as 2 (a); preambular paragraphs are unnumbered in print."""
    last = clause_id.rsplit(".", 1)
    m = re.fullmatch(r"(?:op|p)(\d+)", clause_id.split(".")[-1])
    if m:
        return m.group(1) + "."
    if len(last) == 2 and re.fullmatch(r"[a-z]{1,3}|[ivxlc]+", last[1]):
        return f"({last[1]})"
    m = re.fullmatch(r"fn(\d+)", clause_id)
    return m.group(1) if m else ""


def natural(text: str) -> tuple:
    return tuple((0, int(t), "") if t.isdigit() else (1, 0, t.casefold()) for t in re.findall(r"\d+|\D+", text))


# ------------------------------------------------------------------- the site

class Site:
    """The graph in an in-memory store, and the paths and links of the site for one base IRI."""

    def __init__(self, graphs: list[tuple[str, list[Triple]]], folder: Path, base: str) -> None:
        if not base.startswith(("http://", "https://")) or not base.endswith("/"):
            raise InputError(base, "the base IRI must be an http(s) IRI ending with /")
        self.graphs, self.folder, self.base = graphs, folder, base
        self.warnings: set[str] = set()
        self.store = Store()
        self.store.extend(Quad(t.subject, t.predicate, t.object) for _, ts in graphs for t in ts)
        self.data_triples = len(self.store)
        self.store.extend(Quad(t.subject, t.predicate, t.object) for t in verb_scheme_triples() + self.void_triples())
        self.store.bulk_load(path=str(ontology_file("graph-builder.ttl")), format=RdfFormat.TURTLE)
        self.diagnostics = {term_value(q.subject) for q in self.store.quads_for_pattern(
            None, NamedNode(str(RDF.type)), NamedNode(str(GB.Diagnostic)))}
        self.pages = self.resources()
        self.known = set(self.pages) | {base, base + "index", ONTOLOGY_IRI, base + "ontology"}

    # ------------------------------------------------------------ lookups

    def objects(self, s: str, p) -> list:
        return sorted((q.object for q in self.store.quads_for_pattern(NamedNode(s), NamedNode(str(p)), None)),
                      key=str)

    def subjects(self, p, o) -> list[str]:
        obj = NamedNode(o) if isinstance(o, str) else o
        return sorted({q.subject.value for q in self.store.quads_for_pattern(None, NamedNode(str(p)), obj)
                       if isinstance(q.subject, NamedNode)})

    def value(self, s: str, p):
        found = self.objects(s, p)
        return found[0] if found else None

    def text(self, s: str, p) -> str:
        v = self.value(s, p)
        return v.value if v is not None else ""

    def types(self, s: str) -> set[str]:
        return {o.value for o in self.objects(s, RDF.type)}

    def label(self, iri: str) -> str:
        for p in LABELS:
            v = self.value(iri, p)
            if v is not None:
                return v.value
        if "#" in iri and iri.split("#", 1)[0] in self.pages:  # a clause: its resolution's symbol and number
            doc, frag = iri.split("#", 1)
            return f"{self.symbol(doc)}, {clause_label(frag)}"
        if iri.startswith(self.base + "doc/"):  # a document the graph names only: its IRI's path is its symbol
            return unquote(iri[len(self.base + "doc/"):])
        return unquote(iri.rstrip("/").rsplit("/", 1)[-1])

    def symbol(self, iri: str) -> str:
        return self.text(iri, GB.symbol) or self.label(iri)

    def resources(self) -> dict[str, list[str]]:
        """Each page's IRI (fragment dropped) with the subjects it describes, for IRIs under the base."""
        pages: dict[str, set[str]] = defaultdict(set)
        for q in self.store.quads_for_pattern(None, None, None):
            s = q.subject
            if isinstance(s, NamedNode) and s.value.startswith(self.base) and s.value not in self.diagnostics:
                pages[s.value.split("#", 1)[0]].add(s.value)
        out = {}
        for k, v in sorted(pages.items()):
            if self.file_stem(k) is None:
                self.warnings.add(f"{k[:120]}{'…' if len(k) > 120 else ''}: not a safe or short enough "
                                  "file name, not published")
            else:
                out[k] = sorted(v)
        return out

    # ------------------------------------------------------------- paths

    def file_stem(self, iri: str) -> Path | None:
        """SITE/<path of the IRI>; an IRI ending with / is its folder's index.  None: not a safe path."""
        path = unquote(urlsplit(iri).path)
        parts = [p for p in path.split("/") if p]
        if (any(p in (".", "..") or len(p.encode("utf-8")) > NAME_LIMIT for p in parts)
                or "\\" in path or "\0" in path):
            return None
        return self.folder.joinpath(*parts, "index") if path.endswith("/") else self.folder.joinpath(*parts)

    def page_file(self, iri: str) -> str:
        """The page's file, relative to the site folder, with its .html."""
        path = unquote(urlsplit(iri).path)
        return path.lstrip("/") + ("index.html" if path.endswith("/") else ".html")

    def href(self, target: str, page: str) -> str:
        """A link from page to target: relative with .html under the base (so the site works from file://
        and any host), absolute for other http(s) IRIs; "" for what must not be a link."""
        if target.startswith(self.base):
            iri, _, fragment = target.partition("#")
            if iri == self.base + "index":
                iri = self.base
            if iri not in self.known:
                return ""
            if iri == page:
                return "#" + fragment if fragment else posixpath.basename(self.page_file(page))
            here = posixpath.dirname(self.page_file(page))
            rel = posixpath.relpath(self.page_file(iri), here or ".")
            return rel + ("#" + fragment if fragment else "")
        if re.match(r"https?://", target, re.I):
            return target
        self.warnings.add(f"{target[:120]}: not an http(s) IRI, shown as text, not linked")
        return ""

    def link(self, iri: str, page: str, text: str | None = None, **attrs) -> Html:
        shown = text if text is not None else (self.label(iri) if iri.startswith(self.base) else curie(NamedNode(iri)))
        href = self.href(iri, page)
        return tag("a", shown, href=href, **attrs) if href else tag("span", shown, **attrs)

    # -------------------------------------------------------------- VoID

    def void_triples(self) -> list[Triple]:
        n, b = NamedNode, self.base
        ds, dist = n(b + "dataset"), n(b + "dataset#nquads")
        t = lambda s, p, o: Triple(s, n(str(p)), o)  # noqa: E731
        out = [t(ds, RDF.type, n(str(VOID.Dataset))), t(ds, RDF.type, n(str(DCAT.Dataset))),
               t(ds, DCTERMS.title, Literal("United Nations resolutions and what they cite", language="en")),
               t(ds, DCTERMS.description, Literal("The clauses of United Nations resolutions, what each cites (resolutions, "
                                                  "documents, treaties and their articles, bodies, offices), the verbs "
                                                  "that open them and whom they address.", language="en")),
               t(ds, DCTERMS.license, n(LICENSE)), t(ds, DCTERMS.rights, Literal(SOURCE_NOTE, language="en")),
               t(ds, DCTERMS.source, n("https://undocs.org/")),
               t(ds, VOID.triples, Literal(str(self.data_triples), datatype=n(str(XSD.integer)))),
               t(ds, VOID.uriSpace, Literal(b)), t(ds, VOID.dataDump, n(b + "dataset.nq.gz")),
               t(ds, DCAT.distribution, dist), t(dist, RDF.type, n(str(DCAT.Distribution))),
               t(dist, DCAT.downloadURL, n(b + "dataset.nq.gz")), t(dist, DCTERMS.license, n(LICENSE)),
               t(dist, DCAT.mediaType, n("https://www.iana.org/assignments/media-types/application/n-quads")),
               t(dist, DCAT.compressFormat, n("https://www.iana.org/assignments/media-types/application/gzip"))]
        out += [t(ds, VOID.vocabulary, n(v)) for v in (ONTOLOGY_NS, VERBS_NS, str(ELI._NS), str(CITO._NS),
                                                       str(NIF._NS), str(DCTERMS))]
        out += [t(ds, VOID.exampleResource, n(g)) for g, _ in self.graphs[:3]]
        return out

    # ------------------------------------------------------------ citations

    def citation(self, c: str) -> dict:
        """A citation as a record: its citing unit, the unit's resolution, cited entity, kind, surface, span, verb."""
        unit = self.value(c, CITO.hasCitingEntity)
        cited = self.value(c, CITO.hasCitedEntity)
        unit_iri = unit.value if isinstance(unit, NamedNode) else ""
        verb_unit = unit_iri
        anchor = self.value(unit_iri, GB.anchor) if unit_iri else None
        if anchor is not None and self.value(unit_iri, GB.verb) is None:
            verb_unit = anchor.value  # a footnote takes the verb of the clause its marker sits in
        verb = self.value(verb_unit, GB.verb) if verb_unit else None
        begin, end = self.value(c, NIF.beginIndex), self.value(c, NIF.endIndex)
        return {"iri": c, "unit": unit_iri, "doc": unit_iri.split("#", 1)[0] if unit_iri else c.split("#", 1)[0],
                "cited": cited.value if isinstance(cited, NamedNode) else "",
                "kind": self.text(c, GB.referenceKind) or "other", "surface": self.text(c, GB.surfaceText),
                "begin": int(begin.value) if begin is not None else None,
                "end": int(end.value) if end is not None else None,
                "verb": verb.value if isinstance(verb, NamedNode) else "",
                "verb_label": self.label(verb.value) if isinstance(verb, NamedNode) else ""}

    def citations_from(self, unit: str) -> list[dict]:
        return sorted((self.citation(c) for c in self.subjects(CITO.hasCitingEntity, unit)),
                      key=lambda r: (r["begin"] if r["begin"] is not None else -1, r["iri"]))

    def citations_of(self, targets: Iterable[str]) -> list[dict]:
        found = {c for t in targets for c in self.subjects(CITO.hasCitedEntity, t)}
        return sorted((self.citation(c) for c in found), key=lambda r: (natural(self.symbol(r["doc"])), natural(r["iri"])))

    def units(self, doc: str) -> list[str]:
        def order(u: str) -> tuple:
            position, begin = self.value(u, GB.position), self.value(u, NIF.beginIndex)
            footnote = str(GB.Footnote) in self.types(u)
            return (footnote, int(position.value) if position is not None else 1 << 30,
                    int(begin.value) if begin is not None else 0, u)
        return sorted((o.value for o in self.objects(doc, DCTERMS.hasPart) if isinstance(o, NamedNode)), key=order)


def kind_order(kind: str) -> tuple:
    keys = list(KINDS)
    return (keys.index(kind), "") if kind in keys else (len(keys), kind)


def kind_heading(kind: str) -> str:
    return KINDS.get(kind, kind.replace("-", " ").capitalize())


# -------------------------------------------------------------- page parts

def shell(site: Site, page: str, title: str, body: list, alternate: str = "") -> str:
    """The page template filled: title, links to the page's data, the body, the source note."""
    here = posixpath.dirname(site.page_file(page)) or "."
    root = posixpath.dirname(site.page_file(site.base)) or "."
    home = posixpath.relpath(root, here) + "/"
    home = "" if home == "./" else home
    links = (f"<link rel=\"alternate\" type=\"text/turtle\" href=\"{esc(alternate)}.ttl\">\n"
             f"<link rel=\"alternate\" type=\"application/ld+json\" href=\"{esc(alternate)}.jsonld\">\n"
             if alternate else "")
    return fill(asset("site.html"), {"@TITLE@": esc(title), "@ALTERNATE@": links, "@CSS@": asset("site.css"),
                                     "@HOME@": esc(home), "@BODY@": join(body), "@SOURCE@": esc(SOURCE_NOTE),
                                     "@LICENSE@": esc(LICENSE)})


def formats(name: str, page: str) -> Html:
    return tag("p", tag("a", "Turtle", href=name + ".ttl"), tag("a", "JSON-LD", href=name + ".jsonld"),
               tag("span", page), class_="formats")


def facts(rows: Sequence[tuple[str, object]]) -> Html:
    return tag("dl", [[tag("dt", k), tag("dd", v)] for k, v in rows if v], class_="facts")


def term(site: Site, t, page: str) -> Html:
    if isinstance(t, NamedNode):
        return site.link(t.value, page)
    if isinstance(t, Literal):
        return Html(esc(t.value))
    return Html(esc(str(t)))


# names people read for the common terms that the ontology does not label itself
PREDICATE_NAMES = {str(DCTERMS.date): "date", str(RDFS.label): "name", str(SKOS.altLabel): "also called",
                   str(SKOS.prefLabel): "name", str(DCTERMS.title): "title", str(FOAF.page): "public record",
                   str(RDF.type): "kind", str(DCTERMS.isPartOf): "part of", str(RDFS.comment): "comment",
                   str(DCTERMS.description): "description", str(DCTERMS.license): "licence",
                   str(DCTERMS.rights): "rights", str(DCTERMS.source): "source",
                   str(SKOS.inScheme): "in scheme", str(SKOS.hiddenLabel): "printed as"}


def predicate_label(site: Site, p: str) -> str:
    label = site.value(p, RDFS.label)
    return label.value if label is not None else PREDICATE_NAMES.get(p, curie(NamedNode(p)))


def property_rows(site: Site, subject: str, page: str, skip: set[str]) -> list[tuple[str, Html]]:
    grouped: dict[str, list] = defaultdict(list)
    for q in site.store.quads_for_pattern(NamedNode(subject), None, None):
        if q.predicate.value not in skip and not (isinstance(q.object, NamedNode) and q.object.value in site.diagnostics):
            grouped[q.predicate.value].append(q.object)
    rows = []
    for p in sorted(grouped, key=lambda p: (predicate_label(site, p).casefold(), p)):
        values = sorted(grouped[p], key=lambda o: (site.label(o.value) if isinstance(o, NamedNode) else str(o)))
        shown = join([[", " if i else "", term(site, v, page)] for i, v in enumerate(values)])
        rows.append((predicate_label(site, p), shown))
    return rows


def highlighted(site: Site, text: str, begin: int | None, cites: list[dict], page: str) -> Html:
    """The clause's text with each citation's surface marked and linked to what it cites.

    A citation's span is in the input's characters; the clause's own span says where its text starts.
    A span that does not land on its surface (the text's line breaks were joined) falls back to the
    occurrence of the surface's words, with any spaces between, nearest to the span and after the previous
    mark; a citation overlapping one already marked stays in the lists only."""
    marks = []
    pos = 0
    for c in sorted(cites, key=lambda r: (r["begin"] if r["begin"] is not None else 1 << 60, r["iri"])):
        s = c["surface"]
        if not s:
            continue
        rel = c["begin"] - begin if begin is not None and c["begin"] is not None else None
        if rel is not None and 0 <= rel and text[rel:rel + len(s)] == s and rel >= pos:
            at, stop = rel, rel + len(s)
        else:
            # the clause's text has its line breaks joined, "Secretary-\nGeneral" rejoined: the surface's words,
            # any spaces or none between them
            words = s.split()
            if not words:
                continue
            found = [m.span() for m in re.finditer(r"\s*".join(map(re.escape, words)), text[pos:])]
            if not found:
                continue
            near = min(found, key=lambda span: abs(span[0] + pos - rel) if rel is not None else span[0])
            at, stop = near[0] + pos, near[1] + pos
        marks.append((at, stop, c))
        pos = stop
    out, last = [], 0
    for a, b, c in marks:
        out.append(text[last:a])
        inner = site.link(c["cited"], page, text[a:b]) if c["cited"] else text[a:b]
        out.append(tag("mark", inner, class_=f"cite kind-{c['kind']}", title=f"{c['kind']}: {site.label(c['cited'])}"
                       if c["cited"] else c["kind"]))
        last = b
    out.append(text[last:])
    return join(out)


def clause_block(site: Site, unit: str, page: str) -> Html:
    frag = unit.partition("#")[2]
    text = site.text(unit, GB.text)
    begin = site.value(unit, NIF.beginIndex)
    cites = site.citations_from(unit)
    phrase = site.text(unit, GB.verbPhrase)
    body = highlighted(site, text, int(begin.value) if begin is not None else None, cites, page)
    if phrase and text.startswith(phrase):  # the opening verb in italics, as the UN prints it
        body = Html(tag("span", phrase, class_="verb") + body[len(esc(phrase)):]) if body.startswith(esc(phrase)) else body
    number = clause_number(frag)
    return tag("div", tag("span", tag("a", number or "·", href="#" + frag, title=clause_label(frag)), class_="num"),
               tag("p", body), class_="clause", id=frag)


def cites_table(site: Site, units: list[str], page: str) -> list:
    """What the resolution cites, grouped by kind: each cited thing once, with the verbs and clauses citing it."""
    by_kind: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for u in units:
        for c in site.citations_from(u):
            if c["cited"]:
                by_kind[c["kind"]][c["cited"]].append(c)
    out = []
    for kind in sorted(by_kind, key=kind_order):
        rows = []
        for cited, cs in sorted(by_kind[kind].items(), key=lambda kv: (natural(site.label(kv[0])), kv[0])):
            verbs = sorted({c["verb_label"] for c in cs if c["verb_label"]})
            where = list(dict.fromkeys(c["unit"] for c in cs))
            rows.append(tag("tr", tag("td", site.link(cited, page)), tag("td", ", ".join(verbs)),
                            tag("td", where_links(site, where, page), class_="where")))
        out.append(tag("h3", f"{kind_heading(kind)} ({len(rows)})"))
        out.append(tag("table", tag("colgroup", tag("col", class_="what"), tag("col", class_="verbs"),
                                    tag("col", class_="in")),
                       tag("tr", tag("th", "cited"), tag("th", "verbs"), tag("th", "where")), rows, class_="cites"))
    return out


def where_links(site: Site, units: list[str], page: str) -> Html:
    """Clauses of one resolution, grouped as a person writes them: preambular paragraphs 1, 2; paragraphs 3, 9 (a)."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for u in units:
        label = clause_label(u.partition("#")[2])
        m = re.match(r"(.*?)(?:preambular paragraph|paragraph|footnote) (\S.*)$", label)
        head, number = (label[:len(label) - len(m.group(2))].strip(), m.group(2)) if m else ("", label)
        groups.setdefault(head, []).append((u, number))
    parts: list[list[object]] = []
    for head, items in groups.items():
        plural = head + ("s" if len(items) > 1 and head.endswith(("paragraph", "footnote")) else "")
        parts.append([("; " if parts else ""), plural + " " if head else "",
                      [[", " if i else "", site.link(u, page, n)] for i, (u, n) in enumerate(items)]])
    return join(parts)


def cited_by(site: Site, targets: list[str], page: str, heading: str = "What cites it") -> list:
    """The clauses of other resolutions that cite targets, grouped by resolution."""
    cs = [c for c in site.citations_of(targets) if c["doc"] != page]
    if not cs:
        return []
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for c in cs:
        by_doc[c["doc"]].append(c)
    out = [tag("h2", f"{heading} ({len(by_doc)} resolution{'s' if len(by_doc) != 1 else ''})")]
    for doc, group in by_doc.items():
        title = site.text(doc, DCTERMS.title)
        items = []
        for c in group:
            unit_text = site.text(c["unit"], GB.text) if c["unit"] else ""
            what = ""
            if c["cited"] != page and c["cited"] in targets and c["cited"] != targets[0]:
                what = " — " + site.label(c["cited"]).split(", ")[-1]
            unit_begin = site.value(c["unit"], NIF.beginIndex) if c["unit"] else None
            quote = highlighted(site, unit_text, int(unit_begin.value) if unit_begin is not None else None, [c], page)
            items.append(tag("div", site.link(c["unit"], page, clause_label(c["unit"].partition("#")[2])) if c["unit"]
                             else "", f" {c['verb_label']}" if c["verb_label"] else "", f" “{c['surface']}”", what,
                             tag("blockquote", quote) if unit_text else None))
        out.append(tag("div", tag("b", site.link(doc, page, site.symbol(doc))), f" {title}" if title else "",
                       items, class_="citing"))
    return out


def neighbourhood(site: Site, page: str, cited: list[str], citing: list[str], limit: int = 10) -> Html:
    """A small picture: the resolutions citing this one on the left, what it cites on the right."""
    def box(iri: str, x: float, y: float, w: float, centre: bool = False) -> Html:
        label = site.symbol(iri) if iri.startswith(site.base + "doc/") else site.label(iri)
        label = label if len(label) <= 30 else label[:29] + "…"
        shape = join([tag("rect", x=f"{x:.0f}", y=f"{y - 13:.0f}", width=f"{w:.0f}", height="26", rx="5",
                          fill="#123a63" if centre else "#eef2f6", stroke="#8a96a3"),
                      tag("text", label, x=f"{x + 8:.0f}", y=f"{y + 5:.0f}"), tag("title", site.label(iri))])
        href = site.href(iri, page)
        return tag("a", shape, href=href) if href and not centre else tag("g", shape, class_="centre" if centre else None)

    left, right = citing[:limit], cited[:limit]
    rows = max(len(left), len(right), 1)
    height, w, cx = rows * 34 + 30, 230, 335
    cy = height / 2
    ys = lambda n: [cy + (i - (n - 1) / 2) * 34 for i in range(n)]  # noqa: E731
    parts = [tag("line", x1=f"{10 + w:.0f}", y1=f"{y:.0f}", x2=f"{cx:.0f}", y2=f"{cy:.0f}") for y in ys(len(left))]
    parts += [tag("line", x1=f"{cx + 230:.0f}", y1=f"{cy:.0f}", x2="670", y2=f"{y:.0f}") for y in ys(len(right))]
    parts += [box(i, 10, y, w) for i, y in zip(left, ys(len(left)))]
    parts += [box(i, 670, y, w) for i, y in zip(right, ys(len(right)))]
    parts.append(box(page, cx, cy, 230, centre=True))
    notes = []
    if len(citing) > limit:
        notes.append(f"{len(citing) - limit} more citing it")
    if len(cited) > limit:
        notes.append(f"{len(cited) - limit} more cited")
    parts.append(tag("text", "cited by ←", x="10", y="16", fill="#5a6570"))
    parts.append(tag("text", "→ cites", x="670", y="16", fill="#5a6570"))
    svg = tag("svg", parts, class_="neighbourhood", viewBox=f"0 0 910 {height:.0f}", role="img",
              aria_label="What cites this resolution and what it cites")
    return join([svg, tag("p", "; ".join(notes), class_="hint") if notes else None])


# ------------------------------------------------------------------- pages

def resolution_page(site: Site, page: str, name: str) -> str:
    symbol, title = site.symbol(page), site.text(page, DCTERMS.title)
    organ = site.value(page, GB.issuedBy)
    meeting = site.value(page, GB.meetingRecord)
    undocs = site.objects(page, FOAF.page)
    date = site.text(page, DCTERMS.date)
    body = [tag("p", tag("b", symbol), f" · adopted {date}" if date else "",
                [" · by ", term(site, organ, page)] if organ is not None else "", class_="kicker"),
            tag("h1", title or symbol), formats(name, page)]
    rows = [("Symbol", symbol), ("Adopted", date), ("Organ", term(site, organ, page) if organ is not None else ""),
            ("Session", site.text(page, GB.session)), ("Agenda item", site.text(page, GB.agendaItem)),
            ("Meeting", join([term(site, meeting, page) if meeting is not None else "",
                              f" ({site.text(page, GB.adoptionMeeting)})" if site.text(page, GB.adoptionMeeting) else ""])),
            ("Adoption", site.text(page, GB.adoptionType)),
            ("Draft", site.text(page, GB.originatingDocument)),
            ("Goals", ", ".join(sorted((o.value for o in site.objects(page, GB.sdg)), key=natural))),
            ("Subjects", join([[", " if i else "", term(site, s, page)]
                               for i, s in enumerate(site.objects(page, DCTERMS.subject))])),
            ("Official text", join([[", " if i else "", term(site, u, page)] for i, u in enumerate(undocs)]))]
    body.append(facts(rows))
    body += vote_section(site, page)
    sponsors = sorted(site.objects(page, GB.sponsoredBy), key=lambda s: site.label(s.value))
    if sponsors:
        body.append(tag("details", tag("summary", f"Sponsors ({len(sponsors)})"),
                        tag("p", [[", " if i else "", term(site, s, page)] for i, s in enumerate(sponsors)])))
    units = site.units(page)
    cited = list(dict.fromkeys(c["cited"] for u in units for c in site.citations_from(u) if c["cited"]
                               and c["kind"] in NODE_KINDS))
    citing = list(dict.fromkeys(c["doc"] for c in site.citations_of([page] + [s for s in site.pages.get(page, [])])
                                if c["doc"] != page))
    if units:
        clauses = [u for u in units if str(GB.Footnote) not in site.types(u)]
        notes = [u for u in units if str(GB.Footnote) in site.types(u)]
        body.append(tag("h2", "Text"))
        body.append(tag("p", "Each citation is marked and links to what it cites; its colour tells its kind "
                             "(listed below the text).", class_="hint"))
        body += [clause_block(site, u, page) for u in clauses]
        if notes:
            body.append(tag("div", tag("h3", "Footnotes"), [clause_block(site, u, page) for u in notes],
                            class_="footnotes"))
        body.append(tag("h2", "What it cites, by kind"))
        body += cites_table(site, units, page) or [tag("p", "Nothing found.", class_="hint")]
    body += cited_by(site, [page] + [s for s in site.pages.get(page, []) if s != page], page)
    if cited or citing:
        body += [tag("h2", "Neighbourhood"), neighbourhood(site, page, cited, citing)]
    return shell(site, page, f"{symbol}: {title}" if title else symbol, body, alternate=name)


def vote_section(site: Site, page: str) -> list:
    counts, lists = [], []
    for who, count_p, css, heading in VOTES:
        members = sorted(site.objects(page, who), key=lambda s: site.label(s.value))
        n = site.value(page, count_p)
        counts.append((css, heading, int(n.value) if n is not None else len(members)))
        if members:
            lists.append(tag("details", tag("summary", f"{heading} ({len(members)})"),
                             tag("p", [[", " if i else "", term(site, m, page)] for i, m in enumerate(members)])))
    total = sum(n for _, _, n in counts)
    if not total:
        return []
    bar = tag("div", [tag("span", class_=css, style=f"width:{100 * n / total:.2f}%", title=f"{heading}: {n}")
                      for css, heading, n in counts if n], class_="bar", role="img",
              aria_label=", ".join(f"{n} {h.lower()}" for _, h, n in counts))
    legend = tag("div", [tag("span", tag("span", class_=f"key {css}"), f"{n} {h.lower()}") for css, h, n in counts],
                 class_="counts")
    return [tag("h2", "The vote"), tag("div", bar, legend, lists, class_="vote")]


def entity_page(site: Site, page: str, subjects: list[str], name: str) -> str:
    """Any other resource: what it is, what cites it (for an instrument, article by article), votes of a state."""
    title = site.label(page)
    kinds = sorted(site.label(t) for t in site.types(page))
    body = [tag("p", " · ".join(kinds), class_="kicker"), tag("h1", title), formats(name, page)]
    skip = {str(DCTERMS.hasPart), str(ELI.cites), str(RDF.type), str(GB.diagnostic)}
    if title == site.text(page, RDFS.label):
        skip.add(str(RDFS.label))
    rows = property_rows(site, page, page, skip)
    body.append(tag("dl", [[tag("dt", k), tag("dd", v)] for k, v in rows], class_="facts"))
    provisions = sorted((s for s in site.subjects(DCTERMS.isPartOf, page) if str(GB.Provision) in site.types(s)),
                        key=lambda s: natural(site.text(s, GB.number) or s))
    cited_provisions = [p for p in provisions if site.subjects(CITO.hasCitedEntity, p)]
    if cited_provisions:
        body.append(tag("h2", "Cited, article by article"))
        for p in cited_provisions:
            cs = site.citations_of([p])
            docs = list(dict.fromkeys(c["doc"] for c in cs))
            head = " ".join(x for x in (site.text(p, GB.unit), site.text(p, GB.number)) if x) or site.label(p)
            body.append(tag("h3", site.link(p, page, head.capitalize()), f" — cited by {len(docs)} resolution"
                            + ("s" if len(docs) != 1 else "")))
            body.append(tag("ul", [tag("li", site.link(d, page, site.symbol(d)), " ",
                                       [[", " if i else "", site.link(c["unit"], page, clause_label(c["unit"].partition("#")[2]))]
                                        for i, c in enumerate(x for x in cs if x["doc"] == d and x["unit"])],
                                       f" ({', '.join(sorted({c['verb_label'] for c in cs if c['doc'] == d and c['verb_label']}))})"
                                       if any(c["verb_label"] for c in cs if c["doc"] == d) else "")
                                for d in docs], class_="plain"))
    others = [s for s in subjects if s != page and s.partition("#")[2] and not site.subjects(CITO.hasCitingEntity, s)]
    for s in others:  # a paragraph of this document cited by others
        rows = property_rows(site, s, page, set())
        body.append(tag("h3", site.label(s), id=s.partition("#")[2]))
        body.append(tag("dl", [[tag("dt", k), tag("dd", v)] for k, v in rows], class_="facts"))
    body += cited_by(site, [page] + [s for s in subjects if s != page], page,
                     "Cited as a whole and in its parts" if cited_provisions else "What cites it")
    for who, _, _, heading in VOTES + ((GB.sponsoredBy, None, None, "Sponsored"),):
        docs = sorted(site.subjects(who, page), key=lambda d: natural(site.symbol(d)))
        if docs:
            body.append(tag("details", tag("summary", f"{heading if heading != 'Abstaining' else 'Abstained'}: "
                                                      f"{len(docs)} resolution{'s' if len(docs) != 1 else ''}"),
                            tag("ul", [tag("li", site.link(d, page, site.symbol(d)), " ", site.text(d, DCTERMS.title))
                                       for d in docs], class_="plain")))
    return shell(site, page, title, body, alternate=name)


def resource_page(site: Site, page: str, subjects: list[str]) -> str:
    name = posixpath.basename(site.page_file(page))[:-len(".html")]
    if site.objects(page, DCTERMS.hasPart) and str(GB.Resolution) in site.types(page):
        return resolution_page(site, page, name)
    return entity_page(site, page, subjects, name)


# ------------------------------------------------------------------ data files

def resource_triples(site: Site, subjects: list[str]) -> list[Triple]:
    """What the page's files say: its subjects' triples (diagnostics left out), and the eli:cites at them."""
    out = {Triple(q.subject, q.predicate, q.object) for s in subjects
           for q in site.store.quads_for_pattern(NamedNode(s), None, None)
           if not (isinstance(q.object, NamedNode) and q.object.value in site.diagnostics)}
    out |= {Triple(q.subject, q.predicate, q.object) for s in subjects
            for q in site.store.quads_for_pattern(None, NamedNode(str(ELI.cites)), NamedNode(s))}
    return sorted(out, key=str)


def turtle(triples: list[Triple]) -> bytes:
    return sorted_prefixes(serialized(sorted(triples, key=str), RdfFormat.TURTLE, SITE_PREFIXES))


def compact_iri(iri: str, prefixes: dict[str, str]) -> str:
    shown = curie(NamedNode(iri))
    return shown if shown != iri and shown.split(":", 1)[0] in prefixes else iri


def compact_jsonld(triples: list[Triple], prefixes: dict[str, str] = SITE_PREFIXES) -> bytes:
    """JSON-LD compacted with its context: prefixed names, one node object per subject, single values
    unwrapped, strings plain.  The context is in the document (the same prefixes as the site's context.jsonld),
    so any JSON-LD processor expands it back to the same triples without fetching anything."""
    nodes: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for t in sorted(triples, key=str):
        s = t.subject.value if isinstance(t.subject, NamedNode) else "_:" + term_value(t.subject)
        p, o = t.predicate.value, t.object
        if p == str(RDF.type) and isinstance(o, NamedNode):
            nodes[s]["@type"].append(compact_iri(o.value, prefixes))
            continue
        if isinstance(o, NamedNode):
            value: object = {"@id": compact_iri(o.value, prefixes)}
        elif isinstance(o, BlankNode):
            value = {"@id": "_:" + o.value}
        elif isinstance(o, Triple):  # a quoted triple: the builder writes none, and JSON-LD 1.1 has no form for one
            raise ValueError(f"a quoted triple as an object: {t}")
        elif o.language:
            value = {"@value": o.value, "@language": o.language}
        elif o.datatype.value == str(XSD.string):
            value = o.value
        else:
            value = {"@value": o.value, "@type": compact_iri(o.datatype.value, prefixes)}
        nodes[s][compact_iri(p, prefixes)].append(value)
    graph = []
    for s in sorted(nodes):
        node: dict[str, object] = {"@id": compact_iri(s, prefixes) if not s.startswith("_:") else s}
        for k in sorted(nodes[s]):
            vs = nodes[s][k]
            node[k] = vs[0] if len(vs) == 1 else vs
        graph.append(node)
    data = {"@context": dict(sorted(prefixes.items())), "@graph": graph}
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


# ---------------------------------------------------------------- ontology

def ontology_page(site: Site, page: str) -> str:
    g = site.store
    kinds = (("Classes", "http://www.w3.org/2002/07/owl#Class"),
             ("Object properties", "http://www.w3.org/2002/07/owl#ObjectProperty"),
             ("Data properties", "http://www.w3.org/2002/07/owl#DatatypeProperty"))
    description = site.value(ONTOLOGY_IRI, DCTERMS.description)
    body = [tag("h1", "The graph-builder ontology"),
            tag("p", description.value if description is not None else site.label(ONTOLOGY_IRI)),
            tag("p", tag("a", "Turtle", href="ontology.ttl"), tag("a", "verb scheme", href="verbs/index.html"),
                tag("a", "JSON-LD context", href="context.jsonld"), class_="formats")]
    for heading, cls in kinds:
        terms = sorted(q.subject.value for q in g.quads_for_pattern(None, NamedNode(str(RDF.type)), NamedNode(cls))
                       if isinstance(q.subject, NamedNode) and q.subject.value.startswith(ONTOLOGY_NS))
        items = []
        for t in terms:
            name = t[len(ONTOLOGY_NS):]
            comment = site.text(t, RDFS.comment)
            extra = [[label, " ", term(site, o, page)] for label, p in (
                ("subclass of", RDFS.subClassOf), ("domain", RDFS.domain), ("range", RDFS.range),
                ("inverse of", "http://www.w3.org/2002/07/owl#inverseOf")) for o in site.objects(t, p)]
            items.append(tag("dt", tag("b", f"gb:{name}"), f" — {site.label(t)}", id=name))
            items.append(tag("dd", comment, tag("br") if extra else None,
                             tag("span", [["; " if i else "", e] for i, e in enumerate(extra)], class_="hint")
                             if extra else None))
        body += [tag("h2", heading), tag("dl", items)]
    rows = []
    for c in site.subjects(SKOS.inScheme, VERBS_NS):
        forms = ", ".join(o.value for o in site.objects(c, SKOS.hiddenLabel))
        rows.append(tag("tr", tag("td", site.link(c, page, c.rsplit("/", 1)[-1])), tag("td", site.label(c)),
                        tag("td", site.text(c, GB.directive)), tag("td", forms)))
    body += [tag("h2", "Verbs"), tag("table", tag("tr", tag("th", "concept"), tag("th", "label"), tag("th", "directive"),
                                                        tag("th", "printed as")), rows, class_="cites")]
    return shell(site, page, "graph-builder ontology", body, alternate="ontology")


# ------------------------------------------------------------------- index

def index_page(site: Site) -> str:
    page = site.base
    built = sorted((s for s in site.pages if str(GB.Resolution) in site.types(s) and site.objects(s, DCTERMS.hasPart)),
                   key=lambda r: natural(site.symbol(r)))
    rows = []
    for r in built:
        cites = len({c for u in site.units(r) for c in site.subjects(CITO.hasCitingEntity, u)})
        citing = len({c["doc"] for c in site.citations_of([r]) if c["doc"] != r})
        rows.append(tag("tr", tag("td", site.link(r, page, site.symbol(r))), tag("td", site.text(r, DCTERMS.title)),
                        tag("td", site.text(r, DCTERMS.date)), tag("td", str(cites)), tag("td", str(citing) if citing else "")))
    instruments = []
    for i in site.subjects(RDF.type, GB.Instrument):
        if i in site.pages:
            targets = [i] + [p for p in site.subjects(DCTERMS.isPartOf, i)]
            n = len({c["doc"] for c in site.citations_of(targets)})
            instruments.append((n, i))
    instruments.sort(key=lambda x: (-x[0], site.label(x[1]).casefold()))
    body = [tag("h1", "United Nations resolutions and what they cite"),
            tag("p", f"{len(built)} resolutions, {site.data_triples:,} triples, {len(site.pages):,} resources. ",
                tag("a", "About the dataset", href="dataset.html"), " (VoID, DCAT) · ",
                tag("a", "N-Quads dump", href="dataset.nq.gz"), " · ", tag("a", "ontology", href="ontology.html"),
                " · ", tag("a", "JSON-LD context", href="context.jsonld")),
            tag("h2", "Resolutions"),
            tag("table", tag("colgroup", [tag("col", class_=c) for c in ("sym", "title", "date", "n", "n")]),
                tag("tr", tag("th", "symbol"), tag("th", "title"), tag("th", "adopted"),
                             tag("th", "citations"), tag("th", "cited by")), rows, class_="cites")]
    if instruments:
        body += [tag("h2", "Instruments, by how many resolutions cite them"),
                 tag("table", tag("colgroup", tag("col", class_="inst"), tag("col", class_="n")),
                     tag("tr", tag("th", "instrument"), tag("th", "resolutions")),
                     [tag("tr", tag("td", site.link(i, page)), tag("td", str(n))) for n, i in instruments],
                     class_="cites")]
    return shell(site, page, "United Nations resolutions and what they cite", body)


def nginx_conf(site: Site) -> str:
    host = urlsplit(site.base).hostname or "_"
    rules = "\n".join(f"    \"~*{media.replace('+', '[+]')}\" {suffix};" for media, suffix in NEGOTIATION)
    types = "\n".join(f"        {media.split(';')[0]} {suffix[1:]};" for suffix, media in MEDIA_TYPES.items())
    return fill(asset("nginx.conf"), {"@DEFAULT_SUFFIX@": DEFAULT_SUFFIX, "@RULES@": rules, "@HOST@": host,
                                      "@ROOT@": str(site.folder.resolve()), "@TYPES@": types})


def publish_site(graphs: Iterable[tuple[str, list[Triple]]], folder: str | Path, base: str) -> SiteResult:
    """Write the site for graphs (name, triples) into folder; returns how many pages and data triples,
    and the warnings: IRIs not linked (not http(s)) and resources not published (no safe file name)."""
    graphs = sorted(graphs, key=lambda g: g[0])
    site = Site(graphs, Path(folder), base)
    root = site.file_stem(base)
    assert root is not None
    for iri, subjects in site.pages.items():
        if iri in (ONTOLOGY_IRI, base):
            continue
        stem = site.file_stem(iri)
        assert stem is not None  # Site.resources keeps only the IRIs that have a file
        triples = resource_triples(site, subjects)
        write_atomic(stem.with_name(stem.name + ".html"), resource_page(site, iri, subjects).encode("utf-8"), False)
        write_atomic(stem.with_name(stem.name + ".ttl"), turtle(triples), False)
        write_atomic(stem.with_name(stem.name + ".jsonld"), compact_jsonld(triples), False)
    ontology = root.parent / "ontology"
    write_atomic(ontology.with_suffix(".html"), ontology_page(site, base + "ontology").encode("utf-8"))
    ontology_ttl = ontology_file("graph-builder.ttl").read_bytes()
    write_atomic(ontology.with_suffix(".ttl"), ontology_ttl)
    write_atomic(ontology.with_suffix(".jsonld"), compact_jsonld([q.triple for q in parse(ontology_ttl,
                                                                                       format=RdfFormat.TURTLE)]))
    write_atomic(root.with_suffix(".html"), index_page(site).encode("utf-8"))
    write_atomic(root.parent / "context.jsonld", (json.dumps(jsonld_context(), indent=1) + "\n").encode("utf-8"))
    write_atomic(root.parent / "dataset.nq.gz", gzip.compress(dataset_bytes(graphs, "nq"), mtime=0))
    write_atomic(Path(folder) / "nginx.conf", nginx_conf(site).encode("utf-8"))
    return SiteResult(pages=len(site.pages), triples=site.data_triples, warnings=sorted(site.warnings))


# ------------------------------------------------------------------ preview

def preview_handler(folder: str | Path):
    """A request handler with nginx.conf's rules: PATH+suffix (from Accept), PATH/index+suffix, PATH itself."""
    root = Path(folder).resolve()

    class Negotiating(http.server.BaseHTTPRequestHandler):
        server_version = "graph-builder-preview"

        def find(self) -> tuple[Path, str] | None:
            path = unquote(urlsplit(self.path).path)
            parts = [p for p in path.split("/") if p]
            if any(p in (".", "..") or "\\" in p or "\0" in p for p in parts):
                return None
            suffix = negotiate(self.headers.get("Accept", ""))
            base = root.joinpath(*parts)
            for candidate, media in ((Path(str(base) + suffix), MEDIA_TYPES[suffix]),
                                     (base / f"index{suffix}", MEDIA_TYPES[suffix]), (base, None)):
                if candidate.is_file() and root in candidate.resolve().parents:
                    return candidate, media or MEDIA_TYPES.get(candidate.suffix, "application/octet-stream")
            return None

        def answer(self, body: bool) -> None:
            found = self.find()
            if found is None:
                self.send_error(404)
                return
            data = found[0].read_bytes()
            self.send_response(200)
            self.send_header("Content-Type", found[1])
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Vary", "Accept")
            self.end_headers()
            if body:
                self.wfile.write(data)

        def do_GET(self):
            self.answer(True)

        def do_HEAD(self):
            self.answer(False)

        def log_message(self, *args):
            pass

    return Negotiating


def preview_server(folder: str | Path, port: int = 0, host: str = "127.0.0.1") -> http.server.ThreadingHTTPServer:
    """A local HTTP server for the site folder with content negotiation; the caller runs serve_forever()."""
    return http.server.ThreadingHTTPServer((host, port), preview_handler(folder))
