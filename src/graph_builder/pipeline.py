"""The builder's entry points: an input file or text in, a Resolution out.

    read_path(path)  ->  SourceDocument     (PDF, plain text or AKN4UN XML)
    extract(source)  ->  Resolution         (references found and resolved)
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from graph_builder.errors import InputError, SymbolError
from graph_builder.models import Clause, DocumentInfo, Footnote, Resolution, SourceDocument
from graph_builder.readers.limits import check_document
from graph_builder.readers.registry import ReadOptions, reader_for
from graph_builder.resolve.resolver import resolve
from graph_builder.un.symbols import UNSymbol, organ_of_symbol, session_of_symbol


def read_bytes(data: bytes, source: str, given: DocumentInfo = DocumentInfo(), pdf_tags: bool = True) -> SourceDocument:
    """Read one input, with the reader its content calls for (readers/registry.py), into clauses and
    footnotes (LimitError past graph_builder.readers.limits); pdf_tags=False reads a PDF by its layout alone."""
    reader = reader_for(data)
    reader.check_size(len(data), source)
    doc = reader.read(data, source, given, ReadOptions(pdf_tags=pdf_tags))
    doc = replace(doc, info=complete_info(doc.info))
    check_document(doc)
    return doc


def complete_info(info: DocumentInfo) -> DocumentInfo:
    """The symbol in undocs.org's spelling; the organ and session the symbol says, where nothing else did."""
    symbol = info.symbol
    if symbol:
        try:
            parsed = UNSymbol.parse(symbol)
            # a part printed as its own document ("76/246 B") keeps its letter: it is not the whole resolution
            symbol = str(parsed) + (parsed.parts.replace(" ", "") if parsed.parts else "")
        except SymbolError:
            pass
    organ = organ_of_symbol(symbol) if symbol else None
    return replace(info, symbol=symbol, body=info.body or (organ.name if organ is not None else ""),
                   session=info.session or session_of_symbol(symbol))


def read_path(path: str | Path, given: DocumentInfo = DocumentInfo(), pdf_tags: bool = True) -> SourceDocument:
    p = Path(path)
    try:
        if p.is_file():  # before reading a file too big into memory
            with p.open("rb") as fh:
                head = fh.read(1024)
            reader_for(head).check_size(p.stat().st_size, str(path))
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except IsADirectoryError:
        raise InputError(str(path), "is a directory, not a file") from None
    except OSError as exc:
        raise InputError(str(path), f"cannot be read ({exc.strerror or exc})") from None
    try:
        return read_bytes(data, p.name, given, pdf_tags)
    except InputError as exc:
        if exc.source == p.name and str(path) != p.name:
            raise InputError(str(path), exc.problem) from None  # name the file as the user gave it
        raise


def extract(source: SourceDocument) -> Resolution:
    res = resolve(source)
    return replace(res, layout=source.layout) if source.layout else res


def extract_path(path: str | Path, given: DocumentInfo = DocumentInfo(), pdf_tags: bool = True) -> Resolution:
    return extract(read_path(path, given, pdf_tags))


def merge_pdf(xml: Resolution, pdf: Resolution) -> Resolution:
    """One resolution read from both its XML and its PDF, as one: the XML's reading (its clause ids
    are the UN's own, its undocs.org links the better evidence for symbols, its text what the offsets
    point into), with the PDF's pages.  Each clause and footnote of the XML that the PDF has under the
    same id, and each citation the PDF makes in that clause with the same kind and key, takes the
    pages and boxes where the PDF prints it; what the PDF alone found adds nothing."""
    from graph_builder.models import TextBox

    boxes: list[TextBox] = []
    theirs: dict[str, Clause | Footnote] = {c.id: c for c in pdf.clauses} | {f.id: f for f in pdf.footnotes}
    units: list[Clause | Footnote] = [*xml.clauses, *xml.footnotes]
    for unit in units:
        other = theirs.get(unit.id)
        if other is None:
            continue
        for page, box in pdf.pages_of(other.span):
            boxes.append(TextBox(unit.span[0], unit.span[1], page, box))
        refs = {(r.kind, r.key): r for r in other.references}
        for r in unit.references:
            twin = refs.get((r.kind, r.key))
            if twin is not None:
                for page, box in pdf.pages_of(twin.span):
                    boxes.append(TextBox(r.span[0], r.span[1], page, box))
    boxes.sort(key=lambda b: (b.start, -b.end, b.page))
    return replace(xml, layout=tuple(boxes))
