"""The open-world name recogniser and the short forms it feeds, on phrases printed in real resolutions.

Each phrase is quoted from a resolution of the shared corpus (the symbol is given); the expected name is what
the extraction contract keys.  Nothing here needs ../shared.
"""
from __future__ import annotations

import pytest

from graph_builder.find.names import find_names
from graph_builder.models import DocumentInfo
from graph_builder.pipeline import extract
from graph_builder.readers.segment import segment
from helpers import deadline

# (phrase as printed, kind, the name found in it) -- full names
FULL_NAMES = [
    # A/RES/75/197
    ("Recognizing that the United Nations African Institute for the Prevention of Crime and the Treatment of "
     "Offenders is a focal point", "body",
     "United Nations African Institute for the Prevention of Crime and the Treatment of Offenders"),
    ("to the Office and to the Economic Commission for Africa Conference of African Ministers of Finance, Planning "
     "and Economic Development;", "body",
     "Economic Commission for Africa Conference of African Ministers of Finance, Planning and Economic Development"),
    ("in the implementation of the African Union Plan of Action on Drug Control and Crime Prevention (2019–2023) and "
     "the mechanism", "instrument", "African Union Plan of Action on Drug Control and Crime Prevention (2019–2023)"),
    # A/RES/80/204
    ("the World Conference against Racism, Racial Discrimination, Xenophobia and Related Intolerance and the Durban "
     "Review Conference", "body", "World Conference against Racism, Racial Discrimination, Xenophobia and Related Intolerance"),
    ("the World Conference against Racism, Racial Discrimination, Xenophobia and Related Intolerance and the Durban "
     "Review Conference", "body", "Durban Review Conference"),
    # A/RES/75/48: the ordinal numbers a session of the Conference, which is the body
    ("at the Fifth Conference of States Parties to the Arms Trade Treaty, held", "body",
     "Conference of States Parties to the Arms Trade Treaty"),
    # A/HRC/RES/56/20
    ("Recalling the International Guidelines on HIV/AIDS and Human Rights, annexed to", "instrument",
     "International Guidelines on HIV/AIDS and Human Rights"),
    ("the commitments of the World Conference on Indigenous Peoples in 2014 to intensifying efforts", "body",
     "World Conference on Indigenous Peoples"),
    ("taking note of general recommendation No. 39 (2022) on the rights of Indigenous women and girls, and resolution",
     "instrument", "general recommendation No. 39 (2022) on the rights of Indigenous women and girls"),
    # E/RES/2022/16
    ("the Gender Advisory Board of the Commission on Science and Technology for Development", "body",
     "Gender Advisory Board of the Commission on Science and Technology for Development"),
    ("the Multi-stakeholder Forum on Science, Technology and Innovation for the Sustainable Development Goals,",
     "body", "Multi-stakeholder Forum on Science, Technology and Innovation for the Sustainable Development Goals"),
    ("requested the Technology Facilitation Mechanism and the Commission", "body", "Technology Facilitation Mechanism"),
    # E/RES/2024/19
    ("the Development Coordination Office to", "body", "Development Coordination Office"),
    # S/RES/2786 (2025)
    ("the Agreement on the City of Hodeidah and Ports of Hodeidah, Salif and Ras Issa (the Hodeidah Agreement)",
     "instrument", "Agreement on the City of Hodeidah and Ports of Hodeidah, Salif and Ras Issa"),
    # S/RES/82 (1950)
    ("where the United Nations Temporary Commission on Korea was able to observe", "body",
     "United Nations Temporary Commission on Korea"),
    # S/RES/435 (1978)
    ("Decides to establish under its authority a United Nations Transition Assistance Group in accordance with",
     "body", "United Nations Transition Assistance Group"),
    # a known name inside a new one: the longer wins
    ("Requests the Chair of the Commission on Science and Technology for Development to", "office",
     "Chair of the Commission on Science and Technology for Development"),
]

# phrases in which no new name may be read, or the name must stop early
NOT_NAMES = [
    # A/RES/80/204: "... and takes note of her reports" is no part of a name
    ("the Durban Review Conference, and takes note of her reports", "Durban Review Conference"),
    # the annexes are no part of a title
    ("the Convention on the Rights of the Child and the Optional Protocols thereto", None),
    # a State's representative, not an office of the UN (S/RES/713 (1991))
    ("a letter from the Permanent Representative of Yugoslavia to the United Nations addressed to", None),
    # S/RES/435 (1978): an office of an organisation outside the UN, and a letter sent to the Secretary-General
    ("the letter dated 8 September 1978 from the President of the South West Africa People’s Organization to the "
     "Secretary-General,", None),
    # the treaty series is no treaty
    ("United Nations, Treaty Series, vol. 2225, No. 39574", None),
]


@pytest.mark.parametrize("phrase,kind,name", FULL_NAMES)
def test_full_names(phrase: str, kind: str, name: str) -> None:
    found = {(n.open_kind or (n.entries[0].kind if n.entries else ""), n.text) for n in find_names(phrase)
             if not n.short}
    assert (kind, name) in found, found


@pytest.mark.parametrize("phrase,longest", NOT_NAMES)
def test_names_stop(phrase: str, longest: str | None) -> None:
    opened = [n.text for n in find_names(phrase) if n.open_kind and not n.short]
    assert opened == ([longest] if longest else []), opened


def extract_text(text: str, symbol: str):
    return extract(segment(text, "test.txt", DocumentInfo(symbol=symbol)))


def refs(res, clause: str, kind: str) -> set[str]:
    c = next(c for c in (*res.clauses, *res.footnotes) if c.id == clause)
    return {r.key for r in c.references if r.kind == kind}


def test_short_forms_by_head_noun() -> None:
    """'the Institute', 'the Governing Board of the Institute', 'a director of the Institute' (A/RES/75/197)."""
    text = ("The General Assembly,\n\n"
            "Recognizing that the United Nations African Institute for the Prevention of Crime and the Treatment "
            "of Offenders is a focal point,\n\n"
            "Expressing concern over the continued absence of a director of the Institute,\n\n"
            "1. Recalls the decision of the Governing Board of the Institute to adopt the strategic plan;\n\n"
            "2. Requests the Institute to report;\n")
    res = extract_text(text, "A/RES/75/197")
    inst = "United Nations African Institute for the Prevention of Crime and the Treatment of Offenders"
    assert refs(res, "pp1", "body") == {inst}
    assert refs(res, "pp2", "office") == {f"Director of the {inst}"}
    assert refs(res, "op1", "body") == {f"Governing Board of the {inst}"}
    assert refs(res, "op2", "body") == {inst}


def test_short_form_names_the_latest() -> None:
    """'the Conference' stands for the latest conference named, and nothing before it is a diagnostic."""
    text = ("The General Assembly,\n\n"
            "Recalling the decisions of the Conference, \n\n"
            "Recalling also the World Conference on Indigenous Peoples,\n\n"
            "Noting the Durban Review Conference,\n\n"
            "1. Welcomes the outcome of the Conference;\n")
    res = extract_text(text, "A/RES/80/1")
    assert refs(res, "op1", "body") == {"Durban Review Conference"}
    assert not refs(res, "pp1", "body")
    assert any(d.code == "unresolved-short-form" and d.clause == "pp1" for d in res.diagnostics)


def test_organ_named_as_author_is_no_body() -> None:
    """The contract's issuer rule (E/RES/2022/16 pp6, A/HRC/RES/56/20 pp25, S/RES/82 (1950) pp1)."""
    text = ("The Economic and Social Council,\n\n"
            "Recalling further that in its resolution 76/205 of 17 December 2021, the General Assembly acknowledged "
            "that action is an urgent priority,\n\n"
            "Recalling the finding of the General Assembly in its resolution 293 (IV) of 21 October 1949,\n\n"
            "Recalling General Assembly resolution 70/1, in which the Assembly adopted a set of Goals,\n\n"
            "Recalling also resolution 60/2 on women and HIV, adopted by the Commission on the Status of Women on "
            "24 March 2016,\n\n"
            "Reaffirming the Political Declarations on HIV and AIDS adopted by the General Assembly on 2 June 2006,\n\n"
            "1. Decides to transmit this resolution to the General Assembly at its seventy-ninth session;\n")
    res = extract_text(text, "E/RES/2022/16")
    for cid in ("pp1", "pp2", "pp3"):
        assert "General Assembly" not in refs(res, cid, "body"), cid
    assert not refs(res, "pp4", "body")  # the issuer of a resolution
    assert refs(res, "pp5", "body") == {"General Assembly"}  # the Assembly that adopted the declarations
    assert len(refs(res, "pp5", "instrument")) == 4  # the collective name: four declarations
    assert refs(res, "op1", "body") == {"General Assembly"}


def test_collective_name_after_its_convention() -> None:
    """'the Protocols thereto' after the Organized Crime Convention are its three protocols (A/RES/75/197 op12);
    said of nothing it is no reference."""
    text = ("The General Assembly,\n\n"
            "1. Urges States to accede to the United Nations Convention against Transnational Organized Crime and the "
            "Protocols thereto;\n\n"
            "2. Urges States to accede to the Protocols thereto;\n")
    res = extract_text(text, "A/RES/75/197")
    protocols = {k for k in refs(res, "op1", "instrument") if k.startswith("Protocol")}
    assert len(protocols) == 3
    assert not refs(res, "op2", "instrument")


def test_provision_of_an_annexed_text() -> None:
    """'General Assembly resolution 75/284, annex, para. 39.' (A/HRC/RES/56/20 footnote 8)."""
    text = ("The Human Rights Council,\n\n"
            "1. Recalls the targets;8\n\n"
            "8 General Assembly resolution 75/284, annex, para. 39.\n")
    res = extract_text(text, "A/HRC/RES/56/20")
    keys = {r.key for f in res.footnotes for r in f.references if r.kind == "provision"}
    assert "A/RES/75/284, paragraph 39" in keys or any(
        "A/RES/75/284, paragraph 39" in {r.key for r in c.references} for c in res.clauses)


@pytest.mark.parametrize("text,clause,key", [
    # A/RES/80/204 pp1: the unit printed after the instrument
    ("Reaffirming its commitment, as set forth in the Charter of the United Nations, in particular Article 1, "
     "paragraph 3, as well as", "pp1", "Charter of the United Nations, Article 1"),
    # A/RES/75/48 pp5: an instrument the list did not know, and its second action later in the clause
    ("Taking note of action 36 of the Agenda for Disarmament of the Secretary-General, on the full participation "
     "of women, and action 37, on gender parity,", "pp1",
     "Securing Our Common Future: An Agenda for Disarmament, action 37"),
])
def test_provisions_around_names(text: str, clause: str, key: str) -> None:
    res = extract_text("The General Assembly,\n\n" + text + "\n", "A/RES/80/204")
    assert key in refs(res, clause, "provision")


def run_with_alarm(seconds: int, fn, *args):
    """fn(*args), failing the test if it takes longer than `seconds` (a regex gone quadratic or worse)."""
    with deadline(seconds):
        return fn(*args)


@pytest.mark.parametrize("text", [
    "Committee on Alpha, " * 20000,  # a name's comma list that never ends in "and"
    "the Institute of " + "Alpha Beta " * 20000,  # a complement of capitalised words without end
    "United Nations " * 20000 + "Conference",  # modifiers without end
    ("Conference on A and the " * 10000) + "Committee",  # "and the" runs, each checked for another name
    "general recommendation No. 1 on " + "the rights " * 20000,  # a lower-case topic without end
])
def test_worst_cases_stay_linear(text: str) -> None:
    run_with_alarm(20, find_names, text)
