"""Stage 1 for plain text: sort the lines of a PDF-extracted resolution.

Text pulled out of a UN PDF mixes the resolution with page furniture ("2/11",
the repeated symbol, job numbers) and drops each page's footnotes into the
running text after a "_______________" rule.  This stage classifies every line
and lifts the footnotes out, keeping source offsets; it changes no character.
Joining lines into clauses is the segmenter's job.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .models import MappedText, TextBuilder

# -- line patterns ----------------------------------------------------------
# page numbers: "2/11", "Page 3", "- 4 -"
PAGE_NUMBER = re.compile(r"^\s*(?:\d{1,3}\s*/\s*\d{1,3}|Page\s+\d{1,3}(?:\s+of\s+\d{1,3})?|-\s*\d{1,3}\s*-)\s*$")
# job numbers printed in the footer: "02-55555 (E)", "2119209E", "*0255555*"
JOB_NUMBER = re.compile(r"^\s*(?:\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{6})?|\d{7}[A-Z]|\*\d{7}\*)\s*$")
# the rule above a page's footnotes
RULE = re.compile(r"^\s*_{3,}\s*$")
# a footnote: its marker, then its text ("1 See resolution 2200 A (XXI), annex.")
NOTE_START = re.compile(r"^(\d{1,3}|\*{1,3})\s+(?=\S)")
# a line consisting of one document symbol, as page headers print it ("A/RES/76/174", "S/RES/1445 (2002)")
SYMBOL_LINE = re.compile(r"^\s*(?:United Nations\s+)?([A-Z]{1,6}(?:/[A-Za-z0-9.\-]+)+(?:\s*\(\d{4}\))?(?:\s+[A-Z](?:-[A-Z])?)?)\s*$")
# an operative paragraph's number at the start of a line: "8. Urges"
PARAGRAPH_NUMBER = re.compile(r"^\s*\d{1,3}\s?\.\s")
# the line that closes a resolution: "Adopted unanimously at the 3226th meeting.", "53rd plenary meeting"
CLOSING = re.compile(
    r"^\s*(?:Adopted\s+(?:unanimously\s+|without\s+(?:a\s+)?vote\s+)?at\s+the\s+\d++\w*\s+meeting\b"
    r"|\d{1,4}(?:st|nd|rd|th)\s+plenary\s+meeting\s*(?:\.\s*)?$)"
)


@dataclass(frozen=True, slots=True)
class Line:
    start: int  # source offset of the line's first character
    text: str  # the line, without its line break
    blank_before: bool  # a blank line (not furniture) separates it from the previous kept line
    indent: int  # leading spaces

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True, slots=True)
class NoteText:
    marker: str
    span: tuple[int, int]  # the whole note, marker included
    body: MappedText  # the note's text after its marker, lines joined


@dataclass(frozen=True, slots=True)
class Layout:
    lines: tuple[Line, ...]  # the resolution's own lines, furniture and footnotes removed
    notes: tuple[NoteText, ...]
    furniture: tuple[tuple[int, int], ...]  # spans of page furniture removed


# what ends a line: \r\n, \n, \r (mixed in one file too), and the breaks Unicode adds: vertical tab, form
# feed, NEL (U+0085), the line and paragraph separators (U+2028, U+2029).  A form feed beside a line break
# is the page break of text taken from a PDF ("...\n\f5. Welcomes"): it stays in its line, as white space
# (no empty line, and the page's first line keeps its mark of a new page).
LINE_BREAK = "\r\n\x0b\x0c\x85\u2028\u2029"
_LINE = re.compile(rf"((?:(?:^|(?<=[\r\n]))\x0c)?[^{LINE_BREAK}]*(?:\x0c(?=[\r\n]))?)(?:\r\n|[{LINE_BREAK}]|$)")


def split_lines(text: str) -> list[tuple[int, str]]:
    """(start offset, line without its break) for every line.  The text is not rewritten: offsets stay
    those of the input, whatever breaks it uses."""
    out: list[tuple[int, str]] = []
    for m in _LINE.finditer(text):
        if m.end() == m.start():
            continue
        out.append((m.start(), m.group(1)))
    return out


def squash_symbol(s: str) -> str:
    return re.sub(r"\s+", "", s).upper()


def repeated_symbols(lines: list[tuple[int, str]], symbol: str) -> set[str]:
    """Symbols printed as page headers: the document's own, or any printed alone on two lines or more."""
    seen: dict[str, int] = {}
    for _, line in lines:
        m = SYMBOL_LINE.match(line)
        if m:
            key = squash_symbol(m.group(1))
            seen[key] = seen.get(key, 0) + 1
    out = {k for k, n in seen.items() if n >= 2}
    if symbol:
        out.add(squash_symbol(symbol))
    return out


def join_lines(parts: list[tuple[int, str]]) -> MappedText:
    """Join wrapped lines into one text: a line break becomes a space, except after a
    hyphen glued to a word ("Secretary-" + "General"), which keeps the hyphen and no space."""
    b = TextBuilder()
    for i, (start, line) in enumerate(parts):
        lead = len(line) - len(line.lstrip())
        body = line.strip()
        if not body:
            continue
        if len(b):
            prev = b.last_char()
            if prev == "-" and body[0].isalnum() and not re.match(r"(?:and|or|nor|to|as well as)\b", body):
                pass  # "Secretary-" / "General": the hyphen is part of the word
            else:
                b.insert(" ", start + lead - 1 if lead else start)
        b.copy(body, start + lead)
    return b.build()


def normalize(text: str, symbol: str = "") -> Layout:
    """Classify the lines of a plain-text resolution and lift out its footnotes."""
    lines = split_lines(text)
    headers = repeated_symbols(lines, symbol)
    printed: set[str] = set()  # header symbols already printed once (the first is the cover's)
    kept: list[Line] = []
    notes: list[NoteText] = []
    furniture: list[tuple[int, int]] = []
    pending_blank = False
    note_parts: list[tuple[int, str]] = []
    note_marker = ""
    in_notes = False
    closed = False  # after the closing line, trailing "N text" lines are footnotes

    def flush_note() -> None:
        nonlocal note_parts, note_marker
        if note_parts:
            first_start, first = note_parts[0]
            m = NOTE_START.match(first.lstrip())
            lead = len(first) - len(first.lstrip())
            offset = first_start + lead + (m.end() if m else 0)
            parts = [(offset, first[lead + (m.end() if m else 0):])] + note_parts[1:]
            body = join_lines(parts)
            end_start, end_line = note_parts[-1]
            notes.append(NoteText(note_marker, (first_start + lead, end_start + len(end_line.rstrip())), body))
        note_parts = []
        note_marker = ""

    for start, line in lines:
        stripped = line.strip()
        if not stripped:
            if in_notes:
                flush_note()
                in_notes = False
            pending_blank = True
            continue
        if PAGE_NUMBER.match(line) or JOB_NUMBER.match(line):
            furniture.append((start, start + len(line)))
            if in_notes:
                flush_note()
                in_notes = False
            continue
        m = SYMBOL_LINE.match(line)
        if m and squash_symbol(m.group(1)) in headers and (squash_symbol(m.group(1)) in printed or not_cover(kept)):
            furniture.append((start, start + len(line)))
            if in_notes:
                flush_note()
                in_notes = False
            continue
        if RULE.match(line):
            flush_note()
            in_notes = True
            furniture.append((start, start + len(line)))
            continue
        lead = len(line) - len(line.lstrip())
        if in_notes or closed:
            nm = NOTE_START.match(stripped)
            if nm and not PARAGRAPH_NUMBER.match(line) and (in_notes or lead == 0):
                flush_note()
                in_notes = True
                note_marker = nm.group(1)
                note_parts = [(start, line)]
                continue
            if in_notes and note_parts and lead == 0 and not PARAGRAPH_NUMBER.match(line) and not ends_sentence_then_lower(note_parts[-1][1], stripped):
                note_parts.append((start, line))  # a footnote wrapped over several lines
                continue
            if in_notes:
                flush_note()
                in_notes = False
        if CLOSING.match(line):
            closed = True
        if m:
            printed.add(squash_symbol(m.group(1)))
        kept.append(Line(start, line, pending_blank, lead))
        pending_blank = False
    flush_note()
    return Layout(tuple(kept), tuple(notes), tuple(furniture))


def not_cover(kept: list[Line]) -> bool:
    """True once the resolution's body has begun (a line ending in a comma: the enacting formula)."""
    return any(k.text.rstrip().endswith(",") for k in kept)


def ends_sentence_then_lower(prev: str, line: str) -> bool:
    """A finished footnote followed by a lower-case line: the running text resumes."""
    return prev.rstrip().endswith((".", ";")) and line[:1].islower()
