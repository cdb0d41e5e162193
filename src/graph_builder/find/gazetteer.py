"""The gazetteers: instruments, bodies, offices and countries, read from data/*.toml.

Each entry's official name is the extraction contract's key.  Surfaces (the
names, other names and acronyms an entry is printed as) are compiled once into
one trie-shaped regular expression (tries.py).
"""
from __future__ import annotations

import re
import string
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from itertools import takewhile

from graph_builder.errors import LanguageError
from graph_builder.find.tries import bounded, bounded_first, first_taken, trie_regex
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
    capitalised_pattern: re.Pattern[str]  # the same, for a text that prints no name in lower case
    lower_words: tuple[str, ...]  # the first words of the names printed in lower case (folded, letters only)
    lower_pattern: re.Pattern[str]  # those names, printed in lower case
    short_pattern: re.Pattern[str]  # every short form
    country_pattern: re.Pattern[str]
    by_name: dict[tuple[str, str], Entry] = field(default_factory=dict)  # (kind, folded official name) -> entry
    # names the open-world recogniser finds, as reviewed (data/names_reviewed.tsv): folded name -> (verdict, official)
    reviewed: dict[str, tuple[str, str]] = field(default_factory=dict)

    def names_pattern(self, text: str) -> re.Pattern[str]:
        """pattern, or the faster capitalised_pattern where the text prints no name in lower case (they find
        the same names there): tried only where one of their first words is printed."""
        for w in self.lower_words:
            at = text.find(w)
            while at >= 0:
                if self.lower_pattern.match(text, at):
                    return self.pattern
                at = text.find(w, at + 1)
        return self.capitalised_pattern


NAME_FIRSTS = string.ascii_uppercase + string.digits + "\"“‘'"  # how a name that is not printed in lower case starts
SPACES = re.compile(r"\s+")  # a run of white space, printed as one space in keys


@lru_cache(maxsize=1 << 16)  # the same names come back in clause after clause
def fold(s: str) -> str:
    """The spelling-insensitive form of a name: one space, straight quotes, first letter lower."""
    s = SPACES.sub(" ", s.strip())
    s = s.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"').replace("\u2011", "-")
    return s[:1].lower() + s[1:]


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
    pattern = re.compile(f"(?:{g.pattern.pattern}|{theirs.pattern})")
    return replace(g, surfaces=surfaces, pattern=pattern, capitalised_pattern=pattern, lower_words=())


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
    lower = sorted(lower_start)
    # most names start with a capital (or a quote or a digit); the few printed in lower case are looked for
    # in either case; acronyms exactly as printed
    capital = first_taken(plain, allowed=NAME_FIRSTS)
    exact = first_taken(sorted(acronyms), exact=True)
    pattern = bounded_first(capital, first_taken(lower), exact)
    # where a text prints none of the lower-case names' first words, only capitals start a name: skipping
    # the other letters makes the scan several times faster
    capitalised = bounded_first(capital, first_taken(lower, allowed="".join(w[:1].upper() for w in lower)), exact)
    firsts = {"".join(takewhile(str.isalpha, w)) for w in lower}
    lower_words = tuple(sorted(f for f in firsts if f and not any(o != f and o and o in f for o in firsts)))
    lower_pattern = bounded_first(first_taken(lower, allowed="".join(w[:1] for w in lower)))
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
        pattern=pattern,
        capitalised_pattern=capitalised,
        lower_words=lower_words,
        lower_pattern=lower_pattern,
        short_pattern=bounded_first(first_taken(sorted(short_forms))),
        country_pattern=bounded_first(first_taken(sorted(countries), allowed=string.ascii_uppercase)),
        by_name=by_name,
    )
