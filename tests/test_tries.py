"""find/tries.py: a pattern that takes its first character first finds what the plain trie finds.

The fast forms (first_taken, bounded_first) exist for speed only, so each case here compares them with
the plain forms (trie_regex, bounded) on the same words and text: same spans, same order.
"""
from __future__ import annotations

import re

import pytest

from graph_builder.find.gazetteer import english_gazetteer
from graph_builder.find.tries import bounded, bounded_first, first_taken, trie_regex

WORDS = ["covenant", "convention", "convention on the rights of the child", "charter", "the charter", "o'neill",
         '"protect" framework', "non-proliferation treaty", "un", "unesco"]
TEXTS = [
    "Recalling the Convention on the Rights of the Child and the Covenant,",
    "convention, Convention, CONVENTION and pre-Convention and Conventions",  # case, hyphen before, longer word
    "Charter",  # at the very start and end
    "the Charter of the United Nations; The charter",
    "O’Neill and O‘Neill and O'Neill",  # the kinds of apostrophe
    "“Protect” Framework and \"Protect\"   framework",  # quotes, runs of spaces
    "the Non‑Proliferation Treaty (a non-breaking hyphen) and the Non-Proliferation\nTreaty",
    "UN, UNESCO, UNESCOS, un",
    "",
]


def spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize("text", TEXTS)
def test_first_taken_finds_what_the_trie_finds(text):
    assert spans(bounded_first(first_taken(WORDS)), text) == spans(bounded(trie_regex(WORDS)), text)


@pytest.mark.parametrize("text", TEXTS)
def test_exact_words_match_as_printed(text):
    exact = ["UN", "UNESCO", "OHCHR"]
    assert spans(bounded_first(first_taken(exact, exact=True)), text) == spans(bounded(trie_regex(exact, exact=True)), text)


@pytest.mark.parametrize("text", TEXTS)
def test_allowed_first_characters_act_as_a_lookahead(text):
    # trie_regex's callers put a lookahead of admitted first characters before it (capitals only)
    plain = bounded("(?=[A-Z])" + trie_regex(WORDS))
    assert spans(bounded_first(first_taken(WORDS, allowed="ABCDEFGHIJKLMNOPQRSTUVWXYZ")), text) == spans(plain, text)


@pytest.mark.parametrize("text", TEXTS)
def test_groups_are_tried_in_order(text):
    # as "(?:A|B)": at one position the first group that matches wins
    capitals, lower = ["convention on the rights"], ["convention"]
    plain = bounded(f"(?:(?=[A-Z]){trie_regex(capitals)}|{trie_regex(lower)})")
    fast = bounded_first(first_taken(capitals, allowed="C"), first_taken(lower))
    assert spans(fast, text) == spans(plain, text)


def test_no_words_match_nothing():
    assert spans(bounded_first(first_taken([])), "anything at all") == []
    assert spans(bounded_first(first_taken(["x"], allowed="")), "x") == []


@pytest.mark.parametrize("text", [
    "Recalling the Principles relating to the Status of National Institutions (the Paris Principles),",
    "the principles relating to the status of national institutions for the promotion and protection of human rights",
    "the high-level political forum on sustainable development and the High-level Political Forum",
    "international law, human rights and the international security presence in Kosovo",  # first words, and a name
    "The General Assembly, recalling the International Covenant on Civil and Political Rights,",
])
def test_the_capitalised_pattern_finds_what_the_whole_pattern_finds(text):
    g = english_gazetteer()
    assert spans(g.names_pattern(text), text) == spans(g.pattern, text)


def test_a_name_printed_in_lower_case_needs_the_whole_pattern():
    g = english_gazetteer()
    text = "the high-level political forum on sustainable development"
    assert g.names_pattern(text) is g.pattern
    assert spans(g.capitalised_pattern, text) != spans(g.pattern, text)
    assert g.names_pattern("the International Covenant on Civil and Political Rights") is g.capitalised_pattern
