"""The language seam: each language's phrases in one file, checked when it is loaded."""
from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from graph_builder.errors import InputError, LanguageError
from graph_builder.lang import GROUPS, available, bcp47, compile_section, language
from graph_builder.models import DocumentInfo
from graph_builder.pipeline import extract, read_bytes


@pytest.mark.parametrize("code", available())
def test_every_language_file_has_every_phrase_with_its_groups(code):
    lang = language(code)
    assert lang.code == code
    for section, keys in GROUPS.items():
        for key, groups in keys.items():
            assert groups <= set(getattr(getattr(lang, section), key).groupindex)


def test_english_is_there_and_is_the_default():
    assert "en" in available()
    assert language("") is language("en")


@pytest.mark.parametrize(("given", "tag"), [("eng", "en"), ("fra", "fr"), ("fre", "fr"), ("spa", "es"), ("zho", "zh"),
                                            ("en", "en"), (" ENG ", "en"), ("tlh", "tlh")])
def test_akn_language_codes_become_bcp47(given, tag):
    assert bcp47(given) == tag


@pytest.mark.parametrize("code", ["de", "xx", "../en", "en.toml", "EN"])
def test_a_language_without_phrases_is_a_one_line_input_error(code):
    with pytest.raises(LanguageError) as err:
        language(code)
    assert isinstance(err.value, InputError) and "\n" not in str(err.value)


def english(section: str) -> dict[str, str]:
    text = resources.files("graph_builder.lang").joinpath("en.toml").read_text(encoding="utf-8")
    return dict(tomllib.loads(text)[section])


@pytest.mark.parametrize(("change", "problem"), [
    (lambda d: d.pop("session"), "lacks ['session']"),
    (lambda d: d.update(sesion=d["session"]), "has unknown ['sesion']"),
    (lambda d: d.update(session=r"at its (?P<ord>\w+) session"), "lacks the groups ['emergency', 'special']"),
    (lambda d: d.update(agenda_item="entitled (unclosed"), "is no regular expression"),
])
def test_a_broken_language_file_says_what_is_wrong(change, problem):
    given = english("mentions")
    change(given)
    with pytest.raises(LanguageError, match=problem.replace("[", r"\[").replace("]", r"\]")):
        compile_section("xx", "mentions", given)


def test_a_text_is_read_in_its_own_language_or_refused():
    text = b"The General Assembly,\n\nRecalling its resolution 53/144,\n\n1. Decides to remain seized of the matter.\n"
    read = extract(read_bytes(text, "t.txt", DocumentInfo(symbol="A/RES/57/1")))
    assert [r.key for c in read.clauses for r in c.references] == ["A/RES/53/144"]
    with pytest.raises(LanguageError, match="no phrases for this language"):
        extract(read_bytes(text, "t.txt", DocumentInfo(symbol="A/RES/57/1", language="de")))
