"""Stage 4: a Resolution becomes RDF triples.

    resolution --dcterms:hasPart--> clause --eli:cites--> resolution, document, instrument, provision
    clause --gb:mentions--> body, office;  --gb:consideredAt--> session;  --gb:consideredUnder--> agenda item
    clause --gb:verb--> verb concept;  clause --gb:addressee--> actor
    citation (cito:Citation): citing clause, cited thing, kind, surface text, offsets

Terms come from graph/terms.py (generated from the ontology), IRIs from iri.py only, and what each kind
of reference mints, links and describes from the kinds table (graph/kinds.py).
The triples are written as sorted N-Triples lines, which the store, every
serializer and the corpus files take as they are.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from functools import cache

from pyoxigraph import RdfFormat, Triple, parse

from graph_builder.errors import SymbolError
from graph_builder.find.gazetteer import fold, gazetteer
from graph_builder.graph.iri import Minter
from graph_builder.graph.kinds import KINDS, Described, is_symbol, kind_of
from graph_builder.graph.terms import NT as T  # every term as the N-Triples IRI the lines are written with
from graph_builder.graph.vocab import WIKIDATA
from graph_builder.lang import DEFAULT as DEFAULT_LANGUAGE
from graph_builder.models import Reference, Resolution
from graph_builder.readers.metadata import member_states, read_state_list
from graph_builder.un.symbols import is_decision_symbol

CLAUSE_CLASS = {"preambular": T.GB_PreambularClause, "operative": T.GB_OperativeClause, "annex": T.GB_AnnexParagraph}


def escape(value: str) -> str:
    """A string as an N-Triples literal's content."""
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")


def lit(value: str | int | bool, datatype: str | None = None, lang: str | None = None) -> str:
    """An N-Triples literal."""
    if isinstance(value, bool):
        return f'"{"true" if value else "false"}"^^{T.XSD_boolean}'
    if isinstance(value, int):
        return f'"{value}"^^{T.XSD_integer}'
    if lang:
        return f'"{escape(value)}"@{lang}'
    if datatype is not None:
        return f'"{escape(value)}"^^{datatype}'
    return f'"{escape(value)}"'


class TripleSink:
    """Collects triples as N-Triples lines, each once.  Subjects and objects may be bare IRIs
    (as iri.py mints them) or N-Triples terms (vocabulary terms, literals).

    Writing lines is several times cheaper than making an RDF object of every term; the
    lines are parsed (in Rust, by pyoxigraph) only where triples are needed as objects."""

    def __init__(self) -> None:
        self.lines: set[str] = set()

    def add(self, s: str, p: str, o: str) -> None:
        if s[0] != "<":
            s = f"<{s}>"
        if o[0] != "<" and o[0] != '"':
            o = f"<{o}>"
        self.lines.add(f"{s} {p} {o} .")

    def ntriples(self) -> bytes:
        """The triples as sorted N-Triples: every serializer's input, in a deterministic order, with one
        value of each single-valued property (single_values)."""
        if not self.lines:
            return b""
        lines = sorted(self.lines)
        self.lines = set()  # let the set go before the bytes are made: a huge resolution has millions
        out = bytearray()
        # joined a few thousand lines at a time: no joined copy of every line (for a huge resolution that is
        # hundreds of MB), and no encoding of each line alone
        for k in range(0, len(lines), 4096):
            out += ("\n".join(lines[k:k + 4096]) + "\n").encode("utf-8")
        del lines
        return single_values(bytes(out))


# -- one value of a single-valued property ---------------------------------------------
#
# A node is named by its slug (iri.py), so every spelling of its name that slugs alike is one node:
# "Participants" and "participants", "7 (e)" and "7(e)", "Côte d’Ivoire" and "Cote d’Ivoire".  Each
# resolution writes the spelling it prints; a node the shapes give one label, unit or number must still
# get one.  The value kept is the best spelling by _spelling_rank, which depends on the spellings alone,
# never on which resolution came first: so a corpus's shared graph is the same in any input order and for
# any number of workers, and choosing among the choices of parts (a corpus from its resolutions' files)
# gives the choice among all their spellings.  A label not kept becomes a skos:altLabel; a unit or number
# not kept is dropped (the citation keeps its text as printed).

@cache
def _single_predicates() -> tuple[bytes, frozenset[bytes], frozenset[bytes]]:
    """(skos:altLabel, the label properties, every single-valued property kept once), as N-Triples IRIs.
    The adoption meeting is one: the closing line and the catalogue record may spell it apart ("54th resumed
    plenary meeting", "54th (resumed) plenary meeting")."""
    labels = frozenset(p.encode() for p in (T.RDFS_label, T.SKOS_prefLabel))
    return T.SKOS_altLabel.encode(), labels, labels | {T.GB_unit.encode(), T.GB_number.encode(),
                                                       T.GB_adoptionMeeting.encode()}


# what makes a spelling worse: a character of a broken text or record ("Secretary~General", "_ international
# organizations", "COOPERATIVES[", a backslash), a straight double quote, doubled spaces, a space at a hyphen
# ("Secretary- General"), two dashes together, a final full stop
_NOISE = re.compile(r'[~_\[\]\\"]|  |\s[-‐‑]|[-‐‑]\s|[-‐‑–—]{2}|\.$')


_SHOUTED = re.compile(r"\b[A-Z]{4,}\b")  # a word in capitals, as a heading or a record prints it


def _spelling_rank(text: str) -> tuple:
    """Smaller is better: clean, composed (NFC), typographic ("Côte d’Ivoire" over "Cote d'Ivoire"), not
    in capitals ("Participants" over "PARTICIPANTS"), hyphenated as written ("Counter-Terrorism"), spaced
    as the UN prints ("7 (e)"), capitalised as a name ("Member States", "Chapter VII"); then by code
    points, so that any two spellings are ordered."""
    return (len(_NOISE.findall(text)), unicodedata.normalize("NFC", text) != text,
            -sum(1 for c in text if c == "’" or (ord(c) > 127 and c.isalpha())), len(_SHOUTED.findall(text)),
            -text.count("-"), -text.count(" "), -sum(1 for c in text if c.isupper()), text)


def _literal_text(term: bytes) -> str:
    """The lexical form of an N-Triples literal as TripleSink writes it ("…"@en, "…"^^<…>, "…", then " .")."""
    if not term.startswith(b'"'):
        return "\U0010ffff"  # not a literal: ranked after every spelling
    body = term[1:term.rindex(b'"')].decode("utf-8")
    return re.sub(r'\\(.)', lambda m: {"n": "\n", "r": "\r"}.get(m.group(1), m.group(1)), body)


@cache
def _single_heads() -> re.Pattern[bytes]:
    """A single-valued property between spaces: " <http://www.w3.org/2000/01/rdf-schema#label> "."""
    return re.compile(rb" (?:" + b"|".join(re.escape(p) for p in sorted(_single_predicates()[2])) + rb") ")


def has_single_valued(ntriples: bytes) -> bool:
    """Whether N-Triples lines use any property single_values keeps once."""
    return any(b" " + p + b" " in ntriples for p in _single_predicates()[2])


def single_values(ntriples: bytes) -> bytes:
    """Sorted N-Triples lines with one rdfs:label, skos:prefLabel, gb:unit and gb:number per subject (the
    best spelling; see above), the other labels as skos:altLabel; still sorted."""
    alt, labels, single = _single_predicates()
    # most graphs give each node one value of each: the lines with such a property are found by one scan,
    # and only two of them in a row about one subject and property (sorted, so a second value is there)
    # need the loop below
    heads = []
    for m in _single_heads().finditer(ntriples):
        start = ntriples.rfind(b"\n", 0, m.start()) + 1
        if b" " not in ntriples[start:m.start()]:  # the property, not words of a literal
            heads.append(ntriples[start:m.end()])
    if not any(a == b for a, b in zip(heads, heads[1:])):
        return ntriples
    lines = ntriples.splitlines(keepends=True)
    out: list[bytes] = []
    changed = False
    added: set[bytes] = set()
    dropped: set[bytes] = set()
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        s, p, _ = line.split(b" ", 2)
        j = i + 1
        if p in single:
            head = s + b" " + p + b" "
            while j < n and lines[j].startswith(head):
                j += 1
        if j == i + 1:
            out.append(line)
            i = j
            continue
        group = lines[i:j]
        k = len(head)
        keep = min(group, key=lambda g: _spelling_rank(_literal_text(g[k:])))
        out.append(keep)
        changed = True
        if p in labels:
            for g in group:
                added.add(s + b" " + alt + b" " + g[k:])
            dropped.add(s + b" " + alt + b" " + keep[k:])
        i = j
    if not changed:
        return ntriples
    return b"".join(sorted((set(out) | added) - dropped))


# -- which named graph a triple lives in ------------------------------------------
#
# A triple's graph is a function of the triple alone, never of the resolution that wrote it, so that
# the same triple written by many resolutions lands in one graph once and the union default graph
# equals the merge of every file:
#   - about a document (<base>doc/X) or a part of it (<base>doc/X#op2): X's own graph, which is
#     what X's own build writes about itself, plus what others say of X (its symbol, its page);
#   - the description of a provision that is a paragraph of a resolution (its label, unit, number,
#     type), which X's own build does not write: the shared graph, where a rebuild of X keeps it;
#   - everything else (instruments, bodies, offices, actors, Member States, subjects, sessions):
#     the shared graph, <base>graph/shared.

def _provision_predicates() -> tuple[bytes, ...]:
    return tuple((p + " ").encode() for p in (T.RDFS_label, T.GB_unit, T.GB_number)) + (
        f"{T.RDF_type} {T.GB_Provision} .".encode(),)


def graph_slices(lines: list[bytes], minter: Minter = Minter()) -> dict[str, list[slice]]:
    """Sorted N-Triples lines (as rdf.py writes them) -> {named graph: the slices of `lines` in it}, in
    order, each line's graph decided by the triple itself (see above).

    The lines are sorted, so those about one document's parts ("<…doc/X#…") are one run and those about
    the document itself ("<…doc/X> ") another: a run is found by halving and taken whole, and only a run
    of parts that holds a provision's predicate is read line by line."""
    doc_prefix = f"<{minter.base}doc/".encode()
    shared = minter.shared_graph()
    provision = _provision_predicates()
    out: dict[str, list[slice]] = {}
    lo = bisect_left(lines, doc_prefix)
    hi = bisect_left(lines, doc_prefix[:-1] + b"0", lo)  # "0" follows "/": past every line about a document
    if lo:
        out.setdefault(shared, []).append(slice(0, lo))
    i = lo
    while i < hi:
        line = lines[i]
        subject = line[:line.find(b"> ")]
        doc, hash_, _fragment = subject.partition(b"#")
        graph = doc[1:].decode("utf-8")
        if not hash_:
            j = bisect_left(lines, subject + b">!", i + 1, hi)  # "!" follows " ": past "<…doc/X> …" lines
            out.setdefault(graph, []).append(slice(i, j))
        else:
            j = bisect_left(lines, doc + b"$", i + 1, hi)  # "$" follows "#": past "<…doc/X#…" lines
            run = b"".join(lines[i:j])
            if not any(b"> " + p in run for p in provision):  # (one in a literal only costs the slow way)
                out.setdefault(graph, []).append(slice(i, j))
            else:
                for k in range(i, j):  # the description of a provision lives in the shared graph
                    rest = lines[k][lines[k].find(b"> ") + 2:]
                    out.setdefault(shared if rest.startswith(provision) else graph, []).append(slice(k, k + 1))
        i = j
    if hi < len(lines):
        out.setdefault(shared, []).append(slice(hi, len(lines)))
    return out


def joined(lines: list[bytes], slices: list[slice]) -> bytes:
    return b"".join(b"".join(lines[s]) for s in slices)


def split_graphs(ntriples: bytes, minter: Minter = Minter()) -> dict[str, bytes]:
    """N-Triples -> {named graph: its lines, sorted} (see graph_slices)."""
    lines = sorted(ntriples.splitlines(keepends=True))
    return {g: joined(lines, slices) for g, slices in graph_slices(lines, minter).items()}


def triples_of(ntriples: bytes) -> list[Triple]:
    """The N-Triples this module writes as pyoxigraph triples (the parser gives quads in the default graph).
    Every IRI in them was minted by iri.py from checked or escaped parts and every literal escaped by lit(),
    so the parser does not check them again (lenient): that halves the parse, most of a graph's writing."""
    return [q.triple for q in parse(ntriples, format=RdfFormat.N_TRIPLES, lenient=True)] if ntriples else []


def document_iri(res: Resolution, minter: Minter) -> str:
    return minter.document(res.info.symbol) if res.info.symbol else minter.unnamed_document(res.text)


def resolution_triples(res: Resolution, minter: Minter = Minter()) -> list[Triple]:
    """Every triple one resolution contributes, in N-Triples order."""
    return triples_of(resolution_ntriples(res, minter))


def resolution_ntriples(res: Resolution, minter: Minter = Minter()) -> bytes:
    """Every triple one resolution contributes, as sorted N-Triples."""
    sink = TripleSink()
    add = sink.add
    described: set[str] = set()
    info = res.info
    doc = document_iri(res, minter)
    # what the text prints is tagged with the text's language; names the builder gives (official names,
    # labels it composes, its diagnostics) stay English
    tag = info.language or DEFAULT_LANGUAGE
    is_decision = is_decision_symbol(info.symbol)
    add(doc, T.RDF_type, T.GB_Decision if is_decision else T.GB_Resolution)
    add(doc, T.RDF_type, T.GB_UNDocument)
    if info.symbol:
        add(doc, T.GB_symbol, lit(info.symbol))
        add(doc, T.DCTERMS_identifier, lit(info.symbol))
        add(doc, T.FOAF_page, minter.undocs(info.symbol))
    if info.title:
        add(doc, T.DCTERMS_title, lit(info.title, lang=tag))
    if info.date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", info.date):
        add(doc, T.DCTERMS_date, lit(info.date, T.XSD_date))
    if info.body:
        body = minter.entity("body", info.body)
        add(doc, T.GB_issuedBy, body)
        entity_triples(add, body, "body", info.body)
    if info.session:
        add(doc, T.GB_session, lit(info.session))
    if info.agenda_item:
        add(doc, T.GB_agendaItem, lit(info.agenda_item + (f": {info.agenda_item_title}" if info.agenda_item_title else "")))
    if info.originating_document:
        add(doc, T.GB_originatingDocument, lit(info.originating_document))
    if info.meeting:
        add(doc, T.GB_adoptionMeeting, lit(info.meeting))
    if info.work_uri:
        add(doc, T.GB_aknWork, lit(info.work_uri, T.XSD_anyURI))
    add(doc, T.GB_sourceFile, lit(res.source))
    add(doc, T.DCTERMS_language, lit(tag))
    place = page_places(add, res, minter.undocs(info.symbol) if info.symbol else "")

    for pos, c in enumerate(res.clauses, 1):
        cl = minter.clause(doc, c.id)
        add(doc, T.DCTERMS_hasPart, cl)
        add(cl, T.DCTERMS_isPartOf, doc)
        add(cl, T.RDF_type, T.GB_Clause)
        add(cl, T.RDF_type, CLAUSE_CLASS[c.kind])
        add(cl, T.GB_clauseId, lit(c.id))
        add(cl, T.GB_clauseKind, lit(c.kind))
        add(cl, T.GB_position, lit(pos))
        add(cl, T.GB_text, lit(c.text, lang=tag))
        add(cl, T.NIF_beginIndex, lit(c.span[0]))
        add(cl, T.NIF_endIndex, lit(c.span[1]))
        place(cl, c.span)
        if c.verb:
            add(cl, T.GB_verbPhrase, lit(c.verb, lang=tag))
        if c.verb_concept:
            add(cl, T.GB_verb, minter.verb(c.verb_concept))
        for a in c.addressees:
            target = minter.entity(a.kind, a.name)
            add(cl, T.GB_addressee, target)
            entity_triples(add, target, a.kind, a.name)
        for fid in c.footnotes:
            add(cl, T.GB_hasFootnote, minter.clause(doc, fid))
        for r in c.references:
            reference_triples(add, minter, doc, cl, c.id, r, described, place, tag)
    for f in res.footnotes:
        fn = minter.clause(doc, f.id)
        add(doc, T.DCTERMS_hasPart, fn)
        add(fn, T.DCTERMS_isPartOf, doc)
        add(fn, T.RDF_type, T.GB_Footnote)
        add(fn, T.GB_clauseId, lit(f.id))
        add(fn, T.GB_footnoteMarker, lit(f.marker))
        add(fn, T.GB_text, lit(f.text, lang=tag))
        add(fn, T.NIF_beginIndex, lit(f.span[0]))
        add(fn, T.NIF_endIndex, lit(f.span[1]))
        place(fn, f.span)
        if f.anchor:
            add(fn, T.GB_anchor, minter.clause(doc, f.anchor))
        for r in f.references:
            reference_triples(add, minter, doc, fn, f.id, r, described, place, tag)
    for d in res.diagnostics:
        start, end = d.span if d.span else (0, 0)
        node = minter.diagnostic(doc, d.code, start, end, "" if d.span else f"{d.clause}\n{d.message}")
        add(doc, T.GB_diagnostic, node)
        add(node, T.RDF_type, T.GB_Diagnostic)
        add(node, T.GB_diagnosticCode, lit(d.code))
        add(node, T.RDFS_comment, lit(d.message, lang="en"))
        if d.span:
            add(node, T.NIF_beginIndex, lit(start))
            add(node, T.NIF_endIndex, lit(end))
        if d.clause:
            add(node, T.DCTERMS_isPartOf, minter.clause(doc, d.clause))
    return sink.ntriples()


def target_iri(minter: Minter, r: Reference) -> str:
    """The IRI of what a reference cites (KindError for a kind graph/kinds.py does not hold)."""
    return kind_of(r.kind).mint(minter, r)


def page_ntriples(res: Resolution, minter: Minter = Minter()) -> bytes:
    """What a resolution's layout adds to its triples (gb:page, gb:pdfRegion), as sorted N-Triples: the
    pages a PDF gives the same resolution read from its XML (pipeline.merge_pdf)."""
    if not res.layout:
        return b""
    from dataclasses import replace

    bare = set(resolution_ntriples(replace(res, layout=()), minter).splitlines(keepends=True))
    return b"".join(line for line in resolution_ntriples(res, minter).splitlines(keepends=True) if line not in bare)


def page_places(add, res: Resolution, pdf: str):
    """For a resolution read from a PDF: a function that says where a span is printed, as gb:page (the
    1-based page) and gb:pdfRegion, the PDF's IRI with an RFC 8118 fragment (page=N&viewrect=left,top,
    width,height, in PDF points from the page's top left) that opens the PDF at that place.  The PDF's
    IRI is undocs.org's for the symbol, which serves the resolution's PDF."""

    def place(node: str, span: tuple[int, int]) -> None:
        for page, (x0, top, x1, bottom) in res.pages_of(span):
            add(node, T.GB_page, lit(page))
            if pdf:
                left, up = int(x0), int(top)
                rect = f"{left},{up},{int(x1 + 0.999) - left},{int(bottom + 0.999) - up}"
                add(node, T.GB_pdfRegion, f"<{pdf}#page={page}&viewrect={rect}>")

    return place if res.layout else (lambda node, span: None)


def reference_triples(add, minter: Minter, doc: str, unit: str, unit_id: str, r: Reference,
                      described: set[str], place=None, language: str = DEFAULT_LANGUAGE) -> None:
    row = kind_of(r.kind)
    target = row.mint(minter, r)
    link = row.link
    add(unit, link, target)
    add(doc, link, target)
    cit = minter.citation(doc, unit_id, r.kind, r.key)
    add(cit, T.RDF_type, T.CITO_Citation)
    add(cit, T.RDF_type, T.GB_Citation)
    add(cit, T.CITO_hasCitingEntity, unit)
    add(cit, T.CITO_hasCitedEntity, target)
    add(cit, T.GB_referenceKind, lit(r.kind))
    add(cit, T.GB_referenceKey, lit(r.key))
    add(cit, T.GB_surfaceText, lit(r.text))
    add(cit, T.NIF_beginIndex, lit(r.span[0]))
    add(cit, T.NIF_endIndex, lit(r.span[1]))
    if place is not None:
        place(cit, r.span)
    if r.short_form:
        add(cit, T.GB_shortForm, lit(True))
    if r.via != "text":
        add(cit, T.GB_foundVia, lit(r.via))
    if target not in described:  # a cited thing is described once per resolution, however often cited
        described.add(target)
        target_triples(add, minter, target, r, language)


def target_triples(add, minter: Minter, target: str, r: Reference, language: str = DEFAULT_LANGUAGE) -> None:
    """What the graph knows of a cited thing by itself (the same for every citation of it); a key as
    printed (an agenda item's title) is labelled in the citing text's `language`."""
    row = kind_of(r.kind)
    if row.described is Described.DOCUMENT:
        add(target, T.RDF_type, T.GB_UNDocument)
        if row.cls != T.GB_UNDocument:  # a resolution: a decision where its symbol says so
            add(target, T.RDF_type, T.GB_Decision if is_decision_symbol(r.key) else row.cls)
        add(target, T.GB_symbol, lit(r.key))
        add(target, T.FOAF_page, minter.undocs(r.key))
    elif row.described is Described.ENTITY:
        entity_triples(add, target, r.kind, r.key, minter)
    elif row.described is Described.PROVISION:
        add(target, T.RDF_type, row.cls)
        add(target, T.RDFS_label, lit(r.key, lang="en"))
        add(target, T.GB_unit, lit(r.unit))
        add(target, T.GB_number, lit(r.number))
        parent = minter.document(r.target) if is_symbol(r.target) else minter.instrument(r.target)
        add(target, T.DCTERMS_isPartOf, parent)
        if is_symbol(r.target):
            add(parent, T.RDF_type, T.GB_UNDocument)
            add(parent, T.GB_symbol, lit(r.target))
            add(parent, T.FOAF_page, minter.undocs(r.target))
        else:
            entity_triples(add, parent, "instrument", r.target, minter)
    else:
        add(target, T.RDF_type, row.cls)
        add(target, T.RDFS_label, lit(r.key, lang=language if row.printed else "en"))


def entity_triples(add, node: str, kind: str, name: str, minter: Minter | None = None) -> None:
    row = KINDS.get(kind)  # an instrument, body or office; an addressee of no such kind is an actor
    cls = row.cls if row is not None and row.described is Described.ENTITY else T.GB_Actor
    add(node, T.RDF_type, cls)
    e = gazetteer().by_name.get((kind, fold(name))) if cls != T.GB_Actor else None
    # a listed thing is labelled by its official name, however the text or record spells it ("Special
    # Political and Decolonization Committee (Fourth Committee)" for "Fourth Committee"); the spelling is an altLabel
    add(node, T.RDFS_label, lit(e.name if e else name, lang="en"))
    if e is None:
        return
    if name != e.name:
        add(node, T.SKOS_altLabel, lit(name, lang="en"))
    for alt in (*e.names, *e.acronyms):
        add(node, T.SKOS_altLabel, lit(alt, lang="en"))
    if e.wikidata:
        add(node, T.OWL_sameAs, WIKIDATA + e.wikidata)
    if kind == "instrument":
        if e.type:
            add(node, T.GB_instrumentType, lit(e.type))
        if e.year:
            add(node, T.DCTERMS_date, lit(str(e.year), T.XSD_gYear))
        if e.adopted_by and minter is not None:
            add(node, T.GB_adoptedBy, minter.document(e.adopted_by))
    if e.country:
        add(node, T.GB_country, lit(e.country))


def metadata_ntriples(record, doc: str, minter: Minter = Minter()) -> bytes:
    """What the UN's metadata record says of a resolution: votes, sponsors, committee, meeting, subjects."""
    from graph_builder.un.symbols import UNSymbol as _Symbol

    sink = TripleSink()
    add = sink.add
    states = member_states()
    for names, predicate in ((record.in_favour, T.GB_votedInFavour), (record.against, T.GB_votedAgainst),
                             (record.abstaining, T.GB_abstained),
                             (record.sponsors + record.additional_sponsors, T.GB_sponsoredBy)):
        for name in read_state_list(names):
            state = minter.state(states.code[name])
            add(doc, predicate, state)
            add(state, T.RDF_type, T.GB_MemberState)
            add(state, T.RDFS_label, lit(name, lang="en"))
            add(state, T.GB_countryCode, lit(states.code[name]))
    for count, predicate in ((record.in_favour_count, T.GB_votesInFavour), (record.against_count, T.GB_votesAgainst),
                             (record.abstaining_count, T.GB_abstentions)):
        if count is not None and (count or record.in_favour or record.against or record.abstaining):
            add(doc, predicate, lit(count))
    if record.adoption_type or record.voting_type:
        add(doc, T.GB_adoptionType, lit(record.adoption_type or record.voting_type))
    committee = committee_name(record.committee)
    if committee:
        body = minter.entity("body", committee)
        add(doc, T.GB_committee, body)
        entity_triples(add, body, "body", committee)
    for value, predicate in ((record.pv, T.GB_meetingRecord), (record.draft, T.GB_draftResolution)):
        if not value:
            continue
        try:
            symbol = str(_Symbol.parse(value))
        except SymbolError:
            continue
        add(doc, predicate, minter.document(symbol))
        add(minter.document(symbol), T.RDF_type, T.GB_UNDocument)
        add(minter.document(symbol), T.GB_symbol, lit(symbol))
        add(minter.document(symbol), T.FOAF_page, minter.undocs(symbol))
    for goal in record.sdgs:
        add(doc, T.GB_sdg, lit(str(goal)))
    for label, scheme in record.subjects:
        subject_triples(add, minter, doc, label, scheme)
    if record.meeting:
        add(doc, T.GB_adoptionMeeting, lit(record.meeting))
    return sink.ntriples()


# a record's "committee" that names none: adopted in plenary, without a Main Committee, or not said
NO_COMMITTEE = ("", "n.a.", "without reference to a main committee", "plenary meeting")


def committee_name(given: str) -> str:
    """A record's committee as the gazetteer names it ("Fourth Committee" is the Special Political and
    Decolonization Committee (Fourth Committee)); "#fifthCommittee", a tag of the markup, is the Fifth
    Committee; "" where the record names none."""
    name = " ".join(re.sub(r"(?<=[a-z])(?=[A-Z])", " ", given.lstrip("#")).split())
    if name.lower() in NO_COMMITTEE:
        return ""
    e = gazetteer().surfaces.get(fold(name)) or gazetteer().surfaces.get(fold(name[:1].upper() + name[1:]))
    return e.name if e is not None and e.kind == "body" else name


# a record's "subject" whose scheme is a document symbol is an agenda item of that agenda (A/79/251,
# A/HRC/60/1/Rev.1, E/2024/100, S/72), often by its number alone ("11", "12c"); DHL's entry is the
# library's catalogue title of the resolution itself.  Neither is a subject.
_AGENDA_SCHEME = re.compile(r"[A-Z]+/\S*")
_UNBIS_ID = re.compile(r"(?:http://metadata\.un\.org/thesaurus/)?(\d{5,8})")
NOT_SUBJECT_SCHEMES = ("DHL",)


def subject_triples(add, minter: Minter, doc: str, label: str, scheme: str) -> None:
    """One (label, scheme) of a record's subjects: a SKOS concept, an agenda item, or nothing."""
    label = unicodedata.normalize("NFC", " ".join(label.split()))  # records mix composed and decomposed letters
    scheme, _, given_id = scheme.partition("|")  # metadata.read_subjects puts a concept id after a bar
    if not label or scheme in NOT_SUBJECT_SCHEMES:
        return
    if _AGENDA_SCHEME.fullmatch(scheme):
        title = label.rstrip(".")
        name = f"{scheme}, item {title}" if re.fullmatch(r"\d+[a-z]?", title) else f"{title} ({scheme})"
        item = minter.agenda_item(name)
        add(doc, T.GB_underAgendaItem, item)
        add(item, T.RDF_type, T.GB_AgendaItem)
        add(item, T.RDFS_label, lit(name, lang="en"))
        return
    if not scheme or re.fullmatch(r"\d+[a-z]?", label):
        return  # a bare number is no subject heading
    m = _UNBIS_ID.fullmatch(given_id) if given_id else None
    # one preferred label per concept, whichever record names it: the records give one heading in capitals
    # or in title case, with straight or curly apostrophes ("UN. SECURITY COUNCIL", "UN. Security Council"),
    # so the label is the heading in capitals, as UNBIS prints its descriptors; the spelling is an altLabel
    pref = label.replace("'", "’").upper()
    concept = minter.subject(scheme, pref, m.group(1) if m and scheme == "UNBIS Thesaurus" else "")
    add(doc, T.DCTERMS_subject, concept)
    add(concept, T.RDF_type, T.SKOS_Concept)
    add(concept, T.SKOS_prefLabel, lit(pref, lang="en"))
    if label != pref:
        add(concept, T.SKOS_altLabel, lit(label, lang="en"))
    thesaurus = minter.thesaurus(scheme)
    add(concept, T.SKOS_inScheme, thesaurus)
    add(thesaurus, T.RDF_type, T.SKOS_ConceptScheme)
    add(thesaurus, T.RDFS_label, lit(scheme, lang="en"))
