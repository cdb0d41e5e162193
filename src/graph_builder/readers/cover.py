"""What a resolution's cover page and closing lines say about it.

Reads what is printed (symbol, issue date, session, agenda item, originating
report, "Resolution adopted by the General Assembly on ...", "78/216. Title",
"Resolution 834 (1993) of 1 June 1993", "53rd plenary meeting"); what is not
printed stays empty, for `--symbol`, `--date` and `--title` to supply.
"""
from __future__ import annotations

import re

from graph_builder.lang import Language, language
from graph_builder.models import DocumentInfo
from graph_builder.readers.normalize import Line
from graph_builder.un.dates import iso_date
from graph_builder.un.numbers import ordinal_number
from graph_builder.un.symbols import organ_of_symbol, session_of_symbol

# The cover's lines in words ("Resolution adopted by the General Assembly on ...", "Agenda item 68",
# "Seventy-sixth session") are the language's: lang/<code>.toml [reader].
# "78/216. Title of the resolution"
TITLE = re.compile(r"^\s*(?P<num>(?:[A-Z]{1,2}-)?\d{1,4}/\d{1,4}(?:\s+[A-Z](?:-[A-Z])?)?)\.\s+(?P<title>.+)$")
# "[on the report of the Third Committee (A/78/481)]"
ON_REPORT = re.compile(r"^\s*\[(?P<what>.+)\]\s*$")


def organ_name(symbol: str) -> str:
    """The name of the organ the symbol names, from the organ table; "" for none."""
    organ = organ_of_symbol(symbol)
    return organ.name if organ is not None else ""


def read_cover(cover: list[Line], closing: tuple[Line, ...] | list[Line], organ: str,
               lang: Language | None = None) -> DocumentInfo:
    lang = lang or language()
    p = lang.reader
    symbol = session = issued = adopted = title = agenda = agenda_title = origin = meeting = ""
    lines = logical_lines([ln.text.strip() for ln in cover], lang)
    i = 0
    while i < len(lines):
        t = lines[i]
        m = p.symbol_line.match(t)
        if m and not symbol and "/" in m.group(1):
            symbol = re.sub(r"(?<!\s)\s+(?=\()", "", m.group(1)).strip()
        elif (m := p.sc_heading.match(t)):
            symbol = symbol or f"S/RES/{m.group('num')}({m.group('year')})"
            organ = organ or organ_name(symbol)  # "Resolution 834 (1993)": S/RES/834(1993), the Council's
            if i + 1 < len(lines) and p.sc_heading_date.match(lines[i + 1]):
                adopted = adopted or iso_date(lines[i + 1], lang)
        elif (m := p.sc_old_heading.match(t)):
            symbol = symbol or f"S/RES/{m.group('num')}({m.group('year')})"
            organ = organ or organ_name(symbol)  # "Resolution 834 (1993)": S/RES/834(1993), the Council's
            adopted = adopted or iso_date(m.group("date"), lang)
        elif (m := p.session_line.match(t)):
            n = ordinal_number(m.group("ord"), lang)
            if n:
                session = f"{'ES-' if m.group('emergency') else 'S-' if m.group('special') else ''}{n}"
        elif (m := p.agenda.match(t)):
            agenda = m.group("item")
            # the item's title follows, up to "Resolution adopted ..."
            j = i + 1
            parts = []
            while j < len(lines) and not p.adopted.match(lines[j]) and not ON_REPORT.match(lines[j]) and not TITLE.match(lines[j]):
                parts.append(lines[j])
                j += 1
            agenda_title = " ".join(parts)
            i = j
            continue
        elif (m := p.adopted.match(t)):
            organ = organ or m.group("organ")
            adopted = iso_date(m.group("date"), lang) or adopted
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
        elif p.cover_date_lead.match(t) or p.printed_date.fullmatch(t):
            if p.printed_date.fullmatch(t) and not issued:
                issued = iso_date(t, lang)
        elif (m := p.adopted_at.search(t)):
            organ = organ or m.group("organ")
            meeting = m.group("meeting")
            rest = " ".join(lines[i:i + 2])
            adopted = adopted or iso_date(rest, lang)
        i += 1
    for ln in closing:
        t = ln.text.strip()
        if p.closing.match(t) and not meeting:
            mm = p.closing_meeting.search(t)
            meeting = mm.group("meeting") if mm else t
        elif p.printed_date.fullmatch(t) and not adopted:
            adopted = iso_date(t, lang)
    organ = lang.organs.get(organ, organ)  # "Assemblée générale": the graph's key is the official name
    if symbol and not organ:
        organ = organ_name(symbol)
    if symbol and not session:
        session = session_of_symbol(symbol)
    return DocumentInfo(symbol=symbol, body=organ, session=session, date=adopted, title=title,
                        agenda_item=agenda, agenda_item_title=agenda_title, originating_document=origin,
                        meeting=meeting)


# "80/105." alone, its title on the next lines (plain pdftotext)
NUMBER_ALONE = re.compile(r"^\s*(?:[A-Z]{1,2}-)?\d{1,4}/\d{1,4}(?:\s+[A-Z](?:-[A-Z])?)?\.\s*$")


def logical_lines(lines: list[str], lang: Language) -> list[str]:
    """The cover's lines with what PDF text wraps joined again: "Resolution adopted by the General
    Assembly" + "on 7 December 2023"; "[on the report of ..." up to its "]"; "80/105." + its title."""
    lines = [t for t in lines if t]
    out: list[str] = []
    i = 0
    while i < len(lines):
        t = lines[i]
        if lang.reader.adopted_open.match(t) and i + 1 < len(lines) and lang.reader.adopted_goes_on.match(lines[i + 1]):
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


def split_without_formula(lines: tuple[Line, ...], lang: Language) -> tuple[list[Line], int, str]:
    """No enacting formula (early Security Council texts): the body starts at the
    first numbered paragraph or clause verb; what precedes is the cover."""
    from graph_builder.find.verbs import starts_clause

    for i, ln in enumerate(lines):
        t = ln.text.strip()
        if re.match(r"^(?:\d{1,3}\s?\.|\([a-z]{1,3}\))\s", t) or (starts_clause(t, lang) and i > 0):
            return list(lines[:i]), i, ""
    # neither a numbered paragraph nor a clause verb: no resolution structure, no clauses
    return list(lines), len(lines), ""
