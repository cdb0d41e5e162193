"""The opening verb of a clause, typed against the controlled vocabulary in data/verbs.toml.

The concepts are the table's; how each is printed (its forms, the adverbs before it, the intensifiers
inside it, what tells an operative form) is the language's (lang/<code>.toml [verbs])."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from graph_builder.errors import LanguageError
from graph_builder.lang import Language, language
from graph_builder.un.data import load_toml


@dataclass(frozen=True, slots=True)
class VerbConcept:
    id: str
    label: str
    forms: tuple[str, ...]
    directive: bool
    object: str  # direct | to | that
    broader: str


@dataclass(frozen=True, slots=True)
class Opening:
    phrase: str  # as printed: "Also calls upon", "Noting with deep concern"
    concept: VerbConcept | None
    end: int  # offset just after the phrase in the clause text
    head: str  # the verb word itself, lower case: "calls"


@dataclass(frozen=True, slots=True)
class VerbTable:
    concepts: tuple[VerbConcept, ...]
    adverbs: frozenset[str]
    pattern: re.Pattern[str]  # alternation of every form, longest first
    forms: tuple[str, ...]  # casefolded forms, in the pattern's group order
    by_form: dict[str, VerbConcept]  # casefolded form -> concept
    lang: Language
    heads: frozenset[str]  # the casefolded first word of every form
    # the clause's first word as printed -> the part of `pattern` whose forms start with it (group names kept):
    # the other forms cannot match there, so trying these alone finds the same form
    by_first: dict[str, re.Pattern[str]]


def form_regex(form: str, intensifiers: str) -> str:
    """'Expresses concern' -> a regex that also matches 'Expresses its deep concern'."""
    words = [re.escape(w) for w in form.split()]
    first = f"[{words[0][0].upper()}{words[0][0].lower()}]{words[0][1:]}"
    gap = rf"\s+(?:(?:{intensifiers})\s+)*"
    return first + "".join(gap + w for w in words[1:])


@cache
def concepts() -> tuple[VerbConcept, ...]:
    """The concepts of data/verbs.toml, with their English forms."""
    return tuple(
        VerbConcept(v["id"], v["label"], tuple(v["forms"]), bool(v.get("directive", False)),
                    v.get("object", "direct"), v.get("broader", ""))
        for v in load_toml("verbs.toml")["verb"]
    )


@cache
def verb_table(lang: Language | None = None) -> VerbTable:
    """The concepts with the forms the language prints them in (English without a language)."""
    lang = lang or language()
    words = lang.verbs
    table = concepts()
    if words.forms is not None:  # the language's own forms; a concept it does not list has none
        unknown = sorted(set(words.forms) - {c.id for c in table})
        if unknown:
            raise LanguageError(lang.code, f"[verbs.forms] names concepts data/verbs.toml lacks: {unknown}")
        table = tuple(replace(c, forms=words.forms.get(c.id, ())) for c in table)
    intensifiers = "|".join(re.escape(w) for w in words.intensifiers)
    by_form: dict[str, VerbConcept] = {}
    for c in table:
        for f in c.forms:
            by_form.setdefault(f.casefold(), c)
    forms = sorted(by_form, key=lambda f: (-len(f.split()), -len(f)))
    alternation = "|".join(f"(?P<f{i}>{form_regex(f, intensifiers)})" for i, f in enumerate(forms))
    pattern = re.compile(rf"(?:{alternation})(?![\w-])")
    # every form's first word is letters, digits and hyphens ([\w-]+), printed with its first letter either case
    groups: dict[str, list[str]] = {}
    for i, f in enumerate(forms):
        first = f.split()[0]
        for printed in dict.fromkeys((first[0].upper() + first[1:], first[0].lower() + first[1:])):
            groups.setdefault(printed, []).append(f"(?P<f{i}>{form_regex(f, intensifiers)})")
    by_first = {w: re.compile(rf"(?:{'|'.join(alts)})(?![\w-])") for w, alts in groups.items()}
    if not all(FIRST_WORD.fullmatch(w) and w.isascii() for w in groups):
        by_first = {}  # a form that breaks that rule: the whole pattern is tried
    return VerbTable(table, words.adverbs, pattern, tuple(forms), by_form, lang,
                     frozenset(f.split()[0] for f in forms), by_first)


FIRST_WORD = re.compile(r"[\w-]+")  # a form's first word ends where its match's does: at white space or a non-word


WORD = re.compile(r"[\w’'\-]+")


def opening(text: str, lang: Language | None = None) -> Opening:
    """The opening phrase of a clause's text (its number already removed)."""
    table = verb_table(lang)
    pos = 0
    n = len(text)
    while pos < n and not text[pos].isalpha():
        pos += 1
    start = pos
    # skip leading adverbs: "Also", "Further", "Strongly" ...
    probe = pos
    while True:
        m = WORD.match(text, probe)
        if not m or m.group(0).casefold() not in table.adverbs:
            break
        after = m.end()
        while after < n and text[after] in " ,":
            after += 1
        probe = after
    if table.by_first:
        first = FIRST_WORD.match(text, probe)
        part = table.by_first.get(first.group(0)) if first else None
        m = part.match(text, probe) if part else None
    else:
        m = table.pattern.match(text, probe)
    if m:
        group = m.lastgroup
        assert group is not None  # every alternative is a named group
        form = table.forms[int(group[1:])]
        concept = table.by_form[form]
        end = m.end()
        trailing = table.lang.verbs.trailing.match(text, end)  # "Recalling also", "Welcoming further"
        if trailing:
            end = trailing.end()
        head_word = WORD.match(text, probe)
        return Opening(text[start:end], concept, end, head_word.group(0).casefold() if head_word else "")
    w = WORD.match(text, probe)
    if not w:
        return Opening("", None, start, "")
    return Opening(text[start:w.end()], None, w.end(), w.group(0).casefold())


def is_operative_form(word: str, lang: Language | None = None) -> bool | None:
    """True for an operative verb form ("Decides"), False for a preambular one
    ("Recalling", "Concerned", "Mindful"), None when the word says nothing."""
    table = verb_table(lang)
    rules = table.lang.verbs
    w = word.casefold()
    if w.endswith(rules.preambular_endings) or w in rules.preambular_words:
        return False
    if w.endswith(rules.operative_endings) and not w.endswith(rules.operative_not_endings) and (
            not rules.operative_known or w in table.heads):
        return True
    return False if w in table.by_form else None


def starts_clause(text: str, lang: Language | None = None) -> bool:
    """Does this line open with a known clause verb (after adverbs)?"""
    op = opening(text, lang)
    return op.concept is not None
