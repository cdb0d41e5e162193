"""Small PDFs written byte by byte, for the hostile-input tests: text pages, many pages, scripts,
forms, embedded files, pages with no text.  Each object is numbered and the xref table is exact."""
from __future__ import annotations

import zlib


def text_stream(lines: list[str], size: float = 10.0, left: float = 72.0, top: float = 720.0) -> bytes:
    out = [b"BT", b"/F1 %.1f Tf" % size, b"%.1f %.1f Td" % (left, top), b"%.1f TL" % (size * 1.2)]
    for ln in lines:
        esc = ln.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        out.append(b"(" + esc.encode("latin-1") + b") Tj T*")
    out.append(b"ET")
    return b"\n".join(out)


def make_pdf(pages: list[bytes], catalog_extra: bytes = b"", extra_objects: tuple[bytes, ...] = (),
             compress: bool = False, latin: bool = False) -> bytes:
    """A PDF with one page per content stream; extra_objects are numbered after the pages' objects
    and the catalog may refer to them (their numbers start at 4 + 2 * len(pages)).  latin: the font
    maps bytes as WinAnsi does, so that text_stream's Latin-1 accents ("é") print as themselves."""
    n = len(pages)
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R " + catalog_extra + b" >>",
        b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(n)) + b"] /Count %d >>" % n,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman%s >>" % (b" /Encoding /WinAnsiEncoding" if latin else b""),
    ]
    for i, content in enumerate(pages):
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
                       b"/Resources << /Font << /F1 3 0 R >> >> >>" % (5 + 2 * i))
        data = zlib.compress(content) if compress else content
        objects.append(b"<< /Length %d%s >>\nstream\n" % (len(data), b" /Filter /FlateDecode" if compress else b"")
                       + data + b"\nendstream")
    objects.extend(extra_objects)
    return assemble(objects)


def assemble(objects: list[bytes], version: bytes = b"1.7") -> bytes:
    """The file of these objects, numbered from 1 (the first is the catalog), with an exact xref table."""
    out = bytearray(b"%PDF-" + version + b"\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


RESOLUTION = [
    "The General Assembly,",
    "",
    "Recalling its resolution 53/144 of 9 December 1998,",
    "",
    "1. Calls upon all States to cooperate;",
    "",
    "2. Requests the Secretary-General to report.",
]


def resolution_pdf(**kw) -> bytes:
    return make_pdf([text_stream(RESOLUTION)], **kw)
