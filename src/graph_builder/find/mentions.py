"""Everything a resolution mentions, found before anything is resolved, in the text's language (lang/).

`find_mentions(doc, issuer)` runs every finder over every clause and footnote and returns one
`UnitMentions` per unit, in reading order.  Nothing here looks at what came before: a short form
("the Covenant", "that resolution") is found as printed, and only `resolve/` decides what it stands for,
in one pass over the finished list.
"""
from __future__ import annotations

from dataclasses import dataclass

from graph_builder.find.actors import ActorMention, addressees
from graph_builder.find.gazetteer import SPACES, fold, gazetteer
from graph_builder.find.names import NameMatch, ProvisionMatch, find_names, find_provisions
from graph_builder.find.symbols import SymbolMatch, find_symbol_references
from graph_builder.lang import Language, language
from graph_builder.models import Link, MappedText, SourceDocument
from graph_builder.un.numbers import ordinal_number


@dataclass(frozen=True, slots=True)
class ResolutionShortForm:
    """'that resolution', 'the same decision': a resolution named before, or (for 'this') the present one."""

    start: int
    end: int
    decision: bool  # "that decision": a decision, not a resolution
    present: bool  # "this resolution": the resolution itself, no reference


@dataclass(frozen=True, slots=True)
class SessionMention:
    """'at its fifty-eighth session': the issuing organ's session, by number."""

    start: int
    end: int
    number: int
    label: str  # session | special session | emergency special session (the key's words, in English)


@dataclass(frozen=True, slots=True)
class AgendaItemMention:
    start: int
    end: int
    title: str


@dataclass(frozen=True, slots=True)
class UnitMentions:
    """What the finders found in one clause or footnote (offsets in the unit's clean text)."""

    unit_id: str
    body: MappedText
    links: tuple[Link, ...]
    symbols: tuple[SymbolMatch, ...]
    resolution_short_forms: tuple[ResolutionShortForm, ...]
    names: tuple[NameMatch, ...]
    provisions: tuple[ProvisionMatch, ...]  # each `target` indexes `names`
    sessions: tuple[SessionMention, ...]
    agenda_items: tuple[AgendaItemMention, ...]
    proper_names: tuple[str, ...]  # for "the National Union" read later as the longer name
    countries: tuple[str, ...]  # the official names of the countries named, in order
    actors: tuple[ActorMention, ...]  # whom an operative clause addresses (empty elsewhere)


@dataclass(frozen=True, slots=True)
class DocumentMentions:
    clauses: tuple[UnitMentions, ...]  # in the order of doc.clauses
    footnotes: tuple[UnitMentions, ...]  # in the order of doc.footnotes
    title_countries: tuple[str, ...]  # the countries the title names: what the resolution is about


def find_mentions(doc: SourceDocument, issuer: str) -> DocumentMentions:
    """Every mention in the document, read in its language; `issuer` is the organ that reads "its
    resolution 12/3" as its own."""
    lang = language(doc.info.language)
    clauses = tuple(find_in_unit(sc.id, sc.body, sc.links, issuer, lang,
                                 addressed=sc.kind == "operative" and not sc.heading) for sc in doc.clauses)
    footnotes = tuple(find_in_unit(fn.id, fn.body, fn.links, issuer, lang, addressed=False) for fn in doc.footnotes)
    return DocumentMentions(clauses, footnotes, country_names(doc.info.title))


def find_in_unit(unit_id: str, body: MappedText, links: tuple[Link, ...], issuer: str, lang: Language,
                 addressed: bool) -> UnitMentions:
    text = body.text
    phrases = lang.mentions
    names = find_names(text, lang)
    # names inside a cited text's quoted title are no references of this clause ('GC(69)/RES/16 A, entitled
    # "Staffing of the Agency's Secretariat"'); a name that is the whole title is
    titles = [(m.start("title"), m.end("title")) for m in phrases.quoted_title.finditer(text)]
    if titles:
        names = [n for n in names if not any(s <= n.start and n.end <= e and (n.start, n.end) != (s, e) for s, e in titles)]
    sessions = []
    for m in phrases.session.finditer(text):
        n = ordinal_number(m.group("ord"), lang)
        if n:
            label = "emergency special session" if m.group("emergency") else "special session" if m.group("special") else "session"
            sessions.append(SessionMention(m.start(), m.end(), n, label))
    return UnitMentions(
        unit_id=unit_id,
        body=body,
        links=tuple(links),
        symbols=tuple(find_symbol_references(text, issuer, lang)),
        resolution_short_forms=tuple(ResolutionShortForm(m.start(), m.end(), bool(m.group("decision")), bool(m.group("present")))
                                     for m in phrases.resolution_short_form.finditer(text)),
        names=tuple(names),
        provisions=tuple(find_provisions(text, names)),
        sessions=tuple(sessions),
        agenda_items=tuple(AgendaItemMention(m.start("title"), m.end("title"), m.group("title").strip())
                           for m in phrases.agenda_item.finditer(text)),
        proper_names=tuple(SPACES.sub(" ", m.group(0)) for m in phrases.proper_name.finditer(text)),
        countries=country_names(text),
        actors=tuple(addressees(text)) if addressed else (),
    )


def country_names(text: str) -> tuple[str, ...]:
    g = gazetteer()
    return tuple(g.countries[fold(m.group(0))] for m in g.country_pattern.finditer(text))
