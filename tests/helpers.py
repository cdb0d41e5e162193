"""Shared helpers for the tests: the evaluation kit's scorer, the bundled example, a time limit, the CLI in process."""
from __future__ import annotations

import importlib.util
import json
import signal
import tomllib
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

from graph_builder.models import DocumentInfo

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"


def example_path_and_info() -> tuple[Path, DocumentInfo]:
    folder = resources.files("graph_builder.data").joinpath("example")
    meta = tomllib.loads(folder.joinpath("example.toml").read_text(encoding="utf-8"))
    return Path(str(folder.joinpath(meta["file"]))), DocumentInfo(symbol=meta["symbol"], date=meta["date"])


def load_scorer(shared: Path):
    """The evaluation kit's score.py, imported as a module."""
    spec = importlib.util.spec_from_file_location("gb_eval_score", shared / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def score(shared: Path, gold: Path, extracted: dict, tmp: Path) -> dict[str, float]:
    """Run score.py's measures on one extraction; return the numbers it prints, by name."""
    scorer = load_scorer(shared)
    got = tmp / "extracted.json"
    got.write_text(json.dumps(extracted), encoding="utf-8")
    t = scorer.score([(str(gold), str(got))], verbose=False)
    n = t.c["clauses.gold"] or 1
    out = {"clauses_found": t.c["clauses.matched"] / n, "verb_accuracy": t.c["verb.ok"] / n,
           "kind_accuracy": t.c["kind.ok"] / n}
    for name in ("addr", "anchor", "docref", "ref"):
        out[name + "_f1"] = t.prf(name)[2]
    return out


@contextmanager
def deadline(seconds: float):
    """Raise TimeoutError if the block runs longer (the regex engine checks for signals as it runs)."""
    def expire(*_):
        raise TimeoutError(f"still running after {seconds} s")

    old = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def run_in_process(capsys, *argv: str) -> tuple[int, str, str]:
    """Run the CLI in process: (exit code, stdout, stderr); an exception escaping main() is a crash, and
    fails the test, and so does a traceback printed."""
    from graph_builder.cli import main

    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "Traceback" not in out
    return code, out, err
