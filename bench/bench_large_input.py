"""Very large inputs run in bounded memory (issue 6): a 50 MB text and a 20,000-file folder.

    .venv/bin/python bench/bench_large_input.py [--mb 4] [--files 20000] [--jobs 0] [--keep DIR]

Writes both inputs to a temporary folder, runs `graph-builder build` on each in
a child process and prints its wall time, the peak resident memory of its
largest process (from wait4's rusage, which covers its reaped workers too),
and the peak of the whole process tree's resident memory (sampled from /proc
every 50 ms).  Bounded memory means: the folder's peak does not grow with the
number of files, and the big text's peak is a small multiple of its size.
Pass smaller --mb/--files to see how the peaks scale.  The reader refuses a resolution past its limits
(graph_builder.readers.limits: 16 MiB, 20,000 clauses), so the big text stays under them by default (4 MB, about
18,000 clauses); a larger --mb measures how fast the refusal comes.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SOURCE = ROOT / "src" / "graph_builder" / "data" / "example" / "A_RES_57_209.txt"
EXE = Path(sys.executable).with_name("graph-builder")


def resolution_text() -> str:
    return SOURCE.read_text(encoding="utf-8")


def renumbered(text: str, k: int) -> str:
    """Copy k of the resolution: other cited resolution numbers, another session, so no two copies are alike."""
    text = text.replace("53/144", f"{40 + k % 40}/{100 + k % 900}")
    text = text.replace("fifty-eighth session", f"{['fifty', 'sixtieth', 'seventieth'][k % 3]} session")
    return re.sub(r"A/57/182", f"A/{50 + k % 30}/{k % 1000}", text)


def write_big_text(path: Path, mb: int) -> int:
    """One text of `mb` megabytes: the resolution over and over, its operative paragraphs numbered on
    (wrapping at 999, the largest paragraph number the reader takes), footnotes renumbered too."""
    base = resolution_text()
    target = mb * 1_000_000
    size = 0
    op = 0
    k = 0
    with open(path, "w", encoding="utf-8") as fh:
        while size < target:
            body = renumbered(base, k)
            if k:
                body = body.replace("The General Assembly,", "", 1)

            def renum(m: re.Match[str]) -> str:
                nonlocal op
                op = op % 999 + 1
                return f"{m.group(1)}{op}. "

            body = re.sub(r"(?m)^(\s*)\d{1,2}\. (?=[A-Z])", renum, body)
            chunk = body + "\n"
            fh.write(chunk)
            size += len(chunk.encode("utf-8"))
            k += 1
    return path.stat().st_size


def write_many_files(folder: Path, n: int) -> int:
    """n small files in nested folders (100 a folder), each a different copy of the resolution."""
    base = resolution_text()
    total = 0
    for k in range(n):
        sub = folder / f"d{k // 100:04d}"
        if k % 100 == 0:
            sub.mkdir(parents=True, exist_ok=True)
        data = renumbered(base, k).encode("utf-8")
        (sub / f"A_RES_{k:05d}.txt").write_bytes(data)
        total += len(data)
    return total


def tree_rss(pid: int) -> int:
    """Resident memory of pid and its descendants, in bytes (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat", "rb") as fh:
                fields = fh.read().rsplit(b")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(d))
        except (OSError, IndexError, ValueError):
            continue
    total, todo = 0, [pid]
    page = os.sysconf("SC_PAGE_SIZE")
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/statm", "rb") as fh:
                total += int(fh.read().split()[1]) * page
        except (OSError, IndexError, ValueError):
            pass
        todo.extend(children.get(p, []))
    return total


def measure(argv: list[str]) -> dict:
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = {"tree": 0}
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak["tree"] = max(peak["tree"], tree_rss(proc.pid))
            done.wait(0.05)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    err = proc.stderr.read() if proc.stderr else b""
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    done.set()
    t.join()
    return {"seconds": time.perf_counter() - start, "exit": proc.returncode,
            "max_rss_mb": usage.ru_maxrss / 1024, "tree_peak_mb": peak["tree"] / 2**20,
            "stderr": err.decode("utf-8", "replace").strip().splitlines()[-3:]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=int, default=4, help="size of the big text (default 4 MB; 0: skip)")
    ap.add_argument("--files", type=int, default=20000, help="files in the big folder (default 20,000; 0: skip)")
    ap.add_argument("--jobs", type=int, default=0, help="build --jobs (default: one per core)")
    ap.add_argument("--keep", help="write the inputs and outputs here and keep them")
    args = ap.parse_args()
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="gb-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    rows = []
    try:
        if args.mb:
            big = work / "big.txt"
            t0 = time.perf_counter()
            size = write_big_text(big, args.mb)
            print(f"wrote {big} ({size / 1e6:.1f} MB) in {time.perf_counter() - t0:.1f} s", flush=True)
            r = measure([str(EXE), "build", str(big), "-o", str(work / "out-big"), "-q"])
            rows.append((f"one text, {size / 1e6:.0f} MB", r))
        if args.files:
            folder = work / "many"
            t0 = time.perf_counter()
            total = write_many_files(folder, args.files)
            print(f"wrote {args.files} files ({total / 1e6:.1f} MB) under {folder} in {time.perf_counter() - t0:.1f} s",
                  flush=True)
            r = measure([str(EXE), "build", str(folder), "-o", str(work / "out-many"), "-q", "--jobs", str(args.jobs)])
            rows.append((f"folder, {args.files} files", r))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print()
    print(f"{'input':<24} {'exit':>4} {'wall s':>8} {'max RSS MB':>11} {'tree peak MB':>13}")
    for name, r in rows:
        print(f"{name:<24} {r['exit']:>4} {r['seconds']:>8.1f} {r['max_rss_mb']:>11.0f} {r['tree_peak_mb']:>13.0f}")
        for line in r["stderr"]:
            print(f"    {line[:150]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
