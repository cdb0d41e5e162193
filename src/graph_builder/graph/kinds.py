"""The kinds of reference, in one table: the extraction contract's six (eval/README.md) and the two
occasions the graph adds (a session, an agenda item).

Each row says how the cited thing's IRI is minted, its class and which triples describe it (rdf.py),
the property that links a citing clause to it, where it sits in the document-level citation network
(publish/network.py, publish/stats.py) and how the views show it (publish/view.py, publish/site.py).
A new kind is a member of ReferenceKind, its row here, and its finder (called from resolve/resolver.py);
its class goes into ontology/graph-builder.ttl, and shapes.ttl lists the kinds and the class and link of
each (tests/test_kinds.py checks that the ontology and the shapes agree with every row).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from graph_builder.errors import KindError, SymbolError
from graph_builder.graph.iri import Minter
from graph_builder.graph.terms import NT
from graph_builder.models import Reference, ReferenceKind
from graph_builder.un.symbols import UNSymbol


class Described(Enum):
    """What the graph says of a cited thing by itself (rdf.target_triples writes each form)."""

    DOCUMENT = "document"  # gb:UNDocument with its gb:symbol and undocs.org page; a resolution is also of the row's class
    ENTITY = "entity"  # the row's class, the name as label, and what the gazetteer knows (other names, Wikidata)
    PROVISION = "provision"  # gb:Provision: label, unit, number, and dcterms:isPartOf its instrument or resolution
    LABELLED = "labelled"  # the row's class, and the key as its label


class Network(Enum):
    """Where a cited thing sits in the document-level citation network."""

    DOCUMENT = "document"  # a node of its own, by symbol: a resolution or another UN document
    INSTRUMENT = "instrument"  # a node of its own, by title
    PART = "part"  # none of its own: it counts as a citation of what it is part of
    NONE = "none"  # an actor or an occasion, not a document: left out


@dataclass(frozen=True)
class Kind:
    kind: ReferenceKind
    mint: Callable[[Minter, Reference], str]  # the cited thing's IRI
    cls: str  # its class, as an N-Triples IRI (a resolution's is gb:Decision where its symbol says /DEC/)
    described: Described
    link: str  # the property from the citing clause, and its resolution, to the cited thing
    network: Network
    label: str  # the resolution view's legend
    colour: str  # the resolution view's node colour and vis-network shape
    shape: str
    heading: str  # the heading of the kind's section on a page of the site
    printed: bool = False  # its key is the text as printed (in the document's language), not a name given


def is_symbol(key: str) -> bool:
    try:
        UNSymbol.parse(key)
    except SymbolError:
        return False
    return True


def _provision(m: Minter, r: Reference) -> str:
    return m.provision(r.target, r.unit, r.number, is_symbol(r.target))


# eli:cites for the legal resources and documents a clause rests on; gb:mentions for those it names
_ROWS = (
    Kind(ReferenceKind.RESOLUTION, lambda m, r: m.document(r.key), NT.GB_Resolution, Described.DOCUMENT,
         NT.ELI_cites, Network.DOCUMENT, "resolution", "#1f5fa8", "box", "Resolutions"),
    Kind(ReferenceKind.DOCUMENT, lambda m, r: m.document(r.key), NT.GB_UNDocument, Described.DOCUMENT,
         NT.ELI_cites, Network.DOCUMENT, "document", "#4aa3df", "square", "Documents"),
    Kind(ReferenceKind.INSTRUMENT, lambda m, r: m.instrument(r.key), NT.GB_Instrument, Described.ENTITY,
         NT.ELI_cites, Network.INSTRUMENT, "instrument", "#d9821f", "diamond", "Instruments"),
    Kind(ReferenceKind.PROVISION, _provision, NT.GB_Provision, Described.PROVISION,
         NT.ELI_cites, Network.PART, "provision", "#e8bb5f", "triangle", "Articles and paragraphs"),
    Kind(ReferenceKind.BODY, lambda m, r: m.entity("body", r.key), NT.GB_Body, Described.ENTITY,
         NT.GB_mentions, Network.NONE, "body", "#2e8b57", "hexagon", "Bodies"),
    Kind(ReferenceKind.OFFICE, lambda m, r: m.entity("office", r.key), NT.GB_Office, Described.ENTITY,
         NT.GB_mentions, Network.NONE, "office", "#7cbf5f", "star", "Offices"),
    Kind(ReferenceKind.SESSION, lambda m, r: m.session(r.key), NT.GB_Session, Described.LABELLED,
         NT.GB_consideredAt, Network.NONE, "session", "#8c8c8c", "dot", "Sessions"),
    Kind(ReferenceKind.AGENDA_ITEM, lambda m, r: m.agenda_item(r.key), NT.GB_AgendaItem, Described.LABELLED,
         NT.GB_consideredUnder, Network.NONE, "agenda item", "#b5b5b5", "dot", "Agenda items", printed=True),
)
# keyed by the kind's value (a ReferenceKind compares and hashes as its value)
KINDS: dict[str, Kind] = {row.kind.value: row for row in _ROWS}


def kind_of(kind: str) -> Kind:
    """The row of a reference's kind; KindError for a kind the table does not hold."""
    row = KINDS.get(kind)
    if row is None:
        raise KindError(f"unknown reference kind {kind!r}: the kinds are {', '.join(KINDS)} (graph/kinds.py)")
    return row
