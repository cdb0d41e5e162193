"""Upload the graph to a SPARQL 1.1 Graph Store Protocol endpoint, one named graph per resolution.

Each graph goes up as `PUT ENDPOINT?graph=IRI` with a Turtle body: PUT replaces
the graph whole, so a rerun leaves the endpoint as one run does.  Any Graph
Store Protocol server takes it: Oxigraph (http://host:7878/store), Apache Jena
Fuseki (http://host:3030/DATASET/data), Virtuoso (http://host:8890/sparql-graph-crud-auth),
GraphDB (http://host:7200/repositories/REPO/rdf-graphs/service).
"""
from __future__ import annotations

import base64
import http.client
import re
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlencode, urlsplit, urlunsplit

from pyoxigraph import DefaultGraph, NamedNode, RdfFormat, Store, Triple, parse

from graph_builder.errors import InputError, PushError
from graph_builder.graph.export import turtle_bytes
from graph_builder.graph.vocab import DCTERMS, GB, RDF

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
    typed: set[str] = set()
    parts: set[str] = set()
    for t in triples:
        if not isinstance(t.subject, NamedNode):
            continue
        if t.predicate.value == rdf_type and isinstance(t.object, NamedNode) and t.object.value in RESOLUTION_CLASSES:
            typed.add(t.subject.value)
        elif t.predicate.value == has_part:
            parts.add(t.subject.value)
    found = sorted(parts & typed)
    if len(found) != 1:
        raise InputError(str(path), f"describes {len(found)} resolutions, not one: push a TriG with a named graph "
                                    "per resolution, or a store")
    return found[0]


def graph_url(endpoint: str, graph: str) -> str:
    return endpoint + ("&" if "?" in endpoint else "?") + urlencode({"graph": graph})


# query parameters whose values are secrets (an API key in the endpoint URL), hidden in messages like a password
_SECRET_PARAMETER = re.compile(r"(?i)pass|pwd|token|secret|key|auth|sig")


def split_credentials(endpoint: str) -> tuple[str, str | None, str | None]:
    """The endpoint without its user:password@ part, and the user and password it held (unquoted)."""
    parts = urlsplit(endpoint)
    if "@" not in parts.netloc:
        return endpoint, None, None
    userinfo, _, hostport = parts.netloc.rpartition("@")
    user, colon, password = userinfo.partition(":")
    clean = urlunsplit((parts.scheme, hostport, parts.path, parts.query, parts.fragment))
    return clean, unquote(user) or None, unquote(password) if colon else None


def redact(endpoint: str) -> str:
    """The endpoint as messages show it: no password, no secret-looking query value."""
    try:
        parts = urlsplit(endpoint)
        netloc = parts.netloc
        if "@" in netloc:
            userinfo, _, hostport = netloc.rpartition("@")
            user = userinfo.partition(":")[0]
            netloc = (f"{user}:***@" if ":" in userinfo else f"{user}@") + hostport
        query = "&".join(
            f"{k}=***" if _SECRET_PARAMETER.search(k) else (f"{k}={v}" if v or "=" in item else k)
            for item in parts.query.split("&") if item for k, _, v in [item.partition("=")])
        return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))
    except ValueError:
        return "the endpoint"


class Deadline:
    """A total time limit for one upload: every socket it opens is shut down when the time is up, so a
    server that trickles its answer a byte at a time cannot stretch a read timeout forever."""

    def __init__(self, seconds: float) -> None:
        self.seconds, self.end = seconds, time.monotonic() + seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def remaining(self) -> float:
        return max(0.01, self.end - time.monotonic())

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            if self.expired:
                sock.close()
                raise TimeoutError("the deadline passed")
            self._sockets.append(sock)
        sock.settimeout(self.remaining())

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def __enter__(self) -> Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self._timer.cancel()


class _DeadlineHandlers:
    """urllib's HTTP and HTTPS handlers whose connections report their sockets to the current Deadline."""

    def __init__(self) -> None:
        self.deadline: Deadline | None = None
        handlers = self

        def connection(base):
            class Connection(base):
                def connect(self) -> None:
                    if handlers.deadline is not None:
                        self.timeout = handlers.deadline.remaining()
                    super().connect()
                    if handlers.deadline is not None:
                        handlers.deadline.watch(self.sock)
            return Connection

        http_connection, https_connection = connection(http.client.HTTPConnection), connection(http.client.HTTPSConnection)

        class HTTP(urllib.request.HTTPHandler):
            def http_open(self, req):
                return self.do_open(http_connection, req)

        class HTTPS(urllib.request.HTTPSHandler):
            def https_open(self, req):
                options = {"context": self._context}
                if getattr(self, "_check_hostname", None) is not None:  # Python 3.11
                    options["check_hostname"] = self._check_hostname
                return self.do_open(https_connection, req, **options)

        self.handlers = [HTTP(), HTTPS()]


def opener(endpoint: str, user: str | None, password: str | None,
           extra: Iterable[urllib.request.BaseHandler] = ()) -> urllib.request.OpenerDirector:
    """HTTP Basic (Fuseki, GraphDB) or Digest (Virtuoso's sparql-graph-crud-auth), as the server asks."""
    handlers = list(extra)
    if user is not None:
        passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        passwords.add_password(None, endpoint, user, password or "")
        handlers += [urllib.request.HTTPBasicAuthHandler(passwords), urllib.request.HTTPDigestAuthHandler(passwords)]
    return urllib.request.build_opener(*handlers)


class _Refused(Exception):
    """One PUT that failed, with the reason as a message names it (no endpoint, no password)."""


def put_graph(http_opener: urllib.request.OpenerDirector, hooks: _DeadlineHandlers, endpoint: str, graph: str,
              triples: list[Triple], timeout: float, headers: dict[str, str]) -> None:
    request = urllib.request.Request(graph_url(endpoint, graph), data=turtle_bytes(triples), method="PUT",
                                     headers={"Content-Type": "text/turtle; charset=utf-8", **headers})
    deadline = Deadline(timeout)
    hooks.deadline = deadline
    try:
        with deadline:  # the error's own body is read within the deadline too
            try:
                with http_opener.open(request, timeout=timeout) as response:
                    while response.read(1 << 16):
                        pass
            except urllib.error.HTTPError as exc:
                try:
                    detail = exc.read(4096).decode("utf-8", "replace").strip()[:300]
                except (OSError, http.client.HTTPException):
                    detail = ""
                raise _Refused(f"refused graph <{graph}>: HTTP {exc.code} {exc.reason}"
                               + (f": {' '.join(detail.split())}" if detail else "")) from None
    except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as exc:
        if deadline.expired:
            raise _Refused(f"did not take graph <{graph}> within {timeout:g} s (--timeout)") from None
        if isinstance(exc, urllib.error.URLError):
            raise _Refused(f"cannot be reached: {exc.reason}") from None
        raise _Refused(f"failed on graph <{graph}>: {type(exc).__name__}: {exc}") from None
    finally:
        hooks.deadline = None


def push(endpoint: str, graphs: Iterable[tuple[str, list[Triple]]], user: str | None = None,
         password: str | None = None, timeout: float = 120.0, token: str | None = None,
         total: int | None = None) -> PushResult:
    """PUT every graph to the endpoint, each within `timeout` seconds in all; stops at the first failure
    (a rerun redoes what was done, harmlessly).  A user:password@ in the endpoint is used and never shown;
    `token` goes as `Authorization: Bearer` (graph-builder's own writable server).

    Raises InputError for an endpoint that is not an http(s) URL, PushError (with the count of graphs
    that went through) for a failure on the way."""
    clean, url_user, url_password = split_credentials(endpoint)
    shown = redact(endpoint)
    if urlsplit(clean).scheme not in ("http", "https") or not urlsplit(clean).netloc:
        raise InputError(shown, "is not an http(s) URL")
    if timeout <= 0:
        raise InputError("--timeout", "must be more than 0 seconds")
    user, password = user or url_user, password if password is not None else url_password
    hooks = _DeadlineHandlers()
    http_opener = opener(clean, user, password, hooks.handlers)
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    result = PushResult()
    for name, triples in graphs:
        try:
            put_graph(http_opener, hooks, clean, name, triples, timeout, headers)
        except _Refused as exc:
            message = str(exc)
            basic = base64.b64encode(f"{user}:{password}".encode()).decode() if user and password else None
            for secret in (password, token, basic):  # a server may echo what it was sent
                if secret:
                    message = message.replace(secret, "***")
            raise PushError(shown, message, result.graphs, total) from None
        result.graphs += 1
        result.triples += len(triples)
    return result
