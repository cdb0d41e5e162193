"""The languages a resolution is read in: each one's phrases in lang/<code>.toml, compiled on first use.

A language file holds, as regular expressions with named groups, the phrases the finders and the
resolver read ("that resolution", "at its fifty-eighth session", the issuer rule's "resolutions of
the").  Every file has the same keys, and `language()` checks that each pattern carries the groups
the code takes from it, so a new language is one new file.  English is the only one written so far;
the keys a graph uses (official names, "General Assembly, 58th session") stay English whatever the text.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from graph_builder.errors import LanguageError

DEFAULT = "en"  # a text that says nothing of its language is read as English
# the UN's six languages as AKN4UN's FRBRlanguage writes them (ISO 639-2), and as BCP 47 tags them
ISO_639_2 = {"ara": "ar", "chi": "zh", "zho": "zh", "eng": "en", "fre": "fr", "fra": "fr", "rus": "ru", "spa": "es"}

# section -> key -> the named groups the code reads from that pattern
GROUPS: dict[str, dict[str, frozenset[str]]] = {
    "mentions": {
        "resolution_short_form": frozenset({"present", "decision"}),
        "session": frozenset({"ord", "special", "emergency"}),
        "agenda_item": frozenset({"title"}),
        "proper_name": frozenset(),
        "quoted_title": frozenset({"title"}),
    },
    "resolver": {
        "report_lead": frozenset(),
        "other_document": frozenset(),
        "possessive_report": frozenset(),
        "ibid": frozenset(),
        "issuer_before": frozenset(),
        "issuer_list_before": frozenset(),
        "issuer_after": frozenset(),
        "author_after": frozenset(),
        "author_before": frozenset(),
        "resolution_adopted_by": frozenset(),
    },
}


@dataclass(frozen=True, slots=True)
class MentionPhrases:
    """What find/mentions.py reads, besides the symbols and names."""

    resolution_short_form: re.Pattern[str]
    session: re.Pattern[str]
    agenda_item: re.Pattern[str]
    proper_name: re.Pattern[str]
    quoted_title: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class ResolverPhrases:
    """What resolve/resolver.py reads around a name: reports and their authors, the issuer rule."""

    report_lead: re.Pattern[str]
    other_document: re.Pattern[str]
    possessive_report: re.Pattern[str]
    ibid: re.Pattern[str]
    issuer_before: re.Pattern[str]
    issuer_list_before: re.Pattern[str]
    issuer_after: re.Pattern[str]
    author_after: re.Pattern[str]
    author_before: re.Pattern[str]
    resolution_adopted_by: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class Language:
    code: str  # BCP 47, as in the graph's language tags: en
    name: str
    mentions: MentionPhrases
    resolver: ResolverPhrases


def bcp47(code: str) -> str:
    """A language code as the graph tags it: "eng" -> "en"; a code already short, or unknown, as given."""
    code = code.strip().lower()
    return ISO_639_2.get(code, code)


def available() -> list[str]:
    """The codes of the languages with a phrase file."""
    return sorted(f.name.removesuffix(".toml") for f in resources.files("graph_builder.lang").iterdir()
                  if f.name.endswith(".toml"))


def language(code: str = DEFAULT) -> Language:
    """The phrases of one language (LanguageError when there is no file for it, or the file is wrong)."""
    return load(code or DEFAULT)


@cache
def load(code: str) -> Language:
    source = resources.files("graph_builder.lang").joinpath(f"{code}.toml")
    if not re.fullmatch(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?", code) or not source.is_file():
        raise LanguageError(code, f"no phrases for this language (the languages read are: {', '.join(available())})")
    data = tomllib.loads(source.read_text(encoding="utf-8"))
    sections = {section: compile_section(code, section, data.get(section, {})) for section in GROUPS}
    return Language(code=data.get("code", code), name=data.get("name", code),
                    mentions=MentionPhrases(**sections["mentions"]), resolver=ResolverPhrases(**sections["resolver"]))


def compile_section(code: str, section: str, given: dict[str, str]) -> dict[str, re.Pattern[str]]:
    expected = GROUPS[section]
    missing = sorted(set(expected) - set(given))
    unknown = sorted(set(given) - set(expected))
    if missing or unknown:
        raise LanguageError(code, f"[{section}] lacks {missing} and has unknown {unknown}" if missing and unknown
                            else f"[{section}] lacks {missing}" if missing else f"[{section}] has unknown {unknown}")
    out: dict[str, re.Pattern[str]] = {}
    for key, groups in expected.items():
        try:
            rx = re.compile(given[key])
        except re.error as exc:
            raise LanguageError(code, f"[{section}] {key} is no regular expression: {exc}") from None
        if not groups <= set(rx.groupindex):
            raise LanguageError(code, f"[{section}] {key} lacks the groups {sorted(groups - set(rx.groupindex))}")
        out[key] = rx
    return out
