"""How UN texts spell the same character several ways: the one table of dashes and the one normalizer."""
from __future__ import annotations

import unicodedata

# dashes and hyphens that typesetting puts in symbols and names: hyphen, non-breaking hyphen, figure dash,
# en dash, em dash, minus, small/full-width hyphen-minus; each becomes a hyphen-minus, one for one
DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2212\ufe63\uff0d"), "-")
# characters that print as nothing: soft hyphen, zero-width space and joiners, word joiner, BOM
INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)


def normalize(s: str) -> str:
    """NFKC (no-break spaces become spaces), every dash a hyphen-minus, soft hyphens gone.

    Keeps the length of the string unless it held soft hyphens or zero-width
    characters or NFKC changed it; find_symbols relies on that for the texts
    it reads and maps offsets when it does not.
    """
    if s.isascii():  # NFKC keeps ASCII, and the tables hold none of it
        return s
    return unicodedata.normalize("NFKC", s).translate(DASHES).translate(INVISIBLE)
