"""Bytes to text: detect the encoding where it is unambiguous, never drop a character."""
from __future__ import annotations

import codecs
import re

from graph_builder.errors import InputError

BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode_text(data: bytes, source: str) -> str:
    """The text of a plain-text input.

    A byte-order mark decides; otherwise UTF-8 if the bytes are valid UTF-8;
    otherwise Windows-1252 when every byte is defined there (it is a superset of
    Latin-1's printable range, and UN texts use its curly quotes), else Latin-1.
    Binary data (NUL bytes) is refused rather than read as garbage; a PDF never comes here (pdf.py reads it)."""
    if not data.strip():
        raise InputError(source, "is empty" if not data else "holds only white space")
    for bom, enc in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError as exc:
                raise InputError(source, f"starts with a {enc} byte-order mark but is not valid {enc} ({exc.reason})") from None
    if b"\x00" in data:  # anywhere: a NUL after the first 64 KB is binary too
        # UTF-16 without a BOM shows as every other byte NUL; anything else with NULs is binary
        even, odd = data[0:4096:2].count(0), data[1:4096:2].count(0)
        n = max(1, len(data[:4096]) // 2)
        if odd / n > 0.4 and even / n < 0.05:
            return decode_or_fail(data, "utf-16-le", source)
        if even / n > 0.4 and odd / n < 0.05:
            return decode_or_fail(data, "utf-16-be", source)
        raise InputError(source, "is binary data, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    if len(_CONTROL.findall(text)) > 8:
        raise InputError(source, "is binary data, not text")
    return text


# control characters no text has (tab, line feed, vertical tab, form feed and carriage return are line layout)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


def decode_or_fail(data: bytes, enc: str, source: str) -> str:
    try:
        return data.decode(enc)
    except UnicodeDecodeError as exc:
        raise InputError(source, f"looks like {enc} but is not valid ({exc.reason})") from None
