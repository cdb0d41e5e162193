"""Upload the graph to a SPARQL 1.1 Graph Store Protocol endpoint, one named graph per resolution.

Each graph goes up as `PUT ENDPOINT?graph=IRI` with a Turtle body: PUT replaces
the graph whole, so a rerun leaves the endpoint as one run does.  Any Graph
Store Protocol server takes it: Oxigraph (http://host:7878/store), Apache Jena
Fuseki (http://host:3030/DATASET/data), Virtuoso (http://host:8890/sparql-graph-crud-auth),
GraphDB (http://host:7200/repositories/REPO/rdf-graphs/service).
"""
from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from pyoxigraph import DefaultGraph, RdfFormat, Store, Triple, parse

from .errors import InputError
from .export import turtle_bytes
from .vocab import DCTERMS, GB, RDF

DATASET_FORMATS = (RdfFormat.TRIG, RdfFormat.N_QUADS)
RESOLUTION_CLASSES = {str(GB.Resolution), str(GB.Decision), str(GB.UNDocument)}


@dataclass
class PushResult:
    graphs: int = 0
    triples: int = 0


def graphs_in_store(store: Store) -> Iterator[tuple[str, list[Triple]]]:
    """The store's named graphs, by name."""
    for g in sorted(store.named_graphs(), key=lambda n: n.value):
        yield g.value, [Triple(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None, g)]


def graphs_in_files(paths: Iterable[str | Path]) -> list[tuple[str, list[Triple]]]:
    """Named graphs from TriG/N-Quads files as they are; a Turtle file is one resolution's graph."""
    graphs: dict[str, list[Triple]] = {}
    for path in map(Path, paths):
        fmt = file_format(path)
        try:
            quads = list(parse(path=str(path), format=fmt))
        except FileNotFoundError:
            raise InputError(str(path), "no such file") from None
        except (SyntaxError, ValueError, OSError) as exc:
            raise InputError(str(path), f"cannot be read as {fmt.name}: {exc}") from None
        if fmt in DATASET_FORMATS:
            if any(q.graph_name == DefaultGraph() for q in quads):
                raise InputError(str(path), "has triples outside any named graph: give each resolution a graph")
            for q in quads:
                graphs.setdefault(q.graph_name.value, []).append(Triple(q.subject, q.predicate, q.object))
        else:
            triples = [Triple(q.subject, q.predicate, q.object) for q in quads]
            graphs.setdefault(resolution_of(triples, path), []).extend(triples)
    return sorted(graphs.items())


def file_format(path: Path) -> RdfFormat:
    try:
        return RdfFormat.from_extension(path.suffix.lstrip(".")) or RdfFormat.TURTLE
    except ValueError:
        return RdfFormat.TURTLE


def resolution_of(triples: list[Triple], path: Path) -> str:
    """The IRI of the one resolution a Turtle file describes: the document that has parts."""
    has_part, rdf_type = str(DCTERMS.hasPart), str(RDF.type)
    typed = {t.subject.value for t in triples if t.predicate.value == rdf_type and t.object.value in RESOLUTION_CLASSES}
    found = sorted({t.subject.value for t in triples if t.predicate.value == has_part} & typed)
    if len(found) != 1:
        raise InputError(str(path), f"describes {len(found)} resolutions, not one: push a TriG with a named graph "
                                    "per resolution, or a store")
    return found[0]


def graph_url(endpoint: str, graph: str) -> str:
    return endpoint + ("&" if "?" in endpoint else "?") + urlencode({"graph": graph})


def opener(endpoint: str, user: str | None, password: str | None) -> urllib.request.OpenerDirector:
    """HTTP Basic (Fuseki, GraphDB) or Digest (Virtuoso's sparql-graph-crud-auth), as the server asks."""
    if user is None:
        return urllib.request.build_opener()
    passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    passwords.add_password(None, endpoint, user, password or "")
    return urllib.request.build_opener(urllib.request.HTTPBasicAuthHandler(passwords),
                                       urllib.request.HTTPDigestAuthHandler(passwords))


def put_graph(http: urllib.request.OpenerDirector, endpoint: str, graph: str, triples: list[Triple],
              timeout: float) -> None:
    request = urllib.request.Request(graph_url(endpoint, graph), data=turtle_bytes(triples), method="PUT",
                                     headers={"Content-Type": "text/turtle; charset=utf-8"})
    try:
        with http.open(request, timeout=timeout) as response:
            response.read()
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace").strip()[:300]
        raise InputError(endpoint, f"refused graph <{graph}>: HTTP {exc.code} {exc.reason}: {detail}") from None
    except (urllib.error.URLError, OSError) as exc:
        raise InputError(endpoint, f"cannot be reached: {getattr(exc, 'reason', exc)}") from None


def push(endpoint: str, graphs: Iterable[tuple[str, list[Triple]]], user: str | None = None,
         password: str | None = None, timeout: float = 120.0) -> PushResult:
    """PUT every graph to the endpoint; stops at the first refusal (a rerun redoes what was done, harmlessly)."""
    if not endpoint.startswith(("http://", "https://")):
        raise InputError(endpoint, "is not an http(s) URL")
    http = opener(endpoint, user, password)
    result = PushResult()
    for name, triples in graphs:
        put_graph(http, endpoint, name, triples, timeout)
        result.graphs += 1
        result.triples += len(triples)
    return result
