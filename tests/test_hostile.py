"""Hostile inputs (issue 6): every bad file gets a one-line answer and the right exit code.

The corpus lives in tests/hostile/ (tests/hostile/make_corpus.py wrote it).  The
CLI runs in process: `graph_builder.cli.main([...])` returns the exit code and
prints its errors to stderr, one line each, never a traceback.
"""
from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from graph_builder.cli import main
from graph_builder.errors import InputError
from graph_builder.graph import export
from graph_builder.pipeline import extract_path, read_path
from helpers import deadline, run_in_process

HOSTILE = Path(__file__).parent / "hostile"
OK, FINDINGS, BAD = 0, 1, 2

# input (relative to tests/hostile) -> exit code, fragment of the error line ("" when it builds)
SINGLE = [
    ("empty.txt", BAD, "is empty"),
    ("whitespace.txt", BAD, "holds only white space"),
    ("binary.txt", BAD, "is binary data, not text"),
    ("random_no_nul.txt", BAD, "is binary data, not text"),
    ("utf8_bom_invalid.txt", BAD, "byte-order mark but is not valid"),
    ("utf16_bom_odd_length.txt", BAD, "byte-order mark but is not valid"),
    ("no_structure.txt", BAD, "holds no resolution clauses"),
    ("script_first_line.txt", BAD, "malformed XML"),
    ("malformed.xml", BAD, "malformed XML"),
    ("half_downloaded.xml", BAD, "malformed XML"),
    ("not_akn.xml", BAD, "not AKN4UN: root element is 'rss'"),
    ("akn_no_statement.xml", BAD, "not a resolution: no AKN statement"),
    ("xxe.xml", BAD, "refused unsafe XML"),
    ("xxe_parameter.xml", BAD, "refused unsafe XML"),
    ("billion_laughs.xml", BAD, "refused unsafe XML"),
    ("does_not_exist.txt", BAD, "no such file"),
    ("good.txt", OK, ""),
    ("good.xml", OK, ""),
    ("latin1.txt", OK, ""),
    ("cp1252.txt", OK, ""),
    ("utf16le_bom.txt", OK, ""),
    ("utf16be_bom.txt", OK, ""),
    ("utf16le_nobom.txt", OK, ""),
    ("utf8_bom.txt", OK, ""),
    ("text_named.xml", OK, ""),
    ("akn_named.txt", OK, ""),
    ("pdf_renamed.txt", OK, ""),
    ("pdf/good.pdf", OK, ""),
    ("pdf/encrypted_no_user_password.pdf", OK, ""),
    ("pdf/javascript_forms_attachments.pdf", OK, ""),
    ("pdf/encrypted_password.pdf", BAD, "is an encrypted PDF that needs a password"),
    ("pdf/scanned.pdf", BAD, "has no text layer: OCR it first, e.g. with ocrmypdf"),
    ("pdf/truncated.pdf", BAD, "is a truncated PDF"),
    ("pdf/corrupt.pdf", BAD, "is a damaged PDF"),
    ("script_clause.txt", OK, ""),
    ("script_title.xml", OK, ""),
    ("diagnostics.txt", OK, ""),
]


run = run_in_process


def error_lines(err: str) -> list[str]:
    lines = [ln for ln in err.splitlines() if ln.strip()]
    for ln in lines:
        assert ln.startswith("graph-builder: "), f"not a one-line error: {ln!r}"
    return lines


def unnamed(stem: str, suffix: str) -> str:
    """The pattern of the output name of a text with no symbol: its file's stem, "~" and its content's hash."""
    return rf"{re.escape(stem)}~[0-9a-f]{{10}}{re.escape(suffix)}"


def has(files, stem: str, suffix: str) -> bool:
    return any(re.fullmatch(unnamed(stem, suffix), n) for n in files)


def named(files, stem: str, suffix: str) -> str:
    return next(n for n in files if re.fullmatch(unnamed(stem, suffix), n))


def outputs(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()} if folder.is_dir() else {}


@pytest.mark.parametrize("name,code,fragment", SINGLE, ids=[s[0] for s in SINGLE])
def test_build_one_file(capsys, tmp_path, name, code, fragment):
    path = HOSTILE / name
    got, out, err = run(capsys, "build", str(path), "-o", str(tmp_path / "out"), "-q")
    assert got == code, err
    lines = error_lines(err)
    if fragment:
        hit = [ln for ln in lines if fragment in ln]
        assert hit, lines
        assert all(name in ln for ln in hit), "the error names the file"
        assert not outputs(tmp_path / "out"), "nothing is written for a failed input"
    else:
        assert any(n.endswith(".ttl") for n in outputs(tmp_path / "out"))


@pytest.mark.parametrize("name,code,fragment", SINGLE, ids=[s[0] for s in SINGLE])
def test_extract_one_file(capsys, name, code, fragment):
    got, out, err = run(capsys, "extract", str(HOSTILE / name))
    assert got == code, err
    if fragment:
        lines = error_lines(err)
        assert len(lines) == 1 and fragment in lines[0] and name in lines[0], lines
        assert out == ""
    else:
        data = json.loads(out)
        assert data["clauses"]


def test_no_inputs_folder(capsys, tmp_path):
    got, out, err = run(capsys, "build", str(HOSTILE / "no_inputs"), "-o", str(tmp_path / "out"))
    assert got == BAD
    lines = error_lines(err)
    assert len(lines) == 1 and "no_inputs" in lines[0] and "no .txt, .xml or .pdf inputs" in lines[0]


def test_empty_folder(capsys, tmp_path):
    (tmp_path / "empty").mkdir()
    got, out, err = run(capsys, "build", str(tmp_path / "empty"), "-o", str(tmp_path / "out"))
    assert got == BAD
    assert "no .txt, .xml or .pdf inputs" in err and len(error_lines(err)) == 1


def test_folder_of_bad_files(capsys, tmp_path):
    got, out, err = run(capsys, "build", str(HOSTILE / "all_bad"), "-o", str(tmp_path / "out"))
    assert got == BAD
    lines = error_lines(err)
    assert any("empty.txt" in ln and "is empty" in ln for ln in lines)
    assert any("malformed.xml" in ln and "malformed XML" in ln for ln in lines)
    assert any("2 of 2 inputs failed" in ln for ln in lines)



def test_a_batch_of_bad_files_loses_nothing_already_built(capsys, tmp_path):
    out_dir = tmp_path / "out"
    assert run(capsys, "build", str(HOSTILE / "mixed"), "-o", str(out_dir), "-q")[0] == FINDINGS
    before = outputs(out_dir)
    got, out, err = run(capsys, "build", str(HOSTILE / "all_bad"), "-o", str(out_dir), "-q")
    assert got == BAD
    after = outputs(out_dir)
    assert after == before, [n for n in after if after.get(n) != before.get(n)]


MIXED_FAILURES = [
    ("c_empty.txt", "is empty"),
    ("d_binary.txt", "is binary data"),
    ("e_half.xml", "malformed XML"),
    ("f_truncated.pdf", "is a truncated PDF"),
]


def test_mixed_folder_builds_the_good_and_lists_the_bad(capsys, tmp_path):
    out_dir = tmp_path / "out"
    got, out, err = run(capsys, "build", str(HOSTILE / "mixed"), "-o", str(out_dir))
    assert got == FINDINGS
    lines = error_lines(err)
    built = outputs(out_dir)
    assert has(built, "a_good", ".ttl") and has(built, "a_good", ".json")  # the text excerpt (no symbol printed)
    assert "A_RES_76_15.ttl" in built  # the AKN file, named by its symbol
    assert b"a_good" in built.get("graph-builder-manifest.json", b"a_good") and len(built["corpus.ttl"]) > 1000
    assert "built 2 resolutions" in out and "4 failed" in out
    summary = [ln for ln in lines if "inputs failed" in ln]
    assert len(summary) == 1 and "4 of 6 inputs failed" in summary[0]
    for name, why in MIXED_FAILURES:
        assert name in summary[0] and why in summary[0], (name, summary[0])
        # each failure also has its own line, naming the file by the path it was found at
        assert any(ln.startswith(f"graph-builder: {HOSTILE / 'mixed' / name}: ") and why in ln for ln in lines), name
    assert "ignored.md" not in err


def test_files_given_one_by_one(capsys, tmp_path):
    got, out, err = run(capsys, "build", str(HOSTILE / "good.txt"), str(HOSTILE / "xxe.xml"),
                        str(HOSTILE / "missing.txt"), "-o", str(tmp_path / "out"))
    assert got == FINDINGS
    lines = error_lines(err)
    assert any("xxe.xml" in ln and "refused unsafe XML" in ln for ln in lines)
    assert any("missing.txt" in ln and "no such file" in ln.lower() for ln in lines)
    assert any("2 of 3 inputs failed" in ln for ln in lines)
    assert has(outputs(tmp_path / "out"), "good", ".ttl")


def test_a_file_that_vanishes_between_listing_and_reading(capsys, tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(HOSTILE / "good.txt", folder / "a.txt")
    shutil.copy(HOSTILE / "good.txt", folder / "b.txt")
    real = Path.read_bytes

    def vanish(self: Path):
        if self.name == "b.txt" and self.exists():
            self.unlink()  # someone deletes it after the folder was listed
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", vanish)
    got, out, err = run(capsys, "build", str(folder), "-o", str(tmp_path / "out"))
    assert got == FINDINGS
    lines = error_lines(err)
    assert any("b.txt" in ln and "no such file" in ln for ln in lines), lines
    assert has(outputs(tmp_path / "out"), "a", ".ttl")


def test_an_unreadable_file(capsys, tmp_path, monkeypatch):
    # chmod 000 means nothing to root (CI runs as root): make the read itself fail
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(HOSTILE / "good.txt", folder / "a.txt")
    shutil.copy(HOSTILE / "good.txt", folder / "locked.txt")
    real = Path.read_bytes

    def locked(self: Path):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", locked)
    got, out, err = run(capsys, "build", str(folder), "-o", str(tmp_path / "out"))
    assert got == FINDINGS
    assert any("locked.txt" in ln and "cannot be read (Permission denied)" in ln for ln in error_lines(err))
    assert has(outputs(tmp_path / "out"), "a", ".ttl")
    got, out, err = run(capsys, "extract", str(folder / "locked.txt"))
    assert got == BAD
    assert error_lines(err) == [f"graph-builder: {folder / 'locked.txt'}: cannot be read (Permission denied)"]


def test_a_directory_given_to_extract(capsys):
    got, out, err = run(capsys, "extract", str(HOSTILE / "mixed"))
    assert got == BAD
    assert "is a directory" in err and len(error_lines(err)) == 1


# --- diagnostics and --strict -------------------------------------------------


def test_diagnostics_carry_offsets_into_the_text():
    res = extract_path(HOSTILE / "diagnostics.txt")
    quoted = {(d.code, res.text[d.span[0]:d.span[1]]) for d in res.diagnostics if d.span}
    assert ("unresolved-short-form", "that resolution") in quoted
    assert ("unresolved-short-form", "the Covenant") in quoted
    assert ("footnote-without-marker", "7 See A/57/999.") in quoted
    # the malformed symbols "57/" and "A/RES/" are no references: no invented links
    keys = {r.key for c in res.clauses for r in c.references}
    assert not any(k.rstrip("/").endswith(("A/RES", "57")) for k in keys), keys
    assert all(r.key != "A/57/999" for f in res.footnotes for r in f.references) or res.footnotes


@pytest.mark.parametrize("command", ["build", "extract"])
def test_strict_turns_diagnostics_into_findings(capsys, tmp_path, command):
    extra = ["-o", str(tmp_path / "out")] if command == "build" else []
    got, out, err = run(capsys, command, str(HOSTILE / "diagnostics.txt"), *extra)
    assert got == OK
    got, out, err = run(capsys, command, str(HOSTILE / "diagnostics.txt"), "--strict", *extra)
    assert got == FINDINGS
    lines = error_lines(err)
    assert any("unresolved-short-form" in ln and " at 36-51" in ln for ln in lines), lines
    # a clean input stays clean under --strict
    got, out, err = run(capsys, command, str(HOSTILE / "good.xml"), "--strict", *extra)
    assert got == OK, err


# --- encodings -------------------------------------------------------------------

ENCODED = [
    ("latin1.txt", "Welcomes the report entitled «Défenseurs des droits» and its café annex, naïve as it may be;"),
    ("cp1252.txt", "Welcomes the report entitled “Défenseurs des droits de l’homme” – and its “café” annex;"),
    ("utf16le_bom.txt", "Welcomes the report entitled “Défenseurs des droits de l’homme” – and its “café” annex;"),
    ("utf16be_bom.txt", "Welcomes the report entitled “Défenseurs des droits de l’homme” – and its “café” annex;"),
    ("utf16le_nobom.txt", "Welcomes the report entitled “Défenseurs des droits de l’homme” – and its “café” annex;"),
    ("utf8_bom.txt", "Welcomes the report entitled “Défenseurs des droits de l’homme” – and its “café” annex;"),
]


@pytest.mark.parametrize("name,op2", ENCODED, ids=[e[0] for e in ENCODED])
def test_encodings_lose_no_character(name, op2):
    res = extract_path(HOSTILE / name)
    clause = next(c for c in res.clauses if c.id == "op2")
    assert clause.text == op2
    assert "\ufffd" not in res.text and "\ufeff" not in res.text
    assert res.text[clause.span[0]:clause.span[1]].startswith("2. Welcomes")
    # the rest of the document reads as the UTF-8 original does
    good = extract_path(HOSTILE / "good.txt")
    assert [c.id for c in res.clauses][: len(good.clauses)] == [c.id for c in good.clauses]


@pytest.mark.parametrize("name,op2", ENCODED, ids=[e[0] for e in ENCODED])
def test_encodings_through_the_cli(capsys, tmp_path, name, op2):
    got, out, err = run(capsys, "build", str(HOSTILE / name), "-o", str(tmp_path), "-q")
    assert got == OK, err
    ttl = (tmp_path / named(outputs(tmp_path), Path(name).stem, ".ttl")).read_text(encoding="utf-8")
    assert op2.split(" entitled ")[1].split(" and its")[0] in ttl  # the clause text, quotes and accents intact


# --- markup in document text -------------------------------------------------------


def test_script_in_akn_title_and_clause_is_kept_as_text():
    res = extract_path(HOSTILE / "script_title.xml")
    assert res.info.title.startswith("<script>alert(1)</script>")
    assert any("<script>alert(1)</script>" in c.text for c in res.clauses)
    assert any("<img src=x onerror=alert(1)>" in c.text for c in res.clauses)


def test_script_in_text_title_and_clause_is_kept_as_text():
    res = extract_path(HOSTILE / "script_clause.txt")
    assert "<script>alert(1)</script>" in res.info.title
    assert any("<script>alert(1)</script>" in c.text for c in res.clauses)


def test_script_reaches_turtle_as_an_escaped_literal(capsys, tmp_path):
    got, out, err = run(capsys, "build", str(HOSTILE / "script_title.xml"), "-o", str(tmp_path), "--format", "ttl",
                        "--format", "jsonld")
    assert got == OK
    ttl = (tmp_path / "A_RES_76_999.ttl").read_text(encoding="utf-8")
    assert '\\"quoted\\"' in ttl  # the double quotes of the title are escaped inside the literal
    json.loads((tmp_path / "A_RES_76_999.jsonld").read_text(encoding="utf-8"))  # still valid JSON


# --- the XML reader refuses what it must ------------------------------------------


@pytest.mark.parametrize("name", ["xxe.xml", "xxe_parameter.xml", "billion_laughs.xml"])
def test_unsafe_xml_is_refused_without_expanding(name, monkeypatch):
    import socket

    def no_network(*a, **k):
        raise AssertionError("the XML reader tried to open a connection")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    with pytest.raises(InputError, match="refused unsafe XML"):
        read_path(HOSTILE / name)


# --- atomic writes -------------------------------------------------------------------


def test_write_atomic_keeps_the_old_file_when_the_rename_fails(tmp_path, monkeypatch):
    target = tmp_path / "a.ttl"
    target.write_bytes(b"old\n")

    def fail(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        export.write_atomic(target, b"new\n" * 1000)
    assert target.read_bytes() == b"old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.ttl"], "no temporary file is left behind"


def test_write_atomic_keeps_the_old_file_when_the_write_fails(tmp_path, monkeypatch):
    target = tmp_path / "a.ttl"
    target.write_bytes(b"old\n")

    def fail(fd):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(OSError):
        export.write_atomic(target, b"new\n")
    assert target.read_bytes() == b"old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.ttl"]


def dying_serializer(monkeypatch, fail_at: int) -> None:
    """pyoxigraph's serializer, as export uses it, dies on its fail_at-th call and after."""
    real = export.serialize
    calls = {"n": 0}

    def dying(*a, **k):
        calls["n"] += 1
        if calls["n"] >= fail_at:
            raise RuntimeError("serializer died (simulated)")
        return real(*a, **k)

    monkeypatch.setattr(export, "serialize", dying)


def rebuild_failing(capsys, monkeypatch, args: list[str], fail_at: int):
    """Rerun a build with another base IRI (so every output would change) and a dying serializer."""
    dying_serializer(monkeypatch, fail_at)
    capsys.readouterr()
    try:
        code = main(args + ["--base-iri", "https://example.org/other/"])
    except Exception:  # noqa: BLE001 - the crash escaped; what matters here is what is left on disk
        code = None
    out, err = capsys.readouterr()
    assert code != OK
    return code, err



@pytest.mark.parametrize("fail_at", [1, 2])
def test_a_one_file_build_that_fails_midway_leaves_the_previous_outputs(capsys, tmp_path, monkeypatch, fail_at):
    out_dir = tmp_path / "out"
    args = ["build", str(HOSTILE / "good.txt"), "-o", str(out_dir), "--format", "ttl", "--format", "nt", "-q"]
    assert run(capsys, *args)[0] == OK
    before = outputs(out_dir)
    assert all(has(before, "good", suffix) for suffix in (".ttl", ".nt", ".json"))
    rebuild_failing(capsys, monkeypatch, args, fail_at)
    after = outputs(out_dir)
    assert set(after) == set(before), "no temporary file is left behind and none is lost"
    assert [n for n in before if after[n] != before[n]] == []



@pytest.mark.parametrize("fail_at", [1, 3])
def test_a_batch_that_fails_midway_keeps_every_file_whole(capsys, tmp_path, monkeypatch, fail_at):
    """Every output file is afterwards either the previous build's or the new one, never half; with
    nothing built (fail_at=1) every file is the previous build's and the exit code is 2."""
    out_dir = tmp_path / "out"
    args = ["build", str(HOSTILE / "good.txt"), str(HOSTILE / "good.xml"), "-o", str(out_dir),
            "--format", "ttl", "--format", "nt", "-q", "--jobs", "1"]
    assert run(capsys, *args)[0] == OK
    before = outputs(out_dir)
    assert {"A_RES_76_15.ttl", "A_RES_76_15.nt", "corpus.ttl"} <= set(before)
    assert has(before, "good", ".ttl") and has(before, "good", ".nt")
    code, err = rebuild_failing(capsys, monkeypatch, args, fail_at)
    assert code in (FINDINGS, BAD) and "Traceback" not in err
    error_lines(err)
    after = outputs(out_dir)
    assert set(after) == set(before), "no temporary file is left behind and none is lost"
    if fail_at == 1:
        assert code == BAD
        assert [n for n in before if after[n] != before[n]] == []
    monkeypatch.undo()
    assert run(capsys, *args, "--base-iri", "https://example.org/other/")[0] == OK
    new = outputs(out_dir)
    for n in before:
        if n not in ("graph-builder-manifest.json", "corpus.ttl", "corpus.trig", "index.html"):
            assert after[n] in (before[n], new[n]), f"{n} is neither the old nor the new build's"
    # the corpus files hold whole graphs: those this run built (the settings changed, so nothing older)
    from pyoxigraph import RdfFormat, parse

    graphs = {q.graph_name.value for q in parse(after["corpus.trig"], format=RdfFormat.TRIG)}
    if code == FINDINGS:  # some built: the corpus holds exactly those, under the new base
        assert graphs and all(g.startswith("https://example.org/other/") for g in graphs)
    else:  # none built: the previous corpus is left as it was
        assert after["corpus.trig"] == before["corpus.trig"]



def test_replacing_a_graph_in_the_store_is_all_or_nothing(tmp_path):
    from pyoxigraph import Literal, NamedNode, Triple

    from graph_builder.graph import store as st

    s = st.open_store(tmp_path / "store")
    g = "https://example.org/res/1"
    old = [Triple(NamedNode("https://example.org/s"), NamedNode("https://example.org/p"), Literal("old"))]
    st.replace_graph(s, g, old)

    def dying():
        yield Triple(NamedNode("https://example.org/s"), NamedNode("https://example.org/p"), Literal("new"))
        raise RuntimeError("interrupted (simulated)")

    with pytest.raises(RuntimeError):
        st.replace_graph(s, g, dying())
    left = sorted(str(q.object) for q in s.quads_for_pattern(None, None, None, NamedNode(g)))
    assert left == ['"old"'], "an interrupted replace keeps the old graph"


@pytest.mark.parametrize("inputs", [["script_title.xml"], ["script_title.xml", "script_clause.txt"]])
def test_html_views_escape_document_text(capsys, tmp_path, inputs):
    got, out, err = run(capsys, "build", *[str(HOSTILE / n) for n in inputs], "-o", str(tmp_path), "-q")
    assert got == OK, err
    pages = sorted(tmp_path.glob("*.html"))
    if not pages:
        pytest.skip("this build writes no HTML view")
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "alert(1)" in html, "the hostile text is shown"
        for raw in ("<script>alert(1)", "alert(1)</script>", "<img src=x", "<b>bold</b>"):
            assert raw not in html, f"{page.name} carries {raw!r} unescaped"


# -- issue 9: inputs that hang or blow up, deep XML, bad metadata, line breaks ------------------------------
# The big inputs are made on the fly (tests/hostile/make_big.py); every case runs under a 10 s deadline.

import sys  # noqa: E402

from graph_builder.readers import limits  # noqa: E402

sys.path.insert(0, str(HOSTILE))
import make_big  # noqa: E402

DEADLINE = 10.0




def timed_cli(capsys, *argv: str) -> tuple[int, str, str]:
    main(["extract", str(HOSTILE / "good.txt")])  # the patterns are built once per process, not in the deadline
    with deadline(DEADLINE):
        return run(capsys, *argv)


# (name, file suffix, how to make it, exit code, fragment of the one error line)
BIG = [
    ("pronouns-0.9MB", ".txt", lambda: make_big.text_pronouns(20_000), BAD, "characters long, more than the 200,000"),
    ("pronouns-within-limit", ".txt", lambda: make_big.text_pronouns(3_000), OK, ""),
    ("akn-32k-footnotes-one-clause", ".xml", lambda: make_big.akn_footnotes_in_one_clause(32_000), BAD,
     "more than 5,000 footnotes"),
    ("akn-2k-footnotes-one-clause", ".xml", lambda: make_big.akn_footnotes_in_one_clause(2_000), OK, ""),
    ("akn-200k-footnotes", ".xml", lambda: make_big.akn_footnotes(200_000), BAD, "more than the 16,777,216"),
    ("akn-5001-footnotes", ".xml", lambda: make_big.akn_footnotes(5_001), BAD, "more than 5,000 footnotes"),
    ("akn-20001-paragraphs", ".xml", lambda: make_big.akn_paragraphs(20_001), BAD, "more than 20,000 clauses"),
    ("text-20001-clauses", ".txt", lambda: make_big.text_clauses(20_001), BAD, "more than 20,000 clauses"),
    ("one-50MB-line", ".txt", lambda: make_big.text_one_line(50), BAD, "more than the 16,777,216"),
    ("one-1MB-line", ".txt", lambda: make_big.text_one_line(1), BAD, "characters long, more than the 200,000"),
    ("clause-of-300k-chars", ".txt", lambda: make_big.text_long_clause(300_000), BAD, "more than the 200,000"),
    ("nested-spans-5000", ".xml", lambda: make_big.akn_nested("span", 5_000), BAD, "nests XML elements more than 200"),
    ("nested-lists-3000", ".xml", lambda: make_big.akn_nested_lists(3_000), BAD, "nests XML elements more than 200"),
    ("nested-sections-3000", ".xml", lambda: make_big.akn_nested_sections(3_000), BAD, "nests XML elements more than"),
    ("nested-spans-150", ".xml", lambda: make_big.akn_nested("span", 150), OK, ""),
    ("nested-lists-40", ".xml", lambda: make_big.akn_nested_lists(40), OK, ""),
    ("nested-sections-60", ".xml", lambda: make_big.akn_nested_sections(60), OK, ""),
    ("roman-list-redos", ".txt", lambda: make_big.text("1. Decides that paragraphs " + ", ".join(["I"] * 40)
                                                      + " xx its resolution 53/144 applies;"), OK, ""),
    ("nul-after-64KB", ".txt", lambda: (HOSTILE / "good.txt").read_bytes() * 40 + b"\x00 hidden", BAD,
     "is binary data, not text"),
]


@pytest.mark.parametrize("name,suffix,make,code,fragment", BIG, ids=[b[0] for b in BIG])
@pytest.mark.parametrize("command", ["extract", "build"])
def test_big_and_deep_inputs_give_one_line_in_time(capsys, tmp_path, command, name, suffix, make, code, fragment):
    path = tmp_path / (name + suffix)
    path.write_bytes(make())
    argv = [command, str(path)] + (["-o", str(tmp_path / "out"), "--no-view", "-q"] if command == "build" else [])
    got, out, err = timed_cli(capsys, *argv)
    assert got == code, err
    if fragment:
        lines = error_lines(err)
        assert len(lines) == 1 and fragment in lines[0] and str(path) in lines[0], lines


def test_a_file_past_the_size_limit_is_refused_before_it_is_read(capsys, tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:  # 200 MB, sparse: nothing is written
        fh.truncate(200 * 1024 * 1024)
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes",
                        lambda self: pytest.fail("read a file past the limit") if self.name == "huge.txt" else real(self))
    code, _, err = timed_cli(capsys, "extract", str(path))
    assert code == BAD and "209,715,200 bytes, more than the 16,777,216" in error_lines(err)[0]


def test_the_limits_stand_far_above_the_corpus():
    # the shared corpus peaks at 812 kB, XML depth 29, a few hundred clauses and footnotes
    assert limits.MAX_INPUT_BYTES >= 16 * 812_000 and limits.MAX_XML_DEPTH >= 5 * 29
    assert limits.MAX_CLAUSES >= 20_000 and limits.MAX_FOOTNOTES >= 5_000 and limits.MAX_CLAUSE_CHARS >= 100_000


def test_pronouns_name_the_last_actor_before_them(capsys):
    res = extract_path_from_bytes(make_big.text_pronouns(50), "p.txt")
    assert [a.name for a in res.clauses[0].addressees] == ["National Union"]


def extract_path_from_bytes(data: bytes, name: str):
    from graph_builder.pipeline import extract, read_bytes

    with deadline(DEADLINE):
        return extract(read_bytes(data, name))


BREAKS = ["breaks_u2028.txt", "breaks_u2029.txt", "breaks_nel.txt", "breaks_formfeed.txt", "breaks_vtab.txt",
          "breaks_cr.txt", "breaks_crlf.txt", "breaks_mixed.txt"]


def reading(res) -> list:
    """What a text says, whatever its line breaks: clauses, verbs, references; spans are checked separately."""
    return [(c.id, c.verb, [(r.kind, r.key, " ".join(r.text.split())) for r in c.references]) for c in res.clauses]


@pytest.mark.parametrize("name", BREAKS)
def test_other_line_breaks_read_like_newlines(name):
    want = extract_path(HOSTILE / "good.txt")
    got = extract_path(HOSTILE / name)
    assert reading(got) == reading(want) and got.clauses
    text = (HOSTILE / name).read_bytes().decode("utf-8")
    for c in got.clauses:  # every span quotes the input as given
        assert text[c.span[0]:c.span[1]].strip()
        for r in c.references:
            assert text[r.span[0]:r.span[1]] == r.text


def test_the_founding_example_with_mixed_line_endings_reads_the_same():
    import random

    from graph_builder.pipeline import extract, read_bytes
    from helpers import example_path_and_info

    path, info = example_path_and_info()
    text = path.read_text(encoding="utf-8")
    rnd = random.Random(9)
    mixed = "".join(ln + rnd.choice(("\r\n", "\r", "\n", "\u2028")) for ln in text.split("\n"))
    want = extract(read_bytes(text.encode(), path.name, info))
    got = extract(read_bytes(mixed.encode(), path.name, info))
    assert len(got.clauses) == len(want.clauses) == 25
    assert reading(got) == reading(want)
    assert [[(r.kind, r.key) for r in f.references] for f in got.footnotes] == \
           [[(r.kind, r.key) for r in f.references] for f in want.footnotes]
    for c in got.clauses:
        for r in c.references:
            assert mixed[r.span[0]:r.span[1]] == r.text


def test_nul_bytes_past_64KB_are_binary():
    data = (HOSTILE / "good.txt").read_bytes() * 40
    assert len(data) > 65536
    with pytest.raises(InputError, match="binary"):
        read_path_bytes(data[:70000] + b"\x00" + data[70000:])


def read_path_bytes(data: bytes):
    from graph_builder.pipeline import read_bytes

    return read_bytes(data, "x.txt")


METADATA_GOOD = '{"symbol": "A/RES/76/15", "title": "Credentials", "committee": "Fourth Committee"}'


@pytest.mark.parametrize("bad,reason", [
    ('{"symbol": "A/RES/1/1", "x": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested too deeply"),
    ('{"symbol": "A/RES/76/15", "title": "T\\ud800"}', "lone surrogate"),
    ('{"symbol": "A/RES/76/15", "\\udc80": 1}', "lone surrogate"),
])
def test_a_bad_metadata_line_is_skipped_with_a_warning(capsys, tmp_path, bad, reason):
    meta = tmp_path / "meta.json"
    meta.write_text(bad + "\n" + METADATA_GOOD + "\n", encoding="utf-8")
    from helpers import example_path_and_info

    path, _ = example_path_and_info()
    code, _, err = timed_cli(capsys, "build", str(path), str(HOSTILE / "good.xml"), "-o", str(tmp_path / "out"),
                             "--metadata", str(meta), "--no-view")
    assert code == OK, err
    lines = [ln for ln in error_lines(err) if str(meta) in ln]
    assert len(lines) == 1 and f"{meta}: line 1: " in lines[0] and reason in lines[0] and "skipped" in lines[0]
    ttl = (tmp_path / "out" / "A_RES_76_15.ttl").read_text(encoding="utf-8")
    assert "Fourth Committee" in ttl  # the good line still counts


@pytest.mark.parametrize("option", ["--title", "--symbol", "--date"])
@pytest.mark.parametrize("command", ["extract", "build"])
def test_a_lone_surrogate_in_an_option_gives_one_line(capsys, tmp_path, command, option):
    value = "A/RES/57/209" + "\udcff"  # what a non-UTF-8 byte in argv becomes
    argv = [command, str(HOSTILE / "good.txt"), option, value] + (["-o", str(tmp_path)] if command == "build" else [])
    code, _, err = timed_cli(capsys, *argv)
    assert code == BAD
    lines = error_lines(err)
    assert len(lines) == 1 and f"{option}: is not valid UTF-8 text" in lines[0]
