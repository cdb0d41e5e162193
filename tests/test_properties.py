"""Property-based tests (issue 6): extraction never crashes and every span quotes the input;
symbols round-trip through parse and format."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from graph_builder.errors import InputError, SymbolError
from graph_builder.pipeline import extract, read_bytes
from graph_builder.readers.registry import looks_like_xml
from graph_builder.un.symbols import UNSymbol

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --- resolution-like text -------------------------------------------------------------

FORMULAS = ["The General Assembly,", "The Security Council,", "The Human Rights Council,",
            "The Economic and Social Council,", "General Assembly", "A", "B", "I", "II", "Annex", "Annex I"]
VERBS = ["Recalling", "Reaffirming", "Noting with deep concern", "Welcoming also", "Guided by", "Bearing in mind",
         "Calls upon", "Requests", "Decides", "Urges", "Encourages", "Invites", "Condemns", "Emphasizes",
         "Requests the Secretary-General", "Decides to remain seized of the matter", "Also requests", "Further decides"]
NUMBERS = ["1.", "2.", "3.", "12.", "12 .", "99.", "(a)", "(b)", "(iv)", "(1)", "•", "-", "–"]
CITATIONS = [
    "its resolution 53/144 of 9 December 1998", "resolutions 1325 (2000), 1820 (2008) and 1888 (2009)",
    "A/RES/57/209", "S/RES/2231 (2015)", "resolution 2200 A (XXI), annex", "resolutions 40/257 A to C",
    "E/CN.4/2001/94, A/56/341, E/CN.4/2002/106 and Add.1 and 2 and A/57/182", "A/74/6 (Sect. 2)",
    "decision 74/555", "the International Covenant on Civil and Political Rights1",
    "article 4 of the Covenant", "the Covenant", "that resolution", "the Declaration", "the Special Representative",
    "the Charter of the United Nations", "Articles 55 and 56 of the Charter", "the Secretary-General",
    "all States", "Member States", "the Human Rights Council", "at its fifty-eighth session",
    "under the item entitled “Human rights questions”", "resolution 57/", "A/RES/", "S/RES/99999 (1066)",
    "the Convention2", "Rights3", "A/HRC/RES/S-29/1", "ES-10/21",
]
FURNITURE = ["_______________", "1 See resolution 2200 A (XXI), annex.", "2 E/CN.4/2001/94.", "3 A/57/182.",
             "12 Official Records of the General Assembly, Fifty-seventh Session, Supplement No. 40 (A/57/40).",
             "02-12345", "A/RES/57/209", "Page 2", "2/5", "\f", "57/209. Human rights defenders",
             "Adopted at the 4567th meeting, on 18 December 2002", "77th plenary meeting", "18 December 2002",
             "Distr.: General", "United Nations", "*0254321*", "Resolution adopted by the General Assembly"]
PUNCT = [",", ";", ".", ":", "", " and", " or", "”", "“", "’"]
SEPARATORS = [" ", "  ", "\n", "\n\n", " \n", "\r\n", "\n  ", "\t", ""]

fragment = st.one_of(
    st.sampled_from(FORMULAS), st.sampled_from(VERBS), st.sampled_from(NUMBERS), st.sampled_from(CITATIONS),
    st.sampled_from(FURNITURE), st.sampled_from(PUNCT),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12),
    st.from_regex(r"[A-Za-z]{1,10}", fullmatch=True),
)
resolution_like = st.lists(st.tuples(fragment, st.sampled_from(SEPARATORS)), max_size=60).map(
    lambda parts: "".join(f + s for f, s in parts))
# a resolution's shape: formula, paragraphs opening with verbs and numbers, a footnote block, more paragraphs
_words = st.lists(st.one_of(st.sampled_from(CITATIONS), st.sampled_from(PUNCT), fragment), max_size=8).map(" ".join)
_para = st.builds(lambda num, verb, body, end: f" {num} {verb} {body}{end}".replace("  ", " "),
                  st.sampled_from(["", "", *NUMBERS]), st.sampled_from(VERBS), _words, st.sampled_from([",", ";", ".", ""]))
_paras = st.lists(st.tuples(_para, st.sampled_from(["\n\n", "\n", " \n", "\n\n\f"])), min_size=1, max_size=8).map(
    lambda ps: "".join(a + b for a, b in ps))
_notes = st.lists(st.sampled_from(FURNITURE[1:5]), max_size=3).map(lambda ns: "_______________ \n" + "\n".join(ns) + "\n")
structured = st.builds(lambda head, f, a, notes, b: f"{head}\n{f}\n\n{a}{notes}{b}",
                       st.lists(st.sampled_from(FURNITURE), max_size=3).map("\n".join), st.sampled_from(FORMULAS),
                       _paras, st.one_of(st.just(""), _notes), st.one_of(st.just(""), _paras))
resolution_like = st.one_of(resolution_like, structured)
any_text = st.one_of(st.text(), resolution_like)

# one real resolution (an excerpt) that hypothesis cuts and splices
REAL = (
    "  The General Assembly, \n\n"
    " Recalling its resolution 53/144 of 9 December 1998, by which it adopted by \n"
    "consensus the Declaration on the Right and Responsibility of Individuals, Groups \n"
    "and Organs of Society to Promote and Protect Universally Recognized Human \n"
    "Rights and Fundamental Freedoms, annexed to that resolution,  \n\n"
    " Recalling that, under the International Covenant on Civil and Political Rights1 \n"
    "certain rights are recognized as non-derogable, under article 4 of the Covenant, \n\n"
    " 1. Calls upon all States to promote and give full effect to the Declaration; \n\n"
    " 2. Welcomes the reports of the Special Representative of the Secretary-\n"
    "General on human rights defenders2 and her contribution; \n\n"
    "_______________ \n"
    "1 See resolution 2200 A (XXI), annex. \n"
    "2 E/CN.4/2001/94, A/56/341, E/CN.4/2002/106 and Add.1 and 2 and A/57/182. \n"
    "  3. Requests the Secretary-General to submit a report; \n\n"
    " 4. Decides to consider this question at its fifty-eighth session, under the \n"
    "item entitled “Human rights questions”. \n"
)
spliced = st.tuples(st.integers(0, len(REAL)), st.integers(0, len(REAL)), fragment).map(
    lambda t: REAL[: min(t[0], t[1])] + t[2] + REAL[max(t[0], t[1]):])


def check_spans(text: str) -> None:
    """extract(read_bytes(text)) raises InputError or gives spans that lie in and quote the text."""
    try:
        doc = read_bytes(text.encode("utf-8"), "x.txt")
        res = extract(doc)
    except InputError:
        return
    t = res.text
    n = len(t)
    if not looks_like_xml(text.encode("utf-8")) and not text.startswith("\ufeff") and "\x00" not in text:
        # (with NULs the bytes may be BOM-less UTF-16, "0\x00" is "0": then the text is what was decoded)
        assert t == text, "the plain-text reader keeps the input as it is: spans point into it"

    def inside(span, what):
        s, e = span
        assert 0 <= s <= e <= n, f"{what} span {span} outside 0..{n}"

    for c in res.clauses:
        inside(c.span, f"clause {c.id}")
        assert c.span[1] > c.span[0] and t[c.span[0]:c.span[1]].strip(), f"clause {c.id} quotes nothing"
        for r in c.references:
            inside(r.span, f"reference in {c.id}")
            assert t[r.span[0]:r.span[1]] == r.text, (c.id, r)
        for a in c.addressees:
            inside(a.span, f"addressee in {c.id}")
            assert t[a.span[0]:a.span[1]] == a.text, (c.id, a)
    for f in res.footnotes:
        inside(f.span, f"footnote {f.id}")
        for r in f.references:
            inside(r.span, f"reference in {f.id}")
            assert t[r.span[0]:r.span[1]] == r.text, (f.id, r)
    for d in res.diagnostics:
        if d.span:
            inside(d.span, f"diagnostic {d.code}")


@SETTINGS
@given(st.text())
@example("")
@example("\ufeff")
@example(" 1. ")
@example("The General Assembly,\n\n1. Decides;\n_______________\n1 \n")
@example("<")
@example("\x00")
def test_any_text_extracts_or_raises_input_error(text: str) -> None:
    check_spans(text)


@SETTINGS
@given(resolution_like)
def test_resolution_like_text_spans_quote_the_input(text: str) -> None:
    check_spans(text)


@SETTINGS
@given(spliced)
@example(REAL)
def test_a_real_resolution_cut_and_spliced(text: str) -> None:
    check_spans(text)


@settings(max_examples=50, deadline=None)
@given(any_text, st.sampled_from(["utf-16", "utf-8-sig", "cp1252"]))
def test_other_encodings_read_like_utf8(text: str, encoding: str) -> None:
    """The same text saved as UTF-16 (with a BOM), UTF-8 with a BOM or Windows-1252 reads the same."""
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        return
    try:
        doc = read_bytes(data, "x.txt")
    except InputError:
        return
    if not looks_like_xml(data) and not text.startswith("\ufeff") and "\x00" not in text:
        if encoding == "cp1252" and text.isascii():
            assert doc.text == text
        elif encoding != "cp1252":
            assert doc.text == text, "no character is lost or changed"


# --- symbols ---------------------------------------------------------------------------

_sessions = st.integers(1, 80).map(str)
_numbers = st.integers(1, 2999).map(str)
_years = st.integers(1946, 2030).map(str)
_romans = st.sampled_from(["I", "II", "III", "IV", "IX", "XXI", "XXIX", "XL", "XLII", "LXXVIII"])
_suffix = st.lists(st.sampled_from(["/Add.1", "/Add.12", "/Corr.2", "/Rev.1", "/Rev.3"]), max_size=2).map("".join)
_space = st.sampled_from(["", " ", "\u00a0"])
_dash = st.sampled_from(["-", "\u2011", "\u2013"])
_parts = st.sampled_from(["", "A", "B", "A-C", "A to C", "A and B"])

valid_symbols = st.one_of(
    st.builds(lambda s, n, x: f"A/RES/{s}/{n}{x}", _sessions, _numbers, _suffix),
    st.builds(lambda s, n, w, p: f"A/RES/{s}/{n}{w}{p}".rstrip(), _sessions, _numbers, _space, _parts),
    st.builds(lambda n, p, w, r: f"A/RES/{n}{w}{p}{w}({r})", _numbers, _parts, _space, _romans),
    st.builds(lambda n, w, y: f"S/RES/{n}{w}({y})", _numbers, _space, _years),
    st.builds(lambda s, n: f"A/HRC/RES/{s}/{n}", _sessions, _numbers),
    st.builds(lambda d, s, n: f"A/HRC/RES/S{d}{s}/{n}", _dash, st.integers(1, 40).map(str), _numbers),
    st.builds(lambda d, s, n: f"A/RES/ES{d}{s}/{n}", _dash, st.integers(1, 11).map(str), _numbers),
    st.builds(lambda y, n: f"E/RES/{y}/{n}", _years, _numbers),
    st.builds(lambda y, n: f"E/CN.4/RES/{y}/{n}", _years, _numbers),
    st.builds(lambda y, n: f"E/CN.4/Sub.2/RES/{y}/{n}", _years, _numbers),
    st.builds(lambda s, n: f"A/DEC/{s}/{n}", _sessions, _numbers),
    st.builds(lambda y, n: f"S/PRST/{y}/{n}", _years, _numbers),
    st.builds(lambda s, n, x: f"A/{s}/{n}{x}", _sessions, _numbers, _suffix),
    st.builds(lambda s, n, w: f"A/{s}/{n}{w}(Sect.{w}{n})", _sessions, _numbers, _space),
    st.builds(lambda y, n, x: f"S/{y}/{n}{x}", _years, _numbers, _suffix),
    st.builds(lambda n: f"S/{n}", st.integers(1, 99999).map(str)),
    st.builds(lambda c, s, n, x: f"A/C.{c}/{s}/L.{n}{x}", st.integers(1, 6).map(str), _sessions, _numbers, _suffix),
    st.builds(lambda y, n, x: f"E/CN.4/{y}/{n}{x}", _years, _numbers, _suffix),
    st.builds(lambda n: f"CCPR/C/GC/{n}", _numbers),
    st.builds(lambda s, n: f"UNEP/EA.{s}/Res.{n}", st.integers(1, 7).map(str), _numbers),
    st.builds(lambda y, n: f"ST/SGB/{y}/{n}", _years, _numbers),
    st.builds(lambda n: f"A/CONF.{n}/24 (Part I)", _numbers),
)


def spelled_otherwise(s: str, lower: bool, spaced: bool) -> str:
    if lower:
        s = s.lower()
    if spaced:
        s = s.replace("/", " / ")
    return s


@SETTINGS
@given(valid_symbols, st.booleans(), st.booleans())
def test_symbols_round_trip(printed: str, lower: bool, spaced: bool) -> None:
    sym = UNSymbol.parse(printed)
    assert UNSymbol.parse(str(sym)) == sym
    assert UNSymbol.parse(sym.format()).format() == sym.format()
    assert " " not in sym.format()
    # the same symbol printed in lower case or with spaces around its slashes is the same symbol
    other = spelled_otherwise(printed, lower, spaced)
    try:
        again = UNSymbol.parse(other)
    except SymbolError:
        return  # "a/res/2200 a (xxi)" need not parse: part letters are capitals
    assert UNSymbol.parse(str(again)) == again


symbolish = st.text(alphabet="AESRCNHUDLT/0123456789 .()-–\u2011\u00a0adorcvPt", max_size=30)


@SETTINGS
@given(st.one_of(symbolish, st.builds(lambda a, b: a + b, valid_symbols, symbolish)))
def test_whatever_parses_round_trips(s: str) -> None:
    """Any string: parse raises SymbolError, or what it gives parses back to itself."""
    try:
        sym = UNSymbol.parse(s)
    except SymbolError:
        return
    assert UNSymbol.parse(str(sym)) == sym
    assert UNSymbol.parse(str(sym)).format() == str(sym)


@pytest.mark.parametrize("s", ["A/RES/57/209", "S/RES/1325 (2000)", "A/RES/2200 A (XXI)", "A/74/6 (Sect. 2)",
                               "E/CN.4/2002/106/Add.1", "A/HRC/RES/S-29/1"])
def test_known_symbols_round_trip(s: str) -> None:
    sym = UNSymbol.parse(s)
    assert UNSymbol.parse(str(sym)) == sym


# --- AKN4UN XML with arbitrary text in its paragraphs -------------------------------------

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
_xml_text = st.one_of(resolution_like, st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=40))


def _akn(title: str, pre: list[str], ops: list[str], note: str) -> str:
    from xml.sax.saxutils import escape

    pre_xml = "".join(f'<container name="p"><p><span class="italic">Recalling</span> {escape(t)}</p></container>'
                      for t in pre)
    ops_xml = "".join(
        f"<paragraph><num>{i}.</num><content><p>{escape(t)}"
        + (f'<authorialNote marker="{i}"><p>{escape(note)}</p></authorialNote>' if note and i == 1 else "")
        + "</p></content></paragraph>" for i, t in enumerate(ops, 1))
    return (f'<akomaNtoso xmlns="{AKN_NS}"><statement name="resolution">'
            f"<preface><p><docTitle>{escape(title)}</docTitle></p></preface>"
            f'<preamble><formula name="enactingFormula"><p>The General Assembly,</p></formula>{pre_xml}</preamble>'
            f"<mainBody>{ops_xml}</mainBody></statement></akomaNtoso>")


@SETTINGS
@given(st.builds(_akn, _xml_text, st.lists(_xml_text, max_size=4), st.lists(_xml_text, max_size=4), _xml_text))
def test_akn_with_any_text_spans_quote_the_text(xml: str) -> None:
    check_spans(xml)
