"""Issue 9's hostile inputs, each through `graph-builder extract` in a child process: exit code, wall time, answer.

    .venv/bin/python bench/bench_hostile.py [--timeout 120] [--only NAME ...]

Makes every input in a temporary folder (tests/hostile/make_big.py), runs the CLI on it under a timeout
and prints one Markdown row per attack: exit code, seconds, and the last line of stderr (or what stdout
says it found).  Run with PYTHONPATH pointing at another checkout's src/ to measure that one.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "hostile"))
import make_big as M  # noqa: E402

GOOD = (ROOT / "tests" / "hostile" / "good.txt").read_bytes()
EXAMPLE = (ROOT / "src" / "graph_builder" / "data" / "example" / "A_RES_57_209.txt").read_text(encoding="utf-8")


def mixed_endings() -> bytes:
    ends = ("\r\n", "\r", "\n")
    return "".join(ln + ends[i % 3] for i, ln in enumerate(EXAMPLE.split("\n"))).encode("utf-8")


# name, suffix, maker, extra arguments
CASES = [
    ("roman list, 40 lone capitals", ".txt", lambda: M.text("1. Decides that paragraphs " + ", ".join(["I"] * 40)
                                                            + " xx its resolution 53/144 applies;"), []),
    ("pronouns x4,000 (184 kB)", ".txt", lambda: M.text_pronouns(4_000), []),
    ("pronouns x20,000 (0.9 MB)", ".txt", lambda: M.text_pronouns(20_000), []),
    ("AKN, 5,000 footnotes in one clause", ".xml", lambda: M.akn_footnotes_in_one_clause(5_000), []),
    ("AKN, 32,000 footnotes in one clause", ".xml", lambda: M.akn_footnotes_in_one_clause(32_000), []),
    ("AKN, 200,000 footnotes (41 MB)", ".xml", lambda: M.akn_footnotes(200_000), []),
    ("AKN, 914,000 paragraphs (120 MB)", ".xml", lambda: M.akn_paragraphs(914_000), []),
    ("AKN, 20,001 paragraphs", ".xml", lambda: M.akn_paragraphs(20_001), []),
    ("one 50 MB line", ".txt", lambda: M.text_one_line(50), []),
    ("one 1 MB line", ".txt", lambda: M.text_one_line(1), []),
    ("AKN, 5,000 nested spans", ".xml", lambda: M.akn_nested("span", 5_000), []),
    ("AKN, lists nested 3,000 deep", ".xml", lambda: M.akn_nested_lists(3_000), []),
    ("AKN, sections nested 3,000 deep", ".xml", lambda: M.akn_nested_sections(3_000), []),
    ("text with U+2028 line breaks", ".txt", lambda: GOOD.decode().replace("\n", "\u2028").encode(), []),
    ("text with NEL line breaks", ".txt", lambda: GOOD.decode().replace("\n", "\x85").encode(), []),
    ("text with form feeds for line breaks", ".txt", lambda: GOOD.replace(b"\n", b"\f"), []),
    ("57/209 with \\r\\n, \\r, \\n in turn", ".txt", mixed_endings, ["--symbol", "A/RES/57/209"]),
    ("NUL byte after 64 KB", ".txt", lambda: GOOD * 40 + b"\x00", []),
    ("--title with a lone surrogate", ".txt", lambda: GOOD, ["--title", "T\udcff"]),
    ("--symbol with a lone surrogate", ".txt", lambda: GOOD, ["--symbol", "A/RES/1/\udced"]),
]
METADATA = [
    ("--metadata line nested 100,000 deep", '{"symbol": "A/RES/1/1", "x": ' + "[" * 100_000 + "]" * 100_000 + "}"),
    ("--metadata line with a lone surrogate", '{"symbol": "A/RES/76/15", "title": "T\\ud800"}'),
]


def run(argv: list[str], timeout: float) -> tuple[str, float, str]:
    exe = Path(sys.executable).with_name("graph-builder")
    t = time.perf_counter()
    try:
        p = subprocess.run([str(exe), *argv], capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "-", time.perf_counter() - t, f"still running after {timeout:.0f} s (killed)"
    secs = time.perf_counter() - t
    err = p.stderr.decode("utf-8", "replace").strip().splitlines()
    tb = any(ln.startswith("Traceback") for ln in err)
    if p.returncode == 0 and argv[0] == "extract":
        import json

        try:
            clauses = len(json.loads(p.stdout)["clauses"])
        except (ValueError, KeyError, TypeError):
            clauses = "?"
        answer = f"{clauses} clauses" + (f"; {err[-1]}" if err else "")
    else:
        answer = ("traceback: " if tb else "") + (err[-1] if err else "")
    return str(p.returncode), secs, answer[:160]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("--only", nargs="*")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        print("| attack | exit | seconds | answer |\n|---|---|---|---|")
        for name, suffix, make, extra in CASES:
            if args.only and not any(o in name for o in args.only):
                continue
            path = Path(tmp) / ("input" + suffix)
            path.write_bytes(make())
            code, secs, answer = run(["extract", str(path), *extra], args.timeout)
            print(f"| {name} | {code} | {secs:.1f} | {answer.replace(tmp, '…').replace('|', '/')} |", flush=True)
            path.unlink()
        for name, line in METADATA:
            if args.only and not any(o in name for o in args.only):
                continue
            meta = Path(tmp) / "meta.json"
            meta.write_text(line + "\n", encoding="utf-8")
            good = ROOT / "tests" / "hostile" / "good.xml"
            code, secs, answer = run(["build", str(good), str(ROOT / "tests" / "hostile" / "good.txt"),
                                      "-o", str(Path(tmp) / "out"), "--no-view", "--metadata", str(meta)],
                                     args.timeout)
            print(f"| {name} | {code} | {secs:.1f} | {answer.replace(tmp, '…').replace('|', '/')} |", flush=True)


if __name__ == "__main__":
    main()
