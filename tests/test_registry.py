"""Readers and writers by registry: each input format is one row of readers/registry.py, each output
format one row of graph/formats.py; table-driven."""
from __future__ import annotations

from pathlib import Path

import pytest
from pyoxigraph import RdfFormat, parse

from graph_builder.graph import formats
from graph_builder.graph.export import dataset_bytes, graph_bytes
from graph_builder.pipeline import read_bytes
from graph_builder.readers import registry

HERE = Path(__file__).parent
TEXT = b" The General Assembly,\n\n Recalling its resolution 53/144,\n\n 1. Decides to remain seized of the matter.\n"


@pytest.mark.parametrize("head, name", [
    (b"%PDF-1.7\n...", "pdf"),
    (b"\xef\xbb\xbf%PDF-1.4\n", "pdf"),
    (b"junk before it\n%PDF-1.4\n1 0 obj\n%%EOF\n", "pdf"),  # the standard lets junk come first
    (b"a text that mentions %PDF-1.4 in passing", "text"),
    (b"<?xml version='1.0'?><akomaNtoso/>", "akn"),
    (b"\xef\xbb\xbf\n  <akomaNtoso/>", "akn"),
    (TEXT, "text"),
    (b"\xff\xfe T\x00h\x00e\x00", "text"),  # UTF-16: the text reader decodes it
])
def test_the_content_decides_the_reader(head, name):
    assert registry.reader_for(head).name == name


def test_every_row_is_complete_and_text_comes_last():
    names = [r.name for r in registry.READERS]
    assert len(set(names)) == len(names) and names[-1] == "text"
    assert registry.READERS[-1].sniff(b"anything at all")
    for r in registry.READERS:
        assert r.suffixes and all(s.startswith(".") and s == s.lower() for s in r.suffixes)
        assert set(r.suffixes) <= set(registry.INPUT_SUFFIXES)
    assert len(set(registry.INPUT_SUFFIXES)) == len(registry.INPUT_SUFFIXES)
    with pytest.raises(ValueError):
        registry.reader_named("docx")


@pytest.mark.parametrize("name, data, symbol", [
    ("text", lambda: TEXT, ""),
    ("akn", lambda: (HERE / "hostile" / "good.xml").read_bytes(), None),
    ("pdf", lambda: (HERE / "data" / "pdf" / "A_RES_80_10.pdf").read_bytes(), "A/RES/80/10"),
])
def test_each_reader_reads_through_the_pipeline(name, data, symbol):
    raw = data()
    reader = registry.reader_for(raw)
    assert reader.name == name and reader is registry.reader_named(name)
    doc = read_bytes(raw, f"x{reader.suffixes[0]}")
    assert doc.clauses
    if symbol is not None:
        assert doc.info.symbol == symbol


def test_a_folder_takes_the_registrys_suffixes():
    from graph_builder.build import INPUT_SUFFIXES

    assert INPUT_SUFFIXES is registry.INPUT_SUFFIXES


# -- output formats ---------------------------------------------------------------

@pytest.mark.parametrize("f", formats.OUTPUT_FORMATS, ids=lambda f: f.name)
def test_each_output_format_writes_what_its_parser_reads(f, example_graph):
    triples = example_graph[1]
    data = graph_bytes(triples, f.name)
    assert data == graph_bytes(triples, f.name)  # deterministic
    rdf_format = getattr(RdfFormat, f.rdf_format)
    assert len({q.triple for q in parse(data, format=rdf_format)}) == len(set(triples))
    assert f.suffix == "." + f.name  # the CLI's name is the file suffix
    for alias in f.aliases:
        assert formats.output_format(alias) is f
    assert data.startswith(b"@prefix") == f.prefixes
    if f.dataset:
        quads = list(parse(dataset_bytes([example_graph], f.name), format=rdf_format))
        assert {str(q.graph_name) for q in quads} == {f"<{example_graph[0]}>"}
    else:
        with pytest.raises(ValueError):
            dataset_bytes([example_graph], f.name)


def test_the_cli_offers_exactly_the_table(capsys):
    from graph_builder.cli import main

    with pytest.raises(SystemExit):
        main(["build", "--help"])
    shown = capsys.readouterr().out
    assert "{" + ",".join(formats.CHOICES) + "}" in shown
    for suffix in registry.INPUT_SUFFIXES:
        assert suffix in shown
    with pytest.raises(ValueError):
        formats.output_format("rdfxml")
