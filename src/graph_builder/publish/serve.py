"""A SPARQL 1.1 Protocol and Graph Store Protocol endpoint over the store, safe to leave running.

pyoxigraph answers in this process; no other server runs.  A server of its own
in front of `oxigraph serve` would leave that child listening on a loopback
port where any web page can reach it past every check, and `oxigraph serve`
itself checks neither Host nor Origin, takes writes from anyone and fetches
every URL a query names.  Here each request is checked, in this order:

1. Host: one of this machine's loopback names (or the bound address, or a name
   allowed with allow_hosts) with the bound port.  A DNS-rebinding page sends
   its own name and is refused.
2. Origin and Sec-Fetch-Site: a browser request from any other origin is
   refused, reads included, so a form on another site can neither write nor run
   a query.  Programs (curl, SPARQL clients) send neither header.
3. Writes (SPARQL update, Graph Store PUT/POST/DELETE): only when the server is
   writable, and then only with `Authorization: Bearer TOKEN`.  A read-only
   server opens the store read-only, so nothing can write through it.
4. SERVICE and LOAD, which make the server fetch a URL: refused unless allowed,
   found by a tokenizer that skips strings, IRIs, comments, variables and local
   names (so a comment cannot hide one, and a string cannot fake one).

Queries without GRAPH see the union of the named graphs, as `graph-builder query` does.
"""
from __future__ import annotations

import hmac
import re
import socket
import socketserver
import tempfile
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TypeVar
from urllib.parse import parse_qs, urlsplit

from pyoxigraph import (
    DefaultGraph,
    NamedNode,
    Quad,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    RdfFormat,
    Store,
    parse,
    serialize,
)

from graph_builder.defaults import DEFAULT_HOST, LOOPBACK_NAMES
from graph_builder.errors import InputError
from graph_builder.graph.store import replace_graph

WILDCARD_HOSTS = ("0.0.0.0", "::", "")
MAX_QUERY_BYTES = 1 << 20  # a query or update text (the tokenizer reads all of it)
MAX_UPLOAD_BYTES = 512 << 20  # one Graph Store upload, read whole before the graph is replaced
SPOOL_BYTES = 16 << 20  # answers larger than this are spooled to a temporary file, not kept in memory

# What the SERVICE/LOAD check skips, tried left to right at each position (the rest is SPARQL's own syntax):
_NOT_CODE = re.compile(r"""
    \#[^\n\r]*                                # a comment, to the end of its line
  | \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"      # a long string in double quotes ("" may occur inside)
  | '''(?:[^'\\]|\\.|'(?!''))*'''             # a long string in single quotes
  | "(?:[^"\\\n\r]|\\.)*"                     # a string in double quotes, on one line
  | '(?:[^'\\\n\r]|\\.)*'                     # a string in single quotes, on one line
  | <[^<>"{}|^`\\\x00-\x20]*>                 # an IRI (one with \\u escapes stays code: checked, never skipped)
  | [?$][A-Za-z0-9_]+                         # a variable's name (only its ASCII part: what follows stays code)
  | :[A-Za-z0-9_]+                            # the local part of a prefixed name or blank node label, likewise
""", re.VERBOSE)
# SPARQL's two operations that fetch a URL; matched anywhere in what is left, even inside a longer word,
# since a keyword needs no space before or after it (`}SERVICE<x>{`)
_REMOTE = re.compile(r"SERVICE|LOAD", re.IGNORECASE)
# SPARQL 1.1 §19.2: \uXXXX and \UXXXXXXXX may stand for any character, before parsing
_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def _codepoint(m: re.Match) -> str:
    value = int(m.group(1) or m.group(2), 16)
    return chr(value) if value <= 0x10FFFF and not 0xD800 <= value <= 0xDFFF else m.group(0)


def remote_operations(text: str) -> set[str]:
    """The operations among SERVICE and LOAD that a SPARQL text may perform ({"SERVICE"}, {"LOAD"}, both, none).

    A keyword counts wherever it stands outside a comment, string, IRI, variable
    or local name: in the text as given and with its codepoint escapes decoded
    (a parser may decode them first).  It never misses one; it may refuse a
    query whose prefix name happens to spell one (`PREFIX payload: <...>`).
    """
    found: set[str] = set()
    for view in (text, _CODEPOINT.sub(_codepoint, text)):
        found.update(m.group(0).upper() for m in _REMOTE.finditer(_NOT_CODE.sub(" ", view)))
    return found


def free_port(host: str = DEFAULT_HOST) -> int:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def open_served_store(path: str, writable: bool) -> Store:
    """The store folder, read-write (held: no build may open it meanwhile) or read-only."""
    if not Path(path).is_dir():
        raise InputError(path, "no store there (build one with `graph-builder build --store DIR`)")
    try:
        return Store(path) if writable else Store.read_only(path)
    except OSError as exc:
        message = str(exc)
        if "lock" in message.lower():
            raise InputError(path, "is in use by another process (a build or a writable server): stop it first") from None
        if "No such file" in message or "CURRENT" in message:
            raise InputError(path, "no store there (build one with `graph-builder build --store DIR`)") from None
        raise InputError(path, f"cannot be opened as a store: {message.splitlines()[0]}") from None


@dataclass
class Policy:
    """Who may do what: the host:port the server answers as, the write token, the remote operations allowed."""
    host: str
    port: int
    token: str | None = None  # None: read-only
    allow_service: bool = False
    allow_load: bool = False
    allow_hosts: tuple[str, ...] = ()
    names: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        names = {*LOOPBACK_NAMES, *(h.lower().strip("[]") for h in self.allow_hosts)}
        if self.host not in WILDCARD_HOSTS:
            names.add(self.host.lower().strip("[]"))
        self.names = frozenset(names)

    @property
    def writable(self) -> bool:
        return self.token is not None

    def host_allowed(self, header: str | None) -> bool:
        """A Host header naming this server: an allowed name with the bound port (none means port 80)."""
        if not header:
            return False
        try:
            parts = urlsplit("//" + header.strip())
            port = parts.port if parts.port is not None else 80
        except ValueError:
            return False
        name = (parts.hostname or "").rstrip(".")
        return name in self.names and port == self.port and parts.username is None and parts.path == ""

    def origin_allowed(self, origin: str | None, fetch_site: str | None) -> bool:
        """No Origin (a program), or this server's own; a browser's Sec-Fetch-Site must be same-origin or none."""
        if fetch_site is not None and fetch_site.strip().lower() not in ("same-origin", "none"):
            return False
        if origin is None:
            return True
        try:
            parts = urlsplit(origin.strip())
            port = parts.port if parts.port is not None else 80
        except ValueError:
            return False
        return (parts.scheme == "http" and (parts.hostname or "") in self.names and port == self.port
                and parts.path in ("", "/"))

    def token_ok(self, authorization: str | None) -> bool:
        if self.token is None or not authorization:
            return False
        scheme, _, value = authorization.strip().partition(" ")
        return scheme.lower() == "bearer" and hmac.compare_digest(value.strip().encode(), self.token.encode())


class Refusal(Exception):
    """An answer other than success, with its HTTP status and a one-line reason."""

    def __init__(self, status: HTTPStatus, reason: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(reason)
        self.status, self.reason, self.headers = status, reason, headers or {}


RESULT_FORMATS = [(f.media_type.split(";")[0], f) for f in (QueryResultsFormat.JSON, QueryResultsFormat.XML,
                                                             QueryResultsFormat.CSV, QueryResultsFormat.TSV)]
RESULT_FORMATS.append(("application/json", QueryResultsFormat.JSON))
GRAPH_FORMATS = [(f.media_type, f) for f in (RdfFormat.TURTLE, RdfFormat.N_TRIPLES, RdfFormat.RDF_XML,
                                            RdfFormat.JSON_LD)]
DATASET_FORMATS = [(f.media_type, f) for f in (RdfFormat.TRIG, RdfFormat.N_QUADS)]
Offer = TypeVar("Offer")


def not_acceptable(offers: Sequence[tuple[str, object]]) -> Refusal:
    return Refusal(HTTPStatus.NOT_ACCEPTABLE, "ask for one of " + ", ".join(m for m, _ in offers))


def negotiate(accept: str | None, offers: Sequence[tuple[str, Offer]]) -> Offer | None:
    """The offer the Accept header likes best (the first offer without one), or None when it likes none."""
    if not accept or not accept.strip():
        return offers[0][1]
    ranges = []
    for item in accept.split(","):
        media, *params = (p.strip() for p in item.split(";"))
        q = 1.0
        for p in params:
            if p.lower().startswith("q="):
                try:
                    q = float(p[2:])
                except ValueError:
                    q = 0.0
        ranges.append((media.lower(), q))
    best: Offer | None = None
    best_q = 0.0
    for media, value in offers:
        kind = media.split("/")[0] + "/*"
        liked = max((rq for r, rq in ranges if r == media), default=None)  # the most specific range decides
        if liked is None:
            liked = max((rq for r, rq in ranges if r == kind), default=None)
        if liked is None:
            liked = max((rq for r, rq in ranges if r == "*/*"), default=0.0)
        if liked > best_q:
            best, best_q = value, liked
    return best


class Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    protocol_version = "HTTP/1.1"
    timeout = 60  # seconds a client may stay silent mid-request (or idle between requests) before it is dropped

    def version_string(self) -> str:
        return "graph-builder"

    # --- the checks every request passes first ---
    def checked(self) -> None:
        policy = self.server.policy
        if not policy.host_allowed(self.headers.get("Host")):
            raise Refusal(HTTPStatus.FORBIDDEN, f"Host {self.headers.get('Host')!r} is not this server "
                                                f"(DNS rebinding?); use http://127.0.0.1:{policy.port}/")
        if not policy.origin_allowed(self.headers.get("Origin"), self.headers.get("Sec-Fetch-Site")):
            raise Refusal(HTTPStatus.FORBIDDEN, f"requests from another origin "
                                                f"({self.headers.get('Origin') or self.headers.get('Sec-Fetch-Site')}) "
                                                "are refused")

    def require_write(self) -> None:
        policy = self.server.policy
        if not policy.writable:
            raise Refusal(HTTPStatus.FORBIDDEN, "this server is read-only (start it with --writable to allow writes)")
        if not policy.token_ok(self.headers.get("Authorization")):
            raise Refusal(HTTPStatus.UNAUTHORIZED, "writes need the server's token: Authorization: Bearer TOKEN",
                          {"WWW-Authenticate": 'Bearer realm="graph-builder"'})

    def check_remote(self, text: str) -> None:
        policy = self.server.policy
        for op, allowed, flag in (("SERVICE", policy.allow_service, "--allow-service"),
                                  ("LOAD", policy.allow_load, "--allow-load")):
            if op in remote_operations(text) and not allowed:
                raise Refusal(HTTPStatus.FORBIDDEN, f"{op} fetches a URL and is refused (start the server "
                                                    f"with {flag} to allow it)")

    # --- reading the request ---
    def body(self, limit: int) -> bytes:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            raise Refusal(HTTPStatus.LENGTH_REQUIRED, "send a Content-Length, not a chunked body")
        try:
            length = int(self.headers.get("Content-Length", "0"))
        except ValueError:
            raise Refusal(HTTPStatus.BAD_REQUEST, "bad Content-Length") from None
        if length < 0:
            raise Refusal(HTTPStatus.BAD_REQUEST, "bad Content-Length")
        if length > limit:
            raise Refusal(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"the body exceeds {limit} bytes")
        return self.rfile.read(length)

    def params(self) -> dict[str, list[str]]:
        return parse_qs(urlsplit(self.path).query, keep_blank_values=True)

    def media_type(self) -> str:
        return self.headers.get("Content-Type", "").split(";")[0].strip().lower()

    def operation(self, name: str, params: dict[str, list[str]]) -> str:
        """The query (or update) text: ?query= (GET), a form field, or the body of its own media type."""
        if self.command == "POST":
            kind = self.media_type()
            raw = self.body(MAX_QUERY_BYTES)
            if kind == "application/x-www-form-urlencoded":
                params = {**params, **parse_qs(raw.decode("utf-8", "replace"), keep_blank_values=True)}
            elif kind == f"application/sparql-{name}":
                return self.text(raw)
            else:
                raise Refusal(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                              f"send application/sparql-{name} or a form, not {kind or 'no Content-Type'}")
        values = params.get(name, [])
        if len(values) != 1:
            raise Refusal(HTTPStatus.BAD_REQUEST, f"give exactly one {name}")
        if len(values[0].encode("utf-8")) > MAX_QUERY_BYTES:
            raise Refusal(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"the {name} exceeds {MAX_QUERY_BYTES} bytes")
        return values[0]

    @staticmethod
    def text(raw: bytes) -> str:
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            raise Refusal(HTTPStatus.BAD_REQUEST, "the body is not UTF-8") from None

    # --- answering ---
    def answer(self, status: HTTPStatus, content_type: str, payload=b"", extra: dict[str, str] | None = None) -> None:
        """Send an answer; payload is bytes or a file-like object (read from its start)."""
        if isinstance(payload, bytes):
            size = len(payload)
        else:
            size = payload.seek(0, 2)
            payload.seek(0)
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(size))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Vary", "Accept, Origin")
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command == "HEAD":
            return
        if isinstance(payload, bytes):
            self.wfile.write(payload)
        else:
            while chunk := payload.read(1 << 16):
                self.wfile.write(chunk)

    def refuse(self, refusal: Refusal) -> None:
        self.close_connection = True  # an unread body may remain
        self.answer(refusal.status, "text/plain; charset=utf-8", (refusal.reason + "\n").encode("utf-8"),
                    {"Connection": "close", **refusal.headers})

    def handle_one(self, route: Callable[[], None]) -> None:
        try:
            self.checked()
            route()
        except Refusal as refusal:
            self.refuse(refusal)
        except (ConnectionError, TimeoutError):
            self.close_connection = True
        except Exception as exc:  # a store or query failure: one line to the client and the log, no traceback
            self.server.note(f"{self.command} {urlsplit(self.path).path}: {type(exc).__name__}: {exc}")
            self.refuse(Refusal(HTTPStatus.INTERNAL_SERVER_ERROR, f"{type(exc).__name__}: {exc}".splitlines()[0]))

    def do_GET(self) -> None:
        self.handle_one(self.route)

    do_HEAD = do_POST = do_PUT = do_DELETE = do_OPTIONS = do_PATCH = do_GET

    def route(self) -> None:
        path, method = urlsplit(self.path).path, self.command
        allowed = {"/": ("GET", "HEAD"), "/query": ("GET", "HEAD", "POST"), "/update": ("POST",),
                   "/store": ("GET", "HEAD", "PUT", "POST", "DELETE")}
        if path not in allowed or (path == "/update" and not self.server.policy.writable):
            if path == "/update":
                raise Refusal(HTTPStatus.FORBIDDEN, "this server is read-only (start it with --writable to allow "
                                                    "updates)")
            raise Refusal(HTTPStatus.NOT_FOUND, "no such endpoint: try /query or /store")
        if method == "OPTIONS":
            self.answer(HTTPStatus.NO_CONTENT, "text/plain", b"", {"Allow": ", ".join(allowed[path])})
            return
        if method not in allowed[path]:
            raise Refusal(HTTPStatus.METHOD_NOT_ALLOWED, f"{path} takes {', '.join(allowed[path])}",
                          {"Allow": ", ".join(allowed[path])})
        {"/": self.index, "/query": self.query, "/update": self.update, "/store": self.graph_store}[path]()

    def index(self) -> None:
        self.answer(HTTPStatus.OK, "text/plain; charset=utf-8", self.server.describe().encode("utf-8"))

    def query(self) -> None:
        params = self.params()
        text = self.operation("query", params)
        self.check_remote(text)
        options: dict = {"use_default_graph_as_union": True}
        if params.get("default-graph-uri"):
            options = {"default_graph": [self.iri(v) for v in params["default-graph-uri"]]}
        if params.get("named-graph-uri"):
            options["named_graphs"] = [self.iri(v) for v in params["named-graph-uri"]]
        try:
            results = self.server.store.query(text, **options)
        except SyntaxError as exc:
            raise Refusal(HTTPStatus.BAD_REQUEST, f"the query cannot be parsed: {exc}") from None
        accept = self.headers.get("Accept")
        # results and graphs have formats of their own types: each is negotiated and serialized apart
        with tempfile.SpooledTemporaryFile(SPOOL_BYTES) as out:
            if isinstance(results, (QuerySolutions, QueryBoolean)):
                rf = negotiate(accept, RESULT_FORMATS)
                if rf is None:
                    raise not_acceptable(RESULT_FORMATS)
                results.serialize(out, rf)  # evaluated here: an error now still gets its own status
                media_type = rf.media_type
            else:
                gf = negotiate(accept, GRAPH_FORMATS)
                if gf is None:
                    raise not_acceptable(GRAPH_FORMATS)
                results.serialize(out, gf)
                media_type = gf.media_type
            self.answer(HTTPStatus.OK, media_type, out)

    def update(self) -> None:
        self.require_write()
        params = self.params()
        if any(k in params for k in ("using-graph-uri", "using-named-graph-uri")):
            raise Refusal(HTTPStatus.BAD_REQUEST, "using-graph-uri is not supported: use WITH or USING in the update")
        text = self.operation("update", params)
        self.check_remote(text)
        try:
            self.server.store.update(text)
        except SyntaxError as exc:
            raise Refusal(HTTPStatus.BAD_REQUEST, f"the update cannot be parsed: {exc}") from None
        self.answer(HTTPStatus.NO_CONTENT, "text/plain", b"")

    @staticmethod
    def iri(value: str) -> NamedNode:
        try:
            return NamedNode(value)
        except ValueError:
            raise Refusal(HTTPStatus.BAD_REQUEST, f"not an IRI: {value!r}") from None

    def target(self, params: dict[str, list[str]]):
        """The graph a Graph Store request names: ?graph=IRI, ?default, or None for the whole dataset."""
        if "graph" in params and "default" in params or len(params.get("graph", [])) > 1:
            raise Refusal(HTTPStatus.BAD_REQUEST, "name one graph: ?graph=IRI or ?default")
        if "graph" in params:
            return self.iri(params["graph"][0])
        return DefaultGraph() if "default" in params else None

    def graph_store(self) -> None:
        store, params = self.server.store, self.params()
        if self.command not in ("GET", "HEAD"):
            self.require_write()  # before anything else is looked at
        graph = self.target(params)
        if self.command in ("GET", "HEAD"):
            if graph is None:
                fmt = negotiate(self.headers.get("Accept"), DATASET_FORMATS)
                quads: Iterable = store.quads_for_pattern(None, None, None)
            else:
                fmt = negotiate(self.headers.get("Accept"), GRAPH_FORMATS)
                if isinstance(graph, NamedNode) and not store.contains_named_graph(graph):
                    raise Refusal(HTTPStatus.NOT_FOUND, f"no graph <{graph.value}>")
                quads = (q.triple for q in store.quads_for_pattern(None, None, None, graph))
            if fmt is None:
                raise Refusal(HTTPStatus.NOT_ACCEPTABLE, "ask for Turtle, N-Triples, RDF/XML, JSON-LD (a graph) "
                                                         "or TriG, N-Quads (the dataset)")
            with tempfile.SpooledTemporaryFile(SPOOL_BYTES) as out:
                serialize(quads, out, fmt)
                self.answer(HTTPStatus.OK, fmt.media_type, out)
            return
        if not isinstance(graph, NamedNode):
            raise Refusal(HTTPStatus.BAD_REQUEST, "writes name their graph: ?graph=IRI")
        if self.command == "DELETE":
            if not store.contains_named_graph(graph):
                raise Refusal(HTTPStatus.NOT_FOUND, f"no graph <{graph.value}>")
            store.remove_graph(graph)
            self.answer(HTTPStatus.NO_CONTENT, "text/plain", b"")
            return
        fmt = RdfFormat.from_media_type(self.media_type()) if self.media_type() else None
        if fmt is None or fmt.supports_datasets:
            raise Refusal(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "send the graph as Turtle, N-Triples, RDF/XML or JSON-LD")
        raw = self.body(MAX_UPLOAD_BYTES)
        try:
            triples = [q.triple for q in parse(raw, fmt, base_iri=graph.value)]
        except (SyntaxError, ValueError) as exc:
            raise Refusal(HTTPStatus.BAD_REQUEST, f"the body is not {fmt.name}: {exc}") from None
        existed = store.contains_named_graph(graph)
        if self.command == "PUT":
            replace_graph(store, graph.value, triples)
        else:  # POST adds to the graph
            store.extend(Quad(t.subject, t.predicate, t.object, graph) for t in triples)
        self.answer(HTTPStatus.NO_CONTENT if existed else HTTPStatus.CREATED, "text/plain", b"")

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (the base class's name)
        self.server.note(f"{self.address_string()} {format % args}")


class SparqlServer(ThreadingHTTPServer):
    """The endpoint bound to policy.host:policy.port over a store; serve_forever() in a thread, shutdown() to stop."""
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, store: Store, policy: Policy, log: Callable[[str], None] | None = None) -> None:
        self.store, self.policy, self.log = store, policy, log
        self.address_family = socket.AF_INET6 if ":" in policy.host else socket.AF_INET
        try:
            super().__init__((policy.host, policy.port), Handler)
        except OSError as exc:
            raise InputError(f"{policy.host}:{policy.port}", f"cannot listen there: {exc.strerror or exc}") from None
        self.policy.port = self.server_address[1]  # the port the system gave for port 0

    @property
    def url(self) -> str:
        host = DEFAULT_HOST if self.policy.host in WILDCARD_HOSTS else self.policy.host
        return f"http://{f'[{host}]' if ':' in host else host}:{self.policy.port}"

    def describe(self) -> str:
        lines = [f"SPARQL endpoint: {self.url}/query", f"Graph Store:     {self.url}/store"
                 + ("" if self.policy.writable else " (read-only)")]
        if self.policy.writable:
            lines.insert(1, f"SPARQL update:   {self.url}/update")
        return "\n".join(lines) + "\n"

    def note(self, message: str) -> None:
        if self.log is not None:
            self.log(message)

    def server_bind(self) -> None:  # HTTPServer's own looks the host's name up in DNS; nothing here needs it
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = str(self.server_address[0]), self.server_address[1]

    def handle_error(self, request, client_address) -> None:  # a broken connection: one line, no traceback
        import sys

        self.note(f"{client_address[0]}: {sys.exc_info()[1]}")


def serve_in_thread(server: SparqlServer) -> threading.Thread:
    thread = threading.Thread(target=server.serve_forever, name="sparql-server", daemon=True)
    thread.start()
    return thread
