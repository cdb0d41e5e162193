"""The vocabularies the builder writes, as closed namespaces: a term that is not
declared here fails at once (AttributeError), not silently in the output.

The project's own terms (GB) are declared in ontology/graph-builder.ttl; a test
checks that every term used here is declared there.
"""
from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace, Namespace

from graph_builder.defaults import DEFAULT_BASE

ONTOLOGY_NS = "https://example.org/unres/ontology#"
VERBS_NS = "https://example.org/unres/verbs/"
UNDOCS = "https://undocs.org/"
WIKIDATA = "http://www.wikidata.org/entity/"


class GB(DefinedNamespace):
    """graph-builder's ontology."""

    _NS = Namespace(ONTOLOGY_NS)
    _fail = True

    # classes
    UNDocument: URIRef
    Resolution: URIRef
    Decision: URIRef
    Clause: URIRef
    PreambularClause: URIRef
    OperativeClause: URIRef
    AnnexParagraph: URIRef
    Footnote: URIRef
    Citation: URIRef
    Instrument: URIRef
    Provision: URIRef
    Body: URIRef
    Office: URIRef
    Actor: URIRef
    Session: URIRef
    AgendaItem: URIRef
    Diagnostic: URIRef
    VerbConcept: URIRef
    MemberState: URIRef
    # properties
    symbol: URIRef
    issuedBy: URIRef
    session: URIRef
    agendaItem: URIRef
    originatingDocument: URIRef
    adoptionMeeting: URIRef
    aknWork: URIRef
    sourceFile: URIRef
    page: URIRef  # where a PDF prints a clause, footnote or citation
    pdfRegion: URIRef
    clauseId: URIRef
    clauseKind: URIRef
    position: URIRef
    text: URIRef
    verb: URIRef
    verbPhrase: URIRef
    addressee: URIRef
    addresseeText: URIRef
    hasFootnote: URIRef
    footnoteMarker: URIRef
    anchor: URIRef
    referenceKind: URIRef
    referenceKey: URIRef
    surfaceText: URIRef
    shortForm: URIRef
    foundVia: URIRef
    unit: URIRef
    number: URIRef
    instrumentType: URIRef
    adoptedBy: URIRef
    country: URIRef
    diagnostic: URIRef
    diagnosticCode: URIRef
    directive: URIRef
    citedBy: URIRef
    mentions: URIRef
    consideredAt: URIRef
    consideredUnder: URIRef
    # from the UN's metadata records (votes, sponsors, committee ...)
    votedInFavour: URIRef
    votedAgainst: URIRef
    abstained: URIRef
    votesInFavour: URIRef
    votesAgainst: URIRef
    abstentions: URIRef
    adoptionType: URIRef
    sponsoredBy: URIRef
    committee: URIRef
    meetingRecord: URIRef
    draftResolution: URIRef
    sdg: URIRef
    countryCode: URIRef
    underAgendaItem: URIRef


class ELI(DefinedNamespace):
    """European Legislation Identifier ontology: the terms the builder uses."""

    _NS = Namespace("http://data.europa.eu/eli/ontology#")
    _fail = True

    cites: URIRef


class CITO(DefinedNamespace):
    """Citation Typing Ontology: the citation as an object of its own."""

    _NS = Namespace("http://purl.org/spar/cito/")
    _fail = True

    Citation: URIRef
    hasCitingEntity: URIRef
    hasCitedEntity: URIRef
    cites: URIRef


class NIF(DefinedNamespace):
    """NLP Interchange Format: character offsets into the input text."""

    _NS = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
    _fail = True

    beginIndex: URIRef
    endIndex: URIRef
    anchorOf: URIRef


VERB = Namespace(VERBS_NS)

PREFIXES = {
    "gb": ONTOLOGY_NS,
    "verb": VERBS_NS,
    "eli": str(ELI._NS),
    "cito": str(CITO._NS),
    "nif": str(NIF._NS),
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
