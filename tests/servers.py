"""Servers the tests start: `graph-builder serve` itself, Oxigraph's own server and Virtuoso (as other
Graph Store endpoints to push to), and small scripted HTTP servers (an attacker's page, a trickling or
failing endpoint).  Every one runs in its own process group or thread and is always stopped."""
from __future__ import annotations

import http.server
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from graph_builder.publish.serve import free_port


def stop_group(process: subprocess.Popen, first=signal.SIGTERM, timeout: float = 15) -> int:
    """Signal a child started with start_new_session=True and everything in its process group; kill what lingers."""
    if process.poll() is None:
        try:
            os.killpg(process.pid, first)
        except ProcessLookupError:
            pass
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            pass
    try:
        os.killpg(process.pid, signal.SIGKILL)  # anything the child left behind in its group
    except ProcessLookupError:
        pass
    return process.wait()


def group_members(pgid: int) -> list[int]:
    """The live processes in a process group (from /proc), zombies excluded."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()  # after "pid (comm) "
        if int(fields[2]) == pgid and fields[0] != "Z":
            members.append(int(entry.name))
    return members


class GraphBuilderServe:
    """`graph-builder serve ARGS --port 0` as a child; reads the URL (and token) it prints."""

    def __init__(self, *args: str, env: dict[str, str] | None = None) -> None:
        self.args, self.env = args, {**os.environ, **(env or {})}

    def __enter__(self) -> GraphBuilderServe:
        self.process = subprocess.Popen([sys.executable, "-m", "graph_builder", "serve", *self.args, "--port", "0"],
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=self.env,
                                        start_new_session=True)
        self.lines = []
        deadline = time.monotonic() + 60
        while not self.lines or not self.lines[-1].startswith("Serving"):
            line = self.process.stdout.readline()
            if not line:
                stop_group(self.process)
                raise RuntimeError(f"serve did not start: {self.process.stderr.read()}")
            self.lines.append(line.rstrip("\n"))
            if time.monotonic() > deadline:
                stop_group(self.process)
                raise RuntimeError("serve did not start within 60 s")
        self.url = re.search(r"http://[^ ]+", self.lines[-1]).group(0)
        self.port = int(self.url.rsplit(":", 1)[1])
        token = [line.split()[2] for line in self.lines if line.startswith("Write token:")]
        self.token = token[0] if token else self.env.get("GRAPH_BUILDER_TOKEN")
        return self

    def stop(self) -> int:
        return stop_group(self.process)

    def __exit__(self, *exc) -> None:
        self.stop()
        self.process.stdout.close()
        self.process.stderr.close()


def oxigraph_binary() -> str | None:
    """The `oxigraph` executable (the `oxigraph` package on PyPI): on PATH or beside this Python."""
    beside = Path(sys.executable).with_name("oxigraph")
    return shutil.which("oxigraph") or (str(beside) if beside.is_file() else None)


class OxigraphServer:
    """Oxigraph's own server, in memory, on a free loopback port: another Graph Store endpoint to push to."""

    def __init__(self) -> None:
        self.binary = oxigraph_binary()
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.query_url, self.store_url = self.url + "/query", self.url + "/store"

    def __enter__(self) -> OxigraphServer:
        self.log = tempfile.TemporaryFile()
        self.process = subprocess.Popen([self.binary, "serve", "--bind", f"127.0.0.1:{self.port}",
                                         "--union-default-graph"], stdout=self.log, stderr=subprocess.STDOUT,
                                        stdin=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                with urllib.request.urlopen(self.query_url + "?query=ASK%7B%7D", timeout=2):
                    return self
            except (urllib.error.URLError, OSError):
                time.sleep(0.1)
        self.__exit__()
        raise RuntimeError("the oxigraph server did not start")

    def __exit__(self, *exc) -> None:
        stop_group(self.process, signal.SIGINT)
        self.log.close()


class ScriptedServer:
    """A loopback HTTP server in a thread whose handler is one function: respond(handler) -> None."""

    def __init__(self, respond) -> None:
        self.requests: list[tuple[str, str, dict]] = []
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def handle_any(self) -> None:
                outer.requests.append((self.command, self.path, dict(self.headers)))
                respond(self)

            do_GET = do_POST = do_PUT = do_DELETE = handle_any

            def log_message(self, *args) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> ScriptedServer:
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def read_body(handler: http.server.BaseHTTPRequestHandler) -> bytes:
    return handler.rfile.read(int(handler.headers.get("Content-Length", "0")))


def reply(handler: http.server.BaseHTTPRequestHandler, status: int, body: bytes = b"",
          content_type: str = "text/plain", headers: dict[str, str] | None = None) -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(body)))
    for k, v in (headers or {}).items():
        handler.send_header(k, v)
    handler.end_headers()
    handler.wfile.write(body)


def port_is_free(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) != 0


def virtuoso_binaries() -> tuple[str, str] | None:
    """Debian's Virtuoso (`apt-get install virtuoso-opensource`): the server and its isql."""
    server, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt") or shutil.which("isql-v")
    return (server, isql) if server and isql else None


VIRTUOSO_INI = """\
[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CheckpointInterval = 0
DirsAllowed = ., {d}/data
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
ThreadsPerQuery = 2

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {d}
ServerThreads = 4
MaxClientConnections = 4

[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
"""


class VirtuosoServer:
    """A Virtuoso of the test's own: its own folder, virtuoso.ini and loopback ports; user dba, password dba
    (a new database's).  Stopped (its whole process group) on exit, whatever happened."""

    def __init__(self, folder: Path) -> None:
        self.server, self.isql_binary = virtuoso_binaries()
        self.folder = Path(folder)
        self.data = self.folder / "data"  # the folder DirsAllowed lets the bulk loader read
        self.sql_port, self.http_port = free_port(), free_port()
        self.url = f"http://127.0.0.1:{self.http_port}"
        self.sparql_url, self.graph_store_url = self.url + "/sparql", self.url + "/sparql-graph-crud-auth"

    def __enter__(self) -> VirtuosoServer:
        self.data.mkdir(parents=True, exist_ok=True)
        ini = self.folder / "virtuoso.ini"
        ini.write_text(VIRTUOSO_INI.format(d=self.folder, sql_port=self.sql_port, http_port=self.http_port))
        self.log = open(self.folder / "stdout.log", "wb")
        self.process = subprocess.Popen([self.server, "+foreground", "+configfile", str(ini)], cwd=self.folder,
                                        stdout=self.log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                        start_new_session=True)
        try:
            deadline = time.monotonic() + 90
            while True:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("Virtuoso did not start: " + self.error_log()[-500:])
                try:
                    with urllib.request.urlopen(self.sparql_url + "?query=ASK%7B%7D", timeout=2) as r:
                        if r.status == 200:
                            return self
                except (urllib.error.URLError, OSError):
                    time.sleep(0.3)
        except BaseException:
            self.__exit__()
            raise

    def error_log(self) -> str:
        try:
            return (self.folder / "virtuoso.log").read_text(errors="replace")
        except OSError:
            return ""

    def isql(self, statements: str) -> str:
        """Run SQL through isql; an error in any statement fails."""
        run = subprocess.run([self.isql_binary, f"127.0.0.1:{self.sql_port}", "dba", "dba", f"exec={statements}"],
                             capture_output=True, text=True, timeout=120)
        if run.returncode != 0 or "*** Error" in run.stdout + run.stderr:
            raise RuntimeError(f"isql: {statements}: {run.stdout[-500:]} {run.stderr[-500:]}")
        return run.stdout

    def __exit__(self, *exc) -> None:
        stop_group(self.process, signal.SIGTERM, timeout=30)
        self.log.close()
