"""The issue's SPARQL check: what A/RES/57/209 cites, read from the example's Turtle."""
from __future__ import annotations

from graph_builder.cli import main

QUERY = """
SELECT DISTINCT ?kind ?key WHERE {
  ?citation cito:hasCitingEntity ?unit ; gb:referenceKind ?kind ; gb:referenceKey ?key .
  ?unit dcterms:isPartOf <https://example.org/unres/doc/A/RES/57/209> .
} ORDER BY ?kind ?key
"""


def test_query_lists_what_the_example_cites(tmp_path, capsys):
    assert main(["build", "-q", "-o", str(tmp_path)]) == 0
    capsys.readouterr()
    assert main(["query", QUERY, str(tmp_path / "A_RES_57_209.ttl"), "--format", "csv"]) == 0
    rows = {tuple(line.split(",", 1)) for line in capsys.readouterr().out.strip().splitlines()[1:]}
    cited = {key.strip('"\r') for _, key in rows}
    assert {"A/RES/53/144", "A/RES/2200(XXI)", "E/CN.4/2001/94", "A/56/341", "E/CN.4/2002/106",
            "E/CN.4/2002/106/Add.1", "E/CN.4/2002/106/Add.2", "A/57/182",
            "International Covenant on Civil and Political Rights",
            "International Covenant on Civil and Political Rights, article 4",
            "Special Representative of the Secretary-General on human rights defenders",
            "Commission on Human Rights"} <= cited
    assert any(k.startswith("Declaration on the Right and Responsibility") for k in cited)


def test_query_errors_are_one_line(tmp_path, capsys):
    assert main(["build", "-q", "-o", str(tmp_path)]) == 0
    assert main(["query", "SELECT nonsense", str(tmp_path / "A_RES_57_209.ttl")]) == 2
    assert "not valid SPARQL" in capsys.readouterr().err
