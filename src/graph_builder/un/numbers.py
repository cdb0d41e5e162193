"""Numbers as UN documents print them in words: ordinals ("seventy-sixth session") and Roman numerals
("resolution 2200 A (XXI)")."""
from __future__ import annotations

ORDINALS = {
    w: i for i, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
        "fifteenth sixteenth seventeenth eighteenth nineteenth".split(), 1)
}
TENS = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
        "eightieth": 80, "ninetieth": 90}
TENS_PREFIX = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
               "ninety": 90}
ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def ordinal_number(words: str) -> int:
    """'Seventy-sixth' -> 76, 'fifty-eighth' -> 58, 'tenth' -> 10; 0 for no ordinal."""
    w = words.casefold().replace(" ", "-")
    if w in ORDINALS:
        return ORDINALS[w]
    if w in TENS:
        return TENS[w]
    if "-" in w:
        tens, unit = w.split("-", 1)
        if tens in TENS_PREFIX and unit in ORDINALS:
            return TENS_PREFIX[tens] + ORDINALS[unit]
    return 0


def ordinal_suffix(n: int) -> str:
    """The suffix of 1st, 2nd, 3rd, 11th, 58th."""
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def roman_to_int(r: str) -> int:
    """'XXI' -> 21 (the numerals I, V, X, L, C of session numbers; KeyError for any other character)."""
    total = 0
    for i, ch in enumerate(r):
        v = ROMAN_VALUES[ch]
        total += -v if i + 1 < len(r) and ROMAN_VALUES[r[i + 1]] > v else v
    return total
