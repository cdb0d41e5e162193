"""graph-builder: UN resolutions and what they cite, as an RDF knowledge graph.

Importing the package does no work; see `graph_builder.pipeline` for the entry points.
"""

from importlib.metadata import PackageNotFoundError, version

try:  # the one version source is pyproject.toml, read from the installed package's metadata
    __version__ = version("graph-builder")
except PackageNotFoundError:  # run from a source tree that was never installed (pip install -e .)
    __version__ = "unknown (not installed)"
