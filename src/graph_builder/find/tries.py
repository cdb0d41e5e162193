"""Regular expressions built from lists of words: one character trie per list, so that a scan costs
about the same whatever the size of the list.

A pattern that starts with one character class is scanned several times faster than one that starts
with a lookbehind: the scanner skips, in C, every position where that class does not match.  So the
patterns here take the first character first and look back for the word boundary after it
(first_taken, bounded_first).
"""
from __future__ import annotations

import re

# the other ways a character of a name is printed
VARIANTS = {"'": "'’‘", '"': '"“”', "-": "-\u2011\u2010"}


def char_regex(ch: str) -> str:
    if ch == " ":
        return r"\s+"
    if ch in VARIANTS:
        return char_class(VARIANTS[ch])
    return re.escape(ch)


def char_class(chars) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


def _trie(words: list[str]) -> dict:
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True
    return trie


def _emit(node: dict, char) -> str:
    """The regex of a trie node's children (and of its end, where a word ends there)."""
    branches = [char(ch) + _emit(node[ch], char) for ch in sorted(k for k in node if k)]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def first_forms(ch: str) -> set[str]:
    """How a word's first character may be printed: a letter in either case, a quote or a dash as any of
    its kinds."""
    return {ch.upper(), ch} if ch.isalpha() else set(VARIANTS.get(ch, ch))


def trie_regex(words: list[str], exact: bool = False, char=None) -> str:
    """One regex matching any of the folded words (longest first), built as a character trie: a space
    matches any white space, a quote or a dash any of its kinds, a first letter either case.  `exact`:
    every character only as itself (acronyms, matched as printed), or as `char` gives it."""
    char = char or (re.escape if exact else char_regex)
    top = []
    for ch, node in sorted(_trie(words).items()):
        top.append((char(ch) if exact else char_class(first_forms(ch))) + _emit(node, char))
    return "(?:" + "|".join(top) + ")" if top else "(?!)"


def first_taken(words: list[str], exact: bool = False, allowed: str | None = None, char=None) -> tuple[set[str], str]:
    """trie_regex with its first character already taken: (every character a word may start with, the regex
    of the rest, which looks back at the character taken to choose its branch).  `allowed`: the first
    characters admitted (trie_regex's caller had a lookahead for them)."""
    char = char or (re.escape if exact else char_regex)
    firsts: set[str] = set()
    branches = []
    for ch, node in sorted(_trie(words).items()):
        forms = {ch} if exact else first_forms(ch)
        if allowed is not None:
            forms &= set(allowed)
        if forms:
            firsts |= forms
            branches.append(f"(?<={char_class(forms)}){_emit(node, char)}")
    return firsts, "(?:" + "|".join(branches) + ")" if branches else "(?!)"


def bounded(alternation: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w\-]){alternation}(?![\w\-])")


def bounded_first(*groups: tuple[set[str], str]) -> re.Pattern[str]:
    """bounded() of the alternation of first_taken() groups, tried in order.  The pattern starts with one
    character class, so the scanner skips in C every position where no word can start; bounded()'s
    lookbehind, tried at every position, makes a scan several times slower."""
    firsts = set().union(*(f for f, _ in groups))
    if not firsts:
        return re.compile("(?!)")
    rest = groups[0][1] if len(groups) == 1 else "(?:" + "|".join(f"(?<={char_class(f)}){r}" for f, r in groups if f) + ")"
    return re.compile(rf"{char_class(firsts)}(?<![\w\-](?s:.)){rest}(?![\w\-])")
