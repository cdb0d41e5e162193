"""The library API: read a resolution, look at what it cites, and hand it to rdflib or networkx.

    >>> import graph_builder
    >>> res = graph_builder.read("A_RES_57_209.txt", symbol="A/RES/57/209")   # doctest: +SKIP
    >>> res.references()[0]                                                    # doctest: +SKIP
    {'clause': 'pp1', 'verb': 'Recalling', 'kind': 'resolution', 'key': 'A/RES/53/144', ...}

The README's "Python" section is the documented, doctested tour; this module is what it calls.
Nothing here prints, exits or does work at import.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from os import PathLike, fspath
from pathlib import Path

from graph_builder.graph.iri import Minter
from graph_builder.models import Clause, Diagnostic, DocumentInfo, Footnote, Resolution

__all__ = ["ReadResolution", "read", "build_corpus", "example_path"]


@dataclass(frozen=True)
class ReadResolution:
    """One resolution as graph-builder read it: its document facts, clauses, footnotes and diagnostics
    (`resolution` is the underlying models.Resolution), with ways out to plain records, RDF and networks."""

    resolution: Resolution
    minter: Minter = Minter()

    # -- what it is --------------------------------------------------------------------------
    @property
    def symbol(self) -> str:
        return self.resolution.info.symbol

    @property
    def title(self) -> str:
        return self.resolution.info.title

    @property
    def date(self) -> str:
        """The adoption date, ISO 8601 ('' when unknown)."""
        return self.resolution.info.date

    @property
    def iri(self) -> str:
        """The resolution's IRI in the graph (its named graph's name too)."""
        from graph_builder.graph.rdf import document_iri

        return document_iri(self.resolution, self.minter)

    @property
    def clauses(self) -> tuple[Clause, ...]:
        """Preambular, operative and annex paragraphs in reading order (id, kind, verb, text, span,
        references, addressees)."""
        return self.resolution.clauses

    @property
    def footnotes(self) -> tuple[Footnote, ...]:
        return self.resolution.footnotes

    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]:
        """What the builder could not decide and did not guess (an unresolved short form ...)."""
        return self.resolution.diagnostics

    def __repr__(self) -> str:
        return (f"<ReadResolution {self.symbol or self.resolution.source}: {len(self.clauses)} clauses, "
                f"{len(self.footnotes)} footnotes, {len(self.references())} references>")

    # -- ways out ----------------------------------------------------------------------------
    def references(self) -> list[dict]:
        """Every reference as a plain record, clauses first, then footnotes, in text order:
        clause (its id), verb (the clause's opening phrase; a footnote's anchor clause's), kind, key,
        text (as printed), start and end (character offsets into the text read), short_form."""
        verb_of = {c.id: c.verb for c in self.clauses}
        out = []
        units = [(c.id, c.verb, c.references) for c in self.clauses]
        units += [(f.id, verb_of.get(f.anchor, ""), f.references) for f in self.footnotes]
        for unit, verb, refs in units:
            for r in refs:
                out.append({"clause": unit, "verb": verb, "kind": str(r.kind), "key": r.key, "text": r.text,
                            "start": r.span[0], "end": r.span[1], "short_form": r.short_form})
        return out

    def to_dict(self) -> dict:
        """The extraction contract's JSON (../shared/eval/README.md), as Python data."""
        from graph_builder.contract import to_contract

        return to_contract(self.resolution)

    def ntriples(self) -> bytes:
        """The resolution's triples as sorted N-Triples (what every output is made from)."""
        from graph_builder.graph.rdf import resolution_ntriples

        return resolution_ntriples(self.resolution, self.minter)

    def to_rdflib(self):
        """The resolution's graph as an rdflib.Graph, with the project's prefixes bound."""
        import rdflib

        from graph_builder.graph.vocab import PREFIXES

        g = rdflib.Graph()
        for prefix, ns in PREFIXES.items():
            g.bind(prefix, ns)
        return g.parse(data=self.ntriples().decode("utf-8"), format="nt")

    def to_networkx(self):
        """What the resolution cites as a networkx.DiGraph: the resolution and each resolution, document or
        instrument it cites are nodes (attributes kind, label, title, ...); an edge per cited thing carries
        the verbs of the citing clauses and the number of references (see network.citation_network)."""
        from graph_builder.publish.network import citation_network

        return citation_network([self.resolution], self.minter)


def read(path: str | PathLike, *, symbol: str = "", date: str = "", title: str = "", body: str = "",
         language: str = "", base_iri: str | None = None, pdf_tags: bool = True) -> ReadResolution:
    """Read one resolution (a PDF, PDF text or AKN4UN XML) and find what it cites.  symbol, date, title and
    body say what a text without a cover page does not; language is the text's (en, fr; by default an AKN
    file's own, else en: graph_builder.errors.LanguageError for one without phrases); pdf_tags=False reads a PDF by its layout alone,
    its tag tree ignored.  Raises graph_builder.errors.InputError for an input
    that cannot be read, with the file's name and the reason."""
    from graph_builder.errors import InputError
    from graph_builder.lang import bcp47
    from graph_builder.lang import language as phrases
    from graph_builder.pipeline import extract_path

    given = DocumentInfo(symbol=symbol, date=date, title=title, body=body,
                         language=phrases(bcp47(language)).code if language else "")
    res = extract_path(fspath(path), given, pdf_tags)
    if not res.clauses:
        raise InputError(str(path), "holds no resolution clauses (no preambular or operative paragraph was found)")
    return ReadResolution(res, Minter(base_iri) if base_iri else Minter())


def build_corpus(paths: Iterable[str | PathLike], out: str | PathLike = "output", *, store: str | PathLike | None = None,
                 metadata: Iterable[str | PathLike] = (), base_iri: str | None = None, jobs: int = 0,
                 per_file: bool = True, pdf_tags: bool = True, language: str = ""):
    """Build many inputs (files or folders) as `graph-builder build` does: per-resolution files in out,
    corpus.ttl and corpus.trig, and with store= an on-disk Oxigraph store; language= reads every input in that
    language (by default each AKN file's own, else en).  Returns the build's report
    (built, skipped, failed as (path, reason), triples, outputs)."""
    from graph_builder.build import Settings, expand_inputs
    from graph_builder.build import build_corpus as _build_corpus
    from graph_builder.lang import bcp47
    from graph_builder.lang import language as phrases

    files = list(expand_inputs([Path(p) for p in paths]))
    given = DocumentInfo(language=phrases(bcp47(language)).code if language else "")
    settings = Settings(minter=Minter(base_iri) if base_iri else Minter(), given=given,
                        metadata=tuple(str(m) for m in metadata), pdf_tags=pdf_tags)
    return _build_corpus(files, Path(out), settings, jobs=jobs, store_dir=Path(store) if store else None,
                         per_file=per_file)


def example_path() -> Path:
    """The bundled example, General Assembly resolution 57/209 (2002), as text pulled from its PDF."""
    from importlib import resources

    return Path(str(resources.files("graph_builder.data").joinpath("example").joinpath("A_RES_57_209.txt")))
