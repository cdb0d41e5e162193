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
    "reader": {
        "enacting": frozenset(),
        "formula": frozenset({"organ"}),
        "formula_lead": frozenset(),
        "closing": frozenset(),
        "closing_meeting": frozenset({"meeting"}),
        "date_line": frozenset(),
        "page_number": frozenset(),
        "hyphen_joins": frozenset(),
        "symbol_line": frozenset({"sym"}),
        "annex": frozenset({"label"}),
        "annex_titled": frozenset(),
        "annex_start": frozenset(),
        "draft_follows": frozenset(),
        "resolved": frozenset(),
        "printed_date": frozenset(),
        "cover_date_lead": frozenset(),
        "session_line": frozenset({"ord", "special", "emergency"}),
        "agenda": frozenset({"item"}),
        "adopted": frozenset({"organ", "date"}),
        "adopted_open": frozenset(),
        "adopted_goes_on": frozenset(),
        "sc_heading": frozenset({"num", "year"}),
        "sc_heading_date": frozenset(),
        "sc_old_heading": frozenset({"num", "year", "date"}),
        "adopted_at": frozenset({"organ", "meeting"}),
        "pdf_formula": frozenset(),
        "pdf_closing": frozenset(),
        "pdf_date_line": frozenset(),
    },
    "symbols": {
        "keyword": frozenset({"word", "decision", "plural"}),
        "draft": frozenset(),
        "its": frozenset({"its"}),
        "date_after": frozenset(),
        "separator": frozenset(),
        "through": frozenset(),
        "provision_separator": frozenset(),
        "unit": frozenset({"unit"}),
        "provision_of": frozenset(),
        "annex_skip": frozenset(),
        "of_the": frozenset(),
        "joined": frozenset(),
        "semicolon": frozenset(),
        "topic": frozenset(),
        "lead_topic": frozenset(),
        "organ_its": frozenset({"name"}),
        "organ_including": frozenset({"name", "name2"}),
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
class ReaderPhrases:
    """What the readers read on a page: the enacting formula, the closing lines, the cover's lines
    (readers/normalize.py, segment.py, cover.py)."""

    enacting: re.Pattern[str]
    formula: re.Pattern[str]
    formula_lead: re.Pattern[str]
    closing: re.Pattern[str]
    closing_meeting: re.Pattern[str]
    date_line: re.Pattern[str]
    page_number: re.Pattern[str]
    hyphen_joins: re.Pattern[str]
    symbol_line: re.Pattern[str]
    annex: re.Pattern[str]
    annex_titled: re.Pattern[str]
    annex_start: re.Pattern[str]
    draft_follows: re.Pattern[str]
    resolved: re.Pattern[str]
    printed_date: re.Pattern[str]
    cover_date_lead: re.Pattern[str]
    session_line: re.Pattern[str]
    agenda: re.Pattern[str]
    adopted: re.Pattern[str]
    adopted_open: re.Pattern[str]
    adopted_goes_on: re.Pattern[str]
    sc_heading: re.Pattern[str]
    sc_heading_date: re.Pattern[str]
    sc_old_heading: re.Pattern[str]
    adopted_at: re.Pattern[str]
    pdf_formula: re.Pattern[str]
    pdf_closing: re.Pattern[str]
    pdf_date_line: re.Pattern[str]


@dataclass(frozen=True, slots=True, eq=False)  # one per language: hashed by identity
class SymbolPhrases:
    """The words around and inside a list of cited numbers that find/symbols.py reads: "its resolutions
    53/144 of 9 December 1998 and 66/164, paragraph 3"; {ORGAN} in a pattern stands for the organs' names."""

    keyword: re.Pattern[str]
    draft: re.Pattern[str]
    its: re.Pattern[str]
    date_after: re.Pattern[str]
    separator: re.Pattern[str]
    through: re.Pattern[str]
    provision_separator: re.Pattern[str]
    unit: re.Pattern[str]
    provision_of: re.Pattern[str]
    annex_skip: re.Pattern[str]
    of_the: re.Pattern[str]
    joined: re.Pattern[str]
    semicolon: re.Pattern[str]
    topic: re.Pattern[str]
    lead_topic: re.Pattern[str]
    organ_its: re.Pattern[str]
    organ_including: re.Pattern[str]
    units: dict[str, str]  # a unit as printed, casefolded -> as a provision's key spells it
    not_organ_words: frozenset[str]  # capitalized words before "resolution" that are no organ's name
    not_organ_endings: tuple[str, ...]
    organs: dict[str, str]  # the file's [organs]: an organ's printed name -> its official English name


@dataclass(frozen=True, slots=True)
class Words:
    """Months and ordinals in words, as un/dates.py and un/numbers.py read them."""

    months: tuple[str, ...]  # January .. December, as printed
    month: str  # a regex fragment: one month name
    month_numbers: dict[str, int]  # casefolded name -> 1..12
    date: re.Pattern[str]  # a printed date: groups day, month (any word: looked up), year
    ordinals: dict[str, int]  # "first" .. "nineteenth"
    tens: dict[str, int]  # "twentieth" .. "ninetieth"
    tens_prefix: dict[str, int]  # "twenty" .. "ninety", before a joiner and a unit ordinal
    joiners: tuple[str, ...]  # between tens and unit, once spaces are hyphens: "-" ("fifty-eighth")


@dataclass(frozen=True, slots=True)
class VerbWords:
    """How a clause's opening verb is printed (find/verbs.py): the forms of each concept of data/verbs.toml,
    the words around them, and how a form tells an operative clause from a preambular one."""

    forms: dict[str, tuple[str, ...]] | None  # concept id -> printed forms; None: the concept table's own
    adverbs: frozenset[str]
    intensifiers: tuple[str, ...]
    trailing: re.Pattern[str]  # "Recalling also": matched where the form ends
    preambular_endings: tuple[str, ...]
    preambular_words: frozenset[str]
    operative_endings: tuple[str, ...]
    operative_not_endings: tuple[str, ...]
    operative_known: bool  # an operative ending counts only on the first word of a known form


@dataclass(frozen=True, slots=True)
class MarkerWords:
    """The words around a number that tell it from a footnote marker printed as a word of its own
    (readers/segment.py): "paragraph 3", "3 million", "paragraphs 3, 4", "3 and 4"."""

    number_before: frozenset[str]  # a number after them is theirs (the language's months count too)
    number_after: frozenset[str]  # a number before them is theirs
    list_units: frozenset[str]  # plural units a list of numbers follows
    joining: frozenset[str]  # "3 and 4", "21 to 23 May"
    unit_words: tuple[str, ...]  # words a spaced marker of OCR'd text never follows ("paragraph 61 and")
    conjunction: str  # what follows such a marker: "and"
    number_sign: str  # before a number, never before a marker glued to a year: "No. "


@dataclass(frozen=True, slots=True, eq=False)  # one per code (load is cached): hashed by identity
class Language:
    code: str  # BCP 47, as in the graph's language tags: en
    name: str
    mentions: MentionPhrases
    resolver: ResolverPhrases
    reader: ReaderPhrases
    symbols: SymbolPhrases
    words: Words
    verbs: VerbWords
    organs: dict[str, str]  # an organ's name as the text prints it -> its official English name, the graph's key
    markers: MarkerWords
    names: dict[str, str]  # a name as the text prints it -> an official name of the gazetteers (find/gazetteer.py)


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
    try:
        data = tomllib.loads(source.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise LanguageError(code, f"lang/{code}.toml is no TOML: {exc}") from None
    try:
        m = data["markers"]
        markers = MarkerWords(number_before=frozenset(m["number_before"].split()),
                              number_after=frozenset(m["number_after"].split()),
                              list_units=frozenset(m["list_units"].split()), joining=frozenset(m["joining"]),
                              unit_words=tuple(m["unit_words"]), conjunction=str(m["conjunction"]),
                              number_sign=str(m["number_sign"]))
        words = read_words(code, data["words"])
        verbs = read_verbs(code, data["verbs"])
    except KeyError as exc:
        raise LanguageError(code, f"lacks {exc}") from None
    except (TypeError, ValueError, AttributeError) as exc:
        raise LanguageError(code, f"[words] or [verbs] is malformed: {exc}") from None
    symbols = dict(data.get("symbols", {}))
    organs = {str(k): str(v) for k, v in data.get("organs", {}).items()}
    try:
        units = {str(k): str(v) for k, v in symbols.pop("units").items()}
        not_organ_words = frozenset(str(w) for w in symbols.pop("not_organ_words"))
        not_organ_endings = tuple(str(w) for w in symbols.pop("not_organ_endings"))
    except KeyError as exc:
        raise LanguageError(code, f"[symbols] lacks {exc}") from None
    sections = {section: compile_section(code, section, symbols if section == "symbols" else data.get(section, {}),
                                         words.month) for section in GROUPS}
    return Language(code=data.get("code", code), name=data.get("name", code),
                    mentions=MentionPhrases(**sections["mentions"]), resolver=ResolverPhrases(**sections["resolver"]),
                    reader=ReaderPhrases(**sections["reader"]), symbols=SymbolPhrases(**sections["symbols"], units=units, not_organ_words=not_organ_words,
                                          not_organ_endings=not_organ_endings, organs=organs),
                    words=words, verbs=verbs, organs=organs, markers=markers,
                    names={str(k): str(v) for k, v in data.get("names", {}).items()})


def read_words(code: str, given: dict) -> Words:
    months = tuple(str(m) for m in given["months"])
    if len(months) != 12:
        raise LanguageError(code, f"[words] months has {len(months)} names, not 12")
    date = pattern(code, "words", "date", given["date"], frozenset({"day", "month", "year"}))
    return Words(months=months, month="(?:" + "|".join(re.escape(m) for m in months) + ")",
                 month_numbers={m.casefold(): i for i, m in enumerate(months, 1)}, date=date,
                 ordinals={str(k): int(v) for k, v in given["ordinals"].items()},
                 tens={str(k): int(v) for k, v in given["tens"].items()},
                 tens_prefix={str(k): int(v) for k, v in given["tens_prefix"].items()},
                 joiners=tuple(str(j) for j in given["joiners"]))


def read_verbs(code: str, given: dict) -> VerbWords:
    forms = given.get("forms")
    if forms is None and not given.get("concept_forms"):
        raise LanguageError(code, "[verbs] has neither forms nor concept_forms = true")
    return VerbWords(
        forms={str(k): tuple(str(f) for f in v) for k, v in forms.items()} if forms is not None else None,
        adverbs=frozenset(str(w) for w in given["adverbs"]), intensifiers=tuple(str(w) for w in given["intensifiers"]),
        trailing=pattern(code, "verbs", "trailing", given["trailing"], frozenset()),
        preambular_endings=tuple(given["preambular_endings"]), preambular_words=frozenset(given["preambular_words"]),
        operative_endings=tuple(given["operative_endings"]), operative_not_endings=tuple(given["operative_not_endings"]),
        operative_known=bool(given.get("operative_known", False)))


def compile_section(code: str, section: str, given: dict[str, str], month: str = "") -> dict[str, re.Pattern[str]]:
    expected = GROUPS[section]
    missing = sorted(set(expected) - set(given))
    unknown = sorted(set(given) - set(expected))
    if missing or unknown:
        raise LanguageError(code, f"[{section}] lacks {missing} and has unknown {unknown}" if missing and unknown
                            else f"[{section}] lacks {missing}" if missing else f"[{section}] has unknown {unknown}")
    return {key: pattern(code, section, key, given[key], groups, month) for key, groups in expected.items()}


def pattern(code: str, section: str, key: str, source: str, groups: frozenset[str], month: str = "") -> re.Pattern[str]:
    """One phrase compiled; {MONTH} in it stands for the language's month names (no quantifier is a word)."""
    try:
        rx = re.compile(source.replace("{MONTH}", month))
    except re.error as exc:
        raise LanguageError(code, f"[{section}] {key} is no regular expression: {exc}") from None
    if not groups <= set(rx.groupindex):
        raise LanguageError(code, f"[{section}] {key} lacks the groups {sorted(groups - set(rx.groupindex))}")
    return rx
