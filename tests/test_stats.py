"""graph-builder stats over a small corpus: most cited, recall chains, who cites a symbol."""
from __future__ import annotations

from graph_builder.cli import main
from graph_builder.graph.store import load_store
from graph_builder.publish.stats import citation_graph, citing, most_cited, recall_chains

CHAIN = [
    ("a.txt", "A/RES/70/10", " The General Assembly,\n\n Recalling its resolution 60/5,\n\n 1. Decides to act;\n"),
    ("b.txt", "A/RES/72/10", " The General Assembly,\n\n Recalling its resolution 70/10,\n\n Guided by the Charter of the"
              " United Nations,\n\n 1. Decides to act;\n"),
    ("c.txt", "A/RES/74/10", " The General Assembly,\n\n Recalling its resolutions 70/10 and 72/10,\n\n Guided by the"
              " Charter of the United Nations,\n\n 1. Welcomes the report A/74/100;\n"),
]


def build(tmp_path):
    for name, symbol, text in CHAIN:
        (tmp_path / name).write_text(text, encoding="utf-8")
        assert main(["build", "-q", str(tmp_path / name), "--symbol", symbol, "-o", str(tmp_path / "out")]) == 0
    return load_store(sorted((tmp_path / "out").glob("*.ttl")))


def test_citation_network_statistics(tmp_path):
    g = citation_graph(build(tmp_path))
    ranked = [(r.label, r.cited_by) for r in most_cited(g, "resolution", 5)]
    assert ranked[0] == ("A/RES/70/10", 2)
    assert sorted(ranked[1:]) == [("A/RES/60/5", 1), ("A/RES/72/10", 1)]
    assert [r.label for r in most_cited(g, "instrument", 1)] == ["Charter of the United Nations"]
    assert recall_chains(g, 1) == [["A/RES/74/10", "A/RES/72/10", "A/RES/70/10", "A/RES/60/5"]]
    assert citing(g, "A/RES/70/10") == [("A/RES/72/10", "recall"), ("A/RES/74/10", "recall")]


def test_stats_command(tmp_path, capsys):
    build(tmp_path)
    capsys.readouterr()
    files = [str(p) for p in sorted((tmp_path / "out").glob("*.ttl"))]
    assert main(["stats", *files, "--cites", "A/RES/72/10"]) == 0
    out = capsys.readouterr().out
    assert "3 resolutions" in out and "A/RES/74/10" in out
