from pathlib import Path

import pytest


@pytest.fixture
def shared_dir() -> Path:
    """../shared/ next to the repository (the corpus and the evaluation kit), or skip."""
    path = Path(__file__).parents[1] / ".." / "shared"
    if not path.is_dir():
        pytest.skip("../shared/ is not present")
    return path


SHARED = Path(__file__).parents[1] / ".." / "shared"
# a small real corpus: the human rights defenders series (74/146 <- 76/174 <- 78/216, each recalling the one
# before), the two other hand-gold texts, and the first five resolutions of five folders of the AKN4UN corpus
SAMPLE_FILES = ["corpus/unxml-ga/74session/74_146.xml", "corpus/unxml-ga/76session/A_RES_76_174-2119209E.xml",
                "corpus/unxml-ga/78session/A_RES_78_216-2326002E.xml", "eval/gold/A_RES_76_174.txt",
                "corpus/cr-unsc/S_RES_0834_1993_EN_GOLD.txt"]
SAMPLE_FOLDERS = ["corpus/unxml-ga/80session", "corpus/unxml-ga/emergency", "corpus/unxml-sc/2020",
                  "corpus/unxml-hrc/58session", "corpus/unxml-ecosoc/2023"]


@pytest.fixture(scope="session")
def example_graph():
    """The bundled example (57/209) as (graph IRI, triples)."""
    from graph_builder.build import build_file
    from graph_builder.cli.commands.build import example
    from graph_builder.graph.iri import Minter
    from graph_builder.graph.rdf import document_iri

    path, info = example()
    built = build_file(path, info)
    return document_iri(built.resolution, Minter()), built.triples


@pytest.fixture(scope="session")
def corpus_sample() -> list:
    """About 30 real resolutions as [(graph IRI, triples)], one per resolution (the XML of 76/174 wins), or skip."""
    from graph_builder.build import build_file
    from graph_builder.graph.iri import Minter
    from graph_builder.graph.rdf import document_iri

    if not SHARED.is_dir():
        pytest.skip("../shared/ is not present")
    files = [SHARED / f for f in SAMPLE_FILES]
    for folder in SAMPLE_FOLDERS:
        files += sorted(p for p in (SHARED / folder).rglob("*.xml") if "_RES_" in p.name)[:5]
    graphs = {}
    for f in files:
        built = build_file(f)
        graphs.setdefault(document_iri(built.resolution, Minter()), built.triples)
    return sorted(graphs.items())


@pytest.fixture
def store_of(tmp_path):
    """make(graphs) -> an on-disk store folder with one named graph per resolution, closed again
    (an on-disk store admits one process at a time, and the tests hand it to servers)."""
    import gc

    from graph_builder.graph.store import open_store, replace_graph

    def make(graphs, name: str = "store") -> Path:
        store = open_store(tmp_path / name)
        for graph, triples in graphs:
            replace_graph(store, graph, triples)
        store.flush()
        del store
        gc.collect()
        return tmp_path / name

    return make
