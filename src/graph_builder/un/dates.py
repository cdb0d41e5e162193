"""Dates as UN documents print them: "16 December 2021", read into ISO 8601.

The month names live here and only here; the patterns that look for a printed date (the cover page, a
date after a resolution number, a number before a month) build their alternations from them.
"""
from __future__ import annotations

import re
from datetime import date

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")
# a regex fragment: one month name as printed
MONTH = "(?:" + "|".join(MONTH_NAMES) + ")"
# folded month name -> its number
MONTH_NUMBERS = {m.casefold(): i for i, m in enumerate(MONTH_NAMES, 1)}

# "16 December 2021", "1 June, 1993" (any word where the month stands: it is looked up, not matched)
_DATE = re.compile(r"(\d{1,2})\s+([A-Za-z]+),?\s+(\d{4})")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def iso_date(text: str) -> str:
    """'16 December 2021' -> '2021-12-16'; an ISO date passes; anything else gives ''."""
    text = (text or "").strip()
    m = _ISO.match(text)
    if m:
        return m.group(0)
    m = _DATE.search(text)
    if m and m.group(2).lower() in MONTH_NUMBERS:
        try:
            return date(int(m.group(3)), MONTH_NUMBERS[m.group(2).lower()], int(m.group(1))).isoformat()
        except ValueError:  # "31 February 2020"
            return ""
    return ""
