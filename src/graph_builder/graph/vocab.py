"""The vocabularies the builder writes, as closed namespaces: a term that is not
declared fails mypy and, when its line runs, raises AttributeError, never silently in the output.

The project's own terms (GB) and those of ELI, CiTO and NIF come from graph/terms.py, which is
generated from ontology/graph-builder.ttl; the standard vocabularies are rdflib's.
"""
from __future__ import annotations

from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD, Namespace

from graph_builder.defaults import DEFAULT_BASE
from graph_builder.graph.terms import CITO, ELI, GB, NIF

ONTOLOGY_NS = GB._NS
VERBS_NS = "https://example.org/unres/verbs/"
UNDOCS = "https://undocs.org/"
WIKIDATA = "http://www.wikidata.org/entity/"


VERB = Namespace(VERBS_NS)

PREFIXES = {
    "gb": ONTOLOGY_NS,
    "verb": VERBS_NS,
    "eli": ELI._NS,
    "cito": CITO._NS,
    "nif": NIF._NS,
    "dcterms": str(DCTERMS),
    "foaf": str(FOAF),
    "owl": str(OWL),
    "prov": str(PROV),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "skos": str(SKOS),
    "xsd": str(XSD),
}

__all__ = ["GB", "ELI", "CITO", "NIF", "VERB", "DCTERMS", "FOAF", "OWL", "PROV", "RDF", "RDFS", "SKOS", "XSD",
           "PREFIXES", "ONTOLOGY_NS", "VERBS_NS", "DEFAULT_BASE", "UNDOCS", "WIKIDATA"]
