"""The terms of ontology/graph-builder.ttl, generated from it by graph/ontology.py's terms_module().

Edit the ontology, not this file, then run `graph-builder ontology --terms src/graph_builder/graph/terms.py`;
a test checks that this file is what the ontology gives.  Each class holds only the terms the ontology
declares or uses, so a term it does not know fails mypy and, when the line runs, raises AttributeError.
"""
from __future__ import annotations

from typing import Final

from rdflib import URIRef


class GB:
    """gb: <https://example.org/unres/ontology#>"""

    _NS: Final = "https://example.org/unres/ontology#"
    Actor: Final = URIRef("https://example.org/unres/ontology#Actor")
    AgendaItem: Final = URIRef("https://example.org/unres/ontology#AgendaItem")
    AnnexParagraph: Final = URIRef("https://example.org/unres/ontology#AnnexParagraph")
    Body: Final = URIRef("https://example.org/unres/ontology#Body")
    Citation: Final = URIRef("https://example.org/unres/ontology#Citation")
    Clause: Final = URIRef("https://example.org/unres/ontology#Clause")
    Decision: Final = URIRef("https://example.org/unres/ontology#Decision")
    Diagnostic: Final = URIRef("https://example.org/unres/ontology#Diagnostic")
    Footnote: Final = URIRef("https://example.org/unres/ontology#Footnote")
    Instrument: Final = URIRef("https://example.org/unres/ontology#Instrument")
    MemberState: Final = URIRef("https://example.org/unres/ontology#MemberState")
    Office: Final = URIRef("https://example.org/unres/ontology#Office")
    OperativeClause: Final = URIRef("https://example.org/unres/ontology#OperativeClause")
    PreambularClause: Final = URIRef("https://example.org/unres/ontology#PreambularClause")
    Provision: Final = URIRef("https://example.org/unres/ontology#Provision")
    Resolution: Final = URIRef("https://example.org/unres/ontology#Resolution")
    Session: Final = URIRef("https://example.org/unres/ontology#Session")
    UNDocument: Final = URIRef("https://example.org/unres/ontology#UNDocument")
    VerbConcept: Final = URIRef("https://example.org/unres/ontology#VerbConcept")
    abstained: Final = URIRef("https://example.org/unres/ontology#abstained")
    abstentions: Final = URIRef("https://example.org/unres/ontology#abstentions")
    addressee: Final = URIRef("https://example.org/unres/ontology#addressee")
    addresseeText: Final = URIRef("https://example.org/unres/ontology#addresseeText")
    adoptedBy: Final = URIRef("https://example.org/unres/ontology#adoptedBy")
    adoptionMeeting: Final = URIRef("https://example.org/unres/ontology#adoptionMeeting")
    adoptionType: Final = URIRef("https://example.org/unres/ontology#adoptionType")
    agendaItem: Final = URIRef("https://example.org/unres/ontology#agendaItem")
    aknWork: Final = URIRef("https://example.org/unres/ontology#aknWork")
    anchor: Final = URIRef("https://example.org/unres/ontology#anchor")
    citedBy: Final = URIRef("https://example.org/unres/ontology#citedBy")
    clauseId: Final = URIRef("https://example.org/unres/ontology#clauseId")
    clauseKind: Final = URIRef("https://example.org/unres/ontology#clauseKind")
    committee: Final = URIRef("https://example.org/unres/ontology#committee")
    consideredAt: Final = URIRef("https://example.org/unres/ontology#consideredAt")
    consideredUnder: Final = URIRef("https://example.org/unres/ontology#consideredUnder")
    country: Final = URIRef("https://example.org/unres/ontology#country")
    countryCode: Final = URIRef("https://example.org/unres/ontology#countryCode")
    diagnostic: Final = URIRef("https://example.org/unres/ontology#diagnostic")
    diagnosticCode: Final = URIRef("https://example.org/unres/ontology#diagnosticCode")
    directive: Final = URIRef("https://example.org/unres/ontology#directive")
    draftResolution: Final = URIRef("https://example.org/unres/ontology#draftResolution")
    footnoteMarker: Final = URIRef("https://example.org/unres/ontology#footnoteMarker")
    foundVia: Final = URIRef("https://example.org/unres/ontology#foundVia")
    hasFootnote: Final = URIRef("https://example.org/unres/ontology#hasFootnote")
    instrumentType: Final = URIRef("https://example.org/unres/ontology#instrumentType")
    issuedBy: Final = URIRef("https://example.org/unres/ontology#issuedBy")
    meetingRecord: Final = URIRef("https://example.org/unres/ontology#meetingRecord")
    mentions: Final = URIRef("https://example.org/unres/ontology#mentions")
    number: Final = URIRef("https://example.org/unres/ontology#number")
    originatingDocument: Final = URIRef("https://example.org/unres/ontology#originatingDocument")
    page: Final = URIRef("https://example.org/unres/ontology#page")
    pdfRegion: Final = URIRef("https://example.org/unres/ontology#pdfRegion")
    position: Final = URIRef("https://example.org/unres/ontology#position")
    referenceKey: Final = URIRef("https://example.org/unres/ontology#referenceKey")
    referenceKind: Final = URIRef("https://example.org/unres/ontology#referenceKind")
    sdg: Final = URIRef("https://example.org/unres/ontology#sdg")
    session: Final = URIRef("https://example.org/unres/ontology#session")
    shortForm: Final = URIRef("https://example.org/unres/ontology#shortForm")
    sourceFile: Final = URIRef("https://example.org/unres/ontology#sourceFile")
    sponsoredBy: Final = URIRef("https://example.org/unres/ontology#sponsoredBy")
    surfaceText: Final = URIRef("https://example.org/unres/ontology#surfaceText")
    symbol: Final = URIRef("https://example.org/unres/ontology#symbol")
    text: Final = URIRef("https://example.org/unres/ontology#text")
    underAgendaItem: Final = URIRef("https://example.org/unres/ontology#underAgendaItem")
    unit: Final = URIRef("https://example.org/unres/ontology#unit")
    verb: Final = URIRef("https://example.org/unres/ontology#verb")
    verbPhrase: Final = URIRef("https://example.org/unres/ontology#verbPhrase")
    votedAgainst: Final = URIRef("https://example.org/unres/ontology#votedAgainst")
    votedInFavour: Final = URIRef("https://example.org/unres/ontology#votedInFavour")
    votesAgainst: Final = URIRef("https://example.org/unres/ontology#votesAgainst")
    votesInFavour: Final = URIRef("https://example.org/unres/ontology#votesInFavour")


class ELI:
    """eli: <http://data.europa.eu/eli/ontology#>"""

    _NS: Final = "http://data.europa.eu/eli/ontology#"
    cites: Final = URIRef("http://data.europa.eu/eli/ontology#cites")


class CITO:
    """cito: <http://purl.org/spar/cito/>"""

    _NS: Final = "http://purl.org/spar/cito/"
    Citation: Final = URIRef("http://purl.org/spar/cito/Citation")
    hasCitedEntity: Final = URIRef("http://purl.org/spar/cito/hasCitedEntity")
    hasCitingEntity: Final = URIRef("http://purl.org/spar/cito/hasCitingEntity")


class NIF:
    """nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>"""

    _NS: Final = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
    anchorOf: Final = URIRef("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf")
    beginIndex: Final = URIRef("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex")
    endIndex: Final = URIRef("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#endIndex")


class NT:
    """Every term, as an N-Triples IRI: PREFIX_name."""

    CITO_Citation: Final = "<http://purl.org/spar/cito/Citation>"
    CITO_hasCitedEntity: Final = "<http://purl.org/spar/cito/hasCitedEntity>"
    CITO_hasCitingEntity: Final = "<http://purl.org/spar/cito/hasCitingEntity>"
    DCTERMS_creator: Final = "<http://purl.org/dc/terms/creator>"
    DCTERMS_date: Final = "<http://purl.org/dc/terms/date>"
    DCTERMS_description: Final = "<http://purl.org/dc/terms/description>"
    DCTERMS_hasPart: Final = "<http://purl.org/dc/terms/hasPart>"
    DCTERMS_identifier: Final = "<http://purl.org/dc/terms/identifier>"
    DCTERMS_isPartOf: Final = "<http://purl.org/dc/terms/isPartOf>"
    DCTERMS_language: Final = "<http://purl.org/dc/terms/language>"
    DCTERMS_subject: Final = "<http://purl.org/dc/terms/subject>"
    DCTERMS_title: Final = "<http://purl.org/dc/terms/title>"
    ELI_cites: Final = "<http://data.europa.eu/eli/ontology#cites>"
    FOAF_Document: Final = "<http://xmlns.com/foaf/0.1/Document>"
    FOAF_Organization: Final = "<http://xmlns.com/foaf/0.1/Organization>"
    FOAF_page: Final = "<http://xmlns.com/foaf/0.1/page>"
    GB_Actor: Final = "<https://example.org/unres/ontology#Actor>"
    GB_AgendaItem: Final = "<https://example.org/unres/ontology#AgendaItem>"
    GB_AnnexParagraph: Final = "<https://example.org/unres/ontology#AnnexParagraph>"
    GB_Body: Final = "<https://example.org/unres/ontology#Body>"
    GB_Citation: Final = "<https://example.org/unres/ontology#Citation>"
    GB_Clause: Final = "<https://example.org/unres/ontology#Clause>"
    GB_Decision: Final = "<https://example.org/unres/ontology#Decision>"
    GB_Diagnostic: Final = "<https://example.org/unres/ontology#Diagnostic>"
    GB_Footnote: Final = "<https://example.org/unres/ontology#Footnote>"
    GB_Instrument: Final = "<https://example.org/unres/ontology#Instrument>"
    GB_MemberState: Final = "<https://example.org/unres/ontology#MemberState>"
    GB_Office: Final = "<https://example.org/unres/ontology#Office>"
    GB_OperativeClause: Final = "<https://example.org/unres/ontology#OperativeClause>"
    GB_PreambularClause: Final = "<https://example.org/unres/ontology#PreambularClause>"
    GB_Provision: Final = "<https://example.org/unres/ontology#Provision>"
    GB_Resolution: Final = "<https://example.org/unres/ontology#Resolution>"
    GB_Session: Final = "<https://example.org/unres/ontology#Session>"
    GB_UNDocument: Final = "<https://example.org/unres/ontology#UNDocument>"
    GB_VerbConcept: Final = "<https://example.org/unres/ontology#VerbConcept>"
    GB_abstained: Final = "<https://example.org/unres/ontology#abstained>"
    GB_abstentions: Final = "<https://example.org/unres/ontology#abstentions>"
    GB_addressee: Final = "<https://example.org/unres/ontology#addressee>"
    GB_addresseeText: Final = "<https://example.org/unres/ontology#addresseeText>"
    GB_adoptedBy: Final = "<https://example.org/unres/ontology#adoptedBy>"
    GB_adoptionMeeting: Final = "<https://example.org/unres/ontology#adoptionMeeting>"
    GB_adoptionType: Final = "<https://example.org/unres/ontology#adoptionType>"
    GB_agendaItem: Final = "<https://example.org/unres/ontology#agendaItem>"
    GB_aknWork: Final = "<https://example.org/unres/ontology#aknWork>"
    GB_anchor: Final = "<https://example.org/unres/ontology#anchor>"
    GB_citedBy: Final = "<https://example.org/unres/ontology#citedBy>"
    GB_clauseId: Final = "<https://example.org/unres/ontology#clauseId>"
    GB_clauseKind: Final = "<https://example.org/unres/ontology#clauseKind>"
    GB_committee: Final = "<https://example.org/unres/ontology#committee>"
    GB_consideredAt: Final = "<https://example.org/unres/ontology#consideredAt>"
    GB_consideredUnder: Final = "<https://example.org/unres/ontology#consideredUnder>"
    GB_country: Final = "<https://example.org/unres/ontology#country>"
    GB_countryCode: Final = "<https://example.org/unres/ontology#countryCode>"
    GB_diagnostic: Final = "<https://example.org/unres/ontology#diagnostic>"
    GB_diagnosticCode: Final = "<https://example.org/unres/ontology#diagnosticCode>"
    GB_directive: Final = "<https://example.org/unres/ontology#directive>"
    GB_draftResolution: Final = "<https://example.org/unres/ontology#draftResolution>"
    GB_footnoteMarker: Final = "<https://example.org/unres/ontology#footnoteMarker>"
    GB_foundVia: Final = "<https://example.org/unres/ontology#foundVia>"
    GB_hasFootnote: Final = "<https://example.org/unres/ontology#hasFootnote>"
    GB_instrumentType: Final = "<https://example.org/unres/ontology#instrumentType>"
    GB_issuedBy: Final = "<https://example.org/unres/ontology#issuedBy>"
    GB_meetingRecord: Final = "<https://example.org/unres/ontology#meetingRecord>"
    GB_mentions: Final = "<https://example.org/unres/ontology#mentions>"
    GB_number: Final = "<https://example.org/unres/ontology#number>"
    GB_originatingDocument: Final = "<https://example.org/unres/ontology#originatingDocument>"
    GB_page: Final = "<https://example.org/unres/ontology#page>"
    GB_pdfRegion: Final = "<https://example.org/unres/ontology#pdfRegion>"
    GB_position: Final = "<https://example.org/unres/ontology#position>"
    GB_referenceKey: Final = "<https://example.org/unres/ontology#referenceKey>"
    GB_referenceKind: Final = "<https://example.org/unres/ontology#referenceKind>"
    GB_sdg: Final = "<https://example.org/unres/ontology#sdg>"
    GB_session: Final = "<https://example.org/unres/ontology#session>"
    GB_shortForm: Final = "<https://example.org/unres/ontology#shortForm>"
    GB_sourceFile: Final = "<https://example.org/unres/ontology#sourceFile>"
    GB_sponsoredBy: Final = "<https://example.org/unres/ontology#sponsoredBy>"
    GB_surfaceText: Final = "<https://example.org/unres/ontology#surfaceText>"
    GB_symbol: Final = "<https://example.org/unres/ontology#symbol>"
    GB_text: Final = "<https://example.org/unres/ontology#text>"
    GB_underAgendaItem: Final = "<https://example.org/unres/ontology#underAgendaItem>"
    GB_unit: Final = "<https://example.org/unres/ontology#unit>"
    GB_verb: Final = "<https://example.org/unres/ontology#verb>"
    GB_verbPhrase: Final = "<https://example.org/unres/ontology#verbPhrase>"
    GB_votedAgainst: Final = "<https://example.org/unres/ontology#votedAgainst>"
    GB_votedInFavour: Final = "<https://example.org/unres/ontology#votedInFavour>"
    GB_votesAgainst: Final = "<https://example.org/unres/ontology#votesAgainst>"
    GB_votesInFavour: Final = "<https://example.org/unres/ontology#votesInFavour>"
    NIF_anchorOf: Final = "<http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf>"
    NIF_beginIndex: Final = "<http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex>"
    NIF_endIndex: Final = "<http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#endIndex>"
    OWL_AnnotationProperty: Final = "<http://www.w3.org/2002/07/owl#AnnotationProperty>"
    OWL_Class: Final = "<http://www.w3.org/2002/07/owl#Class>"
    OWL_DatatypeProperty: Final = "<http://www.w3.org/2002/07/owl#DatatypeProperty>"
    OWL_ObjectProperty: Final = "<http://www.w3.org/2002/07/owl#ObjectProperty>"
    OWL_Ontology: Final = "<http://www.w3.org/2002/07/owl#Ontology>"
    OWL_inverseOf: Final = "<http://www.w3.org/2002/07/owl#inverseOf>"
    OWL_sameAs: Final = "<http://www.w3.org/2002/07/owl#sameAs>"
    OWL_versionInfo: Final = "<http://www.w3.org/2002/07/owl#versionInfo>"
    PROV_wasDerivedFrom: Final = "<http://www.w3.org/ns/prov#wasDerivedFrom>"
    RDF_langString: Final = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#langString>"
    RDF_type: Final = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
    RDFS_Datatype: Final = "<http://www.w3.org/2000/01/rdf-schema#Datatype>"
    RDFS_comment: Final = "<http://www.w3.org/2000/01/rdf-schema#comment>"
    RDFS_domain: Final = "<http://www.w3.org/2000/01/rdf-schema#domain>"
    RDFS_isDefinedBy: Final = "<http://www.w3.org/2000/01/rdf-schema#isDefinedBy>"
    RDFS_label: Final = "<http://www.w3.org/2000/01/rdf-schema#label>"
    RDFS_range: Final = "<http://www.w3.org/2000/01/rdf-schema#range>"
    RDFS_seeAlso: Final = "<http://www.w3.org/2000/01/rdf-schema#seeAlso>"
    RDFS_subClassOf: Final = "<http://www.w3.org/2000/01/rdf-schema#subClassOf>"
    RDFS_subPropertyOf: Final = "<http://www.w3.org/2000/01/rdf-schema#subPropertyOf>"
    SKOS_Concept: Final = "<http://www.w3.org/2004/02/skos/core#Concept>"
    SKOS_ConceptScheme: Final = "<http://www.w3.org/2004/02/skos/core#ConceptScheme>"
    SKOS_altLabel: Final = "<http://www.w3.org/2004/02/skos/core#altLabel>"
    SKOS_inScheme: Final = "<http://www.w3.org/2004/02/skos/core#inScheme>"
    SKOS_prefLabel: Final = "<http://www.w3.org/2004/02/skos/core#prefLabel>"
    XSD_anyURI: Final = "<http://www.w3.org/2001/XMLSchema#anyURI>"
    XSD_boolean: Final = "<http://www.w3.org/2001/XMLSchema#boolean>"
    XSD_date: Final = "<http://www.w3.org/2001/XMLSchema#date>"
    XSD_gYear: Final = "<http://www.w3.org/2001/XMLSchema#gYear>"
    XSD_integer: Final = "<http://www.w3.org/2001/XMLSchema#integer>"
    XSD_string: Final = "<http://www.w3.org/2001/XMLSchema#string>"
