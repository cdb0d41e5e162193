"""Stage 1 for PDF: read a resolution's pages the way a reader sees them.

The UN's PDFs carry every character with its box.  From the boxes and the
type sizes this stage finds what plain text loses:

- lines, rebuilt from the characters' positions (a superscript footnote
  marker sits on its line even where the content stream prints it apart);
- footnote markers: characters in smaller type on a raised baseline, glued to
  the word they follow, so that no digit is ever guessed to be a marker;
- footnotes: the block at a page's foot under a rule ("_____"), or, with no
  rule, in smaller type with a marker opening it; a note running over a page
  break continues the note before it;
- page furniture: running headers (the symbol and the title), footers, page
  numbers, job numbers ("25-17700 (E)", "GE.25-11220 (E)") and barcodes
  ("*2517700*"), found by their place in the page margins and by their form;
- paragraphs: a vertical gap wider than the line spacing, a first line more
  indented than the line before, a line after a short one, a change of type
  size (titles, headings);
- the closing lines ("28th plenary meeting", the date), printed before the
  annexes, are moved after them so that the annexes stay part of the text.

Where the PDF is tagged (the UN's Word exports are), its tag tree says more
than the layout can: two lines of one page belong to one paragraph when the
same element (P, LI with its label, H1 ...) holds them, and a Note element's
text is a footnote wherever it is printed.  Across a page break, and on
untagged pages, the layout decides; read_pdf(tags=False) ignores the tags, and
must read as well, since older PDFs have none.

The result is a clean text that the plain-text reader (segment.py) reads as it
reads any text: one paragraph a line, a blank line between paragraphs, the
footnotes at the end under a rule, each "N text".  With it comes the layout:
for every line of that text, the page it is printed on and its box, so every
clause and reference can say where it stands on the page.

The library is pypdfium2 (Apache-2.0 or BSD-3-Clause), PDFium's bindings: a
character's box comes at the cost of one call.  Nothing in a PDF is run: no
JavaScript, no form, no embedded file is opened; only the text layer is read.
Limits bound time and memory: MAX_BYTES, MAX_PAGES, MAX_CHARS_PER_PAGE.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from statistics import median

from graph_builder.errors import InputError
from graph_builder.lang import ReaderPhrases, language
from graph_builder.models import SourceDocument, TextBox
from graph_builder.readers.limits import MAX_PDF_BYTES as MAX_BYTES
from graph_builder.readers.limits import MAX_PDF_INFLATED as MAX_INFLATED
from graph_builder.readers.limits import MAX_PDF_PAGE_CHARS as MAX_CHARS_PER_PAGE
from graph_builder.readers.limits import MAX_PDF_PAGES as MAX_PAGES
from graph_builder.readers.segment import TOP_LEVEL, Recount
from graph_builder.un.numbers import roman_to_int

# -- line forms -------------------------------------------------------------
# page furniture printed in the margins: "2/18", "25-17700 (E)", "GE.25-11220 (E)", "*2517700*", "2517700E"
FURNITURE = re.compile(
    r"^(?:\d{1,4}\s*/\s*\d{1,4}"  # page n of m
    r"|\d{1,4}"  # a bare page number
    r"|(?:GE\.)?\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{6})?"  # job number, maybe with its date stamp
    r"|\*\d{7}\*"  # barcode text
    r"|\d{7}[A-Z]"  # job number of older documents
    r"|Please\s+recycle"
    r")$"
)
# a page number and a job number side by side: "2/18 25-17700", "25-17700 3/18"
FURNITURE_PAIR = re.compile(r"^(?:\d{1,4}/\d{1,4}\s+(?:GE\.)?\d{2}-\d{5}|(?:GE\.)?\d{2}-\d{5}\s+\d{1,4}/\d{1,4})$")
RULE = re.compile(r"^_{5,}$")
NUMBER_LABEL = re.compile(r"^(?:\d{1,3}\.|\([a-z]{1,4}\)|\(\d{1,2}\)|[IVXLC]{1,6}\.)\s")


@dataclass(slots=True)
class Glyph:
    ch: str
    x0: float
    top: float  # distance from the page's top edge
    x1: float
    bottom: float
    block: int = -1  # the tagged paragraph (P, LI, H…) it belongs to; -1: untagged or tags ignored

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass(slots=True)
class Line:
    page: int
    glyphs: list[Glyph]
    x0: float = 0.0
    top: float = 0.0
    x1: float = 0.0
    bottom: float = 0.0
    size: float = 0.0  # the height of most of its characters
    text: str = ""
    marks: tuple[tuple[int, int], ...] = ()  # (start, end) of superscript runs in text
    block: int = -1  # the tagged paragraph its first characters belong to (-1: none)
    table: int = -1  # the table it is printed in (-1: none): a table is one paragraph
    column: int = 0  # on a page in two columns, 1 for a line of the right-hand one (in_reading_order)

    def finish(self) -> None:
        gs = self.glyphs
        self.block = next((g.block for g in gs if g.block >= 0 and not g.ch.isspace()), -1)
        self.x0 = min(g.x0 for g in gs)
        self.x1 = max(g.x1 for g in gs)
        self.top = min(g.top for g in gs)
        self.bottom = max(g.bottom for g in gs)
        heights = sorted(round(g.height, 1) for g in gs if not g.ch.isspace())
        self.size = heights[len(heights) // 2] if heights else self.bottom - self.top


@dataclass(slots=True)
class Page:
    number: int  # 1-based
    width: float
    height: float
    lines: list[Line]
    notes: frozenset[int] = frozenset()  # the tagged blocks that are footnotes (inside a Note element)


# -- reading the characters ---------------------------------------------------


def open_pdf(data: bytes, source: str):
    import pypdfium2 as pdfium

    if len(data) > MAX_BYTES:
        raise InputError(source, f"is a PDF of {len(data) // (1024 * 1024)} MB, more than the {MAX_BYTES // (1024 * 1024)} MB "
                                 "a resolution may have")
    if b"%%EOF" not in data[-2048:]:
        raise InputError(source, "is a truncated PDF (it has no end-of-file marker)")
    if inflated_size(data, MAX_INFLATED) > MAX_INFLATED:
        raise InputError(source, f"is a PDF whose compressed streams inflate to more than {MAX_INFLATED // (1024 * 1024)} MB")
    try:
        pdf = pdfium.PdfDocument(data)  # the empty password is tried; nothing is rendered or run
    except pdfium.PdfiumError as exc:
        msg = str(exc)
        if "password" in msg.lower():
            raise InputError(source, "is an encrypted PDF that needs a password") from None
        raise InputError(source, "is a damaged PDF that cannot be opened") from None
    return pdf


STREAM = re.compile(rb"stream\r?\n")


def inflated_size(data: bytes, limit: int) -> int:
    """What the file's Flate streams inflate to, counted up to just past limit: a few kilobytes
    that inflate to gigabytes (a "zip bomb" in a page or an object stream) are refused before
    PDFium inflates them whole."""
    import zlib

    total = 0
    piece = 1 << 20
    for m in STREAM.finditer(data):
        d = zlib.decompressobj()
        pos = m.end()
        try:
            while not d.eof and pos < len(data) and total <= limit:
                chunk = data[pos:pos + 65536]
                pos += len(chunk)
                total += len(d.decompress(chunk, piece))
                while d.unconsumed_tail and total <= limit:
                    total += len(d.decompress(d.unconsumed_tail, piece))
        except zlib.error:
            continue  # not a Flate stream (or not one zlib reads): PDFium's affair
        if total > limit:
            break
    return total


# -- the tag tree -------------------------------------------------------------
# structure types that hold no paragraph of their own: what they enclose is the paragraph (Lbl and LBody
# are the label and body of one list item; Span and Link run inside a paragraph)
INLINE = frozenset({"Span", "Link", "Lbl", "LBody", "Quote", "Reference", "BibEntry", "Code", "Annot", "Ruby",
                    "Warichu", "Em", "Strong", "Sub", "Form", "Figure", "Formula", "Private"})
# groupings of paragraphs: neither a paragraph nor inside one
GROUPING = frozenset({"Document", "Part", "Sect", "Div", "Art", "L", "Table", "TR", "THead", "TBody", "TFoot",
                      "NonStruct", "TOC", "Index", "BlockQuote"})


def tagged_blocks(raw, page_handle, first: int) -> tuple[dict[int, int], set[int], int]:
    """The page's tag tree as {marked-content id: paragraph number (-1: unsure)}, the numbers that are footnotes,
    and the next free number.  A paragraph is the innermost element that is neither inline nor a
    grouping (P, H1, LI with its label and body, TD); a Note's text is a footnote.  An untagged page
    gives nothing."""
    import ctypes

    tree = raw.FPDF_StructTree_GetForPage(page_handle)
    if not tree:
        return {}, set(), first
    buf = ctypes.create_string_buffer(64)
    blocks: dict[int, int] = {}
    notes: set[int] = set()
    counter = first

    def walk(el, block: int, note: bool, item: bool, depth: int) -> None:
        nonlocal counter
        if depth > 64:
            return  # a tree this deep is no Word export: the layout decides below it
        n = raw.FPDF_StructElement_GetType(el, buf, 64)
        kind = buf.raw[:max(0, n - 2)].decode("utf-16-le", "replace") if n > 2 else ""
        if kind == "Note":
            note, item = True, False
        if kind == "LI" or (kind not in INLINE and kind not in GROUPING and not item):
            counter += 1
            block, item = counter, item or kind == "LI"
            if note:
                notes.add(block)
        for i in range(raw.FPDF_StructElement_GetMarkedContentIdCount(el)):
            mcid = raw.FPDF_StructElement_GetMarkedContentIdAtIndex(el, i)
            if mcid >= 0 and block >= 0:
                # an element that runs over a page break lists its marked content on both pages, by
                # the other page's numbers too: a number two elements claim is left to the layout
                blocks[mcid] = block if blocks.get(mcid, block) == block else -1
        for i in range(raw.FPDF_StructElement_CountChildren(el)):
            child = raw.FPDF_StructElement_GetChildAtIndex(el, i)
            if child:
                walk(child, block, note, item, depth + 1)

    try:
        for i in range(raw.FPDF_StructTree_CountChildren(tree)):
            child = raw.FPDF_StructTree_GetChildAtIndex(tree, i)
            if child:
                walk(child, -1, False, False, 0)
    finally:
        raw.FPDF_StructTree_Close(tree)
    return blocks, notes, counter


def read_pages(data: bytes, source: str, tags: bool = True) -> list[Page]:
    import ctypes

    import pypdfium2.raw as raw

    pdf = open_pdf(data, source)
    try:
        n_pages = len(pdf)
        if n_pages > MAX_PAGES:
            raise InputError(source, f"is a PDF of {n_pages} pages, more than the {MAX_PAGES} a resolution may have")
        if n_pages == 0:
            raise InputError(source, "is a PDF with no pages")
        pages: list[Page] = []
        rect = raw.FS_RECTF()
        box = ctypes.byref(rect)
        loose_box = raw.FPDFText_GetLooseCharBox
        text_object = raw.FPDFText_GetTextObject
        content_id = raw.FPDFPageObj_GetMarkedContentID
        is_generated = raw.FPDFText_IsGenerated
        font_info = raw.FPDFText_GetFontInfo
        flags = ctypes.c_int(0)
        font_flags = ctypes.byref(flags)
        numbered = 0
        for i in range(n_pages):
            page = pdf[i]
            width, height = page.get_size()
            blocks, notes, numbered = tagged_blocks(raw, page.raw, numbered) if tags else ({}, set(), numbered)
            textpage = page.get_textpage()
            n = textpage.count_chars()
            if n > MAX_CHARS_PER_PAGE:
                raise InputError(source, f"page {i + 1} holds {n} characters, more than the {MAX_CHARS_PER_PAGE} a page may have")
            text = textpage.get_text_range(0, n) if n > 0 else ""
            tp = textpage.raw
            runs: list[list[Glyph]] = []
            run: list[Glyph] = []
            block, looked = -1, False
            # pypdfium2 returns the range as UTF-16 decoded: a character outside the BMP takes two slots
            if len(text) != n:
                text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
            for k in range(min(n, len(text))):
                ch = text[k]
                if ch in "\r\n":
                    if run:
                        runs.append(run)
                        run = []
                    looked = False
                    continue
                if ch in "\x00\ufffe\uffff":
                    continue
                if ch == " " and is_generated(tp, k) and not (
                        k and font_info(tp, k - 1, None, 0, font_flags) and flags.value & ITALIC):
                    # a guess, to be weighed against the line's spaces; after italics (the opening
                    # phrase, whose slanted boxes leave narrow gaps: "Recalling further") a space
                    ch = GENERATED_SPACE
                if blocks and not looked and not ch.isspace():
                    looked = True
                    # a paragraph never starts inside a printed line: one look-up a line, not a character
                    obj = text_object(tp, k)
                    block = blocks.get(content_id(obj), -1) if obj else -1
                loose_box(tp, k, box)
                run.append(Glyph(ch, rect.left, height - rect.top, rect.right, height - rect.bottom, block))
            if run:
                runs.append(run)
            textpage.close()
            page.close()
            pages.append(Page(i + 1, width, height, in_reading_order(build_lines(runs, i + 1), width),
                              frozenset(notes)))
    finally:
        pdf.close()
    if not any(ln.text.strip() for p in pages for ln in p.lines):
        raise InputError(source, "is a PDF that has no text layer: OCR it first, e.g. with ocrmypdf")
    return pages


def cut_runs(runs: list[list[Glyph]]) -> list[list[Glyph]]:
    """Runs cut where the text jumps to another line without a line break in the text layer."""
    out: list[list[Glyph]] = []
    for r in runs:
        cur: list[Glyph] = []
        prev: Glyph | None = None
        for g in r:
            if g.ch.isspace():
                cur.append(g)
                continue
            if prev is not None:
                h = max(g.height, prev.height, 0.1)
                jump = abs((g.top + g.bottom) - (prev.top + prev.bottom)) / 2 > 0.7 * h
                back = g.x0 < prev.x0 - 2.0 * h
                if jump or back:
                    out.append(cur)
                    cur = []
            cur.append(g)
            prev = g
        if cur:
            out.append(cur)
    return [r for r in out if any(not g.ch.isspace() for g in r)]


def build_lines(runs: list[list[Glyph]], page: int) -> list[Line]:
    """Runs of characters (as the content stream gives them) into the page's visual lines, top to bottom.

    A run joins a line when it sits on the line's baseline, or when it is in smaller type within the
    line's height (a superscript marker printed apart from its word)."""
    items = []
    for r in cut_runs(runs):
        solid = [g for g in r if not g.ch.isspace()]
        heights = sorted(g.height for g in solid)
        size = heights[len(heights) // 2]
        bottoms = sorted(g.bottom for g in solid)
        items.append((bottoms[len(bottoms) // 2], size, min(g.top for g in solid), r))
    items.sort(key=lambda t: t[0])
    lines: list[list] = []  # [baseline, size, top, glyphs]
    for base, size, top, r in items:
        placed = False
        for j in range(len(lines) - 1, max(-1, len(lines) - 4), -1):
            lb, ls, lt, gl = lines[j]
            same = abs(base - lb) < 0.3 * min(ls, size)
            raised = size < 0.8 * ls and lt - 0.2 * ls <= top and base <= lb + 0.1 * ls
            lower = ls < 0.8 * size and top - 0.2 * size <= lt and lb <= base + 0.1 * size
            if same or raised:
                gl.extend(r)
                placed = True
                break
            if lower:  # the line so far was the superscript: the run is the line it belongs to
                lines[j] = [base, size, min(top, lt), gl + r]
                placed = True
                break
        if not placed:
            lines.append([base, size, top, list(r)])
    out: list[Line] = []
    for _, _, _, gl in lines:
        gl.sort(key=lambda g: g.x0)
        for piece in split_at_gaps(gl):
            ln = Line(page, piece)
            ln.finish()
            spell(ln)
            if ln.text:
                out.append(ln)
    out.sort(key=lambda ln: (round(ln.top), ln.x0))
    return out


# a page is set in two columns (the Official Records of the older sessions) where at least this many full lines
# (COLUMN_WIDTH of the page's width or more) stand on each side of its middle, without crossing it; the UN's
# resolutions of today, their tables and their cover's two columns of short lines have none such
COLUMN_LINES = 5
COLUMN_WIDTH = 0.3


def in_reading_order(lines: list[Line], width: float) -> list[Line]:
    """The page's lines (top to bottom) in the order they are read.  On a page in two columns that is down
    the left column, then down the right one, band by band: a line across the middle (a title over both
    columns, a note under them) ends a band.  The lines of the right-hand column are marked (Line.column)."""
    mid = width / 2
    full = COLUMN_WIDTH * width
    left = sum(ln.x1 < mid and ln.x1 - ln.x0 >= full for ln in lines)
    right = sum(ln.x0 > mid and ln.x1 - ln.x0 >= full for ln in lines)
    if left < COLUMN_LINES or right < COLUMN_LINES:
        return lines
    out: list[Line] = []
    band: tuple[list[Line], list[Line]] = ([], [])
    for ln in lines:
        if ln.x0 < mid < ln.x1:
            out += band[0] + band[1]
            band = ([], [])
            out.append(ln)
            continue
        ln.column = int(ln.x0 >= mid)
        band[ln.column].append(ln)
    return out + band[0] + band[1]


def split_at_gaps(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """A visual line cut where a wide gap parts its pieces (the cover's two columns, a right-hand date)."""
    solid = [g for g in glyphs if not g.ch.isspace()]
    if not solid:
        return []
    size = median(g.height for g in solid)
    pieces: list[list[Glyph]] = [[solid[0]]]
    for g in solid[1:]:
        if g.x0 - pieces[-1][-1].x1 > 4.0 * size:
            pieces.append([g])
        else:
            pieces[-1].append(g)
    # put the spaces back into their piece
    spaced: list[list[Glyph]] = []
    for p in pieces:
        lo, hi = p[0].x0, p[-1].x1
        spaced.append([g for g in glyphs if lo <= g.x0 <= hi])
    return spaced


# a gap this wide (in the line's type size) between two characters is a space where PDFium put none
WORD_GAP = 0.3
# PDFium puts a space of its own ("generated") where it guesses one from a gap; in justified type it
# guesses inside words too ("rur al", "Cong ress"), where the gap is far narrower than the line's spaces
GENERATED_SPACE = "\u2009"  # how such a space is kept among the glyphs
ITALIC = 1 << 6  # the font descriptor's Italic flag (PDF 32000-1, table 123)
GENERATED_SHARE = 0.4  # a guessed space counts where its gap is at least this share of the line's spaces


def word_gaps(glyphs: list[Glyph]) -> list[float]:
    """The gaps a line's own space characters stand in, sorted."""
    out = []
    for k in range(1, len(glyphs) - 1):
        if glyphs[k].ch == " " and not glyphs[k - 1].ch.isspace() and not glyphs[k + 1].ch.isspace():
            out.append(glyphs[k + 1].x0 - glyphs[k - 1].x1)
    return sorted(out)


def spell(ln: Line) -> None:
    """The line's text: spaces from the gaps between characters, superscripts marked."""
    size = ln.size or 1.0
    base = sorted(g.bottom for g in ln.glyphs if not g.ch.isspace() and abs(g.height - size) < 0.15 * size)
    baseline = base[len(base) // 2] if base else ln.bottom
    parts: list[str] = []
    marks: list[tuple[int, int]] = []
    length = 0
    prev: Glyph | None = None
    saw_space = guessed = False
    mark_start = -1
    spaces = word_gaps(ln.glyphs)
    guess = GENERATED_SHARE * spaces[len(spaces) // 2] if spaces else 0.0
    for g in ln.glyphs:
        if g.ch.isspace():
            if g.ch == GENERATED_SPACE:
                guessed = True
            else:
                saw_space = True
            continue
        sup = g.height < 0.8 * size and g.bottom < baseline - 0.18 * size
        if prev is not None:
            gap = g.x0 - prev.x1
            after_mark = mark_start >= 0 and not sup
            if not sup and (gap > WORD_GAP * size or (saw_space and gap > -0.1 * size)
                            or (guessed and gap > guess)
                            or (after_mark and (saw_space or guessed or gap > 0.1 * size))):
                if mark_start >= 0:
                    marks.append((mark_start, length))
                    mark_start = -1
                parts.append(" ")
                length += 1
        if sup and mark_start < 0:
            mark_start = length
        elif not sup and mark_start >= 0:
            marks.append((mark_start, length))
            mark_start = -1
        parts.append(g.ch)
        length += len(g.ch)
        prev = g
        saw_space = guessed = False
    if mark_start >= 0:
        marks.append((mark_start, length))
    ln.text = "".join(parts)
    ln.marks = tuple(marks)


# -- the page's parts ---------------------------------------------------------


def is_furniture(ln: Line, page: Page) -> bool:
    text = ln.text.strip()
    in_top = ln.bottom < 0.095 * page.height
    in_foot = ln.top > 0.9 * page.height
    if (in_top or in_foot) and (FURNITURE.match(text) or FURNITURE_PAIR.match(text)):
        return True
    if page.number > 1 and in_top:
        return True  # the running header: the symbol, the title beside it
    if in_foot and ln.top > 0.935 * page.height:
        return True
    return False


@dataclass
class Note:
    marker: str
    parts: list[tuple[str, Line]]  # text pieces and the line each comes from


def body_size(pages: list[Page]) -> float:
    count: dict[float, int] = {}
    for p in pages:
        for ln in p.lines:
            count[ln.size] = count.get(ln.size, 0) + len(ln.text)
    return max(count, key=lambda s: (count[s], s)) if count else 10.0


def split_page(page: Page, size: float) -> tuple[list[Line], list[Line]]:
    """The page's body lines and footnote lines, furniture dropped."""
    lines = [ln for ln in page.lines if not is_furniture(ln, page)]
    body, notes = split_by_layout(page, lines, size)
    if page.notes and any(ln.block in page.notes for ln in body):
        # tagged: what a Note element holds is a footnote too, where the layout did not see one
        ids = {id(ln) for ln in notes}
        notes = [ln for ln in lines if id(ln) in ids or ln.block in page.notes]
        body = [ln for ln in body if ln.block not in page.notes]
    return body, notes


def split_by_layout(page: Page, lines: list[Line], size: float) -> tuple[list[Line], list[Line]]:
    rule = next((k for k in range(len(lines) - 1, -1, -1)
                 if RULE.match(lines[k].text.replace(" ", "")) and lines[k].top > 0.35 * page.height), -1)
    if rule >= 0:
        return lines[:rule], lines[rule + 1:]
    # no rule: a block of smaller type at the foot, opened by a marker
    k = len(lines)
    while k > 0 and lines[k - 1].size < 0.93 * size and lines[k - 1].top > 0.4 * page.height:
        k -= 1
    while k < len(lines) and not opens_note(lines[k], size):
        k += 1
    if k < len(lines):
        return lines[:k], lines[k:]
    return lines, []


def opens_note(ln: Line, size: float) -> bool:
    """A line in smaller type that opens with a marker: a superscript, or digits and a space."""
    return bool(ln.marks and ln.marks[0][0] == 0 and ln.text[:ln.marks[0][1]].strip().isdigit()) or bool(
        re.match(r"^\d{1,3}\s", ln.text) and ln.size < 0.93 * size)


def read_notes(lines: list[Line], notes: list[Note]) -> None:
    for ln in lines:
        text = ln.text
        label = ""
        if ln.marks and ln.marks[0][0] == 0:
            label = text[:ln.marks[0][1]].strip()
            text = text[ln.marks[0][1]:].lstrip()
        else:
            m = re.match(r"^(\d{1,3})\s+(?=\S)", text)
            if m and (not notes or int(m.group(1)) == int(notes[-1].marker or 0) + 1):
                label, text = m.group(1), text[m.end():]
        if label.isdigit():
            notes.append(Note(label, [(text, ln)]))
        elif notes:
            notes[-1].parts.append((text, ln))


# -- paragraphs ---------------------------------------------------------------


def starts_lower(text: str) -> bool:
    return text[:1].islower()


def breaks(a: Line, b: Line, left: float, right: float, shift: float = 0.0) -> bool:
    """Does line b open a new paragraph after line a?  Where both lines are tagged on one page, the
    tags say; across a page break (where a paragraph's two parts are two elements of two pages'
    trees) and where there are no tags, the layout.  left and right are the edges of b's text block;
    shift moves a into it, where a ends the column before b's (the left edge of b's column less a's)."""
    if a.table >= 0 or b.table >= 0:
        # a table is one paragraph (the tags of the UN's Word exports make each cell a P of its own);
        # one that runs over a page break goes on
        return a.table != b.table and not (a.table >= 0 and b.table >= 0 and a.page != b.page)
    if a.block >= 0 and b.block >= 0 and a.page == b.page:
        return a.block != b.block
    size = max(a.size, 1.0)
    ends = a.text.rstrip()[-1:]
    if shift:
        a = replace(a, x0=a.x0 + shift, x1=a.x1 + shift)
    if abs(a.size - b.size) > 0.15 * size:
        return True
    if a.page == b.page and b.top - a.bottom > 0.55 * size:
        return True
    if a.x0 > left + 0.5 * (right - left) and b.x0 < a.x0 - 4.0 * size:
        return True  # a line set to the right (the closing date) ends its paragraph, whatever comes next
    if starts_lower(b.text) and ends not in ".;:":
        return False
    if NUMBER_LABEL.match(b.text) and ends in ".;:,":
        return not runs_on_inline(a.text, b.text)
    if b.x0 > a.x0 + 0.8 * size:
        # a wrapped heading hangs its second line under the words after its number ("II. Implementation of
        # the Awaza Programme …" / "Developing Countries …"): the same heading
        hang = after_label(a)
        if hang is not None:
            hang += shift
        return hang is None or ends in ".;:" or bool(NUMBER_LABEL.match(b.text)) or abs(b.x0 - hang) > 0.3 * size
    short = a.x1 < right - 4.0 * size
    if short and (ends in ".;:," or b.x0 > left + 0.8 * size or not starts_lower(b.text)) and not open_end(a.text):
        return True
    return False


# a list's label inside a line ("… being considered; (b) at the beginning …"), and one opening a line
INLINE_LABEL = re.compile(r"\s\((?P<label>[a-z]{1,4}|\d{1,2})\)\s")
LEADING_LABEL = re.compile(r"^\((?P<label>[a-z]{1,4}|\d{1,2})\)\s")


def runs_on_inline(before: str, line: str) -> bool:
    """Does the line's label go on with a list printed inside the line before it ("… supervision; (b) at the
    beginning of a period of imprisonment or supervision;" / "(c) whenever there are …")?  Then the line
    break only fell before it: the label opens no sub-paragraph of its own."""
    m = LEADING_LABEL.match(line)
    if m is None:
        return False
    inline = [x.group("label") for x in INLINE_LABEL.finditer(before)]
    return bool(inline) and follows(inline[-1], m.group("label"))


def follows(a: str, b: str) -> bool:
    """Is label b the one after label a: "(b)" after "(a)", "(ii)" after "(i)", "(3)" after "(2)"?"""
    if a.isdigit() and b.isdigit():
        return int(b) == int(a) + 1
    if len(a) == 1 and len(b) == 1 and a.isalpha() and b.isalpha():
        return ord(b) == ord(a) + 1
    if set(a + b) <= set("ivxlc"):
        return roman_to_int(b.upper()) == roman_to_int(a.upper()) + 1
    return False


# a line ending in a word that cannot end a paragraph: a heading wrapped after "for" ("Financing for 2026 of the
# International Residual Mechanism for" / "Criminal Tribunals")
OPEN_END = re.compile(r"\s(?:of|the|and|for|on|in|to|with|by|at|from)$")


def open_end(text: str) -> bool:
    """Does the line stop where no paragraph ends: after "of", "for" …, or inside a parenthesis ("… on Reducing
    Reoffending (the Kyoto" / "Model Strategies)")?"""
    return bool(OPEN_END.search(text)) or text.count("(") > text.count(")")


def after_label(ln: Line) -> float | None:
    """Where the words after the line's number or label ("II. ", "3. ", "(a) ") start on the page."""
    m = NUMBER_LABEL.match(ln.text)
    if not m:
        return None
    n = len(m.group(0).strip())
    solid = [g for g in ln.glyphs if not g.ch.isspace()]
    return solid[n].x0 if len(solid) > n else None


def marked(ln: Line) -> tuple[str, list[tuple[str, int]]]:
    """The line's text with superscript markers glued to what they follow ("Development1"), and
    each marker's label and offset in that text."""
    if not ln.marks:
        return ln.text, []
    out: list[str] = []
    labels: list[tuple[str, int]] = []
    pos = 0
    length = 0
    for s, e in ln.marks:
        before = ln.text[pos:s].rstrip(" ") if s > 0 else ""
        out.append(before)
        length += len(before)
        label = ln.text[s:e].strip()
        if label.isdigit() or set(label) <= {"*"}:
            labels.append((label, length))
        out.append(label)
        length += len(label)
        pos = e
    out.append(ln.text[pos:])
    return "".join(out), labels


def marked_text(ln: Line) -> str:
    return marked(ln)[0]


@dataclass
class PdfText:
    """What the reader produced: the text, for each line of it its page and box, and the
    footnote markers the type showed (label, offset in the text)."""

    text: str
    boxes: tuple[TextBox, ...]
    markers: tuple[tuple[str, int], ...] = ()
    closing: tuple[int, int] = (0, 0)  # where the closing lines stand in the text
    tables: tuple[tuple[int, int], ...] = ()  # where each table stands in the text


class Writer:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.boxes: list[TextBox] = []
        self.markers: list[tuple[str, int]] = []

    def put(self, text: str, ln: Line | None = None) -> None:
        if not text:
            return
        if ln is not None:
            self.boxes.append(TextBox(self.length, self.length + len(text), ln.page,
                                      (round(ln.x0, 1), round(ln.top, 1), round(ln.x1, 1), round(ln.bottom, 1))))
        self.parts.append(text)
        self.length += len(text)

    def last(self) -> str:
        return self.parts[-1][-1:] if self.parts else ""


def text_block(lines: list[Line], size: float) -> tuple[float, float]:
    """The left and right edges of the text block: where most body-size lines start and end."""
    body = [ln for ln in lines if abs(ln.size - size) < 0.15 * size and len(ln.text) > 20]
    if not body:
        return (min((ln.x0 for ln in lines), default=0.0), max((ln.x1 for ln in lines), default=0.0))
    xs = sorted(ln.x0 for ln in body)
    ends = sorted(ln.x1 for ln in body)
    return xs[len(xs) // 10], ends[(len(ends) * 9) // 10]


# a table's own note under it: "a See A/80/505.", "b Includes 162 posts …"
TABLE_NOTE = re.compile(r"^[a-z]\s+\S")


def mark_tables(lines: list[Line], size: float, left: float, right: float, first: int, goes_on: bool = False) -> int:
    """Mark the page's tables (Line.table), numbered from first; the next free number.  Two forms, found by
    their layout (the tags of the UN's Word exports make each cell a paragraph of its own):

    - a grid (the Fifth Committee's budget tables): a run of lines in smaller type than the text, two or more
      of its printed rows cut into cells at wide gaps, up to the table's own notes ("a See A/80/505.");
    - a box (the Kyoto Model Strategies' "Core principle I" and its text): three or more lines in another
      type (bold) than the text, all starting at one indent within the text block, their inner lines set
      justified to one right edge short of the text's; where the page before ended in a box (goes_on), the
      lines in that form at the top of the page are its end."""
    n = len(lines)
    row = [0] * n  # lines cut at wide gaps share their printed row
    for k in range(1, n):
        row[k] = row[k - 1] + (abs(lines[k].top - lines[k - 1].top) >= 0.3 * size)
    cells: dict[int, int] = {}
    for r in row:
        cells[r] = cells.get(r, 0) + 1
    found: list[tuple[int, int]] = []
    k = 0
    while k < n:
        j = k
        while j < n and lines[j].size < 0.9 * size and not TABLE_NOTE.match(lines[j].text):
            j += 1
        if j > k and len({row[i] for i in range(k, j) if cells[row[i]] > 1}) >= 2:
            found.append((k, j))
        k = max(j, k + 1)
    k = 0
    while k < n:
        x = lines[k].x0
        j = k
        while j < n and abs(lines[j].x0 - x) < 1.0 and cells[row[j]] == 1 and abs(lines[j].size - size) > 0.01 * size:
            j += 1
        inner = lines[k + 1:j - 1] or lines[k:j]
        if (j - k >= 3 or (k == 0 and goes_on and j > k)) and x >= left + 2.0 * size \
                and max(ln.x1 for ln in inner) <= right - 2.0 * size \
                and max(ln.x1 for ln in inner) - min(ln.x1 for ln in inner) < 0.5 * size \
                and min(ln.x1 - ln.x0 for ln in inner) > 0.6 * (right - left):
            found.append((k, j))
            k = j
        else:
            k += 1
    for a, b in sorted(found):
        for ln in lines[a:b]:
            if ln.table < 0:
                ln.table = first
        first += 1
    return first


def paragraphs(lines: list[Line], size: float, phrases: ReaderPhrases) -> list[list[Line]]:
    edges = text_block(lines, size)
    by_column: dict[tuple[int, int], list[Line]] = {}  # (page, column): a page in two columns has two blocks
    for ln in lines:
        by_column.setdefault((ln.page, ln.column), []).append(ln)

    def block_of(key: tuple[int, int], ls: list[Line]) -> tuple[float, float]:
        if sum(len(x.text) > 20 for x in ls) >= 6:
            return text_block(ls, size)
        return edges if key[1] == 0 else (min(x.x0 for x in ls), max(x.x1 for x in ls))
    column_edges = {key: block_of(key, ls) for key, ls in by_column.items()}
    # tables stand in the text, after the enacting formula (the cover's columns are none)
    formula = next((k for k, ln in enumerate(lines) if phrases.pdf_formula.match(marked_text(ln).strip())), len(lines))
    after: dict[tuple[int, int], list[Line]] = {}
    for ln in lines[formula + 1:]:
        after.setdefault((ln.page, ln.column), []).append(ln)
    tables, goes_on = 0, False
    for key, ls in after.items():
        # against the text's own left edge: a page that also holds the cover's columns starts further left
        left = max(column_edges[key][0], edges[0]) if key[1] == 0 else column_edges[key][0]
        tables = mark_tables(ls, size, left, column_edges[key][1], tables, goes_on)
        goes_on = ls[-1].table >= 0
    paras: list[list[Line]] = []
    for ln in lines:
        left, right = column_edges[(ln.page, ln.column)]
        if paras:
            a = paras[-1][-1]
            shift = left - column_edges[(a.page, a.column)][0] if a.page == ln.page and a.column != ln.column else 0.0
            if not breaks(a, ln, left, right, shift):
                paras[-1].append(ln)
                continue
        paras.append([ln])
    return paras


def write_para(w: Writer, para: list[Line]) -> None:
    for k, ln in enumerate(para):
        raw, labels = marked(ln)
        text = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        if k:
            prev = w.last()
            if prev in "\x02\xad":
                w.parts[-1] = w.parts[-1][:-1]
                w.length -= 1
            elif not (prev == "-" and text[:1].isalnum()):
                w.put(" ")
        if "\x02" in text or "\xad" in text:
            text = text.replace("\x02", "").replace("\xad", "")
            labels = []  # offsets moved; rare (a soft hyphen inside the line)
        w.markers.extend((label, w.length + at - lead) for label, at in labels)
        w.put(text, ln)


def read_pdf(data: bytes, source: str, tags: bool = True, lang: str = "") -> PdfText:
    """A UN resolution's PDF as clean text, with the page and box of each line; with tags=False its
    tag tree is ignored and the layout alone decides.  The lines in words (the enacting formula, the
    closing line, its date) are read in the language `lang` (lang/<code>.toml [reader] pdf_*; English
    when none is given)."""
    phrases = language(lang).reader
    pages = read_pages(data, source, tags)
    size = body_size(pages)
    body: list[Line] = []
    notes: list[Note] = []
    for page in pages:
        b, n = split_page(page, size)
        body.extend(b)
        read_notes(n, notes)
    paras = paragraphs(body, size, phrases)
    # the closing lines ("28th plenary meeting", its date) go after the annexes that follow them
    closing: list[list[Line]] = []
    kept: list[list[Line]] = []
    for k, p in enumerate(paras):
        first = marked_text(p[0]).strip()
        if not closing and len(p) == 1 and phrases.pdf_closing.match(first):
            closing.append(p)
            if k + 1 < len(paras) and len(paras[k + 1]) == 1 and phrases.pdf_date_line.match(marked_text(paras[k + 1][0]).strip()):
                closing.append(paras[k + 1])
            continue
        if closing and len(closing) == 2 and p is closing[1]:
            continue
        kept.append(p)
    w = Writer()
    formula_seen = False
    closing_span = [0, 0]
    tables: list[tuple[int, int]] = []
    for p in kept + closing:
        if closing and p is closing[0]:
            closing_span[0] = w.length
        if closing and p is closing[-1] and len(closing) == 2:
            w.put(" ")  # the closing date, indented: a line "15 December 2025" flush left would read as footnote 15
        if not formula_seen:
            # the cover: one printed line a line, wrapped lines joined where the next goes on in lower case
            if phrases.pdf_formula.match(marked_text(p[0]).strip()):
                formula_seen = True
            else:
                group: list[Line] = []
                for ln in p:
                    if group and not (starts_lower(ln.text) or ln.text.startswith("on ")):
                        write_para(w, group)
                        w.put("\n")
                        group = []
                    group.append(ln)
                write_para(w, group)
                w.put("\n\n")
                continue
        start = w.length
        write_para(w, p)
        if p[0].table >= 0:
            tables.append((start, w.length))
        if closing and p is closing[-1]:
            closing_span[1] = w.length
        w.put("\n\n")
    if notes:
        w.put("_______________\n")
        for note in notes:
            w.put(note.marker + " ")
            for k, (text, ln) in enumerate(note.parts):
                if k and not (w.last() == "-" and text[:1].isalnum()):
                    w.put(" ")
                w.put(text.strip().replace("\x02", ""), ln)
            w.put("\n")
    return PdfText("".join(w.parts), tuple(w.boxes), tuple(w.markers), (closing_span[0], closing_span[1]), tuple(tables))




def settle(doc: SourceDocument, produced: PdfText) -> SourceDocument:
    """What the layout knows better than the text reader's guesses.

    - Footnotes are anchored to the clause that holds their marker as the type showed it: a
      superscript is a marker for certain, where the text reader can only guess from digits.
    - The closing lines, where the text reader did not know them, are no clauses; a table is one annex
      paragraph, counted apart, and outside an annex no clause; the unnumbered paragraphs after what was
      dropped are counted again (pp, uop, up).  (The headings of the operative part the text reader has
      folded already, segment.fold_headings.)"""
    spans = [(c.span, c.id) for c in doc.clauses]
    where: dict[str, str] = {}
    for label, at in produced.markers:
        if label in where:
            continue
        for (start, end), cid in spans:
            if start <= at <= end:
                where[label] = cid
                break
    dropped: set[str] = set()
    counting = Recount(set())
    renamed, counts = counting.renamed, counting.counts
    clauses = []
    c0, c1 = produced.closing
    origin: list[str] = []  # each kept clause's id as the text reader gave it
    for c in doc.clauses:
        if c.id in dropped or (c0 < c1 and c0 <= c.span[0] < c1):
            continue  # a heading, or the closing lines where the text reader did not know them
        if TOP_LEVEL.fullmatch(c.id.split("~")[0]) and any(s <= c.span[0] < e for s, e in produced.tables):
            # a table: in an annex one paragraph, counted apart from the numbered ones as the UN's markup counts
            # its containers (annex1.p1, then annex1.p1~2 where paragraph 1 has that id); elsewhere no clause,
            # as in the markup
            if c.kind != "annex":
                dropped.add(c.id)
                continue
            prefix = c.id.rsplit(".", 1)[0] + "." if "." in c.id else ""
            counts[prefix + "#table"] = counts.get(prefix + "#table", 0) + 1
            renamed[c.id] = f"{prefix}p{counts[prefix + '#table']}"
            clauses.append(replace(c, id=renamed[c.id]))
            origin.append(c.id)
            continue
        clauses.append(counting.clause(c))
        origin.append(c.id)
    # an id given twice (a table's count meeting a numbered paragraph) gets ~2, ~3, as the AKN reader gives it
    seen: set[str] = set()
    for k, c in enumerate(clauses):
        if c.id in seen:
            n = 2
            while f"{c.id}~{n}" in seen:
                n += 1
            renamed[origin[k]] = f"{c.id}~{n}"
            clauses[k] = c = replace(c, id=renamed[origin[k]])
        seen.add(c.id)
    notes = []
    for fn in doc.footnotes:
        anchor = where.get(fn.marker, fn.anchor)
        anchor = "" if anchor in dropped else renamed.get(anchor, anchor)
        notes.append(replace(fn, anchor=anchor) if anchor != fn.anchor else fn)
    info = doc.info
    phrases = language(info.language).reader
    if c0 < c1:
        lines = [ln.strip() for ln in produced.text[c0:c1].splitlines() if ln.strip()]
        if not info.meeting and lines and phrases.pdf_closing.match(lines[0]):
            info = replace(info, meeting=re.sub(r"(?<!\s)\s*\.$", "", lines[0]))
        if not info.date and len(lines) > 1 and phrases.pdf_date_line.match(lines[1]):
            from graph_builder.un.dates import iso_date

            info = replace(info, date=iso_date(lines[1].rstrip(".")))
    return replace(doc, info=info, clauses=tuple(clauses), footnotes=tuple(notes), layout=produced.boxes)


def looks_like_pdf(data: bytes) -> bool:
    """A PDF starts with %PDF-; the standard lets junk come first, within the first kilobyte, and such a
    file counts only if it also ends like a PDF (a text that merely mentions "%PDF-" stays a text)."""
    head = data[:1024]
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"%PDF-"):
        return True
    return b"%PDF-" in head and b"%%EOF" in data[-2048:]
