"""The values that flow through the pipeline, one way:

    read (normalize + segment, or akn)  ->  SourceDocument
    extract + resolve                   ->  Resolution
    rdf                                 ->  triples

Everything here is immutable.  Character offsets always point into the text
the reader was given (`SourceDocument.text`), so `text[start:end]` is the
quoted surface form of any span.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from enum import StrEnum

Span = tuple[int, int]

CLAUSE_KINDS = ("preambular", "operative", "annex")


@dataclass(frozen=True, slots=True)
class MappedText:
    """A cleaned-up piece of the input that still knows where each character came from.

    `runs` holds (clean_offset, source_offset, length) triples: inside a run the
    clean text copies the source one to one; characters between runs (a space
    standing for a line break, say) map to the source offset of the run before.
    """

    text: str
    runs: tuple[tuple[int, int, int], ...]

    def source_offset(self, i: int) -> int:
        """Source offset of clean character i (i may equal len(text): the end)."""
        if not self.runs:
            return 0
        k = bisect_right(self.runs, (i, float("inf"), 0)) - 1
        if k < 0:
            return self.runs[0][1]
        clean, src, length = self.runs[k]
        return src + min(i - clean, length)

    def source_span(self, start: int, end: int) -> Span:
        """The source span that covers clean characters [start, end)."""
        if end <= start:
            s = self.source_offset(start)
            return (s, s)
        return (self.source_offset(start), self.source_offset(end - 1) + 1)


    def pieces(self):
        """(clean_start, clean_end, source_start, copied) for each run, in order."""
        runs = self.runs
        for k, (clean, src, length) in enumerate(runs):
            end = runs[k + 1][0] if k + 1 < len(runs) else len(self.text)
            yield clean, end, src, length > 0

    def slice(self, keep: list[tuple[int, int]]) -> MappedText:
        """The text made of the clean ranges in keep, each character still mapped to its source."""
        b = TextBuilder()
        for a, z in keep:
            for c0, c1, src, copied in self.pieces():
                lo, hi = max(a, c0), min(z, c1)
                if lo >= hi:
                    continue
                if copied:
                    b.copy(self.text[lo:hi], src + (lo - c0))
                else:
                    b.insert(self.text[lo:hi], src)
        return b.build()


class TextBuilder:
    """Builds a MappedText piece by piece."""

    __slots__ = ("_parts", "_runs", "_len")

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._runs: list[tuple[int, int, int]] = []
        self._len = 0

    def __len__(self) -> int:
        return self._len

    def copy(self, text: str, source_start: int) -> None:
        """Append text that occurs verbatim in the source at source_start."""
        if not text:
            return
        if self._runs:
            c, s, n = self._runs[-1]
            if c + n == self._len and s + n == source_start:  # contiguous: extend the run
                self._runs[-1] = (c, s, n + len(text))
                self._parts.append(text)
                self._len += len(text)
                return
        self._runs.append((self._len, source_start, len(text)))
        self._parts.append(text)
        self._len += len(text)

    def insert(self, text: str, source_at: int) -> None:
        """Append text that stands for something else in the source (a line break, say)."""
        if not text:
            return
        self._runs.append((self._len, source_at, 0))
        self._parts.append(text)
        self._len += len(text)

    def last_char(self) -> str:
        return self._parts[-1][-1] if self._parts else ""

    def build(self) -> MappedText:
        return MappedText("".join(self._parts), tuple(self._runs))


@dataclass(frozen=True, slots=True)
class Marker:
    """A footnote marker found in a clause: '1' in 'Political Rights1'."""

    label: str
    source_offset: int


@dataclass(frozen=True, slots=True)
class SourceClause:
    """A clause as the reader found it, before reference extraction."""

    id: str  # contract id: pp3, op2, op2.a, II.op3, annex1.p4
    kind: str  # preambular | operative | annex
    body: MappedText  # clause text with markers removed and lines joined
    span: Span  # in the source text
    markers: tuple[Marker, ...] = ()
    verb_hint: str = ""  # the opening phrase where the source marks it up (AKN italics)
    links: tuple[Link, ...] = ()  # references the source marks up (AKN <a href>)
    heading: bool = False  # a heading the UN's markup counts as a paragraph: no verb of its own


@dataclass(frozen=True, slots=True)
class SourceFootnote:
    id: str  # fnN
    marker: str
    anchor: str  # id of the clause that carries the marker ("" if not found)
    body: MappedText
    span: Span
    links: tuple[Link, ...] = ()


@dataclass(frozen=True, slots=True)
class Link:
    """A reference the markup asserts (an undocs.org link): a hint, not the truth."""

    symbol: str
    span: Span  # source span of the linked text


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """What the cover page, the metadata or the user says about the resolution."""

    symbol: str = ""
    body: str = ""  # the issuing organ: General Assembly, Security Council, ...
    session: str = ""  # "57", "ES-10", "S-32"; the year for the Security Council and ECOSOC
    date: str = ""  # adoption date, ISO 8601
    title: str = ""
    agenda_item: str = ""
    agenda_item_title: str = ""
    originating_document: str = ""  # "[on the report of the Third Committee (A/78/481/Add.2, para. 139)]"
    meeting: str = ""
    work_uri: str = ""  # AKN4UN FRBR work URI, when known
    language: str = ""  # the text's language, BCP 47 ("" : graph_builder.lang.DEFAULT, English)

    def with_defaults(self, other: DocumentInfo) -> DocumentInfo:
        """Fill the fields this one lacks from other (user options win over the text)."""
        values = {f: getattr(self, f) or getattr(other, f) for f in self.__dataclass_fields__}
        return DocumentInfo(**values)


@dataclass(frozen=True, slots=True)
class TextBox:
    """Where a stretch of the text stands on the page of a PDF: [start, end) of the text, the
    1-based page, and the box (left, top, right, bottom) in PDF points from the page's top left."""

    start: int
    end: int
    page: int
    box: tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class SourceDocument:
    """The reader's output: the text, its clauses and footnotes, and what it says about itself."""

    source: str  # a name for the input (file name)
    text: str
    info: DocumentInfo
    clauses: tuple[SourceClause, ...]
    footnotes: tuple[SourceFootnote, ...]
    diagnostics: tuple[Diagnostic, ...] = ()
    layout: tuple[TextBox, ...] = ()  # for a PDF: the page and box of each line of text


class ReferenceKind(StrEnum):
    """The kind of a Reference (graph/kinds.py gives each its row), in the order pages list them."""

    RESOLUTION = "resolution"
    DOCUMENT = "document"
    INSTRUMENT = "instrument"
    PROVISION = "provision"
    BODY = "body"
    OFFICE = "office"
    SESSION = "session"
    AGENDA_ITEM = "agenda-item"


@dataclass(frozen=True, slots=True)
class Reference:
    kind: ReferenceKind
    key: str  # contract key: a symbol, an official title, "Title, article 4"
    text: str  # surface text as printed
    span: Span
    short_form: bool = False  # "the Covenant", "that resolution": resolved to key
    target: str = ""  # for a provision: the key of the instrument or resolution it belongs to
    unit: str = ""  # for a provision: article, paragraph, chapter ...
    number: str = ""  # for a provision: 4, VII ...
    via: str = "text"  # text | markup: where the reference was found


@dataclass(frozen=True, slots=True)
class Addressee:
    name: str  # plain standard name: States, Secretary-General
    kind: str  # body | office | actor
    text: str
    span: Span
    verb: str = ""  # the directive verb: urges, calls upon ...


@dataclass(frozen=True, slots=True)
class Diagnostic:
    code: str  # unresolved-short-form, marker-without-footnote, link-contradicts-text ...
    message: str
    span: Span | None = None
    clause: str = ""
    severity: str = "warning"  # warning | error


@dataclass(frozen=True, slots=True)
class Clause:
    id: str
    kind: str
    verb: str  # opening phrase as printed; "" for annex paragraphs and continuations
    verb_concept: str  # id of the verb concept in ontology/verbs.ttl, "" when unknown
    span: Span
    text: str  # cleaned clause text (markers removed, lines joined)
    references: tuple[Reference, ...]
    addressees: tuple[Addressee, ...] = ()
    footnotes: tuple[str, ...] = ()
    heading: bool = False


@dataclass(frozen=True, slots=True)
class Footnote:
    id: str
    marker: str
    anchor: str
    span: Span
    text: str
    references: tuple[Reference, ...]


@dataclass(frozen=True, slots=True)
class Resolution:
    """Everything the builder learned from one input."""

    source: str
    text: str
    info: DocumentInfo
    clauses: tuple[Clause, ...]
    footnotes: tuple[Footnote, ...]
    diagnostics: tuple[Diagnostic, ...] = field(default=())
    layout: tuple[TextBox, ...] = field(default=())  # for a PDF: the page and box of each line of text

    def pages_of(self, span: Span) -> list[tuple[int, tuple[float, float, float, float]]]:
        """The pages a span of the text is printed on, each with the box that covers it there."""
        return pages_of(self.layout, span)


def pages_of(layout: tuple[TextBox, ...], span: Span) -> list[tuple[int, tuple[float, float, float, float]]]:
    """(page, box) for each page that holds part of span, in page order; [] without a layout."""
    if not layout:
        return []
    start, end = span
    k = bisect_right([b.start for b in layout], start) - 1
    k = max(k, 0)
    out: dict[int, list[float]] = {}
    while k < len(layout) and layout[k].start < max(end, start + 1):
        b = layout[k]
        if b.end > start:
            x0, y0, x1, y1 = b.box
            if b.page in out:
                u = out[b.page]
                out[b.page] = [min(u[0], x0), min(u[1], y0), max(u[2], x1), max(u[3], y1)]
            else:
                out[b.page] = [x0, y0, x1, y1]
        k += 1
    return [(p, (v[0], v[1], v[2], v[3])) for p, v in sorted(out.items())]
