"""Stage 4: a Resolution becomes RDF triples.

    resolution --dcterms:hasPart--> clause --eli:cites--> cited thing
    clause --gb:verb--> verb concept;  clause --gb:addressee--> actor
    citation (cito:Citation): citing clause, cited thing, kind, surface text, offsets

Terms come from the closed namespaces in vocab.py and IRIs from iri.py only.
Triples are pyoxigraph terms: building them costs little, and the same
objects feed the on-disk store and every serializer.
"""
from __future__ import annotations

import re
from functools import cache

from pyoxigraph import BlankNode, Literal, NamedNode, Triple

from .gazetteer import fold, gazetteer
from .iri import Minter
from .models import Reference, Resolution
from .symbols import UNSymbol
from .errors import SymbolError
from .vocab import CITO, DCTERMS, ELI, FOAF, GB, NIF, OWL, PROV, RDF, RDFS, SKOS, WIKIDATA, XSD

CLAUSE_CLASS = {"preambular": "PreambularClause", "operative": "OperativeClause", "annex": "AnnexParagraph"}
KIND_CLASS = {"resolution": "Resolution", "document": "UNDocument", "instrument": "Instrument", "provision": "Provision",
              "body": "Body", "office": "Office", "session": "Session", "agenda-item": "AgendaItem"}


@cache
def term(iri: str) -> NamedNode:
    return NamedNode(iri)


def lit(value: str | int | bool, datatype=None, lang: str | None = None) -> Literal:
    if isinstance(value, bool):
        return Literal("true" if value else "false", datatype=term(str(XSD.boolean)))
    if isinstance(value, int):
        return Literal(str(value), datatype=term(str(XSD.integer)))
    if lang:
        return Literal(value, language=lang)
    if datatype is not None:
        return Literal(value, datatype=term(str(datatype)))
    return Literal(value)


class TripleSink:
    """Collects triples, each once."""

    def __init__(self) -> None:
        self.triples: set[Triple] = set()

    def add(self, s, p, o) -> None:
        self.triples.add(Triple(s if not isinstance(s, str) else term(s), term(str(p)), o if not isinstance(o, str) else term(o)))


def document_iri(res: Resolution, minter: Minter) -> str:
    return minter.document(res.info.symbol) if res.info.symbol else minter.unnamed_document(res.text)


def resolution_triples(res: Resolution, minter: Minter = Minter()) -> list[Triple]:
    """Every triple one resolution contributes, in a deterministic order."""
    sink = TripleSink()
    add = sink.add
    info = res.info
    doc = document_iri(res, minter)
    is_decision = "/DEC/" in info.symbol
    add(doc, RDF.type, str(GB.Decision if is_decision else GB.Resolution))
    add(doc, RDF.type, str(GB.UNDocument))
    if info.symbol:
        add(doc, GB.symbol, lit(info.symbol))
        add(doc, DCTERMS.identifier, lit(info.symbol))
        add(doc, FOAF.page, minter.undocs(info.symbol))
    if info.title:
        add(doc, DCTERMS.title, lit(info.title, lang="en"))
    if info.date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", info.date):
        add(doc, DCTERMS.date, lit(info.date, XSD.date))
    if info.body:
        body = minter.entity("body", info.body)
        add(doc, GB.issuedBy, body)
        entity_triples(add, body, "body", info.body)
    if info.session:
        add(doc, GB.session, lit(info.session))
    if info.agenda_item:
        add(doc, GB.agendaItem, lit(info.agenda_item + (f": {info.agenda_item_title}" if info.agenda_item_title else "")))
    if info.originating_document:
        add(doc, GB.originatingDocument, lit(info.originating_document))
    if info.meeting:
        add(doc, GB.adoptionMeeting, lit(info.meeting))
    if info.work_uri:
        add(doc, GB.aknWork, lit(info.work_uri, XSD.anyURI))
    add(doc, GB.sourceFile, lit(res.source))
    add(doc, DCTERMS.language, lit("en"))

    for pos, c in enumerate(res.clauses, 1):
        cl = minter.clause(doc, c.id)
        add(doc, DCTERMS.hasPart, cl)
        add(cl, DCTERMS.isPartOf, doc)
        add(cl, RDF.type, str(GB.Clause))
        add(cl, RDF.type, str(getattr(GB, CLAUSE_CLASS[c.kind])))
        add(cl, GB.clauseId, lit(c.id))
        add(cl, GB.clauseKind, lit(c.kind))
        add(cl, GB.position, lit(pos))
        add(cl, GB.text, lit(c.text, lang="en"))
        add(cl, NIF.beginIndex, lit(c.span[0]))
        add(cl, NIF.endIndex, lit(c.span[1]))
        if c.verb:
            add(cl, GB.verbPhrase, lit(c.verb, lang="en"))
        if c.verb_concept:
            add(cl, GB.verb, minter.verb(c.verb_concept))
        for a in c.addressees:
            target = minter.entity(a.kind, a.name)
            add(cl, GB.addressee, target)
            entity_triples(add, target, a.kind, a.name)
        for fid in c.footnotes:
            add(cl, GB.hasFootnote, minter.clause(doc, fid))
        for r in c.references:
            reference_triples(add, minter, doc, cl, c.id, r)
    for f in res.footnotes:
        fn = minter.clause(doc, f.id)
        add(doc, DCTERMS.hasPart, fn)
        add(fn, DCTERMS.isPartOf, doc)
        add(fn, RDF.type, str(GB.Footnote))
        add(fn, GB.clauseId, lit(f.id))
        add(fn, GB.footnoteMarker, lit(f.marker))
        add(fn, GB.text, lit(f.text, lang="en"))
        add(fn, NIF.beginIndex, lit(f.span[0]))
        add(fn, NIF.endIndex, lit(f.span[1]))
        if f.anchor:
            add(fn, GB.anchor, minter.clause(doc, f.anchor))
        for r in f.references:
            reference_triples(add, minter, doc, fn, f.id, r)
    for d in res.diagnostics:
        start, end = d.span if d.span else (0, 0)
        node = minter.diagnostic(doc, d.code, start, end)
        add(doc, GB.diagnostic, node)
        add(node, RDF.type, str(GB.Diagnostic))
        add(node, GB.diagnosticCode, lit(d.code))
        add(node, RDFS.comment, lit(d.message, lang="en"))
        if d.span:
            add(node, NIF.beginIndex, lit(start))
            add(node, NIF.endIndex, lit(end))
        if d.clause:
            add(node, DCTERMS.isPartOf, minter.clause(doc, d.clause))
    return sorted(sink.triples, key=str)


def target_iri(minter: Minter, r: Reference) -> str:
    if r.kind in ("resolution", "document"):
        return minter.document(r.key)
    if r.kind == "instrument":
        return minter.instrument(r.key)
    if r.kind == "provision":
        return minter.provision(r.target, r.unit, r.number, is_symbol(r.target))
    if r.kind in ("body", "office"):
        return minter.entity(r.kind, r.key)
    if r.kind == "session":
        return minter.session(r.key)
    return minter.agenda_item(r.key)


def is_symbol(key: str) -> bool:
    try:
        UNSymbol.parse(key)
    except SymbolError:
        return False
    return True


def reference_triples(add, minter: Minter, doc: str, unit: str, unit_id: str, r: Reference) -> None:
    target = target_iri(minter, r)
    add(unit, ELI.cites, target)
    add(doc, ELI.cites, target)
    cit = minter.citation(doc, unit_id, r.kind, r.key)
    add(cit, RDF.type, str(CITO.Citation))
    add(cit, RDF.type, str(GB.Citation))
    add(cit, CITO.hasCitingEntity, unit)
    add(cit, CITO.hasCitedEntity, target)
    add(cit, GB.referenceKind, lit(r.kind))
    add(cit, GB.referenceKey, lit(r.key))
    add(cit, GB.surfaceText, lit(r.text))
    add(cit, NIF.beginIndex, lit(r.span[0]))
    add(cit, NIF.endIndex, lit(r.span[1]))
    if r.short_form:
        add(cit, GB.shortForm, lit(True))
    if r.via != "text":
        add(cit, GB.foundVia, lit(r.via))
    target_triples(add, minter, target, r)


def target_triples(add, minter: Minter, target: str, r: Reference) -> None:
    """What the graph knows of a cited thing by itself (the same for every citation of it)."""
    if r.kind in ("resolution", "document"):
        add(target, RDF.type, str(GB.UNDocument))
        if r.kind == "resolution":
            add(target, RDF.type, str(GB.Decision if "/DEC/" in r.key else GB.Resolution))
        add(target, GB.symbol, lit(r.key))
        add(target, FOAF.page, minter.undocs(r.key))
    elif r.kind == "instrument":
        entity_triples(add, target, "instrument", r.key, minter)
    elif r.kind == "provision":
        add(target, RDF.type, str(GB.Provision))
        add(target, RDFS.label, lit(r.key, lang="en"))
        add(target, GB.unit, lit(r.unit))
        add(target, GB.number, lit(r.number))
        parent = minter.document(r.target) if is_symbol(r.target) else minter.instrument(r.target)
        add(target, DCTERMS.isPartOf, parent)
        if is_symbol(r.target):
            add(parent, RDF.type, str(GB.UNDocument))
            add(parent, GB.symbol, lit(r.target))
            add(parent, FOAF.page, minter.undocs(r.target))
        else:
            entity_triples(add, parent, "instrument", r.target, minter)
    elif r.kind in ("body", "office"):
        entity_triples(add, target, r.kind, r.key)
    elif r.kind == "session":
        add(target, RDF.type, str(GB.Session))
        add(target, RDFS.label, lit(r.key, lang="en"))
    else:
        add(target, RDF.type, str(GB.AgendaItem))
        add(target, RDFS.label, lit(r.key, lang="en"))


def entity_triples(add, node: str, kind: str, name: str, minter: Minter | None = None) -> None:
    cls = {"instrument": GB.Instrument, "body": GB.Body, "office": GB.Office}.get(kind, GB.Actor)
    add(node, RDF.type, str(cls))
    add(node, RDFS.label, lit(name, lang="en"))
    e = gazetteer().by_name.get((kind, fold(name))) if kind in ("instrument", "body", "office") else None
    if e is None:
        return
    for alt in (*e.names, *e.acronyms):
        add(node, SKOS.altLabel, lit(alt, lang="en"))
    if e.wikidata:
        add(node, OWL.sameAs, WIKIDATA + e.wikidata)
    if kind == "instrument":
        if e.type:
            add(node, GB.instrumentType, lit(e.type))
        if e.year:
            add(node, DCTERMS.date, lit(str(e.year), XSD.gYear))
        if e.adopted_by and minter is not None:
            add(node, GB.adoptedBy, minter.document(e.adopted_by))
    if e.country:
        add(node, GB.country, lit(e.country))
