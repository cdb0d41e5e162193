"""Plain text to clauses: table-driven (input, expected) cases of the scars PDF text carries."""
from __future__ import annotations

import pytest

from graph_builder.models import DocumentInfo
from graph_builder.readers.segment import segment

BASIC = """ The General Assembly,

 Recalling its resolution 53/144 of 9 December 1998,

 Noting with deep concern that defenders are at risk,
  Emphasizing the role of the Special Representative of the Secretary-
General on human rights defenders,

 1. Calls upon all States to act;

 2. Requests the Secretary-General to report.
"""

FOOTNOTES = """ The General Assembly,

 Recalling the International Covenant on Civil and Political Rights1 and
the reports of 21 March 20192 and of the Rapporteur,3

 1. Welcomes the reports;
_______________
1 See resolution 2200 A (XXI), annex.
2 A/74/1.
3 E/CN.4/2002/106 and Add.1 and 2.
2/3
A/RES/99/1
 2. Decides to remain seized of the matter.
"""

COVER = """United Nations
A/RES/76/174
General Assembly
Distr.: General
10 January 2022
Seventy-sixth session
Agenda item 74 (b)
Promotion and protection of human rights
Resolution adopted by the General Assembly on 16 December 2021
[on the report of the Third Committee (A/76/462/Add.2, para. 114)]
76/174. Human rights defenders

 The General Assembly,

 Guided by the Charter of the United Nations,

 1. Decides to remain seized of the matter.
"""

SECTIONS = """ The General Assembly,

 I

 First topic

 Recalling its resolution 1/1,

 1. Decides one thing;

 2. Decides another;

 II

 Second topic

 1. Requests the Secretary-General:

 (a) To report;

 (b) To act;
"""

UNNUMBERED = """The Security Council,

Recalling its resolution 1325 (2000),

Decides to remain actively seized of the matter.
"""


RESTARTED = """The Security Council,

Noting the agreement,

1. Approves the terms of the agreement;

2. Decides to remain seized of the matter;

1. Requests the Secretary-General to report;

2. Invites States to cooperate;
"""

# S/RES/2504 (2020): the last preambular paragraph printed without its comma is a paragraph all the same
NO_COMMA = """The Security Council,

 Recalling its resolutions,

 Underscoring that Member States are obligated under Article 25 of the Charter of the United Nations to
accept and carry out the Council’s decisions

 1. Calls upon all parties to ensure humanitarian assistance;

 2. Decides to remain seized of the matter;
"""

# A/RES/77/276: the question an operative paragraph quotes, with its own list, is operative matter
QUOTED = """The General Assembly,

 Recalling its resolutions,

 Decides to request the International Court of Justice to render an advisory opinion on the following
question:

 “Having particular regard to the Charter of the United Nations,

 (a) What are the obligations of States?

 (b) What are the legal consequences?”
"""

# S/RES/2551 (2020): a label printed alone on its line, then the next paragraph on the page after
LABEL_ALONE = """The Security Council,

 Recalling its resolutions,

 1. Reaffirms that the arms embargo applies;

 (i)

2/14
S/RES/2551 (2020)
 2. Decides that the embargo shall not apply to deliveries;

 3. Decides to remain seized of the matter;
"""


@pytest.mark.parametrize("text, ids", [
    (BASIC, ["pp1", "pp2", "pp3", "op1", "op2"]),
    (NO_COMMA, ["pp1", "pp2", "op1", "op2"]),
    (QUOTED, ["pp1", "uop1", "uop2", "uop2.a", "uop2.b"]),
    (FOOTNOTES, ["pp1", "op1", "op2"]),
    (COVER, ["pp1", "op1"]),
    (SECTIONS, ["I.pp1", "I.op1", "I.op2", "II.op1", "II.op1.a", "II.op1.b"]),
    (UNNUMBERED, ["pp1", "uop1"]),
    # numbering that restarts where the text marks no section (an agreement's articles): one id, one clause
    (RESTARTED, ["pp1", "op1", "op2", "op1~2", "op2~2"]),
])
def test_clause_ids(text, ids):
    assert [c.id for c in segment(text, "t.txt").clauses] == ids


def test_a_label_alone_does_not_take_the_next_numbered_paragraph():
    # the running header (the resolution's symbol) and the page number between them are page furniture
    clauses = segment(LABEL_ALONE, "t.txt", DocumentInfo(symbol="S/RES/2551 (2020)")).clauses
    assert [c.id for c in clauses] == ["pp1", "op1", "op1.i", "op2", "op3"]
    assert clauses[3].body.text.startswith("Decides that the embargo")


def test_hyphen_split_across_lines_is_one_word():
    doc = segment(BASIC, "t.txt")
    pp3 = doc.clauses[2]
    assert "Secretary-General on human rights defenders" in pp3.body.text
    # the clause body still maps back to the source
    i = pp3.body.text.index("General on")
    assert BASIC[pp3.body.source_offset(i):].startswith("General on")


def test_footnotes_are_lifted_out_and_anchored():
    doc = segment(FOOTNOTES, "t.txt")
    assert [(f.id, f.anchor) for f in doc.footnotes] == [("fn1", "pp1"), ("fn2", "pp1"), ("fn3", "pp1")]
    pp1 = doc.clauses[0].body.text
    assert "Political Rights and" in pp1  # marker 1 removed
    assert "21 March 2019 and" in pp1  # marker 2 cut from the year it was glued to
    assert pp1.endswith("Rapporteur,")  # marker 3 removed
    assert doc.clauses[2].body.text == "Decides to remain seized of the matter."  # page furniture gone
    note = doc.footnotes[2]
    assert FOOTNOTES[note.span[0]:note.span[1]] == "3 E/CN.4/2002/106 and Add.1 and 2."


def test_cover_page_is_read():
    info = segment(COVER, "t.txt").info
    assert (info.symbol, info.body, info.session, info.date) == ("A/RES/76/174", "General Assembly", "76", "2021-12-16")
    assert info.title == "Human rights defenders"
    assert info.agenda_item == "74 (b)"
    assert "A/76/462/Add.2" in info.originating_document


@pytest.mark.parametrize("text, verbs", [
    (BASIC, ["Recalling", "Noting with deep concern", "Emphasizing", "Calls upon", "Requests"]),
    (UNNUMBERED, ["Recalling", "Decides"]),
])
def test_opening_verbs(text, verbs):
    from graph_builder.find.verbs import opening

    assert [opening(c.body.text).phrase for c in segment(text, "t.txt").clauses] == verbs


def test_footnote_without_marker_is_a_diagnostic():
    text = " The General Assembly,\n\n Recalling the Charter,\n_______________\n7 A note nobody marks.\n"
    doc = segment(text, "t.txt")
    assert doc.footnotes[0].anchor == ""
    assert [d.code for d in doc.diagnostics] == ["footnote-without-marker"]


def test_a_repeated_clause_id_is_renamed_with_a_diagnostic():
    doc = segment(RESTARTED, "t.txt")
    renamed = [d for d in doc.diagnostics if d.code == "duplicate-clause-id"]
    assert [d.clause for d in renamed] == ["op1~2", "op2~2"]
    assert all(d.span and d.span[1] > d.span[0] for d in renamed)
