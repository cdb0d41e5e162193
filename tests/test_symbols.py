"""UNSymbol and resolution_symbol: table-driven (input, expected)."""
from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph_builder.errors import SymbolError
from graph_builder.un.symbols import UNSymbol, parse_number, resolution_symbol

# (printed, canonical, part letters)
PARSE = [
    ("A/RES/53/144", "A/RES/53/144", ""),
    ("A/RES/2200 A (XXI)", "A/RES/2200(XXI)", "A"),
    ("A/RES/2200A(XXI)", "A/RES/2200(XXI)", "A"),
    ("A/RES/217 A (III)", "A/RES/217(III)", "A"),
    ("A/RES/1001 (ES-I)", "A/RES/1001(ES-I)", ""),
    ("S/RES/1325 (2000)", "S/RES/1325(2000)", ""),
    ("S/RES/1325(2000)", "S/RES/1325(2000)", ""),
    ("A/RES/40/257 A to C", "A/RES/40/257", "A to C"),
    ("A/RES/59/126 A-B", "A/RES/59/126", "A-B"),
    ("a/res/57/284A-B", "A/RES/57/284", "A-B"),
    ("A/74/6 (Sect. 2)", "A/74/6(Sect.2)", ""),
    ("A/CONF.157/24 (Part I)", "A/CONF.157/24(PartI)", ""),
    ("NPT/CONF.2010/50 (Vol. I)", "NPT/CONF.2010/50(Vol.I)", ""),
    ("NPT/CONF.2000/28 (Parts I and II)", "NPT/CONF.2000/28(PartsIandII)", ""),
    ("E/CN.4/2002/106/Add.1", "E/CN.4/2002/106/Add.1", ""),
    ("E/CN.4/2002/106/add.1", "E/CN.4/2002/106/Add.1", ""),
    ("A/65/53/Corr.1", "A/65/53/Corr.1", ""),
    ("A/C.3/76/L.51/Rev.1", "A/C.3/76/L.51/Rev.1", ""),
    ("A/HRC/RES/S-29/1", "A/HRC/RES/S-29/1", ""),
    ("A/HRC/RES/S\u201129/1", "A/HRC/RES/S-29/1", ""),  # non-breaking hyphen
    ("A/RES/ES\u201310/21", "A/RES/ES-10/21", ""),  # en dash
    ("A/RES/ES-10/21", "A/RES/ES-10/21", ""),
    ("E/CN.4/RES/2000/61", "E/CN.4/RES/2000/61", ""),
    ("E/RES/1996/31", "E/RES/1996/31", ""),
    ("A/DEC/74/555", "A/DEC/74/555", ""),
    ("S/PRST/2020/5", "S/PRST/2020/5", ""),
    ("ST/SGB/2003/13", "ST/SGB/2003/13", ""),
    ("A/CONF.157/23", "A/CONF.157/23", ""),
    ("CCPR/C/GC/36", "CCPR/C/GC/36", ""),
    ("UNEP/EA.5/Res.14", "UNEP/EA.5/Res.14", ""),
    ("ICCD/COP(14)/23/Add.1", "ICCD/COP(14)/23/Add.1", ""),
    ("S/25840", "S/25840", ""),
    (" A / RES / 53/144\u00a0", "A/RES/53/144", ""),
    ("E/CN.4/Sub.2/RES/2000/7", "E/CN.4/Sub.2/RES/2000/7", ""),
]


@pytest.mark.parametrize(("printed", "canonical", "parts"), PARSE)
def test_parse(printed: str, canonical: str, parts: str) -> None:
    sym = UNSymbol.parse(printed)
    assert sym.format() == canonical
    assert str(sym) == canonical
    assert sym.parts == parts
    assert UNSymbol.parse(sym.format()) == sym


# (symbol, organ_prefix, is_resolution)
PROPERTIES = [
    ("A/RES/53/144", "A", True),
    ("S/RES/1325(2000)", "S", True),
    ("A/HRC/RES/49/18", "A/HRC", True),
    ("A/HRC/DEC/2/102", "A/HRC", True),
    ("E/CN.4/RES/2000/61", "E/CN.4", True),
    ("A/DEC/74/555", "A", True),
    ("UNEP/EA.5/Res.14", "UNEP", True),
    ("E/CN.4/2002/106", "E/CN.4", False),
    ("S/PRST/2020/5", "S", False),
    ("A/C.3/76/L.51", "A/C.3", False),
    ("ST/SGB/2003/13", "ST/SGB", False),
    ("A/74/976", "A", False),
]


@pytest.mark.parametrize(("symbol", "organ", "is_resolution"), PROPERTIES)
def test_properties(symbol: str, organ: str, is_resolution: bool) -> None:
    sym = UNSymbol.parse(symbol)
    assert sym.organ_prefix == organ
    assert sym.is_resolution is is_resolution
    assert sym.undocs_url == "https://undocs.org/" + symbol


def test_parts_do_not_count_for_equality() -> None:
    assert UNSymbol.parse("A/RES/2200 A (XXI)") == UNSymbol.parse("A/RES/2200(XXI)")
    assert UNSymbol.parse("E/CN.4/2002/106/Add.1").base == UNSymbol.parse("E/CN.4/2002/106")


GARBAGE = [
    "",
    "   ",
    "hello",
    "A",
    "A/",
    "A//1",
    "A/HRC",  # a prefix, no document
    "E/CN.4",
    "A/RES",
    "A/RES/abc",
    "A/RES/70",  # no session
    "X/1/2",  # unknown series
    "S/RES/1325(XXI)",  # Roman session on a Security Council resolution
    "A/RES/12(2000)",  # a year on an Assembly resolution
    "1 April 2022",
    "16.10.1",
    "3/4",
    "COVID-19",
    "A/RES/53/144/",
    "resolution 53/144",
]


@pytest.mark.parametrize("garbage", GARBAGE)
def test_garbage_raises(garbage: str) -> None:
    with pytest.raises(SymbolError):
        UNSymbol.parse(garbage)


def test_non_string_raises() -> None:
    with pytest.raises(SymbolError):
        UNSymbol.parse(None)  # type: ignore[arg-type]


def test_symbol_error_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        UNSymbol.parse("not a symbol")


# (issuer, number as printed, decision, expected symbol)
RESOLUTION_SYMBOL = [
    ("General Assembly", "53/144", False, "A/RES/53/144"),
    ("General Assembly", "2200 A (XXI)", False, "A/RES/2200(XXI)"),
    ("General Assembly", "S-24/2", False, "A/RES/S-24/2"),
    ("General Assembly", "ES-10/21", False, "A/RES/ES-10/21"),
    ("the Assembly", "40/257 A to C", False, "A/RES/40/257"),
    ("Security Council", "1325 (2000)", False, "S/RES/1325(2000)"),
    ("Human Rights Council", "49/18", False, "A/HRC/RES/49/18"),
    ("Human Rights Council", "S-29/1", False, "A/HRC/RES/S-29/1"),
    ("Commission on Human Rights", "2000/61", False, "E/CN.4/RES/2000/61"),
    ("Economic and Social Council", "1996/31", False, "E/RES/1996/31"),
    ("Economic and Social Council", "1235 (XLII)", False, "E/RES/1235(XLII)"),
    ("United Nations Environment Assembly", "5/14", False, "UNEP/EA.5/Res.14"),
    ("General Assembly", "74/555", True, "A/DEC/74/555"),
    ("Economic and Social Council", "2019/210", True, "E/DEC/2019/210"),
    ("Human Rights Council", "2/102", True, "A/HRC/DEC/2/102"),
]


@pytest.mark.parametrize(("issuer", "number", "decision", "expected"), RESOLUTION_SYMBOL)
def test_resolution_symbol(issuer: str, number: str, decision: bool, expected: str) -> None:
    assert resolution_symbol(issuer, number, decision=decision) == expected


RESOLUTION_SYMBOL_ERRORS = [
    ("Nobody", "1/2"),  # unknown organ
    ("Security Council", "53/144"),  # not the Council's numbering
    ("General Assembly", "1325 (2000)"),
    ("Commission on Human Rights", "53/144"),
    ("General Assembly", "53"),  # no session
    ("General Assembly", "abc"),
    ("Commission on the Status of Women", "60/2"),  # its resolutions have no symbol
]


@pytest.mark.parametrize(("issuer", "number"), RESOLUTION_SYMBOL_ERRORS)
def test_resolution_symbol_errors(issuer: str, number: str) -> None:
    with pytest.raises(SymbolError):
        resolution_symbol(issuer, number)


def test_parse_number() -> None:
    form, values, parts = parse_number("2200 A (XXI)")
    assert (form.name, values, parts) == ("roman", {"number": "2200", "session": "XXI"}, "A")
    form, values, parts = parse_number("1325 (2000)")
    assert (form.name, values) == ("year_paren", {"number": "1325", "year": "2000"})


def test_import_does_no_work() -> None:
    code = (
        "import graph_builder.un.symbols as m, graph_builder.find.symbols as f;"
        "assert m.issuers.cache_info().currsize == 0;"
        "assert m.organ_prefixes.cache_info().currsize == 0;"
        "assert f._symbol_re.cache_info().currsize == 0"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# --- round trip over generated valid symbols ---------------------------------

_sessions = st.integers(1, 80).map(str)
_numbers = st.integers(1, 999).map(str)
_years = st.integers(1946, 2030).map(str)
_romans = st.sampled_from(["I", "III", "IV", "IX", "XXI", "XXIX", "XL", "XLII"])
_suffix = st.sampled_from(["", "/Add.1", "/Corr.2", "/Rev.1", "/Add.3/Corr.1"])
_space = st.sampled_from(["", " "])

_valid = st.one_of(
    st.builds(lambda s, n, x: f"A/RES/{s}/{n}{x}", _sessions, _numbers, _suffix),
    st.builds(lambda n, p, w, r: f"A/RES/{n}{w}{p}{w}({r})", _numbers, st.sampled_from(["", "A", "B"]), _space, _romans),
    st.builds(lambda n, w, y: f"S/RES/{n}{w}({y})", _numbers, _space, _years),
    st.builds(lambda s, n: f"A/HRC/RES/{s}/{n}", _sessions, _numbers),
    st.builds(lambda s, n: f"A/HRC/RES/S-{s}/{n}", st.integers(1, 40).map(str), _numbers),
    st.builds(lambda s, n: f"A/RES/ES-{s}/{n}", st.integers(1, 11).map(str), _numbers),
    st.builds(lambda y, n: f"E/CN.4/RES/{y}/{n}", _years, _numbers),
    st.builds(lambda y, n: f"E/DEC/{y}/{n}", _years, _numbers),
    st.builds(lambda s, n, x: f"A/{s}/{n}{x}", _sessions, _numbers, _suffix),
    st.builds(lambda s, n, w: f"A/{s}/{n}{w}(Sect.{n})", _sessions, _numbers, _space),
    st.builds(lambda y, n, x: f"S/{y}/{n}{x}", _years, _numbers, _suffix),
    st.builds(lambda c, s, n: f"A/C.{c}/{s}/L.{n}", st.integers(1, 6).map(str), _sessions, _numbers),
    st.builds(lambda y, n: f"E/CN.4/{y}/{n}", _years, _numbers),
    st.builds(lambda n: f"CCPR/C/GC/{n}", _numbers),
    st.builds(lambda s, n: f"UNEP/EA.{s}/Res.{n}", st.integers(1, 7).map(str), _numbers),
    st.builds(lambda y, n: f"ST/SGB/{y}/{n}", _years, _numbers),
)


@settings(max_examples=300, deadline=None)
@given(_valid)
def test_round_trip(printed: str) -> None:
    sym = UNSymbol.parse(printed)
    again = UNSymbol.parse(sym.format())
    assert again == sym
    assert again.format() == sym.format()
    assert " " not in sym.format()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30))
def test_arbitrary_text_parses_or_raises_symbol_error(s: str) -> None:
    try:
        sym = UNSymbol.parse(s)
    except SymbolError:
        return
    assert UNSymbol.parse(sym.format()) == sym


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abcxyz .,;-()", min_size=0, max_size=20))
def test_garbage_without_series_raises(s: str) -> None:
    with pytest.raises(SymbolError):
        UNSymbol.parse(s)
