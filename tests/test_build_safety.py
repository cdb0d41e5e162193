"""Builds that must not lose or mix output (issue 9) and must say what went wrong in one line (issues 9, 13).

Each test names the case it covers.  The CLI runs in process (`graph_builder.cli.main`), as in
test_hostile.py; cases that need another process holding a lock start one.
"""
from __future__ import annotations

import errno
import gc
import json
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph_builder import build
from graph_builder.build import NAME_LIMIT, name_of_symbol, symbol_of_name
from graph_builder.cli import main
from graph_builder.graph import export
from helpers import run_in_process

HOSTILE = Path(__file__).parent / "hostile"
OK, FINDINGS, BAD = 0, 1, 2


run = run_in_process


def one_line(err: str) -> str:
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1, lines
    assert lines[0].startswith("graph-builder: "), lines
    return lines[0]


def files_in(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()} if folder.is_dir() else {}


def xml_with_symbol(folder: Path, name: str, symbol: str) -> Path:
    """good.xml (A/RES/76/15) with another symbol in its markup."""
    text = (HOSTILE / "good.xml").read_text(encoding="utf-8")
    assert ">A/RES/76/15</docNumber>" in text
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text.replace(">A/RES/76/15</docNumber>", f">{symbol}</docNumber>"), encoding="utf-8")
    return path


SOURCE_FILE = "https://example.org/unres/ontology#sourceFile"


def resolution_graphs(quads) -> set[str]:
    """The named graphs of the resolutions built (read from a source file); a cited document's graph and the
    shared graph are not such."""
    return {q.graph_name.value for q in quads if q.subject == q.graph_name and q.predicate.value == SOURCE_FILE}


def graphs_of(store_dir: Path) -> set[str]:
    from pyoxigraph import Store

    gc.collect()  # the build's handle on the store is closed once collected
    store = Store.read_only(str(store_dir))
    try:
        return resolution_graphs(store)
    finally:
        del store
        gc.collect()


def fork_only():
    import multiprocessing

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the monkeypatched worker reaches the worker processes only when they are forked")


# --- output names -----------------------------------------------------------------------------


COMMON = {"A/RES/57/209": "A_RES_57_209", "S/RES/834(1993)": "S_RES_834_1993", "A/RES/2200(XXI)": "A_RES_2200_XXI",
          "E/CN.4/2002/106/Add.1": "E_CN.4_2002_106_Add.1", "A/RES/ES-10/19": "A_RES_ES-10_19",
          "A/HRC/RES/46/1": "A_HRC_RES_46_1", "S/RES/2334(2016)": "S_RES_2334_2016", "A/RES/76/15": "A_RES_76_15"}


def test_common_names_are_unchanged():
    for symbol, name in COMMON.items():
        assert name_of_symbol(symbol) == name
        assert symbol_of_name(name) == symbol


def test_the_two_symbols_of_the_issue_get_two_names():
    a, b = name_of_symbol("A/RES/76/15(I)"), name_of_symbol("A RES 76 15 I")
    assert a == "A_RES_76_15_I" and b.startswith("A_RES_76_15_I~") and a != b


# symbols as the UN prints them, and anything else a --symbol or a markup may hold
_PART = st.one_of(st.sampled_from(["A", "S", "E", "RES", "HRC", "CN.4", "C.3", "L.15", "Add.1", "Rev.2", "ES-10",
                                   "XXI", "I", "1993", "2016", "Sect.2", "57", "209", "15", "B"]),
                  st.text(alphabet="AIRSXV0123456789.-", min_size=1, max_size=6))
_SEP = st.sampled_from(["/", "/", "/", " ", "(", ")", "_", "~", "", " / "])
UN_LIKE = st.lists(st.tuples(_SEP, _PART), min_size=1, max_size=8).map(lambda xs: "".join(a + b for a, b in xs))
SYMBOLS = st.one_of(UN_LIKE, UN_LIKE.map(lambda s: s + "(XXI)"), st.text(max_size=40),
                    st.text(alphabet="AR/()1 ._~-", min_size=90, max_size=140))  # around NAME_LIMIT


@settings(derandomize=True, max_examples=200, deadline=None)
@given(st.lists(SYMBOLS, min_size=2, max_size=8, unique=True))
def test_names_are_injective_over_symbols(symbols):
    names = [name_of_symbol(s) for s in symbols]
    assert len(set(names)) == len(names), list(zip(symbols, names, strict=True))
    for s, n in zip(symbols, names, strict=True):
        assert len(n) <= NAME_LIMIT and re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._~-]*", n), n
        if "~" not in n:  # a plain name reads back as its symbol
            assert symbol_of_name(n) == s


def test_texts_without_a_symbol_never_share_a_name(capsys, tmp_path):
    """Two different texts both called good.txt (each with no symbol) were one output name; now two."""
    for folder, extra in (("x", ""), ("y", "\n 12. Decides to remain seized of the matter.\n")):
        (tmp_path / "in" / folder).mkdir(parents=True)
        (tmp_path / "in" / folder / "good.txt").write_text(
            (HOSTILE / "good.txt").read_text(encoding="utf-8") + extra, encoding="utf-8")
    out = tmp_path / "out"
    code, _, err = run(capsys, "build", str(tmp_path / "in"), "-o", str(out), "--no-view")
    assert code == OK, err
    ttl = sorted(n for n in files_in(out) if n.endswith(".ttl") and n.startswith("good~"))
    assert len(ttl) == 2
    # the missing symbol is a diagnostic: reported, and counted by --strict
    assert "no-symbol 2" in err
    code, _, err = run(capsys, "build", str(tmp_path / "in"), "-o", str(out), "--no-view", "--strict")
    assert code == FINDINGS and "no-symbol" in err


def test_two_spellings_that_were_one_name_are_two_resolutions(capsys, tmp_path):
    xml_with_symbol(tmp_path / "in", "p.xml", "A/RES/76/15(I)")
    xml_with_symbol(tmp_path / "in", "s.xml", "A RES 76 15 I")
    out = tmp_path / "out"
    for _ in range(2):  # and a rerun leaves them apart
        code, _, err = run(capsys, "build", str(tmp_path / "in"), "-o", str(out), "--no-view", "-q")
        assert code == OK, err
    from pyoxigraph import RdfFormat, parse

    names = sorted(n for n in files_in(out) if n.endswith(".ttl") and n != "corpus.ttl")
    assert names[0] == "A_RES_76_15_I.ttl" and names[1].startswith("A_RES_76_15_I~"), names
    graphs = resolution_graphs(parse((out / "corpus.trig").read_bytes(), format=RdfFormat.TRIG))
    assert len(graphs) == 2
    assert b"A/RES/76/15%28I%29" in (out / names[0]).read_bytes() or b"A/RES/76/15(I)" in (out / names[0]).read_bytes()


def test_the_same_resolution_twice_is_reported_and_kept_once(capsys, tmp_path):
    for folder in ("a", "b"):
        (tmp_path / "in" / folder).mkdir(parents=True)
        shutil.copy(HOSTILE / "good.xml", tmp_path / "in" / folder / "good.xml")
    out = tmp_path / "out"
    code, _, err = run(capsys, "build", str(tmp_path / "in"), "-o", str(out), "--no-view")
    assert code == OK
    assert "duplicate-resolution" in err and "is the same resolution as" in err
    from pyoxigraph import RdfFormat, parse

    blocks = (out / "corpus.trig").read_bytes().count(b"<https://example.org/unres/doc/A/RES/76/15> {")
    assert blocks == 1
    code, _, err = run(capsys, "build", str(tmp_path / "in"), "-o", str(out), "--no-view", "--strict")
    assert code == FINDINGS and "duplicate-resolution" in err
    parse((out / "corpus.trig").read_bytes(), format=RdfFormat.TRIG)


# --- the manifest is keyed by the store --------------------------------------------------------


def test_a_new_store_and_a_deleted_store_are_filled(capsys, tmp_path):
    args = ["build", str(HOSTILE / "good.txt"), str(HOSTILE / "good.xml"), "-o", str(tmp_path / "out"), "--no-view",
            "-q", "--jobs", "1"]
    assert run(capsys, *args, "--store", str(tmp_path / "stA"))[0] == OK
    assert len(graphs_of(tmp_path / "stA")) == 2
    assert run(capsys, *args, "--store", str(tmp_path / "stB"))[0] == OK  # a new store: was left empty
    assert len(graphs_of(tmp_path / "stB")) == 2
    shutil.rmtree(tmp_path / "stA")
    assert run(capsys, *args, "--store", str(tmp_path / "stA"))[0] == OK  # deleted and made again
    assert len(graphs_of(tmp_path / "stA")) == 2
    code, out, _ = run(capsys, *[a for a in args if a != "-q"], "--store", str(tmp_path / "stA"))  # unchanged: skipped
    assert code == OK and "2 unchanged and skipped" in out


# --- one input never aborts a batch ---------------------------------------------------------


def test_a_300_character_symbol_gets_a_bounded_name(capsys, tmp_path):
    long = "A/RES/76/" + "1" * 300
    xml_with_symbol(tmp_path / "in", "long.xml", long)
    shutil.copy(HOSTILE / "good.xml", tmp_path / "in" / "good.xml")
    out = tmp_path / "out"
    code, _, err = run(capsys, "build", str(tmp_path / "in"), "-o", str(out), "--no-view", "-q")
    assert code == OK, err
    names = files_in(out)
    assert "A_RES_76_15.ttl" in names and "corpus.ttl" in names
    longest = max(names, key=len)
    assert longest.startswith("A_RES_76_111") and len(longest) <= NAME_LIMIT + len(".json")
    # and one file, given its symbol on the command line
    code, _, err = run(capsys, "build", str(HOSTILE / "good.txt"), "--symbol", long, "-o", str(tmp_path / "one"), "-q")
    assert code == OK, err


def many_inputs(folder: Path, names: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i, n in enumerate(names):
        text = (HOSTILE / "good.txt").read_text(encoding="utf-8")
        (folder / n).write_text(text + f"\n {12 + i}. Decides to remain seized of the matter.\n", encoding="utf-8")
    return folder


def misbehave_on(monkeypatch, name: str, action) -> None:
    real = build.outcome_of

    def outcome_of(path, settings):
        if Path(path).name == name:
            action()
        return real(path, settings)

    monkeypatch.setattr(build, "outcome_of", outcome_of)


def backtrack_forever():
    """A regular expression with ambiguous repetition, the way issue 9's inputs hung a build."""
    re.match(r"(?:a+)+$", "a" * 64 + "!")


def test_a_worker_killed_by_the_system_loses_only_its_input(capsys, tmp_path, monkeypatch):
    fork_only()
    # more inputs than the workers hold in hand at once, so that the pool refills after the death
    names = [f"{i:02d}.txt" for i in range(10)]
    names[3] = "die.txt"
    folder = many_inputs(tmp_path / "in", names)
    misbehave_on(monkeypatch, "die.txt", lambda: os.kill(os.getpid(), signal.SIGKILL))  # as the OOM killer does
    code, out, err = run(capsys, "build", str(folder), "-o", str(tmp_path / "out"), "--jobs", "2", "--no-view")
    assert code == FINDINGS, err
    assert "built 9 resolutions" in out
    assert re.search(r"die\.txt: the worker process building it was killed by SIGKILL, as the system does", err), err
    assert "1 of 10 inputs failed" in err
    # the order and the bytes are those of a build of the others in one process
    monkeypatch.undo()
    (folder / "die.txt").unlink()
    code, _, _ = run(capsys, "build", str(folder), "-o", str(tmp_path / "one"), "--jobs", "1", "--no-view")
    assert code == OK
    assert (tmp_path / "out" / "corpus.trig").read_bytes() == (tmp_path / "one" / "corpus.trig").read_bytes()


@pytest.mark.parametrize("jobs", ["2", "1"])
def test_an_input_that_hangs_is_stopped_at_the_time_limit(capsys, tmp_path, monkeypatch, jobs):
    if jobs == "2":
        fork_only()
    folder = many_inputs(tmp_path / "in", ["a.txt", "b.txt", "hang.txt", "d.txt", "e.txt"])
    misbehave_on(monkeypatch, "hang.txt", backtrack_forever)
    code, out, err = run(capsys, "build", str(folder), "-o", str(tmp_path / "out"), "--jobs", jobs, "--no-view",
                         "--timeout", "2")
    assert code == FINDINGS, err
    assert "built 4 resolutions" in out
    assert "hang.txt: took longer than 2 s, the time limit for one input (--timeout)" in err


def test_the_time_limit_has_a_documented_default():
    assert build.DEFAULT_TIMEOUT == 120
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    assert "--timeout" in readme and "120 s" in readme


# --- two builds into one folder ---------------------------------------------------------------


def test_a_second_build_into_a_locked_folder_stops_with_one_line(capsys, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    holder = subprocess.Popen([sys.executable, "-c", (
        "import fcntl, os, sys; fd = os.open(sys.argv[1], os.O_RDONLY); fcntl.flock(fd, fcntl.LOCK_EX); "
        "print('held', flush=True); sys.stdin.read()"), str(out)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        for argv in (["build", str(HOSTILE / "good.txt")], ["build", str(HOSTILE / "good.txt"), str(HOSTILE / "good.xml")]):
            code, _, err = run(capsys, *argv, "-o", str(out))
            assert code == BAD
            assert "another graph-builder build is writing to this folder" in one_line(err)
        assert files_in(out) == {}
    finally:
        holder.stdin.close()
        holder.wait(10)
    assert run(capsys, "build", str(HOSTILE / "good.txt"), "-o", str(out), "-q")[0] == OK  # free again


def test_temporary_names_are_never_shared(tmp_path):
    names = {export.create_temporary(tmp_path, "corpus.ttl", ".part")[1].name for _ in range(50)}
    assert len(names) == 50
    assert all(n.startswith(".corpus.ttl.") and n.endswith(".part") for n in names)
    # a leftover of the old fixed name is no obstacle
    (tmp_path / "o").mkdir()
    (tmp_path / "o" / ".corpus.ttl.part").write_bytes(b"garbage")
    assert main(["build", str(HOSTILE / "good.txt"), str(HOSTILE / "good.xml"), "-o", str(tmp_path / "o"), "-q"]) == OK
    from pyoxigraph import RdfFormat, parse

    list(parse((tmp_path / "o" / "corpus.ttl").read_bytes(), format=RdfFormat.TURTLE))


# --- one resolution's files change together ------------------------------------------------------


def fail_on_write(monkeypatch, n: int, err: int = errno.ENOSPC) -> None:
    real = export._write_temporary
    calls = {"n": 0}

    def writer(folder, name, data, durable):
        calls["n"] += 1
        if calls["n"] == n:
            raise OSError(err, os.strerror(err), str(Path(folder) / name))
        return real(folder, name, data, durable)

    monkeypatch.setattr(export, "_write_temporary", writer)


@pytest.mark.parametrize("fail_at", [1, 3, 4])
def test_a_full_disk_mid_set_keeps_the_old_set(capsys, tmp_path, monkeypatch, fail_at):
    out = tmp_path / "out"
    args = ["build", str(HOSTILE / "good.xml"), "-o", str(out), "--format", "nt", "-q"]
    assert run(capsys, *args)[0] == OK
    before = files_in(out)
    assert {"A_RES_76_15.ttl", "A_RES_76_15.nt", "A_RES_76_15.json", "A_RES_76_15.html"} <= set(before)
    fail_on_write(monkeypatch, fail_at)
    code, _, err = run(capsys, *args, "--base-iri", "https://example.org/other/")
    assert code == BAD
    assert "No space left on device" in one_line(err)
    assert files_in(out) == before, "every file is the old one and no temporary is left"


def test_a_rename_failing_mid_set_puts_the_old_set_back(tmp_path, monkeypatch):
    old = {"a.ttl": b"old ttl", "a.json": b"old json", "a.html": b"old html"}
    export.write_set(tmp_path, old)
    real = os.replace
    calls = {"n": 0}

    def replace(src, dst):
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError(errno.EIO, "Input/output error")
        return real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(OSError):
        export.write_set(tmp_path, {n: b"new" for n in old})
    assert files_in(tmp_path) == old


def test_a_corpus_build_on_a_full_disk_keeps_the_old_corpus(capsys, tmp_path, monkeypatch):
    out = tmp_path / "out"
    args = ["build", str(HOSTILE / "good.txt"), str(HOSTILE / "good.xml"), "-o", str(out), "-q", "--jobs", "1",
            "--no-view"]
    assert run(capsys, *args)[0] == OK
    before = files_in(out)
    fail_on_write(monkeypatch, 2)
    code, _, err = run(capsys, *args, "--base-iri", "https://example.org/other/")
    assert code == BAD and "No space left on device" in one_line(err)
    after = files_in(out)
    assert set(after) == set(before)
    assert after["corpus.ttl"] == before["corpus.ttl"] and after["corpus.trig"] == before["corpus.trig"]


@pytest.fixture
def tiny_tmpfs(tmp_path):
    """A real 64 KiB file system, or skip (mounting needs root and a kernel that lets this process)."""
    mnt = tmp_path / "tiny"
    mnt.mkdir()
    if not shutil.which("mount") or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mnt)], capture_output=True, text=True)
    if r.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {r.stderr.strip()}")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", str(mnt)], check=False)


def test_a_really_full_disk_gives_one_line(capsys, tiny_tmpfs):
    (tiny_tmpfs / "filler").write_bytes(b"x" * 40_000)
    code, _, err = run(capsys, "build", "-o", str(tiny_tmpfs / "out"), "-q")  # the example: about 100 KB
    assert code == BAD
    assert "No space left on device" in one_line(err)
    assert sorted(p.name for p in (tiny_tmpfs / "out").iterdir()) == []


def test_a_read_only_output_folder_gives_one_line(capsys, tiny_tmpfs):
    (tiny_tmpfs / "out").mkdir()
    subprocess.run(["mount", "-o", "remount,ro", str(tiny_tmpfs)], check=True)
    code, _, err = run(capsys, "build", "-o", str(tiny_tmpfs / "out"), "-q")
    assert code == BAD and "Read-only file system" in one_line(err)
    code, _, err = run(capsys, "build", "-o", str(tiny_tmpfs / "new"), "-q")
    assert code == BAD and "Read-only file system" in one_line(err)


def test_an_unwritable_output_folder_gives_one_line(capsys, tmp_path, monkeypatch):
    # the same without a tmpfs: the first write in the folder is refused (root ignores chmod)
    fail_on_write(monkeypatch, 1, errno.EROFS)
    code, _, err = run(capsys, "build", str(HOSTILE / "good.txt"), str(HOSTILE / "good.xml"), "-o", str(tmp_path / "o"),
                       "--jobs", "1")
    assert code == BAD and "Read-only file system" in one_line(err)


# --- file modes follow the umask ------------------------------------------------------------


@pytest.mark.parametrize("umask,mode", [(0o022, 0o644), (0o027, 0o640), (0o002, 0o664)])
def test_written_files_get_the_umask_mode(capsys, tmp_path, umask, mode):
    old = os.umask(umask)
    try:
        export.write_atomic(tmp_path / "a.ttl", b"x")
        assert run(capsys, "build", str(HOSTILE / "good.txt"), str(HOSTILE / "good.xml"), "-o", str(tmp_path / "o"),
                   "-q", "--jobs", "1")[0] == OK
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a.ttl").stat().st_mode) == mode
    for p in (tmp_path / "o").iterdir():
        if p.is_file():
            assert stat.S_IMODE(p.stat().st_mode) == mode, p.name


# --- --base-iri ------------------------------------------------------------------------------------


@pytest.mark.parametrize("base", ["https://x.org/un res/", 'https://x.org/"unres/', "https://x.org/%zz/",
                                  "https://x.org/unres/#", "javascript:alert(1)//", "unres/", "ftp://x.org/",
                                  "https://x.org/unres/?a=1", "https://user:pw@x.org/", "https://x.org/a/../"])
def test_a_bad_base_iri_is_one_line(capsys, tmp_path, base):
    code, _, err = run(capsys, "build", "-o", str(tmp_path), "--base-iri", base)
    assert code == BAD
    assert one_line(err).startswith("graph-builder: --base-iri: ")
    assert files_in(tmp_path) == {}


@pytest.mark.parametrize("base,minted", [("HTTPS://X.ORG/", "https://x.org/doc/A/RES/57/209"),
                                         ("https://x.org/unres", "https://x.org/unres/doc/A/RES/57/209"),
                                         ("https://example.org:443/unres/", "https://example.org/unres/doc/A/RES/57/209")])
def test_a_good_base_iri_is_normalised(capsys, tmp_path, base, minted):
    code, _, err = run(capsys, "build", "-o", str(tmp_path), "--base-iri", base, "-q")
    assert code == OK, err
    ttl = (tmp_path / "A_RES_57_209.ttl").read_text(encoding="utf-8")
    assert f"<{minted}>" in ttl and "unresdoc" not in ttl


# --- one-line errors ------------------------------------------------------------------------------


def test_a_missing_query_file(capsys, tmp_path):
    code, _, err = run(capsys, "query", "--file", str(tmp_path / "nosuch.rq"), str(tmp_path / "x.ttl"))
    assert code == BAD and one_line(err) == f"graph-builder: {tmp_path / 'nosuch.rq'}: no such file"


def test_an_output_folder_that_cannot_be_made(capsys):
    code, _, err = run(capsys, "build", "-o", "/proc/nope")
    assert code == BAD and one_line(err).startswith("graph-builder: /proc/nope: cannot be made")


def test_an_output_folder_that_is_a_file(capsys, tmp_path):
    (tmp_path / "f").write_text("x")
    code, _, err = run(capsys, "build", "-o", str(tmp_path / "f"))
    assert code == BAD and "exists and is not a folder" in one_line(err)


def test_a_store_in_use_by_another_process(capsys, tmp_path):
    store = tmp_path / "store"
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys; from pyoxigraph import Store; s = Store(sys.argv[1]); print('open', flush=True); "
        "sys.stdin.read()"), str(store)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        code, _, err = run(capsys, "build", str(HOSTILE / "good.txt"), str(HOSTILE / "good.xml"),
                           "-o", str(tmp_path / "out"), "--store", str(store))
        assert code == BAD
        assert "the store is in use by another process" in one_line(err)
    finally:
        holder.stdin.close()
        holder.wait(10)


def test_one_file_with_its_symbol_into_a_store(capsys, tmp_path):
    code, _, err = run(capsys, "build", str(HOSTILE / "good.txt"), "--symbol", "A/RES/57/999", "--date", "2002-12-18",
                       "-o", str(tmp_path / "out"), "--store", str(tmp_path / "store"), "-q")
    assert code == OK, err
    assert "A_RES_57_999.ttl" in files_in(tmp_path / "out")
    assert graphs_of(tmp_path / "store") == {"https://example.org/unres/doc/A/RES/57/999"}
    code, _, err = run(capsys, "build", str(HOSTILE / "good.txt"), str(HOSTILE / "good.xml"), "--symbol", "A/RES/1/1",
                       "-o", str(tmp_path / "out"))
    assert code == BAD and "apply to one file only" in one_line(err)


@pytest.mark.parametrize("command", ["build", "extract"])
@pytest.mark.parametrize("value", ["18/12/2002", "2002-02-30", "yesterday", "20021218"])
def test_a_date_that_is_not_iso_is_refused(capsys, tmp_path, command, value):
    extra = ["-o", str(tmp_path)] if command == "build" else []
    code, out, err = run(capsys, command, str(HOSTILE / "good.txt"), "--date", value, *extra)
    assert code == BAD and one_line(err).startswith("graph-builder: --date: ")
    assert out == ""


# --- diagnostics in corpus builds ---------------------------------------------------------------


def test_a_corpus_build_reports_its_diagnostics(capsys, tmp_path):
    out, report = tmp_path / "out", tmp_path / "diag.jsonl"
    args = ["build", str(HOSTILE / "diagnostics.txt"), str(HOSTILE / "good.xml"), "-o", str(out), "--no-view",
            "--jobs", "1"]
    code, _, err = run(capsys, *args, "-q", "--strict", "--diagnostics", str(report))
    assert code == FINDINGS
    lines = [ln for ln in err.splitlines() if ln]
    assert re.match(r"graph-builder: \d+ diagnostics in 1 inputs: .*unresolved-short-form \d+", lines[0]), lines
    assert any("diagnostics.txt: " in ln and "unresolved-short-form" in ln and " at 36-51" in ln for ln in lines)
    records = [json.loads(ln) for ln in report.read_text(encoding="utf-8").splitlines()]
    assert records and all(set(r) == {"file", "symbol", "clause", "code", "span", "message"} for r in records)
    assert {"unresolved-short-form", "no-symbol"} <= {r["code"] for r in records}
    assert any(r["span"] == [36, 51] for r in records)
    # a rerun skips both inputs, and still knows their diagnostics
    report.unlink()
    code, stdout, err = run(capsys, *args, "--strict", "--diagnostics", str(report))
    assert code == FINDINGS and "2 unchanged and skipped" in stdout and "diagnostics in 1 inputs" in err
    assert len(report.read_text(encoding="utf-8").splitlines()) == len(records)
    # without --strict they are shown, and the exit code is 0
    code, _, err = run(capsys, *args)
    assert code == OK and "diagnostics in 1 inputs" in err


def test_one_file_writes_its_diagnostics_too(capsys, tmp_path):
    report = tmp_path / "d.jsonl"
    code, _, _ = run(capsys, "build", str(HOSTILE / "diagnostics.txt"), "-o", str(tmp_path / "o"), "-q",
                     "--diagnostics", str(report))
    assert code == OK
    assert any(json.loads(ln)["code"] == "unresolved-short-form" for ln in report.read_text().splitlines())


@pytest.mark.parametrize("option", ["--title", "--symbol"])
def test_an_option_that_is_not_utf8_is_refused(capsys, tmp_path, option):
    # bytes that are not UTF-8 reach Python's argv as lone surrogates
    code, _, err = run(capsys, "build", str(HOSTILE / "good.txt"), option, "bad\udcff", "-o", str(tmp_path))
    assert code == BAD and one_line(err) == f"graph-builder: {option}: is not valid UTF-8 text (at character 4)"
    assert files_in(tmp_path) == {}


def test_an_output_name_two_resolutions_share_is_refused(capsys, tmp_path, monkeypatch):
    """Names are injective up to a 10-digit hash; were two ever to share one, the second is refused, not written."""
    monkeypatch.setattr(build, "name_of_symbol", lambda symbol: "SAME")
    xml_with_symbol(tmp_path / "in", "a.xml", "A/RES/76/1")
    xml_with_symbol(tmp_path / "in", "b.xml", "A/RES/76/2")
    code, _, err = run(capsys, "build", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--no-view", "--jobs", "1")
    assert code == FINDINGS
    assert "b.xml: its output name SAME is already that of https://example.org/unres/doc/A/RES/76/1" in err
    assert b"A/RES/76/1" in (tmp_path / "out" / "SAME.ttl").read_bytes()
