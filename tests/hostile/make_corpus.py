"""Writes the hostile-input corpus next to this file.  Run once; the files are committed.

    python tests/hostile/make_corpus.py [path/to/shared/corpus]

Every file is small.  The resolution text is an excerpt of A/RES/57/209 (the
first 40 lines of the text pulled from its PDF, plus operative paragraph 1)
and, for the AKN cases, General Assembly resolution 76/15 as the UN marks it up.
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # tests/pdfmaker.py
from pdfmaker import assemble, make_pdf, resolution_pdf  # noqa: E402

CORPUS = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parents[1] / ".." / "shared" / "corpus"

OP1 = (" 1. Calls upon all States to promote and give full effect to the Declaration on \n"
       "the Right and Responsibility of Individuals, Groups and Organs of Society to \n"
       "Promote and Protect Universally Recognized Human Rights and Fundamental \n"
       "Freedoms; \n")
# a paragraph with characters outside ASCII, for the encoding cases
OP2 = (" 2. Welcomes the report entitled “Défenseurs des droits de l’homme” – and its \n"
       "“café” annex; \n")
OP2_LATIN1 = (" 2. Welcomes the report entitled «Défenseurs des droits» and its \n"
              "café annex, naïve as it may be; \n")


def excerpt() -> str:
    lines = (CORPUS / "A_RES_57_209.txt").read_text(encoding="utf-8").splitlines(keepends=True)
    return "".join(lines[:40]) + "\n" + OP1


def tiny_pdf() -> bytes:
    """A valid one-page PDF saying 'Calls upon all States', with a correct xref table."""
    stream = b"BT /F1 12 Tf 72 720 Td (1. Calls upon all States) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    return assemble(objects, version=b"1.4")


AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"

SCRIPT_AKN = f"""<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="{AKN_NS}">
  <statement name="resolution">
    <meta><identification source="#x"><FRBRWork>
      <FRBRthis value="/akn/un/statement/deliberation/unga/2021-12-16/76-999/!main/"/>
      <FRBRuri value="/akn/un/statement/deliberation/unga/2021-12-16/76-999/"/>
      <FRBRdate date="2021-12-16" name="adoption"/><FRBRauthor href="ga" as="author"/>
    </FRBRWork></identification></meta>
    <coverPage>
      <p><docNumber refersTo="#symbol">A/RES/76/999</docNumber></p>
      <p><docAuthority refersTo="#issuingBody">General Assembly</docAuthority></p>
    </coverPage>
    <preface><p><docNumber>76/999.</docNumber><docTitle>&lt;script&gt;alert(1)&lt;/script&gt; "quoted" &amp; &lt;b&gt;bold&lt;/b&gt;</docTitle></p></preface>
    <preamble>
      <formula name="enactingFormula"><p><span class="italic">The General Assembly</span>,</p></formula>
      <container name="Recalling"><p><span class="italic">Recalling</span> its resolution <a href="https://undocs.org/en/A/RES/53/144">53/144</a> and &lt;script&gt;alert(1)&lt;/script&gt;,</p></container>
    </preamble>
    <mainBody>
      <paragraph><num>1.</num><content><p><span class="italic">Requests</span> the Secretary-General to report on &lt;img src=x onerror=alert(1)&gt;;</p></content></paragraph>
    </mainBody>
  </statement>
</akomaNtoso>
"""

XXE = f"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE akomaNtoso [
  <!ENTITY xxe SYSTEM "file:///etc/passwd">
]>
<akomaNtoso xmlns="{AKN_NS}">
  <statement name="resolution">
    <preamble><container name="Recalling"><p>Recalling &xxe;,</p></container></preamble>
    <mainBody><paragraph><num>1.</num><content><p>Decides &xxe;;</p></content></paragraph></mainBody>
  </statement>
</akomaNtoso>
"""

XXE_PARAMETER = """<?xml version="1.0"?>
<!DOCTYPE data [
  <!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd">
  %remote;
]>
<data>x</data>
"""

LAUGHS = ['<?xml version="1.0"?>', "<!DOCTYPE lolz [", ' <!ENTITY lol "lol">']
LAUGHS.append(' <!ENTITY lol1 "' + "&lol;" * 10 + '">')
for i in range(2, 10):
    LAUGHS.append(f' <!ENTITY lol{i} "' + f"&lol{i - 1};" * 10 + '">')
LAUGHS.append("]>")
LAUGHS.append(f'<akomaNtoso xmlns="{AKN_NS}"><statement name="resolution"><mainBody><paragraph><num>1.</num>'
              "<content><p>Decides &lol9;;</p></content></paragraph></mainBody></statement></akomaNtoso>")
BILLION_LAUGHS = "\n".join(LAUGHS) + "\n"

NOT_AKN = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>UN News</title>
<item><title>General Assembly adopts resolution 57/209</title></item></channel></rss>
"""

AKN_NO_STATEMENT = f"""<akomaNtoso xmlns="{AKN_NS}"><act name="law"><body><p>Article 1</p></body></act></akomaNtoso>
"""

NO_STRUCTURE = """Minutes of the coffee committee

We met on Tuesday.  The new machine arrives next week and
nobody may use the old one after Friday.  Milk is in the fridge.

Action: Bob buys filters.
"""

SCRIPT_TXT = (" A/RES/99/1 \n General Assembly \n\n"
              " 99/1. <script>alert(1)</script> and human rights defenders \n\n"
              + excerpt().replace("Recalling its resolution 53/144",
                                  "Recalling its resolution 53/144 and <script>alert(1)</script>", 1))

DIAGNOSTICS_TXT = (" The General Assembly, \n\n"
                   " Recalling that resolution and the Covenant, and resolution 57/ and A/RES/, \n\n"
                   " 1. Requests the Special Rapporteur to report on the Convention1 \n"
                   "and on article 4 of that instrument; \n\n"
                   "_______________ \n"
                   "7 See A/57/999. \n")


def write(name: str, data: bytes | str) -> None:
    path = HERE / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)


def main() -> None:
    good = excerpt()
    write("empty.txt", b"")
    write("whitespace.txt", b" \t\n\r\n   \n\f\n")
    write("binary.txt", bytes(range(256)) * 4)
    write("random_no_nul.txt", bytes((i * 37 + 11) % 256 for i in range(2048)).replace(b"\x00", b"\x01"))
    write("pdf_renamed.txt", tiny_pdf())  # a PDF with a .txt name: read by content, as PDF
    write("good.txt", good)
    write("latin1.txt", (good + OP2_LATIN1).encode("latin-1"))
    write("cp1252.txt", (good + OP2).encode("cp1252"))
    write("utf16le_bom.txt", b"\xff\xfe" + (good + OP2).encode("utf-16-le"))
    write("utf16be_bom.txt", b"\xfe\xff" + (good + OP2).encode("utf-16-be"))
    write("utf16le_nobom.txt", (good + OP2).encode("utf-16-le"))
    write("utf8_bom.txt", b"\xef\xbb\xbf" + (good + OP2).encode("utf-8"))
    write("utf8_bom_invalid.txt", b"\xef\xbb\xbf" + good.encode("utf-8") + b"\xff\xfe broken \xc3\n")
    write("utf16_bom_odd_length.txt", b"\xff\xfe" + good.encode("utf-16-le") + b"\x41")
    write("no_structure.txt", NO_STRUCTURE)
    write("script_clause.txt", SCRIPT_TXT)
    write("script_first_line.txt", "<script>alert(1)</script>\n" + good)
    write("diagnostics.txt", DIAGNOSTICS_TXT)
    akn = (CORPUS / "unxml-ga" / "76session" / "A_RES_76_15-2118169E.xml").read_bytes()
    write("good.xml", akn)
    write("half_downloaded.xml", akn[: len(akn) // 2])
    write("malformed.xml", f'<akomaNtoso xmlns="{AKN_NS}"><statement><preamble><p>Recalling</preamble></akomaNtoso>\n')
    write("not_akn.xml", NOT_AKN)
    write("akn_no_statement.xml", AKN_NO_STATEMENT)
    write("xxe.xml", XXE)
    write("xxe_parameter.xml", XXE_PARAMETER)
    write("billion_laughs.xml", BILLION_LAUGHS)
    write("script_title.xml", SCRIPT_AKN)
    write("text_named.xml", good)  # a text file with an .xml name: read by content, as text
    write("akn_named.txt", akn)  # AKN with a .txt name: read by content, as XML
    # a folder with no inputs (git keeps no empty folder: it holds only files the builder ignores)
    write("no_inputs/README.md", "Nothing to build here.\n")
    write("no_inputs/scan.tiff", b"II*\x00" + bytes(64))  # an image: not an input
    # a folder of good and bad files
    # line breaks other than \n (issue 9): each must read as the same clauses as good.txt
    for name, brk in (("breaks_u2028.txt", "\u2028"), ("breaks_u2029.txt", "\u2029"), ("breaks_nel.txt", "\x85"),
                      ("breaks_formfeed.txt", "\f"), ("breaks_vtab.txt", "\v"), ("breaks_cr.txt", "\r"),
                      ("breaks_crlf.txt", "\r\n")):
        write(name, good.replace("\n", brk).encode("utf-8"))
    # \r\n, \r and \n in turn, line by line
    ends = ("\r\n", "\r", "\n")
    write("breaks_mixed.txt", "".join(ln + ends[i % 3] for i, ln in enumerate(good.split("\n"))).encode("utf-8"))
    write("mixed/a_good.txt", good)
    write("mixed/b_good.xml", akn)
    write("mixed/c_empty.txt", b"")
    write("mixed/d_binary.txt", bytes(range(256)))
    write("mixed/e_half.xml", akn[: len(akn) // 3])
    write("mixed/f_truncated.pdf", tiny_pdf()[:300])
    write("mixed/ignored.md", "not an input\n")
    # a folder of bad files only
    write("all_bad/empty.txt", b"")
    write("all_bad/malformed.xml", "<akomaNtoso>\n")
    write_pdfs()


def write_pdfs() -> None:
    """Bad and odd PDFs (tests/pdfmaker.py writes them byte by byte; qpdf, at dev time only, encrypts)."""
    import shutil
    import subprocess

    good = resolution_pdf()
    write("pdf/good.pdf", good)
    write("pdf/truncated.pdf", good[: len(good) // 2])
    write("pdf/corrupt.pdf", b"%PDF-1.7\n" + bytes((i * 131 + 7) % 256 for i in range(3000)) + b"\n%%EOF\n")
    # no text layer: a page that only paints a rectangle, as a scan paints its image
    write("pdf/scanned.pdf", make_pdf([b"0.5 g 72 72 468 648 re f"]))
    # a script run on opening, a form and an attached file: all to be ignored
    js = b"<< /Type /Action /S /JavaScript /JS (app.alert\\('run'\\); this.exportDataObject\\({cName: 'x'}\\);) >>"
    n0 = 6  # the first extra object's number, after the catalog, pages, font, page and content
    extra = (js,
             b"<< /Fields [] /NeedAppearances true >>",
             b"<< /Type /EmbeddedFile /Length 11 >>\nstream\nhello world\nendstream",
             b"<< /Type /Filespec /F (x.exe) /EF << /F %d 0 R >> >>" % (n0 + 2),
             b"<< /Names [(x.exe) %d 0 R] >>" % (n0 + 3))
    catalog = (b"/OpenAction %d 0 R /AcroForm %d 0 R /Names << /EmbeddedFiles %d 0 R /JavaScript << /Names [(a) %d 0 R] >> >>"
               % (n0, n0 + 1, n0 + 4, n0))
    write("pdf/javascript_forms_attachments.pdf", resolution_pdf(catalog_extra=catalog, extra_objects=extra))
    if shutil.which("qpdf"):  # AES-256: one with a user password, one with only an owner password
        folder = HERE / "pdf"
        subprocess.run(["qpdf", "--encrypt", "secret", "owner", "256", "--", "good.pdf", "encrypted_password.pdf"],
                       cwd=folder, check=True)
        subprocess.run(["qpdf", "--encrypt", "", "owner", "256", "--print=none", "--", "good.pdf",
                        "encrypted_no_user_password.pdf"], cwd=folder, check=True)


if __name__ == "__main__":
    main()
