"""A static linked-data site: for each resource IRI under the base, an HTML page
and its Turtle and JSON-LD, plus an index, the ontology's documentation, a
VoID/DCAT description of the dataset, its N-Quads dump and an nginx
configuration that answers one IRI with HTML or Turtle as the Accept header asks.

The site folder mirrors the IRIs' paths: https://example.org/unres/doc/A/RES/57/209
is SITE/unres/doc/A/RES/57/209.html (and .ttl, .jsonld), so nginx serves SITE as
the host's document root.  Clauses, footnotes and citations are fragments
(209#op3) of their resolution's page.  Every output is deterministic: the same
graph gives byte-identical files.
"""
from __future__ import annotations

import gzip
import html
import json
import posixpath
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, Store, Triple, parse, serialize
from rdflib.namespace import DCAT, VOID

from .errors import InputError
from .export import dataset_bytes, jsonld_bytes, jsonld_context, sorted_prefixes, write_atomic
from .ontology import verb_scheme_triples
from .query import short
from .validate import ontology_file
from .vocab import CITO, DCTERMS, ELI, GB, NIF, ONTOLOGY_NS, PREFIXES, RDF, RDFS, SKOS, VERBS_NS, XSD

# Accept header -> file suffix, first match wins (nginx's map and the test server use these same rules)
NEGOTIATION = (("text/turtle", ".ttl"), ("application/ld+json", ".jsonld"))
DEFAULT_SUFFIX = ".html"
MEDIA_TYPES = {".html": "text/html; charset=utf-8", ".ttl": "text/turtle", ".jsonld": "application/ld+json"}
SOURCE_NOTE = ("Source: the United Nations. The graph is made by graph-builder from unofficial copies of United "
               "Nations resolutions; it is not an official United Nations publication.")
LICENSE = "https://opensource.org/license/mit"
ONTOLOGY_IRI = ONTOLOGY_NS.rstrip("#")
LABELS = (str(DCTERMS.title), str(RDFS.label), str(SKOS.prefLabel), str(GB.symbol))
SITE_PREFIXES = {**PREFIXES, "void": str(VOID), "dcat": str(DCAT)}


def negotiate(accept: str) -> str:
    accept = accept.lower()
    return next((suffix for media, suffix in NEGOTIATION if media in accept), DEFAULT_SUFFIX)


@dataclass
class SiteResult:
    pages: int
    triples: int


class Site:
    """The graph in an in-memory store, and the paths and links of the site for one base IRI."""

    def __init__(self, graphs: list[tuple[str, list[Triple]]], folder: Path, base: str) -> None:
        if not base.startswith(("http://", "https://")) or not base.endswith("/"):
            raise InputError(base, "the base IRI must be an http(s) IRI ending with /")
        self.graphs, self.folder, self.base = graphs, folder, base
        self.base_path = urlsplit(base).path
        self.store = Store()
        self.store.extend(Quad(t.subject, t.predicate, t.object) for _, ts in graphs for t in ts)
        self.data_triples = len(self.store)
        self.store.extend(Quad(t.subject, t.predicate, t.object) for t in verb_scheme_triples() + self.void_triples())
        self.store.bulk_load(path=str(ontology_file("graph-builder.ttl")), format=RdfFormat.TURTLE)

    # ------------------------------------------------------------ lookups

    def objects(self, s: str, p: str) -> list:
        return sorted((q.object for q in self.store.quads_for_pattern(NamedNode(s), NamedNode(p), None)), key=str)

    def value(self, s: str, p: str):
        found = self.objects(s, p)
        return found[0] if found else None

    def label(self, iri: str) -> str:
        for p in LABELS:
            v = self.value(iri, p)
            if v is not None:
                return v.value
        return unquote(iri.rstrip("/").rsplit("/", 1)[-1].replace("#", " "))

    def resources(self) -> dict[str, list[str]]:
        """Each page's IRI (fragment dropped) with the subjects it describes, for IRIs under the base."""
        pages: dict[str, set[str]] = defaultdict(set)
        for q in self.store.quads_for_pattern(None, None, None):
            s = q.subject
            if isinstance(s, NamedNode) and s.value.startswith(self.base):
                pages[s.value.split("#", 1)[0]].add(s.value)
        return {k: sorted(v) for k, v in sorted(pages.items()) if self.file_stem(k) is not None}

    # ------------------------------------------------------------- paths

    def file_stem(self, iri: str) -> Path | None:
        """SITE/<path of the IRI>; an IRI ending with / is its folder's index.  None: not a safe path."""
        path = unquote(urlsplit(iri).path)
        parts = [p for p in path.split("/") if p]
        if any(p in (".", "..") for p in parts) or "\\" in path or "\0" in path:
            return None
        return self.folder.joinpath(*parts, "index") if path.endswith("/") else self.folder.joinpath(*parts)

    def href(self, target: str, page: str) -> str:
        """A link from page to target: relative under the base (so the site works on any host), else absolute."""
        if not target.startswith(self.base):
            return target
        iri, _, fragment = target.partition("#")
        if iri == page:
            return "#" + fragment if fragment else posixpath.basename(urlsplit(page).path) or "./"
        here, there = urlsplit(page).path, urlsplit(iri).path
        rel = posixpath.relpath(there, posixpath.dirname(here) or "/")
        rel = rel + "/" if there.endswith("/") and rel != "." else ("./" if rel == "." else rel)
        return rel + ("#" + fragment if fragment else "")

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


# ------------------------------------------------------------------ pages

def esc(text) -> str:
    return html.escape(str(text), quote=True)


def page_html(title: str, body: list[str], alternate: str = "", home: str = "") -> str:
    """A page; alternate: the relative name of its .ttl and .jsonld; home: the relative link to the base."""
    links = (f"<link rel=\"alternate\" type=\"text/turtle\" href=\"{esc(alternate)}.ttl\">\n"
             f"<link rel=\"alternate\" type=\"application/ld+json\" href=\"{esc(alternate)}.jsonld\">\n") if alternate else ""
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{esc(title)}</title>\n{links}"
            "<style>body{font-family:sans-serif;max-width:60em;margin:auto;padding:1em;line-height:1.4}"
            "td,th{vertical-align:top;text-align:left;padding:.2em .5em}.clause{margin:1em 0}"
            ".meta{color:#555;font-size:90%}</style>\n</head>\n<body>\n"
            f"<p class=\"meta\"><a href=\"{esc(home)}index\">index</a> · <a href=\"{esc(home)}ontology\">ontology</a>"
            f" · <a href=\"{esc(home)}dataset\">dataset</a></p>\n<h1>{esc(title)}</h1>\n"
            + "\n".join(body) + f"\n<hr>\n<p class=\"meta\">{esc(SOURCE_NOTE)} Graph licence: "
            f"<a href=\"{LICENSE}\">MIT</a>.</p>\n</body>\n</html>\n")


def term_html(site: Site, term, page: str) -> str:
    if isinstance(term, NamedNode):
        shown = short(term) if not term.value.startswith(site.base) else site.label(term.value)
        return f"<a href=\"{esc(site.href(term.value, page))}\">{esc(shown)}</a>"
    if isinstance(term, Literal):
        return esc(term.value)
    return esc(str(term))


def properties_html(site: Site, subject: str, page: str, skip: set[str]) -> str:
    rows = [f"<tr><th>{esc(short(q.predicate))}</th><td>{term_html(site, q.object, page)}</td></tr>"
            for q in sorted(site.store.quads_for_pattern(NamedNode(subject), None, None), key=str)
            if q.predicate.value not in skip]
    return "<table>\n" + "\n".join(rows) + "\n</table>" if rows else ""


def citing_html(site: Site, citation: str, page: str) -> str:
    cited = site.value(citation, str(CITO.hasCitedEntity))
    surface = site.value(citation, str(GB.surfaceText))
    begin, end = site.value(citation, str(NIF.beginIndex)), site.value(citation, str(NIF.endIndex))
    kind = site.value(citation, str(GB.referenceKind))
    return (f"<li id=\"{esc(citation.partition('#')[2])}\">“{esc(surface.value if surface else '')}” → "
            f"{term_html(site, cited, page)} <span class=\"meta\">({esc(kind.value if kind else '')}, "
            f"characters {esc(begin.value if begin else '')}–{esc(end.value if end else '')})</span></li>")


def unit_order(site: Site, unit: str) -> tuple:
    footnote = NamedNode(str(GB.Footnote)) in site.objects(unit, str(RDF.type))
    begin = site.value(unit, str(NIF.beginIndex))
    return footnote, int(begin.value) if begin else 0, unit


def resource_page(site: Site, page: str, subjects: list[str]) -> str:
    title, name = site.label(page), posixpath.basename(urlsplit(page).path) or "index"
    body = [f"<p class=\"meta\">{esc(page)} · <a href=\"{esc(name)}.ttl\">Turtle</a> · "
            f"<a href=\"{esc(name)}.jsonld\">JSON-LD</a></p>",
            "<h2>What it is</h2>", properties_html(site, page, page, {str(DCTERMS.hasPart), str(ELI.cites)})]
    units = sorted((q.object.value for q in site.store.quads_for_pattern(NamedNode(page), NamedNode(str(DCTERMS.hasPart)), None)),
                   key=lambda u: unit_order(site, u))
    if units:
        body.append("<h2>Text</h2>")
        for u in units:
            frag = u.partition("#")[2]
            text = site.value(u, str(GB.text))
            verb = site.value(u, str(GB.verb))
            cites = sorted((q.subject.value for q in site.store.quads_for_pattern(
                None, NamedNode(str(CITO.hasCitingEntity)), NamedNode(u))))
            body.append(f"<div class=\"clause\" id=\"{esc(frag)}\"><p><b>{esc(frag)}</b>"
                        + (f" <span class=\"meta\">{term_html(site, verb, page)}</span>" if verb else "")
                        + f"<br>{esc(text.value if text else '')}</p>"
                        + ("<ul>" + "".join(citing_html(site, c, page) for c in cites) + "</ul>" if cites else "")
                        + "</div>")
    cited = site.objects(page, str(ELI.cites))
    if cited:
        body.append("<h2>What it cites</h2>\n<ul>" + "".join(f"<li>{term_html(site, c, page)}</li>" for c in cited)
                    + "</ul>")
    shown = set(units) | {page}
    # what else the page describes: diagnostics, cited paragraphs of a resolution not itself in the graph
    others = [s for s in subjects if s not in shown and NamedNode(str(GB.Citation)) not in site.objects(s, str(RDF.type))]
    for s in others:
        body.append(f"<h3 id=\"{esc(s.partition('#')[2])}\">{esc(site.label(s))}</h3>"
                    + properties_html(site, s, page, set()))
    citing = sorted({q.subject.value for node in subjects
                     for q in site.store.quads_for_pattern(None, NamedNode(str(CITO.hasCitedEntity)), NamedNode(node))},
                    key=lambda c: (site.label(c.split("#", 1)[0]), c))
    if citing:
        body.append("<h2>What cites it</h2>")
        for c in citing:
            unit = site.value(c, str(CITO.hasCitingEntity))
            text = site.value(unit.value, str(GB.text)) if unit else None
            surface = site.value(c, str(GB.surfaceText))
            doc = unit.value.split("#", 1)[0] if unit else c.split("#", 1)[0]
            body.append(f"<div class=\"clause\"><p>{term_html(site, NamedNode(doc), page)} "
                        f"{term_html(site, unit, page) if unit else ''} cites it as “{esc(surface.value if surface else '')}”:"
                        f"<br>{esc(text.value if text else '')}</p></div>")
    home = site.href(site.base, page)
    return page_html(title, body, alternate=name, home="" if home == "./" else home)


def resource_triples(site: Site, subjects: list[str]) -> list[Triple]:
    """What the page's files say: its subjects' triples, and the eli:cites that point at them."""
    out = {Triple(q.subject, q.predicate, q.object) for s in subjects
           for q in site.store.quads_for_pattern(NamedNode(s), None, None)}
    out |= {Triple(q.subject, q.predicate, q.object) for s in subjects
            for q in site.store.quads_for_pattern(None, NamedNode(str(ELI.cites)), NamedNode(s))}
    return sorted(out, key=str)


def turtle(triples: list[Triple]) -> bytes:
    return sorted_prefixes(serialize(sorted(triples, key=str), format=RdfFormat.TURTLE, prefixes=SITE_PREFIXES))


# ---------------------------------------------------------------- ontology

def ontology_page(site: Site, page: str) -> str:
    g = site.store
    kinds = (("Classes", "http://www.w3.org/2002/07/owl#Class"),
             ("Object properties", "http://www.w3.org/2002/07/owl#ObjectProperty"),
             ("Data properties", "http://www.w3.org/2002/07/owl#DatatypeProperty"))
    body = [f"<p>{esc(site.label(ONTOLOGY_IRI) if site.value(ONTOLOGY_IRI, str(DCTERMS.description)) is None else site.value(ONTOLOGY_IRI, str(DCTERMS.description)).value)}</p>",
            "<p class=\"meta\"><a href=\"ontology.ttl\">Turtle</a> · <a href=\"verbs/\">verb scheme</a> · "
            "<a href=\"context.jsonld\">JSON-LD context</a></p>"]
    for heading, cls in kinds:
        terms = sorted(q.subject.value for q in g.quads_for_pattern(None, NamedNode(str(RDF.type)), NamedNode(cls))
                       if q.subject.value.startswith(ONTOLOGY_NS))
        body.append(f"<h2>{heading}</h2>\n<dl>")
        for term in terms:
            name = term[len(ONTOLOGY_NS):]
            comment = site.value(term, str(RDFS.comment))
            extra = [f"{label} {term_html(site, o, page)}" for label, p in (("subclass of", RDFS.subClassOf),
                     ("domain", RDFS.domain), ("range", RDFS.range), ("inverse of", "http://www.w3.org/2002/07/owl#inverseOf"))
                     for o in site.objects(term, str(p))]
            body.append(f"<dt id=\"{esc(name)}\"><b>gb:{esc(name)}</b> — {esc(site.label(term))}</dt>"
                        f"<dd>{esc(comment.value) if comment else ''}"
                        + (f"<br><span class=\"meta\">{'; '.join(extra)}</span>" if extra else "") + "</dd>")
        body.append("</dl>")
    body.append("<h2>Verbs</h2>\n<table><tr><th>concept</th><th>label</th><th>directive</th><th>printed as</th></tr>")
    for c in sorted(q.subject.value for q in g.quads_for_pattern(None, NamedNode(str(SKOS.inScheme)), NamedNode(VERBS_NS))):
        forms = ", ".join(o.value for o in site.objects(c, str(SKOS.hiddenLabel)))
        directive = site.value(c, str(GB.directive))
        body.append(f"<tr><td>{term_html(site, NamedNode(c), page)}</td><td>{esc(site.label(c))}</td>"
                    f"<td>{esc(directive.value if directive else '')}</td><td>{esc(forms)}</td></tr>")
    body.append("</table>")
    return page_html("graph-builder ontology", body, alternate="ontology")


# ------------------------------------------------------------------- index

def index_page(site: Site, pages: dict[str, list[str]]) -> str:
    built = sorted({q.subject.value for q in site.store.quads_for_pattern(None, NamedNode(str(DCTERMS.hasPart)), None)
                    if q.subject.value in pages}, key=site.label)
    instruments = sorted((q.subject.value for q in site.store.quads_for_pattern(
        None, NamedNode(str(RDF.type)), NamedNode(str(GB.Instrument))) if q.subject.value in pages), key=site.label)
    here = site.base + "index"
    body = [f"<p>{len(built)} resolutions, {site.data_triples} triples, {len(pages)} resources. "
            "<a href=\"dataset\">About the dataset</a> (VoID, DCAT) · <a href=\"dataset.nq.gz\">N-Quads dump</a> · "
            "<a href=\"ontology\">ontology</a> · <a href=\"context.jsonld\">JSON-LD context</a></p>",
            "<h2>Resolutions</h2>\n<ul>"]
    for r in built:
        title = site.value(r, str(DCTERMS.title))
        body.append(f"<li>{term_html(site, NamedNode(r), here)}{(' — ' + esc(title.value)) if title else ''}</li>")
    body.append("</ul>\n<h2>Instruments</h2>\n<ul>")
    body += [f"<li>{term_html(site, NamedNode(i), here)}</li>" for i in instruments]
    body.append("</ul>")
    return page_html("United Nations resolutions and what they cite", body)


def nginx_conf(site: Site) -> str:
    host = urlsplit(site.base).hostname or "_"
    rules = "\n".join(f"    \"~*{media.replace('+', '[+]')}\" {suffix};" for media, suffix in NEGOTIATION)
    types = "\n".join(f"        {media.split(';')[0]} {suffix[1:]};" for suffix, media in MEDIA_TYPES.items())
    return f"""# Content negotiation for the graph-builder site: one IRI answers HTML to a browser,
# Turtle to `Accept: text/turtle`, JSON-LD to `Accept: application/ld+json`.
# Include this in nginx's http block; set root to the site folder (the host's document root).
map $http_accept $graph_builder_suffix {{
    default {DEFAULT_SUFFIX};
{rules}
}}

server {{
    listen 80;
    server_name {host};
    root {site.folder.resolve()};
    charset utf-8;
    types {{
{types}
        application/gzip gz;
    }}
    location / {{
        add_header Vary Accept always;
        try_files $uri$graph_builder_suffix $uri/index$graph_builder_suffix $uri =404;
    }}
}}
"""


def publish_site(graphs: Iterable[tuple[str, list[Triple]]], folder: str | Path, base: str) -> SiteResult:
    """Write the site for graphs (name, triples) into folder; returns how many pages and data triples."""
    graphs = sorted(graphs, key=lambda g: g[0])
    site = Site(graphs, Path(folder), base)
    pages = site.resources()
    root = site.file_stem(base)
    assert root is not None
    for iri, subjects in pages.items():
        stem = site.file_stem(iri)
        if iri == ONTOLOGY_IRI:
            continue
        triples = resource_triples(site, subjects)
        write_atomic(stem.with_name(stem.name + ".html"), resource_page(site, iri, subjects).encode("utf-8"))
        write_atomic(stem.with_name(stem.name + ".ttl"), turtle(triples))
        write_atomic(stem.with_name(stem.name + ".jsonld"), jsonld_bytes(triples))
    ontology = root.parent / "ontology"
    write_atomic(ontology.with_suffix(".html"), ontology_page(site, base + "ontology").encode("utf-8"))
    ontology_ttl = ontology_file("graph-builder.ttl").read_bytes()
    write_atomic(ontology.with_suffix(".ttl"), ontology_ttl)
    write_atomic(ontology.with_suffix(".jsonld"), jsonld_bytes([Triple(q.subject, q.predicate, q.object)
                                                            for q in parse(ontology_ttl, format=RdfFormat.TURTLE)]))
    write_atomic(root.with_suffix(".html"), index_page(site, pages).encode("utf-8"))
    write_atomic(root.parent / "context.jsonld", (json.dumps(jsonld_context(), indent=1) + "\n").encode("utf-8"))
    write_atomic(root.parent / "dataset.nq.gz", gzip.compress(dataset_bytes(graphs, "nq"), mtime=0))
    write_atomic(Path(folder) / "nginx.conf", nginx_conf(site).encode("utf-8"))
    return SiteResult(pages=len(pages), triples=site.data_triples)
