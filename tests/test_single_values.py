"""One value of each single-valued property of a node, whichever resolutions spell it and in whatever order."""
from __future__ import annotations

import itertools

import pytest
from pyoxigraph import RdfFormat, Store, parse

from graph_builder.graph.rdf import TripleSink, lit, single_values
from graph_builder.graph.terms import NT as T

NODE = "https://example.org/unres/actor/participants"


def lines_of(values, predicate=None, node=NODE) -> bytes:
    """Sorted N-Triples lines, as TripleSink writes them (labels in English, units and numbers plain)."""
    predicate = predicate or T.RDFS_label
    lang = "en" if predicate == T.RDFS_label else None
    return b"".join(sorted(f"<{node}> {predicate} {lit(v, lang=lang)} .\n".encode() for v in values))


def values(ntriples: bytes, name: str) -> set[str]:
    return {q.object.value for q in parse(ntriples, format=RdfFormat.N_TRIPLES)
            if q.predicate.value.rsplit("/", 1)[-1].rsplit("#", 1)[-1] == name}


@pytest.mark.parametrize("spellings, kept", [
    (["participants", "Participants"], "Participants"),  # capitalised as a name
    (["member States", "Member States"], "Member States"),
    (["S/RES/1727(2006), paragraph 7(e)", "S/RES/1727(2006), paragraph 7 (e)"], "S/RES/1727(2006), paragraph 7 (e)"),
    (["Cote d'Ivoire", "Côte d’Ivoire", "Cote d’Ivoire"], "Côte d’Ivoire"),  # typographic
    (["Co\u0302te d’Ivoire", "Côte d’Ivoire"], "Côte d’Ivoire"),  # composed
    (["Counter Terrorism Executive Directorate", "Counter-Terrorism Executive Directorate"],
     "Counter-Terrorism Executive Directorate"),
    (["Secretary~General", "Secretary- General", "Secretary General"], "Secretary General"),  # no broken text
    (["_ international organizations", "international organizations"], "international organizations"),
    (["COOPERATIVES[", "COOPERATIVES"], "COOPERATIVES"),
    (["The situation in the Middle East  (S/)", "The situation in the Middle East (S/)"],
     "The situation in the Middle East (S/)"),
])
def test_one_label_is_kept_whatever_the_order_and_the_others_are_alt_labels(spellings, kept):
    for order in itertools.permutations(spellings):
        out = single_values(lines_of(order))
        assert values(out, "label") == {kept}
        assert values(out, "altLabel") == set(spellings) - {kept}
        assert out == b"".join(sorted(out.splitlines(keepends=True)))  # still sorted N-Triples


def test_choosing_among_the_choices_of_parts_is_choosing_among_all():
    # a corpus merges its resolutions' graphs, each already with one label: the merge must come out as if
    # all the spellings had been met at once (that is what makes a rerun from cached files agree)
    spellings = ["participants", "Participants", "PARTICIPANTS ", "Participants~"]
    whole = single_values(lines_of(spellings))
    for split in range(1, len(spellings)):
        parts = [single_values(lines_of(spellings[:split])), single_values(lines_of(spellings[split:]))]
        union = b"".join(sorted(set(b"".join(parts).splitlines(keepends=True))))
        assert values(single_values(union), "label") == values(whole, "label")


def test_units_and_numbers_keep_one_value_and_no_alt_label():
    node = "https://example.org/unres/doc/S/RES/1727(2006)#paragraph-7-e"
    ntriples = b"".join(sorted(lines_of(["7(e)", "7 (e)"], T.GB_number, node).splitlines(keepends=True)
                               + lines_of(["paragraph", "Paragraph"], T.GB_unit, node).splitlines(keepends=True)))
    out = single_values(ntriples)
    assert values(out, "number") == {"7 (e)"} and values(out, "unit") == {"Paragraph"}
    assert values(out, "altLabel") == set()


def test_the_adoption_meeting_keeps_one_spelling():
    """The closing line and the catalogue record spell A/RES/76/242's meeting apart."""
    node = "https://example.org/unres/doc/A/RES/76/242"
    out = single_values(lines_of(["54th resumed plenary meeting", "54th (resumed) plenary meeting"],
                                 T.GB_adoptionMeeting, node))
    assert len(values(out, "adoptionMeeting")) == 1


def test_a_node_with_one_value_is_left_as_it_is():
    ntriples = lines_of(["Participants"]) + lines_of(["b"], T.GB_number)
    assert single_values(ntriples) is ntriples


def test_the_sink_writes_one_label():
    sink = TripleSink()
    for v in ("participants", "Participants"):
        sink.add(NODE, T.RDFS_label, lit(v, lang="en"))
    assert values(sink.ntriples(), "label") == {"Participants"}


@pytest.mark.parametrize("given, committee", [
    ("Fourth Committee", "Special Political and Decolonization Committee (Fourth Committee)"),  # the gazetteer's name
    ("#fifthCommittee", "Fifth Committee"),  # a markup tag in the records
    ("Third Committee", "Third Committee"),
    ("Statistical Commission", "Statistical Commission"),
    ("Plenary meeting", None), ("Without reference to a Main Committee", None), ("", None),
])
def test_a_records_committee_is_the_listed_body(given, committee):
    from graph_builder.graph.rdf import metadata_ntriples
    from graph_builder.readers.metadata import MetadataRecord

    out = metadata_ntriples(MetadataRecord(symbol="A/RES/78/1", committee=given), "https://example.org/unres/doc/A/RES/78/1")
    assert values(out, "label") == ({committee} if committee else set())


def write_texts(folder, clauses: dict[str, str]):
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, (symbol, body) in enumerate(clauses.items(), 1):
        p = folder / f"r{n}.txt"
        p.write_text(f"United Nations {symbol}\nGeneral Assembly\nDistr.: General\n1 December 2003\n\n"
                     f"Resolution adopted by the General Assembly on 1 December 2003\n\n"
                     f"The General Assembly,\n\nRecalling its resolution 53/144,\n\n{body}\n", encoding="utf-8")
        paths.append(p)
    return paths


SPELLED = {"A/RES/58/1": "1. Calls upon participants to act;\n\n2. Recalls article 19 of the Charter of the United Nations;",
           "A/RES/58/2": "1. Calls upon Participants to act;\n\n2. Recalls Article 19 of the Charter of the United Nations;",
           "A/RES/58/3": "1. Calls upon PARTICIPANTS to act;"}


def shared_labels(store: Store, node: str) -> set[str]:
    from pyoxigraph import NamedNode

    return {q.object.value for q in store.quads_for_pattern(NamedNode(node), NamedNode(str(T.RDFS_label)[1:-1]),
                                                            None, None)}


def test_a_corpus_gives_a_shared_node_one_label_in_any_input_order(tmp_path):
    from graph_builder.build import Settings, build_corpus
    from graph_builder.graph.iri import Minter

    paths = write_texts(tmp_path / "in", SPELLED)
    outputs = []
    for k, order in enumerate((paths, paths[::-1])):
        out = tmp_path / f"out{k}"
        report = build_corpus(order, out, Settings(minter=Minter()), jobs=1, store_dir=tmp_path / f"store{k}")
        assert len(report.built) == 3 and not report.failed
        store = Store.read_only(str(tmp_path / f"store{k}"))
        assert shared_labels(store, NODE) == {"Participants"}
        assert shared_labels(store, "https://example.org/unres/instrument/un-charter/article-19") == {
            "Charter of the United Nations, Article 19"}
        del store
        outputs.append(out)
    # the corpus files hold the resolutions in input order, the shared graph once: compare the shared graph
    shared = [(o / "corpus.trig").read_bytes().split(b"<https://example.org/unres/graph/shared> {")[1] for o in outputs]
    assert shared[0] == shared[1]


def test_a_store_built_in_two_runs_keeps_one_label(tmp_path):
    from graph_builder.build import Settings, build_corpus
    from graph_builder.graph.iri import Minter

    paths = write_texts(tmp_path / "in", SPELLED)
    settings = Settings(minter=Minter())
    build_corpus(paths[:1], tmp_path / "a", settings, jobs=1, store_dir=tmp_path / "store")
    build_corpus(paths[1:], tmp_path / "b", settings, jobs=1, store_dir=tmp_path / "store")
    store = Store.read_only(str(tmp_path / "store"))
    assert shared_labels(store, NODE) == {"Participants"}
