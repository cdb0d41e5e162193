"""Stage 3: the mentions found in every clause and footnote become the document's references.

`find/mentions.py` has found everything first; the resolver then folds over that finished list once, in
reading order, keeping a memory of what the text has named, so that a short form ("the Covenant", "the
Special Representative", "that resolution", "its resolution") stands for the latest thing it can stand
for.  It never guesses: a short form with nothing to stand for becomes a diagnostic, and so does a markup
link that the text contradicts.  The name resolver can be swapped (`resolve(doc, name_resolver=...)`).
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache

from graph_builder.errors import SymbolError
from graph_builder.find.actors import ActorMention
from graph_builder.find.gazetteer import Entry, fold, gazetteer
from graph_builder.find.mentions import DocumentMentions, UnitMentions, find_mentions
from graph_builder.find.names import NameMatch
from graph_builder.find.open_names import head_short_forms
from graph_builder.find.verbs import opening
from graph_builder.lang import Language, ResolverPhrases, language
from graph_builder.models import (
    Addressee,
    Clause,
    Diagnostic,
    Footnote,
    MappedText,
    Reference,
    ReferenceKind,
    Resolution,
    SourceClause,
    SourceDocument,
    SourceFootnote,
)
from graph_builder.un.numbers import ordinal_suffix
from graph_builder.un.organs import self_names, symbol_issuers
from graph_builder.un.symbols import UNSymbol, organ_of_symbol, plausible


@dataclass
class Memory:
    """What the document has named so far, latest last."""

    last_by_short: dict[str, tuple[str, str]] = field(default_factory=dict)  # folded short form -> (kind, key)
    reports: dict[str, tuple[str, ...]] = field(default_factory=dict)  # author key -> symbols of its latest report
    last_resolution: str = ""
    last_decision: str = ""
    proper_names: dict[str, None] = field(default_factory=dict)  # each once, in order: a list grew with the text
    countries: Counter = field(default_factory=Counter)
    last_footnote: tuple[Reference, ...] = ()  # what the footnote before said, for an "Ibid."


@dataclass
class UnitResult:
    references: list[Reference]
    diagnostics: list[Diagnostic]
    entity_spans: list[tuple[int, int, str, str]]  # clean start, end, kind, key of bodies/offices named
    reports: list[tuple[int, int, str]] = field(default_factory=list)  # "report of the X": clean span, author key
    _report_ends: tuple[list[int], bool] | None = None

    def report_ends(self, body: MappedText) -> tuple[list[int], bool]:
        """The source offsets where the reports end, and whether they ascend; computed once per clause."""
        if self._report_ends is None or len(self._report_ends[0]) != len(self.reports):
            ends = [body.source_offset(e) for _, e, _ in self.reports]
            self._report_ends = (ends, all(a <= b for a, b in zip(ends, ends[1:])))
        return self._report_ends


@dataclass(frozen=True, slots=True)
class Here:
    """Where a name is being resolved: the clause or footnote, the issuing organ, the language's phrases."""

    unit_id: str
    body: MappedText
    issuer: str
    countries: tuple[str, ...]  # the countries the unit names
    phrases: ResolverPhrases
    diagnostics: list[Diagnostic]  # the unit's, added to as it is read

    @property
    def text(self) -> str:
        return self.body.text

    def diagnose(self, n: NameMatch, code: str, message: str) -> None:
        self.diagnostics.append(diagnostic(self.body, self.unit_id, n.start, n.end, code, message))


# resolves one name found: (kind, key, is_short_form), or None when it stands for nothing to key
NameResolver = Callable[[NameMatch, Here, "Memory"], "tuple[str, str, bool] | None"]


def reading_organ(doc: SourceDocument) -> str:
    """The organ that adopted the document: its body, else the organ its symbol names; "" when neither
    says (never a guess: its own citations, self-names and sessions then stay unresolved)."""
    if doc.info.body:
        return doc.info.body
    organ = organ_of_symbol(doc.info.symbol) if doc.info.symbol else None
    return organ.name if organ is not None else ""


def resolve(doc: SourceDocument, mentions: DocumentMentions | None = None, *,
            name_resolver: NameResolver | None = None) -> Resolution:
    """The document's references: its mentions (found here unless given) resolved in one pass."""
    issuer = reading_organ(doc)
    found = mentions if mentions is not None else find_mentions(doc, issuer)
    name_resolver = name_resolver or resolve_name
    lang = language(doc.info.language)
    phrases = lang.resolver
    memory = Memory()
    # the countries the resolution is about: its title's, then those its text names most
    for country in found.title_countries:
        memory.countries[country] += 3
    for mentioned in found.clauses:
        for country in mentioned.countries:
            memory.countries[country] += 1
    diagnostics: list[Diagnostic] = list(doc.diagnostics)
    if not issuer:
        diagnostics.append(Diagnostic("unknown-issuer", "the document names no issuing organ and its symbol "
                                      f"({doc.info.symbol or 'none'}) names none: “its resolution”, “the "
                                      "Council” and “at its … session” are not resolved"))
    clauses: list[Clause] = []
    footnotes: list[Footnote] = []
    notes_by_anchor: dict[str, list[tuple[SourceFootnote, UnitMentions]]] = {}
    for fn, fn_mentions in zip(doc.footnotes, found.footnotes):
        notes_by_anchor.setdefault(fn.anchor, []).append((fn, fn_mentions))
    for sc, unit_mentions in zip(doc.clauses, found.clauses):
        unit = read_unit(doc, unit_mentions, issuer, phrases, memory, name_resolver)
        notes_here = notes_by_anchor.get(sc.id, ())
        report_short_forms(doc, sc, unit, memory)
        diagnostics.extend(unit.diagnostics)
        verb, concept = clause_verb(sc, lang)
        actors: tuple[Addressee, ...] = ()
        if unit_mentions.actors:
            actors = tuple(to_addressees(doc, sc.body, unit_mentions.actors, unit.entity_spans, memory))
        clauses.append(Clause(sc.id, sc.kind, verb, concept, sc.span, sc.body.text, tuple(unit.references), actors,
                              tuple(fn.id for fn, _ in notes_here), sc.heading))
        first_marker: dict[str, int] = {}  # label -> offset of its first marker (one pass, not one per footnote)
        for marker in reversed(sc.markers):
            first_marker[marker.label] = marker.source_offset
        for fn, fn_mentions in notes_here:
            note = read_footnote(doc, fn, fn_mentions, issuer, phrases, memory, diagnostics, name_resolver)
            footnotes.append(note)
            remember_report(sc, unit, first_marker.get(fn.marker), note, memory, phrases)
    for fn, fn_mentions in notes_by_anchor.get("", ()):
        footnotes.append(read_footnote(doc, fn, fn_mentions, issuer, phrases, memory, diagnostics, name_resolver))
    order = {fn.id: i for i, fn in enumerate(doc.footnotes)}
    footnotes.sort(key=lambda f: order.get(f.id, 0))
    return Resolution(doc.source, doc.text, doc.info, tuple(clauses), tuple(footnotes), tuple(diagnostics))


MARKER_WINDOW = 60  # characters between a report's mention and its footnote marker
REPORT_FOOTNOTE_WINDOW = 100  # the same, when the footnote gives documents only
def report_mentions(text: str, entity_spans: list[tuple[int, int, str, str]],
                    phrases: ResolverPhrases) -> list[tuple[int, int, str]]:
    """'the report of the Secretary-General': (clean start of "report", end of the author, author key)."""
    out = []
    for s, e, _kind, key in entity_spans:
        lead = phrases.report_lead.search(text, max(0, s - 30), s)
        if lead:
            out.append((lead.start(), e, key))
            continue
        poss = phrases.possessive_report.match(text, e)
        if poss:
            out.append((s, poss.end(), key))
    return out


def remember_report(sc: SourceClause, unit: UnitResult, marker: int | None, note: Footnote, memory: Memory,
                    phrases: ResolverPhrases) -> None:
    """A footnote that gives the symbols of a report the clause names: remember them as that author's report.
    `marker` is the source offset of the footnote's first marker in the clause (None if it has none)."""
    symbols = tuple(r.key for r in note.references if r.kind == "document")
    if not symbols or marker is None:
        return
    ends, ordered = unit.report_ends(sc.body)
    if ordered:  # the last report that ends by the marker, found by halving
        i = bisect.bisect_right(ends, marker)
        last = i - 1 if i else None
    else:
        last = max((i for i, end in enumerate(ends) if end <= marker), default=None)
    if last is None:
        return
    end, key = unit.reports[last][1], unit.reports[last][2]
    # "the report of the Secretary-General submitted pursuant to paragraph 2 of resolution 431 (1978)61":
    # a footnote giving a document's symbol is the report's, though a resolution is cited in between
    window = REPORT_FOOTNOTE_WINDOW if all(r.kind == "document" for r in note.references) else MARKER_WINDOW
    between = sc.body.text[end:end + max(0, marker - ends[last])]
    # "… on the implementation of the proposal for a settlement 64": the marker is the proposal's
    if marker - ends[last] <= window and not phrases.other_document.search(between):
        memory.reports[key] = symbols


def report_short_forms(doc: SourceDocument, sc: SourceClause, unit: UnitResult, memory: Memory) -> None:
    """'the report of the Secretary-General' with no symbol or marker of its own: the report that author's
    latest cited report was (a short form, as "the Covenant" is)."""
    marks = sorted(m.source_offset for m in sc.markers)
    inline = {r.key for r in unit.references if r.kind == "document"}
    for s, e, key in unit.reports:
        end = sc.body.source_offset(e)
        i = bisect.bisect_left(marks, end)
        if i < len(marks) and marks[i] - end <= MARKER_WINDOW:
            continue  # its own footnote says which report
        symbols = memory.reports.get(key, ())
        if not symbols or inline & set(symbols):
            continue
        span = sc.body.source_span(s, e)
        have = {(r.kind, r.key) for r in unit.references}
        for sym in symbols:
            if ("document", sym) not in have:
                unit.references.append(Reference(ReferenceKind.DOCUMENT, sym, doc.text[span[0]:span[1]], span, short_form=True))
    unit.references.sort(key=lambda r: (r.span, r.kind, r.key))


def read_footnote(doc: SourceDocument, fn: SourceFootnote, mentions: UnitMentions, issuer: str,
                  phrases: ResolverPhrases, memory: Memory, diagnostics: list[Diagnostic],
                  name_resolver: NameResolver) -> Footnote:
    unit = read_unit(doc, mentions, issuer, phrases, memory, name_resolver)
    diagnostics.extend(unit.diagnostics)
    refs = tuple(unit.references)
    m = phrases.ibid.match(fn.body.text)
    if m and not refs and memory.last_footnote:
        span = fn.body.source_span(0, len(fn.body.text.rstrip()))
        refs = tuple(Reference(r.kind, r.key, doc.text[span[0]:span[1]], span, short_form=True, target=r.target,
                               unit=r.unit, number=r.number) for r in memory.last_footnote)
    memory.last_footnote = refs
    return Footnote(fn.id, fn.marker, fn.anchor, fn.span, fn.body.text, refs)


def clause_verb(sc: SourceClause, lang: Language | None = None) -> tuple[str, str]:
    """The opening phrase as printed and its concept id; sub-paragraphs and annex paragraphs have none."""
    if sc.kind == "annex" or sc.heading or is_subparagraph(sc.id):
        return "", ""
    op = opening(sc.verb_hint or sc.body.text, lang)
    phrase = sc.verb_hint or op.phrase
    return phrase, op.concept.id if op.concept else ""


# the last part of a paragraph's id ("op3", "pp2"); anything else ("op3.a") is a sub-paragraph
PARAGRAPH_ID = re.compile(r"^(?:u?op|pp|up|p)\d+$")


def is_subparagraph(cid: str) -> bool:
    last = cid.split(".")[-1]
    return not PARAGRAPH_ID.match(last)


def read_unit(doc: SourceDocument, found: UnitMentions, issuer: str, phrases: ResolverPhrases, memory: Memory,
              name_resolver: NameResolver) -> UnitResult:
    """The references of one clause or footnote, from what was found in it and what the memory holds."""
    body, unit_id = found.body, found.unit_id
    text = body.text
    refs: list[Reference] = []
    diags: list[Diagnostic] = []
    entity_spans: list[tuple[int, int, str, str]] = []
    seen: set[tuple[str, str]] = set()
    own = doc.info.symbol.replace(" ", "")

    def add(kind: str, key: str, s: int, e: int, replaces: str = "", **kw) -> None:  # kind: a ReferenceKind value
        if replaces and (kind, replaces) in seen:
            seen.discard((kind, replaces))
            refs[:] = [r for r in refs if (r.kind, r.key) != (kind, replaces)]
        if not key or (kind, key) in seen:
            return
        seen.add((kind, key))
        span = body.source_span(s, e)
        refs.append(Reference(ReferenceKind(kind), key, doc.text[span[0]:span[1]], span, **kw))

    # resolutions, decisions and document symbols
    for sm in found.symbols:
        if sm.key.replace(" ", "") == own:
            continue  # the resolution naming itself (cover furniture, "S/RES/2231 (2015)")
        if sm.kind in ("resolution", "provision") and not plausible(sm.target or sm.key):
            diags.append(diagnostic(body, unit_id, sm.start, sm.end, "implausible-symbol",
                                    f"“{sm.text}” would be {sm.target or sm.key}, which its organ never issued: not linked"))
            continue
        if sm.kind == "provision":
            add("provision", sm.key, sm.start, sm.end, target=sm.target, unit=sm.unit, number=sm.number)
            continue
        add(sm.kind, sm.key, sm.start, sm.end)
        if sm.kind == "resolution":
            if "/DEC/" in sm.key:
                memory.last_decision = sm.key
            else:
                memory.last_resolution = sm.key
    # markup links (AKN): a hint; the text wins where it contradicts the link
    for link in found.links:
        check_link(doc, unit_id, link, found.symbols, body, add, diags)
    # "that resolution"
    for short in found.resolution_short_forms:
        if short.present:
            continue  # "this resolution" is the present one
        target = memory.last_decision if short.decision else memory.last_resolution
        if target:
            add("resolution", target, short.start, short.end, short_form=True)
        else:
            diags.append(diagnostic(body, unit_id, short.start, short.end, "unresolved-short-form",
                                    f"“{text[short.start:short.end]}” has no resolution named before it"))
    # instruments, bodies, offices, their short forms, provisions
    here = Here(unit_id, body, issuer, found.countries, phrases, diags)
    resolved = [name_resolver(n, here, memory) for n in found.names]
    for n, r in zip(found.names, resolved):
        if r is None:
            continue
        kind, key, short_form = r
        if kind == "organization":
            entity_spans.append((n.start, n.end, "actor", key))  # an addressee, but no UN body to key
            continue
        for k in key.split("\x00"):  # collections stand for each member
            add(kind, k, n.start, n.end, short_form=short_form)
            if kind in ("body", "office"):
                entity_spans.append((n.start, n.end, kind, k))
    for p in found.provisions:
        r = resolved[p.target]
        if r is None or r[0] != "instrument" or "\x00" in r[1]:
            continue
        add("provision", f"{r[1]}, {p.unit} {p.number}", p.start, p.end, target=r[1], unit=p.unit, number=p.number)
    # sessions and agenda items
    for session in found.sessions:
        number = session.number
        if not issuer:
            diags.append(diagnostic(body, unit_id, session.start, session.end, "unknown-issuer",
                                    f"“{text[session.start:session.end]}”: the session of an organ the document "
                                    "does not name"))
            continue
        add("session", f"{issuer}, {number}{ordinal_suffix(number)} {session.label}", session.start, session.end)
    for item in found.agenda_items:
        add("agenda-item", item.title, item.start, item.end)
    for name in found.proper_names:
        memory.proper_names[name] = None
    refs.sort(key=lambda r: (r.span, r.kind, r.key))
    reports = report_mentions(text, entity_spans, phrases)
    # a report cited with its symbol in the text: "the report of the Secretary-General (S/2002/1005)"
    for _s, e, key in reports:
        lo, hi = body.source_offset(e), body.source_offset(min(len(text), e + MARKER_WINDOW))
        after = [r.key for r in refs if r.kind == "document" and lo <= r.span[0] <= hi]
        if after:
            memory.reports[key] = tuple(after)
    return UnitResult(refs, diags, entity_spans, reports)


def diagnostic(body: MappedText, unit_id: str, s: int, e: int, code: str, message: str) -> Diagnostic:
    return Diagnostic(code, message, body.source_span(s, e), unit_id)


def resolve_name(n: NameMatch, here: Here, memory: Memory) -> tuple[str, str, bool] | None:
    """(kind, key, is_short_form) for one name found, or None when it stands for nothing to key."""
    g = gazetteer()
    issuer = here.issuer
    if n.open_kind and not n.short:
        return resolve_open(n, here, memory)
    if n.entries and not n.short:
        if len(n.entries) > 1:  # a collective name: each member
            for e in n.entries:
                remember(memory, e.kind, e.name, e)
            return (n.entries[0].kind, "\x00".join(e.name for e in n.entries), False)
        e = n.entries[0]
        if e.kind == "body" and is_issuer_mention(here, n, e.name):
            return None  # "Human Rights Council resolution 49/18": the issuer is part of the citation
        remember(memory, e.kind, e.name, e)
        return ("organization" if e.kind == "body" and not e.un else e.kind, e.name, False)
    if n.mandate and not n.short:
        entry = g.by_name.get(("office", fold(n.mandate))) or g.surfaces.get(fold(n.mandate))
        key = entry.name if entry is not None else n.mandate
        kind = entry.kind if entry is not None else "office"
        remember(memory, kind, key, entry, title=n.mandate)
        return (kind, key, False)
    # a short form
    if n.short.casefold() in self_names(issuer):
        return None  # the issuing organ naming itself
    hit = memory.last_by_short.get(n.short)
    if hit is not None:
        if hit[0] == "body" and hit[1] in symbol_issuers() and is_issuer_mention(here, n, hit[1]):
            return None  # "in which the Assembly adopted": the author of the resolution cited
        return (hit[0], hit[1], True)
    if n.mandate:
        # "the Special Representative of the Secretary-General" with no mandate named: qualify by the country
        country = country_of(here.countries, memory)
        for e in g.entries.values():
            if e.kind == "office" and e.country and e.country == country and fold(e.name).startswith(fold(n.mandate)):
                remember(memory, "office", e.name, e, title=n.mandate)
                return ("office", e.name, False)
        here.diagnose(n, "unqualified-mandate", f"“{n.text}” names no mandate; keyed by its title alone")
        remember(memory, "office", n.mandate, None, title=n.mandate)
        return ("office", n.mandate, False)
    standalone = [e for e in n.entries if e.standalone]
    if len(standalone) == 1:
        return (standalone[0].kind, standalone[0].name, True)
    if n.entries and all(e.kind == "body" and not e.un for e in n.entries):
        return None
    if not n.entries and n.short.startswith("the "):
        if not n.entries:
            here.diagnose(n, "unresolved-short-form", f"“{n.text}” has nothing named before it to stand for")
        return None
    here.diagnose(n, "unresolved-short-form", f"“{n.text}” has nothing named before it to stand for")
    return None


def resolve_open(n: NameMatch, here: Here, memory: Memory) -> tuple[str, str, bool] | None:
    """A name read by its construction: keyed by its printed name (or the official name the data gives it);
    "Governing Board of the Institute" by what "the Institute" stands for."""
    g = gazetteer()
    printed = re.sub(r"\s+", " ", n.text).strip()
    printed = re.sub(r"(?<=\w)- (?=[A-Z])", "-", printed)  # "Trade- Related": a hyphen the line broke after
    printed = re.sub(r"(?<=[a-z])\d{1,3}$", "", printed)  # "… for Criminal Tribunals16": a footnote marker
    short_form = False
    if n.of_short:
        inner = short_target(n.of_short, here.issuer, memory)
        if inner is None:
            here.diagnose(n, "unresolved-short-form", f"“{n.text}”: “{n.of_short}” has nothing named before it to stand for")
            return None
        prefix = printed[:printed.rfind(" of the ")]
        printed = f"{prefix[:1].upper()}{prefix[1:]} of the {inner[1]}"
        short_form = True
    entry = g.surfaces.get(fold(printed)) or g.by_name.get((n.open_kind, fold(printed)))
    if entry is None and n.head and not n.of_short and printed.find(n.head + " ") > 0:
        # "World Trade Organization Agreement on Trade-Related Aspects …": the issuer before a title the data knows
        tail = printed[printed.find(n.head + " "):]
        entry = g.surfaces.get(fold(tail)) or surfaces_casefolded().get(tail.casefold())
    if entry is not None:
        remember(memory, entry.kind, entry.name, entry)
        return ("organization" if entry.kind == "body" and not entry.un else entry.kind, entry.name, short_form)
    kind = n.open_kind
    verdict, official = g.reviewed.get(fold(printed), ("", ""))
    if verdict == "no":
        return None  # reviewed: not a name ("Commitments and Actions")
    if verdict == "alias" and official:
        printed = official
        entry = g.surfaces.get(fold(official))
        if entry is not None:  # the alias of a listed name
            remember(memory, entry.kind, entry.name, entry)
            return ("organization" if entry.kind == "body" and not entry.un else entry.kind, entry.name, short_form)
    if kind in ("body", "office") and (verdict == "other" or (verdict not in ("un", "alias") and not_un(printed))):
        kind = "organization"
    remember_open(memory, kind, printed, n)
    return (kind, printed, short_form)


@cache
def surfaces_casefolded() -> dict[str, Entry]:
    """The gazetteer's surfaces whatever their case: a title printed "Trade-related" is still the title."""
    out: dict[str, Entry] = {}
    for k, e in gazetteer().surfaces.items():
        out.setdefault(k.casefold(), e)
    return out


def short_target(short: str, issuer: str, memory: Memory) -> tuple[str, str] | None:
    """What a short form ("the Institute", "the Council") stands for here, or None."""
    if short.casefold() in self_names(issuer):
        return ("body", issuer)
    hit = memory.last_by_short.get(short)
    if hit is not None:
        return hit
    standalone = [e for e in gazetteer().short_forms.get(short, ()) if e.standalone]
    if len(standalone) == 1:
        return (standalone[0].kind, standalone[0].name)
    return None


# a body of a State or of an organisation outside the UN: "National Human Rights Commission", "Iraqi
# Governing Council", "Peace and Security Council of the African Union"
def not_un(name: str) -> bool:
    g = gazetteer()
    words = name.split(" ")
    if words[0] in ("National", "Transitional", "Federal", "Presidential", "Provincial", "Regional"):
        return True
    head_end = next((i for i, w in enumerate(words) if w in ("of", "on", "for", "against", "to", "in")), len(words))
    if g.country_pattern.search(" ".join(words[:head_end])):
        return True
    # "Supreme Court of the United States", "Central Bank of Libya": a State's own
    of_country = re.match(r"of\s+(?:the\s+)?(.+)$", " ".join(words[head_end:]))
    if of_country and fold(of_country.group(1)) in g.countries:
        return True
    for m in g.pattern.finditer(name):
        e = g.surfaces.get(m.group(0)) or g.surfaces.get(fold(m.group(0)))
        if e is not None and e.kind == "body" and not e.un:
            return True
    return False


def remember_open(memory: Memory, kind: str, key: str, n: NameMatch) -> None:
    """The short forms of a name read by its construction: "the Institute", "the African Institute", its
    acronym and "(the Hodeidah Agreement)"."""
    before = n.text[:n.text.find(n.head)] if n.head and n.head in n.text else ""
    mods = [m for m in before.split() if not m[:1].isdigit()]
    shorts = {fold("the " + n.head)}
    for k in range(1, min(3, len(mods)) + 1):
        shorts.add(fold("the " + " ".join(mods[-k:]) + " " + n.head))
    if n.acronym:
        shorts.add(n.acronym)
    for s in shorts:
        memory.last_by_short[s] = (kind, key)


def is_issuer_mention(here: Here, n: NameMatch, key: str = "") -> bool:
    """'General Assembly resolution 70/1', 'resolutions of the Security Council', 'Official Records of the
    General Assembly', 'in its resolution 76/205, the General Assembly acknowledged': the organ as the issuer
    or author of a citation, which is no body reference (the contract's issuer rule)."""
    text, phrases = here.text, here.phrases
    if phrases.issuer_before.search(text, max(0, n.start - 40), n.start):
        return True
    if phrases.issuer_list_before.search(text, max(0, n.start - 90), n.start):
        return True
    if phrases.issuer_after.match(text, n.end):
        return True
    if phrases.resolution_adopted_by.search(text, max(0, n.start - 160), n.start):
        return True  # "resolution 60/2 on women …, adopted by the Commission on the Status of Women"
    if key in symbol_issuers():  # named as what a cited resolution of theirs did, they are its author
        if phrases.author_after.match(text, n.end):
            return True
        if phrases.author_before.search(text, max(0, n.start - 200), n.start):
            return True
    return False


def remember(memory: Memory, kind: str, key: str, entry: Entry | None, title: str = "") -> None:
    """Make the short forms of what was just named point at it."""
    shorts: set[str] = set()
    if entry is not None:
        shorts.update(fold(s) for s in entry.short)
        if entry.kind in ("body", "instrument") and entry.un:
            shorts.update(head_short_forms(entry.name))  # "the Conference", "the Review Conference"
    if title:
        shorts.add(fold("the " + title.split(" of ")[0].split(" on ")[0].split(" for ")[0]))
    elif kind == "office":
        head = re.match(r"(Special (?:Representative|Rapporteur|Envoy|Adviser|Coordinator)|Independent Expert|"
                        r"Personal Envoy|High Representative|High Commissioner)", key)
        if head:
            shorts.add(fold("the " + head.group(1)))
    if entry is not None and entry.kind == "body" and not entry.un:
        kind = "organization"
    for s in shorts:
        memory.last_by_short[s] = (kind, key)


def country_of(countries: tuple[str, ...], memory: Memory) -> str:
    """The country a clause is about: the one it names, else the one the document names most."""
    here = Counter(countries).most_common(2)
    if len(here) == 1 or (len(here) == 2 and here[0][1] > here[1][1]):
        return here[0][0]
    if memory.countries:
        top = memory.countries.most_common(2)
        if len(top) == 1 or top[0][1] > top[1][1]:
            return top[0][0]
    return ""


def check_link(doc, unit_id, link, found_symbols, body: MappedText, add, diags: list[Diagnostic]) -> None:
    """Merge a markup link with what the text says at that place."""
    try:
        linked = UNSymbol.parse(link.symbol)
    except SymbolError:
        diags.append(Diagnostic("bad-link", f"the markup links “{link.symbol}”, which is not a UN symbol", link.span, unit_id))
        return
    key = str(linked)
    if not plausible(key):
        diags.append(Diagnostic("implausible-symbol", f"the markup links “{key}”, which its organ never issued: "
                                "not linked", link.span, unit_id))
        return
    # what the text itself found over the linked words
    over = [sm for sm in found_symbols if spans_overlap(body.source_span(sm.start, sm.end), link.span)]
    if any(sm.key == key for sm in over):
        return
    supplement = [sm for sm in over if key.upper() == f"{sm.key}(SUPP)".upper()]
    if supplement:
        # "Supplement No. 23 (E/2005/23)" linked as E/2005/23(SUPP): the catalogue's symbol of the same volume
        s, e = supplement[0].start, supplement[0].end
        add(supplement[0].kind, key, s, e, replaces=supplement[0].key, via="markup")
        return
    if over:
        diags.append(Diagnostic("link-contradicts-text",
                                f"the markup links “{key}”, the text reads “{over[0].key}”: the text is kept",
                                link.span, unit_id))
        return
    # the text found nothing there: trust the link
    kind = "resolution" if linked.is_resolution else "document"
    s = link.span
    # map the source span back to clean offsets for add(): find the clean range covering it
    cs = clean_index(body, s[0])
    ce = clean_index(body, s[1] - 1) + 1 if s[1] > s[0] else cs
    add(kind, key, cs, ce, via="markup")


def spans_overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1] or a == b


def clean_index(body: MappedText, source_offset: int) -> int:
    for c0, c1, src, copied in body.pieces():
        if copied and src <= source_offset < src + (c1 - c0):
            return c0 + (source_offset - src)
    return 0


def to_addressees(doc: SourceDocument, body: MappedText, mentions: Sequence[ActorMention],
                  entities: list[tuple[int, int, str, str]], memory: Memory) -> list[Addressee]:
    out: list[Addressee] = []
    seen: set[str] = set()
    for a in mentions:
        kind, name = "actor", a.name
        for s, e, k, key in entities:
            if s < a.end and a.start < e:
                kind, name = k, key
                break
        else:
            if a.name[:1].isupper() and kind == "actor":
                name = expand_proper(a.name, memory)
        if name.casefold() in seen:
            continue
        seen.add(name.casefold())
        span = body.source_span(a.start, a.end)
        out.append(Addressee(name, kind, doc.text[span[0]:span[1]], span, a.verb))
    return out


def expand_proper(name: str, memory: Memory) -> str:
    """'National Union' -> 'National Union for the Total Independence of Angola' when the text named it so."""
    longer = {p for p in memory.proper_names if p.startswith(name + " ") and len(p) > len(name)}
    if len(longer) == 1:
        return longer.pop()
    return name
