"""graph-builder: UN resolutions and what they cite, as an RDF knowledge graph.

Importing the package does no work; see `graph_builder.pipeline` for the entry points.
"""

__version__ = "0.1.0"
