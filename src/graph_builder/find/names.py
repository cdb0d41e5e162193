"""The "find" stage for names: instruments, bodies, offices, their short forms and provisions.

Works on one clause's cleaned text; offsets are into that text.  Short forms
are only found here ("the Covenant"); what they stand for is decided by the
resolver, which sees the whole document.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from graph_builder.find.gazetteer import SPACES, Entry, fold, gazetteer
from graph_builder.find.open_names import find_open_names
from graph_builder.lang import Language


@dataclass(frozen=True, slots=True)
class NameMatch:
    start: int
    end: int
    text: str
    entries: tuple[Entry, ...]  # what a full name or collective name stands for
    short: str = ""  # the folded short form ("the covenant"); entries then are the candidates
    mandate: str = ""  # a mandate title not in the gazetteer, keyed as printed
    mandate_kind: str = "office"
    open_kind: str = ""  # a name read by its construction (open_names.py): body | office | instrument
    head: str = ""  # its head noun, as printed: "Institute", "Working Group"
    of_short: str = ""  # "Governing Board of the Institute": the folded short form after "of" ("the institute")
    acronym: str = ""  # "(UNAFRI)" printed right after the name


@dataclass(frozen=True, slots=True)
class ProvisionMatch:
    start: int  # of "article 4"
    end: int
    text: str
    unit: str  # as printed, singular: article, Article, chapter, paragraph ...
    number: str
    target: int  # index of the NameMatch it belongs to


# -- mandate titles the gazetteer may not know --------------------------------
# "Special Rapporteur (of the Human Rights Council) on the situation of human rights defenders",
# "Special Representative of the Secretary-General for Angola", "Independent Expert on ...".
# The topic runs to the first word that cannot belong to it.
TOPIC_STOP = (r"(?=\s*(?:[,;:.()\[\]]|$)|\s+(?:and\s+(?:the|other|to|of|with|a|all|her|his|its|their)\b|to\s+(?!the\s+(?:right|rights|situation|use)\b)"
              r"|presented\b|submitted\b|in\s+(?:his|her|their|its|the\s+performance|accordance|order|consultation|cooperation)\b"
              r"|pursuant\b|as\s+well\b|who\b|which\b|whose\b|that\b|for\s+(?:his|her|their|its)\b|at\s+(?:its|the)\b|by\s+the\b|during\b|since\b|under\b|including\b))")
# the first word of every title MANDATE and POSSESSIVE_SHORT read: a text without one is not scanned (most clauses)
TITLE_WORDS = ("Special", "Independent", "Personal", "High")
MANDATE = re.compile(
    r"(?<![\w-])(?P<title>(?:Deputy\s+)?(?:Special\s+Rapporteur|Independent\s+Expert|Special\s+Representative|Special\s+Envoy|"
    r"Personal\s+Envoy|Special\s+Adviser|Special\s+Coordinator|Personal\s+Representative|High\s+Representative))"
    r"(?P<of>\s+of\s+the\s+(?:Secretary-General|Human\s+Rights\s+Council|Commission\s+on\s+Human\s+Rights|General\s+Assembly))?"
    # a rapporteur's mandate is "on" a topic; an envoy's "for" a country or a cause, printed with capitals
    r"(?:\s+(?:(?P<prep>on)\s+(?P<topic>(?:the\s+)?[\w’'\-]+(?:\s+[\w’'\-]+){0,14}?)"
    r"|(?P<prep2>for)\s+(?P<topic2>(?:the\s+)?[A-Z][\w’'\-]+(?:\s+(?:[A-Z][\w’'\-]+|and|of|the|in|for)){0,8}?))"
    + TOPIC_STOP + ")?"
)
# "article 4", "articles 19 and 20", "Chapter VII", "article 2, paragraph 1," ... followed by "of"
UNIT = (r"(?P<unit>[Aa]rticles?|[Cc]hapters?|[Pp]aragraphs?|[Rr]ules?|[Ss]ections?|[Pp]arts?|[Pp]rinciples?|[Gg]uidelines?"
        r"|[Aa]nnex(?:es)?|[Aa]ctions?)")  # "action 36 of the Agenda for Disarmament"
# a number: 4, 4 (a), 4 bis; a roman numeral; a letter other than a roman digit (a lone "I" is read one way only:
# two branches that both take it make a list of them try 2**n splits)
NUM = r"(?:\d{1,3}(?:\s*\([a-z0-9]{1,3}\))*(?:\s*bis|\s*ter)?|[IVXLC]{1,7}|(?![IVXLC])[A-Z](?=\W))"
PROVISION = re.compile(
    rf"(?<![\w-]){UNIT}\s+(?P<nums>{NUM}(?:(?:\s*,\s*|\s+and\s+|\s+to\s+|\s+or\s+){NUM})*)"
    r"(?:\s*,\s*paragraphs?\s+\d{1,3}(?:\s*\([a-z]\))?\s*,)?"
    r"\s+of\s+(?:the\s+)?$"
)
NUM_ITEM = re.compile(NUM)
PROVISION_WINDOW = 120
# the units printed after the name: "the Charter of the United Nations, in particular Article 1, paragraph 3"
PROVISION_AFTER = re.compile(
    rf"(?:\s*,)?\s+(?:in\s+particular|including|notably|especially|and\s+in\s+particular)\s+(?:its\s+)?{UNIT}\s+(?P<nums>{NUM}(?:(?:\s*,\s*|\s+and\s+){NUM})*)(?![\w-])(?!\s+of\b)")
# a later unit of the same instrument in the same clause: "action 36 of the Agenda …, and action 37,"
PROVISION_AGAIN = r"(?<![\w-])and\s+(?P<unit>{unit})\s+(?P<nums>{num})(?![\w-])(?!\s+of\b)"


def find_names(text: str, lang: Language | None = None) -> list[NameMatch]:
    """Full names, collective names, short forms and mandate titles, leftmost-longest, not overlapping (with
    the names the language prints, when given)."""
    g = gazetteer(lang)
    candidates: list[NameMatch] = []
    for m in g.names_pattern(text).finditer(text):
        surface = m.group(0)
        key = fold(surface)
        if key in g.collections:
            candidates.append(NameMatch(m.start(), m.end(), surface, g.collections[key]))
            continue
        entry = g.surfaces.get(surface) or g.surfaces.get(key)
        if entry is not None:
            candidates.append(NameMatch(m.start(), m.end(), surface, (entry,)))
    has_title = any(t in text for t in TITLE_WORDS)
    for m in MANDATE.finditer(text) if has_title else ():
        title = SPACES.sub(" ", m.group("title"))
        if m.group("topic") or m.group("topic2"):
            candidates.append(NameMatch(m.start(), m.end(), m.group(0), (), mandate=mandate_key(m)))
        elif m.group("of") and "Secretary-General" in m.group("of"):
            # "the Special Representative of the Secretary-General", no mandate named
            candidates.append(NameMatch(m.start(), m.end(), m.group(0), (), short=fold(f"the {title}"),
                                        mandate=f"{title} of the Secretary-General"))
    # the longest name wins where two overlap: "Special Representative of the Secretary-General for
    # Angola" over "Secretary-General", "Office of the ... High Commissioner for Human Rights" over the
    # High Commissioner; a gazetteer name over a mandate title of the same length
    found: list[NameMatch] = []
    taken = Spans()
    for n in sorted(candidates, key=lambda n: (-(n.end - n.start), n.start, bool(n.mandate))):
        if not taken.overlaps(n.start, n.end):
            found.append(n)
            taken.add(n.start, n.end)
    shorts = Spans()  # the short forms do not overlap one another: each is one match of one pattern
    for m in g.short_pattern.finditer(text):
        if taken.overlaps(m.start(), m.end()):
            continue
        key = fold(m.group(0))
        found.append(NameMatch(m.start(), m.end(), m.group(0), g.short_forms[key], short=key))
        shorts.add(m.start(), m.end())
    for m in POSSESSIVE_SHORT.finditer(text) if has_title else ():
        if taken.overlaps(m.start(), m.end()) or shorts.overlaps(m.start(), m.end()):
            continue
        key = fold("the " + SPACES.sub(" ", m.group("title")))
        found.append(NameMatch(m.start(), m.end(), m.group(0), g.short_forms.get(key, ()), short=key))
        taken.add(m.start(), m.end())
    # a collective name said of one instrument ("… Organized Crime and the Protocols thereto") counts only
    # right after that instrument
    after = g.collection_after
    found = [n for n in found if n.short or len(n.entries) < 2 or fold(n.text) not in after
             or any(m.end <= n.start and n.start - m.end <= 12 and m.entries and m.entries[0].id == after[fold(n.text)]
                    for m in found)]
    found = with_open_names(text, found)
    found.sort(key=lambda n: (n.start, -n.end))
    return found


def with_open_names(text: str, found: list[NameMatch]) -> list[NameMatch]:
    """Add the names read by their construction (open_names.py).  A gazetteer name wins where the two
    overlap, unless the new name holds it whole ("General Conference of the International Atomic Energy
    Agency" over the Agency); a short form is added only where nothing else was found."""
    atoms = [(n.start, n.end, n.entries[0].kind if n.entries else "office") for n in found if not n.short]
    found = sorted(found, key=lambda n: (n.start, n.end))
    starts = [n.start for n in found]
    dropped: set[int] = set()  # indices into found that a longer new name replaces
    added: list[NameMatch] = []
    for o in find_open_names(text, atoms):
        # the names found already that overlap o: they do not overlap each other, so they sit just before
        # the first one starting at or after o.end
        k = bisect_left(starts, o.end) - 1
        over: list[int] = []
        while k >= 0 and found[k].end > o.start:
            over.append(k)
            k -= 1
        if o.full or o.of_short:
            if any(found[x].start < o.start or found[x].end > o.end or (found[x].start, found[x].end) == (o.start, o.end)
                   for x in over):
                continue
            dropped.update(over)
            added.append(NameMatch(o.start, o.end, o.text, (), open_kind=o.kind, head=o.head, of_short=o.of_short,
                                   acronym=o.acronym))
        elif not over:
            added.append(NameMatch(o.start, o.end, o.text, (), short=fold("the " + o.text), open_kind=o.kind,
                                   head=o.head))
    out = [n for i, n in enumerate(found) if i not in dropped] + added
    return out


# "his Special Representative", "its Special Rapporteur", "the Secretary-General’s Special Envoy"
POSSESSIVE_SHORT = re.compile(
    r"(?<![\w-])(?:the|his|her|its|their|the\s+Secretary-General[’']s)\s+(?P<title>Special\s+(?:Representative|Rapporteur|Envoy|Adviser|Coordinator)|"
    r"Personal\s+Envoy|High\s+Representative|Independent\s+Expert)(?![\w-])"
)


def mandate_key(m: re.Match[str]) -> str:
    title = re.sub(r"\s+", " ", m.group("title"))
    prep = m.group("prep") or m.group("prep2")
    topic = re.sub(r"\s+", " ", m.group("topic") or m.group("topic2") or "").strip()
    of = m.group("of") or ""
    if "Secretary-General" in of:
        return f"{title} of the Secretary-General {prep} {topic}"
    # a special procedure's official title leaves out the Council: "Special Rapporteur on ..."
    return f"{title} {prep} {topic}"


class Spans:
    """Spans that do not overlap one another, kept in order: does a new one overlap any of them?"""

    __slots__ = ("starts", "ends")

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, s: int, e: int) -> bool:
        # of the spans starting before e, which end in the same order (none overlaps another), the last decides
        k = bisect_left(self.starts, e)
        return k > 0 and self.ends[k - 1] > s

    def add(self, s: int, e: int) -> None:
        k = bisect_left(self.starts, s)
        self.starts.insert(k, s)
        self.ends.insert(k, e)


def find_provisions(text: str, names: list[NameMatch]) -> list[ProvisionMatch]:
    """'article 4 of the Covenant': the units printed just before an instrument's name or short form."""
    out: list[ProvisionMatch] = []
    for i, n in enumerate(names):
        if n.mandate or not (n.short or all(e.kind == "instrument" for e in n.entries)):
            continue
        if n.entries and any(e.kind != "instrument" for e in n.entries):
            continue
        after = PROVISION_AFTER.match(text, n.end)
        if after:
            unit = after.group("unit")
            singular = unit[:5] if unit.lower() == "annexes" else re.sub(r"(?<=[a-z])s$", "", unit)
            first = NUM_ITEM.match(after.group("nums"))
            if first:  # the first unit counts ("Article 1, paragraph 3" is a provision of article 1)
                for item in NUM_ITEM.finditer(after.group("nums")):
                    s = after.start("nums") + item.start()
                    out.append(ProvisionMatch(after.start("unit"), s + len(item.group(0)), text[after.start("unit"):s + len(item.group(0))],
                                              singular, re.sub(r"\s+", "", item.group(0)), i))
                    if not re.match(r"\s*(?:,\s*|and\s+)", after.group("nums")[item.end():]):
                        break
        lo = max(0, n.start - PROVISION_WINDOW)
        window = text[lo:n.start]
        m = PROVISION.search(window)
        if not m:
            continue
        unit = m.group("unit")
        singular = unit[:5] if unit.lower() == "annexes" else re.sub(r"(?<=[a-z])s$", "", unit)
        for item in NUM_ITEM.finditer(m.group("nums")):
            num = re.sub(r"\s+", "", item.group(0))
            s = lo + m.start("nums") + item.start()
            out.append(ProvisionMatch(lo + m.start(), lo + m.start("nums") + item.end(), text[lo + m.start():s + len(item.group(0))],
                                      singular, num, i))
        # "…, and action 37": the same unit again, later in the clause, of no other instrument
        again = re.compile(PROVISION_AGAIN.format(unit=re.escape(m.group("unit")), num=NUM)).search(
            text, n.end, min(len(text), n.end + 300))
        if again and not any(n.end < o.start < again.start() for o in names):
            a, b = again.start("unit"), again.end("nums")
            out.append(ProvisionMatch(a, b, text[a:b], singular, re.sub(r"\s+", "", again.group("nums")), i))
    return out
