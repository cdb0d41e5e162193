"""Find everything first, then resolve in one pass: mentions are found as printed, and only the resolver
decides what a short form stands for."""
from __future__ import annotations

import pytest

from graph_builder.find.mentions import find_mentions
from graph_builder.models import DocumentInfo
from graph_builder.pipeline import extract, read_bytes
from graph_builder.resolve.resolver import resolve, resolve_name
from helpers import example_path_and_info

TEXT = """Resolution adopted by the General Assembly on 18 December 2002

57/999. A test of short forms

The General Assembly,

Recalling its resolution 53/144,

Recalling also the International Covenant on Civil and Political Rights,

1. Calls upon States to respect article 4 of the Covenant and that resolution;

2. Requests the Committee to consider the item entitled "Human rights questions" at its fifty-eighth session;
"""


def read(text: str):
    return read_bytes(text.encode(), "test.txt", DocumentInfo(symbol="A/RES/57/999", date="2002-12-18"))


def test_every_unit_gets_its_mentions_in_reading_order():
    doc = read(TEXT)
    found = find_mentions(doc, "General Assembly")
    assert [u.unit_id for u in found.clauses] == [sc.id for sc in doc.clauses]
    assert [u.unit_id for u in found.footnotes] == [fn.id for fn in doc.footnotes]


@pytest.mark.parametrize(("clause", "what", "printed"), [
    ("pp1", "symbols", "resolution 53/144"),
    ("op1", "resolution_short_forms", "that resolution"),
    ("pp2", "names", "International Covenant on Civil and Political Rights"),
    ("op1", "names", "the Covenant"),  # a short form, found as printed: nothing resolved yet
    ("op1", "provisions", "article 4"),
    ("op2", "names", "the Committee"),
    ("op2", "agenda_items", "Human rights questions"),
    ("op2", "sessions", "at its fifty-eighth session"),
])
def test_finders_find_what_is_printed(clause, what, printed):
    doc = read(TEXT)
    unit = {u.unit_id: u for u in find_mentions(doc, "General Assembly").clauses}[clause]
    texts = [unit.body.text[m.start:m.end] for m in getattr(unit, what)]
    assert any(printed in t or t in printed for t in texts), (what, texts)


def test_the_pass_resolves_short_forms_and_never_guesses():
    res = extract(read(TEXT))
    by_id = {c.id: c for c in res.clauses}
    op1 = {(r.kind, r.key, r.short_form) for r in by_id["op1"].references}
    assert ("instrument", "International Covenant on Civil and Political Rights", True) in op1
    assert ("provision", "International Covenant on Civil and Political Rights, article 4", False) in op1
    assert ("resolution", "A/RES/53/144", True) in op1  # "that resolution": the one named before
    # "the Committee" has nothing named before it: a diagnostic, no reference
    assert not [r for r in by_id["op2"].references if r.kind == "body"]
    assert any(d.code == "unresolved-short-form" and d.clause == "op2" for d in res.diagnostics)


def test_given_mentions_resolve_as_found_ones():
    path, info = example_path_and_info()
    doc = read_bytes(path.read_bytes(), str(path), info)
    assert resolve(doc, find_mentions(doc, "General Assembly")) == resolve(doc)


def test_the_name_resolver_can_be_swapped():
    """Another authority for names (a local thesaurus, Wikidata): every name it keys is keyed its way."""
    def shouting(n, here, memory):
        found = resolve_name(n, here, memory)
        return None if found is None else (found[0], found[1].upper(), found[2])

    doc = read(TEXT)
    plain = {r.key for c in resolve(doc).clauses for r in c.references if r.kind == "instrument"}
    loud = {r.key for c in resolve(doc, name_resolver=shouting).clauses for r in c.references if r.kind == "instrument"}
    assert plain == {"International Covenant on Civil and Political Rights"}
    assert loud == {"INTERNATIONAL COVENANT ON CIVIL AND POLITICAL RIGHTS"}
