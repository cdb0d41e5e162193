"""French resolutions, read through lang/fr.toml alone: the proof that a language is a data file.

The text in tests/data/fr is written in the UN's French style (A/RES/57/209 shortened: cover page, formula,
preambular participles, numbered operative presents, footnotes under a rule, the closing lines).
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from graph_builder.build import Settings
from graph_builder.errors import LanguageError
from graph_builder.find.verbs import opening, verb_table
from graph_builder.graph.iri import Minter
from graph_builder.graph.rdf import resolution_ntriples
from graph_builder.lang import language
from graph_builder.models import DocumentInfo
from graph_builder.pipeline import extract, read_bytes
from graph_builder.readers.akn import read_akn
from graph_builder.un.dates import iso_date
from graph_builder.un.numbers import ordinal_number

TEXT = Path(__file__).parent / "data" / "fr" / "A_RES_57_209_fr.txt"
FR = DocumentInfo(language="fr")


@pytest.fixture(scope="module")
def res():
    return extract(read_bytes(TEXT.read_bytes(), TEXT.name, FR))


def test_the_cover_page_is_read_in_french(res):
    info = res.info
    assert (info.symbol, info.date, info.session, info.title) == (
        "A/RES/57/209", "2002-12-18", "57", "Défenseurs des droits de l’homme")
    assert info.body == "General Assembly"  # "l’Assemblée générale": the graph's key is the official name
    assert (info.agenda_item, info.meeting, info.language) == ("109 b)", "77e séance plénière", "fr")
    assert info.originating_document == "sur la base du rapport de la Troisième Commission (A/57/556/Add.2)"


def test_clauses_and_their_verbs_are_those_of_english(res):
    got = [(c.id, c.kind, c.verb, c.verb_concept) for c in res.clauses]
    assert got == [
        ("pp1", "preambular", "Rappelant", "recall"),
        ("pp2", "preambular", "Réaffirmant", "reaffirm"),
        ("pp3", "preambular", "Notant avec une profonde préoccupation", "note-with-concern"),
        ("pp4", "preambular", "Profondément préoccupée", "be-concerned"),
        ("pp5", "preambular", "Rappelant", "recall"),
        ("pp6", "preambular", "Se félicitant", "welcome"),
        ("op1", "operative", "Demande", "call-upon"),
        ("op2", "operative", "Se félicite", "welcome"),
        ("op3", "operative", "Condamne", "condemn"),
        ("op4", "operative", "Engage", "call-upon"),
        ("op5", "operative", "Invite", "invite"),
        ("op6", "operative", "Prie", "request"),
        ("op7", "operative", "Décide", "decide"),
    ]


def test_symbols_sessions_agenda_items_and_footnotes(res):
    refs = {c.id: [(r.kind, r.key, " ".join(r.text.split())) for r in c.references] for c in res.clauses}
    assert refs["pp1"][0] == ("resolution", "A/RES/53/144", "sa résolution 53/144")
    # the names the French text prints, by their official names (lang/fr.toml [names])
    assert refs["pp1"][1][:2] == ("instrument", "Declaration on the Right and Responsibility of Individuals, Groups and "
                                  "Organs of Society to Promote and Protect Universally Recognized Human Rights and "
                                  "Fundamental Freedoms")
    assert refs["pp5"] == [("instrument", "International Covenant on Civil and Political Rights",
                            "Pacte international relatif aux droits civils et politiques")]
    assert refs["pp6"] == [("body", "Commission on Human Rights", "Commission des droits de l’homme")]
    assert refs["op6"] == [("resolution", "A/RES/56/163", "sa résolution 56/163")]
    assert refs["op7"] == [("session", "General Assembly, 58th session", "à sa cinquante-huitième session"),
                           ("agenda-item", "Questions relatives aux droits de l’homme",
                            "Questions relatives aux droits de l’homme")]
    notes = {f.id: (f.anchor, [r.key for r in f.references]) for f in res.footnotes}
    assert notes["fn1"] == ("pp5", ["A/RES/2200(XXI)"])
    assert notes["fn2"][0] == "op2"
    assert {"E/CN.4/2001/94", "A/56/341", "E/CN.4/2002/106", "A/57/182"} <= set(notes["fn2"][1])


def test_the_graph_tags_the_printed_text_fr(res):
    nt = resolution_ntriples(res, Minter()).decode()
    assert '"Défenseurs des droits de l’homme"@fr' in nt
    assert '"Rappelant"@fr' in nt and '"Se félicite"@fr' in nt
    assert '<http://purl.org/dc/terms/language> "fr"' in nt
    assert '"Voir résolution 2200 A (XXI), annexe."@fr' in nt
    assert '"General Assembly"@en' in nt  # official names stay the graph's English keys
    assert '"Rappelant"@en' not in nt
    assert '"Questions relatives aux droits de l’homme"@fr' in nt  # an agenda item is labelled as printed
    assert '"General Assembly, 58th session"@en' in nt  # a session's key is composed, in English


def test_an_english_reading_of_the_same_text_finds_next_to_nothing():
    # the seam is real: read as English, the French text has no enacting formula, no verbs, no "résolution"
    res = extract(read_bytes(TEXT.read_bytes(), TEXT.name, DocumentInfo()))
    assert not any(c.verb_concept for c in res.clauses)
    assert "A/RES/53/144" not in {r.key for c in res.clauses for r in c.references}


@pytest.mark.parametrize(("fr", "en"), [
    ("Rappelant", "Recalling"), ("Réaffirmant", "Reaffirming"), ("Prenant note", "Taking note"),
    ("Prend note", "Takes note"), ("Décide", "Decides"), ("Prie", "Requests"), ("Demande", "Calls upon"),
    ("Engage", "Calls upon"), ("Invite", "Invites"), ("Se félicite", "Welcomes"), ("Se félicitant", "Welcoming"),
    ("Prie instamment", "Urges"), ("Exprime sa profonde préoccupation", "Expresses its deep concern"),
    ("Consciente", "Conscious"), ("Convaincu", "Convinced"), ("Ayant examiné", "Having examined"),
    ("Gardant à l’esprit", "Bearing in mind"), ("Condamne énergiquement", "Strongly condemns"),
    ("Rappelant également", "Recalling also"), ("Considérant", "Considering"), ("Souligne", "Stresses"),
])
def test_each_french_form_opens_the_concept_its_english_form_does(fr, en):
    ours, theirs = opening(fr + " le rapport", language("fr")), opening(en + " the report")
    assert ours.concept is not None and ours.concept.id == theirs.concept.id  # type: ignore[union-attr]


def test_every_french_name_is_an_entry_of_the_gazetteers():
    from graph_builder.find.gazetteer import fold, gazetteer

    g = gazetteer(language("fr"))
    assert all(fold(printed) in g.surfaces for printed in language("fr").names)
    assert gazetteer() is gazetteer(language("en"))  # English: the gazetteers as they are


def test_every_french_form_names_a_concept_of_the_table():
    table = verb_table(language("fr"))
    assert {c.id for c in table.concepts} == {c.id for c in verb_table().concepts}
    assert len(table.by_form) > 150


@pytest.mark.parametrize(("words", "n"), [
    ("Cinquante-septième", 57), ("soixante et onzième", 71), ("vingt et unième", 21), ("dixième", 10),
    ("soixante-dix-septième", 77), ("quatre-vingtième", 80), ("quatre-vingt-dix-neuvième", 99), ("première", 1),
    ("unième", 1), ("cinquante", 0),
])
def test_french_ordinals(words, n):
    assert ordinal_number(words, language("fr")) == n


@pytest.mark.parametrize(("text", "iso"), [("18 décembre 2002", "2002-12-18"), ("1er août 1993", "1993-08-01"),
                                           ("31 février 2020", ""), ("18 December 2002", "")])
def test_french_dates(text, iso):
    assert iso_date(text, language("fr")) == iso


SC = """Nations Unies                                                S/RES/1325 (2000)

Résolution 1325 (2000)

Adoptée par le Conseil de sécurité à sa 4213e séance, le 31 octobre 2000

     Le Conseil de sécurité,

     Rappelant ses résolutions 1261 (1999) du 25 août 1999 et 1265 (1999) du 17 septembre 1999,

     Ayant à l’esprit les buts et principes de la Charte des Nations Unies,

     1.    Demande instamment aux États Membres de faire en sorte que les femmes soient davantage représentées ;

     2.    Décide de demeurer activement saisi de la question.
"""


def test_a_security_council_resolution_in_french():
    res = extract(read_bytes(SC.encode(), "sc.txt", FR))
    info = res.info
    assert (info.symbol, info.body, info.date, info.meeting) == (
        "S/RES/1325(2000)", "Security Council", "2000-10-31", "4213e séance")
    assert [(c.id, c.verb_concept) for c in res.clauses] == [
        ("pp1", "recall"), ("pp2", "bear-in-mind"), ("op1", "urge"), ("op2", "decide")]
    assert [r.key for r in res.clauses[0].references][:1] == ["S/RES/1261(1999)"]


AKN = """<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement name="resolution">
<meta><identification source="#x"><FRBRWork><FRBRthis value="/akn/un/statement/deliberation/unga/2002-12-18/57-209/!main/"/>
<FRBRdate date="2002-12-18" name="adoption"/><FRBRauthor href="ga" as="author"/></FRBRWork>
<FRBRExpression><FRBRlanguage language="fra"/></FRBRExpression></identification></meta>
<coverPage><p><docNumber refersTo="#symbol">A/RES/57/209</docNumber></p></coverPage>
<preamble><formula name="enactingFormula"><p><span class="italic">L’Assemblée générale</span>,</p></formula>
<container name="Rappelant"><p><span class="italic">Rappelant</span> sa résolution 53/144 du 9 décembre 1998,</p></container>
</preamble><mainBody>
<paragraph><num>1.</num><content><p><span class="italic">Prie</span> le Secrétaire général de lui faire rapport à sa cinquante-huitième session.</p></content></paragraph>
</mainBody></statement></akomaNtoso>"""


def test_an_akn_file_is_read_in_the_language_its_frbrlanguage_names():
    doc = read_akn(AKN.encode(), "fr.xml")
    assert doc.info.language == "fr"
    res = extract(doc)
    assert [(c.id, c.verb_concept) for c in res.clauses] == [("pp1", "recall"), ("op1", "request")]
    assert [r.key for c in res.clauses for r in c.references] == ["A/RES/53/144", "General Assembly, 58th session"]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "graph_builder", *args], capture_output=True, text=True, timeout=120)


def test_language_option_on_the_command_line():
    ok = run("extract", str(TEXT), "--language", "fra", "--format", "table")
    assert ok.returncode == 0 and "Rappelant" in ok.stdout and "A/RES/53/144" in ok.stdout
    bad = run("extract", str(TEXT), "--language", "tlh")
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "language 'tlh'" in bad.stderr


def test_the_language_is_part_of_the_build_fingerprint():
    assert Settings(Minter(), given=FR).fingerprint() != Settings(Minter()).fingerprint()


def test_an_unknown_language_is_refused_before_anything_is_read():
    from graph_builder import api

    with pytest.raises(LanguageError):
        api.read(TEXT, language="tlh")
    assert api.read(TEXT, language="fr").clauses[0].verb_concept == "recall"


@pytest.mark.parametrize(("text", "keys"), [
    ("E/CN.4/2001/94, A/56/341, E/CN.4/2002/106 et Add.1 et 2, et A/57/182.",
     ["E/CN.4/2001/94", "A/56/341", "E/CN.4/2002/106", "E/CN.4/2002/106/Add.1", "E/CN.4/2002/106/Add.2", "A/57/182"]),
    ("Rappelant ses résolutions 1261 (1999) du 25 août 1999 et 1265 (1999) du 17 septembre 1999,",
     ["S/RES/1261(1999)", "S/RES/1265(1999)"]),
    ("Rappelant la résolution 1325 (2000) du Conseil de sécurité,", ["S/RES/1325(2000)"]),
    ("Rappelant le paragraphe 5 de sa résolution 67/1 et les paragraphes 3 à 5 de la résolution 60/1,",
     ["A/RES/67/1, paragraph 5", "A/RES/67/1", "A/RES/60/1, paragraph 3", "A/RES/60/1, paragraph 4",
      "A/RES/60/1, paragraph 5", "A/RES/60/1"]),
    ("Rappelant ses résolutions pertinentes, notamment 1261 (1999) et 1265 (1999),",
     ["S/RES/1261(1999)", "S/RES/1265(1999)"]),
    ("Rappelant les résolutions pertinentes adoptées par le Conseil des droits de l’homme, notamment la résolution 36/6,",
     ["A/HRC/RES/36/6"]),
    ("Saisie du projet de résolution A/C.3/57/L.5 et rappelant la présente résolution,", ["A/C.3/57/L.5"]),
])
def test_french_lists_of_numbers(text, keys):
    from graph_builder.find.symbols import find_symbol_references

    assert [m.key for m in find_symbol_references(text, "General Assembly", language("fr"))] == keys


@pytest.mark.parametrize(("text", "label", "found"), [
    ("la Déclaration universelle des droits de l’homme 1 et les pactes", "1", (49, 50)),
    ("conformément au paragraphe 1 de la résolution", "1", None),
    ("le 21 mai 2015 et 3 millions de personnes", "3", None),
])
def test_a_spaced_footnote_marker_in_french(text, label, found):
    from graph_builder.readers.segment import spaced_marker

    assert spaced_marker(text, label, 0, language("fr")) == found


def test_the_view_says_its_heading_is_french(res):
    from graph_builder.publish.view import resolution_view_html

    assert '<h1 id="heading" lang="fr">A/RES/57/209: Défenseurs des droits de l’homme</h1>' in resolution_view_html(res)
    english = extract(read_bytes(b"The General Assembly,\n\n1. Decides to act.\n", "t.txt", DocumentInfo(symbol="A/RES/1/1")))
    assert '<h1 id="heading">' in resolution_view_html(english)  # the page's own language, English


def test_a_french_pdf_reads_its_closing_lines_in_french():
    """The PDF reader's lines in words (closing line, date) are the document's language's: the closing
    lines printed before an annex go after it, as in an English PDF."""
    from pdfmaker import make_pdf, text_stream

    lines = ["L'Assemblée générale,", "", "Rappelant sa résolution 53/144 du 9 décembre 1998,", "",
             "1. Prie le Secrétaire général de faire rapport.", "", "77e séance plénière", "18 décembre 2002", "",
             "Annexe", "", "Article premier", "", "Chacun a le droit de promouvoir la protection des droits."]
    doc = read_bytes(make_pdf([text_stream(lines)], latin=True), "made.pdf", DocumentInfo(language="fr"))
    assert (doc.info.meeting, doc.info.date) == ("77e séance plénière", "2002-12-18")
    assert [c.id for c in doc.clauses] == ["pp1", "op1", "annex1.up1", "annex1.up2", "annex1.up3"]
    assert doc.text.rstrip().endswith("18 décembre 2002")  # after the annex
