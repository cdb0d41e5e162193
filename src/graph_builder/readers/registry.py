"""The input formats, one row each: how a file of the format is recognised, which suffixes a folder's
files of it carry, and the reader that turns its bytes into a SourceDocument.

    reader = reader_for(head)        # the first row whose sniff accepts the file's first bytes
    doc = reader.read(data, source, given, ReadOptions())

A format is recognised by its content, never by its name (a ".txt" that holds a PDF is read as a PDF);
the suffixes only say which files of a folder `build` takes as inputs.  The last row, text, takes
what no other row recognises.  Adding a format is its reader module and one row here.  Importing this
module loads no reader: each row's reader is imported when it reads.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from graph_builder.models import DocumentInfo, SourceDocument
from graph_builder.readers.limits import check_size


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How the user asked inputs to be read; each reader takes the options that concern it."""

    pdf_tags: bool = True  # a PDF's tag tree decides paragraphs and footnotes where it has one


@dataclass(frozen=True, slots=True)
class Reader:
    name: str
    suffixes: tuple[str, ...]  # lower case, with the dot
    sniff: Callable[[bytes], bool]  # the file's first bytes (at least 1 KB, or all of it) -> is it this format
    read: Callable[[bytes, str, DocumentInfo, ReadOptions], SourceDocument]  # bytes, file name, what the user gave
    pdf_limits: bool = False  # checked against the PDF size limit (fonts and images beside the text)

    def check_size(self, size: int, source: str) -> None:
        check_size(size, source, pdf=self.pdf_limits)


def looks_like_pdf(head: bytes) -> bool:
    from graph_builder.readers.pdf import looks_like_pdf as sniff

    return sniff(head)


def looks_like_xml(head: bytes) -> bool:
    """XML starts with "<" after an optional byte-order mark and white space."""
    return head[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")


def read_pdf(data: bytes, source: str, given: DocumentInfo, options: ReadOptions) -> SourceDocument:
    from graph_builder.readers.pdf import read_pdf as pages
    from graph_builder.readers.pdf import settle
    from graph_builder.readers.segment import segment

    produced = pages(data, source, options.pdf_tags, given.language)
    return settle(segment(produced.text, source, given), produced)


def read_akn(data: bytes, source: str, given: DocumentInfo, options: ReadOptions) -> SourceDocument:
    from graph_builder.readers.akn import read_akn as read

    doc = read(data, source)
    return replace(doc, info=given.with_defaults(doc.info))


def read_text(data: bytes, source: str, given: DocumentInfo, options: ReadOptions) -> SourceDocument:
    from graph_builder.readers.decode import decode_text
    from graph_builder.readers.limits import check_lines
    from graph_builder.readers.normalize import LINE_BREAK
    from graph_builder.readers.segment import segment

    text = decode_text(data, source)
    check_lines(text, LINE_BREAK, source)
    return segment(text, source, given)


def anything(head: bytes) -> bool:
    return True


# in the order they are tried; text last, for what no other row recognises
READERS: tuple[Reader, ...] = (
    Reader("pdf", (".pdf",), looks_like_pdf, read_pdf, pdf_limits=True),
    Reader("akn", (".xml", ".akn"), looks_like_xml, read_akn),
    Reader("text", (".txt",), anything, read_text),
)
# the suffixes of the files `build` takes from a folder
INPUT_SUFFIXES: tuple[str, ...] = tuple(s for r in READERS for s in r.suffixes)


def reader_for(head: bytes) -> Reader:
    """The reader of a file that starts with `head`."""
    return next(r for r in READERS if r.sniff(head))


def reader_named(name: str) -> Reader:
    """The row called `name`; ValueError for a format the registry lacks."""
    for r in READERS:
        if r.name == name:
            return r
    raise ValueError(f"no reader {name!r} (one of {', '.join(r.name for r in READERS)})")
