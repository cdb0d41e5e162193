"""find_symbol_references: table-driven (text, issuer, expected)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph_builder.find.symbols import SymbolMatch, find_symbol_references

GA, SC, HRC, ECOSOC = "General Assembly", "Security Council", "Human Rights Council", "Economic and Social Council"

# (text, issuer, [(kind, key, quoted text)]) in order of start
CASES = [
    # --- resolutions and decisions of every organ and era
    ("Recalling its resolution 53/144 of 9 December 1998,", GA,
     [("resolution", "A/RES/53/144", "its resolution 53/144")]),
    ("Recalling resolution 53/144,", GA, [("resolution", "A/RES/53/144", "resolution 53/144")]),
    ("Recalling resolution 2200 A (XXI)", GA, [("resolution", "A/RES/2200(XXI)", "resolution 2200 A (XXI)")]),
    ("1 Resolution 217 A (III).", ECOSOC, [("resolution", "A/RES/217(III)", "Resolution 217 A (III)")]),
    ("See resolution 2200 A (XXI), annex.", SC, [("resolution", "A/RES/2200(XXI)", "resolution 2200 A (XXI)")]),
    ("its resolutions S-24/2 and ES-10/21", GA,
     [("resolution", "A/RES/S-24/2", "its resolutions S-24/2"), ("resolution", "A/RES/ES-10/21", "ES-10/21")]),
    ("its resolution S-29/1", HRC, [("resolution", "A/HRC/RES/S-29/1", "its resolution S-29/1")]),
    ("Recalling Security Council resolution 1325 (2000)", GA,
     [("resolution", "S/RES/1325(2000)", "Security Council resolution 1325 (2000)")]),
    ("Recalling resolution 1325 (2000)", GA, [("resolution", "S/RES/1325(2000)", "resolution 1325 (2000)")]),
    ("Human Rights Council resolutions 49/18 of 8 April 2022 and 52/4", GA,
     [("resolution", "A/HRC/RES/49/18", "Human Rights Council resolutions 49/18"),
      ("resolution", "A/HRC/RES/52/4", "52/4")]),
    ("Commission on Human Rights resolution 2000/61", GA,
     [("resolution", "E/CN.4/RES/2000/61", "Commission on Human Rights resolution 2000/61")]),
    ("Economic and Social Council resolution 1996/31", GA,
     [("resolution", "E/RES/1996/31", "Economic and Social Council resolution 1996/31")]),
    ("General Assembly decision 74/555", ECOSOC, [("resolution", "A/DEC/74/555", "General Assembly decision 74/555")]),
    ("Recalling its decision 2019/210", ECOSOC, [("resolution", "E/DEC/2019/210", "its decision 2019/210")]),
    ("Human Rights Council decision 2/102", GA, [("resolution", "A/HRC/DEC/2/102", "Human Rights Council decision 2/102")]),
    ("the Assembly resolution 60/251", HRC, [("resolution", "A/RES/60/251", "Assembly resolution 60/251")]),
    ("Council resolution 5/1", HRC, [("resolution", "A/HRC/RES/5/1", "Council resolution 5/1")]),
    ("resolution 70/1", SC, [("resolution", "A/RES/70/1", "resolution 70/1")]),
    ("resolution 5/14 of the United Nations Environment Assembly", GA,
     [("resolution", "UNEP/EA.5/Res.14", "resolution 5/14")]),
    ("the Human Rights Council, in its resolution 5/1,", GA, [("resolution", "A/HRC/RES/5/1", "its resolution 5/1")]),
    # --- lists and ranges
    ("resolutions 40/257 A to C", GA, [("resolution", "A/RES/40/257", "resolutions 40/257 A to C")]),
    ("its resolutions 1261 (1999), 1265 (1999) and 1296 (2000)", SC,
     [("resolution", "S/RES/1261(1999)", "its resolutions 1261 (1999)"),
      ("resolution", "S/RES/1265(1999)", "1265 (1999)"),
      ("resolution", "S/RES/1296(2000)", "1296 (2000)")]),
    ("its resolutions 66/164 of 19 December 2011, 68/181 of 18 December 2013 and 74/146 of 18 December 2019 "
     "and Human Rights Council resolutions 13/13 of 25 March 2010, 22/6 of 21 March 2013", GA,
     [("resolution", "A/RES/66/164", "its resolutions 66/164"),
      ("resolution", "A/RES/68/181", "68/181"),
      ("resolution", "A/RES/74/146", "74/146"),
      ("resolution", "A/HRC/RES/13/13", "Human Rights Council resolutions 13/13"),
      ("resolution", "A/HRC/RES/22/6", "22/6")]),
    ("its resolutions 1265 (1999), 1296 (2000) on the protection of civilians; 1612 (2005) on children", SC,
     [("resolution", "S/RES/1265(1999)", "its resolutions 1265 (1999)"),
      ("resolution", "S/RES/1296(2000)", "1296 (2000)"),
      ("resolution", "S/RES/1612(2005)", "1612 (2005)")]),
    ("its resolutions 70/193 of 22 December 2015 on the International Year of Tourism, 74/214 of 19 December 2019", GA,
     [("resolution", "A/RES/70/193", "its resolutions 70/193"), ("resolution", "A/RES/74/214", "74/214")]),
    ("its resolutions 68/262 of 27 March 2014, entitled \u201cTerritorial integrity of Ukraine\u201d, ES-11/1 of 2 March 2022", GA,
     [("resolution", "A/RES/68/262", "its resolutions 68/262"), ("resolution", "A/RES/ES-11/1", "ES-11/1")]),
    ("Recalling all its relevant resolutions on Iraq, in particular 1500 (2003), 1546 (2004)", SC,
     [("resolution", "S/RES/1500(2003)", "1500 (2003)"), ("resolution", "S/RES/1546(2004)", "1546 (2004)")]),
    # the topic may open with "related to" or "pertaining to", as a topic inside a list may (80/148)
    ("Recalling its relevant resolutions related to culture and sustainable development, in particular 41/187 of "
     "8 December 1986 and 46/158 of 19 December 1991", GA,
     [("resolution", "A/RES/41/187", "41/187"), ("resolution", "A/RES/46/158", "46/158")]),
    ("Human Rights Council decision 18/120 of 30 September 2011 and resolutions 24/14 of 27 September 2013", GA,
     [("resolution", "A/HRC/DEC/18/120", "Human Rights Council decision 18/120"),
      ("resolution", "A/HRC/RES/24/14", "resolutions 24/14")]),
    ("all relevant Human Rights Council resolutions, including resolutions 23/9 and 29/11", GA,
     [("resolution", "A/HRC/RES/23/9", "resolutions 23/9"), ("resolution", "A/HRC/RES/29/11", "29/11")]),
    ("resolutions 53/77 AA of 4 December 1998, 54/54 U of 1 December 1999", GA,
     [("resolution", "A/RES/53/77", "resolutions 53/77 AA"), ("resolution", "A/RES/54/54", "54/54 U")]),
    # --- provisions of resolutions
    ("paragraph 5 of resolution 2334 (2016)", SC,
     [("provision", "S/RES/2334(2016), paragraph 5", "paragraph 5"),
      ("resolution", "S/RES/2334(2016)", "resolution 2334 (2016)")]),
    ("paragraphs 3 and 4 of its resolution 67/1", GA,
     [("provision", "A/RES/67/1, paragraph 3", "paragraphs 3"),
      ("provision", "A/RES/67/1, paragraph 4", "4"),
      ("resolution", "A/RES/67/1", "its resolution 67/1")]),
    ("section VIII of its resolution 53/214", GA,
     [("provision", "A/RES/53/214, section VIII", "section VIII"),
      ("resolution", "A/RES/53/214", "its resolution 53/214")]),
    ("paragraph 5 of Security Council resolution 2334 (2016)", GA,
     [("provision", "S/RES/2334(2016), paragraph 5", "paragraph 5"),
      ("resolution", "S/RES/2334(2016)", "Security Council resolution 2334 (2016)")]),
    ("its resolution 60/251, paragraph 5", GA,
     [("resolution", "A/RES/60/251", "its resolution 60/251"),
      ("provision", "A/RES/60/251, paragraph 5", "paragraph 5")]),
    ("Resolutions 52/214, sect. C, para. 3; 55/222, sect. III", GA,
     [("resolution", "A/RES/52/214", "Resolutions 52/214"),
      ("provision", "A/RES/52/214, section C", "sect. C"),
      ("resolution", "A/RES/55/222", "55/222"),
      ("provision", "A/RES/55/222, section III", "sect. III")]),
    # --- document symbols as printed
    ("E/CN.4/2002/106 and Add.1 and 2", GA,
     [("document", "E/CN.4/2002/106", "E/CN.4/2002/106"),
      ("document", "E/CN.4/2002/106/Add.1", "Add.1"),
      ("document", "E/CN.4/2002/106/Add.2", "2")]),
    ("See A/65/53 and A/65/53/Corr.1.", GA,
     [("document", "A/65/53", "A/65/53"), ("document", "A/65/53/Corr.1", "A/65/53/Corr.1")]),
    ("Ibid., documents S/25840 and Add.1.", SC,
     [("document", "S/25840", "S/25840"), ("document", "S/25840/Add.1", "Add.1")]),
    ("A/74/6 (Sect. 2)", GA, [("document", "A/74/6(Sect.2)", "A/74/6 (Sect. 2)")]),
    ("A/CONF.157/24 (Part I), chap. III.", GA, [("document", "A/CONF.157/24(PartI)", "A/CONF.157/24 (Part I)")]),
    ("[on the report of the Third Committee (A/78/481/Add.2, para. 139)]", GA,
     [("document", "A/78/481/Add.2", "A/78/481/Add.2")]),
    ("A/74/976-S/2020/773", GA, [("document", "A/74/976", "A/74/976"), ("document", "S/2020/773", "S/2020/773")]),
    ("A/76/75-E/2021/57 and A/76/75/Add.1-E/2021/57/Add.1.", GA,
     [("document", "A/76/75", "A/76/75"), ("document", "E/2021/57", "E/2021/57"),
      ("document", "A/76/75/Add.1", "A/76/75/Add.1"), ("document", "E/2021/57/Add.1", "E/2021/57/Add.1")]),
    ("A/59/2 and Add.1-3", GA,
     [("document", "A/59/2", "A/59/2"), ("document", "A/59/2/Add.1", "Add.1"),
      ("document", "A/59/2/Add.2", "Add.1-3"), ("document", "A/59/2/Add.3", "3")]),
    ("A/59/2 and Add.1 to 3", GA,
     [("document", "A/59/2", "A/59/2"), ("document", "A/59/2/Add.1", "Add.1"),
      ("document", "A/59/2/Add.2", "Add.1 to 3"), ("document", "A/59/2/Add.3", "3")]),
    ("A/C.6/56/SR.11\u201313", GA,
     [("document", "A/C.6/56/SR.11", "A/C.6/56/SR.11"), ("document", "A/C.6/56/SR.12", "A/C.6/56/SR.11\u201313"),
      ("document", "A/C.6/56/SR.13", "13")]),
    ("A/59/565 and Corr.1", GA, [("document", "A/59/565", "A/59/565"), ("document", "A/59/565/Corr.1", "Corr.1")]),
    ("draft resolution A/C.3/76/L.51/Rev.1", GA, [("document", "A/C.3/76/L.51/Rev.1", "A/C.3/76/L.51/Rev.1")]),
    ("CCPR/C/GC/36 and ST/SGB/2003/13", GA,
     [("document", "CCPR/C/GC/36", "CCPR/C/GC/36"), ("document", "ST/SGB/2003/13", "ST/SGB/2003/13")]),
    ("(S/PRST/2020/5)", SC, [("document", "S/PRST/2020/5", "S/PRST/2020/5")]),
    # printed symbols of resolutions are kind resolution
    ("A/RES/2200 A (XXI); S/RES/1325 (2000); A/HRC/RES/S-29/1; A/DEC/74/555; UNEP/EA.5/Res.14", GA,
     [("resolution", "A/RES/2200(XXI)", "A/RES/2200 A (XXI)"),
      ("resolution", "S/RES/1325(2000)", "S/RES/1325 (2000)"),
      ("resolution", "A/HRC/RES/S-29/1", "A/HRC/RES/S-29/1"),
      ("resolution", "A/DEC/74/555", "A/DEC/74/555"),
      ("resolution", "UNEP/EA.5/Res.14", "UNEP/EA.5/Res.14")]),
    # en dash and non-breaking hyphen as printed
    ("resolution ES\u201310/21 and A/HRC/RES/S\u201129/1", GA,
     [("resolution", "A/RES/ES-10/21", "resolution ES\u201310/21"),
      ("resolution", "A/HRC/RES/S-29/1", "A/HRC/RES/S\u201129/1")]),
    # lines wrapped as in text taken from a PDF
    ("Security Council resolutions 1325\n(2000) and 1820 (2008)", GA,
     [("resolution", "S/RES/1325(2000)", "Security Council resolutions 1325\n(2000)"),
      ("resolution", "S/RES/1820(2008)", "1820 (2008)")]),
]


@pytest.mark.parametrize(("text", "issuer", "expected"), CASES)
def test_find(text: str, issuer: str, expected: list[tuple[str, str, str]]) -> None:
    got = find_symbol_references(text, issuer)
    for m in got:
        assert text[m.start : m.end] == m.text
    assert sorted((m.kind, m.key, m.text) for m in got) == sorted(expected)
    assert [m.start for m in got] == sorted(m.start for m in got)


# never guess: none of these is a reference
NEGATIVES = [
    ("Decides to convene the meeting on 1 April 2022 at 10.30 a.m.", GA),
    ("Sustainable Development Goal indicator 16.10.1 and target 16.10", GA),
    ("two thirds (2/3) of the members, 1/2 of the seats", GA),
    ("the coronavirus disease (COVID-19) pandemic", GA),
    ("paragraph 12 of the present resolution", GA),
    ("World Health Assembly resolution 72/1", GA),  # not a UN organ's symbol
    ("decision 14/30 of the Conference of the Parties to the Convention", GA),
    ("decision 1/CP.21 of the Conference of the Parties", GA),
    ("Commission on the Status of Women resolution 60/2", GA),  # no symbol of its own
    ("the relevant resolutions of the Security Council", SC),
    ("draft resolution 5/1", HRC),
    ("the present resolution\n4/4\n", SC),  # a page number after "present resolution", not a citation

    ("resolution 2000/61", GA),  # year/number without its organ: ECOSOC or the Commission?
    ("General Assembly resolution 1325 (2000)", SC),  # a number the named organ does not print
    ("resolution 53/144/Add.1", GA),
    ("E/CN.4 and A/HRC", GA),  # prefixes, no documents
    ("the years 1990/91 and 2000-2010", GA),
]


@pytest.mark.parametrize(("text", "issuer"), NEGATIVES)
def test_negatives(text: str, issuer: str) -> None:
    assert find_symbol_references(text, issuer) == []


def test_match_fields() -> None:
    [prov, res] = sorted(find_symbol_references("section VIII of its resolution 53/214", GA), key=lambda m: m.kind)
    assert prov == SymbolMatch(
        kind="provision", key="A/RES/53/214, section VIII", text="section VIII", start=0, end=12,
        target="A/RES/53/214", unit="section", number="VIII", issuer_named=False,
    )
    assert res.kind == "resolution" and res.target == "" and res.unit == ""


def test_issuer_named() -> None:
    [m] = find_symbol_references("Recalling Security Council resolution 1325 (2000),", GA)
    assert m.issuer_named
    [m] = find_symbol_references("Recalling its resolution 70/1,", GA)
    assert not m.issuer_named


def test_offsets_in_longer_text() -> None:
    text = "Recalling its resolution 53/144 of 9 December 1998, and taking note of A/57/182,"
    got = find_symbol_references(text, GA)
    assert [(m.key, m.start, m.end) for m in got] == [("A/RES/53/144", 10, 31), ("A/57/182", 71, 79)]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="AESRCN/0123456789 .,()-andofresolution", max_size=60))
def test_spans_always_quote_the_text(text: str) -> None:
    for m in find_symbol_references(text, GA):
        assert text[m.start : m.end] == m.text
        assert m.start < m.end
