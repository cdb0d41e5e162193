"""The ontology's files, and the verb concept scheme (ontology/verbs.ttl), generated from data/verbs.toml.

The data file is the single source; a test checks that the committed Turtle is
what this module generates from it."""
from __future__ import annotations

from pathlib import Path

from pyoxigraph import Literal, NamedNode, Triple

from graph_builder.errors import InputError
from graph_builder.find.verbs import verb_table
from graph_builder.graph.export import turtle_bytes
from graph_builder.graph.vocab import DCTERMS, GB, RDF, SKOS, VERBS_NS, XSD

SCHEME = VERBS_NS.rstrip("/")
# the project's ontology/ folder, shipped inside the package as data/ontology (a link to it in the source tree)
ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "data" / "ontology"


def ontology_file(name: str) -> Path:
    path = ONTOLOGY_DIR / name
    if not path.is_file():
        raise InputError(str(path), "not found: the ontology/ folder of graph-builder's source tree is needed")
    return path


def verb_scheme_triples() -> list[Triple]:
    n = NamedNode
    out: list[Triple] = []
    scheme = n(VERBS_NS)
    out.append(Triple(scheme, n(str(RDF.type)), n(str(SKOS.ConceptScheme))))
    out.append(Triple(scheme, n(str(SKOS.prefLabel)), Literal("Opening verbs of UN resolution clauses", language="en")))
    out.append(Triple(scheme, n(str(DCTERMS.description)), Literal(
        "The verbs that open the preambular and operative clauses of United Nations resolutions "
        "(recalls, welcomes, urges, requests ...), each with the forms printed in resolutions.", language="en")))
    for c in verb_table().concepts:
        node = n(VERBS_NS + c.id)
        out.append(Triple(node, n(str(RDF.type)), n(str(SKOS.Concept))))
        out.append(Triple(node, n(str(RDF.type)), n(str(GB.VerbConcept))))
        out.append(Triple(node, n(str(SKOS.inScheme)), scheme))
        out.append(Triple(node, n(str(SKOS.prefLabel)), Literal(c.label, language="en")))
        out.append(Triple(node, n(str(SKOS.notation)), Literal(c.id)))
        for form in c.forms:
            out.append(Triple(node, n(str(SKOS.hiddenLabel)), Literal(form, language="en")))
        out.append(Triple(node, n(str(GB.directive)), Literal("true" if c.directive else "false", datatype=n(str(XSD.boolean)))))
        if c.broader:
            out.append(Triple(node, n(str(SKOS.broader)), n(VERBS_NS + c.broader)))
        else:
            out.append(Triple(node, n(str(SKOS.topConceptOf)), scheme))
            out.append(Triple(scheme, n(str(SKOS.hasTopConcept)), node))
    return out


def verb_scheme_turtle() -> bytes:
    header = (b"# The verb concept scheme of graph-builder. Generated from src/graph_builder/data/verbs.toml\n"
              b"# by `graph-builder ontology`; edit the data file, not this one.\n")
    return header + turtle_bytes(verb_scheme_triples())
