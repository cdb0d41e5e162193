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

from graph_builder.lang import Language, ReaderPhrases, language
from graph_builder.models import MappedText, TextBuilder

# -- line patterns ----------------------------------------------------------
# The lines that are words (page numbers "Page 3", the enacting formula, the closing line, a date alone)
# are the language's: lang/<code>.toml [reader].
# job numbers printed in the footer: "02-55555 (E)", "2119209E", "*0255555*"
JOB_NUMBER = re.compile(r"^\s*(?:\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{6})?|\d{7}[A-Z]|\*\d{7}\*)\s*$")
# the rule above a page's footnotes
RULE = re.compile(r"^\s*_{3,}\s*$")
# a footnote: its marker, then its text ("1 See resolution 2200 A (XXI), annex.")
NOTE_START = re.compile(r"^(\d{1,3}|\*{1,3})\s+(?=\S)")
# a footer of furniture only: "2/3   24-14711", "25-20120 (E)", "25-03579* (E)", "GE.25-11220 (E)", "*2520120*"
FOOTER_TOKEN = (r"(?:\d{1,3}/\d{1,3}"  # page n of m
                r"|(?:GE\.)?\d{2}-\d{5}\*?(?:\s\([A-Z]\))?"  # job number, Geneva's with "GE."
                r"|\*\d{7,8}\*"  # barcode
                r"|\d{7}[A-Z])")  # old job number "2119209E"
FOOTER = re.compile(rf"^\s*{FOOTER_TOKEN}(?:\s+{FOOTER_TOKEN})*\s*$")
# a running header: the symbol and a piece of the title on one line ("A/RES/78/323   International Day of")
HEADER_SYMBOL = r"(?P<sym>[A-Z]{1,6}(?:/[A-Za-z0-9.\-]+)+(?:\s?\(\d{4}\))?\*?)"
HEADER_FIRST = re.compile(rf"^{HEADER_SYMBOL}\s+(?P<rest>\S.*)$")
HEADER_LAST = re.compile(rf"^(?P<rest>.*?\S)\s+{HEADER_SYMBOL}$")
# a footnote marker printed alone on its line, its note on the next
LONE_MARKER = re.compile(r"^\s*(\d{1,3}|\*{1,3})\s*$")
# an operative paragraph's number at the start of a line: "8. Urges"
PARAGRAPH_NUMBER = re.compile(r"^\s*\d{1,3}\s?\.\s")


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
    header_symbol: str = ""  # the symbol the running headers print most, as printed ("A/HRC/RES/59/25")


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


def repeated_symbols(lines: list[tuple[int, str]], symbol: str, symbol_line: re.Pattern[str]) -> set[str]:
    """Symbols printed as page headers: the document's own, or any printed alone on two lines or more."""
    seen: dict[str, int] = {}
    for _, line in lines:
        t = line.strip()
        m = symbol_line.match(t)
        if not m and 0 < len(t) <= 160:
            # beside a piece of the title, as running headers print it: "A/RES/78/323   International Day of"
            h = HEADER_FIRST.match(t) or HEADER_LAST.match(t)
            m = symbol_line.match(h.group("sym")) if h else None
        if m:
            key = squash_symbol(m.group(1))
            seen[key] = seen.get(key, 0) + 1
    out = {k for k, n in seen.items() if n >= 2}
    if symbol:
        out.add(squash_symbol(symbol))
    return out


def header_symbol(lines: list[tuple[int, str]], headers: set[str], symbol_line: re.Pattern[str]) -> str:
    """The symbol printed most often alone on a line or beside the title: the resolution's own, which a
    cover page drawn as an image (pypdf gets no text from it) no longer says."""
    counts: dict[str, int] = {}
    printed: dict[str, str] = {}
    for _, line in lines:
        t = line.strip()
        if not t or len(t) > 160:
            continue
        h = HEADER_FIRST.match(t) or HEADER_LAST.match(t)
        m = symbol_line.match(t) or (symbol_line.match(h.group("sym")) if h else None)
        if m and squash_symbol(m.group(1)) in headers:
            key = squash_symbol(m.group(1))
            counts[key] = counts.get(key, 0) + 1
            printed.setdefault(key, m.group(1).strip())
    best = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return printed[best[0][0]] if best and best[0][1] >= 2 else ""


def join_lines(parts: list[tuple[int, str]], lang: Language | None = None) -> MappedText:
    """Join wrapped lines into one text: a line break becomes a space, except after a
    hyphen glued to a word ("Secretary-" + "General"), which keeps the hyphen and no space."""
    joins = (lang or language()).reader.hyphen_joins
    b = TextBuilder()
    for _i, (start, line) in enumerate(parts):
        lead = len(line) - len(line.lstrip())
        body = line.strip()
        if not body:
            continue
        if len(b):
            prev = b.last_char()
            if prev == "-" and body[0].isalnum() and not joins.match(body):
                pass  # "Secretary-" / "General": the hyphen is part of the word
            else:
                b.insert(" ", start + lead - 1 if lead else start)
        b.copy(body, start + lead)
    return b.build()


def normalize(text: str, symbol: str = "", lang: Language | None = None) -> Layout:
    """Classify the lines of a plain-text resolution, in its language, and lift out its footnotes."""
    phrases = (lang or language()).reader
    date_line, closing, symbol_line = phrases.date_line, phrases.closing, phrases.symbol_line
    lines = split_lines(text)
    headers = repeated_symbols(lines, symbol, phrases.symbol_line)
    pages = Pages(lines, headers, phrases)
    paged = pages.paged
    printed: set[str] = set()  # header symbols already printed once (the first is the cover's)
    kept: list[Line] = []
    notes: list[NoteText] = []
    furniture: list[tuple[int, int]] = []
    pending_blank = False
    note_parts: list[tuple[int, str]] = []
    note_marker = ""
    waiting: list[tuple[int, str]] = []  # markers printed alone on their line, their notes still to come
    in_notes = False
    closed = False  # after the closing line, trailing "N text" lines are footnotes
    next_note = 1  # footnotes are numbered in sequence through the text
    body_begun = False

    def flush_note() -> None:
        nonlocal note_parts, note_marker, next_note
        if note_parts:
            first_start, first = note_parts[0]
            m = NOTE_START.match(first.lstrip()) if not note_marker_alone else None
            lead = len(first) - len(first.lstrip())
            skip = m.end() if m else 0
            offset = first_start + lead + skip
            parts = [(offset, first[lead + skip:])] + note_parts[1:]
            body = join_lines(parts, lang)
            end_start, end_line = note_parts[-1]
            start_at = marker_at if note_marker_alone else first_start + lead
            notes.append(NoteText(note_marker, (start_at, end_start + len(end_line.rstrip())), body))
            if note_marker.isdigit():
                next_note = max(next_note, int(note_marker) + 1)
        note_parts = []
        note_marker = ""

    note_marker_alone = False
    marker_at = 0

    def open_note(marker: str, start: int, line: str, alone: bool, at: int) -> None:
        nonlocal note_marker, note_parts, note_marker_alone, marker_at
        flush_note()
        note_marker = marker
        note_parts = [(start, line)]
        note_marker_alone = alone
        marker_at = at

    def expected(marker: str) -> bool:
        """Is this the number the next footnote must have (one lost on the way allowed)?"""
        return not marker.isdigit() or not notes or next_note <= int(marker) <= next_note + 1

    prev_page = 0
    for idx, (start, line) in enumerate(lines):
        stripped = line.strip()
        page = pages.page[idx]
        if page != prev_page:
            prev_page = page
            if paged and in_notes:
                flush_note()
                in_notes = False
                waiting = []
        if not stripped:
            if in_notes and not paged:
                flush_note()
                in_notes = False
            if not pages.furniture_seen_since_kept:
                pending_blank = True
            continue
        # page furniture, or a running header that repeats the symbol (not the cover's own symbol line)
        m = symbol_line.match(line)
        running_symbol = m is not None and squash_symbol(m.group(1)) in headers and (
            squash_symbol(m.group(1)) in printed or not_cover(kept))
        if pages.is_furniture(idx, body_begun) or running_symbol:
            furniture.append((start, start + len(line)))
            pages.furniture_seen_since_kept = True
            pending_blank = False
            if in_notes and not paged:
                flush_note()
                in_notes = False
            continue
        if RULE.match(line):
            flush_note()
            in_notes = True
            waiting = []
            furniture.append((start, start + len(line)))
            pages.furniture_seen_since_kept = True
            pending_blank = False
            continue
        lead = len(line) - len(line.lstrip())
        vis = pages.visual_indent(line)
        margin = pages.margin[page]
        alone = LONE_MARKER.match(line)
        nm = NOTE_START.match(stripped)
        if paged and not in_notes and body_begun and (pending_blank or pages.furniture_seen_since_kept) \
                and ((margin and vis < margin - 1) or alone) and not PARAGRAPH_NUMBER.match(line) \
                and not date_line.match(line):
            # a footnote block with no rule above it (the Human Rights Council's): outdented, in sequence
            mk = alone.group(1) if alone else (nm.group(1) if nm else "")
            if mk.isdigit() and int(mk) == next_note:
                in_notes = True
                waiting = []
        if in_notes and paged:
            # the page's foot: every line up to the page's end is a note, a marker, or furniture
            if alone and (not alone.group(1).isdigit() or int(alone.group(1)) <= next_note + 15):
                waiting.append((start + lead, alone.group(1)))
                continue
            if nm and expected(nm.group(1)) and not PARAGRAPH_NUMBER.match(line) and not date_line.match(line):
                waiting = [w for w in waiting if w[1] != nm.group(1)]
                open_note(nm.group(1), start, line, False, 0)
                continue
            if waiting and (not note_parts or ends_note(note_parts[-1][1])):
                at, mk = waiting.pop(0)
                open_note(mk, start, line, True, at)
                continue
            if note_parts:
                note_parts.append((start, line))
                continue
            in_notes = False  # no footnote here after all: text under a rule (a table, a signature)
        elif in_notes or closed:
            if nm and not PARAGRAPH_NUMBER.match(line) and (in_notes or lead == 0) and not date_line.match(line) \
                    and (in_notes or expected(nm.group(1))):
                in_notes = True
                open_note(nm.group(1), start, line, False, 0)
                continue
            if in_notes and note_parts and lead == 0 and not PARAGRAPH_NUMBER.match(line) and not ends_sentence_then_lower(note_parts[-1][1], stripped):
                note_parts.append((start, line))  # a footnote wrapped over several lines
                continue
            if in_notes:
                flush_note()
                in_notes = False
        if closing.match(line):
            closed = True
        if m:
            printed.add(squash_symbol(m.group(1)))
        if not body_begun and stripped.endswith(","):
            body_begun = True
        blank = pending_blank and not (paged and kept and pages.page_of(kept[-1].start) != page)
        indent = pages.relative_indent(vis, page)
        kept.append(Line(start, line, blank, indent))
        pages.furniture_seen_since_kept = False
        pending_blank = False
    flush_note()
    # plain pdftotext prints a page's markers and notes in no fixed order: put them in the text's order, once each
    seen_markers: set[str] = set()
    ordered = []
    for n in sorted(notes, key=lambda n: int(n.marker) if n.marker.isdigit() else 0):
        if n.marker not in seen_markers:
            seen_markers.add(n.marker)
            ordered.append(n)
    return Layout(tuple(kept), tuple(ordered), tuple(furniture), header_symbol(lines, headers, symbol_line))


class Pages:
    """Where each line sits: its page (pdftotext ends each page with a form feed), the page's own
    left margin (odd and even pages differ), and which lines are page furniture."""

    def __init__(self, lines: list[tuple[int, str]], headers: set[str], phrases: ReaderPhrases) -> None:
        self.phrases = phrases
        self.page: list[int] = []
        n = 0
        for _, line in lines:
            n += line.count("\f")
            self.page.append(n)
        self.paged = n >= 1 and len(lines) > 0
        self.furniture_seen_since_kept = False
        self.flagged = self.find_furniture(lines, headers)
        widths: dict[int, dict[int, int]] = {}
        for k, (_, line) in enumerate(lines):
            if len(line.strip()) >= 30 and k not in self.flagged:
                counts = widths.setdefault(self.page[k], {})
                v = self.visual_indent(line)
                counts[v] = counts.get(v, 0) + 1
        # a page's text block starts where most of its long lines start
        self.margin = {p: (max(c.items(), key=lambda kv: (kv[1], -kv[0]))[0] if self.paged else 0)
                       for p, c in widths.items()}
        for p in set(self.page):
            self.margin.setdefault(p, 0)

    @staticmethod
    def visual_indent(line: str) -> int:
        t = line.lstrip("\f")
        return len(t) - len(t.lstrip(" \t"))

    def relative_indent(self, vis: int, page: int) -> int:
        """Indentation against the page's text block; a column or so of ragged start is none."""
        if not self.paged:
            return vis
        rel = vis - self.margin[page]
        return rel if rel >= 2 else 0

    def page_of(self, start: int) -> int:
        return self.page[self.index_of[start]]

    def is_furniture(self, idx: int, body_begun: bool) -> bool:
        return idx in self.flagged and (body_begun or self.flagged[idx])

    def find_furniture(self, lines: list[tuple[int, str]], headers: set[str]) -> dict[int, bool]:
        """{line index: found anywhere (footers) or only once the body has begun (headers)}."""
        self.index_of = {start: k for k, (start, _) in enumerate(lines)}
        date_line, page_number, symbol_line = self.phrases.date_line, self.phrases.page_number, self.phrases.symbol_line
        body_from = next((k for k, (_, line) in enumerate(lines[:200]) if self.phrases.enacting.match(line)), -1)
        if body_from < 0:
            body_from = next((k for k, (_, line) in enumerate(lines) if line.rstrip().endswith(",")), len(lines))
        cover = re.sub(r"\s+", " ", " ".join(line.strip() for _, line in lines[:min(body_from, 80)]))

        def fragment(chunk: str) -> bool:  # a piece of the title, as running headers print it
            c = re.sub(r"\s+", " ", chunk.strip())
            return len(c) >= 8 and not date_line.match(c) and c in cover

        def symbol(chunk: str) -> bool:
            m = symbol_line.match(chunk)
            return m is not None and squash_symbol(m.group(1)) in headers

        flagged: dict[int, bool] = {}
        for k, (_, line) in enumerate(lines):
            t = line.strip()
            if not t or len(t) > 160:
                continue
            if FOOTER.match(t) or page_number.match(t) or JOB_NUMBER.match(t):
                flagged[k] = True
            elif k > body_from:
                chunks = re.split(r"\s{2,}", t)
                beside = HEADER_FIRST.match(t) or HEADER_LAST.match(t)  # pypdf: one space between them
                if symbol(t) or (len(chunks) >= 2 and any(symbol(c) or FOOTER.match(c) for c in chunks)
                                 and all(symbol(c) or FOOTER.match(c) or fragment(c) for c in chunks)) or (
                        beside and symbol(beside.group("sym")) and fragment(beside.group("rest"))):
                    flagged[k] = False
        # title lines and bare page numbers beside the furniture, or at a page's edge
        for _ in range(4):
            grew = False
            for k, (_, line) in enumerate(lines):
                t = line.strip()
                if k in flagged or k <= body_from or not t or len(t) > 160:
                    continue
                bare = re.fullmatch(r"\d{1,3}", t)
                if not (fragment(t) or bare):
                    continue
                if bare and self.paged and int(t) != self.page[k] + 1:
                    continue  # a bare number that is not this page's is a footnote marker
                if bare and self.under_rule(lines, k):
                    continue  # so is the page's own number right under the footnote rule
                if self.beside_furniture(lines, k, flagged):
                    flagged[k] = False
                    grew = True
            if not grew:
                break
        return flagged

    def under_rule(self, lines: list[tuple[int, str]], k: int) -> bool:
        j = k - 1
        while j >= max(0, k - 40) and (not lines[j][1].strip() or LONE_MARKER.match(lines[j][1])) \
                and self.page[j] == self.page[k]:
            j -= 1  # a page's foot has a few markers, not thousands: the look back is bounded
        return j >= 0 and bool(RULE.match(lines[j][1]))

    def beside_furniture(self, lines: list[tuple[int, str]], k: int, flagged: dict[int, bool]) -> bool:
        for step in (-1, 1):
            j = k + step
            while 0 <= j < len(lines) and not lines[j][1].strip() and self.page[j] == self.page[k]:
                j += step
            edge = not (0 <= j < len(lines)) or self.page[j] != self.page[k]
            if (edge and self.paged) or (not edge and j in flagged):
                return True
        return False


def ends_note(line: str) -> bool:
    """A footnote's text ends with its full stop (or a closing bracket or quote after it)."""
    return line.rstrip().endswith((".", ")", "]", "”", "’", '"'))


def not_cover(kept: list[Line]) -> bool:
    """True once the resolution's body has begun (a line ending in a comma: the enacting formula)."""
    return any(k.text.rstrip().endswith(",") for k in kept)


def ends_sentence_then_lower(prev: str, line: str) -> bool:
    """A finished footnote followed by a lower-case line: the running text resumes."""
    return prev.rstrip().endswith((".", ";")) and line[:1].islower()
