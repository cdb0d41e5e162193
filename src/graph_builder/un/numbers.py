"""Numbers as UN documents print them in words: ordinals ("seventy-sixth session") and Roman numerals
("resolution 2200 A (XXI)").  The words of the ordinals are the language's (lang/<code>.toml [words])."""
from __future__ import annotations

from graph_builder.lang import Language, language

ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def ordinal_number(words: str, lang: Language | None = None) -> int:
    """'Seventy-sixth' -> 76, 'fifty-eighth' -> 58, 'tenth' -> 10; 0 for no ordinal."""
    table = (lang or language()).words
    w = words.casefold().replace(" ", "-")
    if w in table.ordinals:
        return table.ordinals[w]
    if w in table.tens:
        return table.tens[w]
    for tens, n in table.tens_prefix.items():  # "fifty" "-" "eighth"
        if w.startswith(tens):
            for joiner in table.joiners:
                if w.startswith(joiner, len(tens)) and w[len(tens) + len(joiner):] in table.ordinals:
                    return n + table.ordinals[w[len(tens) + len(joiner):]]
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
