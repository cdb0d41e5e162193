"""The text users pull out of the UN's PDFs: table-driven cases, each a short real excerpt.

The excerpts are cut from the output of `pdftotext -layout`, plain `pdftotext`
and pypdf's `extract_text()` on the UN's own PDFs of A/RES/80/105, A/RES/80/5,
A/RES/80/127, A/RES/80/137, A/RES/80/226 and A/HRC/RES/59/25 (long lines
shortened; page breaks are pdftotext's form feeds).
"""
from __future__ import annotations

import pytest

from graph_builder.readers.normalize import normalize
from graph_builder.readers.segment import segment, spaced_marker

FF = "\f"

# -- pdftotext -layout: every line indented by the page margin, which differs between pages ----------

LAYOUT_COVER = """                United Nations                                                 A/RES/80/105
                General Assembly                                        Distr.: General
                                                                        8 December 2025

Eightieth session
Agenda item 58
Implementation of the Declaration on the Granting
of Independence to Colonial Countries and Peoples


                Resolution adopted by the General Assembly
                on 5 December 2025
                [on the report of the Special Political and Decolonization Committee
                (Fourth Committee) (A/80/537, para. 15)]

  80/105.       Implementation of the Declaration on the Granting of
                Independence to Colonial Countries and Peoples

                      The General Assembly,
                     Having examined the report of the Special Committee on the Situation with
                regard to the Implementation of the Declaration on the Granting of Independence to
                Colonial Countries and Peoples for 2025, 1
                       Recalling its resolution 1514 (XV) of 14 December 1960, containing the
                Declaration on the Granting of Independence to Colonial Countries and Peoples, and
                all its subsequent resolutions concerning the implementation of the Declaration,
                    Taking note of the report of the Secretary-General on the Fourth International
                Decade for the Eradication of Colonialism, 2 submitted pursuant to resolution 75/123,

        _______________
            1
                Official Records of the General Assembly, Eightieth Session, Supplement No. 23 (A/80/23).
            2
                A/80/80.




25-20120 (E)
*2520120*
"""

LAYOUT_PAGE2 = FF + """                                                                             Implementation of the Declaration on the Granting
A/RES/80/105                                                                 of Independence to Colonial Countries and Peoples


                   and reaffirming in this regard its continued commitment to decolonization and the
                   eradication of colonialism,
                         Regretting that measures to eliminate colonialism by 2020, as called for in its
                   resolution 65/119 of 10 December 2010, have not been successful,
                         1.   Reaffirms its resolution 1514 (XV) and all other resolutions and decisions
                   on decolonization;
                        2.    Reaffirms once again that the existence of colonialism in any form or
                   manifestation is incompatible with the Charter of the United Nations, the Declaration on
                   the Granting of Independence to Colonial Countries and Peoples 3 and the Universal
                   Declaration of Human Rights; 4
                         3.    Requests the Special Committee to continue to seek suitable means for the
                   immediate and full implementation of the Declaration, and in particular:
                         (a) To formulate specific proposals to bring about an end to colonialism and
                   to report thereon to the General Assembly at its eighty-first session;
                         (b) To continue to examine the implementation by Member States of
                   resolution 1514 (XV);

         _______________
               3
                   Resolution 1514 (XV).
               4
                   Resolution 217 A (III).

2/3                                                                                                                   25-20120
"""

LAYOUT_PAGE3 = FF + """Implementation of the Declaration on the Granting
of Independence to Colonial Countries and Peoples                                                              A/RES/80/105


                     4.    Requests the Secretary-General to continue to review the resources at the
               disposal of the Special Committee, as mandated in relevant General Assembly resolutions,
               including, especially, in paragraph 3 of the present resolution.

                                                                                  55th plenary meeting
                                                                                     5 December 2025


25-20120                                                                                                                3/3
"""

LAYOUT = LAYOUT_COVER + LAYOUT_PAGE2 + LAYOUT_PAGE3

# -- plain pdftotext: no indentation at all, "1." alone on its line, a page's markers before its notes ---

PLAIN = """A/RES/80/105

United Nations

General Assembly

Distr.: General
8 December 2025

Eightieth session
Agenda item 58
Implementation of the Declaration on the Granting
of Independence to Colonial Countries and Peoples

Resolution adopted by the General Assembly
on 5 December 2025
[on the report of the Special Political and Decolonization Committee
(Fourth Committee) (A/80/537, para. 15)]

80/105.

Implementation of the Declaration on the Granting of
Independence to Colonial Countries and Peoples
The General Assembly,
Having examined the report of the Special Committee on the Situation with
regard to the Implementation of the Declaration on the Granting of Independence to
Colonial Countries and Peoples for 2025, 1
Recalling its resolution 1514 (XV) of 14 December 1960, containing the
Declaration on the Granting of Independence to Colonial Countries and Peoples,
Taking note of the report of the Secretary-General on the Fourth International
Decade for the Eradication of Colonialism, 2 submitted pursuant to resolution 75/123,

_______________
1
2

Official Records of the General Assembly, Eightieth Session, Supplement No. 23 (A/80/23).
A/80/80.

25-20120 (E)

*2520120*

\fImplementation of the Declaration on the Granting
of Independence to Colonial Countries and Peoples

A/RES/80/105

and reaffirming in this regard its continued commitment to decolonization and the
eradication of colonialism,
1.
Reaffirms its resolution 1514 (XV) and all other resolutions and decisions
on decolonization;
2.
Requests the Special Committee to continue to seek suitable means for the
immediate and full implementation of the Declaration, and in particular:
(a)
To formulate specific proposals to bring about an end to colonialism;
(b) To continue to examine the implementation by Member States of
resolution 1514 (XV);
55th plenary meeting
5 December 2025

2/2

25-20120

"""

# -- pypdf: one space before a paragraph's first line, markers glued, header after the notes -----------

PYPDF = """ United Nations  A/RES/80/105 
 
General Assembly 
 
Distr.: General 
8 December 2025 
25-20120 (E) 
*2520120*  
 
Eightieth session 
Agenda item 58 
Implementation of the Declaration on the Granting 
of Independence to Colonial Countries and Peoples  
 
  Resolution adopted by the General Assembly 
on 5 December 2025 
 
[on the report of the Special Political and Decolonization Committee 
(Fourth Committee) (A/80/537, para. 15)] 
 
 80/105. Implementation of the Declaration on the Granting of 
Independence to Colonial Countries and Peoples 
 
 The General Assembly, 
 Having examined the report of the Special Committee on the Situation with 
regard to the Implementation of the Declaration on the Granting of Independence to 
Colonial Countries and Peoples for 2025,1 
 Taking note of the report of the Secretary-General on the Fourth International 
Decade for the Eradication of Colonialism,2 submitted pursuant to resolution 75/123, 
_______________ 
 1 Official Records of the General Assembly, Eightieth Session, Supplement No. 23 (A/80/23). 
 2 A/80/80. 
Implementation of the Declaration on the Granting 
of Independence to Colonial Countries and Peoples A/RES/80/105 
 
2/2 25-20120 
 
and reaffirming in this regard its continued commitment to decolonization and the 
eradication of colonialism, 
 1. Reaffirms its resolution 1514 (XV) and all other resolutions and decisions 
on decolonization. 
 
55th plenary meeting 
5 December 2025 
"""


def ids(text: str) -> list[str]:
    return [c.id for c in segment(text, "x").clauses]


@pytest.mark.parametrize("text, expected", [
    (LAYOUT, ["pp1", "pp2", "pp3", "pp4", "op1", "op2", "op3", "op3.a", "op3.b", "op4"]),
    (PLAIN, ["pp1", "pp2", "pp3", "op1", "op2", "op2.a", "op2.b"]),
    (PYPDF, ["pp1", "pp2", "op1"]),
], ids=["layout", "plain", "pypdf"])
def test_paragraphs_without_blank_lines(text, expected):
    assert ids(text) == expected


@pytest.mark.parametrize("text", [LAYOUT, PLAIN, PYPDF], ids=["layout", "plain", "pypdf"])
def test_cover_and_closing_lines(text):
    info = segment(text, "x").info
    assert info.symbol == "A/RES/80/105"
    assert info.date == "2025-12-05"  # "Resolution adopted by the General Assembly" / "on 5 December 2025"
    assert info.title == "Implementation of the Declaration on the Granting of Independence to Colonial Countries and Peoples"
    assert info.originating_document.endswith("(A/80/537, para. 15)")
    assert info.meeting == "55th plenary meeting"


@pytest.mark.parametrize("text, anchors", [
    (LAYOUT, {"1": "pp1", "2": "pp3", "3": "op2", "4": "op2"}),
    (PLAIN, {"1": "pp1", "2": "pp3"}),
    (PYPDF, {"1": "pp1", "2": "pp2"}),
], ids=["layout", "plain", "pypdf"])
def test_footnotes_and_their_markers(text, anchors):
    doc = segment(text, "x")
    assert {f.marker: f.anchor for f in doc.footnotes} == anchors
    bodies = {f.marker: f.body.text for f in doc.footnotes}
    assert bodies["2"] == "A/80/80."
    assert bodies["1"].startswith("Official Records of the General Assembly")


@pytest.mark.parametrize("text", [LAYOUT, PLAIN, PYPDF], ids=["layout", "plain", "pypdf"])
def test_page_furniture_stays_out_of_the_clauses(text):
    doc = segment(text, "x")
    joined = " ".join(c.body.text for c in doc.clauses)
    for furniture in ("25-20120", "2520120", "A/RES/80/105", "2/3", "2/2", "Colonial Countries and Peoples and reaffirming"):
        assert furniture not in joined
    # the page break joins the preambular paragraph's two halves
    taking_note = next(c for c in doc.clauses if c.body.text.startswith("Taking note"))
    assert taking_note.body.text.endswith("and reaffirming in this regard its continued commitment to "
                                          "decolonization and the eradication of colonialism,")


def test_margins_are_measured_per_page():
    layout = normalize(LAYOUT)
    first = {ln.text.strip()[:12]: ln.indent for ln in layout.lines}
    # page 1's block starts at column 16, page 2's at 19, page 3's at 15: a first line is indented against its own page
    assert first["Having exami"] > 0 and first["regard to th"] == 0
    assert first["Regretting t"] > 0 and first["eradication "] == 0
    assert first["4.    Reques"] > 0 and first["disposal of "] == 0


# -- footnote markers printed as words of their own -------------------------------------------------

@pytest.mark.parametrize("text, label, found", [
    ("the Declaration on the Granting of Independence to Colonial Countries and Peoples 3 and the Universal", "3", True),
    ("Recalling the Rio Declaration on Environment and Development, Agenda 21, 4 the Programme", "4", True),
    ("established pursuant to resolution 72/55, 1 of the Group of Governmental Experts", "1", True),
    ("held in Geneva from 10 to 12 December 2003, 6 and endorsed by the General Assembly", "6", True),
    ("6/7 of 1 March 2024 5 on combating sand and dust storms", "5", True),
    ("the Sixth Assessment Report of the Intergovernmental Panel on Climate Change 3 and the findings", "3", True),
    ("in its report entitled “Our Common Agenda”, 16 to improve digital cooperation", "16", True),
    ("noncommunicable diseases held in 2011, 1 2014 and 2018", "1", True),
    ("the Informal Consultative Process at its twenty-fifth meeting 4 and the report", "4", True),
    ("including, especially, in paragraph 7 of the present resolution", "7", False),
    ("1,622 persons were affected, with 22 fatalities", "22", False),
    ("Noting that the Pacific regional seminar was held in Dili from 21 to 23 May", "21", False),
    ("in accordance with paragraphs 3, 4 and 5 of its resolution", "4", False),
    ("its Goal 13 on taking urgent action to combat climate change", "13", False),
    ("to be reduced by 43 per cent by 2030", "43", False),
    ("a period of 3 years", "3", False),
    ("article 2 (2) of the Paris Agreement", "2", False),
])
def test_spaced_markers(text, label, found):
    assert (spaced_marker(text, label, 0) is not None) is found


# -- the Human Rights Council's footnotes: no rule, outdented, a bare page number ------------------------

HRC = """                 United Nations                                                    A/HRC/RES/59/25

                      The Human Rights Council,
                       Guided by the Charter of the United Nations, and reaffirming the Universal
                Declaration of Human Rights, the International Covenant on Economic, Social and Cultural
                Rights and the Vienna Declaration and Programme of Action,
                       Reaffirming the United Nations Framework Convention on Climate Change and the
                Paris Agreement adopted under the Convention,1 and the objective and principles thereof,
                and emphasizing that Parties should, in all climate change-related actions, fully respect,
                       Recalling that the Paris Agreement2 acknowledges that climate change is a common
                concern of humankind and that Parties should, when taking action to address climate change,


            1   See FCCC/CP/2015/10/Add.1, decision 1/CP.21, annex.
            2   Adopted under the United Nations Framework Convention on Climate Change; see
                FCCC/CP/2015/10/Add.1, decision 1/CP.21.


GE.25-11220 (E)
\f
2
                                                                                                 A/HRC/RES/59/25


    respect, promote and consider their respective obligations on human rights,
            1.   Decides to remain seized of the matter.
"""


def test_hrc_footnotes_without_a_rule():
    doc = segment(HRC, "x", )
    assert [c.id for c in doc.clauses] == ["pp1", "pp2", "pp3", "op1"]
    assert {f.marker: f.anchor for f in doc.footnotes} == {"1": "pp2", "2": "pp3"}
    assert doc.footnotes[1].body.text.endswith("see FCCC/CP/2015/10/Add.1, decision 1/CP.21.")
    assert doc.clauses[2].body.text.endswith("climate change, respect, promote and consider their respective "
                                             "obligations on human rights,")


# -- annexes after the closing lines, boxed text in the annex -----------------------------------------

ANNEX = """                      The General Assembly
                      Adopts the Doha Political Declaration of the “World Social Summit”, as contained
                 in the annex to the present resolution.

                                                                                   28th plenary meeting
                                                                                      4 November 2025

                 Annex
                 Doha Political Declaration of the “World Social Summit” under the title “the
                 Second World Summit for Social Development”
                 1.    We, Heads of State and Government and high representatives, have gathered in
                 Doha from 4 to 6 November 2025 at the Second World Summit for Social Development;
                 2.    We acknowledge the urgent need to address profound social challenges.

                 Prison conditions

                      Model strategy No. 6
                      Prison authorities should intensify efforts to align prison management
                      and conditions with the Nelson Mandela Rules and the Bangkok Rules
                      in order to reduce the likelihood of reoffending upon release.

                 3. In line with the Nelson Mandela Rules and the Bangkok Rules, States should establish
                 rehabilitative prison environments.
""" + FF


def test_annex_after_the_closing_lines():
    doc = segment(ANNEX, "x")
    got = [c.id for c in doc.clauses]
    assert got[0] == "uop1"
    assert [i for i in got if i.startswith("annex1.p")] == ["annex1.p1", "annex1.p2", "annex1.p3"]
    assert doc.info.date == "2025-11-04"
    # the boxed strategy is one paragraph, not one a line
    boxed = [c for c in doc.clauses if c.body.text.startswith("Model strategy No. 6")]
    assert len(boxed) == 1 and boxed[0].body.text.endswith("upon release.")


ANNEX_LABELS = """The General Assembly,

1. Adopts the principles annexed to the present resolution.

Annex
{again}
United Nations principles for consumer product safety

1. All products offered to consumers are safe.

(a). Products are labelled;

(b). Recalls are public.
"""


@pytest.mark.parametrize("again", ["", "\nAnnex\n", "\nAnnex United Nations principles\n"],
                         ids=["once", "twice", "with-title"])
def test_the_annex_label_is_its_first_paragraph_once(again):
    # the UN's markup makes the printed "Annex" the annex's first paragraph; printed again (the attachment's
    # label above the annex's own, or the label with the title) it is one; "(a)." is a label like "(a)"
    got = [c for c in segment(ANNEX_LABELS.format(again=again), "x").clauses if c.kind == "annex"]
    assert [c.id for c in got] == ["annex1.up1", "annex1.up2", "annex1.p1", "annex1.p1.a", "annex1.p1.b"]
    assert got[0].body.text == ("Annex United Nations principles" if "United" in again else "Annex")
    assert got[1].body.text == "United Nations principles for consumer product safety"
    assert got[-1].body.text == "Recalls are public."


# -- plain pdftotext: headings with no blank line, a paragraph number printed without its full stop -------

PLAIN_HEADINGS = """The General Assembly,
Recalling its resolution 79/126 of 4 December 2024,
1.
Reaffirms the role of the General Assembly in encouraging the progressive
development of international law and its codification;
2
Also reaffirms the important role of the International Law Commission in
the promotion of the progressive development of international law;
3.
Further reaffirms the imperative of upholding and promoting the rule of
law at the international level;
Prevention and control of noncommunicable diseases
4.
Decides to remain seized of the matter.
"""


def test_a_few_words_ending_in_a_colon_are_a_heading():
    # S/RES/2779 (2025): "Reporting:" between operative paragraphs heads the next ones; "Decides:" is a clause
    text = ("The Security Council,\n\nRecalling its previous resolutions,\n\n1. Decides to extend the mandate;\n\n"
            "Reporting:\n\n2. Requests the Secretary-General to report;\n\nDecides:\n\n(a) To remain seized;\n")
    # (the heading is read as one, then folded away as the contract has it)
    doc = segment(text, "x")
    assert [c.id for c in doc.clauses] == ["pp1", "op1", "op2", "uop1", "uop1.a"]
    assert all(c.body.text != "Reporting:" for c in doc.clauses)
    assert doc.clauses[3].body.text == "Decides:"


def test_plain_headings_and_skipped_numbers():
    doc = segment(PLAIN_HEADINGS, "x")
    # the heading ends paragraph 3 (read as a heading, then folded away: no clause of the contract's)
    assert [c.id for c in doc.clauses] == ["pp1", "op1", "op2", "op3", "op4"]
    assert doc.clauses[2].body.text.startswith("Also reaffirms")
    assert doc.clauses[3].body.text.endswith("at the international level;")


# -- a Security Council resolution with no closing line, its annexes opened by "Annex A – title" ------------

SC_ANNEX = """The Security Council,
Recalling all its previous resolutions on the situation in Somalia,
1.
Decides that deliveries of items in Annex A to this resolution shall be notified;
2.
Decides to remain actively seized of the matter.
Annex A – Items subject to a no-objection process
1.
Surface to air missiles, including Man-Portable Air-Defence Systems
(MANPADS);
2.
Weapons with a calibre greater than 14.5 mm.
Annex B – Improvised Explosive Devices (IED) Components
1.
Explosive materials, as follows.
"""


def test_annex_opened_by_a_titled_annex_line():
    # Annex B numbers again from 1 inside the one annex the golds count: the repeated id gets ~2, one IRI a clause
    got = [c.id for c in segment(SC_ANNEX, "x").clauses]
    assert got == ["pp1", "op1", "op2", "annex1.up1", "annex1.p1", "annex1.p2", "annex1.up2", "annex1.p1~2"]


# -- headings of the operative part are no clauses (the contract folds them away) --------------------------

FOLD_PREAMBLE = "The General Assembly,\nRecalling its resolution 79/144 of 12 December 2024,\n"


@pytest.mark.parametrize("body, ids", [
    # plain pdftotext: a section's number and title between the preamble and paragraph 1, numbering run on
    ("I\nImplementation of the Convention\n1.\nReaffirms the unified character of the Convention;\n"
     "II\nCapacity-building\n2.\nRecognizes the importance of assisting developing States;\n",
     ["pp1", "op1", "op2"]),
    # a heading of more than fifteen words (layout text: blank lines around it) is an unnumbered operative paragraph
    ("1.\nReaffirms the unified character of the Convention;\n\n"
     "Regular Process for Global Reporting and Assessment of the State of the Marine Environment, including "
     "Socioeconomic Aspects\n\n2.\nRecalls its previous decisions regarding the Regular Process;\n",
     ["pp1", "op1", "uop1", "op2"]),
    # a heading in the preamble, preambular paragraphs after it, stays a paragraph, as the markup has it
    ("\nDegrading the threat posed by Al-Shabaab\n\nNoting the report of the Secretary-General,\n"
     "1.\nDecides to extend the mandate;\n", ["pp1", "pp2", "pp3", "op1"]),
    # a footnote marker after the final comma ends the paragraph all the same: no title
    ("Having examined the report of the Secretary-General on the implementation of\nresolution 79/16, 2\n"
     "1.\nUrges all parties to consider taking the steps required;\n", ["pp1", "pp2", "op1"]),
    # a clause the next page's heading ran into keeps its id
    ("Acting under Chapter VII of the Charter of the United Nations,\nArms Embargo\n"
     "1.\nDecides to renew the authorizations;\n", ["pp1", "pp2", "op1"]),
    # "(a) …" after a preambular paragraph ending in a colon is its sub-paragraph (layout text, A/RES/80/116)
    ("\nRecalling the advisory opinion, in which the Court stated that:\n\n(a) Israel has an obligation to "
     "ensure the basic needs;\n\n(b) Israel has an obligation to cooperate in good faith;\n\n"
     "Welcoming the ceasefire agreement,\n\n1.\nDemands full compliance;\n",
     ["pp1", "pp2", "pp2.a", "pp2.b", "pp3", "op1"]),
], ids=["sections-run-on", "long-heading", "preamble-heading", "marker-after-comma", "clause-ran-into-heading",
        "preamble-list"])
def test_operative_headings_are_folded(body, ids):
    assert [c.id for c in segment(FOLD_PREAMBLE + body, "x").clauses] == ids


# -- plain pdftotext: a two-line paragraph printed number, last line, first line ---------------------------

@pytest.mark.parametrize("body, ids, verb_text", [
    # "2." / "Agency;" / "" / "Appeals …": one paragraph, its first line back after the number (A/RES/80/7)
    ("2.\nAgency;\n\nAppeals to Member States to continue to support the activities of the\n\n"
     "3.\nRequests the Secretary-General to transmit the records;\n",
     ["pp1", "op1", "op2", "op3"], "Appeals to Member States to continue to support the activities of the Agency;"),
    # the last paragraph, before the closing lines (A/RES/80/1)
    ("2.\nsession.\n\nFurther decides that these procedures shall apply only during the eightieth\n",
     ["pp1", "op1", "op2"], "Further decides that these procedures shall apply only during the eightieth session."),
    # a paragraph that ends with a mark after a finished one is a paragraph of its own
    ("2.\nAgency;\n\nAppeals to Member States to continue to support the Agency;\n\n3.\nRequests the report;\n",
     ["pp1", "op1", "op2", "uop1", "op3"], "Agency;"),
], ids=["two-lines", "last-paragraph", "finished"])
def test_plain_two_line_paragraph_out_of_order(body, ids, verb_text):
    text = ("The General Assembly,\nRecalling its resolution 79/144 of 12 December 2024,\n"
            "1.\nWelcomes the report of the Secretary-General;\n" + body)
    doc = segment(text, "x")
    assert [c.id for c in doc.clauses] == ids
    op = doc.clauses[2]
    assert op.body.text == verb_text
    first = verb_text.split()[0]
    assert op.span[0] == text.index("2.") and op.span[1] >= text.index(first) + len(first)
