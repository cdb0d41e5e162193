"""Reference finding and resolution, table-driven: (sentence, expected references)."""
from __future__ import annotations

import pytest

from graph_builder.models import DocumentInfo
from graph_builder.pipeline import extract
from graph_builder.readers.segment import segment


def refs_of(text: str, symbol: str = "A/RES/99/1") -> dict[str, set[tuple[str, str]]]:
    res = extract(segment(text, "t.txt", DocumentInfo(symbol=symbol)))
    out = {c.id: {(r.kind, r.key) for r in c.references} for c in res.clauses}
    out.update({f.id: {(r.kind, r.key) for r in f.references} for f in res.footnotes})
    return out


def clause(body: str, organ: str = "General Assembly") -> str:
    return f" The {organ},\n\n {body}\n"


@pytest.mark.parametrize("body, expected", [
    ("Recalling its resolution 53/144 of 9 December 1998,", {("resolution", "A/RES/53/144")}),
    ("Recalling resolution 2200 A (XXI),", {("resolution", "A/RES/2200(XXI)")}),
    ("Recalling Security Council resolutions 1261 (1999), 1265 (1999) and 1296 (2000),",
     {("resolution", "S/RES/1261(1999)"), ("resolution", "S/RES/1265(1999)"), ("resolution", "S/RES/1296(2000)")}),
    ("Recalling Commission on Human Rights resolution 2000/61,", {("resolution", "E/CN.4/RES/2000/61")}),
    ("Having considered the reports E/CN.4/2002/106 and Add.1 and 2,",
     {("document", "E/CN.4/2002/106"), ("document", "E/CN.4/2002/106/Add.1"), ("document", "E/CN.4/2002/106/Add.2")}),
    ("Guided by the Charter of the United Nations,", {("instrument", "Charter of the United Nations")}),
    ("Recalling Article 2 of the Charter of the United Nations,",
     {("instrument", "Charter of the United Nations"), ("provision", "Charter of the United Nations, Article 2")}),
    ("Recalling the International Covenants on Human Rights,",
     {("instrument", "International Covenant on Civil and Political Rights"),
      ("instrument", "International Covenant on Economic, Social and Cultural Rights")}),
])
def test_references_in_one_clause(body, expected):
    assert refs_of(clause(body))["pp1"] == expected


def test_short_forms_stand_for_the_latest_mention():
    text = clause("Recalling the International Covenant on Civil and Political Rights,\n\n"
                  " Noting article 4 of the Covenant and that resolution,")
    got = refs_of(text)
    assert got["pp2"] == {("instrument", "International Covenant on Civil and Political Rights"),
                          ("provision", "International Covenant on Civil and Political Rights, article 4")}


def test_that_resolution_follows_the_last_resolution_named():
    text = clause("Recalling its resolution 53/144, and the declaration annexed to that resolution,")
    assert refs_of(text)["pp1"] == {("resolution", "A/RES/53/144")}


def test_unresolved_short_form_is_a_diagnostic_not_a_link():
    res = extract(segment(clause("Recalling article 4 of the Covenant,"), "t.txt"))
    assert {(r.kind, r.key) for r in res.clauses[0].references} == set()
    assert [d.code for d in res.diagnostics] == ["unresolved-short-form"]
    assert res.text[res.diagnostics[0].span[0]:res.diagnostics[0].span[1]] == "the Covenant"


def test_issuer_of_a_citation_is_no_body_reference():
    got = refs_of(clause("Recalling Human Rights Council resolution 49/18,"))["pp1"]
    assert got == {("resolution", "A/HRC/RES/49/18")}


@pytest.mark.parametrize("body, addressees", [
    ("1. Calls upon all States to act;", ["States"]),
    ("1. Condemns violations, and urges States to take action;", ["States"]),
    ("1. Urges those Governments that have not yet responded to answer;", ["Governments"]),
    ("1. Requests all concerned United Nations agencies and organizations within their mandates to help;",
     ["United Nations agencies and organizations"]),
    ("1. Calls upon States and encourages non-State actors to ensure respect;", ["States", "non-State actors"]),
    ("1. Also calls upon States to act, and strongly urges the release of persons detained;", ["States"]),
    ("1. Decides to consider the question at its fifty-eighth session;", []),
    # a lone modifier shares the head noun after "and" (A/RES/78/10, op7), written alike or not at all
    ("1. Encourages the Olympic and Paralympic movements to work closely with sports organizations;",
     ["Olympic and Paralympic movements"]),
    ("1. Invites regional and subregional organizations to contribute;", ["regional and subregional organizations"]),
    ("1. Calls upon Liberia and neighbouring countries to cooperate;", ["Liberia", "neighbouring countries"]),
    ("1. Urges Member States and international organizations to act;", ["Member States", "international organizations"]),
    # a comma list of modifiers before them shares the head, each an actor of its own (A/HRC/RES/56/20, op27)
    ("1. Calls upon States, international, regional and non-governmental organizations to cooperate;",
     ["States", "international organizations", "regional organizations", "non-governmental organizations"]),
    # "and other relevant stakeholders" is a name of its own, not a head shared with the modifier before it
    ("1. Invites national mechanisms for implementation, reporting and follow-up and other relevant stakeholders to act;",
     ["national mechanisms", "stakeholders"]),
])
def test_addressees(body, addressees):
    res = extract(segment(clause(body), "t.txt"))
    assert [a.name for a in res.clauses[0].addressees] == addressees
