"""graph-builder: UN resolutions and what they cite, as an RDF knowledge graph.

The library API (see the README's "Python" section):

    graph_builder.read(path, symbol=..., date=...)   -> ReadResolution (clauses, footnotes, references(),
                                                        to_rdflib(), to_networkx(), to_dict())
    graph_builder.build_corpus(paths, out, store=...) -> the build's report
    graph_builder.example_path()                     -> the bundled example, A/RES/57/209

Importing the package does no work: these names are loaded from graph_builder.api on first use.
"""

from importlib.metadata import PackageNotFoundError, version

try:  # the one version source is pyproject.toml, read from the installed package's metadata
    __version__ = version("graph-builder")
except PackageNotFoundError:  # run from a source tree that was never installed (pip install -e .)
    __version__ = "unknown (not installed)"

__all__ = ["read", "build_corpus", "example_path", "ReadResolution", "__version__"]


def __getattr__(name: str):
    if name in ("read", "build_corpus", "example_path", "ReadResolution"):
        from graph_builder import api

        return getattr(api, name)
    raise AttributeError(f"module 'graph_builder' has no attribute {name!r}")


def __dir__():
    return sorted(__all__)
