"""Golden graphs: what `graph-builder build` makes of four resolutions, kept to catch any change in the graph.

    python tests/golden/regenerate.py      # rewrite every expected graph (on purpose only: review the diff)

The test (tests/test_golden.py) builds each case the same way and compares by isomorphism; it never writes.
This module is both that script and the test's shared half: the cases, the build, the comparison.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
INPUTS = HERE / "inputs"

# name of the expected graph (HERE/<name>.nt) -> the input, None for the bundled example (57/209, the build
# command's default): one text and one AKN4UN XML of each organ that the corpus has most of
CASES: dict[str, Path | None] = {
    "example_A_RES_57_209": None,
    "text_S_RES_598_1987": INPUTS / "S_RES_0598_1987_EN_GOLD.txt",  # CR-UNSC text, Security Council
    "xml_A_RES_76_119": INPUTS / "A_RES_76_119-2118677E.xml",  # AKN4UN, General Assembly, with footnotes
    "xml_S_RES_2208_2015": INPUTS / "S_RES_2208_1503453E.xml",  # AKN4UN, Security Council
}
SHOWN = 40  # lines of each side of a difference shown on failure


def expected_path(name: str) -> Path:
    return HERE / f"{name}.nt"


def build_case(name: str):
    """The graph `graph-builder build INPUT` writes (its Turtle file, read back), as an rdflib Graph."""
    from rdflib import Graph

    from graph_builder.cli import main

    source = CASES[name]
    with tempfile.TemporaryDirectory() as tmp:
        argv = ["build", *([str(source)] if source else []), "--output", tmp, "--no-view", "--quiet"]
        code = main(argv)
        if code != 0:
            raise RuntimeError(f"graph-builder {' '.join(argv)} exited {code}")
        written = sorted(Path(tmp).glob("*.ttl"))
        if len(written) != 1:
            raise RuntimeError(f"graph-builder {' '.join(argv)} wrote {[p.name for p in written]}, not one .ttl")
        graph = Graph()
        graph.parse(written[0], format="turtle")
        return graph


def read_expected(name: str):
    from rdflib import Graph

    graph = Graph()
    graph.parse(expected_path(name), format="nt")
    return graph


def ntriples_lines(graph) -> list[str]:
    """The graph as sorted N-Triples lines (blank nodes, if any, keep rdflib's labels)."""
    from rdflib import Graph

    plain = Graph()  # a graph_diff side is a bare Graph already; copying drops any namespace bindings
    for triple in graph:
        plain.add(triple)
    return sorted(line for line in plain.serialize(format="nt", encoding="utf-8").decode("utf-8").splitlines()
                  if line.strip())


def difference(expected, built) -> str | None:
    """None when the graphs are isomorphic; otherwise the triples only in each, sorted, SHOWN of each."""
    from rdflib.compare import graph_diff, isomorphic, to_isomorphic

    if isomorphic(expected, built):
        return None
    _, only_expected, only_built = graph_diff(to_isomorphic(expected), to_isomorphic(built))
    parts = []
    for title, side in (("only in expected", only_expected), ("only in built", only_built)):
        lines = ntriples_lines(side)
        more = f" (first {SHOWN} shown)" if len(lines) > SHOWN else ""
        parts.append(f"{len(lines)} triples {title}{more}:")
        parts += ["  " + line for line in lines[:SHOWN]]
    return "\n".join(parts)


def write_expected(name: str, graph) -> None:
    expected_path(name).write_text("".join(line + "\n" for line in ntriples_lines(graph)), encoding="utf-8")


def main() -> int:
    for name in CASES:
        graph = build_case(name)
        old = read_expected(name) if expected_path(name).exists() else None
        write_expected(name, graph)
        change = "new" if old is None else ("unchanged" if difference(old, graph) is None else "CHANGED")
        print(f"{expected_path(name).relative_to(HERE.parents[1])}: {len(graph)} triples, {change}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
