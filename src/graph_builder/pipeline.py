"""The builder's entry points: an input file or text in, a Resolution out.

    read_path(path)  ->  SourceDocument     (PDF, plain text or AKN4UN XML)
    extract(source)  ->  Resolution         (references found and resolved)
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from graph_builder.errors import InputError, SymbolError
from graph_builder.models import DocumentInfo, Resolution, SourceDocument
from graph_builder.readers.cover import organ_of_symbol, session_of_symbol
from graph_builder.readers.decode import decode_text
from graph_builder.readers.limits import check_document, check_lines, check_size
from graph_builder.resolve.resolver import resolve
from graph_builder.un.symbols import UNSymbol


def looks_like_xml(data: bytes) -> bool:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"<")


def read_bytes(data: bytes, source: str, given: DocumentInfo = DocumentInfo(), pdf_tags: bool = True) -> SourceDocument:
    """Read one input, PDF, XML or text, into clauses and footnotes (LimitError past graph_builder.readers.limits)."""
    from graph_builder.readers.pdf import looks_like_pdf

    is_pdf = looks_like_pdf(data)
    check_size(len(data), source, pdf=is_pdf)
    if is_pdf:
        from graph_builder.readers.pdf import read_pdf, settle
        from graph_builder.readers.segment import segment

        produced = read_pdf(data, source, pdf_tags)
        doc = settle(segment(produced.text, source, given), produced)
    elif looks_like_xml(data):
        from graph_builder.readers.akn import read_akn

        doc = read_akn(data, source)
        doc = replace(doc, info=given.with_defaults(doc.info))
    else:
        from graph_builder.readers.normalize import LINE_BREAK
        from graph_builder.readers.segment import segment

        text = decode_text(data, source)
        check_lines(text, LINE_BREAK, source)
        doc = segment(text, source, given)
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
    return replace(info, symbol=symbol, body=info.body or organ_of_symbol(symbol),
                   session=info.session or session_of_symbol(symbol))


def read_path(path: str | Path, given: DocumentInfo = DocumentInfo(), pdf_tags: bool = True) -> SourceDocument:
    p = Path(path)
    try:
        if p.is_file():  # before reading a file too big into memory
            from graph_builder.readers.pdf import looks_like_pdf

            with p.open("rb") as fh:
                head = fh.read(1024)
            check_size(p.stat().st_size, str(path), pdf=looks_like_pdf(head))
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
    theirs = {c.id: c for c in pdf.clauses} | {f.id: f for f in pdf.footnotes}
    for unit in (*xml.clauses, *xml.footnotes):
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
