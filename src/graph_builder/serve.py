"""A SPARQL 1.1 Protocol and Graph Store Protocol endpoint over the store: the
Oxigraph server (the `oxigraph` package on PyPI) run as a child process.

It serves the very folder pyoxigraph writes.  An on-disk store is opened by one
process at a time: the read-write server holds the store's lock, so a build or a
`query --store` started meanwhile fails at once instead of corrupting it; the
read-only server lets `query --store` read alongside, and no build may run then.
The server is started with --union-default-graph, so that a query without GRAPH
sees every resolution's named graph, as `graph-builder query` does.
"""
from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from .errors import InputError

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878


def server_binary() -> str | None:
    """The `oxigraph` executable: on PATH, or beside this Python (a virtualenv not activated)."""
    beside = Path(sys.executable).with_name("oxigraph")
    return shutil.which("oxigraph") or (str(beside) if beside.is_file() else None)


def free_port(host: str = DEFAULT_HOST) -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


class OxigraphServer:
    """The server as a context manager: started and ready on enter, stopped on exit."""

    def __init__(self, store: str | Path | None = None, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
                 read_only: bool = False, binary: str | None = None) -> None:
        self.binary = binary or server_binary()
        if self.binary is None:
            raise InputError("oxigraph", "the Oxigraph server is not installed (pip install oxigraph)")
        if read_only and store is None:
            raise InputError("--read-only", "needs a store folder")
        if store is not None and not Path(store).is_dir():
            raise InputError(str(store), "no store there (build one with `graph-builder build --store DIR`)")
        self.store, self.host, self.port, self.read_only = store, host, port, read_only
        self.process: subprocess.Popen | None = None
        self._log = tempfile.TemporaryFile()  # the server's messages, shown if it fails to start

    @property
    def address(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host  # an IPv6 address
        return f"{host}:{self.port}"

    @property
    def url(self) -> str:
        return f"http://{self.address}"

    @property
    def query_url(self) -> str:
        return self.url + "/query"

    @property
    def update_url(self) -> str:
        return self.url + "/update"

    @property
    def store_url(self) -> str:
        """The Graph Store Protocol endpoint: PUT/GET/DELETE ?graph=IRI."""
        return self.url + "/store"

    def command(self) -> list[str]:
        cmd = [self.binary, "serve-read-only" if self.read_only else "serve"]
        if self.store is not None:
            cmd += ["--location", str(self.store)]
        return cmd + ["--bind", self.address, "--union-default-graph"]

    def start(self, timeout: float = 30.0) -> "OxigraphServer":
        self.process = subprocess.Popen(self.command(), stdout=self._log, stderr=subprocess.STDOUT,
                                        stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise InputError(self.store or "oxigraph", f"the server did not start: {self.log().strip()}")
            if self.ready():
                return self
            time.sleep(0.1)
        self.stop()
        raise InputError(self.store or "oxigraph", f"the server did not answer within {timeout:.0f}s")

    def ready(self) -> bool:
        try:
            with urllib.request.urlopen(self.query_url + "?query=ASK%7B%7D", timeout=2) as r:
                return r.status == 200
        except (urllib.error.URLError, OSError):
            return False

    def log(self) -> str:
        self._log.seek(0)
        return self._log.read().decode("utf-8", "replace")

    def wait(self) -> int:
        assert self.process is not None
        return self.process.wait()

    def stop(self, timeout: float = 10.0) -> None:
        """Ctrl-C for the server (it exits at once, its store intact), then harder if it lingers."""
        p = self.process
        if p is None or p.poll() is not None:
            return
        p.send_signal(signal.SIGINT)
        try:
            p.wait(timeout)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()

    def __enter__(self) -> "OxigraphServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
        self._log.close()
