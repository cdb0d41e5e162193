"""Find the UN document symbols a clause cites: resolutions, decisions, their
provisions, and other documents printed by symbol.

    >>> [m.key for m in find_symbol_references("Recalling its resolution 53/144", "General Assembly")]
    ['A/RES/53/144']

One public function, `find_symbol_references(text, issuer)`.  `text` is the
clause's cleaned text; every match keeps its character span in it
(`text[m.start:m.end] == m.text`).  `issuer` is the organ that adopted the
resolution being read: "its resolution 70/1" and a bare "resolution 70/1" are
that organ's, unless the number is printed in a form that only one organ uses
("2200 A (XXI)" is the General Assembly's, "1325 (2000)" the Security
Council's).  Nothing is guessed: a citation whose issuer or number cannot be
read for certain is left out.

The patterns are built once, on first use, from data/symbol_series.txt and
data/issuers.toml (see graph_builder.un.symbols).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from graph_builder.errors import SymbolError
from graph_builder.find.tries import char_class, first_taken
from graph_builder.lang import Language, SymbolPhrases, language
from graph_builder.un.symbols import (
    PARTS,
    ROMAN,
    Issuer,
    UNSymbol,
    find_issuer,
    issuers,
    number_forms,
    number_patterns,
    series_prefixes,
)
from graph_builder.un.text import DASHES

__all__ = ["SymbolMatch", "find_symbol_references"]


@dataclass(frozen=True, slots=True)
class SymbolMatch:
    """One reference found in a clause: a resolution, a document or a provision of a resolution."""

    kind: str  # resolution | document | provision
    key: str  # contract key: A/RES/53/144, E/CN.4/2002/106/Add.1, "A/RES/53/214, section VIII"
    text: str  # text[start:end]
    start: int
    end: int
    target: str = ""  # provision: the key of the resolution it belongs to
    unit: str = ""  # provision: paragraph, section, part, chapter, annex, article
    number: str = ""  # provision: 5, VIII, 12 (b)
    issuer_named: bool = False  # the organ's name is part of the quoted text ("Security Council resolution ...")


# ---------------------------------------------------------------------------
# pattern fragments

# The words around and inside a list of cited numbers ("resolution(s)", "draft", "its", "of 9 December 1998",
# "and", "including", "paragraph") are the language's: lang/<code>.toml [symbols].  _grammar() builds the
# patterns of a list from them.
# the number of a provision: 5, 5 (b), VIII, B
_PROV_NUM = (
    r"(?:\d{1,3}(?:\s?\([a-z]{1,4}\))*"  # paragraph 5, paragraph 5 (b)
    rf"|{ROMAN}"  # section VIII
    r"|(?![IVXLC])[A-Z])"  # part B; a roman digit is read as a numeral only (two readings of "I" backtrack 2**n)
    r"(?![\w/])"  # and nothing glued to it
)


@cache
def _series_alt() -> str:
    # longest first so that CEDAW wins over CED, UNEP over (nothing), ST over S
    return "|".join(re.escape(p) for p in sorted(series_prefixes(), key=lambda p: (-len(p), p)))


@cache
def _symbol_re() -> re.Pattern[str]:
    series = _series_alt()
    seg = (
        r"[A-Za-z0-9]+"  # a segment: 74, CN, Add
        rf"(?:(?:\.|-(?!(?:{series})/))[A-Za-z0-9]+)*"  # .4, .157, -29; not the hyphen of a joint symbol
        r"(?:\(\d{1,3}\))?"  # COP(14)
    )
    firsts, rest = first_taken(sorted(series_prefixes()), exact=True)  # a trie: CEDAW before CED, ST before S
    return re.compile(
        rf"(?P<core>{char_class(firsts)}(?<![\w/.](?s:.)){rest}"  # a known series, case as printed: A, S, E,
        # ST, CCPR ...; not inside a longer token (a hyphen may precede: joint symbols)
        rf"(?:[ ]?/{seg})+"  # its segments; PDF text may leave a space before a slash
        r"(?:\s?\((?:(?:Sect|Part|Parts|Vol|Supp|Chap)\.?\s?[\w.]+(?:\s(?:and|to)\s[\w.]+)?)\)"  # (Sect. 2) (Part I) (Vol. I)
        rf"(?:/{seg})*)?"  # then /Add.1 etc.
        r")"
        r"(?P<tail>"  # a resolution number's tail, kept only if the symbol then parses:
        rf"\s?(?:{PARTS}\s?)?"  # part letters: A/RES/2200 A (XXI)
        rf"\((?:(?:19[4-9]|20\d)\d|(?:E?S-)?{ROMAN})\)"  # (2000) or (XXI)
        r")?"
    )


# a suffix segment that can take a continuation
_SUFFIX = re.compile(r"(?P<word>Add|Corr|Rev|Amend|SR|PV)\.(?P<n>\d{1,4})(?:-(?P<to>\d{1,4}))?")

_PREV_WORD = re.compile(r"(?P<word>[A-Za-z][\w.'-]*)\s*\Z")  # the word before, for the foreign-organ test
_WORD_BEFORE = re.compile(r"(?P<word>[A-Za-z][\w.'-]*)\s+\Z")
_SPACE_RE = re.compile(r"\s+")
_PROV_ITEM = re.compile(_PROV_NUM)


@dataclass(frozen=True, slots=True)
class _Grammar:
    """The patterns that read a list of numbers in one language."""

    words: SymbolPhrases
    cont_word: re.Pattern[str]  # after a printed symbol: "and Add.1", ", Corr.1", "and Add.1-3", "and Add.1 to 3"
    cont_num: re.Pattern[str]  # after "Add.1": "and 2", ", 3", "-3", "to 3"
    sep: re.Pattern[str]
    topic: re.Pattern[str]  # a topic between two numbers, then the separator
    prov_after: re.Pattern[str]  # "resolution 60/1, paragraph 138" / "resolution 53/214, sections II and III"
    prov_before: re.Pattern[str]  # "paragraph 5 of [the] ..." ending where the citation's head starts
    range_between: re.Pattern[str]  # what makes two provision numbers a range: "3 to 5", "3-5"


@cache
def _grammar(words: SymbolPhrases) -> _Grammar:
    sep, through = words.separator.pattern, words.through.pattern
    provisions = rf"{_PROV_NUM}(?:{words.provision_separator.pattern}{_PROV_NUM})*"  # "3 and 4", "3, 4 and 7", "3 to 5"
    return _Grammar(
        words=words,
        cont_word=re.compile(
            sep  # and | , | , and
            + r"(?P<word>Add|Corr|Rev|Amend)\.\s?(?P<n>\d{1,3})"  # Add.1
            rf"(?:\s?(?:-|(?:{through})\s)\s?(?P<to>\d{{1,3}}))?"  # -3 | to 3
            r"(?![\w/])"  # nothing glued on
        ),
        cont_num=re.compile(
            r"(?P<sep>" + sep + rf"|\s?-\s?|\s+(?:{through})\s+)"  # and | , | - | to
            r"(?P<n>\d{1,3})"  # 2
            r"(?![\w/.\-])"  # a bare number, not the start of something else
        ),
        sep=words.separator,
        # (the separator starts where the topic stops at a non-space: it is not tried at each space of a run)
        topic=re.compile(words.topic.pattern + r"(?<!\s)(?:" + sep + "|" + words.semicolon.pattern
                         + r")(?=(?:E?S-)?\d)"),  # then a number
        prov_after=re.compile(r",\s+" + words.unit.pattern + r"\s+(?P<nums>" + provisions + r")"),
        prov_before=re.compile(r"\b" + words.unit.pattern + r"\s+(?P<nums>" + provisions + r")"
                               + words.provision_of.pattern),
        range_between=re.compile(rf"\s*(?:(?:{through})\s+|-\s*)"),
    )


def _names_alt(names: list[str]) -> str:
    names = sorted(set(names), key=lambda n: (-len(n), n))
    return "|".join(r"\s+".join(map(re.escape, n.split())) for n in names)


@cache
def _organ_patterns(
    reading: str, words: SymbolPhrases | None = None,
) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str], Issuer | None]:
    """The patterns that name an organ, with the short names the reading organ answers to (in the language
    of `words`, English by default)."""
    words = words or language().symbols
    here = find_issuer(reading) if reading else None
    names = [n for iss in issuers() for n in (iss.name, *iss.aliases)] + list(words.organs)  # + their printed names
    if here is not None:
        names += list(here.short)
    alt = _names_alt(names)
    # "Human Rights Council resolution": the organ right before the keyword
    head = re.compile(rf"(?<![\w-])(?P<name>{alt})\s+\Z")
    # "the Human Rights Council, in its resolution": the organ that "its" stands for
    back = re.compile(words.organ_its.pattern.replace("{ORGAN}", alt))
    # "... of the General Assembly" after a list
    after = re.compile(rf"(?P<name>{alt})(?![\w-])")
    # "relevant resolutions adopted by the Human Rights Council, including resolution 36/6"
    including = re.compile(words.organ_including.pattern.replace("{ORGAN}", alt))
    return head, back, after, including, here


def _issuer(name: str, reading: str, words: SymbolPhrases) -> Issuer | None:
    """The organ a name in the text names: an English name or alias, or a name the language prints ("Conseil de
    sécurité"), by its official name."""
    return find_issuer(words.organs.get(" ".join(name.split()), name), reading)


def _verbish(word: str, before: str, words: SymbolPhrases) -> bool:
    """True when the capitalized word in front of "resolution" is not (the end of) an organ's name."""
    w = word.casefold()
    if w in words.not_organ_words or w.endswith(words.not_organ_endings):
        return True
    if not word[:1].isupper():
        return True
    if word.isupper() and len(word) > 1:  # WHO, ITU, UNESCO
        return False
    if w.endswith("s"):  # Recalls, Notes; but not "Narcotic Drugs", "United Nations"
        prev = _PREV_WORD.search(before)
        return prev is None or not prev.group("word")[:1].isupper()
    return False




def find_symbol_references(text: str, issuer: str, lang: Language | None = None) -> list[SymbolMatch]:
    """Every resolution, decision, provision of a resolution and document symbol in `text`, by start
    (`text` in the language given, English by default)."""
    norm = _fold(text)
    out: list[SymbolMatch] = []
    grammar = _grammar((lang or language()).symbols)
    out += _find_printed(text, norm, grammar)
    out += _find_citations(text, norm, issuer, grammar)
    out.sort(key=lambda m: (m.start, m.end, m.kind, m.key))
    seen: set[tuple[str, str, int, int]] = set()
    unique = []
    for m in out:
        k = (m.kind, m.key, m.start, m.end)
        if k not in seen:
            seen.add(k)
            unique.append(m)
    return unique


# dashes and spaces folded one for one, so that offsets stay valid
_FOLD = dict(DASHES)
_FOLD.update(dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2009\u200a"), " "))


_FOLDED = re.compile("[" + "".join(re.escape(chr(k)) for k in sorted(_FOLD)) + "]")  # a character _FOLD changes


def _fold(text: str) -> str:
    # most clauses hold none of them: one scan for them is cheaper than a translation of every character
    return text.translate(_FOLD) if _FOLDED.search(text) else text


# ---------------------------------------------------------------------------
# symbols as printed


def _find_printed(text: str, norm: str, grammar: _Grammar) -> list[SymbolMatch]:
    out: list[SymbolMatch] = []
    for m in _symbol_re().finditer(norm):
        sym, end = None, m.end()
        if m.group("tail"):
            try:
                sym = UNSymbol.parse(m.group("core") + m.group("tail"))
            except SymbolError:
                sym, end = None, m.end("core")
        if sym is None:
            end = m.end("core")
            try:
                sym = UNSymbol.parse(m.group("core"))
            except SymbolError:
                continue
        start = m.start()
        last = sym
        # a range printed in the symbol itself: A/59/2/Add.1-3
        r = _SUFFIX.fullmatch(sym.segments[-1])
        if r and r.group("to"):
            parent = UNSymbol("/".join(sym.segments[:-1]))
            lo, hi = int(r.group("n")), int(r.group("to"))
            if not lo < hi <= lo + 20:
                continue
            word = r.group("word")
            for n in range(lo, hi + 1):
                s, e = start, end
                if n == lo:
                    e = end - len(r.group("to")) - 1
                elif n == hi:
                    s = end - len(r.group("to"))
                out.append(_doc(text, parent.child(f"{word}.{n}"), s, e))
            last = parent.child(f"{word}.{hi}")
        else:
            out.append(_doc(text, sym, start, end))
        out += _continuations(text, norm, last, end, grammar)
    return out


def _doc(text: str, sym: UNSymbol, start: int, end: int) -> SymbolMatch:
    kind = "resolution" if sym.is_resolution else "document"
    return SymbolMatch(kind, sym.symbol, text[start:end], start, end)


def _continuations(text: str, norm: str, last: UNSymbol, pos: int, grammar: _Grammar) -> list[SymbolMatch]:
    """ "and Add.1 and 2", ", Corr.1", "and Add.1-3" after a printed symbol."""
    out: list[SymbolMatch] = []
    while True:
        m = grammar.cont_word.match(norm, pos)
        if m:
            word, lo = m.group("word"), int(m.group("n"))
            hi = int(m.group("to")) if m.group("to") else lo
            if not lo <= hi <= lo + 20:
                break
            parent = _parent_for(last, word)
            for n in range(lo, hi + 1):
                if n == lo:
                    s, e = m.start("word"), m.end("n")
                elif n == hi:
                    s, e = m.start("to"), m.end("to")
                else:
                    s, e = m.start("word"), m.end("to")
                out.append(_doc(text, parent.child(f"{word}.{n}"), s, e))
            last, pos = parent.child(f"{word}.{hi}"), m.end()
            continue
        r = _SUFFIX.fullmatch(last.segments[-1])
        m = grammar.cont_num.match(norm, pos) if r else None
        if m and r:
            word, prev = r.group("word"), int(r.group("n"))
            lo = int(m.group("n"))
            sep = m.group("sep").strip()
            is_range = sep == "-" or grammar.words.through.fullmatch(sep) is not None
            if not prev < lo <= prev + 20:
                break
            parent = UNSymbol("/".join(last.segments[:-1]))
            first = prev + 1 if is_range else lo
            for n in range(first, lo + 1):
                s, e = (m.start("n"), m.end("n")) if n == lo else (m.start("sep"), m.end("n"))
                out.append(_doc(text, parent.child(f"{word}.{n}"), s, e))
            last, pos = parent.child(f"{word}.{lo}"), m.end()
            continue
        break
    return out


def _parent_for(last: UNSymbol, word: str) -> UNSymbol:
    """What "and Add.2" attaches to: the sibling of a printed Add.1, else the symbol before."""
    r = _SUFFIX.fullmatch(last.segments[-1])
    if r and r.group("word") == word:
        return UNSymbol("/".join(last.segments[:-1]))
    return last


# ---------------------------------------------------------------------------
# resolutions and decisions cited by number


@dataclass(slots=True)
class _Item:
    form: str
    values: dict[str, str]
    start: int
    end: int
    provisions: list[tuple[str, str, int, int]]  # unit, number, start, end
    lead: bool = False  # came after a topic ("resolutions on Iraq, in particular 1500 (2003)"): quote the number only


def _find_citations(text: str, norm: str, reading: str, grammar: _Grammar) -> list[SymbolMatch]:
    words = grammar.words
    head_re, back_re, after_re, including_re, here = _organ_patterns(reading, words)
    out: list[SymbolMatch] = []
    last_end, last_named = -1, None  # where the last list ended, and the organ it named
    for k in words.keyword.finditer(norm):
        decision = k.group("decision") is not None
        plural = k.group("plural") is not None
        before = norm[max(0, k.start() - 200) : k.start()]
        offset = k.start() - len(before)
        if words.draft.search(before):
            continue
        head_start = k.start()
        named: Issuer | None = None  # the organ named before the keyword, or that "its" stands for
        source = "bare"
        issuer_named = False
        h = head_re.search(before)
        if h:
            prev = _WORD_BEFORE.search(before, 0, h.start())
            named = _issuer(h.group("name"), reading, words)
            if named is None or (prev and not _verbish(prev.group("word"), before[: prev.start()], words)):
                source, named = "foreign", None  # "World Health Assembly resolution": not a UN organ
            else:
                source, issuer_named, head_start = "named", True, offset + h.start()
        else:
            i = words.its.search(before)
            if i:
                source, head_start = "its", offset + i.start()
                b = back_re.search(before, 0, i.start())
                named = _issuer(b.group("name"), reading, words) if b else here
                if b and named is not None:
                    source = "named"
            else:
                inc = including_re.search(before)
                if inc:  # "resolutions adopted by the Human Rights Council, including resolution 36/6"
                    named = _issuer(inc.group("name") or inc.group("name2"), reading, words)
                    source = "named" if named is not None else "bare"
                elif last_named is not None and last_end >= 0 and words.joined.fullmatch(norm, last_end, k.start()):
                    # "Human Rights Council decision 18/120 ... and resolutions 24/14": the same organ's
                    named, source = last_named, "named"
                else:
                    prev = _WORD_BEFORE.search(before)
                    if prev and not _verbish(prev.group("word"), before[: prev.start()], words):
                        source = "foreign"  # "Economic Commission for Europe decision 1/2", "UNESCO resolution"
        items, pos = _read_items(norm, k.end(), plural, grammar)
        if not items:
            continue
        last_end, last_named = pos, (named if source == "named" else None)
        # "... of the General Assembly" after the list names the organ
        o = words.of_the.match(norm, pos)
        if o:
            a = after_re.match(norm, o.end())
            if a:
                iss = _issuer(a.group("name"), reading, words)
                if iss is not None and source != "named":
                    named, source = iss, "named"
            elif source in ("bare", "foreign"):
                continue  # "decision 14/30 of the Conference of the Parties": another organization's
        # provisions printed before the head: "paragraphs 3 and 4 of its resolution 67/1"
        before_head = norm[max(0, head_start - 200) : head_start]
        p = grammar.prov_before.search(before_head)
        front: list[tuple[str, str, int, int]] = []
        if p and not plural:
            front = _provisions(p, head_start - len(before_head), grammar)
        for n, it in enumerate(items):
            key = _key(it, source, named, here, decision)
            if key is None:
                continue
            s = head_start if n == 0 and not it.lead else it.start
            out.append(
                SymbolMatch("resolution", key, text[s : it.end], s, it.end, issuer_named=issuer_named and n == 0)
            )
            provs = list(it.provisions) + (front if n == 0 else [])
            for unit, number, ps, pe in provs:
                out.append(
                    SymbolMatch(
                        "provision",
                        f"{key}, {unit} {number}",
                        text[ps:pe],
                        ps,
                        pe,
                        target=key,
                        unit=unit,
                        number=number,
                        issuer_named=issuer_named and n == 0,
                    )
                )
    return out


def _read_items(norm: str, pos: int, plural: bool, grammar: _Grammar) -> tuple[list[_Item], int]:
    """The numbers of a list that starts at pos: "66/164 of 19 December 2011, 68/181 ... and 74/146"."""
    items: list[_Item] = []
    it = _read_item(norm, pos)
    if it is None and plural:
        # "resolutions on Iraq, in particular 1500 (2003), ...": a topic, then the numbers
        t = grammar.words.lead_topic.match(norm, pos)
        if t:
            it = _read_item(norm, t.end())
            if it is not None:
                it.lead = True
    while it is not None:
        items.append(it)
        pos = it.end
        d = grammar.words.date_after.match(norm, pos)
        if d:
            pos = d.end()
        first = True
        while True:  # "resolution 60/1, paragraph 138" / "52/214, sect. C, para. 3": keep the first
            pa = grammar.prov_after.match(norm, pos)
            if not pa:
                annex = grammar.words.annex_skip.match(norm, pos)  # "resolution 75/284, annex, para. 39": the annex's paragraph
                if annex and first:
                    pos = annex.end()
                    continue
                break
            if first:
                it.provisions.extend(_provisions(pa, 0, grammar))
                first = False
            pos = pa.end()
            d = grammar.words.date_after.match(norm, pos)  # "45/248 B, section VI, of 21 December 1990"
            if d:
                pos = d.end()
        it = None
        s = grammar.sep.match(norm, pos)
        if s:
            it = _read_item(norm, s.end())
            if it is not None:
                continue
        # separators that only join numbers of one form: ";", a missing comma, a topic in between
        for rx in (grammar.words.semicolon, _SPACE_RE, grammar.topic):
            s = rx.match(norm, pos)
            if s:
                nxt = _read_item(norm, s.end())
                if nxt is not None and _FAMILY[nxt.form] == _FAMILY[items[-1].form]:
                    it = nxt
                    break
    return items, pos


# number forms that one list may mix when its items are joined by ";" or a topic:
# the Assembly's session, special, emergency and Roman numbers go together
_FAMILY = {"session": "s", "special": "s", "emergency": "s", "roman": "s", "year_paren": "p", "year": "y"}


def _read_item(norm: str, pos: int) -> _Item | None:
    for name, rx in number_patterns():
        m = rx.match(norm, pos)
        if not m:
            continue
        end = m.end()
        if end < len(norm) and (norm[end].isalnum() or norm[end] in "/-"):
            return None  # 53/144/Add.1, 1/CP.21, 12/2022-x: not a resolution number
        values = {k: v for k, v in m.groupdict().items() if v is not None and k != "parts"}
        values["number"] = str(int(values["number"]))
        if values.get("session", "").isdigit():
            values["session"] = str(int(values["session"]))
        return _Item(name, values, pos, end, [])
    return None


def _key(it: _Item, source: str, named: Issuer | None, here: Issuer | None, decision: bool) -> str | None:
    """The symbol of one number of a citation, or None when it cannot be told for certain."""
    form = number_forms()[it.form]
    owner = find_issuer(form.owner) if form.owner else None
    if source == "named":
        candidates = [named]
    elif source == "foreign":  # "Youth, Peace and Security resolutions 2250 (2015)": a form only one organ prints
        candidates = [owner] if form.owner_first else []
    elif source == "bare" and form.owner_first:
        candidates = [owner, here]
    else:
        candidates = [here, owner]
    for iss in candidates:
        if iss is None or it.form not in iss.numbering:
            continue
        try:
            return UNSymbol.parse(iss.symbol(form, it.values, decision=decision)).symbol
        except SymbolError:
            return None  # the organ's resolutions have no symbol: known, not keyed
    return None


def _provisions(m: re.Match[str], offset: int, grammar: _Grammar) -> list[tuple[str, str, int, int]]:
    """(unit, number, start, end) for "paragraphs 3 and 4", "sections II to IV"; spans in the text."""
    unit = m.group("unit").casefold()
    unit = grammar.words.units.get(unit, unit)
    out: list[tuple[str, str, int, int]] = []
    nums = list(_PROV_ITEM.finditer(m.string, m.start("nums"), m.end("nums")))
    for j, n in enumerate(nums):
        number = re.sub(r"\s+", " ", n.group(0))
        s = m.start("unit") if j == 0 else n.start()
        between = m.string[nums[j - 1].end() : n.start()] if j else ""
        if j and grammar.range_between.fullmatch(between):
            prev = out[-1][1] if out else ""
            if prev.isdigit() and number.isdigit() and int(prev) < int(number) <= int(prev) + 50:
                for x in range(int(prev) + 1, int(number)):
                    out.append((unit, str(x), nums[j - 1].start() + offset, n.end() + offset))
            else:
                return out  # "sections II to IV": not expanded, never guessed
        out.append((unit, number, s + offset, n.end() + offset))
    return out
