"""Golden graphs: each case is built as `graph-builder build` builds it and must be isomorphic to the graph
kept in tests/golden/ (no network, no ../shared: the inputs are copied into tests/golden/inputs/).

The test never writes; after an intended change, `python tests/golden/regenerate.py` rewrites the expected
graphs, and the diff of tests/golden/*.nt is the change to review."""
from __future__ import annotations

import pytest

from golden.regenerate import CASES, build_case, difference, expected_path, ntriples_lines, read_expected


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_built_graph_is_the_golden_one(name):
    assert expected_path(name).is_file(), f"{expected_path(name)} is missing: run python tests/golden/regenerate.py"
    diff = difference(read_expected(name), build_case(name))
    assert diff is None, (f"{name}: the built graph differs from {expected_path(name).name} (if the change is "
                          f"intended, run python tests/golden/regenerate.py and review the diff)\n{diff}")


def test_a_dropped_triple_is_caught_and_named():
    built = build_case("example_A_RES_57_209")
    expected = read_expected("example_A_RES_57_209")
    assert difference(expected, built) is None
    # the golden graph with one triple fewer: the built graph now has a triple the expected one lacks
    dropped = sorted(expected, key=lambda t: tuple(x.n3() for x in t))[len(expected) // 2]
    expected.remove(dropped)
    (line,) = ntriples_lines([dropped])
    assert difference(expected, built) == f"0 triples only in expected:\n1 triples only in built:\n  {line}"
    # and the other way round: a triple the build no longer makes is named under "only in expected"
    expected.add(dropped)
    built.remove(dropped)
    assert difference(expected, built) == f"1 triples only in expected:\n  {line}\n0 triples only in built:"


def test_a_long_difference_is_cut_short():
    expected = read_expected("xml_S_RES_2208_2015")
    built = read_expected("xml_S_RES_2208_2015")
    for triple in sorted(expected, key=lambda t: tuple(x.n3() for x in t))[:100]:
        built.remove(triple)
    diff = difference(expected, built)
    assert diff.startswith("100 triples only in expected (first 40 shown):")
    assert len(diff.splitlines()) == 1 + 40 + 1
