"""The reader's limits, in one place: what an input may hold before it is refused with a one-line error.

Each is far above any real resolution (the shared corpus of 5,041 resolutions peaks at 812 kB, depth 29 of
XML, lines of 880 characters, a few hundred clauses and footnotes), and low enough that an input built to
exhaust memory or time is refused at once instead: a 50 MB line, 914,000 paragraphs, 200,000 footnotes,
5,000 nested elements.  The README's "Limits" section lists them.
"""
from __future__ import annotations

import re

from graph_builder.errors import LimitError

MAX_INPUT_BYTES = 16 * 1024 * 1024  # one input file (20 times the largest resolution)
MAX_CLAUSES = 20_000  # clauses of one resolution (paragraphs, sub-paragraphs, annex paragraphs)
MAX_CLAUSE_CHARS = 200_000  # the text of one clause or footnote; also one line of a text input
MAX_FOOTNOTES = 5_000  # footnotes of one resolution
MAX_XML_DEPTH = 200  # nesting of XML elements
MAX_FIELD_CHARS = 10_000  # a cover field: symbol, title, date, organ, session, agenda item
# a PDF carries fonts and images beside its text, so it may be larger than a text or XML file
MAX_PDF_BYTES = 100 * 1024 * 1024  # the largest resolution PDFs in the corpus are a few megabytes
MAX_PDF_PAGES = 2000  # the longest resolutions (budgets, programmes of action) run to a few hundred pages
MAX_PDF_PAGE_CHARS = 60_000  # a dense A4 page holds some 6,000 characters
MAX_PDF_INFLATED = 256 * 1024 * 1024  # all compressed streams together, inflated (fonts and pages: a few MB)


def check_size(size: int, source: str, pdf: bool = False) -> None:
    limit = MAX_PDF_BYTES if pdf else MAX_INPUT_BYTES
    if size > limit:
        what = "a resolution's PDF" if pdf else "a resolution"
        raise LimitError(source, f"is {size:,} bytes, more than the {limit:,} {what} may have")


def check_count(count: int, limit: int, what: str, source: str) -> None:
    """Raise once `count` things of a kind pass the limit (called as they are read, so it stops early)."""
    if count > limit:
        raise LimitError(source, f"has more than {limit:,} {what}")


def check_length(length: int, limit: int, what: str, source: str) -> None:
    if length > limit:
        raise LimitError(source, f"{what} is {length:,} characters long, more than the {limit:,} allowed")


def check_document(doc) -> None:
    """A read document (models.SourceDocument) within the limits: clauses, footnotes, their lengths, cover fields."""
    src = doc.source
    check_count(len(doc.clauses), MAX_CLAUSES, "clauses", src)
    check_count(len(doc.footnotes), MAX_FOOTNOTES, "footnotes", src)
    for unit in (*doc.clauses, *doc.footnotes):
        check_length(unit.span[1] - unit.span[0], MAX_CLAUSE_CHARS, unit.id, src)
    info = doc.info
    for name in info.__dataclass_fields__:
        check_length(len(getattr(info, name) or ""), MAX_FIELD_CHARS, f"its {name.replace('_', ' ')}", src)


def check_lines(text: str, breaks: str, source: str) -> None:
    """A plain text's lines within MAX_CLAUSE_CHARS: a clause starts at a line's start, so a longer line
    makes a longer clause, and refusing it here spares reading the whole text first."""
    m = re.search(rf"[^{breaks}]{{{MAX_CLAUSE_CHARS + 1}}}", text)
    if m:
        line = text.count("\n", 0, m.start()) + 1
        end = re.compile(rf"[{breaks}]").search(text, m.end())
        length = (end.start() if end else len(text)) - m.start()
        raise LimitError(source, f"line {line} is {length:,} characters long, "
                                 f"more than the {MAX_CLAUSE_CHARS:,} a clause may have")
