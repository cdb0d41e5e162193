"""The library API: the README's doctested examples, the docs/ walk-through, and cheap imports."""
from __future__ import annotations

import doctest
import runpy
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]


def test_the_readme_examples_run():
    """The README's ```pycon blocks, run in order as one doctest session."""
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```pycon\n(.*?)```", readme, re.S)
    test = doctest.DocTestParser().get_doctest("\n".join(blocks), {}, "README.md", str(ROOT / "README.md"), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.attempted >= 8
    assert result.failed == 0


def test_importing_the_package_loads_nothing_heavy():
    code = ("import sys, graph_builder; heavy = {'rdflib', 'pyoxigraph', 'networkx', 'graph_builder.api'};"
            "print(sorted(heavy & set(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_the_api_on_the_example():
    import graph_builder

    res = graph_builder.read(graph_builder.example_path(), symbol="A/RES/57/209", date="2002-12-18")
    refs = res.references()
    assert len(refs) == sum(len(c.references) for c in res.clauses) + sum(len(f.references) for f in res.footnotes)
    assert all(set(r) == {"clause", "verb", "kind", "key", "text", "start", "end", "short_form"} for r in refs)
    # every record's offsets point at its surface text in the input
    assert all(res.resolution.text[r["start"]:r["end"]] == r["text"] for r in refs)
    assert len(res.to_rdflib()) == res.ntriples().count(b"\n")
    assert res.to_dict()["document"]["symbol"] == "A/RES/57/209"
    assert res.iri in res.to_networkx()


def test_read_names_the_file_it_cannot_read(tmp_path):
    import graph_builder
    from graph_builder.errors import InputError

    with pytest.raises(InputError, match="nosuch.txt"):
        graph_builder.read(tmp_path / "nosuch.txt")


def test_the_walkthrough_runs(capsys):
    runpy.run_path(str(ROOT / "docs" / "walkthrough.py"), run_name="__main__")
    out = capsys.readouterr().out
    assert "references by kind" in out and "provision cited in pp9" in out


def test_build_corpus_from_python(shared_dir, tmp_path):
    import graph_builder

    folder = shared_dir / "corpus" / "unxml-ga" / "emergency"
    report = graph_builder.build_corpus([folder], tmp_path / "out", store=tmp_path / "store", jobs=1)
    assert report.built and not report.failed
    assert (tmp_path / "out" / "corpus.trig").is_file() and (tmp_path / "store").is_dir()
