"""The gazetteers: instruments, bodies, offices and countries, read from data/*.toml.

Each entry's official name is the extraction contract's key.  Surfaces (the
names, other names and acronyms an entry is printed as) are compiled once into
one trie-shaped regular expression, so that a scan costs about the same
whatever the size of the lists.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from graph_builder.errors import LanguageError
from graph_builder.lang import Language
from graph_builder.un.data import load_toml, load_tsv

KINDS = ("instrument", "body", "office")
# first words of titles that running text also prints in lower case: "the principles relating to the status
# of national institutions (the Paris Principles)"; such titles are looked for whatever their first letter
LOWER_CASE_HEADS = {"principles", "guidelines", "guiding", "rules", "basic", "standard", "standards", "code",
                    "model", "elements", "recommendations", "plan", "programme", "strategy", "framework"}


@dataclass(frozen=True, slots=True)
class Entry:
    kind: str  # instrument | body | office
    id: str
    name: str  # official name: the contract key
    names: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    short: tuple[str, ...] = ()  # "the Covenant": refers back to the latest mention
    type: str = ""
    standalone: bool = False  # its short forms need no antecedent ("the Charter")
    country: str = ""  # for country mandates: "Angola"
    parent: str = ""
    adopted_by: str = ""
    year: int = 0
    wikidata: str = ""
    un: bool = True  # False for organisations outside the UN (African Union, ICRC): named, but no `body` key


@dataclass(frozen=True)
class Gazetteer:
    entries: dict[tuple[str, str], Entry]
    surfaces: dict[str, Entry]  # folded surface -> entry
    collections: dict[str, tuple[Entry, ...]]  # folded collective name -> its instruments
    collection_after: dict[str, str]  # folded collective name -> id of the instrument it must follow ("Protocols thereto")
    short_forms: dict[str, tuple[Entry, ...]]  # folded short form -> entries that use it
    countries: dict[str, str]  # folded name or adjective -> country name
    pattern: re.Pattern[str]  # every surface and collective name
    short_pattern: re.Pattern[str]  # every short form
    country_pattern: re.Pattern[str]
    by_name: dict[tuple[str, str], Entry] = field(default_factory=dict)  # (kind, folded official name) -> entry
    # names the open-world recogniser finds, as reviewed (data/names_reviewed.tsv): folded name -> (verdict, official)
    reviewed: dict[str, tuple[str, str]] = field(default_factory=dict)


SPACES = re.compile(r"\s+")  # a run of white space, printed as one space in keys


@lru_cache(maxsize=1 << 16)  # the same names come back in clause after clause
def fold(s: str) -> str:
    """The spelling-insensitive form of a name: one space, straight quotes, first letter lower."""
    s = SPACES.sub(" ", s.strip())
    s = s.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"').replace("\u2011", "-")
    return s[:1].lower() + s[1:]


def char_regex(ch: str) -> str:
    if ch == " ":
        return r"\s+"
    if ch == "'":
        return "['’‘]"
    if ch == '"':
        return '["“”]'
    if ch == "-":
        return "[-\u2011\u2010]"
    return re.escape(ch)


def trie_regex(words: list[str], exact: bool = False, char=None) -> str:
    """One regex matching any of the folded words (longest first), built as a character trie: a space
    matches any white space, a quote or a dash any of its kinds, a first letter either case.  `exact`:
    every character only as itself (acronyms, matched as printed), or as `char` gives it."""
    char = char or (re.escape if exact else char_regex)
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True

    def emit(node: dict) -> str:
        end = "" in node
        branches = []
        for ch in sorted(k for k in node if k):
            branches.append(char(ch) + emit(node[ch]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            return f"(?:{body})?"
        return body

    top = []
    for ch in sorted(trie):
        sub = emit(trie[ch])
        first = f"[{re.escape(ch.upper())}{re.escape(ch)}]" if ch.isalpha() and not exact else char(ch)
        top.append(first + sub)
    return "(?:" + "|".join(top) + ")" if top else "(?!)"


def bounded(alternation: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w\-]){alternation}(?![\w\-])")


def as_tuple(v) -> tuple[str, ...]:
    if not v:
        return ()
    if isinstance(v, str):
        return (v,)
    return tuple(v)


def gazetteer(lang: Language | None = None) -> Gazetteer:
    """The gazetteer; for a language with names of its own (lang/<code>.toml [names]: "Pacte international
    relatif aux droits civils et politiques" = the Covenant's official name), with those as more surfaces."""
    if lang is None or not lang.names:
        return english_gazetteer()
    return gazetteer_in(lang)


@cache
def gazetteer_in(lang: Language) -> Gazetteer:
    g = english_gazetteer()
    surfaces = dict(g.surfaces)
    for printed, official in lang.names.items():
        entry = next((g.by_name[(kind, fold(official))] for kind in KINDS if (kind, fold(official)) in g.by_name), None)
        if entry is None:
            raise LanguageError(lang.code, f"[names] {printed!r}: no entry of the gazetteers is named {official!r}")
        surfaces.setdefault(fold(printed), entry)
    # the language's names, matched with either case of their first letter ("État", "Élimination")
    theirs = bounded(trie_regex(sorted({fold(p) for p in lang.names})))
    return replace(g, surfaces=surfaces, pattern=re.compile(f"(?:{g.pattern.pattern}|{theirs.pattern})"))


@cache
def english_gazetteer() -> Gazetteer:
    entries: dict[tuple[str, str], Entry] = {}
    surfaces: dict[str, Entry] = {}
    short_forms: dict[str, list[Entry]] = {}
    by_name: dict[tuple[str, str], Entry] = {}
    acronyms: set[str] = set()
    lower_start: set[str] = set()  # surfaces the data prints with a lower-case first letter
    for kind, file, key in (("instrument", "instruments.toml", "title"), ("body", "bodies.toml", "name"),
                            ("office", "offices.toml", "name")):
        try:
            data = load_toml(file)
        except FileNotFoundError:
            continue
        for raw in data.get(kind, []):
            e = Entry(kind, raw["id"], raw[key], as_tuple(raw.get("names")), as_tuple(raw.get("acronyms")),
                      as_tuple(raw.get("short")), raw.get("type", ""), bool(raw.get("standalone", False)),
                      raw.get("country", ""), raw.get("parent", ""), raw.get("adopted_by", ""),
                      int(raw.get("year", 0) or 0), raw.get("wikidata", ""), bool(raw.get("un", True)))
            entries[(kind, e.id)] = e
            by_name.setdefault((kind, fold(e.name)), e)
            for s in (e.name, *e.names):
                surfaces.setdefault(fold(s), e)
                if s[:1].islower() or s.split(" ", 1)[0].lower() in LOWER_CASE_HEADS:
                    lower_start.add(fold(s))
            for a in e.acronyms:
                surfaces.setdefault(a, e)  # acronyms are matched as printed
                acronyms.add(a)
            for s in e.short:
                short_forms.setdefault(fold(s), []).append(e)
    collections: dict[str, tuple[Entry, ...]] = {}
    collection_after: dict[str, str] = {}
    try:
        inst = load_toml("instruments.toml")
    except FileNotFoundError:
        inst = {}
    for c in inst.get("collection", []):
        members = tuple(entries[("instrument", m)] for m in c["members"] if ("instrument", m) in entries)
        if members:
            collections[fold(c["name"])] = members
            if c.get("after"):
                collection_after[fold(c["name"])] = c["after"]
    countries: dict[str, str] = {}
    try:
        for c in load_toml("countries.toml").get("country", []):
            for s in (c["name"], *as_tuple(c.get("names")), *as_tuple(c.get("adjectives"))):
                countries[fold(s)] = c["name"]
    except FileNotFoundError:
        pass
    words = sorted(set(surfaces) | set(collections))
    plain = [w for w in words if w not in acronyms and w not in lower_start]
    # most names start with a capital: looking for them only where a capital (or a quote) starts a word
    # makes the scan several times faster; the few printed in lower case get a branch of their own
    alternation = "(?=[A-Z0-9\"“‘'])" + trie_regex(plain)
    if lower_start:
        alternation = f"(?:{alternation}|{trie_regex(sorted(lower_start))})"
    if acronyms:
        # acronyms are matched case-sensitively, as printed; a trie, as the names are: tried one by one at
        # every word, an alternation of hundreds of acronyms doubles the scan
        alternation = "(?:" + alternation + "|" + trie_regex(sorted(acronyms), exact=True) + ")"
    reviewed: dict[str, tuple[str, str]] = {}
    try:
        rows = load_tsv("names_reviewed.tsv", 4, header="verdict")
    except FileNotFoundError:
        rows = []
    for verdict, _kind, name, official in rows:
        reviewed[fold(name)] = (verdict, official)
    return Gazetteer(
        entries=entries,
        reviewed=reviewed,
        surfaces=surfaces,
        collections=collections,
        collection_after=collection_after,
        short_forms={k: tuple(v) for k, v in short_forms.items()},
        countries=countries,
        pattern=bounded(alternation),
        short_pattern=bounded(trie_regex(sorted(short_forms))),
        country_pattern=bounded("(?=[A-Z])" + trie_regex(sorted(countries))),
        by_name=by_name,
    )
