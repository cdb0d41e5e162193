"""The organ table (data/issuers.toml through un/organs.py) and the UN facts of un/: table-driven."""
from __future__ import annotations

from dataclasses import replace

import pytest

from graph_builder.lang import language
from graph_builder.models import DocumentInfo
from graph_builder.readers.segment import segment
from graph_builder.resolve.resolver import resolve
from graph_builder.un import organs
from graph_builder.un.dates import iso_date
from graph_builder.un.numbers import ordinal_number, ordinal_suffix, roman_to_int
from graph_builder.un.symbols import (
    group_of_symbol,
    is_decision_symbol,
    is_resolution_symbol,
    organ_of_symbol,
    session_of_symbol,
    symbol_facts,
)

# symbol -> (organ that adopted it, session it tells, network group)
SYMBOLS = [
    ("A/RES/57/209", "General Assembly", "57", "General Assembly"),
    ("A/RES/ES-10/21", "General Assembly", "ES-10", "General Assembly"),
    ("A/RES/S-27/2", "General Assembly", "S-27", "General Assembly"),
    ("A/RES/2200(XXI)", "General Assembly", "21", "General Assembly"),
    ("A/RES/2200 A (XXI)", "General Assembly", "21", "General Assembly"),
    ("A/DEC/57/501", "General Assembly", "", "General Assembly"),  # decisions tell no session
    ("A/HRC/RES/49/18", "Human Rights Council", "49", "Human Rights Council"),
    ("A/HRC/RES/S-30/1", "Human Rights Council", "S-30", "Human Rights Council"),
    ("S/RES/1325(2000)", "Security Council", "2000", "Security Council"),
    ("S/RES/1325", "Security Council", "", "Security Council"),
    ("E/RES/1996/31", "Economic and Social Council", "1996", "ECOSOC"),
    ("E/RES/1503(XLVIII)", "Economic and Social Council", "", "ECOSOC"),  # its Roman sessions are not read
    ("E/CN.4/RES/2000/61", "Commission on Human Rights", "", "ECOSOC"),
    ("ST/SGB/2003/13", None, "", "other"),
    ("UNEP/EA.5/Res.14", None, "", "other"),
]


@pytest.mark.parametrize("symbol, organ, session, group", SYMBOLS)
def test_what_a_symbol_says_of_its_organ(symbol, organ, session, group):
    found = organ_of_symbol(symbol)
    assert (found.name if found else None) == organ
    assert session_of_symbol(symbol) == session
    assert group_of_symbol(symbol) == group


# organ -> (AKN4UN author code, how its texts name themselves, documents prefix, group colour)
ORGANS = [
    ("General Assembly", "ga", {"the assembly", "the general assembly"}, "A", "#1f77b4"),
    ("Security Council", "sc", {"the council", "the security council"}, "S", "#d62728"),
    ("Human Rights Council", "hrc", {"the council", "the human rights council"}, "A/HRC", "#2ca02c"),
    ("Economic and Social Council", "ecosoc", {"the council"}, "E", "#9467bd"),
    ("Commission on Human Rights", "", {"the commission"}, "E/CN.4", "#9467bd"),
]


@pytest.mark.parametrize("name, akn, names, documents, colour", ORGANS)
def test_the_organ_table_row(name, akn, names, documents, colour):
    organ = organs.find_issuer(name)
    assert organ is not None and organ.name == name
    assert organs.self_names(name) == names
    assert organ.documents == documents
    assert organs.group(organ.group).colour == colour
    if akn:
        assert organs.by_akn(akn) is organ
        assert organs.by_akn(akn.upper()) is organ


def test_every_reading_organ_has_a_group_and_the_groups_end_with_other():
    assert [g.name for g in organs.groups()][-1] == "other"
    for organ in organs.reading_organs():
        assert organs.group(organ.group).name == organ.group
    assert [o.documents for o in organs.reading_organs()][:2] == ["E/CN.4", "A/HRC"]  # longest first


@pytest.mark.parametrize("unknown", ["", "Trusteeship Council", "World Health Assembly"])
def test_an_organ_the_table_lacks_is_none_or_raises(unknown):
    assert organs.self_names(unknown) == frozenset()
    assert organs.by_akn(unknown) is None
    with pytest.raises(ValueError):
        organs.group(unknown or "nowhere")


@pytest.mark.parametrize("change, message", [
    ({"group": "Nowhere"}, "no network group"),
    ({"group": ""}, "documents but no group"),
    ({"sessions": ["lunar"]}, "unknown number forms"),
    ({"within": "Trusteeship Council"}, "no organ of the table"),
])
def test_a_broken_organ_row_raises(monkeypatch, change, message):
    data = organs.issuer_data()
    broken = {**data, "issuer": [{**data["issuer"][0], **change}, *data["issuer"][1:]]}
    monkeypatch.setattr(organs, "issuer_data", lambda: broken)
    organs.issuers.cache_clear()
    try:
        with pytest.raises(ValueError, match=message):
            organs.issuers()
    finally:
        monkeypatch.undo()
        organs.issuers.cache_clear()


@pytest.mark.parametrize("symbol, facts", [
    ("A/RES/57/209", {"year": 2002, "session": "57"}),
    ("A/C.3/57/L.5", {"year": 2002, "session": "57"}),
    ("A/HRC/RES/58/23", {"year": 2025, "session": "58"}),
    ("A/HRC/49/18", {"year": 2022, "session": "49"}),
    ("S/2020/123", {"year": 2020, "session": "2020"}),
    ("E/CN.4/2002/106", {"year": 2002, "session": "2002"}),
])
def test_symbol_facts_follow_the_groups_rule(symbol, facts):
    assert symbol_facts(symbol) == facts


@pytest.mark.parametrize("symbol, resolution, decision", [
    ("A/RES/57/209", True, False),
    ("A/DEC/57/501", True, True),
    ("S/RES/1325(2000)", True, False),
    ("A/HRC/DEC/2/102", True, True),
    ("UNEP/EA.5/Res.14", True, False),
    ("UNEP/EA.5/Dec.3", True, True),
    ("A/57/182", False, False),
    ("Universal Declaration of Human Rights", False, False),
])
def test_is_it_a_resolution_or_a_decision_one_answer(symbol, resolution, decision):
    assert is_resolution_symbol(symbol) is resolution
    assert is_decision_symbol(symbol) is decision


@pytest.mark.parametrize("text, iso", [
    ("16 December 2021", "2021-12-16"), ("1 June, 1993", "1993-06-01"), ("2021-12-16", "2021-12-16"),
    ("31 February 2020", ""), ("16 Decembre 2021", ""), ("", ""),
])
def test_dates(text, iso):
    assert iso_date(text) == iso
    assert len(language("en").words.months) == 12


@pytest.mark.parametrize("words, n, suffix", [
    ("first", 1, "st"), ("Seventy-sixth", 76, "th"), ("fifty-eighth", 58, "th"), ("twenty-second", 22, "nd"),
    ("eleventh", 11, "th"), ("twentieth", 20, "th"), ("ninety-third", 93, "rd"), ("umpteenth", 0, "th"),
])
def test_ordinals(words, n, suffix):
    assert ordinal_number(words) == n
    assert ordinal_suffix(n) == suffix


@pytest.mark.parametrize("roman, n", [("I", 1), ("IV", 4), ("XXI", 21), ("XLVIII", 48), ("LXXVIII", 78), ("XC", 90)])
def test_roman_numerals(roman, n):
    assert roman_to_int(roman) == n


TEXT = """ The General Assembly,

 Recalling its resolution 53/144 of 9 December 1998,

 1. Decides to consider the question at its fifty-eighth session;
"""


def test_an_unknown_issuer_is_a_diagnostic_not_the_general_assembly():
    doc = segment(TEXT, "x.txt")
    known = resolve(doc)
    assert doc.info.body == "General Assembly"
    keys = {r.key for c in known.clauses for r in c.references}
    assert {"A/RES/53/144", "General Assembly, 58th session"} <= keys
    unknown = resolve(replace(doc, info=DocumentInfo()))
    keys = {r.key for c in unknown.clauses for r in c.references}
    assert not any("session" in k for k in keys)
    codes = [d.code for d in unknown.diagnostics]
    assert codes.count("unknown-issuer") == 2  # the document's, and its "at its fifty-eighth session"
    assert "unknown-issuer" not in {d.code for d in known.diagnostics}


# -- a new organ is one row of data ------------------------------------------------

TRUSTEESHIP = {
    "name": "Trusteeship Council", "aliases": [], "short": ["Council"], "resolution": "T/RES", "decision": "",
    "numbering": ["roman"], "documents": "T", "self_names": ["the Council", "the Trusteeship Council"],
    "akn": "tc", "sessions": ["roman"], "group": "other",
}


@pytest.fixture
def with_trusteeship_council(monkeypatch):
    from graph_builder.find import symbols as finder
    from graph_builder.un import symbols

    data = organs.issuer_data()
    grown = {**data, "issuer": [*data["issuer"], TRUSTEESHIP]}
    cached = (organs.issuers, organs._issuer_index, organs.reading_organs, organs.self_names, organs.symbol_issuers,
              symbols._forms_of, symbols._parsed,
              finder._organ_patterns)

    def clear():
        for f in cached:
            f.cache_clear()

    clear()
    monkeypatch.setattr(organs, "issuer_data", lambda: grown)
    yield
    monkeypatch.undo()
    clear()


def test_a_new_organ_is_one_row(with_trusteeship_council):
    from graph_builder.pipeline import extract, read_bytes
    from graph_builder.un.symbols import UNSymbol

    assert UNSymbol.parse("T/RES/2200 (LXI)").symbol == "T/RES/2200(LXI)"  # its Roman numbering is allowed
    assert organ_of_symbol("T/RES/2201(LXI)").name == "Trusteeship Council"
    assert session_of_symbol("T/RES/2201(LXI)") == "61"
    assert organs.by_akn("tc").name == "Trusteeship Council"
    text = (" The Trusteeship Council,\n\n Recalling its resolution 2200 (LXI),\n\n"
            " 1. Requests the Council to meet at its sixty-second session;\n")
    res = extract(read_bytes(text.encode(), "t.txt", DocumentInfo(symbol="T/RES/2201 (LXI)")))
    assert (res.info.body, res.info.session) == ("Trusteeship Council", "61")
    keys = {r.key for c in res.clauses for r in c.references}
    assert keys == {"T/RES/2200(LXI)", "Trusteeship Council, 62nd session"}  # "the Council" is itself
    assert not [d for d in res.diagnostics if d.code == "unknown-issuer"]
    assert "Trusteeship Council" in organs.symbol_issuers()  # its row gives it a resolution symbol


# -- the contract's issuer rule follows the table: an organ whose resolutions carry symbols is their author

def test_symbol_issuers_are_the_organs_with_a_resolution_symbol():
    names = organs.symbol_issuers()
    assert {"General Assembly", "Security Council", "United Nations Environment Assembly"} <= names
    assert "Commission on the Status of Women" not in names  # its resolutions are printed in a report


@pytest.mark.parametrize("clause, body", [
    # the author of a cited resolution: no body reference
    ("Notes the work done as mandated by the United Nations Environment Assembly in its resolution 5/8;", False),
    ("Welcomes the work of the Security Council in its resolution 2231 (2015);", False),
    # acting on its own, it is one
    ("Invites the United Nations Environment Assembly to consider the matter;", True),
])
def test_issuer_rule_for_every_symbol_issuer(clause, body):
    from graph_builder.pipeline import extract, read_bytes

    text = f" The General Assembly,\n\n 1. {clause}\n"
    res = extract(read_bytes(text.encode(), "t.txt", DocumentInfo(symbol="A/RES/80/999")))
    bodies = {r.key for c in res.clauses for r in c.references if r.kind == "body"}
    assert bool(bodies - {"General Assembly"}) is body, bodies
