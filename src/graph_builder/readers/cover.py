"""What a resolution's cover page and closing lines say about it.

Reads what is printed (symbol, issue date, session, agenda item, originating
report, "Resolution adopted by the General Assembly on ...", "78/216. Title",
"Resolution 834 (1993) of 1 June 1993", "53rd plenary meeting"); what is not
printed stays empty, for `--symbol`, `--date` and `--title` to supply.
"""
from __future__ import annotations

import re

from graph_builder.models import DocumentInfo
from graph_builder.readers.normalize import CLOSING, SYMBOL_LINE, Line
from graph_builder.un.dates import MONTH, iso_date
from graph_builder.un.numbers import ordinal_number
from graph_builder.un.symbols import organ_of_symbol, session_of_symbol

DATE = re.compile(rf"\b(\d{{1,2}})\s+({MONTH})\s+(\d{{4}})\b")
SESSION_LINE = re.compile(r"^\s*(?P<ord>[A-Za-z\-]+)\s+(?P<special>(?:emergency\s+)?special\s+)?session\s*$", re.I)
# (a lazy ".+?" before "\s*$" rescans each run of spaces it crosses; ".*\S" stops at the last non-space in one pass)
AGENDA = re.compile(r"^\s*Agenda items?\s+(?P<item>.*\S|.)\s*$")
# the organ ends at a non-space (so that " on" is tried once per run of spaces, not at each space of it)
ADOPTED = re.compile(r"^\s*Resolutions?\s+adopted\s+by\s+the\s++(?P<organ>.+?)(?<!\s)\s+on\s++(?P<date>.*\S|.)\s*$")
ON_REPORT = re.compile(r"^\s*\[(?P<what>.+)\]\s*$")
TITLE = re.compile(r"^\s*(?P<num>(?:[A-Z]{1,2}-)?\d{1,4}/\d{1,4}(?:\s+[A-Z](?:-[A-Z])?)?)\.\s+(?P<title>.+)$")
SC_HEADING = re.compile(r"^\s*Resolution\s+(?P<num>\d{1,4})\s*\((?P<year>\d{4})\)\s*$")
SC_OLD_HEADING = re.compile(r"^\s*(?P<num>\d{1,4})\s*\((?P<year>\d{4})\)\s*(?:\.\s*)?Resolution\s+of\s+(?P<date>.+)$")
# searched in a line: the organ is a name (at most 200 characters), so that each start costs a bounded scan
ADOPTED_AT = re.compile(r"Adopted\s+by\s+the\s++(?P<organ>.{1,200}?)(?<!\s)\s+at\s+its\s+(?P<meeting>\d++\w*\s+meeting)", re.I)


def organ_name(symbol: str) -> str:
    """The name of the organ the symbol names, from the organ table; "" for none."""
    organ = organ_of_symbol(symbol)
    return organ.name if organ is not None else ""


def read_cover(cover: list[Line], closing: tuple[Line, ...] | list[Line], organ: str) -> DocumentInfo:
    symbol = session = issued = adopted = title = agenda = agenda_title = origin = meeting = ""
    lines = logical_lines([ln.text.strip() for ln in cover])
    i = 0
    while i < len(lines):
        t = lines[i]
        m = SYMBOL_LINE.match(t)
        if m and not symbol and "/" in m.group(1):
            symbol = re.sub(r"(?<!\s)\s+(?=\()", "", m.group(1)).strip()
        elif (m := SC_HEADING.match(t)):
            symbol = symbol or f"S/RES/{m.group('num')}({m.group('year')})"
            organ = organ or organ_name(symbol)  # "Resolution 834 (1993)": S/RES/834(1993), the Council's
            if i + 1 < len(lines) and lines[i + 1].startswith("of "):
                adopted = adopted or iso_date(lines[i + 1])
        elif (m := SC_OLD_HEADING.match(t)):
            symbol = symbol or f"S/RES/{m.group('num')}({m.group('year')})"
            organ = organ or organ_name(symbol)  # "Resolution 834 (1993)": S/RES/834(1993), the Council's
            adopted = adopted or iso_date(m.group("date"))
        elif (m := SESSION_LINE.match(t)):
            n = ordinal_number(m.group("ord"))
            if n:
                session = f"{'ES-' if m.group('special') and 'emergency' in m.group('special').lower() else 'S-' if m.group('special') else ''}{n}"
        elif (m := AGENDA.match(t)):
            agenda = m.group("item")
            # the item's title follows, up to "Resolution adopted ..."
            j = i + 1
            parts = []
            while j < len(lines) and not ADOPTED.match(lines[j]) and not ON_REPORT.match(lines[j]) and not TITLE.match(lines[j]):
                parts.append(lines[j])
                j += 1
            agenda_title = " ".join(parts)
            i = j
            continue
        elif (m := ADOPTED.match(t)):
            organ = organ or m.group("organ")
            adopted = iso_date(m.group("date")) or adopted
        elif (m := ON_REPORT.match(t)):
            origin = m.group("what")
        elif (m := TITLE.match(t)):
            parts = [m.group("title")]
            j = i + 1
            while j < len(lines):
                parts.append(lines[j])
                j += 1
            title = " ".join(parts)
            i = j
            continue
        elif t.startswith(("Distr", "Date")) or DATE.fullmatch(t):
            if DATE.fullmatch(t) and not issued:
                issued = iso_date(t)
        elif (m := ADOPTED_AT.search(t)):
            organ = organ or m.group("organ")
            meeting = m.group("meeting")
            rest = " ".join(lines[i:i + 2])
            adopted = adopted or iso_date(rest)
        i += 1
    for ln in closing:
        t = ln.text.strip()
        if CLOSING.match(t) and not meeting:
            mm = re.search(r"(\d{1,4}(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting)", t)
            meeting = mm.group(1) if mm else t
        elif DATE.fullmatch(t) and not adopted:
            adopted = iso_date(t)
    if symbol and not organ:
        organ = organ_name(symbol)
    if symbol and not session:
        session = session_of_symbol(symbol)
    return DocumentInfo(symbol=symbol, body=organ, session=session, date=adopted, title=title,
                        agenda_item=agenda, agenda_item_title=agenda_title, originating_document=origin,
                        meeting=meeting)


# "Resolution adopted by the General Assembly" with its "on 7 December 2023" on the next line
ADOPTED_OPEN = re.compile(r"^\s*Resolutions?\s+adopted\s+by\s+the\s+[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*\s*$")
# "80/105." alone, its title on the next lines (plain pdftotext)
NUMBER_ALONE = re.compile(r"^\s*(?:[A-Z]{1,2}-)?\d{1,4}/\d{1,4}(?:\s+[A-Z](?:-[A-Z])?)?\.\s*$")


def logical_lines(lines: list[str]) -> list[str]:
    """The cover's lines with what PDF text wraps joined again: "Resolution adopted by the General
    Assembly" + "on 7 December 2023"; "[on the report of ..." up to its "]"; "80/105." + its title."""
    lines = [t for t in lines if t]
    out: list[str] = []
    i = 0
    while i < len(lines):
        t = lines[i]
        if ADOPTED_OPEN.match(t) and i + 1 < len(lines) and lines[i + 1].startswith("on "):
            t = f"{t} {lines[i + 1]}"
            i += 1
        elif t.startswith("[") and "]" not in t:
            j = i + 1
            while j < len(lines) and j < i + 4 and "]" not in lines[j - 1]:
                t = f"{t} {lines[j]}"
                j += 1
            i = j - 1
        elif NUMBER_ALONE.match(t) and i + 1 < len(lines):
            t = f"{t} {lines[i + 1]}"
            i += 1
        out.append(t)
        i += 1
    return out


def split_without_formula(lines: tuple[Line, ...]) -> tuple[list[Line], int, str]:
    """No enacting formula (early Security Council texts): the body starts at the
    first numbered paragraph or clause verb; what precedes is the cover."""
    from graph_builder.find.verbs import starts_clause

    for i, ln in enumerate(lines):
        t = ln.text.strip()
        if re.match(r"^(?:\d{1,3}\s?\.|\([a-z]{1,3}\))\s", t) or (starts_clause(t) and i > 0):
            return list(lines[:i]), i, ""
    # neither a numbered paragraph nor a clause verb: no resolution structure, no clauses
    return list(lines), len(lines), ""
