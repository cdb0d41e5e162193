"""The organ table: the UN organs that issue resolutions and decisions, read from data/issuers.toml.

Each [[issuer]] row is one organ: its names, the symbol prefixes of its resolutions and decisions and the
number forms it prints (for citing it), and, for an organ whose own resolutions are read, the prefix of
its documents, how its texts name themselves, its AKN4UN author code, which number forms tell its
session, and its group in the citation network.  Each [[group]] row gives a group's colour and how its
symbols tell their year.  This module is the file's only reader; an organ that the table does not know
is None or raises here, never a default organ.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from graph_builder.errors import SymbolError
from graph_builder.un.data import load_toml
from graph_builder.un.text import normalize

# how a group's symbols tell their year (implemented in un/symbols.py: symbol_facts)
YEAR_RULES = ("assembly", "council", "bracket", "segment")


@dataclass(frozen=True, slots=True)
class NumberForm:
    name: str  # roman | year_paren | session | special | emergency | year
    spelled: str  # how the number is spelled in a symbol: "{session}/{number}"
    owner: str  # the organ that owns the form when the text does not say; "" if shared
    owner_first: bool = False  # a bare number in this form is the owner's even where the reader prints it too


@dataclass(frozen=True, slots=True)
class Issuer:
    """An organ that issues resolutions and decisions (one [[issuer]] of issuers.toml)."""

    name: str
    aliases: tuple[str, ...]
    short: tuple[str, ...]  # names that stand for it only in its own resolutions ("Council")
    resolution: str  # symbol prefix of its resolutions: A/RES; "" if they have no symbol
    decision: str  # symbol prefix of its decisions: A/DEC; "" if none
    numbering: tuple[str, ...]  # the NumberForm names it prints
    template: tuple[tuple[str, str], ...] = ()  # (form, whole-symbol template) for resolutions
    decision_template: tuple[tuple[str, str], ...] = ()
    # an organ whose own resolutions are read
    documents: str = ""  # prefix of its own document symbols: A, S, A/HRC; "" when none is read
    self_names: tuple[str, ...] = ()  # casefolded: "the council"
    akn: str = ""  # AKN4UN FRBRauthor code: ga, sc
    within: str = ""  # the organ whose author code its AKN4UN files carry
    sessions: tuple[str, ...] = ()  # number forms of its resolution symbols that tell the session
    session_is_year: bool = False
    group: str = ""  # its group in the citation network

    def symbol(self, form: NumberForm, values: dict[str, str], *, decision: bool = False) -> str:
        """The symbol of the resolution (decision) numbered `values` in `form`; raises SymbolError."""
        kind = "decision" if decision else "resolution"
        if form.name not in self.numbering:
            raise SymbolError(f"the {self.name} does not number its {kind}s like {form.spelled!r}")
        templates = dict(self.decision_template if decision else self.template)
        if form.name in templates:
            return templates[form.name].format(**values)
        prefix = self.decision if decision else self.resolution
        if not prefix:
            raise SymbolError(f"{kind}s of the {self.name} have no document symbol of their own")
        return f"{prefix}/" + form.spelled.format(**values)


@dataclass(frozen=True, slots=True)
class Group:
    """A group of the citation network (one [[group]] of issuers.toml)."""

    name: str
    colour: str  # its nodes' colour in the view
    years: str  # one of YEAR_RULES
    first_year: int = 0  # the year of session 1
    per_year: int = 1  # sessions a year


@cache
def issuer_data() -> dict:
    return load_toml("issuers.toml")


@cache
def number_forms() -> dict[str, NumberForm]:
    """The [forms] of issuers.toml by name."""
    return {
        name: NumberForm(name, f["spelled"], f.get("owner", ""), bool(f.get("owner_first", False)))
        for name, f in issuer_data()["forms"].items()
    }


@cache
def groups() -> tuple[Group, ...]:
    """Every [[group]], in the legend's order; the last is "other"."""
    out = []
    for d in issuer_data()["group"]:
        g = Group(d["name"], d["colour"], d["years"], int(d.get("first_year", 0)), int(d.get("per_year", 1)))
        if g.years not in YEAR_RULES:
            raise ValueError(f"data/issuers.toml: group {g.name!r} has years {g.years!r}, not one of {YEAR_RULES}")
        out.append(g)
    if not out or out[-1].name != "other":
        raise ValueError("data/issuers.toml: the last [[group]] must be \"other\"")
    return tuple(out)


def group(name: str) -> Group:
    """The group called `name`; ValueError for a group the table does not have."""
    for g in groups():
        if g.name == name:
            return g
    raise ValueError(f"no network group {name!r} in data/issuers.toml")


@cache
def issuers() -> tuple[Issuer, ...]:
    """Every [[issuer]] of issuers.toml, in file order (checked: a read organ has a group, known forms)."""
    forms = number_forms()
    out = []
    for d in issuer_data()["issuer"]:
        iss = Issuer(
            name=d["name"],
            aliases=tuple(d.get("aliases", ())),
            short=tuple(d.get("short", ())),
            resolution=d.get("resolution", ""),
            decision=d.get("decision", ""),
            numbering=tuple(d.get("numbering", ())),
            template=tuple(d.get("template", {}).items()),
            decision_template=tuple(d.get("decision_template", {}).items()),
            documents=d.get("documents", ""),
            self_names=tuple(n.casefold() for n in d.get("self_names", ())),
            akn=d.get("akn", ""),
            within=d.get("within", ""),
            sessions=tuple(d.get("sessions", ())),
            session_is_year=bool(d.get("session_is_year", False)),
            group=d.get("group", ""),
        )
        unknown = [f for f in (*iss.numbering, *iss.sessions) if f not in forms]
        if unknown:
            raise ValueError(f"data/issuers.toml: {iss.name} names unknown number forms {unknown}")
        if iss.documents and not iss.group:
            raise ValueError(f"data/issuers.toml: {iss.name} has documents but no group")
        if iss.group:
            group(iss.group)
        out.append(iss)
    names = {i.name for i in out}
    for iss in out:
        if iss.within and iss.within not in names:
            raise ValueError(f"data/issuers.toml: {iss.name} is within {iss.within!r}, which is no organ of the table")
    return tuple(out)


def _fold_name(name: str) -> str:
    n = re.sub(r"\s+", " ", normalize(name)).strip().casefold()
    return re.sub(r"^the ", "", n)


@cache
def _issuer_index() -> dict[str, Issuer]:
    index: dict[str, Issuer] = {}
    for iss in issuers():
        for n in (iss.name, *iss.aliases):
            index.setdefault(_fold_name(n), iss)
    return index


def find_issuer(name: str, reading: str = "") -> Issuer | None:
    """The issuer called `name` ("Human Rights Council", "the Assembly"), or None.

    A short name ("the Council") stands for the reading organ `reading` when
    that organ answers to it, and for no organ otherwise.
    """
    folded = _fold_name(name)
    hit = _issuer_index().get(folded)
    if hit is not None:
        return hit
    if reading:
        here = _issuer_index().get(_fold_name(reading))
        if here is not None and folded in {_fold_name(s) for s in here.short}:
            return here
    return None


@cache
def self_names(organ: str) -> frozenset[str]:
    """How the resolutions of `organ` name it, casefolded ("the council"); empty for an organ the table
    gives none (its texts' short forms are then resolved like any other)."""
    iss = _issuer_index().get(_fold_name(organ)) if organ else None
    return frozenset(iss.self_names) if iss is not None else frozenset()


@cache
def symbol_issuers() -> frozenset[str]:
    """The names of the organs whose resolutions carry a document symbol of their own (A/RES, S/RES, ...)."""
    return frozenset(i.name for i in issuers() if i.resolution)


@cache
def reading_organs() -> tuple[Issuer, ...]:
    """The organs with a documents prefix, longest prefix first (A/HRC before A)."""
    return tuple(sorted((i for i in issuers() if i.documents), key=lambda i: (-len(i.documents), i.name)))


def by_akn(code: str) -> Issuer | None:
    """The organ whose AKN4UN FRBRauthor code is `code` ("ga"), or None for a code the table lacks."""
    code = code.casefold()
    return next((i for i in issuers() if i.akn and i.akn == code), None)


@cache
def ranges() -> dict[str, dict]:
    """[[range]] rows by symbol prefix: the sessions or years a resolution symbol can carry."""
    return {r["prefix"]: r for r in issuer_data().get("range", [])}
