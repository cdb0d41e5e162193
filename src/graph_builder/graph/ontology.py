"""The ontology's files, and what is generated from the project's sources: the verb concept scheme
(ontology/verbs.ttl) from data/verbs.toml, and the Python terms (graph/terms.py) from ontology/graph-builder.ttl.

Each source is the single one; tests check that the committed files are what this module generates."""
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


# -- the Python terms of the ontology (graph/terms.py) -------------------------------------------

# the vocabularies rdflib does not define: graph/terms.py gives each a class of its terms as URIRefs
OWN_CLASSES = ("gb", "eli", "cito", "nif")
TERMS_HEADER = '''"""The terms of ontology/graph-builder.ttl, generated from it by graph/ontology.py's terms_module().

Edit the ontology, not this file, then run `graph-builder ontology --terms src/graph_builder/graph/terms.py`;
a test checks that this file is what the ontology gives.  Each class holds only the terms the ontology
declares or uses, so a term it does not know fails mypy and, when the line runs, raises AttributeError.
"""
from __future__ import annotations

from typing import Final

from rdflib import URIRef
'''


def ontology_terms(path: Path) -> dict[str, tuple[str, list[str]]]:
    """prefix -> (namespace, the local names of every IRI under it that the ontology file mentions), sorted.
    The ontology's own IRI and the verb scheme (verbs.ttl, generated from data) are not terms."""
    import rdflib

    g = rdflib.Graph()
    g.parse(path, format="turtle")
    spaces = {p: str(ns) for p, ns in g.namespaces() if f"@prefix {p}:" in path.read_text(encoding="utf-8")}
    iris = {str(t) for triple in g for t in triple if isinstance(t, rdflib.URIRef)}
    out: dict[str, tuple[str, list[str]]] = {}
    for prefix, ns in sorted(spaces.items()):
        if ns == VERBS_NS:
            continue
        names = sorted(i[len(ns):] for i in iris if i.startswith(ns) and len(i) > len(ns))
        if names:
            out[prefix] = (ns, names)
    return out


def terms_module(path: Path) -> str:
    """The source of graph/terms.py: a class per vocabulary of OWN_CLASSES (its terms as URIRefs), and NT,
    every term of every vocabulary as the N-Triples IRI rdf.py writes (NT.GB_Clause, NT.RDF_type)."""
    spaces = ontology_terms(path)
    out = [TERMS_HEADER]
    for prefix in OWN_CLASSES:
        ns, names = spaces[prefix]
        out.append(f"\n\nclass {prefix.upper()}:\n    \"\"\"{prefix}: <{ns}>\"\"\"\n\n    _NS: Final = \"{ns}\"\n")
        out += [f"    {name}: Final = URIRef(\"{ns}{name}\")\n" for name in names]
    out.append('\n\nclass NT:\n    """Every term, as an N-Triples IRI: PREFIX_name."""\n\n')
    for prefix, (ns, names) in spaces.items():
        out += [f"    {prefix.upper()}_{name}: Final = \"<{ns}{name}>\"\n" for name in names]
    return "".join(out)
