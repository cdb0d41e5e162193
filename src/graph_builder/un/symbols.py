"""United Nations document symbols: parse, format, and build them from citations.

    >>> UNSymbol.parse("A/RES/2200 A (XXI)")
    UNSymbol(symbol='A/RES/2200(XXI)', parts='A')
    >>> str(UNSymbol.parse("S/RES/1325 (2000)"))
    'S/RES/1325(2000)'
    >>> resolution_symbol("Commission on Human Rights", "2000/61")
    'E/CN.4/RES/2000/61'

`UNSymbol.format()` (and `str()`) gives undocs.org's spelling, which is the
extraction contract's key: no spaces, part letters dropped ("2200 A (XXI)" is
A/RES/2200(XXI)), qualifiers kept ("A/74/6(Sect.2)").  `parse(format(x)) == x`
for every symbol that parses.  Anything that is not a symbol raises
`SymbolError`; nothing is guessed.

The data lives in two files, read on first use (importing the module does no
work):

- data/symbol_series.txt: the series prefixes a symbol may start with;
- data/issuers.toml: organs, their aliases, symbol prefixes and number forms,
  read by graph_builder.un.organs (the organ table).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from graph_builder.errors import SymbolError
from graph_builder.un.data import data_text
from graph_builder.un.numbers import roman_to_int
from graph_builder.un.organs import (
    Issuer,
    NumberForm,
    find_issuer,
    group,
    issuers,
    number_forms,
    ranges,
    reading_organs,
)
from graph_builder.un.text import normalize

__all__ = [
    "UNSymbol",
    "Issuer",
    "NumberForm",
    "normalize",
    "series_prefixes",
    "organ_prefixes",
    "issuers",
    "find_issuer",
    "number_forms",
    "parse_number",
    "resolution_symbol",
    "organ_of_symbol",
    "session_of_symbol",
    "group_of_symbol",
    "symbol_facts",
    "is_resolution_symbol",
    "is_decision_symbol",
    "ROMAN",
    "PARTS",
]

UNDOCS = "https://undocs.org/"

# ---------------------------------------------------------------------------
# shared regex fragments (plain strings; compiled lazily where used)

# a Roman numeral I..CCCXCIX, as session numbers are printed: XXI, LXXVIII
ROMAN = r"(?=[IVXLC])(?:C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3}))"  # lookahead: never empty
# part letters of a resolution adopted in parts: A | A-C | A to C | A and B | A, B and C | AA
PARTS = r"[A-Z]{1,2}(?:\s*(?:-|to|and|,)\s*[A-Z]{1,2})*(?![\w/])"  # AA, BB ... follow Z

# ---------------------------------------------------------------------------
# data files, read on first use


@cache
def organ_prefixes() -> tuple[str, ...]:
    """Every prefix of data/symbol_series.txt, longest first ("E/CN.4/Sub.2", ..., "A")."""
    out = []
    for line in data_text("symbol_series.txt").splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            out.append(entry)
    return tuple(sorted(set(out), key=lambda p: (-p.count("/"), -len(p), p)))


@cache
def series_prefixes() -> frozenset[str]:
    """The one-segment prefixes (A, S, E, ST, CCPR, UNEP ...): a symbol's first segment must be one."""
    return frozenset(p for p in organ_prefixes() if "/" not in p)


@cache
def _series_folded() -> dict[str, str]:
    return {p.casefold(): p for p in series_prefixes()}


@cache
def _organ_folded() -> dict[str, str]:
    return {p.casefold(): p for p in organ_prefixes()}


_SPACES = re.compile(r"\s+")
_LETTERS = re.compile(r"[A-Za-z]+")
_DIGITS = re.compile(r"\d+")
_YEAR_IN_BRACKETS = re.compile(r"\((?:19|20)\d\d\)")  # "1325 (2000)": the Security Council's numbering
_ROMAN_SESSION = re.compile(r"\d+\((?:E?S-)?[IVXLC]+\)")  # "2200(XXI)": the Assembly's and ECOSOC's


# ---------------------------------------------------------------------------
# printed resolution numbers: "53/144", "2200 A (XXI)", "1325 (2000)", "S-24/2"

# one entry per number form; each pattern is anchored by the caller
_NUMBER_PATTERNS: tuple[tuple[str, str], ...] = (
    (
        "roman",  # 2200 A (XXI), 217 A (III), 1001 (ES-I)
        r"(?P<number>\d{1,4})"  # resolution number
        rf"(?:\s*(?P<parts>{PARTS}))?"  # part letters, dropped from the symbol
        rf"\s*\((?P<session>(?:E?S-)?{ROMAN})\)",  # session in Roman numerals, maybe special/emergency
    ),
    (
        "year_paren",  # 1325 (2000)
        r"(?P<number>\d{1,4})"  # resolution number
        r"\s*\((?P<year>(?:19[4-9]|20\d)\d)\)",  # year of adoption in brackets
    ),
    (
        "emergency",  # ES-10/21
        r"ES-(?P<session>\d{1,2})/(?P<number>\d{1,4})"  # emergency special session / number
        rf"(?:\s*(?P<parts>{PARTS}))?",  # part letters
    ),
    (
        "special",  # S-24/2
        r"S-(?P<session>\d{1,2})/(?P<number>\d{1,4})"  # special session / number
        rf"(?:\s*(?P<parts>{PARTS}))?",  # part letters
    ),
    (
        "year",  # 2000/61, 2019/210
        r"(?P<year>(?:19[4-9]|20\d)\d)/(?P<number>\d{1,4})"  # year / number
        rf"(?:\s*(?P<parts>{PARTS}))?",  # part letters: 1989/65 A
    ),
    (
        "session",  # 53/144, 40/257 A to C
        r"(?P<session>\d{1,3})/(?P<number>\d{1,4})"  # session / number
        rf"(?:\s*(?P<parts>{PARTS}))?",  # part letters: 57/270 B
    ),
)


@cache
def _number_res() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((name, re.compile(p)) for name, p in _NUMBER_PATTERNS)


def number_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(form name, compiled pattern) for each printed number form, in the order to try them."""
    return _number_res()


def parse_number(number: str) -> tuple[NumberForm, dict[str, str], str]:
    """("2200 A (XXI)") -> (the roman form, {"number": "2200", "session": "XXI"}, "A").

    Raises SymbolError when the string is no resolution number.
    """
    t = re.sub(r"\s+", " ", normalize(number)).strip()
    for name, rx in _number_res():
        m = rx.fullmatch(t)
        if m:
            values = {k: v for k, v in m.groupdict().items() if v is not None and k != "parts"}
            values["number"] = str(int(values["number"]))
            if "session" in values and values["session"].isdigit():
                values["session"] = str(int(values["session"]))
            parts = re.sub(r"\s+", " ", m.group("parts") or "") if "parts" in m.groupdict() else ""
            return number_forms()[name], values, parts
    raise SymbolError(f"not a resolution number: {number!r}")


def resolution_symbol(issuer: str, number: str, *, decision: bool = False) -> str:
    """The symbol of the resolution (or decision) `number` of the organ `issuer`.

    ("General Assembly", "2200 A (XXI)") -> "A/RES/2200(XXI)";
    ("Human Rights Council", "2/102", decision=True) -> "A/HRC/DEC/2/102".
    Raises SymbolError for an unknown organ, a malformed number, a number the
    organ does not print, or an organ whose resolutions have no symbol.
    """
    iss = find_issuer(issuer)
    if iss is None:
        raise SymbolError(f"unknown issuing organ: {issuer!r}")
    form, values, _parts = parse_number(number)
    return UNSymbol.parse(iss.symbol(form, values, decision=decision)).symbol


# ---------------------------------------------------------------------------
# the symbol itself

# one segment between slashes, whitespace already removed
_SEGMENT = (
    r"[A-Za-z0-9]+(?:[.\-][A-Za-z0-9]+)*"  # 74 | CN.4 | CONF.157 | S-29 | Add.1 | OzL.Pro.28
    r"(?:\((?:"  # a bracketed qualifier glued to it:
    r"(?i:sect|parts?|vol|supp|chap|prog)\.?[A-Za-z0-9.]*"  # (Sect.2) (PartI) (PartsIandII) (Vol.I) (Supp)
    r"|\d{1,4}"  # COP(14), S/RES/1325(2000)
    rf"|(?:E?S-)?{ROMAN}"  # A/RES/2200(XXI), A/RES/1001(ES-I)
    r")\))*"
)
# the number part of a resolution or decision symbol, after RES/ or DEC/
_RES_NUMBER = (
    r"(?:"
    rf"\d{{1,4}}\((?:E?S-)?{ROMAN}\)"  # 2200(XXI): GA and ECOSOC to the 1970s
    r"|\d{1,4}\((?:19[4-9]|20\d)\d\)"  # 1325(2000): Security Council
    r"|\d{1,4}"  # S/RES/1325: the Security Council's number without its year
    r"|(?:E?S-)?\d{1,4}/\d{1,4}"  # 53/144, S-24/2, ES-10/21, 2000/61
    r")"
    r"(?:/(?i:add|corr|rev|amend)\.\d{1,3})*"  # a corrigendum or revision of it
)
# part letters printed after a resolution number: "A/RES/2200 A (XXI)", "A/RES/57/284A-B"
_PARTS_IN_SYMBOL = (
    r"(?P<head>.*?/(?i:res|dec)/(?:(?i:e?s)-)?\d{1,4}(?:/\d{1,4})?)"  # .../RES/2200 or .../RES/57/284
    rf"\s*(?P<parts>{PARTS})"  # A | A-B | A to C
    r"(?P<tail>\s*(?:\(.*)?)"  # (XXI) or nothing
)
# canonical spelling of the words that occur inside symbols, by folded word
_WORDS = {
    "res": "RES", "dec": "DEC", "prst": "PRST", "pv": "PV", "sr": "SR", "inf": "INF", "l": "L",
    "wp": "WP", "crp": "CRP", "misc": "MISC", "add": "Add", "corr": "Corr", "rev": "Rev",
    "amend": "Amend", "sub": "Sub", "sect": "Sect", "part": "Part", "parts": "Parts",
    "vol": "Vol", "supp": "Supp", "chap": "Chap", "prog": "Prog",
}


@cache
def _symbol_res() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    whole = re.compile(rf"{_SEGMENT}(?:/{_SEGMENT})+")
    return whole, re.compile(_RES_NUMBER), re.compile(_PARTS_IN_SYMBOL, re.S)


def _canonical_word(m: re.Match[str]) -> str:
    word = m.group(0)
    return _WORDS.get(word.casefold(), word)


def _canonical_segment(seg: str, *, standalone: bool) -> str:
    """Add.1, Corr.1, L.51, RES; UNEP's Res.14 keeps its own spelling."""
    if not standalone and seg[:4].casefold() == "res.":
        return "Res" + seg[3:]
    if not standalone and seg[:4].casefold() == "dec.":
        return "Dec" + seg[3:]
    return _LETTERS.sub(_canonical_word, seg)


@lru_cache(maxsize=8192)  # a resolution names the same symbols again and again, and the next one does too
def _parse_cached(s: str) -> tuple[str, str]:
    """UNSymbol.parse's work: the symbol in undocs.org's spelling and its parts ("and Add.1 and 2")."""
    whole, res_number, parts_rx = _symbol_res()
    t = _SPACES.sub(" ", normalize(s)).strip()
    parts = ""
    m = parts_rx.fullmatch(t)
    if m:
        parts = _SPACES.sub(" ", m.group("parts"))
        t = m.group("head") + m.group("tail")
    t = _SPACES.sub("", t)
    if not whole.fullmatch(t):
        raise SymbolError(f"not a UN document symbol: {s!r}")
    segs = t.split("/")
    if segs[0].casefold() not in _series_folded():
        raise SymbolError(f"unknown symbol series {segs[0]!r} in {s!r}")
    if "/".join(segs).casefold() in _organ_folded():
        raise SymbolError(f"an organ prefix without a document number: {s!r}")
    # the organ prefix, spelled as in the series file
    organ = _longest_organ(segs)
    n = organ.count("/") + 1
    rest = segs[n:]
    if not rest or not any(ch.isdigit() for ch in "".join(rest)):
        raise SymbolError(f"a series prefix without a document number: {s!r}")
    out = organ.split("/")
    if rest[0].casefold() in ("res", "dec"):
        number = "/".join(rest[1:])
        if not res_number.fullmatch(number):
            raise SymbolError(f"not a resolution or decision number: {s!r}")
        # the number forms only some organs print (issuers.toml's numbering)
        forms = _forms_of(organ)
        if _YEAR_IN_BRACKETS.search(number) and "year_paren" not in forms:
            raise SymbolError(f"a year in brackets is the Security Council's numbering: {s!r}")
        if _ROMAN_SESSION.match(number) and "roman" not in forms:
            raise SymbolError(f"a Roman session number belongs to A/RES or E/RES: {s!r}")
        if _DIGITS.fullmatch(number) and "year_paren" not in forms:  # S/RES/1325: the year left out
            raise SymbolError(f"a resolution number without session or year: {s!r}")
    for i, seg in enumerate(rest):
        out.append(_canonical_segment(seg, standalone=True if i == 0 else seg[:4].casefold() not in ("res.", "dec.")))
    return "/".join(out), parts


@dataclass(frozen=True, slots=True)
class UNSymbol:
    """A United Nations document symbol in undocs.org's spelling.

    `symbol` is the canonical string; `parts` keeps the part letters printed
    with a resolution number ("A" of "2200 A (XXI)"), which are not part of
    the symbol and take no part in equality.
    """

    symbol: str
    parts: str = field(default="", compare=False)

    # -- parsing and formatting ---------------------------------------------

    @classmethod
    def parse(cls, s: str) -> UNSymbol:
        """Read a printed symbol ("S/RES/1325 (2000)", "A/74/6 (Sect. 2)"); raise SymbolError if it is none."""
        if not isinstance(s, str):
            raise SymbolError(f"not a symbol: {s!r}")
        return cls(*_parse_cached(s))

    def format(self) -> str:
        """undocs.org's spelling: the contract key."""
        return self.symbol

    def __str__(self) -> str:
        return self.symbol

    # -- what it says -------------------------------------------------------

    @property
    def segments(self) -> tuple[str, ...]:
        return tuple(self.symbol.split("/"))

    @property
    def series(self) -> str:
        """The first segment: A, S, E, ST, CCPR ..."""
        return self.segments[0]

    @property
    def organ_prefix(self) -> str:
        """The longest listed organ prefix: A/HRC for A/HRC/RES/49/18, E/CN.4 for E/CN.4/2002/106."""
        return _longest_organ(list(self.segments))

    @property
    def document_type(self) -> str:
        """RES, DEC, PRST, PV ... : the segment after the organ prefix when it is a word; "" otherwise."""
        segs = self.segments
        n = self.organ_prefix.count("/") + 1
        if n < len(segs) and segs[n].isalpha():
            return segs[n]
        return ""

    @property
    def is_resolution(self) -> bool:
        """A resolution or decision: .../RES/..., .../DEC/... (S/RES too), UNEP/EA.5/Res.14."""
        if self.document_type in ("RES", "DEC"):
            return True
        return any(re.fullmatch(r"(?:Res|Dec)\.\d+", s) for s in self.segments[1:])

    @property
    def is_decision(self) -> bool:
        return self.document_type == "DEC" or any(re.fullmatch(r"Dec\.\d+", s) for s in self.segments[1:])

    @property
    def base(self) -> UNSymbol:
        """The symbol without trailing /Add.n, /Corr.n, /Rev.n, /Amend.n: A/65/53 for A/65/53/Corr.1."""
        segs = list(self.segments)
        while len(segs) > 2 and re.fullmatch(r"(?:Add|Corr|Rev|Amend)\.\d+", segs[-1]):
            segs.pop()
        return UNSymbol("/".join(segs))

    def child(self, suffix: str) -> UNSymbol:
        """This symbol with one more segment: child("Add.2")."""
        return UNSymbol.parse(f"{self.symbol}/{suffix}")

    @property
    def undocs_url(self) -> str:
        return UNDOCS + self.symbol


@cache
def _forms_of(organ: str) -> frozenset[str]:
    """The number forms of the organs whose resolutions or decisions are "<organ>/RES/..." or "<organ>/DEC/..."."""
    heads = {f"{organ}/RES", f"{organ}/DEC"}
    return frozenset(f for iss in issuers() if heads & {iss.resolution, iss.decision} for f in iss.numbering)


def _longest_organ(segs: list[str]) -> str:
    folded = _organ_folded()
    for k in range(len(segs) - 1, 0, -1):
        hit = folded.get("/".join(segs[:k]).casefold())
        if hit is not None:
            return hit
    return _series_folded()[segs[0].casefold()]


# "A/RES/53/144" -> ("A/RES", session 53); "S/RES/1325(2000)" -> ("S/RES", year 2000); "E/RES/1996/31" -> year 1996
_NUMBERED = re.compile(r"^(?P<prefix>.+?/(?:RES|DEC))/(?:(?P<session>\d+)/\d+|(?P<year>\d{4})/\d+|\d+\((?P<paren>\d{4})\))$")


def plausible(symbol: str) -> bool:
    """False for a resolution symbol whose session or year its organ never had (A/HRC/RES/74/146)."""
    m = _NUMBERED.match(symbol)
    if not m:
        return True
    r = ranges().get(m.group("prefix"))
    if r is None:
        return True
    if m.group("session") and "session" in r:
        lo, hi = r["session"]
        return lo <= int(m.group("session")) <= hi
    year = m.group("year") or m.group("paren")
    if year and "year" in r:
        lo, hi = r["year"]
        return lo <= int(year) <= hi
    return True


# ---------------------------------------------------------------------------
# what a symbol says of its organ, session and year (the organ table's documents, sessions and group)

_YEAR = re.compile(r"(?:19|20)\d\d")


def organ_of_symbol(symbol: str) -> Issuer | None:
    """The organ whose documents the symbol belongs to (A/HRC/RES/49/18: the Human Rights Council), by the
    longest documents prefix of the organ table; None when no organ's prefix starts it (ST/SGB/2003/13)."""
    s = symbol.replace(" ", "").upper()
    for organ in reading_organs():
        if s.startswith(organ.documents.upper() + "/"):
            return organ
    return None


def session_of_symbol(symbol: str) -> str:
    """The session a resolution symbol tells, as its organ counts sessions: A/RES/57/209 -> "57",
    A/RES/ES-10/21 -> "ES-10", A/RES/2200(XXI) -> "21", S/RES/1325(2000) -> "2000"; "" when the symbol is
    no resolution of an organ whose symbols tell one (decisions, E/CN.4/RES/2000/61)."""
    s = symbol.replace(" ", "")
    organ = organ_of_symbol(s)
    if organ is None or not organ.sessions or not organ.resolution or not s.startswith(organ.resolution + "/"):
        return ""
    rest = s[len(organ.resolution) + 1:]
    for name, rx in number_patterns():
        m = rx.match(rest)
        if m is None or name not in organ.sessions:
            continue
        values = m.groupdict()
        if name in ("year", "year_paren"):
            return values["year"]
        session = values["session"]
        if name == "roman":
            head, _, numeral = session.rpartition("-")
            return f"{head}-{roman_to_int(numeral)}" if head else str(roman_to_int(numeral))
        return {"special": "S-", "emergency": "ES-"}.get(name, "") + str(int(session))
    return ""


def group_of_symbol(symbol: str) -> str:
    """The citation network's group of a document: its organ's, or "other"."""
    organ = organ_of_symbol(symbol)
    return organ.group if organ is not None else "other"


def symbol_facts(symbol: str) -> dict:
    """Session and year as far as the symbol tells them, by its group's rule (the year of a session is the
    year it opened: the General Assembly's session N in 1945 + N, the Human Rights Council's three a year)."""
    segs = symbol.split("/")
    organ = organ_of_symbol(symbol)
    g = group(organ.group if organ is not None else "other")
    if g.years == "bracket":  # S/RES/2334(2016), S/2020/123: the year is the session
        m = re.search(r"\(((?:19|20)\d\d)\)$", symbol)
        year = m.group(1) if m else segs[1] if len(segs) > 2 and _YEAR.fullmatch(segs[1]) else ""
        return {"year": int(year), "session": year} if year else {}
    if g.years == "assembly":
        m = re.fullmatch(r"[A-Z]+/RES/\d+\(([IVXLC]+)\)", symbol)  # A/RES/2200(XXI)
        # A/RES/57/209, A/57/182, A/C.3/57/L.5, A/RES/ES-10/21: the first session-like segment but the last;
        # not A/7204/Add.1: before 1976 the Assembly numbered its documents without the session
        session = str(roman_to_int(m.group(1))) if m else next(
            (s for s in segs[1:-1] if re.fullmatch(r"\d{1,2}|E?S-\d{1,2}", s)), "")
        if session.isdigit():
            return {"year": g.first_year + (int(session) - 1) // g.per_year, "session": session}
        return {"session": session} if session else {}  # ES-10, S-32: no fixed year
    if g.years == "council":  # A/HRC/RES/58/23, A/HRC/49/18
        n = organ.documents.count("/") + 1 if organ is not None else 1
        rest = segs[n + 1:] if len(segs) > n + 1 and segs[n].upper() in ("RES", "DEC") else segs[n:]
        if len(rest) > 1 and re.fullmatch(r"\d{1,2}", rest[0]):
            return {"year": g.first_year + (int(rest[0]) - 1) // g.per_year, "session": rest[0]}
        return {}
    y = next((s for s in segs if _YEAR.fullmatch(s)), None)  # E/RES/2021/5, E/CN.4/2002/106
    return {"year": int(y), "session": y} if y else {}


@lru_cache(maxsize=1 << 16)
def _parsed(symbol: str) -> UNSymbol | None:
    try:
        return UNSymbol.parse(symbol)
    except SymbolError:
        return None


def is_resolution_symbol(symbol: str) -> bool:
    """UNSymbol.is_resolution for a string: a resolution or a decision; False for what is no symbol."""
    folded = symbol.casefold()
    if "res" not in folded and "dec" not in folded:  # no RES, DEC, Res.n or Dec.n: no need to parse
        return False
    parsed = _parsed(symbol)
    return parsed is not None and parsed.is_resolution


def is_decision_symbol(symbol: str) -> bool:
    """UNSymbol.is_decision for a string; False for what is no symbol."""
    if "dec" not in symbol.casefold():  # no DEC or Dec.n: no need to parse
        return False
    parsed = _parsed(symbol)
    return parsed is not None and parsed.is_decision
