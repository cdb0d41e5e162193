"""graph_builder.readers.akn: AKN4UN XML -> SourceDocument."""
from __future__ import annotations

import json

import pytest

from graph_builder.errors import InputError
from graph_builder.readers.akn import read_akn, symbol_of
from graph_builder.readers.metadata import iso_date, parse_line, read_metadata

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"

META = """<meta><identification source="#x"><FRBRWork>
  <FRBRthis value="/akn/un/statement/deliberation/unga/2021-12-16/76-174/!main/"/>
  <FRBRuri value="/akn/un/statement/deliberation/unga/2021-12-16/76-174/"/>
  <FRBRdate date="2021-12-16" name="adoption"/><FRBRauthor href="ga" as="author"/>
</FRBRWork></identification></meta>"""

COVER = """<coverPage>
  <p><docNumber refersTo="#symbol">A/RES/76/174</docNumber></p>
  <p><docAuthority refersTo="#issuingBody">General Assembly</docAuthority></p>
  <p><session refersTo="#generalAssembly" value="76">Seventy-sixth session</session></p>
  <p><inline name="agenda item">Agenda item 74 (b)</inline></p>
  <p><inline name="agenda item name">Promotion and protection of human rights</inline></p>
  <p><docProponent>[on the report of the Third Committee (<inline name="originating document">A/76/462/Add.2, para. 114</inline>)]</docProponent></p>
</coverPage>
<preface><p><docNumber>76/174.</docNumber><docTitle><span class="bold">  Human rights
  defenders</span></docTitle></p></preface>"""

BODY = """<preamble>
  <formula name="enactingFormula"><p><span class="italic">The General Assembly</span>,</p></formula>
  <container name="Guided"><p>\t<span class="italic">Guided</span> by the Universal Declaration of Human Rights,<authorialNote marker="1"><p>\t\tResolution <a href="https://undocs.org/en/A/RES/217(III)">217 A (III)</a>.</p></authorialNote> and other instruments,</p></container>
  <container name="Recalling"><p><span class="italic">Recalling</span> its resolution <a href="https://undocs.org/en/A/RES/53/144">53/144</a> and <a href="https://undocs.org/75/291">75/291</a>,</p></container>
</preamble>
<mainBody>
  <paragraph><num>1.</num><content><p><span class="italic">Calls upon</span> States to act;<authorialNote marker="2"><p>See <a href="https://undocs.org/en/A/HRC/RES/13/13">13/13</a>.</p></authorialNote></p></content></paragraph>
  <paragraph><num>2.</num><list><intro><p><span class="italic">Requests</span> the Secretary-General:</p></intro>
    <point><num>(a)</num><content><p>To report;</p></content></point>
    <point><num>(b)</num><content><p>To act on <a href="https://undocs.org/en/S/RES/1325%20(2000)">1325 (2000)</a>;</p></content></point>
  </list></paragraph>
  <paragraph><subheading>Measures</subheading></paragraph>
  <section><num>II</num><heading>Other matters</heading>
    <crossHeading><span class="italic">Noting</span> the report,</crossHeading>
    <paragraph><num>3.</num><content><p><span class="italic">Decides</span> to remain seized.</p></content></paragraph>
  </section>
</mainBody>
<conclusions><p><inline name="adoptionMeeting">53rd plenary meeting</inline><eol/><docDate date="2021-12-16" refersTo="#adoptionDate">16 December 2021</docDate></p></conclusions>"""


def akn(inner: str) -> bytes:
    return f'<akomaNtoso xmlns="{NS}"><statement name="resolution">{inner}</statement></akomaNtoso>'.encode()


@pytest.fixture(scope="module")
def doc():
    return read_akn(akn(META + COVER + BODY), "snippet.xml")


def clause(doc, cid):
    return next(c for c in doc.clauses if c.id == cid)


@pytest.mark.parametrize("cid,kind,verb", [
    ("pp1", "preambular", "Guided"),
    ("pp2", "preambular", "Recalling"),
    ("op1", "operative", "Calls upon"),
    ("op2", "operative", "Requests"),
    ("op2.a", "operative", ""),
    ("op2.b", "operative", ""),
    ("uop1", "operative", ""),
    ("II.pp1", "preambular", "Noting"),
    ("II.op3", "operative", "Decides"),
])
def test_clause_ids_kinds_verbs(doc, cid, kind, verb):
    c = clause(doc, cid)
    assert (c.kind, c.verb_hint) == (kind, verb)


def test_clause_order(doc):
    assert [c.id for c in doc.clauses] == ["pp1", "pp2", "op1", "op2", "op2.a", "op2.b", "uop1", "II.pp1", "II.op3"]


@pytest.mark.parametrize("cid,text", [
    ("pp1", "Guided by the Universal Declaration of Human Rights,1 and other instruments,"),
    ("op1", "1. Calls upon States to act;2"),
    ("op2", "2. Requests the Secretary-General:"),
    ("op2.b", "(b) To act on 1325 (2000);"),
    ("uop1", "Measures"),
    ("II.op3", "3. Decides to remain seized."),
])
def test_clause_spans_quote_the_text(doc, cid, text):
    c = clause(doc, cid)
    assert doc.text[c.span[0]:c.span[1]] == text


@pytest.mark.parametrize("cid,body", [
    ("pp1", "Guided by the Universal Declaration of Human Rights, and other instruments,"),
    ("op1", "Calls upon States to act;"),
    ("op2.a", "To report;"),
])
def test_body_drops_markers_and_numbers_and_maps_back(doc, cid, body):
    c = clause(doc, cid)
    assert c.body.text == body
    s, e = c.body.source_span(0, len(c.body.text))
    assert c.span[0] <= s < e <= c.span[1]
    i = c.body.text.index("and") if "and" in c.body.text else 0
    j = c.body.source_offset(i)
    assert doc.text[j:j + 3] == c.body.text[i:i + 3]


def test_markers_and_footnotes(doc):
    pp1 = clause(doc, "pp1")
    assert [(m.label, doc.text[m.source_offset]) for m in pp1.markers] == [("1", "1")]
    assert doc.text[pp1.markers[0].source_offset - 7:pp1.markers[0].source_offset] == "Rights,"
    fns = {f.id: f for f in doc.footnotes}
    assert {k: f.anchor for k, f in fns.items()} == {"fn1": "pp1", "fn2": "op1"}
    assert fns["fn1"].body.text == "Resolution 217 A (III)."
    assert doc.text[fns["fn1"].span[0]:fns["fn1"].span[1]] == "1 Resolution 217 A (III)."
    assert doc.text.index("_______________") < fns["fn1"].span[0]


@pytest.mark.parametrize("owner,symbol,text", [
    ("pp2", "A/RES/53/144", "53/144"),
    ("op2.b", "S/RES/1325(2000)", "1325 (2000)"),
    ("fn1", "A/RES/217(III)", "217 A (III)"),
    ("fn2", "A/HRC/RES/13/13", "13/13"),
])
def test_links(doc, owner, symbol, text):
    holder = next(x for x in list(doc.clauses) + list(doc.footnotes) if x.id == owner)
    assert [(ln.symbol, doc.text[ln.span[0]:ln.span[1]]) for ln in holder.links] == [(symbol, text)]


def test_link_without_organ_prefix_is_skipped(doc):
    assert [ln.symbol for ln in clause(doc, "pp2").links] == ["A/RES/53/144"]


def test_footnote_links_stay_in_footnote(doc):
    assert clause(doc, "pp1").links == () and clause(doc, "op1").links == ()


@pytest.mark.parametrize("field,value", [
    ("symbol", "A/RES/76/174"),
    ("body", "General Assembly"),
    ("session", "76"),
    ("date", "2021-12-16"),
    ("title", "Human rights defenders"),
    ("agenda_item", "74 (b)"),
    ("agenda_item_title", "Promotion and protection of human rights"),
    ("originating_document", "[on the report of the Third Committee (A/76/462/Add.2, para. 114)]"),
    ("meeting", "53rd plenary meeting"),
    ("work_uri", "/akn/un/statement/deliberation/unga/2021-12-16/76-174/"),
])
def test_info(doc, field, value):
    assert getattr(doc.info, field) == value


def test_text_layout(doc):
    assert "\n\nThe General Assembly,\n\nGuided by" in doc.text
    assert doc.text.rstrip().endswith("2 See 13/13.")


@pytest.mark.parametrize("href,symbol", [
    ("https://undocs.org/en/A/RES/53/144", "A/RES/53/144"),
    ("https://undocs.org/A/HRC/RES/13/13", "A/HRC/RES/13/13"),
    ("https://undocs.org/en/S/RES/1988 (2011)", "S/RES/1988(2011)"),
    ("https://undocs.org/en/A/RES/2200%20(XXI)", "A/RES/2200(XXI)"),
    ("https://undocs.org/75/291", ""),
    ("https://example.org/A/RES/1/1", ""),
    ("", ""),
])
def test_symbol_of(href, symbol):
    assert symbol_of(href) == symbol


def test_multiple_statements_annex_and_components():
    data = f"""<akomaNtoso xmlns="{NS}"><documentCollection>{META}{COVER}</documentCollection><components>
      <component><statement><preamble><container name="Noting"><p>Noting,</p></container></preamble>
        <mainBody><paragraph><num>1.</num><content><p><span class="italic">Decides</span> x;</p></content></paragraph></mainBody>
      </statement></component>
      <component><statement><mainBody><paragraph><num>1.</num><content><p><span class="italic">Notes</span> y;</p></content></paragraph></mainBody>
        <attachments><attachment><doc name="annex"><mainBody>
          <paragraph><num>1.</num><content><p>Annex text.<authorialNote marker="3"><p>Note.</p></authorialNote></p></content></paragraph>
          <paragraph><content><p>Unnumbered.</p></content></paragraph>
        </mainBody></doc></attachment></attachments>
      </statement></component></components></akomaNtoso>""".encode()
    d = read_akn(data, "coll.xml")
    assert [(c.id, c.kind) for c in d.clauses] == [
        ("A.pp1", "preambular"), ("A.op1", "operative"), ("B.op1", "operative"),
        ("B.annex1.p1", "annex"), ("B.annex1.up1", "annex")]
    assert [(f.id, f.anchor) for f in d.footnotes] == [("fn3", "B.annex1.p1")]
    assert d.info.symbol == "A/RES/76/174"


def test_footnote_without_marker_gets_a_number_and_a_diagnostic():
    d = read_akn(akn("<preamble><container name='Noting'><p>Noting x<authorialNote><p>Note.</p></authorialNote>,</p>"
                     "</container></preamble>"), "m.xml")
    assert [(f.id, f.anchor, f.marker) for f in d.footnotes] == [("fn1", "pp1", "1")]
    assert "footnote-without-marker" in {g.code for g in d.diagnostics}


HOSTILE = {
    "xxe": b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
           b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement><preamble>'
           b'<container><p>&e;</p></container></preamble></statement></akomaNtoso>',
    "billion-laughs": b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                      + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
                                 for i in range(1, 10))
                      + b']><akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement>'
                        b'<preamble><container><p>&lol9;</p></container></preamble></statement></akomaNtoso>',
    "external-dtd": b'<?xml version="1.0"?><!DOCTYPE x SYSTEM "http://example.invalid/x.dtd">'
                    b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"/>',
    "malformed": b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement>',
    "not-xml": b"Resolution 76/174",
    "empty": b"",
    "wrong-root": b'<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>',
    "wrong-namespace": b"<akomaNtoso><statement><preamble/></statement></akomaNtoso>",
    "no-statement": b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act/></akomaNtoso>',
    "no-body": b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement><meta/>'
               b"</statement></akomaNtoso>",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_bad_input_raises_input_error(name, monkeypatch):
    import builtins
    import urllib.request

    def forbidden(*a, **k):
        raise AssertionError("the reader tried to open a file or URL")

    monkeypatch.setattr(builtins, "open", forbidden)
    monkeypatch.setattr(urllib.request, "urlopen", forbidden)
    with pytest.raises(InputError) as exc:
        read_akn(HOSTILE[name], f"{name}.xml")
    assert exc.value.source == f"{name}.xml"
    assert "\n" not in exc.value.problem
    assert "root:" not in exc.value.problem  # never shows /etc/passwd content


def test_odd_markup_does_not_crash():
    d = read_akn(akn("<preamble><container/><p/><blockList><item><p>x</p></item></blockList></preamble>"
                     "<mainBody><paragraph/><paragraph><num>(i)</num><list><sublist><point/></sublist></list>"
                     "</paragraph><p>loose</p><section/></mainBody>"), "odd.xml")
    assert d.clauses and all(d.text[c.span[0]:c.span[1]] is not None for c in d.clauses)


# -- with ../shared ---------------------------------------------------------------------------

def test_ga_76_174_against_the_hand_gold(shared_dir):
    xml = next((shared_dir / "corpus" / "unxml-ga" / "76session").glob("A_RES_76_174-*.xml"))
    d = read_akn(xml.read_bytes(), xml.name)
    ids = [c.id for c in d.clauses]
    assert ids == [f"pp{i}" for i in range(1, 25)] + [f"op{i}" for i in range(1, 33)]
    gold = json.loads((shared_dir / "eval" / "gold" / "A_RES_76_174.json").read_text(encoding="utf-8"))
    assert {f.id: f.anchor for f in d.footnotes} == {f["id"]: f["anchor"] for f in gold["footnotes"]}
    assert [f.id for f in d.footnotes] == [f"fn{i}" for i in range(1, 12)]
    verbs = {c["id"]: c["verb"] for c in gold["clauses"]}
    assert {c.id: c.verb_hint for c in d.clauses} == verbs
    links = {ln.symbol for c in d.clauses for ln in c.links}
    assert {"A/RES/53/144", "A/HRC/RES/13/13"} <= links
    for c in d.clauses:
        for ln in c.links:
            assert d.text[ln.span[0]:ln.span[1]]
    assert d.info.symbol == "A/RES/76/174" and d.info.date == "2021-12-16" and d.info.session == "76"


def test_metadata_76_174(shared_dir):
    records, problems = read_metadata(shared_dir / "corpus" / "unxml-ga" / "metadata" / "76.json")
    r = records["A/RES/76/174"]
    assert r.adoption_date == "2021-12-16"
    assert r.meeting == "53rd plenary meeting" and r.pv == "A/76/PV.53"
    assert r.adoption_type == "Without a vote" and r.in_favour == () and r.in_favour_count == 0
    assert "ARGENTINA" in r.sponsors and "ALBANIA" in r.additional_sponsors
    assert r.committee == "Third Committee" and r.agenda_item == "74 (b)"
    assert ("HUMAN RIGHTS ACTIVISTS", "UNBIS Thesaurus") in r.subjects
    assert all(isinstance(n, int) for n, _ in problems)


def test_metadata_hrc_quoting_and_votes(shared_dir):
    records, problems = read_metadata(shared_dir / "corpus" / "unxml-hrc" / "metadata" / "58session.json")
    r = records["A/HRC/RES/58/1"]
    assert r.adoption_date == "2025-04-02" and r.draft == "A/HRC/58/L.6"
    assert "CHINA" in r.against and len(r.in_favour) == 24


# -- metadata without ../shared ---------------------------------------------------------------

@pytest.mark.parametrize("text,iso", [
    ("16 December 2021", "2021-12-16"), ("2 April 2025", "2025-04-02"), ("2021-12-16", "2021-12-16"),
    ("", ""), ("sometime", ""), ("31 Smarch 2020", ""),
])
def test_iso_date(text, iso):
    assert iso_date(text) == iso


def test_read_metadata_tolerates_bad_lines(tmp_path):
    good = {"symbol": "A/RES/1/1", "adoption_date": "16 December 2021", "MS_in_favour": ["A", "B"],
            "MS_in_favour_count": "2", "subjects": [["X", "UNBIS Thesaurus"]]}
    lines = [json.dumps(good), '"' + json.dumps({"symbol": "A/HRC/RES/1/1"}) + '"', '"', "", "{broken",
             "[1, 2]", json.dumps({"title": "no symbol"}), json.dumps({"symbol": "A/RES/1/1"})]
    p = tmp_path / "m.json"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    records, problems = read_metadata(p)
    assert set(records) == {"A/RES/1/1", "A/HRC/RES/1/1"}
    r = records["A/RES/1/1"]
    assert (r.adoption_date, r.in_favour, r.in_favour_count, r.subjects) == (
        "2021-12-16", ("A", "B"), 2, (("X", "UNBIS Thesaurus"),))
    assert records["A/HRC/RES/1/1"].in_favour == () and records["A/HRC/RES/1/1"].in_favour_count is None
    assert [n for n, _ in problems] == [5, 6, 7, 8]


def test_parse_line_hrc_quirk():
    assert parse_line('"{"symbol": "A/HRC/RES/58/23"}"\n') == {"symbol": "A/HRC/RES/58/23"}
    assert parse_line('"') is None
