"""Everything a resolution mentions, found before anything is resolved.

`find_mentions(doc, issuer)` runs every finder over every clause and footnote and returns one
`UnitMentions` per unit, in reading order.  Nothing here looks at what came before: a short form
("the Covenant", "that resolution") is found as printed, and only `resolve/` decides what it stands for,
in one pass over the finished list.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from graph_builder.find.actors import ActorMention, addressees
from graph_builder.find.gazetteer import SPACES, fold, gazetteer
from graph_builder.find.names import NameMatch, ProvisionMatch, find_names, find_provisions
from graph_builder.find.symbols import SymbolMatch, find_symbol_references
from graph_builder.models import Link, MappedText, SourceDocument
from graph_builder.readers.cover import ordinal_number

# "that resolution", "the same resolution", "the above-mentioned resolution"
THAT_RESOLUTION = re.compile(
    r"(?<![\w-])(?:that|the\s+same|the\s+said|the\s+above-mentioned|the\s+aforementioned|this)\s+(?P<what>resolution|decision)(?![\w-])"
)
# "at its fifty-eighth session"
SESSION = re.compile(r"(?<![\w-])(?:at|during|to)\s+its\s+(?P<ord>[a-z]+(?:-[a-z]+)?)\s+(?P<special>(?:emergency\s+)?special\s+)?session\b")
# 'under the item entitled "Human rights questions"'
AGENDA_ITEM = re.compile(r"(?:item|sub-item)s?\s+entitled\s+[“\"](?P<title>[^”\"]{3,300})[”\"]")
# a proper name of three capitalised words or more, to expand "the National Union" later
PROPER_NAME = re.compile(r"(?<![\w-])(?:[A-Z][\w’'\-]{1,60})(?:\s+(?:(?:of|for|the|on|de|du|des)\s+)*[A-Z][\w’'\-]+){2,12}")
# 'entitled "Nuclear security"': the title of what the clause cites
QUOTED_TITLE = re.compile(r"entitled\s+[“\"]([^”\"]{2,400})[”\"]")


@dataclass(frozen=True, slots=True)
class ResolutionShortForm:
    """'that resolution', 'the same decision': a resolution named before, or (for 'this') the present one."""

    start: int
    end: int
    what: str  # resolution | decision
    present: bool  # "this resolution": the resolution itself, no reference


@dataclass(frozen=True, slots=True)
class SessionMention:
    """'at its fifty-eighth session': the issuing organ's session, by number."""

    start: int
    end: int
    number: int
    label: str  # session | special session | emergency special session


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
    """Every mention in the document; `issuer` is the organ that reads "its resolution 12/3" as its own."""
    clauses = tuple(find_in_unit(sc.id, sc.body, sc.links, issuer, addressed=sc.kind == "operative" and not sc.heading)
                    for sc in doc.clauses)
    footnotes = tuple(find_in_unit(fn.id, fn.body, fn.links, issuer, addressed=False) for fn in doc.footnotes)
    return DocumentMentions(clauses, footnotes, country_names(doc.info.title))


def find_in_unit(unit_id: str, body: MappedText, links: tuple[Link, ...], issuer: str, addressed: bool) -> UnitMentions:
    text = body.text
    names = find_names(text)
    # names inside a cited text's quoted title are no references of this clause ('GC(69)/RES/16 A, entitled
    # "Staffing of the Agency's Secretariat"'); a name that is the whole title is
    titles = [(m.start(1), m.end(1)) for m in QUOTED_TITLE.finditer(text)]
    if titles:
        names = [n for n in names if not any(s <= n.start and n.end <= e and (n.start, n.end) != (s, e) for s, e in titles)]
    sessions = []
    for m in SESSION.finditer(text):
        n = ordinal_number(m.group("ord"))
        if n:
            special = m.group("special") or ""
            label = f"{'emergency special ' if 'emergency' in special else 'special ' if special else ''}session"
            sessions.append(SessionMention(m.start(), m.end(), n, label))
    return UnitMentions(
        unit_id=unit_id,
        body=body,
        links=tuple(links),
        symbols=tuple(find_symbol_references(text, issuer)),
        resolution_short_forms=tuple(ResolutionShortForm(m.start(), m.end(), m.group("what"), m.group(0).startswith("this"))
                                     for m in THAT_RESOLUTION.finditer(text)),
        names=tuple(names),
        provisions=tuple(find_provisions(text, names)),
        sessions=tuple(sessions),
        agenda_items=tuple(AgendaItemMention(m.start("title"), m.end("title"), m.group("title").strip())
                           for m in AGENDA_ITEM.finditer(text)),
        proper_names=tuple(SPACES.sub(" ", m.group(0)) for m in PROPER_NAME.finditer(text)),
        countries=country_names(text),
        actors=tuple(addressees(text)) if addressed else (),
    )


def country_names(text: str) -> tuple[str, ...]:
    g = gazetteer()
    return tuple(g.countries[fold(m.group(0))] for m in g.country_pattern.finditer(text))
