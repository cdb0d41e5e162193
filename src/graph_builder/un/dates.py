"""Dates as UN documents print them: "16 December 2021", read into ISO 8601.

The month names are the language's (lang/<code>.toml [words]); the patterns that look for a printed date
(the cover page, a date after a resolution number, a number before a month) build their alternations
from them.
"""
from __future__ import annotations

import re
from datetime import date

from graph_builder.lang import Language, language

_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def iso_date(text: str, lang: Language | None = None) -> str:
    """'16 December 2021' -> '2021-12-16'; an ISO date passes; anything else gives ''."""
    text = (text or "").strip()
    m = _ISO.match(text)
    if m:
        return m.group(0)
    words = (lang or language()).words
    m = words.date.search(text)
    if m and m.group("month").lower() in words.month_numbers:
        try:
            return date(int(m.group("year")), words.month_numbers[m.group("month").lower()],
                        int(m.group("day"))).isoformat()
        except ValueError:  # "31 February 2020"
            return ""
    return ""
